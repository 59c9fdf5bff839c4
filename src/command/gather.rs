//! What the views over several profiles share: each profile's matching
//! chats collected whole, the per-profile results settled (failures listed,
//! the first one's exit code kept), and the tee that keeps an overview's
//! rows for the store.

use futures_util::future::join_all;

use super::pipeline::{Outcome, Plan};
use super::selection::Selection;
use crate::chat::Chat;
use crate::config::{Profile, ResolvedProfile};
use crate::exit::Exit;
use crate::output::progress::Progress;
use crate::output::{Collect, Sink};
use crate::provider::{Class, Op, ProviderError, View};

/// A selected profile, resolved (or why it could not be).
pub type Resolved = Result<ResolvedProfile, ProviderError>;

/// A run that failed after showing this many rows.
pub type Failed = (usize, anyhow::Error);

/// The profiles that answered, each with its result, and the exit code so far.
pub type Settled<'p, T> = (Vec<(&'p Profile, T)>, Exit);

/// One profile through the planner into `sink`: build its client, refuse
/// what it cannot do, plan and page. `outcome` says what was shown, also
/// when a later page failed.
pub async fn fetch(
    resolved: Resolved,
    args: &Selection,
    sink: &mut dyn Sink,
    outcome: &mut Outcome,
    progress: &Progress,
) -> anyhow::Result<()> {
    let resolved = resolved?;
    let provider = resolved.build()?;
    super::require(&provider, Op::ListChats)?;
    let plan = Plan::new(args, provider.capabilities(args.view))?;
    plan.execute(&provider, resolved.env.concurrency, sink, outcome, progress)
        .await
}

/// Every selected profile's matching chats, each collected whole,
/// concurrently (merged views, `--new`).
pub async fn collect_all(
    resolved: Vec<impl std::future::Future<Output = Resolved>>,
    args: &Selection,
    progress: &Progress,
) -> Vec<anyhow::Result<(Vec<Chat>, Outcome)>> {
    join_all(resolved.into_iter().map(|resolved| async move {
        let mut collect = Collect::default();
        let mut outcome = Outcome::default();
        fetch(resolved.await, args, &mut collect, &mut outcome, progress).await?;
        Ok((collect.0, outcome))
    }))
    .await
}

/// Per-profile results of a merged view: each failure listed on stderr (a
/// gateway that cannot count unread messages skipped with a warning), the
/// first failure's exit code kept; an error only when every profile was
/// skipped as unsupported.
pub fn settle<'p, T>(
    args: &Selection,
    profiles: &[&'p Profile],
    runs: Vec<anyhow::Result<T>>,
) -> Result<Settled<'p, T>, Failed> {
    let mut ok = Vec::new();
    let mut exit = Exit::Ok;
    let mut skipped = 0;
    for (p, run) in profiles.iter().zip(runs) {
        match run {
            Ok(t) => ok.push((*p, t)),
            Err(e) if args.view == View::Unread && is_unsupported(&e) => {
                skipped += 1;
                crate::diag::warn(&format!(
                    "skipping profile `{}`: {}",
                    p.name,
                    e.root_cause()
                ));
            }
            Err(e) => {
                let e = e.context(describe(args, p));
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
    Ok((ok, exit))
}

/// Passes rows on, keeping a copy when asked (an overview to record).
pub struct Tee<'a> {
    pub inner: &'a mut dyn Sink,
    pub kept: Option<Vec<Chat>>,
}

impl Sink for Tee<'_> {
    fn write(&mut self, chats: Vec<Chat>) -> std::io::Result<()> {
        if let Some(kept) = &mut self.kept {
            kept.extend(chats.iter().cloned());
        }
        self.inner.write(chats)
    }

    fn finish(&mut self) -> std::io::Result<()> {
        self.inner.finish()
    }
}

fn is_unsupported(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<ProviderError>()
            .is_some_and(|p| p.class() == Class::Unsupported)
    })
}

pub fn describe(args: &Selection, profile: &Profile) -> String {
    format!(
        "{} for profile `{}` ({})",
        args.doing(),
        profile.name,
        profile.provider.name()
    )
}
