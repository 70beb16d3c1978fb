//! The section editor: a multi-line `ratatui-textarea` with word wrap, undo/redo and paste,
//! plus the few keys people expect that the widget binds differently (Ctrl+Z undo).

use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{CursorMove, DataCursor, Input, Key, TextArea, WrapMode};

use super::theme::Theme;

pub struct Editor {
    textarea: TextArea<'static>,
}

impl Editor {
    /// An editor holding `text`; an empty section shows `hint` until the first key.
    pub fn new(text: &str, hint: &str, theme: Theme) -> Editor {
        let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
        let mut textarea = TextArea::new(lines);
        textarea.set_wrap_mode(WrapMode::WordOrGlyph);
        textarea.set_placeholder_text(crate::snippet::sanitize(hint));
        textarea.set_placeholder_style(theme.dim().add_modifier(Modifier::ITALIC));
        textarea.set_cursor_line_style(Style::new());
        textarea.set_cursor_style(Style::new().add_modifier(Modifier::REVERSED));
        textarea.set_selection_style(Style::new().add_modifier(Modifier::REVERSED));
        textarea.set_max_histories(1000);
        Editor { textarea }
    }

    /// The text as the section will hold it.
    pub fn text(&self) -> String {
        self.textarea.lines().join("\n")
    }

    /// Handles a key; returns true if the text changed.
    pub fn input(&mut self, input: Input) -> bool {
        match input {
            Input {
                key: Key::Char('z'),
                ctrl: true,
                alt: false,
                shift: false,
            } => self.textarea.undo(),
            Input {
                key: Key::Char('z' | 'Z'),
                ctrl: true,
                shift: true,
                ..
            } => self.textarea.redo(),
            Input {
                key: key @ (Key::Left | Key::Right),
                ctrl: false,
                alt: true,
                shift,
            } => {
                // Alt+arrows move by word, as in most editors on Linux and macOS terminals.
                let translated = Input {
                    key,
                    ctrl: true,
                    alt: false,
                    shift,
                };
                self.textarea.input(translated)
            }
            input => self.textarea.input(input),
        }
    }

    /// Inserts pasted text at the cursor (one undo step).
    pub fn paste(&mut self, text: &str) {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        self.textarea.insert_str(text);
    }

    /// Puts the cursor at a byte offset of the text.
    pub fn move_to_offset(&mut self, offset: usize) {
        let text = self.text();
        let offset = offset.min(text.len());
        let before = &text[..text.floor_char_boundary_compat(offset)];
        let row = before.matches('\n').count();
        let column = before
            .rsplit('\n')
            .next()
            .map_or(0, |line| line.chars().count());
        self.textarea.move_cursor(CursorMove::Jump(
            row.min(u16::MAX as usize) as u16,
            column.min(u16::MAX as usize) as u16,
        ));
    }

    /// A click (or drag) at `point` in the editor's `area`: move the cursor there, selecting
    /// while dragging.
    pub fn click(&mut self, area: Rect, point: Position, drag: bool) {
        let inner = self
            .textarea
            .block()
            .map_or(area, |block| block.inner(area));
        if !inner.contains(point) {
            return;
        }
        let (top_row, top_col) = self.textarea.scroll_offset();
        let row = (point.y - inner.y + top_row) as usize;
        let col = (point.x - inner.x).saturating_sub(self.textarea.line_number_width()) + top_col;
        let DataCursor(row, col) = self.textarea.screen_to_data(row, col as usize);
        if !drag {
            self.textarea.cancel_selection();
        }
        if drag && !self.textarea.is_selecting() {
            self.textarea.start_selection();
        }
        self.textarea.move_cursor(CursorMove::Jump(
            row.min(u16::MAX as usize) as u16,
            col.min(u16::MAX as usize) as u16,
        ));
    }

    pub fn set_block(&mut self, block: ratatui::widgets::Block<'static>) {
        self.textarea.set_block(block);
    }

    pub fn widget(&self) -> &TextArea<'static> {
        &self.textarea
    }

    /// (row, column) of the cursor, 0-based.
    pub fn cursor(&self) -> (usize, usize) {
        let DataCursor(row, col) = self.textarea.cursor();
        (row, col)
    }
}

/// `str::floor_char_boundary` is not stable on our minimum Rust.
trait FloorCharBoundary {
    fn floor_char_boundary_compat(&self, index: usize) -> usize;
}

impl FloorCharBoundary for str {
    fn floor_char_boundary_compat(&self, mut index: usize) -> usize {
        while index > 0 && !self.is_char_boundary(index) {
            index -= 1;
        }
        index
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: char) -> Input {
        Input {
            key: Key::Char(c),
            ..Default::default()
        }
    }

    #[test]
    fn types_undoes_and_pastes() {
        let mut editor = Editor::new("ab\ncd", "", Theme { colour: false });
        editor.move_to_offset(4);
        assert!(editor.input(key('X')));
        assert_eq!(editor.text(), "ab\ncXd");
        assert!(editor.input(Input {
            key: Key::Char('z'),
            ctrl: true,
            ..Default::default()
        }));
        assert_eq!(editor.text(), "ab\ncd");
        editor.paste("1\r\n2");
        assert_eq!(editor.text(), "ab\nc1\n2d");
    }
}
