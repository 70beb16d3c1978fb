//! Writes a generated bank for measurements: `cargo run --release --example generate -- DIR N [SEED]`.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(count)) = (args.first(), args.get(1).and_then(|n| n.parse().ok())) else {
        eprintln!("usage: generate DIR COUNT [SEED]");
        return ExitCode::from(2);
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(42);
    match starbank::generate::write_bank(&PathBuf::from(dir), count, seed) {
        Ok(_) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: cannot write {dir}: {err}");
            ExitCode::FAILURE
        }
    }
}
