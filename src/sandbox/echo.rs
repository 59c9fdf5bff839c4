//! The `echo` fault: a careless gateway that repeats the credentials a
//! request carried (auth headers, query values, path segments) in its answer,
//! in one encoding and one place, so tests can prove the client never prints them.
//!
//! Spec: `echo=ENCODING[:PLACE]` (default `all:text`).

use super::http::{decode, Req, Resp};

const ENCODINGS: &[&str] = &[
    "raw", "upper", "lower", "form", "base64", "json", "spaces", "all",
];
const PLACES: &[&str] = &["text", "json", "html", "location", "www-authenticate"];

/// Which encoding and which place of the answer the credentials are echoed in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Echo {
    encoding: &'static str,
    place: &'static str,
}

impl Echo {
    /// Every encoding and every place the fault knows, for tests and help.
    pub fn all() -> Vec<String> {
        let mut out = Vec::new();
        for e in ENCODINGS {
            for p in PLACES {
                out.push(format!("echo={e}:{p}"));
            }
        }
        out
    }

    pub(super) fn parse(spec: Option<&str>) -> Option<Echo> {
        let spec = spec.unwrap_or("all").to_ascii_lowercase();
        let (e, p) = spec.split_once(':').unwrap_or((&spec, "text"));
        Some(Echo {
            encoding: ENCODINGS.iter().find(|x| **x == e.trim())?,
            place: PLACES.iter().find(|x| **x == p.trim())?,
        })
    }

    /// The answer: the place holds every credential of `req`, in the encoding.
    pub(super) fn response(&self, req: &Req) -> Resp {
        let values: Vec<String> = credentials(req)
            .iter()
            .map(|v| encode(self.encoding, v))
            .collect();
        let said = format!("you sent {}", values.join(" | "));
        match self.place {
            "json" => Resp::json(400, &serde_json::json!({"message": said, "error": said})),
            "html" => Resp::typed(
                401,
                "text/html; charset=utf-8",
                &format!("<!DOCTYPE html><html><head><title>{said}</title></head><body><h1>{said}</h1></body></html>"),
            ),
            "location" => Resp::text(302, "Found")
                .header("location", &format!("https://login.example.com/?next={}", ascii(&said))),
            "www-authenticate" => Resp::json(401, &serde_json::json!({"message": "Unauthorized"}))
                .header("www-authenticate", &format!("Bearer realm=\"{}\"", ascii(&said))),
            _ => Resp::text(200, &format!("{said}\n")),
        }
    }
}

/// What a request carried that may be a credential: auth header values
/// (Basic decoded), query values, and path segments (last first: tokens end paths).
fn credentials(req: &Req) -> Vec<String> {
    let mut out = Vec::new();
    for (name, value) in &req.headers {
        if !matches!(name.as_str(), "authorization" | "x-api-key" | "apikey") {
            continue;
        }
        let (scheme, rest) = value.split_once(' ').unwrap_or(("", value));
        if scheme.eq_ignore_ascii_case("basic") {
            if let Some(pair) = base64_decode(rest.trim()) {
                let password = pair.split_once(':').map_or(pair.as_str(), |(_, p)| p);
                out.push(password.to_owned());
            }
        } else if scheme.eq_ignore_ascii_case("bearer") {
            out.push(rest.to_owned());
        } else {
            out.push(value.clone());
        }
    }
    out.extend(req.query.iter().map(|(_, v)| v.clone()));
    out.extend(
        req.path
            .split('/')
            .rev()
            .filter(|s| !s.is_empty())
            .map(decode),
    );
    out
}

fn encode(encoding: &str, v: &str) -> String {
    use base64::Engine;
    let pct =
        || percent_encoding::utf8_percent_encode(v, percent_encoding::NON_ALPHANUMERIC).to_string();
    match encoding {
        "upper" => pct(),
        "lower" => lower_hex(&pct()),
        "form" => form_urlencoded::byte_serialize(v.as_bytes()).collect(),
        "base64" => base64::engine::general_purpose::STANDARD.encode(v),
        "json" => json_escaped(v),
        "spaces" => v.split_whitespace().collect::<Vec<_>>().join(" "),
        "all" => ENCODINGS[..ENCODINGS.len() - 1]
            .iter()
            .map(|e| encode(e, v))
            .collect::<Vec<_>>()
            .join(" "),
        _ => v.to_owned(),
    }
}

/// Lower-case hex after each `%`.
fn lower_hex(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut hex = 0u8;
    for c in s.chars() {
        out.push(if hex > 0 { c.to_ascii_lowercase() } else { c });
        hex = if c == '%' { 2 } else { hex.saturating_sub(1) };
    }
    out
}

/// JSON string escaping as PHP's `json_encode` writes it: `\/`, and `\uXXXX` beyond ASCII.
fn json_escaped(v: &str) -> String {
    let mut out = String::new();
    for c in v.chars() {
        match c {
            '/' => out.push_str("\\/"),
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_ascii() && !c.is_ascii_control() => out.push(c),
            c => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{u:04x}"));
                }
            }
        }
    }
    out
}

/// Header values must be ASCII: percent-encode the rest, as a server would.
fn ascii(s: &str) -> String {
    const NON_ASCII: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS.add(b'"');
    percent_encoding::utf8_percent_encode(s, NON_ASCII).to_string()
}

fn base64_decode(s: &str) -> Option<String> {
    use base64::Engine;
    let bytes = base64::engine::general_purpose::STANDARD.decode(s).ok()?;
    String::from_utf8(bytes).ok()
}
