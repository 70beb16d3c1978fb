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
///
/// Each question is scored once over the whole index, into a vector by story position:
/// the questions run on all cores, and the result is in the question bank's order.
pub fn map_bank(
    index: &StoryIndex,
    stories: &[Story],
    prompts: &Prompts,
    level: Option<Level>,
) -> BankMap {
    Strengths::score(index, stories, prompts, level).map(stories, prompts, level)
}

/// [`map_bank`] for what the bank rules ask of a map ([`super::findings`]): each
/// question's `ranked` holds only the stories that can answer it (linked or adequate) and
/// its strongest ones, in the order the whole ranking has them; `stories` and `links` are
/// whole. On 10,000 stories that is a fraction of the entries to sort, copy and free.
pub fn map_answers(
    index: &StoryIndex,
    stories: &[Story],
    prompts: &Prompts,
    level: Option<Level>,
) -> BankMap {
    Strengths::score(index, stories, prompts, level).answers(stories, prompts, level)
}

/// Every story's strength for each question scored, by story position: what a map is
/// made from. Scored for every question (`level` `None`), it makes the map of any level.
#[derive(Debug, Clone, Default)]
pub struct Strengths<'p> {
    by_question: HashMap<&'p str, Vec<f32>>,
}

impl<'p> Strengths<'p> {
    /// Scores the questions of `level` (every question when `None`) and the ones the stories
    /// link to, over the whole index.
    pub fn score(
        index: &StoryIndex,
        stories: &[Story],
        prompts: &'p Prompts,
        level: Option<Level>,
    ) -> Strengths<'p> {
        use rayon::prelude::*;
        let searcher = index.reader.searcher();
        let position: HashMap<&str, usize> = stories
            .iter()
            .enumerate()
            .map(|(position, story)| (story.id.as_str(), position))
            .collect();
        // Which story each document is, by segment and document id.
        let story_of: Vec<Vec<Option<usize>>> = index
            .doc_entries(&searcher)
            .into_iter()
            .map(|entries| {
                entries
                    .into_iter()
                    .map(|entry| position.get(entry?.id.as_str()).copied())
                    .collect()
            })
            .collect();
        // The questions mapped, then those only linked to (of another level), each once.
        let mut wanted: Vec<&str> = prompts.questions_of(level).map(|q| q.id.as_str()).collect();
        for story in stories {
            for question_id in &story.questions {
                if let Some(question) = prompts.question(question_id) {
                    if !wanted.contains(&question.id.as_str()) {
                        wanted.push(question.id.as_str());
                    }
                }
            }
        }
        let scored: Vec<Vec<f32>> = wanted
            .par_iter()
            .map(|question_id| {
                let mut scores = vec![0.0f32; stories.len()];
                let by_doc = index.question_strengths_by_doc(&searcher, question_id);
                for (strengths, stories_of) in by_doc.iter().zip(&story_of) {
                    for (strength, story) in strengths.iter().zip(stories_of) {
                        if let (Some(story), true) = (story, *strength > 0.0) {
                            scores[*story] = *strength;
                        }
                    }
                }
                scores
            })
            .collect();
        Strengths {
            by_question: wanted.into_iter().zip(scored).collect(),
        }
    }

    /// The map of `level` with every story ranked for each question ([`map_bank`]).
    pub fn map(&self, stories: &[Story], prompts: &Prompts, level: Option<Level>) -> BankMap {
        self.assemble(stories, prompts, level, Ranked::All)
    }

    /// The map of `level` with each question ranking only the stories linked to it or with
    /// a strength above zero, in the order the whole ranking has them: the rest would rank
    /// last at zero, and a reader of strengths (the workbench's views, [`crate::plan`])
    /// takes a story missing from a ranking as unlinked at zero. `stories` and `links` are
    /// whole. On 10,000 generated stories, a third of the entries to sort, copy and free.
    pub fn map_scored(
        &self,
        stories: &[Story],
        prompts: &Prompts,
        level: Option<Level>,
    ) -> BankMap {
        self.assemble(stories, prompts, level, Ranked::Scored)
    }

    /// The map of `level` with only the stories that can answer ranked ([`map_answers`]).
    pub fn answers(&self, stories: &[Story], prompts: &Prompts, level: Option<Level>) -> BankMap {
        self.assemble(stories, prompts, level, Ranked::Answers)
    }

    fn assemble(
        &self,
        stories: &[Story],
        prompts: &Prompts,
        level: Option<Level>,
        ranked: Ranked,
    ) -> BankMap {
        use rayon::prelude::*;
        let strengths = &self.by_question;
        let linked =
            |story: &Story, question_id: &str| story.questions.iter().any(|q| q == question_id);
        // Each story's place in id order: ties in a ranking go by id, compared as numbers.
        let mut by_id: Vec<usize> = (0..stories.len()).collect();
        by_id.sort_by(|&a, &b| stories[a].id.cmp(&stories[b].id));
        let mut id_rank = vec![0usize; stories.len()];
        for (rank, &position) in by_id.iter().enumerate() {
            id_rank[position] = rank;
        }
        let mapped: Vec<&crate::prompts::Question> = prompts.questions_of(level).collect();
        let questions: Vec<QuestionMatches> = mapped
            .par_iter()
            .map(|question| {
                let found = strengths
                    .get(question.id.as_str())
                    .map_or(&[][..], Vec::as_slice);
                let score = |position: usize| found.get(position).copied().unwrap_or(0.0);
                // The strongest score: with every story that has it, a map of answers keeps
                // what `strongest` finds in the whole ranking.
                let top = found.iter().copied().fold(0.0f32, f32::max);
                let mut order: Vec<(bool, f32, usize)> = stories
                    .iter()
                    .enumerate()
                    .map(|(position, story)| {
                        (linked(story, &question.id), score(position), position)
                    })
                    .filter(|&(linked, score, _)| match ranked {
                        Ranked::All => true,
                        Ranked::Scored => linked || score > 0.0,
                        Ranked::Answers => {
                            linked || score >= ADEQUATE || (score == top && top > 0.0)
                        }
                    })
                    .collect();
                // Explicit links first, then by strength, then by id.
                order.sort_by(|a, b| {
                    b.0.cmp(&a.0)
                        .then_with(|| b.1.total_cmp(&a.1))
                        .then_with(|| id_rank[a.2].cmp(&id_rank[b.2]))
                });
                let ranked: Vec<StoryMatch> = order
                    .into_iter()
                    .map(|(linked, score, position)| StoryMatch {
                        story_id: stories[position].id.clone(),
                        score,
                        linked,
                    })
                    .collect();
                QuestionMatches {
                    question_id: question.id.clone(),
                    text: question.text.clone(),
                    ranked,
                }
            })
            .collect();
        let links = stories
            .iter()
            .enumerate()
            .flat_map(|(position, story)| {
                story
                    .questions
                    .iter()
                    .enumerate()
                    .filter_map(move |(i, question_id)| {
                        let question = prompts.question(question_id)?;
                        Some((position, story, i, question))
                    })
            })
            .map(|(position, story, index, question)| Link {
                story_id: story.id.clone(),
                path: story.path.clone(),
                question_id: question.id.clone(),
                index,
                score: strengths
                    .get(question.id.as_str())
                    .and_then(|scores| scores.get(position))
                    .copied()
                    .unwrap_or(0.0),
            })
            .collect();
        // One pass over the questions, not one per story: banks of 10,000 stories stay linear.
        let mut per_story: HashMap<&str, (Vec<QuestionMatch>, Vec<String>)> = HashMap::new();
        for question in &questions {
            for found in &question.ranked {
                if found.linked || found.adequate(ADEQUATE) {
                    per_story
                        .entry(found.story_id.as_str())
                        .or_default()
                        .0
                        .push(QuestionMatch {
                            question_id: question.question_id.clone(),
                            score: found.score,
                            linked: found.linked,
                        });
                }
            }
            if let Some(best) = question.best(ADEQUATE) {
                per_story
                    .entry(best.story_id.as_str())
                    .or_default()
                    .1
                    .push(question.question_id.clone());
            }
        }
        let stories = stories
            .iter()
            .map(|story| {
                let (best, best_answer_to) =
                    per_story.remove(story.id.as_str()).unwrap_or_default();
                story_matches(story, best, best_answer_to)
            })
            .collect();
        BankMap {
            level,
            threshold: ADEQUATE,
            questions,
            stories,
            links,
        }
    }
}

/// Which stories a map's question ranks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ranked {
    /// Every story.
    All,
    /// The stories linked to it or with a strength above zero ([`Strengths::map_scored`]).
    Scored,
    /// The stories that can answer it and its strongest ones ([`Strengths::answers`]).
    Answers,
}

fn story_matches(
    story: &Story,
    mut best: Vec<QuestionMatch>,
    best_answer_to: Vec<String>,
) -> StoryMatches {
    best.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.question_id.cmp(&b.question_id))
    });
    best.truncate(BEST_PER_STORY);
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
