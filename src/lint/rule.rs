//! What a rule is: a stable code, a name, a default severity, an explanation (its doc
//! comment, which `starbank explain` prints) and a check.

use std::ops::Range;

use crate::config::Severity;

use super::context::{BankContext, StoryContext};

/// One lint rule.
#[derive(Debug)]
pub struct Rule {
    /// Stable code, e.g. `SC001`: a family prefix and a number that is never reused.
    pub code: &'static str,
    /// Kebab-case name, usable wherever a code is (config, `allow`).
    pub name: &'static str,
    pub severity: Severity,
    /// The rule's doc comment: first line a summary, then why it matters and its source.
    pub explanation: &'static str,
    pub check: Check,
}

/// Where a rule looks: at one story, or at the bank as a whole.
#[derive(Debug)]
pub enum Check {
    Story(fn(&StoryContext, &mut Vec<Finding>)),
    Bank(fn(&BankContext, &mut Vec<Finding>)),
}

impl Rule {
    /// The first line of the explanation.
    pub fn summary(&self) -> &'static str {
        self.explanation
            .lines()
            .map(str::trim)
            .find(|line| !line.is_empty())
            .unwrap_or("")
    }

    /// The explanation as plain text: doc-comment indentation removed.
    pub fn explanation_text(&self) -> String {
        let mut text = String::new();
        for line in self.explanation.lines() {
            text.push_str(line.strip_prefix(' ').unwrap_or(line));
            text.push('\n');
        }
        text.trim().to_string()
    }

    /// Whether `selector` names this rule: its code, its name, or a code prefix (`SC`).
    pub fn is_selected_by(&self, selector: &str) -> bool {
        let selector = selector.trim();
        !selector.is_empty()
            && (self.name.eq_ignore_ascii_case(selector)
                || self
                    .code
                    .to_ascii_uppercase()
                    .starts_with(&selector.to_ascii_uppercase()))
    }
}

/// What a check reports; the linter adds the rule's code, severity and the file.
#[derive(Debug, Clone)]
pub struct Finding {
    /// For bank rules: the index of the story the finding is about, if any.
    pub story: Option<usize>,
    /// Byte range in the story file; `None` for a finding about the bank as a whole.
    pub span: Option<Range<usize>>,
    pub section: Option<crate::story::Section>,
    pub message: String,
    /// A short note printed under the underline.
    pub label: Option<String>,
    pub help: Option<String>,
    /// The text that fixes the finding where it points (a "did you mean" name), for an
    /// editor's quick fix.
    pub suggestion: Option<String>,
}

impl Finding {
    pub fn at(span: Range<usize>, message: String) -> Finding {
        Finding {
            story: None,
            span: Some(span),
            section: None,
            message,
            label: None,
            help: None,
            suggestion: None,
        }
    }

    /// A finding about the bank as a whole, with no place in a file ("fewer than 10
    /// stories").
    pub fn about_bank(message: String) -> Finding {
        Finding {
            story: None,
            span: None,
            section: None,
            message,
            label: None,
            help: None,
            suggestion: None,
        }
    }

    pub fn in_section(mut self, section: crate::story::Section) -> Finding {
        self.section = Some(section);
        self
    }

    pub fn label(mut self, label: impl Into<String>) -> Finding {
        self.label = Some(label.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Finding {
        self.help = Some(help.into());
        self
    }

    /// The replacement for the text at the finding's span ("did you mean" this).
    pub fn suggest(mut self, replacement: impl Into<String>) -> Finding {
        self.suggestion = Some(replacement.into());
        self
    }

    pub fn about_story(mut self, index: usize) -> Finding {
        self.story = Some(index);
        self
    }
}

/// Declares a rule whose explanation is its doc comment, as ruff's `violation` does.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])+
        $static_name:ident {
            code: $code:literal,
            name: $name:literal,
            severity: $severity:ident,
            check: $kind:ident($check:path) $(,)?
        }
    ) => {
        $(#[doc = $doc])+
        pub static $static_name: $crate::lint::rule::Rule = $crate::lint::rule::Rule {
            code: $code,
            name: $name,
            severity: $crate::config::Severity::$severity,
            explanation: concat!($($doc, "\n"),+),
            check: $crate::lint::rule::Check::$kind($check),
        };
    };
}

pub(crate) use declare_rule;
