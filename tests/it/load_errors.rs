//! Every kind of broken story file gets a message with its file, line and column, and one bad
//! file never stops the others from loading.

use std::path::Path;

use assert_cmd::Command;
use starbank::bank::Bank;
use starbank::error::LoadError;

/// (file name, contents, expected message fragment, line, column, expected help fragment)
const BROKEN: &[(&str, &str, &str, usize, usize, &str)] = &[
    (
        "missing-comma.ron",
        "(\n    title: \"T\",\n    level: L6\n    situation: \"s\",\n    task: \"t\", action: \"a\", result: \"r\",\n)\n",
        "expected a comma",
        4,
        5,
        "separate fields",
    ),
    (
        "unclosed-string.ron",
        "(\n    title: \"T\",\n    level: L6,\n    situation: \"s, task: \"t\", action: \"a\", result: \"r\",\n)\n",
        "expected a comma",
        4,
        27,
        "unclosed",
    ),
    (
        "unknown-field.ron",
        "(\n    title: \"T\",\n    level: L6,\n    situation: \"s\", task: \"t\", action: \"a\",\n    resutl: \"r\",\n)\n",
        "unknown field `resutl`",
        5,
        5,
        "did you mean `result`?",
    ),
    (
        "unknown-level.ron",
        "(\n    title: \"T\",\n    level: L9,\n    situation: \"s\", task: \"t\", action: \"a\", result: \"r\",\n)\n",
        "unknown level `L9`",
        3,
        12,
        "use `L6`",
    ),
    (
        "year-as-string.ron",
        "(\n    title: \"T\",\n    level: L6,\n    year: \"2024\",\n    situation: \"s\", task: \"t\", action: \"a\", result: \"r\",\n)\n",
        "`year` must be a whole number",
        4,
        11,
        "without quotes",
    ),
    (
        "title-as-number.ron",
        "(\n    title: 42,\n    level: L6,\n    situation: \"s\", task: \"t\", action: \"a\", result: \"r\",\n)\n",
        "`title` must be a string",
        2,
        12,
        "write text as",
    ),
    (
        "tags-as-string.ron",
        "(\n    title: \"T\", level: L6,\n    tags: \"ops\",\n    situation: \"s\", task: \"t\", action: \"a\", result: \"r\",\n)\n",
        "`tags` must be a list",
        3,
        11,
        "close the list",
    ),
    (
        "missing-title.ron",
        "(\n    level: L6,\n    situation: \"s\", task: \"t\", action: \"a\", result: \"r\",\n)\n",
        "missing required field `title`",
        4,
        1,
        "add `title",
    ),
    (
        "bad-escape.ron",
        "(\n    title: \"T\",\n    level: L6,\n    situation: \"a \\q b\", task: \"t\", action: \"a\", result: \"r\",\n)\n",
        "invalid escape",
        4,
        17,
        "raw string",
    ),
    (
        "trailing-text.ron",
        "(\n    title: \"T\", level: L6, situation: \"s\", task: \"t\", action: \"a\", result: \"r\",\n)\nextra\n",
        "unexpected text after",
        4,
        1,
        "remove the extra text",
    ),
    (
        "duplicate-field.ron",
        "(\n    title: \"T\", level: L6, situation: \"s\", task: \"t\", action: \"a\", result: \"r\",\n    title: \"again\",\n)\n",
        "field `title` is given twice",
        3,
        5,
        "keep one",
    ),
    (
        "ends-early.ron",
        "(\n    title: \"T\", level: L6,\n",
        "ends too early",
        3,
        1,
        "close every string",
    ),
];

fn load_one(dir: &Path, name: &str, contents: &[u8]) -> LoadError {
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    let bank = Bank::load(dir).unwrap();
    let mut errors: Vec<_> = bank
        .errors
        .iter()
        .chain(bank.completeness_errors().iter())
        .filter(|e| e.path == path)
        .cloned()
        .collect();
    assert_eq!(errors.len(), 1, "{name}: {errors:#?}");
    std::fs::remove_file(&path).unwrap();
    errors.remove(0)
}

