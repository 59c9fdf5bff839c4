//! Tests of the browser without a terminal: `update` driven by hand-made
//! `Msg`s (`navigation.rs` for keys on the list and panes, `results.rs` for
//! background answers and polling, `mark_read.rs` for `m`, `cache.rs` for
//! the cached start, `mouse.rs` for the mouse, `ways_out.rs` for leaving
//! every state), the executor's way out when its source fails (`exec.rs`),
//! and whole screens drawn into
//! ratatui's TestBackend and compared with insta snapshots (`screens.rs`). The data is the
//! sandbox's generated inbox (hostile names included) at a frozen clock,
//! turned into records here, injected as background results would be.

mod cache;
mod exec;
mod mark_read;
mod mouse;
mod navigation;
mod results;
mod screens;
mod ways_out;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::model::{ChatKey, Listing, Look, Model};
use super::msg::{Cmd, Msg};
use crate::chat::{Chat, LastMessage};
use crate::message::{Media, Message, MessageKind, Status};
use crate::output::TimeStyle;
use crate::sandbox::{demo_inbox_at, MessageKind as SK, SandboxChat};
use crate::time::Timestamp;

/// The frozen clock: 2026-05-28T20:26:40Z.
pub const NOW: i64 = 1_780_000_000;

pub fn now() -> Timestamp {
    Timestamp::from_secs(NOW).unwrap()
}

/// The sandbox's first `n` chats.
pub fn sandbox(n: usize) -> Vec<SandboxChat> {
    demo_inbox_at(n, 7, None, NOW)
}

/// A sandbox chat as a gateway that counts unread messages reports it.
pub fn chat(profile: &str, c: &SandboxChat) -> Chat {
    let mut chat = Chat::new(profile, "evolution", &c.jid).with_name(c.name.clone());
    chat.unread_count = Some(u64::from(c.unread));
    chat.last_activity_at = c.last_activity.and_then(Timestamp::from_secs);
    chat.last_message = c.last_message().map(|m| LastMessage {
        id: Some(m.id.clone()),
        body: Some(m.text.clone()).filter(|t| !t.is_empty()),
        at: Timestamp::from_secs(m.timestamp),
        from_me: Some(m.from_me),
    });
    chat
}

/// The newest `n` messages of a sandbox chat, oldest first, as records.
pub fn messages(c: &SandboxChat, n: usize) -> Vec<Message> {
    let mut out: Vec<Message> = c
        .messages()
        .filter(|m| !matches!(m.kind, SK::Edit | SK::Revoke))
        .take(n)
        .map(|s| {
            let mut m = Message::new("evolution", "evolution", &c.jid, &s.id);
            m.at = Timestamp::from_secs(s.timestamp);
            m.from_me = Some(s.from_me);
            m.sender = Some(s.sender.clone());
            m.sender_name = s.sender_name.clone();
            m.kind = kind(s.kind);
            m.text = Some(s.text.clone()).filter(|t| !t.is_empty() && !s.deleted);
            m.media = s.media.as_ref().map(|md| Media {
                mimetype: Some(md.mimetype.to_owned()),
                filename: md.filename.clone(),
                size: Some(md.size),
            });
            m.reply_to = s.reply_to.clone();
            m.status = s.status.and_then(Status::parse);
            m.edited = Some(s.edited);
            m.deleted = Some(s.deleted);
            m
        })
        .collect();
    out.reverse();
    out
}

fn kind(k: SK) -> MessageKind {
    match k {
        SK::Text => MessageKind::Text,
        SK::Image => MessageKind::Image,
        SK::Video => MessageKind::Video,
        SK::Audio => MessageKind::Audio,
        SK::Voice => MessageKind::Voice,
        SK::Document => MessageKind::Document,
        SK::Sticker => MessageKind::Sticker,
        SK::Location => MessageKind::Location,
        SK::Contact => MessageKind::Contact,
        SK::Reaction => MessageKind::Reaction,
        SK::Call => MessageKind::Call,
        SK::System | SK::Edit | SK::Revoke => MessageKind::System,
    }
}

pub fn look() -> Look {
    Look {
        color: false,
        time: TimeStyle::Utc,
        osc52: false,
        mouse: false,
    }
}

/// A model of `profiles` at `size`, after `init`, each profile's chats
/// answered (generation 1) with the sandbox's first `n` chats.
pub fn loaded(profiles: &[&str], n: usize, size: (u16, u16)) -> Model {
    let names: Vec<String> = profiles.iter().map(|p| p.to_string()).collect();
    let mut m = Model::new(&names, look(), size, now());
    let cmds = super::update::init(&mut m);
    assert_eq!(cmds.len(), profiles.len());
    let inbox = sandbox(n);
    for (i, p) in profiles.iter().enumerate() {
        // Merged profiles: each gets every other chat, so both show.
        let chats = inbox
            .iter()
            .enumerate()
            .filter(|(k, _)| profiles.len() == 1 || k % profiles.len() == i)
            .map(|(_, c)| chat(p, c))
            .collect();
        send(
            &mut m,
            Msg::Chats {
                profile: i,
                generation: 1,
                result: Ok(Listing {
                    chats,
                    complete: true,
                }),
                at: now(),
            },
        );
    }
    m
}

/// The chat on list row `n`.
pub fn key_at(m: &Model, n: usize) -> ChatKey {
    let (p, i) = m.visible[n];
    ChatKey {
        profile: p,
        id: m.chat(p, i).id.clone(),
    }
}

/// Answer the messages request in `cmds` as the gateway would: the sandbox
/// chat's newest 40 messages.
pub fn answer_messages(m: &mut Model, cmds: Vec<Cmd>) {
    let Some(Cmd::Messages {
        key, generation, ..
    }) = cmds.into_iter().find(|c| matches!(c, Cmd::Messages { .. }))
    else {
        panic!("no messages were asked for");
    };
    let inbox = sandbox(40);
    let chat = inbox
        .iter()
        .find(|c| c.jid == key.id)
        .expect("a sandbox chat");
    let result = Ok(messages(chat, 40));
    let answer = Msg::Messages {
        key,
        generation,
        result,
        fresh: true,
    };
    send(m, answer);
}

pub fn send(m: &mut Model, msg: Msg) -> Vec<Cmd> {
    super::update::update(m, msg)
}

pub fn press(m: &mut Model, code: KeyCode) -> Vec<Cmd> {
    send(m, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

pub fn typed(m: &mut Model, text: &str) {
    for c in text.chars() {
        press(m, KeyCode::Char(c));
    }
}
