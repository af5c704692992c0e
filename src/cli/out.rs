//! What the commands print: stdout through one handle, where a closed pipe
//! (`gridwatch list | head -1`) ends the command quietly with exit 0 instead
//! of a panic; stderr for warnings, where a failed write is ignored.

use std::io::Write;

use super::Failure;

/// Write to stdout; a reader that went away is [`Failure::PipeClosed`].
pub fn write(args: std::fmt::Arguments<'_>) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_fmt(args) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(Failure::PipeClosed),
        Err(e) => Err(Failure::Internal(format!("cannot write the output: {e}"))),
    }
}

/// Write a warning to stderr; if stderr is gone there is nobody to tell.
pub fn warn(args: std::fmt::Arguments<'_>) {
    let _ = std::io::stderr().lock().write_fmt(args);
}

/// `println!` for commands: `outln!(...)` inside a function returning `Result<_, Failure>`.
macro_rules! outln {
    () => {
        $crate::cli::out::write(format_args!("\n"))?
    };
    ($($arg:tt)*) => {
        $crate::cli::out::write(format_args!("{}\n", format_args!($($arg)*)))?
    };
}

/// `print!` for commands.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::cli::out::write(format_args!($($arg)*))?
    };
}

/// `eprintln!` that never panics.
macro_rules! warnln {
    ($($arg:tt)*) => {
        $crate::cli::out::warn(format_args!("{}\n", format_args!($($arg)*)))
    };
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_closed_pipe_is_quiet() {
        let e = std::io::Error::from(std::io::ErrorKind::BrokenPipe);
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe);
        assert_eq!(super::Failure::PipeClosed.exit_code(), 0);
    }
}
