//! Generator of one chat of the demo inbox from a seeded splitmix64: JID mix, hostile names,
//! unread counts, strictly decreasing activity times and the size of its lazily generated
//! history (`history.rs`).

use super::inbox::SandboxChat;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

pub(super) const SPAN: i64 = 60 * 86_400;
const FIRST: [&str; 20] = [
    "Alice", "Budi", "Chen", "Dewi", "Elif", "Farah", "Gabriel", "Hana", "Ivan", "Joko", "Kenji",
    "Lena", "Maya", "Nadia", "Omar", "Putri", "Rafael", "Siti", "Tomás", "Yuki",
];
const LAST: [&str; 10] = [
    "Santoso", "Müller", "García", "Tan", "Kowalski", "Nguyen", "O'Brien", "Wijaya", "Silva",
    "Rossi",
];
const GROUPS: [&str; 6] = [
    "Family 👨‍👩‍👧",
    "Project Atlas",
    "Football Sunday",
    "Book Club",
    "Neighbours",
    "Office",
];
const CC: [&str; 10] = ["62", "1", "44", "49", "81", "971", "55", "7", "34", "91"];

fn hostile(i: usize) -> Option<&'static str> {
    const LONG: &str = "A very long chat name that keeps going and going so that every table column must truncate it somewhere sensible, ok";
    Some(match i {
        0 => "🍕 Pizza Club 🎉",
        1 => "王小明",
        2 => "東京チーム",
        4 => "مرحبا",
        5 => "שלום",
        6 => "\u{202E}evil\u{202C}",
        8 => "\u{1b}[31mRED\u{1b}[0m",
        9 => "tab\there\nnewline",
        10 => "=HYPERLINK(\"http://x\")",
        11 => "+1 555 0100",
        12 => "-minus",
        13 => "@at",
        14 => LONG,
        15 | 16 => "",
        _ => return None,
    })
}

/// Unique 9-digit tail per index (a bijection mod 10^9).
fn tail(i: usize, mul: u64, add: u64) -> String {
    format!(
        "{:09}",
        ((i as u64).wrapping_mul(mul).wrapping_add(add)) % 1_000_000_000
    )
}

/// History length of chat `i` unless `--messages` says otherwise: 1–80, and 96 for the chats
/// the demo shows off (every kind and hostile text twice).
fn history_len(i: usize, rng: &mut Rng) -> usize {
    if i == 0 || i == TEAM {
        96
    } else {
        1 + rng.below(80) as usize
    }
}

/// The demo's group named exactly "Team".
const TEAM: usize = 17;

pub(super) fn chat(
    i: usize,
    n: usize,
    silent: usize,
    step: i64,
    seed: u64,
    messages: Option<usize>,
    now: i64,
) -> SandboxChat {
    let mut rng = Rng(seed ^ (i as u64).wrapping_mul(0xD6E8_FEB8_6659_FD93));
    rng.next();
    let r = rng.below(100);
    let (user, server): (String, &'static str) = match i {
        0 => (format!("120363{}{}", tail(i, 7_919, 1), "01"), "g.us"),
        TEAM => (format!("120363{}{}", tail(i, 7_919, 1), "17"), "g.us"),
        3 => ("status".into(), "broadcast"),
        7 => ("0".into(), "s.whatsapp.net"),
        _ if !(65..95).contains(&r) => (
            format!("{}8{}", rng.pick(&CC), tail(i, 7_919, 13)),
            "s.whatsapp.net",
        ),
        _ if r < 80 && r.is_multiple_of(3) => (
            format!("628{}-{}", tail(i, 7_919, 13), 1_479_621_234 + i as u64),
            "g.us",
        ),
        _ if r < 80 => (format!("120363{}{}", tail(i, 7_919, 1), "42"), "g.us"),
        _ if r < 88 => (format!("1{}{}", tail(i, 6_007, 5), "77123"), "lid"),
        _ if r < 92 => (format!("120363{}{}", tail(i, 4_001, 3), "99"), "newsletter"),
        _ => (format!("{}", 1_600_000_000 + i as u64), "broadcast"),
    };
    let jid = format!("{user}@{server}");
    let name = if let Some(h) = hostile(i) {
        Some(h.to_string())
    } else if i == 3 {
        None
    } else if i == 7 {
        Some("WhatsApp".into())
    } else if i == TEAM {
        Some("Team".into())
    } else {
        let k = rng.below(100);
        match server {
            _ if k < 12 => None,
            _ if k < 15 => Some(String::new()),
            "g.us" => Some(format!("{} {}", rng.pick(&GROUPS), i)),
            "newsletter" => Some(format!(
                "Channel {}",
                rng.pick(&["News", "Tech", "Recipes"])
            )),
            "broadcast" => Some(format!("Broadcast list {i}")),
            _ => Some(format!("{} {}", rng.pick(&FIRST), rng.pick(&LAST))),
        }
    };
    let has_messages = i < n - silent;
    let jitter = if i == 0 {
        0
    } else {
        rng.below((step / 2).max(1) as u64) as i64
    };
    let newest = now - 60 - i as i64 * step - jitter;
    let count = match (has_messages, messages) {
        (false, _) => 0,
        (true, Some(m)) => m.max(1),
        (true, None) => history_len(i, &mut rng),
    };
    let message_gap = 60 + rng.below(1200) as i64;
    let history_seed = rng.next();
    let last_activity = (count > 0).then_some(newest);
    let unread_roll = rng.below(100);
    let unread_n = 1 + (rng.below(40) as u32);
    let eph = rng.below(100);
    let ephemeral = if eph < 90 {
        0
    } else if eph < 96 {
        86_400
    } else if eph < 99 {
        604_800
    } else {
        7_776_000
    };
    let mute = rng.below(100);
    let muted_until = if mute < 3 {
        Some(now + 8 * 3600 + mute as i64)
    } else if mute < 5 {
        Some(now - 2 * 86_400)
    } else {
        None
    };
    let created_at = last_activity.unwrap_or(now - SPAN) - 86_400 * (1 + rng.below(300) as i64);
    let lid_alias = (server == "s.whatsapp.net" && i % 3 == 1)
        .then(|| format!("2{}{}@lid", tail(i, 3_001, 11), "55123"));
    let mut chat = SandboxChat {
        index: i,
        user,
        server,
        jid,
        name,
        unread: 0,
        last_activity,
        archived: rng.below(100) < 5,
        pinned: rng.below(100) < 3,
        muted_until,
        ephemeral,
        ephemeral_set_at: if ephemeral > 0 { created_at + 3600 } else { 0 },
        has_media: false,
        message_count: count,
        live: Vec::new(),
        generated_newest: last_activity,
        message_gap,
        history_seed,
        plus7: i % 5 == 2,
        lid_alias,
        row_id: 1000 + (n - i) as u64,
        created_at,
        picture: (rng.below(100) < 40)
            .then(|| format!("https://pps.whatsapp.net/v/t61/sbx-{i}.jpg")),
        marked_read: Vec::new(),
    };
    // Unread only when the last message is incoming; media as GOWA counts it (not deleted).
    if chat.last_message().is_some_and(|m| !m.from_me) && unread_roll >= 60 {
        chat.unread = unread_n;
    }
    chat.has_media = (0..count).any(|k| {
        let (kind, deleted) = chat.kind_of(k);
        kind.is_media() && !deleted
    });
    chat
}
