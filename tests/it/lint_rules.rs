//! The lint rules' own checks: every story fixture fires exactly where its `//~^` markers
//! say, with a reviewed rendering beside it; every rule's doc has the fixed headings and an
//! example that fires it; the README's rule table is `RULES`. Then what a story file cannot
//! show: the config's settings, and the rules about a bank as a whole.

use std::path::{Path, PathBuf};

use starbank::config::{Config, Severity};
use starbank::lint::{Linter, Report, StoryReport};
use starbank::prompts::{Prompts, Reading};
use starbank::report::{render, Format, HumanOptions};
use starbank::story::Story;

/// A story written as RON, with sensible defaults that pass every rule at its level.
#[derive(Clone)]
struct Draft {
    id: &'static str,
    title: String,
    level: Option<&'static str>,
    situation: String,
    task: String,
    action: String,
    result: String,
    extra: String,
}

const ACTION_L6: &str = "I mapped every page from the last quarter and found three causes. \
I wrote a one-page plan and agreed it with my Director and the product manager. \
I named a senior engineer to lead each workstream and reviewed progress with them every Monday. \
I rewrote the alarm policy so that any page without a runbook became a ticket. \
I held one-on-ones with every engineer and moved the roadmap to make room for their ideas. \
I gave direct feedback to one engineer who kept missing handoffs and set clear expectations. \
I presented the trade-offs to the product team and negotiated an eight-week pause on features. \
I tracked the plan weekly in a public dashboard so that everyone could see the trend. \
I coached the two leads on running incident reviews without blame. \
I asked the platform team for help with the retry storm and paired my engineers with theirs. \
I wrote the postmortem template the team still uses and I ran the first three reviews myself. \
I checked in with the Director every two weeks and adjusted the plan when the data changed.";

const ACTION_L7: &str =
    "I set a three-year platform strategy and took it to the VP of engineering for funding. \
I reorganised the org into four groups, each led by a senior manager who reported to me. \
I hired two of those senior managers and coached the other two through the change. \
I wrote the operating plan with my managers and agreed the trade-offs with the finance partner. \
I gave up two of my own teams to the payments org because the company strategy needed it there. \
I held a quarterly review with every manager of managers and held them to the same bar. \
I negotiated the migration order with three peer directors whose teams depended on us. \
I presented the plan to the CTO and changed it twice after her questions. \
I built a staff engineering group to own the architecture and gave it a seat in every review. \
I ran skip-level meetings every month so that I heard problems before they were escalated. \
I set the metrics the org reported to the board and I reviewed them with my managers weekly.";

impl Draft {
    fn l6() -> Draft {
        Draft {
            id: "story",
            title: "Turned around the ledger team".into(),
            level: Some("L6"),
            situation: "I took over the payments ledger team, a team of 14 engineers that owned the ledger and the nightly jobs. The team had missed its goals for two quarters.".into(),
            task: "My Director asked me to make the team dependable again without extra headcount.".into(),
            action: ACTION_L6.into(),
            result: "Over nine months availability rose from 99.5% to 99.97% and late fees fell by $3M a year. Pages dropped from 60 a month to 9.".into(),
            extra: String::new(),
        }
    }

    fn l7() -> Draft {
        Draft {
            id: "story",
            title: "Built the commerce platform org".into(),
            level: Some("L7"),
            situation: "I led the commerce platform organization of 120 engineers in four groups. Every product team had built its own checkout and the duplication was slowing the company down.".into(),
            task: "The SVP asked me to consolidate the platforms over a three-year roadmap.".into(),
            action: ACTION_L7.into(),
            result: "Within three years all 11 product teams ran on one platform, saving $40M a year, and the VP made the model the company standard.".into(),
            extra: String::new(),
        }
    }

    fn with(mut self, change: impl FnOnce(&mut Draft)) -> Draft {
        change(&mut self);
        self
    }

    fn ron(&self) -> String {
        let mut text = String::from("(\n");
        text.push_str(&format!("    title: {},\n", quote(&self.title)));
        if let Some(level) = self.level {
            text.push_str(&format!("    level: {level},\n"));
        }
        for (name, value) in [
            ("situation", &self.situation),
            ("task", &self.task),
            ("action", &self.action),
            ("result", &self.result),
        ] {
            text.push_str(&format!("    {name}: {},\n", quote(value)));
        }
        text.push_str(&self.extra);
        text.push_str(")\n");
        text
    }

