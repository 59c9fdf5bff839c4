//! WAHA parsing, mapping and error classes. WAHA's OpenAPI has no schema for
//! `/chats` and types `_chat` as `any`, so the fixtures in tests/fixtures/waha/
//! are written from the engine shapes PROVIDERS.md §6 lists (sources @ 52222a6b)
//! and the error bodies of §10.3.

use super::*;
use crate::provider::body::parse_json;
use serde_json::json;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/waha/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn list(name: &str) -> Vec<serde_json::Value> {
    let items: Items<engine::EngineChat> = parse_json(&fixture(name)).unwrap();
    items
        .0
        .into_iter()
        .map(|w| {
            let c = engine::list_chat("p", Dialect::Waha, w).unwrap();
            serde_json::to_value(c).unwrap()
        })
        .collect()
}

fn overview(name: &str) -> Vec<serde_json::Value> {
    let items: Items<engine::OverviewItem> = parse_json(&fixture(name)).unwrap();
    items
        .0
        .into_iter()
        .map(|w| {
            serde_json::to_value(engine::overview_chat("p", Dialect::Waha, w).unwrap()).unwrap()
        })
        .collect()
}

#[test]
fn waha_webjs_list_maps_every_field() {
    let rows = list("chats_webjs.json");
    assert_eq!(
        rows[0],
        json!({
            "profile": "p", "provider": "waha",
            "id": "11111111111@c.us", "jid": "11111111111@s.whatsapp.net",
            "phone": "11111111111", "kind": "direct", "name": "Alice",
            "unread_count": 3, "last_activity_at": "2024-07-28T12:40:00Z",
            "last_message": {"id": "false_11111111111@c.us_AAAAAAAAAAAAAAAAAAAA", "body": "Hi there",
                             "at": "2024-07-28T12:40:00Z", "from_me": false},
            "archived": false, "pinned": true, "muted_until": "2025-07-28T12:40:00Z",
            "ephemeral_seconds": null, "aliases": null
        })
    );
    // isGroup: true is the gateway's own type; muteExpiration 0 = not muted.
    let g = &rows[1];
    assert_eq!(g["id"], "120363025246125888@g.us");
    assert_eq!(
        (g["kind"].as_str(), g["phone"].is_null()),
        (Some("group"), true)
    );
    assert_eq!(
        (g["archived"].as_bool(), g["pinned"].as_bool()),
        (Some(true), Some(false))
    );
    assert!(g["muted_until"].is_null() && g["last_message"].is_null());
    assert_eq!(g["unread_count"], 0);
}

#[test]
fn waha_noweb_list_reports_no_unread_archived_or_pinned() {
    let rows = list("chats_noweb.json");
    for r in &rows {
        for k in [
            "unread_count",
            "archived",
            "pinned",
            "muted_until",
            "last_message",
        ] {
            assert!(r[k].is_null(), "{k} in {r}");
        }
    }
    assert_eq!(rows[0]["last_activity_at"], "2024-07-28T12:40:00Z");
    assert_eq!(rows[0]["phone"], "11111111111");
    // A LID chat is direct but never a phone number; a missing name stays null.
    assert_eq!(
        (rows[1]["kind"].as_str(), rows[1]["phone"].is_null()),
        (Some("direct"), true)
    );
    assert!(rows[1]["name"].is_null());
    assert_eq!(rows[2]["kind"], "group");
}

#[test]
fn waha_gows_list_empty_name_is_null() {
    let rows = list("chats_gows.json");
    assert_eq!(rows[0]["name"], "Alice");
    assert_eq!(rows[1]["kind"], "channel");
    assert!(rows[1]["name"].is_null() && rows[1]["unread_count"].is_null());
}

