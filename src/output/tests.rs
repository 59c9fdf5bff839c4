//! Every format with the tricky names a stranger can choose.

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use super::*;
use crate::chat::{Chat, LastMessage};
use crate::time::Timestamp;

/// An in-memory stdout (also used by the conversation view's tests).
#[derive(Clone, Default)]
pub(super) struct Buf(pub(super) Rc<RefCell<Vec<u8>>>);

impl Write for Buf {
    fn write(&mut self, b: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

const NAMES: &[&str] = &[
    "🍕 Pizza Club 🎉",
    "王小明",
    "مرحبا",
    "\u{202E}evil\u{202C}",
    "\u{1b}[31mRED\u{1b}[0m",
    "tab\there\nnewline",
    "=HYPERLINK(\"http://x\")",
    "",
    "csi\u{9b}2Jx del\u{7f} sep\u{2028}x zw\u{200B}j",
];

fn chats() -> Vec<Chat> {
    NAMES
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let mut c = Chat::new("p", "gowa", &format!("{}@s.whatsapp.net", 100 + i))
                .with_name(Some((*n).to_owned()));
            c.unread_count = Some(i as u64);
            c.last_activity_at = Timestamp::from_secs(1_722_170_400 - i as i64 * 60);
            c.last_message = Some(LastMessage {
                id: Some("X".into()),
                body: Some(format!("hi {n}")),
                at: c.last_activity_at,
                from_me: Some(false),
            });
            c
        })
        .collect()
}

fn render(format: Format, tty: bool) -> String {
    let opts = Options {
        format,
        no_header: false,
        csv_raw: false,
        fields: None,
        layout: Layout::Overview,
        show_profile: false,
        time: TimeStyle::Utc,
    };
    let buf = Buf::default();
    let term = Term {
        stdout_tty: tty,
        stdout_pipe: false,
        stderr_tty: false,
        color: false,
        width: super::DEFAULT_WIDTH,
    };
    let mut sink = open(&opts, term, buf.clone());
    let mut all = chats();
    let rest = all.split_off(3);
    sink.write(all).unwrap();
    sink.write(rest).unwrap();
    sink.finish().unwrap();
    let out = String::from_utf8(buf.0.borrow().clone()).unwrap();
    out
}

#[test]
fn table_is_safe_and_aligned() {
    let out = render(Format::Table, true);
    assert!(
        !out.contains('\u{1b}') && !out.contains('\u{202E}'),
        "{out}"
    );
    let widths: Vec<usize> = out
        .lines()
        .map(unicode_width::UnicodeWidthStr::width)
        .collect();
    assert!(
        widths.windows(2).all(|w| w[0] == w[1]),
        "rows differ in display width: {widths:?}\n{out}"
    );
    assert!(out.contains("王小明") && out.contains("2024-07-28 12:40 UTC"));
}

#[test]
fn json_is_exact_and_ndjson_one_per_line() {
    let json: serde_json::Value = serde_json::from_str(&render(Format::Json, false)).unwrap();
    let names: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        names, NAMES,
        "JSON keeps names exactly (the empty one is null)"
    );
    assert_eq!(json[7]["name"], serde_json::Value::Null);
    let pretty = render(Format::Json, true);
    assert!(pretty.starts_with("[\n  {"));
    let nd = render(Format::Ndjson, false);
    assert_eq!(nd.lines().count(), NAMES.len());
    assert!(nd
        .lines()
        .all(|l| serde_json::from_str::<serde_json::Value>(l).is_ok()));
}

// See: issue 9 item 15 — JSON and NDJSON to a terminal passed U+009B and U+202E raw.
#[test]
fn json_to_a_terminal_escapes_c1_and_bidi_but_keeps_the_value() {
    for format in [Format::Json, Format::Ndjson] {
        let tty = render(format, true);
        let pipe = render(format, false);
        for c in ['\u{9b}', '\u{202E}', '\u{7f}', '\u{2028}', '\u{200B}'] {
            assert!(
                !tty.contains(c),
                "U+{:04X} reached the terminal:\n{tty}",
                c as u32
            );
        }
        assert!(tty.contains("\\u202e") && tty.contains("\\u009b"), "{tty}");
        assert!(
            pipe.contains('\u{202E}') && pipe.contains('\u{9b}'),
            "a pipe keeps exact text"
        );
        let parse = |s: &str| -> Vec<serde_json::Value> {
            match format {
                Format::Json => serde_json::from_str(s).unwrap(),
                _ => s
                    .lines()
                    .map(|l| serde_json::from_str(l).unwrap())
                    .collect(),
            }
        };
        assert_eq!(parse(&tty), parse(&pipe), "the same JSON values");
    }
    // A character split across writes is still escaped.
    let buf = Buf::default();
    let mut w = crate::output::json::TerminalSafe::new(buf.clone());
    let bytes = "\"a\u{202E}b\"".as_bytes();
    w.write_all(&bytes[..3]).unwrap();
    w.write_all(&bytes[3..]).unwrap();
    w.flush().unwrap();
    assert_eq!(
        String::from_utf8(buf.0.borrow().clone()).unwrap(),
        "\"a\\u202eb\""
    );
}

#[test]
fn csv_quotes_and_neutralises_tsv_stays_one_line() {
    let csv = render(Format::Csv, false);
    let mut reader = ::csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), NAMES.len());
    assert_eq!(&rows[5][6], "tab\there\nnewline");
    assert_eq!(&rows[6][6], "'=HYPERLINK(\"http://x\")");
    assert_eq!(&rows[4][6], "RED");
    let tsv = render(Format::Tsv, false);
    assert_eq!(tsv.lines().count(), NAMES.len() + 1);
    assert!(tsv
        .lines()
        .all(|l| l.split('\t').count() == Field::FLAT.len()));
}
