//! `starbank plan` output: human (a terminal), json (for tools) and markdown (for notes).

use std::fmt::Write as _;

use serde::Serialize;

use crate::plan::thin::Thin;
use crate::plan::{Pick, Plan, RoundPlan, SlotPlan};
use crate::prompts::Reading;
use crate::snippet::ansi::{BOLD, CYAN, DIM, GREEN, YELLOW};
use crate::snippet::{paint, sanitize};

/// How a strength reads in words (the same words as `starbank map`).
pub fn grade(strength: f32, threshold: f32) -> &'static str {
    if strength >= 0.5 {
        "strong"
    } else if strength >= threshold {
        "adequate"
    } else {
        "weak"
    }
}

/// A strength to two decimals, never rounded up to the threshold it falls short of.
fn strength(value: f32) -> String {
    crate::index::strength::rounded_down(value)
}

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// The plan's first line: what the loop hears and from how many stories.
pub fn headline(plan: &Plan) -> String {
    let story_rounds = plan.rounds.iter().filter(|r| r.stories > 0).count();
    format!(
        "{} loop plan: {} to tell in {}, from a bank of {} (total strength {:.2})",
        plan.level,
        plural(plan.slot_count(), "story", "stories"),
        plural(story_rounds, "round", "rounds"),
        plan.stories,
        plan.total_strength,
    )
}

fn round_heading(round: &RoundPlan) -> String {
    let mut heading = format!("{} · {} min · {}", round.name, round.minutes, round.focus);
    if !round.looks_for.is_empty() {
        let _ = write!(heading, ": {}", round.looks_for);
    }
    heading
}

pub fn human(plan: &Plan, colour: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", paint(colour, BOLD, &headline(plan)));
    let _ = writeln!(
        out,
        "{}",
        paint(
            colour,
            DIM,
            &format!(
                "rounds: {}; strength 0..1, adequate from {:.2}; * = linked in the story's `questions:`",
                sanitize(&plan.source),
                plan.threshold
            )
        )
    );
    for round in &plan.rounds {
        out.push('\n');
        let mut heading = paint(colour, BOLD, &sanitize(&round_heading(round)));
        if round.stories == 0 {
            heading.push_str(&paint(colour, DIM, " · no story planned"));
            let _ = writeln!(out, "{heading}");
            continue;
        }
        if round.probes_scope {
            heading.push_str(&paint(colour, DIM, " · judges scope"));
        }
        let _ = writeln!(out, "{heading}");
        let _ = writeln!(
            out,
            "  {} likely, prepare {}",
            plural(round.likely.len(), "question", "questions"),
            round.slots.len()
        );
        for slot in &round.slots {
            human_slot(&mut out, slot, plan.threshold, colour);
        }
        if !round.uncovered.is_empty() {
            let ids: Vec<&str> = round.uncovered.iter().map(|q| q.id.as_str()).collect();
            let _ = writeln!(
                out,
                "  {} {}",
                paint(colour, YELLOW, "no planned story answers:"),
                sanitize(&ids.join(", "))
            );
        }
    }
    out.push('\n');
    human_thin(&mut out, plan, colour);
    out
}

fn human_pick(label: &str, pick: Option<&Pick>, threshold: f32, colour: bool) -> String {
    match pick {
        Some(pick) => {
            let word = grade(pick.strength, threshold);
            let style = match word {
                "strong" => GREEN,
                "adequate" => "",
                _ => YELLOW,
            };
            format!(
                "    {label:<7}{} {:<38} {} {}",
                if pick.linked { "*" } else { " " },
                paint(colour, CYAN, &sanitize(&pick.story_id)),
                strength(pick.strength),
                paint(colour, style, word)
            )
        }
        None => format!(
            "    {label:<7}  {}",
            paint(
                colour,
                YELLOW,
                "none left: every other story is told or backs up another slot"
            )
        ),
    }
}

fn human_slot(out: &mut String, slot: &SlotPlan, threshold: f32, colour: bool) {
    let _ = writeln!(
        out,
        "  {}  {}",
        paint(colour, CYAN, &slot.question.id),
        sanitize(&slot.question.text)
    );
    let _ = writeln!(
        out,
        "{}",
        human_pick("tell", slot.tell.as_ref(), threshold, colour)
    );
    let _ = writeln!(
        out,
        "{}",
        human_pick("backup", slot.backup.as_ref(), threshold, colour)
    );
    if slot.covers.len() > 1 {
        let _ = writeln!(
            out,
            "    {}",
            paint(
                colour,
                DIM,
                &format!("also answers {}", sanitize(&slot.covers[1..].join(", ")))
            )
        );
    }
}

