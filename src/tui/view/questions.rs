//! The Questions view: the question bank filtered by level and typed words, and the stories
//! ranked for the selected question.

use crate::prompts::{Prompts, Question};
use crate::story::Level;
use crate::tui::action::Focus;
use crate::tui::analysis::StoryHit;

use super::{cycle, step};

#[derive(Debug, Clone)]
pub struct QuestionsView {
    /// `List` or `Ranked`.
    pub focus: Focus,
    /// Only questions of this level; `None` lists both.
    pub level: Option<Level>,
    pub query: String,
    /// Keys go to the query.
    pub typing: bool,
    /// Row in the visible questions.
    pub selected: usize,
    /// Row in the ranked stories.
    pub ranked_selected: usize,
    /// The ranked stories, with the id of the question they were ranked for.
    pub hits: Option<(String, Vec<StoryHit>)>,
}

impl QuestionsView {
    pub fn new(level: Option<Level>) -> QuestionsView {
        QuestionsView {
            focus: Focus::List,
            level,
            query: String::new(),
            typing: false,
            selected: 0,
            ranked_selected: 0,
            hits: None,
        }
    }

    /// Indices into `prompts.questions` of the rows the list shows: by level, then by the
    /// typed filter.
    pub fn visible(&self, prompts: &Prompts) -> Vec<usize> {
        let words: Vec<String> = self
            .query
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        prompts
            .questions
            .iter()
            .enumerate()
            .filter(|(_, q)| self.level.is_none_or(|level| q.level == level))
            .filter(|(_, q)| {
                let haystack = format!("{} {} {} {}", q.id, q.text, q.theme, q.keywords.join(" "))
                    .to_lowercase();
                words.iter().all(|word| haystack.contains(word.as_str()))
            })
            .map(|(i, _)| i)
            .collect()
    }

    pub fn selected_question<'a>(&self, prompts: &'a Prompts) -> Option<&'a Question> {
        let index = *self.visible(prompts).get(self.selected)?;
        prompts.questions.get(index)
    }

    /// The ranked story rows, if the ranking has arrived.
    pub fn ranked_count(&self) -> usize {
        self.hits.as_ref().map_or(0, |(_, hits)| hits.len())
    }

    pub fn focus_next(&mut self, forward: bool) {
        self.focus = cycle(&[Focus::List, Focus::Ranked], self.focus, forward);
    }

    /// Moves in the focused pane; returns true when the selected question changed (its
    /// stories must be ranked).
    pub fn move_by(&mut self, delta: isize, prompts: &Prompts) -> bool {
        if self.focus == Focus::Ranked {
            self.ranked_selected = step(self.ranked_selected, delta, self.ranked_count());
            return false;
        }
        self.select(step(self.selected, delta, self.visible(prompts).len()));
        true
    }

    /// Selects a question row (a click); false if there is no such row.
    pub fn select_row(&mut self, row: usize, prompts: &Prompts) -> bool {
        if row >= self.visible(prompts).len() {
            return false;
        }
        self.select(row);
        true
    }

    fn select(&mut self, row: usize) {
        self.selected = row;
        self.ranked_selected = 0;
    }

    /// The typed filter changed.
    pub fn edit_query(&mut self, change: impl FnOnce(&mut String)) {
        change(&mut self.query);
        self.selected = 0;
    }

    pub fn clear_query(&mut self) {
        self.query.clear();
        self.typing = false;
        self.selected = 0;
    }

    /// All levels, L6, L7, all levels.
    pub fn cycle_level(&mut self) {
        self.level = match self.level {
            None => Some(Level::L6),
            Some(Level::L6) => Some(Level::L7),
            Some(Level::L7) => None,
        };
        self.selected = 0;
    }
}
