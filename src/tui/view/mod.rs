//! The state of each view, with its own transitions: what is selected, scrolled, typed and
//! focused in the Stories, Questions, Coverage and Loop views. [`super::app::App`] owns one of
//! each and dispatches to the one on screen; nothing here talks to the worker or draws.

pub mod coverage;
pub mod loop_view;
pub mod questions;
pub mod stories;

pub use coverage::CoverageView;
pub use loop_view::{LoopView, PracticeRound};
pub use questions::QuestionsView;
pub use stories::{DetailAnchor, Search, StoriesView};

/// `value` moved by `delta`, kept inside a list of `len` rows (0 for an empty list).
pub fn step(value: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    (value as isize)
        .saturating_add(delta)
        .clamp(0, len as isize - 1) as usize
}

/// The next (or previous) of `order` after `current`, wrapping.
pub fn cycle<T: Copy + PartialEq>(order: &[T], current: T, forward: bool) -> T {
    let at = order.iter().position(|f| *f == current).unwrap_or(0);
    let next = if forward {
        (at + 1) % order.len()
    } else {
        (at + order.len() - 1) % order.len()
    };
    order[next]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_stay_inside_the_list() {
        assert_eq!(step(0, -1, 5), 0);
        assert_eq!(step(3, 10, 5), 4);
        assert_eq!(step(3, isize::MIN / 2, 5), 0);
        assert_eq!(step(7, 1, 0), 0);
    }

    #[test]
    fn cycling_wraps_both_ways() {
        assert_eq!(cycle(&[1, 2, 3], 3, true), 1);
        assert_eq!(cycle(&[1, 2, 3], 1, false), 3);
        assert_eq!(cycle(&[1], 1, true), 1);
    }
}
