//! GOWA (go-whatsapp-web-multidevice v9) emulator (messages: `gowa_messages.rs`): basic auth with a
//! plain-text 401, the `{code,message,results}` envelope, offset paging with total, synthetic
//! names, `+07:00` offsets and Go zero times (PROVIDERS.md §4, contracts/gowa.openapi.yaml).

use chrono::{DateTime, FixedOffset, SecondsFormat};
use serde_json::{json, Value};

use super::creds;
use super::http::{decode, int_q, reason, Req, Resp};
use super::inbox::{SandboxChat, ME_NAME};
use super::profiles::profile;
use super::state::Shared;

const ZERO_TIME: &str = "0001-01-01T00:00:00Z";

pub(super) fn handle(req: &Req, sh: &Shared) -> Resp {
    if req.path == "/health" {
        return Resp::text(200, "OK");
    }
    if !authorized(req) {
        return error(401);
    }
    let segs: Vec<&str> = req.path.split('/').filter(|s| !s.is_empty()).collect();
    let route = match segs.as_slice() {
        ["app", "devices"] => Route::AppDevices,
        ["devices"] => Route::Devices,
        ["chats"] => Route::Chats,
        ["chat", jid, "messages"] => Route::Messages(decode(jid)),
        ["message", id, "read"] if req.method == "POST" => {
            let id = decode(id);
            return device_check(req).unwrap_or_else(|| super::read_calls::gowa(req, sh, &id));
        }
        _ => return Resp::text(404, &format!("Cannot {} {}", req.method, req.path)),
    };
    if req.method != "GET" {
        return Resp::text(405, "Method Not Allowed");
    }
    match route {
        Route::AppDevices => ok(
            "Fetch device success",
            json!([{
                "name": ME_NAME, "device": creds::GOWA_DEVICE, "jid": super::inbox::ME_JID
            }]),
        ),
        Route::Devices => ok(
            "List devices",
            json!([{
                "id": creds::GOWA_DEVICE, "phone_number": "6281100000000", "display_name": ME_NAME,
                "state": "logged_in", "jid": super::inbox::ME_JID, "created_at": "2024-01-01T00:00:00Z"
            }]),
        ),
        Route::Chats => device_check(req).unwrap_or_else(|| chats(req, sh)),
        Route::Messages(jid) => {
            device_check(req).unwrap_or_else(|| super::gowa_messages::messages(req, sh, &jid))
        }
    }
}

enum Route {
    AppDevices,
    Devices,
    Chats,
    Messages(String),
}

/// GOWA's error envelope for an arbitrary status (401 is the basic-auth middleware's plain text).
pub(super) fn error(status: u16) -> Resp {
    let (code, message) = match status {
        401 => {
            return Resp::text(401, "Unauthorized")
                .header("www-authenticate", "Basic realm=\"Restricted\"");
        }
        400 => ("BAD_REQUEST", "bad request"),
        404 => ("NOT_FOUND", "not found"),
        408 => ("CONTEXT_ERROR", "context deadline exceeded"),
        429 => (
            "WA_REACHOUT_TIMELOCK",
            "reachout timelock: too many requests, try again later",
        ),
        500 => ("INTERNAL_SERVER_ERROR", "device identification required"),
        503 => ("DEVICE_MANAGER_UNAVAILABLE", "device manager unavailable"),
        504 => ("GATEWAY_TIMEOUT", "gateway timeout"),
        _ => ("ERROR", reason(status)),
    };
    Resp::json(
        status,
        &json!({"code": code, "message": message, "results": null}),
    )
}

pub(super) fn ok(message: &str, results: Value) -> Resp {
    Resp::json(
        200,
        &json!({"code": "SUCCESS", "message": message, "results": results}),
    )
}

pub(super) fn bad(code: &str, message: &str) -> Resp {
    Resp::json(
        400,
        &json!({"code": code, "message": message, "results": null}),
    )
}

