//! Figure extraction: the scope figures a STAR story states in prose (team size, planning
//! horizon, dollar impact, teams, business units, managers, most senior stakeholder).
//!
//! # Approach
//!
//! No crate reads "$4.2M", "two quarters" or "a 14-person team" correctly, so this is a small
//! hand-written reader:
//!
//! 1. One compiled regex splits the text into tokens: numbers (`1,200`, `1.5`), ASCII words and
//!    single symbols. Whitespace (including non-breaking spaces) separates tokens; whether two
//!    tokens touch ("14-person", "$3M", "3x", "L6") is known from their byte offsets.
//! 2. A left-to-right scan anchors on numbers (digits, number words, "a dozen", currency signs)
//!    and on a few keywords (titles, "multi-year", "senior managers"). From a number it reads a
//!    quantity (qualifier, currency, magnitude, range, "+"), then classifies it by the unit that
//!    follows and, for people, by the context before or after it. The regex crate has no
//!    lookaround, so all context checks are plain code over the token list.
//! 3. A figure consumes its tokens, so a range never also yields two single figures and
//!    "$3 million dollars" is one figure. Spans are token boundaries, hence always on char
//!    boundaries.
//!
//! # Documented decisions
//!
//! - **Ranges read low**: "10-15 engineers" has `value` 10 and `high` 15, so a reading is
//!   conservative. "from 8 to 20" is a change, not a range: it yields two figures.
//! - **Approximations** (`~`, about, around, roughly, nearly, almost, over, more than, some,
//!   "+", ...) set `approx`; the qualifier is part of the span. "under" / "less than" only
//!   qualify money ("under $3M"), because "70 engineers under five managers" is a structure.
//! - **Horizons**: months; weeks count as a quarter of a month and days as a thirtieth.
//!   Durations under one week ("5 days", "12 hours", "5 minutes") are not horizons, nor are
//!   offsets ("two months later", "11 days before the deadline"), frequencies ("every two
//!   weeks") or calendar years ("in 2023", "2023-2024"). "multi-year" reads as
//!   [`MULTI_YEAR_MONTHS`], approximate. Half-years and quarters count only with a clear span
//!   ("over H2" = 6 months, "during Q3" = 3); "by Q4" is a date, not a horizon. A horizon's span
//!   ends at its unit: "a 6-month" in "a 6-month migration", "over nine months".
//! - **Team size needs team context**, because "two engineers had already transferred out" is
//!   not a team. A count of people is a team size after a team construct ("a team of 14
//!   engineers", "an org of ~120", "headcount of 60", "a 45-person org"), a leadership verb
//!   ("led 60 engineers", "took over 12 engineers"), growth ("grew the team from 8 to 20": two
//!   figures, "grew to 55 engineers"), a possessive ("their 40 engineers"), an apposition ("the
//!   search team, twelve engineers"), or when followed by structure ("25 engineers across four
//!   teams", "60 people reporting to me"). "direct reports" and "headcount" need no context.
//!   Hiring counts ("hired 6 engineers") are not team sizes: a hire count is not the team.
//! - **"two teams of 6"** yields teams 2 (span "two teams") and team_size 12, the total, with
//!   the span over the whole phrase.
//! - **Managers**: a stated count of managers ("three senior managers"); "managers of managers"
//!   or plural "senior managers" with no number reads 4, approximate (L7 on the rubric). "the
//!   other two managers" (peers) is skipped. Team leads and tech leads are not managers.
//! - **Stakeholders** are ranked: Director 2; VP, vice president, GM, general manager 3; SVP,
//!   EVP 4; C-level (CTO, CEO, CFO, ..., "chief ... officer") 5; the board 6. The span is the
//!   title; "promoted to Director" is a promotion, not a stakeholder.
//! - **Dollars** are face value in the stated currency ($, €, £, USD, EUR, GBP, "dollars",
//!   ...), never converted. A rate ("a year", "per year", "annually", "/yr") and "ARR" are part
//!   of the span. A magnitude with no currency ("40K orders", "48 million accounts") is nothing.
//! - Not supported (read as nothing): "a few", "several", "dozens of", "half a year", "a
//!   decade", sprints as a unit, bare "a year"/"a quarter", orgs as a teams count.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    TeamSize,
    HorizonMonths,
    Dollars,
    Teams,
    BusinessUnits,
    Managers,
    Stakeholder,
}

impl FigureKind {
    pub const ALL: [FigureKind; 7] = [
        FigureKind::TeamSize,
        FigureKind::HorizonMonths,
        FigureKind::Dollars,
        FigureKind::Teams,
        FigureKind::BusinessUnits,
        FigureKind::Managers,
        FigureKind::Stakeholder,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FigureKind::TeamSize => "team_size",
            FigureKind::HorizonMonths => "horizon_months",
            FigureKind::Dollars => "dollars",
            FigureKind::Teams => "teams",
            FigureKind::BusinessUnits => "business_units",
            FigureKind::Managers => "managers",
            FigureKind::Stakeholder => "stakeholder",
        }
    }
}

/// One figure stated in prose.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub kind: FigureKind,
    /// The value; for a range, its low end.
    pub value: f64,
    /// The high end of a range ("10-15 engineers" has `high` 15).
    pub high: Option<f64>,
    /// The text qualifies the figure (~, about, over, "+", ...).
    pub approx: bool,
    /// Byte range of the whole phrase stating the figure, on char boundaries.
    pub span: Range<usize>,
}

impl Figure {
    pub fn text<'a>(&self, input: &'a str) -> &'a str {
        input.get(self.span.clone()).unwrap_or("")
    }
}

/// The documented value of "multi-year", in months.
pub const MULTI_YEAR_MONTHS: f64 = 24.0;

/// Stakeholder ranks (the `value` of a [`FigureKind::Stakeholder`] figure).
pub const RANK_DIRECTOR: f64 = 2.0;
pub const RANK_VP: f64 = 3.0;
pub const RANK_SVP: f64 = 4.0;
pub const RANK_C_LEVEL: f64 = 5.0;
pub const RANK_BOARD: f64 = 6.0;

/// What "managers of managers" / "senior managers" with no number reads as.
pub const MANAGERS_OF_MANAGERS: f64 = 4.0;

/// Extracts every figure in `text`, sorted by span start.
pub fn extract(text: &str) -> Vec<Figure> {
    let mut scanner = Scanner::new(text);
    scanner.run();
    let mut figures = scanner.figures;
    figures.sort_by_key(|figure| (figure.span.start, figure.span.end));
    figures
}

// ---------------------------------------------------------------------------------------------
// Tokens

/// Numbers with thousands separators and decimals, ASCII words, or any other single
/// non-space character.
static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?|[A-Za-z]+|[^\s0-9A-Za-z]")
        .expect("the token pattern is valid")
});

#[derive(Debug, Clone, Copy, PartialEq)]
enum TokenKind {
    Word,
    Number(f64),
    Symbol(char),
}

