//! Drawing: pure functions from [`App`] to a frame. Nothing here changes the state.

pub mod coverage;
pub mod layout;
pub mod loop_view;
pub mod questions;
pub mod stories;
pub mod text;

use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui::Frame;

use super::action::{Modal, View};
use super::app::App;
use super::bindings;
use super::keys;
use super::theme::Theme;
use layout::FrameLayout;
use text::clip;

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if layout::is_too_small(area) {
        let notice = Paragraph::new(format!(
            "starbank needs at least {}x{}; this terminal is {}x{}",
            layout::MIN_WIDTH,
            layout::MIN_HEIGHT,
            area.width,
            area.height
        ))
        .wrap(Wrap { trim: true });
        frame.render_widget(notice, area);
        app.layout.set(FrameLayout::default());
        return;
    }
    let areas = layout::frame(area);
    draw_tabs(frame, app, areas.tabs);
    // What is drawn where, for the mouse (the state never computes geometry itself).
    let mut drawn = FrameLayout {
        tabs: areas.tabs,
        ..FrameLayout::default()
    };
    match app.view {
        View::Stories => stories::draw(frame, app, &mut drawn),
        View::Questions => questions::draw(frame, app, &mut drawn),
        View::Coverage => coverage::draw(frame, app, areas.body),
        View::Loop => loop_view::draw(frame, app, areas.body),
    }
    app.layout.set(drawn);
    draw_footer(frame, app, areas.footer);
    if let Some(modal) = &app.modal {
        draw_modal(frame, app, modal, areas.body);
    }
    neutralise_cells(frame);
}

/// The last line of defence: whatever a widget wrote, no cell may carry a control character
/// or a bidirectional override to the terminal.
fn neutralise_cells(frame: &mut Frame) {
    for cell in frame.buffer_mut().content.iter_mut() {
        let symbol = cell.symbol();
        if symbol.chars().any(crate::snippet::is_unsafe_for_terminal) {
            cell.set_symbol("\u{fffd}");
        }
    }
}

