//! Quantities as people write them: digits with separators, number words ("twenty-five", "a
//! dozen", "a couple of"), magnitudes ("$1.2M", "3 million"), ranges ("10-15", "10 to 15",
//! "between 10 and 15"), a trailing "+", and the qualifiers before a number ("about", "over",
//! "more than", "~").

use super::scanner::Scanner;
use super::vocabulary::Class;

/// A number with its currency and magnitude ("$3M", "1,200", "twenty-five").
#[derive(Debug, Clone, Copy)]
pub(crate) struct Amount {
    /// Token index after the last token.
    pub end: usize,
    pub value: f64,
    pub magnitude: Option<f64>,
    pub currency: bool,
    /// The magnitude was a letter glued to the number ("40K"): only money reads that way.
    pub letter_magnitude: bool,
    /// A 4-digit integer that reads as a calendar year (1900-2100).
    pub year_like: bool,
}

/// A stated quantity: an amount, or a range of two, with an optional "+".
#[derive(Debug, Clone, Copy)]
pub(crate) struct Quantity {
    pub end: usize,
    pub low: f64,
    pub high: Option<f64>,
    pub plus: bool,
    pub currency: bool,
    pub magnitude: Option<f64>,
    pub letter_magnitude: bool,
    pub year_like: bool,
}

/// A quantity on its way to becoming a figure: the token its context is read back from, the
/// token its phrase starts at, and whether a qualifier ("about", "+") approximates it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Stated {
    pub quantity: Quantity,
    pub context: usize,
    pub start: usize,
    pub approx: bool,
}

impl Quantity {
    pub(crate) fn value(&self) -> (f64, Option<f64>) {
        (self.low, self.high)
    }

    /// The same quantity in other units ("6 weeks" in months).
    pub(crate) fn scaled(&self, per_unit: f64) -> (f64, Option<f64>) {
        (self.low * per_unit, self.high.map(|high| high * per_unit))
    }
}

