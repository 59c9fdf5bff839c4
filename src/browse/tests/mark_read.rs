//! `update` alone, for the confirmed mark-read (`m`): the dry run first,
//! the write only on `y`, and opening a chat never marking it read.

use crossterm::event::KeyCode;

use super::*;
use crate::provider::ReadOutcome;

fn outcome(receipts: bool, counter_reset: bool, calls: usize) -> ReadOutcome {
    ReadOutcome {
        calls: (0..calls).map(|i| format!("POST /read/{i}")).collect(),
        messages: Some(calls),
        receipts,
        counter_reset,
        ..ReadOutcome::default()
    }
}

#[test]
fn m_asks_what_the_gateway_would_do_and_marks_read_only_on_y() {
    let mut m = loaded(&["evolution"], 40, (100, 30));
    let key = key_at(&m, 0);
    let dry = press(&mut m, KeyCode::Char('m'));
    assert_eq!(
        dry,
        [Cmd::MarkRead {
            key: key.clone(),
            dry_run: true
        }]
    );
    let plan = Msg::Read {
        key: key.clone(),
        dry_run: true,
        result: Ok(outcome(true, false, 3)),
    };
    send(&mut m, plan);
    // While it asks, other keys do nothing (no move); q still quits.
    assert!(press(&mut m, KeyCode::Char('j')).is_empty());
    assert_eq!(press(&mut m, KeyCode::Char('q')), [Cmd::Quit]);
    assert_eq!(m.cursor, 0);
    let write = press(&mut m, KeyCode::Char('y'));
    assert_eq!(
        write,
        [Cmd::MarkRead {
            key: key.clone(),
            dry_run: false
        }]
    );
    assert!(
        press(&mut m, KeyCode::Char('y')).is_empty(),
        "one write, not two"
    );
    let done = Msg::Read {
        key,
        dry_run: false,
        result: Ok(outcome(true, false, 3)),
    };
    let after = send(&mut m, done);
    assert_eq!(
        after,
        [Cmd::Chats {
            profile: 0,
            generation: 2,
            poll: false,
        }],
        "the counts are fetched again"
    );
    assert!(m.confirm.is_none());
    assert!(m
        .note
        .as_deref()
        .is_some_and(|n| n.contains("read receipts sent")));
}

#[test]
fn m_cancels_with_n_and_says_when_nothing_is_unread_or_it_fails() {
    let mut m = loaded(&["evolution"], 40, (100, 30));
    let key = key_at(&m, 0);
    press(&mut m, KeyCode::Char('m'));
    let plan = Msg::Read {
        key: key.clone(),
        dry_run: true,
        result: Ok(outcome(false, true, 1)),
    };
    send(&mut m, plan);
    assert!(press(&mut m, KeyCode::Char('n')).is_empty());
    assert!(m.confirm.is_none());
    press(&mut m, KeyCode::Char('m'));
    let nothing = Msg::Read {
        key: key.clone(),
        dry_run: true,
        result: Ok(outcome(true, false, 0)),
    };
    send(&mut m, nothing);
    assert!(m.confirm.is_none());
    assert!(m
        .note
        .as_deref()
        .is_some_and(|n| n.ends_with("nothing to mark read")));
    press(&mut m, KeyCode::Char('m'));
    let failed = Msg::Read {
        key,
        dry_run: true,
        result: Err("green-api does not support mark chats as read".into()),
    };
    send(&mut m, failed);
    assert!(m
        .note
        .as_deref()
        .is_some_and(|n| n.contains("not marked read")));
}

#[test]
fn opening_a_chat_never_marks_it_read() {
    let mut m = loaded(&["evolution"], 40, (100, 30));
    let mut cmds = press(&mut m, KeyCode::Enter);
    cmds.extend(press(&mut m, KeyCode::Char('j')));
    cmds.extend(press(&mut m, KeyCode::Esc));
    cmds.extend(press(&mut m, KeyCode::Char('j')));
    assert!(
        cmds.iter().all(|c| !matches!(c, Cmd::MarkRead { .. })),
        "{cmds:?}"
    );
}
