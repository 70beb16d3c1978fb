//! ST: is the story a sound STAR answer? Structure, balance, voice, length, and links
//! to questions and principles that exist.

use std::sync::LazyLock;

use regex::Regex;

use crate::error::closest;
use crate::story::{count_words, Section};

use super::context::StoryContext;
use super::rule::{declare_rule, Finding};

declare_rule! {
    /// A STAR section is missing or empty.
    ///
    /// Situation, Task, Action and Result are what an interviewer listens for and writes
    /// up; a missing one is the first thing a debrief notes ("no clear result"). The story
    /// still loads so the rest of it can be checked, but it is not ready to tell.
    ///
    /// Source: the STAR structure both documents assume for behavioral rounds.
    EMPTY_SECTION {
        code: "ST001",
        name: "empty-section",
        severity: Error,
        check: Story(empty_section),
    }
}

declare_rule! {
    /// Action is under the configured share of the story's words (default 40%).
    ///
    /// Interviewers score what you did. A story that spends most of its time on context
    /// leaves too little time for the decisions and behaviours the question probes.
    /// Set `action_share` in starbank.ron to change the share.
    ///
    /// Source: common guidance for Amazon behavioral loops; the answers document 000
    /// describes are all about what the leader did.
    SHORT_ACTION {
        code: "ST002",
        name: "short-action",
        severity: Warning,
        check: Story(short_action),
    }
}

declare_rule! {
    /// The Result states no number.
    ///
    /// "It went well" is not a result. Document 000 lists the business metrics each
    /// level's answers show (cost, revenue, adoption, quarterly or annual results at L6,
    /// multi-year impact at L7): a result with a figure is one an interviewer can write
    /// down and compare.
    RESULT_WITHOUT_NUMBER {
        code: "ST003",
        name: "result-without-number",
        severity: Warning,
        check: Story(result_without_number),
    }
}

declare_rule! {
    /// "We" and "our" outnumber "I" and "my" in the Action.
    ///
    /// Interviewers assess the candidate, not the team. When the Action is told as "we",
    /// they cannot tell what you did and will spend the follow-ups finding out. Say what
    /// you decided, wrote, negotiated and changed.
    ///
    /// Source: the ownership and leadership behaviours both documents describe.
    WE_OVER_I {
        code: "ST004",
        name: "we-over-i",
        severity: Warning,
        check: Story(we_over_i),
    }
}

declare_rule! {
    /// The story is too short to tell: under the minimum spoken length (default 1.5 minutes).
    ///
    /// Spoken at `words_per_minute` (default 150), a story under a minute and a half
    /// rarely has room for the situation, the decisions and a measured result, and leaves
    /// the interviewer to dig for them. Settings: `words_per_minute`, `min_minutes`.
    TOO_SHORT_SPOKEN {
        code: "ST005",
        name: "too-short-spoken",
        severity: Warning,
        check: Story(too_short_spoken),
    }
}

declare_rule! {
    /// The story is too long to tell: over the maximum spoken length (default 3.5 minutes).
    ///
    /// A behavioral round covers two or three questions with follow-ups; a story that runs
    /// past three and a half minutes eats the time the interviewer needs to probe, and
    /// loses them. Settings: `words_per_minute`, `max_minutes`.
    TOO_LONG_SPOKEN {
        code: "ST006",
        name: "too-long-spoken",
        severity: Warning,
        check: Story(too_long_spoken),
    }
}

declare_rule! {
    /// A `questions` entry names no question in the question bank.
    ///
    /// Links drive `starbank map` and coverage; a misspelt id silently drops the story
    /// from the question it was written for. `starbank questions` lists the ids.
    UNKNOWN_QUESTION {
        code: "ST007",
        name: "unknown-question",
        severity: Error,
        check: Story(unknown_question),
    }
}

declare_rule! {
    /// A `principles` entry is not an Amazon Leadership Principle.
    ///
    /// Interviewers map answers to the Leadership Principles by name; a principle spelt
    /// differently from prompts/principles.ron is not counted anywhere.
    UNKNOWN_PRINCIPLE {
        code: "ST008",
        name: "unknown-principle",
        severity: Warning,
        check: Story(unknown_principle),
    }
}

declare_rule! {
    /// An `allow` entry names no lint rule.
    ///
    /// A suppression that matches nothing hides nothing: it is usually a typo that leaves
    /// the finding it meant to silence in place. `starbank explain --all` lists the codes.
    UNKNOWN_ALLOW {
        code: "ST009",
        name: "unknown-allow",
        severity: Warning,
        check: Story(unknown_allow),
    }
}

declare_rule! {
    /// The story's `short` version is too short to open an answer: under the minimum
    /// (default 30 seconds spoken).
    ///
    /// The short version is the 30-45 second telling that opens an answer ("the headline")
    /// or answers a follow-up about the story. Under half a minute it rarely says what the
    /// situation was, what you did and what changed, with a number. Settings:
    /// `words_per_minute`, `short_min_seconds`.
    SHORT_VERSION_TOO_SHORT {
        code: "ST010",
        name: "short-version-too-short",
        severity: Warning,
        check: Story(short_version_too_short),
    }
}

declare_rule! {
    /// The story's `short` version is too long to be short: over the maximum (default 45
    /// seconds spoken).
    ///
    /// A short version that runs past 45 seconds is the long story told fast: the
    /// interviewer who asked for the gist, or a follow-up, loses the thread. Keep the
    /// situation to a clause, the action to the decisive moves and the result to its
    /// figure. Settings: `words_per_minute`, `short_max_seconds`.
    SHORT_VERSION_TOO_LONG {
        code: "ST011",
        name: "short-version-too-long",
        severity: Warning,
        check: Story(short_version_too_long),
    }
}

