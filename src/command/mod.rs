//! Dispatch to one `run()` per subcommand, and the step they share: load the
//! config (or start the demo sandbox), pick the profile, build its provider.

mod chats;
mod completions;
mod man;
mod pipeline;
mod profiles;
mod sandbox;
pub mod schema;
mod selection;

use std::path::PathBuf;

use anyhow::Context;

use crate::cli::{Cli, Command, GlobalArgs};
use crate::config::Overrides;
use crate::config::{Config, Profile};
use crate::exit::Exit;
use crate::exit::UsageError;
use crate::output::fields::Field;
use crate::output::{Layout, Options, Term, TimeStyle};
use crate::provider::{AnyProvider, Op};

/// Where `--demo` points when no `-p` is given.
pub const DEMO_DEFAULT_PROFILE: &str = "whatsapp-gateway";

pub struct Ctx {
    pub global: GlobalArgs,
    pub term: Term,
    /// Keeps the in-process sandbox alive for `--demo`.
    _demo: Option<crate::sandbox::Sandbox>,
    config: Config,
}

pub async fn run(cli: Cli) -> anyhow::Result<Exit> {
    let g = cli.global;
    crate::diag::set_verbosity(g.verbose, g.quiet);
    match cli.command {
        Command::Completions { shell } => completions::run(shell),
        Command::Schema => schema::run(),
        Command::Man { dir } => man::run(dir.as_deref()),
        Command::Sandbox(args) => sandbox::run(args).await,
        Command::Profiles(cmd) => profiles::run(cmd, &Ctx::new(g).await?).await,
        Command::Chats(cmd) => chats::run(cmd, &Ctx::new(g).await?).await,
    }
}

impl Ctx {
    async fn new(global: GlobalArgs) -> anyhow::Result<Ctx> {
        let term = Term::detect(global.color.into());
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

    /// The profiles named by `-p` (each once, in order), all of them with
    /// `--all-profiles`, or the default one.
    pub fn profiles(&self) -> anyhow::Result<Vec<&Profile>> {
        if self.global.all_profiles {
            let all: Vec<&Profile> = self.config.profiles.values().collect();
            if all.is_empty() {
                return Err(crate::config::ConfigError(format!(
                    "{} defines no profiles",
                    self.config.path.display()
                ))
                .into());
            }
            return Ok(all);
        }
        if self.global.profile.is_empty() {
            return Ok(vec![self.config.select(None)?]);
        }
        let mut out: Vec<&Profile> = Vec::new();
        for name in &self.global.profile {
            let p = self.config.select(Some(name.trim()))?;
            if !out.iter().any(|q| q.name == p.name) {
                out.push(p);
            }
        }
        Ok(out)
    }

    pub fn concurrency(&self, profile: &Profile) -> usize {
        self.overrides().concurrency(profile)
    }

    /// Command-line options that override a profile's.
    fn overrides(&self) -> Overrides {
        Overrides {
            timeout: self.global.timeout,
            retries: self.global.retries,
            concurrency: self.global.concurrency.map(usize::from),
        }
    }

    /// Output options from the global flags.
    pub fn output_options(&self, layout: Layout, show_profile: bool) -> anyhow::Result<Options> {
        let g = &self.global;
        let fields = if g.fields.is_empty() {
            None
        } else {
            Some(Field::parse_list(&g.fields).map_err(UsageError)?)
        };
        let time = match (g.utc, g.relative) {
            (true, _) => TimeStyle::Utc,
            (_, true) => TimeStyle::Relative,
            _ => TimeStyle::Local,
        };
        Ok(Options {
            format: g.output.into(),
            no_header: g.no_header,
            csv_raw: g.csv_raw,
            fields,
            layout,
            show_profile,
            time,
        })
    }

    pub fn build(&self, profile: &Profile) -> anyhow::Result<AnyProvider> {
        Ok(crate::config::build(
            profile,
            &self.overrides(),
            self.config.base_dir(),
        )?)
    }
}

/// Refuse `op` when the profile's gateway does not support it: exit 9, naming
/// the gateway. Every command calls this before asking a gateway for `op`.
pub fn require(provider: &AnyProvider, op: Op) -> anyhow::Result<()> {
    Ok(provider.operations().require(provider.gateway(), op)?)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::{Op, Support};

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
        let config = Config::parse(&sandbox.profiles_toml(), &PathBuf::from("<test>")).unwrap();
        for name in crate::gateways::NAMES {
            let profile = config.select(Some(name)).unwrap();
            let p = crate::config::build(profile, &Overrides::default(), PathBuf::new()).unwrap();
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
