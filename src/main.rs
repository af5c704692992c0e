//! The `gridwatch` binary: parse the command line, run, turn failure into an exit code.

use clap::Parser;

fn main() {
    let cli = gridwatch::cli::Cli::parse();
    if let Err(failure) = gridwatch::cli::run(cli) {
        match &failure {
            gridwatch::cli::Failure::User(msg) => eprintln!("gridwatch: {msg}"),
            gridwatch::cli::Failure::Internal(msg) => eprintln!("gridwatch: internal error: {msg}"),
            gridwatch::cli::Failure::Store(e) => eprintln!("gridwatch: {e}"),
            gridwatch::cli::Failure::Reported | gridwatch::cli::Failure::PipeClosed => {}
        }
        std::process::exit(failure.exit_code());
    }
}
