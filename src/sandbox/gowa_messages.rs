//! GOWA's `GET /chat/{chat_jid}/messages` (MESSAGES.md §5.1): offset paging over the device's
//! SQLite rows, newest first, `total` = every row of the chat whatever the filters, RFC3339
//! `start_time`/`end_time` (inclusive; unparsable → 500), `is_from_me`, `media_only`, a `search`
//! that ignores everything but `limit`; revoked rows are gone, system messages never stored,
//! reactions attached to their target, edits overwrite `content`, an unknown chat is 200 empty.

use chrono::DateTime;
use serde_json::{json, Map, Value};

use super::gowa::{chat_json, ok, paging, parse_bool, time};
use super::history::{MessageKind as K, SandboxMessage};
use super::http::{Req, Resp};
use super::inbox::{SandboxChat, ME_NAME};
use super::rows::Rows;
use super::state::Shared;

fn media_type(kind: K) -> &'static str {
    match kind {
        K::Image => "image",
        K::Video => "video",
        K::Audio | K::Voice => "audio",
        K::Document => "document",
        K::Sticker => "sticker",
        K::Call => "call",
        _ => "",
    }
}

fn server_error(message: &str) -> Resp {
    Resp::json(
        500,
        &json!({"code": "INTERNAL_SERVER_ERROR", "message": message, "results": null}),
    )
}

fn time_q(req: &Req, key: &str) -> Result<Option<i64>, Resp> {
    match req.q(key).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => DateTime::parse_from_rfc3339(v)
            .map(|d| Some(d.timestamp()))
            .map_err(|e| {
                server_error(&format!(
                    "parsing time {v:?} as \"2006-01-02T15:04:05Z07:00\": {e}"
                ))
            }),
    }
}

pub(super) fn messages(req: &Req, sh: &Shared, jid: &str) -> Resp {
    let (limit, offset) = match paging(req, 50) {
        Ok(p) => p,
        Err(e) => return e,
    };
    let (media_only, from_me) = match (parse_bool(req, "media_only"), parse_bool(req, "is_from_me"))
    {
        (Ok(m), Ok(f)) => (m.unwrap_or(false), f),
        (Err(e), _) | (_, Err(e)) => return e,
    };
    let (start, end) = match (time_q(req, "start_time"), time_q(req, "end_time")) {
        (Ok(s), Ok(e)) => (s, e),
        (Err(e), _) | (_, Err(e)) => return e,
    };
    // GOWA's store is keyed by the exact JID: an unknown chat is 200 with empty data.
    let inbox = sh.inbox();
    let Some(c) = inbox.find(jid).filter(|c| c.jid == jid) else {
        let stub = json!({"jid": jid, "name": jid.split('@').next().unwrap_or(""),
            "last_message_time": "", "ephemeral_expiration": 0, "created_at": "", "updated_at": "",
            "archived": false});
        return page(Vec::new(), limit, offset, 0, stub);
    };
    let rows = Rows::of(&inbox, c, "gowa");
    let search = req.q("search").filter(|s| !s.is_empty());
    let picked: Vec<usize> = if let Some(s) = search {
        let s = s.to_lowercase();
        rows.from(0)
            .filter(|&k| {
                c.message(k)
                    .is_some_and(|m| content_of(&m).to_lowercase().contains(&s))
            })
            .take(limit)
            .collect()
    } else if !media_only && from_me.is_none() && start.is_none() && end.is_none() {
        rows.nth(offset)
            .map(|k| rows.from(k).take(limit).collect())
            .unwrap_or_default()
    } else {
        // start_time/end_time bound the scan: times strictly decrease with the index.
        let first = end.map_or(0, |e| c.message_index_at(e));
        let last = start.map_or(c.message_count, |s| c.message_index_at(s - 1));
        rows.from(first)
            .take_while(|&k| k < last)
            .filter(|&k| {
                (!media_only || c.kind_of(k).0.is_media())
                    && from_me.is_none_or(|f| c.message_from_me(k) == f)
            })
            .skip(offset)
            .take(limit)
            .collect()
    };
    let data = picked.into_iter().map(|k| message_json(c, k)).collect();
    let total = if req.paging.growing_total {
        rows.len() + offset + 2 * limit
    } else {
        rows.len()
    };
    page(data, limit, offset, total, chat_json(c))
}

fn page(data: Vec<Value>, limit: usize, offset: usize, total: usize, info: Value) -> Resp {
    ok(
        "Success get chat messages",
        json!({
            "data": data,
            "pagination": {"limit": limit, "offset": offset, "total": total},
            "chat_info": info
        }),
    )
}

/// `content`: text or caption; synthesised text for locations, contacts and calls.
fn content_of(m: &SandboxMessage) -> String {
    match (&m.location, &m.contact, m.kind) {
        (Some(l), _, _) => format!("📍 {}\n{}", l.name, l.address),
        (_, Some(p), _) => format!("👤 {}", p.name),
        (_, _, K::Call) => "Incoming call".into(),
        _ => m.text.clone(),
    }
}

fn message_json(c: &SandboxChat, k: usize) -> Value {
    let Some(m) = c.message(k) else {
        return Value::Null;
    };
    let kind = media_type(m.kind);
    let ts = time(Some(m.timestamp), c.plus7);
    let updated = time(Some(m.timestamp + if m.edited { 95 } else { 0 }), false);
    let (filename, url, size) = match &m.media {
        Some(media) => (
            media.filename.clone().unwrap_or_else(|| {
                let ext = media.mimetype.split(['/', ';']).nth(1).unwrap_or("bin");
                format!("{kind}_{}_{}.{ext}", m.timestamp, m.id)
            }),
            format!(
                "https://mmg.whatsapp.net/v/t62.7118-24/{}.enc?ccb=11-4",
                m.id
            ),
            media.size,
        ),
        None => (String::new(), String::new(), 0),
    };
    let display = if m.from_me {
        ME_NAME.to_string()
    } else {
        m.sender_name
            .clone()
            .unwrap_or_else(|| m.sender.split('@').next().unwrap_or("").to_string())
    };
    let mut o = Map::new();
    for (key, v) in [
        ("id", json!(m.id)),
        ("chat_jid", json!(c.jid)),
        ("sender_jid", json!(m.sender)),
        ("sender_display_name", json!(display)),
        ("content", json!(content_of(&m))),
        ("timestamp", json!(ts)),
        ("is_from_me", json!(m.from_me)),
        ("media_type", json!(kind)),
        ("filename", json!(filename)),
        ("url", json!(url)),
        ("file_length", json!(size)),
        ("created_at", json!(time(Some(m.timestamp), false))),
        ("updated_at", json!(updated)),
    ] {
        o.insert(key.into(), v);
    }
    let reactions: Vec<Value> = c
        .reactions_to(k)
        .into_iter()
        .filter_map(|r| c.message(r))
        .map(|r| {
            json!({"emoji": r.reaction, "sender_jid": r.sender, "is_from_me": r.from_me,
                "sender_display_name": r.sender_name.unwrap_or_else(|| ME_NAME.into()),
                "timestamp": time(Some(r.timestamp), false)})
        })
        .collect();
    if !reactions.is_empty() {
        o.insert("reactions".into(), Value::Array(reactions));
    }
    if m.kind == K::Call {
        let meta = json!({"call_id": format!("CALL{}", &m.id[4..]), "auto_rejected": false});
        o.insert("call_metadata".into(), json!(meta.to_string()));
    }
    Value::Object(o)
}
