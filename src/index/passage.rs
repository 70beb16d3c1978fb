//! The passage shown for a hit: the best-matching section, cut to a window around its
//! densest matches, with the byte ranges of the matched words, and the words that matched.

use std::collections::HashMap;
use std::ops::Range;

use tantivy::tokenizer::TextAnalyzer;

use super::analyzer::{tokens, Token};
use crate::story::Section;

/// A snippet is at most this many bytes of section text (plus ellipses): two lines.
pub const MAX_SNIPPET_BYTES: usize = 220;

/// At most this many matched terms are reported.
pub const MAX_MATCHED_TERMS: usize = 10;

const ELLIPSIS: &str = "…";

/// The text of a story that search shows, already made safe for a terminal.
#[derive(Debug, Clone, Default)]
pub struct ShownText {
    pub title: String,
    pub labels: Vec<String>,
    pub sections: [String; 4],
}

/// A snippet with its highlighted byte ranges.
#[derive(Debug, Clone, PartialEq)]
pub struct Passage {
    pub section: Section,
    pub snippet: String,
    pub highlights: Vec<Range<usize>>,
    pub matched_terms: Vec<String>,
}

/// Picks and cuts the passage for `text` given the query's weight for each stem.
pub fn passage(
    text: &ShownText,
    weights: &HashMap<String, f32>,
    analyzer: &mut TextAnalyzer,
) -> Passage {
    let mut best: Option<(f32, Section, Vec<Token>)> = None;
    let mut matched_terms = MatchedTerms::default();
    matched_terms.add(
        &text.title,
        &matched(analyzer, &text.title, weights),
        weights,
    );
    for label in &text.labels {
        matched_terms.add(label, &matched(analyzer, label, weights), weights);
    }
    for section in Section::ALL {
        let body = &text.sections[section as usize];
        let found = matched(analyzer, body, weights);
        matched_terms.add(body, &found, weights);
        let score = coverage(&found, weights);
        if best.as_ref().is_none_or(|(top, _, _)| score > *top) {
            best = Some((score, section, found));
        }
    }
    let (section, found) = match best {
        Some((score, section, found)) if score > 0.0 => (section, found),
        // Only the title or tags matched: show where the story starts.
        _ => (first_written(text), Vec::new()),
    };
    let (snippet, highlights) = cut(&text.sections[section as usize], &found, weights);
    Passage {
        section,
        snippet,
        highlights,
        matched_terms: matched_terms.into_terms(),
    }
}

fn matched(analyzer: &mut TextAnalyzer, text: &str, weights: &HashMap<String, f32>) -> Vec<Token> {
    tokens(analyzer, text)
        .into_iter()
        .filter(|token| weights.contains_key(&token.stem))
        .collect()
}

/// The weight of the distinct stems among `found`, plus a little for repeats.
fn coverage(found: &[Token], weights: &HashMap<String, f32>) -> f32 {
    let mut seen: Vec<&str> = Vec::new();
    let mut score = 0.0;
    for token in found {
        let weight = weights.get(&token.stem).copied().unwrap_or(0.0);
        if seen.contains(&token.stem.as_str()) {
            score += weight * 0.1;
        } else {
            seen.push(&token.stem);
            score += weight;
        }
    }
    score
}

fn first_written(text: &ShownText) -> Section {
    Section::ALL
        .into_iter()
        .find(|s| !text.sections[*s as usize].trim().is_empty())
        .unwrap_or(Section::Situation)
}

/// Cuts `body` to a window of at most [`MAX_SNIPPET_BYTES`] holding the most matched weight,
/// on word boundaries, and returns it with the matches' ranges inside it.
fn cut(body: &str, found: &[Token], weights: &HashMap<String, f32>) -> (String, Vec<Range<usize>>) {
    let (start, end) = if body.len() <= MAX_SNIPPET_BYTES {
        (0, body.len())
    } else {
        window(body, found, weights)
    };
    let mut snippet = String::new();
    let lead = if start > 0 {
        snippet.push_str(ELLIPSIS);
        ELLIPSIS.len()
    } else {
        0
    };
    snippet.push_str(&body[start..end]);
    if end < body.len() {
        snippet.push_str(ELLIPSIS);
    }
    let highlights = found
        .iter()
        .filter(|t| t.bytes.start >= start && t.bytes.end <= end)
        .map(|t| t.bytes.start - start + lead..t.bytes.end - start + lead)
        .collect();
    (snippet, highlights)
}

