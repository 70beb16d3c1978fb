//! Every command's output. Lint reports in five formats: human (rustc/ruff-style frames),
//! json (the docs/json.md contract), short (quickfix lines), github (workflow annotations)
//! and sarif (code scanning); and the human and JSON output of `search`, `map` and
//! `coverage` ([`search`], [`map`], [`coverage`]).

pub mod coverage;
mod github;
mod human;
mod json;
pub mod map;
pub mod plan;
mod sarif;
pub mod search;
pub mod sheet;
mod short;

use std::collections::HashMap;
use std::path::Path;

use crate::lint::Report;
use crate::story::Story;

pub use human::HumanOptions;

/// How to print a lint report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Frames with the phrase underlined, colour on a terminal
    Human,
    /// The stable JSON contract (docs/json.md)
    Json,
    /// `path:line:col: severity[CODE] message`, one per line
    Short,
    /// GitHub Actions workflow annotations
    Github,
    /// SARIF 2.1.0 for code scanning
    Sarif,
}

/// Renders `report` in `format`. `stories` supplies the source lines frames show.
pub fn render(format: Format, report: &Report, stories: &[Story], options: HumanOptions) -> String {
    match format {
        Format::Human => human::render(report, &Sources::new(stories), options),
        Format::Json => json::render(report),
        Format::Short => short::render(report),
        Format::Github => github::render(report),
        Format::Sarif => sarif::render(report),
    }
}

/// Stories by path, for looking up the line a diagnostic points at.
pub struct Sources<'a> {
    by_path: HashMap<&'a Path, &'a Story>,
}

impl<'a> Sources<'a> {
    pub fn new(stories: &'a [Story]) -> Sources<'a> {
        Sources {
            by_path: stories.iter().map(|s| (s.path.as_path(), s)).collect(),
        }
    }

    pub fn line(&self, path: &Path, line: usize) -> Option<&'a str> {
        self.by_path.get(path).map(|story| story.line_text(line))
    }
}

/// A path as reports print it: forward slashes, so output is the same on every system.
fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}
