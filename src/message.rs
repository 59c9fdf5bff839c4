//! The uniform message record (MESSAGES.md §2) every gateway maps its
//! messages onto, and the rules that hold for every gateway: `""` is unknown,
//! JIDs are normalised like the chat record's `jid`, a deleted message's text
//! is never kept, and `status` exists only for own messages.
//!
//! This is a public contract (JSON output is an API), version 1 like the chat
//! record: keys are snake_case, every key is always present, and `None` means
//! "the gateway does not report it" — never an invented value.

use serde::{Deserialize, Serialize};

use crate::chat::Jid;
use crate::time::Timestamp;

/// One message, as every output format sees it (record schema v1).
// Deserialising (the local store's message cache) leaves `provider` empty:
// it is a registry name, which the store puts back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[schemars(title = "wa-inbox message record v1")]
pub struct Message {
    pub profile: String,
    #[serde(skip_deserializing)]
    pub provider: &'static str,
    /// The chat as the gateway names it on the message (else the chat requested).
    pub chat_id: String,
    /// `chat_id` normalised like the chat record's `jid`.
    pub chat_jid: Option<String>,
    /// The id this gateway's per-message calls take, verbatim.
    pub id: String,
    /// The bare WhatsApp message id (`3EB0…`).
    pub wa_id: String,
    pub at: Option<Timestamp>,
    /// Sent by this account (from any of its devices).
    pub from_me: Option<bool>,
    /// Author JID, normalised; may be a `@lid`.
    pub sender: Option<String>,
    pub sender_name: Option<String>,
    pub kind: MessageKind,
    /// Text or caption; always null when `deleted` is true.
    pub text: Option<String>,
    pub media: Option<Media>,
    /// `wa_id` of the quoted message.
    pub reply_to: Option<String>,
    /// Delivery status of own messages; null for incoming ones.
    pub status: Option<Status>,
    pub edited: Option<bool>,
    /// Deleted for everyone.
    pub deleted: Option<bool>,
}

/// What a media message carries, each part null when not reported.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Media {
    pub mimetype: Option<String>,
    pub filename: Option<String>,
    /// Bytes.
    pub size: Option<u64>,
}

macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($v:ident = $s:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema,
        )]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($v),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$v),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$v => $s),+
                }
            }
        }
    };
}

string_enum!(
    /// What sort of message it is (MESSAGES.md §2.2); unknown gateway types are `other`.
    MessageKind {
        Text = "text",
        Image = "image",
        Video = "video",
        Audio = "audio",
        Voice = "voice",
        Document = "document",
        Sticker = "sticker",
        Location = "location",
        Contact = "contact",
        Poll = "poll",
        Reaction = "reaction",
        Call = "call",
        System = "system",
        Other = "other",
    }
);

string_enum!(
    /// Delivery status of an own message (MESSAGES.md §2.3), in order of progress.
    Status {
        Pending = "pending",
        Sent = "sent",
        Delivered = "delivered",
        Read = "read",
        Played = "played",
        Failed = "failed",
    }
);

impl MessageKind {
    /// Whether messages of this kind carry a file.
    pub fn is_media(self) -> bool {
        matches!(
            self,
            MessageKind::Image
                | MessageKind::Video
                | MessageKind::Audio
                | MessageKind::Voice
                | MessageKind::Document
                | MessageKind::Sticker
        )
    }
}

impl Status {
    /// Status names as most gateways spell them (`pending` … `failed`, any case).
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL
            .iter()
            .copied()
            .find(|st| st.as_str().eq_ignore_ascii_case(s.trim()))
    }

    /// WAHA/Wawp `ack` numbers: −1 ERROR … 4 PLAYED.
    pub fn from_ack(ack: i64) -> Option<Status> {
        Some(match ack {
            -1 => Status::Failed,
            0 => Status::Pending,
            1 => Status::Sent,
            2 => Status::Delivered,
            3 => Status::Read,
            4 => Status::Played,
            _ => return None,
        })
    }

    /// WAHA/Wawp `ackName`; `UNKNOWN` and anything else are unknown.
    pub fn from_ack_name(name: &str) -> Option<Status> {
        Some(match name.trim().to_ascii_uppercase().as_str() {
            "ERROR" => Status::Failed,
            "PENDING" => Status::Pending,
            "SERVER" => Status::Sent,
            "DEVICE" => Status::Delivered,
            "READ" => Status::Read,
            "PLAYED" => Status::Played,
            _ => return None,
        })
    }
}

