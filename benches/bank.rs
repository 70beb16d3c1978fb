//! Benchmarks on generated banks of 100, 1,000 and 10,000 stories.
//!
//! Run: `cargo bench --bench bank` (add `-- load`, `-- lint`, `-- extract` or
//! `-- lint-command` to filter).

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

/// `starbank lint --format json` end to end, the release binary as CI runs it, on 1,000 and
/// 10,000 stories; the bank's index on disk is warm (written by the first run). With
/// `PROSELINT` set to a proselint executable, proselint reads the same prose once per size
/// and the ratio is printed (`scripts/bench-lint.sh` does the same from the shell).
fn lint_command(c: &mut Criterion) {
    let binary = env!("CARGO_BIN_EXE_starbank");
    let mut group = c.benchmark_group("lint-command");
    group.sample_size(10);
    for size in [1_000, 10_000] {
        let dir = bank_dir(size);
        let run = || {
            std::process::Command::new(binary)
                .args(["lint", "--format", "json"])
                .arg(&dir)
                .stdout(std::process::Stdio::null())
                .status()
                .expect("starbank runs")
        };
        run();
        let mut fastest = std::time::Duration::MAX;
        group.bench_function(BenchmarkId::from_parameter(size), |b| {
            b.iter_custom(|iterations| {
                let mut total = std::time::Duration::ZERO;
                for _ in 0..iterations {
                    let start = std::time::Instant::now();
                    run();
                    let took = start.elapsed();
                    fastest = fastest.min(took);
                    total += took;
                }
                total
            });
        });
        if let Ok(proselint) = std::env::var("PROSELINT") {
            compare_with_proselint(&proselint, &dir, size, fastest);
        }
    }
    group.finish();
}

/// Times proselint once on the prose of the bank at `dir` and prints the ratio to `ours`.
fn compare_with_proselint(proselint: &str, dir: &Path, size: usize, ours: std::time::Duration) {
    let prose = dir.with_file_name(format!("bench-prose-{size}"));
    if !prose.exists() {
        std::fs::create_dir_all(&prose).expect("write prose");
        for story in Bank::load(dir).expect("bank loads").stories {
            let text: Vec<&str> = story.sections().map(|(_, text)| text).collect();
            let name = story.path.with_extension("txt");
            let name = name.file_name().unwrap_or_default();
            std::fs::write(prose.join(name), text.join("\n\n") + "\n").expect("write prose");
        }
    }
    let start = std::time::Instant::now();
    let status = std::process::Command::new(proselint)
        .arg("check")
        .arg(&prose)
        .stdout(std::process::Stdio::null())
        .status();
    let theirs = start.elapsed();
    match status {
        Ok(_) => eprintln!(
            "lint-command/{size}: starbank {:.3} s (fastest), proselint {:.2} s: {:.0}x",
            ours.as_secs_f64(),
            theirs.as_secs_f64(),
            theirs.as_secs_f64() / ours.as_secs_f64()
        ),
        Err(err) => eprintln!("lint-command/{size}: cannot run proselint `{proselint}`: {err}"),
    }
}

criterion_group!(benches, load, lint, extract, lint_command);
criterion_main!(benches);
