//! The properties the fuzz targets check, one function per target. The fuzz targets call them
//! with generated input; `tests/it/fuzz_found.rs` calls them with every input a fuzzer ever
//! failed on (`tests/fuzz_found/<target>/`), so a crash found once stays fixed. Each panics
//! when its property does not hold.

#![allow(dead_code)]

use std::ops::Range;
use std::path::Path;
use std::sync::mpsc::channel;
use std::sync::OnceLock;

use starbank::config::Config;
use starbank::error::LoadError;
use starbank::figures::extract;
use starbank::index::{SearchQuery, StoryIndex};
use starbank::lint::Linter;
use starbank::lsp::transport::{read_loop, Incoming};
use starbank::prompts::Prompts;
use starbank::snippet::Styles;
use starbank::source::encode_plain;
use starbank::story::{Level, Section, Story, STORY_FIELDS};
use starbank::tui::save::{checked_splice, splice_section};

/// Any bytes as a story file: a story or a located error, never a panic; every location a
/// story, a finding or an error reports is inside the file, on a character boundary, and the
/// printed error has no terminal control character.
pub fn story_load(data: &[u8]) {
    let path = Path::new("bank/fuzz.ron");
    match Story::from_bytes(path, data.to_vec()) {
        Ok(story) => check_story(&story),
        Err(error) => check_error(&error, data),
    }
}

fn linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(|| Linter::new(&Prompts::builtin(), &Config::default()))
}

fn in_file(source: &str, span: &Range<usize>, what: &str) {
    assert!(
        span.start <= span.end && span.end <= source.len(),
        "{what}: {span:?} outside a file of {} bytes",
        source.len()
    );
    assert!(
        source.is_char_boundary(span.start) && source.is_char_boundary(span.end),
        "{what}: {span:?} splits a character"
    );
}

fn check_story(story: &Story) {
    let source = &story.source;
    for name in STORY_FIELDS {
        if let Some(field) = story.field_span(name) {
            in_file(source, &field.name_span, "field name");
            in_file(source, &field.value_span, "field value");
            for literal in &field.strings {
                in_file(source, &literal.span, "literal");
                in_file(source, &literal.content, "literal content");
            }
        }
        in_file(
            source,
            &story.value_or_closing_span(name),
            "value or closing",
        );
    }
    for section in Section::ALL {
        let text = story.section(section);
        in_file(source, &story.locate(section, 0..text.len()), "section");
        for (at, _) in text.char_indices() {
            in_file(source, &story.locate(section, at..text.len()), "phrase");
        }
        let _ = story.section_problem(section);
    }
    let report = linter().lint_story(story);
    for diagnostic in &report.diagnostics {
        if let Some(span) = &diagnostic.span {
            in_file(source, span, diagnostic.code);
            let position = story.position(span.start);
            assert!(position.line >= 1 && position.column >= 1);
        }
    }
    for figure in &report.figures {
        assert!(figure.figure.value.is_finite(), "{figure:?}");
    }
}

fn check_error(error: &LoadError, data: &[u8]) {
    if let Some(span) = &error.span {
        assert!(span.start <= span.end, "{span:?}");
        assert!(span.end <= data.len(), "{span:?} past {} bytes", data.len());
    }
    // The line and column are those of the file as an editor shows it: after a byte-order
    // mark (editors do not show it), with lines ended by \n, \r\n or a lone \r.
    let text = String::from_utf8_lossy(data);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.split('\n').collect();
    let start = error.start();
    assert!(start.line >= 1 && start.line <= lines.len(), "{start:?}");
    let line = lines[start.line - 1];
    assert!(
        start.column >= 1 && start.column <= line.chars().count() + 2,
        "{start:?} on a line of {} characters",
        line.chars().count()
    );
    assert!(
        line.starts_with(error.line_text()),
        "frame line {:?} is not the file's line {line:?}",
        error.line_text()
    );
    let rendered = error.render(Styles::PLAIN, "");
    assert!(
        !rendered.chars().any(|c| c != '\n' && c.is_control()),
        "control character in {rendered:?}"
    );
}

/// Any text as `starbank.ron`: a config or a located error, never a panic; a config that
/// loads has finite, sensible numbers.
pub fn config_load(text: &str) {
    match Config::parse(Path::new("bank/starbank.ron"), text) {
        Ok(config) => {
            for value in [
                config.words_per_minute,
                config.min_minutes,
                config.max_minutes,
                config.action_share,
            ] {
                assert!(value.is_finite(), "{config:?}");
            }
            assert!(config.words_per_minute > 0.0);
            assert!(config.min_minutes <= config.max_minutes);
            let _ = config.apply_to(&Prompts::builtin().rubric);
        }
        Err(error) => {
            if let Some(span) = &error.span {
                assert!(span.start <= span.end && span.end <= text.len(), "{span:?}");
            }
            let lines = starbank::source::line_starts(text).len();
            assert!(error.start().line <= lines, "{:?}", error.start());
            let _ = error.to_string();
        }
    }
}

/// Any text through figure extraction: no panic, every value finite and not negative, every
/// span inside the text on character boundaries, a range's high end not below its low end.
pub fn figures(text: &str) {
    for figure in extract(text) {
        assert!(
            figure.value.is_finite() && figure.value >= 0.0,
            "{figure:?}"
        );
        if let Some(high) = figure.high {
            assert!(high.is_finite() && high >= figure.value, "{figure:?}");
        }
        let span = &figure.span;
        assert!(
            span.start < span.end && span.end <= text.len(),
            "{figure:?}"
        );
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
    }
}

