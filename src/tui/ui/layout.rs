//! Where each pane goes, as pure functions of the terminal size (and focus, on narrow
//! terminals). A draw records what it used in a [`FrameLayout`]; the mouse reads that.

use ratatui::layout::{Constraint, Layout, Rect};

use crate::tui::action::Focus;
pub use crate::tui::geometry::{inner, tab_at, tab_label, FrameLayout};

/// Below this the workbench draws only a "too small" notice.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;
/// From this width, panes sit side by side.
const WIDE: u16 = 80;

pub struct FrameAreas {
    pub tabs: Rect,
    pub body: Rect,
    pub footer: Rect,
}

pub fn frame(area: Rect) -> FrameAreas {
    let footer_height = if area.height >= 20 { 2 } else { 1 };
    let [tabs, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(footer_height),
    ])
    .areas(area);
    FrameAreas { tabs, body, footer }
}

pub fn is_too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

pub struct StoriesAreas {
    pub list: Rect,
    pub sections: Rect,
    pub findings: Rect,
    pub questions: Rect,
}

pub fn stories(area: Rect, focus: Focus) -> StoriesAreas {
    let body = frame(area).body;
    if body.width >= WIDE {
        let list_width = (body.width * 2 / 5).clamp(30, 64);
        let [list, right] =
            Layout::horizontal([Constraint::Length(list_width), Constraint::Fill(1)]).areas(body);
        let bottom_height = (right.height / 3).clamp(5, 14);
        let [sections, bottom] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(bottom_height)]).areas(right);
        let [findings, questions] =
            Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)])
                .areas(bottom);
        return StoriesAreas {
            list,
            sections,
            findings,
            questions,
        };
    }
    // Narrow: the list, or the story, fills the body.
    let empty = Rect::new(body.x, body.y, 0, 0);
    if focus == Focus::List {
        return StoriesAreas {
            list: body,
            sections: empty,
            findings: empty,
            questions: empty,
        };
    }
    let findings_height = (body.height / 3).max(3).min(body.height);
    let [sections, findings] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(findings_height)]).areas(body);
    StoriesAreas {
        list: empty,
        sections,
        findings,
        questions: empty,
    }
}

pub struct QuestionsAreas {
    pub list: Rect,
    pub detail: Rect,
}

pub fn questions(area: Rect, focus: Focus) -> QuestionsAreas {
    let body = frame(area).body;
    if body.width >= WIDE {
        let [list, detail] =
            Layout::horizontal([Constraint::Percentage(48), Constraint::Percentage(52)])
                .areas(body);
        return QuestionsAreas { list, detail };
    }
    let empty = Rect::new(body.x, body.y, 0, 0);
    if focus == Focus::Ranked {
        QuestionsAreas {
            list: empty,
            detail: body,
        }
    } else {
        QuestionsAreas {
            list: body,
            detail: empty,
        }
    }
}

/// The first row a list of `height` rows shows so that `selected` is visible.
pub fn list_offset(selected: usize, height: usize) -> usize {
    if height == 0 {
        return selected;
    }
    (selected + 1).saturating_sub(height)
}

/// A rectangle of at most `width` x `height` centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}
