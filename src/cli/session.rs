//! What search, map and coverage start from: the bank, its prompts and its search index
//! (kept on disk), loaded once with errors printed and turned into an exit status.

use std::path::Path;

use super::{Cli, EXIT_ERROR};
use crate::bank::Bank;
use crate::index::map::{default_level, BankMap};
use crate::index::{map_bank, persist, StoryIndex};
use crate::prompts::Prompts;
use crate::snippet::sanitize;
use crate::story::Level;

/// A loaded bank with its prompts and index: what search, map and coverage start from.
pub struct Indexed {
    pub bank: Bank,
    pub prompts: Prompts,
    pub index: StoryIndex,
}

/// Loads the bank and builds its index. Files that do not load are skipped with a warning
/// (the rest is still searchable); a missing bank is an error.
pub fn open(cli: &Cli) -> Result<Indexed, u8> {
    let root = cli.bank_dir();
    let prompts = cli.prompts(&root)?;
    let bank = Bank::load(&root).map_err(|err| {
        eprintln!("error: {err}");
        EXIT_ERROR
    })?;
    // Mistakes in `starbank.ron` that only the prompts can tell (an unknown rule or rubric
    // alternative) are said, not silently ignored; the command goes on without them.
    for error in crate::lint::config_errors(&bank, &prompts.rubric) {
        eprint!("{}", super::output::render_load_error(&error));
    }
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
pub fn open_index(root: &Path, prompts: &Prompts) -> Result<StoryIndex, u8> {
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
pub fn known_question(prompts: &Prompts, id: &str) -> Result<(), u8> {
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

/// Loads, indexes and maps the bank at the level asked for (or the bank's).
pub fn mapped(cli: &Cli, level: Option<Level>) -> Result<(Indexed, BankMap), u8> {
    let indexed = open(cli)?;
    let level = default_level(level, indexed.bank.config.level, &indexed.bank.stories);
    let map = map_bank(
        &indexed.index,
        &indexed.bank.stories,
        &indexed.prompts,
        level,
    );
    Ok((indexed, map))
}
