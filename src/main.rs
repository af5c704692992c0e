//! The `gridwatch` binary: parse the command line, run, turn failure into an exit code.

fn main() {
    let cli = match gridwatch::cli::parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version print and succeed; a mistyped command line
            // is the user's to fix: exit 1, as every other input error. The
            // message may quote what was typed: each line is made inert.
            use std::io::Write;
            let text: String = e
                .render()
                .to_string()
                .lines()
                .map(|l| format!("{}\n", gridwatch::text::sanitize(l)))
                .collect();
            let _ = if e.use_stderr() {
                std::io::stderr().write_all(text.as_bytes())
            } else {
                std::io::stdout().write_all(text.as_bytes())
            };
            std::process::exit(if e.use_stderr() { 1 } else { 0 });
        }
    };
    if let Err(failure) = gridwatch::cli::run(cli) {
        if let Some(message) = failure.message() {
            use std::io::Write;
            // Nobody to tell if stderr is gone: never panic over it.
            // Inert: a message may quote what was typed (a file name with an escape).
            let _ = writeln!(
                std::io::stderr(),
                "gridwatch: {}",
                gridwatch::text::sanitize(&message)
            );
        }
        std::process::exit(failure.exit_code());
    }
}
