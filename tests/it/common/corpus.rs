//! The labelled real-prose corpus (`tests/corpus/`), shared by the quality tests: its rows
//! and the bank they are linted and searched as.

use std::path::Path;

use serde::Deserialize;
use starbank::source::encode_plain;

#[derive(Debug, Deserialize)]
pub struct Row {
    pub id: String,
    pub source: String,
    pub situation: String,
    pub task: String,
    pub action: String,
    pub result: String,
    pub team_sizes: Vec<f64>,
    pub durations_months: Vec<f64>,
    pub dollars: Vec<f64>,
    #[serde(default)]
    pub optional: Optional,
    pub reads_at: String,
    #[serde(default)]
    pub style: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Optional {
    #[serde(default)]
    pub team_size: Vec<f64>,
    #[serde(default)]
    pub horizon_months: Vec<f64>,
    #[serde(default)]
    pub dollars: Vec<f64>,
}

pub const KINDS: [&str; 3] = ["team_size", "horizon_months", "dollars"];
pub const READINGS: [&str; 4] = ["L7", "L6", "below-L6", "none"];

impl Row {
    pub fn labels(&self, kind: &str) -> &[f64] {
        match kind {
            "team_size" => &self.team_sizes,
            "horizon_months" => &self.durations_months,
            _ => &self.dollars,
        }
    }

    pub fn optional(&self, kind: &str) -> &[f64] {
        match kind {
            "team_size" => &self.optional.team_size,
            "horizon_months" => &self.optional.horizon_months,
            _ => &self.optional.dollars,
        }
    }

    /// The source's domain or GitHub repository: the unit of the held-out split.
    pub fn source_key(&self) -> String {
        if let Some(rest) = self.source.strip_prefix("github:") {
            return rest.split(':').next().unwrap_or(rest).to_lowercase();
        }
        let host = self
            .source
            .split("://")
            .nth(1)
            .unwrap_or(&self.source)
            .split('/')
            .next()
            .unwrap_or("");
        host.trim_start_matches("www.").to_lowercase()
    }

    /// About a third of the sources are held out; FNV-1a keeps the split stable.
    pub fn held_out(&self) -> bool {
        let hash = self
            .source_key()
            .bytes()
            .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
                (hash ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3)
            });
        hash % 3 == 0
    }
}

/// The corpus rows with search judgements (`stories.jsonl`); `STARBANK_CORPUS=<file>` scores
/// another labelled file instead (a new batch, before it joins the corpus: the reader has
/// never been tuned on it).
pub fn load_rows() -> Vec<Row> {
    match std::env::var_os("STARBANK_CORPUS") {
        Some(path) => read_rows(Path::new(&path)),
        None => read_rows(&corpus_file("stories.jsonl")),
    }
}

/// Every row labelled with figures: [`load_rows`] and, unless `STARBANK_CORPUS` names a
/// file, the rows not yet judged for search (`figures-only.jsonl`).
pub fn load_figure_rows() -> Vec<Row> {
    let mut rows = load_rows();
    if std::env::var_os("STARBANK_CORPUS").is_none() {
        rows.extend(read_rows(&corpus_file("figures-only.jsonl")));
    }
    rows
}

fn corpus_file(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(name)
}

fn read_rows(path: &Path) -> Vec<Row> {
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .enumerate()
        .map(|(number, line)| {
            serde_json::from_str(line)
                .unwrap_or_else(|error| panic!("{} line {}: {error}", path.display(), number + 1))
        })
        .collect()
}

/// Writes the rows as a bank with neutral titles, as the independent check does.
pub fn write_bank(rows: &[Row], dir: &Path) {
    for (number, row) in rows.iter().enumerate() {
        let story = format!(
            "(\n    title: \"Story {number:03}\",\n    level: L6,\n    situation: {},\n    task: {},\n    action: {},\n    result: {},\n)\n",
            encode_plain(&row.situation, false),
            encode_plain(&row.task, false),
            encode_plain(&row.action, false),
            encode_plain(&row.result, false),
        );
        std::fs::write(dir.join(format!("story-{number:03}.ron")), story).expect("writes");
    }
}
