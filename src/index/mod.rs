//! The search index: every story's title, tags, principles and STAR sections in an
//! in-memory tantivy index with English stemming, searched by free text or by a bank
//! question, and the story-to-question map built on it.
//!
//! Scores: a hit's `score` is tantivy's BM25 (title and labels count more than body text):
//! it ranks within one search. Its `strength` (0..1, see [`strength`]) reads the same
//! whatever else the bank holds: a story's strength for a question depends on the story,
//! the question and the question bank, never on the other stories. A story whose strength
//! reaches [`ADEQUATE`] answers the question (see [`map`]).

mod analyzer;
mod expand;
pub mod findings;
pub mod map;
mod passage;
pub mod persist;
pub mod strength;
mod thesaurus;

use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, QueryParser, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, STORED, STRING,
};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{doc, DocAddress, Index, IndexReader, IndexWriter, ReloadPolicy, Searcher, Term};

pub use expand::{Resemblance, MAX_EXPANSIONS, MIN_RESEMBLANCE};
pub use findings::{
    overused_stories, uncovered_questions, unmatched_links, OverusedStory, UncoveredQuestion,
    UnmatchedLink,
};
pub use map::{
    map_answers, map_bank, BankMap, QuestionMatch, QuestionMatches, StoryMatch, StoryMatches,
    Strengths,
};

use crate::prompts::Prompts;
use crate::snippet::sanitize;
use crate::story::{Level, Section, Story};
use analyzer::{cue_analyzer, query_analyzer, stems, story_analyzer, TOKENIZER};
use expand::QuestionVocabulary;
use passage::{passage, ShownText};
use strength::{strengths, StrengthFields};
use thesaurus::ConceptVocabulary;

/// The strength (0..1, see [`strength`]) from which a story answers a question. Set on the
/// labelled development set in `tests/devset`: at 0.25, 41 of the 48 stories written for a
/// question reach it for that question, and 93 of the 720 pairs of a story with a question
/// it was not written for do (some of those answer it too: a pager turnaround is also a
/// reliability story). At 0.2, 43 of 48 and 166 of 720; at 0.3, 36 and 45. Strength does
/// not depend on the rest of the bank, so the threshold means the same at any bank size.
pub const ADEQUATE: f32 = 0.25;

/// Keywords borrowed from a resembling question count this much, times the resemblance,
/// against 1.0 for the user's own words: they find stories, they do not outrank the words.
/// A quarter since concept cues ([`CONCEPT_MATCH_WEIGHT`]) say what a question is about:
/// on the real-prose corpus's 94 queries, P@1 0.553 at 0.5 and 0.596 at 0.25; on 13
/// queries collected after that choice, 0.846 either way (`tests/it/search_real.rs`).
pub const EXPANSION_WEIGHT: f32 = 0.25;

/// The weight of a word borrowed from a concept the question names (`prompts/thesaurus.ron`):
/// the same as a borrowed question keyword, so neither source of expansion outweighs the
/// question's own words.
pub const CONCEPT_WEIGHT: f32 = 0.25;

/// The weight of a concept the question names, matched on the `concepts` field (the
/// concept's cues the story says): about two of the question's own words, since a concept
/// is what a behavioral question is about. On the corpus's 94 queries P@1 went from 0.479
/// without it to 0.521 at 1, 0.553 at 2, 0.543 at 3; on 13 fresh queries, 0.692 to 0.846.
/// Typed questions longer than [`SELF_SUFFICIENT_WORDS`] content words weigh it less in
/// proportion: on 110 queries over 258 stories P@1 0.582 to 0.609, MRR@5 0.712 to 0.723;
/// with 97 more stories judged blind afterwards, no difference (P@1 0.607 either way).
pub const CONCEPT_MATCH_WEIGHT: f32 = 2.0;

/// A question with more than this many content words is specific by itself: borrowed words
/// weigh less in proportion (3 words: "took a calculated risk").
pub const SELF_SUFFICIENT_WORDS: f32 = 3.0;

