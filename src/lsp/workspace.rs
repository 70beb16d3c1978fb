//! The banks the open documents belong to: how a file finds its bank, and each bank's
//! config, prompts, linter and bank-wide findings.
//!
//! A story's bank is the nearest folder above it that holds a `starbank.ron` (as git finds
//! `.git`); else the `bank` setting, when the file is inside it; else the nearest folder
//! above it named `stories` (the CLI's default bank). A file in none of these is outside
//! every bank and gets no diagnostics. Prompts come from the `prompts` setting, else a
//! `prompts/` folder beside the bank, else the built-in ones, exactly as the CLI reads them.
//!
//! Bank-wide findings (BK rules) need every story; they are computed when the bank is first
//! opened and on every save, from the open buffers and the files on disk. A file on disk is
//! re-read only when its size or modification time changed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::bank::{disambiguate_ids, story_files, Bank};
use crate::config::{Config, CONFIG_FILE};
use crate::error::LoadError;
use crate::index::StoryIndex;
use crate::lint::{config_errors, Diagnostic, Linter};
use crate::prompts::Prompts;
use crate::story::{Level, Story};

use super::settings::Settings;

/// Finds the bank of a story file (see the module docs).
pub fn find_bank_root(file: &Path, settings: &Settings, workspace: &[PathBuf]) -> Option<PathBuf> {
    let folder = file.parent()?;
    if let Some(root) = folder
        .ancestors()
        .find(|dir| dir.join(CONFIG_FILE).is_file())
    {
        return Some(root.to_path_buf());
    }
    if let Some(bank) = &settings.bank {
        let bank = resolve(bank, workspace);
        if file.starts_with(&bank) {
            return Some(bank);
        }
    }
    folder
        .ancestors()
        .find(|dir| dir.file_name().is_some_and(|name| name == "stories"))
        .map(Path::to_path_buf)
}

/// A setting's path: absolute, or relative to the first workspace folder.
pub fn resolve(path: &Path, workspace: &[PathBuf]) -> PathBuf {
    match workspace.first() {
        Some(root) if path.is_relative() => root.join(path),
        _ => path.to_path_buf(),
    }
}

/// A story file as last read from disk.
#[derive(Debug)]
struct OnDisk {
    stamp: (u64, Option<SystemTime>),
    story: Option<Story>,
}

/// One bank's findings about the bank as a whole, as of the last bank lint.
#[derive(Debug, Default)]
pub struct BankFindings {
    /// Per story file: the text that was linted and its findings (byte spans in that text).
    pub by_path: HashMap<PathBuf, (String, Vec<Diagnostic>)>,
    /// Findings about no one story (fewer than ten stories, an uncovered question).
    pub whole: Vec<Diagnostic>,
}

/// A bank the server has open.
#[derive(Debug)]
pub struct BankState {
    pub root: PathBuf,
    pub config: Config,
    /// A `starbank.ron` that does not load, or names rules that do not exist.
    pub config_errors: Vec<LoadError>,
    pub prompts: Prompts,
    /// Where the prompts came from; `None` for the built-in ones.
    pub prompts_dir: Option<PathBuf>,
    pub prompts_error: Option<LoadError>,
    pub linter: Linter,
    pub findings: BankFindings,
    disk: HashMap<PathBuf, OnDisk>,
    /// The stories of the last bank lint, for the question index.
    stories: Vec<Story>,
    index: Option<StoryIndex>,
}

impl BankState {
    pub fn open(root: PathBuf, settings: &Settings, workspace: &[PathBuf]) -> BankState {
        let explicit = settings.prompts.as_ref().map(|dir| resolve(dir, workspace));
        let prompts_dir = Prompts::discover(explicit.as_deref(), &root);
        let (prompts, prompts_error) = match Prompts::load(prompts_dir.as_deref()) {
            Ok(prompts) => (prompts, None),
            Err(err) => (Prompts::builtin(), Some(err)),
        };
        let mut bank = BankState {
            linter: Linter::new(&prompts, &Config::default()),
            root,
            config: Config::default(),
            config_errors: Vec::new(),
            prompts,
            prompts_dir,
            prompts_error,
            findings: BankFindings::default(),
            disk: HashMap::new(),
            stories: Vec::new(),
            index: None,
        };
        bank.reload_config(settings.level);
        bank
    }

    /// Re-reads `starbank.ron` and rebuilds the linter (also when the level setting changes).
    pub fn reload_config(&mut self, level: Option<Level>) {
        self.config_errors.clear();
        self.config = match Config::load(&self.root) {
            Ok(config) => config,
            Err(err) => {
                self.config_errors.push(err);
                Config::default()
            }
        };
        let probe = Bank {
            root: self.root.clone(),
            config: self.config.clone(),
            ..Bank::default()
        };
        self.config_errors
            .extend(config_errors(&probe, &self.prompts.rubric));
        self.linter = Linter::new(&self.prompts, &self.config).with_level(level);
    }

