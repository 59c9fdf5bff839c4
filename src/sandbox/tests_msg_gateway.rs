//! The WhatsApp Gateway's messages route: cursor walk over every stored row once, insert order
//! that is not time order, `waMessageId`, `nextCursor` only on full pages, deleted bodies kept.

use std::collections::HashSet;

use serde_json::Value;

use super::creds::*;
use super::tests::{get, json, start};
use super::*;

fn url(sb: &Sandbox, cid: &str, query: &str) -> String {
    format!(
        "{}/api/v1/sessions/{GATEWAY_SESSION}/chats/{}/messages?{query}",
        sb.url("whatsapp-gateway"),
        cid.replace('@', "%40")
    )
}

async fn call(u: &str) -> (u16, Value) {
    let auth = format!("Bearer {GATEWAY_TOKEN}");
    let (st, body, _) = get(u, &[("authorization", &auth)]).await;
    (st, json(&body))
}

/// Every page of a chat following `nextCursor`.
async fn walk(sb: &Sandbox, cid: &str, limit: usize) -> Vec<Vec<Value>> {
    let mut pages = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let q = match &cursor {
            Some(c) => format!("limit={limit}&cursor={c}"),
            None => format!("limit={limit}"),
        };
        let (st, v) = call(&url(sb, cid, &q)).await;
        assert_eq!(st, 200, "{v}");
        pages.push(v["data"].as_array().cloned().unwrap_or_default());
        match v["nextCursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => return pages,
        }
    }
}

#[tokio::test]
async fn gateway_cursor_walk_returns_every_row_once_in_insert_order() {
    let sb = start(30).await;
    let c = &sb.chats()[0];
    let stored: Vec<SandboxMessage> = c.messages().filter(|m| m.kind.is_content()).collect();
    let pages = walk(&sb, &c.jid, 9).await;
    let rows: Vec<&Value> = pages.iter().flatten().collect();
    assert!(pages[..pages.len() - 1].iter().all(|p| p.len() == 9));
    let got: Vec<&str> = rows
        .iter()
        .map(|r| r["waMessageId"].as_str().unwrap())
        .collect();
    let set: HashSet<&str> = got.iter().copied().collect();
    assert_eq!(set.len(), got.len(), "no row twice");
    let want: HashSet<&str> = stored.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(
        set, want,
        "deleted rows kept; reactions, calls, system, edits not stored"
    );
    assert_eq!(got[0], c.message_id(0), "the newest row comes first");
    // Row ids strictly decrease; timestamps do not (a history import sits above newer rows).
    let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert!(ids
        .windows(2)
        .all(|w| w[0] > w[1] && w[0].starts_with("msg_")));
    let ts: Vec<i64> = rows
        .iter()
        .map(|r| r["timestamp"].as_i64().unwrap())
        .collect();
    assert!(
        ts.windows(2).any(|w| w[0] < w[1]),
        "insert order is not time order"
    );
    assert!(rows
        .iter()
        .any(|r| r["createdAt"].as_i64().unwrap() - r["timestamp"].as_i64().unwrap() > 3_600_000));
    for r in &rows {
        let m = stored.iter().find(|m| m.id == r["waMessageId"]).unwrap();
        assert_eq!(r["timestamp"], m.timestamp * 1000);
        assert_eq!(r["deleted"], m.deleted);
        assert_eq!(r["edited"], m.edited);
        assert_eq!(
            r.get("body").and_then(Value::as_str).unwrap_or(""),
            m.text,
            "deleted rows keep their body"
        );
        assert_eq!(
            r.get("quotedMessageId").and_then(Value::as_str),
            m.reply_to.as_deref()
        );
        assert_eq!(r["fromMe"], m.from_me);
        assert_eq!(r.get("status").and_then(Value::as_str), m.status);
    }
    assert!(
        rows.iter().any(|r| r["deleted"] == true)
            && rows.iter().any(|r| r.get("senderLid").is_some())
    );
}

#[tokio::test]
async fn gateway_full_last_page_keeps_a_cursor_then_empty() {
    let sb = start(30).await;
    let c = &sb.chats()[0];
    let n = c.messages().filter(|m| m.kind.is_content()).count();
    let pages = walk(&sb, &c.jid, n).await;
    assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), vec![n, 0]);
    let pages = walk(&sb, &c.jid, 500).await;
    assert_eq!(
        pages.len(),
        1,
        "limit clamps to 200, short page has no cursor"
    );
    let (st, v) = call(&url(&sb, &c.jid, "limit=x")).await;
    assert_eq!(
        (st, v["error"]["code"].as_str()),
        (400, Some("validation_error"))
    );
    let (st, v) = call(&url(&sb, &c.jid, "cursor=%20msg_01")).await;
    assert_eq!(
        (st, v["error"]["message"].as_str()),
        (400, Some("invalid cursor"))
    );
    let (st, v) = call(&url(&sb, "999@s.whatsapp.net", "")).await;
    assert_eq!((st, v), (200, serde_json::json!({"data": []})));
    let (st, _, _) = get(&url(&sb, &c.jid, ""), &[]).await;
    assert_eq!(st, 401);
    let other = url(&sb, &c.jid, "").replace(GATEWAY_SESSION, "sess_x");
    assert_eq!(call(&other).await.0, 404);
    let (_, v) = call(&url(&sb, &c.jid, "")).await;
    assert_eq!(
        v["data"].as_array().map(Vec::len),
        Some(50.min(n)),
        "default limit 50"
    );
}

#[tokio::test]
async fn gateway_lid_alias_reads_the_same_chat() {
    let sb = start(30).await;
    let c = sb
        .chats()
        .iter()
        .find(|c| c.lid_alias.is_some() && c.message_count > 0)
        .unwrap();
    let alias = c.lid_alias.clone().unwrap();
    let (_, a) = call(&url(&sb, &c.jid, "limit=200")).await;
    let (_, b) = call(&url(&sb, &alias, "limit=200")).await;
    assert_eq!(a, b);
    assert_eq!(a["data"][0]["chatJid"], c.jid.as_str());
}
