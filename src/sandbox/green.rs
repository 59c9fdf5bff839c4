//! Green API emulator: credentials in the URL path, activity-ordered `getChats` without unread or
//! time, the incoming/outgoing journals, `getChatHistory` (`green_history.rs`), 1 request/s per
//! method (429), 466 quota, 403 for a wrong idInstance and 404 for a wrong HTTP method
//! (PROVIDERS.md §3, §10.3).

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::creds;
use super::green_history::{entry, shown};
use super::http::{int_q, reason, Req, Resp};
use super::inbox::SandboxChat;
use super::profiles::profile;
use super::state::Shared;

/// Methods limited to one accepted request per second (per instance and method).
const LIMITED: [&str; 4] = [
    "getChats",
    "lastIncomingMessages",
    "lastOutgoingMessages",
    "getChatHistory",
];

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
        ("GET", "getChats"),
        ("GET", "lastIncomingMessages"),
        ("GET", "lastOutgoingMessages"),
        ("GET", "getStateInstance"),
        ("POST", "getChatHistory"),
        ("POST", "readChat"),
    ];
    if !known.contains(&(req.method.as_str(), method)) {
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
        "getChatHistory" => super::green_history::chat_history(req, sh),
        "readChat" => super::read_calls::green(req, sh, &req.path),
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
pub(super) fn visible(c: &SandboxChat) -> bool {
    matches!(c.server, "s.whatsapp.net" | "lid" | "g.us")
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
        .inbox()
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
    let inbox = sh.inbox();
    for c in inbox.chats.iter().filter(|c| visible(c)) {
        // Chats are in activity order and a chat's messages are older than its activity.
        match c.last_activity {
            Some(t) if t >= cutoff => {}
            _ => break,
        }
        for m in c
            .messages()
            .take_while(|m| m.timestamp >= cutoff)
            .filter(|m| m.from_me == outgoing && shown(m))
        {
            entries.push((m.timestamp, entry(c, &m, false)));
        }
    }
    entries.sort_by_key(|e| std::cmp::Reverse(e.0));
    Resp::json(
        200,
        &Value::Array(entries.into_iter().map(|(_, v)| v).collect()),
    )
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
