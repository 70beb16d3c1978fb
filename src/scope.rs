//! A story's scope: every figure its prose states, located in the file and read against
//! the rubric, and the level the story as a whole reads at.
//!
//! # How a story's reading is combined (`reads_at`)
//!
//! 1. Each figure reads at a level on its dimension's bands (`prompts/levels.ron`). Only
//!    figures in the narrator's scope count ([`crate::figures::Role::Scope`]); the others are
//!    shown, never read.
//! 2. Each dimension the story states reads at the level of its **largest** figure: a story
//!    that mentions an eight-week pause inside a two-year programme is a two-year story.
//! 3. The rubric's voting dimensions (team size, horizon, dollars) vote and the story reads
//!    at the median vote; with two votes the tie goes to the higher reading, which is how
//!    careful readers read the published stories in `tests/corpus/` (an 800-engineer org
//!    over 18 months is L7). Teams, business units and managers vote only when the story
//!    states none of the three. All of this is data in the rubric's `reading`.
//! 4. A story that states no scope figure reads at nothing (`null` in JSON).
//!
//! Stakeholder seniority (Director, VP, CTO, board) is located and read too, but it does
//! not vote: naming a senior person is a signal of the room you were in, not of the size
//! of what you ran. The L7 org-leadership rule uses it instead.

use std::ops::Range;

use crate::figures::{self, Figure, FigureKind};
use crate::prompts::{Aggregation, Dimension, Reading, Rubric, Tie};
use crate::story::{Section, Story};

/// The three dimensions every level claim rests on (docs/json.md); the per-dimension scope
/// rules and "no scope figure" look at these.
pub const CORE_KINDS: [FigureKind; 3] = [
    FigureKind::TeamSize,
    FigureKind::HorizonMonths,
    FigureKind::Dollars,
];

/// A figure found in a story, with where it is and how it reads.
#[derive(Debug, Clone, PartialEq)]
pub struct LocatedFigure {
    pub figure: Figure,
    pub section: Section,
    /// The phrase as written in the section (decoded text).
    pub text: String,
    /// Byte range of the phrase in the section's decoded text.
    pub decoded: Range<usize>,
    /// Byte range of the phrase in the file (its line and column are computed when printed).
    pub span: Range<usize>,
    pub reads_at: Reading,
}

impl LocatedFigure {
    pub fn kind(&self) -> FigureKind {
        self.figure.kind
    }

    /// The figure is the narrator's scope and counts toward the story's reading.
    pub fn is_scope(&self) -> bool {
        self.figure.is_scope()
    }
}

/// How one dimension of a story reads: by its largest figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DimensionReading {
    pub kind: FigureKind,
    pub reading: Reading,
    /// Index into [`Scope::figures`] of the figure that sets the reading.
    pub figure: usize,
}

/// Everything the scope rules need about one story.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scope {
    /// In section order, then by position.
    pub figures: Vec<LocatedFigure>,
    /// One per stated dimension, in [`FigureKind::ALL`] order.
    pub dimensions: Vec<DimensionReading>,
    pub reads_at: Option<Reading>,
    /// The dimensions that voted, in [`FigureKind::ALL`] order.
    pub voters: Vec<FigureKind>,
}

impl Scope {
    pub fn dimension(&self, kind: FigureKind) -> Option<&DimensionReading> {
        self.dimensions.iter().find(|d| d.kind == kind)
    }

    /// The figure that sets a dimension's reading.
    pub fn deciding_figure(&self, kind: FigureKind) -> Option<&LocatedFigure> {
        self.dimension(kind).map(|d| &self.figures[d.figure])
    }

    pub fn has_core_figure(&self) -> bool {
        CORE_KINDS
            .iter()
            .any(|kind| self.dimension(*kind).is_some())
    }
}

/// Extracts, locates and reads every figure of a story.
pub fn analyse(story: &Story, rubric: &Rubric) -> Scope {
    let mut figures = Vec::new();
    // Figures that start a change ("grew from three engineers to 15"): never a sub-group.
    let mut change_starts = Vec::new();
    for (section, text) in story.sections() {
        for figure in figures::extract(text) {
            let Some(dimension) = rubric.dimension(figure.kind) else {
                continue;
            };
            let decoded = figure.span.clone();
            change_starts.push(starts_a_change(&text[..decoded.start]));
            figures.push(LocatedFigure {
                reads_at: dimension.read(figure.value),
                text: text[decoded.clone()].to_string(),
                span: story.locate(section, decoded.clone()),
                section,
                decoded,
                figure,
            });
        }
    }
    mark_subgroups(&mut figures, &change_starts);
    let dimensions = read_dimensions(&figures);
    let voters = voters(&dimensions, &rubric.reading);
    let reads_at = combine(
        dimensions
            .iter()
            .filter(|d| voters.contains(&d.kind))
            .map(|d| d.reading),
        rubric.reading.ties,
    );
    Scope {
        figures,
        dimensions,
        reads_at,
        voters,
    }
}

