//! BK: is the bank ready for a loop? Rules about the stories together.

use std::collections::HashMap;

use super::context::BankContext;
use super::rule::{declare_rule, Finding};

declare_rule! {
    /// The bank has fewer stories than a loop needs (default 10).
    ///
    /// An L6 or L7 loop runs four to six interviews, each asking two or three behavioral
    /// questions across the Leadership Principles, and interviewers avoid hearing the same
    /// story twice. Ten distinct stories is the usual floor for covering a loop without
    /// repeats. Set `min_stories` in starbank.ron to change it.
    TOO_FEW_STORIES {
        code: "BK001",
        name: "too-few-stories",
        severity: Warning,
        check: Bank(too_few_stories),
    }
}

declare_rule! {
    /// Two stories have the same title.
    ///
    /// The title is how you pick a story under pressure and how search results and the
    /// workbench name it. Two stories with one title are either a duplicate (one will go
    /// stale) or two stories you will confuse in the room.
    DUPLICATE_TITLE {
        code: "BK002",
        name: "duplicate-title",
        severity: Warning,
        check: Bank(duplicate_title),
    }
}

fn too_few_stories(context: &BankContext, out: &mut Vec<Finding>) {
    let count = context.stories.len();
    let wanted = context.config.min_stories;
    if count >= wanted {
        return;
    }
    out.push(Finding {
        story: None,
        span: None,
        section: None,
        message: format!(
            "the bank has {count} stor{}, fewer than the {wanted} a loop needs",
            if count == 1 { "y" } else { "ies" }
        ),
        label: None,
        help: Some("write stories for the questions `starbank coverage` shows uncovered".into()),
        suggestion: None,
    });
}

fn duplicate_title(context: &BankContext, out: &mut Vec<Finding>) {
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
