//! Alert once, `--new` (issue 13, item 3): the first run reports everything,
//! later runs only what is new; `--remind-after`; per-profile memory; two
//! runs at once; a run killed before it remembered; `--exit-status`.

use std::collections::HashSet;
use std::path::PathBuf;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::util::TestEnv;
use wa_inbox::sandbox::SandboxOptions;

const NEW: &[&str] = &["chats", "unread", "--new", "-o", "ndjson"];

/// Evolution (native unread counts) twice: `evolution` and `second`.
fn two_profiles(opts: SandboxOptions) -> TestEnv {
    let env = TestEnv::with(opts).only(&["evolution"]);
    let one = std::fs::read_to_string(&env.config).unwrap();
    let second = one.replace("[profiles.evolution]", "[profiles.second]");
    env.write_config(&format!("default_profile = \"evolution\"\n{one}\n{second}"));
    env
}

fn state_file(env: &TestEnv) -> PathBuf {
    env.dir.path().join(".local/state/wa-inbox/state.db")
}

fn keys(rows: &[serde_json::Value]) -> HashSet<(String, String)> {
    rows.iter()
        .map(|r| {
            (
                r["profile"].as_str().unwrap().to_owned(),
                r["id"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn unread_ids(env: &TestEnv) -> HashSet<String> {
    let run = env.run(&["chats", "unread", "--all", "-o", "ndjson"]);
    run.expect(0);
    run.ids().into_iter().collect()
}

#[test]
fn the_first_new_run_reports_everything_and_the_next_nothing() {
    let env = two_profiles(SandboxOptions::default());
    let all = unread_ids(&env);
    assert!(
        all.len() > 50,
        "more than one --limit's worth: {}",
        all.len()
    );
    let first = env.run(NEW);
    first.expect(0);
    assert_eq!(first.ids().into_iter().collect::<HashSet<_>>(), all);
    let second = env.run(&[NEW, &["--exit-status"]].concat());
    second.expect(1);
    assert!(second.stdout.is_empty(), "{}", second.stdout);
    // Without --new nothing is remembered or hidden.
    assert_eq!(unread_ids(&env), all);
}

#[test]
fn remind_after_reports_a_chat_again_once_it_was_reported_that_long_ago() {
    let env = two_profiles(SandboxOptions::default());
    let first = env.run(NEW);
    first.expect(0);
    let ids = first.ids();
    // Pretend the first two were reported three hours ago.
    let conn = rusqlite::Connection::open(state_file(&env)).unwrap();
    for id in &ids[..2] {
        conn.execute(
            "UPDATE alerts SET reported_at = reported_at - 10800 WHERE chat_id = ?1",
            [id],
        )
        .unwrap();
    }
    drop(conn);
    env.run(&[NEW, &["--remind-after", "4h", "--exit-status"]].concat())
        .expect(1);
    let again = env.run(&[NEW, &["--remind-after", "2h"]].concat());
    again.expect(0);
    assert_eq!(again.ids(), ids[..2].to_vec());
    // Reported again now: not due for another two hours.
    env.run(&[NEW, &["--remind-after", "2h", "--exit-status"]].concat())
        .expect(1);
}

#[test]
fn a_chat_that_stopped_matching_or_has_a_newer_message_is_news_again() {
    let env = two_profiles(SandboxOptions::default());
    let ids = env.run(NEW).ids();
    let conn = rusqlite::Connection::open(state_file(&env)).unwrap();
    // Remembered with an older incoming message than it has now.
    conn.execute(
        "UPDATE alerts SET incoming_at = incoming_at - 60 WHERE chat_id = ?1",
        [&ids[0]],
    )
    .unwrap();
    // Remembered, but no longer unread: forgotten by the next run.
    conn.execute(
        "INSERT INTO alerts (view, profile, chat_id, incoming_at, unread, reported_at)
         VALUES ('unread', 'evolution', 'gone@s.whatsapp.net', 1, 1, 1)",
        [],
    )
    .unwrap();
    drop(conn);
    let run = env.run(NEW);
    run.expect(0);
    assert_eq!(run.ids(), vec![ids[0].clone()]);
    let conn = rusqlite::Connection::open(state_file(&env)).unwrap();
    let left: i64 = conn
        .query_row(
            "SELECT count(*) FROM alerts WHERE chat_id = 'gone@s.whatsapp.net'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(left, 0);
}

#[test]
fn merged_profiles_keep_their_own_memory() {
    let env = two_profiles(SandboxOptions::default());
    let evolution = env.run(&[&["-p", "evolution"], NEW].concat());
    evolution.expect(0);
    let merged = env.run(&[&["-p", "evolution,second"], NEW].concat());
    merged.expect(0);
    let rows = merged.ndjson();
    assert!(
        rows.iter().all(|r| r["profile"] == "second"),
        "only second's chats are new"
    );
    let ids: HashSet<String> = merged.ids().into_iter().collect();
    assert_eq!(ids, evolution.ids().into_iter().collect());
    env.run(&[&["--all-profiles"], NEW, &["--exit-status"]].concat())
        .expect(1);
}

#[test]
fn limit_caps_the_alerts_and_the_rest_come_next_time() {
    let env = two_profiles(SandboxOptions::default());
    let all = unread_ids(&env);
    let mut seen = HashSet::new();
    let mut runs = 0;
    loop {
        let run = env.run(&[NEW, &["--limit", "30", "--exit-status"]].concat());
        if run.code == 1 {
            break;
        }
        run.expect(0);
        let ids = run.ids();
        assert!(ids.len() <= 30);
        for id in ids {
            assert!(seen.insert(id), "reported twice");
        }
        runs += 1;
        assert!(runs < 10);
    }
    assert_eq!(seen, all);
}

/// See: issue 13 — two overlapping cron runs must neither lose nor double an alert.
#[test]
fn two_runs_at_once_report_each_chat_exactly_once() {
    let env = two_profiles(SandboxOptions::default());
    let all = unread_ids(&env);
    let children: Vec<_> = (0..2)
        .map(|_| {
            env.cmd(NEW)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut total = Vec::new();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let rows: Vec<serde_json::Value> = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        total.extend(rows);
    }
    assert_eq!(total.len(), all.len(), "no alert doubled");
    assert_eq!(keys(&total).len(), all.len());
}

/// See: issue 13 — a run killed after (or while) printing, before it
/// remembered, repeats its alerts once and loses none.
#[test]
fn a_run_killed_before_it_remembered_repeats_its_alerts_and_loses_none() {
    let env = two_profiles(SandboxOptions {
        chats: 2000,
        ..SandboxOptions::default()
    });
    let all = unread_ids(&env);
    // Create the store, then start a run whose output nobody reads: it
    // blocks on the full pipe while it holds the claim.
    env.run(&["chats", "overview", "--limit", "1"]).expect(0);
    let mut child = env
        .cmd(NEW)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let conn = rusqlite::Connection::open(state_file(&env)).unwrap();
    conn.busy_timeout(Duration::ZERO).unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while conn.execute_batch("BEGIN IMMEDIATE; ROLLBACK;").is_ok() {
        assert!(Instant::now() < deadline, "the run never claimed the store");
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    drop(conn);
    let again = env.run(NEW);
    again.expect(0);
    assert_eq!(again.ids().into_iter().collect::<HashSet<_>>(), all);
    env.run(&[NEW, &["--exit-status"]].concat()).expect(1);
}

#[test]
fn new_refuses_count_and_remind_after_needs_new() {
    let env = two_profiles(SandboxOptions::default()).no_calls_expected();
    env.run(&["chats", "unread", "--new", "--count"]).expect(2);
    env.run(&["chats", "unread", "--remind-after", "1h"])
        .expect(2);
    env.run(&["chats", "unread", "--new", "--remind-after", "soon"])
        .expect(2);
}
