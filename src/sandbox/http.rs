//! The request/response types the gateway emulators work with, and small parsing helpers
//! (percent-decoding, query pairs, integer parameters).

use bytes::Bytes;
use serde_json::Value;

use super::faults::PagingFaults;

/// A request as the gateway modules see it.
pub(super) struct Req {
    pub method: String,
    /// Raw (still percent-encoded) path after the gateway prefix; starts with `/`.
    pub path: String,
    /// Percent-decoded query pairs, in order.
    pub query: Vec<(String, String)>,
    /// Lowercase names.
    pub headers: Vec<(String, String)>,
    pub body: Bytes,
    /// Paging abuses to apply to this request's answer.
    pub paging: PagingFaults,
}

impl Req {
    pub fn q(&self, key: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
    /// Path segments after the prefix, percent-decoded.
    pub fn segments(&self) -> Vec<String> {
        self.path
            .split('/')
            .filter(|s| !s.is_empty())
            .map(decode)
            .collect()
    }
}

/// A response as the gateway modules build it.
pub(super) struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Resp {
    pub fn json(status: u16, v: &Value) -> Resp {
        let body = serde_json::to_vec(v).unwrap_or_default();
        Resp {
            status,
            headers: vec![(
                "content-type".into(),
                "application/json; charset=utf-8".into(),
            )],
            body,
        }
    }
    pub fn text(status: u16, s: &str) -> Resp {
        Resp {
            status,
            headers: vec![("content-type".into(), "text/plain; charset=utf-8".into())],
            body: s.as_bytes().to_vec(),
        }
    }
    pub fn typed(status: u16, content_type: &str, s: &str) -> Resp {
        Resp {
            status,
            headers: vec![("content-type".into(), content_type.into())],
            body: s.as_bytes().to_vec(),
        }
    }
    pub fn header(mut self, k: &str, v: &str) -> Resp {
        self.headers.push((k.to_ascii_lowercase(), v.to_string()));
        self
    }
}

/// Percent-decodes (lossy UTF-8).
pub(super) fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

pub(super) fn parse_query(q: &str) -> Vec<(String, String)> {
    q.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(&k.replace('+', " ")), decode(&v.replace('+', " ")))
        })
        .collect()
}

/// Plain reason phrase of a status.
pub(super) fn reason(status: u16) -> &'static str {
    hyper::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("Error")
}

/// Parses an optional integer query value: `Ok(None)` when absent or empty, `Err` when not an integer.
pub(super) fn int_q(req: &Req, key: &str) -> Result<Option<i64>, String> {
    match req.q(key).map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => v.parse::<i64>().map(Some).map_err(|_| v.to_string()),
    }
}
