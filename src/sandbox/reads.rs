//! Mark read in the sandbox: which of a chat's unread entries each gateway was told to mark read
//! (so unread counts drop and acks turn READ in what that gateway serves next), and every receipt
//! a mark-read call produced, so tests can check exactly what each gateway received.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};

use super::inbox::SandboxChat;
use super::state::Shared;

/// What one mark-read call made a gateway do.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Receipt {
    /// The emulator that received the call (registry name: `gowa`, `waha`, …).
    pub gateway: String,
    /// The chat's JID as the inbox spells it (`…@s.whatsapp.net`, `…@g.us`, `…@lid`).
    pub chat: String,
    /// WhatsApp ids of the messages marked, newest first; empty when the gateway marks the
    /// whole chat (or found nothing to mark).
    pub messages: Vec<String>,
    /// Whether WhatsApp read receipts (blue ticks) went to the sender: false on the WhatsApp
    /// Gateway, which only resets its own counter.
    pub read_receipt: bool,
}

impl Receipt {
    pub fn new(
        gateway: &str,
        chat: &SandboxChat,
        messages: Vec<String>,
        read_receipt: bool,
    ) -> Receipt {
        Receipt {
            gateway: gateway.to_owned(),
            chat: chat.jid.clone(),
            messages,
            read_receipt,
        }
    }
}

/// The sandbox's mark-read state (one per sandbox; `--demo` keeps it for the process only).
#[derive(Default)]
pub(super) struct Reads {
    /// Per gateway and chat index: the entries (below the chat's `unread`) marked read.
    marked: HashMap<(&'static str, usize), Vec<usize>>,
    receipts: Vec<Receipt>,
}

fn lock(m: &Mutex<Reads>) -> MutexGuard<'_, Reads> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Shared {
    /// `c` as `gateway` serves it now: with the entries it marked read.
    pub(super) fn view<'a>(
        &self,
        gateway: &'static str,
        c: &'a SandboxChat,
    ) -> Cow<'a, SandboxChat> {
        match lock(&self.reads).marked.get(&(gateway, c.index)) {
            Some(read) if !read.is_empty() => {
                let mut owned = c.clone();
                owned.marked_read = read.clone();
                Cow::Owned(owned)
            }
            _ => Cow::Borrowed(c),
        }
    }

    /// Mark entries `ks` of `c` read on `gateway` (entries that were not unread change nothing).
    pub(super) fn mark(
        &self,
        gateway: &'static str,
        c: &SandboxChat,
        ks: impl IntoIterator<Item = usize>,
    ) {
        let mut reads = lock(&self.reads);
        let read = reads.marked.entry((gateway, c.index)).or_default();
        for k in ks {
            if k < c.unread as usize && !read.contains(&k) {
                read.push(k);
            }
        }
        read.sort_unstable();
    }

    /// Mark every unread entry of `c` read on `gateway`.
    pub(super) fn mark_all(&self, gateway: &'static str, c: &SandboxChat) {
        self.mark(gateway, c, 0..c.unread as usize);
    }

    /// A message was delivered to the chat `index` (`live.rs`): its entries moved one down, so
    /// what was marked read moves with them; an own message reads the chat (nothing is unread).
    pub(super) fn delivered(&self, index: usize, from_me: bool) {
        let mut reads = lock(&self.reads);
        for ((_, chat), read) in reads.marked.iter_mut() {
            if *chat != index {
                continue;
            }
            if from_me {
                read.clear();
            } else {
                read.iter_mut().for_each(|k| *k += 1);
            }
        }
    }

    pub(super) fn receipt(&self, r: Receipt) {
        lock(&self.reads).receipts.push(r);
    }

    pub(super) fn receipts(&self) -> Vec<Receipt> {
        lock(&self.reads).receipts.clone()
    }
}

impl SandboxChat {
    /// The unread count as the gateway serves it: `unread` less what was marked read.
    pub fn unread_now(&self) -> u32 {
        self.unread - self.marked_read.len() as u32
    }

    /// Whether entry `k` is still unread (one of the `unread` newest, not marked read).
    pub fn is_unread(&self, k: usize) -> bool {
        k < self.unread as usize && !self.marked_read.contains(&k)
    }

    /// The incoming entries `gateway` lists that are still unread, newest first.
    pub fn unread_incoming(&self, gateway: &str) -> Vec<usize> {
        (0..self.unread as usize)
            .filter(|&k| self.is_unread(k) && !self.message_from_me(k))
            .filter(|&k| self.message(k).is_some_and(|m| m.listed_by(gateway)))
            .collect()
    }
}
