//! GOWA (aldinokemal/go-whatsapp-web-multidevice), PROVIDERS.md §4.
//!
//! `GET /chats` pages by offset and reports a total (which is 0 when its count
//! query failed, so a non-empty page never ends on `total = 0`). It has no
//! unread counts and no last message: `overview` asks `GET /chat/{jid}/messages?limit=1`
//! per shown chat, and `unread` is unsupported. A 401 from HTTP basic auth is
//! plain text; a JSON 401 `AUTHENTICATION_ERROR` means the device is not logged
//! in to WhatsApp, which is a "not found / not ready" problem, not bad credentials.

mod messages;
mod read;
mod wire;

use serde::Deserialize;

use super::body::ErrorBody;
use super::http::{Http, Req};
use super::{
    default_class, fill_last_messages, path_segment, BuildEnv, Capabilities, Class, Operations,
    Order, Page, PageAt, Paging, Provider, ProviderError, Query, SortKey, Support, UnreadSupport,
    View,
};
use crate::chat::{Chat, LastMessage};
use crate::secret::{Secret, SecretSource};
use crate::time::Timestamp;

const NAME: &str = "gowa";
const GATEWAY: &str = "GOWA";
const MAX_PAGE: u32 = 100;

/// `[profiles.NAME]` keys for `provider = "gowa"`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The GOWA server's URL
    #[schemars(extend("format" = "uri", "default" = DEFAULT_URL))]
    pub base_url: Option<String>,
    /// The basic-auth user (the server's --basic-auth), only when it asks for one
    pub username: Option<String>,
    /// The basic-auth password, with the username
    pub password: Option<SecretSource>,
    /// The device to read (sent as X-Device-Id), on a server with several
    pub device_id: Option<String>,
}

/// Where a GOWA server listens unless told otherwise.
const DEFAULT_URL: &str = "http://localhost:3000";

impl Config {
    pub fn base_url(&self) -> String {
        self.base_url
            .clone()
            .unwrap_or_else(|| DEFAULT_URL.to_owned())
    }

    pub fn secrets(&self) -> Vec<(&'static str, &SecretSource)> {
        self.password.iter().map(|p| ("password", p)).collect()
    }
}

pub struct Gowa {
    http: Http,
    profile: String,
    auth: Option<(String, Secret)>,
    device_id: Option<String>,
    concurrency: usize,
}

impl Gowa {
    pub fn new(cfg: &Config, env: &BuildEnv) -> Result<Gowa, ProviderError> {
        let auth = match (&cfg.username, &cfg.password) {
            (Some(user), Some(_)) => {
                let secret = env.secret("password")?;
                crate::redact::register_basic_auth(user, secret.expose());
                Some((user.clone(), secret))
            }
            (None, None) => None,
            _ => {
                return Err(ProviderError::Config {
                    message: format!(
                        "profile `{}`: set both username and password, or neither",
                        env.profile
                    ),
                })
            }
        };
        Ok(Gowa {
            http: Http::new(&cfg.base_url(), "GOWA", classify, env.http.clone())?,
            profile: env.profile.clone(),
            auth,
            device_id: cfg.device_id.clone(),
            concurrency: env.concurrency,
        })
    }

    fn req(&self, path: String) -> Req {
        let mut req = Req::get(path);
        if let Some((user, pass)) = &self.auth {
            req = req.basic_auth(user, pass.expose());
        }
        if let Some(device) = &self.device_id {
            req = req.header("x-device-id", device, false);
        }
        req
    }

    async fn last_message(&self, chat_id: String) -> Result<Option<LastMessage>, ProviderError> {
        let req = self
            .req(format!("/chat/{}/messages", path_segment(&chat_id)))
            .query("limit", 1);
        let result: Result<wire::Envelope<wire::MessageList>, _> =
            self.http.json_page(req, 1).await;
        let list = match result {
            Ok(env) => env.results.map(|r| r.data.0).unwrap_or_default(),
            // A chat the server does not know has no last message; a missing device aborts.
            Err(ProviderError::Status {
                status: 404, code, ..
            }) if code.as_deref() != Some("DEVICE_NOT_FOUND") => return Ok(None),
            Err(e) => return Err(e),
        };
        Ok(list.into_iter().next().map(last_message))
    }
}

