//! Unit tests of fault injection, the control endpoint and the generated inbox.

use super::creds::*;
use super::tests::{get, json, start};
use super::*;

#[test]
fn faults_from_spec() {
    let f = Faults::from_spec(
        "fail=3:503, retry-after=2,stall,truncate,html,xml,wrong-type,drop,latency=20ms",
    )
    .expect("valid");
    assert_eq!(
        (f.fail_first, f.fail_status, f.retry_after.as_deref()),
        (3, 503, Some("2"))
    );
    assert!(f.stall && f.truncate && f.html && f.xml && f.wrong_type && f.drop);
    assert_eq!(f.latency, Some(std::time::Duration::from_millis(20)));
    let f =
        Faults::from_spec("retry-after=Wed, 21 Oct 2015 07:28:00 GMT,latency=2s").expect("valid");
    assert_eq!(
        f.retry_after.as_deref(),
        Some("Wed, 21 Oct 2015 07:28:00 GMT")
    );
    assert_eq!(f.latency, Some(std::time::Duration::from_secs(2)));
    assert_eq!(Faults::from_spec(""), Ok(Faults::default()));
    let e = Faults::from_spec("fail=3:503,boom").expect_err("invalid");
    assert!(e.contains("boom") && e.contains("wrong-type"), "{e}");
}

#[tokio::test]
async fn fail_first_then_recover_and_control_endpoint() {
    let sb = start(30).await;
    let url = format!("{}/api/default/chats", sb.url("waha"));
    let h = [("x-api-key", WAHA_KEY)];
    sb.set_faults(Faults::from_spec("fail=2:429,retry-after=1").expect("spec"));
    let (st, _, hs) = get(&url, &h).await;
    assert_eq!(st, 429);
    assert!(hs.iter().any(|(k, v)| k == "retry-after" && v == "1"));
    assert_eq!(get(&url, &h).await.0, 429);
    assert_eq!(get(&url, &h).await.0, 200);
    let c = reqwest::Client::new();
    let r = c
        .post(format!("http://{}/_sandbox/faults", sb.addr()))
        .body("fail=1:502")
        .send()
        .await
        .expect("post");
    assert_eq!(r.status().as_u16(), 200);
    let (st, body, _) = get(&url, &h).await;
    assert_eq!(st, 502);
    assert!(body.contains("<title>502 Bad Gateway</title>"));
    let r = c
        .post(format!("http://{}/_sandbox/faults", sb.addr()))
        .body("nonsense")
        .send()
        .await
        .expect("post");
    assert_eq!(r.status().as_u16(), 400);
    sb.set_faults(Faults {
        truncate: true,
        ..Default::default()
    });
    let r = c
        .get(&url)
        .header("x-api-key", WAHA_KEY)
        .send()
        .await
        .expect("headers arrive");
    assert!(r.text().await.is_err(), "truncated body is an error");
    sb.set_faults(Faults {
        drop: true,
        ..Default::default()
    });
    assert!(c
        .get(&url)
        .header("x-api-key", WAHA_KEY)
        .send()
        .await
        .is_err());
    sb.set_faults(Faults::default());
    assert_eq!(
        get(&format!("http://{}/_sandbox/health", sb.addr()), &[])
            .await
            .0,
        200
    );
    let j = sb.journal();
    assert!(j
        .iter()
        .any(|h| h.path == "/waha/api/default/chats" && h.status == 429));
    assert!(j
        .iter()
        .all(|h| h.headers.iter().all(|(k, _)| *k == k.to_lowercase())));
}

