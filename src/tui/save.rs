//! Saving one edited section: splice its string literal into the file and nothing else, then
//! write atomically. A file that changed on disk since it was loaded is never overwritten
//! without asking: the caller gets [`SaveOutcome::Conflict`] and offers the choices.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::source::StringLiteral;
use crate::story::{Section, Story};

/// Why a save failed.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("cannot write `{path}`: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the edited story no longer parses: {0}")]
    Invalid(String),
}

/// What a save did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveOutcome {
    /// The file now holds `source`.
    Saved { source: String },
    /// The file changed on disk since it was loaded; nothing was written.
    Conflict { on_disk: Option<String> },
}

/// The file's text with `section`'s literal replaced by one holding `text`. Every byte outside
/// that literal stays as it was. A section missing from the file is added before the closing
/// parenthesis.
pub fn splice_section(story: &Story, section: Section, text: &str) -> String {
    let source = &story.source;
    match story.section_literal(section) {
        Some(literal) => {
            let mut out = String::with_capacity(source.len() + text.len());
            out.push_str(&source[..literal.span.start]);
            out.push_str(&encode_like(literal, text));
            out.push_str(&source[literal.span.end..]);
            out
        }
        None => {
            let close = source.rfind(')').unwrap_or(source.len());
            let before = source[..close].trim_end();
            let comma = if before.ends_with(',') || before.ends_with('(') {
                ""
            } else {
                ","
            };
            let mut out = String::with_capacity(source.len() + text.len() + 32);
            out.push_str(before);
            out.push_str(comma);
            let _ = writeln!(out, "\n    {section}: {},", encode_plain(text, false));
            out.push_str(&source[close..]);
            out
        }
    }
}

/// A literal for `text` in the style of the one it replaces: raw stays raw (with enough `#`s),
/// and a string written over several lines keeps real line breaks.
pub fn encode_like(literal: &StringLiteral, text: &str) -> String {
    if literal.raw {
        let original = literal.span.len() - literal.content.len();
        // `r` + hashes + two quotes + hashes.
        let original_hashes = original.saturating_sub(3) / 2;
        let mut hashes = original_hashes;
        while text.contains(&format!("\"{}", "#".repeat(hashes))) {
            hashes += 1;
        }
        let fence = "#".repeat(hashes);
        return format!("r{fence}\"{text}\"{fence}");
    }
    let written_multiline = literal.value.contains('\n')
        && !literal_source_has_escaped_newline(literal, literal.value.as_str());
    encode_plain(text, written_multiline)
}

fn literal_source_has_escaped_newline(literal: &StringLiteral, value: &str) -> bool {
    // The decoded value has a newline; if the literal spans more source bytes per newline
    // than one, it was written as `\n`.
    let newline = value.find('\n').unwrap_or(0);
    let at = literal.source_offset(newline);
    let next = literal.source_offset(newline + 1);
    next - at > 1
}

pub use crate::source::encode_plain;

/// Saves `text` as `section` of `story`, unless the file changed since `story` was loaded.
pub fn save_section(story: &Story, section: Section, text: &str) -> Result<SaveOutcome, SaveError> {
    let on_disk = read_if_exists(&story.path)?;
    if on_disk.as_deref() != Some(story.source.as_str()) {
        return Ok(SaveOutcome::Conflict { on_disk });
    }
    let source = checked_splice(story, section, text)?;
    write_atomic(&story.path, source.as_bytes())?;
    Ok(SaveOutcome::Saved { source })
}

/// Saves whatever is on disk: the user chose to overwrite.
pub fn overwrite_section(story: &Story, section: Section, text: &str) -> Result<String, SaveError> {
    let source = checked_splice(story, section, text)?;
    write_atomic(&story.path, source.as_bytes())?;
    Ok(source)
}

/// Writes the edited story beside the original as `<stem>-2.ron` (or the next free name);
/// the original file is left as it is on disk. Returns the new path and text.
pub fn keep_both(
    story: &Story,
    section: Section,
    text: &str,
) -> Result<(PathBuf, String), SaveError> {
    let source = checked_splice(story, section, text)?;
    let dir = story.path.parent().unwrap_or(Path::new("."));
    // The file's own stem: an id may carry the sub-folder (see `bank::disambiguate_ids`).
    let stem = story.path.file_stem().map_or_else(
        || story.id.clone(),
        |stem| stem.to_string_lossy().into_owned(),
    );
    let path = free_path(dir, &stem);
    write_new(&path, source.as_bytes())?;
    Ok((path, source))
}

