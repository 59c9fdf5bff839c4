//! Reading a chat between a gateway and the output (MESSAGES.md §0.3–0.5):
//! decide per option whether the gateway applies it, we apply it exactly
//! (always, again, since several gateways' filters are loose), or it is
//! refused; page newest first, stop once past `--since`, the `--before` id or
//! the limit; order each page by time (an insert-order gateway through
//! `reorder.rs`, exactly across pages); stream (`--order desc`) or buffer and
//! print oldest first.

use std::cmp::Reverse;

use super::reorder::Reorder;
use super::when::Before;
use crate::exit::{NotFoundError, UsageError};
use crate::message::{Message, MessageKind};
use crate::output::Sink;
use crate::provider::messages::{Arrival, FromMeFilter, Messages};
use crate::provider::paging::Pager;
use crate::provider::{
    AnyProvider, MessageCapabilities, MessageQuery, Order, PageAt, Paging, ProviderError,
};
use crate::time::Timestamp;

/// How far back a gateway without paging (Green API) is asked to look when
/// filters or `--before` mean the last `--limit` messages are not enough.
pub const SINGLE_DEPTH: u32 = 1000;

/// One `messages list` request, in domain terms.
#[derive(Debug, Clone)]
pub struct Request {
    /// `None`: every message (`--all`, or `--count` without `--limit`).
    pub limit: Option<usize>,
    pub order: Order,
    pub since: Option<Timestamp>,
    pub before: Option<Before>,
    pub from_me: Option<bool>,
    pub kinds: Vec<MessageKind>,
    /// Lowercase.
    pub search: Option<String>,
}

impl Request {
    /// Whether a message passes every filter (applied here whatever the gateway did).
    fn keeps(&self, m: &Message) -> bool {
        let at_ok = |bound: Option<Timestamp>, ok: fn(Timestamp, Timestamp) -> bool| {
            bound.is_none_or(|b| m.at.is_some_and(|at| ok(at, b)))
        };
        let before = match &self.before {
            Some(Before::Time(t)) => Some(*t),
            _ => None,
        };
        at_ok(self.since, |at, since| at >= since)
            && at_ok(before, |at, before| at < before)
            && self.from_me.is_none_or(|f| m.from_me == Some(f))
            && (self.kinds.is_empty() || self.kinds.contains(&m.kind))
            && self.search.as_deref().is_none_or(|s| {
                m.text
                    .as_deref()
                    .is_some_and(|t| t.to_lowercase().contains(s))
            })
    }
}

/// What a run did, for the closing notes.
#[derive(Debug, Default)]
pub struct Outcome {
    pub shown: usize,
    /// The oldest message shown when more older ones follow.
    pub more_before: Option<String>,
    /// A gateway without paging returned a full answer: older messages were out of reach.
    pub depth_reached: Option<usize>,
}

pub struct Plan {
    req: Request,
    caps: MessageCapabilities,
    query: MessageQuery,
    page_size: u32,
    single_count: Option<u32>,
}

impl Plan {
    pub fn new(req: Request, caps: MessageCapabilities, chat_id: &str) -> anyhow::Result<Plan> {
        let gw = caps.gateway;
        if caps.paging == Paging::Single && req.limit.is_none() {
            return Err(ProviderError::unsupported(format!(
                "{gw} returns only a chat's last messages (one call, no paging): --all (and \
                 --count without --limit) cannot be served; use --limit N"
            ))
            .into());
        }
        let mut query = MessageQuery::new(chat_id);
        if caps.filter_time {
            query.since = req.since;
            if let Some(Before::Time(t)) = req.before {
                // Inclusive on the gateway: one second earlier excludes `t` itself.
                query.until = Some(Timestamp::from_secs(t.secs() - 1).unwrap_or(Timestamp::EPOCH));
            }
        }
        query.from_me = match (caps.filter_from_me, req.from_me) {
            (FromMeFilter::Both, f) => f,
            (FromMeFilter::OnlyOwn, Some(true)) => Some(true),
            _ => None,
        };
        if query.until == Some(Timestamp::EPOCH) {
            return Err(UsageError("--before is earlier than any message".to_owned()).into());
        }
        let page_size = match (caps.whole_pages, req.limit) {
            (true, Some(l)) => (l as u32).clamp(1, caps.max_page_size),
            _ => caps.max_page_size,
        };
        let loose = req.before.is_some() || !req.kinds.is_empty() || req.search.is_some();
        let single_count = req.limit.map(|l| {
            if loose || req.from_me.is_some() {
                SINGLE_DEPTH.max(l as u32)
            } else {
                l as u32
            }
        });
        Ok(Plan {
            req,
            caps,
            query,
            page_size,
            single_count,
        })
    }

    /// Whether rows are collected first (to print oldest first) rather than streamed.
    pub fn buffers(&self) -> bool {
        self.req.order == Order::Asc
    }

