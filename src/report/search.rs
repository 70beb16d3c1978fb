//! `starbank search`'s output: ranked hits with their passage and matched words (human), or
//! the JSON of docs/json.md.

use std::fmt::Write as _;

use serde::Serialize;

use crate::index::strength::Band;
use crate::index::Hit;
use crate::snippet::ansi::{BOLD, CYAN, DIM};
use crate::snippet::{paint, sanitize};

pub fn human(
    config_level: Option<crate::story::Level>,
    query: &str,
    question: &Option<String>,
    borrowed: &[String],
    hits: &[Hit],
    colour: bool,
) -> String {
    let mut out = String::new();
    let asked = match question {
        Some(id) => format!("{} ({id})", sanitize(query)),
        None => format!("\"{}\"", sanitize(query)),
    };
    if hits.is_empty() {
        let _ = writeln!(out, "No story matches {asked}.");
        let _ = writeln!(
            out,
            "Try the words your stories use, or a bank question: `starbank questions`, then `starbank search --question ID`."
        );
        return out;
    }
    let count = hits.len();
    let _ = writeln!(
        out,
        "{} {} for {asked}",
        count,
        if count == 1 { "story" } else { "stories" }
    );
    if !borrowed.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            paint(
                colour,
                DIM,
                &format!(
                    "(also searched the keywords of {}; --no-expand to search only your words)",
                    borrowed.join(", ")
                )
            )
        );
    }
    for (rank, hit) in hits.iter().enumerate() {
        let level = hit
            .level
            .or(config_level)
            .map_or(String::new(), |l| format!("  {l}"));
        out.push('\n');
        let _ = writeln!(
            out,
            "{:>2}. {}{level}  strength {:.2}{}  {}",
            rank + 1,
            paint(colour, CYAN, &sanitize(&hit.id)),
            hit.strength,
            // Only a bank question's strength is calibrated (see `starbank map`).
            if question.is_some() {
                format!(" {}", strength_word(hit.strength))
            } else {
                String::new()
            },
            paint(colour, DIM, &format!("(score {:.1})", hit.score)),
        );
        if !hit.title.is_empty() {
            let _ = writeln!(out, "    {}", paint(colour, BOLD, &hit.title));
        }
        let _ = writeln!(
            out,
            "    {}",
            paint(colour, DIM, &sanitize(&hit.path.display().to_string()))
        );
        let _ = writeln!(
            out,
            "    {}: {}",
            hit.section,
            highlight(&hit.snippet, &hit.highlights, colour)
        );
        if !hit.matched_terms.is_empty() {
            let _ = writeln!(
                out,
                "    {} {}",
                paint(colour, DIM, "matched:"),
                sanitize(&hit.matched_terms.join(", "))
            );
        }
    }
    out
}

/// How a strength reads, in words.
pub fn strength_word(strength: f32) -> String {
    format!("({})", Band::of(strength).word())
}

/// The snippet with its matches bold and underlined, or wrapped in `**` without colour so
/// they still stand out when piped.
fn highlight(snippet: &str, ranges: &[std::ops::Range<usize>], colour: bool) -> String {
    let (open, close) = if colour {
        ("\x1b[1;4m", "\x1b[0m")
    } else {
        ("**", "**")
    };
    let mut out = String::with_capacity(snippet.len() + ranges.len() * 8);
    let mut at = 0;
    for range in ranges {
        let valid = range.start >= at
            && range.end <= snippet.len()
            && snippet.is_char_boundary(range.start)
            && snippet.is_char_boundary(range.end);
        if !valid {
            continue;
        }
        out.push_str(&snippet[at..range.start]);
        out.push_str(open);
        out.push_str(&snippet[range.clone()]);
        out.push_str(close);
        at = range.end;
    }
    out.push_str(&snippet[at..]);
    // The index sanitized the snippet: the only escapes here are ours.
    out
}

/// The search as JSON: the query as shown, and each hit.
pub fn json(query: String, hits: &[Hit]) -> JsonSearch {
    JsonSearch {
        query,
        hits: hits.iter().map(JsonHit::from).collect(),
    }
}

#[derive(Serialize)]
pub struct JsonSearch {
    query: String,
    hits: Vec<JsonHit>,
}

#[derive(Serialize)]
struct JsonHit {
    id: String,
    path: String,
    score: f64,
    snippet: String,
    section: &'static str,
    strength: f64,
    matched_terms: Vec<String>,
    highlights: Vec<[usize; 2]>,
}

impl From<&Hit> for JsonHit {
    fn from(hit: &Hit) -> JsonHit {
        JsonHit {
            id: hit.id.clone(),
            path: hit.path.display().to_string(),
            score: round(hit.score),
            snippet: hit.snippet.clone(),
            section: hit.section.as_str(),
            strength: round(hit.strength),
            matched_terms: hit.matched_terms.clone(),
            highlights: hit.highlights.iter().map(|r| [r.start, r.end]).collect(),
        }
    }
}

/// Three decimals: f32 noise (12.300000190734863) helps no reader.
pub fn round(value: f32) -> f64 {
    (f64::from(value) * 1000.0).round() / 1000.0
}