#[test]
fn each_broken_file_is_located_and_explained() {
    let dir = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    for &(name, contents, message, line, column, help) in BROKEN {
        let err = load_one(dir.path(), name, contents.as_bytes());
        let got = (err.start().line, err.start().column);
        if !err.message.contains(message)
            || got != (line, column)
            || !err.help.as_deref().unwrap_or("").contains(help)
        {
            failures.push(format!(
                "{name}: want {line}:{column} `{message}` / `{help}`, got {}:{} `{}` / {:?}",
                err.start().line,
                err.start().column,
                err.message,
                err.help
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn empty_and_missing_sections_are_errors_at_their_place() {
    let dir = tempfile::tempdir().unwrap();
    let err = load_one(
        dir.path(),
        "empty.ron",
        b"(\n    title: \"T\", level: L6, situation: \"s\", task: \"t\",\n    action: \"  \",\n    result: \"r\",\n)\n",
    );
    assert_eq!(
        (err.message.as_str(), err.start().line, err.start().column),
        ("section `action` is empty", 3, 13)
    );
    let err = load_one(
        dir.path(),
        "missing.ron",
        b"(\n    title: \"T\", level: L6, situation: \"s\", task: \"t\", action: \"a\",\n)\n",
    );
    assert_eq!(
        (err.message.as_str(), err.start().line, err.start().column),
        ("missing section `result`", 3, 1)
    );
}

#[test]
fn non_utf8_points_at_the_bad_byte() {
    let dir = tempfile::tempdir().unwrap();
    let err = load_one(dir.path(), "latin1.ron", b"(\n    title: \"caf\xe9\",\n)\n");
    assert!(err.message.contains("not UTF-8"), "{}", err.message);
    assert_eq!((err.start().line, err.start().column), (2, 16));
    assert!(err.help.unwrap().contains("UTF-8"));
}

#[test]
fn oversized_and_unreadable_files_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let big = format!("(title: \"{}\")", "x".repeat(1024 * 1024 + 10));
    let err = load_one(dir.path(), "huge.ron", big.as_bytes());
    assert!(err.message.contains("at most 1 MiB"), "{}", err.message);
    assert_eq!((err.start().line, err.start().column), (1, 1));

    #[cfg(unix)]
    {
        let link = dir.path().join("dangling.ron");
        std::os::unix::fs::symlink(dir.path().join("nowhere.ron"), &link).unwrap();
        let bank = Bank::load(dir.path()).unwrap();
        let err = bank.errors.iter().find(|e| e.path == link).unwrap();
        assert!(
            err.message.starts_with("broken symbolic link: `"),
            "{}",
            err.message
        );
        assert_eq!((err.start().line, err.start().column), (1, 1));
    }
}

#[test]
fn one_bad_file_does_not_stop_the_others() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good.ron"),
        "(title: \"Good\", level: L6, situation: \"s\", task: \"t\", action: \"a\", result: \"r\")",
    )
    .unwrap();
    std::fs::write(dir.path().join("bad.ron"), "(title: \"Bad\", level: L9)").unwrap();
    let bank = Bank::load(dir.path()).unwrap();
    assert_eq!(bank.stories.len(), 1);
    assert_eq!(bank.errors.len(), 1);
}

#[test]
fn check_command_prints_frames_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("typo.ron"),
        "(\n    title: \"T\",\n    level: L6,\n    situation: \"s\", task: \"t\", action: \"a\",\n    resutl: \"r\",\n)\n",
    )
    .unwrap();
    let output = Command::cargo_bin("starbank")
        .unwrap()
        .arg("check")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("error: unknown field `resutl`"), "{stderr}");
    assert!(stderr.contains("typo.ron:5:5"), "{stderr}");
    assert!(stderr.contains("5 |     resutl: \"r\","), "{stderr}");
    assert!(stderr.contains("  |     ^^^^^^"), "{stderr}");
    assert!(stderr.contains("help: did you mean `result`?"), "{stderr}");
}

