//! State every connection of the sandbox shares: the inbox, the injected
//! faults, the request journal and Green API's rate limiter. A module of its
//! own so the emulators and the server both use it without importing each other.

use std::collections::HashMap;
use std::sync::atomic::AtomicUsize;
use std::sync::{Mutex, MutexGuard, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::{Duration, Instant};

use super::inbox::Inbox;
use super::{Faults, Hit};

struct FaultState {
    faults: Faults,
    remaining: u32,
}

/// State shared by all connections.
pub(super) struct Shared {
    /// Read by every request; written when a message is delivered (`live.rs`).
    inbox: RwLock<Inbox>,
    faults: Mutex<FaultState>,
    journal: Mutex<Vec<Hit>>,
    /// Green API rate limiter: last accepted call per "instance/method".
    pub green_last: Mutex<HashMap<String, Instant>>,
    pub(super) latency: Duration,
    /// Media files WAHA/Wawp downloaded because a listing did not send `downloadMedia=false`.
    pub media_downloads: AtomicUsize,
    /// What mark-read calls marked, and the receipts they sent (`reads.rs`).
    pub(super) reads: Mutex<super::reads::Reads>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Shared {
    pub fn new(inbox: Inbox, faults: Faults, latency: Duration) -> Shared {
        let remaining = faults.fail_first;
        Shared {
            inbox: RwLock::new(inbox),
            faults: Mutex::new(FaultState { faults, remaining }),
            journal: Mutex::new(Vec::new()),
            green_last: Mutex::new(HashMap::new()),
            latency,
            media_downloads: AtomicUsize::new(0),
            reads: Default::default(),
        }
    }
    /// The inbox as it is now (held for one request: handlers never wait while holding it).
    pub fn inbox(&self) -> RwLockReadGuard<'_, Inbox> {
        self.inbox.read().unwrap_or_else(|p| p.into_inner())
    }
    pub fn inbox_mut(&self) -> RwLockWriteGuard<'_, Inbox> {
        self.inbox.write().unwrap_or_else(|p| p.into_inner())
    }
    /// Deliver a message now (`live.rs`).
    pub fn deliver(&self, incoming: super::Incoming) -> Result<super::Delivered, String> {
        let mut inbox = self.inbox_mut();
        let d = inbox.deliver(incoming, chrono::Utc::now().timestamp())?;
        // Under the inbox's lock, so no request sees the new entry with the old read marks.
        if let Some(c) = inbox.find(&d.chat) {
            self.delivered(c.index, d.message.from_me);
        }
        Ok(d)
    }
    pub fn journal(&self) -> Vec<Hit> {
        lock(&self.journal).clone()
    }
    pub fn set_faults(&self, f: Faults) {
        let mut st = lock(&self.faults);
        st.remaining = f.fail_first;
        st.faults = f;
    }
    pub fn green_lock(&self) -> MutexGuard<'_, HashMap<String, Instant>> {
        lock(&self.green_last)
    }
    /// The current faults, and whether this request consumes one of the `fail_first` failures.
    pub(super) fn take_faults(&self) -> (Faults, bool) {
        let mut st = lock(&self.faults);
        let fail = st.remaining > 0;
        if fail {
            st.remaining -= 1;
        }
        (st.faults.clone(), fail)
    }
    pub(super) fn record(&self, hit: &Hit, status: u16) {
        lock(&self.journal).push(Hit {
            status,
            ..hit.clone()
        });
    }
}
