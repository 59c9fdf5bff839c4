//! The overview cache: each profile's latest `chats overview` rows, so
//! `--cached` can answer without a network call.

use rusqlite::{params, OptionalExtension};

use super::{Store, StoreError};
use crate::chat::Chat;
use crate::time::Timestamp;

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
        let records =
            serde_json::to_string(&overview.chats).map_err(|e| self.other(e.to_string()))?;
        let tx = self.immediate()?;
        tx.execute(
            "INSERT INTO overview_cache (profile, taken_at, complete, records)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (profile) DO UPDATE SET taken_at = ?2, complete = ?3, records = ?4",
            params![
                profile,
                overview.taken_at.secs(),
                overview.complete,
                records
            ],
        )
        .and_then(|_| tx.commit())
        .map_err(|e| self.error(e))
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
        let damaged = |what: String| StoreError {
            path: self.path.clone(),
            problem: super::Problem::Corrupt(format!("cached overview of `{profile}`: {what}")),
        };
        let what = format!("cached overview of `{profile}`");
        let chats = self.decode(&records, &what, |c: &mut Chat, p| c.provider = p)?;
        Ok(Some(Cached {
            taken_at: Timestamp::from_secs(taken_at)
                .ok_or_else(|| damaged(format!("bad time {taken_at}")))?,
            complete,
            chats,
        }))
    }

    pub(super) fn other(&self, message: String) -> StoreError {
        StoreError {
            path: self.path.clone(),
            problem: super::Problem::Other(message),
        }
    }
}
