//! The record's fields as flat columns (`last_message.body`), shared by CSV,
//! TSV, the table and `--fields`: one list, one set of names, so every format
//! calls a field the same thing.

use serde_json::Value;

use crate::chat::Chat;

/// A flat column; `LastMessage` is the whole nested object in JSON and its body elsewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Profile,
    Provider,
    Id,
    Jid,
    Phone,
    Kind,
    Name,
    UnreadCount,
    LastActivityAt,
    LastMessage,
    LastMessageId,
    LastMessageBody,
    LastMessageAt,
    LastMessageFromMe,
    Archived,
    Pinned,
    MutedUntil,
    EphemeralSeconds,
    Aliases,
}

/// A cell before formatting.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Text(String),
    Int(u64),
    Bool(bool),
    Time(crate::time::Timestamp),
    List(Vec<String>),
}

impl Field {
    /// Every flat column, in record order (CSV's default header).
    pub const FLAT: &'static [Field] = &[
        Field::Profile,
        Field::Provider,
        Field::Id,
        Field::Jid,
        Field::Phone,
        Field::Kind,
        Field::Name,
        Field::UnreadCount,
        Field::LastActivityAt,
        Field::LastMessageId,
        Field::LastMessageBody,
        Field::LastMessageAt,
        Field::LastMessageFromMe,
        Field::Archived,
        Field::Pinned,
        Field::MutedUntil,
        Field::EphemeralSeconds,
        Field::Aliases,
    ];

    /// Parse `--fields` (see `record::parse_fields`).
    pub fn parse_list(names: &[String]) -> Result<Vec<Field>, String> {
        super::record::parse_fields::<Chat>(names)
    }

    pub fn name(self) -> &'static str {
        match self {
            Field::Profile => "profile",
            Field::Provider => "provider",
            Field::Id => "id",
            Field::Jid => "jid",
            Field::Phone => "phone",
            Field::Kind => "kind",
            Field::Name => "name",
            Field::UnreadCount => "unread_count",
            Field::LastActivityAt => "last_activity_at",
            Field::LastMessage => "last_message",
            Field::LastMessageId => "last_message.id",
            Field::LastMessageBody => "last_message.body",
            Field::LastMessageAt => "last_message.at",
            Field::LastMessageFromMe => "last_message.from_me",
            Field::Archived => "archived",
            Field::Pinned => "pinned",
            Field::MutedUntil => "muted_until",
            Field::EphemeralSeconds => "ephemeral_seconds",
            Field::Aliases => "aliases",
        }
    }

    pub fn cell(self, c: &Chat) -> Cell {
        let text = |v: &Option<String>| v.clone().map_or(Cell::Null, Cell::Text);
        let lm = c.last_message.as_ref();
        match self {
            Field::Profile => Cell::Text(c.profile.clone()),
            Field::Provider => Cell::Text(c.provider.to_owned()),
            Field::Id => Cell::Text(c.id.clone()),
            Field::Jid => text(&c.jid),
            Field::Phone => text(&c.phone),
            Field::Kind => Cell::Text(c.kind.as_str().to_owned()),
            Field::Name => text(&c.name),
            Field::UnreadCount => c.unread_count.map_or(Cell::Null, Cell::Int),
            Field::LastActivityAt => c.last_activity_at.map_or(Cell::Null, Cell::Time),
            Field::LastMessage | Field::LastMessageBody => lm
                .and_then(|m| m.body.clone())
                .map_or(Cell::Null, Cell::Text),
            Field::LastMessageId => lm.and_then(|m| m.id.clone()).map_or(Cell::Null, Cell::Text),
            Field::LastMessageAt => lm.and_then(|m| m.at).map_or(Cell::Null, Cell::Time),
            Field::LastMessageFromMe => lm.and_then(|m| m.from_me).map_or(Cell::Null, Cell::Bool),
            Field::Archived => c.archived.map_or(Cell::Null, Cell::Bool),
            Field::Pinned => c.pinned.map_or(Cell::Null, Cell::Bool),
            Field::MutedUntil => c.muted_until.map_or(Cell::Null, Cell::Time),
            Field::EphemeralSeconds => c.ephemeral_seconds.map_or(Cell::Null, Cell::Int),
            Field::Aliases => c.aliases.clone().map_or(Cell::Null, Cell::List),
        }
    }

    /// The value as it appears in the JSON record (for `--fields` in JSON).
    pub fn json(self, c: &Chat) -> Value {
        match self {
            Field::LastMessage => serde_json::to_value(&c.last_message).unwrap_or(Value::Null),
            f => f.cell(c).into_json(),
        }
    }
}

impl super::record::Record for Chat {
    type Field = Field;
    const FLAT: &'static [Field] = Field::FLAT;
    const NESTED: &'static [Field] = &[Field::LastMessage];

    fn field_name(f: Field) -> &'static str {
        f.name()
    }

    fn cell(&self, f: Field) -> Cell {
        f.cell(self)
    }

    fn field_json(&self, f: Field) -> Value {
        f.json(self)
    }
}

impl Cell {
    /// The value as JSON: times as RFC 3339 strings, lists as arrays.
    pub fn into_json(self) -> Value {
        match self {
            Cell::Null => Value::Null,
            Cell::Text(s) => Value::String(s),
            Cell::Int(n) => Value::from(n),
            Cell::Bool(b) => Value::Bool(b),
            Cell::Time(t) => Value::String(t.to_string()),
            Cell::List(l) => Value::from(l),
        }
    }

    /// Plain text for CSV/TSV: null is empty, lists are space-separated.
    pub fn plain(&self) -> String {
        match self {
            Cell::Null => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Bool(b) => b.to_string(),
            Cell::Time(t) => t.to_string(),
            Cell::List(l) => l.join(" "),
        }
    }

    pub fn is_text(&self) -> bool {
        matches!(self, Cell::Text(_) | Cell::List(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_fields_in_order_and_refuse_unknown() {
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            Field::parse_list(&names(&["name", "last_message.body", "unread_count"])).unwrap(),
            vec![Field::Name, Field::LastMessageBody, Field::UnreadCount]
        );
        assert_eq!(
            Field::parse_list(&names(&["last_message"])).unwrap(),
            vec![Field::LastMessage]
        );
        let e = Field::parse_list(&names(&["nmae"])).unwrap_err();
        assert!(
            e.contains("unknown field \"nmae\"") && e.contains("last_message.body"),
            "{e}"
        );
    }
}
