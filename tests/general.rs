//! Behaviour shared by every gateway: config errors, output contracts,
//! pipes, completions, the demo.

use crate::util::{run_cmd, TestEnv};

#[test]
fn demo_overview_shows_a_table() {
    let env = TestEnv::new().no_calls_expected();
    let run = env.run(&["--demo", "chats", "overview", "--limit", "5"]);
    run.expect(0);
    assert!(
        run.stdout.contains("NAME") && run.stdout.contains("LAST MESSAGE"),
        "{}",
        run.stdout
    );
    assert_eq!(
        run.stdout.lines().filter(|l| l.contains("20")).count(),
        5,
        "{}",
        run.stdout
    );
}

// See: issue 9 item 18 — the demo defaulted to a gateway that cannot count unread messages.
#[test]
fn demo_default_gateway_counts_unread_messages() {
    let env = TestEnv::new().no_calls_expected();
    let run = env.run(&["--demo", "chats", "unread", "--limit", "3", "-o", "ndjson"]);
    run.expect(0);
    let rows = run.ndjson();
    assert_eq!(rows.len(), 3, "{}", run.stdout);
    assert!(rows.iter().all(|r| r["unread_count"].as_u64() > Some(0)));
}

#[test]
fn missing_config_is_exit_3_and_mentions_demo() {
    let env = TestEnv::new().no_calls_expected();
    let mut cmd = env.cmd(&["chats", "list"]);
    cmd.env_remove("WA_INBOX_CONFIG");
    let run = run_cmd(cmd);
    run.expect(3);
    assert!(
        run.stderr.contains("xdg/wa-inbox/config.toml") && run.stderr.contains("--demo"),
        "{}",
        run.stderr
    );
}

#[test]
fn config_in_xdg_home_is_found() {
    let env = TestEnv::new().only(&["gowa"]);
    let xdg = env.dir.path().join("xdg/wa-inbox");
    std::fs::create_dir_all(&xdg).unwrap();
    std::fs::copy(&env.config, xdg.join("config.toml")).unwrap();
    let mut cmd = env.cmd(&["chats", "list", "--limit", "1", "-o", "ndjson"]);
    cmd.env_remove("WA_INBOX_CONFIG");
    run_cmd(cmd).expect(0);
}

#[test]
fn unknown_profile_lists_the_names() {
    let env = TestEnv::new().only(&["gowa"]).no_calls_expected();
    let run = env.run(&["-p", "wrok", "chats", "list"]);
    run.expect(3);
    assert!(
        run.stderr.contains("no profile \"wrok\"") && run.stderr.contains("profiles: gowa"),
        "{}",
        run.stderr
    );
}

#[test]
fn toml_error_shows_line_and_column() {
    let env = TestEnv::new().no_calls_expected();
    env.write_config("[profiles.x]\nprovider = \"gowa\"\nbase_url = oops\n");
    let run = env.run(&["chats", "list"]);
    run.expect(3);
    assert!(run.stderr.contains("config.toml:3:12"), "{}", run.stderr);
}

#[test]
fn csv_has_a_header_even_for_zero_rows() {
    let env = TestEnv::new().only(&["gowa"]);
    let run = env.run(&[
        "chats",
        "list",
        "--search",
        "no such chat anywhere",
        "-o",
        "csv",
    ]);
    run.expect(0);
    assert_eq!(run.lines().len(), 1);
    assert!(run.stdout.starts_with(
        "profile,provider,id,jid,phone,kind,name,unread_count,last_activity_at,last_message.id"
    ));
    let run = env.run(&[
        "chats",
        "list",
        "--search",
        "no such chat anywhere",
        "-o",
        "csv",
        "--no-header",
    ]);
    assert_eq!(run.stdout, "");
    let run = env.run(&[
        "chats",
        "list",
        "--search",
        "no such chat anywhere",
        "-o",
        "json",
    ]);
    assert_eq!(run.stdout, "[]\n");
}

#[test]
fn closed_pipe_is_quiet_success() {
    let env = TestEnv::new().only(&["gowa"]);
    let mut cmd = env.cmd(&["chats", "list", "--all", "-o", "ndjson"]);
    cmd.stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    drop(child.stdout.take()); // like `| head -0`
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn completions_print_for_every_shell() {
    let env = TestEnv::new().no_calls_expected();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let run = env.run(&["completions", shell]);
        run.expect(0);
        assert!(run.stdout.contains("wa-inbox"), "{shell}");
    }
}

