//! BK003: a question of the target level that no story answers adequately.

use crate::index::strength::rounded_down;
use crate::index::uncovered_questions;
use crate::lint::context::BankContext;
use crate::lint::rule::{declare_rule, Finding};

declare_rule! {
    /// A question of the target level has no adequate story.
    ///
    /// ## What it checks
    /// Every question of the target level in prompts/questions.ron has a story whose match
    /// strength is "adequate", 0.25 or more (`starbank coverage` shows every strength). The
    /// target level is `--level`, else `level` in starbank.ron, else the most common level
    /// of the bank's stories.
    ///
    /// ## Why an interviewer cares
    /// Every question in the bank is one an interviewer at that level may ask (the six the
    /// documents quote and the ones derived from their dimensions). With no story that
    /// answers it, the answer in the room is improvised or a story stretched to fit.
    ///
    /// ## Example
    /// A bank of this one story leaves most L6 questions without an answer:
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
    /// Write a story for the question, or `starbank search --question ID` to see what comes
    /// close.
    ///
    /// ## Source
    /// The question bank, prompts/questions.ron; the adequate strength was measured on the
    /// labelled dev set in `tests/devset`.
    UNCOVERED_QUESTION {
        code: "BK003",
        name: "uncovered-question",
        severity: Warning,
        check: Bank(check),
    }
}

fn check(context: &BankContext, out: &mut Vec<Finding>) {
    let Some(map) = context.coverage else {
        return;
    };
    for uncovered in uncovered_questions(map) {
        let text = context
            .prompts
            .question(&uncovered.question_id)
            .map_or("", |q| q.text.as_str());
        let nearest = match &uncovered.nearest {
            Some(near) => format!(
                "; the nearest is {} at {}",
                near.story_id,
                rounded_down(near.score)
            ),
            None => String::new(),
        };
        out.push(
            Finding::about_bank(format!(
                "no story answers {} \"{text}\"{nearest}",
                uncovered.question_id
            ))
            .help(format!(
                "write a story for it, or `starbank search --question {}` to see what comes close",
                uncovered.question_id
            )),
        );
    }
}
