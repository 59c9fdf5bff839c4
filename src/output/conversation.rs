//! The conversation view of `messages list` in `table` format: a chat as it
//! reads on a phone, streamed line by line (memory stays flat with `--all`).
//!
//! ```text
//! ── Sat 29 Jun 2024 ──────────────────────────────
//! 12:00  Alice  Hello there!
//! 12:01  me     ok 👍                            ✓✓
//! 12:05  Alice  ↩ me: ok 👍
//!               [image · photo.jpg · 196 KB] look at this
//! ```
//!
//! Time (local, `--utc`, `--relative`), a day separator when the date
//! changes, the sender (`me`, the name, else the phone or JID), the text
//! wrapped to the terminal width on a hanging indent (never cut), media as a
//! placeholder with what is known, replies marked with the quoted text when it
//! was shown, ticks for own messages. Every piece of text is sanitised.

use std::collections::HashMap;
use std::io::{self, Write};

use chrono::{DateTime, Local, NaiveDate, Utc};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::table::relative;
use super::{Options, Sink, Term, TimeStyle};
use crate::chat::Jid;
use crate::message::{Message, MessageKind, Status};
use crate::sanitize;

/// The sender column never grows beyond this (longer names are cut).
const MAX_SENDER: usize = 16;
/// Quoted texts remembered for reply marks (bounded: memory stays flat).
const MAX_QUOTES: usize = 4096;
const QUOTE_CHARS: usize = 40;

pub struct ConversationSink<W: Write> {
    time: TimeStyle,
    color: bool,
    width: usize,
    title: Option<String>,
    out: W,
    /// The sender column's width, set by the first page.
    sender_width: Option<usize>,
    day: Option<NaiveDate>,
    quotes: HashMap<String, String>,
    written: usize,
}

impl<W: Write> ConversationSink<W> {
    /// `title` (the chat's name and id) heads the view unless `--no-header`.
    pub fn new(opts: &Options, term: Term, title: Option<String>, out: W) -> Self {
        let width = term.width.max(30);
        ConversationSink {
            time: opts.time,
            color: term.color,
            width,
            title: title.filter(|_| !opts.no_header),
            out,
            sender_width: None,
            day: None,
            quotes: HashMap::new(),
            written: 0,
        }
    }

    /// Every sender in a column of the widest size (a view that streams without a first page,
    /// like `watch`).
    pub fn full_senders(mut self) -> Self {
        self.sender_width = Some(MAX_SENDER);
        self
    }

    /// A bold line of its own (sanitised), e.g. the chat the next lines belong to.
    pub fn heading(&mut self, text: &str) -> io::Result<()> {
        let line = self.paint("1", &sanitize::one_line(text));
        writeln!(self.out, "{line}")
    }

    fn paint(&self, code: &str, s: &str) -> String {
        if self.color && !s.is_empty() {
            format!("\u{1b}[{code}m{s}\u{1b}[0m")
        } else {
            s.to_owned()
        }
    }

    fn time_text(&self, at: DateTime<Utc>) -> String {
        match self.time {
            TimeStyle::Local => at.with_timezone(&Local).format("%H:%M").to_string(),
            TimeStyle::Utc => at.format("%H:%M").to_string(),
            TimeStyle::Relative => relative(Utc::now().timestamp() - at.timestamp()),
        }
    }

    fn date_of(&self, at: DateTime<Utc>) -> (NaiveDate, String) {
        let (date, suffix) = match self.time {
            TimeStyle::Utc => (at.date_naive(), " UTC"),
            _ => (at.with_timezone(&Local).date_naive(), ""),
        };
        (date, format!("{}{suffix}", date.format("%a %d %b %Y")))
    }

    fn line(&mut self, m: &Message) -> io::Result<()> {
        if let Some(at) = m.at.map(|t| t.datetime()) {
            let (date, label) = self.date_of(at);
            if self.day != Some(date) {
                self.day = Some(date);
                let rule = "─".repeat(self.width.saturating_sub(label.width() + 4).min(60));
                let sep = self.paint("2", &format!("── {label} {rule}"));
                writeln!(self.out, "{sep}")?;
            }
        }
        let time_w = if self.time == TimeStyle::Relative {
            12
        } else {
            5
        };
        let time =
            m.at.map_or("--:--".to_owned(), |t| self.time_text(t.datetime()));
        let sender = sender(m);
        let sender_w = self.sender_width.unwrap_or(MAX_SENDER);
        let sender = sanitize::truncate_width(&sender, sender_w);
        let indent = time_w + 2 + sender_w + 2;
        let text_w = self.width.saturating_sub(indent).max(10);
        let mut lines = Vec::new();
        if let Some(reply) = &m.reply_to {
            let quoted = self
                .quotes
                .get(reply)
                .cloned()
                .unwrap_or_else(|| "a message".to_owned());
            lines.push(self.paint("2", &format!("↩ {quoted}")));
        }
        for body in body_lines(m) {
            lines.extend(wrap(&body, text_w));
        }
        if let Some(ticks) = m.status.filter(|_| m.from_me == Some(true)).map(ticks) {
            let last = lines.pop().unwrap_or_default();
            let ticks = if m.status == Some(Status::Read) || m.status == Some(Status::Played) {
                self.paint("34", ticks)
            } else {
                ticks.to_owned()
            };
            if last.width() + 2 + ticks.width() <= text_w {
                lines.push(format!("{last}  {ticks}"));
            } else {
                lines.extend([last, ticks]);
            }
        }
        let pad = |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(s.width())));
        let head = format!(
            "{}  {}  ",
            self.paint("2", &pad(&time, time_w)),
            self.paint("1", &pad(&sender, sender_w))
        );
        for (i, text) in lines.iter().enumerate() {
            let lead = if i == 0 {
                head.clone()
            } else {
                " ".repeat(indent)
            };
            writeln!(self.out, "{}", format!("{lead}{text}").trim_end())?;
        }
        self.remember(m);
        Ok(())
    }

    /// Keep a short quote of `m` for later replies to it.
    fn remember(&mut self, m: &Message) {
        if self.quotes.len() >= MAX_QUOTES {
            self.quotes.clear();
        }
        let who = sender(m);
        let what = m
            .text
            .as_deref()
            .map(sanitize::one_line)
            .unwrap_or_else(|| format!("[{}]", m.kind.as_str()));
        let quote = format!("{who}: {}", sanitize::truncate_width(&what, QUOTE_CHARS));
        self.quotes.insert(m.wa_id.clone(), quote);
    }
}

