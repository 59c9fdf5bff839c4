//! Green API's `getChatHistory` (last N only, 1 request/s, POST) and Evolution's `findMessages`
//! (`page` × `offset` as the page size, filter traps, raw Baileys records).

use serde_json::{json as j, Value};

use super::creds::*;
use super::history::MessageKind as K;
use super::tests::{json, start};
use super::*;

pub(super) async fn post(url: &str, headers: &[(&str, &str)], body: &str) -> (u16, String) {
    let mut rb = reqwest::Client::new().post(url).body(body.to_string());
    for (k, v) in headers {
        rb = rb.header(*k, *v);
    }
    let r = rb.send().await.expect("request");
    (r.status().as_u16(), r.text().await.unwrap_or_default())
}

#[tokio::test]
async fn green_chat_history_is_the_last_n_only_and_rate_limited() {
    let sb = start(30).await;
    let c = &sb.chats()[0];
    let url = format!(
        "{}/waInstance{GREEN_INSTANCE}/getChatHistory/{GREEN_TOKEN}",
        sb.url("green-api")
    );
    let body = j!({"chatId": c.c_us(), "count": 15}).to_string();
    let (st, text) = post(&url, &[], &body).await;
    assert_eq!(st, 200);
    let v = json(&text);
    let shown: Vec<SandboxMessage> = c
        .messages()
        .filter(|m| m.kind.is_content() || m.kind == K::Reaction)
        .collect();
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["idMessage"].as_str().unwrap())
        .collect();
    let want: Vec<&str> = shown.iter().take(15).map(|m| m.id.as_str()).collect();
    assert_eq!(ids, want, "the newest 15, newest first");
    assert_eq!(post(&url, &[], &body).await.0, 429, "1 request/s");
    tokio::time::sleep(std::time::Duration::from_millis(1050)).await;
    let (_, text) = post(&url, &[], &j!({"chatId": c.c_us()}).to_string()).await;
    let all = json(&text);
    assert_eq!(
        all.as_array().unwrap().len(),
        100.min(shown.len()),
        "count defaults to 100"
    );
    for (e, m) in all.as_array().unwrap().iter().zip(&shown) {
        assert_eq!(e["type"], if m.from_me { "outgoing" } else { "incoming" });
        assert_eq!(e["timestamp"], m.timestamp);
        assert_eq!(
            (e["isEdited"].as_bool(), e["isDeleted"].as_bool()),
            (Some(m.edited), Some(m.deleted))
        );
        let reply = e["quotedMessage"]["stanzaId"]
            .as_str()
            .or(e["extendedTextMessage"]["stanzaId"].as_str());
        assert_eq!(reply, m.reply_to.as_deref().or(m.target.as_deref()), "{e}");
        if m.kind.is_media() {
            assert!(
                e["downloadUrl"].is_string() && e.get("mimeType").is_none(),
                "{e}"
            );
        }
        if let Some(q) = c.linked(m) {
            let author = e["quotedMessage"]["participant"]
                .as_str()
                .or(e["extendedTextMessage"]["participant"].as_str());
            let want = q.sender.replace("@s.whatsapp.net", "@c.us");
            assert_eq!(
                author,
                Some(want.as_str()),
                "the quoted message's author: {e}"
            );
        }
    }
    let types: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["typeMessage"].as_str())
        .collect();
    for t in [
        "reactionMessage",
        "quotedMessage",
        "locationMessage",
        "contactMessage",
        "imageMessage",
    ] {
        assert!(types.contains(&t), "{t} in {types:?}");
    }
    tokio::time::sleep(std::time::Duration::from_millis(1050)).await;
    let (st, text) = post(&url, &[], r#"{"chatId": "1@c.us", "count": 0}"#).await;
    assert_eq!(st, 400);
    assert!(text.starts_with("Validation failed"), "{text}");
    let r = reqwest::Client::new().get(&url).send().await.expect("get");
    assert_eq!(r.status().as_u16(), 404, "GET is not the method");
}

async fn find(sb: &Sandbox, body: Value) -> (u16, Value) {
    let url = format!(
        "{}/chat/findMessages/{EVOLUTION_INSTANCE}",
        sb.url("evolution")
    );
    let (st, text) = post(
        &url,
        &[
            ("apikey", EVOLUTION_KEY),
            ("content-type", "application/json"),
        ],
        &body.to_string(),
    )
    .await;
    (st, json(&text))
}

