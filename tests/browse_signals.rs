//! `browse` on a real terminal (tmux) when the outside world acts on it:
//! SIGTERM and SIGHUP sent to the process end it with exit 0 and the
//! terminal restored (alternate screen off, cursor shown, mouse reporting
//! off after `--mouse`), as `q` does; a terminal grown back from below
//! 80×24 shows both panes again. Waits poll with a deadline; nothing sleeps
//! to assert.

use std::process::Command;
use std::time::{Duration, Instant};

use crate::browse::{browse, first_line, listed};
use crate::util::tmux::Tmux;
use crate::util::TestEnv;

/// The pid of the `wa-inbox` running in the pane: the descendant of the
/// pane's shell whose program is the binary under test.
fn browse_pid(t: &Tmux) -> u32 {
    let bin = std::fs::canonicalize(env!("CARGO_BIN_EXE_wa-inbox")).unwrap();
    let root: u32 = t.format("#{pane_pid}").parse().expect("the pane's pid");
    let start = Instant::now();
    loop {
        let mut family = vec![root];
        let mut i = 0;
        while i < family.len() {
            family.extend(children(family[i]));
            i += 1;
        }
        let found = family
            .iter()
            .find(|pid| std::fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|e| e == bin));
        if let Some(pid) = found {
            return *pid;
        }
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "no wa-inbox under the pane's pid {root}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The processes whose parent is `pid` (from /proc/*/stat).
fn children(pid: u32) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|child| {
            let stat = std::fs::read_to_string(format!("/proc/{child}/stat")).unwrap_or_default();
            // pid (comm) state ppid …: comm may hold spaces, so after the last ')'.
            let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
            after.split_whitespace().nth(1) == Some(&pid.to_string())
        })
        .collect()
}

#[test]
fn browse_ends_on_sigterm_and_sighup_with_exit_0_and_the_terminal_restored() {
    let env = TestEnv::new().only(&["evolution"]);
    for signal in ["TERM", "HUP"] {
        let Some(t) = browse(&env, "browse --mouse", 100, 30) else {
            return;
        };
        t.wait_for("the chat list", listed);
        let modes = "#{alternate_on}#{cursor_flag}#{mouse_any_flag}";
        assert_eq!(
            t.format(modes),
            "101",
            "browsing: alternate screen, no cursor, mouse"
        );
        let pid = browse_pid(&t).to_string();
        let sent = Command::new("kill")
            .args([&format!("-{signal}"), &pid])
            .status()
            .unwrap();
        assert!(sent.success(), "kill -{signal} {pid}");
        let after = t.wait_for("the exit", |s| s.contains("EXIT"));
        // README: the terminal is restored on SIGTERM/SIGINT/SIGHUP, and the
        // browser ends as on `q` (exit 0), as `watch` does on SIGTERM.
        assert!(after.contains("EXIT 0"), "SIG{signal}:\n{after}");
        assert!(!listed(&after), "the alternate screen is gone:\n{after}");
        assert_eq!(
            t.format(modes),
            "010",
            "SIG{signal}: main screen, cursor shown, mouse reporting off"
        );
        let mode = t.wait_for("stty", |s| s.contains("icanon"));
        assert!(
            mode.lines().any(|l| l == "icanon"),
            "SIG{signal}: canonical mode restored:\n{mode}"
        );
    }
}

/// Both panes: the list and the chat beside it, split by a vertical line.
fn two_panes(screen: &str) -> bool {
    first_line(screen).contains('│')
}

/// The chat pane: what is right of the split on each row.
fn chat_pane(screen: &str) -> String {
    let rows = screen.lines().filter_map(|l| l.split_once('│'));
    rows.map(|(_, right)| right).collect::<Vec<_>>().join("\n")
}

/// The chat pane's title (its first row), once a chat is previewed in it.
fn title(screen: &str) -> Option<String> {
    let pane = chat_pane(screen);
    let first = pane.lines().next()?.trim();
    (!first.is_empty() && !first.contains("opens the chat")).then(|| first.to_owned())
}

#[test]
fn browse_grown_back_from_below_80x24_shows_both_panes_again() {
    let env = TestEnv::new().only(&["evolution"]);
    let Some(t) = browse(&env, "browse --utc", 100, 30) else {
        return;
    };
    t.wait_for("the chat list in two panes", |s| listed(s) && two_panes(s));
    t.send(&["j"]);
    let preview = t.wait_for("a preview", |s| title(s).is_some());
    let chat = title(&preview).unwrap();
    t.resize(60, 20);
    t.wait_for("one pane", |s| !two_panes(s) && listed(s));
    t.resize(100, 30);
    let again = t.wait_for("two panes again", two_panes);
    assert!(
        again.lines().any(|l| l.chars().count() > 80),
        "redrawn at the new width:\n{again}"
    );
    t.wait_for("the chat beside the list again", |s| {
        title(s).as_ref() == Some(&chat)
    });
    t.send(&["q"]);
    t.wait_for("the exit", |s| s.contains("EXIT 0"));
}
