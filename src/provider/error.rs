//! `ProviderError`: the only error type that leaves `provider/`. It carries a
//! `Class` that `exit.rs` maps to an exit code, and messages that are already
//! one line, sanitised and redacted (built by `http.rs`), so the edge can print
//! them as they are.

use std::time::Duration;

/// What went wrong, in the terms of the exit-code table (PROVIDERS.md §10.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Credentials refused (401/403).
    Auth,
    /// Instance, session or device missing or not ready.
    NotFound,
    /// Throttled or out of quota.
    RateLimited,
    /// Network failure, timeout, or the gateway's 5xx.
    Transient,
    /// The gateway answered, but not in the shape it documents.
    BadResponse,
    /// The gateway cannot do what was asked.
    Unsupported,
    /// The profile points somewhere wrong (unknown route, redirect).
    Config,
    /// The gateway refused the request itself (400 and the like).
    BadRequest,
}

#[derive(Debug, thiserror::Error)]
pub enum ProviderError {
    /// A non-2xx answer. `message` is the gateway's own, cut to one line.
    #[error("{gateway} answered HTTP {status} on {endpoint}: {message}")]
    Status {
        gateway: &'static str,
        endpoint: String,
        status: u16,
        class: Class,
        message: String,
        code: Option<String>,
    },

    #[error("{gateway} did not answer within {}s on {endpoint} (raise --timeout or `timeout` in the profile)", .after.as_secs_f32())]
    Timeout {
        gateway: &'static str,
        endpoint: String,
        after: Duration,
    },

    #[error("cannot reach {gateway} at {endpoint}: {message}")]
    Network {
        gateway: &'static str,
        endpoint: String,
        message: String,
    },

    /// The connection closed before the whole answer arrived.
    #[error("{gateway} closed the connection mid-answer on {endpoint} (the answer was cut short)")]
    Cut {
        gateway: &'static str,
        endpoint: String,
    },

    #[error("{gateway} sent an unreadable answer on {endpoint}: {detail}")]
    BadResponse {
        gateway: &'static str,
        endpoint: String,
        detail: String,
    },

    /// The gateway broke paging (repeated items or cursors, pages larger than asked).
    #[error("{gateway} {detail}")]
    Paging {
        gateway: &'static str,
        detail: String,
    },

    #[error("{gateway} sent more than {limit} bytes on {endpoint}; raise `max_body_size` in the profile if this is expected")]
    TooLarge {
        gateway: &'static str,
        endpoint: String,
        limit: u64,
    },

    #[error("{gateway} redirected {endpoint} to {location} (HTTP {status}); fix base_url (http vs https?) — redirects are not followed, they could replay credentials")]
    Redirect {
        gateway: &'static str,
        endpoint: String,
        status: u16,
        location: String,
    },

    #[error("{message}")]
    Unsupported { message: String },

    /// The profile cannot work as written (bad URL, plain http to a remote host).
    #[error("{message}")]
    Config { message: String },

    #[error("rate limit of {gateway} persists after {retries} retries on {endpoint}: {message}")]
    RateLimited {
        gateway: &'static str,
        endpoint: String,
        retries: u32,
        message: String,
    },
}

impl ProviderError {
    pub fn class(&self) -> Class {
        match self {
            ProviderError::Status { class, .. } => *class,
            ProviderError::Timeout { .. }
            | ProviderError::Network { .. }
            | ProviderError::Cut { .. } => Class::Transient,
            ProviderError::BadResponse { .. }
            | ProviderError::TooLarge { .. }
            | ProviderError::Paging { .. } => Class::BadResponse,
            ProviderError::Redirect { .. } | ProviderError::Config { .. } => Class::Config,
            ProviderError::Unsupported { .. } => Class::Unsupported,
            ProviderError::RateLimited { .. } => Class::RateLimited,
        }
    }

    pub fn unsupported(message: impl Into<String>) -> ProviderError {
        ProviderError::Unsupported {
            message: message.into(),
        }
    }
}
