//! GOWA's `GET /chat/{chat_jid}/messages` (MESSAGES.md §5.1): offset paging,
//! newest first, with a total that ignores filters (so it is used only
//! without them). Times, direction go to the server (`start_time`/`end_time`
//! inclusive RFC 3339 built here, `is_from_me`); the text search is never
//! used (it ignores offset and every other filter). No status, reply, edit or
//! delete flags exist in this list: those stay null.

use super::{wire, Gowa, GATEWAY, MAX_PAGE, NAME};
use crate::message::{Media, Message, MessageKind};
use crate::provider::messages::{bad, Arrival, FromMeFilter};
use crate::provider::{
    path_segment, MessageCapabilities, MessagePage, MessageQuery, PageAt, Paging, ProviderError,
};
use crate::time::Timestamp;

pub(super) const ENDPOINT: &str = "GET /chat/{chat_jid}/messages";

pub(super) fn capabilities() -> MessageCapabilities {
    MessageCapabilities {
        gateway: GATEWAY,
        paging: Paging::Offset { total: true },
        max_page_size: MAX_PAGE,
        short_page_ends: true,
        whole_pages: false,
        filter_time: true,
        filter_from_me: FromMeFilter::Both,
        arrival: Arrival::NewestFirst,
        dm_server: "s.whatsapp.net",
        empty_hint: Some("GOWA lists only the messages this device has seen or synced"),
    }
}

impl Gowa {
    pub(super) async fn message_page(
        &self,
        q: &MessageQuery,
        at: PageAt,
        size: Option<u32>,
    ) -> Result<MessagePage, ProviderError> {
        let limit = size.unwrap_or(MAX_PAGE).clamp(1, MAX_PAGE);
        let req = self
            .req(format!("/chat/{}/messages", path_segment(&q.chat_id)))
            .query("limit", limit)
            .query("offset", at.offset())
            .query_opt("start_time", q.since.map(|t| t.to_rfc3339()))
            .query_opt("end_time", q.until.map(|t| t.to_rfc3339()))
            .query_opt("is_from_me", q.from_me);
        let env: wire::Envelope<wire::MessageList> = self.http.json_page(req, limit).await?;
        let list = env
            .results
            .ok_or_else(|| bad(GATEWAY, ENDPOINT, "the answer has no `results`"))?;
        let page = MessagePage::mapped((GATEWAY, ENDPOINT), list.data, |w| {
            message(&self.profile, &q.chat_id, w)
        })?;
        Ok(MessagePage {
            // The total counts the whole chat whatever the filters.
            total: list
                .pagination
                .and_then(|p| p.total)
                .filter(|_| !q.filtered()),
            ..page
        })
    }
}

fn kind(media_type: &str) -> MessageKind {
    match media_type {
        "" => MessageKind::Text,
        "image" => MessageKind::Image,
        "video" | "video_note" => MessageKind::Video,
        "audio" => MessageKind::Audio,
        "document" => MessageKind::Document,
        "sticker" => MessageKind::Sticker,
        "call" => MessageKind::Call,
        other => {
            crate::diag::trace(&format!("GOWA message type \"{other}\" shown as `other`"));
            MessageKind::Other
        }
    }
}

/// A `ChatMessage` onto the record; `Err` names what makes it unusable.
pub(super) fn message(profile: &str, chat: &str, w: wire::Message) -> Result<Message, String> {
    let id =
        w.id.filter(|i| !i.trim().is_empty())
            .ok_or("a message without an `id`")?;
    let chat_id = w
        .chat_jid
        .filter(|c| !c.trim().is_empty())
        .unwrap_or_else(|| chat.to_owned());
    let mut m = Message::new(profile, NAME, &chat_id, &id);
    m.at = w.timestamp.as_deref().and_then(Timestamp::parse_rfc3339);
    m.from_me = w.is_from_me;
    let media_type = w.media_type.unwrap_or_default();
    m.kind = kind(media_type.trim());
    if !matches!(media_type.trim(), "" | "call") {
        m.media = Some(Media {
            mimetype: None,
            // Other kinds carry a generated name, not the sender's.
            filename: w.filename.filter(|_| m.kind == MessageKind::Document),
            size: w.file_length,
        });
    }
    // The display name falls back to the JID or its user part: not a name.
    let user = w
        .sender_jid
        .as_deref()
        .map(|j| j.split('@').next().unwrap_or(j));
    m.sender_name = w
        .sender_display_name
        .filter(|n| Some(n.as_str()) != w.sender_jid.as_deref() && Some(n.as_str()) != user);
    m.sender = w.sender_jid;
    m.text = w.content;
    Ok(m.finish())
}

#[cfg(test)]
mod tests;