    fn story(&self) -> Story {
        let path = PathBuf::from(format!("bank/{}.ron", self.id));
        Story::parse(&path, self.ron()).unwrap_or_else(|err| panic!("{}\n{}", err, self.ron()))
    }
}

fn quote(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

fn lint(draft: &Draft) -> StoryReport {
    lint_with(draft, &Config::default())
}

fn lint_with(draft: &Draft, config: &Config) -> StoryReport {
    Linter::new(&Prompts::builtin(), config).lint_story(&draft.story())
}

fn codes(report: &StoryReport) -> Vec<&'static str> {
    report.diagnostics.iter().map(|d| d.code).collect()
}

fn assert_fires(draft: &Draft, code: &str) -> starbank::lint::Diagnostic {
    let report = lint(draft);
    report
        .diagnostics
        .iter()
        .find(|d| d.code == code)
        .cloned()
        .unwrap_or_else(|| panic!("{code} did not fire; got {:?}", codes(&report)))
}

#[test]
fn the_default_drafts_are_clean() {
    for draft in [Draft::l6(), Draft::l7()] {
        let report = lint(&draft);
        assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    }
    assert_eq!(lint(&Draft::l6()).reads_at, Some(Reading::L6));
    assert_eq!(lint(&Draft::l7()).reads_at, Some(Reading::L7));
}

#[test]
fn config_sets_the_action_share() {
    let short =
        Draft::l6().with(|d| d.action = "I fixed the alarms and talked to the team.".into());
    assert!(codes(&lint(&short)).contains(&"ST002"));
    let config = Config {
        action_share: 0.05,
        ..Config::default()
    };
    assert!(!codes(&lint_with(&short, &config)).contains(&"ST002"));
}

#[test]
fn config_sets_the_speaking_rate() {
    let long = Draft::l6().with(|d| d.action = format!("{ACTION_L6} {ACTION_L6} {ACTION_L6}"));
    assert!(codes(&lint(&long)).contains(&"ST006"));
    let slow = Config {
        words_per_minute: 400.0,
        ..Config::default()
    };
    assert!(!codes(&lint_with(&long, &slow)).contains(&"ST006"));
}

#[test]
fn st010_st011_short_version_spoken_length() {
    // About 90 words: 36 seconds at 150 a minute, inside 30-45 seconds.
    let just_right = "I took over a payments team of 14 that had missed two quarters and whose failed \
settlement runs cost $3M a year in late fees. I joined the on-call myself, found that three causes \
made 70% of the pages, and paused features for eight weeks to fix them, with my Director's backing. \
I split the work between two senior engineers and reviewed every page weekly. In nine months \
availability went from 99.5% to 99.97%, late fees fell by $2.6M a year, and regretted attrition \
went to zero.";
    let with_short = |text: &str| {
        let text = text.to_string();
        Draft::l6().with(move |d| d.extra = format!("    short: \"{text}\",\n"))
    };
    assert!(!codes(&lint(&with_short(just_right))).contains(&"ST010"));
    assert!(!codes(&lint(&with_short(just_right))).contains(&"ST011"));
    // No short version, or an empty one (the workbench's template), is no finding.
    assert!(!codes(&lint(&Draft::l6())).contains(&"ST010"));
    assert!(!codes(&lint(&with_short(""))).contains(&"ST010"));

    let too_short = with_short("I fixed the on-call and availability went up to 99.97%.");
    let found = assert_fires(&too_short, "ST010");
    assert!(
        found.message.contains("under 30 seconds"),
        "{}",
        found.message
    );
    let too_long = with_short(&format!("{just_right} {just_right}"));
    let found = assert_fires(&too_long, "ST011");
    assert!(
        found.message.contains("over 45 seconds"),
        "{}",
        found.message
    );
    // The bounds are the bank's.
    let generous = Config {
        short_max_seconds: 120.0,
        ..Config::default()
    };
    assert!(!codes(&lint_with(&too_long, &generous)).contains(&"ST011"));
}

