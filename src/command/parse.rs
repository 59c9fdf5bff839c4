//! The command line read off the process, with its `WA_INBOX_*` variables:
//! an empty one counts as unset (`WA_INBOX_PROFILE=` is no profile named ""),
//! and a bad value in one names the variable rather than the flag it feeds.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::Parser;

use crate::cli::Cli;
use crate::exit::Exit;

/// The variables clap reads (`env = …` in `cli.rs`).
const VARS: &[&str] = &["WA_INBOX_PROFILE", "WA_INBOX_CONFIG", "WA_INBOX_OUTPUT"];

/// Parse the command line; on a usage error, print it and give the exit code.
pub fn parse() -> Result<Cli, Exit> {
    for var in VARS {
        if std::env::var_os(var).is_some_and(|v| v.is_empty()) {
            // Still single-threaded: the runtime starts after parsing.
            std::env::remove_var(var);
        }
    }
    let err = match Cli::try_parse() {
        Ok(cli) => return Ok(cli),
        Err(e) => e,
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    match from_variable(&err, &args) {
        Some(message) => {
            crate::diag::error(&message);
            Err(Exit::Usage)
        }
        None => err.exit(),
    }
}

/// The error as a sentence about the variable, when the bad value came from one.
fn from_variable(err: &clap::Error, args: &[String]) -> Option<String> {
    if err.kind() != ErrorKind::InvalidValue {
        return None;
    }
    let Some(ContextValue::String(value)) = err.get(ContextKind::InvalidValue) else {
        return None;
    };
    // clap checks the variable even when the flag is given; a value typed on
    // the command line is the flag's.
    let typed = args
        .iter()
        .any(|a| a == value || a.ends_with(&format!("={value}")));
    let var = VARS
        .iter()
        .find(|var| !typed && std::env::var(var).is_ok_and(|v| v == *value))?;
    let valid = match err.get(ContextKind::ValidValue) {
        Some(ContextValue::Strings(v)) => format!("; use one of: {}", v.join(", ")),
        _ => String::new(),
    };
    Some(format!(
        "{var}={value} is not a valid value{valid} (or unset {var})"
    ))
}
