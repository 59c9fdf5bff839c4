//! The local state store and `--cached` (issue 13, items 5 and 6): where the
//! store lives, what a damaged, newer or unreachable store does (exit 3, one
//! line naming the file and the reset), two processes at once, and cached
//! answers that match live ones without a network call.

use std::path::PathBuf;

use crate::util::{run_cmd, Run, TestEnv};

fn env() -> TestEnv {
    TestEnv::new().only(&["evolution", "gowa"])
}

/// Where the store is with a HOME and no XDG_STATE_HOME.
fn state_file(env: &TestEnv) -> PathBuf {
    env.dir.path().join(".local/state/wa-inbox/state.db")
}

fn with_state_dir(env: &TestEnv, dir: &std::path::Path, args: &[&str]) -> Run {
    let mut cmd = env.cmd(args);
    cmd.env("WA_INBOX_STATE_DIR", dir);
    run_cmd(cmd)
}

#[test]
fn cached_answers_match_live_ones_without_a_network_call() {
    let env = env();
    let ev = ["-p", "evolution"];
    env.run(&[&ev[..], &["chats", "overview", "--all", "-o", "ndjson"]].concat())
        .expect(0);
    assert!(state_file(&env).exists());
    let cases: &[&[&str]] = &[
        &["chats", "overview", "-o", "ndjson"],
        &[
            "chats", "overview", "--kind", "group", "--sort", "name", "--limit", "5", "-o", "csv",
        ],
        &["chats", "unread", "--min", "3", "-o", "ndjson"],
        &[
            "chats",
            "unread",
            "--older-than",
            "2h",
            "--limit",
            "4",
            "-o",
            "tsv",
        ],
        &[
            "chats", "list", "--search", "a", "--order", "asc", "-o", "json",
        ],
        &["chats", "unread", "--count"],
    ];
    for args in cases {
        let live = env.run(&[&ev[..], args].concat());
        live.expect(0);
        // A limited overview caches a partial one: cache every chat again.
        env.run(&[&ev[..], &["chats", "overview", "--all", "-o", "ndjson"]].concat())
            .expect(0);
        let before = env.journal().len();
        let cached = env.run(&[&ev[..], args, &["--cached"]].concat());
        cached.expect(0);
        assert_eq!(env.journal().len(), before, "{args:?} made a call");
        let first_difference = cached
            .stdout
            .lines()
            .zip(live.stdout.lines())
            .find(|(c, l)| c != l);
        assert_eq!(first_difference, None, "{args:?}");
        assert_eq!(cached.stdout.len(), live.stdout.len(), "{args:?}");
        assert!(
            cached.stderr.contains("from the overview cached at")
                && cached.stderr.contains("every chat"),
            "{}",
            cached.stderr
        );
    }
    // A limited overview is cached as partial, and a filtered one not at all.
    env.run(&[&ev[..], &["chats", "overview", "--limit", "3"]].concat())
        .expect(0);
    env.run(&[&ev[..], &["chats", "overview", "--kind", "group"]].concat())
        .expect(0);
    let run = env.run(&[&ev[..], &["chats", "list", "--cached", "-o", "ndjson"]].concat());
    run.expect(0);
    assert_eq!(run.ndjson().len(), 3);
    assert!(run.stderr.contains("a partial overview"), "{}", run.stderr);
    // Merged profiles: each answers from its own cache, or says it has none.
    let both = env.run(&[
        "-p",
        "evolution,gowa",
        "chats",
        "list",
        "--cached",
        "-o",
        "ndjson",
    ]);
    both.expect(3);
    assert_eq!(both.ndjson().len(), 3, "evolution's rows still print");
    assert!(
        both.stderr.contains("profile `gowa` yet"),
        "{}",
        both.stderr
    );
}

