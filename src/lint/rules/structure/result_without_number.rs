//! ST003: a Result with no figure in it.

use std::sync::LazyLock;

use regex::Regex;

use super::section_span;
use crate::lint::context::StoryContext;
use crate::lint::rule::{declare_rule, Finding};
use crate::story::Section;

declare_rule! {
    /// The Result states no number.
    ///
    /// ## What it checks
    /// The Result has no digit and no spelled-out quantity ("three", "halved", "doubled").
    ///
    /// ## Why an interviewer cares
    /// "It went well" is not a result. A result with a figure is one an interviewer can
    /// write down and compare.
    ///
    /// ## Example
    /// ```ron
    /// (
    ///     title: "Turned around the ledger team",
    ///     level: L6,
    ///     situation: "I took over the ledger team of 14 engineers.",
    ///     task: "My Director asked me to make the team dependable.",
    ///     action: "I rewrote the alarm policy and coached the two leads.",
    ///     result: "The team was much happier and the service got better.",
    /// )
    /// ```
    ///
    /// ## Instead
    /// Measure the outcome: a percentage, a cost, a time saved, a count before and after
    /// ("pages fell from 60 a month to 9").
    ///
    /// ## Source
    /// Document 000 lists the business metrics each level's answers show (cost, revenue,
    /// adoption, quarterly or annual results at L6, multi-year impact at L7).
    RESULT_WITHOUT_NUMBER {
        code: "ST003",
        name: "result-without-number",
        severity: Warning,
        check: Story(check),
    }
}

/// Digits, or a spelled-out quantity ("halved", "doubled", "three").
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\d|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|half|halved|double|doubled|triple|tripled|twice|thrice|quadrupled)\b",
    )
    .expect("number pattern is valid")
});

fn check(context: &StoryContext, out: &mut Vec<Finding>) {
    let result = context.story.section(Section::Result);
    if result.trim().is_empty() || NUMBER.is_match(result) {
        return;
    }
    out.push(
        Finding::at(
            section_span(context, Section::Result),
            "Result states no number".into(),
        )
        .in_section(Section::Result)
        .help("measure the outcome: a percentage, a cost, a time saved, a count before and after"),
    );
}
