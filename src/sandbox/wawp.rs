//! Wawp v2 emulator (a hosted WAHA; messages as WAHA WEBJS): query-string credentials, a WAHA pass-
//! through chat list whose `id` is sometimes a string and sometimes an object, and the documented
//! numeric-keyed overview object with top-level `unreadCount` and a silent 20-chat default page
//! (PROVIDERS.md §2).

use serde_json::{json, Value};

use super::creds;
use super::http::{reason, Req, Resp};
use super::inbox::SandboxChat;
use super::profiles::profile;
use super::state::Shared;
use super::waha_messages::Refused;
use super::waha_wire::Engine;
use super::webjs as waha;

pub(super) fn handle(req: &Req, sh: &Shared) -> Resp {
    let (instance, token) = match (req.q("instance_id"), req.q("access_token")) {
        (Some(i), Some(t)) if !i.is_empty() && !t.is_empty() => (i, t),
        _ => return error(400),
    };
    if token != creds::WAWP_TOKEN {
        return error(401);
    }
    let array = match instance {
        creds::WAWP_INSTANCE => false,
        creds::WAWP_INSTANCE_ARRAY => true,
        _ => return error(404),
    };
    match (req.method.as_str(), req.path.trim_end_matches('/')) {
        ("GET", "/v2/chats") => list(req, sh),
        ("GET", "/v2/chats/overview") => overview(req, sh, array),
        ("POST", "/v2/chats/read") => match req.q("chatId").filter(|c| !c.is_empty()) {
            None => error(400),
            Some(chat) => {
                super::read_calls::whole_chat(sh, "wawp", chat).unwrap_or_else(|| error(500))
            }
        },
        ("GET", "/v2/chats/messages") => messages(req, sh, array),
        ("GET", "/v2/session/info") => Resp::json(
            200,
            &json!({
                "name": instance, "status": "WORKING",
                "me": {"id": "6281100000000@c.us", "pushName": super::inbox::ME_NAME}
            }),
        ),
        _ => body(404, "Route Not Found"),
    }
}

fn body(status: u16, message: &str) -> Resp {
    Resp::json(
        status,
        &json!({"status": status, "message": message, "error": reason(status)}),
    )
}

/// Wawp's declared error schema `{status, message, error}` for an arbitrary status.
pub(super) fn error(status: u16) -> Resp {
    match status {
        400 => body(400, "Missing Required Parameter(s)"),
        401 => body(401, "Invalid or Missing Access Token"),
        403 => body(403, "Quota or Limit Reached"),
        404 => body(404, "Session Does Not Exist"),
        500 => Resp::typed(500, "text/html; charset=UTF-8", "<!DOCTYPE html><html><head><title>Internal Server Error</title></head><body><h1>Internal Server Error</h1></body></html>"),
        502 => body(502, "Connection Failed to Upstream"),
        _ => body(status, reason(status)),
    }
}

/// WAHA WEBJS underneath, as an array or (the keyed instance) a numeric-keyed object.
fn messages(req: &Req, sh: &Shared, array: bool) -> Resp {
    let Some(chat) = req.q("chatId").filter(|c| !c.is_empty()) else {
        return error(400);
    };
    match super::waha_messages::list(req, sh, "wawp", Engine::Webjs, chat) {
        Ok(items) if array => Resp::json(200, &Value::Array(items)),
        Ok(items) => Resp::json(200, &keyed(items)),
        Err(Refused::BadRequest(m)) => body(400, &m.join("; ")),
        Err(Refused::UnknownChat) => error(500),
        Err(Refused::AllOnWebjs) => body(501, "Can not get messages from 'all' in WEBJS"),
    }
}

fn keyed(items: impl IntoIterator<Item = Value>) -> Value {
    Value::Object(
        items
            .into_iter()
            .enumerate()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

fn list(req: &Req, sh: &Shared) -> Resp {
    let inbox = &*sh.inbox();
    let sort_by = req.q("sortBy").filter(|s| !s.is_empty());
    if sort_by.is_some_and(|s| !["conversationTimestamp", "id", "name"].contains(&s)) {
        return body(
            400,
            "sortBy must be one of the following values: conversationTimestamp, id, name",
        );
    }
    let (limit, offset) = match waha::limit_offset(req) {
        Ok(p) => p,
        Err(e) => return body(400, &e.join("; ")),
    };
    let idx = waha::page(
        inbox,
        inbox.chats.len(),
        sort_by,
        req.q("sortOrder"),
        offset,
        limit,
    );
    let items: Vec<Value> = idx
        .iter()
        .map(|&i| list_item(&sh.view("wawp", &inbox.chats[i])))
        .collect();
    Resp::json(200, &Value::Array(items))
}

/// Engine object; the id is a plain string on even rows and WAHA's object on odd rows.
fn list_item(c: &SandboxChat) -> Value {
    let id = if c.index.is_multiple_of(2) {
        json!(c.c_us())
    } else {
        waha::id_obj(c)
    };
    json!({
        "id": id, "name": c.name, "conversationTimestamp": c.last_activity.unwrap_or(0),
        "unreadCount": c.unread_now(), "isGroup": c.is_group(), "archived": c.archived, "pinned": c.pinned
    })
}

fn overview(req: &Req, sh: &Shared, array: bool) -> Resp {
    let inbox = &*sh.inbox();
    let (limit, offset) = match waha::limit_offset(req) {
        Ok(p) => p,
        Err(e) => return body(400, &e.join("; ")),
    };
    let items = inbox
        .chats
        .iter()
        .skip(offset)
        .take(limit.unwrap_or(20))
        .map(|c| overview_item(&sh.view("wawp", c), inbox.now));
    if array {
        return Resp::json(200, &Value::Array(items.collect()));
    }
    Resp::json(200, &keyed(items))
}

fn overview_item(c: &SandboxChat, now: i64) -> Value {
    let last = c.last_message().map(
        |m| json!({"id": m.id, "body": m.text, "timestamp": m.timestamp, "fromMe": m.from_me}),
    );
    json!({
        "id": c.c_us(), "name": c.known_name(), "unreadCount": c.unread_now(), "lastMessage": last,
        "picture": c.picture, "_chat": waha::webjs_chat(c, now, false)
    })
}

/// The demo profiles pointing at this emulator, served at `url`.
pub(super) fn demo_profiles(url: &str) -> String {
    [
        profile(
            "wawp",
            "wawp",
            ("base_url", url),
            &[
                ("instance_id", creds::WAWP_INSTANCE),
                ("access_token", creds::WAWP_TOKEN),
            ],
        ),
        profile(
            "wawp-array",
            "wawp",
            ("base_url", url),
            &[
                ("instance_id", creds::WAWP_INSTANCE_ARRAY),
                ("access_token", creds::WAWP_TOKEN),
            ],
        ),
    ]
    .concat()
}