#[test]
fn waha_webjs_overview_reads_unread_from_chat() {
    let rows = overview("overview_webjs.json");
    assert_eq!(
        rows[0],
        json!({
            "profile": "p", "provider": "waha",
            "id": "11111111111@c.us", "jid": "11111111111@s.whatsapp.net",
            "phone": "11111111111", "kind": "direct", "name": "Alice",
            "unread_count": 3, "last_activity_at": "2024-07-28T12:40:00Z",
            "last_message": {"id": "false_11111111111@c.us_AAAAAAAAAAAAAAAAAAAA", "body": "Hi there",
                             "at": "2024-07-28T12:40:00Z", "from_me": false},
            "archived": false, "pinned": true, "muted_until": "2025-07-28T12:40:00Z",
            "ephemeral_seconds": null, "aliases": null
        })
    );
    // Media without a caption: empty body is null, not "".
    let g = &rows[1];
    assert_eq!(g["kind"], "group");
    assert!(g["last_message"]["body"].is_null());
    assert_eq!(g["last_message"]["from_me"], true);
    assert_eq!(g["unread_count"], 0);
    assert_eq!(g["archived"], true);
}

#[test]
fn waha_noweb_overview_has_no_unread() {
    let rows = overview("overview_noweb.json");
    assert!(rows
        .iter()
        .all(|r| r["unread_count"].is_null() && r["archived"].is_null() && r["pinned"].is_null()));
    assert_eq!(rows[0]["last_message"]["body"], "Hi there");
    // No last message: activity falls back to `_chat.conversationTimestamp`.
    assert!(rows[1]["last_message"].is_null());
    assert_eq!(rows[1]["last_activity_at"], "2024-07-28T11:40:00Z");
}

#[test]
fn waha_overview_top_level_unread_wins_over_chat() {
    let w: engine::OverviewItem = from_json(json!({
        "id": "1@c.us", "unreadCount": 7, "_chat": {"unreadCount": 2, "timestamp": 1722170400}
    }))
    .unwrap();
    let c = engine::overview_chat("p", Dialect::Waha, w).unwrap();
    assert_eq!(c.unread_count, Some(7));
    assert_eq!(
        c.last_activity_at.unwrap().to_string(),
        "2024-07-28T12:40:00Z"
    );
}

#[test]
fn waha_muted_forever_and_odd_chat_shapes_are_unknown() {
    // "Muted forever" (isMuted with a non-positive expiry) is unconfirmed: null, never a date.
    let w: engine::EngineChat = from_json(json!({
        "id": "1@c.us", "isMuted": true, "muteExpiration": -1, "unreadCount": "x", "archived": "no"
    }))
    .unwrap();
    let c = engine::list_chat("p", Dialect::Waha, w).unwrap();
    assert_eq!(
        (c.muted_until, c.unread_count, c.archived),
        (None, None, None)
    );
    // `_chat` is `any`: a string there is ignored, not a parse failure.
    let w: engine::OverviewItem =
        from_json(json!({"id": "1@c.us", "_chat": "n/a", "lastMessage": null})).unwrap();
    assert!(engine::overview_chat("p", Dialect::Waha, w).is_ok());
}

#[test]
fn waha_baileys_long_timestamp() {
    let w: engine::EngineChat = from_json(json!({
        "id": "1@s.whatsapp.net", "conversationTimestamp": {"low": 1722170400, "high": 0, "unsigned": true}
    }))
    .unwrap();
    let c = engine::list_chat("p", Dialect::Waha, w).unwrap();
    assert_eq!(
        c.last_activity_at.unwrap().to_string(),
        "2024-07-28T12:40:00Z"
    );
}

#[test]
fn waha_chat_without_id_is_a_bad_response() {
    let w: engine::EngineChat = from_json(json!({"name": "x"})).unwrap();
    assert!(engine::list_chat("p", Dialect::Waha, w).is_err());
}

