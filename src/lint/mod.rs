//! The linter: every rule, run over a story or a bank, with the config's selection,
//! severities and each story's `allow` applied.
//!
//! Rules live one family per file: [`scope_rules`] (SC: does the story read at its level),
//! [`structure`] (ST: is it a sound STAR story), [`bank_rules`] (BK: is the bank ready
//! for a loop).

pub mod bank_rules;
pub mod context;
pub mod coverage_rules;
pub mod rule;
pub mod scope_rules;
pub mod structure;

use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::bank::Bank;
use crate::config::{Config, Severity};
use crate::error::LoadError;
use crate::prompts::{Prompts, Reading, Rubric};
use crate::scope::{self, LocatedFigure, Scope};
use crate::story::{Level, Section, Story};

pub use context::{BankContext, StoryContext};
pub use rule::{Check, Finding, Rule};

/// Every rule, in code order.
pub static RULES: &[&Rule] = &[
    &scope_rules::TEAM_SIZE_BELOW_LEVEL,
    &scope_rules::TEAM_SIZE_ABOVE_LEVEL,
    &scope_rules::HORIZON_BELOW_LEVEL,
    &scope_rules::HORIZON_ABOVE_LEVEL,
    &scope_rules::DOLLARS_BELOW_LEVEL,
    &scope_rules::DOLLARS_ABOVE_LEVEL,
    &scope_rules::L7_WITHOUT_SCOPE_FIGURE,
    &scope_rules::L7_WITHOUT_ORG_SIGNAL,
    &scope_rules::READS_BELOW_TARGET,
    &scope_rules::READS_ABOVE_TARGET,
    &scope_rules::STORY_WITHOUT_SCOPE_FIGURE,
    &structure::EMPTY_SECTION,
    &structure::SHORT_ACTION,
    &structure::RESULT_WITHOUT_NUMBER,
    &structure::WE_OVER_I,
    &structure::TOO_SHORT_SPOKEN,
    &structure::TOO_LONG_SPOKEN,
    &structure::UNKNOWN_QUESTION,
    &structure::UNKNOWN_PRINCIPLE,
    &structure::UNKNOWN_ALLOW,
    &structure::SHORT_VERSION_TOO_SHORT,
    &structure::SHORT_VERSION_TOO_LONG,
    &bank_rules::TOO_FEW_STORIES,
    &bank_rules::DUPLICATE_TITLE,
    &coverage_rules::UNCOVERED_QUESTION,
    &coverage_rules::OVERUSED_STORY,
    &coverage_rules::MISLINKED_QUESTION,
];

/// The rule with this code or name (case-insensitive).
pub fn rule(code_or_name: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|rule| {
        rule.code.eq_ignore_ascii_case(code_or_name) || rule.name.eq_ignore_ascii_case(code_or_name)
    })
}

/// A finding, placed in a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub message: String,
    /// The story file, or the bank folder for a finding about the bank as a whole.
    pub path: PathBuf,
    /// The story's id, when the finding is about one story.
    pub story: Option<String>,
    /// 1-based; `None` for a finding with no place in a file ("fewer than 10 stories").
    pub location: Option<Location>,
    /// Byte range in the story file.
    pub span: Option<Range<usize>>,
    pub section: Option<Section>,
    pub label: Option<String>,
    pub help: Option<String>,
    /// The replacement text for `span` that fixes the finding (see [`Finding::suggestion`]).
    pub suggestion: Option<String>,
}

/// Start and end (exclusive) of a diagnostic, 1-based lines and character columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// One story's lint result.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryReport {
    pub id: String,
    pub path: PathBuf,
    /// The level the story was judged against.
    pub level: Option<Level>,
    pub reads_at: Option<Reading>,
    pub figures: Vec<LocatedFigure>,
    pub diagnostics: Vec<Diagnostic>,
}

/// A bank's lint result.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub stories: Vec<StoryReport>,
    /// Findings about the bank as a whole (or across stories).
    pub bank: Vec<Diagnostic>,
    /// Files that could not be read or parsed (and a bad `starbank.ron`).
    pub errors: Vec<LoadError>,
}

/// Counts by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub stories: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Files that did not load (also counted in `errors`).
    pub load_errors: usize,
}

impl Report {
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.stories
            .iter()
            .flat_map(|story| story.diagnostics.iter())
            .chain(self.bank.iter())
    }

    pub fn summary(&self) -> Summary {
        let mut summary = Summary {
            stories: self.stories.len(),
            load_errors: self.errors.len(),
            errors: self.errors.len(),
            ..Summary::default()
        };
        for diagnostic in self.diagnostics() {
            match diagnostic.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
            }
        }
        summary
    }

    /// Whether any finding is at or above `fail_on`.
    pub fn fails_at(&self, fail_on: Severity) -> bool {
        self.diagnostics().any(|d| d.severity >= fail_on)
    }
}

