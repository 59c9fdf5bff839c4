//! Messages delivered while the sandbox runs (`live.rs`): the chat moves up in activity order,
//! its history keeps every older entry unchanged behind the new one, unread counts follow, and
//! `POST /_sandbox/incoming` refuses what it cannot deliver.

use super::creds::*;
use super::tests::{get, json, start};
use super::*;

fn incoming(chat: &str, text: &str) -> Incoming {
    Incoming {
        chat: Some(chat.into()),
        text: Some(text.into()),
        ..Incoming::default()
    }
}

#[tokio::test]
async fn a_delivered_message_tops_its_chat_and_keeps_the_older_history() {
    let sb = start(40).await;
    let before = sb.chats()[12].clone();
    let d = sb.deliver(incoming(&before.c_us(), "new one")).unwrap();
    assert_eq!(d.chat, before.jid);
    let after = sb.chat(&before.jid).unwrap();
    assert_eq!(after.message_count, before.message_count + 1);
    assert_eq!(after.unread, before.unread + 1);
    let m = after.message(0).unwrap();
    assert_eq!((m.text.as_str(), m.from_me, m.index), ("new one", false, 0));
    assert_eq!(after.last_activity, Some(m.timestamp));
    assert!(m.timestamp >= before.last_activity.unwrap());
    for k in 0..before.message_count {
        let (old, new) = (before.message(k).unwrap(), after.message(k + 1).unwrap());
        assert_eq!(
            (old.id, old.timestamp),
            (new.id, new.timestamp),
            "entry {k}"
        );
    }
    assert_eq!(after.message_index_at(m.timestamp), 0);
    assert_eq!(after.message_index_at(m.timestamp - 1), 1);
    // First in activity order now, found by every spelling.
    let inbox = sb.shared.inbox();
    assert_eq!(inbox.chats[0].jid, before.jid);
    for (p, c) in inbox.chats.iter().enumerate() {
        assert_eq!(inbox.find(&c.jid).map(|c| c.index), Some(c.index), "{p}");
    }
    assert!(inbox
        .chats
        .windows(2)
        .all(|w| (w[0].last_activity, w[0].row_id) > (w[1].last_activity, w[1].row_id)));
}

#[tokio::test]
async fn an_own_message_reads_the_chat_and_a_silent_chat_becomes_active() {
    let sb = start(40).await;
    let silent = sb.chats().last().unwrap().clone();
    assert_eq!(silent.last_activity, None);
    let active = sb.shared.inbox().active;
    sb.deliver(incoming(&silent.jid, "hello")).unwrap();
    assert_eq!(sb.shared.inbox().active, active + 1);
    let own = Incoming {
        from_me: true,
        ..incoming(&silent.jid, "hi back")
    };
    sb.deliver(own).unwrap();
    let c = sb.chat(&silent.jid).unwrap();
    assert_eq!((c.unread, c.message_count), (0, 2));
    assert_eq!(c.message(0).unwrap().sender, inbox::ME_JID);
    assert_eq!(c.message(0).unwrap().status, Some("sent"));
}

#[tokio::test]
async fn post_incoming_delivers_or_says_what_is_wrong() {
    let sb = start(40).await;
    let url = format!("http://{}/_sandbox/incoming", sb.addr());
    let post = |body: &'static str| {
        let url = url.clone();
        async move {
            let r = reqwest::Client::new()
                .post(url)
                .body(body)
                .send()
                .await
                .unwrap();
            (r.status().as_u16(), r.text().await.unwrap())
        }
    };
    let (st, body) = post("").await;
    assert_eq!(st, 201, "{body}");
    let v = json(&body);
    let chat = sb.chat(v["chat"].as_str().unwrap()).unwrap();
    assert_eq!(chat.message(0).unwrap().id, v["id"].as_str().unwrap());
    assert!(matches!(chat.server, "s.whatsapp.net" | "g.us"));
    for (bad, says) in [
        (r#"{"chat": "1@x.y"}"#, "no chat"),
        (r#"{"txt": "typo"}"#, "unknown field"),
        (r#"{"text": ""}"#, "empty"),
        ("not json", "JSON object"),
    ] {
        let (st, body) = post(bad).await;
        assert_eq!(st, 400, "{bad}: {body}");
        assert!(body.contains(says), "{bad}: {body}");
    }
}

#[tokio::test]
async fn the_whatsapp_gateway_lists_delivered_rows_first_and_cursors_still_walk_every_row() {
    let sb = start(30).await;
    let jid = sb.chats()[4].jid.clone();
    let mut sent = Vec::new();
    for t in ["one", "two", "three"] {
        sent.push(sb.deliver(incoming(&jid, t)).unwrap().message.id);
    }
    sent.reverse();
    let auth = format!("Bearer {GATEWAY_TOKEN}");
    let base = format!(
        "{}/api/v1/sessions/{GATEWAY_SESSION}/chats/{}/messages",
        sb.url("whatsapp-gateway"),
        jid.replace('@', "%40")
    );
    let (mut ids, mut cursor) = (Vec::new(), None::<String>);
    loop {
        let q = cursor.map_or("limit=2".into(), |c| format!("limit=2&cursor={c}"));
        let (st, body, _) = get(&format!("{base}?{q}"), &[("authorization", &auth)]).await;
        assert_eq!(st, 200, "{body}");
        let v = json(&body);
        ids.extend(
            v["data"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m["waMessageId"].as_str().unwrap().to_owned()),
        );
        match v["nextCursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => break,
        }
    }
    assert_eq!(ids[..3], sent[..]);
    let rows = sb.chat(&jid).unwrap();
    let stored = rows
        .messages()
        .filter(|m| m.listed_by("whatsapp-gateway"))
        .count();
    let unique: std::collections::HashSet<&String> = ids.iter().collect();
    assert_eq!((ids.len(), unique.len()), (stored, stored));
}

#[tokio::test]
async fn traffic_delivers_one_message_per_period() {
    let sb = Sandbox::start(SandboxOptions {
        chats: 40,
        traffic: Some(std::time::Duration::from_millis(100)),
        ..Default::default()
    })
    .await
    .unwrap();
    assert_eq!(
        sb.shared.inbox().delivered,
        0,
        "none before the first period"
    );
    tokio::time::sleep(std::time::Duration::from_millis(550)).await;
    let n = sb.shared.inbox().delivered;
    assert!((4..=6).contains(&n), "{n}");
}

#[tokio::test]
async fn marks_read_move_with_delivered_messages_and_an_own_message_clears_them() {
    let sb = start(40).await;
    let c = sb.chats().iter().find(|c| c.unread >= 2).unwrap().clone();
    sb.shared.mark_all("waha", &c);
    let now = |sb: &Sandbox| {
        let inbox = sb.shared.inbox();
        let chat = inbox.find(&c.jid).unwrap();
        let view = sb.shared.view("waha", chat);
        (view.unread_now(), view.is_unread(0), view.is_unread(1))
    };
    assert_eq!(now(&sb), (0, false, false));
    sb.deliver(incoming(&c.jid, "after reading")).unwrap();
    assert_eq!(now(&sb), (1, true, false), "only the new message is unread");
    sb.deliver(Incoming {
        from_me: true,
        ..incoming(&c.jid, "answered")
    })
    .unwrap();
    assert_eq!(now(&sb), (0, false, false));
}