#[test]
fn check_passes_on_the_bundled_bank() {
    Command::cargo_bin("starbank")
        .unwrap()
        .args(["check", "stories"])
        .assert()
        .success()
        .stdout(predicates::str::contains("load cleanly"));
}

/// The text of a bundled story, to copy into a test bank.
fn payments_story() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("stories/payments-oncall-turnaround.ron"),
    )
    .unwrap()
}

/// Editors on Windows write a UTF-8 byte-order mark: the story loads, its phrases are located
/// where an editor shows them, and an error after the mark is placed as without it.
#[test]
fn a_story_with_a_byte_order_mark_loads_and_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let original = payments_story();
    std::fs::write(dir.path().join("bom.ron"), format!("\u{feff}{original}")).unwrap();
    let bank = Bank::load(dir.path()).unwrap();
    assert!(bank.errors.is_empty(), "{:?}", bank.errors);
    let story = &bank.stories[0];
    let prompts = starbank::prompts::Prompts::builtin();
    let scope = starbank::scope::analyse(story, &prompts.rubric);
    let team = scope
        .figures
        .iter()
        .find(|f| f.text == "a team of 14 engineers")
        .expect("the team size is read");
    let at = story.position(team.span.start);
    let line = original.lines().nth(at.line - 1).unwrap();
    let column_text: String = line.chars().skip(at.column - 1).collect();
    assert!(column_text.starts_with("a team of 14 engineers"), "{line}");

    std::fs::write(
        dir.path().join("bom.ron"),
        "\u{feff}(\n    title: \"x\",\n    levle: L6,\n)\n",
    )
    .unwrap();
    let bank = Bank::load(dir.path()).unwrap();
    let error = &bank.errors[0];
    assert_eq!(
        (error.start().line, error.start().column),
        (3, 5),
        "{error:?}"
    );
}

/// Two files with the same stem in different sub-folders are two stories with two ids.
#[test]
fn the_same_stem_in_two_sub_folders_gives_two_ids() {
    let dir = tempfile::tempdir().unwrap();
    let story = payments_story();
    for folder in ["team", "org"] {
        std::fs::create_dir(dir.path().join(folder)).unwrap();
        std::fs::write(dir.path().join(folder).join("retro.ron"), &story).unwrap();
    }
    std::fs::write(dir.path().join("alone.ron"), &story).unwrap();
    let bank = Bank::load(dir.path()).unwrap();
    let mut ids: Vec<&str> = bank.stories.iter().map(|s| s.id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(ids, ["alone", "org/retro", "team/retro"]);
    assert!(bank
        .story("team/retro")
        .unwrap()
        .path
        .ends_with("team/retro.ron"));
}

/// Saving a section of a story that starts with a byte-order mark keeps the mark and every
/// byte outside the section's literal.
#[test]
fn saving_a_story_with_a_byte_order_mark_keeps_the_mark() {
    use starbank::story::Section;
    use starbank::tui::save::save_section;
    let dir = tempfile::tempdir().unwrap();
    let original = payments_story();
    let path = dir.path().join("bom.ron");
    let with_mark = format!("\u{feff}{original}");
    std::fs::write(&path, &with_mark).unwrap();
    let story = Bank::load(dir.path()).unwrap().stories.remove(0);
    save_section(&story, Section::Task, "A new task, said plainly.").unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.starts_with('\u{feff}'), "the mark is kept");
    let literal = story.section_literal(Section::Task).unwrap();
    let span = literal.span.clone();
    assert_eq!(&saved[..span.start], &with_mark[..span.start]);
    let tail = with_mark.len() - span.end;
    assert_eq!(&saved[saved.len() - tail..], &with_mark[span.end..]);
    let reloaded = Bank::load(dir.path()).unwrap().stories.remove(0);
    assert_eq!(reloaded.section(Section::Task), "A new task, said plainly.");
}
