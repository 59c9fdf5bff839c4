//! `profiles add` on the command line. Its own options are derived as usual;
//! the gateway keys are not written here: `KeyFlags` implements clap's `Args`
//! by hand and makes one flag per key of every gateway from
//! `provider::keys` (each gateway's profile schema), when the command is
//! built. clap then parses, lists in `--help`, completes and documents in the
//! man page these flags like any other, and a gateway that gains a key gains
//! its flag without a line here.
//!
//! The flags: the key holding the gateway's URL is `--base-url` for every
//! gateway (Green API's `api_url` is also `--api-url`); a plain key `foo_bar`
//! is `--foo-bar VALUE`; a secret key `tok` is `--tok-env VAR`,
//! `--tok-command CMD` or `--tok-file PATH`. A secret's value itself is never
//! taken from the command line, where `ps` and the shell's history show it:
//! put it in an environment variable or a file, or answer the question on a
//! terminal (a literal in the config file, with a warning).

use std::path::PathBuf;

use clap::builder::PossibleValuesParser;
use clap::{Arg, ArgAction, ArgMatches, Args};

use crate::provider::keys::{self, KeyKind};
use crate::secret::SecretSource;

#[derive(Debug, Clone, Args)]
pub struct AddArgs {
    /// The new profile's name (letters, digits, - and _); asked for on a terminal
    #[arg(value_name = "NAME")]
    pub name: Option<String>,

    /// The gateway (asked for on a terminal)
    #[arg(long, value_name = "GATEWAY", value_parser = PossibleValuesParser::new(crate::gateways::NAMES.iter().copied()))]
    pub provider: Option<String>,

    #[command(flatten)]
    pub keys: KeyFlags,

    /// A PEM bundle of the CA(s) that signed a self-hosted gateway's certificate (`ca_file`)
    #[arg(long, value_name = "PATH", value_hint = clap::ValueHint::FilePath)]
    pub ca_file: Option<PathBuf>,

    /// Allow plain http to a host other than this machine (`allow_insecure_http`)
    #[arg(long)]
    pub allow_insecure_http: bool,

    /// Make it the default profile
    #[arg(long)]
    pub default: bool,

    /// Replace a profile of the same name
    #[arg(long)]
    pub force: bool,

    /// Save it without checking it (the check resolves its secrets and makes one call)
    #[arg(long)]
    pub no_check: bool,
}

/// A gateway key's value as given by a flag.
#[derive(Debug, Clone, PartialEq)]
pub enum KeyValue {
    Text(String),
    Secret(SecretSource),
}

/// One gateway key given on the command line.
#[derive(Debug, Clone, PartialEq)]
pub struct GivenKey {
    /// The profile key (`instance_id`); the URL key is `Url` below instead.
    pub key: String,
    /// The flag that gave it, for messages (`--instance-id`).
    pub flag: String,
    pub value: KeyValue,
}

/// The gateway keys given as flags (see the module's comment).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KeyFlags {
    /// `--base-url`: the gateway's URL key, whatever its name.
    pub url: Option<String>,
    pub given: Vec<GivenKey>,
}

/// `--base-url`'s id.
const URL_ID: &str = "base_url";
/// The help heading of the generated flags.
const HEADING: &str = "Gateway keys (each flag applies to the gateways it names)";

/// How a generated flag sets its key.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Source {
    Plain,
    Env,
    Command,
    File,
}

impl Source {
    const SECRET: [Source; 3] = [Source::Env, Source::Command, Source::File];

    fn suffix(self) -> &'static str {
        match self {
            Source::Plain => "",
            Source::Env => "_env",
            Source::Command => "_command",
            Source::File => "_file",
        }
    }
}

/// One generated flag.
struct Flag {
    key: String,
    source: Source,
    arg: Arg,
}

impl Flag {
    fn id(&self) -> String {
        format!("{}{}", self.key, self.source.suffix())
    }

    fn long(&self) -> String {
        format!("--{}", self.id().replace('_', "-"))
    }
}

