//! The question bank, the level rubric, the drafting hints and the Leadership Principles.
//!
//! The files in `prompts/` are compiled into the binary so it works from any folder; a
//! `prompts/` folder beside the bank, or `--prompts DIR`, overrides them file by file.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::LoadError;
use crate::figures::FigureKind;
use crate::plan::loops::{Loop, LoopFile, LoopOrigin};
use crate::source::scan_fields;
use crate::story::Level;

const QUESTIONS: &str = include_str!("../prompts/questions.ron");
const LEVELS: &str = include_str!("../prompts/levels.ron");
const HINTS: &str = include_str!("../prompts/hints.ron");
const PRINCIPLES: &str = include_str!("../prompts/principles.ron");
const THESAURUS: &str = include_str!("../prompts/thesaurus.ron");
const LOOP: &str = include_str!("../prompts/loop.ron");

/// One interview question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub level: Level,
    pub text: String,
    /// Which dimension it probes (e.g. `leadership-culture`).
    pub theme: String,
    /// Which interview round of that level asks it.
    pub round: String,
    /// Concrete words a matching story tends to use: the search's query expansion.
    pub keywords: Vec<String>,
    /// What a strong answer at that level demonstrates.
    pub shows: String,
    /// The document it is quoted from, or "derived from <document>".
    pub source: String,
}

/// How a figure (or a story) reads against the rubric.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Reading {
    #[serde(rename = "below-L6")]
    BelowL6,
    L6,
    L7,
}

impl Reading {
    pub fn as_str(self) -> &'static str {
        match self {
            Reading::BelowL6 => "below-L6",
            Reading::L6 => "L6",
            Reading::L7 => "L7",
        }
    }

    pub fn of_level(level: Level) -> Reading {
        match level {
            Level::L6 => Reading::L6,
            Level::L7 => Reading::L7,
        }
    }
}

impl std::fmt::Display for Reading {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A documented alternative threshold pair (the documents disagree on L7 team size).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alternative {
    pub name: String,
    pub l6_from: f64,
    pub l7_from: f64,
    pub source: String,
}

/// The bands of one scope dimension: below `l6_from` reads below L6, from `l7_from` reads L7.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub kind: FigureKind,
    pub unit: String,
    pub l6_from: f64,
    pub l7_from: f64,
    pub below_l6: String,
    pub l6: String,
    pub l7: String,
    pub sources: Vec<String>,
    #[serde(default)]
    pub alternatives: Vec<Alternative>,
}

impl Dimension {
    pub fn read(&self, value: f64) -> Reading {
        if value >= self.l7_from {
            Reading::L7
        } else if value >= self.l6_from {
            Reading::L6
        } else {
            Reading::BelowL6
        }
    }

    /// The band text for a reading, e.g. "10-49 people".
    pub fn band(&self, reading: Reading) -> &str {
        match reading {
            Reading::BelowL6 => &self.below_l6,
            Reading::L6 => &self.l6,
            Reading::L7 => &self.l7,
        }
    }
}

/// The level rubric: one [`Dimension`] per figure kind it can read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rubric {
    pub dimensions: Vec<Dimension>,
    /// How the dimensions' readings combine into the story's reading.
    #[serde(default)]
    pub reading: Aggregation,
}

/// Which way a tie between two readings goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tie {
    Higher,
    Lower,
}

/// How a story's dimension readings combine (see `prompts/levels.ron`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Aggregation {
    /// The dimensions whose readings vote.
    pub voting: Vec<FigureKind>,
    /// Dimensions that vote only when the story states none of `voting`.
    pub fallback: Vec<FigureKind>,
    /// The story reads at the median vote; with an even number of votes, `ties` picks which
    /// of the middle two.
    pub ties: Tie,
}

