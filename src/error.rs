//! Load errors: a file that cannot be read or parsed, with where and what to do.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::snippet::{Frame, Styles};
use crate::source::{FieldSpan, LineIndex, Position};

/// A file that could not be loaded (or a section that is missing), located in the file by a
/// byte range; its line and column are computed when it is printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub path: PathBuf,
    /// Byte range in the file's text; `None` for an error about the file as a whole.
    pub span: Option<Range<usize>>,
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
    /// The text that replaces the error's span to fix it (a misspelt field's "did you mean"
    /// name), for an editor's quick fix; only when the error spans exactly that text.
    pub suggestion: Option<String>,
    /// The file's text as read (up to the first bad byte of a file that is not UTF-8), which
    /// `span` points into: the file did not become a story that could lend it.
    text: String,
}

impl LoadError {
    /// An error at a byte range of a file whose text we have.
    pub fn at(
        path: &Path,
        source: &str,
        span: Range<usize>,
        message: String,
        help: Option<String>,
    ) -> LoadError {
        LoadError {
            path: path.to_path_buf(),
            span: Some(span),
            message,
            help,
            suggestion: None,
            text: source.to_string(),
        }
    }

    /// An error about the file as a whole (reported at 1:1).
    pub fn whole_file(path: &Path, message: String, help: Option<String>) -> LoadError {
        LoadError {
            path: path.to_path_buf(),
            span: None,
            message,
            help,
            suggestion: None,
            text: String::new(),
        }
    }

    /// Where the error starts, 1-based line and character column.
    pub fn start(&self) -> Position {
        self.place().0
    }

    /// Where the underline ends (exclusive): at least one character after the start, on the
    /// start's line.
    pub fn end(&self) -> Position {
        self.place().1
    }

    fn place(&self) -> (Position, Position) {
        let Some(span) = &self.span else {
            let start = Position { line: 1, column: 1 };
            return (start, start);
        };
        let lines = LineIndex::new(&self.text);
        let start = lines.position(&self.text, span.start);
        let end = lines.position(&self.text, span.end);
        let end = if end.line == start.line && end.column > start.column {
            end
        } else {
            Position {
                line: start.line,
                column: start.column + 1,
            }
        };
        (start, end)
    }

    /// The text of the line the error starts on, for the code frame; empty for an error
    /// about the whole file.
    pub fn line_text(&self) -> &str {
        match &self.span {
            Some(_) => LineIndex::new(&self.text).line_text(&self.text, self.start().line),
            None => "",
        }
    }

    pub fn io(path: &Path, err: &std::io::Error) -> LoadError {
        let help = match err.kind() {
            std::io::ErrorKind::NotFound => {
                "check the path; stories are `.ron` files in the bank folder"
            }
            std::io::ErrorKind::PermissionDenied => {
                "make the file readable (chmod u+r) or move it out of the bank"
            }
            _ => "check that the file is a readable regular file",
        };
        LoadError::whole_file(path, format!("cannot read file: {err}"), Some(help.into()))
    }

    /// A story file that cannot be read, saying so plainly when it is a symbolic link that
    /// leads nowhere (its target is gone, or links point at each other in a loop).
    pub fn unreadable(path: &Path, err: &std::io::Error) -> LoadError {
        let is_link = std::fs::symlink_metadata(path).is_ok_and(|meta| meta.is_symlink());
        if !is_link || err.kind() == std::io::ErrorKind::PermissionDenied {
            return LoadError::io(path, err);
        }
        let target = std::fs::read_link(path)
            .map(|target| target.display().to_string())
            .unwrap_or_default();
        let message = if err.kind() == std::io::ErrorKind::NotFound {
            format!("broken symbolic link: `{target}` does not exist")
        } else {
            format!("cannot follow symbolic link to `{target}`: {err}")
        };
        LoadError::whole_file(
            path,
            message,
            Some("point the link at a story file, or remove the link".into()),
        )
    }

    pub fn too_large(path: &Path, bytes: u64) -> LoadError {
        LoadError::whole_file(
            path,
            format!(
                "file is {:.1} MiB; a story file may be at most 1 MiB",
                bytes as f64 / (1024.0 * 1024.0)
            ),
            Some(
                "a STAR story is a few hundred words: split this file, or move it out of the bank"
                    .into(),
            ),
        )
    }

    pub fn not_utf8(path: &Path, bytes: &[u8], err: std::str::Utf8Error) -> LoadError {
        // The text up to the bad byte: the frame shows the line cut there. A byte-order mark
        // is left out, as for a parse error: editors do not count it as a column.
        let valid = String::from_utf8_lossy(&bytes[..err.valid_up_to()]);
        let valid = valid.strip_prefix('\u{feff}').unwrap_or(&valid).to_string();
        let end = valid.len();
        LoadError::at(
            path,
            &valid,
            end..end,
            format!(
                "file is not UTF-8: invalid byte 0x{:02x}",
                bytes[err.valid_up_to()]
            ),
            Some("re-save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)".into()),
        )
    }

