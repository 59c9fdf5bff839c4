//! The uniform chat record every gateway maps onto, and the JID rules that
//! derive `jid`, `phone` and `kind` from a gateway's chat id.
//!
//! This is a public contract (JSON output is an API): keys are snake_case,
//! every key is always present, and `None` means "the gateway does not report
//! it" — never an invented `0` or `false`. No vendor field name appears here.

use serde::{Deserialize, Serialize};

use crate::time::Timestamp;

/// One chat, as every output format sees it (record schema v1).
// Deserialising (the local store's cache) leaves `provider` empty: it is a
// registry name, which the store puts back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[schemars(title = "wa-inbox chat record v1")]
pub struct Chat {
    pub profile: String,
    #[serde(skip_deserializing)]
    pub provider: &'static str,
    /// The chat id exactly as the gateway names it.
    pub id: String,
    /// `id` normalised (`c.us` → `s.whatsapp.net`, device suffix dropped).
    pub jid: Option<String>,
    pub phone: Option<String>,
    pub kind: Kind,
    pub name: Option<String>,
    pub unread_count: Option<u64>,
    pub last_activity_at: Option<Timestamp>,
    pub last_message: Option<LastMessage>,
    pub archived: Option<bool>,
    pub pinned: Option<bool>,
    pub muted_until: Option<Timestamp>,
    pub ephemeral_seconds: Option<u64>,
    /// Other JIDs of the same chat (LID and phone forms), where the gateway reports them.
    pub aliases: Option<Vec<String>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct LastMessage {
    pub id: Option<String>,
    pub body: Option<String>,
    pub at: Option<Timestamp>,
    pub from_me: Option<bool>,
}

/// What sort of conversation a chat is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Direct,
    Group,
    Channel,
    Broadcast,
    Status,
    Other,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Group => "group",
            Kind::Channel => "channel",
            Kind::Broadcast => "broadcast",
            Kind::Status => "status",
            Kind::Other => "other",
        }
    }
}

impl Chat {
    /// A record for chat `id` with `jid`, `phone` and `kind` derived from the id
    /// and every gateway-reported field unknown. Providers fill in what they know.
    pub fn new(profile: &str, provider: &'static str, id: &str) -> Chat {
        let jid = Jid::parse(id);
        Chat {
            profile: profile.to_owned(),
            provider,
            id: id.to_owned(),
            jid: jid.as_ref().map(Jid::to_string),
            phone: jid.as_ref().and_then(Jid::phone),
            kind: jid.as_ref().map_or(Kind::Other, Jid::kind),
            name: None,
            unread_count: None,
            last_activity_at: None,
            last_message: None,
            archived: None,
            pinned: None,
            muted_until: None,
            ephemeral_seconds: None,
            aliases: None,
        }
    }

    /// Override the suffix-derived kind with the gateway's own, more specific type.
    /// `phone` only exists for direct chats.
    pub fn with_kind(mut self, kind: Kind) -> Chat {
        self.kind = kind;
        if kind != Kind::Direct {
            self.phone = None;
        }
        self
    }

    /// Set `name`, treating an empty string as unknown.
    pub fn with_name(mut self, name: Option<String>) -> Chat {
        self.name = name.filter(|n| !n.is_empty());
        self
    }

    /// Where the chat stands in an inbox (smaller first): unread chats first
    /// (where the gateway counts), then the most recent activity, chats
    /// without a time last. `browse` lists in this order, and the store keeps
    /// the first chats in it apart so that `browse` can draw them at once.
    pub fn inbox_rank(&self) -> (bool, std::cmp::Reverse<i64>) {
        let unread = self.unread_count.unwrap_or(0) > 0;
        let at = self.last_activity_at.map_or(i64::MIN, |t| t.secs());
        (!unread, std::cmp::Reverse(at))
    }
}

/// A parsed, normalised WhatsApp JID: `user@server`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jid {
    pub user: String,
    pub server: String,
}

impl Jid {
    /// Parse and normalise a gateway chat id. Bare digits (Green API shorthand)
    /// become a phone JID; `c.us` becomes `s.whatsapp.net`; a `:device` suffix,
    /// and for user servers a `.agent` suffix, is dropped. `None` for an empty id.
    pub fn parse(id: &str) -> Option<Jid> {
        let id = id.trim();
        if id.is_empty() {
            return None;
        }
        let (user, server) = match id.rsplit_once('@') {
            Some((u, s)) => (u, s.to_ascii_lowercase()),
            None if id.bytes().all(|b| b.is_ascii_digit()) => (id, "s.whatsapp.net".to_owned()),
            None => return None,
        };
        let server = if server == "c.us" {
            "s.whatsapp.net".to_owned()
        } else {
            server
        };
        let mut user = user.split(':').next().unwrap_or(user);
        if server == "s.whatsapp.net" || server == "lid" {
            user = user.split('.').next().unwrap_or(user);
        }
        if user.is_empty() || server.is_empty() {
            return None;
        }
        Some(Jid {
            user: user.to_owned(),
            server,
        })
    }

