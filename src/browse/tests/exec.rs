//! The executor's way out when a source fails: a source that stopped
//! answering and a task that panics each end the browser with their one
//! line, never a hang and never a panic on the UI thread.

use std::rc::Rc;
use std::time::Duration;

use tokio::sync::mpsc;

use super::*;
use crate::browse::exec::{Answer, Executor, Failure, Source, Stopped};
use crate::provider::ReadOutcome;

/// A source whose network thread is gone (`stopped`), or whose every
/// answer panics on the UI thread (not `stopped`).
struct Broken {
    stopped: bool,
}

impl Broken {
    fn answer<T: 'static>(&self) -> Answer<T> {
        let stopped = self.stopped;
        Box::pin(async move {
            match stopped {
                true => Err(Stopped),
                false => panic!("an answer panics"),
            }
        })
    }
}

impl Source for Broken {
    fn chats(&self, _: usize) -> Answer<Result<Listing, String>> {
        self.answer()
    }
    fn poll(&self, _: usize) -> Answer<Result<Listing, String>> {
        self.answer()
    }
    fn cached_chats(&self, _: usize) -> Answer<Result<Vec<Chat>, String>> {
        self.answer()
    }
    fn messages(&self, _: &ChatKey) -> Answer<Result<Vec<Message>, String>> {
        self.answer()
    }
    fn mark_read(&self, _: &ChatKey, _: bool) -> Answer<Result<ReadOutcome, String>> {
        self.answer()
    }
    fn cached_messages(&self, _: &ChatKey) -> Answer<Option<Vec<Message>>> {
        self.answer()
    }
}

/// What the loop hears back from the executor after `cmd` with `source`.
fn outcome(source: Broken, cmd: Cmd) -> Result<Msg, Failure> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap();
    tokio::task::LocalSet::new().block_on(&runtime, async move {
        let (tx, mut rx) = mpsc::unbounded_channel();
        let mut exec = Executor::new(Rc::new(source), tx);
        exec.run(cmd);
        let heard = tokio::time::timeout(Duration::from_secs(10), rx.recv());
        heard.await.expect("an answer, not a hang").unwrap()
    })
}

/// Every request to `source` ends the browser with `want`.
fn every_request_ends_with(stopped: bool, want: Failure) {
    let key = ChatKey {
        profile: 0,
        id: "1@s.whatsapp.net".to_owned(),
    };
    let requests = [
        Cmd::Chats {
            profile: 0,
            generation: 1,
            poll: false,
        },
        Cmd::Chats {
            profile: 0,
            generation: 1,
            poll: true,
        },
        Cmd::Cached { profile: 0 },
        Cmd::Messages {
            key: key.clone(),
            generation: 1,
            delay: Duration::ZERO,
        },
        Cmd::MarkRead { key, dry_run: true },
    ];
    for cmd in requests {
        let what = format!("{cmd:?}");
        let heard = outcome(Broken { stopped }, cmd);
        assert_eq!(heard.err(), Some(want.clone()), "{what}");
    }
}

/// See: the network thread's end was a panic on the UI thread (`ask`),
/// reported as "a background task failed"; now it is `Stopped`, said so.
#[test]
fn a_source_that_stopped_ends_the_browser_saying_so() {
    every_request_ends_with(true, Failure::Stopped);
    assert_eq!(
        Failure::Stopped.to_string(),
        "the browser's network thread stopped answering; see the message above"
    );
}

#[test]
fn a_task_that_panics_ends_the_browser_as_crashed() {
    every_request_ends_with(false, Failure::Crashed);
}
