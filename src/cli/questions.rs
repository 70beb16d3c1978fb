//! `starbank questions`: list the question bank.

use super::args::Format;
use std::fmt::Write as _;

use super::output::{emit, paint, stdout_colour, BOLD, CYAN, DIM};
use super::{Cli, EXIT_CLEAN, EXIT_ERROR};
use crate::snippet::sanitize;
use crate::story::Level;

pub fn run(cli: &Cli, level: Option<Level>, format: Format) -> u8 {
    let prompts = match cli.prompts(&cli.bank_dir()) {
        Ok(prompts) => prompts,
        Err(code) => return code,
    };
    let questions: Vec<_> = prompts.questions_of(level).collect();
    match format {
        Format::Json => match serde_json::to_string_pretty(&questions) {
            Ok(json) => emit(&format!("{json}\n")),
            Err(err) => {
                eprintln!("error: cannot write JSON: {err}");
                return EXIT_ERROR;
            }
        },
        Format::Human => {
            let colour = stdout_colour();
            let mut out = String::new();
            for level in Level::ALL {
                let of_level: Vec<_> = questions.iter().filter(|q| q.level == level).collect();
                if of_level.is_empty() {
                    continue;
                }
                let heading = format!("{level} ({} questions)", of_level.len());
                let _ = writeln!(out, "{}", paint(colour, BOLD, &heading));
                for question in of_level {
                    let _ = writeln!(
                        out,
                        "  {}  {}",
                        paint(colour, CYAN, &question.id),
                        sanitize(&question.text)
                    );
                    let _ = writeln!(
                        out,
                        "      {}",
                        paint(
                            colour,
                            DIM,
                            &format!("{} · {}", question.theme, question.round)
                        )
                    );
                }
                out.push('\n');
            }
            emit(&out);
        }
    }
    EXIT_CLEAN
}
