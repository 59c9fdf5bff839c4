//! WAHA's engine objects and their mapping onto `Chat`, shared by `waha` and
//! `wawp` (Wawp v2 is a hosted WAHA, PROVIDERS.md §2 and §6): one set of rules,
//! so a fix to either gateway's reading of a WEBJS chat fixes both.
//!
//! WAHA has no schema for these bodies (its OpenAPI types `_chat` as `any`), so
//! everything is lenient: unknown fields are ignored, a field of an unexpected
//! type is unknown (`None`), ids come as a string or as WEBJS's
//! `{server, user, _serialized}`, and an answer may be an array or an object
//! keyed "0", "1", … (Wawp's documented overview). Nothing is read into a JSON
//! tree, and a list holds at most the page size asked for (`bounded.rs`). Only
//! the visible `pub(in crate::provider)` items leave this file, and nothing
//! above `provider/`.

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::provider::bounded::{admit, Lenient, LooseInt};

use super::message::WaMessage;
use crate::chat::{Chat, Kind, LastMessage};
use crate::provider::stamp;
use crate::provider::{Order, SortKey};
use crate::time::{Timestamp, Unit};

/// An id as WAHA sends it: a string, or an object with `_serialized`
/// (WEBJS chat ids; raw WEBJS message ids), else `user@server`.
#[derive(Debug, Clone, PartialEq)]
pub(in crate::provider) struct SerializedId(pub String);

impl<'de> Deserialize<'de> for SerializedId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = SerializedId;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an id: a string or {\"_serialized\": …}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<SerializedId, E> {
                Some(v)
                    .filter(|s| !s.is_empty())
                    .map(|s| SerializedId(s.to_owned()))
                    .ok_or_else(|| E::custom("an empty id"))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<SerializedId, A::Error> {
                let (mut serialized, mut user, mut server) = (None, None, None);
                while let Some(key) = map.next_key::<String>()? {
                    let slot = match key.as_str() {
                        "_serialized" => &mut serialized,
                        "user" => &mut user,
                        "server" => &mut server,
                        _ => {
                            map.next_value::<de::IgnoredAny>()?;
                            continue;
                        }
                    };
                    *slot = map
                        .next_value::<Lenient<String>>()?
                        .0
                        .filter(|s| !s.is_empty());
                }
                serialized
                    .or_else(|| Some(format!("{}@{}", user?, server?)))
                    .map(SerializedId)
                    .ok_or_else(|| {
                        de::Error::custom(
                            "an id object without `_serialized` or `user` and `server`",
                        )
                    })
            }
        }
        d.deserialize_any(V)
    }
}

/// A chat as an engine describes it: the items of `GET …/chats`, and `_chat`
/// of an overview item. WEBJS sends all of this; NOWEB/GOWS only `id`,
/// `name` and `conversationTimestamp`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(in crate::provider) struct EngineChat {
    #[serde(default, deserialize_with = "lenient")]
    pub id: Option<SerializedId>,
    #[serde(default, deserialize_with = "lenient")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub is_group: Option<bool>,
    #[serde(default, deserialize_with = "count")]
    pub unread_count: Option<u64>,
    /// WEBJS, seconds.
    #[serde(default, deserialize_with = "epoch")]
    pub timestamp: Option<i64>,
    /// NOWEB/GOWS, seconds (Baileys may send a Long `{low, high}`).
    #[serde(default, deserialize_with = "epoch")]
    pub conversation_timestamp: Option<i64>,
    #[serde(default, deserialize_with = "lenient")]
    pub archived: Option<bool>,
    #[serde(default, deserialize_with = "lenient")]
    pub pinned: Option<bool>,
    /// Seconds; 0 or less = not muted (or "forever", unconfirmed: unknown).
    #[serde(default, deserialize_with = "epoch")]
    pub mute_expiration: Option<i64>,
    #[serde(default, deserialize_with = "lenient")]
    pub last_message: Option<WaMessage>,
}

