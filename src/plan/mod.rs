//! Before the loop: which story to tell in which round, what is in reserve, and where the
//! bank is thin.
//!
//! - [`loops`]: the loop of each level (`prompts/loop.ron`) and each round's likely
//!   questions;
//! - [`assign`]: the optimal assignment of distinct stories to the questions the rounds ask,
//!   and a backup per slot;
//! - [`thin`]: what the plan cannot cover well;
//! - [`sheet`]: the one-page sheet of a plan.
//!
//! [`plan`] puts them together from the bank's strength map ([`crate::index::map`]); the
//! CLI renders the result (`src/report/plan.rs`).

pub mod assign;
pub mod loops;
pub mod sheet;
pub mod thin;

use std::collections::HashMap;

use crate::index::map::BankMap;
use crate::prompts::{Question, Reading};
use crate::story::Level;

use assign::{Problem, RoundSlots};
use loops::Loop;
pub use thin::Thin;

/// A loop's plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub level: Level,
    /// Where the loop's rounds come from.
    pub source: String,
    pub rounds: Vec<RoundPlan>,
    /// The sum of the told stories' strengths.
    pub total_strength: f32,
    /// Stories in the bank.
    pub stories: usize,
    /// The strength from which a story answers a question.
    pub threshold: f32,
    pub thin: Thin,
}

impl Plan {
    /// Every slot, with its round.
    pub fn slots(&self) -> impl Iterator<Item = (&RoundPlan, &SlotPlan)> {
        self.rounds
            .iter()
            .flat_map(|round| round.slots.iter().map(move |slot| (round, slot)))
    }

    /// How many stories the loop hears.
    pub fn slot_count(&self) -> usize {
        self.rounds.iter().map(|r| r.stories).sum()
    }
}

/// One round: what the source says of it, its likely questions and its slots.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundPlan {
    pub name: String,
    pub minutes: u32,
    pub focus: String,
    pub looks_for: String,
    /// How many stories the interviewer hears (0: a round with no story, such as coding).
    pub stories: usize,
    pub probes_scope: bool,
    /// The questions its interviewer is likely to ask, in question-bank order.
    pub likely: Vec<QuestionRef>,
    /// The questions to prepare, each with its story; at most `stories`.
    pub slots: Vec<SlotPlan>,
    /// Likely questions that neither a told story nor a backup of this round answers.
    pub uncovered: Vec<QuestionRef>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuestionRef {
    pub id: String,
    pub text: String,
}

/// One question to prepare and the stories for it.
#[derive(Debug, Clone, PartialEq)]
pub struct SlotPlan {
    pub question: QuestionRef,
    pub tell: Option<Pick>,
    pub backup: Option<Pick>,
    /// The round's likely questions the told story answers (this one first).
    pub covers: Vec<String>,
}

/// A story picked for a slot, with its strength for the slot's question.
#[derive(Debug, Clone, PartialEq)]
pub struct Pick {
    pub story_id: String,
    pub strength: f32,
    /// The story names the question in its `questions:`.
    pub linked: bool,
}

impl Pick {
    pub fn adequate(&self, threshold: f32) -> bool {
        self.strength >= threshold
    }
}

/// What [`plan`] needs to know of the bank's stories beyond their strengths.
pub trait StoryFacts {
    /// The level a story is written for (its own, else the bank's).
    fn target_level(&self, story_id: &str) -> Option<Level>;
    /// The level its scope figures read at (`None`: it states none).
    fn reads_at(&self, story_id: &str) -> Option<Reading>;
}

