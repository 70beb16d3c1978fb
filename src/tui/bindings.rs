//! Every key binding of the workbench, in one table: the key handler ([`super::keys`]), the
//! footer, the `?` overlay and the README's key table all read [`BINDINGS`] (a test checks
//! the README against it), so a binding and its help cannot drift apart.
//!
//! A binding applies in some [`Context`]s (the browsing views and panes, a search being
//! typed, the section editor, a dialog). Within a context, bindings for a named key win over
//! the catch-alls (any character, any key), then table order decides. The table order is
//! also the order of the footer and of the help.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, Focus, Modal, View};
use super::app::App;

/// Where the keys go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Browsing, in any view and pane.
    Anywhere,
    /// Browsing this view, any pane.
    View(View),
    /// Browsing this view with this pane focused.
    Pane(View, Focus),
    /// A search (Stories) or filter (Questions) query has the keys.
    Typing,
    /// The section editor has the keys.
    Editor,
    /// A practice round (the Loop view) has the keys.
    Practice,
    /// A dialog has the keys.
    Dialog(DialogKind),
    /// The mouse (handled in [`super::mouse`]; listed here for the help).
    Mouse,
}

/// The dialogs, as far as keys are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogKind {
    Help,
    NewStory,
    /// Quitting or closing the editor with an unsaved edit.
    Unsaved,
    Conflict,
    Recovery,
}

impl DialogKind {
    fn of(modal: &Modal) -> DialogKind {
        match modal {
            Modal::Help => DialogKind::Help,
            Modal::NewStory { .. } => DialogKind::NewStory,
            Modal::ConfirmQuit | Modal::ConfirmClose => DialogKind::Unsaved,
            Modal::Conflict => DialogKind::Conflict,
            Modal::Recovery { .. } => DialogKind::Recovery,
        }
    }
}

/// A key a binding answers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// This key, whatever modifiers are held.
    Code(KeyCode),
    /// Control and this letter.
    Ctrl(char),
    /// Any character typed without Control.
    AnyChar,
    /// Any key at all.
    Any,
}

impl Key {
    fn matches(self, key: &KeyEvent) -> bool {
        let control = key.modifiers.contains(KeyModifiers::CONTROL);
        match self {
            Key::Code(code) => key.code == code,
            Key::Ctrl(c) => control && key.code == KeyCode::Char(c),
            Key::AnyChar => !control && matches!(key.code, KeyCode::Char(_)),
            Key::Any => true,
        }
    }

    fn is_catch_all(self) -> bool {
        matches!(self, Key::AnyChar | Key::Any)
    }
}

/// A line of the `?` overlay: its section, the keys as shown, what they do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Help {
    pub section: &'static str,
    pub keys: &'static str,
    pub what: &'static str,
}

pub struct Binding {
    pub contexts: &'static [Context],
    pub keys: &'static [Key],
    /// The action for this key in this state; `None` lets the key do nothing.
    pub action: fn(&App, &KeyEvent) -> Option<Action>,
    pub help: Option<Help>,
    /// Footer entries: in this context, show (keys, what).
    pub footer: &'static [(Context, &'static str, &'static str)],
}

const fn help(section: &'static str, keys: &'static str, what: &'static str) -> Option<Help> {
    Some(Help {
        section,
        keys,
        what,
    })
}

const BROWSE: &[Context] = &[Context::Anywhere];
const STORIES: &[Context] = &[Context::View(View::Stories)];
const EDITOR: &[Context] = &[Context::Editor];
const TYPING: &[Context] = &[Context::Typing];
const LIST: Focus = Focus::List;

/// The key's character, for bindings that answer to several.
fn char_of(key: &KeyEvent) -> char {
    match key.code {
        KeyCode::Char(c) => c,
        _ => '\0',
    }
}

fn choose(_: &App, key: &KeyEvent) -> Option<Action> {
    Some(match key.code {
        KeyCode::Enter => Action::Choose('o'),
        _ => Action::Choose(char_of(key)),
    })
}

