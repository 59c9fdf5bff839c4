//! Green API's records onto ours: a `getChats` entry becomes a `Chat`, and
//! the newest journal entry per chat becomes its last message (preview and
//! activity time, since `getChats` carries neither).

use std::collections::HashMap;

use super::{wire, GATEWAY, NAME};
use crate::chat::{Chat, Jid, Kind, LastMessage};
use crate::provider::stamp;
use crate::time::Unit;

pub(super) fn chat(profile: &str, w: wire::Chat) -> Chat {
    let mut c = Chat::new(profile, NAME, &w.id).with_name(w.name);
    // `type: user` is coarse (it covers @lid, @c.us and service ids): the suffix decides.
    if w.kind.as_deref() == Some("group") {
        c = c.with_kind(Kind::Group);
    }
    c.archived = w.archive;
    c.ephemeral_seconds = w.ephemeral_expiration;
    c
}

pub(super) fn last_message(e: &wire::Entry) -> LastMessage {
    let text = |s: &Option<String>| s.clone().filter(|s| !s.is_empty());
    LastMessage {
        id: text(&e.id_message),
        body: text(&e.text_message)
            .or_else(|| e.extended_text_message.as_ref().and_then(|x| text(&x.text)))
            .or_else(|| text(&e.caption)),
        at: stamp::epoch(GATEWAY, "timestamp", e.timestamp, Unit::Secs),
        from_me: e.direction.as_deref().and_then(|d| match d {
            "outgoing" => Some(true),
            "incoming" => Some(false),
            _ => None,
        }),
    }
}

/// Keep the newest entry (by `timestamp`) of each chat, keyed by normalised JID.
pub(super) fn newest_per_chat(
    entries: impl Iterator<Item = wire::Entry>,
) -> HashMap<String, LastMessage> {
    let mut out: HashMap<String, LastMessage> = HashMap::new();
    for e in entries {
        let Some(jid) = e.chat_id.as_deref().and_then(Jid::parse) else {
            continue;
        };
        let m = last_message(&e);
        let Some(at) = m.at else { continue };
        let key = jid.to_string();
        if out
            .get(&key)
            .and_then(|old| old.at)
            .is_none_or(|old| at > old)
        {
            out.insert(key, m);
        }
    }
    out
}
