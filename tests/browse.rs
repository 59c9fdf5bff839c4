//! `browse` on a real terminal (tmux) against the sandbox: start, move,
//! open a chat, search, resize, quit with the terminal restored (cursor
//! shown, canonical mode back, the alternate screen gone); mouse reporting
//! asked for only with `--mouse`, clicks there, and off again after `q`;
//! a warm cache
//! shown at once while a failing gateway's error reaches the status line;
//! no terminal at all refused with exit 2. Every wait polls the screen
//! with a generous deadline (`Tmux::wait_for`); nothing sleeps to assert.

use std::path::Path;

use wa_inbox::sandbox::Faults;

use crate::util::tmux::{quote, Tmux};
use crate::util::TestEnv;

/// `wa-inbox ARGS`, then the exit code and whether the tty is back in
/// canonical mode, in a `width`×`height` terminal; None without tmux.
pub fn browse(env: &TestEnv, args: &str, width: u16, height: u16) -> Option<Tmux> {
    let bin = env!("CARGO_BIN_EXE_wa-inbox");
    let line = format!(
        "{} {args}; echo EXIT $?; stty -a | tr ' ' '\\n' | grep -x -- '-*icanon'; sleep 60",
        quote(bin)
    );
    Tmux::start(
        &format!("sh -c {}", quote(&line)),
        &[
            ("WA_INBOX_CONFIG", &env.config),
            ("HOME", env.dir.path()),
            ("TZ", Path::new("UTC")),
            ("PATH", Path::new("/usr/bin:/bin")),
        ],
        width,
        height,
    )
}

/// The status line says the chat list arrived.
pub fn listed(s: &str) -> bool {
    s.contains("chats, updated")
}

#[test]
fn browse_navigates_opens_searches_resizes_and_restores_the_terminal() {
    let env = TestEnv::new().only(&["evolution"]);
    let Some(t) = browse(&env, "browse --utc", 100, 30) else {
        return;
    };
    let first = t.wait_for("the chat list", listed);
    assert!(first.contains("j/k move"), "the key hint:\n{first}");
    assert!(!t.cursor_visible(), "the cursor is hidden while browsing");
    // Two panes: moving shows the chat under the cursor once it rests.
    t.send(&["j"]);
    t.wait_for("a preview", |s| {
        s.contains("@s.whatsapp.net") || s.contains("@g.us")
    });
    // Search the names, Enter opens the first match.
    t.send(&["Escape", "/"]);
    t.type_text("pizza");
    t.wait_for("the filtered list", |s| s.contains("/ pizza"));
    t.send(&["Enter"]);
    let chat = t.wait_for("the opened chat", |s| s.contains("12036300000000101@g.us"));
    assert!(chat.contains("Pizza Club"), "{chat}");
    // Below 80×24: one pane at a time, the open chat in it.
    t.resize(60, 20);
    let narrow = t.wait_for("one pane", |s| {
        s.lines()
            .next()
            .is_some_and(|l| l.contains("Pizza Club") && !l.contains('│'))
    });
    assert!(
        narrow.lines().all(|l| l.chars().count() <= 60),
        "redrawn at the new width:\n{narrow}"
    );
    t.send(&["h"]);
    t.wait_for("the list again", |s| s.contains("/ pizza"));
    t.send(&["q"]);
    let after = t.wait_for("the exit", |s| s.contains("EXIT"));
    assert!(after.contains("EXIT 0"), "{after}");
    assert!(
        !after.contains("Pizza"),
        "the alternate screen is gone:\n{after}"
    );
    let mode = t.wait_for("stty", |s| s.contains("icanon"));
    assert!(
        mode.lines().any(|l| l == "icanon"),
        "canonical mode restored:\n{mode}"
    );
    assert!(t.cursor_visible(), "the cursor is shown again");
}

