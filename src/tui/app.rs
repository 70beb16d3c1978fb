//! The workbench's state and every change to it. Nothing here draws; [`super::ui`] draws from
//! this state, and [`super::keys`] turns terminal events into [`Action`]s applied here.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use ratatui::layout::Rect;

use crate::bank::Bank;
use crate::config::Config;
use crate::error::LoadError;
use crate::prompts::Prompts;
use crate::story::{Level, Section, Story};

use super::analysis::{BankAnalysis, Engine, Request, Response, StoryAnalysis, StoryHit, Worker};
use super::editor::Editor;
use super::recovery::{self, Recovered, RecoveryFile, RecoverySlot};
use super::save::{self, SaveOutcome};
use super::template;
use super::theme::Theme;
use super::ui::layout;

/// How long typing must pause before a draft is re-analysed.
pub const ANALYSIS_DEBOUNCE: Duration = Duration::from_millis(150);
/// How long a search query must settle before it is sent (short: results follow each key).
pub const SEARCH_DEBOUNCE: Duration = Duration::from_millis(30);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Stories,
    Questions,
    Coverage,
}

impl View {
    pub const ALL: [View; 3] = [View::Stories, View::Questions, View::Coverage];

    pub fn title(self) -> &'static str {
        match self {
            View::Stories => "Stories",
            View::Questions => "Questions",
            View::Coverage => "Coverage",
        }
    }
}

/// Which pane of the Stories view (or the Questions view) has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Sections,
    Findings,
    /// The ranked stories of the selected question.
    Ranked,
}

/// A dialog over the view; it takes every key until it closes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Modal {
    Help,
    NewStory {
        title: String,
        level: Level,
    },
    /// Quitting with an unsaved edit.
    ConfirmQuit,
    /// Closing the editor with an unsaved edit.
    ConfirmClose,
    /// The file changed on disk since the edit started.
    Conflict,
    /// Unsaved text from a crash, offered back.
    Recovery {
        files: Vec<RecoveryFile>,
    },
}

/// Everything a key or mouse event can do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Quit,
    ForceQuit,
    ToggleHelp,
    CloseModal,
    ShowView(View),
    NextView,
    FocusNext,
    FocusPrev,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Activate,
    StartSearch,
    SearchInput(char),
    SearchPaste(String),
    SearchBackspace,
    SearchClear,
    SearchAccept,
    CycleLevel,
    NewStory,
    NewStoryInput(char),
    NewStoryBackspace,
    NewStoryToggleLevel,
    NewStoryCreate,
    EditSection,
    ExternalEditor,
    Reload,
    /// A key for the section editor.
    EditorInput(ratatui_textarea::Input),
    EditorPaste(String),
    EditorSave,
    EditorClose,
    /// A choice in a dialog: `s`ave, `d`iscard, `r`eload, `o`verwrite, `k`eep both.
    Choose(char),
    ScrollAt {
        column: u16,
        row: u16,
        down: bool,
    },
    ClickAt {
        column: u16,
        row: u16,
    },
    DragAt {
        column: u16,
        row: u16,
    },
    Resize {
        width: u16,
        height: u16,
    },
}

/// The open section editor.
pub struct Edit {
    pub path: PathBuf,
    pub section: Section,
    /// The story as it was on disk when the edit started (or was last reloaded): a save
    /// refuses to overwrite anything else without asking.
    pub base: Story,
    pub editor: Editor,
    /// The section's text when the edit started.
    pub original: String,
    /// Set when the file changed on disk while this edit was open.
    pub disk_changed: bool,
    pub generation: u64,
    pub analysis: Option<StoryAnalysis>,
    due: Option<Instant>,
}

impl Edit {
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
}

/// Search-as-you-type state of the Stories view.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub query: String,
    /// Keys go to the query.
    pub typing: bool,
    /// `None` until the first answer for the current query arrives.
    pub hits: Option<Vec<StoryHit>>,
    generation: u64,
    due: Option<Instant>,
}

impl Search {
    pub fn is_active(&self) -> bool {
        !self.query.trim().is_empty()
    }
}

/// A message in the footer, and how it should look.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

pub struct App {
    pub bank_root: PathBuf,
    pub prompts: Arc<Prompts>,
    pub config: Config,
    /// Sorted by path.
    pub stories: Arc<Vec<Story>>,
    pub load_errors: Vec<LoadError>,
    pub analysis: HashMap<PathBuf, StoryAnalysis>,
    pub bank: BankAnalysis,
    /// False until the first whole-bank analysis arrives.
    pub analysed: bool,
    pub view: View,
    pub focus: Focus,
    /// Row in the visible story list.
    pub selected: usize,
    pub section: Section,
    pub detail_scroll: u16,
    pub finding: usize,
    /// The phrase a finding jumped to.
    pub mark: Option<(Section, std::ops::Range<usize>)>,
    pub search: Search,
    pub question_level: Option<Level>,
    pub question_query: String,
    pub question_typing: bool,
    pub question_selected: usize,
    pub ranked_selected: usize,
    pub question_hits: Option<(String, Vec<StoryHit>)>,
    pub coverage_scroll: usize,
    pub edit: Option<Edit>,
    pub modal: Option<Modal>,
    pub status: Option<Status>,
    pub theme: Theme,
    pub area: Rect,
    pub should_quit: bool,
    /// A story to open in `$EDITOR`: the run loop suspends the terminal for it.
    pub external_edit: Option<PathBuf>,
    pub recovery: RecoverySlot,
    worker: Worker,
    generation: u64,
    bank_generation: u64,
    story_generations: HashMap<PathBuf, u64>,
    question_generation: u64,
    bank_due: Option<Instant>,
}

