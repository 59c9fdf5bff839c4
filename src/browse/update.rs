//! The pure heart of the browser: `update(&mut Model, Msg) -> Vec<Cmd>`.
//! Keys go through the key table, clicks and the wheel through `mouse.rs`; background results are kept only when
//! their generation is the newest one asked for (an older answer that
//! arrives late is dropped, so the screen never goes back in time). Nothing
//! here waits, draws or touches the network.

use std::time::Duration;

use crossterm::event::KeyEventKind;

use super::model::{ChatKey, Model, RECENT};
use super::msg::{Cmd, Msg};
use super::{input, mark, mouse};
use super::{view, view_chat, view_list};

/// The requests that start the browser: every profile's chat list, and the
/// rest of each cached overview the first frame showed only the start of.
pub fn init(m: &mut Model) -> Vec<Cmd> {
    let cached = (0..m.profiles.len()).filter(|&p| m.profiles[p].cache_pending);
    let cached: Vec<Cmd> = cached.map(|profile| Cmd::Cached { profile }).collect();
    let fresh: Vec<Cmd> = (0..m.profiles.len()).map(|p| refresh(m, p)).collect();
    cached.into_iter().chain(fresh).collect()
}

pub fn update(m: &mut Model, msg: Msg) -> Vec<Cmd> {
    let cmds = step(m, msg);
    // The list keeps its scroll while the cursor stays in view.
    if let Some(area) = view::screen(m).list_inner {
        m.list_first = view_list::layout(m, area).first;
    }
    cmds
}

fn step(m: &mut Model, msg: Msg) -> Vec<Cmd> {
    match msg {
        Msg::Key(k) if k.kind != KeyEventKind::Release => input::key(m, k),
        Msg::Key(_) => Vec::new(),
        Msg::Mouse(e) => mouse::event(m, e),
        Msg::Resize(w, h) => {
            m.size = (w, h);
            clamp_scroll(m);
            Vec::new()
        }
        Msg::Tick(now) => {
            m.now = now;
            Vec::new()
        }
        Msg::Chats {
            profile,
            generation,
            result,
            at,
        } => {
            let Some(p) = m.profiles.get_mut(profile) else {
                return Vec::new();
            };
            if p.generation != generation {
                return Vec::new();
            }
            p.loading = false;
            match result {
                Ok(listing) => {
                    p.error = None;
                    let before = open_activity(m);
                    m.set_listing(profile, listing, at);
                    // New activity in the open chat: fetch its newest messages.
                    let open = m.open.as_ref().map(|o| o.key.clone());
                    if let Some(key) = open.filter(|k| k.profile == profile) {
                        if open_activity(m) != before && !m.open.as_ref().is_some_and(|o| o.loading)
                        {
                            return vec![fetch_messages(m, key, Duration::ZERO)];
                        }
                    }
                }
                Err(e) => p.error = Some(e),
            }
            Vec::new()
        }
        Msg::Cached { profile, result } => {
            match result {
                Ok(chats) if profile < m.profiles.len() => m.add_cached(profile, chats),
                Ok(_) => {}
                Err(e) => {
                    if let Some(p) = m.profiles.get_mut(profile) {
                        p.cache_pending = false;
                    }
                    m.note = Some(e);
                }
            }
            Vec::new()
        }
        Msg::Read {
            key,
            dry_run,
            result,
        } => mark::answered(m, key, dry_run, result),
        // `--interval`: look for changes in every list not already on its way.
        Msg::Poll => (0..m.profiles.len())
            .filter(|&p| !m.profiles[p].loading)
            .collect::<Vec<_>>()
            .into_iter()
            .map(|p| ask_chats(m, p, true))
            .collect(),
        Msg::Messages {
            key,
            generation,
            result,
            fresh,
        } => {
            let Some(open) = m.open.as_mut().filter(|o| o.generation == generation) else {
                return Vec::new();
            };
            if !fresh {
                // Kept messages fill an empty pane only; the fresh answer follows.
                if open.messages.is_none() {
                    open.messages = result.ok();
                }
                return Vec::new();
            }
            open.loading = false;
            match result {
                Ok(messages) => {
                    open.error = None;
                    open.messages = Some(messages.clone());
                    m.recent.retain(|(k, _)| *k != key);
                    m.recent.push((key, messages));
                    if m.recent.len() > RECENT {
                        m.recent.remove(0);
                    }
                }
                Err(e) => open.error = Some(e),
            }
            clamp_scroll(m);
            Vec::new()
        }
        Msg::Signal => vec![Cmd::Quit],
    }
}

/// When the open chat was last active, as its profile's list says.
fn open_activity(m: &Model) -> Option<crate::time::Timestamp> {
    m.open_chat().and_then(|c| c.last_activity_at)
}

/// A new request for profile `p`'s chats: its generation supersedes any in flight.
pub(super) fn refresh(m: &mut Model, p: usize) -> Cmd {
    ask_chats(m, p, false)
}

/// Ask for profile `p`'s chats (`poll`: only those changed since the last look).
fn ask_chats(m: &mut Model, p: usize, poll: bool) -> Cmd {
    let profile = &mut m.profiles[p];
    profile.generation += 1;
    profile.loading = true;
    Cmd::Chats {
        profile: p,
        generation: profile.generation,
        poll,
    }
}

pub(super) fn fetch_messages(m: &mut Model, key: ChatKey, delay: Duration) -> Cmd {
    m.message_generation += 1;
    if let Some(open) = m.open.as_mut() {
        open.generation = m.message_generation;
        open.loading = true;
    }
    Cmd::Messages {
        key,
        generation: m.message_generation,
        delay,
    }
}

/// Keep the conversation's scroll within its lines (after a resize, a new answer).
pub(super) fn clamp_scroll(m: &mut Model) {
    let max = view_chat::line_count(m).saturating_sub(m.chat_rows());
    if let Some(open) = m.open.as_mut() {
        open.scroll = open.scroll.min(max);
    }
}
