//! Terminal output helpers: colour detection and rendering shared by commands.

use std::io::IsTerminal;

use crate::error::LoadError;
use crate::snippet::Styles;

/// Whether to colour output on this stream: a terminal, and `NO_COLOR` unset or empty.
pub fn use_colour(stream_is_terminal: bool) -> bool {
    stream_is_terminal && std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
}

pub fn stdout_colour() -> bool {
    use_colour(std::io::stdout().is_terminal())
}

pub fn stderr_colour() -> bool {
    use_colour(std::io::stderr().is_terminal())
}

pub const RED: &str = "\x1b[1;31m";
#[allow(dead_code)] // used by the linter's warnings
pub const YELLOW: &str = "\x1b[1;33m";
pub const CYAN: &str = "\x1b[1;36m";
pub const GREEN: &str = "\x1b[1;32m";
pub const BOLD: &str = "\x1b[1m";
pub const DIM: &str = "\x1b[2m";
pub const RESET: &str = "\x1b[0m";

/// A load error for stderr, coloured if stderr is a terminal.
pub fn render_load_error(err: &LoadError) -> String {
    if stderr_colour() {
        err.render(Styles::coloured(RED), RED)
    } else {
        err.render(Styles::PLAIN, "")
    }
}

/// Writes `text` to stdout. A closed pipe (`starbank questions | head`) is not an error:
/// the reader has what it wanted.
pub fn emit(text: &str) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    if let Err(err) = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        if err.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("error: cannot write output: {err}");
        }
    }
}

/// Wraps `text` in `style` when `colour` is on.
pub fn paint(colour: bool, style: &str, text: &str) -> String {
    if colour {
        format!("{style}{text}{RESET}")
    } else {
        text.to_string()
    }
}
