//! Evolution's `findMessages` rows (stored Baileys shapes, MESSAGES.md §8.1;
//! no vendor example exists) and the request body's traps.

use super::*;
use crate::provider::body::parse_json;

fn rows() -> (Option<u64>, Vec<Message>) {
    let path = format!(
        "{}/tests/fixtures/evolution/find_messages.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let found: wire::FoundMessages = parse_json(&std::fs::read(path).unwrap()).unwrap();
    let page = found.messages.unwrap();
    let total = page.total;
    (
        total,
        page.records
            .into_iter()
            .map(|r| message("p", "x", r).unwrap())
            .collect(),
    )
}

#[test]
fn stored_rows_map_to_records() {
    let (total, m) = rows();
    assert_eq!(total, Some(3));
    assert_eq!(
        serde_json::to_value(&m[0]).unwrap(),
        serde_json::json!({"profile": "p", "provider": "evolution",
            "chat_id": "5511999999999@s.whatsapp.net", "chat_jid": "5511999999999@s.whatsapp.net",
            "id": "3EB0A1", "wa_id": "3EB0A1", "at": "2025-01-01T00:00:00Z", "from_me": false,
            "sender": "5511999999999@s.whatsapp.net", "sender_name": "Maria", "kind": "text",
            "text": "Olá!", "media": null, "reply_to": "3EB0A0",
            // No receipt history recorded: unknown, not false.
            "status": null, "edited": null, "deleted": null})
    );
    let doc = &m[1];
    assert_eq!(
        (doc.sender.as_deref(), doc.sender_name.as_deref()),
        (None, None),
        "own: no \"Você\""
    );
    assert_eq!(
        (doc.kind, doc.text.as_deref()),
        (MessageKind::Document, Some("segue"))
    );
    let media = doc.media.clone().unwrap();
    assert_eq!(
        (
            media.mimetype.as_deref(),
            media.filename.as_deref(),
            media.size
        ),
        (Some("application/pdf"), Some("boleto.pdf"), Some(48213))
    );
    assert_eq!(
        (doc.status, doc.edited, doc.deleted),
        (Some(Status::Read), Some(false), Some(false))
    );
    let voice = &m[2];
    assert_eq!(
        (voice.kind, voice.deleted),
        (MessageKind::Voice, Some(true))
    );
    assert_eq!(
        voice.sender.as_deref(),
        Some("5511777777777@s.whatsapp.net")
    );
    assert_eq!(voice.at.unwrap().to_string(), "2024-12-31T23:56:40Z");
}

#[test]
fn body_pages_by_page_size_and_sends_times_as_an_iso_pair() {
    let mut q = MessageQuery::new("1@s.whatsapp.net");
    assert_eq!(
        body(&q, 100, 50),
        serde_json::json!({"where": {"key": {"remoteJid": "1@s.whatsapp.net"}}, "page": 3, "offset": 50})
    );
    q.since = Timestamp::from_secs(1_735_689_600);
    q.from_me = Some(false);
    let b = body(&q, 0, 50);
    assert_eq!(
        b["where"]["messageTimestamp"],
        serde_json::json!({"gte": "2025-01-01T00:00:00Z", "lte": LATEST})
    );
    assert_eq!(
        b["where"]["key"].get("fromMe"),
        None,
        "false is ignored upstream: filtered here"
    );
    q.from_me = Some(true);
    assert_eq!(body(&q, 0, 50)["where"]["key"]["fromMe"], true);
}

#[test]
fn error_receipt_is_failed_unless_a_later_status_exists() {
    let r = |s: &[&str]| {
        receipts(
            &s.iter()
                .map(|s| wire::Receipt {
                    status: Some((*s).into()),
                })
                .collect::<Vec<_>>(),
        )
    };
    assert_eq!(r(&["ERROR"]).0, Some(Status::Failed));
    assert_eq!(r(&["ERROR", "SERVER_ACK"]).0, Some(Status::Sent));
    assert_eq!(r(&["EDITED"]), (None, Some(true), Some(false)));
    assert_eq!(r(&[]), (None, None, None));
}
