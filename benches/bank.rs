//! Benchmarks on generated banks of 100, 1,000 and 10,000 stories.
//!
//! Run: `cargo bench --bench bank` (add `-- load` or `-- lint` to filter).

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

criterion_group!(benches, load, lint);
criterion_main!(benches);
