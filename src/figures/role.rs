//! Whose figure it is. The narrator's scope is the default: most counts of people in a STAR
//! story are the team the narrator led, joined or hired, and most durations are the span of
//! the work. The cues in `prompts/vocabulary.ron` mark the exceptions: people the story
//! counts as an audience, a market or another company's staff, and durations that measure an
//! incident, a delay or somebody's tenure.

use super::scanner::Scanner;
use super::vocabulary::Class;
use super::Role;

/// How far back a verb may govern a count ("led a total of 40 engineers").
const VERB_REACH: usize = 4;

impl Scanner<'_> {
    /// The role of a count of people whose phrase runs from `context` to `end`.
    pub(crate) fn people_role(&self, context: usize, end: usize) -> Role {
        if self.company_had_before(context) || self.titled_people(context, end) {
            return Role::Context;
        }
        if self.scope_verb_before(context) {
            return Role::Scope;
        }
        if self.outside_verb_before(context)
            || self.outside_after(end)
            || self.outside_owner_before(context)
        {
            return Role::Context;
        }
        Role::Scope
    }

    /// "6 VP-level engineering leaders", "12 executives": people named by their rank are the
    /// stakeholders in the room, not a team.
    fn titled_people(&self, context: usize, end: usize) -> bool {
        (context..end).any(|at| {
            self.vocabulary.title_acronym(self.original(at)).is_some()
                || self.phrase_at(at, Class::RankWord).is_some()
        })
    }

    /// "the company had 200 employees", "a startup with 40 people", "our firm employs 90",
    /// "a mid-stage SaaS company (150 people)".
    fn company_had_before(&self, context: usize) -> bool {
        if context >= 2
            && self.symbol(context - 1) == '('
            && self.has(context - 2, Class::CompanyNoun)
        {
            return true;
        }
        let mut at = context;
        for _ in 0..3 {
            if at == 0 {
                return false;
            }
            at -= 1;
            if self.has(at, Class::Approximator) || self.symbol(at) == '~' {
                continue;
            }
            if matches!(
                self.word(at),
                "had" | "has" | "with" | "employs" | "employed" | "of"
            ) {
                return at > 0 && self.has(at - 1, Class::CompanyNoun);
            }
            return false;
        }
        false
    }

    /// The role of "a team of N" / "a company of N" whose construct starts at
    /// `construct_start` with its noun at `noun_at`.
    pub(crate) fn construct_role(
        &self,
        construct_start: usize,
        noun_at: usize,
        end: usize,
    ) -> Role {
        let noun = self
            .compound_entry(noun_at)
            .map_or_else(Default::default, |(entry, _)| entry.classes);
        let company = noun.has(Class::CompanyNoun) && !noun.has(Class::TeamNoun);
        if company && !self.scope_verb_before(construct_start) {
            return Role::Context;
        }
        if company || self.scope_verb_before(construct_start) {
            return Role::Scope;
        }
        if self.outside_verb_before(construct_start)
            || self.outside_after(end)
            || self.outside_owner_before(construct_start)
        {
            return Role::Context;
        }
        Role::Scope
    }

    /// A verb of leading, hiring or running within reach before `context`.
    pub(crate) fn scope_verb_before(&self, context: usize) -> bool {
        self.verb_before(context, Class::ScopeVerb)
    }

    fn outside_verb_before(&self, context: usize) -> bool {
        self.verb_before(context, Class::OutsideVerb)
    }

    /// A word of `class` before `context`, skipping fillers, determiners and qualifiers.
    fn verb_before(&self, context: usize, class: Class) -> bool {
        let mut at = context;
        let mut skipped = 0;
        while at > 0 && skipped <= VERB_REACH {
            at -= 1;
            if self.has(at, class) {
                return true;
            }
            // "took over 12 engineers"
            if class == Class::ScopeVerb
                && self.word(at) == "over"
                && self.has_before(at, 1, Class::TakeVerb)
            {
                return true;
            }
            if class == Class::ScopeVerb
                && self.word(at) == "for"
                && self.word_before(at, 1) == "responsible"
            {
                return true;
            }
            let skippable = self.has(at, Class::Filler)
                || self.has(at, Class::Determiner)
                || self.has(at, Class::Approximator)
                || self.symbol(at) == '~';
            if !skippable {
                return false;
            }
            skipped += 1;
        }
        false
    }

    /// After a count of people: "attended", "company-wide", "who use the platform".
    fn outside_after(&self, end: usize) -> bool {
        let mut at = end;
        if matches!(self.word(at), "who" | "that" | "which") {
            at += 1;
            if matches!(
                self.word(at),
                "had" | "have" | "were" | "are" | "was" | "all"
            ) {
                at += 1;
            }
        }
        self.phrase_at(at, Class::OutsideAfter).is_some()
    }

    /// "the vendor's 30 engineers", "the company's 400 people", "a customer's staff of 12".
    fn outside_owner_before(&self, context: usize) -> bool {
        // `'s` is three tokens back: noun, apostrophe, s.
        let possessive_s = self.word_before(context, 1) == "s"
            && matches!(self.symbol_before(context, 2), '\'' | '’');
        if !possessive_s {
            return false;
        }
        let Some(owner) = context.checked_sub(3) else {
            return false;
        };
        self.has(owner, Class::CompanyNoun) || self.has(owner, Class::OutsideNoun)
    }

    /// The role of a duration of `months` whose unit ends at `unit_end` and whose phrase
    /// starts at `context`, or `None` when it is not a duration at all (an offset or a
    /// frequency).
    pub(crate) fn duration_role(
        &self,
        context: usize,
        unit_end: usize,
        months: f64,
    ) -> Option<Role> {
        // "five years' worth of debt": past a possessive apostrophe.
        let unit_end = if matches!(self.symbol(unit_end), '\'' | '’') && self.is_word(unit_end + 1)
        {
            unit_end + 1
        } else {
            unit_end
        };
        if self.phrase_at(unit_end, Class::Offset).is_some() {
            return None;
        }
        let frequency = context > 0 && self.has(context - 1, Class::Frequency);
        if frequency {
            return None;
        }
        if self.too_short_or_long(months)
            || self.phrase_at(unit_end, Class::Tenure).is_some()
            || self.not_span_before(context)
            || self.incident_around(context, unit_end)
        {
            return Some(Role::Incidental);
        }
        Some(Role::Scope)
    }

    /// Shorter than a span takes, or longer than any one piece of work.
    pub(crate) fn too_short_or_long(&self, months: f64) -> bool {
        let day = 1.0 / 30.0;
        months < self.vocabulary.shortest_span_days * day * 0.99
            || months > self.vocabulary.longest_span_months
    }

    /// "behind by 3 months", "shorter than 3 weeks", "been with the company for 7 years".
    fn not_span_before(&self, context: usize) -> bool {
        let mut at = context;
        // Skip a qualifier ("for over seven years").
        while at > 0 && (self.has(at - 1, Class::Approximator) || self.symbol(at - 1) == '~') {
            at -= 1;
        }
        self.phrase_before(at, Class::NotSpanBefore).is_some()
    }

    /// "an outage that lasted 3 days", "3 days of downtime", "a delay of two weeks", "6 weeks
    /// accumulated delay".
    fn incident_around(&self, context: usize, unit_end: usize) -> bool {
        // "3 days of downtime", "8 weeks of paternity leave" (one modifier between).
        if self.word(unit_end) == "of"
            && (self.phrase_at(unit_end + 1, Class::IncidentNoun).is_some()
                || (self.is_word(unit_end + 1)
                    && !self.has(unit_end + 1, Class::StopWord)
                    && self.phrase_at(unit_end + 2, Class::IncidentNoun).is_some()))
        {
            return true;
        }
        // "6 weeks accumulated delay": an incident noun right after, past one modifier.
        for at in [unit_end, unit_end + 1] {
            if self.phrase_at(at, Class::IncidentNoun).is_some() {
                return true;
            }
            if !self.is_word(at) || self.has(at, Class::StopWord) {
                break;
            }
        }
        let mut at = context;
        let mut skipped = 0;
        while at > 0 && skipped <= 4 {
            at -= 1;
            if self.has(at, Class::IncidentNoun) {
                return true;
            }
            let linking = self.has(at, Class::IncidentLink)
                || self.has(at, Class::Determiner)
                || self.has(at, Class::Approximator);
            if !linking {
                return false;
            }
            skipped += 1;
        }
        false
    }
}
