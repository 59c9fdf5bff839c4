//! Finding one secret in a text whatever encoding each of its characters was
//! given: a small automaton over the text's bytes, one step per character of
//! the secret (a whitespace run in the secret is one step matching any run).

/// One step of a secret.
#[derive(Clone, Debug, PartialEq)]
pub enum Unit {
    Char(char),
    /// A run of whitespace: matches one or more whitespace characters in any encoding.
    Space,
}

/// A registered secret.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub units: Vec<Unit>,
    /// Long enough to be hidden wherever it appears (else only where credentials sit).
    pub anywhere: bool,
}

impl Entry {
    pub fn new(value: &str, anywhere_min: usize) -> Option<Entry> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        let mut units = Vec::new();
        for c in value.chars() {
            if c.is_whitespace() {
                if units.last() != Some(&Unit::Space) {
                    units.push(Unit::Space);
                }
            } else {
                units.push(Unit::Char(c));
            }
        }
        Some(Entry {
            anywhere: value.chars().count() >= anywhere_min,
            units,
        })
    }

    /// `text` with each match (where it may be hidden) replaced by `mask`.
    pub fn hide(&self, text: &str, mask: &str) -> String {
        let t = text.as_bytes();
        let mut out = String::new();
        let mut last = 0;
        let mut i = 0;
        while i < t.len() {
            if self.may_start(t[i]) && text.is_char_boundary(i) {
                if let Some(end) = self.run(t, i).0 {
                    if self.anywhere || sits(text, i, end) {
                        out.push_str(&text[last..i]);
                        out.push_str(mask);
                        last = end;
                        i = end;
                        continue;
                    }
                }
            }
            i += 1;
        }
        if last == 0 {
            return text.to_owned();
        }
        out.push_str(&text[last..]);
        out
    }

    /// Where a match of at least `min` steps (but not the whole secret) runs
    /// up to the end of `text`: the earliest such start.
    pub fn prefix_at_end(&self, text: &str, min: usize) -> Option<usize> {
        if self.units.len() <= min {
            return None;
        }
        let t = text.as_bytes();
        // No step is longer than an HTML numeric entity or a JSON surrogate pair.
        let window = self.units.len() * 16;
        let from = t.len().saturating_sub(window);
        (from..t.len())
            .find(|&i| self.may_start(t[i]) && text.is_char_boundary(i) && self.run(t, i).1 >= min)
    }

    fn may_start(&self, b: u8) -> bool {
        match self.units.first() {
            Some(Unit::Char(c)) => {
                let mut buf = [0u8; 4];
                b == c.encode_utf8(&mut buf).as_bytes()[0] || matches!(b, b'%' | b'\\' | b'&')
            }
            _ => false,
        }
    }

    /// Run the automaton from `start`: the end of the longest whole match, and
    /// how many steps had matched when some path reached the end of `t`.
    fn run(&self, t: &[u8], start: usize) -> (Option<usize>, usize) {
        let mut set = vec![start];
        let mut at_end = 0;
        for (k, unit) in self.units.iter().enumerate() {
            let mut next = Vec::new();
            for &p in &set {
                step(t, p, unit, &mut next);
            }
            next.sort_unstable();
            next.dedup();
            if next.is_empty() {
                return (None, at_end);
            }
            if next.last() == Some(&t.len()) {
                at_end = k + 1;
            }
            set = next;
        }
        (set.last().copied(), at_end)
    }
}

/// Whether the match `text[s..e]` sits where a credential does: a path
/// segment, a query value, URL userinfo, a header value, a quoted JSON value.
fn sits(text: &str, s: usize, e: usize) -> bool {
    let before = &text[..s];
    let after = &text[e..];
    let next = after.chars().next();
    let ends = |set: &str| next.is_none_or(|c| c.is_whitespace() || set.contains(c));
    let ends_ci = |word: &str| {
        let b = before.as_bytes();
        b.len() >= word.len() && b[b.len() - word.len()..].eq_ignore_ascii_case(word.as_bytes())
    };
    (before.ends_with('/') && ends("/?#;\"')"))
        || (before.ends_with('=') && ends("&#;\"',)"))
        || (before.ends_with(':') && after.starts_with('@'))
        || ((ends_ci("bearer ") || ends_ci("basic ") || before.ends_with(": ")) && ends(",;\"'"))
        || ((before.ends_with("\":\"") || before.ends_with("\": \"")) && after.starts_with('"'))
}

