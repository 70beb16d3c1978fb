//! Where things are in a RON file.
//!
//! serde gives no spans for fields that parsed, so we scan the source ourselves:
//! [`scan_fields`] finds each top-level field of the outer struct and every string
//! literal in its value, and [`StringLiteral`] maps any byte offset of the *decoded*
//! text back to the file, exactly across escapes, line continuations, multi-line and
//! raw strings. Diagnostics use this to underline a phrase inside a section.

use std::fmt::Write as _;
use std::ops::Range;

/// A 1-based line and column (columns count characters, as rustc and ron do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Byte offsets of line starts, for turning offsets into positions.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        LineIndex {
            line_starts: line_starts(text),
        }
    }

    /// The position of a byte offset (clamped to the text, snapped back to a char boundary).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let line_start = self.line_starts[line - 1];
        let column = text[line_start..offset].chars().count() + 1;
        Position { line, column }
    }

    /// The text of a 1-based line, without its line ending.
    pub fn line_text<'a>(&self, text: &'a str, line: usize) -> &'a str {
        let Some(&start) = self.line_starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = self.line_starts.get(line).map_or(text.len(), |&next| next);
        text[start..end].trim_end_matches(['\n', '\r'])
    }

    /// The byte offset of a 1-based position (the inverse of [`LineIndex::position`]).
    pub fn offset(&self, text: &str, position: Position) -> usize {
        let Some(&start) = self.line_starts.get(position.line.wrapping_sub(1)) else {
            return text.len();
        };
        let line = self.line_text(text, position.line);
        start
            + line
                .char_indices()
                .nth(position.column.saturating_sub(1))
                .map_or(line.len(), |(i, _)| i)
    }
}

/// The byte offsets where lines start. A line ends at `\n`, `\r\n` or a lone `\r` (old Mac
/// files; editors and the LSP count all three), so a position is where an editor shows it.
pub fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    for (i, &byte) in bytes.iter().enumerate() {
        let ends_line = byte == b'\n' || (byte == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        if ends_line {
            starts.push(i + 1);
        }
    }
    starts
}

