//! `m`: marking a chat read, the only write `browse` makes, and only when
//! asked twice. The first step is the gateway's dry run (nothing sent),
//! which says what it would do — read receipts (blue ticks to the sender),
//! or only its own unread counter — and that is what the confirmation shows;
//! `y`/`Enter` then sends it, `n`/`Esc` cancels. Opening a chat never marks
//! it read. A gateway slow to answer the write never holds the screen: `Esc`
//! closes the dialog while the write goes on, and its answer comes as a
//! note; `q` quits at any step.

use crossterm::event::{KeyCode, KeyEvent};

use super::model::{ChatKey, Model};
use super::msg::Cmd;
use super::update::refresh;
use crate::provider::ReadOutcome;
use crate::sanitize;

/// Where a mark-read stands.
#[derive(Debug, Clone)]
pub enum Step {
    /// Asking the gateway what it would do (a dry run).
    Planning,
    /// Waiting for `y` or `n`, with what the gateway would do.
    Asking(ReadOutcome),
    /// Sent; waiting for the gateway.
    Sending,
}

#[derive(Debug, Clone)]
pub struct Confirm {
    pub key: ChatKey,
    /// The chat as the list shows it.
    pub label: String,
    pub step: Step,
    /// The dialog was closed while the write was on its way; the answer
    /// still comes, as a note.
    pub hidden: bool,
}

/// `m` on `key`: ask the gateway what it would do.
pub fn start(m: &mut Model, key: ChatKey, label: String) -> Vec<Cmd> {
    m.confirm = Some(Confirm {
        key: key.clone(),
        label,
        step: Step::Planning,
        hidden: false,
    });
    vec![Cmd::MarkRead { key, dry_run: true }]
}

/// A key while a confirmation is up: `y`/`Enter` sends, `n`/`Esc` cancels
/// (once sent, closes the dialog and lets the write finish), `q` quits,
/// anything else waits.
pub fn key(m: &mut Model, k: KeyEvent) -> Vec<Cmd> {
    let Some(c) = m.confirm.as_mut() else {
        return Vec::new();
    };
    match (k.code, &c.step) {
        (KeyCode::Char('q'), _) => vec![Cmd::Quit],
        (KeyCode::Char('n') | KeyCode::Esc, Step::Sending) => {
            c.hidden = true;
            Vec::new()
        }
        (KeyCode::Char('y') | KeyCode::Enter, Step::Asking(_)) => {
            c.step = Step::Sending;
            vec![Cmd::MarkRead {
                key: c.key.clone(),
                dry_run: false,
            }]
        }
        (KeyCode::Char('n') | KeyCode::Esc, Step::Planning | Step::Asking(_)) => {
            m.confirm = None;
            m.note = Some("not marked read".to_owned());
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// The gateway's answer to the dry run (`planned`) or to the write.
pub fn answered(
    m: &mut Model,
    key: ChatKey,
    dry_run: bool,
    result: Result<ReadOutcome, String>,
) -> Vec<Cmd> {
    let Some(c) = m.confirm.as_mut().filter(|c| c.key == key) else {
        return Vec::new();
    };
    let label = c.label.clone();
    match (dry_run, result) {
        (_, Err(e)) => {
            m.confirm = None;
            m.note = Some(format!("{label}: not marked read: {e}"));
            Vec::new()
        }
        (true, Ok(plan)) if plan.nothing() => {
            m.confirm = None;
            m.note = Some(format!("{label}: nothing to mark read"));
            Vec::new()
        }
        (true, Ok(plan)) => {
            c.step = Step::Asking(plan);
            Vec::new()
        }
        (false, Ok(done)) => {
            m.confirm = None;
            m.note = Some(format!("{label}: {}", done_words(&done)));
            // The unread count changed on the gateway: show it.
            vec![refresh(m, key.profile)]
        }
    }
}

/// What the gateway would do, for the question.
pub fn plan_words(plan: &ReadOutcome) -> String {
    let what = match plan.messages {
        Some(1) => "1 message".to_owned(),
        Some(n) => format!("{n} messages"),
        None => "the chat".to_owned(),
    };
    let effect = if plan.receipts {
        format!("marks {what} read and sends read receipts (blue ticks) to the sender")
    } else if plan.counter_reset {
        "resets only its own unread counter; no read receipt reaches the sender".to_owned()
    } else {
        format!("marks {what} read")
    };
    let requests = match plan.calls.len() {
        1 => "1 request".to_owned(),
        n => format!("{n} requests"),
    };
    format!("the gateway {effect} ({requests})")
}

/// What the gateway did, for the status line.
fn done_words(done: &ReadOutcome) -> String {
    let mut text = if done.unconfirmed {
        "read request sent; not confirmed by the gateway".to_owned()
    } else if done.receipts {
        match done.messages {
            Some(n) => format!("{n} marked read; read receipts sent"),
            None => "marked read; read receipts sent".to_owned(),
        }
    } else {
        "unread counter reset; no read receipt sent".to_owned()
    };
    for note in &done.notes {
        text.push_str(&format!(" ({})", sanitize::one_line(note)));
    }
    text
}
