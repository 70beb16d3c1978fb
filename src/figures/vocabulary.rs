//! The figure reader's words, read from `prompts/vocabulary.ron` (compiled in).
//!
//! Single words become bits on a lexicon entry, so the scanner asks "is this token a people
//! noun?" with one hash lookup per token, done once when the text is tokenized. Entries with
//! a space ("more than", "direct reports") become phrases, matched token by token.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use serde::Deserialize;

const VOCABULARY: &str = include_str!("../../prompts/vocabulary.ron");

/// The file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VocabularyFile {
    number_words: HashMap<String, f64>,
    article_numbers: HashMap<String, f64>,
    word_magnitudes: HashMap<String, f64>,
    letter_magnitudes: HashMap<String, f64>,
    not_count_suffixes: String,
    name_prefixes: String,
    approximators: Vec<String>,
    money_approximators: Vec<String>,
    time_units: HashMap<String, f64>,
    short_time_units: HashMap<String, f64>,
    shortest_span_days: f64,
    longest_span_months: f64,
    one_unit_spans: Vec<String>,
    not_span_before: Vec<String>,
    time_modifiers: Vec<String>,
    offset_words: Vec<String>,
    frequency_words: Vec<String>,
    tenure_words: Vec<String>,
    span_prepositions: Vec<String>,
    incident_nouns: Vec<String>,
    incident_links: Vec<String>,
    multi_year_words: Vec<String>,
    multi_quarter_words: Vec<String>,
    month_names: HashMap<String, f64>,
    people_nouns: Vec<String>,
    people_units: Vec<String>,
    subgroup_at_most: f64,
    subgroup_beside_team_from: f64,
    own_team_nouns: Vec<String>,
    team_nouns: Vec<String>,
    company_nouns: Vec<String>,
    company_units: Vec<String>,
    scope_verbs: Vec<String>,
    leading_verbs: Vec<String>,
    growth_verbs: Vec<String>,
    take_verbs: Vec<String>,
    count_modifiers: Vec<String>,
    fillers: Vec<String>,
    determiners: Vec<String>,
    stop_words: Vec<String>,
    outside_nouns: Vec<String>,
    outside_verbs: Vec<String>,
    outside_after: Vec<String>,
    teams_nouns: Vec<String>,
    business_unit_nouns: Vec<String>,
    manager_nouns: Vec<String>,
    currency_signs: String,
    currency_codes: Vec<String>,
    currency_words: Vec<String>,
    money_rates: Vec<String>,
    money_context_after: Vec<String>,
    money_context_before: Vec<String>,
    titles: Vec<(String, f64)>,
    title_acronyms: HashMap<String, f64>,
    promotion_words: Vec<String>,
    rank_words: Vec<String>,
    metric_nouns: Vec<String>,
    metric_change_verbs: Vec<String>,
}

/// A class of word; a word may be in several.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Class {
    Approximator,
    MoneyApproximator,
    ShortTimeUnit,
    TimeModifier,
    Offset,
    Frequency,
    Tenure,
    SpanPreposition,
    OneUnitSpan,
    NotSpanBefore,
    IncidentNoun,
    IncidentLink,
    MetricNoun,
    MetricChangeVerb,
    MultiYear,
    MultiQuarter,
    PeopleNoun,
    PeopleUnit,
    OwnTeamNoun,
    TeamNoun,
    CompanyNoun,
    CompanyUnit,
    ScopeVerb,
    LeadingVerb,
    GrowthVerb,
    TakeVerb,
    CountModifier,
    Filler,
    Determiner,
    StopWord,
    OutsideNoun,
    OutsideVerb,
    OutsideAfter,
    TeamsNoun,
    BusinessUnitNoun,
    ManagerNoun,
    CurrencyWord,
    MoneyRate,
    MoneyContextAfter,
    MoneyContextBefore,
    Promotion,
    RankWord,
    /// A currency code's lower-cased form ("usd"): the original must match exactly.
    CurrencyCode,
    /// A word that may start a keyword figure (a title, "multi-year", a month, "a year").
    Keyword,
}

