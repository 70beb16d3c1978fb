//! The index kept on disk in `<bank>/.starbank/index/`, so that `starbank search` on a large
//! bank neither re-reads nor re-indexes every story on every run.
//!
//! A manifest beside tantivy's files records each story file's size, modification time and
//! content hash, its id and its document's slot. On open, every file of the bank is looked
//! at (one `stat` each): a file whose size and time match is unchanged; one whose time
//! differs but whose content hash matches is unchanged too; the rest are read, and their
//! documents replaced. Files gone are deleted; a new file whose stem another file shares
//! changes both ids, so both are re-indexed. A file written within [`RACY_NANOS`] of the
//! manifest is hashed whatever its time says (two writes in one clock tick look alike).
//!
//! Anything unexpected (a manifest from another version or format, a truncated or foreign
//! folder, a tantivy error) rebuilds the index from the stories; a folder that cannot be
//! written makes an in-memory index with a one-line note. Results are never stale: a
//! search reads the files the manifest agrees with, or rebuilds.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fs::File;
use std::hash::Hasher;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};
use tantivy::{Index, IndexWriter, Term};

use super::analyzer::cue_analyzer;
use super::thesaurus::ConceptVocabulary;
use super::{
    document, index_all, schema, story_texts, Entry, IndexError, StoryIndex, UPDATE_BUDGET,
};
use crate::bank::{story_files, story_ids, Bank, BankError};
use crate::prompts::Prompts;
use crate::story::{FileStamp, Level, Story};

/// Where the index lives, below the bank.
pub const INDEX_DIR: &str = ".starbank/index";

/// The manifest's name inside [`INDEX_DIR`].
const MANIFEST: &str = "starbank-manifest.json";

/// Bump when the schema, the analyzers or what a document holds change: an index of
/// another format is rebuilt.
const FORMAT: u32 = 2;

/// Files modified this close to the manifest's writing are hashed on every open.
pub const RACY_NANOS: u128 = 2_000_000_000;

/// How the index was come by: what `--verbose`-style notes and tests report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    /// Every story file was as the manifest says: nothing read but the files' metadata.
    Reused,
    /// This many files were added, changed or removed, and only they were read.
    Updated(usize),
    /// Built afresh on disk (first run, other version, corrupt folder).
    Rebuilt,
    /// Built in memory: the folder could not be used (see the note).
    InMemory,
}

