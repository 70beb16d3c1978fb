//! `starbank map`: for each question of a level, the stories that answer it (explicit links
//! first); for each story, the questions it answers best.

use super::args::{Format, MapArgs};
use super::output::{emit, stdout_colour};
use super::session::mapped;
use super::{Cli, EXIT_CLEAN, EXIT_ERROR};
use crate::report::map as map_report;

pub fn run(cli: &Cli, args: &MapArgs) -> u8 {
    let (indexed, map) = match mapped(cli, args.level) {
        Ok(found) => found,
        Err(code) => return code,
    };
    match args.format {
        Format::Json => match serde_json::to_string_pretty(&map_report::json(&map)) {
            Ok(json) => emit(&format!("{json}\n")),
            Err(err) => {
                eprintln!("error: cannot write JSON: {err}");
                return EXIT_ERROR;
            }
        },
        Format::Human => {
            let title_of = |id: &str| indexed.bank.story(id).map(|s| s.title.clone());
            emit(&map_report::human(&map, &title_of, stdout_colour()))
        }
    }
    EXIT_CLEAN
}
