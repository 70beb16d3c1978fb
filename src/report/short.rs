//! `path:line:col: severity[CODE] message`: the format editors' quickfix lists read.

use std::fmt::Write;

use super::{terminal_path, Sources};
use crate::lint::Report;
use crate::snippet::sanitize;

/// Writes one line per diagnostic to `sink` as it goes.
pub fn write(
    report: &Report,
    sources: &Sources,
    sink: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut out = String::new();
    for diagnostic in report.all() {
        super::drain(&mut out, sink)?;
        let place = match sources.place_of(&diagnostic) {
            Some(at) => format!(
                "{}:{}:{}",
                terminal_path(&diagnostic.path),
                at.line,
                at.column
            ),
            None => terminal_path(&diagnostic.path),
        };
        let _ = writeln!(
            out,
            "{place}: {}[{}] {}",
            diagnostic.severity.as_str(),
            diagnostic.code,
            sanitize(&diagnostic.message)
        );
    }
    super::drain(&mut out, sink)
}
