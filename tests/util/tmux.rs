//! A real terminal for tests: a program run inside a detached tmux session of
//! a given size, keys typed with `send-keys`, the screen read with
//! `capture-pane`. Used for shell completion (bash, zsh), the progress line's
//! residue, interactive prompts and the `browse` full-screen view. When tmux or the program is missing, the
//! test is skipped with a loud message — except under CI (`CI` set), where
//! `.ci/run` installs them and a missing one is a failure.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

pub struct Tmux {
    socket: PathBuf,
    _dir: tempfile::TempDir,
}

/// Whether `program` is on PATH; if not, say so loudly (and fail under CI).
pub fn available(program: &str) -> bool {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "{program} is not installed, and CI must run this test (.ci/run installs it)"
        );
        eprintln!(
            "\n!!! SKIPPED: {program} is not installed here; this test runs in CI \
             (apt-get install {program}) !!!\n"
        );
    }
    found
}

/// `s` quoted for sh.
pub fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

impl Tmux {
    /// Run `command` (an sh command line) in a `width`×`height` terminal with
    /// only `env` in its environment (plus TERM). None when tmux is missing.
    pub fn start(command: &str, env: &[(&str, &Path)], width: u16, height: u16) -> Option<Tmux> {
        if !available("tmux") {
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        let socket = dir.path().join("tmux.sock");
        let vars: Vec<String> = env
            .iter()
            .map(|(k, v)| format!("{k}={}", quote(&v.to_string_lossy())))
            .collect();
        let line = format!("env -i TERM=xterm {} {command}", vars.join(" "));
        let status = Command::new("tmux")
            .arg("-S")
            .arg(&socket)
            .args(["-f", "/dev/null", "new-session", "-d"])
            .args(["-x", &width.to_string(), "-y", &height.to_string()])
            .arg(line)
            .status()
            .expect("tmux runs");
        assert!(status.success(), "tmux new-session failed");
        Some(Tmux { socket, _dir: dir })
    }

    fn tmux(&self) -> Command {
        let mut c = Command::new("tmux");
        c.arg("-S").arg(&self.socket);
        c
    }

    /// Type `keys` (tmux key names such as `Tab`, `Enter`, `C-u`, or literal text).
    pub fn send(&self, keys: &[&str]) {
        let status = self.tmux().arg("send-keys").args(keys).status().unwrap();
        assert!(status.success());
    }

    /// Type `text` literally (no key-name lookup).
    pub fn type_text(&self, text: &str) {
        let status = self
            .tmux()
            .args(["send-keys", "-l", text])
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// Resize the terminal (the program gets SIGWINCH).
    pub fn resize(&self, width: u16, height: u16) {
        let status = self
            .tmux()
            .args([
                "resize-window",
                "-x",
                &width.to_string(),
                "-y",
                &height.to_string(),
            ])
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// Whether the terminal shows its cursor (a full-screen program hides it).
    pub fn cursor_visible(&self) -> bool {
        self.format("#{cursor_flag}") == "1"
    }

    /// A tmux format expanded for the pane, e.g. `#{mouse_any_flag}`: the
    /// terminal modes the program in it has asked for.
    pub fn format(&self, format: &str) -> String {
        let out = self
            .tmux()
            .args(["display-message", "-p", format])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    /// A left click at `column`, `row` (1-based, as the terminal counts),
    /// typed as the SGR mouse report (press, then release) a terminal sends
    /// to a program that asked for mouse reporting. tmux passes the bytes to
    /// the program as they are (its own mouse handling is off here).
    pub fn click(&self, column: u16, row: u16) {
        self.type_text(&format!("\x1b[<0;{column};{row}M\x1b[<0;{column};{row}m"));
    }

    /// Wait (up to 15 s) until the program in the pane has turned the
    /// terminal's echo off, as a hidden prompt does once it reads. Typing as
    /// soon as the prompt is drawn raced that switch on a loaded machine: the
    /// tty echoed the first keys, and the test blamed the program.
    #[track_caller]
    pub fn wait_echo_off(&self) {
        let out = self
            .tmux()
            .args(["display-message", "-p", "#{pane_tty}"])
            .output()
            .unwrap();
        let tty = String::from_utf8_lossy(&out.stdout).trim().to_owned();
        let start = Instant::now();
        loop {
            let stty = Command::new("stty").args(["-F", &tty, "-a"]).output();
            let settings = stty.map(|o| String::from_utf8_lossy(&o.stdout).into_owned());
            if settings.is_ok_and(|s| s.split_whitespace().any(|w| w == "-echo")) {
                return;
            }
            if start.elapsed() > Duration::from_secs(15) {
                panic!(
                    "timed out waiting for echo off on {tty}; the screen:\n{}",
                    self.screen()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The visible screen, one line per row, trailing blanks trimmed.
    pub fn screen(&self) -> String {
        let out = self.tmux().args(["capture-pane", "-p"]).output().unwrap();
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Wait (up to 15 s) until the screen satisfies `ready`; the screen then.
    #[track_caller]
    pub fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(15) {
                panic!("timed out waiting for {what}; the screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux().arg("kill-server").status();
    }
}
