//! `starbank lint`: lint the bank (or some stories) and print the report.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::output::{emit, emit_streamed, render_load_error, stdout_colour};
use super::{Cli, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};
use crate::bank::Bank;
use crate::config::Severity;
use crate::lint::Linter;
use crate::report::{self, Format, HumanOptions};
use crate::story::Level;

pub struct LintArgs<'a> {
    pub paths: &'a [PathBuf],
    pub format: Format,
    pub level: Option<Level>,
    pub fail_on: Severity,
    pub watch: bool,
}

pub fn run(cli: &Cli, args: &LintArgs) -> u8 {
    let root = bank_root(cli, args.paths);
    if !args.watch {
        return lint_once(cli, &root, args);
    }
    let colour = stdout_colour();
    let mut seen = None;
    loop {
        let snapshot = snapshot(&root, args.paths);
        if seen.as_ref() != Some(&snapshot) {
            if colour {
                // Clear the screen so each run reads as the current state.
                emit("\x1b[2J\x1b[H");
            }
            lint_once(cli, &root, args);
            emit(&format!(
                "\nwatching {} for changes (Ctrl-C to stop)\n",
                root.display()
            ));
            seen = Some(snapshot);
        }
        std::thread::sleep(Duration::from_millis(300));
    }
}

/// The bank folder whose `starbank.ron` applies: `--bank`, else the one folder given,
/// else the first file's folder, else `./stories`.
fn bank_root(cli: &Cli, paths: &[PathBuf]) -> PathBuf {
    if let Some(bank) = &cli.bank {
        return bank.clone();
    }
    match paths.first() {
        None => cli.bank_dir(),
        Some(path) if path.is_dir() => path.clone(),
        Some(path) => path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
    }
}

fn lint_once(cli: &Cli, root: &Path, args: &LintArgs) -> u8 {
    let prompts = match cli.prompts(root) {
        Ok(prompts) => prompts,
        Err(code) => return code,
    };
    let whole_bank = args.paths.iter().all(|p| p.is_dir());
    let loaded = if args.paths.is_empty() {
        Bank::load(root)
    } else {
        Bank::load_paths(root, args.paths)
    };
    let mut bank = match loaded {
        Ok(bank) => bank,
        Err(err) => {
            eprintln!("error: {err}");
            return EXIT_ERROR;
        }
    };
    bank.errors
        .extend(crate::lint::config_errors(&bank, &prompts.rubric));
    // The coverage rules' index is kept in the bank folder only when the whole folder is
    // linted: then it holds exactly the stories linted.
    let whole_folder = args.paths.is_empty() || args.paths.iter().all(|path| path == root);
    let linter = Linter::new(&prompts, &bank.config)
        .with_level(args.level)
        .with_index_on_disk(whole_bank && whole_folder);
    let report = linter.lint_stories(&bank.root, &bank.stories, bank.errors.clone(), whole_bank);
    let options = HumanOptions {
        colour: stdout_colour(),
        fail_on: args.fail_on,
    };
    if args.format == Format::Human && report.stories.is_empty() && report.errors.is_empty() {
        eprintln!(
            "warning: no stories found in {}; a story is a `.ron` file (see README.md)",
            root.display()
        );
    }
    emit_streamed(|out| report::write(args.format, &report, &bank.stories, options, out));
    let code = exit_code(&report, args);
    if !args.watch {
        // The process ends next: its memory goes back whole, so the bank and the report
        // (every story's text, figures and findings) are not freed piece by piece first,
        // which took a tenth of the run on 10,000 stories.
        std::mem::forget(report);
        std::mem::forget(bank);
    }
    code
}

fn exit_code(report: &crate::lint::Report, args: &LintArgs) -> u8 {
    if !report.errors.is_empty() {
        if args.format != Format::Human {
            // Machine formats carry the errors; say why the exit status is 2 on stderr.
            for error in &report.errors {
                eprint!("{}", render_load_error(error));
            }
        }
        EXIT_ERROR
    } else if report.fails_at(args.fail_on) {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

/// What `--watch` compares: every story file (and the config) with its size and mtime.
fn snapshot(root: &Path, paths: &[PathBuf]) -> Vec<(PathBuf, u64, Option<SystemTime>)> {
    let mut files = Vec::new();
    let mut roots: Vec<PathBuf> = paths.to_vec();
    if roots.is_empty() {
        roots.push(root.to_path_buf());
    }
    roots.push(crate::config::config_path(root));
    for path in roots {
        collect(&path, &mut files);
    }
    files.sort();
    files
}

fn collect(path: &Path, files: &mut Vec<(PathBuf, u64, Option<SystemTime>)>) {
    let Ok(metadata) = std::fs::metadata(path) else {
        return;
    };
    if metadata.is_dir() {
        let Ok(entries) = std::fs::read_dir(path) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let child = entry.path();
            if name.starts_with('.') || name == "target" {
                continue;
            }
            if child.is_dir() || name.ends_with(".ron") {
                collect(&child, files);
            }
        }
    } else {
        files.push((path.to_path_buf(), metadata.len(), metadata.modified().ok()));
    }
}
