//! `chats list | overview | unread`, for one profile (streamed page by page)
//! or several merged into one inbox (collected concurrently, then sorted).
//! stdout carries only records (or the `--count` line); notes, progress and
//! per-profile failures go to stderr.

use futures_util::future::join_all;

use super::filters::sort_chats;
use super::pipeline::{Outcome, Plan};
use super::selection::Selection;
use super::Ctx;
use crate::chat::Chat;
use crate::cli::ChatsCommand;
use crate::config::{Profile, ResolvedProfile};
use crate::exit::Exit;
use crate::output::progress::Progress;
use crate::output::{self, Collect, Count, Layout, Sink};
use crate::provider::paging::Resume;
use crate::provider::{Class, Op, Order, ProviderError, SortKey, View};

pub async fn run(cmd: ChatsCommand, ctx: &Ctx) -> anyhow::Result<Exit> {
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
    // A progress line would garble rows streamed to the same terminal.
    let streaming_to_tty = s.term.stdout_tty && s.format != output::Format::Table && !args.count;
    let progress = Progress::new(s.term.stderr_tty && !s.quiet && !streaming_to_tty);
    let mut count = Count::default();
    let mut out = (!args.count).then(|| output::open(&opts, s.term, output::stdout()));
    let sink: &mut dyn Sink = match &mut out {
        Some(s) => s.as_mut(),
        None => &mut count,
    };
    let mut resolved = ctx.resolve_each(&profiles);
    let result = match profiles.as_slice() {
        [one] => single(one, resolved.remove(0).await, &args, sink, &progress).await,
        many => merged(many, resolved, &args, sink, &progress).await,
    };
    progress.finish();
    let Done { shown, exit, note } = match result {
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
    sink.finish()?;
    if args.count {
        output::write_count(&count, view == View::Unread)?;
    }
    // After the output, so a note does not land above a table on the same terminal.
    if let Some(note) = note {
        crate::diag::note(&note);
    }
    Ok(match exit {
        Exit::Ok if args.exit_status && shown == 0 => Exit::NoMatch,
        e => e,
    })
}

/// A selected profile, resolved (or why it could not be).
type Resolved = Result<ResolvedProfile, ProviderError>;

/// A run that failed after showing this many rows.
type Failed = (usize, anyhow::Error);

/// A finished run: rows shown, its exit code, and a note for stderr.
struct Done {
    shown: usize,
    exit: Exit,
    note: Option<String>,
}

/// One profile: stream pages straight to the sink.
async fn single(
    profile: &Profile,
    resolved: Resolved,
    args: &Selection,
    sink: &mut dyn Sink,
    progress: &Progress,
) -> Result<Done, Failed> {
    let what = describe(args.view, profile);
    let mut outcome = Outcome::default();
    let run = async {
        let resolved = resolved?;
        let provider = resolved.build()?;
        super::require(&provider, Op::ListChats)?;
        let plan = Plan::new(args, provider.capabilities(args.view))?;
        plan.execute(
            &provider,
            resolved.env.concurrency,
            sink,
            &mut outcome,
            progress,
        )
        .await
    };
    if let Err(e) = run.await {
        return Err((outcome.shown, e.context(what)));
    }
    let note = if let Some(resume) = &outcome.resume {
        Some(continue_hint(resume, args))
    } else if outcome.cut_after_sort > 0 {
        Some(more_match(outcome.cut_after_sort))
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
        exit: Exit::Ok,
        note,
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
    let runs = join_all(resolved.into_iter().map(|resolved| async move {
        let mut collect = Collect::default();
        let mut outcome = Outcome::default();
        let resolved = resolved.await?;
        let provider = resolved.build()?;
        super::require(&provider, Op::ListChats)?;
        let plan = Plan::new(args, provider.capabilities(args.view))?;
        plan.execute(
            &provider,
            resolved.env.concurrency,
            &mut collect,
            &mut outcome,
            progress,
        )
        .await?;
        Ok::<(Vec<Chat>, Outcome), anyhow::Error>((collect.0, outcome))
    }))
    .await;
    let mut all = Vec::new();
    let mut exit = Exit::Ok;
    let mut skipped = 0;
    let mut cut = Vec::new();
    for (p, run) in profiles.iter().zip(runs) {
        match run {
            Ok((chats, outcome)) => {
                if outcome.resume.is_some() || outcome.top_n_cut || outcome.cut_after_sort > 0 {
                    cut.push(p.name.as_str());
                }
                all.extend(chats);
            }
            Err(e) if args.view == View::Unread && is_unsupported(&e) => {
                skipped += 1;
                crate::diag::warn(&format!(
                    "skipping profile `{}`: {}",
                    p.name,
                    e.root_cause()
                ));
            }
            Err(e) => {
                let e = e.context(describe(args.view, p));
                if exit == Exit::Ok {
                    exit = crate::exit::from_error(&e);
                }
                crate::diag::error(&crate::exit::one_line(&e));
            }
        }
    }
    if skipped == profiles.len() {
        let e = ProviderError::unsupported(
            "none of the selected profiles' gateways reports unread counts",
        );
        return Err((0, anyhow::Error::new(e)));
    }
    let (key, order) = args
        .wanted_order()
        .unwrap_or((SortKey::Activity, Order::Desc));
    sort_chats(&mut all, key, order);
    let mut cut_here = 0;
    if let Some(limit) = args.row_limit() {
        cut_here = all.len().saturating_sub(limit);
        all.truncate(limit);
    }
    let shown = all.len();
    sink.write(all).map_err(|e| (0, e.into()))?;
    let note = if cut_here > 0 {
        Some(more_match(cut_here))
    } else if !cut.is_empty() {
        Some(format!(
            "more chats follow in profile(s) {}; use --all for every chat",
            cut.join(", ")
        ))
    } else {
        None
    };
    Ok(Done { shown, exit, note })
}

fn is_unsupported(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<ProviderError>()
            .is_some_and(|p| p.class() == Class::Unsupported)
    })
}

fn describe(view: View, profile: &Profile) -> String {
    let verb = match view {
        View::List => "listing chats",
        View::Overview => "building the overview",
        View::Unread => "finding unread chats",
    };
    format!(
        "{verb} for profile `{}` ({})",
        profile.name,
        profile.provider.name()
    )
}

fn more_match(n: usize) -> String {
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
