//! `wa-inbox sandbox`: serve the gateway emulator until interrupted, printing
//! where it listens and a config snippet that points every gateway at it.

use std::io::Write;

use anyhow::Context;

use crate::cli::SandboxArgs;
use crate::exit::{Exit, UsageError};
use crate::sandbox::{Faults, Sandbox, SandboxOptions};

pub async fn run(args: SandboxArgs) -> anyhow::Result<Exit> {
    let faults = match &args.fault {
        Some(spec) => Faults::from_spec(spec).map_err(UsageError)?,
        None => Faults::default(),
    };
    let opts = SandboxOptions {
        port: args.port,
        chats: args.chats,
        messages: args.messages.map(|n| n as usize),
        faults,
        latency: args.latency.unwrap_or_default(),
        ..SandboxOptions::default()
    };
    let sandbox = Sandbox::start(opts)
        .await
        .with_context(|| format!("cannot listen on 127.0.0.1:{}", args.port))?;
    let mut out = crate::output::stdout();
    writeln!(
        out,
        "wa-inbox sandbox listening on http://{}",
        sandbox.addr()
    )?;
    writeln!(
        out,
        "# Add to your config.toml (or save as a file and pass -c FILE):"
    )?;
    writeln!(out, "{}", sandbox.profiles_toml())?;
    writeln!(
        out,
        "# Change faults while it runs: curl -d 'fail=2:503' http://{}/_sandbox/faults",
        sandbox.addr()
    )?;
    out.flush()?;
    tokio::signal::ctrl_c()
        .await
        .context("waiting for Ctrl-C")?;
    Ok(Exit::Ok)
}
