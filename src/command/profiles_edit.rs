//! `profiles remove NAME` and `profiles default NAME`: the config file edited
//! in place with toml_edit, so its comments, order and other profiles stay as
//! written. It is written whole to a temporary file with mode 600 (it may hold
//! secrets) and renamed over the old one, so a crash never leaves half a file.

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use toml_edit::DocumentMut;

use super::Ctx;
use crate::config::ConfigError;
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
    // `default = true` wins over default_profile, so no other profile keeps it.
    if let Some(profiles) = doc.get_mut("profiles").and_then(|p| p.as_table_like_mut()) {
        for (_, table) in profiles.iter_mut() {
            if let Some(t) = table.as_table_like_mut() {
                t.remove("default");
            }
        }
    }
    doc.insert("default_profile", toml_edit::value(name));
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

fn load(path: &Path) -> anyhow::Result<DocumentMut> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| ConfigError(format!("cannot read {}: {e}", path.display())))?;
    Ok(text
        .parse::<DocumentMut>()
        .map_err(|e| ConfigError(format!("{}: {e}", path.display())))?)
}

fn save(path: &Path, doc: &DocumentMut) -> anyhow::Result<()> {
    let tmp = path.with_extension("toml.tmp");
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let write = || -> std::io::Result<()> {
        let mut file = options.open(&tmp)?;
        file.write_all(doc.to_string().as_bytes())?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    };
    write().with_context(|| format!("cannot write {}", path.display()))
}
