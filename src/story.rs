//! The story model: one STAR story, loaded from one RON file, with the location of every
//! field and section in that file.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::LoadError;
use crate::source::{scan_fields, FieldSpan, LineIndex, Position, StringLiteral};

/// A file larger than this is not a story: refuse it rather than slow everything down.
pub const MAX_STORY_BYTES: u64 = 1024 * 1024;

/// The level a story is written for, or that it reads at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Level {
    L6,
    L7,
}

impl Level {
    pub const ALL: [Level; 2] = [Level::L6, Level::L7];

    pub fn as_str(self) -> &'static str {
        match self {
            Level::L6 => "L6",
            Level::L7 => "L7",
        }
    }

    pub fn parse(text: &str) -> Option<Level> {
        match text.trim().to_ascii_uppercase().as_str() {
            "L6" | "6" => Some(Level::L6),
            "L7" | "7" => Some(Level::L7),
            _ => None,
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The four STAR sections, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Situation,
    Task,
    Action,
    Result,
}

impl Section {
    pub const ALL: [Section; 4] = [
        Section::Situation,
        Section::Task,
        Section::Action,
        Section::Result,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Section::Situation => "situation",
            Section::Task => "task",
            Section::Action => "action",
            Section::Result => "result",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Section::Situation => "Situation",
            Section::Task => "Task",
            Section::Action => "Action",
            Section::Result => "Result",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Section {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The fields of a story file, as serde reads them. Sections default to empty so that a draft
/// with an unwritten section still loads (the linter and `check` report it).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Story")]
struct StoryFields {
    title: String,
    #[serde(default)]
    level: Option<Level>,
    #[serde(default)]
    year: Option<u16>,
    #[serde(default)]
    principles: Vec<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    questions: Vec<String>,
    #[serde(default)]
    situation: String,
    #[serde(default)]
    task: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    result: String,
    #[serde(default)]
    short: Option<String>,
    #[serde(default)]
    follow_ups: Vec<String>,
    #[serde(default)]
    allow: Vec<String>,
}

/// Every field a story file may have, for "did you mean" suggestions and docs.
pub const STORY_FIELDS: &[&str] = &[
    "title",
    "level",
    "year",
    "principles",
    "tags",
    "questions",
    "situation",
    "task",
    "action",
    "result",
    "short",
    "follow_ups",
    "allow",
];

/// RON options for every file we read: `IMPLICIT_SOME` lets optional fields be written bare
/// (`year: 2024`, not `year: Some(2024)`), as people write them.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// One loaded story.
#[derive(Debug, Clone)]
pub struct Story {
    /// The file stem.
    pub id: String,
    pub path: PathBuf,
    /// The file's text, as loaded.
    pub source: String,
    pub title: String,
    /// The level written in the file; `None` when the file leaves it to the bank's config.
    pub level: Option<Level>,
    pub year: Option<u16>,
    pub principles: Vec<String>,
    pub tags: Vec<String>,
    pub questions: Vec<String>,
    /// The short version: the 30-45 second telling that opens an answer or serves a
    /// follow-up (optional).
    pub short: Option<String>,
    pub follow_ups: Vec<String>,
    pub allow: Vec<String>,
    /// Each section's text, held once: in its field's string literal (`in_literal`) when
    /// that decodes to what RON read, as it does for every file RON reads; else here.
    sections: [String; 4],
    /// For each section, the index in `fields` of the field whose literal holds its text.
    in_literal: [Option<usize>; 4],
    fields: Vec<FieldSpan>,
    lines: LineIndex,
    /// Each section's word count, counted when first asked for (three rules ask).
    words: std::sync::OnceLock<[usize; 4]>,
    /// The file's size and modification time as it was read ([`Story::load`]); `None` for
    /// a story parsed from text.
    stamp: Option<FileStamp>,
}

/// A file's size and modification time (nanoseconds since the epoch; 0 when unknown), as
/// the kept index records them to tell an unchanged file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    pub size: u64,
    pub modified: u128,
}

impl FileStamp {
    pub fn of(metadata: &std::fs::Metadata) -> FileStamp {
        FileStamp {
            size: metadata.len(),
            modified: metadata
                .modified()
                .ok()
                .and_then(|time| time.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |elapsed| elapsed.as_nanos()),
        }
    }
}

impl Story {
    /// Reads and parses a story file. Every failure is a [`LoadError`] with a location.
    pub fn load(path: &Path) -> Result<Story, LoadError> {
        use std::io::Read;
        // One open and one `stat` of the open file: its size bounds the read and sizes the
        // buffer, and with its time it is the stamp the kept index compares (a bank of
        // 10,000 files is not looked at three times).
        let unreadable = |err: std::io::Error| LoadError::unreadable(path, &err);
        let file = std::fs::File::open(path).map_err(unreadable)?;
        let metadata = file.metadata().map_err(unreadable)?;
        if metadata.len() > MAX_STORY_BYTES {
            return Err(LoadError::too_large(path, metadata.len()));
        }
        let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
        // Through `take`, which reads to the end without asking the file its size again.
        file.take(u64::MAX)
            .read_to_end(&mut bytes)
            .map_err(unreadable)?;
        let mut story = Story::from_bytes(path, bytes)?;
        story.stamp = Some(FileStamp::of(&metadata));
        Ok(story)
    }

    /// Parses a story from a file's bytes, as [`Story::load`] read them: bytes that are not
    /// UTF-8 are a located error, not a panic or a lossy story.
    pub fn from_bytes(path: &Path, bytes: Vec<u8>) -> Result<Story, LoadError> {
        match String::from_utf8(bytes) {
            Ok(source) => Story::parse(path, source),
            Err(err) => Err(LoadError::not_utf8(path, err.as_bytes(), err.utf8_error())),
        }
    }

    /// Parses a story from text; `path` names it (its stem is the id).
    pub fn parse(path: &Path, source: String) -> Result<Story, LoadError> {
        // RON ends a line (and a `//` comment) only at `\n`; a file with old-Mac lone `\r`
        // line ends is read as if each were `\n`, which keeps every byte offset.
        let readable = crate::source::lone_carriage_returns_as_newlines(&source);
        let fields = scan_fields(&readable);
        // Editors on Windows start UTF-8 files with a byte-order mark, which RON rejects. The
        // story keeps it (a save changes no byte outside a section), the parser skips it, and
        // an error is placed in the text after it, where an editor counts columns.
        let body = readable.strip_prefix('\u{feff}').unwrap_or(&readable);
        let parsed: StoryFields = match ron_options().from_str(body) {
            Ok(parsed) => parsed,
            Err(err) => {
                let body_fields = scan_fields(body);
                return Err(LoadError::from_ron(
                    path,
                    body,
                    &body_fields,
                    &err,
                    STORY_FIELDS,
                ));
            }
        };
        let id = path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default();
        let lines = LineIndex::new(&source);
        let mut sections = [parsed.situation, parsed.task, parsed.action, parsed.result];
        let mut in_literal = [None; 4];
        for (section, text) in Section::ALL.into_iter().zip(&mut sections) {
            // The first field of the name is the one `section_literal` finds.
            let Some(at) = fields.iter().position(|f| f.name == section.as_str()) else {
                continue;
            };
            if fields[at].strings.first().is_some_and(|l| l.value == *text) {
                in_literal[section.index()] = Some(at);
                *text = String::new();
            }
        }
        Ok(Story {
            id,
            path: path.to_path_buf(),
            title: parsed.title,
            level: parsed.level,
            year: parsed.year,
            principles: parsed.principles,
            tags: parsed.tags,
            questions: parsed.questions,
            short: parsed.short,
            follow_ups: parsed.follow_ups,
            allow: parsed.allow,
            sections,
            in_literal,
            fields,
            lines,
            source,
            words: std::sync::OnceLock::new(),
            stamp: None,
        })
    }

    pub fn section(&self, section: Section) -> &str {
        match self.in_literal[section.index()] {
            Some(at) => &self.fields[at].strings[0].value,
            None => &self.sections[section.index()],
        }
    }

    /// All four sections with their names, in STAR order.
    pub fn sections(&self) -> impl Iterator<Item = (Section, &str)> {
        Section::ALL.into_iter().map(|s| (s, self.section(s)))
    }

    /// The field as written in the file, if it is there.
    pub fn field_span(&self, name: &str) -> Option<&FieldSpan> {
        self.fields.iter().find(|field| field.name == name)
    }

    /// The string literal of a section, if the file has it.
    pub fn section_literal(&self, section: Section) -> Option<&StringLiteral> {
        self.field_span(section.as_str())?.strings.first()
    }

    /// The 1-based line and column of a byte offset, for printing.
    pub fn position(&self, offset: usize) -> Position {
        self.lines.position(&self.source, offset)
    }

    pub fn line_text(&self, line: usize) -> &str {
        self.lines.line_text(&self.source, line)
    }

    /// Where a phrase of a section (a byte range of its decoded text) is in the file, as a
    /// byte range. Falls back to the section's field, or the file start, when it cannot be
    /// exact.
    pub fn locate(&self, section: Section, decoded: Range<usize>) -> Range<usize> {
        if let Some(at) = self.in_literal[section.index()] {
            return self.fields[at].strings[0].source_range(decoded);
        }
        match self.section_literal(section) {
            Some(literal) if literal.value == self.section(section) => {
                literal.source_range(decoded)
            }
            _ => self.field_or_start(section.as_str()),
        }
    }

    /// The bytes of a field's name, or the file's start when the field is absent.
    pub fn field_or_start(&self, name: &str) -> Range<usize> {
        match self.field_span(name) {
            Some(field) => field.name_span.clone(),
            None => 0..0,
        }
    }

    /// The bytes of the `index`th string of a list field (`questions`, `principles`, `allow`).
    pub fn list_item_span(&self, field: &str, index: usize) -> Range<usize> {
        match self.field_span(field).and_then(|f| f.strings.get(index)) {
            Some(literal) => literal.span.clone(),
            None => self.field_or_start(field),
        }
    }

    /// The bytes of a field's value, or where a missing field would go: the story's closing
    /// parenthesis.
    pub fn value_or_closing_span(&self, field: &str) -> Range<usize> {
        match self.field_span(field) {
            Some(found) => {
                let value = &found.value_span;
                let text = &self.source[value.clone()];
                let end = value.start + text.trim_end().len();
                value.start..end.max(value.start + 1).min(self.source.len())
            }
            None => {
                let close = self.source.rfind(')').unwrap_or(0);
                close..(close + 1).min(self.source.len())
            }
        }
    }

    /// What is wrong with a section that has no text, as (message, help); `None` when it
    /// has text. `check` reports it as a load error, the linter as ST001.
    pub fn section_problem(&self, section: Section) -> Option<(String, String)> {
        if !self.section(section).trim().is_empty() {
            return None;
        }
        Some(match self.section_literal(section) {
            Some(_) => (
                format!("section `{section}` is empty"),
                format!("write the {} of the story", section.title()),
            ),
            None => (
                format!("missing section `{section}`"),
                format!("add `{section}: \"...\",`"),
            ),
        })
    }

    /// The file's size and time when [`Story::load`] read it.
    pub fn stamp(&self) -> Option<FileStamp> {
        self.stamp
    }

    /// The number of words in the four sections.
    pub fn word_count(&self) -> usize {
        self.words().iter().sum()
    }

    /// The number of words in one section ([`count_words`]).
    pub fn section_words(&self, section: Section) -> usize {
        self.words()[section.index()]
    }

    fn words(&self) -> &[usize; 4] {
        self.words
            .get_or_init(|| Section::ALL.map(|section| count_words(self.section(section))))
    }
}

/// Words as a reader counts them: runs of letters, digits and apostrophes (`'` or `’`)
/// that hold a letter or a digit.
pub fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut words = 0;
    // Whether the current run of word characters has been counted (it has a letter or digit).
    let mut counted = false;
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        // ASCII is read byte by byte; anything else as the character it starts.
        let (alphanumeric, apostrophe) = if byte.is_ascii() {
            at += 1;
            (byte.is_ascii_alphanumeric(), byte == b'\'')
        } else {
            let c = text[at..].chars().next().unwrap_or(' ');
            at += c.len_utf8();
            (c.is_alphanumeric(), c == '’')
        };
        if alphanumeric && !counted {
            words += 1;
            counted = true;
        } else if !alphanumeric && !apostrophe {
            counted = false;
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words() {
        assert_eq!(count_words("I led a team of 14 engineers."), 7);
        assert_eq!(count_words("  don't -- stop  "), 2);
        assert_eq!(count_words(""), 0);
        assert_eq!(count_words("'' ’ -- 'twas rock’n’roll naïve café 3.5"), 6);
        assert_eq!(count_words("日本語 テキスト"), 2);
    }

    #[test]
    fn counts_words_as_splitting_does() {
        let by_splitting = |text: &str| {
            text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
                .filter(|word| word.chars().any(char::is_alphanumeric))
                .count()
        };
        let pieces = [
            "a", "Z", "9", "'", "’", " ", "-", ".", "é", "ß", "٣", "日", "\u{301}", "\u{a0}", "—",
            "\n", "😀", "x'", "’s",
        ];
        // Every string of up to three pieces.
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let text = format!("{a}{b}{c}");
                    assert_eq!(count_words(&text), by_splitting(&text), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn parses_with_and_without_struct_name() {
        for src in [
            "(title: \"T\", level: L6, situation: \"s\", task: \"t\", action: \"a\", result: \"r\")",
            "Story(title: \"T\", level: L7, situation: \"s\", task: \"t\", action: \"a\", result: \"r\",)",
        ] {
            let story = Story::parse(Path::new("x/my-story.ron"), src.to_string()).unwrap();
            assert_eq!(story.id, "my-story");
            assert_eq!(story.section(Section::Action), "a");
        }
    }
}
