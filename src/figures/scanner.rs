//! The left-to-right scan: it anchors on numbers (digits, number words, currency signs) and
//! on keywords (titles, "multi-year", "a year"), reads a quantity, and hands it to the unit
//! that the words around it name. A figure consumes its tokens, so a range never also yields
//! two single figures and "$3 million dollars" is one figure. Spans are token boundaries,
//! hence always on char boundaries. Every context check is plain code over the token list.

use std::borrow::Cow;
use std::ops::Range;

use super::quantity::{Quantity, Stated};
use super::tokens::{tokenize, Token, TokenKind};
use super::vocabulary::{Class, Entry, Vocabulary, EMPTY_ENTRY};
use super::{Figure, FigureKind, Role};

pub(crate) struct Scanner<'a> {
    pub text: &'a str,
    /// ASCII-lowercased copy of `text`: same byte offsets, so token ranges index both.
    pub lower: String,
    pub tokens: Vec<Token>,
    pub vocabulary: &'static Vocabulary,
    figures: Vec<Figure>,
    /// First token not consumed by an earlier figure: spans never extend before it.
    pub floor: usize,
}

impl<'a> Scanner<'a> {
    pub(crate) fn new(text: &'a str, vocabulary: &'static Vocabulary) -> Self {
        let lower = text.to_ascii_lowercase();
        let tokens = tokenize(text, &lower, vocabulary);
        Scanner {
            text,
            lower,
            tokens,
            vocabulary,
            figures: Vec::new(),
            floor: 0,
        }
    }

    pub(crate) fn into_figures(self) -> Vec<Figure> {
        self.figures
    }

    pub(crate) fn run(&mut self) {
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

    // --- token access: out-of-range or non-word positions read as "" / '\0' ------------------

    /// The lowercased word at `index`, or "" when it is not a word.
    pub(crate) fn word(&self, index: usize) -> &str {
        match self.tokens.get(index) {
            Some(token) if token.kind == TokenKind::Word => &self.lower[token.start..token.end],
            _ => "",
        }
    }

    /// The word `back` tokens before `index`, or "".
    pub(crate) fn word_before(&self, index: usize, back: usize) -> &str {
        index.checked_sub(back).map_or("", |at| self.word(at))
    }

    /// The token as written.
    pub(crate) fn original(&self, index: usize) -> &'a str {
        self.tokens
            .get(index)
            .map_or("", |token| &self.text[token.start..token.end])
    }

