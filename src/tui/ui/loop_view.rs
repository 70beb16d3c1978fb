//! The Loop view: the plan of the loop beside the practice panel (the question asked, the
//! countdown of the spoken-length target, then the planned story with its figures and the
//! rating keys).

use std::time::Duration;

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

use crate::plan::Plan;
use crate::practice::{now_seconds, StoryRecord};
use crate::tui::app::App;
use crate::tui::view::PracticeRound;

use super::pane;
use super::text::clip;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let theme = app.theme;
    let plan = match &app.bank.plan {
        Ok(plan) => plan,
        Err(why) => {
            let block = pane(theme, " Loop ".into(), true);
            frame.render_widget(
                Paragraph::new(Span::styled(why.clone(), theme.dim()))
                    .block(block)
                    .wrap(Wrap { trim: true }),
                area,
            );
            return;
        }
    };
    let (plan_area, practice_area) = if area.width >= 100 {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                .areas(area);
        (left, right)
    } else {
        let [top, bottom] =
            Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area);
        (top, bottom)
    };
    draw_plan(frame, app, plan, plan_area);
    draw_practice(frame, app, practice_area);
}

fn draw_plan(frame: &mut Frame, app: &App, plan: &Plan, area: Rect) {
    let theme = app.theme;
    let width = area.width.saturating_sub(2) as usize;
    let records = app.history.by_story();
    let now = now_seconds();
    let mut lines: Vec<Line> = Vec::new();
    let mut row = 0;
    let mut selected_line = 0;
    for round in &plan.rounds {
        if round.slots.is_empty() {
            continue;
        }
        lines.push(Line::from(Span::styled(
            clip(&format!("{} ({} min)", round.name, round.minutes), width),
            theme.title(),
        )));
        for slot in &round.slots {
            let chosen = row == app.loop_view.selected;
            if chosen {
                selected_line = lines.len();
            }
            let style = if chosen {
                theme.selected()
            } else {
                ratatui::style::Style::new()
            };
            lines.push(Line::from(Span::styled(
                clip(&format!("  {}", slot.question.text), width),
                style,
            )));
            let tell = slot.tell.as_ref().map_or("no story".to_string(), |pick| {
                format!("{} {:.2}", pick.story_id, pick.strength)
            });
            let backup = slot
                .backup
                .as_ref()
                .map_or("none".to_string(), |pick| pick.story_id.clone());
            let practised = slot
                .tell
                .as_ref()
                .and_then(|pick| records.get(pick.story_id.as_str()))
                .map_or("not practised".to_string(), |record| practised(record, now));
            lines.push(Line::from(vec![
                Span::styled("    tell ", theme.dim()),
                Span::raw(clip(&tell, width.saturating_sub(9))),
            ]));
            lines.push(Line::from(Span::styled(
                clip(&format!("    backup {backup} · {practised}"), width),
                theme.dim(),
            )));
            row += 1;
        }
    }
    if lines.is_empty() {
        lines.push(Line::from("The loop has no round that asks for a story."));
    }
    let height = area.height.saturating_sub(2) as usize;
    let top = selected_line.saturating_sub(height.saturating_sub(3));
    let title = format!(
        " {} loop · {} slots · {} stories ",
        plan.level,
        plan.slot_count(),
        plan.stories
    );
    frame.render_widget(
        Paragraph::new(lines)
            .block(pane(theme, title, app.loop_view.practice.is_none()))
            .scroll((top as u16, 0)),
        area,
    );
}

/// "practised 2d ago, rated 3 (↑)".
fn practised(record: &StoryRecord, now: u64) -> String {
    let days = now.saturating_sub(record.last) / 86_400;
    let when = if days == 0 {
        "today".to_string()
    } else {
        format!("{days}d ago")
    };
    let trend = match record.trend {
        t if t > 0 => " ↑",
        t if t < 0 => " ↓",
        _ => "",
    };
    format!("practised {when}, rated {}{trend}", record.last_rating)
}

