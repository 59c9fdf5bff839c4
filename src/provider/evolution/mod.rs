//! Evolution API v2, PROVIDERS.md §7.
//!
//! One read-only POST, `/chat/findChats/{instance}` with `{"take", "skip"}`,
//! serves every view: rows carry the unread count and a Baileys `lastMessage`,
//! ordered by `updatedAt` desc, with no total (the pager stops on a short
//! page). The POST is marked read-only so the HTTP layer may retry it. v1
//! documented a GET, which v2 answers with Express's 404 "Cannot GET …": that
//! and any other "Cannot …" 404 mean base_url points at the wrong thing, while
//! a 404 naming the instance means the instance is missing.

mod messages;
mod read;
mod wire;

use serde::Deserialize;

use super::body::ErrorBody;
use super::bounded::List;
use super::http::{Http, Req};
use super::stamp;
use super::{
    default_class, path_segment, BuildEnv, Capabilities, Class, Operations, Order, Page, PageAt,
    Paging, Provider, ProviderError, Query, SortKey, Support, UnreadSupport, View,
};
use crate::chat::{Chat, LastMessage};
use crate::secret::{Secret, SecretSource};
use crate::time::{Timestamp, Unit};

const NAME: &str = "evolution";
const GATEWAY: &str = "Evolution API";
const MAX_PAGE: u32 = 100;

/// `[profiles.NAME]` keys for `provider = "evolution"`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The Evolution API server's URL
    #[schemars(extend("format" = "uri", "default" = DEFAULT_URL))]
    pub base_url: Option<String>,
    /// The instance's name
    pub instance: String,
    /// The server's AUTHENTICATION_API_KEY or the instance's token (sent as apikey)
    pub api_key: SecretSource,
}

/// Where an Evolution API server listens unless told otherwise.
const DEFAULT_URL: &str = "http://localhost:8080";

impl Config {
    pub fn base_url(&self) -> String {
        self.base_url
            .clone()
            .unwrap_or_else(|| DEFAULT_URL.to_owned())
    }

    pub fn secrets(&self) -> Vec<(&'static str, &SecretSource)> {
        vec![("api_key", &self.api_key)]
    }
}

pub struct Evolution {
    http: Http,
    profile: String,
    instance: String,
    api_key: Secret,
}

impl Evolution {
    pub fn new(cfg: &Config, env: &BuildEnv) -> Result<Evolution, ProviderError> {
        let instance = env.required("instance", &cfg.instance)?;
        Ok(Evolution {
            api_key: env.secret("api_key")?,
            http: Http::new(&cfg.base_url(), GATEWAY, classify, env.http.clone())?,
            profile: env.profile.clone(),
            instance,
        })
    }

    fn auth(&self, req: Req) -> Req {
        req.header("apikey", self.api_key.expose(), true)
    }
}

fn chat(profile: &str, w: wire::Chat) -> Chat {
    let mut c = Chat::new(profile, NAME, &w.remote_jid).with_name(w.push_name);
    c.unread_count = w.unread_count;
    let last = w.last_message.map(last_message);
    c.last_activity_at = last
        .as_ref()
        .and_then(|m| m.at)
        .or_else(|| w.updated_at.as_deref().and_then(Timestamp::parse_rfc3339));
    c.last_message = last;
    c
}

fn last_message(m: wire::Message) -> LastMessage {
    let text = |s: Option<&String>| s.filter(|s| !s.is_empty()).cloned();
    // NOTE: caption as the last fallback is UNCONFIRMED (PROVIDERS.md §7).
    let body = m.message.as_ref().and_then(|c| {
        text(c.conversation.as_ref())
            .or_else(|| text(c.extended_text_message.as_ref()?.text.as_ref()))
            .or_else(|| {
                [&c.image_message, &c.video_message, &c.document_message]
                    .into_iter()
                    .flatten()
                    .find_map(|media| text(media.caption.as_ref()))
            })
    });
    LastMessage {
        id: m.key.as_ref().and_then(|k| text(k.id.as_ref())),
        body,
        at: stamp::epoch(
            GATEWAY,
            "lastMessage.messageTimestamp",
            m.message_timestamp.0,
            Unit::Secs,
        ),
        from_me: m.key.as_ref().and_then(|k| k.from_me),
    }
}

impl Provider for Evolution {
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
            gateway: GATEWAY,
            paging: Paging::Offset { total: false },
            max_page_size: MAX_PAGE,
            filter_archived: false,
            reports_archived: false,
            filter_has_media: false,
            filter_search: false,
            sorts: &[],
            native_order: Some((SortKey::Activity, Order::Desc)),
            unread: UnreadSupport::Native,
            uses_since: false,
        }
    }

    async fn page(&self, _q: &Query, at: PageAt, size: Option<u32>) -> Result<Page, ProviderError> {
        let skip = at.offset();
        let size = size.unwrap_or(MAX_PAGE).clamp(1, MAX_PAGE);
        let body = serde_json::json!({
            "take": size,
            "skip": skip,
        });
        let path = format!("/chat/findChats/{}", path_segment(&self.instance));
        let req = self.auth(Req::post_json(path, &body).read_only());
        let rows: List<wire::Chat> = self.http.json_page(req, size).await.map_err(hint)?;
        Ok(Page {
            chats: rows.0.into_iter().map(|w| chat(&self.profile, w)).collect(),
            total: None,
            next_cursor: None,
        })
    }

    super::messages::messages_operation!();

    async fn check(&self) -> Result<String, ProviderError> {
        let path = format!("/instance/connectionState/{}", path_segment(&self.instance));
        let state: wire::ConnectionState = self
            .http
            .json(self.auth(Req::get(path)))
            .await
            .map_err(hint)?;
        Ok(match state.instance.and_then(|i| i.state) {
            Some(s) => format!("{GATEWAY} answered: instance {} is {s}", self.instance),
            None => format!("{GATEWAY} answered"),
        })
    }
}

/// Say what to fix when the route itself is unknown.
fn hint(e: ProviderError) -> ProviderError {
    match e {
        ProviderError::Status {
            gateway,
            endpoint,
            status,
            class: Class::Config,
            message,
            code,
        } => ProviderError::Status {
            gateway,
            endpoint,
            status,
            class: Class::Config,
            message: format!("{message}; is base_url an Evolution API v2 server?"),
            code,
        },
        e => e,
    }
}

/// PROVIDERS.md §10.3 (Evolution): `{"status","error","response":{"message"}}`.
fn classify(status: u16, body: &ErrorBody) -> Class {
    match status {
        404 if body.mentions("instance does not exist") => Class::NotFound,
        // Express's "Cannot GET /x", or a 404 that is not Evolution's envelope at all.
        404 if body.message.starts_with("Cannot ") || body.json.is_none() => Class::Config,
        _ => default_class(status),
    }
}

#[cfg(test)]
mod tests;
