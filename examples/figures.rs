//! Prints the figures the reader finds in text from standard input, one per line:
//! `cargo run --example figures <<< "I led a team of 14 engineers for nine months."`

use std::io::Read;

fn main() {
    let mut text = String::new();
    if let Err(err) = std::io::stdin().read_to_string(&mut text) {
        eprintln!("figures: could not read standard input: {err}");
        std::process::exit(2);
    }
    for figure in starbank::figures::extract(&text) {
        println!(
            "{:<15} {:<10} {:>12} {:?}",
            figure.kind.as_str(),
            figure.role.as_str(),
            figure.value,
            figure.text(&text)
        );
    }
}
