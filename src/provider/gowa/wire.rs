//! GOWA's JSON as its server sends it (src/ui/rest/chat.go, src/pkg/utils/response.go
//! @ 51f7b199): an envelope `{code, message, results}` around chat and message
//! lists. Lenient: unknown fields are ignored, absent ones are `None`.

use serde::Deserialize;

use crate::provider::bounded::List;

#[derive(Debug, Deserialize)]
pub(super) struct Envelope<T> {
    pub results: Option<T>,
}

#[derive(Debug, Deserialize)]
pub(super) struct ChatList {
    #[serde(default)]
    pub data: List<Chat>,
    pub pagination: Option<Pagination>,
}

#[derive(Debug, Deserialize)]
pub(super) struct Pagination {
    pub total: Option<u64>,
}

#[derive(Debug, Deserialize)]
pub(super) struct Chat {
    pub jid: String,
    pub name: Option<String>,
    pub last_message_time: Option<String>,
    pub ephemeral_expiration: Option<u64>,
    /// Absent before v8.3.3.
    pub archived: Option<bool>,
}

#[derive(Debug, Deserialize)]
pub(super) struct MessageList {
    #[serde(default)]
    pub data: List<Message>,
    pub pagination: Option<Pagination>,
}

/// `ChatMessage` (MESSAGES.md §5.1). `media_type` … `file_length` are always
/// sent, as `""` / `0` when empty.
#[derive(Debug, Deserialize)]
pub(super) struct Message {
    pub id: Option<String>,
    pub chat_jid: Option<String>,
    /// Own messages carry the own JID.
    pub sender_jid: Option<String>,
    /// Resolved at response time; may be the JID or its user part (not a name).
    pub sender_display_name: Option<String>,
    /// `""` for media without a caption.
    pub content: Option<String>,
    /// RFC 3339, offset may be `+hh:mm`.
    pub timestamp: Option<String>,
    pub is_from_me: Option<bool>,
    /// `""` | image | video | video_note | audio | document | sticker | call.
    pub media_type: Option<String>,
    /// Document names; generated names for other media.
    pub filename: Option<String>,
    /// Bytes; `0` = unknown.
    pub file_length: Option<u64>,
}
