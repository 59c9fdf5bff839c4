//! The pager against a scripted source: every way a gateway can page wrongly.

use std::cell::RefCell;

use super::*;
use crate::provider::Class;

/// A gateway whose answers a closure writes; it records every request.
struct Scripted<F> {
    paging: Paging,
    answer: F,
    calls: RefCell<Vec<(PageAt, Option<u32>)>>,
}

fn scripted<F>(paging: Paging, answer: F) -> Scripted<F>
where
    F: Fn(&PageAt, Option<u32>) -> Batch<String>,
{
    Scripted {
        paging,
        answer,
        calls: RefCell::new(Vec::new()),
    }
}

impl<F: Fn(&PageAt, Option<u32>) -> Batch<String>> Source for Scripted<F> {
    type Item = String;
    fn gateway(&self) -> &'static str {
        "Acme"
    }
    fn noun(&self) -> &'static str {
        "chats"
    }
    fn paging(&self) -> Paging {
        self.paging
    }
    fn throttle_count(&self) -> u32 {
        0
    }
    fn id(item: &String) -> &str {
        item
    }
    async fn fetch(&self, at: PageAt, size: Option<u32>) -> Result<Batch<String>, ProviderError> {
        self.calls.borrow_mut().push((at.clone(), size));
        Ok((self.answer)(&at, size))
    }
}

fn batch(
    ids: impl IntoIterator<Item = u64>,
    total: Option<u64>,
    next: Option<&str>,
) -> Batch<String> {
    Batch {
        items: ids.into_iter().map(|i| format!("c{i}")).collect(),
        total,
        next_cursor: next.map(str::to_owned),
        ceiling: None,
    }
}

/// An inbox of `n` chats served by offset, honestly.
fn offset_inbox(n: u64, total: Option<u64>) -> impl Fn(&PageAt, Option<u32>) -> Batch<String> {
    move |at, size| {
        let (o, s) = (at.offset(), u64::from(size.unwrap()));
        batch(o.min(n)..(o + s).min(n), total, None)
    }
}

/// Every page until the end, or the first error.
async fn drain<S: Source<Item = String>>(
    pager: &mut Pager<'_, S>,
    want: Option<usize>,
) -> Result<Vec<String>, ProviderError> {
    let mut all = Vec::new();
    while let Some(page) = pager.next(want, want.is_none()).await? {
        all.extend(page);
    }
    Ok(all)
}

const OFFSET: Paging = Paging::Offset { total: false };
const TOTAL: Paging = Paging::Offset { total: true };

#[tokio::test]
async fn repeated_cursor_ends_paging_exit_8() {
    let src = scripted(Paging::Cursor, |at, _| match at {
        PageAt::Cursor(None) => batch(0..2, None, Some("k1")),
        _ => batch(2..4, None, Some("k1")),
    });
    let mut pager = Pager::new(&src, PageAt::Cursor(None), 2, 1);
    let e = drain(&mut pager, None).await.unwrap_err();
    assert_eq!(e.class(), Class::BadResponse);
    assert!(
        e.to_string().contains("Acme repeated the cursor \"k1\""),
        "{e}"
    );
    assert_eq!(src.calls.borrow().len(), 2);
}

#[tokio::test]
async fn fresh_cursor_with_same_chats_ends_paging_exit_8() {
    let n = std::cell::Cell::new(0);
    let src = scripted(Paging::Cursor, |_, _| {
        n.set(n.get() + 1);
        batch(0..10, None, Some(&format!("fresh{}", n.get())))
    });
    for want in [None, Some(50)] {
        let mut pager = Pager::new(&src, PageAt::Cursor(None), 10, 4);
        let e = drain(&mut pager, want).await.unwrap_err();
        assert_eq!(e.class(), Class::BadResponse);
        let text = e.to_string();
        assert!(text.starts_with("Acme kept repeating chats"), "{text}");
        assert!(text.contains("cursor \"fresh"), "{text}");
    }
    assert_eq!(
        src.calls.borrow().len(),
        4,
        "two pages per run, then it stops"
    );
}

