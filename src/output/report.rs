//! Small string tables that are not chat records (`profiles list`, `profiles
//! check`), in every output format. Values come from the user's own config
//! and from gateways, so text is sanitised for the terminal like chat names.

use std::io::{self, Write};

use comfy_table::Table;
use serde_json::{Map, Value};

use super::fields::Cell;
use super::{Format, Term};
use crate::sanitize;

pub fn write(
    format: Format,
    term: Term,
    no_header: bool,
    headers: &[&str],
    rows: &[Vec<Cell>],
) -> io::Result<()> {
    let mut out = super::stdout();
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
            if !no_header {
                table.set_header(headers.iter().map(|h| h.replace('_', " ").to_uppercase()));
            }
            for row in rows {
                table.add_row(
                    row.iter()
                        .map(|v| super::table::show(v.clone(), Default::default())),
                );
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