fn draw_practice(frame: &mut Frame, app: &App, area: Rect) {
    let theme = app.theme;
    let Some(round) = &app.loop_view.practice else {
        let lines = vec![
            Line::from(
                "Practise the loop: p asks a question of the plan, weakest and least recently \
                 practised first, and starts the clock.",
            ),
            Line::default(),
            Line::from(Span::styled(
                format!(
                    "Aim for {} to {} spoken.",
                    minutes(app.config.min_minutes),
                    minutes(app.config.max_minutes)
                ),
                theme.dim(),
            )),
        ];
        frame.render_widget(
            Paragraph::new(lines)
                .block(pane(theme, " Practice ".into(), false))
                .wrap(Wrap { trim: true }),
            area,
        );
        return;
    };
    let now = (app.clock)();
    let mut lines = vec![
        Line::from(Span::styled(round.round.clone(), theme.dim())),
        Line::from(Span::styled(round.question.clone(), theme.title())),
        Line::default(),
        clock_line(app, round, now),
        Line::default(),
    ];
    if round.revealed() {
        lines.extend(revealed(app, round));
        lines.push(Line::default());
        lines.push(Line::from(vec![
            Span::styled("1-4", theme.key()),
            Span::raw(" rate how it went (1 poor, 4 ready) · "),
            Span::styled("Esc", theme.key()),
            Span::raw(" stop"),
        ]));
    } else {
        lines.push(Line::from(vec![
            Span::raw("Tell your story aloud, then "),
            Span::styled("Enter", theme.key()),
            Span::raw(" to stop the clock and see the plan's story."),
        ]));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .block(pane(theme, " Practice ".into(), true))
            .wrap(Wrap { trim: true }),
        area,
    );
}

/// The countdown of the spoken-length target: time left until the maximum, and whether the
/// minimum has been reached; once revealed, how long the telling took.
fn clock_line(app: &App, round: &PracticeRound, now: std::time::Instant) -> Line<'static> {
    let theme = app.theme;
    let elapsed = round.elapsed(now);
    let min = duration(app.config.min_minutes * 60.0);
    let max = duration(app.config.max_minutes * 60.0);
    if round.revealed() {
        let verdict = if elapsed < min {
            ("short of the target", theme.error())
        } else if elapsed > max {
            ("over the target", theme.error())
        } else {
            ("within the target", theme.ok())
        };
        return Line::from(vec![
            Span::raw(format!("Told in {} ", clock(elapsed))),
            Span::styled(verdict.0, verdict.1),
        ]);
    }
    if elapsed <= max {
        let left = max - elapsed;
        let state = if elapsed < min {
            format!("(keep going until {} left)", clock(max - min))
        } else {
            "(in the target: wrap up when ready)".to_string()
        };
        Line::from(vec![
            Span::styled(format!("{} left ", clock(left)), theme.title()),
            Span::styled(state, theme.dim()),
        ])
    } else {
        Line::from(Span::styled(
            format!("{} over: wrap up", clock(elapsed - max)),
            theme.error(),
        ))
    }
}

/// The planned story: its title and scope figures with the level each reads at, and the
/// backup.
fn revealed(app: &App, round: &PracticeRound) -> Vec<Line<'static>> {
    let theme = app.theme;
    let Some(id) = &round.story else {
        return vec![Line::from(Span::styled(
            "The plan has no story for this question: write one.",
            theme.error(),
        ))];
    };
    let story = app.stories.iter().find(|s| &s.id == id);
    let mut lines = vec![Line::from(vec![
        Span::styled("Tell ", theme.dim()),
        Span::styled(id.clone(), theme.title()),
    ])];
    if let Some(story) = story {
        lines.push(Line::from(story.title.clone()));
        if let Some(short) = story.short.as_deref().filter(|s| !s.trim().is_empty()) {
            lines.push(Line::from(Span::styled(short.to_string(), theme.dim())));
        }
        if let Some(analysis) = app.analysis_of(story) {
            // The scope figures the level is read from, each once.
            let mut figures = vec![Span::styled("Figures ", theme.dim())];
            let mut shown: Vec<&str> = Vec::new();
            for figure in analysis.figures.iter().filter(|f| {
                f.role == crate::figures::Role::Scope
                    && matches!(f.kind, "team_size" | "horizon_months" | "dollars")
            }) {
                if shown.contains(&figure.text.as_str()) {
                    continue;
                }
                shown.push(&figure.text);
                figures.push(Span::styled(
                    format!(" {} ", figure.text),
                    theme.reading(figure.reading),
                ));
                figures.push(Span::raw(" "));
            }
            lines.push(Line::from(figures));
        }
    }
    if let Some(backup) = &round.backup {
        lines.push(Line::from(Span::styled(
            format!("Backup: {backup}"),
            theme.dim(),
        )));
    }
    lines
}

fn clock(duration: Duration) -> String {
    let seconds = duration.as_secs();
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

fn minutes(value: f64) -> String {
    clock(duration(value * 60.0))
}

/// Seconds as a duration; a value no clock can show (negative, not a number) is zero.
fn duration(seconds: f64) -> Duration {
    Duration::try_from_secs_f64(seconds).unwrap_or(Duration::ZERO)
}
