//! `chats list | overview | unread`: plan the run for the profile's gateway,
//! stream it to the chosen format, then say on stderr how to continue a
//! listing that stopped early. stdout only ever carries records.

use anyhow::Context;

use super::pipeline::{Extra, Outcome, Plan};
use super::Ctx;
use crate::cli::{ChatArgs, ChatsCommand};
use crate::exit::Exit;
use crate::output::{self, Layout, Options, TimeStyle};
use crate::provider::paging::Resume;
use crate::provider::View;

pub async fn run(cmd: ChatsCommand, ctx: &Ctx) -> anyhow::Result<Exit> {
    let (view, args, extra) = match cmd {
        ChatsCommand::List(a) => (View::List, a, Extra::default()),
        ChatsCommand::Overview(o) => (
            View::Overview,
            o.chats,
            Extra {
                since: o.since,
                ..Extra::default()
            },
        ),
        ChatsCommand::Unread(u) => (
            View::Unread,
            u.chats,
            Extra {
                min_unread: Some(u.min),
                older_than: u.older_than,
                ..Extra::default()
            },
        ),
    };
    let profile = ctx.profile()?;
    let provider = ctx.build(profile)?;
    let caps = provider.capabilities(view);
    let what = format!(
        "{} for profile `{}` ({})",
        verb(view),
        profile.name,
        profile.provider.name()
    );
    let plan = Plan::new(view, &args, &extra, caps).with_context(|| what.clone())?;
    let opts = Options {
        format: ctx.global.output,
        no_header: ctx.global.no_header,
        csv_raw: ctx.global.csv_raw,
        fields: None,
        layout: if view == View::List {
            Layout::List
        } else {
            Layout::Overview
        },
        show_profile: false,
        time: TimeStyle::Local,
    };
    let mut sink = output::open(&opts, ctx.term, output::stdout());
    let concurrency = ctx
        .global
        .concurrency
        .map(usize::from)
        .or(profile.common.concurrency)
        .unwrap_or(crate::provider::DEFAULT_CONCURRENCY);
    let mut outcome = Outcome::default();
    let result = plan
        .execute(&provider, concurrency, sink.as_mut(), &mut outcome)
        .await;
    // Close what was written (a JSON array, the table) even when a later page failed,
    // but print nothing for a run that failed before its first row.
    match &result {
        Ok(()) => sink.finish()?,
        Err(_) if outcome.shown > 0 => {
            let _ = sink.finish();
        }
        Err(_) => {}
    }
    result.with_context(|| what.clone())?;
    if let Some(resume) = &outcome.resume {
        crate::diag::note(&continue_hint(resume, &args));
    } else if outcome.top_n_cut {
        crate::diag::note(&format!(
            "{} lists only its top {} chats here; use --all for every chat",
            caps.gateway, outcome.shown
        ));
    }
    Ok(Exit::Ok)
}

fn verb(view: View) -> &'static str {
    match view {
        View::List => "listing chats",
        View::Overview => "building the overview",
        View::Unread => "finding unread chats",
    }
}

fn continue_hint(resume: &Resume, args: &ChatArgs) -> String {
    let limit = if args.limit == 50 {
        String::new()
    } else {
        format!(" --limit {}", args.limit)
    };
    match resume {
        Resume::Offset(o) => format!("more chats follow; continue with --offset {o}{limit}, or use --all"),
        Resume::Cursor { cursor, skip: 0 } => format!("more chats follow; continue with --cursor {cursor}{limit}, or use --all"),
        Resume::Cursor { cursor, skip } => format!(
            "more chats follow; continue with --cursor {cursor}{limit} (its first {skip} chats were already shown), or use --all"
        ),
    }
}