impl App {
    /// Loads the bank and starts its analysis on the worker; returns at once.
    pub fn new(bank: Bank, prompts: Prompts, theme: Theme) -> App {
        let prompts = Arc::new(prompts);
        let engine = Engine::new(prompts.clone(), bank.config.clone(), bank.root.clone());
        let mut stories = bank.stories;
        stories.sort_by(|a, b| a.path.cmp(&b.path));
        let pending = recovery::pending(&bank.root);
        let mut app = App {
            bank_root: bank.root,
            prompts,
            config: bank.config,
            stories: Arc::new(stories),
            load_errors: bank.errors,
            analysis: HashMap::new(),
            bank: BankAnalysis::default(),
            analysed: false,
            view: View::Stories,
            focus: Focus::List,
            selected: 0,
            section: Section::Situation,
            detail_scroll: 0,
            finding: 0,
            mark: None,
            search: Search::default(),
            question_level: None,
            question_query: String::new(),
            question_typing: false,
            question_selected: 0,
            ranked_selected: 0,
            question_hits: None,
            coverage_scroll: 0,
            edit: None,
            modal: None,
            status: None,
            theme,
            area: Rect::new(0, 0, 80, 24),
            should_quit: false,
            external_edit: None,
            recovery: Arc::new(Mutex::new(None)),
            worker: Worker::spawn(engine),
            generation: 0,
            bank_generation: 0,
            story_generations: HashMap::new(),
            question_generation: 0,
            bank_due: None,
        };
        app.question_level = app.config.level;
        app.request_bank();
        if !pending.is_empty() {
            app.modal = Some(Modal::Recovery { files: pending });
        }
        app
    }

    fn next_generation(&mut self) -> u64 {
        self.generation += 1;
        self.generation
    }

    // ----- queries the drawing code uses -------------------------------------------------

    /// Indices into `stories` of the rows the list shows, in order.
    pub fn visible_stories(&self) -> Vec<usize> {
        if self.search.is_active() {
            if let Some(hits) = &self.search.hits {
                return hits
                    .iter()
                    .filter_map(|hit| self.story_index(&hit.path))
                    .collect();
            }
        }
        (0..self.stories.len()).collect()
    }

    pub fn story_index(&self, path: &Path) -> Option<usize> {
        self.stories
            .binary_search_by(|story| story.path.as_path().cmp(path))
            .ok()
    }

    pub fn selected_story(&self) -> Option<&Story> {
        let index = *self.visible_stories().get(self.selected)?;
        self.stories.get(index)
    }

    /// The analysis to show for a story: the open draft's, when it is being edited.
    pub fn analysis_of(&self, story: &Story) -> Option<&StoryAnalysis> {
        if let Some(edit) = &self.edit {
            if edit.path == story.path {
                if let Some(analysis) = &edit.analysis {
                    return Some(analysis);
                }
            }
        }
        self.analysis.get(&story.path)
    }

    pub fn search_hit(&self, path: &Path) -> Option<&StoryHit> {
        self.search
            .hits
            .as_ref()?
            .iter()
            .find(|hit| hit.path == path)
    }

    /// The questions the Questions view lists: by level, then by the typed filter.
    pub fn visible_questions(&self) -> Vec<usize> {
        let words: Vec<String> = self
            .question_query
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        self.prompts
            .questions
            .iter()
            .enumerate()
            .filter(|(_, q)| self.question_level.is_none_or(|level| q.level == level))
            .filter(|(_, q)| {
                let haystack = format!("{} {} {} {}", q.id, q.text, q.theme, q.keywords.join(" "))
                    .to_lowercase();
                words.iter().all(|word| haystack.contains(word.as_str()))
            })
            .map(|(i, _)| i)
            .collect()
    }

    pub fn selected_question(&self) -> Option<&crate::prompts::Question> {
        let index = *self.visible_questions().get(self.question_selected)?;
        self.prompts.questions.get(index)
    }

    pub fn story_by_path(&self, path: &Path) -> Option<&Story> {
        self.story_index(path).map(|i| &self.stories[i])
    }

    pub fn has_unsaved_edit(&self) -> bool {
        self.edit.as_ref().is_some_and(Edit::is_dirty)
    }

    pub fn is_busy(&self) -> bool {
        !self.worker.is_idle()
    }

    // ----- the worker --------------------------------------------------------------------

    fn request_bank(&mut self) {
        let generation = self.next_generation();
        self.bank_generation = generation;
        self.worker.send(Request::Bank {
            generation,
            stories: self.stories.clone(),
        });
    }

