//! SC007: an L7 story that states none of the three figures every level claim rests on.

use super::level_span;
use crate::lint::context::StoryContext;
use crate::lint::rule::{declare_rule, Finding};
use crate::story::Level;

declare_rule! {
    /// An L7 story states no team size, horizon or dollar figure.
    ///
    /// ## What it checks
    /// A story told for L7 in which the figure reader finds no team size, no planning
    /// horizon and no dollar figure.
    ///
    /// ## Why an interviewer cares
    /// Without a figure an interviewer cannot tell an organisation from a team or a quarter
    /// from a strategy, and a bar raiser will write "scope unclear". L7 stories need their
    /// scope said out loud.
    ///
    /// ## Example
    /// ```ron
    /// (
    ///     title: "Built the commerce platform org",
    ///     level: L7,
    ///     situation: "I led the commerce platform organization.",
    ///     task: "The SVP asked me to consolidate the checkout platforms.",
    ///     action: "I reorganised the org under senior managers and took the plan to the CTO.",
    ///     result: "All product teams ran on one platform and incidents fell sharply.",
    /// )
    /// ```
    ///
    /// ## Instead
    /// Say how many people, over how long and for how much: "an org of 120 engineers", "a
    /// three-year roadmap", "$40M a year".
    ///
    /// ## Source
    /// Document 000's comparison matrix (team size, budget, planning horizon).
    L7_WITHOUT_SCOPE_FIGURE {
        code: "SC007",
        name: "l7-without-scope-figure",
        severity: Warning,
        check: Story(check),
    }
}

fn check(context: &StoryContext, out: &mut Vec<Finding>) {
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