/// A question's keywords are the concrete words stories use; its text names the topic in
/// abstract words ("organization", "work") that stories of every kind share, so it counts less.
/// Set on the development set (with text at 1.0 `--question` ranked a right story first for 11
/// of 16 questions, MRR 0.794; at 0.7 for 12, MRR 0.834).
const KEYWORD_WEIGHT: f32 = 1.0;
const QUESTION_TEXT_WEIGHT: f32 = 0.7;

/// The title and the tags/principles are the author's own summary of the story.
const TITLE_BOOST: f32 = 2.0;
const LABELS_BOOST: f32 = 1.5;

/// Below this many stories one indexing thread is fastest (thread start-up dominates).
const PARALLEL_FROM: usize = 2_000;
const BUDGET_PER_THREAD: usize = 50_000_000;
const UPDATE_BUDGET: usize = 15_000_000;

/// The index could not be built or updated (tantivy failed in memory: a defect, not bad input).
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("cannot build the search index: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

/// What to search for.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchQuery {
    /// Free text: a question as asked, or words. May use tantivy query syntax (`"exact
    /// phrase"`, `+must`, `-not`, `AND`/`OR`); if it does not parse, its plain words are used.
    pub text: String,
    /// A bank question id: search with that question's text and keywords.
    pub question: Option<String>,
    /// Only stories of this level (stories that state no level are always included).
    pub level: Option<Level>,
    pub limit: usize,
    /// Borrow the keywords of the bank questions the text resembles.
    pub expand: bool,
}

impl SearchQuery {
    pub fn text(text: impl Into<String>) -> SearchQuery {
        SearchQuery {
            text: text.into(),
            question: None,
            level: None,
            limit: 10,
            expand: true,
        }
    }

    pub fn question(id: impl Into<String>) -> SearchQuery {
        SearchQuery {
            question: Some(id.into()),
            ..SearchQuery::text("")
        }
    }
}

/// One ranked story.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub id: String,
    pub path: PathBuf,
    /// The story's title, safe for a terminal.
    pub title: String,
    /// The level the story's file states (`None`: the bank's config decides).
    pub level: Option<Level>,
    /// BM25 score: comparable within one search only.
    pub score: f32,
    /// The passage that matched, safe for a terminal.
    pub snippet: String,
    /// Byte ranges of matched words in `snippet`.
    pub highlights: Vec<Range<usize>>,
    /// The section the snippet is from.
    pub section: Section,
    /// The words of the story that matched, as the story writes them, heaviest first.
    pub matched_terms: Vec<String>,
    /// `score` against an ideal story's score, 0..1: comparable across searches.
    pub strength: f32,
}

#[derive(Debug, Clone, Copy)]
struct Fields {
    id: Field,
    /// The file a document came from (below the bank, in an index kept on disk): what a
    /// changed or removed file's document is deleted by.
    key: Field,
    slot: Field,
    level: Field,
    title: Field,
    labels: Field,
    body: Field,
    /// The concepts of `prompts/thesaurus.ron` the story's cues name, one term per cue.
    concepts: Field,
}

impl Fields {
    fn scored(self) -> [(Field, f32); 3] {
        [
            (self.title, TITLE_BOOST),
            (self.labels, LABELS_BOOST),
            (self.body, 1.0),
        ]
    }
}

/// What the index keeps of a story to show hits without the bank.
#[derive(Debug, Clone)]
struct Entry {
    id: String,
    path: PathBuf,
    /// The level the story's file states.
    level: Option<Level>,
    /// The text hits are shown from.
    shown: Shown,
}

/// Where a hit's text comes from.
#[derive(Debug, Clone)]
enum Shown {
    /// Kept with the entry (an index built in memory for search).
    Text(ShownText),
    /// The story at this position of the caller's stories (the workbench's bank, whose
    /// index is opened from disk): made for the few stories a search shows.
    Bank(Arc<Vec<Story>>, usize),
    /// Read from the story's file for the few stories a search shows (an index opened from
    /// disk).
    File,
}

impl Entry {
    fn shown(&self) -> ShownText {
        match &self.shown {
            Shown::Text(shown) => shown.clone(),
            Shown::Bank(stories, at) => shown_text(&stories[*at]),
            Shown::File => Story::load(&self.path)
                .map(|story| shown_text(&story))
                .unwrap_or_default(),
        }
    }
}