fn keys(v: &Value) -> Vec<String> {
    v["messages"]["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["key"]["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn evolution_page_times_offset_and_filter_traps() {
    let sb = start(30).await;
    let c = &sb.chats()[0];
    let rows: Vec<SandboxMessage> = c
        .messages()
        .filter(|m| m.kind.is_content() || m.kind == K::Reaction)
        .collect();
    let w = j!({"key": {"remoteJid": c.jid}});
    let (st, v) = find(&sb, j!({"where": w, "page": 2, "offset": 7})).await;
    assert_eq!(st, 200);
    assert_eq!(v["messages"]["total"], rows.len());
    assert_eq!(v["messages"]["pages"], rows.len().div_ceil(7));
    assert_eq!(v["messages"]["currentPage"], 2);
    let want: Vec<String> = rows[7..14].iter().map(|m| m.id.clone()).collect();
    assert_eq!(keys(&v), want, "offset is the page size");
    let (_, v) = find(&sb, j!({"where": w})).await;
    assert_eq!(keys(&v).len(), 50.min(rows.len()), "default page size 50");
    let (_, v) = find(
        &sb,
        j!({"where": {"key": {"remoteJid": c.jid, "fromMe": false}}, "offset": 500}),
    )
    .await;
    assert_eq!(
        v["messages"]["total"],
        rows.len(),
        "fromMe: false is ignored"
    );
    let (_, v) = find(
        &sb,
        j!({"where": {"key": {"remoteJid": c.jid, "fromMe": true}}, "offset": 500}),
    )
    .await;
    assert_eq!(
        v["messages"]["total"],
        rows.iter().filter(|m| m.from_me).count()
    );
    let (lo, hi) = (rows[20].timestamp, rows[3].timestamp);
    let iso = |t: i64| chrono::DateTime::from_timestamp(t, 0).unwrap().to_rfc3339();
    let (_, v) = find(&sb, j!({"where": {"key": {"remoteJid": c.jid}, "messageTimestamp": {"gte": iso(lo), "lte": iso(hi)}}, "offset": 500})).await;
    assert_eq!(v["messages"]["total"], 18, "ISO bounds, inclusive");
    let (_, v) = find(&sb, j!({"where": {"key": {"remoteJid": c.jid}, "messageTimestamp": {"gte": lo * 1000, "lte": hi * 1000}}, "offset": 500})).await;
    assert_eq!(v["messages"]["total"], 18, "numbers are ms");
    let (_, v) = find(
        &sb,
        j!({"where": {"key": {"remoteJid": c.jid}, "messageTimestamp": {"gte": lo, "lte": hi}}}),
    )
    .await;
    assert_eq!(v["messages"]["total"], 0, "seconds become 1970");
    let (_, v) = find(&sb, j!({"where": {"key": {"remoteJid": c.jid}, "messageTimestamp": {"gte": iso(lo)}}, "offset": 500})).await;
    assert_eq!(
        v["messages"]["total"],
        rows.len(),
        "one bound alone is ignored"
    );
}

#[tokio::test]
async fn evolution_records_are_raw_baileys() {
    let sb = start(30).await;
    let c = &sb.chats()[0];
    let (_, v) = find(
        &sb,
        j!({"where": {"key": {"remoteJid": c.jid}}, "offset": 200}),
    )
    .await;
    let recs = v["messages"]["records"].as_array().unwrap();
    let by = |t: &'static str| recs.iter().filter(move |r| r["messageType"] == t);
    assert!(by("conversation").all(|r| r["message"]["conversation"].is_string()));
    assert!(by("reactionMessage").count() > 0, "reactions are rows");
    assert!(by("audioMessage").any(|r| r["message"]["audioMessage"]["ptt"] == true));
    assert!(by("documentMessage").all(|r| r["message"]["documentMessage"]["fileName"].is_string()));
    let sizes: Vec<&Value> = recs
        .iter()
        .filter_map(|r| r["message"].as_object()?.values().next()?.get("fileLength"))
        .collect();
    assert!(sizes.iter().any(|s| s.is_string()) && sizes.iter().any(|s| s.is_u64()));
    for r in recs {
        let m = c.messages().find(|m| m.id == r["key"]["id"]).unwrap();
        assert!(r["id"].as_str().unwrap().starts_with("cm"));
        assert_eq!(r["messageTimestamp"], m.timestamp);
        if m.from_me {
            assert_eq!(r["pushName"], "Você");
        }
        let ups: Vec<&str> = r["MessageUpdate"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|u| u["status"].as_str())
            .collect();
        assert_eq!(ups.contains(&"DELETED"), m.deleted);
        assert_eq!(ups.contains(&"EDITED"), m.edited);
        assert_eq!(r["contextInfo"]["stanzaId"].as_str(), m.reply_to.as_deref());
    }
    let url = format!(
        "{}/chat/findMessages/{EVOLUTION_INSTANCE}",
        sb.url("evolution")
    );
    assert_eq!(post(&url, &[("apikey", "bad")], "{}").await.0, 401);
    let r = reqwest::Client::new()
        .get(&url)
        .header("apikey", EVOLUTION_KEY)
        .send()
        .await
        .expect("get");
    assert_eq!(r.status().as_u16(), 404);
}
