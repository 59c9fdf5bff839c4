//! One profile's polls (MESSAGES.md §1.4, §0.10): the chat list's first page by activity — the
//! cheapest call every gateway but Green API offers — then the messages of the chats whose
//! activity moved, read newest first down to the remembered time and no further. Green API has
//! no activity time: its journals (`lastIncomingMessages`, `lastOutgoingMessages`) over the time
//! since the last poll carry the new messages themselves. The notification queue is never
//! touched. Marks change only in `commit`, after the output was written.

use std::collections::{HashMap, HashSet, VecDeque};
use std::time::{Duration, SystemTime};

use futures_util::stream::{self, StreamExt};

use super::mark::Mark;
use crate::chat::{Chat, Jid, Kind};
use crate::message::Message;
use crate::output::watch::Arrival;
use crate::provider::messages::Messages;
use crate::provider::paging::{Chats, Pager};
use crate::provider::{
    AnyProvider, MessageQuery, PageAt, Paging, ProviderError, Query, SortKey, View,
};
use crate::time::Timestamp;

/// Chats per page of the activity call.
pub const PAGE: u32 = 50;
/// The activity call reads on while every chat of a page changed, up to this many chats.
pub const MAX_SCAN: usize = 1000;
/// Changed chats read per poll; the others stay changed and are read next poll.
pub const MAX_READS: usize = 50;
/// Messages read per changed chat per poll (a long gap is caught up this far, and said so).
pub const MAX_NEW_PER_CHAT: usize = 200;
/// Messages per page of a per-chat read.
const READ_PAGE: u32 = 20;
/// Green API: journal ids remembered, and the longest window asked for.
const GREEN_IDS: usize = 5000;
const GREEN_MAX_WINDOW: Duration = Duration::from_secs(24 * 3600);
/// Green API: the window reaches this far before the previous poll (clock skew, late entries).
const GREEN_MARGIN: Duration = Duration::from_secs(60);

/// Which chats and messages to show.
#[derive(Debug, Clone)]
pub struct Filter {
    /// The chats asked for (gateway ids, normalised JIDs); `None` = every chat.
    pub chats: Option<(HashSet<String>, HashSet<String>)>,
    pub kinds: Vec<Kind>,
    pub incoming: bool,
}

impl Filter {
    fn chat(&self, id: &str, jid: Option<&str>) -> bool {
        let kind = Jid::parse(jid.unwrap_or(id)).map_or(Kind::Other, |j| j.kind());
        self.chat_of_kind(id, jid, kind)
    }

    fn chat_of_kind(&self, id: &str, jid: Option<&str>, kind: Kind) -> bool {
        self.kinds.contains(&kind)
            && self
                .chats
                .as_ref()
                .is_none_or(|(ids, jids)| ids.contains(id) || jid.is_some_and(|j| jids.contains(j)))
    }

    fn message(&self, m: &Message) -> bool {
        !(self.incoming && m.from_me == Some(true))
    }
}

/// What one poll found.
#[derive(Default)]
pub struct Polled {
    /// New messages to print, oldest first.
    pub new: Vec<Arrival>,
    /// Requests sent.
    pub requests: usize,
    /// Chats whose activity moved.
    pub changed: usize,
    /// The chat rows the activity call returned (for the overview cache).
    pub rows: Vec<Chat>,
    /// What was cut (a long gap), for stderr.
    pub notes: Vec<String>,
}

/// Green API's memory: ids seen in the journals (bounded) and when they were last read.
#[derive(Default)]
struct Journal {
    order: VecDeque<String>,
    ids: HashSet<String>,
    last_read: Option<SystemTime>,
    pending_read: Option<SystemTime>,
}

pub struct Poller {
    pub profile: String,
    provider: AnyProvider,
    concurrency: usize,
    filter: Filter,
    marks: HashMap<String, Mark>,
    /// Marks of this poll, applied by `commit`.
    pending: Vec<(String, Mark)>,
    /// The oldest activity on the baseline's page: a chat first seen later had nothing newer.
    floor: Option<Option<Timestamp>>,
    names: HashMap<String, String>,
    journal: Journal,
}

impl Poller {
    pub fn new(profile: &str, provider: AnyProvider, concurrency: usize, filter: Filter) -> Self {
        Poller {
            profile: profile.to_owned(),
            provider,
            concurrency,
            filter,
            marks: HashMap::new(),
            pending: Vec::new(),
            floor: None,
            names: HashMap::new(),
            journal: Journal::default(),
        }
    }

