//! Green API's JSON as its docs describe it (PROVIDERS.md §3;
//! https://green-api.com/en/docs/api/service/GetChats/ and
//! …/journals/LastIncomingMessages/). Lenient: unknown fields are ignored and
//! every field is optional, so one odd journal entry cannot fail the listing.

use serde::de::value::SeqAccessDeserializer;
use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::provider::bounded::{List, LooseInt};

/// One `getChats` item.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Chat {
    pub id: String,
    pub name: Option<String>,
    /// `user` | `group`.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Named `archive`, not `archived`.
    pub archive: Option<bool>,
    /// Seconds; 0 = off (a real value).
    pub ephemeral_expiration: Option<u64>,
    // NOTE: `ephemeralSettingTimestamp` is when the timer changed, not last activity:
    // deliberately not read.
}

/// One `lastIncomingMessages` / `lastOutgoingMessages` entry.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Entry {
    /// `incoming` | `outgoing`.
    #[serde(rename = "type")]
    pub direction: Option<String>,
    pub id_message: Option<String>,
    /// Seconds.
    pub timestamp: Option<i64>,
    pub chat_id: Option<String>,
    pub text_message: Option<String>,
    pub extended_text_message: Option<ExtendedText>,
    pub caption: Option<String>,
    // The rest is read by `getChatHistory` (MESSAGES.md §4.1).
    /// `textMessage`, `imageMessage`, … (an open set).
    pub type_message: Option<String>,
    /// Outgoing only: `pending` | `sent` | `delivered` | `read`.
    pub status_message: Option<String>,
    /// Incoming only.
    pub sender_id: Option<String>,
    pub sender_name: Option<String>,
    pub sender_contact_name: Option<String>,
    pub quoted_message: Option<Quoted>,
    /// UNCONFIRMED in history (seen in a `getMessage` example).
    pub is_edited: Option<bool>,
    pub is_deleted: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct ExtendedText {
    pub text: Option<String>,
    /// The quoted message, for replies.
    pub stanza_id: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Quoted {
    pub stanza_id: Option<String>,
}

/// `getStateInstance`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct State {
    pub state_instance: Option<String>,
}

/// `getChatHistory`'s answer: the entries, or an object — which on a 200 is
/// an auth failure when it says `"code": 401` (MESSAGES.md §4.1). Read
/// without a JSON tree, the list bounded like every list.
#[derive(Debug)]
pub(super) enum History {
    Entries(List<Entry>),
    /// An object instead of a list, with its `code` if it had one.
    Object(Option<i64>),
}

impl<'de> Deserialize<'de> for History {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = History;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an array of messages")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<History, A::Error> {
                List::deserialize(SeqAccessDeserializer::new(seq)).map(History::Entries)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<History, A::Error> {
                let mut code = None;
                while let Some(key) = map.next_key::<String>()? {
                    if key == "code" {
                        code = map.next_value::<LooseInt>()?.0;
                    } else {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                Ok(History::Object(code))
            }
        }
        d.deserialize_any(V)
    }
}
