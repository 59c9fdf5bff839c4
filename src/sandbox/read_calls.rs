//! Each emulator's mark-read endpoint (MESSAGES.md §1.2, §3.2–§8.2) with the gateway's real effect:
//! Wawp and WAHA WEBJS mark the whole chat (unread count → 0, acks READ); WAHA NOWEB/GOWS mark up
//! to 30 (DM) / 100 unread incoming messages of the last `days` per call; Green API `readChat`;
//! GOWA one message per call; the WhatsApp Gateway resets its counter without a receipt (and needs
//! a key with `send`); Evolution marks the keys it is given and silently drops `@lid` ones.

use serde_json::{json, Value};

use super::http::{Req, Resp};
use super::inbox::SandboxChat;
use super::reads::Receipt;
use super::state::Shared;
use super::waha_wire::{wa_message, Engine};

/// Wawp `POST /v2/chats/read?chatId` and WAHA WEBJS `POST …/chats/{chatId}/messages/read`:
/// `chat.sendSeen()` on the whole chat; `None` for a chat WhatsApp Web does not know.
pub(super) fn whole_chat(sh: &Shared, gateway: &'static str, chat: &str) -> Option<Resp> {
    let inbox = sh.inbox();
    let c = inbox.find(chat)?;
    sh.mark_all(gateway, c);
    sh.receipt(Receipt::new(gateway, c, Vec::new(), true));
    Some(Resp::json(201, &json!({ "ids": null })))
}

/// WAHA NOWEB/GOWS: the unread incoming messages (ack DEVICE) of the last `days` (default 7),
/// at most 100 when `messages` is given at all (WAHA's precedence bug) else 30 in direct chats
/// and 100 in groups; answers their ids (`[]` when none is left).
pub(super) fn waha_batch(req: &Req, sh: &Shared, eng: Engine, chat: &str) -> Resp {
    let inbox = sh.inbox();
    let Some(found) = inbox.find(chat) else {
        return Resp::json(201, &json!({ "ids": [] }));
    };
    let c = sh.view("waha", found);
    let limit = if req.q("messages").is_some() || c.is_group() {
        100
    } else {
        30
    };
    let days = req
        .q("days")
        .and_then(|d| d.parse::<i64>().ok())
        .unwrap_or(7);
    let oldest = chrono::Utc::now().timestamp() - days * 86_400;
    let picked: Vec<usize> = c
        .unread_incoming("waha")
        .into_iter()
        .filter(|&k| c.message_time(k) >= oldest)
        .take(limit)
        .collect();
    let mut ids = Vec::new();
    let mut bare = Vec::new();
    for &k in &picked {
        if let Some(m) = c.message(k) {
            ids.push(wa_message(&c, &m, eng, None)["id"].clone());
            bare.push(m.id);
        }
    }
    if !picked.is_empty() {
        sh.mark("waha", found, picked);
        sh.receipt(Receipt::new("waha", found, bare, true));
    }
    Resp::json(201, &json!({ "ids": ids }))
}

/// Green API `readChat {"chatId"[, "idMessage"]}` → `{"setRead": …}`; a bad body is the
/// validation error that echoes the request path (token included, as the real one does).
pub(super) fn green(req: &Req, sh: &Shared, path: &str) -> Resp {
    let body: Value = serde_json::from_slice(&req.body).unwrap_or(Value::Null);
    let Some(chat) = body["chatId"].as_str() else {
        return Resp::json(
            400,
            &json!({"statusCode": 400, "timestamp": chrono::Utc::now().to_rfc3339(), "path": path,
                    "message": "Validation failed. Details: 'chatId' must be a string"}),
        );
    };
    let inbox = sh.inbox();
    let Some(c) = inbox.find(chat).filter(|c| super::green::visible(c)) else {
        return Resp::json(200, &json!({ "setRead": false }));
    };
    match body["idMessage"].as_str() {
        Some(id) => {
            let k = (0..c.unread as usize).find(|&k| c.message_id(k) == id);
            sh.mark("green-api", c, k);
            sh.receipt(Receipt::new("green-api", c, vec![id.to_owned()], true));
        }
        None => {
            sh.mark_all("green-api", c);
            sh.receipt(Receipt::new("green-api", c, Vec::new(), true));
        }
    }
    Resp::json(200, &json!({ "setRead": true }))
}

/// GOWA `POST /message/{id}/read {"phone": <chat JID>}`: one receipt for one message; GOWA keeps
/// no read state, so nothing it serves changes.
pub(super) fn gowa(req: &Req, sh: &Shared, id: &str) -> Resp {
    let body: Value = serde_json::from_slice(&req.body).unwrap_or(Value::Null);
    let Some(phone) = body["phone"].as_str().filter(|p| !p.trim().is_empty()) else {
        return super::gowa::bad("VALIDATION_ERROR", "phone: cannot be blank.");
    };
    let status = format!("Mark as read success {id}");
    let inbox = sh.inbox();
    if let Some(c) = inbox.find(phone) {
        let k = (0..c.unread as usize).find(|&k| c.message_id(k) == id);
        sh.mark("gowa", c, k);
        sh.receipt(Receipt::new("gowa", c, vec![id.to_owned()], true));
    }
    super::gowa::ok(&status, json!({"message_id": id, "status": status}))
}

/// WhatsApp Gateway `POST …/chats/{cid}/read`: zeroes the gateway's own counter (already 0: it
/// never increments it) and sends no WhatsApp receipt; 404 for a chat it does not know.
pub(super) fn gateway(sh: &Shared, cid: &str) -> Resp {
    let inbox = sh.inbox();
    let Some(c) = inbox.find(cid) else {
        return super::gateway::err(404, "not_found", "chat not found");
    };
    sh.receipt(Receipt::new("whatsapp-gateway", c, Vec::new(), false));
    Resp::json(200, &super::gateway::chat_json(c))
}

/// Evolution `markMessageAsRead {"readMessages": [{remoteJid, fromMe, id}]}` → 201; keys of
/// `@lid` chats are dropped without a word (Baileys reads only groups and phone users).
pub(super) fn evolution(body: &Value, sh: &Shared) -> Result<Resp, Vec<String>> {
    let keys = body["readMessages"]
        .as_array()
        .filter(|a| !a.is_empty())
        .ok_or_else(|| vec!["readMessages is required and must have at least 1 item".to_owned()])?;
    let inbox = sh.inbox();
    let mut per_chat: Vec<(&SandboxChat, Vec<String>)> = Vec::new();
    for key in keys {
        let (Some(jid), Some(_), Some(id)) = (
            key["remoteJid"].as_str(),
            key["fromMe"].as_bool(),
            key["id"].as_str(),
        ) else {
            return Err(vec![
                "readMessages items need id, fromMe and remoteJid".to_owned()
            ]);
        };
        if !(jid.ends_with("@g.us") || jid.ends_with("@s.whatsapp.net")) {
            continue;
        }
        let Some(c) = inbox.find(jid) else {
            continue;
        };
        match per_chat.iter_mut().find(|(p, _)| p.index == c.index) {
            Some((_, ids)) => ids.push(id.to_owned()),
            None => per_chat.push((c, vec![id.to_owned()])),
        }
    }
    for (c, ids) in per_chat {
        let ks = (0..c.unread as usize).filter(|&k| ids.contains(&c.message_id(k)));
        sh.mark("evolution", c, ks.collect::<Vec<_>>());
        sh.receipt(Receipt::new("evolution", c, ids, true));
    }
    Ok(Resp::json(
        201,
        &json!({"message": "Read messages", "read": "success"}),
    ))
}
