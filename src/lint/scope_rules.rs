//! SC: does the story read at the level it is told for? Each rule compares the figures the
//! story states with the rubric in `prompts/levels.ron` (overridable in `starbank.ron`).

use crate::figures::FigureKind;
use crate::prompts::Reading;
use crate::scope::{band_text, describe_value, LocatedFigure};
use crate::story::Level;

use super::context::StoryContext;
use super::rule::{declare_rule, Finding};

declare_rule! {
    /// Team size reads below the story's target level.
    ///
    /// The largest team or organisation the story says you led sits under the band the
    /// target level starts at. Interviewers calibrate a loop on scope first: an L7 story about
    /// a 14-person team is heard as an L6 story, however well it is told.
    ///
    /// Bands (prompts/levels.ron): L6 teams of 10-25 engineers, "managed teams of 10-20"
    /// (document 000); L7 organisations of 50+ (000) or 100+ engineers (000's matrix), and
    /// 20 to 80 (document 001). The default L7 bar is 50 people; `starbank.ron` can pick
    /// either document's figure: `rubric: { team_size: (alternative: "doc-001") }`.
    TEAM_SIZE_BELOW_LEVEL {
        code: "SC001",
        name: "team-size-below-level",
        severity: Warning,
        check: Story(team_size_below),
    }
}

declare_rule! {
    /// Team size reads above the story's target level.
    ///
    /// An L6 story that claims an organisation of L7 size invites the question "then why
    /// are you interviewing for L6?", and interviewers probe inflated scope hard. Say what
    /// you owned yourself, or tell the story for L7.
    ///
    /// Bands: document 000 (L6 10-25 engineers; L7 50+ / 100+), document 001 (L7 20-80).
    TEAM_SIZE_ABOVE_LEVEL {
        code: "SC002",
        name: "team-size-above-level",
        severity: Warning,
        check: Story(team_size_above),
    }
}

declare_rule! {
    /// Planning horizon reads below the story's target level.
    ///
    /// The longest span the story says the work ran or was planned for is shorter than the
    /// target level's horizon. L7 answers show multi-year strategy; a six-month project
    /// reads as L6 however large the team.
    ///
    /// Bands: document 000's matrix, planning horizon 6-12 months (L6) and 2-5 years (L7);
    /// its decision framework, multi-quarter projects (L6) and multi-year transformations (L7).
    HORIZON_BELOW_LEVEL {
        code: "SC003",
        name: "horizon-below-level",
        severity: Warning,
        check: Story(horizon_below),
    }
}

declare_rule! {
    /// Planning horizon reads above the story's target level.
    ///
    /// An L6 story that describes a multi-year programme it owned reads as L7 scope. That
    /// is fine if true, but an L6 interviewer will ask what you personally drove within it.
    ///
    /// Bands: document 000, 6-12 months (L6) and 2-5 years (L7).
    HORIZON_ABOVE_LEVEL {
        code: "SC004",
        name: "horizon-above-level",
        severity: Warning,
        check: Story(horizon_above),
    }
}

declare_rule! {
    /// Dollar impact reads below the story's target level.
    ///
    /// The largest budget, cost or revenue figure the story states is under the target
    /// level's band. Business impact is one of the dimensions document 000 sets L6 and L7
    /// apart on: L7 answers move tens of millions.
    ///
    /// Bands: document 000, budget responsibility $1-10M (L6) and $10-100M+ (L7); revenue
    /// impact $100M+ and investments of $50M+ at L7.
    DOLLARS_BELOW_LEVEL {
        code: "SC005",
        name: "dollars-below-level",
        severity: Warning,
        check: Story(dollars_below),
    }
}

declare_rule! {
    /// Dollar impact reads above the story's target level.
    ///
    /// An L6 story that claims L7-sized money is heard as over-claiming unless the story
    /// makes clear which part of it you owned.
    ///
    /// Bands: document 000, $1-10M (L6) and $10-100M+ (L7).
    DOLLARS_ABOVE_LEVEL {
        code: "SC006",
        name: "dollars-above-level",
        severity: Warning,
        check: Story(dollars_above),
    }
}

