//! `profiles add` on a terminal: asks for what the flags leave out — the
//! name, the gateway, its URL and keys (from its profile schema), where each
//! secret comes from — checks the profile, and on a failed check offers to
//! enter the values again or to save it anyway (both "no" by default: then
//! nothing is written and the check's exit code ends the run).

use super::flags::{self, valid_name};
use super::secret;
use super::{check, save, Draft, Target};
use crate::cli::{AddArgs, KeyValue};
use crate::config::Overrides;
use crate::exit::{Exit, UsageError};
use crate::gateways::NAMES;
use crate::output::prompt::Prompt;
use crate::provider::http::{base_url_problem, remote_plain_http};
use crate::provider::keys::{self, Key, KeyKind};

pub async fn run(
    p: &Prompt,
    args: &AddArgs,
    target: &Target,
    overrides: &Overrides,
) -> anyhow::Result<Exit> {
    let new = if target.config.is_some() {
        ""
    } else {
        " (a new file)"
    };
    p.say(&format!(
        "Adding a profile to {}{new}.",
        target.path.display()
    ));
    let name = name(p, args, target)?;
    // The flags answer the first round; entering the values again asks everything.
    let mut flags = Some(args);
    let mut previous: Option<Draft> = None;
    loop {
        let draft = answers(p, flags, target, &name, previous.as_ref())?;
        let (_, config) = target.with(&draft, false)?;
        if !args.no_check {
            p.say("Checking the profile (one call to the gateway)…");
            match check(&config, &name, overrides).await {
                Ok(detail) => p.say(&format!("ok: {detail}")),
                Err(e) => {
                    p.say(&format!("The check failed: {}", crate::exit::one_line(&e)));
                    if p.confirm("Enter the values again?", false)? {
                        flags = None;
                        previous = Some(draft);
                        continue;
                    }
                    if !p.confirm("Save the profile anyway?", false)? {
                        return Err(e.context(format!(
                            "profile `{name}` failed its check; nothing was written to {}",
                            target.path.display()
                        )));
                    }
                }
            }
        }
        let make_default = match target.default_unasked(&name, args.default) {
            Some(decided) => decided,
            None => p.confirm(
                &format!("Make `{name}` the default profile (used without -p)?"),
                false,
            )?,
        };
        let (doc, config) = target.with(&draft, make_default)?;
        return save(target, &doc, &config, &name);
    }
}

/// The name from the command line or asked for; replacing a profile takes
/// `--force` or a yes.
fn name(p: &Prompt, args: &AddArgs, target: &Target) -> anyhow::Result<String> {
    let replace = |n: &str| {
        p.confirm(
            &format!(
                "Profile `{n}` exists in {}: replace it?",
                target.path.display()
            ),
            false,
        )
    };
    if let Some(n) = &args.name {
        if target.has(n) && !args.force && !replace(n)? {
            return Err(UsageError(format!(
                "profile `{n}` already exists in {}; nothing was written (--force replaces it)",
                target.path.display()
            ))
            .into());
        }
        return Ok(n.clone());
    }
    loop {
        let n = p.text("Profile name", None, valid_name)?;
        if !target.has(&n) || args.force || replace(&n)? {
            return Ok(n);
        }
    }
}

