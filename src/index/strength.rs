//! How well a story answers a query, 0..1, read the same in a bank of 15 stories and in one
//! of 10,000.
//!
//! BM25 scores depend on the bank: a word's idf and the average story length both change
//! as stories are added, so a ratio to an "ideal story" of the same bank drifts (on 10,000
//! generated stories the bundled stories' strengths fell by a third). Strength is therefore
//! BM25's shape with the bank taken out:
//!
//! - a word weighs its query weight times its rarity among the *bank questions* (the
//!   question bank is fixed data in `prompts/`; a word no question uses is rarest);
//! - a word in the story's body counts BM25's saturating term frequency against a story of
//!   [`REFERENCE_LENGTH`] words, not the bank's average; a word in the title or the tags
//!   and principles counts as the ranking's boosts for those fields say; a word counts by
//!   its best field;
//! - strength is the sum over the query's words divided by what a story that uses each
//!   word once in a body of the reference length would get, clamped to 0..1.
//!
//! A story's strength thus depends on the story, the query and the question bank only.

use std::collections::HashMap;

use tantivy::postings::{Postings, SegmentPostings};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocAddress, DocId, DocSet, Searcher, Term, TERMINATED};

use super::expand::QuestionVocabulary;
use super::{LABELS_BOOST, TITLE_BOOST};

/// The body length (in indexed words, stop words left out) that BM25's length factor takes
/// as normal: a 2-minute spoken answer, about 300 words at 150 a minute, indexes to about
/// 200 (the stop words are some third of English prose). The bundled stories index to 295
/// words on average, the real-prose corpus to 156.
pub const REFERENCE_LENGTH: f32 = 200.0;

/// BM25's usual constants (tantivy's too): term-frequency saturation and length weight.
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// The fields strength reads, with how a mention there counts.
#[derive(Debug, Clone, Copy)]
pub struct StrengthFields {
    pub title: Field,
    pub labels: Field,
    pub body: Field,
}

/// The strengths of stories for one query: by document, 0..1. With `only`, just those
/// documents are read (the hits of a search); without, every live document that uses a
/// query word (the whole bank for a bank question).
pub fn strengths(
    searcher: &Searcher,
    fields: StrengthFields,
    weights: &HashMap<String, f32>,
    rarity: &QuestionVocabulary,
    only: Option<&[DocAddress]>,
) -> HashMap<DocAddress, f32> {
    let mut found = HashMap::new();
    for (ord, segment) in searcher.segment_readers().iter().enumerate() {
        let segment_ord = ord as u32;
        let targets: Option<Vec<DocId>> = only.map(|docs| {
            let mut ids: Vec<DocId> = docs
                .iter()
                .filter(|d| d.segment_ord == segment_ord)
                .map(|d| d.doc_id)
                .collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        });
        if targets.as_ref().is_some_and(Vec::is_empty) {
            continue;
        }
        let by_doc = segment_strengths(segment, fields, weights, rarity, targets.as_deref());
        found.extend(
            by_doc
                .into_iter()
                .enumerate()
                .filter(|(_, strength)| *strength > 0.0)
                .map(|(doc, strength)| (DocAddress::new(segment_ord, doc as DocId), strength)),
        );
    }
    found
}

/// The strengths for one query of every document of one segment, indexed by document id:
/// 0 for a document that uses no query word (or is deleted, or is not in `targets`).
///
/// The query's words are summed in stem order, so a strength is the same float on every
/// run and whichever way the bank was indexed.
pub fn segment_strengths(
    segment: &tantivy::SegmentReader,
    fields: StrengthFields,
    weights: &HashMap<String, f32>,
    rarity: &QuestionVocabulary,
    targets: Option<&[DocId]>,
) -> Vec<f32> {
    let mut words: Vec<(&String, f32)> = weights
        .iter()
        .map(|(stem, weight)| (stem, weight * rarity.rarity(stem)))
        .filter(|(_, unit)| *unit > 0.0)
        .collect();
    words.sort_by(|a, b| a.0.cmp(b.0));
    let ideal: f32 = words.iter().map(|(_, unit)| unit).sum();
    let max_doc = segment.max_doc() as usize;
    let mut total = vec![0.0f32; max_doc];
    if ideal <= 0.0 {
        return total;
    }
    let Ok(body_lengths) = segment.get_fieldnorms_reader(fields.body) else {
        return total;
    };
    let alive = |doc: DocId| segment.alive_bitset().is_none_or(|bits| bits.is_alive(doc));
    // Per document, the current word's best field; `touched` lists the documents to add
    // and reset, so a word costs its postings, not the segment's size.
    let mut best = vec![0.0f32; max_doc];
    let mut touched: Vec<DocId> = Vec::new();
    for (stem, unit) in &words {
        let mut mention = |field: Field, count: &dyn Fn(DocId, u32) -> f32| {
            let Some(mut postings) = postings(segment, field, stem) else {
                return;
            };
            let mut note = |doc: DocId, tf: u32| {
                let value = count(doc, tf);
                let slot = &mut best[doc as usize];
                if *slot == 0.0 {
                    touched.push(doc);
                }
                *slot = slot.max(value);
            };
            match targets {
                Some(ids) => {
                    for &doc in ids {
                        if postings.doc() > doc {
                            continue;
                        }
                        if postings.seek(doc) == doc {
                            note(doc, postings.term_freq());
                        }
                    }
                }
                None => {
                    let mut doc = postings.doc();
                    while doc != TERMINATED {
                        if alive(doc) {
                            note(doc, postings.term_freq());
                        }
                        doc = postings.advance();
                    }
                }
            }
        };
        mention(fields.title, &|_, _| TITLE_BOOST);
        mention(fields.labels, &|_, _| LABELS_BOOST);
        mention(fields.body, &|doc, tf| {
            saturation(tf as f32, body_lengths.fieldnorm(doc) as f32)
        });
        for doc in touched.drain(..) {
            let value = std::mem::take(&mut best[doc as usize]);
            total[doc as usize] += unit * value;
        }
    }
    for strength in &mut total {
        *strength = (*strength / ideal).clamp(0.0, 1.0);
    }
    total
}

