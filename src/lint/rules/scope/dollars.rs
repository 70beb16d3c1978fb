//! SC005 and SC006: the largest budget, cost or revenue figure, against the target level's
//! band.

use super::{misread, Side};
use crate::figures::FigureKind;
use crate::lint::context::StoryContext;
use crate::lint::rule::{declare_rule, Finding};

declare_rule! {
    /// Dollar impact reads below the story's target level.
    ///
    /// ## What it checks
    /// The largest budget, cost or revenue figure the story states is under the target
    /// level's band.
    ///
    /// ## Why an interviewer cares
    /// Business impact is one of the dimensions document 000 sets L6 and L7 apart on: L7
    /// answers move tens of millions.
    ///
    /// ## Example
    /// ```ron
    /// (
    ///     title: "Built the commerce platform org",
    ///     level: L7,
    ///     situation: "I led the commerce organization of 120 engineers in four groups.",
    ///     task: "The SVP asked me to consolidate the platforms over a three-year roadmap.",
    ///     action: "I reorganised the groups under four senior managers and briefed the CTO.",
    ///     result: "All 11 product teams moved to one platform, saving $400K a year.",
    /// )
    /// ```
    ///
    /// ## Instead
    /// State the money the work moved in your scope: the budget you ran, the cost or revenue
    /// it changed over the whole programme.
    ///
    /// ## Source
    /// Document 000, budget responsibility $1-10M (L6) and $10-100M+ (L7); revenue impact
    /// $100M+ and investments of $50M+ at L7.
    DOLLARS_BELOW_LEVEL {
        code: "SC005",
        name: "dollars-below-level",
        severity: Warning,
        check: Story(below),
    }
}

declare_rule! {
    /// Dollar impact reads above the story's target level.
    ///
    /// ## What it checks
    /// The largest budget, cost or revenue figure the story states reaches the next level's
    /// band.
    ///
    /// ## Why an interviewer cares
    /// An L6 story that claims L7-sized money is heard as over-claiming unless the story
    /// makes clear which part of it you owned.
    ///
    /// ## Example
    /// ```ron
    /// (
    ///     title: "Turned around the ledger team",
    ///     level: L6,
    ///     situation: "I took over the ledger team of 14 engineers.",
    ///     task: "My Director asked me to make the team dependable.",
    ///     action: "I rewrote the alarm policy and coached the two leads.",
    ///     result: "Over nine months late fees fell by $80M a year.",
    /// )
    /// ```
    ///
    /// ## Instead
    /// Say the part you owned ("my team's fix saved $3M of the $80M programme").
    ///
    /// ## Source
    /// Document 000, $1-10M (L6) and $10-100M+ (L7).
    DOLLARS_ABOVE_LEVEL {
        code: "SC006",
        name: "dollars-above-level",
        severity: Warning,
        check: Story(above),
    }
}

fn below(context: &StoryContext, out: &mut Vec<Finding>) {
    out.extend(misread(context, FigureKind::Dollars, Side::Below));
}

fn above(context: &StoryContext, out: &mut Vec<Finding>) {
    out.extend(misread(context, FigureKind::Dollars, Side::Above));
}
