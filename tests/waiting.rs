//! `chats waiting` (issue 13, item 2): chats whose last message is incoming,
//! most-waiting first, on every gateway; `--older-than` at the boundary;
//! `--active-within` bounding the per-chat calls; `--kind`, formats,
//! `--cached` and `--new`.

use serde_json::Value;

use crate::util::TestEnv;
use wa_inbox::gateways::NAMES;

/// What `waiting` should answer, derived from the overview of every chat:
/// direct and group chats whose last message is incoming and at most
/// `within` seconds old, oldest first.
fn expected(overview: &[Value], now: i64, within: i64) -> Vec<String> {
    let mut rows: Vec<(&str, &str)> = overview
        .iter()
        .filter(|r| r["kind"] == "direct" || r["kind"] == "group")
        .filter(|r| r["last_message"]["from_me"] == false)
        .filter_map(|r| Some((r["last_activity_at"].as_str()?, r["id"].as_str()?)))
        .filter(|(at, _)| {
            chrono::DateTime::parse_from_rfc3339(at)
                .unwrap()
                .timestamp()
                >= now - within
        })
        .collect();
    rows.sort();
    rows.into_iter().map(|(_, id)| id.to_owned()).collect()
}

#[test]
fn waiting_lists_the_chats_awaiting_a_reply_most_waiting_first_on_every_gateway() {
    let env = TestEnv::new();
    for &gw in NAMES {
        // Green API finds last messages in its journals: read a week, as `waiting` does.
        let since: &[&str] = if gw == "green-api" {
            &["--since", "7d"]
        } else {
            &[]
        };
        let overview = env.run(
            &[
                &["-p", gw, "chats", "overview", "--all", "-o", "ndjson"],
                since,
            ]
            .concat(),
        );
        overview.expect(0);
        let now = chrono::Utc::now().timestamp();
        let run = env.run(&["-p", gw, "chats", "waiting", "--all", "-o", "ndjson"]);
        run.expect(0);
        let want = expected(&overview.ndjson(), now, 7 * 86_400);
        assert!(want.len() > 5, "{gw}: a few chats wait: {want:?}");
        assert_eq!(run.ids(), want, "{gw}");
        let kinds = [
            "-p", gw, "chats", "waiting", "--kind", "group", "--all", "-o", "ndjson",
        ];
        let groups = env.run(&kinds);
        groups.expect(0);
        assert!(groups.ndjson().iter().all(|r| r["kind"] == "group"), "{gw}");
    }
}

#[test]
fn waiting_older_than_at_the_boundary() {
    let env = TestEnv::new().only(&["evolution"]);
    let all = env.run(&["chats", "waiting", "--all", "-o", "ndjson"]);
    all.expect(0);
    let rows = all.ndjson();
    let target = &rows[rows.len() / 2];
    let at = target["last_activity_at"].as_str().unwrap();
    let waited = chrono::Utc::now().timestamp()
        - chrono::DateTime::parse_from_rfc3339(at)
            .unwrap()
            .timestamp();
    let ids = |secs: i64| {
        let older = format!("{secs}s");
        let run = env.run(&[
            "chats",
            "waiting",
            "--all",
            "--older-than",
            &older,
            "-o",
            "ndjson",
        ]);
        run.expect(0);
        run.ids()
    };
    let id = target["id"].as_str().unwrap().to_owned();
    let just_under = ids(waited - 3);
    assert!(
        just_under.contains(&id),
        "waited {waited}s > {}s",
        waited - 3
    );
    assert_eq!(
        just_under.last(),
        Some(&id),
        "the most recent of those that waited"
    );
    assert!(
        !ids(waited + 3).contains(&id),
        "waited {waited}s < {}s",
        waited + 3
    );
}

/// See: issue 13 — `--active-within` bounds the per-chat calls on GOWA.
#[test]
fn active_within_bounds_the_per_chat_calls() {
    let env = TestEnv::new().only(&["gowa"]);
    let now = env.sandbox.now();
    let candidates = env
        .sandbox
        .chats()
        .iter()
        .filter(|c| matches!(c.server, "s.whatsapp.net" | "lid" | "g.us"))
        .filter(|c| c.last_activity.is_some_and(|t| t >= now - 86_400))
        .count();
    assert!(candidates > 0);
    let run = env.run(&["chats", "waiting", "--active-within", "1d", "-o", "ndjson"]);
    run.expect(0);
    let per_chat = env
        .journal()
        .iter()
        .filter(|h| h.path.contains("/messages"))
        .count();
    assert_eq!(
        per_chat, candidates,
        "one call per chat active within a day"
    );
    assert!(run.ndjson().len() <= candidates);
}

#[test]
fn waiting_in_every_format_cached_and_new() {
    let env = TestEnv::new().only(&["evolution"]);
    let ndjson = env.run(&["chats", "waiting", "--all", "-o", "ndjson"]);
    ndjson.expect(0);
    let n = ndjson.ndjson().len();
    let json = env.run(&["chats", "waiting", "--all", "-o", "json"]);
    assert_eq!(json.expect(0).json().as_array().unwrap().len(), n);
    for format in ["csv", "tsv"] {
        let run = env.run(&["chats", "waiting", "--all", "-o", format]);
        assert_eq!(
            run.expect(0).lines().len(),
            n + 1,
            "{format}: header and rows"
        );
    }
    let table = env.run(&["chats", "waiting", "--all"]);
    assert!(
        table.expect(0).stdout.contains("LAST MESSAGE"),
        "{}",
        table.stdout
    );
    let count = env.run(&["chats", "waiting", "--count"]);
    assert_eq!(count.expect(0).stdout.trim(), n.to_string());
    // From the cache, the same answer without a request.
    env.run(&["chats", "overview", "--all", "-o", "ndjson"])
        .expect(0);
    let before = env.journal().len();
    let cached = env.run(&["chats", "waiting", "--all", "--cached", "-o", "ndjson"]);
    cached.expect(0);
    assert_eq!(env.journal().len(), before);
    assert_eq!(cached.ids(), ndjson.ids());
    // Alert once: everything, then nothing.
    let first = env.run(&["chats", "waiting", "--new", "-o", "ndjson"]);
    assert_eq!(first.expect(0).ids(), ndjson.ids());
    env.run(&["chats", "waiting", "--new", "--exit-status"])
        .expect(1);
    // unread's memory is its own.
    let unread = env.run(&["chats", "unread", "--new", "-o", "ndjson"]);
    assert!(!unread.expect(0).ids().is_empty());
}