#[derive(Debug, Clone, Copy)]
struct Token {
    kind: TokenKind,
    start: usize,
    end: usize,
}

fn tokenize(text: &str) -> Vec<Token> {
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
                TokenKind::Word
            } else {
                TokenKind::Symbol(first)
            };
            Token {
                kind,
                start: m.start(),
                end: m.end(),
            }
        })
        .collect()
}

/// "1,200" -> 1200, "1.5" -> 1.5.
fn parse_digits(digits: &str) -> Option<f64> {
    if digits.contains(',') {
        digits.replace(',', "").parse().ok()
    } else {
        digits.parse().ok()
    }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

fn unit_number_word(word: &str) -> Option<f64> {
    Some(match word {
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        _ => return None,
    })
}

fn teen_number_word(word: &str) -> Option<f64> {
    Some(match word {
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        _ => return None,
    })
}

fn tens_number_word(word: &str) -> Option<f64> {
    Some(match word {
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

fn is_number_word(word: &str) -> bool {
    unit_number_word(word).is_some()
        || teen_number_word(word).is_some()
        || tens_number_word(word).is_some()
        || matches!(word, "hundred" | "dozen" | "thousand")
}

/// Months per unit of time; `None` for units that are not horizons (hours, minutes).
fn months_per_unit(word: &str) -> Option<f64> {
    Some(match word {
        "day" | "days" => 1.0 / 30.0,
        "week" | "weeks" => 0.25,
        "fortnight" | "fortnights" => 0.5,
        "month" | "months" | "mo" | "mos" => 1.0,
        "quarter" | "quarters" => 3.0,
        "year" | "years" | "yr" | "yrs" => 12.0,
        _ => return None,
    })
}

fn is_day_unit(word: &str) -> bool {
    matches!(word, "day" | "days")
}

/// Words that may sit between a number and its time unit ("two full quarters").
fn is_time_modifier(word: &str) -> bool {
    matches!(
        word,
        "full"
            | "more"
            | "calendar"
            | "working"
            | "straight"
            | "consecutive"
            | "additional"
            | "further"
            | "long"
            | "whole"
    )
}

/// Words after a duration that make it an offset or an age, not a horizon.
fn is_offset_word(word: &str) -> bool {
    matches!(
        word,
        "before"
            | "after"
            | "ago"
            | "ahead"
            | "late"
            | "later"
            | "earlier"
            | "early"
            | "old"
            | "behind"
            | "prior"
            | "apart"
            | "sooner"
            | "past"
            | "overdue"
    )
}

fn is_people_noun(word: &str) -> bool {
    matches!(
        word,
        "engineers"
            | "engineer"
            | "people"
            | "developers"
            | "devs"
            | "sdes"
            | "sres"
            | "staff"
            | "employees"
            | "ics"
            | "ftes"
            | "scientists"
            | "researchers"
            | "designers"
            | "analysts"
            | "testers"
            | "architects"
            | "contributors"
            | "members"
            | "folks"
            | "individuals"
            | "headcount"
    )
}

/// Nouns that name a team-like unit ("a team of", "the checkout team, 16 engineers").
fn is_team_noun(word: &str) -> bool {
    matches!(
        word,
        "team"
            | "teams"
            | "sub-team"
            | "sub-teams"
            | "org"
            | "orgs"
            | "organization"
            | "organizations"
            | "organisation"
            | "organisations"
            | "group"
            | "groups"
            | "department"
            | "division"
            | "squad"
            | "squads"
            | "tribe"
    )
}

/// Plural nouns counted as [`FigureKind::Teams`].
fn is_teams_noun(word: &str) -> bool {
    matches!(word, "teams" | "sub-teams" | "subteams" | "squads" | "pods")
}

fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "a" | "an" | "the" | "my" | "our" | "his" | "her" | "their"
    )
}

fn is_possessive(word: &str) -> bool {
    matches!(word, "my" | "our" | "their" | "his" | "her")
}

/// Verbs that make "N engineers" the team the writer leads.
fn is_leadership_verb(word: &str) -> bool {
    matches!(
        word,
        "led"
            | "lead"
            | "leads"
            | "leading"
            | "manage"
            | "managed"
            | "manages"
            | "managing"
            | "ran"
            | "run"
            | "runs"
            | "running"
            | "oversaw"
            | "oversee"
            | "oversees"
            | "overseeing"
            | "inherited"
            | "inherit"
            | "headed"
            | "heading"
            | "supervised"
            | "supervise"
            | "supervising"
    )
}

fn is_growth_verb(word: &str) -> bool {
    matches!(
        word,
        "grew"
            | "grow"
            | "grows"
            | "grown"
            | "growing"
            | "scaled"
            | "scale"
            | "scaling"
            | "expanded"
            | "expand"
            | "expanding"
            | "doubled"
            | "tripled"
            | "took"
            | "take"
            | "taking"
            | "built"
            | "build"
            | "building"
            | "went"
    )
}

fn is_take_verb(word: &str) -> bool {
    matches!(word, "took" | "take" | "takes" | "taking" | "taken")
}

/// Words skipped between a leadership verb and its count ("led a total of 40 engineers").
fn is_filler(word: &str) -> bool {
    matches!(
        word,
        "now"
            | "also"
            | "then"
            | "directly"
            | "personally"
            | "eventually"
            | "currently"
            | "still"
            | "ultimately"
            | "already"
            | "jointly"
            | "a"
            | "total"
            | "of"
    )
}

/// Function words: never a modifier between a number and its noun.
fn is_stop_word(word: &str) -> bool {
    matches!(
        word,
        "of" | "the"
            | "a"
            | "an"
            | "and"
            | "or"
            | "in"
            | "on"
            | "at"
            | "to"
            | "from"
            | "with"
            | "by"
            | "for"
            | "as"
            | "per"
            | "than"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "had"
            | "have"
            | "has"
            | "was"
            | "were"
            | "is"
            | "are"
            | "be"
            | "been"
            | "more"
            | "less"
            | "other"
            | "our"
            | "my"
            | "their"
            | "his"
            | "her"
            | "its"
            | "your"
            | "this"
            | "these"
            | "those"
            | "it"
            | "they"
            | "we"
            | "i"
            | "he"
            | "she"
            | "you"
            | "not"
            | "no"
            | "all"
            | "each"
            | "every"
            | "across"
            | "under"
            | "over"
            | "into"
            | "out"
            | "reporting"
            | "later"
            | "ago"
            | "before"
            | "after"
    )
}

fn is_currency_word(word: &str) -> bool {
    matches!(
        word,
        "dollars" | "dollar" | "euros" | "euro" | "pounds" | "usd" | "eur" | "gbp" | "bucks"
    )
}

fn letter_magnitude(original: &str) -> Option<f64> {
    Some(match original {
        "k" | "K" => 1e3,
        "m" | "M" | "MM" | "mm" | "mn" | "Mn" => 1e6,
        "b" | "B" | "bn" | "Bn" | "BN" => 1e9,
        _ => return None,
    })
}

fn word_magnitude(word: &str) -> Option<f64> {
    Some(match word {
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

/// Symbols that, touching a number, make it something other than a count (99.9%, 3×).
fn is_disqualifying_suffix(symbol: char) -> bool {
    matches!(
        symbol,
        '%' | '×' | '°' | '‰' | '#' | '@' | '_' | '^' | '*' | '=' | '<' | '>'
    )
}

/// Symbols that, touching a number before it, make it an identifier (Sev-2, v.2, #3, L_6).
fn is_disqualifying_prefix(symbol: char) -> bool {
    matches!(
        symbol,
        '-' | '.' | '/' | ':' | '#' | '_' | '@' | '\'' | '’' | '^' | '*' | '=' | '&'
    )
}

// ---------------------------------------------------------------------------------------------
// Scanner

/// A number with its currency and magnitude ("$3M", "1,200", "twenty-five").
#[derive(Debug, Clone, Copy)]
struct Amount {
    /// Token index after the last token.
    end: usize,
    value: f64,
    magnitude: Option<f64>,
    currency: bool,
    /// The magnitude was a letter glued to the number ("40K"): only money reads that way.
    letter_magnitude: bool,
    /// A 4-digit integer that reads as a calendar year (1900-2100).
    year_like: bool,
}

/// A stated quantity: an amount, or a range of two, with an optional "+".
#[derive(Debug, Clone, Copy)]
struct Quantity {
    end: usize,
    low: f64,
    high: Option<f64>,
    plus: bool,
    currency: bool,
    magnitude: Option<f64>,
    letter_magnitude: bool,
    year_like: bool,
}

/// How a growth phrase before a count reads.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Growth {
    None,
    /// "grew to 55": needs a people noun after the count.
    VerbOnly,
    /// "grew the team to 20", "the org grew to 300": a team size as it stands.
    WithTeam,
}

struct Scanner<'a> {
    text: &'a str,
    /// ASCII-lowercased copy of `text`: same byte offsets, so token ranges index both.
    lower: String,
    tokens: Vec<Token>,
    figures: Vec<Figure>,
    /// First token not consumed by an earlier figure: spans never extend before it.
    floor: usize,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Self {
        Scanner {
            text,
            lower: text.to_ascii_lowercase(),
            tokens: tokenize(text),
            figures: Vec::new(),
            floor: 0,
        }
    }

    fn run(&mut self) {
        let mut index = 0;
        while index < self.tokens.len() {
            let next = self.at_number(index).or_else(|| self.at_keyword(index));
            match next {
                Some(end) if end > index => {
                    self.floor = end;
                    index = end;
                }
                _ => index += 1,
            }
        }
    }

    // --- token access: out-of-range or non-word positions read as "" / '\0' -----------------

    /// The lowercased word at `index`, or "" when it is not a word.
    fn word(&self, index: usize) -> &str {
        match self.tokens.get(index) {
            Some(token) if token.kind == TokenKind::Word => &self.lower[token.start..token.end],
            _ => "",
        }
    }

    /// The word `back` tokens before `index`, or "".
    fn word_before(&self, index: usize, back: usize) -> &str {
        index.checked_sub(back).map_or("", |at| self.word(at))
    }

    fn original(&self, index: usize) -> &'a str {
        self.tokens
            .get(index)
            .map_or("", |token| &self.text[token.start..token.end])
    }

    fn symbol(&self, index: usize) -> char {
        match self.tokens.get(index) {
            Some(Token {
                kind: TokenKind::Symbol(symbol),
                ..
            }) => *symbol,
            _ => '\0',
        }
    }

    fn symbol_before(&self, index: usize, back: usize) -> char {
        index.checked_sub(back).map_or('\0', |at| self.symbol(at))
    }

    fn number(&self, index: usize) -> Option<f64> {
        match self.tokens.get(index) {
            Some(Token {
                kind: TokenKind::Number(value),
                ..
            }) => Some(*value),
            _ => None,
        }
    }

    fn is_word(&self, index: usize) -> bool {
        matches!(self.tokens.get(index), Some(token) if token.kind == TokenKind::Word)
    }

    /// Tokens `index` and `index + 1` touch (no whitespace between them).
    fn touches_next(&self, index: usize) -> bool {
        match (self.tokens.get(index), self.tokens.get(index + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    /// A hyphenated word starting at `index` ("sub-teams", "first-line"), lowercased, and the
    /// token index after it; ("", index) when `index` is not a word.
    fn compound(&self, index: usize) -> (&str, usize) {
        if !self.is_word(index) {
            return ("", index);
        }
        let mut last = index;
        while self.symbol(last + 1) == '-'
            && self.touches_next(last)
            && self.touches_next(last + 1)
            && self.is_word(last + 2)
        {
            last += 2;
        }
        (
            &self.lower[self.tokens[index].start..self.tokens[last].end],
            last + 1,
        )
    }

    fn push(
        &mut self,
        kind: FigureKind,
        value: f64,
        high: Option<f64>,
        approx: bool,
        tokens: Range<usize>,
    ) {
        let (Some(first), Some(last)) = (
            self.tokens.get(tokens.start),
            tokens.end.checked_sub(1).and_then(|at| self.tokens.get(at)),
        ) else {
            return;
        };
        self.figures.push(Figure {
            kind,
            value,
            high,
            approx,
            span: first.start..last.end,
        });
    }

    /// `start - 1` when it is "a"/"an" and not consumed, else `start`.
    fn with_article(&self, start: usize) -> usize {
        if start > self.floor && matches!(self.word_before(start, 1), "a" | "an") {
            start - 1
        } else {
            start
        }
    }

    // --- numbers --------------------------------------------------------------------------

    /// A number spelled in words at `index`: its value and the token after it.
    fn word_number(&self, index: usize) -> Option<(f64, usize)> {
        let first = self.word(index);
        if matches!(first, "a" | "an") {
            return match self.word(index + 1) {
                "dozen" => Some((12.0, index + 2)),
                "couple" if self.word(index + 2) == "of" => Some((2.0, index + 3)),
                "couple" => Some((2.0, index + 2)),
                "hundred" => Some(self.after_hundred(100.0, index + 2)),
                "thousand" => Some((1000.0, index + 2)),
                _ => None,
            };
        }
        let (mut value, mut next) = if let Some(tens) = tens_number_word(first) {
            let hyphen_unit = self.symbol(index + 1) == '-'
                && self.touches_next(index)
                && self.touches_next(index + 1);
            if let Some(unit) = hyphen_unit
                .then(|| unit_number_word(self.word(index + 2)))
                .flatten()
            {
                (tens + unit, index + 3)
            } else if let Some(unit) = unit_number_word(self.word(index + 1)) {
                (tens + unit, index + 2)
            } else {
                (tens, index + 1)
            }
        } else if let Some(small) = unit_number_word(first).or_else(|| teen_number_word(first)) {
            (small, index + 1)
        } else {
            return None;
        };
        if self.word(next) == "hundred" {
            (value, next) = self.after_hundred(value * 100.0, next + 1);
        }
        if self.word(next) == "dozen" {
            value *= 12.0;
            next += 1;
        }
        Some((value, next))
    }

    /// "[and] twenty" after "hundred".
    fn after_hundred(&self, hundreds: f64, index: usize) -> (f64, usize) {
        let at = if self.word(index) == "and" {
            index + 1
        } else {
            index
        };
        match self.word_number_below_hundred(at) {
            Some((value, next)) => (hundreds + value, next),
            None => (hundreds, index),
        }
    }

    fn word_number_below_hundred(&self, index: usize) -> Option<(f64, usize)> {
        let word = self.word(index);
        if let Some(tens) = tens_number_word(word) {
            return match unit_number_word(self.word(index + 1)) {
                Some(unit) => Some((tens + unit, index + 2)),
                None => Some((tens, index + 1)),
            };
        }
        unit_number_word(word)
            .or_else(|| teen_number_word(word))
            .map(|value| (value, index + 1))
    }

    /// The token index of the number after a currency prefix at `index` ($, €, £, US$, USD).
    fn currency_prefix(&self, index: usize) -> Option<usize> {
        let number_at = match self.symbol(index) {
            '$' | '€' | '£' => index + 1,
            _ => match self.original(index) {
                "USD" | "EUR" | "GBP" => index + 1,
                "US" if self.symbol(index + 1) == '$' && self.touches_next(index) => index + 2,
                _ => return None,
            },
        };
        self.number(number_at).map(|_| number_at)
    }

    fn amount(&self, index: usize, after_separator: bool) -> Option<Amount> {
        let currency_number = self.currency_prefix(index);
        let number_at = currency_number.unwrap_or(index);
        if let Some(digits) = self.number(number_at) {
            // A number glued to a word or an identifier symbol is a name: L6, v2, Sev-2, 1:1.
            if currency_number.is_none()
                && !after_separator
                && number_at > 0
                && self.touches_next(number_at - 1)
            {
                let previous = number_at - 1;
                if self.is_word(previous)
                    || self.number(previous).is_some()
                    || is_disqualifying_prefix(self.symbol(previous))
                {
                    return None;
                }
            }
            let mut next = number_at + 1;
            let mut magnitude = None;
            let mut letter = false;
            if self.is_word(next) && self.touches_next(number_at) {
                // Only a magnitude may touch a number: 3x, 800ms, 2nd are not counts.
                magnitude = Some(letter_magnitude(self.original(next))?);
                letter = true;
                next += 1;
            } else if let Some(scale) = word_magnitude(self.word(next)) {
                magnitude = Some(scale);
                next += 1;
            }
            if self.touches_next(next - 1) {
                let after = self.symbol(next);
                if is_disqualifying_suffix(after) {
                    return None;
                }
                // 9:30, 24/7, 1.2.3
                if matches!(after, ':' | '/' | '.')
                    && self.touches_next(next)
                    && self.number(next + 1).is_some()
                {
                    return None;
                }
            }
            let digits_text = self.original(number_at);
            let year_like = currency_number.is_none()
                && magnitude.is_none()
                && digits_text.len() == 4
                && (1900.0..=2100.0).contains(&digits);
            return Some(Amount {
                end: next,
                value: digits * magnitude.unwrap_or(1.0),
                magnitude,
                currency: currency_number.is_some(),
                letter_magnitude: letter,
                year_like,
            });
        }
        if currency_number.is_some() {
            return None;
        }
        let (value, mut next) = self.word_number(index)?;
        let mut magnitude = None;
        if let Some(scale) = word_magnitude(self.word(next)) {
            magnitude = Some(scale);
            next += 1;
        }
        Some(Amount {
            end: next,
            value: value * magnitude.unwrap_or(1.0),
            magnitude,
            currency: false,
            letter_magnitude: false,
            year_like: false,
        })
    }

    /// An amount or a range of two at `index`. `allow_and` after "between"; a "to" after
    /// "from" is a change, not a range, so `after_from` stops there.
    fn quantity(&self, index: usize, allow_and: bool, after_from: bool) -> Option<Quantity> {
        let low = self.amount(index, false)?;
        let mut end = low.end;
        let mut plus = false;
        if self.symbol(end) == '+' && self.touches_next(end - 1) {
            plus = true;
            end += 1;
        }
        let separator = match self.symbol(end) {
            '-' | '–' | '—' => !plus,
            _ => match self.word(end) {
                "to" => !after_from && !plus,
                "or" => !plus,
                "and" => allow_and && !plus,
                _ => false,
            },
        };
        let mut quantity = Quantity {
            end,
            low: low.value,
            high: None,
            plus,
            currency: low.currency,
            magnitude: low.magnitude,
            letter_magnitude: low.letter_magnitude,
            year_like: low.year_like,
        };
        if separator {
            if let Some(high) = self.amount(end + 1, true) {
                // "$2-4M": the magnitude of the high end applies to the low end.
                let low_value = match (low.magnitude, high.magnitude) {
                    (None, Some(scale)) => low.value * scale,
                    _ => low.value,
                };
                if high.value > low_value && low.year_like == high.year_like {
                    quantity.low = low_value;
                    quantity.high = Some(high.value);
                    quantity.currency |= high.currency;
                    quantity.magnitude = high.magnitude.or(low.magnitude);
                    quantity.letter_magnitude |= high.letter_magnitude;
                    quantity.end = high.end;
                    if self.symbol(high.end) == '+' && self.touches_next(high.end - 1) {
                        quantity.plus = true;
                        quantity.end += 1;
                    }
                } else if low.year_like || high.year_like {
                    quantity.year_like = true;
                }
            }
        }
        Some(quantity)
    }

    /// A qualifier ending just before `index`: its first token and whether it approximates.
    fn qualifier_before(&self, index: usize, money: bool) -> (usize, bool) {
        let floor = self.floor;
        if index > floor && matches!(self.symbol(index - 1), '~' | '≈') {
            return (index - 1, true);
        }
        if index >= floor + 2 {
            let pair = (self.word(index - 2), self.word(index - 1));
            let approximates = match pair {
                ("more", "than")
                | ("close", "to")
                | ("upwards", "of")
                | ("at", "least")
                | ("just", "over")
                | ("well", "over")
                | ("north", "of")
                | ("up", "to") => true,
                ("less", "than") | ("fewer", "than") | ("just", "under") | ("well", "under") => {
                    money
                }
                _ => false,
            };
            if approximates {
                return (index - 2, true);
            }
        }
        if index > floor {
            let word = self.word(index - 1);
            let approximates = match word {
                "about" | "around" | "roughly" | "nearly" | "almost" | "some" | "approximately"
                | "approx" | "circa" => true,
                // "took over 12 engineers" is taking over a team, not "more than 12".
                "over" => !is_take_verb(self.word_before(index, 2)),
                "under" => money,
                _ => false,
            };
            if approximates {
                return (index - 1, true);
            }
        }
        (index, false)
    }

    /// A qualifier starting at `index` (after "to" in "from $18M to under $3M").
    fn qualifier_after(&self, index: usize) -> (usize, bool) {
        if matches!(self.symbol(index), '~' | '≈') {
            return (index + 1, true);
        }
        match self.word(index) {
            "about" | "around" | "roughly" | "nearly" | "almost" | "over" | "under"
            | "approximately" => (index + 1, true),
            "more" | "less" | "fewer" if self.word(index + 1) == "than" => (index + 2, true),
            _ => (index, false),
        }
    }

    fn starts_number(&self, index: usize) -> bool {
        self.number(index).is_some()
            || self.currency_prefix(index).is_some()
            || self.word_number(index).is_some()
    }

    /// Tries a quantity anchored at `index`; returns the token after the last figure.
    fn at_number(&mut self, index: usize) -> Option<usize> {
        if !self.starts_number(index) {
            return None;
        }
        let money = self.currency_prefix(index).is_some();
        let (qualified_start, qualified) = self.qualifier_before(index, money);
        let before = self.word_before(qualified_start, 1);
        let after_from = before == "from";
        let between = before == "between";
        let quantity = self.quantity(index, between, after_from)?;
        let approx = qualified || quantity.plus;
        if after_from && self.word(quantity.end) == "to" {
            return self.transition(&quantity, qualified_start, approx);
        }
        let start = if between && quantity.high.is_some() && qualified_start > self.floor {
            qualified_start - 1
        } else {
            qualified_start
        };
        self.classify(&quantity, start, start, approx)
    }

    /// "from 8 to 20 engineers", "from $14M to $3M a year": two figures of one kind, the
    /// kind read from the second.
    fn transition(
        &mut self,
        from: &Quantity,
        from_start: usize,
        from_approx: bool,
    ) -> Option<usize> {
        let (number_at, approx) = self.qualifier_after(from.end + 1);
        let mut to = self.quantity(number_at, false, false)?;
        to.currency |= from.currency;
        let before = self.figures.len();
        let end = self.classify(&to, from_start, from.end + 1, approx || to.plus)?;
        let kind = self.figures.get(before)?.kind;
        if matches!(
            kind,
            FigureKind::TeamSize | FigureKind::Dollars | FigureKind::HorizonMonths
        ) {
            self.push(kind, from.low, from.high, from_approx, from_start..from.end);
        }
        Some(end)
    }

    /// Classifies `quantity` by what follows it and by the context before `context`, pushing
    /// figures whose spans start at `span_start`. Returns the token after the figures.
    fn classify(
        &mut self,
        quantity: &Quantity,
        context: usize,
        span_start: usize,
        approx: bool,
    ) -> Option<usize> {
        let after = quantity.end;
        let (low, high) = (quantity.low, quantity.high);

        // Money first: a currency anywhere makes it dollars.
        let mut end = after;
        let mut currency = quantity.currency;
        if is_currency_word(self.word(end)) {
            currency = true;
            end += 1;
        }
        if currency {
            end = self.money_suffix(end);
            self.push(FigureKind::Dollars, low, high, approx, span_start..end);
            return Some(end);
        }
        // "48 million accounts", "40K orders", "in 2023": not figures without a currency.
        if quantity.magnitude.is_some_and(|scale| scale >= 1e6)
            || quantity.letter_magnitude
            || quantity.year_like
        {
            return None;
        }

        // "14-person team", "a 6-month", "three-year".
        if self.symbol(after) == '-'
            && self.touches_next(after - 1)
            && self.touches_next(after)
            && self.is_word(after + 1)
        {
            return self.compound_unit(quantity, span_start, approx);
        }

        // "reports: 9 direct"
        if self.symbol_before(context, 1) == ':'
            && self.word_before(context, 2) == "reports"
            && self.word(after) == "direct"
        {
            self.push(
                FigureKind::TeamSize,
                low,
                high,
                approx,
                context - 2..after + 1,
            );
            return Some(after + 1);
        }

        if let Some(construct_start) = self.team_construct_before(context) {
            if let Some(end) = self.construct_continues(after) {
                let start = construct_start.max(self.floor).min(span_start);
                self.push(FigureKind::TeamSize, low, high, approx, start..end);
                return Some(end);
            }
        }

        if let Some(noun_end) = self.noun_after(after, 1, is_teams_noun) {
            return Some(self.teams(quantity, span_start, approx, noun_end));
        }
        if let Some(noun_end) = self.noun_after(after, 2, |word| word == "managers") {
            if matches!(self.word_before(context, 1), "other" | "both") {
                return None;
            }
            self.push(
                FigureKind::Managers,
                low,
                high,
                approx,
                span_start..noun_end,
            );
            return Some(noun_end);
        }
        if let Some(noun_end) = self.business_units_after(after) {
            self.push(
                FigureKind::BusinessUnits,
                low,
                high,
                approx,
                span_start..noun_end,
            );
            return Some(noun_end);
        }
        if let Some(end) = self.horizon_after(quantity, context, span_start, approx) {
            return Some(end);
        }
        self.people(quantity, context, span_start, approx)
    }

    /// Extends a money span over a rate ("a year", "per year", "annually", "/yr") and "ARR".
    fn money_suffix(&self, mut end: usize) -> usize {
        if matches!(self.word(end), "a" | "per" | "each" | "every" | "an")
            && matches!(
                self.word(end + 1),
                "year" | "month" | "quarter" | "week" | "day" | "annum" | "yr"
            )
        {
            end += 2;
        } else if matches!(self.word(end), "annually" | "yearly" | "monthly") {
            end += 1;
        } else if self.symbol(end) == '/'
            && self.touches_next(end)
            && matches!(
                self.word(end + 1),
                "yr" | "year" | "y" | "month" | "mo" | "annum" | "quarter"
            )
        {
            end += 2;
        }
        if matches!(self.original(end), "ARR" | "MRR") {
            end += 1;
        }
        end
    }

    /// "14-person team", "a 6-month", "three-year-long".
    fn compound_unit(
        &mut self,
        quantity: &Quantity,
        span_start: usize,
        approx: bool,
    ) -> Option<usize> {
        let unit_at = quantity.end + 1;
        let unit = self.word(unit_at);
        let start = self.with_article(span_start);
        if matches!(
            unit,
            "person" | "people" | "engineer" | "member" | "strong" | "headcount"
        ) {
            let noun_end = self.noun_after(unit_at + 1, 1, is_team_noun)?;
            self.push(
                FigureKind::TeamSize,
                quantity.low,
                quantity.high,
                approx,
                start..noun_end,
            );
            return Some(noun_end);
        }
        let per_unit = months_per_unit(unit)?;
        if is_day_unit(unit) && quantity.low < 7.0 {
            return None;
        }
        let mut end = unit_at + 1;
        if self.symbol(end) == '-'
            && self.touches_next(end - 1)
            && self.touches_next(end)
            && self.word(end + 1) == "long"
        {
            end += 2;
        }
        self.push(
            FigureKind::HorizonMonths,
            quantity.low * per_unit,
            quantity.high.map(|high| high * per_unit),
            approx,
            start..end,
        );
        Some(end)
    }

    /// "a team of", "an org of", "a headcount of", "team with", "headcount:": the span start.
    fn team_construct_before(&self, context: usize) -> Option<usize> {
        let noun_at = context.checked_sub(2)?;
        let noun = self.word(noun_at);
        let construct = match (self.word(context - 1), self.symbol(context - 1)) {
            ("of", _) => is_team_noun(noun) || matches!(noun, "headcount" | "staff"),
            ("with", _) => matches!(
                noun,
                "team" | "org" | "organization" | "organisation" | "department"
            ),
            (_, ':') => noun == "headcount",
            _ => false,
        };
        if !construct {
            return None;
        }
        let with_determiner = noun_at > self.floor && is_determiner(self.word_before(noun_at, 1));
        Some(if with_determiner {
            noun_at - 1
        } else {
            noun_at
        })
    }

    /// After "a team of N": the end of the figure when what follows fits a team ("engineers",
    /// punctuation, "and", "reporting to me"), `None` for "a group of 3 services".
    fn construct_continues(&self, after: usize) -> Option<usize> {
        if let Some(end) = self.people_noun_after(after).map(|(end, _)| end) {
            return Some(end);
        }
        let next = self.word(after);
        if !self.is_word(after)
            || is_stop_word(next)
            || matches!(next, "spread" | "split" | "working" | "based" | "spanning")
        {
            return Some(after);
        }
        None
    }

    /// A noun matching `is_noun` after at most `modifiers` modifier words: its end.
    fn noun_after(
        &self,
        index: usize,
        modifiers: usize,
        is_noun: impl Fn(&str) -> bool,
    ) -> Option<usize> {
        let mut at = index;
        for _ in 0..=modifiers {
            let (word, end) = self.compound(at);
            if word.is_empty() {
                return None;
            }
            if is_noun(word) {
                return Some(end);
            }
            if !self.is_modifier(word) {
                return None;
            }
            at = end;
        }
        None
    }

    fn is_modifier(&self, word: &str) -> bool {
        !is_stop_word(word)
            && !is_number_word(word)
            && months_per_unit(word).is_none()
            && !is_people_noun(word)
            && !is_team_noun(word)
            && word != "managers"
            && word != "business"
    }

    /// "engineers", "senior backend engineers", "direct reports": its end, and whether it is a
    /// team by itself (direct reports, headcount).
    fn people_noun_after(&self, index: usize) -> Option<(usize, bool)> {
        let mut at = index;
        for _ in 0..=2 {
            let (word, end) = self.compound(at);
            if word.is_empty() {
                return None;
            }
            if word == "direct" && self.compound(end).0 == "reports" {
                return Some((self.compound(end).1, true));
            }
            if is_people_noun(word) {
                return Some((end, word == "headcount"));
            }
            if !self.is_modifier(word) {
                return None;
            }
            at = end;
        }
        None
    }

    /// "two teams", and "two teams of 6" (teams 2 plus team_size 12 over the whole phrase).
    fn teams(
        &mut self,
        quantity: &Quantity,
        span_start: usize,
        approx: bool,
        noun_end: usize,
    ) -> usize {
        self.push(
            FigureKind::Teams,
            quantity.low,
            quantity.high,
            approx,
            span_start..noun_end,
        );
        if self.word(noun_end) == "of" {
            let (number_at, each_approx) = self.qualifier_after(noun_end + 1);
            if let Some(each) = self
                .quantity(number_at, false, false)
                .filter(|each| !each.currency && !each.year_like)
            {
                let end = self
                    .people_noun_after(each.end)
                    .map_or(each.end, |(end, _)| end);
                let total = quantity.low * each.low;
                let high = match (quantity.high, each.high) {
                    (None, None) => None,
                    (teams_high, each_high) => {
                        Some(teams_high.unwrap_or(quantity.low) * each_high.unwrap_or(each.low))
                    }
                };
                self.push(
                    FigureKind::TeamSize,
                    total,
                    high,
                    approx || each_approx || each.plus,
                    span_start..end,
                );
                return end;
            }
        }
        noun_end
    }

    /// "five business units", "two BUs", "all eight of the company's business units".
    fn business_units_after(&self, after: usize) -> Option<usize> {
        let is_unit_noun_at = |at: usize| -> Option<usize> {
            let (word, end) = self.compound(at);
            match word {
                // Plural only: "two business unit leaders" counts leaders, not units.
                "business" if matches!(self.word(end), "units" | "lines") => Some(end + 1),
                "divisions" => Some(end),
                _ if matches!(self.original(at), "BUs" | "BU") => Some(end),
                _ => None,
            }
        };
        if let Some(end) = is_unit_noun_at(after) {
            return Some(end);
        }
        if self.is_word(after) && self.is_modifier(self.compound(after).0) {
            if let Some(end) = is_unit_noun_at(self.compound(after).1) {
                return Some(end);
            }
        }
        if self.word(after) == "of" {
            // "of the company's business units": skip determiners and one possessive.
            let mut at = after + 1;
            for _ in 0..4 {
                let word = self.word(at);
                if matches!(
                    word,
                    "the" | "our" | "its" | "my" | "their" | "company" | "s"
                ) || matches!(self.symbol(at), '\'' | '’')
                {
                    at += 1;
                } else {
                    break;
                }
            }
            return is_unit_noun_at(at);
        }
        None
    }

    /// "nine months", "two full quarters", but not "two months later" or "every two weeks".
    fn horizon_after(
        &mut self,
        quantity: &Quantity,
        context: usize,
        span_start: usize,
        approx: bool,
    ) -> Option<usize> {
        let after = quantity.end;
        let unit_at = if months_per_unit(self.word(after)).is_some() {
            after
        } else if is_time_modifier(self.word(after))
            && months_per_unit(self.word(after + 1)).is_some()
        {
            after + 1
        } else {
            return None;
        };
        let unit = self.word(unit_at);
        let per_unit = months_per_unit(unit)?;
        if is_day_unit(unit) && quantity.low < 7.0 {
            return None;
        }
        let offset = is_offset_word(self.word(unit_at + 1))
            || (self.word(unit_at + 1) == "of"
                && matches!(self.word(unit_at + 2), "experience" | "tenure" | "age"));
        let frequency = matches!(
            self.word_before(context, 1),
            "every" | "each" | "per" | "once" | "twice"
        );
        if offset || frequency || quantity.low <= 0.0 {
            return None;
        }
        self.push(
            FigureKind::HorizonMonths,
            quantity.low * per_unit,
            quantity.high.map(|high| high * per_unit),
            approx,
            span_start..unit_at + 1,
        );
        Some(unit_at + 1)
    }

    /// A count of people that names the writer's team (see the module doc).
    fn people(
        &mut self,
        quantity: &Quantity,
        context: usize,
        span_start: usize,
        approx: bool,
    ) -> Option<usize> {
        let noun = self.people_noun_after(quantity.end);
        let growth = self.growth_before(context);
        let end = match noun {
            Some((end, true)) => end,
            Some((end, false)) => {
                let team_context = growth != Growth::None
                    || self.leadership_before(context)
                    || is_possessive(self.word_before(context, 1))
                    || (self.word_before(context, 1) == "own"
                        && is_possessive(self.word_before(context, 2)))
                    || self.apposition_before(context)
                    || self.structure_after(end);
                if !team_context {
                    return None;
                }
                end
            }
            None if growth == Growth::WithTeam => quantity.end,
            None => return None,
        };
        self.push(
            FigureKind::TeamSize,
            quantity.low,
            quantity.high,
            approx,
            span_start..end,
        );
        Some(end)
    }

    /// "grew the team to", "the org grew to", "grew from".
    fn growth_before(&self, context: usize) -> Growth {
        if !matches!(self.word_before(context, 1), "to" | "from") {
            return Growth::None;
        }
        let Some(mut at) = context.checked_sub(2) else {
            return Growth::None;
        };
        let mut names_team = false;
        if is_team_noun(self.word(at)) || self.word(at) == "headcount" {
            names_team = true;
            at = match at.checked_sub(1) {
                Some(previous) if is_determiner(self.word(previous)) => previous.saturating_sub(1),
                Some(previous) => previous,
                None => return Growth::None,
            };
        }
        if !is_growth_verb(self.word(at)) {
            return Growth::None;
        }
        // "the org grew to 300"
        if names_team || is_team_noun(self.word_before(at, 1)) {
            Growth::WithTeam
        } else {
            Growth::VerbOnly
        }
    }

    /// "led 60 engineers", "now manage a total of 40", "took over 12 engineers".
    fn leadership_before(&self, context: usize) -> bool {
        let mut at = context;
        let mut skipped = 0;
        while at > 0 && skipped <= 3 {
            at -= 1;
            let word = self.word(at);
            if is_leadership_verb(word) {
                return true;
            }
            if word == "over" && is_take_verb(self.word_before(at, 1)) {
                return true;
            }
            if word == "for" && self.word_before(at, 1) == "responsible" {
                return true;
            }
            if !is_filler(word) {
                return false;
            }
            skipped += 1;
        }
        false
    }

    /// "the checkout team, 16 engineers", "the org (120 people)".
    fn apposition_before(&self, context: usize) -> bool {
        matches!(self.symbol_before(context, 1), ',' | '(' | ':' | '—' | '–')
            && is_team_noun(self.word_before(context, 2))
    }

    /// "... engineers in two sub-teams", "across four teams", "in my org", "reporting to me".
    fn structure_after(&self, end: usize) -> bool {
        match self.word(end) {
            "in" | "across" | "from" | "under" | "spanning" | "within" | "on" | "over"
            | "between" => {
                let next = end + 1;
                let leads_in = matches!(self.word(next), "my" | "our") || self.starts_number(next);
                if !leads_in {
                    return false;
                }
                (next..next + 4)
                    .take_while(|&at| self.is_word(at) || self.number(at).is_some())
                    .any(|at| {
                        let word = self.word(at);
                        is_team_noun(word)
                            || matches!(
                                word,
                                "managers"
                                    | "leads"
                                    | "offices"
                                    | "sites"
                                    | "locations"
                                    | "countries"
                                    | "zones"
                            )
                    })
            }
            "reporting" | "report" | "reported" | "who" | "that" => (end + 1..end + 5)
                .take_while(|&at| self.is_word(at))
                .any(|at| self.word(at) == "me"),
            _ => false,
        }
    }

    // --- keywords -------------------------------------------------------------------------

    /// Titles, "multi-year", "a year-long", "over H2", "senior managers", "managers of managers".
    fn at_keyword(&mut self, index: usize) -> Option<usize> {
        if !self.is_word(index) {
            return None;
        }
        let word = self.word(index);
        let original = self.original(index);
        match word {
            "director" | "directors" => {
                let promotion = self.word_before(index, 1) == "to"
                    && matches!(self.word_before(index, 2), "promoted" | "promotion");
                if promotion {
                    return None;
                }
                self.push(
                    FigureKind::Stakeholder,
                    RANK_DIRECTOR,
                    None,
                    false,
                    index..index + 1,
                );
                Some(index + 1)
            }
            "senior" | "executive" => {
                if self.word(index + 1) == "vice"
                    && matches!(self.word(index + 2), "president" | "presidents")
                {
                    self.push(
                        FigureKind::Stakeholder,
                        RANK_SVP,
                        None,
                        false,
                        index..index + 3,
                    );
                    return Some(index + 3);
                }
                if word == "senior" && matches!(self.word(index + 1), "director" | "directors") {
                    self.push(
                        FigureKind::Stakeholder,
                        RANK_DIRECTOR,
                        None,
                        false,
                        index..index + 2,
                    );
                    return Some(index + 2);
                }
                let counted = index > 0
                    && (self.number(index - 1).is_some() || is_number_word(self.word(index - 1)));
                if word == "senior" && self.word(index + 1) == "managers" && !counted {
                    self.push(
                        FigureKind::Managers,
                        MANAGERS_OF_MANAGERS,
                        None,
                        true,
                        index..index + 2,
                    );
                    return Some(index + 2);
                }
                None
            }
            "vice" if matches!(self.word(index + 1), "president" | "presidents") => {
                self.push(
                    FigureKind::Stakeholder,
                    RANK_VP,
                    None,
                    false,
                    index..index + 2,
                );
                Some(index + 2)
            }
            "general" if matches!(self.word(index + 1), "manager" | "managers") => {
                self.push(
                    FigureKind::Stakeholder,
                    RANK_VP,
                    None,
                    false,
                    index..index + 2,
                );
                Some(index + 2)
            }
            "chief" => {
                for at in index + 1..index + 5 {
                    match self.word(at) {
                        "officer" | "officers" => {
                            self.push(
                                FigureKind::Stakeholder,
                                RANK_C_LEVEL,
                                None,
                                false,
                                index..at + 1,
                            );
                            return Some(at + 1);
                        }
                        "" | "of" => return None,
                        _ => {}
                    }
                }
                None
            }
            "board" => self.board(index),
            "manager" | "managers"
                if self.word(index + 1) == "of" && self.word(index + 2) == "managers" =>
            {
                let start = if word == "manager" {
                    self.with_article(index)
                } else {
                    index
                };
                self.push(
                    FigureKind::Managers,
                    MANAGERS_OF_MANAGERS,
                    None,
                    true,
                    start..index + 3,
                );
                Some(index + 3)
            }
            "multiyear" => {
                self.push(
                    FigureKind::HorizonMonths,
                    MULTI_YEAR_MONTHS,
                    None,
                    true,
                    index..index + 1,
                );
                Some(index + 1)
            }
            "multi" => {
                let (compound, end) = self.compound(index);
                let end = if compound.starts_with("multi-year") {
                    end
                } else if self.word(index + 1) == "year" {
                    index + 2
                } else {
                    return None;
                };
                self.push(
                    FigureKind::HorizonMonths,
                    MULTI_YEAR_MONTHS,
                    None,
                    true,
                    index..end,
                );
                Some(end)
            }
            "year" | "month" | "quarter" | "week" => {
                // "a year-long effort"
                let long = self.symbol(index + 1) == '-'
                    && self.touches_next(index)
                    && self.touches_next(index + 1)
                    && self.word(index + 2) == "long";
                let article = matches!(self.word_before(index, 1), "a" | "an");
                let per_unit = months_per_unit(word)?;
                if !(long && article) {
                    return None;
                }
                self.push(
                    FigureKind::HorizonMonths,
                    per_unit,
                    None,
                    false,
                    self.with_article(index)..index + 3,
                );
                Some(index + 3)
            }
            "h" | "q" => self.half_or_quarter(index),
            _ => {
                let acronym = original.strip_suffix('s').unwrap_or(original);
                if acronym.len() < 2 || !acronym.bytes().all(|byte| byte.is_ascii_uppercase()) {
                    return None;
                }
                let rank = match acronym {
                    "VP" | "GM" => RANK_VP,
                    "SVP" | "EVP" => RANK_SVP,
                    "CTO" | "CEO" | "CFO" | "COO" | "CPO" | "CIO" | "CISO" | "CMO" | "CRO"
                    | "CDO" => RANK_C_LEVEL,
                    _ => return None,
                };
                self.push(FigureKind::Stakeholder, rank, None, false, index..index + 1);
                Some(index + 1)
            }
        }
    }

    /// "the board", "board of directors", "the company's board"; not "on board", "board game".
    fn board(&mut self, index: usize) -> Option<usize> {
        let previous = self.word_before(index, 1);
        let of_directors = self.word(index + 1) == "of" && self.word(index + 2) == "directors";
        let possessive = previous == "s" && matches!(self.symbol_before(index, 2), '\'' | '’');
        let determined = matches!(previous, "the" | "our" | "its" | "their");
        if !(of_directors || determined || possessive)
            || matches!(self.word(index + 1), "game" | "games")
        {
            return None;
        }
        let start = if determined && index > self.floor {
            index - 1
        } else {
            index
        };
        let end = if of_directors { index + 3 } else { index + 1 };
        self.push(FigureKind::Stakeholder, RANK_BOARD, None, false, start..end);
        Some(end)
    }

    /// "over H2" (6 months), "during Q3" (3 months); a bare "Q4" or "by Q4" is a date.
    fn half_or_quarter(&mut self, index: usize) -> Option<usize> {
        let number = self.number(index + 1)?;
        if !self.touches_next(index) || !matches!(self.original(index), "H" | "Q") {
            return None;
        }
        let months = match (self.original(index), number) {
            ("H", 1.0 | 2.0) => 6.0,
            ("Q", 1.0 | 2.0 | 3.0 | 4.0) => 3.0,
            _ => return None,
        };
        let spanning = matches!(
            self.word_before(index, 1),
            "over" | "during" | "throughout" | "across"
        );
        if !spanning || index <= self.floor {
            return None;
        }
        self.push(
            FigureKind::HorizonMonths,
            months,
            None,
            false,
            index - 1..index + 2,
        );
        Some(index + 2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scanner(text: &str) -> Scanner<'_> {
        Scanner::new(text)
    }

    #[test]
    fn number_words() {
        let cases = [
            ("fourteen", 14.0),
            ("twenty-five", 25.0),
            ("twenty five", 25.0),
            ("ninety", 90.0),
            ("a dozen", 12.0),
            ("two dozen", 24.0),
            ("a couple of", 2.0),
            ("one hundred and twenty", 120.0),
            ("two hundred", 200.0),
            ("a hundred", 100.0),
        ];
        for (text, expected) in cases {
            let scanner = scanner(text);
            let (value, end) = scanner.word_number(0).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(value, expected, "{text}");
            assert_eq!(end, scanner.tokens.len(), "{text} consumed fully");
        }
        assert!(scanner("a few").word_number(0).is_none());
        assert!(scanner("once").word_number(0).is_none());
        assert!(scanner("first").word_number(0).is_none());
    }

    #[test]
    fn digits_and_separators() {
        assert_eq!(parse_digits("1,200"), Some(1200.0));
        assert_eq!(parse_digits("1,200,000"), Some(1_200_000.0));
        assert_eq!(parse_digits("1.5"), Some(1.5));
    }

    #[test]
    fn tokens_keep_char_boundaries_and_touching() {
        let text = "café’s 14-person team\u{a0}— $3M";
        let scanner = scanner(text);
        for token in &scanner.tokens {
            assert!(text.is_char_boundary(token.start) && text.is_char_boundary(token.end));
        }
        let fourteen = scanner
            .tokens
            .iter()
            .position(|token| token.kind == TokenKind::Number(14.0))
            .unwrap();
        assert!(scanner.touches_next(fourteen));
        assert_eq!(scanner.compound(fourteen + 2), ("person", fourteen + 3));
    }

    #[test]
    fn amounts() {
        let scanner = scanner("$2.5 billion");
        let amount = scanner.amount(0, false).unwrap();
        assert_eq!(amount.value, 2.5e9);
        assert!(amount.currency);
        assert!(scanner_amount("L6").is_none());
        assert!(scanner_amount("3x").is_none());
        assert!(scanner_amount("99.9%").is_none());
        assert!(scanner_amount("24/7").is_none());
        assert!(scanner_amount("2023").is_some_and(|amount| amount.year_like));
        assert!(scanner_amount("1,999").is_some_and(|amount| !amount.year_like));
    }

    fn scanner_amount(text: &str) -> Option<Amount> {
        let scanner = scanner(text);
        let first_number = scanner
            .tokens
            .iter()
            .position(|token| matches!(token.kind, TokenKind::Number(_)))?;
        scanner.amount(first_number, false)
    }

    #[test]
    fn ranges_read_low_with_shared_magnitude() {
        let scanner = scanner("$2-4M");
        let quantity = scanner.quantity(0, false, false).unwrap();
        assert_eq!((quantity.low, quantity.high), (2e6, Some(4e6)));
        let scanner = Scanner::new("from 8 to 20");
        let quantity = scanner.quantity(1, false, true).unwrap();
        assert_eq!((quantity.low, quantity.high), (8.0, None));
    }

    #[test]
    fn all_kinds_listed_once() {
        let mut names: Vec<_> = FigureKind::ALL.iter().map(|kind| kind.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), 7);
    }
}
