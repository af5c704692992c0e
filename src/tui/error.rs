//! Why the dashboard could not start or had to stop: the operator's to fix
//! (no terminal) or a failure of the terminal or the store thread.

#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    #[error(
        "the dashboard needs a terminal (stdin and stdout must be a TTY); use `gridwatch list` in scripts"
    )]
    NoTerminal,
    #[error("cannot set up the terminal: {0}")]
    Setup(std::io::Error),
    #[error("drawing the screen: {0}")]
    Draw(std::io::Error),
    #[error("reading the terminal: {0}")]
    Read(std::io::Error),
    #[error("cannot start the store thread: {0}")]
    StoreThread(std::io::Error),
    #[error("the store thread stopped")]
    StoreStopped,
}

impl TuiError {
    /// True when the operator can fix it (exit 1).
    pub fn is_user_error(&self) -> bool {
        matches!(self, TuiError::NoTerminal)
    }
}
