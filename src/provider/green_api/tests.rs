//! Green API parsing against bodies shaped as PROVIDERS.md §3 documents them
//! (getChats fields, journal entries), in tests/fixtures/green_api/.

use super::convert::last_message;
use super::*;
use crate::chat::Kind;

fn fixture<T: serde::de::DeserializeOwned>(name: &str) -> T {
    let bytes = std::fs::read(format!(
        "{}/tests/fixtures/green_api/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    crate::provider::body::parse_json(&bytes).unwrap()
}

fn chats() -> Vec<Chat> {
    let list: Vec<wire::Chat> = fixture("get_chats.json");
    list.into_iter().map(|w| chat("p", w)).collect()
}

#[test]
fn green_get_chats_maps_to_record() {
    let json = serde_json::to_value(&chats()[0]).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "profile": "p", "provider": "green-api",
            "id": "79001234567@c.us", "jid": "79001234567@s.whatsapp.net",
            "phone": "79001234567", "kind": "direct", "name": "Alice",
            "unread_count": null, "last_activity_at": null, "last_message": null,
            "archived": false, "pinned": null, "muted_until": null, "ephemeral_seconds": 0,
            "aliases": null
        })
    );
}

#[test]
fn green_archive_type_and_ephemeral_fields() {
    let c = chats();
    // `type: group` and the old-style group id.
    assert_eq!((c[1].kind, c[1].archived), (Kind::Group, Some(true)));
    assert_eq!(c[1].ephemeral_seconds, Some(604800));
    // `type: user` is coarse: a @lid is direct without a phone; "" is no name.
    assert_eq!((c[2].kind, c[2].phone.as_deref()), (Kind::Direct, None));
    assert_eq!(c[2].name, None);
    // Bare digits are Green's shorthand for a phone chat.
    assert_eq!(c[3].jid.as_deref(), Some("79007654321@s.whatsapp.net"));
}

#[test]
fn green_ephemeral_setting_timestamp_is_not_activity() {
    // See: PROVIDERS.md §3 — `ephemeralSettingTimestamp` is when the timer changed.
    assert!(chats().iter().all(|c| c.last_activity_at.is_none()));
}

#[test]
fn green_journals_keep_newest_entry_per_chat() {
    let incoming: Vec<wire::Entry> = fixture("last_incoming_messages.json");
    let outgoing: Vec<wire::Entry> = fixture("last_outgoing_messages.json");
    let newest = newest_per_chat(incoming.into_iter().chain(outgoing));
    // Alice: the incoming text at 12:00 beats the older link and the outgoing greeting.
    let alice = &newest["79001234567@s.whatsapp.net"];
    assert_eq!(alice.id.as_deref(), Some("BAE5F4886F6F2D05"));
    assert_eq!(alice.body.as_deref(), Some("Hello there!"));
    assert_eq!(
        alice.at.map(|t| t.to_string()).as_deref(),
        Some("2024-06-29T12:00:00Z")
    );
    assert_eq!(alice.from_me, Some(false));
    // The group: our outgoing extended text is newer than the incoming image.
    let group = &newest["79001234567-1479621234@g.us"];
    assert_eq!(group.body.as_deref(), Some("See you at 8\nBring cake"));
    assert_eq!(group.from_me, Some(true));
}

#[test]
fn green_body_falls_back_to_extended_text_then_caption() {
    let incoming: Vec<wire::Entry> = fixture("last_incoming_messages.json");
    assert_eq!(
        last_message(&incoming[1]).body.as_deref(),
        Some("Look at this")
    );
    assert_eq!(
        last_message(&incoming[2]).body.as_deref(),
        Some("https://green-api.com")
    );
    let e: wire::Entry = serde_json::from_str(
        r#"{"type":"incoming","idMessage":"X","timestamp":1719662400,"chatId":"1@c.us","typeMessage":"imageMessage","caption":""}"#,
    )
    .unwrap();
    assert_eq!(last_message(&e).body, None);
}

#[test]
fn green_journal_chats_missing_from_get_chats_are_ignored() {
    let incoming: Vec<wire::Entry> = fixture("last_incoming_messages.json");
    let newest = newest_per_chat(incoming.into_iter());
    let ids: Vec<String> = chats().into_iter().filter_map(|c| c.jid).collect();
    assert!(newest.contains_key("79009999999@s.whatsapp.net"));
    assert!(!ids.contains(&"79009999999@s.whatsapp.net".to_owned()));
}

#[test]
fn green_error_classes() {
    let text = |b: &str| ErrorBody::read("text/plain", b.as_bytes());
    let cases = [
        (
            400,
            "instance in starting process try later",
            Class::NotFound,
        ),
        (
            400,
            "instance is starting or not authorized",
            Class::NotFound,
        ),
        (400, "Instance is deleted", Class::NotFound),
        (
            400,
            "Instance account is expired. Renew your instance from personal area",
            Class::Auth,
        ),
        (400, "bad request data", Class::BadRequest),
        (400, "Validation failed. Details: x", Class::BadRequest),
        (401, "Unauthorized", Class::Auth),
        (403, "Forbidden", Class::Auth),
        (404, "Not Found", Class::BadRequest),
        (429, "Too Many Requests", Class::RateLimited),
        (499, "Client Closed Request", Class::Transient),
        (502, "Bad Gateway", Class::Transient),
    ];
    for (status, body, class) in cases {
        assert_eq!(classify(status, &text(body)), class, "{status} {body}");
    }
}

#[test]
fn green_466_quota_is_rate_limited() {
    // See: https://greenapi.com/en/docs/api/466-error-example-body
    let body = ErrorBody::read(
        "application/json",
        br#"{"invokeStatus":{"method":"getChats","used":3,"total":3,"status":"QUOTE_EXCEEDED","description":"Monthly quota has been exceeded"}}"#,
    );
    assert_eq!(classify(466, &body), Class::RateLimited);
}

#[test]
fn green_403_hints_at_id_instance_and_api_url() {
    let e = hint(ProviderError::Status {
        gateway: GATEWAY,
        endpoint: "GET /waInstance***/getChats/***".to_owned(),
        status: 403,
        class: Class::Auth,
        message: "Forbidden".to_owned(),
        code: None,
    });
    assert!(
        e.to_string()
            .ends_with("Forbidden; check id_instance and api_url"),
        "{e}"
    );
}

#[test]
fn green_id_instance_may_be_a_number() {
    for text in [
        "id_instance = 7105187566\napi_token_instance = \"t\"",
        "id_instance = \"7105187566\"\napi_token_instance = \"t\"",
    ] {
        let cfg: Config = toml::from_str(text).unwrap();
        assert_eq!(cfg.id_instance, "7105187566");
    }
    assert!(
        toml::from_str::<Config>("id_instance = 1\napi_token_instance = \"t\"\ntokne = 1").is_err()
    );
}
