//! When to try a request again and how long to wait: refused or reset
//! connections, exponential back-off with jitter, and `Retry-After` in its
//! seconds and HTTP-date forms.

use std::time::Duration;

/// How long one `Retry-After` may make us wait before we give up at once.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(30);
/// First back-off step; doubles per retry, plus jitter.
const BACKOFF_BASE: Duration = Duration::from_millis(500);

/// A refused, reset or dropped connection, anywhere in the error's causes.
pub fn is_refused_or_reset(e: &reqwest::Error) -> bool {
    use std::io::ErrorKind::*;
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(s) = source {
        if let Some(io) = s.downcast_ref::<std::io::Error>() {
            if matches!(
                io.kind(),
                ConnectionRefused
                    | ConnectionReset
                    | ConnectionAborted
                    | BrokenPipe
                    | UnexpectedEof
            ) {
                return true;
            }
        }
        if s.downcast_ref::<hyper::Error>()
            .is_some_and(|h| h.is_incomplete_message() || h.is_closed())
        {
            return true;
        }
        source = s.source();
    }
    false
}

pub fn backoff(attempt: u32) -> Duration {
    let base = BACKOFF_BASE * 2u32.saturating_pow(attempt.min(6));
    base + Duration::from_millis(fastrand::u64(0..=BACKOFF_BASE.as_millis() as u64))
}

/// `Retry-After` as seconds or an HTTP-date.
pub fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(
        when.duration_since(std::time::SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_seconds_and_http_date() {
        assert_eq!(parse_retry_after("7"), Some(Duration::from_secs(7)));
        let future = std::time::SystemTime::now() + Duration::from_secs(120);
        let d = parse_retry_after(&httpdate::fmt_http_date(future)).unwrap();
        assert!(
            d > Duration::from_secs(100) && d <= Duration::from_secs(120),
            "{d:?}"
        );
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon"), None);
    }

    #[test]
    fn backoff_grows() {
        assert!(backoff(0) < Duration::from_millis(1001));
        assert!(backoff(2) >= Duration::from_secs(2));
    }
}
