//! The message cache: the newest messages of the chats `browse` opened
//! last (`KEPT_CHATS` per profile), so opening one again shows it at once
//! while it refreshes. Replaced whole on every fetch; the oldest entries are
//! dropped in the same transaction.

use rusqlite::{params, OptionalExtension};

use super::{Problem, Store, StoreError};
use crate::message::Message;
use crate::time::Timestamp;

/// Chats per profile whose messages are kept.
pub const KEPT_CHATS: usize = 50;

/// A chat's cached messages.
#[derive(Debug)]
pub struct CachedMessages {
    pub taken_at: Timestamp,
    /// Oldest first.
    pub messages: Vec<Message>,
}

impl Store {
    /// Replace the cached messages of `profile`'s chat `chat_id`.
    pub fn put_messages(
        &mut self,
        profile: &str,
        chat_id: &str,
        cached: &CachedMessages,
    ) -> Result<(), StoreError> {
        let records =
            serde_json::to_string(&cached.messages).map_err(|e| self.other(e.to_string()))?;
        let tx = self.immediate()?;
        tx.execute(
            "INSERT INTO message_cache (profile, chat_id, taken_at, records)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (profile, chat_id) DO UPDATE SET taken_at = ?3, records = ?4",
            params![profile, chat_id, cached.taken_at.secs(), records],
        )
        .and_then(|_| {
            tx.execute(
                "DELETE FROM message_cache WHERE profile = ?1 AND chat_id NOT IN
                 (SELECT chat_id FROM message_cache WHERE profile = ?1
                  ORDER BY taken_at DESC, rowid DESC LIMIT ?2)",
                params![profile, KEPT_CHATS as i64],
            )
        })
        .and_then(|_| tx.commit())
        .map_err(|e| self.error(e))
    }

    /// The cached messages of `profile`'s chat `chat_id`, if any.
    pub fn messages(
        &self,
        profile: &str,
        chat_id: &str,
    ) -> Result<Option<CachedMessages>, StoreError> {
        let row: Option<(i64, String)> = self
            .conn
            .query_row(
                "SELECT taken_at, records FROM message_cache WHERE profile = ?1 AND chat_id = ?2",
                [profile, chat_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.error(e))?;
        let Some((taken_at, records)) = row else {
            return Ok(None);
        };
        let damaged = |what: String| StoreError {
            path: self.path.clone(),
            problem: Problem::Corrupt(format!("cached messages of `{profile}`: {what}")),
        };
        let what = format!("cached messages of `{profile}`");
        let messages = self.decode(&records, &what, |m: &mut Message, p| m.provider = p)?;
        Ok(Some(CachedMessages {
            taken_at: Timestamp::from_secs(taken_at)
                .ok_or_else(|| damaged(format!("bad time {taken_at}")))?,
            messages,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(profile: &str, id: &str) -> Message {
        let mut m = Message::new(profile, "waha", "1@c.us", id);
        m.text = Some(format!("text {id}"));
        m.finish()
    }

    #[test]
    fn messages_round_trip_and_only_the_newest_chats_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        assert!(store.messages("p", "c0").unwrap().is_none());
        for i in 0..KEPT_CHATS + 3 {
            let cached = CachedMessages {
                taken_at: Timestamp::from_secs(1_700_000_000 + i as i64).unwrap(),
                messages: vec![message("p", "A"), message("p", &format!("B{i}"))],
            };
            store.put_messages("p", &format!("c{i}"), &cached).unwrap();
        }
        let back = store.messages("p", "c52").unwrap().unwrap();
        assert_eq!(back.messages, vec![message("p", "A"), message("p", "B52")]);
        assert_eq!(back.messages[0].provider, "waha");
        assert!(
            store.messages("p", "c0").unwrap().is_none(),
            "the oldest chat is dropped"
        );
        assert!(store.messages("p", "c3").unwrap().is_some());
    }
}
