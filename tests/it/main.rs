//! The integration tests, in one binary: each test file below links the library (tantivy,
//! ratatui) once, not once per file (11 binaries cost CI minutes on 2 cores; see
//! matklad's "Delete Cargo Integration Tests"). `tests/tui_panic.rs` stays its own binary:
//! its panic hook is process-wide.
//!
//! Run one file's tests with a filter: `cargo test --test it lint_cli::`.

mod common;
/// The fuzz targets' properties, shared with `fuzz_found`.
#[path = "../../fuzz/properties.rs"]
mod properties;

mod bad_input;
mod corpus_quality;
mod extraction;
mod fuzz_found;
mod index_persist;
mod lint_cli;
mod lint_rules;
mod load_errors;
mod locations;
mod lsp;
mod nvim_e2e;
mod output_safety;
mod plan_cli;
mod pty;
mod save_pressure;
mod search_cli;
mod search_quality;
mod search_real;
mod sheet_cli;
mod threads;
mod tmux_e2e;
mod tui;