/// The in-memory index of a bank's stories and its question bank.
pub struct StoryIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    /// Created on the first incremental change.
    writer: Option<IndexWriter>,
    /// Indexed by the `slot` fast field of each document; `None` once removed.
    entries: Vec<Option<Entry>>,
    slots: HashMap<String, usize>,
    vocabulary: QuestionVocabulary,
    concepts: ConceptVocabulary,
    query_analyzer: TextAnalyzer,
    story_analyzer: TextAnalyzer,
}

impl std::fmt::Debug for StoryIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoryIndex")
            .field("stories", &self.slots.len())
            .finish_non_exhaustive()
    }
}

impl StoryIndex {
    /// Indexes `stories` in memory, with `prompts`' questions for `--question` and expansion.
    pub fn build(stories: &[Story], prompts: &Prompts) -> Result<StoryIndex, IndexError> {
        StoryIndex::build_with(stories, prompts, true)
    }

    fn build_with(
        stories: &[Story],
        prompts: &Prompts,
        keep_shown: bool,
    ) -> Result<StoryIndex, IndexError> {
        let (schema, fields) = schema();
        let index = Index::create_in_ram(schema);
        let keyed: Vec<(&Story, &std::path::Path)> = stories
            .iter()
            .map(|story| (story, story.path.as_path()))
            .collect();
        let concepts = ConceptVocabulary::of(prompts);
        let entries = index_all(&index, fields, &keyed, keep_shown, &concepts)?;
        StoryIndex::assemble(index, fields, entries, prompts, concepts)
    }

    /// Indexes `stories` in memory for [`map_bank`] and strengths only: no text is kept to
    /// show hits (a search reads it from the story files).
    pub fn build_for_map(stories: &[Story], prompts: &Prompts) -> Result<StoryIndex, IndexError> {
        StoryIndex::build_with(stories, prompts, false)
    }

    /// The index over `index`'s documents, whose `slot`s point into `entries`.
    fn assemble(
        index: Index,
        fields: Fields,
        entries: Vec<Option<Entry>>,
        prompts: &Prompts,
        concepts: ConceptVocabulary,
    ) -> Result<StoryIndex, IndexError> {
        register_analyzer(&index);
        let slots = entries
            .iter()
            .enumerate()
            .filter_map(|(slot, entry)| Some((entry.as_ref()?.id.clone(), slot)))
            .collect();
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let mut query_analyzer = query_analyzer();
        let vocabulary = QuestionVocabulary::new(prompts, &mut query_analyzer);
        Ok(StoryIndex {
            index,
            reader,
            fields,
            writer: None,
            entries,
            slots,
            vocabulary,
            concepts,
            query_analyzer,
            story_analyzer: story_analyzer(),
        })
    }

    /// Shows hits from `stories` (the bank this index holds, as the caller has it in
    /// memory) rather than from their files, for each story indexed from its file under
    /// the same id and path: what an index opened from disk does for the workbench.
    pub fn show_from(&mut self, stories: &Arc<Vec<Story>>) {
        for (at, story) in stories.iter().enumerate() {
            let Some(&slot) = self.slots.get(&story.id) else {
                continue;
            };
            if let Some(entry) = self.entries[slot].as_mut() {
                if matches!(entry.shown, Shown::File) && entry.path == story.path {
                    entry.shown = Shown::Bank(Arc::clone(stories), at);
                }
            }
        }
    }

    /// The number of stories indexed.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// Adds a story, or replaces the one with its id (the TUI calls this on save).
    pub fn update_story(&mut self, story: &Story) -> Result<(), IndexError> {
        let slot = self.entries.len();
        let fields = self.fields;
        let concepts = self
            .concepts
            .story_concepts(story_texts(story), &mut cue_analyzer());
        let writer = self.writer()?;
        writer.delete_term(Term::from_field_text(fields.id, &story.id));
        writer.add_document(document(fields, story, slot, &story.path, &concepts))?;
        self.commit()?;
        if let Some(old) = self.slots.insert(story.id.clone(), slot) {
            self.entries[old] = None;
        }
        self.entries.push(Some(entry(story, true)));
        Ok(())
    }

