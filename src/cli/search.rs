//! `starbank search`: the stories that answer a question, ranked, with the passage that
//! matched and the words that made it match.

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use super::args::{parse_level, Format};
use super::output::{emit, paint, stdout_colour, BOLD, CYAN, DIM};
use super::{Cli, EXIT_CLEAN, EXIT_ERROR};
use crate::bank::Bank;
use crate::config::Config;
use crate::index::persist;
use crate::index::{Hit, SearchQuery, StoryIndex, ADEQUATE};
use crate::prompts::Prompts;
use crate::snippet::sanitize;

#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// The question as an interviewer asks it, or words. Query syntax works too
    /// ("exact phrase", +must, -not); text that does not parse is searched as plain words.
    pub text: Option<String>,
    /// Search with a bank question's text and keywords (see `starbank questions`)
    #[arg(long, value_name = "ID")]
    pub question: Option<String>,
    /// Only stories of this level (stories without a level are always included)
    #[arg(long, value_parser = parse_level)]
    pub level: Option<crate::story::Level>,
    /// How many stories to show
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub limit: usize,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Search the words as given, without borrowing the keywords of similar bank questions
    #[arg(long)]
    pub no_expand: bool,
}

/// A loaded bank with its prompts and index: what search, map and coverage start from.
pub(super) struct Indexed {
    pub bank: Bank,
    pub prompts: Prompts,
    pub index: StoryIndex,
}

/// Loads the bank and builds its index. Files that do not load are skipped with a warning
/// (the rest is still searchable); a missing bank is an error.
pub(super) fn open(cli: &Cli) -> Result<Indexed, u8> {
    let root = cli.bank_dir();
    let prompts = cli.prompts(&root)?;
    let bank = Bank::load(&root).map_err(|err| {
        eprintln!("error: {err}");
        EXIT_ERROR
    })?;
    let index = open_index(&root, &prompts)?;
    Ok(Indexed {
        bank,
        prompts,
        index,
    })
}

/// The bank's search index, kept in `<bank>/.starbank/index/` and brought up to date
/// (reading only the stories that changed), or built in memory with a note when that
/// folder cannot be used. Warns of story files that did not load.
fn open_index(root: &Path, prompts: &Prompts) -> Result<StoryIndex, u8> {
    let opened = persist::open(root, prompts).map_err(|err| {
        eprintln!("error: {err}");
        EXIT_ERROR
    })?;
    if let Some(note) = &opened.note {
        eprintln!("{}", sanitize(note));
    }
    let broken = opened.broken;
    if broken > 0 {
        eprintln!(
            "warning: {broken} file{} in {} did not load and {} left out; `starbank check` shows why",
            if broken == 1 { "" } else { "s" },
            root.display(),
            if broken == 1 { "is" } else { "are" },
        );
    }
    Ok(opened.index)
}

/// A question id the bank knows, or an error naming the closest one.
pub(super) fn known_question(prompts: &Prompts, id: &str) -> Result<(), u8> {
    if prompts.question(id).is_some() {
        return Ok(());
    }
    let ids: Vec<&str> = prompts.questions.iter().map(|q| q.id.as_str()).collect();
    let hint = match crate::error::closest(id, &ids) {
        Some(near) => format!("; did you mean `{near}`?"),
        None => String::new(),
    };
    eprintln!(
        "error: unknown question `{}`{hint} (`starbank questions` lists them)",
        sanitize(id)
    );
    Err(EXIT_ERROR)
}

pub fn run(cli: &Cli, args: &SearchArgs) -> u8 {
    let text = args.text.clone().unwrap_or_default();
    if text.trim().is_empty() && args.question.is_none() {
        eprintln!("error: give the question to search for, e.g. `starbank search \"turned around a failing team\"`, or --question ID");
        return EXIT_ERROR;
    }
    // Search reads the index and the few stories it shows, not the whole bank.
    let root = cli.bank_dir();
    let prompts = match cli.prompts(&root) {
        Ok(prompts) => prompts,
        Err(code) => return code,
    };
    if let Some(id) = &args.question {
        if let Err(code) = known_question(&prompts, id) {
            return code;
        }
    }
    let index = match open_index(&root, &prompts) {
        Ok(index) => index,
        Err(code) => return code,
    };
    let config_level = Config::load(&root).ok().and_then(|config| config.level);
    let query = SearchQuery {
        text: text.clone(),
        question: args.question.clone(),
        level: args.level,
        limit: args.limit,
        expand: !args.no_expand,
    };
    let hits = index.search(&query);
    let shown_query = match (&args.question, text.trim().is_empty()) {
        (Some(id), true) => prompts
            .question(id)
            .map_or(text.clone(), |q| q.text.clone()),
        _ => text.clone(),
    };
    match args.format {
        Format::Json => {
            let out = JsonSearch {
                query: shown_query,
                hits: hits.iter().map(JsonHit::from).collect(),
            };
            match serde_json::to_string_pretty(&out) {
                Ok(json) => emit(&format!("{json}\n")),
                Err(err) => {
                    eprintln!("error: cannot write JSON: {err}");
                    return EXIT_ERROR;
                }
            }
        }
        Format::Human => {
            let borrowed = if query.expand && args.question.is_none() {
                index.resembling(&text, args.level)
            } else {
                Vec::new()
            };
            let borrowed: Vec<String> = borrowed.into_iter().map(|r| r.question_id).collect();
            emit(&human(
                config_level,
                &shown_query,
                &args.question,
                &borrowed,
                &hits,
            ));
        }
    }
    EXIT_CLEAN
}

fn human(
    config_level: Option<crate::story::Level>,
    query: &str,
    question: &Option<String>,
    borrowed: &[String],
    hits: &[Hit],
) -> String {
    let colour = stdout_colour();
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
pub(super) fn strength_word(strength: f32) -> &'static str {
    if strength >= 0.5 {
        "(strong)"
    } else if strength >= ADEQUATE {
        "(adequate)"
    } else {
        "(weak)"
    }
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

#[derive(Serialize)]
struct JsonSearch {
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
pub(super) fn round(value: f32) -> f64 {
    (f64::from(value) * 1000.0).round() / 1000.0
}