/// Push every position where `unit` can end when it starts at `p`.
fn step(t: &[u8], p: usize, unit: &Unit, out: &mut Vec<usize>) {
    match unit {
        Unit::Char(c) => char_forms(t, p, *c, out),
        Unit::Space => {
            let mut at = p;
            while let Some(len) = space_token(&t[at..]) {
                at += len;
                out.push(at);
            }
        }
    }
}

fn char_forms(t: &[u8], p: usize, c: char, out: &mut Vec<usize>) {
    let rest = &t[p..];
    let mut buf = [0u8; 4];
    let raw = c.encode_utf8(&mut buf).as_bytes();
    if rest.starts_with(raw) {
        out.push(p + raw.len());
    }
    // Percent-encoded, either case of hex.
    if raw.iter().enumerate().all(|(i, &b)| {
        rest.get(3 * i) == Some(&b'%') && hex_byte(rest.get(3 * i + 1..3 * i + 3)) == Some(b as u32)
    }) {
        out.push(p + 3 * raw.len());
    }
    // JSON escapes: \uXXXX (a surrogate pair beyond the BMP), and \/ \" \\.
    let mut units = [0u16; 2];
    let utf16 = c.encode_utf16(&mut units);
    if utf16
        .iter()
        .enumerate()
        .all(|(i, &u)| json_unit(rest.get(6 * i..6 * i + 6)) == Some(u as u32))
    {
        out.push(p + 6 * utf16.len());
    }
    if matches!(c, '/' | '"' | '\\')
        && rest.first() == Some(&b'\\')
        && rest.get(1) == Some(&(c as u8))
    {
        out.push(p + 2);
    }
    // HTML entities: named for the five XML specials, numeric for any character.
    let named = match c {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' => "&quot;",
        '\'' => "&apos;",
        _ => "",
    };
    if !named.is_empty() && rest.starts_with(named.as_bytes()) {
        out.push(p + named.len());
    }
    if let Some((value, len)) = numeric_entity(rest) {
        if value == c as u32 {
            out.push(p + len);
        }
    }
}

/// One whitespace character in any encoding at the start of `t`: its length.
fn space_token(t: &[u8]) -> Option<usize> {
    let first = *t.first()?;
    if first.is_ascii_whitespace() || first == b'+' {
        return Some(1);
    }
    if t.starts_with("\u{a0}".as_bytes()) {
        return Some(2);
    }
    if first == b'%' && hex_byte(t.get(1..3)).is_some_and(is_space_code) {
        return Some(3);
    }
    if first == b'\\' {
        if matches!(t.get(1), Some(b'n' | b't' | b'r')) {
            return Some(2);
        }
        if json_unit(t.get(..6)).is_some_and(is_space_code) {
            return Some(6);
        }
    }
    if first == b'&' {
        if t.starts_with(b"&nbsp;") {
            return Some(6);
        }
        if let Some((v, len)) = numeric_entity(t) {
            if is_space_code(v) {
                return Some(len);
            }
        }
    }
    None
}

fn is_space_code(v: u32) -> bool {
    char::from_u32(v).is_some_and(char::is_whitespace)
}

fn hex_byte(h: Option<&[u8]>) -> Option<u32> {
    let h = std::str::from_utf8(h?).ok()?;
    u32::from_str_radix(h, 16)
        .ok()
        .filter(|_| h.len() == 2 && !h.starts_with('+'))
}

/// `\uXXXX` in `s` (exactly six bytes): the code unit.
fn json_unit(s: Option<&[u8]>) -> Option<u32> {
    let s = s?;
    if !s.starts_with(b"\\u") && !s.starts_with(b"\\U") {
        return None;
    }
    let h = std::str::from_utf8(&s[2..]).ok()?;
    u32::from_str_radix(h, 16)
        .ok()
        .filter(|_| !h.starts_with('+'))
}

/// `&#DDD;` or `&#xHH;` at the start of `t`: the code point and the entity's length.
fn numeric_entity(t: &[u8]) -> Option<(u32, usize)> {
    let rest = t.strip_prefix(b"&#")?;
    let (radix, digits) = match rest.first() {
        Some(b'x' | b'X') => (16, &rest[1..]),
        _ => (10, rest),
    };
    let n = digits.iter().take(10).position(|&b| b == b';')?;
    let text = std::str::from_utf8(&digits[..n]).ok()?;
    let value = u32::from_str_radix(text, radix)
        .ok()
        .filter(|_| n > 0 && !text.starts_with('+'))?;
    Some((value, t.len() - digits.len() + n + 1))
}
