//! New stories: a safe file name from the title, and the template file.

use std::path::{Path, PathBuf};

use crate::story::Level;

use super::save::{encode_plain, write_new, SaveError};

/// The longest slug we make; long titles get cut at a word boundary.
const MAX_SLUG: usize = 60;

/// A file stem from a title: lowercase ASCII letters, digits and single hyphens, nothing else,
/// so no title can name a path outside the bank (`../etc/passwd` becomes `etc-passwd`).
pub fn slug(title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    if slug.len() > MAX_SLUG {
        let cut = slug[..MAX_SLUG].rfind('-').unwrap_or(MAX_SLUG);
        slug.truncate(cut);
    }
    let slug = slug.trim_matches('-').to_string();
    if slug.is_empty() {
        "story".to_string()
    } else {
        slug
    }
}

/// `dir/<slug>.ron`, or `<slug>-2.ron`, `-3`, ... when taken.
pub fn new_story_path(dir: &Path, title: &str) -> PathBuf {
    let stem = slug(title);
    let first = dir.join(format!("{stem}.ron"));
    if !first.exists() {
        return first;
    }
    super::save::free_path(dir, &stem)
}

/// The text of a new story: every field present, the sections empty (the workbench shows the
/// drafting hints in them until they are written).
pub fn story_template(title: &str, level: Level) -> String {
    format!(
        "// Drafted in the starbank workbench.\n(\n    title: {},\n    level: {level},\n    principles: [],\n    tags: [],\n    questions: [],\n    situation: \"\",\n    task: \"\",\n    action: \"\",\n    result: \"\",\n    // The short version: the 30-45 second telling that opens the answer or serves a follow-up.\n    short: \"\",\n)\n",
        encode_plain(title, false)
    )
}

/// Creates the story file; never replaces an existing file.
pub fn create_story(dir: &Path, title: &str, level: Level) -> Result<PathBuf, SaveError> {
    let path = new_story_path(dir, title);
    write_new(&path, story_template(title, level).as_bytes())?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::{Section, Story};

    #[test]
    fn slugs_are_safe() {
        assert_eq!(slug("../etc/passwd"), "etc-passwd");
        assert_eq!(
            slug("Turned around the On-Call team!"),
            "turned-around-the-on-call-team"
        );
        assert_eq!(slug("/"), "story");
        assert_eq!(slug("C:\\Windows\\x"), "c-windows-x");
        assert_eq!(slug("Équipe de 14"), "quipe-de-14");
        assert!(slug(&"word ".repeat(40)).len() <= MAX_SLUG);
    }

    #[test]
    fn template_parses_with_empty_sections() {
        let text = story_template("A \"quoted\" title", Level::L7);
        let story = Story::parse(Path::new("x.ron"), text).unwrap();
        assert_eq!(story.title, "A \"quoted\" title");
        assert_eq!(story.level, Some(Level::L7));
        for section in Section::ALL {
            assert_eq!(story.section(section), "");
            assert!(story.section_literal(section).is_some());
        }
        // The short version is offered, empty (and an empty one is no finding).
        assert_eq!(story.short.as_deref(), Some(""));
    }

    #[test]
    fn never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let first = create_story(dir.path(), "Same", Level::L6).unwrap();
        let second = create_story(dir.path(), "Same", Level::L6).unwrap();
        assert_eq!(first, dir.path().join("same.ron"));
        assert_eq!(second, dir.path().join("same-2.ron"));
    }
}
