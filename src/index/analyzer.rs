//! How text becomes search terms: one English analyzer for stories, and a query analyzer
//! that also drops the boilerplate of interview questions ("tell me about a time you").

use std::ops::Range;

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{LazyLock, RwLock};

use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, StopWordFilter,
    TextAnalyzer, Token as TantivyToken, TokenFilter, TokenStream, Tokenizer,
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

/// The analyzer of concept cues and the story text they are found in: the story analyzer
/// without stop words, so "I was wrong" keeps its words in order.
pub fn cue_analyzer() -> TextAnalyzer {
    analyzer(&[])
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
        .filter(CachedStemmer)
        .build()
}

/// A cache holds at most this many words: a long workbench session over a large vocabulary
/// keeps stemming correctly, just without caching new words.
const STEM_CACHE_LIMIT: usize = 200_000;

/// Every word stemmed so far in this process, shared by all threads.
static STEMS: LazyLock<RwLock<HashMap<String, String>>> = LazyLock::new(RwLock::default);

thread_local! {
    /// This thread's copy of the words it has looked up: no lock on the hot path.
    static LOCAL_STEMS: RefCell<HashMap<String, String>> = RefCell::default();
    static STEMMER: frostem::Stemmer = frostem::Stemmer::new(frostem::Algorithm::English);
}

/// The English (Snowball) stem of a lowercased word, as tantivy's `Stemmer` gives it. A
/// bank repeats a small vocabulary thousands of times, so each distinct word is stemmed
/// once per process and looked up after.
fn stem_into(word: &mut String) {
    let hit = LOCAL_STEMS.with_borrow(|local| {
        let stem = local.get(word.as_str())?;
        // Into the token's own buffer: a hit allocates nothing.
        word.clear();
        word.push_str(stem);
        Some(())
    });
    if hit.is_some() {
        return;
    }
    let shared = STEMS
        .read()
        .ok()
        .and_then(|stems| stems.get(word.as_str()).cloned());
    let stem = shared.unwrap_or_else(|| {
        let stem = STEMMER.with(|stemmer| stemmer.stem(word).into_owned());
        if let Ok(mut stems) = STEMS.write() {
            if stems.len() < STEM_CACHE_LIMIT {
                stems.insert(word.clone(), stem.clone());
            }
        }
        stem
    });
    LOCAL_STEMS.with_borrow_mut(|local| {
        if local.len() < STEM_CACHE_LIMIT {
            local.insert(word.clone(), stem.clone());
        }
    });
    *word = stem;
}

/// tantivy's English `Stemmer` filter, through the cache of [`stem_into`].
#[derive(Clone, Copy)]
struct CachedStemmer;

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter { inner: tokenizer }
    }
}

#[derive(Clone)]
struct CachedStemmerFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
        }
    }
}

struct CachedStemmerStream<T> {
    tail: T,
}

impl<T: TokenStream> TokenStream for CachedStemmerStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        stem_into(&mut self.tail.token_mut().text);
        true
    }

    fn token(&self) -> &TantivyToken {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut TantivyToken {
        self.tail.token_mut()
    }
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
    fn the_cached_stemmer_stems_as_tantivys_stemmer_does() {
        use tantivy::tokenizer::{Language, Stemmer};
        let mut plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::English))
            .build();
        let mut cached = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(CachedStemmer)
            .build();
        let text = "Running runners ran; the teams' organizational reorganisations generously \
                    hired engineers, hiring engineering managers. Running again: runners.";
        let stems = |analyzer: &mut TextAnalyzer| {
            tokens(analyzer, text)
                .into_iter()
                .map(|token| (token.stem, token.bytes))
                .collect::<Vec<_>>()
        };
        assert_eq!(stems(&mut cached), stems(&mut plain));
        // A second pass answers from the cache, with the same stems.
        assert_eq!(stems(&mut cached), stems(&mut plain));
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
