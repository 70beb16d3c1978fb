//! Byte offsets in a buffer to LSP positions and back, in the encoding the client negotiated.
//!
//! The library places everything by byte offset in the file; LSP counts a position as a
//! 0-based line and a column in UTF-16 code units (the default) or UTF-8 bytes (when the
//! client offers `utf-8` in `general.positionEncodings`). Lines end at `\n`; a `\r` before
//! it belongs to the line ending, so a column never lands between `\r` and `\n`. Positions
//! past the end of a line or of the buffer clamp to it, as the protocol asks.

use std::ops::Range;

use lsp_types::{Position, PositionEncodingKind};

/// How the client counts columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

impl Encoding {
    /// UTF-8 when the client offers it (no conversion at all), else the protocol's UTF-16.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }

    fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        }
    }
}

/// Line starts of one buffer; rebuild it when the text changes.
#[derive(Debug, Clone, Default)]
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub fn new(text: &str) -> Lines {
        Lines {
            starts: crate::source::line_starts(text),
        }
    }

    /// The bytes of a 0-based line without its line ending (`\n`, `\r\n` or `\r`).
    fn content(&self, text: &str, line: usize) -> Range<usize> {
        let start = self.starts[line];
        let end = self.starts.get(line + 1).map_or(text.len(), |&next| next);
        let with_ending = &text[start..end];
        let without = with_ending
            .strip_suffix('\n')
            .unwrap_or(with_ending)
            .strip_suffix('\r')
            .map_or(with_ending.trim_end_matches('\n'), |rest| rest);
        start..start + without.len()
    }

    /// The LSP position of a byte offset (clamped to the text, snapped back to a character).
    pub fn position(&self, text: &str, offset: usize, encoding: Encoding) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        let content = self.content(text, line);
        let upto = offset.min(content.end);
        let character: usize = text[content.start..upto]
            .chars()
            .map(|c| encoding.width(c))
            .sum();
        Position::new(to_u32(line), to_u32(character))
    }

    /// The byte offset of an LSP position. A line past the end is the end of the text; a
    /// column past the end of its line is the end of the line; a column inside a character
    /// (half a surrogate pair, a byte inside a UTF-8 sequence) is that character's start.
    pub fn offset(&self, text: &str, position: Position, encoding: Encoding) -> usize {
        let line = position.line as usize;
        if line >= self.starts.len() {
            return text.len();
        }
        let content = self.content(text, line);
        let wanted = position.character as usize;
        let mut units = 0;
        for (index, c) in text[content.clone()].char_indices() {
            let width = encoding.width(c);
            if units + width > wanted {
                return content.start + index;
            }
            units += width;
        }
        content.end
    }

    /// The LSP range of a byte range.
    pub fn range(&self, text: &str, bytes: Range<usize>, encoding: Encoding) -> lsp_types::Range {
        lsp_types::Range::new(
            self.position(text, bytes.start, encoding),
            self.position(text, bytes.end.max(bytes.start), encoding),
        )
    }

    /// The byte range of an LSP range (start and end clamped as in [`Lines::offset`]).
    pub fn bytes(&self, text: &str, range: lsp_types::Range, encoding: Encoding) -> Range<usize> {
        let start = self.offset(text, range.start, encoding);
        let end = self.offset(text, range.end, encoding);
        start.min(end)..end.max(start)
    }

    /// The byte offset of a 1-based line and a 1-based column counted in characters, as
    /// [`crate::source::Position`] and [`crate::error::LoadError`] place things.
    pub fn char_offset(&self, text: &str, line: usize, column: usize) -> usize {
        let Some(line) = line.checked_sub(1).filter(|&l| l < self.starts.len()) else {
            return text.len();
        };
        let content = self.content(text, line);
        text[content.clone()]
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(content.end, |(i, _)| content.start + i)
    }
}

fn to_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position::new(line, character)
    }

    #[test]
    fn ascii_is_the_same_in_both_encodings() {
        let text = "(title: \"T\")\n";
        let lines = Lines::new(text);
        for encoding in [Encoding::Utf8, Encoding::Utf16] {
            assert_eq!(lines.position(text, 8, encoding), pos(0, 8));
            assert_eq!(lines.offset(text, pos(0, 8), encoding), 8);
            assert_eq!(lines.position(text, text.len(), encoding), pos(1, 0));
        }
    }

    #[test]
    fn multi_byte_characters_count_per_encoding() {
        // é: 2 bytes, 1 UTF-16 unit; —: 3 bytes, 1 unit; 🚀: 4 bytes, 2 units.
        let text = "é—🚀x";
        let lines = Lines::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(x, 9);
        assert_eq!(lines.position(text, x, Encoding::Utf16), pos(0, 4));
        assert_eq!(lines.position(text, x, Encoding::Utf8), pos(0, 9));
        assert_eq!(lines.offset(text, pos(0, 4), Encoding::Utf16), x);
        assert_eq!(lines.offset(text, pos(0, 9), Encoding::Utf8), x);
        // Inside a character: snapped back to its start.
        assert_eq!(lines.offset(text, pos(0, 3), Encoding::Utf16), 5);
        assert_eq!(lines.offset(text, pos(0, 1), Encoding::Utf8), 0);
        assert_eq!(lines.position(text, 6, Encoding::Utf16), pos(0, 2));
    }

    #[test]
    fn crlf_line_endings_are_not_columns() {
        let text = "ab\r\ncé\r\n";
        let lines = Lines::new(text);
        assert_eq!(lines.position(text, 4, Encoding::Utf16), pos(1, 0));
        // The offset of `\r` and of `\n` both read as the end of the line.
        assert_eq!(lines.position(text, 2, Encoding::Utf16), pos(0, 2));
        assert_eq!(lines.position(text, 3, Encoding::Utf16), pos(0, 2));
        assert_eq!(lines.offset(text, pos(0, 99), Encoding::Utf16), 2);
        assert_eq!(lines.offset(text, pos(1, 2), Encoding::Utf16), 7);
        assert_eq!(lines.offset(text, pos(1, 3), Encoding::Utf8), 7);
    }

    #[test]
    fn positions_past_the_end_clamp() {
        let text = "ab\ncd";
        let lines = Lines::new(text);
        assert_eq!(lines.offset(text, pos(7, 0), Encoding::Utf16), text.len());
        assert_eq!(lines.offset(text, pos(1, 40), Encoding::Utf16), text.len());
        assert_eq!(lines.position(text, 99, Encoding::Utf16), pos(1, 2));
        assert_eq!(
            lines.bytes(
                text,
                lsp_types::Range::new(pos(1, 1), pos(0, 1)),
                Encoding::Utf8
            ),
            1..4
        );
    }

    #[test]
    fn char_columns_from_the_library_map_to_bytes() {
        let text = "x\n  é — 🚀 ok\r\n";
        let lines = Lines::new(text);
        let ok = text.find("ok").unwrap();
        assert_eq!(lines.char_offset(text, 2, 9), ok);
        assert_eq!(lines.char_offset(text, 2, 99), text.len() - 2);
        assert_eq!(lines.char_offset(text, 9, 1), text.len());
    }

    #[test]
    fn negotiation_prefers_utf8_when_offered() {
        let both = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(Encoding::negotiate(Some(&both)), Encoding::Utf8);
        assert_eq!(Encoding::negotiate(Some(&both[..1])), Encoding::Utf16);
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
    }
}
