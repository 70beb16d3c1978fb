//! `starbank lint` prints the same bytes on one thread as on many: loading, extraction,
//! the rules and the coverage map run in parallel, and none of that may show in the output.

use std::path::Path;

use assert_cmd::Command;

const FORMATS: [&str; 5] = ["json", "human", "short", "github", "sarif"];

/// The output (stdout, stderr, exit status) of `starbank lint --format FORMAT DIR`.
fn lint(dir: &Path, format: &str, threads: usize) -> (Vec<u8>, Vec<u8>, Option<i32>) {
    let output = Command::cargo_bin("starbank")
        .expect("binary builds")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("STARBANK_THREADS", threads.to_string())
        .env_remove("NO_COLOR")
        .args(["lint", "--format", format])
        .arg(dir)
        .output()
        .expect("runs");
    (output.stdout, output.stderr, output.status.code())
}

fn assert_same_on_one_and_many_threads(dir: &Path) {
    for format in FORMATS {
        let one = lint(dir, format, 1);
        // Four threads even on a one-core machine: the work is still split.
        let many = lint(dir, format, 4);
        assert!(!one.0.is_empty(), "{format}: no output");
        assert!(
            one == many,
            "{format} on {}: one thread and four differ",
            dir.display()
        );
    }
}

#[test]
fn a_generated_bank_lints_the_same_on_one_thread_and_on_four() {
    let dir = tempfile::tempdir().unwrap();
    let bank = dir.path().join("bank");
    starbank::generate::write_bank(&bank, 600, 7).unwrap();
    // A file that does not parse, and two files with one stem (ids by path), so load errors
    // and id disambiguation go through the parallel paths too.
    std::fs::write(bank.join("broken.ron"), "(title: \"x\", resutl: \"y\")\n").unwrap();
    std::fs::create_dir_all(bank.join("team")).unwrap();
    std::fs::copy(
        bank.join("story-00001.ron"),
        bank.join("team/story-00001.ron"),
    )
    .unwrap();
    assert_same_on_one_and_many_threads(&bank);
}

#[test]
fn the_bundled_bank_lints_the_same_on_one_thread_and_on_four() {
    let dir = tempfile::tempdir().unwrap();
    crate::common::copy_bundled_stories(dir.path());
    assert_same_on_one_and_many_threads(dir.path());
}
