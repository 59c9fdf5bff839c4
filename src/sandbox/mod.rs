//! Local emulator of the six WhatsApp gateways on 127.0.0.1, so the client can be tested (and
//! demonstrated) against each vendor's real wire contract, quirks and failures, without a phone.

mod baileys;
pub mod creds;
mod echo;
mod entry;
mod evolution;
mod evolution_messages;
mod faults;
mod gateway;
mod gateway_messages;
mod gowa;
mod gowa_messages;
mod green;
mod green_history;
mod history;
mod http;
pub mod inbox;
mod live;
mod message;
mod profiles;
mod read_calls;
mod reads;
mod rows;
mod seed;
mod server;
mod state;
mod texts;
mod waha;
mod waha_messages;
mod waha_wire;
mod wawp;
mod webjs;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_faults;
#[cfg(test)]
mod tests_history;
#[cfg(test)]
mod tests_live;
#[cfg(test)]
mod tests_msg_gateway;
#[cfg(test)]
mod tests_msg_gowa;
#[cfg(test)]
mod tests_msg_green_evo;
#[cfg(test)]
mod tests_msg_waha;
#[cfg(test)]
mod tests_reads;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use crate::gateways::gateways;
pub use echo::Echo;
pub use faults::Faults;
pub use history::{listed, Contact, Location, Media, MessageKind, SandboxMessage};
pub use inbox::{demo_inbox, demo_inbox_at, SandboxChat};
pub use live::{Delivered, Incoming};
pub use reads::Receipt;

/// How to start a sandbox.
#[derive(Clone, Debug)]
pub struct SandboxOptions {
    /// Port on 127.0.0.1; 0 = ephemeral.
    pub port: u16,
    /// Number of generated chats.
    pub chats: usize,
    /// History length of every chat that has messages; `None` = 1–80 per chat (96 for the
    /// demo's showcase chats). Histories are generated per page, so 100,000 costs nothing.
    pub messages: Option<usize>,
    /// PRNG seed of the generated inbox.
    pub seed: u64,
    /// Initial faults.
    pub faults: Faults,
    /// Added to every request.
    pub latency: Duration,
    /// Deliver a realistic incoming message this often (`--traffic`).
    pub traffic: Option<Duration>,
}

impl SandboxOptions {
    /// Chats in the generated inbox unless asked otherwise.
    pub const DEFAULT_CHATS: usize = 240;
}

impl Default for SandboxOptions {
    fn default() -> Self {
        SandboxOptions {
            port: 0,
            chats: SandboxOptions::DEFAULT_CHATS,
            messages: None,
            seed: 7,
            faults: Faults::default(),
            latency: Duration::ZERO,
            traffic: None,
        }
    }
}

/// One request received by the sandbox.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub method: String,
    pub path: String,
    pub query: String,
    /// Header names are lowercase.
    pub headers: Vec<(String, String)>,
    /// 0 when no response was sent (drop, stall).
    pub status: u16,
}

/// A running sandbox; dropping it stops the server, every open connection and the traffic.
pub struct Sandbox {
    addr: SocketAddr,
    shared: Arc<state::Shared>,
    task: tokio::task::JoinHandle<()>,
    traffic: std::sync::Mutex<Option<tokio::task::JoinHandle<()>>>,
    /// The inbox as generated at the start.
    initial: Vec<SandboxChat>,
    now: i64,
}

impl Sandbox {
    /// Binds 127.0.0.1:port and serves on the current tokio runtime.
    pub async fn start(opts: SandboxOptions) -> std::io::Result<Sandbox> {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", opts.port)).await?;
        let addr = listener.local_addr()?;
        let inbox = inbox::Inbox::new(opts.chats, opts.seed, opts.messages);
        let (initial, now) = (inbox.chats.clone(), inbox.now);
        let shared = Arc::new(state::Shared::new(inbox, opts.faults, opts.latency));
        let task = tokio::spawn(server::run(listener, shared.clone()));
        let sandbox = Sandbox {
            addr,
            shared,
            task,
            traffic: Default::default(),
            initial,
            now,
        };
        if let Some(every) = opts.traffic {
            sandbox.start_traffic(every);
        }
        Ok(sandbox)
    }

