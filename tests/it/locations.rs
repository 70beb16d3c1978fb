//! A phrase found in a section's decoded text maps back to its exact line and column in the
//! file, through escapes, multi-line strings and raw strings.

use std::path::Path;

use starbank::story::{Section, Story};

/// Asserts that `phrase` (in the decoded section) locates at `line:column` and that the file
/// bytes there are `in_file`.
fn assert_located(
    src: &str,
    section: Section,
    phrase: &str,
    line: usize,
    column: usize,
    in_file: &str,
) {
    let story = Story::parse(Path::new("s.ron"), src.to_string()).unwrap();
    let text = story.section(section);
    let at = text
        .find(phrase)
        .unwrap_or_else(|| panic!("{phrase:?} not in {text:?}"));
    let span = story.locate(section, at..at + phrase.len());
    let start = story.position(span.start);
    assert_eq!((start.line, start.column), (line, column), "{phrase}");
    assert_eq!(&src[span], in_file);
}

const HEAD: &str = "(\n    title: \"T\",\n    level: L6,\n";

#[test]
fn plain_string() {
    let src = format!("{HEAD}    situation: \"I led a team of 14 engineers.\",\n    task: \"t\", action: \"a\", result: \"r\",\n)\n");
    assert_located(
        &src,
        Section::Situation,
        "a team of 14 engineers",
        4,
        23,
        "a team of 14 engineers",
    );
}

#[test]
fn after_escaped_quotes_and_unicode() {
    let src = format!(
        "{HEAD}    situation: \"s\", task: \"t\",\n    action: \"I said \\\"no\\\" to the caf\\u{{e9}} plan; a team of 14 engineers followed.\",\n    result: \"r\",\n)\n"
    );
    assert_located(
        &src,
        Section::Action,
        "a team of 14 engineers",
        5,
        51,
        "a team of 14 engineers",
    );
    assert_located(&src, Section::Action, "\"no\"", 5, 21, "\\\"no\\\"");
    assert_located(&src, Section::Action, "café", 5, 35, "caf\\u{e9}");
}

#[test]
fn across_newline_escapes_and_literal_newlines() {
    let src = format!(
        "{HEAD}    situation: \"s\", task: \"t\", action: \"a\",\n    result: \"First line.\\nSecond line\nthird line saved $3M a year.\",\n)\n"
    );
    assert_located(&src, Section::Result, "$3M a year", 6, 18, "$3M a year");
    assert_located(&src, Section::Result, "Second line", 5, 27, "Second line");
}

#[test]
fn inside_raw_strings() {
    let src = format!(
        "{HEAD}    situation: r#\"He said \"ship it\"\n    over nine months.\"#,\n    task: \"t\", action: \"a\", result: \"r\",\n)\n"
    );
    assert_located(
        &src,
        Section::Situation,
        "over nine months",
        5,
        5,
        "over nine months",
    );
    assert_located(
        &src,
        Section::Situation,
        "\"ship it\"",
        4,
        27,
        "\"ship it\"",
    );
}

#[test]
fn line_continuations() {
    let src = format!(
        "{HEAD}    situation: \"s\", task: \"t\", result: \"r\",\n    action: \"I grew the team \\\n             from 8 to 20 engineers.\",\n)\n"
    );
    assert_located(&src, Section::Action, "from 8 to 20", 6, 14, "from 8 to 20");
}

#[test]
fn bundled_stories_locate_every_word() {
    // Every word of every section of the bundled bank maps back to the same word in the file.
    let bank = starbank::bank::Bank::load(Path::new("stories")).unwrap();
    assert!(bank.stories.len() >= 10);
    for story in &bank.stories {
        for (section, text) in story.sections() {
            for (at, word) in text.match_indices(|c: char| c.is_alphanumeric()) {
                let span = story.locate(section, at..at + word.len());
                assert_eq!(&story.source[span], word, "{} {section}", story.id);
            }
        }
    }
}
