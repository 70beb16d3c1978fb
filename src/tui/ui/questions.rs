//! The Questions view: the question bank by level, each with its best story; the selected
//! question's ranked stories with the passages that matched.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};
use ratatui::Frame;

use crate::tui::action::Focus;
use crate::tui::app::App;

use super::layout::{self, FrameLayout};
use super::pane;
use super::text::{clip, wrap_styled};

pub fn draw(frame: &mut Frame, app: &App, drawn: &mut FrameLayout) {
    let areas = layout::questions(frame.area(), app.focus());
    drawn.question_detail = areas.detail;
    let theme = app.theme;
    let rows = app.visible_questions();
    if areas.list.width > 2 && areas.list.height > 2 {
        let level = app
            .questions_view
            .level
            .map_or("all levels", |l| l.as_str());
        let filter = if app.questions_view.typing || !app.questions_view.query.is_empty() {
            let cursor = if app.questions_view.typing { "▏" } else { "" };
            format!(" /{}{cursor}", clip(&app.questions_view.query, 24))
        } else {
            String::new()
        };
        let title = format!(" Questions · {level} ({}){filter} ", rows.len());
        let width = areas.list.width.saturating_sub(4) as usize;
        let items: Vec<ListItem> = rows
            .iter()
            .map(|&index| {
                let question = &app.prompts.questions[index];
                let best = app
                    .bank
                    .by_question
                    .get(&question.id)
                    .and_then(|stories| stories.first());
                let (score, style) = match best {
                    Some(best) => (format!("{:.2}", best.score), theme.strength(best.score)),
                    None if app.analysed => ("  — ".to_string(), theme.error()),
                    None => ("  … ".to_string(), theme.dim()),
                };
                let head = format!("{} {score} ", question.level);
                let rest = width.saturating_sub(head.chars().count() + 2);
                let best_name = best
                    .and_then(|b| app.story_by_path(&b.path))
                    .map(|s| format!(" → {}", s.id))
                    .unwrap_or_default();
                let text = format!("{}{best_name}", question.text);
                ListItem::new(Line::from(vec![
                    Span::styled(head, style),
                    Span::raw(clip(&text, rest)),
                ]))
            })
            .collect();
        let focused = app.focus() != Focus::Ranked;
        let visible = areas.list.height.saturating_sub(2) as usize;
        let offset = layout::list_offset(app.questions_view.selected, visible);
        drawn.question_rows = layout::inner(areas.list);
        drawn.question_offset = offset;
        let mut state = ListState::default()
            .with_selected(Some(app.questions_view.selected))
            .with_offset(offset);
        let highlight = if focused {
            theme.selected()
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        };
        frame.render_stateful_widget(
            List::new(items)
                .block(pane(theme, title, focused))
                .highlight_style(highlight)
                .highlight_symbol("▶ "),
            areas.list,
            &mut state,
        );
    }
    if areas.detail.width > 2 && areas.detail.height > 2 {
        draw_detail(frame, app, areas.detail);
    }
}

fn draw_detail(frame: &mut Frame, app: &App, area: ratatui::layout::Rect) {
    let theme = app.theme;
    let focused = app.focus() == Focus::Ranked;
    let Some(question) = app.selected_question() else {
        frame.render_widget(
            Paragraph::new("No question matches the filter.").block(pane(
                theme,
                " Question ".into(),
                focused,
            )),
            area,
        );
        return;
    };
    let width = area.width.saturating_sub(2) as usize;
    let mut lines: Vec<Line> = Vec::new();
    for wrapped in wrap_styled(
        &question.text,
        width,
        Style::new().add_modifier(Modifier::BOLD),
        &[],
    ) {
        lines.push(wrapped.line);
    }
    lines.push(Line::from(Span::styled(
        clip(
            &format!(
                "{} · {} · {} · {}",
                question.id, question.level, question.theme, question.round
            ),
            width,
        ),
        theme.dim(),
    )));
    for wrapped in wrap_styled(
        &format!("Shows: {}", question.shows),
        width,
        theme.dim(),
        &[],
    ) {
        lines.push(wrapped.line);
    }
    lines.push(Line::default());
    let linked: Vec<_> = app
        .bank
        .by_question
        .get(&question.id)
        .map(|v| v.iter().filter(|s| s.linked).collect())
        .unwrap_or_default();
    match &app.questions_view.hits {
        Some((id, hits)) if *id == question.id => {
            if hits.is_empty() {
                lines.push(Line::from(Span::styled(
                    "No story matches this question: a gap in the bank.",
                    theme.error(),
                )));
            }
            for (rank, hit) in hits.iter().enumerate() {
                let Some(story) = app.story_by_path(&hit.path) else {
                    continue;
                };
                let selected = focused && rank == app.questions_view.ranked_selected;
                let title_style = if selected {
                    theme.selected()
                } else {
                    Style::new().add_modifier(Modifier::BOLD)
                };
                let star = if linked.iter().any(|l| *l.path == *hit.path) {
                    "★ "
                } else {
                    ""
                };
                lines.push(Line::from(vec![
                    Span::styled(
                        format!("{:>2}. {:.2} ", rank + 1, hit.score),
                        theme.strength(hit.score.min(1.0)),
                    ),
                    Span::styled(
                        clip(&format!("{star}{}", story.title), width.saturating_sub(10)),
                        title_style,
                    ),
                ]));
                let marks: Vec<_> = hit
                    .highlights
                    .iter()
                    .map(|r| (r.clone(), theme.search_hit()))
                    .collect();
                for wrapped in
                    wrap_styled(&hit.snippet, width.saturating_sub(4), theme.dim(), &marks)
                        .into_iter()
                        .take(3)
                {
                    let mut line = wrapped.line;
                    line.spans.insert(0, Span::raw("    "));
                    lines.push(line);
                }
                if !hit.matched_terms.is_empty() {
                    lines.push(Line::from(Span::styled(
                        clip(
                            &format!("    matched: {}", hit.matched_terms.join(", ")),
                            width,
                        ),
                        theme.dim(),
                    )));
                }
            }
        }
        _ => lines.push(Line::from(Span::styled("ranking stories…", theme.dim()))),
    }
    // Keep the selected ranked story in view: each takes about five lines.
    let scroll = if focused {
        (app.questions_view.ranked_selected * 5).saturating_sub(area.height as usize / 2) as u16
    } else {
        0
    };
    frame.render_widget(
        Paragraph::new(lines)
            .block(pane(theme, " Best stories ".into(), focused))
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        area,
    );
}
