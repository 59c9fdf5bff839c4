//! A progress line on stderr for long runs (`--all`, overviews): pages and
//! chats fetched, the total where the gateway reports one, and the time so
//! far. It appears only after a second of work, ticks on its own (the time
//! stays live between pages), and is erased when the run ends, leaving
//! nothing on the screen. Only when stderr is a terminal, stdout is not a
//! pipe (`| jq` prints to the same screen between redraws), and not `-q`.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Work shorter than this shows no progress line.
const DELAY: Duration = Duration::from_secs(1);

pub struct Progress(Option<Shown>);

struct Shown {
    bar: ProgressBar,
    /// Set when the run ends; the delayed start checks it under the lock.
    done: Arc<Mutex<bool>>,
}

impl Progress {
    pub fn new(enabled: bool) -> Progress {
        if !enabled {
            return Progress(None);
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg} [{elapsed}]")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar.set_message("starting");
        let done = Arc::new(Mutex::new(false));
        let (later, flag) = (bar.clone(), done.clone());
        std::thread::spawn(move || {
            std::thread::sleep(DELAY);
            let done = flag.lock().unwrap_or_else(|e| e.into_inner());
            if !*done {
                later.set_draw_target(ProgressDrawTarget::stderr());
                later.enable_steady_tick(Duration::from_millis(200));
            }
        });
        Progress(Some(Shown { bar, done }))
    }

    pub fn update(&self, pages: usize, chats: usize, total: Option<u64>) {
        if let Some(s) = &self.0 {
            s.bar.set_message(message(pages, chats, total));
        }
    }

    pub fn finish(&self) {
        if let Some(s) = &self.0 {
            let mut done = s.done.lock().unwrap_or_else(|e| e.into_inner());
            *done = true;
            s.bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

/// "1 chat, 1 page", "120 of 240 chats, 2 pages".
fn message(pages: usize, chats: usize, total: Option<u64>) -> String {
    let plural = |n: u64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let chats = match total.filter(|t| *t > 0) {
        Some(t) => format!("{chats} of {}", plural(t, "chat", "chats")),
        None => plural(chats as u64, "chat", "chats"),
    };
    format!("{chats}, {}", plural(pages as u64, "page", "pages"))
}

#[cfg(test)]
mod tests {
    use super::message;

    #[test]
    fn progress_counts_are_pluralised() {
        assert_eq!(message(1, 1, None), "1 chat, 1 page");
        assert_eq!(message(2, 120, Some(240)), "120 of 240 chats, 2 pages");
        assert_eq!(message(1, 0, Some(1)), "0 of 1 chat, 1 page");
    }
}
