//! Unit tests of the generated histories: deterministic, lazily cheap, every kind and hostile
//! text present, links (replies, edits, deletions, reactions) pointing at real messages.

use std::collections::{HashMap, HashSet};

use super::history::MessageKind as K;
use super::texts::HOSTILE;
use super::*;

fn inbox(messages: Option<usize>) -> Vec<SandboxChat> {
    demo_inbox_at(240, 7, messages, 1_800_000_000)
}

#[test]
fn histories_are_deterministic_and_newest_first() {
    let (a, b) = (inbox(None), inbox(None));
    assert_eq!(a, b);
    for c in a.iter().filter(|c| c.message_count > 0) {
        let ms: Vec<SandboxMessage> = c.messages().collect();
        assert_eq!(ms, b[c.index].messages().collect::<Vec<_>>());
        assert_eq!(ms.len(), c.message_count);
        assert!(ms.windows(2).all(|w| w[0].timestamp > w[1].timestamp));
        assert_eq!(Some(ms[0].timestamp), c.last_activity);
        let ids: HashSet<&str> = ms.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids.len(), ms.len(), "ids unique in chat {}", c.index);
        // The last message is what chat previews show: an ordinary text.
        assert_eq!(
            (ms[0].kind, ms[0].deleted, ms[0].edited),
            (K::Text, false, false)
        );
        assert!(ms.iter().all(|m| m.from_me == c.message_from_me(m.index)));
        assert_eq!(
            c.has_media,
            ms.iter().any(|m| m.kind.is_media() && !m.deleted)
        );
    }
    assert!(a
        .iter()
        .all(|c| (c.message_count > 0) == c.last_activity.is_some()));
    let team: Vec<&SandboxChat> = a
        .iter()
        .filter(|c| c.name.as_deref() == Some("Team"))
        .collect();
    assert_eq!(team.len(), 1, "the demo's `messages list Team` resolves");
    assert!(team[0].is_group());
}

#[test]
fn showcase_chat_holds_every_kind_hostile_text_and_link() {
    let chats = inbox(None);
    for c in [&chats[0], &chats[17]] {
        let ms: Vec<SandboxMessage> = c.messages().collect();
        let kinds: HashSet<K> = ms.iter().map(|m| m.kind).collect();
        use K::*;
        for k in [
            Text, Image, Video, Audio, Voice, Document, Sticker, Location, Contact, Reaction, Call,
            System, Edit, Revoke,
        ] {
            assert!(kinds.contains(&k), "chat {} lacks {k:?}", c.index);
        }
        for h in HOSTILE {
            assert!(ms.iter().any(|m| m.text == h), "missing hostile {h:?}");
        }
        assert!(ms.iter().any(|m| m.text.chars().count() > 5_000));
        let by_id: HashMap<&str, &SandboxMessage> = ms.iter().map(|m| (m.id.as_str(), m)).collect();
        for m in &ms {
            if let Some(q) = &m.reply_to {
                let t = by_id[q.as_str()];
                assert!(t.kind.is_content() && t.timestamp < m.timestamp);
            }
            let target = m.target.as_deref().map(|t| by_id[t]);
            match m.kind {
                Edit => {
                    let t = target.expect("edit target");
                    assert!(t.edited && t.text == m.text && t.original_text.is_some());
                }
                Revoke => assert!(target.expect("revoke target").deleted),
                Reaction => {
                    assert!(m.reaction.is_some() && target.expect("reacted").kind.is_content())
                }
                _ => assert!(target.is_none()),
            }
            if m.edited {
                assert!(ms
                    .iter()
                    .any(|e| e.kind == Edit && e.target.as_ref() == Some(&m.id)));
            }
            if m.deleted {
                assert!(ms
                    .iter()
                    .any(|e| e.kind == Revoke && e.target.as_ref() == Some(&m.id)));
            }
            assert_eq!(m.status.is_some(), m.from_me && m.kind != Reaction);
            if m.kind.is_media() {
                let media = m.media.as_ref().expect("media metadata");
                assert!(media.size > 0 && !media.mimetype.is_empty());
                assert_eq!(media.filename.is_some(), m.kind == Document);
            }
        }
        // Groups have several senders, some known only by LID, with push names.
        let senders: HashSet<&str> = ms
            .iter()
            .filter(|m| !m.from_me)
            .map(|m| m.sender.as_str())
            .collect();
        assert!(senders.len() > 3 && senders.iter().any(|s| s.ends_with("@lid")));
    }
}

#[test]
fn a_100000_message_history_costs_nothing_until_read() {
    let t0 = std::time::Instant::now();
    let chats = inbox(Some(100_000));
    assert!(t0.elapsed() < std::time::Duration::from_secs(2));
    let c = &chats[5];
    assert_eq!(c.message_count, 100_000);
    let last = c.message(99_999).expect("oldest entry");
    assert!(c.message(100_000).is_none());
    assert!(last.timestamp < c.message_time(99_998));
    assert_eq!(c.message_index_at(last.timestamp), 99_999);
    assert_eq!(c.message_index_at(c.message_time(500) + 1), 500);
    assert_eq!(c.message_index_at(i64::MIN), 100_000);
    let small = inbox(Some(3));
    assert!(small
        .iter()
        .all(|c| c.message_count == 0 || c.message_count == 3));
    // Links near the end of a history never point past it.
    for c in small.iter().filter(|c| c.message_count > 0) {
        let ids: HashSet<String> = c.messages().map(|m| m.id).collect();
        for m in c.messages() {
            for link in [&m.reply_to, &m.target].into_iter().flatten() {
                assert!(ids.contains(link), "{m:?}");
            }
        }
    }
}

#[test]
fn listed_says_which_entries_each_gateway_lists() {
    use K::*;
    let cases = [
        ("gowa", Call, false, true),
        ("gowa", Text, true, false),
        ("gowa", Reaction, false, false),
        ("waha", Text, true, true),
        ("waha", Reaction, false, false),
        ("wawp", Call, false, false),
        ("whatsapp-gateway", Image, true, true),
        ("whatsapp-gateway", System, false, false),
        ("green-api", Reaction, false, true),
        ("evolution", Reaction, false, true),
        ("evolution", Edit, false, false),
    ];
    for (gateway, kind, deleted, want) in cases {
        assert_eq!(
            listed(gateway, kind, deleted),
            want,
            "{gateway} {kind:?} {deleted}"
        );
    }
    for g in crate::gateways::NAMES {
        assert!(!listed(g, Revoke, false) && !listed(g, Edit, false) && !listed(g, System, false));
    }
}
