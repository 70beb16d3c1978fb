//! Argument definitions (clap derive).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::story::Level;

/// starbank: a STAR story workbench for Amazon-style L6/L7 engineering-manager loops.
///
/// Keep your stories as RON files in a folder (default ./stories); starbank lints their
/// scope and STAR structure, maps them to the interview questions they answer, and opens a
/// terminal workbench to draft and search them.
#[derive(Debug, Parser)]
#[command(name = "starbank", version, about, long_about)]
pub struct Cli {
    /// The story bank folder [default: ./stories]
    #[arg(long, global = true, value_name = "DIR")]
    pub bank: Option<PathBuf>,

    /// A folder whose questions.ron / levels.ron / hints.ron / principles.ron override the
    /// built-in ones [default: a prompts/ folder beside the bank, if any]
    #[arg(long, global = true, value_name = "DIR")]
    pub prompts: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load the bank and report every file that does not load (exit 2 if any)
    Check {
        /// The bank folder or story files to check [default: --bank, else ./stories]
        path: Option<PathBuf>,
    },
    /// List the question bank
    Questions {
        /// Only the questions of this level
        #[arg(long, value_parser = parse_level)]
        level: Option<Level>,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Open the workbench: draft, search and check stories (also what `starbank` alone does)
    Tui,
}

/// Output format for listing commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

pub fn parse_level(text: &str) -> Result<Level, String> {
    Level::parse(text).ok_or_else(|| format!("unknown level `{text}`: use L6 or L7"))
}
