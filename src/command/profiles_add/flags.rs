//! `profiles add` off a terminal: the profile from the flags alone, never a
//! question. Whatever the gateway needs and the flags leave out is a usage
//! error (exit 2) naming the flag to add; a flag of a key the gateway does
//! not have is refused rather than ignored.

use super::{Draft, Target};
use crate::cli::{AddArgs, KeyValue};
use crate::exit::UsageError;
use crate::gateways::NAMES;
use crate::provider::keys::{self, Key, KeyKind};

/// Profile names are what `-p a,b` can name and TOML writes bare.
pub fn valid_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("a profile needs a name".to_owned());
    }
    if !name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(format!(
            "profile name \"{name}\": use letters, digits, - and _ only"
        ));
    }
    Ok(())
}

/// The gateway keys the flags set for `gateway`, in its schema's order; a
/// flag of another gateway's key is refused (exit 2).
pub fn given(args: &AddArgs, gateway: &str) -> Result<Vec<(String, KeyValue)>, UsageError> {
    let keys = keys::keys(gateway);
    for g in &args.keys.given {
        if !keys.iter().any(|k| !k.url && k.name == g.key) {
            let names: Vec<&str> = keys.iter().map(|k| k.name.as_str()).collect();
            return Err(UsageError(format!(
                "{} is not for a {gateway} profile (its keys: {})",
                g.flag,
                names.join(", ")
            )));
        }
    }
    let mut out = Vec::new();
    for key in &keys {
        if key.url {
            if let Some(url) = &args.keys.url {
                out.push((key.name.clone(), KeyValue::Text(url.clone())));
            }
        } else if let Some(g) = args.keys.given.iter().find(|g| g.key == key.name) {
            out.push((key.name.clone(), g.value.clone()));
        }
    }
    Ok(out)
}

/// The flags that set `key`, for "missing …" messages.
pub fn flag_names(key: &Key) -> String {
    let flag = format!("--{}", key.name.replace('_', "-"));
    match key.kind {
        _ if key.url => "--base-url URL".to_owned(),
        KeyKind::Secret => format!("{flag}-env VAR, {flag}-command CMD or {flag}-file PATH"),
        _ => format!("{flag} VALUE"),
    }
}

pub fn draft(args: &AddArgs, target: &Target) -> Result<Draft, UsageError> {
    let name = args.name.clone().ok_or_else(|| {
        UsageError(
            "profiles add needs the profile's NAME when it cannot ask (stdin or stderr is not a \
             terminal): wa-inbox profiles add NAME --provider GATEWAY …"
                .to_owned(),
        )
    })?;
    if target.has(&name) && !args.force {
        return Err(UsageError(format!(
            "profile `{name}` already exists in {}; --force replaces it",
            target.path.display()
        )));
    }
    let gateway = args.provider.as_deref().ok_or_else(|| {
        UsageError(format!(
            "missing --provider GATEWAY (one of: {})",
            NAMES.join(", ")
        ))
    })?;
    let gateway = *NAMES
        .iter()
        .find(|n| **n == gateway)
        .ok_or_else(|| UsageError(format!("unknown gateway {gateway}")))?;
    let mut values = given(args, gateway)?;
    for key in keys::keys(gateway) {
        if values.iter().any(|(k, _)| *k == key.name) {
            continue;
        }
        if key.url {
            // Written even when it is the usual one: the file says where it points.
            let url = key.default.clone().ok_or_else(|| missing(gateway, &key))?;
            values.insert(0, (key.name.clone(), KeyValue::Text(url)));
        } else if key.required {
            return Err(missing(gateway, &key));
        }
    }
    Ok(Draft {
        name,
        gateway,
        values,
        ca_file: args.ca_file.clone(),
        allow_insecure_http: args.allow_insecure_http,
    })
}

fn missing(gateway: &str, key: &Key) -> UsageError {
    let literal = if key.kind == KeyKind::Secret {
        "; its value is not taken from the command line, where ps would show it"
    } else {
        ""
    };
    let mut about = key.about.chars();
    let about: String = about
        .next()
        .map(|c| c.to_lowercase().chain(about).collect())
        .unwrap_or_default();
    UsageError(format!(
        "missing {}: {gateway} profiles need `{}`, {about}{literal}",
        flag_names(key),
        key.name,
    ))
}