/// `text` with each lone `\r` that ends a `//` comment (an old-Mac line end) made a `\n`,
/// for RON, which ends a comment only at `\n`; byte offsets are unchanged. Outside comments
/// a lone `\r` is white space to RON, and inside a string it is the writer's text, so those
/// stay. Borrowed when nothing changes.
pub fn lone_carriage_returns_as_newlines(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    if !bytes.contains(&b'\r') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = bytes.to_vec();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    if bytes[i] == b'\r' {
                        if bytes.get(i + 1) != Some(&b'\n') {
                            out[i] = b'\n';
                        }
                        break;
                    }
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                // Nested block comments, as RON reads them.
                let mut depth = 0usize;
                while i < bytes.len() {
                    if bytes[i..].starts_with(b"/*") {
                        depth += 1;
                        i += 2;
                    } else if bytes[i..].starts_with(b"*/") {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
                continue;
            }
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'r' if matches!(bytes.get(i + 1), Some(b'"' | b'#')) => {
                let hashes = bytes[i + 1..].iter().take_while(|&&b| b == b'#').count();
                if bytes.get(i + 1 + hashes) == Some(&b'"') {
                    let mut closing = vec![b'"'];
                    closing.extend(std::iter::repeat_n(b'#', hashes));
                    let content = i + 2 + hashes;
                    i = bytes[content..]
                        .windows(closing.len())
                        .position(|window| window == closing.as_slice())
                        .map_or(bytes.len(), |at| content + at + closing.len());
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    // Only ASCII bytes changed, so the text is still UTF-8.
    match String::from_utf8(out) {
        Ok(changed) if changed != text => std::borrow::Cow::Owned(changed),
        _ => std::borrow::Cow::Borrowed(text),
    }
}

/// One run of decoded text and where it came from in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Segment {
    decoded_start: usize,
    source_start: usize,
    /// For an escape, how many source bytes it spans (all of its decoded bytes map to its start).
    escape_len: Option<usize>,
}

/// A string literal in a RON file: its span, its decoded value and the offset map between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StringLiteral {
    /// The whole literal in the file, quotes (and `r#`) included.
    pub span: Range<usize>,
    /// Where the content starts and ends in the file (inside the quotes).
    pub content: Range<usize>,
    pub value: String,
    /// True for `r"..."` / `r#"..."#`.
    pub raw: bool,
    segments: Vec<Segment>,
}

impl StringLiteral {
    /// The file offset of a decoded byte offset. An offset inside an escape maps to the escape's
    /// start; the decoded length maps to the closing quote.
    pub fn source_offset(&self, decoded: usize) -> usize {
        if decoded >= self.value.len() {
            return self.content.end;
        }
        let index = self
            .segments
            .partition_point(|segment| segment.decoded_start <= decoded)
            .saturating_sub(1);
        match self.segments.get(index) {
            Some(segment) if segment.escape_len.is_some() => segment.source_start,
            Some(segment) => segment.source_start + (decoded - segment.decoded_start),
            None => self.content.start,
        }
    }

    /// The file range of a decoded range: starts at its first character, ends after its last
    /// (after the whole escape when the last character was written as one).
    pub fn source_range(&self, decoded: Range<usize>) -> Range<usize> {
        let start = self.source_offset(decoded.start);
        if decoded.end <= decoded.start {
            return start..start;
        }
        let last_char_start = self.value[..decoded.end.min(self.value.len())]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i);
        let index = self
            .segments
            .partition_point(|segment| segment.decoded_start <= last_char_start)
            .saturating_sub(1);
        let end = match self.segments.get(index) {
            Some(Segment {
                source_start,
                escape_len: Some(len),
                ..
            }) => source_start + len,
            _ => {
                self.source_offset(last_char_start)
                    + self.value[last_char_start..]
                        .chars()
                        .next()
                        .map_or(0, char::len_utf8)
            }
        };
        start..end.max(start)
    }
}

/// A top-level field of the file's outer struct.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldSpan {
    pub name: String,
    pub name_span: Range<usize>,
    pub value_span: Range<usize>,
    /// Every string literal inside the value, in order (one for a string field, one per
    /// element for a list of strings).
    pub strings: Vec<StringLiteral>,
}

/// Finds the top-level fields of a RON struct `(...)` or `Name(...)`. Best effort: it stops
/// at the first thing it cannot read, since ron's own parser reports syntax errors.
pub fn scan_fields(src: &str) -> Vec<FieldSpan> {
    // A leading byte-order mark is not part of the struct; offsets stay those of `src`.
    let start = if src.starts_with('\u{feff}') { 3 } else { 0 };
    let mut scanner = Scanner { src, pos: start };
    // Room for a story's fields (six to nine): one allocation, trimmed at the end.
    let mut fields = Vec::with_capacity(crate::story::STORY_FIELDS.len());
    scanner.skip_trivia();
    scanner.skip_attributes();
    scanner.ident();
    scanner.skip_trivia();
    if !scanner.eat(b'(') {
        return fields;
    }
    loop {
        scanner.skip_trivia();
        let name_start = scanner.pos;
        let Some(name) = scanner
            .ident()
            .map(|name| name.trim_start_matches("r#").to_string())
        else {
            break;
        };
        let name_span = name_start..scanner.pos;
        scanner.skip_trivia();
        if !scanner.eat(b':') {
            break;
        }
        scanner.skip_trivia();
        let value_start = scanner.pos;
        let Some(strings) = scanner.value() else {
            break;
        };
        let value_span = value_start..scanner.pos;
        fields.push(FieldSpan {
            name,
            name_span,
            value_span,
            strings,
        });
        scanner.skip_trivia();
        if !scanner.eat(b',') {
            break;
        }
    }
    // A bank holds every story's fields for the whole run: no spare capacity.
    fields.shrink_to_fit();
    fields
}

