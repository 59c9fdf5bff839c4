//! The human table (comfy-table): aligned by display width so emoji and CJK
//! line up, names and previews sanitised, times shown local and human, and
//! `-` for what the gateway does not report. A chat without a name shows its
//! phone, else its JID, dimmed.
//!
//! It fits the terminal (`fit.rs`) down to 40 columns, never wrapping a row.
//! Names and previews are condensed first; then columns are dropped, least
//! useful first — `list`: ARCHIVED, KIND, PROFILE, CHAT, LAST ACTIVITY, UNREAD;
//! `overview`/`unread`: LAST ACTIVITY, PROFILE, LAST MESSAGE, UNREAD. NAME stays.
//! Columns named with `--fields` are never dropped, only cut.

use std::io::{self, Write};

use chrono::Local;
use comfy_table::{Attribute, Cell as TCell, CellAlignment, Color, ContentArrangement, Table};
use unicode_width::UnicodeWidthStr;

use super::fields::{Cell, Field};
use super::fit::{fit, Fit};
use super::{Layout, Options, Sink, Term, TimeStyle};
use crate::chat::Chat;
use crate::sanitize;
use crate::time::Timestamp;

const UNKNOWN: &str = "-";
/// comfy-table presets with only a rule under the header (no borders, no row lines).
pub const UTF8_HEADER_RULE: &str = "     ─             ";
pub const ASCII_HEADER_RULE: &str = "     -             ";

pub struct TableSink<W: Write> {
    opts: Options,
    term: Term,
    out: W,
    rows: Vec<Chat>,
}

impl<W: Write> TableSink<W> {
    pub fn new(opts: Options, term: Term, out: W) -> Self {
        TableSink {
            opts,
            term,
            out,
            rows: Vec::new(),
        }
    }

    fn columns(&self) -> Vec<Field> {
        if let Some(f) = &self.opts.fields {
            return f.clone();
        }
        let mut cols = Vec::new();
        if self.opts.show_profile {
            cols.push(Field::Profile);
        }
        match self.opts.layout {
            Layout::List => cols.extend([
                Field::Name,
                Field::Kind,
                Field::Id,
                Field::UnreadCount,
                Field::LastActivityAt,
                Field::Archived,
            ]),
            Layout::Overview => cols.extend([
                Field::Name,
                Field::UnreadCount,
                Field::LastActivityAt,
                Field::LastMessage,
            ]),
        }
        cols
    }

    /// How each column gives way to a narrow terminal (see the module doc).
    fn fits(&self, cols: &[Field]) -> Vec<Fit> {
        let explicit = self.opts.fields.is_some();
        cols.iter()
            .map(|f| {
                let min = match f {
                    Field::Name => Some(12),
                    Field::Id | Field::Jid => Some(12),
                    Field::LastMessage | Field::LastMessageBody => Some(10),
                    f if explicit && *f != Field::LastActivityAt => Some(4),
                    _ => None,
                };
                let drop = match (explicit, self.opts.layout, f) {
                    (true, _, _) | (_, _, Field::Name) => None,
                    (_, Layout::List, Field::Archived) => Some(1),
                    (_, Layout::List, Field::Kind) => Some(2),
                    (_, Layout::List, Field::Profile) => Some(3),
                    (_, Layout::List, Field::Id) => Some(4),
                    (_, Layout::List, Field::LastActivityAt) => Some(5),
                    (_, Layout::Overview, Field::LastActivityAt) => Some(1),
                    (_, Layout::Overview, Field::Profile) => Some(2),
                    (_, Layout::Overview, Field::LastMessage) => Some(3),
                    _ => Some(6),
                };
                Fit::new(min, drop)
            })
            .collect()
    }
}

fn header(f: Field) -> String {
    match f {
        Field::UnreadCount => "UNREAD".to_owned(),
        Field::LastActivityAt => "LAST ACTIVITY".to_owned(),
        Field::LastMessage => "LAST MESSAGE".to_owned(),
        Field::Id => "CHAT".to_owned(),
        f => f.name().replace(['.', '_'], " ").to_uppercase(),
    }
}

fn show_time(t: Timestamp, style: TimeStyle) -> String {
    match style {
        TimeStyle::Local => t
            .datetime()
            .with_timezone(&Local)
            .format("%Y-%m-%d %H:%M")
            .to_string(),
        TimeStyle::Utc => t.datetime().format("%Y-%m-%d %H:%M UTC").to_string(),
        TimeStyle::Relative => relative(Timestamp::now().secs() - t.secs()),
    }
}

