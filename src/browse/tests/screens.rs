//! Whole screens at 40×12 (one pane), 80×24 and 160×48 (two panes), drawn
//! from hand-fed models into ratatui's TestBackend and kept as insta
//! snapshots (`snapshots/`; review changes with `cargo insta review`, or
//! accept them with `INSTA_UPDATE=always`). The inbox is the sandbox's, with
//! its emoji, CJK, right-to-left, control-character and formula-like names.

use crossterm::event::KeyCode;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use unicode_width::UnicodeWidthStr;

use super::*;

const SIZES: [(u16, u16); 3] = [(40, 12), (80, 24), (160, 48)];

pub(super) fn draw(m: &Model) -> String {
    let mut t = Terminal::new(TestBackend::new(m.size.0, m.size.1)).unwrap();
    t.draw(|f| super::super::view::view(m, f)).unwrap();
    let screen = t.backend().to_string();
    // Every row fits the width exactly: wide characters never push it over.
    for line in screen.lines() {
        // TestBackend notes wide characters after the row: " Hidden by multi-width …".
        let row = line.split("\" Hidden by").next().unwrap_or(line);
        let inner = row.trim_start_matches('"').trim_end_matches('"');
        assert!(inner.width() <= usize::from(m.size.0), "{line}");
        assert!(
            !inner.contains('\u{1b}') && !inner.contains('\u{202E}'),
            "{line:?}"
        );
    }
    screen
}

/// The showcase group chat, opened, with its newest 40 messages.
pub(super) fn with_open_chat(size: (u16, u16)) -> Model {
    let mut m = loaded(&["evolution"], 40, size);
    let inbox = sandbox(40);
    let pizza = inbox
        .iter()
        .position(|c| c.name.as_deref().is_some_and(|n| n.contains("Pizza")))
        .expect("the sandbox has its showcase group");
    let row = m
        .visible
        .iter()
        .position(|&(p, i)| m.chat(p, i).jid.as_deref() == Some(inbox[pizza].jid.as_str()))
        .unwrap();
    m.cursor = row;
    let cmds = press(&mut m, KeyCode::Enter);
    answer_messages(&mut m, cmds);
    m
}

#[test]
fn chat_list() {
    for (w, h) in SIZES {
        let m = loaded(&["evolution"], 40, (w, h));
        insta::assert_snapshot!(format!("chat_list_{w}x{h}"), draw(&m));
    }
}

#[test]
fn open_chat() {
    for (w, h) in SIZES {
        let m = with_open_chat((w, h));
        insta::assert_snapshot!(format!("open_chat_{w}x{h}"), draw(&m));
    }
}

#[test]
fn merged_inbox_with_a_failing_gateway_and_a_cached_one() {
    for (w, h) in SIZES {
        let mut m = loaded(&["home", "shop"], 40, (w, h));
        press(&mut m, KeyCode::Char('r'));
        let failed = Msg::Chats {
            profile: 1,
            generation: 2,
            result: Err("listing chats: 127.0.0.1 refused the connection".into()),
            at: now(),
        };
        send(&mut m, failed);
        let cached_at = Timestamp::from_secs(NOW - 720).unwrap();
        let chats = m.profiles[0].chats.clone();
        let total = chats.len();
        m.from_cache(0, chats, cached_at, total);
        insta::assert_snapshot!(format!("merged_{w}x{h}"), draw(&m));
    }
}

#[test]
fn search_and_help() {
    let mut m = loaded(&["evolution"], 40, (80, 24));
    press(&mut m, KeyCode::Char('/'));
    typed(&mut m, "ross");
    insta::assert_snapshot!("search_80x24", draw(&m));
    press(&mut m, KeyCode::Enter);
    press(&mut m, KeyCode::Char('?'));
    insta::assert_snapshot!("help_80x24", draw(&m));
    // With `--mouse`, `?` says what the mouse does.
    m.look.mouse = true;
    insta::assert_snapshot!("help_mouse_80x24", draw(&m));
}

#[test]
fn mark_read_asks_first() {
    for (w, h) in SIZES {
        let mut m = loaded(&["evolution"], 40, (w, h));
        let cmds = press(&mut m, KeyCode::Char('m'));
        let Some(Cmd::MarkRead { key, .. }) = cmds.into_iter().next() else {
            panic!("m asks the gateway first");
        };
        let plan = crate::provider::ReadOutcome {
            calls: vec!["POST /chat/markMessageAsRead/demo".to_owned()],
            messages: Some(31),
            receipts: true,
            ..Default::default()
        };
        let answer = Msg::Read {
            key,
            dry_run: true,
            result: Ok(plan),
        };
        send(&mut m, answer);
        insta::assert_snapshot!(format!("mark_read_{w}x{h}"), draw(&m));
    }
}

/// The styles used on a whole screen (an open chat, an error, the cursor).
fn styles(m: &Model) -> Vec<ratatui::style::Style> {
    let mut t = Terminal::new(TestBackend::new(m.size.0, m.size.1)).unwrap();
    t.draw(|f| super::super::view::view(m, f)).unwrap();
    t.backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.style())
        .collect()
}

#[test]
fn colours_are_the_16_basic_ones_and_none_without_colour() {
    use ratatui::style::{Color, Modifier};
    let mut m = with_open_chat((160, 48));
    m.profiles[0].error = Some("listing chats: timed out".into());
    let plain = styles(&m);
    assert!(
        plain
            .iter()
            .all(|s| matches!(s.fg, None | Some(Color::Reset))
                && matches!(s.bg, None | Some(Color::Reset))),
        "NO_COLOR: no colour at all"
    );
    assert!(plain
        .iter()
        .any(|s| s.add_modifier.contains(Modifier::REVERSED)));
    m.look.color = true;
    let coloured = styles(&m);
    let basic = |c: Option<Color>| !matches!(c, Some(Color::Rgb(..) | Color::Indexed(_)));
    assert!(coloured.iter().all(|s| basic(s.fg) && basic(s.bg)));
    assert!(
        coloured.iter().any(|s| s.bg == Some(Color::Blue)),
        "the cursor"
    );
    assert!(
        coloured.iter().any(|s| s.fg == Some(Color::Red)),
        "the error"
    );
}
