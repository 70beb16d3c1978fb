//! BK (coverage): the bank against the question bank, through the search index's map
//! (`starbank map` / `starbank coverage` show the same data).

use super::context::BankContext;
use super::rule::{declare_rule, Finding, Rule};
use crate::index::strength::rounded_down;
use crate::index::{overused_stories, uncovered_questions, unmatched_links};

declare_rule! {
    /// A question of the target level has no adequate story.
    ///
    /// Every question in prompts/questions.ron is one an interviewer at that level may ask
    /// (the six the documents quote and the ones derived from their dimensions). With no
    /// story that answers it, the answer in the room is improvised or a story stretched to
    /// fit. "Adequate" is a match strength of 0.25 or more (`starbank coverage`
    /// shows every strength); the target level is `--level`, else `level` in starbank.ron,
    /// else the most common level of the bank's stories.
    UNCOVERED_QUESTION {
        code: "BK003",
        name: "uncovered-question",
        severity: Warning,
        check: Bank(uncovered_question),
    }
}

declare_rule! {
    /// One story is the best answer to too many questions (default: more than 4).
    ///
    /// A loop asks a dozen or more behavioral questions across its rounds and the
    /// interviewers compare notes in the debrief: the same story told twice shows less range
    /// than the level needs (document 000's L7 loop looks for breadth across organisational
    /// dimensions). Write another story for some of its questions, or link those questions
    /// to other stories. Set `max_questions_per_story` in starbank.ron to change the limit.
    OVERUSED_STORY {
        code: "BK004",
        name: "overused-story",
        severity: Warning,
        check: Bank(overused_story),
    }
}

declare_rule! {
    /// A story's `questions:` list names a question the story does not match.
    ///
    /// The link says "tell this story for that question", but the story uses none of the
    /// words an answer to it tends to use (its match strength is under the adequate 0.25).
    /// Told in the room, it leaves the interviewer hunting for the answer. Either the link
    /// is wrong or the story does not yet say what the question asks for.
    MISLINKED_QUESTION {
        code: "BK005",
        name: "mislinked-question",
        severity: Warning,
        check: Bank(mislinked_question),
    }
}

/// Whether `rule` reads the map (building the index is skipped when none of them is on).
pub fn needs_map(rule: &Rule) -> bool {
    [&UNCOVERED_QUESTION, &OVERUSED_STORY, &MISLINKED_QUESTION]
        .into_iter()
        .any(|coverage_rule| std::ptr::eq(coverage_rule, rule))
}

fn story_index(context: &BankContext, id: &str) -> Option<usize> {
    context.stories.iter().position(|story| story.id == id)
}

fn uncovered_question(context: &BankContext, out: &mut Vec<Finding>) {
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
        out.push(Finding {
            story: None,
            span: None,
            section: None,
            message: format!(
                "no story answers {} \"{text}\"{nearest}",
                uncovered.question_id
            ),
            label: None,
            help: Some(format!(
                "write a story for it, or `starbank search --question {}` to see what comes close",
                uncovered.question_id
            )),
            suggestion: None,
        });
    }
}

fn overused_story(context: &BankContext, out: &mut Vec<Finding>) {
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

fn mislinked_question(context: &BankContext, out: &mut Vec<Finding>) {
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
