//! `messages list CHAT`: one chat of exactly one profile, resolved from a
//! JID, a phone number or a name (`resolve.rs`), read through the gateway's
//! messages operation (`listing.rs`) into the conversation view or a
//! streaming format. stdout carries only records (or the `--count` line);
//! which chat was picked, continuation hints and notes go to stderr.

mod listing;
mod reorder;
pub(super) mod resolve;
mod when;

use super::Ctx;
use crate::cli::{MessageArgs, MessagesCommand};
use crate::config::defaults;
use crate::exit::{Exit, UsageError};
use crate::message::Message;
use crate::output::conversation::ConversationSink;
use crate::output::message_fields::MessageField;
use crate::output::record::parse_fields;
use crate::output::{self, Layout, Sink};
use crate::provider::{Op, Paging};
use crate::time::Timestamp;
use listing::{Outcome, Plan, Request};

pub async fn run(cmd: MessagesCommand, ctx: &Ctx) -> anyhow::Result<Exit> {
    let MessagesCommand::List(args) = cmd;
    let s = &ctx.settings;
    let profiles = s.selected()?;
    let profile = super::one_profile(&profiles, "messages list reads one chat of")?;
    let fields = match s.fields.is_empty() {
        true => None,
        false => Some(parse_fields::<Message>(&s.fields).map_err(UsageError)?),
    };
    let req = request(&args)?;
    let what = format!(
        "reading messages for profile `{}` ({})",
        profile.name,
        profile.provider.name()
    );
    let resolved = ctx.resolve(&[profile]).await?.remove(0);
    let run = async {
        let resolved = resolved?;
        let provider = resolved.build()?;
        super::require(&provider, Op::Messages)?;
        let caps = provider.message_capabilities();
        let concurrency = resolved.env.concurrency;
        let target =
            resolve::resolve(&provider, &args.chat.join(" "), caps.dm_server, concurrency).await?;
        if let Some(name) = &target.name {
            crate::diag::note(&format!(
                "showing \"{}\" ({})",
                crate::sanitize::one_line(name),
                target.id
            ));
        }
        let plan = Plan::new(req.clone(), caps, &target.id)?;
        Ok::<_, anyhow::Error>((provider, plan, target, caps, concurrency))
    };
    let (provider, plan, target, caps, concurrency) =
        run.await.map_err(|e| e.context(what.clone()))?;
    let mut counter = Counter(0);
    let opts = ctx.record_options(Layout::List, false);
    let mut out: Option<Box<dyn Sink<Message>>> = match args.count {
        true => None,
        false => Some(open(ctx, opts, fields, &target)),
    };
    let sink: &mut dyn Sink<Message> = match &mut out {
        Some(s) => s.as_mut(),
        None => &mut counter,
    };
    let mut outcome = Outcome::default();
    if let Err(e) = plan
        .execute(&provider, concurrency, sink, &mut outcome)
        .await
    {
        if outcome.shown > 0 && !plan.buffers() {
            let _ = sink.finish();
        }
        return Err(e.context(what));
    }
    sink.finish()?;
    if args.count {
        use std::io::Write;
        let mut out = output::stdout();
        writeln!(out, "{}", counter.0)?;
        out.flush()?;
    }
    notes(&args, &req, &outcome, caps);
    Ok(match outcome.shown {
        0 if args.exit_status => Exit::NoMatch,
        _ => Exit::Ok,
    })
}

/// The command line as a `Request`.
fn request(a: &MessageArgs) -> Result<Request, UsageError> {
    let limit = match (a.all, a.limit, a.count) {
        (true, _, _) => None,
        (false, Some(n), _) => Some(n as usize),
        (false, None, true) => None,
        (false, None, false) => Some(defaults::MESSAGE_LIMIT as usize),
    };
    let since = a
        .since
        .as_deref()
        .map(|s| when::parse_since(s, Timestamp::now()))
        .transpose()?;
    let before = a.before.as_deref().map(when::parse_before).transpose()?;
    if let (Some(s), Some(when::Before::Time(b))) = (since, &before) {
        if s >= *b {
            return Err(UsageError(format!(
                "--since {s} is not earlier than --before {b}"
            )));
        }
    }
    Ok(Request {
        limit,
        order: a.order.into(),
        since,
        before,
        from_me: match (a.incoming, a.outgoing) {
            (true, _) => Some(false),
            (_, true) => Some(true),
            _ => None,
        },
        kinds: a.kind.iter().map(|&k| k.into()).collect(),
        search: a.search.as_ref().map(|s| s.to_lowercase()),
    })
}

/// The sink for the output format: the conversation view for `table`.
fn open(
    ctx: &Ctx,
    opts: output::Options,
    fields: Option<Vec<MessageField>>,
    target: &resolve::Target,
) -> Box<dyn Sink<Message>> {
    let term = ctx.settings.term;
    match output::streaming::<_, Message>(&opts, fields, term, output::stdout()) {
        Ok(sink) => sink,
        Err(out) => {
            let title = match &target.name {
                Some(n) => format!("{n} · {}", target.id),
                None => target.id.clone(),
            };
            Box::new(ConversationSink::new(&opts, term, Some(title), out))
        }
    }
}

/// Closing notes on stderr: how to continue, and why a listing may be short.
fn notes(
    args: &MessageArgs,
    req: &Request,
    outcome: &Outcome,
    caps: crate::provider::MessageCapabilities,
) {
    if let Some(id) = &outcome.more_before {
        let limit = args
            .limit
            .map(|l| format!(" --limit {l}"))
            .unwrap_or_default();
        let all = match caps.paging {
            Paging::Single => "raise --limit".to_owned(),
            _ => "use --all".to_owned(),
        };
        let next = match crate::sanitize::shell_word(id) {
            Some(word) => format!("continue with --before {word}{limit}, or {all}"),
            None => format!("the last id shown holds characters a terminal cannot show: {all}"),
        };
        crate::diag::note(&format!("older messages follow; {next}"));
    }
    if let Some(n) = outcome.depth_reached {
        crate::diag::note(&format!(
            "{} returns only a chat's last messages: {n} were searched, older ones may match too",
            caps.gateway
        ));
    }
    let unfiltered = req.since.is_none() && req.before.is_none() && req.search.is_none();
    if outcome.shown == 0 && unfiltered {
        if let Some(hint) = caps.empty_hint {
            crate::diag::note(&format!("no messages; {hint}"));
        }
    }
}

/// `--count`: the number of matching messages, nothing else.
struct Counter(u64);

impl Sink<Message> for Counter {
    fn write(&mut self, rows: Vec<Message>) -> std::io::Result<()> {
        self.0 += rows.len() as u64;
        Ok(())
    }

    fn finish(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
