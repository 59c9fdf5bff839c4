//! `watch` (issue 13, item 4) against messages delivered into the running sandbox: each new
//! message printed once on every gateway, nothing old; `--exec` hooks with the record on stdin
//! and the environment, a failing hook, a gateway restart, a long gap (the process stopped)
//! caught up once, `--incoming`, `--kind`, chats by name, the overview cache, the interval floor
//! and Ctrl-C / SIGTERM ending with exit 0. Polls are 300 ms apart: the sandbox is on loopback,
//! where the floor is 100 ms (2 s for any other gateway).

use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::util::TestEnv;
use wa_inbox::gateways::NAMES;
use wa_inbox::sandbox::{Incoming, SandboxChat, SandboxOptions};

const WAIT: Duration = Duration::from_secs(20);

/// A running `watch` with its stdout lines and stderr lines arriving on channels.
struct Watch {
    child: Child,
    out: Receiver<String>,
    err: Receiver<String>,
    stderr: Vec<String>,
}

impl Watch {
    fn start(env: &TestEnv, args: &[&str]) -> Watch {
        Watch::start_with(env, args, &[])
    }

    fn start_with(env: &TestEnv, args: &[&str], vars: &[(&str, &str)]) -> Watch {
        let mut full = vec!["-v", "--retries", "0", "watch", "--interval", "300ms"];
        full.extend(args);
        let mut cmd = env.cmd(&full);
        cmd.envs(vars.iter().copied())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        let lines = |r: Box<dyn std::io::Read + Send>| {
            let (tx, rx) = channel();
            std::thread::spawn(move || {
                for line in BufReader::new(r).lines().map_while(Result::ok) {
                    if tx.send(line).is_err() {
                        break;
                    }
                }
            });
            rx
        };
        let out = lines(Box::new(child.stdout.take().unwrap()));
        let err = lines(Box::new(child.stderr.take().unwrap()));
        let mut w = Watch {
            child,
            out,
            err,
            stderr: Vec::new(),
        };
        w.wait_stderr("baseline");
        w
    }

    /// Wait for a stderr line containing `text` (after those already seen).
    #[track_caller]
    fn wait_stderr(&mut self, text: &str) -> String {
        let end = Instant::now() + WAIT;
        while let Ok(line) = self
            .err
            .recv_timeout(end.saturating_duration_since(Instant::now()))
        {
            self.stderr.push(line.clone());
            if line.contains(text) {
                return line;
            }
        }
        panic!(
            "no stderr line with {text:?}; stderr:\n{}",
            self.stderr.join("\n")
        );
    }

    /// Let `n` more polls pass.
    fn polls(&mut self, n: usize) {
        for _ in 0..n {
            self.wait_stderr("poll of profile");
        }
    }

    /// The next `n` NDJSON records.
    #[track_caller]
    fn records(&mut self, n: usize) -> Vec<Value> {
        (0..n)
            .map(|i| match self.out.recv_timeout(WAIT) {
                Ok(l) => serde_json::from_str(&l).unwrap_or_else(|e| panic!("{l:?}: {e}")),
                Err(e) => {
                    let rest: Vec<String> = self.err.try_iter().collect();
                    self.stderr.extend(rest);
                    panic!(
                        "record {i} of {n} never came ({e}); stderr:\n{}",
                        self.stderr.join("\n")
                    )
                }
            })
            .collect()
    }

    /// Nothing more on stdout over two polls.
    #[track_caller]
    fn quiet(&mut self) {
        self.polls(2);
        if let Ok(extra) = self.out.try_recv() {
            panic!("unexpected output: {extra}");
        }
    }

    /// Send `signal`; the exit code and the rest of stderr.
    fn stop_with(mut self, signal: i32) -> (i32, String) {
        // SAFETY: kill(2) on our own child's pid.
        unsafe {
            libc::kill(self.child.id() as i32, signal);
        }
        let status = self.child.wait().unwrap();
        let rest: Vec<String> = self.err.try_iter().collect();
        self.stderr.extend(rest);
        (status.code().unwrap_or(-1), self.stderr.join("\n"))
    }

