//! The one-page loop sheet: per round, the story to tell with its headline, short version
//! and scope figures, the backup, and the questions it covers. Built from a [`Plan`] and
//! the bank's stories; `src/report/sheet.rs` prints it as Markdown or HTML.

use crate::figures::FigureKind;
use crate::plan::{Pick, Plan};
use crate::prompts::{Reading, Rubric};
use crate::scope::{analyse, describe_value, dimension_noun};
use crate::story::{Level, Story};

#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub level: Level,
    /// Rounds that hear stories, in loop order.
    pub rounds: Vec<SheetRound>,
    /// The loop's other rounds (coding, design), as "Architecture 90 min".
    pub other_rounds: Vec<String>,
    /// One line per kind of thin spot, for the foot of the page.
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SheetRound {
    pub name: String,
    pub minutes: u32,
    pub focus: String,
    pub looks_for: String,
    pub entries: Vec<SheetEntry>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SheetEntry {
    pub question_id: String,
    pub question: String,
    pub tell: Option<StoryCard>,
    pub backup: Option<StoryRef>,
    /// The round's other likely questions the told story answers.
    pub also_covers: Vec<String>,
}

/// The story to tell, as much as fits on a line or three.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryCard {
    pub id: String,
    pub headline: String,
    /// The 30-45 second telling, when the story has one.
    pub short: Option<String>,
    /// Each stated scope dimension's deciding figure, as written, with its reading.
    pub figures: Vec<Figure>,
    pub reads_at: Option<Reading>,
    pub strength: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// "team size", "horizon", ...
    pub dimension: &'static str,
    /// The value as a reader says it: "85 people", "18 months", "$25M".
    pub value: String,
    pub reads_at: Reading,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StoryRef {
    pub id: String,
    pub headline: String,
    pub strength: f32,
}

/// The sheet of `plan`; `story` finds a story of the bank by id.
pub fn sheet<'a>(
    plan: &Plan,
    story: &dyn Fn(&str) -> Option<&'a Story>,
    rubric: &Rubric,
    warnings: Vec<String>,
) -> Sheet {
    let card = |pick: &Pick| -> StoryCard {
        let found = story(&pick.story_id);
        let scope = found.map(|s| analyse(s, rubric)).unwrap_or_default();
        let figures = scope
            .dimensions
            .iter()
            // Stakeholder seniority is a signal of the room, not a figure of scope.
            .filter(|d| d.kind != FigureKind::Stakeholder)
            .map(|d| Figure {
                dimension: dimension_noun(d.kind),
                value: describe_value(d.kind, scope.figures[d.figure].figure.value),
                reads_at: d.reading,
            })
            .collect();
        StoryCard {
            id: pick.story_id.clone(),
            headline: found.map_or_else(|| pick.story_id.clone(), |s| s.title.clone()),
            short: found
                .and_then(|s| s.short.clone())
                .filter(|text| !text.trim().is_empty()),
            figures,
            reads_at: scope.reads_at,
            strength: pick.strength,
        }
    };
    let reference = |pick: &Pick| StoryRef {
        id: pick.story_id.clone(),
        headline: story(&pick.story_id).map_or_else(|| pick.story_id.clone(), |s| s.title.clone()),
        strength: pick.strength,
    };
    Sheet {
        level: plan.level,
        rounds: plan
            .rounds
            .iter()
            .filter(|round| round.stories > 0)
            .map(|round| SheetRound {
                name: round.name.clone(),
                minutes: round.minutes,
                focus: round.focus.clone(),
                looks_for: round.looks_for.clone(),
                entries: round
                    .slots
                    .iter()
                    .map(|slot| SheetEntry {
                        question_id: slot.question.id.clone(),
                        question: slot.question.text.clone(),
                        tell: slot.tell.as_ref().map(card),
                        backup: slot.backup.as_ref().map(reference),
                        also_covers: slot.covers.iter().skip(1).cloned().collect(),
                    })
                    .collect(),
            })
            .collect(),
        other_rounds: plan
            .rounds
            .iter()
            .filter(|round| round.stories == 0)
            .map(|round| format!("{} {} min", round.name, round.minutes))
            .collect(),
        warnings,
    }
}
