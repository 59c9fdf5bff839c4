//! Unit tests of the sandbox: one real server per test, hit over HTTP with reqwest.

use serde_json::Value;

use super::creds::*;
use super::*;

pub(super) async fn start(chats: usize) -> Sandbox {
    Sandbox::start(SandboxOptions {
        chats,
        ..Default::default()
    })
    .await
    .expect("sandbox starts")
}

pub(super) async fn get(
    url: &str,
    headers: &[(&str, &str)],
) -> (u16, String, Vec<(String, String)>) {
    let mut rb = reqwest::Client::new().get(url);
    for (k, v) in headers {
        rb = rb.header(*k, *v);
    }
    let r = rb.send().await.expect("request");
    let status = r.status().as_u16();
    let hs = r
        .headers()
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_string()))
        .collect();
    (status, r.text().await.unwrap_or_default(), hs)
}

pub(super) fn json(s: &str) -> Value {
    serde_json::from_str(s).expect("json body")
}

pub(super) fn gowa_auth() -> String {
    format!(
        "Basic {}",
        super::gowa::base64(format!("{GOWA_USER}:{GOWA_PASSWORD}").as_bytes())
    )
}

#[tokio::test]
async fn gowa_paging_total_and_plain_401() {
    let sb = start(240).await;
    let base = sb.url("gowa");
    let (st, body, hs) = get(&format!("{base}/chats"), &[]).await;
    assert_eq!(st, 401);
    assert_eq!(body, "Unauthorized");
    assert!(hs
        .iter()
        .any(|(k, v)| k == "www-authenticate" && v.contains("Basic")));
    let auth = gowa_auth();
    let (st, body, _) = get(
        &format!("{base}/chats?limit=100&offset=200"),
        &[("authorization", &auth)],
    )
    .await;
    assert_eq!(st, 200, "{body}");
    let v = json(&body);
    assert_eq!(v["code"], "SUCCESS");
    assert_eq!(v["results"]["pagination"]["total"], 240);
    assert_eq!(v["results"]["data"].as_array().map(Vec::len), Some(40));
    assert_eq!(
        v["results"]["data"][39]["last_message_time"],
        "0001-01-01T00:00:00Z"
    );
    let (st, body, _) = get(
        &format!("{base}/chats?limit=0"),
        &[("authorization", &auth)],
    )
    .await;
    assert_eq!(st, 200);
    let v = json(&body);
    assert_eq!(v["results"]["data"].as_array().map(Vec::len), Some(25));
    assert_eq!(v["results"]["data"][3]["name"], "Status");
    assert!(v["results"]["data"][2]["last_message_time"]
        .as_str()
        .unwrap_or("")
        .ends_with("+07:00"));
    let (st, body, _) = get(
        &format!("{base}/chats?limit=101"),
        &[("authorization", &auth)],
    )
    .await;
    assert_eq!(st, 400);
    assert_eq!(json(&body)["code"], "VALIDATION_ERROR");
    let jid = sb.chats()[0].jid.replace('@', "%40");
    let (st, body, _) = get(
        &format!("{base}/chat/{jid}/messages?limit=1"),
        &[("authorization", &auth)],
    )
    .await;
    assert_eq!(st, 200);
    assert_eq!(
        json(&body)["results"]["data"][0]["id"].as_str(),
        Some(sb.chats()[0].message_id(0).as_str())
    );
    let (st, _, _) = get(
        &format!("{base}/chats"),
        &[("authorization", &auth), ("x-device-id", "nope")],
    )
    .await;
    assert_eq!(st, 404);
    assert_eq!(get(&format!("{base}/health"), &[]).await.1, "OK");
}