/// FNV-1a: the vocabulary's keys are short words, looked up once per token, and the
/// standard library's DoS-resistant hasher costs more than the lookup itself.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for byte in bytes {
            hash = (hash ^ u64::from(*byte)).wrapping_mul(0x100_0000_01b3);
        }
        self.0 = hash;
    }
}

type FastMap<V> = HashMap<String, V, BuildHasherDefault<Fnv>>;

/// Bits of [`Class`]es.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Classes(u64);

impl Classes {
    pub(crate) fn has(self, class: Class) -> bool {
        self.0 & (1 << class as u8) != 0
    }

    fn add(&mut self, class: Class) {
        self.0 |= 1 << class as u8;
    }
}

/// What the vocabulary says about one lower-cased word.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Entry {
    pub classes: Classes,
    /// Classes with a listed phrase that starts with this word.
    pub starts: Classes,
    /// Classes with a listed phrase that ends with this word.
    pub ends: Classes,
    pub number: Option<f64>,
    pub article_number: Option<f64>,
    pub word_magnitude: Option<f64>,
    pub months: Option<f64>,
    /// A month's number (January 1).
    pub month: Option<f64>,
}

/// The entry of a word the vocabulary does not know.
pub(crate) static EMPTY_ENTRY: Entry = Entry {
    classes: Classes(0),
    starts: Classes(0),
    ends: Classes(0),
    number: None,
    article_number: None,
    word_magnitude: None,
    months: None,
    month: None,
};

/// The compiled vocabulary.
#[derive(Debug)]
pub(crate) struct Vocabulary {
    words: FastMap<Entry>,
    /// Multi-word entries by class, each as its lower-cased words.
    phrases: HashMap<u8, Vec<Vec<String>>>,
    letter_magnitudes: HashMap<String, f64>,
    title_acronyms: HashMap<String, f64>,
    /// Multi-word titles, longest first.
    pub titles: Vec<(Vec<String>, f64)>,
    pub not_count_suffixes: Vec<char>,
    pub name_prefixes: Vec<char>,
    pub currency_signs: Vec<char>,
    currency_codes: Vec<String>,
    /// Fewer days than this are incidental, not a span of work.
    pub shortest_span_days: f64,
    /// More months than this are history or a career, not a span of work.
    pub longest_span_months: f64,
    /// A count of at most this many people beside a team of `subgroup_beside_team_from` or
    /// more is a sub-group.
    pub subgroup_at_most: f64,
    pub subgroup_beside_team_from: f64,
}

static BUILTIN: LazyLock<Vocabulary> = LazyLock::new(|| {
    let file: VocabularyFile = crate::story::ron_options()
        .from_str(VOCABULARY)
        .unwrap_or_else(|err| panic!("prompts/vocabulary.ron is valid RON: {err}"));
    Vocabulary::compile(file)
});

