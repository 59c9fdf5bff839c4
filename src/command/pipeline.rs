//! Between a gateway and the output: decide, per option, whether the gateway
//! applies it, we apply it exactly on our side, or it is refused (exit 2,
//! naming the gateway) — never silently ignored. Then page, filter, cap, sort
//! if needed, fill previews only for the rows shown, and stream to the sink.

use super::filters::{awaits_reply, sort_chats, ClientFilters};
use super::selection::Selection;
use crate::chat::Chat;
use crate::config::defaults;
use crate::exit::UsageError;
use crate::output::progress::Progress;
use crate::output::Sink;
use crate::provider::paging::{Chats, Pager, Resume};
use crate::provider::{
    AnyProvider, Capabilities, Order, PageAt, Paging, ProviderError, Query, SortKey, UnreadSupport,
    View,
};

/// What to use where `chats unread` cannot work (one place to update when a
/// better command exists).
pub const UNREAD_INSTEAD: &str = "use `chats waiting` instead: the chats whose last message is \
     incoming, most-waiting first";

/// Rows enriched and written together, per concurrent call slot.
const ENRICH_BATCH_PER_SLOT: usize = 4;

pub struct Plan {
    pub query: Query,
    start: PageAt,
    page_size: u32,
    limit: Option<usize>,
    filters: ClientFilters,
    /// A sort the gateway cannot give us: fetch everything, then sort.
    client_sort: Option<(SortKey, Order)>,
    /// `chats waiting`: fill every candidate's last message, then keep the
    /// chats awaiting a reply (always with `client_sort`).
    waiting: bool,
    caps: Capabilities,
}

/// What a run did, for the closing notes.
#[derive(Debug, Default)]
pub struct Outcome {
    pub shown: usize,
    pub resume: Option<Resume>,
    pub top_n_cut: bool,
    /// Matching chats known to be left out by --limit: after a sort done here,
    /// or in the rest of a one-call listing.
    pub left_out: usize,
}

impl Outcome {
    /// Every chat was shown: nothing left for a next page, a --limit or a top N.
    pub fn complete(&self) -> bool {
        self.resume.is_none() && !self.top_n_cut && self.left_out == 0
    }
}

impl Plan {
    pub fn new(args: &Selection, caps: Capabilities) -> Result<Plan, anyhow::Error> {
        let view = args.view;
        let gw = caps.gateway;
        let refuse = |what: &str| -> anyhow::Error { UsageError(format!("{gw} {what}")).into() };
        if view == View::Unread {
            if let UnreadSupport::No(msg) = caps.unread {
                return Err(ProviderError::unsupported(format!(
                    "{msg}, so `chats unread` cannot work on this profile; {UNREAD_INSTEAD}"
                ))
                .into());
            }
        }
        let start = match (caps.paging, &args.offset, &args.cursor) {
            (Paging::Offset { .. }, Some(o), None) => PageAt::Offset(*o),
            (Paging::Offset { .. }, None, None) => PageAt::Offset(0),
            (Paging::Cursor, None, c) => PageAt::Cursor(c.clone()),
            (Paging::Single, None, None) => PageAt::Single,
            (Paging::Offset { .. }, _, Some(_)) => {
                return Err(refuse("pages by offset: use --offset, not --cursor"))
            }
            (Paging::Cursor, Some(_), _) => {
                return Err(refuse("pages by cursor: use --cursor, not --offset"))
            }
            (Paging::Single, _, _) => {
                return Err(refuse(
                    "returns its top chats in one call: it has no --offset or --cursor",
                ))
            }
        };
        let page_size = match args.page_size {
            Some(_) if caps.paging == Paging::Single => {
                return Err(refuse(
                    "returns its chats in one call: --page-size does not apply",
                ))
            }
            Some(n) if n > caps.max_page_size => {
                return Err(refuse(&format!(
                    "returns at most {} chats per request: lower --page-size",
                    caps.max_page_size
                )))
            }
            Some(n) => n,
            None => caps.max_page_size,
        };
        if args.archived.is_some() && !caps.filter_archived && !caps.reports_archived {
            return Err(refuse(
                "does not report whether a chat is archived: --archived is not available",
            ));
        }
        if args.has_media && !caps.filter_has_media {
            return Err(refuse(
                "cannot tell which chats have media: --has-media is not available",
            ));
        }
        if args.since.is_some() && !caps.uses_since {
            return Err(refuse(
                "builds previews without message journals: --since does not apply",
            ));
        }
        let mut query = Query {
            view,
            archived: None,
            has_media: args.has_media,
            search: None,
            sort: None,
            since: args.since.unwrap_or(defaults::SINCE),
        };
        let mut filters = ClientFilters::for_selection(args);
        // Applied here too where the gateway filters: an older server may ignore
        // the parameter (GOWA before v8.3.3), and the filter fails loudly when a
        // chat does not say whether it is archived.
        if caps.filter_archived {
            query.archived = filters.archived;
        }
        if caps.filter_search {
            query.search = args.search.clone();
            filters.search = None;
        }
        let waiting = std::mem::take(&mut filters.incoming_last);
        if waiting && caps.uses_since {
            // Journals are where this gateway finds last messages: read the whole window.
            query.since = args.active_within.unwrap_or(defaults::ACTIVE_WITHIN);
        }
        let wanted = args.wanted_order();
        let mut client_sort = None;
        if waiting {
            client_sort = wanted;
        } else if let Some(w) = wanted.filter(|w| caps.native_order != Some(*w)) {
            if caps.sorts.contains(&w.0) {
                query.sort = Some(w);
            } else {
                client_sort = Some(w);
            }
        }
        let limit = args.row_limit();
        if let PageAt::Offset(o) = start {
            // See: issue 9 item 13 — the hint after `--offset 18446744073709551615` wrapped around.
            let reach = limit.map_or(u64::from(page_size), |l| l as u64);
            if o.checked_add(reach).is_none() {
                return Err(UsageError(format!(
                    "--offset {o} is too large: the offset plus --limit (with --all, the page \
                     size, {page_size}) must be at most {}",
                    u64::MAX
                ))
                .into());
            }
        }
        Ok(Plan {
            query,
            start,
            page_size,
            limit,
            filters,
            client_sort,
            waiting,
            caps,
        })
    }

