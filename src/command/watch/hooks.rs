//! `watch --exec CMD`: CMD — the user's own text, never gateway text — runs with `sh -c` once
//! per new message, the message record as JSON on its stdin and `WA_INBOX_PROFILE`,
//! `WA_INBOX_CHAT`, `WA_INBOX_SENDER`, `WA_INBOX_MESSAGE_ID` in its environment. At most
//! `IN_FLIGHT` run at once, at most `QUEUED` wait; each is stopped (with its process group)
//! after `TIMEOUT`. Its output goes to stderr, so the records on stdout stay clean. A failing,
//! slow or missing hook is reported on stderr and the watch goes on.

use std::process::Stdio;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tokio::io::AsyncWriteExt;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use crate::message::Message;

pub const IN_FLIGHT: usize = 4;
pub const QUEUED: usize = 100;
pub const TIMEOUT: Duration = Duration::from_secs(60);

pub struct Hooks {
    cmd: String,
    slots: Arc<Semaphore>,
    waiting: Arc<AtomicUsize>,
    tasks: JoinSet<()>,
    timeout: Duration,
}

impl Hooks {
    pub fn new(cmd: String) -> Hooks {
        Hooks {
            cmd,
            slots: Arc::new(Semaphore::new(IN_FLIGHT)),
            waiting: Arc::new(AtomicUsize::new(0)),
            tasks: JoinSet::new(),
            timeout: TIMEOUT,
        }
    }

    /// Start (or queue) the hook for `m`; a full queue skips it with a warning.
    pub fn run(&mut self, m: &Message) {
        while self.tasks.try_join_next().is_some() {}
        if self.waiting.load(Ordering::SeqCst) >= QUEUED {
            crate::diag::warn(&format!(
                "--exec: {QUEUED} hooks already waiting; message {} was not passed to it",
                m.id
            ));
            return;
        }
        let mut stdin = match serde_json::to_vec(m) {
            Ok(json) => json,
            Err(e) => {
                crate::diag::warn(&format!("--exec: cannot encode message {}: {e}", m.id));
                return;
            }
        };
        stdin.push(b'\n');
        let env = [
            ("WA_INBOX_PROFILE", m.profile.clone()),
            ("WA_INBOX_CHAT", m.chat_id.clone()),
            ("WA_INBOX_SENDER", m.sender.clone().unwrap_or_default()),
            ("WA_INBOX_MESSAGE_ID", m.id.clone()),
        ];
        let (cmd, slots, waiting, timeout) = (
            self.cmd.clone(),
            self.slots.clone(),
            self.waiting.clone(),
            self.timeout,
        );
        let id = m.id.clone();
        waiting.fetch_add(1, Ordering::SeqCst);
        self.tasks.spawn(async move {
            let permit = slots.acquire_owned().await;
            waiting.fetch_sub(1, Ordering::SeqCst);
            if let Some(problem) = run_one(&cmd, &stdin, &env, timeout).await {
                crate::diag::warn(&format!("--exec for message {id}: {problem}"));
            }
            drop(permit);
        });
    }

    /// Wait up to `grace` for the hooks still running or queued; stop the rest (killed on drop).
    pub async fn finish(mut self, grace: Duration) {
        let all = async { while self.tasks.join_next().await.is_some() {} };
        if tokio::time::timeout(grace, all).await.is_err() {
            let left = self.tasks.len();
            self.tasks.abort_all();
            while self.tasks.join_next().await.is_some() {}
            crate::diag::warn(&format!(
                "--exec: stopped {left} hook{} still running or waiting",
                if left == 1 { "" } else { "s" }
            ));
        }
    }
}

/// Run the hook once; what went wrong, if anything.
async fn run_one(
    cmd: &str,
    stdin: &[u8],
    env: &[(&str, String)],
    timeout: Duration,
) -> Option<String> {
    let mut c = tokio::process::Command::new("sh");
    c.arg("-c")
        .arg(cmd)
        .envs(env.iter().map(|(k, v)| (k, v)))
        .stdin(Stdio::piped())
        .stdout(Stdio::from(std::io::stderr()))
        .stderr(Stdio::inherit())
        .kill_on_drop(true);
    // Its own process group: Ctrl-C at the terminal reaches wa-inbox, which decides; a timeout
    // stops the hook's children too.
    #[cfg(unix)]
    c.process_group(0);
    let mut child = match c.spawn() {
        Ok(child) => child,
        Err(e) => return Some(format!("cannot start sh: {e}")),
    };
    if let Some(mut pipe) = child.stdin.take() {
        // A hook that does not read its stdin may exit first: not a failure.
        let _ = pipe.write_all(stdin).await;
    }
    match tokio::time::timeout(timeout, child.wait()).await {
        Ok(Ok(status)) if status.success() => None,
        Ok(Ok(status)) => Some(match status.code() {
            Some(code) => format!("exited with status {code}"),
            None => "was killed by a signal".to_owned(),
        }),
        Ok(Err(e)) => Some(format!("cannot wait for it: {e}")),
        Err(_) => {
            kill_group(&child);
            let _ = child.kill().await;
            Some(format!(
                "still running after {}s; stopped",
                timeout.as_secs()
            ))
        }
    }
}

/// SIGKILL the hook's process group (its children included).
fn kill_group(child: &tokio::process::Child) {
    #[cfg(unix)]
    if let Some(pid) = child.id().and_then(|p| i32::try_from(p).ok()) {
        // SAFETY: kill(2) with a negative pid signals that process group; no memory involved.
        unsafe {
            libc::kill(-pid, libc::SIGKILL);
        }
    }
    #[cfg(not(unix))]
    let _ = child;
}
