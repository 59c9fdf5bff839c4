//! The `?` overlay: every row of the key table (the same table that
//! drives the keys, the hint and the README's table), its words wrapped
//! under their own column, and the mouse when on. On a screen too small for
//! all of it, `j`/`k` scroll it (gitui's help scrolls the same way).

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use ratatui::Frame;

use super::keys;
use super::model::Model;
use super::view::Styles;
use crate::output::conversation::wrap;

/// Columns of the key column in `?`.
const KEY_W: usize = 8;

/// Where the `?` overlay goes: centred, at most 76 columns wide.
fn help_rect(m: &Model) -> Rect {
    let (w, h) = m.size;
    let width = w.saturating_sub(4).clamp(1, 76).min(w);
    let height = (help_lines(m).len() as u16 + 2).min(h);
    Rect::new((w - width) / 2, (h - height) / 2, width, height)
}

/// The `?` overlay's lines: every row of the key table, its words wrapped
/// under their own column, the mouse when on, and how to close it.
fn help_lines(m: &Model) -> Vec<Line<'static>> {
    let st = Styles::of(m);
    let inner = usize::from(m.size.0.saturating_sub(4).min(76).saturating_sub(2));
    let text_w = inner.saturating_sub(KEY_W).max(8);
    let mut rows: Vec<(&str, &str)> = keys::TABLE.iter().map(|b| (b.shown, b.does)).collect();
    if m.look.mouse {
        rows.push(("mouse", keys::MOUSE));
    }
    let mut lines = Vec::new();
    for (shown, does) in rows {
        for (i, part) in wrap(does, text_w).into_iter().enumerate() {
            let k = if i == 0 { shown } else { "" };
            lines.push(Line::from(vec![
                Span::styled(format!("{k:<KEY_W$}"), st.bold),
                Span::raw(part),
            ]));
        }
    }
    let closes = match m.look.mouse {
        true => "any other key or a click closes this",
        false => "any other key closes this",
    };
    let foot = format!("{closes}; opening a chat never marks it read");
    for part in wrap(&foot, inner.max(8)) {
        lines.push(Line::from(Span::styled(part, st.dim)));
    }
    lines
}

/// How far `?` can scroll: the lines that do not fit on the screen.
pub fn help_scroll_max(m: &Model) -> usize {
    let room = usize::from(help_rect(m).height.saturating_sub(2));
    help_lines(m).len().saturating_sub(room)
}

/// The `?` overlay; `j`/`k` scroll it where the screen is too small.
pub fn help(m: &Model, f: &mut Frame) {
    let rect = help_rect(m).intersection(f.area());
    let max = help_scroll_max(m);
    let title = match max {
        0 => " keys ",
        _ => " keys (j/k scroll) ",
    };
    let scroll = m.help_scroll.min(max) as u16;
    f.render_widget(Clear, rect);
    f.render_widget(
        Paragraph::new(help_lines(m))
            .scroll((scroll, 0))
            .block(Block::bordered().title(title)),
        rect,
    );
}
