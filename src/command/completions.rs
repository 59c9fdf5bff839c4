//! Shell completion, with clap_complete's dynamic engine (`CompleteEnv`).
//!
//! Why the dynamic engine rather than clap_complete's generated scripts: the
//! generated bash script never got past the first word for a hyphenated
//! binary name (it built the state `wa__inbox__subcmd__chats` and matched
//! `wa__subcmd__inbox__subcmd__chats`), fish offered file names for
//! `--output` and `--color`, and no static script can know the profile names
//! in the config file. With the engine, each shell's script is a few lines
//! that call `wa-inbox` back with `WA_INBOX_COMPLETE=<shell>` set; the binary
//! answers from the same `clap::Command` that parses the arguments, so every
//! depth completes in every shell, and `-p/--profile` completes the profiles
//! of the config file (`-c`, `WA_INBOX_CONFIG` or the default path), or the
//! sandbox's gateway names after `--demo`. The engine is behind clap_complete's
//! `unstable-dynamic` feature; `Cargo.lock` pins the version the tests ran.
//!
//! `wa-inbox completions SHELL` prints that script; `completions/` holds a copy
//! per shell under the file name the shell loads (`_wa-inbox` for zsh's
//! `fpath`, `.ps1`, `.elv`). A completer never prints an error: a missing or
//! broken config file simply offers no profile names.

use std::ffi::{OsStr, OsString};
use std::io::Write;

use clap::CommandFactory;
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};
use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Zsh};
use clap_complete::Shell;

use crate::cli::Cli;
use crate::exit::Exit;

/// The variable that makes `wa-inbox` answer a completion request.
const VAR: &str = "WA_INBOX_COMPLETE";
const BIN: &str = "wa-inbox";

/// Answer a completion request and exit, when the shell made one; else return.
pub fn complete_if_asked() {
    clap_complete::CompleteEnv::with_factory(command)
        .var(VAR)
        .bin(BIN)
        .completer(BIN)
        .complete();
}

/// The command line with its dynamic completers attached.
fn command() -> clap::Command {
    Cli::command().mut_arg("profile", |a| {
        a.add(ArgValueCompleter::new(profile_candidates))
    })
}

pub fn run(shell: Shell) -> anyhow::Result<Exit> {
    let mut out = crate::output::stdout();
    out.write_all(&script(shell))?;
    out.flush()?;
    Ok(Exit::Ok)
}

/// The completion script for `shell`, as `completions/` holds it.
pub fn script(shell: Shell) -> Vec<u8> {
    let completer: &dyn EnvCompleter = match shell {
        Shell::Bash => &Bash,
        Shell::Zsh => &Zsh,
        Shell::Fish => &Fish,
        Shell::PowerShell => &Powershell,
        Shell::Elvish => &Elvish,
        _ => &Bash,
    };
    let mut buf = Vec::new();
    completer
        .write_registration(VAR, BIN, BIN, BIN, &mut buf)
        .expect("writing to a Vec cannot fail");
    if shell == Shell::Zsh {
        // Autoloaded from `_wa-inbox` on fpath, the file's body runs on the first
        // Tab: it must complete then, not only register for the next Tab.
        let text = String::from_utf8_lossy(&buf).replace(
            "\ncompdef _clap_dynamic_completer_wa_inbox wa-inbox",
            "\nif [ \"$funcstack[1]\" = \"_wa-inbox\" ]; then\n    \
             _clap_dynamic_completer_wa_inbox \"$@\"\nelse\n    \
             compdef _clap_dynamic_completer_wa_inbox wa-inbox\nfi",
        );
        buf = text.into_bytes();
    }
    buf
}

