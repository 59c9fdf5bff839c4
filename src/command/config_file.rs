//! The config file edited in place with toml_edit (`profiles add`, `remove`,
//! `default`), so its comments, order and other profiles stay as written. It
//! is written whole to a temporary file with mode 600 (it may hold secrets)
//! and renamed over the old one, so a crash never leaves half a file; missing
//! folders are created (mode 700).

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use toml_edit::DocumentMut;

use crate::config::ConfigError;

/// The file as an editable document.
pub fn load(path: &Path) -> anyhow::Result<DocumentMut> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| ConfigError(format!("cannot read {}: {e}", path.display())))?;
    parse(&text, path)
}

/// `text` (the file at `path`) as an editable document.
pub fn parse(text: &str, path: &Path) -> anyhow::Result<DocumentMut> {
    Ok(text
        .parse::<DocumentMut>()
        .map_err(|e| ConfigError(format!("{}: {e}", path.display())))?)
}

pub fn save(path: &Path, doc: &DocumentMut) -> anyhow::Result<()> {
    let tmp = path.with_extension("toml.tmp");
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let write = || -> std::io::Result<()> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            let mut folders = std::fs::DirBuilder::new();
            folders.recursive(true);
            #[cfg(unix)]
            std::os::unix::fs::DirBuilderExt::mode(&mut folders, 0o700);
            folders.create(dir)?;
        }
        let mut file = options.open(&tmp)?;
        file.write_all(doc.to_string().as_bytes())?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    };
    write().with_context(|| format!("cannot write {}", path.display()))
}

/// Make `name` the default: `default_profile = "name"`, and no profile keeps
/// `default = true` (which would win over it).
pub fn set_default(doc: &mut DocumentMut, name: &str) {
    if let Some(profiles) = doc.get_mut("profiles").and_then(|p| p.as_table_like_mut()) {
        for (_, table) in profiles.iter_mut() {
            if let Some(t) = table.as_table_like_mut() {
                t.remove("default");
            }
        }
    }
    doc.insert("default_profile", toml_edit::value(name));
}