#[tokio::test]
async fn offset_pages_that_repeat_end_paging_exit_8() {
    let src = scripted(OFFSET, |_, _| batch(0..10, None, None));
    let mut pager = Pager::new(&src, PageAt::Offset(0), 10, 4);
    let e = drain(&mut pager, None).await.unwrap_err();
    assert!(
        e.to_string()
            .contains("kept repeating chats: the page at offset 10"),
        "{e}"
    );
    assert_eq!(e.class(), Class::BadResponse);
}

#[tokio::test]
async fn shifted_offsets_drop_duplicates_and_resume_at_the_first_unused_row() {
    // A new message moved c4 up between the two requests: page 2 starts with it again.
    let src = scripted(OFFSET, |at, _| match at.offset() {
        0 => batch(0..5, None, None),
        5 => batch([4, 5, 6, 7, 8], None, None),
        _ => batch(9..11, None, None),
    });
    let mut pager = Pager::new(&src, PageAt::Offset(0), 5, 1);
    assert_eq!(pager.next(Some(10), false).await.unwrap().unwrap().len(), 5);
    let second = pager.next(Some(5), false).await.unwrap().unwrap();
    assert_eq!(second, ["c5", "c6", "c7", "c8"]);
    // Two rows used: the next unused one (c7) sits at position 3 of the page at 5.
    assert_eq!(pager.resume(2), Some(Resume::Offset(8)));
    // All used: the next page starts after the whole page, duplicate included.
    assert_eq!(pager.resume(4), Some(Resume::Offset(10)));
    let rest = drain(&mut pager, None).await.unwrap();
    assert_eq!(rest, ["c9", "c10"]);
    assert_eq!(pager.resume(2), None, "a short page is the end");
}

#[tokio::test]
async fn oversized_offset_page_is_exit_8_not_a_short_list() {
    for paging in [OFFSET, TOTAL] {
        let src = scripted(paging, |at, _| {
            batch(at.offset()..at.offset() + 1000, Some(3000), None)
        });
        let mut pager = Pager::new(&src, PageAt::Offset(0), 100, 4);
        let e = drain(&mut pager, None).await.unwrap_err();
        assert_eq!(e.class(), Class::BadResponse);
        assert!(
            e.to_string()
                .contains("Acme ignored the page size: asked for 100 chats, it sent 1000"),
            "{e}"
        );
    }
    let src = scripted(Paging::Cursor, |_, _| batch(0..7, None, Some("k")));
    let mut pager = Pager::new(&src, PageAt::Cursor(None), 5, 1);
    assert!(drain(&mut pager, None)
        .await
        .unwrap_err()
        .to_string()
        .contains("page size"));
}

#[tokio::test]
async fn total_zero_means_unknown_and_paging_goes_on() {
    let src = scripted(TOTAL, offset_inbox(25, Some(0)));
    let mut pager = Pager::new(&src, PageAt::Offset(0), 10, 4);
    let all = drain(&mut pager, None).await.unwrap();
    assert_eq!(all.len(), 25);
    assert_eq!(pager.total(), Some(0));
}

#[tokio::test]
async fn total_reached_stops_without_reading_past_it() {
    let src = scripted(TOTAL, offset_inbox(25, Some(25)));
    let mut pager = Pager::new(&src, PageAt::Offset(0), 10, 4);
    assert_eq!(drain(&mut pager, None).await.unwrap().len(), 25);
    let offsets: Vec<u64> = src.calls.borrow().iter().map(|(a, _)| a.offset()).collect();
    assert_eq!(offsets, [0, 10, 20]);
}

#[tokio::test]
async fn growing_total_ends_at_the_first_empty_page() {
    // Every answer claims more than there is; the data ends at 35.
    let src = scripted(TOTAL, |at, size| {
        let (o, s) = (at.offset(), u64::from(size.unwrap()));
        batch(o.min(35)..(o + s).min(35), Some(o + 3 * s), None)
    });
    let mut pager = Pager::new(&src, PageAt::Offset(0), 10, 4);
    let all = drain(&mut pager, None).await.unwrap();
    assert_eq!(all.len(), 35);
    assert!(
        src.calls.borrow().len() <= 4 + 4,
        "{:?}",
        src.calls.borrow()
    );
}