/// "… grew the team from": the figure after this text is where a change starts.
fn starts_a_change(before: &str) -> bool {
    let before = before.trim_end();
    before.len() >= 4
        && before.is_char_boundary(before.len() - 4)
        && before[before.len() - 4..].eq_ignore_ascii_case("from")
        && !before[..before.len() - 4]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
}

/// A handful of people beside the story's much larger team is a sub-group, not its size;
/// where a change starts ("from three engineers to 15") is the team's earlier size.
fn mark_subgroups(figures: &mut [LocatedFigure], change_starts: &[bool]) {
    let story_team = figures
        .iter()
        .filter(|f| f.kind() == FigureKind::TeamSize && f.is_scope())
        .map(|f| f.figure.value)
        .fold(0.0, f64::max);
    for (located, &change_start) in figures.iter_mut().zip(change_starts) {
        if !change_start && figures::is_subgroup(&located.figure, &located.text, story_team) {
            located.figure.role = figures::Role::Subgroup;
        }
    }
}

/// The dimensions that vote: the voting ones the story states, else its fallback ones.
fn voters(dimensions: &[DimensionReading], aggregation: &Aggregation) -> Vec<FigureKind> {
    let stated = |kinds: &[FigureKind]| -> Vec<FigureKind> {
        dimensions
            .iter()
            .map(|d| d.kind)
            .filter(|kind| kinds.contains(kind))
            .collect()
    };
    let voting = stated(&aggregation.voting);
    if voting.is_empty() {
        stated(&aggregation.fallback)
    } else {
        voting
    }
}

fn read_dimensions(figures: &[LocatedFigure]) -> Vec<DimensionReading> {
    FigureKind::ALL
        .iter()
        .filter_map(|kind| {
            // The largest figure decides; on equal values the first stated one is shown.
            let (index, figure) = figures
                .iter()
                .enumerate()
                .filter(|(_, f)| f.figure.kind == *kind && f.figure.is_scope())
                .reduce(|best, next| {
                    if next.1.figure.value > best.1.figure.value {
                        next
                    } else {
                        best
                    }
                })?;
            Some(DimensionReading {
                kind: *kind,
                reading: figure.reads_at,
                figure: index,
            })
        })
        .collect()
}

/// The median of `readings`; of two middle readings, the one `ties` picks.
pub fn combine(readings: impl IntoIterator<Item = Reading>, ties: Tie) -> Option<Reading> {
    let mut readings: Vec<Reading> = readings.into_iter().collect();
    if readings.is_empty() {
        return None;
    }
    readings.sort();
    let middle = readings.len() / 2;
    Some(if readings.len() % 2 == 1 {
        readings[middle]
    } else {
        match ties {
            Tie::Higher => readings[middle],
            Tie::Lower => readings[middle - 1],
        }
    })
}

/// A figure's value as a reader says it: "14 people", "9 months", "$3M", "VP".
pub fn describe_value(kind: FigureKind, value: f64) -> String {
    match kind {
        FigureKind::TeamSize => plural(value, "person", "people"),
        FigureKind::HorizonMonths if value < 1.0 => plural((value * 4.0).round(), "week", "weeks"),
        FigureKind::HorizonMonths => plural(value, "month", "months"),
        FigureKind::Dollars => dollars(value),
        FigureKind::Teams => plural(value, "team", "teams"),
        FigureKind::BusinessUnits => plural(value, "business unit", "business units"),
        FigureKind::Managers => plural(value, "manager", "managers"),
        FigureKind::Stakeholder => stakeholder_title(value).to_string(),
    }
}

/// A dimension's name in a sentence: "team size", "horizon", "dollar impact".
pub fn dimension_noun(kind: FigureKind) -> &'static str {
    match kind {
        FigureKind::TeamSize => "team size",
        FigureKind::HorizonMonths => "horizon",
        FigureKind::Dollars => "dollar impact",
        FigureKind::Teams => "teams",
        FigureKind::BusinessUnits => "business units",
        FigureKind::Managers => "managers",
        FigureKind::Stakeholder => "stakeholder",
    }
}

