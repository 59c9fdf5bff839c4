//! The one HTTP client every provider uses: connect and whole-request
//! timeouts, capped retries with back-off and `Retry-After`, a response size
//! cap, no redirects, one-line error messages read from any body shape, and
//! redaction of every URL and message before it can be printed.
//!
//! It knows nothing of any gateway's schema: a provider passes a `classify`
//! function that turns (status, message, code) into an error `Class`.
//! Turning a failed attempt into an error (and retry advice) is `http/failure.rs`.

use std::time::{Duration, Instant};

use serde::de::DeserializeOwned;

use super::body::ErrorBody;
use super::bounded::{self, Unreadable, MAX_ENTRIES};
use super::error::{Class, ProviderError};
pub use super::request::Req;
use super::retry::{backoff, MAX_RETRY_AFTER};
use crate::diag;
use failure::Failure;

mod failure;
mod tls;

/// Waits at least this long are announced even without `-v`.
const ANNOUNCE_WAIT: Duration = Duration::from_secs(3);

/// Turns a failed answer into a class; each gateway has its own rules.
pub type Classify = fn(status: u16, body: &ErrorBody) -> Class;

/// Extra detail a gateway reads from its own error JSON, appended to the
/// message in parentheses (WAHA's session `status` on a 422).
pub type Describe = fn(body: &ErrorBody) -> Option<String>;

#[derive(Debug, Clone)]
pub struct HttpOptions {
    pub timeout: Duration,
    pub retries: u32,
    pub max_body: u64,
    pub allow_insecure_http: bool,
    /// The profile's `ca_file`: extra CAs to trust (see `http/tls.rs`).
    pub ca_file: Option<std::path::PathBuf>,
}

pub struct Http {
    client: reqwest::Client,
    base: String,
    gateway: &'static str,
    classify: Classify,
    describe: Option<Describe>,
    opts: HttpOptions,
    /// How many 429s this client has seen; the pager lowers its concurrency when it grows.
    throttled: std::sync::atomic::AtomicU32,
}

impl Http {
    pub fn new(
        base_url: &str,
        gateway: &'static str,
        classify: Classify,
        opts: HttpOptions,
    ) -> Result<Http, ProviderError> {
        let base = base_url.trim().trim_end_matches('/').to_owned();
        let url = reqwest::Url::parse(&base).map_err(|e| ProviderError::Config {
            message: format!(
                "{gateway}: base URL \"{}\" is not a URL: {e}",
                crate::redact::redact(&base)
            ),
        })?;
        match url.scheme() {
            "https" => {}
            "http" if opts.allow_insecure_http || is_loopback(&url) => {}
            "http" => {
                return Err(ProviderError::Config {
                    message: format!(
                        "{gateway}: refusing to send credentials over plain http to {}; use https, \
                         or set allow_insecure_http = true in the profile",
                        url.host_str().unwrap_or("?")
                    ),
                })
            }
            other => {
                return Err(ProviderError::Config {
                    message: format!("{gateway}: base URL scheme \"{other}\" is not http or https"),
                })
            }
        }
        let builder = reqwest::Client::builder()
            .user_agent(concat!("wa-inbox/", env!("CARGO_PKG_VERSION")))
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(opts.timeout.min(Duration::from_secs(10)))
            .timeout(opts.timeout);
        let client = tls::with_ca_file(builder, opts.ca_file.as_deref(), gateway)?
            .build()
            .map_err(|e| ProviderError::Config {
                message: format!("cannot start the HTTP client: {}", e.without_url()),
            })?;
        Ok(Http {
            client,
            base,
            gateway,
            classify,
            describe: None,
            opts,
            throttled: Default::default(),
        })
    }

    /// Add a gateway's own detail to error messages (see `Describe`).
    pub fn describe_errors(mut self, describe: Describe) -> Http {
        self.describe = Some(describe);
        self
    }

