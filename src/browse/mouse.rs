//! What the mouse does to the model (the `Msg::Mouse` half of `update`),
//! reported only with `--mouse`: the wheel scrolls the pane under the
//! pointer (over the list it moves the cursor, previewing as `j`/`k` do; over
//! the conversation it scrolls three lines); a left click on a chat selects
//! it, a click on the chat already selected opens it (no double click: that
//! would bring the clock into `update`, and a second click does the same);
//! a click in the conversation gives it the focus. Where things are comes
//! from the view's own layout (`view::screen`, `view_list::chat_at`), so a
//! click lands on the chat drawn under it, in one pane or two.
//!
//! While `?` is up a click closes it; while a mark-read waits for its answer
//! or a search line is typed, the mouse does nothing (keys answer those).

use std::time::Duration;

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::input::{move_cursor, open_selected, scroll, select};
use super::keys::Action;
use super::model::{Focus, Model};
use super::msg::Cmd;
use super::{view, view_list};

/// Conversation lines one wheel step scrolls.
const WHEEL_LINES: usize = 3;

/// What the mouse can do.
enum Gesture {
    Click,
    Wheel(Action),
}

fn gesture(e: &MouseEvent) -> Option<Gesture> {
    match e.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Gesture::Click),
        MouseEventKind::ScrollDown => Some(Gesture::Wheel(Action::Down)),
        MouseEventKind::ScrollUp => Some(Gesture::Wheel(Action::Up)),
        _ => None,
    }
}

/// Whether `e` can change anything: the event loop drops the rest (moves,
/// drags, releases) before they cost a frame.
pub fn wanted(e: &MouseEvent) -> bool {
    gesture(e).is_some()
}

pub(super) fn event(m: &mut Model, e: MouseEvent) -> Vec<Cmd> {
    let Some(gesture) = gesture(&e) else {
        return Vec::new();
    };
    if m.help {
        m.help = !matches!(gesture, Gesture::Click);
        return Vec::new();
    }
    if m.confirm.as_ref().is_some_and(|c| !c.hidden) || m.typing() {
        return Vec::new();
    }
    let at = Position::new(e.column, e.row);
    let p = view::screen(m);
    match (p.list_inner, p.chat) {
        (Some(rows), _) if p.list.is_some_and(|r| r.contains(at)) => list(m, rows, at, gesture),
        (_, Some(r)) if r.contains(at) => {
            chat(m, gesture);
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// In the list pane, whose rows fill `rows`.
fn list(m: &mut Model, rows: Rect, at: Position, gesture: Gesture) -> Vec<Cmd> {
    match gesture {
        Gesture::Wheel(action) => move_cursor(m, action),
        Gesture::Click => {
            let Some(n) = view_list::chat_at(m, rows, at) else {
                return Vec::new();
            };
            m.focus = Focus::List;
            if n == m.cursor {
                open_selected(m, Duration::ZERO)
            } else {
                select(m, n)
            }
        }
    }
}

/// In the conversation pane.
fn chat(m: &mut Model, gesture: Gesture) {
    if m.open.is_none() {
        return;
    }
    match gesture {
        Gesture::Wheel(action) => {
            for _ in 0..WHEEL_LINES {
                scroll(m, action);
            }
        }
        Gesture::Click => m.focus = Focus::Chat,
    }
}
