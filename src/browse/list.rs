//! The chat list: each profile's chats as they arrive (from the cache's
//! first chats, the rest of the cache, a fresh listing whole or cut) and the
//! visible list derived from them (filters, search, inbox order), keeping
//! the cursor on its chat. Pure, like the rest of the model.

use super::model::{ChatKey, Filter, Listing, Model, Search};
use crate::chat::Chat;
use crate::time::Timestamp;

impl Model {
    /// Profile `i`'s chats as the store cached them at `taken_at`: the
    /// first ones in inbox order, of `total` (the rest come by `add_cached`).
    pub fn from_cache(&mut self, i: usize, chats: Vec<Chat>, taken_at: Timestamp, total: usize) {
        let keep = self.selected().map(|(k, _)| k);
        let pending = total > chats.len();
        self.replace(i, chats, taken_at, keep);
        self.profiles[i].from_cache = true;
        self.profiles[i].cache_pending = pending;
    }

    /// The whole of profile `i`'s cached overview, read after the first
    /// frame: the chats not listed yet are added (those listed are as new or
    /// newer), unless a complete fresh listing has arrived meanwhile.
    pub fn add_cached(&mut self, i: usize, chats: Vec<Chat>) {
        let keep = self.selected().map(|(k, _)| k);
        let p = &mut self.profiles[i];
        p.cache_pending = false;
        if p.whole {
            return;
        }
        let listed = std::mem::take(&mut p.chats);
        p.chats = merged(listed, chats);
        self.visible.clear();
        self.relist_keeping(keep);
    }

    /// Take profile `i`'s fresh listing (taken at `at`): a complete one
    /// replaces its chats, a partial one replaces the chats it holds. The
    /// cursor stays on its chat while that chat is still listed.
    pub fn set_listing(&mut self, i: usize, listing: Listing, at: Timestamp) {
        let keep = self.selected().map(|(k, _)| k);
        self.profiles[i].whole |= listing.complete;
        let chats = match listing.complete {
            true => listing.chats,
            false => merged(listing.chats, std::mem::take(&mut self.profiles[i].chats)),
        };
        self.replace(i, chats, at, keep);
    }

    /// Replace profile `i`'s chats; `keep` (taken before anything changed)
    /// is the chat the cursor stays on while it is still listed.
    fn replace(&mut self, i: usize, chats: Vec<Chat>, at: Timestamp, keep: Option<ChatKey>) {
        let p = &mut self.profiles[i];
        p.chats = chats;
        p.taken_at = Some(at);
        p.from_cache = false;
        // `visible` indexes the old chats: derive it anew before any lookup.
        self.visible.clear();
        self.relist_keeping(keep);
    }

    /// Re-derive `visible` after chats or filters changed, keeping the
    /// cursor on the same chat when it is still listed.
    pub fn relist(&mut self) {
        let keep = self.selected().map(|(k, _)| k);
        self.relist_keeping(keep);
    }

    fn relist_keeping(&mut self, keep: Option<ChatKey>) {
        let needle = self.search.as_ref().and_then(Search::needle);
        // Each chat's place computed once (not per comparison): a 20,000-chat
        // list is re-derived on every refresh, between two frames.
        let mut rows = Vec::new();
        for (p, profile) in self.profiles.iter().enumerate() {
            if self.only_profile.is_some_and(|o| o != p) {
                continue;
            }
            for (i, chat) in profile.chats.iter().enumerate() {
                let shown = match self.filter {
                    Filter::All => true,
                    Filter::Unread => unread(chat) > 0,
                    Filter::Waiting => waiting(chat),
                };
                if shown && needle.as_deref().is_none_or(|n| matches(chat, n)) {
                    rows.push((chat.inbox_rank(), p, i));
                }
            }
        }
        // Unread first, then the most recent activity; chats without a time
        // last; ties in the order the gateways listed them.
        rows.sort_unstable();
        self.visible = rows.into_iter().map(|(_, p, i)| (p, i)).collect();
        self.cursor = keep
            .and_then(|k| {
                self.visible
                    .iter()
                    .position(|&(p, i)| p == k.profile && self.chat(p, i).id == k.id)
            })
            .unwrap_or(self.cursor)
            .min(self.visible.len().saturating_sub(1));
    }
}

/// `first`, then the chats of `rest` that `first` does not hold (by id).
fn merged(mut first: Vec<Chat>, rest: Vec<Chat>) -> Vec<Chat> {
    let held: std::collections::HashSet<String> = first.iter().map(|c| c.id.clone()).collect();
    first.extend(rest.into_iter().filter(|c| !held.contains(&c.id)));
    first
}

/// The unread count where the gateway counts, else 0 (unknown is not unread).
pub fn unread(chat: &Chat) -> u64 {
    chat.unread_count.unwrap_or(0)
}

/// The last message is incoming: the chat awaits a reply.
pub fn waiting(chat: &Chat) -> bool {
    chat.last_message
        .as_ref()
        .is_some_and(|m| m.from_me == Some(false))
}

/// Whether the chat's name, phone or JID holds `needle` (lowercase).
fn matches(chat: &Chat, needle: &str) -> bool {
    [
        chat.name.as_deref(),
        chat.phone.as_deref(),
        chat.jid.as_deref(),
    ]
    .into_iter()
    .flatten()
    .any(|s| s.to_lowercase().contains(needle))
}
