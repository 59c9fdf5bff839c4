//! Wawp parsing and error classes. Fixtures in tests/fixtures/wawp/:
//! `overview_keyed.json` is the example of https://api.wawp.net/en/docs/v2/chats/overview
//! (PROVIDERS.md §2), `overview_array.json` the same record in the array form
//! the page's prose describes, `chats_placeholder.json` the placeholder the
//! `/v2/chats` page shows, and `chats_id_forms.json` the WAHA pass-through §2
//! expects (UNCONFIRMED), with both id forms.

use super::*;
use crate::provider::body::parse_json;
use serde_json::json;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/wawp/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn overview(body: &[u8]) -> Vec<serde_json::Value> {
    let items: Items<engine::OverviewItem> = parse_json(body).unwrap();
    items
        .0
        .into_iter()
        .map(|w| {
            serde_json::to_value(engine::overview_chat("p", Dialect::Wawp, w).unwrap()).unwrap()
        })
        .collect()
}

// See: PROVIDERS.md §2 trap 1 — the documented overview example is an object keyed "0".
#[test]
fn wawp_overview_accepts_keyed_object() {
    let rows = overview(&fixture("overview_keyed.json"));
    assert_eq!(
        rows,
        vec![json!({
            "profile": "p", "provider": "wawp",
            "id": "201234567890@c.us", "jid": "201234567890@s.whatsapp.net",
            "phone": "201234567890", "kind": "direct", "name": "John Doe",
            "unread_count": 5, "last_activity_at": "2024-07-28T12:40:00Z",
            "last_message": {"id": "ABC123", "body": "Hello!", "at": "2024-07-28T12:40:00Z", "from_me": null},
            "archived": null, "pinned": null, "muted_until": null,
            "ephemeral_seconds": null, "aliases": null
        })]
    );
}

#[test]
fn wawp_overview_array_and_keyed_give_same_records() {
    assert_eq!(
        overview(&fixture("overview_array.json")),
        overview(&fixture("overview_keyed.json"))
    );
}

#[test]
fn wawp_overview_keyed_object_orders_by_integer_key() {
    let body = br#"{"10": {"id": "10@c.us"}, "2": {"id": "2@c.us"}, "0": {"id": "0@g.us"}}"#;
    let ids: Vec<_> = overview(body)
        .into_iter()
        .map(|r| r["id"].clone())
        .collect();
    assert_eq!(
        ids,
        vec![json!("0@g.us"), json!("2@c.us"), json!("10@c.us")]
    );
}

// See: PROVIDERS.md §2 "List": `id` is a string or WAHA's {server, user, _serialized}.
#[test]
fn wawp_id_object_serialized() {
    let items: Items<engine::EngineChat> = parse_json(&fixture("chats_id_forms.json")).unwrap();
    let rows: Vec<Chat> = items
        .0
        .into_iter()
        .map(|w| engine::list_chat("p", Dialect::Wawp, w).unwrap())
        .collect();
    assert_eq!(rows[0].id, "201234567890@c.us");
    assert_eq!(
        rows[0].last_activity_at.unwrap().to_string(),
        "2024-07-28T12:40:00Z"
    );
    assert_eq!(
        (rows[0].unread_count, rows[0].archived, rows[0].pinned),
        (None, None, None)
    );
    assert_eq!(rows[1].id, "120363025246125888@g.us");
    assert_eq!(rows[1].kind, crate::chat::Kind::Group);
    assert_eq!(rows[1].unread_count, Some(2));
    assert_eq!(
        (rows[1].archived, rows[1].pinned),
        (Some(false), Some(true))
    );
    assert_eq!(
        rows[1].last_activity_at.unwrap().to_string(),
        "2024-07-28T11:40:00Z"
    );
    // An object without `_serialized` still names the chat.
    let w: engine::EngineChat = from_json(json!({"id": {"server": "c.us", "user": "5"}})).unwrap();
    assert_eq!(w.id.unwrap().0, "5@c.us");
}

// See: PROVIDERS.md §2 "List": the docs' placeholder body is not a chat list.
#[test]
fn wawp_list_placeholder_is_a_bad_response() {
    let err =
        parse_json::<Items<engine::EngineChat>>(&fixture("chats_placeholder.json")).unwrap_err();
    assert!(err.contains("found key \"success\""), "{err}");
}

