//! `starbank coverage`: the bank against the questions of a level as a matrix (questions by
//! stories, shaded by strength), then the questions no story answers and the stories that
//! answer too many.

use super::args::CoverageArgs;
use super::output::{emit, stdout_colour};
use super::session::mapped;
use super::{Cli, EXIT_CLEAN};
use crate::report::coverage as coverage_report;

pub fn run(cli: &Cli, args: &CoverageArgs) -> u8 {
    let (indexed, map) = match mapped(cli, args.level) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let max = indexed.bank.config.max_questions_per_story;
    emit(&coverage_report::render(&map, max, stdout_colour()));
    EXIT_CLEAN
}
