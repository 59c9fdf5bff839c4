//! Generator of one chat of the demo inbox from a seeded splitmix64: JID mix, hostile names,
//! unread counts, strictly decreasing activity times and a 1–3 message history.

use super::inbox::{SandboxChat, SandboxMessage, ME_JID};

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
const TEXTS: [&str; 16] = [
    "Hello there!", "Are we still on for tomorrow?", "ok 👍", "🍕 tonight?", "line one\nline two",
    "\u{1b}[31mred alert\u{1b}[0m", "Invoice #4411 attached", "مرحبا، كيف حالك؟", "王小明: 收到",
    "see https://example.com/x?a=1&b=2", "tab\tseparated", "=SUM(A1:A9)", "Thanks!", "Call me when you can",
    "😂😂😂", "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore",
];
const CAPTIONS: [&str; 4] = ["look at this 📸", "receipt", "", ""];
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

fn hex16(rng: &mut Rng) -> String {
    format!("{:016X}", rng.next())
}

pub(super) fn chat(
    i: usize,
    n: usize,
    silent: usize,
    step: i64,
    seed: u64,
    now: i64,
) -> SandboxChat {
    let mut rng = Rng(seed ^ (i as u64).wrapping_mul(0xD6E8_FEB8_6659_FD93));
    rng.next();
    let r = rng.below(100);
    let (user, server): (String, &'static str) = match i {
        0 => (format!("120363{}{}", tail(i, 7_919, 1), "01"), "g.us"),
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
    let mut messages = Vec::new();
    if has_messages {
        let count = 1 + rng.below(3);
        let mut t = newest;
        for k in 0..count {
            let from_me = i != 3 && i != 7 && rng.below(100) < 30;
            let media_roll = rng.below(100);
            let (media, text, file_name) = if media_roll < 12 {
                let kind = ["image", "video", "document", "audio"][(media_roll % 4) as usize];
                let cap = if kind == "audio" {
                    ""
                } else {
                    rng.pick(&CAPTIONS)
                };
                let file = (kind == "document").then(|| format!("report-{i}-{k}.pdf"));
                (Some(kind), cap.to_string(), file)
            } else if i == 7 {
                (
                    None,
                    "Your security code changed. Tap to learn more.".to_string(),
                    None,
                )
            } else {
                (None, rng.pick(&TEXTS).to_string(), None)
            };
            let sender = if from_me {
                ME_JID.to_string()
            } else if server == "g.us" || server == "broadcast" {
                format!(
                    "62812{}@s.whatsapp.net",
                    tail(rng.below(1000) as usize, 7_919, 77)
                )
            } else {
                format!(
                    "{user}@{}",
                    if server == "lid" {
                        "lid"
                    } else {
                        "s.whatsapp.net"
                    }
                )
            };
            messages.push(SandboxMessage {
                id: format!("3EB0{}", hex16(&mut rng)),
                text,
                media,
                file_name,
                from_me,
                sender,
                timestamp: t,
            });
            t -= 30 + rng.below(3600) as i64;
        }
    }
    let last_activity = messages.first().map(|m| m.timestamp);
    let unread = match (messages.first(), rng.below(100)) {
        (Some(m), u) if !m.from_me && u >= 60 => 1 + (rng.below(40) as u32),
        _ => 0,
    };
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
    SandboxChat {
        index: i,
        user,
        server,
        jid,
        name,
        unread,
        last_activity,
        archived: rng.below(100) < 5,
        pinned: rng.below(100) < 3,
        muted_until,
        ephemeral,
        ephemeral_set_at: if ephemeral > 0 { created_at + 3600 } else { 0 },
        has_media: messages.iter().any(|m| m.media.is_some()),
        messages,
        plus7: i % 5 == 2,
        lid_alias,
        row_id: 1000 + (n - i) as u64,
        created_at,
        picture: (rng.below(100) < 40)
            .then(|| format!("https://pps.whatsapp.net/v/t61/sbx-{i}.jpg")),
    }
}
