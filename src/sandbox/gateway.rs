//! WhatsApp Gateway (rama-adi/quick-whatsapp-gateway) emulator (messages: `gateway_messages.rs`):
//! Bearer / x-api-key auth, numeric row ids, cursor paging whose `nextCursor` is omitted on a short
//! last page but present on a full one, omitted optional fields, ms timestamps and
//! `{"error":{code,message}}` bodies (PROVIDERS.md §5).

use serde_json::{json, Map, Value};

use super::creds;
use super::http::{decode, Req, Resp};
use super::inbox::{Inbox, SandboxChat};
use super::profiles::profile;
use super::state::Shared;

pub(super) fn handle(req: &Req, sh: &Shared) -> Resp {
    if req.path == "/healthz" {
        return Resp::text(200, "ok");
    }
    if !authorized(req) {
        return error(401);
    }
    let segs: Vec<&str> = req.path.split('/').filter(|s| !s.is_empty()).collect();
    let (session, rest) = match segs.as_slice() {
        ["api", "v1", "sessions", s, rest @ ..] => (decode(s), rest),
        _ => return err(404, "not_found", "route not found"),
    };
    let route = match rest {
        [] => Route::Session,
        ["chats"] => Route::Chats,
        ["chats", cid, "messages"] => Route::Messages(decode(cid)),
        ["chats", cid, "read"] if req.method == "POST" => Route::Read(decode(cid)),
        _ => return err(404, "not_found", "route not found"),
    };
    if matches!(route, Route::Read(_)) && !can_send(req) {
        return err(403, "forbidden", "missing required capability: send");
    }
    if req.method != "GET" && !matches!(route, Route::Read(_)) {
        return err(405, "method_not_allowed", "method not allowed");
    }
    if session != creds::GATEWAY_SESSION {
        return err(404, "not_found", "session not found");
    }
    match route {
        Route::Session => Resp::json(
            200,
            &json!({
                "id": creds::GATEWAY_SESSION, "name": "Sandbox", "status": "connected",
                "phone": "6281100000000", "jid": super::inbox::ME_JID, "createdAt": 1_704_067_200_000_i64
            }),
        ),
        Route::Chats => chats(req, &sh.inbox()),
        Route::Messages(cid) => super::gateway_messages::messages(req, &sh.inbox(), &cid),
        Route::Read(cid) => super::read_calls::gateway(sh, &cid),
    }
}

enum Route {
    Session,
    Chats,
    Messages(String),
    Read(String),
}

pub(super) fn err(status: u16, code: &str, message: &str) -> Resp {
    Resp::json(
        status,
        &json!({"error": {"code": code, "message": message}}),
    )
}

/// The gateway's `{"error":{code,message}}` body for an arbitrary status.
pub(super) fn error(status: u16) -> Resp {
    match status {
        400 => err(400, "validation_error", "invalid request"),
        401 => err(401, "unauthorized", "missing or invalid credentials"),
        403 => err(403, "forbidden", "missing required capability: read"),
        404 => err(404, "not_found", "session not found"),
        409 => err(409, "conflict", "conflict"),
        429 => err(429, "rate_limited", "rate limit exceeded"),
        501 => err(501, "not_implemented", "not implemented"),
        503 => err(503, "gateway_unavailable", "owning gateway did not respond"),
        _ => err(status, "internal", "internal server error"),
    }
}

/// `x-api-key` wins; a Bearer token with three dot-separated parts is a (here: invalid) login JWT.
fn authorized(req: &Req) -> bool {
    key(req).is_some_and(|k| k == creds::GATEWAY_TOKEN || k == creds::GATEWAY_READ_TOKEN)
}

/// Whether the key has the `send` capability (the read-only key has only `read`).
fn can_send(req: &Req) -> bool {
    key(req) == Some(creds::GATEWAY_TOKEN)
}

fn key(req: &Req) -> Option<&str> {
    if let Some(k) = req.header("x-api-key") {
        return Some(k.trim());
    }
    let bearer = req
        .header("authorization")
        .and_then(|h| h.trim().split_once(' '))
        .filter(|(s, _)| s.eq_ignore_ascii_case("bearer"));
    bearer.map(|(_, t)| t.trim())
}

