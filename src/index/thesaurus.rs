//! Query understanding for behavioral questions: the concepts interviewers ask about
//! (`prompts/thesaurus.ron`) and the words stories use for them. A question that names a
//! concept ("Tell me about a time you failed", "Dive Deep") borrows the concept's story
//! words, so a story that says "the migration missed its date and I owned it" is found
//! without the word "fail".

use std::collections::HashMap;

use tantivy::tokenizer::TextAnalyzer;

use super::analyzer::{cue_analyzer, stems, tokens};
use crate::prompts::Thesaurus;

/// One concept, analysed: what in a question names it, and the stems stories use for it.
#[derive(Debug, Clone)]
struct ConceptTerms {
    /// Single-word cues, stemmed.
    ask_stems: Vec<String>,
    /// Multi-word cues ("root cause", "think big"), lower-cased, matched in the question text.
    ask_phrases: Vec<String>,
    story_stems: Vec<String>,
    /// The concept's name as one search term of the `concepts` field ("dive deep" ->
    /// "divedeep").
    token: String,
}

/// The thesaurus, analysed once per index.
#[derive(Debug, Clone, Default)]
pub struct ConceptVocabulary {
    concepts: Vec<ConceptTerms>,
    /// Every cue by its first stem: (concept, the stems after the first).
    cues: HashMap<String, Vec<(usize, Vec<String>)>>,
}

impl ConceptVocabulary {
    /// The vocabulary of `prompts`' thesaurus.
    pub fn of(prompts: &crate::prompts::Prompts) -> ConceptVocabulary {
        ConceptVocabulary::new(&prompts.thesaurus, &mut super::analyzer::story_analyzer())
    }

    pub fn new(thesaurus: &Thesaurus, analyzer: &mut TextAnalyzer) -> ConceptVocabulary {
        let concepts = thesaurus
            .concepts
            .iter()
            .map(|concept| {
                let (phrases, words): (Vec<&String>, Vec<&String>) =
                    concept.asks.iter().partition(|ask| ask.contains(' '));
                let mut ask_stems = Vec::new();
                for word in words {
                    ask_stems.extend(stems(analyzer, word));
                }
                let mut story_stems = Vec::new();
                for word in &concept.stories {
                    for stem in stems(analyzer, word) {
                        if !story_stems.contains(&stem) {
                            story_stems.push(stem);
                        }
                    }
                }
                ConceptTerms {
                    ask_stems,
                    ask_phrases: phrases.iter().map(|p| p.to_lowercase()).collect(),
                    story_stems,
                    token: concept_token(&concept.name),
                }
            })
            .collect();
        let mut cues: HashMap<String, Vec<(usize, Vec<String>)>> = HashMap::new();
        let mut cue_analyzer = cue_analyzer();
        for (number, concept) in thesaurus.concepts.iter().enumerate() {
            for cue in &concept.cues {
                let mut stems = tokens(&mut cue_analyzer, cue).into_iter().map(|t| t.stem);
                if let Some(first) = stems.next() {
                    cues.entry(first)
                        .or_default()
                        .push((number, stems.collect()));
                }
            }
        }
        ConceptVocabulary { concepts, cues }
    }

