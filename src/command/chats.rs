//! `chats list | overview | unread | waiting`, for one profile (streamed page by page)
//! or several merged into one inbox (collected concurrently, then sorted);
//! `--cached` answers from the store (`cached.rs`), `--new` through the alert
//! memory (`alerts.rs`). stdout carries only records (or the `--count` line);
//! notes, progress and per-profile failures go to stderr.

use super::filters::sort_chats;
use super::gather::{collect_all, describe, fetch, settle, Failed, Resolved, Tee};
use super::pipeline::Outcome;
use super::selection::Selection;
use super::Ctx;
use crate::chat::Chat;
use crate::cli::ViewCommand;
use crate::config::Profile;
use crate::exit::Exit;
use crate::output::progress::Progress;
use crate::output::{self, Count, Layout, Sink};
use crate::provider::paging::Resume;
use crate::provider::{Order, SortKey, View};

pub async fn run(cmd: ViewCommand, ctx: &Ctx) -> anyhow::Result<Exit> {
    let args = Selection::from_command(cmd);
    let view = args.view;
    let s = &ctx.settings;
    let profiles = s.selected()?;
    let layout = if view == View::List {
        Layout::List
    } else {
        Layout::Overview
    };
    let opts = ctx.output_options(layout, profiles.len() > 1)?;
    // A progress line would garble rows streamed to the same terminal, and
    // with stdout piped (`| jq`) the reader prints between its redraws.
    let streaming_to_tty = s.term.stdout_tty && s.format != output::Format::Table && !args.count;
    let t = s.term;
    let progress = Progress::new(t.stderr_tty && !t.stdout_pipe && !s.quiet && !streaming_to_tty);
    let mut count = Count::default();
    let mut out = (!args.count).then(|| output::open(&opts, s.term, output::stdout()));
    let sink: &mut dyn Sink = match &mut out {
        Some(s) => s.as_mut(),
        None => &mut count,
    };
    let result = if args.cached {
        super::cached::answer(ctx, &profiles, &args, sink)
    } else {
        // Each profile starts as soon as its own secrets are in.
        let mut resolved = ctx.resolve_each(&profiles);
        match profiles.as_slice() {
            _ if args.new => {
                super::alerts::answer(ctx, &profiles, resolved, &args, sink, &progress).await
            }
            [one] => single(one, resolved.remove(0).await, &args, sink, &progress).await,
            many => merged(many, resolved, &args, sink, &progress).await,
        }
    };
    progress.finish();
    let done = match result {
        Ok(done) => done,
        Err((shown, err)) => {
            // Close what was written (a JSON array, the table) even when a later page
            // failed, but print nothing for a run that failed before its first row.
            if shown > 0 {
                let _ = sink.finish();
            }
            return Err(err);
        }
    };
    if !done.finished {
        sink.finish()?;
    }
    if args.count {
        output::write_count(&count, view == View::Unread)?;
    }
    // After the output, so the store's lock is not held while the output waits.
    for (profile, chats, complete) in &done.overviews {
        super::cached::record(ctx, profile, chats, *complete);
    }
    // After the output, so a note does not land above a table on the same terminal.
    for note in &done.notes {
        crate::diag::note(note);
    }
    Ok(match done.exit {
        Exit::Ok if args.exit_status && done.shown == 0 => Exit::NoMatch,
        e => e,
    })
}

/// A finished run: rows shown, its exit code, notes for stderr, and the
/// overviews to record in the store.
#[derive(Default)]
pub(super) struct Done {
    pub shown: usize,
    pub exit: Exit,
    pub notes: Vec<String>,
    /// The sink was already finished (`--new` commits after its output).
    pub finished: bool,
    /// Profile, its overview rows, and whether they are the whole inbox.
    pub overviews: Vec<(String, Vec<Chat>, bool)>,
}

