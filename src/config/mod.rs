//! The config file: its TOML schema and loading it; choosing a profile is
//! `select.rs`. Finding the file and turning it, the command line and the
//! environment into `Settings` is `resolve.rs`; every default is in `defaults.rs`.
//!
//! Read once at start-up, never re-read, never touches the network. Keys every
//! profile shares (`provider`, `default`, `timeout`, …) are read here; the rest
//! of a profile belongs to its gateway and is parsed by `provider::ProviderConfig`
//! with unknown keys refused, so a typo like `tokne` cannot silently drop a credential.

pub mod defaults;
mod resolve;
mod select;

pub use resolve::{
    default_path, resolve, Env, Inputs, Overrides, Resolution, ResolvedProfile, Settings,
};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

use crate::provider::ProviderConfig;

/// Everything wrong with a config file or a profile choice. Exit code 3.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ConfigError(pub String);

fn err<T>(msg: impl Into<String>) -> Result<T, ConfigError> {
    Err(ConfigError(msg.into()))
}

/// Keys any profile may carry, whatever its gateway.
pub const COMMON_KEYS: &[&str] = &[
    "provider",
    "default",
    "timeout",
    "retries",
    "allow_insecure_http",
    "max_body_size",
    "concurrency",
    "ca_file",
];

#[derive(Debug, Clone, Default, Deserialize)]
pub struct Common {
    #[serde(default)]
    pub default: bool,
    #[serde(default, deserialize_with = "de_duration")]
    pub timeout: Option<Duration>,
    pub retries: Option<u32>,
    #[serde(default)]
    pub allow_insecure_http: bool,
    pub max_body_size: Option<u64>,
    pub concurrency: Option<usize>,
    /// A PEM bundle of CAs to trust for this gateway (`~/` and relative paths
    /// as for secret files).
    pub ca_file: Option<PathBuf>,
}

/// One `[profiles.NAME]` table.
#[derive(Debug, Clone)]
pub struct Profile {
    pub name: String,
    pub common: Common,
    pub provider: ProviderConfig,
}

#[derive(Debug)]
pub struct Config {
    pub path: PathBuf,
    pub default_profile: Option<String>,
    pub profiles: BTreeMap<String, Profile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    default_profile: Option<String>,
    #[serde(default)]
    profiles: BTreeMap<String, toml::Spanned<BTreeMap<String, toml::Spanned<toml::Value>>>>,
}

impl Config {
    /// Load the file at `path` (found by `resolve`).
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return err(format!(
                    "no config file at {}; add a profile with `wa-inbox profiles add` (it asks for \
                     the gateway and its keys), or try wa-inbox without an account: \
                     `wa-inbox --demo chats overview`",
                    path.display()
                ))
            }
            Err(e) => return err(format!("cannot read {}: {e}", path.display())),
        };
        Config::parse(&text, path)
    }

    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let raw: RawFile = toml::from_str(text).map_err(|e| toml_error(path, text, e))?;
        let mut profiles = BTreeMap::new();
        for (name, spanned) in raw.profiles {
            let header = spanned.span().start;
            let keys = spanned.into_inner();
            let spans: BTreeMap<String, usize> = keys
                .iter()
                .map(|(k, v)| (k.clone(), v.span().start))
                .collect();
            let table: toml::Table = keys.into_iter().map(|(k, v)| (k, v.into_inner())).collect();
            let profile = parse_profile(&name, table).map_err(|e| {
                // Point at the offending key's line where we know it, else at the table header.
                let (line, col) = line_col(
                    text,
                    e.key.and_then(|k| spans.get(&k).copied()).unwrap_or(header),
                );
                ConfigError(format!(
                    "{}:{line}:{col}: profile `{name}`: {}",
                    path.display(),
                    e.message
                ))
            })?;
            profiles.insert(name, profile);
        }
        let config = Config {
            path: path.to_owned(),
            default_profile: raw.default_profile,
            profiles,
        };
        if let Some(d) = &config.default_profile {
            if !config.profiles.contains_key(d) {
                return err(format!(
                    "{}: default_profile = \"{d}\" names no profile; profiles: {}",
                    path.display(),
                    config.names()
                ));
            }
        }
        Ok(config)
    }

    /// Folder against which relative secret files are read.
    pub fn base_dir(&self) -> PathBuf {
        self.path.parent().map(Path::to_owned).unwrap_or_default()
    }

    /// Whether any profile holds a secret written literally in the file.
    pub fn has_literal_secrets(&self) -> bool {
        self.profiles
            .values()
            .any(|p| p.provider.secrets().iter().any(|(_, s)| s.is_literal()))
    }
}

