//! The browser's network thread. Every request of the `Source` runs here,
//! on a tokio runtime of its own, so that fetching and parsing a 20,000-chat
//! answer (tens of milliseconds of CPU) never holds up a key on the UI
//! thread, which only updates the model and draws. (The UI thread's tasks
//! would otherwise run the parsing between two keys: gitui keeps its git
//! work on other threads for the same reason.)
//!
//! Each request is a job sent over a channel with a oneshot for its answer.
//! When the executor drops a request (a newer one took its place), the
//! oneshot closes and the job is dropped here as well, so its HTTP call
//! ends: at most one request per resource is really in flight.

use std::rc::Rc;

use futures_util::future::LocalBoxFuture;
use tokio::sync::{mpsc, oneshot};

use super::error_line;
use super::live::{Live, Parts};
use crate::browse::{ChatKey, Listing, Source};
use crate::chat::Chat;
use crate::message::Message;
use crate::provider::ReadOutcome;

type Job = Box<dyn FnOnce(Rc<Live>) -> LocalBoxFuture<'static, ()> + Send>;

/// The UI thread's end: the browser's `Source`.
pub(super) struct Worker {
    jobs: mpsc::UnboundedSender<Job>,
}

impl Worker {
    /// Start the thread with the data it works from. It ends when the
    /// `Worker` is dropped (the process may end first: nothing it does
    /// needs finishing — store writes are transactions).
    pub fn start(parts: Parts) -> std::io::Result<Worker> {
        let (jobs, mut queue) = mpsc::unbounded_channel::<Job>();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        std::thread::Builder::new()
            .name("browse-network".to_owned())
            .spawn(move || {
                let live = Rc::new(Live::new(parts));
                let local = tokio::task::LocalSet::new();
                local.block_on(&runtime, async move {
                    while let Some(job) = queue.recv().await {
                        tokio::task::spawn_local(job(live.clone()));
                    }
                });
            })?;
        Ok(Worker { jobs })
    }

    /// Run `work` on the network thread and wait for its answer. If the
    /// thread is gone (a panic there), this panics too: the executor reports
    /// it and the browser ends, as for any task of its own.
    fn ask<T: Send + 'static>(
        &self,
        work: impl FnOnce(Rc<Live>) -> LocalBoxFuture<'static, T> + Send + 'static,
    ) -> LocalBoxFuture<'static, T> {
        let (answer, answered) = oneshot::channel();
        let job: Job = Box::new(move |live| {
            Box::pin(async move {
                let mut answer = answer;
                tokio::select! {
                    value = work(live) => {
                        let _ = answer.send(value);
                    }
                    () = answer.closed() => {} // no longer wanted
                }
            })
        });
        let sent = self.jobs.send(job).is_ok();
        Box::pin(async move {
            match (sent, answered.await) {
                (true, Ok(value)) => value,
                _ => panic!("the browser's network thread stopped"),
            }
        })
    }
}

impl Source for Worker {
    fn chats(&self, profile: usize) -> LocalBoxFuture<'static, Result<Listing, String>> {
        self.ask(move |live| {
            Box::pin(async move { live.chats(profile).await.map_err(|e| error_line(&e)) })
        })
    }

    fn poll(&self, profile: usize) -> LocalBoxFuture<'static, Result<Listing, String>> {
        self.ask(move |live| {
            Box::pin(async move { live.poll(profile).await.map_err(|e| error_line(&e)) })
        })
    }

    fn cached_chats(&self, profile: usize) -> LocalBoxFuture<'static, Result<Vec<Chat>, String>> {
        self.ask(move |live| {
            Box::pin(async move {
                let chats = live.cached_chats(profile).await;
                chats.map_err(|e| error_line(&e))
            })
        })
    }

    fn messages(&self, key: &ChatKey) -> LocalBoxFuture<'static, Result<Vec<Message>, String>> {
        let key = key.clone();
        self.ask(move |live| {
            Box::pin(async move { live.messages(&key).await.map_err(|e| error_line(&e)) })
        })
    }

    fn mark_read(
        &self,
        key: &ChatKey,
        dry_run: bool,
    ) -> LocalBoxFuture<'static, Result<ReadOutcome, String>> {
        let key = key.clone();
        self.ask(move |live| {
            Box::pin(async move {
                let outcome = live.mark_read(&key, dry_run).await;
                outcome.map_err(|e| error_line(&e))
            })
        })
    }

    fn cached_messages(&self, key: &ChatKey) -> LocalBoxFuture<'static, Option<Vec<Message>>> {
        let key = key.clone();
        self.ask(move |live| Box::pin(async move { live.cached_messages(&key).await }))
    }
}
