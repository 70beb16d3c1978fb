//! Practice history: each time the candidate told a story for a question and how they rated
//! the telling (1-4), kept in `<bank>/.starbank/practice.ron`, and which question to practise
//! next (the weakest, then the least recently practised).
//!
//! The file is written whole to a temporary name and renamed over the old one, so a crash
//! leaves the old history or the new, never half. A file that does not parse is kept aside
//! as `practice.ron.bad` and a fresh history started, and the user is told: history is never
//! silently lost.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The history file, below the bank.
pub const PRACTICE_FILE: &str = ".starbank/practice.ron";

/// A rating: 1 (could not tell it) to 4 (told it well, in time).
pub const RATINGS: std::ops::RangeInclusive<u8> = 1..=4;

/// One practice round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    pub question: String,
    /// The story the plan gave the question (none when the bank had none for it).
    pub story: Option<String>,
    /// 1-4.
    pub rating: u8,
    /// Seconds since the Unix epoch.
    pub at: u64,
    /// How long the telling took, in seconds.
    pub seconds: u32,
}

/// Every round practised, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct History {
    pub attempts: Vec<Attempt>,
    /// Set when the file on disk could not be read: saving would overwrite history we
    /// could not see, so nothing is saved.
    #[serde(skip)]
    pub unreadable: bool,
}

/// A story's practice so far, for the Loop view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StoryRecord {
    /// When it was last practised (seconds since the epoch).
    pub last: u64,
    pub last_rating: u8,
    /// The last rating minus the one before (0 with a single attempt).
    pub trend: i8,
    pub times: usize,
}

impl History {
    /// The history of the bank at `root`. A missing file is an empty history; one that does
    /// not parse is moved aside to `practice.ron.bad` and the second value says so.
    pub fn load(root: &Path) -> (History, Option<String>) {
        let path = root.join(PRACTICE_FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                return (History::default(), None)
            }
            Err(err) => {
                let history = History {
                    unreadable: true,
                    ..History::default()
                };
                return (
                    history,
                    Some(format!(
                        "cannot read {}: {err}; practice is not being recorded",
                        path.display()
                    )),
                );
            }
        };
        match ron::from_str::<History>(&text) {
            Ok(history) => (history, None),
            Err(err) => {
                let aside = free_aside(&path);
                let note = match std::fs::rename(&path, &aside) {
                    Ok(()) => format!(
                        "{} did not parse ({err}); it is kept as {} and a fresh history started",
                        path.display(),
                        aside.display()
                    ),
                    Err(move_err) => format!(
                        "{} did not parse ({err}) and could not be moved aside ({move_err})",
                        path.display()
                    ),
                };
                (History::default(), Some(note))
            }
        }
    }

    /// Writes the history to the bank at `root`: to a temporary file of this process,
    /// flushed to disk, then renamed over the old one.
    pub fn save(&self, root: &Path) -> std::io::Result<PathBuf> {
        let path = root.join(PRACTICE_FILE);
        if self.unreadable {
            return Err(std::io::Error::other(format!(
                "{} could not be read, so it is left as it is",
                path.display()
            )));
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .map_err(std::io::Error::other)?;
        let partial = path.with_extension(format!("ron.{}.partial", std::process::id()));
        let written = (|| {
            use std::io::Write;
            let mut file = std::fs::File::create(&partial)?;
            file.write_all(text.as_bytes())?;
            file.sync_all()?;
            std::fs::rename(&partial, &path)
        })();
        if written.is_err() {
            let _ = std::fs::remove_file(&partial);
        }
        written.map(|()| path)
    }

    pub fn record(&mut self, attempt: Attempt) {
        self.attempts.push(attempt);
    }

    /// Each story's record, by story id.
    pub fn by_story(&self) -> HashMap<&str, StoryRecord> {
        let mut found: HashMap<&str, StoryRecord> = HashMap::new();
        for attempt in &self.attempts {
            let Some(story) = attempt.story.as_deref() else {
                continue;
            };
            let entry = found.entry(story).or_insert(StoryRecord {
                last: attempt.at,
                last_rating: attempt.rating,
                trend: 0,
                times: 0,
            });
            if entry.times > 0 {
                entry.trend = attempt.rating as i8 - entry.last_rating as i8;
            }
            entry.last = attempt.at;
            entry.last_rating = attempt.rating;
            entry.times += 1;
        }
        found
    }

    /// Which of `questions` to practise next: never practised first, then the lowest last
    /// rating, then the longest ago; ties in the order given.
    pub fn next<'a>(&self, questions: &[&'a str]) -> Option<&'a str> {
        let mut last: HashMap<&str, (u8, u64)> = HashMap::new();
        for attempt in &self.attempts {
            last.insert(attempt.question.as_str(), (attempt.rating, attempt.at));
        }
        questions
            .iter()
            .enumerate()
            .min_by_key(|(order, question)| match last.get(**question) {
                None => (0, 0, 0, *order),
                Some((rating, at)) => (1, *rating, *at, *order),
            })
            .map(|(_, question)| *question)
    }
}