#[tokio::test]
async fn wawp_keyed_overview_and_array_instance() {
    let sb = start(240).await;
    let base = sb.url("wawp");
    let (st, body, _) = get(
        &format!("{base}/v2/chats/overview?instance_id={WAWP_INSTANCE}&access_token={WAWP_TOKEN}"),
        &[],
    )
    .await;
    assert_eq!(st, 200);
    let v = json(&body);
    let obj = v.as_object().expect("keyed object");
    assert_eq!(obj.len(), 20, "default page is 20");
    assert_eq!(obj["0"]["id"].as_str(), Some(sb.chats()[0].c_us().as_str()));
    assert!(obj["0"]["unreadCount"].is_u64());
    let (_, body, _) = get(&format!("{base}/v2/chats/overview?instance_id={WAWP_INSTANCE_ARRAY}&access_token={WAWP_TOKEN}&limit=5"), &[]).await;
    assert_eq!(json(&body).as_array().map(Vec::len), Some(5));
    let (st, body, _) = get(
        &format!("{base}/v2/chats?instance_id={WAWP_INSTANCE}&access_token=bad"),
        &[],
    )
    .await;
    assert_eq!(st, 401);
    assert_eq!(json(&body)["message"], "Invalid or Missing Access Token");
    let (st, _, _) = get(
        &format!("{base}/v2/chats?instance_id=nope&access_token={WAWP_TOKEN}"),
        &[],
    )
    .await;
    assert_eq!(st, 404);
    let (_, body, _) = get(&format!("{base}/v2/chats?instance_id={WAWP_INSTANCE}&access_token={WAWP_TOKEN}&sortBy=conversationTimestamp&sortOrder=DESC&limit=3"), &[]).await;
    assert_eq!(
        json(&body)[0]["conversationTimestamp"],
        0,
        "DESC sorts ascending"
    );
}

#[tokio::test]
async fn green_rate_limit_and_errors() {
    let sb = start(240).await;
    let base = sb.url("green-api");
    let url = format!("{base}/waInstance{GREEN_INSTANCE}/getChats/{GREEN_TOKEN}?count=10");
    let (st, body, _) = get(&url, &[]).await;
    assert_eq!(st, 200);
    assert_eq!(json(&body).as_array().map(Vec::len), Some(10));
    assert_eq!(get(&url, &[]).await.0, 429);
    let (st, _, _) = get(
        &format!("{base}/waInstance{GREEN_INSTANCE}/lastIncomingMessages/{GREEN_TOKEN}"),
        &[],
    )
    .await;
    assert_eq!(st, 200, "other methods have their own budget");
    assert_eq!(
        get(
            &format!("{base}/waInstance{GREEN_INSTANCE}/getChats/wrong"),
            &[]
        )
        .await
        .0,
        401
    );
    assert_eq!(
        get(&format!("{base}/waInstance1/getChats/{GREEN_TOKEN}"), &[])
            .await
            .0,
        403
    );
    let (st, body, _) = get(
        &format!("{base}/waInstance{GREEN_INSTANCE_QUOTA}/getChats/{GREEN_TOKEN}"),
        &[],
    )
    .await;
    assert_eq!(st, 466);
    assert_eq!(json(&body)["invokeStatus"]["status"], "QUOTE_EXCEEDED");
    let r = reqwest::Client::new()
        .post(format!(
            "{base}/waInstance{GREEN_INSTANCE}/getStateInstance/{GREEN_TOKEN}"
        ))
        .send()
        .await;
    assert_eq!(r.map(|r| r.status().as_u16()).ok(), Some(404));
}

#[tokio::test]
async fn gateway_cursor_rules() {
    let sb = start(240).await; // 237 chats have messages
    let base = format!(
        "{}/api/v1/sessions/{GATEWAY_SESSION}/chats",
        sb.url("whatsapp-gateway")
    );
    let auth = format!("Bearer {GATEWAY_TOKEN}");
    let h = [("authorization", auth.as_str())];
    let (st, body, _) = get(&format!("{base}?limit=200"), &h).await;
    assert_eq!(st, 200);
    let v = json(&body);
    let cursor = v["nextCursor"]
        .as_str()
        .expect("full page has a cursor")
        .to_string();
    assert!(v["data"][0]["id"].is_u64());
    let (_, body, _) = get(&format!("{base}?limit=200&cursor={cursor}"), &h).await;
    let v = json(&body);
    assert_eq!(v["data"].as_array().map(Vec::len), Some(37));
    assert!(
        v.get("nextCursor").is_none(),
        "short last page omits nextCursor"
    );
    // A full last page keeps a cursor; the following page is empty without one.
    let (_, body, _) = get(&format!("{base}?limit=37&cursor={cursor}"), &h).await;
    let next = json(&body)["nextCursor"]
        .as_str()
        .expect("cursor on full last page")
        .to_string();
    let (_, body, _) = get(&format!("{base}?limit=37&cursor={next}"), &h).await;
    assert_eq!(json(&body), serde_json::json!({"data": []}));
    assert_eq!(get(&format!("{base}?cursor=garbage"), &h).await.0, 400);
    assert_eq!(get(&format!("{base}?limit=x"), &h).await.0, 400);
    assert_eq!(get(&base, &[]).await.0, 401);
    let (st, body, _) = get(&base.replace(GATEWAY_SESSION, "sess_x"), &h).await;
    assert_eq!(
        (st, json(&body)["error"]["message"].as_str()),
        (404, Some("session not found"))
    );
}

