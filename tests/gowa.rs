//! GOWA end to end against its emulator: paging with a total, previews by
//! per-chat calls, server filters, unread unsupported, errors.

use crate::util::TestEnv;
use wa_inbox::sandbox::creds;

fn env() -> TestEnv {
    TestEnv::new().only(&["gowa"])
}

#[test]
fn gowa_list_all_pages_until_total() {
    let env = env();
    let run = env.run(&["chats", "list", "--all", "-o", "ndjson"]);
    run.expect(0);
    let rows = run.ndjson();
    assert_eq!(rows.len(), env.sandbox.chats().len());
    let pages = env
        .journal()
        .iter()
        .filter(|h| h.path == "/gowa/chats")
        .count();
    assert_eq!(pages, env.sandbox.chats().len().div_ceil(100));
    assert!(rows.iter().all(|r| r["provider"] == "gowa"
        && r["unread_count"].is_null()
        && r["last_message"].is_null()));
    // Basic auth and the device header travel on every call.
    assert!(env.journal().iter().all(|h| h
        .headers
        .iter()
        .any(|(k, v)| k == "x-device-id" && v == creds::GOWA_DEVICE)));
}

#[test]
fn gowa_limit_and_offset_continue_exactly() {
    let env = env();
    let first = env.run(&["chats", "list", "--limit", "7", "-o", "ndjson"]);
    first.expect(0);
    assert_eq!(first.ndjson().len(), 7);
    assert!(first.stderr.contains("--offset 7"), "{}", first.stderr);
    let next = env.run(&[
        "chats", "list", "--limit", "3", "--offset", "7", "-o", "ndjson",
    ]);
    let all = env.run(&["chats", "list", "--limit", "10", "-o", "ndjson"]);
    assert_eq!([first.ids(), next.ids()].concat(), all.ids());
}

#[test]
fn gowa_overview_fetches_last_message_per_shown_chat() {
    let env = env();
    let run = env.run(&["chats", "overview", "--limit", "5", "-o", "json"]);
    run.expect(0);
    let rows = run.json();
    assert_eq!(rows.as_array().unwrap().len(), 5);
    let per_chat = env
        .journal()
        .iter()
        .filter(|h| h.path.starts_with("/gowa/chat/"))
        .count();
    assert_eq!(per_chat, 5);
    assert!(rows
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["last_message"]["body"].is_string()));
}

#[test]
fn gowa_unread_is_unsupported_exit_9() {
    let env = env().no_calls_expected();
    let run = env.run(&["chats", "unread", "-o", "json"]);
    run.expect(9);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr.contains("GOWA does not report unread counts"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 1);
}

#[test]
fn gowa_search_and_archived_are_passed_to_the_server() {
    let env = env();
    env.run(&[
        "chats",
        "list",
        "--search",
        "Pizza",
        "--archived",
        "false",
        "-o",
        "json",
    ])
    .expect(0);
    let hit = env
        .journal()
        .into_iter()
        .find(|h| h.path == "/gowa/chats")
        .unwrap();
    assert!(
        hit.query.contains("search=Pizza") && hit.query.contains("archived=false"),
        "{}",
        hit.query
    );
}

#[test]
fn gowa_page_size_over_maximum_is_refused() {
    let env = env().no_calls_expected();
    let run = env.run(&["chats", "list", "--page-size", "500"]);
    run.expect(2);
    assert!(
        run.stderr.contains("GOWA returns at most 100"),
        "{}",
        run.stderr
    );
}

#[test]
fn gowa_cursor_is_refused() {
    let env = env().no_calls_expected();
    env.run(&["chats", "list", "--cursor", "abc"]).expect(2);
}

#[test]
fn gowa_wrong_password_is_exit_4_with_one_line() {
    let env = env();
    env.write_config(
        &env.sandbox
            .profiles_toml()
            .split("[profiles.wawp]")
            .next()
            .unwrap()
            .replace(creds::GOWA_PASSWORD, "wrong-pass-123"),
    );
    let run = env.run(&["chats", "list"]);
    run.expect(4);
    assert!(
        run.stderr.contains("401") && run.stderr.contains("Unauthorized"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(!run.stderr.contains("wrong-pass-123"));
}

#[test]
fn gowa_unknown_device_is_exit_5() {
    let env = env();
    env.write_config(
        &env.sandbox
            .profiles_toml()
            .split("[profiles.wawp]")
            .next()
            .unwrap()
            .replace(creds::GOWA_DEVICE, "other-device"),
    );
    let run = env.run(&["chats", "list"]);
    run.expect(5);
    assert!(run.stderr.contains("device not found"), "{}", run.stderr);
}