    /// Translates a ron error into a located message that says what to do. `fields` are the
    /// top-level fields we could scan, to name the field a value error is in; `known` are the
    /// top-level field names, for suggestions.
    pub fn from_ron(
        path: &Path,
        source: &str,
        fields: &[FieldSpan],
        err: &ron::error::SpannedError,
        known: &[&str],
    ) -> LoadError {
        use ron::error::Error as E;
        // ron reports the cursor before the white space that precedes the bad token: move to
        // the token itself and underline all of it.
        let reported = ron_offset(source, err.span.start.line, err.span.start.col);
        let offset = reported
            + source[reported..]
                .find(|c: char| !c.is_whitespace())
                .unwrap_or(source.len() - reported);
        let token = offset..token_end(source, offset);
        let in_field = fields
            .iter()
            .find(|field| field.name_span.start <= offset && offset < field.value_span.end)
            .map(|field| field.name.as_str());
        let at = |message: String, help: Option<String>| {
            LoadError::at(path, source, token.clone(), message, help)
        };
        match &err.code {
            E::NoSuchStructField {
                expected, found, ..
            } => {
                // Point at the field name itself.
                let span = fields
                    .iter()
                    .find(|field| field.name == *found)
                    .map(|field| field.name_span.clone());
                let candidates: Vec<&str> = if expected.is_empty() {
                    known.to_vec()
                } else {
                    expected.to_vec()
                };
                let best = closest(found, &candidates);
                let help = match best {
                    Some(best) => format!("did you mean `{best}`?"),
                    None => format!("known fields: {}", candidates.join(", ")),
                };
                let message = format!("unknown field `{found}`");
                match span {
                    Some(span) => {
                        let mut error = LoadError::at(path, source, span, message, Some(help));
                        error.suggestion = best.map(str::to_string);
                        error
                    }
                    None => at(message, Some(help)),
                }
            }
            E::NoSuchEnumVariant {
                expected, found, ..
            } if expected.contains(&"L6") => at(
                format!("unknown level `{found}`"),
                Some("use `L6` (Senior Engineering Manager) or `L7` (Senior Manager, a manager of managers)".into()),
            ),
            E::NoSuchEnumVariant {
                expected, found, ..
            } => at(
                format!("unknown value `{found}`"),
                Some(format!("use one of: {}", expected.join(", "))),
            ),
            E::MissingStructField { field, .. } => at(
                format!("missing required field `{field}`"),
                Some(format!("add `{field}: ...,` inside the parentheses")),
            ),
            E::DuplicateStructField { field, .. } => at(
                format!("field `{field}` is given twice"),
                Some("keep one of them".into()),
            ),
            E::InvalidValueForType { expected, found } => at(
                match in_field {
                    Some(name) => format!("wrong type for `{name}`: expected {expected}, found {found}"),
                    None => format!("wrong type: expected {expected}, found {found}"),
                },
                Some(type_help(in_field)),
            ),
            E::ExpectedString | E::ExpectedStringEnd => at(
                match in_field {
                    Some(name) => format!("`{name}` must be a string in double quotes"),
                    None => "expected a string in double quotes".into(),
                },
                Some("write text as \"...\" (escape inner quotes as \\\") or as a raw string r#\"...\"#".into()),
            ),
            E::ExpectedArray | E::ExpectedArrayEnd => at(
                match in_field {
                    Some(name) => format!("`{name}` must be a list like [\"a\", \"b\"]"),
                    None => "expected a list like [\"a\", \"b\"]".into(),
                },
                Some("close the list with `]` and separate items with commas".into()),
            ),
            E::ExpectedInteger | E::IntegerOutOfBounds => at(
                match in_field {
                    Some(name) => format!("`{name}` must be a whole number"),
                    None => "expected a whole number".into(),
                },
                Some("write a year as 2024, without quotes".into()),
            ),
            E::ExpectedComma => at(
                "expected a comma".into(),
                Some("separate fields with `,`; if the commas look right, look for an unclosed `\"` before this point".into()),
            ),
            E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => at(
                "expected a story: `(` title: \"...\", ... `)`".into(),
                Some("a story file holds one parenthesised struct; see README.md for the format".into()),
            ),
            E::ExpectedStructLikeEnd => at(
                "expected `)` to close the story".into(),
                Some("check for a missing comma or an unclosed string above".into()),
            ),
            E::Eof => at(
                "the file ends too early".into(),
                Some("close every string, list and the story's `(` ... `)`".into()),
            ),
            E::TrailingCharacters => at(
                "unexpected text after the story's closing `)`".into(),
                Some("a file holds one story; remove the extra text".into()),
            ),
            E::UnclosedBlockComment => at(
                "unclosed `/*` comment".into(),
                Some("close it with `*/`".into()),
            ),
            E::ExpectedIdentifier if in_field == Some("level") => at(
                "`level` must be `L6` or `L7`".into(),
                Some("write `level: L6,` or `level: L7,` (no quotes)".into()),
            ),
            E::ExceededRecursionLimit => at(
                "values are nested too deeply".into(),
                Some("a story holds text and lists of text; remove the extra brackets".into()),
            ),
            E::InvalidEscape(what) => at(
                format!("invalid escape in string: {}", what.to_lowercase()),
                Some("use \\\" \\\\ \\n \\t or \\u{...}; or write a raw string r#\"...\"#".into()),
            ),
            other => at(lowercase_first(&other.to_string()), None),
        }
    }
}

