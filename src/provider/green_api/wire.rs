//! Green API's JSON as its docs describe it (PROVIDERS.md §3;
//! https://green-api.com/en/docs/api/service/GetChats/ and
//! …/journals/LastIncomingMessages/). Lenient: unknown fields are ignored and
//! every field is optional, so one odd journal entry cannot fail the listing.

use serde::Deserialize;

/// One `getChats` item.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Chat {
    pub id: String,
    pub name: Option<String>,
    /// `user` | `group`.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Named `archive`, not `archived`.
    pub archive: Option<bool>,
    /// Seconds; 0 = off (a real value).
    pub ephemeral_expiration: Option<u64>,
    // NOTE: `ephemeralSettingTimestamp` is when the timer changed, not last activity:
    // deliberately not read.
}

/// One `lastIncomingMessages` / `lastOutgoingMessages` entry.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Entry {
    /// `incoming` | `outgoing`.
    #[serde(rename = "type")]
    pub direction: Option<String>,
    pub id_message: Option<String>,
    /// Seconds.
    pub timestamp: Option<i64>,
    pub chat_id: Option<String>,
    pub text_message: Option<String>,
    pub extended_text_message: Option<ExtendedText>,
    pub caption: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(super) struct ExtendedText {
    pub text: Option<String>,
}

/// `getStateInstance`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct State {
    pub state_instance: Option<String>,
}
