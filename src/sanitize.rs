//! Making text written by strangers (chat names, previews, gateway error
//! messages) safe for a terminal, a TSV file or a spreadsheet.
//!
//! - Terminal and TSV: escape sequences and C0/C1 controls are removed, line
//!   breaks (CR, LF, U+2028, U+2029) and tabs become spaces, and characters
//!   that reorder or hide what a line shows are dropped: every format control
//!   (General_Category Cf: bidi controls, zero-width and tag characters,
//!   interlinear annotations) and every Default_Ignorable_Code_Point (Hangul
//!   fillers, U+180E, U+034F…), from the Unicode data of `icu_properties`.
//!   ZWJ, ZWNJ and variation selectors stay: emoji and Persian need them.
//! - CSV: cells keep their line breaks (CSV quotes them), written as LF
//!   whatever they were (a bare CR splits rows in some readers), but lose other controls;
//!   a text cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`
//!   so a spreadsheet does not run it as a formula (OWASP "CSV Injection").
//!   Numbers stay numbers. `--csv-raw` turns the prefix off.
//! - JSON is never touched here: serde escapes it exactly.
//!
//! A leaf module (it imports nothing of ours), so `output/`, `diag` and
//! `provider/` (gateway error bodies) share it without `provider` → `output`.

use icu_properties::props::{DefaultIgnorableCodePoint, GeneralCategory};
use icu_properties::{CodePointMapData, CodePointSetData};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// A character that can reorder or hide what a line shows: a format control
/// (Cf) or a Default_Ignorable_Code_Point, except ZWJ, ZWNJ and variation selectors.
pub fn is_hidden(c: char) -> bool {
    if c.is_ascii()
        || matches!(c, '\u{200C}' | '\u{200D}' | '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}')
    {
        return false;
    }
    CodePointSetData::new::<DefaultIgnorableCodePoint>().contains(c)
        || CodePointMapData::<GeneralCategory>::new().get(c) == GeneralCategory::Format
}

/// A line break: LF, CR, and the Unicode line and paragraph separators.
pub fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// Drop ANSI/VT escape sequences (CSI `ESC [ … final`, OSC `ESC ] … BEL/ST`,
/// and two-byte `ESC x`) and hand every other char to `keep`.
fn strip_escapes(s: &str, mut keep: impl FnMut(char)) {
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\u{1b}' && c != '\u{9b}' {
            keep(c);
            continue;
        }
        let kind = if c == '\u{9b}' {
            Some('[')
        } else {
            chars.next()
        };
        match kind {
            Some('[') => {
                for n in chars.by_ref() {
                    if ('\u{40}'..='\u{7e}').contains(&n) {
                        break;
                    }
                }
            }
            Some(']') | Some('P') | Some('_') | Some('^') => {
                while let Some(n) = chars.next() {
                    if n == '\u{7}' || n == '\u{9c}' {
                        break;
                    }
                    if n == '\u{1b}' && chars.peek() == Some(&'\\') {
                        chars.next();
                        break;
                    }
                }
            }
            _ => {}
        }
    }
}