/// One item of `GET …/chats/overview`. Upstream WAHA has unread only in
/// `_chat` (WEBJS); Wawp documents a top-level `unreadCount`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(in crate::provider) struct OverviewItem {
    #[serde(default, deserialize_with = "lenient")]
    pub id: Option<SerializedId>,
    #[serde(default, deserialize_with = "lenient")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "count")]
    pub unread_count: Option<u64>,
    #[serde(default, deserialize_with = "lenient")]
    pub is_group: Option<bool>,
    #[serde(default, deserialize_with = "lenient")]
    pub archived: Option<bool>,
    #[serde(default, deserialize_with = "lenient")]
    pub pinned: Option<bool>,
    #[serde(default, deserialize_with = "lenient")]
    pub last_message: Option<WaMessage>,
    #[serde(rename = "_chat", default, deserialize_with = "lenient")]
    pub chat: Option<EngineChat>,
}

/// A list answer: a JSON array, or an object keyed "0", "1", … whose entries
/// are taken in the integer order of their keys (PROVIDERS.md §2 trap 1).
#[derive(Debug)]
pub(in crate::provider) struct Items<T>(pub Vec<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Items<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Items<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an array, or an object keyed \"0\", \"1\", …")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Items<T>, A::Error> {
                let mut out = Vec::new();
                while let Some(item) = seq.next_element()? {
                    admit::<A::Error>(out.len())?;
                    out.push(item);
                }
                Ok(Items(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Items<T>, A::Error> {
                let mut out: Vec<(u64, T)> = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    admit::<A::Error>(out.len())?;
                    let Ok(n) = key.trim().parse::<u64>() else {
                        return Err(de::Error::custom(format!(
                            "expected an array or an object keyed \"0\", \"1\", …; found key \"{key}\""
                        )));
                    };
                    out.push((n, map.next_value()?));
                }
                out.sort_by_key(|(n, _)| *n);
                Ok(Items(out.into_iter().map(|(_, v)| v).collect()))
            }
        }
        d.deserialize_any(V(std::marker::PhantomData))
    }
}

/// A value of the expected type, else unknown (never a parse failure).
pub(super) fn lenient<'de, D: Deserializer<'de>, T: serde::de::DeserializeOwned>(
    d: D,
) -> Result<Option<T>, D::Error> {
    Ok(Lenient::deserialize(d)?.0)
}

/// An integer: a JSON number, a numeric string, or a Baileys Long `{low, high}`.
pub(super) fn epoch<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    Ok(LooseInt::deserialize(d)?.0)
}

fn count<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    Ok(LooseInt::deserialize(d)?
        .0
        .and_then(|n| u64::try_from(n).ok()))
}

/// Which gateway an engine object came from: their times differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::provider) enum Dialect {
    /// Seconds (WAHA's source); a list item's activity is `timestamp` →
    /// `conversationTimestamp` (PROVIDERS.md §8.3).
    Waha,
    /// Units UNCONFIRMED (PROVIDERS.md §2, MESSAGES.md §1.1), so guessed by
    /// magnitude (§0.5: `>= 10^12` is ms); `conversationTimestamp` → `timestamp`.
    Wawp,
}

impl Dialect {
    /// The record's `provider`.
    pub fn name(self) -> &'static str {
        match self {
            Dialect::Waha => super::NAME,
            Dialect::Wawp => crate::provider::wawp::NAME,
        }
    }

    /// The gateway's human name, for messages.
    pub fn gateway(self) -> &'static str {
        match self {
            Dialect::Waha => super::GATEWAY,
            Dialect::Wawp => crate::provider::wawp::GATEWAY,
        }
    }

    /// The epoch value of field `field` as a time, in this gateway's unit.
    pub fn time(self, field: &str, v: Option<i64>) -> Option<Timestamp> {
        let unit = match self {
            Dialect::Waha => Unit::Secs,
            Dialect::Wawp => Unit::Guess,
        };
        stamp::epoch(self.gateway(), field, v, unit)
    }
}

