//! `browse`: everything the interactive browser needs from the layers
//! below, set up here so `browse/` itself stays free of configs, gateways
//! and files. The first model is filled from the start of each profile's
//! cached overview (the store keeps the first chats in inbox order apart, so
//! this takes a millisecond whatever the inbox's size) before the first
//! frame; the rest follows in the background. The browser's `Source` is the
//! network thread (`worker.rs`), which runs `live.rs`'s requests.
//!
//! While the screen is taken, stderr notes would garble it: diagnostics are
//! quieted for the run and every error goes to the status line instead.

mod activity;
mod live;
mod worker;

use std::rc::Rc;
use std::time::Instant;

use live::Parts;
// The same polling as `watch`: its default, its `--demo` pace and (below) its floor.
use super::watch::{DEMO_INTERVAL, DEMO_TRAFFIC, INTERVAL};
use super::Ctx;
use crate::browse::{self, Look, Model};
use crate::cli::{BrowseArgs, FormatArg, GlobalArgs};
use crate::config::Profile;
use crate::exit::Exit;
use crate::store::Store;
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
                    match store.overview_head(&p.name) {
                        Ok(Some((head, total))) => {
                            model.from_cache(i, head.chats, head.taken_at, total)
                        }
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
    let worker = worker::Worker::start(Parts {
        ctx,
        profiles,
        limit,
        cache_dir,
    })?;
    crate::diag::set_verbosity(false, true);
    let result = browse::run(browse::Setup {
        model,
        source: Rc::new(worker),
        started,
        interval,
    })
    .await;
    crate::diag::set_verbosity(verbose, quiet);
    // See: `browse -v` printed no timings — they were written while stderr was quieted.
    crate::diag::trace(&result?);
    Ok(Exit::Ok)
}

/// An error as the status line shows it: one line, redacted, sanitised.
pub(super) fn error_line(e: &anyhow::Error) -> String {
    let text = crate::exit::one_line(e);
    crate::redact::redact(&crate::sanitize::one_line(&crate::redact::redact(&text)))
}
