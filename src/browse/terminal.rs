//! The terminal while the browser runs: raw mode, the alternate screen, a
//! hidden cursor and (with `--mouse`) mouse reporting, always undone — on
//! quit and on error (the guard's `Drop`), on a panic (a hook that restores
//! first, then lets the usual report print), and on SIGTERM/SIGINT/SIGHUP
//! (they arrive as a `Msg` and end the loop normally). Also the one place
//! that writes OSC 52 (copy to clipboard).
//!
//! A panic on any thread (the network thread's included) restores the
//! terminal from the hook, and the screen must then stay as it is: the hook
//! marks it, and `Guard::draw` refuses to draw after that, ending the loop
//! with `Panicked`. (The network thread's panic also ends it at once: the
//! request's answer becomes `Stopped`.) A frame already being drawn when
//! the hook runs can still land on the restored screen; closing that gap
//! would take a lock shared with the hook, which deadlocks when the draw
//! itself panics.

use std::io::{self, IsTerminal, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Once;

use base64::Engine;
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::{cursor, execute, terminal};
use ratatui::backend::CrosstermBackend;
use ratatui::{Frame, Terminal};

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Both ends must be a terminal: keys come from stdin, frames go to stdout.
pub fn is_interactive() -> bool {
    io::stdin().is_terminal() && io::stdout().is_terminal()
}

/// Mouse reporting was asked for: `restore` (from any way out, the panic
/// hook included) turns it off again. Without `--mouse` it is never asked
/// for, and the terminal's own text selection keeps working.
static MOUSE: AtomicBool = AtomicBool::new(false);

/// Set by the panic hook: the terminal was restored, nothing more is drawn.
static PANICKED: AtomicBool = AtomicBool::new(false);

/// Why the loop ended after a panic had restored the terminal.
#[derive(Debug, thiserror::Error)]
#[error("the browser stopped after an internal error; see the message above")]
pub struct Panicked;

/// Restores the terminal when dropped.
pub struct Guard {
    pub term: Term,
}

impl Guard {
    /// Take the terminal; with `mouse`, ask it to report the mouse too.
    pub fn enter(mouse: bool) -> io::Result<Guard> {
        install_panic_hook();
        terminal::enable_raw_mode()?;
        let mut out = io::stdout();
        if let Err(e) = execute!(out, terminal::EnterAlternateScreen, cursor::Hide) {
            restore();
            return Err(e);
        }
        if mouse {
            MOUSE.store(true, Ordering::SeqCst);
            if let Err(e) = execute!(out, EnableMouseCapture) {
                restore();
                return Err(e);
            }
        }
        match Terminal::new(CrosstermBackend::new(out)) {
            Ok(term) => Ok(Guard { term }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }

    /// Draw a frame, unless a panic has restored the terminal already.
    pub fn draw(&mut self, frame: impl FnOnce(&mut Frame)) -> anyhow::Result<()> {
        if PANICKED.load(Ordering::SeqCst) {
            return Err(Panicked.into());
        }
        self.term.draw(frame)?;
        Ok(())
    }

    /// Put `text` on the clipboard through the terminal (OSC 52).
    pub fn copy(&mut self, text: &str) -> io::Result<()> {
        let encoded = base64::engine::general_purpose::STANDARD.encode(text);
        let out = self.term.backend_mut();
        write!(out, "\u{1b}]52;c;{encoded}\u{7}")?;
        out.flush()
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Stop mouse reporting (if asked for), leave the alternate screen, show
/// the cursor, leave raw mode. Safe to call twice.
pub fn restore() {
    if MOUSE.swap(false, Ordering::SeqCst) {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    let _ = execute!(io::stdout(), terminal::LeaveAlternateScreen, cursor::Show);
    let _ = terminal::disable_raw_mode();
}

/// Restore the terminal before the existing hook (which redacts and prints
/// the panic), so the report lands on a usable screen.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            PANICKED.store(true, Ordering::SeqCst);
            restore();
            previous(info);
        }));
    });
}
