//! The one paging loop every listing shares (PROVIDERS.md §0.6): offset paging
//! with or without a total, cursor paging, and single-call "top N" lists.
//!
//! A `Source` only fetches one page; this decides what to fetch next and when
//! to stop (short or empty page; total reached; cursor absent, null or empty),
//! and drops duplicate ids (offset paging over a recency list shifts). A
//! gateway that breaks paging ends it with exit 8, never a loop or a silent
//! short list: a page that brings no new item (a fresh cursor or an ignored
//! offset with the same items), a repeated cursor, or a page larger than asked.
//! With `--all` on an offset gateway it keeps up to `concurrency` pages in
//! flight after the first (the whole remainder when a total is known,
//! speculative read-ahead otherwise), yielding pages in order.

mod source;
#[cfg(test)]
mod tests;

use std::collections::HashSet;
use std::future::Future;
use std::pin::Pin;

use futures_util::stream::{FuturesOrdered, StreamExt};

use super::{PageAt, Paging, ProviderError};
use crate::time::Timestamp;
pub use source::{Batch, Chats, Source};

type Fetched<T> = (u64, u32, Result<Batch<T>, ProviderError>);
type PageFuture<'a, T> = Pin<Box<dyn Future<Output = Fetched<T>> + 'a>>;

enum State {
    Offset(u64),
    Cursor(Option<String>),
    Single,
    Done,
}

/// Where to continue a listing that stopped early.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resume {
    Offset(u64),
    Cursor(String),
    /// Stopped inside a cursor page: a cursor cannot resume there.
    MidCursorPage,
}

pub struct Pager<'a, S: Source> {
    source: &'a S,
    paging: Paging,
    page_size: u32,
    concurrency: usize,
    state: State,
    /// Offset of the next page to schedule (read-ahead runs ahead of `state`).
    scheduled: u64,
    inflight: FuturesOrdered<PageFuture<'a, S::Item>>,
    /// 64-bit hashes of the ids yielded so far: de-duplication in constant
    /// memory per item (a collision needs ~4 billion items to become likely).
    seen: HashSet<u64>,
    cursors: HashSet<String>,
    /// The last page yielded: where it started and how many rows it had.
    last: Option<(PageAt, usize)>,
    /// Positions in that page of the rows yielded (duplicates dropped).
    kept_at: Vec<usize>,
    total: Option<u64>,
    /// The lowest `Batch::ceiling` yet: nothing still to come is newer.
    ceiling: Option<Timestamp>,
    /// 429s seen when concurrency was last adjusted.
    throttle_seen: u32,
    pub pages: usize,
    pub fetched: usize,
}

impl<'a, S: Source> Pager<'a, S> {
    pub fn new(source: &'a S, start: PageAt, page_size: u32, concurrency: usize) -> Self {
        let paging = source.paging();
        let state = match (paging, start) {
            (Paging::Single, _) | (_, PageAt::Single) => State::Single,
            (_, PageAt::Offset(o)) => State::Offset(o),
            (_, PageAt::Cursor(c)) => State::Cursor(c),
        };
        let scheduled = match state {
            State::Offset(o) => o,
            _ => 0,
        };
        Pager {
            source,
            paging,
            page_size: page_size.max(1),
            concurrency: concurrency.max(1),
            state,
            scheduled,
            inflight: FuturesOrdered::new(),
            seen: HashSet::new(),
            cursors: HashSet::new(),
            last: None,
            kept_at: Vec::new(),
            total: None,
            ceiling: None,
            throttle_seen: source.throttle_count(),
            pages: 0,
            fetched: 0,
        }
    }

    /// How new anything still to come can be, where the gateway tells (insert-order listings).
    pub fn ceiling(&self) -> Option<Timestamp> {
        self.ceiling
    }

    /// Whether the listing has ended (no page left to ask for).
    pub fn finished(&self) -> bool {
        matches!(self.state, State::Done)
    }