    /// Removes the story with this id; an unknown id is not an error.
    pub fn remove_story(&mut self, id: &str) -> Result<(), IndexError> {
        let Some(slot) = self.slots.remove(id) else {
            return Ok(());
        };
        let field = self.fields.id;
        self.writer()?.delete_term(Term::from_field_text(field, id));
        self.commit()?;
        self.entries[slot] = None;
        Ok(())
    }

    fn writer(&mut self) -> Result<&mut IndexWriter, IndexError> {
        if self.writer.is_none() {
            self.writer = Some(self.index.writer_with_num_threads(1, UPDATE_BUDGET)?);
        }
        Ok(self.writer.as_mut().expect("writer was just created"))
    }

    fn commit(&mut self) -> Result<(), IndexError> {
        if let Some(writer) = self.writer.as_mut() {
            writer.commit()?;
        }
        self.reader.reload()?;
        Ok(())
    }

    /// The bank questions (of `level`, if given) whose vocabulary `text` resembles: the ones
    /// whose keywords expansion borrows. Best first.
    pub fn resembling(&self, text: &str, level: Option<Level>) -> Vec<Resemblance> {
        let words = stems(&mut self.query_analyzer.clone(), text);
        self.vocabulary.resembling(&words, level)
    }

    /// The ranked stories for `query`, best first, at most `query.limit`. Never fails: a
    /// query that does not parse is searched as plain words, an unknown question id is
    /// ignored, and a query with no searchable word finds nothing.
    pub fn search(&self, query: &SearchQuery) -> Vec<Hit> {
        let weights = self.weights(query);
        let searcher = self.reader.searcher();
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let parsed = has_syntax(&query.text)
            .then(|| self.parse(&query.text))
            .flatten();
        let mut weights = weights;
        match parsed {
            Some(parsed) => {
                // The user's structure must hold; borrowed keywords only reorder.
                parsed.query_terms(&mut |term, _| {
                    if let Some(text) = term.value().as_str() {
                        weights.entry(text.to_string()).or_insert(1.0);
                    }
                });
                clauses.push((Occur::Must, parsed));
                clauses.extend(self.term_clauses(&weights));
            }
            None => clauses.extend(self.term_clauses(&weights)),
        }
        clauses.extend(self.concept_clauses(query));
        if clauses.is_empty() || query.limit == 0 {
            return Vec::new();
        }
        if let Some(level) = query.level {
            clauses.push((Occur::Must, self.level_filter(level)));
        }
        let found = self.collect(&searcher, &BooleanQuery::new(clauses), query.limit);
        let addresses: Vec<DocAddress> = found.iter().map(|(_, address, _)| *address).collect();
        let strength_of = self.strengths(&searcher, &weights, Some(&addresses));
        let mut analyzer = self.story_analyzer.clone();
        found
            .into_iter()
            .map(|(score, address, entry)| {
                let text = entry.shown();
                let shown = passage(&text, &weights, &mut analyzer);
                Hit {
                    id: entry.id.clone(),
                    path: entry.path.clone(),
                    title: text.title.clone(),
                    level: entry.level,
                    score,
                    snippet: shown.snippet,
                    highlights: shown.highlights,
                    section: shown.section,
                    matched_terms: shown.matched_terms,
                    strength: strength_of.get(&address).copied().unwrap_or(0.0),
                }
            })
            .collect()
    }

    /// The strength (0..1) of every indexed story for a bank question, by story id. Stories
    /// that share no word with the question are absent (strength 0).
    pub fn question_strengths(&self, question_id: &str) -> HashMap<String, f32> {
        let searcher = self.reader.searcher();
        let entries = self.doc_entries(&searcher);
        self.question_strengths_by_doc(&searcher, question_id)
            .into_iter()
            .zip(&entries)
            .flat_map(|(strengths, entries)| strengths.into_iter().zip(entries))
            .filter(|(strength, _)| *strength > 0.0)
            .filter_map(|(strength, entry)| Some((entry.as_ref()?.id.clone(), strength)))
            .collect()
    }

