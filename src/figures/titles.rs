//! Figures anchored on a keyword rather than a number: stakeholder titles (Director, VP,
//! "chief ... officer", the board), "managers of managers", plural "senior managers", and the
//! spans in words ("multi-year", "a year-long", "within a quarter", "over H2").

use super::scanner::Scanner;
use super::vocabulary::Class;
use super::{FigureKind, Role, MANAGERS_OF_MANAGERS, RANK_BOARD, RANK_C_LEVEL};

impl Scanner<'_> {
    /// A figure starting at the keyword at `index`: the token after it.
    pub(crate) fn at_keyword(&mut self, index: usize) -> Option<usize> {
        if self.has(index, Class::Keyword) {
            if let Some(end) = self.title(index) {
                return Some(end);
            }
            if let Some(end) = self.managers_of_managers(index) {
                return Some(end);
            }
            if let Some(end) = self.keyword_duration(index) {
                return Some(end);
            }
            if let Some(end) = self.month_range(index) {
                return Some(end);
            }
            if matches!(self.original(index), "H" | "Q") {
                return self.half_or_quarter(index);
            }
        }
        None
    }

    /// "Director", "senior vice president", "VP", "chief technology officer", "the board".
    fn title(&mut self, index: usize) -> Option<usize> {
        if let Some(rank) = self.vocabulary.title_acronym(self.original(index)) {
            self.push(
                FigureKind::Stakeholder,
                (rank, None),
                false,
                index..index + 1,
                Role::Scope,
            );
            return Some(index + 1);
        }
        let word = self.word(index);
        if word == "chief" {
            return self.chief_officer(index);
        }
        if word == "board" {
            return self.board(index);
        }
        let (words, rank) = self.vocabulary.titles.iter().find(|(words, _)| {
            words
                .iter()
                .enumerate()
                .all(|(offset, part)| self.word(index + offset) == part)
        })?;
        let end = index + words.len();
        // "promoted to Director" is a promotion, not a stakeholder in the room.
        let promotion =
            self.word_before(index, 1) == "to" && self.has_before(index, 2, Class::Promotion);
        if promotion {
            return None;
        }
        // "20 directors" would be counted, but a count of titles is not a seniority.
        self.push(
            FigureKind::Stakeholder,
            (*rank, None),
            false,
            index..end,
            Role::Scope,
        );
        Some(end)
    }

    /// "chief technology officer", "Chief Executive Officer".
    fn chief_officer(&mut self, index: usize) -> Option<usize> {
        for at in index + 1..index + 5 {
            match self.word(at) {
                "officer" | "officers" => {
                    self.push(
                        FigureKind::Stakeholder,
                        (RANK_C_LEVEL, None),
                        false,
                        index..at + 1,
                        Role::Scope,
                    );
                    return Some(at + 1);
                }
                "" | "of" => return None,
                _ => {}
            }
        }
        None
    }

    /// "the board", "board of directors", "the company's board"; not "on board", "board game".
    fn board(&mut self, index: usize) -> Option<usize> {
        let previous = self.word_before(index, 1);
        let of_directors = self.word(index + 1) == "of" && self.word(index + 2) == "directors";
        let possessive = previous == "s" && matches!(self.symbol_before(index, 2), '\'' | '’');
        let determined = matches!(previous, "the" | "our" | "its" | "their");
        if !(of_directors || determined || possessive)
            || matches!(self.word(index + 1), "game" | "games")
        {
            return None;
        }
        let start = if determined && index > self.floor {
            index - 1
        } else {
            index
        };
        let end = if of_directors { index + 3 } else { index + 1 };
        self.push(
            FigureKind::Stakeholder,
            (RANK_BOARD, None),
            false,
            start..end,
            Role::Scope,
        );
        Some(end)
    }

    /// "a manager of managers", "managers of managers", "senior managers" (no count).
    fn managers_of_managers(&mut self, index: usize) -> Option<usize> {
        let word = self.word(index);
        let of_managers = matches!(word, "manager" | "managers")
            && self.word(index + 1) == "of"
            && self.word(index + 2) == "managers";
        if of_managers {
            let start = if word == "manager" {
                self.with_article(index)
            } else {
                index
            };
            self.push(
                FigureKind::Managers,
                (MANAGERS_OF_MANAGERS, None),
                true,
                start..index + 3,
                Role::Scope,
            );
            return Some(index + 3);
        }
        let counted = index > 0
            && (self.number(index - 1).is_some() || self.entry(index - 1).number.is_some());
        if word == "senior" && self.word(index + 1) == "managers" && !counted {
            self.push(
                FigureKind::Managers,
                (MANAGERS_OF_MANAGERS, None),
                true,
                index..index + 2,
                Role::Scope,
            );
            return Some(index + 2);
        }
        None
    }
}
