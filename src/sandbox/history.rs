//! A chat's message history, generated lazily from the seed: entry `k` (0 = newest) is a pure
//! function of the seed, the chat and `k`, so a 100,000-message chat costs nothing until a page
//! of it is served. Entries come in blocks of 12 following templates, so replies, edits,
//! deletions and reactions point at messages of their own block; every chat with 48 entries or
//! more holds every kind and every hostile text.

use super::inbox::SandboxChat;
use super::texts;

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

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Slot {
    Text,
    Hostile(u8),
    Long,
    Media(MessageKind),
    Location,
    Contact,
    ReplyTo(u8),
    Edited,
    EditOf(u8),
    Deleted,
    RevokeOf(u8),
    ReactionTo(u8),
    System,
    Call,
}

pub(super) const BLOCK: usize = 12;
use MessageKind as K;
pub(super) use Slot::*;
/// Offsets in a block count towards older entries: `EditOf(2)` at slot 6 edits slot 8.
const TEMPLATES: [[Slot; BLOCK]; 4] = [
    [
        Text,
        ReactionTo(1),
        Media(K::Image),
        ReplyTo(2),
        Hostile(0),
        Text,
        EditOf(2),
        Media(K::Voice),
        Edited,
        Hostile(7),
        Media(K::Document),
        Text,
    ],
    [
        Text,
        Media(K::Video),
        Media(K::Audio),
        Media(K::Sticker),
        Slot::Location,
        Slot::Contact,
        Hostile(6),
        Media(K::Image),
        Hostile(8),
        RevokeOf(1),
        Deleted,
        System,
    ],
    [
        Hostile(2),
        Hostile(3),
        Long,
        Hostile(10),
        ReplyTo(1),
        Hostile(9),
        Hostile(11),
        Hostile(1),
        Call,
        Hostile(4),
        ReactionTo(1),
        Hostile(5),
    ],
    [
        Text,
        Text,
        ReplyTo(1),
        Text,
        Media(K::Document),
        Text,
        RevokeOf(2),
        Text,
        Deleted,
        System,
        EditOf(1),
        Edited,
    ],
];

pub(super) fn mix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl SandboxChat {
    pub(super) fn slot(&self, k: usize) -> Slot {
        let b = k / BLOCK;
        let t = if b == 0 { 0 } else { (b + self.index) % 4 };
        let s = TEMPLATES[t][k % BLOCK];
        match s {
            ReplyTo(d) | EditOf(d) | RevokeOf(d) | ReactionTo(d)
                if k + d as usize >= self.message_count =>
            {
                Text
            }
            s => s,
        }
    }

    /// Kind of entry `k` and whether it was deleted for everyone, without building it.
    pub(super) fn kind_of(&self, k: usize) -> (MessageKind, bool) {
        match self.slot(k) {
            Text | Hostile(_) | Long | ReplyTo(_) | Edited => (K::Text, false),
            Deleted => (K::Text, true),
            Media(m) => (m, false),
            Slot::Location => (K::Location, false),
            Slot::Contact => (K::Contact, false),
            EditOf(_) => (K::Edit, false),
            RevokeOf(_) => (K::Revoke, false),
            ReactionTo(_) => (K::Reaction, false),
            System => (K::System, false),
            Call => (K::Call, false),
        }
    }

    pub(super) fn hash(&self, k: usize, salt: u64) -> u64 {
        mix(self.history_seed ^ mix(k as u64 ^ salt.wrapping_mul(0xD1B5_4A32_D192_ED03)))
    }

    /// WhatsApp id of entry `k`.
    pub fn message_id(&self, k: usize) -> String {
        format!("3EB0{:016X}", self.hash(k, 1))
    }

    /// Unix seconds of entry `k` (strictly decreasing; entry 0 is the chat's last activity).
    pub fn message_time(&self, k: usize) -> i64 {
        let newest = self.last_activity.unwrap_or(0);
        let gap = self.message_gap.max(2);
        let jitter = if k == 0 {
            0
        } else {
            (self.hash(k, 2) % (gap as u64 / 2)) as i64
        };
        newest - k as i64 * gap - jitter
    }

    /// The first entry at or before `t` (Unix seconds), or `message_count`.
    pub fn message_index_at(&self, t: i64) -> usize {
        let (mut lo, mut hi) = (0, self.message_count);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.message_time(mid) <= t {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        lo
    }

    /// Entry `k` of the history (0 = newest), or `None` past its end.
    pub fn message(&self, k: usize) -> Option<SandboxMessage> {
        (k < self.message_count).then(|| super::entry::build(self, k, self.slot(k)))
    }

    /// The whole history, newest first (generated as it is iterated).
    pub fn messages(&self) -> impl DoubleEndedIterator<Item = SandboxMessage> + '_ {
        (0..self.message_count).map(|k| super::entry::build(self, k, self.slot(k)))
    }

    /// The newest entry, always an ordinary text message.
    pub fn last_message(&self) -> Option<SandboxMessage> {
        self.message(0)
    }
}

/// The sender of an incoming entry in a group: a phone JID or (for some) only a `@lid`.
pub(super) fn participant(pick: u64) -> (String, &'static str) {
    let p = (pick % texts::PUSH_NAMES.len() as u64) as usize;
    let jid = if p < 7 {
        format!("62812{:07}@s.whatsapp.net", 3_100_000 + p * 7_919)
    } else {
        format!("{}@lid", 205_227_043_110_950 + p as u64)
    };
    (jid, texts::PUSH_NAMES[p])
}

/// Whether this chat's entries can be from this account.
pub(super) fn can_be_mine(chat: &SandboxChat) -> bool {
    chat.index != 3 && chat.index != 7 && chat.server != "newsletter"
}

impl SandboxChat {
    /// Whether entry `k` is this account's (cheap: no strings built).
    pub fn message_from_me(&self, k: usize) -> bool {
        can_be_mine(self) && !matches!(self.slot(k), System | Call) && self.hash(k, 3) % 100 < 30
    }

    /// The entries that are reactions to entry `k`, newest first.
    pub fn reactions_to(&self, k: usize) -> Vec<usize> {
        (k.saturating_sub(BLOCK)..k)
            .filter(|&r| matches!(self.slot(r), ReactionTo(d) if r + d as usize == k))
            .collect()
    }
}

/// Whether `gateway` (a registry name) lists an entry of this kind in a chat's messages:
/// GOWA keeps text, media, locations, contacts and calls but not revoked rows; Wawp, WAHA and
/// the WhatsApp Gateway keep text, media, locations and contacts (deleted ones too); Green API
/// and Evolution also keep reactions. Edits, revokes and system notices are listed by none.
pub fn listed(gateway: &str, kind: MessageKind, deleted: bool) -> bool {
    match gateway {
        "gowa" => (kind.is_content() || kind == K::Call) && !deleted,
        "green-api" | "evolution" => kind.is_content() || kind == K::Reaction,
        _ => kind.is_content(),
    }
}

impl SandboxMessage {
    /// Whether `gateway`'s messages listing carries this entry (see `listed`).
    pub fn listed_by(&self, gateway: &str) -> bool {
        listed(gateway, self.kind, self.deleted)
    }
}