/// One profile: stream pages straight to the sink.
async fn single(
    profile: &Profile,
    resolved: Resolved,
    args: &Selection,
    sink: &mut dyn Sink,
    progress: &Progress,
) -> Result<Done, Failed> {
    let what = describe(args, profile);
    let mut outcome = Outcome::default();
    let mut tee = Tee {
        inner: sink,
        kept: args.records_overview().then(Vec::new),
    };
    let run = fetch(resolved, args, &mut tee, &mut outcome, progress);
    if let Err(e) = run.await {
        return Err((outcome.shown, e.context(what)));
    }
    let note = if let Some(resume) = &outcome.resume {
        Some(continue_hint(resume, args))
    } else if outcome.left_out > 0 {
        Some(more_match(outcome.left_out))
    } else if outcome.top_n_cut {
        Some(format!(
            "{} lists only its top {} chats here; use --all for every chat",
            profile.provider.name(),
            outcome.shown
        ))
    } else {
        None
    };
    Ok(Done {
        shown: outcome.shown,
        notes: note.into_iter().collect(),
        overviews: tee
            .kept
            .map(|k| vec![(profile.name.clone(), k, outcome.complete())])
            .unwrap_or_default(),
        ..Done::default()
    })
}

/// Several profiles at once: each collected concurrently, then merged, sorted
/// and capped. A failing profile does not stop the others.
async fn merged(
    profiles: &[&Profile],
    resolved: Vec<impl std::future::Future<Output = Resolved>>,
    args: &Selection,
    sink: &mut dyn Sink,
    progress: &Progress,
) -> Result<Done, Failed> {
    let runs = collect_all(resolved, args, progress).await;
    let (ok, exit) = settle(args, profiles, runs)?;
    let mut all = Vec::new();
    // Profiles with more chats than they listed (how many is unknown), and the
    // matching chats the others are known to have left out.
    let mut cut = Vec::new();
    let mut left_out = 0;
    let mut overviews = Vec::new();
    for (p, (chats, outcome)) in ok {
        if outcome.resume.is_some() || outcome.top_n_cut {
            cut.push(p.name.as_str());
        }
        left_out += outcome.left_out;
        if args.records_overview() {
            overviews.push((p.name.clone(), chats.clone(), outcome.complete()));
        }
        all.extend(chats);
    }
    let (key, order) = args
        .wanted_order()
        .unwrap_or((SortKey::Activity, Order::Desc));
    sort_chats(&mut all, key, order);
    if let Some(limit) = args.row_limit() {
        left_out += all.len().saturating_sub(limit);
        all.truncate(limit);
    }
    let shown = all.len();
    sink.write(all).map_err(|e| (0, e.into()))?;
    let note = match (left_out, cut.is_empty()) {
        (0, true) => None,
        (n, true) => Some(more_match(n)),
        (0, false) => Some(format!(
            "more chats follow in profile(s) {}; use --all for every chat",
            cut.join(", ")
        )),
        (n, false) => Some(format!(
            "at least {n} more matching chats were left out by --limit, and profile(s) {} have \
             more not counted; raise it or use --all",
            cut.join(", ")
        )),
    };
    Ok(Done {
        shown,
        exit,
        notes: note.into_iter().collect(),
        overviews,
        ..Done::default()
    })
}

pub(super) fn more_match(n: usize) -> String {
    format!("{n} more matching chats were left out by --limit; raise it or use --all")
}

fn continue_hint(resume: &Resume, args: &Selection) -> String {
    let limit = args
        .limit
        .map(|l| format!(" --limit {l}"))
        .unwrap_or_default();
    match resume {
        Resume::Offset(o) => format!("more chats follow; continue with --offset {o}{limit}, or use --all"),
        Resume::Cursor(cursor) => match crate::sanitize::shell_word(cursor) {
            Some(word) => format!("more chats follow; continue with --cursor {word}{limit}, or use --all"),
            None => "more chats follow; the gateway's cursor holds characters a terminal cannot show, \
                     so it cannot be given here: use --all"
                .to_owned(),
        },
        Resume::MidCursorPage => {
            "more chats may follow; this gateway pages by cursor, which cannot resume inside a page: \
             raise --limit or use --all"
                .to_owned()
        }
    }
}
