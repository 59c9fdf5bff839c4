//! A chat's message history, generated lazily from the seed: entry `k` (0 = newest) is a pure
//! function of the seed, the chat and `k`, so a 100,000-message chat costs nothing until a page
//! of it is served. Entries come in blocks of 12 following templates, so replies, edits,
//! deletions and reactions point at messages of their own block; every chat with 48 entries or
//! more holds every kind and every hostile text.

use super::inbox::SandboxChat;
pub use super::message::{listed, Contact, Location, Media, MessageKind, SandboxMessage};

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
    /// Entries generated from the seed; the newer `live` ones arrived while the sandbox ran.
    pub(super) fn generated(&self) -> usize {
        self.message_count - self.live.len()
    }

    /// Generated index of entry `k`, `None` for a live entry.
    fn gen(&self, k: usize) -> Option<usize> {
        k.checked_sub(self.live.len())
    }

    /// Template slot of generated entry `g`.
    pub(super) fn slot(&self, g: usize) -> Slot {
        let b = g / BLOCK;
        let t = if b == 0 { 0 } else { (b + self.index) % 4 };
        let s = TEMPLATES[t][g % BLOCK];
        match s {
            ReplyTo(d) | EditOf(d) | RevokeOf(d) | ReactionTo(d)
                if g + d as usize >= self.generated() =>
            {
                Text
            }
            s => s,
        }
    }

    /// Kind of generated entry `g` and whether it was deleted for everyone.
    pub(super) fn gen_kind(&self, g: usize) -> (MessageKind, bool) {
        match self.slot(g) {
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

    /// Kind of entry `k` and whether it was deleted for everyone, without building it.
    pub(super) fn kind_of(&self, k: usize) -> (MessageKind, bool) {
        match self.gen(k) {
            Some(g) => self.gen_kind(g),
            None => (self.live[k].kind, false),
        }
    }

    pub(super) fn gen_hash(&self, g: usize, salt: u64) -> u64 {
        mix(self.history_seed ^ mix(g as u64 ^ salt.wrapping_mul(0xD1B5_4A32_D192_ED03)))
    }

    /// A seeded hash of entry `k`, stable while live entries arrive.
    pub(super) fn hash(&self, k: usize, salt: u64) -> u64 {
        match self.gen(k) {
            Some(g) => self.gen_hash(g, salt),
            None => {
                let key = u64::from_str_radix(self.live[k].id.trim_start_matches("3EB0"), 16);
                mix(!self.history_seed ^ mix(key.unwrap_or(0) ^ salt))
            }
        }
    }

    pub(super) fn gen_id(&self, g: usize) -> String {
        format!("3EB0{:016X}", self.gen_hash(g, 1))
    }

    /// WhatsApp id of entry `k`.
    pub fn message_id(&self, k: usize) -> String {
        match self.gen(k) {
            Some(g) => self.gen_id(g),
            None => self.live[k].id.clone(),
        }
    }

    pub(super) fn gen_time(&self, g: usize) -> i64 {
        let newest = self.generated_newest.unwrap_or(0);
        let gap = self.message_gap.max(2);
        let jitter = if g == 0 {
            0
        } else {
            (self.gen_hash(g, 2) % (gap as u64 / 2)) as i64
        };
        newest - g as i64 * gap - jitter
    }

    /// Unix seconds of entry `k` (never increasing with `k`; entry 0 is the chat's last activity).
    pub fn message_time(&self, k: usize) -> i64 {
        match self.gen(k) {
            Some(g) => self.gen_time(g),
            None => self.live[k].timestamp,
        }
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
        let mut m = match self.gen(k) {
            None => self.live[k].clone(),
            Some(g) if g < self.generated() => super::entry::build(self, g, self.slot(g)),
            Some(_) => return None,
        };
        m.index = k;
        Some(m)
    }

    /// The whole history, newest first (generated as it is iterated).
    pub fn messages(&self) -> impl DoubleEndedIterator<Item = SandboxMessage> + '_ {
        (0..self.message_count).filter_map(|k| self.message(k))
    }

    /// The newest entry (an ordinary text message).
    pub fn last_message(&self) -> Option<SandboxMessage> {
        self.message(0)
    }
}

impl SandboxChat {
    pub(super) fn gen_from_me(&self, g: usize) -> bool {
        super::entry::can_be_mine(self)
            && !matches!(self.slot(g), System | Call)
            && self.gen_hash(g, 3) % 100 < 30
    }

    /// Whether entry `k` is this account's (cheap: no strings built).
    pub fn message_from_me(&self, k: usize) -> bool {
        match self.gen(k) {
            Some(g) => self.gen_from_me(g),
            None => self.live[k].from_me,
        }
    }

    /// The entries that are reactions to entry `k`, newest first.
    pub fn reactions_to(&self, k: usize) -> Vec<usize> {
        let Some(g) = self.gen(k) else {
            return Vec::new();
        };
        (g.saturating_sub(BLOCK)..g)
            .filter(|&r| matches!(self.slot(r), ReactionTo(d) if r + d as usize == g))
            .map(|r| r + self.live.len())
            .collect()
    }

    /// The entry `m` quotes (a reply) or acts on (a reaction, edit or revoke).
    pub fn linked(&self, m: &SandboxMessage) -> Option<SandboxMessage> {
        let id = m.reply_to.as_deref().or(m.target.as_deref())?;
        (m.index + 1..m.index + BLOCK)
            .find(|&k| self.message_id(k) == id)
            .and_then(|k| self.message(k))
    }
}
