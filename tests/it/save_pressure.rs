//! Saves under pressure: another writer rewriting the file while saves happen, a read-only
//! bank, a full disk. Whatever happens, no word is lost: the file on disk is always a whole
//! version, no temporary file is left, and unsaved text stays in the editor (and in a
//! recovery copy when the save could not write).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use starbank::bank::Bank;
use starbank::prompts::Prompts;
use starbank::story::{Section, Story};
use starbank::tui::app::App;
use starbank::tui::keys;
use starbank::tui::save::{save_section, SaveOutcome};
use starbank::tui::theme::Theme;

const STORY: &str = "payments-oncall-turnaround.ron";

fn bundled(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("stories")
            .join(name),
    )
    .unwrap()
}

fn temp_files(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.to_string_lossy().ends_with(".tmp"))
        .collect()
}

#[test]
fn a_save_racing_another_writer_never_tears_the_file_or_leaves_a_temp_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(STORY);
    let original = bundled(STORY);
    std::fs::write(&path, &original).unwrap();
    let theirs: Vec<String> = (0..4)
        .map(|n| original.replacen("(", &format!("// their version {n}\n("), 1))
        .collect();
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (path, theirs, stop) = (path.clone(), theirs.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                // As an editor saves: write a temp file and rename it over the story.
                let temp = path.with_extension("writer");
                std::fs::write(&temp, &theirs[n % theirs.len()]).unwrap();
                std::fs::rename(&temp, &path).unwrap();
                n += 1;
            }
        })
    };
    let (mut saved, mut conflicts) = (0, 0);
    let mut ours = Vec::new();
    for round in 0..200 {
        let Ok(story) = Story::load(&path) else {
            continue;
        };
        let text = format!("Our words, round {round}.");
        match save_section(&story, Section::Result, &text).unwrap() {
            SaveOutcome::Saved { source } => {
                saved += 1;
                ours.push(source);
            }
            SaveOutcome::Conflict { on_disk } => {
                conflicts += 1;
                assert_ne!(on_disk.as_deref(), Some(story.source.as_str()));
            }
        }
        let now = std::fs::read_to_string(&path).unwrap();
        assert!(
            theirs.contains(&now) || ours.contains(&now),
            "the file is neither their version nor one of our saves:\n{now}"
        );
    }
    stop.store(true, Ordering::Relaxed);
    writer.join().unwrap();
    assert!(
        conflicts > 0,
        "the other writer was never noticed ({saved} saves)"
    );
    assert!(
        temp_files(dir.path()).is_empty(),
        "{:?}",
        temp_files(dir.path())
    );
}

/// A tmpfs of `size` at a new temporary folder, or `None` (with a note) when this process
/// cannot mount one (not root, or no mount permission in the container).
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    fn mount(size: &str, test: &str) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .output()
            .is_ok_and(|output| output.status.success());
        if !mounted {
            eprintln!("note: skipped {test}: cannot mount a tmpfs here (needs root)");
            return None;
        }
        Some(Tmpfs { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn remount_read_only(&self) -> bool {
        Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(self.path())
            .status()
            .is_ok_and(|status| status.success())
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.path()).status();
    }
}

fn open_app(bank: &Path) -> App {
    let mut app = App::new(
        Bank::load(bank).unwrap(),
        Prompts::builtin(),
        Theme { colour: false },
    );
    app.settle();
    app
}

fn press(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    if let Some(action) = keys::action_for(app, &Event::Key(KeyEvent::new(code, modifiers))) {
        app.apply(action);
    }
}

/// Opens the Result of the only story and types `words` into it, then presses Ctrl+S.
fn edit_and_save(app: &mut App, words: &str) {
    press(app, KeyCode::Enter, KeyModifiers::NONE);
    while app.stories_view.section != Section::Result {
        press(app, KeyCode::Down, KeyModifiers::NONE);
    }
    press(app, KeyCode::Enter, KeyModifiers::NONE);
    assert!(app.edit.is_some(), "the editor is open");
    for c in words.chars() {
        press(app, KeyCode::Char(c), KeyModifiers::NONE);
    }
    press(app, KeyCode::Char('s'), KeyModifiers::CONTROL);
}

/// The recovery copy a failed save names in its status, read back.
fn copy_named_in(status: &str) -> starbank::tui::recovery::Recovered {
    let at = status
        .find("a copy is in ")
        .expect("the status names the copy")
        + 13;
    let text = std::fs::read_to_string(&status[at..]).unwrap();
    ron::from_str(&text).unwrap()
}

#[test]
fn a_read_only_bank_refuses_the_save_and_keeps_the_text() {
    let Some(fs) = Tmpfs::mount("1m", "a_read_only_bank_refuses_the_save_and_keeps_the_text")
    else {
        return;
    };
    let original = bundled(STORY);
    std::fs::write(fs.path().join(STORY), &original).unwrap();
    assert!(fs.remount_read_only(), "remount read-only");
    let mut app = open_app(fs.path());
    edit_and_save(&mut app, "Unsaved words. ");
    let status = app.status.clone().expect("a status").text;
    assert!(
        status.starts_with("not saved: cannot write `") && status.contains("Read-only file system"),
        "{status}"
    );
    let edit = app.edit.as_ref().expect("the editor is still open");
    assert!(edit.is_dirty() && edit.text().starts_with("Unsaved words. "));
    assert_eq!(
        std::fs::read_to_string(fs.path().join(STORY)).unwrap(),
        original
    );
    let copy = copy_named_in(&status);
    assert_eq!(copy.text, edit.text());
    let _ = std::fs::remove_file(&status[status.find("a copy is in ").unwrap() + 13..]);
}

#[test]
fn a_full_disk_keeps_the_original_and_sends_the_draft_to_recovery() {
    let Some(fs) = Tmpfs::mount(
        "64k",
        "a_full_disk_keeps_the_original_and_sends_the_draft_to_recovery",
    ) else {
        return;
    };
    let original = bundled(STORY);
    std::fs::write(fs.path().join(STORY), &original).unwrap();
    let mut app = open_app(fs.path());
    // Fill the disk: whatever the bank wrote on opening is already there.
    let filler = fs.path().join("filler.bin");
    let mut file = std::fs::File::create(&filler).unwrap();
    use std::io::Write as _;
    while file.write_all(&[0u8; 1024]).is_ok() {}
    while file.write_all(&[0u8; 1]).is_ok() {}
    drop(file);
    edit_and_save(&mut app, "Words on a full disk. ");
    let status = app.status.clone().expect("a status").text;
    assert!(
        status.starts_with("not saved: cannot write `") && status.contains("No space left"),
        "{status}"
    );
    assert_eq!(
        std::fs::read_to_string(fs.path().join(STORY)).unwrap(),
        original,
        "the original file is intact"
    );
    assert!(
        temp_files(fs.path()).is_empty(),
        "{:?}",
        temp_files(fs.path())
    );
    let edit = app.edit.as_ref().expect("the editor is still open");
    let copy = copy_named_in(&status);
    assert_eq!(copy.text, edit.text());
    assert!(copy.text.starts_with("Words on a full disk. "));
    let _ = std::fs::remove_file(&status[status.find("a copy is in ").unwrap() + 13..]);
}
