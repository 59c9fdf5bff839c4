//! `browse` following new messages live, on a real terminal (tmux) against
//! the sandbox: messages delivered into the running sandbox (as
//! `Sandbox::deliver`, the `POST /_sandbox/incoming` of `--demo` traffic)
//! reach the screen through the `--interval` polling, at the 100 ms floor
//! loopback gateways allow. Every wait polls the screen (`Tmux::wait_for`).

use wa_inbox::sandbox::{Incoming, SandboxChat};

use crate::browse::{browse, first_line, listed};
use crate::util::TestEnv;

/// The list's part of a screen row (left of the rule), and the chat pane's.
fn panes_of(line: &str) -> (&str, &str) {
    line.split_once('│').unwrap_or((line, ""))
}

/// The open chat's last line above the status line: its newest message
/// (the conversation is scrolled to its end).
fn newest_line(screen: &str) -> String {
    let rows: Vec<&str> = screen.lines().collect();
    rows[..rows.len().saturating_sub(2)]
        .iter()
        .rev()
        .map(|l| panes_of(l).1)
        .find(|c| !c.trim().is_empty())
        .unwrap_or("")
        .to_owned()
}

/// On two gateways that count unread messages, Evolution (whose overview is
/// its list) and WAHA (an overview call of its own): a poll looks at the
/// first page by activity and fetches only the changed chats
/// (`command/browse/activity.rs`).
#[test]
fn browse_appends_a_live_message_to_the_open_chat_and_moves_another_chat_up_with_its_badge() {
    for profile in ["evolution", "waha"] {
        live_messages(profile);
    }
}

fn live_messages(profile: &str) {
    let env = TestEnv::new().only(&[profile]);
    // Two named direct chats among the first 100 (what browse fetches), both
    // unread, names plain and unique so the screen shows them as they are.
    let listed_chats = &env.sandbox.chats()[..100];
    let unique = |n: &str| {
        listed_chats
            .iter()
            .filter(|c| c.known_name() == Some(n))
            .count()
            == 1
    };
    let plain: Vec<&SandboxChat> = listed_chats
        .iter()
        .filter(|c| c.server == "s.whatsapp.net" && c.index != 7 && c.unread > 0)
        .filter(|c| {
            c.known_name().is_some_and(|n| {
                n.len() >= 4
                    && n.chars().all(|ch| ch.is_ascii_alphabetic() || ch == ' ')
                    && unique(n)
            })
        })
        .collect();
    // `other` is the more recent: delivered in the same second as `open`, it
    // still sorts above it (the gateway's order breaks the tie).
    let [other, open, ..] = plain[..] else {
        panic!("the sandbox has two plain named unread chats: {plain:?}");
    };
    let (open_name, other_name) = (open.known_name().unwrap(), other.known_name().unwrap());
    let Some(t) = browse(&env, "browse --interval 100ms", 100, 30) else {
        return;
    };
    t.wait_for("the chat list", listed);
    // Open `open` through the search (⏎ opens the first match), then back to
    // the whole list with the chat still open beside it.
    t.send(&["/"]);
    t.type_text(open_name);
    t.send(&["Enter"]);
    t.wait_for("the chat opened", |s| {
        panes_of(&first_line(s)).1.contains(&open.jid)
    });
    t.send(&["h", "h"]);
    // Its messages in (so the new one can only come from the live re-fetch).
    t.wait_for("the whole list and the chat's messages", |s| {
        !first_line(s).starts_with("/ ")
            && !s.contains("loading messages")
            && !newest_line(s).trim().is_empty()
    });

    deliver(&env, &open.jid, "live one for the open chat");
    t.wait_for(
        "the message appended to the open chat, the chat on top",
        |s| {
            newest_line(s).contains("live one for the open chat")
                && panes_of(&first_line(s)).0.contains(open_name)
        },
    );

    deliver(&env, &other.jid, "live two for another chat");
    let badge = env.sandbox.chat(&other.jid).unwrap().unread;
    assert_eq!(badge, other.unread + 1, "the sandbox counted it");
    let screen = t.wait_for("the other chat on top", |s| {
        panes_of(&first_line(s)).0.contains(other_name)
    });
    let rows: Vec<&str> = screen.lines().collect();
    let preview = panes_of(rows[1]).0.trim_end();
    assert!(preview.contains("live two for another chat"), "{screen}");
    assert!(
        preview.ends_with(&format!(" {badge}")),
        "the badge went up:\n{screen}"
    );
    assert!(
        panes_of(rows[2]).0.contains(open_name),
        "the open chat next:\n{screen}"
    );
    t.send(&["q"]);
    t.wait_for("the exit", |s| s.contains("EXIT 0"));
}

fn deliver(env: &TestEnv, chat: &str, text: &str) {
    let incoming = Incoming {
        chat: Some(chat.to_owned()),
        text: Some(text.to_owned()),
        ..Incoming::default()
    };
    env.sandbox
        .deliver(incoming)
        .expect("the sandbox delivers it");
}

/// Bug pinned: every `--interval` fetched the whole list again — on GOWA,
/// whose overview needs a call per chat, 101 requests every poll. A poll now
/// looks at the first page by activity (one request) and fetches the
/// overview of the changed chats only.
#[test]
fn a_quiet_poll_costs_one_request_and_a_new_message_only_its_chat() {
    let env = TestEnv::new().only(&["gowa"]);
    let Some(t) = browse(&env, "browse --interval 100ms", 100, 30) else {
        return;
    };
    t.wait_for("the chat list", listed);
    let per_chat = |hits: &[wa_inbox::sandbox::Hit]| -> Vec<String> {
        hits.iter()
            .filter(|h| h.path.ends_with("/messages"))
            .map(|h| h.path.clone())
            .collect()
    };
    let start = env.journal().len();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let quiet: Vec<String> = env.journal()[start..]
        .iter()
        .map(|h| h.path.clone())
        .collect();
    assert!(quiet.len() >= 3, "the polls ran: {quiet:?}");
    assert!(
        quiet.iter().all(|p| p == "/gowa/chats"),
        "a quiet poll is one chat-list request: {quiet:?}"
    );
    // A message in a chat further down: it comes up, and only it is fetched.
    let chat = env.sandbox.chats()[20].clone();
    let name = chat.known_name().expect("a named chat").to_owned();
    let before = env.journal().len();
    deliver(&env, &chat.jid, "hello from further down");
    t.wait_for("the chat on top with its new message", |s| {
        let rows: Vec<&str> = s.lines().collect();
        panes_of(rows[0]).0.contains(&name)
            && panes_of(rows[1]).0.contains("hello from further down")
    });
    let after = env.journal()[before..].to_vec();
    let fetched = per_chat(&after);
    assert!(
        !fetched.is_empty() && fetched.iter().all(|p| p.contains(&chat.jid)),
        "only the changed chat's overview was fetched: {fetched:?}"
    );
    t.send(&["q"]);
    t.wait_for("the exit", |s| s.contains("EXIT 0"));
}
