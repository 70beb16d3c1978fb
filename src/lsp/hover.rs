//! Hover: on a figure, what it reads as and where the bands are; on a question id, the
//! question; on a rule in `allow`, the rule's explanation.

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind};

use crate::lint::rule;
use crate::prompts::{Prompts, Reading, Rubric};
use crate::scope::{band_text, describe_value, dimension_noun, LocatedFigure};

use super::context::place;
use super::document::Document;
use super::position::Encoding;

/// The hover at `offset` of `document`, if there is anything to say.
pub fn hover(
    document: &Document,
    offset: usize,
    rubric: &Rubric,
    prompts: &Prompts,
    encoding: Encoding,
) -> Option<Hover> {
    let figure = document.analysis.report.as_ref().and_then(|report| {
        report
            .figures
            .iter()
            .find(|f| f.span.start <= offset && offset < f.span.end)
    });
    if let Some(figure) = figure {
        return Some(markdown(
            figure_text(figure, rubric),
            document.range(figure.span.clone(), encoding),
        ));
    }
    let place = place(&document.text, offset);
    let string = place.string().filter(|s| s.closed)?;
    let range = document.range(string.content.clone(), encoding);
    let text = match place.field()? {
        "questions" => question_text(prompts, &string.value)?,
        "allow" => {
            let rule = rule(string.value.trim())?;
            format!(
                "**{}** `{}` ({})\n\n{}",
                rule.code,
                rule.name,
                rule.severity,
                rule.explanation_text()
            )
        }
        _ => return None,
    };
    Some(markdown(text, range))
}

/// "**team size** (your scope)\n\n18 people: L6, 10-49 people; L7 from 50 people".
pub fn figure_text(figure: &LocatedFigure, rubric: &Rubric) -> String {
    let kind = figure.kind();
    let value = describe_value(kind, figure.figure.value);
    let role = match figure.figure.role {
        crate::figures::Role::Scope => "your scope: counts toward the story's level".to_string(),
        role => format!(
            "{}: shown, not counted toward the story's level",
            role.as_str()
        ),
    };
    let mut text = format!("**{}** ({role})\n\n", dimension_noun(kind));
    match rubric.dimension(kind) {
        Some(dimension) => {
            let reading = figure.reads_at;
            text.push_str(&format!(
                "{value}: {}, {}",
                reading_name(reading),
                band_text(dimension, reading)
            ));
            let next = match reading {
                Reading::BelowL6 => Some(("L6", dimension.l6_from)),
                Reading::L6 => Some(("L7", dimension.l7_from)),
                Reading::L7 => None,
            };
            if let Some((level, from)) = next {
                text.push_str(&format!("; {level} from {}", describe_value(kind, from)));
            }
        }
        None => text.push_str(&value),
    }
    text
}

/// A reading as a hint says it: "L6", "L7", "below L6".
pub fn reading_name(reading: Reading) -> &'static str {
    match reading {
        Reading::BelowL6 => "below L6",
        Reading::L6 => "L6",
        Reading::L7 => "L7",
    }
}

/// A question as Markdown: its text, level, round and what a strong answer shows.
pub fn question_text(prompts: &Prompts, id: &str) -> Option<String> {
    let question = prompts.question(id.trim())?;
    Some(format!(
        "**{}**\n\n{} · {} round · {}\n\nA strong answer shows: {}",
        question.text, question.level, question.round, question.theme, question.shows
    ))
}

fn markdown(value: String, range: lsp_types::Range) -> Hover {
    Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value,
        }),
        range: Some(range),
    }
}
