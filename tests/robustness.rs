//! Flaky gateways, hostile data and mistakes (issue 4): timeouts, retries,
//! error bodies of every shape, secrets that never leak, safe output.

use std::time::{Duration, Instant};

use crate::util::{Run, TestEnv};
use wa_inbox::sandbox::{creds, Faults};

fn gowa() -> TestEnv {
    TestEnv::new().only(&["gowa"])
}

fn faults(spec: &str) -> Faults {
    Faults::from_spec(spec).unwrap()
}

/// Every credential the sandbox profiles hold, in every form that could leak.
pub(crate) fn secrets() -> Vec<String> {
    use base64::Engine;
    let basic = base64::engine::general_purpose::STANDARD.encode(format!(
        "{}:{}",
        creds::GOWA_USER,
        creds::GOWA_PASSWORD
    ));
    vec![
        creds::GOWA_PASSWORD.to_owned(),
        basic,
        creds::WAWP_TOKEN.to_owned(),
        creds::GREEN_TOKEN.to_owned(),
        creds::GATEWAY_TOKEN.to_owned(),
        creds::WAHA_KEY.to_owned(),
        creds::EVOLUTION_KEY.to_owned(),
    ]
}

#[track_caller]
pub(crate) fn assert_no_secret(run: &Run) {
    for s in secrets() {
        assert!(
            !run.stdout.contains(&s) && !run.stderr.contains(&s),
            "secret {s} leaked:\n{}\n{}",
            run.stdout,
            run.stderr
        );
    }
}

#[test]
fn stalled_gateway_times_out_with_exit_7() {
    let env = gowa();
    env.sandbox.set_faults(faults("stall"));
    let started = Instant::now();
    let run = env.run(&["-v", "--timeout", "1", "chats", "list"]);
    run.expect(7);
    assert!(started.elapsed() < Duration::from_secs(10));
    assert!(
        run.stderr.contains("did not answer within 1s") && run.stderr.contains("--timeout"),
        "{}",
        run.stderr
    );
    assert_no_secret(&run);
}

#[test]
fn timeout_comes_from_the_profile_too() {
    let env = gowa();
    env.edit_config(|text| {
        text.replace(
            "provider = \"gowa\"",
            "provider = \"gowa\"\ntimeout = \"1s\"",
        )
    });
    env.sandbox.set_faults(faults("stall"));
    env.run(&["chats", "list"]).expect(7);
}

#[test]
fn transient_503_is_retried_then_succeeds() {
    let env = gowa();
    env.sandbox.set_faults(faults("fail=2:503"));
    let run = env.run(&["-v", "chats", "list", "--limit", "3", "-o", "ndjson"]);
    run.expect(0);
    assert_eq!(run.ndjson().len(), 3);
    assert_eq!(env.journal().len(), 3, "two failures and one success");
    assert!(run.stderr.contains("retrying"), "{}", run.stderr);
}

#[test]
fn retry_after_seconds_is_honoured() {
    let env = gowa();
    env.sandbox.set_faults(faults("fail=1:429,retry-after=1"));
    let started = Instant::now();
    env.run(&["chats", "list", "--limit", "1", "-o", "ndjson"])
        .expect(0);
    assert!(started.elapsed() >= Duration::from_secs(1));
}

#[test]
fn persistent_rate_limit_is_exit_6() {
    let env = gowa();
    env.sandbox.set_faults(faults("fail=50:429,retry-after=0"));
    let run = env.run(&["--retries", "2", "chats", "list"]);
    run.expect(6);
    assert_eq!(env.journal().len(), 3);
    assert!(
        run.stderr.contains("rate limit") && run.stderr.contains("2 retries"),
        "{}",
        run.stderr
    );
}

#[test]
fn long_retry_after_fails_at_once_showing_the_wait() {
    let env = gowa();
    env.sandbox
        .set_faults(faults("fail=50:429,retry-after=3600"));
    let run = env.run(&["chats", "list"]);
    run.expect(6);
    assert!(run.stderr.contains("3600s"), "{}", run.stderr);
    assert_eq!(env.journal().len(), 1);
}

#[test]
fn client_errors_are_not_retried() {
    let env = gowa();
    env.sandbox.set_faults(faults("fail=5:400"));
    let run = env.run(&["chats", "list"]);
    run.expect(10);
    assert_eq!(env.journal().len(), 1);
}

#[test]
fn html_error_page_shows_only_its_title() {
    let env = gowa();
    env.sandbox.set_faults(faults("fail=9:502"));
    let run = env.run(&["--retries", "0", "chats", "list"]);
    run.expect(7);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("502") && !run.stderr.contains("<"),
        "{}",
        run.stderr
    );
}

#[test]
fn garbage_bodies_are_exit_8_naming_gateway_and_endpoint() {
    for spec in ["html", "xml", "wrong-type"] {
        let env = gowa();
        env.sandbox.set_faults(faults(spec));
        let run = env.run(&["chats", "list"]);
        run.expect(8);
        assert!(
            run.stderr.contains("GOWA") && run.stderr.contains("GET /chats"),
            "{spec}: {}",
            run.stderr
        );
        assert_eq!(run.stderr.lines().count(), 1, "{spec}: {}", run.stderr);
        assert!(run.stdout.is_empty());
    }
}

#[test]
fn truncated_body_and_dropped_connection_are_network_errors() {
    for spec in ["truncate", "drop"] {
        let env = gowa();
        env.sandbox.set_faults(faults(spec));
        let run = env.run(&["-v", "--retries", "1", "chats", "list"]);
        assert!(
            run.code == 7 || run.code == 8,
            "{spec}: exit {} {}",
            run.code,
            run.stderr
        );
        assert_no_secret(&run);
    }
}

