//! Builds one history entry (`SandboxMessage`) from its template slot and its seeded hash:
//! sender, texts, media metadata, reply/edit/delete/reaction links and delivery status.

use super::history::{self as hist, MessageKind as K, SandboxMessage, Slot, Slot::*};
use super::inbox::{SandboxChat, ME_JID};
use super::texts;

fn pick<T: Copy>(items: &[T], h: u64) -> T {
    items[(h % items.len() as u64) as usize]
}

fn media(chat: &SandboxChat, k: usize, kind: K, h: u64) -> hist::Media {
    let size = 8_000 + h % 900_000;
    let secs = Some(2 + (h % 170) as u32);
    let (mimetype, filename, seconds) = match kind {
        K::Image => ("image/jpeg", None, None),
        K::Video => ("video/mp4", None, secs),
        K::Audio => ("audio/mpeg", None, secs),
        K::Voice => ("audio/ogg; codecs=opus", None, secs),
        K::Sticker => ("image/webp", None, None),
        _ => match h % 3 {
            0 => (
                "application/pdf",
                Some(format!("report-{}-{k}.pdf", chat.index)),
                None,
            ),
            1 => (
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                Some("Q3 résumé (final) 📄.docx".to_string()),
                None,
            ),
            _ => (
                "application/vnd.ms-excel",
                Some("=cmd|' /C calc'!A0.xls".to_string()),
                None,
            ),
        },
    };
    hist::Media {
        mimetype,
        filename,
        size,
        seconds,
    }
}

fn status(kind: K, h: u64) -> &'static str {
    match h % 100 {
        0..=2 => "failed",
        3..=4 => "pending",
        5..=14 => "sent",
        15..=39 => "delivered",
        _ if matches!(kind, K::Voice | K::Video) && h.is_multiple_of(2) => "played",
        _ => "read",
    }
}

/// Generated entry `k` (its `index` is the generated one: the caller sets the overall one).
pub(super) fn build(chat: &SandboxChat, k: usize, slot: Slot) -> SandboxMessage {
    let h = chat.gen_hash(k, 3);
    let (kind, deleted) = chat.gen_kind(k);
    let from_me = chat.gen_from_me(k);
    let group = chat.is_group() || chat.server == "broadcast";
    let (sender, sender_name) = if from_me {
        (ME_JID.to_string(), None)
    } else if matches!(slot, System) || !group {
        let name = (!matches!(slot, System))
            .then(|| chat.known_name().map(String::from))
            .flatten();
        (chat.jid.clone(), name)
    } else {
        let (jid, name) = participant(h >> 20);
        (jid, Some(name.to_string()))
    };
    let target = |d: u8| chat.gen_id(k + d as usize);
    let everyday = pick(&texts::TEXTS, h >> 8).to_string();
    let mut m = SandboxMessage {
        index: k,
        id: chat.gen_id(k),
        kind,
        text: String::new(),
        original_text: None,
        media: None,
        location: None,
        contact: None,
        from_me,
        sender,
        sender_name,
        timestamp: chat.gen_time(k),
        reply_to: None,
        target: None,
        reaction: None,
        edited: false,
        deleted,
        status: None,
    };
    match slot {
        Text | Deleted => m.text = everyday,
        Hostile(n) => m.text = texts::HOSTILE[n as usize].to_string(),
        Long => m.text = texts::very_long(),
        Media(kind) => {
            if !matches!(kind, K::Audio | K::Voice | K::Sticker) {
                m.text = pick(&texts::CAPTIONS, h >> 8).to_string();
            }
            m.media = Some(media(chat, k, kind, h >> 12));
        }
        Location => {
            let (name, address, latitude, longitude) = pick(&texts::PLACES, h >> 8);
            m.location = Some(hist::Location {
                name,
                address,
                latitude,
                longitude,
            });
        }
        Contact => {
            let name = pick(&texts::PUSH_NAMES, h >> 8);
            let phone = format!("62813{:07}", h % 10_000_000);
            m.contact = Some(hist::Contact {
                name,
                vcard: texts::vcard(name, &phone),
                phone,
            });
        }
        ReplyTo(d) => {
            m.text = everyday;
            m.reply_to = Some(target(d));
        }
        Edited => {
            m.text = edit_text(chat, k);
            m.original_text = Some(everyday);
            m.edited = true;
        }
        EditOf(d) => {
            m.text = edit_text(chat, k + d as usize);
            m.target = Some(target(d));
        }
        RevokeOf(d) => m.target = Some(target(d)),
        ReactionTo(d) => {
            m.reaction = Some(pick(&texts::REACTIONS, h >> 8));
            m.target = Some(target(d));
        }
        System => m.text = texts::system(chat.is_group(), h >> 8).to_string(),
        Call => {}
    }
    if from_me && kind != K::Reaction {
        m.status = Some(status(kind, h >> 16));
    }
    m
}

/// The new text of the edited entry `k` (shared by the entry and its `Edit`).
fn edit_text(chat: &SandboxChat, k: usize) -> String {
    pick(&texts::EDITS, chat.gen_hash(k, 4)).to_string()
}

/// The sender of an incoming entry in a group: a phone JID or (for some) only a `@lid`.
pub(super) fn participant(pick: u64) -> (String, &'static str) {
    let p = (pick % texts::PUSH_NAMES.len() as u64) as usize;
    let jid = if p < 7 {
        format!("62812{:07}@s.whatsapp.net", 3_100_000 + p * 7_919)
    } else {
        format!("{}@lid", 205_227_043_110_950 + p as u64)
    };
    (jid, texts::PUSH_NAMES[p])
}

/// Whether this chat's entries can be from this account.
pub(super) fn can_be_mine(chat: &SandboxChat) -> bool {
    chat.index != 3 && chat.index != 7 && chat.server != "newsletter"
}
