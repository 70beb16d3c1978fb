//! The search index kept in `<bank>/.starbank/index/`: reused when nothing changed, updated
//! per changed file, rebuilt when corrupt or from another version, in memory when the
//! folder cannot be written; and in every case the same results as an index built afresh.

use crate::common;

use std::path::{Path, PathBuf};

use starbank::bank::Bank;
use starbank::index::persist::{self, Freshness};
use starbank::index::{SearchQuery, StoryIndex};
use starbank::prompts::Prompts;

const QUERIES: &[&str] = &[
    "turned around a failing team",
    "disagreed with my VP",
    "cut the cloud bill",
    "hiring",
    "zebra",
];

/// A copy of the bundled bank in a fresh folder.
fn bank_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("bank");
    common::copy_bundled_stories(&root);
    (dir, root)
}

/// Every query's matching stories (id, strength, snippet, path), by id. Not BM25 scores or
/// their order: an updated index still counts deleted documents in its statistics until
/// tantivy merges them, which moves scores a little, never what a story says or its strength.
fn results(index: &StoryIndex) -> Vec<Vec<(String, String, String, String)>> {
    QUERIES
        .iter()
        .map(|text| {
            let mut query = SearchQuery::text(*text);
            query.limit = 1_000;
            let mut found: Vec<_> = index
                .search(&query)
                .into_iter()
                .map(|hit| {
                    (
                        hit.id,
                        format!("{:.4}", hit.strength),
                        hit.snippet,
                        hit.path.display().to_string(),
                    )
                })
                .collect();
            found.sort();
            found
        })
        .collect()
}

/// What an index built in memory from the bank as it is now finds.
fn fresh(root: &Path) -> Vec<Vec<(String, String, String, String)>> {
    let bank = Bank::load(root).unwrap();
    results(&StoryIndex::build(&bank.stories, &Prompts::builtin()).unwrap())
}

fn open(root: &Path) -> persist::Opened {
    persist::open(root, &Prompts::builtin()).unwrap()
}

#[test]
fn built_once_then_reused_with_the_results_of_a_fresh_index() {
    let (_dir, root) = bank_copy();
    let first = open(&root);
    assert_eq!(first.freshness, Freshness::Rebuilt);
    assert!(first.note.is_none());
    assert_eq!(results(&first.index), fresh(&root));
    drop(first);
    let second = open(&root);
    assert_eq!(second.freshness, Freshness::Reused);
    assert_eq!(results(&second.index), fresh(&root));
    let ignore = std::fs::read_to_string(root.join(".starbank/.gitignore")).unwrap();
    // The index is ignored by git; the practice history beside it is not.
    assert!(ignore.lines().any(|line| line == "index/"), "{ignore}");
    assert!(!ignore.lines().any(|line| line == "*"), "{ignore}");
}

#[test]
fn a_changed_story_is_read_again_and_only_it() {
    let (_dir, root) = bank_copy();
    drop(open(&root));
    let path = root.join("pricing-change-safety.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replacen("title: \"", "title: \"Xylophone ", 1)).unwrap();
    let opened = open(&root);
    assert_eq!(opened.freshness, Freshness::Updated(1));
    let hits = opened.index.search(&SearchQuery::text("xylophone"));
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, "pricing-change-safety");
    assert_eq!(results(&opened.index), fresh(&root));
}

#[test]
fn a_file_saved_unchanged_is_not_read_again() {
    let (_dir, root) = bank_copy();
    drop(open(&root));
    let path = root.join("pricing-change-safety.ron");
    let file = std::fs::File::options().write(true).open(&path).unwrap();
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(60);
    file.set_modified(later).unwrap();
    drop(file);
    assert_eq!(open(&root).freshness, Freshness::Reused);
}

#[test]
fn a_rewrite_of_the_same_size_and_time_is_still_seen() {
    // Two saves within one clock tick leave size and time alike; the content hash tells.
    let (_dir, root) = bank_copy();
    drop(open(&root));
    let path = root.join("pricing-change-safety.ron");
    let before = std::fs::metadata(&path).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let same_length = text
        .replacen("title: \"", "title: \"Q", 1)
        .replacen("  ", " ", 1);
    assert_eq!(same_length.len(), text.len());
    std::fs::write(&path, &same_length).unwrap();
    let file = std::fs::File::options().write(true).open(&path).unwrap();
    file.set_modified(before).unwrap();
    drop(file);
    let opened = open(&root);
    assert_eq!(opened.freshness, Freshness::Updated(1));
    assert_eq!(results(&opened.index), fresh(&root));
}

