//! Output safety (issue 15, item 4), as properties over arbitrary text rather than a list:
//! whatever a story's fields, its file name and its bank folder's name hold, no text output
//! (human, with and without colour; short; GitHub annotations) and no workbench screen carries
//! a terminal control (ESC, CSI 0x9b, any other C0 or C1 control but `\n`, a bidi override or
//! isolate) to the terminal; JSON and SARIF parse back, and the story text they echo comes
//! back exactly. The lint runs the library's real path (load, config errors, lint with the
//! bank rules, `report::render`), the workbench its real `ui::draw` into a `TestBackend` and
//! through crossterm's backend into bytes.

use crate::common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use serde_json::Value;

use starbank::bank::Bank;
use starbank::config::Severity;
use starbank::lint::{config_errors, Linter, Report};
use starbank::prompts::Prompts;
use starbank::report::{self, Format, HumanOptions};
use starbank::snippet::is_unsafe_for_terminal;
use starbank::source::encode_plain;
use starbank::story::{Section, Story};
use starbank::tui::app::App;
use starbank::tui::theme::Theme;
use starbank::tui::{keys, ui};

/// Characters that have hurt terminals, CI logs and parsers, and the ones a workflow command
/// or a URI must escape.
const HOSTILE: &[char] = &[
    '\u{1b}', '\u{9b}', '\u{9d}', '\u{90}', '\u{9c}', '\u{85}', '\u{7f}', '\u{7}', '\u{8}',
    '\u{0}', '\r', '\n', '\t', '\u{b}', '\u{c}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}',
    '\u{202e}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{200e}', '\u{200f}', '\u{61c}',
    '\u{feff}', '\u{2028}', '\u{2029}', '\u{200b}', '\u{fffd}', '"', '\\', '%', ':', ',', '#', '?',
    '[', ']', '{', '}', '(', ')', '/', ' ', '`', '*',
];

/// Whole sequences: screen clears, window titles, hyperlinks, 8-bit CSI, and phrases the
/// rules echo or underline (figures, "we"), so findings carry the text around them.
const PHRASES: &[&str] = &[
    "\u{1b}[2J",
    "\u{1b}]0;pwned\u{7}",
    "\u{1b}]8;;http://example.invalid\u{1b}\\link\u{1b}]8;;\u{1b}\\",
    "\u{9b}31m",
    "\u{1b}P+q\u{1b}\\",
    "\u{202e}txet\u{202c}",
    "\r\n",
    "::error file=x::",
    "%0A",
    " a team of 14 engineers ",
    " an org of 400 engineers ",
    " over 18 months ",
    " $3M a year ",
    " we ",
    " I ",
];

fn hostile_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => proptest::sample::select(HOSTILE),
        2 => (0u32..0x20).prop_map(|c| char::from_u32(c).unwrap()),
        2 => (0x7fu32..0xa0).prop_map(|c| char::from_u32(c).unwrap()),
        4 => proptest::char::range(' ', '~'),
        3 => any::<char>(),
    ]
}

/// Arbitrary text, weighted toward what breaks output.
fn hostile_text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            4 => hostile_char().prop_map(String::from),
            1 => proptest::sample::select(PHRASES).prop_map(String::from),
        ],
        0..max,
    )
    .prop_map(|pieces| pieces.concat())
}

/// How a story file writes its strings.
#[derive(Debug, Clone, Copy)]
enum Encoding {
    /// `"..."` with every control character as an escape (what the workbench saves).
    Escaped,
    /// `"..."` with newlines written as they are.
    MultiLine,
    /// `"..."` with control characters written raw in the file: only `"` and `\` escaped.
    RawControls,
}

impl Encoding {
    fn encode(self, text: &str) -> String {
        match self {
            Encoding::Escaped => encode_plain(text, false),
            Encoding::MultiLine => encode_plain(text, true),
            Encoding::RawControls => {
                format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
            }
        }
    }
}

#[derive(Debug, Clone)]
struct Fields {
    title: String,
    sections: [String; 4],
    short: Option<String>,
    principles: Vec<String>,
    tags: Vec<String>,
    questions: Vec<String>,
    follow_ups: Vec<String>,
    allow: Vec<String>,
}

#[derive(Debug, Clone)]
struct Case {
    fields: Fields,
    encoding: Encoding,
    /// The story's file stem, and the bank folder's name.
    stem: String,
    folder: String,
    /// A file that does not load, its bad line made of hostile text.
    broken: String,
}

