//! Benchmarks on generated banks of 100, 1,000 and 10,000 stories.
//!
//! Run: `cargo bench --bench bank` (add `-- load`, `-- lint` or `-- extract` to filter).

use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use starbank::bank::Bank;

const SIZES: [usize; 3] = [100, 1_000, 10_000];

/// A generated bank, written once per size under target/ and reused across runs.
fn bank_dir(size: usize) -> PathBuf {
    starbank::generate::cached_bank(Path::new(env!("CARGO_TARGET_TMPDIR")), size)
        .expect("write generated bank")
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    for size in SIZES {
        let dir = bank_dir(size);
        group.throughput(Throughput::Elements(size as u64));
        group.bench_with_input(BenchmarkId::from_parameter(size), &dir, |b, dir| {
            b.iter(|| Bank::load(dir).expect("bank loads"));
        });
    }
    group.finish();
}

/// Lints an already loaded bank: the analysis alone (extraction, scope, every rule).
fn lint(c: &mut Criterion) {
    let prompts = starbank::prompts::Prompts::builtin();
    let mut group = c.benchmark_group("lint");
    group.sample_size(10);
    for size in [1_000, 10_000] {
        let bank = Bank::load(&bank_dir(size)).expect("bank loads");
        let linter = starbank::lint::Linter::new(&prompts, &bank.config);
        group.throughput(Throughput::Elements(size as u64));
        group.bench_with_input(BenchmarkId::from_parameter(size), &bank, |b, bank| {
            b.iter(|| linter.lint_bank(bank));
        });
    }
    group.finish();
}

/// The four sections of every story in the labelled real-prose corpus (tests/corpus/).
fn corpus_sections() -> Vec<[String; 4]> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/stories.jsonl");
    let text = std::fs::read_to_string(path).expect("the corpus is in the repository");
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let row: serde_json::Value = serde_json::from_str(line).expect("a corpus row");
            ["situation", "task", "action", "result"]
                .map(|key| row[key].as_str().unwrap_or("").to_string())
        })
        .collect()
}

/// Figure extraction alone, per story: the real corpus and a generated 10,000-story bank.
fn extract(c: &mut Criterion) {
    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    let corpus = corpus_sections();
    let generated: Vec<[String; 4]> = Bank::load(&bank_dir(10_000))
        .expect("bank loads")
        .stories
        .iter()
        .map(|story| {
            let mut sections = story.sections().map(|(_, text)| text.to_string());
            std::array::from_fn(|_| sections.next().unwrap_or_default())
        })
        .collect();
    for (name, stories) in [("corpus", &corpus), ("generated-10000", &generated)] {
        group.throughput(Throughput::Elements(stories.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), stories, |b, stories| {
            b.iter(|| {
                stories
                    .iter()
                    .flat_map(|sections| sections.iter())
                    .map(|text| starbank::figures::extract(text).len())
                    .sum::<usize>()
            });
        });
    }
    group.finish();
}

criterion_group!(benches, load, lint, extract);
criterion_main!(benches);
