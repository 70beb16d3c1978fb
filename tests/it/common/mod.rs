pub mod corpus;
pub mod sarif;

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

/// The built binary, run from the repository root with colour off.
pub fn starbank() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("starbank").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1");
    cmd
}

/// The built binary run in `dir` as a user's shell runs it: output piped, `NO_COLOR` unset
/// (piped output is plain anyway).
pub fn run_in(dir: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_starbank"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

/// What `starbank ARGS` prints, asserting that it succeeds.
pub fn stdout(args: &[&str]) -> String {
    let output = starbank().args(args).output().unwrap();
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}
