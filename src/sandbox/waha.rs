//! WAHA emulator (devlikeapro/waha 2026.2; messages: `waha_messages.rs`): per-session engines WEBJS
//! / NOWEB / GOWS with their different chat objects, the lowercase-only `sortOrder=desc` trap, the
//! 20-chat overview default and 422 session errors (PROVIDERS.md §6).

use serde_json::{json, Value};

use super::creds;
use super::http::{reason, Req, Resp};
use super::inbox::SandboxChat;
use super::profiles::profile;
use super::state::Shared;
use super::waha_messages::Refused;
use super::waha_wire::{wa_message, Engine};
use super::webjs::{limit_offset, page, webjs_chat};

pub(super) fn handle(req: &Req, sh: &Shared) -> Resp {
    let key = req.header("x-api-key").or_else(|| req.q("x-api-key"));
    if key != Some(creds::WAHA_KEY) {
        return error(401);
    }
    let segs = req.segments();
    let segs: Vec<&str> = segs.iter().map(String::as_str).collect();
    let not_found = || {
        Resp::json(
            404,
            &json!({"message": format!("Cannot {} {}", req.method, req.path), "error": "Not Found", "statusCode": 404}),
        )
    };
    match (req.method.as_str(), segs.as_slice()) {
        ("GET", ["api", "server", "version"]) => Resp::json(
            200,
            &json!({
                "version": "2026.2.1", "engine": "WEBJS", "tier": "PLUS", "browser": "/usr/bin/chromium",
                "platform": "linux/x64", "worker": {"id": null}
            }),
        ),
        ("GET", ["api", "sessions", creds::WAHA_SESSION_STOPPED]) => Resp::json(
            200,
            &json!({"name": creds::WAHA_SESSION_STOPPED, "status": "STOPPED", "config": {}, "me": null,
                    "engine": {"engine": "WEBJS"}}),
        ),
        ("GET", ["api", "sessions", s]) => {
            session(s).map_or_else(|e| e, |eng| session_info(s, eng))
        }
        ("GET", ["api", s, "chats"]) => session(s).map_or_else(|e| e, |eng| list(req, sh, eng)),
        ("POST", ["api", s, "chats", chat, "messages", "read"]) => {
            session(s).map_or_else(|e| e, |eng| mark_read(req, sh, eng, chat))
        }
        ("GET", ["api", s, "chats", chat, "messages"]) => {
            session(s).map_or_else(|e| e, |eng| messages(req, sh, eng, chat))
        }
        ("GET" | "POST", ["api", s, "chats", "overview"]) => {
            session(s).map_or_else(|e| e, |eng| overview(req, sh, eng))
        }
        _ => not_found(),
    }
}

/// WAHA's (Nest) error body for an arbitrary status.
pub(super) fn error(status: u16) -> Resp {
    match status {
        400 => Resp::json(
            400,
            &json!({"statusCode": 400, "message": ["bad request"], "error": "Bad Request"}),
        ),
        422 => session_missing("default"),
        500 => Resp::json(
            500,
            &json!({
                "statusCode": 500, "timestamp": chrono::Utc::now().to_rfc3339(),
                "exception": {"message": "Evaluation failed: TypeError: Cannot read properties of undefined", "name": "Error", "stack": "Error: Evaluation failed\n    at ExecutionContext._evaluateInternal"},
                "request": {"path": "/api/default/chats", "method": "GET", "body": {}, "query": {}},
                "version": {"version": "2026.2.1", "engine": "WEBJS", "tier": "PLUS"}
            }),
        ),
        _ => Resp::json(
            status,
            &json!({"message": reason(status), "statusCode": status}),
        ),
    }
}

fn bad_request(messages: &[String]) -> Resp {
    Resp::json(
        400,
        &json!({"statusCode": 400, "message": messages, "error": "Bad Request"}),
    )
}

fn session_missing(s: &str) -> Resp {
    Resp::json(
        422,
        &json!({"error": format!("Session \"{s}\" does not exist"), "session": s}),
    )
}

fn session(s: &str) -> Result<Engine, Resp> {
    match s {
        creds::WAHA_SESSION => Ok(Engine::Webjs),
        creds::WAHA_SESSION_NOWEB => Ok(Engine::Noweb),
        creds::WAHA_SESSION_GOWS => Ok(Engine::Gows),
        creds::WAHA_SESSION_STOPPED => Err(Resp::json(
            422,
            &json!({
                "error": "Session status is not as expected. Try again later or restart the session",
                "session": s, "status": "STOPPED", "expected": ["WORKING"]
            }),
        )),
        _ => Err(session_missing(s)),
    }
}

/// WEBJS marks the whole chat (an unknown one is an evaluation error); NOWEB/GOWS a batch.
fn mark_read(req: &Req, sh: &Shared, eng: Engine, chat: &str) -> Resp {
    match eng {
        Engine::Webjs => {
            super::read_calls::whole_chat(sh, "waha", chat).unwrap_or_else(|| error(500))
        }
        _ => super::read_calls::waha_batch(req, sh, eng, chat),
    }
}

