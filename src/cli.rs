//! The command line, as clap derive types only: no I/O, no defaults taken
//! from the config file, no gateway knowledge. Each doc comment is its `--help`.
//! Value enums, mapped onto the domain types, are in `cli/values.rs`.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};

use crate::config::defaults;
use crate::sandbox::SandboxOptions;
pub use add::{AddArgs, GivenKey, KeyFlags, KeyValue};
pub use messages::{MessageArgs, MessagesCommand};
pub use values::{ColorArg, FormatArg, KindArg, MessageKindArg, OrderArg, RecordArg, SortArg};
pub use watch::WatchArgs;

mod add;
mod help;
mod messages;
mod values;
mod watch;

use help::{ADD_HELP, COMPLETIONS_HELP, DEMO_HELP, LONG_VERSION};

#[derive(Debug, Parser)]
#[command(
    name = "wa-inbox",
    version,
    long_version = LONG_VERSION,
    about = "Your WhatsApp inbox in the terminal, across WhatsApp gateway APIs"
)]
#[command(
    long_about = "Your WhatsApp inbox in the terminal, across WhatsApp gateway APIs \
    (GOWA, Wawp, Green API, WhatsApp Gateway, WAHA, Evolution API).\n\n\
    Try it without an account: wa-inbox --demo chats overview"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Profile(s) to use; repeat or comma-separate to merge several inboxes into one
    #[arg(
        short,
        long,
        global = true,
        env = "WA_INBOX_PROFILE",
        value_name = "NAME",
        value_delimiter = ','
    )]
    pub profile: Vec<String>,

    /// Use every profile in the config file, merged into one inbox (overrides -p and WA_INBOX_PROFILE)
    #[arg(long, global = true)]
    pub all_profiles: bool,

    /// Config file [default: $XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml]
    #[arg(
        short,
        long,
        global = true,
        env = "WA_INBOX_CONFIG",
        value_name = "PATH",
        value_hint = clap::ValueHint::FilePath
    )]
    pub config: Option<PathBuf>,

    /// Output format
    #[arg(short, long, global = true, env = "WA_INBOX_OUTPUT", value_enum, default_value_t = FormatArg::Table)]
    pub output: FormatArg,

    /// Only these fields, in this order (comma-separated; e.g. name,unread_count,last_message.body)
    #[arg(long, global = true, value_name = "FIELDS", value_delimiter = ',')]
    pub fields: Vec<String>,

    /// Leave out the header row (table, CSV, TSV)
    #[arg(long, global = true)]
    pub no_header: bool,

    /// Write CSV/TSV cells exactly, without neutralising leading = + - @ (spreadsheet formulas)
    #[arg(long, global = true)]
    pub csv_raw: bool,

    /// When to use colour (NO_COLOR turns `auto` off)
    #[arg(long, global = true, value_enum, default_value_t = ColorArg::Auto, value_name = "WHEN")]
    pub color: ColorArg,

    /// Give up on a request after this long (seconds, or e.g. 30s, 2m) [default: 30]
    #[arg(long, global = true, value_name = "SECONDS", value_parser = crate::duration::timeout)]
    pub timeout: Option<Duration>,

    /// Retries of a failed request (429, 502, 503, 504, refused or reset connections) [default: 3]
    #[arg(long, global = true, value_name = "N")]
    pub retries: Option<u32>,

    /// Requests in flight at once (read-ahead pages, per-chat calls) [default: 4]
    #[arg(long, global = true, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=64))]
    pub concurrency: Option<u16>,

    /// Log each request (method, redacted URL, status, time) on stderr
    #[arg(short, long, global = true, conflicts_with = "quiet")]
    pub verbose: bool,

    /// No progress indicator, warnings or notes on stderr (errors still print)
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// Show table times in UTC
    #[arg(long, global = true, conflicts_with = "relative")]
    pub utc: bool,

    /// Show table times as relative ("5 min ago")
    #[arg(long, global = true)]
    pub relative: bool,

    #[arg(long, global = true, help = DEMO_HELP)]
    pub demo: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List chats, with previews, or only the unread ones
    #[command(subcommand)]
    Chats(ChatsCommand),
    /// Add, show, check and remove the profiles in the config file
    #[command(subcommand)]
    Profiles(ProfilesCommand),
    /// Print a shell completion script
    #[command(after_long_help = COMPLETIONS_HELP, after_help = COMPLETIONS_HELP)]
    Completions {
        /// The shell: bash, zsh, fish, powershell or elvish
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Serve the local gateway emulator (all gateways) until interrupted
    Sandbox(SandboxArgs),
    /// Read a chat's messages
    #[command(subcommand)]
    Messages(MessagesCommand),
    /// Follow new messages as they arrive, across the selected profiles
    Watch(WatchArgs),
    /// Print the JSON Schema of a record: chat (the default) or message
    Schema {
        #[arg(value_enum, default_value_t = RecordArg::Chat)]
        record: RecordArg,
    },
    /// Browse the inbox interactively: chat list, conversations, search (keys: ? inside)
    Browse(BrowseArgs),
    /// Write the man page to stdout, or into a directory
    Man {
        /// Directory to write wa-inbox.1 into
        #[arg(value_hint = clap::ValueHint::DirPath)]
        dir: Option<PathBuf>,
    },
}