impl Default for Aggregation {
    fn default() -> Self {
        Aggregation {
            voting: vec![
                FigureKind::TeamSize,
                FigureKind::HorizonMonths,
                FigureKind::Dollars,
            ],
            fallback: vec![
                FigureKind::Teams,
                FigureKind::BusinessUnits,
                FigureKind::Managers,
            ],
            ties: Tie::Higher,
        }
    }
}

impl Rubric {
    pub fn dimension(&self, kind: FigureKind) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.kind == kind)
    }

    pub fn dimension_mut(&mut self, kind: FigureKind) -> Option<&mut Dimension> {
        self.dimensions.iter_mut().find(|d| d.kind == kind)
    }
}

/// Drafting hints shown in a new story's empty sections.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hints {
    pub situation: String,
    pub task: String,
    pub action: String,
    pub result: String,
}

impl Hints {
    pub fn for_section(&self, section: crate::story::Section) -> &str {
        use crate::story::Section;
        match section {
            Section::Situation => &self.situation,
            Section::Task => &self.task,
            Section::Action => &self.action,
            Section::Result => &self.result,
        }
    }
}

/// One concept interviewers ask about: the words of a question that name it, and the words
/// stories use when they answer it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Concept {
    pub name: String,
    pub asks: Vec<String>,
    pub stories: Vec<String>,
    /// Phrases in the narrator's voice that mark a story as being about the concept ("we
    /// missed the date", "I pushed back"): each one a story says counts toward the concept.
    #[serde(default)]
    pub cues: Vec<String>,
}

/// The behavioral-question thesaurus (`prompts/thesaurus.ron`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Thesaurus {
    pub concepts: Vec<Concept>,
}

/// Everything from `prompts/`.
#[derive(Debug, Clone)]
pub struct Prompts {
    pub questions: Vec<Question>,
    pub rubric: Rubric,
    pub hints: Hints,
    pub principles: Vec<String>,
    pub thesaurus: Thesaurus,
    /// The interview loop of each level (`loop.ron`).
    pub loops: Vec<Loop>,
    /// Where `loops` was read, to locate a problem in it.
    pub loops_origin: LoopOrigin,
}

impl Prompts {
    /// The prompts compiled into the binary.
    pub fn builtin() -> Prompts {
        // The built-in files are tested to parse, so a failure here is a build defect.
        Prompts {
            questions: parse_prompt_file(Path::new("prompts/questions.ron"), QUESTIONS)
                .expect("built-in questions.ron parses"),
            rubric: parse_prompt_file(Path::new("prompts/levels.ron"), LEVELS)
                .expect("built-in levels.ron parses"),
            hints: parse_prompt_file(Path::new("prompts/hints.ron"), HINTS)
                .expect("built-in hints.ron parses"),
            principles: parse_prompt_file(Path::new("prompts/principles.ron"), PRINCIPLES)
                .expect("built-in principles.ron parses"),
            thesaurus: parse_prompt_file(Path::new("prompts/thesaurus.ron"), THESAURUS)
                .expect("built-in thesaurus.ron parses"),
            loops: parse_prompt_file::<LoopFile>(Path::new("prompts/loop.ron"), LOOP)
                .expect("built-in loop.ron parses")
                .loops,
            loops_origin: LoopOrigin::new(Path::new("prompts/loop.ron"), LOOP),
        }
    }

    /// The built-in prompts, with each file overridden by the one in `dir` if it exists.
    pub fn load(dir: Option<&Path>) -> Result<Prompts, LoadError> {
        let mut prompts = Prompts::builtin();
        let Some(dir) = dir else { return Ok(prompts) };
        if let Some(questions) = read_override(&dir.join("questions.ron"))? {
            prompts.questions = questions;
        }
        if let Some(rubric) = read_override(&dir.join("levels.ron"))? {
            prompts.rubric = rubric;
        }
        if let Some(hints) = read_override(&dir.join("hints.ron"))? {
            prompts.hints = hints;
        }
        if let Some(principles) = read_override(&dir.join("principles.ron"))? {
            prompts.principles = principles;
        }
        if let Some(thesaurus) = read_override(&dir.join("thesaurus.ron"))? {
            prompts.thesaurus = thesaurus;
        }
        let loop_path = dir.join("loop.ron");
        if let Some(text) = read_text(&loop_path)? {
            prompts.loops = parse_prompt_file::<LoopFile>(&loop_path, &text)?.loops;
            prompts.loops_origin = LoopOrigin::new(&loop_path, &text);
        }
        Ok(prompts)
    }

