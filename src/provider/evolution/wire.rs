//! Evolution API v2's `findChats` rows (EvolutionAPI/evolution-api @ 3454bec7,
//! `fetchChats` in src/api/services/channel.service.ts; PROVIDERS.md §7).
//! `lastMessage.message` is Baileys' protobuf JSON; only the text-bearing parts
//! are read. Lenient: unknown fields are ignored, absent ones are `None`, and
//! `messageTimestamp` is accepted as a number, a numeric string or a protobuf
//! `Long` object.

use serde::Deserialize;

use crate::provider::bounded::{List, LooseInt};

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

/// `findMessages` (MESSAGES.md §8.1): `{"messages": {total, pages, currentPage, records}}`.
#[derive(Debug, Deserialize)]
pub(super) struct FoundMessages {
    pub messages: Option<MessagePage>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct MessagePage {
    pub total: Option<u64>,
    pub pages: Option<u64>,
    #[serde(default)]
    pub records: List<MessageRow>,
}

/// A stored message: a Baileys key and proto JSON, plus the receipt history.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct MessageRow {
    // NOTE: the row's `id` is a database cuid; the WhatsApp id is `key.id`.
    pub key: Option<RowKey>,
    /// `"Você"` on own messages (hard-coded upstream).
    pub push_name: Option<String>,
    pub message_type: Option<String>,
    /// Baileys proto JSON: `conversation`, `<messageType>.{caption, mimetype, fileName, fileLength, ptt}`.
    pub message: Option<serde_json::Value>,
    /// Seconds.
    #[serde(default)]
    pub message_timestamp: LooseInt,
    pub context_info: Option<serde_json::Value>,
    /// Only with `DATABASE_SAVE_MESSAGE_UPDATE` on.
    #[serde(rename = "MessageUpdate")]
    pub message_update: Option<Vec<Receipt>>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct RowKey {
    pub id: Option<String>,
    pub remote_jid: Option<String>,
    pub from_me: Option<bool>,
    pub participant: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(super) struct Receipt {
    pub status: Option<String>,
}
