//! `wa-inbox browse`: the interactive inbox, built as The Elm Architecture
//! (STYLE.md pattern 16). `model.rs` holds the state, `list.rs` the chat
//! list derived from it, `msg.rs` what happens
//! and what may be asked for, `update.rs` the pure state transitions,
//! `input.rs` what keys do to it, `mouse.rs` what clicks and the wheel do
//! (`--mouse`), `mark.rs` the confirmed mark-read, `view*.rs` the pure
//! drawing, `keys.rs` the one key table, `exec.rs` the background tasks (one
//! per resource, newest wins) and `terminal.rs` the terminal's setup and its
//! restoration on every way out.
//!
//! This file is the event loop: keys, clicks, resizes, signals, a slow clock tick
//! and task results become `Msg`s; each goes through `update`, the commands
//! it returns go to the executor, and the frame is redrawn from the model.
//! Nothing in the loop waits on the network, so the screen never freezes.
//! The command layer (`command/browse/`) builds the `Source` (a network
//! thread of its own) and the first model (from the start of the store's
//! cached overviews) before the first frame.

mod exec;
mod input;
mod keys;
mod list;
mod mark;
mod model;
mod mouse;
mod msg;
mod terminal;
#[cfg(test)]
mod tests;
mod update;
mod view;
mod view_chat;
mod view_help;
mod view_list;

use std::rc::Rc;
use std::time::{Duration, Instant};

use crossterm::event::{Event, EventStream};
use futures_util::StreamExt;
use tokio::signal::unix::{signal, SignalKind};

pub use exec::{Answer, Source, Stopped};
pub use model::{ChatKey, Listing, Look, Model, MESSAGES};
use msg::{Cmd, Msg};
pub use terminal::is_interactive;

use crate::time::Timestamp;

/// How often relative times are redrawn without any other event.
const TICK: Duration = Duration::from_secs(15);

/// Timings for `-v` (printed once the terminal is restored): the first
/// frame, the first fresh chat list, and how long the loop was busy — per
/// key (from the key's arrival to its frame) and at worst for any message,
/// which bounds how long a key can wait behind other work.
struct Stats {
    first_frame: Duration,
    first_list: Option<Duration>,
    keys: Vec<Duration>,
    longest: Duration,
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Key,
    Chats,
    Other,
}

impl Stats {
    fn new(first_frame: Duration) -> Stats {
        Stats {
            first_frame,
            first_list: None,
            keys: Vec::new(),
            longest: Duration::ZERO,
        }
    }

    fn kind(msg: &Msg) -> Kind {
        match msg {
            Msg::Key(_) => Kind::Key,
            Msg::Chats { result: Ok(_), .. } => Kind::Chats,
            _ => Kind::Other,
        }
    }

    fn record(&mut self, kind: Kind, busy: Duration, since_start: Duration) {
        self.longest = self.longest.max(busy);
        match kind {
            Kind::Key => self.keys.push(busy),
            Kind::Chats if self.first_list.is_none() => self.first_list = Some(since_start),
            _ => {}
        }
    }

    fn report(&mut self) -> String {
        self.keys.sort();
        let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
        let keys = match (self.keys.get(self.keys.len() / 2), self.keys.last()) {
            (Some(median), Some(max)) => format!(
                "{} keys: median {}, max {} to their frame",
                self.keys.len(),
                ms(*median),
                ms(*max)
            ),
            _ => "no keys".to_owned(),
        };
        let list = self.first_list.map_or("none".to_owned(), ms);
        format!(
            "browse: first frame {}, first fresh chat list {list}; {keys}; longest busy {}",
            ms(self.first_frame),
            ms(self.longest)
        )
    }
}

/// Why the browser cannot start.
#[derive(Debug, thiserror::Error)]
#[error("browse needs a terminal on stdin and stdout; for scripts use `chats overview` or `messages list`")]
pub struct NotATerminal;

/// What the command layer hands over: the first model (cached chats already
/// in it) and where fresh data comes from.
pub struct Setup {
    pub model: Model,
    pub source: Rc<dyn Source>,
    /// When the command started, to report the time to the first frame (`-v`).
    pub started: Instant,
    /// How often every chat list is fetched again (new messages show up).
    pub interval: Duration,
}

/// Run the browser until `q`, Ctrl-C or a signal; then the `-v` timings line
/// (written by the caller, once stderr is no longer quieted for the screen).
pub async fn run(setup: Setup) -> anyhow::Result<String> {
    if !terminal::is_interactive() {
        return Err(NotATerminal.into());
    }
    let local = tokio::task::LocalSet::new();
    local.run_until(event_loop(setup)).await
}

async fn event_loop(setup: Setup) -> anyhow::Result<String> {
    let Setup {
        mut model,
        source,
        started,
        interval,
    } = setup;
    let mut signals = [
        signal(SignalKind::terminate())?,
        signal(SignalKind::interrupt())?,
        signal(SignalKind::hangup())?,
    ];
    let mut guard = terminal::Guard::enter(model.look.mouse)?;
    let size = guard.term.size()?;
    model.size = (size.width, size.height);
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let mut exec = exec::Executor::new(source, tx);
    let first = update::init(&mut model);
    guard.draw(|f| view::view(&model, f))?;
    let first_frame = started.elapsed();
    for cmd in first {
        exec.run(cmd);
    }
    let mut events = EventStream::new();
    let mut tick = tokio::time::interval_at(tokio::time::Instant::now() + TICK, TICK);
    let mut poll = tokio::time::interval_at(tokio::time::Instant::now() + interval, interval);
    let mut stats = Stats::new(first_frame);
    let result = loop {
        let [term, int, hup] = &mut signals;
        let msg = tokio::select! {
            event = events.next() => match event {
                Some(Ok(Event::Key(k))) => Msg::Key(k),
                Some(Ok(Event::Mouse(e))) if mouse::wanted(&e) => Msg::Mouse(e),
                Some(Ok(Event::Resize(w, h))) => Msg::Resize(w, h),
                Some(Ok(_)) => continue,
                Some(Err(e)) => break Err(anyhow::Error::new(e).context("reading the terminal")),
                None => break Ok(()),
            },
            Some(done) = rx.recv() => match done {
                Ok(msg) => msg,
                Err(failure) => break Err(failure.into()),
            },
            _ = tick.tick() => Msg::Tick(Timestamp::now()),
            _ = poll.tick() => Msg::Poll,
            _ = term.recv() => Msg::Signal,
            _ = int.recv() => Msg::Signal,
            _ = hup.recv() => Msg::Signal,
        };
        let busy = Instant::now();
        let kind = Stats::kind(&msg);
        let mut quit = false;
        for cmd in update::update(&mut model, msg) {
            match cmd {
                Cmd::Quit => quit = true,
                Cmd::Copy(text) => guard.copy(&text)?,
                other => exec.run(other),
            }
        }
        if quit {
            break Ok(());
        }
        guard.draw(|f| view::view(&model, f))?;
        stats.record(kind, busy.elapsed(), started.elapsed());
    };
    drop(guard);
    result.map(|()| stats.report())
}
