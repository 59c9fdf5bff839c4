//! What every streaming format needs of a record (the chat record, the
//! message record): its flat columns (`last_message.body`, `media.size`),
//! the cell of each, and the JSON value `--fields` picks. One trait, so JSON,
//! NDJSON, CSV and TSV treat both records by the same rules.

use serde_json::Value;

use super::fields::Cell;

pub trait Record: serde::Serialize {
    type Field: Copy + PartialEq + 'static;

    /// Every flat column, in record order (CSV's default header).
    const FLAT: &'static [Self::Field];
    /// Names `--fields` also accepts: nested objects taken whole in JSON.
    const NESTED: &'static [Self::Field];

    fn field_name(f: Self::Field) -> &'static str;
    fn cell(&self, f: Self::Field) -> Cell;
    /// The value as it appears in the JSON record.
    fn field_json(&self, f: Self::Field) -> Value;
}

/// Parse `--fields` for record `R`; an unknown name is an error listing the valid ones.
pub fn parse_fields<R: Record>(names: &[String]) -> Result<Vec<R::Field>, String> {
    let all = || R::FLAT.iter().chain(R::NESTED);
    let fields: Vec<R::Field> = names
        .iter()
        .map(|n| n.trim())
        .filter(|n| !n.is_empty())
        .map(|n| {
            all()
                .find(|f| R::field_name(**f) == n)
                .copied()
                .ok_or_else(|| {
                    let valid: Vec<&str> = all().map(|f| R::field_name(*f)).collect();
                    format!("unknown field \"{n}\"; valid fields: {}", valid.join(", "))
                })
        })
        .collect::<Result<_, _>>()?;
    if fields.is_empty() {
        return Err("--fields names no field".to_owned());
    }
    Ok(fields)
}