fn fields() -> impl Strategy<Value = Fields> {
    let list = || proptest::collection::vec(hostile_text(12), 0..3);
    (
        hostile_text(16),
        [
            hostile_text(40),
            hostile_text(40),
            hostile_text(60),
            hostile_text(40),
        ],
        proptest::option::of(hostile_text(20)),
        (list(), list(), list(), list(), list()),
    )
        .prop_map(
            |(title, sections, short, (principles, tags, questions, follow_ups, allow))| Fields {
                title,
                sections,
                short,
                principles,
                tags,
                questions,
                follow_ups,
                allow,
            },
        )
}

/// A file or folder name made of hostile text: no `/` or NUL (no file system allows them),
/// not hidden, at most 100 bytes.
fn file_name() -> impl Strategy<Value = String> {
    hostile_text(10).prop_map(|text| {
        let mut name = String::from("s");
        for c in text.chars().filter(|&c| c != '/' && c != '\0') {
            if name.len() + c.len_utf8() > 100 {
                break;
            }
            name.push(c);
        }
        name
    })
}

fn case() -> impl Strategy<Value = Case> {
    (
        fields(),
        prop_oneof![
            Just(Encoding::Escaped),
            Just(Encoding::MultiLine),
            Just(Encoding::RawControls)
        ],
        file_name(),
        file_name(),
        hostile_text(20),
    )
        .prop_map(|(fields, encoding, stem, folder, broken)| Case {
            fields,
            encoding,
            stem,
            folder,
            broken,
        })
}

fn story_text(fields: &Fields, encoding: Encoding) -> String {
    let e = |text: &str| encoding.encode(text);
    let list = |items: &[String]| {
        let items: Vec<String> = items.iter().map(|item| e(item)).collect();
        format!("[{}]", items.join(", "))
    };
    let mut text = format!("(\n    title: {},\n    level: L6,\n", e(&fields.title));
    for (name, items) in [
        ("principles", &fields.principles),
        ("tags", &fields.tags),
        ("questions", &fields.questions),
        ("follow_ups", &fields.follow_ups),
        ("allow", &fields.allow),
    ] {
        text.push_str(&format!("    {name}: {},\n", list(items)));
    }
    for (section, body) in Section::ALL.iter().zip(&fields.sections) {
        text.push_str(&format!("    {section}: {},\n", e(body)));
    }
    if let Some(short) = &fields.short {
        text.push_str(&format!("    short: {},\n", e(short)));
    }
    text.push_str(")\n");
    text
}

/// Writes the case's bank: the story, a second story with the same title (so BK002 quotes
/// it), and a file that does not load. Returns the bank folder and the story's path.
fn write_bank(dir: &Path, case: &Case) -> (PathBuf, PathBuf) {
    let root = dir.join(&case.folder);
    std::fs::create_dir_all(&root).unwrap();
    let story = root.join(format!("{}.ron", case.stem));
    std::fs::write(&story, story_text(&case.fields, case.encoding)).unwrap();
    let twin = Fields {
        sections: [
            "I was asked to fix it.".into(),
            "Fix the pager.".into(),
            "I rewrote the alerts.".into(),
            "Pages fell by 80%.".into(),
        ],
        short: None,
        principles: Vec::new(),
        tags: Vec::new(),
        questions: Vec::new(),
        follow_ups: Vec::new(),
        allow: Vec::new(),
        ..case.fields.clone()
    };
    std::fs::write(
        root.join("zz-twin.ron"),
        story_text(&twin, Encoding::Escaped),
    )
    .unwrap();
    std::fs::write(
        root.join("zz-broken.ron"),
        format!(
            "(\n    title: \"Broken\",\n    level: L6,\n    situation: {} 42,\n)\n",
            case.broken
        ),
    )
    .unwrap();
    (root, story)
}

/// What `starbank lint` does with a bank, in process.
fn lint(root: &Path, prompts: &Prompts) -> (Bank, Report) {
    let mut bank = Bank::load(root).unwrap();
    bank.errors.extend(config_errors(&bank, &prompts.rubric));
    let linter = Linter::new(prompts, &bank.config);
    let report = linter.lint_stories(&bank.root, &bank.stories, bank.errors.clone(), true);
    (bank, report)
}

/// The control characters in `text` other than `\n`.
fn unsafe_chars(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| c != '\n' && is_unsafe_for_terminal(c))
        .collect()
}

/// The SGR sequences starbank itself writes in colour: the only escapes allowed.
fn strip_own_styles(text: &str) -> String {
    let styles = regex::Regex::new("\u{1b}\\[[0-9;]*m").unwrap();
    styles.replace_all(text, "").into_owned()
}

/// Undoes the runner's escaping of an annotation's message or property.
fn unescape_annotation(text: &str) -> String {
    text.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
}

