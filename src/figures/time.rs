//! Spans of time: "nine months", "two full quarters", "a 6-month migration", "within a
//! quarter", "a year and a half", "multi-year", "over H2". Offsets ("two months later") and
//! frequencies ("every two weeks") are not figures; incidents, delays, tenure and anything
//! shorter than a day are incidental (see [`super::role`]).

use super::quantity::Stated;
use super::scanner::Scanner;
use super::vocabulary::Class;
use super::{FigureKind, Role, MULTI_QUARTER_MONTHS, MULTI_YEAR_MONTHS};

impl Scanner<'_> {
    /// Months per unit of the time word at `index`.
    fn time_unit(&self, index: usize) -> Option<f64> {
        self.entry(index).months
    }

    /// "nine months", "two full quarters", "3 hours", but not "two months later".
    pub(crate) fn horizon_after(&mut self, stated: &Stated) -> Option<usize> {
        let Stated {
            ref quantity,
            context,
            start: span_start,
            approx,
        } = *stated;
        let mut after = quantity.end;
        // "two and a half years"
        let mut half = 0.0;
        if self.word(after) == "and"
            && self.word(after + 1) == "a"
            && self.word(after + 2) == "half"
        {
            after += 3;
            half = 0.5;
        }
        let mut unit_at = after;
        while unit_at < after + 2 && self.time_unit(unit_at).is_none() {
            if !self.has(unit_at, Class::TimeModifier) {
                return None;
            }
            unit_at += 1;
        }
        let per_unit = self.time_unit(unit_at)?;
        if quantity.low <= 0.0 || self.fraction_of(unit_at) {
            return None;
        }
        let mut end = unit_at + 1;
        // "a year and a half", "two and a half years" read here as "N.5 units".
        let mut value = if half > 0.0 {
            ((quantity.low + half) * per_unit, None)
        } else {
            quantity.scaled(per_unit)
        };
        if self.word(end) == "and"
            && matches!(self.word(end + 1), "a" | "one")
            && self.word(end + 2) == "half"
        {
            value = ((quantity.low + 0.5) * per_unit, None);
            end += 3;
        }
        let mut role = self.duration_role(context, end, value.0)?;
        if self.changing_metric(context, end) || self.metric_moved_before(context) {
            role = Role::Incidental;
        }
        self.push(
            FigureKind::HorizonMonths,
            value,
            approx,
            span_start..end,
            role,
        );
        Some(end)
    }

    /// "from 382 days to 62 days", "cut from 6 weeks to 2 weeks": a duration that changed is a
    /// metric the work improved, not the span of the work.
    fn changing_metric(&self, context: usize, end: usize) -> bool {
        let before = self.word_before(context, 1);
        if before == "from" && self.word(end) == "to" {
            return true;
        }
        before == "to" && (2..8).any(|back| self.word_before(context, back) == "from")
    }

    /// "one quarter of the people", "a quarter of the budget": a fraction, not a time.
    fn fraction_of(&self, unit_at: usize) -> bool {
        matches!(self.word(unit_at), "quarter" | "quarters") && self.word(unit_at + 1) == "of"
    }

    /// "costs surged from $12K to $38K in four months", "users grew 3x in nine months": a
    /// metric (the subject, just before a verb of change earlier in the sentence) moved in
    /// that time.
    fn metric_moved_before(&self, context: usize) -> bool {
        let mut at = context;
        for _ in 0..12 {
            if at == 0 || matches!(self.symbol(at - 1), '.' | ';' | '!' | '?' | ':') {
                return false;
            }
            at -= 1;
            if self.has(at, Class::MetricChangeVerb) {
                // "costs surged", "costs had grown", "the bill has risen"
                return (1..=3).any(|back| at >= back && self.has(at - back, Class::MetricNoun));
            }
        }
        false
    }

    /// "a 6-month migration", "three-year", "a two-day outage", "a 12-week-long push".
    pub(crate) fn compound_duration(&mut self, stated: &Stated, unit_at: usize) -> Option<usize> {
        let Stated {
            ref quantity,
            start,
            approx,
            ..
        } = *stated;
        let per_unit = self.time_unit(unit_at)?;
        let mut end = unit_at + 1;
        if self.joining_hyphen(end) && self.word(end + 1) == "long" {
            end += 2;
        }
        let months = quantity.low * per_unit;
        let incidental_noun = self
            .compound_entry(end)
            .is_some_and(|(entry, _)| entry.classes.has(Class::IncidentNoun));
        // "each two-week sprint", "per 2-week sprint": a cadence. A compound is never an
        // offset ("a 2-week-late launch" is rare), so an offset reads as incidental here.
        // "a 5-year-old architecture" is an age.
        let age = self.joining_hyphen(end) && self.has(end + 1, Class::Offset);
        let role = match self.duration_role(start, end, months) {
            _ if incidental_noun || age => Role::Incidental,
            Some(role) => role,
            None => Role::Incidental,
        };
        self.push(
            FigureKind::HorizonMonths,
            quantity.scaled(per_unit),
            approx,
            start..end,
            role,
        );
        Some(end)
    }

    /// "multi-year", "a year-long", "within a quarter", "half a year", "a year and a half".
    pub(crate) fn keyword_duration(&mut self, index: usize) -> Option<usize> {
        if let Some(end) = self.phrase_at(index, Class::MultiYear) {
            self.push(
                FigureKind::HorizonMonths,
                (MULTI_YEAR_MONTHS, None),
                true,
                index..end,
                Role::Scope,
            );
            return Some(end);
        }
        if let Some(end) = self.phrase_at(index, Class::MultiQuarter) {
            self.push(
                FigureKind::HorizonMonths,
                (MULTI_QUARTER_MONTHS, None),
                true,
                index..end,
                Role::Scope,
            );
            return Some(end);
        }
        // "half a year"
        if self.word(index) == "half" && matches!(self.word(index + 1), "a" | "an") {
            let months = self.time_unit(index + 2)?;
            let role = self.duration_role(index, index + 3, months / 2.0)?;
            self.push(
                FigureKind::HorizonMonths,
                (months / 2.0, None),
                false,
                index..index + 3,
                role,
            );
            return Some(index + 3);
        }
        let months = self.time_unit(index)?;
        if self.fraction_of(index) {
            return None;
        }
        // "a whole year", "the past year", "the next quarter", "the next fiscal year"
        let modifier = usize::from(
            self.has_before(index, 1, Class::TimeModifier)
                && self.has_before(index, 2, Class::OneUnitSpan),
        );
        if self.has_before(index, 1 + modifier, Class::OneUnitSpan)
            && matches!(self.word_before(index, 2 + modifier), "a" | "an" | "the")
            && index >= self.floor + 2 + modifier
        {
            let start = index - 2 - modifier;
            let role = self.duration_role(start, index + 1, months)?;
            self.push(
                FigureKind::HorizonMonths,
                (months, None),
                false,
                start..index + 1,
                role,
            );
            return Some(index + 1);
        }
        // "a challenging year-long project", "quarter-long integration": "-long" makes one
        // unit a span with or without its article.
        if self.joining_hyphen(index + 1) && self.word(index + 2) == "long" {
            let start = if matches!(self.word_before(index, 1), "a" | "an") && index > self.floor {
                index - 1
            } else {
                index
            };
            let end = index + 3;
            // "a month-long freeze" measures an incident.
            let incident = self
                .compound_entry(end)
                .is_some_and(|(entry, _)| entry.classes.has(Class::IncidentNoun));
            let role = match self.duration_role(start, end, months) {
                Some(role) if !incident => role,
                _ => Role::Incidental,
            };
            self.push(
                FigureKind::HorizonMonths,
                (months, None),
                false,
                start..end,
                role,
            );
            return Some(end);
        }
        let article = matches!(self.word_before(index, 1), "a" | "an") && index > self.floor;
        if !article {
            return None;
        }
        let start = index - 1;
        let mut end = index + 1;
        let mut value = months;
        if self.word(end) == "and" && self.word(end + 1) == "a" && self.word(end + 2) == "half" {
            value *= 1.5;
            end += 3;
        }
        // A bare "a year" is a span only after "within", "in", "over", "for", ...
        let spanning = start > 0 && self.has(start - 1, Class::SpanPreposition);
        if !spanning && value == months {
            return None;
        }
        let role = self.duration_role(start, end, value)?;
        self.push(
            FigureKind::HorizonMonths,
            (value, None),
            false,
            start..end,
            role,
        );
        Some(end)
    }

    /// "from March to September" (6 months), "between January and June 2023", "from May 2022
    /// to March 2024": the months between the two, counted as a span.
    pub(crate) fn month_range(&mut self, index: usize) -> Option<usize> {
        let first = self.entry(index).month?;
        let opener = self.word_before(index, 1);
        if !matches!(opener, "from" | "between") || index <= self.floor {
            return None;
        }
        let (first_year, mut at) = self.year_after(index + 1);
        let link_ok = match self.word(at) {
            "to" | "until" | "till" | "through" | "thru" => opener == "from",
            "and" => opener == "between",
            _ => self.is_dash(at),
        };
        if !link_ok {
            return None;
        }
        at += 1;
        let second = self.entry(at).month?;
        let (second_year, end) = self.year_after(at + 1);
        let mut months = second - first;
        if let (Some(a), Some(b)) = (first_year, second_year) {
            months += (b - a) * 12.0;
        } else if months <= 0.0 {
            months += 12.0;
        }
        if months <= 0.0 {
            return None;
        }
        self.push(
            FigureKind::HorizonMonths,
            (months, None),
            false,
            index - 1..end,
            Role::Scope,
        );
        Some(end)
    }

    /// A calendar year right after a month ("May 2022"): the year and the token after it.
    fn year_after(&self, index: usize) -> (Option<f64>, usize) {
        let at = if self.symbol(index) == ',' {
            index + 1
        } else {
            index
        };
        match self.number(at) {
            Some(year) if (1900.0..=2100.0).contains(&year) && self.original(at).len() == 4 => {
                (Some(year), at + 1)
            }
            _ => (None, index),
        }
    }

    /// "over H2" (6 months), "during Q3" (3 months); a bare "Q4" or "by Q4" is a date.
    pub(crate) fn half_or_quarter(&mut self, index: usize) -> Option<usize> {
        let number = self.number(index + 1)?;
        if !self.touches_next(index) || !matches!(self.original(index), "H" | "Q") {
            return None;
        }
        let months = match (self.original(index), number) {
            ("H", 1.0 | 2.0) => 6.0,
            ("Q", 1.0 | 2.0 | 3.0 | 4.0) => 3.0,
            _ => return None,
        };
        // "during Q4" names when, not how long.
        let spanning = matches!(self.word_before(index, 1), "over" | "throughout" | "across");
        if !spanning || index <= self.floor {
            return None;
        }
        self.push(
            FigureKind::HorizonMonths,
            (months, None),
            false,
            index - 1..index + 2,
            Role::Scope,
        );
        Some(index + 2)
    }
}
