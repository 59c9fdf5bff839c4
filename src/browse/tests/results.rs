//! `update` alone, for background results: stale answers dropped, a
//! failing gateway, kept messages, partial listings and polling. No
//! terminal, no network, no clock.

use std::time::Duration;

use crossterm::event::KeyCode;

use super::*;
use crate::browse::model::Listing;

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
