//! The browser's data, fetched: each profile's client is built once, on
//! first use (secrets resolved on a blocking thread); chat lists come through
//! the same planner as `chats overview` and are recorded in the cache,
//! messages through the same reader as `messages list` and kept in the
//! store's message cache. It all runs on the network thread (`worker.rs`).

use std::path::PathBuf;
use std::rc::Rc;

use tokio::sync::OnceCell;

use super::activity::{Activity, Change};
use super::error_line;
use crate::browse::{self, ChatKey, Listing};
use crate::chat::Chat;
use crate::command::messages::listing::{self, Request};
use crate::command::pipeline::{Outcome, Plan};
use crate::command::selection::Selection;
use crate::command::Ctx;
use crate::config::Profile;
use crate::message::Message;
use crate::output::progress::Progress;
use crate::output::Collect;
use crate::provider::{AnyProvider, Op, ReadOutcome, View};
use crate::store::{Cached, CachedMessages, Store};
use crate::time::Timestamp;

/// One profile's client, built once.
struct Built {
    provider: AnyProvider,
    concurrency: usize,
}

pub(super) struct Live {
    ctx: Ctx,
    profiles: Vec<Profile>,
    providers: Vec<OnceCell<Result<Rc<Built>, String>>>,
    limit: Option<usize>,
    /// Where refreshed overviews are recorded (`None` with `--demo`).
    cache_dir: Option<PathBuf>,
    /// What polls compare with.
    activity: Activity,
}

/// What `Live` is made of: all of it can move to the network thread.
pub(super) struct Parts {
    pub ctx: Ctx,
    pub profiles: Vec<Profile>,
    pub limit: Option<usize>,
    pub cache_dir: Option<PathBuf>,
}

impl Live {
    pub fn new(parts: Parts) -> Live {
        Live {
            providers: parts.profiles.iter().map(|_| OnceCell::new()).collect(),
            ctx: parts.ctx,
            profiles: parts.profiles,
            limit: parts.limit,
            cache_dir: parts.cache_dir,
            activity: Activity::default(),
        }
    }

    async fn built(&self, i: usize) -> Result<Rc<Built>, String> {
        self.providers[i]
            .get_or_init(|| async {
                let resolved = self.ctx.resolve_each(&[&self.profiles[i]]).remove(0).await;
                let resolved = resolved.map_err(|e| error_line(&e.into()))?;
                let provider = resolved.build().map_err(|e| error_line(&e.into()))?;
                Ok(Rc::new(Built {
                    provider,
                    concurrency: resolved.env.concurrency,
                }))
            })
            .await
            .clone()
    }

    /// Profile `i`'s chat list, whole (up to `--limit`); recorded in the cache.
    pub async fn chats(&self, i: usize) -> anyhow::Result<Listing> {
        let built = self.built(i).await.map_err(anyhow::Error::msg)?;
        crate::command::require(&built.provider, Op::ListChats)?;
        // What polls compare with, looked at first: a change while the list
        // comes is then seen by the next poll, never lost between the two.
        let _ = self.activity.look(i, &built.provider).await;
        self.overview(i, &built, self.limit).await
    }

    /// Profile `i`'s chats that changed since the last look (`--interval`):
    /// a partial listing (empty when nothing changed), or the list whole
    /// where no comparison can be made (`activity.rs`).
    pub async fn poll(&self, i: usize) -> anyhow::Result<Listing> {
        let built = self.built(i).await.map_err(anyhow::Error::msg)?;
        crate::command::require(&built.provider, Op::ListChats)?;
        let limit = match self.activity.look(i, &built.provider).await? {
            Change::None => {
                return Ok(Listing {
                    chats: Vec::new(),
                    complete: false,
                })
            }
            Change::Top(n) => Some(self.limit.map_or(n, |l| l.min(n))),
            Change::Unknown => self.limit,
        };
        self.overview(i, &built, limit).await
    }

