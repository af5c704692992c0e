//! The `gridwatch` binary: parse the command line, run, turn failure into an exit code.

use clap::Parser;

fn main() {
    let cli = gridwatch::cli::Cli::parse();
    if let Err(failure) = gridwatch::cli::run(cli) {
        if let Some(message) = failure.message() {
            use std::io::Write;
            // Nobody to tell if stderr is gone: never panic over it.
            let _ = writeln!(std::io::stderr(), "gridwatch: {message}");
        }
        std::process::exit(failure.exit_code());
    }
}
