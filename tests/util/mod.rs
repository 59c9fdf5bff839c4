//! `TestEnv`: a temp HOME with a config pointing at a sandbox on 127.0.0.1:0,
//! and the built binary run with a cleared environment (no inherited proxy,
//! NO_COLOR, WA_INBOX_* or XDG paths). On drop it fails the test if the
//! sandbox was never called, unless the test said it need not be.

pub mod tmux;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use wa_inbox::sandbox::{Hit, Sandbox, SandboxOptions};

/// `--kind` with every kind (`chats unread` covers direct and group by default).
pub const ALL_KINDS: &str = "direct,group,channel,broadcast,status,other";

pub struct TestEnv {
    pub dir: tempfile::TempDir,
    pub sandbox: Sandbox,
    pub config: PathBuf,
    expect_calls: bool,
    // Declared last: dropped after the sandbox.
    _rt: tokio::runtime::Runtime,
}

/// What a run printed, and how it ended.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn lines(&self) -> Vec<&str> {
        self.stdout.lines().collect()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {}", self.stdout))
    }

    /// The `id` of each NDJSON record, in order.
    pub fn ids(&self) -> Vec<String> {
        self.strings("id")
    }

    /// The string `key` of each NDJSON record, in order.
    pub fn strings(&self, key: &str) -> Vec<String> {
        self.ndjson()
            .iter()
            .map(|v| v[key].as_str().unwrap().to_owned())
            .collect()
    }

    pub fn ndjson(&self) -> Vec<serde_json::Value> {
        self.stdout
            .lines()
            .map(|l| {
                serde_json::from_str(l).unwrap_or_else(|e| panic!("bad NDJSON line {l:?}: {e}"))
            })
            .collect()
    }

    /// Assert the exit code, showing both streams when it differs.
    #[track_caller]
    pub fn expect(&self, code: i32) -> &Run {
        assert_eq!(
            self.code, code,
            "exit code\n--- stdout:\n{}\n--- stderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// Assert the exit code and that stderr says `text`.
    #[track_caller]
    pub fn expect_saying(&self, code: i32, text: &str) -> &Run {
        self.expect(code);
        assert!(
            self.stderr.contains(text),
            "stderr lacks {text:?}:\n{}",
            self.stderr
        );
        self
    }
}

impl TestEnv {
    pub fn new() -> TestEnv {
        TestEnv::with(SandboxOptions::default())
    }

    pub fn with(opts: SandboxOptions) -> TestEnv {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        let sandbox = rt.block_on(Sandbox::start(opts)).expect("sandbox starts");
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config.toml");
        let env = TestEnv {
            dir,
            sandbox,
            config,
            expect_calls: true,
            _rt: rt,
        };
        env.write_config(&env.sandbox.profiles_toml());
        env
    }

    /// This test may pass without calling the sandbox (config errors and the like).
    pub fn no_calls_expected(mut self) -> TestEnv {
        self.expect_calls = false;
        self
    }

    /// Keep only the named profiles of the sandbox snippet in the config.
    pub fn only(self, names: &[&str]) -> TestEnv {
        let full = self.sandbox.profiles_toml();
        let text: String = full
            .split("[profiles.")
            .filter(|s| names.iter().any(|n| s.starts_with(&format!("{n}]"))))
            .map(|s| format!("[profiles.{s}"))
            .collect();
        self.write_config(&text);
        self
    }

    /// Rewrite the config file with `edit` (e.g. a wrong token).
    pub fn edit_config(&self, edit: impl FnOnce(&str) -> String) {
        let text = std::fs::read_to_string(&self.config).unwrap();
        self.write_config(&edit(&text));
    }

    /// Replace the config file (mode 600, as a careful user keeps it).
    pub fn write_config(&self, text: &str) {
        std::fs::write(&self.config, text).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&self.config, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
    }

    /// The binary with a hermetic environment.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_wa-inbox"));
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path().join("xdg"))
            .env("WA_INBOX_CONFIG", &self.config)
            .env("TZ", "UTC")
            .current_dir(self.dir.path())
            .stdin(Stdio::null())
            .args(args);
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Run {
        run_cmd(self.cmd(args))
    }

    /// The gateway restarts: connections are refused until `sandbox_up` (its data kept).
    pub fn sandbox_down(&mut self) {
        self.sandbox.stop_serving();
    }

    /// Serve again on the same port.
    pub fn sandbox_up(&mut self) {
        self._rt.block_on(self.sandbox.serve_again()).unwrap();
    }

    pub fn journal(&self) -> Vec<Hit> {
        self.sandbox
            .journal()
            .into_iter()
            .filter(|h| !h.path.starts_with("/_sandbox"))
            .collect()
    }
}

/// A loopback server that reads each request's head, then lets `answer` write
/// the response on the connection; returns its port.
pub fn serve_each(answer: impl Fn(&mut TcpStream) + Send + 'static) -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for mut conn in listener.incoming().flatten() {
            let mut head = Vec::new();
            let mut buf = [0u8; 4096];
            while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                match conn.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => head.extend_from_slice(&buf[..n]),
                }
            }
            answer(&mut conn);
        }
    });
    port
}

/// A loopback server answering every request with one fixed JSON body.
pub struct OneAnswer {
    pub port: u16,
}

impl OneAnswer {
    pub fn start(body: &'static str) -> OneAnswer {
        let port = serve_each(move |conn| {
            let _ = write!(
                conn,
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
        });
        OneAnswer { port }
    }
}

/// The `offset` of each request, checking that pages `0, step, 2·step, …` up
/// to `total` were each asked for exactly once (read-ahead may ask beyond).
pub fn assert_offsets(hits: &[Hit], step: usize, total: usize) {
    let offsets: Vec<usize> = hits
        .iter()
        .filter_map(|h| {
            h.query
                .split('&')
                .find_map(|kv| kv.strip_prefix("offset="))
                .and_then(|v| v.parse().ok())
        })
        .collect();
    assert_eq!(offsets.len(), hits.len(), "every request sends an offset");
    for want in (0..total).step_by(step) {
        assert_eq!(
            offsets.iter().filter(|&&o| o == want).count(),
            1,
            "{offsets:?}"
        );
    }
}

pub fn run_cmd(mut cmd: Command) -> Run {
    let out: Output = cmd.output().expect("binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

impl Drop for TestEnv {
    fn drop(&mut self) {
        if self.expect_calls && !std::thread::panicking() && self.journal().is_empty() {
            panic!("the sandbox was never called; if that is intended, use .no_calls_expected()");
        }
    }
}
