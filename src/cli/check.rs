//! `starbank check`: load the bank and report every file that does not load.

use std::path::Path;

use super::output::{paint, render_load_error, stdout_colour, GREEN};
use super::{Cli, EXIT_CLEAN, EXIT_ERROR};
use crate::bank::Bank;

pub fn run(cli: &Cli, path: Option<&Path>) -> u8 {
    let root = path.map_or_else(|| cli.bank_dir(), Path::to_path_buf);
    let prompts = match cli.prompts(&root) {
        Ok(prompts) => prompts,
        Err(code) => return code,
    };
    let bank = match Bank::load(&root) {
        Ok(bank) => bank,
        Err(err) => {
            eprintln!("error: {err}");
            return EXIT_ERROR;
        }
    };
    let mut errors = bank.errors.clone();
    errors.extend(bank.completeness_errors());
    // A `starbank.ron` that names a rule or a rubric alternative that does not exist would
    // be ignored by every command that reads it: an error here, as in `lint`.
    errors.extend(crate::lint::config_errors(&bank, &prompts.rubric));
    errors.sort_by(|a, b| (&a.path, a.start()).cmp(&(&b.path, b.start())));
    for err in &errors {
        eprint!("{}", render_load_error(err));
        eprintln!();
    }
    let files = bank.stories.len() + bank.errors.len();
    if files == 0 {
        eprintln!(
            "warning: no stories found in {}; a story is a `.ron` file (see README.md)",
            root.display()
        );
    }
    if errors.is_empty() {
        println!(
            "{} {} stories in {} load cleanly",
            paint(stdout_colour(), GREEN, "ok:"),
            bank.stories.len(),
            root.display()
        );
        EXIT_CLEAN
    } else {
        eprintln!(
            "{} error{} in {} file{} ({} of {} stories loaded)",
            errors.len(),
            if errors.len() == 1 { "" } else { "s" },
            files,
            if files == 1 { "" } else { "s" },
            bank.stories.len(),
            files
        );
        EXIT_ERROR
    }
}
