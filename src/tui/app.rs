//! The workbench's state and every change to it. Nothing here draws; [`super::ui`] draws from
//! this state, and [`super::keys`] turns terminal events into [`Action`]s applied here.

use std::cell::Cell;
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

use super::action::{Action, Focus, Modal, View};
use super::analysis::{BankAnalysis, Engine, Request, Response, StoryAnalysis, Worker};
use super::edit::{EditSession, Saved};
use super::geometry::FrameLayout;
use super::recovery::{self, Recovered, RecoveryFile, RecoverySlot};
use super::save;
use super::template;
use super::theme::Theme;
use super::view::stories::index_of;
use super::view::{
    CoverageView, DetailAnchor, LoopView, PracticeRound, QuestionsView, StoriesView,
};
use crate::plan::Plan;
use crate::practice::{now_seconds, Attempt, History};

/// How long a search query must settle before it is sent (short: results follow each key).
pub const SEARCH_DEBOUNCE: Duration = Duration::from_millis(30);

/// What time it is, for practice countdowns (a function, so tests can set the time).
pub type Clock = Arc<dyn Fn() -> Instant + Send + Sync>;

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
    pub stories_view: StoriesView,
    pub questions_view: QuestionsView,
    pub coverage_view: CoverageView,
    pub loop_view: LoopView,
    /// Practice history (`<bank>/.starbank/practice.ron`).
    pub history: History,
    /// The time, for practice countdowns: tests drive it by hand.
    pub clock: Clock,
    /// What the last frame drew where (written by the drawing, read by the mouse).
    pub layout: Cell<FrameLayout>,
    pub edit: Option<EditSession>,
    pub modal: Option<Modal>,
    pub status: Option<Status>,
    pub theme: Theme,
    pub area: Rect,
    pub should_quit: bool,
    /// A story to open in `$EDITOR`: the run loop suspends the terminal for it.
    pub external_edit: Option<PathBuf>,
    pub recovery: RecoverySlot,
    /// Recovery files written when a save failed, removed once a save succeeds.
    failed_save_copies: Vec<PathBuf>,
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
        let level = bank.config.level;
        let (history, history_note) = History::load(&bank.root);
        let mut load_errors = bank.errors;
        load_errors.extend(config_problems(&bank.root, &bank.config, &prompts));
        let mut app = App {
            bank_root: bank.root,
            prompts,
            config: bank.config,
            stories: Arc::new(stories),
            load_errors,
            analysis: HashMap::new(),
            bank: BankAnalysis::default(),
            analysed: false,
            view: View::Stories,
            stories_view: StoriesView::default(),
            questions_view: QuestionsView::new(level),
            coverage_view: CoverageView::default(),
            loop_view: LoopView::default(),
            history,
            clock: Arc::new(Instant::now),
            layout: Cell::new(FrameLayout::default()),
            edit: None,
            modal: None,
            status: None,
            theme,
            area: Rect::new(0, 0, 80, 24),
            should_quit: false,
            external_edit: None,
            recovery: Arc::new(Mutex::new(None)),
            failed_save_copies: Vec::new(),
            worker: Worker::spawn(engine),
            generation: 0,
            bank_generation: 0,
            story_generations: HashMap::new(),
            question_generation: 0,
            bank_due: None,
        };
        app.request_bank();
        if let Some(note) = history_note {
            app.say_error(note);
        }
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
        self.stories_view.visible(&self.stories)
    }

    pub fn story_index(&self, path: &Path) -> Option<usize> {
        index_of(&self.stories, path)
    }

    pub fn selected_story(&self) -> Option<&Story> {
        self.stories_view.selected_story(&self.stories)
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

    /// The questions the Questions view lists: by level, then by the typed filter.
    pub fn visible_questions(&self) -> Vec<usize> {
        self.questions_view.visible(&self.prompts)
    }

    pub fn selected_question(&self) -> Option<&crate::prompts::Question> {
        self.questions_view.selected_question(&self.prompts)
    }

    /// The pane with the keyboard in the view on screen.
    pub fn focus(&self) -> Focus {
        match self.view {
            View::Stories => self.stories_view.focus,
            View::Questions => self.questions_view.focus,
            View::Coverage | View::Loop => Focus::List,
        }
    }

    /// Whether a practice countdown is running (the screen changes every second).
    pub fn practising(&self) -> bool {
        self.loop_view
            .practice
            .as_ref()
            .is_some_and(|round| !round.revealed())
    }

    /// Whether keys go to a search or filter query in the view on screen.
    pub fn typing(&self) -> bool {
        match self.view {
            View::Questions => self.questions_view.typing,
            _ => self.stories_view.search.typing,
        }
    }

    pub fn story_by_path(&self, path: &Path) -> Option<&Story> {
        self.story_index(path).map(|i| &self.stories[i])
    }

    pub fn has_unsaved_edit(&self) -> bool {
        self.edit.as_ref().is_some_and(EditSession::is_dirty)
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
        self.stories_view.search.generation = generation;
        self.worker.send(Request::Search {
            generation,
            text: self.stories_view.search.query.clone(),
            level: None,
        });
    }

    fn request_question(&mut self) {
        let Some(question) = self.selected_question().map(|q| q.id.clone()) else {
            self.questions_view.hits = None;
            return;
        };
        if self
            .questions_view
            .hits
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
            let due = self.stories_view.search.due.is_some()
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
                if self.loop_view.practice_on_plan {
                    // Once, whatever the plan: a plan that comes later never pulls the view away.
                    self.loop_view.practice_on_plan = false;
                    self.start_practice();
                }
                if self.view == View::Questions {
                    self.questions_view.hits = None;
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
                if generation == self.stories_view.search.generation {
                    self.stories_view.search.hits = Some(hits);
                    self.clamp_selection();
                }
            }
            Response::Question {
                generation,
                question,
                hits,
            } => {
                if generation == self.question_generation {
                    self.questions_view.hits = Some((question, hits));
                }
            }
        }
    }

    /// Runs what is due: debounced searches, draft analysis, bank re-analysis.
    pub fn tick(&mut self, now: Instant) {
        if self.stories_view.search.due.is_some_and(|due| due <= now) {
            self.stories_view.search.due = None;
            if self.stories_view.search.is_active() {
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
            self.stories_view.search.due,
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
                    View::Coverage => View::Loop,
                    View::Loop => View::Stories,
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
                    self.questions_view.typing = true;
                    self.questions_view.focus = Focus::List;
                }
                _ => {
                    self.view = View::Stories;
                    self.stories_view.search.typing = true;
                    self.stories_view.focus = Focus::List;
                }
            },
            Action::SearchInput(c) => self.edit_query(|q| q.push(c)),
            Action::SearchPaste(text) => self.edit_query(|q| q.push_str(&text)),
            Action::SearchBackspace => self.edit_query(|q| {
                q.pop();
            }),
            Action::SearchClear => {
                if self.view == View::Questions {
                    self.questions_view.clear_query();
                    self.request_question();
                } else {
                    self.stories_view.clear_search();
                }
            }
            Action::SearchAccept => {
                self.stories_view.search.typing = false;
                self.questions_view.typing = false;
            }
            Action::CycleLevel => {
                self.questions_view.cycle_level();
                self.coverage_view.scroll = 0;
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
            Action::EditSection => self.open_editor(self.stories_view.section, None),
            Action::ExternalEditor => self.request_external_edit(),
            Action::Reload => self.reload_bank(),
            Action::StartPractice => self.start_practice(),
            Action::RevealStory => {
                let now = (self.clock)();
                if let Some(round) = &mut self.loop_view.practice {
                    round.reveal(now);
                }
            }
            Action::RatePractice(rating) => self.rate_practice(rating),
            Action::StopPractice => self.loop_view.practice = None,
            Action::EditorInput(input) => {
                if let Some(edit) = &mut self.edit {
                    if edit.editor.input(input) {
                        edit.touched();
                        self.mirror_recovery();
                    }
                }
            }
            Action::EditorPaste(text) => {
                if let Some(edit) = &mut self.edit {
                    edit.editor.paste(&text);
                    edit.touched();
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
            Action::Focus(pane) => self.set_focus(pane),
            Action::ScrollIn { pane, down } => {
                self.set_focus(pane);
                self.move_by(if down { 1 } else { -1 });
            }
            Action::ScrollStory(lines) => self.stories_view.scroll_detail(lines),
            Action::SelectStory(row) => {
                self.stories_view.focus = Focus::List;
                if row < self.visible_stories().len() {
                    self.stories_view.select_row(row);
                }
            }
            Action::SelectFinding(row) => {
                self.stories_view.focus = Focus::Findings;
                self.stories_view.finding = row;
                self.move_by(0);
            }
            Action::SelectQuestion(row) => {
                self.questions_view.focus = Focus::List;
                if self.questions_view.select_row(row, &self.prompts) {
                    self.request_question();
                }
            }
            Action::EditorMouse { column, row, drag } => {
                let area = self.layout.get().sections;
                if let Some(edit) = &mut self.edit {
                    edit.editor
                        .click(area, ratatui::layout::Position::new(column, row), drag);
                }
            }
            Action::EditorScroll { down } => {
                if let Some(edit) = &mut self.edit {
                    let key = if down {
                        ratatui_textarea::Key::MouseScrollDown
                    } else {
                        ratatui_textarea::Key::MouseScrollUp
                    };
                    edit.editor.input(ratatui_textarea::Input {
                        key,
                        ..Default::default()
                    });
                }
            }
            Action::Resize { width, height } => self.area = Rect::new(0, 0, width, height),
        }
    }

    fn show_view(&mut self, view: View) {
        self.view = view;
        self.set_focus(Focus::List);
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
            self.questions_view.edit_query(change);
            self.request_question();
            return;
        }
        if self.stories_view.edit_query(change) {
            self.stories_view.search.due = Some(Instant::now() + SEARCH_DEBOUNCE);
        }
    }

    fn set_focus(&mut self, pane: Focus) {
        match self.view {
            View::Stories => self.stories_view.focus = pane,
            View::Questions => self.questions_view.focus = pane,
            View::Coverage | View::Loop => {}
        }
    }

    fn cycle_focus(&mut self, forward: bool) {
        match self.view {
            View::Stories => self.stories_view.focus_next(forward),
            View::Questions => self.questions_view.focus_next(forward),
            View::Coverage | View::Loop => {}
        }
    }

    fn page_rows(&self) -> usize {
        (self.area.height.saturating_sub(6) as usize).max(1)
    }

    fn move_by(&mut self, delta: isize) {
        match self.view {
            View::Stories => {
                let rows = self.visible_stories().len();
                let findings = self
                    .selected_story()
                    .and_then(|s| self.analysis_of(s))
                    .map_or(0, |a| a.findings.len());
                self.stories_view.move_by(delta, rows, findings);
            }
            View::Questions => {
                if self.questions_view.move_by(delta, &self.prompts) {
                    self.request_question();
                }
            }
            View::Coverage => {
                let rows = self.visible_questions().len();
                self.coverage_view.move_by(delta, rows);
            }
            View::Loop => {
                let slots = self.bank.plan.as_ref().map_or(0, Plan::slot_count);
                self.loop_view.move_by(delta, slots);
            }
        }
    }

    fn clamp_selection(&mut self) {
        let count = self.visible_stories().len();
        self.stories_view.clamp(count);
    }

    fn activate(&mut self) {
        match (self.view, self.focus()) {
            (View::Stories, Focus::List) if self.selected_story().is_some() => {
                self.stories_view.focus = Focus::Sections;
                self.stories_view.search.typing = false;
            }
            (View::Stories, Focus::Sections) => {
                let section = self.stories_view.section;
                let at = self
                    .stories_view
                    .mark
                    .as_ref()
                    .filter(|(s, _)| *s == section)
                    .map(|(_, r)| r.start);
                self.open_editor(section, at);
            }
            (View::Stories, Focus::Findings) => self.jump_to_finding(),
            (View::Questions, Focus::List) if self.questions_view.ranked_count() > 0 => {
                self.questions_view.focus = Focus::Ranked;
            }
            (View::Questions, Focus::Ranked) => {
                let path = self
                    .questions_view
                    .hits
                    .as_ref()
                    .and_then(|(_, hits)| hits.get(self.questions_view.ranked_selected))
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
        let index = self.story_index(path);
        self.stories_view.open(index);
        self.view = View::Stories;
    }

    fn jump_to_finding(&mut self) {
        let Some(story) = self.selected_story().cloned() else {
            return;
        };
        let Some(finding) = self
            .analysis_of(&story)
            .and_then(|a| a.findings.get(self.stories_view.finding))
            .cloned()
        else {
            return;
        };
        // The pane may be too narrow for the whole message: the footer shows it in full.
        self.say(format!("{} {}", finding.code, finding.message));
        let Some(section) = finding.section else {
            let line = finding
                .span
                .as_ref()
                .map_or(1, |span| story.position(span.start).line);
            self.say(format!(
                "{} is about the whole story (line {line})",
                finding.code
            ));
            return;
        };
        let view = &mut self.stories_view;
        view.section = section;
        view.focus = Focus::Sections;
        view.mark = finding.decoded.clone().map(|range| (section, range));
        view.scroll_to(DetailAnchor {
            section,
            offset: finding.decoded.as_ref().map(|r| r.start),
            third: true,
        });
    }

    // ----- practice ----------------------------------------------------------------------

    /// Shows the Loop view and asks the first practice question once the plan is known.
    pub fn practise_when_planned(&mut self) {
        self.view = View::Loop;
        if self.analysed {
            self.start_practice();
        } else {
            self.loop_view.practice_on_plan = true;
        }
    }

    /// Asks the next practice question: the weakest and least recently practised of the
    /// plan's prepared questions.
    fn start_practice(&mut self) {
        let plan = match &self.bank.plan {
            Ok(plan) => plan,
            Err(why) => {
                let why = why.clone();
                self.say_error(format!("no plan to practise: {why}"));
                return;
            }
        };
        self.view = View::Loop;
        match PracticeRound::next(plan, &self.history, (self.clock)()) {
            Some(round) => self.loop_view.practice = Some(round),
            None => self.say_error("the plan has no question to practise"),
        }
    }

    /// Records the rating of the round just told, saves the history, asks the next question.
    fn rate_practice(&mut self, rating: u8) {
        let Some(round) = self.loop_view.practice.take() else {
            return;
        };
        if !round.revealed() || !crate::practice::RATINGS.contains(&rating) {
            self.loop_view.practice = Some(round);
            return;
        }
        let now = (self.clock)();
        self.history.record(Attempt {
            question: round.question_id.clone(),
            story: round.story.clone(),
            rating,
            at: now_seconds(),
            seconds: round.elapsed(now).as_secs() as u32,
        });
        match self.history.save(&self.bank_root) {
            Ok(_) => self.say(format!("rated {rating} of 4; next question")),
            Err(err) => self.say_error(format!(
                "practice not saved: {err}; it is kept until the workbench closes"
            )),
        }
        self.start_practice();
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
        self.stories_view.section = section;
        self.stories_view.focus = Focus::Sections;
        self.edit = Some(EditSession::start(
            base, section, original, &text, at, &hint, self.theme,
        ));
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
        let draft = self.draft();
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
        let Some(edit) = &mut self.edit else { return };
        let saved = edit.save();
        self.after_save(saved);
    }

    /// A save that wrote nothing (a read-only bank, a full disk, ...): the text stays in the
    /// editor, and a copy goes to the bank's recovery folder (or, when the bank cannot be
    /// written at all, the system's temporary folder), so quitting or a crash cannot lose it.
    fn save_failed(&mut self, err: &str) {
        let Some(draft) = self.draft() else {
            self.say_error(format!("not saved: {err}"));
            return;
        };
        let fallback = std::env::temp_dir().join("starbank-recovery");
        let copy = recovery::write_recovery(&self.bank_root, &draft)
            .or_else(|_| recovery::write_recovery(&fallback, &draft));
        let kept = match copy {
            Ok(path) => {
                self.failed_save_copies.push(path.clone());
                format!(
                    "; your text is still in the editor, and a copy is in {}",
                    path.display()
                )
            }
            Err(_) => "; your text is still in the editor: copy it somewhere safe".into(),
        };
        self.say_error(format!("not saved: {err}{kept}"));
    }

    /// The open edit as a recovery record, when it has unsaved text.
    fn draft(&self) -> Option<Recovered> {
        self.edit.as_ref().and_then(EditSession::recovered)
    }

    /// Tells the user what a save came to; a written story replaces the bank's copy.
    fn after_save(&mut self, saved: Saved) {
        let section = self.edit.as_ref().map(|edit| edit.section);
        match saved {
            Saved::NothingToSave => self.say("nothing to save"),
            Saved::Written(story) => {
                let name = story.id.clone();
                self.replace_story(*story);
                self.clear_recovery();
                // The words are on disk now: the copies of failed saves are stale.
                for copy in std::mem::take(&mut self.failed_save_copies) {
                    let _ = std::fs::remove_file(copy);
                }
                if let Some(section) = section {
                    self.say(format!("saved the {section} of {name}"));
                }
            }
            Saved::WrittenUnloadable(err) => {
                self.say_error(format!("saved, but the file no longer loads: {err}"))
            }
            Saved::Conflict => self.modal = Some(Modal::Conflict),
            Saved::Failed(err) => self.save_failed(&err),
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
        let Some(edit) = &mut self.edit else { return };
        match edit.reload_base() {
            Ok(story) => {
                self.replace_story(story);
                self.say(
                    "reloaded the file from disk; your edit is still open: Ctrl+S saves it on top",
                );
            }
            Err(err) => self.say_error(format!("cannot reload: {err}")),
        }
    }

    fn conflict_overwrite(&mut self) {
        self.modal = None;
        let Some(edit) = &mut self.edit else { return };
        let saved = edit.overwrite();
        self.after_save(saved);
    }

    fn conflict_keep_both(&mut self) {
        self.modal = None;
        let Some(edit) = &self.edit else { return };
        match edit.keep_both() {
            Ok(path) => {
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
            Err(err) => self.save_failed(&err),
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
        if path == crate::config::config_path(&self.bank_root) {
            // The bank's config, not a story.
            self.reload_config();
            return;
        }
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
                self.stories_view.selected = row;
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
                self.load_errors.extend(config_problems(
                    &self.bank_root,
                    &bank.config,
                    &self.prompts,
                ));
                self.use_config(bank.config);
                self.clamp_selection();
                self.say("bank reloaded");
            }
            Err(err) => self.say_error(err.to_string()),
        }
    }
}

impl App {
    /// Reads `starbank.ron` again: a config that loads is applied to the analysis and its
    /// mistakes (an unknown rule or rubric alternative) shown; one that does not load is
    /// shown at its line, and the config in force stays.
    fn reload_config(&mut self) {
        let path = crate::config::config_path(&self.bank_root);
        self.load_errors.retain(|error| error.path != path);
        match Config::load(&self.bank_root) {
            Ok(config) => {
                self.load_errors
                    .extend(config_problems(&self.bank_root, &config, &self.prompts));
                self.use_config(config);
            }
            Err(err) => self.load_errors.push(err),
        }
    }

    /// Lints with `config` from now on, and re-checks the bank with it.
    fn use_config(&mut self, config: Config) {
        self.config = config.clone();
        self.worker.send(Request::Config {
            config: Box::new(config),
        });
        self.request_bank();
    }
}

/// The mistakes in a bank's config that only the prompts can tell (rules and rubric
/// alternatives it names that do not exist), as `starbank lint` reports them.
fn config_problems(root: &Path, config: &Config, prompts: &Prompts) -> Vec<LoadError> {
    let probe = Bank {
        root: root.to_path_buf(),
        config: config.clone(),
        ..Bank::default()
    };
    crate::lint::config_errors(&probe, &prompts.rubric)
}

/// A file's name for messages.
pub fn display_name(path: &Path) -> String {
    crate::snippet::sanitize(&path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    ))
}
