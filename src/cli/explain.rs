//! `starbank explain`: a rule's explanation, or the list of rules.

use super::output::{emit, paint, stdout_colour, BOLD, DIM};
use super::{EXIT_CLEAN, EXIT_ERROR};
use crate::error::closest;
use crate::lint::{rule, Rule, RULES};

pub fn run(selector: Option<&str>, all: bool) -> u8 {
    let colour = stdout_colour();
    match selector {
        Some(selector) => match rule(selector) {
            Some(rule) => {
                emit(&explanation(rule, colour));
                EXIT_CLEAN
            }
            None => {
                let names: Vec<&str> = RULES
                    .iter()
                    .flat_map(|rule| [rule.code, rule.name])
                    .collect();
                let hint = closest(selector, &names)
                    .map(|near| format!("; did you mean `{near}`?"))
                    .unwrap_or_default();
                eprintln!(
                    "error: no rule `{selector}`{hint}\n  = help: `starbank explain` lists every rule"
                );
                EXIT_ERROR
            }
        },
        None if all => {
            let text: Vec<String> = RULES.iter().map(|rule| explanation(rule, colour)).collect();
            emit(&text.join("\n"));
            EXIT_CLEAN
        }
        None => {
            let mut text = String::new();
            for rule in RULES {
                text.push_str(&format!(
                    "{}  {:<28} {}  {}\n",
                    paint(colour, BOLD, rule.code),
                    rule.name,
                    paint(colour, DIM, &format!("{:<7}", rule.severity.as_str())),
                    rule.summary()
                ));
            }
            text.push_str(
                "\n`starbank explain CODE` explains one rule; `--all` prints every explanation.\n",
            );
            emit(&text);
            EXIT_CLEAN
        }
    }
}

fn explanation(rule: &Rule, colour: bool) -> String {
    format!(
        "{} ({}, {} by default)\n\n{}\n",
        paint(colour, BOLD, &format!("{} {}", rule.code, rule.name)),
        match rule.check {
            crate::lint::Check::Story(_) => "per story",
            crate::lint::Check::Bank(_) => "per bank",
        },
        rule.severity.as_str(),
        rule.explanation_text()
    )
}
