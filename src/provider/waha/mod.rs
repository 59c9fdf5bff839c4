//! WAHA (devlikeapro/waha), PROVIDERS.md §6.
//!
//! `GET /api/{session}/chats` pages by offset without a total and sorts by id
//! on the server (`sortOrder` must be lowercase, see `engine::sort_params`; its
//! time and name sorts put missing values first, so those are done here);
//! `GET /api/{session}/chats/overview` (≤ 50 per page, fixed newest-first order)
//! gives last messages and, on WEBJS only, unread counts in `_chat`. Which
//! engine a session runs is known from the profile's `engine`, else from the
//! data: `chats unread` fails as unsupported when no item carries a count.
//! Session problems are 422 (not 404) and map to "not found", with the
//! session's status appended; a 404 on the overview that names it means a
//! WAHA older than 2024.12.6, which lacks it (any other 404 is a wrong URL).

pub(super) mod engine;
pub(in crate::provider) mod message;
mod messages;
mod read;
pub(in crate::provider) use messages::{capabilities as message_capabilities, records};

use serde::Deserialize;

use super::body::ErrorBody;
use super::http::{Http, Req};
use super::{
    default_class, path_segment, BuildEnv, Capabilities, Class, Operations, Order, Page, PageAt,
    Paging, Provider, ProviderError, Query, SortKey, Support, UnreadSupport, View,
};
use crate::chat::Chat;
use crate::secret::{Secret, SecretSource};
use engine::{Dialect, Items};

const NAME: &str = "waha";
const GATEWAY: &str = "WAHA";
const MAX_LIST_PAGE: u32 = 100;
/// The server fetches a picture and a last message per chat: keep pages small.
const MAX_OVERVIEW_PAGE: u32 = 50;

/// The engine a WAHA session runs; it decides which fields exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub enum Engine {
    Auto,
    Webjs,
    Noweb,
    Gows,
    Wpp,
}

/// Each engine as a profile writes it (any case is accepted).
const ENGINES: &[(&str, Engine)] = &[
    ("auto", Engine::Auto),
    ("WEBJS", Engine::Webjs),
    ("NOWEB", Engine::Noweb),
    ("GOWS", Engine::Gows),
    ("WPP", Engine::Wpp),
];

impl TryFrom<String> for Engine {
    type Error = String;
    fn try_from(s: String) -> Result<Engine, String> {
        ENGINES
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(&s))
            .map(|(_, e)| *e)
            .ok_or_else(|| {
                let names: Vec<&str> = ENGINES.iter().map(|(n, _)| *n).collect();
                format!("unknown WAHA engine \"{s}\" (one of: {})", names.join(", "))
            })
    }
}

impl schemars::JsonSchema for Engine {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "WahaEngine".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let names: Vec<&str> = ENGINES.iter().map(|(n, _)| *n).collect();
        schemars::json_schema!({ "type": "string", "enum": names, "default": names[0] })
    }
}

/// `[profiles.NAME]` keys for `provider = "waha"`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The WAHA server's URL
    #[schemars(extend("format" = "uri", "default" = DEFAULT_URL))]
    pub base_url: Option<String>,
    /// The session to read
    #[schemars(extend("default" = DEFAULT_SESSION))]
    pub session: Option<String>,
    /// The server's WAHA_API_KEY (sent as X-Api-Key), when it sets one
    pub api_key: Option<SecretSource>,
    /// The session's engine, when known (auto: found from the data)
    pub engine: Option<Engine>,
}

/// Where a WAHA server listens unless told otherwise.
const DEFAULT_URL: &str = "http://localhost:3000";
/// WAHA's session when none is named.
const DEFAULT_SESSION: &str = "default";

impl Config {
    pub fn base_url(&self) -> String {
        self.base_url
            .clone()
            .unwrap_or_else(|| DEFAULT_URL.to_owned())
    }

    pub fn secrets(&self) -> Vec<(&'static str, &SecretSource)> {
        self.api_key.iter().map(|k| ("api_key", k)).collect()
    }
}

pub struct Waha {
    http: Http,
    profile: String,
    session: String,
    api_key: Option<Secret>,
    engine: Engine,
}

impl Waha {
    pub fn new(cfg: &Config, env: &BuildEnv) -> Result<Waha, ProviderError> {
        let api_key = cfg
            .api_key
            .as_ref()
            .map(|_| env.secret("api_key"))
            .transpose()?;
        Ok(Waha {
            http: Http::new(&cfg.base_url(), GATEWAY, classify, env.http.clone())?
                .describe_errors(session_status),
            profile: env.profile.clone(),
            session: cfg
                .session
                .clone()
                .unwrap_or_else(|| DEFAULT_SESSION.to_owned()),
            api_key,
            engine: cfg.engine.unwrap_or(Engine::Auto),
        })
    }

