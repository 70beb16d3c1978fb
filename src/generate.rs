//! A deterministic generator of realistic story banks, for tests and benchmarks.
//!
//! The same seed always writes the same files. Stories vary in level, figures, phrasing
//! (digits, number words, ranges, approximations, money spellings) and section lengths, so
//! extraction, linting and search see the shapes real banks have.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// A small, fast, seedable PRNG (SplitMix64): good enough for varied test data.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const SYSTEMS: &[&str] = &[
    "payments ledger",
    "checkout service",
    "search indexing pipeline",
    "identity platform",
    "fulfilment routing engine",
    "mobile release train",
    "data warehouse",
    "recommendations service",
    "billing platform",
    "fraud detection models",
    "internal developer platform",
    "observability stack",
    "catalog service",
    "notifications system",
];

const PROBLEMS: &[&str] = &[
    "missed three sprint commitments in a row and two senior engineers had resigned",
    "was paging the on-call engineer several times a night and morale was low",
    "had grown by accretion and every change needed four teams to agree",
    "cost far more to run than the business it supported could justify",
    "was blocking a product launch the VP had promised to customers",
    "had no clear owner after a reorganisation and incidents bounced between teams",
    "ran on a database version that would lose vendor support within the year",
    "had two tech leads who disagreed in public about its architecture",
];

const ACTIONS: &[&str] = &[
    "I met each engineer one to one to hear what was blocking them and wrote down every answer",
    "I rewrote the on-call rotation so that no one carried the pager two weeks running",
    "I wrote a one-page RFC comparing the three options with their costs and risks",
    "I set up a weekly operational review where I walked the dashboards with the team",
    "I negotiated the roadmap with product so that a fifth of each sprint went to reliability work",
    "I coached my tech lead on running design reviews and stepped back from chairing them",
    "I took the decision to the Director with the data and a recommendation I would own",
    "I paired with the staff engineer on the migration plan and reviewed every cut-over step",
    "I hired two engineers with the operational experience the team was missing",
    "I made our error budget visible to the whole organisation and tied launches to it",
    "I held a blameless postmortem for every incident and tracked each action item to closure",
    "I wrote the hiring bar for the new managers and interviewed every candidate myself",
    "I built a coalition with the two peer directors whose teams depended on the platform",
    "I presented the investment case to the SVP with three scenarios and their payback periods",
];

const RESULTS: &[&str] = &[
    "pages dropped by 70% and no one left the team that year",
    "we shipped the launch on the promised date with no severity-one incidents",
    "the new process became the default for the organisation",
    "two of the engineers I coached were promoted",
    "customer complaints about the flow fell by half",
    "the platform became the default choice for new services",
];

const ONES: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

/// A count spelled one of the ways people write it.
fn count_phrase(rng: &mut Rng, n: usize) -> String {
    match rng.below(4) {
        0 if n < ONES.len() => ONES[n].to_string(),
        1 => format!("~{n}"),
        2 => format!("about {n}"),
        _ => n.to_string(),
    }
}

