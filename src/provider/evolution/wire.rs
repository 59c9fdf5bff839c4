//! Evolution API v2's `findChats` rows (EvolutionAPI/evolution-api @ 3454bec7,
//! `fetchChats` in src/api/services/channel.service.ts; PROVIDERS.md §7).
//! `lastMessage.message` is Baileys' protobuf JSON; only the text-bearing parts
//! are read. Lenient: unknown fields are ignored, absent ones are `None`, and
//! `messageTimestamp` is accepted as a number, a numeric string or a protobuf
//! `Long` object.

use serde::Deserialize;

use crate::provider::bounded::LooseInt;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Chat {
    pub remote_jid: String,
    pub push_name: Option<String>,
    /// ISO date-time.
    pub updated_at: Option<String>,
    pub unread_count: Option<u64>,
    pub last_message: Option<Message>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Message {
    pub key: Option<Key>,
    pub message: Option<Content>,
    /// Seconds.
    #[serde(default)]
    pub message_timestamp: LooseInt,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Key {
    pub id: Option<String>,
    pub from_me: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Content {
    pub conversation: Option<String>,
    pub extended_text_message: Option<Text>,
    pub image_message: Option<Media>,
    pub video_message: Option<Media>,
    pub document_message: Option<Media>,
}

#[derive(Debug, Deserialize)]
pub(super) struct Text {
    pub text: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(super) struct Media {
    pub caption: Option<String>,
}

/// `GET /instance/connectionState/{instance}`.
#[derive(Debug, Deserialize)]
pub(super) struct ConnectionState {
    pub instance: Option<InstanceState>,
}

#[derive(Debug, Deserialize)]
pub(super) struct InstanceState {
    pub state: Option<String>,
}
