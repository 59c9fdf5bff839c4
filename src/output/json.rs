//! JSON (one array) and NDJSON (one object per line). Both stream page by
//! page, except pretty JSON for a terminal, which is rendered at the end.
//! Strings are exactly what the gateway sent: serde escapes them.

use std::io::{self, Write};

use serde_json::{Map, Value};

use super::fields::Field;
use super::Sink;
use crate::chat::Chat;

/// The record, or only the `--fields` asked for, in that order.
pub fn record(chat: &Chat, fields: Option<&[Field]>) -> io::Result<Value> {
    match fields {
        None => serde_json::to_value(chat).map_err(io::Error::other),
        Some(fields) => {
            let mut map = Map::new();
            for f in fields {
                map.insert(f.name().to_owned(), f.json(chat));
            }
            Ok(Value::Object(map))
        }
    }
}

pub struct NdjsonSink<W: Write> {
    fields: Option<Vec<Field>>,
    out: W,
}

impl<W: Write> NdjsonSink<W> {
    pub fn new(fields: Option<Vec<Field>>, out: W) -> Self {
        NdjsonSink { fields, out }
    }
}

impl<W: Write> Sink for NdjsonSink<W> {
    fn write(&mut self, chats: &[Chat]) -> io::Result<()> {
        for c in chats {
            serde_json::to_writer(&mut self.out, &record(c, self.fields.as_deref())?)?;
            self.out.write_all(b"\n")?;
        }
        self.out.flush()
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

pub struct JsonSink<W: Write> {
    fields: Option<Vec<Field>>,
    pretty: bool,
    out: W,
    written: usize,
    buffered: Vec<Value>,
}

impl<W: Write> JsonSink<W> {
    pub fn new(fields: Option<Vec<Field>>, pretty: bool, out: W) -> Self {
        JsonSink {
            fields,
            pretty,
            out,
            written: 0,
            buffered: Vec::new(),
        }
    }
}

impl<W: Write> Sink for JsonSink<W> {
    fn write(&mut self, chats: &[Chat]) -> io::Result<()> {
        for c in chats {
            let value = record(c, self.fields.as_deref())?;
            if self.pretty {
                self.buffered.push(value);
                continue;
            }
            self.out
                .write_all(if self.written == 0 { b"[" } else { b"," })?;
            serde_json::to_writer(&mut self.out, &value)?;
            self.written += 1;
        }
        self.out.flush()
    }

    fn finish(&mut self) -> io::Result<()> {
        if self.pretty {
            serde_json::to_writer_pretty(&mut self.out, &self.buffered)?;
            self.out.write_all(b"\n")?;
        } else {
            self.out
                .write_all(if self.written == 0 { b"[]\n" } else { b"]\n" })?;
        }
        self.out.flush()
    }
}