/// `isGroup: true` is the gateway's own type; otherwise the id's suffix decides.
fn base(profile: &str, provider: &'static str, id: &str, is_group: Option<bool>) -> Chat {
    let c = Chat::new(profile, provider, id);
    if is_group == Some(true) {
        c.with_kind(Kind::Group)
    } else {
        c
    }
}

fn muted(d: Dialect, expiration: Option<i64>) -> Option<Timestamp> {
    d.time("muteExpiration", expiration.filter(|&e| e > 0))
}

fn nonempty(s: Option<String>) -> Option<String> {
    s.filter(|s| !s.trim().is_empty())
}

pub(in crate::provider) fn last_message(d: Dialect, m: WaMessage) -> LastMessage {
    LastMessage {
        id: nonempty(m.id.map(|i| i.0)),
        body: nonempty(m.body),
        at: d.time("lastMessage.timestamp", m.timestamp),
        from_me: m.from_me,
    }
}

/// An item of `GET …/chats`; `Err` names what makes it unusable.
pub(in crate::provider) fn list_chat(
    profile: &str,
    d: Dialect,
    w: EngineChat,
) -> Result<Chat, String> {
    let id = w.id.ok_or("a chat without an `id`")?.0;
    let mut c = base(profile, d.name(), &id, w.is_group).with_name(w.name);
    c.unread_count = w.unread_count;
    let (ts, conversation) = ("timestamp", "conversationTimestamp");
    let ((f1, v1), (f2, v2)) = match d {
        Dialect::Waha => ((ts, w.timestamp), (conversation, w.conversation_timestamp)),
        Dialect::Wawp => ((conversation, w.conversation_timestamp), (ts, w.timestamp)),
    };
    c.last_activity_at = d.time(f1, v1).or_else(|| d.time(f2, v2));
    c.archived = w.archived;
    c.pinned = w.pinned;
    c.muted_until = muted(d, w.mute_expiration);
    c.last_message = w.last_message.map(|m| last_message(d, m));
    Ok(c)
}

/// An item of `GET …/chats/overview`: top-level fields first, then `_chat`.
pub(in crate::provider) fn overview_chat(
    profile: &str,
    d: Dialect,
    w: OverviewItem,
) -> Result<Chat, String> {
    let chat = w.chat.unwrap_or_default();
    let id =
        w.id.or(chat.id)
            .ok_or("an overview item without an `id`")?
            .0;
    let mut c = base(profile, d.name(), &id, w.is_group.or(chat.is_group)).with_name(w.name);
    c.unread_count = w.unread_count.or(chat.unread_count);
    c.last_message = w.last_message.map(|m| last_message(d, m));
    c.last_activity_at = c
        .last_message
        .as_ref()
        .and_then(|m| m.at)
        .or_else(|| d.time("_chat.timestamp", chat.timestamp))
        .or_else(|| d.time("_chat.conversationTimestamp", chat.conversation_timestamp));
    c.archived = w.archived.or(chat.archived);
    c.pinned = w.pinned.or(chat.pinned);
    c.muted_until = muted(d, chat.mute_expiration);
    Ok(c)
}

/// `sortBy`/`sortOrder` for a list request; the default is newest first.
/// NOTE: the order must be lowercase: WEBJS/GOWS sort ascending for anything
/// but exactly `desc` (PROVIDERS.md §2 trap 2, §6).
pub(in crate::provider) fn sort_params(
    sort: Option<(SortKey, Order)>,
) -> [(&'static str, &'static str); 2] {
    let (key, order) = sort.unwrap_or((SortKey::Activity, Order::Desc));
    let by = match key {
        SortKey::Activity => "conversationTimestamp",
        SortKey::Name => "name",
        SortKey::Id => "id",
    };
    let order = match order {
        Order::Asc => "asc",
        Order::Desc => "desc",
    };
    [("sortBy", by), ("sortOrder", order)]
}
