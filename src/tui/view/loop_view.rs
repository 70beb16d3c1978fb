//! The Loop view: the plan of the loop (each round, the story to tell for each prepared
//! question and its backup, how each story has gone in practice), and practice rounds: a
//! question, a countdown of the spoken-length target, the planned story revealed, a rating.

use std::time::{Duration, Instant};

use crate::plan::Plan;
use crate::practice::History;

use super::step;

/// One practice round in progress.
#[derive(Debug, Clone, PartialEq)]
pub struct PracticeRound {
    pub question_id: String,
    pub question: String,
    pub round: String,
    /// The story the plan tells for the question, and its backup.
    pub story: Option<String>,
    pub backup: Option<String>,
    pub started: Instant,
    /// How long the telling took, once the story is revealed.
    pub told_in: Option<Duration>,
}

impl PracticeRound {
    /// The round for the question `history` says to practise next among the plan's slots.
    pub fn next(plan: &Plan, history: &History, now: Instant) -> Option<PracticeRound> {
        let questions: Vec<&str> = plan
            .slots()
            .map(|(_, slot)| slot.question.id.as_str())
            .collect();
        let chosen = history.next(&questions)?;
        let (round, slot) = plan.slots().find(|(_, slot)| slot.question.id == chosen)?;
        Some(PracticeRound {
            question_id: slot.question.id.clone(),
            question: slot.question.text.clone(),
            round: round.name.clone(),
            story: slot.tell.as_ref().map(|pick| pick.story_id.clone()),
            backup: slot.backup.as_ref().map(|pick| pick.story_id.clone()),
            started: now,
            told_in: None,
        })
    }

    pub fn elapsed(&self, now: Instant) -> Duration {
        self.told_in
            .unwrap_or_else(|| now.saturating_duration_since(self.started))
    }

    pub fn reveal(&mut self, now: Instant) {
        if self.told_in.is_none() {
            self.told_in = Some(now.saturating_duration_since(self.started));
        }
    }

    pub fn revealed(&self) -> bool {
        self.told_in.is_some()
    }
}

#[derive(Debug, Clone, Default)]
pub struct LoopView {
    /// Row in the plan's slots.
    pub selected: usize,
    pub practice: Option<PracticeRound>,
    /// Start a practice round as soon as the plan is known (`starbank practice`).
    pub practice_on_plan: bool,
}

impl LoopView {
    pub fn move_by(&mut self, delta: isize, slots: usize) {
        self.selected = step(self.selected, delta, slots);
    }
}
