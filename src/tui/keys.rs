//! Every key and mouse binding, in one place: a terminal event becomes at most one [`Action`].

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::{Action, Focus, Modal, View};
use super::app::App;

/// The action for an event in the app's current state, if any.
pub fn action_for(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => key_action(app, key),
        Event::Mouse(mouse) => super::mouse::action_for(app, mouse),
        Event::Paste(text) if app.edit.is_some() && app.modal.is_none() => {
            Some(Action::EditorPaste(text.clone()))
        }
        Event::Paste(text) if app.stories_view.search.typing || app.questions_view.typing => {
            // A pasted query: its first line.
            text.lines()
                .next()
                .map(|line| Action::SearchPaste(line.to_string()))
        }
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}

fn ctrl(key: &KeyEvent, c: char) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char(c)
}

fn key_action(app: &App, key: &KeyEvent) -> Option<Action> {
    if let Some(modal) = &app.modal {
        return modal_action(modal, key);
    }
    if app.edit.is_some() {
        return Some(editor_action(key));
    }
    if ctrl(key, 'c') || ctrl(key, 'q') {
        return Some(Action::Quit);
    }
    if app.typing() {
        return Some(match key.code {
            KeyCode::Esc => Action::SearchClear,
            KeyCode::Enter => Action::SearchAccept,
            KeyCode::Backspace => Action::SearchBackspace,
            KeyCode::Up => Action::Up,
            KeyCode::Down => Action::Down,
            KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                Action::SearchClear
            }
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                Action::SearchInput(c)
            }
            _ => return None,
        });
    }
    Some(match key.code {
        KeyCode::Char('q') => Action::Quit,
        KeyCode::Char('?') | KeyCode::F(1) => Action::ToggleHelp,
        KeyCode::Char('1') => Action::ShowView(View::Stories),
        KeyCode::Char('2') => Action::ShowView(View::Questions),
        KeyCode::Char('3') => Action::ShowView(View::Coverage),
        KeyCode::Char('v') => Action::NextView,
        KeyCode::Tab | KeyCode::Right | KeyCode::Char('l') => Action::FocusNext,
        KeyCode::BackTab | KeyCode::Left | KeyCode::Char('h') => Action::FocusPrev,
        KeyCode::Up | KeyCode::Char('k') => Action::Up,
        KeyCode::Down | KeyCode::Char('j') => Action::Down,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::Home | KeyCode::Char('g') => Action::Top,
        KeyCode::End | KeyCode::Char('G') => Action::Bottom,
        KeyCode::Enter => Action::Activate,
        KeyCode::Char('/') => Action::StartSearch,
        KeyCode::Esc if app.view == View::Stories && app.stories_view.search.is_active() => {
            Action::SearchClear
        }
        KeyCode::Esc if app.view == View::Questions && !app.questions_view.query.is_empty() => {
            Action::SearchClear
        }
        KeyCode::Esc if app.focus() != Focus::List => Action::FocusPrev,
        KeyCode::Char('L') => Action::CycleLevel,
        KeyCode::Char('n') => Action::NewStory,
        KeyCode::Char('i') if app.view == View::Stories => Action::EditSection,
        KeyCode::Char('e') if app.view == View::Stories => Action::ExternalEditor,
        KeyCode::Char('r') => Action::Reload,
        _ => return None,
    })
}

fn editor_action(key: &KeyEvent) -> Action {
    if ctrl(key, 's') {
        return Action::EditorSave;
    }
    if ctrl(key, 'q') {
        return Action::Quit;
    }
    if key.code == KeyCode::Esc {
        return Action::EditorClose;
    }
    Action::EditorInput((*key).into())
}

fn modal_action(modal: &Modal, key: &KeyEvent) -> Option<Action> {
    if ctrl(key, 'c') && !matches!(modal, Modal::ConfirmQuit) {
        return Some(Action::CloseModal);
    }
    match modal {
        Modal::Help => match key.code {
            KeyCode::Esc | KeyCode::Char('?' | 'q') | KeyCode::Enter => Some(Action::CloseModal),
            _ => None,
        },
        Modal::NewStory { .. } => match key.code {
            KeyCode::Esc => Some(Action::CloseModal),
            KeyCode::Enter => Some(Action::NewStoryCreate),
            KeyCode::Tab | KeyCode::BackTab => Some(Action::NewStoryToggleLevel),
            KeyCode::Backspace => Some(Action::NewStoryBackspace),
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                Some(Action::NewStoryInput(c))
            }
            _ => None,
        },
        Modal::ConfirmQuit | Modal::ConfirmClose => match key.code {
            KeyCode::Esc | KeyCode::Char('c') => Some(Action::CloseModal),
            KeyCode::Char(c @ ('s' | 'd')) => Some(Action::Choose(c)),
            _ => None,
        },
        Modal::Conflict => match key.code {
            KeyCode::Esc | KeyCode::Char('c') => Some(Action::CloseModal),
            KeyCode::Char(c @ ('r' | 'o' | 'k')) => Some(Action::Choose(c)),
            _ => None,
        },
        Modal::Recovery { .. } => match key.code {
            KeyCode::Esc | KeyCode::Char('l') => Some(Action::CloseModal),
            KeyCode::Enter | KeyCode::Char('o') => Some(Action::Choose('o')),
            KeyCode::Char('d') => Some(Action::Choose('d')),
            _ => None,
        },
    }
}

