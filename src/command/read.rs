//! `chats read CHAT...`: marks chats read on exactly one profile — each CHAT resolved as
//! `messages list` resolves it — one chat after another, trying every chat after a failure and
//! exiting with the first failure's code. `--dry-run` still reads what it needs to choose the
//! messages (GOWA, Evolution) but sends no write. A write only here, never as a side effect.

use super::messages::resolve;
use super::Ctx;
use crate::cli::ReadArgs;
use crate::exit::{self, Exit, UsageError};
use crate::output::read_report::{ReadRecord, ReadReport};
use crate::output::{self, Format};
use crate::provider::Op;

pub async fn run(args: ReadArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let s = &ctx.settings;
    let profiles = s.selected()?;
    let profile = super::one_profile(&profiles, "chats read marks chats of")?;
    if matches!(s.format, Format::Csv | Format::Tsv) {
        return Err(UsageError(
            "chats read prints lines, -o json or -o ndjson; CSV and TSV do not apply".to_owned(),
        )
        .into());
    }
    if !s.fields.is_empty() {
        return Err(UsageError(
            "--fields does not apply to chats read (its record is in the README)".to_owned(),
        )
        .into());
    }
    let what = format!(
        "marking chats read for profile `{}` ({})",
        profile.name,
        profile.provider.name()
    );
    let setup = async {
        let resolved = ctx.resolve(&[profile]).await?.remove(0)?;
        let provider = resolved.build()?;
        super::require(&provider, Op::MarkRead)?;
        let dm_server = provider.message_capabilities().dm_server;
        let inputs: Vec<&str> = args.chats.iter().map(String::as_str).collect();
        let targets =
            resolve::resolve_all(&provider, &inputs, dm_server, resolved.env.concurrency).await?;
        Ok::<_, anyhow::Error>((provider, targets))
    };
    let (provider, targets) = setup.await.map_err(|e| e.context(what.clone()))?;
    let mut report = ReadReport::new(s.format, output::stdout());
    let mut first_failure = None;
    for (chat, target) in args.chats.iter().zip(targets) {
        let done = match target {
            Err(e) => Err((None, e)),
            Ok(t) => match provider.mark_read(&t.id, args.dry_run).await {
                Ok(o) => Ok(ReadRecord::done(
                    &profile.name,
                    chat,
                    &t.id,
                    t.name,
                    args.dry_run,
                    o,
                )),
                Err(e) => Err((Some(t), e.into())),
            },
        };
        let record = match done {
            Ok(r) => r,
            Err((target, e)) => {
                let code = exit::from_error(&e);
                first_failure.get_or_insert(code);
                let target = target.map(|t| (t.id, t.name));
                ReadRecord::failed(&profile.name, chat, target, exit::one_line(&e), code as u8)
            }
        };
        report.write(&record)?;
    }
    report.finish()?;
    Ok(first_failure.unwrap_or(Exit::Ok))
}
