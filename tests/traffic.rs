//! Live traffic in the sandbox (issue 13, item 7): a message delivered while it runs
//! (`POST /_sandbox/incoming`) shows on every gateway the way each reports messages — the chat
//! first in activity order with the new time and last message, its unread count one higher
//! where the gateway counts, and the message in the chat's messages.

use serde_json::Value;

use crate::util::TestEnv;
use wa_inbox::gateways::NAMES;
use wa_inbox::sandbox::SandboxOptions;

/// POST /_sandbox/incoming with `body`; the sandbox's JSON answer.
pub fn post_incoming(env: &TestEnv, body: &str) -> Value {
    let url = format!("http://{}/_sandbox/incoming", env.sandbox.addr());
    let out = std::process::Command::new("curl")
        .args(["-sS", "--fail-with-body", "-d", body, &url])
        .output()
        .expect("curl runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn row<'a>(rows: &'a [Value], jid: &str) -> Option<&'a Value> {
    rows.iter().find(|r| r["jid"] == jid)
}

#[test]
fn a_delivered_message_updates_the_chat_list_unread_count_and_messages_on_every_gateway() {
    let env = TestEnv::with(SandboxOptions {
        chats: 40,
        ..Default::default()
    });
    // A named direct chat well down the list.
    let chat = env.sandbox.chats()[20..]
        .iter()
        .find(|c| c.server == "s.whatsapp.net" && c.known_name().is_some())
        .unwrap()
        .clone();
    let overview = |gw: &str| {
        let since: &[&str] = if gw == "green-api" {
            &["--since", "90d"]
        } else {
            &[]
        };
        let mut args = vec!["-p", gw, "chats", "overview", "--all", "-o", "ndjson"];
        args.extend(since);
        env.run(&args).expect(0).ndjson()
    };
    for &gw in NAMES {
        let before = overview(gw);
        let old = row(&before, &chat.jid).cloned();
        let text = format!("Is the order for {gw} ready?");
        let sent = post_incoming(
            &env,
            &serde_json::json!({"chat": chat.jid, "text": text}).to_string(),
        );
        assert_eq!(sent["chat"], chat.jid.as_str());
        let after = overview(gw);
        assert_eq!(
            after[0]["jid"],
            chat.jid.as_str(),
            "{gw}: first by activity"
        );
        let new = &after[0];
        let at = chrono::DateTime::from_timestamp(sent["at"].as_i64().unwrap(), 0).unwrap();
        let at = at.format("%Y-%m-%dT%H:%M:%SZ").to_string();
        assert_eq!(new["last_activity_at"], at.as_str(), "{gw}");
        assert_eq!(new["last_message"]["body"], text.as_str(), "{gw}");
        assert_eq!(new["last_message"]["from_me"], false, "{gw}");
        let unread = |r: Option<&Value>| r.and_then(|r| r["unread_count"].as_u64());
        match (gw, unread(old.as_ref())) {
            // Counts nothing (the WhatsApp Gateway never increments its counter).
            (_, None) => assert_eq!(unread(Some(new)), None, "{gw}"),
            ("whatsapp-gateway", Some(0)) => assert_eq!(unread(Some(new)), Some(0)),
            (_, Some(n)) => assert_eq!(unread(Some(new)), Some(n + 1), "{gw}"),
        }
        let msgs = env
            .run(&[
                "-p", gw, "messages", "list", &chat.jid, "--limit", "1", "-o", "ndjson",
            ])
            .expect(0)
            .ndjson();
        assert_eq!(msgs[0]["wa_id"], sent["id"], "{gw}");
        assert_eq!(msgs[0]["text"], text.as_str(), "{gw}");
        assert_eq!(msgs[0]["from_me"], false, "{gw}");
    }
}

/// Sleep into the next wall-clock second.
fn next_second() {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap();
    std::thread::sleep(std::time::Duration::from_nanos(
        1_000_000_000 - u64::from(now.subsec_nanos()) + 1_000_000,
    ));
}

/// Issue 13, item 3: `--new` over three runs with traffic in between reports exactly what the
/// traffic brought — a chat that started waiting, then a waiting chat with a newer message —
/// and not a chat that the owner answered meanwhile.
#[test]
fn waiting_new_over_three_runs_reports_exactly_what_arrived_in_between() {
    let env = TestEnv::with(SandboxOptions {
        chats: 60,
        ..Default::default()
    });
    let direct = |mine: bool| {
        env.sandbox.chats()[..57]
            .iter()
            .filter(|c| c.server == "s.whatsapp.net" && c.index != 7)
            .filter(|c| c.last_message().is_some_and(|m| m.from_me == mine))
            .map(|c| c.jid.clone())
            .collect::<Vec<_>>()
    };
    let (answered, waiting) = (direct(true), direct(false));
    let new = |gw: &str| {
        let run = env.run(&[
            "-p",
            gw,
            "chats",
            "waiting",
            "--new",
            "--active-within",
            "90d",
            "-o",
            "ndjson",
        ]);
        let mut jids: Vec<String> = run
            .expect(0)
            .ndjson()
            .iter()
            .map(|r| r["jid"].as_str().unwrap().to_owned())
            .collect();
        jids.sort();
        jids
    };
    let deliver = |jid: &str, from_me: bool| {
        post_incoming(
            &env,
            &serde_json::json!({"chat": jid, "from_me": from_me}).to_string(),
        );
    };
    for (i, &gw) in NAMES.iter().enumerate() {
        let first = new(gw);
        assert!(
            first.contains(&waiting[i]),
            "{gw}: the first run reports every waiting chat"
        );
        assert!(new(gw).is_empty(), "{gw}: nothing arrived");
        // A chat I had answered gets a reply; a waiting chat is answered from the phone.
        deliver(&answered[i], false);
        deliver(&waiting[i], true);
        assert_eq!(new(gw), vec![answered[i].clone()], "{gw}: second run");
        // The chat still waits and gets another message, in a later second (the alert memory
        // keeps the gateways' whole-second times).
        next_second();
        deliver(&answered[i], false);
        assert_eq!(new(gw), vec![answered[i].clone()], "{gw}: third run");
        assert!(new(gw).is_empty(), "{gw}: nothing since");
    }
}
