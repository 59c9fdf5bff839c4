//! The conversation as styled lines, independent of where they go: the
//! `messages list` table paints them with ANSI codes (`ConversationSink`), the
//! interactive browser (`browse/`) turns them into ratatui spans. One layout,
//! so both read the same: day separators, senders, media placeholders,
//! replies, ticks, `(edited)`, `[message deleted]`, every text sanitised.

use std::collections::HashMap;

use chrono::{DateTime, Local, NaiveDate, Utc};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::chat::Jid;
use crate::message::{Message, MessageKind, Status};
use crate::output::table::relative;
use crate::output::TimeStyle;
use crate::sanitize;

/// The sender column never grows beyond this (longer names are cut).
pub const MAX_SENDER: usize = 16;
/// Quoted texts remembered for reply marks (bounded: memory stays flat).
const MAX_QUOTES: usize = 4096;
const QUOTE_CHARS: usize = 40;

/// How a piece of a line is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    /// Times, day separators, reply quotes.
    Dim,
    /// Senders, the title.
    Bold,
    /// Blue ticks: read or played.
    Read,
}

/// One display line: pieces of text with their tone, already sanitised.
pub type Line = Vec<(Tone, String)>;

/// Lays out messages, oldest first, into lines of at most `width` columns
/// (text wrapped on a hanging indent, never cut). Keeps the current day and
/// recent quotes between calls.
pub struct Lines {
    time: TimeStyle,
    width: usize,
    sender_width: usize,
    /// "Now" for relative times (frozen in tests).
    now: DateTime<Utc>,
    day: Option<NaiveDate>,
    quotes: HashMap<String, String>,
}

impl Lines {
    pub fn new(time: TimeStyle, width: usize, sender_width: usize, now: DateTime<Utc>) -> Lines {
        Lines {
            time,
            width,
            sender_width,
            now,
            day: None,
            quotes: HashMap::new(),
        }
    }

    /// Move "now" (relative times) to `now`.
    pub fn set_now(&mut self, now: DateTime<Utc>) {
        self.now = now;
    }

    /// The sender column's width for these messages.
    pub fn sender_width_for<'a>(rows: impl IntoIterator<Item = &'a Message>) -> usize {
        let widest = rows
            .into_iter()
            .map(|m| sender(m).width())
            .max()
            .unwrap_or(0);
        widest.clamp(2, MAX_SENDER)
    }

    fn time_width(&self) -> usize {
        if self.time == TimeStyle::Relative {
            12
        } else {
            5
        }
    }

    fn time_text(&self, at: DateTime<Utc>) -> String {
        match self.time {
            TimeStyle::Local => at.with_timezone(&Local).format("%H:%M").to_string(),
            TimeStyle::Utc => at.format("%H:%M").to_string(),
            TimeStyle::Relative => relative(self.now.timestamp() - at.timestamp()),
        }
    }

    fn date_of(&self, at: DateTime<Utc>) -> (NaiveDate, String) {
        let (date, suffix) = match self.time {
            TimeStyle::Utc => (at.date_naive(), " UTC"),
            _ => (at.with_timezone(&Local).date_naive(), ""),
        };
        (date, format!("{}{suffix}", date.format("%a %d %b %Y")))
    }

    /// The lines of `m`: a day separator first when the date changed.
    pub fn message(&mut self, m: &Message) -> Vec<Line> {
        let mut out = Vec::new();
        if let Some(at) = m.at.map(|t| t.datetime()) {
            let (date, label) = self.date_of(at);
            if self.day != Some(date) {
                self.day = Some(date);
                let rule = "─".repeat(self.width.saturating_sub(label.width() + 4).min(60));
                out.push(vec![(Tone::Dim, format!("── {label} {rule}"))]);
            }
        }
        let time_w = self.time_width();
        let time =
            m.at.map_or("--:--".to_owned(), |t| self.time_text(t.datetime()));
        let sender_w = self.sender_width;
        let who = sanitize::truncate_width(&sender(m), sender_w);
        let indent = time_w + 2 + sender_w + 2;
        let text_w = self.width.saturating_sub(indent).max(10);
        let mut body: Vec<Line> = Vec::new();
        if let Some(reply) = &m.reply_to {
            let quoted = self
                .quotes
                .get(reply)
                .cloned()
                .unwrap_or_else(|| "a message".to_owned());
            let quote = sanitize::truncate_width(&format!("↩ {quoted}"), text_w);
            body.push(vec![(Tone::Dim, quote)]);
        }
        for text in body_lines(m) {
            body.extend(
                wrap(&text, text_w)
                    .into_iter()
                    .map(|l| vec![(Tone::Plain, l)]),
            );
        }
        if let Some(t) = m.status.filter(|_| m.from_me == Some(true)) {
            let tone = match t {
                Status::Read | Status::Played => Tone::Read,
                _ => Tone::Plain,
            };
            let ticks = ticks(t);
            let last = body.pop().unwrap_or_default();
            let last_w: usize = last.iter().map(|(_, s)| s.width()).sum();
            if last_w + 2 + ticks.width() <= text_w {
                let mut last = last;
                last.push((Tone::Plain, "  ".to_owned()));
                last.push((tone, ticks.to_owned()));
                body.push(last);
            } else {
                body.extend([last, vec![(tone, ticks.to_owned())]]);
            }
        }
        let pad = |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(s.width())));
        for (i, line) in body.into_iter().enumerate() {
            let mut full: Line = if i == 0 {
                vec![
                    (Tone::Dim, pad(&time, time_w)),
                    (Tone::Plain, "  ".to_owned()),
                    (Tone::Bold, pad(&who, sender_w)),
                    (Tone::Plain, "  ".to_owned()),
                ]
            } else {
                vec![(Tone::Plain, " ".repeat(indent))]
            };
            full.extend(line);
            out.push(full);
        }
        self.remember(m);
        out
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
pub fn sender(m: &Message) -> String {
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
pub fn body_lines(m: &Message) -> Vec<String> {
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
