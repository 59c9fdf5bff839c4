//! `update` with the mouse (`--mouse`): the wheel scrolls the pane under the
//! pointer, a click selects the chat drawn under it and a second click opens
//! it, a click in the conversation focuses it; clicks off the chats, moves,
//! drags and other buttons change nothing; `?`, a mark-read question and a
//! search being typed keep the mouse out. Where a chat is drawn is read off
//! the drawn screen, so the hit test is checked against the view itself.

use std::time::Duration;

use crossterm::event::{KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

use super::screens::{draw, with_open_chat};
use super::*;
use crate::browse::model::{Focus, Search, REST};

fn mouse(m: &mut Model, kind: MouseEventKind, column: u16, row: u16) -> Vec<Cmd> {
    send(
        m,
        Msg::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        }),
    )
}

fn click(m: &mut Model, column: u16, row: u16) -> Vec<Cmd> {
    mouse(m, MouseEventKind::Down(MouseButton::Left), column, row)
}

/// The screen row showing the name of list row `n`, read off the drawn
/// screen; `None` when its name is not plain enough to find.
fn drawn_row(m: &Model, n: usize) -> Option<u16> {
    let (p, i) = m.visible[n];
    let name = m.chat(p, i).name.clone()?;
    let plain = name.len() >= 4 && name.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ');
    if !plain {
        return None;
    }
    let screen = draw(m);
    let mut rows = screen.lines().enumerate().filter(|(_, l)| {
        // Only the list's part of the row: the chat pane may quote the name too.
        let list: String = l.chars().take(40).collect();
        list.contains(&format!(" {name} "))
    });
    let (y, _) = rows.next()?;
    assert!(rows.next().is_none(), "{name} drawn twice:\n{screen}");
    Some(y as u16)
}

#[test]
fn a_click_selects_the_chat_drawn_under_it_on_either_of_its_lines() {
    let mut m = loaded(&["evolution"], 40, (100, 30));
    // A kept search line shifts the rows down by one.
    m.search = Some(Search {
        input: "e".into(),
        editing: false,
    });
    m.relist();
    // Scrolled: the cursor on the last chat.
    press(&mut m, KeyCode::Char('G'));
    assert!(m.list_first > 0, "scrolled");
    let shown: Vec<(usize, u16)> = (0..m.visible.len())
        .filter_map(|n| Some((n, drawn_row(&m, n)?)))
        .collect();
    assert!(shown.len() >= 3, "plain names on screen: {shown:?}");
    for (n, y) in shown {
        let before = m.cursor;
        let cmds = click(&mut m, 5, y);
        assert_eq!(m.cursor, n, "row {y}");
        if before != n {
            assert_eq!(m.focus, Focus::List);
            // A preview as the keys ask for it: once the cursor rests.
            let want = Cmd::Messages {
                key: key_at(&m, n),
                generation: m.message_generation,
                delay: REST,
            };
            assert_eq!(cmds, [want]);
            assert_eq!(
                drawn_row(&m, n),
                Some(y),
                "the list stayed under the pointer"
            );
        }
        // Its second line: the chat is selected now, so this click opens it.
        click(&mut m, 5, y + 1);
        assert_eq!((m.cursor, m.focus), (n, Focus::Chat), "row {}", y + 1);
        assert_eq!(m.open.as_ref().map(|o| o.key.clone()), Some(key_at(&m, n)));
        press(&mut m, KeyCode::Esc); // back to the list
    }
}

/// The first screen row of list row `n` (two panes, no search line).
fn row_of(m: &Model, n: usize) -> u16 {
    u16::try_from(2 * (n - m.list_first)).unwrap()
}

#[test]
fn a_click_on_the_selected_chat_opens_it() {
    let mut m = loaded(&["evolution"], 40, (100, 30));
    // The cursor starts on the first chat: one click opens it.
    let cmds = click(&mut m, 5, 1);
    let want = Cmd::Messages {
        key: key_at(&m, 0),
        generation: 1,
        delay: Duration::ZERO,
    };
    assert_eq!(cmds, [want]);
    assert_eq!(m.focus, Focus::Chat, "opened: the focus moves to the chat");
    // Another chat: the first click selects (and previews), the second opens.
    click(&mut m, 5, 4);
    assert_eq!((m.cursor, m.focus), (2, Focus::List));
    let cmds = click(&mut m, 5, 5);
    assert!(cmds.is_empty(), "the preview asked already: {cmds:?}");
    assert_eq!(m.focus, Focus::Chat);
    assert_eq!(m.open.as_ref().map(|o| o.key.clone()), Some(key_at(&m, 2)));
}

#[test]
fn a_click_in_the_conversation_focuses_it_and_one_in_the_list_takes_it_back() {
    let mut m = with_open_chat((100, 30));
    press(&mut m, KeyCode::Tab);
    assert_eq!(m.focus, Focus::List);
    assert!(click(&mut m, 70, 10).is_empty());
    assert_eq!(m.focus, Focus::Chat);
    let open = m.cursor;
    let y = row_of(&m, open);
    click(&mut m, 5, y);
    assert_eq!(
        (m.cursor, m.focus),
        (open, Focus::Chat),
        "a click on the open chat keeps it open"
    );
    let other = m.list_first + usize::from(m.list_first == open);
    let y = row_of(&m, other);
    click(&mut m, 5, y);
    assert_eq!((m.cursor, m.focus), (other, Focus::List));
}

