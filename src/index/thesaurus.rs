//! Query understanding for behavioral questions: the concepts interviewers ask about
//! (`prompts/thesaurus.ron`) and the words stories use for them. A question that names a
//! concept ("Tell me about a time you failed", "Dive Deep") borrows the concept's story
//! words, so a story that says "the migration missed its date and I owned it" is found
//! without the word "fail".

use tantivy::tokenizer::TextAnalyzer;

use super::analyzer::stems;
use crate::prompts::Thesaurus;

/// One concept, analysed: what in a question names it, and the stems stories use for it.
#[derive(Debug, Clone)]
struct ConceptTerms {
    /// Single-word cues, stemmed.
    ask_stems: Vec<String>,
    /// Multi-word cues ("root cause", "think big"), lower-cased, matched in the question text.
    ask_phrases: Vec<String>,
    story_stems: Vec<String>,
}

/// The thesaurus, analysed once per index.
#[derive(Debug, Clone, Default)]
pub struct ConceptVocabulary {
    concepts: Vec<ConceptTerms>,
}

impl ConceptVocabulary {
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
                }
            })
            .collect();
        ConceptVocabulary { concepts }
    }

    /// The story stems of every concept the question names, given its stems and its text.
    pub fn borrowed<'a>(
        &'a self,
        query_stems: &'a [String],
        query_text: &str,
    ) -> impl Iterator<Item = &'a String> + 'a {
        let text = format!(" {} ", normalise(query_text));
        self.concepts
            .iter()
            .filter(move |concept| {
                concept
                    .ask_stems
                    .iter()
                    .any(|stem| query_stems.contains(stem))
                    || concept
                        .ask_phrases
                        .iter()
                        .any(|phrase| text.contains(&format!(" {phrase} ")))
            })
            .flat_map(|concept| concept.story_stems.iter())
    }
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
}
