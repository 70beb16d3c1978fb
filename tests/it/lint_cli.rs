//! `starbank lint` driven as a user runs it: the built binary on the bundled bank and on
//! broken banks, every output format, exit statuses.

use crate::common;

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn starbank() -> Command {
    let mut command = Command::cargo_bin("starbank").expect("binary builds");
    command.current_dir(env!("CARGO_MANIFEST_DIR"));
    command.env_remove("NO_COLOR");
    command
}

fn lint_output(args: &[&str]) -> (String, i32) {
    let output = starbank().arg("lint").args(args).output().expect("runs");
    (
        String::from_utf8(output.stdout).expect("utf-8 output"),
        output.status.code().unwrap_or(-1),
    )
}

#[test]
fn human_output_on_the_example_bank() {
    let (text, status) = lint_output(&["stories"]);
    assert_eq!(status, 1, "the example bank has warnings on purpose");
    assert!(!text.contains('\x1b'), "no colour when piped");
    insta::assert_snapshot!("human", text);
}

#[test]
fn short_output_on_the_example_bank() {
    let (text, _) = lint_output(&["stories", "--format", "short"]);
    let shape = regex::Regex::new(
        r"^stories(/[a-z0-9-]+\.ron:[1-9][0-9]*:[1-9][0-9]*)?: (error|warning|info)\[(SC|ST|BK)[0-9]{3}\] \S.*$",
    )
    .unwrap();
    for line in text.lines() {
        assert!(shape.is_match(line), "{line}");
    }
    insta::assert_snapshot!("short", text);
}

/// One annotation: its command, its properties (unescaped) and its message (unescaped).
fn parse_annotation(line: &str) -> (String, Vec<(String, String)>, String) {
    let unescape = |text: &str| {
        text.replace("%0D", "\r")
            .replace("%0A", "\n")
            .replace("%3A", ":")
            .replace("%2C", ",")
            .replace("%25", "%")
    };
    let rest = line
        .strip_prefix("::")
        .unwrap_or_else(|| panic!("not a workflow command: {line}"));
    let (command, rest) = rest.split_once(' ').expect("a command and properties");
    let (properties, message) = rest.split_once("::").expect("`::` before the message");
    let properties = properties
        .split(',')
        .map(|property| {
            let (key, value) = property.split_once('=').expect("key=value");
            (key.to_string(), unescape(value))
        })
        .collect();
    (command.to_string(), properties, unescape(message))
}

#[test]
fn github_output_on_the_example_bank() {
    let (text, _) = lint_output(&["stories", "--format", "github"]);
    let (json, _) = lint_output(&["stories", "--format", "json"]);
    let json: Value = serde_json::from_str(&json).unwrap();
    // Each annotation is a finding of the JSON report: same file, place, severity, message.
    let mut expected = Vec::new();
    for story in json["stories"].as_array().unwrap() {
        for d in story["diagnostics"].as_array().unwrap() {
            expected.push((
                story["path"].as_str().unwrap().to_string(),
                d["line"].as_u64(),
                d["column"].as_u64(),
                d["code"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
            ));
        }
    }
    for d in json["bank"]["diagnostics"].as_array().unwrap() {
        expected.push((
            d["path"].as_str().unwrap().to_string(),
            d["line"].as_u64(),
            d["column"].as_u64(),
            d["code"].as_str().unwrap().to_string(),
            d["severity"].as_str().unwrap().to_string(),
            d["message"].as_str().unwrap().to_string(),
        ));
    }
    let mut annotations = Vec::new();
    for line in text.lines() {
        let (command, properties, message) = parse_annotation(line);
        let get = |key: &str| {
            properties
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
        };
        let title = get("title").expect("a title");
        let code = title.split(' ').next().unwrap().to_string();
        let rule = starbank::lint::RULES
            .iter()
            .find(|r| r.code == code)
            .unwrap();
        assert_eq!(title, format!("{code} ({})", rule.name));
        let severity = match command.as_str() {
            "error" => "error",
            "warning" => "warning",
            "notice" => "info",
            other => panic!("unknown command {other}: {line}"),
        };
        annotations.push((
            get("file").expect("a file"),
            get("line").map(|l| l.parse().unwrap()),
            get("col").map(|c| c.parse().unwrap()),
            code,
            severity.to_string(),
            message,
        ));
    }
    expected.sort();
    annotations.sort();
    assert_eq!(annotations, expected);
    insta::assert_snapshot!("github", text);
}

#[test]
fn sarif_output_on_the_example_bank() {
    let (text, _) = lint_output(&["stories", "--format", "sarif"]);
    let sarif: Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    for result in run["results"].as_array().unwrap() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(
            rules[index]["id"], result["ruleId"],
            "ruleIndex points at its rule"
        );
        assert!(["error", "warning", "note"].contains(&result["level"].as_str().unwrap()));
        let location = &result["locations"][0]["physicalLocation"];
        // A story's finding points at its file; a bank-wide one (BK003) at the bank folder.
        let uri = location["artifactLocation"]["uri"].as_str().unwrap();
        assert!(uri == "stories" || uri.starts_with("stories/"), "{uri}");
    }
    assert_eq!(common::sarif::problems(&sarif), None);
    insta::assert_snapshot!("sarif", text);
}