#[tokio::test]
async fn waha_sort_trap_sessions_and_engines() {
    let sb = start(240).await;
    let base = sb.url("waha");
    let h = [("x-api-key", WAHA_KEY)];
    let (_, body, _) = get(
        &format!("{base}/api/default/chats?sortBy=conversationTimestamp&sortOrder=DESC&limit=5"),
        &h,
    )
    .await;
    let v = json(&body);
    assert!(
        v[0].get("timestamp").is_none(),
        "uppercase DESC gives ascending (no-activity chats first)"
    );
    let (_, body, _) = get(
        &format!("{base}/api/default/chats?sortBy=conversationTimestamp&sortOrder=desc&limit=5"),
        &h,
    )
    .await;
    assert_eq!(
        json(&body)[0]["id"]["_serialized"].as_str(),
        Some(sb.chats()[0].c_us().as_str())
    );
    let (st, body, _) = get(&format!("{base}/api/other/chats"), &h).await;
    assert_eq!(st, 422);
    assert_eq!(json(&body)["error"], "Session \"other\" does not exist");
    let (st, body, _) = get(&format!("{base}/api/stopped/chats"), &h).await;
    assert_eq!((st, json(&body)["status"].as_str()), (422, Some("STOPPED")));
    assert_eq!(
        get(
            &format!("{base}/api/default/chats?sortBy=messageTimestamp"),
            &h
        )
        .await
        .0,
        400
    );
    let (_, body, _) = get(&format!("{base}/api/default/chats/overview"), &h).await;
    let v = json(&body);
    assert_eq!(v.as_array().map(Vec::len), Some(20));
    assert!(v[0]["_chat"]["unreadCount"].is_u64());
    let (_, body, _) = get(&format!("{base}/api/noweb/chats/overview?limit=3"), &h).await;
    assert!(json(&body)[0]["_chat"].get("unreadCount").is_none());
    assert_eq!(get(&format!("{base}/api/default/chats"), &[]).await.0, 401);
}

#[tokio::test]
async fn evolution_post_and_get_404() {
    let sb = start(240).await;
    let base = sb.url("evolution");
    let (st, body, _) = get(
        &format!("{base}/chat/findChats/{EVOLUTION_INSTANCE}"),
        &[("apikey", EVOLUTION_KEY)],
    )
    .await;
    assert_eq!(st, 404);
    assert_eq!(
        json(&body)["response"]["message"][0],
        format!("Cannot GET /chat/findChats/{EVOLUTION_INSTANCE}")
    );
    let c = reqwest::Client::new();
    let r = c
        .post(format!("{base}/chat/findChats/{EVOLUTION_INSTANCE}"))
        .header("apikey", EVOLUTION_KEY)
        .body(r#"{"take":5,"skip":0}"#)
        .header("content-type", "application/json")
        .send()
        .await
        .expect("post");
    assert_eq!(r.status().as_u16(), 200);
    let v = json(&r.text().await.expect("body"));
    assert_eq!(v.as_array().map(Vec::len), Some(5));
    assert_eq!(v[0]["remoteJid"].as_str(), Some(sb.chats()[0].jid.as_str()));
    let r = c
        .post(format!("{base}/chat/findChats/x"))
        .send()
        .await
        .expect("post");
    assert_eq!(r.status().as_u16(), 404);
    let r = c
        .post(format!("{base}/chat/findChats/{EVOLUTION_INSTANCE}"))
        .header("apikey", "bad")
        .send()
        .await
        .expect("post");
    assert_eq!(r.status().as_u16(), 401);
}
