//! `starbank plan` and `starbank sheet` end to end, as a user runs them: the plan of a
//! generated bank of 1,000 stories (JSON) and the HTML sheet of the bundled bank, each with
//! the search index kept on disk from an earlier run.
//!
//! Run: `cargo bench --bench plan`.

use std::path::Path;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

fn run(args: &[&str], bank: &Path) {
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_starbank"))
        .args(args)
        .arg("--bank")
        .arg(bank)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("starbank runs");
    assert!(status.success() || status.code() == Some(1), "{status}");
}

fn plan_and_sheet(c: &mut Criterion) {
    let mut group = c.benchmark_group("loop-commands");
    group.sample_size(10);
    let generated = starbank::generate::cached_bank(Path::new(env!("CARGO_TARGET_TMPDIR")), 1_000)
        .expect("write generated bank");
    let plan = ["plan", "--level", "L7", "--format", "json"];
    run(&plan, &generated); // keeps the index
    group.bench_function(BenchmarkId::new("plan", 1_000), |b| {
        b.iter(|| run(&plan, &generated))
    });
    // The bundled bank, copied so that the kept index does not land in the repository.
    let bundled = tempfile::tempdir().expect("temp dir");
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("stories"))
        .expect("stories")
        .flatten()
    {
        if entry.path().extension().is_some_and(|e| e == "ron") {
            std::fs::copy(entry.path(), bundled.path().join(entry.file_name())).expect("copy");
        }
    }
    let sheet = ["sheet", "--format", "html"];
    run(&sheet, bundled.path());
    group.bench_function(BenchmarkId::new("sheet", 15), |b| {
        b.iter(|| run(&sheet, bundled.path()))
    });
    group.finish();
}

criterion_group!(benches, plan_and_sheet);
criterion_main!(benches);