fn draw_tabs(frame: &mut Frame, app: &App, area: Rect) {
    let theme = app.theme;
    let mut spans = Vec::new();
    for view in View::ALL {
        let style = if view == app.view {
            theme.selected()
        } else {
            theme.dim()
        };
        spans.push(Span::styled(layout::tab_label(view), style));
        spans.push(Span::raw(" "));
    }
    let used: usize = spans.iter().map(|s| s.width()).sum();
    let state = if !app.analysed {
        "analysing…".to_string()
    } else if app.is_busy() {
        "updating…".to_string()
    } else {
        let errors = app.load_errors.len();
        let mut state = format!("{} stories", app.stories.len());
        if errors > 0 {
            state.push_str(&format!(", {errors} not loaded"));
        }
        state
    };
    let bank = clip(&app.bank_root.display().to_string(), 30);
    let right = format!("{bank} · {state} ");
    let room = (area.width as usize).saturating_sub(used);
    if room > right.chars().count() + 1 {
        spans.push(Span::raw(" ".repeat(room - right.chars().count())));
        spans.push(Span::styled(right, theme.dim()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_footer(frame: &mut Frame, app: &App, area: Rect) {
    let theme = app.theme;
    let mut key_spans = Vec::new();
    for (key, what) in keys::footer_keys(app) {
        key_spans.push(Span::styled(key, theme.key()));
        key_spans.push(Span::raw(format!(" {what}  ")));
    }
    let status = app.status.as_ref().map(|status| {
        let style = if status.error {
            theme.error().add_modifier(Modifier::BOLD)
        } else {
            theme.ok()
        };
        Line::from(Span::styled(clip(&status.text, area.width as usize), style))
    });
    if area.height >= 2 {
        let lines = vec![status.unwrap_or_default(), Line::from(key_spans)];
        frame.render_widget(Paragraph::new(lines), area);
    } else {
        let line = status.unwrap_or_else(|| Line::from(key_spans));
        frame.render_widget(Paragraph::new(line), area);
    }
}

/// A bordered box titled `title`, highlighted when it has the keyboard.
pub fn pane(theme: Theme, title: String, focused: bool) -> Block<'static> {
    let (border, title_style) = if focused {
        (theme.focused_border(), theme.focused_border())
    } else {
        (theme.border(), theme.title())
    };
    Block::default()
        .borders(Borders::ALL)
        .border_style(border)
        .title(Span::styled(title, title_style))
}

fn draw_modal(frame: &mut Frame, app: &App, modal: &Modal, body: Rect) {
    let theme = app.theme;
    let key = |k: &'static str| Span::styled(k, theme.key());
    let (title, lines, width): (&str, Vec<Line>, u16) = match modal {
        Modal::Help => {
            draw_help(frame, theme, body);
            return;
        }
        Modal::NewStory { title, level } => {
            let path = super::template::new_story_path(&app.bank_root, title);
            (
                "New story",
                vec![
                    Line::from("Title (a headline: what you did and its result):"),
                    Line::from(vec![Span::styled(
                        format!("{}▏", clip(title, 60)),
                        Style::new().add_modifier(Modifier::BOLD),
                    )]),
                    Line::from(vec![
                        Span::raw("Level: "),
                        Span::styled(level.as_str(), theme.key()),
                        Span::raw("  (Tab switches)"),
                    ]),
                    Line::from(vec![
                        Span::raw("File:  "),
                        Span::styled(clip(&path.display().to_string(), 60), theme.dim()),
                    ]),
                    Line::default(),
                    Line::from(vec![
                        key("Enter"),
                        Span::raw(" create   "),
                        key("Esc"),
                        Span::raw(" cancel"),
                    ]),
                ],
                70,
            )
        }
        Modal::ConfirmQuit | Modal::ConfirmClose => {
            let what = app
                .edit
                .as_ref()
                .map(|e| format!("the {} of {}", e.section, clip(&e.base.id, 40)))
                .unwrap_or_default();
            let (save, discard) = if matches!(modal, Modal::ConfirmQuit) {
                (" save and quit   ", " discard and quit   ")
            } else {
                (" save   ", " discard   ")
            };
            (
                "Unsaved changes",
                vec![
                    Line::from(format!("You have unsaved changes to {what}.")),
                    Line::default(),
                    Line::from(vec![
                        key("s"),
                        Span::raw(save),
                        key("d"),
                        Span::raw(discard),
                        key("Esc"),
                        Span::raw(" keep editing"),
                    ]),
                ],
                64,
            )
        }
        Modal::Conflict => {
            let name = app
                .edit
                .as_ref()
                .map(|e| super::app::display_name(&e.path))
                .unwrap_or_default();
            (
                "File changed on disk",
                vec![
                    Line::from(format!("{name} changed on disk after you started editing.")),
                    Line::from("Nothing has been written. Choose:"),
                    Line::default(),
                    Line::from(vec![
                        key("r"),
                        Span::raw(" reload the file, keep my edit open on top of it"),
                    ]),
                    Line::from(vec![
                        key("o"),
                        Span::raw(" overwrite the file with my version"),
                    ]),
                    Line::from(vec![
                        key("k"),
                        Span::raw(" keep both: write mine to a new file beside it"),
                    ]),
                    Line::from(vec![key("Esc"), Span::raw(" back to editing")]),
                ],
                64,
            )
        }
        Modal::Recovery { files } => {
            let mut lines = vec![
                Line::from("starbank stopped with unsaved text last time. Recovered:"),
                Line::default(),
            ];
            for file in files.iter().take(5) {
                let words = crate::story::count_words(&file.recovered.text);
                lines.push(Line::from(format!(
                    "  {} of {} ({words} words)",
                    file.recovered.section,
                    clip(&file.recovered.story_id, 40)
                )));
            }
            lines.push(Line::default());
            lines.push(Line::from(vec![
                key("Enter"),
                Span::raw(" open it in the editor   "),
                key("d"),
                Span::raw(" discard   "),
                key("Esc"),
                Span::raw(" later"),
            ]));
            ("Recovered text", lines, 66)
        }
    };
    // Height after wrapping, so no line of a dialog is cut off.
    let inner = width.min(body.width).saturating_sub(2).max(1) as usize;
    let height = lines
        .iter()
        .map(|line| line.width().max(1).div_ceil(inner) as u16)
        .sum::<u16>()
        + 2;
    let area = layout::centered(body, width, height);
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.focused_border())
        .title(Span::styled(format!(" {title} "), theme.title()));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

/// The `?` overlay: the bindings in two columns when there is room, one otherwise.
fn draw_help(frame: &mut Frame, theme: Theme, body: Rect) {
    let sections = bindings::help_sections();
    let key_width = sections
        .iter()
        .flat_map(|(_, helps)| helps.iter().map(|h| h.keys.chars().count()))
        .max()
        .unwrap_or(0);
    // A column is as wide as its longest line, so no line is cut: two columns where both
    // fit side by side, else one.
    let column_width = |sections: &[(&'static str, Vec<bindings::Help>)]| -> u16 {
        let what = sections
            .iter()
            .flat_map(|(_, helps)| helps.iter().map(|h| h.what.chars().count()))
            .max()
            .unwrap_or(0);
        (2 + key_width + 1 + what) as u16
    };
    let split = sections.len().div_ceil(2);
    let (left, right) = sections.split_at(split);
    let (left_width, right_width) = (column_width(left), column_width(right));
    let two_columns = left_width + 1 + right_width + 2 <= body.width;
    let (left, right) = if two_columns {
        (left, right)
    } else {
        (&sections[..], &sections[sections.len()..])
    };
    let column_lines = |sections: &[(&'static str, Vec<bindings::Help>)]| {
        let mut lines = Vec::new();
        for (section, helps) in sections {
            lines.push(Line::from(Span::styled(*section, theme.title())));
            for help in helps {
                lines.push(Line::from(vec![
                    Span::styled(format!("  {:<key_width$} ", help.keys), theme.key()),
                    Span::raw(help.what),
                ]));
            }
        }
        lines
    };
    let mut left_lines = column_lines(left);
    let mut right_lines = column_lines(right);
    let legend = Line::from(vec![
        Span::styled("Figures ", theme.title()),
        Span::styled(
            " below L6 ",
            theme.reading(crate::prompts::Reading::BelowL6),
        ),
        Span::raw(" "),
        Span::styled(" L6 ", theme.reading(crate::prompts::Reading::L6)),
        Span::raw(" "),
        Span::styled(" L7 ", theme.reading(crate::prompts::Reading::L7)),
    ]);
    if two_columns {
        right_lines.push(Line::default());
        right_lines.push(legend);
    } else {
        left_lines.push(legend);
    }
    let height = left_lines.len().max(right_lines.len()) as u16 + 2;
    let width = if two_columns {
        left_width + 1 + right_width + 2
    } else {
        column_width(&sections).max(30) + 2
    };
    let area = layout::centered(body, width, height);
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.focused_border())
        .title(Span::styled(" Keys (Esc closes) ", theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if two_columns {
        let [a, _, b] = ratatui::layout::Layout::horizontal([
            ratatui::layout::Constraint::Length(left_width),
            ratatui::layout::Constraint::Length(1),
            ratatui::layout::Constraint::Fill(1),
        ])
        .areas(inner);
        frame.render_widget(Paragraph::new(left_lines), a);
        frame.render_widget(Paragraph::new(right_lines), b);
    } else {
        frame.render_widget(Paragraph::new(left_lines).wrap(Wrap { trim: false }), inner);
    }
}
