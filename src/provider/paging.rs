//! The one paging loop every gateway and listing (chats, a chat's messages) shares
//! (PROVIDERS.md §0.6, MESSAGES.md §0.3–0.4): offset paging
//! with or without a total, cursor paging, and single-call "top N" lists.
//!
//! Providers only fetch one page; this decides what to fetch next, when to
//! stop (short, empty or no-new-ids page; total reached; cursor absent, null or
//! empty), drops duplicate ids (offset paging over a recency list shifts), and
//! aborts on a repeated cursor. With `--all` on an offset gateway it keeps up to
//! `concurrency` pages in flight after the first (the whole remainder when a
//! total is known, speculative read-ahead otherwise), yielding pages in order.

use std::collections::HashSet;
use std::future::Future;
use std::pin::Pin;

use futures_util::stream::{FuturesOrdered, StreamExt};

use super::{AnyProvider, PageAt, Paging, ProviderError, Query, View};
use crate::chat::Chat;

/// What the pager pages through: chats or a chat's messages. A source is a
/// cheap handle (references), cloned into each page request in flight.
#[allow(async_fn_in_trait)]
pub trait Source: Clone {
    type Item;
    /// The id duplicates are recognised by.
    fn key(item: &Self::Item) -> &str;
    fn paging(&self) -> Paging;
    /// The gateway's human name, for errors.
    fn gateway(&self) -> &'static str;
    /// 429 answers seen so far (read-ahead halves when this grows).
    fn throttle_count(&self) -> u32;
    /// Whether a page shorter than asked for is the end. WAHA and Wawp drop
    /// messages after paging, so theirs are not (MESSAGES.md §0.3): the next
    /// offset is then `offset + size` and only an empty or stale page ends.
    fn short_page_ends(&self) -> bool {
        true
    }
    async fn fetch(
        &self,
        at: PageAt,
        size: Option<u32>,
    ) -> Result<Fetched<Self::Item>, ProviderError>;
}

/// One page of any source, as the gateway returned it.
#[derive(Debug)]
pub struct Fetched<T> {
    pub items: Vec<T>,
    pub total: Option<u64>,
    pub next_cursor: Option<String>,
}

/// A chat listing (`chats list | overview | unread`, and name resolution).
#[derive(Clone, Copy)]
pub struct Chats<'a> {
    pub provider: &'a AnyProvider,
    pub query: &'a Query,
}

impl Source for Chats<'_> {
    type Item = Chat;

    fn key(item: &Chat) -> &str {
        &item.id
    }

    fn paging(&self) -> Paging {
        self.provider.capabilities(self.query.view).paging
    }

    fn gateway(&self) -> &'static str {
        self.provider.capabilities(View::List).gateway
    }

    fn throttle_count(&self) -> u32 {
        self.provider.throttle_count()
    }

    async fn fetch(&self, at: PageAt, size: Option<u32>) -> Result<Fetched<Chat>, ProviderError> {
        let page = self.provider.page(self.query, at, size).await?;
        Ok(Fetched {
            items: page.chats,
            total: page.total,
            next_cursor: page.next_cursor,
        })
    }
}

type PageFuture<'a, T> =
    Pin<Box<dyn Future<Output = (u64, u32, Result<Fetched<T>, ProviderError>)> + 'a>>;

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

pub struct Pager<'a, S: Source + 'a = Chats<'a>> {
    source: S,
    paging: Paging,
    page_size: u32,
    concurrency: usize,
    state: State,
    /// Offset of the next page to schedule (read-ahead runs ahead of `state`).
    scheduled: u64,
    inflight: FuturesOrdered<PageFuture<'a, S::Item>>,
    /// 64-bit hashes of the ids yielded so far: de-duplication in constant
    /// memory per chat (a collision needs ~4 billion chats to become likely).
    seen: HashSet<u64>,
    cursors: HashSet<String>,
    /// The last page yielded: where it started and how many rows it had.
    last: Option<(PageAt, usize)>,
    /// Positions in that page of the rows yielded (duplicates dropped).
    kept_at: Vec<usize>,
    total: Option<u64>,
    /// 429s seen when concurrency was last adjusted.
    throttle_seen: u32,
    pub pages: usize,
    pub fetched: usize,
}

impl<'a> Pager<'a, Chats<'a>> {
    /// A pager over a chat listing.
    pub fn new(
        provider: &'a AnyProvider,
        query: &'a Query,
        start: PageAt,
        page_size: u32,
        concurrency: usize,
    ) -> Pager<'a, Chats<'a>> {
        Pager::over(Chats { provider, query }, start, page_size, concurrency)
    }
}