/// The byte offset of a position as ron counts it: lines end at `\n` only (a lone `\r` is
/// white space to ron, a line end to an editor), columns are characters.
fn ron_offset(source: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        match source.match_indices('\n').nth(line - 2) {
            Some((at, _)) => at + 1,
            None => return source.len(),
        }
    };
    let rest = &source[line_start..];
    line_start
        + rest
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(rest.len(), |(at, _)| at)
}

/// The end of the token at `offset`: a whole string literal, or a run up to a delimiter.
fn token_end(source: &str, offset: usize) -> usize {
    if let Some(literal) = crate::source::string_literal_at(source, offset) {
        return literal.span.end;
    }
    let rest = &source[offset..];
    let len = rest
        .find(|c: char| c.is_whitespace() || ",()[]{}:".contains(c))
        .unwrap_or(rest.len());
    offset + len.max(rest.chars().next().map_or(0, char::len_utf8))
}

fn type_help(field: Option<&str>) -> String {
    match field {
        Some("year") => "write the year as a number: `year: 2024,`".into(),
        Some("level") => "write `level: L6,` or `level: L7,` (no quotes)".into(),
        Some("principles" | "tags" | "questions" | "follow_ups" | "allow") => {
            "write a list of strings: [\"a\", \"b\"]".into()
        }
        Some(_) => "write text in double quotes: \"...\"".into(),
        None => "see README.md for each field's type".into(),
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The closest candidate to a misspelled name, if one is close enough to be a likely typo.
pub fn closest<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|candidate| (strsim::jaro_winkler(name, candidate), *candidate))
        .filter(|(score, _)| *score >= 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

impl LoadError {
    /// The rustc-style rendering: `error: message`, the code frame, `= help: ...`.
    pub fn render(&self, styles: Styles, error_style: &str) -> String {
        let path = self.path.display().to_string();
        let (start, end) = self.place();
        let line_text = self.line_text();
        let end_column = if end.line == start.line {
            end.column
        } else {
            usize::MAX
        };
        let frame = Frame {
            path: &path,
            line: start.line,
            column: start.column,
            end_column,
            line_text,
            label: "",
        };
        let mut out = format!(
            "{error_style}error{}: {}\n",
            styles.reset,
            crate::snippet::sanitize(&self.message)
        );
        if line_text.is_empty() {
            out.push_str(&format!(
                "  {}-->{} {}:{}:{}\n",
                styles.gutter,
                styles.reset,
                crate::snippet::sanitize(&path),
                start.line,
                start.column
            ));
        } else {
            out.push_str(&frame.render(styles));
        }
        if let Some(help) = &self.help {
            let pad = " ".repeat(start.line.to_string().len());
            out.push_str(&format!(
                "{pad} = help: {}\n",
                crate::snippet::sanitize(help)
            ));
        }
        out
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Styles::PLAIN, ""))
    }
}

impl std::error::Error for LoadError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let known = ["title", "result", "situation"];
        assert_eq!(closest("resutl", &known), Some("result"));
        assert_eq!(closest("titel", &known), Some("title"));
        assert_eq!(closest("zzz", &known), None);
    }

    #[test]
    fn a_misspelt_field_carries_its_suggestion() {
        let source = "(\n    titel: \"T\",\n)";
        let error = crate::story::Story::parse(Path::new("s.ron"), source.into()).unwrap_err();
        let (start, end) = (error.start(), error.end());
        assert_eq!((start.line, start.column, end.column), (2, 5, 10));
        assert_eq!(error.suggestion.as_deref(), Some("title"));
    }
}
