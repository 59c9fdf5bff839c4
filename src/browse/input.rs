//! What each key does to the model (the `Msg::Key` half of `update`):
//! the key table's action, or the search line's editing while one is typed.
//! Moving through the list previews the chat under the cursor once it rests;
//! `Enter` opens at once. Nothing here waits or touches the network: a fetch
//! is a `Cmd` handed back.

use std::time::Duration;

use crossterm::event::{Event, KeyCode, KeyEvent};
use tui_input::backend::crossterm::EventHandler;

use super::keys::{self, Action};
use super::mark;
use super::model::{Filter, Focus, Model, Open, Search, REST};
use super::msg::Cmd;
use super::update::{clamp_scroll, fetch_messages, refresh};
use super::view_chat;

pub(super) fn key(m: &mut Model, k: KeyEvent) -> Vec<Cmd> {
    m.note = None;
    let action = keys::action(k);
    if m.help {
        // The help scrolls where the screen is too small for it; any other key closes it.
        match action {
            Some(Action::Down) => {
                m.help_scroll = (m.help_scroll + 1).min(super::view_help::help_scroll_max(m))
            }
            Some(Action::Up) => m.help_scroll = m.help_scroll.saturating_sub(1),
            _ => m.help = false,
        }
        return Vec::new();
    }
    if action == Some(Action::Quit) && k.code != KeyCode::Char('q') {
        return vec![Cmd::Quit]; // Ctrl-C, even while typing a search
    }
    if m.confirm.as_ref().is_some_and(|c| !c.hidden) {
        return mark::key(m, k);
    }
    if let Some(cmds) = search_key(m, k) {
        return cmds;
    }
    let Some(action) = action else {
        return Vec::new();
    };
    let in_chat = m.focus == Focus::Chat && m.open.is_some();
    match action {
        Action::Quit => return vec![Cmd::Quit],
        Action::Help => {
            m.help = true;
            m.help_scroll = 0;
        }
        Action::Down
        | Action::Up
        | Action::Top
        | Action::Bottom
        | Action::PageDown
        | Action::PageUp
            if in_chat =>
        {
            scroll(m, action)
        }
        Action::Down
        | Action::Up
        | Action::Top
        | Action::Bottom
        | Action::PageDown
        | Action::PageUp => return move_cursor(m, action),
        Action::Open => return open_selected(m, Duration::ZERO),
        // Esc in a chat clears its search first (the filter kept by ⏎), then goes back.
        Action::Back if in_chat => match m.open.as_mut() {
            Some(open) if open.search.is_some() => {
                open.search = None;
                clamp_scroll(m);
            }
            _ => m.focus = Focus::List,
        },
        Action::Back => {
            if m.search.take().is_some() {
                m.relist();
            }
        }
        Action::SwitchPane if m.open.is_some() => {
            m.focus = match m.focus {
                Focus::List => Focus::Chat,
                Focus::Chat => Focus::List,
            }
        }
        Action::SwitchPane => {}
        Action::Search => {
            search_slot(m, in_chat)
                .get_or_insert_with(Search::default)
                .editing = true;
        }
        Action::UnreadOnly => set_filter(m, Filter::Unread),
        Action::WaitingOnly => set_filter(m, Filter::Waiting),
        Action::All => {
            m.only_profile = None;
            set_filter(m, Filter::All);
        }
        Action::CycleProfile if m.merged() => {
            m.only_profile = match m.only_profile {
                None => Some(0),
                Some(p) if p + 1 < m.profiles.len() => Some(p + 1),
                Some(_) => None,
            };
            m.relist();
        }
        Action::CycleProfile => {}
        Action::Refresh => {
            let mut cmds: Vec<Cmd> = (0..m.profiles.len()).map(|p| refresh(m, p)).collect();
            if let Some(key) = m.open.as_ref().map(|o| o.key.clone()) {
                cmds.push(fetch_messages(m, key, Duration::ZERO));
            }
            return cmds;
        }
        Action::CopyJid => return copy_jid(m),
        Action::MarkRead => return mark_read(m),
    }
    Vec::new()
}

/// Keys while a search line is being typed; `None` when no search is.
fn search_key(m: &mut Model, k: KeyEvent) -> Option<Vec<Cmd>> {
    let in_chat = m.focus == Focus::Chat && m.open.is_some();
    let slot = search_slot(m, in_chat);
    let search = slot.as_mut().filter(|s| s.editing)?;
    match k.code {
        KeyCode::Esc => *slot = None,
        KeyCode::Enter => {
            search.editing = false;
            if search.needle().is_none() {
                *slot = None;
            } else if !in_chat {
                m.relist();
                m.cursor = 0;
                return Some(open_selected(m, Duration::ZERO));
            }
        }
        _ => {
            search.input.handle_event(&Event::Key(k));
        }
    }
    if in_chat {
        clamp_scroll(m);
    } else {
        m.cursor = 0;
        m.relist();
    }
    Some(Vec::new())
}

