//! `profiles remove NAME` and `profiles default NAME`: the config file edited
//! in place (`config_file.rs`: comments and other profiles stay, mode 600).

use std::path::Path;

use super::config_file::{load, save};
use super::Ctx;
use crate::exit::{Exit, UsageError};

pub fn remove(ctx: &Ctx, name: &str) -> anyhow::Result<Exit> {
    let path = editable(ctx, name)?;
    let mut doc = load(path)?;
    if let Some(profiles) = doc.get_mut("profiles").and_then(|p| p.as_table_like_mut()) {
        profiles.remove(name);
    }
    if doc.get("default_profile").and_then(|v| v.as_str()) == Some(name) {
        doc.remove("default_profile");
    }
    save(path, &doc)?;
    crate::diag::note(&format!("removed profile `{name}` from {}", path.display()));
    Ok(Exit::Ok)
}

pub fn set_default(ctx: &Ctx, name: &str) -> anyhow::Result<Exit> {
    let path = editable(ctx, name)?;
    let mut doc = load(path)?;
    super::config_file::set_default(&mut doc, name);
    save(path, &doc)?;
    crate::diag::note(&format!(
        "`{name}` is the default profile in {}",
        path.display()
    ));
    Ok(Exit::Ok)
}

/// The config file, when it holds profile `name` and is a file of the user's.
fn editable<'a>(ctx: &'a Ctx, name: &str) -> anyhow::Result<&'a Path> {
    let config = &ctx.settings.config;
    if ctx.settings.demo {
        return Err(UsageError("--demo has no config file to change".to_owned()).into());
    }
    config.select(Some(name))?;
    Ok(&config.path)
}