fn chat(profile: &str, w: wire::Chat) -> Chat {
    let mut c = Chat::new(profile, NAME, &w.jid).with_name(w.name);
    c.last_activity_at = w
        .last_message_time
        .as_deref()
        .and_then(Timestamp::parse_rfc3339);
    c.ephemeral_seconds = w.ephemeral_expiration;
    c.archived = w.archived;
    c
}

fn last_message(m: wire::Message) -> LastMessage {
    LastMessage {
        id: m.id.filter(|s| !s.is_empty()),
        body: m.content.filter(|s| !s.is_empty()),
        at: m.timestamp.as_deref().and_then(Timestamp::parse_rfc3339),
        from_me: m.is_from_me,
    }
}

impl Provider for Gowa {
    const OPERATIONS: Operations = Operations {
        list_chats: Support::Yes,
        messages: Support::Yes,
        mark_read: Support::Yes,
    };

    fn http(&self) -> &Http {
        &self.http
    }

    crate::provider::mark_read::mark_read_operation!();

    fn capabilities(&self, _view: View) -> Capabilities {
        Capabilities {
            gateway: "GOWA",
            paging: Paging::Offset { total: true },
            max_page_size: MAX_PAGE,
            filter_archived: true,
            reports_archived: true,
            filter_has_media: true,
            filter_search: true,
            sorts: &[],
            native_order: Some((SortKey::Activity, Order::Desc)),
            unread: UnreadSupport::No("GOWA does not report unread counts"),
            uses_since: false,
        }
    }

    async fn page(&self, q: &Query, at: PageAt, size: Option<u32>) -> Result<Page, ProviderError> {
        let offset = at.offset();
        let size = size.unwrap_or(MAX_PAGE).clamp(1, MAX_PAGE);
        let req = self
            .req("/chats".to_owned())
            .query("limit", size)
            .query("offset", offset)
            .query_opt("search", q.search.as_deref())
            .query_opt("has_media", q.has_media.then_some("true"))
            .query_opt("archived", q.archived);
        let env: wire::Envelope<wire::ChatList> = self.http.json_page(req, size).await?;
        let list = env.results.ok_or_else(|| ProviderError::BadResponse {
            gateway: "GOWA",
            endpoint: "GET /chats".to_owned(),
            detail: "the answer has no `results`".to_owned(),
        })?;
        Ok(Page {
            total: list.pagination.and_then(|p| p.total),
            chats: list
                .data
                .0
                .into_iter()
                .map(|w| chat(&self.profile, w))
                .collect(),
            next_cursor: None,
        })
    }

    super::messages::messages_operation!();

    async fn enrich(&self, q: &Query, chats: &mut [Chat]) -> Result<(), ProviderError> {
        if q.view != View::Overview {
            return Ok(());
        }
        fill_last_messages(chats, self.concurrency, |id| self.last_message(id)).await
    }

    async fn check(&self) -> Result<String, ProviderError> {
        let env: wire::Envelope<wire::ChatList> = self
            .http
            .json(self.req("/chats".to_owned()).query("limit", 1))
            .await?;
        let total = env.results.and_then(|r| r.pagination).and_then(|p| p.total);
        Ok(match total {
            Some(t) => format!("GOWA answered: {t} chats"),
            None => "GOWA answered".to_owned(),
        })
    }
}

fn classify(status: u16, body: &ErrorBody) -> Class {
    match (status, body.code.as_deref()) {
        // Basic auth is plain text; JSON AUTHENTICATION_ERROR = not logged in to WhatsApp.
        (401, Some("AUTHENTICATION_ERROR")) => Class::NotFound,
        (400, Some("DEVICE_ID_REQUIRED")) => Class::Config,
        (404, Some(_)) => Class::NotFound,
        // A 404 without GOWA's envelope is a route that does not exist: base_url is wrong.
        (404, None) => Class::Config,
        (429, _) => Class::RateLimited,
        _ => default_class(status),
    }
}

#[cfg(test)]
mod tests;