    /// The `concepts` field of a story: its concepts' tokens, one per cue its text says, so
    /// BM25 weighs a concept by how much of the story is about it. A cue does not run from
    /// one text into the next.
    pub fn story_concepts<'t>(
        &self,
        texts: impl IntoIterator<Item = &'t str>,
        cue_analyzer: &mut TextAnalyzer,
    ) -> String {
        let mut out = String::new();
        for text in texts {
            let stems: Vec<String> = tokens(cue_analyzer, text)
                .into_iter()
                .map(|t| t.stem)
                .collect();
            // Per concept, where its last mention ends: cues of one concept that overlap
            // ("we missed", "missed the deadline") are one mention.
            let mut mentioned_until = vec![0; self.concepts.len()];
            for (at, stem) in stems.iter().enumerate() {
                let Some(cues) = self.cues.get(stem) else {
                    continue;
                };
                let rest = &stems[at + 1..];
                for (concept, tail) in cues {
                    if !rest.starts_with(tail) {
                        continue;
                    }
                    let end = at + 1 + tail.len();
                    if at >= mentioned_until[*concept] {
                        out.push_str(&self.concepts[*concept].token);
                        out.push(' ');
                    }
                    mentioned_until[*concept] = mentioned_until[*concept].max(end);
                }
            }
        }
        out
    }

    /// The `concepts` terms of the concepts the question names.
    pub fn named<'a>(
        &'a self,
        query_stems: &'a [String],
        query_text: &str,
    ) -> impl Iterator<Item = &'a str> + 'a {
        self.named_by(query_stems, query_text)
            .map(|concept| concept.token.as_str())
    }

    /// The story stems of every concept the question names, given its stems and its text.
    pub fn borrowed<'a>(
        &'a self,
        query_stems: &'a [String],
        query_text: &str,
    ) -> impl Iterator<Item = &'a String> + 'a {
        self.named_by(query_stems, query_text)
            .flat_map(|concept| concept.story_stems.iter())
    }

    fn named_by<'a>(
        &'a self,
        query_stems: &'a [String],
        query_text: &str,
    ) -> impl Iterator<Item = &'a ConceptTerms> + 'a {
        let text = format!(" {} ", normalise(query_text));
        self.concepts
            .iter()
            .filter(move |concept| concept.is_named(query_stems, &text))
    }
}

impl ConceptTerms {
    /// Whether a question (its stems, and its text normalised and padded with spaces) names
    /// this concept.
    fn is_named(&self, query_stems: &[String], padded_text: &str) -> bool {
        self.ask_stems.iter().any(|stem| query_stems.contains(stem))
            || self
                .ask_phrases
                .iter()
                .any(|phrase| padded_text.contains(&format!(" {phrase} ")))
    }
}

/// A concept's name as one lower-case word: what the default tokenizer keeps whole.
fn concept_token(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Lower case, every run of non-letters one space: "Dive Deep!" -> "dive deep".
fn normalise(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::analyzer::{query_analyzer, story_analyzer};
    use crate::prompts::Prompts;

    #[test]
    fn a_question_borrows_the_words_of_the_concepts_it_names() {
        let prompts = Prompts::builtin();
        let concepts = ConceptVocabulary::new(&prompts.thesaurus, &mut story_analyzer());
        let question = "Tell me about a time you failed.";
        let query = stems(&mut query_analyzer(), question);
        let borrowed: Vec<&String> = concepts.borrowed(&query, question).collect();
        assert!(
            borrowed.iter().any(|s| s.as_str() == "miss"),
            "{borrowed:?}"
        );
        let phrase = "Bias for Action";
        let query = stems(&mut query_analyzer(), phrase);
        assert!(concepts.borrowed(&query, phrase).count() > 0);
        let unrelated = "lunch";
        let query = stems(&mut query_analyzer(), unrelated);
        assert_eq!(concepts.borrowed(&query, unrelated).count(), 0);
    }

    #[test]
    fn a_story_earns_one_concept_term_per_cue_it_says_within_one_text() {
        let prompts = Prompts::builtin();
        let concepts = ConceptVocabulary::of(&prompts);
        let mut cues = cue_analyzer();
        let said = concepts.story_concepts(
            ["We missed the deadline. In hindsight I was wrong.", "lunch"],
            &mut cues,
        );
        let failure = said.split_whitespace().filter(|t| *t == "failure").count();
        // "we missed" and "missed the deadline" overlap: one mention; "in hindsight" and "I
        // was wrong" one each.
        assert_eq!(failure, 3, "{said}");
        // "I was" ending one text and "wrong" starting the next are not "I was wrong".
        let split = concepts.story_concepts(["so I was", "wrong about lunch"], &mut cues);
        assert!(!split.contains("failure"), "{split}");
        let question = "Tell me about a time you failed.";
        let stems = stems(&mut query_analyzer(), question);
        let named: Vec<&str> = concepts.named(&stems, question).collect();
        assert!(named.contains(&"failure"), "{named:?}");
    }
}
