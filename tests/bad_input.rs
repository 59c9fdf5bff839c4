//! Bad input that was silently accepted or misreported (issue 9, items 12–14):
//! `--limit 0`, an offset that wraps the continuation hint, empty `--fields`,
//! durations without a unit or of zero, a fractional profile `timeout`, and
//! times past the year 9999. Each is refused with a clear line (exit 2 for a
//! flag, 3 for the config file) or shown as `null` — never a quiet wrong answer.

use crate::util::{OneAnswer, TestEnv};
use wa_inbox::sandbox::Faults;

const MAX: u64 = u64::MAX;

// See: issue 9 item 13 — `--limit 0` printed one chat (and hinted `--limit 0` again);
// Green API was sent `count=0`.
#[test]
fn limit_zero_is_refused_not_one_chat() {
    let env = TestEnv::new().no_calls_expected();
    for gw in ["gowa", "green-api", "evolution"] {
        for view in ["list", "overview", "unread", "waiting"] {
            let run = env.run(&["-p", gw, "chats", view, "--limit", "0"]);
            run.expect_saying(2, "--limit must be 1 or more");
            assert!(run.stdout.is_empty());
        }
        let run = env.run(&["-p", gw, "messages", "list", "Team", "--limit", "0"]);
        run.expect_saying(2, "--limit must be 1 or more");
    }
    assert!(env.journal().is_empty(), "nothing was asked of a gateway");
}

