//! Search benchmarks on generated banks of 1,000 and 10,000 stories: index build, and 1,000
//! queries (bank question ids and free text). Besides criterion's timings it prints each
//! size's per-query latency median and p99, measured query by query.
//!
//! The `search-command` group times `starbank search` end to end with the index it keeps
//! on disk.
//!
//! Run: `cargo bench --bench search`.

use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use starbank::bank::Bank;
use starbank::index::{SearchQuery, StoryIndex};
use starbank::prompts::Prompts;

const SIZES: [usize; 2] = [1_000, 10_000];
const QUERIES: usize = 1_000;

const FREE_TEXT: &[&str] = &[
    "turned around a failing team",
    "cut the cloud bill",
    "pager rotation and on-call pain",
    "disagreed with my VP about the roadmap",
    "hired a new team from scratch",
    "multi-year platform migration across business units",
    "mentored a senior engineer into a tech lead",
    "\"design review\" -hiring",
];

/// A generated bank, written once per size under target/ and reused across runs.
fn bank(size: usize) -> Bank {
    let dir = starbank::generate::cached_bank(Path::new(env!("CARGO_TARGET_TMPDIR")), size)
        .expect("write generated bank");
    Bank::load(&dir).expect("bank loads")
}

/// The 1,000 queries: every other one a question id, the rest free text.
fn queries(prompts: &Prompts) -> Vec<SearchQuery> {
    (0..QUERIES)
        .map(|i| {
            if i % 2 == 0 {
                SearchQuery::question(
                    prompts.questions[i / 2 % prompts.questions.len()]
                        .id
                        .clone(),
                )
            } else {
                SearchQuery::text(FREE_TEXT[i / 2 % FREE_TEXT.len()])
            }
        })
        .collect()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[rank]
}

fn search(c: &mut Criterion) {
    let prompts = Prompts::builtin();
    let queries = queries(&prompts);
    for size in SIZES {
        let bank = bank(size);
        let mut group = c.benchmark_group(format!("search-{size}"));
        group.sample_size(10);
        group.throughput(Throughput::Elements(size as u64));
        group.bench_function(BenchmarkId::new("build", size), |b| {
            b.iter(|| StoryIndex::build(&bank.stories, &prompts).expect("index builds"));
        });
        let index = StoryIndex::build(&bank.stories, &prompts).expect("index builds");
        group.throughput(Throughput::Elements(QUERIES as u64));
        group.bench_function(BenchmarkId::new("1000-queries", size), |b| {
            b.iter(|| queries.iter().map(|q| index.search(q).len()).sum::<usize>());
        });
        group.finish();

        let mut latencies: Vec<Duration> = queries
            .iter()
            .map(|query| {
                let start = Instant::now();
                std::hint::black_box(index.search(query));
                start.elapsed()
            })
            .collect();
        latencies.sort();
        let build = Instant::now();
        drop(std::hint::black_box(StoryIndex::build(
            &bank.stories,
            &prompts,
        )));
        eprintln!(
            "search-{size}: build {:?}; {QUERIES} queries: median {:?}, p99 {:?}, max {:?}",
            build.elapsed(),
            percentile(&latencies, 0.5),
            percentile(&latencies, 0.99),
            latencies[latencies.len() - 1],
        );
    }
}

/// `starbank search` end to end, as a user runs it, on the generated banks: with the index
/// kept in `<bank>/.starbank/index/` and no story changed since the last run (the common
/// case), and with one story changed.
fn search_command(c: &mut Criterion) {
    let starbank = env!("CARGO_BIN_EXE_starbank");
    let run = |bank: &Path| {
        let status = std::process::Command::new(starbank)
            .args(["search", "--format", "json", "--bank"])
            .arg(bank)
            .arg("turned around a failing team")
            .stdout(std::process::Stdio::null())
            .status()
            .expect("starbank runs");
        assert!(status.success());
    };
    let mut group = c.benchmark_group("search-command");
    group.sample_size(10);
    for size in SIZES {
        let dir = starbank::generate::cached_bank(Path::new(env!("CARGO_TARGET_TMPDIR")), size)
            .expect("write generated bank");
        run(&dir); // brings the kept index up to date
        group.bench_function(BenchmarkId::new("unchanged", size), |b| {
            b.iter(|| run(&dir))
        });
        let story = dir.join("story-00001.ron");
        let text = std::fs::read_to_string(&story).expect("story reads");
        let mut flip = false;
        group.bench_function(BenchmarkId::new("one-changed", size), |b| {
            b.iter(|| {
                flip = !flip;
                let changed = if flip {
                    format!("{text}\n")
                } else {
                    text.clone()
                };
                std::fs::write(&story, changed).expect("story writes");
                run(&dir);
            })
        });
        std::fs::write(&story, &text).expect("story writes");
    }
    group.finish();
}

criterion_group!(benches, search, search_command);
criterion_main!(benches);
