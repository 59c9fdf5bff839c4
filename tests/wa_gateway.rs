//! WhatsApp Gateway end to end against its emulator: cursor paging to the
//! end (including an empty final page), unread counts it cannot give, last messages
//! by per-chat calls, Bearer auth and `error.code` classes.

use std::collections::HashSet;

use crate::util::TestEnv;
use wa_inbox::sandbox::{creds, SandboxChat, SandboxOptions};

fn env() -> TestEnv {
    TestEnv::new().only(&["whatsapp-gateway"])
}

/// The gateway lists only chats with at least one message, newest first.
fn listed(env: &TestEnv) -> Vec<&SandboxChat> {
    env.sandbox
        .chats()
        .iter()
        .filter(|c| c.message_count > 0)
        .collect()
}

fn chat_pages(env: &TestEnv) -> Vec<wa_inbox::sandbox::Hit> {
    env.journal()
        .into_iter()
        .filter(|h| h.path.ends_with("/chats"))
        .collect()
}

#[test]
fn gateway_list_all_returns_every_chat_once() {
    let env = env();
    let run = env.run(&["chats", "list", "--all", "-o", "ndjson"]);
    run.expect(0);
    let expected: Vec<String> = listed(&env).iter().map(|c| c.jid.clone()).collect();
    let got = run.ids();
    assert_eq!(got, expected);
    assert_eq!(got.iter().collect::<HashSet<_>>().len(), got.len());
    let pages = chat_pages(&env);
    assert!(pages[0].query.contains("limit=200"), "{}", pages[0].query);
    assert!(!pages[0].query.contains("cursor"));
    assert!(pages[1].query.contains("cursor="), "{}", pages[1].query);
    // Bearer auth on every call.
    assert!(env
        .journal()
        .iter()
        .all(|h| h.headers.iter().any(
            |(k, v)| k == "authorization" && v == &format!("Bearer {}", creds::GATEWAY_TOKEN)
        )));
    let rows = run.ndjson();
    for (row, c) in rows.iter().zip(listed(&env)) {
        assert!(row["unread_count"].is_null(), "{row}");
        assert_eq!(row["archived"], c.archived);
        assert_eq!(row["pinned"], c.pinned);
        assert!(row["last_message"].is_null());
        assert!(row["aliases"].is_array(), "{row}");
        assert!(row["last_activity_at"].is_string());
    }
}

#[test]
fn gateway_empty_final_page_ends_paging() {
    // 203 chats, 3 of them without messages: 200 listed = one full page, then `{"data": []}`.
    let env = TestEnv::with(SandboxOptions {
        chats: 203,
        ..SandboxOptions::default()
    })
    .only(&["whatsapp-gateway"]);
    assert_eq!(listed(&env).len(), 200);
    let run = env.run(&["chats", "list", "--all", "-o", "ndjson"]);
    run.expect(0);
    assert_eq!(run.ndjson().len(), 200);
    let pages = chat_pages(&env);
    assert_eq!(pages.len(), 2, "{pages:?}");
    assert!(pages[1].query.contains("cursor="));
}

#[test]
fn gateway_limit_and_cursor_continue_exactly() {
    let env = env();
    let first = env.run(&["chats", "list", "--limit", "7", "-o", "ndjson"]);
    first.expect(0);
    assert_eq!(first.ndjson().len(), 7);
    let cursor = first
        .stderr
        .split("--cursor ")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .unwrap_or_else(|| panic!("no cursor hint: {}", first.stderr))
        .to_owned();
    let next = env.run(&[
        "chats", "list", "--limit", "3", "--cursor", &cursor, "-o", "ndjson",
    ]);
    next.expect(0);
    let all = env.run(&["chats", "list", "--limit", "10", "-o", "ndjson"]);
    assert_eq!([first.ids(), next.ids()].concat(), all.ids());
}

