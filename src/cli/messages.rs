//! `messages …` on the command line (clap types only).

use clap::{Args, Subcommand};

use super::{MessageKindArg, OrderArg};

#[derive(Debug, Subcommand)]
pub enum MessagesCommand {
    /// A chat's messages as a conversation (the last 20, oldest first, by default)
    List(MessageArgs),
}

#[derive(Debug, Clone, Args)]
pub struct MessageArgs {
    /// The chat: a JID (…@c.us, …@s.whatsapp.net, …@g.us, …@lid, …@newsletter), a phone
    /// number in international form (+62 812-3456-7890; several words are joined), or a name
    /// (exact, else a unique part of it, case-insensitive)
    #[arg(required = true, num_args = 1.., value_name = "CHAT")]
    pub chat: Vec<String>,

    /// At most N messages, the newest ones [default: 20; with --count: all]
    #[arg(long, value_name = "N", conflicts_with = "all", value_parser = super::values::limit::<u32>)]
    pub limit: Option<u32>,

    /// Every message, paging as needed (with --order asc, the default, the whole history is
    /// held in memory to print it oldest first; --order desc streams it)
    #[arg(long)]
    pub all: bool,

    /// Only messages older than this: a time (2024-06-29, 2024-06-29T12:00:00Z; without an
    /// offset: local time) or a message id (exclusive)
    #[arg(long, value_name = "TIME|ID")]
    pub before: Option<String>,

    /// Only messages since this: a duration back from now (2d, 90m) or a time (inclusive)
    #[arg(long, value_name = "DURATION|TIME")]
    pub since: Option<String>,

    /// asc: oldest first, newest at the bottom, like a chat; desc: newest first, streamed (on
    /// the WhatsApp Gateway, which lists in insert order, a message is held back until no
    /// later page can hold a newer one; without storage times that means the whole chat)
    #[arg(long, value_enum, default_value_t = OrderArg::Asc)]
    pub order: OrderArg,

    /// Only messages from others
    #[arg(long, conflicts_with = "outgoing")]
    pub incoming: bool,

    /// Only messages from this account
    #[arg(long)]
    pub outgoing: bool,

    /// Only messages of these kinds (comma-separated)
    #[arg(long, value_enum, value_delimiter = ',', value_name = "KIND")]
    pub kind: Vec<MessageKindArg>,

    /// Only messages whose text contains TEXT (case-insensitive)
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,

    /// Exit 1 when no message matched, 0 when some did (errors keep their codes)
    #[arg(long)]
    pub exit_status: bool,

    /// Print only the number of matching messages
    #[arg(long)]
    pub count: bool,
}
