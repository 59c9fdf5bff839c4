//! Green API emulator: credentials in the URL path, activity-ordered `getChats` without unread or
//! time, the incoming/outgoing journals, 1 request/s per method (429), 466 quota, 403 for a wrong
//! idInstance and 404 for a wrong HTTP method (PROVIDERS.md §3, §10.3).

use std::time::{Duration, Instant};

use serde_json::{json, Map, Value};

use super::creds;
use super::http::{int_q, reason, Req, Resp};
use super::inbox::{SandboxChat, SandboxMessage, ME_JID, ME_NAME};
use super::profiles::profile;
use super::state::Shared;

/// Methods limited to one accepted request per second (per instance and method).
const LIMITED: [&str; 3] = ["getChats", "lastIncomingMessages", "lastOutgoingMessages"];

pub(super) fn handle(req: &Req, sh: &Shared) -> Resp {
    let segs = req.segments();
    let (instance, method, token) = match segs.as_slice() {
        [i, m, t] if i.starts_with("waInstance") => {
            (&i["waInstance".len()..], m.as_str(), t.as_str())
        }
        _ => return error(403),
    };
    if instance != creds::GREEN_INSTANCE && instance != creds::GREEN_INSTANCE_QUOTA {
        return error(403);
    }
    if token != creds::GREEN_TOKEN {
        return error(401);
    }
    if instance == creds::GREEN_INSTANCE_QUOTA {
        return error(466);
    }
    let known = [
        "getChats",
        "lastIncomingMessages",
        "lastOutgoingMessages",
        "getStateInstance",
    ];
    if !known.contains(&method) || req.method != "GET" {
        return error(404);
    }
    if LIMITED.contains(&method) {
        let mut last = sh.green_lock();
        let key = format!("{instance}/{method}");
        let now = Instant::now();
        if last
            .get(&key)
            .is_some_and(|t| now.duration_since(*t) < Duration::from_secs(1))
        {
            return error(429);
        }
        last.insert(key, now);
    }
    match method {
        "getStateInstance" => Resp::json(200, &json!({"stateInstance": "authorized"})),
        "getChats" => get_chats(req, sh),
        _ => journal(req, sh, method == "lastOutgoingMessages"),
    }
}

/// Green API's error for an arbitrary status (text; 466 is the documented quota JSON).
pub(super) fn error(status: u16) -> Resp {
    match status {
        466 => Resp::json(
            466,
            &json!({
                "invokeStatus": {"method": "getChats", "used": 3, "total": 3, "status": "QUOTE_EXCEEDED",
                    "description": "Monthly quota has been exceeded. Upgrade your tariff to continue"},
                "correspondentsStatus": {"method": "correspondents", "used": 3, "total": 3,
                    "status": "CORRESPONDENTS_QUOTE_EXCEEDED",
                    "description": "The number of correspondents has been exceeded on the Developer tariff"}
            }),
        ),
        400 => Resp::text(400, "bad request data"),
        499 => Resp::text(499, "Client Closed Request"),
        _ => Resp::text(status, reason(status)),
    }
}

/// Chats Green API knows about: phone, lid and group chats (no channels or broadcast lists).
fn visible(c: &SandboxChat) -> bool {
    matches!(c.server, "s.whatsapp.net" | "lid" | "g.us")
}

fn green_id(jid: &str) -> String {
    jid.replace("@s.whatsapp.net", "@c.us")
}

fn get_chats(req: &Req, sh: &Shared) -> Resp {
    let count = match int_q(req, "count") {
        Ok(Some(n)) if n < 1 => {
            return Resp::text(
                400,
                "Validation failed. Details: \"count\" must be greater than or equal to 1",
            )
        }
        Ok(n) => n.map_or(usize::MAX, |n| req.paging.limit(n as usize)),
        Err(_) => {
            return Resp::text(
                400,
                "Validation failed. Details: \"count\" must be a number",
            )
        }
    };
    let items: Vec<Value> = sh
        .inbox
        .chats
        .iter()
        .filter(|c| visible(c))
        .take(count)
        .map(|c| {
            json!({
                "id": c.c_us(), "name": c.name.clone().unwrap_or_default(),
                "type": if c.is_group() { "group" } else { "user" }, "archive": c.archived,
                "ephemeralExpiration": c.ephemeral, "ephemeralSettingTimestamp": c.ephemeral_set_at
            })
        })
        .collect();
    Resp::json(200, &Value::Array(items))
}

