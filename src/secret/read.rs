//! Reading a secret from a command or a file without ever hanging or
//! exhausting memory: a command runs in its own process group and is killed
//! with everything it started when it runs over its time; output and files are
//! read up to `MAX_BYTES` + 1 bytes; a file that gives nothing to read (a FIFO
//! without a writer) is given up on after the same time.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

/// Most bytes a secret read from a file or a command may have.
pub const MAX_BYTES: usize = 64 * 1024;
/// How much of a command's stderr is kept (its last line is shown on failure).
const STDERR_TAIL: usize = 4096;
/// After the shell exits, how long a leftover background process may keep its output open.
const GRACE: Duration = Duration::from_millis(300);
const POLL: Duration = Duration::from_millis(5);

/// Why a secret could not be read.
#[derive(Debug)]
pub enum Failed {
    /// The command did not finish (or the file gave nothing) in time.
    TimedOut,
    /// More than `MAX_BYTES`.
    TooLarge,
    /// The command ended without success; its exit code and last stderr line.
    Status {
        code: Option<i32>,
        stderr: String,
    },
    NotUtf8,
    Io(std::io::Error),
}

/// What a reader thread has read so far.
#[derive(Clone, Default)]
struct Buffer {
    bytes: Arc<Mutex<Vec<u8>>>,
    done: Arc<AtomicBool>,
}

impl Buffer {
    /// Read `from` on a thread until EOF, or until `keep_last` is 0 and
    /// more than `MAX_BYTES` arrived; with `keep_last`, keep only the tail.
    fn fill(&self, mut from: impl Read + Send + 'static, keep_last: usize) {
        let me = self.clone();
        std::thread::spawn(move || {
            let mut chunk = [0u8; 8192];
            while let Ok(n) = from.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                let mut bytes = me.bytes.lock().unwrap_or_else(|e| e.into_inner());
                bytes.extend_from_slice(&chunk[..n]);
                if keep_last > 0 && bytes.len() > 2 * keep_last {
                    let cut = bytes.len() - keep_last;
                    bytes.drain(..cut);
                } else if keep_last == 0 && bytes.len() > MAX_BYTES {
                    break;
                }
            }
            me.done.store(true, Ordering::SeqCst);
        });
    }

    fn len(&self) -> usize {
        self.bytes.lock().unwrap_or_else(|e| e.into_inner()).len()
    }

    fn done(&self) -> bool {
        self.done.load(Ordering::SeqCst)
    }

    fn take(&self) -> Vec<u8> {
        std::mem::take(&mut *self.bytes.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

/// Run `command` with a shell; its stdout (at most `MAX_BYTES`) once it succeeds.
pub fn command(command: &str, timeout: Duration) -> Result<String, Failed> {
    let (shell, flag) = if cfg!(windows) {
        ("cmd", "/C")
    } else {
        ("sh", "-c")
    };
    let mut cmd = Command::new(shell);
    cmd.args([flag, command])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // Its own process group, so a timeout kills what it started too.
        cmd.process_group(0);
    }
    let mut child = cmd.spawn().map_err(Failed::Io)?;
    let (out, err) = (Buffer::default(), Buffer::default());
    if let Some(s) = child.stdout.take() {
        out.fill(s, 0);
    }
    if let Some(s) = child.stderr.take() {
        err.fill(s, STDERR_TAIL);
    }
    let deadline = Instant::now().checked_add(timeout);
    let mut exited: Option<(std::process::ExitStatus, Instant)> = None;
    loop {
        if out.len() > MAX_BYTES {
            kill_group(&mut child);
            return Err(Failed::TooLarge);
        }
        if exited.is_none() {
            if let Some(status) = child.try_wait().map_err(Failed::Io)? {
                exited = Some((status, Instant::now()));
            }
        }
        if let Some((status, at)) = exited {
            let drained = out.done() && err.done();
            if drained || at.elapsed() > GRACE {
                if !drained {
                    // A background process it left behind holds its output open.
                    kill_group(&mut child);
                }
                return finish(status, &out, &err);
            }
        }
        if deadline.is_some_and(|d| Instant::now() >= d) {
            kill_group(&mut child);
            return Err(Failed::TimedOut);
        }
        std::thread::sleep(POLL);
    }
}

fn finish(status: std::process::ExitStatus, out: &Buffer, err: &Buffer) -> Result<String, Failed> {
    if !status.success() {
        let stderr = String::from_utf8_lossy(&err.take()).into_owned();
        let last = stderr
            .lines()
            .map(str::trim)
            .rfind(|l| !l.is_empty())
            .unwrap_or("")
            .to_owned();
        return Err(Failed::Status {
            code: status.code(),
            stderr: last,
        });
    }
    let bytes = out.take();
    if bytes.len() > MAX_BYTES {
        return Err(Failed::TooLarge);
    }
    String::from_utf8(bytes).map_err(|_| Failed::NotUtf8)
}

/// Kill the command and every process in its group, and reap it.
fn kill_group(child: &mut Child) {
    #[cfg(unix)]
    if let Ok(pid) = i32::try_from(child.id()) {
        // SAFETY: signals the process group this child leads (`process_group(0)`).
        unsafe {
            libc::kill(-pid, libc::SIGKILL);
        }
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// The contents of `path` (at most `MAX_BYTES`), given up on after `timeout`.
pub fn file(path: &Path, timeout: Duration) -> Result<String, Failed> {
    if let Ok(meta) = std::fs::metadata(path) {
        if meta.is_file() && meta.len() > MAX_BYTES as u64 {
            return Err(Failed::TooLarge);
        }
    }
    let (tx, rx) = mpsc::channel();
    let owned: PathBuf = path.to_owned();
    // On a thread: opening a FIFO blocks until something writes to it.
    std::thread::spawn(move || {
        let read = std::fs::File::open(&owned).and_then(|f| {
            let mut bytes = Vec::new();
            f.take(MAX_BYTES as u64 + 1).read_to_end(&mut bytes)?;
            Ok(bytes)
        });
        let _ = tx.send(read);
    });
    let bytes = match rx.recv_timeout(timeout) {
        Ok(read) => read.map_err(Failed::Io)?,
        Err(_) => return Err(Failed::TimedOut),
    };
    if bytes.len() > MAX_BYTES {
        return Err(Failed::TooLarge);
    }
    String::from_utf8(bytes).map_err(|_| Failed::NotUtf8)
}
