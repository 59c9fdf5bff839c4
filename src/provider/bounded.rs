//! Reading a gateway's answer with bounded work and memory, whatever it holds
//! under `max_body_size`: a list holds at most the entries asked for (the
//! page size; `MAX_ENTRIES` where none was asked), and lenient fields skip what
//! they cannot use without building a JSON tree first. A 64 MiB array of `{}`
//! is refused after the page size plus one entry, not after 20 million.

use std::cell::Cell;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeOwned, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

/// Entries one list may hold when no page size was asked for (a single-call
/// listing, message journals): far above any real inbox, far below what 64 MiB
/// of `{}` would make.
pub const MAX_ENTRIES: usize = 200_000;

/// Entries a list inside one record may hold (a chat's aliases).
pub const MAX_NESTED: usize = 64;

thread_local! {
    /// The most entries a top-level list in the answer being parsed may hold.
    static CAP: Cell<usize> = const { Cell::new(MAX_ENTRIES) };
    /// Whether parsing stopped because a list went over `CAP`.
    static OVER: Cell<bool> = const { Cell::new(false) };
}

/// Why an answer could not be read.
#[derive(Debug, PartialEq)]
pub enum Unreadable {
    /// A list held more than the `usize` entries asked for.
    TooMany(usize),
    /// Not the JSON expected: a short, safe explanation.
    Bad(String),
}

/// Parse `body` with every `List` (and `Items`) capped at `cap` entries.
pub fn parse<T: DeserializeOwned>(body: &[u8], cap: usize) -> Result<T, Unreadable> {
    let previous = CAP.replace(cap.max(1));
    OVER.set(false);
    let result = super::body::parse_json(body);
    CAP.set(previous);
    match result {
        Ok(v) => Ok(v),
        Err(_) if OVER.take() => Err(Unreadable::TooMany(cap)),
        Err(e) => Err(Unreadable::Bad(e)),
    }
}

/// Refuse another entry after `len` when it would go over the answer's cap.
pub fn admit<E: de::Error>(len: usize) -> Result<(), E> {
    let cap = CAP.get();
    if len < cap {
        return Ok(());
    }
    OVER.set(true);
    Err(E::custom(format!("more than {cap} entries in a list")))
}

/// A JSON array of at most the answer's cap (`MAX = 0`) or `MAX` entries.
#[derive(Debug)]
pub struct List<T, const MAX: usize = 0>(pub Vec<T>);

impl<T, const MAX: usize> Default for List<T, MAX> {
    fn default() -> Self {
        List(Vec::new())
    }
}

impl<T, const MAX: usize> IntoIterator for List<T, MAX> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// A list inside one record.
pub type Nested<T> = List<T, MAX_NESTED>;

impl<'de, T: Deserialize<'de>, const MAX: usize> Deserialize<'de> for List<T, MAX> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T, const MAX: usize>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>, const MAX: usize> Visitor<'de> for V<T, MAX> {
            type Value = List<T, MAX>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an array")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                loop {
                    let Some(item) = seq.next_element()? else {
                        break;
                    };
                    if MAX == 0 {
                        admit::<A::Error>(out.len())?;
                    } else if out.len() >= MAX {
                        return Err(de::Error::custom(format!(
                            "more than {MAX} entries in a list inside one record"
                        )));
                    }
                    out.push(item);
                }
                Ok(List(out))
            }
        }
        d.deserialize_seq(V::<T, MAX>(PhantomData))
    }
}

/// A value of the expected type, else unknown (`None`): never a parse
/// failure, and never a tree — the value is borrowed raw and read once.
#[derive(Debug)]
pub struct Lenient<T>(pub Option<T>);

impl<'de, T: DeserializeOwned> Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = <&'de RawValue>::deserialize(d)?;
        let over = OVER.get();
        let value = serde_json::from_str(raw.get()).ok();
        OVER.set(over);
        Ok(Lenient(value))
    }
}

/// An integer sent as a JSON number, a numeric string or a protobuf `Long`
/// `{low, high}`; anything else is unknown (`None`) and skipped unread.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct LooseInt(pub Option<i64>);

impl<'de> Deserialize<'de> for LooseInt {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = LooseInt;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an integer")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<LooseInt, E> {
                Ok(LooseInt(Some(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<LooseInt, E> {
                Ok(LooseInt(i64::try_from(v).ok()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<LooseInt, E> {
                Ok(LooseInt(v.is_finite().then_some(v as i64)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<LooseInt, E> {
                Ok(LooseInt(v.trim().parse().ok()))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<LooseInt, E> {
                Ok(LooseInt(None))
            }
            fn visit_unit<E: de::Error>(self) -> Result<LooseInt, E> {
                Ok(LooseInt(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<LooseInt, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(LooseInt(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<LooseInt, A::Error> {
                let (mut low, mut high) = (None, None);
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "low" => low = map.next_value::<LooseInt>()?.0,
                        "high" => high = map.next_value::<LooseInt>()?.0,
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(LooseInt(
                    low.map(|l| (high.unwrap_or(0) << 32) | (l & 0xFFFF_FFFF)),
                ))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests;