    #[track_caller]
    fn stop(self) -> String {
        let (code, stderr) = self.stop_with(libc::SIGINT);
        assert_eq!(code, 0, "Ctrl-C ends watch with exit 0; stderr:\n{stderr}");
        stderr
    }
}

fn deliver(env: &TestEnv, chat: &str, text: &str) -> String {
    deliver_as(env, chat, text, false)
}

fn deliver_as(env: &TestEnv, chat: &str, text: &str, from_me: bool) -> String {
    let d = env.sandbox.deliver(Incoming {
        chat: Some(chat.to_owned()),
        text: Some(text.to_owned()),
        from_me,
        ..Incoming::default()
    });
    d.unwrap().message.id
}

/// Direct chats with a phone number (every gateway lists them), from position `from` on.
fn direct(env: &TestEnv, from: usize) -> Vec<SandboxChat> {
    env.sandbox.chats()[from..]
        .iter()
        .filter(|c| c.server == "s.whatsapp.net" && c.index != 7 && c.message_count > 0)
        .cloned()
        .collect()
}

fn small() -> TestEnv {
    TestEnv::with(SandboxOptions {
        chats: 120,
        ..Default::default()
    })
}

#[test]
fn watch_prints_each_message_delivered_once_on_every_gateway_and_nothing_old() {
    let env = small();
    let chats = direct(&env, 0);
    for (i, &gw) in NAMES.iter().enumerate() {
        let mut w = Watch::start(&env, &["-p", gw, "-o", "ndjson"]);
        w.polls(1);
        // One chat near the top, one far down the list (it jumps to the top), two in one chat.
        let (top, deep) = (&chats[i % 3], &chats[30 + i]);
        let sent = [
            deliver(&env, &top.jid, &format!("hello {gw}")),
            deliver(&env, &deep.jid, "first"),
            deliver(&env, &deep.jid, "second"),
        ];
        let got = w.records(3);
        let mut ids: Vec<&str> = got.iter().map(|r| r["wa_id"].as_str().unwrap()).collect();
        // In time order; within one chat also in arrival order (the same second included).
        let deep_texts: Vec<&Value> = got
            .iter()
            .filter(|r| r["chat_jid"] == deep.jid.as_str())
            .map(|r| &r["text"])
            .collect();
        assert_eq!(deep_texts, ["first", "second"], "{gw}");
        ids.sort();
        let mut want: Vec<&str> = sent.iter().map(String::as_str).collect();
        want.sort();
        assert_eq!(ids, want, "{gw}");
        assert_eq!(got[0]["profile"], gw);
        w.quiet();
        w.stop();
    }
    // Read-only calls only: never Green API's notification queue, never a write.
    for hit in env.journal() {
        assert!(!hit.path.contains("Notification"), "{hit:?}");
        let read_only_post = ["findChats", "findMessages", "getChatHistory"];
        assert!(
            hit.method == "GET" || read_only_post.iter().any(|p| hit.path.contains(p)),
            "{hit:?}"
        );
    }
}

#[test]
fn exec_gets_the_record_on_stdin_and_the_environment_and_a_failing_hook_does_not_stop_watching() {
    let env = small().only(&["gowa"]);
    let dir = env.dir.path().join("hooks");
    std::fs::create_dir(&dir).unwrap();
    let hook = r#"cat > "$HOOK_DIR/$WA_INBOX_MESSAGE_ID.json"; printf '%s\n' "$WA_INBOX_PROFILE" "$WA_INBOX_CHAT" "$WA_INBOX_SENDER" > "$HOOK_DIR/$WA_INBOX_MESSAGE_ID.env"; echo hook-output; exit 3"#;
    let mut w = Watch::start_with(
        &env,
        &["-o", "ndjson", "--exec", hook],
        &[("HOOK_DIR", dir.to_str().unwrap())],
    );
    let chat = &direct(&env, 0)[2];
    // A text a shell would expand if it were pasted into the command: it never is.
    let hostile = "$(touch pwned) `touch pwned2`; rm -rf \"$HOME\" ' \n";
    let first = deliver(&env, &chat.jid, hostile);
    let record = w.records(1).remove(0);
    w.wait_stderr("exited with status 3");
    let second = deliver(&env, &chat.jid, "still watching");
    assert_eq!(w.records(1)[0]["wa_id"], second.as_str());
    w.wait_stderr(&format!(
        "--exec for message {second}: exited with status 3"
    ));
    let stderr = w.stop();
    let got: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join(format!("{first}.json"))).unwrap())
            .unwrap();
    assert_eq!(got, record, "the record on stdin is the printed one");
    assert_eq!(got["text"], hostile);
    let env_lines = std::fs::read_to_string(dir.join(format!("{first}.env"))).unwrap();
    assert_eq!(env_lines, format!("gowa\n{0}\n{0}\n", chat.jid));
    assert!(!env.dir.path().join("pwned").exists() && !dir.join("pwned").exists());
    assert!(
        stderr.contains("hook-output"),
        "hook output goes to stderr: {stderr}"
    );
}

