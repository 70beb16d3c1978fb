//! The Stories view: the story list (or search hits), the selected story's sections, its
//! findings, and search as you type.

use std::cell::Cell;
use std::ops::Range;
use std::path::Path;
use std::time::Instant;

use crate::story::{Section, Story};
use crate::tui::action::Focus;
use crate::tui::analysis::StoryHit;

use super::{cycle, step};

/// Where the story pane should scroll to, resolved by the drawing (which knows how the
/// text wraps): a section's heading, or the line holding a byte offset of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DetailAnchor {
    pub section: Section,
    pub offset: Option<usize>,
    /// Put the line a third of the way down the pane rather than at its top.
    pub third: bool,
}

/// Search-as-you-type state of the Stories view.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub query: String,
    /// Keys go to the query.
    pub typing: bool,
    /// `None` until the first answer for the current query arrives.
    pub hits: Option<Vec<StoryHit>>,
    pub generation: u64,
    pub due: Option<Instant>,
}

impl Search {
    pub fn is_active(&self) -> bool {
        !self.query.trim().is_empty()
    }
}

#[derive(Debug)]
pub struct StoriesView {
    /// `List`, `Sections` or `Findings`.
    pub focus: Focus,
    /// Row in the visible story list.
    pub selected: usize,
    pub section: Section,
    /// The story pane's first line, as last drawn (the wheel moves it).
    pub detail_top: Cell<u16>,
    /// Where the story pane should scroll to at the next draw.
    pub detail_anchor: Cell<Option<DetailAnchor>>,
    /// Row in the findings.
    pub finding: usize,
    /// The phrase a finding jumped to.
    pub mark: Option<(Section, Range<usize>)>,
    pub search: Search,
}

impl Default for StoriesView {
    fn default() -> StoriesView {
        StoriesView {
            focus: Focus::List,
            selected: 0,
            section: Section::Situation,
            detail_top: Cell::new(0),
            detail_anchor: Cell::new(None),
            finding: 0,
            mark: None,
            search: Search::default(),
        }
    }
}

impl StoriesView {
    /// Indices into `stories` (sorted by path) of the rows the list shows, in order: the
    /// search hits while a search is active, else every story.
    pub fn visible(&self, stories: &[Story]) -> Vec<usize> {
        if self.search.is_active() {
            if let Some(hits) = &self.search.hits {
                return hits
                    .iter()
                    .filter_map(|hit| index_of(stories, &hit.path))
                    .collect();
            }
        }
        (0..stories.len()).collect()
    }

    pub fn selected_story<'a>(&self, stories: &'a [Story]) -> Option<&'a Story> {
        let index = *self.visible(stories).get(self.selected)?;
        stories.get(index)
    }

    pub fn search_hit(&self, path: &Path) -> Option<&StoryHit> {
        self.search
            .hits
            .as_ref()?
            .iter()
            .find(|hit| hit.path == path)
    }

    /// Selects a row; another story starts at its top with no finding marked.
    pub fn select_row(&mut self, row: usize) {
        if row != self.selected {
            self.detail_top.set(0);
            self.finding = 0;
            self.mark = None;
        }
        self.selected = row;
    }

    /// Shows the story at `index` of the whole list, search cleared, its sections focused.
    pub fn open(&mut self, index: Option<usize>) {
        self.search = Search::default();
        if let Some(index) = index {
            self.selected = index;
        }
        self.focus = Focus::Sections;
        self.detail_top.set(0);
        self.finding = 0;
        self.mark = None;
    }

    pub fn focus_next(&mut self, forward: bool) {
        let order = [Focus::List, Focus::Sections, Focus::Findings];
        self.focus = cycle(&order, self.focus, forward);
    }

    /// Moves in the focused pane; `rows` and `findings` are the counts of the list and of
    /// the selected story's findings.
    pub fn move_by(&mut self, delta: isize, rows: usize, findings: usize) {
        match self.focus {
            Focus::Sections => {
                let next = step(self.section as usize, delta, Section::ALL.len());
                self.section = Section::ALL[next];
                self.mark = None;
                self.scroll_to(DetailAnchor {
                    section: self.section,
                    offset: None,
                    third: false,
                });
            }
            Focus::Findings => self.finding = step(self.finding, delta, findings),
            _ => self.select_row(step(self.selected, delta, rows)),
        }
    }

    pub fn scroll_to(&self, anchor: DetailAnchor) {
        self.detail_anchor.set(Some(anchor));
    }

    /// The wheel over the story pane.
    pub fn scroll_detail(&self, lines: i32) {
        let top = (self.detail_top.get() as i32 + lines).max(0) as u16;
        self.detail_top.set(top);
        self.detail_anchor.set(None);
    }

    /// Keeps the selection inside a list of `rows`.
    pub fn clamp(&mut self, rows: usize) {
        if self.selected >= rows {
            self.selected = rows.saturating_sub(1);
        }
    }

    /// The typed query changed; returns whether a search is now active.
    pub fn edit_query(&mut self, change: impl FnOnce(&mut String)) -> bool {
        change(&mut self.search.query);
        self.selected = 0;
        self.detail_top.set(0);
        if !self.search.is_active() {
            self.search.hits = None;
            self.search.due = None;
        }
        self.search.is_active()
    }

    pub fn clear_search(&mut self) {
        self.search = Search::default();
        self.selected = 0;
    }
}

/// The index of the story at `path` in `stories` (sorted by path).
pub fn index_of(stories: &[Story], path: &Path) -> Option<usize> {
    stories
        .binary_search_by(|story| story.path.as_path().cmp(path))
        .ok()
}
