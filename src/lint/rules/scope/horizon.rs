//! SC003 and SC004: the longest span the work ran or was planned for, against the target
//! level's horizon.

use super::{misread, Side};
use crate::figures::FigureKind;
use crate::lint::context::StoryContext;
use crate::lint::rule::{declare_rule, Finding};

declare_rule! {
    /// Planning horizon reads below the story's target level.
    ///
    /// ## What it checks
    /// The longest span the story says the work ran or was planned for is shorter than the
    /// target level's horizon.
    ///
    /// ## Why an interviewer cares
    /// L7 answers show multi-year strategy; a six-month project reads as L6 however large
    /// the team.
    ///
    /// ## Example
    /// ```ron
    /// (
    ///     title: "Consolidated checkout",
    ///     level: L7,
    ///     situation: "I led the commerce organization of 120 engineers in four groups.",
    ///     task: "The SVP asked me to consolidate the checkout platforms in a six-month plan.",
    ///     action: "I reorganised the groups under four senior managers and briefed the CTO.",
    ///     result: "All 11 product teams moved to one platform, saving $40M a year.",
    /// )
    /// ```
    ///
    /// ## Instead
    /// If the work was part of a longer plan you owned, say so ("the first half-year of a
    /// three-year roadmap I set").
    ///
    /// ## Source
    /// Document 000's matrix, planning horizon 6-12 months (L6) and 2-5 years (L7); its
    /// decision framework, multi-quarter projects (L6) and multi-year transformations (L7).
    HORIZON_BELOW_LEVEL {
        code: "SC003",
        name: "horizon-below-level",
        severity: Warning,
        check: Story(below),
    }
}

declare_rule! {
    /// Planning horizon reads above the story's target level.
    ///
    /// ## What it checks
    /// The longest span the story says the work ran or was planned for reaches the next
    /// level's horizon.
    ///
    /// ## Why an interviewer cares
    /// An L6 story that describes a multi-year programme it owned reads as L7 scope. That
    /// is fine if true, but an L6 interviewer will ask what you personally drove within it.
    ///
    /// ## Example
    /// ```ron
    /// (
    ///     title: "Turned around the ledger team",
    ///     level: L6,
    ///     situation: "I took over the ledger team of 14 engineers.",
    ///     task: "My Director asked me to make the team dependable.",
    ///     action: "I rewrote the alarm policy and coached the two leads.",
    ///     result: "Over three years availability rose to 99.97%.",
    /// )
    /// ```
    ///
    /// ## Instead
    /// Say the part of the programme you drove ("the nine months I ran the migration").
    ///
    /// ## Source
    /// Document 000, 6-12 months (L6) and 2-5 years (L7).
    HORIZON_ABOVE_LEVEL {
        code: "SC004",
        name: "horizon-above-level",
        severity: Warning,
        check: Story(above),
    }
}

fn below(context: &StoryContext, out: &mut Vec<Finding>) {
    out.extend(misread(context, FigureKind::HorizonMonths, Side::Below));
}

fn above(context: &StoryContext, out: &mut Vec<Finding>) {
    out.extend(misread(context, FigureKind::HorizonMonths, Side::Above));
}
