//! The open section editor as a session that owns its file: it saves, overwrites, keeps both
//! versions, reloads the file under the edit, and mirrors the unsaved text for crash
//! recovery, and reports each as an outcome. The workbench ([`super::app::App`]) turns
//! outcomes into messages, dialogs and re-analysis; nothing here talks to the user.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::story::{Section, Story};

use super::analysis::StoryAnalysis;
use super::editor::Editor;
use super::recovery::Recovered;
use super::save::{self, SaveOutcome};
use super::theme::Theme;

/// How long typing must pause before a draft is re-analysed.
pub const ANALYSIS_DEBOUNCE: Duration = Duration::from_millis(150);

/// The open section editor.
pub struct EditSession {
    pub path: PathBuf,
    pub section: Section,
    /// The story as it was on disk when the edit started (or was last reloaded): a save
    /// refuses to overwrite anything else without asking.
    pub base: Story,
    pub editor: Editor,
    /// The section's text when the edit started (or was last saved).
    pub original: String,
    /// Set when the file changed on disk while this edit was open.
    pub disk_changed: bool,
    /// The generation of the draft analysis asked for last.
    pub generation: u64,
    pub analysis: Option<StoryAnalysis>,
    /// When the draft is due for analysis.
    pub due: Option<Instant>,
}

/// What a save came to.
#[derive(Debug)]
pub enum Saved {
    /// The text was already on disk.
    NothingToSave,
    /// On disk; the story as it now loads, which is also the edit's new base.
    Written(Box<Story>),
    /// On disk, but the file no longer loads as a story (the message says why).
    WrittenUnloadable(String),
    /// The file changed on disk since the edit started: nothing written, ask the user.
    Conflict,
    /// Nothing written (the message says why).
    Failed(String),
}

impl EditSession {
    /// Opens `section` of `base` with `text` in the editor (the section's text, or recovered
    /// words), the cursor at byte `at` of it if given. `original` is what counts as saved.
    pub fn start(
        base: Story,
        section: Section,
        original: String,
        text: &str,
        at: Option<usize>,
        hint: &str,
        theme: Theme,
    ) -> EditSession {
        let mut editor = Editor::new(text, hint, theme);
        if let Some(offset) = at {
            editor.move_to_offset(offset);
        }
        EditSession {
            path: base.path.clone(),
            section,
            base,
            editor,
            original,
            disk_changed: false,
            generation: 0,
            analysis: None,
            due: Some(Instant::now()),
        }
    }

    pub fn text(&self) -> String {
        self.editor.text()
    }

    pub fn is_dirty(&self) -> bool {
        self.editor.text() != self.original
    }

    /// The draft as a story: the base file with the edited section spliced in.
    pub fn draft(&self) -> Option<Story> {
        let source = save::splice_section(&self.base, self.section, &self.text());
        Story::parse(&self.base.path, source).ok()
    }

    /// The unsaved text for the crash hook, or `None` when there is nothing unsaved.
    pub fn recovered(&self) -> Option<Recovered> {
        if !self.is_dirty() {
            return None;
        }
        let text = self.text();
        Some(Recovered {
            path: self.path.clone(),
            story_id: self.base.id.clone(),
            section: self.section,
            source: save::splice_section(&self.base, self.section, &text),
            text,
        })
    }

    /// A key or a paste changed the text: the draft is due for analysis after a pause.
    pub fn touched(&mut self) {
        self.due = Some(Instant::now() + ANALYSIS_DEBOUNCE);
    }

    /// Writes the section unless the file changed on disk since the edit started.
    pub fn save(&mut self) -> Saved {
        if !self.is_dirty() {
            return Saved::NothingToSave;
        }
        match save::save_section(&self.base, self.section, &self.text()) {
            Ok(SaveOutcome::Saved { source }) => self.written(source),
            Ok(SaveOutcome::Conflict { .. }) => Saved::Conflict,
            Err(err) => Saved::Failed(err.to_string()),
        }
    }

    /// Writes the section over whatever is on disk now.
    pub fn overwrite(&mut self) -> Saved {
        match save::overwrite_section(&self.base, self.section, &self.text()) {
            Ok(source) => self.written(source),
            Err(err) => Saved::Failed(err.to_string()),
        }
    }

    /// Writes the edited story beside the file (`<name>-2.ron`), leaving the file as it is
    /// on disk; returns the new file.
    pub fn keep_both(&self) -> Result<PathBuf, String> {
        save::keep_both(&self.base, self.section, &self.text())
            .map(|(path, _)| path)
            .map_err(|err| err.to_string())
    }

    /// Takes the file as it is on disk as the new base; the user's words stay in the
    /// editor, unsaved. Returns the story as it now loads.
    pub fn reload_base(&mut self) -> Result<Story, String> {
        let story = Story::load(&self.path).map_err(|err| err.message)?;
        self.original = story.section(self.section).to_string();
        self.base = story.clone();
        self.disk_changed = false;
        self.due = Some(Instant::now());
        Ok(story)
    }

    /// The file on disk is `source` now, written from this edit.
    fn written(&mut self, source: String) -> Saved {
        match Story::parse(&self.path, source) {
            Ok(story) => {
                self.base = story.clone();
                self.original = self.text();
                self.disk_changed = false;
                Saved::Written(Box::new(story))
            }
            Err(err) => Saved::WrittenUnloadable(err.to_string()),
        }
    }
}
