//! Evolution v2's `POST /chat/findMessages/{instance}` (MESSAGES.md §8.1): `page` (1-based) ×
//! `offset` (the page size, default 50), newest first, `{"messages": {total, pages, currentPage,
//! records}}` with `total` honouring the filters; `where.key.fromMe: false` ignored; the
//! `messageTimestamp` filter only with both `gte` and `lte`, each through `new Date(x) / 1000`
//! (a number is ms: seconds become 1970); raw Baileys records (`key`, `pushName` "Você" for own,
//! folded `conversation`, `contextInfo`, `MessageUpdate` receipts in no particular order plus
//! `EDITED`/`DELETED`); reactions are rows, deleted rows keep their content.

use std::borrow::Cow;

use chrono::DateTime;
use serde_json::{json, Value};

use super::baileys;
use super::history::{listed, SandboxMessage};
use super::http::{Req, Resp};
use super::inbox::SandboxChat;
use super::state::Shared;

const SOURCES: [&str; 3] = ["android", "ios", "web"];

/// `new Date(x).getTime() / 1000`: numbers are ms, strings are dates.
fn date_seconds(v: &Value) -> Option<f64> {
    if let Some(n) = v.as_f64() {
        return Some(n / 1000.0);
    }
    v.as_str()
        .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
        .map(|d| d.timestamp_millis() as f64 / 1000.0)
}

struct Filter<'a> {
    from_me: bool,
    id: Option<&'a str>,
    kind: Option<&'a str>,
    range: Option<(f64, f64)>,
}

impl Filter<'_> {
    fn keeps(&self, c: &SandboxChat, k: usize) -> bool {
        let (kind, deleted) = c.kind_of(k);
        if !listed("evolution", kind, deleted) {
            return false;
        }
        let t = c.message_time(k) as f64;
        if self.range.is_some_and(|(g, l)| t < g || t > l)
            || (self.from_me && !c.message_from_me(k))
        {
            return false;
        }
        if self.id.is_none() && self.kind.is_none() {
            return true;
        }
        c.message(k).is_some_and(|m| {
            self.id.is_none_or(|id| m.id == id) && self.kind.is_none_or(|t| record_type(&m) == t)
        })
    }
}

pub(super) fn find_messages(req: &Req, body: &Value, sh: &Shared) -> Resp {
    let w = &body["where"];
    let ts = &w["messageTimestamp"];
    let filter = Filter {
        from_me: w["key"]["fromMe"].as_bool() == Some(true),
        id: w["key"]["id"].as_str(),
        kind: w["messageType"].as_str(),
        range: date_seconds(&ts["gte"]).zip(date_seconds(&ts["lte"])),
    };
    // `repeat-pages` serves page 1 whatever is asked; `oversized-pages` ignores the page size.
    let page = 1 + req
        .paging
        .offset(body["page"].as_u64().unwrap_or(1).max(1) as usize - 1);
    let asked = body["offset"].as_u64().unwrap_or(50).max(1) as usize;
    let size = req.paging.limit(asked);
    let inbox = &*sh.inbox();
    let views: Vec<Cow<SandboxChat>> = match w["key"]["remoteJid"].as_str() {
        Some(jid) => inbox.chats.iter().filter(|c| c.jid == jid).collect(),
        None => inbox.chats[..inbox.active].iter().collect::<Vec<_>>(),
    }
    .into_iter()
    .map(|c| sh.view("evolution", c))
    .collect();
    let chats: Vec<&SandboxChat> = views.iter().map(|c| &**c).collect();
    let mut matching: Vec<(i64, &SandboxChat, usize)> = Vec::new();
    for c in &chats {
        let (first, last) = match filter.range {
            Some((g, l)) => (
                c.message_index_at(l.floor() as i64),
                c.message_index_at(g.ceil() as i64 - 1),
            ),
            None => (0, c.message_count),
        };
        matching.extend(
            (first..last.max(first))
                .filter(|&k| filter.keeps(c, k))
                .map(|k| (c.message_time(k), *c, k)),
        );
    }
    if chats.len() > 1 {
        matching.sort_by_key(|e| std::cmp::Reverse(e.0));
    }
    let total = matching.len();
    let reported = if req.paging.growing_total {
        total + page * asked
    } else {
        total
    };
    let records: Vec<Value> = matching
        .into_iter()
        .skip(size * (page - 1))
        .take(size)
        .filter_map(|(_, c, k)| c.message(k).map(|m| record(c, &m)))
        .collect();
    Resp::json(
        200,
        &json!({"messages": {"total": reported, "pages": reported.div_ceil(asked), "currentPage": page,
            "records": records}}),
    )
}

fn record_type(m: &SandboxMessage) -> String {
    baileys::content(m, None, true).0
}

/// Receipts in an order that is not chronological for half of them (own messages: by status;
/// incoming ones: delivered, and read unless still unread), then the edit and delete markers.
fn updates(c: &SandboxChat, m: &SandboxMessage) -> Vec<Value> {
    let chain: &[&str] = match m.status {
        None if !m.from_me && c.is_unread(m.index) => &["DELIVERY_ACK"],
        None if !m.from_me => &["DELIVERY_ACK", "READ"],
        Some("pending") => &["PENDING"],
        Some("failed") => &["ERROR"],
        Some("sent") => &["SERVER_ACK"],
        Some("delivered") => &["SERVER_ACK", "DELIVERY_ACK"],
        Some("read") => &["SERVER_ACK", "DELIVERY_ACK", "READ"],
        Some("played") => &["SERVER_ACK", "DELIVERY_ACK", "READ", "PLAYED"],
        _ => &[],
    };
    let mut v: Vec<&str> = chain.to_vec();
    if m.index % 2 == 1 {
        v.reverse();
    }
    if m.edited {
        v.push("EDITED");
    }
    if m.deleted {
        v.push("DELETED");
    }
    v.into_iter().map(|s| json!({"status": s})).collect()
}

/// One stored row: the Baileys message as Evolution keeps it.
pub(super) fn record(c: &SandboxChat, m: &SandboxMessage) -> Value {
    let participant = (c.is_group() && !m.from_me).then_some(m.sender.as_str());
    let context = m
        .reply_to
        .as_ref()
        .and_then(|_| c.linked(m))
        .map(|q| baileys::context_info(&q, &q.sender));
    let (kind, mut content) = baileys::content(m, None, true);
    if kind == "reactionMessage" {
        content[&kind]["key"]["remoteJid"] = json!(c.jid);
    }
    json!({
        "id": format!("cm{:016x}{:07x}", c.hash(m.index, 7), m.index & 0xFFF_FFFF),
        "key": {"id": m.id, "fromMe": m.from_me, "remoteJid": c.jid, "participant": participant},
        "pushName": if m.from_me { Some("Você") } else { m.sender_name.as_deref() },
        "messageType": kind,
        "message": content,
        "contextInfo": context,
        "source": SOURCES[m.index % 3],
        "messageTimestamp": m.timestamp,
        "instanceId": "0b6f5c1e-7d2a-4c1b-9f3e-sandbox00001",
        "MessageUpdate": updates(c, m),
    })
}
