//! Figure extraction: the scope figures a STAR story states in prose (team size, planning
//! horizon, dollar impact, teams, business units, managers, most senior stakeholder), each
//! with its **role**: the narrator's own scope, or a figure the story states about something
//! else.
//!
//! # Layers
//!
//! - [`tokens`]: a small scanner splits the text into numbers, ASCII words and single
//!   symbols; every Unicode hyphen and dash becomes `-` (hyphens) or `–` (dashes); each word
//!   carries what the vocabulary says of it.
//! - [`quantity`]: numbers as people write them: digits with separators, number words
//!   ("twenty-five", "a dozen", "a couple of"), magnitudes ("$1.2M", "3 million"), ranges
//!   ("10-15", "between 10 and 15"), qualifiers ("about", "over", "150+"), and changes ("from
//!   6 to 18").
//! - units: what a quantity counts, read from the words after and before it: [`people`] (team
//!   size, teams, managers, business units), [`time`] (spans of work), [`money`] (dollars),
//!   [`titles`] (stakeholder seniority and keyword figures such as "multi-year").
//! - [`role`]: whose figure it is. A count of people is the narrator's scope unless its
//!   context says otherwise (customers and users are never counted; "a company of 3,000
//!   employees", "affecting 500 people", "6 VP-level leaders" and "another company's
//!   engineers" are context; two engineers inside the story's team of 16 are a sub-group); a
//!   duration is the span of the work unless it measures an incident, a delay, a process, a
//!   cadence, somebody's tenure or a metric that changed, or is under a week or over ten
//!   years; money is the work's impact unless it is a valuation or assets.
//!
//! The words themselves (people nouns, team nouns, time units, titles, the cues of each role)
//! are data in `prompts/vocabulary.ron`.
//!
//! # Documented decisions
//!
//! - **Ranges read low**: "10-15 engineers" has `value` 10 and `high` 15, so a reading is
//!   conservative. "from 8 to 20" is a change, not a range: it yields two figures.
//! - **Approximations** (`~`, about, around, nearly, over, more than, "+", ...) set `approx`;
//!   the qualifier is part of the span. "under" / "less than" only qualify money ("under
//!   $3M"), because "70 engineers under five managers" is a structure.
//! - **Team size** is any count of two or more people named by a people noun ("engineers",
//!   "people", "developers", "direct reports", ...) or a team construct ("a team of 14", "a
//!   12-person team", "grew the team to 20"): the team the narrator led, was part of, hired or
//!   drew on. A single person is not a headcount. A range ("7–9 engineers") is two figures,
//!   its low end (with the range's `high`) and its high end.
//! - **Horizons** are months; a week is a quarter of a month and a day a thirtieth. Offsets
//!   ("two months later"), frequencies ("every two weeks") and calendar years ("in 2023") are
//!   not figures; "multi-year" reads as [`MULTI_YEAR_MONTHS`] and "multi-quarter" as
//!   [`MULTI_QUARTER_MONTHS`], approximate; "over H2" is 6
//!   months, but "during Q3" and "by Q4" are dates. Bare "a year" / "a quarter" count after a
//!   span preposition ("within a quarter"); "from March to September" is 6 months.
//! - **Managers**: a stated count of managers; "managers of managers" or plural "senior
//!   managers" with no number reads [`MANAGERS_OF_MANAGERS`], approximate.
//! - **Stakeholders** are ranked: Director 2; VP, GM 3; SVP, EVP 4; C-level 5; the board 6.
//! - **Dollars** are face value in the stated currency ($, €, £), never converted; another
//!   country's dollar ("R$", "C$") is not read. A rate ("a year", "/yr", "ARR") is part of
//!   the span. A magnitude with no currency ("40K orders", "48 million accounts") is nothing.
//! - Vague amounts ("a few", "several", "dozens of", "hundreds of") are not figures.

mod money;
mod people;
mod quantity;
mod role;
mod scanner;
mod time;
mod titles;
mod tokens;
mod vocabulary;

use std::ops::Range;

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

/// Whose figure it is: only the narrator's scope counts toward a story's level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The narrator's scope: the team they led or were part of, the span of their work, the
    /// money it moved.
    Scope,
    /// People the story counts who are not the narrator's scope: a company's whole staff,
    /// another company's engineers, the people an outage affected.
    Context,
    /// A duration that is not the span of the work: an outage that lasted 3 hours, a deploy
    /// that takes 2 hours, a 3-month delay, 5 years of experience.
    Incidental,
    /// A handful of people inside a larger team the same story states ("two senior
    /// engineers" in a story about a team of 16): real, but not the team's size.
    Subgroup,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Scope => "scope",
            Role::Context => "context",
            Role::Incidental => "incidental",
            Role::Subgroup => "subgroup",
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
    pub role: Role,
}

impl Figure {
    pub fn text<'a>(&self, input: &'a str) -> &'a str {
        input.get(self.span.clone()).unwrap_or("")
    }

    /// The figure is the narrator's scope (it counts toward the story's level).
    pub fn is_scope(&self) -> bool {
        self.role == Role::Scope
    }
}

/// Whether a team-size figure is a sub-group of a story whose largest scope team is
/// `story_team`: a handful of people written with their noun ("two senior engineers", not
/// the bare "4" of "grew from 4 to 20") beside a much larger team.
pub fn is_subgroup(figure: &Figure, text: &str, story_team: f64) -> bool {
    let vocabulary = vocabulary::Vocabulary::builtin();
    figure.kind == FigureKind::TeamSize
        && figure.is_scope()
        && figure.high.is_none()
        && figure.value <= vocabulary.subgroup_at_most
        && story_team >= vocabulary.subgroup_beside_team_from
        && text.chars().any(char::is_alphabetic)
}

/// The documented value of "multi-year", in months.
pub const MULTI_YEAR_MONTHS: f64 = 24.0;

/// "multi-quarter": at least two quarters, the L6 band's lower edge (the level documents
/// put multi-quarter projects at L6 and multi-year programmes at L7).
pub const MULTI_QUARTER_MONTHS: f64 = 6.0;

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
    let mut scanner = scanner::Scanner::new(text, vocabulary::Vocabulary::builtin());
    scanner.run();
    let mut figures = scanner.into_figures();
    figures.sort_by_key(|figure| (figure.span.start, figure.span.end));
    figures
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_kinds_listed_once() {
        let mut names: Vec<_> = FigureKind::ALL.iter().map(|k| k.as_str()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), FigureKind::ALL.len());
    }
}