    /// Whether the first poll (the baseline: nothing printed) is done.
    pub fn has_baseline(&self) -> bool {
        self.floor.is_some() || self.journal.last_read.is_some()
    }

    fn is_green(&self) -> bool {
        matches!(self.provider, AnyProvider::GreenApi(_))
    }

    /// One poll. The first one only establishes the baseline.
    pub async fn poll(&mut self) -> Result<Polled, ProviderError> {
        self.pending.clear();
        if let AnyProvider::GreenApi(g) = &self.provider {
            let now = SystemTime::now();
            let (window, cut) = match self.journal.last_read {
                // Two minutes: every later window (the gap plus the margin, in whole minutes)
                // starts after this one's start, so nothing older is taken for new.
                None => (2 * GREEN_MARGIN, false),
                Some(last) => {
                    let gap = now.duration_since(last).unwrap_or_default() + GREEN_MARGIN;
                    (gap.min(GREEN_MAX_WINDOW), gap > GREEN_MAX_WINDOW)
                }
            };
            let baseline = self.journal.last_read.is_none();
            let mut entries = g.journal_messages(window, self.filter.incoming).await?;
            // Journals come newest first: oldest first keeps one second's order.
            entries.reverse();
            entries.sort_by_key(|m| m.at);
            let mut polled = Polled {
                requests: if self.filter.incoming { 1 } else { 2 },
                ..Polled::default()
            };
            if cut {
                polled.notes.push(format!(
                    "profile `{}`: caught up only the last 24 hours (Green API's journals)",
                    self.profile
                ));
            }
            for m in entries {
                if self.journal.ids.contains(&m.id) {
                    continue;
                }
                let show = !baseline
                    && self.filter.chat(&m.chat_id, m.chat_jid.as_deref())
                    && self.filter.message(&m);
                if show {
                    polled.new.push(Arrival {
                        message: m,
                        chat_name: None,
                    });
                } else {
                    self.journal.remember(&m.id);
                }
            }
            self.journal.pending_read = Some(now);
            return Ok(polled);
        }
        self.poll_chats().await
    }

    async fn poll_chats(&mut self) -> Result<Polled, ProviderError> {
        let mut polled = Polled::default();
        let baseline = self.floor.is_none();
        let query = Query::list(crate::config::defaults::SINCE);
        let caps = self.provider.capabilities(View::List);
        debug_assert_eq!(caps.native_order.map(|o| o.0), Some(SortKey::Activity));
        let start = PageAt::first(caps.paging);
        let source = Chats::new(&self.provider, &query);
        let mut pager = Pager::new(&source, start, PAGE.min(caps.max_page_size), 1);
        let mut changed: Vec<(Chat, Mark)> = Vec::new();
        while let Some(page) = pager.next(Some(PAGE as usize), false).await? {
            polled.requests += 1;
            let all_changed = !page.is_empty() && page.iter().all(|c| self.changed(c).is_some());
            for chat in page {
                if let Some(n) = chat.name.clone() {
                    self.names.insert(chat.id.clone(), n);
                }
                if !baseline
                    && self
                        .filter
                        .chat_of_kind(&chat.id, chat.jid.as_deref(), chat.kind)
                {
                    if let Some(mark) = self.changed(&chat) {
                        changed.push((chat.clone(), mark));
                    }
                }
                polled.rows.push(chat);
            }
            if baseline || !all_changed || caps.paging == Paging::Single {
                break;
            }
            if polled.rows.len() >= MAX_SCAN {
                polled.notes.push(format!(
                    "profile `{}`: more than {MAX_SCAN} chats changed since the last poll; \
                     caught up on the {MAX_SCAN} most recently active",
                    self.profile
                ));
                break;
            }
        }
        if baseline {
            // The oldest activity on the page: a chat not on it had nothing newer then. (Not
            // the newest: a chat first seen later whose message shares that second would be
            // taken for unchanged.)
            let edge = polled.rows.iter().filter_map(|c| c.last_activity_at).min();
            for c in &polled.rows {
                let mark = Mark::at(c.last_activity_at, c.last_activity_at);
                self.pending.push((c.id.clone(), mark));
            }
            self.floor = Some(edge);
            return Ok(polled);
        }
        polled.changed = changed.len();
        if changed.len() > MAX_READS {
            polled.notes.push(format!(
                "profile `{}`: {} chats changed; reading {MAX_READS} now, the rest next poll",
                self.profile,
                changed.len()
            ));
            changed.truncate(MAX_READS);
        }
        let reads = stream::iter(changed.into_iter().map(|(chat, mark)| {
            let provider = &self.provider;
            async move {
                let r = read(provider, &chat, mark).await;
                (chat, r)
            }
        }))
        .buffer_unordered(self.concurrency.max(1))
        .collect::<Vec<_>>()
        .await;
        for (chat, r) in reads {
            let (fresh, mark, requests, capped) = r?;
            polled.requests += requests;
            if capped {
                polled.notes.push(format!(
                    "profile `{}`: chat {}: more than {MAX_NEW_PER_CHAT} new messages; showing \
                     the newest {MAX_NEW_PER_CHAT}",
                    self.profile, chat.id
                ));
            }
            let name = self.names.get(&chat.id).cloned();
            for m in fresh.into_iter().filter(|m| self.filter.message(m)) {
                polled.new.push(Arrival {
                    message: m,
                    chat_name: name.clone(),
                });
            }
            self.pending.push((chat.id.clone(), mark));
        }
        polled.new.sort_by_key(|a| a.message.at);
        Ok(polled)
    }