#[test]
fn no_cache_yet_is_exit_3_naming_cached() {
    let env = env().no_calls_expected();
    let run = env.run(&["-p", "gowa", "chats", "unread", "--cached"]);
    run.expect(3);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr.contains("--cached") && run.stderr.contains("chats overview"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
}

/// See: issue 13 — a damaged store must be one clear line, never a panic and
/// never a fresh start that re-sends every alert.
#[test]
fn a_corrupt_store_is_exit_3_naming_the_file_and_how_to_reset_it() {
    let env = env();
    let file = state_file(&env);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(
        &file,
        b"SQLite format 2\0 this is no database, just bytes".repeat(200),
    )
    .unwrap();
    let before = std::fs::read(&file).unwrap();
    for args in [
        &["-p", "evolution", "chats", "unread", "--new"][..],
        &["-p", "evolution", "chats", "list", "--cached"][..],
    ] {
        let run = env.run(args);
        run.expect(3);
        assert!(run.stdout.is_empty(), "{}", run.stdout);
        assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
        assert!(
            run.stderr.contains(&file.display().to_string())
                && run.stderr.contains("delete it")
                && !run.stderr.contains("panic"),
            "{}",
            run.stderr
        );
    }
    // A plain overview still prints; only the caching is refused, with a warning.
    let run = env.run(&[
        "-p",
        "evolution",
        "chats",
        "overview",
        "--limit",
        "2",
        "-o",
        "ndjson",
    ]);
    run.expect(0);
    assert_eq!(run.ndjson().len(), 2);
    assert!(run.stderr.contains("not cached"), "{}", run.stderr);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the file is left alone"
    );
}

#[test]
fn a_store_from_a_newer_wa_inbox_is_exit_3_and_left_alone() {
    let env = env();
    env.run(&["-p", "evolution", "chats", "overview", "--limit", "1"])
        .expect(0);
    let conn = rusqlite::Connection::open(state_file(&env)).unwrap();
    conn.pragma_update(None, "user_version", 42).unwrap();
    drop(conn);
    let run = env.run(&["-p", "evolution", "chats", "unread", "--new"]);
    run.expect(3);
    assert!(
        run.stderr.contains("newer wa-inbox") && run.stderr.contains("schema version 42"),
        "{}",
        run.stderr
    );
    let conn = rusqlite::Connection::open(state_file(&env)).unwrap();
    let v: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(v, 42);
}

#[test]
fn an_unwritable_state_folder_is_exit_3_naming_it() {
    let env = env();
    // Root may write anywhere, but not below a regular file.
    let blocker = env.dir.path().join("blocker");
    std::fs::write(&blocker, "x").unwrap();
    let dir = blocker.join("state");
    let run = with_state_dir(&env, &dir, &["-p", "evolution", "chats", "unread", "--new"]);
    run.expect(3);
    assert!(
        run.stderr.contains(&dir.display().to_string())
            && run.stderr.contains("WA_INBOX_STATE_DIR"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_store_follows_xdg_state_home_and_wa_inbox_state_dir() {
    let env = env();
    let mut cmd = env.cmd(&["-p", "evolution", "chats", "overview", "--limit", "1"]);
    cmd.env("XDG_STATE_HOME", env.dir.path().join("xdg-state"));
    run_cmd(cmd).expect(0);
    assert!(env.dir.path().join("xdg-state/wa-inbox/state.db").exists());
    let own = env.dir.path().join("own");
    with_state_dir(
        &env,
        &own,
        &["-p", "evolution", "chats", "overview", "--limit", "1"],
    )
    .expect(0);
    assert!(own.join("state.db").exists());
    assert!(!state_file(&env).exists(), "HOME's default was never used");
}

#[test]
fn two_processes_write_the_store_at_once() {
    let env = env();
    let spawn = |profile: &str| {
        env.cmd(&["-p", profile, "chats", "overview", "--all", "-o", "ndjson"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let runs: Vec<_> = (0..4)
        .map(|i| spawn(["evolution", "gowa"][i % 2]))
        .collect();
    for child in runs {
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{stderr}");
        assert!(!stderr.contains("not cached"), "{stderr}");
    }
    for profile in ["evolution", "gowa"] {
        let run = env.run(&["-p", profile, "chats", "list", "--cached", "--count"]);
        run.expect(0);
        assert!(
            run.stdout.trim().parse::<usize>().unwrap() > 100,
            "{}",
            run.stdout
        );
    }
}

#[test]
fn demo_keeps_its_state_for_the_process_only() {
    let env = env().no_calls_expected();
    let run = env.run(&[
        "--demo",
        "-p",
        "evolution",
        "chats",
        "overview",
        "--limit",
        "1",
    ]);
    run.expect(0);
    let cached = env.run(&["--demo", "-p", "evolution", "chats", "list", "--cached"]);
    cached.expect(3);
    assert!(!state_file(&env).exists(), "--demo wrote the user's store");
}
