//! The one integration-test binary: the built `wa-inbox` against the sandbox
//! on 127.0.0.1, in a hermetic environment (see `util::TestEnv`).

mod util;

mod alerts;
mod answers;
mod bad_input;
mod browse;
mod browse_live;
#[cfg(target_os = "linux")]
mod browse_signals;
mod chats_read;
mod completion;
mod environment;
mod evolution;
mod fuzz;
mod general;
mod gowa;
mod green_api;
#[cfg(target_os = "linux")]
mod hostile;
mod insert_order;
mod leaks;
mod man;
mod messages;
mod network_errors;
mod paging;
mod profiles_add;
mod profiles_add_terminal;
mod profiles_edit;
mod progress;
mod registry;
mod robustness;
mod sandbox_command;
mod scripting;
mod secrets;
mod store;
mod tls;
mod traffic;
mod wa_gateway;
mod waha;
mod waiting;
mod watch;
mod wawp;
mod widths;