/// The interactive browser. Starts from the overview the store cached last
/// (its age in the status line) and refreshes it in the background; opening a
/// chat never marks it read.
#[derive(Debug, Clone, Args)]
pub struct BrowseArgs {
    /// Chats fetched per profile on each refresh [default: 100]
    #[arg(long, value_name = "N", conflicts_with = "all", value_parser = clap::value_parser!(u32).range(1..))]
    pub limit: Option<u32>,

    /// Fetch every chat of each profile on each refresh
    #[arg(long)]
    pub all: bool,

    /// Look for new messages this often (e.g. 30s, 2m; at least 2s, 100ms on this machine) [default: 30s; with --demo: 5s]
    #[arg(long, value_name = "DURATION", value_parser = crate::duration::with_unit)]
    pub interval: Option<Duration>,

    /// Let `y` copy the chat's JID to the clipboard through the terminal (OSC 52)
    #[arg(long)]
    pub osc52: bool,

    /// Use the mouse: the wheel scrolls, a click selects a chat, a second click opens it (off: the terminal's own text selection works)
    #[arg(long)]
    pub mouse: bool,
}

#[derive(Debug, Subcommand)]
pub enum ChatsCommand {
    #[command(flatten)]
    View(ViewCommand),
    /// Mark chats read on the gateway: a write (read receipts on most gateways; the README says what each does)
    Read(ReadArgs),
}

/// The chat views: `list`, `overview`, `unread`, `waiting`.
#[derive(Debug, Subcommand)]
pub enum ViewCommand {
    /// Chats, newest activity first (in the gateway's own order)
    List(ChatArgs),
    /// Chats with their unread count and last-message preview
    Overview(OverviewArgs),
    /// Chats with unread messages, most recent first
    Unread(UnreadArgs),
    /// Chats whose last message is incoming (awaiting your reply), most-waiting first
    Waiting(WaitingArgs),
}

#[derive(Debug, Clone, Args)]
pub struct ReadArgs {
    /// Each chat: a JID, a phone number (+62 812…) or a name, as `messages list` takes them (quote a name with spaces)
    #[arg(required = true, value_name = "CHAT")]
    pub chats: Vec<String>,

    /// Print the requests that would be sent (method, path, body; secrets hidden) and send none
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Clone, Args)]
pub struct ChatArgs {
    /// Return at most N chats [default: 50; with --count: all]
    #[arg(long, value_name = "N", conflicts_with = "all", value_parser = values::limit::<usize>)]
    pub limit: Option<usize>,