// See: issue 9 item 13 — `--offset 18446744073709551615` wrapped the hint around
// (and panicked in a debug build).
#[test]
fn offset_near_u64_max_does_not_wrap_hint() {
    let env = TestEnv::new().no_calls_expected();
    let huge = (MAX - 1).to_string();
    for gw in ["gowa", "evolution"] {
        let run = env.run(&["-p", gw, "chats", "list", "--offset", &huge, "--limit", "2"]);
        run.expect_saying(2, &format!("--offset {huge} is too large"));
    }
    // A gateway that does serve chats that far: the hint is the true next offset.
    let gateway = OneAnswer::start(r#"[{"id": "1@c.us"}, {"id": "2@c.us"}]"#);
    env.write_config(&format!(
        "[profiles.w]\nprovider = \"waha\"\nbase_url = \"http://127.0.0.1:{}\"\n",
        gateway.port
    ));
    let start = (MAX - 2).to_string();
    let run = env.run(&[
        "chats", "list", "--offset", &start, "--limit", "2", "-o", "ndjson",
    ]);
    run.expect(0);
    assert_eq!(run.ids(), ["1@c.us", "2@c.us"]);
    assert!(
        run.stderr
            .contains(&format!("continue with --offset {MAX} --limit 2")),
        "{}",
        run.stderr
    );
    // Paging on from there would pass 2^64: refused, never wrapped to offset 0.
    let run = env.run(&["chats", "list", "--offset", &start, "--all"]);
    run.expect_saying(2, "must be at most");
}

// See: issue 9 item 13 — `--fields ''` exited 0 and printed `[{},{}]`.
#[test]
fn empty_fields_are_refused_for_chats_and_messages() {
    let env = TestEnv::new().no_calls_expected();
    for args in [
        &["chats", "list", "--fields", "", "-o", "json"][..],
        &["chats", "overview", "--fields", ",", "-o", "csv"][..],
        &["messages", "list", "Team", "--fields", "", "-o", "json"][..],
    ] {
        let run = env.run(&[&["-p", "gowa"][..], args].concat());
        run.expect_saying(2, "--fields names no field");
        assert!(run.stdout.is_empty(), "{}", run.stdout);
    }
}

// See: issue 9 item 13 — `--older-than 2` silently meant two seconds.
#[test]
fn older_than_without_unit_is_refused() {
    let env = TestEnv::new().no_calls_expected();
    for args in [
        &["chats", "unread", "--older-than", "2"][..],
        &["chats", "waiting", "--older-than", "2"][..],
        &["chats", "waiting", "--active-within", "7"][..],
        &["chats", "unread", "--new", "--remind-after", "4"][..],
        &["chats", "overview", "--since", "24"][..],
        &["messages", "list", "Team", "--since", "2"][..],
    ] {
        let run = env.run(&[&["-p", "gowa"][..], args].concat());
        run.expect_saying(2, "give a unit, e.g.");
    }
    assert!(env.journal().is_empty());
}

// See: issue 9 item 12 — `0` is refused everywhere: exit 2 for a flag, 3 in the config.
#[test]
fn zero_durations_are_refused() {
    let env = TestEnv::new().only(&["gowa"]).no_calls_expected();
    for args in [
        &["--timeout", "0", "chats", "list"][..],
        &["--timeout", "0s", "chats", "list"][..],
        &["chats", "unread", "--older-than", "0s"][..],
        &["chats", "waiting", "--active-within", "0d"][..],
        &["chats", "unread", "--new", "--remind-after", "0m"][..],
        &["messages", "list", "Team", "--since", "0h"][..],
    ] {
        let run = env.run(args);
        run.expect_saying(2, "longer than 0");
    }
    for (value, shown) in [("0", "0"), ("0.0", "0"), ("\"0s\"", "\"0s\"")] {
        env.edit_config(|t| {
            let t = t
                .lines()
                .filter(|l| !l.starts_with("timeout"))
                .collect::<Vec<_>>();
            t.join("\n").replace(
                "provider = \"gowa\"",
                &format!("provider = \"gowa\"\ntimeout = {value}"),
            )
        });
        let run = env.run(&["chats", "list"]);
        run.expect_saying(3, &format!("bad timeout {shown}: must be longer than 0"));
    }
    assert!(env.journal().is_empty());
}

// See: issue 9 item 12 — `timeout = 1.5` in a profile was rejected while `--timeout 1.5`
// was accepted: one parser now reads both, a bare number as seconds.
#[test]
fn profile_timeout_accepts_fractional_seconds() {
    let env = TestEnv::new().only(&["gowa"]);
    env.edit_config(|t| t.replace("provider = \"gowa\"", "provider = \"gowa\"\ntimeout = 1.5"));
    env.run(&["chats", "list", "--limit", "1"]).expect(0);
    env.edit_config(|t| t.replace("timeout = 1.5", "timeout = 0.5"));
    env.sandbox.set_faults(Faults::from_spec("stall").unwrap());
    let run = env.run(&["chats", "list", "--limit", "1"]);
    run.expect_saying(7, "did not answer within 0.5s");
    // The flag, by the same rule, wins over the profile.
    let run = env.run(&["--timeout", "0.25", "chats", "list", "--limit", "1"]);
    run.expect_saying(7, "did not answer within 0.25s");
}

// See: issue 9 item 14 — `253402300800` s and `10^18` ms printed as `+10000-01-01T00:00:00Z`
// and `+33658-…`. They are `null` now, and `-v` names the field.
#[test]
fn timestamp_beyond_year_9999_is_null_with_a_verbose_note() {
    let env = TestEnv::new().no_calls_expected();
    let gateway = OneAnswer::start(
        r#"[{"id": "1@c.us", "conversationTimestamp": 253402300800},
            {"id": "2@c.us", "conversationTimestamp": 1000000000000000000},
            {"id": "3@c.us", "conversationTimestamp": 253402300799}]"#,
    );
    env.write_config(&format!(
        "[profiles.w]\nprovider = \"wawp\"\nbase_url = \"http://127.0.0.1:{}\"\n\
         instance_id = \"1\"\naccess_token = \"tok-123456\"\n",
        gateway.port
    ));
    let run = env.run(&["-v", "chats", "list", "--limit", "3", "-o", "ndjson"]);
    run.expect(0);
    let at: Vec<_> = run
        .ndjson()
        .iter()
        .map(|c| c["last_activity_at"].clone())
        .collect();
    assert_eq!(
        at,
        [
            serde_json::Value::Null,
            serde_json::Value::Null,
            "9999-12-31T23:59:59Z".into()
        ]
    );
    assert!(!run.stdout.contains("+10000") && !run.stdout.contains("+33658"));
    run.expect_saying(
        0,
        "Wawp `conversationTimestamp` = 253402300800 is past the year 9999",
    );
    assert!(
        run.stderr.contains("= 1000000000000000000 is past"),
        "{}",
        run.stderr
    );
    let quiet = env.run(&["chats", "list", "--limit", "3", "-o", "ndjson"]);
    assert!(!quiet.stderr.contains("past the year"), "{}", quiet.stderr);
}
