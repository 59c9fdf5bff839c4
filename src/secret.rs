//! Secrets: where a credential comes from (a literal, an environment variable,
//! a shell command, a file) and the `Secret` type that holds its value.
//!
//! `Secret` prints as `***` from both `Debug` and `Display`; the value leaves
//! it only through `expose()`, which only request builders call. A
//! `SecretSource` describes its origin (`env:GREEN_TOKEN`), never its value.
//!
//! A leaf beside `config/` rather than inside it: the profile schema (config)
//! and each gateway's keys (provider) both name `SecretSource`, and provider/
//! must not import config/ (config parses gateway tables through provider/).

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

mod read;
#[cfg(test)]
mod tests;

pub use read::MAX_BYTES;

/// A credential as written in a profile: a string, or a table with exactly
/// one of `env`, `command`, `file` (anything else is refused, naming them).
#[derive(Clone, PartialEq)]
pub enum SecretSource {
    Literal(String),
    Env { env: String },
    Command { command: String },
    File { file: PathBuf },
}

const KEYS: &str = "exactly one of `env`, `command` or `file`";

impl<'de> Deserialize<'de> for SecretSource {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = SecretSource;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                write!(f, "a string, or a table with {KEYS}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<SecretSource, E> {
                Ok(SecretSource::Literal(v.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<SecretSource, A::Error> {
                let mut found: Option<(String, SecretSource)> = None;
                while let Some(key) = map.next_key::<String>()? {
                    let value: String = map.next_value()?;
                    let source = match key.as_str() {
                        "env" => SecretSource::Env { env: value },
                        "command" => SecretSource::Command { command: value },
                        "file" => SecretSource::File { file: value.into() },
                        other => {
                            return Err(de::Error::custom(format!(
                                "unknown key `{other}` in a secret table: use {KEYS}"
                            )))
                        }
                    };
                    if let Some((first, _)) = &found {
                        return Err(de::Error::custom(format!(
                            "a secret table takes {KEYS}, not both `{first}` and `{key}`"
                        )));
                    }
                    found = Some((key, source));
                }
                found
                    .map(|(_, s)| s)
                    .ok_or_else(|| de::Error::custom(format!("an empty secret table: use {KEYS}")))
            }
        }
        d.deserialize_any(V)
    }
}

/// The profile schema of a secret key (`profiles add` finds secret keys by it).
impl schemars::JsonSchema for SecretSource {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "SecretSource".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let from = |key: &str, what: &str| {
            serde_json::json!({
                "type": "object",
                "description": what,
                "properties": { key: { "type": "string" } },
                "required": [key],
                "additionalProperties": false
            })
        };
        schemars::json_schema!({
            "description": "A secret: the value itself (stored in the file), or where it comes from",
            "oneOf": [
                { "type": "string", "description": "the value, in plain text" },
                from("env", "an environment variable"),
                from("command", "a shell command; the first line of its output, trimmed"),
                from("file", "a file's contents, trimmed (relative paths: next to the config file)")
            ]
        })
    }
}

impl std::fmt::Debug for SecretSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe())
    }
}

impl SecretSource {
    /// Where the value comes from, safe to print: `literal`, `env:VAR`, `command`, `file:PATH`.
    pub fn describe(&self) -> String {
        match self {
            SecretSource::Literal(_) => "literal (in the config file)".to_owned(),
            SecretSource::Env { env } => format!("env:{env}"),
            SecretSource::Command { .. } => "command".to_owned(),
            SecretSource::File { file } => format!("file:{}", file.display()),
        }
    }

    pub fn is_literal(&self) -> bool {
        matches!(self, SecretSource::Literal(_))
    }

    /// Resolve the value. `key` names the profile key in errors; `base` is the
    /// config file's folder, against which a relative `file` is read; a
    /// command or file that takes longer than `timeout` is given up on (a
    /// command is killed with every process it started). A command's first
    /// line is the secret (as `pass show` prints it); any other value must be
    /// one line without control characters, as a header or URL can carry it.
    pub fn resolve(&self, key: &str, base: &Path, timeout: Duration) -> Result<Secret, String> {
        let secs = timeout.as_secs_f32();
        let failed = |what: &str, e: read::Failed| match e {
            read::Failed::TimedOut => format!(
                "`{key}`: {what} did not finish within {secs}s and was stopped; \
                 raise `timeout` in the profile if it needs longer"
            ),
            read::Failed::TooLarge => format!(
                "`{key}`: {what} gave more than {} KiB; a secret is one short line",
                MAX_BYTES / 1024
            ),
            read::Failed::Status { code, stderr } => {
                let code = code.map_or("killed by a signal".to_owned(), |c| format!("exit {c}"));
                match crate::redact::line(&stderr, 200) {
                    last if last.is_empty() => format!("`{key}`: {what} failed ({code})"),
                    last => format!("`{key}`: {what} failed ({code}): {last}"),
                }
            }
            read::Failed::NotUtf8 => format!("`{key}`: {what} gave something that is not UTF-8"),
            read::Failed::Io(e) => format!("`{key}`: cannot read {what}: {e}"),
        };
        let value = match self {
            SecretSource::Literal(v) => v.clone(),
            SecretSource::Env { env } => std::env::var(env)
                .map_err(|_| format!("`{key}` comes from ${env}, which is not set"))?,
            SecretSource::Command { command } => read::command(command, timeout)
                .map_err(|e| failed("its command", e))?
                .lines()
                .next()
                .unwrap_or("")
                .trim()
                .to_owned(),
            SecretSource::File { file } => {
                let path = expand_home(file, base);
                read::file(&path, timeout)
                    .map_err(|e| failed(&path.display().to_string(), e))?
                    .trim()
                    .to_owned()
            }
        };
        if value.is_empty() {
            return Err(format!(
                "`{key}` resolved to an empty value ({})",
                self.describe()
            ));
        }
        if value.chars().any(char::is_control) {
            return Err(format!(
                "`{key}` ({}) holds a line break or a control character, which no HTTP header \
                 or URL can carry; keep the secret alone on one line",
                self.describe()
            ));
        }
        Ok(Secret(value))
    }
}

/// `~/x` is relative to HOME; a relative path is relative to the config file's folder.
pub fn expand_home(path: &Path, base: &Path) -> PathBuf {
    if let Ok(rest) = path.strip_prefix("~") {
        if let Some(home) = std::env::var_os("HOME") {
            return PathBuf::from(home).join(rest);
        }
    }
    if path.is_relative() {
        base.join(path)
    } else {
        path.to_owned()
    }
}

/// A resolved credential. Never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The value, for building a request. Nothing else should call this.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("***")
    }
}

impl std::fmt::Display for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("***")
    }
}