/// Every kind of result GitHub's validator used to reject, or that a bank can produce without
/// a line: files that do not load (a parse error, bytes that are not UTF-8, an empty file),
/// mistakes in `starbank.ron` (an unknown rule, an unknown rubric alternative), and findings
/// about the whole bank (BK001, BK003); and file names a URI must encode.
#[test]
fn sarif_places_every_result_and_follows_the_schema() {
    let dir = tempfile::tempdir().unwrap();
    let bank = dir.path().join("my bank");
    std::fs::create_dir(&bank).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("stories/payments-oncall-turnaround.ron"),
        bank.join("50% naïve #1.ron"),
    )
    .unwrap();
    std::fs::write(
        bank.join("broken.ron"),
        "(\n    title: \"Broken\",\n    level: L9,\n)\n",
    )
    .unwrap();
    std::fs::write(bank.join("latin1.ron"), b"(title: \"caf\xe9\")").unwrap();
    std::fs::write(bank.join("empty.ron"), "").unwrap();
    std::fs::write(
        bank.join("starbank.ron"),
        "(\n    disable: [\"SC0001\"],\n    rubric: { team_size: (alternative: \"doc-999\") },\n)\n",
    )
    .unwrap();
    let output = starbank()
        .current_dir(dir.path())
        .args(["lint", "--format", "sarif", "my bank"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "files did not load");
    let sarif: Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(common::sarif::problems(&sarif), None);
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    // (uri, rule, start line, start column) of each result; `None` where SARIF has none.
    let placed: Vec<(String, String, u64, Option<u64>)> = results
        .iter()
        .map(|result| {
            let location = &result["locations"][0]["physicalLocation"];
            (
                location["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap()
                    .to_string(),
                result["ruleId"].as_str().unwrap().to_string(),
                location["region"]["startLine"].as_u64().unwrap(),
                location["region"]["startColumn"].as_u64(),
            )
        })
        .collect();
    let find = |uri: &str, rule: &str| {
        placed
            .iter()
            .find(|(u, r, ..)| u == uri && r == rule)
            .map(|(_, _, line, column)| (*line, *column))
            .unwrap_or_else(|| panic!("no {rule} result for {uri}: {placed:#?}"))
    };
    assert_eq!(find("my%20bank/broken.ron", "load-error"), (3, Some(12)));
    assert_eq!(find("my%20bank/latin1.ron", "load-error"), (1, Some(13)));
    assert_eq!(find("my%20bank/empty.ron", "load-error"), (1, Some(1)));
    assert_eq!(find("my%20bank/starbank.ron", "load-error").0, 2);
    let alternative = results
        .iter()
        .find(|r| {
            r["message"]["text"]
                .as_str()
                .unwrap()
                .contains("`doc-999` is not an alternative of the `team_size` rubric")
        })
        .expect("the unknown rubric alternative is reported");
    assert_eq!(
        alternative["locations"][0]["physicalLocation"]["region"]["startLine"],
        3
    );
    // A finding about the whole bank is placed at line 1 of the bank folder.
    assert_eq!(find("my%20bank", "BK001"), (1, None));
    assert!(placed
        .iter()
        .any(|(uri, rule, ..)| uri == "my%20bank" && rule == "BK003"));
    // Every URI names a file or folder that is there.
    for (uri, ..) in &placed {
        let path = common::sarif::percent_decode(uri).expect("a well-formed URI");
        assert!(dir.path().join(&path).exists(), "{uri} -> {path}");
    }
    assert!(placed
        .iter()
        .any(|(uri, ..)| uri == "my%20bank/50%25%20na%C3%AFve%20%231.ron"));
}

/// The check above can fail: logs GitHub rejects are caught, by the schema or by the rules
/// code scanning adds to it.
#[test]
fn the_sarif_check_rejects_what_code_scanning_rejects() {
    let (text, _) = lint_output(&["stories", "--format", "sarif"]);
    let valid: Value = serde_json::from_str(&text).unwrap();
    type Break = fn(&mut Value);
    let broken: [(&str, Break); 5] = [
        ("no region", |r| {
            r["locations"][0]["physicalLocation"]
                .as_object_mut()
                .unwrap()
                .remove("region");
        }),
        ("a level the schema does not know", |r| {
            r["level"] = "fatal".into()
        }),
        ("a URI with a space", |r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = "a b.ron".into()
        }),
        ("a line 0", |r| {
            r["locations"][0]["physicalLocation"]["region"]["startLine"] = 0.into()
        }),
        ("a ruleIndex at another rule", |r| {
            r["ruleIndex"] = (r["ruleIndex"].as_u64().unwrap() + 1).into()
        }),
    ];
    for (what, breaks) in broken {
        let mut log = valid.clone();
        breaks(&mut log["runs"][0]["results"][0]);
        assert!(
            common::sarif::problems(&log).is_some(),
            "{what} passed the check"
        );
    }
}

