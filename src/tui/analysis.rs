//! The one place the workbench calls the analysis library (linter, search index), and the
//! worker thread that runs it so that a keystroke never waits on analysis.
//!
//! The TUI draws from the plain types here ([`StoryAnalysis`], [`StoryHit`], ...); the
//! conversions from the library's types live in [`Engine`], so a change in the library's API
//! is a change in this file only.

use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::sync::Arc;

use crate::config::{Config, Severity};
use crate::lint::{Diagnostic, Linter, StoryReport};
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
    pub line: usize,
    pub column: usize,
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
    pub path: PathBuf,
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
#[derive(Debug, Clone, Default)]
pub struct BankAnalysis {
    pub stories: HashMap<PathBuf, StoryAnalysis>,
    pub findings: Vec<Finding>,
    /// Question id -> stories, best first.
    pub by_question: HashMap<String, Vec<StoryScore>>,
}

/// The score from which a story counts as an adequate answer to a question.
pub const COVERED: f32 = 0.5;

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
    /// Free-text search over the stories.
    Search {
        generation: u64,
        text: String,
        level: Option<Level>,
    },
    /// The ranked stories for one question.
    Question { generation: u64, question: String },
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

/// The analysis state: the linter, and the index of the last bank it saw.
pub struct Engine {
    prompts: Arc<Prompts>,
    linter: Linter,
    root: PathBuf,
    stories: Arc<Vec<Story>>,
    fallback: fallback::Index,
}

impl Engine {
    pub fn new(prompts: Arc<Prompts>, config: Config, root: PathBuf) -> Engine {
        Engine {
            linter: Linter::new(&prompts, &config),
            fallback: fallback::Index::default(),
            prompts,
            root,
            stories: Arc::new(Vec::new()),
        }
    }

    pub fn analyse_bank(&mut self, stories: Arc<Vec<Story>>) -> BankAnalysis {
        self.fallback = fallback::Index::build(&stories);
        self.stories = stories;
        let mut by_question: HashMap<String, Vec<StoryScore>> = HashMap::new();
        for question in &self.prompts.questions {
            let mut ranked: Vec<StoryScore> = self
                .stories
                .iter()
                .enumerate()
                .map(|(i, story)| StoryScore {
                    path: story.path.clone(),
                    score: self.fallback.question_score(question, i),
                    linked: story.questions.iter().any(|q| q == &question.id),
                })
                .filter(|s| s.linked || s.score > 0.0)
                .collect();
            ranked.sort_by(|a, b| b.linked.cmp(&a.linked).then(b.score.total_cmp(&a.score)));
            ranked.truncate(10);
            by_question.insert(question.id.clone(), ranked);
        }
        let report = self
            .linter
            .lint_stories(&self.root, &self.stories, Vec::new(), true);
        let mut analyses: HashMap<PathBuf, StoryAnalysis> = HashMap::new();
        for (story, story_report) in self.stories.iter().zip(report.stories) {
            let analysis = self.story_analysis(story, story_report);
            analyses.insert(story.path.clone(), analysis);
        }
        let mut findings = Vec::new();
        for diagnostic in &report.bank {
            match self.stories.iter().find(|s| s.path == diagnostic.path) {
                // A bank finding about one story (a duplicate title) shows with that story.
                Some(story) => {
                    if let Some(analysis) = analyses.get_mut(&story.path) {
                        analysis.findings.push(finding(Some(story), diagnostic));
                    }
                }
                None => findings.push(finding(None, diagnostic)),
            }
        }
        BankAnalysis {
            stories: analyses,
            findings,
            by_question,
        }
    }

    pub fn analyse_story(&self, story: &Story) -> StoryAnalysis {
        self.story_analysis(story, self.linter.lint_story(story))
    }

