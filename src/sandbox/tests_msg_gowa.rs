//! GOWA's messages route: basic auth, offset paging with an unfiltered `total`, filters,
//! `search`, revoked rows gone, reactions attached, unknown chats empty.

use serde_json::Value;

use super::creds::*;
use super::history::MessageKind as K;
use super::tests::{get, json, start};
use super::*;

fn auth() -> String {
    format!(
        "Basic {}",
        super::gowa::base64(format!("{GOWA_USER}:{GOWA_PASSWORD}").as_bytes())
    )
}

async fn page(sb: &Sandbox, c: &SandboxChat, query: &str) -> (u16, Value) {
    let url = format!(
        "{}/chat/{}/messages?{query}",
        sb.url("gowa"),
        c.jid.replace('@', "%40")
    );
    let (st, body, _) = get(&url, &[("authorization", &auth())]).await;
    (st, json(&body))
}

/// The rows GOWA stores for a chat, newest first.
fn stored(c: &SandboxChat) -> Vec<SandboxMessage> {
    c.messages()
        .filter(|m| (m.kind.is_content() || m.kind == K::Call) && !m.deleted)
        .collect()
}

fn ids(v: &Value) -> Vec<String> {
    v["results"]["data"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|m| m["id"].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn gowa_offset_paging_reaches_every_stored_row_once_with_total() {
    let sb = start(30).await;
    let c = &sb.chats()[0];
    let want: Vec<String> = stored(c).into_iter().map(|m| m.id).collect();
    let mut got = Vec::new();
    loop {
        let (st, v) = page(&sb, c, &format!("limit=7&offset={}", got.len())).await;
        assert_eq!(st, 200);
        assert_eq!(v["results"]["pagination"]["total"], want.len());
        let ids = ids(&v);
        if ids.is_empty() {
            break;
        }
        got.extend(ids);
    }
    assert_eq!(
        got, want,
        "newest first, revoked/system/reaction/edit entries absent"
    );
    let (_, v) = page(&sb, c, "limit=0").await;
    assert_eq!(
        ids(&v).len(),
        50.min(want.len()),
        "limit=0 is the default 50"
    );
    let (st, v) = page(&sb, c, "limit=101").await;
    assert_eq!((st, v["code"].as_str()), (400, Some("VALIDATION_ERROR")));
    let url = format!("{}/chat/{}/messages", sb.url("gowa"), c.jid);
    assert_eq!(get(&url, &[]).await.0, 401);
}

#[tokio::test]
async fn gowa_filters_times_inclusive_search_ignores_offset() {
    let sb = start(30).await;
    let c = &sb.chats()[0];
    let rows = stored(c);
    let (lo, hi) = (&rows[20], &rows[5]);
    let iso = |t: i64| {
        chrono::DateTime::from_timestamp(t, 0)
            .unwrap()
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    };
    let q = format!(
        "limit=100&start_time={}&end_time={}",
        iso(lo.timestamp),
        iso(hi.timestamp)
    );
    let (_, v) = page(&sb, c, &q).await;
    let want: Vec<String> = rows[5..=20].iter().map(|m| m.id.clone()).collect();
    assert_eq!(ids(&v), want, "both bounds inclusive");
    assert_eq!(
        v["results"]["pagination"]["total"],
        rows.len(),
        "total ignores filters"
    );
    let (st, v) = page(&sb, c, "start_time=yesterday").await;
    assert_eq!(
        (st, v["code"].as_str()),
        (500, Some("INTERNAL_SERVER_ERROR"))
    );
    let (_, v) = page(&sb, c, "limit=100&is_from_me=true&media_only=true").await;
    let want: Vec<String> = rows
        .iter()
        .filter(|m| m.from_me && m.kind.is_media())
        .map(|m| m.id.clone())
        .collect();
    assert_eq!(ids(&v), want, "filters are ANDed");
    let (_, v) = page(&sb, c, "limit=3&offset=50&search=HELLO").await;
    let want: Vec<String> = rows
        .iter()
        .filter(|m| m.text.to_lowercase().contains("hello"))
        .take(3)
        .map(|m| m.id.clone())
        .collect();
    assert!(!want.is_empty());
    assert_eq!(ids(&v), want, "search ignores offset");
}

#[tokio::test]
async fn gowa_message_fields_reactions_and_unknown_chat() {
    let sb = start(30).await;
    let c = &sb.chats()[0];
    let (_, v) = page(&sb, c, "limit=100").await;
    let data = v["results"]["data"].as_array().unwrap();
    assert_eq!(v["results"]["chat_info"]["jid"], c.jid.as_str());
    for (row, m) in data.iter().zip(stored(c)) {
        assert_eq!(row["is_from_me"], m.from_me);
        assert_eq!(row["sender_jid"], m.sender.as_str());
        let t = chrono::DateTime::parse_from_rfc3339(row["timestamp"].as_str().unwrap()).unwrap();
        assert_eq!(t.timestamp(), m.timestamp);
        match &m.media {
            Some(media) => {
                assert_eq!(row["file_length"], media.size);
                assert!(row["url"]
                    .as_str()
                    .unwrap()
                    .starts_with("https://mmg.whatsapp.net/"));
                if let Some(f) = &media.filename {
                    assert_eq!(row["filename"], f.as_str());
                }
            }
            None => assert_eq!(
                (row["media_type"].as_str(), row["file_length"].as_u64()),
                (Some(if m.kind == K::Call { "call" } else { "" }), Some(0))
            ),
        }
        if m.kind == K::Text {
            assert_eq!(row["content"], m.text.as_str(), "edits overwrite content");
        }
        let reactions = c.reactions_to(m.index);
        assert_eq!(
            row["reactions"].as_array().map_or(0, Vec::len),
            reactions.len()
        );
    }
    assert!(data.iter().any(|r| r.get("reactions").is_some()));
    assert!(data
        .iter()
        .any(|r| r["media_type"] == "call" && r["call_metadata"].is_string()));
    let url = format!("{}/chat/999%40s.whatsapp.net/messages", sb.url("gowa"));
    let (st, body, _) = get(&url, &[("authorization", &auth())]).await;
    let v = json(&body);
    assert_eq!(st, 200);
    assert_eq!(v["results"]["pagination"]["total"], 0);
    assert_eq!(v["results"]["chat_info"]["jid"], "999@s.whatsapp.net");
}
