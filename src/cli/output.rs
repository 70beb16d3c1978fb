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

pub use crate::snippet::ansi::{BOLD, CYAN, DIM, GREEN, RED};
pub use crate::snippet::paint;

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
/// Streams output to stdout through a buffer, as `write` produces it: a large report is
/// written as it is built, never held whole. Errors are reported as [`emit`] reports them.
pub fn emit_streamed(write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>) {
    use std::io::Write;
    let stdout = std::io::stdout().lock();
    let mut buffered = std::io::BufWriter::with_capacity(1 << 16, stdout);
    if let Err(err) = write(&mut buffered).and_then(|()| buffered.flush()) {
        if err.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("error: cannot write output: {err}");
        }
    }
}

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
