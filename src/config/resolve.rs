//! Settings resolved once, in the style of ripgrep's low-level → high-level
//! arguments: the command line (already merged with its `WA_INBOX_*`
//! variables by clap) and the process environment arrive as plain values
//! (`Inputs`, `Env`); the config file is found and read; one `Settings`
//! comes out with every default of `defaults.rs` applied. Each selected
//! profile then becomes a `ResolvedProfile` (flag > profile key > default,
//! secrets resolved) through `Resolution::run`, which blocks (secret
//! commands, files) and so runs on a blocking thread, outside the async
//! runtime's worker. Nothing below `command/` reads clap types or the
//! environment.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::{defaults, err, Config, ConfigError, Profile};
use crate::output::{ColorChoice, Format, Term, TermEnv, TimeStyle};
use crate::provider::http::HttpOptions;
use crate::provider::{self, AnyProvider, BuildEnv, ProviderConfig, ProviderError};

/// What the process environment contributes, read once by the command layer.
#[derive(Debug, Clone, Default)]
pub struct Env {
    pub xdg_config_home: Option<PathBuf>,
    pub home: Option<PathBuf>,
    pub xdg_state_home: Option<PathBuf>,
    /// `WA_INBOX_STATE_DIR`.
    pub state_dir: Option<PathBuf>,
    pub term: TermEnv,
}

/// The global options, as plain values (the command line mapped off clap).
#[derive(Debug, Clone)]
pub struct Inputs {
    pub profiles: Vec<String>,
    pub all_profiles: bool,
    pub config: Option<PathBuf>,
    pub format: Format,
    pub fields: Vec<String>,
    pub no_header: bool,
    pub csv_raw: bool,
    pub color: ColorChoice,
    pub timeout: Option<Duration>,
    pub retries: Option<u32>,
    pub concurrency: Option<usize>,
    /// `-q` (diag's level is set from the flags before resolution; this
    /// also keeps the progress line off).
    pub quiet: bool,
    pub utc: bool,
    pub relative: bool,
}

/// Options from the command line that override a profile's.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub timeout: Option<Duration>,
    pub retries: Option<u32>,
    pub concurrency: Option<usize>,
}

/// Everything a run needs to know, decided once.
#[derive(Debug)]
pub struct Settings {
    pub config: Config,
    /// The config is the in-process sandbox's (`--demo`).
    pub demo: bool,
    pub term: Term,
    pub format: Format,
    /// `--fields` as given (parsed by the output layer).
    pub fields: Vec<String>,
    pub no_header: bool,
    pub csv_raw: bool,
    pub time: TimeStyle,
    pub quiet: bool,
    /// The local store's folder (`store::Store::open`); `None` when neither
    /// `WA_INBOX_STATE_DIR`, `XDG_STATE_HOME`, `HOME` nor the platform names one.
    pub state_dir: Option<PathBuf>,
    profiles: Vec<String>,
    all_profiles: bool,
    overrides: Overrides,
}

/// Turn the inputs into `Settings`: read the config file (or take `demo`, the
/// sandbox's profiles), decide the terminal, apply defaults.
pub fn resolve(inputs: Inputs, env: &Env, demo: Option<String>) -> Result<Settings, ConfigError> {
    let config = match &demo {
        Some(profiles) => Config::parse(
            &format!(
                "default_profile = \"{}\"\n{profiles}",
                defaults::DEMO_PROFILE
            ),
            Path::new("<demo>"),
        )?,
        None => match inputs.config {
            Some(path) => Config::load(&path)?,
            None => Config::load(&default_path(env)?)?,
        },
    };
    let time = match (inputs.utc, inputs.relative) {
        (true, _) => TimeStyle::Utc,
        (_, true) => TimeStyle::Relative,
        _ => TimeStyle::Local,
    };
    Ok(Settings {
        config,
        demo: demo.is_some(),
        term: Term::detect(inputs.color, &env.term),
        format: inputs.format,
        fields: inputs.fields,
        no_header: inputs.no_header,
        csv_raw: inputs.csv_raw,
        time,
        quiet: inputs.quiet,
        state_dir: state_dir(env),
        profiles: inputs.profiles,
        all_profiles: inputs.all_profiles,
        overrides: Overrides {
            timeout: inputs.timeout,
            retries: inputs.retries,
            concurrency: inputs.concurrency,
        },
    })
}

impl Settings {
    /// The profiles named by `-p` (each once, in order), all of them with
    /// `--all-profiles`, or the default one.
    pub fn selected(&self) -> Result<Vec<&Profile>, ConfigError> {
        if self.all_profiles {
            let all: Vec<&Profile> = self.config.profiles.values().collect();
            if all.is_empty() {
                return err(format!(
                    "{} defines no profiles",
                    self.config.path.display()
                ));
            }
            return Ok(all);
        }
        if self.profiles.is_empty() {
            return Ok(vec![self.config.select(None)?]);
        }
        let mut out: Vec<&Profile> = Vec::new();
        for name in &self.profiles {
            let p = self.config.select(Some(name.trim()))?;
            if !out.iter().any(|q| q.name == p.name) {
                out.push(p);
            }
        }
        Ok(out)
    }