/// Decodes the string literal starting at `start` (`"..."` or `r#"..."#`), if there is one.
pub fn string_literal_at(src: &str, start: usize) -> Option<StringLiteral> {
    let mut scanner = Scanner { src, pos: start };
    scanner.string_literal()
}

struct Scanner<'a> {
    src: &'a str,
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.src.as_bytes().get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.src.as_bytes().get(self.pos + ahead).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        if self.peek() == Some(byte) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// Skips white space and comments (`//` to end of line, nested `/* */`).
    fn skip_trivia(&mut self) {
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(b), _) if b.is_ascii_whitespace() => self.pos += 1,
                (Some(b'/'), Some(b'/')) => {
                    self.pos = self.src[self.pos..]
                        .find('\n')
                        .map_or(self.src.len(), |i| self.pos + i + 1);
                }
                (Some(b'/'), Some(b'*')) => {
                    self.pos += 2;
                    let mut depth = 1;
                    while depth > 0 && self.pos < self.src.len() {
                        match (self.peek(), self.peek_at(1)) {
                            (Some(b'/'), Some(b'*')) => {
                                depth += 1;
                                self.pos += 2;
                            }
                            (Some(b'*'), Some(b'/')) => {
                                depth -= 1;
                                self.pos += 2;
                            }
                            _ => self.pos += 1,
                        }
                    }
                }
                _ => return,
            }
        }
    }

    /// Skips `#![enable(...)]` attributes.
    fn skip_attributes(&mut self) {
        while self.src[self.pos..].starts_with("#!") {
            match self.src[self.pos..].find(']') {
                Some(i) => self.pos += i + 1,
                None => self.pos = self.src.len(),
            }
            self.skip_trivia();
        }
    }

    fn ident(&mut self) -> Option<&str> {
        let start = self.pos;
        if self.src[self.pos..].starts_with("r#") {
            self.pos += 2;
        }
        let rest = &self.src[self.pos..];
        let len = rest
            .char_indices()
            .find(|&(i, c)| !(c == '_' || c.is_alphanumeric()) || (i == 0 && c.is_ascii_digit()))
            .map_or(rest.len(), |(i, _)| i);
        if len == 0 {
            self.pos = start;
            return None;
        }
        self.pos += len;
        Some(&self.src[start..self.pos])
    }

    /// Skips one value, collecting the string literals in it. Stops at the `,` or `)` that
    /// ends it at the current depth.
    fn value(&mut self) -> Option<Vec<StringLiteral>> {
        let mut strings = Vec::new();
        let mut depth = 0usize;
        loop {
            self.skip_trivia();
            let byte = self.peek()?;
            match byte {
                b'"' => push_exact(&mut strings, self.string_literal()?),
                b'r' if matches!(self.peek_at(1), Some(b'"' | b'#')) => {
                    push_exact(&mut strings, self.string_literal()?)
                }
                b'b' if self.peek_at(1) == Some(b'"') => {
                    self.pos += 1;
                    self.string_literal()?;
                }
                b'\'' => self.char_literal()?,
                b'(' | b'[' | b'{' => {
                    depth += 1;
                    self.pos += 1;
                }
                b')' | b']' | b'}' => {
                    if depth == 0 {
                        strings.shrink_to_fit();
                        return Some(strings);
                    }
                    depth -= 1;
                    self.pos += 1;
                }
                b',' if depth == 0 => {
                    strings.shrink_to_fit();
                    return Some(strings);
                }
                _ => {
                    let next = self.src[self.pos..].chars().next()?;
                    self.pos += next.len_utf8();
                }
            }
        }
    }

    fn char_literal(&mut self) -> Option<()> {
        self.pos += 1;
        loop {
            match self.peek()? {
                // The escaped character may be several bytes long.
                b'\\' => {
                    self.pos += 1;
                    self.pos += self.src[self.pos..].chars().next()?.len_utf8();
                }
                b'\'' => {
                    self.pos += 1;
                    return Some(());
                }
                _ => self.pos += self.src[self.pos..].chars().next()?.len_utf8(),
            }
        }
    }

    /// Reads `"..."` or `r#"..."#` at the cursor and decodes it, recording the offset map.
    fn string_literal(&mut self) -> Option<StringLiteral> {
        let start = self.pos;
        if self.peek() == Some(b'r') {
            self.pos += 1;
            let hashes = self.src[self.pos..]
                .bytes()
                .take_while(|&b| b == b'#')
                .count();
            self.pos += hashes;
            if !self.eat(b'"') {
                self.pos = start;
                return None;
            }
            let closing = format!("\"{}", "#".repeat(hashes));
            let content_start = self.pos;
            let content_end = content_start + self.src[content_start..].find(&closing)?;
            self.pos = content_end + closing.len();
            return Some(StringLiteral {
                span: start..self.pos,
                content: content_start..content_end,
                value: self.src[content_start..content_end].to_string(),
                raw: true,
                segments: vec![Segment {
                    decoded_start: 0,
                    source_start: content_start,
                    escape_len: None,
                }],
            });
        }
        if !self.eat(b'"') {
            return None;
        }
        let content_start = self.pos;
        let mut value = String::new();
        let mut segments = Vec::new();
        loop {
            let rest = &self.src[self.pos..];
            let plain = rest.find(['"', '\\'])?;
            if plain > 0 {
                push_exact(
                    &mut segments,
                    Segment {
                        decoded_start: value.len(),
                        source_start: self.pos,
                        escape_len: None,
                    },
                );
                value.push_str(&rest[..plain]);
                self.pos += plain;
            }
            if self.eat(b'"') {
                break;
            }
            let escape_start = self.pos;
            self.pos += 1;
            let decoded_start = value.len();
            if !self.escape(&mut value)? {
                continue; // a line continuation decodes to nothing
            }
            push_exact(
                &mut segments,
                Segment {
                    decoded_start,
                    source_start: escape_start,
                    escape_len: Some(self.pos - escape_start),
                },
            );
        }
        segments.shrink_to_fit();
        value.shrink_to_fit();
        Some(StringLiteral {
            span: start..self.pos,
            content: content_start..self.pos - 1,
            value,
            raw: false,
            segments,
        })
    }

    /// Decodes one escape after its `\` (as ron 0.12 does). Returns false for a line
    /// continuation, which produces no text.
    fn escape(&mut self, out: &mut String) -> Option<bool> {
        let byte = self.peek()?;
        self.pos += 1;
        let decoded = match byte {
            b'\'' => '\'',
            b'"' => '"',
            b'\\' => '\\',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'0' => '\0',
            b'\n' | b'\r' => {
                if byte == b'\r' {
                    self.eat(b'\n');
                }
                while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
                    self.pos += 1;
                }
                return Some(false);
            }
            b'x' => {
                // One to four `\xHH` escapes spelling a UTF-8 character.
                let mut bytes = vec![self.hex_byte()?];
                loop {
                    if let Ok(text) = std::str::from_utf8(&bytes) {
                        out.push_str(text);
                        return Some(true);
                    }
                    if bytes.len() == 4 || !self.src[self.pos..].starts_with("\\x") {
                        return None;
                    }
                    self.pos += 2;
                    bytes.push(self.hex_byte()?);
                }
            }
            b'u' => {
                if !self.eat(b'{') {
                    return None;
                }
                let digits = self.src[self.pos..]
                    .bytes()
                    .take_while(u8::is_ascii_hexdigit)
                    .count();
                let code = u32::from_str_radix(&self.src[self.pos..self.pos + digits], 16).ok()?;
                self.pos += digits;
                if !self.eat(b'}') {
                    return None;
                }
                char::from_u32(code)?
            }
            _ => return None,
        };
        out.push(decoded);
        Some(true)
    }

    fn hex_byte(&mut self) -> Option<u8> {
        let digits = self.src.get(self.pos..self.pos + 2)?;
        let byte = u8::from_str_radix(digits, 16).ok()?;
        self.pos += 2;
        Some(byte)
    }
}

