//! The chat list pane: two lines per chat. The first holds the waiting
//! mark (●: the last message is incoming), the name (bold when unread; a
//! chat without one shows its phone, else its JID, dimmed), the profile when
//! several are merged, and how long ago it was active; the second the
//! last-message preview and the unread badge — only where the gateway counts:
//! an unknown count shows nothing, never a 0. All text sanitised, cut by
//! display width (emoji and CJK take two columns).

use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use super::list::{unread, waiting};
use super::model::{Filter, Model};
use super::view::{search_line, Styles};
use crate::chat::Chat;
use crate::sanitize;

/// Where the list's parts go inside its pane: the search line (when one is
/// shown), then the chats, two lines each, from the first one shown before
/// (`Model::list_first`) as long as the cursor stays in view, else scrolled
/// just enough to show it. Drawing and the mouse (`chat_at`) both place rows
/// by this alone; `update` keeps `list_first` up to date after each message.
pub struct ListLayout {
    pub search: Option<Rect>,
    pub rows: Rect,
    /// The first chat shown (an index into `visible`), and how many fit.
    pub first: usize,
    pub count: usize,
}

pub fn layout(m: &Model, area: Rect) -> ListLayout {
    let (search, rows) = match m.search {
        Some(_) => (
            Some(Rect { height: 1, ..area }),
            Rect {
                y: area.y + 1,
                height: area.height.saturating_sub(1),
                ..area
            },
        ),
        None => (None, area),
    };
    let count = usize::from(rows.height / 2).max(1);
    let lowest = m.cursor.saturating_sub(count - 1);
    let first = m
        .list_first
        .min(m.visible.len().saturating_sub(count))
        .clamp(lowest, m.cursor);
    ListLayout {
        search,
        rows,
        first,
        count,
    }
}

/// The chat (an index into `visible`) drawn at `at` when the list's rows
/// fill `area`; `None` off the rows (the search line, below the last chat).
pub fn chat_at(m: &Model, area: Rect, at: Position) -> Option<usize> {
    let l = layout(m, area);
    if !l.rows.contains(at) {
        return None;
    }
    let n = l.first + usize::from((at.y - l.rows.y) / 2);
    (n < l.first + l.count && n < m.visible.len()).then_some(n)
}

pub fn render(m: &Model, f: &mut Frame, area: Rect) {
    let l = layout(m, area);
    if let (Some(search), Some(line)) = (&m.search, l.search) {
        search_line(m, f, line, search);
    }
    let area = l.rows;
    let st = Styles::of(m);
    if m.visible.is_empty() {
        f.render_widget(Paragraph::new(Span::styled(empty(m), st.dim)), area);
        return;
    }
    let width = usize::from(area.width);
    let mut lines = Vec::new();
    for (n, &(p, i)) in m.visible.iter().enumerate().skip(l.first).take(l.count) {
        let [a, b] = row(m, m.chat(p, i), width);
        if n == m.cursor {
            lines.push(a.style(st.selected));
            lines.push(b.style(st.selected));
        } else {
            lines.extend([a, b]);
        }
    }
    f.render_widget(Paragraph::new(lines), area);
}

fn empty(m: &Model) -> String {
    let loading = m.profiles.iter().any(|p| p.loading);
    let total: usize = m.profiles.iter().map(|p| p.chats.len()).sum();
    match m.filter {
        _ if total == 0 && loading => " loading chats…".to_owned(),
        _ if total == 0 => " no chats".to_owned(),
        _ if m.search.is_some() => " no chat matches the search (Esc clears it)".to_owned(),
        Filter::Unread => " no unread chats (a: all)".to_owned(),
        Filter::Waiting => " no chat awaits a reply (a: all)".to_owned(),
        Filter::All => " no chats of this profile (p: next)".to_owned(),
    }
}

/// A chat's two lines, `width` columns wide.
fn row(m: &Model, c: &Chat, width: usize) -> [Line<'static>; 2] {
    let st = Styles::of(m);
    let count = unread(c);
    let mark = if waiting(c) { "● " } else { "  " };
    let (name, name_style) = match c.name.as_deref().map(sanitize::one_line) {
        Some(n) if !n.is_empty() => (n, if count > 0 { st.bold } else { Style::new() }),
        _ => (
            c.phone
                .as_ref()
                .map(|p| format!("+{p}"))
                .or_else(|| c.jid.clone())
                .unwrap_or_else(|| c.id.clone()),
            st.dim,
        ),
    };
    let when = c
        .last_activity_at
        .map(|t| short_age(m.now.secs() - t.secs()))
        .unwrap_or_default();
    let profile = if m.merged() {
        format!(" {}", sanitize::one_line(&c.profile))
    } else {
        String::new()
    };
    let right = format!("{profile} {when} ");
    let room = width.saturating_sub(mark.width() + right.width());
    let name = sanitize::truncate_width(&sanitize::one_line(&name), room);
    let pad = " ".repeat(room.saturating_sub(name.width()));
    let first = Line::from(vec![
        Span::styled(mark, st.waiting),
        Span::styled(name, name_style),
        Span::raw(pad),
        Span::styled(right, st.dim),
    ]);
    let badge = if count > 0 {
        format!(" {count} ")
    } else {
        String::new()
    };
    let room = width.saturating_sub(2 + badge.width() + 1);
    let text = sanitize::truncate_width(&preview(c), room);
    let pad = " ".repeat(room.saturating_sub(text.width()));
    let second = Line::from(vec![
        Span::raw("  "),
        Span::styled(text, st.dim),
        Span::raw(pad),
        Span::styled(badge, st.badge),
        Span::raw(" "),
    ]);
    [first, second]
}

/// The last message, one line: `me: ` for own ones, `[media]` without text.
fn preview(c: &Chat) -> String {
    let Some(last) = &c.last_message else {
        return String::new();
    };
    let body = last
        .body
        .as_deref()
        .map(sanitize::one_line)
        .filter(|b| !b.is_empty())
        .unwrap_or_else(|| "[media]".to_owned());
    match last.from_me {
        Some(true) => format!("me: {body}"),
        _ => body,
    }
}

/// "now", "5m", "3h", "2d", "7w": a list column's worth of age.
pub fn short_age(secs: i64) -> String {
    let s = secs.max(0);
    match s {
        0..=59 => "now".to_owned(),
        60..=3599 => format!("{}m", s / 60),
        3600..=86_399 => format!("{}h", s / 3600),
        86_400..=1_209_599 => format!("{}d", s / 86_400),
        _ => format!("{}w", s / 604_800),
    }
}
