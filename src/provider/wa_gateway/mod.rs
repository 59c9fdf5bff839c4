//! WhatsApp Gateway (rama-adi/quick-whatsapp-gateway), PROVIDERS.md §5.
//!
//! Chats come from the gateway's own database by cursor (`nextCursor`, sent
//! back verbatim; absent, `null` or `""` ends the listing, and a full last page
//! is followed by an empty one). Its `unreadCount` is not a count (every
//! inbound message resets it to 0, nothing increments it): `unread_count` is
//! null and `chats unread` is unsupported. There is no last message in the
//! listing: `overview` asks `…/chats/{jid}/messages?limit=1` per shown chat and take `waMessageId`, not
//! the gateway's row `id`. The chat id is `jid`; the numeric `id` is a row key.
//! Errors carry a stable `error.code` that decides the class, not the status.

mod messages;
mod read;
mod wire;

use serde::Deserialize;

use super::body::ErrorBody;
use super::http::{Http, Req};
use super::stamp;
use super::{
    default_class, fill_last_messages, path_segment, BuildEnv, Capabilities, Class, Operations,
    Order, Page, PageAt, Paging, Provider, ProviderError, Query, SortKey, Support, UnreadSupport,
    View,
};
use crate::chat::{Chat, Kind, LastMessage};
use crate::secret::{Secret, SecretSource};
use crate::time::Unit;

const NAME: &str = "whatsapp-gateway";
const GATEWAY: &str = "WhatsApp Gateway";
/// The server clamps `limit` to 1–200.
const MAX_PAGE: u32 = 200;

/// `[profiles.NAME]` keys for `provider = "whatsapp-gateway"`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The gateway's URL
    #[schemars(extend("format" = "uri", "default" = DEFAULT_URL))]
    pub base_url: Option<String>,
    /// The session's id (sess_…, from the gateway's dashboard)
    pub session: String,
    /// An API key with the `read` capability (sent as Bearer)
    pub token: SecretSource,
}

/// Where the WhatsApp Gateway listens unless told otherwise.
const DEFAULT_URL: &str = "http://localhost:8090";

impl Config {
    pub fn base_url(&self) -> String {
        self.base_url
            .clone()
            .unwrap_or_else(|| DEFAULT_URL.to_owned())
    }

    pub fn secrets(&self) -> Vec<(&'static str, &SecretSource)> {
        vec![("token", &self.token)]
    }
}

pub struct WaGateway {
    http: Http,
    profile: String,
    session: String,
    token: Secret,
    concurrency: usize,
}

impl WaGateway {
    pub fn new(cfg: &Config, env: &BuildEnv) -> Result<WaGateway, ProviderError> {
        let session = env.required("session", &cfg.session)?;
        Ok(WaGateway {
            token: env.secret("token")?,
            http: Http::new(&cfg.base_url(), GATEWAY, classify, env.http.clone())?,
            profile: env.profile.clone(),
            session,
            concurrency: env.concurrency,
        })
    }

    fn req(&self, rest: &str) -> Req {
        Req::get(format!(
            "/api/v1/sessions/{}{rest}",
            path_segment(&self.session)
        ))
        .bearer(self.token.expose())
    }

    async fn last_message(&self, chat_id: String) -> Result<Option<LastMessage>, ProviderError> {
        let req = self
            .req(&format!("/chats/{}/messages", path_segment(&chat_id)))
            .query("limit", 1);
        let list: wire::MessageList = match self.http.json_page(req, 1).await {
            Ok(list) => list,
            // An unknown chat has no last message; a missing session or a wrong route aborts.
            Err(ProviderError::Status {
                status: 404,
                class: Class::NotFound,
                message,
                ..
            }) if !message.to_lowercase().contains("session") => return Ok(None),
            Err(e) => return Err(e),
        };
        Ok(list
            .data
            .unwrap_or_default()
            .0
            .into_iter()
            .next()
            .map(last_message))
    }
}

fn kind(t: &str) -> Option<Kind> {
    Some(match t {
        "dm" => Kind::Direct,
        "group" => Kind::Group,
        "newsletter" => Kind::Channel,
        "broadcast" => Kind::Broadcast,
        "status" => Kind::Status,
        _ => return None,
    })
}