    /// The overview of profile `i`'s first `limit` chats (by activity, the
    /// order of every gateway); recorded in the cache when it is the list
    /// `browse` shows (not a poll's few changed chats).
    async fn overview(
        &self,
        i: usize,
        built: &Built,
        limit: Option<usize>,
    ) -> anyhow::Result<Listing> {
        let provider = &built.provider;
        let selection = Selection::browse(limit);
        let plan = Plan::new(&selection, provider.capabilities(View::Overview))?;
        let mut rows = Collect::default();
        let mut outcome = Outcome::default();
        let progress = Progress::new(false);
        plan.execute(
            provider,
            built.concurrency,
            &mut rows,
            &mut outcome,
            &progress,
        )
        .await?;
        let complete = outcome.complete();
        if let Some(dir) = self.cache_dir.clone().filter(|_| limit == self.limit) {
            let name = self.profiles[i].name.clone();
            let overview = Cached {
                taken_at: Timestamp::now(),
                complete,
                chats: rows.0.clone(),
            };
            // A store that cannot take it was named in the status line at start.
            let _ = tokio::task::spawn_blocking(move || record(&dir, &name, overview)).await;
        }
        Ok(Listing {
            chats: rows.0,
            complete,
        })
    }

    pub async fn messages(&self, key: &ChatKey) -> anyhow::Result<Vec<Message>> {
        let built = self.built(key.profile).await.map_err(anyhow::Error::msg)?;
        let provider = &built.provider;
        crate::command::require(provider, Op::Messages)?;
        let request = Request::newest(browse::MESSAGES);
        let plan = listing::Plan::new(request, provider.message_capabilities(), &key.id)?;
        let mut rows = Messages(Vec::new());
        let mut outcome = listing::Outcome::default();
        plan.execute(provider, built.concurrency, &mut rows, &mut outcome)
            .await?;
        if let Some(dir) = self.cache_dir.clone() {
            let (name, id) = (self.profiles[key.profile].name.clone(), key.id.clone());
            let cached = CachedMessages {
                taken_at: Timestamp::now(),
                messages: rows.0.clone(),
            };
            // As for overviews: a broken store was named at start.
            let _ = tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
                Ok(Store::open(&dir)?.put_messages(&name, &id, &cached)?)
            })
            .await;
        }
        Ok(rows.0)
    }

    /// Mark a chat read (`dry_run`: only say what would be sent).
    pub async fn mark_read(&self, key: &ChatKey, dry_run: bool) -> anyhow::Result<ReadOutcome> {
        let built = self.built(key.profile).await.map_err(anyhow::Error::msg)?;
        crate::command::require(&built.provider, Op::MarkRead)?;
        Ok(built.provider.mark_read(&key.id, dry_run).await?)
    }

    /// The whole of profile `i`'s cached overview (`--demo` has none).
    pub async fn cached_chats(&self, i: usize) -> anyhow::Result<Vec<Chat>> {
        let Some(dir) = self.cache_dir.clone() else {
            return Ok(Vec::new());
        };
        let name = self.profiles[i].name.clone();
        let read = move || -> anyhow::Result<Vec<Chat>> {
            Ok(Store::open(&dir)?
                .overview(&name)?
                .map_or(Vec::new(), |c| c.chats))
        };
        tokio::task::spawn_blocking(read).await?
    }

    /// What the store kept of a chat's messages; nothing when it cannot say
    /// (the fresh answer follows either way, and a broken store shows then).
    pub async fn cached_messages(&self, key: &ChatKey) -> Option<Vec<Message>> {
        let dir = self.cache_dir.clone()?;
        let (name, id) = (self.profiles[key.profile].name.clone(), key.id.clone());
        let read = move || Store::open(&dir).ok()?.messages(&name, &id).ok().flatten();
        let kept = tokio::task::spawn_blocking(read).await.ok().flatten()?;
        Some(kept.messages)
    }
}

/// Record a refreshed overview, unless it would replace a cached whole inbox
/// with a part of it (`--limit`): `--cached` keeps its complete answer.
fn record(dir: &std::path::Path, profile: &str, overview: Cached) -> anyhow::Result<()> {
    let mut store = Store::open(dir)?;
    if !overview.complete && store.overview_complete(profile)? == Some(true) {
        return Ok(());
    }
    Ok(store.put_overview(profile, &overview)?)
}

/// A messages sink that keeps every row.
struct Messages(Vec<Message>);

impl crate::output::Sink<Message> for Messages {
    fn write(&mut self, rows: Vec<Message>) -> std::io::Result<()> {
        self.0.extend(rows);
        Ok(())
    }

    fn finish(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