impl Scanner<'_> {
    /// A number spelled in words at `index`: its value and the token after it.
    pub(crate) fn word_number(&self, index: usize) -> Option<(f64, usize)> {
        // "half a dozen", "half a million"
        if self.word(index) == "half" && matches!(self.word(index + 1), "a" | "an") {
            let (value, next) = self.word_number(index + 1)?;
            return Some((value / 2.0, next));
        }
        if matches!(self.word(index), "a" | "an") {
            let value = self.entry(index + 1).article_number?;
            let mut next = index + 2;
            if self.word(next) == "of" {
                next += 1;
            }
            if value == 100.0 {
                return Some(self.after_hundred(value, index + 2));
            }
            return Some((value, next));
        }
        let first = self.entry(index).number?;
        let (mut value, mut next) = if first >= 20.0 && first % 10.0 == 0.0 {
            // "twenty-five", "twenty five"
            let unit_at = if self.joining_hyphen(index + 1) {
                index + 2
            } else {
                index + 1
            };
            match self.entry(unit_at).number.filter(|unit| *unit < 10.0) {
                Some(unit) => (first + unit, unit_at + 1),
                None => (first, index + 1),
            }
        } else {
            (first, index + 1)
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

    /// "-million" joined to the number before `index`: the magnitude.
    fn hyphenated_magnitude(&self, index: usize) -> Option<f64> {
        if !self.joining_hyphen(index) {
            return None;
        }
        self.entry(index + 1).word_magnitude
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
        let value = self.entry(index).number?;
        if value >= 20.0 {
            if let Some(unit) = self.entry(index + 1).number.filter(|unit| *unit < 10.0) {
                return Some((value + unit, index + 2));
            }
        }
        Some((value, index + 1))
    }

    /// The token index of the number after a currency prefix at `index` ($, €, £, USD, US$).
    pub(crate) fn currency_prefix(&self, index: usize) -> Option<usize> {
        let symbol = self.symbol(index);
        // "R$320M", "C$40K", "HK$3M": not dollars at face value.
        let foreign_dollar = symbol == '$'
            && index > 0
            && self.touches_next(index - 1)
            && self.is_word(index - 1)
            && self.original(index - 1) != "US";
        let number_at = if foreign_dollar {
            return None;
        } else if symbol != '\0' && self.vocabulary.currency_signs.contains(&symbol) {
            index + 1
        } else if self.original(index) == "US"
            && self.symbol(index + 1) == '$'
            && self.touches_next(index)
        {
            index + 2
        } else if self.has(index, Class::CurrencyCode)
            && self.vocabulary.is_currency_code(self.original(index))
        {
            index + 1
        } else {
            return None;
        };
        self.number(number_at).map(|_| number_at)
    }

    pub(crate) fn amount(&self, index: usize, after_separator: bool) -> Option<Amount> {
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
                let symbol = self.symbol(previous);
                if self.is_word(previous)
                    || self.number(previous).is_some()
                    || (symbol != '\0' && self.vocabulary.name_prefixes.contains(&symbol))
                {
                    return None;
                }
            }
            let mut next = number_at + 1;
            let mut magnitude = None;
            let mut letter = false;
            let glued_time_unit = self.entry(next).months.is_some_and(|months| months >= 0.25);
            if self.is_word(next) && self.touches_next(number_at) && !glued_time_unit {
                // Only a magnitude or a time unit ("6mo", "2yrs") may touch a number: 3x,
                // 800ms, 2nd are not counts.
                magnitude = Some(self.vocabulary.letter_magnitude(self.original(next))?);
                letter = true;
                next += 1;
            } else if let Some(scale) = self.entry(next).word_magnitude {
                magnitude = Some(scale);
                next += 1;
            } else if let Some(scale) = self.hyphenated_magnitude(next) {
                // "$7-million", "a 7-million-dollar program"
                magnitude = Some(scale);
                next += 2;
            }
            if self.touches_next(next - 1) {
                let after = self.symbol(next);
                if after != '\0' && self.vocabulary.not_count_suffixes.contains(&after) {
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
        let mut scaled = value;
        if let Some(scale) = self.entry(next).word_magnitude {
            magnitude = Some(scale);
            scaled *= scale;
            next += 1;
        } else if let Some(scale) = self.hyphenated_magnitude(next) {
            // "a seven-million-dollar program"
            magnitude = Some(scale);
            scaled *= scale;
            next += 2;
        } else if value >= 1e6 {
            // "a million": a magnitude by itself, money only.
            magnitude = Some(value);
        }
        Some(Amount {
            end: next,
            value: scaled,
            magnitude,
            currency: false,
            letter_magnitude: false,
            year_like: false,
        })
    }

    /// An amount or a range of two at `index`. `allow_and` after "between"; a "to" after
    /// "from" is a change, not a range, so `after_from` stops there.
    pub(crate) fn quantity(
        &self,
        index: usize,
        allow_and: bool,
        after_from: bool,
    ) -> Option<Quantity> {
        let low = self.amount(index, false)?;
        let mut end = low.end;
        let mut plus = false;
        if self.symbol(end) == '+' && self.touches_next(end - 1) {
            plus = true;
            end += 1;
        }
        let separator = if self.is_dash(end) {
            !plus
        } else {
            match self.word(end) {
                "to" => !after_from && !plus,
                "or" => !plus,
                "and" => allow_and && !plus,
                _ => false,
            }
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
    pub(crate) fn qualifier_before(&self, index: usize, money: bool) -> (usize, bool) {
        let floor = self.floor;
        if index <= floor {
            return (index, false);
        }
        let symbol = self.symbol(index - 1);
        if symbol != '\0' && self.has_symbol_approximator(symbol) {
            return (index - 1, true);
        }
        // "took over 12 engineers" is taking over a team, not "more than 12".
        if self.word(index - 1) == "over" && self.has_before(index, 2, Class::TakeVerb) {
            return (index, false);
        }
        for class in [Class::Approximator, Class::MoneyApproximator] {
            if class == Class::MoneyApproximator && !money {
                continue;
            }
            if let Some(start) = self.phrase_before(index, class) {
                if start >= floor {
                    return (start, true);
                }
            }
        }
        (index, false)
    }

    fn has_symbol_approximator(&self, symbol: char) -> bool {
        self.vocabulary
            .symbol_entry(symbol)
            .classes
            .has(Class::Approximator)
    }

    /// A qualifier starting at `index` (after "to" in "from $18M to under $3M").
    pub(crate) fn qualifier_after(&self, index: usize) -> (usize, bool) {
        let symbol = self.symbol(index);
        if symbol != '\0' && self.has_symbol_approximator(symbol) {
            return (index + 1, true);
        }
        for class in [Class::Approximator, Class::MoneyApproximator] {
            if let Some(end) = self.phrase_at(index, class) {
                return (end, true);
            }
        }
        (index, false)
    }

    pub(crate) fn starts_number(&self, index: usize) -> bool {
        self.number(index).is_some()
            || self.currency_prefix(index).is_some()
            || self.word_number(index).is_some()
    }
}
