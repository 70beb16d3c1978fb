//! `path:line:col: severity[CODE] message`: the format editors' quickfix lists read.

use std::fmt::Write;

use super::{terminal_path, Sources};
use crate::lint::Report;
use crate::snippet::sanitize;

pub fn render(report: &Report, sources: &Sources) -> String {
    let mut out = String::new();
    for error in &report.errors {
        let _ = writeln!(
            out,
            "{}:{}:{}: error[load] {}",
            terminal_path(&error.path),
            error.start().line,
            error.start().column,
            sanitize(&error.message)
        );
    }
    for diagnostic in report.diagnostics() {
        let place = match sources.place(&diagnostic.path, diagnostic.span.as_ref()) {
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
    out
}
