//! Green API end to end against its emulator: one top-N `getChats`, overview
//! from the two journals (3 calls, paced, never a 429), unread unsupported,
//! 466 quota without retries, and both path credentials redacted everywhere.

use std::collections::HashSet;

use crate::util::{Run, TestEnv};
use wa_inbox::sandbox::creds;

fn env() -> TestEnv {
    TestEnv::new().only(&["green-api"])
}

/// Green's profile with `from` replaced by `to`.
fn env_with(from: &str, to: &str) -> TestEnv {
    let env = env();
    env.edit_config(|text| text.replace(from, to));
    env
}

fn assert_no_credentials(run: &Run) {
    for secret in [creds::GREEN_TOKEN, creds::GREEN_INSTANCE] {
        assert!(
            !run.stdout.contains(secret) && !run.stderr.contains(secret),
            "{secret} leaked\n--- stdout:\n{}\n--- stderr:\n{}",
            run.stdout,
            run.stderr
        );
    }
}

#[test]
fn green_list_all_is_one_call_with_every_chat_once() {
    let env = env();
    let run = env.run(&["chats", "list", "--all", "-o", "ndjson"]);
    run.expect(0);
    // Green lists phone, lid and group chats (no channels or broadcast lists), @c.us spelling.
    let expected: Vec<String> = env
        .sandbox
        .chats()
        .iter()
        .filter(|c| matches!(c.server, "s.whatsapp.net" | "lid" | "g.us"))
        .map(|c| c.c_us())
        .collect();
    let got = run.ids();
    assert_eq!(got, expected);
    assert_eq!(got.iter().collect::<HashSet<_>>().len(), got.len());
    let hits = env.journal();
    assert_eq!(hits.len(), 1);
    assert!(hits[0]
        .path
        .ends_with(&format!("/getChats/{}", creds::GREEN_TOKEN)));
    assert!(!hits[0].query.contains("count"), "{}", hits[0].query);
    let rows = run.ndjson();
    assert!(rows.iter().all(|r| r["unread_count"].is_null()
        && r["last_activity_at"].is_null()
        && r["last_message"].is_null()
        && r["archived"].is_boolean()
        && r["ephemeral_seconds"].is_u64()));
}

#[test]
fn green_limit_maps_to_count() {
    let env = env();
    let run = env.run(&["chats", "list", "--limit", "5", "-o", "ndjson"]);
    run.expect(0);
    assert_eq!(run.ndjson().len(), 5);
    let hits = env.journal();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].query, "count=5");
    assert!(run.stderr.contains("top 5"), "{}", run.stderr);
}

#[test]
fn green_overview_makes_exactly_three_calls_and_never_gets_429() {
    let env = env();
    let run = env.run(&["chats", "overview", "--all", "-o", "ndjson"]);
    run.expect(0);
    let hits = env.journal();
    let methods: Vec<&str> = hits
        .iter()
        .map(|h| h.path.split('/').nth(3).unwrap_or(""))
        .collect();
    assert_eq!(
        methods,
        ["getChats", "lastIncomingMessages", "lastOutgoingMessages"]
    );
    assert!(hits.iter().all(|h| h.status == 200), "{hits:?}");
    assert!(hits[1..].iter().all(|h| h.query == "minutes=1440"));
    // Every chat whose newest message is inside the 24 h window shows it.
    let cutoff = env.sandbox.now() - 24 * 3600;
    let rows = run.ndjson();
    let mut filled = 0;
    for c in env
        .sandbox
        .chats()
        .iter()
        .filter(|c| matches!(c.server, "s.whatsapp.net" | "lid" | "g.us"))
    {
        let row = rows.iter().find(|r| r["id"] == c.c_us()).unwrap();
        match c.last_message().filter(|m| m.timestamp >= cutoff) {
            Some(m) => {
                filled += 1;
                assert_eq!(row["last_message"]["id"], m.id.as_str(), "{row}");
                assert_eq!(row["last_message"]["from_me"], m.from_me, "{row}");
                assert_eq!(row["last_activity_at"], row["last_message"]["at"]);
            }
            None => assert!(row["last_message"].is_null(), "{row}"),
        }
        assert!(row["unread_count"].is_null());
    }
    assert!(filled > 0);
}