    /// The strength of every document for a bank question, by segment and document id (0:
    /// shares no word with it, or an unknown question). [`doc_entries`](Self::doc_entries)
    /// with the same searcher says which story each document is.
    fn question_strengths_by_doc(&self, searcher: &Searcher, question_id: &str) -> Vec<Vec<f32>> {
        let Some(terms) = self.vocabulary.get(question_id) else {
            return searcher
                .segment_readers()
                .iter()
                .map(|segment| vec![0.0; segment.max_doc() as usize])
                .collect();
        };
        let weights = question_weights(terms);
        searcher
            .segment_readers()
            .iter()
            .map(|segment| {
                strength::segment_strengths(
                    segment,
                    self.strength_fields(),
                    &weights,
                    &self.vocabulary,
                    None,
                )
            })
            .collect()
    }

    /// Each document's entry, by segment and document id: the `slot` column is opened once
    /// per segment, not once per document.
    fn doc_entries(&self, searcher: &Searcher) -> Vec<Vec<Option<&Entry>>> {
        searcher
            .segment_readers()
            .iter()
            .map(|segment| {
                let column = segment.fast_fields().u64("slot").ok();
                (0..segment.max_doc())
                    .map(|doc| {
                        let slot = column.as_ref()?.first(doc)?;
                        self.entries.get(usize::try_from(slot).ok()?)?.as_ref()
                    })
                    .collect()
            })
            .collect()
    }

    /// The strength (0..1) of one story for a bank question: what
    /// [`question_strengths`](Self::question_strengths) gives that story, without scoring
    /// the rest of the bank (the workbench asks this on every pause in typing).
    pub fn story_strength(&self, question_id: &str, story_id: &str) -> f32 {
        let Some(terms) = self.vocabulary.get(question_id) else {
            return 0.0;
        };
        let weights = question_weights(terms);
        let searcher = self.reader.searcher();
        let this_story = TermQuery::new(
            Term::from_field_text(self.fields.id, story_id),
            IndexRecordOption::Basic,
        );
        let Some(&(_, address, _)) = self.collect(&searcher, &this_story, 1).first() else {
            return 0.0;
        };
        self.strengths(&searcher, &weights, Some(&[address]))
            .get(&address)
            .copied()
            .unwrap_or(0.0)
    }

    fn strengths(
        &self,
        searcher: &Searcher,
        weights: &HashMap<String, f32>,
        only: Option<&[DocAddress]>,
    ) -> HashMap<DocAddress, f32> {
        strengths(
            searcher,
            self.strength_fields(),
            weights,
            &self.vocabulary,
            only,
        )
    }

    fn strength_fields(&self) -> StrengthFields {
        StrengthFields {
            title: self.fields.title,
            labels: self.fields.labels,
            body: self.fields.body,
        }
    }

    /// Each query stem's weight: the question's words and the user's words 1.0, borrowed
    /// keywords [`EXPANSION_WEIGHT`] times the resemblance.
    fn weights(&self, query: &SearchQuery) -> HashMap<String, f32> {
        let mut weights: HashMap<String, f32> = HashMap::new();
        let mut raise = |stem: &String, weight: f32| {
            let entry = weights.entry(stem.clone()).or_insert(0.0);
            *entry = entry.max(weight);
        };
        if let Some(question) = query
            .question
            .as_deref()
            .and_then(|id| self.vocabulary.get(id))
        {
            for (stem, weight) in question_weights(question) {
                raise(&stem, weight);
            }
        }
        let words = stems(&mut self.query_analyzer.clone(), &query.text);
        for stem in &words {
            raise(stem, 1.0);
        }
        if query.expand && query.question.is_none() {
            // A short question ("Dive Deep", "Tell me about a time you failed") needs the
            // borrowed words; a long one already says what it is about in its own words,
            // and borrowed words would only blur it.
            let own = words.len().max(1) as f32;
            let specificity = (SELF_SUFFICIENT_WORDS / own).min(1.0);
            for stem in self.concepts.borrowed(&words, &query.text) {
                raise(stem, CONCEPT_WEIGHT * specificity);
            }
            for found in self.vocabulary.resembling(&words, query.level) {
                if let Some(question) = self.vocabulary.get(&found.question_id) {
                    for stem in &question.keywords {
                        raise(stem, EXPANSION_WEIGHT * found.share * specificity);
                    }
                }
            }
        }
        weights
    }

