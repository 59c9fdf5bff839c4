//! WAHA's mark read (MESSAGES.md §7.3): `POST /api/{session}/chats/{chatId}/messages/read`
//! without parameters. WEBJS marks the whole chat and answers `{"ids": null}`; NOWEB and GOWS
//! mark up to 30 (direct) / 100 (group) unread incoming messages of the last 7 days and answer
//! their ids, so the call is repeated until `ids` is empty — at most `MAX_ROUNDS` times.

use serde_json::Value;

use super::{path_segment, Engine, Waha, GATEWAY};
use crate::provider::{ProviderError, ReadOutcome, Writes};

/// Calls per chat on NOWEB/GOWS before giving up (and saying so).
pub const MAX_ROUNDS: usize = 10;

impl Waha {
    pub(super) async fn read_chat(
        &self,
        chat_id: &str,
        w: &mut Writes,
    ) -> Result<ReadOutcome, ProviderError> {
        let tail = format!("/chats/{}/messages/read", path_segment(chat_id));
        let mut out = ReadOutcome {
            receipts: true,
            ..ReadOutcome::default()
        };
        let mut marked = 0;
        for round in 1..=MAX_ROUNDS {
            let req = self.req(&tail).into_post().idempotent();
            let Some(answer) = w.send::<Value>(&self.http, req).await? else {
                if self.engine != Engine::Webjs {
                    out.notes.push(format!(
                        "on NOWEB and GOWS the call is repeated until {GATEWAY} answers no ids \
                         (at most {MAX_ROUNDS} calls)"
                    ));
                }
                return Ok(out);
            };
            let ids = match &answer["ids"] {
                // WEBJS: the whole chat.
                Value::Null => return Ok(out),
                Value::Array(ids) => ids.len(),
                _ => 0,
            };
            if ids == 0 {
                break;
            }
            marked += ids;
            if round == MAX_ROUNDS {
                out.notes.push(format!(
                    "stopped after {MAX_ROUNDS} calls; unread messages may remain: run it again"
                ));
            }
        }
        if marked == 0 {
            out.notes.push(format!(
                "{GATEWAY} found no unread incoming message of the last 7 days"
            ));
        }
        out.messages = Some(marked);
        Ok(out)
    }
}
