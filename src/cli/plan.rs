//! `starbank plan`: which story to tell in which round of a level's loop, a backup for
//! each, and where the bank is thin.

use std::cell::RefCell;
use std::collections::HashMap;

use super::args::{PlanArgs, PlanFormat};
use super::output::{emit, render_load_error, stdout_colour};
use super::session::{open, Indexed};
use super::{Cli, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};
use crate::index::map::default_level;
use crate::index::map_bank;
use crate::plan::loops::{loop_for, problems};
use crate::plan::{Plan, StoryFacts};
use crate::prompts::{Reading, Rubric};
use crate::report::plan as render;
use crate::story::Level;

/// The bank's stories as the plan asks about them: levels from the files and config, scope
/// read only for the stories the plan asks about (a plan tells some ten of them).
pub(super) struct BankFacts<'a> {
    indexed: &'a Indexed,
    rubric: Rubric,
    reads_at: RefCell<HashMap<String, Option<Reading>>>,
}

impl<'a> BankFacts<'a> {
    pub(super) fn new(indexed: &'a Indexed) -> BankFacts<'a> {
        BankFacts {
            indexed,
            rubric: indexed.bank.config.apply_to(&indexed.prompts.rubric),
            reads_at: RefCell::new(HashMap::new()),
        }
    }
}

impl StoryFacts for BankFacts<'_> {
    fn target_level(&self, story_id: &str) -> Option<Level> {
        let bank = &self.indexed.bank;
        bank.story(story_id)
            .and_then(|story| bank.target_level(story))
    }

    fn reads_at(&self, story_id: &str) -> Option<Reading> {
        if let Some(known) = self.reads_at.borrow().get(story_id) {
            return *known;
        }
        let reading = self
            .indexed
            .bank
            .story(story_id)
            .and_then(|story| crate::scope::analyse(story, &self.rubric).reads_at);
        self.reads_at
            .borrow_mut()
            .insert(story_id.to_string(), reading);
        reading
    }
}

/// Loads and indexes the bank and plans the loop of the level asked for (else the bank's).
/// A loop that cannot be planned (no rounds, two rounds with one name) is reported at its
/// line, with exit status 1; a file that cannot be read, 2.
pub(super) fn planned(cli: &Cli, level: Option<Level>) -> Result<(Indexed, Plan), u8> {
    let indexed = open(cli)?;
    if let Some(err) = indexed
        .bank
        .errors
        .iter()
        .find(|err| err.path.ends_with(crate::config::CONFIG_FILE))
    {
        eprint!("{}", render_load_error(err));
        return Err(EXIT_ERROR);
    }
    let level =
        default_level(level, indexed.bank.config.level, &indexed.bank.stories).unwrap_or(Level::L6);
    let config = &indexed.bank.config;
    let prompts = &indexed.prompts;
    let Some((looped, origin)) = loop_for(
        level,
        &config.loops,
        &config.loops_origin,
        &prompts.loops,
        &prompts.loops_origin,
    ) else {
        eprintln!(
            "error: no {level} loop in {}; add `(level: {level}, rounds: [...])` to its `loops:`",
            prompts.loops_origin.path.display()
        );
        return Err(EXIT_FINDINGS);
    };
    let found = problems(looped, origin, &prompts.questions);
    if !found.is_empty() {
        for err in &found {
            eprint!("{}", render_load_error(err));
        }
        return Err(EXIT_FINDINGS);
    }
    let map = map_bank(&indexed.index, &indexed.bank.stories, prompts, Some(level));
    let plan = {
        let facts = BankFacts::new(&indexed);
        crate::plan::plan(looped, &prompts.questions, &map, &facts)
    };
    Ok((indexed, plan))
}

pub fn run(cli: &Cli, args: &PlanArgs) -> u8 {
    let (_, plan) = match planned(cli, args.level) {
        Ok(found) => found,
        Err(code) => return code,
    };
    match args.format {
        PlanFormat::Human => emit(&render::human(&plan, stdout_colour())),
        PlanFormat::Markdown => emit(&render::markdown(&plan)),
        PlanFormat::Json => match render::json(&plan) {
            Ok(json) => emit(&json),
            Err(err) => {
                eprintln!("error: cannot write JSON: {err}");
                return EXIT_ERROR;
            }
        },
    }
    EXIT_CLEAN
}
