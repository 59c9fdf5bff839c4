//! `--cached`: answer `chats list | overview | unread` from the overview the
//! last successful `chats overview` recorded in the store, with every filter,
//! sort, limit and format applied here exactly as to a live answer, and no
//! network call (no secret is resolved either). Also records that overview.

use super::chats::Done;
use super::filters::{sort_chats, ClientFilters};
use super::gather::{settle, Failed};
use super::selection::Selection;
use super::Ctx;
use crate::chat::Chat;
use crate::config::{ConfigError, Profile};
use crate::output::Sink;
use crate::provider::{Order, ProviderError, SortKey, View};
use crate::store::Cached;
use crate::time::Timestamp;

pub fn answer(
    ctx: &Ctx,
    profiles: &[&Profile],
    args: &Selection,
    sink: &mut dyn Sink,
) -> Result<Done, Failed> {
    let store = ctx.store().map_err(|e| (0, e))?;
    let filters = ClientFilters::for_selection(args);
    let mut notes = Vec::new();
    let runs: Vec<anyhow::Result<Vec<Chat>>> = profiles
        .iter()
        .map(|p| {
            let cached = store.overview(&p.name)?.ok_or_else(|| {
                ConfigError(format!(
                    "no cached overview of profile `{0}` yet: run `wa-inbox -p {0} chats overview` \
                     once, or leave out --cached",
                    p.name
                ))
            })?;
            if args.view == View::Unread
                && !cached.chats.is_empty()
                && cached.chats.iter().all(|c| c.unread_count.is_none())
            {
                return Err(ProviderError::unsupported(format!(
                    "{} does not report unread counts, so `chats unread` cannot work on this profile",
                    p.provider.name()
                ))
                .into());
            }
            notes.push(age_note(&p.name, &cached));
            let mut kept = Vec::new();
            for chat in cached.chats {
                if filters.keeps(&chat, p.provider.name())? {
                    kept.push(chat);
                }
            }
            Ok(kept)
        })
        .collect();
    let (ok, exit) = match profiles {
        [_] => match runs.into_iter().next() {
            Some(Err(e)) => return Err((0, e)),
            Some(Ok(rows)) => (rows, Default::default()),
            None => (Vec::new(), Default::default()),
        },
        _ => {
            let (ok, exit) = settle(args, profiles, runs)?;
            (ok.into_iter().flat_map(|(_, rows)| rows).collect(), exit)
        }
    };
    let mut rows = ok;
    match args.wanted_order() {
        Some((key, order)) => sort_chats(&mut rows, key, order),
        // One profile keeps the gateway's order, as a live answer does.
        None if profiles.len() > 1 => sort_chats(&mut rows, SortKey::Activity, Order::Desc),
        None => {}
    }
    if let Some(limit) = args.row_limit() {
        let cut = rows.len().saturating_sub(limit);
        if cut > 0 {
            notes.push(super::chats::more_match(cut));
        }
        rows.truncate(limit);
    }
    let shown = rows.len();
    sink.write(rows).map_err(|e| (0, e.into()))?;
    Ok(Done {
        shown,
        exit,
        notes,
        ..Done::default()
    })
}

/// "profile `x`: from the overview cached at … (12 min ago), 50 chats …".
fn age_note(profile: &str, cached: &Cached) -> String {
    let ago = Timestamp::now().secs() - cached.taken_at.secs();
    let whole = if cached.complete {
        "every chat; `chats overview --all` refreshes it"
    } else {
        "a partial overview; `chats overview --all` caches every chat"
    };
    format!(
        "profile `{profile}`: from the overview cached at {} ({}), {} chats, {whole}",
        cached.taken_at,
        crate::output::table::relative(ago),
        cached.chats.len()
    )
}

/// Record `chats` as `profile`'s latest overview. The output is already
/// written: a store that cannot take it is a warning, not a failed run.
pub fn record(ctx: &Ctx, profile: &str, chats: &[Chat], complete: bool) {
    let result = ctx.store().and_then(|mut s| {
        Ok(s.put_overview(
            profile,
            &Cached {
                taken_at: Timestamp::now(),
                complete,
                chats: chats.to_vec(),
            },
        )?)
    });
    if let Err(e) = result {
        crate::diag::warn(&format!(
            "the overview was not cached: {}",
            crate::exit::one_line(&e)
        ));
    }
}
