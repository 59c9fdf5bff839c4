//! The pure `view(&Model, &mut Frame)`: panes, status line, key hint and
//! the `?` overlay, drawn from the model alone. At 80×24 and above the chat
//! list and the open chat sit side by side; below, one pane at a time (the
//! focused one). Colours only with `--color`/`NO_COLOR` allowing them, and
//! only the 16 basic ones; without colour, bold/reverse/dim carry the meaning.

use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui::Frame;

use super::keys;
use super::mark::{plan_words, Confirm, Step};
use super::model::{Filter, Focus, Model, Search};
use super::{view_chat, view_help, view_list};
use crate::output::table::relative;
use crate::sanitize;

/// Where each part goes.
pub struct Panes {
    pub list: Option<Rect>,
    /// Inside the list's frame: where its rows are drawn.
    pub list_inner: Option<Rect>,
    pub chat: Option<Rect>,
    pub status: Rect,
    pub hint: Rect,
}

/// The whole screen the model is sized for: what the mouse points into,
/// and how wide the conversation is laid out.
pub fn screen(m: &Model) -> Panes {
    panes(m, Rect::new(0, 0, m.size.0, m.size.1))
}

/// The list's frame: a rule on its right when the chat sits beside it.
fn list_block(m: &Model, beside: bool) -> Block<'static> {
    if beside {
        Block::new()
            .borders(Borders::RIGHT)
            .border_style(Styles::of(m).dim)
    } else {
        Block::new()
    }
}

pub fn panes(m: &Model, area: Rect) -> Panes {
    let [main, status, hint] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let (list, chat) = if m.two_panes() {
        let list_w = (area.width * 2 / 5).clamp(30, 64);
        let [l, c] =
            Layout::horizontal([Constraint::Length(list_w), Constraint::Min(1)]).areas(main);
        (Some(l), Some(c))
    } else if m.focus == Focus::Chat && m.open.is_some() {
        (None, Some(main))
    } else {
        (Some(main), None)
    };
    Panes {
        list,
        list_inner: list.map(|l| list_block(m, chat.is_some()).inner(l)),
        chat,
        status,
        hint,
    }
}

pub fn view(m: &Model, f: &mut Frame) {
    let p = panes(m, f.area());
    if let (Some(area), Some(inner)) = (p.list, p.list_inner) {
        f.render_widget(list_block(m, p.chat.is_some()), area);
        view_list::render(m, f, inner);
    }
    if let Some(area) = p.chat {
        view_chat::render(m, f, area);
    }
    f.render_widget(Paragraph::new(status_line(m)), p.status);
    f.render_widget(
        Paragraph::new(Span::styled(hint_text(m), Styles::of(m).dim)),
        p.hint,
    );
    if m.help {
        view_help::help(m, f);
    }
    if let Some(c) = m.confirm.as_ref().filter(|c| !c.hidden) {
        confirm(m, f, c);
    }
}

/// The mark-read question, over everything else.
fn confirm(m: &Model, f: &mut Frame, c: &Confirm) {
    let st = Styles::of(m);
    let area = f.area();
    let width = area.width.saturating_sub(4).min(70);
    let height = 7.min(area.height);
    let rect = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    let mut lines = vec![Line::from(vec![
        Span::raw("Mark "),
        Span::styled(c.label.clone(), st.bold),
        Span::raw(" read?"),
    ])];
    match &c.step {
        Step::Planning => lines.push(Line::from(Span::styled(
            "asking the gateway what it would do…",
            st.dim,
        ))),
        Step::Asking(plan) => {
            lines.push(Line::from(plan_words(plan)));
            lines.push(Line::from(Span::styled(
                "y or ⏎ marks it read · n or Esc cancels",
                st.bold,
            )));
        }
        Step::Sending => lines.push(Line::from(Span::styled("marking read…", st.dim))),
    }
    f.render_widget(Clear, rect);
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(" mark read ")),
        rect,
    );
}

/// The styles of this run (colour or not).
pub struct Styles {
    pub dim: Style,
    pub bold: Style,
    pub selected: Style,
    pub error: Style,
    pub badge: Style,
    pub waiting: Style,
    pub read: Style,
}