/// Pushes without the spare capacity a first push leaves (room for four): most fields hold
/// one string and most strings one segment, and a bank keeps them all.
fn push_exact<T>(items: &mut Vec<T>, item: T) {
    if items.capacity() == 0 {
        items.reserve_exact(1);
    }
    items.push(item);
}

/// A RON string literal; `literal_newlines` keeps line breaks as real line breaks.
pub fn encode_plain(text: &str, literal_newlines: bool) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' if literal_newlines => out.push('\n'),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field<'a>(fields: &'a [FieldSpan], name: &str) -> &'a FieldSpan {
        fields.iter().find(|f| f.name == name).unwrap()
    }

    #[test]
    fn finds_fields_after_comments_and_struct_name() {
        let src = "// c\nStory( /* a ( */ title: \"T\", tags: [\"a\", \"b\"], year: 2024 )";
        let fields = scan_fields(src);
        let names: Vec<_> = fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["title", "tags", "year"]);
        assert_eq!(field(&fields, "tags").strings.len(), 2);
        assert_eq!(&src[field(&fields, "year").value_span.clone()], "2024 ");
    }

    #[test]
    fn maps_offsets_across_escapes() {
        let src = r#"(action: "say \"hi\" to\n14 \u{e9}ngineers")"#;
        let fields = scan_fields(src);
        let lit = &field(&fields, "action").strings[0];
        assert_eq!(lit.value, "say \"hi\" to\n14 éngineers");
        let at = lit.value.find("14").unwrap();
        let range = lit.source_range(at..at + "14 éngineers".len());
        assert_eq!(&src[range], "14 \\u{e9}ngineers");
        let quote = lit.value.find('"').unwrap();
        assert_eq!(&src[lit.source_range(quote..quote + 1)], "\\\"");
    }

    #[test]
    fn maps_raw_and_multiline_strings() {
        let src = "(result: r#\"saved \"$3M\"\nover 9 months\"#, task: \"a\nb \\\n    c\")";
        let fields = scan_fields(src);
        let raw = &field(&fields, "result").strings[0];
        assert!(raw.raw);
        let at = raw.value.find("over").unwrap();
        assert_eq!(&src[raw.source_range(at..at + 13)], "over 9 months");
        let task = &field(&fields, "task").strings[0];
        assert_eq!(task.value, "a\nb c");
        let c = task.value.find('c').unwrap();
        assert_eq!(&src[task.source_range(c..c + 1)], "c");
    }

    #[test]
    fn lone_carriage_returns_end_lines() {
        let text = "a\rbc\r\nd\ne";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 2), Position { line: 2, column: 1 });
        assert_eq!(index.line_text(text, 2), "bc");
        assert_eq!(index.position(text, text.find('d').unwrap()).line, 3);
        assert_eq!(index.line_text(text, 4), "e");
    }

    #[test]
    fn only_a_comment_ends_at_a_lone_carriage_return() {
        let text = "// note\r(a: \"x\ry\", b: r#\"p\rq\"#, /* c\r */ d: 1)";
        let read = lone_carriage_returns_as_newlines(text);
        assert_eq!(
            read,
            "// note\n(a: \"x\ry\", b: r#\"p\rq\"#, /* c\r */ d: 1)"
        );
        assert_eq!(read.len(), text.len());
    }

    #[test]
    fn positions_count_characters() {
        let text = "ab\nçd ef\n";
        let index = LineIndex::new(text);
        let at = text.find("ef").unwrap();
        assert_eq!(index.position(text, at), Position { line: 2, column: 4 });
        assert_eq!(index.offset(text, Position { line: 2, column: 4 }), at);
        assert_eq!(index.line_text(text, 2), "çd ef");
    }
}
