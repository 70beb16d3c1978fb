//! Query expansion: a question asked in abstract words ("turned around an underperforming
//! team") finds stories written in concrete ones ("pages", "sprint commitments") by borrowing
//! the keywords of the bank questions it resembles.

use std::collections::HashMap;

use tantivy::tokenizer::TextAnalyzer;

use super::analyzer::stems;
use crate::prompts::{Prompts, Question};
use crate::story::Level;

/// A query must share at least this share of its (rarity-weighted) words with a question
/// to borrow that question's keywords: below it, the match is a coincidence of one word.
pub const MIN_RESEMBLANCE: f32 = 0.4;

/// At most this many questions lend keywords, so a vague query is not drowned.
pub const MAX_EXPANSIONS: usize = 2;

/// One question's vocabulary, for resemblance.
#[derive(Debug, Clone)]
pub struct QuestionTerms {
    pub id: String,
    pub level: Level,
    /// Stems of the question's text (boilerplate removed).
    pub text: Vec<String>,
    /// Stems of its keywords.
    pub keywords: Vec<String>,
    /// The question as written: what names its concepts (`prompts/thesaurus.ron`).
    pub asked: String,
}

/// The vocabulary of the whole question bank, with each stem's rarity across questions.
#[derive(Debug, Clone, Default)]
pub struct QuestionVocabulary {
    pub questions: Vec<QuestionTerms>,
    /// How many questions use each stem (text or keywords).
    question_frequency: HashMap<String, usize>,
}

/// A question the query resembles, and how much (0..1).
#[derive(Debug, Clone, PartialEq)]
pub struct Resemblance {
    pub question_id: String,
    pub share: f32,
}

impl QuestionVocabulary {
    pub fn new(prompts: &Prompts, query_analyzer: &mut TextAnalyzer) -> QuestionVocabulary {
        let questions = prompts
            .questions
            .iter()
            .map(|question| question_terms(question, query_analyzer))
            .collect::<Vec<QuestionTerms>>();
        let mut question_frequency: HashMap<String, usize> = HashMap::new();
        for question in &questions {
            let mut stems: Vec<&String> = question.text.iter().chain(&question.keywords).collect();
            stems.sort_unstable();
            stems.dedup();
            for stem in stems {
                *question_frequency.entry(stem.clone()).or_insert(0) += 1;
            }
        }
        QuestionVocabulary {
            questions,
            question_frequency,
        }
    }

    pub fn get(&self, id: &str) -> Option<&QuestionTerms> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// How rare a stem is among the questions (BM25's idf over them): a stem every question
    /// uses says nothing; one no question uses is rarest.
    pub fn rarity(&self, stem: &str) -> f32 {
        let n = self.questions.len() as f32;
        let with = self.question_frequency.get(stem).copied().unwrap_or(0) as f32;
        (1.0 + (n - with + 0.5) / (with + 0.5)).ln()
    }

    /// The questions (of `level`, if given) whose text and keywords cover the largest share of
    /// the query's stems, weighted by rarity; best first, at most [`MAX_EXPANSIONS`].
    pub fn resembling(&self, query_stems: &[String], level: Option<Level>) -> Vec<Resemblance> {
        let weights: Vec<f32> = query_stems.iter().map(|s| self.rarity(s)).collect();
        let total: f32 = weights.iter().sum();
        if total <= 0.0 {
            return Vec::new();
        }
        let mut found: Vec<Resemblance> = self
            .questions
            .iter()
            .filter(|q| level.is_none_or(|level| q.level == level))
            .filter_map(|q| {
                let shared: f32 = query_stems
                    .iter()
                    .zip(&weights)
                    .filter(|(stem, _)| q.text.contains(stem) || q.keywords.contains(stem))
                    .map(|(_, weight)| weight)
                    .sum();
                let share = shared / total;
                (share >= MIN_RESEMBLANCE).then(|| Resemblance {
                    question_id: q.id.clone(),
                    share,
                })
            })
            .collect();
        found.sort_by(|a, b| {
            b.share
                .total_cmp(&a.share)
                .then_with(|| a.question_id.cmp(&b.question_id))
        });
        found.truncate(MAX_EXPANSIONS);
        found
    }
}

fn question_terms(question: &Question, analyzer: &mut TextAnalyzer) -> QuestionTerms {
    let mut keywords: Vec<String> = Vec::new();
    for keyword in &question.keywords {
        for stem in stems(analyzer, keyword) {
            if !keywords.contains(&stem) {
                keywords.push(stem);
            }
        }
    }
    QuestionTerms {
        id: question.id.clone(),
        level: question.level,
        text: stems(analyzer, &question.text),
        asked: question.text.clone(),
        keywords,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::analyzer::query_analyzer;

    #[test]
    fn a_question_resembles_itself_first() {
        let prompts = Prompts::builtin();
        let mut analyzer = query_analyzer();
        let vocabulary = QuestionVocabulary::new(&prompts, &mut analyzer);
        for question in &prompts.questions {
            let query = stems(&mut analyzer, &question.text);
            let found = vocabulary.resembling(&query, None);
            assert!(
                found.iter().any(|r| r.question_id == question.id),
                "{} not among {found:?}",
                question.id
            );
        }
    }

    #[test]
    fn unrelated_words_borrow_nothing() {
        let prompts = Prompts::builtin();
        let mut analyzer = query_analyzer();
        let vocabulary = QuestionVocabulary::new(&prompts, &mut analyzer);
        let query = stems(&mut analyzer, "zebra xylophone");
        assert!(vocabulary.resembling(&query, None).is_empty());
    }
}
