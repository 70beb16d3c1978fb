//! ST: is the story a sound STAR answer? Structure, balance, voice, length, and links to
//! questions and principles that exist.

pub mod empty_section;
pub mod result_without_number;
pub mod short_action;
pub mod spoken_length;
pub mod unknown_allow;
pub mod unknown_principle;
pub mod unknown_question;
pub mod we_over_i;

use std::ops::Range;

use crate::lint::context::StoryContext;
use crate::story::Section;

/// Where a finding about a whole section points: the section's field name.
pub(crate) fn section_span(context: &StoryContext, section: Section) -> Range<usize> {
    context.story.field_or_start(section.as_str())
}