/// Runs the selected rules with the config's settings. Build once, reuse for every story.
#[derive(Debug, Clone)]
pub struct Linter {
    prompts: Prompts,
    config: Config,
    rubric: Rubric,
    /// Enabled rules with their effective severity.
    rules: Vec<(&'static Rule, Severity)>,
    level_override: Option<Level>,
}

impl Linter {
    pub fn new(prompts: &Prompts, config: &Config) -> Linter {
        let rules = RULES
            .iter()
            .copied()
            .filter(|rule| {
                let enabled = config.enable.is_empty()
                    || config.enable.iter().any(|s| rule.is_selected_by(s));
                enabled && !config.disable.iter().any(|s| rule.is_selected_by(s))
            })
            .map(|rule| {
                let severity = config
                    .severity
                    .iter()
                    .filter(|(selector, _)| rule.is_selected_by(selector))
                    // The most specific selector wins: a code beats a prefix.
                    .max_by_key(|(selector, _)| selector.len())
                    .map_or(rule.severity, |(_, severity)| *severity);
                (rule, severity)
            })
            .collect();
        Linter {
            prompts: prompts.clone(),
            rubric: config.apply_to(&prompts.rubric),
            config: config.clone(),
            rules,
            level_override: None,
        }
    }

    /// Judges every story against `level` instead of its own (`lint --level`).
    pub fn with_level(mut self, level: Option<Level>) -> Linter {
        self.level_override = level;
        self
    }

    pub fn rubric(&self) -> &Rubric {
        &self.rubric
    }

    pub fn prompts(&self) -> &Prompts {
        &self.prompts
    }

    /// The level a story is judged against: `--level`, the story's own, else the config's.
    pub fn target_level(&self, story: &Story) -> Option<Level> {
        self.level_override.or(story.level).or(self.config.level)
    }

    pub fn analyse(&self, story: &Story) -> Scope {
        scope::analyse(story, &self.rubric)
    }

    /// Lints one story on its own (no bank rules).
    pub fn lint_story(&self, story: &Story) -> StoryReport {
        let scope = self.analyse(story);
        self.story_report(story, scope)
    }

    fn story_report(&self, story: &Story, scope: Scope) -> StoryReport {
        let target = self.target_level(story);
        let context = StoryContext {
            story,
            scope: &scope,
            target,
            config: &self.config,
            prompts: &self.prompts,
            rubric: &self.rubric,
        };
        let mut diagnostics = Vec::new();
        for (rule, severity) in &self.rules {
            let Check::Story(check) = rule.check else {
                continue;
            };
            let mut findings = Vec::new();
            check(&context, &mut findings);
            diagnostics.extend(
                findings
                    .into_iter()
                    .map(|finding| diagnostic(rule, *severity, Some(story), None, finding)),
            );
        }
        diagnostics.retain(|d| !is_allowed(story, d.code, d.name));
        sort_diagnostics(&mut diagnostics);
        StoryReport {
            id: story.id.clone(),
            path: story.path.clone(),
            level: target,
            reads_at: scope.reads_at,
            figures: scope.figures,
            diagnostics,
        }
    }

    /// Lints every story of a bank, then the bank as a whole.
    pub fn lint_bank(&self, bank: &Bank) -> Report {
        self.lint_stories(&bank.root, &bank.stories, bank.errors.clone(), true)
    }

    /// Lints `stories`; bank rules run only when `bank_rules` (not for a few named files).
    pub fn lint_stories(
        &self,
        root: &Path,
        stories: &[Story],
        errors: Vec<LoadError>,
        bank_rules: bool,
    ) -> Report {
        let scopes: Vec<Scope> = parallel_map(stories, |story| self.analyse(story));
        let indexed: Vec<(&Story, &Scope)> = stories.iter().zip(&scopes).collect();
        let reports = parallel_map(&indexed, |(story, scope)| {
            self.story_report(story, (*scope).clone())
        });
        let mut bank_diagnostics = Vec::new();
        if bank_rules {
            let coverage = self.coverage(stories);
            let context = BankContext {
                root,
                stories,
                scopes: &scopes,
                config: &self.config,
                prompts: &self.prompts,
                coverage: coverage.as_ref(),
            };
            for (rule, severity) in &self.rules {
                let Check::Bank(check) = rule.check else {
                    continue;
                };
                let mut findings = Vec::new();
                check(&context, &mut findings);
                for finding in findings {
                    let story = finding.story.and_then(|index| stories.get(index));
                    if story.is_some_and(|s| is_allowed(s, rule.code, rule.name)) {
                        continue;
                    }
                    bank_diagnostics.push(diagnostic(rule, *severity, story, Some(root), finding));
                }
            }
        }
        sort_diagnostics(&mut bank_diagnostics);
        Report {
            stories: reports,
            bank: bank_diagnostics,
            errors,
        }
    }

