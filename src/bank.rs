//! The bank: a folder of story files, walked recursively, loaded with its config.
//! One bad file never stops the others from loading.

use std::path::{Path, PathBuf};

use crate::config::{Config, CONFIG_FILE};
use crate::error::LoadError;
use crate::story::{Level, Section, Story};

/// A loaded bank: the stories that loaded, the files that did not, and the config.
#[derive(Debug, Clone, Default)]
pub struct Bank {
    pub root: PathBuf,
    pub stories: Vec<Story>,
    pub errors: Vec<LoadError>,
    pub config: Config,
}

/// Why a bank could not be opened at all.
#[derive(Debug, thiserror::Error)]
pub enum BankError {
    #[error("bank folder `{0}` does not exist; pass --bank DIR, or run from the folder that holds `stories/`")]
    NotFound(PathBuf),
    #[error("`{0}` is not a folder or a .ron file")]
    NotAFolder(PathBuf),
    #[error("cannot read `{path}`: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl Bank {
    /// Loads every `.ron` story under `root` (and `root/starbank.ron` as config).
    pub fn load(root: &Path) -> Result<Bank, BankError> {
        Bank::load_paths(root, &[root.to_path_buf()])
    }

    /// Loads the stories named by `paths` (files or folders), with the config of `root`.
    pub fn load_paths(root: &Path, paths: &[PathBuf]) -> Result<Bank, BankError> {
        let mut files = Vec::new();
        for path in paths {
            if !path.exists() {
                return Err(BankError::NotFound(path.clone()));
            }
            if path.is_dir() {
                walk(path, &mut files)?;
            } else if path.extension().is_some_and(|ext| ext == "ron") {
                files.push(path.clone());
            } else {
                return Err(BankError::NotAFolder(path.clone()));
            }
        }
        files.sort();
        files.dedup();
        let mut bank = Bank {
            root: root.to_path_buf(),
            ..Bank::default()
        };
        match Config::load(root) {
            Ok(config) => bank.config = config,
            Err(err) => bank.errors.push(err),
        }
        // Room for every story at once: a story is a few hundred bytes to move, and a bank of
        // 10,000 grown one push at a time was 5% of a lint.
        bank.stories.reserve_exact(files.len());
        for result in load_all(&files) {
            match result {
                Ok(story) => bank.stories.push(story),
                Err(err) => bank.errors.push(err),
            }
        }
        disambiguate_ids(root, &mut bank.stories);
        Ok(bank)
    }

    /// The level a story is judged against: its own, else the config's.
    pub fn target_level(&self, story: &Story) -> Option<Level> {
        story.level.or(self.config.level)
    }

    pub fn story(&self, id: &str) -> Option<&Story> {
        self.stories.iter().find(|story| story.id == id)
    }

    /// Problems that make a loaded story incomplete (an empty or missing section, no level
    /// anywhere): `check` reports them as errors; the linter reports them as findings.
    pub fn completeness_errors(&self) -> Vec<LoadError> {
        let mut errors = Vec::new();
        for story in &self.stories {
            for section in Section::ALL {
                let Some((message, help)) = story.section_problem(section) else {
                    continue;
                };
                errors.push(story_error(story, section.as_str(), message, help));
            }
            if self.target_level(story).is_none() {
                errors.push(story_error(
                    story,
                    "level",
                    "missing field `level`".into(),
                    "add `level: L6,` or `level: L7,`, or set `level` in the bank's starbank.ron"
                        .into(),
                ));
            }
        }
        errors
    }
}

fn story_error(story: &Story, field: &str, message: String, help: String) -> LoadError {
    LoadError::at(
        &story.path,
        &story.source,
        story.value_or_closing_span(field),
        message,
        Some(help),
    )
}

/// Loads files on all cores (see [`crate::parallel`]): reading and parsing dominate for
/// large banks. The results are in `files`' order.
pub(crate) fn load_all(files: &[PathBuf]) -> Vec<Result<Story, LoadError>> {
    use rayon::prelude::*;
    files.par_iter().map(|file| Story::load(file)).collect()
}

/// Collects `.ron` files under `dir`, skipping hidden folders (`.git`, `.starbank`),
/// `target/`, symlinked folders (no loops) and the bank config.
fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), BankError> {
    let entries = std::fs::read_dir(dir).map_err(|source| BankError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        if file_type.is_dir() {
            if !name.starts_with('.') && name != "target" {
                walk(&path, files)?;
            }
        } else if name.ends_with(".ron") && name != CONFIG_FILE && !name.starts_with('.') {
            files.push(path);
        }
    }
    Ok(())
}

/// A story's id is its file stem; two files with the same stem in different sub-folders
/// (`team/retro.ron`, `org/retro.ron`) get their path below the bank instead
/// (`team/retro`, `org/retro`), so no finding, link or search hit can mean either.
pub fn disambiguate_ids(root: &Path, stories: &mut [Story]) {
    let paths: Vec<&Path> = stories.iter().map(|story| story.path.as_path()).collect();
    let ids = story_ids(root, &paths);
    for (story, id) in stories.iter_mut().zip(ids) {
        story.id = id;
    }
}

/// The ids of the stories in these files (the ones that loaded), in order: see
/// [`disambiguate_ids`]. A function of the paths alone, so an index kept on disk can tell
/// which ids a new file changes without reading the others.
pub fn story_ids(root: &Path, paths: &[&Path]) -> Vec<String> {
    let stem = |path: &Path| {
        path.file_stem()
            .map_or(String::new(), |stem| stem.to_string_lossy().into_owned())
    };
    let mut count: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for path in paths {
        *count.entry(stem(path)).or_default() += 1;
    }
    paths
        .iter()
        .map(|path| {
            let id = stem(path);
            if count[&id] < 2 {
                return id;
            }
            let relative = path.strip_prefix(root).unwrap_or(path);
            let parts: Vec<String> = relative
                .with_extension("")
                .components()
                .map(|part| part.as_os_str().to_string_lossy().into_owned())
                .collect();
            parts.join("/")
        })
        .collect()
}

/// The story files of the bank at `root`, sorted, as [`Bank::load`] finds them.
pub fn story_files(root: &Path) -> Result<Vec<PathBuf>, BankError> {
    if !root.exists() {
        return Err(BankError::NotFound(root.to_path_buf()));
    }
    let mut files = Vec::new();
    if root.is_dir() {
        walk(root, &mut files)?;
    } else if root.extension().is_some_and(|ext| ext == "ron") {
        files.push(root.to_path_buf());
    } else {
        return Err(BankError::NotAFolder(root.to_path_buf()));
    }
    files.sort();
    files.dedup();
    Ok(files)
}
