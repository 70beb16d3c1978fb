//! The Stories view: the list, the selected story's sections with its figures highlighted,
//! its findings, and the questions it answers best.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph};
use ratatui::Frame;

use crate::config::Severity;
use crate::figures::Role;
use crate::story::{Section, Story};
use crate::tui::action::Focus;
use crate::tui::analysis::{FigureMark, StoryAnalysis};
use crate::tui::app::App;
use crate::tui::theme::Theme;

use super::layout::{self, FrameLayout};
use super::pane;
use super::text::{clip, wrap_styled};

pub fn draw(frame: &mut Frame, app: &App, drawn: &mut FrameLayout) {
    let areas = layout::stories(frame.area(), app.focus());
    drawn.sections = areas.sections;
    drawn.findings = areas.findings;
    draw_list(frame, app, areas.list, drawn);
    let story = app.selected_story();
    match (story, &app.edit) {
        (Some(story), Some(edit)) if edit.path == story.path => {
            draw_editor(frame, app, story, areas.sections)
        }
        (Some(story), _) => draw_sections(frame, app, story, areas.sections),
        (None, _) => {
            let text = if app.stories.is_empty() {
                "No stories in this bank yet. Press n to draft one."
            } else {
                "No story matches the search. Esc clears it."
            };
            let block = pane(app.theme, " Story ".into(), false);
            frame.render_widget(Paragraph::new(text).block(block), areas.sections);
        }
    }
    let analysis = story.and_then(|s| app.analysis_of(s));
    drawn.finding_offset = draw_findings(frame, app, analysis, areas.findings);
    draw_questions(frame, app, analysis, areas.questions);
}

fn draw_list(frame: &mut Frame, app: &App, area: Rect, drawn: &mut FrameLayout) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let theme = app.theme;
    let errors = &app.load_errors;
    let error_rows = if errors.is_empty() {
        0
    } else {
        (errors.len() as u16 + 2).min(area.height / 3).max(3)
    };
    let [list_area, error_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(error_rows)]).areas(area);
    let rows = app.visible_stories();
    let searching = app.stories_view.search.is_active();
    let title = if searching || app.stories_view.search.typing {
        let count = match &app.stories_view.search.hits {
            Some(_) => format!("{} found", rows.len()),
            None => "searching…".into(),
        };
        let cursor = if app.stories_view.search.typing {
            "▏"
        } else {
            ""
        };
        format!(
            " /{}{cursor} ({count}) ",
            clip(&app.stories_view.search.query, 30)
        )
    } else {
        format!(" Stories ({}) ", rows.len())
    };
    let width = list_area.width.saturating_sub(2) as usize;
    let rows_per_item = if searching { 2 } else { 1 };
    let visible = list_area.height.saturating_sub(2) as usize / rows_per_item;
    // Build only the rows on screen: a 10,000-story bank must not cost 10,000 rows a frame.
    let offset = layout::list_offset(app.stories_view.selected, visible);
    drawn.story_rows = layout::inner(list_area);
    drawn.story_offset = offset;
    drawn.rows_per_story = rows_per_item;
    let items: Vec<ListItem> = rows
        .iter()
        .skip(offset)
        .take(visible.max(1))
        .map(|&index| {
            let story = &app.stories[index];
            let mut lines = vec![story_row(app, story, width)];
            if searching {
                if let Some(hit) = app.stories_view.search_hit(&story.path) {
                    let marks: Vec<_> = hit
                        .highlights
                        .iter()
                        .map(|r| (r.clone(), theme.search_hit()))
                        .collect();
                    let snippet = wrap_styled(&hit.snippet, usize::MAX / 2, theme.dim(), &marks);
                    let mut line = snippet
                        .into_iter()
                        .next()
                        .map(|w| w.line)
                        .unwrap_or_default();
                    line.spans.insert(0, Span::raw("    "));
                    lines.push(line);
                }
            }
            ListItem::new(lines)
        })
        .collect();
    let focused = app.focus() == Focus::List;
    let mut state = ListState::default()
        .with_selected(Some(app.stories_view.selected - offset))
        .with_offset(0);
    let highlight = if focused {
        theme.selected()
    } else {
        Style::new().add_modifier(Modifier::BOLD)
    };
    let list = List::new(items)
        .block(pane(theme, title, focused))
        .highlight_style(highlight)
        .highlight_symbol("▶ ");
    frame.render_stateful_widget(list, list_area, &mut state);
    if error_rows > 0 {
        let lines: Vec<Line> = errors
            .iter()
            .map(|err| {
                Line::from(vec![
                    Span::styled("✖ ", theme.error()),
                    Span::raw(clip(
                        &format!(
                            "{}:{}:{} {}",
                            super::super::app::display_name(&err.path),
                            err.start().line,
                            err.start().column,
                            err.message
                        ),
                        error_area.width.saturating_sub(4) as usize,
                    )),
                ])
            })
            .collect();
        let block = pane(theme, format!(" Not loaded ({}) ", errors.len()), false);
        frame.render_widget(Paragraph::new(lines).block(block), error_area);
    }
}

