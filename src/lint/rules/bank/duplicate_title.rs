//! BK002: two stories with the same title.

use std::collections::HashMap;

use crate::lint::context::BankContext;
use crate::lint::rule::{declare_rule, Finding};

declare_rule! {
    /// Two stories have the same title.
    ///
    /// ## What it checks
    /// Titles compared without case and with runs of white space as one space; the second
    /// story with a title is reported, naming the first.
    ///
    /// ## Why an interviewer cares
    /// The title is how you pick a story under pressure and how search results and the
    /// workbench name it. Two stories with one title are either a duplicate (one will go
    /// stale) or two stories you will confuse in the room.
    ///
    /// ## Example
    /// A bank of these two stories:
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
    /// ```ron
    /// (
    ///     title: "Turned around  the Ledger team",
    ///     level: L6,
    ///     situation: "I took over the billing team of 9 engineers after a reorganisation.",
    ///     task: "My Director asked me to ship the new invoicing flow.",
    ///     action: "I cut the scope to three milestones and ran a weekly demo.",
    ///     result: "We shipped in 12 weeks and invoice disputes fell by 30%.",
    /// )
    /// ```
    ///
    /// ## Instead
    /// Give each story a title you can tell apart at a glance.
    ///
    /// ## Source
    /// starbank's own conventions: the title names the story in every view.
    DUPLICATE_TITLE {
        code: "BK002",
        name: "duplicate-title",
        severity: Warning,
        check: Bank(check),
    }
}

fn check(context: &BankContext, out: &mut Vec<Finding>) {
    let mut first_with_title: HashMap<String, usize> = HashMap::new();
    for (index, story) in context.stories.iter().enumerate() {
        let key = story
            .title
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if key.is_empty() {
            continue;
        }
        match first_with_title.get(&key) {
            None => {
                first_with_title.insert(key, index);
            }
            Some(&first) => {
                let original = &context.stories[first];
                out.push(
                    Finding::at(
                        story.value_or_closing_span("title"),
                        format!(
                            "title \"{}\" is also the title of {}",
                            story.title,
                            original.path.display()
                        ),
                    )
                    .about_story(index)
                    .help("give each story a title you can tell apart at a glance"),
                );
            }
        }
    }
}
