//! ST002: the Action's share of the story's words.

use super::section_span;
use crate::lint::context::StoryContext;
use crate::lint::rule::{declare_rule, Finding};
use crate::story::Section;

declare_rule! {
    /// Action is under the configured share of the story's words (default 40%).
    ///
    /// ## What it checks
    /// The words of the Action against the words of all four sections. Set `action_share`
    /// in starbank.ron to change the share.
    ///
    /// ## Why an interviewer cares
    /// Interviewers score what you did. A story that spends most of its time on context
    /// leaves too little time for the decisions and behaviours the question probes.
    ///
    /// ## Example
    /// ```ron
    /// (
    ///     title: "Turned around the ledger team",
    ///     level: L6,
    ///     situation: "I took over the payments ledger team, a team of 14 engineers that owned the ledger and the nightly jobs. The team had missed its goals for two quarters, pages woke someone most nights, and two engineers had asked to move.",
    ///     task: "My Director asked me to make the team dependable again without extra headcount, and to do it before the holiday peak.",
    ///     action: "I fixed the alarms and talked to the team.",
    ///     result: "Over nine months pages dropped from 60 a month to 9.",
    /// )
    /// ```
    ///
    /// ## Instead
    /// Cut context from Situation and Task; add the decisions you made and why.
    ///
    /// ## Source
    /// Common guidance for Amazon behavioral loops; the answers document 000 describes are
    /// all about what the leader did.
    SHORT_ACTION {
        code: "ST002",
        name: "short-action",
        severity: Warning,
        check: Story(check),
    }
}

fn check(context: &StoryContext, out: &mut Vec<Finding>) {
    let total = context.story.word_count();
    let action = context.story.section_words(Section::Action);
    if total == 0 || action == 0 {
        return;
    }
    let share = action as f64 / total as f64;
    if share >= context.config.action_share {
        return;
    }
    out.push(
        Finding::at(
            section_span(context, Section::Action),
            format!(
                "Action is {:.0}% of the story ({action} of {total} words), under {:.0}%",
                share * 100.0,
                context.config.action_share * 100.0
            ),
        )
        .in_section(Section::Action)
        .help("cut context from Situation and Task; add the decisions you made and why"),
    );
}