/// One line, safe for a terminal or a TSV cell.
pub fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    strip_escapes(s, |c| {
        let c = if is_line_break(c) || c == '\t' {
            ' '
        } else {
            c
        };
        if c.is_control() || is_hidden(c) {
            return;
        }
        if c == ' ' {
            if !space && !out.is_empty() {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    });
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// A CSV cell: line breaks written as LF (CRLF and a bare CR too), other
/// controls removed, formula prefix neutralised unless `raw`.
pub fn csv_cell(s: &str, raw: bool) -> String {
    let mut out = String::with_capacity(s.len() + 1);
    let mut after_cr = false;
    strip_escapes(s, |c| {
        if std::mem::replace(&mut after_cr, c == '\r') && c == '\n' {
            return;
        }
        if is_line_break(c) {
            out.push('\n');
        } else if !(is_hidden(c) || c.is_control() && c != '\t') {
            out.push(c);
        }
    });
    if !raw && needs_formula_guard(&out) {
        out.insert(0, '\'');
    }
    out
}

fn needs_formula_guard(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    // A leading CR is written as LF here; both are guarded.
    if !matches!(first, '=' | '+' | '-' | '@' | '\t' | '\r' | '\n') {
        return false;
    }
    // "-12" or "+3.5" is a number, not a formula.
    s.parse::<f64>().is_err()
}

/// Cut to at most `max` terminal columns, ending in `…` when cut.
pub fn truncate_width(s: &str, max: usize) -> String {
    if s.width() <= max {
        return s.to_owned();
    }
    let mut out = String::new();
    let mut width = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if width + w + 1 > max {
            break;
        }
        out.push(c);
        width += w;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// `s` as one word for a POSIX shell, safe to paste: bare when it holds only
/// characters no shell treats specially, else in single quotes (a `'` inside
/// written `'\''`). `None` when it cannot stay one visible line (control,
/// invisible or bidi characters), as the terminal would not show it as it is.
pub fn shell_word(s: &str) -> Option<String> {
    if s.is_empty() {
        return Some("''".to_owned());
    }
    if s.chars()
        .any(|c| c.is_control() || is_hidden(c) || c.is_whitespace() && c != ' ')
    {
        return None;
    }
    let plain = |c: char| c.is_ascii_alphanumeric() || "_-.,:/@%+=".contains(c);
    if s.chars().all(plain) {
        return Some(s.to_owned());
    }
    Some(format!("'{}'", s.replace('\'', "'\\''")))
}

/// The longest prefix of `s` of at most `max` bytes that ends on a character boundary.
pub fn head(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_text_loses_escapes_controls_and_bidi() {
        assert_eq!(one_line("\u{1b}[31mRED\u{1b}[0m"), "RED");
        assert_eq!(one_line("a\u{1b}]0;title\u{7}b"), "ab");
        assert_eq!(
            one_line("a\u{1b}]8;;http://x\u{1b}\\link\u{1b}]8;;\u{1b}\\b"),
            "alinkb"
        );
        assert_eq!(one_line("tab\there\nnew\r\nline"), "tab here new line");
        assert_eq!(one_line("\u{202E}evil\u{202C}"), "evil");
        assert_eq!(one_line("a\u{0}b\u{7}c\u{85}d\u{9b}2Je"), "abcde");
        assert_eq!(one_line("zero\u{200B}width"), "zerowidth");
        assert_eq!(
            one_line("👨\u{200D}👩\u{200D}👧 family"),
            "👨\u{200D}👩\u{200D}👧 family"
        );
        assert_eq!(one_line("  王小明  "), "王小明");
        assert_eq!(one_line("مرحبا"), "مرحبا");
    }

    // See: issue 9 item 16 — line/paragraph separators, Hangul fillers, tag
    // characters and other invisible characters reached the terminal.
    #[test]
    fn sanitiser_drops_every_default_ignorable_and_format_character() {
        let hidden = [
            '\u{3164}',
            '\u{FFA0}',
            '\u{115F}',
            '\u{1160}',
            '\u{E0000}',
            '\u{E0041}',
            '\u{E007F}',
            '\u{180E}',
            '\u{2061}',
            '\u{2064}',
            '\u{206A}',
            '\u{206F}',
            '\u{034F}',
            '\u{FFF9}',
            '\u{FFFB}',
            '\u{202E}',
            '\u{2066}',
            '\u{200B}',
            '\u{FEFF}',
            '\u{00AD}',
        ];
        for c in hidden {
            assert_eq!(one_line(&format!("a{c}b")), "ab", "U+{:04X}", c as u32);
            assert_eq!(
                csv_cell(&format!("a{c}b"), false),
                "ab",
                "U+{:04X}",
                c as u32
            );
        }
        assert_eq!(one_line("one\u{2028}two\u{2029}three"), "one two three");
        // Kept: ZWJ sequences, ZWNJ, emoji presentation selectors.
        for kept in ["👨\u{200D}👩", "می\u{200C}خواهم", "❤\u{FE0F}"] {
            assert_eq!(one_line(kept), kept);
        }
    }

    // See: issue 9 item 16 — CSV kept a bare CR, which splits rows in some readers.
    #[test]
    fn csv_writes_every_line_break_as_lf() {
        assert_eq!(csv_cell("a\rb\r\nc\nd\u{2028}e", false), "a\nb\nc\nd\ne");
        assert_eq!(csv_cell("\r=1+1", false), "'\n=1+1");
    }

    #[test]
    fn csv_neutralises_formulas_but_not_numbers() {
        assert_eq!(
            csv_cell("=HYPERLINK(\"http://x\")", false),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(csv_cell("+1 555 0100", false), "'+1 555 0100");
        assert_eq!(csv_cell("-minus", false), "'-minus");
        assert_eq!(csv_cell("@at", false), "'@at");
        assert_eq!(csv_cell("\tx", false), "'\tx");
        assert_eq!(csv_cell("-12", false), "-12");
        assert_eq!(csv_cell("+3.5", false), "+3.5");
        assert_eq!(csv_cell("=1+1", true), "=1+1");
        assert_eq!(csv_cell("a\nb\u{1b}[2J", false), "a\nb");
        assert_eq!(csv_cell("", false), "");
    }

    // See: issue 9 item 10 — a cursor `$(touch /tmp/x)` was hinted unquoted and ran when pasted.
    #[test]
    fn cursor_in_continuation_hint_is_quoted_for_a_posix_shell() {
        assert_eq!(
            shell_word("1719662400000:3344").as_deref(),
            Some("1719662400000:3344")
        );
        assert_eq!(
            shell_word("$(touch /tmp/x)").as_deref(),
            Some("'$(touch /tmp/x)'")
        );
        assert_eq!(
            shell_word("a'b; rm -rf ~").as_deref(),
            Some("'a'\\''b; rm -rf ~'")
        );
        assert_eq!(shell_word("`id`").as_deref(), Some("'`id`'"));
        assert_eq!(shell_word("").as_deref(), Some("''"));
        assert_eq!(shell_word("a\nb"), None);
        assert_eq!(shell_word("a\u{202E}b"), None);
        // What sh reads back is the cursor itself.
        for cursor in ["$(touch /tmp/x)", "a'b\"c", "x y  z", "~root", "*"] {
            let word = shell_word(cursor).unwrap();
            let out = std::process::Command::new("sh")
                .args(["-c", &format!("printf %s {word}")])
                .output()
                .unwrap();
            assert_eq!(String::from_utf8_lossy(&out.stdout), cursor);
        }
    }

    #[test]
    fn truncation_by_display_width() {
        assert_eq!(truncate_width("王小明王小明", 7), "王小明…");
        assert_eq!(truncate_width("abc", 3), "abc");
        assert_eq!(truncate_width("abcdef", 4), "abc…");
        assert_eq!(truncate_width("🍕🍕🍕", 5), "🍕🍕…");
    }
}
