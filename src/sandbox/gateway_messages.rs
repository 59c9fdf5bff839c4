//! The WhatsApp Gateway's `GET …/chats/{cid}/messages` (MESSAGES.md §6.1): rows ordered by row
//! id (`msg_<ULID>` minted at insert) descending, which is not time order: a third of each chat
//! (from 6 rows) was imported by a history sync after part of the live messages arrived, so
//! those old rows sit above newer ones, oldest first. `cursor` = the last row's id, served as
//! `id < cursor`; `nextCursor` only on a full page; `waMessageId` is the WhatsApp id; deleted
//! rows keep their body; reactions, calls and system messages are not stored; an unknown chat is
//! 200 `{"data": []}`.

use serde_json::{json, Map, Value};

use super::creds;
use super::gateway::{err, fresh_cursor, limit, ms};
use super::history::{MessageKind as K, SandboxMessage};
use super::http::{Req, Resp};
use super::inbox::{Inbox, SandboxChat};
use super::rows::Rows;

/// A chat's rows in the gateway's listing order.
pub(super) struct InsertOrder<'a> {
    chat: &'a SandboxChat,
    rows: Rows<'a>,
    /// Rows delivered while the sandbox runs: inserted last, so listed first: `[0, fresh)`.
    fresh: usize,
    /// Of the generated rows (numbered from 0): live rows stored after the import:
    /// `[0, after)`; imported: `[live, len)`.
    after: usize,
    live: usize,
}

impl<'a> InsertOrder<'a> {
    pub fn new(inbox: &Inbox, chat: &'a SandboxChat) -> InsertOrder<'a> {
        let rows = Rows::of(inbox, chat, "whatsapp-gateway");
        let fresh = rows.live();
        let r = rows.len() - fresh;
        let (after, live) = if r < 6 {
            (r, r)
        } else {
            let live = r - r / 3;
            ((live / 2).max(1), live)
        };
        InsertOrder {
            chat,
            rows,
            fresh,
            after,
            live,
        }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Time-order row number (0 = newest) at listing position `p`.
    fn row_at(&self, p: usize) -> usize {
        let Some(p) = p.checked_sub(self.fresh) else {
            return p;
        };
        let generated = self.len() - self.fresh;
        let imported = generated - self.live;
        self.fresh
            + if p < self.after {
                p
            } else if p < self.after + imported {
                generated - 1 - (p - self.after)
            } else {
                self.after + (p - self.after - imported)
            }
    }

    /// History index of the entry at listing position `p`.
    pub fn index_at(&self, p: usize) -> Option<usize> {
        self.rows.nth(self.row_at(p))
    }

    /// `createdAt` (ms) and row id of the row at listing position `p`.
    fn stamp(&self, p: usize) -> Option<(i64, String)> {
        let q = self.row_at(p);
        let k = self.rows.nth(q)?;
        let (created, rand) = match q.checked_sub(self.fresh) {
            Some(g) if g >= self.live => {
                let first_after = self.rows.nth(self.fresh + self.after)?;
                let import = ms(self.chat.message_time(first_after)) + 1000;
                let salt = (self.chat.gen_hash(0, 6) & 0xFF_FFFF_FFFF) as u128;
                (import, salt << 40 | g as u128)
            }
            // Delivered live: after every generated row, in delivery order within a second.
            None => {
                let h = self.chat.hash(k, 5);
                (
                    ms(self.chat.message_time(k)) + 901 + (self.fresh - 1 - q) as i64,
                    (h as u128) << 16 | (h >> 48) as u128,
                )
            }
            Some(_) => {
                let h = self.chat.hash(k, 5);
                (
                    ms(self.chat.message_time(k)) + 300 + (h % 600) as i64,
                    (h as u128) << 16 | (h >> 48) as u128,
                )
            }
        };
        Some((created, ulid(created, rand)))
    }

    /// The first listing position whose row id sorts below `cursor`.
    fn after_cursor(&self, cursor: &str) -> usize {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.stamp(mid) {
                Some((_, id)) if id.as_str() < cursor => hi = mid,
                _ => lo = mid + 1,
            }
        }
        lo
    }
}

/// `msg_` + a ULID: 48-bit ms time and 80 more bits, Crockford base32.
fn ulid(ms: i64, rand: u128) -> String {
    const A: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let mut n = (ms as u128) << 80 | (rand & ((1 << 80) - 1));
    let mut out = [b'0'; 26];
    for slot in out.iter_mut().rev() {
        *slot = A[(n & 31) as usize];
        n >>= 5;
    }
    format!("msg_{}", String::from_utf8_lossy(&out))
}

pub(super) fn messages(req: &Req, inbox: &Inbox, cid: &str) -> Resp {
    let limit = match limit(req) {
        Ok(l) => req.paging.limit(l),
        Err(e) => return e,
    };
    let cursor = req.q("cursor").filter(|c| !c.is_empty());
    if cursor.is_some_and(|c| c.trim() != c) {
        return err(400, "validation_error", "invalid cursor");
    }
    let Some(c) = inbox
        .find(cid)
        .filter(|c| c.jid == cid || c.lid_alias.as_deref() == Some(cid))
    else {
        return Resp::json(200, &json!({"data": []}));
    };
    let order = InsertOrder::new(inbox, c);
    // `repeat-pages`: the cursor is ignored and a fresh one handed out with the same rows.
    let start = match cursor.filter(|_| !req.paging.repeat) {
        None => 0,
        Some(cur) => order.after_cursor(cur),
    };
    let end = (start + limit).min(order.len());
    let mut data = Vec::with_capacity(end.saturating_sub(start));
    let mut last_id = None;
    for p in start..end {
        let (Some(k), Some((created, id))) = (order.index_at(p), order.stamp(p)) else {
            break;
        };
        if let Some(m) = c.message(k) {
            data.push(message_json(c, &m, &id, created));
        }
        last_id = Some(id);
    }
    let mut o = Map::new();
    let full = data.len() == limit;
    o.insert("data".into(), Value::Array(data));
    if let (true, Some(id)) = (full, last_id) {
        let next = if req.paging.repeat {
            fresh_cursor(cursor)
        } else {
            id
        };
        o.insert("nextCursor".into(), json!(next));
    }
    Resp::json(200, &Value::Object(o))
}

fn kind_name(kind: K) -> &'static str {
    match kind {
        K::Voice => "audio",
        k => k.as_str(),
    }
}