    /// Page through the chat into `sink`; `outcome` is filled as rows are written.
    pub async fn execute(
        &self,
        provider: &AnyProvider,
        concurrency: usize,
        sink: &mut dyn Sink<Message>,
        outcome: &mut Outcome,
    ) -> anyhow::Result<()> {
        let start = PageAt::first(self.caps.paging);
        let source = Messages {
            provider,
            query: &self.query,
            caps: self.caps,
        };
        let mut pager = Pager::new(&source, start, self.page_size, concurrency);
        let limit = self.req.limit;
        let mut anchor = match &self.req.before {
            Some(Before::Id(id)) => Some(id.as_str()),
            _ => None,
        };
        let mut buffered: Vec<Message> = Vec::new();
        // Insert order: time order is restored across pages, not page by page.
        let mut reorder = (self.caps.arrival == Arrival::InsertOrder).then(Reorder::default);
        let mut seen = 0usize;
        let mut stop = false;
        while !stop {
            let want = match (self.caps.paging, limit) {
                (Paging::Single, _) => self.single_count.map(|c| c as usize),
                _ if self.caps.whole_pages || anchor.is_some() || self.filters_here() => None,
                _ if reorder.is_some() => None,
                (_, l) => l.map(|l| l - outcome.shown),
            };
            let fetched = pager.next(want, limit.is_none()).await?;
            seen += fetched.as_ref().map_or(0, Vec::len);
            let page = match (&mut reorder, fetched) {
                (Some(r), fetched) => {
                    r.push(fetched.unwrap_or_default());
                    let ceiling = pager.ceiling();
                    // Nothing still to come can be as new as --since: no need to read on.
                    let past = self
                        .req
                        .since
                        .is_some_and(|s| ceiling.is_some_and(|c| c < s));
                    if pager.finished() || past {
                        stop = true;
                        r.drain()
                    } else {
                        r.release(ceiling)
                    }
                }
                (None, Some(mut page)) => {
                    // Newest first whatever the gateway's order (engines that ignore sortOrder).
                    page.sort_by_key(|m| Reverse(m.at));
                    page
                }
                (None, None) => break,
            };
            let page_len = page.len();
            let mut kept = Vec::new();
            let mut used = 0;
            for m in page {
                used += 1;
                if let Some(id) = anchor {
                    if m.is(id) {
                        anchor = None;
                    }
                    continue;
                }
                let past_since = self
                    .req
                    .since
                    .is_some_and(|s| m.at.is_some_and(|at| at < s));
                // Every message after this one is older (the listing, or `reorder`, is newest first).
                if past_since {
                    stop = true;
                    break;
                }
                if !self.req.keeps(&m) {
                    continue;
                }
                kept.push(m);
                if limit.is_some_and(|l| outcome.shown + kept.len() >= l) {
                    stop = true;
                    let full_single = self.caps.paging == Paging::Single
                        && self.single_count.is_some_and(|c| page_len >= c as usize);
                    let more = match &reorder {
                        Some(r) => used < page_len || r.holds() || !pager.finished(),
                        None => used < page_len || full_single || pager.resume(used).is_some(),
                    };
                    outcome.more_before = kept.last().filter(|_| more).map(|m| m.id.clone());
                    break;
                }
            }
            outcome.shown += kept.len();
            if self.buffers() {
                buffered.extend(kept);
            } else if !kept.is_empty() {
                sink.write(kept)?;
            }
        }
        if let Some(id) = anchor {
            return Err(self.anchor_missing(id, seen));
        }
        if self.caps.paging == Paging::Single {
            let count = self.single_count.unwrap_or(0) as usize;
            if seen >= count && limit.is_some_and(|l| outcome.shown < l) {
                outcome.depth_reached = Some(seen);
            }
        }
        if self.buffers() {
            // Oldest first; equal times keep the gateway's order (reversed: it was newest first).
            buffered.reverse();
            buffered.sort_by_key(|m| m.at);
            sink.write(buffered)?;
        }
        Ok(())
    }

    fn filters_here(&self) -> bool {
        let r = &self.req;
        let time_here = !self.caps.filter_time && (r.since.is_some() || r.before.is_some());
        let from_me_here = r.from_me.is_some() && self.query.from_me.is_none();
        time_here || from_me_here || !r.kinds.is_empty() || r.search.is_some()
    }

    fn anchor_missing(&self, id: &str, seen: usize) -> anyhow::Error {
        let gw = self.caps.gateway;
        if self.caps.paging == Paging::Single && seen >= self.single_count.unwrap_or(0) as usize {
            return ProviderError::unsupported(format!(
                "message {id} is not among the last {seen} messages {gw} returns, and it cannot \
                 page further back: --before that message is not available"
            ))
            .into();
        }
        NotFoundError(format!(
            "no message with id {id} in this chat (looked through {seen} messages)"
        ))
        .into()
    }
}

#[cfg(test)]
mod tests;