    /// Where prompts are read from: `--prompts DIR`, else a `prompts/` folder beside the bank.
    pub fn discover(explicit: Option<&Path>, bank: &Path) -> Option<PathBuf> {
        if let Some(dir) = explicit {
            return Some(dir.to_path_buf());
        }
        let bank = if bank.as_os_str().is_empty() {
            Path::new(".")
        } else {
            bank
        };
        let beside = bank.canonicalize().ok()?.parent()?.join("prompts");
        beside.is_dir().then_some(beside)
    }

    /// The text of a built-in prompts file by its name (`questions.ron`, ...), for a reader
    /// who wants to see the record behind a question (the language server's go to definition).
    pub fn builtin_source(file_name: &str) -> Option<&'static str> {
        match file_name {
            "questions.ron" => Some(QUESTIONS),
            "levels.ron" => Some(LEVELS),
            "hints.ron" => Some(HINTS),
            "principles.ron" => Some(PRINCIPLES),
            "thesaurus.ron" => Some(THESAURUS),
            _ => None,
        }
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn questions_of(&self, level: Option<Level>) -> impl Iterator<Item = &Question> {
        self.questions
            .iter()
            .filter(move |q| level.is_none_or(|level| q.level == level))
    }
}

fn read_override<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<Option<T>, LoadError> {
    match read_text(path)? {
        Some(text) => parse_prompt_file(path, &text).map(Some),
        None => Ok(None),
    }
}

/// A prompts file's text; `None` when there is no such file.
fn read_text(path: &Path) -> Result<Option<String>, LoadError> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(LoadError::io(path, &err)),
    }
}

/// Parses a RON data file, turning errors into located [`LoadError`]s.
pub fn parse_prompt_file<T: for<'de> Deserialize<'de>>(
    path: &Path,
    text: &str,
) -> Result<T, LoadError> {
    // As for a story: old-Mac lone `\r` line ends read as `\n` (offsets unchanged).
    let text = &crate::source::lone_carriage_returns_as_newlines(text);
    crate::story::ron_options()
        .from_str(text)
        .map_err(|err| LoadError::from_ron(path, text, &scan_fields(text), &err, &[]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_prompts_parse_and_are_consistent() {
        let prompts = Prompts::builtin();
        assert!(prompts.questions.len() >= 48);
        for level in Level::ALL {
            assert!(prompts.questions_of(Some(level)).count() >= 20, "{level}");
        }
        let mut ids: Vec<_> = prompts.questions.iter().map(|q| &q.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(
            ids.len(),
            prompts.questions.len(),
            "question ids are unique"
        );
        for kind in [
            FigureKind::TeamSize,
            FigureKind::HorizonMonths,
            FigureKind::Dollars,
        ] {
            let dim = prompts.rubric.dimension(kind).unwrap();
            assert!(dim.l6_from < dim.l7_from, "{kind:?}");
        }
    }

    #[test]
    fn rubric_reads_bands() {
        let rubric = Prompts::builtin().rubric;
        let team = rubric.dimension(FigureKind::TeamSize).unwrap();
        assert_eq!(team.read(8.0), Reading::BelowL6);
        assert_eq!(team.read(14.0), Reading::L6);
        assert_eq!(team.read(120.0), Reading::L7);
        let money = rubric.dimension(FigureKind::Dollars).unwrap();
        assert_eq!(money.read(3e6), Reading::L6);
        assert_eq!(money.read(40e6), Reading::L7);
    }
}
