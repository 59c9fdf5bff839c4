//! Reading what a gateway sent: a 2xx body into its wire type (or a short,
//! safe excerpt of why not), and an error body of any shape — the gateway's
//! JSON, XML, an HTML page or plain text — into one line (PROVIDERS.md §10.2).

use serde::de::DeserializeOwned;

use crate::sanitize;

/// At most this much of an error body is looked at.
const ERROR_BODY_LIMIT: usize = 64 * 1024;
/// Messages and excerpts are cut to this many characters.
const MESSAGE_CHARS: usize = 200;

/// The readable part of an error answer.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ErrorBody {
    /// One line: the gateway's message, the page title, or the first text line.
    pub message: String,
    /// The gateway's error code, where its JSON has one (`DEVICE_NOT_FOUND`, `not_found`).
    pub code: Option<String>,
    /// The JSON document, when the body was JSON, for gateway-specific rules.
    pub json: Option<serde_json::Value>,
}

impl ErrorBody {
    pub fn read(content_type: &str, body: &[u8]) -> ErrorBody {
        let body = &body[..body.len().min(ERROR_BODY_LIMIT)];
        let text = String::from_utf8_lossy(body);
        let trimmed = text.trim_start();
        let ct = content_type.to_ascii_lowercase();
        if ct.contains("json") || trimmed.starts_with('{') || trimmed.starts_with('[') {
            if let Ok(json) = serde_json::from_str::<serde_json::Value>(trimmed) {
                return ErrorBody::from_json(json);
            }
        }
        let lower = sanitize::head(trimmed, 512).to_ascii_lowercase();
        let message = if ct.contains("html")
            || lower.starts_with("<!doctype html")
            || lower.contains("<html")
        {
            html_title(trimmed).unwrap_or_else(|| strip_tags(trimmed))
        } else if ct.contains("xml") || lower.starts_with("<?xml") {
            xml_message(trimmed).unwrap_or_else(|| strip_tags(trimmed))
        } else {
            trimmed
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty())
                .unwrap_or("")
                .to_owned()
        };
        ErrorBody {
            message: clean(&message),
            code: None,
            json: None,
        }
    }

    fn from_json(json: serde_json::Value) -> ErrorBody {
        const MESSAGE: &[&str] = &[
            "/error/message",
            "/message",
            "/response/message",
            "/error",
            "/exception/message",
            "/invokeStatus/description",
        ];
        const CODE: &[&str] = &[
            "/error/code",
            "/code",
            "/statusCode",
            "/invokeStatus/status",
        ];
        let message = MESSAGE
            .iter()
            .find_map(|p| json.pointer(p).and_then(text_of))
            .unwrap_or_default();
        let code = CODE.iter().find_map(|p| match json.pointer(p)? {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        });
        ErrorBody {
            message: clean(&message),
            code,
            json: Some(json),
        }
    }

    /// Whether the message or code mentions `needle` (case-insensitive).
    pub fn mentions(&self, needle: &str) -> bool {
        let needle = needle.to_ascii_lowercase();
        self.message.to_ascii_lowercase().contains(&needle)
            || self
                .code
                .as_deref()
                .is_some_and(|c| c.to_ascii_lowercase().contains(&needle))
    }
}

/// A string, or an array of strings joined with "; ".
fn text_of(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        serde_json::Value::Array(items) => {
            let parts: Vec<&str> = items.iter().filter_map(|i| i.as_str()).collect();
            (!parts.is_empty()).then(|| parts.join("; "))
        }
        _ => None,
    }
}

fn html_title(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let start = lower.find("<title")?;
    let open_end = lower[start..].find('>')? + start + 1;
    let end = lower[open_end..].find("</title")? + open_end;
    Some(html[open_end..end].to_owned()).filter(|t| !t.trim().is_empty())
}

fn xml_message(xml: &str) -> Option<String> {
    let lower = xml.to_ascii_lowercase();
    let start = lower.find("<message>")? + "<message>".len();
    let end = lower[start..].find("</message>")? + start;
    Some(xml[start..end].to_owned()).filter(|t| !t.trim().is_empty())
}

