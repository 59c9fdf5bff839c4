//! wa-inbox: your WhatsApp inbox in the terminal, across WhatsApp gateway APIs.
//!
//! Architecture (data flows top to bottom):
//!
//! ```text
//! main.rs        parse the command line, run, map an error to an exit code once
//! cli.rs         clap types only
//! command/       one run() per subcommand; resolves profile → provider → output
//!   chats.rs     list / overview / unread: plan what the gateway does and what we do
//! config/        config file, profile selection, secret sources
//! provider/      one folder per gateway: its wire types → `Chat`; http.rs is the one
//!                HTTP client (timeouts, retries, caps, redaction); paging.rs the one pager
//! chat.rs        the uniform record; time.rs its timestamps
//! output/        the only writer of stdout: table, json, ndjson, csv, tsv
//! diag.rs        the only writer of stderr (warnings, -v log, the final error), redacted
//! exit.rs        the exit-code table
//! sandbox/       a local emulator of every gateway, for --demo and tests; shares no
//!                code with provider/ so both sides cannot share one mistake
//! ```
//!
//! Adding a gateway: its folder under `provider/`, its emulator under
//! `sandbox/`, and one line in the registry `gateways.rs`; the exact steps are
//! in `provider/mod.rs`.

pub mod chat;
pub mod cli;
pub mod command;
pub mod config;
pub mod diag;
pub mod exit;
pub mod gateways;
pub mod output;
pub mod provider;
pub mod sandbox;
pub mod sanitize;
pub mod secret;
pub mod time;
