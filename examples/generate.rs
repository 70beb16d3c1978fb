//! Writes a generated bank for measurements:
//! `cargo run --release --example generate -- DIR N [SEED] [--prose PROSE_DIR]`.
//!
//! With `--prose`, also writes each story's four STAR sections as plain text, one `.txt`
//! per story, for a general prose linter to read the same prose (`scripts/bench-lint.sh`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let prose = match args.iter().position(|arg| arg == "--prose") {
        Some(at) if at + 1 < args.len() => {
            let dir = args.remove(at + 1);
            args.remove(at);
            Some(PathBuf::from(dir))
        }
        Some(_) => {
            eprintln!("usage: generate DIR COUNT [SEED] [--prose PROSE_DIR]");
            return ExitCode::from(2);
        }
        None => None,
    };
    let (Some(dir), Some(count)) = (args.first(), args.get(1).and_then(|n| n.parse().ok())) else {
        eprintln!("usage: generate DIR COUNT [SEED] [--prose PROSE_DIR]");
        return ExitCode::from(2);
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(42);
    let written = match starbank::generate::write_bank(&PathBuf::from(dir), count, seed) {
        Ok(paths) => paths,
        Err(err) => {
            eprintln!("error: cannot write {dir}: {err}");
            return ExitCode::FAILURE;
        }
    };
    if let Some(prose) = prose {
        if let Err(err) = write_prose(&written, &prose) {
            eprintln!("error: cannot write {}: {err}", prose.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

/// Each story's sections, a blank line apart, in `dir/<story>.txt`.
fn write_prose(stories: &[PathBuf], dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|err| err.to_string())?;
    for path in stories {
        let story = starbank::story::Story::load(path).map_err(|err| err.message.clone())?;
        let text: Vec<&str> = story.sections().map(|(_, text)| text).collect();
        let name = path.with_extension("txt");
        let name = name.file_name().unwrap_or_default();
        std::fs::write(dir.join(name), text.join("\n\n") + "\n").map_err(|err| err.to_string())?;
    }
    Ok(())
}
