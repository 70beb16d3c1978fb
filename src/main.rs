use clap::Parser;

fn main() -> std::process::ExitCode {
    starbank::parallel::configure_from_env();
    starbank::cli::run(starbank::cli::Cli::parse())
}