impl<'a, S: Source + 'a> Pager<'a, S> {
    pub fn over(source: S, start: PageAt, page_size: u32, concurrency: usize) -> Pager<'a, S> {
        let paging = source.paging();
        let state = match (paging, start) {
            (Paging::Single, _) => State::Single,
            (_, PageAt::Offset(o)) => State::Offset(o),
            (_, PageAt::Cursor(c)) => State::Cursor(c),
            (_, PageAt::Single) => State::Single,
        };
        let scheduled = match state {
            State::Offset(o) => o,
            _ => 0,
        };
        let throttle_seen = source.throttle_count();
        Pager {
            source,
            paging,
            page_size,
            concurrency: concurrency.max(1),
            state,
            scheduled,
            inflight: FuturesOrdered::new(),
            seen: HashSet::new(),
            cursors: HashSet::new(),
            last: None,
            kept_at: Vec::new(),
            total: None,
            throttle_seen,
            pages: 0,
            fetched: 0,
        }
    }

    /// The total the gateway reported, if any.
    pub fn total(&self) -> Option<u64> {
        self.total
    }

    /// The next page of new chats, or `None` at the end. `want` is how many more
    /// rows the caller needs (`None`: as many as come); it sizes requests.
    /// `read_ahead` allows keeping several offset pages in flight.
    pub async fn next(
        &mut self,
        want: Option<usize>,
        read_ahead: bool,
    ) -> Result<Option<Vec<S::Item>>, ProviderError> {
        loop {
            let page = match std::mem::replace(&mut self.state, State::Done) {
                State::Done => return Ok(None),
                State::Single => {
                    let size = want.map(|w| w.min(u32::MAX as usize) as u32);
                    let page = self.source.fetch(PageAt::Single, size).await?;
                    self.last = Some((PageAt::Single, page.items.len()));
                    page.items
                }
                State::Cursor(cursor) => {
                    let size = self.size_for(want);
                    let page = self
                        .source
                        .fetch(PageAt::Cursor(cursor.clone()), Some(size))
                        .await?;
                    self.last = Some((PageAt::Cursor(cursor), page.items.len()));
                    match page.next_cursor.filter(|c| !c.is_empty()) {
                        Some(next) if !page.items.is_empty() => {
                            if !self.cursors.insert(next.clone()) {
                                return Err(self.bad(format!(
                                    "the gateway repeated cursor \"{next}\"; stopping"
                                )));
                            }
                            self.state = State::Cursor(Some(next));
                        }
                        _ => self.state = State::Done,
                    }
                    page.items
                }
                State::Offset(offset) => {
                    let (at, size, page) = self.next_offset_page(offset, want, read_ahead).await;
                    let page = page?;
                    if page.total.is_some() {
                        self.total = page.total;
                    }
                    let len = page.items.len();
                    self.last = Some((PageAt::Offset(at), len));
                    let total_reached = self
                        .total
                        .filter(|&t| t > 0)
                        .is_some_and(|t| at + len as u64 >= t);
                    // A page larger than asked for means the gateway ignored paging: that was everything.
                    let short = len < size as usize && self.source.short_page_ends();
                    let ended = len == 0 || short || len > size as usize || total_reached;
                    let step = if self.source.short_page_ends() {
                        len
                    } else {
                        size as usize
                    };
                    let fresh = page
                        .items
                        .iter()
                        .any(|c| !self.seen.contains(&id_hash(S::key(c))));
                    if ended || !fresh {
                        self.inflight = FuturesOrdered::new();
                    } else {
                        self.state = State::Offset(at + step as u64);
                    }
                    page.items
                }
            };
            self.pages += 1;
            let before = page.len();
            self.kept_at.clear();
            let mut kept = Vec::with_capacity(page.len());
            for (i, c) in page.into_iter().enumerate() {
                if self.seen.insert(id_hash(S::key(&c))) {
                    self.kept_at.push(i);
                    kept.push(c);
                }
            }
            let page = kept;
            self.fetched += page.len();
            if page.is_empty() && before > 0 && !matches!(self.state, State::Done) {
                continue; // only duplicates: look at the next page
            }
            return Ok(if page.is_empty() { None } else { Some(page) });
        }
    }

    /// Fetch (or take from read-ahead) the page at `offset`.
    async fn next_offset_page(
        &mut self,
        offset: u64,
        want: Option<usize>,
        read_ahead: bool,
    ) -> (u64, u32, Result<Fetched<S::Item>, ProviderError>) {
        let read_ahead = read_ahead && want.is_none() && self.pages > 0 && self.concurrency > 1;
        if !read_ahead {
            self.inflight = FuturesOrdered::new();
            self.scheduled = offset;
            let size = self.size_for(want);
            self.scheduled += size as u64;
            return (
                offset,
                size,
                self.source.fetch(PageAt::Offset(offset), Some(size)).await,
            );
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
            let (at, size) = (self.scheduled, self.page_size);
            let source = self.source.clone();
            self.inflight.push_back(Box::pin(async move {
                (at, size, source.fetch(PageAt::Offset(at), Some(size)).await)
            }));
            self.scheduled += size as u64;
        }
        match self.inflight.next().await {
            Some((at, size, result)) if at == offset => (at, size, result),
            Some((at, size, _)) => (
                at,
                size,
                Err(self.bad(format!(
                    "internal paging error: expected offset {offset}, got {at}"
                ))),
            ),
            None => {
                let size = self.size_for(None);
                (
                    offset,
                    size,
                    self.source.fetch(PageAt::Offset(offset), Some(size)).await,
                )
            }
        }
    }

    fn size_for(&self, want: Option<usize>) -> u32 {
        match want {
            Some(w) if w > 0 => (w.min(self.page_size as usize)) as u32,
            _ => self.page_size,
        }
    }

    fn bad(&self, detail: String) -> ProviderError {
        ProviderError::BadResponse {
            gateway: self.source.gateway(),
            endpoint: "paging".to_owned(),
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
                Some(Resume::Offset(o + self.kept_at[used] as u64))
            }
            (Paging::Offset { .. }, PageAt::Offset(o)) if more_after_page => {
                Some(Resume::Offset(o + *len as u64))
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

fn id_hash(id: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    id.hash(&mut h);
    h.finish()
}