fn messages(req: &Req, sh: &Shared, eng: Engine, chat: &str) -> Resp {
    match super::waha_messages::list(req, sh, "waha", eng, chat) {
        Ok(items) => Resp::json(200, &Value::Array(items)),
        Err(Refused::BadRequest(m)) => bad_request(&m),
        Err(Refused::UnknownChat) => error(500),
        Err(Refused::AllOnWebjs) => Resp::json(
            501,
            &json!({"statusCode": 501, "message": "Can not get messages from 'all' in WEBJS", "error": "Not Implemented"}),
        ),
    }
}

fn session_info(s: &str, eng: Engine) -> Resp {
    let engine = match eng {
        Engine::Webjs => "WEBJS",
        Engine::Noweb => "NOWEB",
        Engine::Gows => "GOWS",
    };
    Resp::json(
        200,
        &json!({
            "name": s, "status": "WORKING", "config": {"metadata": null, "webhooks": []},
            "me": {"id": "6281100000000@c.us", "pushName": super::inbox::ME_NAME},
            "engine": {"engine": engine}
        }),
    )
}

fn list(req: &Req, sh: &Shared, eng: Engine) -> Resp {
    let inbox = &*sh.inbox();
    let sort_by = req.q("sortBy").filter(|s| !s.is_empty());
    if sort_by.is_some_and(|s| !["conversationTimestamp", "id", "name"].contains(&s)) {
        return bad_request(&[
            "sortBy must be one of the following values: conversationTimestamp, id, name".into(),
        ]);
    }
    let (limit, offset) = match limit_offset(req) {
        Ok(p) => p,
        Err(e) => return bad_request(&e),
    };
    let upto = if eng == Engine::Noweb {
        inbox.active
    } else {
        inbox.chats.len()
    };
    let idx = page(inbox, upto, sort_by, req.q("sortOrder"), offset, limit);
    let items: Vec<Value> = idx
        .iter()
        .map(|&i| list_item(&sh.view("waha", &inbox.chats[i]), inbox.now, eng))
        .collect();
    Resp::json(200, &Value::Array(items))
}

fn list_item(c: &SandboxChat, now: i64, eng: Engine) -> Value {
    match eng {
        Engine::Webjs => webjs_chat(c, now, true),
        Engine::Noweb => {
            let mut o = json!({"id": c.jid, "conversationTimestamp": c.last_activity.unwrap_or(0)});
            if let (Some(n), Some(map)) = (c.known_name(), o.as_object_mut()) {
                map.insert("name".into(), json!(n));
            }
            o
        }
        Engine::Gows => {
            json!({"id": c.jid, "name": c.name, "conversationTimestamp": c.last_activity.unwrap_or(0)})
        }
    }
}

fn overview(req: &Req, sh: &Shared, eng: Engine) -> Resp {
    let inbox = &*sh.inbox();
    let (limit, offset, ids, status) = if req.method == "POST" {
        let Ok(b) = serde_json::from_slice::<Value>(&req.body) else {
            return bad_request(&["Unexpected token in JSON body".into()]);
        };
        let n = |k: &str| b["pagination"][k].as_u64().map(|v| v as usize);
        let ids: Vec<String> = b["filter"]["ids"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default();
        (n("limit").unwrap_or(20), n("offset").unwrap_or(0), ids, 201)
    } else {
        let (limit, offset) = match limit_offset(req) {
            Ok(p) => p,
            Err(e) => return bad_request(&e),
        };
        let ids = req
            .query
            .iter()
            .filter(|(k, _)| k == "ids" || k == "ids[]")
            .map(|(_, v)| v.clone())
            .collect();
        (limit.unwrap_or(20), offset, ids, 200)
    };
    let shown = |c: &&SandboxChat| {
        eng != Engine::Noweb || (c.server != "broadcast" && c.server != "newsletter")
    };
    let items: Vec<Value> = if ids.is_empty() {
        inbox
            .chats
            .iter()
            .filter(shown)
            .skip(offset)
            .take(limit)
            .map(|c| overview_item(&sh.view("waha", c), inbox.now, eng))
            .collect()
    } else {
        let mut found: Vec<&SandboxChat> = ids
            .iter()
            .filter_map(|id| inbox.find(id))
            .filter(shown)
            .collect();
        found.sort_by_key(|c| c.index);
        found.dedup_by_key(|c| c.index);
        found
            .into_iter()
            .skip(offset)
            .take(limit)
            .map(|c| overview_item(&sh.view("waha", c), inbox.now, eng))
            .collect()
    };
    Resp::json(status, &Value::Array(items))
}

fn overview_item(c: &SandboxChat, now: i64, eng: Engine) -> Value {
    let chat = match eng {
        Engine::Webjs => webjs_chat(c, now, false),
        _ => list_item(c, now, eng),
    };
    json!({
        "id": c.c_us(), "name": c.known_name(), "picture": c.picture,
        "lastMessage": c.last_message().map(|m| wa_message(c, &m, eng, None)), "_chat": chat
    })
}

/// The demo profiles pointing at this emulator, served at `url`.
pub(super) fn demo_profiles(url: &str) -> String {
    [
        profile(
            "waha",
            "waha",
            ("base_url", url),
            &[
                ("session", creds::WAHA_SESSION),
                ("api_key", creds::WAHA_KEY),
            ],
        ),
        profile(
            "waha-noweb",
            "waha",
            ("base_url", url),
            &[
                ("session", creds::WAHA_SESSION_NOWEB),
                ("api_key", creds::WAHA_KEY),
            ],
        ),
    ]
    .concat()
}
