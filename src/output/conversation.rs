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
//! The layout itself is `conversation/lines.rs`, shared with `browse/`.

use std::io::{self, Write};

use chrono::Utc;

use super::{Options, Sink, Term, TimeStyle};
use crate::message::Message;
use crate::sanitize;
pub use lines::{human_size, wrap, Line, Lines, Tone, MAX_SENDER};

mod lines;

pub struct ConversationSink<W: Write> {
    time: TimeStyle,
    color: bool,
    width: usize,
    title: Option<String>,
    out: W,
    /// Set up by the first page (the sender column is sized on it).
    lines: Option<Lines>,
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
            lines: None,
            written: 0,
        }
    }

    /// Every sender in a column of the widest size (a view that streams without a first page,
    /// like `watch`).
    pub fn full_senders(mut self) -> Self {
        self.lines = Some(Lines::new(self.time, self.width, MAX_SENDER, Utc::now()));
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

    /// One styled line as terminal text.
    fn painted(&self, line: &Line) -> String {
        let mut text = String::new();
        for (tone, piece) in line {
            match tone {
                Tone::Plain => text.push_str(piece),
                Tone::Dim => text.push_str(&self.paint("2", piece)),
                Tone::Bold => text.push_str(&self.paint("1", piece)),
                Tone::Read => text.push_str(&self.paint("34", piece)),
            }
        }
        text.trim_end().to_owned()
    }
}

impl<W: Write> Sink<Message> for ConversationSink<W> {
    fn write(&mut self, rows: Vec<Message>) -> io::Result<()> {
        if self.written == 0 {
            if let Some(title) = self.title.take() {
                let title = self.paint("1", &sanitize::one_line(&title));
                writeln!(self.out, "{title}")?;
            }
        }
        // Sized on the first page (all of it when printing oldest first), then kept.
        let mut lines = self.lines.take().unwrap_or_else(|| {
            let sender_width = Lines::sender_width_for(&rows);
            Lines::new(self.time, self.width, sender_width, Utc::now())
        });
        // Relative times count from now, also in a sink that lives long (`watch`).
        lines.set_now(Utc::now());
        for m in &rows {
            for line in lines.message(m) {
                writeln!(self.out, "{}", self.painted(&line))?;
            }
            self.written += 1;
        }
        self.lines = Some(lines);
        self.out.flush()
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests;