#[test]
fn gateway_overview_fills_last_message_per_shown_chat() {
    let env = env();
    let run = env.run(&["chats", "overview", "--limit", "5", "-o", "json"]);
    run.expect(0);
    let rows = run.json();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 5);
    let per_chat: Vec<_> = env
        .journal()
        .into_iter()
        .filter(|h| h.path.ends_with("/messages"))
        .collect();
    assert_eq!(per_chat.len(), 5);
    assert!(per_chat.iter().all(|h| h.query == "limit=1"));
    for (row, c) in rows.iter().zip(listed(&env)) {
        let m = c.last_message().unwrap();
        assert_eq!(row["last_message"]["id"], m.id.as_str(), "{row}");
        assert_eq!(row["last_message"]["from_me"], m.from_me);
        match m.text.as_str() {
            "" => assert!(row["last_message"]["body"].is_null()),
            t => assert_eq!(row["last_message"]["body"], t),
        }
        assert!(row["unread_count"].is_null());
    }
}

// See: issue 9 item 18 — the gateway resets `unreadCount` to 0 on every
// inbound message, so its 0 was shown as "nothing unread".
#[test]
fn gateway_unread_count_is_null_and_chats_unread_exits_9_saying_why() {
    let env = env();
    let run = env.run(&["chats", "overview", "--limit", "5", "-o", "ndjson"]);
    run.expect(0);
    assert!(env
        .journal()
        .iter()
        .any(|h| h.path.ends_with("/chats") && h.status == 200));
    assert!(
        run.ndjson().iter().all(|r| r["unread_count"].is_null()),
        "{}",
        run.stdout
    );
    let run = env.run(&["chats", "unread"]);
    run.expect(9);
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("does not count unread messages")
            && run.stderr.contains("resets its unreadCount to 0")
            && run.stderr.contains("use `chats waiting` instead"),
        "{}",
        run.stderr
    );
}

#[test]
fn gateway_wrong_token_is_exit_4() {
    let env = env();
    env.edit_config(|text| text.replace(creds::GATEWAY_TOKEN, "wa_wrong_key_123"));
    let run = env.run(&["-v", "chats", "list"]);
    run.expect(4);
    assert!(
        run.stderr.contains("missing or invalid credentials"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("wa_wrong_key_123"));
}

#[test]
fn gateway_unknown_session_is_exit_5() {
    let env = env();
    env.edit_config(|text| text.replace(creds::GATEWAY_SESSION, "sess_unknown"));
    let run = env.run(&["chats", "overview"]);
    run.expect(5);
    assert!(run.stderr.contains("session not found"), "{}", run.stderr);
}

#[test]
fn gateway_offset_is_refused() {
    let env = env().no_calls_expected();
    env.run(&["chats", "list", "--offset", "5"]).expect(2);
}

#[test]
fn gateway_profile_check_lists_one_chat() {
    let env = env();
    // JSON: a table cuts the detail to the terminal's width.
    let run = env.run(&["profiles", "check", "whatsapp-gateway", "-o", "json"]);
    run.expect(0);
    let detail = run.json()[0]["detail"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(detail.contains("has chats"), "{}", run.stdout);
    assert_eq!(env.journal()[0].query, "limit=1");
}

// See: issue 9 item 10 — `nextCursor = "$(touch /tmp/x)"` was hinted unquoted, and ran
// when the hint was pasted into a shell.
#[test]
fn hostile_cursor_is_quoted_in_the_continuation_hint() {
    let env = TestEnv::new().no_calls_expected();
    let gateway = crate::util::OneAnswer::start(
        r#"{"data": [{"jid": "1@s.whatsapp.net"}], "nextCursor": "$(touch /tmp/x); 'q'"}"#,
    );
    env.write_config(&format!(
        "[profiles.g]\nprovider = \"whatsapp-gateway\"\nbase_url = \"http://127.0.0.1:{}\"\n\
         session = \"s\"\ntoken = \"tok-123456\"\n",
        gateway.port
    ));
    let run = env.run(&["chats", "list", "--limit", "1", "-o", "ndjson"]);
    run.expect(0);
    assert!(
        run.stderr
            .contains(r#"continue with --cursor '$(touch /tmp/x); '\''q'\''' --limit 1"#),
        "{}",
        run.stderr
    );
}