declare_rule! {
    /// An L7 story states no team size, horizon or dollar figure.
    ///
    /// Without a figure an interviewer cannot tell an organisation from a team or a
    /// quarter from a strategy, and a bar raiser will write "scope unclear". L7 stories
    /// need their scope said out loud: how many people, over how long, for how much.
    ///
    /// Source: document 000's comparison matrix (team size, budget, planning horizon).
    L7_WITHOUT_SCOPE_FIGURE {
        code: "SC007",
        name: "l7-without-scope-figure",
        severity: Warning,
        check: Story(l7_without_scope_figure),
    }
}

declare_rule! {
    /// An L7 story shows no managers of managers and no executive stakeholder.
    ///
    /// L7 is the first level that manages through other managers (document 001) and
    /// works with VPs, SVPs, the CTO and the board (document 000). A story with neither
    /// senior managers reporting to you nor a VP-or-above in the room reads as L6, even
    /// with large numbers.
    ///
    /// Signals: a stated number of managers of 4 or more, "senior managers", "managers of
    /// managers"; a VP, SVP, C-level executive or the board.
    L7_WITHOUT_ORG_SIGNAL {
        code: "SC008",
        name: "l7-without-org-signal",
        severity: Warning,
        check: Story(l7_without_org_signal),
    }
}

declare_rule! {
    /// The story as a whole reads below its target level.
    ///
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
    /// A story that reads below the level you interview for should be re-scoped (say the
    /// larger scope you really had) or kept for a lower-level question.
    READS_BELOW_TARGET {
        code: "SC009",
        name: "reads-below-target",
        severity: Warning,
        check: Story(reads_below_target),
    }
}

declare_rule! {
    /// The story as a whole reads above its target level.
    ///
    /// Most of its stated dimensions reach the next level's band (the same combining rule
    /// as SC009). For an L6 loop that is a risk: it reads as over-claiming, or as a reason
    /// to level you differently. Check that the figures are the scope you owned.
    READS_ABOVE_TARGET {
        code: "SC010",
        name: "reads-above-target",
        severity: Warning,
        check: Story(reads_above_target),
    }
}

declare_rule! {
    /// The story states no scope figure at all.
    ///
    /// No team size, horizon, dollars, teams or managers: the reader has to guess the
    /// scope. At L6 that is allowed but weak; document 000 says L6 answers show direct team
    /// impact and quarterly or annual results, which are easiest to believe with numbers.
    /// (L7 stories get SC007 instead.)
    STORY_WITHOUT_SCOPE_FIGURE {
        code: "SC011",
        name: "story-without-scope-figure",
        severity: Info,
        check: Story(story_without_scope_figure),
    }
}

/// A dimension's deciding figure when its reading is on the wrong side of the target.
fn misread(context: &StoryContext, kind: FigureKind, above: bool) -> Option<Finding> {
    let target = context.target_reading()?;
    let dimension = context.rubric.dimension(kind)?;
    let figure = context.scope.deciding_figure(kind)?;
    let wrong_side = if above {
        figure.reads_at > target
    } else {
        figure.reads_at < target
    };
    if !wrong_side {
        return None;
    }
    let noun = crate::scope::dimension_noun(kind);
    let relation = if above { "above" } else { "below" };
    let message = format!(
        "{noun} \"{}\" reads at {}, {relation} the {} band ({})",
        figure.text,
        figure.reads_at,
        target,
        band_text(dimension, target),
    );
    let help = if above {
        format!(
            "for {target}, say the part of this scope you owned, or tell the story for {}",
            figure.reads_at
        )
    } else {
        format!(
            "if your real scope was larger, say so; {} reads at {}",
            band_text(dimension, target),
            target
        )
    };
    Some(figure_finding(figure, message).help(help))
}

