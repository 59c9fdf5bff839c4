//! Secret sources through the binary (issue 9, items 4, 5, 11, 12): a slow or
//! stuck secret command ends in exit 3 naming the profile, the key and the
//! timeout; it never delays another profile; values a header cannot carry and
//! malformed secret tables are refused at config time.

use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::util::TestEnv;
use wa_inbox::sandbox::creds;

/// The whatsapp-gateway profile with its token from `source` (TOML).
fn gateway_token(source: &str) -> TestEnv {
    let env = TestEnv::new()
        .only(&["whatsapp-gateway"])
        .no_calls_expected();
    let literal = format!("token = \"{}\"", creds::GATEWAY_TOKEN);
    env.edit_config(|t| {
        assert!(t.contains(&literal));
        t.replace(&literal, &format!("token = {source}"))
    });
    env
}

#[test]
fn stuck_secret_command_exits_3_naming_profile_key_and_timeout() {
    let env = gateway_token("{ command = \"echo tok; sleep 1000\" }");
    env.edit_config(|t| {
        t.replace(
            "provider = \"whatsapp-gateway\"",
            "provider = \"whatsapp-gateway\"\ntimeout = \"1s\"",
        )
    });
    let started = Instant::now();
    let run = env.run(&["chats", "list"]);
    run.expect(3);
    assert!(started.elapsed() < Duration::from_secs(10));
    assert!(
        run.stderr.contains("profile `whatsapp-gateway`")
            && run
                .stderr
                .contains("`token`: its command did not finish within 1s"),
        "{}",
        run.stderr
    );
    assert!(env.journal().is_empty(), "no request without the secret");
}

#[test]
fn secret_with_a_line_break_exits_3_at_config_time() {
    let env = gateway_token("\"tok\\nen\"");
    let run = env.run(&["chats", "list"]);
    run.expect(3);
    assert!(
        run.stderr.contains("`token`") && run.stderr.contains("control character"),
        "{}",
        run.stderr
    );
}

#[test]
fn secret_table_with_a_typo_exits_3_naming_the_allowed_keys() {
    let env = gateway_token("{ env = \"K\", fiel = \"x\" }");
    let run = env.run(&["chats", "list"]);
    run.expect(3);
    assert!(
        run.stderr.contains("unknown key `fiel`")
            && run
                .stderr
                .contains("exactly one of `env`, `command` or `file`")
            && !run.stderr.contains("untagged"),
        "{}",
        run.stderr
    );
}

#[test]
fn slow_secret_command_does_not_delay_another_profile() {
    // The slow profile's command waits until the fast profile's first request
    // reached the sandbox (or gives up after 20 s): it only sees the go-ahead
    // if the fast profile did not wait for it.
    let env = TestEnv::new().only(&["gowa", "whatsapp-gateway"]);
    let (go, seen) = (env.dir.path().join("go"), env.dir.path().join("seen"));
    let wait = format!(
        "i=0; while [ ! -f '{go}' ] && [ $i -lt 200 ]; do sleep 0.1; i=$((i+1)); done; \
         [ -f '{go}' ] && touch '{seen}'; echo {token}",
        go = go.display(),
        seen = seen.display(),
        token = creds::GATEWAY_TOKEN
    );
    let literal = format!("token = \"{}\"", creds::GATEWAY_TOKEN);
    env.edit_config(|t| t.replace(&literal, &format!("token = {{ command = \"{wait}\" }}")));
    let mut cmd = env.cmd(&[
        "--all-profiles",
        "chats",
        "list",
        "--limit",
        "400",
        "-o",
        "ndjson",
    ]);
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let child = cmd.spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(25);
    while Instant::now() < deadline && !env.journal().iter().any(|h| h.path.starts_with("/gowa/")) {
        std::thread::sleep(Duration::from_millis(20));
    }
    std::fs::write(&go, "").unwrap();
    let out = child.wait_with_output().unwrap();
    let run = crate::util::Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    run.expect(0);
    assert!(
        seen.exists(),
        "the gowa profile waited for the other profile's secret command"
    );
    let providers: std::collections::HashSet<String> = run
        .ndjson()
        .iter()
        .map(|r| r["provider"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(providers.len(), 2, "{providers:?}");
}
