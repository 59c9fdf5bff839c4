//! The redactor's rules, each pinned by the leak it once let through. Every
//! test registers secrets of its own (the registry is process-wide).

use super::*;

fn pct(s: &str, lower: bool) -> String {
    let e: String =
        percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC).to_string();
    if lower {
        // Lower-case only the hex digits after each '%'.
        let mut out = String::new();
        let mut hex = 0;
        for c in e.chars() {
            if c == '%' {
                hex = 2;
                out.push(c);
            } else if hex > 0 {
                hex -= 1;
                out.push(c.to_ascii_lowercase());
            } else {
                out.push(c);
            }
        }
        out
    } else {
        e
    }
}

// See: review of issue 4 — reqwest form-encodes query values, so a Wawp token
// with a space or '~' appeared in -v logs.
#[test]
fn wawp_token_redacted_in_form_encoded_query() {
    register_secret("tok~en sec!ret");
    assert_eq!(
        redact("access_token=tok%7Een+sec%21ret&x=1"),
        "access_token=***&x=1"
    );
    assert_eq!(redact("/p/tok~en%20sec%21ret"), "/p/***");
}

#[test]
fn redacts_raw_encoded_and_basic_forms() {
    register_secret("tok/en+1");
    register_basic_auth("demo", "pa:ss");
    let text = "u=tok/en+1 e=tok%2Fen%2B1 b=ZGVtbzpwYTpzcw== p=pa:ss";
    assert_eq!(redact(text), "u=*** e=*** b=*** p=***");
}

// See: issue 9 item 7 — lower-case hex, `@` left raw by the path encoder,
// collapsed whitespace and base64 alone all printed the secret in full.
#[test]
fn secret_in_encodings_the_redactor_did_not_know_is_hidden() {
    let s = "Tok@en%2FSecret%2B42 Grün  x";
    register_secret(s);
    let forms = [
        s.to_owned(),
        pct(s, false),
        pct(s, true),
        pct(s, false).replace("%40", "@"),
        form_urlencoded::byte_serialize(s.as_bytes()).collect(),
        "Tok@en%2FSecret%2B42 Grün x".to_owned(),
        serde_json::to_string(s)
            .unwrap()
            .trim_matches('"')
            .to_owned(),
        "Tok@en%2FSecret%2B42 Gr\\u00fcn  x".to_owned(),
        "Tok&#64;en%2FSecret%2B42 Gr&#xFC;n&nbsp;x".to_owned(),
        base64(s.as_bytes()),
    ];
    for f in forms {
        let out = redact(&format!("before {f} after"));
        assert_eq!(out, "before *** after", "form {f:?}");
    }
    // Inside a longer base64 text (Basic auth with any user name), only the
    // characters that mix the user's bits with the secret's stay.
    let basic = base64(format!("someone:{s}").as_bytes());
    let out = redact(&basic);
    assert!(out.contains("***") && out.len() < 11 + 3 + 4, "{out}");
}

// See: issue 9 item 6 — a message cut before redaction printed half the token.
#[test]
fn secret_straddling_the_cut_is_not_printed_in_part() {
    let s = "StraddleSecretQx7Lm29VcQ";
    register_secret(s);
    let text = format!("error at /waInstance1/getChats/{s} here");
    for max in 0..text.len() {
        let out = cut(&text, max);
        for k in PREFIX_MIN..s.len() {
            assert!(!out.contains(&s[..k]), "cut {max}: {out}");
        }
    }
    // A text that only holds the first part of the secret (cut upstream) is guarded too.
    let out = cut(&format!("{}{}", "x".repeat(10), &s[..12]), 15);
    assert!(!out.contains(&s[..4]), "{out}");
    let out = cut(&format!("abc {} more text", pct(s, true)), 12);
    assert_eq!(out, "abc *** more…");
}

// See: issue 9 item 8 — `password = "admin"` on profile `admin` printed
// "profile `***`", and `api_key = "x"` masked letters of every word.
#[test]
fn short_secret_is_hidden_only_where_it_sits() {
    register_secret("qz9k");
    let free = "profile `qz9k` of wa-inbox: qz9kq";
    assert_eq!(redact(free), free);
    assert_eq!(redact("GET /p/qz9k/chats?x=1"), "GET /p/***/chats?x=1");
    assert_eq!(redact("GET /p?token=qz9k&y"), "GET /p?token=***&y");
    assert_eq!(
        redact("authorization: Bearer qz9k"),
        "authorization: Bearer ***"
    );
    assert_eq!(redact(r#"{"apikey":"qz9k"}"#), r#"{"apikey":"***"}"#);
    assert_eq!(redact("http://u:qz9k@h/"), "http://***@h/");
    // Multi-byte text just before a match does not trip the context check.
    assert_eq!(redact("ééééé: qz9k"), "ééééé: ***");
    assert_eq!(redact("ééééé qz9k"), "ééééé qz9k");
}

// See: issue 9 item 9 — `profiles list` printed `http://admin:pw@host`.
#[test]
fn url_userinfo_is_hidden_in_any_text() {
    assert_eq!(
        redact("base http://admin:pw@example.com:8080/x and https://tok@h"),
        "base http://***@example.com:8080/x and https://***@h"
    );
    assert_eq!(
        redact("mail me@example.com, see http://h/a@b"),
        "mail me@example.com, see http://h/a@b"
    );
    register_url_userinfo("https://svc:Us3rInf0Pass@gw.example.com");
    assert_eq!(redact("pw Us3rInf0Pass"), "pw ***");
}

#[test]
fn line_redacts_what_sanitising_joins() {
    register_secret("JoinedToken77");
    assert_eq!(line("a Joined\u{200B}Token77 b", 100), "a *** b");
}
