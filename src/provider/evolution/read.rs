//! Evolution's mark read (MESSAGES.md §8.2): `markMessageAsRead {"readMessages": [keys]}` with
//! the keys of the unread incoming messages on the chat's first page — those without `READ` or
//! `PLAYED` in their receipt history, or, when no history is recorded, those newer than the
//! newest own message. `@lid` chats are refused: the gateway answers success and reads nothing.

use serde_json::{json, Value};

use super::{hint, messages, wire, Evolution, GATEWAY};
use crate::provider::http::Req;
use crate::provider::mark_read::{after_last_reply, PAGE};
use crate::provider::{path_segment, MessageQuery, ProviderError, ReadOutcome, Writes};

impl Evolution {
    pub(super) async fn read_chat(
        &self,
        chat_id: &str,
        w: &mut Writes,
    ) -> Result<ReadOutcome, ProviderError> {
        if chat_id.ends_with("@lid") {
            return Err(ProviderError::unsupported(format!(
                "{GATEWAY} cannot mark {chat_id} read: it answers success for @lid chats and \
                 sends nothing; mark the contact's phone-number chat (…@s.whatsapp.net) if it has one"
            )));
        }
        let path = format!("/chat/findMessages/{}", path_segment(&self.instance));
        let body = messages::body(&MessageQuery::new(chat_id), 0, PAGE);
        let req = self.auth(Req::post_json(path, &body).read_only());
        let found: wire::FoundMessages = self.http.json_page(req, PAGE).await.map_err(hint)?;
        let mut rows: Vec<wire::MessageRow> = found
            .messages
            .map(|m| m.records.0)
            .unwrap_or_default()
            .into_iter()
            .filter(|r| r.key.as_ref().is_some_and(|k| k.id.is_some()))
            .collect();
        rows.sort_by_key(|r| std::cmp::Reverse(r.message_timestamp.0));
        let keys: Vec<Value> = unread(rows)
            .into_iter()
            .filter_map(|r| {
                let k = r.key?;
                Some(json!({
                    "remoteJid": k.remote_jid.unwrap_or_else(|| chat_id.to_owned()),
                    "fromMe": false,
                    "id": k.id?,
                }))
            })
            .collect();
        let mut out = ReadOutcome {
            receipts: true,
            messages: Some(keys.len()),
            ..ReadOutcome::default()
        };
        if keys.is_empty() {
            out.notes
                .push("no unread incoming message on the chat's first page".to_owned());
            return Ok(out);
        }
        if chat_id.ends_with("@g.us") {
            out.notes.push(format!(
                "{GATEWAY}'s keys carry no participant: whether group senders get receipts is unconfirmed"
            ));
        }
        let path = format!("/chat/markMessageAsRead/{}", path_segment(&self.instance));
        let req = self.auth(Req::post_json(path, &json!({ "readMessages": keys })).idempotent());
        w.send::<Value>(&self.http, req).await.map_err(hint)?;
        Ok(out)
    }
}

/// The incoming rows still unread, newest first (`rows` newest first).
fn unread(rows: Vec<wire::MessageRow>) -> Vec<wire::MessageRow> {
    let from_me = |r: &wire::MessageRow| r.key.as_ref().and_then(|k| k.from_me);
    let recorded = rows
        .iter()
        .any(|r| r.message_update.as_ref().is_some_and(|u| !u.is_empty()));
    if !recorded {
        return after_last_reply(rows, from_me);
    }
    let seen = |r: &wire::MessageRow| {
        r.message_update
            .iter()
            .flatten()
            .any(|u| matches!(u.status.as_deref(), Some("READ" | "PLAYED")))
    };
    rows.into_iter()
        .filter(|r| from_me(r) == Some(false) && !seen(r))
        .collect()
}