fn close(_: &App, _: &KeyEvent) -> Option<Action> {
    Some(Action::CloseModal)
}

fn editor_input(_: &App, key: &KeyEvent) -> Option<Action> {
    Some(Action::EditorInput((*key).into()))
}

/// Every binding. The order is the footer's and the help's.
pub const BINDINGS: &[Binding] = &[
    // ----- browsing ------------------------------------------------------------------
    Binding {
        contexts: BROWSE,
        keys: &[Key::Code(KeyCode::Char('?')), Key::Code(KeyCode::F(1))],
        action: |_, _| Some(Action::ToggleHelp),
        help: help("Everywhere", "?", "this help"),
        footer: &[(Context::Anywhere, "?", "help")],
    },
    Binding {
        contexts: &[Context::Anywhere, Context::Typing],
        keys: &[Key::Ctrl('c'), Key::Ctrl('q')],
        action: |_, _| Some(Action::Quit),
        help: None,
        footer: &[],
    },
    Binding {
        contexts: BROWSE,
        keys: &[Key::Code(KeyCode::Char('q'))],
        action: |_, _| Some(Action::Quit),
        help: help(
            "Everywhere",
            "q / Ctrl+Q",
            "quit (asks if an edit is unsaved)",
        ),
        footer: &[(Context::Anywhere, "q", "quit")],
    },
    Binding {
        contexts: BROWSE,
        keys: &[
            Key::Code(KeyCode::Char('1')),
            Key::Code(KeyCode::Char('2')),
            Key::Code(KeyCode::Char('3')),
            Key::Code(KeyCode::Char('4')),
            Key::Code(KeyCode::Char('v')),
        ],
        action: |_, key| {
            Some(match char_of(key) {
                '1' => Action::ShowView(View::Stories),
                '2' => Action::ShowView(View::Questions),
                '3' => Action::ShowView(View::Coverage),
                '4' => Action::ShowView(View::Loop),
                _ => Action::NextView,
            })
        },
        help: help(
            "Everywhere",
            "1 2 3 4 / v",
            "Stories, Questions, Coverage, Loop / next view",
        ),
        footer: &[(Context::Anywhere, "1-4", "views")],
    },
    Binding {
        contexts: BROWSE,
        keys: &[Key::Code(KeyCode::Char('/'))],
        action: |_, _| Some(Action::StartSearch),
        help: help("Everywhere", "/", "search as you type (Esc clears)"),
        footer: &[(Context::Anywhere, "/", "search")],
    },
    Binding {
        contexts: BROWSE,
        keys: &[Key::Code(KeyCode::Char('L'))],
        action: |_, _| Some(Action::CycleLevel),
        help: help("Everywhere", "L", "level filter: all, L6, L7"),
        footer: &[
            (Context::Pane(View::Questions, LIST), "L", "level"),
            (Context::View(View::Coverage), "L", "level"),
        ],
    },
    Binding {
        contexts: BROWSE,
        keys: &[
            Key::Code(KeyCode::Up),
            Key::Code(KeyCode::Char('k')),
            Key::Code(KeyCode::Down),
            Key::Code(KeyCode::Char('j')),
            Key::Code(KeyCode::PageUp),
            Key::Code(KeyCode::PageDown),
            Key::Code(KeyCode::Home),
            Key::Code(KeyCode::Char('g')),
            Key::Code(KeyCode::End),
            Key::Code(KeyCode::Char('G')),
        ],
        action: |_, key| {
            Some(match key.code {
                KeyCode::Up | KeyCode::Char('k') => Action::Up,
                KeyCode::Down | KeyCode::Char('j') => Action::Down,
                KeyCode::PageUp => Action::PageUp,
                KeyCode::PageDown => Action::PageDown,
                KeyCode::Home | KeyCode::Char('g') => Action::Top,
                _ => Action::Bottom,
            })
        },
        help: help("Everywhere", "↑ ↓ j k", "move; PgUp PgDn g G jump"),
        footer: &[
            (
                Context::Pane(View::Stories, Focus::Sections),
                "↑↓",
                "section",
            ),
            (Context::View(View::Coverage), "↑↓", "scroll"),
        ],
    },
    Binding {
        contexts: &[Context::Pane(View::Stories, LIST)],
        keys: &[Key::Code(KeyCode::Enter)],
        action: |_, _| Some(Action::Activate),
        help: help("Stories", "Enter on a story", "open it"),
        footer: &[(Context::Pane(View::Stories, LIST), "Enter", "open")],
    },
    Binding {
        contexts: &[Context::Pane(View::Stories, Focus::Sections)],
        keys: &[Key::Code(KeyCode::Enter)],
        action: |_, _| Some(Action::Activate),
        help: help("Stories", "Enter on a section", "edit it"),
        footer: &[(
            Context::Pane(View::Stories, Focus::Sections),
            "Enter",
            "edit",
        )],
    },
    Binding {
        contexts: &[Context::Pane(View::Stories, Focus::Findings)],
        keys: &[Key::Code(KeyCode::Enter)],
        action: |_, _| Some(Action::Activate),
        help: help("Stories", "Enter on a finding", "jump to the phrase"),
        footer: &[(
            Context::Pane(View::Stories, Focus::Findings),
            "Enter",
            "jump to phrase",
        )],
    },
    Binding {
        contexts: &[Context::Pane(View::Questions, LIST)],
        keys: &[Key::Code(KeyCode::Enter)],
        action: |_, _| Some(Action::Activate),
        help: help("Questions", "Enter on a question", "its ranked stories"),
        footer: &[(Context::Pane(View::Questions, LIST), "Enter", "stories")],
    },
    Binding {
        contexts: &[Context::Pane(View::Questions, Focus::Ranked)],
        keys: &[Key::Code(KeyCode::Enter)],
        action: |_, _| Some(Action::Activate),
        help: help("Questions", "Enter on a ranked story", "open it"),
        footer: &[(
            Context::Pane(View::Questions, Focus::Ranked),
            "Enter",
            "open story",
        )],
    },
    Binding {
        contexts: BROWSE,
        keys: &[Key::Code(KeyCode::Char('n'))],
        action: |_, _| Some(Action::NewStory),
        help: help("Everywhere", "n", "new story from the template"),
        footer: &[(Context::Pane(View::Stories, LIST), "n", "new")],
    },
    Binding {
        contexts: STORIES,
        keys: &[Key::Code(KeyCode::Char('i'))],
        action: |_, _| Some(Action::EditSection),
        help: help("Stories", "i", "edit the selected section"),
        footer: &[],
    },
    Binding {
        contexts: STORIES,
        keys: &[Key::Code(KeyCode::Char('e'))],
        action: |_, _| Some(Action::ExternalEditor),
        help: help("Stories", "e", "open the file in $VISUAL / $EDITOR"),
        footer: &[(Context::Pane(View::Stories, LIST), "e", "$EDITOR")],
    },
    Binding {
        contexts: &[Context::View(View::Loop)],
        keys: &[Key::Code(KeyCode::Char('p'))],
        action: |_, _| Some(Action::StartPractice),
        help: help(
            "Loop",
            "p",
            "practise: the weakest, least recent question first",
        ),
        footer: &[(Context::View(View::Loop), "p", "practise")],
    },
    Binding {
        contexts: BROWSE,
        keys: &[
            Key::Code(KeyCode::Tab),
            Key::Code(KeyCode::Right),
            Key::Code(KeyCode::Char('l')),
            Key::Code(KeyCode::BackTab),
            Key::Code(KeyCode::Left),
            Key::Code(KeyCode::Char('h')),
        ],
        action: |_, key| {
            Some(match key.code {
                KeyCode::Tab | KeyCode::Right | KeyCode::Char('l') => Action::FocusNext,
                _ => Action::FocusPrev,
            })
        },
        help: help("Everywhere", "Tab / ← →", "move between panes"),
        footer: &[
            (
                Context::Pane(View::Stories, Focus::Sections),
                "Tab",
                "findings",
            ),
            (Context::Pane(View::Stories, Focus::Findings), "Tab", "list"),
            (
                Context::Pane(View::Questions, Focus::Ranked),
                "Tab",
                "questions",
            ),
        ],
    },
    Binding {
        contexts: BROWSE,
        keys: &[Key::Code(KeyCode::Char('r'))],
        action: |_, _| Some(Action::Reload),
        help: help("Everywhere", "r", "reload the bank from disk"),
        footer: &[],
    },
    Binding {
        contexts: BROWSE,
        keys: &[Key::Code(KeyCode::Esc)],
        action: |app, _| {
            let query = match app.view {
                View::Stories => app.stories_view.search.is_active(),
                View::Questions => !app.questions_view.query.is_empty(),
                View::Coverage | View::Loop => false,
            };
            if query {
                Some(Action::SearchClear)
            } else if app.focus() != Focus::List {
                Some(Action::FocusPrev)
            } else {
                None
            }
        },
        help: None,
        footer: &[],
    },
    // ----- typing a search -----------------------------------------------------------
    Binding {
        contexts: TYPING,
        keys: &[Key::AnyChar],
        action: |_, key| Some(Action::SearchInput(char_of(key))),
        help: None,
        footer: &[(Context::Typing, "type", "search")],
    },
    Binding {
        contexts: TYPING,
        keys: &[Key::Code(KeyCode::Up), Key::Code(KeyCode::Down)],
        action: |_, key| {
            Some(if key.code == KeyCode::Up {
                Action::Up
            } else {
                Action::Down
            })
        },
        help: None,
        footer: &[(Context::Typing, "↑↓", "move")],
    },
    Binding {
        contexts: TYPING,
        keys: &[Key::Code(KeyCode::Enter)],
        action: |_, _| Some(Action::SearchAccept),
        help: None,
        footer: &[(Context::Typing, "Enter", "done")],
    },
    Binding {
        contexts: TYPING,
        keys: &[Key::Code(KeyCode::Esc), Key::Ctrl('u')],
        action: |_, _| Some(Action::SearchClear),
        help: None,
        footer: &[(Context::Typing, "Esc", "clear")],
    },
    Binding {
        contexts: TYPING,
        keys: &[Key::Code(KeyCode::Backspace)],
        action: |_, _| Some(Action::SearchBackspace),
        help: None,
        footer: &[],
    },
    // ----- a practice round -----------------------------------------------------------
    Binding {
        contexts: &[Context::Practice],
        keys: &[Key::Code(KeyCode::Enter), Key::Code(KeyCode::Char(' '))],
        action: |_, _| Some(Action::RevealStory),
        help: help(
            "Loop",
            "Enter / Space",
            "stop the clock and show the planned story",
        ),
        footer: &[(Context::Practice, "Enter", "reveal")],
    },
    Binding {
        contexts: &[Context::Practice],
        keys: &[
            Key::Code(KeyCode::Char('1')),
            Key::Code(KeyCode::Char('2')),
            Key::Code(KeyCode::Char('3')),
            Key::Code(KeyCode::Char('4')),
        ],
        action: |app, key| {
            let revealed = app
                .loop_view
                .practice
                .as_ref()
                .is_some_and(|round| round.revealed());
            let rating = char_of(key).to_digit(10)? as u8;
            revealed.then_some(Action::RatePractice(rating))
        },
        help: help(
            "Loop",
            "1 2 3 4",
            "rate the telling (1 poor, 4 ready); next question",
        ),
        footer: &[(Context::Practice, "1-4", "rate")],
    },
    Binding {
        contexts: &[Context::Practice],
        keys: &[Key::Code(KeyCode::Esc)],
        action: |_, _| Some(Action::StopPractice),
        help: help("Loop", "Esc", "stop practising"),
        footer: &[(Context::Practice, "Esc", "stop")],
    },
    Binding {
        contexts: &[Context::Practice],
        keys: &[Key::Ctrl('c'), Key::Ctrl('q')],
        action: |_, _| Some(Action::Quit),
        help: None,
        footer: &[],
    },
    // ----- the section editor --------------------------------------------------------
    Binding {
        contexts: EDITOR,
        keys: &[Key::Ctrl('s')],
        action: |_, _| Some(Action::EditorSave),
        help: help("Editor", "Ctrl+S", "save (only this section changes)"),
        footer: &[(Context::Editor, "Ctrl+S", "save")],
    },
    Binding {
        contexts: EDITOR,
        keys: &[Key::Code(KeyCode::Esc)],
        action: |_, _| Some(Action::EditorClose),
        help: help("Editor", "Esc", "close (asks if unsaved)"),
        footer: &[(Context::Editor, "Esc", "close")],
    },
    Binding {
        contexts: EDITOR,
        keys: &[Key::Ctrl('z'), Key::Ctrl('u'), Key::Ctrl('r')],
        action: editor_input,
        help: help("Editor", "Ctrl+Z / Ctrl+U, Ctrl+R", "undo, redo"),
        footer: &[(Context::Editor, "Ctrl+Z/R", "undo/redo")],
    },
    Binding {
        contexts: EDITOR,
        keys: &[Key::Code(KeyCode::Left), Key::Code(KeyCode::Right)],
        action: editor_input,
        help: help("Editor", "Alt+← → / Ctrl+← →", "word left / right"),
        footer: &[(Context::Editor, "Alt+←→", "word")],
    },
    Binding {
        contexts: EDITOR,
        keys: &[
            Key::Code(KeyCode::Home),
            Key::Code(KeyCode::End),
            Key::Ctrl('a'),
            Key::Ctrl('e'),
        ],
        action: editor_input,
        help: help("Editor", "Home End / Ctrl+A Ctrl+E", "line start / end"),
        footer: &[],
    },
    Binding {
        contexts: EDITOR,
        keys: &[Key::Ctrl('x'), Key::Ctrl('c'), Key::Ctrl('y')],
        action: editor_input,
        help: help("Editor", "Ctrl+X Ctrl+C Ctrl+Y", "cut, copy, paste"),
        footer: &[],
    },
    Binding {
        contexts: EDITOR,
        keys: &[Key::Ctrl('q')],
        action: |_, _| Some(Action::Quit),
        help: None,
        footer: &[(Context::Editor, "Ctrl+Q", "quit")],
    },
    Binding {
        contexts: EDITOR,
        keys: &[Key::Any],
        action: editor_input,
        help: None,
        footer: &[],
    },
    // ----- the mouse (see mouse.rs) --------------------------------------------------
    Binding {
        contexts: &[Context::Mouse],
        keys: &[],
        action: |_, _| None,
        help: help("Mouse", "wheel", "scroll the pane under the pointer"),
        footer: &[],
    },
    Binding {
        contexts: &[Context::Mouse],
        keys: &[],
        action: |_, _| None,
        help: help("Mouse", "click", "select; in the editor, place the cursor"),
        footer: &[],
    },
    Binding {
        contexts: &[Context::Mouse],
        keys: &[],
        action: |_, _| None,
        help: help("Mouse", "drag", "select text in the editor"),
        footer: &[],
    },
    // ----- dialogs -------------------------------------------------------------------
    Binding {
        contexts: &[Context::Dialog(DialogKind::Help)],
        keys: &[
            Key::Code(KeyCode::Esc),
            Key::Code(KeyCode::Char('?')),
            Key::Code(KeyCode::Char('q')),
            Key::Code(KeyCode::Enter),
        ],
        action: close,
        help: None,
        footer: &[(Context::Dialog(DialogKind::Help), "Esc", "close")],
    },
    Binding {
        contexts: &[Context::Dialog(DialogKind::NewStory)],
        keys: &[Key::Code(KeyCode::Enter)],
        action: |_, _| Some(Action::NewStoryCreate),
        help: None,
        footer: &[(Context::Dialog(DialogKind::NewStory), "Enter", "create")],
    },
    Binding {
        contexts: &[Context::Dialog(DialogKind::NewStory)],
        keys: &[Key::Code(KeyCode::Tab), Key::Code(KeyCode::BackTab)],
        action: |_, _| Some(Action::NewStoryToggleLevel),
        help: None,
        footer: &[(Context::Dialog(DialogKind::NewStory), "Tab", "level")],
    },
    Binding {
        contexts: &[Context::Dialog(DialogKind::NewStory)],
        keys: &[Key::Code(KeyCode::Backspace)],
        action: |_, _| Some(Action::NewStoryBackspace),
        help: None,
        footer: &[],
    },
    Binding {
        contexts: &[
            Context::Dialog(DialogKind::NewStory),
            Context::Dialog(DialogKind::Help),
            Context::Dialog(DialogKind::Conflict),
            Context::Dialog(DialogKind::Recovery),
        ],
        keys: &[Key::Ctrl('c')],
        action: close,
        help: None,
        footer: &[],
    },
    Binding {
        contexts: &[Context::Dialog(DialogKind::NewStory)],
        keys: &[Key::AnyChar],
        action: |_, key| Some(Action::NewStoryInput(char_of(key))),
        help: None,
        footer: &[],
    },
    Binding {
        contexts: &[Context::Dialog(DialogKind::Unsaved)],
        keys: &[Key::Code(KeyCode::Char('s')), Key::Code(KeyCode::Char('d'))],
        action: choose,
        help: None,
        footer: &[
            (Context::Dialog(DialogKind::Unsaved), "s", "save"),
            (Context::Dialog(DialogKind::Unsaved), "d", "discard"),
        ],
    },
    Binding {
        contexts: &[Context::Dialog(DialogKind::Conflict)],
        keys: &[
            Key::Code(KeyCode::Char('r')),
            Key::Code(KeyCode::Char('o')),
            Key::Code(KeyCode::Char('k')),
        ],
        action: choose,
        help: None,
        footer: &[
            (Context::Dialog(DialogKind::Conflict), "r", "reload"),
            (Context::Dialog(DialogKind::Conflict), "o", "overwrite"),
            (Context::Dialog(DialogKind::Conflict), "k", "keep both"),
        ],
    },
    Binding {
        contexts: &[Context::Dialog(DialogKind::Recovery)],
        keys: &[
            Key::Code(KeyCode::Enter),
            Key::Code(KeyCode::Char('o')),
            Key::Code(KeyCode::Char('d')),
        ],
        action: choose,
        help: None,
        footer: &[
            (Context::Dialog(DialogKind::Recovery), "Enter", "restore"),
            (Context::Dialog(DialogKind::Recovery), "d", "discard"),
        ],
    },
    Binding {
        contexts: &[Context::Dialog(DialogKind::NewStory)],
        keys: &[Key::Code(KeyCode::Esc)],
        action: close,
        help: None,
        footer: &[(Context::Dialog(DialogKind::NewStory), "Esc", "cancel")],
    },
    Binding {
        contexts: &[
            Context::Dialog(DialogKind::Unsaved),
            Context::Dialog(DialogKind::Conflict),
        ],
        keys: &[Key::Code(KeyCode::Esc), Key::Code(KeyCode::Char('c'))],
        action: close,
        help: None,
        footer: &[
            (Context::Dialog(DialogKind::Unsaved), "Esc", "back"),
            (Context::Dialog(DialogKind::Conflict), "Esc", "back"),
        ],
    },
    Binding {
        contexts: &[Context::Dialog(DialogKind::Recovery)],
        keys: &[Key::Code(KeyCode::Esc), Key::Code(KeyCode::Char('l'))],
        action: close,
        help: None,
        footer: &[(Context::Dialog(DialogKind::Recovery), "Esc", "later")],
    },
];