/// Checks `value` against the docs/json.md lint JSON contract, key by key. (Key order is
/// not checked: JSON objects are unordered, and serde_json's `Value` sorts keys.)
fn validate_contract(value: &Value) {
    let keys =
        |v: &Value| -> Vec<String> { v.as_object().expect("an object").keys().cloned().collect() };
    let sorted = |names: &[&str]| -> Vec<String> {
        let mut names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        names.sort();
        names
    };
    assert_eq!(
        keys(value),
        sorted(&["version", "stories", "bank", "errors", "summary"])
    );
    assert_eq!(value["version"], 1);
    for story in value["stories"].as_array().unwrap() {
        assert_eq!(
            keys(story),
            sorted(&[
                "id",
                "path",
                "level",
                "reads_at",
                "figures",
                "diagnostics",
                "other_figures"
            ])
        );
        assert!(story["id"].is_string() && story["path"].is_string());
        assert!(["L6", "L7"].contains(&story["level"].as_str().unwrap()));
        assert!(
            story["reads_at"].is_null()
                || ["below-L6", "L6", "L7"].contains(&story["reads_at"].as_str().unwrap())
        );
        let scope = story["figures"].as_array().unwrap();
        let others = story["other_figures"].as_array().unwrap();
        for (figure, in_scope) in scope
            .iter()
            .map(|f| (f, true))
            .chain(others.iter().map(|f| (f, false)))
        {
            assert_eq!(
                keys(figure),
                sorted(&["kind", "value", "text", "section", "line", "column", "reads_at", "role"])
            );
            // `figures` holds the narrator's scope, `other_figures` everything else.
            assert_eq!(figure["role"] == "scope", in_scope, "{figure}");
            assert!(["scope", "context", "incidental", "subgroup"]
                .contains(&figure["role"].as_str().unwrap()));
            assert!(figure["value"].is_number() && figure["text"].is_string());
            assert!(["situation", "task", "action", "result"]
                .contains(&figure["section"].as_str().unwrap()));
            assert!(
                figure["line"].as_u64().unwrap() >= 1 && figure["column"].as_u64().unwrap() >= 1
            );
            assert!(["below-L6", "L6", "L7"].contains(&figure["reads_at"].as_str().unwrap()));
        }
        for diagnostic in story["diagnostics"].as_array().unwrap() {
            assert_eq!(
                keys(diagnostic),
                sorted(&[
                    "code",
                    "severity",
                    "message",
                    "line",
                    "column",
                    "end_line",
                    "end_column"
                ])
            );
            assert!(
                ["error", "warning", "info"].contains(&diagnostic["severity"].as_str().unwrap())
            );
        }
    }
    assert!(value["bank"]["diagnostics"].is_array());
    for error in value["errors"].as_array().unwrap() {
        assert_eq!(keys(error), sorted(&["path", "line", "column", "message"]));
    }
    assert_eq!(
        keys(&value["summary"]),
        sorted(&["stories", "errors", "warnings", "infos"])
    );
}