impl Styles {
    pub fn of(m: &Model) -> Styles {
        let plain = Style::new();
        if m.look.color {
            Styles {
                dim: plain.fg(Color::DarkGray),
                bold: plain.add_modifier(Modifier::BOLD),
                selected: plain.bg(Color::Blue).fg(Color::White),
                error: plain.fg(Color::Red),
                badge: plain.bg(Color::Green).fg(Color::Black),
                waiting: plain.fg(Color::Yellow),
                read: plain.fg(Color::Blue),
            }
        } else {
            Styles {
                dim: plain.add_modifier(Modifier::DIM),
                bold: plain.add_modifier(Modifier::BOLD),
                selected: plain.add_modifier(Modifier::REVERSED),
                error: plain.add_modifier(Modifier::BOLD),
                badge: plain.add_modifier(Modifier::REVERSED),
                waiting: plain,
                read: plain,
            }
        }
    }
}

/// A search line (`/ text`), placing the cursor while it is typed.
pub fn search_line(m: &Model, f: &mut Frame, area: Rect, search: &Search) {
    let width = usize::from(area.width.saturating_sub(2)).max(1);
    let scroll = search.input.visual_scroll(width);
    let shown = sanitize::one_line(search.input.value());
    let shown: String = shown.chars().skip(scroll).collect();
    let style = if search.editing {
        Style::new()
    } else {
        Styles::of(m).dim
    };
    f.render_widget(
        Paragraph::new(Span::styled(format!("/ {shown}"), style)),
        area,
    );
    if search.editing {
        let x = (search.input.visual_cursor().saturating_sub(scroll) + 2) as u16;
        f.set_cursor_position(Position::new(area.x + x.min(area.width), area.y));
    }
}

/// The status line: filters, then what needs attention — each failing
/// gateway, a write still on its way, a note — then every other profile.
/// When that is wider than the screen, the others shrink to a word each, so
/// a failing gateway is never cut off by a healthy one (nor by a note).
fn status_line(m: &Model) -> Line<'static> {
    let st = Styles::of(m);
    let mut first = Vec::new();
    let mut tag = |s: String| first.push(Span::styled(format!("[{s}] "), st.bold));
    match m.filter {
        Filter::All => {}
        Filter::Unread => tag("unread".to_owned()),
        Filter::Waiting => tag("waiting".to_owned()),
    }
    if let Some(p) = m.only_profile {
        tag(format!("only {}", m.profiles[p].name));
    }
    let age = |t: Option<crate::time::Timestamp>| {
        t.map_or_else(String::new, |t| relative(m.now.secs() - t.secs()))
    };
    let mut failing = Vec::new();
    let (mut full, mut short) = (Vec::new(), Vec::new());
    for p in &m.profiles {
        if let Some(e) = &p.error {
            let shown = match (p.loading, p.taken_at) {
                (true, _) => format!("{}: ✗ {e} · trying again…", p.name),
                (false, Some(t)) => format!("{}: ✗ {e} · chats from {}", p.name, age(Some(t))),
                (false, None) => format!("{}: ✗ {e}", p.name),
            };
            failing.push(Span::styled(shown, st.error));
            continue;
        }
        let (long, word) = match (p.loading, p.from_cache) {
            (true, true) => (format!("cached {}, refreshing…", age(p.taken_at)), "…"),
            (true, false) if p.taken_at.is_none() => ("loading…".to_owned(), "…"),
            (true, false) => ("refreshing…".to_owned(), "…"),
            (false, true) => (format!("cached {}", age(p.taken_at)), "cached"),
            (false, false) => (
                format!("{} chats, updated {}", p.chats.len(), age(p.taken_at)),
                "✓",
            ),
        };
        full.push(format!("{}: {long}", p.name));
        short.push(format!("{} {word}", p.name));
    }
    let mut notes = Vec::new();
    if let Some(c) = m.confirm.as_ref().filter(|c| c.hidden) {
        notes.push(Span::styled(format!("{}: marking read…", c.label), st.bold));
    }
    if let Some(note) = &m.note {
        notes.push(Span::styled(note.clone(), st.bold));
    }
    let line = |others: &[String]| {
        let mut spans = first.clone();
        let parts = failing.iter().chain(&notes).cloned();
        let parts = parts.chain(others.iter().map(|o| Span::raw(o.clone())));
        for (i, part) in parts.enumerate() {
            if i > 0 {
                spans.push(Span::styled(" │ ", st.dim));
            }
            spans.push(part);
        }
        Line::from(spans)
    };
    let long = line(&full);
    if long.width() <= usize::from(m.size.0) {
        long
    } else {
        line(&short)
    }
}

fn hint_text(m: &Model) -> String {
    if m.typing() {
        "type to search  ⏎ keep it  Esc clear".to_owned()
    } else {
        keys::hint(usize::from(m.size.0))
    }
}
