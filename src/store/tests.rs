use std::time::Duration;

use super::*;
use crate::chat::{Chat, LastMessage};
use crate::time::Timestamp;

fn chat(id: &str, incoming: i64, unread: u64) -> Chat {
    let mut c = Chat::new("p", "gowa", id);
    c.unread_count = Some(unread);
    c.last_activity_at = Timestamp::from_secs(incoming);
    c.last_message = Some(LastMessage {
        at: Timestamp::from_secs(incoming),
        from_me: Some(false),
        ..Default::default()
    });
    c
}

fn ts(s: i64) -> Timestamp {
    Timestamp::from_secs(s).unwrap()
}

#[test]
fn a_file_that_is_not_a_database_is_a_corrupt_store_naming_the_file_and_the_reset() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(FILE), vec![0x5a; 8192]).unwrap();
    let err = Store::open(dir.path()).err().expect("refused");
    assert!(matches!(err.problem, Problem::Corrupt(_)), "{err}");
    let text = err.to_string();
    assert!(
        text.contains(&dir.path().join(FILE).display().to_string()),
        "{text}"
    );
    assert!(text.contains("delete it"), "{text}");
    assert_eq!(
        std::fs::read(dir.path().join(FILE)).unwrap(),
        vec![0x5a; 8192]
    );
}

#[test]
fn a_store_from_a_newer_version_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path()).unwrap());
    let conn = rusqlite::Connection::open(dir.path().join(FILE)).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let err = Store::open(dir.path()).err().expect("refused");
    assert!(
        matches!(err.problem, Problem::Newer { found: 99, known } if known == schema::VERSION),
        "{err}"
    );
    let conn = rusqlite::Connection::open(dir.path().join(FILE)).unwrap();
    let v: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(v, 99);
}

#[test]
fn a_folder_that_cannot_be_created_is_unwritable() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let err = Store::open(&file.join("state")).err().expect("refused");
    assert!(matches!(err.problem, Problem::Unwritable(_)), "{err}");
    assert!(err.to_string().contains("WA_INBOX_STATE_DIR"), "{err}");
}

#[test]
fn the_store_is_wal_and_private() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("state")).unwrap();
    let mode: String = store
        .conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let m = std::fs::metadata(store.path())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(m & 0o077, 0, "{m:o}");
        let m = std::fs::metadata(dir.path().join("state"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(m & 0o077, 0, "{m:o}");
    }
}

#[test]
fn the_overview_cache_round_trips_records_and_keeps_profiles_apart() {
    let mut store = Store::in_memory().unwrap();
    assert!(store.overview("p").unwrap().is_none());
    let chats = vec![chat("1@s.whatsapp.net", 100, 2), chat("2@g.us", 50, 0)];
    let cached = |at, complete, chats: &[Chat]| Cached {
        taken_at: ts(at),
        complete,
        chats: chats.to_vec(),
    };
    store
        .put_overview("p", &cached(1000, true, &chats))
        .unwrap();
    store
        .put_overview("q", &cached(2000, false, &chats[..1]))
        .unwrap();
    let back = store.overview("p").unwrap().unwrap();
    assert_eq!((back.taken_at, back.complete), (ts(1000), true));
    assert_eq!(back.chats, chats);
    assert_eq!(back.chats[0].provider, "gowa", "named from the registry");
    store
        .put_overview("p", &cached(3000, false, &chats[1..]))
        .unwrap();
    let back = store.overview("p").unwrap().unwrap();
    assert_eq!((back.chats.len(), back.complete), (1, false));
    assert_eq!(store.overview("q").unwrap().unwrap().taken_at, ts(2000));
}

#[test]
fn what_is_new_to_an_alert() {
    let c = chat("1@s.whatsapp.net", 100, 2);
    let now = ts(10_000);
    assert!(is_new(&c, None, now, None), "never reported");
    let seen = Seen::of(&c, ts(5_000));
    assert!(!is_new(&c, Some(&seen), now, None), "same as reported");
    assert!(is_new(
        &chat("1@s.whatsapp.net", 101, 2),
        Some(&seen),
        now,
        None
    ));
    assert!(is_new(
        &chat("1@s.whatsapp.net", 100, 3),
        Some(&seen),
        now,
        None
    ));
    assert!(!is_new(
        &chat("1@s.whatsapp.net", 100, 1),
        Some(&seen),
        now,
        None
    ));
    // Our own reply moved the activity, not the incoming time.
    let mut replied = chat("1@s.whatsapp.net", 200, 2);
    replied.last_message.as_mut().unwrap().from_me = Some(true);
    assert!(!is_new(&replied, Some(&seen), now, None));
    let hour = Some(Duration::from_secs(3600));
    assert!(is_new(&c, Some(&seen), ts(5_000 + 3600), hour), "due again");
    assert!(!is_new(&c, Some(&seen), ts(5_000 + 3599), hour), "not yet");
}

