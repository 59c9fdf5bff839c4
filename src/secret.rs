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
use std::process::{Command, Stdio};

use serde::Deserialize;

/// A credential as written in a profile.
#[derive(Clone, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum SecretSource {
    Literal(String),
    Env { env: String },
    Command { command: String },
    File { file: PathBuf },
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
    /// config file's folder, against which a relative `file` is read.
    pub fn resolve(&self, key: &str, base: &Path) -> Result<Secret, String> {
        let value = match self {
            SecretSource::Literal(v) => v.clone(),
            SecretSource::Env { env } => std::env::var(env)
                .map_err(|_| format!("`{key}` comes from ${env}, which is not set"))?,
            SecretSource::Command { command } => run_command(key, command)?,
            SecretSource::File { file } => {
                let path = expand_home(file, base);
                std::fs::read_to_string(&path)
                    .map_err(|e| format!("`{key}`: cannot read {}: {e}", path.display()))?
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
        Ok(Secret(value))
    }
}

fn run_command(key: &str, command: &str) -> Result<String, String> {
    let (shell, flag) = if cfg!(windows) {
        ("cmd", "/C")
    } else {
        ("sh", "-c")
    };
    let out = Command::new(shell)
        .args([flag, command])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .map_err(|e| format!("`{key}`: cannot run its command: {e}"))?;
    if !out.status.success() {
        let code = out
            .status
            .code()
            .map_or("a signal".to_owned(), |c| format!("exit {c}"));
        return Err(format!("`{key}`: its command failed ({code})"));
    }
    let text = String::from_utf8(out.stdout)
        .map_err(|_| format!("`{key}`: its command printed something that is not UTF-8"))?;
    Ok(text.trim().to_owned())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn src(toml_value: &str) -> SecretSource {
        #[derive(Deserialize)]
        struct W {
            s: SecretSource,
        }
        toml::from_str::<W>(&format!("s = {toml_value}")).unwrap().s
    }

    #[test]
    fn secret_never_prints() {
        let s = Secret::new("hunter2");
        assert_eq!(format!("{s} {s:?}"), "*** ***");
        assert_eq!(s.expose(), "hunter2");
        let l = src("\"hunter2\"");
        assert!(!format!("{l:?}").contains("hunter2"));
    }

    #[test]
    fn literal_env_command_file() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            src("\"abc\"")
                .resolve("token", dir.path())
                .unwrap()
                .expose(),
            "abc"
        );

        std::env::set_var("WA_INBOX_TEST_SECRET_ENV", "from-env");
        let e = src("{ env = \"WA_INBOX_TEST_SECRET_ENV\" }");
        assert_eq!(e.resolve("token", dir.path()).unwrap().expose(), "from-env");
        assert_eq!(e.describe(), "env:WA_INBOX_TEST_SECRET_ENV");
        let missing = src("{ env = \"WA_INBOX_TEST_SECRET_UNSET\" }").resolve("token", dir.path());
        assert!(missing.unwrap_err().contains("not set"));

        let c = src("{ command = \"printf '  from-cmd\\n'\" }");
        assert_eq!(c.resolve("token", dir.path()).unwrap().expose(), "from-cmd");
        let bad = src("{ command = \"echo leaked; exit 3\" }").resolve("token", dir.path());
        let err = bad.unwrap_err();
        assert!(err.contains("exit 3") && !err.contains("leaked"), "{err}");

        std::fs::write(dir.path().join("key.txt"), "from-file\n").unwrap();
        let f = src("{ file = \"key.txt\" }");
        assert_eq!(
            f.resolve("token", dir.path()).unwrap().expose(),
            "from-file"
        );
        let nofile = src("{ file = \"nope.txt\" }").resolve("token", dir.path());
        assert!(nofile.unwrap_err().contains("cannot read"));
    }

    #[test]
    fn empty_value_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        assert!(src("\"\"").resolve("token", dir.path()).is_err());
    }
}
