//! WhatsApp's protobuf message content as JSON (`message.<type>`), the shape Baileys-based
//! gateways store (Evolution `message`, WAHA NOWEB `_data.message`, GOWS `_data.Message`):
//! `conversation`, `extendedTextMessage` with `contextInfo`, media with `fileLength`, …

use serde_json::{json, Map, Value};

use super::history::{MessageKind as K, SandboxMessage};

/// `fileLength` is a uint64 in the proto: serialised as a number or a numeric string.
pub(super) fn file_length(m: &SandboxMessage, size: u64) -> Value {
    if m.timestamp % 2 == 0 {
        json!(size)
    } else {
        json!(size.to_string())
    }
}

/// The proto type key and the content object (`{"imageMessage": {...}}`). `context` is the
/// `contextInfo` of a reply; `fold_text` = Evolution, which stores extended text as
/// `conversation` (and a reply's `contextInfo` in a column of its own).
pub(super) fn content(
    m: &SandboxMessage,
    context: Option<Value>,
    fold_text: bool,
) -> (String, Value) {
    let mut body = Map::new();
    let key = match m.kind {
        K::Text => {
            if fold_text || (context.is_none() && !m.text.contains("http")) {
                return ("conversation".into(), json!({"conversation": m.text}));
            }
            body.insert("text".into(), json!(m.text));
            "extendedTextMessage"
        }
        K::Location => {
            if let Some(l) = &m.location {
                body.insert("degreesLatitude".into(), json!(l.latitude));
                body.insert("degreesLongitude".into(), json!(l.longitude));
                body.insert("name".into(), json!(l.name));
                body.insert("address".into(), json!(l.address));
            }
            "locationMessage"
        }
        K::Contact => {
            if let Some(c) = &m.contact {
                body.insert("displayName".into(), json!(c.name));
                body.insert("vcard".into(), json!(c.vcard));
            }
            "contactMessage"
        }
        K::Reaction => {
            body.insert(
                "key".into(),
                json!({"remoteJid": "", "fromMe": false, "id": m.target}),
            );
            body.insert("text".into(), json!(m.reaction));
            body.insert("senderTimestampMs".into(), json!(m.timestamp * 1000));
            "reactionMessage"
        }
        kind => {
            if let Some(media) = &m.media {
                body.insert(
                    "url".into(),
                    json!(format!(
                        "https://mmg.whatsapp.net/v/t62.7118-24/{}.enc",
                        m.id
                    )),
                );
                body.insert("mimetype".into(), json!(media.mimetype));
                body.insert("fileLength".into(), file_length(m, media.size));
                if let Some(f) = &media.filename {
                    body.insert("fileName".into(), json!(f));
                }
                if let Some(s) = media.seconds {
                    body.insert("seconds".into(), json!(s));
                }
                if !m.text.is_empty() {
                    body.insert("caption".into(), json!(m.text));
                }
                body.insert("mediaKey".into(), json!("c2FuZGJveC1tZWRpYS1rZXk="));
            }
            match kind {
                K::Image => "imageMessage",
                K::Video => "videoMessage",
                K::Audio | K::Voice => {
                    body.insert("ptt".into(), json!(kind == K::Voice));
                    "audioMessage"
                }
                K::Document => "documentMessage",
                K::Sticker => {
                    body.insert("isAnimated".into(), json!(false));
                    "stickerMessage"
                }
                _ => "protocolMessage",
            }
        }
    };
    if let Some(ctx) = context {
        body.insert("contextInfo".into(), ctx);
    }
    (key.to_string(), json!({ key: Value::Object(body) }))
}

/// A reply's `contextInfo`: the quoted id, its author and content.
pub(super) fn context_info(quoted: &SandboxMessage, participant: &str) -> Value {
    json!({
        "stanzaId": quoted.id,
        "participant": participant,
        "quotedMessage": {"conversation": quoted.text},
    })
}
