//! JSON (one array) and NDJSON (one object per line) of any record. Both
//! stream page by page, except pretty JSON for a terminal, which is rendered
//! at the end.
//! Strings are exactly what the gateway sent: serde escapes them.

use std::io::{self, Write};

use serde_json::{Map, Value};

use super::record::Record;
use super::Sink;

/// Write the record, or only the `--fields` asked for in that order, as compact JSON.
fn write_record<W: Write, R: Record>(
    out: &mut W,
    record: &R,
    fields: Option<&[R::Field]>,
) -> io::Result<()> {
    match fields {
        None => serde_json::to_writer(out, record)?,
        Some(fields) => serde_json::to_writer(out, &selected(record, fields))?,
    }
    Ok(())
}

fn selected<R: Record>(record: &R, fields: &[R::Field]) -> Value {
    let map: Map<String, Value> = fields
        .iter()
        .map(|f| (R::field_name(*f).to_owned(), record.field_json(*f)))
        .collect();
    Value::Object(map)
}

pub struct NdjsonSink<W: Write, R: Record> {
    fields: Option<Vec<R::Field>>,
    out: W,
}

impl<W: Write, R: Record> NdjsonSink<W, R> {
    pub fn new(fields: Option<Vec<R::Field>>, out: W) -> Self {
        NdjsonSink { fields, out }
    }
}

impl<W: Write, R: Record> Sink<R> for NdjsonSink<W, R> {
    fn write(&mut self, chats: Vec<R>) -> io::Result<()> {
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

pub struct JsonSink<W: Write, R: Record> {
    fields: Option<Vec<R::Field>>,
    pretty: bool,
    out: W,
    written: usize,
    buffered: Vec<Value>,
}

impl<W: Write, R: Record> JsonSink<W, R> {
    pub fn new(fields: Option<Vec<R::Field>>, pretty: bool, out: W) -> Self {
        JsonSink {
            fields,
            pretty,
            out,
            written: 0,
            buffered: Vec::new(),
        }
    }
}

impl<W: Write, R: Record> Sink<R> for JsonSink<W, R> {
    fn write(&mut self, chats: Vec<R>) -> io::Result<()> {
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
