//! The Coverage view: questions by stories, shaded by match strength (as `starbank
//! coverage`), then the questions with no adequate story and the overused stories.

use std::collections::HashMap;
use std::path::PathBuf;

use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
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
    let level = app.question_level.map_or("all levels", |l| l.as_str());
    let block = pane(theme, format!(" Coverage · {level} (L: level) "), true);
    if !app.analysed {
        frame.render_widget(
            Paragraph::new(Span::styled("analysing…", theme.dim())).block(block),
            area,
        );
        return;
    }
    let inner_width = area.width.saturating_sub(2) as usize;
    let questions = app.visible_questions();
    // Columns: the stories that are among any listed question's matches, most used first.
    let mut used: HashMap<PathBuf, usize> = HashMap::new();
    for &q in &questions {
        let id = &app.prompts.questions[q].id;
        for story in app.bank.by_question.get(id).into_iter().flatten() {
            *used.entry(story.path.clone()).or_default() += 1;
        }
    }
    let mut columns: Vec<PathBuf> = used.keys().cloned().collect();
    columns.sort_by(|a, b| used[b].cmp(&used[a]).then(a.cmp(b)));
    let label_width = (inner_width / 2).clamp(12, 40);
    let room = inner_width.saturating_sub(label_width + 7);
    columns.truncate(room);
    let mut lines = Vec::new();
    // Header: story numbers, vertically (the legend below names them).
    let mut header = vec![Span::raw(" ".repeat(label_width + 7))];
    for (i, _) in columns.iter().enumerate() {
        header.push(Span::styled(format!("{}", (i + 1) % 10), theme.dim()));
    }
    lines.push(Line::from(header));
    let mut gaps = Vec::new();
    for &q in questions.iter().skip(app.coverage_scroll) {
        let question = &app.prompts.questions[q];
        let scores: HashMap<&PathBuf, f32> = app
            .bank
            .by_question
            .get(&question.id)
            .into_iter()
            .flatten()
            .map(|s| {
                (
                    &s.path,
                    if s.linked {
                        s.score.max(COVERED)
                    } else {
                        s.score
                    },
                )
            })
            .collect();
        let best = scores.values().cloned().fold(0.0_f32, f32::max);
        if best < COVERED {
            gaps.push(question);
        }
        let mut spans = vec![
            Span::styled(format!("{:.2} ", best), theme.strength(best)),
            Span::styled(if best < COVERED { "✖ " } else { "  " }, theme.error()),
            Span::raw(format!(
                "{:<w$} ",
                clip(&question.text, label_width),
                w = label_width
            )),
        ];
        for path in &columns {
            let score = scores.get(path).copied().unwrap_or(0.0);
            spans.push(Span::styled(shade(score), theme.strength(score)));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::default());
    lines.push(Line::from(vec![
        Span::styled("Stories: ", theme.title()),
        Span::styled("█ ≥0.75 ▓ ≥0.5 ▒ ≥0.25 ░ weak · none", theme.dim()),
    ]));
    for (i, path) in columns.iter().enumerate().take(20) {
        let name = app
            .story_by_path(path)
            .map_or_else(|| path.display().to_string(), |s| s.id.clone());
        let count = used[path];
        let overused = count > app.config.max_questions_per_story;
        let style = if overused {
            theme.error()
        } else {
            Style::new()
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{:>2} ", i + 1), theme.dim()),
            Span::styled(clip(&name, inner_width.saturating_sub(30)), style),
            Span::styled(
                format!(
                    "  matches {count} question(s){}",
                    if overused { " — overuse risk" } else { "" }
                ),
                theme.dim(),
            ),
        ]));
    }
    lines.push(Line::default());
    let gap_title = format!("No adequate story ({}): ", gaps.len());
    lines.push(Line::from(Span::styled(
        gap_title,
        theme.title().add_modifier(Modifier::BOLD),
    )));
    for question in gaps {
        lines.push(Line::from(vec![
            Span::styled("  ✖ ", theme.error()),
            Span::raw(clip(
                &format!("{} {}", question.level, question.text),
                inner_width.saturating_sub(4),
            )),
        ]));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
