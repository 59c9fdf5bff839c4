//! The messages operation (`messages list CHAT`, MESSAGES.md §1.1): what a
//! gateway is asked (`MessageQuery`), what it can do itself
//! (`MessageCapabilities`, so every option is applied there, here, or refused),
//! what it returns (`MessagePage`), and the pager source over it.

use super::paging::{Batch, Source};
use super::{AnyProvider, PageAt, Paging, ProviderError};
use crate::message::Message;
use crate::time::Timestamp;

/// What the gateway is asked to apply itself. Only filters its capabilities
/// say it applies are set; the command applies every filter again, exactly.
#[derive(Debug, Clone)]
pub struct MessageQuery {
    /// The chat in the gateway's own spelling (MESSAGES.md §0.9).
    pub chat_id: String,
    /// Oldest time wanted, inclusive.
    pub since: Option<Timestamp>,
    /// Newest time wanted, inclusive (`--before T` asks for `T − 1 s`).
    pub until: Option<Timestamp>,
    /// Only own (`true`) or only incoming (`false`) messages.
    pub from_me: Option<bool>,
}

impl MessageQuery {
    pub fn new(chat_id: &str) -> MessageQuery {
        MessageQuery {
            chat_id: chat_id.to_owned(),
            since: None,
            until: None,
            from_me: None,
        }
    }

    /// Whether any server-side filter is set (a gateway's total then no longer applies).
    pub fn filtered(&self) -> bool {
        self.since.is_some() || self.until.is_some() || self.from_me.is_some()
    }
}

/// Which direction filter a gateway applies server-side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FromMeFilter {
    None,
    /// Only `from_me = true` (Evolution ignores `false`).
    OnlyOwn,
    Both,
}

/// The order messages arrive in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrival {
    /// By time, newest first.
    NewestFirst,
    /// In the order the gateway stored them (WhatsApp Gateway): re-sorted by time here.
    InsertOrder,
}

/// What a gateway can do for `messages list`.
#[derive(Debug, Clone, Copy)]
pub struct MessageCapabilities {
    /// Human name for messages ("GOWA", "Green API").
    pub gateway: &'static str,
    pub paging: Paging,
    pub max_page_size: u32,
    /// A short page is the end (false on WAHA and Wawp, MESSAGES.md §0.3).
    pub short_page_ends: bool,
    /// Pages must all have the same size (Evolution's `page` × page size).
    pub whole_pages: bool,
    /// `since`/`until` applied by the gateway.
    pub filter_time: bool,
    pub filter_from_me: FromMeFilter,
    pub arrival: Arrival,
    /// The server part of a direct chat's id in this gateway's spelling.
    pub dm_server: &'static str,
    /// Said on stderr when a listing comes back empty (where history starts).
    pub empty_hint: Option<&'static str>,
}

/// One page of messages, already mapped onto the record.
#[derive(Debug, Default)]
pub struct MessagePage {
    pub messages: Vec<Message>,
    pub total: Option<u64>,
    pub next_cursor: Option<String>,
    /// Insert-order gateways: no message on a later page is newer than this
    /// (MESSAGES.md §6.1; `reorder.rs` in the command restores time order by it).
    pub ceiling: Option<Timestamp>,
}

/// A chat's messages as a pager source.
pub struct Messages<'a> {
    pub provider: &'a AnyProvider,
    pub query: &'a MessageQuery,
    pub caps: MessageCapabilities,
}

impl Source for Messages<'_> {
    type Item = Message;

    fn gateway(&self) -> &'static str {
        self.caps.gateway
    }

    fn noun(&self) -> &'static str {
        "messages"
    }

    fn paging(&self) -> Paging {
        self.caps.paging
    }

    fn throttle_count(&self) -> u32 {
        self.provider.throttle_count()
    }

    fn id(item: &Message) -> &str {
        &item.id
    }

    fn short_page_ends(&self) -> bool {
        self.caps.short_page_ends
    }

    async fn fetch(&self, at: PageAt, size: Option<u32>) -> Result<Batch<Message>, ProviderError> {
        let page = self.provider.messages(self.query, at, size).await?;
        Ok(Batch {
            items: page.messages,
            total: page.total,
            next_cursor: page.next_cursor,
            ceiling: page.ceiling,
        })
    }
}

impl MessagePage {
    /// A page without a total or cursor: each wire message `w` mapped by `f`;
    /// the first one `f` cannot map makes the answer unreadable.
    pub fn mapped<W>(
        (gateway, endpoint): (&'static str, &str),
        wire: impl IntoIterator<Item = W>,
        f: impl FnMut(W) -> Result<Message, String>,
    ) -> Result<MessagePage, ProviderError> {
        Ok(MessagePage {
            messages: wire
                .into_iter()
                .map(f)
                .collect::<Result<_, _>>()
                .map_err(|d| bad(gateway, endpoint, d))?,
            total: None,
            next_cursor: None,
            ceiling: None,
        })
    }
}

/// The `Provider` methods of a gateway whose messages operation lives in its
/// `messages` module: `messages::capabilities()` and `self.message_page(…)`.
macro_rules! messages_operation {
    () => {
        fn message_capabilities(&self) -> $crate::provider::MessageCapabilities {
            messages::capabilities()
        }

        async fn messages(
            &self,
            q: &$crate::provider::MessageQuery,
            at: $crate::provider::PageAt,
            size: Option<u32>,
        ) -> Result<$crate::provider::MessagePage, $crate::provider::ProviderError> {
            self.message_page(q, at, size).await
        }
    };
}
pub(crate) use messages_operation;

/// An unreadable messages answer (a message without an id, and the like).
pub fn bad(gateway: &'static str, endpoint: &str, detail: impl Into<String>) -> ProviderError {
    ProviderError::BadResponse {
        gateway,
        endpoint: endpoint.to_owned(),
        detail: detail.into(),
    }
}
