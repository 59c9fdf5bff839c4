//! A progress line on stderr for long runs (`--all`, overviews): pages and
//! chats fetched, and the total where the gateway reports one. Only when
//! stderr is a terminal and not `-q`; it never touches stdout.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

pub struct Progress(Option<ProgressBar>);

impl Progress {
    pub fn new(enabled: bool) -> Progress {
        if !enabled {
            return Progress(None);
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg} [{elapsed}]")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        Progress(Some(bar))
    }

    pub fn update(&self, pages: usize, chats: usize, total: Option<u64>) {
        if let Some(bar) = &self.0 {
            let of = total
                .filter(|t| *t > 0)
                .map(|t| format!(" of {t}"))
                .unwrap_or_default();
            bar.set_message(format!("{chats}{of} chats, {pages} pages"));
            bar.tick();
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