    /// One optional clause per (field, stem): BM25 summed over the fields that have it.
    fn term_clauses<'a>(
        &'a self,
        weights: &'a HashMap<String, f32>,
    ) -> impl Iterator<Item = (Occur, Box<dyn Query>)> + 'a {
        let mut stems: Vec<(&String, &f32)> = weights.iter().collect();
        stems.sort_by(|a, b| a.0.cmp(b.0));
        stems.into_iter().flat_map(move |(stem, weight)| {
            self.fields.scored().map(|(field, boost)| {
                let term = TermQuery::new(
                    Term::from_field_text(field, stem),
                    IndexRecordOption::WithFreqs,
                );
                let query: Box<dyn Query> =
                    Box::new(BoostQuery::new(Box::new(term), weight * boost));
                (Occur::Should, query)
            })
        })
    }

    /// One optional clause per concept the question names, on the `concepts` field: a story
    /// that says the concept's cues ranks up by how much of it is about the concept.
    fn concept_clauses(&self, query: &SearchQuery) -> Vec<(Occur, Box<dyn Query>)> {
        let asked = match query.question.as_deref() {
            // A bank question names its concepts in its own words.
            Some(id) => match self.vocabulary.get(id) {
                Some(question) => question.asked.as_str(),
                None => return Vec::new(),
            },
            None if query.expand => query.text.as_str(),
            None => return Vec::new(),
        };
        let words = stems(&mut self.query_analyzer.clone(), asked);
        // A long question says what it is about in its own words ("used GenAI to improve
        // team productivity" is about GenAI more than about a team's productivity): its
        // concepts weigh less in proportion, as its borrowed words do.
        let specificity = if query.question.is_some() {
            1.0
        } else {
            (SELF_SUFFICIENT_WORDS / words.len().max(1) as f32).min(1.0)
        };
        let mut named: Vec<&str> = self.concepts.named(&words, asked).collect();
        named.dedup();
        named
            .into_iter()
            .map(|token| {
                let term = TermQuery::new(
                    Term::from_field_text(self.fields.concepts, token),
                    IndexRecordOption::WithFreqs,
                );
                let query: Box<dyn Query> = Box::new(BoostQuery::new(
                    Box::new(term),
                    CONCEPT_MATCH_WEIGHT * specificity,
                ));
                (Occur::Should, query)
            })
            .collect()
    }

    /// tantivy's query syntax over the scored fields, or `None` if the text does not parse.
    fn parse(&self, text: &str) -> Option<Box<dyn Query>> {
        let fields = self.fields.scored();
        let mut parser = QueryParser::for_index(&self.index, fields.iter().map(|f| f.0).collect());
        for (field, boost) in fields {
            parser.set_field_boost(field, boost);
        }
        parser.parse_query(text).ok()
    }

    fn level_filter(&self, level: Level) -> Box<dyn Query> {
        let term = |text: &str| -> (Occur, Box<dyn Query>) {
            let term = Term::from_field_text(self.fields.level, text);
            (
                Occur::Should,
                Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
            )
        };
        Box::new(BooleanQuery::new(vec![
            term(level.as_str()),
            term(NO_LEVEL),
        ]))
    }

    /// The top `limit` documents as (score, address, entry), best first, ties by id.
    fn collect(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        limit: usize,
    ) -> Vec<(f32, DocAddress, &Entry)> {
        let Ok(top) = searcher.search(query, &TopDocs::with_limit(limit.max(1)).order_by_score())
        else {
            return Vec::new();
        };
        let mut found: Vec<(f32, DocAddress, &Entry)> = top
            .into_iter()
            .filter_map(|(score, address)| {
                Some((score, address, self.entry_at(searcher, address)?))
            })
            .collect();
        found.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.2.id.cmp(&b.2.id)));
        found
    }

    fn entry_at(&self, searcher: &Searcher, address: DocAddress) -> Option<&Entry> {
        let column = searcher
            .segment_reader(address.segment_ord)
            .fast_fields()
            .u64("slot")
            .ok()?;
        let slot = column.first(address.doc_id)?;
        self.entries.get(usize::try_from(slot).ok()?)?.as_ref()
    }
}

