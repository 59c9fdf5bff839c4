//! When to try a request again and how long to wait: refused or reset
//! connections, exponential back-off with jitter, and `Retry-After` in its
//! seconds and HTTP-date forms.

use std::time::Duration;

/// How long one `Retry-After` may make us wait before we give up at once.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(30);
/// First back-off step; doubles per retry, plus jitter.
const BACKOFF_BASE: Duration = Duration::from_millis(500);

/// A refused, reset or dropped connection. Asked through reqwest's own
/// predicates (a request that failed once sent, a body cut off) and the std
/// `io::Error` kinds in its causes (a refused connect), never hyper's types,
/// which change with hyper's major versions. Timeouts and TLS or DNS
/// failures are not retried here.
pub fn is_refused_or_reset(e: &reqwest::Error) -> bool {
    use std::io::ErrorKind::*;
    if e.is_timeout() {
        return false;
    }
    // Sent, but the connection closed or broke before a whole answer came back.
    if (e.is_request() && !e.is_connect()) || e.is_body() {
        return true;
    }
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

    /// The error reqwest gives for a GET to `addr` (sending or reading the body), 1 s timeout.
    fn error_from(addr: std::net::SocketAddr) -> reqwest::Error {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(1))
            .build()
            .unwrap();
        let url = format!("http://{addr}/");
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            match client.get(url).send().await {
                Ok(resp) => resp.bytes().await.unwrap_err(),
                Err(e) => e,
            }
        })
    }

    /// A server that reads the request, then acts on the connection with `answer`.
    fn server(answer: impl Fn(std::net::TcpStream) + Send + 'static) -> std::net::SocketAddr {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        std::thread::spawn(move || {
            if let Ok((mut stream, _)) = listener.accept() {
                let mut buf = [0u8; 1024];
                let _ = std::io::Read::read(&mut stream, &mut buf);
                answer(stream);
            }
        });
        addr
    }

    // See: issue 10 item 7 — this used to downcast to hyper::Error.
    #[test]
    fn dropped_truncated_and_refused_connections_are_retried_timeouts_not() {
        let closed = server(drop);
        assert!(
            is_refused_or_reset(&error_from(closed)),
            "closed before answering"
        );
        let half = server(|mut s| {
            let _ = std::io::Write::write_all(&mut s, b"HTTP/1.1 200 OK\r\ncontent-len");
        });
        assert!(is_refused_or_reset(&error_from(half)), "headers cut off");
        let short = server(|mut s| {
            let _ = std::io::Write::write_all(
                &mut s,
                b"HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n{\"a\"",
            );
        });
        assert!(is_refused_or_reset(&error_from(short)), "body cut off");
        let refused = {
            let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            l.local_addr().unwrap()
        };
        assert!(is_refused_or_reset(&error_from(refused)), "refused");
        let silent = server(|s| {
            std::thread::sleep(Duration::from_secs(3));
            drop(s);
        });
        assert!(
            !is_refused_or_reset(&error_from(silent)),
            "a timeout is not retried here"
        );
    }

    #[test]
    fn backoff_grows() {
        assert!(backoff(0) < Duration::from_millis(1001));
        assert!(backoff(2) >= Duration::from_secs(2));
    }
}