fn strip_tags(text: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// One safe line: secrets hidden, control characters and escapes removed,
/// whitespace folded, then cut short (redacted before it is cut).
fn clean(text: &str) -> String {
    crate::redact::line(text, MESSAGE_CHARS)
}

/// Parse a 2xx body; on failure, say why with a short, safe excerpt. An HTML
/// or XML document is named (with its title or message), never quoted.
pub fn parse_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, String> {
    serde_json::from_slice(body).map_err(|e| {
        let text = String::from_utf8_lossy(&body[..body.len().min(4096)]);
        let head = sanitize::head(text.trim_start(), 200).to_ascii_lowercase();
        let what = if body.iter().all(u8::is_ascii_whitespace) {
            "an empty body".to_owned()
        } else if head.starts_with("<!doctype html") || head.contains("<html") {
            match html_title(&text) {
                Some(t) => format!("an HTML page (\"{}\") instead of JSON", clean(&t)),
                None => "an HTML page instead of JSON".to_owned(),
            }
        } else if head.starts_with("<?xml") || head.starts_with('<') {
            match xml_message(&text) {
                Some(m) => format!("an XML document (\"{}\") instead of JSON", clean(&m)),
                None => "an XML document instead of JSON".to_owned(),
            }
        } else if e.is_eof() {
            "a body that ends mid-JSON".to_owned()
        } else if e.is_syntax() {
            format!(
                "not JSON (starts: \"{}\")",
                crate::redact::cut(&clean(&text), 60)
            )
        } else {
            format!("JSON of an unexpected shape ({e})")
        };
        crate::redact::cut(&what, 2 * MESSAGE_CHARS)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_shapes_of_every_gateway() {
        let m = |b: &str| ErrorBody::read("application/json", b.as_bytes());
        assert_eq!(
            m(r#"{"error":{"code":"not_found","message":"session not found"}}"#).message,
            "session not found"
        );
        assert_eq!(
            m(r#"{"error":{"code":"not_found","message":"x"}}"#)
                .code
                .as_deref(),
            Some("not_found")
        );
        assert_eq!(
            m(r#"{"code":"DEVICE_NOT_FOUND","message":"device not found"}"#)
                .code
                .as_deref(),
            Some("DEVICE_NOT_FOUND")
        );
        assert_eq!(
            m(r#"{"message":"Unauthorized","statusCode":401}"#)
                .code
                .as_deref(),
            Some("401")
        );
        assert_eq!(
            m(r#"{"error":"Session \"x\" does not exist","session":"x"}"#).message,
            "Session \"x\" does not exist"
        );
        assert_eq!(
            m(r#"{"status":403,"error":"Forbidden","response":{"message":["Missing global api key","The global api key must be set"]}}"#).message,
            "Missing global api key; The global api key must be set"
        );
        assert_eq!(
            m(r#"{"statusCode":500,"exception":{"message":"boom","stack":"at x"}}"#).message,
            "boom"
        );
        let q = m(
            r#"{"invokeStatus":{"method":"getChats","used":10,"total":10,"status":"QUOTE_EXCEEDED","description":"Monthly quota exceeded"}}"#,
        );
        assert_eq!(
            (q.message.as_str(), q.code.as_deref()),
            ("Monthly quota exceeded", Some("QUOTE_EXCEEDED"))
        );
    }

    #[test]
    fn html_gives_title_only() {
        let page = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1>\n<script>x</script></body></html>";
        assert_eq!(
            ErrorBody::read("text/html", page.as_bytes()).message,
            "502 Bad Gateway"
        );
        assert_eq!(
            ErrorBody::read("", page.as_bytes()).message,
            "502 Bad Gateway"
        );
    }

    // See: issue 9 item 17 — a multi-byte character at byte 512 hid the page's title.
    #[test]
    fn html_page_with_multibyte_char_at_byte_512_gives_its_title() {
        let mut page =
            "<!DOCTYPE html><html><head><title>503 Service Down</title></head><body>".to_owned();
        page.push_str(&"x".repeat(511 - page.len()));
        page.push_str("é and more</body></html>");
        assert_eq!(page.find('é'), Some(511));
        assert_eq!(
            ErrorBody::read("text/plain", page.as_bytes()).message,
            "503 Service Down"
        );
        let r: Result<Vec<u8>, _> =
            parse_json(format!("{}<title>T</title>", "é".repeat(150)).as_bytes());
        assert!(r.unwrap_err().contains("not JSON"));
    }

    #[test]
    fn xml_and_text() {
        let xml = "<?xml version=\"1.0\"?><error><status>401</status><message>Invalid or Missing Access Token</message></error>";
        assert_eq!(
            ErrorBody::read("application/xml", xml.as_bytes()).message,
            "Invalid or Missing Access Token"
        );
        assert_eq!(
            ErrorBody::read("text/plain", b"\n  Unauthorized\nmore").message,
            "Unauthorized"
        );
        assert_eq!(ErrorBody::read("text/plain", b"").message, "");
    }

    #[test]
    fn messages_are_one_safe_short_line() {
        let evil = format!("{{\"message\":\"a\\u001b[31mb\\nc {}\"}}", "x".repeat(500));
        let m = ErrorBody::read("application/json", evil.as_bytes()).message;
        assert!(!m.contains('\u{1b}') && !m.contains('\n'), "{m:?}");
        assert!(m.chars().count() <= MESSAGE_CHARS + 1);
    }

    #[test]
    fn parse_json_explains_failures() {
        let r: Result<Vec<u8>, _> = parse_json(b"");
        assert_eq!(r.unwrap_err(), "an empty body");
        let r: Result<Vec<u8>, _> = parse_json(b"[1, 2");
        assert!(r.unwrap_err().contains("mid-JSON"));
        let r: Result<Vec<u8>, _> =
            parse_json(b"<html><title>Welcome</title><body>lots of page</body></html>");
        assert_eq!(r.unwrap_err(), "an HTML page (\"Welcome\") instead of JSON");
        let r: Result<Vec<u8>, _> =
            parse_json(b"<?xml version=\"1.0\"?><r><message>nope</message></r>");
        assert_eq!(r.unwrap_err(), "an XML document (\"nope\") instead of JSON");
        let r: Result<Vec<u8>, _> = parse_json(b"garbage here");
        assert!(r.unwrap_err().contains("not JSON"));
        let r: Result<Vec<u8>, _> = parse_json(b"{\"a\":1}");
        assert!(r.unwrap_err().contains("unexpected shape"));
        let deep = "[".repeat(100_000);
        let r: Result<serde_json::Value, _> = parse_json(deep.as_bytes());
        assert!(r.is_err());
    }
}
