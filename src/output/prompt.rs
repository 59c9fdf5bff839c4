//! Questions on the terminal (`profiles add`): a line of text, a choice from
//! a list, yes or no, and hidden input for a secret, through dialoguer on
//! stderr (stdout stays free). Everything said here passes the redactor.
//!
//! Ctrl-C: a choice or a yes/no reads keys in raw mode, where Ctrl-C comes
//! back as an `Interrupted` error; a line is read in cooked mode, where it is
//! SIGINT. While a `Prompt` lives, SIGINT puts the terminal back as it was
//! (echo on again after hidden input, the cursor shown) and exits 130, so no
//! shell is left without echo.

use std::io;

use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{Confirm, Input, Password, Select};

pub struct Prompt {
    theme: Box<dyn Theme>,
    term: dialoguer::console::Term,
}

impl Prompt {
    /// Questions on stderr, in colour or not.
    pub fn new(color: bool) -> Prompt {
        sigint::restore_terminal_on_interrupt();
        dialoguer::console::set_colors_enabled_stderr(color);
        let theme: Box<dyn Theme> = if color {
            Box::new(ColorfulTheme::default())
        } else {
            Box::new(SimpleTheme)
        };
        Prompt {
            theme,
            term: dialoguer::console::Term::stderr(),
        }
    }

    /// A line of information.
    pub fn say(&self, line: &str) {
        let line = crate::redact::redact(&crate::sanitize::one_line(line));
        let _ = self.term.write_line(&line);
    }

    /// What the next question is about, dimmed.
    pub fn hint(&self, line: &str) {
        let line = crate::redact::redact(&crate::sanitize::one_line(line));
        let _ = self.term.write_line(
            &dialoguer::console::style(format!("  {line}"))
                .dim()
                .to_string(),
        );
    }

    /// A line of text; `check` refuses an answer with the reason, and the question is asked again.
    pub fn text(
        &self,
        label: &str,
        default: Option<&str>,
        check: impl Fn(&str) -> Result<(), String>,
    ) -> io::Result<String> {
        let mut input = Input::<String>::with_theme(&*self.theme)
            .with_prompt(label)
            .allow_empty(true)
            .validate_with(|s: &String| check(s.trim()));
        if let Some(d) = default {
            input = input.default(d.to_owned());
        }
        input
            .interact_text_on(&self.term)
            .map(|s| s.trim().to_owned())
            .map_err(io_error)
    }

    /// One of `items`; its index.
    pub fn choose(&self, label: &str, items: &[String], default: usize) -> io::Result<usize> {
        Select::with_theme(&*self.theme)
            .with_prompt(label)
            .items(items)
            .default(default)
            .interact_on(&self.term)
            .map_err(io_error)
    }

    pub fn confirm(&self, label: &str, default: bool) -> io::Result<bool> {
        Confirm::with_theme(&*self.theme)
            .with_prompt(label)
            .default(default)
            .interact_on(&self.term)
            .map_err(io_error)
    }

    /// A line typed without echo (a secret); never empty.
    pub fn hidden(&self, label: &str) -> io::Result<String> {
        Password::with_theme(&*self.theme)
            .with_prompt(label)
            .validate_with(|s: &String| {
                if s.trim().is_empty() {
                    Err("it is empty")
                } else {
                    Ok(())
                }
            })
            .interact_on(&self.term)
            .map(|s| s.trim().to_owned())
            .map_err(io_error)
    }
}

fn io_error(e: dialoguer::Error) -> io::Error {
    e.into()
}

#[cfg(unix)]
mod sigint {
    use std::sync::OnceLock;

    /// The terminal's settings before any question.
    static SAVED: OnceLock<libc::termios> = OnceLock::new();

    pub fn restore_terminal_on_interrupt() {
        // SAFETY: tcgetattr fills the struct it is given; the handler only
        // calls async-signal-safe functions (tcsetattr, write, _exit).
        unsafe {
            let mut termios = std::mem::zeroed::<libc::termios>();
            if libc::tcgetattr(libc::STDIN_FILENO, &mut termios) == 0 {
                let _ = SAVED.set(termios);
            }
            let handler: extern "C" fn(libc::c_int) = on_interrupt;
            libc::signal(libc::SIGINT, handler as libc::sighandler_t);
        }
    }

    extern "C" fn on_interrupt(_: libc::c_int) {
        // SAFETY: see above; SAVED is set before the handler is installed.
        unsafe {
            if let Some(termios) = SAVED.get() {
                libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, termios);
            }
            let bye = b"\x1b[?25h\nwa-inbox: stopped; nothing was written\n";
            libc::write(libc::STDERR_FILENO, bye.as_ptr().cast(), bye.len());
            libc::_exit(130);
        }
    }
}

#[cfg(not(unix))]
mod sigint {
    pub fn restore_terminal_on_interrupt() {}
}