    fn story_analysis(&self, story: &Story, report: StoryReport) -> StoryAnalysis {
        let terms = fallback::story_terms(story);
        let mut questions: Vec<QuestionScore> = self
            .prompts
            .questions
            .iter()
            .map(|question| QuestionScore {
                question: question.id.clone(),
                score: fallback::score_terms(question, &terms),
                linked: story.questions.iter().any(|q| q == &question.id),
            })
            .filter(|q| q.linked || q.score > 0.0)
            .collect();
        questions.sort_by(|a, b| b.linked.cmp(&a.linked).then(b.score.total_cmp(&a.score)));
        questions.truncate(5);
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

    pub fn search(&self, text: &str, level: Option<Level>) -> Vec<StoryHit> {
        self.fallback.search(&self.stories, text, level, 50)
    }

    pub fn question_stories(&self, question: &str) -> Vec<StoryHit> {
        let Some(question) = self.prompts.question(question) else {
            return Vec::new();
        };
        let text = format!("{} {}", question.text, question.keywords.join(" "));
        self.fallback.search(&self.stories, &text, None, 20)
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
    let location = diagnostic.location;
    Finding {
        code: diagnostic.code.to_string(),
        severity: diagnostic.severity,
        message: diagnostic.message.clone(),
        section: diagnostic.section,
        decoded,
        line: location.map_or(0, |l| l.line),
        column: location.map_or(0, |l| l.column),
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

/// A stand-in for the search index until `starbank::index` lands: term overlap scoring.
mod fallback {
    use std::collections::{HashMap, HashSet};
    use std::ops::Range;

    use crate::prompts::Question;
    use crate::story::{Level, Story};

    use super::StoryHit;

    const STOP: &[&str] = &[
        "the", "and", "for", "you", "your", "how", "did", "tell", "about", "time", "when", "what",
        "with", "that", "this", "describe", "was", "were", "our", "had", "have", "from", "into",
        "a", "an", "of", "to", "in", "on", "me", "i", "my", "it", "its", "we", "us", "at", "by",
        "or", "as", "be", "is", "are", "which", "who", "why", "give", "example",
    ];

    pub fn stem(word: &str) -> String {
        let word = word.to_lowercase();
        for suffix in ["ing", "ed", "es", "s"] {
            if word.len() > suffix.len() + 3 && word.ends_with(suffix) {
                return word[..word.len() - suffix.len()].to_string();
            }
        }
        word
    }

    pub fn words(text: &str) -> impl Iterator<Item = (Range<usize>, String)> + '_ {
        let mut start = None;
        let mut out = Vec::new();
        for (i, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            if c.is_alphanumeric() {
                start.get_or_insert(i);
            } else if let Some(s) = start.take() {
                let word = &text[s..i];
                if word.len() >= 2 && !STOP.contains(&word.to_lowercase().as_str()) {
                    out.push((s..i, stem(word)));
                }
            }
        }
        out.into_iter()
    }

    pub fn story_terms(story: &Story) -> HashSet<String> {
        let mut terms = HashSet::new();
        let mut add = |text: &str| terms.extend(words(text).map(|(_, w)| w));
        add(&story.title);
        for (_, text) in story.sections() {
            add(text);
        }
        for tag in &story.tags {
            add(tag);
        }
        terms
    }

    fn question_terms(question: &Question) -> HashSet<String> {
        let mut terms: HashSet<String> = words(&question.text).map(|(_, w)| w).collect();
        for keyword in &question.keywords {
            terms.extend(words(keyword).map(|(_, w)| w));
        }
        terms
    }

    pub fn score_terms(question: &Question, story: &HashSet<String>) -> f32 {
        let wanted = question_terms(question);
        if wanted.is_empty() {
            return 0.0;
        }
        let hit = wanted.iter().filter(|t| story.contains(*t)).count();
        (hit as f32 / wanted.len() as f32 * 2.0).min(1.0)
    }

    #[derive(Default)]
    pub struct Index {
        terms: Vec<HashSet<String>>,
    }

    impl Index {
        pub fn build(stories: &[Story]) -> Index {
            Index {
                terms: stories.iter().map(story_terms).collect(),
            }
        }

        pub fn question_score(&self, question: &Question, story: usize) -> f32 {
            self.terms
                .get(story)
                .map_or(0.0, |t| score_terms(question, t))
        }

        pub fn search(
            &self,
            stories: &[Story],
            text: &str,
            level: Option<Level>,
            limit: usize,
        ) -> Vec<StoryHit> {
            let query: HashSet<String> = words(text).map(|(_, w)| w).collect();
            if query.is_empty() {
                return Vec::new();
            }
            let mut hits: Vec<StoryHit> = Vec::new();
            for (i, story) in stories.iter().enumerate() {
                if level.is_some_and(|l| story.level != Some(l)) {
                    continue;
                }
                let Some(terms) = self.terms.get(i) else {
                    continue;
                };
                let matched: Vec<String> = query
                    .iter()
                    .filter(|q| terms.contains(*q))
                    .cloned()
                    .collect();
                if matched.is_empty() {
                    continue;
                }
                let (snippet, highlights) = snippet(story, &matched);
                hits.push(StoryHit {
                    path: story.path.clone(),
                    score: matched.len() as f32 / query.len() as f32,
                    snippet,
                    highlights,
                    matched_terms: matched,
                });
            }
            hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.path.cmp(&b.path)));
            hits.truncate(limit);
            hits
        }
    }

    fn snippet(story: &Story, matched: &[String]) -> (String, Vec<Range<usize>>) {
        let wanted: HashMap<&str, ()> = matched.iter().map(|m| (m.as_str(), ())).collect();
        let mut best = (0, String::new());
        for text in std::iter::once(story.title.as_str()).chain(story.sections().map(|(_, t)| t)) {
            for sentence in text.split_inclusive(['.', '!', '?']) {
                let count = words(sentence)
                    .filter(|(_, w)| wanted.contains_key(w.as_str()))
                    .count();
                if count > best.0 {
                    best = (count, sentence.trim().to_string());
                }
            }
        }
        let snippet = best.1;
        let highlights = words(&snippet)
            .filter(|(_, w)| wanted.contains_key(w.as_str()))
            .map(|(r, _)| r)
            .collect();
        (snippet, highlights)
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
