//! `watch [CHAT...]`: follow new messages across the selected profiles, merged, printing each
//! as it arrives (`output/watch.rs`). Every `--interval` each profile is polled (`poll.rs`);
//! the first poll is the baseline and prints nothing. A profile's failure is one line on stderr
//! and retried with back-off while the others go on; `--exec` hooks run per message
//! (`hooks.rs`); each poll updates the overview cache (`cache.rs`). Ctrl-C or SIGTERM ends it
//! with exit 0 after waiting briefly for running hooks.

mod cache;
mod hooks;
mod mark;
mod poll;

use std::collections::HashSet;
use std::time::{Duration, Instant};

use futures_util::future::join_all;

use super::messages::resolve;
use super::Ctx;
use crate::chat::{Jid, Kind};
use crate::cli::WatchArgs;
use crate::exit::{Exit, UsageError};
use crate::message::Message;
use crate::output::record::parse_fields;
use crate::output::watch::{Arrival, WatchOut};
use crate::output::{Format, Layout};
use crate::provider::Op;
/// Chats on a page of the activity call (`browse`'s polls read the same page).
pub use poll::PAGE;
use poll::{Filter, Poller};

/// `--interval` unless given; and with `--demo`, whose sandbox then delivers a message every
/// `DEMO_TRAFFIC`.
pub const INTERVAL: Duration = Duration::from_secs(30);
pub const DEMO_INTERVAL: Duration = Duration::from_secs(5);
pub const DEMO_TRAFFIC: Duration = Duration::from_secs(3);
/// The shortest `--interval`: faster polling loads a gateway without showing messages sooner.
pub const MIN_INTERVAL: Duration = Duration::from_secs(2);
/// The shortest `--interval` when every watched gateway runs on this machine (loopback), as
/// the sandbox does: there is no remote service or rate limit to protect, and trying
/// `watch` against `wa-inbox sandbox --traffic 1s` should not mean waiting. This replaces a
/// test-only environment switch (STYLE.md anti-pattern 6): the rule is the product's own.
pub const LOOPBACK_MIN_INTERVAL: Duration = Duration::from_millis(100);
/// The longest wait between a failing profile's retries.
const MAX_BACKOFF: Duration = Duration::from_secs(300);
/// How long Ctrl-C waits for running hooks.
const HOOK_GRACE: Duration = Duration::from_secs(5);

/// Refuse an `--interval` under the floor (`watch` and `browse` share it): 2 s, or 100 ms
/// when every selected gateway is on this machine.
pub fn check_interval(ctx: &Ctx, interval: Duration) -> anyhow::Result<()> {
    let local = ctx.settings.selected()?.iter().all(|p| {
        reqwest::Url::parse(&p.provider.base_url())
            .is_ok_and(|u| crate::provider::http::is_loopback(&u))
    });
    let floor = if local {
        LOOPBACK_MIN_INTERVAL
    } else {
        MIN_INTERVAL
    };
    if interval < floor {
        return Err(UsageError(format!(
            "--interval must be at least {}: polling faster loads the gateway without \
             showing messages sooner",
            humantime::format_duration(floor)
        ))
        .into());
    }
    Ok(())
}

struct Watched {
    poller: Poller,
    failures: u32,
    /// Polls to skip before the next try (back-off).
    skip: u32,
}

