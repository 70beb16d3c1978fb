//! A panic while an edit is open writes the unsaved text to a recovery file (its own test
//! binary: the panic hook is process-wide).

use std::sync::{Arc, Mutex};

use starbank::story::Section;
use starbank::tui::recovery::{self, Recovered};

#[test]
fn a_panic_writes_the_open_edit_to_a_recovery_file() {
    let bank = tempfile::tempdir().unwrap();
    let draft = Recovered {
        path: bank.path().join("s.ron"),
        story_id: "s".into(),
        section: Section::Result,
        text: "Words typed just before the crash".into(),
        source: "(title: \"T\")".into(),
    };
    let slot = Arc::new(Mutex::new(Some(draft.clone())));
    recovery::install_panic_hook(slot, bank.path().to_path_buf());
    let result = std::panic::catch_unwind(|| panic!("a defect"));
    assert!(result.is_err());
    let found = recovery::pending(bank.path());
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].recovered, draft);
}