#[test]
fn inbox_is_deterministic_and_ordered() {
    let a = demo_inbox_at(100_000, 7, None, 1_800_000_000);
    let b = demo_inbox_at(100_000, 7, None, 1_800_000_000);
    assert_eq!(a[99_000], b[99_000]);
    assert_eq!(a.iter().filter(|c| c.jid == "status@broadcast").count(), 1);
    assert_eq!(a.iter().filter(|c| c.jid == "0@s.whatsapp.net").count(), 1);
    assert_eq!(a.iter().filter(|c| c.last_activity.is_none()).count(), 3);
    assert!(a
        .windows(2)
        .all(|w| match (w[0].last_activity, w[1].last_activity) {
            (Some(x), Some(y)) => x > y,
            (_, None) => true,
            (None, Some(_)) => false,
        }));
    let mut jids: Vec<&str> = a.iter().map(|c| c.jid.as_str()).collect();
    jids.sort_unstable();
    jids.dedup();
    assert_eq!(jids.len(), 100_000);
}

/// One messages request per gateway: (method, url, headers, body).
type Request = (reqwest::Method, String, Vec<(&'static str, String)>, String);

fn messages_requests(sb: &Sandbox) -> Vec<Request> {
    use reqwest::Method;
    let c = &sb.chats()[0];
    let enc = |s: &str| s.replace('@', "%40");
    let gowa_auth = format!(
        "Basic {}",
        super::gowa::base64(format!("{GOWA_USER}:{GOWA_PASSWORD}").as_bytes())
    );
    vec![
        (Method::GET, format!("{}/chat/{}/messages", sb.url("gowa"), enc(&c.jid)), vec![("authorization", gowa_auth)], String::new()),
        (Method::GET, format!("{}/v2/chats/messages?instance_id={WAWP_INSTANCE}&access_token={WAWP_TOKEN}&chatId={}", sb.url("wawp"), enc(&c.c_us())), vec![], String::new()),
        (Method::POST, format!("{}/waInstance{GREEN_INSTANCE}/getChatHistory/{GREEN_TOKEN}", sb.url("green-api")), vec![], format!("{{\"chatId\":\"{}\",\"count\":5}}", c.c_us())),
        (Method::GET, format!("{}/api/v1/sessions/{GATEWAY_SESSION}/chats/{}/messages", sb.url("whatsapp-gateway"), enc(&c.jid)), vec![("x-api-key", GATEWAY_TOKEN.to_string())], String::new()),
        (Method::GET, format!("{}/api/default/chats/{}/messages?downloadMedia=false", sb.url("waha"), enc(&c.c_us())), vec![("x-api-key", WAHA_KEY.to_string())], String::new()),
        (Method::POST, format!("{}/chat/findMessages/{EVOLUTION_INSTANCE}", sb.url("evolution")), vec![("apikey", EVOLUTION_KEY.to_string())], format!("{{\"where\":{{\"key\":{{\"remoteJid\":\"{}\"}}}}}}", c.jid)),
    ]
}

#[tokio::test]
async fn faults_apply_to_every_messages_route() {
    let sb = start(30).await;
    let c = reqwest::Client::new();
    for (method, url, headers, body) in messages_requests(&sb) {
        let send = || {
            let mut rb = c.request(method.clone(), &url).body(body.clone());
            for (k, v) in &headers {
                rb = rb.header(*k, v);
            }
            rb.send()
        };
        sb.set_faults(Faults::from_spec("fail=1:503").expect("spec"));
        assert_eq!(send().await.expect("503").status().as_u16(), 503, "{url}");
        let ok = send().await.expect("200");
        assert_eq!(ok.status().as_u16(), 200, "{url}");
        assert!(ok.text().await.expect("body").starts_with(['[', '{']));
        sb.set_faults(Faults::from_spec("html").expect("spec"));
        let r = send().await.expect("html");
        assert!(r.text().await.expect("body").contains("nginx"), "{url}");
    }
}

// See: issue 9 — a gateway that echoes the credentials it got, in every
// encoding and place, from a test, `--fault` or `POST /_sandbox/faults`.
#[tokio::test]
async fn echo_fault_repeats_the_request_credentials_in_each_encoding_and_place() {
    use base64::Engine;
    let sb = start(30).await;
    let url = format!("{}/api/default/chats", sb.url("waha"));
    let key = "Wq  h@/+%2B";
    let h = [("x-api-key", key)];
    let b64 = base64::engine::general_purpose::STANDARD.encode(key);
    for (encoding, want) in [
        ("raw", key),
        ("upper", "Wq%20%20h%40%2F%2B%252B"),
        ("lower", "Wq%20%20h%40%2f%2b%252B"),
        ("form", "Wq++h%40%2F%2B%252B"),
        ("base64", b64.as_str()),
        ("json", "Wq  h@\\/+%2B"),
        ("spaces", "Wq h@/+%2B"),
    ] {
        sb.set_faults(Faults::from_spec(&format!("echo={encoding}:text")).expect("spec"));
        let (st, body, _) = get(&url, &h).await;
        assert_eq!(st, 200);
        assert!(body.contains(want), "{encoding}: {body}");
    }
    let c = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    for (place, status) in [
        ("json", 400),
        ("html", 401),
        ("location", 302),
        ("www-authenticate", 401),
    ] {
        let r = c
            .post(format!("http://{}/_sandbox/faults", sb.addr()))
            .body(format!("echo=raw:{place}"))
            .send()
            .await
            .expect("post");
        assert_eq!(r.status().as_u16(), 200);
        // Not `get`: it would follow the redirect.
        let r = c
            .get(&url)
            .header("x-api-key", key)
            .send()
            .await
            .expect("get");
        let st = r.status().as_u16();
        let hs: Vec<(String, String)> = r
            .headers()
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_owned()))
            .collect();
        let body = r.text().await.expect("body");
        assert_eq!(st, status, "{place}");
        let seen = match place {
            "location" | "www-authenticate" => {
                hs.iter().any(|(k, v)| k == place && v.contains(key))
            }
            "html" => body.contains(&format!("<title>you sent {key}")),
            _ => body.contains(key),
        };
        assert!(seen, "{place}: {body} {hs:?}");
    }
    assert!(Faults::from_spec("echo").expect("default").echo.is_some());
    assert!(Faults::from_spec("echo=rot13:text").is_err());
    assert!(Faults::from_spec("echo=raw:nowhere").is_err());
}

