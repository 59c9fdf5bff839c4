//! Bounded parsing: caps hold, lenient fields skip without a tree.

use serde::de::IgnoredAny;

use super::*;

#[test]
fn a_list_over_the_page_size_is_refused_after_one_more_entry() {
    let three = b"[{},{},{}]";
    assert_eq!(parse::<List<IgnoredAny>>(three, 3).unwrap().0.len(), 3);
    assert_eq!(
        parse::<List<IgnoredAny>>(three, 2).unwrap_err(),
        Unreadable::TooMany(2)
    );
    // The cap is the answer's: it holds inside an envelope too, and is reset after.
    #[derive(Debug, Deserialize)]
    struct Envelope {
        data: List<IgnoredAny>,
    }
    assert_eq!(
        parse::<Envelope>(br#"{"data":[1,2,3,4]}"#, 3).unwrap_err(),
        Unreadable::TooMany(3)
    );
    assert_eq!(
        parse::<Envelope>(br#"{"data":[1,2,3,4]}"#, MAX_ENTRIES)
            .unwrap()
            .data
            .0
            .len(),
        4
    );
}

#[test]
fn hostile_list_of_millions_stops_at_the_cap_without_reading_on() {
    let body = format!("[{}{{}}]", "{},".repeat(2_000_000));
    let started = std::time::Instant::now();
    let e = parse::<List<IgnoredAny>>(body.as_bytes(), 100).unwrap_err();
    assert_eq!(e, Unreadable::TooMany(100));
    assert!(started.elapsed() < std::time::Duration::from_millis(500));
}

#[test]
fn other_failures_are_not_reported_as_too_many() {
    match parse::<List<u8>>(b"[1, \"x\"]", 10).unwrap_err() {
        Unreadable::Bad(e) => assert!(e.contains("unexpected shape"), "{e}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn nested_lists_hold_at_most_max_nested_entries() {
    let ok = format!("[{}1]", "1,".repeat(MAX_NESTED - 1));
    assert_eq!(
        parse::<Nested<u8>>(ok.as_bytes(), 1).unwrap().0.len(),
        MAX_NESTED
    );
    let over = format!("[{}1]", "1,".repeat(MAX_NESTED));
    assert!(matches!(
        parse::<Nested<u8>>(over.as_bytes(), 1000),
        Err(Unreadable::Bad(_))
    ));
}

#[test]
fn lenient_values_of_another_type_are_unknown() {
    #[derive(Debug, Deserialize)]
    struct Row {
        name: Lenient<String>,
        flag: Lenient<bool>,
    }
    let huge = format!("[{}{{}}]", "{},".repeat(100_000));
    let body = format!(r#"{{"name": {huge}, "flag": true}}"#);
    let row: Row = parse(body.as_bytes(), 10).unwrap();
    assert_eq!((row.name.0, row.flag.0), (None, Some(true)));
    let row: Row = parse(br#"{"name": "Ann", "flag": "yes"}"#, 10).unwrap();
    assert_eq!((row.name.0.as_deref(), row.flag.0), (Some("Ann"), None));
}

#[test]
fn loose_integers_in_every_form() {
    let n = |json: &str| parse::<LooseInt>(json.as_bytes(), 10).unwrap().0;
    assert_eq!(n("1718000000"), Some(1_718_000_000));
    assert_eq!(n("\" 42 \""), Some(42));
    assert_eq!(n("1.9e3"), Some(1900));
    assert_eq!(
        n(r#"{"low": 1718000000, "high": 0, "unsigned": false}"#),
        Some(1_718_000_000)
    );
    assert_eq!(
        n(r#"{"low": -1, "high": 1}"#),
        Some((1 << 32) | 0xFFFF_FFFF)
    );
    assert_eq!(n("18446744073709551615"), None);
    assert_eq!(n("[1, 2]"), None);
    assert_eq!(n("null"), None);
    assert_eq!(n("true"), None);
    assert_eq!(n(r#"{"high": 1}"#), None);
}