#[test]
fn the_wheel_moves_the_list_cursor_or_scrolls_the_conversation_under_the_pointer() {
    let mut m = with_open_chat((100, 30));
    let cursor = m.cursor;
    // Over the conversation: three lines a step, back in time going up.
    mouse(&mut m, MouseEventKind::ScrollUp, 70, 10);
    assert_eq!(m.open.as_ref().unwrap().scroll, 3);
    assert_eq!(m.cursor, cursor, "the list stays put");
    mouse(&mut m, MouseEventKind::ScrollDown, 70, 10);
    assert_eq!(m.open.as_ref().unwrap().scroll, 0);
    // Over the list: one chat a step, previewed once the cursor rests.
    let cmds = mouse(&mut m, MouseEventKind::ScrollDown, 5, 10);
    assert_eq!(m.cursor, cursor + 1);
    assert!(matches!(cmds[..], [Cmd::Messages { delay, .. }] if delay == REST));
    mouse(&mut m, MouseEventKind::ScrollUp, 5, 10);
    assert_eq!(m.cursor, cursor);
}

#[test]
fn clicks_off_the_chats_and_other_mouse_events_change_nothing() {
    let mut m = loaded(&["evolution"], 3, (100, 30));
    m.cursor = 1;
    let before = format!("{:?}", (m.cursor, m.focus, m.open.is_some(), m.help));
    let off = [
        (5, 6),   // below the last chat
        (39, 2),  // the rule between the panes
        (70, 10), // the conversation pane, with no chat open
        (5, 28),  // the status line
        (5, 29),  // the key hint
    ];
    for (x, y) in off {
        assert!(click(&mut m, x, y).is_empty(), "({x}, {y})");
    }
    for kind in [
        MouseEventKind::Down(MouseButton::Right),
        MouseEventKind::Up(MouseButton::Left),
        MouseEventKind::Drag(MouseButton::Left),
        MouseEventKind::Moved,
        MouseEventKind::ScrollLeft,
    ] {
        assert!(mouse(&mut m, kind, 5, 0).is_empty(), "{kind:?}");
    }
    let after = format!("{:?}", (m.cursor, m.focus, m.open.is_some(), m.help));
    assert_eq!(before, after);
}

#[test]
fn one_pane_below_80x24_clicks_select_then_open_and_the_wheel_scrolls_the_shown_pane() {
    let mut m = loaded(&["evolution"], 40, (60, 20));
    assert!(click(&mut m, 30, 2).is_empty(), "one pane: no preview");
    assert_eq!(m.cursor, 1);
    let cmds = click(&mut m, 30, 3);
    assert_eq!(
        cmds,
        [Cmd::Messages {
            key: key_at(&m, 1),
            generation: 1,
            delay: Duration::ZERO
        }]
    );
    assert_eq!(m.focus, Focus::Chat, "the chat takes the one pane");
    answer_messages(&mut m, cmds);
    // The whole width is the conversation now: the wheel scrolls it anywhere.
    mouse(&mut m, MouseEventKind::ScrollUp, 2, 2);
    assert_eq!(m.open.as_ref().unwrap().scroll, 3);
    assert_eq!(m.cursor, 1);
    press(&mut m, KeyCode::Esc);
    mouse(&mut m, MouseEventKind::ScrollDown, 2, 2);
    assert_eq!(m.cursor, 2, "back on the list, the wheel moves its cursor");
}

#[test]
fn help_closes_on_a_click_while_a_question_or_a_search_keeps_the_mouse_out() {
    let mut m = loaded(&["evolution"], 40, (100, 30));
    press(&mut m, KeyCode::Char('?'));
    mouse(&mut m, MouseEventKind::ScrollDown, 5, 2);
    assert!(m.help && m.cursor == 0, "the wheel leaves the help up");
    click(&mut m, 5, 2);
    assert!(!m.help && m.cursor == 0, "the click only closed the help");
    // A mark-read question waits for y or n.
    press(&mut m, KeyCode::Char('m'));
    assert!(m.confirm.is_some());
    assert!(click(&mut m, 5, 2).is_empty());
    assert!(m.confirm.is_some() && m.cursor == 0);
    press(&mut m, KeyCode::Esc);
    // A search being typed keeps the keys, and the mouse changes nothing.
    press(&mut m, KeyCode::Char('/'));
    typed(&mut m, "a");
    let cursor = m.cursor;
    assert!(click(&mut m, 5, 4).is_empty());
    assert!(mouse(&mut m, MouseEventKind::ScrollDown, 5, 4).is_empty());
    assert_eq!(m.cursor, cursor);
    assert!(m.typing());
}
