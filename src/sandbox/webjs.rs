//! WAHA's WEBJS wire objects (chat, WAMessage, media stand-ins) and its list sort/paging
//! rules, shared by the WAHA and Wawp emulators (Wawp is a hosted WAHA).

use serde_json::{json, Map, Value};

use super::http::{int_q, Req};
use super::inbox::{Inbox, SandboxChat};
use super::waha_wire::{wa_message, Engine};

/// `{server, user, _serialized}` in the WhatsApp-Web spelling.
pub(super) fn id_obj(c: &SandboxChat) -> Value {
    let server = if c.server == "s.whatsapp.net" {
        "c.us"
    } else {
        c.server
    };
    json!({"server": server, "user": c.user, "_serialized": c.c_us()})
}

/// A WEBJS chat object (without `lastMessage` when `with_last` is false).
pub(super) fn webjs_chat(c: &SandboxChat, now: i64, with_last: bool) -> Value {
    let mut o = Map::new();
    o.insert("id".into(), id_obj(c));
    o.insert("name".into(), json!(c.name));
    o.insert("isGroup".into(), json!(c.is_group()));
    o.insert("isReadOnly".into(), json!(c.server == "newsletter"));
    o.insert("unreadCount".into(), json!(c.unread_now()));
    if let Some(t) = c.last_activity {
        o.insert("timestamp".into(), json!(t));
    }
    o.insert("archived".into(), json!(c.archived));
    o.insert("pinned".into(), json!(c.pinned));
    o.insert(
        "isMuted".into(),
        json!(c.muted_until.is_some_and(|m| m > now)),
    );
    o.insert("muteExpiration".into(), json!(c.muted_until.unwrap_or(0)));
    if with_last {
        if let Some(m) = c.last_message() {
            o.insert("lastMessage".into(), wa_message(c, &m, Engine::Webjs, None));
        }
    }
    Value::Object(o)
}

fn store_key(i: usize) -> u64 {
    (i as u64 ^ 0x5DEE_CE66_D1CE_4E5B).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// Indices of one page of chats `[0, upto)` under WAHA's list sort rules: only exactly `desc`
/// sorts descending; no `sortBy` = the engine's store order.
pub(super) fn page(
    inbox: &Inbox,
    upto: usize,
    sort_by: Option<&str>,
    order: Option<&str>,
    offset: usize,
    limit: Option<usize>,
) -> Vec<usize> {
    let desc = order == Some("desc");
    let limit = limit.unwrap_or(usize::MAX);
    match sort_by {
        Some("conversationTimestamp") if desc => (0..upto).skip(offset).take(limit).collect(),
        Some("conversationTimestamp") => (0..upto).rev().skip(offset).take(limit).collect(),
        _ => {
            let mut idx: Vec<usize> = (0..upto).collect();
            match sort_by {
                Some("id") => idx.sort_by_cached_key(|&i| inbox.chats[i].c_us()),
                Some("name") => {
                    idx.sort_by_cached_key(|&i| inbox.chats[i].name.clone().unwrap_or_default())
                }
                _ => idx.sort_by_key(|&i| store_key(inbox.chats[i].index)),
            }
            if sort_by.is_some() && desc {
                idx.reverse();
            }
            idx.into_iter().skip(offset).take(limit).collect()
        }
    }
}

/// limit/offset as WAHA validates them (Nest messages on error).
pub(super) fn limit_offset(req: &Req) -> Result<(Option<usize>, usize), Vec<String>> {
    let mut errs = Vec::new();
    let limit = int_q(req, "limit").unwrap_or_else(|_| {
        errs.push("limit must be a number conforming to the specified constraints".to_string());
        None
    });
    let offset = int_q(req, "offset").unwrap_or_else(|_| {
        errs.push("offset must be a number conforming to the specified constraints".to_string());
        None
    });
    if !errs.is_empty() {
        return Err(errs);
    }
    Ok((
        limit.map(|l| req.paging.limit(l.max(0) as usize)),
        req.paging.offset(offset.unwrap_or(0).max(0) as usize),
    ))
}