fn figure_finding(figure: &LocatedFigure, message: String) -> Finding {
    let span = crate::story::Span {
        bytes: figure.span.clone(),
        start: crate::source::Position {
            line: figure.line,
            column: figure.column,
        },
        end: crate::source::Position {
            line: figure.end_line,
            column: figure.end_column,
        },
    };
    Finding::at(span, message)
        .in_section(figure.section)
        .label(format!(
            "{}: reads at {}",
            describe_value(figure.kind(), figure.figure.value),
            figure.reads_at
        ))
}

fn team_size_below(context: &StoryContext, out: &mut Vec<Finding>) {
    out.extend(misread(context, FigureKind::TeamSize, false));
}

fn team_size_above(context: &StoryContext, out: &mut Vec<Finding>) {
    out.extend(misread(context, FigureKind::TeamSize, true));
}

fn horizon_below(context: &StoryContext, out: &mut Vec<Finding>) {
    out.extend(misread(context, FigureKind::HorizonMonths, false));
}

fn horizon_above(context: &StoryContext, out: &mut Vec<Finding>) {
    out.extend(misread(context, FigureKind::HorizonMonths, true));
}

fn dollars_below(context: &StoryContext, out: &mut Vec<Finding>) {
    out.extend(misread(context, FigureKind::Dollars, false));
}

fn dollars_above(context: &StoryContext, out: &mut Vec<Finding>) {
    out.extend(misread(context, FigureKind::Dollars, true));
}

/// Where a story-wide finding points: the `level:` value, else the title.
fn level_span(context: &StoryContext) -> crate::story::Span {
    let story = context.story;
    if story.field_span("level").is_some() {
        story.value_or_closing_span("level")
    } else {
        story.value_or_closing_span("title")
    }
}

fn l7_without_scope_figure(context: &StoryContext, out: &mut Vec<Finding>) {
    if context.target != Some(Level::L7) || context.scope.has_core_figure() {
        return;
    }
    out.push(
        Finding::at(
            level_span(context),
            "L7 story states no team size, planning horizon or dollar figure".into(),
        )
        .help("say how many people, over how long and for how much: e.g. \"an org of 120 engineers\", \"a three-year roadmap\", \"$40M a year\""),
    );
}

fn l7_without_org_signal(context: &StoryContext, out: &mut Vec<Finding>) {
    if context.target != Some(Level::L7) {
        return;
    }
    let reaches_l7 = |kind| {
        context
            .scope
            .dimension(kind)
            .is_some_and(|d| d.reading == Reading::L7)
    };
    if reaches_l7(FigureKind::Managers) || reaches_l7(FigureKind::Stakeholder) {
        return;
    }
    out.push(
        Finding::at(
            level_span(context),
            "L7 story names no managers of managers and no VP-or-above stakeholder".into(),
        )
        .help("say who reported to you (\"four senior managers\") and who you worked with (a VP, the CTO, the board)"),
    );
}

fn overall_reading(context: &StoryContext, above: bool, out: &mut Vec<Finding>) {
    let (Some(target), Some(reading)) = (context.target_reading(), context.scope.reads_at) else {
        return;
    };
    let wrong_side = if above {
        reading > target
    } else {
        reading < target
    };
    if !wrong_side {
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
    let relation = if above { "above" } else { "below" };
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

fn reads_below_target(context: &StoryContext, out: &mut Vec<Finding>) {
    overall_reading(context, false, out);
}

fn reads_above_target(context: &StoryContext, out: &mut Vec<Finding>) {
    overall_reading(context, true, out);
}

fn story_without_scope_figure(context: &StoryContext, out: &mut Vec<Finding>) {
    if context.target == Some(Level::L7) || context.scope.reads_at.is_some() {
        return;
    }
    out.push(
        Finding::at(level_span(context), "story states no scope figure".into())
            .help("add the team size, how long the work ran, or the money it moved"),
    );
}