/// One row: target level, the level the figures read at, finding counts, title.
fn story_row(app: &App, story: &Story, width: usize) -> Line<'static> {
    let theme = app.theme;
    let analysis = app.analysis_of(story);
    let target = app
        .config
        .level
        .filter(|_| story.level.is_none())
        .or(story.level);
    let mut spans = Vec::new();
    let unsaved = app
        .edit
        .as_ref()
        .is_some_and(|e| e.path == story.path && e.is_dirty());
    spans.push(Span::styled(if unsaved { "●" } else { " " }, theme.error()));
    spans.push(Span::raw(format!(
        "{:<2}",
        target.map_or("--", |l| l.as_str())
    )));
    match analysis {
        Some(analysis) => {
            let reads = match analysis.reads_at {
                Some(crate::prompts::Reading::BelowL6) => "<L6",
                Some(reading) => reading.as_str(),
                None => "—",
            };
            let off_target = analysis
                .reads_at
                .is_some_and(|r| Some(r) != target.map(crate::prompts::Reading::of_level));
            let mut style = theme.reading_text(analysis.reads_at);
            if off_target {
                style = style.add_modifier(Modifier::BOLD);
            }
            spans.push(Span::raw(" "));
            spans.push(Span::styled(format!("{reads:<4}"), style));
            // The most severe kind of finding and how many: enough to scan a long list.
            let worst = [
                (Severity::Error, "✖"),
                (Severity::Warning, "▲"),
                (Severity::Info, "ℹ"),
            ]
            .into_iter()
            .map(|(severity, glyph)| (severity, glyph, analysis.count(severity)))
            .find(|(_, _, count)| *count > 0);
            match worst {
                Some((severity, glyph, count)) => {
                    let shown = if count > 9 {
                        "+".to_string()
                    } else {
                        count.to_string()
                    };
                    spans.push(Span::styled(
                        format!("{glyph}{shown} "),
                        theme.severity(severity),
                    ));
                }
                None => spans.push(Span::styled("✓  ", theme.ok())),
            }
        }
        None => spans.push(Span::styled(" …   ·  ", theme.dim())),
    }
    let used: usize = spans.iter().map(|s| s.width()).sum::<usize>() + 2;
    spans.push(Span::raw(clip(
        &story.title,
        width.saturating_sub(used).max(4),
    )));
    Line::from(spans)
}

/// The lines of the sections pane.
pub struct SectionLines {
    pub lines: Vec<Line<'static>>,
    /// For each section, the index of its heading line.
    pub starts: [usize; 4],
    /// For each wrapped line of section text: its section, its index, and the bytes it shows.
    pub ranges: Vec<(Section, usize, std::ops::Range<usize>)>,
}

pub fn section_lines(app: &App, story: &Story, width: usize) -> SectionLines {
    let theme = app.theme;
    let analysis = app.analysis_of(story);
    let mut lines = Vec::new();
    for wrapped in wrap_styled(
        &story.title,
        width,
        Style::new().add_modifier(Modifier::BOLD),
        &[],
    ) {
        lines.push(wrapped.line);
    }
    lines.extend(meta_lines(app, story, analysis, width));
    let mut starts = [0; 4];
    let mut ranges = Vec::new();
    for section in Section::ALL {
        lines.push(Line::default());
        starts[section as usize] = lines.len();
        let selected = app.focus() == Focus::Sections && app.stories_view.section == section;
        let heading_style = if selected {
            theme.selected()
        } else {
            theme.title()
        };
        let mut heading = vec![Span::styled(
            format!(" {} ", section.title()),
            heading_style,
        )];
        let words = crate::story::count_words(story.section(section));
        heading.push(Span::styled(format!("  {words} words"), theme.dim()));
        lines.push(Line::from(heading));
        let text = story.section(section);
        if text.trim().is_empty() {
            let hint = app.prompts.hints.for_section(section);
            let style = theme.dim().add_modifier(Modifier::ITALIC);
            for wrapped in wrap_styled(hint, width, style, &[]) {
                lines.push(wrapped.line);
            }
            continue;
        }
        let mut marks: Vec<(std::ops::Range<usize>, Style)> = analysis
            .map(|a| {
                a.figures
                    .iter()
                    .filter(|f| f.section == section)
                    .map(|f| (f.decoded.clone(), mark_style(theme, f)))
                    .collect()
            })
            .unwrap_or_default();
        if let Some((marked, range)) = &app.stories_view.mark {
            if *marked == section {
                marks.push((range.clone(), theme.mark()));
            }
        }
        for wrapped in wrap_styled(text, width, Style::new(), &marks) {
            ranges.push((section, lines.len(), wrapped.range.clone()));
            lines.push(wrapped.line);
        }
    }
    SectionLines {
        lines,
        starts,
        ranges,
    }
}