#[test]
fn json_output_matches_the_contract() {
    let (text, _) = lint_output(&["stories", "--format", "json"]);
    let value: Value = serde_json::from_str(&text).expect("valid JSON");
    validate_contract(&value);
    let stories = value["stories"].as_array().unwrap();
    assert_eq!(value["summary"]["stories"], stories.len());
    // Each figure's line and column point at its text in the file.
    for story in stories {
        let source = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join(story["path"].as_str().unwrap()),
        )
        .unwrap();
        for figure in story["figures"].as_array().unwrap() {
            let line = source
                .lines()
                .nth(figure["line"].as_u64().unwrap() as usize - 1)
                .unwrap();
            let from: String = line
                .chars()
                .skip(figure["column"].as_u64().unwrap() as usize - 1)
                .collect();
            let text = figure["text"].as_str().unwrap();
            // Escapes in the file can differ from the decoded text; the first word matches.
            let first_word = text.split_whitespace().next().unwrap();
            assert!(from.starts_with(first_word), "{text:?} not at {from:?}");
        }
    }
}

fn story_json<'a>(value: &'a Value, id: &str) -> &'a Value {
    value["stories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
        .unwrap_or_else(|| panic!("no story {id}"))
}

fn story_codes(value: &Value, id: &str) -> Vec<String> {
    story_json(value, id)["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_example_bank_produces_the_findings_it_was_written_for() {
    let (text, _) = lint_output(&["stories", "--format", "json"]);
    let value: Value = serde_json::from_str(&text).unwrap();
    // The L7 story whose figures read L6.
    let storefront = story_json(&value, "l7-storefront-performance-direction");
    assert_eq!(storefront["reads_at"], "L6");
    assert!(
        story_codes(&value, "l7-storefront-performance-direction").contains(&"SC009".to_string())
    );
    // The L6 story that over-claims.
    let platform = story_json(&value, "company-wide-data-platform");
    assert_eq!(platform["reads_at"], "L7");
    assert!(story_codes(&value, "company-wide-data-platform").contains(&"SC010".to_string()));
    // The story with no figures.
    assert!(story_json(&value, "pricing-change-safety")["reads_at"].is_null());
    assert!(story_codes(&value, "pricing-change-safety").contains(&"SC011".to_string()));
    // Good stories are clean.
    for good in [
        "payments-oncall-turnaround",
        "checkout-api-design-conflict",
        "commerce-org-ownership-culture",
        "warehouse-migration-vp-disagreement",
        "search-cluster-consolidation",
    ] {
        assert_eq!(story_codes(&value, good), Vec::<String>::new(), "{good}");
        assert_eq!(
            story_json(&value, good)["reads_at"],
            story_json(&value, good)["level"],
            "{good}"
        );
    }
}

/// The raw JSON, as a tool reading it sees it: key order, summary counts and every value.
#[test]
fn json_output_on_the_example_bank() {
    let (text, status) = lint_output(&["stories", "--format", "json"]);
    assert_eq!(status, 1);
    insta::assert_snapshot!("json", text);
}

#[test]
fn fail_on_sets_the_exit_status() {
    // The bundled bank has warnings and infos, no errors.
    assert_eq!(lint_output(&["stories", "--fail-on", "error"]).1, 0);
    assert_eq!(lint_output(&["stories", "--fail-on", "warning"]).1, 1);
    assert_eq!(lint_output(&["stories", "--fail-on", "info"]).1, 1);
    // A story whose only finding is an info (SC011, no scope figure): only `info` fails.
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("stories/pricing-change-safety.ron"),
        dir.path().join("story.ron"),
    )
    .unwrap();
    std::fs::write(dir.path().join("starbank.ron"), "(enable: [\"SC011\"])\n").unwrap();
    let run = |fail_on: &str| {
        let output = starbank()
            .args(["lint", "--fail-on", fail_on])
            .arg(dir.path())
            .output()
            .unwrap();
        (
            output.status.code(),
            String::from_utf8(output.stdout).unwrap(),
        )
    };
    let (status, text) = run("info");
    assert_eq!(status, Some(1), "{text}");
    assert!(
        text.ends_with("found 0 errors, 0 warnings, 1 info\n"),
        "{text}"
    );
    let (status, text) = run("warning");
    assert_eq!(status, Some(0), "{text}");
    assert!(
        text.ends_with("found 0 errors, 0 warnings, 1 info (none at or above warning)\n"),
        "{text}"
    );
    assert_eq!(run("error").0, Some(0));
    // The same finding made an error by the config fails every level.
    std::fs::write(
        dir.path().join("starbank.ron"),
        "(enable: [\"SC011\"], severity: {\"SC011\": error})\n",
    )
    .unwrap();
    for fail_on in ["error", "warning", "info"] {
        let (status, text) = run(fail_on);
        assert_eq!(status, Some(1), "--fail-on {fail_on}: {text}");
        assert!(text.contains("error[SC011]"), "{text}");
    }
}

