//! The command line: argument definitions and one module per command. Each command returns
//! its exit status (0 clean, 1 findings, 2 a file could not be read or the command was misused).

pub mod args;
mod check;
mod coverage;
mod explain;
mod lint;
mod map;
mod output;
mod plan;
mod questions;
mod search;
mod session;
mod sheet;
mod tui;

use std::path::PathBuf;
use std::process::ExitCode;

pub use args::{Cli, Command};

use crate::prompts::Prompts;

/// Exit statuses, per docs/json.md.
pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

/// Runs a parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    let code = match &cli.command {
        Some(Command::Check { path }) => check::run(&cli, path.as_deref()),
        Some(Command::Questions { level, format }) => questions::run(&cli, *level, *format),
        Some(Command::Lint {
            paths,
            format,
            level,
            fail_on,
            watch,
        }) => lint::run(
            &cli,
            &lint::LintArgs {
                paths,
                format: *format,
                level: *level,
                fail_on: fail_on.severity(),
                watch: *watch,
            },
        ),
        Some(Command::Explain { rule, all }) => explain::run(rule.as_deref(), *all),
        Some(Command::Search(args)) => search::run(&cli, args),
        Some(Command::Map(args)) => map::run(&cli, args),
        Some(Command::Coverage(args)) => coverage::run(&cli, args),
        Some(Command::Lsp) => crate::lsp::run(),
        Some(Command::Plan(args)) => plan::run(&cli, args),
        Some(Command::Sheet(args)) => sheet::run(&cli, args),
        Some(Command::Tui) | None => tui::run(&cli, crate::tui::Start::Browse),
        Some(Command::Practice) => tui::run(&cli, crate::tui::Start::Practice),
    };
    ExitCode::from(code)
}

impl Cli {
    /// The bank folder: `--bank`, else `./stories`.
    pub fn bank_dir(&self) -> PathBuf {
        self.bank
            .clone()
            .unwrap_or_else(|| PathBuf::from("stories"))
    }

    /// The prompts, with overrides from `--prompts` or a `prompts/` folder beside `bank`.
    pub fn prompts(&self, bank: &std::path::Path) -> Result<Prompts, u8> {
        if let Some(dir) = self.prompts.as_deref().filter(|dir| !dir.is_dir()) {
            // Every file in it is optional, so a mistyped folder would silently mean the
            // built-in prompts.
            eprintln!(
                "error: prompts folder `{}` does not exist; pass --prompts DIR (a folder with any of questions.ron, levels.ron, hints.ron, principles.ron, thesaurus.ron, loop.ron), or leave it out for the built-in prompts",
                crate::snippet::sanitize(&dir.display().to_string())
            );
            return Err(EXIT_ERROR);
        }
        let dir = Prompts::discover(self.prompts.as_deref(), bank);
        Prompts::load(dir.as_deref()).map_err(|err| {
            eprint!("{}", output::render_load_error(&err));
            EXIT_ERROR
        })
    }
}
