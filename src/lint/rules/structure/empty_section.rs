//! ST001: a STAR section that is missing or has no text.

use crate::lint::context::StoryContext;
use crate::lint::rule::{declare_rule, Finding};
use crate::story::Section;

declare_rule! {
    /// A STAR section is missing or empty.
    ///
    /// ## What it checks
    /// Each of `situation`, `task`, `action` and `result` is in the file and has text.
    ///
    /// ## Why an interviewer cares
    /// Situation, Task, Action and Result are what an interviewer listens for and writes
    /// up; a missing one is the first thing a debrief notes ("no clear result"). The story
    /// still loads so the rest of it can be checked, but it is not ready to tell.
    ///
    /// ## Example
    /// ```ron
    /// (
    ///     title: "Turned around the ledger team",
    ///     level: L6,
    ///     situation: "I took over the ledger team of 14 engineers.",
    ///     task: "",
    ///     action: "I rewrote the alarm policy and coached the two leads.",
    ///     result: "Over nine months pages fell from 60 a month to 9.",
    /// )
    /// ```
    ///
    /// ## Instead
    /// Write the section, even as one sentence: what you were asked to do, and by whom.
    ///
    /// ## Source
    /// The STAR structure both documents assume for behavioral rounds.
    EMPTY_SECTION {
        code: "ST001",
        name: "empty-section",
        severity: Error,
        check: Story(check),
    }
}

fn check(context: &StoryContext, out: &mut Vec<Finding>) {
    for section in Section::ALL {
        let Some((message, help)) = context.story.section_problem(section) else {
            continue;
        };
        let span = context.story.value_or_closing_span(section.as_str());
        out.push(Finding::at(span, message).in_section(section).help(help));
    }
}