fn journal(req: &Req, sh: &Shared, outgoing: bool) -> Resp {
    let minutes = match int_q(req, "minutes") {
        Ok(m) => m.unwrap_or(1440).max(0),
        Err(_) => {
            return Resp::text(
                400,
                "Validation failed. Details: \"minutes\" must be a number",
            )
        }
    };
    let cutoff = chrono::Utc::now().timestamp() - minutes.saturating_mul(60);
    let mut entries: Vec<(i64, Value)> = Vec::new();
    for c in sh.inbox.chats.iter().filter(|c| visible(c)) {
        // Chats are in activity order and a chat's messages are older than its activity.
        match c.last_activity {
            Some(t) if t >= cutoff => {}
            _ => break,
        }
        for m in c
            .messages
            .iter()
            .filter(|m| m.timestamp >= cutoff && m.from_me == outgoing)
        {
            entries.push((m.timestamp, entry(c, m)));
        }
    }
    entries.sort_by_key(|e| std::cmp::Reverse(e.0));
    Resp::json(
        200,
        &Value::Array(entries.into_iter().map(|(_, v)| v).collect()),
    )
}

fn entry(c: &SandboxChat, m: &SandboxMessage) -> Value {
    let mut o = Map::new();
    let sender_name = if m.from_me {
        ME_NAME.to_string()
    } else if c.is_group() {
        String::new()
    } else {
        c.name.clone().unwrap_or_default()
    };
    o.insert(
        "type".into(),
        json!(if m.from_me { "outgoing" } else { "incoming" }),
    );
    o.insert("idMessage".into(), json!(m.id));
    o.insert("timestamp".into(), json!(m.timestamp));
    o.insert("chatId".into(), json!(c.c_us()));
    o.insert(
        "senderId".into(),
        json!(green_id(if m.from_me { ME_JID } else { &m.sender })),
    );
    o.insert("senderName".into(), json!(sender_name));
    o.insert("senderContactName".into(), json!(""));
    let type_message = match m.media {
        Some(kind) => {
            let mime = match kind {
                "image" => "image/jpeg",
                "video" => "video/mp4",
                "audio" => "audio/ogg; codecs=opus",
                _ => "application/pdf",
            };
            o.insert("caption".into(), json!(m.text));
            o.insert(
                "downloadUrl".into(),
                json!(format!(
                    "https://sw-media-out.greenapi.net/sandbox/{}.bin",
                    m.id
                )),
            );
            o.insert(
                "fileName".into(),
                json!(m
                    .file_name
                    .clone()
                    .unwrap_or_else(|| format!("{}.bin", m.id))),
            );
            o.insert("jpegThumbnail".into(), json!(""));
            o.insert("mimeType".into(), json!(mime));
            o.insert("isForwarded".into(), json!(false));
            format!("{kind}Message")
        }
        None if m.text.contains("http") || m.text.contains('\n') => {
            o.insert(
                "extendedTextMessage".into(),
                json!({
                    "text": m.text, "description": "", "title": "", "previewType": "None",
                    "jpegThumbnail": "", "forwardingScore": 0, "isForwarded": false
                }),
            );
            "extendedTextMessage".into()
        }
        None => {
            o.insert("textMessage".into(), json!(m.text));
            "textMessage".into()
        }
    };
    o.insert("typeMessage".into(), json!(type_message));
    if m.from_me {
        o.insert(
            "statusMessage".into(),
            json!(["sent", "delivered", "read"][m.timestamp.rem_euclid(3) as usize]),
        );
        o.insert("sendByApi".into(), json!(false));
    }
    Value::Object(o)
}

/// The demo profiles pointing at this emulator, served at `url`.
pub(super) fn demo_profiles(url: &str) -> String {
    profile(
        "green-api",
        "green-api",
        ("api_url", url),
        &[
            ("id_instance", creds::GREEN_INSTANCE),
            ("api_token_instance", creds::GREEN_TOKEN),
        ],
    )
}