/// The best window's byte range: it starts a little before a match (at a sentence start if
/// one is close), so the reader sees the words leading into it.
fn window(body: &str, found: &[Token], weights: &HashMap<String, f32>) -> (usize, usize) {
    let mut best = (f32::MIN, 0);
    for anchor in found {
        let start = lead_in(body, anchor.bytes.start);
        let end = start + MAX_SNIPPET_BYTES;
        let inside: Vec<Token> = found
            .iter()
            .filter(|t| t.bytes.start >= start && t.bytes.end <= end)
            .cloned()
            .collect();
        let score = coverage(&inside, weights);
        if score > best.0 {
            best = (score, start);
        }
    }
    let start = best.1;
    let end = word_end(body, (start + MAX_SNIPPET_BYTES).min(body.len()));
    (start, end)
}

/// Where a window leading into `at` starts: the sentence start if within 80 bytes, else
/// the word start about 40 bytes before.
fn lead_in(body: &str, at: usize) -> usize {
    let floor = at.saturating_sub(80);
    let before = &body[char_floor(body, floor)..at];
    if let Some(dot) = before.rfind(". ") {
        return char_floor(body, floor) + dot + 2;
    }
    if at <= 80 {
        return 0;
    }
    let back = char_floor(body, at.saturating_sub(40));
    match body[back..at].find(' ') {
        Some(space) => back + space + 1,
        None => back,
    }
}

/// The last word boundary at or before `limit`.
fn word_end(body: &str, limit: usize) -> usize {
    let limit = char_floor(body, limit);
    if limit >= body.len() {
        return body.len();
    }
    match body[..limit].rfind(' ') {
        Some(space) if space > 0 => body[..space].trim_end_matches([',', ';', ':']).len(),
        _ => limit,
    }
}

fn char_floor(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Matched stems with the first way each was written, heaviest first.
#[derive(Default)]
struct MatchedTerms {
    seen: Vec<(String, String, f32)>,
}

impl MatchedTerms {
    fn add(&mut self, text: &str, found: &[Token], weights: &HashMap<String, f32>) {
        for token in found {
            if self.seen.iter().any(|(stem, _, _)| *stem == token.stem) {
                continue;
            }
            let word = text[token.bytes.clone()].to_lowercase();
            let weight = weights.get(&token.stem).copied().unwrap_or(0.0);
            self.seen.push((token.stem.clone(), word, weight));
        }
    }

    fn into_terms(mut self) -> Vec<String> {
        // Stable: equal weights keep the order the words appear in the story.
        self.seen.sort_by(|a, b| b.2.total_cmp(&a.2));
        self.seen.truncate(MAX_MATCHED_TERMS);
        self.seen.into_iter().map(|(_, word, _)| word).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::analyzer::story_analyzer;

    fn weights(pairs: &[(&str, f32)]) -> HashMap<String, f32> {
        pairs.iter().map(|(s, w)| (s.to_string(), *w)).collect()
    }

    fn shown(sections: [&str; 4]) -> ShownText {
        ShownText {
            title: "Payments team".into(),
            labels: vec!["operations".into()],
            sections: sections.map(String::from),
        }
    }

    #[test]
    fn picks_the_section_with_most_matched_weight_and_marks_the_words() {
        let text = shown([
            "We had pages.",
            "Fix it.",
            "I cut pages and paging noise.",
            "Done.",
        ]);
        let found = passage(
            &text,
            &weights(&[("page", 1.0), ("nois", 2.0)]),
            &mut story_analyzer(),
        );
        assert_eq!(found.section, Section::Action);
        let marked: Vec<&str> = found
            .highlights
            .iter()
            .map(|r| &found.snippet[r.clone()])
            .collect();
        assert_eq!(marked, ["pages", "paging", "noise"]);
        assert_eq!(found.matched_terms, ["noise", "pages"]);
    }

    #[test]
    fn cuts_long_sections_around_the_match_with_ellipses() {
        let filler = "The quarter went on as planned with nothing of note. ".repeat(10);
        let action = format!("{filler}Then I rebuilt the pager rotation from scratch. {filler}");
        let text = shown(["s", "t", &action, "r"]);
        let found = passage(&text, &weights(&[("pager", 1.0)]), &mut story_analyzer());
        assert!(
            found.snippet.starts_with("…Then I rebuilt"),
            "{}",
            found.snippet
        );
        assert!(found.snippet.ends_with('…'));
        assert!(found.snippet.len() <= MAX_SNIPPET_BYTES + 2 * ELLIPSIS.len());
        assert_eq!(&found.snippet[found.highlights[0].clone()], "pager");
    }

    #[test]
    fn a_title_only_match_shows_the_story_start() {
        let text = shown(["", "Keep the lights on.", "a", "b"]);
        let found = passage(&text, &weights(&[("payment", 1.0)]), &mut story_analyzer());
        assert_eq!(found.section, Section::Task);
        assert!(found.highlights.is_empty());
        assert_eq!(found.matched_terms, ["payments"]);
    }
}
