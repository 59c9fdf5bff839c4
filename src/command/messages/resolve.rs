//! CHAT as the user names it → the chat id in the gateway's own spelling
//! (MESSAGES.md §0.9): a JID in any form the chat record knows, a phone
//! number in any human form, or a name — exact (case-insensitive) first,
//! then a unique part of a name — over the profile's chat listing, which is
//! read only for names (once, however many are given: `chats read`). An
//! ambiguous name exits 2 with up to 10 candidates; no match exits 5.

use crate::chat::{Chat, Jid};
use crate::exit::{NotFoundError, UsageError};
use crate::provider::paging::{Chats, Pager};
use crate::provider::{AnyProvider, PageAt, Query, View};
use crate::sanitize;

/// Candidates listed for an ambiguous name.
const MAX_CANDIDATES: usize = 10;

/// The chat to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The id sent to the gateway.
    pub id: String,
    /// The chat's name, when it was found by name.
    pub name: Option<String>,
}

/// What CHAT looks like before any call.
#[derive(Debug, PartialEq, Eq)]
enum Form {
    Jid(Jid),
    Phone(String),
    Name(String),
}

fn classify(input: &str) -> Result<Form, UsageError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(UsageError(
            "CHAT is empty: give a JID, a phone number or a name".to_owned(),
        ));
    }
    if s.contains('@') {
        return Jid::parse(s).map(Form::Jid).ok_or_else(|| {
            UsageError(format!(
                "{} is not a JID (e.g. 6281234567890@s.whatsapp.net, 1203…@g.us)",
                shown(s)
            ))
        });
    }
    let phone_like = s
        .chars()
        .all(|c| c.is_ascii_digit() || " +-().".contains(c))
        && s.chars().filter(char::is_ascii_digit).count() >= 5;
    if !phone_like {
        return Ok(Form::Name(s.to_owned()));
    }
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    let bare = s.trim_start_matches(['(', ' ']);
    if bare.starts_with("00") {
        return Err(UsageError(format!(
            "{} is not a phone number wa-inbox can use: 00 is a dialling prefix; write the number \
             with + and its country code instead (+{})",
            shown(s),
            digits.trim_start_matches('0')
        )));
    }
    if bare.starts_with('0') {
        return Err(UsageError(format!(
            "{} looks like a national number: write it with + and its country code (e.g. +62 812…)",
            shown(s)
        )));
    }
    if !(7..=15).contains(&digits.len()) {
        return Err(UsageError(format!(
            "{} is not a phone number: an international number has 7 to 15 digits",
            shown(s)
        )));
    }
    Ok(Form::Phone(digits))
}

fn shown(s: &str) -> String {
    format!("\"{}\"", sanitize::one_line(s))
}

/// The chat id for a JID in the gateway's spelling: direct chats on
/// `dm_server` (`c.us` or `s.whatsapp.net`), every other server as it is.
fn gateway_id(jid: &Jid, dm_server: &str) -> String {
    match jid.server.as_str() {
        "s.whatsapp.net" => format!("{}@{dm_server}", jid.user),
        _ => jid.to_string(),
    }
}

/// Resolve `input` on `provider`'s profile.
pub async fn resolve(
    provider: &AnyProvider,
    input: &str,
    dm_server: &str,
    concurrency: usize,
) -> anyhow::Result<Target> {
    let mut all = resolve_all(provider, &[input], dm_server, concurrency).await?;
    all.remove(0)
}

/// Resolve each of `inputs` (one result per input, in order); the chat listing is read once,
/// and only when some input is a name. Only a failed listing fails the whole call.
pub async fn resolve_all(
    provider: &AnyProvider,
    inputs: &[&str],
    dm_server: &str,
    concurrency: usize,
) -> anyhow::Result<Vec<anyhow::Result<Target>>> {
    let forms: Vec<Result<Form, UsageError>> = inputs.iter().map(|i| classify(i)).collect();
    let chats = match forms.iter().any(|f| matches!(f, Ok(Form::Name(_)))) {
        true => all_chats(provider, concurrency).await?,
        false => Vec::new(),
    };
    Ok(forms
        .into_iter()
        .map(|form| match form? {
            Form::Jid(j) => Ok(Target {
                id: gateway_id(&j, dm_server),
                name: None,
            }),
            Form::Phone(digits) => Ok(Target {
                id: format!("{digits}@{dm_server}"),
                name: None,
            }),
            Form::Name(name) => pick(&chats, &name).map(|c| Target {
                id: c.id.clone(),
                name: c.name.clone(),
            }),
        })
        .collect())
}

/// Every chat of the profile (the listing the gateway offers, all pages).
async fn all_chats(provider: &AnyProvider, concurrency: usize) -> anyhow::Result<Vec<Chat>> {
    let caps = provider.capabilities(View::List);
    let query = Query::list(crate::config::defaults::SINCE);
    let start = PageAt::first(caps.paging);
    let source = Chats::new(provider, &query);
    let mut pager = Pager::new(&source, start, caps.max_page_size, concurrency);
    let mut chats = Vec::new();
    while let Some(page) = pager.next(None, true).await? {
        chats.extend(page);
    }
    Ok(chats)
}

/// Exact name (case-insensitive) first, then a unique part of a name.
fn pick<'a>(chats: &'a [Chat], name: &str) -> anyhow::Result<&'a Chat> {
    let wanted = name.to_lowercase();
    let lower = |c: &Chat| c.name.as_deref().map(str::to_lowercase);
    let exact: Vec<&Chat> = chats
        .iter()
        .filter(|c| lower(c).as_deref() == Some(&wanted))
        .collect();
    let matches = if exact.is_empty() {
        chats
            .iter()
            .filter(|c| lower(c).is_some_and(|n| n.contains(&wanted)))
            .collect()
    } else {
        exact
    };
    match matches.as_slice() {
        [one] => Ok(one),
        [] => Err(NotFoundError(format!(
            "no chat named {} (looked through {} chats; give a JID or a phone number instead)",
            shown(name),
            chats.len()
        ))
        .into()),
        many => {
            let list: Vec<String> = many
                .iter()
                .take(MAX_CANDIDATES)
                .map(|c| {
                    let n = sanitize::one_line(c.name.as_deref().unwrap_or(""));
                    format!("{n} ({})", c.jid.as_deref().unwrap_or(&c.id))
                })
                .collect();
            let more = many.len().saturating_sub(MAX_CANDIDATES);
            let more = if more > 0 {
                format!("; and {more} more")
            } else {
                String::new()
            };
            Err(UsageError(format!(
                "{} matches {} chats: {}{more}; give more of the name, or the JID",
                shown(name),
                many.len(),
                list.join("; ")
            ))
            .into())
        }
    }
}

#[cfg(test)]
mod tests;
