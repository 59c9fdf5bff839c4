//! WAHA's `GET /api/{session}/chats/{chatId}/messages`, also behind Wawp's
//! `GET /v2/chats/messages` (MESSAGES.md §3.1, §7.1): offset paging over the raw store with no
//! total, where the page is cut first and reactions, edits, revokes, notifications and calls are
//! dropped after, so short pages come mid-history; `limit` default 10; `downloadMedia` defaults
//! to true (each download is counted: `Sandbox::media_downloads`); `filter.timestamp.gte/lte`
//! (s, inclusive), `filter.fromMe`, `filter.ack`; WEBJS ignores `sortOrder`, NOWEB/GOWS honour
//! `asc`; `all` merges every chat on NOWEB/GOWS and is 501 on WEBJS.

use std::borrow::Cow;
use std::sync::atomic::Ordering;

use serde_json::{json, Value};

use super::history::SandboxMessage;
use super::http::{int_q, Req};
use super::inbox::SandboxChat;
use super::state::Shared;
use super::waha_wire::{ack, wa_message, Engine};

/// Why a listing was refused; each emulator words it its own way.
pub(super) enum Refused {
    BadRequest(Vec<String>),
    /// WEBJS looks the chat up first: an unknown chat is an evaluation error (500).
    UnknownChat,
    /// `chatId=all` on WEBJS.
    AllOnWebjs,
}

const ACKS: [&str; 6] = ["ERROR", "PENDING", "SERVER", "DEVICE", "READ", "PLAYED"];

struct Query {
    limit: usize,
    offset: usize,
    asc: bool,
    download: bool,
    gte: Option<i64>,
    lte: Option<i64>,
    from_me: Option<bool>,
    ack: Option<i64>,
}

fn query(req: &Req, eng: Engine) -> Result<Query, Refused> {
    let mut errs = Vec::new();
    let mut num = |key: &str| {
        int_q(req, key).unwrap_or_else(|_| {
            errs.push(format!(
                "{key} must be a number conforming to the specified constraints"
            ));
            None
        })
    };
    let (limit, offset) = (num("limit"), num("offset"));
    let (gte, lte) = (num("filter.timestamp.gte"), num("filter.timestamp.lte"));
    let mut boolean = |key: &str| match req.q(key) {
        None | Some("") => None,
        Some("true") => Some(true),
        Some("false") => Some(false),
        Some(_) => {
            errs.push(format!("{key} must be a boolean value"));
            None
        }
    };
    let (download, from_me) = (boolean("downloadMedia"), boolean("filter.fromMe"));
    if let Some(s) = req.q("sortBy").filter(|s| !s.is_empty()) {
        if s != "timestamp" && s != "messageTimestamp" {
            errs.push(
                "sortBy must be one of the following values: timestamp, messageTimestamp".into(),
            );
        }
    }
    let ack = match req.q("filter.ack").filter(|s| !s.is_empty()) {
        None => None,
        Some(a) => match ACKS.iter().position(|x| *x == a) {
            Some(i) => Some(i as i64 - 1),
            None => return Err(Refused::BadRequest(vec![format!("Invalid ack: '{a}'")])),
        },
    };
    if !errs.is_empty() {
        return Err(Refused::BadRequest(errs));
    }
    let order = req.q("sortOrder").unwrap_or("desc");
    Ok(Query {
        limit: req.paging.limit(limit.unwrap_or(10).max(0) as usize),
        offset: req.paging.offset(offset.unwrap_or(0).max(0) as usize),
        asc: match eng {
            Engine::Webjs => false,
            Engine::Gows => order == "asc",
            Engine::Noweb => order.eq_ignore_ascii_case("asc"),
        },
        download: download.unwrap_or(true),
        gte,
        lte,
        from_me,
        ack,
    })
}

