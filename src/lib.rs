//! starbank: a STAR story workbench for L6/L7 engineering-manager interview loops.
//!
//! Dependencies flow one way: the model ([`story`], [`bank`], [`prompts`]) feeds the
//! analysis ([`figures`], [`scope`], [`lint`], [`index`]), which the front ends (the CLI in
//! [`cli`], the TUI in [`tui`]) call.

pub mod bank;
pub mod cli;
pub mod config;
pub mod error;
pub mod figures;
pub mod generate;
pub mod prompts;
pub mod snippet;
pub mod source;
pub mod story;
pub mod tui;