/// The section splice a save writes. After saving text `new` into a section, the file reads
/// back exactly `new` there, the other sections are unchanged, and every byte outside the
/// replaced literal is the same, for escaped (`style` 1), multi-line (2) and raw (3) literals
/// holding `old`; with `style` 0, `old` is the whole file and the save is exact or refused.
pub fn splice(style: u8, section: u8, old: &str, new: &str) {
    let section = Section::ALL[usize::from(section) % 4];
    let literal = match style % 4 {
        0 => None,
        1 => Some(encode_plain(old, false)),
        2 => Some(encode_plain(old, true)),
        _ => {
            let mut fence = String::new();
            while old.contains(&format!("\"{fence}")) {
                fence.push('#');
            }
            Some(format!("r{fence}\"{old}\"{fence}"))
        }
    };
    let source = match &literal {
        None => old.to_string(),
        Some(literal) => story_with(section, literal),
    };
    let Ok(story) = Story::parse(Path::new("bank/fuzz.ron"), source.clone()) else {
        assert!(literal.is_none(), "the template does not parse: {source:?}");
        return;
    };
    if literal.is_some() {
        assert_eq!(
            story.section(section),
            old,
            "the literal does not read back"
        );
    }
    match checked_splice(&story, section, new) {
        Ok(saved) => check_saved(&story, section, new, &saved),
        Err(err) => assert!(
            literal.is_none(),
            "a save of a plain story was refused: {err}\nsource: {source:?}"
        ),
    }
    // The unchecked splice must be exact whenever the literal is the section's text.
    if let Some(found) = story.section_literal(section) {
        if found.value == story.section(section) {
            let saved = splice_section(&story, section, new);
            check_saved(&story, section, new, &saved);
        }
    }
}

fn story_with(section: Section, literal: &str) -> String {
    let mut out = String::from("// kept\nStory(\n    title: \"T\", // kept too\n    level: L6,\n");
    for other in Section::ALL {
        let value = if other == section { literal } else { "\"x\"" };
        out.push_str(&format!("    {other}: {value},\n"));
    }
    out.push_str(")\n// end\n");
    out
}

fn check_saved(story: &Story, section: Section, new: &str, saved: &str) {
    let reread = Story::parse(Path::new("bank/fuzz.ron"), saved.to_string())
        .unwrap_or_else(|err| panic!("the saved file does not parse: {err}\n{saved:?}"));
    assert_eq!(reread.section(section), new);
    for other in Section::ALL {
        if other != section {
            assert_eq!(
                reread.section(other),
                story.section(other),
                "{other} changed"
            );
        }
    }
    assert_eq!(reread.title, story.title);
    if let Some(literal) = story.section_literal(section) {
        let source = &story.source;
        assert_eq!(&saved[..literal.span.start], &source[..literal.span.start]);
        assert!(
            saved.ends_with(&source[literal.span.end..]),
            "the tail changed"
        );
    }
}

/// Any text as a search query (tantivy syntax, quotes, `+`/`-`, `AND`/`OR`, field names,
/// anything): no panic; at most `limit` hits; each snippet and title safe for a terminal
/// with its highlights inside it; scores and strengths finite.
pub fn search_query(index: &StoryIndex, options: u8, text: &str) {
    let mut query = SearchQuery::text(text);
    query.limit = usize::from(options % 16);
    query.expand = options & 16 != 0;
    query.level = match options >> 5 {
        1 => Some(Level::L6),
        2 => Some(Level::L7),
        _ => None,
    };
    let hits = index.search(&query);
    assert!(hits.len() <= query.limit);
    for hit in hits {
        assert!(hit.score.is_finite() && hit.strength.is_finite(), "{hit:?}");
        assert!(
            !hit.snippet
                .chars()
                .chain(hit.title.chars())
                .any(char::is_control),
            "{hit:?}"
        );
        for range in &hit.highlights {
            assert!(
                range.start <= range.end && range.end <= hit.snippet.len(),
                "{hit:?}"
            );
            assert!(hit.snippet.is_char_boundary(range.start));
            assert!(hit.snippet.is_char_boundary(range.end));
        }
    }
}

/// The index the search target queries: the bundled bank.
pub fn bundled_index() -> StoryIndex {
    let stories = Path::new(env!("CARGO_MANIFEST_DIR")).join("../stories");
    let stories = if stories.exists() {
        stories
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("stories")
    };
    let bank = starbank::bank::Bank::load(&stories).expect("the bundled bank loads");
    StoryIndex::build(&bank.stories, &Prompts::builtin()).expect("the index builds")
}

/// Any byte stream as the language server's input: the reader never panics, always ends
/// with one `Closed`, and never hands on more messages than the input has bytes.
pub fn lsp_reader(data: &[u8]) {
    let (sender, receiver) = channel();
    read_loop(&mut std::io::Cursor::new(data), &sender);
    drop(sender);
    let received: Vec<Incoming> = receiver.into_iter().collect();
    assert!(matches!(received.last(), Some(Incoming::Closed)));
    let closed = received
        .iter()
        .filter(|incoming| matches!(incoming, Incoming::Closed))
        .count();
    assert_eq!(closed, 1);
    assert!(received.len() <= data.len() + 1);
}
