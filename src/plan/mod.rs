//! Before the loop: which story to tell in which round.
//!
//! [`loops`] is the loop of each level (`prompts/loop.ron`) and the questions each round is
//! likely to ask.

pub mod loops;
