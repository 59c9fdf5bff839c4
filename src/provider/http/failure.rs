//! One failed attempt turned into a `ProviderError`, with whether (and
//! after how long) it is worth another: non-2xx answers through the gateway's
//! `classify`, transport failures (timeouts, refused or dropped connections)
//! with their URLs removed and their messages redacted.

use std::time::Duration;

use reqwest::header::HeaderMap;
use reqwest::StatusCode;

use super::{ErrorBody, Http};
use crate::provider::retry::{is_refused_or_reset, parse_retry_after};
use crate::provider::{Class, ProviderError};

pub(super) struct Failure {
    pub error: ProviderError,
    pub retriable: bool,
    pub retry_after: Option<Duration>,
}

impl Failure {
    pub fn fatal(error: ProviderError) -> Failure {
        Failure {
            error,
            retriable: false,
            retry_after: None,
        }
    }
}

/// The error and its causes in one line, without the URL (which may hold secrets).
fn error_chain(e: &reqwest::Error) -> String {
    let mut parts = vec![e.to_string()];
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        let text = s.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = s.source();
    }
    parts.join(": ")
}

impl Http {
    /// Out of retries: a rate limit retried at least once says so.
    pub(super) fn exhausted(
        &self,
        failure: Failure,
        attempt: u32,
        endpoint: &str,
    ) -> ProviderError {
        match failure.error {
            ProviderError::Status {
                class: Class::RateLimited,
                message,
                ..
            } if attempt > 0 => ProviderError::RateLimited {
                gateway: self.gateway,
                endpoint: endpoint.to_owned(),
                retries: attempt,
                message,
            },
            e => e,
        }
    }

    /// A non-2xx answer: its class (the gateway's `classify`), message, and retry advice.
    pub(super) fn status_failure(
        &self,
        status: StatusCode,
        headers: &HeaderMap,
        body: &[u8],
        endpoint: &str,
    ) -> Failure {
        let code = status.as_u16();
        if status.is_redirection() {
            let location = headers
                .get("location")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("?");
            return Failure::fatal(ProviderError::Redirect {
                gateway: self.gateway,
                endpoint: endpoint.to_owned(),
                status: code,
                location: crate::redact::redact(location),
            });
        }
        let content_type = headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let parsed = ErrorBody::read(content_type, body);
        let class = (self.classify)(code, &parsed);
        if code == 429 {
            self.throttled
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        let retriable = matches!(code, 429 | 499 | 502 | 503 | 504)
            && matches!(class, Class::RateLimited | Class::Transient);
        let retry_after = headers
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(parse_retry_after);
        let mut message = crate::redact::redact(&parsed.message);
        if message.is_empty() {
            message = status.canonical_reason().unwrap_or("no message").to_owned();
        }
        if let Some(extra) = self.describe.and_then(|d| d(&parsed)) {
            message = format!("{message} ({})", crate::redact::line(&extra, 100));
        }
        let error = ProviderError::Status {
            gateway: self.gateway,
            endpoint: endpoint.to_owned(),
            status: code,
            class,
            message,
            code: parsed.code.clone(),
        };
        Failure {
            error,
            retriable,
            retry_after,
        }
    }

    /// No answer: a timeout, a refused or dropped connection, TLS, DNS.
    pub(super) fn transport(&self, e: reqwest::Error, endpoint: &str) -> Failure {
        let timed_out = e.is_timeout();
        let retriable = !timed_out && is_refused_or_reset(&e);
        let host = host_of(&e);
        let cut = e.is_body() || e.is_decode();
        let chain = crate::redact::redact(&error_chain(&e.without_url()));
        let error = if timed_out {
            ProviderError::Timeout {
                gateway: self.gateway,
                endpoint: endpoint.to_owned(),
                after: self.opts.timeout,
            }
        } else if cut {
            ProviderError::Cut {
                gateway: self.gateway,
                endpoint: endpoint.to_owned(),
            }
        } else {
            ProviderError::Network {
                gateway: self.gateway,
                endpoint: endpoint.to_owned(),
                message: explain(&chain, &host),
            }
        };
        // Refused and reset connections are worth another try; a timeout already
        // waited long, and TLS or DNS failures will not mend by themselves.
        Failure {
            error,
            retriable,
            retry_after: None,
        }
    }
}

/// `host[:port]` of the request that failed (hosts hold no secret; redacted anyway).
fn host_of(e: &reqwest::Error) -> String {
    let Some(url) = e.url() else {
        return "the gateway".to_owned();
    };
    let host = url.host_str().unwrap_or("?");
    crate::redact::redact(&match url.port() {
        Some(p) => format!("{host}:{p}"),
        None => host.to_owned(),
    })
}

/// A transport failure as a sentence that names the host and says what to do.
fn explain(chain: &str, host: &str) -> String {
    let last = chain.rsplit(": ").next().unwrap_or(chain);
    if chain.contains("dns error") {
        format!("cannot resolve the host name {host} ({last}); check base_url")
    } else if chain.contains("refused") {
        format!("{host} refused the connection (is the gateway running, and is base_url right?)")
    } else if let Some(tls) = super::tls::explain(chain, host) {
        tls
    } else {
        format!("{host}: {chain}")
    }
}

#[cfg(test)]
mod tests {
    use super::explain;

    /// reqwest's own words for a failed lookup, as seen against a real resolver.
    #[test]
    fn dns_failure_names_the_host() {
        let chain = "error sending request: client error (Connect): dns error: failed to \
                     lookup address information: Name or service not known";
        assert_eq!(
            explain(chain, "wa.example.invalid"),
            "cannot resolve the host name wa.example.invalid (Name or service not known); \
             check base_url"
        );
    }
}