    /// The vocabulary entry of the word at `index` (empty for symbols and numbers).
    pub(crate) fn entry(&self, index: usize) -> &'static Entry {
        self.tokens
            .get(index)
            .map_or(&EMPTY_ENTRY, |token| token.entry)
    }

    /// The word at `index` is in `class`.
    pub(crate) fn has(&self, index: usize, class: Class) -> bool {
        self.tokens
            .get(index)
            .is_some_and(|token| token.classes().has(class))
    }

    /// The word `back` tokens before `index` is in `class`.
    pub(crate) fn has_before(&self, index: usize, back: usize, class: Class) -> bool {
        index
            .checked_sub(back)
            .is_some_and(|at| self.has(at, class))
    }

    pub(crate) fn symbol(&self, index: usize) -> char {
        match self.tokens.get(index) {
            Some(Token {
                kind: TokenKind::Symbol(symbol),
                ..
            }) => *symbol,
            _ => '\0',
        }
    }

    pub(crate) fn symbol_before(&self, index: usize, back: usize) -> char {
        index.checked_sub(back).map_or('\0', |at| self.symbol(at))
    }

    pub(crate) fn is_dash(&self, index: usize) -> bool {
        matches!(self.symbol(index), '-' | '–')
    }

    pub(crate) fn number(&self, index: usize) -> Option<f64> {
        match self.tokens.get(index) {
            Some(Token {
                kind: TokenKind::Number(value),
                ..
            }) => Some(*value),
            _ => None,
        }
    }

    pub(crate) fn is_word(&self, index: usize) -> bool {
        self.tokens
            .get(index)
            .is_some_and(|token| token.kind == TokenKind::Word)
    }

    /// Tokens `index` and `index + 1` touch (no whitespace between them).
    pub(crate) fn touches_next(&self, index: usize) -> bool {
        match (self.tokens.get(index), self.tokens.get(index + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    /// A hyphen or dash at `index` that touches the tokens on both sides ("14-person").
    pub(crate) fn joining_hyphen(&self, index: usize) -> bool {
        index > 0 && self.is_dash(index) && self.touches_next(index - 1) && self.touches_next(index)
    }

    /// A hyphenated word starting at `index` ("sub-teams", "first-line"), lowercased with
    /// ASCII hyphens, and the token index after it; ("", index) when `index` is not a word.
    pub(crate) fn compound(&self, index: usize) -> (Cow<'_, str>, usize) {
        if !self.is_word(index) {
            return (Cow::Borrowed(""), index);
        }
        let mut last = index;
        // Only hyphens join words: "people—comprising" is two words around a dash.
        while self.symbol(last + 1) == '-'
            && self.joining_hyphen(last + 1)
            && self.is_word(last + 2)
        {
            last += 2;
        }
        if last == index {
            return (Cow::Borrowed(self.word(index)), index + 1);
        }
        let mut joined = String::new();
        for at in (index..=last).step_by(2) {
            if at > index {
                joined.push('-');
            }
            joined.push_str(self.word(at));
        }
        (Cow::Owned(joined), last + 1)
    }

    /// The vocabulary entry of the (possibly hyphenated) word at `index` and the token after
    /// it; `None` when `index` is not a word. Only a hyphenated word costs a lookup.
    pub(crate) fn compound_entry(&self, index: usize) -> Option<(&'static Entry, usize)> {
        if !self.is_word(index) {
            return None;
        }
        if !(self.symbol(index + 1) == '-' && self.joining_hyphen(index + 1)) {
            return Some((self.entry(index), index + 1));
        }
        let (word, end) = self.compound(index);
        let entry = self.vocabulary.get(&word).unwrap_or(&EMPTY_ENTRY);
        Some((entry, end))
    }

    /// The lower-cased text of any token ("/" for a slash).
    fn token_text(&self, index: usize) -> &str {
        self.tokens
            .get(index)
            .map_or("", |token| &self.lower[token.start..token.end])
    }

    /// A phrase of `class` starting at `index` (a one-word entry or a listed phrase): the
    /// token after it.
    pub(crate) fn phrase_at(&self, index: usize, class: Class) -> Option<usize> {
        if let Some((entry, end)) = self.compound_entry(index) {
            if entry.classes.has(class) {
                return Some(end);
            }
        } else if self.has(index, class) {
            return Some(index + 1);
        }
        if !self.entry(index).starts.has(class) {
            return None;
        }
        self.vocabulary
            .phrases(class)
            .iter()
            .filter(|phrase| {
                phrase
                    .iter()
                    .enumerate()
                    .all(|(offset, part)| self.token_text(index + offset) == part)
            })
            .map(|phrase| index + phrase.len())
            .max()
    }

    /// A phrase of `class` ending just before `index`: its first token.
    pub(crate) fn phrase_before(&self, index: usize, class: Class) -> Option<usize> {
        if index > 0 && self.has(index - 1, class) {
            return Some(index - 1);
        }
        if index == 0 || !self.entry(index - 1).ends.has(class) {
            return None;
        }
        self.vocabulary
            .phrases(class)
            .iter()
            .filter(|phrase| phrase.len() <= index)
            .filter(|phrase| {
                let start = index - phrase.len();
                phrase
                    .iter()
                    .enumerate()
                    .all(|(offset, part)| self.token_text(start + offset) == part)
            })
            .map(|phrase| index - phrase.len())
            .min()
    }

    pub(crate) fn push(
        &mut self,
        kind: FigureKind,
        (value, high): (f64, Option<f64>),
        approx: bool,
        tokens: Range<usize>,
        role: Role,
    ) {
        let (Some(first), Some(last)) = (
            self.tokens.get(tokens.start),
            tokens.end.checked_sub(1).and_then(|at| self.tokens.get(at)),
        ) else {
            return;
        };
        if !value.is_finite() || high.is_some_and(|high| !high.is_finite()) {
            return;
        }
        let span = first.start..last.end;
        self.figures.push(Figure {
            kind,
            value,
            high,
            approx,
            span: span.clone(),
            role,
        });
        // "managed 7–9 engineers", "teams of 2 to 5 engineers": careful readers count both
        // ends of a team's range, and its high end is the larger team.
        if let (FigureKind::TeamSize, Some(high)) = (kind, high) {
            self.figures.push(Figure {
                kind,
                value: high,
                high: None,
                approx,
                span,
                role,
            });
        }
    }

    /// The kind of the last figure pushed, if it was pushed at or after `count` figures.
    pub(crate) fn pushed_since(&self, count: usize) -> Option<(FigureKind, Role)> {
        self.figures
            .get(count)
            .map(|figure| (figure.kind, figure.role))
    }

    pub(crate) fn figure_count(&self) -> usize {
        self.figures.len()
    }

    fn figure_value(&self, index: usize) -> f64 {
        self.figures.get(index).map_or(0.0, |figure| figure.value)
    }

    fn set_role(&mut self, index: usize, role: Role) {
        if let Some(figure) = self.figures.get_mut(index) {
            figure.role = role;
        }
    }

    /// `start - 1` when it is "a"/"an" and not consumed, else `start`.
    pub(crate) fn with_article(&self, start: usize) -> usize {
        if start > self.floor && matches!(self.word_before(start, 1), "a" | "an") {
            start - 1
        } else {
            start
        }
    }

    // --- numbers ----------------------------------------------------------------------------

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
        let arrow = self.arrow_at(quantity.end);
        if (after_from && self.word(quantity.end) == "to") || arrow.is_some() {
            return self.transition(&quantity, qualified_start, approx);
        }
        let start = if between && quantity.high.is_some() && qualified_start > self.floor {
            qualified_start - 1
        } else {
            qualified_start
        };
        self.classify(&Stated {
            quantity,
            context: start,
            start,
            approx,
        })
    }

    /// "→" or "->" between two quantities ("30→350 engineers"): the token after it.
    fn arrow_at(&self, index: usize) -> Option<usize> {
        match self.symbol(index) {
            '→' | '⇒' => Some(index + 1),
            '-' if self.symbol(index + 1) == '>' && self.touches_next(index) => Some(index + 2),
            _ => None,
        }
    }

    /// "from 8 to 20 engineers", "from $14M to $3M a year", "30→350 engineers": two figures
    /// of one kind, the kind and role read from the second. A change of a duration ("from
    /// 6 weeks to 2 weeks") is a metric that improved, not the span of the work.
    fn transition(
        &mut self,
        from: &Quantity,
        from_start: usize,
        from_approx: bool,
    ) -> Option<usize> {
        let to_at = self.arrow_at(from.end).unwrap_or(from.end + 1);
        let (number_at, approx) = self.qualifier_after(to_at);
        let mut to = self.quantity(number_at, false, false)?;
        to.currency |= from.currency;
        let before = self.figure_count();
        let end = self.classify(&Stated {
            quantity: to,
            context: from_start,
            start: to_at,
            approx: approx || to.plus,
        })?;
        let (kind, role) = self.pushed_since(before)?;
        let from_value = match kind {
            // "from one to seven million dollars", "from 2 to 1.5 million": the magnitude
            // written once applies to both ends, as in "$2-4M" (not "from $500 to $2
            // million", whose ends are already two orders apart).
            FigureKind::Dollars
                if from.magnitude.is_none()
                    && to.magnitude.is_some_and(|scale| {
                        from.low * scale <= self.figure_value(before) * 100.0
                    }) =>
            {
                let scale = to.magnitude.unwrap_or(1.0);
                (from.low * scale, from.high.map(|high| high * scale))
            }
            FigureKind::TeamSize | FigureKind::Dollars => from.value(),
            FigureKind::HorizonMonths => {
                let to_months = self.figure_value(before);
                let per_unit = if to.low > 0.0 {
                    to_months / to.low
                } else {
                    0.0
                };
                self.set_role(before, Role::Incidental);
                self.push(
                    kind,
                    from.scaled(per_unit),
                    from_approx,
                    from_start..from.end,
                    Role::Incidental,
                );
                return Some(end);
            }
            _ => return Some(end),
        };
        self.push(kind, from_value, from_approx, from_start..from.end, role);
        Some(end)
    }

    /// Classifies a stated quantity by what follows it and by the context before it, pushing
    /// figures whose spans start at its `start`. Returns the token after the figures.
    fn classify(&mut self, stated: &Stated) -> Option<usize> {
        let quantity = &stated.quantity;
        if let Some(end) = self.money(stated) {
            return Some(end);
        }
        // "48 million accounts", "40K orders", "in 2023": not figures without a currency;
        // "1.5K engineers" is a headcount.
        if quantity.letter_magnitude && quantity.magnitude == Some(1e3) {
            return self.people(stated);
        }
        if quantity.magnitude.is_some_and(|scale| scale >= 1e6)
            || quantity.letter_magnitude
            || quantity.year_like
        {
            return None;
        }
        let after = quantity.end;
        // "14-person team", "a 6-month", "three-year".
        if self.joining_hyphen(after) && self.is_word(after + 1) {
            return self.compound_unit(stated);
        }
        if let Some(end) = self.team_construct(stated) {
            return Some(end);
        }
        if let Some(end) = self.organisation(stated) {
            return Some(end);
        }
        if let Some(end) = self.horizon_after(stated) {
            return Some(end);
        }
        self.people(stated)
    }

    /// "14-person team", "a 6-month migration", "a 5,000-person company", "a two-day outage".
    fn compound_unit(&mut self, stated: &Stated) -> Option<usize> {
        let unit_at = stated.quantity.end + 1;
        let start = self.with_article(stated.start);
        let stated = Stated { start, ..*stated };
        if let Some(end) = self.compound_team(&stated, unit_at) {
            return Some(end);
        }
        self.compound_duration(&stated, unit_at)
    }
}
