//! The interview loop of a level (`prompts/loop.ron`, overridable in `starbank.ron`): its
//! rounds, how many stories each hears, and which questions of the question bank each
//! round's interviewer is likely to ask.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::LoadError;
use crate::prompts::Question;
use crate::story::Level;

/// The contents of `loop.ron`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoopFile {
    pub loops: Vec<Loop>,
}

/// One level's loop, in the order the rounds are held.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Loop {
    pub level: Level,
    /// Where the rounds come from.
    #[serde(default)]
    pub source: String,
    pub rounds: Vec<Round>,
}

/// One interview round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Round {
    pub name: String,
    pub minutes: u32,
    pub focus: String,
    /// The round's success criteria.
    #[serde(default)]
    pub looks_for: String,
    /// How many stories the interviewer hears; 0 for a round that plans none (coding).
    #[serde(default)]
    pub stories: usize,
    /// The question bank `round` values this round asks from.
    #[serde(default)]
    pub rounds: Vec<String>,
    /// Question themes this round asks from too.
    #[serde(default)]
    pub themes: Vec<String>,
    /// The round judges the size of what the candidate ran against the level.
    #[serde(default)]
    pub probes_scope: bool,
}

impl Round {
    fn draws(&self, question: &Question) -> bool {
        self.rounds.iter().any(|r| r == &question.round)
            || self.themes.iter().any(|t| t == &question.theme)
    }
}

/// Where a loop definition was read, so a problem in it can be shown at its line.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LoopOrigin {
    pub path: PathBuf,
    pub text: String,
}

impl LoopOrigin {
    pub fn new(path: &Path, text: &str) -> LoopOrigin {
        LoopOrigin {
            path: path.to_path_buf(),
            text: text.to_string(),
        }
    }

    /// An error at the `nth` (0-based) occurrence of `needle` in the file after `from`, or
    /// at the file's start when it cannot be found.
    fn error_at(
        &self,
        from: usize,
        needle: &str,
        nth: usize,
        message: String,
        help: &str,
    ) -> LoadError {
        let found = self.text.get(from..).and_then(|rest| {
            rest.match_indices(needle)
                .nth(nth)
                .map(|(offset, _)| from + offset)
        });
        match found {
            Some(start) => LoadError::at(
                &self.path,
                &self.text,
                start..start + needle.len(),
                message,
                Some(help.to_string()),
            ),
            None => LoadError::whole_file(&self.path, message, Some(help.to_string())),
        }
    }

    /// Where the loop of `level` starts in the file (best effort: its `level:` field).
    fn loop_start(&self, level: Level) -> usize {
        let pattern = format!("level: {level}");
        self.text.find(&pattern).unwrap_or(0)
    }
}

/// The loop of `level`: the bank's own (`starbank.ron`) if it defines one, else the
/// prompts'. Each comes with where it was read.
pub fn loop_for<'a>(
    level: Level,
    configured: &'a [Loop],
    configured_origin: &'a LoopOrigin,
    prompts: &'a [Loop],
    prompts_origin: &'a LoopOrigin,
) -> Option<(&'a Loop, &'a LoopOrigin)> {
    configured
        .iter()
        .find(|l| l.level == level)
        .map(|l| (l, configured_origin))
        .or_else(|| {
            prompts
                .iter()
                .find(|l| l.level == level)
                .map(|l| (l, prompts_origin))
        })
}

/// What makes a loop unusable for planning, each located in its file: no rounds, no round
/// that hears a story, two rounds with one name (a plan and a practice history name rounds),
/// a story round that draws no question of the level.
pub fn problems(looped: &Loop, origin: &LoopOrigin, questions: &[Question]) -> Vec<LoadError> {
    let start = origin.loop_start(looped.level);
    let mut found = Vec::new();
    if looped.rounds.is_empty() {
        found.push(origin.error_at(
            start,
            "rounds",
            0,
            format!("the {} loop has no rounds: there is nothing to plan", looped.level),
            "list the loop's rounds, e.g. `rounds: [(name: \"Behavioral 1\", minutes: 45, focus: \"Team leadership\", stories: 2, rounds: [\"Behavioral 1: team leadership\"])]`",
        ));
        return found;
    }
    let mut seen: HashSet<&str> = HashSet::new();
    for round in &looped.rounds {
        let needle = format!("\"{}\"", round.name);
        if !seen.insert(round.name.trim()) {
            found.push(origin.error_at(
                start,
                &needle,
                1,
                format!(
                    "the {} loop has two rounds named \"{}\"",
                    looped.level, round.name
                ),
                "give each round its own name (e.g. \"Behavioral 1\" and \"Behavioral 2\")",
            ));
        }
    }
    if looped.rounds.iter().all(|r| r.stories == 0) {
        found.push(origin.error_at(
            start,
            "rounds",
            0,
            format!("no round of the {} loop hears a story", looped.level),
            "set `stories: 2` on the behavioral rounds",
        ));
    }
    let likely = likely_questions(looped, questions);
    for (round, drawn) in looped.rounds.iter().zip(&likely) {
        if round.stories > 0 && drawn.is_empty() {
            found.push(origin.error_at(
                start,
                &format!("\"{}\"", round.name),
                0,
                format!(
                    "round \"{}\" hears {} stories but draws no {} question",
                    round.name, round.stories, looped.level
                ),
                "name question-bank rounds in `rounds:` or themes in `themes:` (`starbank questions` lists both)",
            ));
        }
    }
    found
}

