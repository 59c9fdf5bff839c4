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

#[test]
fn browse_appends_a_live_message_to_the_open_chat_and_moves_another_chat_up_with_its_badge() {
    let env = TestEnv::new().only(&["evolution"]);
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