#[test]
fn a_gateway_restart_is_reported_retried_and_caught_up() {
    let mut env = small().only(&["waha"]);
    let mut w = Watch::start(&env, &["-o", "ndjson"]);
    let chat = direct(&env, 0)[5].clone();
    env.sandbox_down();
    w.wait_stderr("retrying in");
    // Messages arrive at the gateway while wa-inbox cannot reach it.
    let sent = [
        deliver(&env, &chat.jid, "while you were away"),
        deliver(&env, &chat.jid, "are you there?"),
    ];
    env.sandbox_up();
    let got = w.records(2);
    assert_eq!(got[0]["wa_id"], sent[0].as_str());
    assert_eq!(got[1]["wa_id"], sent[1].as_str());
    w.wait_stderr("answering again");
    w.quiet();
    let stderr = w.stop();
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("retrying in"))
        .collect();
    assert!(
        warnings.iter().all(|l| l.contains("profile `waha`")),
        "one line per failure, naming the profile: {warnings:?}"
    );
}

#[test]
fn a_long_gap_is_caught_up_once_and_never_replayed() {
    let env = small().only(&["whatsapp-gateway"]);
    let mut w = Watch::start(&env, &["-o", "ndjson"]);
    let chats = direct(&env, 0);
    // The laptop sleeps: the process is stopped while messages arrive.
    unsafe {
        libc::kill(w.child.id() as i32, libc::SIGSTOP);
    }
    let mut sent = Vec::new();
    for (i, c) in chats[..6].iter().enumerate() {
        sent.push(deliver(&env, &c.jid, &format!("during the gap {i}")));
    }
    std::thread::sleep(Duration::from_millis(1200));
    unsafe {
        libc::kill(w.child.id() as i32, libc::SIGCONT);
    }
    let mut got: Vec<String> = w
        .records(6)
        .iter()
        .map(|r| r["wa_id"].as_str().unwrap().to_owned())
        .collect();
    got.sort();
    sent.sort();
    assert_eq!(got, sent);
    w.quiet();
    w.stop();
}

#[test]
fn incoming_and_kind_and_chat_names_select_what_is_printed() {
    let env = small().only(&["evolution"]);
    let chats = direct(&env, 0);
    let group = env
        .sandbox
        .chats()
        .iter()
        .find(|c| c.is_group() && c.message_count > 0)
        .unwrap()
        .clone();
    let mut w = Watch::start(&env, &["-o", "ndjson", "--incoming", "--kind", "direct"]);
    deliver_as(&env, &chats[1].jid, "my own", true);
    deliver(&env, &group.jid, "in a group");
    let want = deliver(&env, &chats[1].jid, "theirs");
    assert_eq!(w.records(1)[0]["wa_id"], want.as_str());
    w.quiet();
    w.stop();

    // A name is one argument, spaces and all.
    let named = chats[2..]
        .iter()
        .find(|c| {
            c.known_name().is_some_and(|n| {
                n.contains(' ') && n.chars().all(|c| c.is_ascii_alphabetic() || c == ' ')
            })
        })
        .unwrap();
    let mut w = Watch::start(&env, &["-o", "ndjson", named.known_name().unwrap()]);
    deliver(&env, &chats[0].jid, "another chat");
    let want = deliver(&env, &named.jid, "the one watched");
    assert_eq!(w.records(1)[0]["wa_id"], want.as_str());
    w.quiet();
    let (code, stderr) = w.stop_with(libc::SIGTERM);
    assert_eq!(code, 0, "SIGTERM ends watch with exit 0: {stderr}");
}

