//! `path:line:col: severity[CODE] message`: the format editors' quickfix lists read.

use std::fmt::Write;

use super::{display_path, Sources};
use crate::lint::Report;
use crate::snippet::sanitize;

pub fn render(report: &Report, sources: &Sources) -> String {
    let mut out = String::new();
    for diagnostic in report.all() {
        let place = match sources.place_of(&diagnostic) {
            Some(at) => format!(
                "{}:{}:{}",
                display_path(&diagnostic.path),
                at.line,
                at.column
            ),
            None => display_path(&diagnostic.path),
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
