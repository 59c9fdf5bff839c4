//! `watch …` on the command line (clap types only).

use std::time::Duration;

use clap::Args;

use super::KindArg;

#[derive(Debug, Clone, Args)]
pub struct WatchArgs {
    /// Only these chats: a JID, a phone number in international form, or a name, as in
    /// `messages list` (one word each; quote a name with spaces). Default: every chat
    #[arg(value_name = "CHAT")]
    pub chat: Vec<String>,

    /// Time between polls (at least 2s; 100ms for a gateway on this machine) [default: 30s; with --demo: 5s]
    #[arg(long, value_parser = crate::duration::with_unit, value_name = "DURATION")]
    pub interval: Option<Duration>,

    /// Only messages from others (own messages are still remembered, never printed later)
    #[arg(long)]
    pub incoming: bool,

    /// Only chats of these kinds [default: direct,group]
    #[arg(long, value_enum, value_delimiter = ',', value_name = "KIND")]
    pub kind: Vec<KindArg>,

    /// Run CMD (with sh -c) once per new message: the message record as JSON on stdin,
    /// WA_INBOX_PROFILE, WA_INBOX_CHAT, WA_INBOX_SENDER, WA_INBOX_MESSAGE_ID in its environment;
    /// its output goes to stderr; at most 4 at a time, each stopped after 60s
    #[arg(long, value_name = "CMD")]
    pub exec: Option<String>,
}