const NO_LEVEL: &str = "any";

fn register_analyzer(index: &Index) {
    index.tokenizers().register(TOKENIZER, story_analyzer());
}

/// Adds each story (with the key its document is deleted by) to a fresh `index`, in slot
/// order, and commits; returns the entries by slot, with the text hits show when
/// `keep_shown` (else a search reads it from the story's file).
fn index_all(
    index: &Index,
    fields: Fields,
    stories: &[(&Story, &std::path::Path)],
    keep_shown: bool,
    concepts: &ConceptVocabulary,
) -> Result<Vec<Option<Entry>>, IndexError> {
    register_analyzer(index);
    let threads = if stories.len() >= PARALLEL_FROM {
        crate::parallel::threads().min(4)
    } else {
        1
    };
    let mut writer: IndexWriter =
        index.writer_with_num_threads(threads, threads * BUDGET_PER_THREAD)?;
    let mut entries = Vec::with_capacity(stories.len());
    let mut cues = cue_analyzer();
    for (story, key) in stories {
        let said = concepts.story_concepts(story_texts(story), &mut cues);
        writer.add_document(document(fields, story, entries.len(), key, &said))?;
        entries.push(Some(entry(story, keep_shown)));
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok(entries)
}

/// A bank question's stems and their weights ([`KEYWORD_WEIGHT`], [`QUESTION_TEXT_WEIGHT`]).
fn question_weights(question: &expand::QuestionTerms) -> HashMap<String, f32> {
    let mut weights = HashMap::new();
    for stem in &question.keywords {
        weights.insert(stem.clone(), KEYWORD_WEIGHT);
    }
    for stem in &question.text {
        let w = QUESTION_TEXT_WEIGHT;
        let entry = weights.entry(stem.clone()).or_insert(0.0);
        *entry = f32::max(*entry, w);
    }
    weights
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let fields = Fields {
        id: builder.add_text_field("id", STRING | STORED),
        key: builder.add_text_field("key", STRING),
        slot: builder.add_u64_field("slot", FAST),
        level: builder.add_text_field("level", STRING),
        title: builder.add_text_field("title", text.clone()),
        labels: builder.add_text_field("labels", text.clone()),
        body: builder.add_text_field("body", text),
        concepts: builder.add_text_field(
            "concepts",
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer("default")
                    .set_index_option(IndexRecordOption::WithFreqs),
            ),
        ),
    };
    (builder.build(), fields)
}

fn document(
    fields: Fields,
    story: &Story,
    slot: usize,
    key: &std::path::Path,
    concepts: &str,
) -> tantivy::TantivyDocument {
    let mut document = doc!(
        fields.id => story.id.as_str(),
        fields.key => key.to_string_lossy().as_ref(),
        fields.slot => slot as u64,
        fields.level => story.level.map_or(NO_LEVEL, Level::as_str),
        fields.title => story.title.as_str(),
    );
    for label in story.tags.iter().chain(&story.principles) {
        document.add_text(fields.labels, label);
    }
    for (_, text) in story.sections() {
        document.add_text(fields.body, text);
    }
    document.add_text(fields.concepts, concepts);
    document
}

/// The texts a story's concept cues are read from: its title and sections.
fn story_texts(story: &Story) -> impl Iterator<Item = &str> {
    std::iter::once(story.title.as_str()).chain(story.sections().map(|(_, text)| text))
}

fn entry(story: &Story, keep_shown: bool) -> Entry {
    Entry {
        id: story.id.clone(),
        path: story.path.clone(),
        level: story.level,
        shown: if keep_shown {
            Shown::Text(shown_text(story))
        } else {
            Shown::File
        },
    }
}