#[test]
fn refused_connection_is_exit_7_and_leaks_nothing() {
    let env = gowa().no_calls_expected();
    let port = env.sandbox.addr().port();
    // Port 9 (discard) is closed on loopback.
    env.edit_config(|text| text.replace(&format!("127.0.0.1:{port}"), "127.0.0.1:9"));
    let run = env.run(&["-v", "--retries", "1", "chats", "list"]);
    run.expect(7);
    assert!(
        run.stderr.contains("refused the connection"),
        "{}",
        run.stderr
    );
    assert_no_secret(&run);
}

#[test]
fn bad_tls_name_fails_cleanly() {
    let env = gowa().no_calls_expected();
    env.edit_config(|text| text.replace("http://127.0.0.1", "https://localhost"));
    let run = env.run(&["-v", "--retries", "0", "chats", "list"]);
    run.expect(7);
    assert_no_secret(&run);
}

#[test]
fn plain_http_to_a_remote_host_is_refused_before_connecting() {
    let env = gowa().no_calls_expected();
    env.write_config(
        "[profiles.gowa]\nprovider = \"gowa\"\nbase_url = \"http://gowa.example.com\"\n",
    );
    let run = env.run(&["chats", "list"]);
    run.expect(3);
    assert!(run.stderr.contains("allow_insecure_http"), "{}", run.stderr);
}

#[test]
fn oversized_body_is_exit_8() {
    let env = gowa();
    env.edit_config(|text| {
        text.replace(
            "provider = \"gowa\"",
            "provider = \"gowa\"\nmax_body_size = 1000",
        )
    });
    let run = env.run(&["chats", "list", "--all"]);
    run.expect(8);
    assert!(
        run.stderr.contains("more than 1000 bytes") && run.stderr.contains("max_body_size"),
        "{}",
        run.stderr
    );
}

#[test]
fn verbose_log_shows_requests_without_secrets() {
    let env = gowa();
    let run = env.run(&["-v", "chats", "overview", "--limit", "2"]);
    run.expect(0);
    // One line per request: method, redacted URL, status, size and time.
    assert!(
        run.stderr
            .lines()
            .any(|l| l.contains("GET http://127.0.0.1")
                && l.contains("-> HTTP 200,")
                && l.ends_with(" ms")),
        "{}",
        run.stderr
    );
    assert_no_secret(&run);
}

#[test]
fn world_readable_config_with_literal_secrets_warns() {
    let env = gowa();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&env.config, std::fs::Permissions::from_mode(0o644)).unwrap();
        let run = env.run(&["chats", "list", "--limit", "1"]);
        assert!(run.stderr.contains("chmod 600"), "{}", run.stderr);
    }
}

#[test]
fn hostile_names_are_safe_in_table_and_tsv_exact_in_json() {
    let env = gowa();
    let table = env.run(&["chats", "list", "--all"]);
    table.expect(0);
    let tsv = env.run(&["chats", "list", "--all", "-o", "tsv"]);
    for out in [&table.stdout, &tsv.stdout] {
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{202E}'),
            "escape or bidi override reached the output"
        );
    }
    assert!(
        tsv.lines().iter().all(|l| l.split('\t').count() == 18),
        "a cell broke a TSV row"
    );
    let json = env.run(&["chats", "list", "--all", "-o", "json"]);
    let names: Vec<String> = json
        .json()
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["name"].as_str().map(str::to_owned))
        .collect();
    assert!(
        names.iter().any(|n| n.contains('\u{1b}')),
        "JSON keeps the exact name"
    );
}

#[test]
fn csv_neutralises_formulas_unless_raw() {
    let env = gowa();
    let run = env.run(&["chats", "list", "--all", "-o", "csv"]);
    assert!(
        run.stdout.contains(",\"'=HYPERLINK(\"\"http://x\"\")\",")
            || run.stdout.contains(",'=HYPERLINK"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains(",=HYPERLINK"));
    let raw = env.run(&["chats", "list", "--all", "-o", "csv", "--csv-raw"]);
    assert!(
        raw.stdout.contains("\"=HYPERLINK(\"\"http://x\"\")\""),
        "{}",
        raw.stdout
    );
}

#[test]
fn a_429_lowers_read_ahead_concurrency() {
    let env = gowa();
    env.sandbox.set_faults(faults("fail=1:429,retry-after=0"));
    let run = env.run(&["-v", "chats", "list", "--all", "-o", "ndjson"]);
    run.expect(0);
    assert_eq!(run.ndjson().len(), env.sandbox.chats().len());
    assert!(
        run.stderr.contains("read-ahead lowered to 2"),
        "{}",
        run.stderr
    );
}

#[test]
fn tls_failure_is_not_retried() {
    let env = gowa().no_calls_expected();
    env.edit_config(|text| text.replace("http://127.0.0.1", "https://localhost"));
    let run = env.run(&["-v", "--retries", "2", "chats", "list"]);
    run.expect(7);
    assert!(!run.stderr.contains("retrying"), "{}", run.stderr);
}

// See: review — a 503 announcing a long Retry-After is an outage (7), not a rate limit (6).
#[test]
fn long_retry_after_on_503_keeps_exit_7() {
    let env = gowa();
    env.sandbox
        .set_faults(faults("fail=50:503,retry-after=3600"));
    env.run(&["chats", "list"]).expect(7);
    assert_eq!(env.journal().len(), 1);
}

// See: review — `--timeout 1e20` panicked in Duration::from_secs_f64.
#[test]
fn absurd_durations_are_usage_errors_not_panics() {
    let env = gowa().no_calls_expected();
    let run = env.run(&["--timeout", "1e20", "chats", "list"]);
    run.expect(2);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}
