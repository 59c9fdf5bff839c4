//! WAHA's `WAMessage` (MESSAGES.md §7.2) onto the message record, shared by
//! `waha` and `wawp` (Wawp v2 serves WAHA's WEBJS shapes, UNCONFIRMED).
//!
//! Lenient like `engine`: any field of an unexpected type is unknown. The
//! message type exists only in the engine's raw `_data` (WEBJS `_data.type`,
//! NOWEB `_data.message.<key>`, GOWS `_data.Message.<key>`), then
//! `location`, `vCards` and `hasMedia` decide (§2.2). `id` is
//! `{fromMe}_{chat}_{msgId}[_{participant}]`; the bare id is its third part.

use serde::Deserialize;
use serde_json::Value;

use super::engine::{epoch, lenient, Dialect, Items, SerializedId};
use crate::message::{Media, Message, MessageKind, Status};

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(in crate::provider) struct WaMessage {
    #[serde(default, deserialize_with = "lenient")]
    pub id: Option<SerializedId>,
    /// Seconds (WAHA; Wawp's unit is guessed: `Dialect`).
    #[serde(default, deserialize_with = "epoch")]
    pub timestamp: Option<i64>,
    #[serde(default, deserialize_with = "lenient")]
    pub from: Option<SerializedId>,
    #[serde(default, deserialize_with = "lenient")]
    pub from_me: Option<bool>,
    #[serde(default, deserialize_with = "lenient")]
    pub participant: Option<SerializedId>,
    /// WEBJS, groups.
    #[serde(default, deserialize_with = "lenient")]
    pub author: Option<SerializedId>,
    /// Text, caption, or a stand-in such as "📷 Photo"; `""` = none.
    #[serde(default, deserialize_with = "lenient")]
    pub body: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub has_media: Option<bool>,
    /// Only when the gateway downloaded the file (never asked for here).
    #[serde(default, deserialize_with = "lenient")]
    pub media: Option<WaMedia>,
    #[serde(default, deserialize_with = "epoch")]
    pub ack: Option<i64>,
    #[serde(default, deserialize_with = "lenient")]
    pub ack_name: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub location: Option<Value>,
    /// An array, or (Wawp's example) an object keyed "0", "1", ….
    #[serde(rename = "vCards", default, deserialize_with = "lenient")]
    pub v_cards: Option<Items<Value>>,
    #[serde(default, deserialize_with = "lenient")]
    pub reply_to: Option<ReplyTo>,
    #[serde(rename = "_data", default)]
    pub data: Option<Value>,
}

