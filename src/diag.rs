//! The one place that writes diagnostics (warnings, `-v` request logs, the
//! final error) to stderr. Every line passes the redactor (`redact.rs`) as it
//! is finally written, whatever code path produced it. Providers log through
//! here and never print themselves.

use std::io::Write;
use std::sync::atomic::{AtomicU8, Ordering};

static LEVEL: AtomicU8 = AtomicU8::new(LEVEL_NORMAL);
const LEVEL_QUIET: u8 = 0;
const LEVEL_NORMAL: u8 = 1;
const LEVEL_VERBOSE: u8 = 2;

pub fn set_verbosity(verbose: bool, quiet: bool) {
    let level = if quiet {
        LEVEL_QUIET
    } else if verbose {
        LEVEL_VERBOSE
    } else {
        LEVEL_NORMAL
    };
    LEVEL.store(level, Ordering::Relaxed);
}

pub fn verbose() -> bool {
    LEVEL.load(Ordering::Relaxed) >= LEVEL_VERBOSE
}

/// A warning, unless `-q`.
pub fn warn(msg: &str) {
    if LEVEL.load(Ordering::Relaxed) >= LEVEL_NORMAL {
        line(&format!("wa-inbox: warning: {msg}"));
    }
}

/// A note that matters even without `-v` (a long wait), unless `-q`.
pub fn note(msg: &str) {
    if LEVEL.load(Ordering::Relaxed) >= LEVEL_NORMAL {
        line(&format!("wa-inbox: {msg}"));
    }
}

/// A `-v` trace line.
pub fn trace(msg: &str) {
    if verbose() {
        line(&format!("wa-inbox: {msg}"));
    }
}

/// The final error line, always printed.
pub fn error(msg: &str) {
    line(&format!("wa-inbox: error: {msg}"));
}

fn line(text: &str) {
    let text = crate::redact::redact(&crate::sanitize::one_line(&crate::redact::redact(text)));
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}