    fn request_story(&mut self, story: Story) {
        let generation = self.next_generation();
        self.story_generations
            .insert(story.path.clone(), generation);
        self.worker.send(Request::Story {
            generation,
            story: Box::new(story),
        });
    }

    fn request_search(&mut self) {
        let generation = self.next_generation();
        self.search.generation = generation;
        self.worker.send(Request::Search {
            generation,
            text: self.search.query.clone(),
            level: None,
        });
    }

    fn request_question(&mut self) {
        let Some(question) = self.selected_question().map(|q| q.id.clone()) else {
            self.question_hits = None;
            return;
        };
        if self
            .question_hits
            .as_ref()
            .is_some_and(|(id, _)| *id == question)
        {
            return;
        }
        let generation = self.next_generation();
        self.question_generation = generation;
        self.worker.send(Request::Question {
            generation,
            question,
        });
    }

    /// Takes in what the worker has finished; returns true if anything changed on screen.
    pub fn receive(&mut self) -> bool {
        let responses = self.worker.poll();
        let changed = !responses.is_empty();
        for response in responses {
            self.apply_response(response);
        }
        changed
    }

    /// Waits until the worker has answered everything asked so far (tests, benchmarks).
    pub fn settle(&mut self) {
        loop {
            self.tick(Instant::now() + Duration::from_secs(1));
            let responses = self.worker.wait_idle(Duration::from_secs(60));
            for response in responses {
                self.apply_response(response);
            }
            let due = self.search.due.is_some()
                || self.bank_due.is_some()
                || self.edit.as_ref().is_some_and(|e| e.due.is_some());
            if !due && self.worker.is_idle() {
                break;
            }
        }
        // A Questions view answer may have asked for the ranked stories.
        self.receive();
    }

    fn apply_response(&mut self, response: Response) {
        match response {
            Response::Bank {
                generation,
                analysis,
            } => {
                if generation != self.bank_generation {
                    return;
                }
                let mut analysis = *analysis;
                // Stories analysed on their own since then are newer than the bank's copy.
                for (path, story_generation) in &self.story_generations {
                    if *story_generation > generation {
                        if let Some(newer) = self.analysis.get(path) {
                            analysis.stories.insert(path.clone(), newer.clone());
                        }
                    }
                }
                self.analysis = std::mem::take(&mut analysis.stories);
                self.bank = analysis;
                self.analysed = true;
                if self.view == View::Questions {
                    self.question_hits = None;
                    self.request_question();
                }
            }
            Response::Story {
                generation,
                path,
                analysis,
            } => {
                if let Some(edit) = &mut self.edit {
                    if edit.generation == generation {
                        edit.analysis = Some(analysis);
                        return;
                    }
                }
                if self.story_generations.get(&path) == Some(&generation) {
                    self.analysis.insert(path, analysis);
                }
            }
            Response::Search { generation, hits } => {
                if generation == self.search.generation {
                    self.search.hits = Some(hits);
                    self.clamp_selection();
                }
            }
            Response::Question {
                generation,
                question,
                hits,
            } => {
                if generation == self.question_generation {
                    self.question_hits = Some((question, hits));
                }
            }
        }
    }

    /// Runs what is due: debounced searches, draft analysis, bank re-analysis.
    pub fn tick(&mut self, now: Instant) {
        if self.search.due.is_some_and(|due| due <= now) {
            self.search.due = None;
            if self.search.is_active() {
                self.request_search();
            }
        }
        if self.bank_due.is_some_and(|due| due <= now) {
            self.bank_due = None;
            self.request_bank();
        }
        let draft = match &mut self.edit {
            Some(edit) if edit.due.is_some_and(|due| due <= now) => {
                edit.due = None;
                edit.draft()
            }
            _ => None,
        };
        if let Some(draft) = draft {
            let generation = self.next_generation();
            if let Some(edit) = &mut self.edit {
                edit.generation = generation;
            }
            self.worker.send(Request::Story {
                generation,
                story: Box::new(draft),
            });
        }
    }

    /// When the run loop should wake up next for debounced work.
    pub fn next_due(&self) -> Option<Instant> {
        [
            self.search.due,
            self.bank_due,
            self.edit.as_ref().and_then(|e| e.due),
        ]
        .into_iter()
        .flatten()
        .min()
    }

