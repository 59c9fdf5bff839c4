//! Evolution's `POST /chat/findMessages/{instance}` (MESSAGES.md §8.1): `page`
//! (1-based) × `offset`, where **`offset` is the page size**, newest first, with
//! a total that honours the filters. Times go as ISO strings and only as a
//! pair (one alone is ignored upstream; seconds would become 1970); only
//! `fromMe: true` filters (`false` is ignored upstream). Status, edits and
//! deletes come from the `MessageUpdate` receipt history, when it is recorded.

use serde::Deserialize;
use serde_json::Value;

use super::{wire, Evolution, GATEWAY, MAX_PAGE, NAME};
use crate::message::{Media, Message, MessageKind, Status};
use crate::provider::bounded::LooseInt;
use crate::provider::http::Req;
use crate::provider::messages::{bad, Arrival, FromMeFilter};
use crate::provider::stamp;
use crate::provider::{
    path_segment, MessageCapabilities, MessagePage, MessageQuery, PageAt, Paging, ProviderError,
};
use crate::time::{Timestamp, Unit};

const ENDPOINT: &str = "POST /chat/findMessages/{instance}";
/// The widest window when only one end is asked for (the column is a 32-bit int).
const EARLIEST: &str = "1970-01-01T00:00:00Z";
const LATEST: &str = "2038-01-19T03:14:07Z";

pub(super) fn capabilities() -> MessageCapabilities {
    MessageCapabilities {
        gateway: GATEWAY,
        paging: Paging::Offset { total: true },
        max_page_size: MAX_PAGE,
        short_page_ends: true,
        whole_pages: true,
        filter_time: true,
        filter_from_me: FromMeFilter::OnlyOwn,
        arrival: Arrival::NewestFirst,
        dm_server: "s.whatsapp.net",
        empty_hint: None,
    }
}

/// The request body for the page at `offset` of `size` rows (`offset` is a
/// multiple of `size`: the command asks this gateway for whole pages only).
pub(super) fn body(q: &MessageQuery, offset: u64, size: u32) -> Value {
    let mut key = serde_json::json!({ "remoteJid": q.chat_id });
    if q.from_me == Some(true) {
        key["fromMe"] = Value::Bool(true);
    }
    let mut filter = serde_json::json!({ "key": key });
    if q.since.is_some() || q.until.is_some() {
        let iso =
            |t: Option<Timestamp>, default: &str| t.map_or(default.to_owned(), |t| t.to_rfc3339());
        filter["messageTimestamp"] = serde_json::json!({
            "gte": iso(q.since, EARLIEST),
            "lte": iso(q.until, LATEST),
        });
    }
    serde_json::json!({ "where": filter, "page": offset / u64::from(size) + 1, "offset": size })
}

impl Evolution {
    pub(super) async fn message_page(
        &self,
        q: &MessageQuery,
        at: PageAt,
        size: Option<u32>,
    ) -> Result<MessagePage, ProviderError> {
        let size = size.unwrap_or(MAX_PAGE).clamp(1, MAX_PAGE);
        let path = format!("/chat/findMessages/{}", path_segment(&self.instance));
        let req = self.auth(Req::post_json(path, &body(q, at.offset(), size)).read_only());
        let found: wire::FoundMessages =
            self.http.json_page(req, size).await.map_err(super::hint)?;
        let page = found
            .messages
            .ok_or_else(|| bad(GATEWAY, ENDPOINT, "the answer has no `messages`"))?;
        let total = page.total.or(page.pages.map(|p| p * u64::from(size)));
        let page = MessagePage::mapped((GATEWAY, ENDPOINT), page.records, |r| {
            message(&self.profile, &q.chat_id, r)
        })?;
        Ok(MessagePage { total, ..page })
    }
}

