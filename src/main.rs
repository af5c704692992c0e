//! The `gridwatch` binary: parse the command line, set up logging, run.

use clap::Parser;

fn main() {
    let cli = gridwatch::cli::Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("GRIDWATCH_LOG")
                .unwrap_or_else(|_| "warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    if let Err(failure) = gridwatch::cli::run(cli) {
        match &failure {
            gridwatch::cli::Failure::User(msg) => eprintln!("gridwatch: {msg}"),
            gridwatch::cli::Failure::Internal(msg) => eprintln!("gridwatch: internal error: {msg}"),
            gridwatch::cli::Failure::Reported => {}
        }
        std::process::exit(failure.exit_code());
    }
}