#[tokio::test]
async fn paging_faults_apply_to_messages_routes() {
    let sb = start(30).await;
    let reqs = messages_requests(&sb);
    let c = reqwest::Client::new();
    let fetch = |i: usize, extra: &str| {
        let (_, url, headers, _) = &reqs[i];
        let sep = if url.contains('?') { '&' } else { '?' };
        let mut rb = c.get(format!("{url}{sep}{extra}"));
        for (k, v) in headers {
            rb = rb.header(*k, v);
        }
        async move { json(&rb.send().await.expect("send").text().await.expect("body")) }
    };
    sb.set_faults(Faults::from_spec("repeat-pages").expect("spec"));
    let first = fetch(3, "limit=5").await;
    let cursor = first["nextCursor"].as_str().expect("cursor").to_string();
    let again = fetch(3, &format!("limit=5&cursor={cursor}")).await;
    assert_eq!(first["data"], again["data"], "the same rows again");
    assert_ne!(again["nextCursor"].as_str(), Some(cursor.as_str()));
    let waha_first = fetch(4, "limit=5").await;
    assert_eq!(waha_first, fetch(4, "limit=5&offset=5").await);
    sb.set_faults(Faults::from_spec("oversized-pages,growing-total").expect("spec"));
    let v = fetch(0, "limit=5").await;
    assert_eq!(v["results"]["data"].as_array().map(Vec::len), Some(50));
    let rows = sb.chats()[0]
        .messages()
        .filter(|m| m.listed_by("gowa"))
        .count();
    assert!(v["results"]["pagination"]["total"].as_u64().unwrap() as usize > rows);
}