fn message_json(c: &SandboxChat, m: &SandboxMessage, id: &str, created: i64) -> Value {
    let mut o = Map::new();
    o.insert("id".into(), json!(id));
    o.insert("sessionId".into(), json!(creds::GATEWAY_SESSION));
    o.insert("waMessageId".into(), json!(m.id));
    o.insert("chatJid".into(), json!(c.jid));
    let sender_key = if m.sender.ends_with("@lid") {
        "senderLid"
    } else {
        "senderJid"
    };
    o.insert(sender_key.into(), json!(m.sender));
    if let Some(n) = &m.sender_name {
        o.insert("senderName".into(), json!(n));
    }
    o.insert("fromMe".into(), json!(m.from_me));
    o.insert(
        "direction".into(),
        json!(if m.from_me { "out" } else { "in" }),
    );
    o.insert("type".into(), json!(kind_name(m.kind)));
    if !m.text.is_empty() {
        o.insert("body".into(), json!(m.text));
    }
    if let Some(q) = &m.reply_to {
        o.insert("quotedMessageId".into(), json!(q));
    }
    o.insert("hasMedia".into(), json!(m.media.is_some()));
    // The inbound adapter stores mimetype/size/filename; stickers arrive without them.
    if let Some(media) = m.media.as_ref().filter(|_| m.kind != K::Sticker) {
        let mut meta = Map::new();
        meta.insert("mimetype".into(), json!(media.mimetype));
        meta.insert("size".into(), json!(media.size));
        if let Some(f) = &media.filename {
            meta.insert("filename".into(), json!(f));
        }
        o.insert("media".into(), Value::Object(meta));
    }
    if let Some(s) = m.status {
        o.insert("status".into(), json!(s));
        let level = match s {
            "pending" => 0,
            "sent" => 1,
            "delivered" => 2,
            "read" => 3,
            "played" => 4,
            _ => -1,
        };
        o.insert("ackLevel".into(), json!(level));
        if s == "failed" {
            o.insert("error".into(), json!("message send failed: 479"));
        }
    }
    o.insert("edited".into(), json!(m.edited));
    o.insert("deleted".into(), json!(m.deleted));
    o.insert("timestamp".into(), json!(ms(m.timestamp)));
    o.insert("createdAt".into(), json!(created));
    Value::Object(o)
}
