//! JSON (one array) and NDJSON (one object per line) of any record. Both
//! stream page by page, except pretty JSON for a terminal, which is rendered
//! at the end. Strings are exactly what the gateway sent: serde escapes them.
//! On a terminal, `TerminalSafe` also writes C1 controls, bidi and other hidden
//! characters as `\uXXXX` escapes: the same JSON value, but nothing the
//! terminal would obey or hide.

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

/// A writer of JSON text that escapes, as `\uXXXX`, every character a
/// terminal would obey or hide: DEL, C1 controls, line and paragraph
/// separators, and `sanitize::is_hidden` (bidi controls, invisible characters).
/// JSON has such characters only inside strings, where the escape means the same.
pub struct TerminalSafe<W: Write> {
    inner: W,
    /// The start of a character split across writes.
    pending: Vec<u8>,
}

impl<W: Write> TerminalSafe<W> {
    pub fn new(inner: W) -> Self {
        TerminalSafe {
            inner,
            pending: Vec::new(),
        }
    }
}

impl<W: Write> Write for TerminalSafe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let complete = match std::str::from_utf8(&self.pending) {
            Ok(s) => s.len(),
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            // Not UTF-8 (serde never writes that): pass it on as it is.
            Err(_) => {
                self.inner.write_all(&self.pending)?;
                self.pending.clear();
                return Ok(buf.len());
            }
        };
        let text = std::str::from_utf8(&self.pending[..complete]).unwrap_or_default();
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            // Not LF or CR: serde escapes them inside strings, and outside they are layout.
            let escape = matches!(c, '\u{7f}'..='\u{9f}' | '\u{2028}' | '\u{2029}')
                || crate::sanitize::is_hidden(c);
            if escape {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{u:04x}"));
                }
            } else {
                out.push(c);
            }
        }
        self.inner.write_all(out.as_bytes())?;
        self.pending.drain(..complete);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.write_all(&std::mem::take(&mut self.pending))?;
        self.inner.flush()
    }
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
