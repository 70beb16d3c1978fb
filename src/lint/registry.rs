//! The list of rules: the one place a rule is registered.

use super::rule::Rule;
use super::rules::{bank, scope, structure};

/// Every rule, in code order.
pub static RULES: &[&Rule] = &[
    &scope::team_size::TEAM_SIZE_BELOW_LEVEL,
    &scope::team_size::TEAM_SIZE_ABOVE_LEVEL,
    &scope::horizon::HORIZON_BELOW_LEVEL,
    &scope::horizon::HORIZON_ABOVE_LEVEL,
    &scope::dollars::DOLLARS_BELOW_LEVEL,
    &scope::dollars::DOLLARS_ABOVE_LEVEL,
    &scope::l7_without_scope_figure::L7_WITHOUT_SCOPE_FIGURE,
    &scope::l7_without_org_signal::L7_WITHOUT_ORG_SIGNAL,
    &scope::reads_at_target::READS_BELOW_TARGET,
    &scope::reads_at_target::READS_ABOVE_TARGET,
    &scope::story_without_scope_figure::STORY_WITHOUT_SCOPE_FIGURE,
    &structure::empty_section::EMPTY_SECTION,
    &structure::short_action::SHORT_ACTION,
    &structure::result_without_number::RESULT_WITHOUT_NUMBER,
    &structure::we_over_i::WE_OVER_I,
    &structure::spoken_length::TOO_SHORT_SPOKEN,
    &structure::spoken_length::TOO_LONG_SPOKEN,
    &structure::unknown_question::UNKNOWN_QUESTION,
    &structure::unknown_principle::UNKNOWN_PRINCIPLE,
    &structure::unknown_allow::UNKNOWN_ALLOW,
    &structure::short_version::SHORT_VERSION_TOO_SHORT,
    &structure::short_version::SHORT_VERSION_TOO_LONG,
    &bank::too_few_stories::TOO_FEW_STORIES,
    &bank::duplicate_title::DUPLICATE_TITLE,
    &bank::uncovered_question::UNCOVERED_QUESTION,
    &bank::overused_story::OVERUSED_STORY,
    &bank::mislinked_question::MISLINKED_QUESTION,
];

/// The rule with this code or name (case-insensitive).
pub fn rule(code_or_name: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|rule| {
        rule.code.eq_ignore_ascii_case(code_or_name) || rule.name.eq_ignore_ascii_case(code_or_name)
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
