//! WhatsApp Gateway parsing against the vendor's documented examples
//! (shared/contracts/quick-gateway.openapi.yaml, `Chat` and `Message` schema
//! examples assembled into tests/fixtures/wa_gateway/).

use super::*;

fn fixture<T: serde::de::DeserializeOwned>(name: &str) -> T {
    let bytes = std::fs::read(format!(
        "{}/tests/fixtures/wa_gateway/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    crate::provider::body::parse_json(&bytes).unwrap()
}

fn list(json: &str) -> Page {
    page_of("p", serde_json::from_str(json).unwrap())
}

#[test]
fn openapi_chat_example_maps_to_record() {
    let page = page_of("team", fixture("chats.json"));
    assert_eq!(page.next_cursor.as_deref(), Some("1719662400000:3344"));
    let mut c = page.chats.into_iter().next().unwrap();
    let msgs: wire::MessageList = fixture("chat_messages.json");
    c.last_message = msgs.data.unwrap().into_iter().next().map(last_message);
    // PROVIDERS.md §8: the uniform record's own example.
    assert_eq!(
        serde_json::to_value(&c).unwrap(),
        serde_json::json!({
            "profile": "team", "provider": "whatsapp-gateway",
            "id": "6281234567890@s.whatsapp.net", "jid": "6281234567890@s.whatsapp.net",
            "phone": "6281234567890", "kind": "direct", "name": "Alice",
            "unread_count": null, "last_activity_at": "2024-06-29T12:00:00Z",
            "last_message": {"id": "3EB0C431C26A1916E07A", "body": "Hello there!",
                             "at": "2024-06-29T12:00:00Z", "from_me": false},
            "archived": false, "pinned": false, "muted_until": "2025-06-29T12:00:00Z",
            "ephemeral_seconds": null, "aliases": ["205227043110953@lid"]
        })
    );
}

#[test]
fn gateway_id_is_jid_not_numeric_row_id() {
    let p = list(
        r#"{"data":[{"id":3344,"sessionId":"s","jid":"120363025246125486@g.us","type":"group","unreadCount":0,"archived":true,"pinned":true}]}"#,
    );
    let c = &p.chats[0];
    assert_eq!(c.id, "120363025246125486@g.us");
    assert_eq!(
        (c.kind, c.unread_count, c.archived, c.pinned),
        (Kind::Group, None, Some(true), Some(true))
    );
    // Omitted optional fields stay unknown; aliases is an empty array.
    assert_eq!(
        (c.name.as_ref(), c.last_activity_at, c.muted_until),
        (None, None, None)
    );
    assert_eq!(c.aliases, Some(vec![]));
}

#[test]
fn gateway_type_decides_kind() {
    for (t, jid, k) in [
        ("dm", "205227043110953@lid", Kind::Direct),
        ("newsletter", "120363144038483540@newsletter", Kind::Channel),
        ("broadcast", "1719662400@broadcast", Kind::Broadcast),
        ("status", "status@broadcast", Kind::Status),
    ] {
        let p = list(&format!(
            r#"{{"data":[{{"id":1,"sessionId":"s","jid":"{jid}","type":"{t}","unreadCount":0,"archived":false,"pinned":false}}]}}"#
        ));
        assert_eq!(p.chats[0].kind, k, "{t}");
    }
}

#[test]
fn gateway_empty_next_cursor_ends_paging() {
    // See: PROVIDERS.md §11 (1) — omitted on the last page; the hosted prose says null.
    for body in [
        r#"{"data":[]}"#,
        r#"{"data":[],"nextCursor":null}"#,
        r#"{"data":[],"nextCursor":""}"#,
        r#"{"data":null}"#,
    ] {
        let p = list(body);
        assert!(p.chats.is_empty() && p.next_cursor.is_none(), "{body}");
    }
}

#[test]
fn gateway_uses_wa_message_id_not_row_id() {
    // See: PROVIDERS.md §11 (4) — `id` is the gateway's `msg_<ULID>` row id.
    let m: wire::Message = serde_json::from_str(
        r#"{"id":"msg_01J9ZX8K2QHV0M3T6R7P4N5W8C","sessionId":"s","waMessageId":"3EB0C431C26A1916E07A","chatJid":"1@s.whatsapp.net","fromMe":true,"direction":"out","type":"image","hasMedia":true,"edited":false,"deleted":false,"timestamp":1719662400123,"createdAt":1719662400500}"#,
    )
    .unwrap();
    let m = last_message(m);
    assert_eq!(m.id.as_deref(), Some("3EB0C431C26A1916E07A"));
    // Media without a caption: no body; ms truncated to the second.
    assert_eq!(m.body, None);
    assert_eq!(
        m.at.map(|t| t.to_string()).as_deref(),
        Some("2024-06-29T12:00:00Z")
    );
    assert_eq!(m.from_me, Some(true));
}

#[test]
fn gateway_error_codes_decide_the_class() {
    let j = |s: &str| ErrorBody::read("application/json", s.as_bytes());
    let e = |code: &str, msg: &str| {
        j(&format!(
            r#"{{"error":{{"code":"{code}","message":"{msg}"}}}}"#
        ))
    };
    let session = std::fs::read(format!(
        "{}/tests/fixtures/wa_gateway/error_session_not_found.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let cases = [
        (
            401,
            e("unauthorized", "missing or invalid credentials"),
            Class::Auth,
        ),
        (
            403,
            e("forbidden", "missing required capability: read"),
            Class::Auth,
        ),
        (
            404,
            ErrorBody::read("application/json", &session),
            Class::NotFound,
        ),
        (404, e("not_found", "route not found"), Class::Config),
        (
            400,
            e("validation_error", "invalid cursor"),
            Class::BadRequest,
        ),
        (
            422,
            e("validation_error", "validation failed"),
            Class::BadRequest,
        ),
        (409, e("conflict", "conflict"), Class::BadRequest),
        (
            429,
            e("rate_limited", "rate limit exceeded"),
            Class::RateLimited,
        ),
        (
            500,
            e("internal", "internal server error"),
            Class::Transient,
        ),
        (
            501,
            e("not_implemented", "not implemented"),
            Class::Unsupported,
        ),
        (
            503,
            e("gateway_unavailable", "owning gateway did not respond"),
            Class::Transient,
        ),
        (
            502,
            ErrorBody::read("text/html", b"<html><title>502 Bad Gateway</title></html>"),
            Class::Transient,
        ),
        (
            404,
            ErrorBody::read("text/plain", b"404 page not found"),
            Class::Config,
        ),
    ];
    for (status, body, class) in cases {
        assert_eq!(classify(status, &body), class, "{status} {body:?}");
    }
}