/// The thin spots as sentences, one per line, for every format.
pub fn thin_lines(
    thin: &Thin,
    level: crate::story::Level,
    threshold: f32,
) -> Vec<(String, Vec<String>)> {
    let mut groups = Vec::new();
    let mut bank = Vec::new();
    if let Some((stories, slots)) = thin.too_few_stories {
        bank.push(format!(
            "the loop hears {slots} stories and the bank has {stories}: {} stay empty; write more stories",
            plural(slots - stories, "slot", "slots")
        ));
    }
    if thin.none_at_level {
        bank.push(format!(
            "no story in the bank is written for {level}: every story is planned at another level's scope"
        ));
    }
    for short in &thin.short_rounds {
        bank.push(format!(
            "{} hears {} stories but draws {}: add questions to its `rounds:`/`themes:` in loop.ron",
            short.round,
            short.stories,
            plural(short.likely, "likely question", "likely questions")
        ));
    }
    if !bank.is_empty() {
        groups.push(("The bank".to_string(), bank));
    }
    let weak: Vec<String> = thin
        .weak_slots
        .iter()
        .map(|slot| {
            let told = match &slot.told {
                Some((story, value)) => format!("told {story} ({} weak)", strength(*value)),
                None => "no story".to_string(),
            };
            let taken = match &slot.taken {
                Some(taken) => format!(
                    "; {} ({}) answers it but is told in {}",
                    taken.story_id,
                    strength(taken.strength),
                    taken.told_in
                ),
                None => "; no story in the bank answers it".to_string(),
            };
            format!("{} / {}: {told}{taken}", slot.round, slot.question_id)
        })
        .collect();
    if !weak.is_empty() {
        groups.push((
            format!("Slots with no adequate distinct story (strength under {threshold:.2})"),
            weak,
        ));
    }
    let contested: Vec<String> = thin
        .contested
        .iter()
        .map(|c| {
            let told = match &c.told_in {
                Some(round) => format!("told in {round}"),
                None => "told in none".to_string(),
            };
            format!(
                "{}: the best answer in {}; {told}",
                c.story_id,
                c.best_in.join(", ")
            )
        })
        .collect();
    if !contested.is_empty() {
        groups.push((
            "Stories more rounds want than can hear them (each is told once)".to_string(),
            contested,
        ));
    }
    let below: Vec<String> = thin
        .below_level
        .iter()
        .map(|b| {
            let reads = match b.reads_at {
                Some(reading) => format!("reads at {reading}"),
                None => "states no scope figure".to_string(),
            };
            format!(
                "{}: {} {reads}{}",
                b.round,
                b.story_id,
                if b.backup { " (backup)" } else { "" }
            )
        })
        .collect();
    if !below.is_empty() {
        groups.push((format!("Below {level} in rounds that judge scope"), below));
    }
    groups
}

fn human_thin(out: &mut String, plan: &Plan, colour: bool) {
    let groups = thin_lines(&plan.thin, plan.level, plan.threshold);
    if groups.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            paint(
                colour,
                GREEN,
                "Not thin anywhere: every slot has an adequate story and a backup."
            )
        );
        return;
    }
    let _ = writeln!(out, "{}", paint(colour, BOLD, "Where the bank is thin"));
    for (title, lines) in groups {
        let _ = writeln!(out, "  {}", paint(colour, YELLOW, &format!("{title}:")));
        for line in lines {
            let _ = writeln!(out, "    {}", sanitize(&line));
        }
    }
}

/// Markdown: a heading per round and a table of its slots, then the thin spots.
pub fn markdown(plan: &Plan) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md(&headline(plan)));
    let _ = writeln!(
        out,
        "Rounds: {}. Strength 0..1, adequate from {:.2}; \\* = linked in the story's `questions:`.",
        md(&plan.source),
        plan.threshold
    );
    for round in &plan.rounds {
        let _ = writeln!(out, "\n## {}\n", md(&round_heading(round)));
        if round.stories == 0 {
            let _ = writeln!(out, "No story planned.");
            continue;
        }
        let _ = writeln!(
            out,
            "{} likely, prepare {}{}.\n",
            plural(round.likely.len(), "question", "questions"),
            round.slots.len(),
            if round.probes_scope {
                "; this round judges scope"
            } else {
                ""
            }
        );
        let _ = writeln!(out, "| question | tell | backup | also answers |");
        let _ = writeln!(out, "|---|---|---|---|");
        for slot in &round.slots {
            let pick = |pick: Option<&Pick>| match pick {
                Some(p) => format!(
                    "{}`{}` {} {}",
                    if p.linked { "\\*" } else { "" },
                    p.story_id,
                    strength(p.strength),
                    grade(p.strength, plan.threshold)
                ),
                None => "none".to_string(),
            };
            let _ = writeln!(
                out,
                "| `{}` {} | {} | {} | {} |",
                slot.question.id,
                md(&slot.question.text),
                pick(slot.tell.as_ref()),
                pick(slot.backup.as_ref()),
                slot.covers
                    .iter()
                    .skip(1)
                    .map(|id| format!("`{id}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        if !round.uncovered.is_empty() {
            let ids: Vec<String> = round
                .uncovered
                .iter()
                .map(|q| format!("`{}`", q.id))
                .collect();
            let _ = writeln!(out, "\nNo planned story answers {}.", ids.join(", "));
        }
    }
    let groups = thin_lines(&plan.thin, plan.level, plan.threshold);
    let _ = writeln!(out, "\n## Where the bank is thin\n");
    if groups.is_empty() {
        let _ = writeln!(
            out,
            "Not thin anywhere: every slot has an adequate story and a backup."
        );
    }
    for (title, lines) in groups {
        let _ = writeln!(out, "**{}**\n", md(&title));
        for line in lines {
            let _ = writeln!(out, "- {}", md(&line));
        }
        out.push('\n');
    }
    out
}

/// Text safe inside a Markdown table cell or paragraph.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in sanitize(text).chars() {
        if matches!(c, '|' | '*' | '_' | '`' | '<' | '>' | '[' | ']' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[derive(Serialize)]
struct JsonPlan<'a> {
    level: crate::story::Level,
    source: &'a str,
    threshold: f64,
    stories: usize,
    slots: usize,
    total_strength: f64,
    rounds: Vec<JsonRound<'a>>,
    thin: JsonThin,
}

#[derive(Serialize)]
struct JsonRound<'a> {
    name: &'a str,
    minutes: u32,
    focus: &'a str,
    looks_for: &'a str,
    stories: usize,
    probes_scope: bool,
    likely: Vec<&'a str>,
    slots: Vec<JsonSlot<'a>>,
    uncovered: Vec<&'a str>,
}

#[derive(Serialize)]
struct JsonSlot<'a> {
    question: &'a str,
    tell: Option<JsonPick<'a>>,
    backup: Option<JsonPick<'a>>,
    covers: &'a [String],
}

