//! The one place the workbench calls the analysis library (linter, search index), and the
//! worker thread that runs it so that a keystroke never waits on analysis.
//!
//! The TUI draws from the plain types here ([`StoryAnalysis`], [`StoryHit`], ...); the
//! conversions from the library's types live in [`Engine`], so a change in the library's API
//! is a change in this file only.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::{Config, Severity};
use crate::index::map::default_level;
use crate::index::map::BEST_PER_STORY;
use crate::index::persist;
use crate::index::{
    overused_stories, uncovered_questions, SearchQuery, StoryIndex, Strengths, ADEQUATE,
};
use crate::lint::{Diagnostic, Linter, StoryReport};
use crate::plan::loops::{loop_for, problems};
use crate::plan::{Plan, StoryFacts};
use crate::prompts::{Prompts, Reading};
use crate::source::StringLiteral;
use crate::story::{Level, Section, Story};

/// A figure in a section, and the level it reads at.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureMark {
    pub section: Section,
    /// Byte range in the section's decoded text.
    pub decoded: Range<usize>,
    pub text: String,
    pub kind: &'static str,
    pub reading: Reading,
    /// Only the narrator's scope counts toward the reading; other figures are shown dimmed.
    pub role: crate::figures::Role,
}

/// A lint finding, located in a section when it points at a phrase.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub code: String,
    pub severity: Severity,
    pub message: String,
    pub section: Option<Section>,
    /// Byte range in the section's decoded text.
    pub decoded: Option<Range<usize>>,
    /// Byte range in the story file (line and column are computed when shown).
    pub span: Option<Range<usize>>,
}

/// How well a story answers a question, 0..=1 (comparable across questions).
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionScore {
    pub question: String,
    pub score: f32,
    /// The story names the question in its `questions:` list.
    pub linked: bool,
}

/// A story that matches a question, 0..=1.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryScore {
    /// Shared by every question's entry for the story: a bank of 10,000 stories has about
    /// half a million entries, and a path each was a tenth of the whole-bank analysis.
    pub path: Arc<Path>,
    pub score: f32,
    pub linked: bool,
}

/// Everything the workbench shows about one story.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoryAnalysis {
    pub reads_at: Option<Reading>,
    pub figures: Vec<FigureMark>,
    pub findings: Vec<Finding>,
    /// Best first.
    pub questions: Vec<QuestionScore>,
}

impl StoryAnalysis {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

/// A search result.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryHit {
    pub path: PathBuf,
    pub score: f32,
    pub snippet: String,
    /// Byte ranges in `snippet` of the matched words.
    pub highlights: Vec<Range<usize>>,
    pub matched_terms: Vec<String>,
}

/// The whole bank, analysed.
#[derive(Debug, Clone)]
pub struct BankAnalysis {
    pub stories: HashMap<PathBuf, StoryAnalysis>,
    pub findings: Vec<Finding>,
    /// Question id -> stories, explicit links first, then by strength.
    pub by_question: HashMap<String, Vec<StoryScore>>,
    /// Questions with no adequate story.
    pub uncovered: Vec<String>,
    /// Stories that are the best answer to too many questions, with how many.
    pub overused: Vec<(PathBuf, usize)>,
    /// The loop plan of the bank's level (the Loop view), or why there is none.
    pub plan: Result<Plan, String>,
}

impl Default for BankAnalysis {
    fn default() -> BankAnalysis {
        BankAnalysis {
            stories: HashMap::new(),
            findings: Vec::new(),
            by_question: HashMap::new(),
            uncovered: Vec::new(),
            overused: Vec::new(),
            plan: Err("analysing…".into()),
        }
    }
}

/// What the plan needs of the stories, from the analysis just made.
struct AnalysedFacts<'a> {
    stories: &'a [Story],
    level: Option<Level>,
    analyses: &'a HashMap<PathBuf, StoryAnalysis>,
}

impl StoryFacts for AnalysedFacts<'_> {
    fn target_level(&self, story_id: &str) -> Option<Level> {
        let story = self.stories.iter().find(|s| s.id == story_id)?;
        story.level.or(self.level)
    }

    fn reads_at(&self, story_id: &str) -> Option<Reading> {
        let story = self.stories.iter().find(|s| s.id == story_id)?;
        self.analyses.get(&story.path)?.reads_at
    }
}