#[test]
fn unknown_names_carry_their_fix_as_data() {
    // ST007 and ST009 say "did you mean" in their help; an editor's quick fix needs the
    // same suggestion as the literal that replaces the entry.
    let linked = Draft::l6().with(|d| {
        d.extra =
            "    questions: [\"l6-underperforming-team\", \"l6-underperformin-team\"],\n".into()
    });
    let found = assert_fires(&linked, "ST007");
    assert_eq!(
        found.help.as_deref(),
        Some("did you mean `l6-underperforming-team`?")
    );
    assert_eq!(
        found.suggestion.as_deref(),
        Some("\"l6-underperforming-team\"")
    );
    let typo = Draft::l6().with(|d| d.extra = "    allow: [\"SC0O1\"],\n".into());
    let found = assert_fires(&typo, "ST009");
    let help = found.help.as_deref().unwrap_or_default();
    let code = found.suggestion.as_deref().unwrap().trim_matches('"');
    assert_eq!(help, format!("did you mean `{code}`?"));
}

#[test]
fn config_disables_and_reweights_rules() {
    let short =
        Draft::l6().with(|d| d.action = "I fixed the alarms and talked to the team.".into());
    let disabled = Config {
        disable: vec!["ST".into()],
        ..Config::default()
    };
    assert!(codes(&lint_with(&short, &disabled))
        .iter()
        .all(|c| !c.starts_with("ST")));
    let only_scope = Config {
        enable: vec!["SC".into()],
        ..Config::default()
    };
    assert!(codes(&lint_with(&short, &only_scope)).is_empty());
    let severe = Config {
        severity: [("short-action".to_string(), Severity::Error)].into(),
        ..Config::default()
    };
    let report = lint_with(&short, &severe);
    let found = report
        .diagnostics
        .iter()
        .find(|d| d.code == "ST002")
        .unwrap();
    assert_eq!(found.severity, Severity::Error);
}

#[test]
fn config_level_applies_to_stories_without_one() {
    let unlevelled = Draft::l7().with(|d| d.level = None);
    let config = Config {
        level: Some(starbank::story::Level::L6),
        ..Config::default()
    };
    let report = lint_with(&unlevelled, &config);
    assert_eq!(report.level, Some(starbank::story::Level::L6));
    assert!(codes(&report).contains(&"SC010"));
}

#[test]
fn config_rubric_override_changes_the_reading() {
    let mid = Draft::l7().with(|d| {
        d.situation = d.situation.replace(
            "organization of 120 engineers",
            "organization of 30 engineers",
        )
    });
    assert_fires(&mid, "SC001");
    let doc_001: Config = starbank::story::ron_options()
        .from_str("(rubric: { team_size: (alternative: \"doc-001\") })")
        .unwrap();
    assert!(!codes(&lint_with(&mid, &doc_001)).contains(&"SC001"));
}

fn lint_bank(drafts: &[Draft]) -> Report {
    let stories: Vec<Story> = drafts.iter().map(Draft::story).collect();
    Linter::new(&Prompts::builtin(), &Config::default()).lint_stories(
        Path::new("bank"),
        &stories,
        Vec::new(),
        true,
    )
}

fn bank_codes(report: &Report) -> Vec<&'static str> {
    report.bank.iter().map(|d| d.code).collect()
}

fn distinct_bank(count: usize) -> Vec<Draft> {
    const IDS: [&str; 12] = [
        "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11",
    ];
    (0..count)
        .map(|i| {
            Draft::l6().with(|d| {
                d.id = IDS[i];
                d.title = format!("Story number {i}");
            })
        })
        .collect()
}

#[test]
fn bk001_too_few_stories() {
    let report = lint_bank(&distinct_bank(3));
    let found = report.bank.iter().find(|d| d.code == "BK001").unwrap();
    assert_eq!(
        found.message,
        "the bank has 3 stories, fewer than the 10 a loop needs"
    );
    assert!(found.span.is_none());
    assert!(!bank_codes(&lint_bank(&distinct_bank(10))).contains(&"BK001"));
}

