//! Evolution API v2 emulator: `POST /chat/findChats/{instance}` and `findMessages`
//! (`evolution_messages.rs`) (a GET is Express's 404 "Cannot GET"), `apikey` header, instance check
//! before auth, Baileys-shaped `lastMessage` and the `{status,error,response:{message}}` error
//! envelope (PROVIDERS.md §7, §10.3).

use chrono::{DateTime, SecondsFormat};
use serde_json::{json, Value};

use super::creds;
use super::evolution_messages::record;
use super::http::{reason, Req, Resp};
use super::inbox::SandboxChat;
use super::profiles::profile;
use super::state::Shared;

pub(super) fn handle(req: &Req, sh: &Shared) -> Resp {
    let segs = req.segments();
    let segs: Vec<&str> = segs.iter().map(String::as_str).collect();
    let (route, instance) = match (req.method.as_str(), segs.as_slice()) {
        ("POST", ["chat", "findChats", i]) => ("findChats", *i),
        ("POST", ["chat", "findMessages", i]) => ("findMessages", *i),
        ("POST", ["chat", "markMessageAsRead", i]) => ("markMessageAsRead", *i),
        ("GET", ["instance", "connectionState", i]) => ("connectionState", *i),
        _ => return envelope(404, vec![format!("Cannot {} {}", req.method, req.path)]),
    };
    // Evolution's guards run instanceExistsGuard before the api-key guard.
    if instance != creds::EVOLUTION_INSTANCE {
        return envelope(
            404,
            vec![format!("The \"{instance}\" instance does not exist")],
        );
    }
    if req.header("apikey").map(str::trim) != Some(creds::EVOLUTION_KEY) {
        return error(401);
    }
    match route {
        "connectionState" => Resp::json(
            200,
            &json!({"instance": {"instanceName": instance, "state": "open"}}),
        ),
        "markMessageAsRead" => json_body(req).map_or_else(
            |e| e,
            |b| super::read_calls::evolution(&b, sh).unwrap_or_else(|m| envelope(400, m)),
        ),
        "findMessages" => json_body(req).map_or_else(
            |e| e,
            |b| super::evolution_messages::find_messages(req, &b, sh),
        ),
        _ => json_body(req).map_or_else(|e| e, |b| find_chats(req, &b, sh)),
    }
}

fn envelope(status: u16, messages: Vec<String>) -> Resp {
    Resp::json(
        status,
        &json!({"status": status, "error": reason(status), "response": {"message": messages}}),
    )
}

/// Evolution's envelope for an arbitrary status.
pub(super) fn error(status: u16) -> Resp {
    match status {
        401 => Resp::json(
            401,
            &json!({"status": 401, "error": "Unauthorized", "response": {"message": "Unauthorized"}}),
        ),
        403 => envelope(
            403,
            vec![
                "Missing global api key".into(),
                "The global api key must be set".into(),
            ],
        ),
        404 => envelope(
            404,
            vec![format!(
                "The \"{}\" instance does not exist",
                creds::EVOLUTION_INSTANCE
            )],
        ),
        _ => envelope(status, vec![reason(status).to_string()]),
    }
}

fn iso(ts: i64) -> String {
    DateTime::from_timestamp(ts, 0)
        .map(|d| d.to_rfc3339_opts(SecondsFormat::Millis, true))
        .unwrap_or_default()
}

/// A timestamp bound: number (s) or a date-time string.
fn bound(v: &Value) -> Option<i64> {
    v.as_i64().or_else(|| {
        v.as_str()
            .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
            .map(|d| d.timestamp())
    })
}

/// The JSON body of a POST (empty = `{}`), or Express's 400.
fn json_body(req: &Req) -> Result<Value, Resp> {
    if req.body.iter().all(u8::is_ascii_whitespace) {
        return Ok(json!({}));
    }
    serde_json::from_slice(&req.body)
        .map_err(|e| envelope(400, vec![format!("Unexpected token in JSON: {e}")]))
}

fn find_chats(req: &Req, body: &Value, sh: &Shared) -> Resp {
    let where_ = &body["where"];
    let jid = where_["remoteJid"].as_str();
    let gte = bound(&where_["messageTimestamp"]["gte"]);
    let lte = bound(&where_["messageTimestamp"]["lte"]);
    let take = body["take"]
        .as_u64()
        .map_or(usize::MAX, |n| req.paging.limit(n as usize));
    let skip = req
        .paging
        .offset(body["skip"].as_u64().unwrap_or(0) as usize);
    let inbox = &*sh.inbox();
    // One row per remoteJid with at least one stored message: the prefix [0, active).
    let listed = &inbox.chats[..inbox.active];
    let items: Vec<Value> = if jid.is_none() && gte.is_none() && lte.is_none() {
        listed
            .iter()
            .skip(skip)
            .take(take)
            .map(|c| chat_json(&sh.view("evolution", c)))
            .collect()
    } else {
        let keep = |c: &&SandboxChat| {
            let t = c.last_activity.unwrap_or(0);
            jid.is_none()
                || jid == Some(c.jid.as_str())
                    && gte.is_none_or(|g| t >= g)
                    && lte.is_none_or(|l| t <= l)
        };
        listed
            .iter()
            .filter(keep)
            .skip(skip)
            .take(take)
            .map(|c| chat_json(&sh.view("evolution", c)))
            .collect()
    };
    Resp::json(200, &Value::Array(items))
}

fn chat_json(c: &SandboxChat) -> Value {
    // findChats' lastMessage is the newest stored row, as findMessages serves it.
    let last = c.last_message().map(|m| {
        let mut r = record(c, &m);
        if let Some(o) = r.as_object_mut() {
            o.insert(
                "status".into(),
                json!(if m.from_me || !c.is_unread(0) {
                    "READ"
                } else {
                    "DELIVERY_ACK"
                }),
            );
        }
        r
    });
    json!({
        "id": (c.index % 4 != 3).then(|| format!("cm{:022x}", c.row_id.wrapping_mul(0x9E37_79B9_7F4A_7C15))),
        "remoteJid": c.jid,
        "pushName": c.known_name(),
        "profilePicUrl": c.picture,
        "updatedAt": iso(c.last_activity.unwrap_or(c.created_at)),
        "windowStart": null, "windowExpires": null, "windowActive": false,
        "unreadCount": c.unread_now(),
        "isSaved": c.index.is_multiple_of(3),
        "lastMessage": last
    })
}

/// The demo profiles pointing at this emulator, served at `url`.
pub(super) fn demo_profiles(url: &str) -> String {
    profile(
        "evolution",
        "evolution",
        ("base_url", url),
        &[
            ("instance", creds::EVOLUTION_INSTANCE),
            ("api_key", creds::EVOLUTION_KEY),
        ],
    )
}
