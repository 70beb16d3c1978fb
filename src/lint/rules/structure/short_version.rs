//! ST010 and ST011: how long the story's `short` version takes to tell, against the
//! configured minimum and maximum seconds.

use crate::lint::context::StoryContext;
use crate::lint::rule::{declare_rule, Finding};
use crate::story::count_words;

declare_rule! {
    /// The story's `short` version is too short to open an answer: under the minimum
    /// (default 30 seconds spoken).
    ///
    /// ## What it checks
    /// The words of the optional `short:` field, spoken at `words_per_minute` (default
    /// 150), against `short_min_seconds` (default 30). A story with no short version, or
    /// an empty one, is not checked.
    ///
    /// ## Why an interviewer cares
    /// The short version is the 30-45 second telling that opens an answer or answers a
    /// follow-up about the story. Under half a minute it rarely says what the situation
    /// was, what you did and what changed, with a number.
    ///
    /// ## Example
    /// ```ron
    /// (
    ///     title: "Turned around the ledger team",
    ///     level: L6,
    ///     short: "I fixed the ledger team's on-call.",
    ///     situation: "I took over the ledger team of 14 engineers.",
    ///     task: "My Director asked me to make the team dependable.",
    ///     action: "I rewrote the alarm policy and coached the two leads.",
    ///     result: "Over nine months pages fell from 60 a month to 9.",
    /// )
    /// ```
    ///
    /// ## Instead
    /// Say the situation in a clause, the decisive thing you did, and the result with its
    /// number.
    ///
    /// ## Source
    /// Common guidance for behavioral answers: open with a 30-45 second summary, then the
    /// detail the interviewer asks for.
    SHORT_VERSION_TOO_SHORT {
        code: "ST010",
        name: "short-version-too-short",
        severity: Warning,
        check: Story(too_short),
    }
}

declare_rule! {
    /// The story's `short` version is too long to be short: over the maximum (default 45
    /// seconds spoken).
    ///
    /// ## What it checks
    /// The words of the optional `short:` field, spoken at `words_per_minute` (default
    /// 150), against `short_max_seconds` (default 45).
    ///
    /// ## Why an interviewer cares
    /// A short version that runs past 45 seconds is the long story told fast: the
    /// interviewer who asked for the gist, or a follow-up, loses the thread.
    ///
    /// ## Example
    /// A short version of about 40 words in a bank whose `starbank.ron` allows 10 seconds:
    /// ```ron
    /// // starbank.ron
    /// (short_max_seconds: 10)
    /// ```
    /// ```ron
    /// (
    ///     title: "Turned around the ledger team",
    ///     level: L6,
    ///     short: "I took over a ledger team of 14 engineers whose pages woke someone most nights; I mapped every page, rewrote the alarm policy and coached the two leads, and over nine months pages fell from 60 a month to 9.",
    ///     situation: "I took over the ledger team of 14 engineers.",
    ///     task: "My Director asked me to make the team dependable.",
    ///     action: "I rewrote the alarm policy and coached the two leads.",
    ///     result: "Over nine months pages fell from 60 a month to 9.",
    /// )
    /// ```
    ///
    /// ## Instead
    /// Keep the situation to a clause, the action to the decisive moves and the result to
    /// its figure; leave the rest to the long telling.
    ///
    /// ## Source
    /// Common guidance for behavioral answers: open with a 30-45 second summary, then the
    /// detail the interviewer asks for.
    SHORT_VERSION_TOO_LONG {
        code: "ST011",
        name: "short-version-too-long",
        severity: Warning,
        check: Story(too_long),
    }
}

/// The short version's words and spoken seconds; `None` when the story has none (or an
/// empty one, as the workbench's template leaves it).
fn short_seconds(context: &StoryContext) -> Option<(usize, f64)> {
    let words = count_words(context.story.short.as_deref()?);
    (words > 0).then(|| (words, words as f64 * 60.0 / context.config.words_per_minute))
}

fn too_short(context: &StoryContext, out: &mut Vec<Finding>) {
    let Some((words, seconds)) = short_seconds(context) else {
        return;
    };
    if seconds >= context.config.short_min_seconds {
        return;
    }
    out.push(
        Finding::at(
            context.story.value_or_closing_span("short"),
            format!(
                "short version runs about {seconds:.0} seconds spoken ({words} words at {:.0} a minute), under {:.0} seconds",
                context.config.words_per_minute, context.config.short_min_seconds
            ),
        )
        .help("say the situation in a clause, the decisive thing you did, and the result with its number"),
    );
}

fn too_long(context: &StoryContext, out: &mut Vec<Finding>) {
    let Some((words, seconds)) = short_seconds(context) else {
        return;
    };
    if seconds <= context.config.short_max_seconds {
        return;
    }
    out.push(
        Finding::at(
            context.story.value_or_closing_span("short"),
            format!(
                "short version runs about {seconds:.0} seconds spoken ({words} words at {:.0} a minute), over {:.0} seconds",
                context.config.words_per_minute, context.config.short_max_seconds
            ),
        )
        .help("keep the decisive moves and the result's figure; leave the rest to the long telling"),
    );
}