pub async fn run(args: WatchArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let s = &ctx.settings;
    if s.format == Format::Json {
        return Err(UsageError(
            "watch prints records as they arrive and never closes a JSON array: use -o ndjson \
             (one JSON record per line), csv, tsv or table"
                .to_owned(),
        )
        .into());
    }
    let interval = args.interval.unwrap_or(match s.demo {
        true => DEMO_INTERVAL,
        false => INTERVAL,
    });
    check_interval(ctx, interval)?;
    let fields = match s.fields.is_empty() {
        true => None,
        false => Some(parse_fields::<Message>(&s.fields).map_err(UsageError)?),
    };
    let kinds: Vec<Kind> = match args.kind.is_empty() {
        true => vec![Kind::Direct, Kind::Group],
        false => args.kind.iter().map(|&k| k.into()).collect(),
    };
    let mut watched = start(ctx, &args, kinds).await?;
    let opts = ctx.record_options(Layout::List, watched.len() > 1);
    let mut out = WatchOut::new(
        &opts,
        fields,
        s.term,
        crate::output::stdout(),
        opts.show_profile,
    );
    let mut hooks = args.exec.clone().map(hooks::Hooks::new);
    if s.demo {
        ctx.demo_traffic(DEMO_TRAFFIC);
    }
    let per_tick = |n: u32| {
        let max = (MAX_BACKOFF.as_secs_f64() / interval.as_secs_f64()).max(1.0) as u32;
        2u32.saturating_pow(n.saturating_sub(1)).min(max)
    };
    let mut tick = tokio::time::interval(interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let shutdown = shutdown();
    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            _ = &mut shutdown => break,
            _ = tick.tick() => {}
        }
        let due = watched.iter_mut().filter_map(|w| {
            if w.skip > 0 {
                w.skip -= 1;
                return None;
            }
            Some(w)
        });
        let polls = join_all(due.map(|w| async move {
            let started = Instant::now();
            let first = !w.poller.has_baseline();
            let r = w.poller.poll().await;
            (w, r, started.elapsed(), first)
        }));
        let results = tokio::select! {
            _ = &mut shutdown => break,
            r = polls => r,
        };
        let mut batch: Vec<Arrival> = Vec::new();
        let mut done = Vec::new();
        for (w, r, took, first) in results {
            let name = w.poller.profile.clone();
            match r {
                Ok(polled) => {
                    if w.failures > 0 {
                        crate::diag::note(&format!("profile `{name}`: answering again"));
                    }
                    w.failures = 0;
                    crate::diag::trace(&format!(
                        "{} of profile `{name}`: {} request{}, {} chat{} changed, {} new \
                         message{} [{} ms]",
                        if first {
                            "baseline (nothing printed)"
                        } else {
                            "poll"
                        },
                        polled.requests,
                        plural(polled.requests),
                        polled.changed,
                        plural(polled.changed),
                        polled.new.len(),
                        plural(polled.new.len()),
                        took.as_millis()
                    ));
                    for n in &polled.notes {
                        crate::diag::note(n);
                    }
                    batch.extend(polled.new);
                    done.push((w, polled.rows));
                }
                Err(e) => {
                    w.failures += 1;
                    w.skip = per_tick(w.failures) - 1;
                    let wait = interval * (w.skip + 1);
                    crate::diag::warn(&format!(
                        "profile `{name}`: {}; retrying in {}",
                        crate::exit::one_line(&anyhow::Error::new(e)),
                        humantime::format_duration(Duration::from_secs(wait.as_secs()))
                    ));
                }
            }
        }
        batch.sort_by_key(|a| a.message.at);
        out.write(&batch)?;
        if let Some(h) = &mut hooks {
            for a in &batch {
                h.run(&a.message);
            }
        }
        // Remembered only now that the output is written.
        for (w, rows) in done {
            let printed: Vec<Arrival> = batch
                .iter()
                .filter(|a| a.message.profile == w.poller.profile)
                .map(|a| Arrival {
                    message: a.message.clone(),
                    chat_name: a.chat_name.clone(),
                })
                .collect();
            w.poller.commit(&printed);
            cache::record(ctx, &w.poller.profile, &rows, &printed);
        }
    }
    if let Some(h) = hooks {
        h.finish(HOOK_GRACE).await;
    }
    Ok(Exit::Ok)
}

/// Resolve, build and check each profile, and the chats asked for.
async fn start(ctx: &Ctx, args: &WatchArgs, kinds: Vec<Kind>) -> anyhow::Result<Vec<Watched>> {
    let profiles = ctx.settings.selected()?;
    let resolved = ctx.resolve(&profiles).await?;
    let mut watched = Vec::new();
    let mut missing: Vec<Option<anyhow::Error>> = args.chat.iter().map(|_| None).collect();
    let mut found = vec![false; args.chat.len()];
    for (profile, resolved) in profiles.iter().zip(resolved) {
        let what = format!(
            "watching profile `{}` ({})",
            profile.name,
            profile.provider.name()
        );
        let setup = async {
            let resolved = resolved?;
            let provider = resolved.build()?;
            super::require(&provider, Op::ListChats)?;
            super::require(&provider, Op::Messages)?;
            let concurrency = resolved.env.concurrency;
            Ok::<_, anyhow::Error>((provider, concurrency))
        };
        let (provider, concurrency) = setup.await.map_err(|e| e.context(what.clone()))?;
        let chats = if args.chat.is_empty() {
            None
        } else {
            let (mut ids, mut jids) = (HashSet::new(), HashSet::new());
            let dm = provider.message_capabilities().dm_server;
            for (i, chat) in args.chat.iter().enumerate() {
                match resolve::resolve(&provider, chat, dm, concurrency).await {
                    Ok(t) => {
                        found[i] = true;
                        if let Some(j) = Jid::parse(&t.id) {
                            jids.insert(j.to_string());
                        }
                        ids.insert(t.id);
                    }
                    Err(e) => {
                        let e = e.context(what.clone());
                        missing[i].get_or_insert(e);
                    }
                }
            }
            Some((ids, jids))
        };
        let filter = Filter {
            chats,
            kinds: kinds.clone(),
            incoming: args.incoming,
        };
        watched.push(Watched {
            poller: Poller::new(&profile.name, provider, concurrency, filter),
            failures: 0,
            skip: 0,
        });
    }
    // A CHAT no selected profile knows is a mistake, not a quiet watch.
    for (i, e) in missing.into_iter().enumerate() {
        if let (false, Some(e)) = (found[i], e) {
            return Err(e);
        }
    }
    Ok(watched)
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Ctrl-C, or SIGTERM on Unix.
async fn shutdown() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}
