//! Gateways behind one contract. Each gateway is one folder that knows its
//! wire format and maps it onto `Chat`; everything above `provider/` sees only
//! `AnyProvider`, `Capabilities`, `Operations`, `Query` and `Page`.
//!
//! Adding a gateway (say `acme`, profile `provider = "acme"`):
//! 1. `src/provider/acme/mod.rs` (+ `wire.rs`, `tests.rs`): `pub struct Config`
//!    (its profile keys, `deny_unknown_fields`, with `base_url()` and
//!    `secrets()`), and `pub struct Acme` with `Acme::new(&Config, &BuildEnv)`
//!    and `impl Provider` (its `OPERATIONS` table, capabilities, paging, check);
//!    declare it below with `pub mod acme;`.
//! 2. `src/sandbox/acme.rs`: the emulator, with `handle`, `error` and
//!    `demo_profiles`; declare it in `sandbox/mod.rs` with `mod acme;`.
//! 3. One line in `src/gateways.rs`: `Acme "acme" acme acme;`. Config parsing,
//!    `NAMES`, dispatch, the sandbox's routes and `--demo` profiles, the
//!    gateway lists in `--version` and `--demo -p` completion, and the tests' lists
//!    of gateways all follow from it.
//! 4. A `[profiles.…]` example in `config.example.toml`, a row in the README's
//!    provider table and its capability table; tests fail until each is there.
//!
//! Adding an operation (say `Op::Archive`): a variant in `ops.rs`, a field of
//! `Operations` (`Support::No` in `Operations::NONE`, so no gateway changes), a
//! default method on `Provider` that returns `Unsupported`, and an
//! `AnyProvider` method in `any.rs` using `dispatch!`. A gateway that supports
//! it sets the field to `Support::Yes` and overrides the method; the command
//! calls `command::require(&provider, Op::Archive)` before anything else.

mod any;
pub mod body;
pub mod bounded;
pub mod error;
pub mod evolution;
pub mod gowa;
pub mod green_api;
pub mod http;
pub mod keys;
pub mod mark_read;
pub mod messages;
pub mod ops;
pub mod paging;
pub mod request;
mod retry;
mod stamp;
pub mod wa_gateway;
pub mod waha;
pub mod wawp;

use std::time::Duration;

use crate::chat::Chat;
use crate::secret::Secret;
pub use any::{build, AnyProvider, ProviderConfig};
pub use error::{Class, ProviderError};
use http::HttpOptions;
pub use mark_read::{ReadOutcome, Writes};
pub use messages::{MessageCapabilities, MessagePage, MessageQuery};
pub use ops::{Op, Operations, Support};

/// Which view of the inbox is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    List,
    Overview,
    Unread,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    /// Last activity time (chats without one always come last).
    Activity,
    Name,
    Id,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    Asc,
    Desc,
}

impl SortKey {
    /// The direction when only `--sort` is given: newest first, else A→Z.
    pub fn default_order(self) -> Order {
        match self {
            SortKey::Activity => Order::Desc,
            SortKey::Name | SortKey::Id => Order::Asc,
        }
    }
}

/// What the gateway is asked to apply itself. Only options the provider's
/// `Capabilities` say it handles are ever set here; the rest are applied (or
/// refused) above `provider/`.
#[derive(Debug, Clone)]
pub struct Query {
    pub view: View,
    pub archived: Option<bool>,
    pub has_media: bool,
    pub search: Option<String>,
    /// A sort the gateway applies server-side; `None` = its native order.
    pub sort: Option<(SortKey, Order)>,
    /// Window of message journals for gateways that derive previews from them.
    pub since: Duration,
}

impl Query {
    /// The plain chat list in the gateway's native order (newest activity first), unfiltered;
    /// `since` is the journal window (`config::defaults::SINCE` unless asked otherwise).
    pub fn list(since: Duration) -> Query {
        Query {
            view: View::List,
            archived: None,
            has_media: false,
            search: None,
            sort: None,
            since,
        }
    }
}

