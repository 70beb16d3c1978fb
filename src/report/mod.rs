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
use std::ops::Range;
use std::path::Path;

use crate::error::LoadError;
use crate::lint::{Diagnostic, Report};
use crate::source::Position;
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

/// Renders `report` in `format`. `stories` supplies the text that diagnostics' byte ranges
/// point into: lines and columns are computed from it here, and frames show its lines.
pub fn render(format: Format, report: &Report, stories: &[Story], options: HumanOptions) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail, and every format writes UTF-8.
    let _ = write(format, report, stories, options, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes `report` in `format` to `sink` as it is produced (what `lint` prints): the text
/// of a large report is never held whole in memory. See [`render`].
pub fn write(
    format: Format,
    report: &Report,
    stories: &[Story],
    options: HumanOptions,
    sink: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let sources = Sources::new(stories).with_load_errors(&report.errors);
    match format {
        Format::Human => human::write(report, &sources, options, sink),
        Format::Json => json::write(report, &sources, sink),
        Format::Short => short::write(report, &sources, sink),
        Format::Github => github::write(report, &sources, sink),
        Format::Sarif => sarif::write(report, &sources, sink),
    }
}

/// Writes what a text format has built so far to `sink` and empties the buffer for reuse.
fn drain(buffer: &mut String, sink: &mut dyn std::io::Write) -> std::io::Result<()> {
    sink.write_all(buffer.as_bytes())?;
    buffer.clear();
    Ok(())
}

/// Where a diagnostic is: 1-based lines and character columns, the end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Place {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

impl Place {
    /// The start of a file, where an error about the whole file is reported.
    const FILE_START: Place = Place {
        line: 1,
        column: 1,
        end_line: 1,
        end_column: 1,
    };
}

/// Stories by path, and the files that did not load: the text a diagnostic's byte range is
/// in.
pub struct Sources<'a> {
    by_path: HashMap<&'a Path, &'a Story>,
    /// A file can have several (a `starbank.ron` with two mistakes).
    not_loaded: HashMap<&'a Path, Vec<&'a LoadError>>,
}

impl<'a> Sources<'a> {
    pub fn new(stories: &'a [Story]) -> Sources<'a> {
        Sources {
            by_path: stories.iter().map(|s| (s.path.as_path(), s)).collect(),
            not_loaded: HashMap::new(),
        }
    }

    /// Also the files that did not load, for their diagnostics' places.
    pub fn with_load_errors(mut self, errors: &'a [LoadError]) -> Sources<'a> {
        for error in errors {
            self.not_loaded
                .entry(error.path.as_path())
                .or_default()
                .push(error);
        }
        self
    }

    pub fn line(&self, path: &Path, line: usize) -> Option<&'a str> {
        self.by_path.get(path).map(|story| story.line_text(line))
    }

    /// The load error a load diagnostic was made from (same file, place and message).
    fn load_error(&self, diagnostic: &Diagnostic) -> Option<&'a LoadError> {
        self.not_loaded
            .get(diagnostic.path.as_path())?
            .iter()
            .copied()
            .find(|error| error.span == diagnostic.span && error.message == diagnostic.message)
    }

    /// The line and column of a byte offset in the file at `path`.
    fn position(&self, path: &Path, offset: usize) -> Option<Position> {
        self.by_path.get(path).map(|story| story.position(offset))
    }

    /// Where `diagnostic` is. A file that did not load is placed by its load error (1:1 for
    /// an error about the whole file); a finding without a span or a file has no place.
    fn place_of(&self, diagnostic: &Diagnostic) -> Option<Place> {
        if diagnostic.is_load_error() {
            let error = self.load_error(diagnostic)?;
            let (start, end) = (error.start(), error.end());
            return Some(Place {
                line: start.line,
                column: start.column,
                end_line: end.line,
                end_column: end.column,
            });
        }
        self.place(&diagnostic.path, diagnostic.span.as_ref())
    }

    /// Where `span` is in the file at `path`; `None` without a span or without the file.
    fn place(&self, path: &Path, span: Option<&Range<usize>>) -> Option<Place> {
        let span = span?;
        let start = self.position(path, span.start)?;
        let end = self.position(path, span.end)?;
        Some(Place {
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
        })
    }
}

/// A path as reports print it: forward slashes, so output is the same on every system. (Only
/// on Windows is `\\` a separator; elsewhere it is a character of a file name, kept.)
fn display_path(path: &Path) -> String {
    let text = path.to_string_lossy();
    if cfg!(windows) {
        text.replace('\\', "/")
    } else {
        text.into_owned()
    }
}

/// [`display_path`] made safe for a terminal: a file name is story text too.
fn terminal_path(path: &Path) -> String {
    crate::snippet::sanitize(&display_path(path))
}
