//! One HTTP request as a provider describes it (method, path below the
//! profile's base URL, query, headers, body).
//! Credentials go in through `header(.., secret = true)`, `basic_auth` or
//! `bearer`, which mark them sensitive.

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use reqwest::Method;

/// The longest body `describe` shows whole.
const BODY_SHOWN: usize = 240;

/// One request, relative to the profile's base URL.
pub struct Req {
    pub(super) method: Method,
    pub(super) path: String,
    pub(super) query: Vec<(String, String)>,
    pub(super) headers: HeaderMap,
    pub(super) body: Option<Vec<u8>>,
    pub(super) idempotent: bool,
}

impl Req {
    pub fn get(path: impl Into<String>) -> Req {
        Req {
            method: Method::GET,
            path: path.into(),
            query: Vec::new(),
            headers: HeaderMap::new(),
            body: None,
            idempotent: true,
        }
    }

    /// A POST; retried only when marked `read_only()`.
    pub fn post_json(path: impl Into<String>, body: &serde_json::Value) -> Req {
        Req::get(path).into_post().json(body)
    }

    /// `body` as this request's JSON body.
    pub fn json(mut self, body: &serde_json::Value) -> Req {
        self.body = Some(body.to_string().into_bytes());
        self.headers.insert(
            reqwest::header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        self
    }

    /// This request as a POST without a body: a write, retried only when marked
    /// `idempotent()`.
    pub fn into_post(mut self) -> Req {
        self.method = Method::POST;
        self.idempotent = false;
        self
    }

    /// This POST only reads, so it is safe to retry.
    pub fn read_only(self) -> Req {
        self.idempotent()
    }

    /// This write has the same effect however often it is sent (MESSAGES.md §1.2 says so
    /// of every mark-read call), so a failed attempt is retried like a read.
    pub fn idempotent(mut self) -> Req {
        self.idempotent = true;
        self
    }

    /// `METHOD /path?query body` as it would be sent, with secrets redacted and a long body
    /// cut (its size said): what `--dry-run` prints. Headers (credentials) are left out.
    pub fn describe(&self) -> String {
        let mut line = format!("{} {}", self.method, self.path);
        if !self.query.is_empty() {
            let query: String = form_urlencoded::Serializer::new(String::new())
                .extend_pairs(&self.query)
                .finish();
            line = format!("{line}?{query}");
        }
        if let Some(body) = &self.body {
            let text = String::from_utf8_lossy(body);
            let shown = crate::redact::cut(&text, BODY_SHOWN);
            if shown.chars().count() < text.chars().count() {
                line = format!("{line} {shown} ({} bytes)", body.len());
            } else {
                line = format!("{line} {shown}");
            }
        }
        crate::redact::redact(&line)
    }

    pub fn query(mut self, key: &str, value: impl ToString) -> Req {
        self.query.push((key.to_owned(), value.to_string()));
        self
    }

    pub fn query_opt(self, key: &str, value: Option<impl ToString>) -> Req {
        match value {
            Some(v) => self.query(key, v),
            None => self,
        }
    }

    /// A header; `secret` ones are marked sensitive so they never appear in debug output.
    pub fn header(mut self, name: &'static str, value: &str, secret: bool) -> Req {
        if let Ok(mut v) = HeaderValue::from_str(value) {
            v.set_sensitive(secret);
            self.headers.insert(HeaderName::from_static(name), v);
        }
        self
    }

    pub fn basic_auth(self, user: &str, password: &str) -> Req {
        use base64::Engine;
        let token = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
        self.header("authorization", &format!("Basic {token}"), true)
    }

    pub fn bearer(self, token: &str) -> Req {
        self.header("authorization", &format!("Bearer {token}"), true)
    }
}
