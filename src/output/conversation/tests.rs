//! The conversation view with hostile texts: nothing unsafe reaches the
//! terminal, nothing is cut, deleted texts stay hidden.

use super::*;
use crate::message::{Media, MessageKind, Status};
use crate::output::tests::Buf;
use crate::output::{Format, Layout};
use crate::time::Timestamp;
use unicode_width::UnicodeWidthStr;

fn opts() -> Options {
    Options {
        format: Format::Table,
        no_header: false,
        csv_raw: false,
        fields: None,
        layout: Layout::List,
        show_profile: false,
        time: TimeStyle::Utc,
    }
}

fn term(width: usize) -> Term {
    Term {
        stdout_tty: false,
        stdout_pipe: false,
        stderr_tty: false,
        color: false,
        width,
    }
}

fn msg(id: &str, at: i64, from_me: bool, text: &str) -> Message {
    let mut m = Message::new("p", "gowa", "1@s.whatsapp.net", id);
    m.at = Timestamp::from_secs(at);
    m.from_me = Some(from_me);
    m.sender = Some(
        if from_me {
            "9@s.whatsapp.net"
        } else {
            "6281234567890@s.whatsapp.net"
        }
        .to_owned(),
    );
    m.kind = MessageKind::Text;
    m.text = Some(text.to_owned());
    m
}

fn render(width: usize, rows: Vec<Message>) -> String {
    let buf = Buf::default();
    let mut sink = ConversationSink::new(&opts(), term(width), Some("Alice".into()), buf.clone());
    sink.write(rows).unwrap();
    sink.finish().unwrap();
    let bytes = buf.0.borrow().clone();
    String::from_utf8(bytes).unwrap()
}

#[test]
fn conversation_reads_like_a_chat() {
    let mut photo = msg("B", 1_719_662_460, false, "look at this");
    photo.kind = MessageKind::Image;
    photo.sender_name = Some("Alice".into());
    photo.media = Some(Media {
        mimetype: Some("image/jpeg".into()),
        filename: Some("photo.jpg".into()),
        size: Some(200_704),
    });
    let mut mine = msg("C", 1_719_662_520, true, "ok 👍");
    mine.status = Some(Status::Delivered);
    mine.reply_to = Some("B".into());
    let next_day = msg("D", 1_719_662_400 + 86_400, false, "morning");
    let out = render(
        80,
        vec![
            msg("A", 1_719_662_400, false, "Hello there!"),
            photo,
            mine,
            next_day,
        ],
    );
    let expected = "\
Alice
── Sat 29 Jun 2024 UTC RULE
12:00  +6281234567890  Hello there!
12:01  Alice           [image · photo.jpg · 196 KB] look at this
12:02  me              ↩ Alice: look at this
                       ok 👍  ✓✓
── Sun 30 Jun 2024 UTC RULE
12:00  +6281234567890  morning
";
    // A day separator spans the width exactly (80 columns).
    assert_eq!(out, expected.replace("RULE", &"─".repeat(57)), "{out}");
}

#[test]
fn hostile_texts_are_sanitised_and_wrapped_never_cut() {
    let long = "word ".repeat(60);
    let texts = [
        "\u{1b}[31mred alert\u{1b}[0m\u{1b}]0;title\u{7}",
        "\u{202E}evil\u{202C} bidi",
        "line one\nline two\r\nline three",
        "=SUM(A1:A9)",
        "王小明: 收到 🍕🍕🍕",
        long.as_str(),
    ];
    let rows = texts
        .iter()
        .enumerate()
        .map(|(i, t)| msg(&i.to_string(), 1_719_662_400 + i as i64, false, t))
        .collect();
    let out = render(50, rows);
    assert!(
        !out.contains('\u{1b}') && !out.contains('\u{202E}') && !out.contains('\r'),
        "{out:?}"
    );
    assert!(out.contains("red alert") && out.contains("line one") && out.contains("line three"));
    for line in out.lines() {
        assert!(line.width() <= 50, "too wide: {line:?}");
    }
    assert_eq!(
        out.matches("word").count(),
        60,
        "a long text is wrapped, not cut"
    );
}

#[test]
fn deleted_text_is_never_shown() {
    let mut m = msg("A", 1_719_662_400, false, "the original words");
    m.deleted = Some(true);
    // A record built by hand, bypassing `finish`, still shows no text.
    let out = render(80, vec![m]);
    assert!(
        out.contains("[message deleted]") && !out.contains("original"),
        "{out}"
    );
}

#[test]
fn wrap_breaks_at_spaces_then_inside_long_words() {
    assert_eq!(wrap("aa bb cc", 5), ["aa bb", "cc"]);
    assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
    assert_eq!(wrap("王小明王", 4), ["王小", "明王"]);
    assert_eq!(human_size(200_704), "196 KB");
    assert_eq!(human_size(512), "512 B");
}
