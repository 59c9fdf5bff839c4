//! `chats read`'s report, one chat at a time as each is done: a line saying what the gateway did
//! (read receipts sent, or only its own counter reset), each request `--dry-run` would send, or
//! — with `-o json` / `-o ndjson` — one `ReadRecord` per chat (shape in the README). Failures and
//! notes go to stderr; the JSON record of a failed chat says `"result": "failed"` too.

use std::io::{self, Write};

use serde::Serialize;

use super::Format;
use crate::provider::ReadOutcome;
use crate::sanitize;

/// What became of one chat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReadResult {
    /// The gateway did it.
    Marked,
    /// Nothing was unread (on the gateways that pick messages): no write sent.
    Nothing,
    /// The gateway answered without confirming (Green API `setRead` not `true`).
    Unconfirmed,
    /// `--dry-run`: `requests` would have been sent.
    DryRun,
    Failed,
}

/// One chat's entry in `-o json` / `-o ndjson`.
#[derive(Debug, Clone, Serialize)]
pub struct ReadRecord {
    pub profile: String,
    /// CHAT as given on the command line.
    pub chat: String,
    /// The chat id sent to the gateway (`null` when CHAT could not be resolved).
    pub id: Option<String>,
    /// The chat's name, when CHAT was a name.
    pub name: Option<String>,
    pub result: ReadResult,
    /// Messages marked; `null` where the gateway marks the whole chat.
    pub messages: Option<usize>,
    /// WhatsApp read receipts (blue ticks) went (or would go) to the sender.
    pub read_receipts: bool,
    /// The gateway's own unread counter was reset (the WhatsApp Gateway).
    pub counter_reset: bool,
    /// Each write sent (or, dry run, that would be sent), secrets hidden.
    pub requests: Vec<String>,
    pub notes: Vec<String>,
    pub error: Option<String>,
    /// The exit code this chat alone would give.
    pub exit: u8,
}

impl ReadRecord {
    /// The record of `outcome` for the chat `id` (found from `chat` as given).
    pub fn done(
        profile: &str,
        chat: &str,
        id: &str,
        name: Option<String>,
        dry_run: bool,
        o: ReadOutcome,
    ) -> ReadRecord {
        let result = match () {
            _ if dry_run => ReadResult::DryRun,
            _ if o.nothing() || o.messages == Some(0) => ReadResult::Nothing,
            _ if o.unconfirmed => ReadResult::Unconfirmed,
            _ => ReadResult::Marked,
        };
        ReadRecord {
            profile: profile.to_owned(),
            chat: chat.to_owned(),
            id: Some(id.to_owned()),
            name,
            result,
            messages: o.messages,
            read_receipts: o.receipts && result != ReadResult::Nothing,
            counter_reset: o.counter_reset,
            requests: o.calls,
            notes: o.notes,
            error: None,
            exit: 0,
        }
    }

    /// The record of a chat that failed with `error` (exit code `exit`).
    pub fn failed(
        profile: &str,
        chat: &str,
        target: Option<(String, Option<String>)>,
        error: String,
        exit: u8,
    ) -> ReadRecord {
        let (id, name) = match target {
            Some((id, name)) => (Some(id), name),
            None => (None, None),
        };
        ReadRecord {
            profile: profile.to_owned(),
            chat: chat.to_owned(),
            id,
            name,
            result: ReadResult::Failed,
            messages: None,
            read_receipts: false,
            counter_reset: false,
            requests: Vec::new(),
            notes: Vec::new(),
            error: Some(error),
            exit,
        }
    }

    /// `Alice (628…@s.whatsapp.net)`, or the id alone, or CHAT as given.
    fn label(&self) -> String {
        match (&self.name, &self.id) {
            (Some(n), Some(id)) => format!("{} ({id})", sanitize::one_line(n)),
            (None, Some(id)) => sanitize::one_line(id),
            _ => format!("\"{}\"", sanitize::one_line(&self.chat)),
        }
    }

    /// What happened, in words (the line's text after the label).
    fn said(&self) -> String {
        let marked = match self.messages {
            None => "marked read".to_owned(),
            Some(1) => "1 message marked read".to_owned(),
            Some(n) => format!("{n} messages marked read"),
        };
        match (self.result, self.read_receipts) {
            (ReadResult::Nothing, _) => "nothing to mark read".to_owned(),
            (ReadResult::Unconfirmed, _) => {
                "read request sent; not confirmed by the gateway".to_owned()
            }
            (_, true) => format!("{marked}; read receipts sent"),
            (_, false) => "unread counter reset; no read receipt sent".to_owned(),
        }
    }
}

/// Writes the report to stdout as chats are done.
pub struct ReadReport<W: Write> {
    format: Format,
    out: W,
    written: usize,
}

impl<W: Write> ReadReport<W> {
    pub fn new(format: Format, out: W) -> ReadReport<W> {
        ReadReport {
            format,
            out,
            written: 0,
        }
    }

    /// One chat: its line(s) or record on stdout, its notes and failure on stderr.
    pub fn write(&mut self, r: &ReadRecord) -> io::Result<()> {
        match self.format {
            Format::Json => {
                let sep = if self.written == 0 { "[\n" } else { ",\n" };
                write!(self.out, "{sep}{}", serde_json::to_string_pretty(r)?)?;
            }
            Format::Ndjson => writeln!(self.out, "{}", serde_json::to_string(r)?)?,
            _ if r.result == ReadResult::Failed => {}
            _ if r.result == ReadResult::DryRun && r.requests.is_empty() => {
                writeln!(self.out, "{}: would send nothing", r.label())?
            }
            _ if r.result == ReadResult::DryRun => {
                for req in &r.requests {
                    writeln!(
                        self.out,
                        "{}: would send {}",
                        r.label(),
                        sanitize::one_line(req)
                    )?;
                }
            }
            _ => writeln!(self.out, "{}: {}", r.label(), r.said())?,
        }
        self.written += 1;
        self.out.flush()?;
        // After the line, so a note follows the chat it is about on a terminal.
        let label = r.label();
        if let Some(e) = &r.error {
            crate::diag::error(&format!("{label}: {e}"));
        }
        for note in &r.notes {
            crate::diag::note(&format!("{label}: {note}"));
        }
        if matches!(r.result, ReadResult::Marked | ReadResult::Unconfirmed) && !r.read_receipts {
            crate::diag::note(&format!(
                "{label}: no WhatsApp read receipt was sent; the gateway only reset its own \
                 unread counter"
            ));
        }
        Ok(())
    }

    /// Close the JSON array and flush.
    pub fn finish(&mut self) -> io::Result<()> {
        if self.format == Format::Json {
            match self.written {
                0 => writeln!(self.out, "[]")?,
                _ => writeln!(self.out, "\n]")?,
            }
        }
        self.out.flush()
    }
}