#[test]
fn removed_and_added_files_and_the_ids_they_change() {
    let (_dir, root) = bank_copy();
    drop(open(&root));
    std::fs::remove_file(root.join("pricing-change-safety.ron")).unwrap();
    let opened = open(&root);
    assert_eq!(opened.freshness, Freshness::Updated(1));
    assert_eq!(results(&opened.index), fresh(&root));
    drop(opened);
    // A file in a sub-folder keeps its stem as id until a second file shares the stem;
    // then both take their paths below the bank, and both are re-indexed.
    std::fs::create_dir_all(root.join("org")).unwrap();
    std::fs::create_dir_all(root.join("team")).unwrap();
    let story = root.join("payments-oncall-turnaround.ron");
    std::fs::copy(&story, root.join("org/retro.ron")).unwrap();
    let opened = open(&root);
    assert_eq!(opened.freshness, Freshness::Updated(1));
    assert!(ids_for(&opened, "settlement").contains(&"retro".to_string()));
    drop(opened);
    std::fs::copy(&story, root.join("team/retro.ron")).unwrap();
    let opened = open(&root);
    assert_eq!(opened.freshness, Freshness::Updated(2));
    let ids = ids_for(&opened, "settlement");
    assert!(ids.contains(&"org/retro".to_string()), "{ids:?}");
    assert!(ids.contains(&"team/retro".to_string()), "{ids:?}");
    assert!(!ids.contains(&"retro".to_string()), "{ids:?}");
    assert_eq!(results(&opened.index), fresh(&root));
}

fn ids_for(opened: &persist::Opened, text: &str) -> Vec<String> {
    let mut query = SearchQuery::text(text);
    query.limit = 1_000;
    opened
        .index
        .search(&query)
        .into_iter()
        .map(|hit| hit.id)
        .collect()
}

#[test]
fn a_story_that_stops_loading_leaves_the_index_and_is_counted() {
    let (_dir, root) = bank_copy();
    drop(open(&root));
    std::fs::write(root.join("pricing-change-safety.ron"), "(title: ").unwrap();
    let opened = open(&root);
    assert_eq!(opened.broken, 1);
    assert!(opened
        .index
        .search(&SearchQuery::text("pricing"))
        .iter()
        .all(|hit| hit.id != "pricing-change-safety"));
    assert_eq!(results(&opened.index), fresh(&root));
}

#[test]
fn a_corrupt_or_foreign_index_is_rebuilt() {
    let (_dir, root) = bank_copy();
    drop(open(&root));
    let index_dir = root.join(".starbank/index");
    // Truncate every file tantivy wrote.
    for entry in std::fs::read_dir(&index_dir).unwrap() {
        let path = entry.unwrap().path();
        if !path.to_string_lossy().contains("manifest") {
            std::fs::write(&path, b"").unwrap();
        }
    }
    let opened = open(&root);
    assert_eq!(opened.freshness, Freshness::Rebuilt);
    assert_eq!(results(&opened.index), fresh(&root));
    drop(opened);
    // A manifest from another version.
    let manifest = index_dir.join("starbank-manifest.json");
    let text = std::fs::read_to_string(&manifest).unwrap();
    let version = format!("\"version\":\"{}\"", env!("CARGO_PKG_VERSION"));
    assert!(text.contains(&version), "{text}");
    std::fs::write(
        &manifest,
        text.replace(&version, "\"version\":\"0.0.0-other\""),
    )
    .unwrap();
    assert_eq!(open(&root).freshness, Freshness::Rebuilt);
    // Garbage.
    std::fs::write(&manifest, "{not json").unwrap();
    let opened = open(&root);
    assert_eq!(opened.freshness, Freshness::Rebuilt);
    assert_eq!(results(&opened.index), fresh(&root));
}

#[test]
fn a_folder_that_cannot_be_written_gives_an_in_memory_index_and_a_note() {
    let (_dir, root) = bank_copy();
    // A file where the folder should be: no user can create the index there, root included.
    std::fs::write(root.join(".starbank"), "not a folder").unwrap();
    let opened = open(&root);
    assert_eq!(opened.freshness, Freshness::InMemory);
    let note = opened.note.clone().unwrap();
    assert!(
        note.starts_with("note: searched an index in memory: cannot create "),
        "{note}"
    );
    assert_eq!(results(&opened.index), fresh(&root));
}

