//! Evolution API v2 end to end against its emulator: `findChats` by POST with
//! take/skip until a short page, native unread counts and last messages (no
//! per-chat calls), the `apikey` header, and its error envelope.

use std::collections::HashSet;

use crate::util::{TestEnv, ALL_KINDS};
use wa_inbox::sandbox::{creds, SandboxChat};

fn env() -> TestEnv {
    TestEnv::new().only(&["evolution"])
}

fn env_with(from: &str, to: &str) -> TestEnv {
    let env = env();
    env.edit_config(|text| text.replacen(from, to, 1));
    env
}

/// Evolution lists one row per chat with at least one stored message, newest first.
fn listed(env: &TestEnv) -> Vec<&SandboxChat> {
    env.sandbox
        .chats()
        .iter()
        .filter(|c| c.message_count > 0)
        .collect()
}

#[test]
fn evolution_list_all_returns_every_chat_once() {
    let env = env();
    let run = env.run(&["chats", "list", "--all", "-o", "ndjson"]);
    run.expect(0);
    let expected: Vec<String> = listed(&env).iter().map(|c| c.jid.clone()).collect();
    let got = run.ids();
    assert_eq!(got, expected);
    assert_eq!(got.iter().collect::<HashSet<_>>().len(), got.len());
    let hits = env.journal();
    assert!(hits.len() >= expected.len().div_ceil(100), "{hits:?}");
    assert!(hits.iter().all(|h| h.method == "POST"
        && h.path == format!("/evolution/chat/findChats/{}", creds::EVOLUTION_INSTANCE)
        && h.headers
            .iter()
            .any(|(k, v)| k == "apikey" && v == creds::EVOLUTION_KEY)));
    let rows = run.ndjson();
    for (row, c) in rows.iter().zip(listed(&env)) {
        assert_eq!(row["unread_count"], c.unread, "{row}");
        assert!(row["archived"].is_null() && row["pinned"].is_null());
        assert!(row["muted_until"].is_null() && row["ephemeral_seconds"].is_null());
    }
}

#[test]
fn evolution_limit_and_offset_continue_exactly() {
    let env = env();
    let first = env.run(&["chats", "list", "--limit", "7", "-o", "ndjson"]);
    first.expect(0);
    assert!(first.stderr.contains("--offset 7"), "{}", first.stderr);
    let next = env.run(&[
        "chats", "list", "--limit", "3", "--offset", "7", "-o", "ndjson",
    ]);
    let all = env.run(&["chats", "list", "--limit", "10", "-o", "ndjson"]);
    assert_eq!([first.ids(), next.ids()].concat(), all.ids());
}

#[test]
fn evolution_overview_is_native_with_last_messages() {
    let env = env();
    let run = env.run(&["chats", "overview", "--limit", "20", "-o", "json"]);
    run.expect(0);
    assert_eq!(env.journal().len(), 1, "no per-chat calls");
    let rows = run.json();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 20);
    for (row, c) in rows.iter().zip(listed(&env)) {
        let m = c.last_message().unwrap();
        let last = &row["last_message"];
        assert_eq!(last["id"], m.id.as_str(), "{row}");
        assert_eq!(last["from_me"], m.from_me);
        assert_eq!(
            last["at"].as_str(),
            row["last_activity_at"].as_str(),
            "{row}"
        );
        match m.text.as_str() {
            "" => assert!(last["body"].is_null(), "{row}"),
            text => assert_eq!(last["body"], text, "{row}"),
        }
    }
}

#[test]
fn evolution_unread_keeps_chats_with_unread() {
    let env = env();
    let run = env.run(&[
        "chats", "unread", "--kind", ALL_KINDS, "--all", "-o", "ndjson",
    ]);
    run.expect(0);
    let expected: HashSet<String> = listed(&env)
        .iter()
        .filter(|c| c.unread > 0)
        .map(|c| c.jid.clone())
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(run.ids().into_iter().collect::<HashSet<_>>(), expected);
    assert!(run
        .ndjson()
        .iter()
        .all(|r| r["last_message"]["id"].is_string()));
}

#[test]
fn evolution_wrong_api_key_is_exit_4() {
    let env = env_with(creds::EVOLUTION_KEY, "evo-wrong-key-0000");
    let run = env.run(&["-v", "chats", "list"]);
    run.expect(4);
    assert!(run.stderr.contains("401"), "{}", run.stderr);
    assert!(!run.stderr.contains("evo-wrong-key-0000"));
}

#[test]
fn evolution_unknown_instance_is_exit_5() {
    let env = env_with(
        &format!("instance = \"{}\"", creds::EVOLUTION_INSTANCE),
        "instance = \"nosuch\"",
    );
    let run = env.run(&["chats", "list"]);
    run.expect(5);
    assert!(
        run.stderr.contains("instance does not exist"),
        "{}",
        run.stderr
    );
}

#[test]
fn evolution_unknown_route_is_a_config_error() {
    let env = env_with("/evolution\"", "/evolution/v1\"");
    let run = env.run(&["chats", "list"]);
    run.expect(3);
    assert!(run.stderr.contains("Cannot POST"), "{}", run.stderr);
}

#[test]
fn evolution_profile_check_reads_connection_state() {
    let env = env();
    let run = env.run(&["profiles", "check", "evolution"]);
    run.expect(0);
    assert!(run.stdout.contains("open"), "{}", run.stdout);
}