/// `practice.ron.bad`, or `practice.ron.bad-2`, `-3`, ... when an earlier one is kept: a
/// second corrupt file never replaces the first.
fn free_aside(path: &Path) -> PathBuf {
    let first = path.with_extension("ron.bad");
    if !first.exists() {
        return first;
    }
    (2..)
        .map(|n| path.with_extension(format!("ron.bad-{n}")))
        .find(|candidate| !candidate.exists())
        .unwrap_or(first)
}

/// Seconds since the Unix epoch, now.
pub fn now_seconds() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attempt(question: &str, story: &str, rating: u8, at: u64) -> Attempt {
        Attempt {
            question: question.into(),
            story: Some(story.into()),
            rating,
            at,
            seconds: 120,
        }
    }

    #[test]
    fn the_next_question_is_new_then_weakest_then_oldest() {
        let mut history = History::default();
        assert_eq!(history.next(&["a", "b"]), Some("a"));
        history.record(attempt("a", "s1", 4, 10));
        assert_eq!(history.next(&["a", "b"]), Some("b"));
        history.record(attempt("b", "s2", 2, 20));
        assert_eq!(history.next(&["a", "b"]), Some("b"), "the weaker");
        history.record(attempt("b", "s2", 4, 30));
        assert_eq!(history.next(&["a", "b"]), Some("a"), "the older of two 4s");
        assert_eq!(history.next(&[]), None);
    }

    #[test]
    fn a_story_record_has_its_last_rating_and_trend() {
        let mut history = History::default();
        history.record(attempt("a", "s1", 2, 10));
        history.record(attempt("b", "s1", 3, 20));
        let record = history.by_story()["s1"];
        assert_eq!(
            (record.last, record.last_rating, record.trend, record.times),
            (20, 3, 1, 2)
        );
    }

    #[test]
    fn history_survives_a_round_trip_and_a_corrupt_file_is_kept_aside() {
        let dir = tempfile::tempdir().unwrap();
        let mut history = History::default();
        history.record(attempt("a", "s1", 3, 10));
        history.save(dir.path()).unwrap();
        let (loaded, note) = History::load(dir.path());
        assert_eq!(loaded, history);
        assert_eq!(note, None);
        let file = dir.path().join(PRACTICE_FILE);
        std::fs::write(&file, "(attempts: [ (question: ").unwrap();
        let (loaded, note) = History::load(dir.path());
        assert_eq!(loaded, History::default());
        assert!(note.unwrap().contains("practice.ron.bad"));
        assert_eq!(
            std::fs::read_to_string(file.with_extension("ron.bad")).unwrap(),
            "(attempts: [ (question: "
        );
        assert!(!file.exists(), "a fresh history starts");
        // A second corrupt file is kept beside the first, never over it.
        std::fs::write(&file, "second").unwrap();
        History::load(dir.path());
        assert_eq!(
            std::fs::read_to_string(file.with_extension("ron.bad")).unwrap(),
            "(attempts: [ (question: "
        );
        assert_eq!(
            std::fs::read_to_string(file.with_extension("ron.bad-2")).unwrap(),
            "second"
        );
    }

    #[test]
    fn an_unreadable_history_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(PRACTICE_FILE);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        let bytes =
            b"(attempts: [(question: \"a\", story: None, rating: 3, at: 1, seconds: 9)]) \xff";
        std::fs::write(&file, bytes).unwrap();
        let (mut history, note) = History::load(dir.path());
        assert!(note.unwrap().contains("not being recorded"));
        history.record(attempt("b", "s1", 4, 20));
        assert!(history.save(dir.path()).is_err());
        assert_eq!(std::fs::read(&file).unwrap(), bytes);
    }
}
