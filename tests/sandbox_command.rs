//! `wa-inbox sandbox` as a user runs it: `> s.toml` gives a working config,
//! and a port already taken says how to get a free one.

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use crate::util::{run_cmd, TestEnv};

#[test]
fn sandbox_stdout_is_a_working_config_with_a_default_profile() {
    let env = TestEnv::new().no_calls_expected();
    let saved = env.dir.path().join("s.toml");
    let mut child = env
        .cmd(&["sandbox", "--port", "0"])
        .stdout(std::fs::File::create(&saved).unwrap())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
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
