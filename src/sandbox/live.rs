//! Messages that arrive while the sandbox runs (`POST /_sandbox/incoming`, `Sandbox::deliver`,
//! `--traffic`): a delivered message becomes its chat's newest history entry, so every emulator
//! shows it the way it shows any other — the chat's activity time, last message and place in
//! activity order, its unread count where the gateway counts, the messages listings and Green
//! API's journals.

use serde::Deserialize;

use super::entry::{can_be_mine, participant};
use super::history::{mix, MessageKind, SandboxMessage};
use super::inbox::{Inbox, ME_JID};
use super::texts;

/// What to deliver; every field is optional (`{}` = a realistic incoming message in a chat the
/// traffic generator picks).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Incoming {
    /// The chat, in any spelling the inbox knows (JID, `@c.us`, `@lid` alias).
    pub chat: Option<String>,
    /// The text (default: an everyday one).
    pub text: Option<String>,
    /// The author's JID in a group (default: one of the group's participants).
    pub from: Option<String>,
    /// The author's push name.
    pub name: Option<String>,
    /// Sent by the sandbox account itself (from its phone): the chat's unread count drops to 0.
    #[serde(default)]
    pub from_me: bool,
}

impl Incoming {
    /// The JSON body of `POST /_sandbox/incoming`; an empty body is `{}`.
    pub fn parse(body: &[u8]) -> Result<Incoming, String> {
        if body.iter().all(u8::is_ascii_whitespace) {
            return Ok(Incoming::default());
        }
        serde_json::from_slice(body).map_err(|e| {
            format!(
                "sandbox: {e}; send a JSON object with any of \"chat\", \"text\", \"from\", \
                 \"name\", \"from_me\""
            )
        })
    }
}

/// A delivered message and the JID of the chat it went to.
#[derive(Debug, Clone)]
pub struct Delivered {
    pub chat: String,
    pub message: SandboxMessage,
}

/// Chats the traffic writes to: direct chats with a phone number, and groups.
fn conversational(c: &super::inbox::SandboxChat) -> bool {
    matches!(c.server, "s.whatsapp.net" | "g.us") && c.index != 7
}

impl Inbox {
    /// Deliver one message at `now` (Unix seconds); returns it as stored.
    pub(super) fn deliver(&mut self, inc: Incoming, now: i64) -> Result<Delivered, String> {
        let seq = self.delivered;
        let p = match inc.chat.as_deref() {
            Some(id) => self.position(id).ok_or_else(|| {
                format!("sandbox: no chat {id:?} in the inbox; use an id that `chats list` shows")
            })?,
            None => self
                .pick(seq)
                .ok_or("sandbox: the inbox has no direct or group chat to deliver to")?,
        };
        let chat = &self.chats[p];
        let text = inc.text.unwrap_or_else(|| {
            texts::TEXTS[(mix(seq ^ 0x7E47) % texts::TEXTS.len() as u64) as usize].to_string()
        });
        if text.is_empty() {
            return Err("sandbox: \"text\" must not be empty".into());
        }
        if inc.from_me && !can_be_mine(chat) {
            return Err(format!("sandbox: {} cannot carry own messages", chat.jid));
        }
        let group = chat.is_group() || chat.server == "broadcast";
        let h = mix(chat.history_seed ^ mix(seq ^ 0x11FE));
        let (sender, default_name) = match (&inc.from, inc.from_me, group) {
            (Some(_), true, _) => {
                return Err("sandbox: \"from\" and \"from_me\" exclude each other".into())
            }
            (Some(f), false, true) => (f.clone(), None),
            (Some(_), false, false) => return Err(
                "sandbox: \"from\" names a group member; in a direct chat the sender is the chat"
                    .into(),
            ),
            (None, true, _) => (ME_JID.to_string(), None),
            (None, false, true) => {
                let (jid, name) = participant(h >> 20);
                (jid, Some(name.to_string()))
            }
            (None, false, false) => (chat.jid.clone(), chat.known_name().map(String::from)),
        };
        let m = SandboxMessage {
            index: 0,
            id: format!("3EB0{:016X}", mix(h)),
            kind: MessageKind::Text,
            text,
            original_text: None,
            media: None,
            location: None,
            contact: None,
            from_me: inc.from_me,
            sender,
            sender_name: if inc.from_me {
                None
            } else {
                inc.name.or(default_name)
            },
            // Gateways keep whole seconds: several messages may share one.
            timestamp: now.max(chat.last_activity.unwrap_or(now)),
            reply_to: None,
            target: None,
            reaction: None,
            edited: false,
            deleted: false,
            status: inc.from_me.then_some("sent"),
        };
        self.delivered += 1;
        let mut chat = self.chats.remove(p);
        if chat.last_activity.is_none() {
            self.active += 1;
        }
        chat.live.insert(0, m.clone());
        chat.message_count += 1;
        chat.last_activity = Some(m.timestamp);
        // Answering from the phone reads the chat there.
        chat.unread = if m.from_me { 0 } else { chat.unread + 1 };
        // Activity order, ties by row id as the WhatsApp Gateway's cursor expects.
        let key = (chat.last_activity, chat.row_id);
        let q = self
            .chats
            .partition_point(|c| (c.last_activity, c.row_id) > key);
        self.chats.insert(q, chat);
        for (at, c) in self
            .chats
            .iter()
            .enumerate()
            .take(p.max(q) + 1)
            .skip(p.min(q))
        {
            self.pos[c.index] = at;
        }
        Ok(Delivered {
            chat: self.chats[q].jid.clone(),
            message: m,
        })
    }

    /// The traffic's pick for message `seq`: mostly one of the ten most recently active
    /// conversations, sometimes any (which then jumps to the top).
    fn pick(&self, seq: u64) -> Option<usize> {
        let r = mix(seq ^ 0x9A3C);
        let candidates = || {
            self.chats
                .iter()
                .enumerate()
                .filter(|(_, c)| conversational(c))
                .map(|(p, _)| p)
        };
        let recent = candidates().take(10).count();
        let all = candidates().count();
        let n = if r % 10 < 7 { recent } else { all };
        (n > 0)
            .then(|| candidates().nth((r >> 8) as usize % n))
            .flatten()
    }
}
