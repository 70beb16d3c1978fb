//! The bank-level facts the linter reports (BK003, BK004, BK005), computed from a
//! [`BankMap`]. Each is located by story and question so the linter can point at the file.

use std::path::PathBuf;

use super::map::{BankMap, StoryMatch};

/// A question of the target level that no story answers adequately. An interviewer who asks
/// it gets an improvised answer or a story stretched to fit: prepare one before the loop.
#[derive(Debug, Clone, PartialEq)]
pub struct UncoveredQuestion {
    pub question_id: String,
    /// The strongest story anyway, to say how close the bank comes.
    pub nearest: Option<StoryMatch>,
}

/// A story that is the best answer to more questions than the limit. A loop asks several
/// questions across rounds; interviewers compare notes, and a candidate who tells the same
/// story twice shows less range than the level needs.
#[derive(Debug, Clone, PartialEq)]
pub struct OverusedStory {
    pub story_id: String,
    pub path: PathBuf,
    /// The questions whose best answer it is.
    pub questions: Vec<String>,
}

/// A story whose `questions:` list names a question it does not match. Told for that
/// question, it leaves the interviewer hunting for the answer; either the link is wrong or
/// the story does not yet say what the question asks for.
#[derive(Debug, Clone, PartialEq)]
pub struct UnmatchedLink {
    pub story_id: String,
    pub path: PathBuf,
    pub question_id: String,
    /// Index in the story's `questions:` list.
    pub index: usize,
    /// Its strength, below the map's threshold.
    pub score: f32,
}

/// The questions of the map's level with no adequate story.
pub fn uncovered_questions(map: &BankMap) -> Vec<UncoveredQuestion> {
    map.questions
        .iter()
        .filter(|q| q.best(map.threshold).is_none())
        .map(|q| UncoveredQuestion {
            question_id: q.question_id.clone(),
            nearest: q.strongest().filter(|m| m.score > 0.0).cloned(),
        })
        .collect()
}

/// The stories that are the best answer to more than `max_questions` questions.
pub fn overused_stories(map: &BankMap, max_questions: usize) -> Vec<OverusedStory> {
    map.stories
        .iter()
        .filter(|s| s.best_answer_to.len() > max_questions)
        .map(|s| OverusedStory {
            story_id: s.story_id.clone(),
            path: s.path.clone(),
            questions: s.best_answer_to.clone(),
        })
        .collect()
}

/// The explicit links whose strength is below the map's threshold.
pub fn unmatched_links(map: &BankMap) -> Vec<UnmatchedLink> {
    map.links
        .iter()
        .filter(|link| link.score < map.threshold)
        .map(|link| UnmatchedLink {
            story_id: link.story_id.clone(),
            path: link.path.clone(),
            question_id: link.question_id.clone(),
            index: link.index,
            score: link.score,
        })
        .collect()
}
