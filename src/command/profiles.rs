//! `profiles list` and `profiles check`: what each profile points at, where
//! its secrets come from (never their values), and whether it works.
//! Changing the file is `profiles_add/` (`add`) and `profiles_edit.rs`
//! (`remove`, `default`).

use futures_util::future::join_all;

use super::Ctx;
use crate::cli::ProfilesCommand;
use crate::exit::Exit;
use crate::output::fields::Cell;
use crate::output::fit::Fit;
use crate::output::report;

pub async fn run(cmd: ProfilesCommand, ctx: &Ctx) -> anyhow::Result<Exit> {
    match cmd {
        ProfilesCommand::List => list(ctx),
        ProfilesCommand::Check { name } => check(ctx, name.as_deref()).await,
        ProfilesCommand::Remove { name } => super::profiles_edit::remove(ctx, &name),
        ProfilesCommand::Default { name } => super::profiles_edit::set_default(ctx, &name),
        ProfilesCommand::Add(_) => {
            unreachable!("`profiles add` runs without a Ctx (command/mod.rs)")
        }
    }
}

fn secret_sources(p: &crate::config::Profile) -> Cell {
    let s: Vec<String> = p
        .provider
        .secrets()
        .iter()
        .map(|(k, src)| format!("{k}: {}", src.describe()))
        .collect();
    if s.is_empty() {
        Cell::Null
    } else {
        Cell::Text(s.join(", "))
    }
}

fn list(ctx: &Ctx) -> anyhow::Result<Exit> {
    let config = &ctx.settings.config;
    let default = config.select(None).ok().map(|p| p.name.clone());
    let rows: Vec<Vec<Cell>> = config
        .profiles
        .values()
        .map(|p| {
            vec![
                Cell::Text(p.name.clone()),
                Cell::Text(p.provider.name().to_owned()),
                Cell::Text(crate::redact::redact(&p.provider.base_url())),
                Cell::Bool(default.as_deref() == Some(&p.name)),
                secret_sources(p),
            ]
        })
        .collect();
    let s = &ctx.settings;
    report::write(
        s.format,
        s.term,
        s.no_header,
        // Narrow terminals lose SECRETS, then DEFAULT, PROVIDER, BASE URL.
        &[
            ("name", Fit::new(Some(8), None)),
            ("provider", Fit::new(None, Some(3))),
            ("base_url", Fit::new(Some(12), Some(4))),
            ("default", Fit::new(None, Some(2))),
            ("secrets", Fit::new(Some(10), Some(1))),
        ],
        &rows,
    )?;
    Ok(Exit::Ok)
}

/// A secret shorter than `redact::ANYWHERE_MIN` is hidden only where
/// credentials sit (URLs, headers), not wherever a gateway might echo it.
pub(super) fn warn_short_secrets(r: &crate::config::ResolvedProfile) {
    for (key, secret) in &r.env.secrets {
        let len = secret.expose().trim().chars().count();
        if len < crate::redact::ANYWHERE_MIN {
            crate::diag::warn(&format!(
                "profile `{}`: `{key}` is only {len} characters long; a secret that short is hidden \
                 only where it sits in a request (URL, header), not wherever a gateway might echo it, \
                 and is easy to guess: use a longer one",
                r.name
            ));
        }
    }
}

async fn check(ctx: &Ctx, name: Option<&str>) -> anyhow::Result<Exit> {
    let config = &ctx.settings.config;
    let profiles: Vec<&crate::config::Profile> = match name {
        Some(n) => vec![config.select(Some(n))?],
        None => config.profiles.values().collect(),
    };
    let resolved = ctx.resolve(&profiles).await?;
    for r in resolved.iter().flatten() {
        warn_short_secrets(r);
    }
    let results = join_all(resolved.into_iter().map(|r| async move {
        let provider = r?.build()?;
        Ok::<String, anyhow::Error>(provider.check().await?)
    }))
    .await;
    let mut exit = Exit::Ok;
    let rows: Vec<Vec<Cell>> = profiles
        .iter()
        .zip(results)
        .map(|(p, r)| {
            let (status, detail) = match r {
                Ok(d) => ("ok".to_owned(), d),
                Err(e) => {
                    if exit == Exit::Ok {
                        exit = crate::exit::from_error(&e);
                    }
                    ("error".to_owned(), crate::redact::redact(&e.to_string()))
                }
            };
            vec![
                Cell::Text(p.name.clone()),
                Cell::Text(p.provider.name().to_owned()),
                Cell::Text(status),
                secret_sources(p),
                Cell::Text(detail),
            ]
        })
        .collect();
    let s = &ctx.settings;
    report::write(
        s.format,
        s.term,
        s.no_header,
        // Narrow terminals lose SECRETS, then PROVIDER; DETAIL (the reason) is cut.
        &[
            ("name", Fit::new(Some(8), None)),
            ("provider", Fit::new(None, Some(2))),
            ("status", Fit::KEEP),
            ("secrets", Fit::new(Some(10), Some(1))),
            ("detail", Fit::new(Some(10), None)),
        ],
        &rows,
    )?;
    Ok(exit)
}
