//! A terminal event becomes at most one [`Action`]: keys through the one table of bindings
//! ([`super::bindings`]), the mouse through [`super::mouse`].

use ratatui::crossterm::event::{Event, KeyEventKind};

use super::action::Action;
use super::app::App;
use super::bindings;

/// The action for an event in the app's current state, if any.
pub fn action_for(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => bindings::action_for_key(app, key),
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

/// The keys shown in the footer for the current state: (key, what it does).
pub fn footer_keys(app: &App) -> Vec<(&'static str, &'static str)> {
    bindings::footer(app)
}
