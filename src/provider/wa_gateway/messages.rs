//! The WhatsApp Gateway's `GET …/chats/{cid}/messages` (MESSAGES.md §6.1):
//! an opaque cursor (the row id, sent back verbatim), rows in the order the
//! gateway stored them, so the command re-sorts by time. The message's id is
//! `waMessageId`; `id` is a row id used only for paging. A deleted row keeps
//! its body: the record drops it. No server filters exist. Since rows come
//! newest-stored first and a message is never stored before it was sent, each
//! page's oldest `createdAt` bounds the time of every row below it: that is
//! the page's `ceiling`, by which the command restores time order exactly
//! (`command/messages/reorder.rs`) and stops paging once past `--since`.

use super::{wire, WaGateway, GATEWAY, MAX_PAGE, NAME};
use crate::message::{Media, Message, MessageKind, Status};
use crate::provider::messages::{Arrival, FromMeFilter};
use crate::provider::stamp;
use crate::provider::{
    path_segment, MessageCapabilities, MessagePage, MessageQuery, PageAt, Paging, ProviderError,
};
use crate::time::{Timestamp, Unit};

const ENDPOINT: &str = "GET /api/v1/sessions/{session}/chats/{cid}/messages";

pub(super) fn capabilities() -> MessageCapabilities {
    MessageCapabilities {
        gateway: GATEWAY,
        paging: Paging::Cursor,
        max_page_size: MAX_PAGE,
        short_page_ends: true,
        whole_pages: false,
        filter_time: false,
        filter_from_me: FromMeFilter::None,
        arrival: Arrival::InsertOrder,
        dm_server: "s.whatsapp.net",
        empty_hint: None,
    }
}

impl WaGateway {
    pub(super) async fn message_page(
        &self,
        q: &MessageQuery,
        at: PageAt,
        size: Option<u32>,
    ) -> Result<MessagePage, ProviderError> {
        let cursor = match at {
            PageAt::Cursor(c) => c.filter(|c| !c.is_empty()),
            _ => None,
        };
        let limit = size.unwrap_or(MAX_PAGE).clamp(1, MAX_PAGE);
        let req = self
            .req(&format!("/chats/{}/messages", path_segment(&q.chat_id)))
            .query("limit", limit)
            .query_opt("cursor", cursor);
        let list: wire::MessageList = self.http.json_page(req, limit).await?;
        let rows = list.data.unwrap_or_default();
        let ceiling = ceiling(rows.0.iter().filter_map(|r| r.created_at));
        let page = MessagePage::mapped((GATEWAY, ENDPOINT), rows, |w| {
            message(&self.profile, &q.chat_id, w)
        })?;
        Ok(MessagePage {
            next_cursor: list.next_cursor.filter(|c| !c.is_empty()),
            ceiling,
            ..page
        })
    }
}

/// How far the gateway's clock may run behind WhatsApp's (a row's `timestamp`
/// is WhatsApp's, its `createdAt` the gateway's): a margin on the ceiling.
const CLOCK_SLACK_MS: i64 = 5 * 60 * 1000;

/// The newest time a row below this page can have: its oldest `createdAt`
/// (ms) plus the slack; `None` when no row says when it was stored.
fn ceiling(created_at: impl Iterator<Item = i64>) -> Option<Timestamp> {
    let oldest = created_at.filter(|&c| c > 0).min()?;
    Timestamp::from_millis(oldest.saturating_add(CLOCK_SLACK_MS))
}

fn kind(t: &str) -> MessageKind {
    match t {
        "text" => MessageKind::Text,
        "image" => MessageKind::Image,
        "video" => MessageKind::Video,
        "audio" => MessageKind::Audio,
        "document" => MessageKind::Document,
        "sticker" => MessageKind::Sticker,
        "location" => MessageKind::Location,
        "contact" => MessageKind::Contact,
        "poll" => MessageKind::Poll,
        "reaction" => MessageKind::Reaction,
        "system" => MessageKind::System,
        other => {
            crate::diag::trace(&format!(
                "{GATEWAY} message type \"{other}\" shown as `other`"
            ));
            MessageKind::Other
        }
    }
}

/// A `Message` row onto the record; `Err` names what makes it unusable.
pub(super) fn message(profile: &str, chat: &str, w: wire::Message) -> Result<Message, String> {
    let id = w
        .wa_message_id
        .filter(|i| !i.trim().is_empty())
        .ok_or("a message without a `waMessageId`")?;
    let chat_id = w
        .chat_jid
        .filter(|c| !c.trim().is_empty())
        .unwrap_or_else(|| chat.to_owned());
    let mut m = Message::new(profile, NAME, &chat_id, &id);
    m.at = stamp::epoch(GATEWAY, "timestamp", w.timestamp, Unit::Millis);
    m.from_me = w.from_me;
    m.sender = w.sender_jid.or(w.sender_lid);
    m.sender_name = w.sender_name;
    m.kind = w.kind.as_deref().map_or(MessageKind::Other, kind);
    m.text = w.body;
    if w.has_media == Some(true) {
        let media = w.media.unwrap_or_default();
        m.media = Some(Media {
            mimetype: media.mimetype,
            filename: media.filename,
            size: media.size,
        });
    }
    m.reply_to = w.quoted_message_id;
    m.status = w.status.as_deref().and_then(Status::parse);
    m.edited = w.edited;
    m.deleted = w.deleted;
    Ok(m.finish())
}

#[cfg(test)]
mod tests;