fn kind(t: &str, content: Option<&Value>) -> MessageKind {
    match t {
        "conversation" | "extendedTextMessage" => MessageKind::Text,
        "imageMessage" => MessageKind::Image,
        "videoMessage" | "ptvMessage" => MessageKind::Video,
        "audioMessage"
            if content.and_then(|c| c.get("ptt")).and_then(Value::as_bool) == Some(true) =>
        {
            MessageKind::Voice
        }
        "audioMessage" => MessageKind::Audio,
        "documentMessage" | "documentWithCaptionMessage" => MessageKind::Document,
        "stickerMessage" => MessageKind::Sticker,
        "locationMessage" | "liveLocationMessage" => MessageKind::Location,
        "contactMessage" | "contactsArrayMessage" => MessageKind::Contact,
        t if t.starts_with("pollCreationMessage") => MessageKind::Poll,
        "reactionMessage" => MessageKind::Reaction,
        "protocolMessage" => MessageKind::System,
        other => {
            crate::diag::trace(&format!(
                "{GATEWAY} message type \"{other}\" shown as `other`"
            ));
            MessageKind::Other
        }
    }
}

/// `fileLength` as a number, a numeric string or a protobuf Long.
fn size(v: Option<&Value>) -> Option<u64> {
    let n = v.and_then(|v| LooseInt::deserialize(v).ok())?.0?;
    u64::try_from(n).ok()
}

fn text(v: Option<&Value>) -> Option<String> {
    v.and_then(Value::as_str).map(str::to_owned)
}

/// The receipts: the most advanced status, and the edited/deleted flags (null when none are recorded).
fn receipts(updates: &[wire::Receipt]) -> (Option<Status>, Option<bool>, Option<bool>) {
    if updates.is_empty() {
        return (None, None, None);
    }
    let names: Vec<&str> = updates.iter().filter_map(|r| r.status.as_deref()).collect();
    let rank = |s: &str| match s {
        "PENDING" => Some((0, Status::Pending)),
        "SERVER_ACK" => Some((1, Status::Sent)),
        "DELIVERY_ACK" => Some((2, Status::Delivered)),
        "READ" => Some((3, Status::Read)),
        "PLAYED" => Some((4, Status::Played)),
        _ => None,
    };
    let best = names
        .iter()
        .filter_map(|s| rank(s))
        .max_by_key(|(r, _)| *r)
        .map(|(_, s)| s);
    let status = best.or_else(|| names.contains(&"ERROR").then_some(Status::Failed));
    (
        status,
        Some(names.contains(&"EDITED")),
        Some(names.contains(&"DELETED")),
    )
}

/// A stored row onto the record; `Err` names what makes it unusable.
pub(super) fn message(profile: &str, chat: &str, r: wire::MessageRow) -> Result<Message, String> {
    let key = r.key.ok_or("a message without a `key`")?;
    let id = key
        .id
        .filter(|i| !i.trim().is_empty())
        .ok_or("a message without `key.id`")?;
    let chat_id = key
        .remote_jid
        .clone()
        .filter(|c| !c.trim().is_empty())
        .unwrap_or_else(|| chat.to_owned());
    let mut m = Message::new(profile, NAME, &chat_id, &id);
    m.at = stamp::epoch(
        GATEWAY,
        "messageTimestamp",
        r.message_timestamp.0,
        Unit::Secs,
    );
    m.from_me = key.from_me;
    if key.from_me == Some(false) {
        m.sender = key.participant.filter(|p| !p.is_empty()).or(key.remote_jid);
        m.sender_name = r.push_name;
    }
    let t = r.message_type.unwrap_or_default();
    let content = r.message.as_ref();
    let part = content.and_then(|c| c.get(&t));
    m.kind = kind(&t, part);
    m.text = text(content.and_then(|c| c.get("conversation")))
        .filter(|s| !s.is_empty())
        .or_else(|| text(part.and_then(|p| p.get("text"))).filter(|s| !s.is_empty()))
        .or_else(|| text(part.and_then(|p| p.get("caption"))));
    if m.kind.is_media() {
        m.media = Some(Media {
            mimetype: text(part.and_then(|p| p.get("mimetype"))),
            filename: text(part.and_then(|p| p.get("fileName"))),
            size: size(part.and_then(|p| p.get("fileLength"))),
        });
    }
    m.reply_to = text(r.context_info.as_ref().and_then(|c| c.get("stanzaId")));
    (m.status, m.edited, m.deleted) = receipts(r.message_update.as_deref().unwrap_or_default());
    Ok(m.finish())
}

#[cfg(test)]
mod tests;