#[test]
fn a_claim_that_is_not_committed_remembers_nothing() {
    let mut store = Store::in_memory().unwrap();
    let c = chat("1@s.whatsapp.net", 100, 2);
    {
        let claim = store.claim(AlertView::Unread).unwrap();
        claim.report("p", &c.id, &Seen::of(&c, ts(500))).unwrap();
        // Dropped: the process died between its output and the commit.
    }
    let claim = store.claim(AlertView::Unread).unwrap();
    assert!(claim.remembered("p").unwrap().is_empty());
    claim.report("p", &c.id, &Seen::of(&c, ts(500))).unwrap();
    claim.commit().unwrap();
    let claim = store.claim(AlertView::Unread).unwrap();
    assert_eq!(claim.remembered("p").unwrap().len(), 1);
    assert!(claim.remembered("q").unwrap().is_empty(), "per profile");
    claim.forget("p", &c.id).unwrap();
    claim.commit().unwrap();
    let claim = store.claim(AlertView::Waiting).unwrap();
    assert!(claim.remembered("p").unwrap().is_empty(), "per view");
}

/// Two runs at once: the second claim waits for the first to commit and then
/// sees its reports, so an alert is neither doubled nor lost.
#[test]
fn a_second_claim_waits_for_the_first_and_sees_its_reports() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = Store::open(dir.path()).unwrap();
    let c = chat("1@s.whatsapp.net", 100, 2);
    let claim = first.claim(AlertView::Unread).unwrap();
    let path = dir.path().to_owned();
    let (tx, rx) = std::sync::mpsc::channel();
    let second = std::thread::spawn(move || {
        let mut store = Store::open(&path).unwrap();
        tx.send(()).unwrap();
        let claim = store.claim(AlertView::Unread).unwrap();
        claim.remembered("p").unwrap().len()
    });
    rx.recv().unwrap();
    std::thread::sleep(Duration::from_millis(200));
    claim.report("p", &c.id, &Seen::of(&c, ts(500))).unwrap();
    claim.commit().unwrap();
    assert_eq!(second.join().unwrap(), 1);
}

#[test]
fn the_first_chats_in_inbox_order_are_kept_apart_for_a_first_screen() {
    let mut store = Store::in_memory().unwrap();
    // Read chats newest first, then unread ones: the head is the unread, then the newest.
    let chats: Vec<Chat> = (0..HEAD as i64 + 50)
        .map(|i| {
            chat(
                &format!("{i}@s.whatsapp.net"),
                1000 + i,
                u64::from(i % 7 == 0),
            )
        })
        .collect();
    let whole = Cached {
        taken_at: ts(5000),
        complete: false,
        chats: chats.clone(),
    };
    store.put_overview("p", &whole).unwrap();
    let (head, total) = store.overview_head("p").unwrap().unwrap();
    assert_eq!(total, chats.len());
    assert_eq!((head.taken_at, head.complete), (ts(5000), false));
    let mut ranked = chats.clone();
    ranked.sort_by_key(Chat::inbox_rank);
    assert_eq!(head.chats, ranked[..HEAD]);
    assert_eq!(head.chats[0].provider, "gowa", "named from the registry");
    assert_eq!(store.overview_complete("p").unwrap(), Some(false));
    assert_eq!(store.overview_complete("q").unwrap(), None);
    assert!(store.overview_head("q").unwrap().is_none());
}

#[test]
fn an_overview_cached_before_the_head_was_kept_apart_is_read_whole() {
    let mut store = Store::in_memory().unwrap();
    let chats = vec![chat("1@s.whatsapp.net", 100, 2), chat("2@g.us", 50, 0)];
    let whole = Cached {
        taken_at: ts(1000),
        complete: true,
        chats: chats.clone(),
    };
    store.put_overview("p", &whole).unwrap();
    // As a version-2 store wrote it: no head, no count.
    store
        .conn
        .execute("UPDATE overview_cache SET head = NULL, chats = NULL", [])
        .unwrap();
    let (head, total) = store.overview_head("p").unwrap().unwrap();
    assert_eq!((head.chats, total), (chats, 2));
}