#[test]
fn concurrent_opens_all_see_the_bank_as_it_is() {
    let (_dir, root) = bank_copy();
    let expected = fresh(&root);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..4)
            .map(|_| scope.spawn(|| results(&open(&root).index)))
            .collect();
        for handle in handles {
            assert_eq!(handle.join().unwrap(), expected);
        }
    });
}

#[test]
fn the_search_command_uses_and_keeps_the_index() {
    let (_dir, root) = bank_copy();
    let run = || {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_starbank"))
            .args(["search", "--bank"])
            .arg(&root)
            .args(["turned around a failing team", "--format", "json"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let first = run();
    assert!(root.join(".starbank/index/starbank-manifest.json").exists());
    assert_eq!(run(), first);
    assert!(first.contains("payments-oncall-turnaround"), "{first}");
}

#[test]
fn a_run_stopped_between_the_index_commit_and_its_manifest_rebuilds() {
    // The manifest is removed before the index changes; a run killed before writing the
    // new one leaves none, and the next run rebuilds rather than trust old records.
    let (_dir, root) = bank_copy();
    drop(open(&root));
    let manifest = root.join(".starbank/index/starbank-manifest.json");
    let path = root.join("pricing-change-safety.ron");
    let original = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        original.replacen("title: \"", "title: \"Xylophone ", 1),
    )
    .unwrap();
    drop(open(&root));
    std::fs::remove_file(&manifest).unwrap(); // as a kill after the commit would leave it
    std::fs::write(&path, &original).unwrap();
    let opened = open(&root);
    assert_eq!(opened.freshness, Freshness::Rebuilt);
    assert_eq!(results(&opened.index), fresh(&root));
}

#[cfg(unix)]
#[test]
fn a_bank_with_a_file_name_that_is_not_utf8_is_searched_in_memory() {
    use std::os::unix::ffi::OsStrExt;
    let (_dir, root) = bank_copy();
    let odd = root.join(std::ffi::OsStr::from_bytes(b"caf\xe9.ron"));
    std::fs::copy(root.join("pricing-change-safety.ron"), &odd).unwrap();
    let opened = open(&root);
    assert_eq!(opened.freshness, Freshness::InMemory);
    assert!(opened.note.unwrap().contains("not a UTF-8 file name"));
    assert_eq!(results(&opened.index), fresh(&root));
}

#[test]
fn another_thesaurus_rebuilds_the_kept_index() {
    let (_dir, root) = bank_copy();
    assert_eq!(open(&root).freshness, Freshness::Rebuilt);
    assert_eq!(open(&root).freshness, Freshness::Reused);
    // The concepts field is read with the thesaurus' cues: other cues, another index.
    let mut prompts = Prompts::builtin();
    prompts.thesaurus.concepts[0]
        .cues
        .push("a cue no story says".to_string());
    let opened = persist::open(&root, &prompts).unwrap();
    assert_eq!(opened.freshness, Freshness::Rebuilt);
    drop(opened);
    assert_eq!(
        persist::open(&root, &prompts).unwrap().freshness,
        Freshness::Reused
    );
    assert_eq!(open(&root).freshness, Freshness::Rebuilt);
}

/// The workbench's index: the kept one, copied into memory. It finds what a fresh index
/// finds, shows the text of the stories in memory, and a story it takes in (a draft) stays
/// out of the kept index.
#[test]
fn the_workbench_copy_finds_the_same_and_leaves_the_kept_index_alone() {
    let (_dir, root) = bank_copy();
    let prompts = Prompts::builtin();
    let stories = std::sync::Arc::new(Bank::load(&root).unwrap().stories);
    let mut opened = persist::open_loaded_in_memory(&root, &stories, &prompts).unwrap();
    assert_eq!(opened.freshness, Freshness::Rebuilt);
    assert_eq!(results(&opened.index), fresh(&root));
    let again = persist::open_loaded_in_memory(&root, &stories, &prompts).unwrap();
    assert_eq!(again.freshness, Freshness::Reused);
    assert_eq!(results(&again.index), fresh(&root));
    let mut draft = stories[0].clone();
    draft.title = "Zebra crossing".into();
    opened.index.update_story(&draft).unwrap();
    let zebra = |index: &StoryIndex| index.search(&SearchQuery::text("zebra")).len();
    assert_eq!(zebra(&opened.index), 1);
    let kept = open(&root);
    assert_eq!(kept.freshness, Freshness::Reused);
    assert_eq!(zebra(&kept.index), 0);
    assert_eq!(results(&kept.index), fresh(&root));
}
