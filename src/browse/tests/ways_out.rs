//! The ways out of every state, found by a review of `browse`: a kept search
//! in an open chat, the mark-read dialog while a slow write goes on, the
//! help on a screen too small for it, and a failing gateway that must stay
//! visible in a crowded status line.

use crossterm::event::KeyCode;

use super::screens::{draw, with_open_chat};
use super::*;
use crate::browse::model::Focus;
use crate::provider::ReadOutcome;

fn last_lines(screen: &str, n: usize) -> Vec<String> {
    let lines: Vec<&str> = screen.lines().collect();
    lines[lines.len() - n..]
        .iter()
        .map(|l| l.to_string())
        .collect()
}

/// Bug pinned: Esc in an open chat went back to the list and left the
/// chat's search filter on, with no key to clear it.
#[test]
fn esc_in_a_chat_clears_its_kept_search_then_goes_back() {
    let mut m = with_open_chat((100, 30));
    press(&mut m, KeyCode::Char('/'));
    typed(&mut m, "inv");
    press(&mut m, KeyCode::Enter);
    assert!(m.open.as_ref().unwrap().search.is_some(), "⏎ keeps it");
    assert_eq!(m.focus, Focus::Chat);
    press(&mut m, KeyCode::Esc);
    assert!(m.open.as_ref().unwrap().search.is_none(), "Esc clears it");
    assert_eq!(m.focus, Focus::Chat, "and stays in the chat");
    press(&mut m, KeyCode::Esc);
    assert_eq!(m.focus, Focus::List);
}

/// Bug pinned: with the gateway slow to answer the write, the dialog said
/// "marking read…" and took every key but Ctrl-C until the timeout.
#[test]
fn esc_closes_the_mark_dialog_while_the_write_goes_on_and_its_answer_comes_as_a_note() {
    let mut m = loaded(&["evolution"], 40, (100, 30));
    let key = key_at(&m, 0);
    press(&mut m, KeyCode::Char('m'));
    let plan = ReadOutcome {
        calls: vec!["POST /read".into()],
        messages: Some(2),
        receipts: true,
        ..ReadOutcome::default()
    };
    send(
        &mut m,
        Msg::Read {
            key: key.clone(),
            dry_run: true,
            result: Ok(plan.clone()),
        },
    );
    press(&mut m, KeyCode::Char('y'));
    press(&mut m, KeyCode::Esc);
    assert!(!draw(&m).contains("Mark "), "the dialog is gone");
    assert!(
        draw(&m).contains("marking read…"),
        "the status line says it goes on"
    );
    // The list is usable again, and a second write is not started.
    assert!(press(&mut m, KeyCode::Char('j')).is_empty() || m.cursor == 1);
    assert_eq!(m.cursor, 1);
    assert!(press(&mut m, KeyCode::Char('m')).is_empty());
    assert!(m.note.as_deref().unwrap().contains("still marking read"));
    let done = send(
        &mut m,
        Msg::Read {
            key,
            dry_run: false,
            result: Ok(plan),
        },
    );
    assert_eq!(done.len(), 1, "the counts are fetched again");
    assert!(m.confirm.is_none());
    assert!(m.note.as_deref().unwrap().contains("read receipts sent"));
}

#[test]
fn q_quits_at_every_step_of_a_mark_read() {
    let mut m = loaded(&["evolution"], 40, (100, 30));
    press(&mut m, KeyCode::Char('m'));
    assert_eq!(press(&mut m, KeyCode::Char('q')), [Cmd::Quit]);
}

/// Bug pinned: at 40×12 the help showed 10 of its 19 keys, and at 80×24
/// its longest rows were cut.
#[test]
fn help_scrolls_on_a_small_screen_and_any_other_key_closes_it() {
    let mut m = loaded(&["evolution"], 40, (40, 12));
    press(&mut m, KeyCode::Char('?'));
    let top = draw(&m);
    assert!(top.contains("keys (j/k scroll)"), "{top}");
    for _ in 0..100 {
        press(&mut m, KeyCode::Char('j'));
    }
    let bottom = draw(&m);
    assert!(bottom.contains("quit (also Ctrl-C)"), "{bottom}");
    assert!(m.help, "j and k scroll, not close");
    press(&mut m, KeyCode::Char('k'));
    assert!(m.help);
    press(&mut m, KeyCode::Char('x'));
    assert!(!m.help);
    // Wide enough: every row whole, wrapped under its own column.
    let mut m = loaded(&["evolution"], 40, (80, 30));
    press(&mut m, KeyCode::Char('?'));
    let help = draw(&m);
    assert!(help.contains("n or Esc cancels"), "{help}");
    assert!(!help.contains("keys (j/k scroll)"));
}

/// Bug pinned: in a merged inbox the profiles were listed in config order
/// and cut at the screen's edge, so a failing gateway late in the config
/// (or behind a note) never showed.
#[test]
fn a_failing_gateway_comes_first_in_the_status_line_and_healthy_ones_shrink() {
    let mut m = loaded(&["home", "shop", "work", "zz-broken"], 40, (80, 24));
    // `loaded` answered generation 1 for every profile; ask again, and fail.
    press(&mut m, KeyCode::Char('r'));
    let failed = Msg::Chats {
        profile: 3,
        generation: 2,
        result: Err("cannot reach WAHA at 127.0.0.1:1".into()),
        at: now(),
    };
    send(&mut m, failed);
    m.note = Some("state store damaged: a long note about the state file".into());
    let status = &last_lines(&draw(&m), 2)[0];
    assert!(
        status.starts_with("\"zz-broken: ✗ cannot reach WAHA"),
        "first, before the note and the healthy profiles: {status}"
    );
    m.note = None;
    let status = &last_lines(&draw(&m), 2)[0];
    assert!(status.contains("home …"), "the others shrink: {status}");
    // Trying again says so instead of repeating the old error alone.
    press(&mut m, KeyCode::Char('r'));
    let status = &last_lines(&draw(&m), 2)[0];
    assert!(status.contains("trying again"), "{status}");
}
