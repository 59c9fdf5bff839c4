//! The alert memory behind `--new`: per view, profile and chat, what the chat
//! looked like when it was last reported. A run claims the memory (a write
//! transaction) before deciding what is new, prints, and commits only after
//! its output was written: a run killed in between leaves the memory as it
//! was (its alerts come again once, none is lost), and a run that overlaps
//! waits for the claim and then sees what the first one reported (no alert
//! twice).

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Duration;

use rusqlite::{params, Transaction};

use super::{classify, Store, StoreError};
use crate::chat::Chat;
use crate::time::Timestamp;

/// The views that alert.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AlertView {
    Unread,
    Waiting,
}

impl AlertView {
    fn key(self) -> &'static str {
        match self {
            AlertView::Unread => "unread",
            AlertView::Waiting => "waiting",
        }
    }
}

/// A chat as it was when last reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seen {
    pub incoming_at: Option<Timestamp>,
    pub unread: Option<u64>,
    pub reported_at: Timestamp,
}

impl Seen {
    /// `chat` reported `now`.
    pub fn of(chat: &Chat, now: Timestamp) -> Seen {
        Seen {
            incoming_at: incoming_at(chat),
            unread: chat.unread_count,
            reported_at: now,
        }
    }
}

/// The time of the chat's last incoming message, as far as its record says:
/// the last message's when it is incoming, none when it is our own, else the
/// last activity.
pub fn incoming_at(chat: &Chat) -> Option<Timestamp> {
    match &chat.last_message {
        Some(m) if m.from_me == Some(false) => m.at.or(chat.last_activity_at),
        Some(m) if m.from_me == Some(true) => None,
        _ => chat.last_activity_at,
    }
}

/// Whether `chat` (unread or waiting now) is news: never reported (or no
/// longer remembered since it stopped matching), a newer incoming message or
/// more unread messages than when reported, or reported longer than
/// `remind_after` ago.
pub fn is_new(
    chat: &Chat,
    seen: Option<&Seen>,
    now: Timestamp,
    remind_after: Option<Duration>,
) -> bool {
    let Some(seen) = seen else {
        return true;
    };
    let newer = |now: Option<Timestamp>, then: Option<Timestamp>| match (now, then) {
        (Some(a), Some(b)) => a > b,
        (Some(_), None) => true,
        (None, _) => false,
    };
    let more = matches!((chat.unread_count, seen.unread), (Some(a), Some(b)) if a > b);
    let due = remind_after.is_some_and(|d| {
        let waited = now.secs().saturating_sub(seen.reported_at.secs());
        u64::try_from(waited).is_ok_and(|w| w >= d.as_secs())
    });
    newer(incoming_at(chat), seen.incoming_at) || more || due
}

/// A run's hold on the memory of one view; see the module header.
pub struct Claim<'a> {
    tx: Transaction<'a>,
    view: AlertView,
    path: PathBuf,
}

impl Store {
    /// Take the memory of `view`, waiting for another run that holds it.
    pub fn claim(&mut self, view: AlertView) -> Result<Claim<'_>, StoreError> {
        let path = self.path.clone();
        let tx = self.immediate()?;
        Ok(Claim { tx, view, path })
    }
}

impl Claim<'_> {
    fn error(&self, e: rusqlite::Error) -> StoreError {
        StoreError {
            path: self.path.clone(),
            problem: classify(&e),
        }
    }

    /// What is remembered of `profile`'s chats, by chat id.
    pub fn remembered(&self, profile: &str) -> Result<HashMap<String, Seen>, StoreError> {
        let mut stmt = self
            .tx
            .prepare(
                "SELECT chat_id, incoming_at, unread, reported_at FROM alerts
                 WHERE view = ?1 AND profile = ?2",
            )
            .map_err(|e| self.error(e))?;
        let rows = stmt
            .query_map(params![self.view.key(), profile], |r| {
                let incoming: Option<i64> = r.get(1)?;
                let unread: Option<i64> = r.get(2)?;
                let reported: i64 = r.get(3)?;
                Ok((
                    r.get::<_, String>(0)?,
                    Seen {
                        incoming_at: incoming.and_then(Timestamp::from_secs),
                        unread: unread.and_then(|u| u64::try_from(u).ok()),
                        reported_at: Timestamp::from_secs(reported).unwrap_or(Timestamp::EPOCH),
                    },
                ))
            })
            .and_then(|rows| rows.collect::<Result<HashMap<_, _>, _>>());
        rows.map_err(|e| self.error(e))
    }

    /// Remember that `chat_id` of `profile` was reported as `seen`.
    pub fn report(&self, profile: &str, chat_id: &str, seen: &Seen) -> Result<(), StoreError> {
        let unread = seen.unread.map(|u| i64::try_from(u).unwrap_or(i64::MAX));
        self.tx
            .execute(
                "INSERT INTO alerts (view, profile, chat_id, incoming_at, unread, reported_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (view, profile, chat_id) DO UPDATE
                 SET incoming_at = ?4, unread = ?5, reported_at = ?6",
                params![
                    self.view.key(),
                    profile,
                    chat_id,
                    seen.incoming_at.map(Timestamp::secs),
                    unread,
                    seen.reported_at.secs()
                ],
            )
            .map(drop)
            .map_err(|e| self.error(e))
    }

    /// Forget `chat_id` of `profile`: it no longer matches the view, so it is
    /// news again when it does.
    pub fn forget(&self, profile: &str, chat_id: &str) -> Result<(), StoreError> {
        self.tx
            .execute(
                "DELETE FROM alerts WHERE view = ?1 AND profile = ?2 AND chat_id = ?3",
                params![self.view.key(), profile, chat_id],
            )
            .map(drop)
            .map_err(|e| self.error(e))
    }

    /// Make the run's reports permanent (after its output was written).
    pub fn commit(self) -> Result<(), StoreError> {
        let path = self.path.clone();
        self.tx.commit().map_err(|e| StoreError {
            path,
            problem: classify(&e),
        })
    }
}
