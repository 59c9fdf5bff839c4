//! Green API's `POST …/getChatHistory/{token}` `{"chatId", "count"}` (MESSAGES.md §4.1): the
//! last `count` (default 100) entries only, newest first, no paging; flat journal entries with
//! `typeMessage`, `textMessage` / `extendedTextMessage` / `quotedMessage`, `downloadUrl` +
//! `caption` for media (no mimetype, name or size), reactions as entries of their own, and
//! `isEdited`/`isDeleted` (a deleted entry keeps its text). Paced by the 1 request/s limit in
//! `green.rs`. Edits, revokes, calls and system notices are not in the history.

use serde_json::{json, Map, Value};

use super::green::visible;
use super::history::{MessageKind as K, SandboxMessage};
use super::http::{Req, Resp};
use super::inbox::SandboxChat;
use super::state::Shared;

/// The entries Green's journals and history carry.
pub(super) fn shown(m: &SandboxMessage) -> bool {
    m.listed_by("green-api")
}

fn invalid(detail: &str) -> Resp {
    Resp::text(400, &format!("Validation failed. Details: {detail}"))
}

pub(super) fn chat_history(req: &Req, sh: &Shared) -> Resp {
    let Ok(body) = serde_json::from_slice::<Value>(&req.body) else {
        return invalid("body must be a JSON object");
    };
    let Some(chat_id) = body["chatId"].as_str() else {
        return invalid("\"chatId\" is required");
    };
    let count = match &body["count"] {
        Value::Null => 100,
        v => match v.as_i64() {
            Some(n) if n >= 1 => req.paging.limit(n as usize),
            Some(_) => return invalid("\"count\" must be greater than or equal to 1"),
            None => return invalid("\"count\" must be a number"),
        },
    };
    let inbox = sh.inbox();
    let Some(c) = inbox.find(chat_id).filter(|c| visible(c)) else {
        return Resp::json(200, &json!([]));
    };
    let items: Vec<Value> = c
        .messages()
        .filter(shown)
        .take(count)
        .map(|m| entry(c, &m, true))
        .collect();
    Resp::json(200, &Value::Array(items))
}

fn green_id(jid: &str) -> String {
    jid.replace("@s.whatsapp.net", "@c.us")
}

/// One journal / history entry; `history` adds `isEdited` / `isDeleted`.
pub(super) fn entry(c: &SandboxChat, m: &SandboxMessage, history: bool) -> Value {
    let mut o = Map::new();
    let mut put = |k: &str, v: Value| {
        o.insert(k.into(), v);
    };
    put(
        "type",
        json!(if m.from_me { "outgoing" } else { "incoming" }),
    );
    put("idMessage", json!(m.id));
    put("timestamp", json!(m.timestamp));
    put("chatId", json!(c.c_us()));
    if m.from_me {
        // Green's own status names; it has no "played" or "failed".
        let status = match m.status {
            Some("played") => Some("read"),
            Some("failed") => None,
            s => s,
        };
        if let Some(s) = status {
            put("statusMessage", json!(s));
        }
        put("sendByApi", json!(false));
    } else {
        put("senderId", json!(green_id(&m.sender)));
        put(
            "senderName",
            json!(m.sender_name.clone().unwrap_or_default()),
        );
        put("senderContactName", json!(""));
    }
    // The quoted (or reacted-to) message's author.
    let author = c.linked(m).map(|q| green_id(&q.sender)).unwrap_or_default();
    let quoted = |target: &str| json!({"stanzaId": target, "participant": author});
    let type_message = match (m.kind, &m.reply_to) {
        (K::Reaction, _) => {
            let mut e = quoted(m.target.as_deref().unwrap_or(""));
            e["text"] = json!(m.reaction);
            put("extendedTextMessage", e);
            "reactionMessage".to_string()
        }
        (K::Text, Some(q)) if m.index % 2 == 1 => {
            let mut e = quoted(q);
            e["typeMessage"] = json!("textMessage");
            put("quotedMessage", e);
            put("textMessage", json!(m.text));
            "quotedMessage".into()
        }
        (K::Text, Some(q)) => {
            let mut e = quoted(q);
            e["text"] = json!(m.text);
            put("extendedTextMessage", e);
            "extendedTextMessage".into()
        }
        (K::Text, None) if m.text.contains("http") || m.text.contains('\n') => {
            put(
                "extendedTextMessage",
                json!({"text": m.text, "description": "", "title": "", "previewType": "None",
                    "jpegThumbnail": "", "forwardingScore": 0, "isForwarded": false}),
            );
            "extendedTextMessage".into()
        }
        (K::Text, None) => {
            put("textMessage", json!(m.text));
            "textMessage".into()
        }
        (K::Location, _) => {
            if let Some(l) = &m.location {
                put(
                    "location",
                    json!({"nameLocation": l.name, "address": l.address,
                    "latitude": l.latitude, "longitude": l.longitude, "jpegThumbnail": ""}),
                );
            }
            "locationMessage".into()
        }
        (K::Contact, _) => {
            if let Some(p) = &m.contact {
                put("contact", json!({"displayName": p.name, "vcard": p.vcard}));
            }
            "contactMessage".into()
        }
        (kind, _) => {
            put(
                "downloadUrl",
                json!(format!(
                    "https://sw-media-out.greenapi.net/sandbox/{}.bin",
                    m.id
                )),
            );
            put("caption", json!(m.text));
            match kind {
                K::Voice => "audioMessage".into(),
                k => format!("{}Message", k.as_str()),
            }
        }
    };
    put("typeMessage", json!(type_message));
    if history {
        put("isEdited", json!(m.edited));
        put("isDeleted", json!(m.deleted));
    }
    Value::Object(o)
}
