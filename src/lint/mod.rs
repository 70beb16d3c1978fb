//! The linter: every rule, run over a story or a bank, with the config's selection,
//! severities and each story's `allow` applied.
//!
//! Rules live one per file under [`rules`], by family, and are listed in [`registry`].

pub mod context;
pub mod registry;
pub mod rule;
pub mod rules;

use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::bank::Bank;
use crate::config::{Config, Severity};
use crate::error::LoadError;
use crate::prompts::{Prompts, Reading, Rubric};
use crate::scope::{self, LocatedFigure, Scope};
use crate::story::{Level, Section, Story};

pub use context::{BankContext, StoryContext};
pub use registry::{rule, RULES};
pub use rule::{Check, Finding, Rule};

/// The code of a file that did not load: reports show it as one more diagnostic.
pub const LOAD_ERROR: &str = "load";

/// A finding, placed in a file; or a file that did not load ([`LOAD_ERROR`]), so that every
/// report format walks one list of one type ([`Report::all`]).
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
    /// Byte range in the story file; `None` for a finding with no place in a file ("fewer
    /// than 10 stories"). Reports compute its line and column when they print it.
    pub span: Option<Range<usize>>,
    pub section: Option<Section>,
    pub label: Option<String>,
    pub help: Option<String>,
    /// The replacement text for `span` that fixes the finding (see [`Finding::suggestion`]).
    pub suggestion: Option<String>,
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

impl Diagnostic {
    /// A file that did not load, as a diagnostic: severity error, code [`LOAD_ERROR`], at
    /// its byte range (none for an error about the whole file).
    pub fn load(error: &LoadError) -> Diagnostic {
        Diagnostic {
            code: LOAD_ERROR,
            name: "load-error",
            severity: Severity::Error,
            message: error.message.clone(),
            path: error.path.clone(),
            story: None,
            span: error.span.clone(),
            section: None,
            label: None,
            help: error.help.clone(),
            suggestion: error.suggestion.clone(),
        }
    }

    pub fn is_load_error(&self) -> bool {
        self.code == LOAD_ERROR
    }
}

impl Report {
    /// Every diagnostic: the files that did not load first, then the findings.
    pub fn all(&self) -> impl Iterator<Item = std::borrow::Cow<'_, Diagnostic>> {
        self.errors
            .iter()
            .map(|error| std::borrow::Cow::Owned(Diagnostic::load(error)))
            .chain(self.diagnostics().map(std::borrow::Cow::Borrowed))
    }

    /// The findings (files that loaded, and the bank).
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

