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
//!
//! Nothing here panics on the UI thread. If a job panics (the panic hook
//! restores the terminal and prints it) its oneshot is dropped unanswered;
//! if the thread itself is gone, its queue is, with every job in it. Either
//! way the UI side's answer is `Stopped`, which ends the browser with one
//! line (`browse/exec.rs`).

use std::rc::Rc;

use futures_util::future::LocalBoxFuture;
use tokio::sync::{mpsc, oneshot};

use super::error_line;
use super::live::{Live, Parts};
use crate::browse::{Answer, ChatKey, Listing, Source, Stopped};
use crate::chat::Chat;
use crate::message::Message;
use crate::provider::ReadOutcome;

type Job<C> = Box<dyn FnOnce(Rc<C>) -> LocalBoxFuture<'static, ()> + Send>;

/// The UI thread's end: the browser's `Source`. Its jobs run against a
/// `Live` (tests give it a context of their own).
pub(super) struct Worker<C = Live> {
    jobs: mpsc::UnboundedSender<Job<C>>,
}

impl Worker {
    /// Start the thread with the data it works from. It ends when the
    /// `Worker` is dropped (the process may end first: nothing it does
    /// needs finishing — store writes are transactions).
    pub fn start(parts: Parts) -> std::io::Result<Worker> {
        Worker::spawn(move || Live::new(parts))
    }
}

impl<C: 'static> Worker<C> {
    /// The thread, its jobs running against what `make` builds there.
    fn spawn(make: impl FnOnce() -> C + Send + 'static) -> std::io::Result<Worker<C>> {
        let (jobs, mut queue) = mpsc::unbounded_channel::<Job<C>>();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        std::thread::Builder::new()
            .name("browse-network".to_owned())
            .spawn(move || {
                let live = Rc::new(make());
                let local = tokio::task::LocalSet::new();
                local.block_on(&runtime, async move {
                    while let Some(job) = queue.recv().await {
                        tokio::task::spawn_local(job(live.clone()));
                    }
                });
            })?;
        Ok(Worker { jobs })
    }

    /// Run `work` on the network thread and wait for its answer; `Stopped`
    /// when none will come (the job panicked, or the thread is gone).
    fn ask<T: Send + 'static>(
        &self,
        work: impl FnOnce(Rc<C>) -> LocalBoxFuture<'static, T> + Send + 'static,
    ) -> Answer<T> {
        let (answer, answered) = oneshot::channel();
        let job: Job<C> = Box::new(move |live| {
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
        // A job that cannot be sent is dropped, and its oneshot with it.
        let _ = self.jobs.send(job);
        Box::pin(async move { answered.await.map_err(|_| Stopped) })
    }
}

impl Worker {
    /// `ask` for `Live`'s work that can fail: its error as the status line
    /// shows it (one line, redacted, sanitised).
    fn ask_or_line<T: Send + 'static>(
        &self,
        work: impl FnOnce(Rc<Live>) -> LocalBoxFuture<'static, anyhow::Result<T>> + Send + 'static,
    ) -> Answer<Result<T, String>> {
        self.ask(move |live| Box::pin(async move { work(live).await.map_err(|e| error_line(&e)) }))
    }
}

impl Source for Worker {
    fn chats(&self, profile: usize) -> Answer<Result<Listing, String>> {
        self.ask_or_line(move |live| Box::pin(async move { live.chats(profile).await }))
    }

    fn poll(&self, profile: usize) -> Answer<Result<Listing, String>> {
        self.ask_or_line(move |live| Box::pin(async move { live.poll(profile).await }))
    }

    fn cached_chats(&self, profile: usize) -> Answer<Result<Vec<Chat>, String>> {
        self.ask_or_line(move |live| Box::pin(async move { live.cached_chats(profile).await }))
    }

    fn messages(&self, key: &ChatKey) -> Answer<Result<Vec<Message>, String>> {
        let key = key.clone();
        self.ask_or_line(move |live| Box::pin(async move { live.messages(&key).await }))
    }

    fn mark_read(&self, key: &ChatKey, dry_run: bool) -> Answer<Result<ReadOutcome, String>> {
        let key = key.clone();
        self.ask_or_line(move |live| Box::pin(async move { live.mark_read(&key, dry_run).await }))
    }

    fn cached_messages(&self, key: &ChatKey) -> Answer<Option<Vec<Message>>> {
        let key = key.clone();
        self.ask(move |live| Box::pin(async move { live.cached_messages(&key).await }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block_on<T>(work: Answer<T>) -> Result<T, Stopped> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        tokio::task::LocalSet::new().block_on(&runtime, work)
    }

    /// See: `ask` panicked on the UI thread when the network thread stopped
    /// ("never a panic"); the browser now ends with `Failure::Stopped`.
    #[test]
    fn a_job_that_panics_answers_stopped_and_the_thread_goes_on() {
        let worker = Worker::spawn(|| 2).unwrap();
        let failed = worker.ask(|_| Box::pin(async { panic!("a job panics") }));
        assert_eq!(block_on::<u32>(failed), Err(Stopped));
        let next = worker.ask(|two| Box::pin(async move { *two + 1 }));
        assert_eq!(block_on(next), Ok(3));
    }

    #[test]
    fn a_worker_whose_thread_is_gone_answers_stopped() {
        let worker = Worker::<u32>::spawn(|| panic!("the thread panics at start")).unwrap();
        // Sent before or after the thread died: no answer either way.
        let asked = worker.ask(|one| Box::pin(async move { *one }));
        assert_eq!(block_on(asked), Err(Stopped));
        let again = worker.ask(|one| Box::pin(async move { *one }));
        assert_eq!(block_on(again), Err(Stopped));
    }
}
