//! `starbank map`'s output: each question with the stories that answer it, then each story
//! with the questions it answers best (human), or the JSON of docs/json.md.

use std::fmt::Write as _;

use serde::Serialize;

use super::search::{round, strength_word};
use crate::index::map::BankMap;
use crate::snippet::ansi::{BOLD, CYAN, DIM, YELLOW};
use crate::snippet::{paint, sanitize};
use crate::story::Level;

/// A question lists at most this many stories in human output.
const STORIES_PER_QUESTION: usize = 3;

fn level_name(level: Option<Level>) -> String {
    level.map_or("All".to_string(), |l| l.to_string())
}

/// The map as text; `titles` gives a story's title by id.
pub fn human(map: &BankMap, title_of: &dyn Fn(&str) -> Option<String>, colour: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        paint(
            colour,
            BOLD,
            &format!(
                "{} questions and the stories that answer them ({} stories)",
                level_name(map.level),
                map.stories.len(),
            )
        )
    );
    let _ = writeln!(
        out,
        "{}",
        paint(
            colour,
            DIM,
            &format!(
                "strength 0..1, adequate from {:.2}; * = linked in the story's `questions:`",
                map.threshold
            )
        )
    );
    for question in &map.questions {
        out.push('\n');
        let _ = writeln!(
            out,
            "{}  {}",
            paint(colour, CYAN, &question.question_id),
            sanitize(&question.text)
        );
        let shown: Vec<_> = question
            .ranked
            .iter()
            .filter(|m| m.linked || m.adequate(map.threshold))
            .take(STORIES_PER_QUESTION)
            .collect();
        for found in &shown {
            let _ = writeln!(
                out,
                "  {} {:<38} {:.2} {}",
                if found.linked { "*" } else { " " },
                sanitize(&found.story_id),
                found.score,
                strength_word(found.score)
            );
        }
        if question.best(map.threshold).is_none() {
            let nearest = match question.strongest().filter(|m| m.score > 0.0) {
                Some(m) => format!(" (nearest: {} {:.2})", sanitize(&m.story_id), m.score),
                None => String::new(),
            };
            let _ = writeln!(
                out,
                "    {}",
                paint(colour, YELLOW, &format!("no adequate story{nearest}"))
            );
        }
    }
    out.push('\n');
    let _ = writeln!(
        out,
        "{}",
        paint(colour, BOLD, "Stories and the questions they answer best")
    );
    for story in &map.stories {
        let title = title_of(&story.story_id).map_or(String::new(), |t| sanitize(&t));
        out.push('\n');
        let _ = writeln!(
            out,
            "{}  {}",
            paint(colour, CYAN, &sanitize(&story.story_id)),
            paint(colour, DIM, &title)
        );
        if story.best.is_empty() {
            let _ = writeln!(
                out,
                "    {}",
                paint(
                    colour,
                    YELLOW,
                    "answers no question of this level adequately"
                )
            );
        }
        for found in &story.best {
            let best_for = if story.best_answer_to.contains(&found.question_id) {
                "  best story for it"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "  {} {:<38} {:.2}{best_for}",
                if found.linked { "*" } else { " " },
                found.question_id,
                found.score
            );
        }
    }
    out
}

#[derive(Serialize)]
pub struct JsonMap {
    level: Option<Level>,
    threshold: f64,
    questions: Vec<JsonQuestion>,
    stories: Vec<JsonStory>,
}

#[derive(Serialize)]
struct JsonQuestion {
    id: String,
    text: String,
    /// The story to tell, if any is adequate.
    best: Option<String>,
    /// Stories with any strength, linked first.
    stories: Vec<JsonScore>,
}

#[derive(Serialize)]
struct JsonStory {
    id: String,
    path: String,
    questions: Vec<JsonScore>,
    best_answer_to: Vec<String>,
}

#[derive(Serialize)]
struct JsonScore {
    id: String,
    score: f64,
    linked: bool,
}

pub fn json(map: &BankMap) -> JsonMap {
    JsonMap {
        level: map.level,
        threshold: round(map.threshold),
        questions: map
            .questions
            .iter()
            .map(|q| JsonQuestion {
                id: q.question_id.clone(),
                text: q.text.clone(),
                best: q.best(map.threshold).map(|m| m.story_id.clone()),
                stories: q
                    .ranked
                    .iter()
                    .filter(|m| m.linked || m.score > 0.0)
                    .map(|m| JsonScore {
                        id: m.story_id.clone(),
                        score: round(m.score),
                        linked: m.linked,
                    })
                    .collect(),
            })
            .collect(),
        stories: map
            .stories
            .iter()
            .map(|s| JsonStory {
                id: s.story_id.clone(),
                path: s.path.display().to_string(),
                questions: s
                    .best
                    .iter()
                    .map(|m| JsonScore {
                        id: m.question_id.clone(),
                        score: round(m.score),
                        linked: m.linked,
                    })
                    .collect(),
                best_answer_to: s.best_answer_to.clone(),
            })
            .collect(),
    }
}