    /// The bank mapped against its target level's questions, for the coverage rules; `None`
    /// when they are all off, or the index cannot be built (then they stay silent).
    fn coverage(&self, stories: &[Story]) -> Option<crate::index::BankMap> {
        let wanted = self
            .rules
            .iter()
            .any(|(rule, _)| coverage_rules::needs_map(rule));
        if !wanted || stories.is_empty() {
            return None;
        }
        let index = crate::index::StoryIndex::build(stories, &self.prompts).ok()?;
        let level =
            crate::index::map::default_level(self.level_override, self.config.level, stories);
        Some(crate::index::map_bank(
            &index,
            stories,
            &self.prompts,
            level,
        ))
    }
}

/// Rule selectors in the bank's `starbank.ron` (`enable`, `disable`, `severity`) that name
/// no rule: reported like a story's load error, at the selector.
pub fn config_errors(bank: &Bank) -> Vec<LoadError> {
    let path = crate::config::config_path(&bank.root);
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Vec::new();
    };
    let config = &bank.config;
    let selectors = config
        .enable
        .iter()
        .chain(&config.disable)
        .chain(config.severity.keys());
    let names: Vec<&str> = RULES
        .iter()
        .flat_map(|rule| [rule.code, rule.name])
        .collect();
    let lines = crate::source::LineIndex::new(&text);
    let mut errors = Vec::new();
    for selector in selectors {
        if RULES.iter().any(|rule| rule.is_selected_by(selector)) {
            continue;
        }
        let offset = text.find(&format!("\"{selector}\"")).map_or(0, |at| at + 1);
        let start = lines.position(&text, offset);
        let end = lines.position(&text, (offset + selector.len()).min(text.len()));
        let help = match crate::error::closest(selector, &names) {
            Some(near) => format!("did you mean `{near}`? (`starbank explain` lists the rules)"),
            None => "`starbank explain` lists the rules".into(),
        };
        errors.push(LoadError::at(
            &path,
            &text,
            start,
            end,
            format!("`{selector}` names no lint rule"),
            Some(help),
        ));
    }
    errors
}

fn is_allowed(story: &Story, code: &str, name: &str) -> bool {
    story
        .allow
        .iter()
        .any(|entry| entry.eq_ignore_ascii_case(code) || entry.eq_ignore_ascii_case(name))
}

fn diagnostic(
    rule: &'static Rule,
    severity: Severity,
    story: Option<&Story>,
    root: Option<&Path>,
    finding: Finding,
) -> Diagnostic {
    let location = finding.span.as_ref().map(|span| Location {
        line: span.start.line,
        column: span.start.column,
        end_line: span.end.line,
        end_column: span.end.column,
    });
    let path = match (story, root) {
        (Some(story), _) => story.path.clone(),
        (None, Some(root)) => root.to_path_buf(),
        (None, None) => PathBuf::new(),
    };
    Diagnostic {
        code: rule.code,
        name: rule.name,
        severity,
        message: finding.message,
        path,
        story: story.map(|s| s.id.clone()),
        location: if story.is_some() { location } else { None },
        span: finding.span.map(|span| span.bytes),
        section: finding.section,
        label: finding.label,
        help: finding.help,
        suggestion: finding.suggestion,
    }
}

fn sort_diagnostics(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        let place = |d: &Diagnostic| d.location.map(|l| (l.line, l.column));
        (&a.path, place(a), a.code).cmp(&(&b.path, place(b), b.code))
    });
}

/// Maps on all cores for large inputs; order is kept.
fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if items.len() < 256 || threads == 1 {
        return items.iter().map(&f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| match handle.join() {
                Ok(results) => results,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique_and_explained() {
        let mut codes: Vec<_> = RULES.iter().map(|r| r.code).collect();
        let mut names: Vec<_> = RULES.iter().map(|r| r.name).collect();
        codes.sort();
        names.sort();
        let count = RULES.len();
        codes.dedup();
        names.dedup();
        assert_eq!(codes.len(), count, "duplicate code");
        assert_eq!(names.len(), count, "duplicate name");
        for rule in RULES {
            assert!(rule.code.len() == 5, "{}", rule.code);
            assert!(rule.summary().len() > 10, "{} has no summary", rule.code);
            // Every explanation says why it matters and cites where it comes from.
            assert!(
                rule.explanation_text().lines().count() >= 3,
                "{} explanation too short",
                rule.code
            );
        }
    }

    #[test]
    fn selectors_match_codes_names_and_prefixes() {
        let rule = rule("sc001").unwrap();
        assert!(rule.is_selected_by("SC001"));
        assert!(rule.is_selected_by("SC"));
        assert!(rule.is_selected_by("team-size-below-level"));
        assert!(!rule.is_selected_by("ST"));
        assert!(!rule.is_selected_by(""));
    }
}