/// `me`, the sender's name, else the phone number or JID; `?` when unknown.
fn sender(m: &Message) -> String {
    if m.from_me == Some(true) {
        return "me".to_owned();
    }
    if let Some(name) = m.sender_name.as_deref().map(sanitize::one_line) {
        if !name.is_empty() {
            return name;
        }
    }
    match m.sender.as_deref().and_then(Jid::parse) {
        Some(j) => j.phone().map_or_else(|| j.to_string(), |p| format!("+{p}")),
        None => "?".to_owned(),
    }
}

fn ticks(s: Status) -> &'static str {
    match s {
        Status::Pending => "🕓",
        Status::Sent => "✓",
        Status::Delivered | Status::Read | Status::Played => "✓✓",
        Status::Failed => "✗ failed",
    }
}

/// "196 KB", "1.2 MB", "512 B".
pub fn human_size(bytes: u64) -> String {
    match bytes {
        0..=1023 => format!("{bytes} B"),
        1024..=1_048_575 => format!("{} KB", bytes / 1024),
        _ => format!("{:.1} MB", bytes as f64 / 1_048_576.0),
    }
}

/// The message's text as display lines (line breaks kept, each sanitised),
/// with the media or kind placeholder and the edited mark.
fn body_lines(m: &Message) -> Vec<String> {
    if m.deleted == Some(true) {
        return vec!["[message deleted]".to_owned()];
    }
    let mut tag = Vec::new();
    if let Some(media) = &m.media {
        tag.push(m.kind.as_str().to_owned());
        tag.extend(media.filename.as_deref().map(sanitize::one_line));
        tag.extend(media.size.map(human_size));
    } else if !matches!(m.kind, MessageKind::Text) {
        tag.push(m.kind.as_str().to_owned());
    }
    let mut lines: Vec<String> = m
        .text
        .as_deref()
        .map(|t| t.split('\n').map(sanitize::one_line).collect())
        .unwrap_or_default();
    if !tag.is_empty() {
        let tag = format!("[{}]", tag.join(" · "));
        match lines.first_mut() {
            Some(first) => *first = format!("{tag} {first}").trim_end().to_owned(),
            None => lines.push(tag),
        }
    }
    if lines.is_empty() {
        lines.push("[no text]".to_owned());
    }
    if m.edited == Some(true) {
        if let Some(last) = lines.last_mut() {
            last.push_str(" (edited)");
        }
    }
    lines
}

/// Wrap one line to `width` columns, at spaces where possible (never cut).
pub fn wrap(line: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out = Vec::new();
    let mut cur = String::new();
    for word in line.split(' ') {
        let sep = usize::from(!cur.is_empty());
        if cur.width() + sep + word.width() <= width {
            if sep == 1 {
                cur.push(' ');
            }
            cur.push_str(word);
            continue;
        }
        if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        for c in word.chars() {
            if cur.width() + c.width().unwrap_or(0) > width && !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            cur.push(c);
        }
    }
    out.push(cur);
    out
}

impl<W: Write> Sink<Message> for ConversationSink<W> {
    fn write(&mut self, rows: Vec<Message>) -> io::Result<()> {
        if self.written == 0 {
            if let Some(title) = self.title.take() {
                let title = self.paint("1", &sanitize::one_line(&title));
                writeln!(self.out, "{title}")?;
            }
        }
        if self.sender_width.is_none() {
            // Sized on the first page (all of it when printing oldest first), then kept.
            let widest = rows.iter().map(|m| sender(m).width()).max().unwrap_or(0);
            self.sender_width = Some(widest.clamp(2, MAX_SENDER));
        }
        for m in &rows {
            self.line(m)?;
            self.written += 1;
        }
        self.out.flush()
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests;
