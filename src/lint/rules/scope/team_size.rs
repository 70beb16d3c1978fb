//! SC001 and SC002: the largest team the story says you led, against the target level's band.

use super::{misread, Side};
use crate::figures::FigureKind;
use crate::lint::context::StoryContext;
use crate::lint::rule::{declare_rule, Finding};

declare_rule! {
    /// Team size reads below the story's target level.
    ///
    /// ## What it checks
    /// The largest team or organisation the story says you led sits under the band the
    /// target level starts at.
    ///
    /// ## Why an interviewer cares
    /// Interviewers calibrate a loop on scope first: an L7 story about a 14-person team is
    /// heard as an L6 story, however well it is told.
    ///
    /// ## Example
    /// ```ron
    /// (
    ///     title: "Steadied the payments ledger",
    ///     level: L7,
    ///     situation: "I led a team of 14 engineers that owned the payments ledger.",
    ///     task: "The VP asked me to make the ledger dependable.",
    ///     action: "I set a three-year plan, hired two managers and reviewed every incident.",
    ///     result: "Incidents fell by half and late fees fell by $20M a year.",
    /// )
    /// ```
    ///
    /// ## Instead
    /// If the scope you ran was larger, say so ("an organisation of 120 engineers in four
    /// groups"); if it was not, tell the story for L6.
    ///
    /// ## Source
    /// Bands (prompts/levels.ron): L6 teams of 10-25 engineers, "managed teams of 10-20"
    /// (document 000); L7 organisations of 50+ (000) or 100+ engineers (000's matrix), and
    /// 20 to 80 (document 001). The default L7 bar is 50 people; `starbank.ron` can pick
    /// either document's figure: `rubric: { team_size: (alternative: "doc-001") }`.
    TEAM_SIZE_BELOW_LEVEL {
        code: "SC001",
        name: "team-size-below-level",
        severity: Warning,
        check: Story(below),
    }
}

declare_rule! {
    /// Team size reads above the story's target level.
    ///
    /// ## What it checks
    /// The largest team or organisation the story says you led reaches the next level's band.
    ///
    /// ## Why an interviewer cares
    /// An L6 story that claims an organisation of L7 size invites the question "then why
    /// are you interviewing for L6?", and interviewers probe inflated scope hard.
    ///
    /// ## Example
    /// ```ron
    /// (
    ///     title: "Rebuilt the payments platform",
    ///     level: L6,
    ///     situation: "I led an organization of 300 engineers across the payments platform.",
    ///     task: "My Director asked me to cut the incident rate.",
    ///     action: "I wrote the plan, ran the reviews and coached the leads.",
    ///     result: "Over nine months incidents fell by half.",
    /// )
    /// ```
    ///
    /// ## Instead
    /// Say what you owned yourself ("the 18 engineers of the ledger team, inside a
    /// 300-engineer platform"), or tell the story for L7.
    ///
    /// ## Source
    /// Bands: document 000 (L6 10-25 engineers; L7 50+ / 100+), document 001 (L7 20-80).
    TEAM_SIZE_ABOVE_LEVEL {
        code: "SC002",
        name: "team-size-above-level",
        severity: Warning,
        check: Story(above),
    }
}

fn below(context: &StoryContext, out: &mut Vec<Finding>) {
    out.extend(misread(context, FigureKind::TeamSize, Side::Below));
}

fn above(context: &StoryContext, out: &mut Vec<Finding>) {
    out.extend(misread(context, FigureKind::TeamSize, Side::Above));
}
