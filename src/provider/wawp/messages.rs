//! Wawp's `GET /v2/chats/messages` (MESSAGES.md §3.1): WAHA's `WAMessage[]`
//! (UNCONFIRMED), as an array or a keyed object, paged like WAHA (short pages
//! are not the end) but with no server filters documented: times and
//! direction are applied by the command. Never asks for media downloads.

use super::{Wawp, GATEWAY, MAX_LIST_PAGE};
use crate::provider::messages::FromMeFilter;
use crate::provider::waha::engine::{Dialect, Items};
use crate::provider::waha::message::WaMessage;
use crate::provider::{MessageCapabilities, MessagePage, MessageQuery, PageAt, ProviderError};

const ENDPOINT: &str = "GET /v2/chats/messages";

pub(super) fn capabilities() -> MessageCapabilities {
    MessageCapabilities {
        gateway: GATEWAY,
        filter_time: false,
        filter_from_me: FromMeFilter::None,
        ..crate::provider::waha::message_capabilities()
    }
}

impl Wawp {
    pub(super) async fn message_page(
        &self,
        q: &MessageQuery,
        at: PageAt,
        size: Option<u32>,
    ) -> Result<MessagePage, ProviderError> {
        let limit = size.unwrap_or(MAX_LIST_PAGE).clamp(1, MAX_LIST_PAGE);
        let req = self
            .req("/v2/chats/messages")
            .query("chatId", &q.chat_id)
            .query("limit", limit)
            .query("offset", at.offset())
            .query("downloadMedia", "false");
        let items: Items<WaMessage> = self.http.json_page(req, limit).await?;
        crate::provider::waha::records(&self.profile, (Dialect::Wawp, ENDPOINT), &q.chat_id, items)
    }
}
