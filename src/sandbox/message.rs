//! One history entry as WhatsApp knows it (`SandboxMessage`) and what each gateway lists of
//! it (`listed`): the public vocabulary tests use to compute the messages they expect.

/// What an entry of the history is. `Edit` and `Revoke` are the protocol messages WhatsApp sends
/// for an edit or a delete-for-everyone; gateways store or drop them differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MessageKind {
    Text,
    Image,
    Video,
    Audio,
    /// A voice note (push-to-talk audio).
    Voice,
    Document,
    Sticker,
    Location,
    Contact,
    Reaction,
    /// A call log entry (GOWA stores it as a row).
    Call,
    /// A notification (security code changed, participant added, …).
    System,
    Edit,
    Revoke,
}

impl MessageKind {
    /// Image, video, audio, voice, document or sticker.
    pub fn is_media(self) -> bool {
        use MessageKind::*;
        matches!(self, Image | Video | Audio | Voice | Document | Sticker)
    }
    /// A message a person wrote or shared: text, media, location or contact.
    pub fn is_content(self) -> bool {
        use MessageKind::*;
        self.is_media() || matches!(self, Text | Location | Contact)
    }
    /// The message record's `kind` name (`edit`/`revoke` for the protocol entries).
    pub fn as_str(self) -> &'static str {
        use MessageKind::*;
        match self {
            Text => "text",
            Image => "image",
            Video => "video",
            Audio => "audio",
            Voice => "voice",
            Document => "document",
            Sticker => "sticker",
            Location => "location",
            Contact => "contact",
            Reaction => "reaction",
            Call => "call",
            System => "system",
            Edit => "edit",
            Revoke => "revoke",
        }
    }
}

/// Media metadata as WhatsApp carries it.
#[derive(Clone, Debug, PartialEq)]
pub struct Media {
    pub mimetype: &'static str,
    /// Only documents have a file name.
    pub filename: Option<String>,
    /// Bytes.
    pub size: u64,
    /// Duration of audio, voice and video.
    pub seconds: Option<u32>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Location {
    pub name: &'static str,
    pub address: &'static str,
    pub latitude: f64,
    pub longitude: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Contact {
    pub name: &'static str,
    pub phone: String,
    pub vcard: String,
}

/// One entry of a chat's history as WhatsApp knows it; each emulator shows it its own way.
#[derive(Clone, Debug, PartialEq)]
pub struct SandboxMessage {
    /// Position in the chat's history, 0 = newest.
    pub index: usize,
    /// WhatsApp message id (`3EB0` + 16 hex).
    pub id: String,
    pub kind: MessageKind,
    /// Text or caption, `""` when none; an edited message's current (edited) text; an `Edit`
    /// entry's new text; a system notice's text.
    pub text: String,
    /// An edited message's text before the edit.
    pub original_text: Option<String>,
    pub media: Option<Media>,
    pub location: Option<Location>,
    pub contact: Option<Contact>,
    pub from_me: bool,
    /// Author JID (`ME_JID` when `from_me`; a participant, phone or `@lid`, in groups; the
    /// chat's JID in direct chats and for system notices).
    pub sender: String,
    /// The author's push name, when WhatsApp gives one (never for own messages).
    pub sender_name: Option<String>,
    /// Unix seconds; strictly decreasing with `index`.
    pub timestamp: i64,
    /// WhatsApp id of the quoted message.
    pub reply_to: Option<String>,
    /// `Reaction`, `Edit`, `Revoke`: the WhatsApp id of the message they act on.
    pub target: Option<String>,
    /// A `Reaction`'s emoji.
    pub reaction: Option<&'static str>,
    /// Edited later (`text` is the new text).
    pub edited: bool,
    /// Deleted for everyone later.
    pub deleted: bool,
    /// Own messages: `pending`, `sent`, `delivered`, `read`, `played` or `failed`.
    pub status: Option<&'static str>,
}

/// Whether `gateway` (a registry name) lists an entry of this kind in a chat's messages:
/// GOWA keeps text, media, locations, contacts and calls but not revoked rows; Wawp, WAHA and
/// the WhatsApp Gateway keep text, media, locations and contacts (deleted ones too); Green API
/// and Evolution also keep reactions. Edits, revokes and system notices are listed by none.
pub fn listed(gateway: &str, kind: MessageKind, deleted: bool) -> bool {
    match gateway {
        "gowa" => (kind.is_content() || kind == MessageKind::Call) && !deleted,
        "green-api" | "evolution" => kind.is_content() || kind == MessageKind::Reaction,
        _ => kind.is_content(),
    }
}

impl SandboxMessage {
    /// Whether `gateway`'s messages listing carries this entry (see `listed`).
    pub fn listed_by(&self, gateway: &str) -> bool {
        listed(gateway, self.kind, self.deleted)
    }
}
