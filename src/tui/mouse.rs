//! The mouse, as television's `mouse.rs` does it: a click or the wheel becomes an
//! [`Action`] by hit-testing the [`FrameLayout`] the last draw recorded, so the state never
//! computes where anything is on screen.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::action::{Action, Focus, View};
use super::app::App;
use super::geometry::{inner, tab_at, FrameLayout};

/// Lines the story pane moves per wheel step.
const WHEEL_LINES: i32 = 3;

pub fn action_for(app: &App, mouse: &MouseEvent) -> Option<Action> {
    let at = Position::new(mouse.column, mouse.row);
    let drawn = app.layout.get();
    let down = match mouse.kind {
        MouseEventKind::ScrollDown => Some(true),
        MouseEventKind::ScrollUp => Some(false),
        _ => None,
    };
    if app.edit.is_some() {
        return match (mouse.kind, down) {
            (_, Some(down)) => Some(Action::EditorScroll { down }),
            (MouseEventKind::Down(MouseButton::Left), _) if drawn.sections.contains(at) => {
                Some(editor_mouse(mouse, false))
            }
            (MouseEventKind::Drag(MouseButton::Left), _) if drawn.sections.contains(at) => {
                Some(editor_mouse(mouse, true))
            }
            _ => None,
        };
    }
    if let Some(down) = down {
        return Some(wheel(app.view, &drawn, at, down));
    }
    if mouse.kind != MouseEventKind::Down(MouseButton::Left) {
        return None;
    }
    if drawn.tabs.contains(at) {
        return tab_at(drawn.tabs, mouse.column).map(Action::ShowView);
    }
    match app.view {
        View::Stories => {
            if let Some(row) = row_at(drawn.story_rows, at, drawn.rows_per_story) {
                Some(Action::SelectStory(drawn.story_offset + row))
            } else if drawn.sections.contains(at) {
                Some(Action::Focus(Focus::Sections))
            } else if let Some(row) = row_at(inner(drawn.findings), at, 1) {
                Some(Action::SelectFinding(drawn.finding_offset + row))
            } else if drawn.findings.contains(at) {
                Some(Action::Focus(Focus::Findings))
            } else {
                None
            }
        }
        View::Questions => {
            if let Some(row) = row_at(drawn.question_rows, at, 1) {
                Some(Action::SelectQuestion(drawn.question_offset + row))
            } else if drawn.question_detail.contains(at) {
                Some(Action::Focus(Focus::Ranked))
            } else {
                None
            }
        }
        View::Coverage | View::Loop => None,
    }
}

fn editor_mouse(mouse: &MouseEvent, drag: bool) -> Action {
    Action::EditorMouse {
        column: mouse.column,
        row: mouse.row,
        drag,
    }
}

/// The wheel moves in the pane under the pointer; over the story text it scrolls it.
fn wheel(view: View, drawn: &FrameLayout, at: Position, down: bool) -> Action {
    let pane = match view {
        View::Stories if drawn.sections.contains(at) => {
            return Action::ScrollStory(if down { WHEEL_LINES } else { -WHEEL_LINES });
        }
        View::Stories if drawn.findings.contains(at) => Focus::Findings,
        View::Questions if drawn.question_detail.contains(at) => Focus::Ranked,
        _ => Focus::List,
    };
    Action::ScrollIn { pane, down }
}

/// The item row under `at` in a list whose rows fill `rows`, `per_item` screen rows each.
fn row_at(rows: Rect, at: Position, per_item: usize) -> Option<usize> {
    rows.contains(at)
        .then(|| (at.y - rows.y) as usize / per_item.max(1))
}
