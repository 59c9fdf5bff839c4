//! What the pager pages through: any listing a gateway hands out one page at a
//! time. `Chats` adapts `AnyProvider` + `Query`; a chat's messages are
//! `provider::messages::Messages`.

use crate::chat::Chat;
use crate::provider::{AnyProvider, PageAt, Paging, ProviderError, Query};
use crate::time::Timestamp;

/// One page as the pager sees it.
#[derive(Debug)]
pub struct Batch<T> {
    pub items: Vec<T>,
    /// The gateway's total count of items, where it reports one (0 = unknown).
    pub total: Option<u64>,
    pub next_cursor: Option<String>,
    /// A gateway that lists in insert order: no item after this page is newer
    /// than this (`None`: no bound known).
    pub ceiling: Option<Timestamp>,
}

/// A listing that comes one page at a time.
// NOTE: the futures need not be `Send`: everything runs inside one task.
#[allow(async_fn_in_trait)]
pub trait Source {
    type Item;
    /// The gateway's human name, for errors ("GOWA").
    fn gateway(&self) -> &'static str;
    /// What the items are called in messages ("chats").
    fn noun(&self) -> &'static str;
    fn paging(&self) -> Paging;
    /// 429s seen so far; read-ahead halves when this grows.
    fn throttle_count(&self) -> u32;
    /// The id an item is de-duplicated by.
    fn id(item: &Self::Item) -> &str;
    /// Whether a page shorter than asked for is the end. WAHA and Wawp drop
    /// messages after paging, so theirs are not (MESSAGES.md §0.3): the next
    /// offset is then `offset + size`, and only an empty page ends.
    fn short_page_ends(&self) -> bool {
        true
    }
    /// The page at `at`, of at most `size` items (`None` with `Paging::Single`: all).
    async fn fetch(
        &self,
        at: PageAt,
        size: Option<u32>,
    ) -> Result<Batch<Self::Item>, ProviderError>;
}

/// The chats of one view of one gateway.
pub struct Chats<'a> {
    provider: &'a AnyProvider,
    query: &'a Query,
}

impl<'a> Chats<'a> {
    pub fn new(provider: &'a AnyProvider, query: &'a Query) -> Chats<'a> {
        Chats { provider, query }
    }
}

impl Source for Chats<'_> {
    type Item = Chat;

    fn gateway(&self) -> &'static str {
        self.provider.gateway()
    }

    fn noun(&self) -> &'static str {
        "chats"
    }

    fn paging(&self) -> Paging {
        self.provider.capabilities(self.query.view).paging
    }

    fn throttle_count(&self) -> u32 {
        self.provider.throttle_count()
    }

    fn id(item: &Chat) -> &str {
        &item.id
    }

    async fn fetch(&self, at: PageAt, size: Option<u32>) -> Result<Batch<Chat>, ProviderError> {
        let page = self.provider.page(self.query, at, size).await?;
        Ok(Batch {
            items: page.chats,
            total: page.total,
            next_cursor: page.next_cursor,
            ceiling: None,
        })
    }
}