#[test]
fn green_overview_since_sets_journal_minutes() {
    let env = env();
    env.run(&["chats", "overview", "--since", "90s", "-o", "json"])
        .expect(0);
    let hits = env.journal();
    assert!(
        hits.iter()
            .filter(|h| h.path.contains("/last"))
            .all(|h| h.query == "minutes=2"),
        "{hits:?}"
    );
}

#[test]
fn green_unread_is_unsupported_exit_9() {
    let env = env().no_calls_expected();
    let run = env.run(&["chats", "unread", "-o", "json"]);
    run.expect(9);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr
            .contains("Green API does not report unread counts"),
        "{}",
        run.stderr
    );
}

#[test]
fn green_466_is_not_retried() {
    let env = env_with(creds::GREEN_INSTANCE, creds::GREEN_INSTANCE_QUOTA);
    let run = env.run(&["-v", "chats", "list"]);
    run.expect(6);
    assert_eq!(env.journal().len(), 1, "a quota answer must not be retried");
    assert!(run.stderr.contains("466"), "{}", run.stderr);
    assert!(!run.stderr.contains(creds::GREEN_INSTANCE_QUOTA));
    assert!(!run.stderr.contains(creds::GREEN_TOKEN));
}

#[test]
fn green_wrong_token_is_exit_4() {
    let env = env_with(creds::GREEN_TOKEN, "wrongtoken123456");
    let run = env.run(&["-v", "chats", "list"]);
    run.expect(4);
    assert!(run.stderr.contains("401"), "{}", run.stderr);
    assert!(!run.stderr.contains("wrongtoken123456"), "{}", run.stderr);
}

#[test]
fn green_wrong_instance_is_exit_4_with_a_hint() {
    let env = env_with(creds::GREEN_INSTANCE, "7105000001");
    let run = env.run(&["-v", "chats", "list"]);
    run.expect(4);
    assert!(
        run.stderr.contains("check id_instance and api_url"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("7105000001"), "{}", run.stderr);
    assert_no_credentials(&run);
}

#[test]
fn green_token_absent_from_output_even_verbose() {
    let env = env();
    let run = env.run(&["-v", "chats", "overview", "--limit", "3", "-o", "json"]);
    run.expect(0);
    assert!(run.stderr.contains("getChats"), "{}", run.stderr);
    assert!(run.stderr.contains("***"), "{}", run.stderr);
    assert_no_credentials(&run);
    let profiles = env.run(&["profiles", "list", "-o", "json"]);
    profiles.expect(0);
    assert_no_credentials(&profiles);
}

#[test]
fn green_paces_repeated_calls_to_one_method() {
    use std::time::{Duration, Instant};
    use wa_inbox::config::{Overrides, Resolution};
    use wa_inbox::provider::{PageAt, Query, View};
    use wa_inbox::sandbox::{Sandbox, SandboxOptions};
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let sandbox = Sandbox::start(SandboxOptions::default()).await.unwrap();
        let dir = tempfile::tempdir().unwrap();
        let toml = sandbox.profiles_toml();
        let green = toml
            .split("[profiles.")
            .find(|s| s.starts_with("green-api]"))
            .unwrap();
        let config = wa_inbox::config::Config::parse(
            &format!("[profiles.{green}"),
            &dir.path().join("config.toml"),
        )
        .unwrap();
        let profile = config.select(Some("green-api")).unwrap();
        // No retries: a 429 from the emulator's 1/s limiter would fail the call.
        let overrides = Overrides {
            retries: Some(0),
            ..Overrides::default()
        };
        let mut p = Resolution::new(&config, &[profile], overrides).run();
        let p = p.pop().unwrap().unwrap().build().unwrap();
        let q = Query {
            view: View::List,
            archived: None,
            has_media: false,
            search: None,
            sort: None,
            since: Duration::from_secs(24 * 3600),
        };
        let started = Instant::now();
        p.page(&q, PageAt::Single, Some(1)).await.unwrap();
        p.page(&q, PageAt::Single, Some(1)).await.unwrap();
        assert!(started.elapsed() >= Duration::from_secs(1));
        assert!(sandbox.journal().iter().all(|h| h.status == 200));
    });
}

#[test]
fn green_profile_check_asks_instance_state() {
    let env = env();
    let run = env.run(&["-v", "profiles", "check", "green-api"]);
    run.expect(0);
    assert!(run.stdout.contains("authorized"), "{}", run.stdout);
    assert!(env.journal()[0].path.contains("/getStateInstance/"));
    assert_no_credentials(&run);
}
