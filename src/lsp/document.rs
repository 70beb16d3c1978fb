//! An open document: the buffer text as the editor has it (never the file on disk), its
//! edits, and the last analysis of that text.

use std::path::PathBuf;
use std::time::Instant;

use lsp_types::{TextDocumentContentChangeEvent, Uri};

use crate::error::LoadError;
use crate::lint::StoryReport;
use crate::story::{Story, MAX_STORY_BYTES};

use super::diagnostics::{from_lint, from_load_error, Found};
use super::position::{Encoding, Lines};
use super::workspace::BankState;

#[derive(Debug)]
pub struct Document {
    pub uri: Uri,
    /// `None` for a URI that is not a local file.
    pub path: Option<PathBuf>,
    pub version: i32,
    pub text: String,
    pub lines: Lines,
    /// The root of the bank the document is a story of; `None` outside every bank.
    pub bank: Option<PathBuf>,
    /// When the text last changed and has not been linted since.
    pub dirty_since: Option<Instant>,
    pub analysis: Analysis,
}

/// What the last lint of the buffer found.
#[derive(Debug, Default)]
pub struct Analysis {
    /// The story, when the buffer parses as one.
    pub story: Option<Story>,
    pub report: Option<StoryReport>,
    /// The story's own findings (and its load error), in the buffer.
    pub found: Vec<Found>,
}

impl Document {
    pub fn new(uri: Uri, path: Option<PathBuf>, version: i32, text: String) -> Document {
        Document {
            lines: Lines::new(&text),
            uri,
            path,
            version,
            text,
            bank: None,
            dirty_since: None,
            analysis: Analysis::default(),
        }
    }

    /// Applies `didChange` edits in order; an edit without a range replaces the whole text.
    pub fn apply(
        &mut self,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
        encoding: Encoding,
    ) {
        for change in changes {
            match change.range {
                Some(range) => {
                    let bytes = self.lines.bytes(&self.text, range, encoding);
                    self.text.replace_range(bytes, &change.text);
                }
                None => self.text = change.text,
            }
            self.lines = Lines::new(&self.text);
        }
        self.version = version;
        self.dirty_since = Some(Instant::now());
    }

    pub fn replace(&mut self, text: String) {
        self.lines = Lines::new(&text);
        self.text = text;
        self.dirty_since = Some(Instant::now());
    }

    /// Lints the buffer as a story of `bank`.
    pub fn analyse(&mut self, bank: &BankState) {
        self.dirty_since = None;
        let Some(path) = self.path.clone() else {
            self.analysis = Analysis::default();
            return;
        };
        let parsed = if self.text.len() as u64 > MAX_STORY_BYTES {
            Err(LoadError::too_large(&path, self.text.len() as u64))
        } else {
            Story::parse(&path, self.text.clone())
        };
        self.analysis = match parsed {
            Ok(story) => {
                let report = bank.linter.lint_story(&story);
                let found = report
                    .diagnostics
                    .iter()
                    .map(|d| from_lint(d, &self.text))
                    .collect();
                Analysis {
                    story: Some(story),
                    report: Some(report),
                    found,
                }
            }
            Err(error) => Analysis {
                found: vec![from_load_error(&error, &self.text)],
                ..Analysis::default()
            },
        };
    }

    /// The byte offset of an LSP position in the buffer.
    pub fn offset(&self, position: lsp_types::Position, encoding: Encoding) -> usize {
        self.lines.offset(&self.text, position, encoding)
    }

    pub fn range(&self, bytes: std::ops::Range<usize>, encoding: Encoding) -> lsp_types::Range {
        self.lines.range(&self.text, bytes, encoding)
    }

    /// The buffer's line ending, for inserted lines.
    pub fn newline(&self) -> &'static str {
        if self.text.contains("\r\n") {
            "\r\n"
        } else {
            "\n"
        }
    }
}