/// The stakeholder rank the extractor reports, as a title.
pub fn stakeholder_title(rank: f64) -> &'static str {
    match rank as i64 {
        i64::MIN..=1 => "a peer",
        2 => "a Director",
        3 => "a VP",
        4 => "an SVP",
        5 => "a C-level executive",
        _ => "the board",
    }
}

/// A band as a short range: "under 10 people", "10-49 people", "50+ people".
pub fn band_text(dimension: &Dimension, reading: Reading) -> String {
    let kind = dimension.kind;
    let (l6, l7) = (dimension.l6_from, dimension.l7_from);
    if kind == FigureKind::Stakeholder {
        return match reading {
            Reading::BelowL6 => "below a Director".into(),
            Reading::L6 => "a Director".into(),
            Reading::L7 => "a VP or above".into(),
        };
    }
    match reading {
        Reading::BelowL6 => format!("under {}", describe_value(kind, l6)),
        Reading::L7 if kind == FigureKind::Dollars => format!("{}+", dollars(l7)),
        Reading::L7 => {
            let units = describe_value(kind, 2.0);
            format!("{}+ {}", number(l7), units.trim_start_matches("2 "))
        }
        Reading::L6 if kind == FigureKind::Dollars => format!("{}-{}", dollars(l6), dollars(l7)),
        Reading::L6 => {
            // "10-49 people": the L6 band ends one below where L7 starts.
            let top = (l7 - 1.0).max(l6);
            if top == l6 {
                describe_value(kind, l6)
            } else {
                format!("{}-{}", number(l6), describe_value(kind, top))
            }
        }
    }
}

fn plural(value: f64, one: &str, many: &str) -> String {
    if value == 1.0 {
        format!("1 {one}")
    } else {
        format!("{} {many}", number(value))
    }
}

fn number(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    }
}

fn dollars(value: f64) -> String {
    let (scaled, suffix) = if value >= 1e9 {
        (value / 1e9, "B")
    } else if value >= 1e6 {
        (value / 1e6, "M")
    } else if value >= 1e3 {
        (value / 1e3, "K")
    } else {
        (value, "")
    };
    let digits = if (scaled * 10.0).round() % 10.0 == 0.0 {
        format!("{scaled:.0}")
    } else {
        format!("{scaled:.1}")
    };
    format!("${digits}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use Reading::*;

    #[test]
    fn combine_is_the_median_with_ties_as_told() {
        assert_eq!(combine([], Tie::Higher), None);
        assert_eq!(combine([L7], Tie::Higher), Some(L7));
        assert_eq!(combine([L6, L7], Tie::Higher), Some(L7));
        assert_eq!(combine([L6, L7], Tie::Lower), Some(L6));
        assert_eq!(combine([L7, L7, L6], Tie::Lower), Some(L7));
        assert_eq!(combine([BelowL6, L6, L7], Tie::Higher), Some(L6));
        assert_eq!(combine([BelowL6, L7], Tie::Higher), Some(L7));
        assert_eq!(combine([BelowL6, L7], Tie::Lower), Some(BelowL6));
        assert_eq!(combine([L7, L7, L6, L6], Tie::Lower), Some(L6));
        assert_eq!(combine([L7, BelowL6, L6, L6], Tie::Higher), Some(L6));
    }

    #[test]
    fn bands_and_values_read_as_prose() {
        let rubric = crate::prompts::Prompts::builtin().rubric;
        let team = rubric.dimension(FigureKind::TeamSize).unwrap();
        assert_eq!(band_text(team, BelowL6), "under 10 people");
        assert_eq!(band_text(team, L6), "10-49 people");
        assert_eq!(band_text(team, L7), "50+ people");
        let dollars = rubric.dimension(FigureKind::Dollars).unwrap();
        assert_eq!(band_text(dollars, L6), "$1M-$10M");
        assert_eq!(band_text(dollars, L7), "$10M+");
        let units = rubric.dimension(FigureKind::BusinessUnits).unwrap();
        assert_eq!(band_text(units, L6), "1 business unit");
        assert_eq!(describe_value(FigureKind::Dollars, 450_000.0), "$450K");
        assert_eq!(
            describe_value(FigureKind::Dollars, 1_200_000_000.0),
            "$1.2B"
        );
        assert_eq!(describe_value(FigureKind::HorizonMonths, 0.75), "3 weeks");
        assert_eq!(describe_value(FigureKind::HorizonMonths, 1.0), "1 month");
        assert_eq!(describe_value(FigureKind::Stakeholder, 3.0), "a VP");
    }
}