    /// The total the gateway reported, if any.
    pub fn total(&self) -> Option<u64> {
        self.total
    }

    /// The next page of new items, or `None` at the end. `want` is how many more
    /// rows the caller needs (`None`: as many as come); it sizes requests.
    /// `read_ahead` allows keeping several offset pages in flight.
    pub async fn next(
        &mut self,
        want: Option<usize>,
        read_ahead: bool,
    ) -> Result<Option<Vec<S::Item>>, ProviderError> {
        let (at, size, batch) = match std::mem::replace(&mut self.state, State::Done) {
            State::Done => return Ok(None),
            State::Single => {
                let size = want.map(|w| w.clamp(1, u32::MAX as usize) as u32);
                let batch = self.source.fetch(PageAt::Single, size).await?;
                (PageAt::Single, size, batch)
            }
            State::Cursor(cursor) => {
                let size = self.size_for(want);
                let at = PageAt::Cursor(cursor);
                let batch = self.source.fetch(at.clone(), Some(size)).await?;
                (at, Some(size), batch)
            }
            State::Offset(offset) => {
                let (at, size, batch) = self.next_offset_page(offset, want, read_ahead).await;
                (PageAt::Offset(at), Some(size), batch?)
            }
        };
        self.pages += 1;
        if let Some(c) = batch.ceiling {
            // A bound from an earlier page still holds: keep the lowest.
            self.ceiling = Some(self.ceiling.map_or(c, |old| old.min(c)));
        }
        let len = batch.items.len();
        if let Some(size) = size.filter(|&s| len > s as usize) {
            return Err(self.broken(format!(
                "ignored the page size: asked for {size} {noun}, it sent {len}; \
                 stopping rather than print a partial or repeated list",
                noun = self.source.noun()
            )));
        }
        self.kept_at.clear();
        let mut kept = Vec::with_capacity(len);
        for (i, item) in batch.items.into_iter().enumerate() {
            if self.seen.insert(id_hash(S::id(&item))) {
                self.kept_at.push(i);
                kept.push(item);
            }
        }
        if len > 0 && kept.is_empty() {
            return Err(self.broken(format!(
                "kept repeating {noun}: the page at {} held only {noun} it had already sent; \
                 stopping",
                describe(&at),
                noun = self.source.noun()
            )));
        }
        self.state = match &at {
            PageAt::Single => State::Done,
            PageAt::Cursor(_) => match batch.next_cursor.filter(|c| !c.is_empty()) {
                Some(next) if len > 0 => {
                    if !self.cursors.insert(next.clone()) {
                        return Err(self.broken(format!(
                            "repeated the cursor \"{}\"; stopping",
                            shown(&next)
                        )));
                    }
                    State::Cursor(Some(next))
                }
                _ => State::Done,
            },
            PageAt::Offset(o) => {
                if batch.total.is_some() {
                    self.total = batch.total;
                }
                // A total of 0 is unknown (GOWA reports 0 when its count fails).
                // Checked: an offset near 2^64 (a hostile gateway, or --offset) must not wrap.
                let step = |n: u64| {
                    o.checked_add(n).ok_or_else(|| {
                        self.broken(format!("paged past the largest offset ({})", u64::MAX))
                    })
                };
                let end = step(len as u64)?;
                let total_reached = self.total.filter(|&t| t > 0).is_some_and(|t| end >= t);
                let ends = self.source.short_page_ends();
                let short = ends && size.is_some_and(|s| len < s as usize);
                if len == 0 || short || total_reached {
                    self.inflight = FuturesOrdered::new();
                    State::Done
                } else if ends {
                    State::Offset(end)
                } else {
                    // Short pages mid-history: step by what was asked for, not received.
                    State::Offset(step(u64::from(size.unwrap_or(self.page_size)))?)
                }
            }
        };
        self.last = Some((at, len));
        self.fetched += kept.len();
        Ok((!kept.is_empty()).then_some(kept))
    }

