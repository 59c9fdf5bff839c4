//! `profiles add` on a terminal, for a secret key: where its value comes
//! from — an environment variable, a command, a file, or typed in (hidden,
//! then stored in plain text in the config file, with a warning) — offering
//! the previous round's answer.

use super::Target;
use crate::cli::KeyValue;
use crate::output::prompt::Prompt;
use crate::provider::keys::Key;
use crate::secret::SecretSource;

/// Where a secret comes from, and its value only when typed in (hidden).
pub fn ask(
    p: &Prompt,
    key: &Key,
    gateway: &str,
    target: &Target,
    earlier: Option<KeyValue>,
) -> anyhow::Result<Option<KeyValue>> {
    let earlier = match earlier {
        Some(KeyValue::Secret(s)) => Some(s),
        _ => None,
    };
    let mut items = vec![
        "environment variable".to_owned(),
        "command (e.g. pass show …)".to_owned(),
        "file".to_owned(),
        "type it in (stored in plain text in the config file)".to_owned(),
    ];
    if !key.required {
        items.push("none (not needed)".to_owned());
    }
    let at = match &earlier {
        Some(SecretSource::Env { .. }) | None => 0,
        Some(SecretSource::Command { .. }) => 1,
        Some(SecretSource::File { .. }) => 2,
        Some(SecretSource::Literal(_)) => 3,
    };
    p.hint(&key.about);
    let label = format!("{}: where from?", key.name);
    let non_empty = |s: &str| {
        if s.is_empty() {
            Err("it is empty".to_owned())
        } else {
            Ok(())
        }
    };
    let source = match p.choose(&label, &items, at)? {
        0 => {
            let suggested = format!("{gateway}_{}", key.name)
                .to_uppercase()
                .replace('-', "_");
            let default = match &earlier {
                Some(SecretSource::Env { env }) => env.clone(),
                _ => suggested,
            };
            let env = p.text("Environment variable", Some(&default), |s| {
                if !s.is_empty()
                    && !s.starts_with(|c: char| c.is_ascii_digit())
                    && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                {
                    Ok(())
                } else {
                    Err("letters, digits and _, not starting with a digit".to_owned())
                }
            })?;
            if std::env::var_os(&env).is_none_or(|v| v.is_empty()) {
                p.say(&format!(
                    "${env} is not set here: set it where wa-inbox runs."
                ));
            }
            SecretSource::Env { env }
        }
        1 => {
            let default = match &earlier {
                Some(SecretSource::Command { command }) => Some(command.as_str()),
                _ => None,
            };
            let command = p.text("Command", default, non_empty)?;
            SecretSource::Command { command }
        }
        2 => {
            let default = match &earlier {
                Some(SecretSource::File { file }) => Some(file.display().to_string()),
                _ => None,
            };
            let file = p.text(
                "File (~/ works; a relative path is next to the config file)",
                default.as_deref(),
                non_empty,
            )?;
            SecretSource::File { file: file.into() }
        }
        3 => {
            p.say(&format!(
                "Warning: `{}` will be stored in plain text in {} (mode 600). An environment \
                 variable, a command (pass, a keyring) or a file keeps it out of the config.",
                key.name,
                target.path.display()
            ));
            SecretSource::Literal(p.hidden(&format!("{} (hidden)", key.name))?)
        }
        _ => return Ok(None),
    };
    Ok(Some(KeyValue::Secret(source)))
}
