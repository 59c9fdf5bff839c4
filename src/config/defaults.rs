//! Every default that applies when neither the command line, the environment
//! nor the profile says otherwise, in one place. `resolve` applies them; the
//! `--help` texts that quote them are checked against them by a test.
//! (Each gateway's default base URL lives in its `Config`, and the sandbox's
//! inbox size in `SandboxOptions`: each the only place that knows it.)

use std::time::Duration;

/// `--timeout` / `timeout`: one request, retries excluded.
pub const TIMEOUT: Duration = Duration::from_secs(30);
/// `--retries` / `retries`.
pub const RETRIES: u32 = 3;
/// `max_body_size`: the largest response accepted.
pub const MAX_BODY: u64 = 64 * 1024 * 1024;
/// `--concurrency` / `concurrency`: calls in flight per profile.
pub const CONCURRENCY: usize = 4;
/// `--limit`.
pub const LIMIT: usize = 50;
/// `messages list --limit`.
pub const MESSAGE_LIMIT: u32 = 20;
/// `overview --since`: the journal window of gateways that build previews from journals.
pub const SINCE: Duration = Duration::from_secs(24 * 3600);
/// `waiting --active-within`: only chats active this recently are examined.
pub const ACTIVE_WITHIN: Duration = Duration::from_secs(7 * 24 * 3600);
/// `unread --min`.
pub const MIN_UNREAD: u64 = 1;
/// The profile `--demo` uses without `-p`: a gateway that really counts
/// unread messages and has native previews.
pub const DEMO_PROFILE: &str = "evolution";
/// `wa-inbox sandbox --port`.
pub const SANDBOX_PORT: u16 = 8765;
