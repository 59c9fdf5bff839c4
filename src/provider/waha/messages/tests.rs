//! WAHA's `WAMessage` against the vendor's examples (the docs' list example,
//! the OpenAPI field examples, Wawp's documented webhook payload) and the
//! engines' raw `_data` shapes (MESSAGES.md §2.2, §7.2).

use super::*;
use crate::message::{Message, MessageKind, Status};
use crate::provider::body::parse_json;
use crate::provider::waha::message::bare_id;

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{path}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn one(v: serde_json::Value) -> Message {
    let w: WaMessage = serde_json::from_str(&v.to_string()).unwrap();
    message("p", Dialect::Waha, "123@c.us", w).unwrap()
}

#[test]
fn docs_list_example_maps_to_the_record() {
    let items: Items<WaMessage> = parse_json(&fixture("waha/messages_docs.json")).unwrap();
    let page = records("p", (Dialect::Waha, "x"), "123123@c.us", items).unwrap();
    assert_eq!(
        serde_json::to_value(&page.messages[0]).unwrap(),
        serde_json::json!({"profile": "p", "provider": "waha",
            "chat_id": "123123@c.us", "chat_jid": "123123@s.whatsapp.net",
            "id": "false_123123@c.us_AAAAAA", "wa_id": "AAAAAA", "at": "2024-10-01T01:10:26Z",
            "from_me": false, "sender": "123123@s.whatsapp.net", "sender_name": null,
            "kind": "text", "text": "I'm good!", "media": null, "reply_to": null,
            "status": null, "edited": null, "deleted": null})
    );
}

#[test]
fn wawp_webhook_payload_is_a_wamessage() {
    let env: serde_json::Value = parse_json(&fixture("wawp/webhook_message.json")).unwrap();
    let m = one(env["payload"].clone());
    assert_eq!(m.wa_id, "AAAAAAAAAAAAAAAAAAAA");
    assert_eq!((m.from_me, m.status), (Some(true), Some(Status::Pending)));
    assert_eq!(m.reply_to.as_deref(), Some("AAAAAAAAAAAAAAAAAAAA"));
    // No `_data`: the keyed vCards object says contact.
    assert_eq!(m.kind, MessageKind::Contact);
    let media = m.media.unwrap();
    assert_eq!(
        (media.mimetype.as_deref(), media.filename.as_deref()),
        (Some("audio/ogg"), Some("example.oga"))
    );
}

#[test]
fn openapi_field_examples_group_message() {
    let m = one(serde_json::json!({
        "id": "false_11111111111@c.us_AAAAAAAAAAAAAAAAAAAA_22222@c.us", "timestamp": 1666943582,
        "from": "11111111111@g.us", "fromMe": false, "participant": "22222@c.us",
        "body": "hi", "hasMedia": false, "ack": 2, "_data": {"type": "chat", "notifyName": "Bob"}
    }));
    assert_eq!(
        m.wa_id, "AAAAAAAAAAAAAAAAAAAA",
        "a fourth part is the participant"
    );
    assert_eq!(m.sender.as_deref(), Some("22222@s.whatsapp.net"));
    assert_eq!(m.sender_name.as_deref(), Some("Bob"));
    assert_eq!(m.status, None, "incoming");
}

#[test]
fn kinds_from_each_engine() {
    let kind = |data: serde_json::Value, extra: serde_json::Value| {
        let mut v = serde_json::json!({"id": "true_1@c.us_X", "fromMe": true, "_data": data});
        v.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        one(v).kind
    };
    let none = serde_json::json!({});
    assert_eq!(
        kind(serde_json::json!({"type": "ptt"}), none.clone()),
        MessageKind::Voice
    );
    assert_eq!(
        kind(serde_json::json!({"type": "multi_vcard"}), none.clone()),
        MessageKind::Contact
    );
    assert_eq!(
        kind(serde_json::json!({"type": "poll_creation"}), none.clone()),
        MessageKind::Poll
    );
    assert_eq!(
        kind(serde_json::json!({"type": "weird"}), none.clone()),
        MessageKind::Other
    );
    let noweb =
        serde_json::json!({"message": {"messageContextInfo": {}, "audioMessage": {"ptt": true}}});
    assert_eq!(kind(noweb, none.clone()), MessageKind::Voice);
    let gows = serde_json::json!({"Message": {"imageMessage": {"caption": "x"}}});
    assert_eq!(kind(gows, none.clone()), MessageKind::Image);
    let loc = serde_json::json!({"location": {"latitude": "1", "longitude": "2"}});
    assert_eq!(kind(none.clone(), loc), MessageKind::Location);
    assert_eq!(
        kind(none.clone(), serde_json::json!({"hasMedia": true})),
        MessageKind::Other
    );
    assert_eq!(kind(none.clone(), none), MessageKind::Text);
}

#[test]
fn revoked_webjs_message_is_deleted_without_text() {
    let m = one(
        serde_json::json!({"id": "false_1@c.us_R", "body": "gone", "_data": {"type": "revoked"}}),
    );
    assert_eq!(
        (m.kind, m.deleted, m.text),
        (MessageKind::Other, Some(true), None)
    );
}

#[test]
fn bare_ids() {
    assert_eq!(bare_id("false_1@c.us_AAA"), "AAA");
    assert_eq!(bare_id("true_1@g.us_BBB_2@c.us"), "BBB");
    assert_eq!(bare_id("3EB0C431"), "3EB0C431");
    assert_eq!(bare_id("weird_id"), "weird_id");
}
