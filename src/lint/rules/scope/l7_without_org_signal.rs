//! SC008: an L7 story with neither managers of managers nor an executive in the room.

use super::level_span;
use crate::figures::FigureKind;
use crate::lint::context::StoryContext;
use crate::lint::rule::{declare_rule, Finding};
use crate::prompts::Reading;
use crate::story::Level;

declare_rule! {
    /// An L7 story shows no managers of managers and no executive stakeholder.
    ///
    /// ## What it checks
    /// A story told for L7 whose managers and stakeholders both read below L7. The signals
    /// are a stated number of managers of 4 or more, "senior managers", "managers of
    /// managers"; a VP, SVP, C-level executive or the board.
    ///
    /// ## Why an interviewer cares
    /// L7 is the first level that manages through other managers and works with the
    /// executives. A story with neither senior managers reporting to you nor a VP-or-above in
    /// the room reads as L6, even with large numbers.
    ///
    /// ## Example
    /// ```ron
    /// (
    ///     title: "Built the commerce platform org",
    ///     level: L7,
    ///     situation: "I led the commerce organization of 120 engineers.",
    ///     task: "I was asked to consolidate the platforms over a three-year roadmap.",
    ///     action: "I reorganised the org into four groups, each with a lead, and set the plan.",
    ///     result: "All 11 product teams moved to one platform, saving $40M a year.",
    /// )
    /// ```
    ///
    /// ## Instead
    /// Say who reported to you ("four senior managers") and who you worked with (a VP, the
    /// CTO, the board).
    ///
    /// ## Source
    /// Document 001: L7 is the first level that manages through other managers. Document
    /// 000: L7 works with VPs, SVPs, the CTO and the board.
    L7_WITHOUT_ORG_SIGNAL {
        code: "SC008",
        name: "l7-without-org-signal",
        severity: Warning,
        check: Story(check),
    }
}

fn check(context: &StoryContext, out: &mut Vec<Finding>) {
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
