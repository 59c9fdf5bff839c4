//! The one place that writes diagnostics (warnings, `-v` request logs) to
//! stderr, and the redactor every such line passes through.
//!
//! Secrets register here as they are resolved; from then on any occurrence of
//! them — raw, percent-encoded or inside a Basic-auth header — is printed as
//! `***`, whatever code path produced the text. Providers log through here and
//! never print themselves.

use std::io::Write;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Mutex, OnceLock};

static LEVEL: AtomicU8 = AtomicU8::new(LEVEL_NORMAL);
const LEVEL_QUIET: u8 = 0;
const LEVEL_NORMAL: u8 = 1;
const LEVEL_VERBOSE: u8 = 2;

fn secrets() -> &'static Mutex<Vec<String>> {
    static SECRETS: OnceLock<Mutex<Vec<String>>> = OnceLock::new();
    SECRETS.get_or_init(|| Mutex::new(Vec::new()))
}

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

/// Remember a secret value so that it is redacted from everything printed.
pub fn register_secret(value: &str) {
    if value.is_empty() {
        return;
    }
    // Raw, as paths encode it, and as query strings encode it (space → '+', '~' → %7E).
    let form: String = form_urlencoded::byte_serialize(value.as_bytes()).collect();
    let mut forms = vec![value.to_owned(), percent_encode(value), form];
    let mut list = secrets().lock().unwrap_or_else(|e| e.into_inner());
    for f in forms.drain(..) {
        if !list.contains(&f) {
            list.push(f);
        }
    }
    // Longest first, so a secret containing another is replaced whole.
    list.sort_by_key(|s| std::cmp::Reverse(s.len()));
}

/// Remember a Basic-auth pair: its base64 form is a secret too.
pub fn register_basic_auth(user: &str, password: &str) {
    register_secret(password);
    register_secret(&base64(format!("{user}:{password}").as_bytes()));
}

/// `text` with every registered secret replaced by `***`.
pub fn redact(text: &str) -> String {
    let list = secrets().lock().unwrap_or_else(|e| e.into_inner());
    let mut out = text.to_owned();
    for s in list.iter() {
        if out.contains(s.as_str()) {
            out = out.replace(s.as_str(), "***");
        }
    }
    out
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
    let text = crate::sanitize::one_line(&redact(text));
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

/// Percent-encoding as URL builders apply it to paths and queries (every byte
/// outside the unreserved set), so an encoded secret in a URL is found too.
fn percent_encode(s: &str) -> String {
    const UNRESERVED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~');
    percent_encoding::utf8_percent_encode(s, UNRESERVED).to_string()
}

fn base64(input: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    // See: review of issue 4 — reqwest form-encodes query values, so a Wawp token
    // with a space or '~' appeared in -v logs.
    #[test]
    fn wawp_token_redacted_in_form_encoded_query() {
        register_secret("tok~en sec!ret");
        assert_eq!(
            redact("access_token=tok%7Een+sec%21ret&x=1"),
            "access_token=***&x=1"
        );
        assert_eq!(redact("/p/tok~en%20sec%21ret"), "/p/***");
    }

    #[test]
    fn redacts_raw_encoded_and_basic_forms() {
        register_secret("tok/en+1");
        register_basic_auth("demo", "pa:ss");
        let text = "u=tok/en+1 e=tok%2Fen%2B1 b=ZGVtbzpwYTpzcw== p=pa:ss";
        assert_eq!(redact(text), "u=*** e=*** b=*** p=***");
    }
}