    fn req(&self, tail: &str) -> Req {
        let req = Req::get(format!("/api/{}{tail}", path_segment(&self.session)));
        match &self.api_key {
            Some(key) => req.header("x-api-key", key.expose(), true),
            None => req,
        }
    }

    async fn list(&self, q: &Query, offset: u64, size: u32) -> Result<Vec<Chat>, ProviderError> {
        let size = size.clamp(1, MAX_LIST_PAGE);
        let mut req = self
            .req("/chats")
            .query("limit", size)
            .query("offset", offset);
        for (k, v) in engine::sort_params(q.sort) {
            req = req.query(k, v);
        }
        let items: Items<engine::EngineChat> = self.http.json_page(req, size).await?;
        items
            .0
            .into_iter()
            .map(|w| engine::list_chat(&self.profile, Dialect::Waha, w))
            .collect::<Result<_, _>>()
            .map_err(|d| bad("GET /api/{session}/chats", d))
    }

    async fn overview(&self, offset: u64, size: u32) -> Result<Vec<Chat>, ProviderError> {
        let size = size.clamp(1, MAX_OVERVIEW_PAGE);
        let req = self
            .req("/chats/overview")
            .query("limit", size)
            .query("offset", offset);
        let items: Items<engine::OverviewItem> = match self.http.json_page(req, size).await {
            Ok(items) => items,
            // Only a 404 that `classify` reads as a missing overview; another 404
            // (a wrong base_url or session path) keeps its own class.
            Err(ProviderError::Status {
                status: 404,
                class: Class::Unsupported,
                ..
            }) => {
                return Err(ProviderError::unsupported(
                    "this WAHA server has no /chats/overview (added in WAHA 2024.12.6): \
                     upgrade WAHA, or use `chats list`",
                ))
            }
            Err(e) => return Err(e),
        };
        items
            .0
            .into_iter()
            .map(|w| engine::overview_chat(&self.profile, Dialect::Waha, w))
            .collect::<Result<_, _>>()
            .map_err(|d| bad("GET /api/{session}/chats/overview", d))
    }
}

fn bad(endpoint: &str, detail: String) -> ProviderError {
    ProviderError::BadResponse {
        gateway: GATEWAY,
        endpoint: endpoint.to_owned(),
        detail,
    }
}

fn unread_support(engine: Engine) -> UnreadSupport {
    match engine {
        Engine::Noweb => UnreadSupport::No("the WAHA engine NOWEB reports no unread counts"),
        Engine::Gows => UnreadSupport::No("the WAHA engine GOWS reports no unread counts"),
        Engine::Auto | Engine::Webjs | Engine::Wpp => UnreadSupport::FromData(
            "the WAHA engine of this session does not report unread counts (only WEBJS does)",
        ),
    }
}

impl Provider for Waha {
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
            // Only `id` sorts as `sort_chats` does: WAHA puts missing times and
            // names first in ascending order and compares names by case.
            View::List => (MAX_LIST_PAGE, &[SortKey::Id]),
            View::Overview | View::Unread => (MAX_OVERVIEW_PAGE, &[]),
        };
        Capabilities {
            gateway: GATEWAY,
            paging: Paging::Offset { total: false },
            max_page_size,
            filter_archived: false,
            reports_archived: !matches!(self.engine, Engine::Noweb | Engine::Gows),
            filter_has_media: false,
            filter_search: false,
            sorts,
            native_order: Some((SortKey::Activity, Order::Desc)),
            unread: unread_support(self.engine),
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
        let _: Items<serde::de::IgnoredAny> =
            self.http.json(self.req("/chats").query("limit", 1)).await?;
        Ok(format!("WAHA session `{}` answered", self.session))
    }
}

/// PROVIDERS.md §10.3 (WAHA).
fn classify(status: u16, body: &ErrorBody) -> Class {
    match status {
        // Session missing or not WORKING.
        422 => Class::NotFound,
        // Only the overview can be missing (WAHA < 2024.12.6); any other 404 is a wrong base_url.
        404 if body.mentions("overview") => Class::Unsupported,
        404 => Class::Config,
        _ => default_class(status),
    }
}

/// A 422 for a session that exists but is not WORKING names its status.
fn session_status(body: &ErrorBody) -> Option<String> {
    let json = body.json.as_ref()?;
    let status = json.get("status")?.as_str()?;
    let session = json.get("session").and_then(|s| s.as_str());
    Some(match session {
        Some(s) => format!("session `{s}` is {status}"),
        None => format!("session status {status}"),
    })
}

#[cfg(test)]
mod tests;
