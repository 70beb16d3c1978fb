//! Human output, like rustc and ruff: `severity[CODE]: message`, the file's line with the
//! phrase underlined, help, then a summary of how the bank reads.

use std::fmt::Write;

use super::{display_path, Sources};
use crate::config::Severity;
use crate::lint::{Diagnostic, Report};
use crate::prompts::Reading;
use crate::snippet::ansi::{BOLD, CYAN, GREEN, RED, YELLOW};
use crate::snippet::{paint, sanitize, Frame, Styles};

/// Terminal styling and the failing severity the summary mentions.
#[derive(Debug, Clone, Copy)]
pub struct HumanOptions {
    pub colour: bool,
    pub fail_on: Severity,
}

/// Writes the report to `sink` one diagnostic at a time: a frame is built, written and its
/// buffer reused, so the text of the whole report is never in memory.
pub fn write(
    report: &Report,
    sources: &Sources,
    options: HumanOptions,
    sink: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut out = String::new();
    for diagnostic in report.all() {
        super::drain(&mut out, sink)?;
        match sources.load_error(&diagnostic) {
            // A file that did not load is drawn as `starbank check` draws it.
            Some(error) if diagnostic.is_load_error() => {
                out.push_str(&if options.colour {
                    error.render(Styles::coloured(RED), RED)
                } else {
                    error.render(Styles::PLAIN, "")
                });
                out.push('\n');
            }
            _ => render_diagnostic(&mut out, &diagnostic, sources, options.colour),
        }
    }
    render_summary(&mut out, report, options);
    super::drain(&mut out, sink)
}

fn severity_style(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => RED,
        Severity::Warning => YELLOW,
        Severity::Info => CYAN,
    }
}

fn render_diagnostic(out: &mut String, diagnostic: &Diagnostic, sources: &Sources, colour: bool) {
    let style = severity_style(diagnostic.severity);
    let _ = writeln!(
        out,
        "{}{}",
        paint(
            colour,
            style,
            &format!("{}[{}]", diagnostic.severity.as_str(), diagnostic.code)
        ),
        paint(
            colour,
            BOLD,
            &format!(": {}", sanitize(&diagnostic.message))
        )
    );
    let styles = if colour {
        Styles::coloured(style)
    } else {
        Styles::PLAIN
    };
    let path = display_path(&diagnostic.path);
    let pad = match sources.place_of(diagnostic) {
        Some(at) => {
            let line_text = sources.line(&diagnostic.path, at.line).unwrap_or("");
            // A multi-line phrase is underlined to the end of its first line.
            let end_column = if at.end_line == at.line {
                at.end_column
            } else {
                line_text.chars().count() + 1
            };
            let frame = Frame {
                path: &path,
                line: at.line,
                column: at.column,
                end_column,
                line_text,
                label: diagnostic.label.as_deref().unwrap_or(""),
            };
            out.push_str(&frame.render(styles));
            " ".repeat(at.line.to_string().len())
        }
        None => {
            // The bank folder's name, or a file's, is story text too.
            let _ = writeln!(
                out,
                " {}-->{} {}",
                styles.gutter,
                styles.reset,
                sanitize(&path)
            );
            String::new()
        }
    };
    if let Some(help) = &diagnostic.help {
        let _ = writeln!(
            out,
            "{pad} {}={} help: {}",
            styles.gutter,
            styles.reset,
            sanitize(help)
        );
    }
    out.push('\n');
}

fn render_summary(out: &mut String, report: &Report, options: HumanOptions) {
    let colour = options.colour;
    let summary = report.summary();
    let mut on_target = 0;
    let mut below = 0;
    let mut above = 0;
    let mut unscoped = 0;
    for story in &report.stories {
        match (story.level.map(Reading::of_level), story.reads_at) {
            (_, None) => unscoped += 1,
            (Some(target), Some(reading)) if reading < target => below += 1,
            (Some(target), Some(reading)) if reading > target => above += 1,
            _ => on_target += 1,
        }
    }
    let _ = writeln!(
        out,
        "{} stor{}: {on_target} read at their level, {below} below, {above} above, {unscoped} state no figure",
        summary.stories,
        if summary.stories == 1 { "y" } else { "ies" },
    );
    let counts = format!(
        "{} error{}, {} warning{}, {} info{}",
        summary.errors,
        plural(summary.errors),
        summary.warnings,
        plural(summary.warnings),
        summary.infos,
        plural(summary.infos)
    );
    let failing = report.fails_at(options.fail_on) || summary.load_errors > 0;
    let verdict = if summary.errors + summary.warnings + summary.infos == 0 {
        paint(colour, GREEN, "all clean")
    } else if failing {
        paint(
            colour,
            severity_style(options.fail_on),
            &format!("found {counts}"),
        )
    } else {
        format!(
            "found {counts} (none at or above {})",
            options.fail_on.as_str()
        )
    };
    let _ = writeln!(out, "{verdict}");
    if summary.load_errors > 0 {
        let _ = writeln!(
            out,
            "{} file{} did not load and {} not linted: fix {} first (`starbank check` shows only these)",
            summary.load_errors,
            plural(summary.load_errors),
            if summary.load_errors == 1 { "was" } else { "were" },
            if summary.load_errors == 1 { "it" } else { "them" },
        );
    }
}

fn plural(count: usize) -> &'static str {
    if count == 1 {
        ""
    } else {
        "s"
    }
}
