//! Tokens: numbers (`1,200`, `1.5`), ASCII words and single symbols. Whitespace (including
//! non-breaking spaces) separates tokens; whether two tokens touch ("14-person", "$3M", "3x",
//! "L6") is known from their byte offsets. Every Unicode hyphen becomes `-` and every dash
//! `–`, so "12‑person" (a non-breaking hyphen) reads as "12-person".

use std::sync::LazyLock;

use regex::Regex;

use super::vocabulary::{Classes, Entry, Vocabulary};

/// Numbers with thousands separators and decimals, ASCII words, or any other single
/// non-space character.
static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?|[A-Za-z]+|[^\s0-9A-Za-z]")
        .expect("the token pattern is valid")
});

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum TokenKind {
    Word(Entry),
    Number(f64),
    Symbol(char),
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    pub kind: TokenKind,
    pub start: usize,
    pub end: usize,
}

impl Token {
    pub(crate) fn classes(&self) -> Classes {
        match self.kind {
            TokenKind::Word(entry) => entry.classes,
            _ => Classes::default(),
        }
    }
}

/// Splits `text`; `lower` is its ASCII-lowercased copy (same byte offsets).
pub(crate) fn tokenize(text: &str, lower: &str, vocabulary: &Vocabulary) -> Vec<Token> {
    TOKEN
        .find_iter(text)
        .map(|m| {
            let s = m.as_str();
            let first = s.chars().next().unwrap_or(' ');
            let kind = if first.is_ascii_digit() {
                match parse_digits(s) {
                    Some(value) => TokenKind::Number(value),
                    None => TokenKind::Symbol(first),
                }
            } else if first.is_ascii_alphabetic() {
                let word = &lower[m.start()..m.end()];
                TokenKind::Word(vocabulary.get(word).copied().unwrap_or_default())
            } else {
                TokenKind::Symbol(normalise_dash(first))
            };
            Token {
                kind,
                start: m.start(),
                end: m.end(),
            }
        })
        .collect()
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