    /// 429 answers seen so far.
    pub fn throttle_count(&self) -> u32 {
        self.throttled.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Send and parse a JSON body into `T` (lists capped at `bounded::MAX_ENTRIES`).
    pub async fn json<T: DeserializeOwned>(&self, req: Req) -> Result<T, ProviderError> {
        self.json_page(req, MAX_ENTRIES).await
    }

    /// Send and parse a page of `size` entries: a list in the answer that
    /// holds more means the gateway ignored the page size (exit 8), found
    /// after `size + 1` entries rather than after reading them all.
    pub async fn json_page<T: DeserializeOwned>(
        &self,
        req: Req,
        size: impl TryInto<usize>,
    ) -> Result<T, ProviderError> {
        let size = size.try_into().unwrap_or(MAX_ENTRIES).min(MAX_ENTRIES);
        let endpoint = self.endpoint(&req);
        let body = self.send(req).await?;
        match bounded::parse(&body, size) {
            Ok(v) => Ok(v),
            Err(Unreadable::TooMany(n)) if n < MAX_ENTRIES => Err(ProviderError::Paging {
                gateway: self.gateway,
                detail: format!(
                    "ignored the page size: asked for {n} entries on {endpoint}, it sent more; \
                     stopping rather than print a partial or repeated list"
                ),
            }),
            Err(Unreadable::TooMany(n)) => Err(ProviderError::BadResponse {
                gateway: self.gateway,
                endpoint,
                detail: format!("more than {n} entries in one answer"),
            }),
            Err(Unreadable::Bad(detail)) => Err(ProviderError::BadResponse {
                gateway: self.gateway,
                endpoint,
                detail,
            }),
        }
    }

    /// Send a write whose answer carries nothing to read (any 2xx is success).
    pub async fn write(&self, req: Req) -> Result<(), ProviderError> {
        self.send(req).await.map(drop)
    }

    /// Send with retries; the body of a 2xx answer, else an error.
    async fn send(&self, req: Req) -> Result<bytes::Bytes, ProviderError> {
        let endpoint = self.endpoint(&req);
        let mut attempt = 0;
        loop {
            let failure = match self.attempt(&req, &endpoint).await {
                Ok(resp) => return Ok(resp),
                Err(f) => f,
            };
            if !(failure.retriable && req.idempotent && attempt < self.opts.retries) {
                return Err(self.exhausted(failure, attempt, &endpoint));
            }
            let wait = match failure.retry_after {
                // Only a rate limit that asks for too long a wait is a rate limit (exit 6);
                // a 503 announcing long maintenance keeps its own class.
                Some(w) if w > MAX_RETRY_AFTER && failure.error.class() == Class::RateLimited => {
                    return Err(ProviderError::RateLimited {
                        gateway: self.gateway,
                        endpoint,
                        retries: attempt,
                        message: format!(
                            "{}; it asks to wait {}s, try again later",
                            failure.error,
                            w.as_secs()
                        ),
                    })
                }
                Some(w) if w > MAX_RETRY_AFTER => return Err(failure.error),
                Some(w) => w,
                None => backoff(attempt),
            };
            let msg = format!(
                "{}; retrying in {:.1}s ({} of {})",
                failure.error,
                wait.as_secs_f32(),
                attempt + 1,
                self.opts.retries
            );
            if wait >= ANNOUNCE_WAIT {
                diag::note(&msg);
            } else {
                diag::trace(&msg);
            }
            tokio::time::sleep(wait).await;
            attempt += 1;
        }
    }

    async fn attempt(&self, req: &Req, endpoint: &str) -> Result<bytes::Bytes, Failure> {
        let url = format!("{}{}", self.base, req.path);
        let mut builder = self
            .client
            .request(req.method.clone(), &url)
            .headers(req.headers.clone());
        if !req.query.is_empty() {
            builder = builder.query(&req.query);
        }
        if let Some(body) = &req.body {
            builder = builder.body(body.clone());
        }
        let started = Instant::now();
        let request = builder.build().map_err(|e| self.transport(e, endpoint))?;
        let line = format!("{} {}", req.method, request.url());
        let log = |outcome: &str| {
            diag::trace(&format!(
                "{line} -> {outcome} in {} ms",
                started.elapsed().as_millis()
            ))
        };
        let resp = match self.client.execute(request).await {
            Ok(r) => r,
            Err(e) => {
                let failure = self.transport(e, endpoint);
                log(&format!("failed ({})", failure.error));
                return Err(failure);
            }
        };
        let status = resp.status();
        let headers = resp.headers().clone();
        let body = match self.read_capped(resp, endpoint).await {
            Ok(b) => b,
            Err(failure) => {
                log(&format!(
                    "HTTP {}, body failed ({})",
                    status.as_u16(),
                    failure.error
                ));
                return Err(failure);
            }
        };
        log(&format!("HTTP {}, {} bytes", status.as_u16(), body.len()));
        if status.is_success() {
            return Ok(body);
        }
        Err(self.status_failure(status, &headers, &body, endpoint))
    }

    async fn read_capped(
        &self,
        mut resp: reqwest::Response,
        endpoint: &str,
    ) -> Result<bytes::Bytes, Failure> {
        let limit = self.opts.max_body;
        if resp.content_length().is_some_and(|n| n > limit) {
            return Err(Failure::fatal(ProviderError::TooLarge {
                gateway: self.gateway,
                endpoint: endpoint.to_owned(),
                limit,
            }));
        }
        // Sized up front when the length is announced: no doubling copies of a large body.
        let announced = resp.content_length().unwrap_or(0).min(limit);
        let mut buf = bytes::BytesMut::with_capacity(announced as usize);
        while let Some(chunk) = resp
            .chunk()
            .await
            .map_err(|e| self.transport(e, endpoint))?
        {
            if buf.len() as u64 + chunk.len() as u64 > limit {
                return Err(Failure::fatal(ProviderError::TooLarge {
                    gateway: self.gateway,
                    endpoint: endpoint.to_owned(),
                    limit,
                }));
            }
            buf.extend_from_slice(&chunk);
        }
        Ok(buf.freeze())
    }

    /// `METHOD /path` with secrets redacted: how errors name the endpoint.
    fn endpoint(&self, req: &Req) -> String {
        crate::redact::redact(&format!("{} {}", req.method, req.path))
    }
}

/// Whether `url` can be a gateway's URL (http or https); the reason if not.
pub fn base_url_problem(url: &str) -> Option<String> {
    match reqwest::Url::parse(url.trim()) {
        Err(e) => Some(format!("not a URL: {e}")),
        Ok(u) if !matches!(u.scheme(), "http" | "https") => {
            Some(format!("scheme \"{}\" is not http or https", u.scheme()))
        }
        Ok(_) => None,
    }
}

/// The host `url` names when it is plain http to another machine, which a
/// profile must allow with `allow_insecure_http`.
pub fn remote_plain_http(url: &str) -> Option<String> {
    let url = reqwest::Url::parse(url.trim()).ok()?;
    (url.scheme() == "http" && !is_loopback(&url)).then(|| url.host_str().unwrap_or("").to_owned())
}

/// Whether `url` names this machine (`localhost`, 127.0.0.0/8, `::1`).
pub fn is_loopback(url: &reqwest::Url) -> bool {
    let host = url.host_str().unwrap_or("");
    host.eq_ignore_ascii_case("localhost")
        || host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(insecure: bool) -> HttpOptions {
        HttpOptions {
            timeout: Duration::from_secs(30),
            retries: 0,
            max_body: 1 << 20,
            allow_insecure_http: insecure,
            ca_file: None,
        }
    }

    #[test]
    fn plain_http_only_to_loopback_unless_allowed() {
        let c = |_: u16, _: &ErrorBody| Class::Transient;
        assert!(Http::new("http://127.0.0.1:3000", "t", c, opts(false)).is_ok());
        assert!(Http::new("http://localhost:3000/", "t", c, opts(false)).is_ok());
        assert!(Http::new("http://[::1]:3000", "t", c, opts(false)).is_ok());
        assert!(Http::new("https://gw.example.com", "t", c, opts(false)).is_ok());
        let e = Http::new("http://gw.example.com", "t", c, opts(false))
            .err()
            .unwrap();
        assert_eq!(e.class(), Class::Config);
        assert!(e.to_string().contains("allow_insecure_http"));
        assert!(Http::new("http://gw.example.com", "t", c, opts(true)).is_ok());
        assert!(Http::new("ftp://gw.example.com", "t", c, opts(true)).is_err());
    }
}