/// How a strength reads, in five bands; `Adequate` starts at [`ADEQUATE`](super::ADEQUATE).
/// Every view of strengths (coverage glyphs, search words, the workbench's colours) reads
/// these bands, so they cannot drift apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Band {
    None,
    Weak,
    Adequate,
    Good,
    Strong,
}

/// Below this a story shares next to nothing with the question.
pub const WEAK_FROM: f32 = 0.05;
pub const GOOD_FROM: f32 = 0.35;
pub const STRONG_FROM: f32 = 0.5;

impl Band {
    pub fn of(strength: f32) -> Band {
        if strength >= STRONG_FROM {
            Band::Strong
        } else if strength >= GOOD_FROM {
            Band::Good
        } else if strength >= super::ADEQUATE {
            Band::Adequate
        } else if strength >= WEAK_FROM {
            Band::Weak
        } else {
            Band::None
        }
    }

    /// The coverage glyph: the adequate threshold is the line between light (`·`, `░`) and
    /// dark (`▒`, `▓`, `█`), so the glyph alone carries it.
    pub fn glyph(self) -> char {
        match self {
            Band::None => '·',
            Band::Weak => '░',
            Band::Adequate => '▒',
            Band::Good => '▓',
            Band::Strong => '█',
        }
    }

    /// The word `search` and `map` print: strong, adequate (good counts as adequate there), weak.
    pub fn word(self) -> &'static str {
        match self {
            Band::Strong => "strong",
            Band::Good | Band::Adequate => "adequate",
            Band::Weak | Band::None => "weak",
        }
    }
}

/// A strength to two decimals, rounded down: 0.249 shows as 0.24, never as the 0.25 it
/// falls short of.
pub fn rounded_down(strength: f32) -> String {
    format!("{:.2}", (strength * 100.0).floor() / 100.0)
}

fn postings(segment: &tantivy::SegmentReader, field: Field, stem: &str) -> Option<SegmentPostings> {
    segment
        .inverted_index(field)
        .ok()?
        .read_postings(
            &Term::from_field_text(field, stem),
            IndexRecordOption::WithFreqs,
        )
        .ok()
        .flatten()
}

/// BM25's term-frequency factor against the reference length, scaled so one mention in a
/// body of the reference length counts 1.
fn saturation(tf: f32, length: f32) -> f32 {
    let norm = K1 * (1.0 - B + B * length / REFERENCE_LENGTH);
    tf * (K1 + 1.0) / (tf + norm)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_mention_in_a_story_of_reference_length_counts_one() {
        assert!((saturation(1.0, REFERENCE_LENGTH) - 1.0).abs() < 1e-6);
        assert!(saturation(3.0, REFERENCE_LENGTH) > saturation(1.0, REFERENCE_LENGTH));
        assert!(saturation(1.0, 2.0 * REFERENCE_LENGTH) < 1.0);
        assert!(saturation(100.0, REFERENCE_LENGTH) < K1 + 1.0);
    }

    #[test]
    fn bands_rise_with_strength_and_adequate_is_the_dark_line() {
        let glyphs: Vec<char> = [0.0, 0.1, crate::index::ADEQUATE, 0.4, 0.9]
            .map(|s| Band::of(s).glyph())
            .to_vec();
        assert_eq!(glyphs, ['·', '░', '▒', '▓', '█']);
        assert_eq!(Band::of(0.49).word(), "adequate");
        assert_eq!(Band::of(0.5).word(), "strong");
        assert_eq!(Band::of(crate::index::ADEQUATE - 0.01).word(), "weak");
    }

    #[test]
    fn a_strength_short_of_the_threshold_never_shows_as_reaching_it() {
        assert_eq!(rounded_down(0.249), "0.24");
        assert_eq!(rounded_down(0.25), "0.25");
        assert_eq!(rounded_down(1.0), "1.00");
    }
}
