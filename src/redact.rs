//! The redactor: credentials, registered as they are resolved, are hidden
//! from every text wa-inbox prints (errors, warnings, `-v` logs, `profiles`
//! reports), in every encoding a request or an echoing gateway can give them.
//!
//! - A secret of `ANYWHERE_MIN` characters or more is hidden wherever it
//!   appears: raw, percent-encoded (upper- or lower-case hex, whole or in
//!   part, as path and query encoders differ), form-encoded (`+` for a space),
//!   JSON- or HTML-escaped, with its whitespace runs collapsed or widened, and
//!   as base64 (alone, or inside a longer base64 text such as Basic auth).
//! - A shorter secret would wreck ordinary words if hidden everywhere (and
//!   its `***` would give it away), so it is hidden only where credentials
//!   sit: path segments, query values, URL userinfo, header values and quoted
//!   JSON values.
//! - URL userinfo (`https://user:pw@host`) is hidden in any text.
//! - `cut` redacts first, then cuts, and never leaves the first
//!   `PREFIX_MIN` characters or more of a secret in front of its `…`.
//!
//! A leaf (it uses only `sanitize`), so `secret`, `diag` and `provider/` share it.

use std::sync::{OnceLock, RwLock};

mod matcher;

use matcher::Entry;

/// Secrets at least this long are hidden as free substrings.
pub const ANYWHERE_MIN: usize = 6;
/// A cut never leaves this many leading characters of a secret before the `…`.
const PREFIX_MIN: usize = 4;
/// What a hidden secret is replaced with.
const MASK: &str = "***";

#[derive(Default)]
struct Registry {
    entries: Vec<Entry>,
    /// Fixed strings hidden everywhere (base64 forms).
    exact: Vec<String>,
}

fn registry() -> &'static RwLock<Registry> {
    static REGISTRY: OnceLock<RwLock<Registry>> = OnceLock::new();
    REGISTRY.get_or_init(Default::default)
}

fn read() -> std::sync::RwLockReadGuard<'static, Registry> {
    registry().read().unwrap_or_else(|e| e.into_inner())
}

/// Remember a secret value so that it is hidden from everything printed.
pub fn register_secret(value: &str) {
    let Some(entry) = Entry::new(value, ANYWHERE_MIN) else {
        return;
    };
    let exact = if entry.anywhere {
        let mut forms = base64_cores(value.trim().as_bytes());
        forms.push(base64(value.trim().as_bytes()));
        forms
    } else {
        Vec::new()
    };
    let mut reg = registry().write().unwrap_or_else(|e| e.into_inner());
    if !reg.entries.contains(&entry) {
        reg.entries.push(entry);
        // Longest first, so a secret containing another is hidden whole.
        reg.entries
            .sort_by_key(|e| std::cmp::Reverse(e.units.len()));
    }
    add_exact(&mut reg, exact);
}

/// Remember a Basic-auth pair: the password, and the header's base64 text.
pub fn register_basic_auth(user: &str, password: &str) {
    register_secret(password);
    let whole = base64(format!("{user}:{password}").as_bytes());
    let mut reg = registry().write().unwrap_or_else(|e| e.into_inner());
    add_exact(&mut reg, vec![whole]);
}

/// Remember the password of a URL's userinfo (`https://user:pw@host`), which
/// the HTTP client sends as Basic auth.
pub fn register_url_userinfo(url: &str) {
    let Some((start, end)) = userinfo_span(url, 0) else {
        return;
    };
    let info = &url[start..end];
    let decode = |s: &str| {
        percent_encoding::percent_decode_str(s)
            .decode_utf8_lossy()
            .into_owned()
    };
    match info.split_once(':') {
        Some((user, pw)) => register_basic_auth(&decode(user), &decode(pw)),
        None => register_secret(&decode(info)),
    }
}

fn add_exact(reg: &mut Registry, forms: Vec<String>) {
    for f in forms {
        if !f.is_empty() && !reg.exact.contains(&f) {
            reg.exact.push(f);
        }
    }
    reg.exact.sort_by_key(|s| std::cmp::Reverse(s.len()));
}

/// `text` with every registered secret, and any URL userinfo, replaced by `***`.
pub fn redact(text: &str) -> String {
    let reg = read();
    let mut out = hide_userinfo(text);
    for e in &reg.entries {
        out = e.hide(&out, MASK);
    }
    for f in &reg.exact {
        if out.contains(f.as_str()) {
            out = out.replace(f.as_str(), MASK);
        }
    }
    out
}

/// Redact, then cut to at most `max` characters ending in `…`; the cut never
/// leaves the first `PREFIX_MIN` or more characters of a secret before it.
pub fn cut(text: &str, max: usize) -> String {
    let text = redact(text);
    let Some((i, _)) = text.char_indices().nth(max) else {
        return text;
    };
    let mut kept = &text[..i];
    let reg = read();
    for e in &reg.entries {
        if let Some(start) = e.prefix_at_end(kept, PREFIX_MIN) {
            kept = &kept[..start];
        }
    }
    for f in &reg.exact {
        if let Some(k) = (PREFIX_MIN..f.len())
            .rev()
            .find(|&k| kept.ends_with(&f[..k]))
        {
            kept = &kept[..kept.len() - k];
        }
    }
    format!("{}…", kept.trim_end())
}

/// Untrusted text as one safe line of at most `max` characters: redacted,
/// sanitised (which may join what was apart), redacted again, then cut.
pub fn line(text: &str, max: usize) -> String {
    cut(&crate::sanitize::one_line(&redact(text)), max)
}

/// The span of the userinfo in the first `scheme://userinfo@host` at or after `from`.
fn userinfo_span(text: &str, from: usize) -> Option<(usize, usize)> {
    let mut at = from;
    while let Some(i) = text[at..].find("://") {
        let start = at + i + 3;
        let authority_end = text[start..]
            .find(|c: char| {
                matches!(c, '/' | '?' | '#' | '"' | '\'' | '<' | '>') || c.is_whitespace()
            })
            .map_or(text.len(), |n| start + n);
        if let Some(a) = text[start..authority_end].rfind('@') {
            return Some((start, start + a));
        }
        at = start;
    }
    None
}

fn hide_userinfo(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    while let Some((start, end)) = userinfo_span(text, last) {
        out.push_str(&text[last..start]);
        out.push_str(MASK);
        last = end;
    }
    out.push_str(&text[last..]);
    out
}

fn base64(input: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(input)
}

/// The base64 characters that only `secret`'s bytes determine, at each of the
/// three alignments it can have inside a longer base64 text, in the standard
/// and URL-safe alphabets.
fn base64_cores(secret: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    for pad in 0..3usize {
        let mut bytes = vec![0u8; pad];
        bytes.extend_from_slice(secret);
        let encoded = base64(&bytes);
        let first = (8 * pad).div_ceil(6);
        let last = 8 * (pad + secret.len()) / 6;
        if last > first + ANYWHERE_MIN {
            let core = encoded[first..last].to_owned();
            out.push(core.replace('+', "-").replace('/', "_"));
            out.push(core);
        }
    }
    out
}

#[cfg(test)]
mod tests;
