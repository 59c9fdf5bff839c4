//! CSV and TSV through the csv crate: a header row always, even for zero rows
//! (unless `--no-header`), `last_message` flattened into `last_message.*`
//! columns, and untrusted text made safe (see `sanitize`): CSV keeps line
//! breaks inside quoted cells; TSV, which cannot quote, gets one line per cell.

use std::io::{self, Write};

use super::fields::Field;
use super::{Options, Sink};
use crate::chat::Chat;
use crate::sanitize;

pub struct CsvSink<W: Write> {
    writer: ::csv::Writer<W>,
    fields: Vec<Field>,
    tsv: bool,
    raw: bool,
    header: bool,
}

impl<W: Write> CsvSink<W> {
    pub fn new(opts: &Options, delimiter: u8, out: W) -> Self {
        let tsv = delimiter == b'\t';
        let writer = ::csv::WriterBuilder::new()
            .delimiter(delimiter)
            .quote_style(if tsv {
                ::csv::QuoteStyle::Never
            } else {
                ::csv::QuoteStyle::Necessary
            })
            .from_writer(out);
        let fields = opts.fields.clone().unwrap_or_else(|| Field::FLAT.to_vec());
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
            let names: Vec<&str> = self.fields.iter().map(|f| f.name()).collect();
            self.writer.write_record(&names).map_err(io_error)?;
        }
        Ok(())
    }
}

impl<W: Write> Sink for CsvSink<W> {
    fn write(&mut self, chats: Vec<Chat>) -> io::Result<()> {
        self.header()?;
        for c in &chats {
            let row: Vec<String> = self
                .fields
                .iter()
                .map(|f| {
                    let cell = f.cell(c);
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
