//! `profiles add [NAME]`: a new profile in the config file, checked before
//! it is saved.
//!
//! The gateway's keys are read from its profile schema (`provider::keys`),
//! and so are the command's flags (`cli/add.rs`): nothing here names a
//! gateway or a key. The answers — asked when stdin and stderr are
//! terminals (`ask.rs`; `secret.rs` for where a secret comes from), else
//! taken from the flags alone (`flags.rs`, which never asks) — make a
//! `Draft`. The draft is written into the file's
//! document with toml_edit (comments and other profiles stay), the whole new
//! file is parsed as any later run will parse it, the profile is checked as
//! `profiles check` checks it (its secrets resolved, one cheap call), and
//! only then is the file saved (`config_file.rs`: mode 600, folders created).
//! A failing check writes nothing and ends with the check's exit code, unless
//! `--no-check` (or, on a terminal, "save it anyway").

mod ask;
mod flags;
mod secret;

use std::io::IsTerminal;
use std::path::PathBuf;

use toml_edit::{DocumentMut, InlineTable, Item, Table};

use super::config_file;
use crate::cli::{AddArgs, ColorArg, GlobalArgs, KeyValue};
use crate::config::{Config, ConfigError, Overrides, Resolution};
use crate::exit::{Exit, Interrupted, UsageError};
use crate::output::prompt::Prompt;
use crate::secret::SecretSource;

/// A profile about to be written.
#[derive(Debug, Clone)]
pub struct Draft {
    pub name: String,
    pub gateway: &'static str,
    /// The gateway's keys that are set, in the order its schema lists them.
    pub values: Vec<(String, KeyValue)>,
    pub ca_file: Option<PathBuf>,
    pub allow_insecure_http: bool,
}

impl Draft {
    fn table(&self) -> Table {
        let mut t = Table::new();
        t.insert("provider", toml_edit::value(self.gateway));
        for (key, value) in &self.values {
            let item = match value {
                KeyValue::Text(v) | KeyValue::Secret(SecretSource::Literal(v)) => {
                    toml_edit::value(v.as_str())
                }
                KeyValue::Secret(source) => {
                    let (kind, v) = match source {
                        SecretSource::Env { env } => ("env", env.clone()),
                        SecretSource::Command { command } => ("command", command.clone()),
                        SecretSource::File { file } => ("file", file.display().to_string()),
                        SecretSource::Literal(_) => unreachable!("matched above"),
                    };
                    let mut inline = InlineTable::new();
                    inline.insert(kind, v.into());
                    toml_edit::value(inline)
                }
            };
            t.insert(key, item);
        }
        if let Some(ca) = &self.ca_file {
            t.insert("ca_file", toml_edit::value(ca.display().to_string()));
        }
        if self.allow_insecure_http {
            t.insert("allow_insecure_http", toml_edit::value(true));
        }
        t
    }
}

/// The config file before the new profile.
pub struct Target {
    pub path: PathBuf,
    doc: DocumentMut,
    /// `None`: there is no file yet.
    config: Option<Config>,
}