    /// Fetch (or take from read-ahead) the page at `offset`.
    async fn next_offset_page(
        &mut self,
        offset: u64,
        want: Option<usize>,
        read_ahead: bool,
    ) -> Fetched<S::Item> {
        let read_ahead = read_ahead && want.is_none() && self.pages > 0 && self.concurrency > 1;
        if !read_ahead {
            self.inflight = FuturesOrdered::new();
            let size = self.size_for(want);
            self.scheduled = offset.saturating_add(u64::from(size));
            let batch = self.source.fetch(PageAt::Offset(offset), Some(size)).await;
            return (offset, size, batch);
        }
        if self.inflight.is_empty() {
            self.scheduled = offset;
        }
        let throttled = self.source.throttle_count();
        if throttled > self.throttle_seen && self.concurrency > 1 {
            self.throttle_seen = throttled;
            self.concurrency /= 2;
            crate::diag::trace(&format!(
                "the gateway is rate-limiting: read-ahead lowered to {} requests",
                self.concurrency
            ));
        }
        while self.inflight.len() < self.concurrency
            && self
                .total
                .filter(|&t| t > 0)
                .is_none_or(|t| self.scheduled < t)
        {
            let (at, size, source) = (self.scheduled, self.page_size, self.source);
            self.inflight.push_back(Box::pin(async move {
                (at, size, source.fetch(PageAt::Offset(at), Some(size)).await)
            }));
            self.scheduled = self.scheduled.saturating_add(u64::from(size));
        }
        match self.inflight.next().await {
            Some((at, size, result)) if at == offset => (at, size, result),
            Some((at, size, _)) => (
                at,
                size,
                Err(self.broken(format!(
                    "internal paging error: expected offset {offset}, got {at}"
                ))),
            ),
            None => {
                let size = self.page_size;
                let batch = self.source.fetch(PageAt::Offset(offset), Some(size)).await;
                (offset, size, batch)
            }
        }
    }

    fn size_for(&self, want: Option<usize>) -> u32 {
        match want {
            Some(w) if w > 0 => (w.min(self.page_size as usize)) as u32,
            _ => self.page_size,
        }
    }

    fn broken(&self, detail: String) -> ProviderError {
        ProviderError::Paging {
            gateway: self.source.gateway(),
            detail,
        }
    }

    /// How to continue after using `used` of the rows the last page yielded,
    /// if more remain.
    pub fn resume(&self, used: usize) -> Option<Resume> {
        let (at, len) = self.last.as_ref()?;
        let more_after_page = !matches!(self.state, State::Done);
        let cut_mid_page = used < self.kept_at.len();
        match (self.paging, at) {
            // Continue at the first unused row's own position, so dropped duplicates are not re-read.
            (Paging::Offset { .. }, PageAt::Offset(o)) if cut_mid_page => {
                Some(Resume::Offset(o.saturating_add(self.kept_at[used] as u64)))
            }
            (Paging::Offset { .. }, PageAt::Offset(o)) if more_after_page => {
                Some(Resume::Offset(o.saturating_add(*len as u64)))
            }
            (Paging::Cursor, _) if cut_mid_page => Some(Resume::MidCursorPage),
            (Paging::Cursor, _) => match &self.state {
                State::Cursor(Some(next)) => Some(Resume::Cursor(next.clone())),
                _ => None,
            },
            _ => None,
        }
    }
}

/// Where a page started, for messages.
fn describe(at: &PageAt) -> String {
    match at {
        PageAt::Offset(o) => format!("offset {o}"),
        PageAt::Cursor(None) => "the first cursor".to_owned(),
        PageAt::Cursor(Some(c)) => format!("cursor \"{}\"", shown(c)),
        PageAt::Single => "the one call".to_owned(),
    }
}

/// A gateway's cursor as it may be shown: one safe, short line, redacted before it is cut.
fn shown(cursor: &str) -> String {
    crate::redact::line(cursor, 60)
}

fn id_hash(id: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    id.hash(&mut h);
    h.finish()
}
