//! From a chosen profile and the command line's overrides to what building
//! its gateway client needs: the flag wins, then the profile's key, then the
//! default.

use std::path::PathBuf;
use std::time::Duration;

use super::Profile;
use crate::provider::http::{self, HttpOptions};
use crate::provider::{self, AnyProvider, BuildEnv, ProviderError};

/// Options from the command line that override a profile's.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub timeout: Option<Duration>,
    pub retries: Option<u32>,
    pub concurrency: Option<usize>,
}

pub const DEFAULT_CONCURRENCY: usize = 4;

impl Overrides {
    /// Calls in flight for `profile`: the flag, else the profile's key, else 4.
    pub fn concurrency(&self, profile: &Profile) -> usize {
        self.concurrency
            .or(profile.common.concurrency)
            .unwrap_or(DEFAULT_CONCURRENCY)
            .max(1)
    }
}

/// Build the gateway client for `profile`: resolves its secrets, checks its URL.
pub fn build(
    profile: &Profile,
    overrides: &Overrides,
    base_dir: PathBuf,
) -> Result<AnyProvider, ProviderError> {
    let c = &profile.common;
    let env = BuildEnv {
        profile: profile.name.clone(),
        http: HttpOptions {
            timeout: overrides
                .timeout
                .or(c.timeout)
                .unwrap_or(http::DEFAULT_TIMEOUT),
            retries: overrides
                .retries
                .or(c.retries)
                .unwrap_or(http::DEFAULT_RETRIES),
            max_body: c.max_body_size.unwrap_or(http::DEFAULT_MAX_BODY),
            allow_insecure_http: c.allow_insecure_http,
        },
        base_dir,
        concurrency: overrides.concurrency(profile),
    };
    provider::build(&profile.provider, &env)
}