    pub fn kind(&self) -> Kind {
        match self.server.as_str() {
            "s.whatsapp.net" if self.user == "0" || self.user.starts_with("1313555") => Kind::Other,
            "s.whatsapp.net" | "lid" => Kind::Direct,
            "g.us" => Kind::Group,
            "newsletter" => Kind::Channel,
            "broadcast" if self.user == "status" => Kind::Status,
            "broadcast" => Kind::Broadcast,
            _ => Kind::Other,
        }
    }

    /// The phone number, only for a phone-number user JID (never for `@lid`).
    pub fn phone(&self) -> Option<String> {
        (self.kind() == Kind::Direct
            && self.server == "s.whatsapp.net"
            && self.user.bytes().all(|b| b.is_ascii_digit()))
        .then(|| self.user.clone())
    }
}

impl std::fmt::Display for Jid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}@{}", self.user, self.server)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(id: &str) -> (Option<String>, Kind, Option<String>) {
        let c = Chat::new("p", "test", id);
        (c.jid, c.kind, c.phone)
    }

    #[test]
    fn jid_classification_table() {
        let s = |v: &str| Some(v.to_owned());
        let cases = [
            (
                "6281234567890@s.whatsapp.net",
                s("6281234567890@s.whatsapp.net"),
                Kind::Direct,
                s("6281234567890"),
            ),
            (
                "201234567890@c.us",
                s("201234567890@s.whatsapp.net"),
                Kind::Direct,
                s("201234567890"),
            ),
            (
                "201234567890@C.US",
                s("201234567890@s.whatsapp.net"),
                Kind::Direct,
                s("201234567890"),
            ),
            (
                "79001234567",
                s("79001234567@s.whatsapp.net"),
                Kind::Direct,
                s("79001234567"),
            ),
            (
                "12345.0:7@s.whatsapp.net",
                s("12345@s.whatsapp.net"),
                Kind::Direct,
                s("12345"),
            ),
            (
                "12345:12@s.whatsapp.net",
                s("12345@s.whatsapp.net"),
                Kind::Direct,
                s("12345"),
            ),
            (
                "123456789012345@lid",
                s("123456789012345@lid"),
                Kind::Direct,
                None,
            ),
            (
                "123456789012345:3@lid",
                s("123456789012345@lid"),
                Kind::Direct,
                None,
            ),
            (
                "120363025246125888@g.us",
                s("120363025246125888@g.us"),
                Kind::Group,
                None,
            ),
            (
                "79001234567-1479621234@g.us",
                s("79001234567-1479621234@g.us"),
                Kind::Group,
                None,
            ),
            (
                "120363144038483540@newsletter",
                s("120363144038483540@newsletter"),
                Kind::Channel,
                None,
            ),
            (
                "status@broadcast",
                s("status@broadcast"),
                Kind::Status,
                None,
            ),
            (
                "1234567890@broadcast",
                s("1234567890@broadcast"),
                Kind::Broadcast,
                None,
            ),
            ("0@s.whatsapp.net", s("0@s.whatsapp.net"), Kind::Other, None),
            ("0@c.us", s("0@s.whatsapp.net"), Kind::Other, None),
            (
                "13135550002@s.whatsapp.net",
                s("13135550002@s.whatsapp.net"),
                Kind::Other,
                None,
            ),
            (
                "867051314767696@bot",
                s("867051314767696@bot"),
                Kind::Other,
                None,
            ),
            ("abc@hosted", s("abc@hosted"), Kind::Other, None),
            ("", None, Kind::Other, None),
            ("not-a-jid", None, Kind::Other, None),
        ];
        for (id, jid, kind, phone) in cases {
            assert_eq!(norm(id), (jid, kind, phone), "id {id:?}");
        }
    }

    #[test]
    fn gateway_kind_overrides_suffix_and_clears_phone() {
        let c = Chat::new("p", "t", "123@s.whatsapp.net").with_kind(Kind::Broadcast);
        assert_eq!((c.kind, c.phone), (Kind::Broadcast, None));
    }

    #[test]
    fn empty_name_is_unknown() {
        assert_eq!(
            Chat::new("p", "t", "1@c.us")
                .with_name(Some(String::new()))
                .name,
            None
        );
    }
}
