//! The local state store: what wa-inbox remembers between runs (which chats
//! `--new` already reported, each profile's latest overview for
//! `--cached`, and the newest messages of the chats `browse` opened last), in one SQLite file, `state.db`, in the state folder that
//! `config::resolve` decided. It holds chat records and times, never a secret.
//!
//! - **Concurrency.** WAL mode (readers never block the one writer) and a
//!   busy timeout, so cron jobs and a person's runs can overlap; every write
//!   is one `BEGIN IMMEDIATE` transaction, which takes the write lock up
//!   front instead of failing on a lock upgrade.
//! - **Schema versions.** `PRAGMA user_version` counts the migrations
//!   applied; `schema.rs` lists them in order, and the missing ones run in
//!   one transaction together with the version bump, so a store is never
//!   half-migrated and a newer file is recognised before anything touches it.
//!   atuin's local databases do the same job with sqlx's numbered migration
//!   files recorded in a table of their own, plus WAL and a busy timeout on
//!   open; we keep those two settings, but not a migration crate
//!   (`rusqlite_migration` tracks rusqlite's major versions, which our MSRV
//!   pins) — `user_version` in the file header is all two tables need.
//! - **Failure.** A file that is not a database, a damaged one, one from a
//!   newer wa-inbox, or a folder that cannot be written is a `StoreError`:
//!   one line naming the file and how to reset it (exit 3), never a panic and
//!   never a silent fresh start (that would re-send every alert).

mod alerts;
mod cache;
mod messages;
mod schema;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, TransactionBehavior};

pub use alerts::{incoming_at, is_new, AlertView, Claim, Seen};
pub use cache::{Cached, HEAD};
pub use messages::{CachedMessages, KEPT_CHATS};

/// The file's name inside the state folder.
pub const FILE: &str = "state.db";

/// How long a run waits for another one's write (a `--new` run holds the
/// lock while it prints its alerts).
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The local store, open.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// Why the store cannot be used; always names the file and what to do.
#[derive(Debug, thiserror::Error)]
#[error("state store {}: {problem}", path.display())]
pub struct StoreError {
    pub path: PathBuf,
    pub problem: Problem,
}

#[derive(Debug, thiserror::Error)]
pub enum Problem {
    #[error(
        "the file is damaged or not a wa-inbox database ({0}); \
         to reset it, move it away or delete it (wa-inbox then forgets the chats it already \
         reported and its cached overviews)"
    )]
    Corrupt(String),
    #[error(
        "written by a newer wa-inbox (schema version {found}, this one knows up to {known}); \
         upgrade wa-inbox, or point WA_INBOX_STATE_DIR at another folder"
    )]
    Newer { found: i64, known: i64 },
    #[error("cannot create or write it ({0}); check the folder's permissions, or set WA_INBOX_STATE_DIR")]
    Unwritable(String),
    #[error("another wa-inbox run has held it for over {}s; try again", BUSY_TIMEOUT.as_secs())]
    Busy,
    #[error("{0}")]
    Other(String),
}

impl Store {
    /// Open (or create) `dir/state.db`, creating `dir` (mode 700) as needed,
    /// and bring its schema up to date.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        let path = dir.join(FILE);
        let fail = |problem| StoreError {
            path: path.clone(),
            problem,
        };
        create_private_dir(dir).map_err(|e| fail(Problem::Unwritable(e.to_string())))?;
        let conn = Connection::open(&path).map_err(|e| fail(classify(&e)))?;
        let store = Store { conn, path };
        store.setup(true)?;
        store.restrict_file();
        Ok(store)
    }

    /// A store that lives as long as the process (`--demo`).
    pub fn in_memory() -> Result<Store, StoreError> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|e| StoreError {
            path: path.clone(),
            problem: classify(&e),
        })?;
        let store = Store { conn, path };
        store.setup(false)?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn setup(&self, wal: bool) -> Result<(), StoreError> {
        self.conn
            .busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| self.error(e))?;
        if wal {
            // Also the first read of the file: a file that is not a database fails here.
            self.conn
                .pragma_update(None, "journal_mode", "WAL")
                .map_err(|e| self.error(e))?;
            self.conn
                .pragma_update(None, "synchronous", "NORMAL")
                .map_err(|e| self.error(e))?;
        }
        schema::migrate(&self.conn).map_err(|e| match e {
            schema::Error::Newer { found, known } => StoreError {
                path: self.path.clone(),
                problem: Problem::Newer { found, known },
            },
            schema::Error::Sql(e) => self.error(e),
        })
    }

    /// The database holds chat names and previews: readable by its owner only
    /// (SQLite gives the -wal and -shm files the same mode).
    fn restrict_file(&self) {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(&self.path, std::fs::Permissions::from_mode(0o600));
        }
    }

    /// `e`, as a `StoreError` naming this store's file.
    fn error(&self, e: rusqlite::Error) -> StoreError {
        StoreError {
            path: self.path.clone(),
            problem: classify(&e),
        }
    }

    /// Begin a write transaction, waiting up to `BUSY_TIMEOUT` for another run's.
    fn immediate(&mut self) -> Result<rusqlite::Transaction<'_>, StoreError> {
        let path = self.path.clone();
        self.conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| StoreError {
                path,
                problem: classify(&e),
            })
    }
}

impl Store {
    /// Records stored as a JSON array, each with its `provider` (a registry
    /// name, which deserialising leaves empty) put back; `what` names them in
    /// the error for a damaged entry.
    ///
    /// Typed all the way: the records are read straight into `T`, and their
    /// gateway names in a second, borrowing pass that skips everything else.
    /// (Going through `serde_json::Value` first took four times as long: a
    /// 20,000-chat overview is 9 MB, and `browse` draws its first frame from it.)
    fn decode<T: serde::de::DeserializeOwned>(
        &self,
        json: &str,
        what: &str,
        provider: impl Fn(&mut T, &'static str),
    ) -> Result<Vec<T>, StoreError> {
        #[derive(serde::Deserialize)]
        struct Gateway<'a> {
            #[serde(borrow, default)]
            provider: std::borrow::Cow<'a, str>,
        }
        let damaged = |problem: String| StoreError {
            path: self.path.clone(),
            problem: Problem::Corrupt(format!("{what}: {problem}")),
        };
        let mut records: Vec<T> = serde_json::from_str(json).map_err(|e| damaged(e.to_string()))?;
        let names: Vec<Gateway> = serde_json::from_str(json).map_err(|e| damaged(e.to_string()))?;
        for (record, Gateway { provider: name }) in records.iter_mut().zip(names) {
            let gateway = crate::gateways::NAMES
                .iter()
                .find(|n| **n == name)
                .ok_or_else(|| damaged(format!("unknown gateway {name:?}")))?;
            provider(record, gateway);
        }
        Ok(records)
    }
}

fn classify(e: &rusqlite::Error) -> Problem {
    let text = e.to_string();
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => Problem::Corrupt(text),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Problem::Busy,
        Some(
            ErrorCode::CannotOpen
            | ErrorCode::ReadOnly
            | ErrorCode::PermissionDenied
            | ErrorCode::DiskFull
            | ErrorCode::SystemIoFailure,
        ) => Problem::Unwritable(text),
        _ => match e {
            // A row we cannot read back (a hand-edited file) is damage too.
            rusqlite::Error::FromSqlConversionFailure(..)
            | rusqlite::Error::InvalidColumnType(..) => Problem::Corrupt(text),
            _ => Problem::Other(text),
        },
    }
}

fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

#[cfg(test)]
mod tests;
