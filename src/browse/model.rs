//! The browser's whole state (The Elm Architecture's Model): the chats of
//! each profile as last received, the filters, the cursor, the open chat, and
//! what each background request last said. Frames are drawn from this alone;
//! nothing here does I/O. The visible list is derived (`visible`, in
//! `list.rs`), and re-derived only when chats or filters change, never per
//! frame.

use std::time::Duration;

use tui_input::Input;

use crate::chat::Chat;
use crate::message::Message;
use crate::output::TimeStyle;
use crate::time::Timestamp;

/// How long the cursor must rest on a chat before its messages are fetched
/// for the preview pane (aerc's "wait for the cursor to rest").
pub const REST: Duration = Duration::from_millis(150);

/// Messages fetched when a chat is opened (the newest ones).
pub const MESSAGES: usize = 100;

/// Chats whose messages are kept in memory.
pub const RECENT: usize = 32;

/// Two panes from this size up; one pane at a time below it.
pub const TWO_PANES: (u16, u16) = (80, 24);

/// A chat across profiles: the profile's index and the chat's gateway id.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ChatKey {
    pub profile: usize,
    pub id: String,
}

/// A profile's chats as fetched.
#[derive(Debug, Clone)]
pub struct Listing {
    pub chats: Vec<Chat>,
    /// Every chat of the profile (not cut by `--limit`). A partial listing
    /// updates the chats it holds and keeps the others as they were.
    pub complete: bool,
}

/// Which chats the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    All,
    /// Unread count above 0 (where the gateway counts).
    Unread,
    /// The last message is incoming.
    Waiting,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Chat,
}

/// A search line: the text being typed (tui-input), and whether keys still go to it.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub input: Input,
    pub editing: bool,
}

impl Search {
    /// The lowercase needle, `None` when empty.
    pub fn needle(&self) -> Option<String> {
        let v = self.input.value().trim();
        (!v.is_empty()).then(|| v.to_lowercase())
    }
}

/// One profile's chats and the state of its latest request.
#[derive(Debug, Clone)]
pub struct Profile {
    pub name: String,
    pub chats: Vec<Chat>,
    /// When the chats shown were taken from the gateway or the cache.
    pub taken_at: Option<Timestamp>,
    /// The chats shown came from the store's cache (not yet refreshed).
    pub from_cache: bool,
    /// A request is in flight.
    pub loading: bool,
    /// The last request failed (one line, sanitised).
    pub error: Option<String>,
    /// The generation of the newest request; older answers are dropped.
    pub generation: u64,
    /// Only the first chats of the cached overview are listed; the rest is
    /// being read from the store.
    pub cache_pending: bool,
    /// A complete fresh listing arrived: the cache has nothing newer to add.
    pub whole: bool,
}

impl Profile {
    pub fn new(name: &str) -> Profile {
        Profile {
            name: name.to_owned(),
            chats: Vec::new(),
            taken_at: None,
            from_cache: false,
            loading: false,
            error: None,
            generation: 0,
            cache_pending: false,
            whole: false,
        }
    }
}

/// The chat in the right pane (or the only pane, when focused).
#[derive(Debug, Clone)]
pub struct Open {
    pub key: ChatKey,
    /// The newest messages, oldest first; `None` until the first answer.
    pub messages: Option<Vec<Message>>,
    pub loading: bool,
    pub error: Option<String>,
    /// Lines scrolled up from the newest message.
    pub scroll: usize,
    pub search: Option<Search>,
    pub generation: u64,
}

/// Fixed presentation choices, from the command line.
#[derive(Debug, Clone, Copy)]
pub struct Look {
    pub color: bool,
    pub time: TimeStyle,
    /// `y` copies a chat's JID through OSC 52 (`--osc52`).
    pub osc52: bool,
    /// The mouse is reported and used (`--mouse`).
    pub mouse: bool,
}

#[derive(Debug, Clone)]
pub struct Model {
    pub profiles: Vec<Profile>,
    pub look: Look,
    pub filter: Filter,
    /// `p`: only this profile's chats (merged inboxes).
    pub only_profile: Option<usize>,
    pub search: Option<Search>,
    /// Derived: (profile, index in its chats) of each listed chat, in order.
    pub visible: Vec<(usize, usize)>,
    pub cursor: usize,
    /// The first chat the list showed: kept while the cursor stays in view,
    /// so the list does not scroll under a pointer about to click again.
    pub list_first: usize,
    pub focus: Focus,
    pub open: Option<Open>,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    pub now: Timestamp,
    pub help: bool,
    /// Lines the `?` overlay is scrolled down (a screen too small for it).
    pub help_scroll: usize,
    /// Messages request generations, shared by every chat (one in flight).
    pub message_generation: u64,
    /// A short note for the status line (what `y` copied, …).
    pub note: Option<String>,
    /// Messages of recently opened chats, newest use last (shown at once
    /// when a chat is opened again, while it refreshes).
    pub recent: Vec<(ChatKey, Vec<Message>)>,
    /// `m`: a mark-read being confirmed.
    pub confirm: Option<super::mark::Confirm>,
}

impl Model {
    pub fn new(names: &[String], look: Look, size: (u16, u16), now: Timestamp) -> Model {
        Model {
            profiles: names.iter().map(|n| Profile::new(n)).collect(),
            look,
            filter: Filter::All,
            only_profile: None,
            search: None,
            visible: Vec::new(),
            cursor: 0,
            list_first: 0,
            focus: Focus::List,
            open: None,
            size,
            now,
            help: false,
            help_scroll: 0,
            message_generation: 0,
            note: None,
            recent: Vec::new(),
            confirm: None,
        }
    }

    pub fn merged(&self) -> bool {
        self.profiles.len() > 1
    }

    pub fn two_panes(&self) -> bool {
        self.size.0 >= TWO_PANES.0 && self.size.1 >= TWO_PANES.1
    }

    pub fn chat(&self, profile: usize, index: usize) -> &Chat {
        &self.profiles[profile].chats[index]
    }

    /// The chat under the cursor.
    pub fn selected(&self) -> Option<(ChatKey, &Chat)> {
        let &(p, i) = self.visible.get(self.cursor)?;
        let chat = self.chat(p, i);
        Some((
            ChatKey {
                profile: p,
                id: chat.id.clone(),
            },
            chat,
        ))
    }

    /// The open chat's record, while its profile still lists it.
    pub fn open_chat(&self) -> Option<&Chat> {
        let open = self.open.as_ref()?;
        self.profiles
            .get(open.key.profile)?
            .chats
            .iter()
            .find(|c| c.id == open.key.id)
    }

    /// A search line (the list's, or the focused chat's) is being typed.
    pub fn typing(&self) -> bool {
        match (self.focus, &self.open) {
            (Focus::Chat, Some(open)) => open.search.as_ref(),
            _ => self.search.as_ref(),
        }
        .is_some_and(|s| s.editing)
    }

    /// Rows of the list pane (two lines per chat).
    pub fn list_rows(&self) -> usize {
        (usize::from(self.size.1).saturating_sub(3) / 2).max(1)
    }

    /// Rows of the conversation pane.
    pub fn chat_rows(&self) -> usize {
        usize::from(self.size.1).saturating_sub(4).max(1)
    }
}