    // ----- actions -----------------------------------------------------------------------

    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Quit => {
                if self.has_unsaved_edit() {
                    self.modal = Some(Modal::ConfirmQuit);
                } else {
                    self.should_quit = true;
                }
            }
            Action::ForceQuit => self.should_quit = true,
            Action::ToggleHelp => {
                self.modal = match self.modal {
                    Some(Modal::Help) => None,
                    _ => Some(Modal::Help),
                }
            }
            Action::CloseModal => self.close_modal(),
            Action::ShowView(view) => self.show_view(view),
            Action::NextView => {
                let next = match self.view {
                    View::Stories => View::Questions,
                    View::Questions => View::Coverage,
                    View::Coverage => View::Stories,
                };
                self.show_view(next);
            }
            Action::FocusNext => self.cycle_focus(true),
            Action::FocusPrev => self.cycle_focus(false),
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-(self.page_rows() as isize)),
            Action::PageDown => self.move_by(self.page_rows() as isize),
            Action::Top => self.move_by(isize::MIN / 2),
            Action::Bottom => self.move_by(isize::MAX / 2),
            Action::Activate => self.activate(),
            Action::StartSearch => match self.view {
                View::Questions => {
                    self.question_typing = true;
                    self.focus = Focus::List;
                }
                _ => {
                    self.view = View::Stories;
                    self.search.typing = true;
                    self.focus = Focus::List;
                }
            },
            Action::SearchInput(c) => self.edit_query(|q| q.push(c)),
            Action::SearchPaste(text) => self.edit_query(|q| q.push_str(&text)),
            Action::SearchBackspace => self.edit_query(|q| {
                q.pop();
            }),
            Action::SearchClear => {
                if self.view == View::Questions {
                    self.question_query.clear();
                    self.question_typing = false;
                    self.question_selected = 0;
                    self.request_question();
                } else {
                    self.search = Search::default();
                    self.selected = 0;
                }
            }
            Action::SearchAccept => {
                self.search.typing = false;
                self.question_typing = false;
            }
            Action::CycleLevel => {
                self.question_level = match self.question_level {
                    None => Some(Level::L6),
                    Some(Level::L6) => Some(Level::L7),
                    Some(Level::L7) => None,
                };
                self.question_selected = 0;
                self.coverage_scroll = 0;
                self.request_question();
            }
            Action::NewStory => {
                if self.edit.is_some() {
                    self.say_error("close the editor first (Ctrl+S saves, Esc closes)");
                } else {
                    let level = self.config.level.unwrap_or(Level::L6);
                    self.modal = Some(Modal::NewStory {
                        title: String::new(),
                        level,
                    });
                }
            }
            Action::NewStoryInput(c) => {
                if let Some(Modal::NewStory { title, .. }) = &mut self.modal {
                    title.push(c);
                }
            }
            Action::NewStoryBackspace => {
                if let Some(Modal::NewStory { title, .. }) = &mut self.modal {
                    title.pop();
                }
            }
            Action::NewStoryToggleLevel => {
                if let Some(Modal::NewStory { level, .. }) = &mut self.modal {
                    *level = match level {
                        Level::L6 => Level::L7,
                        Level::L7 => Level::L6,
                    };
                }
            }
            Action::NewStoryCreate => self.create_story(),
            Action::EditSection => self.open_editor(self.section, None),
            Action::ExternalEditor => self.request_external_edit(),
            Action::Reload => self.reload_bank(),
            Action::EditorInput(input) => {
                if let Some(edit) = &mut self.edit {
                    if edit.editor.input(input) {
                        edit.due = Some(Instant::now() + ANALYSIS_DEBOUNCE);
                        self.mirror_recovery();
                    }
                }
            }
            Action::EditorPaste(text) => {
                if let Some(edit) = &mut self.edit {
                    edit.editor.paste(&text);
                    edit.due = Some(Instant::now() + ANALYSIS_DEBOUNCE);
                    self.mirror_recovery();
                }
            }
            Action::EditorSave => self.save_edit(),
            Action::EditorClose => {
                if self.has_unsaved_edit() {
                    self.modal = Some(Modal::ConfirmClose);
                } else {
                    self.close_editor();
                }
            }
            Action::Choose(choice) => self.choose(choice),
            Action::ScrollAt { column, row, down } => self.scroll_at(column, row, down),
            Action::ClickAt { column, row } => self.click_at(column, row, false),
            Action::DragAt { column, row } => self.click_at(column, row, true),
            Action::Resize { width, height } => self.area = Rect::new(0, 0, width, height),
        }
    }

    fn show_view(&mut self, view: View) {
        self.view = view;
        self.focus = Focus::List;
        if view == View::Questions {
            self.request_question();
        }
    }

    fn close_modal(&mut self) {
        match self.modal.take() {
            Some(Modal::Conflict) => self.say("save cancelled: your edit is still open"),
            Some(Modal::Recovery { .. }) => {
                self.say("recovered text kept for later: it is offered again at the next start")
            }
            _ => {}
        }
    }

    fn say(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
        });
    }

    /// Shows an error in the footer (for the run loop's own failures).
    pub fn apply_status_error(&mut self, text: String) {
        self.say_error(text);
    }

    fn say_error(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
        });
    }

    fn edit_query(&mut self, change: impl FnOnce(&mut String)) {
        if self.view == View::Questions {
            change(&mut self.question_query);
            self.question_selected = 0;
            self.request_question();
            return;
        }
        change(&mut self.search.query);
        self.selected = 0;
        self.detail_scroll = 0;
        if self.search.is_active() {
            self.search.due = Some(Instant::now() + SEARCH_DEBOUNCE);
        } else {
            self.search.hits = None;
            self.search.due = None;
        }
    }

    fn cycle_focus(&mut self, forward: bool) {
        let order: &[Focus] = match self.view {
            View::Stories => &[Focus::List, Focus::Sections, Focus::Findings],
            View::Questions => &[Focus::List, Focus::Ranked],
            View::Coverage => &[Focus::List],
        };
        let at = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        let next = if forward {
            (at + 1) % order.len()
        } else {
            (at + order.len() - 1) % order.len()
        };
        self.focus = order[next];
    }

    fn page_rows(&self) -> usize {
        (self.area.height.saturating_sub(6) as usize).max(1)
    }

    fn move_by(&mut self, delta: isize) {
        let step = |value: usize, len: usize| -> usize {
            if len == 0 {
                return 0;
            }
            (value as isize)
                .saturating_add(delta)
                .clamp(0, len as isize - 1) as usize
        };
        match (self.view, self.focus) {
            (View::Stories, Focus::List) => {
                let before = self.selected;
                self.selected = step(self.selected, self.visible_stories().len());
                if before != self.selected {
                    self.detail_scroll = 0;
                    self.finding = 0;
                    self.mark = None;
                }
            }
            (View::Stories, Focus::Sections) => {
                let at = self.section as usize;
                let next = step(at, Section::ALL.len());
                self.section = Section::ALL[next];
                self.mark = None;
                self.scroll_to_section();
            }
            (View::Stories, Focus::Findings) => {
                let count = self
                    .selected_story()
                    .and_then(|s| self.analysis_of(s))
                    .map_or(0, |a| a.findings.len());
                self.finding = step(self.finding, count);
            }
            (View::Questions, Focus::Ranked) => {
                let count = self.question_hits.as_ref().map_or(0, |(_, h)| h.len());
                self.ranked_selected = step(self.ranked_selected, count);
            }
            (View::Questions, _) => {
                self.question_selected =
                    step(self.question_selected, self.visible_questions().len());
                self.ranked_selected = 0;
                self.request_question();
            }
            (View::Coverage, _) => {
                let rows = self.visible_questions().len();
                self.coverage_scroll = step(self.coverage_scroll, rows);
            }
            _ => {}
        }
    }

    fn clamp_selection(&mut self) {
        let count = self.visible_stories().len();
        if self.selected >= count {
            self.selected = count.saturating_sub(1);
        }
    }

    fn scroll_to_section(&mut self) {
        if let Some(story) = self.selected_story() {
            let width = layout::stories(self.area, self.focus).sections.width;
            let line = super::ui::stories::section_line(self, story, self.section, None, width);
            self.detail_scroll = line as u16;
        }
    }

    fn activate(&mut self) {
        match (self.view, self.focus) {
            (View::Stories, Focus::List) if self.selected_story().is_some() => {
                self.focus = Focus::Sections;
                self.search.typing = false;
            }
            (View::Stories, Focus::Sections) => {
                let at = self
                    .mark
                    .as_ref()
                    .filter(|(s, _)| *s == self.section)
                    .map(|(_, r)| r.start);
                self.open_editor(self.section, at);
            }
            (View::Stories, Focus::Findings) => self.jump_to_finding(),
            (View::Questions, Focus::List)
                if self
                    .question_hits
                    .as_ref()
                    .is_some_and(|(_, h)| !h.is_empty()) =>
            {
                self.focus = Focus::Ranked;
            }
            (View::Questions, Focus::Ranked) => {
                let path = self
                    .question_hits
                    .as_ref()
                    .and_then(|(_, hits)| hits.get(self.ranked_selected))
                    .map(|hit| hit.path.clone());
                if let Some(path) = path {
                    self.open_story(&path);
                }
            }
            _ => {}
        }
    }

    /// Shows a story in the Stories view.
    pub fn open_story(&mut self, path: &Path) {
        self.search = Search::default();
        if let Some(index) = self.story_index(path) {
            self.selected = index;
        }
        self.view = View::Stories;
        self.focus = Focus::Sections;
        self.detail_scroll = 0;
        self.finding = 0;
        self.mark = None;
    }

    fn jump_to_finding(&mut self) {
        let Some(story) = self.selected_story().cloned() else {
            return;
        };
        let Some(finding) = self
            .analysis_of(&story)
            .and_then(|a| a.findings.get(self.finding))
            .cloned()
        else {
            return;
        };
        // The pane may be too narrow for the whole message: the footer shows it in full.
        self.say(format!("{} {}", finding.code, finding.message));
        let Some(section) = finding.section else {
            self.say(format!(
                "{} is about the whole story (line {})",
                finding.code, finding.line
            ));
            return;
        };
        self.section = section;
        self.focus = Focus::Sections;
        self.mark = finding.decoded.clone().map(|range| (section, range));
        let width = layout::stories(self.area, self.focus).sections.width;
        let line = super::ui::stories::section_line(
            self,
            &story,
            section,
            finding.decoded.as_ref().map(|r| r.start),
            width,
        );
        let height = layout::stories(self.area, self.focus)
            .sections
            .height
            .saturating_sub(2) as usize;
        self.detail_scroll = line.saturating_sub(height / 3) as u16;
    }

    // ----- editing -----------------------------------------------------------------------

    fn open_editor(&mut self, section: Section, at: Option<usize>) {
        if self.edit.is_some() {
            return;
        }
        let Some(story) = self.selected_story().cloned() else {
            return;
        };
        let text = story.section(section).to_string();
        self.start_edit(story, section, text.clone(), text, at);
    }

    fn start_edit(
        &mut self,
        base: Story,
        section: Section,
        original: String,
        text: String,
        at: Option<usize>,
    ) {
        let hint = self.prompts.hints.for_section(section).to_string();
        let mut editor = Editor::new(&text, &hint, self.theme);
        if let Some(offset) = at {
            editor.move_to_offset(offset);
        }
        self.section = section;
        self.focus = Focus::Sections;
        self.edit = Some(Edit {
            path: base.path.clone(),
            section,
            base,
            editor,
            original,
            disk_changed: false,
            generation: 0,
            analysis: None,
            due: Some(Instant::now()),
        });
        self.mirror_recovery();
    }

    fn close_editor(&mut self) {
        if let Some(edit) = self.edit.take() {
            // The index took the draft's text: give it back the story as it is on disk.
            if let Some(story) = self.story_by_path(&edit.path).cloned() {
                self.request_story(story);
            }
        }
        self.modal = None;
        self.clear_recovery();
    }

    /// Keeps the panic hook's copy of the open edit current.
    fn mirror_recovery(&mut self) {
        let draft = self.edit.as_ref().filter(|e| e.is_dirty()).map(|edit| {
            let text = edit.text();
            Recovered {
                path: edit.path.clone(),
                story_id: edit.base.id.clone(),
                section: edit.section,
                source: save::splice_section(&edit.base, edit.section, &text),
                text,
            }
        });
        if let Ok(mut slot) = self.recovery.lock() {
            *slot = draft;
        }
    }

    fn clear_recovery(&mut self) {
        if let Ok(mut slot) = self.recovery.lock() {
            *slot = None;
        }
    }

    fn save_edit(&mut self) {
        let Some(edit) = &self.edit else { return };
        if !edit.is_dirty() {
            self.say("nothing to save");
            return;
        }
        let text = edit.text();
        match save::save_section(&edit.base, edit.section, &text) {
            Ok(SaveOutcome::Saved { source }) => self.after_save(source, false),
            Ok(SaveOutcome::Conflict { .. }) => self.modal = Some(Modal::Conflict),
            Err(err) => self.say_error(format!("not saved: {err}")),
        }
    }

    /// The edit is on disk as `source`: it becomes the story, and the editor's new base.
    fn after_save(&mut self, source: String, then_close: bool) {
        let Some(edit) = &mut self.edit else { return };
        let section = edit.section;
        match Story::parse(&edit.path, source) {
            Ok(story) => {
                edit.base = story.clone();
                edit.original = edit.text();
                edit.disk_changed = false;
                let name = story.id.clone();
                self.replace_story(story);
                self.clear_recovery();
                self.say(format!("saved the {section} of {name}"));
            }
            Err(err) => self.say_error(format!("saved, but the file no longer loads: {err}")),
        }
        if then_close {
            self.close_editor();
        }
    }

    fn choose(&mut self, choice: char) {
        match (self.modal.clone(), choice) {
            (Some(Modal::ConfirmQuit), 's') => {
                self.modal = None;
                self.save_edit();
                if !self.has_unsaved_edit() && self.modal.is_none() {
                    self.should_quit = true;
                }
            }
            (Some(Modal::ConfirmQuit), 'd') => {
                self.close_editor();
                self.should_quit = true;
            }
            (Some(Modal::ConfirmClose), 's') => {
                self.modal = None;
                self.save_edit();
                if !self.has_unsaved_edit() && self.modal.is_none() {
                    self.close_editor();
                }
            }
            (Some(Modal::ConfirmClose), 'd') => {
                self.close_editor();
                self.say("edit discarded");
            }
            (Some(Modal::Conflict), 'r') => self.conflict_reload(),
            (Some(Modal::Conflict), 'o') => self.conflict_overwrite(),
            (Some(Modal::Conflict), 'k') => self.conflict_keep_both(),
            (Some(Modal::Recovery { files }), 'o') => self.restore_recovery(files),
            (Some(Modal::Recovery { files }), 'd') => {
                for file in &files {
                    let _ = std::fs::remove_file(&file.file);
                }
                self.modal = None;
                self.say("recovered text discarded");
            }
            _ => {}
        }
    }

    /// Takes the file as it is on disk as the new base and keeps the edit open on top of it:
    /// the user's words stay in the editor, unsaved.
    fn conflict_reload(&mut self) {
        self.modal = None;
        let Some(edit) = &self.edit else { return };
        match Story::load(&edit.path) {
            Ok(story) => {
                let section = edit.section;
                self.replace_story(story.clone());
                if let Some(edit) = &mut self.edit {
                    edit.original = story.section(section).to_string();
                    edit.base = story;
                    edit.disk_changed = false;
                    edit.due = Some(Instant::now());
                }
                self.say(
                    "reloaded the file from disk; your edit is still open: Ctrl+S saves it on top",
                );
            }
            Err(err) => self.say_error(format!("cannot reload: {}", err.message)),
        }
    }

    fn conflict_overwrite(&mut self) {
        self.modal = None;
        let Some(edit) = &self.edit else { return };
        match save::overwrite_section(&edit.base, edit.section, &edit.text()) {
            Ok(source) => self.after_save(source, false),
            Err(err) => self.say_error(format!("not saved: {err}")),
        }
    }

    fn conflict_keep_both(&mut self) {
        self.modal = None;
        let Some(edit) = &self.edit else { return };
        match save::keep_both(&edit.base, edit.section, &edit.text()) {
            Ok((path, _)) => {
                let original = edit.path.clone();
                self.close_editor();
                for path in [&original, &path] {
                    self.reload_path(path);
                }
                self.request_bank_soon();
                self.say(format!(
                    "your version is in {}; {} is as it is on disk",
                    display_name(&path),
                    display_name(&original)
                ));
            }
            Err(err) => self.say_error(format!("not saved: {err}")),
        }
    }

    fn restore_recovery(&mut self, files: Vec<RecoveryFile>) {
        self.modal = None;
        let Some((first, rest)) = files.split_first() else {
            return;
        };
        let recovered = first.recovered.clone();
        let restored = match self.story_by_path(&recovered.path).cloned() {
            Some(story) => {
                let original = story.section(recovered.section).to_string();
                self.open_story(&story.path);
                self.start_edit(
                    story,
                    recovered.section,
                    original,
                    recovered.text.clone(),
                    None,
                );
                self.say(format!(
                    "recovered {} of {}: review it, then Ctrl+S saves",
                    recovered.section, recovered.story_id
                ));
                true
            }
            None => {
                // The story file is gone: bring the whole recovered story back as a new file.
                let dir = recovered
                    .path
                    .parent()
                    .unwrap_or(&self.bank_root)
                    .to_path_buf();
                let path = if recovered.path.exists() {
                    save::free_path(&dir, &recovered.story_id)
                } else {
                    recovered.path.clone()
                };
                match save::write_new(&path, recovered.source.as_bytes()) {
                    Ok(()) => {
                        self.reload_path(&path);
                        self.request_bank_soon();
                        self.open_story(&path);
                        self.say(format!(
                            "recovered story written to {}",
                            display_name(&path)
                        ));
                        true
                    }
                    Err(err) => {
                        self.say_error(format!("cannot restore: {err}"));
                        false
                    }
                }
            }
        };
        if restored {
            let _ = std::fs::remove_file(&first.file);
        }
        if !rest.is_empty() {
            self.say(format!(
                "{} more recovered edit(s) are offered at the next start",
                rest.len()
            ));
        }
    }

    fn create_story(&mut self) {
        let Some(Modal::NewStory { title, level }) = self.modal.clone() else {
            return;
        };
        let title = title.trim().to_string();
        if title.is_empty() {
            self.say_error("type a title first");
            return;
        }
        self.modal = None;
        match template::create_story(&self.bank_root, &title, level) {
            Ok(path) => {
                self.reload_path(&path);
                self.request_bank_soon();
                self.open_story(&path);
                self.say(format!("created {}", display_name(&path)));
                self.open_editor(Section::Situation, None);
            }
            Err(err) => self.say_error(format!("cannot create the story: {err}")),
        }
    }

    fn request_external_edit(&mut self) {
        if self.edit.is_some() {
            self.say_error("close the in-app editor first (Ctrl+S saves, Esc closes)");
            return;
        }
        if let Some(story) = self.selected_story() {
            self.external_edit = Some(story.path.clone());
        }
    }

    /// After `$EDITOR` returns: reload the file and re-check it.
    pub fn after_external_edit(&mut self, path: &Path) {
        self.reload_path(path);
        self.request_bank_soon();
        self.say(format!("reloaded {}", display_name(path)));
    }

    // ----- files -------------------------------------------------------------------------

    fn replace_story(&mut self, story: Story) {
        let path = story.path.clone();
        self.load_errors.retain(|e| e.path != path);
        let stories = Arc::make_mut(&mut self.stories);
        match stories.binary_search_by(|s| s.path.cmp(&path)) {
            Ok(i) => stories[i] = story.clone(),
            Err(i) => stories.insert(i, story.clone()),
        }
        self.request_story(story);
        self.request_bank_soon();
    }

    fn request_bank_soon(&mut self) {
        self.bank_due = Some(Instant::now() + Duration::from_millis(300));
    }

    /// Reads one file again (changed outside, created, or removed) and re-checks it.
    pub fn reload_path(&mut self, path: &Path) {
        let selected = self.selected_story().map(|s| s.path.clone());
        if let Some(edit) = &mut self.edit {
            if edit.path == path {
                // Never replace the base of an open edit behind the user's back: a save
                // compares against it and offers the choice.
                let on_disk = std::fs::read_to_string(path).ok();
                if on_disk.as_deref() != Some(edit.base.source.as_str()) {
                    edit.disk_changed = true;
                    self.say_error(format!(
                        "{} changed on disk while you edit it; saving will ask what to do",
                        display_name(path)
                    ));
                }
                return;
            }
        }
        if !path.exists() {
            if let Some(id) = self.story_by_path(path).map(|s| s.id.clone()) {
                self.worker.send(Request::Removed { id });
            }
            let stories = Arc::make_mut(&mut self.stories);
            stories.retain(|s| s.path != path);
            self.load_errors.retain(|e| e.path != path);
            self.analysis.remove(path);
            self.request_bank_soon();
        } else {
            match Story::load(path) {
                Ok(story) => {
                    let unchanged = self
                        .story_by_path(path)
                        .is_some_and(|old| old.source == story.source);
                    if !unchanged {
                        self.replace_story(story);
                    }
                }
                Err(err) => {
                    let stories = Arc::make_mut(&mut self.stories);
                    stories.retain(|s| s.path != path);
                    self.analysis.remove(path);
                    self.load_errors.retain(|e| e.path != path);
                    self.load_errors.push(err);
                    self.request_bank_soon();
                }
            }
        }
        // Keep the same story selected when rows move.
        if let Some(selected) = selected {
            if let Some(row) = self
                .visible_stories()
                .iter()
                .position(|&i| self.stories[i].path == selected)
            {
                self.selected = row;
            }
        }
        self.clamp_selection();
    }

    fn reload_bank(&mut self) {
        match Bank::load(&self.bank_root) {
            Ok(bank) => {
                let mut stories = bank.stories;
                stories.sort_by(|a, b| a.path.cmp(&b.path));
                self.stories = Arc::new(stories);
                self.load_errors = bank.errors;
                self.config = bank.config;
                self.clamp_selection();
                self.request_bank();
                self.say("bank reloaded");
            }
            Err(err) => self.say_error(err.to_string()),
        }
    }

    // ----- mouse -------------------------------------------------------------------------

    fn scroll_at(&mut self, column: u16, row: u16, down: bool) {
        let delta = if down { 1 } else { -1 };
        if let Some(edit) = &mut self.edit {
            let input = ratatui_textarea::Input {
                key: if down {
                    ratatui_textarea::Key::MouseScrollDown
                } else {
                    ratatui_textarea::Key::MouseScrollUp
                },
                ..Default::default()
            };
            edit.editor.input(input);
            return;
        }
        let point = ratatui::layout::Position::new(column, row);
        if self.view == View::Stories {
            let areas = layout::stories(self.area, self.focus);
            if areas.sections.contains(point) {
                self.detail_scroll = (self.detail_scroll as i32 + delta * 3).max(0) as u16;
                return;
            }
            if areas.findings.contains(point) {
                self.focus = Focus::Findings;
            } else {
                self.focus = Focus::List;
            }
        } else if self.view == View::Questions {
            let areas = layout::questions(self.area, self.focus);
            self.focus = if areas.detail.contains(point) {
                Focus::Ranked
            } else {
                Focus::List
            };
        }
        self.move_by(delta as isize);
    }

    fn click_at(&mut self, column: u16, row: u16, drag: bool) {
        let point = ratatui::layout::Position::new(column, row);
        let frame = layout::frame(self.area);
        if let Some(edit) = &mut self.edit {
            let area = layout::stories(self.area, self.focus).sections;
            if area.contains(point) {
                edit.editor.click(area, point, drag);
            }
            return;
        }
        if drag {
            return;
        }
        if frame.tabs.contains(point) {
            if let Some(view) = layout::tab_at(frame.tabs, column) {
                self.show_view(view);
            }
            return;
        }
        match self.view {
            View::Stories => {
                let areas = layout::stories(self.area, self.focus);
                if areas.list.contains(point) {
                    self.focus = Focus::List;
                    let rows_per_item = if self.search.is_active() { 2 } else { 1 };
                    let offset = layout::list_offset(
                        self.selected,
                        areas.list.height.saturating_sub(2) as usize / rows_per_item,
                    );
                    let clicked =
                        offset + (row.saturating_sub(areas.list.y + 1) as usize) / rows_per_item;
                    if clicked < self.visible_stories().len() {
                        if clicked != self.selected {
                            self.detail_scroll = 0;
                            self.finding = 0;
                            self.mark = None;
                        }
                        self.selected = clicked;
                    }
                } else if areas.sections.contains(point) {
                    self.focus = Focus::Sections;
                } else if areas.findings.contains(point) {
                    self.focus = Focus::Findings;
                    let clicked = row.saturating_sub(areas.findings.y + 1) as usize;
                    let offset = layout::list_offset(
                        self.finding,
                        areas.findings.height.saturating_sub(2) as usize,
                    );
                    self.finding = offset + clicked;
                    self.move_by(0);
                }
            }
            View::Questions => {
                let areas = layout::questions(self.area, self.focus);
                if areas.list.contains(point) {
                    self.focus = Focus::List;
                    let offset = layout::list_offset(
                        self.question_selected,
                        areas.list.height.saturating_sub(2) as usize,
                    );
                    let clicked = offset + row.saturating_sub(areas.list.y + 1) as usize;
                    if clicked < self.visible_questions().len() {
                        self.question_selected = clicked;
                        self.ranked_selected = 0;
                        self.request_question();
                    }
                } else if areas.detail.contains(point) {
                    self.focus = Focus::Ranked;
                }
            }
            View::Coverage => {}
        }
    }
}

/// A file's name for messages.
pub fn display_name(path: &Path) -> String {
    crate::snippet::sanitize(&path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    ))
}
