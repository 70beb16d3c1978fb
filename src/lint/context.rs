//! What a rule sees: one story with its scope, or the whole bank.

use std::path::Path;

use crate::config::Config;
use crate::prompts::{Prompts, Reading, Rubric};
use crate::scope::Scope;
use crate::story::{Level, Story};

/// One story, analysed, and the settings it is judged by.
pub struct StoryContext<'a> {
    pub story: &'a Story,
    pub scope: &'a Scope,
    /// The level the story is judged against (`--level`, the story's, or the config's).
    pub target: Option<Level>,
    pub config: &'a Config,
    pub prompts: &'a Prompts,
    /// The rubric with the config's overrides applied.
    pub rubric: &'a Rubric,
}

impl StoryContext<'_> {
    pub fn target_reading(&self) -> Option<Reading> {
        self.target.map(Reading::of_level)
    }
}

/// The whole bank, analysed.
pub struct BankContext<'a> {
    pub root: &'a Path,
    pub stories: &'a [Story],
    pub scopes: &'a [Scope],
    pub config: &'a Config,
    pub prompts: &'a Prompts,
}
