//! `--new` (alert once): print only the chats that are news since the last
//! `--new` run of the same view and profile, and remember them — after the
//! output was written.
//!
//! The order is fetch → claim → decide → print → commit. Fetching happens
//! before the claim, so no lock is held across the network. The claim is a
//! `BEGIN IMMEDIATE` transaction: a second run that overlaps waits for it
//! (busy timeout) and then decides against what the first one reported, so
//! no alert is printed twice. The commit comes after the output was flushed:
//! a run killed before it leaves the memory untouched (SQLite rolls the
//! transaction back), so its alerts come once more and none is lost; a run
//! whose output fails (a full disk, a closed pipe) commits nothing either.
//!
//! `--limit` caps the alerts printed; the ones left out stay news for the
//! next run. Each profile's memory is its own; a profile that failed keeps
//! its memory as it was.

use std::collections::HashSet;

use super::chats::Done;
use super::filters::sort_chats;
use super::gather::{collect_all, settle, Failed, Resolved};
use super::selection::Selection;
use super::Ctx;
use crate::config::Profile;
use crate::exit::UsageError;
use crate::output::progress::Progress;
use crate::output::Sink;
use crate::provider::{Order, SortKey, View};
use crate::store::{is_new, AlertView, Seen};
use crate::time::Timestamp;

pub async fn answer(
    ctx: &Ctx,
    profiles: &[&Profile],
    resolved: Vec<impl std::future::Future<Output = Resolved>>,
    args: &Selection,
    sink: &mut dyn Sink,
    progress: &Progress,
) -> Result<Done, Failed> {
    let view = match args.view {
        _ if args.waiting => AlertView::Waiting,
        View::Unread => AlertView::Unread,
        _ => {
            let e = UsageError("--new works with `chats unread` and `chats waiting`".to_owned());
            return Err((0, e.into()));
        }
    };
    // Every matching chat: --limit applies to the alerts, not to what is examined.
    let examine = Selection {
        all: true,
        limit: None,
        ..args.clone()
    };
    let runs: Vec<anyhow::Result<_>> = collect_all(resolved, &examine, progress)
        .await
        .into_iter()
        .map(|r| r.map(|(chats, _)| chats))
        .collect();
    let (ok, exit) = match profiles {
        [p] => match runs.into_iter().next() {
            Some(Err(e)) => return Err((0, e.context(super::gather::describe(args, p)))),
            Some(Ok(rows)) => (vec![(*p, rows)], Default::default()),
            None => (Vec::new(), Default::default()),
        },
        _ => settle(args, profiles, runs)?,
    };
    let fail = |e: anyhow::Error| (0, e);
    let mut store = ctx.store().map_err(fail)?;
    let claim = store.claim(view).map_err(|e| fail(e.into()))?;
    let now = Timestamp::now();
    let mut news = Vec::new();
    let mut gone = Vec::new();
    for (p, chats) in ok {
        let memory = claim.remembered(&p.name).map_err(|e| fail(e.into()))?;
        let current: HashSet<&str> = chats.iter().map(|c| c.id.as_str()).collect();
        gone.extend(
            memory
                .keys()
                .filter(|id| !current.contains(id.as_str()))
                .map(|id| (p.name.clone(), id.clone())),
        );
        news.extend(
            chats
                .into_iter()
                .filter(|c| is_new(c, memory.get(&c.id), now, args.remind_after)),
        );
    }
    let (key, order) = args
        .wanted_order()
        .unwrap_or((SortKey::Activity, Order::Desc));
    sort_chats(&mut news, key, order);
    let mut notes = Vec::new();
    if let Some(limit) = args.limit {
        let cut = news.len().saturating_sub(limit);
        if cut > 0 {
            notes.push(format!(
                "{cut} more new chats were left out by --limit; the next --new run reports them"
            ));
        }
        news.truncate(limit);
    }
    let reported: Vec<(String, String, Seen)> = news
        .iter()
        .map(|c| (c.profile.clone(), c.id.clone(), Seen::of(c, now)))
        .collect();
    let shown = news.len();
    sink.write(news).map_err(|e| (shown, e.into()))?;
    sink.finish().map_err(|e| (0, e.into()))?;
    let remember = || -> Result<(), crate::store::StoreError> {
        for (profile, id, seen) in &reported {
            claim.report(profile, id, seen)?;
        }
        for (profile, id) in &gone {
            claim.forget(profile, id)?;
        }
        claim.commit()
    };
    remember().map_err(|e| fail(e.into()))?;
    Ok(Done {
        shown,
        exit,
        notes,
        finished: true,
        ..Done::default()
    })
}
