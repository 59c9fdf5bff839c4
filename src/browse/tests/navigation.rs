//! `update` alone, for what keys do to the list and the panes: order,
//! cursor and preview, one pane or two, filters, search, profiles, help,
//! copy, resize. No terminal, no network, no clock.

use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::browse::model::{Filter, Focus, Listing, REST};

#[test]
fn chats_arrive_unread_first_then_most_recent() {
    let m = loaded(&["evolution"], 40, (100, 30));
    assert_eq!(m.visible.len(), 40);
    let rows: Vec<&Chat> = m.visible.iter().map(|&(p, i)| m.chat(p, i)).collect();
    let unread_then_read = rows.windows(2).all(|w| {
        let (a, b) = (
            w[0].unread_count.unwrap() > 0,
            w[1].unread_count.unwrap() > 0,
        );
        a >= b && (a != b || w[0].last_activity_at >= w[1].last_activity_at)
    });
    assert!(unread_then_read);
    assert!(!m.profiles[0].loading && m.profiles[0].taken_at == Some(now()));
}

#[test]
fn moving_the_cursor_previews_after_the_cursor_rests() {
    let mut m = loaded(&["evolution"], 40, (100, 30));
    let cmds = press(&mut m, KeyCode::Char('j'));
    assert_eq!(m.cursor, 1);
    let want = Cmd::Messages {
        key: key_at(&m, 1),
        generation: 1,
        delay: REST,
    };
    assert_eq!(cmds, [want]);
    assert_eq!(
        m.focus,
        Focus::List,
        "a preview leaves the focus on the list"
    );
    // The next move supersedes it: a newer generation, the same wait.
    let cmds = press(&mut m, KeyCode::Down);
    assert!(matches!(cmds[..], [Cmd::Messages { generation: 2, delay, .. }] if delay == REST));
}

#[test]
fn one_pane_below_80x24_moves_without_fetching_and_enter_opens_at_once() {
    let mut m = loaded(&["evolution"], 40, (79, 24));
    assert!(press(&mut m, KeyCode::Char('j')).is_empty());
    let cmds = press(&mut m, KeyCode::Enter);
    assert_eq!(
        cmds,
        [Cmd::Messages {
            key: key_at(&m, 1),
            generation: 1,
            delay: Duration::ZERO
        }]
    );
    assert_eq!(m.focus, Focus::Chat);
    press(&mut m, KeyCode::Esc);
    assert_eq!(m.focus, Focus::List);
}

#[test]
fn filters_unread_and_waiting_and_unknown_counts_are_not_unread() {
    let mut m = loaded(&["evolution"], 40, (100, 30));
    let inbox = sandbox(40);
    let unread = inbox.iter().filter(|c| c.unread > 0).count();
    press(&mut m, KeyCode::Char('u'));
    assert_eq!((m.filter, m.visible.len()), (Filter::Unread, unread));
    press(&mut m, KeyCode::Char('w'));
    let waiting = inbox
        .iter()
        .filter(|c| c.last_message().is_some_and(|l| !l.from_me))
        .count();
    assert_eq!(m.visible.len(), waiting);
    // A gateway without counts: nothing is unread, not "0 unread" chats listed.
    let mut uncounted = chat("evolution", &inbox[0]);
    uncounted.unread_count = None;
    press(&mut m, KeyCode::Char('r'));
    let msg = Msg::Chats {
        profile: 0,
        generation: 2,
        result: Ok(Listing {
            chats: vec![uncounted],
            complete: true,
        }),
        at: now(),
    };
    send(&mut m, msg);
    press(&mut m, KeyCode::Char('u'));
    assert!(m.visible.is_empty());
    press(&mut m, KeyCode::Char('a'));
    assert_eq!(m.visible.len(), 1);
}

