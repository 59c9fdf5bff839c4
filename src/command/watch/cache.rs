//! Each watch poll keeps the profile's cached overview (issue 13, item 6) up to date, as
//! `chats overview` does: the chats the poll's activity call returned replace their cached
//! rows (a new one is added), the newest message printed becomes a chat's last message, and
//! the rest of the cached overview stays. A profile without a cached overview yet gets a
//! partial one. Written only when something changed.

use std::collections::HashMap;

use super::Ctx;
use crate::chat::{Chat, LastMessage};
use crate::output::watch::Arrival;
use crate::provider::{Order, SortKey};
use crate::store::Cached;
use crate::time::Timestamp;

/// Merge one poll into `profile`'s cached overview. The output is already written: a store
/// that cannot take it is a warning, not a stopped watch.
pub fn record(ctx: &Ctx, profile: &str, rows: &[Chat], printed: &[Arrival]) {
    if rows.is_empty() && printed.is_empty() {
        return;
    }
    let result = ctx.store().and_then(|mut store| {
        let cached = store.overview(profile)?;
        let (complete, mut chats) = match cached {
            Some(c) => (c.complete, c.chats),
            None => (false, Vec::new()),
        };
        let before = chats.clone();
        merge(&mut chats, rows, printed);
        if chats != before {
            let overview = Cached {
                taken_at: Timestamp::now(),
                complete,
                chats,
            };
            store.put_overview(profile, &overview)?;
        }
        Ok(())
    });
    if let Err(e) = result {
        crate::diag::warn(&format!(
            "the overview was not cached: {}",
            crate::exit::one_line(&e)
        ));
    }
}

fn merge(chats: &mut Vec<Chat>, rows: &[Chat], printed: &[Arrival]) {
    let mut at: HashMap<String, usize> = chats
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.clone(), i))
        .collect();
    for row in rows {
        match at.get(&row.id) {
            Some(&i) => {
                let old = std::mem::replace(&mut chats[i], row.clone());
                let new = &mut chats[i];
                // What the list does not report, the overview had.
                new.last_message = new.last_message.take().or(old.last_message);
                new.unread_count = new.unread_count.or(old.unread_count);
            }
            None => {
                at.insert(row.id.clone(), chats.len());
                chats.push(row.clone());
            }
        }
    }
    for a in printed {
        let m = &a.message;
        let Some(&i) = at.get(&m.chat_id) else {
            continue;
        };
        let chat = &mut chats[i];
        if chat.last_message.as_ref().is_some_and(|l| l.at > m.at) {
            continue;
        }
        chat.last_message = Some(LastMessage {
            id: Some(m.id.clone()),
            body: m.text.clone(),
            at: m.at,
            from_me: m.from_me,
        });
        chat.last_activity_at = chat.last_activity_at.max(m.at);
    }
    super::super::filters::sort_chats(chats, SortKey::Activity, Order::Desc);
}
