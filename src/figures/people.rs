//! Counts of people and of organisational units: team size ("a team of 14", "a 12-person
//! team", "150+ engineers", "grew the team from 6 to 18", "9 direct reports"), teams ("3
//! teams", "two teams of 6"), managers ("three engineering managers") and business units
//! ("five business units").

use super::quantity::{Quantity, Stated};
use super::scanner::Scanner;
use super::vocabulary::{Class, Entry, EMPTY_ENTRY};
use super::{FigureKind, Role};

/// How a growth phrase before a count reads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Growth {
    None,
    /// "grew to 55": needs a people noun after the count.
    VerbOnly,
    /// "grew the team to 20", "the org grew to 300": a team size as it stands.
    WithTeam,
}

impl Scanner<'_> {
    /// "a team of N", "an org of N", "a headcount of N", "team with N", "headcount: N",
    /// "reports: 9 direct".
    pub(crate) fn team_construct(&mut self, stated: &Stated) -> Option<usize> {
        let Stated {
            ref quantity,
            context,
            start: span_start,
            approx,
        } = *stated;
        let after = quantity.end;
        if self.symbol_before(context, 1) == ':'
            && self.word_before(context, 2) == "reports"
            && self.word(after) == "direct"
        {
            self.push(
                FigureKind::TeamSize,
                quantity.value(),
                approx,
                context - 2..after + 1,
                Role::Scope,
            );
            return Some(after + 1);
        }
        let (construct_start, noun_at) = self.team_construct_before(context)?;
        let end = self.construct_continues(after)?;
        let role = self.construct_role(construct_start, noun_at, end);
        let start = construct_start.max(self.floor).min(span_start);
        self.push(
            FigureKind::TeamSize,
            quantity.value(),
            approx,
            start..end,
            role,
        );
        Some(end)
    }

    /// The start of "a team of", "an org of", "team with", "headcount:" ending before
    /// `context`, and the index of its noun.
    fn team_construct_before(&self, context: usize) -> Option<(usize, usize)> {
        let link_at = context.checked_sub(1)?;
        let mut noun_at = context.checked_sub(2)?;
        // "a team size of 12", "team size: 12", "team size was 12", "the engineering team (25)"
        let size_of = self.word(noun_at) == "size" && noun_at > 0;
        if size_of {
            noun_at -= 1;
            if matches!(
                self.word(link_at),
                "was" | "is" | "reached" | "hit" | "grew"
            ) {
                return Some((noun_at, noun_at));
            }
        }
        if self.symbol(link_at) == '(' && self.symbol(context + 1) == ')' {
            let noun = self.compound_entry(noun_at).map(|(entry, _)| entry.classes);
            if noun.is_some_and(|noun| noun.has(Class::TeamNoun)) && noun_at >= self.floor {
                return Some((noun_at, noun_at));
            }
        }
        let noun = self
            .compound_entry(noun_at)
            .map_or_else(Default::default, |(entry, _)| entry.classes);
        let team_noun = noun.has(Class::TeamNoun)
            || noun.has(Class::CompanyNoun)
            || self.has(noun_at, Class::OwnTeamNoun);
        let construct = match (self.word(link_at), self.symbol(link_at)) {
            ("of" | "with", _) => team_noun,
            (_, ':') => team_noun,
            ("to", _) => self.has(noun_at, Class::OwnTeamNoun),
            _ => false,
        };
        if !construct || noun_at < self.floor {
            return None;
        }
        let with_determiner =
            noun_at > self.floor && self.has_before(noun_at, 1, Class::Determiner);
        let start = if with_determiner {
            noun_at - 1
        } else {
            noun_at
        };
        Some((start, noun_at))
    }

    /// After "a team of N": the end of the figure when what follows fits a team ("engineers",
    /// punctuation, "and", "reporting to me"), `None` for "a group of 3 services".
    fn construct_continues(&self, after: usize) -> Option<usize> {
        if let Some((end, _)) = self.people_noun_after(after) {
            return Some(end);
        }
        if self.symbol(after) == ')' {
            return Some(after + 1);
        }
        if self.has(after, Class::OutsideNoun) {
            return None;
        }
        if self.entry(after).months.is_some() {
            return None;
        }
        if !self.is_word(after)
            || self.has(after, Class::StopWord)
            || matches!(
                self.word(after),
                "spread" | "split" | "working" | "based" | "spanning" | "distributed"
            )
        {
            return Some(after);
        }
        None
    }

    /// "3 teams" (and "two teams of 6"), "four managers", "five business units".
    pub(crate) fn organisation(&mut self, stated: &Stated) -> Option<usize> {
        let Stated {
            ref quantity,
            context,
            start: span_start,
            approx,
        } = *stated;
        let after = quantity.end;
        if let Some(noun_end) = self.noun_after(after, 1, Class::TeamsNoun) {
            return Some(self.teams(stated, noun_end));
        }
        if let Some(noun_end) = self.noun_after(after, 2, Class::ManagerNoun) {
            if matches!(self.word_before(context, 1), "other" | "both") {
                return None;
            }
            self.push(
                FigureKind::Managers,
                quantity.value(),
                approx,
                span_start..noun_end,
                Role::Scope,
            );
            return Some(noun_end);
        }
        if let Some(noun_end) = self.business_units_after(after) {
            self.push(
                FigureKind::BusinessUnits,
                quantity.value(),
                approx,
                span_start..noun_end,
                Role::Scope,
            );
            return Some(noun_end);
        }
        None
    }

    /// A noun of `class` after at most `modifiers` modifier words: its end.
    pub(crate) fn noun_after(&self, index: usize, modifiers: usize, class: Class) -> Option<usize> {
        let mut at = index;
        for _ in 0..=modifiers {
            at = self.past_quotes(at);
            if let Some(end) = self.phrase_at(at, class) {
                return Some(end);
            }
            at = self.modifier_at(at)?;
        }
        None
    }

    /// The first token at or after `at` that is not a quotation mark ('the "Pitcrew" team').
    fn past_quotes(&self, mut at: usize) -> usize {
        while matches!(self.symbol(at), '"' | '“' | '”' | '\'' | '‘' | '’') {
            at += 1;
        }
        at
    }

    /// A word that may stand between a number and its noun ("senior", "backend").
    fn is_modifier(&self, entry: &Entry, at: usize) -> bool {
        let classes = entry.classes;
        entry.number.is_none()
            && entry.months.is_none()
            && entry.word_magnitude.is_none()
            && !classes.has(Class::StopWord)
            && !classes.has(Class::PeopleNoun)
            && !classes.has(Class::TeamNoun)
            && !classes.has(Class::ManagerNoun)
            && !classes.has(Class::OutsideNoun)
            && !classes.has(Class::ScopeVerb)
            && !classes.has(Class::OutsideVerb)
            && self.word(at) != "business"
    }

    /// The token after a modifier word at `at`, if it is one.
    fn modifier_at(&self, at: usize) -> Option<usize> {
        let (entry, end) = self.compound_entry(at)?;
        self.is_modifier(entry, at).then_some(end)
    }

    /// "engineers", "senior backend engineers", "direct reports": its end, and whether it is a
    /// team by itself (direct reports, headcount).
    pub(crate) fn people_noun_after(&self, index: usize) -> Option<(usize, bool)> {
        let mut at = index;
        for _ in 0..=2 {
            if let Some(end) = self.phrase_at(at, Class::OwnTeamNoun) {
                return Some((end, true));
            }
            if let Some(end) = self.phrase_at(at, Class::PeopleNoun) {
                // "12 engineering managers" are managers; "3 team leads" are people.
                if self.phrase_at(at, Class::ManagerNoun).is_some() {
                    return None;
                }
                // "1,520 staff hours", "40 engineer-days" measure time, not people.
                if self.entry(end).months.is_some() {
                    return None;
                }
                return Some((end, false));
            }
            // "3 more engineers", "3 other engineers": only right after the number.
            if at == index && self.has(at, Class::CountModifier) {
                at += 1;
                continue;
            }
            at = self.modifier_at(at)?;
        }
        None
    }

    /// "two teams", and "two teams of 6" (teams 2 plus team_size 12 over the whole phrase).
    fn teams(&mut self, stated: &Stated, noun_end: usize) -> usize {
        let Stated {
            ref quantity,
            start: span_start,
            approx,
            ..
        } = *stated;
        self.push(
            FigureKind::Teams,
            quantity.value(),
            approx,
            span_start..noun_end,
            Role::Scope,
        );
        if self.word(noun_end) != "of" {
            return noun_end;
        }
        let (number_at, each_approx) = self.qualifier_after(noun_end + 1);
        let Some(each) = self
            .quantity(number_at, false, false)
            .filter(|each| !each.currency && !each.year_like)
        else {
            return noun_end;
        };
        let end = self
            .people_noun_after(each.end)
            .map_or(each.end, |(end, _)| end);
        // The low ends only: "2-3 teams of 20-25" is at least 40 people, and a product of
        // two ranges' high ends is a guess no reader would count.
        let total = quantity.low * each.low;
        self.push(
            FigureKind::TeamSize,
            (total, None),
            approx || each_approx || each.plus,
            span_start..end,
            Role::Scope,
        );
        end
    }

    /// "five business units", "two BUs", "all eight of the company's business units".
    fn business_units_after(&self, after: usize) -> Option<usize> {
        let unit_noun_at = |at: usize| -> Option<usize> {
            if matches!(self.original(at), "BUs" | "BU") {
                return Some(at + 1);
            }
            self.phrase_at(at, Class::BusinessUnitNoun)
        };
        if let Some(end) = unit_noun_at(after) {
            return Some(end);
        }
        // "eight of the company's business units"
        if self.word(after) == "of" {
            return (after + 1..after + 6).find_map(unit_noun_at);
        }
        None
    }

    /// "14-person team", "12-engineer team", "40-strong org", "5,000-person company".
    pub(crate) fn compound_team(&mut self, stated: &Stated, unit_at: usize) -> Option<usize> {
        let Stated {
            ref quantity,
            context,
            start,
            approx,
        } = *stated;
        let (unit, unit_end) = self.compound_entry(unit_at)?;
        if !(unit.classes.has(Class::PeopleUnit) || unit.classes.has(Class::PeopleNoun)) {
            return None;
        }
        let (noun, noun_end) = {
            let mut at = unit_end;
            let mut found = None;
            let mut words = 0;
            while words <= 2 {
                // "a 25-member Engineering & Product team"
                if matches!(self.symbol(at), '&' | '/') {
                    at += 1;
                    continue;
                }
                let Some((entry, end)) = self.compound_entry(at) else {
                    break;
                };
                if entry.classes.has(Class::TeamNoun) || entry.classes.has(Class::CompanyNoun) {
                    found = Some((at, end));
                    break;
                }
                if !self.is_modifier(entry, at) {
                    break;
                }
                at = end;
                words += 1;
            }
            // "a 12-person effort" names no team noun: the count stands by itself.
            found.unwrap_or((unit_end, unit_end))
        };
        // "a 200K+ employee organization" counts a company's staff, whatever it is called.
        let company = self.has(noun, Class::CompanyNoun) || unit.classes.has(Class::CompanyUnit);
        let role = if company && !self.scope_verb_before(context) {
            Role::Context
        } else {
            self.people_role(context, noun_end)
        };
        self.push(
            FigureKind::TeamSize,
            quantity.value(),
            approx,
            start..noun_end,
            role,
        );
        Some(noun_end)
    }

    /// A count of people (see the module doc): the team the narrator led, was part of, hired
    /// or drew on, or people the story counts for context.
    pub(crate) fn people(&mut self, stated: &Stated) -> Option<usize> {
        let Stated {
            ref quantity,
            context,
            start: span_start,
            approx,
        } = *stated;
        let growth = self.growth_before(context);
        // "hired 3 more engineers" is a hire; "two sister orgs, about 300 more engineers" is
        // people beyond the story's scope.
        if self.word(quantity.end) == "more" && !self.scope_verb_before(context) {
            return None;
        }
        let (end, own_team) = match self.people_noun_after(quantity.end) {
            Some(found) => found,
            None => match self
                .partitive_people(quantity.end)
                .or_else(|| self.unhyphenated_team(quantity.end))
            {
                Some(end) => (end, false),
                // "grew the team from 6 to 18 in a year", not "took the program to two
                // sister orgs": a bare count ends its phrase.
                None if growth == Growth::WithTeam
                    && (!self.is_word(quantity.end) || self.has(quantity.end, Class::StopWord)) =>
                {
                    (quantity.end, true)
                }
                // "from 15 engineers to 80": the second count is of the first one's noun.
                None if self.people_from_before(context) => (quantity.end, false),
                // "I managed 6, then 14": a bare count right after leading.
                None if self.leads_bare_count(context, quantity) => (quantity.end, true),
                // "After the RIF, we were 15 — including product", "at our biggest, we
                // were 6": the narrator's team counted as "we".
                None if self.we_were_count(context, quantity) => (quantity.end, true),
                None => return None,
            },
        };
        // A single person is not a headcount ("one engineer pushed back").
        if quantity.low < 2.0 && quantity.high.is_none() && !own_team {
            return None;
        }
        let role = if growth != Growth::None {
            Role::Scope
        } else if self.has(quantity.end, Class::CompanyUnit) && !self.scope_verb_before(context) {
            // "across a 200K+ employee organization": a company's staff.
            Role::Context
        } else {
            self.people_role(context, end)
        };
        self.push(
            FigureKind::TeamSize,
            quantity.value(),
            approx,
            span_start..end,
            role,
        );
        Some(end)
    }

    /// "from 15 engineers to 80", "from 6 people to 18": a count after "to" whose "from" count
    /// named the people.
    fn people_from_before(&self, context: usize) -> bool {
        if self.word_before(context, 1) != "to" {
            return false;
        }
        let to_at = context - 1;
        // "from 15 engineers to", "from three engineers to", "from twenty-five people to".
        (3..=7).any(|back| {
            to_at >= back
                && self.word(to_at - back) == "from"
                && self.amount(to_at - back + 1, false).is_some_and(|amount| {
                    self.people_noun_after(amount.end)
                        .is_some_and(|(end, _)| end == to_at)
                })
        })
    }

    /// "two of my engineers", "three of the senior developers", "the five of us": the end of
    /// the noun.
    fn partitive_people(&self, after: usize) -> Option<usize> {
        if self.word(after) != "of" {
            return None;
        }
        if self.word(after + 1) == "us" {
            return Some(after + 2);
        }
        if !self.has(after + 1, Class::Determiner) {
            return None;
        }
        self.people_noun_after(after + 2).map(|(end, _)| end)
    }

    /// "I managed 6." / "I led 40, across three sites": a whole count right after a verb of
    /// leading, ended as [`Self::bare_whole_count`] says.
    fn leads_bare_count(&self, context: usize, quantity: &Quantity) -> bool {
        let leading = context > 0 && self.has(context - 1, Class::LeadingVerb);
        leading && self.bare_whole_count(quantity)
    }

    /// "we were 15.", "we were 6)", "we are 40, including QA": a whole count of "we".
    fn we_were_count(&self, context: usize, quantity: &Quantity) -> bool {
        let we = self.word_before(context, 2) == "we"
            && matches!(self.word_before(context, 1), "were" | "are");
        we && self.bare_whole_count(quantity)
    }

    /// A whole count of two or more that ends its phrase: punctuation, a dash, the end of
    /// the text, or "and" / "including" / "strong" after it.
    fn bare_whole_count(&self, quantity: &Quantity) -> bool {
        let ended = matches!(
            self.symbol(quantity.end),
            ',' | '.' | ';' | ')' | '–' | '—' | '-' | '!'
        ) || quantity.end >= self.tokens.len()
            || matches!(self.word(quantity.end), "and" | "including" | "strong");
        ended && quantity.low >= 2.0 && quantity.low.fract() == 0.0
    }

    /// "a 5 person team", "a 12 engineer squad": a compound written without its hyphen.
    fn unhyphenated_team(&self, after: usize) -> Option<usize> {
        let (unit, unit_end) = self.compound_entry(after)?;
        if !unit.classes.has(Class::PeopleUnit) {
            return None;
        }
        // 'a 5 person "Pitcrew" team', "a 30 person Platform Engineering team"
        self.noun_after(unit_end, 3, Class::TeamNoun)
    }

    /// "grew the team to", "the org grew to", "grew from".
    pub(crate) fn growth_before(&self, context: usize) -> Growth {
        if !matches!(self.word_before(context, 1), "to" | "from" | "into") {
            return Growth::None;
        }
        // Back from "to"/"from" over the team phrase ("our platform team") to the verb.
        let mut names_team = false;
        let mut at = context - 1;
        for _ in 0..4 {
            let Some(previous) = at.checked_sub(1) else {
                return Growth::None;
            };
            at = previous;
            if self.has(at, Class::GrowthVerb) {
                break;
            }
            if self.has(at, Class::TeamNoun) || self.has(at, Class::OwnTeamNoun) {
                names_team = true;
                continue;
            }
            let (entry, _) = self.compound_entry(at).unwrap_or((&EMPTY_ENTRY, at));
            if !(self.has(at, Class::Determiner) || self.is_modifier(entry, at)) {
                return Growth::None;
            }
        }
        if !self.has(at, Class::GrowthVerb) {
            return Growth::None;
        }
        // "the org grew to 300", "we grew from 6 to 18", "headcount went from 10 to 25"
        let subject = at.checked_sub(1);
        let team_subject = subject.is_some_and(|s| {
            self.has(s, Class::TeamNoun)
                || self.has(s, Class::OwnTeamNoun)
                || matches!(self.word(s), "we" | "i")
        });
        if names_team || team_subject {
            Growth::WithTeam
        } else {
            Growth::VerbOnly
        }
    }
}