fn story_loads_exactly(story: &Story, fields: &Fields) -> Result<(), TestCaseError> {
    prop_assert_eq!(&story.title, &fields.title);
    for (section, body) in Section::ALL.iter().zip(&fields.sections) {
        prop_assert_eq!(story.section(*section), body.as_str());
    }
    prop_assert_eq!(&story.short, &fields.short);
    prop_assert_eq!(&story.principles, &fields.principles);
    prop_assert_eq!(&story.tags, &fields.tags);
    prop_assert_eq!(&story.questions, &fields.questions);
    prop_assert_eq!(&story.follow_ups, &fields.follow_ups);
    prop_assert_eq!(&story.allow, &fields.allow);
    Ok(())
}

/// Every message of a JSON lint report: its stories', the bank's and the load errors'.
fn json_messages(value: &Value) -> Vec<String> {
    let mut messages = Vec::new();
    for story in value["stories"].as_array().unwrap() {
        for diagnostic in story["diagnostics"].as_array().unwrap() {
            messages.push(diagnostic["message"].as_str().unwrap().to_string());
        }
    }
    for diagnostic in value["bank"]["diagnostics"].as_array().unwrap() {
        messages.push(diagnostic["message"].as_str().unwrap().to_string());
    }
    for error in value["errors"].as_array().unwrap() {
        messages.push(error["message"].as_str().unwrap().to_string());
    }
    messages.sort();
    messages
}

