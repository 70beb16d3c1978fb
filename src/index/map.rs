//! The story-to-question map: for every question of a level, each story's strength (see the
//! [index module](super) for how scores are normalised), explicit `questions:` links first.

use std::collections::HashMap;
use std::path::PathBuf;

use super::{StoryIndex, ADEQUATE};
use crate::prompts::Prompts;
use crate::story::{Level, Story};

/// A story lists at most this many questions it answers best.
pub const BEST_PER_STORY: usize = 3;

/// The bank against the questions of a level.
#[derive(Debug, Clone, PartialEq)]
pub struct BankMap {
    /// The level whose questions are mapped; `None` maps every question.
    pub level: Option<Level>,
    /// The strength from which a story answers a question ([`ADEQUATE`]).
    pub threshold: f32,
    pub questions: Vec<QuestionMatches>,
    pub stories: Vec<StoryMatches>,
    /// Every explicit link to a known question (of any level), with its strength.
    pub links: Vec<Link>,
}

/// One question and every story, ranked: explicit links first, then by strength.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionMatches {
    pub question_id: String,
    pub text: String,
    pub ranked: Vec<StoryMatch>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StoryMatch {
    pub story_id: String,
    /// Strength, 0..1.
    pub score: f32,
    /// The story names this question in its `questions:` list.
    pub linked: bool,
}

impl StoryMatch {
    pub fn adequate(&self, threshold: f32) -> bool {
        self.score >= threshold
    }
}

/// One story and the questions it answers.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryMatches {
    pub story_id: String,
    pub path: PathBuf,
    /// The questions of the level it matches most strongly (adequate or linked), at most
    /// [`BEST_PER_STORY`].
    pub best: Vec<QuestionMatch>,
    /// The questions whose best story it is.
    pub best_answer_to: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuestionMatch {
    pub question_id: String,
    pub score: f32,
    pub linked: bool,
}

/// An explicit `questions:` link, located by its position in the list.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub story_id: String,
    pub path: PathBuf,
    pub question_id: String,
    /// Index in the story's `questions:` list (for `Story::list_item_span`).
    pub index: usize,
    pub score: f32,
}

impl QuestionMatches {
    /// The story to tell for this question: the first adequate one, explicit links first.
    pub fn best(&self, threshold: f32) -> Option<&StoryMatch> {
        self.ranked.iter().find(|m| m.adequate(threshold))
    }

    /// The strongest story, adequate or not.
    pub fn strongest(&self) -> Option<&StoryMatch> {
        self.ranked.iter().max_by(|a, b| {
            a.score
                .total_cmp(&b.score)
                .then_with(|| b.story_id.cmp(&a.story_id))
        })
    }
}

impl BankMap {
    /// A story's strength for a question (0 when either is not in the map).
    pub fn score(&self, question_id: &str, story_id: &str) -> Option<&StoryMatch> {
        self.questions
            .iter()
            .find(|q| q.question_id == question_id)?
            .ranked
            .iter()
            .find(|m| m.story_id == story_id)
    }
}

/// Maps `stories` against the questions of `level` (every question when `None`).
pub fn map_bank(
    index: &StoryIndex,
    stories: &[Story],
    prompts: &Prompts,
    level: Option<Level>,
) -> BankMap {
    let mut strengths: HashMap<&str, HashMap<String, f32>> = HashMap::new();
    let mut strength_of = |question_id: &str| -> HashMap<String, f32> {
        strengths
            .entry(prompts.question(question_id).map_or("", |q| q.id.as_str()))
            .or_insert_with(|| index.question_strengths(question_id))
            .clone()
    };
    let linked =
        |story: &Story, question_id: &str| story.questions.iter().any(|q| q == question_id);
    let questions: Vec<QuestionMatches> = prompts
        .questions_of(level)
        .map(|question| {
            let found = strength_of(&question.id);
            let mut ranked: Vec<StoryMatch> = stories
                .iter()
                .map(|story| StoryMatch {
                    story_id: story.id.clone(),
                    score: found.get(&story.id).copied().unwrap_or(0.0),
                    linked: linked(story, &question.id),
                })
                .collect();
            ranked.sort_by(|a, b| {
                b.linked
                    .cmp(&a.linked)
                    .then_with(|| b.score.total_cmp(&a.score))
                    .then_with(|| a.story_id.cmp(&b.story_id))
            });
            QuestionMatches {
                question_id: question.id.clone(),
                text: question.text.clone(),
                ranked,
            }
        })
        .collect();
    let links = stories
        .iter()
        .flat_map(|story| {
            story
                .questions
                .iter()
                .enumerate()
                .filter_map(move |(i, question_id)| {
                    prompts.question(question_id)?;
                    Some((story, i, question_id))
                })
        })
        .map(|(story, index, question_id)| Link {
            story_id: story.id.clone(),
            path: story.path.clone(),
            question_id: question_id.clone(),
            index,
            score: strength_of(question_id)
                .get(&story.id)
                .copied()
                .unwrap_or(0.0),
        })
        .collect();
    let stories = stories
        .iter()
        .map(|story| story_matches(story, &questions))
        .collect();
    BankMap {
        level,
        threshold: ADEQUATE,
        questions,
        stories,
        links,
    }
}

fn story_matches(story: &Story, questions: &[QuestionMatches]) -> StoryMatches {
    let mut best: Vec<QuestionMatch> = questions
        .iter()
        .filter_map(|question| {
            let found = question.ranked.iter().find(|m| m.story_id == story.id)?;
            (found.linked || found.adequate(ADEQUATE)).then(|| QuestionMatch {
                question_id: question.question_id.clone(),
                score: found.score,
                linked: found.linked,
            })
        })
        .collect();
    best.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.question_id.cmp(&b.question_id))
    });
    best.truncate(BEST_PER_STORY);
    let best_answer_to = questions
        .iter()
        .filter(|q| q.best(ADEQUATE).is_some_and(|m| m.story_id == story.id))
        .map(|q| q.question_id.clone())
        .collect();
    StoryMatches {
        story_id: story.id.clone(),
        path: story.path.clone(),
        best,
        best_answer_to,
    }
}

/// The level to map: the one asked for, else the bank config's, else the most common level
/// among the stories (ties go to the higher level: the loop the bank is likely aiming at).
pub fn default_level(
    asked: Option<Level>,
    config: Option<Level>,
    stories: &[Story],
) -> Option<Level> {
    asked.or(config).or_else(|| {
        Level::ALL
            .into_iter()
            .map(|level| {
                (
                    stories.iter().filter(|s| s.level == Some(level)).count(),
                    level,
                )
            })
            .filter(|(count, _)| *count > 0)
            .max()
            .map(|(_, level)| level)
    })
}
