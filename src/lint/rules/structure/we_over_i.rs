//! ST004: the Action's voice, "we" against "I".

use std::ops::Range;

use crate::lint::context::StoryContext;
use crate::lint::rule::{declare_rule, Finding};
use crate::story::Section;

declare_rule! {
    /// "We" and "our" outnumber "I" and "my" in the Action.
    ///
    /// ## What it checks
    /// The Action's first-person plural words (we, our, ours, us, ourselves) against its
    /// first-person singular ones (I, my, me, mine, myself).
    ///
    /// ## Why an interviewer cares
    /// Interviewers assess the candidate, not the team. When the Action is told as "we",
    /// they cannot tell what you did and will spend the follow-ups finding out.
    ///
    /// ## Example
    /// ```ron
    /// (
    ///     title: "Turned around the ledger team",
    ///     level: L6,
    ///     situation: "I took over the ledger team of 14 engineers.",
    ///     task: "My Director asked me to make the team dependable.",
    ///     action: "We mapped every page and we rewrote our alarm policy. We ran the reviews.",
    ///     result: "Over nine months pages fell from 60 a month to 9.",
    /// )
    /// ```
    ///
    /// ## Instead
    /// Say what you decided, wrote, negotiated and changed: "I mapped every page and
    /// rewrote the alarm policy."
    ///
    /// ## Source
    /// The ownership and leadership behaviours both documents describe.
    WE_OVER_I {
        code: "ST004",
        name: "we-over-i",
        severity: Warning,
        check: Story(check),
    }
}

/// The Action's first-person words, as `(?i)\b(?:we|our|ours|us|ourselves)\b` (plural) and
/// `\bI\b|(?i)\b(?:my|me|mine|myself)\b` (singular, "I" only as a capital: a lower-case
/// "i" in prose is a typo or a list marker) find them, in one pass and without a regex: each
/// word is a whole run of word characters (Unicode's, as `\b` reads them), compared with
/// the case folding `(?i)` uses. The tests hold it to those patterns.
#[derive(Debug, Default, PartialEq)]
struct Voice {
    /// "we/our" words, with the byte range of the first.
    we: usize,
    first_we: Option<Range<usize>>,
    /// "I/my" words.
    i: usize,
}

fn voice(text: &str) -> Voice {
    let mut voice = Voice::default();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !is_word_character(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(at, next)) = chars.peek() {
            if !is_word_character(next) {
                break;
            }
            end = at + next.len_utf8();
            chars.next();
        }
        let word = &text[start..end];
        match first_person(word) {
            Some(Person::Plural) => {
                voice.we += 1;
                voice.first_we.get_or_insert(start..end);
            }
            Some(Person::Singular) => voice.i += 1,
            None => {}
        }
    }
    voice
}

enum Person {
    Singular,
    Plural,
}

/// Whether a whole word is a first-person pronoun, and which.
fn first_person(word: &str) -> Option<Person> {
    if word == "I" {
        return Some(Person::Singular);
    }
    // The longest pronoun is "ourselves"; a longer word (or one with a character that folds
    // to no letter of them) is none.
    let mut folded = [0u8; 9];
    let mut len = 0;
    for c in word.chars() {
        *folded.get_mut(len)? = fold(c)?;
        len += 1;
    }
    match &folded[..len] {
        b"we" | b"our" | b"ours" | b"us" | b"ourselves" => Some(Person::Plural),
        b"my" | b"me" | b"mine" | b"myself" => Some(Person::Singular),
        _ => None,
    }
}

/// A character as `(?i)` matches it against an ASCII letter: the letter in either case, and
/// the two other characters Unicode's simple case folding gives an ASCII letter (long s, the
/// Kelvin sign); anything else matches no letter.
fn fold(c: char) -> Option<u8> {
    match c {
        'a'..='z' => Some(c as u8),
        'A'..='Z' => Some(c.to_ascii_lowercase() as u8),
        '\u{17F}' => Some(b's'),
        '\u{212A}' => Some(b'k'),
        _ => None,
    }
}

/// Unicode's word characters, as the regex `\b` reads them.
fn is_word_character(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        regex_syntax::is_word_character(c)
    }
}

fn check(context: &StoryContext, out: &mut Vec<Finding>) {
    let action = context.story.section(Section::Action);
    let Voice { we, first_we, i } = voice(action);
    if we <= i {
        return;
    }
    // Point at the first "we": where the voice starts to drift.
    let Some(first) = first_we else {
        return;
    };
    let span = context.story.locate(Section::Action, first);
    out.push(
        Finding::at(
            span,
            format!("Action says \"we/our\" {we} times and \"I/my\" {i} times"),
        )
        .in_section(Section::Action)
        .label("whose decision was this?")
        .help("tell the Action in the first person: what you decided, wrote and changed"),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// The patterns ST004 was first written with: the scanner must find what they find.
    fn by_regex(text: &str) -> Voice {
        static WE: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
            Regex::new(r"(?i)\b(?:we|our|ours|us|ourselves)\b").unwrap()
        });
        static I: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
            Regex::new(r"\bI\b|(?i)\b(?:my|me|mine|myself)\b").unwrap()
        });
        let (we, i) = (&*WE, &*I);
        let found: Vec<_> = we.find_iter(text).collect();
        Voice {
            we: found.len(),
            first_we: found.first().map(|m| m.range()),
            i: i.find_iter(text).count(),
        }
    }

    #[test]
    fn finds_what_the_patterns_find() {
        let pieces = [
            "we",
            "We",
            "WE",
            "our",
            "Ours",
            "us",
            "uſ",
            "ourſelves",
            "ourselves",
            "I",
            "i",
            "my",
            "MY",
            "me",
            "mine",
            "myself",
            "Myſelf",
            " ",
            ", ",
            "-",
            "_",
            "'",
            "’",
            "é",
            "2",
            "\u{301}",
            "\u{200D}",
            "日",
            "İ",
            "ı",
            "\u{212A}",
            "s",
            "x",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let text = format!("{a}{b}{c}");
                    assert_eq!(voice(&text), by_regex(&text), "{text:?}");
                    let spaced = format!("{a} {b}{c} {a}");
                    assert_eq!(voice(&spaced), by_regex(&spaced), "{spaced:?}");
                }
            }
        }
        let prose = "We mapped every page; I rewrote our alarm policy and my team's runbook. \
                     Then we (the two of us) met the VP—I owned it, we shipped.";
        assert_eq!(voice(prose), by_regex(prose));
    }

    #[test]
    fn folds_as_case_insensitive_matching_does() {
        // Every character that `(?i)` matches against a letter of the pronouns folds to it,
        // and no other character does.
        let letters = "weoursulvmyinf";
        let any = Regex::new(&format!("(?i)^[{letters}]$")).unwrap();
        let mut buffer = [0u8; 4];
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let text = c.encode_utf8(&mut buffer);
            let folded = fold(c).filter(|letter| letters.as_bytes().contains(letter));
            assert_eq!(folded.is_some(), any.is_match(text), "{c:?}");
            if let Some(letter) = folded {
                let one = Regex::new(&format!("(?i)^{}$", letter as char)).unwrap();
                assert!(one.is_match(text), "{c:?}");
            }
        }
    }
}
