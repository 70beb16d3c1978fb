//! `starbank search`: the stories that answer a question, ranked, with the passage that
//! matched and the words that made it match.

use super::args::{Format, SearchArgs};
use super::output::{emit, stdout_colour};
use super::session::{known_question, open_index};
use super::{Cli, EXIT_CLEAN, EXIT_ERROR};
use crate::config::Config;
use crate::index::SearchQuery;
use crate::report::search::{self as report, human};

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
            let out = report::json(shown_query, &hits);
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
                stdout_colour(),
            ));
        }
    }
    EXIT_CLEAN
}
