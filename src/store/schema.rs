//! The store's schema as an ordered list of migrations; `PRAGMA user_version`
//! is the number applied. Append only: never edit a migration that shipped.

use rusqlite::{Connection, TransactionBehavior};

/// Migration `i` takes a store from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    // 1: the overview cache and the alert memory.
    "CREATE TABLE overview_cache (
         profile  TEXT PRIMARY KEY,
         taken_at INTEGER NOT NULL,  -- Unix seconds
         complete INTEGER NOT NULL,  -- 1: every chat of the inbox
         records  TEXT NOT NULL      -- JSON array of chat records
     );
     CREATE TABLE alerts (
         view        TEXT NOT NULL,  -- unread | waiting
         profile     TEXT NOT NULL,
         chat_id     TEXT NOT NULL,
         incoming_at INTEGER,        -- last incoming message when reported (Unix seconds)
         unread      INTEGER,        -- unread count when reported
         reported_at INTEGER NOT NULL,
         PRIMARY KEY (view, profile, chat_id)
     );",
    // 2: the newest messages of the chats `browse` opened last.
    "CREATE TABLE message_cache (
         profile  TEXT NOT NULL,
         chat_id  TEXT NOT NULL,     -- as the gateway names it
         taken_at INTEGER NOT NULL,  -- Unix seconds
         records  TEXT NOT NULL,     -- JSON array of message records, oldest first
         PRIMARY KEY (profile, chat_id)
     );",
    // 3: each cached overview's first chats in inbox order, apart, so that
    //    `browse` draws its first frame without decoding the whole inbox.
    "ALTER TABLE overview_cache ADD COLUMN head TEXT;      -- JSON array, the first chats
     ALTER TABLE overview_cache ADD COLUMN chats INTEGER;  -- records in `records`",
];

/// The version this build writes.
pub const VERSION: i64 = MIGRATIONS.len() as i64;

pub enum Error {
    Newer { found: i64, known: i64 },
    Sql(rusqlite::Error),
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Error {
        Error::Sql(e)
    }
}

fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
}

/// Bring `conn` to `VERSION`; refuse a newer file without changing it.
pub fn migrate(conn: &Connection) -> Result<(), Error> {
    let check = |found: i64| match found {
        f if !(0..=VERSION).contains(&f) => Err(Error::Newer {
            found: f,
            known: VERSION,
        }),
        _ => Ok(found == VERSION),
    };
    if check(version(conn)?)? {
        return Ok(());
    }
    // Another process may be migrating too: decide again under the write lock.
    let tx = rusqlite::Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    let found = version(&tx)?;
    if check(found)? {
        return Ok(());
    }
    for migration in &MIGRATIONS[found as usize..] {
        tx.execute_batch(migration)?;
    }
    tx.pragma_update(None, "user_version", VERSION)?;
    tx.commit()?;
    Ok(())
}
