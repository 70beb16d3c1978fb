//! Quality of figure reading and level reading on real prose: the labelled corpus of STAR
//! answers published by other people (`tests/corpus/`), run through the real lint path (the
//! built binary, `starbank lint --format json`), scored the way `tests/corpus/README.md`
//! describes. The test prints its table and asserts floors a little under what was measured,
//! so a regression fails CI.
//!
//! Rows are split by source into a tuning half and a held-out half (a hash of the source's
//! domain or repository): the held-out figures estimate how the reader does on sources it was
//! never tuned on. `STARBANK_CORPUS_MISSES=1` prints every miss of the tuning half.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use assert_cmd::Command;
use serde_json::Value;

use crate::common;

use common::corpus::{load_figure_rows, write_bank, Row, KINDS, READINGS};

/// Each story's scope figures (kind, value, text) and reading, by row index.
struct Predicted {
    figures: Vec<(String, f64, String)>,
    reads_at: String,
}

fn lint(rows: &[Row]) -> Vec<Predicted> {
    let dir = tempfile::tempdir().expect("temp dir");
    let bank = dir.path().join("bank");
    std::fs::create_dir(&bank).expect("bank dir");
    write_bank(rows, &bank);
    let output = Command::cargo_bin("starbank")
        .expect("binary builds")
        .args(["lint", "--format", "json"])
        .arg(&bank)
        .output()
        .expect("runs");
    let json: Value = serde_json::from_slice(&output.stdout).expect("lint prints JSON");
    assert_eq!(json["errors"].as_array().map(Vec::len), Some(0), "{json}");
    let mut predicted: Vec<Option<Predicted>> = rows.iter().map(|_| None).collect();
    for story in json["stories"].as_array().expect("stories") {
        let id = story["id"].as_str().expect("id");
        let index: usize = id.trim_start_matches("story-").parse().expect("story-NNN");
        let figures = story["figures"]
            .as_array()
            .expect("figures")
            .iter()
            .filter(|f| f["role"].as_str().is_none_or(|role| role == "scope"))
            .map(|f| {
                (
                    f["kind"].as_str().unwrap_or("").to_string(),
                    f["value"].as_f64().expect("a finite value"),
                    f["text"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect();
        let reads_at = story["reads_at"].as_str().unwrap_or("none").to_string();
        predicted[index] = Some(Predicted { figures, reads_at });
    }
    predicted
        .into_iter()
        .map(|p| p.expect("every row linted"))
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 0.02 * b.abs().max(a.abs())
}

#[derive(Default, Clone, Copy)]
struct Counts {
    true_positive: usize,
    false_positive: usize,
    labelled: usize,
    matched: usize,
    largest_right: usize,
    largest_total: usize,
}

impl Counts {
    fn precision(&self) -> f64 {
        ratio(self.true_positive, self.true_positive + self.false_positive)
    }
    fn recall(&self) -> f64 {
        ratio(self.matched, self.labelled)
    }
    fn largest(&self) -> f64 {
        ratio(self.largest_right, self.largest_total)
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

#[derive(Default)]
struct Scores {
    rows: usize,
    kinds: BTreeMap<&'static str, Counts>,
    /// (label, predicted) -> count
    confusion: BTreeMap<(String, String), usize>,
    misses: Vec<String>,
}

impl Scores {
    fn add(&mut self, row: &Row, predicted: &Predicted, keep_misses: bool) {
        self.rows += 1;
        for kind in KINDS {
            let counts = self.kinds.entry(kind).or_default();
            let labels = row.labels(kind);
            let optional = row.optional(kind);
            let mut unmatched: Vec<f64> = labels.to_vec();
            let values: Vec<(f64, &str)> = predicted
                .figures
                .iter()
                .filter(|f| f.0 == kind)
                .map(|f| (f.1, f.2.as_str()))
                .collect();
            for (value, text) in &values {
                if let Some(at) = unmatched.iter().position(|label| close(*value, *label)) {
                    unmatched.remove(at);
                    counts.true_positive += 1;
                } else if optional.iter().any(|o| close(*value, *o))
                    || labels.iter().any(|label| close(*value, *label))
                {
                    // An optional figure, or a label stated more often than it was listed.
                } else {
                    counts.false_positive += 1;
                    if keep_misses {
                        self.misses
                            .push(format!("{}: extra {kind} {value} from {text:?}", row.id));
                    }
                }
            }
            counts.labelled += labels.len();
            counts.matched += labels.len() - unmatched.len();
            if keep_misses {
                for label in &unmatched {
                    self.misses
                        .push(format!("{}: missed {kind} {label}", row.id));
                }
            }
            let label_max = labels.iter().copied().fold(f64::NAN, f64::max);
            let predicted_max = values.iter().map(|v| v.0).fold(f64::NAN, f64::max);
            if !labels.is_empty() {
                counts.largest_total += 1;
                let right = !predicted_max.is_nan()
                    && (close(predicted_max, label_max)
                        || (predicted_max > label_max
                            && optional.iter().any(|o| close(predicted_max, *o))));
                if right {
                    counts.largest_right += 1;
                } else if keep_misses {
                    self.misses.push(format!(
                        "{}: largest {kind} {predicted_max} (label {label_max})",
                        row.id
                    ));
                }
            }
        }
        *self
            .confusion
            .entry((row.reads_at.clone(), predicted.reads_at.clone()))
            .or_default() += 1;
        if keep_misses && row.reads_at != predicted.reads_at {
            self.misses.push(format!(
                "{}: reads {} (label {})",
                row.id, predicted.reads_at, row.reads_at
            ));
        }
    }

    /// Over the rows with a labelled figure, as the independent check counts it.
    fn reads_at_accuracy(&self) -> f64 {
        let (mut right, mut total) = (0, 0);
        for ((label, predicted), count) in &self.confusion {
            if label != "none" {
                total += count;
                if label == predicted {
                    right += count;
                }
            }
        }
        ratio(right, total)
    }

    fn count(&self, label: &str, predicted: &str) -> usize {
        self.confusion
            .get(&(label.to_string(), predicted.to_string()))
            .copied()
            .unwrap_or(0)
    }

    fn table(&self, name: &str) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "\n{name}: {} stories", self.rows);
        let _ = writeln!(
            out,
            "  {:<15} {:>9} {:>7} {:>9} {:>8}",
            "kind", "precision", "recall", "largest", "mentions"
        );
        for (kind, c) in &self.kinds {
            let _ = writeln!(
                out,
                "  {:<15} {:>9.3} {:>7.3} {:>9.3} {:>8}",
                kind,
                c.precision(),
                c.recall(),
                c.largest(),
                c.labelled
            );
        }
        let _ = writeln!(
            out,
            "  reads_at agrees: {:.3} (stories with a labelled figure)",
            self.reads_at_accuracy()
        );
        let _ = writeln!(out, "  label \\ read   {}", READINGS.join("  "));
        for label in READINGS {
            let cells: Vec<String> = READINGS
                .iter()
                .map(|predicted| {
                    format!(
                        "{:>width$}",
                        self.count(label, predicted),
                        width = predicted.len()
                    )
                })
                .collect();
            let _ = writeln!(out, "  {label:<13}  {}", cells.join("  "));
        }
        out
    }
}

#[test]
fn corpus_figures_and_levels() {
    let rows = load_figure_rows();
    let predicted = lint(&rows);
    let misses = std::env::var("STARBANK_CORPUS_MISSES").ok();
    let show_misses = misses.is_some();
    let show_all = misses.as_deref() == Some("all");
    let (mut all, mut tuning, mut held_out, mut human) = (
        Scores::default(),
        Scores::default(),
        Scores::default(),
        Scores::default(),
    );
    for (row, predicted) in rows.iter().zip(&predicted) {
        all.add(row, predicted, false);
        if row.held_out() {
            held_out.add(row, predicted, show_all);
        } else {
            tuning.add(row, predicted, show_misses);
        }
        if row.style.as_deref() != Some("templated") {
            human.add(row, predicted, false);
        }
    }
    let report = [
        all.table("all rows"),
        tuning.table("tuning sources"),
        held_out.table("held-out sources"),
        human.table("human-written (style not templated)"),
    ]
    .concat();
    println!("{report}");
    for miss in tuning.misses.iter().chain(&held_out.misses) {
        println!("  {miss}");
    }

    // Floors a little under what was measured on all 403 rows (see the table above); a
    // regression in any of them fails CI. Nine batches were labelled blind and scored before
    // the reader learnt from them (`STARBANK_CORPUS=<file>`; tests/corpus/README.md): the
    // 45 rows of the second, horizon precision 0.59, recall 0.64, reads_at 0.73; the 44 of
    // the third, horizon 0.57 / 0.70, team 0.82 / 0.88, reads_at 0.74; the 97 of the fourth
    // to sixth, horizon 0.53 / 0.83, team 0.88 / 0.77, reads_at 0.77; the 23 of the seventh
    // and eighth, horizon 0.71 / 0.75, team 0.93 / 0.93, reads_at 0.65; the 12 of the ninth,
    // horizon 0.80 / 0.89, team 0.73 / 0.62, reads_at 0.83 (the session's first reader: team
    // 0.67 / 0.46, reads_at 0.75); the 13 of the tenth, team 0.89 / 0.80, horizon 0.86 /
    // 0.86, dollars 0.83 / 0.71, reads_at 0.69.
    let floors = [
        ("dollars", 0.96, 0.94, 0.96),
        ("horizon_months", 0.79, 0.80, 0.81),
        ("team_size", 0.87, 0.88, 0.89),
    ];
    for (kind, precision, recall, largest) in floors {
        let counts = all.kinds[kind];
        assert!(
            counts.precision() >= precision,
            "{kind} precision\n{report}"
        );
        assert!(counts.recall() >= recall, "{kind} recall\n{report}");
        assert!(counts.largest() >= largest, "{kind} largest\n{report}");
    }
    assert!(all.reads_at_accuracy() >= 0.81, "reads_at\n{report}");
    let severe =
        all.count("L7", "below-L6") + all.count("L7", "none") + all.count("below-L6", "L7");
    assert!(
        severe <= 9,
        "{severe} stories read two levels off\n{report}"
    );
}

/// The corpus itself: enough rows, sources and levels to measure anything.
#[test]
fn corpus_is_large_and_varied() {
    let rows = load_figure_rows();
    assert!(rows.len() >= 150, "{} rows", rows.len());
    let mut sources: Vec<String> = rows.iter().map(Row::source_key).collect();
    sources.sort();
    sources.dedup();
    assert!(sources.len() >= 25, "{} sources", sources.len());
    let count = |level: &str| rows.iter().filter(|r| r.reads_at == level).count();
    assert!(count("L7") >= 30 && count("L6") >= 40, "levels");
    assert!(count("below-L6") >= 30 && count("none") >= 15, "levels");
    let mut ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), rows.len(), "ids are unique");
    for row in &rows {
        assert!(!row.source.is_empty(), "{} names its source", row.id);
        assert!(
            READINGS.contains(&row.reads_at.as_str()),
            "{}: {}",
            row.id,
            row.reads_at
        );
        let stated = !row.team_sizes.is_empty()
            || !row.durations_months.is_empty()
            || !row.dollars.is_empty();
        assert_eq!(
            row.reads_at != "none",
            stated,
            "{}: none iff no figure",
            row.id
        );
    }
}
