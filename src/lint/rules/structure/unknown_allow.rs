//! ST009: an `allow` entry that names no lint rule.

use super::suggesting;
use crate::error::closest;
use crate::lint::context::StoryContext;
use crate::lint::registry::{rule, RULES};
use crate::lint::rule::{declare_rule, Finding};

declare_rule! {
    /// An `allow` entry names no lint rule.
    ///
    /// ## What it checks
    /// Every entry of the story's `allow` list is a rule's code or name.
    /// `starbank explain --all` lists them.
    ///
    /// ## Why an interviewer cares
    /// A suppression that matches nothing hides nothing: it is usually a typo that leaves
    /// the finding it meant to silence in place, so the story you believe is ready still
    /// has the problem an interviewer will notice.
    ///
    /// ## Example
    /// ```ron
    /// (
    ///     title: "Turned around the ledger team",
    ///     level: L6,
    ///     allow: ["SC0O1"],
    ///     situation: "I took over the ledger team of 14 engineers.",
    ///     task: "My Director asked me to make the team dependable.",
    ///     action: "I rewrote the alarm policy and coached the two leads.",
    ///     result: "Over nine months pages fell from 60 a month to 9.",
    /// )
    /// ```
    ///
    /// ## Instead
    /// `allow: ["SC001"]` or `allow: ["team-size-below-level"]`
    ///
    /// ## Source
    /// starbank's own rule list (`RULES`).
    UNKNOWN_ALLOW {
        code: "ST009",
        name: "unknown-allow",
        severity: Warning,
        check: Story(check),
    }
}

fn check(context: &StoryContext, out: &mut Vec<Finding>) {
    let codes: Vec<&str> = RULES.iter().map(|rule| rule.code).collect();
    for (index, entry) in context.story.allow.iter().enumerate() {
        if rule(entry).is_some() {
            continue;
        }
        let near = closest(&entry.to_ascii_uppercase(), &codes);
        let help = match near {
            Some(near) => format!("did you mean `{near}`?"),
            None => "`starbank explain --all` lists the rules".into(),
        };
        out.push(suggesting(
            Finding::at(
                context.story.list_item_span("allow", index),
                format!("`{entry}` is not a lint rule"),
            )
            .help(help),
            near,
        ));
    }
}
