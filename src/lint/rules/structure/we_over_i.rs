//! ST004: the Action's voice, "we" against "I".

use std::sync::LazyLock;

use regex::Regex;

use crate::lint::context::StoryContext;
use crate::lint::rule::{declare_rule, Finding};
use crate::story::Section;

declare_rule! {
    /// "We" and "our" outnumber "I" and "my" in the Action.
    ///
    /// ## What it checks
    /// The Action's first-person plural words (we, our, ours, us, ourselves) against its
    /// first-person singular ones (I, my, me, mine, myself).
    ///
    /// ## Why an interviewer cares
    /// Interviewers assess the candidate, not the team. When the Action is told as "we",
    /// they cannot tell what you did and will spend the follow-ups finding out.
    ///
    /// ## Example
    /// ```ron
    /// (
    ///     title: "Turned around the ledger team",
    ///     level: L6,
    ///     situation: "I took over the ledger team of 14 engineers.",
    ///     task: "My Director asked me to make the team dependable.",
    ///     action: "We mapped every page and we rewrote our alarm policy. We ran the reviews.",
    ///     result: "Over nine months pages fell from 60 a month to 9.",
    /// )
    /// ```
    ///
    /// ## Instead
    /// Say what you decided, wrote, negotiated and changed: "I mapped every page and
    /// rewrote the alarm policy."
    ///
    /// ## Source
    /// The ownership and leadership behaviours both documents describe.
    WE_OVER_I {
        code: "ST004",
        name: "we-over-i",
        severity: Warning,
        check: Story(check),
    }
}

static WE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:we|our|ours|us|ourselves)\b").expect("we pattern is valid")
});
// "I" only as a capital: a lower-case "i" in prose is a typo or a list marker.
static I: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bI\b|(?i)\b(?:my|me|mine|myself)\b").expect("I pattern is valid")
});

fn check(context: &StoryContext, out: &mut Vec<Finding>) {
    let action = context.story.section(Section::Action);
    let we: Vec<_> = WE.find_iter(action).collect();
    let i = I.find_iter(action).count();
    if we.len() <= i {
        return;
    }
    // Point at the first "we": where the voice starts to drift.
    let first = &we[0];
    let span = context.story.locate(Section::Action, first.range());
    out.push(
        Finding::at(
            span,
            format!(
                "Action says \"we/our\" {} times and \"I/my\" {i} times",
                we.len()
            ),
        )
        .in_section(Section::Action)
        .label("whose decision was this?")
        .help("tell the Action in the first person: what you decided, wrote and changed"),
    );
}
