//! The progress line on a real terminal (tmux): it shows up after a second of
//! slow paging, pluralised, and leaves nothing behind when the run ends; with
//! stdout piped there is none.

use std::path::Path;
use std::time::Duration;

use wa_inbox::sandbox::SandboxOptions;

use crate::util::tmux::{quote, Tmux};
use crate::util::TestEnv;

/// `wa-inbox ARGS` against a slow sandbox (250 ms a page), then `DONE`, in a
/// 100×20 terminal; None when tmux is missing.
fn slow_run(args: &str) -> Option<(TestEnv, Tmux)> {
    let env = TestEnv::with(SandboxOptions {
        latency: Duration::from_millis(250),
        ..SandboxOptions::default()
    })
    .only(&["evolution"]);
    let bin = env!("CARGO_BIN_EXE_wa-inbox");
    let line = format!("{} {args}; echo DONE; sleep 60", quote(bin));
    let t = Tmux::start(
        &format!("sh -c {}", quote(&line)),
        &[
            ("WA_INBOX_CONFIG", &env.config),
            ("HOME", env.dir.path()),
            ("PATH", Path::new("/usr/bin:/bin")),
        ],
        100,
        20,
    )?;
    Some((env, t))
}

#[test]
fn progress_line_appears_after_a_second_and_leaves_no_residue_on_a_pty() {
    let Some((_env, t)) = slow_run("chats list --all --count --page-size 30 --concurrency 1")
    else {
        return;
    };
    let during = t.wait_for("the progress line", |s| {
        s.contains(" pages") || s.contains("DONE")
    });
    assert!(
        !during.contains("DONE"),
        "no progress line during a slow run:\n{during}"
    );
    assert!(during.contains(" chats, "), "{during}");
    let after = t.wait_for("the end", |s| s.contains("DONE"));
    assert!(
        !after.contains("page"),
        "the progress line left residue:\n{after}"
    );
    let first = after.lines().next().unwrap_or("");
    assert!(
        first.trim().parse::<u64>().is_ok(),
        "the count on a clean line: {first:?}\n{after}"
    );
}

#[test]
fn no_progress_line_when_stdout_is_piped() {
    let args = "chats list --all -o ndjson --page-size 30 --concurrency 1 | wc -l";
    let Some((_env, t)) = slow_run(args) else {
        return;
    };
    let start = std::time::Instant::now();
    let mut screens = Vec::new();
    loop {
        let s = t.screen();
        let done = s.contains("DONE");
        screens.push(s);
        if done || start.elapsed() > Duration::from_secs(20) {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(screens.last().unwrap().contains("DONE"), "did not finish");
    assert!(
        screens.iter().all(|s| !s.contains("page")),
        "a progress line while piped"
    );
}