/// Every story's scope and the findings of the story rules, in the stories' order: what
/// [`Linter::analyse_stories`] hands to [`Linter::finish`].
#[derive(Debug, Clone, Default)]
pub struct Analysed {
    stories: Vec<(Scope, Vec<Diagnostic>)>,
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
    /// Keep the coverage rules' search index in the bank's `.starbank/index` and reuse it
    /// when nothing changed (`lint` on a whole bank folder).
    index_on_disk: bool,
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
            index_on_disk: false,
        }
    }

    /// Judges every story against `level` instead of its own (`lint --level`).
    pub fn with_level(mut self, level: Option<Level>) -> Linter {
        self.level_override = level;
        self
    }

    /// Keeps the coverage rules' index on disk in the bank folder (see
    /// [`crate::index::persist`]) and reuses it while no story changed. For a whole bank:
    /// the index on disk holds every story of the bank's folder.
    pub fn with_index_on_disk(mut self, on_disk: bool) -> Linter {
        self.index_on_disk = on_disk;
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
        let diagnostics = self.story_diagnostics(story, &scope);
        self.report_of(story, scope, diagnostics)
    }

    /// The findings of the story rules, sorted, with the story's `allow` applied.
    fn story_diagnostics(&self, story: &Story, scope: &Scope) -> Vec<Diagnostic> {
        let context = StoryContext {
            story,
            scope,
            target: self.target_level(story),
            config: &self.config,
            prompts: &self.prompts,
            rubric: &self.rubric,
        };
        let mut diagnostics = Vec::new();
        let mut findings = Vec::new();
        for (rule, severity) in &self.rules {
            let Check::Story(check) = rule.check else {
                continue;
            };
            check(&context, &mut findings);
            if is_allowed(story, rule.code, rule.name) {
                findings.clear();
                continue;
            }
            diagnostics.extend(
                findings
                    .drain(..)
                    .map(|finding| diagnostic(rule, *severity, Some(story), None, finding)),
            );
        }
        sort_diagnostics(&mut diagnostics);
        diagnostics
    }

    /// A story's report, taking its scope's figures (no copy).
    fn report_of(&self, story: &Story, scope: Scope, diagnostics: Vec<Diagnostic>) -> StoryReport {
        StoryReport {
            id: story.id.clone(),
            path: story.path.clone(),
            level: self.target_level(story),
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
        self.lint_stories_with_coverage(root, stories, errors, bank_rules, None)
    }

    /// [`lint_stories`](Self::lint_stories) with the coverage rules' map at hand (the
    /// workbench makes it from the strengths of its own map: see
    /// [`coverage_map`](Self::coverage_map)) instead of one made from an index here.
    pub fn lint_stories_with_coverage(
        &self,
        root: &Path,
        stories: &[Story],
        errors: Vec<LoadError>,
        bank_rules: bool,
        coverage: Option<&crate::index::BankMap>,
    ) -> Report {
        // The stories are read on all cores while the coverage rules' map is made beside
        // them (opening the kept index and scoring the questions does not need the scopes).
        let (analysed, made) = rayon::join(
            || self.analyse_stories(stories),
            || match coverage {
                None if bank_rules => self.coverage(root, stories),
                _ => None,
            },
        );
        self.finish(
            root,
            stories,
            analysed,
            errors,
            bank_rules,
            coverage.or(made.as_ref()),
        )
    }

    /// The first half of a lint: every story's figures read and the story rules run, on all
    /// cores, in the stories' order. [`finish`](Self::finish) runs the bank rules and makes
    /// the report; the workbench builds its search index meanwhile.
    pub fn analyse_stories(&self, stories: &[Story]) -> Analysed {
        use rayon::prelude::*;
        Analysed {
            stories: stories
                .par_iter()
                .map(|story| {
                    let scope = self.analyse(story);
                    let diagnostics = self.story_diagnostics(story, &scope);
                    (scope, diagnostics)
                })
                .collect(),
        }
    }

    /// The second half of a lint: the bank rules (when `bank_rules`) over the stories
    /// [`analyse_stories`](Self::analyse_stories) read, with the coverage rules' map
    /// `coverage` (they stay silent without one), then the report.
    pub fn finish(
        &self,
        root: &Path,
        stories: &[Story],
        analysed: Analysed,
        errors: Vec<LoadError>,
        bank_rules: bool,
        coverage: Option<&crate::index::BankMap>,
    ) -> Report {
        // The bank rules need every scope, so they run after, and only then do the reports
        // take the scopes' figures.
        let (scopes, diagnostics): (Vec<Scope>, Vec<Vec<Diagnostic>>) =
            analysed.stories.into_iter().unzip();
        let mut bank_diagnostics = Vec::new();
        if bank_rules {
            let context = BankContext {
                root,
                stories,
                scopes: &scopes,
                config: &self.config,
                prompts: &self.prompts,
                coverage,
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
        let reports = stories
            .iter()
            .zip(scopes)
            .zip(diagnostics)
            .map(|((story, scope), diagnostics)| self.report_of(story, scope, diagnostics))
            .collect();
        Report {
            stories: reports,
            bank: bank_diagnostics,
            errors,
        }
    }

    /// The level the coverage rules map the bank at; `None` when they are all off or there
    /// is no story (then they stay silent), `Some(None)` to map every question.
    fn coverage_level(&self, stories: &[Story]) -> Option<Option<Level>> {
        let wanted = self
            .rules
            .iter()
            .any(|(rule, _)| rules::bank::needs_map(rule));
        if !wanted || stories.is_empty() {
            return None;
        }
        Some(crate::index::map::default_level(
            self.level_override,
            self.config.level,
            stories,
        ))
    }

    /// The coverage rules' map of `stories`, from their strengths scored for every question
    /// (as the workbench's own map is): `None` when the rules are all off or there is no
    /// story. Pass it to [`lint_stories_with_coverage`](Self::lint_stories_with_coverage).
    pub fn coverage_map(
        &self,
        strengths: &crate::index::Strengths,
        stories: &[Story],
    ) -> Option<crate::index::BankMap> {
        let level = self.coverage_level(stories)?;
        Some(strengths.answers(stories, &self.prompts, level))
    }

    /// The bank mapped against its target level's questions, for the coverage rules; `None`
    /// when they are all off, or the index cannot be built (then they stay silent). The
    /// index is the one kept on disk (when asked for and usable), else built in memory. The
    /// map ranks only the stories the rules look at ([`crate::index::map_answers`]).
    fn coverage(&self, root: &Path, stories: &[Story]) -> Option<crate::index::BankMap> {
        let level = self.coverage_level(stories)?;
        let map = |index: &crate::index::StoryIndex| {
            crate::index::map_answers(index, stories, &self.prompts, level)
        };
        if self.index_on_disk {
            if let Some(opened) = crate::index::persist::open_loaded(root, stories, &self.prompts) {
                return Some(map(&opened.index));
            }
        }
        let index = crate::index::StoryIndex::build_for_map(stories, &self.prompts).ok()?;
        Some(map(&index))
    }
}

/// Rule selectors in the bank's `starbank.ron` (`enable`, `disable`, `severity`) that name
/// no rule, and rubric overrides that name no dimension or alternative of `rubric`:
/// reported like a story's load error, at the name.
pub fn config_errors(bank: &Bank, rubric: &Rubric) -> Vec<LoadError> {
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
    let mut errors = Vec::new();
    for selector in selectors {
        if RULES.iter().any(|rule| rule.is_selected_by(selector)) {
            continue;
        }
        let offset = text.find(&format!("\"{selector}\"")).map_or(0, |at| at + 1);
        let end = (offset + selector.len()).min(text.len());
        let help = match crate::error::closest(selector, &names) {
            Some(near) => format!("did you mean `{near}`? (`starbank explain` lists the rules)"),
            None => "`starbank explain` lists the rules".into(),
        };
        errors.push(LoadError::at(
            &path,
            &text,
            offset..end,
            format!("`{selector}` names no lint rule"),
            Some(help),
        ));
    }
    for (kind, change) in &config.rubric {
        let Some(dimension) = rubric.dimension(*kind) else {
            errors.push(named_error(
                &path,
                &text,
                kind.as_str(),
                format!("the rubric has no `{}` dimension", kind.as_str()),
                "`starbank explain` lists the rubric's dimensions".into(),
            ));
            continue;
        };
        let Some(name) = &change.alternative else {
            continue;
        };
        if dimension.alternatives.iter().any(|alt| &alt.name == name) {
            continue;
        }
        let known: Vec<&str> = dimension
            .alternatives
            .iter()
            .map(|alt| alt.name.as_str())
            .collect();
        let help = match (crate::error::closest(name, &known), known.is_empty()) {
            (Some(near), _) => format!("did you mean `{near}`?"),
            (None, true) => format!("`{}` has no documented alternatives", kind.as_str()),
            (None, false) => format!("known alternatives: {}", known.join(", ")),
        };
        errors.push(named_error(
            &path,
            &text,
            name,
            format!(
                "`{name}` is not an alternative of the `{}` rubric",
                kind.as_str()
            ),
            help,
        ));
    }
    errors
}

/// An error at the first place `name` is written in `text` (quoted, else bare), or its start.
fn named_error(path: &Path, text: &str, name: &str, message: String, help: String) -> LoadError {
    let span = match text.find(&format!("\"{name}\"")) {
        Some(at) => at + 1..at + 1 + name.len(),
        None => text.find(name).map_or(0..0, |at| at..at + name.len()),
    };
    LoadError::at(path, text, span, message, Some(help))
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
        // A place means nothing without the story file it is in.
        span: finding.span.filter(|_| story.is_some()),
        section: finding.section,
        label: finding.label,
        help: finding.help,
        suggestion: finding.suggestion,
    }
}

fn sort_diagnostics(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        // Byte order is line-and-column order within a file.
        let place = |d: &Diagnostic| d.span.as_ref().map(|span| span.start);
        (&a.path, place(a), a.code).cmp(&(&b.path, place(b), b.code))
    });
}
