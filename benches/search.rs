//! Search benchmarks on generated banks of 1,000 and 10,000 stories: index build, and 1,000
//! queries (bank question ids and free text). Besides criterion's timings it prints each
//! size's per-query latency median and p99, measured query by query.
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

criterion_group!(benches, search);
criterion_main!(benches);