/// A money amount spelled one of the ways people write it.
fn money_phrase(rng: &mut Rng, dollars: u64) -> String {
    let millions = dollars as f64 / 1e6;
    match rng.below(5) {
        0 if dollars >= 1_000_000 => format!("${millions:.0}M"),
        1 if dollars >= 1_000_000 => format!("${millions:.1} million"),
        2 => format!("${}K", dollars / 1000),
        3 if dollars >= 1_000_000 => format!("USD {millions:.0}M"),
        _ => format!("${}", group_thousands(dollars)),
    }
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn horizon_phrase(rng: &mut Rng, months: usize) -> String {
    match (months, rng.below(3)) {
        (m, 0) if m % 12 == 0 => format!("a {}-year roadmap", m / 12),
        (m, 1) if m % 3 == 0 && m <= 12 => format!("{} quarters", ONES[m / 3]),
        (m, _) => format!("over {m} months"),
    }
}

/// Writes one story's RON text.
pub fn story_text(rng: &mut Rng, index: usize) -> String {
    let l7 = rng.chance(50);
    // One story in five is mis-scoped: its figures read at the other level.
    let reads_l7 = if rng.chance(20) { !l7 } else { l7 };
    let system = rng.pick(SYSTEMS);
    let problem = rng.pick(PROBLEMS);
    let team = if reads_l7 {
        50 + rng.below(250)
    } else {
        10 + rng.below(30)
    };
    let months = if reads_l7 {
        24 + 6 * rng.below(7)
    } else {
        6 + rng.below(13)
    };
    let dollars = if reads_l7 {
        10_000_000 + 1_000_000 * rng.below(90) as u64
    } else {
        1_000_000 + 100_000 * rng.below(90) as u64
    };
    let level = if l7 { "L7" } else { "L6" };
    let team_text = count_phrase(rng, team);
    let situation = format!(
        "In {year} I led {org} of {team_text} engineers that owned the {system}. The {system} {problem}.",
        year = 2018 + rng.below(8),
        org = if reads_l7 { "an organization" } else { "a team" },
    );
    let task = format!(
        "My Director asked me to fix it within {horizon}, without stopping feature work.",
        horizon = horizon_phrase(rng, months),
    );
    let mut action = String::new();
    for _ in 0..3 + rng.below(8) {
        let _ = write!(action, "{}. ", rng.pick(ACTIONS));
        if rng.chance(25) {
            action.push_str("We agreed on the plan together. ");
        }
    }
    let result = format!(
        "Within a year {}, and we saved {} a year.",
        rng.pick(RESULTS),
        money_phrase(rng, dollars)
    );
    let mut out = String::new();
    let _ = writeln!(out, "// generated story {index}");
    out.push_str("(\n");
    let _ = writeln!(out, "    title: \"Story {index}: the {system}\",");
    let _ = writeln!(out, "    level: {level},");
    if rng.chance(50) {
        let _ = writeln!(out, "    year: {},", 2018 + rng.below(8));
    }
    if rng.chance(60) {
        out.push_str("    principles: [\"Ownership\", \"Deliver Results\"],\n");
    }
    for (name, text) in [
        ("situation", situation),
        ("task", task),
        ("action", action.trim_end().to_string()),
        ("result", result),
    ] {
        let _ = writeln!(out, "    {name}: {},", ron_string(&text));
    }
    out.push_str(")\n");
    out
}

/// A RON string literal for `text`.
pub fn ron_string(text: &str) -> String {
    crate::source::encode_plain(text, false)
}

/// A generated bank of `size` stories (seed 42) in `parent/bench-bank-SIZE`, written on
/// first use and reused after: benchmarks share one copy per size.
pub fn cached_bank(parent: &Path, size: usize) -> std::io::Result<PathBuf> {
    let dir = parent.join(format!("bench-bank-{size}"));
    let last = dir.join(format!("story-{:05}.ron", size.saturating_sub(1)));
    if !last.exists() {
        write_bank(&dir, size, 42)?;
    }
    Ok(dir)
}

/// Writes `count` stories into `dir` (created if needed); returns their paths.
pub fn write_bank(dir: &Path, count: usize, seed: u64) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut rng = Rng::new(seed);
    (0..count)
        .map(|index| {
            let path = dir.join(format!("story-{index:05}.ron"));
            std::fs::write(&path, story_text(&mut rng, index))?;
            Ok(path)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_story() {
        assert_eq!(
            story_text(&mut Rng::new(7), 1),
            story_text(&mut Rng::new(7), 1)
        );
        assert_ne!(
            story_text(&mut Rng::new(7), 1),
            story_text(&mut Rng::new(8), 1)
        );
    }

    #[test]
    fn generated_stories_parse() {
        let mut rng = Rng::new(42);
        for index in 0..200 {
            let text = story_text(&mut rng, index);
            crate::story::Story::parse(Path::new("g.ron"), text.clone())
                .unwrap_or_else(|err| panic!("{err}\n{text}"));
        }
    }

    #[test]
    fn ron_string_round_trips() {
        let text = "a \"quote\" \\ back\nslash\t\u{1b}";
        let parsed: String = ron::from_str(&ron_string(text)).unwrap();
        assert_eq!(parsed, text);
    }
}
