//! Wawp end to end against its emulator: query-string credentials that never
//! leak, list ids as strings or objects, the overview as a keyed object or an
//! array, unread from `unreadCount`, and auth/session/quota errors.

use std::collections::HashSet;

use crate::util::{assert_offsets, Run, TestEnv, ALL_KINDS};
use wa_inbox::sandbox::{creds, Faults};

fn env() -> TestEnv {
    TestEnv::new().only(&["wawp", "wawp-array"])
}

#[test]
fn wawp_list_all_returns_every_chat_once() {
    let env = env();
    let run = env.run(&["-p", "wawp", "chats", "list", "--all", "-o", "ndjson"]);
    run.expect(0);
    let got = run.ids();
    let want: Vec<String> = env.sandbox.chats().iter().map(|c| c.c_us()).collect();
    // Both id forms (string and {_serialized}) come out as the same string ids, newest first.
    assert_eq!(got, want);
    let hits = env.journal();
    assert_offsets(&hits, 100, want.len());
    assert!(hits.iter().all(|h| h.query.contains("sortOrder=desc")
        && h.query
            .contains(&format!("instance_id={}", creds::WAWP_INSTANCE))
        && h.query.contains("access_token=")));
    let rows = run.ndjson();
    let group = rows
        .iter()
        .find(|r| r["jid"].as_str().unwrap().ends_with("@g.us"));
    assert_eq!(group.unwrap()["kind"], "group");
}

#[test]
fn wawp_overview_keyed_object_and_array_give_same_records() {
    let env = env();
    let keyed = env.run(&["-p", "wawp", "chats", "overview", "--all", "-o", "ndjson"]);
    keyed.expect(0);
    let array = env.run(&[
        "-p",
        "wawp-array",
        "chats",
        "overview",
        "--all",
        "-o",
        "ndjson",
    ]);
    array.expect(0);
    let strip = |r: &Run| {
        r.ndjson()
            .into_iter()
            .map(|mut v| {
                v.as_object_mut().unwrap().remove("profile");
                v
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(strip(&keyed), strip(&array));
    assert_eq!(keyed.ndjson().len(), env.sandbox.chats().len());
    // limit/offset always sent (WAHA's silent 20-chat default page).
    let overview: Vec<_> = env
        .journal()
        .into_iter()
        .filter(|h| h.path == "/wawp/v2/chats/overview")
        .collect();
    assert!(overview
        .iter()
        .all(|h| h.query.contains("limit=50") && h.query.contains("offset=")));
    let first = &keyed.ndjson()[0];
    assert_eq!(first["id"], env.sandbox.chats()[0].c_us());
    assert!(first["last_message"]["at"].is_string());
}

#[test]
fn wawp_unread_keeps_chats_with_unread_count() {
    let env = env();
    let run = env.run(&[
        "-p", "wawp", "chats", "unread", "--kind", ALL_KINDS, "--all", "-o", "ndjson",
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
    assert!(run
        .ndjson()
        .iter()
        .all(|r| r["unread_count"].as_u64().unwrap() > 0));
}

#[test]
fn wawp_token_never_printed_even_verbose() {
    let env = env();
    for args in [
        &["-v", "-p", "wawp", "chats", "list", "--limit", "3"][..],
        &[
            "-v", "-p", "wawp", "chats", "overview", "--limit", "3", "-o", "json",
        ][..],
    ] {
        let run = env.run(args);
        run.expect(0);
        assert!(run.stderr.contains("access_token=***"), "{}", run.stderr);
        assert!(!run.stderr.contains(creds::WAWP_TOKEN) && !run.stdout.contains(creds::WAWP_TOKEN));
    }
    // Nor in errors: an HTML 500 from upstream.
    env.sandbox.set_faults(Faults {
        fail_first: 1,
        fail_status: 500,
        ..Faults::default()
    });
    let run = env.run(&["-v", "-p", "wawp", "chats", "list"]);
    run.expect(7);
    assert!(
        run.stderr.contains("Internal Server Error"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains(creds::WAWP_TOKEN) && !run.stdout.contains(creds::WAWP_TOKEN));
}

#[test]
fn wawp_wrong_token_is_exit_4() {
    let env = env();
    env.edit_config(|text| text.replace(creds::WAWP_TOKEN, "wrong-token-Kp3"));
    let run = env.run(&["-v", "-p", "wawp", "chats", "list"]);
    run.expect(4);
    assert!(
        run.stderr.contains("Invalid or Missing Access Token"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("wrong-token-Kp3"));
}

#[test]
fn wawp_unknown_instance_is_exit_5() {
    let env = env();
    env.edit_config(|text| text.replace(creds::WAWP_INSTANCE, "000000000000"));
    let run = env.run(&["-p", "wawp", "chats", "list"]);
    run.expect(5);
    assert!(
        run.stderr.contains("Session Does Not Exist"),
        "{}",
        run.stderr
    );
}

// See: PROVIDERS.md §10.3 — 403 "Quota or Limit Reached" is a rate limit, never retried.
#[test]
fn wawp_quota_403_is_rate_limited_without_retry() {
    let env = env();
    env.sandbox.set_faults(Faults {
        fail_first: 3,
        fail_status: 403,
        ..Faults::default()
    });
    let run = env.run(&["-p", "wawp", "chats", "list"]);
    run.expect(6);
    assert!(
        run.stderr.contains("Quota or Limit Reached"),
        "{}",
        run.stderr
    );
    assert_eq!(env.journal().len(), 1);
}

#[test]
fn wawp_search_and_kind_are_applied_client_side() {
    let env = env();
    let run = env.run(&[
        "-p", "wawp", "chats", "list", "--all", "--kind", "group", "-o", "ndjson",
    ]);
    run.expect(0);
    let want = env.sandbox.chats().iter().filter(|c| c.is_group()).count();
    assert_eq!(run.ndjson().len(), want);
    assert!(env.journal().iter().all(|h| !h.query.contains("kind")));
}