/// The file's text with `section` holding `text`, checked before anything is written: the
/// new text must parse, read back as exactly `text` in `section`, and leave every other
/// section as it was. A splice that cannot keep those promises (a file the field scanner
/// reads differently from ron) is refused, so a save never writes a file that loses a word.
pub fn checked_splice(story: &Story, section: Section, text: &str) -> Result<String, SaveError> {
    let source = splice_section(story, section, text);
    let saved = Story::parse(&story.path, source.clone())
        .map_err(|err| SaveError::Invalid(err.to_string()))?;
    if saved.section(section) != text {
        return Err(SaveError::Invalid(format!(
            "the file would not read back the edited {section}; copy your text, then edit the \
             file in a text editor"
        )));
    }
    if let Some(other) = Section::ALL
        .into_iter()
        .find(|&other| other != section && saved.section(other) != story.section(other))
    {
        return Err(SaveError::Invalid(format!(
            "saving the {section} would change the {other}; copy your text, then edit the file \
             in a text editor"
        )));
    }
    Ok(source)
}

/// `dir/<stem>-2.ron`, `-3`, ... : the first name not taken.
pub fn free_path(dir: &Path, stem: &str) -> PathBuf {
    (2..)
        .map(|n| dir.join(format!("{stem}-{n}.ron")))
        .find(|path| !path.exists())
        .unwrap_or_else(|| dir.join(format!("{stem}-copy.ron")))
}

fn read_if_exists(path: &Path) -> Result<Option<String>, SaveError> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(Some(String::from_utf8_lossy(&bytes).into_owned())),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(SaveError::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// Writes a temporary file in the same folder, flushes it to disk, then renames it over `path`,
/// so a crash leaves either the old file or the new one, never half of one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let io = |source| SaveError::Io {
        path: path.to_path_buf(),
        source,
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        if let Ok(metadata) = std::fs::metadata(path) {
            let _ = std::fs::set_permissions(&temp, metadata.permissions());
        }
        std::fs::rename(&temp, path)?;
        if let Ok(dir) = std::fs::File::open(dir) {
            let _ = dir.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result.map_err(io)
}

/// Creates a new file; fails rather than replace one that exists.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let io = |source| SaveError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(io)?;
    file.write_all(bytes).map_err(io)?;
    file.sync_all().map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(source: &str) -> Story {
        Story::parse(Path::new("bank/s.ron"), source.to_string()).unwrap()
    }

    const SOURCE: &str = "// keep me\n(\n    title: \"T\",  // and me\n    level: L6,\n    situation: \"S \\\"q\\\"\",\n    task: \"T\",\n    action: r#\"raw \"a\"\"#,\n    result: \"line one\nline two\",\n)\n";

    #[test]
    fn splice_touches_only_the_literal() {
        let s = story(SOURCE);
        let text = "New \"quoted\" text \\ with\nnewline and \u{1b} escape";
        let out = splice_section(&s, Section::Situation, text);
        let span = s.section_literal(Section::Situation).unwrap().span.clone();
        assert_eq!(&out[..span.start], &SOURCE[..span.start]);
        let tail = &SOURCE[span.end..];
        assert!(out.ends_with(tail));
        let reparsed = story(&out);
        assert_eq!(reparsed.section(Section::Situation), text);
    }

    #[test]
    fn raw_and_multiline_literals_keep_their_style() {
        let s = story(SOURCE);
        let out = splice_section(&s, Section::Action, "has \"# inside");
        assert!(out.contains("r##\"has \"# inside\"##"), "{out}");
        assert_eq!(story(&out).section(Section::Action), "has \"# inside");
        let out = splice_section(&s, Section::Result, "a\nb");
        assert!(out.contains("result: \"a\nb\""), "{out}");
        assert_eq!(story(&out).section(Section::Result), "a\nb");
    }

    #[test]
    fn missing_section_is_added() {
        let s = story("(title: \"T\", level: L6, situation: \"s\", task: \"t\", action: \"a\")\n");
        let out = splice_section(&s, Section::Result, "r");
        assert_eq!(story(&out).section(Section::Result), "r");
        assert!(out
            .starts_with("(title: \"T\", level: L6, situation: \"s\", task: \"t\", action: \"a\""));
    }

    #[test]
    fn free_path_never_reuses_a_name() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a-2.ron"), "x").unwrap();
        assert_eq!(free_path(dir.path(), "a"), dir.path().join("a-3.ron"));
    }
}