/// A JID normalised exactly like the chat record's `jid` (`None` when it is not one).
pub fn normalise_jid(id: &str) -> Option<String> {
    Jid::parse(id).map(|j| j.to_string())
}

/// `Some` only for a non-blank string.
pub fn nonempty(s: Option<String>) -> Option<String> {
    s.filter(|s| !s.trim().is_empty())
}

impl Message {
    /// A record with every gateway-reported field unknown; providers fill in
    /// what they know, then call `finish`.
    pub fn new(profile: &str, provider: &'static str, chat_id: &str, id: &str) -> Message {
        Message {
            profile: profile.to_owned(),
            provider,
            chat_id: chat_id.to_owned(),
            chat_jid: None,
            id: id.to_owned(),
            wa_id: id.to_owned(),
            at: None,
            from_me: None,
            sender: None,
            sender_name: None,
            kind: MessageKind::Other,
            text: None,
            media: None,
            reply_to: None,
            status: None,
            edited: None,
            deleted: None,
        }
    }

    /// Apply the record's rules: blank strings are unknown, JIDs normalised,
    /// no text for a deleted message, no status for an incoming one.
    pub fn finish(mut self) -> Message {
        self.chat_jid = normalise_jid(&self.chat_id);
        self.sender = self.sender.as_deref().and_then(normalise_jid);
        self.sender_name = nonempty(self.sender_name.take());
        self.text = nonempty(self.text.take());
        self.reply_to = nonempty(self.reply_to.take());
        if self.deleted == Some(true) {
            self.text = None;
        }
        if self.from_me != Some(true) {
            self.status = None;
        }
        if let Some(m) = &mut self.media {
            m.mimetype = nonempty(m.mimetype.take());
            m.filename = nonempty(m.filename.take());
            m.size = m.size.filter(|&s| s > 0);
        }
        self
    }

    /// Whether this is the message named `id` (either of its ids).
    pub fn is(&self, id: &str) -> bool {
        self.id == id || self.wa_id == id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deleted_message_never_keeps_its_text() {
        let mut m = Message::new("p", "t", "1@c.us", "X");
        m.text = Some("secret words".into());
        m.deleted = Some(true);
        assert_eq!(m.finish().text, None);
    }

    #[test]
    fn incoming_message_has_no_status_and_blanks_are_unknown() {
        let mut m = Message::new("p", "t", "1@c.us", "X");
        m.from_me = Some(false);
        m.status = Some(Status::Read);
        m.sender = Some("62811:3@s.whatsapp.net".into());
        m.sender_name = Some(" ".into());
        m.text = Some(String::new());
        m.media = Some(Media {
            mimetype: Some(String::new()),
            filename: None,
            size: Some(0),
        });
        let m = m.finish();
        assert_eq!(m.status, None);
        assert_eq!(m.chat_jid.as_deref(), Some("1@s.whatsapp.net"));
        assert_eq!(m.sender.as_deref(), Some("62811@s.whatsapp.net"));
        assert_eq!((m.sender_name, m.text), (None, None));
        assert_eq!(m.media, Some(Media::default()));
    }

    #[test]
    fn every_key_is_serialised_even_when_unknown() {
        let v = serde_json::to_value(Message::new("p", "t", "c", "i").finish()).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(|k| k.as_str()).collect();
        assert_eq!(
            keys,
            [
                "profile",
                "provider",
                "chat_id",
                "chat_jid",
                "id",
                "wa_id",
                "at",
                "from_me",
                "sender",
                "sender_name",
                "kind",
                "text",
                "media",
                "reply_to",
                "status",
                "edited",
                "deleted"
            ]
        );
    }

    #[test]
    fn ack_numbers_and_names() {
        assert_eq!(Status::from_ack(3), Some(Status::Read));
        assert_eq!(Status::from_ack(9), None);
        assert_eq!(Status::from_ack_name("server"), Some(Status::Sent));
        assert_eq!(Status::from_ack_name("UNKNOWN"), None);
        assert_eq!(Status::parse("Delivered"), Some(Status::Delivered));
    }
}