fn chat(profile: &str, w: wire::Chat) -> Chat {
    let mut c = Chat::new(profile, NAME, &w.jid).with_name(w.name);
    if let Some(k) = w.kind.as_deref().and_then(kind) {
        c = c.with_kind(k);
    }
    c.last_activity_at = stamp::epoch(GATEWAY, "lastMessageAt", w.last_message_at, Unit::Millis);
    c.archived = w.archived;
    c.pinned = w.pinned;
    c.muted_until = stamp::epoch(GATEWAY, "mutedUntil", w.muted_until, Unit::Millis);
    // Omitted when empty: the record says so with an empty array.
    c.aliases = Some(w.aliases.unwrap_or_default().0);
    c
}

fn last_message(m: wire::Message) -> LastMessage {
    LastMessage {
        id: m.wa_message_id.filter(|s| !s.is_empty()),
        body: m.body.filter(|s| !s.is_empty()),
        at: stamp::epoch(GATEWAY, "lastMessage.timestamp", m.timestamp, Unit::Millis),
        from_me: m.from_me,
    }
}

fn page_of(profile: &str, list: wire::ChatList) -> Page {
    Page {
        chats: list
            .data
            .unwrap_or_default()
            .0
            .into_iter()
            .map(|w| chat(profile, w))
            .collect(),
        total: None,
        next_cursor: list.next_cursor.filter(|c| !c.is_empty()),
    }
}

impl Provider for WaGateway {
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
            paging: Paging::Cursor,
            max_page_size: MAX_PAGE,
            filter_archived: false,
            reports_archived: true,
            filter_has_media: false,
            filter_search: false,
            sorts: &[],
            native_order: Some((SortKey::Activity, Order::Desc)),
            unread: UnreadSupport::No(
                "the WhatsApp Gateway does not count unread messages (every new message resets \
                 its unreadCount to 0)",
            ),
            uses_since: false,
        }
    }

    async fn page(&self, _q: &Query, at: PageAt, size: Option<u32>) -> Result<Page, ProviderError> {
        let cursor = match at {
            PageAt::Cursor(c) => c,
            _ => None,
        };
        let size = size.unwrap_or(MAX_PAGE).clamp(1, MAX_PAGE);
        let req = self
            .req("/chats")
            .query("limit", size)
            .query_opt("cursor", cursor.filter(|c| !c.is_empty()));
        let list: wire::ChatList = self.http.json_page(req, size).await?;
        Ok(page_of(&self.profile, list))
    }

    super::messages::messages_operation!();

    async fn enrich(&self, q: &Query, chats: &mut [Chat]) -> Result<(), ProviderError> {
        if q.view == View::List {
            return Ok(());
        }
        fill_last_messages(chats, self.concurrency, |id| self.last_message(id)).await
    }

    async fn check(&self) -> Result<String, ProviderError> {
        let list: wire::ChatList = self.http.json(self.req("/chats").query("limit", 1)).await?;
        Ok(match list.data.is_some_and(|d| !d.0.is_empty()) {
            true => format!("{GATEWAY} answered: session {} has chats", self.session),
            false => format!(
                "{GATEWAY} answered: session {} has no chats yet",
                self.session
            ),
        })
    }
}

/// PROVIDERS.md §10.3 (WhatsApp Gateway): branch on `error.code`, not the status.
fn classify(status: u16, body: &ErrorBody) -> Class {
    match body.code.as_deref() {
        Some("unauthorized" | "forbidden") => Class::Auth,
        // A path the router does not know: base_url (or its prefix) is wrong.
        Some("not_found") if body.mentions("route not found") => Class::Config,
        Some("not_found") => Class::NotFound,
        // The spec promises 422 in places; the server sends 400. Both are ours to fix.
        Some("validation_error" | "conflict") => Class::BadRequest,
        Some("rate_limited") => Class::RateLimited,
        Some("gateway_unavailable" | "internal") => Class::Transient,
        Some("not_implemented") => Class::Unsupported,
        // A 404 without the gateway's envelope: something else answered at base_url.
        None if status == 404 => Class::Config,
        _ => default_class(status),
    }
}

#[cfg(test)]
mod tests;
