//! GOWA parsing against the vendor's documented examples (shared/contracts/gowa.openapi.yaml).

use super::*;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/gowa/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn openapi_chat_list_example_maps_to_record() {
    let env: wire::Envelope<wire::ChatList> =
        crate::provider::body::parse_json(&fixture("chats.json")).unwrap();
    let list = env.results.unwrap();
    assert_eq!(list.pagination.unwrap().total, Some(150));
    let c = chat("p", list.data.into_iter().next().unwrap());
    let json = serde_json::to_value(&c).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "profile": "p", "provider": "gowa",
            "id": "6289685028129@s.whatsapp.net", "jid": "6289685028129@s.whatsapp.net",
            "phone": "6289685028129", "kind": "direct", "name": "John Doe",
            "unread_count": null, "last_activity_at": "2024-01-15T10:30:00Z", "last_message": null,
            "archived": false, "pinned": null, "muted_until": null, "ephemeral_seconds": 0, "aliases": null
        })
    );
}

#[test]
fn openapi_chat_messages_example_maps_to_last_message() {
    let env: wire::Envelope<wire::MessageList> =
        crate::provider::body::parse_json(&fixture("chat_messages.json")).unwrap();
    let m = last_message(env.results.unwrap().data.into_iter().next().unwrap());
    assert_eq!(m.id.as_deref(), Some("3EB0B430B6F8F1D0E053AC120E0A9E5C"));
    assert_eq!(m.body.as_deref(), Some("Hello, how are you?"));
    assert_eq!(
        m.at.map(|t| t.to_string()).as_deref(),
        Some("2024-01-15T10:30:00Z")
    );
    assert_eq!(m.from_me, Some(false));
}

#[test]
fn gowa_go_zero_time_and_offsets() {
    let w: wire::Chat = serde_json::from_str(
        r#"{"jid":"1@s.whatsapp.net","name":"","last_message_time":"0001-01-01T00:00:00Z"}"#,
    )
    .unwrap();
    let c = chat("p", w);
    assert_eq!((c.name, c.last_activity_at, c.archived), (None, None, None));
    let w: wire::Chat =
        serde_json::from_str(r#"{"jid":"1@g.us","last_message_time":"2024-01-15T17:30:00+07:00"}"#)
            .unwrap();
    assert_eq!(
        chat("p", w).last_activity_at.unwrap().to_string(),
        "2024-01-15T10:30:00Z"
    );
}

#[test]
fn gowa_media_without_caption_has_no_body() {
    let m: wire::Message = serde_json::from_str(r#"{"id":"X","content":"","timestamp":"2024-01-15T10:30:00Z","is_from_me":true,"media_type":"image"}"#).unwrap();
    assert_eq!(last_message(m).body, None);
}

#[test]
fn gowa_error_classes() {
    let body = |ct: &str, b: &str| ErrorBody::read(ct, b.as_bytes());
    assert_eq!(
        classify(401, &body("text/plain", "Unauthorized")),
        Class::Auth
    );
    assert_eq!(
        classify(
            401,
            &body(
                "application/json",
                r#"{"code":"AUTHENTICATION_ERROR","message":"you are not logged in"}"#
            )
        ),
        Class::NotFound
    );
    assert_eq!(
        classify(
            404,
            &body(
                "application/json",
                r#"{"code":"DEVICE_NOT_FOUND","message":"device not found"}"#
            )
        ),
        Class::NotFound
    );
    assert_eq!(
        classify(404, &body("text/plain", "Cannot GET /x")),
        Class::Config
    );
    assert_eq!(
        classify(
            400,
            &body(
                "application/json",
                r#"{"code":"DEVICE_ID_REQUIRED","message":"x"}"#
            )
        ),
        Class::Config
    );
    assert_eq!(
        classify(
            400,
            &body(
                "application/json",
                r#"{"code":"VALIDATION_ERROR","message":"limit"}"#
            )
        ),
        Class::BadRequest
    );
    assert_eq!(
        classify(
            408,
            &body(
                "application/json",
                r#"{"code":"CONTEXT_ERROR","message":"x"}"#
            )
        ),
        Class::Transient
    );
    assert_eq!(
        classify(
            429,
            &body(
                "application/json",
                r#"{"code":"WA_REACHOUT_TIMELOCK","message":"x"}"#
            )
        ),
        Class::RateLimited
    );
    assert_eq!(
        classify(
            503,
            &body(
                "application/json",
                r#"{"code":"DEVICE_MANAGER_UNAVAILABLE","message":"x"}"#
            )
        ),
        Class::Transient
    );
}
