//! Every rule, one file each, by family: [`scope`] (SC: does the story read at its level),
//! [`structure`] (ST: is it a sound STAR story), [`bank`] (BK: is the bank ready for a
//! loop). Two rules that are one check seen from either side share a file named after the
//! check (`scope/team_size.rs` holds SC001 and SC002).
//!
//! A rule file holds the rule's doc comment, which is its `starbank explain` text under fixed
//! headings (`## What it checks`, `## Why an interviewer cares`, `## Example`, optionally
//! `## Instead`, and `## Source`), and its check. Its fixtures are in
//! `tests/fixtures/lint/<CODE>-<name>/`. Adding a rule: write the file, add it to its
//! family's `mod.rs` and to [`RULES`](super::RULES), add the fixtures and a README row;
//! `tests/lint_rules.rs` checks that all of these agree.

pub mod bank;
pub mod scope;
pub mod structure;
