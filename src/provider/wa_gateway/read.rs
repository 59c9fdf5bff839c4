//! The WhatsApp Gateway's mark read (MESSAGES.md §6.2): `POST …/chats/{cid}/read` zeroes the
//! gateway's own unread counter and sends **no** WhatsApp read receipt; it needs a key with the
//! `send` capability.

use serde_json::Value;

use super::WaGateway;
use crate::provider::{path_segment, ProviderError, ReadOutcome, Writes};

impl WaGateway {
    pub(super) async fn read_chat(
        &self,
        chat_id: &str,
        w: &mut Writes,
    ) -> Result<ReadOutcome, ProviderError> {
        let req = self
            .req(&format!("/chats/{}/read", path_segment(chat_id)))
            .into_post()
            .idempotent();
        w.send::<Value>(&self.http, req).await.map_err(needs_send)?;
        Ok(ReadOutcome {
            counter_reset: true,
            ..ReadOutcome::default()
        })
    }
}

/// A 403 here is a key without `send`: say so.
fn needs_send(e: ProviderError) -> ProviderError {
    match e {
        ProviderError::Status {
            gateway,
            endpoint,
            status: 403,
            class,
            message,
            code,
        } => ProviderError::Status {
            gateway,
            endpoint,
            status: 403,
            class,
            message: format!(
                "{message}; this key lacks the `send` capability that mark read needs"
            ),
            code,
        },
        e => e,
    }
}
