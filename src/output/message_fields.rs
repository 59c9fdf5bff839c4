//! The message record's flat columns (`media.mimetype`, `media.filename`,
//! `media.size`), under the same rules as the chat record's: one list of
//! names for CSV, TSV, `--fields` and the JSON subset.

use serde_json::Value;

use super::fields::Cell;
use super::record::Record;
use crate::message::Message;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageField {
    Profile,
    Provider,
    ChatId,
    ChatJid,
    Id,
    WaId,
    At,
    FromMe,
    Sender,
    SenderName,
    Kind,
    Text,
    /// The whole object in JSON; its known parts, space-separated, elsewhere.
    Media,
    MediaMimetype,
    MediaFilename,
    MediaSize,
    ReplyTo,
    Status,
    Edited,
    Deleted,
}

use MessageField as F;

impl Record for Message {
    type Field = MessageField;
    const FLAT: &'static [F] = &[
        F::Profile,
        F::Provider,
        F::ChatId,
        F::ChatJid,
        F::Id,
        F::WaId,
        F::At,
        F::FromMe,
        F::Sender,
        F::SenderName,
        F::Kind,
        F::Text,
        F::MediaMimetype,
        F::MediaFilename,
        F::MediaSize,
        F::ReplyTo,
        F::Status,
        F::Edited,
        F::Deleted,
    ];
    const NESTED: &'static [F] = &[F::Media];

    fn field_name(f: F) -> &'static str {
        match f {
            F::Profile => "profile",
            F::Provider => "provider",
            F::ChatId => "chat_id",
            F::ChatJid => "chat_jid",
            F::Id => "id",
            F::WaId => "wa_id",
            F::At => "at",
            F::FromMe => "from_me",
            F::Sender => "sender",
            F::SenderName => "sender_name",
            F::Kind => "kind",
            F::Text => "text",
            F::Media => "media",
            F::MediaMimetype => "media.mimetype",
            F::MediaFilename => "media.filename",
            F::MediaSize => "media.size",
            F::ReplyTo => "reply_to",
            F::Status => "status",
            F::Edited => "edited",
            F::Deleted => "deleted",
        }
    }

    fn cell(&self, f: F) -> Cell {
        let text = |v: &Option<String>| v.clone().map_or(Cell::Null, Cell::Text);
        let media = self.media.as_ref();
        let bool_cell = |b: Option<bool>| b.map_or(Cell::Null, Cell::Bool);
        match f {
            F::Profile => Cell::Text(self.profile.clone()),
            F::Provider => Cell::Text(self.provider.to_owned()),
            F::ChatId => Cell::Text(self.chat_id.clone()),
            F::ChatJid => text(&self.chat_jid),
            F::Id => Cell::Text(self.id.clone()),
            F::WaId => Cell::Text(self.wa_id.clone()),
            F::At => self.at.map_or(Cell::Null, Cell::Time),
            F::FromMe => bool_cell(self.from_me),
            F::Sender => text(&self.sender),
            F::SenderName => text(&self.sender_name),
            F::Kind => Cell::Text(self.kind.as_str().to_owned()),
            F::Text => text(&self.text),
            F::Media => media.map_or(Cell::Null, |m| {
                let size = m.size.map(|s| s.to_string());
                let parts = [m.mimetype.clone(), m.filename.clone(), size];
                Cell::List(parts.into_iter().flatten().collect())
            }),
            F::MediaMimetype => media.map_or(Cell::Null, |m| text(&m.mimetype)),
            F::MediaFilename => media.map_or(Cell::Null, |m| text(&m.filename)),
            F::MediaSize => media.and_then(|m| m.size).map_or(Cell::Null, Cell::Int),
            F::ReplyTo => text(&self.reply_to),
            F::Status => self
                .status
                .map_or(Cell::Null, |s| Cell::Text(s.as_str().to_owned())),
            F::Edited => bool_cell(self.edited),
            F::Deleted => bool_cell(self.deleted),
        }
    }

    fn field_json(&self, f: F) -> Value {
        match f {
            F::Media => serde_json::to_value(&self.media).unwrap_or(Value::Null),
            f => self.cell(f).into_json(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::Media;
    use crate::output::record::parse_fields;

    #[test]
    fn flat_columns_cover_every_record_key_once() {
        let json = serde_json::to_value(Message::new("p", "t", "c", "i").finish()).unwrap();
        let flat: Vec<&str> = Message::FLAT
            .iter()
            .map(|f| Message::field_name(*f))
            .collect();
        for key in json.as_object().unwrap().keys() {
            let covered = if key == "media" {
                flat.iter().filter(|n| n.starts_with("media.")).count() == 3
            } else {
                flat.contains(&key.as_str())
            };
            assert!(covered, "{key} has no column");
        }
    }

    #[test]
    fn media_flattens_and_nests() {
        let mut m = Message::new("p", "t", "c", "i");
        m.media = Some(Media {
            mimetype: Some("image/jpeg".into()),
            filename: None,
            size: Some(200_704),
        });
        assert_eq!(m.cell(F::MediaSize), Cell::Int(200_704));
        assert_eq!(m.cell(F::MediaFilename), Cell::Null);
        assert_eq!(
            m.field_json(F::Media),
            serde_json::json!({"mimetype": "image/jpeg", "filename": null, "size": 200_704})
        );
        let names = [
            "text".to_owned(),
            "media.size".to_owned(),
            "media".to_owned(),
        ];
        assert_eq!(
            parse_fields::<Message>(&names).unwrap(),
            [F::Text, F::MediaSize, F::Media]
        );
        let e = parse_fields::<Message>(&["name".to_owned()]).unwrap_err();
        assert!(
            e.contains("unknown field \"name\"") && e.contains("media.filename"),
            "{e}"
        );
    }
}
