//! Time order over a listing in insert order (the WhatsApp Gateway, MESSAGES.md
//! §6.1): rows come newest *stored* first, so a history imported late sits
//! above newer live messages. Each page tells how new anything still to come
//! can be (its `ceiling`: the page's oldest storage time plus clock slack, as a
//! message is never stored before it is sent). A message newer than the
//! ceiling can no longer be overtaken: it is released, newest first; the rest
//! wait. So "the last N" and `--order desc` are exact, and only the messages
//! that may still be overtaken are held — all of them when the gateway gives no
//! storage times, which then means reading the whole chat.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use crate::message::Message;
use crate::time::Timestamp;

/// Messages waiting for the ceiling to pass below them.
#[derive(Default)]
pub struct Reorder {
    pending: BinaryHeap<Pending>,
    /// Listing position of the next message pushed: ties in time keep the gateway's order.
    next: u64,
}

/// Ordered by time (unknown last), then by listing position, for a max-heap
/// whose top is the newest message listed first.
struct Pending {
    key: (Option<Timestamp>, Reverse<u64>),
    message: Message,
}

impl PartialEq for Pending {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl Eq for Pending {}

impl PartialOrd for Pending {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Pending {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key.cmp(&other.key)
    }
}

impl Reorder {
    /// Take a page, in the gateway's listing order.
    pub fn push(&mut self, page: Vec<Message>) {
        for message in page {
            let key = (message.at, Reverse(self.next));
            self.next += 1;
            self.pending.push(Pending { key, message });
        }
    }

    /// The messages no later row can overtake, newest first: those newer than
    /// `ceiling` (the bound on every row still to come; `None`: no bound).
    pub fn release(&mut self, ceiling: Option<Timestamp>) -> Vec<Message> {
        let Some(ceiling) = ceiling else {
            return Vec::new();
        };
        let mut out = Vec::new();
        while self
            .pending
            .peek()
            .is_some_and(|p| p.key.0.is_some_and(|at| at > ceiling))
        {
            out.extend(self.pending.pop().map(|p| p.message));
        }
        out
    }

    /// Everything still held, newest first (messages without a time last): at
    /// the end of the listing, or once nothing to come can matter.
    pub fn drain(&mut self) -> Vec<Message> {
        let mut out = Vec::with_capacity(self.pending.len());
        while let Some(p) = self.pending.pop() {
            out.push(p.message);
        }
        out
    }

    /// Whether messages are still held.
    pub fn holds(&self) -> bool {
        !self.pending.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(id: &str, secs: Option<i64>) -> Message {
        let mut m = Message::new("p", "t", "1@s.whatsapp.net", id);
        m.at = secs.and_then(Timestamp::from_secs);
        m
    }

    fn ids(ms: &[Message]) -> Vec<&str> {
        ms.iter().map(|m| m.id.as_str()).collect()
    }

    fn at(secs: i64) -> Option<Timestamp> {
        Timestamp::from_secs(secs)
    }

    #[test]
    fn releases_only_what_nothing_to_come_can_overtake() {
        let mut r = Reorder::default();
        // Live rows, then an old import listed above older live rows.
        r.push(vec![
            msg("live9", Some(900)),
            msg("old1", Some(100)),
            msg("old2", Some(200)),
        ]);
        assert!(r.release(None).is_empty(), "no bound: hold everything");
        assert_eq!(ids(&r.release(at(500))), ["live9"]);
        r.push(vec![msg("live5", Some(500)), msg("live4", Some(400))]);
        assert_eq!(ids(&r.release(at(399))), ["live5", "live4"]);
        assert!(r.holds());
        assert_eq!(ids(&r.drain()), ["old2", "old1"]);
        assert!(!r.holds());
    }

    #[test]
    fn ties_keep_the_listing_order_and_unknown_times_come_last() {
        let mut r = Reorder::default();
        r.push(vec![
            msg("a", Some(5)),
            msg("none", None),
            msg("b", Some(5)),
            msg("c", Some(7)),
        ]);
        assert_eq!(
            ids(&r.release(at(5))),
            ["c"],
            "a time equal to the bound may still be tied"
        );
        assert_eq!(ids(&r.drain()), ["a", "b", "none"]);
    }
}