/// Why a profile table was refused, and which key, when one is to blame.
struct ProfileError {
    key: Option<String>,
    message: String,
}

fn parse_profile(name: &str, mut table: toml::Table) -> Result<Profile, ProfileError> {
    let whole = |message: String| ProfileError { key: None, message };
    let provider = match table.get("provider") {
        Some(toml::Value::String(p)) => p.clone(),
        Some(_) => {
            return Err(ProfileError {
                key: Some("provider".into()),
                message: "`provider` must be a string".into(),
            })
        }
        None => {
            return Err(whole(format!(
                "missing `provider` (one of: {})",
                crate::gateways::NAMES.join(", ")
            )))
        }
    };
    let mut common_table = toml::Table::new();
    for key in COMMON_KEYS {
        if let Some(v) = table.remove(*key) {
            common_table.insert((*key).to_owned(), v);
        }
    }
    common_table.remove("provider");
    let parse_common = |t: toml::Table| {
        toml::Value::Table(t)
            .try_into::<Common>()
            .map_err(|e: toml::de::Error| e.message().trim().to_owned())
    };
    let common = parse_common(common_table.clone()).map_err(|message| ProfileError {
        key: culprit(&common_table, &message, |t| parse_common(t).map(drop)),
        message,
    })?;
    if !crate::gateways::NAMES.contains(&provider.as_str()) {
        return Err(ProfileError {
            key: Some("provider".into()),
            message: format!(
                "unknown provider \"{provider}\" (one of: {})",
                crate::gateways::NAMES.join(", ")
            ),
        });
    }
    let provider =
        ProviderConfig::from_table(&provider, table.clone()).map_err(|message| ProfileError {
            key: culprit(&table, &message, |t| {
                ProviderConfig::from_table(&provider, t).map(drop)
            }),
            message,
        })?;
    Ok(Profile {
        name: name.to_owned(),
        common,
        provider,
    })
}

/// The key behind a deserialisation error: the one the message names
/// (`unknown field `x``), else the one that fails on its own (type errors
/// carry no key name).
fn culprit(
    table: &toml::Table,
    message: &str,
    parse: impl Fn(toml::Table) -> Result<(), String>,
) -> Option<String> {
    if let Some(named) = message.split('`').nth(1).filter(|k| table.contains_key(*k)) {
        return Some(named.to_owned());
    }
    table.iter().find_map(|(k, v)| {
        let alone: toml::Table = [(k.clone(), v.clone())].into_iter().collect();
        match parse(alone) {
            Err(m) if !m.starts_with("missing field") => Some(k.clone()),
            _ => None,
        }
    })
}

/// The profile's `timeout`: seconds as a number (`30`, `1.5`) or a string
/// with a unit (`"30s"`), by the same rules as `--timeout` (`duration.rs`).
fn de_duration<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Duration>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Secs(f64),
        Text(String),
    }
    let parsed = match Raw::deserialize(d)? {
        Raw::Secs(s) => crate::duration::seconds(s).map_err(|e| format!("bad timeout {s}: {e}")),
        Raw::Text(t) => {
            crate::duration::timeout(&t).map_err(|e| format!("bad timeout \"{t}\": {e}"))
        }
    };
    parsed.map(Some).map_err(serde::de::Error::custom)
}

fn toml_error(path: &Path, text: &str, e: toml::de::Error) -> ConfigError {
    let at = match e.span() {
        Some(span) => {
            let (line, col) = line_col(text, span.start);
            format!("{}:{line}:{col}", path.display())
        }
        None => path.display().to_string(),
    };
    ConfigError(format!("{at}: {}", e.message().trim()))
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

#[cfg(test)]
mod tests;