/// An index opened for a bank.
#[derive(Debug)]
pub struct Opened {
    pub index: StoryIndex,
    /// Story files that did not load (`starbank check` says why).
    pub broken: usize,
    pub freshness: Freshness,
    /// A line for the user when the index on disk could not be used.
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Manifest {
    format: u32,
    version: String,
    /// The thesaurus the `concepts` field was read with: another one rebuilds.
    #[serde(default)]
    thesaurus: u64,
    /// When the manifest was written, in nanoseconds since the epoch.
    written: u128,
    files: Vec<FileRecord>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct FileRecord {
    /// The path below the bank: the key its document is deleted by.
    key: String,
    size: u64,
    modified: u128,
    hash: u64,
    /// `None`: the file did not load.
    story: Option<StoryRecord>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct StoryRecord {
    id: String,
    slot: usize,
    level: Option<Level>,
}

/// A story file as found on disk now.
struct Found {
    path: PathBuf,
    key: String,
    size: u64,
    modified: u128,
}

/// The bank's index: the one on disk when it can be used (brought up to date first), else
/// one built in memory. Fails only when the bank itself cannot be read.
pub fn open(root: &Path, prompts: &Prompts) -> Result<Opened, BankError> {
    let files = story_files(root)?;
    match open_on_disk(root, &files, prompts, &Loaded::new(), false) {
        Ok(opened) => Ok(opened),
        Err(reason) => {
            let bank = Bank::load(root)?;
            let index = StoryIndex::build(&bank.stories, prompts).map_err(|err| BankError::Io {
                path: root.to_path_buf(),
                source: std::io::Error::other(err.to_string()),
            })?;
            Ok(Opened {
                index,
                broken: bank.errors.len(),
                freshness: Freshness::InMemory,
                note: Some(format!(
                    "note: searched an index in memory: {reason} (the next run tries again)"
                )),
            })
        }
    }
}

/// The index of a bank that is already loaded (`lint` has every story in memory): the one
/// on disk, brought up to date from `stories` rather than by reading the files
/// again (a file whose content changed since it was loaded is read anew). `None` when the
/// folder cannot be used, or the index does not hold exactly `stories` under their ids;
/// the caller then builds one in memory.
pub fn open_loaded(root: &Path, stories: &[Story], prompts: &Prompts) -> Option<Opened> {
    open_loaded_with(root, stories, prompts, false)
}

/// [`open_loaded`], then copied into memory (the files are a few megabytes for 10,000
/// stories): the workbench changes its index as the user types, and those changes must stay
/// out of the index kept on disk, which the manifest describes. Hits show text from
/// `stories` (see [`StoryIndex::show_from`](super::StoryIndex::show_from)).
pub fn open_loaded_in_memory(
    root: &Path,
    stories: &Arc<Vec<Story>>,
    prompts: &Prompts,
) -> Option<Opened> {
    let mut opened = open_loaded_with(root, stories, prompts, true)?;
    opened.index.show_from(stories);
    Some(opened)
}

fn open_loaded_with(
    root: &Path,
    stories: &[Story],
    prompts: &Prompts,
    in_memory: bool,
) -> Option<Opened> {
    let files = story_files(root).ok()?;
    let loaded: Loaded = stories
        .iter()
        .map(|story| (story.path.as_path(), story))
        .collect();
    let opened = open_on_disk(root, &files, prompts, &loaded, in_memory).ok()?;
    let same_stories = opened.index.len() == stories.len()
        && stories
            .iter()
            .all(|story| opened.index.slots.contains_key(&story.id));
    same_stories.then_some(opened)
}

/// Stories already in memory, by path: read from there instead of from disk.
type Loaded<'a> = HashMap<&'a Path, &'a Story>;

/// The index on disk, brought up to date; with `in_memory`, a copy in memory of it, made
/// while the lock is held (see [`open_loaded_in_memory`]).
fn open_on_disk(
    root: &Path,
    files: &[PathBuf],
    prompts: &Prompts,
    loaded: &Loaded,
    in_memory: bool,
) -> Result<Opened, String> {
    if !root.is_dir() {
        return Err("the bank is a single file".into());
    }
    // The manifest keys files by their path as text: a name that is not UTF-8 could not be
    // told apart from another, so such a bank is indexed in memory.
    if let Some(odd) = files.iter().find(|path| path.to_str().is_none()) {
        return Err(format!(
            "{} is not a UTF-8 file name",
            odd.to_string_lossy()
        ));
    }
    let dir = root.join(INDEX_DIR);
    let home = root.join(".starbank");
    std::fs::create_dir_all(&dir)
        .map_err(|err| format!("cannot create {}: {err}", dir.display()))?;
    // Git ignores the index (rebuilt from the stories), never the practice history or the
    // recovered drafts kept beside it.
    let ignore = home.join(".gitignore");
    if !ignore.exists() {
        std::fs::write(
            &ignore,
            "# starbank's search index: rebuilt from the stories.\n.gitignore\nindex/\nindex.lock\n",
        )
        .map_err(|err| format!("cannot write {}: {err}", ignore.display()))?;
    }
    // One process at a time brings the index up to date; the others wait a moment.
    let lock_path = home.join("index.lock");
    let lock = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|err| format!("cannot open {}: {err}", lock_path.display()))?;
    lock.lock()
        .map_err(|err| format!("cannot lock {}: {err}", lock_path.display()))?;
    let found: Vec<Found> = files
        .iter()
        .filter_map(|path| found(root, path, loaded))
        .collect();
    let kept = read_manifest(&dir, prompts).and_then(|manifest| {
        let index = tantivy::Index::open_in_dir(&dir).ok()?;
        Some((manifest, index))
    });
    let opened = match kept {
        Some((manifest, index)) => update(root, &dir, index, manifest, &found, prompts, loaded)
            .or_else(|_| rebuild(root, &dir, &found, prompts, loaded)),
        None => rebuild(root, &dir, &found, prompts, loaded),
    }
    .and_then(|(index, records, freshness, built)| {
        let index = if in_memory {
            copy_to_memory(&dir)?
        } else {
            index
        };
        finish(root, index, records, prompts, freshness, built)
    });
    drop(lock);
    opened.map_err(|err| err.to_string())
}

/// A story file as it is now: as it was read, for a story in memory (its stamp is of the
/// text the caller has), else as a `stat` finds it.
fn found(root: &Path, path: &Path, loaded: &Loaded) -> Option<Found> {
    let stamp = match loaded.get(path).and_then(|story| story.stamp()) {
        Some(stamp) => stamp,
        None => FileStamp::of(&std::fs::metadata(path).ok()?),
    };
    let key = path
        .strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned();
    Some(Found {
        path: path.to_path_buf(),
        key,
        size: stamp.size,
        modified: stamp.modified,
    })
}

fn now() -> u128 {
    std::time::SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_nanos())
}

fn read_manifest(dir: &Path, prompts: &Prompts) -> Option<Manifest> {
    let text = std::fs::read_to_string(dir.join(MANIFEST)).ok()?;
    let manifest: Manifest = serde_json::from_str(&text).ok()?;
    (manifest.format == FORMAT
        && manifest.version == env!("CARGO_PKG_VERSION")
        && manifest.thesaurus == thesaurus_hash(prompts))
    .then_some(manifest)
}

/// What the kept index's `concepts` field depends on besides the stories.
fn thesaurus_hash(prompts: &Prompts) -> u64 {
    hash_of(format!("{:?}", prompts.thesaurus).as_bytes())
}

/// Writes the manifest beside a temporary name, then renames it over the old one: a reader
/// sees the old manifest or the new one, never half of one.
fn write_manifest(dir: &Path, files: Vec<FileRecord>, prompts: &Prompts) -> Result<(), Error> {
    let manifest = Manifest {
        format: FORMAT,
        version: env!("CARGO_PKG_VERSION").to_string(),
        thesaurus: thesaurus_hash(prompts),
        written: now(),
        files,
    };
    let text = serde_json::to_string(&manifest).map_err(|err| Error::Io(err.into()))?;
    let partial = dir.join(format!("{MANIFEST}.partial"));
    std::fs::write(&partial, text)?;
    std::fs::rename(&partial, dir.join(MANIFEST))?;
    Ok(())
}

#[derive(Debug, thiserror::Error)]
enum Error {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Index(#[from] IndexError),
    #[error("{0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

/// A file's content hash (a changed hash with the same size and time is a missed write;
/// the same hash with another time is a file saved unchanged).
fn content_hash(path: &Path) -> Option<u64> {
    Some(hash_of(&std::fs::read(path).ok()?))
}

/// The content hash of a file as it is now: of the text in memory for a story the caller
/// loaded (its stamp is that text's, see [`found`]), else read from disk.
fn current_hash(file: &Found, loaded: &Loaded) -> Option<u64> {
    match loaded
        .get(file.path.as_path())
        .filter(|story| story.stamp().is_some())
    {
        Some(story) => Some(hash_of(story.source.as_bytes())),
        None => content_hash(&file.path),
    }
}

fn hash_of(bytes: &[u8]) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    hasher.write(bytes);
    hasher.finish()
}

/// The index on disk, the records of its files, how it was come by, and the entries a
/// rebuild has already made: what [`finish`] assembles.
type Kept = (
    Index,
    Vec<FileRecord>,
    Freshness,
    Option<Vec<Option<Entry>>>,
);

/// Indexes every story afresh in `dir`.
fn rebuild(
    root: &Path,
    dir: &Path,
    found: &[Found],
    prompts: &Prompts,
    loaded: &Loaded,
) -> Result<Kept, Error> {
    std::fs::remove_dir_all(dir)?;
    std::fs::create_dir_all(dir)?;
    let (schema, fields) = schema();
    let index = Index::create_in_dir(dir, schema)?;
    let (stories, records) = read(root, found.iter().collect(), &[], 0, loaded);
    let keyed: Vec<(&Story, &Path)> = stories
        .iter()
        .map(|(story, key)| (story.as_ref(), Path::new(key.as_str())))
        .collect();
    // A bank read from disk here is for search, which shows text; one loaded by the caller
    // is for the coverage map, which does not.
    let concepts = ConceptVocabulary::of(prompts);
    let entries = index_all(&index, fields, &keyed, loaded.is_empty(), &concepts)?;
    write_manifest(dir, records.clone(), prompts)?;
    Ok((index, records, Freshness::Rebuilt, Some(entries)))
}

/// Reads the files `to_read`, numbering the documents of those that load from `next_slot`:
/// the stories with their keys, and a record for every file. Ids are decided over the
/// stories that load together with the already indexed `others` (paths), as
/// [`Bank::load`] decides them. A file in `loaded` whose content is what was loaded is not
/// parsed again.
fn read<'a>(
    root: &Path,
    to_read: Vec<&Found>,
    others: &[&Path],
    next_slot: usize,
    loaded: &Loaded<'a>,
) -> (Vec<(Cow<'a, Story>, String)>, Vec<FileRecord>) {
    use rayon::prelude::*;
    let read: Vec<(u64, Option<Cow<'a, Story>>)> = to_read
        .par_iter()
        .map(|file| {
            let bytes = std::fs::read(&file.path).ok();
            let hash = bytes.as_deref().map_or(0, hash_of);
            let in_memory = loaded
                .get(file.path.as_path())
                .filter(|story| bytes.as_deref() == Some(story.source.as_bytes()));
            let story = match in_memory {
                Some(story) => Some(Cow::Borrowed(*story)),
                None => Story::load(&file.path).ok().map(Cow::Owned),
            };
            (hash, story)
        })
        .collect();
    let mut stories: Vec<(Cow<'a, Story>, String)> = Vec::new();
    let mut records: Vec<FileRecord> = Vec::new();
    for (file, (hash, story)) in to_read.iter().zip(read) {
        records.push(FileRecord {
            key: file.key.clone(),
            size: file.size,
            modified: file.modified,
            hash,
            story: None,
        });
        if let Some(story) = story {
            stories.push((story, file.key.clone()));
        }
    }
    let mut all: Vec<&Path> = others.to_vec();
    all.extend(stories.iter().map(|(story, _)| story.path.as_path()));
    let ids = story_ids(root, &all);
    let by_key: HashMap<&str, usize> = records
        .iter()
        .enumerate()
        .map(|(i, record)| (record.key.as_str(), i))
        .collect();
    let mut assigned: Vec<(usize, StoryRecord)> = Vec::new();
    for (slot, ((story, key), id)) in stories.iter_mut().zip(&ids[others.len()..]).enumerate() {
        if story.id != *id {
            story.to_mut().id = id.clone();
        }
        assigned.push((
            by_key[key.as_str()],
            StoryRecord {
                id: id.clone(),
                slot: next_slot + slot,
                level: story.level,
            },
        ));
    }
    for (i, story) in assigned {
        records[i].story = Some(story);
    }
    (stories, records)
}

/// Brings the index in `dir` up to date with the files `found`, reading only the ones that
/// changed.
fn update(
    root: &Path,
    dir: &Path,
    index: Index,
    manifest: Manifest,
    found: &[Found],
    prompts: &Prompts,
    loaded: &Loaded,
) -> Result<Kept, Error> {
    let (_, fields) = schema();
    let mut old: HashMap<&str, &FileRecord> = manifest
        .files
        .iter()
        .map(|record| (record.key.as_str(), record))
        .collect();
    let mut kept: Vec<FileRecord> = Vec::new();
    let mut changed: Vec<&Found> = Vec::new();
    let mut rewritten = false;
    let now = now();
    for file in found {
        let Some(record) = old.remove(file.key.as_str()) else {
            changed.push(file);
            continue;
        };
        let racy = file.modified + RACY_NANOS >= manifest.written;
        if record.size == file.size && record.modified == file.modified && !racy {
            kept.push(record.clone());
        } else if record.size == file.size && current_hash(file, loaded) == Some(record.hash) {
            // A racy file checked now, long enough after it was written, is not racy in a
            // manifest written now: rewriting it spares every later run this hash (a bank
            // generated or checked out just before the index was first made would otherwise
            // be hashed on every run, forever).
            rewritten |= record.modified != file.modified || file.modified + RACY_NANOS < now;
            kept.push(FileRecord {
                modified: file.modified,
                ..record.clone()
            });
        } else {
            changed.push(file);
        }
    }
    let removed: Vec<String> = old.keys().map(|key| key.to_string()).collect();
    // Changed files parsed to learn which load: indexed from here, not parsed again.
    let mut probed: Vec<Story> = Vec::new();
    // Ids depend on which stems the loaded files share: a kept story whose id a new or
    // removed file changes is re-indexed under its new id.
    if !changed.is_empty() || !removed.is_empty() {
        // Which changed files load (a story in memory did): only they take part in ids.
        let probe: Vec<PathBuf> = changed
            .iter()
            .filter(|file| !loaded.contains_key(file.path.as_path()))
            .map(|file| file.path.clone())
            .collect();
        probed = crate::bank::load_all(&probe)
            .into_iter()
            .filter_map(Result::ok)
            .collect();
        let mut loads: Vec<PathBuf> = probed.iter().map(|story| story.path.clone()).collect();
        loads.extend(
            changed
                .iter()
                .filter(|file| loaded.contains_key(file.path.as_path()))
                .map(|file| file.path.clone()),
        );
        let kept_paths: Vec<PathBuf> = kept
            .iter()
            .filter(|record| record.story.is_some())
            .map(|record| root.join(&record.key))
            .collect();
        let mut all: Vec<&Path> = kept_paths.iter().map(PathBuf::as_path).collect();
        all.extend(loads.iter().map(PathBuf::as_path));
        let ids = story_ids(root, &all);
        let stale: Vec<String> = kept
            .iter()
            .filter_map(|record| record.story.as_ref().map(|story| (record, story)))
            .zip(&ids)
            .filter(|((_, story), id)| &story.id != *id)
            .map(|((record, _), _)| record.key.clone())
            .collect();
        kept.retain(|record| !stale.contains(&record.key));
        changed.extend(found.iter().filter(|file| stale.contains(&file.key)));
    }
    let touched = changed.len() + removed.len();
    if touched == 0 {
        if rewritten {
            write_manifest(dir, kept.clone(), prompts)?;
        }
        return Ok((index, kept, Freshness::Reused, None));
    }
    let next_slot = manifest
        .files
        .iter()
        .filter_map(|record| record.story.as_ref().map(|story| story.slot + 1))
        .max()
        .unwrap_or(0);
    let others: Vec<PathBuf> = kept
        .iter()
        .filter(|record| record.story.is_some())
        .map(|record| root.join(&record.key))
        .collect();
    let others: Vec<&Path> = others.iter().map(PathBuf::as_path).collect();
    let mut in_memory: Loaded = loaded.clone();
    in_memory.extend(probed.iter().map(|story| (story.path.as_path(), story)));
    let (stories, records) = read(root, changed, &others, next_slot, &in_memory);
    super::register_analyzer(&index);
    let mut writer: IndexWriter = index.writer_with_num_threads(1, UPDATE_BUDGET)?;
    for key in removed
        .iter()
        .chain(records.iter().map(|record| &record.key))
    {
        writer.delete_term(Term::from_field_text(fields.key, key));
    }
    let concepts = ConceptVocabulary::of(prompts);
    let mut cues = cue_analyzer();
    for (story, key) in &stories {
        let said = concepts.story_concepts(story_texts(story), &mut cues);
        let slot = records
            .iter()
            .find(|record| &record.key == key)
            .and_then(|record| record.story.as_ref())
            .map_or(0, |story| story.slot);
        writer.add_document(document(fields, story, slot, Path::new(key), &said))?;
    }
    // No manifest while the index changes: a run stopped between the commit and the new
    // manifest finds none and rebuilds, instead of trusting records of documents gone.
    match std::fs::remove_file(dir.join(MANIFEST)) {
        Err(err) if err.kind() != std::io::ErrorKind::NotFound => return Err(err.into()),
        _ => {}
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    kept.extend(records);
    write_manifest(dir, kept.clone(), prompts)?;
    Ok((index, kept, Freshness::Updated(touched), None))
}

/// A copy in memory of the tantivy index in `dir`: every file but the locks and the
/// manifest.
fn copy_to_memory(dir: &Path) -> Result<Index, Error> {
    use tantivy::directory::{Directory, RamDirectory};
    let ram = RamDirectory::create();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            continue;
        };
        if !entry.file_type()?.is_file() || name.starts_with(MANIFEST) || name.ends_with(".lock") {
            continue;
        }
        ram.atomic_write(Path::new(name), &std::fs::read(entry.path())?)?;
    }
    Ok(Index::open(ram)?)
}

/// The index over `records`; `built` holds the entries a rebuild already has (with the
/// text to show), else they come from the records and show text read on demand.
fn finish(
    root: &Path,
    index: Index,
    records: Vec<FileRecord>,
    prompts: &Prompts,
    freshness: Freshness,
    built: Option<Vec<Option<Entry>>>,
) -> Result<Opened, Error> {
    let (_, fields) = schema();
    let broken = records.iter().filter(|r| r.story.is_none()).count();
    let entries = built.unwrap_or_else(|| {
        let size = records
            .iter()
            .filter_map(|record| record.story.as_ref().map(|story| story.slot + 1))
            .max()
            .unwrap_or(0);
        let mut entries: Vec<Option<Entry>> = vec![None; size];
        for record in records {
            if let Some(story) = record.story {
                entries[story.slot] = Some(Entry {
                    id: story.id,
                    path: root.join(&record.key),
                    level: story.level,
                    shown: super::Shown::File,
                });
            }
        }
        entries
    });
    Ok(Opened {
        index: StoryIndex::assemble(
            index,
            fields,
            entries,
            prompts,
            ConceptVocabulary::of(prompts),
        )?,
        broken,
        freshness,
        note: None,
    })
}
