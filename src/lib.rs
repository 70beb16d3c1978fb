//! starbank: a STAR story workbench for L6/L7 engineering-manager interview loops.
//!
//! Dependencies flow one way: the model ([`story`], [`bank`], [`prompts`]) feeds the
//! analysis ([`figures`], [`scope`], [`lint`], [`index`]), which the front ends (the CLI in
//! [`cli`], the TUI in [`tui`]) call.

// `LoadError` carries the file's text so every front end can place and show it; it is
// returned once per bad file, never on a hot path, so boxing it would only add noise.
#![allow(clippy::result_large_err)]

pub mod bank;
pub mod cli;
pub mod config;
pub mod error;
pub mod figures;
pub mod generate;
pub mod index;
pub mod lint;
pub mod lsp;
pub mod parallel;
pub mod plan;
pub mod practice;
pub mod prompts;
pub mod report;
pub mod scope;
pub mod snippet;
pub mod source;
pub mod story;
pub mod tui;