#[test]
fn bk002_duplicate_title() {
    let mut drafts = distinct_bank(10);
    drafts[7].title = "  story NUMBER 2 ".into();
    let report = lint_bank(&drafts);
    let found = report.bank.iter().find(|d| d.code == "BK002").unwrap();
    assert_eq!(found.story.as_deref(), Some("s7"));
    assert!(found.message.contains("bank/s2.ron"), "{}", found.message);
    assert!(!bank_codes(&lint_bank(&distinct_bank(10))).contains(&"BK002"));
}

fn bundled_bank() -> starbank::bank::Bank {
    starbank::bank::Bank::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("stories")).unwrap()
}

fn lint_loaded(
    bank: &starbank::bank::Bank,
    config: &Config,
    level: Option<starbank::story::Level>,
) -> Report {
    Linter::new(&Prompts::builtin(), config)
        .with_level(level)
        .lint_bank(bank)
}

#[test]
fn bk003_uncovered_question() {
    // Ten copies of one on-call story leave most L6 questions without an answer.
    let report = lint_bank(&distinct_bank(10));
    let uncovered: Vec<_> = report.bank.iter().filter(|d| d.code == "BK003").collect();
    assert!(uncovered.len() > 10, "{uncovered:#?}");
    assert!(uncovered
        .iter()
        .all(|d| d.message.starts_with("no story answers l6-")));
    assert!(uncovered
        .iter()
        .any(|d| d.message.contains("l6-team-conflict")));
    // The bundled bank answers most L7 questions; BK003 names exactly the ones the map finds
    // no adequate story for (none of its stories is about a technology shift seen early).
    let bank = bundled_bank();
    let level = Some(starbank::story::Level::L7);
    let report = lint_loaded(&bank, &Config::default(), level);
    let prompts = Prompts::builtin();
    let index = starbank::index::StoryIndex::build(&bank.stories, &prompts).unwrap();
    let map = starbank::index::map_bank(&index, &bank.stories, &prompts, level);
    let mut expected: Vec<String> = map
        .questions
        .iter()
        .filter(|q| q.best(map.threshold).is_none())
        .map(|q| format!("no story answers {} ", q.question_id))
        .collect();
    let mut fired: Vec<String> = report
        .bank
        .iter()
        .filter(|d| d.code == "BK003")
        .map(|d| d.message.split('"').next().unwrap_or_default().to_string())
        .collect();
    expected.sort();
    fired.sort();
    assert_eq!(fired, expected);
    assert!(fired.contains(&"no story answers l7-industry-shift ".to_string()));
    assert!(fired.len() * 4 < map.questions.len(), "{fired:#?}");
}

#[test]
fn bk004_overused_story() {
    let bank = bundled_bank();
    let report = lint_loaded(&bank, &Config::default(), None);
    let overused: Vec<_> = report.bank.iter().filter(|d| d.code == "BK004").collect();
    assert!(!overused.is_empty());
    for finding in &overused {
        assert!(
            finding.message.contains("more than 4"),
            "{}",
            finding.message
        );
        assert!(finding.story.is_some() && finding.span.is_some());
    }
    let generous = Config {
        max_questions_per_story: 20,
        ..Config::default()
    };
    assert!(!bank_codes(&lint_loaded(&bank, &generous, None)).contains(&"BK004"));
}

#[test]
fn bk005_mislinked_question() {
    // In the bundled bank, the on-call turnaround answers the question it links...
    let mut bank = bundled_bank();
    let report = lint_loaded(&bank, &Config::default(), None);
    assert!(
        !report
            .bank
            .iter()
            .any(|d| d.code == "BK005" && d.story.as_deref() == Some("payments-oncall-turnaround")),
        "{:#?}",
        report.bank
    );
    // ...and does not answer a board-communication question.
    let story = bank
        .stories
        .iter_mut()
        .find(|s| s.id == "payments-oncall-turnaround")
        .unwrap();
    story.questions = vec!["l7-board-communication".into()];
    let report = lint_loaded(&bank, &Config::default(), None);
    let found = report
        .bank
        .iter()
        .find(|d| d.code == "BK005" && d.story.as_deref() == Some("payments-oncall-turnaround"))
        .expect("BK005 fires");
    assert!(
        found
            .message
            .starts_with("linked question `l7-board-communication` does not match"),
        "{}",
        found.message
    );
}

