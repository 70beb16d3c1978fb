//! The Coverage view: questions by stories, shaded by match strength with the same glyphs as
//! `starbank coverage`, beside the questions with no adequate story and the overused stories.

use std::collections::HashMap;
use std::path::Path;

use crate::index::strength::Band;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::tui::analysis::COVERED;
use crate::tui::app::App;
use crate::tui::theme::shade;

use super::pane;
use super::text::clip;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let theme = app.theme;
    let level = app
        .questions_view
        .level
        .map_or("all levels", |l| l.as_str());
    if !app.analysed {
        let block = pane(theme, format!(" Coverage · {level} "), true);
        frame.render_widget(
            Paragraph::new(Span::styled("analysing…", theme.dim())).block(block),
            area,
        );
        return;
    }
    let (matrix_area, summary_area) = if area.width >= 110 {
        let [left, right] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(48)]).areas(area);
        (left, right)
    } else {
        let [top, bottom] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length((area.height / 3).max(4)),
        ])
        .areas(area);
        (top, bottom)
    };
    let questions = app.visible_questions();
    let inner_width = matrix_area.width.saturating_sub(2) as usize;
    // Columns: stories that adequately answer any listed question, most used first.
    let mut used: HashMap<&Path, usize> = HashMap::new();
    for &q in &questions {
        let id = &app.prompts.questions[q].id;
        for story in app.bank.by_question.get(id).into_iter().flatten() {
            let count = used.entry(&story.path).or_default();
            if story.score >= COVERED || story.linked {
                *count += 1;
            }
        }
    }
    let mut columns: Vec<&Path> = used.keys().copied().collect();
    columns.sort_by(|a, b| used[b].cmp(&used[a]).then(a.cmp(b)));
    let label_width = (inner_width / 2).clamp(10, 48);
    let room = inner_width.saturating_sub(label_width + 7);
    columns.truncate(room);
    let mut lines = Vec::new();
    let mut header = vec![Span::raw(" ".repeat(label_width + 7))];
    for (i, _) in columns.iter().enumerate() {
        header.push(Span::styled(format!("{}", (i + 1) % 10), theme.dim()));
    }
    lines.push(Line::from(header));
    for &q in questions.iter().skip(app.coverage_view.scroll) {
        let question = &app.prompts.questions[q];
        let matches: HashMap<&Path, (f32, bool)> = app
            .bank
            .by_question
            .get(&question.id)
            .into_iter()
            .flatten()
            .map(|s| (&*s.path, (s.score, s.linked)))
            .collect();
        let best = matches
            .values()
            .map(|(score, _)| *score)
            .fold(0.0_f32, f32::max);
        let uncovered = app.bank.uncovered.contains(&question.id);
        let mut spans = vec![
            Span::styled(format!("{best:.2} "), theme.strength(best)),
            Span::styled(if uncovered { "✖ " } else { "  " }, theme.error()),
            Span::raw(format!(
                "{:<w$} ",
                clip(&question.text, label_width),
                w = label_width
            )),
        ];
        for path in &columns {
            let (score, linked) = matches.get(path).copied().unwrap_or((0.0, false));
            let glyph = if linked && Band::of(score) == Band::None {
                '*'
            } else {
                shade(score)
            };
            spans.push(Span::styled(glyph.to_string(), theme.strength(score)));
        }
        lines.push(Line::from(spans));
    }
    let title = format!(
        " Coverage · {level} · {} questions (L: level, ↑↓ scroll) ",
        questions.len()
    );
    frame.render_widget(
        Paragraph::new(lines).block(pane(theme, title, true)),
        matrix_area,
    );

    // Beside it: what the columns are, and what to do next.
    let width = summary_area.width.saturating_sub(2) as usize;
    let mut lines = vec![Line::from(Span::styled(
        clip("· none ░ weak ▒ adequate ▓ good █ strong", width),
        theme.dim(),
    ))];
    let gaps: Vec<_> = questions
        .iter()
        .map(|&q| &app.prompts.questions[q])
        .filter(|q| app.bank.uncovered.contains(&q.id))
        .collect();
    lines.push(Line::from(Span::styled(
        format!("No adequate story ({})", gaps.len()),
        theme.title(),
    )));
    for question in &gaps {
        lines.push(Line::from(vec![
            Span::styled("✖ ", theme.error()),
            Span::raw(clip(
                &format!("{} {}", question.level, question.text),
                width.saturating_sub(2),
            )),
        ]));
    }
    if !app.bank.overused.is_empty() {
        lines.push(Line::from(Span::styled(
            "Best answer to too many",
            theme.title(),
        )));
        for (path, count) in &app.bank.overused {
            let name = app
                .story_by_path(path)
                .map_or_else(|| path.display().to_string(), |s| s.id.clone());
            lines.push(Line::from(vec![
                Span::styled("▲ ", theme.severity(crate::config::Severity::Warning)),
                Span::raw(clip(
                    &format!("{name}: {count} questions"),
                    width.saturating_sub(2),
                )),
            ]));
        }
    }
    lines.push(Line::from(Span::styled("Stories", theme.title())));
    for (i, path) in columns.iter().enumerate() {
        let name = app
            .story_by_path(path)
            .map_or_else(|| path.display().to_string(), |s| s.id.clone());
        lines.push(Line::from(vec![
            Span::styled(format!("{:>2} ", (i + 1) % 10), theme.dim()),
            Span::styled(clip(&name, width.saturating_sub(12)), Style::new()),
            Span::styled(format!(" {}", used[path]), theme.dim()),
        ]));
    }
    frame.render_widget(
        Paragraph::new(lines).block(pane(theme, " Gaps ".into(), false)),
        summary_area,
    );
}