/// Every command that reads a bank, run where there is none: one error naming the folder
/// and what to do, exit status 2, and nothing created.
#[test]
fn a_missing_bank_is_an_error_for_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let expected = |name: &str| {
        format!(
            "error: bank folder `{name}` does not exist; pass --bank DIR, or run from the folder that holds `stories/`\n"
        )
    };
    for args in [
        &["check"][..],
        &["lint"],
        &["lint", "--format", "json"],
        &["search", "pager"],
        &["map"],
        &["coverage"],
        &["plan"],
        &["sheet"],
        &["tui"],
    ] {
        let output = starbank()
            .current_dir(dir.path())
            .args(args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(
            String::from_utf8(output.stderr).unwrap(),
            expected("stories"),
            "{args:?}"
        );
        assert!(output.stdout.is_empty(), "{args:?}");
        let output = starbank()
            .current_dir(dir.path())
            .args(["--bank", "nowhere"])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "--bank nowhere {args:?}");
        assert_eq!(
            String::from_utf8(output.stderr).unwrap(),
            expected("nowhere"),
            "--bank nowhere {args:?}"
        );
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// `--bank DIR` names the bank, before or after the command, and its `starbank.ron` applies.
#[test]
fn bank_names_the_bank_and_its_config_applies() {
    let dir = tempfile::tempdir().unwrap();
    let bank = dir.path().join("my-bank");
    std::fs::create_dir(&bank).unwrap();
    let story = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("stories/payments-oncall-turnaround.ron"),
    )
    .unwrap();
    // Without its own level the story is judged at the config's.
    std::fs::write(
        bank.join("story.ron"),
        story.replace("    level: L6,\n", ""),
    )
    .unwrap();
    std::fs::write(bank.join("starbank.ron"), "(level: L7)\n").unwrap();
    for args in [
        &["--bank", "my-bank", "lint", "--format", "json"][..],
        &["lint", "--bank", "my-bank", "--format", "json"],
    ] {
        let output = starbank()
            .current_dir(dir.path())
            .args(args)
            .output()
            .unwrap();
        let value: Value = serde_json::from_slice(&output.stdout).unwrap();
        let stories = value["stories"].as_array().unwrap();
        assert_eq!(stories.len(), 1, "{args:?}");
        assert_eq!(stories[0]["path"], "my-bank/story.ron");
        assert_eq!(stories[0]["level"], "L7", "the config's level");
        assert!(story_codes(&value, "story").contains(&"SC009".to_string()));
    }
    let output = starbank()
        .current_dir(dir.path())
        .args(["--bank", "my-bank", "check"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "ok: 1 stories in my-bank load cleanly\n"
    );
}

/// `--prompts DIR` replaces the prompts files it holds; a missing folder or a broken file is
/// an error that names it, never a silent fall back to the built-in prompts.
#[test]
fn prompts_replaces_the_rubric_and_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let prompts = dir.path().join("my-prompts");
    std::fs::create_dir(&prompts).unwrap();
    let levels =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("prompts/levels.ron"))
            .unwrap();
    // A rubric where 12 engineers already read L7: the L6 story's team of 14 reads above.
    let stricter = levels.replacen("l7_from: 50,", "l7_from: 12,", 1);
    assert_ne!(stricter, levels, "levels.ron's team-size band moved");
    std::fs::write(prompts.join("levels.ron"), &stricter).unwrap();
    let bank = Path::new(env!("CARGO_MANIFEST_DIR")).join("stories");
    let lint = |prompts_dir: &Path| {
        starbank()
            .arg("--prompts")
            .arg(prompts_dir)
            .args(["lint", "--format", "json"])
            .arg(&bank)
            .output()
            .unwrap()
    };
    let output = lint(&prompts);
    let value: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(story_codes(&value, "payments-oncall-turnaround").contains(&"SC002".to_string()));

    let output = lint(&dir.path().join("no-such-prompts"));
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with(&format!(
            "error: prompts folder `{}` does not exist; pass --prompts DIR",
            dir.path().join("no-such-prompts").display()
        )),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());

    std::fs::write(
        prompts.join("levels.ron"),
        stricter.replacen("l7_from: 12,", "l7_from: twelve,", 1),
    )
    .unwrap();
    let line = stricter
        .lines()
        .position(|line| line.contains("l7_from: 12,"))
        .unwrap()
        + 1;
    let output = lint(&prompts);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(&format!("my-prompts/levels.ron:{line}:")),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
}

