//! wa-inbox: your WhatsApp inbox in the terminal, across WhatsApp gateway APIs.
//!
//! Architecture (data flows top to bottom; a module imports only modules below
//! it, which `layers.rs` checks):
//!
//! ```text
//! main.rs          parse the command line, start the runtime, run, map an error to an exit code once
//! command/         one run() per subcommand, and the one place that reads clap types and the
//!                  process environment: maps them into config::Inputs and config::Env
//!   selection.rs   a `chats` subcommand as a domain Selection
//!   chats.rs       list / overview / unread / waiting; pipeline.rs plans what the gateway does and what
//!                  we do (filters.rs), then pages into the sink; require() refuses an
//!                  operation a gateway lacks (exit 9)
//! browse/          the interactive browser (`browse`): model, pure update and view, a key
//!                  table, background tasks that report back; no I/O of its own but the
//!                  terminal's (command/browse/ hands it a Source: gateways and store on a network thread)
//! cli.rs           clap types only (cli/values.rs: value enums mapped onto domain types)
//! exit.rs          the exit-code table: which error maps to which number
//! config/          the config file and profile selection; resolve.rs turns Inputs + Env +
//!                  file into one Settings, and each selected profile into a ResolvedProfile
//!                  (secrets resolved on a blocking thread); defaults.rs holds every default
//! store/           the local state store (SQLite): the overview cache behind --cached and
//!                  the alert memory behind --new; no secrets
//! output/          the only writer of stdout: table, json, ndjson, csv, tsv; sinks own their pages
//! provider/        AnyProvider and the Provider contract: capabilities per view, an Operations
//!                  table per gateway (ops.rs), one folder per gateway (wire types → Chat);
//!                  http.rs the one HTTP client, paging.rs the one pager, any.rs the registry
//!                  expanded into ProviderConfig / AnyProvider / dispatch
//! sandbox/         a local emulator of every gateway, for --demo and tests; imports nothing
//!                  from provider/, so both sides cannot share one mistake
//! gateways.rs      the gateway registry: one line per gateway, every per-gateway list derives from it
//! diag.rs          the only writer of stderr (warnings, -v log, the final error), redacted
//! message.rs       the uniform message record (beside chat.rs, using its JID rules)
//! chat.rs          the uniform record; time.rs its timestamps
//! duration.rs      the one duration parser (--timeout and `timeout`, --older-than, --since, …)
//! secret.rs        secret sources and the redacting Secret (shared by config/ and provider/)
//! redact.rs        the redactor: registered secrets hidden in every encoding, cuts that leak no part
//! sanitize.rs      untrusted text made safe for a terminal or a spreadsheet (output, diag, provider)
//! ```
//!
//! Adding a gateway: its folder under `provider/`, its emulator under
//! `sandbox/`, and one line in the registry `gateways.rs`; the exact steps are
//! in `provider/mod.rs`, and tests fail until the example config and the
//! README name it. Adding an operation (messages, mark read):
//! also described in `provider/mod.rs`.

pub mod browse;
pub mod chat;
pub mod cli;
pub mod command;
pub mod config;
pub mod diag;
pub mod duration;
pub mod exit;
pub mod gateways;
#[cfg(test)]
mod layers;
pub mod message;
pub mod output;
pub mod provider;
pub mod redact;
pub mod sandbox;
pub mod sanitize;
pub mod secret;
pub mod store;
pub mod time;
