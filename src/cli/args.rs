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

    /// A folder whose questions.ron / levels.ron / hints.ron / principles.ron / loop.ron override the
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
    /// Lint the bank: each story's scope against its level, STAR structure, the bank as a whole
    ///
    /// Exit status: 0 clean, 1 findings at or above --fail-on, 2 a file could not be read or
    /// parsed (the other stories are still linted).
    Lint {
        /// Story files or folders to lint [default: the bank]. Bank-wide rules run only
        /// when every path is a folder.
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
        format: ReportFormat,
        /// Judge every story against this level instead of its own
        #[arg(long, value_parser = parse_level)]
        level: Option<Level>,
        /// The lowest severity that makes the exit status 1
        #[arg(long, value_enum, default_value_t = FailOn::Warning)]
        fail_on: FailOn,
        /// Re-lint whenever a file in the bank changes (Ctrl-C to stop)
        #[arg(long)]
        watch: bool,
    },
    /// Explain a lint rule: why it matters to an interviewer and where it comes from
    Explain {
        /// A rule code or name (e.g. SC001, team-size-below-level); none lists every rule
        rule: Option<String>,
        /// Print every rule's full explanation
        #[arg(long)]
        all: bool,
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
    /// Practise the loop in the workbench: a question of the plan, a countdown, the planned
    /// story, your rating (history in <bank>/.starbank/practice.ron)
    Practice,
    /// Find the stories that answer a question, ranked, with the passage that matched
    Search(SearchArgs),
    /// Map each question of a level to its best stories, and each story to its questions
    Map(MapArgs),
    /// The bank against a level's questions, as a matrix; then the gaps and overused stories
    Coverage(CoverageArgs),
    /// Serve the Language Server Protocol on stdin/stdout, for editors (see README.md)
    ///
    /// Diagnostics, hover, completion, code actions, inlay hints, document symbols and go to
    /// definition for the stories of the bank each open `.ron` file belongs to.
    Lsp,
    /// Plan the loop: the story to tell in each round, a backup for each, where the bank is thin
    ///
    /// Stories are assigned so that no story is told twice and the total strength is the
    /// largest possible (an optimal assignment, not first come first served).
    Plan(PlanArgs),
    /// A printable one-page loop sheet: per round, the story to tell, its short version and
    /// figures, the backup and the questions it covers (Markdown, or HTML to print)
    Sheet(SheetArgs),
}

pub use crate::report::Format as ReportFormat;

/// `--fail-on`: the lowest severity that fails the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}

impl FailOn {
    pub fn severity(self) -> crate::config::Severity {
        match self {
            FailOn::Error => crate::config::Severity::Error,
            FailOn::Warning => crate::config::Severity::Warning,
            FailOn::Info => crate::config::Severity::Info,
        }
    }
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

#[derive(Debug, clap::Args)]
pub struct MapArgs {
    /// The level whose questions to map [default: the bank's `level`, else its stories' most common]
    #[arg(long, value_parser = parse_level)]
    pub level: Option<Level>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, clap::Args)]
pub struct CoverageArgs {
    /// The level whose questions to cover [default: the bank's `level`, else its stories' most common]
    #[arg(long, value_parser = parse_level)]
    pub level: Option<Level>,
}

/// Output format for `plan`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PlanFormat {
    Human,
    Json,
    Markdown,
}

#[derive(Debug, clap::Args)]
pub struct PlanArgs {
    /// The loop to plan [default: the bank's `level`, else its stories' most common]
    #[arg(long, value_parser = parse_level)]
    pub level: Option<Level>,
    #[arg(long, value_enum, default_value_t = PlanFormat::Human)]
    pub format: PlanFormat,
}

/// Output format for `sheet`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SheetFormat {
    Markdown,
    /// One self-contained page (inline CSS, nothing fetched) to print
    Html,
}

#[derive(Debug, clap::Args)]
pub struct SheetArgs {
    /// The loop to plan [default: the bank's `level`, else its stories' most common]
    #[arg(long, value_parser = parse_level)]
    pub level: Option<Level>,
    #[arg(long, value_enum, default_value_t = SheetFormat::Markdown)]
    pub format: SheetFormat,
    /// The paper the HTML page is laid out for
    #[arg(long, value_enum, default_value_t = crate::report::sheet::Paper::A4)]
    pub paper: crate::report::sheet::Paper,
    /// Write the sheet to this file instead of stdout
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}
