//! Runs `tests/tmux_e2e.sh` against the built binary when tmux is installed; prints that it
//! skipped otherwise, so CI without tmux still passes.

use std::process::Command;

#[test]
fn workbench_end_to_end_in_tmux() {
    let has_tmux = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|output| output.status.success());
    if !has_tmux {
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
