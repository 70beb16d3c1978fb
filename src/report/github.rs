//! GitHub Actions workflow commands: `::warning file=..,line=..::message` annotate the
//! pull request's diff.

use std::fmt::Write;

use super::{terminal_path, Place, Sources};
use crate::config::Severity;
use crate::lint::Report;

/// Writes one annotation per diagnostic to `sink` as it goes.
pub fn write(
    report: &Report,
    sources: &Sources,
    sink: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut out = String::new();
    for diagnostic in report.all() {
        super::drain(&mut out, sink)?;
        if diagnostic.is_load_error() {
            let at = sources.place_of(&diagnostic).unwrap_or(Place::FILE_START);
            let _ = writeln!(
                out,
                "::error file={},line={},col={},title={}::{}",
                property(&terminal_path(&diagnostic.path)),
                at.line,
                at.column,
                property("starbank: file does not load"),
                data(&diagnostic.message)
            );
            continue;
        }
        let command = match diagnostic.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut properties = format!("file={}", property(&terminal_path(&diagnostic.path)));
        if let Some(at) = sources.place_of(&diagnostic) {
            let _ = write!(properties, ",line={},col={}", at.line, at.column);
            if at.end_line == at.line {
                let _ = write!(properties, ",endColumn={}", at.end_column);
            } else {
                let _ = write!(properties, ",endLine={}", at.end_line);
            }
        }
        let title = format!("{} ({})", diagnostic.code, diagnostic.name);
        let _ = writeln!(
            out,
            "::{command} {properties},title={}::{}",
            property(&title),
            data(&diagnostic.message)
        );
    }
    super::drain(&mut out, sink)
}

/// Escapes a workflow command's message (the runner's `escapeData`). The runner prints
/// annotations in the job log, which renders ANSI escapes: every other control character
/// and bidi control becomes a visible stand-in, as in the terminal.
fn data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c if crate::snippet::is_unsafe_for_terminal(c) => {
                out.push_str(&crate::snippet::sanitize(c.encode_utf8(&mut [0; 4])))
            }
            c => out.push(c),
        }
    }
    out
}

/// Escapes a property value (the runner's `escapeProperty`).
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_follow_the_runner() {
        assert_eq!(data("50% of a\nb"), "50%25 of a%0Ab");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
        assert_eq!(
            data("a\u{1b}[2J\u{9b}\u{202e}b"),
            "a\u{241b}[2J\u{fffd}\u{fffd}b"
        );
    }
}