/// One round of answers: the flags' values where given, else a question
/// (offering the previous round's answer, or the gateway's default).
fn answers(
    p: &Prompt,
    flags: Option<&AddArgs>,
    target: &Target,
    name: &str,
    previous: Option<&Draft>,
) -> anyhow::Result<Draft> {
    let gateway = match flags.and_then(|a| a.provider.as_deref()) {
        Some(g) => NAMES.iter().find(|n| **n == g).copied(),
        None => None,
    };
    let gateway = match gateway {
        Some(g) => g,
        None => {
            let items: Vec<String> = NAMES.iter().map(|n| n.to_string()).collect();
            let at = previous
                .and_then(|d| NAMES.iter().position(|n| *n == d.gateway))
                .unwrap_or(0);
            NAMES[p.choose("Gateway", &items, at)?]
        }
    };
    let given = match flags {
        Some(a) => flags::given(a, gateway)?,
        None => Vec::new(),
    };
    let earlier = |key: &str| {
        previous
            .filter(|d| d.gateway == gateway)
            .and_then(|d| d.values.iter().find(|(k, _)| k == key))
            .map(|(_, v)| v.clone())
    };
    let mut draft = Draft {
        name: name.to_owned(),
        gateway,
        values: Vec::new(),
        ca_file: flags.and_then(|a| a.ca_file.clone()),
        allow_insecure_http: flags.is_some_and(|a| a.allow_insecure_http),
    };
    for key in keys::keys(gateway) {
        let value = match given.iter().find(|(k, _)| *k == key.name) {
            Some((_, v)) => Some(v.clone()),
            None if key.url => Some(url(p, &key, earlier(&key.name), &mut draft)?),
            None => match &key.kind {
                KeyKind::Secret => secret::ask(p, &key, gateway, target, earlier(&key.name))?,
                KeyKind::Choice(choices) => choice(p, &key, choices, earlier(&key.name))?,
                KeyKind::Text => text(p, &key, earlier(&key.name))?,
            },
        };
        if let Some(v) = value {
            draft.values.push((key.name.clone(), v));
        }
    }
    Ok(draft)
}

fn text_of(v: Option<KeyValue>) -> Option<String> {
    match v {
        Some(KeyValue::Text(t)) => Some(t),
        _ => None,
    }
}

/// The gateway's URL; plain http to another machine needs a yes, and an
/// https URL of one's own may name a private CA.
fn url(
    p: &Prompt,
    key: &Key,
    earlier: Option<KeyValue>,
    draft: &mut Draft,
) -> anyhow::Result<KeyValue> {
    let mut default = text_of(earlier).or(key.default.clone());
    p.hint(&key.about);
    loop {
        let url = p.text(&key.name, default.as_deref(), |s| {
            base_url_problem(s).map_or(Ok(()), Err)
        })?;
        if let Some(host) = remote_plain_http(&url) {
            let plain = draft.allow_insecure_http
                || p.confirm(
                    &format!(
                        "{host} is another machine and http is not encrypted: send the \
                         credentials in plain text anyway (allow_insecure_http = true)?"
                    ),
                    false,
                )?;
            if !plain {
                default = Some(url.replacen("http://", "https://", 1));
                continue;
            }
            draft.allow_insecure_http = true;
        }
        // A URL of one's own (not the gateway's usual one) may sit behind a private CA.
        let own = key.default.as_deref() != Some(url.as_str());
        if own && url.starts_with("https://") && draft.ca_file.is_none() {
            p.hint("A PEM file of the CA that signed its certificate, for a private CA");
            let ca = p.text("ca_file (Enter: none, the usual CAs)", None, |_| Ok(()))?;
            draft.ca_file = (!ca.is_empty()).then(|| ca.into());
        }
        return Ok(KeyValue::Text(url));
    }
}

fn text(p: &Prompt, key: &Key, earlier: Option<KeyValue>) -> anyhow::Result<Option<KeyValue>> {
    let default = text_of(earlier).or(key.default.clone());
    let optional = if key.required || default.is_some() {
        ""
    } else {
        " (Enter: not set)"
    };
    p.hint(&key.about);
    let answer = p.text(
        &format!("{}{optional}", key.name),
        default.as_deref(),
        |s| {
            if key.required && s.is_empty() {
                Err(format!("a profile of this gateway needs `{}`", key.name))
            } else {
                Ok(())
            }
        },
    )?;
    Ok((!answer.is_empty()).then_some(KeyValue::Text(answer)))
}

fn choice(
    p: &Prompt,
    key: &Key,
    choices: &[String],
    earlier: Option<KeyValue>,
) -> anyhow::Result<Option<KeyValue>> {
    let mut items = choices.to_vec();
    let unset = !key.required && key.default.is_none();
    if unset {
        items.push("(not set)".to_owned());
    }
    let wanted = text_of(earlier).or(key.default.clone());
    let at = wanted
        .and_then(|w| choices.iter().position(|c| *c == w))
        .unwrap_or(0);
    p.hint(&key.about);
    let picked = p.choose(&key.name, &items, at)?;
    Ok(choices.get(picked).map(|c| KeyValue::Text(c.clone())))
}
