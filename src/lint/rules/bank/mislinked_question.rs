//! BK005: a `questions:` link to a question the story does not match.

use super::story_index;
use crate::index::strength::rounded_down;
use crate::index::unmatched_links;
use crate::lint::context::BankContext;
use crate::lint::rule::{declare_rule, Finding};

declare_rule! {
    /// A story's `questions:` list names a question the story does not match.
    ///
    /// ## What it checks
    /// Each question a story links, against the story's match strength for it: under the
    /// adequate 0.25, the story uses none of the words an answer to that question tends to
    /// use.
    ///
    /// ## Why an interviewer cares
    /// The link says "tell this story for that question". Told in the room, it leaves the
    /// interviewer hunting for the answer.
    ///
    /// ## Example
    /// ```ron
    /// (
    ///     title: "Turned around the ledger team",
    ///     level: L6,
    ///     questions: ["l7-board-communication"],
    ///     situation: "I took over the ledger team of 14 engineers.",
    ///     task: "My Director asked me to make the team dependable.",
    ///     action: "I rewrote the alarm policy and coached the two leads.",
    ///     result: "Over nine months pages fell from 60 a month to 9.",
    /// )
    /// ```
    ///
    /// ## Instead
    /// Either the link is wrong (remove it) or the story does not yet say what the question
    /// asks for (`starbank search --question ID` shows the words that match it).
    ///
    /// ## Source
    /// The question bank, prompts/questions.ron; the adequate strength was measured on the
    /// labelled dev set in `tests/devset`.
    MISLINKED_QUESTION {
        code: "BK005",
        name: "mislinked-question",
        severity: Warning,
        check: Bank(check),
    }
}

fn check(context: &BankContext, out: &mut Vec<Finding>) {
    let Some(map) = context.coverage else {
        return;
    };
    for link in unmatched_links(map) {
        let Some(index) = story_index(context, &link.story_id) else {
            continue;
        };
        let story = &context.stories[index];
        out.push(
            Finding::at(
                story.list_item_span("questions", link.index),
                format!(
                    "linked question `{}` does not match this story (strength {}, adequate from {:.2})",
                    link.question_id,
                    rounded_down(link.score),
                    map.threshold
                ),
            )
            .about_story(index)
            .label("the story does not say what this question asks")
            .help(format!(
                "`starbank search --question {}` shows the words that match it",
                link.question_id
            )),
        );
    }
}
