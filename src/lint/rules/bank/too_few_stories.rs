//! BK001: a bank with fewer stories than a loop needs.

use crate::lint::context::BankContext;
use crate::lint::rule::{declare_rule, Finding};

declare_rule! {
    /// The bank has fewer stories than a loop needs (default 10).
    ///
    /// ## What it checks
    /// The number of stories that loaded, against `min_stories` in starbank.ron.
    ///
    /// ## Why an interviewer cares
    /// An L6 or L7 loop runs four to six interviews, each asking two or three behavioral
    /// questions across the Leadership Principles, and interviewers avoid hearing the same
    /// story twice. Ten distinct stories is the usual floor for covering a loop without
    /// repeats.
    ///
    /// ## Example
    /// A bank of this one story:
    /// ```ron
    /// (
    ///     title: "Turned around the ledger team",
    ///     level: L6,
    ///     situation: "I took over the ledger team of 14 engineers.",
    ///     task: "My Director asked me to make the team dependable.",
    ///     action: "I rewrote the alarm policy and coached the two leads.",
    ///     result: "Over nine months pages fell from 60 a month to 9.",
    /// )
    /// ```
    ///
    /// ## Instead
    /// Write stories for the questions `starbank coverage` shows uncovered.
    ///
    /// ## Source
    /// The loop format both documents describe (four to six interviews).
    TOO_FEW_STORIES {
        code: "BK001",
        name: "too-few-stories",
        severity: Warning,
        check: Bank(check),
    }
}

fn check(context: &BankContext, out: &mut Vec<Finding>) {
    let count = context.stories.len();
    let wanted = context.config.min_stories;
    if count >= wanted {
        return;
    }
    out.push(
        Finding::about_bank(format!(
            "the bank has {count} stor{}, fewer than the {wanted} a loop needs",
            if count == 1 { "y" } else { "ies" }
        ))
        .help("write stories for the questions `starbank coverage` shows uncovered"),
    );
}