    /// The work of resolving `profiles`, detached from `self` so it can move
    /// to a blocking thread.
    pub fn resolution(&self, profiles: &[&Profile]) -> Resolution {
        Resolution::new(&self.config, profiles, self.overrides.clone())
    }
}

/// Profiles waiting to be resolved (see `Settings::resolution`).
pub struct Resolution {
    profiles: Vec<Profile>,
    overrides: Overrides,
    base_dir: PathBuf,
}

impl Resolution {
    /// `profiles` of `config`, with the command line's `overrides`.
    pub fn new(config: &Config, profiles: &[&Profile], overrides: Overrides) -> Resolution {
        Resolution {
            profiles: profiles.iter().map(|p| (*p).clone()).collect(),
            overrides,
            base_dir: config.base_dir(),
        }
    }

    /// Resolve each profile, in order; one profile's failure (a secret
    /// command that fails) does not stop the others. Blocks.
    pub fn run(self) -> Vec<Result<ResolvedProfile, ProviderError>> {
        let Resolution {
            profiles,
            overrides,
            base_dir,
        } = self;
        profiles
            .into_iter()
            .map(|p| resolve_profile(p, &overrides, &base_dir))
            .collect()
    }
}

/// A profile ready to build its client: options decided, secrets resolved.
#[derive(Debug)]
pub struct ResolvedProfile {
    pub name: String,
    pub provider: ProviderConfig,
    pub env: BuildEnv,
}

impl ResolvedProfile {
    /// The gateway client; checks its URL, does no I/O.
    pub fn build(&self) -> Result<AnyProvider, ProviderError> {
        provider::build(&self.provider, &self.env)
    }
}

fn resolve_profile(
    profile: Profile,
    overrides: &Overrides,
    base_dir: &Path,
) -> Result<ResolvedProfile, ProviderError> {
    let c = &profile.common;
    crate::redact::register_url_userinfo(&profile.provider.base_url());
    let timeout = overrides.timeout.or(c.timeout).unwrap_or(defaults::TIMEOUT);
    let mut secrets = Vec::new();
    for (key, source) in profile.provider.secrets() {
        let secret = source
            .resolve(key, base_dir, timeout)
            .map_err(|m| ProviderError::Config {
                message: format!("profile `{}`: {m}", profile.name),
            })?;
        crate::redact::register_secret(secret.expose());
        secrets.push((key, secret));
    }
    let env = BuildEnv {
        profile: profile.name.clone(),
        http: HttpOptions {
            timeout,
            retries: overrides.retries.or(c.retries).unwrap_or(defaults::RETRIES),
            max_body: c.max_body_size.unwrap_or(defaults::MAX_BODY),
            allow_insecure_http: c.allow_insecure_http,
            ca_file: c
                .ca_file
                .as_deref()
                .map(|p| crate::secret::expand_home(p, base_dir)),
        },
        concurrency: overrides
            .concurrency
            .or(c.concurrency)
            .unwrap_or(defaults::CONCURRENCY)
            .max(1),
        secrets,
    };
    Ok(ResolvedProfile {
        name: profile.name,
        provider: profile.provider,
        env,
    })
}

/// `$XDG_CONFIG_HOME/wa-inbox/config.toml`, else `~/.config/wa-inbox/config.toml`,
/// else the platform's own config folder (macOS, Windows) if a file is there.
pub fn default_path(env: &Env) -> Result<PathBuf, ConfigError> {
    let primary = match (&env.xdg_config_home, &env.home) {
        (Some(x), _) => x.join("wa-inbox/config.toml"),
        (None, Some(h)) => h.join(".config/wa-inbox/config.toml"),
        (None, None) => match platform_path() {
            Some(p) => return Ok(p),
            None => return err("cannot find a config folder: set HOME or pass -c PATH"),
        },
    };
    if !primary.exists() {
        if let Some(p) = platform_path().filter(|p| p.exists()) {
            return Ok(p);
        }
    }
    Ok(primary)
}

/// `WA_INBOX_STATE_DIR`, else `$XDG_STATE_HOME/wa-inbox`, else
/// `~/.local/state/wa-inbox` (the platform's local data folder on macOS and
/// Windows, which have no `~/.local/state`).
fn state_dir(env: &Env) -> Option<PathBuf> {
    let platform = || {
        directories::ProjectDirs::from("", "", "wa-inbox").map(|d| d.data_local_dir().to_owned())
    };
    if let Some(dir) = &env.state_dir {
        return Some(dir.clone());
    }
    if let Some(x) = &env.xdg_state_home {
        return Some(x.join("wa-inbox"));
    }
    if cfg!(any(target_os = "macos", windows)) {
        return platform();
    }
    env.home
        .as_ref()
        .map(|h| h.join(".local/state/wa-inbox"))
        .or_else(platform)
}

fn platform_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "wa-inbox").map(|d| d.config_dir().join("config.toml"))
}
