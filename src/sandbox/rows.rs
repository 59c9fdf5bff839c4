//! The rows a gateway stores for a chat: the history entries a predicate keeps, counted per
//! block so that "the q-th row" and "how many rows" cost O(entries / 12), not O(entries).

use super::history::{MessageKind, BLOCK};
use super::inbox::SandboxChat;

pub(super) struct Rows<'a> {
    chat: &'a SandboxChat,
    keep: fn(MessageKind, bool) -> bool,
    /// Rows in the blocks before block `b`.
    before: Vec<usize>,
    len: usize,
}

impl<'a> Rows<'a> {
    /// `keep(kind, deleted)` says whether an entry is a row.
    pub fn new(chat: &'a SandboxChat, keep: fn(MessageKind, bool) -> bool) -> Rows<'a> {
        let n = chat.message_count;
        let mut before = Vec::with_capacity(n / BLOCK + 1);
        let mut len = 0;
        for start in (0..n).step_by(BLOCK) {
            before.push(len);
            len += (start..(start + BLOCK).min(n))
                .filter(|&k| {
                    let (kind, deleted) = chat.kind_of(k);
                    keep(kind, deleted)
                })
                .count();
        }
        Rows {
            chat,
            keep,
            before,
            len,
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn keeps(&self, k: usize) -> bool {
        let (kind, deleted) = self.chat.kind_of(k);
        (self.keep)(kind, deleted)
    }

    /// History index of row `q` (0 = newest row).
    pub fn nth(&self, q: usize) -> Option<usize> {
        if q >= self.len {
            return None;
        }
        let b = self.before.partition_point(|&r| r <= q) - 1;
        let mut left = q - self.before[b];
        for k in b * BLOCK..self.chat.message_count {
            if self.keeps(k) {
                if left == 0 {
                    return Some(k);
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