/// The search being typed: the open chat's (`in_chat`) or the list's.
fn search_slot(m: &mut Model, in_chat: bool) -> &mut Option<Search> {
    match m.open.as_mut() {
        Some(open) if in_chat => &mut open.search,
        _ => &mut m.search,
    }
}

fn set_filter(m: &mut Model, filter: Filter) {
    m.filter = filter;
    m.relist();
}

/// Move the list cursor; with two panes, preview the chat once the cursor rests.
pub(super) fn move_cursor(m: &mut Model, action: Action) -> Vec<Cmd> {
    let last = m.visible.len().saturating_sub(1);
    let page = m.list_rows();
    let to = match action {
        Action::Down => m.cursor + 1,
        Action::Up => m.cursor.saturating_sub(1),
        Action::Top => 0,
        Action::Bottom => last,
        Action::PageDown => m.cursor + page,
        _ => m.cursor.saturating_sub(page),
    };
    select(m, to)
}

/// Put the cursor on row `n` of the list (a key or a click); with two
/// panes, preview that chat once the cursor rests.
pub(super) fn select(m: &mut Model, n: usize) -> Vec<Cmd> {
    let before = m.cursor;
    m.cursor = n.min(m.visible.len().saturating_sub(1));
    if m.cursor == before || !m.two_panes() {
        return Vec::new();
    }
    open_selected(m, REST)
}

/// Show the chat under the cursor: at once (`Enter`, focus moves to it) or,
/// when previewing while scrolling, after the cursor rested for `delay`.
pub(super) fn open_selected(m: &mut Model, delay: Duration) -> Vec<Cmd> {
    let Some((key, _)) = m.selected() else {
        return Vec::new();
    };
    if delay.is_zero() {
        m.focus = Focus::Chat;
    }
    if m.open
        .as_ref()
        .is_some_and(|o| o.key == key && o.error.is_none())
    {
        return Vec::new();
    }
    let known = m
        .recent
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, msgs)| msgs.clone());
    m.open = Some(Open {
        key: key.clone(),
        messages: known,
        loading: true,
        error: None,
        scroll: 0,
        search: None,
        generation: 0,
    });
    vec![fetch_messages(m, key, delay)]
}

pub(super) fn scroll(m: &mut Model, action: Action) {
    let page = m.chat_rows().saturating_sub(1).max(1);
    let total = view_chat::line_count(m);
    if let Some(open) = m.open.as_mut() {
        open.scroll = match action {
            Action::Up => open.scroll + 1,
            Action::Down => open.scroll.saturating_sub(1),
            Action::PageUp => open.scroll + page,
            Action::PageDown => open.scroll.saturating_sub(page),
            Action::Top => total,
            _ => 0,
        };
    }
    clamp_scroll(m);
}

fn copy_jid(m: &mut Model) -> Vec<Cmd> {
    let chat = match m.focus {
        Focus::Chat => m.open_chat(),
        Focus::List => m.selected().map(|(_, c)| c),
    };
    let Some(jid) = chat.map(|c| c.jid.clone().unwrap_or_else(|| c.id.clone())) else {
        return Vec::new();
    };
    let jid = crate::sanitize::one_line(&jid);
    if !m.look.osc52 {
        m.note = Some(format!("{jid} (start with --osc52 to let y copy it)"));
        return Vec::new();
    }
    m.note = Some(format!("copied {jid}"));
    vec![Cmd::Copy(jid)]
}

/// `m`: the open chat when it has the focus, else the chat under the cursor.
fn mark_read(m: &mut Model) -> Vec<Cmd> {
    if let Some(c) = &m.confirm {
        // Its dialog was closed with Esc; a second write would abort it.
        m.note = Some(format!("{}: still marking read…", c.label));
        return Vec::new();
    }
    let (key, chat) = match (m.focus, &m.open) {
        (Focus::Chat, Some(open)) => (open.key.clone(), m.open_chat()),
        _ => match m.selected() {
            Some((key, chat)) => (key, Some(chat)),
            None => return Vec::new(),
        },
    };
    let label = chat
        .and_then(|c| c.name.as_deref())
        .map(crate::sanitize::one_line)
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| crate::sanitize::one_line(&key.id));
    mark::start(m, key, label)
}
