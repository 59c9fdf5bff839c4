//! Choosing a profile: by name (a miss lists the names), else the one with
//! `default = true`, else `default_profile`, else the only one.

use super::{err, Config, ConfigError, Profile};

impl Config {
    /// The profile names, for error messages.
    pub(super) fn names(&self) -> String {
        if self.profiles.is_empty() {
            return "(none)".to_owned();
        }
        self.profiles.keys().cloned().collect::<Vec<_>>().join(", ")
    }

    /// The profile named, or the default one.
    pub fn select(&self, name: Option<&str>) -> Result<&Profile, ConfigError> {
        if let Some(name) = name {
            return self.profiles.get(name).ok_or_else(|| {
                ConfigError(format!(
                    "no profile \"{name}\" in {}; profiles: {}",
                    self.path.display(),
                    self.names()
                ))
            });
        }
        let defaults: Vec<&Profile> = self
            .profiles
            .values()
            .filter(|p| p.common.default)
            .collect();
        match defaults.as_slice() {
            [one] => return Ok(one),
            [] => {}
            _ => {
                let names: Vec<&str> = defaults.iter().map(|p| p.name.as_str()).collect();
                return err(format!(
                    "{}: more than one profile has default = true ({})",
                    self.path.display(),
                    names.join(", ")
                ));
            }
        }
        if let Some(d) = &self.default_profile {
            return self.select(Some(d));
        }
        let mut all = self.profiles.values();
        match (all.next(), all.next()) {
            (Some(only), None) => Ok(only),
            (None, _) => err(format!("{} defines no profiles", self.path.display())),
            _ => err(format!(
                "no default profile in {}: pass -p NAME, or set default_profile; profiles: {}",
                self.path.display(),
                self.names()
            )),
        }
    }
}