fn section_span(context: &StoryContext, section: Section) -> crate::story::Span {
    context.story.field_or_start(section.as_str())
}

fn empty_section(context: &StoryContext, out: &mut Vec<Finding>) {
    for section in Section::ALL {
        let Some((message, help)) = context.story.section_problem(section) else {
            continue;
        };
        let span = context.story.value_or_closing_span(section.as_str());
        out.push(Finding::at(span, message).in_section(section).help(help));
    }
}

fn short_action(context: &StoryContext, out: &mut Vec<Finding>) {
    let total = context.story.word_count();
    let action = count_words(context.story.section(Section::Action));
    if total == 0 || action == 0 {
        return;
    }
    let share = action as f64 / total as f64;
    if share >= context.config.action_share {
        return;
    }
    out.push(
        Finding::at(
            section_span(context, Section::Action),
            format!(
                "Action is {:.0}% of the story ({action} of {total} words), under {:.0}%",
                share * 100.0,
                context.config.action_share * 100.0
            ),
        )
        .in_section(Section::Action)
        .help("cut context from Situation and Task; add the decisions you made and why"),
    );
}

/// Digits, or a spelled-out quantity ("halved", "doubled", "three").
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\d|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|half|halved|double|doubled|triple|tripled|twice|thrice|quadrupled)\b",
    )
    .expect("number pattern is valid")
});

fn result_without_number(context: &StoryContext, out: &mut Vec<Finding>) {
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

static WE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:we|our|ours|us|ourselves)\b").expect("we pattern is valid")
});
// "I" only as a capital: a lower-case "i" in prose is a typo or a list marker.
static I: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bI\b|(?i)\b(?:my|me|mine|myself)\b").expect("I pattern is valid")
});

fn we_over_i(context: &StoryContext, out: &mut Vec<Finding>) {
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

fn spoken_minutes(context: &StoryContext) -> (usize, f64) {
    let words = context.story.word_count();
    (words, words as f64 / context.config.words_per_minute)
}

fn too_short_spoken(context: &StoryContext, out: &mut Vec<Finding>) {
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

fn too_long_spoken(context: &StoryContext, out: &mut Vec<Finding>) {
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

/// The short version's words and spoken seconds; `None` when the story has none (or an
/// empty one, as the workbench's template leaves it).
fn short_seconds(context: &StoryContext) -> Option<(usize, f64)> {
    let words = count_words(context.story.short.as_deref()?);
    (words > 0).then(|| (words, words as f64 * 60.0 / context.config.words_per_minute))
}

fn short_version_too_short(context: &StoryContext, out: &mut Vec<Finding>) {
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

fn short_version_too_long(context: &StoryContext, out: &mut Vec<Finding>) {
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

fn unknown_question(context: &StoryContext, out: &mut Vec<Finding>) {
    let ids: Vec<&str> = context
        .prompts
        .questions
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    for (index, id) in context.story.questions.iter().enumerate() {
        if ids.contains(&id.as_str()) {
            continue;
        }
        let near = closest(id, &ids);
        let help = match near {
            Some(near) => format!("did you mean `{near}`?"),
            None => "`starbank questions` lists the question ids".into(),
        };
        out.push(suggesting(
            Finding::at(
                context.story.list_item_span("questions", index),
                format!("unknown question `{id}`"),
            )
            .help(help),
            near,
        ));
    }
}

fn unknown_principle(context: &StoryContext, out: &mut Vec<Finding>) {
    let names: Vec<&str> = context
        .prompts
        .principles
        .iter()
        .map(String::as_str)
        .collect();
    for (index, name) in context.story.principles.iter().enumerate() {
        if names
            .iter()
            .any(|known| known.eq_ignore_ascii_case(name.trim()))
        {
            continue;
        }
        let near = closest(name, &names);
        let help = match near {
            Some(near) => format!("did you mean \"{near}\"?"),
            None => "see prompts/principles.ron for the sixteen principles".into(),
        };
        out.push(suggesting(
            Finding::at(
                context.story.list_item_span("principles", index),
                format!("\"{name}\" is not a Leadership Principle"),
            )
            .help(help),
            near,
        ));
    }
}

fn unknown_allow(context: &StoryContext, out: &mut Vec<Finding>) {
    let codes: Vec<&str> = super::RULES.iter().map(|rule| rule.code).collect();
    for (index, entry) in context.story.allow.iter().enumerate() {
        if super::rule(entry).is_some() {
            continue;
        }
        let near = closest(&entry.to_ascii_uppercase(), &codes);
        let help = match near {
            Some(near) => format!("did you mean `{near}`?"),
            None => "`starbank explain --all` lists the rules".into(),
        };
        out.push(suggesting(
            Finding::at(
                context.story.list_item_span("allow", index),
                format!("`{entry}` is not a lint rule"),
            )
            .help(help),
            near,
        ));
    }
}

/// A list entry's fix: the suggested name as the RON string literal that replaces the entry
/// (its span is the whole literal, quotes included).
fn suggesting(finding: Finding, near: Option<&str>) -> Finding {
    match near {
        Some(near) => finding.suggest(crate::source::encode_plain(near, false)),
        None => finding,
    }
}
