//! Everything written to stdout. Formats receive chats page by page through
//! `Sink`: NDJSON, CSV, TSV and compact JSON write each page as it arrives; the
//! table and pretty JSON (for a person at a terminal) buffer.
//!
//! `Term` is decided once: whether stdout/stderr are terminals and whether to
//! use colour. It changes presentation (colour, widths, JSON whitespace), never
//! rows, order, keys or the bytes of NDJSON/CSV/TSV.

pub mod conversation;
pub mod csv;
pub mod fields;
pub mod fit;
pub mod json;
pub mod message_fields;
pub mod progress;
pub mod prompt;
pub mod read_report;
pub mod record;
pub mod report;
pub mod table;
#[cfg(test)]
mod tests;
pub mod watch;

use std::io::{self, IsTerminal, Write};

use crate::chat::Chat;
use fields::Field;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Ndjson,
    Csv,
    Tsv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// How the table shows times.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TimeStyle {
    #[default]
    Local,
    Utc,
    Relative,
}

/// The terminal, as decided once at start-up.
#[derive(Debug, Clone, Copy)]
pub struct Term {
    pub stdout_tty: bool,
    /// stdout is a pipe (`| jq`): its reader may print to our terminal.
    pub stdout_pipe: bool,
    pub stderr_tty: bool,
    pub color: bool,
    /// The width tables fit into, measured once: `COLUMNS`, else the
    /// terminal's (also through a pager with `WA_INBOX_FORCE_TTY=1`, from the
    /// controlling terminal), else 120.
    pub width: usize,
}

/// Table width when neither `COLUMNS` nor a terminal says.
pub const DEFAULT_WIDTH: usize = 120;

/// The environment variables that shape `Term`, read by the command layer.
#[derive(Debug, Clone, Copy, Default)]
pub struct TermEnv {
    /// `WA_INBOX_FORCE_TTY=1`.
    pub force_tty: bool,
    /// `NO_COLOR` is set and not empty.
    pub no_color: bool,
    /// `TERM=dumb`.
    pub dumb: bool,
    /// `COLUMNS`, when a number.
    pub columns: Option<usize>,
}

impl Term {
    /// `WA_INBOX_FORCE_TTY=1` makes stdout count as a terminal (for tests and
    /// for seeing the table through a pager). `NO_COLOR` (non-empty) and
    /// `TERM=dumb` turn colour off under `--color auto`.
    pub fn detect(choice: ColorChoice, env: &TermEnv) -> Term {
        let stdout_tty = env.force_tty || io::stdout().is_terminal();
        let (no_color, dumb) = (env.no_color, env.dumb);
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => stdout_tty && !no_color && !dumb,
        };
        let stderr_tty = io::stderr().is_terminal();
        let real_terminal = io::stdout().is_terminal() || (env.force_tty && stderr_tty);
        let width = env
            .columns
            .filter(|c| *c > 0)
            .or_else(|| real_terminal.then(terminal_width).flatten())
            .unwrap_or(DEFAULT_WIDTH);
        Term {
            stdout_tty,
            stdout_pipe: stdout_is_pipe(),
            stderr_tty,
            color,
            width,
        }
    }
}

#[cfg(unix)]
fn stdout_is_pipe() -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::FileTypeExt;
    io::stdout()
        .as_fd()
        .try_clone_to_owned()
        .map(std::fs::File::from)
        .and_then(|f| f.metadata())
        .is_ok_and(|m| m.file_type().is_fifo())
}

#[cfg(not(unix))]
fn stdout_is_pipe() -> bool {
    false
}

/// The controlling terminal's width in columns.
fn terminal_width() -> Option<usize> {
    crossterm::terminal::size()
        .ok()
        .map(|(w, _)| usize::from(w))
        .filter(|w| *w > 0)
}

/// Which columns the table shows by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    List,
    Overview,
}

#[derive(Debug, Clone)]
pub struct Options {
    pub format: Format,
    pub no_header: bool,
    pub csv_raw: bool,
    pub fields: Option<Vec<Field>>,
    pub layout: Layout,
    /// Show which profile each row is from (merged views).
    pub show_profile: bool,
    pub time: TimeStyle,
}

/// Where records (chats by default) go, page by page.
pub trait Sink<R = Chat> {
    /// Take one page; buffering sinks keep the records without copying them.
    fn write(&mut self, rows: Vec<R>) -> io::Result<()>;
    /// Close the document (JSON's `]`, the table) and flush.
    fn finish(&mut self) -> io::Result<()>;
}

pub type Out = io::BufWriter<io::StdoutLock<'static>>;

pub fn stdout() -> Out {
    io::BufWriter::with_capacity(64 * 1024, io::stdout().lock())
}

/// The sink for `opts.format`, writing to `out`.
pub fn open<W: Write + 'static>(opts: &Options, term: Term, out: W) -> Box<dyn Sink> {
    match opts.format {
        Format::Table => Box::new(table::TableSink::new(opts.clone(), term, out)),
        _ => streaming::<W, Chat>(opts, opts.fields.clone(), term, out)
            .unwrap_or_else(|out| Box::new(table::TableSink::new(opts.clone(), term, out))),
    }
}

/// The JSON, NDJSON, CSV or TSV sink of any record, with its `--fields`;
/// `out` back for `Format::Table` (each record has its own table).
pub fn streaming<W: Write + 'static, R: record::Record + 'static>(
    opts: &Options,
    fields: Option<Vec<R::Field>>,
    term: Term,
    out: W,
) -> Result<Box<dyn Sink<R>>, W> {
    Ok(match opts.format {
        Format::Table => return Err(out),
        Format::Json if term.stdout_tty => Box::new(json::JsonSink::new(
            fields,
            true,
            json::TerminalSafe::new(out),
        )),
        Format::Json => Box::new(json::JsonSink::new(fields, false, out)),
        Format::Ndjson if term.stdout_tty => {
            Box::new(json::NdjsonSink::new(fields, json::TerminalSafe::new(out)))
        }
        Format::Ndjson => Box::new(json::NdjsonSink::new(fields, out)),
        Format::Csv => Box::new(csv::CsvSink::new(opts, fields, b',', out)),
        Format::Tsv => Box::new(csv::CsvSink::new(opts, fields, b'\t', out)),
    })
}

/// Keeps every chat (merged views sort them before output).
#[derive(Default)]
pub struct Collect(pub Vec<Chat>);

impl Sink for Collect {
    fn write(&mut self, chats: Vec<Chat>) -> io::Result<()> {
        self.0.extend(chats);
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// `--count`: the number of chats and of unread messages, nothing else.
#[derive(Default)]
pub struct Count {
    pub chats: u64,
    pub unread: u64,
}

impl Sink for Count {
    fn write(&mut self, chats: Vec<Chat>) -> io::Result<()> {
        self.chats += chats.len() as u64;
        self.unread += chats.iter().filter_map(|c| c.unread_count).sum::<u64>();
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Print the `--count` line: chats, and for `unread` a tab and the unread total.
pub fn write_count(count: &Count, with_unread: bool) -> io::Result<()> {
    let mut out = stdout();
    if with_unread {
        writeln!(out, "{}\t{}", count.chats, count.unread)?;
    } else {
        writeln!(out, "{}", count.chats)?;
    }
    out.flush()
}
