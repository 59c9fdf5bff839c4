//! WAHA's and Wawp's messages routes: offset paging whose short pages are not the end,
//! `downloadMedia` defaulting to true (counted), filters, engines, `all`, Wawp's keyed object.

use std::collections::HashSet;

use serde_json::Value;

use super::creds::*;
use super::tests::{get, json, start};
use super::*;

async fn waha(sb: &Sandbox, session: &str, chat: &str, query: &str) -> (u16, Value) {
    let u = format!(
        "{}/api/{session}/chats/{}/messages?{query}",
        sb.url("waha"),
        chat.replace('@', "%40")
    );
    let (st, body, _) = get(&u, &[("x-api-key", WAHA_KEY)]).await;
    (st, json(&body))
}

fn bare_ids(v: &Value) -> Vec<String> {
    let items: Vec<Value> = match v {
        Value::Array(a) => a.clone(),
        Value::Object(o) => (0..o.len()).map(|k| o[&k.to_string()].clone()).collect(),
        _ => Vec::new(),
    };
    items
        .iter()
        .map(|m| {
            m["id"]
                .as_str()
                .unwrap_or("")
                .split('_')
                .nth(2)
                .unwrap_or("")
                .to_string()
        })
        .collect()
}

#[tokio::test]
async fn waha_short_pages_are_not_the_end() {
    let sb = start(30).await;
    let c = &sb.chats()[0];
    let want: Vec<String> = c
        .messages()
        .filter(|m| m.kind.is_content())
        .map(|m| m.id)
        .collect();
    let (mut got, mut offset, mut short_mid) = (Vec::new(), 0, false);
    loop {
        let q = format!("limit=10&offset={offset}&downloadMedia=false");
        let (st, v) = waha(&sb, "default", &c.c_us(), &q).await;
        assert_eq!(st, 200);
        let ids = bare_ids(&v);
        if ids.is_empty() {
            break;
        }
        short_mid |= ids.len() < 10 && offset + 10 < c.message_count;
        got.extend(ids);
        offset += 10;
    }
    assert!(short_mid, "a short page in the middle of the history");
    assert_eq!(
        got, want,
        "reactions, edits, revokes, calls, notices dropped after paging"
    );
    assert_eq!(sb.media_downloads(), 0);
    let (_, v) = waha(&sb, "default", &c.c_us(), "").await;
    assert!(bare_ids(&v).len() <= 10, "default limit 10");
    assert!(sb.media_downloads() > 0, "downloadMedia defaults to true");
    assert!(v
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["media"]["url"].is_string()));
}

#[tokio::test]
async fn waha_filters_engines_and_errors() {
    let sb = start(30).await;
    let c = &sb.chats()[0];
    let m5 = c.message(5).unwrap();
    let m30 = c.message(30).unwrap();
    let q = format!(
        "limit=100&downloadMedia=false&filter.timestamp.gte={}&filter.timestamp.lte={}&filter.fromMe=true",
        m30.timestamp, m5.timestamp
    );
    let (_, v) = waha(&sb, "default", &c.c_us(), &q).await;
    let want: Vec<String> = (5..=30)
        .filter_map(|k| c.message(k))
        .filter(|m| m.from_me && m.kind.is_content())
        .map(|m| m.id)
        .collect();
    assert_eq!(bare_ids(&v), want);
    let (st, v) = waha(&sb, "default", &c.c_us(), "filter.ack=SEEN").await;
    assert_eq!(
        (st, v["message"][0].as_str()),
        (400, Some("Invalid ack: 'SEEN'"))
    );
    // WEBJS ignores sortOrder; GOWS honours asc; the raw `_data` differs per engine.
    let (_, webjs) = waha(
        &sb,
        "default",
        &c.c_us(),
        "limit=3&sortOrder=asc&downloadMedia=false",
    )
    .await;
    assert_eq!(bare_ids(&webjs)[0], c.message_id(0));
    assert_eq!(webjs[0]["_data"]["type"], "chat");
    let (_, gows) = waha(
        &sb,
        "gows",
        &c.c_us(),
        "limit=3&sortOrder=asc&downloadMedia=false",
    )
    .await;
    assert!(gows[0]["_data"]["Info"]["ID"].is_string());
    assert_ne!(bare_ids(&gows)[0], c.message_id(0));
    let (_, noweb) = waha(&sb, "noweb", &c.c_us(), "limit=1&downloadMedia=false").await;
    assert_eq!(noweb[0]["_data"]["key"]["id"], c.message_id(0).as_str());
    // A revoked message: WEBJS type `revoked` with no body.
    let (_, all) = waha(&sb, "default", &c.c_us(), "limit=100&downloadMedia=false").await;
    let revoked: Vec<&Value> = all
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["_data"]["type"] == "revoked")
        .collect();
    assert!(!revoked.is_empty() && revoked.iter().all(|m| m["body"] == ""));
    let (st, _) = waha(&sb, "default", "999@c.us", "").await;
    assert_eq!(st, 500, "WEBJS fails on an unknown chat");
    let (st, v) = waha(&sb, "noweb", "999@c.us", "").await;
    assert_eq!((st, v), (200, serde_json::json!([])));
    let (st, _) = waha(&sb, "default", "all", "").await;
    assert_eq!(st, 501);
    let q = format!(
        "limit=1000&downloadMedia=false&filter.timestamp.gte={}",
        c.message_time(3)
    );
    let (st, v) = waha(&sb, "noweb", "all", &q).await;
    assert_eq!(st, 200);
    let chats: HashSet<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| m["_data"]["key"]["remoteJid"].as_str())
        .collect();
    assert!(chats.contains(c.jid.as_str()));
    let (st, _, _) = get(
        &format!("{}/api/default/chats/{}/messages", sb.url("waha"), c.c_us()),
        &[],
    )
    .await;
    assert_eq!(st, 401);
    assert_eq!(waha(&sb, "stopped", &c.c_us(), "").await.0, 422);
}

#[tokio::test]
async fn wawp_messages_keyed_or_array_with_query_credentials() {
    let sb = start(30).await;
    let c = &sb.chats()[0];
    let base = format!("{}/v2/chats/messages", sb.url("wawp"));
    let chat = c.c_us().replace('@', "%40");
    let q = |inst: &str| {
        format!("{base}?instance_id={inst}&access_token={WAWP_TOKEN}&chatId={chat}&limit=12&offset=0&downloadMedia=false")
    };
    let (st, body, _) = get(&q(WAWP_INSTANCE), &[]).await;
    assert_eq!(st, 200);
    let keyed = json(&body);
    assert!(keyed.is_object());
    let (_, body, _) = get(&q(WAWP_INSTANCE_ARRAY), &[]).await;
    let array = json(&body);
    assert_eq!(bare_ids(&keyed), bare_ids(&array));
    assert!(bare_ids(&array).len() < 12, "drops after paging, as WAHA");
    assert_eq!(sb.media_downloads(), 0);
    let (st, body, _) = get(
        &format!("{base}?instance_id={WAWP_INSTANCE}&access_token={WAWP_TOKEN}"),
        &[],
    )
    .await;
    assert_eq!(
        (st, json(&body)["message"].as_str()),
        (400, Some("Missing Required Parameter(s)"))
    );
    let (st, _, _) = get(&q(WAWP_INSTANCE).replace(WAWP_TOKEN, "bad"), &[]).await;
    assert_eq!(st, 401);
}
