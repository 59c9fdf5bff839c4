//! GOWA messages against the vendor's examples (gowa.openapi.yaml `ChatMessage`,
//! MESSAGES.md §5.1).

use super::*;
use crate::provider::body::parse_json;

fn page(name: &str) -> wire::MessageList {
    let path = format!("{}/tests/fixtures/gowa/{name}", env!("CARGO_MANIFEST_DIR"));
    let env: wire::Envelope<wire::MessageList> = parse_json(&std::fs::read(path).unwrap()).unwrap();
    env.results.unwrap()
}

#[test]
fn openapi_chat_message_example_maps_to_the_record() {
    let w = page("chat_messages.json").data.0.remove(0);
    let m = message("p", "6289685028129@s.whatsapp.net", w).unwrap();
    assert_eq!(
        serde_json::to_value(&m).unwrap(),
        serde_json::json!({
            "profile": "p", "provider": "gowa",
            "chat_id": "6289685028129@s.whatsapp.net", "chat_jid": "6289685028129@s.whatsapp.net",
            "id": "3EB0B430B6F8F1D0E053AC120E0A9E5C", "wa_id": "3EB0B430B6F8F1D0E053AC120E0A9E5C",
            "at": "2024-01-15T10:30:00Z", "from_me": false,
            "sender": "6289685028129@s.whatsapp.net", "sender_name": "Saved Contact",
            "kind": "image", "text": "Hello, how are you?",
            // Not a document: the file name is generated, so unknown; no mimetype in the list.
            "media": {"mimetype": null, "filename": null, "size": 1024768},
            "reply_to": null, "status": null, "edited": null, "deleted": null
        })
    );
}

#[test]
fn messages_md_text_example_has_no_media_and_keeps_the_total() {
    let list = page("chat_messages_messages_md.json");
    assert_eq!(list.pagination.as_ref().and_then(|p| p.total), Some(1250));
    let m = message("p", "x", list.data.into_iter().next().unwrap()).unwrap();
    assert_eq!(
        (m.kind, m.media, m.text.as_deref()),
        (MessageKind::Text, None, Some("Hello, how are you?"))
    );
}

#[test]
fn gowa_display_name_that_is_the_jid_is_not_a_name() {
    for fallback in ["6281@s.whatsapp.net", "6281"] {
        let w: wire::Message = serde_json::from_value(serde_json::json!({
            "id": "A", "sender_jid": "6281@s.whatsapp.net", "sender_display_name": fallback,
            "timestamp": "2024-01-15T17:30:00+07:00", "media_type": "document",
            "filename": "invoice.pdf", "file_length": 0, "content": ""
        }))
        .unwrap();
        let m = message("p", "c@g.us", w).unwrap();
        assert_eq!(m.sender_name, None);
        assert_eq!(m.chat_id, "c@g.us", "no chat_jid: the chat requested");
        assert_eq!(m.at.unwrap().to_string(), "2024-01-15T10:30:00Z");
        let media = m.media.unwrap();
        assert_eq!(
            (media.filename.as_deref(), media.size),
            (Some("invoice.pdf"), None)
        );
        assert_eq!(m.text, None);
    }
}

#[test]
fn gowa_call_rows_and_unknown_types() {
    let w = |t: &str| -> wire::Message {
        serde_json::from_value(
            serde_json::json!({"id": "A", "media_type": t, "content": "Incoming call"}),
        )
        .unwrap()
    };
    let call = message("p", "c", w("call")).unwrap();
    assert_eq!((call.kind, call.media), (MessageKind::Call, None));
    assert_eq!(
        message("p", "c", w("video_note")).unwrap().kind,
        MessageKind::Video
    );
    assert_eq!(
        message("p", "c", w("hologram")).unwrap().kind,
        MessageKind::Other
    );
    let no_id: wire::Message = serde_json::from_value(serde_json::json!({"content": "x"})).unwrap();
    assert!(message("p", "c", no_id).is_err());
}
