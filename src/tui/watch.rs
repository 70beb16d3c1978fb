//! Noticing files changed outside the workbench (another editor, `git checkout`): a thread
//! polls the bank's `.ron` files every half second and reports the paths whose size or
//! modification time changed, appeared or disappeared.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, SystemTime};

pub const POLL_INTERVAL: Duration = Duration::from_millis(500);

type Stamp = (Option<SystemTime>, u64);

/// The `.ron` files under `root` (skipping hidden folders and `target/`) with their stamps.
pub fn snapshot(root: &Path) -> HashMap<PathBuf, Stamp> {
    let mut files = HashMap::new();
    walk(root, &mut files);
    files
}

fn walk(dir: &Path, files: &mut HashMap<PathBuf, Stamp>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        let path = entry.path();
        if file_type.is_dir() {
            if name != "target" {
                walk(&path, files);
            }
        } else if name.ends_with(".ron") {
            if let Ok(metadata) = entry.metadata() {
                files.insert(path, (metadata.modified().ok(), metadata.len()));
            }
        }
    }
}

/// The paths that differ between two snapshots.
pub fn changes(before: &HashMap<PathBuf, Stamp>, after: &HashMap<PathBuf, Stamp>) -> Vec<PathBuf> {
    let mut changed: Vec<PathBuf> = after
        .iter()
        .filter(|(path, stamp)| before.get(*path) != Some(stamp))
        .map(|(path, _)| path.clone())
        .chain(
            before
                .keys()
                .filter(|path| !after.contains_key(*path))
                .cloned(),
        )
        .collect();
    changed.sort();
    changed
}

/// Starts the polling thread; it ends when the receiver is dropped.
pub fn spawn(root: PathBuf) -> Receiver<Vec<PathBuf>> {
    let (tx, rx) = mpsc::channel();
    let mut last = snapshot(&root);
    let _ = std::thread::Builder::new()
        .name("starbank-watch".into())
        .spawn(move || loop {
            std::thread::sleep(POLL_INTERVAL);
            let now = snapshot(&root);
            let changed = changes(&last, &now);
            last = now;
            if !changed.is_empty() && tx.send(changed).is_err() {
                return;
            }
        });
    rx
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sees_added_changed_and_removed_files() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.ron");
        let b = dir.path().join("b.ron");
        std::fs::write(&a, "1").unwrap();
        std::fs::write(&b, "1").unwrap();
        std::fs::create_dir(dir.path().join(".starbank")).unwrap();
        std::fs::write(dir.path().join(".starbank/x.ron"), "1").unwrap();
        let before = snapshot(dir.path());
        assert_eq!(before.len(), 2);
        std::fs::write(&a, "22").unwrap();
        std::fs::remove_file(&b).unwrap();
        let c = dir.path().join("c.ron");
        std::fs::write(&c, "1").unwrap();
        assert_eq!(changes(&before, &snapshot(dir.path())), vec![a, b, c]);
    }
}