// See: PROVIDERS.md §2 trap 4 — `unreadCount` top-level, then `_chat.unreadCount`, else null.
#[test]
fn wawp_unread_falls_back_to_chat_then_null() {
    let body = br#"[{"id": "1@c.us", "_chat": {"unreadCount": 4, "muteExpiration": 1753706400, "archived": true}},
                    {"id": "2@c.us", "_chat": {}},
                    {"id": "3@c.us", "unreadCount": 0}]"#;
    let rows = overview(body);
    assert_eq!(rows[0]["unread_count"], 4);
    assert_eq!(rows[0]["muted_until"], "2025-07-28T12:40:00Z");
    assert_eq!(rows[0]["archived"], true);
    assert!(rows[1]["unread_count"].is_null() && rows[1]["last_activity_at"].is_null());
    // 0 is a reported value and stays 0.
    assert_eq!(rows[2]["unread_count"], 0);
}

// See: issue 9 item 14 — Wawp's units are unconfirmed (PROVIDERS.md §2, MESSAGES.md §1.1):
// `from_epoch_guess` existed and was never called, so milliseconds read as seconds
// landed past the year 9999. WAHA's seconds are confirmed, so the same value is no time there.
#[test]
fn wawp_millisecond_timestamps_are_guessed() {
    let ms = 1_722_170_400_000_i64;
    let at = "2024-07-28T12:40:00Z";
    let rows = overview(
        json!([{"id": "1@c.us", "lastMessage": {"id": "A", "timestamp": ms}},
        {"id": "2@c.us", "_chat": {"conversationTimestamp": ms, "muteExpiration": ms}}])
        .to_string()
        .as_bytes(),
    );
    assert_eq!(rows[0]["last_activity_at"], at);
    assert_eq!(rows[0]["last_message"]["at"], at);
    assert_eq!(rows[1]["last_activity_at"], at);
    assert_eq!(rows[1]["muted_until"], at);
    let chat = json!({"id": "3@c.us", "conversationTimestamp": ms});
    let w: engine::EngineChat = from_json(chat.clone()).unwrap();
    let wawp = engine::list_chat("p", Dialect::Wawp, w).unwrap();
    assert_eq!(wawp.last_activity_at.unwrap().to_string(), at);
    let w: engine::EngineChat = from_json(chat).unwrap();
    assert_eq!(
        engine::list_chat("p", Dialect::Waha, w)
            .unwrap()
            .last_activity_at,
        None
    );
    let m: crate::provider::waha::message::WaMessage =
        from_json(json!({"id": "false_3@c.us_A", "timestamp": ms})).unwrap();
    let m = crate::provider::waha::message::message("p", Dialect::Wawp, "3@c.us", m).unwrap();
    assert_eq!(m.at.unwrap().to_string(), at);
    // Seconds stay seconds.
    let rows = overview(br#"[{"id": "4@c.us", "lastMessage": {"timestamp": 1722170400}}]"#);
    assert_eq!(rows[0]["last_activity_at"], at);
}

#[test]
fn wawp_error_classes() {
    let cases = [
        ("application/json", 400, r#"{"status":400,"message":"Missing Required Parameter(s)","error":"Bad Request"}"#, Class::BadRequest),
        ("text/plain", 400, "Missing Required Parameter(s)", Class::BadRequest),
        ("application/json", 401, r#"{"status":401,"message":"Invalid or Missing Access Token","error":"Unauthorized"}"#, Class::Auth),
        ("application/xml", 401, "<?xml version=\"1.0\"?><error><status>401</status><message>Invalid or Missing Access Token</message></error>", Class::Auth),
        ("application/json", 403, r#"{"status":403,"message":"Quota or Limit Reached","error":"Forbidden"}"#, Class::RateLimited),
        ("application/json", 403, r#"{"status":403,"message":"Forbidden","error":"Forbidden"}"#, Class::Auth),
        ("application/json", 404, r#"{"status":404,"message":"Session Does Not Exist","error":"Not Found"}"#, Class::NotFound),
        ("application/xml", 404, "<?xml version=\"1.0\"?><error><message>Session Does Not Exist</message></error>", Class::NotFound),
        ("text/html", 500, "<!DOCTYPE html><html><head><title>Internal Server Error</title></head></html>", Class::Transient),
        ("application/json", 502, r#"{"status":502,"message":"Connection Failed to Upstream","error":"Bad Gateway"}"#, Class::Transient),
        ("application/json", 429, r#"{"status":429,"message":"Too Many Requests"}"#, Class::RateLimited),
    ];
    for (ct, status, body, class) in cases {
        let parsed = ErrorBody::read(ct, body.as_bytes());
        assert_eq!(classify(status, &parsed), class, "{status} {body}");
    }
}

/// A record read from JSON text, as `Http` reads answers (lenient fields borrow the raw text).
fn from_json<T: serde::de::DeserializeOwned>(v: serde_json::Value) -> serde_json::Result<T> {
    serde_json::from_str(&v.to_string())
}
