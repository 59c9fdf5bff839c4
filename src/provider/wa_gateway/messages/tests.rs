//! WhatsApp Gateway messages against the vendor's examples
//! (quick-gateway.openapi.yaml `Message`, MESSAGES.md §6.1 and §2).

use super::*;
use crate::provider::body::parse_json;

fn list(name: &str) -> wire::MessageList {
    let path = format!(
        "{}/tests/fixtures/wa_gateway/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    parse_json(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn openapi_message_example_uses_wa_message_id_and_every_field() {
    let w = list("chat_messages.json").data.unwrap().0.remove(0);
    let m = message("p", "6281234567890@s.whatsapp.net", w).unwrap();
    assert_eq!(
        serde_json::to_value(&m).unwrap(),
        serde_json::json!({
            "profile": "p", "provider": "whatsapp-gateway",
            "chat_id": "6281234567890@s.whatsapp.net", "chat_jid": "6281234567890@s.whatsapp.net",
            "id": "3EB0C431C26A1916E07A", "wa_id": "3EB0C431C26A1916E07A",
            "at": "2024-06-29T12:00:00Z", "from_me": false,
            "sender": "6281234567890@s.whatsapp.net", "sender_name": "Alice",
            "kind": "text", "text": "Hello there!", "media": null,
            "reply_to": "3EB0C431C26A1916E001",
            // Incoming: no status even though the row has one.
            "status": null, "edited": false, "deleted": false
        })
    );
}

#[test]
fn messages_md_page_takes_the_wa_id_not_the_row_id() {
    let l = list("messages_page.json");
    assert_eq!(
        l.next_cursor.as_deref(),
        Some("msg_01J9ZX9Q0A7M2V4K8B3C6D1E5F")
    );
    let m = message("p", "x", l.data.unwrap().0.remove(0)).unwrap();
    assert_eq!(
        (m.id.as_str(), m.wa_id.as_str()),
        ("3EB0C431C26A1916E07A", "3EB0C431C26A1916E07A")
    );
}

/// MESSAGES.md §2's second example: deleted for everyone, body kept by the gateway.
#[test]
fn deleted_row_keeps_no_text_and_lid_sender() {
    let w: wire::Message = serde_json::from_value(serde_json::json!({
        "id": "msg_X", "waMessageId": "3EB0C431C26A1916E07B", "chatJid": "120363025246125486@g.us",
        "senderLid": "205227043110953@lid", "senderName": "Alice", "fromMe": false,
        "type": "text", "body": "what I regret", "hasMedia": false, "edited": false,
        "deleted": true, "timestamp": 1719662700000_i64
    }))
    .unwrap();
    let m = message("team", "120363025246125486@g.us", w).unwrap();
    assert_eq!(
        serde_json::to_value(&m).unwrap(),
        serde_json::json!({"profile": "team", "provider": "whatsapp-gateway",
            "chat_id": "120363025246125486@g.us", "chat_jid": "120363025246125486@g.us",
            "id": "3EB0C431C26A1916E07B", "wa_id": "3EB0C431C26A1916E07B",
            "at": "2024-06-29T12:05:00Z", "from_me": false, "sender": "205227043110953@lid",
            "sender_name": "Alice", "kind": "text", "text": null, "media": null, "reply_to": null,
            "status": null, "edited": false, "deleted": true})
    );
}

#[test]
fn media_meta_may_be_absent_and_own_status_is_kept() {
    let w: wire::Message = serde_json::from_value(serde_json::json!({
        "waMessageId": "A", "fromMe": true, "type": "image", "hasMedia": true, "status": "read",
        "senderJid": "6281100000000@s.whatsapp.net", "timestamp": 1719662400000_i64
    }))
    .unwrap();
    let m = message("p", "c", w).unwrap();
    assert_eq!(m.media, Some(Media::default()));
    assert_eq!(m.status, Some(Status::Read));
    let w: wire::Message = serde_json::from_value(serde_json::json!({
        "waMessageId": "B", "type": "document", "hasMedia": true,
        "media": {"mimetype": "application/pdf", "size": 2048, "filename": "a.pdf"}
    }))
    .unwrap();
    let media = message("p", "c", w).unwrap().media.unwrap();
    assert_eq!(media.filename.as_deref(), Some("a.pdf"));
    assert_eq!(media.size, Some(2048));
}

// See: issue 12 — rows come in insert order; the oldest `createdAt` on a page (plus the
// clock slack) bounds every row below it, and without one there is no bound.
#[test]
fn ceiling_is_the_oldest_storage_time_plus_slack() {
    let stored = [1_719_662_460_000, 1_719_662_400_000, 0, 1_719_662_999_000];
    let c = ceiling(stored.into_iter()).unwrap();
    assert_eq!(c.to_string(), "2024-06-29T12:05:00Z");
    assert_eq!(ceiling(std::iter::empty()), None);
    assert_eq!(
        ceiling([0, -5].into_iter()),
        None,
        "0 and negative are unknown"
    );
}