/// "L7 story · reads at L6 · 425 words · 2.8 min spoken", wrapped to the pane.
fn meta_lines(
    app: &App,
    story: &Story,
    analysis: Option<&StoryAnalysis>,
    width: usize,
) -> Vec<Line<'static>> {
    let theme = app.theme;
    let target = story.level.or(app.config.level);
    let words = story.word_count();
    let minutes = words as f64 / app.config.words_per_minute.max(1.0);
    let head = format!(
        "{} story · reads at ",
        target.map_or("no-level", |l| l.as_str())
    );
    let (reading, reading_style) = match analysis {
        Some(a) => (
            a.reads_at.map_or("nothing (no figures)".to_string(), |r| {
                r.as_str().to_string()
            }),
            theme.reading_text(a.reads_at).add_modifier(Modifier::BOLD),
        ),
        None => ("…".to_string(), theme.dim()),
    };
    let text = format!("{head}{reading} · {words} words · {minutes:.1} min spoken");
    let marks = [
        (0..2, theme.key()),
        (head.len()..head.len() + reading.len(), reading_style),
    ];
    wrap_styled(&text, width, theme.dim(), &marks)
        .into_iter()
        .map(|wrapped| wrapped.line)
        .collect()
}

/// The line (of [`section_lines`]) of a section's heading, or of the line holding `offset`.
pub fn section_line(
    app: &App,
    story: &Story,
    section: Section,
    offset: Option<usize>,
    pane_width: u16,
) -> usize {
    let width = pane_width.saturating_sub(2).max(1) as usize;
    let SectionLines { starts, ranges, .. } = section_lines(app, story, width);
    match offset {
        None => starts[section as usize].saturating_sub(1),
        Some(offset) => ranges
            .iter()
            .filter(|(s, _, range)| *s == section && range.start <= offset)
            .map(|(_, line, _)| *line)
            .next_back()
            .unwrap_or(starts[section as usize]),
    }
}

fn draw_sections(frame: &mut Frame, app: &App, story: &Story, area: Rect) {
    if area.width < 3 || area.height < 3 {
        return;
    }
    let width = area.width.saturating_sub(2) as usize;
    let lines = section_lines(app, story, width).lines;
    let max_scroll = lines
        .len()
        .saturating_sub(area.height.saturating_sub(2) as usize);
    if let Some(anchor) = app.stories_view.detail_anchor.take() {
        let line = section_line(app, story, anchor.section, anchor.offset, area.width);
        let height = area.height.saturating_sub(2) as usize;
        let top = if anchor.third {
            line.saturating_sub(height / 3)
        } else {
            line
        };
        app.stories_view.detail_top.set(top as u16);
    }
    let scroll = (app.stories_view.detail_top.get() as usize).min(max_scroll) as u16;
    let focused = app.focus() == Focus::Sections;
    let title = format!(" {} ", clip(&story.id, width.saturating_sub(4)));
    frame.render_widget(
        Paragraph::new(lines)
            .block(pane(app.theme, title, focused))
            .scroll((scroll, 0)),
        area,
    );
}