impl Vocabulary {
    /// The vocabulary compiled into the binary.
    pub(crate) fn builtin() -> &'static Vocabulary {
        &BUILTIN
    }

    fn compile(file: VocabularyFile) -> Vocabulary {
        let mut vocabulary = Vocabulary {
            words: FastMap::default(),
            phrases: HashMap::new(),
            letter_magnitudes: file.letter_magnitudes,
            title_acronyms: file.title_acronyms,
            titles: Vec::new(),
            not_count_suffixes: file.not_count_suffixes.chars().collect(),
            name_prefixes: file.name_prefixes.chars().collect(),
            currency_signs: file.currency_signs.chars().collect(),
            currency_codes: file.currency_codes,
            shortest_span_days: file.shortest_span_days,
            longest_span_months: file.longest_span_months,
            subgroup_at_most: file.subgroup_at_most,
            subgroup_beside_team_from: file.subgroup_beside_team_from,
        };
        for (word, value) in file.number_words {
            vocabulary.entry(&word).number = Some(value);
        }
        for (word, value) in file.article_numbers {
            vocabulary.entry(&word).article_number = Some(value);
        }
        for (word, value) in file.word_magnitudes {
            vocabulary.entry(&word).word_magnitude = Some(value);
        }
        for (word, months) in file.time_units {
            vocabulary.entry(&word).months = Some(months);
        }
        for (word, month) in file.month_names {
            vocabulary.entry(&word).month = Some(month);
        }
        for (word, months) in file.short_time_units {
            let entry = vocabulary.entry(&word);
            entry.months = Some(months);
            entry.classes.add(Class::ShortTimeUnit);
        }
        let lists = [
            (Class::Approximator, file.approximators),
            (Class::MoneyApproximator, file.money_approximators),
            (Class::TimeModifier, file.time_modifiers),
            (Class::Offset, file.offset_words),
            (Class::Frequency, file.frequency_words),
            (Class::Tenure, file.tenure_words),
            (Class::SpanPreposition, file.span_prepositions),
            (Class::OneUnitSpan, file.one_unit_spans),
            (Class::NotSpanBefore, file.not_span_before),
            (Class::IncidentNoun, file.incident_nouns),
            (Class::IncidentLink, file.incident_links),
            (Class::MultiYear, file.multi_year_words),
            (Class::MultiQuarter, file.multi_quarter_words),
            (Class::PeopleNoun, file.people_nouns),
            (Class::PeopleUnit, file.people_units),
            (Class::OwnTeamNoun, file.own_team_nouns),
            (Class::TeamNoun, file.team_nouns),
            (Class::CompanyNoun, file.company_nouns),
            (Class::CompanyUnit, file.company_units),
            (Class::ScopeVerb, file.scope_verbs),
            (Class::LeadingVerb, file.leading_verbs),
            (Class::GrowthVerb, file.growth_verbs),
            (Class::TakeVerb, file.take_verbs),
            (Class::CountModifier, file.count_modifiers),
            (Class::Filler, file.fillers),
            (Class::Determiner, file.determiners),
            (Class::StopWord, file.stop_words),
            (Class::OutsideNoun, file.outside_nouns),
            (Class::OutsideVerb, file.outside_verbs),
            (Class::OutsideAfter, file.outside_after),
            (Class::TeamsNoun, file.teams_nouns),
            (Class::BusinessUnitNoun, file.business_unit_nouns),
            (Class::ManagerNoun, file.manager_nouns),
            (Class::CurrencyWord, file.currency_words),
            (Class::MoneyRate, file.money_rates),
            (Class::MoneyContextAfter, file.money_context_after),
            (Class::MoneyContextBefore, file.money_context_before),
            (Class::Promotion, file.promotion_words),
            (Class::RankWord, file.rank_words),
            (Class::MetricNoun, file.metric_nouns),
            (Class::MetricChangeVerb, file.metric_change_verbs),
        ];
        for (class, words) in lists {
            for word in words {
                vocabulary.add(class, &word);
            }
        }
        vocabulary.titles = file
            .titles
            .into_iter()
            .map(|(title, rank)| (split_words(&title), rank))
            .collect();
        // Words that may start a keyword figure, so the scanner skips every other word at
        // once.
        let mut keywords: Vec<String> = vocabulary
            .titles
            .iter()
            .map(|(words, _)| words[0].clone())
            .chain(vocabulary.title_acronyms.keys().map(|a| a.to_lowercase()))
            .chain(
                [
                    "chief", "board", "manager", "managers", "senior", "half", "h", "q",
                ]
                .map(String::from),
            )
            .collect();
        for (word, entry) in &vocabulary.words {
            if entry.months.is_some()
                || entry.month.is_some()
                || entry.classes.has(Class::MultiYear)
                || entry.classes.has(Class::MultiQuarter)
            {
                keywords.push(word.clone());
            }
        }
        for class in [Class::MultiYear, Class::MultiQuarter] {
            keywords.extend(
                vocabulary
                    .phrases(class)
                    .iter()
                    .map(|phrase| phrase[0].clone()),
            );
        }
        for word in keywords {
            vocabulary.entry(&word).classes.add(Class::Keyword);
        }
        let codes: Vec<String> = vocabulary
            .currency_codes
            .iter()
            .map(|c| c.to_lowercase())
            .collect();
        for code in codes {
            vocabulary.add(Class::CurrencyCode, &code);
        }
        vocabulary
            .titles
            .sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        vocabulary
    }

    fn entry(&mut self, word: &str) -> &mut Entry {
        self.words.entry(word.to_lowercase()).or_default()
    }

    fn add(&mut self, class: Class, text: &str) {
        let words = split_words(text);
        if words.len() == 1 {
            self.entry(&words[0]).classes.add(class);
        } else if let (Some(first), Some(last)) = (words.first(), words.last()) {
            self.entry(first).starts.add(class);
            self.entry(last).ends.add(class);
            self.phrases.entry(class as u8).or_default().push(words);
        }
    }

    /// The entry of a lower-cased word (hyphens as '-').
    pub(crate) fn get(&self, word: &str) -> Option<&Entry> {
        self.words.get(word)
    }

    /// The phrases of `class` (entries of two or more words).
    pub(crate) fn phrases(&self, class: Class) -> &[Vec<String>] {
        self.phrases
            .get(&(class as u8))
            .map_or(&[], |phrases| phrases.as_slice())
    }

    /// A magnitude glued to a number ("K", "MM"), case-sensitive.
    pub(crate) fn letter_magnitude(&self, original: &str) -> Option<f64> {
        self.letter_magnitudes.get(original).copied()
    }

    /// A title acronym's rank ("VP" 3), case-sensitive.
    pub(crate) fn title_acronym(&self, original: &str) -> Option<f64> {
        self.title_acronyms.get(original).copied()
    }

    pub(crate) fn is_currency_code(&self, original: &str) -> bool {
        self.currency_codes.iter().any(|code| code == original)
    }

    /// Classes of a phrase's first and last words may be symbols ("/yr"): their entries.
    pub(crate) fn symbol_entry(&self, symbol: char) -> &Entry {
        if symbol.is_alphanumeric() || symbol.is_whitespace() {
            return &EMPTY_ENTRY;
        }
        let mut buffer = [0; 4];
        self.get(symbol.encode_utf8(&mut buffer))
            .unwrap_or(&EMPTY_ENTRY)
    }
}

/// "more than" -> ["more", "than"]; "/yr" -> ["/", "yr"]; "sub-teams" stays one word.
fn split_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    for part in text.split_whitespace() {
        let lower = part.to_lowercase();
        if let Some(rest) = lower.strip_prefix('/') {
            words.push("/".to_string());
            if !rest.is_empty() {
                words.push(rest.to_string());
            }
        } else {
            words.push(lower);
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_vocabulary_compiles() {
        let vocabulary = Vocabulary::builtin();
        let engineers = vocabulary.get("engineers").expect("engineers");
        assert!(engineers.classes.has(Class::PeopleNoun));
        assert_eq!(vocabulary.get("twelve").and_then(|e| e.number), Some(12.0));
        assert_eq!(vocabulary.get("weeks").and_then(|e| e.months), Some(0.25));
        assert!(vocabulary
            .phrases(Class::Approximator)
            .iter()
            .any(|p| p == &["more", "than"]));
        assert_eq!(vocabulary.title_acronym("VP"), Some(3.0));
        assert_eq!(vocabulary.letter_magnitude("MM"), Some(1e6));
        assert!(vocabulary.titles[0].0.len() >= vocabulary.titles.last().unwrap().0.len());
    }
}
