//! Where the cursor is in a story file, read leniently: the buffer is mid-edit more often
//! than not (an unclosed string, a missing comma), so this does not parse the story; it
//! scans from the start to the cursor, tracking brackets, the field whose value it is in,
//! comments and strings. Hover, completion and go to definition ask it.

use std::ops::Range;

use crate::source::string_literal_at;

/// What the cursor is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// Where a field name goes, or on one; `word` is the name typed so far (maybe empty).
    FieldName { word: Range<usize> },
    /// In the value of `field`.
    Value {
        field: String,
        /// The bare word at the cursor (`L7` after `level:`), maybe empty.
        word: Range<usize>,
        /// The string literal the cursor is in.
        string: Option<StringAt>,
    },
    /// Before the story, after it, or in a comment.
    Outside,
}

/// A string literal the cursor is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StringAt {
    /// Between the quotes; for an unclosed string, up to the end of the word at the cursor.
    pub content: Range<usize>,
    /// The decoded text (the raw text of an unclosed string).
    pub value: String,
    pub closed: bool,
}

impl Place {
    /// The field whose value the cursor is in.
    pub fn field(&self) -> Option<&str> {
        match self {
            Place::Value { field, .. } => Some(field),
            _ => None,
        }
    }

    pub fn string(&self) -> Option<&StringAt> {
        match self {
            Place::Value { string, .. } => string.as_ref(),
            _ => None,
        }
    }
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

/// The end of the run of word characters from `at`.
fn word_end(text: &str, at: usize) -> usize {
    at + text[at..]
        .char_indices()
        .find(|&(_, c)| !is_word(c))
        .map_or(text.len() - at, |(i, _)| i)
}

/// Where `offset` is in `text` (see [`Place`]).
pub fn place(text: &str, offset: usize) -> Place {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut field: Option<String> = None;
    let mut in_value = false;
    let mut i = 0;
    while i < offset {
        let next = bytes.get(i + 1).copied();
        match bytes[i] {
            b'/' if next == Some(b'/') => {
                let end = text[i..].find('\n').map_or(text.len(), |at| i + at);
                if end >= offset {
                    return Place::Outside;
                }
                i = end;
                continue;
            }
            b'/' if next == Some(b'*') => match text[i + 2..].find("*/") {
                Some(at) if i + 2 + at + 2 <= offset => {
                    i = i + 2 + at + 2;
                    continue;
                }
                _ => return Place::Outside,
            },
            b'"' => match string_at(text, i, offset) {
                Ok(end) => {
                    i = end;
                    continue;
                }
                Err(string) => return in_string(string, offset, in_value, field),
            },
            b'r' if matches!(next, Some(b'"' | b'#')) && !prev_is_word(text, i) => {
                match string_at(text, i, offset) {
                    Ok(end) => {
                        i = end;
                        continue;
                    }
                    Err(string) => return in_string(string, offset, in_value, field),
                }
            }
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth == 1 {
                    field = None;
                    in_value = false;
                }
            }
            b')' | b']' | b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    field = None;
                    in_value = false;
                }
            }
            b',' if depth == 1 => {
                field = None;
                in_value = false;
            }
            b':' if depth == 1 && field.is_some() => in_value = true,
            _ => {
                let c = text[i..].chars().next().unwrap_or(' ');
                if is_word(c) && !c.is_ascii_digit() {
                    let end = word_end(text, i);
                    if end >= offset {
                        return at_word(depth, in_value, field, i..end);
                    }
                    if depth == 1 && !in_value {
                        field = Some(text[i..end].trim_start_matches("r#").to_string());
                    }
                    i = end;
                    continue;
                }
                i += c.len_utf8();
                continue;
            }
        }
        i += 1;
    }
    at_word(depth, in_value, field, offset..word_end(text, offset))
}

fn prev_is_word(text: &str, at: usize) -> bool {
    text[..at].chars().next_back().is_some_and(is_word)
}

fn at_word(depth: usize, in_value: bool, field: Option<String>, word: Range<usize>) -> Place {
    match (depth, in_value, field) {
        (0, _, _) => Place::Outside,
        (_, true, Some(field)) => Place::Value {
            field,
            word,
            string: None,
        },
        (1, false, _) => Place::FieldName { word },
        _ => Place::Outside,
    }
}

/// A string literal starting at `start`: `Ok(end)` when the cursor is past it, else the
/// string the cursor is in.
fn string_at(text: &str, start: usize, offset: usize) -> Result<usize, StringAt> {
    match string_literal_at(text, start) {
        Some(literal) if literal.span.end <= offset => Ok(literal.span.end),
        // A string that closes on a later line is, while typing a list entry, usually an
        // unclosed one running into the next string: read it to the cursor's word only.
        Some(literal) if !text[offset..literal.content.end].contains('\n') => Err(StringAt {
            content: literal.content.clone(),
            value: literal.value,
            closed: true,
        }),
        _ => {
            let open = start + text[start..].find('"').map_or(0, |at| at + 1);
            let end = word_end(text, offset).max(open);
            Err(StringAt {
                content: open..end,
                value: text[open..end].to_string(),
                closed: false,
            })
        }
    }
}

fn in_string(string: StringAt, offset: usize, in_value: bool, field: Option<String>) -> Place {
    match (in_value, field) {
        (true, Some(field)) => Place::Value {
            field,
            word: offset..offset,
            string: Some(string),
        },
        _ => Place::Outside,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text_with_cursor: &str) -> Place {
        let offset = text_with_cursor.find('|').unwrap();
        let text = text_with_cursor.replacen('|', "", 1);
        place(&text, offset)
    }

    #[test]
    fn finds_the_field_and_string_at_the_cursor() {
        let place = at("(title: \"T\", questions: [\"l6-a\", \"l7-b|x\"], level: L7)");
        assert_eq!(place.field(), Some("questions"));
        let string = place.string().unwrap();
        assert_eq!(string.value, "l7-bx");
        assert!(string.closed);
    }

    #[test]
    fn reads_an_unclosed_string_being_typed() {
        let place = at("(title: \"T\",\n  allow: [\"SC0|\n)");
        assert_eq!(place.field(), Some("allow"));
        let string = place.string().unwrap();
        assert_eq!(string.value, "SC0");
        assert!(!string.closed);
    }

    #[test]
    fn field_names_between_fields() {
        assert!(
            matches!(at("(title: \"T\",\n  qu|\n)"), Place::FieldName { word } if word == (15..17))
        );
        assert!(matches!(at("(title: \"T\", |)"), Place::FieldName { .. }));
        assert_eq!(at("(title: \"T\", level: L|7)").field(), Some("level"));
    }

    #[test]
    fn comments_and_outside_the_story() {
        assert_eq!(at("// a (comment: \"|\"\n(title: \"T\")"), Place::Outside);
        assert_eq!(at("(title: \"T\") |"), Place::Outside);
        assert_eq!(
            at("(title: \"a, b: [\", /* ( */ task: \"|\")").field(),
            Some("task")
        );
    }
}