impl Target {
    /// The file at `path`, refused (exit 3) when it does not parse: nothing is
    /// added to a file that no run could read.
    fn read(path: PathBuf) -> anyhow::Result<Target> {
        match std::fs::read_to_string(&path) {
            Ok(text) => Ok(Target {
                config: Some(Config::parse(&text, &path)?),
                doc: config_file::parse(&text, &path)?,
                path,
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Target {
                path,
                doc: DocumentMut::new(),
                config: None,
            }),
            Err(e) => Err(ConfigError(format!("cannot read {}: {e}", path.display())).into()),
        }
    }

    pub fn has(&self, name: &str) -> bool {
        self.config
            .as_ref()
            .is_some_and(|c| c.profiles.contains_key(name))
    }

    /// The default profile now, if any (possibly the only one).
    fn default_name(&self) -> Option<String> {
        let profile = self.config.as_ref()?.select(None).ok()?;
        Some(profile.name.clone())
    }

    /// Whether the file names its default (rather than having only one profile).
    fn names_default(&self) -> bool {
        self.config.as_ref().is_some_and(|c| {
            c.default_profile.is_some() || c.profiles.values().any(|p| p.common.default)
        })
    }

    fn others(&self, name: &str) -> usize {
        self.config.as_ref().map_or(0, |c| {
            c.profiles.keys().filter(|n| n.as_str() != name).count()
        })
    }

    /// Whether `name` becomes the default without asking: `--default`, it
    /// replaces the default, or it is the first profile; `None` when no profile
    /// is named the default (then a terminal asks).
    fn default_unasked(&self, name: &str, flag: bool) -> Option<bool> {
        if flag || self.others(name) == 0 || self.default_name().as_deref() == Some(name) {
            return Some(true);
        }
        if self.names_default() {
            return Some(false);
        }
        None
    }

    /// The new file: the draft in it (in place of a profile of its name), and
    /// the default decided. A profile that was the default by being the only
    /// one stays the default by name, unless the new one takes over.
    fn with(&self, draft: &Draft, make_default: bool) -> anyhow::Result<(DocumentMut, Config)> {
        let mut doc = self.doc.clone();
        let fresh = doc.as_table().is_empty();
        let profiles = doc.entry("profiles").or_insert_with(|| {
            let mut t = Table::new();
            t.set_implicit(true);
            Item::Table(t)
        });
        let profiles = profiles.as_table_mut().ok_or_else(|| {
            ConfigError(format!(
                "{}: `profiles` is not a table of [profiles.NAME] tables",
                self.path.display()
            ))
        })?;
        let mut table = draft.table();
        match profiles.get(&draft.name).and_then(Item::as_table) {
            Some(old) => {
                *table.decor_mut() = old.decor().clone();
                if let Some(at) = old.position() {
                    table.set_position(at);
                }
            }
            None if !fresh => table.decor_mut().set_prefix("\n"),
            None => {}
        }
        profiles.insert(&draft.name, Item::Table(table));
        if make_default {
            config_file::set_default(&mut doc, &draft.name);
        } else if let Some(only) = self.default_name().filter(|_| !self.names_default()) {
            doc.insert("default_profile", toml_edit::value(only));
        }
        let config = Config::parse(&doc.to_string(), &self.path)?;
        Ok((doc, config))
    }
}

pub async fn run(args: AddArgs, global: GlobalArgs) -> anyhow::Result<Exit> {
    if global.demo {
        return Err(UsageError("--demo has no config file to change".to_owned()).into());
    }
    let color = match global.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            let term = super::environment().term;
            !term.no_color && !term.dumb
        }
    };
    let overrides = Overrides {
        timeout: global.timeout,
        retries: global.retries,
        concurrency: global.concurrency.map(usize::from),
    };
    let path = match global.config.clone() {
        Some(p) => p,
        None => crate::config::default_path(&super::environment())?,
    };
    let target = Target::read(path)?;
    if let Some(name) = &args.name {
        flags::valid_name(name).map_err(UsageError)?;
    }
    if std::io::stdin().is_terminal() && std::io::stderr().is_terminal() {
        let prompt = Prompt::new(color);
        ask::run(&prompt, &args, &target, &overrides)
            .await
            .map_err(|e| match e.downcast::<std::io::Error>() {
                Ok(io) if io.kind() == std::io::ErrorKind::Interrupted => {
                    Interrupted("stopped; nothing was written".to_owned()).into()
                }
                Ok(io) => anyhow::Error::new(io).context("cannot ask on the terminal"),
                Err(e) => e,
            })
    } else {
        let draft = flags::draft(&args, &target)?;
        let make_default = target.default_unasked(&draft.name, args.default) == Some(true);
        let (doc, config) = target.with(&draft, make_default)?;
        if !args.no_check {
            let detail = check(&config, &draft.name, &overrides).await.map_err(|e| {
                e.context(format!(
                    "profile `{}` failed its check, so nothing was written to {} \
                         (--no-check saves it unchecked)",
                    draft.name,
                    target.path.display()
                ))
            })?;
            crate::diag::note(&format!("checked `{}`: {detail}", draft.name));
        }
        save(&target, &doc, &config, &draft.name)
    }
}

/// The check `profiles check` makes: resolve the profile's secrets, build
/// its client, make one cheap call. What answered, or why it failed.
async fn check(config: &Config, name: &str, overrides: &Overrides) -> anyhow::Result<String> {
    let profile = config.select(Some(name))?;
    let work = Resolution::new(config, &[profile], overrides.clone());
    let resolved = tokio::task::spawn_blocking(move || work.run().pop())
        .await?
        .ok_or_else(|| anyhow::anyhow!("resolving the profile stopped unexpectedly"))??;
    super::profiles::warn_short_secrets(&resolved);
    Ok(resolved.build()?.check().await?)
}

fn save(target: &Target, doc: &DocumentMut, config: &Config, name: &str) -> anyhow::Result<Exit> {
    config_file::save(&target.path, doc)?;
    crate::diag::note(&format!(
        "added profile `{name}` to {}",
        target.path.display()
    ));
    let default = config.select(None).ok().map(|p| p.name.as_str());
    if default == Some(name) {
        crate::diag::note(&format!("`{name}` is the default profile"));
    } else {
        crate::diag::note(&format!("use it with: wa-inbox -p {name} chats overview"));
    }
    Ok(Exit::Ok)
}