#[test]
fn search_filters_names_as_typed_enter_opens_the_first_match_esc_clears() {
    let mut m = loaded(&["evolution"], 40, (100, 30));
    press(&mut m, KeyCode::Char('/'));
    typed(&mut m, "rossi");
    assert!(!m.visible.is_empty() && m.visible.len() < 40);
    for &(p, i) in &m.visible {
        let name = m.chat(p, i).name.clone().unwrap_or_default();
        assert!(name.to_lowercase().contains("rossi"), "{name}");
    }
    // Keys typed into the search are not actions: `q` did not quit.
    typed(&mut m, "q");
    assert!(m.visible.is_empty());
    press(&mut m, KeyCode::Backspace);
    let cmds = press(&mut m, KeyCode::Enter);
    assert!(matches!(cmds[..], [Cmd::Messages { delay, .. }] if delay.is_zero()));
    assert_eq!((m.cursor, m.focus), (0, Focus::Chat));
    assert!(
        m.search.as_ref().is_some_and(|s| !s.editing),
        "Enter keeps the filter"
    );
    press(&mut m, KeyCode::Esc); // back to the list
    press(&mut m, KeyCode::Char('/'));
    press(&mut m, KeyCode::Esc); // clears it
    assert!(m.search.is_none());
    assert_eq!(m.visible.len(), 40);
}

#[test]
fn search_in_an_open_chat_filters_its_messages() {
    let mut m = loaded(&["evolution"], 40, (100, 30));
    press(&mut m, KeyCode::Enter);
    let key = key_at(&m, 0);
    let msg = Msg::Messages {
        key,
        generation: 1,
        result: Ok(messages(&sandbox(40)[0], 30)),
        fresh: true,
    };
    send(&mut m, msg);
    press(&mut m, KeyCode::Char('/'));
    typed(&mut m, "invoice");
    let open = m.open.as_ref().unwrap();
    assert_eq!(
        open.search.as_ref().unwrap().needle().as_deref(),
        Some("invoice")
    );
    assert!(m.search.is_none(), "the chat list's search is untouched");
}

#[test]
fn p_cycles_profiles_of_a_merged_inbox() {
    let mut m = loaded(&["home", "shop"], 40, (100, 30));
    assert_eq!(m.visible.len(), 40);
    press(&mut m, KeyCode::Char('p'));
    assert_eq!(m.only_profile, Some(0));
    assert!(m.visible.iter().all(|&(p, _)| p == 0));
    press(&mut m, KeyCode::Char('p'));
    assert!(m.visible.iter().all(|&(p, _)| p == 1));
    press(&mut m, KeyCode::Char('p'));
    assert_eq!((m.only_profile, m.visible.len()), (None, 40));
}

#[test]
fn help_takes_one_key_and_ctrl_c_always_quits() {
    let mut m = loaded(&["evolution"], 40, (100, 30));
    press(&mut m, KeyCode::Char('?'));
    assert!(m.help);
    assert!(
        press(&mut m, KeyCode::Char('q')).is_empty(),
        "q closes help first"
    );
    assert!(!m.help);
    press(&mut m, KeyCode::Char('/'));
    let ctrl_c = Msg::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert_eq!(send(&mut m, ctrl_c), [Cmd::Quit]);
    assert_eq!(send(&mut m, Msg::Signal), [Cmd::Quit]);
}

#[test]
fn y_copies_the_jid_only_when_opted_in() {
    let mut m = loaded(&["evolution"], 40, (100, 30));
    let jid = m.selected().unwrap().1.jid.clone().unwrap();
    assert!(press(&mut m, KeyCode::Char('y')).is_empty());
    assert!(m.note.as_deref().is_some_and(|n| n.contains("--osc52")));
    m.look.osc52 = true;
    assert_eq!(press(&mut m, KeyCode::Char('y')), [Cmd::Copy(jid)]);
}

#[test]
fn resize_switches_between_one_and_two_panes_and_keeps_scroll_in_range() {
    let mut m = loaded(&["evolution"], 40, (100, 30));
    press(&mut m, KeyCode::Enter);
    let msg = Msg::Messages {
        key: key_at(&m, 0),
        generation: 1,
        result: Ok(messages(&sandbox(40)[0], 60)),
        fresh: true,
    };
    send(&mut m, msg);
    press(&mut m, KeyCode::Char('g'));
    let top = m.open.as_ref().unwrap().scroll;
    assert!(top > 0);
    send(&mut m, Msg::Resize(200, 60));
    assert!(m.open.as_ref().unwrap().scroll <= top);
    press(&mut m, KeyCode::Char('G'));
    assert_eq!(m.open.as_ref().unwrap().scroll, 0);
    send(&mut m, Msg::Resize(40, 12));
    assert!(!m.two_panes());
}
