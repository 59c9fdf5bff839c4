//! The first frame from the start of the cached overview, and the rest of
//! it merged in when the store has read it (after the first frame).

use crossterm::event::KeyCode;

use super::*;
use crate::chat::Chat;

/// A model whose first frame shows the first `head` of `inbox` (in inbox
/// order) out of all of it, as `command/browse` builds it from the store.
fn from_head(inbox: &[Chat], head: usize) -> (Model, Vec<Cmd>) {
    let mut first = inbox.to_vec();
    first.sort_by_key(Chat::inbox_rank);
    first.truncate(head);
    let mut m = Model::new(&["evolution".to_owned()], look(), (100, 30), now());
    m.from_cache(0, first, now(), inbox.len());
    let cmds = super::super::update::init(&mut m);
    (m, cmds)
}

fn inbox(n: usize) -> Vec<Chat> {
    sandbox(n).iter().map(|c| chat("evolution", c)).collect()
}

fn listed(m: &Model) -> Vec<String> {
    m.visible
        .iter()
        .map(|&(p, i)| m.chat(p, i).id.clone())
        .collect()
}

#[test]
fn the_first_frame_shows_the_cached_head_and_the_rest_is_read_before_the_gateway() {
    let all = inbox(40);
    let (m, cmds) = from_head(&all, 10);
    assert_eq!(m.visible.len(), 10);
    assert!(m.profiles[0].cache_pending);
    assert_eq!(
        cmds,
        [
            Cmd::Cached { profile: 0 },
            Cmd::Chats {
                profile: 0,
                generation: 1,
                poll: false,
            }
        ]
    );
    // A head that is the whole overview asks for nothing more.
    let (m, cmds) = from_head(&all, 40);
    assert!(!m.profiles[0].cache_pending);
    assert_eq!(cmds.len(), 1);
}

#[test]
fn the_rest_of_the_cache_is_merged_in_order_and_the_cursor_stays_on_its_chat() {
    let all = inbox(40);
    let (mut m, _) = from_head(&all, 10);
    for _ in 0..3 {
        press(&mut m, KeyCode::Char('j'));
    }
    let on = m.selected().unwrap().0;
    send(&mut m, rest(&all));
    assert!(!m.profiles[0].cache_pending);
    assert_eq!(m.selected().unwrap().0, on, "the cursor stays on its chat");
    let mut whole = all.clone();
    whole.sort_by_key(Chat::inbox_rank);
    let ids: Vec<String> = whole.iter().map(|c| c.id.clone()).collect();
    assert_eq!(listed(&m), ids, "every chat once, in inbox order");
}

#[test]
fn a_fresh_list_wins_over_the_rest_of_the_cache() {
    let all = inbox(40);
    // A complete fresh list arrived first: the cache has nothing to add.
    let (mut m, _) = from_head(&all, 10);
    let fresh = Listing {
        chats: all[..5].to_vec(),
        complete: true,
    };
    let at = now();
    send(&mut m, chats_answer(fresh, at));
    send(&mut m, rest(&all));
    assert_eq!(m.visible.len(), 5, "the gateway said these are all");
    // A partial fresh list (`--limit`): the cache adds the chats it did not
    // bring, and the chats it brought keep their fresh record.
    let (mut m, _) = from_head(&all, 10);
    let mut newer = all[30].clone();
    newer.unread_count = Some(99);
    let fresh = Listing {
        chats: vec![newer.clone()],
        complete: false,
    };
    send(&mut m, chats_answer(fresh, at));
    send(&mut m, rest(&all));
    assert_eq!(m.visible.len(), 40);
    let kept: Vec<&Chat> = m.profiles[0]
        .chats
        .iter()
        .filter(|c| c.id == newer.id)
        .collect();
    assert_eq!(kept, [&newer]);
}

#[test]
fn a_cache_that_cannot_be_read_is_named_and_the_head_stays() {
    let (mut m, _) = from_head(&inbox(40), 10);
    let failed = Msg::Cached {
        profile: 0,
        result: Err("store: cached overview of `evolution`: damaged".into()),
    };
    send(&mut m, failed);
    assert!(!m.profiles[0].cache_pending);
    assert_eq!(m.visible.len(), 10);
    assert!(m.note.as_deref().unwrap().contains("damaged"));
}

/// The whole cached overview, read.
fn rest(all: &[Chat]) -> Msg {
    Msg::Cached {
        profile: 0,
        result: Ok(all.to_vec()),
    }
}

fn chats_answer(listing: Listing, at: crate::time::Timestamp) -> Msg {
    Msg::Chats {
        profile: 0,
        generation: 1,
        result: Ok(listing),
        at,
    }
}
