//! Completion: question ids in `questions: [...]` (with their text), Leadership Principles in
//! `principles`, rule codes in `allow`, levels after `level:`, and field names where a field
//! goes. Every item replaces the word or string content at the cursor; the client filters.

use std::ops::Range;

use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionTextEdit, Documentation, MarkupContent,
    MarkupKind, TextEdit,
};

use crate::lint::RULES;
use crate::prompts::Prompts;
use crate::source::scan_fields;
use crate::story::{Level, STORY_FIELDS};

use super::context::{place, Place};
use super::document::Document;
use super::hover::question_text;
use super::position::Encoding;

/// One candidate before it becomes an LSP item.
struct Candidate {
    label: String,
    kind: CompletionItemKind,
    detail: Option<String>,
    docs: Option<String>,
}

pub fn complete(
    document: &Document,
    offset: usize,
    prompts: &Prompts,
    level: Option<Level>,
    encoding: Encoding,
) -> Vec<CompletionItem> {
    let text = &document.text;
    match place(text, offset) {
        Place::Value {
            field,
            word,
            string,
        } => {
            let candidates = values(&field, prompts, level);
            match string {
                // In a string: replace its content (and close it if it is not).
                Some(string) => items(
                    document,
                    candidates,
                    string.content.clone(),
                    |label| {
                        if string.closed {
                            label.to_string()
                        } else {
                            format!("{label}\"")
                        }
                    },
                    encoding,
                ),
                // A list entry not started yet: write the quotes.
                None if field != "level" => items(
                    document,
                    candidates,
                    word,
                    |label| format!("\"{label}\""),
                    encoding,
                ),
                None => items(document, candidates, word, str::to_string, encoding),
            }
        }
        Place::FieldName { word } => {
            let present: Vec<String> = scan_fields(text).into_iter().map(|f| f.name).collect();
            let typed = &text[word.clone()];
            let candidates = STORY_FIELDS
                .iter()
                .filter(|name| !present.iter().any(|p| p == *name) || **name == typed)
                .map(|name| Candidate {
                    label: (*name).to_string(),
                    kind: CompletionItemKind::FIELD,
                    detail: Some(field_help(name).to_string()),
                    docs: None,
                })
                .collect();
            items(
                document,
                candidates,
                word,
                |label| format!("{label}: "),
                encoding,
            )
        }
        Place::Outside => Vec::new(),
    }
}

fn values(field: &str, prompts: &Prompts, level: Option<Level>) -> Vec<Candidate> {
    match field {
        "questions" => {
            // The story's own level first.
            let mut questions: Vec<_> = prompts.questions.iter().collect();
            questions.sort_by_key(|q| Some(q.level) != level);
            questions
                .into_iter()
                .map(|q| Candidate {
                    label: q.id.clone(),
                    kind: CompletionItemKind::VALUE,
                    detail: Some(format!("{}: {}", q.level, q.text)),
                    docs: question_text(prompts, &q.id),
                })
                .collect()
        }
        "principles" => prompts
            .principles
            .iter()
            .map(|name| Candidate {
                label: name.clone(),
                kind: CompletionItemKind::ENUM_MEMBER,
                detail: Some("Leadership Principle".into()),
                docs: None,
            })
            .collect(),
        "allow" => RULES
            .iter()
            .map(|rule| Candidate {
                label: rule.code.to_string(),
                kind: CompletionItemKind::CONSTANT,
                detail: Some(format!("{}: {}", rule.name, rule.summary())),
                docs: Some(rule.explanation_text()),
            })
            .collect(),
        "level" => Level::ALL
            .iter()
            .map(|level| Candidate {
                label: level.as_str().to_string(),
                kind: CompletionItemKind::ENUM_MEMBER,
                detail: Some(match level {
                    Level::L6 => "Senior Engineering Manager".into(),
                    Level::L7 => "Senior Manager, a manager of managers".into(),
                }),
                docs: None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn items(
    document: &Document,
    candidates: Vec<Candidate>,
    replace: Range<usize>,
    insert: impl Fn(&str) -> String,
    encoding: Encoding,
) -> Vec<CompletionItem> {
    let range = document.range(replace, encoding);
    candidates
        .into_iter()
        .enumerate()
        .map(|(rank, candidate)| CompletionItem {
            text_edit: Some(CompletionTextEdit::Edit(TextEdit {
                range,
                new_text: insert(&candidate.label),
            })),
            filter_text: Some(candidate.label.clone()),
            sort_text: Some(format!("{rank:04}")),
            kind: Some(candidate.kind),
            detail: candidate.detail,
            documentation: candidate.docs.map(|value| {
                Documentation::MarkupContent(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value,
                })
            }),
            label: candidate.label,
            ..CompletionItem::default()
        })
        .collect()
}

fn field_help(name: &str) -> &'static str {
    match name {
        "title" => "the story in one line (\"...\")",
        "level" => "L6 or L7",
        "year" => "when it happened (2024)",
        "principles" => "Leadership Principles it shows ([\"Ownership\"])",
        "tags" => "your own labels ([\"hiring\"])",
        "questions" => "question ids it answers ([\"l6-...\"])",
        "situation" | "task" | "action" | "result" => "a STAR section (\"...\")",
        "short" => "the 30-45 second telling, for the sheet and follow-ups (\"...\")",
        "follow_ups" => "follow-up questions to prepare ([\"...\"])",
        "allow" => "rules to silence for this story ([\"SC002\"])",
        _ => "",
    }
}