#[test]
fn coverage_rules_can_be_turned_off() {
    let off = Config {
        disable: vec!["uncovered-question".into(), "BK004".into(), "BK005".into()],
        ..Config::default()
    };
    let report = lint_loaded(&bundled_bank(), &off, None);
    assert!(report
        .bank
        .iter()
        .all(|d| !["BK003", "BK004", "BK005"].contains(&d.code)));
}

// ---------------------------------------------------------------------------------------
// Fixtures: tests/fixtures/lint/<CODE>-<name>/<case>.ron, each a story file linted on its
// own with the default config. A finding is expected where a marker line `//~^ CODE` sits
// on the line below the finding's first line (`//~^^` two lines below, and so on; several
// codes may share a marker). `fires*.ron` must fire the folder's rule and `quiet*.ron` must
// not. The human rendering of each is a snapshot beside it (`<case>.snap`).

const FIXTURES: &str = "tests/fixtures/lint";

struct Fixture {
    /// `SC001-team-size-below-level`
    folder: String,
    /// `fires`, `quiet`, `quiet-at-l6`, ...
    case: String,
    /// Repository-relative, as reports print it.
    path: PathBuf,
    text: String,
}

fn fixtures() -> Vec<Fixture> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURES);
    let mut fixtures = Vec::new();
    for folder in std::fs::read_dir(&root).unwrap() {
        let folder = folder.unwrap().path();
        for file in std::fs::read_dir(&folder).unwrap() {
            let file = file.unwrap().path();
            if file.extension().and_then(|e| e.to_str()) != Some("ron") {
                continue;
            }
            let folder_name = folder.file_name().unwrap().to_string_lossy().into_owned();
            let case = file.file_stem().unwrap().to_string_lossy().into_owned();
            fixtures.push(Fixture {
                path: Path::new(FIXTURES)
                    .join(&folder_name)
                    .join(format!("{case}.ron")),
                text: std::fs::read_to_string(&file).unwrap(),
                folder: folder_name,
                case,
            });
        }
    }
    fixtures.sort_by(|a, b| (&a.folder, &a.case).cmp(&(&b.folder, &b.case)));
    fixtures
}

/// The (line, code) pairs the markers expect, sorted.
fn expected_findings(text: &str) -> Vec<(usize, String)> {
    let mut expected = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let Some(marker) = line.trim_start().strip_prefix("//~") else {
            continue;
        };
        let carets = marker.chars().take_while(|&c| c == '^').count();
        assert!(carets > 0, "marker without ^ on line {}: {line}", index + 1);
        let target = index + 1 - carets;
        for code in marker[carets..].split([' ', ',']).filter(|c| !c.is_empty()) {
            expected.push((target, code.to_string()));
        }
    }
    expected.sort();
    expected
}

/// The (line, code) pairs of a story's findings, sorted; a finding with no place is on
/// line 0, which no marker can name.
fn found_findings(report: &StoryReport, story: &Story) -> Vec<(usize, String)> {
    let mut found: Vec<(usize, String)> = report
        .diagnostics
        .iter()
        .map(|d| {
            let line = d
                .span
                .as_ref()
                .map_or(0, |span| story.position(span.start).line);
            (line, d.code.to_string())
        })
        .collect();
    found.sort();
    found
}

/// Whether `a` minus `b` (as multisets) is empty; the rest is returned.
fn missing_from(a: &[(usize, String)], b: &[(usize, String)]) -> Vec<(usize, String)> {
    let mut rest = b.to_vec();
    let mut missing = Vec::new();
    for item in a {
        match rest.iter().position(|other| other == item) {
            Some(at) => {
                rest.remove(at);
            }
            None => missing.push(item.clone()),
        }
    }
    missing
}