/// A rubric alternative or a rule that does not exist in `starbank.ron` is an error at its
/// line and column for `check` and `lint`, and said by the commands that go on without it.
#[test]
fn an_unknown_rubric_alternative_is_an_error_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let bank = dir.path().join("bank");
    common::copy_bundled_stories(&bank);
    std::fs::write(
        bank.join("starbank.ron"),
        "(\n    rubric: { team_size: (alternative: \"doc-01\") },\n)\n",
    )
    .unwrap();
    let expected = "error: `doc-01` is not an alternative of the `team_size` rubric
 --> bank/starbank.ron:2:41
  |
2 |     rubric: { team_size: (alternative: \"doc-01\") },
  |                                         ^^^^^^
  = help: did you mean `doc-001`?
";
    let check = starbank()
        .current_dir(dir.path())
        .args(["check", "bank"])
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(2));
    let stderr = String::from_utf8(check.stderr).unwrap();
    assert!(stderr.starts_with(expected), "{stderr}");
    assert!(
        stderr.ends_with("1 error in 15 files (15 of 15 stories loaded)\n"),
        "{stderr}"
    );
    let lint = starbank()
        .current_dir(dir.path())
        .args(["lint", "bank"])
        .output()
        .unwrap();
    assert_eq!(lint.status.code(), Some(2));
    let stdout = String::from_utf8(lint.stdout).unwrap();
    assert!(stdout.starts_with(expected), "{stdout}");
    for command in ["plan", "sheet", "map", "coverage"] {
        let output = starbank()
            .current_dir(dir.path())
            .args(["--bank", "bank", command])
            .output()
            .unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.starts_with(expected), "{command}: {stderr}");
    }
    // The alternative it meant is accepted.
    std::fs::write(
        bank.join("starbank.ron"),
        "(\n    rubric: { team_size: (alternative: \"doc-001\") },\n)\n",
    )
    .unwrap();
    let check = starbank()
        .current_dir(dir.path())
        .args(["check", "bank"])
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(0));
}

