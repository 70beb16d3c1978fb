//! `lint --format json`: the stable contract in docs/json.md. Field names and order are part
//! of the contract; add fields only at the end of an object.

use serde::Serialize;

use super::{display_path, Place, Sources};
use crate::lint::{Diagnostic, Report};

#[derive(Serialize)]
struct StoryOut<'a> {
    id: &'a str,
    path: String,
    level: Option<&'static str>,
    reads_at: Option<&'static str>,
    figures: Vec<FigureOut<'a>>,
    diagnostics: Vec<DiagnosticOut<'a>>,
    /// Figures the story states that are not the narrator's scope (customers, a company's
    /// whole staff, an outage's length): shown, never counted toward `reads_at`.
    other_figures: Vec<FigureOut<'a>>,
}

#[derive(Serialize)]
struct FigureOut<'a> {
    kind: &'static str,
    value: serde_json::Number,
    text: &'a str,
    section: &'static str,
    line: usize,
    column: usize,
    reads_at: &'static str,
    role: &'static str,
}

#[derive(Serialize)]
struct DiagnosticOut<'a> {
    code: &'static str,
    severity: &'static str,
    message: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
struct BankOut {
    diagnostics: Vec<BankDiagnosticOut>,
}

/// A bank finding may be about one story (then it has its path and place) or the bank.
#[derive(Serialize)]
struct BankDiagnosticOut {
    code: &'static str,
    severity: &'static str,
    message: String,
    path: String,
    line: Option<usize>,
    column: Option<usize>,
    end_line: Option<usize>,
    end_column: Option<usize>,
}

#[derive(Serialize)]
struct ErrorOut {
    path: String,
    line: usize,
    column: usize,
    message: String,
}

#[derive(Serialize)]
struct SummaryOut {
    stories: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

/// Stories rendered together on all cores, then written in order: enough to keep both cores
/// busy, few enough that only a sliver of the output is ever in memory.
const STORIES_PER_BATCH: usize = 256;

/// Writes the report to `sink`, pretty-printed as `serde_json::to_writer_pretty` prints the
/// object `{version, stories, bank, errors, summary}`: the stories are rendered in batches
/// on all cores and written in their order, so neither the whole JSON text nor an output
/// copy of every story is built, and the text is the same whatever the thread count.
pub fn write(
    report: &Report,
    sources: &Sources,
    sink: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    sink.write_all(b"{\n  \"version\": 1,\n  \"stories\": [")?;
    for (batch, stories) in report.stories.chunks(STORIES_PER_BATCH).enumerate() {
        let rendered: Vec<Vec<u8>> = stories
            .par_iter()
            .map(|report| {
                let mut out = Vec::with_capacity(4096);
                // An element of `stories`: two levels in, as in the whole object.
                pretty_at(&story(report, sources), 2, &mut out).map(|()| out)
            })
            .collect::<std::io::Result<_>>()?;
        for (i, text) in rendered.iter().enumerate() {
            let first = batch == 0 && i == 0;
            sink.write_all(if first { b"\n    " } else { b",\n    " })?;
            sink.write_all(text)?;
        }
    }
    if !report.stories.is_empty() {
        sink.write_all(b"\n  ")?;
    }
    sink.write_all(b"],\n  \"bank\": ")?;
    let bank = BankOut {
        diagnostics: report
            .bank
            .iter()
            .map(|d| bank_diagnostic(d, sources))
            .collect(),
    };
    pretty_at(&bank, 1, sink)?;
    sink.write_all(b",\n  \"errors\": ")?;
    let errors: Vec<ErrorOut> = report
        .all()
        .filter(|d| d.is_load_error())
        .map(|error| {
            let at = sources.place_of(&error).unwrap_or(Place::FILE_START);
            ErrorOut {
                path: display_path(&error.path),
                line: at.line,
                column: at.column,
                message: error.into_owned().message,
            }
        })
        .collect();
    pretty_at(&errors, 1, sink)?;
    sink.write_all(b",\n  \"summary\": ")?;
    let summary = report.summary();
    let summary = SummaryOut {
        stories: summary.stories,
        errors: summary.errors,
        warnings: summary.warnings,
        infos: summary.infos,
    };
    pretty_at(&summary, 1, sink)?;
    sink.write_all(b"\n}\n")
}

/// Writes `value` pretty-printed as it would be `depth` levels inside a pretty-printed
/// value: the formatter is brought to that depth by opening `depth` arrays into a sink that
/// drops their brackets.
fn pretty_at<T: Serialize, W: std::io::Write + ?Sized>(
    value: &T,
    depth: usize,
    out: &mut W,
) -> std::io::Result<()> {
    use serde_json::ser::{Formatter, PrettyFormatter};
    let mut formatter = PrettyFormatter::new();
    for _ in 0..depth {
        formatter.begin_array(&mut std::io::sink())?;
    }
    let mut serializer = serde_json::Serializer::with_formatter(out, formatter);
    value
        .serialize(&mut serializer)
        .map_err(std::io::Error::from)
}

fn story<'a>(report: &'a crate::lint::StoryReport, sources: &Sources) -> StoryOut<'a> {
    let figure_out = |figure| figure_out(figure, &report.path, sources);
    StoryOut {
        id: &report.id,
        path: display_path(&report.path),
        level: report.level.map(|l| l.as_str()),
        reads_at: report.reads_at.map(|r| r.as_str()),
        figures: report
            .figures
            .iter()
            .filter(|figure| figure.is_scope())
            .map(figure_out)
            .collect(),
        diagnostics: report
            .diagnostics
            .iter()
            .map(|d| diagnostic(d, sources))
            .collect(),
        other_figures: report
            .figures
            .iter()
            .filter(|figure| !figure.is_scope())
            .map(figure_out)
            .collect(),
    }
}

