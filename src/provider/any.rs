//! The registry (`crate::gateways`) expanded for `provider/`: `ProviderConfig`
//! (a profile's gateway keys), `AnyProvider` (its client), parsing a profile
//! table by gateway name, building a client, and `dispatch!` for the
//! `AnyProvider` methods below. No gateway is named here by hand.

use super::{
    BuildEnv, Capabilities, MessageCapabilities, MessagePage, MessageQuery, Operations, Page,
    PageAt, Provider, ProviderError, Query, ReadOutcome, View, Writes,
};
use crate::chat::Chat;
use crate::gateways::{gateways, NAMES};
use crate::secret::SecretSource;

macro_rules! provider_types {
    (() $($variant:ident $name:literal $provider:ident $sandbox:ident;)*) => {
        /// A profile's gateway-specific keys.
        #[derive(Debug, Clone)]
        pub enum ProviderConfig {
            $($variant(super::$provider::Config),)*
        }

        /// The gateway a profile talks to.
        pub enum AnyProvider {
            $($variant(super::$provider::$variant),)*
        }

        impl ProviderConfig {
            /// Parse a profile's gateway keys for `provider` (unknown keys refused).
            pub fn from_table(provider: &str, table: toml::Table) -> Result<ProviderConfig, String> {
                fn parse<T: serde::de::DeserializeOwned>(table: toml::Table) -> Result<T, String> {
                    toml::Value::Table(table)
                        .try_into()
                        .map_err(|e: toml::de::Error| e.message().trim().to_owned())
                }
                Ok(match provider {
                    $($name => ProviderConfig::$variant(parse(table)?),)*
                    other => {
                        return Err(format!(
                            "unknown provider \"{other}\" (one of: {})",
                            NAMES.join(", ")
                        ))
                    }
                })
            }

            /// The config name (`provider = "…"`).
            pub fn name(&self) -> &'static str {
                match self {
                    $(ProviderConfig::$variant(_) => $name,)*
                }
            }

            pub fn base_url(&self) -> String {
                match self {
                    $(ProviderConfig::$variant(c) => c.base_url(),)*
                }
            }

            /// The profile's secret keys and where each comes from.
            pub fn secrets(&self) -> Vec<(&'static str, &SecretSource)> {
                match self {
                    $(ProviderConfig::$variant(c) => c.secrets(),)*
                }
            }
        }

        /// Build the gateway client for a profile's gateway keys and `env`.
        pub fn build(config: &ProviderConfig, env: &BuildEnv) -> Result<AnyProvider, ProviderError> {
            Ok(match config {
                $(ProviderConfig::$variant(c) => AnyProvider::$variant(super::$provider::$variant::new(c, env)?),)*
            })
        }
    };
}
gateways!(provider_types);

macro_rules! dispatch_arms {
    (($value:expr, $p:ident => $body:expr) $($variant:ident $name:literal $provider:ident $sandbox:ident;)*) => {
        match $value {
            $(AnyProvider::$variant($p) => $body,)*
        }
    };
}

/// `dispatch!(self, p => p.method())`: call a `Provider` method on whichever
/// gateway `self` holds.
macro_rules! dispatch {
    ($value:expr, $p:ident => $body:expr) => {
        gateways!(dispatch_arms; $value, $p => $body)
    };
}

impl AnyProvider {
    /// The gateway's operation table.
    pub fn operations(&self) -> Operations {
        fn of<P: Provider>(_: &P) -> Operations {
            P::OPERATIONS
        }
        dispatch!(self, p => of(p))
    }

    /// The gateway's human name ("GOWA", "Green API").
    pub fn gateway(&self) -> &'static str {
        self.capabilities(View::List).gateway
    }

    pub fn capabilities(&self, view: View) -> Capabilities {
        dispatch!(self, p => p.capabilities(view))
    }

    pub async fn page(
        &self,
        q: &Query,
        at: PageAt,
        size: Option<u32>,
    ) -> Result<Page, ProviderError> {
        dispatch!(self, p => p.page(q, at, size).await)
    }

    pub async fn enrich(&self, q: &Query, chats: &mut [Chat]) -> Result<(), ProviderError> {
        dispatch!(self, p => p.enrich(q, chats).await)
    }

    pub fn message_capabilities(&self) -> MessageCapabilities {
        dispatch!(self, p => p.message_capabilities())
    }

    pub async fn messages(
        &self,
        q: &MessageQuery,
        at: PageAt,
        size: Option<u32>,
    ) -> Result<MessagePage, ProviderError> {
        dispatch!(self, p => p.messages(q, at, size).await)
    }

    /// Mark `chat_id` read; with `dry_run`, only say which writes would be sent. The outcome
    /// lists the writes either way.
    pub async fn mark_read(
        &self,
        chat_id: &str,
        dry_run: bool,
    ) -> Result<ReadOutcome, ProviderError> {
        let mut w = Writes::new(dry_run);
        let mut outcome = dispatch!(self, p => p.mark_read(chat_id, &mut w).await)?;
        outcome.calls = w.into_calls();
        Ok(outcome)
    }

    /// 429 answers seen so far (the pager slows down when this grows).
    pub fn throttle_count(&self) -> u32 {
        dispatch!(self, p => p.http().throttle_count())
    }

    pub async fn check(&self) -> Result<String, ProviderError> {
        dispatch!(self, p => p.check().await)
    }
}