// See: PROVIDERS.md §6 "sortOrder lowercase desc|asc, unvalidated; WEBJS/GOWS sort
// ascending for anything but exactly `desc`".
#[test]
fn waha_sort_order_is_lowercase() {
    assert_eq!(
        engine::sort_params(None),
        [("sortBy", "conversationTimestamp"), ("sortOrder", "desc")]
    );
    let cases = [
        (
            SortKey::Activity,
            Order::Asc,
            "conversationTimestamp",
            "asc",
        ),
        (SortKey::Name, Order::Desc, "name", "desc"),
        (SortKey::Id, Order::Asc, "id", "asc"),
    ];
    for (key, order, by, ord) in cases {
        assert_eq!(
            engine::sort_params(Some((key, order))),
            [("sortBy", by), ("sortOrder", ord)]
        );
    }
}

#[test]
fn waha_engine_decides_unread_support() {
    assert!(matches!(unread_support(Engine::Noweb), UnreadSupport::No(m) if m.contains("NOWEB")));
    assert!(matches!(unread_support(Engine::Gows), UnreadSupport::No(m) if m.contains("GOWS")));
    for e in [Engine::Auto, Engine::Webjs, Engine::Wpp] {
        assert!(matches!(unread_support(e), UnreadSupport::FromData(m) if m.contains("WEBJS")));
    }
    assert_eq!(Engine::try_from("noweb".to_owned()), Ok(Engine::Noweb));
    assert_eq!(Engine::try_from("auto".to_owned()), Ok(Engine::Auto));
    assert!(Engine::try_from("baileys".to_owned()).is_err());
}

#[test]
fn waha_error_classes() {
    let j = |b: &str| ErrorBody::read("application/json", b.as_bytes());
    let cases = [
        (
            401,
            r#"{"message":"Unauthorized","statusCode":401}"#,
            Class::Auth,
        ),
        (
            403,
            r#"{"message":"Forbidden","statusCode":403}"#,
            Class::Auth,
        ),
        (
            400,
            r#"{"statusCode":400,"message":["sortBy must be one of the following values: conversationTimestamp, id, name"],"error":"Bad Request"}"#,
            Class::BadRequest,
        ),
        (
            404,
            r#"{"message":"Cannot GET /api/default/chats/overview?limit=50","error":"Not Found","statusCode":404}"#,
            Class::Unsupported,
        ),
        (
            404,
            r#"{"message":"Cannot GET /waha/api/default/chats","error":"Not Found","statusCode":404}"#,
            Class::Config,
        ),
        (
            422,
            r#"{"error":"Session \"default\" does not exist","session":"default"}"#,
            Class::NotFound,
        ),
        (
            429,
            r#"{"message":"Too Many Requests","statusCode":429}"#,
            Class::RateLimited,
        ),
        (
            501,
            r#"{"message":"Not Implemented","statusCode":501}"#,
            Class::Unsupported,
        ),
    ];
    for (status, body, class) in cases {
        assert_eq!(classify(status, &j(body)), class, "{status} {body}");
    }
    let status = ErrorBody::read("application/json", &fixture("error_422_status.json"));
    assert_eq!(classify(422, &status), Class::NotFound);
    let e500 = ErrorBody::read("application/json", &fixture("error_500.json"));
    assert_eq!(classify(500, &e500), Class::Transient);
    // Only the exception's message, never the stack or the echoed request.
    assert_eq!(
        e500.message,
        "Evaluation failed: TypeError: Cannot read properties of undefined"
    );
}

#[test]
fn waha_422_names_the_session_status() {
    let body = ErrorBody::read("application/json", &fixture("error_422_status.json"));
    assert_eq!(
        session_status(&body).as_deref(),
        Some("session `default` is SCAN_QR_CODE")
    );
    let missing = ErrorBody::read(
        "application/json",
        br#"{"error":"Session \"x\" does not exist","session":"x"}"#,
    );
    assert_eq!(missing.message, "Session \"x\" does not exist");
    assert_eq!(session_status(&missing), None);
}

/// A record read from JSON text, as `Http` reads answers (lenient fields borrow the raw text).
fn from_json<T: serde::de::DeserializeOwned>(v: serde_json::Value) -> serde_json::Result<T> {
    serde_json::from_str(&v.to_string())
}
