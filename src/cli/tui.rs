//! `starbank tui` (and `starbank` alone): open the workbench on the bank; `starbank
//! practice` opens it practising the loop.

use super::{Cli, EXIT_CLEAN, EXIT_ERROR};

pub fn run(cli: &Cli, start: crate::tui::Start) -> u8 {
    let bank = cli.bank_dir();
    let prompts = match cli.prompts(&bank) {
        Ok(prompts) => prompts,
        Err(code) => return code,
    };
    match crate::tui::run(&bank, prompts, start) {
        Ok(()) => EXIT_CLEAN,
        Err(message) => {
            eprintln!("error: {message}");
            EXIT_ERROR
        }
    }
}
