//! `starbank coverage`'s output: the bank against the questions of a level as a matrix
//! (questions by stories, shaded by strength), then the questions no story answers and the
//! stories that answer too many.

use std::fmt::Write as _;

use crate::index::map::BankMap;
use crate::index::strength::{rounded_down, Band, GOOD_FROM, STRONG_FROM};
use crate::index::{overused_stories, uncovered_questions, ADEQUATE};
use crate::snippet::ansi::{BOLD, CYAN, DIM, GREEN, YELLOW};
use crate::snippet::{paint, sanitize};

/// The matrix fits this many columns; wider banks wrap into several blocks of stories.
const WIDTH: usize = 80;
/// Question ids are cut to this many characters in the row labels.
const LABEL: usize = 30;
/// Each story column: two shade characters and a link mark.
const CELL: usize = 3;

/// The shade of a strength: blank to full block, with the adequate threshold as the line
/// between light (`·`, `░`) and dark (`▒`, `▓`, `█`).
fn shade(score: f32) -> char {
    Band::of(score).glyph()
}

/// The coverage matrix, the gaps and the overused stories, 80 columns wide.
pub fn render(map: &BankMap, max_per_story: usize, colour: bool) -> String {
    let mut out = String::new();
    let level = map.level.map_or("all".to_string(), |l| l.to_string());
    let stories: Vec<&str> = map.stories.iter().map(|s| s.story_id.as_str()).collect();
    let _ = writeln!(
        out,
        "{}",
        paint(
            colour,
            BOLD,
            &format!(
                "Coverage of the {} {level} questions by {} stories",
                map.questions.len(),
                stories.len()
            )
        )
    );
    let _ = writeln!(
        out,
        "{}",
        paint(
            colour,
            DIM,
            &format!(
                "· none  ░ weak  ▒ adequate (≥{ADEQUATE:.2})  ▓ good (≥{GOOD_FROM:.2})  █ strong (≥{STRONG_FROM:.2})  * linked"
            )
        )
    );
    let per_block = ((WIDTH - LABEL - 1) / CELL).max(1);
    // Looked up once per question: the matrix stays linear in the number of stories.
    let cells: Vec<std::collections::HashMap<&str, (f32, bool)>> = map
        .questions
        .iter()
        .map(|q| {
            q.ranked
                .iter()
                .map(|m| (m.story_id.as_str(), (m.score, m.linked)))
                .collect()
        })
        .collect();
    let covered: Vec<bool> = map
        .questions
        .iter()
        .map(|q| q.best(map.threshold).is_some())
        .collect();
    let prefix = map
        .level
        .map(|l| format!("{}-", l.as_str().to_ascii_lowercase()));
    for (block, columns) in (0..stories.len())
        .collect::<Vec<_>>()
        .chunks(per_block)
        .enumerate()
    {
        out.push('\n');
        let mut header = format!("{:LABEL$} ", "");
        for &column in columns {
            let _ = write!(header, "{:>2} ", column + 1);
        }
        let _ = writeln!(out, "{}", paint(colour, DIM, header.trim_end()));
        for (row_index, question) in map.questions.iter().enumerate() {
            let id = prefix
                .as_deref()
                .and_then(|p| question.question_id.strip_prefix(p))
                .unwrap_or(&question.question_id);
            let label = format!("{:LABEL$}", shorten(id, LABEL));
            let mut row = if covered[row_index] {
                label
            } else {
                paint(colour, YELLOW, &label)
            };
            row.push(' ');
            for &column in columns {
                let (score, linked) = cells[row_index]
                    .get(stories[column])
                    .copied()
                    .unwrap_or((0.0, false));
                let cell: String = [shade(score); 2].iter().collect();
                let cell = if score >= map.threshold {
                    paint(colour, GREEN, &cell)
                } else {
                    cell
                };
                row.push_str(&cell);
                row.push_str(&if linked {
                    paint(colour, CYAN, "*")
                } else {
                    " ".into()
                });
            }
            let _ = writeln!(out, "{}", row.trim_end());
        }
        let _ = block;
    }
    out.push('\n');
    out.push_str(&legend(&stories));
    out.push_str(&gaps(map, colour));
    out.push_str(&overused(map, max_per_story, colour));
    out
}

