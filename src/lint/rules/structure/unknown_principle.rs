//! ST008: a `principles` entry that is not an Amazon Leadership Principle.

use super::suggesting;
use crate::error::closest;
use crate::lint::context::StoryContext;
use crate::lint::rule::{declare_rule, Finding};

declare_rule! {
    /// A `principles` entry is not an Amazon Leadership Principle.
    ///
    /// ## What it checks
    /// Every entry of the story's `principles` list is one of the principles in
    /// prompts/principles.ron (case does not matter).
    ///
    /// ## Why an interviewer cares
    /// Interviewers map answers to the Leadership Principles by name; a principle spelt
    /// differently is not counted anywhere.
    ///
    /// ## Example
    /// ```ron
    /// (
    ///     title: "Turned around the ledger team",
    ///     level: L6,
    ///     principles: ["Ownership", "Customer Obsesion"],
    ///     situation: "I took over the ledger team of 14 engineers.",
    ///     task: "My Director asked me to make the team dependable.",
    ///     action: "I rewrote the alarm policy and coached the two leads.",
    ///     result: "Over nine months pages fell from 60 a month to 9.",
    /// )
    /// ```
    ///
    /// ## Instead
    /// `principles: ["Ownership", "Customer Obsession"]`
    ///
    /// ## Source
    /// Amazon's sixteen Leadership Principles, prompts/principles.ron.
    UNKNOWN_PRINCIPLE {
        code: "ST008",
        name: "unknown-principle",
        severity: Warning,
        check: Story(check),
    }
}

fn check(context: &StoryContext, out: &mut Vec<Finding>) {
    let names: Vec<&str> = context
        .prompts
        .principles
        .iter()
        .map(String::as_str)
        .collect();
    for (index, name) in context.story.principles.iter().enumerate() {
        if names
            .iter()
            .any(|known| known.eq_ignore_ascii_case(name.trim()))
        {
            continue;
        }
        let near = closest(name, &names);
        let help = match near {
            Some(near) => format!("did you mean \"{near}\"?"),
            None => "see prompts/principles.ron for the sixteen principles".into(),
        };
        out.push(suggesting(
            Finding::at(
                context.story.list_item_span("principles", index),
                format!("\"{name}\" is not a Leadership Principle"),
            )
            .help(help),
            near,
        ));
    }
}
