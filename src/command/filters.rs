//! What we apply ourselves when a gateway cannot: row filters (kinds, name
//! search, archived, unread minimum, waiting time) and sorting, with chats
//! that lack the key always last.

use super::selection::Selection;
use crate::chat::{Chat, Kind};
use crate::config::defaults;
use crate::provider::{Order, ProviderError, SortKey, View};
use crate::time::Timestamp;

/// Filters we apply ourselves.
#[derive(Debug, Default)]
pub struct ClientFilters {
    pub kinds: Vec<Kind>,
    pub search: Option<String>,
    pub archived: Option<bool>,
    pub min_unread: Option<u64>,
    pub waited_since: Option<Timestamp>,
    /// `waiting --active-within`: activity at or after this (unknown passes:
    /// some gateways only know it once the last message was read).
    pub active_since: Option<Timestamp>,
    /// `waiting`: the last message is incoming (known only after previews).
    pub incoming_last: bool,
}

impl ClientFilters {
    /// Every row filter of `args`, all applied here (the planner hands some
    /// to the gateway; `--cached` answers apply them all).
    pub fn for_selection(args: &Selection) -> ClientFilters {
        let mut f = ClientFilters {
            kinds: args.kinds.clone(),
            search: args.search.as_ref().map(|s| s.to_lowercase()),
            archived: args.archived,
            ..Default::default()
        };
        let ago = |d: std::time::Duration| {
            // A window longer than the epoch matches nothing rather than switching the filter off.
            let secs = i64::try_from(d.as_secs()).unwrap_or(i64::MAX);
            Timestamp::from_secs(Timestamp::now().secs().saturating_sub(secs))
                .unwrap_or(Timestamp::EPOCH)
        };
        if args.view == View::Unread {
            f.min_unread = Some(args.min_unread.unwrap_or(defaults::MIN_UNREAD).max(1));
        }
        if args.view == View::Unread || args.waiting {
            f.waited_since = args.older_than.map(ago);
        }
        if args.waiting {
            f.active_since = args.active_within.map(ago);
            f.incoming_last = true;
        }
        f
    }

    /// Whether `c` passes; `gateway` names who could not say (archived unknown).
    pub fn keeps(&self, c: &Chat, gateway: &str) -> Result<bool, ProviderError> {
        let f = self;
        if !f.kinds.is_empty() && !f.kinds.contains(&c.kind) {
            return Ok(false);
        }
        if let Some(s) = &f.search {
            if !c
                .name
                .as_deref()
                .is_some_and(|n| n.to_lowercase().contains(s.as_str()))
            {
                return Ok(false);
            }
        }
        if let Some(want) = f.archived {
            match c.archived {
                Some(a) if a != want => return Ok(false),
                Some(_) => {}
                None => {
                    return Err(ProviderError::unsupported(format!(
                        "{} does not report whether chat {} is archived, so --archived cannot be applied",
                        gateway, c.id
                    )))
                }
            }
        }
        if let Some(min) = f.min_unread {
            if c.unread_count.is_none_or(|n| n < min) {
                return Ok(false);
            }
        }
        if let Some(before) = f.waited_since {
            if c.last_activity_at.is_none_or(|t| t >= before) {
                return Ok(false);
            }
        }
        if let (Some(since), Some(t)) = (f.active_since, c.last_activity_at) {
            if t < since {
                return Ok(false);
            }
        }
        if f.incoming_last && !awaits_reply(c, f.active_since) {
            return Ok(false);
        }
        Ok(true)
    }

    /// Whether any filter is set (rows may be dropped).
    pub fn active(&self) -> bool {
        let f = self;
        !f.kinds.is_empty()
            || f.search.is_some()
            || f.archived.is_some()
            || f.min_unread.is_some()
            || f.waited_since.is_some()
            || f.active_since.is_some()
            || f.incoming_last
    }
}

/// `chats waiting`: the last message is known, incoming, and (with `since`)
/// arrived at or after `since`.
pub fn awaits_reply(c: &Chat, since: Option<Timestamp>) -> bool {
    let Some(m) = c.last_message.as_ref().filter(|m| m.from_me == Some(false)) else {
        return false;
    };
    match (since, m.at.or(c.last_activity_at)) {
        (None, _) => true,
        (Some(since), Some(at)) => at >= since,
        (Some(_), None) => false,
    }
}

/// Stable sort; chats without the key (no activity time, no name) always last.
pub fn sort_chats(chats: &mut [Chat], key: SortKey, order: Order) {
    fn cmp_opt<T: Ord>(a: Option<T>, b: Option<T>, order: Order) -> std::cmp::Ordering {
        use std::cmp::Ordering::*;
        match (a, b) {
            (Some(a), Some(b)) if order == Order::Asc => a.cmp(&b),
            (Some(a), Some(b)) => b.cmp(&a),
            (Some(_), None) => Less,
            (None, Some(_)) => Greater,
            (None, None) => Equal,
        }
    }
    chats.sort_by(|a, b| match key {
        SortKey::Activity => cmp_opt(a.last_activity_at, b.last_activity_at, order),
        SortKey::Name => cmp_opt(
            a.name.as_ref().map(|n| n.to_lowercase()),
            b.name.as_ref().map(|n| n.to_lowercase()),
            order,
        ),
        SortKey::Id => cmp_opt(Some(&a.id), Some(&b.id), order),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chat(id: &str, name: Option<&str>, at: Option<i64>) -> Chat {
        let mut c = Chat::new("p", "t", id).with_name(name.map(str::to_owned));
        c.last_activity_at = at.and_then(Timestamp::from_secs);
        c
    }

    #[test]
    fn awaiting_a_reply_needs_a_known_incoming_last_message_inside_the_window() {
        use crate::chat::LastMessage;
        let with = |from_me: Option<bool>, at: i64| {
            let mut c = chat("1@c.us", None, Some(at));
            c.last_message = Some(LastMessage {
                from_me,
                at: Timestamp::from_secs(at),
                ..Default::default()
            });
            c
        };
        let since = Timestamp::from_secs(100);
        assert!(awaits_reply(&with(Some(false), 100), since));
        assert!(
            !awaits_reply(&with(Some(false), 99), since),
            "outside the window"
        );
        assert!(!awaits_reply(&with(Some(true), 200), since), "we answered");
        assert!(
            !awaits_reply(&with(None, 200), since),
            "unknown is not waiting"
        );
        assert!(
            !awaits_reply(&chat("1@c.us", None, Some(200)), since),
            "no last message"
        );
        assert!(awaits_reply(&with(Some(false), 1), None));
    }

    #[test]
    fn sorting_keeps_unknowns_last_and_is_stable() {
        let mut v = vec![
            chat("1@c.us", Some("b"), None),
            chat("2@c.us", Some("a"), Some(10)),
            chat("3@c.us", None, Some(20)),
            chat("4@c.us", Some("c"), None),
        ];
        sort_chats(&mut v, SortKey::Activity, Order::Desc);
        assert_eq!(v.iter().map(|c| &c.id[..1]).collect::<String>(), "3214");
        sort_chats(&mut v, SortKey::Activity, Order::Asc);
        assert_eq!(v.iter().map(|c| &c.id[..1]).collect::<String>(), "2314");
        sort_chats(&mut v, SortKey::Name, Order::Asc);
        assert_eq!(v.iter().map(|c| &c.id[..1]).collect::<String>(), "2143");
    }
}
