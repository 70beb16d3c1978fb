//! ST: is the story a sound STAR answer? Structure, balance, voice, length, and links to
//! questions and principles that exist.

pub mod empty_section;
pub mod result_without_number;
pub mod short_action;
pub mod short_version;
pub mod spoken_length;
pub mod unknown_allow;
pub mod unknown_principle;
pub mod unknown_question;
pub mod we_over_i;

use std::ops::Range;

use crate::lint::context::StoryContext;
use crate::lint::rule::Finding;
use crate::story::Section;

/// Where a finding about a whole section points: the section's field name.
pub(crate) fn section_span(context: &StoryContext, section: Section) -> Range<usize> {
    context.story.field_or_start(section.as_str())
}

/// A list entry's fix: the suggested name as the RON string literal that replaces the entry
/// (its span is the whole literal, quotes included).
fn suggesting(finding: Finding, near: Option<&str>) -> Finding {
    match near {
        Some(near) => finding.suggest(crate::source::encode_plain(near, false)),
        None => finding,
    }
}
