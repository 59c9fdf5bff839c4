//! CSV and TSV of any record through the csv crate: a header row always, even
//! for zero rows (unless `--no-header`), nested objects flattened into
//! `last_message.*` / `media.*` columns, and untrusted text made safe (see `sanitize`): CSV keeps line
//! breaks inside quoted cells; TSV, which cannot quote, gets one line per cell.

use std::io::{self, Write};

use super::record::Record;
use super::{Options, Sink};
use crate::sanitize;

pub struct CsvSink<W: Write, R: Record> {
    writer: ::csv::Writer<W>,
    fields: Vec<R::Field>,
    tsv: bool,
    raw: bool,
    header: bool,
}

impl<W: Write, R: Record> CsvSink<W, R> {
    /// `fields`: the `--fields` columns (else every flat column); the rest of `opts` as for chats.
    pub fn new(opts: &Options, fields: Option<Vec<R::Field>>, delimiter: u8, out: W) -> Self {
        let tsv = delimiter == b'\t';
        let writer = ::csv::WriterBuilder::new()
            .delimiter(delimiter)
            .quote_style(if tsv {
                ::csv::QuoteStyle::Never
            } else {
                ::csv::QuoteStyle::Necessary
            })
            .from_writer(out);
        let fields = fields.unwrap_or_else(|| R::FLAT.to_vec());
        CsvSink {
            writer,
            fields,
            tsv,
            raw: opts.csv_raw,
            header: !opts.no_header,
        }
    }

    fn header(&mut self) -> io::Result<()> {
        if std::mem::take(&mut self.header) {
            let names: Vec<&str> = self.fields.iter().map(|f| R::field_name(*f)).collect();
            self.writer.write_record(&names).map_err(io_error)?;
        }
        Ok(())
    }
}

impl<W: Write, R: Record> Sink<R> for CsvSink<W, R> {
    fn write(&mut self, chats: Vec<R>) -> io::Result<()> {
        self.header()?;
        for c in &chats {
            let row: Vec<String> = self
                .fields
                .iter()
                .map(|f| {
                    let cell = c.cell(*f);
                    let text = cell.plain();
                    match (cell.is_text(), self.tsv) {
                        (false, _) => text,
                        (true, true) => sanitize::csv_cell(&sanitize::one_line(&text), self.raw),
                        (true, false) => sanitize::csv_cell(&text, self.raw),
                    }
                })
                .collect();
            self.writer.write_record(&row).map_err(io_error)?;
        }
        self.writer.flush()
    }

    fn finish(&mut self) -> io::Result<()> {
        self.header()?;
        self.writer.flush()
    }
}

/// Keep the `io::Error` inside (a closed pipe must stay recognisable).
fn io_error(e: ::csv::Error) -> io::Error {
    match e.into_kind() {
        ::csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}
