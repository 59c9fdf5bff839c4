//! What can happen (`Msg`: keys, the mouse, resizes, the clock, and every background
//! result tagged with the generation of the request it answers) and what
//! `update` may ask for in return (`Cmd`: requests the executor runs).

use std::time::Duration;

use crossterm::event::{KeyEvent, MouseEvent};

use super::model::{ChatKey, Listing};
use crate::chat::Chat;
use crate::message::Message;
use crate::provider::ReadOutcome;
use crate::time::Timestamp;

#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyEvent),
    /// A click or the wheel (only with `--mouse`).
    Mouse(MouseEvent),
    Resize(u16, u16),
    /// The clock moved (relative times); also how tests freeze it.
    Tick(Timestamp),
    /// A profile's chat list arrived (or failed), `at` when it was taken.
    Chats {
        profile: usize,
        generation: u64,
        result: Result<Listing, String>,
        at: Timestamp,
    },
    /// The whole of a profile's cached overview, read after the first frame.
    Cached {
        profile: usize,
        result: Result<Vec<Chat>, String>,
    },
    /// A chat's newest messages arrived (or failed): from the gateway
    /// (`fresh`), or first from the store while the gateway answers.
    Messages {
        key: ChatKey,
        generation: u64,
        result: Result<Vec<Message>, String>,
        fresh: bool,
    },
    /// The gateway's answer to a mark-read: what it would do (`dry_run`) or did.
    Read {
        key: ChatKey,
        dry_run: bool,
        result: Result<ReadOutcome, String>,
    },
    /// `--interval` passed: time to look for new messages.
    Poll,
    /// SIGTERM, SIGINT or SIGHUP: leave like `q`.
    Signal,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cmd {
    /// Fetch a profile's chat list (`poll`: only what changed since the
    /// last look); a newer one replaces one in flight.
    Chats {
        profile: usize,
        generation: u64,
        poll: bool,
    },
    /// Read the whole of a profile's cached overview.
    Cached {
        profile: usize,
    },
    /// Fetch a chat's newest messages after `delay` (the cursor resting);
    /// a newer one replaces one in flight or waiting.
    Messages {
        key: ChatKey,
        generation: u64,
        delay: Duration,
    },
    /// Mark a chat read; with `dry_run`, only ask what the gateway would do.
    MarkRead {
        key: ChatKey,
        dry_run: bool,
    },
    /// Put text on the terminal's clipboard (OSC 52).
    Copy(String),
    Quit,
}