#[test]
fn each_poll_updates_the_cached_overview() {
    let env = small().only(&["gowa"]);
    let chat = &direct(&env, 0)[40];
    let mut w = Watch::start(&env, &["-o", "ndjson"]);
    deliver(&env, &chat.jid, "cache me");
    w.records(1);
    w.polls(1);
    w.stop();
    let run = env.run(&[
        "chats", "overview", "--cached", "-o", "ndjson", "--limit", "1",
    ]);
    let rows = run.expect(0).ndjson();
    assert_eq!(rows[0]["jid"], chat.jid.as_str());
    assert_eq!(rows[0]["last_message"]["body"], "cache me");
    assert!(run.stderr.contains("cached at"), "{}", run.stderr);
}

#[test]
fn the_table_heads_each_chat_and_json_and_short_intervals_are_refused() {
    let env = small().only(&["wawp"]);
    let chat = &direct(&env, 0)[3];
    let w = Watch::start(&env, &["--color", "never"]);
    deliver(&env, &chat.jid, "on a terminal");
    let heading = w.out.recv_timeout(WAIT).unwrap();
    assert!(heading.contains(&chat.c_us()), "{heading}");
    let mut lines = vec![w.out.recv_timeout(WAIT).unwrap()];
    lines.push(w.out.recv_timeout(WAIT).unwrap());
    assert!(
        lines.iter().any(|l| l.ends_with("on a terminal")),
        "{lines:?}"
    );
    w.stop();

    let run = env.run(&["watch", "-o", "json"]);
    run.expect(2);
    assert!(run.stderr.contains("-o ndjson"), "{}", run.stderr);
    let run = env.run(&["watch", "--interval", "50ms"]);
    run.expect(2);
    assert!(run.stderr.contains("at least 100ms"), "{}", run.stderr);
    // A gateway on another machine: 2 s at least (refused before any request is made).
    env.write_config(
        "[profiles.far]\nprovider = \"gowa\"\nbase_url = \"https://wa.example.invalid\"\n",
    );
    let run = env.run(&["-p", "far", "watch", "--interval", "1500ms"]);
    run.expect(2);
    assert!(run.stderr.contains("at least 2s"), "{}", run.stderr);
}

#[test]
fn slow_hooks_run_at_most_four_at_a_time_and_do_not_hold_up_the_output() {
    let env = small().only(&["gowa"]);
    let dir = env.dir.path().join("hooks");
    std::fs::create_dir(&dir).unwrap();
    let hook = r#"mkdir "$HOOK_DIR/run.$$"; ls -d "$HOOK_DIR"/run.* | wc -l >> "$HOOK_DIR/counts"; sleep 0.5; rmdir "$HOOK_DIR/run.$$""#;
    let mut w = Watch::start_with(
        &env,
        &["-o", "ndjson", "--exec", hook],
        &[("HOOK_DIR", dir.to_str().unwrap())],
    );
    let chats = direct(&env, 0);
    let started = Instant::now();
    for (i, c) in chats[..8].iter().enumerate() {
        deliver(&env, &c.jid, &format!("message {i}"));
    }
    w.records(8);
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "the output did not wait for hooks"
    );
    let counts = dir.join("counts");
    let end = Instant::now() + WAIT;
    while std::fs::read_to_string(&counts).map_or(0, |s| s.lines().count()) < 8 {
        assert!(Instant::now() < end, "not every hook ran");
        std::thread::sleep(Duration::from_millis(50));
    }
    let most = std::fs::read_to_string(&counts)
        .unwrap()
        .lines()
        .map(|l| l.trim().parse::<usize>().unwrap())
        .max();
    assert!(
        most.is_some_and(|m| (2..=4).contains(&m)),
        "{most:?} hooks at once"
    );
    w.stop();
}
