//! Where a loop's plan is thin: too few stories, slots with no adequate distinct story,
//! stories more than one round wants, and stories that read below the level in the rounds
//! that judge scope.

use crate::prompts::Reading;
use crate::story::Level;

use super::{RoundPlan, StoryFacts};

/// Everything the plan cannot cover well. Empty when the bank is ready for the loop.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Thin {
    /// The bank has fewer stories than the loop hears: (stories, slots).
    pub too_few_stories: Option<(usize, usize)>,
    /// No story in the bank is written for the loop's level.
    pub none_at_level: bool,
    /// Rounds that hear more stories than they have likely questions.
    pub short_rounds: Vec<ShortRound>,
    /// Slots whose told story is missing or below the threshold.
    pub weak_slots: Vec<WeakSlot>,
    /// Stories that are the best answer in more rounds than the one they can be told in.
    pub contested: Vec<Contested>,
    /// Told stories and backups that read below the level in rounds that judge scope.
    pub below_level: Vec<BelowLevel>,
}

impl Thin {
    pub fn is_empty(&self) -> bool {
        self == &Thin::default()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ShortRound {
    pub round: String,
    pub stories: usize,
    pub likely: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct WeakSlot {
    pub round: String,
    pub question_id: String,
    /// The story told there, if any, with its strength.
    pub told: Option<(String, f32)>,
    /// The strongest adequate story for the question, when it is told elsewhere.
    pub taken: Option<Taken>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Taken {
    pub story_id: String,
    pub strength: f32,
    /// The round that tells it.
    pub told_in: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Contested {
    pub story_id: String,
    /// The rounds in which it is the strongest adequate answer to a likely question.
    pub best_in: Vec<String>,
    /// The round the plan tells it in, if any.
    pub told_in: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BelowLevel {
    pub round: String,
    pub story_id: String,
    /// The story is the slot's backup, not the one to tell.
    pub backup: bool,
    /// What its figures read at (`None`: it states no scope figure).
    pub reads_at: Option<Reading>,
}

/// The strengths the plan was made from: `scores[row][story]`; `rows[round]` are the rows of
/// a round's likely questions; `questions[row]` their ids.
pub struct Strengths<'a> {
    pub story_ids: &'a [&'a str],
    pub rows: &'a [Vec<usize>],
    pub scores: &'a [Vec<f32>],
    pub questions: &'a [String],
}

/// Finds the thin spots of a plan.
pub fn find(
    level: Level,
    rounds: &[RoundPlan],
    strengths: &Strengths,
    threshold: f32,
    facts: &dyn StoryFacts,
) -> Thin {
    let slots: usize = rounds.iter().map(|r| r.stories).sum();
    let stories = strengths.story_ids.len();
    let told_in = |story: &str| -> Option<&str> {
        rounds.iter().find_map(|round| {
            round
                .slots
                .iter()
                .any(|s| s.tell.as_ref().is_some_and(|p| p.story_id == story))
                .then_some(round.name.as_str())
        })
    };
    let strongest = |row: usize| -> Option<usize> {
        (0..stories)
            .filter(|&s| strengths.scores[row][s] >= threshold)
            // The first of equal stories, as the bank lists them.
            .max_by(|&a, &b| {
                strengths.scores[row][a]
                    .total_cmp(&strengths.scores[row][b])
                    .then(b.cmp(&a))
            })
    };
    let mut thin = Thin {
        too_few_stories: (stories < slots).then_some((stories, slots)),
        none_at_level: strengths
            .story_ids
            .iter()
            .all(|id| facts.target_level(id) != Some(level)),
        ..Thin::default()
    };
    for (round, rows) in rounds.iter().zip(strengths.rows) {
        if round.stories > rows.len() {
            thin.short_rounds.push(ShortRound {
                round: round.name.clone(),
                stories: round.stories,
                likely: rows.len(),
            });
        }
        for slot in &round.slots {
            if slot.tell.as_ref().is_some_and(|p| p.adequate(threshold)) {
                continue;
            }
            let row = rows
                .iter()
                .copied()
                .find(|&row| strengths.questions[row] == slot.question.id);
            let taken = row.and_then(|row| {
                let best = strongest(row)?;
                let id = strengths.story_ids[best];
                Some(Taken {
                    story_id: id.to_string(),
                    strength: strengths.scores[row][best],
                    told_in: told_in(id)?.to_string(),
                })
            });
            thin.weak_slots.push(WeakSlot {
                round: round.name.clone(),
                question_id: slot.question.id.clone(),
                told: slot.tell.as_ref().map(|p| (p.story_id.clone(), p.strength)),
                taken,
            });
        }
    }
    // Per story, the rounds that would tell it if they could choose first.
    let mut best_in: Vec<Vec<&str>> = vec![Vec::new(); stories];
    for (round, rows) in rounds.iter().zip(strengths.rows) {
        if round.stories == 0 {
            continue;
        }
        for &row in rows {
            if let Some(best) = strongest(row) {
                if !best_in[best].contains(&round.name.as_str()) {
                    best_in[best].push(&round.name);
                }
            }
        }
    }
    for (story, wanted) in best_in.into_iter().enumerate() {
        if wanted.len() < 2 {
            continue;
        }
        let id = strengths.story_ids[story];
        thin.contested.push(Contested {
            story_id: id.to_string(),
            best_in: wanted.into_iter().map(str::to_string).collect(),
            told_in: told_in(id).map(str::to_string),
        });
    }
    let bar = Reading::of_level(level);
    for round in rounds.iter().filter(|r| r.probes_scope) {
        for slot in &round.slots {
            for (pick, backup) in [(&slot.tell, false), (&slot.backup, true)] {
                let Some(pick) = pick else { continue };
                let reads_at = facts.reads_at(&pick.story_id);
                if reads_at.is_none_or(|reading| reading < bar) {
                    thin.below_level.push(BelowLevel {
                        round: round.name.clone(),
                        story_id: pick.story_id.clone(),
                        backup,
                        reads_at,
                    });
                }
            }
        }
    }
    thin
}