fn check_lint_outputs(case: &Case, prompts: &Prompts) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let (root, story_path) = write_bank(dir.path(), case);
    let (bank, report) = lint(&root, prompts);
    let story = bank.stories.iter().find(|s| s.path == story_path);
    if !matches!(case.encoding, Encoding::RawControls) {
        // Every string the workbench can save loads back as it was.
        let story = story.ok_or_else(|| {
            TestCaseError::fail(format!("the story did not load: {:#?}", bank.errors))
        })?;
        story_loads_exactly(story, &case.fields)?;
    }
    prop_assert!(
        bank.errors
            .iter()
            .any(|error| error.path.ends_with("zz-broken.ron")),
        "the broken file is reported"
    );
    let diagnostics = report.all().count();
    let plain = HumanOptions {
        colour: false,
        fail_on: Severity::Warning,
    };
    let coloured = HumanOptions {
        colour: true,
        ..plain
    };
    let render = |format, options| report::render(format, &report, &bank.stories, options);

    // (a) No text format carries a control character; colour adds only starbank's styles.
    for (name, text) in [
        ("human", render(Format::Human, plain)),
        ("short", render(Format::Short, plain)),
        ("github", render(Format::Github, plain)),
        (
            "human in colour",
            strip_own_styles(&render(Format::Human, coloured)),
        ),
    ] {
        let bad = unsafe_chars(&text);
        prop_assert!(
            bad.is_empty(),
            "{} output carries {:?}:\n{}",
            name,
            bad,
            text
        );
    }
    // One line per diagnostic: no text breaks a quickfix line or an annotation in two.
    let short = render(Format::Short, plain);
    prop_assert_eq!(short.lines().count(), diagnostics, "{}", short);
    let github = render(Format::Github, plain);
    prop_assert_eq!(github.lines().count(), diagnostics, "{}", github);
    for line in github.lines() {
        let (command, rest) = line
            .strip_prefix("::")
            .and_then(|line| line.split_once(' '))
            .ok_or_else(|| TestCaseError::fail(format!("not a workflow command: {line}")))?;
        prop_assert!(
            ["error", "warning", "notice"].contains(&command),
            "{}",
            line
        );
        // Properties never hold `:` or `,` raw, so the first `::` ends them.
        let (properties, _message) = rest
            .split_once("::")
            .ok_or_else(|| TestCaseError::fail(format!("no `::` before the message: {line}")))?;
        let mut keys = Vec::new();
        for property in properties.split(',') {
            let (key, value) = property
                .split_once('=')
                .ok_or_else(|| TestCaseError::fail(format!("`{property}` in {line}")))?;
            keys.push(key);
            if key == "file" {
                let file = unescape_annotation(value);
                prop_assert!(
                    file.starts_with(&starbank::snippet::sanitize(
                        &dir.path().display().to_string()
                    )),
                    "{}",
                    line
                );
            }
        }
        prop_assert_eq!(keys.first(), Some(&"file"), "{}", line);
        prop_assert_eq!(keys.last(), Some(&"title"), "{}", line);
    }

    // (b) JSON and SARIF parse back, and the text they echo is the story's, exactly.
    let json: Value = serde_json::from_str(&render(Format::Json, plain))
        .map_err(|err| TestCaseError::fail(format!("JSON does not parse: {err}")))?;
    let sarif: Value = serde_json::from_str(&render(Format::Sarif, plain))
        .map_err(|err| TestCaseError::fail(format!("SARIF does not parse: {err}")))?;
    let messages = json_messages(&json);
    prop_assert_eq!(messages.len(), diagnostics);
    let mut sarif_messages: Vec<String> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|result| result["message"]["text"].as_str().unwrap().to_string())
        .collect();
    sarif_messages.sort();
    prop_assert_eq!(&sarif_messages, &messages);
    if let Some(story) = story {
        let out = json["stories"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["path"].as_str() == Some(&*story.path.to_string_lossy()))
            .ok_or_else(|| TestCaseError::fail("the story is not in the JSON"))?;
        prop_assert_eq!(out["id"].as_str(), Some(story.id.as_str()));
        prop_assert_eq!(story.id.as_str(), case.stem.as_str());
        // A figure's text is a phrase of the section it names.
        for figure in out["figures"]
            .as_array()
            .unwrap()
            .iter()
            .chain(out["other_figures"].as_array().unwrap())
        {
            let section = Section::ALL
                .into_iter()
                .find(|s| figure["section"] == s.as_str())
                .unwrap();
            let text = figure["text"].as_str().unwrap();
            prop_assert!(
                story.section(section).contains(text),
                "{:?} is not in the {}",
                text,
                section
            );
        }
        // The rules that quote a field quote it whole.
        let codes_and_messages: Vec<(String, String)> = out["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    d["code"].as_str().unwrap().to_string(),
                    d["message"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        let quoted: BTreeSet<String> = story
            .questions
            .iter()
            .filter(|id| prompts.question(id).is_none())
            .map(|id| format!("unknown question `{id}`"))
            .collect();
        let st007: BTreeSet<String> = codes_and_messages
            .iter()
            .filter(|(code, _)| code == "ST007")
            .map(|(_, message)| message.clone())
            .collect();
        let allowed = |code: &str| story.allow.iter().any(|a| a.eq_ignore_ascii_case(code));
        if !allowed("ST007") && !allowed("unknown-question") {
            prop_assert_eq!(st007, quoted);
        }
        for (code, message) in &codes_and_messages {
            let echoes = match code.as_str() {
                "ST008" => story
                    .principles
                    .iter()
                    .any(|p| *message == format!("\"{p}\" is not a Leadership Principle")),
                "ST009" => story
                    .allow
                    .iter()
                    .any(|a| *message == format!("`{a}` is not a lint rule")),
                _ => true,
            };
            prop_assert!(echoes, "{} does not quote the story: {:?}", code, message);
        }
        // The twin with the story's title is told so (a bank finding), the title quoted whole.
        let bk002: Vec<&str> = json["bank"]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"] == "BK002")
            .map(|d| d["message"].as_str().unwrap())
            .collect();
        let expected = format!(
            "title \"{}\" is also the title of {}",
            story.title,
            story.path.display()
        );
        if story.title.split_whitespace().next().is_some() {
            prop_assert_eq!(bk002, vec![expected.as_str()]);
        } else {
            prop_assert!(bk002.is_empty());
        }
        // SARIF names the story's file by a URI that decodes to its path.
        let uris: Vec<String> = sarif["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        if !out["diagnostics"].as_array().unwrap().is_empty() {
            prop_assert!(
                uris.iter()
                    .any(|uri| common::sarif::percent_decode(uri).as_deref()
                        == Some(&*story.path.to_string_lossy())),
                "no SARIF URI decodes to {:?}: {:?}",
                story.path,
                uris
            );
        }
    }
    // Valid against the SARIF 2.1.0 schema, and as GitHub code scanning needs it (a line
    // for every result).
    if let Some(problems) = common::sarif::problems(&sarif) {
        return Err(TestCaseError::fail(format!("SARIF: {problems}")));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 128,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn no_story_text_escapes_any_lint_output(case in case()) {
        let prompts = Prompts::builtin();
        check_lint_outputs(&case, &prompts)?;
    }
}

fn press(app: &mut App, code: KeyCode) {
    let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    if let Some(action) = keys::action_for(app, &event) {
        app.apply(action);
    }
}

/// The cells of one frame of the workbench, and the bytes crossterm writes for it.
fn draw(app: &mut App, width: u16, height: u16) -> (Vec<String>, Vec<u8>) {
    app.area = Rect::new(0, 0, width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| ui::draw(frame, app)).unwrap();
    let cells = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|cell| cell.symbol().to_string())
        .collect();
    let mut bytes = Vec::new();
    {
        let mut terminal = Terminal::with_options(
            CrosstermBackend::new(&mut bytes),
            TerminalOptions {
                viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
            },
        )
        .unwrap();
        terminal.draw(|frame| ui::draw(frame, app)).unwrap();
    }
    (cells, bytes)
}

/// The bytes a backend wrote, less its own control sequences (CSI with numeric parameters):
/// what is left is text, and must hold no control character but `\r` and `\n`.
fn text_of_stream(bytes: &[u8]) -> Result<String, String> {
    let text = String::from_utf8(bytes.to_vec()).map_err(|err| err.to_string())?;
    let own = regex::Regex::new("\u{1b}\\[[0-9;?]*[A-Za-z]").unwrap();
    Ok(own.replace_all(&text, "").into_owned())
}

fn check_screens(case: &Case, prompts: &Prompts) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let (root, story_path) = write_bank(dir.path(), case);
    let bank = Bank::load(&root).unwrap();
    let mut app = App::new(bank, prompts.clone(), Theme { colour: true });
    app.area = Rect::new(0, 0, 120, 40);
    app.settle();
    let mut frames = Vec::new();
    let mut shoot = |app: &mut App, what: &str| {
        for (width, height) in [(120, 40), (60, 20)] {
            frames.push((what.to_string(), draw(app, width, height)));
        }
    };
    if let Some(row) = app
        .visible_stories()
        .iter()
        .position(|&i| app.stories[i].path == story_path)
    {
        app.stories_view.selected = row;
    }
    shoot(&mut app, "stories");
    press(&mut app, KeyCode::Enter); // the sections
    shoot(&mut app, "sections");
    press(&mut app, KeyCode::Tab); // the findings
    shoot(&mut app, "findings");
    press(&mut app, KeyCode::BackTab);
    for section in Section::ALL {
        while app.stories_view.section != section {
            press(&mut app, KeyCode::Down);
        }
        press(&mut app, KeyCode::Enter); // the editor
        if app.edit.is_some() {
            shoot(&mut app, &format!("editing the {section}"));
            press(&mut app, KeyCode::Esc);
        }
    }
    for (key, what) in [
        ('2', "questions"),
        ('3', "coverage"),
        ('4', "loop"),
        ('?', "help"),
    ] {
        press(&mut app, KeyCode::Char(key));
        app.settle();
        shoot(&mut app, what);
    }
    for (what, (cells, bytes)) in frames {
        for cell in &cells {
            let bad = unsafe_chars(cell);
            prop_assert!(bad.is_empty(), "{}: a cell holds {:?}", what, bad);
        }
        let text = text_of_stream(&bytes).map_err(TestCaseError::fail)?;
        let bad: Vec<char> = text
            .chars()
            .filter(|&c| c != '\r' && c != '\n' && is_unsafe_for_terminal(c))
            .collect();
        prop_assert!(bad.is_empty(), "{}: the terminal is sent {:?}", what, bad);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 48,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn no_story_text_escapes_the_workbench(case in case()) {
        let prompts = Prompts::builtin();
        check_screens(&case, &prompts)?;
    }
}

/// What the properties found, kept as fixed rows: each failed before its fix.
#[test]
fn found_by_the_properties() {
    let empty = Fields {
        title: String::new(),
        sections: Default::default(),
        short: None,
        principles: Vec::new(),
        tags: Vec::new(),
        questions: Vec::new(),
        follow_ups: Vec::new(),
        allow: Vec::new(),
    };
    let row = |stem: &str, folder: &str| Case {
        fields: empty.clone(),
        encoding: Encoding::Escaped,
        stem: stem.into(),
        folder: folder.into(),
        broken: String::new(),
    };
    let prompts = Prompts::builtin();
    for (what, case) in [
        // Human output printed a bank finding's folder (BK001) as it was: a control
        // character in the bank folder's name reached the terminal.
        (
            "a control character in the bank folder's name",
            row("s", "s\u{1}"),
        ),
        // SARIF gave a bank finding (BK001, BK003) no region, which code scanning rejects.
        ("a bank finding in SARIF", row("s", "s")),
        // SARIF wrote file names into `uri` unencoded: not a URI reference.
        (
            "a space, %, # and ? in a file name",
            row("s my%file#1?", "s x"),
        ),
        // Reports turned `\` in a file name into `/` on Unix, naming another file.
        ("a backslash in a file name", row("s\\x", "s")),
    ] {
        if let Err(failure) = check_lint_outputs(&case, &prompts) {
            panic!("{what}: {failure}");
        }
    }
}