/// Every gateway key once (the URL key as `--base-url`), with the gateways
/// that have it, in registry order.
fn flags() -> Vec<Flag> {
    struct Merged {
        key: String,
        secret: bool,
        choices: Vec<String>,
        /// (gateway, "gateway: about", about)
        uses: Vec<(&'static str, String, String)>,
        aliases: Vec<String>,
    }
    let mut merged: Vec<Merged> = Vec::new();
    for (gateway, keys) in keys::all() {
        for key in keys {
            let name = if key.url {
                URL_ID.to_owned()
            } else {
                key.name.clone()
            };
            let at = match merged.iter().position(|m| m.key == name) {
                Some(i) => i,
                None => {
                    merged.push(Merged {
                        key: name.clone(),
                        secret: key.kind == KeyKind::Secret,
                        choices: Vec::new(),
                        uses: Vec::new(),
                        aliases: Vec::new(),
                    });
                    merged.len() - 1
                }
            };
            let m = &mut merged[at];
            if let KeyKind::Choice(c) = &key.kind {
                for v in c {
                    if !m.choices.contains(v) {
                        m.choices.push(v.clone());
                    }
                }
            }
            if key.name != name && !m.aliases.contains(&key.name) {
                m.aliases.push(key.name.clone());
            }
            let named = if key.name == name {
                String::new()
            } else {
                format!(" (`{}`)", key.name)
            };
            m.uses.push((
                gateway,
                format!("{gateway}{named}: {}", key.about),
                key.about.clone(),
            ));
        }
    }
    let mut out = Vec::new();
    for m in merged {
        let gateways: Vec<&str> = m.uses.iter().map(|(g, _, _)| *g).collect();
        let gateways = gateways.join(", ");
        let details: Vec<String> = m.uses.iter().map(|(_, d, _)| d.clone()).collect();
        let details = details.join("; ");
        let sources: &[Source] = if m.secret {
            &Source::SECRET
        } else {
            &[Source::Plain]
        };
        for &source in sources {
            let what = match source {
                Source::Plain if m.key == URL_ID => {
                    "The gateway's URL [default: the gateway's usual one]".to_owned()
                }
                Source::Plain if m.uses.len() == 1 => m.uses[0].2.clone(),
                Source::Plain => format!("`{}`", m.key),
                Source::Env => format!("`{}` from this environment variable", m.key),
                Source::Command => format!(
                    "`{}` from this command's first line of output, e.g. 'pass show wa/{}'",
                    m.key, m.key
                ),
                Source::File => format!("`{}` from this file", m.key),
            };
            let value_name = match source {
                Source::Plain if m.key == URL_ID => "URL",
                Source::Plain => "VALUE",
                Source::Env => "VAR",
                Source::Command => "CMD",
                Source::File => "PATH",
            };
            let help = format!("{what} [{gateways}]");
            let id = format!("{}{}", m.key, source.suffix());
            let mut arg = Arg::new(id.clone())
                .long(id.replace('_', "-"))
                .value_name(value_name)
                .action(ArgAction::Set)
                .help_heading(HEADING)
                .help(help.clone())
                .long_help(if source == Source::Plain && m.uses.len() == 1 {
                    help.clone()
                } else {
                    format!("{help}. {details}")
                });
            for alias in &m.aliases {
                arg = arg.visible_alias(alias.replace('_', "-"));
            }
            if !m.choices.is_empty() {
                arg = arg.value_parser(PossibleValuesParser::new(m.choices.clone()));
            }
            if source == Source::File {
                arg = arg.value_hint(clap::ValueHint::FilePath);
            }
            if source != Source::Plain {
                let others = Source::SECRET
                    .iter()
                    .filter(|s| **s != source)
                    .map(|s| format!("{}{}", m.key, s.suffix()));
                arg = arg.conflicts_with_all(others);
            }
            out.push(Flag {
                key: m.key.clone(),
                source,
                arg,
            });
        }
    }
    out
}

impl Args for KeyFlags {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        flags().into_iter().fold(cmd, |cmd, f| cmd.arg(f.arg))
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        KeyFlags::augment_args(cmd)
    }
}

