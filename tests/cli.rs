//! The one integration-test binary: the built `wa-inbox` against the sandbox
//! on 127.0.0.1, in a hermetic environment (see `util::TestEnv`).

mod util;

mod general;
mod gowa;
mod waha;
mod wawp;