/// "just now", "5 min ago", "3 h ago", "2 days ago", "in 4 h".
pub fn relative(ago: i64) -> String {
    let (n, future) = (ago.unsigned_abs(), ago < 0);
    let text = match n {
        0..=59 => return "just now".to_owned(),
        60..=3599 => format!("{} min", n / 60),
        3600..=86_399 => format!("{} h", n / 3600),
        86_400..=172_799 => "1 day".to_owned(),
        _ => format!("{} days", n / 86_400),
    };
    if future {
        format!("in {text}")
    } else {
        format!("{text} ago")
    }
}

pub(super) fn show(cell: Cell, style: TimeStyle) -> String {
    match cell {
        Cell::Null => UNKNOWN.to_owned(),
        Cell::Text(s) => sanitize::one_line(&s),
        Cell::Int(n) => n.to_string(),
        Cell::Bool(b) => if b { "yes" } else { "no" }.to_owned(),
        Cell::Time(t) => show_time(t, style),
        Cell::List(l) => sanitize::one_line(&l.join(" ")),
    }
}

impl<W: Write> Sink for TableSink<W> {
    fn write(&mut self, chats: Vec<Chat>) -> io::Result<()> {
        self.rows.extend(chats);
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        let cols = self.columns();
        let mut table = Table::new();
        table.load_preset(if self.term.stdout_tty {
            UTF8_HEADER_RULE
        } else {
            ASCII_HEADER_RULE
        });
        if self.term.color {
            table.enforce_styling();
        } else {
            table.force_no_tty();
        }
        table.set_content_arrangement(ContentArrangement::Disabled);
        // (text, dimmed): a missing name shows the phone, else the JID, dimmed.
        let cells: Vec<Vec<(String, bool)>> = self
            .rows
            .iter()
            .map(|c| {
                cols.iter()
                    .map(|f| match (f, f.cell(c)) {
                        (Field::Name, Cell::Null) => {
                            let id = c.phone.as_deref().or(c.jid.as_deref()).unwrap_or(&c.id);
                            (sanitize::one_line(id), true)
                        }
                        (_, cell) => (show(cell, self.opts.time), false),
                    })
                    .collect()
            })
            .collect();
        let natural: Vec<usize> = (0..cols.len())
            .map(|i| {
                let head = if self.opts.no_header {
                    0
                } else {
                    header(cols[i]).width()
                };
                cells
                    .iter()
                    .map(|r| r[i].0.width())
                    .max()
                    .unwrap_or(0)
                    .max(head)
            })
            .collect();
        let limits = fit(&self.fits(&cols), &natural, self.term.width);
        let keep = |i: &usize| limits[*i].is_some();
        if !self.opts.no_header {
            let head = (0..cols.len()).filter(keep).map(|i| {
                let cell = TCell::new(sanitize::truncate_width(
                    &header(cols[i]),
                    limits[i].unwrap_or(0),
                ));
                if self.term.color {
                    cell.add_attribute(Attribute::Bold)
                } else {
                    cell
                }
            });
            table.set_header(head);
        }
        for (chat, row) in self.rows.iter().zip(cells) {
            let unread = chat.unread_count.unwrap_or(0) > 0;
            table.add_row(row.into_iter().enumerate().filter(|(i, _)| keep(i)).map(
                |(i, (text, dim))| {
                    let f = cols[i];
                    let limit = limits[i].unwrap_or(0);
                    let mut cell = TCell::new(sanitize::truncate_width(&text, limit));
                    if matches!(f, Field::UnreadCount | Field::EphemeralSeconds) {
                        cell = cell.set_alignment(CellAlignment::Right);
                    }
                    if self.term.color && unread && f == Field::UnreadCount {
                        cell = cell.fg(Color::Green).add_attribute(Attribute::Bold);
                    }
                    if self.term.color && dim {
                        cell = cell.add_attribute(Attribute::Dim);
                    }
                    cell
                },
            ));
        }
        if !self.rows.is_empty() || !self.opts.no_header {
            writeln!(self.out, "{table}")?;
        }
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_times() {
        assert_eq!(relative(5), "just now");
        assert_eq!(relative(300), "5 min ago");
        assert_eq!(relative(7200), "2 h ago");
        assert_eq!(relative(90_000), "1 day ago");
        assert_eq!(relative(3 * 86_400), "3 days ago");
        assert_eq!(relative(-7200), "in 2 h");
    }
}
