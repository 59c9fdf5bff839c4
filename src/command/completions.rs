//! `wa-inbox completions SHELL`: the clap_complete script on stdout.

use std::io::Write;

use clap::CommandFactory;

use crate::cli::Cli;
use crate::exit::Exit;

pub fn run(shell: clap_complete::Shell) -> anyhow::Result<Exit> {
    let mut out = crate::output::stdout();
    out.write_all(&script(shell))?;
    out.flush()?;
    Ok(Exit::Ok)
}

/// The completion script for `shell`, as `completions/` holds it.
pub fn script(shell: clap_complete::Shell) -> Vec<u8> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "wa-inbox", &mut buf);
    buf
}

#[cfg(test)]
mod tests {
    use clap::ValueEnum;

    /// Fails when `completions/` drifts from the CLI. Refresh with:
    /// for s in bash zsh fish powershell elvish; do cargo run -q -- completions $s > completions/wa-inbox.$s; done
    #[test]
    fn completion_files_match_the_cli() {
        for shell in clap_complete::Shell::value_variants() {
            let name = shell.to_possible_value().unwrap().get_name().to_owned();
            let path = format!("{}/completions/wa-inbox.{name}", env!("CARGO_MANIFEST_DIR"));
            let on_disk = std::fs::read(&path).unwrap_or_default();
            assert!(
                on_disk == super::script(*shell),
                "{path} is out of date; refresh with: for s in bash zsh fish powershell elvish; do cargo run -q -- completions $s > completions/wa-inbox.$s; done"
            );
        }
    }
}
