//! GOWA's mark read (MESSAGES.md §5.2): one `POST /message/{id}/read {"phone": <chat JID>}` per
//! message, and GOWA keeps no read state — so the incoming messages on the chat's first page that
//! are newer than the newest own message, newest first, at most `MAX_MESSAGES` of them.

use serde_json::json;

use super::Gowa;
use crate::provider::mark_read::{after_last_reply, MAX_MESSAGES, PAGE};
use crate::provider::{path_segment, MessageQuery, PageAt, ProviderError, ReadOutcome, Writes};

impl Gowa {
    pub(super) async fn read_chat(
        &self,
        chat_id: &str,
        w: &mut Writes,
    ) -> Result<ReadOutcome, ProviderError> {
        let page = self
            .message_page(&MessageQuery::new(chat_id), PageAt::Offset(0), Some(PAGE))
            .await?;
        let mut messages = page.messages;
        messages.sort_by_key(|m| std::cmp::Reverse(m.at));
        let mut picked = after_last_reply(messages, |m| m.from_me);
        let mut out = ReadOutcome {
            receipts: true,
            ..ReadOutcome::default()
        };
        if picked.len() > MAX_MESSAGES {
            out.notes.push(format!(
                "only the newest {MAX_MESSAGES} of {} unanswered incoming messages were marked",
                picked.len()
            ));
            picked.truncate(MAX_MESSAGES);
        }
        if picked.is_empty() {
            out.notes
                .push("no incoming message after your last reply".to_owned());
        } else if chat_id.ends_with("@g.us") {
            out.notes.push(
                "GOWA names the wrong participant in group receipts: the senders may not see \
                 blue ticks"
                    .to_owned(),
            );
        }
        for m in &picked {
            let req = self
                .req(format!("/message/{}/read", path_segment(&m.id)))
                .into_post()
                .json(&json!({ "phone": chat_id }))
                .idempotent();
            w.send_only(&self.http, req).await?;
        }
        out.messages = Some(picked.len());
        Ok(out)
    }
}
