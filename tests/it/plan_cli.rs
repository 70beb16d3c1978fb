//! `starbank plan` as a user runs it: on the bundled bank, and on banks and loops that are
//! too small, at the wrong level or broken.

use std::path::Path;

use crate::common::starbank;

fn run(args: &[&str]) -> (i32, String, String) {
    let output = starbank().args(args).output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn stdout(args: &[&str]) -> String {
    let (code, out, err) = run(args);
    assert_eq!(code, 0, "{args:?}: {err}");
    out
}

/// A bank folder with just these bundled stories (and no prompts/ beside it).
fn bank_of(dir: &Path, stories: &[&str]) -> String {
    let bank = dir.join("bank");
    std::fs::create_dir_all(&bank).unwrap();
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("stories");
    for story in stories {
        let name = format!("{story}.ron");
        std::fs::copy(bundled.join(&name), bank.join(&name)).unwrap();
    }
    bank.display().to_string()
}

#[test]
fn plan_snapshots_on_the_bundled_bank() {
    insta::assert_snapshot!("plan_l7_human", stdout(&["plan", "--level", "L7"]));
    insta::assert_snapshot!("plan_l6_human", stdout(&["plan", "--level", "L6"]));
    insta::assert_snapshot!(
        "plan_l7_markdown",
        stdout(&["plan", "--level", "L7", "--format", "markdown"])
    );
    insta::assert_snapshot!(
        "plan_l7_json",
        stdout(&["plan", "--level", "L7", "--format", "json"])
    );
}

#[test]
fn json_plan_never_tells_a_story_twice_and_fills_every_story_round() {
    for level in ["L6", "L7"] {
        let out = stdout(&["plan", "--level", level, "--format", "json"]);
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(json["level"], level);
        let mut told = Vec::new();
        let mut backups = Vec::new();
        for round in json["rounds"].as_array().unwrap() {
            let slots = round["slots"].as_array().unwrap();
            assert_eq!(
                slots.len() as u64,
                round["stories"].as_u64().unwrap(),
                "{round}"
            );
            for slot in slots {
                let likely = round["likely"].as_array().unwrap();
                assert!(likely.contains(&slot["question"]), "{slot}");
                told.push(slot["tell"]["story"].as_str().unwrap().to_string());
                if let Some(backup) = slot["backup"]["story"].as_str() {
                    backups.push(backup.to_string());
                }
            }
        }
        let count = told.len();
        told.sort();
        told.dedup();
        assert_eq!(told.len(), count, "{level}: a story told twice");
        for backup in &backups {
            assert!(
                !told.contains(backup),
                "{level}: backup {backup} is also told"
            );
        }
        let total: f64 = json["rounds"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|r| r["slots"].as_array().unwrap().iter())
            .map(|s| s["tell"]["strength"].as_f64().unwrap())
            .sum();
        assert!((total - json["total_strength"].as_f64().unwrap()).abs() < 0.01);
    }
}

#[test]
fn a_bank_with_fewer_stories_than_slots_says_so_and_still_plans() {
    let dir = tempfile::tempdir().unwrap();
    let bank = bank_of(
        dir.path(),
        &["seller-org-senior-managers", "realtime-inventory-strategy"],
    );
    let (code, out, err) = run(&["plan", "--bank", &bank, "--level", "L7"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("the loop hears 10 stories and the bank has 2: 8 slots stay empty"),
        "{out}"
    );
    assert!(out.contains("tell     none"), "{out}");
    let json: serde_json::Value = serde_json::from_str(&stdout(&[
        "plan", "--bank", &bank, "--level", "L7", "--format", "json",
    ]))
    .unwrap();
    assert_eq!(json["thin"]["too_few_stories"]["stories"], 2);
}

#[test]
fn an_empty_bank_and_a_bank_at_the_other_level_are_planned_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let bank = bank_of(dir.path(), &[]);
    let (code, out, err) = run(&["plan", "--bank", &bank]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("the bank has 0"), "{out}");

    let l6_only = bank_of(
        &dir.path().join("l6"),
        &["payments-oncall-turnaround", "vat-invoicing-three-teams"],
    );
    let (code, out, err) = run(&["plan", "--bank", &l6_only, "--level", "L7"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("no story in the bank is written for L7"),
        "{out}"
    );
}

#[test]
fn a_loop_with_zero_rounds_or_duplicate_names_is_shown_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let bank = bank_of(dir.path(), &["payments-oncall-turnaround"]);
    let prompts = dir.path().join("prompts");
    std::fs::create_dir_all(&prompts).unwrap();
    std::fs::write(
        prompts.join("loop.ron"),
        "(loops: [\n    (level: L6, rounds: []),\n])\n",
    )
    .unwrap();
    let (code, out, err) = run(&["plan", "--bank", &bank, "--level", "L6"]);
    assert_eq!(code, 1, "{out}");
    assert!(err.contains("the L6 loop has no rounds"), "{err}");
    assert!(err.contains("prompts/loop.ron:2:"), "{err}");

    std::fs::write(
        prompts.join("loop.ron"),
        "(loops: [(level: L6, rounds: [\n  (name: \"Bar Raiser\", minutes: 60, focus: \"a\", stories: 1, themes: [\"delegation\"]),\n  (name: \"Bar Raiser\", minutes: 60, focus: \"b\", stories: 1, themes: [\"team-conflict\"]),\n])])\n",
    )
    .unwrap();
    let (code, _, err) = run(&["plan", "--bank", &bank, "--level", "L6"]);
    assert_eq!(code, 1);
    assert!(err.contains("two rounds named \"Bar Raiser\""), "{err}");
    assert!(err.contains("loop.ron:3:10"), "{err}");
    assert!(!err.contains("panicked"), "{err}");

    // A loop.ron that does not parse is a file that cannot be read: exit 2.
    std::fs::write(prompts.join("loop.ron"), "(loops: [(level: L9)])").unwrap();
    let (code, _, err) = run(&["plan", "--bank", &bank]);
    assert_eq!(code, 2);
    assert!(err.contains("loop.ron:1:"), "{err}");
}

#[test]
fn the_bank_config_replaces_a_levels_loop() {
    let dir = tempfile::tempdir().unwrap();
    let bank = bank_of(
        dir.path(),
        &["seller-org-senior-managers", "payments-oncall-turnaround"],
    );
    std::fs::write(
        Path::new(&bank).join("starbank.ron"),
        "(loops: [(level: L7, rounds: [(name: \"Hiring manager\", minutes: 45, focus: \"Managers\", stories: 1, rounds: [\"Organizational: transformation\"], probes_scope: true)])])",
    )
    .unwrap();
    let out = stdout(&["plan", "--bank", &bank, "--level", "L7"]);
    assert!(
        out.starts_with("L7 loop plan: 1 story to tell in 1 round"),
        "{out}"
    );
    assert!(out.contains("Hiring manager · 45 min · Managers"), "{out}");
    assert!(out.contains("seller-org-senior-managers"), "{out}");
    assert!(!out.contains("Executive"), "{out}");
}

#[test]
fn plan_on_a_generated_bank_of_1000_stories_is_quick() {
    let dir = tempfile::tempdir().unwrap();
    let bank = dir.path().join("bank");
    starbank::generate::write_bank(&bank, 1000, 7).unwrap();
    // The first run builds the index on disk; the timed run reuses it, as a user's does.
    let bank = bank.display().to_string();
    stdout(&["plan", "--bank", &bank, "--level", "L7", "--format", "json"]);
    let started = std::time::Instant::now();
    let out = stdout(&["plan", "--bank", &bank, "--level", "L7", "--format", "json"]);
    let took = started.elapsed();
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["stories"], 1000);
    // Debug builds are several times slower than release (which plans in well under
    // 200 ms, see README); this bound only catches an accidental quadratic.
    assert!(took.as_secs_f64() < 5.0, "{took:?}");
}