pub(super) fn base64(input: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for c in input.chunks(3) {
        let n = (c[0] as u32) << 16
            | (*c.get(1).unwrap_or(&0) as u32) << 8
            | *c.get(2).unwrap_or(&0) as u32;
        for k in 0..4 {
            if k <= c.len() {
                out.push(T[(n >> (18 - 6 * k) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn authorized(req: &Req) -> bool {
    let want = base64(format!("{}:{}", creds::GOWA_USER, creds::GOWA_PASSWORD).as_bytes());
    req.header("authorization")
        .and_then(|h| h.trim().split_once(' '))
        .is_some_and(|(scheme, cred)| scheme.eq_ignore_ascii_case("basic") && cred.trim() == want)
}

/// The device middleware: an unknown `X-Device-Id` / `device_id` → 404 DEVICE_NOT_FOUND.
fn device_check(req: &Req) -> Option<Resp> {
    let dev = req.header("x-device-id").or_else(|| req.q("device_id"))?;
    if dev == creds::GOWA_DEVICE {
        return None;
    }
    Some(Resp::json(
        404,
        &json!({
            "code": "DEVICE_NOT_FOUND",
            "message": "device not found; create a device first from /api/devices or provide a valid X-Device-Id",
            "results": {"device_id": dev}
        }),
    ))
}

pub(super) fn time(ts: Option<i64>, plus7: bool) -> String {
    let Some(dt) = ts.and_then(|t| DateTime::from_timestamp(t, 0)) else {
        return ZERO_TIME.into();
    };
    match FixedOffset::east_opt(7 * 3600).filter(|_| plus7) {
        Some(off) => dt
            .with_timezone(&off)
            .to_rfc3339_opts(SecondsFormat::Secs, true),
        None => dt.to_rfc3339_opts(SecondsFormat::Secs, true),
    }
}

/// GOWA never sends an empty name: it synthesises one from the JID.
pub(super) fn name(c: &SandboxChat) -> String {
    if let Some(n) = c.known_name() {
        return n.to_string();
    }
    match c.server {
        "broadcast" if c.user == "status" => "Status".into(),
        "g.us" => format!("Group {}", c.user),
        "newsletter" => format!("Newsletter {}", c.user),
        _ => c.user.clone(),
    }
}

pub(super) fn parse_bool(req: &Req, key: &str) -> Result<Option<bool>, Resp> {
    match req.q(key) {
        None | Some("") => Ok(None),
        Some("1" | "t" | "T" | "true" | "TRUE" | "True") => Ok(Some(true)),
        Some("0" | "f" | "F" | "false" | "FALSE" | "False") => Ok(Some(false)),
        Some(v) => Err(bad(
            "BAD_REQUEST",
            &format!("failed to parse query {key}: invalid boolean {v:?}"),
        )),
    }
}

/// limit (0 = default, 1..=100) and offset (>= 0).
pub(super) fn paging(req: &Req, default: i64) -> Result<(usize, usize), Resp> {
    let limit = int_q(req, "limit").map_err(|v| {
        bad(
            "BAD_REQUEST",
            &format!("failed to parse query limit: {v:?}"),
        )
    })?;
    let offset = int_q(req, "offset").map_err(|v| {
        bad(
            "BAD_REQUEST",
            &format!("failed to parse query offset: {v:?}"),
        )
    })?;
    let limit = match limit.unwrap_or(0) {
        0 => default,
        l if l > 100 => {
            return Err(bad(
                "VALIDATION_ERROR",
                "limit: must be no greater than 100.",
            ))
        }
        l if l < 0 => return Err(bad("VALIDATION_ERROR", "limit: must be no less than 1.")),
        l => l,
    };
    let offset = match offset.unwrap_or(0) {
        o if o < 0 => return Err(bad("VALIDATION_ERROR", "offset: must be no less than 0.")),
        o => o,
    };
    Ok((
        req.paging.limit(limit as usize),
        req.paging.offset(offset as usize),
    ))
}

pub(super) fn chat_json(c: &SandboxChat) -> Value {
    let last = time(c.last_activity, c.plus7);
    let created = time(Some(c.created_at), false);
    json!({
        "jid": c.jid,
        "name": name(c),
        "last_message_time": last,
        "ephemeral_expiration": c.ephemeral,
        "created_at": created,
        "updated_at": if c.last_activity.is_some() { time(c.last_activity, false) } else { created.clone() },
        "archived": c.archived,
    })
}

fn chats(req: &Req, sh: &Shared) -> Resp {
    let (limit, offset) = match paging(req, 25) {
        Ok(p) => p,
        Err(e) => return e,
    };
    let (has_media, archived) = match (parse_bool(req, "has_media"), parse_bool(req, "archived")) {
        (Ok(h), Ok(a)) => (h.unwrap_or(false), a),
        (Err(e), _) | (_, Err(e)) => return e,
    };
    let search = req
        .q("search")
        .filter(|s| !s.is_empty())
        .map(str::to_lowercase);
    let inbox = sh.inbox();
    let all = &inbox.chats;
    let (page, total): (Vec<Value>, usize) = if !has_media && archived.is_none() && search.is_none()
    {
        (
            all.iter().skip(offset).take(limit).map(chat_json).collect(),
            all.len(),
        )
    } else {
        let keep = |c: &&SandboxChat| {
            (!has_media || c.has_media)
                && archived.is_none_or(|a| c.archived == a)
                && search
                    .as_ref()
                    .is_none_or(|s| name(c).to_lowercase().contains(s.as_str()))
        };
        let matching: Vec<&SandboxChat> = all.iter().filter(keep).collect();
        (
            matching
                .iter()
                .skip(offset)
                .take(limit)
                .map(|c| chat_json(c))
                .collect(),
            matching.len(),
        )
    };
    let total = if req.paging.growing_total {
        total + offset + 2 * limit
    } else {
        total
    };
    ok(
        "Success get chat list",
        json!({
            "data": page,
            "pagination": {"limit": limit, "offset": offset, "total": total}
        }),
    )
}

/// The demo profiles pointing at this emulator, served at `url`.
pub(super) fn demo_profiles(url: &str) -> String {
    profile(
        "gowa",
        "gowa",
        ("base_url", url),
        &[
            ("username", creds::GOWA_USER),
            ("password", creds::GOWA_PASSWORD),
            ("device_id", creds::GOWA_DEVICE),
        ],
    )
}
