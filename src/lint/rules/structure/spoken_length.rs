//! ST005 and ST006: how long the story takes to tell, against the configured minimum and
//! maximum.

use crate::lint::context::StoryContext;
use crate::lint::rule::{declare_rule, Finding};

declare_rule! {
    /// The story is too short to tell: under the minimum spoken length (default 1.5 minutes).
    ///
    /// ## What it checks
    /// The story's words, spoken at `words_per_minute` (default 150), against
    /// `min_minutes` (default 1.5).
    ///
    /// ## Why an interviewer cares
    /// A story under a minute and a half rarely has room for the situation, the decisions
    /// and a measured result, and leaves the interviewer to dig for them.
    ///
    /// ## Example
    /// ```ron
    /// (
    ///     title: "Turned around the ledger team",
    ///     level: L6,
    ///     situation: "I took over the ledger team of 14 engineers.",
    ///     task: "My Director asked me to make the team dependable.",
    ///     action: "I rewrote the alarm policy and coached the two leads.",
    ///     result: "Over nine months pages fell from 60 a month to 9.",
    /// )
    /// ```
    ///
    /// ## Instead
    /// Add the decisions, the trade-offs and a measured result.
    ///
    /// ## Source
    /// Common guidance for behavioral answers: two to three minutes each, so that a round
    /// has time for two or three questions with follow-ups.
    TOO_SHORT_SPOKEN {
        code: "ST005",
        name: "too-short-spoken",
        severity: Warning,
        check: Story(too_short),
    }
}

declare_rule! {
    /// The story is too long to tell: over the maximum spoken length (default 3.5 minutes).
    ///
    /// ## What it checks
    /// The story's words, spoken at `words_per_minute` (default 150), against
    /// `max_minutes` (default 3.5).
    ///
    /// ## Why an interviewer cares
    /// A behavioral round covers two or three questions with follow-ups; a story that runs
    /// past three and a half minutes eats the time the interviewer needs to probe, and
    /// loses them.
    ///
    /// ## Example
    /// A story of about 80 words in a bank whose `starbank.ron` allows half a minute (at
    /// the default 3.5 minutes the example would need more than 525 words):
    /// ```ron
    /// // starbank.ron
    /// (max_minutes: 0.5)
    /// ```
    /// ```ron
    /// (
    ///     title: "Turned around the ledger team",
    ///     level: L6,
    ///     situation: "I took over the ledger team of 14 engineers. The team had missed its goals for two quarters and pages woke someone most nights.",
    ///     task: "My Director asked me to make the team dependable again without extra headcount.",
    ///     action: "I mapped every page from the last quarter and found three causes. I rewrote the alarm policy, named a senior engineer to lead each workstream and coached the two leads on running reviews.",
    ///     result: "Over nine months pages fell from 60 a month to 9.",
    /// )
    /// ```
    ///
    /// ## Instead
    /// Cut Situation to two sentences and keep follow-up detail for follow-ups.
    ///
    /// ## Source
    /// Common guidance for behavioral answers: two to three minutes each, so that a round
    /// has time for two or three questions with follow-ups.
    TOO_LONG_SPOKEN {
        code: "ST006",
        name: "too-long-spoken",
        severity: Warning,
        check: Story(too_long),
    }
}

/// The story's words and how many minutes they take to say.
fn spoken_minutes(context: &StoryContext) -> (usize, f64) {
    let words = context.story.word_count();
    (words, words as f64 / context.config.words_per_minute)
}

fn too_short(context: &StoryContext, out: &mut Vec<Finding>) {
    let (words, minutes) = spoken_minutes(context);
    if words == 0 || minutes >= context.config.min_minutes {
        return;
    }
    out.push(
        Finding::at(
            context.story.value_or_closing_span("title"),
            format!(
                "story runs about {minutes:.1} minutes spoken ({words} words at {:.0} a minute), under {} minutes",
                context.config.words_per_minute, context.config.min_minutes
            ),
        )
        .help("add the decisions, the trade-offs and a measured result"),
    );
}

fn too_long(context: &StoryContext, out: &mut Vec<Finding>) {
    let (words, minutes) = spoken_minutes(context);
    if minutes <= context.config.max_minutes {
        return;
    }
    out.push(
        Finding::at(
            context.story.value_or_closing_span("title"),
            format!(
                "story runs about {minutes:.1} minutes spoken ({words} words at {:.0} a minute), over {} minutes",
                context.config.words_per_minute, context.config.max_minutes
            ),
        )
        .help("cut Situation to two sentences and keep follow-up detail for follow-ups"),
    );
}
