//! WAHA's `GET /api/{session}/chats/{chatId}/messages` (MESSAGES.md §7.1):
//! offset paging without a total where short pages are not the end (each
//! engine drops messages after paging: the next offset is offset + limit, and
//! only an empty page ends). `downloadMedia=false` always (its default is
//! `true`); times (seconds, inclusive) and direction go to the server. Never
//! the `DELETE` on the same path: that clears the chat.

use super::engine::{Dialect, Items};
use super::message::{message, WaMessage};
use super::{Waha, GATEWAY, MAX_LIST_PAGE};
use crate::provider::messages::{Arrival, FromMeFilter};
use crate::provider::{
    path_segment, MessageCapabilities, MessagePage, MessageQuery, PageAt, Paging, ProviderError,
};

const ENDPOINT: &str = "GET /api/{session}/chats/{chatId}/messages";

/// WAHA's and Wawp's shared answer, mapped; `d` says which.
pub(in crate::provider) fn records(
    profile: &str,
    (d, endpoint): (Dialect, &str),
    chat: &str,
    items: Items<WaMessage>,
) -> Result<MessagePage, ProviderError> {
    MessagePage::mapped((d.gateway(), endpoint), items.0, |w| {
        message(profile, d, chat, w)
    })
}

pub(in crate::provider) fn capabilities() -> MessageCapabilities {
    MessageCapabilities {
        gateway: GATEWAY,
        paging: Paging::Offset { total: false },
        max_page_size: MAX_LIST_PAGE,
        short_page_ends: false,
        whole_pages: false,
        filter_time: true,
        filter_from_me: FromMeFilter::Both,
        arrival: Arrival::NewestFirst,
        dm_server: "c.us",
        empty_hint: None,
    }
}

impl Waha {
    pub(super) async fn message_page(
        &self,
        q: &MessageQuery,
        at: PageAt,
        size: Option<u32>,
    ) -> Result<MessagePage, ProviderError> {
        let limit = size.unwrap_or(MAX_LIST_PAGE).clamp(1, MAX_LIST_PAGE);
        let req = self
            .req(&format!("/chats/{}/messages", path_segment(&q.chat_id)))
            .query("limit", limit)
            .query("offset", at.offset())
            .query("downloadMedia", "false")
            .query("sortBy", "timestamp")
            .query("sortOrder", "desc")
            .query_opt("filter.timestamp.gte", q.since.map(|t| t.secs()))
            .query_opt("filter.timestamp.lte", q.until.map(|t| t.secs()))
            .query_opt("filter.fromMe", q.from_me);
        let items: Items<WaMessage> = self.http.json_page(req, limit).await?;
        records(&self.profile, (Dialect::Waha, ENDPOINT), &q.chat_id, items)
    }
}

#[cfg(test)]
mod tests;
