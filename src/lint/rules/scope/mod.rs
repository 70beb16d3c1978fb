//! SC: does the story read at the level it is told for? Each rule compares the figures the
//! story states with the rubric in `prompts/levels.ron` (overridable in `starbank.ron`).
//!
//! The helpers here are shared by the family: [`misread`] is the whole of the six
//! per-dimension rules (SC001-SC006), [`level_span`] is where a story-wide finding points.

pub mod dollars;
pub mod horizon;
pub mod l7_without_org_signal;
pub mod l7_without_scope_figure;
pub mod reads_at_target;
pub mod story_without_scope_figure;
pub mod team_size;

use std::ops::Range;

use crate::figures::FigureKind;
use crate::lint::context::StoryContext;
use crate::lint::rule::Finding;
use crate::prompts::Reading;
use crate::scope::{band_text, describe_value, LocatedFigure};

/// Which side of the target's band a per-dimension rule looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    Below,
    Above,
}

impl Side {
    /// Whether `reading` is on this side of `target`.
    pub(crate) fn holds(self, reading: Reading, target: Reading) -> bool {
        match self {
            Side::Below => reading < target,
            Side::Above => reading > target,
        }
    }

    pub(crate) fn word(self) -> &'static str {
        match self {
            Side::Below => "below",
            Side::Above => "above",
        }
    }
}

/// A dimension's deciding figure when its reading is on `side` of the target.
pub(crate) fn misread(context: &StoryContext, kind: FigureKind, side: Side) -> Option<Finding> {
    let target = context.target_reading()?;
    let dimension = context.rubric.dimension(kind)?;
    let figure = context.scope.deciding_figure(kind)?;
    if !side.holds(figure.reads_at, target) {
        return None;
    }
    let noun = crate::scope::dimension_noun(kind);
    let relation = side.word();
    let message = format!(
        "{noun} \"{}\" reads at {}, {relation} the {} band ({})",
        figure.text,
        figure.reads_at,
        target,
        band_text(dimension, target),
    );
    let help = match side {
        Side::Above => format!(
            "for {target}, say the part of this scope you owned, or tell the story for {}",
            figure.reads_at
        ),
        Side::Below => format!(
            "if your real scope was larger, say so; {} reads at {}",
            band_text(dimension, target),
            target
        ),
    };
    Some(figure_finding(figure, message).help(help))
}

/// A finding that underlines a figure's phrase and says how it reads.
fn figure_finding(figure: &LocatedFigure, message: String) -> Finding {
    Finding::at(figure.span.clone(), message)
        .in_section(figure.section)
        .label(format!(
            "{}: reads at {}",
            describe_value(figure.kind(), figure.figure.value),
            figure.reads_at
        ))
}

/// Where a story-wide finding points: the `level:` value, else the title.
pub(crate) fn level_span(context: &StoryContext) -> Range<usize> {
    let story = context.story;
    if story.field_span("level").is_some() {
        story.value_or_closing_span("level")
    } else {
        story.value_or_closing_span("title")
    }
}
