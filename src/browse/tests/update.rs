//! `update` alone: a key or a background result in, the model changed and
//! the requests asked for out. No terminal, no network, no clock.

use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::browse::model::{Filter, Focus, Listing, REST};
use crate::provider::ReadOutcome;

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
fn stale_chat_lists_are_dropped() {
    let mut m = loaded(&["evolution"], 40, (100, 30));
    let cmds = press(&mut m, KeyCode::Char('r'));
    assert_eq!(
        cmds,
        [Cmd::Chats {
            profile: 0,
            generation: 2,
            poll: false,
        }]
    );
    assert!(m.profiles[0].loading);
    let stale = Msg::Chats {
        profile: 0,
        generation: 1,
        result: Ok(Listing {
            chats: Vec::new(),
            complete: true,
        }),
        at: now(),
    };
    send(&mut m, stale);
    assert_eq!(
        m.visible.len(),
        40,
        "an older answer must not replace the list"
    );
    assert!(m.profiles[0].loading);
    let fresh = Msg::Chats {
        profile: 0,
        generation: 2,
        result: Ok(Listing {
            chats: vec![chat("evolution", &sandbox(1)[0])],
            complete: true,
        }),
        at: now(),
    };
    send(&mut m, fresh);
    assert_eq!(m.visible.len(), 1);
    assert!(!m.profiles[0].loading);
}

#[test]
fn a_failing_gateway_keeps_the_list_and_says_why() {
    let mut m = loaded(&["evolution"], 40, (100, 30));
    press(&mut m, KeyCode::Char('r'));
    let failed = Msg::Chats {
        profile: 0,
        generation: 2,
        result: Err("the gateway answered 503".into()),
        at: now(),
    };
    send(&mut m, failed);
    assert_eq!(m.visible.len(), 40);
    assert_eq!(
        m.profiles[0].error.as_deref(),
        Some("the gateway answered 503")
    );
    press(&mut m, KeyCode::Char('j'));
    assert_eq!(m.cursor, 1, "the list stays usable");
}

#[test]
fn stale_messages_are_dropped_and_fresh_ones_kept_for_reopening() {
    let mut m = loaded(&["evolution"], 40, (100, 30));
    press(&mut m, KeyCode::Char('j'));
    press(&mut m, KeyCode::Char('j'));
    let inbox = sandbox(40);
    let first = key_at(&m, 1);
    let old = Msg::Messages {
        key: first,
        generation: 1,
        result: Ok(messages(&inbox[0], 5)),
        fresh: true,
    };
    send(&mut m, old);
    let open = m.open.as_ref().unwrap();
    assert!(
        open.messages.is_none() && open.loading,
        "generation 1 is stale"
    );
    let second = key_at(&m, 2);
    let fresh = Msg::Messages {
        key: second.clone(),
        generation: 2,
        result: Ok(messages(&inbox[1], 5)),
        fresh: true,
    };
    send(&mut m, fresh);
    assert_eq!(m.open.as_ref().unwrap().messages.as_ref().unwrap().len(), 5);
    // Away and back: the kept messages show at once while they refresh.
    press(&mut m, KeyCode::Char('k'));
    let cmds = press(&mut m, KeyCode::Char('j'));
    assert_eq!(cmds.len(), 1);
    let open = m.open.as_ref().unwrap();
    assert_eq!(open.key, second);
    assert!(open.loading && open.messages.as_ref().is_some_and(|v| v.len() == 5));
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

#[test]
fn kept_messages_fill_an_empty_pane_until_the_gateway_answers() {
    let mut m = loaded(&["evolution"], 40, (100, 30));
    press(&mut m, KeyCode::Enter);
    let key = key_at(&m, 0);
    let inbox = sandbox(40);
    let kept = Msg::Messages {
        key: key.clone(),
        generation: 1,
        result: Ok(messages(&inbox[0], 3)),
        fresh: false,
    };
    send(&mut m, kept);
    let open = m.open.as_ref().unwrap();
    assert!(open.loading && open.messages.as_ref().is_some_and(|v| v.len() == 3));
    let fresh = Msg::Messages {
        key,
        generation: 1,
        result: Ok(messages(&inbox[0], 7)),
        fresh: true,
    };
    send(&mut m, fresh);
    let open = m.open.as_ref().unwrap();
    assert!(!open.loading && open.messages.as_ref().is_some_and(|v| v.len() == 7));
}

/// See: taking the fresh listing looked the cursor's chat up in the
/// replaced list (index out of bounds) before `set_listing` kept it first.
#[test]
fn a_partial_listing_updates_its_chats_and_keeps_the_others() {
    let mut m = loaded(&["evolution"], 40, (100, 30));
    press(&mut m, KeyCode::Char('r'));
    let mut newer = chat("evolution", &sandbox(1)[0]);
    newer.unread_count = Some(99);
    let partial = Msg::Chats {
        profile: 0,
        generation: 2,
        result: Ok(Listing {
            chats: vec![newer.clone()],
            complete: false,
        }),
        at: now(),
    };
    send(&mut m, partial);
    assert_eq!(m.visible.len(), 40, "the chats it did not hold stay");
    let kept: Vec<&Chat> = m.profiles[0]
        .chats
        .iter()
        .filter(|c| c.id == newer.id)
        .collect();
    assert_eq!(kept, [&newer], "the chat it held is replaced, not doubled");
}

#[test]
fn polling_asks_again_only_for_lists_not_on_their_way() {
    let mut m = loaded(&["home", "shop"], 40, (100, 30));
    press(&mut m, KeyCode::Char('r'));
    let answered = Msg::Chats {
        profile: 0,
        generation: 2,
        result: Err("timeout".into()),
        at: now(),
    };
    send(&mut m, answered);
    // Profile 1 is still loading: only profile 0 is asked again.
    assert_eq!(
        send(&mut m, Msg::Poll),
        [Cmd::Chats {
            profile: 0,
            generation: 3,
            poll: true,
        }]
    );
    assert!(send(&mut m, Msg::Poll).is_empty());
}

#[test]
fn new_activity_in_the_open_chat_fetches_its_newest_messages() {
    let mut m = loaded(&["evolution"], 40, (100, 30));
    press(&mut m, KeyCode::Enter);
    let key = key_at(&m, 0);
    let answer = Msg::Messages {
        key: key.clone(),
        generation: 1,
        result: Ok(Vec::new()),
        fresh: true,
    };
    send(&mut m, answer);
    let mut chats = m.profiles[0].chats.clone();
    let open = chats.iter_mut().find(|c| c.id == key.id).unwrap();
    open.last_activity_at = Timestamp::from_secs(NOW + 60);
    let poll = send(&mut m, Msg::Poll);
    assert_eq!(
        poll,
        [Cmd::Chats {
            profile: 0,
            generation: 2,
            poll: true,
        }]
    );
    let listing = Msg::Chats {
        profile: 0,
        generation: 2,
        result: Ok(Listing {
            chats: chats.clone(),
            complete: true,
        }),
        at: now(),
    };
    let cmds = send(&mut m, listing);
    assert_eq!(
        cmds,
        [Cmd::Messages {
            key,
            generation: 2,
            delay: Duration::ZERO
        }]
    );
    // The same activity again asks for nothing.
    send(&mut m, Msg::Poll);
    let again = Msg::Chats {
        profile: 0,
        generation: 3,
        result: Ok(Listing {
            chats,
            complete: true,
        }),
        at: now(),
    };
    assert!(send(&mut m, again).is_empty());
}

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