#[test]
fn profiles_list_shows_sources_not_values() {
    let env = TestEnv::new().only(&["gowa"]).no_calls_expected();
    let run = env.run(&["profiles", "list", "-o", "json"]);
    run.expect(0);
    let v = run.json();
    assert_eq!(v[0]["name"], "gowa");
    assert!(v[0]["secrets"].as_str().unwrap().contains("literal"));
    assert!(!run.stdout.contains(wa_inbox::sandbox::creds::GOWA_PASSWORD));
}

#[test]
fn profiles_check_reports_each_and_fails_on_any() {
    let env = TestEnv::new().only(&["gowa"]);
    let ok = env.run(&["profiles", "check", "-o", "json"]);
    ok.expect(0);
    assert_eq!(ok.json()[0]["status"], "ok");
    env.edit_config(|text| format!("{text}\n[profiles.broken]\nprovider = \"gowa\"\nbase_url = \"http://127.0.0.1:9\"\nretries = 0\n"));
    let bad = env.run(&["profiles", "check", "-o", "json"]);
    bad.expect(7);
    let v = bad.json();
    assert_eq!(v[0]["name"], "broken");
    assert_eq!(v[0]["status"], "error");
}

#[test]
fn empty_required_key_is_a_config_error_naming_it() {
    let env = TestEnv::new().no_calls_expected();
    env.write_config(
        "[profiles.t]\nprovider = \"whatsapp-gateway\"\nsession = \" \"\ntoken = \"x\"\n",
    );
    let run = env.run(&["chats", "list"]);
    run.expect(3);
    assert!(run.stderr.contains("`session` is empty"), "{}", run.stderr);
}

#[test]
fn colour_follows_the_terminal_no_color_and_the_flag() {
    let env = TestEnv::new().only(&["gowa"]);
    let run_with = |extra_env: &[(&str, &str)], args: &[&str]| {
        let mut cmd = env.cmd(&[&["chats", "list", "--limit", "2"], args].concat());
        cmd.env("WA_INBOX_FORCE_TTY", "1");
        for (k, v) in extra_env {
            cmd.env(k, v);
        }
        run_cmd(cmd)
    };
    assert!(
        run_with(&[], &[]).stdout.contains('\u{1b}'),
        "a terminal gets colour"
    );
    assert!(
        !run_with(&[("NO_COLOR", "1")], &[])
            .stdout
            .contains('\u{1b}'),
        "NO_COLOR turns it off"
    );
    assert!(!run_with(&[], &["--color", "never"])
        .stdout
        .contains('\u{1b}'));
    assert!(
        run_with(&[("NO_COLOR", "1")], &["--color", "always"])
            .stdout
            .contains('\u{1b}'),
        "--color always wins"
    );
    let piped = env.run(&["chats", "list", "--limit", "2"]);
    assert!(!piped.stdout.contains('\u{1b}'), "a pipe gets none");
}

#[test]
fn chats_help_puts_global_options_under_their_own_heading() {
    let env = TestEnv::new().no_calls_expected();
    let run = env.run(&["chats", "list", "-h"]);
    run.expect(0);
    let (own, global) = run
        .stdout
        .split_once("Global options:")
        .unwrap_or_else(|| panic!("no Global options heading:\n{}", run.stdout));
    assert!(
        own.contains("--limit") && !own.contains("--profile"),
        "{own}"
    );
    assert!(
        global.contains("--profile") && global.contains("--color"),
        "{global}"
    );
    assert!(!global.contains("--limit"), "{global}");
}

#[test]
fn completions_help_says_where_each_shells_file_goes() {
    let env = TestEnv::new().no_calls_expected();
    let run = env.run(&["completions", "--help"]);
    run.expect(0);
    for place in [
        "~/.local/share/bash-completion/completions/wa-inbox",
        "~/.zfunc/_wa-inbox",
        "~/.config/fish/completions/wa-inbox.fish",
        "wa-inbox.ps1",
        "wa-inbox.elv",
    ] {
        assert!(run.stdout.contains(place), "{place}:\n{}", run.stdout);
    }
}