#[test]
fn every_fixture_fires_exactly_where_marked() {
    let fixtures = fixtures();
    assert!(fixtures.len() >= 40, "found {} fixtures", fixtures.len());
    let linter = Linter::new(&Prompts::builtin(), &Config::default());
    let mut problems = Vec::new();
    let mut rendered = Vec::new();
    for fixture in &fixtures {
        let code = fixture.folder.split('-').next().unwrap_or_default();
        let where_ = fixture.path.display();
        let Some(rule) = starbank::lint::rule(code) else {
            problems.push(format!("{where_}: the folder names no rule"));
            continue;
        };
        if fixture.folder != format!("{}-{}", rule.code, rule.name) {
            problems.push(format!(
                "{where_}: the folder should be {}-{}",
                rule.code, rule.name
            ));
        }
        let story = match Story::parse(&fixture.path, fixture.text.clone()) {
            Ok(story) => story,
            Err(err) => {
                problems.push(format!("{where_}: does not load:\n{err}"));
                continue;
            }
        };
        let report = linter.lint_stories(
            Path::new(FIXTURES),
            std::slice::from_ref(&story),
            Vec::new(),
            false,
        );
        let expected = expected_findings(&fixture.text);
        let found = found_findings(&report.stories[0], &story);
        for (line, code) in missing_from(&expected, &found) {
            problems.push(format!(
                "{where_}:{line}: {code} is marked but did not fire"
            ));
        }
        for (line, code) in missing_from(&found, &expected) {
            problems.push(format!("{where_}:{line}: {code} fired but is not marked"));
        }
        let fires = expected.iter().any(|(_, marked)| marked == rule.code);
        match (
            fixture.case.starts_with("fires"),
            fixture.case.starts_with("quiet"),
        ) {
            (true, _) if !fires => problems.push(format!("{where_}: marks no {code}")),
            (_, true) if fires => problems.push(format!("{where_}: a quiet case marks {code}")),
            (false, false) => problems.push(format!("{where_}: name it fires*.ron or quiet*.ron")),
            _ => {}
        }
        let options = HumanOptions {
            colour: false,
            fail_on: Severity::Warning,
        };
        rendered.push((fixture, render(Format::Human, &report, &[story], options)));
    }
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
    // Every story rule has its fixtures (the bank rules' cases are the tests above).
    for rule in starbank::lint::RULES {
        if matches!(rule.check, starbank::lint::Check::Story(_)) {
            let folder = format!("{}-{}", rule.code, rule.name);
            assert!(
                fixtures.iter().any(|f| f.folder == folder),
                "{}: no fixtures in {FIXTURES}/{folder}",
                rule.code
            );
        }
    }
    for (fixture, text) in rendered {
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(FIXTURES)
                .join(&fixture.folder),
        );
        settings.set_prepend_module_to_snapshot(false);
        settings.set_omit_expression(true);
        settings.bind(|| insta::assert_snapshot!(fixture.case.as_str(), text));
    }
}

// ---------------------------------------------------------------------------------------
// Rule docs: the `explain` text of every rule.

const HEADINGS: [&str; 5] = [
    "## What it checks",
    "## Why an interviewer cares",
    "## Example",
    "## Instead",
    "## Source",
];

/// The text under `heading`, up to the next `## ` heading.
fn doc_section<'a>(explanation: &'a str, heading: &str) -> Option<&'a str> {
    let start = explanation.find(&format!("{heading}\n"))? + heading.len() + 1;
    let rest = &explanation[start..];
    let end = rest.find("\n## ").map_or(rest.len(), |at| at + 1);
    Some(&rest[..end])
}

/// The ```ron blocks of a doc section.
fn ron_blocks(text: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        match (&mut current, line.trim()) {
            (None, "```ron") => current = Some(String::new()),
            (Some(block), "```") => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            (Some(block), _) => {
                block.push_str(line);
                block.push('\n');
            }
            (None, _) => {}
        }
    }
    blocks
}

#[test]
fn every_rule_doc_has_the_headings_in_order() {
    for rule in starbank::lint::RULES {
        let text = rule.explanation_text();
        let mut last = 0;
        for heading in HEADINGS {
            let at = text.find(&format!("\n{heading}\n"));
            if heading == "## Instead" && at.is_none() {
                continue;
            }
            let at = at.unwrap_or_else(|| panic!("{}: no `{heading}`:\n{text}", rule.code));
            assert!(at > last, "{}: `{heading}` out of order", rule.code);
            last = at;
            let body = doc_section(&text, heading).unwrap_or_default();
            assert!(
                !body.trim().is_empty(),
                "{}: `{heading}` is empty",
                rule.code
            );
        }
        assert!(
            !rule.summary().starts_with('#'),
            "{}: the first line is the summary",
            rule.code
        );
    }
}

