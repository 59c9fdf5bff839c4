//! Dispatch to one `run()` per subcommand, and the steps they share: map the
//! command line and the environment (read here, nowhere below) into
//! `config::resolve` (after starting the demo sandbox for `--demo`), resolve
//! the chosen profiles on a blocking thread, and refuse an operation the
//! profile's gateway lacks (`require`).

mod alerts;
mod browse;
mod cached;
mod chats;
mod completions;
mod config_file;
mod filters;
mod gather;
mod man;
mod messages;
mod parse;
mod pipeline;
mod profiles;
mod profiles_add;
mod profiles_edit;
mod read;
mod sandbox;
pub mod schema;
mod selection;
mod watch;

use std::path::PathBuf;

use anyhow::Context;

use crate::cli::{ChatsCommand, Cli, Command, GlobalArgs, ProfilesCommand, RecordArg};
use crate::config::{Env, Inputs, Profile, ResolvedProfile, Settings};
use crate::exit::Exit;
use crate::exit::UsageError;
use crate::output::fields::Field;
use crate::output::{Layout, Options, TermEnv};
use crate::provider::{AnyProvider, Op, ProviderError};

/// What every command that reads the config shares: the run's settings.
pub struct Ctx {
    pub settings: Settings,
    /// Keeps the in-process sandbox alive for `--demo`.
    demo: Option<crate::sandbox::Sandbox>,
}

pub use completions::complete_if_asked;
pub use parse::parse;

pub async fn run(cli: Cli) -> anyhow::Result<Exit> {
    let g = cli.global;
    crate::diag::set_verbosity(g.verbose, g.quiet);
    match cli.command {
        Command::Completions { shell } => completions::run(shell),
        Command::Schema { record } => schema::run(match record {
            RecordArg::Chat => schema::RecordKind::Chat,
            RecordArg::Message => schema::RecordKind::Message,
        }),
        Command::Man { dir } => man::run(dir.as_deref()),
        Command::Sandbox(args) => sandbox::run(args).await,
        // Adding a profile needs no config file yet.
        Command::Profiles(ProfilesCommand::Add(args)) => profiles_add::run(args, g).await,
        Command::Profiles(cmd) => profiles::run(cmd, &Ctx::new(g).await?).await,
        Command::Chats(ChatsCommand::Read(args)) => read::run(args, &Ctx::new(g).await?).await,
        Command::Chats(ChatsCommand::View(cmd)) => chats::run(cmd, &Ctx::new(g).await?).await,
        Command::Messages(cmd) => messages::run(cmd, &Ctx::new(g).await?).await,
        Command::Browse(args) => browse::run(args, g).await,
        Command::Watch(args) => watch::run(args, &Ctx::new(g).await?).await,
    }
}

/// The global options off clap, as plain values.
fn inputs(g: GlobalArgs) -> Inputs {
    Inputs {
        // `-p ''` or `-p a,,b`: an empty name selects nothing.
        profiles: g
            .profile
            .into_iter()
            .filter(|p| !p.trim().is_empty())
            .collect(),
        all_profiles: g.all_profiles,
        config: g.config,
        format: g.output.into(),
        fields: g.fields,
        no_header: g.no_header,
        csv_raw: g.csv_raw,
        color: g.color.into(),
        timeout: g.timeout,
        retries: g.retries,
        concurrency: g.concurrency.map(usize::from),
        quiet: g.quiet,
        utc: g.utc,
        relative: g.relative,
    }
}

/// The process environment, read here and nowhere below (secret sources of
/// kind `env` excepted: reading them is what they are for).
fn environment() -> Env {
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    Env {
        xdg_config_home: var("XDG_CONFIG_HOME").map(PathBuf::from),
        home: var("HOME").map(PathBuf::from),
        xdg_state_home: var("XDG_STATE_HOME").map(PathBuf::from),
        state_dir: var("WA_INBOX_STATE_DIR").map(PathBuf::from),
        term: TermEnv {
            force_tty: var("WA_INBOX_FORCE_TTY").is_some_and(|v| v == "1"),
            no_color: var("NO_COLOR").is_some(),
            dumb: var("TERM").is_some_and(|v| v == "dumb"),
            columns: var("COLUMNS").and_then(|c| c.to_str()?.parse().ok()),
        },
    }
}

impl Ctx {
    async fn new(global: GlobalArgs) -> anyhow::Result<Ctx> {
        let demo = if global.demo {
            Some(
                crate::sandbox::Sandbox::start(crate::sandbox::SandboxOptions::default())
                    .await
                    .context("cannot start the demo sandbox")?,
            )
        } else {
            None
        };
        let settings = crate::config::resolve(
            inputs(global),
            &environment(),
            demo.as_ref().map(|s| s.profiles_toml()),
        )?;
        if !settings.demo {
            warn_if_world_readable(&settings.config);
        }
        Ok(Ctx { settings, demo })
    }

    /// With `--demo`: the sandbox delivers a message every `every` from now on (`watch`).
    pub fn demo_traffic(&self, every: std::time::Duration) {
        if let Some(sandbox) = &self.demo {
            sandbox.start_traffic(every);
        }
    }