#[test]
fn level_judges_every_story_at_that_level() {
    let (text, _) = lint_output(&["stories", "--format", "json", "--level", "L7"]);
    let value: Value = serde_json::from_str(&text).unwrap();
    assert!(value["stories"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["level"] == "L7"));
    assert!(story_codes(&value, "payments-oncall-turnaround").contains(&"SC009".to_string()));
}

#[test]
fn a_broken_file_exits_2_and_the_rest_are_still_linted() {
    let dir = tempfile::tempdir().unwrap();
    let bank = dir.path().join("bank");
    common::copy_bundled_stories(&bank);
    std::fs::write(
        bank.join("broken.ron"),
        "(\n    title: \"Broken\",\n    level: L9,\n)\n",
    )
    .unwrap();
    let output = starbank()
        .args(["lint", "--format", "json"])
        .arg(&bank)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let value: Value = serde_json::from_slice(&output.stdout).unwrap();
    validate_contract(&value);
    assert_eq!(value["stories"].as_array().unwrap().len(), 15);
    let error = &value["errors"][0];
    assert!(error["path"].as_str().unwrap().ends_with("broken.ron"));
    assert_eq!(
        (error["line"].as_u64(), error["column"].as_u64()),
        (Some(3), Some(12))
    );
    // Human output shows the frame too.
    let output = starbank().arg("lint").arg(&bank).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("broken.ron:3:12"), "{text}");
    assert!(text.contains("1 file did not load"), "{text}");
}

#[test]
fn a_bad_config_is_reported_like_a_story_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("stories/payments-oncall-turnaround.ron"),
        dir.path().join("story.ron"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("starbank.ron"),
        "(\n    disable: [\"SC0001\"],\n)\n",
    )
    .unwrap();
    let output = starbank().arg("lint").arg(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("`SC0001` names no lint rule"), "{text}");
    assert!(text.contains("starbank.ron:2:16"), "{text}");

    std::fs::write(
        dir.path().join("starbank.ron"),
        "(\n    words_per_minut: 150,\n)\n",
    )
    .unwrap();
    let output = starbank().arg("lint").arg(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("starbank.ron:2:5"), "{text}");
    assert!(text.contains("words_per_minute"), "{text}");
}

#[test]
fn lint_single_files_skips_bank_rules() {
    let (text, status) = lint_output(&[
        "stories/payments-oncall-turnaround.ron",
        "--format",
        "short",
    ]);
    assert_eq!(status, 0, "{text}");
    assert!(!text.contains("BK001"), "{text}");
}

#[test]
fn explain_prints_a_rule_and_suggests_on_typos() {
    let output = starbank().args(["explain", "SC001"]).output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("SC001 team-size-below-level"), "{text}");
    assert!(text.contains("document 001"), "{text}");
    let output = starbank().args(["explain", "SC0O1"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8(output.stderr)
        .unwrap()
        .contains("did you mean"));
    let output = starbank().arg("explain").output().unwrap();
    let list = String::from_utf8(output.stdout).unwrap();
    for code in ["SC001", "SC011", "ST001", "ST009", "BK001", "BK002"] {
        assert!(list.contains(code), "{code} missing from the list");
    }
}

