//! Tokens: numbers (`1,200`, `1.5`), ASCII words and single symbols. Whitespace (including
//! non-breaking spaces) separates tokens; whether two tokens touch ("14-person", "$3M", "3x",
//! "L6") is known from their byte offsets. Every Unicode hyphen becomes `-` and every dash
//! `–`, so "12‑person" (a non-breaking hyphen) reads as "12-person".
//!
//! A hand-written scanner rather than a regex: tokenizing was half of the reader's time with
//! `regex` (each match searches forward and back), and the grammar is three cases.

use super::vocabulary::{Classes, Entry, Vocabulary, EMPTY_ENTRY};

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum TokenKind {
    Word,
    Number(f64),
    Symbol(char),
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    pub kind: TokenKind,
    pub start: usize,
    pub end: usize,
    /// What the vocabulary says of the word or symbol (empty for numbers).
    pub entry: &'static Entry,
}

impl Token {
    pub(crate) fn classes(&self) -> Classes {
        self.entry.classes
    }
}

/// Splits `text`; `lower` is its ASCII-lowercased copy (same byte offsets).
pub(crate) fn tokenize(text: &str, lower: &str, vocabulary: &'static Vocabulary) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 4);
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        let start = at;
        if byte.is_ascii_digit() {
            at = number_end(bytes, at);
            let kind = match parse_digits(&text[start..at]) {
                Some(value) => TokenKind::Number(value),
                None => TokenKind::Symbol(char::from(byte)),
            };
            tokens.push(Token {
                kind,
                start,
                end: at,
                entry: &EMPTY_ENTRY,
            });
        } else if byte.is_ascii_alphabetic() {
            while at < bytes.len() && bytes[at].is_ascii_alphabetic() {
                at += 1;
            }
            tokens.push(Token {
                kind: TokenKind::Word,
                start,
                end: at,
                entry: vocabulary.get(&lower[start..at]).unwrap_or(&EMPTY_ENTRY),
            });
        } else {
            let c = text[at..].chars().next().unwrap_or(' ');
            at += c.len_utf8();
            if c.is_whitespace() {
                continue;
            }
            let symbol = normalise_dash(c);
            tokens.push(Token {
                kind: TokenKind::Symbol(symbol),
                start,
                end: at,
                entry: vocabulary.symbol_entry(symbol),
            });
        }
    }
    tokens
}

/// The end of `[0-9]+(,[0-9]{3})*(\.[0-9]+)?` starting at `at`.
fn number_end(bytes: &[u8], mut at: usize) -> usize {
    let digits = |from: usize| {
        bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    at += digits(at);
    // Thousands groups: a comma and exactly three digits.
    while at < bytes.len() && bytes[at] == b',' && digits(at + 1) == 3 {
        at += 4;
    }
    if at < bytes.len() && bytes[at] == b'.' && digits(at + 1) > 0 {
        at += 1 + digits(at + 1);
    }
    at
}

/// Hyphens read as `-`, dashes as `–`; any other character as itself.
pub(crate) fn normalise_dash(c: char) -> char {
    match c {
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2043}' | '\u{FE63}' | '\u{FF0D}'
        | '\u{2212}' | '\u{00AD}' => '-',
        '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{FE58}' | '\u{2E3A}' | '\u{2E3B}' => '–',
        other => other,
    }
}

/// "1,200" -> 1200, "1.5" -> 1.5; numbers too large to be finite are not numbers.
fn parse_digits(digits: &str) -> Option<f64> {
    let value: f64 = if digits.contains(',') {
        digits.replace(',', "").parse().ok()?
    } else {
        digits.parse().ok()?
    };
    value.is_finite().then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_groups_need_three_digits() {
        assert_eq!(kinds("1,2")[0], TokenKind::Number(1.0));
        assert_eq!(kinds("1,234,567.5")[0], TokenKind::Number(1_234_567.5));
        assert_eq!(kinds("3.")[0], TokenKind::Number(3.0));
        assert_eq!(kinds("1,2345")[0], TokenKind::Number(1.0));
    }

    fn kinds(text: &str) -> Vec<TokenKind> {
        let lower = text.to_ascii_lowercase();
        tokenize(text, &lower, Vocabulary::builtin())
            .into_iter()
            .map(|t| t.kind)
            .collect()
    }

    #[test]
    fn digits_and_separators() {
        assert_eq!(kinds("1,200")[0], TokenKind::Number(1200.0));
        assert_eq!(kinds("1.5")[0], TokenKind::Number(1.5));
        assert_eq!(kinds(&"9".repeat(400))[0], TokenKind::Symbol('9'));
    }

    #[test]
    fn every_hyphen_and_dash_is_normalised() {
        for hyphen in ['\u{2010}', '\u{2011}', '\u{2212}'] {
            assert_eq!(
                kinds(&format!("12{hyphen}person"))[1],
                TokenKind::Symbol('-')
            );
        }
        for dash in ['\u{2013}', '\u{2014}'] {
            assert_eq!(kinds(&format!("10{dash}15"))[1], TokenKind::Symbol('–'));
        }
    }

    #[test]
    fn tokens_keep_char_boundaries() {
        let text = "an ~80\u{a0}engineer org — é 12‑person";
        let lower = text.to_ascii_lowercase();
        for token in tokenize(text, &lower, Vocabulary::builtin()) {
            assert!(text.is_char_boundary(token.start) && text.is_char_boundary(token.end));
        }
    }
}
