//! A bank's optional `starbank.ron`: target level, rule selection, severities, limits and
//! rubric overrides. Every field is optional.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::LoadError;
use crate::figures::FigureKind;
use crate::plan::loops::{Loop, LoopOrigin};
use crate::prompts::{parse_prompt_file, Rubric};
use crate::story::Level;

pub const CONFIG_FILE: &str = "starbank.ron";

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(text: &str) -> Option<Severity> {
        match text.trim().to_ascii_lowercase().as_str() {
            "info" | "note" => Some(Severity::Info),
            "warning" | "warn" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An override of one rubric dimension's thresholds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DimensionOverride {
    #[serde(default)]
    pub l6_from: Option<f64>,
    #[serde(default)]
    pub l7_from: Option<f64>,
    /// The name of one of the dimension's documented alternatives (e.g. "doc-001").
    #[serde(default)]
    pub alternative: Option<String>,
}

/// The contents of `starbank.ron`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// The target level of stories that do not state one.
    pub level: Option<Level>,
    /// Speaking pace for the spoken-length rules.
    pub words_per_minute: f64,
    pub min_minutes: f64,
    pub max_minutes: f64,
    /// The spoken length of a story's `short` version, in seconds.
    pub short_min_seconds: f64,
    pub short_max_seconds: f64,
    /// The share of a story's words that Action should have at least.
    pub action_share: f64,
    /// A bank should have at least this many stories.
    pub min_stories: usize,
    /// A story that is the best answer to more than this many questions is overused.
    pub max_questions_per_story: usize,
    /// When not empty, only these rules run (codes, names or code prefixes such as `SC`).
    pub enable: Vec<String>,
    /// Rules to turn off (codes, names or code prefixes).
    pub disable: Vec<String>,
    /// Severity per rule, by code or name.
    pub severity: BTreeMap<String, Severity>,
    pub rubric: BTreeMap<FigureKind, DimensionOverride>,
    /// Interview loops that replace the prompts' loop of their level (`prompts/loop.ron`).
    pub loops: Vec<Loop>,
    /// Where `loops` was read, to locate a problem in it.
    #[serde(skip)]
    pub loops_origin: LoopOrigin,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            level: None,
            words_per_minute: 150.0,
            min_minutes: 1.5,
            max_minutes: 3.5,
            short_min_seconds: 30.0,
            short_max_seconds: 45.0,
            action_share: 0.4,
            min_stories: 10,
            max_questions_per_story: 4,
            enable: Vec::new(),
            disable: Vec::new(),
            severity: BTreeMap::new(),
            rubric: BTreeMap::new(),
            loops: Vec::new(),
            loops_origin: LoopOrigin::default(),
        }
    }
}

impl Config {
    /// Reads `starbank.ron` at the bank root; no file is the default config.
    pub fn load(bank_root: &Path) -> Result<Config, LoadError> {
        let path = config_path(bank_root);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(err) => return Err(LoadError::io(&path, &err)),
        };
        Config::parse(&path, &text)
    }

    /// Parses and validates the text of a `starbank.ron` (`path` names it in errors).
    pub fn parse(path: &Path, text: &str) -> Result<Config, LoadError> {
        let mut config: Config = parse_prompt_file(path, text)?;
        config.validate(path, text)?;
        config.loops_origin = LoopOrigin::new(path, text);
        Ok(config)
    }

    fn validate(&self, path: &Path, text: &str) -> Result<(), LoadError> {
        // RON reads `NaN` and `inf` as numbers; neither is a pace, a length or a share, and
        // every comparison with NaN is false, so they are refused before the checks below.
        let numbers = [
            ("words_per_minute", self.words_per_minute),
            ("min_minutes", self.min_minutes),
            ("max_minutes", self.max_minutes),
            ("action_share", self.action_share),
        ];
        let thresholds_finite = self
            .rubric
            .values()
            .flat_map(|change| [change.l6_from, change.l7_from])
            .flatten()
            .all(f64::is_finite);
        let minutes = |value: f64| value.is_finite() && (0.0..=600.0).contains(&value);
        let problem = if let Some((field, _)) = numbers.iter().find(|(_, v)| !v.is_finite()) {
            Some((*field, "must be a finite number"))
        } else if !thresholds_finite {
            Some(("rubric", "thresholds must be finite numbers"))
        } else if self.words_per_minute <= 0.0 {
            Some(("words_per_minute", "must be above 0"))
        } else if !minutes(self.min_minutes) {
            Some(("min_minutes", "must be between 0 and 600 minutes"))
        } else if !minutes(self.max_minutes) {
            Some(("max_minutes", "must be between 0 and 600 minutes"))
        } else if !minutes(self.short_min_seconds / 60.0) {
            Some(("short_min_seconds", "must be between 0 and 36000 seconds"))
        } else if !minutes(self.short_max_seconds / 60.0) {
            Some(("short_max_seconds", "must be between 0 and 36000 seconds"))
        } else if self.min_minutes > self.max_minutes {
            Some(("min_minutes", "must not exceed max_minutes"))
        } else if self.short_min_seconds > self.short_max_seconds {
            Some(("short_min_seconds", "must not exceed short_max_seconds"))
        } else if !(0.0..=1.0).contains(&self.action_share) {
            Some(("action_share", "must be a share between 0.0 and 1.0"))
        } else {
            None
        };
        match problem {
            None => Ok(()),
            Some((field, what)) => {
                let story_fields = crate::source::scan_fields(text);
                let offset = story_fields
                    .iter()
                    .find(|f| f.name == field)
                    .map_or(0, |f| f.name_span.start);
                Err(LoadError::at(
                    path,
                    text,
                    offset..offset,
                    format!("`{field}` {what}"),
                    Some("fix the value in starbank.ron".into()),
                ))
            }
        }
    }

    /// The rubric with this config's overrides applied.
    pub fn apply_to(&self, rubric: &Rubric) -> Rubric {
        let mut rubric = rubric.clone();
        for (kind, change) in &self.rubric {
            let Some(dimension) = rubric.dimension_mut(*kind) else {
                continue;
            };
            if let Some(name) = &change.alternative {
                if let Some(alt) = dimension.alternatives.iter().find(|a| &a.name == name) {
                    dimension.l6_from = alt.l6_from;
                    dimension.l7_from = alt.l7_from;
                }
            }
            if let Some(value) = change.l6_from {
                dimension.l6_from = value;
            }
            if let Some(value) = change.l7_from {
                dimension.l7_from = value;
            }
        }
        rubric
    }
}

pub fn config_path(bank_root: &Path) -> PathBuf {
    bank_root.join(CONFIG_FILE)
}
