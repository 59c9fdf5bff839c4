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
pub(super) struct MessageList {
    #[serde(default)]
    pub data: Option<List<Message>>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Message {
    // NOTE: `id` is the gateway's row id (`msg_<ULID>`) despite the spec's wording:
    // the WhatsApp id is `waMessageId` (PROVIDERS.md §11).
    pub wa_message_id: Option<String>,
    pub from_me: Option<bool>,
    /// Text or caption; omitted when none.
    pub body: Option<String>,
    /// Epoch ms.
    pub timestamp: Option<i64>,
}
