//! The one key table: each action with its keys, the name they are shown
//! under and what it does. Dispatch (`action`), the `?` overlay and the hint
//! line all read this table, so a key cannot work without being documented,
//! nor be documented without working. What the mouse does (`--mouse`) is one
//! line beside it, shown in `?` and checked against the README the same way.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Down,
    Up,
    Top,
    Bottom,
    PageDown,
    PageUp,
    Open,
    Back,
    SwitchPane,
    Search,
    UnreadOnly,
    WaitingOnly,
    All,
    CycleProfile,
    Refresh,
    CopyJid,
    MarkRead,
    Help,
    Quit,
}

/// One row of the table.
pub struct Binding {
    pub action: Action,
    pub keys: &'static [KeyCode],
    /// How the keys are written in `?` and the hint line.
    pub shown: &'static str,
    pub does: &'static str,
    /// Its words in the one-line hint ("u unread"); empty: not in the hint.
    pub hint: &'static str,
}

const fn bind(
    action: Action,
    keys: &'static [KeyCode],
    shown: &'static str,
    does: &'static str,
    hint: &'static str,
) -> Binding {
    Binding {
        action,
        keys,
        shown,
        does,
        hint,
    }
}

use Action as A;
use KeyCode as K;

pub const TABLE: &[Binding] = &[
    bind(A::Down, &[K::Char('j'), K::Down], "j ↓", "next chat; in a chat, scroll down", "j/k move"),
    bind(A::Up, &[K::Char('k'), K::Up], "k ↑", "previous chat; in a chat, scroll up", ""),
    bind(A::Top, &[K::Char('g'), K::Home], "g Home", "first chat; in a chat, the oldest message", ""),
    bind(A::Bottom, &[K::Char('G'), K::End], "G End", "last chat; in a chat, the newest message", ""),
    bind(A::PageDown, &[K::PageDown], "PgDn", "a page down", ""),
    bind(A::PageUp, &[K::PageUp], "PgUp", "a page up", ""),
    bind(A::Open, &[K::Enter, K::Char('l'), K::Right], "⏎ l →", "open the chat (never marks it read)", "⏎ open"),
    bind(A::Back, &[K::Esc, K::Char('h'), K::Left], "Esc h ←", "back to the chat list (in a chat, first clears its search)", ""),
    bind(A::SwitchPane, &[K::Tab, K::BackTab], "Tab ⇤", "switch pane", ""),
    bind(A::Search, &[K::Char('/')], "/", "search chat names (⏎ opens the first match); in a chat, message text (⏎ keeps the filter); Esc clears", "/ search"),
    bind(A::UnreadOnly, &[K::Char('u')], "u", "only unread chats (where the gateway counts)", "u unread"),
    bind(A::WaitingOnly, &[K::Char('w')], "w", "only chats awaiting your reply (● last message incoming)", "w waiting"),
    bind(A::All, &[K::Char('a')], "a", "all chats", ""),
    bind(A::CycleProfile, &[K::Char('p')], "p", "merged inbox: one profile at a time, then all", ""),
    bind(A::Refresh, &[K::Char('r'), K::F(5)], "r F5", "refresh from the gateway", ""),
    bind(A::CopyJid, &[K::Char('y')], "y", "copy the chat's JID (OSC 52; with --osc52)", ""),
    bind(A::MarkRead, &[K::Char('m')], "m", "mark the chat read: says first what the gateway will do (read receipts or only its counter); y or ⏎ confirms, n or Esc cancels", "m read"),
    bind(A::Help, &[K::Char('?'), K::F(1)], "? F1", "this help", "? help"),
    bind(A::Quit, &[K::Char('q')], "q", "quit (also Ctrl-C)", "q quit"),
];

/// What `--mouse` adds, shown under the table in `?` (and in the README).
pub const MOUSE: &str = "wheel scrolls the pane under it; a click selects, a second opens";

/// The action bound to `key`, if any. Ctrl-C always quits.
pub fn action(key: KeyEvent) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return matches!(key.code, K::Char('c')).then_some(A::Quit);
    }
    TABLE
        .iter()
        .find(|b| b.keys.contains(&key.code))
        .map(|b| b.action)
}

/// The one-line hint fitted to `width` columns: the hinted actions' words
/// in table order, those before `? help  q quit` dropped from the end
/// first, so that the way to the help and out always shows.
pub fn hint(width: usize) -> String {
    let words: Vec<&str> = TABLE
        .iter()
        .filter(|b| !b.hint.is_empty())
        .map(|b| b.hint)
        .collect();
    let (front, always) = words.split_at(words.len().saturating_sub(2));
    let cost = |ws: &[&str]| ws.iter().map(|w| w.chars().count() + 2).sum::<usize>();
    // The joined `always` has one separator less than its cost.
    let mut room = (width + 2).saturating_sub(cost(always));
    let mut shown: Vec<&str> = Vec::new();
    for w in front {
        let need = w.chars().count() + 2;
        if need > room {
            break;
        }
        room -= need;
        shown.push(w);
    }
    shown.extend(always);
    shown.join("  ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row of the README's key table.
    fn readme_row(b: &Binding) -> String {
        let keys: Vec<String> = b.shown.split(' ').map(|k| format!("`{k}`")).collect();
        format!("| {} | {} |", keys.join(" "), b.does)
    }

    /// The README documents exactly the keys that work.
    #[test]
    fn readme_lists_every_key() {
        let readme = include_str!("../../README.md");
        for b in TABLE {
            let row = readme_row(b);
            assert!(readme.contains(&row), "README lacks the row:\n{row}");
        }
        let mouse = format!("| `--mouse` | use the mouse: {MOUSE} (");
        assert!(readme.contains(&mouse), "README lacks the row:\n{mouse}");
    }

    #[test]
    fn every_key_is_bound_once() {
        let mut seen = Vec::new();
        for b in TABLE {
            for k in b.keys {
                assert!(!seen.contains(k), "{k:?} bound twice");
                seen.push(*k);
            }
        }
    }

    #[test]
    fn every_action_has_a_row() {
        for a in [A::Down, A::Open, A::Search, A::Quit, A::CopyJid] {
            assert!(TABLE.iter().any(|b| b.action == a), "{a:?}");
        }
        let ctrl_c = KeyEvent::new(K::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action(ctrl_c), Some(A::Quit));
        assert_eq!(action(KeyEvent::from(K::Char('x'))), None);
    }

    #[test]
    fn each_hint_starts_with_one_of_its_keys() {
        for b in TABLE.iter().filter(|b| !b.hint.is_empty()) {
            assert!(
                b.shown.split(' ').any(|k| b.hint.starts_with(k)),
                "{:?}: {}",
                b.action,
                b.hint
            );
        }
        let wide = hint(200);
        assert!(wide.starts_with("j/k move  ⏎ open  / search"), "{wide}");
        assert!(wide.ends_with("? help  q quit"), "{wide}");
    }

    #[test]
    fn a_narrow_hint_keeps_help_and_quit() {
        assert_eq!(hint(42), "j/k move  ⏎ open  / search  ? help  q quit");
        assert_eq!(hint(41), "j/k move  ⏎ open  ? help  q quit");
        assert_eq!(hint(10), "? help  q quit");
    }
}
