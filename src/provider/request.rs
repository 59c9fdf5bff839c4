//! One HTTP request as a provider describes it (method, path below the
//! profile's base URL, query, headers, body).
//! Credentials go in through `header(.., secret = true)`, `basic_auth` or
//! `bearer`, which mark them sensitive.

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use reqwest::Method;

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
        let mut r = Req::get(path);
        r.method = Method::POST;
        r.idempotent = false;
        r.body = Some(body.to_string().into_bytes());
        r.headers.insert(
            reqwest::header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        r
    }

    /// This POST only reads, so it is safe to retry.
    pub fn read_only(mut self) -> Req {
        self.idempotent = true;
        self
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
