//! The mark-read operation (`chats read`, MESSAGES.md §1.2): what a gateway did for one chat
//! (`ReadOutcome`: receipts or only a counter, how many messages, every write it sent), the
//! `Writes` a gateway sends through (so `--dry-run` lists them and sends none), and the choice
//! of messages on gateways that mark single messages (GOWA, Evolution).

use serde::de::DeserializeOwned;

use super::http::{Http, Req};
use super::ProviderError;

/// What a gateway did (or, in a dry run, would do) for one chat. Gateways return it; only
/// `output/` turns it into words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOutcome {
    /// Each write, as `METHOD /path?query body` with secrets redacted, in the order sent.
    pub calls: Vec<String>,
    /// How many messages were marked; `None` when the gateway marks the whole chat.
    pub messages: Option<usize>,
    /// WhatsApp read receipts (blue ticks) went to the sender.
    pub receipts: bool,
    /// The gateway's own unread counter was reset.
    pub counter_reset: bool,
    /// The gateway did not confirm it (Green API `setRead` other than `true`).
    pub unconfirmed: bool,
    /// What else the user should know (GOWA in groups, WAHA's 7-day window, a capped loop).
    pub notes: Vec<String>,
}

impl ReadOutcome {
    /// Nothing needed marking: no write was (or would be) sent.
    pub fn nothing(&self) -> bool {
        self.calls.is_empty()
    }
}

/// The writes of one `chats read` for one chat: sent, or (dry run) only listed.
pub struct Writes {
    dry_run: bool,
    calls: Vec<String>,
}

impl Writes {
    pub fn new(dry_run: bool) -> Writes {
        Writes {
            dry_run,
            calls: Vec::new(),
        }
    }

    pub fn dry_run(&self) -> bool {
        self.dry_run
    }

    /// Send `req` and parse its answer; in a dry run only note it and return `None`.
    pub async fn send<T: DeserializeOwned>(
        &mut self,
        http: &Http,
        req: Req,
    ) -> Result<Option<T>, ProviderError> {
        self.calls.push(req.describe());
        if self.dry_run {
            return Ok(None);
        }
        http.json(req).await.map(Some)
    }

    /// Send `req`, whose answer carries nothing to read; in a dry run only note it.
    pub async fn send_only(&mut self, http: &Http, req: Req) -> Result<(), ProviderError> {
        self.calls.push(req.describe());
        if self.dry_run {
            return Ok(());
        }
        http.write(req).await
    }

    /// The writes noted so far.
    pub fn into_calls(self) -> Vec<String> {
        self.calls
    }
}

/// How many incoming messages a gateway that marks one message per call (GOWA) or lists keys
/// (Evolution) looks at: the first page, newest first.
pub const PAGE: u32 = 50;
/// At most this many messages are marked per chat on GOWA (one call each).
pub const MAX_MESSAGES: usize = 20;

/// The incoming items newer than the newest own one, newest first (`items` come newest
/// first): what is unread on a gateway that keeps no read state (MESSAGES.md §5, §8).
pub fn after_last_reply<T>(items: Vec<T>, from_me: impl Fn(&T) -> Option<bool>) -> Vec<T> {
    items
        .into_iter()
        .take_while(|m| from_me(m) != Some(true))
        .filter(|m| from_me(m) == Some(false))
        .collect()
}

/// The `Provider::mark_read` of a gateway whose mark-read operation lives in its `read`
/// module as `self.read_chat(…)`.
macro_rules! mark_read_operation {
    () => {
        async fn mark_read(
            &self,
            chat_id: &str,
            w: &mut $crate::provider::Writes,
        ) -> Result<$crate::provider::ReadOutcome, $crate::provider::ProviderError> {
            self.read_chat(chat_id, w).await
        }
    };
}
pub(crate) use mark_read_operation;

#[cfg(test)]
mod tests;
