//! The server's settings: from `initializationOptions`, then from
//! `workspace/didChangeConfiguration` (either flat or under a `starbank` key, as editors
//! nest them). Unknown keys are ignored; a wrong type leaves the setting as it was.

use std::path::PathBuf;

use serde_json::Value;

use crate::story::Level;

#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Judge every story against this level instead of its own (as `lint --level`).
    pub level: Option<Level>,
    /// Show the level each scope figure reads at after it.
    pub inlay_hints: bool,
    /// A bank folder for stories that have no `starbank.ron` above them.
    pub bank: Option<PathBuf>,
    /// A prompts folder instead of the one beside the bank (as `--prompts`).
    pub prompts: Option<PathBuf>,
    /// How long the server waits after a change before it lints, in milliseconds.
    pub debounce_ms: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            level: None,
            inlay_hints: true,
            bank: None,
            prompts: None,
            debounce_ms: 25,
        }
    }
}

impl Settings {
    /// Applies the settings found in `value`; returns what it could not read, for the log.
    pub fn update(&mut self, value: &Value) -> Vec<String> {
        let value = value.get("starbank").unwrap_or(value);
        let mut problems = Vec::new();
        if let Some(level) = value.get("level") {
            match level {
                Value::Null => self.level = None,
                Value::String(text) if text.is_empty() => self.level = None,
                Value::String(text) => match Level::parse(text) {
                    Some(level) => self.level = Some(level),
                    None => problems.push(format!("level `{text}`: use L6 or L7")),
                },
                other => problems.push(format!("level: expected \"L6\" or \"L7\", got {other}")),
            }
        }
        if let Some(hints) = value.get("inlayHints") {
            match hints.as_bool() {
                Some(on) => self.inlay_hints = on,
                None => problems.push(format!("inlayHints: expected true or false, got {hints}")),
            }
        }
        for (key, slot) in [("bank", &mut self.bank), ("prompts", &mut self.prompts)] {
            match value.get(key) {
                None => {}
                Some(Value::String(path)) if !path.is_empty() => *slot = Some(PathBuf::from(path)),
                Some(Value::Null | Value::String(_)) => *slot = None,
                Some(other) => problems.push(format!("{key}: expected a path, got {other}")),
            }
        }
        if let Some(debounce) = value.get("debounceMs") {
            match debounce.as_u64() {
                Some(ms) => self.debounce_ms = ms.min(5_000),
                None => problems.push(format!("debounceMs: expected milliseconds, got {debounce}")),
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_flat_and_nested_settings() {
        let mut settings = Settings::default();
        assert!(settings
            .update(&json!({"level": "l7", "inlayHints": false}))
            .is_empty());
        assert_eq!(settings.level, Some(Level::L7));
        assert!(!settings.inlay_hints);
        settings.update(&json!({"starbank": {"inlayHints": true, "level": null}}));
        assert!(settings.inlay_hints);
        assert_eq!(settings.level, None);
    }

    #[test]
    fn a_wrong_value_is_reported_and_ignored() {
        let mut settings = Settings::default();
        let problems = settings.update(&json!({"level": "L9", "inlayHints": "no"}));
        assert_eq!(problems.len(), 2);
        assert_eq!(settings, Settings::default());
    }
}
