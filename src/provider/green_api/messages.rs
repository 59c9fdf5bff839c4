//! Green API's `getChatHistory` (MESSAGES.md §4.1): one read-only POST for
//! the last `count` messages, newest first — there is no next page, so the
//! command refuses what would need one (`--all`). Paced like every Green call;
//! a 200 `{"code": 401, …}` is an auth failure, not an answer.

use super::{wire, GreenApi, GATEWAY, NAME};
use crate::message::{Media, Message, MessageKind, Status};
use crate::provider::messages::{bad, Arrival, FromMeFilter};
use crate::provider::stamp;
use crate::provider::{
    Class, MessageCapabilities, MessagePage, MessageQuery, PageAt, Paging, ProviderError,
};
use crate::time::Unit;

const ENDPOINT: &str = "POST getChatHistory";
/// The gateway's default `count`; always sent (its default would be 100 anyway).
pub(super) const DEFAULT_COUNT: u32 = 100;

pub(super) fn capabilities() -> MessageCapabilities {
    MessageCapabilities {
        gateway: GATEWAY,
        paging: Paging::Single,
        max_page_size: u32::MAX,
        short_page_ends: true,
        whole_pages: false,
        filter_time: false,
        filter_from_me: FromMeFilter::None,
        arrival: Arrival::NewestFirst,
        dm_server: "c.us",
        empty_hint: Some(
            "Green API keeps history only from when \"Receive webhooks on incoming messages \
             and files\" was enabled on the instance",
        ),
    }
}

impl GreenApi {
    /// The last `count` messages (`at` is always `PageAt::Single`).
    pub(super) async fn message_page(
        &self,
        q: &MessageQuery,
        _at: PageAt,
        count: Option<u32>,
    ) -> Result<MessagePage, ProviderError> {
        let count = count.unwrap_or(DEFAULT_COUNT).max(1);
        let body = serde_json::json!({ "chatId": q.chat_id, "count": count });
        let entries = match self.post("getChatHistory", &body, count as usize).await? {
            wire::History::Entries(entries) => entries,
            // The Go SDK's rule: this 200 body is a 401.
            wire::History::Object(Some(401)) => {
                return Err(ProviderError::Status {
                    gateway: GATEWAY,
                    endpoint: ENDPOINT.to_owned(),
                    status: 401,
                    class: Class::Auth,
                    message: "Unauthorized (a 200 answer saying 401); check api_token_instance"
                        .to_owned(),
                    code: Some("401".to_owned()),
                })
            }
            wire::History::Object(_) => {
                return Err(bad(
                    GATEWAY,
                    ENDPOINT,
                    "an object where a list of messages belongs",
                ))
            }
        };
        MessagePage::mapped((GATEWAY, ENDPOINT), entries, |e| {
            message(&self.profile, &q.chat_id, e)
        })
    }
}

fn kind(t: &str) -> MessageKind {
    match t {
        "textMessage" | "extendedTextMessage" | "quotedMessage" => MessageKind::Text,
        "imageMessage" => MessageKind::Image,
        "videoMessage" => MessageKind::Video,
        "audioMessage" => MessageKind::Audio,
        "documentMessage" => MessageKind::Document,
        "stickerMessage" => MessageKind::Sticker,
        "locationMessage" => MessageKind::Location,
        "contactMessage" | "contactsArrayMessage" => MessageKind::Contact,
        "pollMessage" => MessageKind::Poll,
        "reactionMessage" => MessageKind::Reaction,
        other => {
            crate::diag::trace(&format!(
                "{GATEWAY} message type \"{other}\" shown as `other`"
            ));
            MessageKind::Other
        }
    }
}

/// A history entry onto the record; `Err` names what makes it unusable.
pub(super) fn message(profile: &str, chat: &str, e: wire::Entry) -> Result<Message, String> {
    let id = e
        .id_message
        .filter(|i| !i.trim().is_empty())
        .ok_or("a message without an `idMessage`")?;
    let chat_id = e
        .chat_id
        .filter(|c| !c.trim().is_empty())
        .unwrap_or_else(|| chat.to_owned());
    let mut m = Message::new(profile, NAME, &chat_id, &id);
    m.at = stamp::epoch(GATEWAY, "timestamp", e.timestamp, Unit::Secs);
    m.from_me = match e.direction.as_deref() {
        Some("outgoing") => Some(true),
        Some("incoming") => Some(false),
        _ => None,
    };
    if m.from_me == Some(false) {
        m.sender = e.sender_id;
        m.sender_name = e
            .sender_contact_name
            .filter(|n| !n.trim().is_empty())
            .or(e.sender_name);
    }
    m.kind = e.type_message.as_deref().map_or(MessageKind::Other, kind);
    if m.kind.is_media() {
        m.media = Some(Media::default());
    }
    let ext = e.extended_text_message;
    m.text = e
        .text_message
        .filter(|t| !t.is_empty())
        .or_else(|| {
            ext.as_ref()
                .and_then(|x| x.text.clone())
                .filter(|t| !t.is_empty())
        })
        .or(e.caption);
    m.reply_to = e
        .quoted_message
        .and_then(|q| q.stanza_id)
        .filter(|s| !s.is_empty())
        .or_else(|| ext.and_then(|x| x.stanza_id));
    m.status = e.status_message.as_deref().and_then(|s| match s {
        "pending" | "sent" | "delivered" | "read" => Status::parse(s),
        _ => None,
    });
    m.edited = e.is_edited;
    m.deleted = e.is_deleted;
    Ok(m.finish())
}

#[cfg(test)]
mod tests;

impl GreenApi {
    /// Every message of the journals over the last `since` (MESSAGES.md §4.3), incoming and,
    /// unless `incoming_only`, outgoing — what `watch` polls: a read, never the notification
    /// queue (`receiveNotification` / `deleteNotification` would take events from other consumers).
    pub async fn journal_messages(
        &self,
        since: std::time::Duration,
        incoming_only: bool,
    ) -> Result<Vec<Message>, ProviderError> {
        let minutes = since.as_secs().div_ceil(60).max(1).to_string();
        let q = [("minutes", minutes)];
        let mut entries: Vec<wire::Entry> = self
            .call::<super::List<wire::Entry>>("lastIncomingMessages", &q, super::MAX_ENTRIES)
            .await?
            .0;
        if !incoming_only {
            let outgoing: super::List<wire::Entry> = self
                .call("lastOutgoingMessages", &q, super::MAX_ENTRIES)
                .await?;
            entries.extend(outgoing.0);
        }
        let endpoint = "GET lastIncomingMessages";
        entries
            .into_iter()
            .map(|e| message(&self.profile, "", e).map_err(|d| bad(GATEWAY, endpoint, d)))
            .collect()
    }
}
