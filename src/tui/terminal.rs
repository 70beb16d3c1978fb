//! Entering and leaving the terminal's full-screen mode, in one place, so that normal exit,
//! a panic and a suspend for `$EDITOR` all restore it the same way.

use std::io::{self, Stdout};

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use ratatui::Terminal;

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Raw mode, the alternate screen, mouse reporting and bracketed paste.
pub fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )
}

/// Undoes [`enter`]; safe to call more than once, and from a panic hook.
pub fn restore() {
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        ratatui::crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
}

pub fn init() -> io::Result<Term> {
    enter()?;
    Terminal::new(CrosstermBackend::new(io::stdout()))
}

/// Runs `program` on `path` with the terminal handed over to it, then takes it back.
pub fn run_external_editor(
    terminal: &mut Term,
    path: &std::path::Path,
) -> io::Result<std::process::ExitStatus> {
    restore();
    let command = external_editor_command();
    let mut words = command.split_whitespace();
    let program = words.next().unwrap_or("vi");
    let status = std::process::Command::new(program)
        .args(words)
        .arg(path)
        .status();
    enter()?;
    terminal.clear()?;
    status
}

/// `$VISUAL`, else `$EDITOR`, else `vi`.
pub fn external_editor_command() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string())
}
