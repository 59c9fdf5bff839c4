//! WAHA end to end against its emulator: offset paging without a total,
//! server-side sort with a lowercase `sortOrder`, the overview, unread on WEBJS
//! only, and session (422), key (401) errors.

use std::collections::HashSet;

use crate::util::{assert_offsets, TestEnv, ALL_KINDS};
use wa_inbox::sandbox::creds;

fn env() -> TestEnv {
    TestEnv::new().only(&["waha"])
}

#[test]
fn waha_list_all_returns_every_chat_once() {
    let env = env();
    let run = env.run(&["chats", "list", "--all", "-o", "ndjson"]);
    run.expect(0);
    let got = run.ids();
    let want: Vec<String> = env.sandbox.chats().iter().map(|c| c.c_us()).collect();
    assert_eq!(got.len(), want.len());
    assert_eq!(
        got.iter().collect::<HashSet<_>>(),
        want.iter().collect::<HashSet<_>>()
    );
    let pages: Vec<_> = env
        .journal()
        .into_iter()
        .filter(|h| h.path == "/waha/api/default/chats")
        .collect();
    assert_offsets(&pages, 100, want.len());
    assert!(pages.iter().all(|h| h
        .headers
        .iter()
        .any(|(k, v)| k == "x-api-key" && v == creds::WAHA_KEY)));
    let rows = run.ndjson();
    assert!(rows.iter().all(|r| r["provider"] == "waha"));
    // WEBJS reports unread, archived and pinned in the list.
    assert!(rows.iter().all(|r| r["unread_count"].is_u64()
        && r["archived"].is_boolean()
        && r["pinned"].is_boolean()));
}

// See: PROVIDERS.md §6 — WEBJS/GOWS sort ascending unless sortOrder is exactly `desc`.
#[test]
fn waha_sort_order_is_lowercase() {
    let env = env();
    let run = env.run(&["chats", "list", "--limit", "5", "-o", "ndjson"]);
    run.expect(0);
    let first = env.journal().into_iter().next().unwrap();
    assert!(
        first.query.contains("sortBy=conversationTimestamp")
            && first.query.contains("sortOrder=desc"),
        "{}",
        first.query
    );
    // Newest first, as the sandbox's inbox is ordered.
    let want: Vec<String> = env.sandbox.chats()[..5].iter().map(|c| c.c_us()).collect();
    assert_eq!(run.ids(), want);
    // The server sorts only by id (its name and time sorts put missing values first).
    env.run(&[
        "chats", "list", "--sort", "id", "--order", "asc", "--limit", "3",
    ])
    .expect(0);
    let last = env.journal().pop().unwrap();
    assert!(
        last.query.contains("sortBy=id") && last.query.contains("sortOrder=asc"),
        "{}",
        last.query
    );
    assert!(!env
        .journal()
        .iter()
        .any(|h| h.query.contains("DESC") || h.query.contains("ASC")));
}

#[test]
fn waha_overview_pages_by_50_with_last_messages() {
    let env = env();
    let run = env.run(&["chats", "overview", "--all", "-o", "ndjson"]);
    run.expect(0);
    assert_eq!(run.ndjson().len(), env.sandbox.chats().len());
    let pages: Vec<_> = env
        .journal()
        .into_iter()
        .filter(|h| h.path == "/waha/api/default/chats/overview")
        .collect();
    assert_offsets(&pages, 50, env.sandbox.chats().len());
    assert!(pages[0].query.contains("limit=50") && pages[0].query.contains("offset=0"));
    let rows = run.ndjson();
    let first = &env.sandbox.chats()[0];
    assert_eq!(rows[0]["id"], first.c_us());
    assert_eq!(
        rows[0]["unread_count"].as_u64(),
        Some(u64::from(first.unread))
    );
    assert!(rows[0]["last_message"]["at"].is_string());
}

#[test]
fn waha_unread_on_webjs_keeps_unread_chats() {
    let env = env();
    let run = env.run(&[
        "chats", "unread", "--kind", ALL_KINDS, "--all", "-o", "ndjson",
    ]);
    run.expect(0);
    let want: HashSet<String> = env
        .sandbox
        .chats()
        .iter()
        .filter(|c| c.unread > 0)
        .map(|c| c.c_us())
        .collect();
    assert_eq!(run.ids().into_iter().collect::<HashSet<_>>(), want);
}

#[test]
fn waha_unread_on_noweb_is_unsupported_exit_9() {
    let env = TestEnv::new().only(&["waha-noweb"]);
    let run = env.run(&["chats", "unread", "-o", "json"]);
    run.expect(9);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(
        run.stderr
            .contains("does not report unread counts (only WEBJS does)"),
        "{}",
        run.stderr
    );
}

#[test]
fn waha_engine_noweb_in_profile_refuses_unread_up_front() {
    let env = TestEnv::new().only(&["waha-noweb"]).no_calls_expected();
    env.edit_config(|text| format!("{text}engine = \"NOWEB\"\n"));
    let run = env.run(&["chats", "unread"]);
    run.expect(9);
    assert!(run.stderr.contains("NOWEB"), "{}", run.stderr);
    assert!(env.journal().is_empty());
}

#[test]
fn waha_noweb_list_has_no_unknown_zeroes() {
    let env = TestEnv::new().only(&["waha-noweb"]);
    let run = env.run(&["chats", "list", "--all", "-o", "ndjson"]);
    run.expect(0);
    let rows = run.ndjson();
    assert!(!rows.is_empty());
    assert!(rows
        .iter()
        .all(|r| r["unread_count"].is_null() && r["archived"].is_null() && r["pinned"].is_null()));
}

#[test]
fn waha_stopped_session_is_exit_5_with_status() {
    let env = env();
    env.edit_config(|text| {
        text.replace(
            &format!("session = \"{}\"", creds::WAHA_SESSION),
            &format!("session = \"{}\"", creds::WAHA_SESSION_STOPPED),
        )
    });
    let run = env.run(&["chats", "list"]);
    run.expect(5);
    assert!(
        run.stderr.contains("422") && run.stderr.contains("STOPPED"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
}

#[test]
fn waha_wrong_key_is_exit_4_and_never_printed() {
    let env = env();
    env.edit_config(|text| text.replace(creds::WAHA_KEY, "wrong-key-Zq81"));
    let run = env.run(&["-v", "chats", "list"]);
    run.expect(4);
    assert!(run.stderr.contains("401"), "{}", run.stderr);
    assert!(!run.stderr.contains("wrong-key-Zq81") && !run.stdout.contains("wrong-key-Zq81"));
}

#[test]
fn waha_has_media_is_refused() {
    let env = env().no_calls_expected();
    let run = env.run(&["chats", "list", "--has-media"]);
    run.expect(2);
    assert!(run.stderr.contains("WAHA"), "{}", run.stderr);
}

#[test]
fn waha_500_shows_only_the_exception_message() {
    let env = env();
    env.sandbox.set_faults(wa_inbox::sandbox::Faults {
        fail_first: 1,
        fail_status: 500,
        ..Default::default()
    });
    let run = env.run(&["chats", "overview"]);
    run.expect(7);
    assert!(run.stderr.contains("Evaluation failed"), "{}", run.stderr);
    assert!(!run.stderr.contains("ExecutionContext"), "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
}