#[test]
fn browse_starts_from_the_cache_and_shows_a_failing_gateway_in_the_status_line() {
    let env = TestEnv::new().only(&["evolution"]);
    env.run(&["chats", "overview", "--limit", "30"]).expect(0);
    env.sandbox
        .set_faults(Faults::from_spec("fail=100000:500").unwrap());
    let Some(t) = browse(&env, "-v browse", 100, 30) else {
        return;
    };
    let screen = t.wait_for("the gateway's error", |s| s.contains("evolution: ✗"));
    assert!(
        screen.contains("500"),
        "the error names the status:\n{screen}"
    );
    // The cached chats are still listed and the list still moves.
    let first_row = screen.lines().next().unwrap_or("").to_owned();
    assert!(!first_row.trim().is_empty(), "{screen}");
    t.send(&["G"]);
    t.wait_for("the cursor at the end", |s| s != screen);
    t.send(&["C-c"]);
    let after = t.wait_for("the exit", |s| s.contains("EXIT 0"));
    // See: `browse -v` printed no timings (written while stderr was quieted for the screen).
    assert!(after.contains("browse: first frame"), "{after}");
}

#[test]
fn browse_without_a_terminal_exits_2_saying_so() {
    let env = TestEnv::new().only(&["evolution"]).no_calls_expected();
    let run = env.run(&["browse"]);
    run.expect(2);
    assert!(
        run.stderr.contains("browse needs a terminal"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
}

#[test]
fn browse_refuses_options_for_printed_output() {
    let env = TestEnv::new().only(&["evolution"]).no_calls_expected();
    for args in [
        &["-o", "json", "browse"][..],
        &["--fields", "name", "browse"],
    ] {
        let run = env.run(args);
        run.expect(2);
        assert!(
            run.stderr.contains("does not apply to browse"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn browse_marks_a_chat_read_only_after_saying_what_the_gateway_will_do() {
    let env = TestEnv::new().only(&["evolution"]);
    let Some(t) = browse(&env, "browse", 100, 30) else {
        return;
    };
    t.wait_for("the chat list", listed);
    t.send(&["m"]);
    let asked = t.wait_for("the question", |s| s.contains("y or ⏎ marks it read"));
    assert!(
        asked.contains("read receipts"),
        "says what the gateway does:\n{asked}"
    );
    assert!(env.sandbox.receipts().is_empty(), "nothing sent before y");
    t.send(&["y"]);
    let done = t.wait_for("the outcome", |s| s.contains("read receipts sent"));
    assert!(!done.contains("y or ⏎"), "{done}");
    assert!(
        !env.sandbox.receipts().is_empty(),
        "the sandbox saw the read"
    );
    t.send(&["q"]);
    t.wait_for("the exit", |s| s.contains("EXIT 0"));
}

/// The first row of the screen (the list's first chat, or an open chat's title).
pub fn first_line(screen: &str) -> String {
    screen.lines().next().unwrap_or("").to_owned()
}

#[test]
fn browse_asks_for_the_mouse_only_with_mouse_where_two_clicks_open_a_chat() {
    let env = TestEnv::new().only(&["evolution"]);
    // Off by default: the terminal keeps the mouse for its own text selection.
    let Some(t) = browse(&env, "browse", 60, 20) else {
        return;
    };
    t.wait_for("the chat list", listed);
    let modes = "#{mouse_any_flag}#{mouse_sgr_flag}";
    assert_eq!(t.format(modes), "00", "no mouse reporting asked for");
    t.send(&["q"]);
    t.wait_for("the exit", |s| s.contains("EXIT 0"));
    drop(t);

    let Some(t) = browse(&env, "browse --mouse", 60, 20) else {
        return;
    };
    let list = t.wait_for("the chat list", listed);
    assert_eq!(t.format(modes), "11", "mouse reporting (SGR) asked for");
    // What the keys open on the second chat: the reference for the clicks.
    let top = first_line(&list);
    t.send(&["j", "Enter"]);
    let by_keys = first_line(&t.wait_for("the chat opened by keys", |s| first_line(s) != top));
    t.send(&["h", "g"]);
    t.wait_for("the list, cursor on the first chat", |s| {
        first_line(s) == top
    });
    // One pane (60×20): the second chat's first line is row 3. The first
    // click selects it, the second (on the selected chat) opens it.
    t.click(5, 3);
    t.click(5, 3);
    let opened = t.wait_for("the chat opened by clicks", |s| first_line(s) != top);
    assert_eq!(first_line(&opened), by_keys, "{opened}");
    t.send(&["q"]);
    t.wait_for("the exit", |s| s.contains("EXIT 0"));
    assert_eq!(t.format(modes), "00", "mouse reporting off again after q");
}
