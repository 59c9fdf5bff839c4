//! The words of the generated histories: everyday texts and captions, the hostile texts a
//! client must render safely (terminal escapes, bidi overrides, CSV formulas, very long and
//! multi-line texts, CJK, emoji, control characters), push names, files and system notices.

/// Everyday message texts.
pub(super) const TEXTS: [&str; 20] = [
    "Hello there!",
    "Are we still on for tomorrow?",
    "ok 👍",
    "🍕 tonight?",
    "Thanks!",
    "Call me when you can",
    "😂😂😂",
    "see https://example.com/x?a=1&b=2",
    "Invoice #4411 attached",
    "On my way",
    "Can you send the file again?",
    "Sure, 5 minutes",
    "Happy birthday! 🎂",
    "Where are you?",
    "Meeting moved to 15:30",
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore",
    "Did you see the news?",
    "Good morning ☀️",
    "Selamat pagi!",
    "No worries",
];

/// Texts a client must show safely; every history cycles through all of them.
pub(super) const HOSTILE: [&str; 12] = [
    "\u{1b}[31mred alert\u{1b}[0m \u{1b}]0;pwned title\u{7}\u{1b}[2J cleared?",
    "\u{1b}]52;c;cm0gLXJmIH4K\u{7}clipboard \u{1b}]8;;http://evil.example/\u{1b}\\link\u{1b}]8;;\u{1b}\\",
    "invoice_\u{202E}fdp.exe\u{202C} and \u{2067}isolate\u{2069} \u{200F}rlm",
    "=HYPERLINK(\"http://evil.example\",\"click me\")",
    "+1+1",
    "-2+3 @SUM(A1:A9) \t=cmd|' /C calc'!A0",
    "line one\nline two\r\nline three\n\n    indented line after a blank one",
    "王小明: 收到，明天见 🙏 東京チームの会議は3時です",
    "👨‍👩‍👧‍👦 🏳️‍🌈 🇮🇩 👍🏽 e\u{301} zero\u{200b}width \u{feff}bom",
    "مرحبا، كيف حالك؟ שלום עולם 123",
    "nul\u{0}byte bell\u{7} back\u{8}space del\u{7f} tab\tseparated\tvalues",
    "</script><script>alert(1)</script> {\"json\": true} quote \" and backslash \\",
];

/// Captions of media messages ("" = none).
pub(super) const CAPTIONS: [&str; 6] = ["look at this 📸", "receipt", "", "", "for you", ""];

/// Reaction emoji.
pub(super) const REACTIONS: [&str; 5] = ["👍", "❤️", "😂", "🙏", "😮"];

/// Push names of group participants.
pub(super) const PUSH_NAMES: [&str; 10] = [
    "Alice", "Budi", "Chen Wei", "Dewi", "Elif", "Farah", "Kenji", "Lena", "Omar", "Putri",
];

/// New texts of edited messages.
pub(super) const EDITS: [&str; 4] = [
    "sorry, I meant Thursday",
    "fixed typo: receive",
    "(edited) see you at 8",
    "✏️ updated address below",
];

/// Places of location messages: (name, address, latitude, longitude).
pub(super) const PLACES: [(&str, &str, f64, f64); 3] = [
    ("Monas", "Gambir, Jakarta Pusat", -6.175_392, 106.827_153),
    (
        "東京タワー",
        "4 Chome-2-8 Shibakoen, Minato City, Tokyo",
        35.658_581,
        139.745_433,
    ),
    (
        "Café \"Zur Post\"",
        "Hauptstraße 1, 10115 Berlin",
        52.520_008,
        13.404_954,
    ),
];

/// A very long text (about 6,000 characters, one 700-character token without spaces).
pub(super) fn very_long() -> String {
    let mut s = String::from("START ");
    for i in 0..80 {
        s.push_str(&format!(
            "sentence {i} of a very long message that wraps many times; "
        ));
    }
    s.push_str("https://example.com/");
    s.push_str(&"a".repeat(700));
    s.push_str(" END");
    s
}

/// A system notice, by group or direct chat.
pub(super) fn system(group: bool, pick: u64) -> &'static str {
    const GROUP: [&str; 3] = [
        "Alice added Budi",
        "Chen Wei changed the group description",
        "Messages and calls are end-to-end encrypted. No one outside of this chat can read them.",
    ];
    const DIRECT: [&str; 2] = [
        "Your security code with this contact changed. Tap to learn more.",
        "Disappearing messages were turned on. New messages will disappear after 7 days.",
    ];
    if group {
        GROUP[pick as usize % GROUP.len()]
    } else {
        DIRECT[pick as usize % DIRECT.len()]
    }
}

/// A vCard for a shared contact.
pub(super) fn vcard(name: &str, phone: &str) -> String {
    format!("BEGIN:VCARD\nVERSION:3.0\nFN:{name}\nTEL;type=CELL;waid={phone}:+{phone}\nEND:VCARD")
}
