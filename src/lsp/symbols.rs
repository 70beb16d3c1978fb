//! Document symbols (the story's title with its STAR sections under it), inlay hints (the
//! level each scope figure reads at, after it) and go to definition (a question id to its
//! record in the question bank file).

use std::path::Path;

use lsp_types::{DocumentSymbol, InlayHint, InlayHintKind, InlayHintLabel, Location, SymbolKind};

use crate::lint::StoryReport;
use crate::source::{scan_fields, LineIndex};
use crate::story::{count_words, Section};

use super::document::Document;
use super::hover::reading_name;
use super::position::{Encoding, Lines};

/// The title, with the four sections (and any other field) as children.
#[allow(deprecated)] // `DocumentSymbol::deprecated` must still be written.
pub fn document_symbols(document: &Document, encoding: Encoding) -> Vec<DocumentSymbol> {
    let text = &document.text;
    let fields = scan_fields(text);
    let Some(first) = fields.first() else {
        return Vec::new();
    };
    let symbol = |name: String,
                  detail: Option<String>,
                  kind: SymbolKind,
                  whole: std::ops::Range<usize>,
                  selection: std::ops::Range<usize>,
                  children: Option<Vec<DocumentSymbol>>| DocumentSymbol {
        name,
        detail,
        kind,
        tags: None,
        deprecated: None,
        range: document.range(whole, encoding),
        selection_range: document.range(selection, encoding),
        children,
    };
    let sections: Vec<DocumentSymbol> = fields
        .iter()
        .filter_map(|field| {
            let section = Section::ALL
                .into_iter()
                .find(|s| s.as_str() == field.name)?;
            let words = field.strings.first().map_or(0, |s| count_words(&s.value));
            Some(symbol(
                section.title().to_string(),
                Some(format!("{words} words")),
                SymbolKind::STRING,
                field.name_span.start..field.value_span.end,
                field.name_span.clone(),
                None,
            ))
        })
        .collect();
    let (title, selection) = match fields.iter().find(|f| f.name == "title") {
        Some(field) => (
            field
                .strings
                .first()
                .map_or_else(String::new, |s| s.value.clone()),
            field.value_span.clone(),
        ),
        None => (String::new(), first.name_span.clone()),
    };
    let end = fields.last().map_or(text.len(), |f| f.value_span.end);
    let name = if title.trim().is_empty() {
        "(untitled story)".to_string()
    } else {
        title
    };
    vec![symbol(
        name,
        None,
        SymbolKind::CLASS,
        first.name_span.start..end,
        selection,
        Some(sections),
    )]
}

/// "L6", "L7" or "below L6" after each scope figure.
pub fn inlay_hints(
    document: &Document,
    report: &StoryReport,
    visible: std::ops::Range<usize>,
    encoding: Encoding,
) -> Vec<InlayHint> {
    report
        .figures
        .iter()
        .filter(|f| f.is_scope() && f.span.end >= visible.start && f.span.start <= visible.end)
        .map(|figure| InlayHint {
            position: document
                .range(figure.span.end..figure.span.end, encoding)
                .start,
            label: InlayHintLabel::String(reading_name(figure.reads_at).to_string()),
            kind: Some(InlayHintKind::TYPE),
            text_edits: None,
            tooltip: None,
            padding_left: Some(true),
            padding_right: None,
            data: None,
        })
        .collect()
}

/// Where question `id` is recorded in the question bank file `path` whose text is `text`:
/// its `id: "..."` value.
pub fn question_location(
    path: &Path,
    text: &str,
    id: &str,
    encoding: Encoding,
) -> Option<Location> {
    let needle = crate::source::encode_plain(id, false);
    let lines = Lines::new(text);
    let mut from = 0;
    while let Some(at) = text[from..].find(&needle) {
        let start = from + at;
        from = start + needle.len();
        // The value of an `id:` field, not the same words in a text or a comment.
        let before = text[..start].trim_end();
        let is_id = before.ends_with(':') && before[..before.len() - 1].trim_end().ends_with("id");
        let line = LineIndex::new(text).position(text, start).line;
        let in_comment = LineIndex::new(text)
            .line_text(text, line)
            .trim_start()
            .starts_with("//");
        if is_id && !in_comment {
            return Some(Location {
                uri: super::uri::from_path(path)?,
                range: lines.range(text, start..start + needle.len(), encoding),
            });
        }
    }
    None
}