/// `-p` values: the sandbox's profiles after `--demo`, else the config file's.
/// `-p a,b,<Tab>` completes the last name of the list.
fn profile_candidates(current: &OsStr) -> Vec<CompletionCandidate> {
    let current = current.to_string_lossy();
    let (done, prefix) = match current.rfind(',') {
        Some(i) => current.split_at(i + 1),
        None => ("", current.as_ref()),
    };
    let words: Vec<OsString> = std::env::args_os().collect();
    let names = if words.iter().any(|w| w == "--demo") {
        crate::sandbox::demo_profile_names()
    } else {
        config_profile_names(&words)
    };
    names
        .into_iter()
        .filter(|n| n.starts_with(prefix))
        .map(|n| CompletionCandidate::new(format!("{done}{n}")))
        .collect()
}

/// The profile names of the config file the command line would read.
fn config_profile_names(words: &[OsString]) -> Vec<String> {
    let env = super::environment();
    let config = config_flag(words).or_else(|| std::env::var_os("WA_INBOX_CONFIG"));
    let path = match config {
        Some(p) if !p.is_empty() => std::path::PathBuf::from(p),
        _ => match crate::config::default_path(&env) {
            Ok(p) => p,
            Err(_) => return Vec::new(),
        },
    };
    match crate::config::Config::load(&path) {
        Ok(c) => c.profiles.into_keys().collect(),
        Err(_) => Vec::new(),
    }
}

/// The value of `-c`/`--config` among the words being completed.
fn config_flag(words: &[OsString]) -> Option<OsString> {
    let mut it = words.iter().map(|w| w.to_string_lossy());
    while let Some(w) = it.next() {
        if w == "-c" || w == "--config" {
            return it.next().map(|v| v.into_owned().into());
        }
        if let Some(v) = w.strip_prefix("--config=").or(w.strip_prefix("-c")) {
            return Some(v.to_owned().into());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::ValueEnum;

    /// The file name each shell loads a completion script from.
    fn file_name(shell: Shell) -> &'static str {
        match shell {
            Shell::Zsh => "_wa-inbox",
            Shell::Fish => "wa-inbox.fish",
            Shell::PowerShell => "wa-inbox.ps1",
            Shell::Elvish => "wa-inbox.elv",
            _ => "wa-inbox.bash",
        }
    }

    /// Fails when `completions/` drifts from the CLI. Refresh with:
    /// for s in bash zsh fish powershell elvish; do cargo run -q -- completions $s > completions/FILE; done
    /// (FILE: `file_name` of the shell).
    #[test]
    fn completion_files_match_the_cli_under_the_names_shells_load() {
        for shell in Shell::value_variants() {
            let path = format!(
                "{}/completions/{}",
                env!("CARGO_MANIFEST_DIR"),
                file_name(*shell)
            );
            let on_disk = std::fs::read(&path).unwrap_or_default();
            assert!(
                on_disk == script(*shell),
                "{path} is out of date; refresh with: cargo run -q -- completions {shell} > {path}"
            );
        }
    }

    #[test]
    fn demo_profile_completion_names_every_gateway() {
        let names = crate::sandbox::demo_profile_names();
        for gateway in crate::gateways::NAMES {
            assert!(names.iter().any(|n| n == gateway), "{gateway} in {names:?}");
        }
        assert!(names.iter().any(|n| n == "waha-noweb"), "{names:?}");
    }

    #[test]
    fn config_flag_in_every_spelling() {
        let w = |s: &[&str]| s.iter().map(OsString::from).collect::<Vec<_>>();
        let got = |s: &[&str]| config_flag(&w(s)).map(|v| v.to_string_lossy().into_owned());
        assert_eq!(
            got(&["wa-inbox", "-c", "a.toml", "-p"]).as_deref(),
            Some("a.toml")
        );
        assert_eq!(
            got(&["wa-inbox", "--config=b.toml"]).as_deref(),
            Some("b.toml")
        );
        assert_eq!(got(&["wa-inbox", "-cc.toml"]).as_deref(), Some("c.toml"));
        assert_eq!(got(&["wa-inbox", "chats", "list"]), None);
    }
}