fn shown_text(story: &Story) -> ShownText {
    let shown = |text: &str| sanitize(&text.split_whitespace().collect::<Vec<_>>().join(" "));
    ShownText {
        title: shown(&story.title),
        labels: story
            .tags
            .iter()
            .chain(&story.principles)
            .map(|l| shown(l))
            .collect(),
        sections: Section::ALL.map(|section| shown(story.section(section))),
    }
}

/// Whether the text uses query syntax: quotes, grouping, `+`/`-` prefixes, field names,
/// boolean operators. Plain sentences ("on-call", "didn't") do not.
fn has_syntax(text: &str) -> bool {
    text.contains(['"', '(', ')', ':', '^', '[', ']', '{', '}', '~', '*'])
        || text
            .split_whitespace()
            .any(|word| word.starts_with(['+', '-']) || matches!(word, "AND" | "OR" | "NOT"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn story(id: &str, action: &str) -> Story {
        let source = format!(
            "(title: \"T\", level: L6, situation: \"s\", task: \"t\", action: \"{action}\", result: \"r\")"
        );
        Story::parse(Path::new(&format!("bank/{id}.ron")), source).unwrap()
    }

    #[test]
    fn story_strength_matches_the_whole_bank_scoring() {
        let stories = vec![
            story(
                "oncall",
                "I turned around an underperforming team with high attrition and missed goals",
            ),
            story("pricing", "I changed the pricing service rollout"),
            story("hiring", "I hired two managers and coached my leads"),
        ];
        let prompts = Prompts::builtin();
        let mut index = StoryIndex::build(&stories, &prompts).unwrap();
        // After an in-place update too, as the workbench does on every pause in typing.
        index.update_story(&stories[1]).unwrap();
        for question in ["l6-underperforming-team", "l6-hiring-team"] {
            let all = index.question_strengths(question);
            for story in &stories {
                let whole = all.get(&story.id).copied().unwrap_or(0.0);
                let one = index.story_strength(question, &story.id);
                assert!(
                    (whole - one).abs() < 1e-5,
                    "{question} {}: {whole} vs {one}",
                    story.id
                );
            }
        }
        assert!(index.story_strength("l6-underperforming-team", "oncall") > 0.0);
        assert_eq!(index.story_strength("no-such-question", "oncall"), 0.0);
    }

    fn ids(index: &StoryIndex, text: &str) -> Vec<String> {
        index
            .search(&SearchQuery::text(text))
            .into_iter()
            .map(|h| h.id)
            .collect()
    }

    #[test]
    fn updates_and_removals_show_in_the_next_search() {
        let prompts = Prompts::builtin();
        let mut index = StoryIndex::build(
            &[
                story("a", "rebuilt the pager rotation"),
                story("b", "hired five engineers"),
            ],
            &prompts,
        )
        .unwrap();
        assert_eq!(ids(&index, "pager"), ["a"]);
        index
            .update_story(&story("b", "fixed the pager alerts"))
            .unwrap();
        assert_eq!(ids(&index, "pager"), ["a", "b"]);
        assert!(ids(&index, "hired").is_empty());
        index.remove_story("a").unwrap();
        assert_eq!(ids(&index, "pager"), ["b"]);
        assert_eq!(index.len(), 1);
    }

    #[test]
    fn control_characters_never_reach_the_snippet() {
        let prompts = Prompts::builtin();
        let index =
            StoryIndex::build(&[story("a", "the pager \\u{1b}[31mrotation")], &prompts).unwrap();
        let hit = &index.search(&SearchQuery::text("pager"))[0];
        assert!(
            !hit.snippet.chars().any(char::is_control),
            "{:?}",
            hit.snippet
        );
        assert_eq!(&hit.snippet[hit.highlights[0].clone()], "pager");
    }

    #[test]
    fn syntax_detection_leaves_plain_sentences_alone() {
        assert!(!has_syntax(
            "turned around an on-call team that didn't ship"
        ));
        assert!(has_syntax("\"on call\" -payments"));
        assert!(has_syntax("pager AND rotation"));
    }
}
