//! The one adapter from the library's findings to LSP diagnostics: lint findings (with their
//! byte spans), load errors (with their 1-based line and character column) and bank-wide
//! findings all become a [`Found`] with a byte range in the buffer, then an
//! `lsp_types::Diagnostic` in the client's encoding.

use std::ops::Range;

use lsp_types::{CodeDescription, DiagnosticSeverity, NumberOrString};

use crate::config::Severity;
use crate::error::LoadError;
use crate::lint::Diagnostic;

use super::docs::Docs;
use super::position::{Encoding, Lines};

/// The code of a file that does not load (not a lint rule: it cannot be allowed).
pub const LOAD_ERROR: &str = "load-error";

/// A finding placed in the buffer.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub bytes: Range<usize>,
    /// A rule code, or [`LOAD_ERROR`].
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    /// The replacement for `bytes` that fixes it.
    pub suggestion: Option<String>,
}

impl Found {
    pub fn is_rule(&self) -> bool {
        self.code != LOAD_ERROR
    }
}

/// A lint finding; one with no place in the file is put at the file start.
pub fn from_lint(diagnostic: &Diagnostic, text: &str) -> Found {
    let bytes = diagnostic.span.clone().unwrap_or(0..0);
    Found {
        bytes: bytes.start.min(text.len())..bytes.end.min(text.len()),
        code: diagnostic.code,
        severity: diagnostic.severity,
        message: diagnostic.message.clone(),
        help: diagnostic.help.clone(),
        suggestion: diagnostic.suggestion.clone(),
    }
}

/// A load error of this buffer, from parsing it: its byte range is in the text after a
/// byte-order mark, as the story parser reads it. A whole-file error sits at the start.
pub fn from_load_error(error: &LoadError, text: &str) -> Found {
    let bom = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let span = error.span.clone().unwrap_or(0..0);
    let clamp = |at: usize| {
        let mut at = (at + bom).min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let (start, end) = (clamp(span.start), clamp(span.end));
    Found {
        bytes: start..end.max(start),
        code: LOAD_ERROR,
        severity: Severity::Error,
        message: error.message.clone(),
        help: error.help.clone(),
        suggestion: error.suggestion.clone(),
    }
}

/// The LSP diagnostic of a finding.
pub fn to_lsp(
    found: &Found,
    text: &str,
    lines: &Lines,
    encoding: Encoding,
    docs: &Docs,
) -> lsp_types::Diagnostic {
    let mut message = found.message.clone();
    if let Some(help) = &found.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    lsp_types::Diagnostic {
        range: lines.range(text, found.bytes.clone(), encoding),
        severity: Some(severity(found.severity)),
        code: Some(NumberOrString::String(found.code.to_string())),
        code_description: docs
            .rule_uri(found.code)
            .filter(|_| found.is_rule())
            .map(|href| CodeDescription { href }),
        source: Some("starbank".into()),
        message,
        ..lsp_types::Diagnostic::default()
    }
}

fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn a_load_error_is_placed_after_a_byte_order_mark() {
        let text = "\u{feff}(titel: \"T\")";
        let error = crate::story::Story::parse(Path::new("s.ron"), text.into()).unwrap_err();
        let found = from_load_error(&error, text);
        assert_eq!(&text[found.bytes.clone()], "titel");
        assert_eq!(found.suggestion.as_deref(), Some("title"));
    }
}
