//! `wa-inbox sandbox`: serve the gateway emulator until interrupted. Stdout
//! carries only a config file that points every gateway at it (so
//! `wa-inbox sandbox > s.toml` is a working config, `--demo`'s default
//! profile the default); where it listens goes to stderr.

use std::io::Write;
use std::time::Duration;

use anyhow::Context;

use crate::cli::SandboxArgs;
use crate::config::defaults;
use crate::exit::{Exit, UsageError};
use crate::sandbox::{Faults, Sandbox, SandboxOptions};

pub async fn run(args: SandboxArgs) -> anyhow::Result<Exit> {
    if args.traffic.is_some_and(|t| t < Duration::from_millis(100)) {
        return Err(UsageError("--traffic must be at least 100ms (e.g. 5s)".to_owned()).into());
    }
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
        traffic: args.traffic,
        ..SandboxOptions::default()
    };
    let sandbox = Sandbox::start(opts)
        .await
        .map_err(|e| bind_error(e, args.port))?;
    let mut out = crate::output::stdout();
    write!(out, "{}", config_toml(&sandbox.profiles_toml()))?;
    out.flush()?;
    let addr = sandbox.addr();
    crate::diag::note(&format!(
        "sandbox listening on http://{addr} until Ctrl-C; stdout has its config \
         (wa-inbox sandbox > s.toml, then wa-inbox -c s.toml chats overview); \
         change faults while it runs: curl -d 'fail=2:503' http://{addr}/_sandbox/faults; \
         deliver a message: curl -d '{{\"text\": \"hi\"}}' http://{addr}/_sandbox/incoming{}",
        match args.traffic {
            Some(t) => format!(
                "; a message arrives every {}",
                humantime::format_duration(t)
            ),
            None => String::new(),
        }
    ));
    tokio::signal::ctrl_c()
        .await
        .context("waiting for Ctrl-C")?;
    Ok(Exit::Ok)
}

/// The sandbox's profiles as a whole config file, `--demo`'s profile the default.
fn config_toml(profiles: &str) -> String {
    let header = format!("[profiles.{}]\n", defaults::DEMO_PROFILE);
    let profiles = profiles.replacen(&header, &format!("{header}default = true\n"), 1);
    format!("# wa-inbox sandbox: save as a file and pass -c FILE\n{profiles}")
}

/// A port that cannot be had is a network failure (exit 7) with the way out.
fn bind_error(e: std::io::Error, port: u16) -> anyhow::Error {
    let hint = if e.kind() == std::io::ErrorKind::AddrInUse {
        format!("port {port} is already in use; pass --port 0 for a free one, or another --port")
    } else {
        format!("cannot listen on 127.0.0.1:{port}: {e}")
    };
    anyhow::Error::new(crate::exit::NetworkError(hint))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sandbox_config_marks_the_demo_profile_default_once() {
        let text = config_toml(&crate::sandbox::demo_profiles_at("127.0.0.1:1"));
        let config = crate::config::Config::parse(&text, std::path::Path::new("s.toml")).unwrap();
        assert_eq!(config.select(None).unwrap().name, defaults::DEMO_PROFILE);
        assert_eq!(text.matches("default = true").count(), 1, "{text}");
    }
}