/// The keys shown in the footer for the current state: (key, what it does).
pub fn footer_keys(app: &App) -> Vec<(&'static str, &'static str)> {
    if let Some(modal) = &app.modal {
        return match modal {
            Modal::Help => vec![("Esc", "close")],
            Modal::NewStory { .. } => {
                vec![("Enter", "create"), ("Tab", "level"), ("Esc", "cancel")]
            }
            Modal::ConfirmQuit | Modal::ConfirmClose => {
                vec![("s", "save"), ("d", "discard"), ("Esc", "back")]
            }
            Modal::Conflict => vec![
                ("r", "reload"),
                ("o", "overwrite"),
                ("k", "keep both"),
                ("Esc", "back"),
            ],
            Modal::Recovery { .. } => {
                vec![("Enter", "restore"), ("d", "discard"), ("Esc", "later")]
            }
        };
    }
    if app.edit.is_some() {
        return vec![
            ("Ctrl+S", "save"),
            ("Esc", "close"),
            ("Ctrl+Z/R", "undo/redo"),
            ("Alt+←→", "word"),
            ("Ctrl+Q", "quit"),
        ];
    }
    if app.stories_view.search.typing || app.questions_view.typing {
        return vec![
            ("type", "search"),
            ("↑↓", "move"),
            ("Enter", "done"),
            ("Esc", "clear"),
        ];
    }
    let mut keys = vec![
        ("?", "help"),
        ("q", "quit"),
        ("1-3", "views"),
        ("/", "search"),
    ];
    match (app.view, app.focus()) {
        (View::Stories, Focus::List) => {
            keys.extend([("Enter", "open"), ("n", "new"), ("e", "$EDITOR")])
        }
        (View::Stories, Focus::Sections) => {
            keys.extend([("↑↓", "section"), ("Enter", "edit"), ("Tab", "findings")])
        }
        (View::Stories, Focus::Findings) => {
            keys.extend([("Enter", "jump to phrase"), ("Tab", "list")])
        }
        (View::Questions, Focus::Ranked) => {
            keys.extend([("Enter", "open story"), ("Tab", "questions")])
        }
        (View::Questions, _) => keys.extend([("L", "level"), ("Enter", "stories")]),
        (View::Coverage, _) => keys.extend([("L", "level"), ("↑↓", "scroll")]),
        _ => {}
    }
    keys
}

/// Every binding, for the `?` overlay: (section, [(keys, what)]).
pub const HELP: &[(&str, &[(&str, &str)])] = &[
    (
        "Everywhere",
        &[
            ("1 2 3 / v", "Stories, Questions, Coverage / next view"),
            ("Tab / ← →", "move between panes"),
            ("↑ ↓ j k", "move; PgUp PgDn g G jump"),
            ("/", "search as you type (Esc clears)"),
            ("L", "level filter: all, L6, L7"),
            ("n", "new story from the template"),
            ("r", "reload the bank from disk"),
            ("?", "this help"),
            ("q / Ctrl+Q", "quit (asks if an edit is unsaved)"),
        ],
    ),
    (
        "Stories",
        &[
            ("Enter on a story", "open it"),
            ("Enter on a section", "edit it"),
            ("Enter on a finding", "jump to the phrase"),
            ("i", "edit the selected section"),
            ("e", "open the file in $VISUAL / $EDITOR"),
        ],
    ),
    (
        "Editor",
        &[
            ("Ctrl+S", "save (only this section changes)"),
            ("Esc", "close (asks if unsaved)"),
            ("Ctrl+Z / Ctrl+U, Ctrl+R", "undo, redo"),
            ("Alt+← → / Ctrl+← →", "word left / right"),
            ("Home End / Ctrl+A Ctrl+E", "line start / end"),
            ("Ctrl+X Ctrl+C Ctrl+Y", "cut, copy, paste"),
        ],
    ),
    (
        "Mouse",
        &[
            ("wheel", "scroll the pane under the pointer"),
            ("click", "select; in the editor, place the cursor"),
            ("drag", "select text in the editor"),
        ],
    ),
];
