//! How text becomes search terms: one English analyzer for stories, and a query analyzer
//! that also drops the boilerplate of interview questions ("tell me about a time you").

use std::ops::Range;

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    StopWordFilter, TextAnalyzer,
};

/// The name the story analyzer is registered under in the index.
pub const TOKENIZER: &str = "starbank_en";

/// Lucene's English stop words: too common to tell stories apart.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it",
    "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these",
    "they", "this", "to", "was", "will", "with",
    // What the tokenizer leaves of contractions and possessives ("company's", "didn't").
    "s", "t", "d", "ll", "m", "re", "ve",
];

/// Words every interview question uses and no story answer is about. Left in a query they
/// reward stories for saying "I" and "time", so they are dropped from queries only.
const QUESTION_BOILERPLATE: &[&str] = &[
    "about",
    "am",
    "any",
    "been",
    "can",
    "could",
    "describe",
    "did",
    "do",
    "does",
    "example",
    "explain",
    "give",
    "had",
    "handle",
    "handled",
    "has",
    "have",
    "how",
    "i",
    "me",
    "my",
    "our",
    "share",
    "should",
    "some",
    "tell",
    "through",
    "time",
    "times",
    "us",
    "walk",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "who",
    "why",
    "would",
    "you",
    "your",
    "yours",
    "made",
    "make",
    "one",
    "story",
    "situation",
];

/// The analyzer of story text: words, lowercased, accents folded, stop words out, stemmed.
pub fn story_analyzer() -> TextAnalyzer {
    analyzer(STOP_WORDS)
}

/// The analyzer of query text: the story analyzer plus question boilerplate removal.
pub fn query_analyzer() -> TextAnalyzer {
    let words: Vec<&str> = STOP_WORDS
        .iter()
        .chain(QUESTION_BOILERPLATE)
        .copied()
        .collect();
    analyzer(&words)
}

fn analyzer(stop_words: &[&str]) -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(StopWordFilter::remove(
            stop_words.iter().map(|word| (*word).to_string()),
        ))
        .filter(Stemmer::new(Language::English))
        .build()
}

/// One analysed word: its stem and where the word is in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub stem: String,
    pub bytes: Range<usize>,
}

/// Every token of `text` with its byte range in `text`.
pub fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        let token = stream.token();
        out.push(Token {
            stem: token.text.clone(),
            bytes: token.offset_from..token.offset_to,
        });
    }
    out
}

/// The distinct stems of `text`, in first-seen order, without stems that are stop words or
/// boilerplate once stemmed ("ones" in "one-on-ones" stems to "one").
pub fn stems(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for token in tokens(analyzer, text) {
        let filler = STOP_WORDS.contains(&token.stem.as_str())
            || QUESTION_BOILERPLATE.contains(&token.stem.as_str());
        if !filler && !out.contains(&token.stem) {
            out.push(token.stem);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_and_drops_question_boilerplate() {
        let mut query = query_analyzer();
        assert_eq!(
            stems(
                &mut query,
                "Tell me about a time you turned around an underperforming team"
            ),
            ["turn", "around", "underperform", "team"]
        );
        let mut story = story_analyzer();
        assert_eq!(
            stems(&mut story, "I turned the Teams around"),
            ["turn", "team", "around"]
        );
    }

    #[test]
    fn tokens_keep_offsets_into_the_original_text() {
        let text = "Café on-call pages";
        let found = tokens(&mut story_analyzer(), text);
        let words: Vec<&str> = found.iter().map(|t| &text[t.bytes.clone()]).collect();
        assert_eq!(words, ["Café", "call", "pages"]);
        assert_eq!(found[0].stem, "cafe");
    }
}
