//! Wawp v2 (hosted, api.wawp.net), PROVIDERS.md §2. Wawp very probably runs
//! WAHA, so its bodies are read by the shared `waha::engine` rules; what is
//! Wawp's own lives here:
//!
//! - credentials are query parameters (`instance_id`, `access_token`) on every
//!   call: the token is in every URL, and is registered for redaction when it
//!   is resolved;
//! - the overview is documented as an object keyed "0", "1", … although the
//!   prose says array: both are accepted (`engine::Items`), for the list too;
//! - `limit`/`offset` are always sent to the overview (WAHA silently pages it
//!   by 20 otherwise), and `sortOrder` goes lowercase (WAHA's engines sort
//!   ascending for anything but exactly `desc`, so Wawp's "DESC" is a trap);
//! - 403 "Quota or Limit Reached" is a rate limit that waiting will not fix.

mod messages;
mod read;

use serde::Deserialize;

use super::body::ErrorBody;
use super::http::{Http, Req};
use super::waha::engine::{self, Dialect, Items};
use super::{
    default_class, BuildEnv, Capabilities, Class, Operations, Order, Page, PageAt, Paging,
    Provider, ProviderError, Query, SortKey, Support, UnreadSupport, View,
};
use crate::chat::Chat;
use crate::secret::{Secret, SecretSource};

pub(in crate::provider) const NAME: &str = "wawp";
pub(in crate::provider) const GATEWAY: &str = "Wawp";
const MAX_LIST_PAGE: u32 = 100;
const MAX_OVERVIEW_PAGE: u32 = 50;

/// `[profiles.NAME]` keys for `provider = "wawp"`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The Wawp API's URL
    #[schemars(extend("format" = "uri", "default" = DEFAULT_URL))]
    pub base_url: Option<String>,
    /// The instance's id (Wawp console, instance settings)
    pub instance_id: String,
    /// The account's access token (Wawp console)
    pub access_token: SecretSource,
}

/// The hosted Wawp API.
const DEFAULT_URL: &str = "https://api.wawp.net";

impl Config {
    pub fn base_url(&self) -> String {
        self.base_url
            .clone()
            .unwrap_or_else(|| DEFAULT_URL.to_owned())
    }

    pub fn secrets(&self) -> Vec<(&'static str, &SecretSource)> {
        vec![("access_token", &self.access_token)]
    }
}

pub struct Wawp {
    http: Http,
    profile: String,
    instance_id: String,
    token: Secret,
}

impl Wawp {
    pub fn new(cfg: &Config, env: &BuildEnv) -> Result<Wawp, ProviderError> {
        let instance_id = env.required("instance_id", &cfg.instance_id)?;
        let token = env.secret("access_token")?;
        Ok(Wawp {
            http: Http::new(&cfg.base_url(), GATEWAY, classify, env.http.clone())?,
            profile: env.profile.clone(),
            instance_id,
            token,
        })
    }

    /// Every call carries the credentials in its query string (§2 "Auth").
    fn req(&self, path: &str) -> Req {
        Req::get(path)
            .query("instance_id", &self.instance_id)
            .query("access_token", self.token.expose())
    }

    async fn list(&self, q: &Query, offset: u64, size: u32) -> Result<Vec<Chat>, ProviderError> {
        let size = size.clamp(1, MAX_LIST_PAGE);
        let mut req = self.req("/v2/chats");
        for (k, v) in engine::sort_params(q.sort) {
            req = req.query(k, v);
        }
        let req = req.query("limit", size).query("offset", offset);
        let items: Items<engine::EngineChat> = self.http.json_page(req, size).await?;
        items
            .0
            .into_iter()
            .map(|w| engine::list_chat(&self.profile, Dialect::Wawp, w))
            .collect::<Result<_, _>>()
            .map_err(|d| bad("GET /v2/chats", d))
    }

    async fn overview(&self, offset: u64, size: u32) -> Result<Vec<Chat>, ProviderError> {
        let size = size.clamp(1, MAX_OVERVIEW_PAGE);
        // NOTE: always send limit/offset: WAHA's overview default page is 20 (§2 trap 3).
        let req = self
            .req("/v2/chats/overview")
            .query("limit", size)
            .query("offset", offset);
        let items: Items<engine::OverviewItem> = self.http.json_page(req, size).await?;
        items
            .0
            .into_iter()
            .map(|w| engine::overview_chat(&self.profile, Dialect::Wawp, w))
            .collect::<Result<_, _>>()
            .map_err(|d| bad("GET /v2/chats/overview", d))
    }
}

fn bad(endpoint: &str, detail: String) -> ProviderError {
    ProviderError::BadResponse {
        gateway: GATEWAY,
        endpoint: endpoint.to_owned(),
        detail,
    }
}

impl Provider for Wawp {
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
        let (max_page_size, sorts): (u32, &'static [SortKey]) = match view {
            // Only `id` sorts as `sort_chats` does (Wawp sorts like WAHA).
            View::List => (MAX_LIST_PAGE, &[SortKey::Id]),
            View::Overview | View::Unread => (MAX_OVERVIEW_PAGE, &[]),
        };
        Capabilities {
            gateway: GATEWAY,
            paging: Paging::Offset { total: false },
            max_page_size,
            filter_archived: false,
            reports_archived: true,
            filter_has_media: false,
            filter_search: false,
            sorts,
            native_order: Some((SortKey::Activity, Order::Desc)),
            unread: UnreadSupport::FromData("this Wawp instance reports no unread counts"),
            uses_since: false,
        }
    }

    async fn page(&self, q: &Query, at: PageAt, size: Option<u32>) -> Result<Page, ProviderError> {
        let offset = at.offset();
        let chats = match q.view {
            View::List => self.list(q, offset, size.unwrap_or(MAX_LIST_PAGE)).await?,
            View::Overview | View::Unread => {
                self.overview(offset, size.unwrap_or(MAX_OVERVIEW_PAGE))
                    .await?
            }
        };
        Ok(Page {
            chats,
            total: None,
            next_cursor: None,
        })
    }

    super::messages::messages_operation!();

    async fn check(&self) -> Result<String, ProviderError> {
        let _: Items<serde::de::IgnoredAny> = self
            .http
            .json(self.req("/v2/chats").query("limit", 1))
            .await?;
        Ok(format!("Wawp instance {} answered", self.instance_id))
    }
}

/// PROVIDERS.md §10.3 (Wawp). Bodies vary (JSON, XML, text, HTML): only the
/// status and the message text are relied on.
fn classify(status: u16, body: &ErrorBody) -> Class {
    match status {
        // "Quota or Limit Reached": waiting a few seconds will not help, and 403 is never retried.
        403 if body.mentions("quota") || body.mentions("limit") => Class::RateLimited,
        // "Session Does Not Exist"; an unknown route is a wrong base_url.
        404 if body.mentions("route") => Class::Config,
        404 => Class::NotFound,
        // WAHA's own session errors, should Wawp pass them through.
        422 => Class::NotFound,
        _ => default_class(status),
    }
}

#[cfg(test)]
mod tests;
