//! The human table (comfy-table): aligned by display width so emoji and CJK
//! line up, names and previews sanitised and cut to fit the terminal, times
//! shown local and human, and `-` for what the gateway does not report.

use std::io::{self, Write};

use chrono::Local;
use comfy_table::{Attribute, Cell as TCell, CellAlignment, Color, ContentArrangement, Table};
use unicode_width::UnicodeWidthStr;

use super::fields::{Cell, Field};
use super::{Layout, Options, Sink, Term, TimeStyle};
use crate::chat::Chat;
use crate::sanitize;
use crate::time::Timestamp;

/// Width assumed when stdout is not a terminal and `COLUMNS` is unset.
const DEFAULT_WIDTH: usize = 120;
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

    fn width(&self, table: &Table) -> usize {
        table
            .width()
            .map(usize::from)
            .or(self.term.columns)
            .unwrap_or(DEFAULT_WIDTH)
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
        let width = self.width(&table);
        let cells: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|c| {
                cols.iter()
                    .map(|f| show(f.cell(c), self.opts.time))
                    .collect()
            })
            .collect();
        let limits = column_limits(&cols, &cells, width);
        if !self.opts.no_header {
            let head = cols.iter().map(|f| {
                let cell = TCell::new(header(*f));
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
            table.add_row(
                row.into_iter()
                    .zip(&cols)
                    .zip(&limits)
                    .map(|((text, f), limit)| {
                        let mut cell = TCell::new(sanitize::truncate_width(&text, *limit));
                        if matches!(f, Field::UnreadCount | Field::EphemeralSeconds) {
                            cell = cell.set_alignment(CellAlignment::Right);
                        }
                        if self.term.color && unread && *f == Field::UnreadCount {
                            cell = cell.fg(Color::Green).add_attribute(Attribute::Bold);
                        }
                        cell
                    }),
            );
        }
        if !self.rows.is_empty() || !self.opts.no_header {
            writeln!(self.out, "{table}")?;
        }
        self.out.flush()
    }
}

/// The widest each column may be so the table fits `width`: narrow columns
/// keep their natural width; names and previews share what is left.
fn column_limits(cols: &[Field], cells: &[Vec<String>], width: usize) -> Vec<usize> {
    let natural: Vec<usize> = (0..cols.len())
        .map(|i| {
            let head = header(cols[i]).width();
            cells
                .iter()
                .map(|r| r[i].width())
                .max()
                .unwrap_or(0)
                .max(head)
        })
        .collect();
    let flexible = |f: Field| {
        matches!(
            f,
            Field::Name | Field::LastMessage | Field::LastMessageBody | Field::Id | Field::Jid
        )
    };
    // Each column costs its content plus 3 for padding and a separator.
    let fixed: usize = cols
        .iter()
        .zip(&natural)
        .filter(|(f, _)| !flexible(**f))
        .map(|(_, w)| w + 3)
        .sum();
    let flex_count = cols.iter().filter(|f| flexible(**f)).count().max(1);
    let budget = width.saturating_sub(fixed + 1);
    let share = (budget / flex_count).saturating_sub(3).max(8);
    cols.iter()
        .zip(&natural)
        .map(|(f, w)| if flexible(*f) { (*w).min(share) } else { *w })
        .collect()
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

    #[test]
    fn flexible_columns_share_the_width() {
        let cols = [Field::Name, Field::UnreadCount, Field::LastMessage];
        let cells = vec![vec!["n".repeat(100), "3".to_owned(), "m".repeat(100)]];
        let limits = column_limits(&cols, &cells, 80);
        assert_eq!(limits[1], 6);
        assert!(limits[0] + limits[2] + limits[1] + 9 <= 80, "{limits:?}");
    }
}
