//! `wa-inbox sandbox` as a user runs it: `> s.toml` gives a working config,
//! and a port already taken says how to get a free one.

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use crate::util::{run_cmd, TestEnv};

/// Starts `wa-inbox sandbox ARGS`; returns it and its first stderr line (the address).
fn spawn(env: &TestEnv, args: &[&str], stdout: Stdio) -> (std::process::Child, String) {
    let mut child = env
        .cmd(&[&["sandbox"], args].concat())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    (child, line)
}

#[test]
fn sandbox_stdout_is_a_working_config_with_a_default_profile() {
    let env = TestEnv::new().no_calls_expected();
    let saved = env.dir.path().join("s.toml");
    let stdout = std::fs::File::create(&saved).unwrap();
    let (mut child, line) = spawn(&env, &["--port", "0"], stdout.into());
    assert!(line.contains("listening on http://127.0.0.1:"), "{line}");
    let text = std::fs::read_to_string(&saved).unwrap();
    assert!(
        !text.contains("listening"),
        "the address went to stdout:\n{text}"
    );
    toml::from_str::<toml::Table>(&text).expect("stdout is TOML");
    let mut cmd = env.cmd(&[
        "-c",
        saved.to_str().unwrap(),
        "chats",
        "list",
        "--limit",
        "3",
    ]);
    cmd.env_remove("WA_INBOX_CONFIG");
    let run = run_cmd(cmd);
    child.kill().unwrap();
    child.wait().unwrap();
    run.expect(0);
    assert_eq!(
        run.lines().len(),
        5,
        "header, rule, 3 chats:\n{}",
        run.stdout
    );
}

#[test]
fn sandbox_port_in_use_is_exit_7_suggesting_port_0() {
    let env = TestEnv::new().no_calls_expected();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let run = env.run(&["sandbox", "--port", &port]);
    run.expect(7);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(
        run.stderr.contains("in use") && run.stderr.contains("--port 0"),
        "{}",
        run.stderr
    );
}

/// One GET over a plain socket (the sandbox speaks HTTP/1.1): the response body.
fn http_get(addr: &str, path: &str) -> String {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out.split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default()
}

#[test]
fn sandbox_messages_flag_sets_every_history_length() {
    use wa_inbox::sandbox::{creds, demo_inbox};
    let env = TestEnv::new().no_calls_expected();
    let run = env.run(&["sandbox", "--port", "0", "--messages", "0"]);
    run.expect(2);
    assert!(run.stderr.contains("--messages"), "{}", run.stderr);
    let (mut child, line) = spawn(&env, &["--port", "0", "--messages", "30"], Stdio::null());
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap()
        .to_string();
    let chat = &demo_inbox(240, 7, Some(30))[0];
    let path = format!(
        "/wawp/v2/chats/messages?instance_id={}&access_token={}&chatId={}&limit=1000&downloadMedia=false",
        creds::WAWP_INSTANCE_ARRAY,
        creds::WAWP_TOKEN,
        chat.c_us().replace('@', "%40")
    );
    let body = http_get(&addr, &path);
    child.kill().unwrap();
    child.wait().unwrap();
    let listed: Vec<serde_json::Value> = serde_json::from_str(&body).expect(&body);
    assert_eq!(chat.message_count, 30);
    assert_eq!(
        listed.len(),
        chat.messages().filter(|m| m.listed_by("wawp")).count()
    );
}