/// The context the keys go to now.
pub fn current(app: &App) -> Context {
    if let Some(modal) = &app.modal {
        return Context::Dialog(DialogKind::of(modal));
    }
    if app.edit.is_some() {
        return Context::Editor;
    }
    if app.typing() {
        return Context::Typing;
    }
    if app.view == View::Loop && app.loop_view.practice.is_some() {
        return Context::Practice;
    }
    Context::Pane(app.view, app.focus())
}

/// Whether a binding's `context` applies when the keys go to `now`.
fn applies(context: Context, now: Context) -> bool {
    match (context, now) {
        (Context::Anywhere, Context::Pane(..)) => true,
        (Context::View(view), Context::Pane(now, _)) => view == now,
        (context, now) => context == now,
    }
}

/// The action for `key` now, if any: named keys first, then the catch-alls.
pub fn action_for_key(app: &App, key: &KeyEvent) -> Option<Action> {
    let now = current(app);
    let candidates = BINDINGS
        .iter()
        .filter(|binding| binding.contexts.iter().any(|c| applies(*c, now)));
    for catch_all in [false, true] {
        for binding in candidates.clone() {
            if binding
                .keys
                .iter()
                .any(|k| k.is_catch_all() == catch_all && k.matches(key))
            {
                return (binding.action)(app, key);
            }
        }
    }
    None
}

