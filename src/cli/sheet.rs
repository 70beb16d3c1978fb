//! `starbank sheet`: the plan as a printable one-page loop sheet.

use std::path::Path;

use super::args::{SheetArgs, SheetFormat};
use super::output::emit;
use super::plan::planned;
use super::{Cli, EXIT_CLEAN, EXIT_ERROR};
use crate::plan::sheet::sheet;
use crate::plan::Plan;
use crate::report::plan::thin_lines;
use crate::report::sheet::{html_page, markdown};

/// The thin spots that matter on the day, one line each: slots with no adequate story, too
/// few stories, and told stories that read below the level where scope is judged. Which
/// story several rounds want is planning, not something to read before walking in.
fn warnings(plan: &Plan) -> Vec<String> {
    let mut thin = plan.thin.clone();
    thin.contested.clear();
    thin.below_level.retain(|below| !below.backup);
    thin_lines(&thin, plan.level, plan.threshold)
        .into_iter()
        .flat_map(|(_, lines)| lines)
        .collect()
}

pub fn run(cli: &Cli, args: &SheetArgs) -> u8 {
    let (indexed, plan) = match planned(cli, args.level) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let rubric = indexed.bank.config.apply_to(&indexed.prompts.rubric);
    let story = |id: &str| indexed.bank.story(id);
    let sheet = sheet(&plan, &story, &rubric, warnings(&plan));
    let text = match args.format {
        SheetFormat::Markdown => markdown(&sheet),
        SheetFormat::Html => html_page(&sheet, args.paper),
    };
    match &args.output {
        None => emit(&text),
        Some(path) => {
            if let Err(err) = write_file(path, &text) {
                eprintln!(
                    "error: cannot write {}: {err}; check that its folder exists and is writable",
                    path.display()
                );
                return EXIT_ERROR;
            }
            eprintln!("wrote {}", path.display());
        }
    }
    EXIT_CLEAN
}

/// Writes via a temporary file beside `path` and a rename: a sheet open in a browser is
/// never seen half written.
fn write_file(path: &Path, text: &str) -> std::io::Result<()> {
    let name = path
        .file_name()
        .map_or_else(|| "sheet".into(), |n| n.to_string_lossy().into_owned());
    let temporary = path.with_file_name(format!(".{name}.tmp"));
    std::fs::write(&temporary, text)?;
    std::fs::rename(&temporary, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temporary);
    })
}
