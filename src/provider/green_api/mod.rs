//! Green API, PROVIDERS.md §3.
//!
//! Both credentials travel in the URL path
//! (`{api_url}/waInstance{id_instance}/{method}/{api_token_instance}`), so both
//! are registered for redaction before any request is built. `getChats` is a
//! top-N list without unread counts, times or last messages: `list` is one call,
//! `overview` adds the incoming and outgoing message journals over the `--since`
//! window (the newest entry per chat gives the preview and the activity time),
//! and `unread` is unsupported. Green limits each method to about one request a
//! second and answers 466 when the plan's quota is spent; calls are paced per
//! method here so the limiter never has to refuse us.

mod convert;
mod messages;
mod pacer;
mod read;
mod wire;

use std::collections::HashMap;
use std::time::Duration;

use serde::Deserialize;

use super::body::ErrorBody;
use super::bounded::{List, MAX_ENTRIES};
use super::http::{Http, Req};
use super::{
    default_class, BuildEnv, Capabilities, Class, Operations, Order, Page, PageAt, Paging,
    Provider, ProviderError, Query, SortKey, Support, UnreadSupport, View,
};
use crate::chat::{Chat, LastMessage};
use crate::secret::{Secret, SecretSource};
use convert::{chat, newest_per_chat};
use pacer::Pacer;

const NAME: &str = "green-api";
const GATEWAY: &str = "Green API";
/// Documented for the journals; assumed for `getChats` (UNCONFIRMED, §3).
const MIN_INTERVAL: Duration = Duration::from_secs(1);

/// `[profiles.NAME]` keys for `provider = "green-api"`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Your instance's apiUrl (Green API console), e.g. https://7105.api.greenapi.com
    #[schemars(extend("format" = "uri", "default" = DEFAULT_URL))]
    pub api_url: Option<String>,
    /// The instance's idInstance (Green API console)
    // The console shows a number; accept it quoted or not.
    #[serde(deserialize_with = "string_or_number")]
    #[schemars(with = "String")]
    pub id_instance: String,
    /// The instance's apiTokenInstance (Green API console)
    pub api_token_instance: SecretSource,
}

/// Green API's general host (an instance's own apiUrl is faster).
const DEFAULT_URL: &str = "https://api.green-api.com";

fn string_or_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Id {
        Text(String),
        Number(u64),
    }
    Ok(match Id::deserialize(d)? {
        Id::Text(s) => s,
        Id::Number(n) => n.to_string(),
    })
}

impl Config {
    pub fn base_url(&self) -> String {
        self.api_url
            .clone()
            .unwrap_or_else(|| DEFAULT_URL.to_owned())
    }

    pub fn secrets(&self) -> Vec<(&'static str, &SecretSource)> {
        vec![("api_token_instance", &self.api_token_instance)]
    }
}

pub struct GreenApi {
    http: Http,
    profile: String,
    instance: String,
    token: Secret,
    /// When each method last finished, for pacing.
    pacer: Pacer,
}

impl GreenApi {
    pub fn new(cfg: &Config, env: &BuildEnv) -> Result<GreenApi, ProviderError> {
        let instance = env.required("id_instance", &cfg.id_instance)?;
        // NOTE: the instance id is half of the credential in the URL path: redact it too.
        crate::redact::register_secret(&instance);
        let token = env.secret("api_token_instance")?;
        Ok(GreenApi {
            http: Http::new(&cfg.base_url(), GATEWAY, classify, env.http.clone())?,
            profile: env.profile.clone(),
            instance,
            token,
            pacer: Pacer::default(),
        })
    }

    fn path(&self, method: &str) -> String {
        format!(
            "/waInstance{}/{method}/{}",
            super::path_segment(&self.instance),
            super::path_segment(self.token.expose())
        )
    }

    /// GET `method`, paced, with hints on errors; a list in the answer holds
    /// at most `cap` entries.
    async fn call<T: serde::de::DeserializeOwned>(
        &self,
        method: &'static str,
        query: &[(&str, String)],
        cap: usize,
    ) -> Result<T, ProviderError> {
        let mut req = Req::get(self.path(method));
        for (k, v) in query {
            req = req.query(k, v);
        }
        self.paced(method, req, cap).await
    }

    /// A read-only POST of `body` to `method`, paced like `call`.
    async fn post<T: serde::de::DeserializeOwned>(
        &self,
        method: &'static str,
        body: &serde_json::Value,
        cap: usize,
    ) -> Result<T, ProviderError> {
        let req = Req::post_json(self.path(method), body).read_only();
        self.paced(method, req, cap).await
    }

