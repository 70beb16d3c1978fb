//! `starbank map`: for each question of a level, the stories that answer it (explicit links
//! first); for each story, the questions it answers best.

use std::fmt::Write as _;

use serde::Serialize;

use super::args::{parse_level, Format};
use super::output::{emit, paint, stdout_colour, BOLD, CYAN, DIM, YELLOW};
use super::search::{open, round, strength_word, Indexed};
use super::{Cli, EXIT_CLEAN, EXIT_ERROR};
use crate::index::map::{default_level, BankMap};
use crate::index::map_bank;
use crate::snippet::sanitize;
use crate::story::Level;

/// A question lists at most this many stories in human output.
const STORIES_PER_QUESTION: usize = 3;

#[derive(Debug, clap::Args)]
pub struct MapArgs {
    /// The level whose questions to map [default: the bank's `level`, else its stories' most common]
    #[arg(long, value_parser = parse_level)]
    pub level: Option<Level>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

/// Loads, indexes and maps the bank at the level asked for (or the bank's).
pub(super) fn mapped(cli: &Cli, level: Option<Level>) -> Result<(Indexed, BankMap), u8> {
    let indexed = open(cli)?;
    let level = default_level(level, indexed.bank.config.level, &indexed.bank.stories);
    let map = map_bank(
        &indexed.index,
        &indexed.bank.stories,
        &indexed.prompts,
        level,
    );
    Ok((indexed, map))
}

pub fn run(cli: &Cli, args: &MapArgs) -> u8 {
    let (indexed, map) = match mapped(cli, args.level) {
        Ok(found) => found,
        Err(code) => return code,
    };
    match args.format {
        Format::Json => match serde_json::to_string_pretty(&json(&map)) {
            Ok(json) => emit(&format!("{json}\n")),
            Err(err) => {
                eprintln!("error: cannot write JSON: {err}");
                return EXIT_ERROR;
            }
        },
        Format::Human => emit(&human(&indexed, &map)),
    }
    EXIT_CLEAN
}

fn level_name(level: Option<Level>) -> String {
    level.map_or("All".to_string(), |l| l.to_string())
}

fn human(indexed: &Indexed, map: &BankMap) -> String {
    let colour = stdout_colour();
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
        let title = indexed
            .bank
            .story(&story.story_id)
            .map_or(String::new(), |s| sanitize(&s.title));
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
struct JsonMap {
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

fn json(map: &BankMap) -> JsonMap {
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