    /// Return every chat, paging as needed
    #[arg(long)]
    pub all: bool,

    /// Start at this offset (gateways that page by offset)
    #[arg(long, value_name = "N", conflicts_with = "cursor")]
    pub offset: Option<u64>,

    /// Start at this cursor (gateways that page by cursor)
    #[arg(long, value_name = "CURSOR")]
    pub cursor: Option<String>,

    /// Chats per request [default: the gateway's maximum]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub page_size: Option<u32>,

    /// Order by
    #[arg(long, value_enum, value_name = "KEY")]
    pub sort: Option<SortArg>,

    /// Sort direction [default: desc for activity, asc for name and id]
    #[arg(long, value_enum)]
    pub order: Option<OrderArg>,

    /// Only archived (true) or only unarchived (false) chats
    #[arg(long, value_name = "BOOL")]
    pub archived: Option<bool>,

    /// Only chats with media
    #[arg(long)]
    pub has_media: bool,

    /// Only chats whose name contains TEXT (case-insensitive)
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,

    /// Only chats of these kinds (comma-separated) [default for `unread`: direct,group; else all]
    #[arg(long, value_enum, value_delimiter = ',', value_name = "KIND")]
    pub kind: Vec<KindArg>,

    /// Exit 1 when no chat matched, 0 when some did (errors keep their codes)
    #[arg(long)]
    pub exit_status: bool,

    /// Print only the number of matching chats (for `unread`, then a tab and the total unread messages)
    #[arg(long)]
    pub count: bool,

    /// Answer from the overview that the last `chats overview` recorded, without a network call
    #[arg(long, conflicts_with_all = ["offset", "cursor", "page_size"])]
    pub cached: bool,
}

#[derive(Debug, Clone, Args)]
pub struct WaitingArgs {
    /// Chats of these kinds only; without --kind: direct and group
    #[command(flatten)]
    pub chats: ChatArgs,

    /// Only chats whose last message came in longer ago than DURATION (e.g. 2h)
    #[arg(long, value_name = "DURATION", value_parser = crate::duration::with_unit)]
    pub older_than: Option<Duration>,

    /// Examine only chats with activity within DURATION; bounds the per-chat calls [default: 7d]
    #[arg(long, value_name = "DURATION", value_parser = crate::duration::with_unit)]
    pub active_within: Option<Duration>,

    #[command(flatten)]
    pub alert: AlertArgs,
}

/// Alert once: `unread` and `waiting` remember what they reported.
#[derive(Debug, Clone, Args)]
pub struct AlertArgs {
    /// Only chats that are new since the last --new run of this view and profile (the first run prints all)
    #[arg(long, conflicts_with = "count")]
    pub new: bool,

    /// With --new: report a chat again when it still matches this long after it was last reported (e.g. 4h)
    #[arg(long, value_name = "DURATION", value_parser = crate::duration::with_unit, requires = "new")]
    pub remind_after: Option<Duration>,
}

#[derive(Debug, Clone, Args)]
pub struct OverviewArgs {
    #[command(flatten)]
    pub chats: ChatArgs,

    /// How far back message journals are read, for gateways that build previews from them (Green API) [default: 24h]
    #[arg(long, value_name = "DURATION", value_parser = crate::duration::with_unit)]
    pub since: Option<Duration>,
}

#[derive(Debug, Clone, Args)]
pub struct UnreadArgs {
    #[command(flatten)]
    pub chats: ChatArgs,

    /// Only chats with at least N unread messages
    #[arg(long, value_name = "N", default_value_t = defaults::MIN_UNREAD)]
    pub min: u64,

    /// Only chats whose last activity is older than DURATION (they have waited); most-waiting first
    #[arg(long, value_name = "DURATION", value_parser = crate::duration::with_unit)]
    pub older_than: Option<Duration>,

