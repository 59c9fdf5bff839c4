//! The executor: runs each `Cmd` as a task on the UI thread's `LocalSet`
//! and sends its answer back as a `Msg`. At most one task per resource (a
//! profile's chat list; the open chat's messages): a newer request aborts the
//! one in flight, so a slow gateway never piles up requests, and the
//! generation in the answer lets `update` drop anything stale that slipped
//! through. A task that panics ends the browser (`Msg` is never silently lost).
//!
//! A source that can no longer answer at all (the network thread behind it
//! is gone, or its job panicked there) says so with `Stopped` instead of
//! panicking on this thread: the task then reports `Failure::Stopped` and the
//! loop ends with that one line. The thread's own panic was already printed
//! by the panic hook, which restored the terminal first (`terminal.rs`).

use std::collections::HashMap;
use std::rc::Rc;

use futures_util::future::LocalBoxFuture;
use tokio::sync::mpsc::UnboundedSender;
use tokio::task::AbortHandle;

use super::model::{ChatKey, Listing};
use super::msg::{Cmd, Msg};
use crate::chat::Chat;
use crate::message::Message;
use crate::provider::ReadOutcome;
use crate::time::Timestamp;

/// Where the browser's data comes from: the command layer implements it over
/// the gateways and the store; tests implement it by hand. Errors are one
/// line, redacted and sanitised, ready for the status line.
pub trait Source {
    /// Profile `profile`'s chats (with previews and unread counts where known).
    fn chats(&self, profile: usize) -> Answer<Result<Listing, String>>;
    /// Profile `profile`'s chats that changed since the last look (a partial
    /// listing, empty when none did), found as `watch` finds new messages.
    fn poll(&self, profile: usize) -> Answer<Result<Listing, String>>;
    /// The whole of profile `profile`'s cached overview (its first chats
    /// were in the first model).
    fn cached_chats(&self, profile: usize) -> Answer<Result<Vec<Chat>, String>>;
    /// The newest messages of a chat, oldest first.
    fn messages(&self, key: &ChatKey) -> Answer<Result<Vec<Message>, String>>;
    /// Mark a chat read; with `dry_run`, only say what the gateway would do.
    fn mark_read(&self, key: &ChatKey, dry_run: bool) -> Answer<Result<ReadOutcome, String>>;
    /// What the store kept of a chat's messages from an earlier fetch.
    fn cached_messages(&self, key: &ChatKey) -> Answer<Option<Vec<Message>>>;
}

/// A `Source`'s answer, or `Stopped` when it can no longer give any.
pub type Answer<T> = LocalBoxFuture<'static, Result<T, Stopped>>;

/// The source can no longer answer: the thread doing its work is gone.
#[derive(Debug, PartialEq)]
pub struct Stopped;

/// Why a background task ends the browser, as its one error line.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Failure {
    /// A task on this thread panicked.
    #[error("a background task failed")]
    Crashed,
    /// The source stopped answering (`Stopped`).
    #[error("the browser's network thread stopped answering; see the message above")]
    Stopped,
}

pub struct Executor {
    source: Rc<dyn Source>,
    tx: UnboundedSender<Result<Msg, Failure>>,
    chats: HashMap<usize, AbortHandle>,
    messages: Option<AbortHandle>,
    read: Option<AbortHandle>,
}

impl Executor {
    pub fn new(source: Rc<dyn Source>, tx: UnboundedSender<Result<Msg, Failure>>) -> Executor {
        Executor {
            source,
            tx,
            chats: HashMap::new(),
            messages: None,
            read: None,
        }
    }

    /// Start `cmd` (`Copy` and `Quit` are the event loop's own).
    pub fn run(&mut self, cmd: Cmd) {
        match cmd {
            Cmd::Chats {
                profile,
                generation,
                poll,
            } => {
                let work = match poll {
                    false => self.source.chats(profile),
                    true => self.source.poll(profile),
                };
                let handle = self.spawn(async move {
                    let result = work.await?;
                    Ok(Msg::Chats {
                        profile,
                        generation,
                        result,
                        at: Timestamp::now(),
                    })
                });
                if let Some(old) = self.chats.insert(profile, handle) {
                    old.abort();
                }
            }
            Cmd::Cached { profile } => {
                let work = self.source.cached_chats(profile);
                // Once per profile, at start: nothing to replace.
                self.spawn(async move {
                    let result = work.await?;
                    Ok(Msg::Cached { profile, result })
                });
            }
            Cmd::Messages {
                key,
                generation,
                delay,
            } => {
                let (source, tx) = (self.source.clone(), self.tx.clone());
                let handle = self.spawn(async move {
                    if !delay.is_zero() {
                        tokio::time::sleep(delay).await;
                    }
                    // What the store kept shows while the gateway answers.
                    if let Some(kept) = source.cached_messages(&key).await? {
                        let _ = tx.send(Ok(Msg::Messages {
                            key: key.clone(),
                            generation,
                            result: Ok(kept),
                            fresh: false,
                        }));
                    }
                    let result = source.messages(&key).await?;
                    Ok(Msg::Messages {
                        key,
                        generation,
                        result,
                        fresh: true,
                    })
                });
                if let Some(old) = self.messages.replace(handle) {
                    old.abort();
                }
            }
            Cmd::MarkRead { key, dry_run } => {
                let work = self.source.mark_read(&key, dry_run);
                let handle = self.spawn(async move {
                    let result = work.await?;
                    Ok(Msg::Read {
                        key,
                        dry_run,
                        result,
                    })
                });
                // Only a dry run can be replaced: `update` sends no second
                // write while one is on its way.
                if let Some(old) = self.read.replace(handle) {
                    old.abort();
                }
            }
            Cmd::Copy(_) | Cmd::Quit => {}
        }
    }

    /// Run `work` and send its message; a panic in it is reported as
    /// `Failure::Crashed`, a source that stopped as `Failure::Stopped`.
    fn spawn(
        &self,
        work: impl std::future::Future<Output = Result<Msg, Stopped>> + 'static,
    ) -> AbortHandle {
        let task = tokio::task::spawn_local(work);
        let abort = task.abort_handle();
        let tx = self.tx.clone();
        tokio::task::spawn_local(async move {
            match task.await {
                Ok(Ok(msg)) => {
                    let _ = tx.send(Ok(msg));
                }
                Ok(Err(Stopped)) => {
                    let _ = tx.send(Err(Failure::Stopped));
                }
                Err(e) if e.is_panic() => {
                    let _ = tx.send(Err(Failure::Crashed));
                }
                Err(_) => {} // aborted: a newer request took its place
            }
        });
        abort
    }
}
