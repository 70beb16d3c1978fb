pub mod corpus;

use std::path::Path;

/// Copies the bundled bank's story files (and `starbank.ron`, if any) into `dest`: files
/// only, since a search run on `stories/` keeps its index in `stories/.starbank/`.
pub fn copy_bundled_stories(dest: &Path) {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("stories");
    std::fs::create_dir_all(dest).unwrap();
    for entry in std::fs::read_dir(source).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), dest.join(entry.file_name())).unwrap();
        }
    }
}