/// The strength from which a story counts as an adequate answer to a question.
pub const COVERED: f32 = ADEQUATE;

/// What the workbench asks the worker.
#[derive(Debug, Clone)]
pub enum Request {
    /// Re-analyse every story and rebuild the index.
    Bank {
        generation: u64,
        stories: Arc<Vec<Story>>,
    },
    /// Analyse one story (a draft while editing, or a file that changed).
    Story { generation: u64, story: Box<Story> },
    /// A story file is gone.
    Removed { id: String },
    /// Free-text search over the stories.
    Search {
        generation: u64,
        text: String,
        level: Option<Level>,
    },
    /// The ranked stories for one question.
    Question { generation: u64, question: String },
    /// The bank's `starbank.ron` changed: lint with this config from now on.
    Config { config: Box<Config> },
}

/// What the worker answers.
#[derive(Debug, Clone)]
pub enum Response {
    Bank {
        generation: u64,
        analysis: Box<BankAnalysis>,
    },
    Story {
        generation: u64,
        path: PathBuf,
        analysis: StoryAnalysis,
    },
    Search {
        generation: u64,
        hits: Vec<StoryHit>,
    },
    Question {
        generation: u64,
        question: String,
        hits: Vec<StoryHit>,
    },
}

/// The analysis state: the linter, and the search index of the bank as last seen.
pub struct Engine {
    prompts: Arc<Prompts>,
    config: Config,
    linter: Linter,
    root: PathBuf,
    index: Option<StoryIndex>,
    /// Story id -> path, for the index's answers (which name stories by id).
    paths: HashMap<String, PathBuf>,
}

impl Engine {
    pub fn new(prompts: Arc<Prompts>, config: Config, root: PathBuf) -> Engine {
        Engine {
            linter: Linter::new(&prompts, &config),
            prompts,
            config,
            root,
            index: None,
            paths: HashMap::new(),
        }
    }

    /// Lints with `config` from now on (the bank's `starbank.ron` changed).
    pub fn set_config(&mut self, config: Config) {
        self.linter = Linter::new(&self.prompts, &config);
        self.config = config;
    }