/// For each round of the loop, in order, the questions of the loop's level its interviewer
/// is likely to ask (indexes into `questions`). A question two rounds draw belongs to the
/// first: interviewers of one loop are given distinct topics.
pub fn likely_questions(looped: &Loop, questions: &[Question]) -> Vec<Vec<usize>> {
    let mut taken = vec![false; questions.len()];
    looped
        .rounds
        .iter()
        .map(|round| {
            let mut drawn = Vec::new();
            for (index, question) in questions.iter().enumerate() {
                if question.level == looped.level && !taken[index] && round.draws(question) {
                    taken[index] = true;
                    drawn.push(index);
                }
            }
            drawn
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prompts::Prompts;

    #[test]
    fn builtin_loops_come_from_the_source_document_and_draw_questions() {
        let prompts = Prompts::builtin();
        let names = |level: Level| -> Vec<String> {
            let looped = prompts.loops.iter().find(|l| l.level == level).unwrap();
            looped
                .rounds
                .iter()
                .filter(|r| r.stories > 0)
                .map(|r| r.name.clone())
                .collect()
        };
        assert_eq!(
            names(Level::L6),
            ["Behavioral 1", "Behavioral 2", "Bar Raiser"]
        );
        assert_eq!(
            names(Level::L7),
            [
                "Technical Strategy",
                "Organizational",
                "Leadership Case",
                "Bar Raiser",
                "Executive"
            ]
        );
        for looped in &prompts.loops {
            assert!(
                problems(looped, &prompts.loops_origin, &prompts.questions).is_empty(),
                "{:?}",
                problems(looped, &prompts.loops_origin, &prompts.questions)
            );
        }
    }

    #[test]
    fn zero_rounds_and_duplicate_names_are_located() {
        let text = "(loops: [(level: L7, rounds: [\n  (name: \"A\", minutes: 60, focus: \"x\", stories: 1, themes: [\"delegation\"]),\n  (name: \"A\", minutes: 45, focus: \"y\"),\n])])";
        let file: LoopFile =
            crate::prompts::parse_prompt_file(Path::new("loop.ron"), text).unwrap();
        let origin = LoopOrigin::new(Path::new("loop.ron"), text);
        let questions = Prompts::builtin().questions;
        let found = problems(&file.loops[0], &origin, &questions);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("two rounds named \"A\""));
        assert_eq!((found[0].start().line, found[0].start().column), (3, 10));

        let empty = "(loops: [(level: L6, rounds: [])])";
        let file: LoopFile =
            crate::prompts::parse_prompt_file(Path::new("loop.ron"), empty).unwrap();
        let origin = LoopOrigin::new(Path::new("loop.ron"), empty);
        let found = problems(&file.loops[0], &origin, &questions);
        assert!(found[0].message.contains("no rounds"), "{found:?}");
        assert_eq!(found[0].start().line, 1);
    }

    #[test]
    fn a_question_two_rounds_draw_belongs_to_the_first() {
        let questions = Prompts::builtin().questions;
        let round = |name: &str, themes: &[&str]| Round {
            name: name.into(),
            minutes: 60,
            focus: String::new(),
            looks_for: String::new(),
            stories: 1,
            rounds: Vec::new(),
            themes: themes.iter().map(|t| t.to_string()).collect(),
            probes_scope: false,
        };
        let looped = Loop {
            level: Level::L7,
            source: String::new(),
            rounds: vec![
                round("first", &["delegation"]),
                round("second", &["delegation", "team-conflict"]),
            ],
        };
        let likely = likely_questions(&looped, &questions);
        assert!(!likely[0].is_empty());
        assert!(likely[1].iter().all(|i| !likely[0].contains(i)));
        assert!(likely[1]
            .iter()
            .all(|&i| questions[i].theme == "team-conflict"));
    }

    #[test]
    fn the_bank_config_and_a_prompts_folder_override_the_loop() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("starbank.ron"),
            "(loops: [(level: L7, rounds: [(name: \"Only\", minutes: 30, focus: \"f\", stories: 1, themes: [\"delegation\"])])])",
        )
        .unwrap();
        let config = crate::config::Config::load(dir.path()).unwrap();
        let prompts = Prompts::builtin();
        let (l7, origin) = loop_for(
            Level::L7,
            &config.loops,
            &config.loops_origin,
            &prompts.loops,
            &prompts.loops_origin,
        )
        .unwrap();
        assert_eq!(l7.rounds.len(), 1);
        assert!(origin.path.ends_with("starbank.ron"));
        // The other level keeps the prompts' loop.
        let (l6, origin) = loop_for(
            Level::L6,
            &config.loops,
            &config.loops_origin,
            &prompts.loops,
            &prompts.loops_origin,
        )
        .unwrap();
        assert_eq!(l6.rounds.len(), 6);
        assert!(origin.path.ends_with("prompts/loop.ron"));

        std::fs::write(
            dir.path().join("loop.ron"),
            "(loops: [(level: L6, rounds: [(name: \"Solo\", minutes: 45, focus: \"f\", stories: 1, themes: [\"delegation\"])])])",
        )
        .unwrap();
        let overridden = Prompts::load(Some(dir.path())).unwrap();
        assert_eq!(overridden.loops.len(), 1);
        assert_eq!(overridden.loops[0].rounds[0].name, "Solo");
        assert!(overridden.loops_origin.path.ends_with("loop.ron"));

        std::fs::write(
            dir.path().join("loop.ron"),
            "(loops: [(level: L6, rounds: [(nme: \"x\")])])",
        )
        .unwrap();
        let err = Prompts::load(Some(dir.path())).unwrap_err();
        assert!(
            err.path.ends_with("loop.ron") && err.start().line == 1,
            "{err:?}"
        );
    }
}