#[test]
fn explain_reads_at_documents_the_combining_rule() {
    let output = starbank().args(["explain", "SC009"]).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("median vote"), "{text}");
    assert!(text.contains("tie goes to the higher reading"), "{text}");
    assert!(text.contains("largest such figure"), "{text}");
    assert!(text.contains("names the figures that decided"), "{text}");
}

#[test]
fn watch_relints_when_a_story_changes() {
    use std::io::Read;
    use std::sync::mpsc;
    use std::time::{Duration, Instant};

    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("story.ron");
    let original = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("stories/payments-oncall-turnaround.ron"),
    )
    .unwrap();
    std::fs::write(&story, &original).unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("starbank"))
        .args(["lint", "--watch", "--format", "short"])
        .arg(dir.path())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let mut buffer = [0u8; 4096];
        while let Ok(read) = stdout.read(&mut buffer) {
            if read == 0 || sender.send(buffer[..read].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut seen = String::new();
    let mut wait_for = |needle: &str, count: usize| {
        let deadline = Instant::now() + Duration::from_secs(30);
        while seen.matches(needle).count() < count && Instant::now() < deadline {
            if let Ok(bytes) = receiver.recv_timeout(Duration::from_millis(100)) {
                seen.push_str(&String::from_utf8_lossy(&bytes));
            }
        }
        seen.clone()
    };
    let first = wait_for("watching", 1);
    assert!(first.contains("watching"), "{first}");
    assert!(!first.contains("SC002"), "{first}");
    // Over-claim: the linter must notice without being asked again.
    std::fs::write(
        &story,
        original.replace("a team of 14 engineers", "an org of 400 engineers"),
    )
    .unwrap();
    let second = wait_for("watching", 2);
    let _ = child.kill();
    let _ = child.wait();
    assert!(second.contains("SC002"), "{second}");
}

#[test]
fn hostile_numbers_give_valid_json() {
    let dir = tempfile::tempdir().unwrap();
    let digits = "9".repeat(100_000);
    let story = format!(
        "(\n    title: \"Numbers\",\n    level: L6,\n    situation: \"I led 9999999999 engineers and {digits} people.\",\n    task: \"We saved $1e308 and ${digits}M over {digits} months.\",\n    action: \"A team of 18446744073709551616 engineers 😀 فريق \\u{{202e}}x.\",\n    result: \"It took 1.7976931348623157e308 years.\",\n)\n"
    );
    std::fs::write(dir.path().join("numbers.ron"), story).unwrap();
    let output = starbank()
        .args(["lint", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let value: Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    let story = &value["stories"][0];
    for figure in story["figures"]
        .as_array()
        .unwrap()
        .iter()
        .chain(story["other_figures"].as_array().unwrap())
    {
        let number = figure["value"].as_f64().expect("a number");
        assert!(number.is_finite(), "{figure}");
    }
}

#[test]
fn two_mistakes_in_one_config_are_each_placed_at_their_own_line() {
    let dir = tempfile::tempdir().unwrap();
    let bank = dir.path().join("bank");
    common::copy_bundled_stories(&bank);
    std::fs::write(
        bank.join("starbank.ron"),
        "(\n    disable: [\"ST999\"],\n\n\n    enable: [\"XX123\"],\n)\n",
    )
    .unwrap();
    let out = starbank()
        .args(["lint", "--format", "short"])
        .arg(&bank)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let place = |code: &str| {
        text.lines()
            .find(|line| line.contains(code))
            .and_then(|line| line.split(": ").next())
            .map(|place| place.rsplit('/').next().unwrap_or(place).to_string())
    };
    assert_eq!(
        place("ST999").as_deref(),
        Some("starbank.ron:2:16"),
        "{text}"
    );
    assert_eq!(
        place("XX123").as_deref(),
        Some("starbank.ron:5:15"),
        "{text}"
    );
}
