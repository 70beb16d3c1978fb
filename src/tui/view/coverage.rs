//! The Coverage view: questions by stories, scrolled by question row.

use super::step;

#[derive(Debug, Clone, Default)]
pub struct CoverageView {
    /// The first question row shown.
    pub scroll: usize,
}

impl CoverageView {
    pub fn move_by(&mut self, delta: isize, rows: usize) {
        self.scroll = step(self.scroll, delta, rows);
    }
}
