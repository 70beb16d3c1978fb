//! `starbank search`, `map` and `coverage` as a user runs them, on the bundled bank.

use predicates::prelude::*;

use crate::common::{starbank, stdout};

#[test]
fn human_search_ranks_the_turnaround_story_first_and_says_why() {
    let out = stdout(&["search", "turned around a failing team", "--limit", "3"]);
    let first = out.lines().find(|l| l.starts_with(" 1. ")).unwrap();
    assert!(first.contains("payments-oncall-turnaround"), "{out}");
    assert!(out.contains("matched: "), "{out}");
    // Piped output marks matches without escape codes.
    assert!(out.contains("**") && !out.contains('\x1b'), "{out}");
}

#[test]
fn json_search_has_the_documented_shape() {
    let out = stdout(&[
        "search",
        "on-call pages",
        "--format",
        "json",
        "--limit",
        "4",
    ]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let mut keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    assert_eq!(keys, ["hits", "query"]);
    // The documented order, as written.
    let at = |key: &str| out.find(&format!("\"{key}\":")).unwrap();
    assert!(at("query") < at("hits"));
    assert!(at("hits") < at("id") && at("id") < at("path") && at("path") < at("score"));
    assert!(at("score") < at("snippet"));
    assert_eq!(json["query"], "on-call pages");
    let hits = json["hits"].as_array().unwrap();
    assert!(!hits.is_empty() && hits.len() <= 4);
    for hit in hits {
        for key in ["id", "path", "score", "snippet", "section", "matched_terms"] {
            assert!(hit.get(key).is_some(), "{key} in {hit}");
        }
        assert!(hit["score"].as_f64().unwrap() > 0.0);
        let snippet = hit["snippet"].as_str().unwrap();
        for range in hit["highlights"].as_array().unwrap() {
            let (start, end) = (
                range[0].as_u64().unwrap() as usize,
                range[1].as_u64().unwrap() as usize,
            );
            assert!(snippet.get(start..end).is_some(), "{range} in {snippet}");
        }
    }
    let scores: Vec<f64> = hits.iter().map(|h| h["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn question_search_uses_the_question_and_rejects_unknown_ids() {
    let out = stdout(&[
        "search",
        "--question",
        "l6-cost-optimization",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["hits"][0]["id"], "observability-cost-cut");
    starbank()
        .args(["search", "--question", "l6-cost-optimisation"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "did you mean `l6-cost-optimization`?",
        ));
    starbank().args(["search"]).assert().code(2);
}

#[test]
fn query_syntax_never_crashes() {
    for query in [
        "\"unbalanced (",
        "AND OR NOT",
        "title:",
        "+-",
        "\"on call\" -payments",
        "(((",
        // Only stop words and question boilerplate, only punctuation, emoji, right-to-left
        // text with a bidi override: ranked stories or "no story matches", exit 0.
        "the and of to a in tell me about a time you",
        "?!.,;:--…",
        "🚀🔥 team 🚀",
        "\u{202e}فريق الهندسة\u{202c} team",
    ] {
        starbank().args(["search", query]).assert().success();
        starbank()
            .args(["search", query, "--format", "json"])
            .assert()
            .success();
    }
}

#[test]
fn level_filter_keeps_only_that_level() {
    let out = stdout(&[
        "search",
        "organization strategy",
        "--level",
        "L7",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    for hit in json["hits"].as_array().unwrap() {
        let path = hit["path"].as_str().unwrap();
        let text =
            std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
                .unwrap();
        assert!(text.contains("level: L7"), "{path}");
    }
}

#[test]
fn map_output() {
    insta::assert_snapshot!("map_human", stdout(&["map"]));
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&["map", "--format", "json", "--level", "L7"])).unwrap();
    assert_eq!(json["level"], "L7");
    let questions = json["questions"].as_array().unwrap();
    assert!(questions
        .iter()
        .all(|q| q["id"].as_str().unwrap().starts_with("l7-")));
    // Explicit links come first.
    for question in questions {
        let linked: Vec<bool> = question["stories"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["linked"].as_bool().unwrap())
            .collect();
        assert!(linked.windows(2).all(|w| w[0] >= w[1]), "{question}");
    }
}

#[test]
fn coverage_output_fits_80_columns() {
    let out = stdout(&["coverage"]);
    for line in out.lines() {
        assert!(line.chars().count() <= 80, "{line}");
    }
    insta::assert_snapshot!("coverage_l6", out);
    insta::assert_snapshot!("coverage_l7", stdout(&["coverage", "--level", "L7"]));
}

#[test]
fn a_ten_thousand_word_query_is_searched_or_finds_nothing() {
    let bank = starbank::bank::Bank::load(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("stories"),
    )
    .unwrap();
    let index =
        starbank::index::StoryIndex::build(&bank.stories, &starbank::prompts::Prompts::builtin())
            .unwrap();
    let words = [
        "team",
        "pager",
        "migration",
        "the",
        "zebra",
        "\"",
        "(",
        "AND",
    ];
    let query: Vec<&str> = (0..10_000).map(|i| words[i % words.len()]).collect();
    let hits = index.search(&starbank::index::SearchQuery::text(query.join(" ")));
    assert!(hits.len() <= 10);
    for hit in &hits {
        assert!(hit.strength.is_finite() && (0.0..=1.0).contains(&hit.strength));
        assert!(hit.score.is_finite());
    }
}
