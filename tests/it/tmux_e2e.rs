//! Runs `tests/tmux_e2e.sh` against the built binary when tmux is installed; prints that it
//! skipped otherwise. With `STARBANK_REQUIRE_TMUX=1` (CI sets it) a missing tmux fails the
//! test instead, so a CI machine that could not install tmux never passes quietly.

use std::process::Command;

#[test]
fn workbench_end_to_end_in_tmux() {
    let has_tmux = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|output| output.status.success());
    if !has_tmux {
        let required = std::env::var("STARBANK_REQUIRE_TMUX").is_ok_and(|v| v == "1");
        assert!(
            !required,
            "tmux_e2e: tmux is not installed and STARBANK_REQUIRE_TMUX=1: install tmux"
        );
        eprintln!("tmux_e2e: tmux is not installed, skipped");
        return;
    }
    let output = Command::new("bash")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/tmux_e2e.sh"))
        .arg(env!("CARGO_BIN_EXE_starbank"))
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("tmux_e2e: ok"), "{stdout}\n{stderr}");
}
