//! Green API's `getChatHistory` against the example on its GetChatHistory page
//! (MESSAGES.md §4.1).

use super::*;
use crate::provider::body::parse_json;

fn history() -> Vec<Message> {
    let path = format!(
        "{}/tests/fixtures/green_api/get_chat_history.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let entries: Vec<wire::Entry> = parse_json(&std::fs::read(path).unwrap()).unwrap();
    entries
        .into_iter()
        .map(|e| message("p", "79001234567@c.us", e).unwrap())
        .collect()
}

#[test]
fn docs_example_maps_to_records() {
    let h = history();
    assert_eq!(
        serde_json::to_value(&h[0]).unwrap(),
        serde_json::json!({"profile": "p", "provider": "green-api",
            "chat_id": "79001234567@c.us", "chat_jid": "79001234567@s.whatsapp.net",
            "id": "3AADDD555CB0822C0539", "wa_id": "3AADDD555CB0822C0539",
            "at": "2020-10-29T09:40:49Z", "from_me": false,
            "sender": "79001234567@s.whatsapp.net", "sender_name": "Andrew Sh",
            "kind": "text", "text": "I use Green-API to get this message from you!",
            "media": null, "reply_to": null, "status": null, "edited": null, "deleted": null})
    );
    assert_eq!(
        (h[1].from_me, h[1].status, h[1].sender.as_deref()),
        (Some(true), Some(Status::Read), None)
    );
    assert_eq!(h[2].kind, MessageKind::Image);
    assert_eq!(h[2].text.as_deref(), Some("Green-API Logo"));
    assert_eq!(
        h[2].media,
        Some(Media::default()),
        "the journal has no mimetype, name or size"
    );
}

#[test]
fn replies_contact_names_and_flags() {
    let e: wire::Entry = serde_json::from_value(serde_json::json!({
        "type": "incoming", "idMessage": "Q", "timestamp": 1603964449, "typeMessage": "extendedTextMessage",
        "senderId": "1@c.us", "senderName": "push", "senderContactName": "Saved",
        "extendedTextMessage": {"text": "answer", "stanzaId": "ORIG"}, "isEdited": true, "isDeleted": false
    }))
    .unwrap();
    let m = message("p", "1@c.us", e).unwrap();
    assert_eq!(
        (m.sender_name.as_deref(), m.text.as_deref()),
        (Some("Saved"), Some("answer"))
    );
    assert_eq!(
        (m.reply_to.as_deref(), m.edited, m.deleted),
        (Some("ORIG"), Some(true), Some(false))
    );
    let e: wire::Entry = serde_json::from_value(serde_json::json!({
        "type": "outgoing", "idMessage": "R", "typeMessage": "quotedMessage", "statusMessage": "noAccount",
        "textMessage": "t", "quotedMessage": {"stanzaId": "Q"}
    }))
    .unwrap();
    let m = message("p", "1@c.us", e).unwrap();
    assert_eq!(
        (m.kind, m.status, m.reply_to.as_deref()),
        (MessageKind::Text, None, Some("Q"))
    );
    let e: wire::Entry =
        serde_json::from_value(serde_json::json!({"typeMessage": "textMessage"})).unwrap();
    assert!(message("p", "c", e).is_err(), "no idMessage");
}