/// How a gateway pages through chats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paging {
    /// `limit`/`offset`; `total` says whether the gateway reports a total count.
    Offset { total: bool },
    /// An opaque cursor handed back with each page.
    Cursor,
    /// One call returns the top N (or everything); there is no next page.
    Single,
}

/// Where a page starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageAt {
    Offset(u64),
    Cursor(Option<String>),
    Single,
}

impl PageAt {
    /// The first page under `paging`.
    pub fn first(paging: Paging) -> PageAt {
        match paging {
            Paging::Offset { .. } => PageAt::Offset(0),
            Paging::Cursor => PageAt::Cursor(None),
            Paging::Single => PageAt::Single,
        }
    }

    /// The offset, for offset-paged gateways (0 otherwise).
    pub fn offset(&self) -> u64 {
        match self {
            PageAt::Offset(o) => *o,
            _ => 0,
        }
    }
}

/// One page as the gateway returned it, already mapped onto `Chat`.
#[derive(Debug, Default)]
pub struct Page {
    pub chats: Vec<Chat>,
    pub total: Option<u64>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnreadSupport {
    /// Every record carries its count.
    Native,
    /// Counts depend on the gateway's engine: known only once data arrives;
    /// the message is the error when none of it carries a count.
    FromData(&'static str),
    /// Never; the message says so and names the gateway.
    No(&'static str),
}

/// What a gateway can do, declared up front so options are passed on,
/// applied client-side, or refused — never silently ignored.
#[derive(Debug, Clone, Copy)]
pub struct Capabilities {
    /// Human name for messages ("GOWA", "Green API").
    pub gateway: &'static str,
    pub paging: Paging,
    pub max_page_size: u32,
    /// Server-side filters.
    pub filter_archived: bool,
    /// Whether records carry `archived`, so `--archived` can be applied here.
    pub reports_archived: bool,
    pub filter_has_media: bool,
    pub filter_search: bool,
    /// Sort keys the gateway applies itself, in both orders, exactly as
    /// `sort_chats` does (missing values last in both orders, names without
    /// regard to case); any other sort is done here over every chat.
    pub sorts: &'static [SortKey],
    /// The order rows arrive in when no sort is asked of the gateway.
    pub native_order: Option<(SortKey, Order)>,
    pub unread: UnreadSupport,
    /// Whether `Query::since` (a journal window) means anything to this gateway.
    pub uses_since: bool,
}

/// Shared by every gateway: the operations above `provider/` may call.
// NOTE: static dispatch through `AnyProvider`; the futures need not be `Send`
// because everything runs inside one task.
#[allow(async_fn_in_trait)]
pub trait Provider {
    /// Which operations this gateway supports (see `ops.rs`).
    const OPERATIONS: Operations;

    /// The client this gateway talks through.
    fn http(&self) -> &http::Http;

    /// What the gateway can do for `view` (paging and sorts can differ per endpoint).
    fn capabilities(&self, view: View) -> Capabilities;

    /// Fetch one page of `view` starting at `at`, of at most `size` chats
    /// (`None` with `Paging::Single`: everything).
    async fn page(&self, q: &Query, at: PageAt, size: Option<u32>) -> Result<Page, ProviderError>;

    /// Fill what the listing lacks with per-chat calls (last messages), only
    /// for the chats that will be shown. Gateways with native data do nothing.
    async fn enrich(&self, _q: &Query, _chats: &mut [Chat]) -> Result<(), ProviderError> {
        Ok(())
    }

    /// One cheap authenticated call; a short description of what answered.
    async fn check(&self) -> Result<String, ProviderError>;

    /// What the gateway can do for `messages list` (meaningful where
    /// `OPERATIONS.messages` is `Yes`).
    fn message_capabilities(&self) -> MessageCapabilities {
        MessageCapabilities {
            gateway: self.capabilities(View::List).gateway,
            paging: Paging::Single,
            max_page_size: 1,
            short_page_ends: true,
            whole_pages: false,
            filter_time: false,
            filter_from_me: messages::FromMeFilter::None,
            arrival: messages::Arrival::NewestFirst,
            dm_server: "s.whatsapp.net",
            empty_hint: None,
        }
    }

    /// One page of a chat's messages starting at `at`, newest first (or in
    /// the gateway's insert order, see `Arrival`), at most `size` of them.
    async fn messages(
        &self,
        _q: &MessageQuery,
        _at: PageAt,
        _size: Option<u32>,
    ) -> Result<MessagePage, ProviderError> {
        Err(Self::OPERATIONS
            .require(self.capabilities(View::List).gateway, Op::Messages)
            .err()
            .unwrap_or_else(|| ProviderError::unsupported("messages are not implemented")))
    }

    /// Mark the chat `chat_id` (the gateway's own spelling) read, sending every write through
    /// `w` (which only lists them in a dry run); meaningful where `OPERATIONS.mark_read` is `Yes`.
    async fn mark_read(
        &self,
        _chat_id: &str,
        _w: &mut Writes,
    ) -> Result<ReadOutcome, ProviderError> {
        Err(Self::OPERATIONS
            .require(self.capabilities(View::List).gateway, Op::MarkRead)
            .err()
            .unwrap_or_else(|| ProviderError::unsupported("mark read is not implemented")))
    }
}

/// What building a provider needs beyond its own keys, resolved by
/// `config::resolve` (so building does no I/O and reads no settings).
#[derive(Debug)]
pub struct BuildEnv {
    pub profile: String,
    pub http: HttpOptions,
    /// Calls in flight at once (read-ahead pages, per-chat calls).
    pub concurrency: usize,
    /// The profile's secrets by key (`Config::secrets()`), already resolved.
    pub secrets: Vec<(&'static str, Secret)>,
}

impl BuildEnv {
    /// A required profile key, trimmed; empty is a config error naming it.
    pub fn required(&self, key: &str, value: &str) -> Result<String, ProviderError> {
        let v = value.trim();
        if v.is_empty() {
            return Err(ProviderError::Config {
                message: format!("profile `{}`: `{key}` is empty", self.profile),
            });
        }
        Ok(v.to_owned())
    }

    /// The resolved value of the secret `key` (one of `Config::secrets()`).
    pub fn secret(&self, key: &str) -> Result<Secret, ProviderError> {
        self.secrets
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, s)| s.clone())
            .ok_or_else(|| ProviderError::Config {
                message: format!("profile `{}`: `{key}` was not resolved", self.profile),
            })
    }
}

/// Set each chat's `last_message` from a per-chat call, with at most `limit`
/// calls in flight; the first error stops the rest (PROVIDERS.md §0.7).
pub async fn fill_last_messages<F, Fut>(
    chats: &mut [Chat],
    limit: usize,
    fetch: F,
) -> Result<(), ProviderError>
where
    F: Fn(String) -> Fut,
    Fut: std::future::Future<Output = Result<Option<crate::chat::LastMessage>, ProviderError>>,
{
    use futures_util::stream::{self, StreamExt, TryStreamExt};
    let found: Vec<_> = stream::iter(chats.iter().map(|c| fetch(c.id.clone())))
        .buffered(limit.max(1))
        .try_collect()
        .await?;
    for (chat, last) in chats.iter_mut().zip(found) {
        chat.last_message = last;
    }
    Ok(())
}

/// The usual class of an HTTP status, for gateways without special rules.
pub fn default_class(status: u16) -> Class {
    match status {
        401 | 403 => Class::Auth,
        404 => Class::NotFound,
        429 => Class::RateLimited,
        501 => Class::Unsupported,
        408 | 499 | 500..=599 => Class::Transient,
        300..=399 => Class::Config,
        _ => Class::BadRequest,
    }
}

/// A path segment with everything but unreserved characters percent-encoded.
pub fn path_segment(s: &str) -> String {
    const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~')
        .remove(b'@');
    percent_encoding::utf8_percent_encode(s, SEGMENT).to_string()
}
