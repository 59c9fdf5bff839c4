//! The filters applied here, exactly at their boundaries.

use super::*;

fn at(secs: i64) -> Timestamp {
    Timestamp::from_secs(secs).unwrap()
}

fn msg(secs: i64, from_me: bool, kind: MessageKind, text: Option<&str>) -> Message {
    let mut m = Message::new("p", "t", "1@s.whatsapp.net", &format!("M{secs}"));
    m.at = Timestamp::from_secs(secs);
    m.from_me = Some(from_me);
    m.kind = kind;
    m.text = text.map(str::to_owned);
    m
}

fn request() -> Request {
    Request::newest(20)
}

#[test]
fn since_includes_its_instant_before_excludes_it() {
    let r = Request {
        since: Some(at(1000)),
        before: Some(Before::Time(at(2000))),
        ..request()
    };
    let keeps = |s| r.keeps(&msg(s, false, MessageKind::Text, Some("x")));
    assert!(!keeps(999));
    assert!(keeps(1000));
    assert!(keeps(1999));
    assert!(!keeps(2000));
    let mut unknown = msg(1500, false, MessageKind::Text, None);
    unknown.at = None;
    assert!(
        !r.keeps(&unknown),
        "no time cannot be shown to be in the window"
    );
}

#[test]
fn direction_kind_and_search_are_exact() {
    let r = Request {
        from_me: Some(false),
        kinds: vec![MessageKind::Image],
        search: Some("look".into()),
        ..request()
    };
    assert!(r.keeps(&msg(1, false, MessageKind::Image, Some("LOOK at this"))));
    assert!(!r.keeps(&msg(1, true, MessageKind::Image, Some("look"))));
    assert!(!r.keeps(&msg(1, false, MessageKind::Video, Some("look"))));
    assert!(!r.keeps(&msg(1, false, MessageKind::Image, None)));
}

fn caps(paging: Paging, filter_time: bool, from_me: FromMeFilter) -> MessageCapabilities {
    MessageCapabilities {
        gateway: "X",
        paging,
        max_page_size: 100,
        short_page_ends: true,
        whole_pages: false,
        filter_time,
        filter_from_me: from_me,
        arrival: Arrival::NewestFirst,
        dm_server: "c.us",
        empty_hint: None,
    }
}

#[test]
fn before_time_asks_the_gateway_one_second_earlier() {
    let r = Request {
        since: Some(at(1000)),
        before: Some(Before::Time(at(2000))),
        from_me: Some(false),
        ..request()
    };
    let plan = Plan::new(
        r.clone(),
        caps(Paging::Cursor, true, FromMeFilter::OnlyOwn),
        "c",
    )
    .unwrap();
    assert_eq!(
        (plan.query.since, plan.query.until),
        (Some(at(1000)), Some(at(1999)))
    );
    assert_eq!(
        plan.query.from_me, None,
        "only `true` filters on this gateway"
    );
    let plan = Plan::new(r, caps(Paging::Cursor, false, FromMeFilter::None), "c").unwrap();
    assert_eq!((plan.query.since, plan.query.until), (None, None));
}

#[test]
fn all_on_a_gateway_without_paging_is_refused_naming_it() {
    let r = Request {
        limit: None,
        ..request()
    };
    let e = Plan::new(r, caps(Paging::Single, false, FromMeFilter::None), "c")
        .err()
        .unwrap();
    assert_eq!(crate::exit::from_error(&e), crate::exit::Exit::Unsupported);
    assert!(e.to_string().contains("X returns only"), "{e}");
}
