use clap::Parser;

fn main() -> std::process::ExitCode {
    starbank::cli::run(starbank::cli::Cli::parse())
}
