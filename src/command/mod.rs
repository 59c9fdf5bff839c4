//! Dispatch to one `run()` per subcommand, and the step they share: load the
//! config (or start the demo sandbox), pick the profile, build its provider.

mod chats;
mod completions;
mod pipeline;
mod profiles;
mod sandbox;

use std::path::PathBuf;

use anyhow::Context;

use crate::cli::{Cli, Command, GlobalArgs};
use crate::config::{Config, Profile};
use crate::exit::Exit;
use crate::output::Term;
use crate::provider::{self, AnyProvider, Overrides};

/// Where `--demo` points when no `-p` is given.
pub const DEMO_DEFAULT_PROFILE: &str = "gowa";

pub struct Ctx {
    pub global: GlobalArgs,
    pub term: Term,
    /// Keeps the in-process sandbox alive for `--demo`.
    _demo: Option<crate::sandbox::Sandbox>,
    config: Config,
}

pub async fn run(cli: Cli) -> anyhow::Result<Exit> {
    let g = cli.global;
    crate::diag::set_verbosity(g.verbose, false);
    match cli.command {
        Command::Completions { shell } => completions::run(shell),
        Command::Sandbox(args) => sandbox::run(args).await,
        Command::Profiles(cmd) => profiles::run(cmd, &Ctx::new(g).await?).await,
        Command::Chats(cmd) => chats::run(cmd, &Ctx::new(g).await?).await,
    }
}

impl Ctx {
    async fn new(global: GlobalArgs) -> anyhow::Result<Ctx> {
        let term = Term::detect(global.color);
        let (config, demo) = if global.demo {
            let sandbox = crate::sandbox::Sandbox::start(crate::sandbox::SandboxOptions::default())
                .await
                .context("cannot start the demo sandbox")?;
            let text = format!(
                "default_profile = \"{DEMO_DEFAULT_PROFILE}\"\n{}",
                sandbox.profiles_toml()
            );
            (
                Config::parse(&text, &PathBuf::from("<demo>"))?,
                Some(sandbox),
            )
        } else {
            (Config::load(global.config.as_deref())?, None)
        };
        if !global.demo {
            warn_if_world_readable(&config);
        }
        Ok(Ctx {
            global,
            term,
            _demo: demo,
            config,
        })
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The profile named by `-p`, or the default one.
    pub fn profile(&self) -> anyhow::Result<&Profile> {
        Ok(self.config.select(self.global.profile.as_deref())?)
    }

    pub fn build(&self, profile: &Profile) -> anyhow::Result<AnyProvider> {
        let overrides = Overrides {
            timeout: self.global.timeout,
            retries: self.global.retries,
            concurrency: self.global.concurrency.map(usize::from),
        };
        Ok(provider::build(
            profile,
            &overrides,
            self.config.base_dir(),
        )?)
    }
}

/// Literal secrets in a file others can read deserve a warning with the fix.
fn warn_if_world_readable(config: &Config) {
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
