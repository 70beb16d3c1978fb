//! What the workbench can show and do: its views, the pane that has the keyboard, the
//! dialogs, and every [`Action`] a key or mouse event becomes. Shared by the state
//! ([`super::app`]), the key table ([`super::keys`]) and the drawing ([`super::ui`]), none of
//! which it depends on.

use crate::story::Level;

use super::recovery::RecoveryFile;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Stories,
    Questions,
    Coverage,
    Loop,
}

impl View {
    pub const ALL: [View; 4] = [View::Stories, View::Questions, View::Coverage, View::Loop];

    pub fn title(self) -> &'static str {
        match self {
            View::Stories => "Stories",
            View::Questions => "Questions",
            View::Coverage => "Coverage",
            View::Loop => "Loop",
        }
    }
}

/// Which pane of the Stories view (or the Questions view) has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
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
    /// Ask a practice question (the Loop view).
    StartPractice,
    /// Stop the countdown and show the planned story.
    RevealStory,
    /// Rate the telling, 1-4, and go on to the next question.
    RatePractice(u8),
    StopPractice,
    /// A key for the section editor.
    EditorInput(ratatui_textarea::Input),
    EditorPaste(String),
    EditorSave,
    EditorClose,
    /// A choice in a dialog: `s`ave, `d`iscard, `r`eload, `o`verwrite, `k`eep both.
    Choose(char),
    /// Give a pane of the view on screen the keyboard.
    Focus(Focus),
    /// The wheel over a pane: focus it and move in it.
    ScrollIn {
        pane: Focus,
        down: bool,
    },
    /// The wheel over the story pane: scroll it by this many lines.
    ScrollStory(i32),
    /// A click on a row of the story list, the findings, or the questions.
    SelectStory(usize),
    SelectFinding(usize),
    SelectQuestion(usize),
    /// A click or drag in the open editor, at this screen cell.
    EditorMouse {
        column: u16,
        row: u16,
        drag: bool,
    },
    EditorScroll {
        down: bool,
    },
    Resize {
        width: u16,
        height: u16,
    },
}
