//! Wawp's mark read (MESSAGES.md §3.2): `POST /v2/chats/read?chatId` without `messages`/`days`
//! (WAHA WEBJS underneath: the whole chat, read receipts sent); the answer is undocumented, so
//! any 2xx is success.

use super::Wawp;
use crate::provider::{ProviderError, ReadOutcome, Writes};

impl Wawp {
    pub(super) async fn read_chat(
        &self,
        chat_id: &str,
        w: &mut Writes,
    ) -> Result<ReadOutcome, ProviderError> {
        let req = self
            .req("/v2/chats/read")
            .query("chatId", chat_id)
            .into_post()
            .idempotent();
        w.send_only(&self.http, req).await?;
        Ok(ReadOutcome {
            receipts: true,
            ..ReadOutcome::default()
        })
    }
}
