//! SC011: a story below L7 that states no scope figure at all.

use super::level_span;
use crate::lint::context::StoryContext;
use crate::lint::rule::{declare_rule, Finding};
use crate::story::Level;

declare_rule! {
    /// The story states no scope figure at all.
    ///
    /// ## What it checks
    /// No team size, horizon, dollars, teams or managers: nothing the story's reading could
    /// rest on. (L7 stories get SC007 instead.)
    ///
    /// ## Why an interviewer cares
    /// The reader has to guess the scope. At L6 that is allowed but weak: L6 answers show
    /// direct team impact and quarterly or annual results, which are easiest to believe with
    /// numbers.
    ///
    /// ## Example
    /// ```ron
    /// (
    ///     title: "Turned around the ledger team",
    ///     level: L6,
    ///     situation: "I took over the payments ledger team, which kept missing its goals.",
    ///     task: "My Director asked me to make the team dependable again.",
    ///     action: "I rewrote the alarm policy and coached the leads.",
    ///     result: "Availability rose to 99.97% and the late fees stopped.",
    /// )
    /// ```
    ///
    /// ## Instead
    /// Add the team size, how long the work ran, or the money it moved.
    ///
    /// ## Source
    /// Document 000: L6 answers show direct team impact and quarterly or annual results.
    STORY_WITHOUT_SCOPE_FIGURE {
        code: "SC011",
        name: "story-without-scope-figure",
        severity: Info,
        check: Story(check),
    }
}

fn check(context: &StoryContext, out: &mut Vec<Finding>) {
    if context.target == Some(Level::L7) || context.scope.reads_at.is_some() {
        return;
    }
    out.push(
        Finding::at(level_span(context), "story states no scope figure".into())
            .help("add the team size, how long the work ran, or the money it moved"),
    );
}