/// Each rule's `## Example` is linted as a bank of its story blocks (a block that starts
/// with `// starbank.ron` is the bank's config) and must fire the rule.
#[test]
fn every_rule_doc_example_fires_its_rule() {
    let prompts = Prompts::builtin();
    for rule in starbank::lint::RULES {
        let text = rule.explanation_text();
        let example = doc_section(&text, "## Example").unwrap_or_default();
        let mut config = Config::default();
        let mut stories = Vec::new();
        for (index, block) in ron_blocks(example).into_iter().enumerate() {
            if block.starts_with("// starbank.ron") {
                config = starbank::story::ron_options()
                    .from_str(&block)
                    .unwrap_or_else(|err| panic!("{}: config: {err}", rule.code));
                continue;
            }
            let path = PathBuf::from(format!("example/{}-{index}.ron", rule.code));
            let story = Story::parse(&path, block.clone())
                .unwrap_or_else(|err| panic!("{}: example does not load:\n{err}", rule.code));
            stories.push(story);
        }
        assert!(!stories.is_empty(), "{}: no ```ron example", rule.code);
        let report = Linter::new(&prompts, &config).lint_stories(
            Path::new("example"),
            &stories,
            Vec::new(),
            true,
        );
        let fired: Vec<&str> = report.diagnostics().map(|d| d.code).collect();
        assert!(
            fired.contains(&rule.code),
            "{}: its example does not fire it; fired {fired:?}",
            rule.code
        );
    }
}

#[test]
fn the_readme_rule_table_is_rules() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    // Rows of the table: `| SC001 | team-size-below-level | warning | ... |`.
    let rows: Vec<(String, String, String)> = readme
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let code = cells.get(1)?.trim_matches('`');
            let is_code = code.len() == 5
                && code[..2].chars().all(|c| c.is_ascii_uppercase())
                && code[2..].chars().all(|c| c.is_ascii_digit());
            is_code.then(|| {
                (
                    code.to_string(),
                    cells.get(2).unwrap_or(&"").trim_matches('`').to_string(),
                    cells.get(3).unwrap_or(&"").to_string(),
                )
            })
        })
        .collect();
    let rules: Vec<(String, String, String)> = starbank::lint::RULES
        .iter()
        .map(|rule| {
            (
                rule.code.to_string(),
                rule.name.to_string(),
                rule.severity.as_str().to_string(),
            )
        })
        .collect();
    assert_eq!(rows, rules, "README.md's rule table and RULES differ");
}

/// The coverage rules read a map that ranks only the stories that can answer
/// (`map_answers`, or `Strengths::answers` from every question's strengths, as the workbench
/// makes it): what they find must be what the whole ranking gives.
#[test]
fn the_map_of_answers_finds_what_the_whole_map_finds() {
    use starbank::index::{
        map_answers, map_bank, overused_stories, uncovered_questions, unmatched_links, Strengths,
    };
    let generated = tempfile::tempdir().unwrap();
    starbank::generate::write_bank(generated.path(), 300, 11).unwrap();
    let prompts = Prompts::builtin();
    for bank in [
        bundled_bank(),
        starbank::bank::Bank::load(generated.path()).unwrap(),
    ] {
        let index = starbank::index::StoryIndex::build(&bank.stories, &prompts).unwrap();
        let every = Strengths::score(&index, &bank.stories, &prompts, None);
        for level in [
            None,
            Some(starbank::story::Level::L6),
            Some(starbank::story::Level::L7),
        ] {
            let whole = map_bank(&index, &bank.stories, &prompts, level);
            for answers in [
                map_answers(&index, &bank.stories, &prompts, level),
                every.answers(&bank.stories, &prompts, level),
            ] {
                assert_eq!(uncovered_questions(&answers), uncovered_questions(&whole));
                for limit in [0, 1, 4] {
                    assert_eq!(
                        overused_stories(&answers, limit),
                        overused_stories(&whole, limit)
                    );
                }
                assert_eq!(unmatched_links(&answers), unmatched_links(&whole));
                assert_eq!(answers.stories, whole.stories);
                assert_eq!(answers.links, whole.links);
                assert!(answers.questions.len() == whole.questions.len());
            }
            assert_eq!(every.map(&bank.stories, &prompts, level), whole);
        }
    }
}
