//! JSON (one array) and NDJSON (one object per line). Both stream page by
//! page, except pretty JSON for a terminal, which is rendered at the end.
//! Strings are exactly what the gateway sent: serde escapes them.

use std::io::{self, Write};

use serde_json::{Map, Value};

use super::fields::Field;
use super::Sink;
use crate::chat::Chat;

/// Write the record, or only the `--fields` asked for in that order, as compact JSON.
fn write_record<W: Write>(out: &mut W, chat: &Chat, fields: Option<&[Field]>) -> io::Result<()> {
    match fields {
        None => serde_json::to_writer(out, chat)?,
        Some(fields) => serde_json::to_writer(out, &selected(chat, fields))?,
    }
    Ok(())
}

fn selected(chat: &Chat, fields: &[Field]) -> Value {
    let map: Map<String, Value> = fields
        .iter()
        .map(|f| (f.name().to_owned(), f.json(chat)))
        .collect();
    Value::Object(map)
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
    fn write(&mut self, chats: Vec<Chat>) -> io::Result<()> {
        for c in &chats {
            write_record(&mut self.out, c, self.fields.as_deref())?;
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
    fn write(&mut self, chats: Vec<Chat>) -> io::Result<()> {
        for c in &chats {
            if self.pretty {
                let value = match self.fields.as_deref() {
                    None => serde_json::to_value(c).map_err(io::Error::other)?,
                    Some(f) => selected(c, f),
                };
                self.buffered.push(value);
                continue;
            }
            self.out
                .write_all(if self.written == 0 { b"[" } else { b"," })?;
            write_record(&mut self.out, c, self.fields.as_deref())?;
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
