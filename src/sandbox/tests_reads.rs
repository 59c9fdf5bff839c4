//! The mark-read endpoints as each gateway answers them: wrong credentials, missing fields and
//! unknown chats answered as the real gateway does, `@lid` keys dropped silently by Evolution,
//! and `GET /_sandbox/receipts`.

use serde_json::json as j;

use super::creds::*;
use super::tests::{get, gowa_auth, json, start};
use super::tests_msg_green_evo::post;

#[tokio::test]
async fn mark_read_refusals_answer_as_each_gateway_does() {
    let sb = start(40).await;
    let c = sb
        .chats()
        .iter()
        .find(|c| c.server == "s.whatsapp.net")
        .unwrap();
    let wawp = sb.url("wawp");
    let q = format!("instance_id={WAWP_INSTANCE}&access_token={WAWP_TOKEN}");
    assert_eq!(
        post(&format!("{wawp}/v2/chats/read?{q}"), &[], "").await.0,
        400
    );
    let bad = format!("{wawp}/v2/chats/read?instance_id={WAWP_INSTANCE}&access_token=x&chatId=1");
    assert_eq!(post(&bad, &[], "").await.0, 401);

    let green = |token: &str| {
        format!(
            "{}/waInstance{GREEN_INSTANCE}/readChat/{token}",
            sb.url("green-api")
        )
    };
    assert_eq!(post(&green("wrong"), &[], "{}").await.0, 401);
    let (st, body) = post(&green(GREEN_TOKEN), &[], "{}").await;
    assert_eq!(st, 400);
    assert!(
        body.contains(GREEN_TOKEN),
        "the path (token included) is echoed: {body}"
    );

    let gowa = format!("{}/message/3EB0X/read", sb.url("gowa"));
    assert_eq!(post(&gowa, &[], "{}").await.0, 401);
    let auth = gowa_auth();
    let (st, body) = post(&gowa, &[("authorization", &auth)], "{}").await;
    assert_eq!(
        (st, json(&body)["code"].as_str()),
        (400, Some("VALIDATION_ERROR"))
    );

    let waha = format!(
        "{}/api/default/chats/1%40c.us/messages/read",
        sb.url("waha")
    );
    assert_eq!(post(&waha, &[], "").await.0, 401);
    assert_eq!(
        post(&waha, &[("x-api-key", WAHA_KEY)], "").await.0,
        500,
        "WEBJS: unknown chat"
    );

    let evo = format!(
        "{}/chat/markMessageAsRead/{EVOLUTION_INSTANCE}",
        sb.url("evolution")
    );
    let key = [
        ("apikey", EVOLUTION_KEY),
        ("content-type", "application/json"),
    ];
    assert_eq!(post(&evo, &key, "{}").await.0, 400);
    let lid = j!({"readMessages": [{"remoteJid": "205227043110953@lid", "fromMe": false, "id": "3EB0A"}]});
    let (st, body) = post(&evo, &key, &lid.to_string()).await;
    assert_eq!((st, json(&body)["read"].as_str()), (201, Some("success")));

    let gw = format!(
        "{}/api/v1/sessions/{GATEWAY_SESSION}/chats/{}/read",
        sb.url("whatsapp-gateway"),
        c.jid
    );
    let read_only = format!("Bearer {GATEWAY_READ_TOKEN}");
    let (st, body) = post(&gw, &[("authorization", &read_only)], "").await;
    assert_eq!(st, 403);
    assert!(body.contains("missing required capability: send"), "{body}");
    let unknown = gw.replace(&c.jid, "1@s.whatsapp.net");
    let full = format!("Bearer {GATEWAY_TOKEN}");
    assert_eq!(post(&unknown, &[("authorization", &full)], "").await.0, 404);
    assert!(
        sb.receipts().is_empty(),
        "no refusal and no @lid key left a receipt"
    );

    let (st, body) = post(&gw, &[("authorization", &full)], "").await;
    assert_eq!((st, json(&body)["unreadCount"].as_u64()), (200, Some(0)));
    let (st, body, _) = get(&format!("http://{}/_sandbox/receipts", sb.addr()), &[]).await;
    assert_eq!(st, 200);
    assert_eq!(
        json(&body),
        j!([{"gateway": "whatsapp-gateway", "chat": c.jid, "messages": [], "read_receipt": false}])
    );
}
