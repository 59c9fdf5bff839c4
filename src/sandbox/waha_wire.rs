//! WAHA's `WAMessage` per engine (MESSAGES.md §7.2), shared with Wawp: the serialised id
//! `{fromMe}_{chat}_{msgid}[_{participant}]`, seconds, `ack`/`ackName`, `replyTo` with the bare
//! id, and `_data` — WEBJS `type` (`chat`, `ptt`, `vcard`, `revoked`, …), NOWEB the Baileys
//! `key`/`message`, GOWS whatsmeow's `Info`/`Message` (with `ack: null` on incoming messages).

use serde_json::{json, Value};

use super::baileys;
use super::history::{MessageKind as K, SandboxMessage};
use super::inbox::{SandboxChat, ME_JID};

#[derive(Clone, Copy, PartialEq, Debug)]
pub(super) enum Engine {
    Webjs,
    Noweb,
    Gows,
}

fn c_us(jid: &str) -> String {
    jid.replace("@s.whatsapp.net", "@c.us")
}

/// `ack` (None = null) and `ackName`: own messages by status; incoming ones DEVICE while unread
/// (the newest `unread` entries not marked read), else READ; GOWS leaves incoming acks null.
pub(super) fn ack(c: &SandboxChat, m: &SandboxMessage) -> (Option<i64>, &'static str) {
    let names = ["ERROR", "PENDING", "SERVER", "DEVICE", "READ", "PLAYED"];
    let n = match m.status {
        Some("failed") => -1,
        Some("pending") => 0,
        Some("sent") => 1,
        Some("delivered") => 2,
        Some("played") => 4,
        Some(_) => 3,
        None if c.is_unread(m.index) => 2,
        None => 3,
    };
    (Some(n), names[(n + 1) as usize])
}

fn webjs_type(m: &SandboxMessage) -> &'static str {
    if m.deleted {
        return "revoked";
    }
    match m.kind {
        K::Text => "chat",
        K::Voice => "ptt",
        K::Contact => "vcard",
        k => k.as_str(),
    }
}

pub(super) fn wa_message(
    c: &SandboxChat,
    m: &SandboxMessage,
    eng: Engine,
    quoted: Option<&SandboxMessage>,
) -> Value {
    let chat = c.c_us();
    let me = c_us(ME_JID);
    let participant = (c.is_group() && !m.from_me).then(|| c_us(&m.sender));
    let participant_jid = participant.as_ref().map(|_| m.sender.as_str());
    let id = match &participant {
        Some(p) => format!("{}_{chat}_{}_{p}", m.from_me, m.id),
        None => format!("{}_{chat}_{}", m.from_me, m.id),
    };
    let webjs = eng == Engine::Webjs;
    let text = if m.deleted { "" } else { m.text.as_str() };
    let body = match (&m.contact, webjs) {
        (Some(card), true) => json!(card.vcard),
        _ if text.is_empty() && !webjs => Value::Null,
        _ => json!(text),
    };
    let (mut ack_n, mut ack_name) = ack(c, m);
    if eng == Engine::Gows && !m.from_me {
        (ack_n, ack_name) = (None, "UNKNOWN");
    }
    let location = m.location.as_ref().map(|l| {
        json!({"latitude": l.latitude.to_string(), "longitude": l.longitude.to_string(),
            "name": l.name, "address": l.address, "live": false})
    });
    let vcards: Vec<&str> = m.contact.iter().map(|p| p.vcard.as_str()).collect();
    let reply_to =
        quoted.map(|q| json!({"id": q.id, "participant": c_us(&q.sender), "body": q.text}));
    let data = match eng {
        Engine::Webjs => json!({
            "id": {"fromMe": m.from_me, "remote": chat, "id": m.id, "_serialized": id},
            "type": webjs_type(m), "t": m.timestamp, "notifyName": m.sender_name,
            "isNewMsg": false, "star": false
        }),
        Engine::Noweb => {
            let key = json!({"remoteJid": c.jid, "fromMe": m.from_me, "id": m.id,
                "participant": participant_jid});
            if m.deleted {
                json!({"key": key, "message": null, "messageStubType": 1,
                    "messageTimestamp": m.timestamp, "pushName": m.sender_name})
            } else {
                json!({"key": key, "message": content(m, quoted),
                    "messageTimestamp": m.timestamp, "pushName": m.sender_name})
            }
        }
        Engine::Gows => json!({
            "Info": {"ID": m.id, "Chat": c.jid, "Sender": m.sender, "IsFromMe": m.from_me,
                "IsGroup": c.is_group(), "PushName": m.sender_name.clone().unwrap_or_default(),
                "Timestamp": chrono::DateTime::from_timestamp(m.timestamp, 0)
                    .map(|d| d.to_rfc3339()).unwrap_or_default()},
            "Message": if m.deleted { Value::Null } else { content(m, quoted) }
        }),
    };
    let mut v = json!({
        "id": id, "timestamp": m.timestamp,
        "from": if m.from_me { me.clone() } else { chat.clone() },
        "fromMe": m.from_me,
        "to": if m.from_me { chat } else { me },
        "participant": participant.clone(), "body": body,
        "hasMedia": m.media.is_some() && !m.deleted,
        "ack": ack_n, "ackName": ack_name,
        "location": location, "vCards": vcards, "replyTo": reply_to, "_data": data
    });
    if let (true, Some(p), Some(o)) = (webjs, participant, v.as_object_mut()) {
        o.insert("author".into(), json!(p));
    }
    v
}

fn content(m: &SandboxMessage, quoted: Option<&SandboxMessage>) -> Value {
    let ctx = quoted.map(|q| baileys::context_info(q, &q.sender));
    baileys::content(m, ctx, false).1
}
