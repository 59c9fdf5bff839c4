//! `browse`: everything the interactive browser needs from the layers
//! below, set up here so `browse/` itself stays free of configs, gateways
//! and files. The first model is filled from the store's cached overviews
//! (before the first frame); `Gateways` is the browser's `Source`: each
//! profile's client is built once, on first use (secrets resolved on a
//! blocking thread), chat lists come through the same planner as
//! `chats overview` and are recorded in the cache, and messages through the
//! same reader as `messages list`, and kept in the store's message cache.
//!
//! While the screen is taken, stderr notes would garble it: diagnostics are
//! quieted for the run and every error goes to the status line instead.

use std::path::PathBuf;
use std::rc::Rc;
use std::time::Instant;

use futures_util::future::LocalBoxFuture;
use tokio::sync::OnceCell;

use super::messages::listing::{self, Request};
use super::pipeline::{Outcome, Plan};
use super::selection::Selection;
// The same polling as `watch`: its default, its `--demo` pace and (below) its floor.
use super::watch::{DEMO_INTERVAL, DEMO_TRAFFIC, INTERVAL};
use super::Ctx;
use crate::browse::{self, ChatKey, Listing, Look, Model, Source};
use crate::cli::{BrowseArgs, FormatArg, GlobalArgs};
use crate::config::Profile;
use crate::exit::Exit;
use crate::message::Message;
use crate::output::progress::Progress;
use crate::output::Collect;
use crate::provider::{AnyProvider, Op, ReadOutcome, View};
use crate::store::{Cached, CachedMessages, Store};
use crate::time::Timestamp;

/// Chats fetched per profile unless `--limit`/`--all` say otherwise.
const DEFAULT_LIMIT: usize = 100;

pub async fn run(args: BrowseArgs, global: GlobalArgs) -> anyhow::Result<Exit> {
    let started = Instant::now();
    // Options for printed output have nothing to act on here: refused, not ignored.
    let printing = [
        (
            global.output != FormatArg::Table,
            "-o/--output (or WA_INBOX_OUTPUT)",
        ),
        (!global.fields.is_empty(), "--fields"),
        (global.no_header, "--no-header"),
        (global.csv_raw, "--csv-raw"),
    ];
    if let Some((_, name)) = printing.iter().find(|(set, _)| *set) {
        return Err(crate::exit::UsageError(format!(
            "{name} does not apply to browse, which draws the screen; for records use `chats \
             overview` or `messages list`"
        ))
        .into());
    }
    // Before anything is resolved or started: a pipe gets its answer at once.
    if !browse::is_interactive() {
        return Err(crate::exit::UsageError(browse::NotATerminal.to_string()).into());
    }
    let (verbose, quiet) = (global.verbose, global.quiet);
    let ctx = Ctx::new(global).await?;
    if let Some(interval) = args.interval {
        super::watch::check_interval(&ctx, interval)?;
    }
    let profiles: Vec<Profile> = ctx.settings.selected()?.into_iter().cloned().collect();
    let names: Vec<String> = profiles.iter().map(|p| p.name.clone()).collect();
    let s = &ctx.settings;
    let look = Look {
        color: s.term.color,
        time: s.time,
        osc52: args.osc52,
        mouse: args.mouse,
    };
    let mut model = Model::new(&names, look, (0, 0), Timestamp::now());
    // `--demo` keeps its store in memory: nothing is cached between runs.
    let cache_dir = (!s.demo).then(|| s.state_dir.clone()).flatten();
    if let Some(dir) = &cache_dir {
        match Store::open(dir) {
            Ok(store) => {
                for (i, p) in profiles.iter().enumerate() {
                    match store.overview(&p.name) {
                        Ok(Some(cached)) => model.from_cache(i, cached.chats, cached.taken_at),
                        Ok(None) => {}
                        Err(e) => model.note = Some(error_line(&e.into())),
                    }
                }
            }
            Err(e) => model.note = Some(error_line(&e.into())),
        }
    }
    let limit = match (args.all, args.limit) {
        (true, _) => None,
        (false, n) => Some(n.map_or(DEFAULT_LIMIT, |n| n as usize)),
    };
    let interval = args.interval.unwrap_or(match s.demo {
        true => DEMO_INTERVAL,
        false => INTERVAL,
    });
    // `--demo`: the sandbox delivers new messages while it runs, as for `watch`.
    ctx.demo_traffic(DEMO_TRAFFIC);
    let live = Live {
        ctx,
        providers: profiles.iter().map(|_| OnceCell::new()).collect(),
        profiles,
        limit,
        cache_dir,
    };
    crate::diag::set_verbosity(false, true);
    let result = browse::run(browse::Setup {
        model,
        source: Rc::new(Gateways(Rc::new(live))),
        started,
        interval,
    })
    .await;
    crate::diag::set_verbosity(verbose, quiet);
    // See: `browse -v` printed no timings — they were written while stderr was quieted.
    crate::diag::trace(&result?);
    Ok(Exit::Ok)
}

