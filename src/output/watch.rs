//! What `watch` prints as messages arrive: in `table` format the conversation view of
//! `messages list`, each run of lines headed by its chat (and profile, when several are
//! watched); in NDJSON, CSV or TSV one message record per line. JSON (an array that a watch
//! never closes) is refused before the first poll.

use std::io::{self, Write};

use super::conversation::ConversationSink;
use super::message_fields::MessageField;
use super::{Options, Sink, Term};
use crate::message::Message;

/// A new message and the name of its chat, when known.
pub struct Arrival {
    pub message: Message,
    pub chat_name: Option<String>,
}

pub enum WatchOut<W: Write + 'static> {
    Conversation {
        view: ConversationSink<W>,
        /// (profile, chat) of the last line printed.
        last: Option<(String, String)>,
        show_profile: bool,
    },
    Records(Box<dyn Sink<Message>>),
}

impl<W: Write + 'static> WatchOut<W> {
    pub fn new(
        opts: &Options,
        fields: Option<Vec<MessageField>>,
        term: Term,
        out: W,
        show_profile: bool,
    ) -> Self {
        match super::streaming::<W, Message>(opts, fields, term, out) {
            Ok(sink) => WatchOut::Records(sink),
            Err(out) => WatchOut::Conversation {
                view: ConversationSink::new(opts, term, None, out).full_senders(),
                last: None,
                show_profile,
            },
        }
    }

    /// Print one poll's new messages (already in time order) and flush.
    pub fn write(&mut self, batch: &[Arrival]) -> io::Result<()> {
        match self {
            WatchOut::Records(sink) => {
                sink.write(batch.iter().map(|a| a.message.clone()).collect())
            }
            WatchOut::Conversation {
                view,
                last,
                show_profile,
            } => {
                for a in batch {
                    let m = &a.message;
                    let key = (m.profile.clone(), m.chat_id.clone());
                    if last.as_ref() != Some(&key) {
                        let chat = match &a.chat_name {
                            Some(n) => format!("{n} · {}", m.chat_id),
                            None => m.chat_id.clone(),
                        };
                        let heading = match show_profile {
                            true => format!("{chat} · {}", m.profile),
                            false => chat,
                        };
                        view.heading(&heading)?;
                        *last = Some(key);
                    }
                    view.write(vec![m.clone()])?;
                }
                view.finish()
            }
        }
    }
}
