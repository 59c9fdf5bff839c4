//! HTTP plumbing of the sandbox: accepts connections (hyper 1, http1, keep-alive), applies the
//! injected faults, routes by gateway prefix and records the journal.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{combinators::BoxBody, BodyExt, Full, StreamBody};
use hyper::body::{Frame, Incoming};

use hyper_util::rt::TokioIo;

use super::http::{parse_query, reason, Req, Resp};
use super::state::Shared;
use super::{Faults, Hit};
use crate::gateways::{gateways, NAMES};

type Body = BoxBody<Bytes, std::io::Error>;

/// Accept loop; connections live in a JoinSet so aborting this task closes them all.
pub(super) async fn run(listener: tokio::net::TcpListener, shared: Arc<Shared>) {
    let mut conns = tokio::task::JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    let sh = shared.clone();
                    conns.spawn(async move {
                        let svc = hyper::service::service_fn(move |req| serve(sh.clone(), req));
                        let _ = hyper::server::conn::http1::Builder::new()
                            .keep_alive(true)
                            .serve_connection(TokioIo::new(stream), svc)
                            .await;
                    });
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(5)).await,
            },
            Some(_) = conns.join_next(), if !conns.is_empty() => {}
        }
    }
}

async fn serve(
    sh: Arc<Shared>,
    req: hyper::Request<Incoming>,
) -> Result<hyper::Response<Body>, std::io::Error> {
    let (parts, body) = req.into_parts();
    let path = parts.uri.path().to_string();
    let raw_query = parts.uri.query().unwrap_or("").to_string();
    let headers: Vec<(String, String)> = parts
        .headers
        .iter()
        .map(|(k, v)| {
            (
                k.as_str().to_ascii_lowercase(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    let hit = Hit {
        method: parts.method.to_string(),
        path: path.clone(),
        query: raw_query.clone(),
        headers: headers.clone(),
        status: 0,
    };
    let body = body
        .collect()
        .await
        .map(|c| c.to_bytes())
        .unwrap_or_default();

    let trimmed = path.trim_start_matches('/');
    let (prefix, rest) = trimmed
        .split_once('/')
        .map_or((trimmed, "/".to_string()), |(p, r)| (p, format!("/{r}")));
    let control = prefix == "_sandbox";
    let (faults, fail) = if control {
        (Faults::default(), false)
    } else {
        sh.take_faults()
    };

    let delay = sh
        .latency
        .saturating_add(faults.latency.unwrap_or_default());
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    if faults.drop {
        sh.record(&hit, 0);
        return Err(std::io::Error::other("sandbox fault: drop"));
    }
    if faults.stall {
        sh.record(&hit, 0);
        tokio::time::sleep(Duration::from_secs(3600)).await;
        return Err(std::io::Error::other("sandbox fault: stall"));
    }

    let r = Req {
        method: parts.method.to_string(),
        path: rest,
        query: parse_query(&raw_query),
        headers,
        body,
        paging: faults.paging,
    };
    let mut resp = if fail {
        let status = if faults.fail_status == 0 {
            503
        } else {
            faults.fail_status
        };
        let mut e = failure(prefix, status);
        if let Some(ra) = &faults.retry_after {
            e = e.header("retry-after", ra);
        }
        e
    } else if control {
        control_route(&sh, &r)
    } else {
        route(&sh, prefix, &r)
    };
    if !fail && !control {
        if faults.html {
            resp = Resp::typed(200, "text/html; charset=utf-8", "<!DOCTYPE html>\n<html><head><title>Welcome to nginx!</title></head>\n<body><h1>Welcome to nginx!</h1><p>If you see this page, the nginx web server is successfully installed.</p></body></html>\n");
        } else if faults.xml {
            resp = Resp::typed(200, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<response><status>200</status><message>Operation completed successfully</message><data/></response>\n");
        } else if faults.wrong_type {
            resp = Resp::text(200, "OK\nstatus=ready; chats: 3 {not json\n");
        } else if let Some(echo) = &faults.echo {
            resp = echo.response(&r);
        }
    }
    sh.record(&hit, resp.status);
    Ok(to_hyper(resp, faults.truncate && !control))
}

fn to_hyper(resp: Resp, truncate: bool) -> hyper::Response<Body> {
    let status = hyper::StatusCode::from_u16(resp.status)
        .unwrap_or(hyper::StatusCode::INTERNAL_SERVER_ERROR);
    let mut b = hyper::Response::builder().status(status);
    // Non-standard statuses (Green API 466/499) get a phrase instead of hyper's "<none>".
    if status.canonical_reason().is_none() {
        let phrase: &'static [u8] = match resp.status {
            466 => b"Quota Exceeded",
            499 => b"Client Closed Request",
            _ => b"Error",
        };
        b = b.extension(hyper::ext::ReasonPhrase::from_static(phrase));
    }
    for (k, v) in &resp.headers {
        b = b.header(k.as_str(), v.as_str());
    }
    let len = resp.body.len();
    let body: Body = if truncate {
        b = b.header("content-length", len.to_string());
        let half = Bytes::from(resp.body[..len / 2].to_vec());
        // Let hyper flush the headers and the first half before the body fails (connection closes).
        let first = futures_util::stream::iter([Ok::<_, std::io::Error>(Frame::data(half))]);
        let fail = futures_util::stream::once(async {
            tokio::time::sleep(Duration::from_millis(50)).await;
            Err(std::io::Error::other("sandbox fault: truncate"))
        });
        BodyExt::boxed(StreamBody::new(futures_util::StreamExt::chain(first, fail)))
    } else {
        Full::new(Bytes::from(resp.body))
            .map_err(|e: Infallible| match e {})
            .boxed()
    };
    b.body(body).unwrap_or_else(|_| {
        let mut r = hyper::Response::new(
            Full::new(Bytes::new())
                .map_err(|e: Infallible| match e {})
                .boxed(),
        );
        *r.status_mut() = hyper::StatusCode::INTERNAL_SERVER_ERROR;
        r
    })
}

fn route(sh: &Shared, prefix: &str, r: &Req) -> Resp {
    macro_rules! route {
        (($sh:expr, $prefix:expr, $r:expr) $($variant:ident $name:literal $provider:ident $sandbox:ident;)*) => {
            match $prefix {
                $($name => super::$sandbox::handle($r, $sh),)*
                _ => Resp::text(
                    404,
                    &format!(
                        "sandbox: no gateway `{}`; use one of {}\n",
                        $prefix,
                        NAMES.join(", ")
                    ),
                ),
            }
        };
    }
    gateways!(route; sh, prefix, r)
}

/// An injected failure: a reverse proxy's HTML page for 502–504, else the gateway's own error.
fn failure(prefix: &str, status: u16) -> Resp {
    if (502..=504).contains(&status) {
        let t = format!("{status} {}", reason(status));
        let page = format!("<html>\r\n<head><title>{t}</title></head>\r\n<body>\r\n<center><h1>{t}</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n");
        return Resp::typed(status, "text/html", &page);
    }
    macro_rules! error {
        (($prefix:expr, $status:expr) $($variant:ident $name:literal $provider:ident $sandbox:ident;)*) => {
            match $prefix {
                $($name => super::$sandbox::error($status),)*
                _ => Resp::text($status, reason($status)),
            }
        };
    }
    gateways!(error; prefix, status)
}

fn control_route(sh: &Shared, r: &Req) -> Resp {
    match (r.method.as_str(), r.path.as_str()) {
        ("GET", "/health") => Resp::text(200, "ok"),
        ("GET", "/receipts") => Resp::json(200, &serde_json::json!(sh.receipts())),
        ("POST", "/faults") => match Faults::from_spec(&String::from_utf8_lossy(&r.body)) {
            Ok(f) => {
                sh.set_faults(f);
                Resp::text(200, "ok")
            }
            Err(e) => Resp::text(400, &e),
        },
        ("POST", "/incoming") => {
            match super::Incoming::parse(&r.body).and_then(|i| sh.deliver(i)) {
                Ok(d) => Resp::json(
                    201,
                    &serde_json::json!({
                        "chat": d.chat, "id": d.message.id, "at": d.message.timestamp,
                        "from_me": d.message.from_me, "sender": d.message.sender,
                        "text": d.message.text,
                    }),
                ),
                Err(e) => Resp::text(400, &e),
            }
        }
        _ => Resp::text(
            404,
            "sandbox: control routes are GET /_sandbox/health, GET /_sandbox/receipts, \
             POST /_sandbox/faults and POST /_sandbox/incoming",
        ),
    }
}