/// The story numbers, two to a line when they fit.
fn legend(stories: &[&str]) -> String {
    let mut out = String::new();
    let half = (WIDTH - 2) / 2;
    let names: Vec<String> = stories
        .iter()
        .enumerate()
        .map(|(i, id)| format!("{:>2} {}", i + 1, shorten(&sanitize(id), half - 4)))
        .collect();
    let rows = names.len().div_ceil(2);
    for row in 0..rows {
        let left = &names[row];
        match names.get(row + rows) {
            Some(right) => {
                let _ = writeln!(out, "{left:half$} {right}");
            }
            None => {
                let _ = writeln!(out, "{left}");
            }
        }
    }
    out
}

fn gaps(map: &BankMap, colour: bool) -> String {
    let mut out = String::new();
    let uncovered = uncovered_questions(map);
    out.push('\n');
    if uncovered.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            paint(colour, GREEN, "Every question has an adequate story.")
        );
        return out;
    }
    let _ = writeln!(
        out,
        "{}",
        paint(
            colour,
            BOLD,
            &format!(
                "Questions with no adequate story ({} of {}):",
                uncovered.len(),
                map.questions.len()
            )
        )
    );
    for gap in &uncovered {
        let text = map
            .questions
            .iter()
            .find(|q| q.question_id == gap.question_id)
            .map_or(String::new(), |q| sanitize(&q.text));
        let nearest = match &gap.nearest {
            Some(m) => format!(
                "nearest {} {}",
                sanitize(&m.story_id),
                rounded_down(m.score)
            ),
            None => "no story comes close".to_string(),
        };
        let _ = writeln!(out, "  {}", paint(colour, YELLOW, &gap.question_id));
        out.push_str(&wrap(&text, "      ", WIDTH));
        let _ = writeln!(out, "      {}", paint(colour, DIM, &nearest));
    }
    out
}

fn overused(map: &BankMap, max_per_story: usize, colour: bool) -> String {
    let mut out = String::new();
    let found = overused_stories(map, max_per_story);
    out.push('\n');
    if found.is_empty() {
        let _ = writeln!(
            out,
            "No story is the best answer to more than {max_per_story} questions."
        );
        return out;
    }
    let _ = writeln!(
        out,
        "{}",
        paint(
            colour,
            BOLD,
            &format!("Stories that are the best answer to more than {max_per_story} questions:")
        )
    );
    let _ = writeln!(
        out,
        "{}",
        paint(
            colour,
            DIM,
            "(a loop that hears one story twice sees less range: spread them)"
        )
    );
    for story in &found {
        let _ = writeln!(
            out,
            "  {} is the best story for {}:",
            paint(colour, YELLOW, &sanitize(&story.story_id)),
            story.questions.len(),
        );
        out.push_str(&wrap(&story.questions.join(", "), "      ", WIDTH));
    }
    out
}

/// `text` wrapped at spaces to `width` columns, each line indented.
fn wrap(text: &str, indent: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::from(indent);
    let columns = |s: &str| s.chars().count();
    for word in text.split(' ') {
        if line.len() > indent.len() && columns(&line) + 1 + columns(word) > width {
            out.push_str(line.trim_end());
            out.push('\n');
            line = String::from(indent);
        }
        if line.len() > indent.len() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&line);
    out.push('\n');
    out
}

/// `text` cut to `width` characters, with `…` when cut.
fn shorten(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_the_width() {
        assert_eq!(wrap("aa, bb, cc", "  ", 9), "  aa, bb,\n  cc\n");
    }

    #[test]
    fn shortens_long_ids() {
        assert_eq!(shorten("abcdef", 4), "abc…");
        assert_eq!(shorten("abc", 4), "abc");
    }
}
