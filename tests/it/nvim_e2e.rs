//! A real editor: headless Neovim with `tests/nvim/init.lua` opens a story of a bank, the
//! server attached, and writes what `vim.diagnostic.get()` holds after opening and after an
//! edit. Neovim converts the server's UTF-16 ranges to byte columns itself, so the columns
//! below check the whole round trip on a line with "é", "—" and an emoji.
//!
//! Skipped with a note when `nvim` is not installed, unless `STARBANK_REQUIRE_NVIM=1` (CI
//! sets it after installing Neovim), which makes a missing Neovim a failure.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const STORY: &str = "(
    title: \"Café — launch 🚀\",
    level: L7,
    principles: [\"Think Bigg\"],
    questions: [\"l7-technical-strategy-direction\"],
    situation: \"At the café 🚀 — I led a team of 18 engineers for the storefront’s pages.\",
    task: \"Set the direction for page speed over the next 8 months.\",
    action: \"I profiled the pages, I wrote the proposal and I negotiated the order with two partner teams.\",
    result: \"Load time fell 55% and we recovered about $2M a year.\",
)
";

#[test]
fn neovim_shows_the_diagnostics_where_they_belong() {
    let has_nvim = Command::new("nvim")
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success());
    if !has_nvim {
        let required = std::env::var("STARBANK_REQUIRE_NVIM").is_ok_and(|v| v == "1");
        assert!(
            !required,
            "nvim_e2e: Neovim is not installed and STARBANK_REQUIRE_NVIM=1: install neovim"
        );
        eprintln!("nvim_e2e: Neovim (nvim) is not installed, skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let bank = dir.path().join("bank");
    std::fs::create_dir_all(&bank).unwrap();
    std::fs::write(bank.join("starbank.ron"), "(min_stories: 1)\n").unwrap();
    std::fs::write(bank.join("cafe.ron"), STORY).unwrap();
    let out = dir.path().join("diagnostics.json");
    let home = dir.path().join("home");
    let mut child = Command::new("nvim")
        .args(["--headless", "-n", "-i", "NONE", "--noplugin", "-u"])
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/nvim/init.lua"))
        .arg("cafe.ron")
        .current_dir(&bank)
        .env("STARBANK_BIN", env!("CARGO_BIN_EXE_starbank"))
        .env("STARBANK_OUT", &out)
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("nvim starts");
    let deadline = Instant::now() + Duration::from_secs(90);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("nvim did not finish in 90 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let text = std::fs::read_to_string(&out).expect("init.lua wrote the diagnostics");
    let result: Value = serde_json::from_str(&text).unwrap();
    let opened = result["opened"].as_array().unwrap();
    let find = |list: &[Value], code: &str| -> Option<(u64, u64, u64, u64)> {
        list.iter().find(|d| d["code"] == code).map(|d| {
            let at = |key: &str| d[key].as_u64().unwrap();
            (at("lnum"), at("col"), at("end_lnum"), at("end_col"))
        })
    };
    // Byte columns: "a team of 18 engineers" at bytes 44-66 of line 6 (0-based line 5).
    assert_eq!(find(opened, "SC001"), Some((5, 44, 5, 66)), "{text}");
    // The misspelt principle, quotes included: bytes 17-29 of line 4.
    assert_eq!(find(opened, "ST008"), Some((3, 17, 3, 29)), "{text}");
    let edited = result["edited"].as_array().unwrap();
    assert_eq!(find(edited, "SC001"), None, "{text}");
    assert_eq!(find(edited, "ST008"), Some((3, 17, 3, 29)), "{text}");
}
