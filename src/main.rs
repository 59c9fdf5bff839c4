//! The `wa-inbox` binary: parse, run, map an error to an exit code once.
//! The architecture is described in `lib.rs`.

use std::process::ExitCode;

use wa_inbox::{command, exit};

fn main() -> ExitCode {
    install_panic_hook();
    command::complete_if_asked();
    let cli = match command::parse() {
        Ok(cli) => cli,
        Err(code) => return code.into(),
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            return exit::report(&anyhow::Error::new(e).context("cannot start the async runtime"))
        }
    };
    match runtime.block_on(command::run(cli)) {
        Ok(code) => code.into(),
        Err(err) => exit::report(&err),
    }
}

/// A panic must not print a secret it happened to hold: its message goes
/// through the redactor like every other line on stderr.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        wa_inbox::diag::error(&format!(
            "internal error{at}: {msg} (please report this bug)"
        ));
    }));
}
