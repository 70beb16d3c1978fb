//! Files the server writes for the editor to open: one Markdown page per lint rule (the
//! target of each diagnostic's `codeDescription` link) and the built-in prompts files (the
//! target of go to definition when a bank has no `prompts/` of its own). They go to
//! `$XDG_CACHE_HOME/starbank/<version>/` (else `~/.cache/...`, else the temp folder), so
//! they always match the binary that serves them and need no network.

use std::path::{Path, PathBuf};

use lsp_types::Uri;

use crate::lint::{Rule, RULES};
use crate::prompts::Prompts;

/// Where the server's generated files live.
#[derive(Debug, Clone)]
pub struct Docs {
    dir: Option<PathBuf>,
}

impl Docs {
    /// Writes the rule pages (once per version); on failure links are left out.
    pub fn prepare() -> Docs {
        let dir = cache_dir().join(env!("CARGO_PKG_VERSION"));
        let written = RULES.iter().all(|rule| {
            write_once(
                &dir.join("rules").join(format!("{}.md", rule.code)),
                &page(rule),
            )
        });
        if !written {
            eprintln!(
                "starbank lsp: cannot write rule pages under {}; diagnostics carry no links",
                dir.display()
            );
        }
        Docs {
            dir: written.then_some(dir),
        }
    }

    /// No files: for tests, and when nothing can be written.
    pub fn none() -> Docs {
        Docs { dir: None }
    }

    /// The page that explains a rule.
    pub fn rule_uri(&self, code: &str) -> Option<Uri> {
        let path = self.dir.as_ref()?.join("rules").join(format!("{code}.md"));
        super::uri::from_path(&path)
    }

    /// A built-in prompts file written out (`questions.ron`), for go to definition.
    pub fn builtin_prompts_file(&self, name: &str) -> Option<PathBuf> {
        let text = Prompts::builtin_source(name)?;
        let dir = self
            .dir
            .clone()
            .unwrap_or_else(|| cache_dir().join(env!("CARGO_PKG_VERSION")));
        let path = dir.join("builtin-prompts").join(name);
        write_once(&path, text).then_some(path)
    }
}

/// A rule's page: what `starbank explain CODE` prints, as Markdown.
pub fn page(rule: &Rule) -> String {
    format!(
        "# {} `{}`\n\nDefault severity: {}. Silence it for one story with `allow: [\"{}\"]`, \
         for the bank in `starbank.ron` (`disable: [\"{}\"]`).\n\n{}\n",
        rule.code,
        rule.name,
        rule.severity,
        rule.code,
        rule.code,
        rule.explanation_text()
    )
}

fn cache_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("XDG_CACHE_HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir).join("starbank");
    }
    if let Some(home) = std::env::var_os("HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(home).join(".cache").join("starbank");
    }
    std::env::temp_dir().join("starbank")
}

/// Writes `text` to `path` unless it already holds exactly that.
fn write_once(path: &Path, text: &str) -> bool {
    if std::fs::read_to_string(path).is_ok_and(|old| old == text) {
        return true;
    }
    let Some(parent) = path.parent() else {
        return false;
    };
    std::fs::create_dir_all(parent).is_ok() && std::fs::write(path, text).is_ok()
}
