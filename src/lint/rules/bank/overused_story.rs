//! BK004: one story that is the best answer to too many questions.

use super::story_index;
use crate::index::overused_stories;
use crate::lint::context::BankContext;
use crate::lint::rule::{declare_rule, Finding};

declare_rule! {
    /// One story is the best answer to too many questions (default: more than 4).
    ///
    /// ## What it checks
    /// For each question of the target level, the story that answers it best; a story that
    /// is the best answer to more than `max_questions_per_story` (starbank.ron) questions is
    /// reported.
    ///
    /// ## Why an interviewer cares
    /// A loop asks a dozen or more behavioral questions across its rounds and the
    /// interviewers compare notes in the debrief: the same story told twice shows less range
    /// than the level needs.
    ///
    /// ## Example
    /// A bank whose one story touches many questions:
    /// ```ron
    /// (
    ///     title: "Turned around the ledger team",
    ///     level: L6,
    ///     situation: "I took over the payments ledger team of 14 engineers. The team had missed its goals for two quarters, customers complained about late fees and two engineers were underperforming.",
    ///     task: "My Director asked me to make the team dependable again without extra headcount, with a deadline before the holiday peak.",
    ///     action: "I mapped every page, wrote a plan and negotiated an eight-week pause on features with the product manager, who disagreed at first. I gave direct feedback to the two underperformers and coached them, hired a senior engineer, and mentored the leads on running reviews. I made a risky call to rewrite the retry logic with incomplete data, and I owned the mistake when a release failed.",
    ///     result: "Over nine months availability rose from 99.5% to 99.97%, late fees fell by $3M a year and customer complaints dropped by 80%.",
    /// )
    /// ```
    ///
    /// ## Instead
    /// Write another story for some of its questions, or link those questions to other
    /// stories.
    ///
    /// ## Source
    /// Document 000's L7 loop looks for breadth across organisational dimensions.
    OVERUSED_STORY {
        code: "BK004",
        name: "overused-story",
        severity: Warning,
        check: Bank(check),
    }
}

fn check(context: &BankContext, out: &mut Vec<Finding>) {
    let Some(map) = context.coverage else {
        return;
    };
    for overused in overused_stories(map, context.config.max_questions_per_story) {
        let Some(index) = story_index(context, &overused.story_id) else {
            continue;
        };
        let story = &context.stories[index];
        out.push(
            Finding::at(
                story.value_or_closing_span("title"),
                format!(
                    "story is the best answer to {} questions ({}), more than {}",
                    overused.questions.len(),
                    overused.questions.join(", "),
                    context.config.max_questions_per_story
                ),
            )
            .about_story(index)
            .help("write another story for some of these questions so the loop hears range"),
        );
    }
}