#[derive(Serialize)]
struct JsonPick<'a> {
    story: &'a str,
    strength: f64,
    linked: bool,
}

#[derive(Serialize)]
struct JsonThin {
    too_few_stories: Option<JsonTooFew>,
    none_at_level: bool,
    short_rounds: Vec<serde_json::Value>,
    weak_slots: Vec<serde_json::Value>,
    contested: Vec<serde_json::Value>,
    below_level: Vec<serde_json::Value>,
}

#[derive(Serialize)]
struct JsonTooFew {
    stories: usize,
    slots: usize,
}

use super::search::round as round3;

fn json_pick(pick: Option<&Pick>) -> Option<JsonPick<'_>> {
    pick.map(|p| JsonPick {
        story: &p.story_id,
        strength: round3(p.strength),
        linked: p.linked,
    })
}

fn reading_json(reading: Option<Reading>) -> serde_json::Value {
    reading.map_or(serde_json::Value::Null, |r| r.as_str().into())
}

/// The plan as JSON (pretty, with a final newline).
pub fn json(plan: &Plan) -> Result<String, serde_json::Error> {
    use serde_json::json;
    let thin = &plan.thin;
    let out = JsonPlan {
        level: plan.level,
        source: &plan.source,
        threshold: round3(plan.threshold),
        stories: plan.stories,
        slots: plan.slot_count(),
        total_strength: round3(plan.total_strength),
        rounds: plan
            .rounds
            .iter()
            .map(|round| JsonRound {
                name: &round.name,
                minutes: round.minutes,
                focus: &round.focus,
                looks_for: &round.looks_for,
                stories: round.stories,
                probes_scope: round.probes_scope,
                likely: round.likely.iter().map(|q| q.id.as_str()).collect(),
                slots: round
                    .slots
                    .iter()
                    .map(|slot| JsonSlot {
                        question: &slot.question.id,
                        tell: json_pick(slot.tell.as_ref()),
                        backup: json_pick(slot.backup.as_ref()),
                        covers: &slot.covers,
                    })
                    .collect(),
                uncovered: round.uncovered.iter().map(|q| q.id.as_str()).collect(),
            })
            .collect(),
        thin: JsonThin {
            too_few_stories: thin
                .too_few_stories
                .map(|(stories, slots)| JsonTooFew { stories, slots }),
            none_at_level: thin.none_at_level,
            short_rounds: thin
                .short_rounds
                .iter()
                .map(|s| json!({"round": s.round, "stories": s.stories, "likely": s.likely}))
                .collect(),
            weak_slots: thin
                .weak_slots
                .iter()
                .map(|w| {
                    json!({
                        "round": w.round,
                        "question": w.question_id,
                        "told": w.told.as_ref().map(|(story, value)| json!({"story": story, "strength": round3(*value)})),
                        "taken": w.taken.as_ref().map(|t| json!({"story": t.story_id, "strength": round3(t.strength), "told_in": t.told_in})),
                    })
                })
                .collect(),
            contested: thin
                .contested
                .iter()
                .map(|c| json!({"story": c.story_id, "best_in": c.best_in, "told_in": c.told_in}))
                .collect(),
            below_level: thin
                .below_level
                .iter()
                .map(|b| json!({"round": b.round, "story": b.story_id, "backup": b.backup, "reads_at": reading_json(b.reads_at)}))
                .collect(),
        },
    };
    serde_json::to_string_pretty(&out).map(|text| text + "\n")
}
