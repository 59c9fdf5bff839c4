//! The open chat's pane: a title (name and JID), the search line when one is
//! active, and the conversation laid out exactly as `messages list` prints it
//! (`output::conversation::Lines`: day separators, senders, media
//! placeholders, replies, ticks), scrolled up from the newest message.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::model::{Focus, Model, Open};
use super::view::{screen, search_line, Styles};
use crate::output::conversation::{Line as Styled, Lines, Tone};
use crate::sanitize;

/// Rows above the conversation: the title, and the search line when shown.
fn header_rows(open: &Open) -> u16 {
    1 + u16::from(open.search.is_some())
}

/// The conversation's lines at the pane's width (search applied).
fn conversation(m: &Model, open: &Open, width: usize) -> Vec<Styled> {
    let Some(messages) = &open.messages else {
        return Vec::new();
    };
    let needle = open.search.as_ref().and_then(|s| s.needle());
    let shown: Vec<_> = messages
        .iter()
        .filter(|msg| {
            needle.as_deref().is_none_or(|n| {
                msg.text
                    .as_deref()
                    .is_some_and(|t| t.to_lowercase().contains(n))
            })
        })
        .collect();
    let mut lines = Lines::new(
        m.look.time,
        width,
        Lines::sender_width_for(shown.iter().copied()),
        m.now.datetime(),
    );
    shown.iter().flat_map(|msg| lines.message(msg)).collect()
}

fn pane_width(m: &Model) -> usize {
    screen(m)
        .chat
        .map_or(usize::from(m.size.0), |r| usize::from(r.width))
}

/// How many lines the open conversation has (for scrolling).
pub fn line_count(m: &Model) -> usize {
    m.open.as_ref().map_or(0, |o| {
        conversation(m, o, pane_width(m).saturating_sub(1)).len()
    })
}

pub fn render(m: &Model, f: &mut Frame, area: Rect) {
    let st = Styles::of(m);
    let Some(open) = &m.open else {
        let text = if m.visible.is_empty() {
            ""
        } else {
            " ⏎ opens the chat under the cursor"
        };
        f.render_widget(Paragraph::new(Span::styled(text, st.dim)), area);
        return;
    };
    let chat = m.open_chat();
    let name = chat
        .and_then(|c| c.name.as_deref())
        .map(sanitize::one_line)
        .filter(|n| !n.is_empty());
    let id = chat
        .and_then(|c| c.jid.clone())
        .unwrap_or_else(|| open.key.id.clone());
    let mut title = vec![Span::raw(" ")];
    if let Some(n) = name {
        title.push(Span::styled(format!("{n} "), st.bold));
    }
    title.push(Span::styled(sanitize::one_line(&id), st.dim));
    if m.merged() {
        let profile = &m.profiles[open.key.profile].name;
        title.push(Span::styled(format!(" · {profile}"), st.dim));
    }
    let focused = m.focus == Focus::Chat;
    let title_style = if focused && m.two_panes() {
        st.selected
    } else {
        Style::new()
    };
    f.render_widget(
        Paragraph::new(Line::from(title)).style(title_style),
        Rect { height: 1, ..area },
    );
    if let Some(search) = &open.search {
        let row = Rect {
            y: area.y + 1,
            height: 1,
            ..area
        };
        search_line(m, f, row, search);
    }
    let top = header_rows(open).min(area.height);
    let body = Rect {
        x: area.x + 1,
        y: area.y + top,
        width: area.width.saturating_sub(1),
        height: area.height - top,
    };
    let lines = conversation(m, open, usize::from(body.width));
    let status = match (&open.error, open.loading, &open.messages) {
        (Some(e), _, _) => Some((format!("✗ {e}"), st.error)),
        (None, true, None) => Some(("loading messages…".to_owned(), st.dim)),
        (None, false, Some(v)) if v.is_empty() => Some(("no messages".to_owned(), st.dim)),
        (None, false, Some(_)) if lines.is_empty() => {
            Some(("no message matches the search".to_owned(), st.dim))
        }
        _ => None,
    };
    let rows = usize::from(body.height);
    let mut shown: Vec<Line> = Vec::new();
    if let Some((text, style)) = status {
        shown.push(Line::from(Span::styled(text, style)));
    }
    let room = rows.saturating_sub(shown.len());
    let end = lines.len().saturating_sub(open.scroll);
    let start = end.saturating_sub(room);
    shown.extend(lines[start..end].iter().map(|l| styled(&st, l)));
    f.render_widget(Paragraph::new(shown), body);
}

fn styled(st: &Styles, line: &Styled) -> Line<'static> {
    Line::from(
        line.iter()
            .map(|(tone, text)| {
                let style = match tone {
                    Tone::Plain => Style::new(),
                    Tone::Dim => st.dim,
                    Tone::Bold => st.bold,
                    Tone::Read => st.read,
                };
                Span::styled(text.clone(), style)
            })
            .collect::<Vec<_>>(),
    )
}
