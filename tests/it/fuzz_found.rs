//! Every input a fuzzer failed on, replayed through the same property (`fuzz/properties.rs`):
//! files in `tests/fuzz_found/<target>/` for the targets that read bytes or text, and named
//! tests for the ones whose input is structured. A crash found once stays fixed.

use std::path::Path;

use crate::properties;

/// The inputs saved for `target`, by file name.
fn found(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz_found")
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut inputs: Vec<(String, Vec<u8>)> = entries
        .map(|entry| entry.unwrap().path())
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect();
    inputs.sort();
    inputs
}

/// A text target sees the UTF-8 prefix of its bytes, as `arbitrary` hands it a `&str`.
fn text_of(bytes: &[u8]) -> &str {
    match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => std::str::from_utf8(&bytes[..err.valid_up_to()]).unwrap(),
    }
}

#[test]
fn story_load_inputs_hold() {
    let inputs = found("story_load");
    assert!(!inputs.is_empty());
    for (name, bytes) in inputs {
        eprintln!("story_load: {name}");
        properties::story_load(&bytes);
    }
}

#[test]
fn config_load_inputs_hold() {
    for (name, bytes) in found("config_load") {
        eprintln!("config_load: {name}");
        properties::config_load(text_of(&bytes));
    }
}

#[test]
fn figures_inputs_hold() {
    for (name, bytes) in found("figures") {
        eprintln!("figures: {name}");
        properties::figures(text_of(&bytes));
    }
}

#[test]
fn lsp_reader_inputs_hold() {
    for (name, bytes) in found("lsp_reader") {
        eprintln!("lsp_reader: {name}");
        properties::lsp_reader(&bytes);
    }
}

#[test]
fn a_config_number_that_is_not_finite_is_refused_at_its_field() {
    for (text, field, column) in [
        ("(words_per_minute: NaN)", "words_per_minute", 2),
        ("(level: L6, max_minutes: inf)", "max_minutes", 13),
        ("(action_share: NaN)", "action_share", 2),
    ] {
        let error = starbank::config::Config::parse(Path::new("starbank.ron"), text).unwrap_err();
        assert_eq!(
            error.message,
            format!("`{field}` must be a finite number"),
            "{text}"
        );
        assert_eq!((error.start().line, error.start().column), (1, column));
        properties::config_load(text);
    }
    let error = starbank::config::Config::parse(
        Path::new("starbank.ron"),
        "(rubric: { dollars: (l7_from: -inf) })",
    )
    .unwrap_err();
    assert_eq!(error.message, "`rubric` thresholds must be finite numbers");
}

#[test]
fn a_char_literal_escaping_a_multibyte_character_is_an_error_not_a_panic() {
    let source = "(title: 'x\\\u{7e2}', situation: \"s\")";
    let error = starbank::story::Story::parse(Path::new("s.ron"), source.into()).unwrap_err();
    assert_eq!((error.start().line, error.start().column), (1, 9));
    properties::story_load(source.as_bytes());
}

#[test]
fn errors_after_a_byte_order_mark_are_placed_as_an_editor_shows_them() {
    let error = starbank::story::Story::from_bytes(
        Path::new("s.ron"),
        b"\xef\xbb\xbf(title: \"caf\xe9\")".to_vec(),
    )
    .unwrap_err();
    assert_eq!((error.start().line, error.start().column), (1, 13));
    assert_eq!(error.line_text(), "(title: \"caf");
}

#[test]
fn splices_of_each_literal_style_read_back_exactly() {
    for style in 0..4 {
        for section in 0..4 {
            for (old, new) in [
                ("", ""),
                (
                    "a \"quoted\" \\ line\nand \"# more",
                    "r#\"\"# \u{0}\u{1b}[2J\r\n\t",
                ),
                ("multi\nline", "x\u{202e}y\\\n"),
                ("\r", "\"##"),
            ] {
                properties::splice(style, section, old, new);
            }
        }
    }
}

#[test]
fn odd_queries_search_safely() {
    let index = properties::bundled_index();
    for text in [
        "",
        "\"",
        "+",
        "title:",
        "a AND",
        "(((",
        "[1 TO",
        "\u{1b}[31m conflict",
        "a^999999999999",
        "x~99",
        "*",
    ] {
        for options in [0, 5, 21, 47, 255] {
            properties::search_query(&index, options, text);
        }
    }
}

/// Found by `search_query`: an excluded phrase trips a `debug_assert!` in tantivy 0.27's
/// phrase scorer (`PhraseScorer::seek_danger`: "target (0) should be greater than or equal
/// to doc (2147483647)"), which asserts what tantivy's own `seek_danger` contract does not
/// promise. Release builds compile it out; the workspace builds tantivy without debug
/// assertions in every profile (Cargo.toml, fuzz/Cargo.toml), and this input must search
/// safely.
#[test]
fn a_phrase_query_that_trips_tantivys_seek_assertion() {
    let index = properties::bundled_index();
    // And an excluded phrase excludes: every story saying "on-call" is gone, others stay.
    let mut query = starbank::index::SearchQuery::text("team -\"on-call\"");
    query.limit = 20;
    let hits = index.search(&query);
    assert!(hits.len() >= 5, "{hits:?}");
    for hit in &hits {
        let text = std::fs::read_to_string(&hit.path).unwrap().to_lowercase();
        assert!(
            !text.contains("on-call") && !text.contains("on call"),
            "{}",
            hit.id
        );
    }
    for (name, bytes) in found("search_query") {
        eprintln!("search_query: {name}");
        // `(u8, String)` as `arbitrary` builds it: the first byte, then the UTF-8 rest.
        let (options, text) = bytes.split_first().unwrap();
        properties::search_query(&index, *options, text_of(text));
    }
}