/// The footer's keys now: (keys, what), in table order.
pub fn footer(app: &App) -> Vec<(&'static str, &'static str)> {
    let now = current(app);
    BINDINGS
        .iter()
        .flat_map(|binding| binding.footer.iter())
        .filter(|(context, _, _)| applies(*context, now))
        .map(|(_, keys, what)| (*keys, *what))
        .collect()
}

/// The `?` overlay: each section with its lines, sections in the order they first appear.
pub fn help_sections() -> Vec<(&'static str, Vec<Help>)> {
    let mut sections: Vec<(&'static str, Vec<Help>)> = Vec::new();
    for help in BINDINGS.iter().filter_map(|binding| binding.help) {
        match sections.iter_mut().find(|(name, _)| *name == help.section) {
            Some((_, lines)) => lines.push(help),
            None => sections.push((help.section, vec![help])),
        }
    }
    sections
}

/// The key table as the README prints it (Markdown), one row per line of the help.
pub fn markdown_table() -> String {
    let mut out = String::from("| Keys | |\n|---|---|\n");
    for (section, helps) in help_sections() {
        for help in helps {
            let keys = if section == "Everywhere" {
                format!("`{}`", help.keys)
            } else {
                format!("{section}: `{}`", help.keys)
            };
            out.push_str(&format!("| {keys} | {} |\n", help.what));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_of_a_context_reaches_one_binding_first() {
        // Two bindings of one context answering the same named key would make the second
        // unreachable: the table must not hide a binding.
        let contexts: Vec<Context> = BINDINGS
            .iter()
            .flat_map(|b| b.contexts.iter().copied())
            .collect();
        for context in contexts {
            let mut seen: Vec<Key> = Vec::new();
            for binding in BINDINGS.iter().filter(|b| b.contexts.contains(&context)) {
                for key in binding.keys {
                    assert!(!seen.contains(key), "{key:?} bound twice in {context:?}");
                    seen.push(*key);
                }
            }
        }
    }

    #[test]
    fn the_help_has_the_sections_a_user_looks_for() {
        let names: Vec<&str> = help_sections().iter().map(|(name, _)| *name).collect();
        assert_eq!(
            names,
            [
                "Everywhere",
                "Stories",
                "Questions",
                "Loop",
                "Editor",
                "Mouse"
            ]
        );
    }
}