    /// Deliver a realistic message every `every` (the first one after `every`), until dropped.
    pub fn start_traffic(&self, every: Duration) {
        let shared = self.shared.clone();
        let task = tokio::spawn(async move {
            let mut tick = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
            loop {
                tick.tick().await;
                let _ = shared.deliver(Incoming::default());
            }
        });
        let old = self
            .traffic
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .replace(task);
        if let Some(old) = old {
            old.abort();
        }
    }

    /// Stop serving: connections are refused (a gateway restarting) until `serve_again`; the
    /// inbox, deliveries and faults are kept, as a gateway keeps its database.
    pub fn stop_serving(&mut self) {
        self.task.abort();
    }

    /// Listen again on the same address after `stop_serving`.
    pub async fn serve_again(&mut self) -> std::io::Result<()> {
        let mut tries = 0;
        let listener = loop {
            match tokio::net::TcpListener::bind(self.addr).await {
                Ok(l) => break l,
                // The aborted server may not have let go of the port yet.
                Err(_) if tries < 50 => {
                    tries += 1;
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
                Err(e) => return Err(e),
            }
        };
        self.task = tokio::spawn(server::run(listener, self.shared.clone()));
        Ok(())
    }

    /// Deliver one message now, as `POST /_sandbox/incoming` does; returns it as stored.
    pub fn deliver(&self, incoming: Incoming) -> Result<Delivered, String> {
        self.shared.deliver(incoming)
    }

    /// One chat as it is now (after deliveries), by any id the inbox knows.
    pub fn chat(&self, id: &str) -> Option<SandboxChat> {
        self.shared.inbox().find(id).cloned()
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Base URL of one gateway emulator, e.g. `http://127.0.0.1:PORT/gowa`.
    pub fn url(&self, gateway: &str) -> String {
        format!("http://{}/{}", self.addr, gateway.trim_matches('/'))
    }

    /// Every request received, in order (including `/_sandbox/…`).
    pub fn journal(&self) -> Vec<Hit> {
        self.shared.journal()
    }

    /// Replaces the faults (and restarts the `fail_first` count).
    pub fn set_faults(&self, f: Faults) {
        self.shared.set_faults(f);
    }

    /// The inbox as generated at the start (times are relative to it); `chat()` gives a chat
    /// as it is after deliveries.
    pub fn chats(&self) -> &[SandboxChat] {
        &self.initial
    }

    /// Media files WAHA and Wawp downloaded while listing messages (every listing that did not
    /// send `downloadMedia=false`, once per message with media): 0 for a well-behaved client.
    pub fn media_downloads(&self) -> usize {
        self.shared
            .media_downloads
            .load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Every mark-read call's effect, in the order received (see `Receipt`).
    pub fn receipts(&self) -> Vec<Receipt> {
        self.shared.receipts()
    }

    /// The sandbox's "now" (Unix seconds) that the inbox times are relative to.
    pub fn now(&self) -> i64 {
        self.now
    }

    /// A config.toml snippet with each gateway's demo profiles (one named
    /// after the gateway, plus variants such as `waha-noweb`, `wawp-array`).
    pub fn profiles_toml(&self) -> String {
        demo_profiles_at(&self.addr.to_string())
    }
}

/// The demo profiles for a sandbox listening on `addr`.
pub fn demo_profiles_at(addr: &str) -> String {
    let url = |gateway: &str| format!("http://{addr}/{gateway}");
    macro_rules! all_demo_profiles {
        (() $($variant:ident $name:literal $provider:ident $sandbox:ident;)*) => {
            [$($sandbox::demo_profiles(&url($name)),)*].concat()
        };
    }
    gateways!(all_demo_profiles)
}

/// The names of the demo profiles (`--demo -p NAME`), in registry order,
/// known without starting a sandbox (for shell completion).
pub fn demo_profile_names() -> Vec<String> {
    demo_profiles_at("127.0.0.1:0")
        .lines()
        .filter_map(|l| l.strip_prefix("[profiles.")?.strip_suffix(']'))
        .map(str::to_owned)
        .collect()
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        self.task.abort();
        if let Some(t) = self.traffic.get_mut().ok().and_then(Option::take) {
            t.abort();
        }
    }
}
