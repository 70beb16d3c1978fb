//! BK: is the bank ready for a loop? Rules about the stories together. The coverage rules
//! (BK003-BK005) read the bank mapped against the question bank through the search index,
//! the same data `starbank map` and `starbank coverage` show.

pub mod duplicate_title;
pub mod mislinked_question;
pub mod overused_story;
pub mod too_few_stories;
pub mod uncovered_question;

use crate::lint::context::BankContext;
use crate::lint::rule::Rule;

/// Whether `rule` reads the map (building the index is skipped when none of them is on).
pub fn needs_map(rule: &Rule) -> bool {
    [
        &uncovered_question::UNCOVERED_QUESTION,
        &overused_story::OVERUSED_STORY,
        &mislinked_question::MISLINKED_QUESTION,
    ]
    .into_iter()
    .any(|coverage_rule| std::ptr::eq(coverage_rule, rule))
}

/// The index in the bank of the story with this id.
pub(crate) fn story_index(context: &BankContext, id: &str) -> Option<usize> {
    context.stories.iter().position(|story| story.id == id)
}
