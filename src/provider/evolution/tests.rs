//! Evolution parsing against bodies shaped as PROVIDERS.md §7 and §10.3
//! document them (tests/fixtures/evolution/).

use super::*;

fn read(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/evolution/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn chats() -> Vec<Chat> {
    let rows: Vec<wire::Chat> =
        crate::provider::body::parse_json(&read("find_chats.json")).unwrap();
    rows.into_iter().map(|w| chat("p", w)).collect()
}

fn message(json: &str) -> LastMessage {
    last_message(serde_json::from_str(json).unwrap())
}

#[test]
fn evolution_find_chats_maps_to_record() {
    assert_eq!(
        serde_json::to_value(&chats()[0]).unwrap(),
        serde_json::json!({
            "profile": "p", "provider": "evolution",
            "id": "5511999998888@s.whatsapp.net", "jid": "5511999998888@s.whatsapp.net",
            "phone": "5511999998888", "kind": "direct", "name": "Alice",
            "unread_count": 2, "last_activity_at": "2024-06-29T12:00:00Z",
            "last_message": {"id": "3EB0C431C26A1916E07A", "body": "Hello there!",
                             "at": "2024-06-29T12:00:00Z", "from_me": false},
            "archived": null, "pinned": null, "muted_until": null,
            "ephemeral_seconds": null, "aliases": null
        })
    );
}

#[test]
fn evolution_activity_falls_back_to_updated_at() {
    let c = chats();
    // A group with an empty pushName: kind by suffix, no name, unread 0 is a real count.
    assert_eq!((c[1].name.as_ref(), c[1].unread_count), (None, Some(0)));
    assert_eq!(c[1].kind, crate::chat::Kind::Group);
    // No last message: activity from updatedAt, re-rendered in UTC.
    assert_eq!(c[2].last_message, None);
    assert_eq!(
        c[2].last_activity_at.map(|t| t.to_string()).as_deref(),
        Some("2024-06-28T09:30:00Z")
    );
}

#[test]
fn evolution_body_falls_back_to_caption() {
    let c = chats();
    let m = c[1].last_message.as_ref().unwrap();
    assert_eq!(m.body.as_deref(), Some("Team photo"));
    assert_eq!(m.from_me, Some(true));
    for kind in ["videoMessage", "documentMessage"] {
        let m = message(&format!(
            r#"{{"key":{{"id":"X"}},"message":{{"{kind}":{{"caption":"cap"}}}},"messageTimestamp":1719662400}}"#
        ));
        assert_eq!(m.body.as_deref(), Some("cap"), "{kind}");
    }
}

#[test]
fn evolution_body_prefers_conversation_then_extended_text() {
    let m = message(
        r#"{"key":{"id":"X"},"message":{"extendedTextMessage":{"text":"https://x.example"}},"messageTimestamp":1}"#,
    );
    assert_eq!(m.body.as_deref(), Some("https://x.example"));
    let m = message(
        r#"{"key":{"id":"X"},"message":{"conversation":"","extendedTextMessage":{"text":"ext"}}}"#,
    );
    assert_eq!(m.body.as_deref(), Some("ext"));
    // Audio has no text: no body, never "".
    let m = message(r#"{"key":{"id":"X"},"message":{"audioMessage":{"seconds":12}}}"#);
    assert_eq!(m.body, None);
}

#[test]
fn evolution_message_timestamp_number_string_or_long() {
    for ts in [
        "1719662400",
        "\"1719662400\"",
        r#"{"low":1719662400,"high":0,"unsigned":false}"#,
    ] {
        let m = message(&format!(r#"{{"messageTimestamp":{ts}}}"#));
        assert_eq!(
            m.at.map(|t| t.to_string()).as_deref(),
            Some("2024-06-29T12:00:00Z"),
            "{ts}"
        );
    }
    assert_eq!(message(r#"{"messageTimestamp":0}"#).at, None);
}

#[test]
fn evolution_error_classes() {
    let j = |name: &str| ErrorBody::read("application/json", &read(name));
    assert_eq!(
        classify(404, &j("error_instance_missing.json")),
        Class::NotFound
    );
    assert_eq!(classify(404, &j("error_cannot_get.json")), Class::Config);
    assert_eq!(classify(403, &j("error_forbidden.json")), Class::Auth);
    assert_eq!(classify(401, &j("error_unauthorized.json")), Class::Auth);
    assert_eq!(
        classify(
            404,
            &ErrorBody::read("text/html", b"<html><title>Not Found</title></html>")
        ),
        Class::Config
    );
    let env = |s: u16, e: &str| {
        ErrorBody::read(
            "application/json",
            format!(r#"{{"status":{s},"error":"{e}","response":{{"message":["x"]}}}}"#).as_bytes(),
        )
    };
    assert_eq!(classify(400, &env(400, "Bad Request")), Class::BadRequest);
    assert_eq!(
        classify(500, &env(500, "Internal Server Error")),
        Class::Transient
    );
}