    #[command(flatten)]
    pub alert: AlertArgs,
}

#[derive(Debug, Subcommand)]
pub enum ProfilesCommand {
    /// List the profiles: name, gateway, base URL, where each secret comes from
    List,
    /// Resolve each profile's secrets and make one cheap call; non-zero exit if any fails
    Check {
        /// Check only this profile
        name: Option<String>,
    },
    /// Add a profile to the config file: asks on a terminal, else takes flags; checks it first
    #[command(after_long_help = ADD_HELP)]
    Add(AddArgs),
    /// Remove profile NAME from the config file (comments and other profiles stay)
    Remove {
        /// The profile to remove
        name: String,
    },
    /// Make NAME the default profile (sets default_profile, clears `default = true` elsewhere)
    Default {
        /// The profile to use when -p is not given
        name: String,
    },
}

#[derive(Debug, Clone, Args)]
pub struct SandboxArgs {
    /// Port on 127.0.0.1 (0 picks a free one)
    #[arg(long, default_value_t = defaults::SANDBOX_PORT)]
    pub port: u16,

    /// Number of chats in the emulated inbox
    #[arg(long, default_value_t = SandboxOptions::DEFAULT_CHATS)]
    pub chats: usize,

    /// Messages in every chat's history (default: 1-80 per chat), generated per page, so
    /// 100000 is cheap
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=10_000_000))]
    pub messages: Option<u64>,

    /// Extra delay per request (e.g. 20ms)
    #[arg(long, value_parser = crate::duration::with_unit, value_name = "DURATION")]
    pub latency: Option<Duration>,

    /// Inject faults: comma list of fail=N:STATUS, retry-after=S, stall, truncate, html, xml, wrong-type, drop, latency=MS, echo=ENCODING:PLACE
    #[arg(long, value_name = "SPEC")]
    pub fault: Option<String>,

    /// Deliver a realistic incoming message this often (e.g. 5s), to try `watch`, `--new` and
    /// `chats waiting` live; POST /_sandbox/incoming delivers one on demand
    #[arg(long, value_parser = crate::duration::with_unit, value_name = "DURATION")]
    pub traffic: Option<Duration>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_consistent() {
        Cli::command().debug_assert();
    }

    /// `--help` quotes defaults that `config::defaults` holds; they must agree.
    #[test]
    fn help_quotes_the_defaults() {
        let cli = Cli::command();
        let overview = cli
            .find_subcommand("chats")
            .and_then(|c| c.find_subcommand("overview"))
            .unwrap()
            .clone();
        let help = |cmd: &clap::Command, id: &str| {
            let arg = cmd.get_arguments().find(|a| a.get_id() == id).unwrap();
            arg.get_help().unwrap().to_string()
        };
        let d = |v: String| format!("[default: {v}");
        assert!(help(&cli, "timeout").contains(&d(defaults::TIMEOUT.as_secs().to_string())));
        assert!(help(&cli, "retries").contains(&d(defaults::RETRIES.to_string())));
        assert!(help(&cli, "concurrency").contains(&d(defaults::CONCURRENCY.to_string())));
        assert!(help(&overview, "limit").contains(&d(defaults::LIMIT.to_string())));
        let since = format!("{}h", defaults::SINCE.as_secs() / 3600);
        assert!(help(&overview, "since").contains(&d(since)));
        let waiting = cli
            .find_subcommand("chats")
            .and_then(|c| c.find_subcommand("waiting"))
            .unwrap()
            .clone();
        let within = format!("{}d", defaults::ACTIVE_WITHIN.as_secs() / 86_400);
        assert!(help(&waiting, "active_within").contains(&d(within)));
        let messages = cli
            .find_subcommand("messages")
            .and_then(|c| c.find_subcommand("list"))
            .unwrap();
        assert!(help(messages, "limit").contains(&d(defaults::MESSAGE_LIMIT.to_string())));
    }
}
