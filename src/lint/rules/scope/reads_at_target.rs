//! SC009 and SC010: the story's overall reading (the figures' combined vote) against its
//! target level.

use super::{level_span, Side};
use crate::lint::context::StoryContext;
use crate::lint::rule::{declare_rule, Finding};
use crate::scope::describe_value;

declare_rule! {
    /// The story as a whole reads below its target level.
    ///
    /// ## What it checks
    /// Only figures in your own scope count: the team you led, joined or hired, the span of
    /// the work, the money it moved; never customers, a company's whole staff or how long an
    /// outage lasted. Each dimension reads at the level of its largest such figure. Team
    /// size, horizon and dollars vote and the story reads at the median vote; with two votes
    /// the tie goes to the higher reading, as careful readers of published STAR answers do
    /// (an 800-engineer org over 18 months reads L7). Teams, business units and managers vote
    /// only when the story states none of the three; stakeholder seniority never votes. The
    /// message names the figures that decided. The rule is data: `reading` in
    /// `prompts/levels.ron`.
    ///
    /// ## Why an interviewer cares
    /// The interviewer levels the story, not each number in it: a story that reads below the
    /// level you interview for is heard as evidence for the lower level.
    ///
    /// ## Example
    /// ```ron
    /// (
    ///     title: "Built the commerce platform org",
    ///     level: L7,
    ///     situation: "I led the commerce platform team of 14 engineers.",
    ///     task: "The SVP asked me to consolidate the platforms in a nine-month plan.",
    ///     action: "I set the plan with my senior managers and took it to the CTO.",
    ///     result: "All 11 product teams moved to one platform, saving $4M a year.",
    /// )
    /// ```
    ///
    /// ## Instead
    /// Re-scope the story (say the larger scope you really had) or keep it for a lower-level
    /// question.
    ///
    /// ## Source
    /// The combining rule was measured on the published stories in `tests/corpus/`; the
    /// bands are document 000's and 001's (see SC001-SC006).
    READS_BELOW_TARGET {
        code: "SC009",
        name: "reads-below-target",
        severity: Warning,
        check: Story(below),
    }
}

declare_rule! {
    /// The story as a whole reads above its target level.
    ///
    /// ## What it checks
    /// Most of its stated dimensions reach the next level's band (the same combining rule
    /// as SC009).
    ///
    /// ## Why an interviewer cares
    /// For an L6 loop that is a risk: it reads as over-claiming, or as a reason to level you
    /// differently.
    ///
    /// ## Example
    /// ```ron
    /// (
    ///     title: "Built the commerce platform org",
    ///     level: L6,
    ///     situation: "I led the commerce organization of 120 engineers in four groups.",
    ///     task: "The SVP asked me to consolidate the platforms over a three-year roadmap.",
    ///     action: "I reorganised the groups under four senior managers and briefed the CTO.",
    ///     result: "All 11 product teams moved to one platform, saving $40M a year.",
    /// )
    /// ```
    ///
    /// ## Instead
    /// Check that the figures are the scope you owned; if they are, tell the story for the
    /// level it reads at.
    ///
    /// ## Source
    /// The same combining rule and bands as SC009.
    READS_ABOVE_TARGET {
        code: "SC010",
        name: "reads-above-target",
        severity: Warning,
        check: Story(above),
    }
}

fn below(context: &StoryContext, out: &mut Vec<Finding>) {
    overall_reading(context, Side::Below, out);
}

fn above(context: &StoryContext, out: &mut Vec<Finding>) {
    overall_reading(context, Side::Above, out);
}

/// The story's reading when it is on the wrong side of its target, with the votes that
/// decided it and the ones it outvoted.
fn overall_reading(context: &StoryContext, side: Side, out: &mut Vec<Finding>) {
    let (Some(target), Some(reading)) = (context.target_reading(), context.scope.reads_at) else {
        return;
    };
    if !side.holds(reading, target) {
        return;
    }
    let (mut decided, mut outvoted) = (Vec::new(), Vec::new());
    for d in &context.scope.dimensions {
        if !context.scope.voters.contains(&d.kind) {
            continue;
        }
        let figure = &context.scope.figures[d.figure];
        let part = format!(
            "{} {} ({}, \"{}\")",
            crate::scope::dimension_noun(d.kind),
            d.reading,
            describe_value(d.kind, figure.figure.value),
            figure.text
        );
        if d.reading == reading {
            decided.push(part);
        } else {
            outvoted.push(part);
        }
    }
    let relation = side.word();
    let mut message = format!(
        "story reads at {reading}, {relation} its {target} target; decided by {}",
        decided.join(", ")
    );
    if !outvoted.is_empty() {
        message.push_str(&format!("; outvoted: {}", outvoted.join(", ")));
    }
    out.push(
        Finding::at(level_span(context), message)
            .label(format!("target {target}, reads at {reading}")),
    );
}
