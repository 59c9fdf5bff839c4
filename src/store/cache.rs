//! The overview cache: each profile's latest `chats overview` rows, so
//! `--cached` can answer without a network call. The first `HEAD` chats in
//! inbox order are also kept apart: `browse` draws its first frame from them
//! (a few hundred records decode in a millisecond; 20,000 took 40–70 ms) and
//! reads the rest in the background.

use rusqlite::{params, OptionalExtension};

use super::{Store, StoreError};
use crate::chat::Chat;
use crate::time::Timestamp;

/// Chats kept apart, first in inbox order: more than the tallest screen shows.
pub const HEAD: usize = 256;

/// A profile's cached overview.
#[derive(Debug)]
pub struct Cached {
    pub taken_at: Timestamp,
    /// The whole inbox (not cut by --limit or a top N).
    pub complete: bool,
    pub chats: Vec<Chat>,
}

impl Store {
    /// Replace `profile`'s cached overview.
    pub fn put_overview(&mut self, profile: &str, overview: &Cached) -> Result<(), StoreError> {
        let mut first: Vec<&Chat> = overview.chats.iter().collect();
        first.sort_by_key(|c| c.inbox_rank());
        first.truncate(HEAD);
        let (records, head) = serde_json::to_string(&overview.chats)
            .and_then(|records| Ok((records, serde_json::to_string(&first)?)))
            .map_err(|e| self.other(e.to_string()))?;
        let tx = self.immediate()?;
        tx.execute(
            "INSERT INTO overview_cache (profile, taken_at, complete, records, head, chats)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (profile) DO UPDATE
             SET taken_at = ?2, complete = ?3, records = ?4, head = ?5, chats = ?6",
            params![
                profile,
                overview.taken_at.secs(),
                overview.complete,
                records,
                head,
                overview.chats.len() as i64,
            ],
        )
        .and_then(|_| tx.commit())
        .map_err(|e| self.error(e))
    }

    /// Whether `profile`'s cached overview is its whole inbox (`None`: none cached).
    pub fn overview_complete(&self, profile: &str) -> Result<Option<bool>, StoreError> {
        self.conn
            .query_row(
                "SELECT complete FROM overview_cache WHERE profile = ?1",
                [profile],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.error(e))
    }

    /// The first chats of `profile`'s cached overview in inbox order (at most
    /// `HEAD`), and how many it holds in all. An overview recorded before
    /// the head was kept apart is read whole.
    pub fn overview_head(&self, profile: &str) -> Result<Option<(Cached, usize)>, StoreError> {
        let row: Option<(i64, bool, Option<String>, Option<i64>)> = self
            .conn
            .query_row(
                "SELECT taken_at, complete, head, chats FROM overview_cache WHERE profile = ?1",
                [profile],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()
            .map_err(|e| self.error(e))?;
        let Some((taken_at, complete, Some(head), Some(total))) = row else {
            let whole = self.overview(profile)?;
            return Ok(whole.map(|c| {
                let total = c.chats.len();
                (c, total)
            }));
        };
        let what = format!("cached overview of `{profile}`");
        let chats = self.decode(&head, &what, |c: &mut Chat, p| c.provider = p)?;
        let total = usize::try_from(total).unwrap_or(0).max(chats.len());
        let cached = Cached {
            taken_at: self.taken_at(profile, taken_at)?,
            complete,
            chats,
        };
        Ok(Some((cached, total)))
    }

    /// `profile`'s cached overview, if one was ever recorded.
    pub fn overview(&self, profile: &str) -> Result<Option<Cached>, StoreError> {
        let row: Option<(i64, bool, String)> = self
            .conn
            .query_row(
                "SELECT taken_at, complete, records FROM overview_cache WHERE profile = ?1",
                [profile],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(|e| self.error(e))?;
        let Some((taken_at, complete, records)) = row else {
            return Ok(None);
        };
        let what = format!("cached overview of `{profile}`");
        let chats = self.decode(&records, &what, |c: &mut Chat, p| c.provider = p)?;
        Ok(Some(Cached {
            taken_at: self.taken_at(profile, taken_at)?,
            complete,
            chats,
        }))
    }

    /// A cached overview's `taken_at` column as a time.
    fn taken_at(&self, profile: &str, secs: i64) -> Result<Timestamp, StoreError> {
        Timestamp::from_secs(secs).ok_or_else(|| StoreError {
            path: self.path.clone(),
            problem: super::Problem::Corrupt(format!(
                "cached overview of `{profile}`: bad time {secs}"
            )),
        })
    }

    pub(super) fn other(&self, message: String) -> StoreError {
        StoreError {
            path: self.path.clone(),
            problem: super::Problem::Other(message),
        }
    }
}