/// One page of WAMessages of `chat_id` (any id form of the inbox, or `all`), as `gateway`
/// (`waha` or `wawp`) serves it: acks follow what it was told to mark read.
pub(super) fn list(
    req: &Req,
    sh: &Shared,
    gateway: &'static str,
    eng: Engine,
    chat_id: &str,
) -> Result<Vec<Value>, Refused> {
    let q = query(req, eng)?;
    let inbox = &*sh.inbox();
    let views: Vec<Cow<SandboxChat>>;
    // (chat, entry) pairs of the page, before the drop.
    let page: Vec<(&SandboxChat, usize)> = if chat_id == "all" {
        if eng == Engine::Webjs {
            return Err(Refused::AllOnWebjs);
        }
        views = inbox.chats[..inbox.active]
            .iter()
            .map(|c| sh.view(gateway, c))
            .collect();
        let mut all: Vec<(i64, &SandboxChat, usize)> = Vec::new();
        for c in &views {
            let (first, last) = window(c, &q);
            all.extend((first..last).map(|k| (c.message_time(k), &**c, k)));
        }
        all.sort_by_key(|e| std::cmp::Reverse(e.0));
        if q.asc {
            all.reverse();
        }
        filtered(all.into_iter().map(|(_, c, k)| (c, k)), &q)
    } else {
        let Some(found) = inbox.find(chat_id) else {
            return match eng {
                Engine::Webjs => Err(Refused::UnknownChat),
                _ => Ok(Vec::new()),
            };
        };
        views = vec![sh.view(gateway, found)];
        let c: &SandboxChat = &views[0];
        let (first, last) = window(c, &q);
        if q.asc {
            filtered((first..last).rev().map(|k| (c, k)), &q)
        } else {
            filtered((first..last).map(|k| (c, k)), &q)
        }
    };
    let mut out = Vec::with_capacity(page.len());
    for (c, k) in page {
        let Some(m) = c.message(k).filter(|m| m.listed_by("waha")) else {
            continue;
        };
        let quoted = m.reply_to.as_ref().and_then(|_| c.linked(&m));
        let mut v = wa_message(c, &m, eng, quoted.as_ref());
        if q.download && m.media.is_some() && !m.deleted {
            sh.media_downloads.fetch_add(1, Ordering::Relaxed);
            attach_media(&mut v, &m);
        }
        out.push(v);
    }
    Ok(out)
}

/// Entries `[first, last)` inside the timestamp filter (times strictly decrease with `k`).
fn window(c: &SandboxChat, q: &Query) -> (usize, usize) {
    let first = q.lte.map_or(0, |t| c.message_index_at(t));
    let last = q.gte.map_or(c.message_count, |t| c.message_index_at(t - 1));
    (first, last.max(first))
}

/// The page: entries passing `fromMe`/`ack`, after `offset`, `limit` of them.
fn filtered<'a>(
    it: impl Iterator<Item = (&'a SandboxChat, usize)>,
    q: &Query,
) -> Vec<(&'a SandboxChat, usize)> {
    it.filter(|&(c, k)| q.from_me.is_none_or(|f| c.message_from_me(k) == f))
        .filter(|&(c, k)| {
            q.ack
                .is_none_or(|a| c.message(k).is_some_and(|m| ack(c, &m).0 == Some(a)))
        })
        .skip(q.offset)
        .take(q.limit)
        .collect()
}

/// `media` of a downloaded file, as WAHA serves it from its file store.
fn attach_media(v: &mut Value, m: &SandboxMessage) {
    let Some(media) = &m.media else { return };
    let ext = media.mimetype.split(['/', ';']).nth(1).unwrap_or("bin");
    let url = format!("http://localhost:3000/api/files/default/{}.{ext}", m.id);
    if let Some(o) = v.as_object_mut() {
        o.insert(
            "media".into(),
            json!({"url": url, "mimetype": media.mimetype, "filename": media.filename, "error": null}),
        );
        o.insert("mediaUrl".into(), json!(url));
    }
}