    /// The chat's mark if its activity moved (or it was never seen), else `None`.
    fn changed(&self, chat: &Chat) -> Option<Mark> {
        let at = chat.last_activity_at?;
        match self.marks.get(&chat.id) {
            Some(mark) => {
                let moved = mark.activity.is_none_or(|a| at > a);
                (moved || mark.settle && mark.activity == Some(at)).then(|| mark.clone())
            }
            None => {
                let floor = self.floor.flatten();
                (floor.is_none_or(|f| at > f) || self.floor.is_none())
                    .then(|| Mark::at(None, floor))
            }
        }
    }

    /// The poll's output was written: remember what it saw.
    pub fn commit(&mut self, printed: &[Arrival]) {
        for (id, mark) in self.pending.drain(..) {
            self.marks.insert(id, mark);
        }
        if self.is_green() {
            for a in printed {
                self.journal.remember(&a.message.id);
            }
            if let Some(t) = self.journal.pending_read.take() {
                self.journal.last_read = Some(t);
            }
        }
    }
}

impl Journal {
    fn remember(&mut self, id: &str) {
        if self.ids.insert(id.to_owned()) {
            self.order.push_back(id.to_owned());
            if self.order.len() > GREEN_IDS {
                if let Some(old) = self.order.pop_front() {
                    self.ids.remove(&old);
                }
            }
        }
    }
}

/// Read `chat` newest first down to its mark (inclusive); the new messages oldest first, the
/// mark after them, the requests sent and whether the cap cut the read.
async fn read(
    provider: &AnyProvider,
    chat: &Chat,
    mut mark: Mark,
) -> Result<(Vec<Message>, Mark, usize, bool), ProviderError> {
    let caps = provider.message_capabilities();
    let mut query = MessageQuery::new(&chat.id);
    if caps.filter_time {
        query.since = mark.high;
    }
    let start = PageAt::first(caps.paging);
    let source = Messages {
        provider,
        query: &query,
        caps,
    };
    let mut pager = Pager::new(&source, start, READ_PAGE.min(caps.max_page_size), 1);
    let (mut fresh, mut requests, mut capped) = (Vec::new(), 0, false);
    let mut read = Vec::new();
    while let Some(mut page) = pager.next(Some(READ_PAGE as usize), false).await? {
        requests += 1;
        // Oldest first, so messages of one second keep their order through the stable sorts.
        page.reverse();
        let reached = page.is_empty()
            || page
                .iter()
                .any(|m| m.at.is_some_and(|at| mark.high.is_some_and(|h| at <= h)));
        for m in page {
            if mark.is_new(&m) && !fresh.iter().any(|f: &Message| f.id == m.id) {
                fresh.push(m.clone());
            }
            read.push(m);
        }
        if fresh.len() >= MAX_NEW_PER_CHAT {
            capped = true;
            break;
        }
        if reached || caps.paging == Paging::Single {
            break;
        }
    }
    fresh.sort_by_key(|m| m.at);
    if capped {
        let cut = fresh.len() - MAX_NEW_PER_CHAT;
        fresh.drain(..cut);
    }
    read.sort_by_key(|m| m.at);
    for m in &read {
        mark.remember(m);
    }
    if !capped {
        mark.read_through();
    }
    // A read caused by moved activity is repeated once (`Mark::settle`); that repeat is not.
    mark.settle = chat.last_activity_at != mark.activity;
    mark.activity = chat.last_activity_at.max(mark.activity);
    Ok((fresh, mark, requests, capped))
}