    /// Page through the gateway into `sink`.
    /// `outcome` is filled as rows are written, so a caller still knows what was
    /// shown when a later page fails.
    pub async fn execute(
        &self,
        provider: &AnyProvider,
        concurrency: usize,
        sink: &mut dyn Sink,
        outcome: &mut Outcome,
        progress: &Progress,
    ) -> anyhow::Result<()> {
        let source = Chats::new(provider, &self.query);
        let mut pager = Pager::new(&source, self.start.clone(), self.page_size, concurrency);
        let mut buffered: Vec<Chat> = Vec::new();
        let mut seen_unread_known = false;
        let mut seen_any = false;
        let streaming = self.client_sort.is_none();
        loop {
            let remaining = self.limit.map(|l| l - outcome.shown);
            let want = if streaming && !self.filters.active() {
                remaining
            } else {
                None
            };
            let read_ahead = !streaming || self.limit.is_none();
            let Some(page) = pager.next(want, read_ahead).await? else {
                break;
            };
            progress.update(pager.pages, pager.fetched, pager.total());
            seen_any |= !page.is_empty();
            seen_unread_known |= page.iter().any(|c| c.unread_count.is_some());
            let page_len = page.len();
            let past_window = self.past_window(page.last());
            let mut kept = Vec::new();
            let mut used = 0;
            let mut rest = page.into_iter();
            for chat in rest.by_ref() {
                used += 1;
                if self.filters.keeps(&chat, self.caps.gateway)? {
                    kept.push(chat);
                    if streaming && remaining.is_some_and(|r| kept.len() >= r) {
                        break;
                    }
                }
            }
            if !streaming {
                buffered.extend(kept);
                if past_window {
                    break;
                }
                continue;
            }
            // Per-chat calls (previews) in batches, so the first rows appear after a
            // few round trips instead of after the whole page's calls.
            let mut rows = kept.into_iter();
            loop {
                let size = concurrency.max(1) * ENRICH_BATCH_PER_SLOT;
                let mut batch: Vec<Chat> = rows.by_ref().take(size).collect();
                if batch.is_empty() {
                    break;
                }
                provider.enrich(&self.query, &mut batch).await?;
                let n = batch.len();
                sink.write(batch)?;
                outcome.shown += n;
            }
            if self.limit.is_some_and(|l| outcome.shown >= l) {
                outcome.resume = pager.resume(used);
                if self.caps.paging == Paging::Single {
                    outcome.top_n_cut = used == page_len;
                    // The whole listing is this one page: count what else matched.
                    for chat in rest {
                        outcome.left_out +=
                            usize::from(self.filters.keeps(&chat, self.caps.gateway)?);
                    }
                }
                break;
            }
        }
        if let (UnreadSupport::FromData(msg), View::Unread) = (self.caps.unread, self.query.view) {
            if seen_any && !seen_unread_known {
                return Err(ProviderError::unsupported(format!("{msg}; {UNREAD_INSTEAD}")).into());
            }
        }
        if let Some((key, order)) = self.client_sort {
            if self.waiting {
                provider.enrich(&self.query, &mut buffered).await?;
                buffered.retain(|c| awaits_reply(c, self.filters.active_since));
            }
            sort_chats(&mut buffered, key, order);
            if let Some(l) = self.limit {
                outcome.left_out = buffered.len().saturating_sub(l);
                buffered.truncate(l);
            }
            if !self.waiting {
                provider.enrich(&self.query, &mut buffered).await?;
            }
            let n = buffered.len();
            sink.write(buffered)?;
            outcome.shown = n;
        }
        Ok(())
    }

    /// `waiting` on a gateway that lists newest activity first: `last` (a
    /// page's last chat) is older than `--active-within`, so no later page
    /// can hold a candidate.
    fn past_window(&self, last: Option<&Chat>) -> bool {
        let newest_first = self.query.sort.is_none()
            && self.caps.native_order == Some((SortKey::Activity, Order::Desc));
        match (
            self.waiting && newest_first,
            self.filters.active_since,
            last,
        ) {
            (true, Some(since), Some(c)) => c.last_activity_at.is_some_and(|t| t < since),
            _ => false,
        }
    }
}
