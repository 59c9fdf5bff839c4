//! The rows a gateway stores for a chat (the entries `history::listed` keeps), counted per
//! block once per chat and gateway, so "the q-th row" and "how many rows" cost O(log) per
//! request even in a 100,000-message chat. The count covers the generated entries; the live
//! ones (text, kept by every gateway) come first.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::history::{listed, BLOCK};
use super::inbox::{Inbox, SandboxChat};

/// Rows before each block, and the total.
pub(super) struct RowIndex {
    before: Vec<usize>,
    len: usize,
}

/// Row indexes already counted, by chat index and gateway.
pub(super) type RowCache = Mutex<HashMap<(usize, &'static str), Arc<RowIndex>>>;

pub(super) struct Rows<'a> {
    chat: &'a SandboxChat,
    gateway: &'static str,
    index: Arc<RowIndex>,
}

impl<'a> Rows<'a> {
    /// `chat`'s rows as `gateway` stores them.
    pub fn of(inbox: &Inbox, chat: &'a SandboxChat, gateway: &'static str) -> Rows<'a> {
        let key = (chat.index, gateway);
        let cached = inbox
            .rows
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&key)
            .cloned();
        let index = cached.unwrap_or_else(|| {
            let index = Arc::new(count(chat, gateway));
            let mut cache = inbox.rows.lock().unwrap_or_else(|p| p.into_inner());
            cache.insert(key, index.clone());
            index
        });
        Rows {
            chat,
            gateway,
            index,
        }
    }

    pub fn len(&self) -> usize {
        self.live() + self.index.len
    }

    /// Rows delivered live: rows `[0, live)` are entries `[0, live)`.
    pub fn live(&self) -> usize {
        self.chat.live.len()
    }

    pub fn keeps(&self, k: usize) -> bool {
        let (kind, deleted) = self.chat.kind_of(k);
        listed(self.gateway, kind, deleted)
    }

    /// History index of row `q` (0 = newest row).
    pub fn nth(&self, q: usize) -> Option<usize> {
        let live = self.live();
        if q < live {
            return Some(q);
        }
        let q = q - live;
        if q >= self.index.len {
            return None;
        }
        let before = &self.index.before;
        let b = before.partition_point(|&r| r <= q) - 1;
        let mut left = q - before[b];
        for g in b * BLOCK..self.chat.generated() {
            if self.keeps(g + live) {
                if left == 0 {
                    return Some(g + live);
                }
                left -= 1;
            }
        }
        None
    }

    /// History indices of the rows from history index `k` on (older), in order.
    pub fn from(&self, k: usize) -> impl Iterator<Item = usize> + '_ {
        (k..self.chat.message_count).filter(|&k| self.keeps(k))
    }
}

fn count(chat: &SandboxChat, gateway: &str) -> RowIndex {
    let n = chat.generated();
    let mut before = Vec::with_capacity(n / BLOCK + 1);
    let mut len = 0;
    for start in (0..n).step_by(BLOCK) {
        before.push(len);
        len += (start..(start + BLOCK).min(n))
            .filter(|&k| {
                let (kind, deleted) = chat.gen_kind(k);
                listed(gateway, kind, deleted)
            })
            .count();
    }
    RowIndex { before, len }
}