fn figure_out<'a>(
    figure: &'a crate::scope::LocatedFigure,
    path: &std::path::Path,
    sources: &Sources,
) -> FigureOut<'a> {
    let at = sources
        .position(path, figure.span.start)
        .unwrap_or(crate::source::Position { line: 1, column: 1 });
    FigureOut {
        kind: figure.kind().as_str(),
        value: number(figure.figure.value),
        text: &figure.text,
        section: figure.section.as_str(),
        line: at.line,
        column: at.column,
        reads_at: figure.reads_at.as_str(),
        role: figure.figure.role.as_str(),
    }
}

fn diagnostic<'a>(diagnostic: &'a Diagnostic, sources: &Sources) -> DiagnosticOut<'a> {
    let at = sources
        .place(&diagnostic.path, diagnostic.span.as_ref())
        .unwrap_or(Place {
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 1,
        });
    DiagnosticOut {
        code: diagnostic.code,
        severity: diagnostic.severity.as_str(),
        message: &diagnostic.message,
        line: at.line,
        column: at.column,
        end_line: at.end_line,
        end_column: at.end_column,
    }
}

fn bank_diagnostic(diagnostic: &Diagnostic, sources: &Sources) -> BankDiagnosticOut {
    let at = sources.place(&diagnostic.path, diagnostic.span.as_ref());
    BankDiagnosticOut {
        code: diagnostic.code,
        severity: diagnostic.severity.as_str(),
        message: diagnostic.message.clone(),
        path: display_path(&diagnostic.path),
        line: at.map(|a| a.line),
        column: at.map(|a| a.column),
        end_line: at.map(|a| a.end_line),
        end_column: at.map(|a| a.end_column),
    }
}

/// Whole values print as integers (`14`, `3000000`), fractions as decimals (`0.75`).
fn number(value: f64) -> serde_json::Number {
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        serde_json::Number::from(value as i64)
    } else {
        serde_json::Number::from_f64(value).unwrap_or_else(|| serde_json::Number::from(0))
    }
}
