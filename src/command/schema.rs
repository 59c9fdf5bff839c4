//! `wa-inbox schema [chat|message]`: the JSON Schema of a record, generated
//! from the Rust type so it cannot drift from what `-o json` prints. Bare
//! `schema` prints the chat record, as it did before the message record
//! existed, so scripts that read it keep working.

use std::io::Write;

use crate::chat::Chat;
use crate::exit::Exit;
use crate::message::Message;

/// Which record `schema` describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RecordKind {
    #[default]
    Chat,
    Message,
}

/// Bumped only on a breaking change (a key renamed or removed); adding keys keeps it.
pub const RECORD_VERSION: u32 = 1;

pub fn run(record: RecordKind) -> anyhow::Result<Exit> {
    let mut out = crate::output::stdout();
    serde_json::to_writer_pretty(&mut out, &schema(record))?;
    writeln!(out)?;
    out.flush()?;
    Ok(Exit::Ok)
}

pub fn schema(record: RecordKind) -> serde_json::Value {
    // The record as printed (serialised): the store's reading it back changes nothing here.
    let generator = schemars::generate::SchemaSettings::default()
        .for_serialize()
        .into_generator();
    let (generated, name) = match record {
        RecordKind::Chat => (generator.into_root_schema_for::<Chat>(), "chat"),
        RecordKind::Message => (generator.into_root_schema_for::<Message>(), "message"),
    };
    let mut schema = serde_json::to_value(generated).unwrap_or_default();
    // `provider` is not read back by serde (the store names it from the registry),
    // which schemars marks as readOnly with a default; as printed, it is a plain string.
    if let Some(p) = schema
        .pointer_mut("/properties/provider")
        .and_then(|p| p.as_object_mut())
    {
        p.remove("readOnly");
        p.remove("default");
    }
    // Every key is always present (null when unknown): all properties are required.
    require_all(&mut schema);
    if let Some(defs) = schema.get_mut("$defs").and_then(|d| d.as_object_mut()) {
        defs.values_mut().for_each(require_all);
    }
    if let Some(obj) = schema.as_object_mut() {
        obj.insert(
            "$id".into(),
            format!("https://wa-inbox.dev/schema/{name}-v{RECORD_VERSION}.json").into(),
        );
        obj.insert("x-record-version".into(), RECORD_VERSION.into());
    }
    schema
}

fn require_all(schema: &mut serde_json::Value) {
    let keys: Option<Vec<serde_json::Value>> = schema
        .get("properties")
        .and_then(|p| p.as_object())
        .map(|p| p.keys().map(|k| k.clone().into()).collect());
    if let (Some(keys), Some(obj)) = (keys, schema.as_object_mut()) {
        obj.insert("required".into(), keys.into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn required(s: &serde_json::Value) -> Vec<&str> {
        s["required"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect()
    }

    #[test]
    fn message_schema_lists_every_record_key_as_required() {
        let s = schema(RecordKind::Message);
        let record = serde_json::to_value(Message::new("p", "t", "c", "i").finish()).unwrap();
        let required = required(&s);
        let keys: Vec<&str> = record
            .as_object()
            .unwrap()
            .keys()
            .map(|k| k.as_str())
            .collect();
        assert_eq!(required, keys);
        assert_eq!(s["x-record-version"], 1);
        assert_eq!(s["$id"], "https://wa-inbox.dev/schema/message-v1.json");
        let media = &s["$defs"]["Media"]["required"];
        assert_eq!(media, &serde_json::json!(["mimetype", "filename", "size"]));
    }

    #[test]
    fn schema_lists_every_record_key_as_required() {
        let s = schema(RecordKind::Chat);
        let required = required(&s);
        for key in [
            "profile",
            "provider",
            "id",
            "jid",
            "phone",
            "kind",
            "name",
            "unread_count",
            "last_activity_at",
            "last_message",
            "archived",
            "pinned",
            "muted_until",
            "ephemeral_seconds",
            "aliases",
        ] {
            assert!(required.contains(&key), "{key} missing from {required:?}");
        }
        assert_eq!(s["x-record-version"], 1);
    }
}
