//! ST007: a `questions` entry that names no question in the question bank.

use super::suggesting;
use crate::error::closest;
use crate::lint::context::StoryContext;
use crate::lint::rule::{declare_rule, Finding};

declare_rule! {
    /// A `questions` entry names no question in the question bank.
    ///
    /// ## What it checks
    /// Every id in the story's `questions` list is the id of a question in
    /// prompts/questions.ron; `starbank questions` lists the ids.
    ///
    /// ## Why an interviewer cares
    /// Links drive `starbank map` and coverage; a misspelt id silently drops the story from
    /// the question it was written for, so the story you prepared for it is not the one you
    /// reach for in the room.
    ///
    /// ## Example
    /// ```ron
    /// (
    ///     title: "Turned around the ledger team",
    ///     level: L6,
    ///     questions: ["l6-underperformin-team"],
    ///     situation: "I took over the ledger team of 14 engineers.",
    ///     task: "My Director asked me to make the team dependable.",
    ///     action: "I rewrote the alarm policy and coached the two leads.",
    ///     result: "Over nine months pages fell from 60 a month to 9.",
    /// )
    /// ```
    ///
    /// ## Instead
    /// `questions: ["l6-underperforming-team"]`
    ///
    /// ## Source
    /// The question bank, prompts/questions.ron.
    UNKNOWN_QUESTION {
        code: "ST007",
        name: "unknown-question",
        severity: Error,
        check: Story(check),
    }
}

fn check(context: &StoryContext, out: &mut Vec<Finding>) {
    let ids: Vec<&str> = context
        .prompts
        .questions
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    for (index, id) in context.story.questions.iter().enumerate() {
        if ids.contains(&id.as_str()) {
            continue;
        }
        let near = closest(id, &ids);
        let help = match near {
            Some(near) => format!("did you mean `{near}`?"),
            None => "`starbank questions` lists the question ids".into(),
        };
        out.push(suggesting(
            Finding::at(
                context.story.list_item_span("questions", index),
                format!("unknown question `{id}`"),
            )
            .help(help),
            near,
        ));
    }
}
