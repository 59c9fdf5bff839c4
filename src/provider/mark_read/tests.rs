//! Choosing the unanswered messages, describing a write for `--dry-run`, and the retry rule
//! for writes (only an idempotent one is tried again).

use std::time::Duration;

use super::*;
use crate::provider::http::HttpOptions;
use crate::provider::{default_class, Class};
use crate::sandbox::{Faults, Sandbox};

#[test]
fn after_last_reply_stops_at_the_newest_own_message() {
    let items = [
        (Some(false), "c"),
        (None, "x"),
        (Some(false), "b"),
        (Some(true), "mine"),
        (Some(false), "a"),
    ];
    let got: Vec<&str> = after_last_reply(items.to_vec(), |m| m.0)
        .into_iter()
        .map(|m| m.1)
        .collect();
    assert_eq!(got, ["c", "b"]);
}

#[test]
fn describe_shows_method_path_query_and_body_with_secrets_hidden() {
    crate::redact::register_secret("tok-Describe-9x");
    let req = Req::get("/v2/chats/read")
        .query("access_token", "tok-Describe-9x")
        .query("chatId", "1@c.us")
        .into_post();
    assert_eq!(
        req.describe(),
        "POST /v2/chats/read?access_token=***&chatId=1%40c.us"
    );
    let long = serde_json::json!({ "keys": vec!["3EB0AAAAAAAAAAAAAAAA"; 40] });
    let d = Req::post_json("/chat/markMessageAsRead/x", &long).describe();
    assert!(
        d.starts_with("POST /chat/markMessageAsRead/x {\"keys\":[\"3EB0"),
        "{d}"
    );
    assert!(
        d.ends_with(&format!("… ({} bytes)", long.to_string().len())),
        "{d}"
    );
}

// See: issue 13 item 1 — a write is never retried unless the gateway's call is idempotent.
#[test]
fn a_write_is_retried_only_when_marked_idempotent() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let sb = Sandbox::start(Default::default()).await.unwrap();
        let opts = HttpOptions {
            timeout: Duration::from_secs(5),
            retries: 3,
            max_body: 1 << 20,
            allow_insecure_http: false,
            ca_file: None,
        };
        let classify = |s: u16, _: &crate::provider::body::ErrorBody| default_class(s);
        let http = Http::new(&sb.url("waha"), "WAHA", classify, opts).unwrap();
        let path = "/api/default/chats/1%40c.us/messages/read";
        let posts = || sb.journal().iter().filter(|h| h.method == "POST").count();
        sb.set_faults(Faults::from_spec("fail=1:503").unwrap());
        let e = http.write(Req::get(path).into_post()).await.unwrap_err();
        assert_eq!(e.class(), Class::Transient);
        assert_eq!(posts(), 1, "not idempotent: sent once");
        sb.set_faults(Faults::from_spec("fail=1:503").unwrap());
        let e = http
            .write(Req::get(path).into_post().idempotent())
            .await
            .unwrap_err();
        assert_eq!(
            e.class(),
            Class::Auth,
            "the retry got through (no key: 401)"
        );
        assert_eq!(posts(), 3, "idempotent: tried again");
    });
}
