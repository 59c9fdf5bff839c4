//! What changed in a profile's chats since the last look, found the way
//! `watch` finds it (MESSAGES.md §1.4): the chat list's first page by
//! activity, one request, compared with what the previous look saw. A poll
//! then fetches the overview of the chats down to the last one changed
//! rather than the whole list: a quiet `--interval` costs one request, where
//! fetching the list again cost `--limit` chats' worth (on GOWA, whose
//! overview needs a call per chat, 101 requests every 30 s).
//!
//! Where no comparison can be made — no earlier look, a gateway that lists
//! every chat in one call without activity times (Green API), or every chat
//! on the page changed — the answer is `Unknown`, and the list is fetched
//! whole as before.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::chat::Chat;
use crate::command::watch::PAGE;
use crate::provider::paging::{Chats, Pager};
use crate::provider::{AnyProvider, PageAt, Paging, ProviderError, Query, View};
use crate::time::Timestamp;

/// What a look found.
#[derive(Debug, PartialEq, Eq)]
pub enum Change {
    /// Nothing since the last look.
    None,
    /// The first `n` chats by activity hold every change.
    Top(usize),
    /// No comparison could be made: fetch the list whole.
    Unknown,
}

/// A chat as a look saw it: what moves when something happens in it.
type Mark = (Option<Timestamp>, Option<u64>);

/// Each profile's chats as the last look saw them.
#[derive(Default)]
pub struct Activity {
    seen: RefCell<HashMap<usize, HashMap<String, Mark>>>,
}

impl Activity {
    /// Look at profile `i`'s first page by activity, compare it with the
    /// last look, and remember it for the next one.
    pub async fn look(&self, i: usize, provider: &AnyProvider) -> Result<Change, ProviderError> {
        let caps = provider.capabilities(View::List);
        if caps.paging == Paging::Single {
            return Ok(Change::Unknown);
        }
        let query = Query::list(crate::config::defaults::SINCE);
        let source = Chats::new(provider, &query);
        let size = PAGE.min(caps.max_page_size);
        let mut pager = Pager::new(&source, PageAt::first(caps.paging), size, 1);
        let page = match pager.next(Some(PAGE as usize), false).await {
            Ok(page) => page.unwrap_or_default(),
            Err(e) => {
                self.forget(i);
                return Err(e);
            }
        };
        let now = page.iter().map(|c| (c.id.clone(), mark(c))).collect();
        let before = self.seen.borrow_mut().insert(i, now);
        Ok(compare(before.as_ref(), &page))
    }

    /// The next look of profile `i` starts afresh (its answer is `Unknown`).
    pub fn forget(&self, i: usize) {
        self.seen.borrow_mut().remove(&i);
    }
}

fn mark(c: &Chat) -> Mark {
    (c.last_activity_at, c.unread_count)
}

/// What changed on `page` (the gateway's activity order) since `before`.
fn compare(before: Option<&HashMap<String, Mark>>, page: &[Chat]) -> Change {
    let Some(before) = before else {
        return Change::Unknown;
    };
    if !page.is_empty() && page.iter().all(|c| c.last_activity_at.is_none()) {
        return Change::Unknown;
    }
    let changed: Vec<usize> = (0..page.len())
        .filter(|&n| before.get(&page[n].id) != Some(&mark(&page[n])))
        .collect();
    match changed.last() {
        None => Change::None,
        Some(_) if changed.len() == page.len() => Change::Unknown,
        // A chat read elsewhere keeps its place: the fetch reaches down to it.
        Some(&last) => Change::Top(last + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chat(id: &str, at: i64, unread: u64) -> Chat {
        let mut c = Chat::new("p", "gowa", id);
        c.last_activity_at = Timestamp::from_secs(at);
        c.unread_count = Some(unread);
        c
    }

    fn page(n: usize) -> Vec<Chat> {
        (0..n)
            .map(|k| chat(&format!("{k}@s.whatsapp.net"), 10_000 - k as i64, 0))
            .collect()
    }

    fn seen(page: &[Chat]) -> HashMap<String, Mark> {
        page.iter().map(|c| (c.id.clone(), mark(c))).collect()
    }

    #[test]
    fn a_quiet_page_is_no_change_and_the_first_look_is_unknown() {
        let p = page(50);
        assert_eq!(compare(Some(&seen(&p)), &p), Change::None);
        assert_eq!(compare(None, &p), Change::Unknown);
        assert_eq!(compare(Some(&seen(&p)), &[]), Change::None);
    }

    #[test]
    fn new_activity_and_new_chats_are_fetched_down_to_the_last_changed() {
        let before = page(50);
        let mut now = before.clone();
        // A message in chat 7 moves it to the top.
        let mut moved = now.remove(7);
        moved.last_activity_at = Timestamp::from_secs(20_000);
        now.insert(0, moved);
        assert_eq!(compare(Some(&seen(&before)), &now), Change::Top(1));
        // A chat never seen before, second.
        now.insert(1, chat("new@s.whatsapp.net", 19_000, 1));
        now.pop();
        assert_eq!(compare(Some(&seen(&before)), &now), Change::Top(2));
    }

    #[test]
    fn a_chat_read_elsewhere_keeps_its_place_and_is_reached() {
        let before = page(50);
        let mut now = before.clone();
        now[30].unread_count = Some(3);
        assert_eq!(compare(Some(&seen(&before)), &now), Change::Top(31));
    }

    #[test]
    fn a_page_that_changed_whole_or_has_no_times_is_unknown() {
        let before = page(50);
        let now: Vec<Chat> = (0..50)
            .map(|k| chat(&format!("x{k}@s.whatsapp.net"), 30_000 - k, 1))
            .collect();
        assert_eq!(compare(Some(&seen(&before)), &now), Change::Unknown);
        let mut timeless = page(5);
        for c in &mut timeless {
            c.last_activity_at = None;
        }
        assert_eq!(compare(Some(&seen(&timeless)), &timeless), Change::Unknown);
    }
}