#[tokio::test]
async fn read_ahead_yields_pages_in_order() {
    let src = scripted(OFFSET, offset_inbox(95, None));
    let mut pager = Pager::new(&src, PageAt::Offset(0), 10, 4);
    let all = drain(&mut pager, None).await.unwrap();
    let expected: Vec<String> = (0..95).map(|i| format!("c{i}")).collect();
    assert_eq!(all, expected);
}

#[tokio::test]
async fn cursor_ends_on_absent_or_empty_cursor_and_on_an_empty_page() {
    let src = scripted(Paging::Cursor, |at, _| match at {
        PageAt::Cursor(None) => batch(0..3, None, Some("k1")),
        PageAt::Cursor(Some(c)) if c == "k1" => batch(3..6, None, Some("")),
        _ => unreachable!(),
    });
    let mut pager = Pager::new(&src, PageAt::Cursor(None), 3, 1);
    assert_eq!(drain(&mut pager, None).await.unwrap().len(), 6);
    let src = scripted(Paging::Cursor, |at, _| match at {
        PageAt::Cursor(None) => batch(0..3, None, Some("k1")),
        _ => batch(0..0, None, Some("k2")),
    });
    let mut pager = Pager::new(&src, PageAt::Cursor(None), 3, 1);
    assert_eq!(drain(&mut pager, None).await.unwrap().len(), 3);
    assert_eq!(pager.resume(3), None);
}

#[tokio::test]
async fn cursor_resume_is_the_next_cursor_or_mid_page() {
    let src = scripted(Paging::Cursor, |_, _| batch(0..3, None, Some("k1")));
    let mut pager = Pager::new(&src, PageAt::Cursor(None), 3, 1);
    pager.next(Some(3), false).await.unwrap();
    assert_eq!(pager.resume(3), Some(Resume::Cursor("k1".into())));
    assert_eq!(pager.resume(1), Some(Resume::MidCursorPage));
}

#[tokio::test]
async fn single_call_asks_for_what_is_wanted_and_stops() {
    let src = scripted(Paging::Single, |_, size| {
        batch(0..u64::from(size.unwrap_or(9)), None, None)
    });
    let mut pager = Pager::new(&src, PageAt::Single, 100, 4);
    assert_eq!(drain(&mut pager, Some(4)).await.unwrap().len(), 4);
    assert_eq!(src.calls.borrow()[0], (PageAt::Single, Some(4)));
    let mut pager = Pager::new(&src, PageAt::Single, 100, 4);
    assert_eq!(drain(&mut pager, None).await.unwrap().len(), 9);
}

// See: issue 9 item 13 — offsets near 2^64 wrapped around (and panicked in a debug build).
#[tokio::test]
async fn offsets_near_u64_max_end_paging_instead_of_wrapping() {
    let src = scripted(OFFSET, |at, size| Batch {
        items: (0..size.unwrap())
            .map(|i| format!("{}+{i}", at.offset()))
            .collect(),
        total: None,
        next_cursor: None,
        ceiling: None,
    });
    let mut pager = Pager::new(&src, PageAt::Offset(u64::MAX - 4), 2, 1);
    let first = pager.next(None, false).await.unwrap().unwrap();
    assert_eq!(first.len(), 2);
    assert_eq!(pager.resume(1), Some(Resume::Offset(u64::MAX - 3)));
    assert_eq!(pager.resume(2), Some(Resume::Offset(u64::MAX - 2)));
    pager.next(None, false).await.unwrap().unwrap();
    let e = pager.next(None, false).await.unwrap_err();
    assert_eq!(e.class(), Class::BadResponse);
    assert!(
        e.to_string().contains("paged past the largest offset"),
        "{e}"
    );
}