fn draw_editor(frame: &mut Frame, app: &App, story: &Story, area: Rect) {
    let Some(edit) = &app.edit else { return };
    if area.width < 3 || area.height < 3 {
        return;
    }
    let theme = app.theme;
    let state = if edit.is_dirty() { " ● unsaved" } else { "" };
    let changed = if edit.disk_changed {
        " · changed on disk"
    } else {
        ""
    };
    let (row, column) = edit.editor.cursor();
    let title = format!(
        " Editing {} of {}{state}{changed} · {}:{} ",
        edit.section.title(),
        clip(&story.id, 30),
        row + 1,
        column + 1
    );
    let [editor_area, figures_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let block = pane(theme, title, true);
    let inner = block.inner(editor_area);
    frame.render_widget(block, editor_area);
    frame.render_widget(edit.editor.widget(), inner);
    // The figures of the section being written, in their reading's colour.
    let mut spans = vec![Span::styled(" figures: ", theme.dim())];
    match &edit.analysis {
        Some(analysis) => {
            let figures: Vec<_> = analysis
                .figures
                .iter()
                .filter(|f| f.section == edit.section)
                .collect();
            if figures.is_empty() {
                spans.push(Span::styled("none yet", theme.dim()));
            }
            for figure in figures {
                spans.push(Span::styled(
                    clip(&figure.text, 30),
                    mark_style(theme, figure),
                ));
                // A figure outside the narrator's scope says why it does not count.
                let label = match figure.role {
                    Role::Scope => figure.reading.as_str(),
                    other => other.as_str(),
                };
                spans.push(Span::styled(format!(" {label} "), theme.dim()));
            }
            spans.push(Span::styled(
                format!(
                    "· story reads at {}",
                    analysis.reads_at.map_or("nothing", |r| r.as_str())
                ),
                theme.dim(),
            ));
        }
        None => spans.push(Span::styled("analysing…", theme.dim())),
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), figures_area);
}

/// A scope figure in its reading's colour; any other figure dim and italic: shown, not
/// counted.
fn mark_style(theme: Theme, figure: &FigureMark) -> Style {
    match figure.role {
        Role::Scope => theme.reading(figure.reading),
        _ => theme.dim().add_modifier(Modifier::ITALIC),
    }
}

/// Draws the findings; returns the first finding row shown.
fn draw_findings(
    frame: &mut Frame,
    app: &App,
    analysis: Option<&StoryAnalysis>,
    area: Rect,
) -> usize {
    if area.width < 3 || area.height < 3 {
        return 0;
    }
    let theme = app.theme;
    let focused = app.focus() == Focus::Findings;
    let width = area.width.saturating_sub(4) as usize;
    let Some(analysis) = analysis else {
        let block = pane(theme, " Findings ".into(), focused);
        frame.render_widget(
            Paragraph::new(Span::styled("analysing…", theme.dim())).block(block),
            area,
        );
        return 0;
    };
    let block = pane(
        theme,
        format!(" Findings ({}) ", analysis.findings.len()),
        focused,
    );
    if analysis.findings.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled("✓ no findings", theme.ok())).block(block),
            area,
        );
        return 0;
    }
    let items: Vec<ListItem> = analysis
        .findings
        .iter()
        .map(|finding| {
            let glyph = match finding.severity {
                Severity::Error => "✖",
                Severity::Warning => "▲",
                Severity::Info => "ℹ",
            };
            let head = format!("{glyph} {} ", finding.code);
            let rest = width.saturating_sub(head.chars().count());
            ListItem::new(Line::from(vec![
                Span::styled(head, theme.severity(finding.severity)),
                Span::raw(clip(&finding.message, rest)),
            ]))
        })
        .collect();
    let visible = area.height.saturating_sub(2) as usize;
    let selected = app.stories_view.finding.min(analysis.findings.len() - 1);
    let offset = layout::list_offset(selected, visible);
    let mut state = ListState::default()
        .with_selected(Some(selected))
        .with_offset(offset);
    let highlight = if focused {
        theme.selected()
    } else {
        Style::new()
    };
    frame.render_stateful_widget(
        List::new(items).block(block).highlight_style(highlight),
        area,
        &mut state,
    );
    offset
}

fn draw_questions(frame: &mut Frame, app: &App, analysis: Option<&StoryAnalysis>, area: Rect) {
    if area.width < 3 || area.height < 3 {
        return;
    }
    let theme = app.theme;
    let block: Block = pane(theme, " Answers best ".into(), false);
    let Some(analysis) = analysis else {
        frame.render_widget(
            Paragraph::new(Span::styled("analysing…", theme.dim())).block(block),
            area,
        );
        return;
    };
    if analysis.questions.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled("no question matches yet", theme.dim())).block(block),
            area,
        );
        return;
    }
    let width = area.width.saturating_sub(2) as usize;
    let lines: Vec<Line> = analysis
        .questions
        .iter()
        .map(|q| {
            let text = app
                .prompts
                .question(&q.question)
                .map_or(q.question.as_str(), |q| q.text.as_str());
            let link = if q.linked { "★" } else { " " };
            let head = format!("{:.2}{link}", q.score);
            let rest = width.saturating_sub(head.chars().count() + 1);
            Line::from(vec![
                Span::styled(head, theme.strength(q.score)),
                Span::raw(" "),
                Span::raw(clip(text, rest)),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// For tests: the style a theme gives a reading (re-exported so tests need not build one).
pub fn figure_style(theme: Theme, reading: crate::prompts::Reading) -> Style {
    theme.reading(reading)
}