    /// Resolve `profiles` (secrets included), all at once; one result per profile.
    pub async fn resolve(
        &self,
        profiles: &[&Profile],
    ) -> anyhow::Result<Vec<Result<ResolvedProfile, ProviderError>>> {
        Ok(futures_util::future::join_all(self.resolve_each(profiles)).await)
    }

    /// Start resolving each profile on a blocking thread of its own, so a slow
    /// secret command stalls neither the runtime nor another profile: a
    /// profile's requests begin as soon as its own secrets are in.
    pub fn resolve_each(
        &self,
        profiles: &[&Profile],
    ) -> Vec<impl std::future::Future<Output = Result<ResolvedProfile, ProviderError>>> {
        profiles
            .iter()
            .map(|p| {
                let work = self.settings.resolution(&[p]);
                let task = tokio::task::spawn_blocking(move || work.run().pop());
                async move {
                    match task.await {
                        Ok(Some(resolved)) => resolved,
                        _ => Err(ProviderError::Config {
                            message: "resolving the profile stopped unexpectedly".to_owned(),
                        }),
                    }
                }
            })
            .collect()
    }

    /// The local store: the state folder's `state.db`, or one in memory for
    /// `--demo` (its state lives as long as the process).
    pub fn store(&self) -> anyhow::Result<crate::store::Store> {
        if self.settings.demo {
            return Ok(crate::store::Store::in_memory()?);
        }
        let dir = self.settings.state_dir.as_deref().ok_or_else(|| {
            crate::config::ConfigError(
                "cannot find a folder for the state store: set WA_INBOX_STATE_DIR, XDG_STATE_HOME or HOME"
                    .to_owned(),
            )
        })?;
        Ok(crate::store::Store::open(dir)?)
    }

    /// Output options from the global flags.
    pub fn output_options(&self, layout: Layout, show_profile: bool) -> anyhow::Result<Options> {
        let s = &self.settings;
        let fields = if s.fields.is_empty() {
            None
        } else {
            Some(Field::parse_list(&s.fields).map_err(UsageError)?)
        };
        Ok(Options {
            fields,
            ..self.record_options(layout, show_profile)
        })
    }

    /// Output options without `--fields`, for a record other than the chat
    /// record (whose field names the caller parses itself).
    pub fn record_options(&self, layout: Layout, show_profile: bool) -> Options {
        let s = &self.settings;
        Options {
            format: s.format,
            no_header: s.no_header,
            csv_raw: s.csv_raw,
            fields: None,
            layout,
            show_profile,
            time: s.time,
        }
    }
}

/// The one profile a command that works on one chat's profile uses; several selected is a
/// usage error (exit 2) that names them and says what `does` needs.
pub fn one_profile<'a>(profiles: &[&'a Profile], does: &str) -> Result<&'a Profile, UsageError> {
    match profiles {
        [one] => Ok(one),
        many => {
            let names: Vec<&str> = many.iter().map(|p| p.name.as_str()).collect();
            Err(UsageError(format!(
                "{does} one profile; pick one with -p (selected: {})",
                names.join(", ")
            )))
        }
    }
}

/// Refuse `op` when the profile's gateway does not support it: exit 9, naming
/// the gateway. Every command calls this before asking a gateway for `op`.
pub fn require(provider: &AnyProvider, op: Op) -> anyhow::Result<()> {
    Ok(provider.operations().require(provider.gateway(), op)?)
}

/// Literal secrets in a file others can read deserve a warning with the fix.
fn warn_if_world_readable(config: &crate::config::Config) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let Ok(meta) = std::fs::metadata(&config.path) else {
            return;
        };
        if meta.permissions().mode() & 0o077 != 0 && config.has_literal_secrets() {
            crate::diag::warn(&format!(
                "{} holds secrets and is readable by others; run: chmod 600 {}",
                config.path.display(),
                config.path.display()
            ));
        }
    }
    #[cfg(not(unix))]
    let _ = config;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::Support;
    use clap::Parser;

    /// Every registry gateway: an operation its table says "no" to is refused
    /// with exit 9 naming the gateway; one it supports passes.
    #[test]
    fn unsupported_operations_exit_9_naming_the_gateway() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let sandbox = rt
            .block_on(crate::sandbox::Sandbox::start(Default::default()))
            .unwrap();
        let inputs = inputs(Cli::parse_from(["wa-inbox", "schema"]).global);
        let settings =
            crate::config::resolve(inputs, &Env::default(), Some(sandbox.profiles_toml()));
        let settings = settings.unwrap();
        for name in crate::gateways::NAMES {
            let profile = settings.config.select(Some(name)).unwrap();
            let resolved = settings.resolution(&[profile]).run().pop().unwrap();
            let p = resolved.unwrap().build().unwrap();
            for op in Op::ALL {
                match (p.operations().support(op), require(&p, op)) {
                    (Support::Yes, r) => assert!(r.is_ok(), "{name} {op:?}"),
                    (Support::No, Err(e)) => {
                        assert_eq!(crate::exit::from_error(&e), Exit::Unsupported);
                        assert!(e.to_string().contains(p.gateway()), "{e}");
                    }
                    (Support::No, Ok(())) => panic!("{name} {op:?} passed"),
                }
            }
        }
    }
}
