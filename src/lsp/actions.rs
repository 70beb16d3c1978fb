//! Code actions: apply a finding's "did you mean" fix, allow a finding's rule in this story,
//! and link the questions the story answers best into its `questions:` list.

use std::collections::HashMap;
use std::ops::Range;

use lsp_types::{CodeAction, CodeActionKind, CodeActionOrCommand, TextEdit, Uri, WorkspaceEdit};

use crate::index::ADEQUATE;
use crate::prompts::Prompts;
use crate::source::{encode_plain, scan_fields};

use super::diagnostics::Found;
use super::document::Document;
use super::position::Encoding;

/// The most questions offered for linking at once.
const LINK_OFFERS: usize = 3;

/// Quick fixes for the findings that overlap `range` (byte offsets in the buffer).
pub fn fixes(
    document: &Document,
    found: &[&Found],
    range: Range<usize>,
    encoding: Encoding,
    lsp: &dyn Fn(&Found) -> lsp_types::Diagnostic,
) -> Vec<CodeActionOrCommand> {
    let mut actions = Vec::new();
    let mut allowed = Vec::new();
    for finding in found.iter().filter(|f| overlaps(&f.bytes, &range)) {
        if let Some(replacement) = &finding.suggestion {
            actions.push(action(
                format!("Replace with {replacement}"),
                CodeActionKind::QUICKFIX,
                document,
                vec![(finding.bytes.clone(), replacement.clone())],
                encoding,
                Some(lsp(finding)),
                true,
            ));
        }
        if finding.is_rule() && !allowed.contains(&finding.code) {
            allowed.push(finding.code);
            if let Some(edit) =
                list_insert(&document.text, "allow", finding.code, document.newline())
            {
                actions.push(action(
                    format!("Allow {} in this story", finding.code),
                    CodeActionKind::QUICKFIX,
                    document,
                    vec![edit],
                    encoding,
                    Some(lsp(finding)),
                    false,
                ));
            }
        }
    }
    actions
}

/// "Link question ...": the strongest adequate questions the story does not link yet.
pub fn links(
    document: &Document,
    strengths: &[(String, f32)],
    linked: &[String],
    prompts: &Prompts,
    encoding: Encoding,
) -> Vec<CodeActionOrCommand> {
    strengths
        .iter()
        .filter(|(id, strength)| *strength >= ADEQUATE && !linked.contains(id))
        .take(LINK_OFFERS)
        .filter_map(|(id, strength)| {
            let text = prompts.question(id).map_or("", |q| q.text.as_str());
            let edit = list_insert(&document.text, "questions", id, document.newline())?;
            Some(action(
                format!("Link question {id} ({strength:.2}): {text}"),
                CodeActionKind::REFACTOR,
                document,
                vec![edit],
                encoding,
                None,
                false,
            ))
        })
        .collect()
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start <= b.end && b.start <= a.end
}

fn action(
    title: String,
    kind: CodeActionKind,
    document: &Document,
    edits: Vec<(Range<usize>, String)>,
    encoding: Encoding,
    diagnostic: Option<lsp_types::Diagnostic>,
    preferred: bool,
) -> CodeActionOrCommand {
    let edits = edits
        .into_iter()
        .map(|(bytes, new_text)| TextEdit {
            range: document.range(bytes, encoding),
            new_text,
        })
        .collect();
    // lsp-types keys `changes` by `Uri`, whose parsed form caches in a `Cell`; the key is
    // never mutated here.
    #[allow(clippy::mutable_key_type)]
    let changes: HashMap<Uri, Vec<TextEdit>> = HashMap::from([(document.uri.clone(), edits)]);
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(kind),
        diagnostics: diagnostic.map(|d| vec![d]),
        edit: Some(WorkspaceEdit {
            changes: Some(changes),
            ..WorkspaceEdit::default()
        }),
        is_preferred: preferred.then_some(true),
        ..CodeAction::default()
    })
}

/// The edit that adds `entry` to the list field `field` (creating the field after the last
/// one when the story has none), or `None` when the story's fields cannot be read.
pub fn list_insert(
    text: &str,
    field: &str,
    entry: &str,
    newline: &str,
) -> Option<(Range<usize>, String)> {
    let literal = encode_plain(entry, false);
    let fields = scan_fields(text);
    if let Some(found) = fields.iter().find(|f| f.name == field) {
        let value = &text[found.value_span.clone()];
        let close = found.value_span.start + value.rfind(']')?;
        return Some(match found.strings.last() {
            Some(last) => (last.span.end..last.span.end, format!(", {literal}")),
            None => {
                let open = found.value_span.start + value.find('[')? + 1;
                (open..close, literal)
            }
        });
    }
    let last = fields.last()?;
    let line_start = text[..last.name_span.start]
        .rfind('\n')
        .map_or(0, |at| at + 1);
    let indent: String = text[line_start..last.name_span.start]
        .chars()
        .take_while(|c| c.is_whitespace())
        .collect();
    let after = last.value_span.end;
    let rest = &text[after..];
    let comma = rest.len() - rest.trim_start().len();
    let new_field = format!("{newline}{indent}{field}: [{literal}],");
    Some(if rest.trim_start().starts_with(',') {
        let at = after + comma + 1;
        (at..at, new_field)
    } else {
        let at = text[..after].trim_end().len();
        (at..at, format!(",{new_field}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(text: &str, field: &str, entry: &str) -> String {
        let (range, new) = list_insert(text, field, entry, "\n").unwrap();
        let mut text = text.to_string();
        text.replace_range(range, &new);
        text
    }

    #[test]
    fn adds_to_an_existing_list() {
        assert_eq!(
            apply("(allow: [\"SC001\"], title: \"T\")", "allow", "ST003"),
            "(allow: [\"SC001\", \"ST003\"], title: \"T\")"
        );
        assert_eq!(
            apply("(allow: [ ], title: \"T\")", "allow", "ST003"),
            "(allow: [\"ST003\"], title: \"T\")"
        );
    }

    #[test]
    fn adds_the_field_after_the_last_one() {
        assert_eq!(
            apply(
                "(\n    title: \"T\",\n    result: \"r\",\n)",
                "allow",
                "ST003"
            ),
            "(\n    title: \"T\",\n    result: \"r\",\n    allow: [\"ST003\"],\n)"
        );
        assert_eq!(
            apply(
                "(\n  title: \"T\",\n  result: \"r\"\n)",
                "questions",
                "l6-x"
            ),
            "(\n  title: \"T\",\n  result: \"r\",\n  questions: [\"l6-x\"],\n)"
        );
    }
}