/// Plans `looped` for the bank whose strengths `map` holds (a map of the loop's level).
pub fn plan(looped: &Loop, questions: &[Question], map: &BankMap, facts: &dyn StoryFacts) -> Plan {
    let likely = loops::likely_questions(looped, questions);
    let story_ids: Vec<&str> = map.stories.iter().map(|s| s.story_id.as_str()).collect();
    let story_index: HashMap<&str, usize> = story_ids
        .iter()
        .enumerate()
        .map(|(i, id)| (*id, i))
        .collect();
    // One row of strengths (and links) per likely question, in matching units.
    let mut rows: Vec<usize> = Vec::new();
    let mut strength: Vec<Vec<i64>> = Vec::new();
    let mut scores: Vec<Vec<f32>> = Vec::new();
    let mut linked: Vec<Vec<bool>> = Vec::new();
    let mut rounds = Vec::new();
    for drawn in &likely {
        let mut row_of = Vec::new();
        for &question in drawn {
            let mut score = vec![0.0; story_ids.len()];
            let mut link = vec![false; story_ids.len()];
            if let Some(found) = map
                .questions
                .iter()
                .find(|q| q.question_id == questions[question].id)
            {
                for m in &found.ranked {
                    if let Some(&i) = story_index.get(m.story_id.as_str()) {
                        score[i] = m.score;
                        link[i] = m.linked;
                    }
                }
            }
            strength.push(score.iter().map(|&s| assign::units(s)).collect());
            scores.push(score);
            linked.push(link);
            row_of.push(rows.len());
            rows.push(question);
        }
        rounds.push(row_of);
    }
    let problem = Problem {
        rounds: looped
            .rounds
            .iter()
            .zip(&rounds)
            .map(|(round, row_of)| RoundSlots {
                capacity: round.stories,
                questions: row_of.clone(),
            })
            .collect(),
        strength,
        stories: story_ids.len(),
    };
    let told = assign::assign(&problem);
    let backups = assign::backups(&problem, &told.slots);
    let pick = |row: usize, story: usize| Pick {
        story_id: story_ids[story].to_string(),
        strength: scores[row][story],
        linked: linked[row][story],
    };
    let question_ref = |row: usize| QuestionRef {
        id: questions[rows[row]].id.clone(),
        text: questions[rows[row]].text.clone(),
    };
    let threshold = map.threshold;
    let mut planned: Vec<RoundPlan> = looped
        .rounds
        .iter()
        .zip(&rounds)
        .map(|(round, row_of)| RoundPlan {
            name: round.name.clone(),
            minutes: round.minutes,
            focus: round.focus.clone(),
            looks_for: round.looks_for.clone(),
            stories: round.stories,
            probes_scope: round.probes_scope,
            likely: row_of.iter().map(|&row| question_ref(row)).collect(),
            slots: Vec::new(),
            uncovered: Vec::new(),
        })
        .collect();
    for (slot, backup) in told.slots.iter().zip(&backups) {
        let row = slot.question;
        let covers = match slot.story {
            Some(story) => std::iter::once(row)
                .chain(
                    rounds[slot.round]
                        .iter()
                        .copied()
                        .filter(|&other| other != row && scores[other][story] >= threshold),
                )
                .map(|r| questions[rows[r]].id.clone())
                .collect(),
            None => Vec::new(),
        };
        planned[slot.round].slots.push(SlotPlan {
            question: question_ref(row),
            tell: slot.story.map(|story| pick(row, story)),
            backup: backup.map(|story| pick(row, story)),
            covers,
        });
    }
    for (round, row_of) in planned.iter_mut().zip(&rounds) {
        let ready: Vec<usize> = round
            .slots
            .iter()
            .flat_map(|slot| [&slot.tell, &slot.backup])
            .flatten()
            .filter_map(|p| story_index.get(p.story_id.as_str()).copied())
            .collect();
        round.uncovered = row_of
            .iter()
            .copied()
            .filter(|&row| ready.iter().all(|&story| scores[row][story] < threshold))
            .map(question_ref)
            .collect();
    }
    let thin = thin::find(
        looped.level,
        &planned,
        &thin::Strengths {
            story_ids: &story_ids,
            rows: &rounds,
            scores: &scores,
            questions: &rows
                .iter()
                .map(|&q| questions[q].id.clone())
                .collect::<Vec<_>>(),
        },
        threshold,
        facts,
    );
    Plan {
        level: looped.level,
        source: looped.source.clone(),
        rounds: planned,
        total_strength: told.total as f32 / assign::UNITS,
        stories: story_ids.len(),
        threshold,
        thin,
    }
}
