//! What `watch` remembers of one chat between polls (MESSAGES.md §1.4): its activity time as
//! the gateway last reported it, a high-water mark (the newest message time seen) and the ids
//! seen lately, bounded. A message is new when it is newer than the mark, or at the mark's very
//! second with an id not seen — never twice, however often a long gap is caught up.

use std::collections::{HashSet, VecDeque};

use crate::message::Message;
use crate::time::Timestamp;

/// Ids remembered per chat (only those at the high-water second matter; older ones are ruled
/// out by time).
pub const MAX_IDS: usize = 256;

#[derive(Debug, Clone, Default)]
pub struct Mark {
    /// The chat's activity time when it was last read (the gateway's clock, never ours).
    pub activity: Option<Timestamp>,
    /// The newest message time seen.
    pub high: Option<Timestamp>,
    /// Whether the ids at `high` are known: false for a mark taken from the chat list alone
    /// (the baseline), so a message at that very second counts as old.
    exact: bool,
    /// Read once more on the next poll even if the activity time did not move: gateways keep
    /// whole seconds, so a message in the same second as the last read would not move it.
    pub settle: bool,
    order: VecDeque<String>,
    ids: HashSet<String>,
}

impl Mark {
    /// A chat as the baseline (or a chat not seen then) finds it: everything at or before
    /// `high` has been seen.
    pub fn at(activity: Option<Timestamp>, high: Option<Timestamp>) -> Mark {
        Mark {
            activity,
            high,
            ..Mark::default()
        }
    }

    pub fn seen(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    /// Whether `m` was not seen before.
    pub fn is_new(&self, m: &Message) -> bool {
        if self.seen(&m.id) {
            return false;
        }
        match (m.at, self.high) {
            (_, None) | (None, _) => true,
            (Some(at), Some(high)) => at > high || (at == high && self.exact),
        }
    }

    /// Remember a message read from the chat (printed or not): it is never new again.
    pub fn remember(&mut self, m: &Message) {
        match (m.at, self.high) {
            (Some(at), Some(high)) if at < high => return,
            (Some(at), high) if high != Some(at) => {
                // A newer second: the ids of older seconds are ruled out by time.
                self.high = Some(at);
                self.order.clear();
                self.ids.clear();
            }
            _ => {}
        }
        if self.ids.insert(m.id.clone()) {
            self.order.push_back(m.id.clone());
            if self.order.len() > MAX_IDS {
                if let Some(old) = self.order.pop_front() {
                    self.ids.remove(&old);
                }
            }
        }
    }

    /// After the chat was read down to `high` (inclusive): every id at that second is known.
    pub fn read_through(&mut self) {
        self.exact = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(id: &str, at: i64) -> Message {
        let mut m = Message::new("p", "gowa", "1@s.whatsapp.net", id);
        m.at = Timestamp::from_secs(at);
        m
    }

    #[test]
    fn a_baseline_mark_treats_its_own_second_as_seen_until_read() {
        let mut mark = Mark::at(Timestamp::from_secs(100), Timestamp::from_secs(100));
        assert!(!mark.is_new(&msg("a", 100)));
        assert!(mark.is_new(&msg("b", 101)));
        mark.remember(&msg("a", 100));
        mark.read_through();
        assert!(
            mark.is_new(&msg("c", 100)),
            "same second, unseen id, after a read"
        );
        assert!(!mark.is_new(&msg("a", 100)));
    }

    #[test]
    fn remembered_messages_are_never_new_again_and_the_memory_is_bounded() {
        let mut mark = Mark::at(None, Timestamp::from_secs(10));
        mark.read_through();
        for i in 0..(MAX_IDS + 50) {
            let m = msg(&format!("id{i}"), 20);
            assert!(mark.is_new(&m));
            mark.remember(&m);
            assert!(!mark.is_new(&m));
        }
        assert_eq!(mark.ids.len(), MAX_IDS);
        assert!(
            !mark.is_new(&msg("old", 19)),
            "older than the high-water mark"
        );
        mark.remember(&msg("later", 21));
        assert_eq!((mark.ids.len(), mark.high), (1, Timestamp::from_secs(21)));
        assert!(!mark.is_new(&msg(&format!("id{}", MAX_IDS + 49), 20)));
    }
}
