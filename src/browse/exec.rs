//! The executor: runs each `Cmd` as a task on the UI thread's `LocalSet`
//! and sends its answer back as a `Msg`. At most one task per resource (a
//! profile's chat list; the open chat's messages): a newer request aborts the
//! one in flight, so a slow gateway never piles up requests, and the
//! generation in the answer lets `update` drop anything stale that slipped
//! through. A task that panics ends the browser (`Msg` is never silently lost).

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
    fn chats(&self, profile: usize) -> LocalBoxFuture<'static, Result<Listing, String>>;
    /// Profile `profile`'s chats that changed since the last look (a partial
    /// listing, empty when none did), found as `watch` finds new messages.
    fn poll(&self, profile: usize) -> LocalBoxFuture<'static, Result<Listing, String>>;
    /// The whole of profile `profile`'s cached overview (its first chats
    /// were in the first model).
    fn cached_chats(&self, profile: usize) -> LocalBoxFuture<'static, Result<Vec<Chat>, String>>;
    /// The newest messages of a chat, oldest first.
    fn messages(&self, key: &ChatKey) -> LocalBoxFuture<'static, Result<Vec<Message>, String>>;
    /// Mark a chat read; with `dry_run`, only say what the gateway would do.
    fn mark_read(
        &self,
        key: &ChatKey,
        dry_run: bool,
    ) -> LocalBoxFuture<'static, Result<ReadOutcome, String>>;
    /// What the store kept of a chat's messages from an earlier fetch.
    fn cached_messages(&self, key: &ChatKey) -> LocalBoxFuture<'static, Option<Vec<Message>>>;
}

/// A background task's end, reported by its watcher.
#[derive(Debug)]
pub struct Crashed;

pub struct Executor {
    source: Rc<dyn Source>,
    tx: UnboundedSender<Result<Msg, Crashed>>,
    chats: HashMap<usize, AbortHandle>,
    messages: Option<AbortHandle>,
    read: Option<AbortHandle>,
}

impl Executor {
    pub fn new(source: Rc<dyn Source>, tx: UnboundedSender<Result<Msg, Crashed>>) -> Executor {
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
                    let result = work.await;
                    Msg::Chats {
                        profile,
                        generation,
                        result,
                        at: Timestamp::now(),
                    }
                });
                if let Some(old) = self.chats.insert(profile, handle) {
                    old.abort();
                }
            }
            Cmd::Cached { profile } => {
                let work = self.source.cached_chats(profile);
                // Once per profile, at start: nothing to replace.
                self.spawn(async move {
                    let result = work.await;
                    Msg::Cached { profile, result }
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
                    if let Some(kept) = source.cached_messages(&key).await {
                        let _ = tx.send(Ok(Msg::Messages {
                            key: key.clone(),
                            generation,
                            result: Ok(kept),
                            fresh: false,
                        }));
                    }
                    let result = source.messages(&key).await;
                    Msg::Messages {
                        key,
                        generation,
                        result,
                        fresh: true,
                    }
                });
                if let Some(old) = self.messages.replace(handle) {
                    old.abort();
                }
            }
            Cmd::MarkRead { key, dry_run } => {
                let work = self.source.mark_read(&key, dry_run);
                let handle = self.spawn(async move {
                    let result = work.await;
                    Msg::Read {
                        key,
                        dry_run,
                        result,
                    }
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

    /// Run `work` and send its message; a panic in it is reported as `Crashed`.
    fn spawn(&self, work: impl std::future::Future<Output = Msg> + 'static) -> AbortHandle {
        let task = tokio::task::spawn_local(work);
        let abort = task.abort_handle();
        let tx = self.tx.clone();
        tokio::task::spawn_local(async move {
            match task.await {
                Ok(msg) => {
                    let _ = tx.send(Ok(msg));
                }
                Err(e) if e.is_panic() => {
                    let _ = tx.send(Err(Crashed));
                }
                Err(_) => {} // aborted: a newer request took its place
            }
        });
        abort
    }
}
