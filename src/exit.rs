//! Exit codes, in one place. `from_error` walks an error's chain to pick the
//! number; `report` prints the error once, as one line on stderr. Nothing here
//! exits the process: `main` does, with what `report` returns.

use std::process::ExitCode;

use crate::config::ConfigError;
use crate::provider::{Class, ProviderError};
use crate::store::StoreError;

/// The documented exit codes (README "Exit codes").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Exit {
    #[default]
    Ok = 0,
    /// `--exit-status` and nothing matched.
    NoMatch = 1,
    Usage = 2,
    Config = 3,
    Auth = 4,
    NotFound = 5,
    RateLimited = 6,
    Network = 7,
    BadResponse = 8,
    Unsupported = 9,
    Other = 10,
    /// Stopped by Ctrl-C at a question (as a shell reports SIGINT).
    Interrupted = 130,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> ExitCode {
        ExitCode::from(e as u8)
    }
}

/// A command line that parses but cannot be carried out (an option the
/// gateway cannot honour). Exit 2, like clap's own usage errors.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// Something the user named does not exist (a chat, a message). Exit 5, like
/// a missing instance or session.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct NotFoundError(pub String);

/// A network failure outside any gateway call (the sandbox's port is taken).
/// Exit 7, like a gateway that cannot be reached.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct NetworkError(pub String);

/// The user stopped at a question (`profiles add`). Exit 130.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Interrupted(pub String);

impl Exit {
    pub fn of_class(class: Class) -> Exit {
        match class {
            Class::Auth => Exit::Auth,
            Class::NotFound => Exit::NotFound,
            Class::RateLimited => Exit::RateLimited,
            Class::Transient => Exit::Network,
            Class::BadResponse => Exit::BadResponse,
            Class::Unsupported => Exit::Unsupported,
            Class::Config => Exit::Config,
            Class::BadRequest => Exit::Other,
        }
    }
}

/// The exit code for `err`: the first cause in its chain that has one.
pub fn from_error(err: &anyhow::Error) -> Exit {
    if is_broken_pipe(err) {
        return Exit::Ok;
    }
    for cause in err.chain() {
        if let Some(p) = cause.downcast_ref::<ProviderError>() {
            return Exit::of_class(p.class());
        }
        if cause.is::<ConfigError>() || cause.is::<StoreError>() {
            return Exit::Config;
        }
        if cause.is::<UsageError>() {
            return Exit::Usage;
        }
        if cause.is::<NotFoundError>() {
            return Exit::NotFound;
        }
        if cause.is::<NetworkError>() {
            return Exit::Network;
        }
        if cause.is::<Interrupted>() {
            return Exit::Interrupted;
        }
    }
    Exit::Other
}

/// A closed stdout (`| head -1`) is how pipelines end: not an error.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Print `err` once (unless it is a closed pipe) and return its exit code.
pub fn report(err: &anyhow::Error) -> ExitCode {
    let code = from_error(err);
    if code != Exit::Ok {
        crate::diag::error(&one_line(err));
    }
    code.into()
}

/// The error and its causes as one line.
pub fn one_line(err: &anyhow::Error) -> String {
    let parts: Vec<String> = err.chain().map(|c| c.to_string()).collect();
    dedup_chain(&parts)
}

/// Join a cause chain, skipping causes already spelled out by the one above.
fn dedup_chain(parts: &[String]) -> String {
    let mut out: Vec<&str> = Vec::new();
    for p in parts {
        if !out.last().is_some_and(|prev| prev.contains(p.as_str())) {
            out.push(p);
        }
    }
    out.join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    #[test]
    fn classes_map_to_documented_codes() {
        let e = anyhow::Error::new(ProviderError::unsupported("x")).context("listing");
        assert_eq!(from_error(&e), Exit::Unsupported);
        let e = anyhow::Error::new(ConfigError("bad".into()));
        assert_eq!(from_error(&e), Exit::Config);
        let e = anyhow::Error::new(UsageError("no".into()));
        assert_eq!(from_error(&e), Exit::Usage);
        assert_eq!(from_error(&anyhow::anyhow!("other")), Exit::Other);
        assert_eq!(Exit::of_class(Class::Transient) as u8, 7);
    }

    #[test]
    fn broken_pipe_is_success() {
        let e: anyhow::Result<()> =
            Err(std::io::Error::from(std::io::ErrorKind::BrokenPipe)).context("writing");
        assert_eq!(from_error(&e.unwrap_err()), Exit::Ok);
    }

    #[test]
    fn chain_is_one_line_without_repeats() {
        let parts = ["listing chats: boom".to_owned(), "boom".to_owned()];
        assert_eq!(dedup_chain(&parts), "listing chats: boom");
    }
}