    /// Send `req` for `method`, at most once per `MIN_INTERVAL` per method.
    async fn paced<T: serde::de::DeserializeOwned>(
        &self,
        method: &'static str,
        req: Req,
        cap: usize,
    ) -> Result<T, ProviderError> {
        let result = self
            .pacer
            .run(method, MIN_INTERVAL, self.http.json_page(req, cap));
        result.await.map_err(hint)
    }

    /// The newest journal entry per chat (normalised JID) over the `since` window.
    async fn journals(
        &self,
        since: Duration,
    ) -> Result<HashMap<String, LastMessage>, ProviderError> {
        let minutes = since.as_secs().div_ceil(60).max(1).to_string();
        let q = [("minutes", minutes)];
        let incoming: List<wire::Entry> =
            self.call("lastIncomingMessages", &q, MAX_ENTRIES).await?;
        let outgoing: List<wire::Entry> =
            self.call("lastOutgoingMessages", &q, MAX_ENTRIES).await?;
        Ok(newest_per_chat(incoming.0.into_iter().chain(outgoing.0)))
    }
}

/// Add what to check to the errors whose cause is usually the profile.
fn hint(e: ProviderError) -> ProviderError {
    match e {
        ProviderError::Status {
            gateway,
            endpoint,
            status,
            class,
            message,
            code,
        } => {
            let extra = match (status, class) {
                (401, _) => "; check api_token_instance",
                (403, _) => "; check id_instance and api_url",
                (400, Class::NotFound) if message.to_lowercase().contains("authorized") => {
                    "; scan the QR code in the Green API console"
                }
                _ => "",
            };
            ProviderError::Status {
                gateway,
                endpoint,
                status,
                class,
                message: format!("{message}{extra}"),
                code,
            }
        }
        e => e,
    }
}

impl Provider for GreenApi {
    const OPERATIONS: Operations = Operations {
        list_chats: Support::Yes,
        messages: Support::Yes,
        mark_read: Support::Yes,
    };

    fn http(&self) -> &Http {
        &self.http
    }

    crate::provider::mark_read::mark_read_operation!();

    fn capabilities(&self, view: View) -> Capabilities {
        Capabilities {
            gateway: GATEWAY,
            paging: Paging::Single,
            // One call returns the top N or everything.
            max_page_size: u32::MAX,
            filter_archived: false,
            reports_archived: true,
            filter_has_media: false,
            filter_search: false,
            sorts: &[],
            native_order: Some((SortKey::Activity, Order::Desc)),
            unread: UnreadSupport::No("Green API does not report unread counts"),
            uses_since: view == View::Overview,
        }
    }

    async fn page(&self, q: &Query, _at: PageAt, size: Option<u32>) -> Result<Page, ProviderError> {
        let query: Vec<(&str, String)> =
            size.map(|n| ("count", n.to_string())).into_iter().collect();
        let cap = size.map_or(MAX_ENTRIES, |n| n as usize);
        let list: List<wire::Chat> = self.call("getChats", &query, cap).await?;
        let list = list.0;
        if list.is_empty() {
            crate::diag::trace(
                "Green API returned no chats; its docs list an empty getChats as a fault \
                 (contact Green API support if the account has chats)",
            );
        }
        let mut chats: Vec<Chat> = list.into_iter().map(|w| chat(&self.profile, w)).collect();
        // The journals are read here, not in `enrich`, so a client-side sort by
        // activity already sees the times they give. Journal chats missing from
        // getChats are ignored.
        if q.view == View::Overview && !chats.is_empty() {
            let newest = self.journals(q.since).await?;
            for c in &mut chats {
                if let Some(m) = c.jid.as_ref().and_then(|j| newest.get(j)) {
                    c.last_activity_at = m.at;
                    c.last_message = Some(m.clone());
                }
            }
        }
        Ok(Page {
            chats,
            total: None,
            next_cursor: None,
        })
    }

    super::messages::messages_operation!();

    async fn check(&self) -> Result<String, ProviderError> {
        let state: wire::State = self.call("getStateInstance", &[], MAX_ENTRIES).await?;
        Ok(match state.state_instance {
            Some(s) => format!("Green API answered: instance {s}"),
            None => "Green API answered".to_owned(),
        })
    }
}

/// PROVIDERS.md §10.3 (Green API). The 400 texts decide; text vs JSON is UNCONFIRMED,
/// so only the message is read.
fn classify(status: u16, body: &ErrorBody) -> Class {
    match status {
        400 if body.mentions("expired") => Class::Auth,
        400 if body.mentions("starting")
            || body.mentions("not authorized")
            || body.mentions("is deleted") =>
        {
            Class::NotFound
        }
        400 => Class::BadRequest,
        // A wrong HTTP method, not a missing instance (that is 403).
        404 => Class::BadRequest,
        // Plan quota: never retried (the HTTP layer retries only 429/499/502–504).
        466 => Class::RateLimited,
        _ => default_class(status),
    }
}

#[cfg(test)]
mod tests;
