//! The WhatsApp Gateway's JSON (rama-adi/quick-whatsapp-gateway
//! `docs/openapi.yaml` @ 00e3869a: `ListChat`, `Chat`, `ListMessage`,
//! `Message`). Lenient: unknown fields are ignored; `name`, `lastMessageAt`,
//! `mutedUntil`, `aliases`, `nextCursor` and message `body` are omitted by the
//! server when unknown (the spec says "null"), so every one is optional.

use serde::Deserialize;

use crate::provider::bounded::{List, Nested};

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct ChatList {
    /// Typed `array|null`; the server always sends an array.
    #[serde(default)]
    pub data: Option<List<Chat>>,
    /// Omitted on the last page; `null` and `""` are accepted as the end too.
    pub next_cursor: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Chat {
    // NOTE: `id` is the gateway's numeric row id, not the chat id: never read.
    pub jid: String,
    pub aliases: Option<Nested<String>>,
    /// `dm` | `group` | `newsletter` | `broadcast` | `status`.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub name: Option<String>,
    /// Epoch ms.
    pub last_message_at: Option<i64>,
    // NOTE: `unreadCount` is not read: the gateway resets it to 0 on every
    // inbound message, so it counts nothing (PROVIDERS.md §5).
    pub archived: Option<bool>,
    pub pinned: Option<bool>,
    /// Epoch ms.
    pub muted_until: Option<i64>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct MessageList {
    #[serde(default)]
    pub data: Option<List<Message>>,
    /// Present only after a full page (MESSAGES.md §6.1).
    pub next_cursor: Option<String>,
}

/// `Message` (MESSAGES.md §6.1); optional fields are omitted, not null.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Message {
    // NOTE: `id` is the gateway's row id (`msg_<ULID>`) despite the spec's wording:
    // the WhatsApp id is `waMessageId` (PROVIDERS.md §11). The cursor is opaque.
    pub wa_message_id: Option<String>,
    pub chat_jid: Option<String>,
    pub sender_jid: Option<String>,
    pub sender_lid: Option<String>,
    pub sender_name: Option<String>,
    pub from_me: Option<bool>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Text or caption; omitted when none; kept after a delete.
    pub body: Option<String>,
    pub quoted_message_id: Option<String>,
    pub has_media: Option<bool>,
    /// May be absent even when `hasMedia` is true.
    pub media: Option<MediaMeta>,
    pub status: Option<String>,
    pub edited: Option<bool>,
    pub deleted: Option<bool>,
    /// Epoch ms (WhatsApp time).
    pub timestamp: Option<i64>,
    /// Epoch ms (when the gateway stored it).
    pub created_at: Option<i64>,
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct MediaMeta {
    pub mimetype: Option<String>,
    /// Bytes.
    pub size: Option<u64>,
    pub filename: Option<String>,
}