/// One profile's client, built once.
struct Built {
    provider: AnyProvider,
    concurrency: usize,
}

struct Live {
    ctx: Ctx,
    profiles: Vec<Profile>,
    providers: Vec<OnceCell<Result<Rc<Built>, String>>>,
    limit: Option<usize>,
    /// Where refreshed overviews are recorded (`None` with `--demo`).
    cache_dir: Option<PathBuf>,
}

impl Live {
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

    async fn chats(&self, i: usize) -> anyhow::Result<Listing> {
        let built = self.built(i).await.map_err(anyhow::Error::msg)?;
        let provider = &built.provider;
        super::require(provider, Op::ListChats)?;
        let selection = Selection::browse(self.limit);
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
        if let Some(dir) = self.cache_dir.clone() {
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

    async fn messages(&self, key: &ChatKey) -> anyhow::Result<Vec<Message>> {
        let built = self.built(key.profile).await.map_err(anyhow::Error::msg)?;
        let provider = &built.provider;
        super::require(provider, Op::Messages)?;
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
    async fn mark_read(&self, key: &ChatKey, dry_run: bool) -> anyhow::Result<ReadOutcome> {
        let built = self.built(key.profile).await.map_err(anyhow::Error::msg)?;
        super::require(&built.provider, Op::MarkRead)?;
        Ok(built.provider.mark_read(&key.id, dry_run).await?)
    }

    /// What the store kept of a chat's messages; nothing when it cannot say
    /// (the fresh answer follows either way, and a broken store shows then).
    async fn cached_messages(&self, key: &ChatKey) -> Option<Vec<Message>> {
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
    if !overview.complete && store.overview(profile)?.is_some_and(|c| c.complete) {
        return Ok(());
    }
    Ok(store.put_overview(profile, &overview)?)
}

/// The browser's `Source` over `Live`.
struct Gateways(Rc<Live>);

impl Source for Gateways {
    fn chats(&self, profile: usize) -> LocalBoxFuture<'static, Result<Listing, String>> {
        let live = self.0.clone();
        Box::pin(async move { live.chats(profile).await.map_err(|e| error_line(&e)) })
    }

    fn messages(&self, key: &ChatKey) -> LocalBoxFuture<'static, Result<Vec<Message>, String>> {
        let (live, key) = (self.0.clone(), key.clone());
        Box::pin(async move { live.messages(&key).await.map_err(|e| error_line(&e)) })
    }

    fn mark_read(
        &self,
        key: &ChatKey,
        dry_run: bool,
    ) -> LocalBoxFuture<'static, Result<ReadOutcome, String>> {
        let (live, key) = (self.0.clone(), key.clone());
        Box::pin(async move {
            live.mark_read(&key, dry_run)
                .await
                .map_err(|e| error_line(&e))
        })
    }

    fn cached_messages(&self, key: &ChatKey) -> LocalBoxFuture<'static, Option<Vec<Message>>> {
        let (live, key) = (self.0.clone(), key.clone());
        Box::pin(async move { live.cached_messages(&key).await })
    }
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

/// An error as the status line shows it: one line, redacted, sanitised.
fn error_line(e: &anyhow::Error) -> String {
    let text = crate::exit::one_line(e);
    crate::redact::redact(&crate::sanitize::one_line(&crate::redact::redact(&text)))
}
