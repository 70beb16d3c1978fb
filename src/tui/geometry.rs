//! What the last frame drew where. The drawing ([`super::ui`]) writes it; the mouse
//! ([`super::mouse`]) and the editor read it. Geometry goes one way: the state never calls
//! the drawing code to learn where something is.

use ratatui::layout::Rect;

use super::action::View;

/// What the last frame drew where: each pane's rectangle and the first row each list
/// showed. Written by [`super::ui::draw`], read by [`super::mouse`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FrameLayout {
    pub tabs: Rect,
    /// The story list's rows (inside its border), the first story row shown, and the
    /// screen rows per story (2 while searching: a hit's snippet).
    pub story_rows: Rect,
    pub story_offset: usize,
    pub rows_per_story: usize,
    /// The story pane (or the editor), the findings pane and its first row shown.
    pub sections: Rect,
    pub findings: Rect,
    pub finding_offset: usize,
    /// The questions list (inside its border) and its first row, and the ranked stories.
    pub question_rows: Rect,
    pub question_offset: usize,
    pub question_detail: Rect,
}

/// The inside of a bordered pane.
pub fn inner(area: Rect) -> Rect {
    Rect::new(
        area.x.saturating_add(1),
        area.y.saturating_add(1),
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    )
}

/// The tab labels, as drawn: " 1 Stories " ...
pub fn tab_label(view: View) -> String {
    let number = View::ALL.iter().position(|v| *v == view).unwrap_or(0) + 1;
    format!(" {number} {} ", view.title())
}

/// The view whose tab is at `column` of the tab row.
pub fn tab_at(tabs: Rect, column: u16) -> Option<View> {
    let mut x = tabs.x;
    for view in View::ALL {
        let width = tab_label(view).chars().count() as u16;
        if column >= x && column < x + width {
            return Some(view);
        }
        x += width + 1;
    }
    None
}
