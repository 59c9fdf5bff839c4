//! `wa-inbox man [DIR]`: the man page from clap_mangen, to stdout or DIR/wa-inbox.1.

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use clap::CommandFactory;

use crate::cli::Cli;
use crate::exit::Exit;

pub fn run(dir: Option<&Path>) -> anyhow::Result<Exit> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    match dir {
        Some(dir) => {
            let path = dir.join("wa-inbox.1");
            std::fs::write(&path, page)
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        None => {
            let mut out = crate::output::stdout();
            out.write_all(&page)?;
            out.flush()?;
        }
    }
    Ok(Exit::Ok)
}