    pub fn analyse_bank(&mut self, stories: Arc<Vec<Story>>) -> BankAnalysis {
        self.paths = stories
            .iter()
            .map(|s| (s.id.clone(), s.path.clone()))
            .collect();
        // An index failure is a tantivy defect, not bad input: the workbench keeps working
        // without search rather than stop.
        // The index is opened (or built) while the stories are read and linted: neither
        // needs the other.
        let (index, analysed) = rayon::join(
            || self.open_index(&stories),
            || self.linter.analyse_stories(&stories),
        );
        self.index = index;
        // Every question scored once: the workbench's map of every question and the coverage
        // rules' map of the bank's level are both made from these strengths.
        let strengths = self
            .index
            .as_ref()
            .map(|index| Strengths::score(index, &stories, &self.prompts, None));
        let (map, report) = match &strengths {
            Some(strengths) => rayon::join(
                || Some(strengths.map_scored(&stories, &self.prompts, None)),
                || {
                    let coverage = self.linter.coverage_map(strengths, &stories);
                    let (root, errors) = (&self.root, Vec::new());
                    let linter = &self.linter;
                    linter.finish(root, &stories, analysed, errors, true, coverage.as_ref())
                },
            ),
            // Without an index the linter makes its own map, as `lint` does.
            None => (
                None,
                self.linter.lint_stories_with_coverage(
                    &self.root,
                    &stories,
                    Vec::new(),
                    true,
                    None,
                ),
            ),
        };
        // The map's stories are in the bank's order: one lookup per story, not a scan.
        let matches_of: HashMap<&str, &crate::index::StoryMatches> = map
            .iter()
            .flat_map(|map| &map.stories)
            .map(|matches| (matches.story_id.as_str(), matches))
            .collect();
        // Each story's analysis on all cores (placing its findings in its sections is most of
        // it), then keyed by path.
        let made: Vec<StoryAnalysis> = stories
            .par_iter()
            .zip(report.stories)
            .map(|(story, story_report)| {
                let questions = matches_of
                    .get(story.id.as_str())
                    .map(|matches| {
                        matches
                            .best
                            .iter()
                            .map(|q| QuestionScore {
                                question: q.question_id.clone(),
                                score: q.score,
                                linked: q.linked,
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                story_analysis(story, story_report, questions)
            })
            .collect();
        let mut analyses: HashMap<PathBuf, StoryAnalysis> = stories
            .iter()
            .map(|story| story.path.clone())
            .zip(made)
            .collect();
        let by_path: HashMap<&std::path::Path, &Story> = stories
            .iter()
            .map(|story| (story.path.as_path(), story))
            .collect();
        let mut findings = Vec::new();
        for diagnostic in &report.bank {
            match by_path.get(diagnostic.path.as_path()).copied() {
                // A bank finding about one story (a duplicate title) shows with that story.
                Some(story) => {
                    if let Some(analysis) = analyses.get_mut(&story.path) {
                        analysis.findings.push(finding(Some(story), diagnostic));
                    }
                }
                None => findings.push(finding(None, diagnostic)),
            }
        }
        let mut by_question: HashMap<String, Vec<StoryScore>> = HashMap::new();
        let mut uncovered = Vec::new();
        let mut overused = Vec::new();
        if let Some(map) = &map {
            let shared: HashMap<&str, Arc<Path>> = self
                .paths
                .iter()
                .map(|(id, path)| (id.as_str(), Arc::from(path.as_path())))
                .collect();
            // Every story the map ranks for each question (`map_scored`: each with a strength
            // or a link), the questions on all cores.
            let ranked: Vec<Vec<StoryScore>> = map
                .questions
                .par_iter()
                .map(|question| {
                    question
                        .ranked
                        .iter()
                        .filter_map(|m| {
                            Some(StoryScore {
                                path: Arc::clone(shared.get(m.story_id.as_str())?),
                                score: m.score,
                                linked: m.linked,
                            })
                        })
                        .collect()
                })
                .collect();
            for (question, ranked) in map.questions.iter().zip(ranked) {
                by_question.insert(question.question_id.clone(), ranked);
            }
            uncovered = uncovered_questions(map)
                .into_iter()
                .map(|q| q.question_id)
                .collect();
            overused = overused_stories(map, self.config.max_questions_per_story)
                .into_iter()
                .map(|s| (s.path, s.questions.len()))
                .collect();
        }
        let plan = match &map {
            Some(map) => self.plan(&stories, map, &analyses),
            None => Err("the search index could not be built, so there is no plan".into()),
        };
        // The map and the report's bank findings are freed on a pool thread: the analysed
        // frame need not wait for hundreds of thousands of entries to be freed.
        drop(matches_of);
        drop(by_path);
        let leftovers = (map, report.bank);
        rayon::spawn(move || drop(leftovers));
        BankAnalysis {
            stories: analyses,
            findings,
            by_question,
            uncovered,
            overused,
            plan,
        }
    }

    /// The bank's search index: the one kept on disk in the bank folder (as `lint` and
    /// `search` keep it), brought up to date and copied into memory, so that a bank opened
    /// again is not indexed again; else one built in memory.
    fn open_index(&self, stories: &Arc<Vec<Story>>) -> Option<StoryIndex> {
        if !stories.is_empty() {
            if let Some(opened) = persist::open_loaded_in_memory(&self.root, stories, &self.prompts)
            {
                return Some(opened.index);
            }
        }
        StoryIndex::build(stories, &self.prompts).ok()
    }

    /// The loop plan of the bank's level (its `level`, else its stories' most common), as
    /// `starbank plan` makes it.
    fn plan(
        &self,
        stories: &[Story],
        map: &crate::index::BankMap,
        analyses: &HashMap<PathBuf, StoryAnalysis>,
    ) -> Result<Plan, String> {
        let level = default_level(None, self.config.level, stories).unwrap_or(Level::L6);
        let Some((looped, origin)) = loop_for(
            level,
            &self.config.loops,
            &self.config.loops_origin,
            &self.prompts.loops,
            &self.prompts.loops_origin,
        ) else {
            return Err(format!("no {level} loop in loop.ron"));
        };
        if let Some(problem) = problems(looped, origin, &self.prompts.questions).first() {
            return Err(problem.to_string());
        }
        let facts = AnalysedFacts {
            stories,
            level: self.config.level,
            analyses,
        };
        Ok(crate::plan::plan(
            looped,
            &self.prompts.questions,
            map,
            &facts,
        ))
    }

    /// Lints one story and ranks the questions it answers. The index takes the story's text
    /// too, so searches see what the user sees.
    pub fn analyse_story(&mut self, story: &Story) -> StoryAnalysis {
        let report = self.linter.lint_story(story);
        self.paths.insert(story.id.clone(), story.path.clone());
        let mut questions = Vec::new();
        if let Some(index) = &mut self.index {
            if index.update_story(story).is_ok() {
                for question in &self.prompts.questions {
                    let linked = story.questions.iter().any(|q| q == &question.id);
                    let score = index.story_strength(&question.id, &story.id);
                    if linked || score >= ADEQUATE {
                        questions.push(QuestionScore {
                            question: question.id.clone(),
                            score,
                            linked,
                        });
                    }
                }
            }
        }
        questions.sort_by(|a, b| b.linked.cmp(&a.linked).then(b.score.total_cmp(&a.score)));
        questions.truncate(BEST_PER_STORY.max(5));
        story_analysis(story, report, questions)
    }

    /// Forgets a story that is gone from disk.
    pub fn remove_story(&mut self, id: &str) {
        if let Some(index) = &mut self.index {
            let _ = index.remove_story(id);
        }
    }

    pub fn search(&self, text: &str, level: Option<Level>) -> Vec<StoryHit> {
        let query = SearchQuery {
            level,
            limit: 50,
            ..SearchQuery::text(text)
        };
        self.hits(&query)
    }

    pub fn question_stories(&self, question: &str) -> Vec<StoryHit> {
        let query = SearchQuery {
            limit: 20,
            ..SearchQuery::question(question)
        };
        self.hits(&query)
    }

    fn hits(&self, query: &SearchQuery) -> Vec<StoryHit> {
        let Some(index) = &self.index else {
            return Vec::new();
        };
        index
            .search(query)
            .into_iter()
            .map(|hit| StoryHit {
                path: self.paths.get(&hit.id).cloned().unwrap_or(hit.path),
                score: hit.strength,
                snippet: hit.snippet,
                highlights: hit.highlights,
                matched_terms: hit.matched_terms,
            })
            .collect()
    }
}

fn story_analysis(
    story: &Story,
    report: StoryReport,
    questions: Vec<QuestionScore>,
) -> StoryAnalysis {
    StoryAnalysis {
        reads_at: report.reads_at,
        figures: report
            .figures
            .into_iter()
            .map(|figure| FigureMark {
                section: figure.section,
                kind: figure.figure.kind.as_str(),
                decoded: figure.decoded,
                text: figure.text,
                reading: figure.reads_at,
                role: figure.figure.role,
            })
            .collect(),
        findings: report
            .diagnostics
            .iter()
            .map(|d| finding(Some(story), d))
            .collect(),
        questions,
    }
}

/// A linter diagnostic as the workbench shows it: placed in its section's decoded text so
/// Enter can jump to the phrase.
fn finding(story: Option<&Story>, diagnostic: &Diagnostic) -> Finding {
    let decoded = match (story, diagnostic.section, &diagnostic.span) {
        (Some(story), Some(section), Some(span)) => story
            .section_literal(section)
            .filter(|literal| literal.value == story.section(section))
            .filter(|literal| {
                literal.content.start <= span.start && span.end <= literal.content.end
            })
            .map(|literal| decoded_offset(literal, span.start)..decoded_offset(literal, span.end)),
        _ => None,
    };
    Finding {
        code: diagnostic.code.to_string(),
        severity: diagnostic.severity,
        message: diagnostic.message.clone(),
        section: diagnostic.section,
        decoded,
        span: diagnostic.span.clone(),
    }
}

/// The decoded offset in `literal` of a file offset (the inverse of `source_offset`).
pub fn decoded_offset(literal: &StringLiteral, file_offset: usize) -> usize {
    let value = &literal.value;
    let boundaries: Vec<usize> = value
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(value.len()))
        .collect();
    let index = boundaries.partition_point(|&d| literal.source_offset(d) <= file_offset);
    boundaries[index.saturating_sub(1)]
}

/// The workbench's end of the worker: send requests, poll responses, never block.
pub struct Worker {
    requests: Sender<Request>,
    responses: Receiver<Reply>,
    /// Requests sent and not yet answered (coalesced requests count as answered).
    pending: usize,
}

impl Worker {
    pub fn spawn(engine: Engine) -> Worker {
        let (request_tx, request_rx) = mpsc::channel::<Request>();
        let (response_tx, response_rx) = mpsc::channel::<Reply>();
        std::thread::Builder::new()
            .name("starbank-analysis".into())
            .spawn(move || serve(engine, request_rx, response_tx))
            .expect("spawn the analysis thread");
        Worker {
            requests: request_tx,
            responses: response_rx,
            pending: 0,
        }
    }

    pub fn send(&mut self, request: Request) {
        if self.requests.send(request).is_ok() {
            self.pending += 1;
        }
    }

    /// Answers that have arrived, without waiting.
    pub fn poll(&mut self) -> Vec<Response> {
        let mut out = Vec::new();
        loop {
            match self.responses.try_recv() {
                Ok(Reply::Answer(response)) => out.push(response),
                Ok(Reply::Done(count)) => self.pending = self.pending.saturating_sub(count),
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => break,
            }
        }
        out
    }

    pub fn is_idle(&self) -> bool {
        self.pending == 0
    }

    /// Waits for every request to be answered (tests and benchmarks only).
    pub fn wait_idle(&mut self, timeout: std::time::Duration) -> Vec<Response> {
        let deadline = std::time::Instant::now() + timeout;
        let mut out = Vec::new();
        while self.pending > 0 {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.responses.recv_timeout(left) {
                Ok(Reply::Answer(response)) => out.push(response),
                Ok(Reply::Done(count)) => self.pending = self.pending.saturating_sub(count),
                Err(_) => break,
            }
        }
        out
    }
}

/// A worker message: an answer, or how many requests a batch finished.
enum Reply {
    Answer(Response),
    Done(usize),
}

fn serve(mut engine: Engine, requests: Receiver<Request>, replies: Sender<Reply>) {
    while let Ok(first) = requests.recv() {
        // Coalesce: only the latest of each kind of request matters.
        let mut batch = vec![first];
        while let Ok(more) = requests.try_recv() {
            batch.push(more);
        }
        let count = batch.len();
        let mut bank = None;
        let mut stories: Vec<(u64, Box<Story>)> = Vec::new();
        let mut search = None;
        let mut question = None;
        for request in batch {
            match request {
                Request::Bank {
                    generation,
                    stories,
                } => bank = Some((generation, stories)),
                Request::Story { generation, story } => {
                    stories.retain(|(_, s)| s.path != story.path);
                    stories.push((generation, story));
                }
                Request::Removed { id } => engine.remove_story(&id),
                Request::Config { config } => engine.set_config(*config),
                Request::Search {
                    generation,
                    text,
                    level,
                } => search = Some((generation, text, level)),
                Request::Question {
                    generation,
                    question: q,
                } => question = Some((generation, q)),
            }
        }
        let send = |answer| replies.send(Reply::Answer(answer)).is_ok();
        if let Some((generation, all)) = bank {
            let analysis = Box::new(engine.analyse_bank(all));
            if !send(Response::Bank {
                generation,
                analysis,
            }) {
                return;
            }
        }
        for (generation, story) in stories {
            let analysis = engine.analyse_story(&story);
            send(Response::Story {
                generation,
                path: story.path.clone(),
                analysis,
            });
        }
        if let Some((generation, text, level)) = search {
            let hits = engine.search(&text, level);
            send(Response::Search { generation, hits });
        }
        if let Some((generation, q)) = question {
            let hits = engine.question_stories(&q);
            send(Response::Question {
                generation,
                question: q,
                hits,
            });
        }
        if replies.send(Reply::Done(count)).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn decoded_offset_inverts_source_offset() {
        let src = "(title: \"T\", situation: \"a\\\"b\\nc d\")";
        let story = Story::parse(Path::new("s.ron"), src.to_string()).unwrap();
        let literal = story.section_literal(Section::Situation).unwrap();
        for (decoded, _) in literal.value.char_indices() {
            let file = literal.source_offset(decoded);
            assert_eq!(decoded_offset(literal, file), decoded);
        }
    }
}
