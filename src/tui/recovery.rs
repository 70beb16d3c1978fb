//! Never lose a word to a crash: the open edit is mirrored into a [`RecoverySlot`] on every
//! keystroke; a panic hook restores the terminal and writes the slot to
//! `<bank>/.starbank/recovery/<id>.ron`, and the next start offers it back.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, TryLockError};

use serde::{Deserialize, Serialize};

use crate::story::Section;

/// Unsaved text of one section, as written to a recovery file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recovered {
    /// The story file the text belongs to.
    pub path: PathBuf,
    pub story_id: String,
    pub section: Section,
    pub text: String,
    /// The whole story file with the text spliced in, for when the story file is gone.
    pub source: String,
}

/// A recovery file found at start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoveryFile {
    pub file: PathBuf,
    pub recovered: Recovered,
}

/// The open edit, shared with the panic hook.
pub type RecoverySlot = Arc<Mutex<Option<Recovered>>>;

pub fn recovery_dir(bank_root: &Path) -> PathBuf {
    bank_root.join(".starbank").join("recovery")
}

/// Writes `recovered` to a new file in the bank's recovery folder (never over an older one).
pub fn write_recovery(bank_root: &Path, recovered: &Recovered) -> std::io::Result<PathBuf> {
    let dir = recovery_dir(bank_root);
    std::fs::create_dir_all(&dir)?;
    let stem = super::template::slug(&recovered.story_id);
    let mut path = dir.join(format!("{stem}.ron"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{stem}-{n}.ron"));
        n += 1;
    }
    let text = ron::ser::to_string_pretty(recovered, ron::ser::PrettyConfig::default())
        .map_err(std::io::Error::other)?;
    super::save::write_new(&path, text.as_bytes()).map_err(|err| match err {
        super::save::SaveError::Io { source, .. } => source,
        other => std::io::Error::other(other.to_string()),
    })?;
    Ok(path)
}

/// The recovery files waiting in the bank, oldest name first. Unreadable ones are skipped
/// (and left in place for a person to look at).
pub fn pending(bank_root: &Path) -> Vec<RecoveryFile> {
    let Ok(entries) = std::fs::read_dir(recovery_dir(bank_root)) else {
        return Vec::new();
    };
    let mut found: Vec<RecoveryFile> = entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "ron"))
        .filter_map(|file| {
            let text = std::fs::read_to_string(&file).ok()?;
            let recovered: Recovered = ron::from_str(&text).ok()?;
            Some(RecoveryFile { file, recovered })
        })
        .collect();
    found.sort_by(|a, b| a.file.cmp(&b.file));
    found
}

/// Installs the panic hook: restore the terminal first (so the message is readable), then
/// save the open edit, then run the previous hook.
pub fn install_panic_hook(slot: RecoverySlot, bank_root: PathBuf) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        super::terminal::restore();
        let draft = match slot.try_lock() {
            Ok(guard) => guard.clone(),
            Err(TryLockError::Poisoned(poisoned)) => poisoned.into_inner().clone(),
            Err(TryLockError::WouldBlock) => None,
        };
        if let Some(draft) = draft {
            match write_recovery(&bank_root, &draft) {
                Ok(path) => eprintln!(
                    "starbank: your unsaved {} of `{}` is in {}; the next start offers it back",
                    draft.section,
                    draft.story_id,
                    path.display()
                ),
                Err(err) => eprintln!(
                    "starbank: could not write a recovery file ({err}); your unsaved text:\n{}",
                    crate::snippet::sanitize(&draft.text)
                ),
            }
        }
        previous(info);
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_round_trips_and_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let recovered = Recovered {
            path: dir.path().join("s.ron"),
            story_id: "s".into(),
            section: Section::Action,
            text: "I \"did\"\nthings\\".into(),
            source: "(title: \"T\")".into(),
        };
        let first = write_recovery(dir.path(), &recovered).unwrap();
        let second = write_recovery(dir.path(), &recovered).unwrap();
        assert_ne!(first, second);
        let found = pending(dir.path());
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].recovered, recovered);
    }
}
