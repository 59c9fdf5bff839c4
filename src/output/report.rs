//! Small string tables that are not chat records (`profiles list`, `profiles
//! check`), in every output format. Values come from the user's own config
//! and from gateways, so text is sanitised for the terminal like chat names.
//! The table fits the terminal like the chat tables do (`fit.rs`): each
//! column comes with its `Fit`, the caller's drop order.

use std::io::{self, Write};

use comfy_table::Table;
use serde_json::{Map, Value};
use unicode_width::UnicodeWidthStr;

use super::fields::Cell;
use super::fit::{fit, Fit};
use super::{Format, Term};
use crate::sanitize;

pub fn write(
    format: Format,
    term: Term,
    no_header: bool,
    columns: &[(&str, Fit)],
    rows: &[Vec<Cell>],
) -> io::Result<()> {
    let mut out = super::stdout();
    let headers: Vec<&str> = columns.iter().map(|(h, _)| *h).collect();
    let object = |row: &Vec<Cell>| {
        let map: Map<String, Value> = headers
            .iter()
            .zip(row)
            .map(|(h, v)| (h.to_string(), v.clone().into_json()))
            .collect();
        Value::Object(map)
    };
    match format {
        Format::Table => {
            let mut table = Table::new();
            table.load_preset(if term.stdout_tty {
                super::table::UTF8_HEADER_RULE
            } else {
                super::table::ASCII_HEADER_RULE
            });
            table.force_no_tty();
            let heads: Vec<String> = headers
                .iter()
                .map(|h| h.replace('_', " ").to_uppercase())
                .collect();
            let texts: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    r.iter()
                        .map(|v| super::table::show(v.clone(), Default::default()))
                        .collect()
                })
                .collect();
            let natural: Vec<usize> = (0..headers.len())
                .map(|i| {
                    let head = if no_header { 0 } else { heads[i].width() };
                    texts
                        .iter()
                        .map(|r| r[i].width())
                        .max()
                        .unwrap_or(0)
                        .max(head)
                })
                .collect();
            let fits: Vec<Fit> = columns.iter().map(|(_, f)| *f).collect();
            let limits = fit(&fits, &natural, term.width);
            let cut = |cells: Vec<String>| -> Vec<String> {
                cells
                    .into_iter()
                    .zip(&limits)
                    .filter_map(|(c, l)| l.map(|l| sanitize::truncate_width(&c, l)))
                    .collect()
            };
            if !no_header {
                table.set_header(cut(heads));
            }
            for row in texts {
                table.add_row(cut(row));
            }
            writeln!(out, "{table}")?;
        }
        Format::Json => {
            let all: Vec<Value> = rows.iter().map(object).collect();
            if term.stdout_tty {
                serde_json::to_writer_pretty(&mut out, &all)?;
            } else {
                serde_json::to_writer(&mut out, &all)?;
            }
            writeln!(out)?;
        }
        Format::Ndjson => {
            for row in rows {
                serde_json::to_writer(&mut out, &object(row))?;
                writeln!(out)?;
            }
        }
        Format::Csv | Format::Tsv => {
            let tsv = format == Format::Tsv;
            let mut w = ::csv::WriterBuilder::new()
                .delimiter(if tsv { b'\t' } else { b',' })
                .from_writer(&mut out);
            if !no_header {
                w.write_record(headers).map_err(io::Error::other)?;
            }
            for row in rows {
                let cells = row.iter().map(|v| {
                    let v = v.plain();
                    sanitize::csv_cell(&if tsv { sanitize::one_line(&v) } else { v }, false)
                });
                w.write_record(cells).map_err(io::Error::other)?;
            }
            w.flush()?;
        }
    }
    out.flush()
}