pub(super) fn limit(req: &Req) -> Result<usize, Resp> {
    match req.q("limit").map(str::trim) {
        None | Some("") => Ok(50),
        Some(v) => match v.parse::<i64>() {
            Ok(0) => Ok(50),
            Ok(n) => Ok(n.clamp(1, 200) as usize),
            Err(_) => Err(Resp::json(
                400,
                &json!({"error": {
                    "code": "validation_error", "message": "validation failed",
                    "details": {"errors": [{"location": "query.limit", "message": "expected integer", "value": v}]}
                }}),
            )),
        },
    }
}

pub(super) fn ms(s: i64) -> i64 {
    s * 1000
}

fn cursor_of(c: &SandboxChat) -> String {
    format!("{}:{}", ms(c.last_activity.unwrap_or(0)), c.row_id)
}

pub(super) fn chat_json(c: &SandboxChat) -> Value {
    let kind = match c.server {
        "g.us" => "group",
        "newsletter" => "newsletter",
        "broadcast" if c.user == "status" => "status",
        "broadcast" => "broadcast",
        _ => "dm",
    };
    let mut o = Map::new();
    o.insert("id".into(), json!(c.row_id));
    o.insert("sessionId".into(), json!(creds::GATEWAY_SESSION));
    o.insert("jid".into(), json!(c.jid));
    if let Some(a) = &c.lid_alias {
        o.insert("aliases".into(), json!([a]));
    }
    o.insert("type".into(), json!(kind));
    if let Some(n) = &c.name {
        o.insert("name".into(), json!(n));
    }
    if let Some(t) = c.last_activity {
        o.insert("lastMessageAt".into(), json!(ms(t)));
    }
    // Like the real gateway (PROVIDERS.md §5): every inbound message resets the
    // counter and nothing increments it, so it is 0 whatever is unread.
    o.insert("unreadCount".into(), json!(0));
    o.insert("archived".into(), json!(c.archived));
    o.insert("pinned".into(), json!(c.pinned));
    if let Some(m) = c.muted_until {
        o.insert("mutedUntil".into(), json!(ms(m)));
    }
    Value::Object(o)
}

fn chats(req: &Req, inbox: &Inbox) -> Resp {
    let limit = match limit(req) {
        Ok(l) => req.paging.limit(l),
        Err(e) => return e,
    };
    // Only chats with at least one message: the prefix [0, active), ordered lastMessageAt desc, id desc.
    let listed = &inbox.chats[..inbox.active];
    let cursor = req.q("cursor").map(str::trim).filter(|c| !c.is_empty());
    let start = match cursor.filter(|_| !req.paging.repeat) {
        None => 0,
        Some(c) => {
            let parsed = c
                .split_once(':')
                .and_then(|(t, id)| Some((t.parse::<i64>().ok()?, id.parse::<u64>().ok()?)));
            let Some((t, id)) = parsed else {
                return err(400, "validation_error", "invalid cursor");
            };
            // First row strictly after (t, id) in (lastMessageAt desc, id desc) order.
            listed.partition_point(|c| {
                let ct = ms(c.last_activity.unwrap_or(0));
                ct > t || (ct == t && c.row_id >= id)
            })
        }
    };
    let page = &listed[start.min(listed.len())..(start + limit).min(listed.len())];
    let mut o = Map::new();
    o.insert(
        "data".into(),
        Value::Array(page.iter().map(chat_json).collect()),
    );
    if page.len() == limit {
        if let Some(last) = page.last() {
            let next = if req.paging.repeat {
                fresh_cursor(cursor)
            } else {
                cursor_of(last)
            };
            o.insert("nextCursor".into(), json!(next));
        }
    }
    Resp::json(200, &Value::Object(o))
}

/// The `repeat-pages` fault: a cursor never handed out before ("again-1", "again-2", …).
pub(super) fn fresh_cursor(previous: Option<&str>) -> String {
    let n = previous
        .and_then(|c| c.strip_prefix("again-"))
        .and_then(|n| n.parse::<u64>().ok())
        .unwrap_or(0);
    format!("again-{}", n + 1)
}

/// The demo profiles pointing at this emulator, served at `url`.
pub(super) fn demo_profiles(url: &str) -> String {
    profile(
        "whatsapp-gateway",
        "whatsapp-gateway",
        ("base_url", url),
        &[
            ("session", creds::GATEWAY_SESSION),
            ("token", creds::GATEWAY_TOKEN),
        ],
    )
}