#[derive(Debug, Default, Deserialize)]
pub(in crate::provider) struct WaMedia {
    #[serde(default, deserialize_with = "lenient")]
    pub mimetype: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub filename: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub(in crate::provider) struct ReplyTo {
    #[serde(default, deserialize_with = "lenient")]
    pub id: Option<SerializedId>,
}

/// The bare WhatsApp id: the third `_` part of a serialised id, else the id.
pub(in crate::provider) fn bare_id(id: &str) -> &str {
    let mut parts = id.splitn(4, '_');
    match (parts.next(), parts.next(), parts.next()) {
        (Some("true" | "false"), Some(_), Some(bare)) if !bare.is_empty() => bare,
        _ => id,
    }
}

fn webjs_kind(t: &str) -> Option<MessageKind> {
    Some(match t {
        "chat" => MessageKind::Text,
        "image" => MessageKind::Image,
        "video" => MessageKind::Video,
        "audio" => MessageKind::Audio,
        "ptt" => MessageKind::Voice,
        "document" => MessageKind::Document,
        "sticker" => MessageKind::Sticker,
        "location" => MessageKind::Location,
        "vcard" | "multi_vcard" => MessageKind::Contact,
        "poll_creation" => MessageKind::Poll,
        "reaction" => MessageKind::Reaction,
        "call_log" => MessageKind::Call,
        "e2e_notification" | "notification" | "notification_template" | "gp2" | "protocol" => {
            MessageKind::System
        }
        _ => return None,
    })
}

/// The kind of a Baileys/whatsmeow content key (NOWEB `message`, GOWS `Message`).
fn proto_kind(key: &str, content: &Value) -> Option<MessageKind> {
    let key = key.to_ascii_lowercase();
    Some(match key.as_str() {
        "conversation" | "extendedtextmessage" => MessageKind::Text,
        "imagemessage" => MessageKind::Image,
        "videomessage" | "ptvmessage" => MessageKind::Video,
        "audiomessage" if content.get("ptt").and_then(Value::as_bool) == Some(true) => {
            MessageKind::Voice
        }
        "audiomessage" => MessageKind::Audio,
        "documentmessage" | "documentwithcaptionmessage" => MessageKind::Document,
        "stickermessage" => MessageKind::Sticker,
        "locationmessage" | "livelocationmessage" => MessageKind::Location,
        "contactmessage" | "contactsarraymessage" => MessageKind::Contact,
        k if k.starts_with("pollcreationmessage") => MessageKind::Poll,
        "reactionmessage" => MessageKind::Reaction,
        "protocolmessage" => MessageKind::System,
        _ => return None,
    })
}

/// Keys of a proto message that carry no content.
const NOT_CONTENT: &[&str] = &[
    "messageContextInfo",
    "MessageContextInfo",
    "senderKeyDistributionMessage",
];

/// The type `_data` gives: `Ok(None)` when it gives none, `Err(raw)` for a type
/// it names that has no kind of ours (shown as `other`).
fn data_kind(data: &Value) -> Result<Option<MessageKind>, String> {
    if let Some(t) = data.get("type").and_then(Value::as_str) {
        return webjs_kind(t).map(Some).ok_or_else(|| t.to_owned());
    }
    let proto = data.get("message").or_else(|| data.get("Message"));
    let Some(obj) = proto.and_then(Value::as_object) else {
        return Ok(None);
    };
    match obj
        .iter()
        .find(|(k, v)| !NOT_CONTENT.contains(&k.as_str()) && !v.is_null())
    {
        Some((k, v)) => proto_kind(k, v).map(Some).ok_or_else(|| k.clone()),
        None => Ok(None),
    }
}

/// The sender's push name in `_data`, where an engine puts it (UNCONFIRMED).
fn push_name(data: &Value) -> Option<String> {
    ["/notifyName", "/pushName", "/Info/PushName"]
        .iter()
        .find_map(|p| data.pointer(p).and_then(Value::as_str))
        .map(str::to_owned)
}

/// A `WAMessage` of chat `chat` onto the record; `Err` names what makes it unusable.
pub(in crate::provider) fn message(
    profile: &str,
    d: Dialect,
    chat: &str,
    w: WaMessage,
) -> Result<Message, String> {
    let id = w.id.ok_or("a message without an `id`")?.0;
    let mut m = Message::new(profile, d.name(), chat, &id);
    m.wa_id = bare_id(&id).to_owned();
    m.at = d.time("timestamp", w.timestamp);
    m.from_me = w.from_me;
    m.sender = w.participant.or(w.author).or(w.from).map(|s| s.0);
    let data = w.data.unwrap_or(Value::Null);
    if w.from_me != Some(true) {
        m.sender_name = push_name(&data);
    }
    let has_vcards = w.v_cards.is_some_and(|v| !v.0.is_empty());
    m.kind = match data_kind(&data) {
        Ok(Some(kind)) => kind,
        Err(raw) => {
            crate::diag::trace(&format!(
                "{} message type \"{raw}\" shown as `other`",
                d.gateway()
            ));
            MessageKind::Other
        }
        Ok(None) if w.location.as_ref().is_some_and(Value::is_object) => MessageKind::Location,
        Ok(None) if has_vcards => MessageKind::Contact,
        Ok(None) if w.has_media == Some(true) => MessageKind::Other,
        Ok(None) => MessageKind::Text,
    };
    if data.get("type").and_then(Value::as_str) == Some("revoked") {
        m.deleted = Some(true);
    }
    if w.has_media == Some(true) {
        let media = w.media.unwrap_or_default();
        m.media = Some(Media {
            mimetype: media.mimetype,
            filename: media.filename,
            size: None,
        });
    }
    m.text = w.body;
    m.reply_to = w
        .reply_to
        .and_then(|r| r.id)
        .map(|i| bare_id(&i.0).to_owned());
    m.status = w
        .ack_name
        .as_deref()
        .and_then(Status::from_ack_name)
        .or_else(|| w.ack.and_then(Status::from_ack));
    Ok(m.finish())
}