impl clap::FromArgMatches for KeyFlags {
    fn from_arg_matches(matches: &ArgMatches) -> Result<KeyFlags, clap::Error> {
        let mut out = KeyFlags::default();
        for flag in flags() {
            let Some(value) = matches.try_get_one::<String>(&flag.id()).ok().flatten() else {
                continue;
            };
            let value = value.clone();
            let value = match flag.source {
                Source::Plain if flag.key == URL_ID => {
                    out.url = Some(value);
                    continue;
                }
                Source::Plain => KeyValue::Text(value),
                Source::Env => KeyValue::Secret(SecretSource::Env { env: value }),
                Source::Command => KeyValue::Secret(SecretSource::Command { command: value }),
                Source::File => KeyValue::Secret(SecretSource::File { file: value.into() }),
            };
            out.given.push(GivenKey {
                flag: flag.long(),
                key: flag.key,
                value,
            });
        }
        Ok(out)
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = KeyFlags::from_arg_matches(matches)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn parse(args: &[&str]) -> AddArgs {
        let mut all = vec!["wa-inbox", "profiles", "add"];
        all.extend_from_slice(args);
        match crate::cli::Cli::try_parse_from(all).unwrap().command {
            crate::cli::Command::Profiles(crate::cli::ProfilesCommand::Add(a)) => a,
            other => panic!("{other:?}"),
        }
    }

    /// One flag per key of every gateway, and three per secret key.
    #[test]
    fn every_key_of_every_gateway_has_its_flag() {
        let longs: Vec<String> = flags().iter().map(Flag::long).collect();
        for (gateway, keys) in keys::all() {
            for key in keys.iter().filter(|k| !k.url) {
                let flag = format!("--{}", key.name.replace('_', "-"));
                let wanted: Vec<String> = match key.kind {
                    KeyKind::Secret => ["env", "command", "file"]
                        .iter()
                        .map(|s| format!("{flag}-{s}"))
                        .collect(),
                    _ => vec![flag],
                };
                for w in wanted {
                    assert!(longs.contains(&w), "{gateway}: {w} in {longs:?}");
                }
            }
        }
        assert!(
            !longs.iter().any(|l| l == "--access-token"),
            "no literal secret flag"
        );
    }

    #[test]
    fn flags_become_keys_and_secret_sources() {
        let a = parse(&[
            "shop",
            "--provider",
            "wawp",
            "--base-url",
            "https://w.example",
            "--instance-id",
            "42",
            "--access-token-command",
            "pass show wa",
        ]);
        assert_eq!(a.name.as_deref(), Some("shop"));
        assert_eq!(a.keys.url.as_deref(), Some("https://w.example"));
        let values: Vec<(&str, &KeyValue)> = a
            .keys
            .given
            .iter()
            .map(|g| (g.key.as_str(), &g.value))
            .collect();
        assert_eq!(
            values,
            [
                ("instance_id", &KeyValue::Text("42".into())),
                (
                    "access_token",
                    &KeyValue::Secret(SecretSource::Command {
                        command: "pass show wa".into()
                    })
                )
            ]
        );
        // Green API's URL key answers to its own name too.
        let g = parse(&["g", "--api-url", "https://1.api.greenapi.com"]);
        assert_eq!(g.keys.url.as_deref(), Some("https://1.api.greenapi.com"));
        assert!(crate::cli::Cli::try_parse_from([
            "wa-inbox",
            "profiles",
            "add",
            "x",
            "--token-env",
            "A",
            "--token-file",
            "B"
        ])
        .is_err());
        assert!(crate::cli::Cli::try_parse_from([
            "wa-inbox", "profiles", "add", "x", "--engine", "diesel"
        ])
        .is_err());
    }
}