    pub fn config_path(&self) -> PathBuf {
        self.root.join(CONFIG_FILE)
    }

    /// Lints the bank as a whole: open buffers (by path) stand in for their files on disk.
    pub fn lint_bank(&mut self, open: &HashMap<PathBuf, &str>) {
        let files = match story_files(&self.root) {
            Ok(files) => files,
            Err(err) => {
                eprintln!("starbank lsp: cannot list {}: {err}", self.root.display());
                return;
            }
        };
        let mut stories = Vec::with_capacity(files.len());
        for file in &files {
            let story = match open.get(file) {
                Some(text) => Story::parse(file, (*text).to_string()).ok(),
                None => self.read(file),
            };
            stories.extend(story);
        }
        // Open buffers not yet saved under the bank still count.
        for (path, text) in open {
            if !files.contains(path) && path.starts_with(&self.root) && is_story_path(path) {
                stories.extend(Story::parse(path, (*text).to_string()).ok());
            }
        }
        self.disk.retain(|path, _| files.contains(path));
        disambiguate_ids(&self.root, &mut stories);
        let report = self
            .linter
            .lint_stories(&self.root, &stories, Vec::new(), true);
        let mut findings = BankFindings::default();
        for diagnostic in report.bank {
            match stories.iter().find(|story| story.path == diagnostic.path) {
                Some(story) if diagnostic.span.is_some() => {
                    findings
                        .by_path
                        .entry(story.path.clone())
                        .or_insert_with(|| (story.source.clone(), Vec::new()))
                        .1
                        .push(diagnostic);
                }
                _ => findings.whole.push(diagnostic),
            }
        }
        self.findings = findings;
        self.stories = stories;
        self.index = None;
    }

    /// A story file from disk, re-read only when its size or modification time changed.
    fn read(&mut self, path: &Path) -> Option<Story> {
        let metadata = std::fs::metadata(path).ok()?;
        let stamp = (metadata.len(), metadata.modified().ok());
        if let Some(cached) = self.disk.get(path).filter(|cached| cached.stamp == stamp) {
            return cached.story.clone();
        }
        let story = Story::load(path).ok();
        self.disk.insert(
            path.to_path_buf(),
            OnDisk {
                stamp,
                story: story.clone(),
            },
        );
        story
    }

    /// The questions of `level` that `story` answers, strongest first, with their strength
    /// (0..1): the bank's index with this version of the story in it.
    pub fn question_strengths(
        &mut self,
        story: &Story,
        level: Option<Level>,
    ) -> Vec<(String, f32)> {
        if self.index.is_none() {
            self.index = StoryIndex::build(&self.stories, &self.prompts)
                .map_err(|err| eprintln!("starbank lsp: cannot index the bank: {err}"))
                .ok();
        }
        let Some(index) = self.index.as_mut() else {
            return Vec::new();
        };
        // The buffer's story under the id the bank knows it by; re-indexed only when it
        // differs from the indexed text (a replaced document still weighs in the index's
        // statistics until a merge, which shifts every strength a little).
        let mut story = story.clone();
        let known = self.stories.iter().find(|s| s.path == story.path);
        if let Some(known) = known {
            story.id = known.id.clone();
        }
        if known.is_none_or(|known| known.source != story.source) {
            if let Err(err) = index.update_story(&story) {
                eprintln!("starbank lsp: cannot index {}: {err}", story.path.display());
                return Vec::new();
            }
        }
        let mut strengths: Vec<(String, f32)> = self
            .prompts
            .questions_of(level)
            .map(|q| (q.id.clone(), index.story_strength(&q.id, &story.id)))
            .collect();
        strengths.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        strengths
    }
}

/// A `.ron` file that can be a story: not the bank config.
pub fn is_story_path(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext == "ron")
        && path.file_name().is_some_and(|name| name != CONFIG_FILE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bank_is_found_by_its_config_then_by_the_setting_then_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("bank/team")).unwrap();
        std::fs::write(root.join("bank/starbank.ron"), "()").unwrap();
        std::fs::create_dir_all(root.join("stories/sub")).unwrap();
        std::fs::create_dir_all(root.join("elsewhere")).unwrap();
        let settings = Settings::default();
        let find = |path: &str, settings: &Settings| {
            find_bank_root(&root.join(path), settings, &[root.to_path_buf()])
        };
        assert_eq!(find("bank/team/a.ron", &settings), Some(root.join("bank")));
        assert_eq!(
            find("stories/sub/a.ron", &settings),
            Some(root.join("stories"))
        );
        assert_eq!(find("elsewhere/a.ron", &settings), None);
        let with_bank = Settings {
            bank: Some("elsewhere".into()),
            ..Settings::default()
        };
        assert_eq!(
            find("elsewhere/a.ron", &with_bank),
            Some(root.join("elsewhere"))
        );
    }
}
