//! What a `chats` command asks for, in domain terms: the clap types of
//! `cli.rs` are mapped here once, so the planner below never sees clap.

use std::time::Duration;

use crate::chat::Kind;
use crate::cli::{ChatArgs, ViewCommand};
use crate::config::defaults;
use crate::provider::{Order, SortKey, View};

/// One `chats list | overview | unread` request.
#[derive(Debug, Clone)]
pub struct Selection {
    pub view: View,
    pub limit: Option<usize>,
    pub all: bool,
    pub offset: Option<u64>,
    pub cursor: Option<String>,
    pub page_size: Option<u32>,
    pub sort: Option<SortKey>,
    pub order: Option<Order>,
    pub archived: Option<bool>,
    pub has_media: bool,
    pub search: Option<String>,
    pub kinds: Vec<Kind>,
    pub exit_status: bool,
    pub count: bool,
    /// Journal window (`overview --since`).
    pub since: Option<Duration>,
    /// `unread --min`.
    pub min_unread: Option<u64>,
    /// `unread --older-than`.
    pub older_than: Option<Duration>,
    /// `--cached`: answer from the store's overview cache.
    pub cached: bool,
    /// `--new`: only what the last `--new` run did not report.
    pub new: bool,
    /// `--remind-after`.
    pub remind_after: Option<Duration>,
    /// `chats waiting`: an overview of the chats whose last message is
    /// incoming (`view` is `Overview`, for the last messages).
    pub waiting: bool,
    /// `waiting --active-within`.
    pub active_within: Option<Duration>,
}

impl Selection {
    pub fn from_command(cmd: ViewCommand) -> Selection {
        match cmd {
            ViewCommand::List(a) => Selection::new(View::List, a),
            ViewCommand::Overview(o) => Selection {
                since: o.since,
                ..Selection::new(View::Overview, o.chats)
            },
            ViewCommand::Unread(u) => {
                let mut s = Selection::new(View::Unread, u.chats);
                // Unread is about people waiting: status updates, channels and
                // broadcast lists are not conversations, unless --kind asks.
                if s.kinds.is_empty() {
                    s.kinds = vec![Kind::Direct, Kind::Group];
                }
                Selection {
                    min_unread: Some(u.min),
                    older_than: u.older_than,
                    new: u.alert.new,
                    remind_after: u.alert.remind_after,
                    ..s
                }
            }
            ViewCommand::Waiting(w) => {
                let mut s = Selection::new(View::Overview, w.chats);
                // As unread: conversations only, unless --kind asks.
                if s.kinds.is_empty() {
                    s.kinds = vec![Kind::Direct, Kind::Group];
                }
                Selection {
                    older_than: w.older_than,
                    waiting: true,
                    active_within: Some(w.active_within.unwrap_or(defaults::ACTIVE_WITHIN)),
                    new: w.alert.new,
                    remind_after: w.alert.remind_after,
                    ..s
                }
            }
        }
    }

    fn new(view: View, a: ChatArgs) -> Selection {
        Selection {
            view,
            limit: a.limit,
            all: a.all,
            offset: a.offset,
            cursor: a.cursor,
            page_size: a.page_size,
            sort: a.sort.map(Into::into),
            order: a.order.map(Into::into),
            archived: a.archived,
            has_media: a.has_media,
            search: a.search,
            kinds: a.kind.into_iter().map(Into::into).collect(),
            exit_status: a.exit_status,
            count: a.count,
            since: None,
            min_unread: None,
            older_than: None,
            cached: a.cached,
            new: false,
            remind_after: None,
            waiting: false,
            active_within: None,
        }
    }

    /// What the run is doing, for error messages.
    pub fn doing(&self) -> &'static str {
        match self.view {
            _ if self.waiting => "finding chats awaiting a reply",
            View::List => "listing chats",
            View::Overview => "building the overview",
            View::Unread => "finding unread chats",
        }
    }

    /// Whether this run's rows are the profile's overview, for `--cached`:
    /// an overview without row filters, from the start of the list (a
    /// `--limit` or a sort keeps it; its rows are then marked partial).
    pub fn records_overview(&self) -> bool {
        self.view == View::Overview
            && !self.waiting
            && !self.cached
            && self.kinds.is_empty()
            && self.search.is_none()
            && self.archived.is_none()
            && !self.has_media
            && self.offset.is_none()
            && self.cursor.is_none()
    }

    /// The cap on rows: `None` = every chat (`--all`, or `--count` without `--limit`).
    pub fn row_limit(&self) -> Option<usize> {
        match (self.all, self.limit, self.count) {
            (true, _, _) => None,
            (false, Some(n), _) => Some(n),
            (false, None, true) => None,
            (false, None, false) => Some(defaults::LIMIT),
        }
    }

    /// The order asked for with `--sort`/`--order`, or the view's own
    /// (`unread`: most recent first, most waiting first with `--older-than`;
    /// `waiting`: most waiting first).
    pub fn wanted_order(&self) -> Option<(SortKey, Order)> {
        match (self.sort, self.order) {
            (Some(k), o) => Some((k, o.unwrap_or(k.default_order()))),
            (None, Some(o)) => Some((SortKey::Activity, o)),
            (None, None) if self.waiting => Some((SortKey::Activity, Order::Asc)),
            (None, None) if self.view == View::Unread && self.older_than.is_some() => {
                Some((SortKey::Activity, Order::Asc))
            }
            (None, None) if self.view == View::Unread => Some((SortKey::Activity, Order::Desc)),
            (None, None) => None,
        }
    }
}
