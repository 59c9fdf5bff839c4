//! The one deterministic inbox (seeded splitmix64) that every gateway emulator renders in its own
//! wire shape; public so tests can compute expected answers instead of hard-coding them.

/// The sandbox account itself.
pub const ME_JID: &str = "6281100000000@s.whatsapp.net";
pub const ME_NAME: &str = "Sandbox Owner";

/// One chat. `index` is its identity (the seed's); in the inbox, position 0 is the most recently
/// active, activity never increases with the position, and the chats without any message come
/// last (generated activity strictly decreases; messages delivered live move a chat up).
#[derive(Clone, Debug, PartialEq)]
pub struct SandboxChat {
    pub index: usize,
    /// JID user part (digits; old-style groups `digits-digits`; `status`; `0`).
    pub user: String,
    /// `s.whatsapp.net` | `g.us` | `lid` | `newsletter` | `broadcast`.
    pub server: &'static str,
    pub jid: String,
    /// `None` = unknown; `Some("")` = an empty name as some gateways send it.
    pub name: Option<String>,
    pub unread: u32,
    /// Unix seconds of the newest message; `None` for chats without messages.
    pub last_activity: Option<i64>,
    pub archived: bool,
    pub pinned: bool,
    /// Unix seconds; some are in the past (expired).
    pub muted_until: Option<i64>,
    /// Disappearing-messages timer in seconds (0 = off).
    pub ephemeral: u32,
    /// When the timer was set (0 = never).
    pub ephemeral_set_at: i64,
    pub has_media: bool,
    /// Entries in the chat's history (`message(k)` for `k` below it; 0 = newest): the `live`
    /// ones, then the ones generated lazily (see `messages()`).
    pub message_count: usize,
    /// Messages delivered while the sandbox runs (`live.rs`), newest first.
    pub live: Vec<super::history::SandboxMessage>,
    /// Unix seconds of the newest generated entry.
    pub(super) generated_newest: Option<i64>,
    /// Mean seconds between consecutive entries.
    pub message_gap: i64,
    /// Seed of this chat's history.
    pub(super) history_seed: u64,
    /// GOWA renders this chat's times with a `+07:00` offset.
    pub plus7: bool,
    /// An equivalent `@lid` JID for some direct chats (WhatsApp Gateway `aliases`).
    pub lid_alias: Option<String>,
    /// WhatsApp Gateway internal row id.
    pub row_id: u64,
    /// Creation time, Unix seconds.
    pub created_at: i64,
    pub picture: Option<String>,
    /// Entries among the `unread` newest that a mark-read call marked read (set only in the
    /// view an emulator serves, `Shared::view`; empty in `Sandbox::chats()`).
    pub marked_read: Vec<usize>,
}

impl SandboxChat {
    /// The WhatsApp-Web spelling (`@c.us` for phone users), as WAHA WEBJS, Wawp, Green API use.
    pub fn c_us(&self) -> String {
        if self.server == "s.whatsapp.net" {
            format!("{}@c.us", self.user)
        } else {
            self.jid.clone()
        }
    }
    pub fn is_group(&self) -> bool {
        self.server == "g.us"
    }
    /// The name if known and non-empty.
    pub fn known_name(&self) -> Option<&str> {
        self.name.as_deref().filter(|n| !n.is_empty())
    }
}

/// The inbox as served, with its anchor time.
pub struct Inbox {
    /// In activity order (see `SandboxChat`).
    pub chats: Vec<SandboxChat>,
    pub now: i64,
    /// Chats `[0, active)` have at least one message.
    pub active: usize,
    /// Chat identity (`index`) by JID, `@c.us` spelling and `@lid` alias.
    by_id: std::collections::HashMap<String, usize>,
    /// Position in `chats` by chat identity.
    pub(super) pos: Vec<usize>,
    /// Messages delivered so far (seeds their ids and the traffic's picks).
    pub(super) delivered: u64,
    /// Per chat and gateway, the counted rows of its history (`rows.rs`).
    pub(super) rows: super::rows::RowCache,
}

impl Inbox {
    pub fn new(chats: usize, seed: u64, messages: Option<usize>) -> Inbox {
        let now = chrono::Utc::now().timestamp();
        let chats = demo_inbox_at(chats, seed, messages, now);
        let active = chats.iter().take_while(|c| c.message_count > 0).count();
        let mut by_id = std::collections::HashMap::with_capacity(chats.len() * 2);
        for c in &chats {
            by_id.insert(c.jid.clone(), c.index);
            by_id.insert(c.c_us(), c.index);
            if let Some(a) = &c.lid_alias {
                by_id.insert(a.clone(), c.index);
            }
        }
        Inbox {
            pos: (0..chats.len()).collect(),
            chats,
            now,
            active,
            by_id,
            delivered: 0,
            rows: Default::default(),
        }
    }

    /// A chat by JID, `@c.us` spelling or `@lid` alias.
    pub fn find(&self, id: &str) -> Option<&SandboxChat> {
        self.position(id).and_then(|p| self.chats.get(p))
    }

    /// Where the chat with this id sits in `chats`.
    pub(super) fn position(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).and_then(|&i| self.pos.get(i).copied())
    }
}

/// The inbox generated relative to the current time; `messages` overrides the history length
/// of every chat that has one.
pub fn demo_inbox(chats: usize, seed: u64, messages: Option<usize>) -> Vec<SandboxChat> {
    demo_inbox_at(chats, seed, messages, chrono::Utc::now().timestamp())
}

/// The inbox generated relative to `now` (Unix seconds).
pub fn demo_inbox_at(
    chats: usize,
    seed: u64,
    messages: Option<usize>,
    now: i64,
) -> Vec<SandboxChat> {
    let n = chats;
    let silent = n.saturating_sub(10).min(3); // chats without any message, at the end
    let step = (super::seed::SPAN / n.max(1) as i64).max(1);
    (0..n)
        .map(|i| super::seed::chat(i, n, silent, step, seed, messages, now))
        .collect()
}
