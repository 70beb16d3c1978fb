//! Colour and `NO_COLOR` as a user sees them: the built binary on a real pseudo-terminal
//! (util-linux `script`), where every other CLI test pipes its output and so never sees
//! colour. Without `script` the tests say so and skip; `STARBANK_REQUIRE_PTY=1` (CI sets
//! it) turns the skip into a failure.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::common;

/// What a run on a terminal printed (stdout and stderr, both on the terminal), with the
/// terminal's `\r\n` line ends made `\n`, and its exit status.
struct Run {
    text: String,
    code: Option<i32>,
}

fn has_script() -> bool {
    let found = Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).contains("util-linux"));
    if !found {
        let required = std::env::var("STARBANK_REQUIRE_PTY").is_ok_and(|v| v == "1");
        assert!(
            !required,
            "util-linux `script` is not installed and STARBANK_REQUIRE_PTY=1: install util-linux"
        );
        eprintln!("pty: util-linux `script` is not installed, skipped");
    }
    found
}

fn quote(arg: &str) -> String {
    format!("'{}'", arg.replace('\'', "'\\''"))
}

/// Runs starbank with `args` in `dir` on a pseudo-terminal, `NO_COLOR` set to `no_color`
/// (or unset).
fn on_terminal(dir: &Path, args: &[&str], no_color: Option<&str>) -> Run {
    let mut line = quote(env!("CARGO_BIN_EXE_starbank"));
    for arg in args {
        line.push(' ');
        line.push_str(&quote(arg));
    }
    let mut command = Command::new("script");
    command
        .args(["-qec", &line, "/dev/null"])
        .current_dir(dir)
        .stdin(Stdio::null())
        .env_remove("NO_COLOR")
        .env("TERM", "xterm-256color");
    if let Some(value) = no_color {
        command.env("NO_COLOR", value);
    }
    let output = command.output().expect("script runs");
    Run {
        text: String::from_utf8(output.stdout)
            .expect("UTF-8")
            .replace("\r\n", "\n"),
        code: output.status.code(),
    }
}

/// The same command piped, as the other tests run it.
fn piped(dir: &Path, args: &[&str]) -> (String, String) {
    let output = crate::common::run_in(dir, args);
    (
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn strip_styles(text: &str) -> String {
    regex::Regex::new("\u{1b}\\[[0-9;]*m")
        .unwrap()
        .replace_all(text, "")
        .into_owned()
}

const RED: &str = "\u{1b}[1;31m";
const YELLOW: &str = "\u{1b}[1;33m";
const CYAN: &str = "\u{1b}[1;36m";
const BLUE: &str = "\u{1b}[1;34m";
const RESET: &str = "\u{1b}[0m";

#[test]
fn lint_is_coloured_on_a_terminal_and_plain_under_no_color() {
    if !has_script() {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let args = ["lint", "stories"];
    let (plain, _) = piped(root, &args);
    assert!(!plain.contains('\u{1b}'));

    let coloured = on_terminal(root, &args, None);
    assert_eq!(coloured.code, Some(1));
    // Each severity in its colour, the gutter blue, and nothing else changed: without its
    // styles the text is what a pipe gets.
    assert!(
        coloured
            .text
            .contains(&format!("{YELLOW}warning[SC001]{RESET}")),
        "{}",
        coloured.text
    );
    assert!(coloured.text.contains(&format!("{CYAN}info[SC011]{RESET}")));
    assert!(coloured
        .text
        .contains(&format!(" {BLUE}-->{RESET} stories/")));
    assert!(coloured.text.contains(&format!(
        "{YELLOW}found 0 errors, 15 warnings, 1 info{RESET}"
    )));
    assert_eq!(strip_styles(&coloured.text), plain);

    // NO_COLOR set to anything non-empty: not one escape, the same text.
    for value in ["1", "true"] {
        let run = on_terminal(root, &args, Some(value));
        assert_eq!(run.code, Some(1));
        assert!(!run.text.contains('\u{1b}'), "NO_COLOR={value}");
        assert_eq!(run.text, plain, "NO_COLOR={value}");
    }
    // An empty NO_COLOR does not turn colour off (no-color.org).
    let run = on_terminal(root, &args, Some(""));
    assert_eq!(run.text, coloured.text);
}

#[test]
fn load_errors_are_coloured_on_a_terminal_and_plain_under_no_color() {
    if !has_script() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let bank = dir.path().join("bank");
    common::copy_bundled_stories(&bank);
    std::fs::write(
        bank.join("broken.ron"),
        "(\n    title: \"Broken\",\n    level: L9,\n)\n",
    )
    .unwrap();
    let (_, plain) = piped(dir.path(), &["check", "bank"]);
    let run = on_terminal(dir.path(), &["check", "bank"], None);
    assert_eq!(run.code, Some(2));
    assert!(
        run.text
            .starts_with(&format!("{RED}error{RESET}: unknown level `L9`\n")),
        "{}",
        run.text
    );
    assert!(
        run.text.contains(&format!("{RED}^^{RESET}")),
        "{}",
        run.text
    );
    assert_eq!(strip_styles(&run.text), plain);
    let run = on_terminal(dir.path(), &["check", "bank"], Some("1"));
    assert_eq!(run.code, Some(2));
    assert_eq!(run.text, plain);
}

#[test]
fn search_matches_are_bold_on_a_terminal_and_starred_under_no_color() {
    if !has_script() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let bank = dir.path().join("bank");
    common::copy_bundled_stories(&bank);
    let args = ["--bank", "bank", "search", "pager", "--limit", "1"];
    let (plain, _) = piped(dir.path(), &args);
    assert!(plain.contains("**"), "{plain}");
    let run = on_terminal(dir.path(), &args, None);
    assert_eq!(run.code, Some(0));
    assert!(run.text.contains("\u{1b}[1;4m"), "{}", run.text);
    assert!(!run.text.contains("**"), "{}", run.text);
    // Under NO_COLOR a terminal gets what a pipe gets: the `**` marks.
    let run = on_terminal(dir.path(), &args, Some("1"));
    assert_eq!(run.text, plain);
}
