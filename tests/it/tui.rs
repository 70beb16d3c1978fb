//! The workbench driven through its own key handler with synthetic key events, rendered to
//! ratatui's `TestBackend`, with assertions on what is on screen and on disk.

use crate::common;

use std::path::{Path, PathBuf};

use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use ratatui::Terminal;

use starbank::bank::Bank;
use starbank::figures::Role;
use starbank::prompts::{Prompts, Reading};
use starbank::story::{Section, Story};
use starbank::tui::action::{Modal, View};
use starbank::tui::app::App;
use starbank::tui::theme::Theme;
use starbank::tui::{keys, recovery, ui};

const COLOUR: Theme = Theme { colour: true };

fn bank_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_bundled_stories(dir.path());
    dir
}

fn open(dir: &Path, theme: Theme) -> App {
    let bank = Bank::load(dir).unwrap();
    let mut app = App::new(bank, Prompts::builtin(), theme);
    app.area = Rect::new(0, 0, 160, 50);
    app.settle();
    app
}

fn render(app: &mut App, width: u16, height: u16) -> Buffer {
    app.area = Rect::new(0, 0, width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| ui::draw(frame, app)).unwrap();
    terminal.backend().buffer().clone()
}

fn rows(buffer: &Buffer) -> Vec<String> {
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect()
}

fn screen(buffer: &Buffer) -> String {
    rows(buffer).join("\n")
}

/// The (column, row) where `text` starts on screen.
fn find(buffer: &Buffer, text: &str) -> Option<(u16, u16)> {
    for (y, row) in rows(buffer).iter().enumerate() {
        if let Some(byte) = row.find(text) {
            let column = row[..byte].chars().count();
            return Some((column as u16, y as u16));
        }
    }
    None
}

fn press(app: &mut App, code: KeyCode) {
    press_with(app, code, KeyModifiers::NONE);
}

fn press_with(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    let event = Event::Key(KeyEvent::new(code, modifiers));
    if let Some(action) = keys::action_for(app, &event) {
        app.apply(action);
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn select(app: &mut App, id: &str) {
    let row = app
        .visible_stories()
        .iter()
        .position(|&i| app.stories[i].id == id)
        .unwrap_or_else(|| panic!("story {id} in the list"));
    app.stories_view.selected = row;
}

fn story_path(dir: &Path, id: &str) -> PathBuf {
    dir.join(format!("{id}.ron"))
}

#[test]
fn stories_view_highlights_each_figure_in_its_reading_colour() {
    let dir = bank_copy();
    let mut app = open(dir.path(), COLOUR);
    select(&mut app, "payments-oncall-turnaround");
    let story = app.selected_story().unwrap().clone();
    let analysis = app.analysis_of(&story).unwrap().clone();
    assert!(!analysis.figures.is_empty(), "the story states figures");
    let buffer = render(&mut app, 200, 60);
    let mut checked = 0;
    for figure in &analysis.figures {
        let Some((x, y)) = find(&buffer, &figure.text) else {
            continue; // wrapped across lines, or below the fold
        };
        let expected = match (figure.role, figure.reading) {
            // Figures outside the narrator's scope are shown but never coloured by a level.
            (role, _) if role != Role::Scope => Color::Reset,
            (_, Reading::BelowL6) => Color::Red,
            (_, Reading::L6) => Color::Yellow,
            (_, Reading::L7) => Color::Green,
        };
        for dx in 0..figure.text.chars().count() as u16 {
            assert_eq!(
                buffer[(x + dx, y)].bg,
                expected,
                "{:?} at {x},{y}",
                figure.text
            );
        }
        checked += 1;
    }
    assert!(
        checked > 0,
        "at least one figure is on screen:\n{}",
        screen(&buffer)
    );
    // The text right after a figure is not highlighted.
    let text = screen(&buffer);
    assert!(text.contains("Situation"), "{text}");
}

#[test]
fn without_colour_figures_are_marked_by_modifiers_and_nothing_is_coloured() {
    let dir = bank_copy();
    let mut app = open(dir.path(), Theme { colour: false });
    select(&mut app, "payments-oncall-turnaround");
    let story = app.selected_story().unwrap().clone();
    let analysis = app.analysis_of(&story).unwrap().clone();
    let buffer = render(&mut app, 200, 60);
    for cell in buffer.content() {
        assert_eq!(cell.fg, Color::Reset);
        assert_eq!(cell.bg, Color::Reset);
    }
    let figure = analysis
        .figures
        .iter()
        .find(|f| find(&buffer, &f.text).is_some())
        .expect("a figure on screen");
    let (x, y) = find(&buffer, &figure.text).unwrap();
    let modifier = buffer[(x, y)].modifier;
    assert!(
        modifier.intersects(Modifier::BOLD | Modifier::UNDERLINED),
        "{modifier:?}"
    );
}

#[test]
fn findings_are_listed_and_enter_jumps_to_the_phrase() {
    let dir = bank_copy();
    let mut app = open(dir.path(), COLOUR);
    // The story with the most findings that point into a section.
    let (id, finding) = app
        .stories
        .iter()
        .filter_map(|story| {
            let analysis = app.analysis.get(&story.path)?;
            let finding = analysis.findings.iter().find(|f| f.decoded.is_some())?;
            Some((story.id.clone(), finding.clone()))
        })
        .next()
        .expect("the example bank has located findings");
    select(&mut app, &id);
    let buffer = render(&mut app, 200, 60);
    let text = screen(&buffer);
    assert!(text.contains(&finding.code), "{text}");
    let message_start: String = finding.message.chars().take(30).collect();
    assert!(
        text.contains(&message_start),
        "{message_start:?} in\n{text}"
    );

    // Tab to the findings, choose this one, Enter: the section gets the keyboard and the phrase
    // is marked.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    let story = app.selected_story().unwrap().clone();
    let index = app
        .analysis_of(&story)
        .unwrap()
        .findings
        .iter()
        .position(|f| *f == finding)
        .unwrap();
    for _ in 0..index {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    let section = finding.section.unwrap();
    let range = finding.decoded.clone().unwrap();
    assert_eq!(app.stories_view.section, section);
    assert_eq!(app.stories_view.mark, Some((section, range.clone())));
    let phrase = &story.section(section)[range];
    let first_word = phrase.split_whitespace().next().unwrap();
    let buffer = render(&mut app, 200, 60);
    let marked = buffer
        .content()
        .iter()
        .filter(|cell| {
            cell.modifier
                .contains(Modifier::REVERSED | Modifier::UNDERLINED)
        })
        .map(|cell| cell.symbol())
        .collect::<String>();
    assert!(
        marked.contains(first_word),
        "marked {marked:?}, phrase {phrase:?}"
    );
}

#[test]
fn search_results_follow_typed_keys() {
    let dir = bank_copy();
    let mut app = open(dir.path(), COLOUR);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "pager on-call");
    app.settle();
    let buffer = render(&mut app, 160, 50);
    let text = screen(&buffer);
    assert!(text.contains("/pager on-call"), "{text}");
    assert_eq!(
        app.selected_story().unwrap().id,
        "payments-oncall-turnaround",
        "{text}"
    );
    assert!(text.contains("Turned around the payments"), "{text}");
    // The matched words of the snippet are highlighted.
    assert!(
        buffer
            .content()
            .iter()
            .any(|cell| cell.bg == Color::Magenta),
        "{text}"
    );
    // More keys change the results without Enter.
    type_text(&mut app, " vat invoices eu");
    app.settle();
    let text = screen(&render(&mut app, 160, 50));
    assert!(text.contains("/pager on-call vat invoices eu"), "{text}");
    assert_eq!(
        app.selected_story().unwrap().id,
        "vat-invoicing-three-teams",
        "{text}"
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.visible_stories().len(), app.stories.len());
}

#[test]
fn questions_view_lists_questions_and_ranks_stories() {
    let dir = bank_copy();
    let mut app = open(dir.path(), COLOUR);
    press(&mut app, KeyCode::Char('2'));
    app.settle();
    let text = screen(&render(&mut app, 160, 50));
    let first = app.selected_question().unwrap().clone();
    let head: String = first.text.chars().take(40).collect();
    assert!(text.contains(&head), "{head:?} in\n{text}");
    assert!(text.contains("Best stories"), "{text}");
    assert!(text.contains(" 1. "), "a ranked story:\n{text}");
    // Filter by level and by typed words.
    press(&mut app, KeyCode::Char('L'));
    press(&mut app, KeyCode::Char('L'));
    assert!(app
        .visible_questions()
        .iter()
        .all(|&i| app.prompts.questions[i].level == starbank::story::Level::L7));
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "culture");
    app.settle();
    let text = screen(&render(&mut app, 160, 50));
    assert!(
        text.contains("How did you transform engineering culture in your organization?"),
        "{text}"
    );
}

#[test]
fn coverage_view_shows_the_matrix_and_the_gaps() {
    let dir = bank_copy();
    let mut app = open(dir.path(), COLOUR);
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(app.view, View::Coverage);
    let text = screen(&render(&mut app, 160, 50));
    // The tab bar always says "Coverage" and the legend always shows every shade: look at
    // the view's own panel and at the matrix rows (a score, a question, a cell per story).
    assert!(
        text.contains("┌ Coverage · all levels · 70 questions"),
        "{text}"
    );
    assert!(text.contains("No adequate story ("), "{text}");
    let rows: Vec<&str> = text
        .lines()
        .filter(|line| {
            let mut chars = line.chars();
            chars.next() == Some('│') && chars.next().is_some_and(|c| c.is_ascii_digit())
        })
        .collect();
    assert!(rows.len() >= 20, "{text}");
    let strong_cells = rows
        .iter()
        .filter(|row| row.contains('█') || row.contains('▓'))
        .count();
    assert!(strong_cells >= 5, "{text}");
}

#[test]
fn help_overlay_lists_the_keys() {
    let dir = bank_copy();
    let mut app = open(dir.path(), COLOUR);
    press(&mut app, KeyCode::Char('?'));
    let text = screen(&render(&mut app, 120, 40));
    assert!(text.contains("Ctrl+S"), "{text}");
    assert!(text.contains("jump to the phrase"), "{text}");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.modal, None);
}

#[test]
fn figures_outside_the_narrators_scope_are_shown_and_say_why() {
    let dir = bank_copy();
    let path = story_path(dir.path(), "payments-oncall-turnaround");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replacen(
        "situation: \"",
        "situation: \"The outage lasted 3 days and hit a company of 3,000 employees. ",
        1,
    );
    std::fs::write(&path, text).unwrap();
    let mut app = open(dir.path(), COLOUR);
    select(&mut app, "payments-oncall-turnaround");
    let story = app.selected_story().unwrap().clone();
    let analysis = app.analysis_of(&story).unwrap().clone();
    let roles: Vec<(&str, Role)> = analysis
        .figures
        .iter()
        .filter(|f| f.role != Role::Scope)
        .map(|f| (f.text.as_str(), f.role))
        .collect();
    assert!(roles.contains(&("3 days", Role::Incidental)), "{roles:?}");
    assert!(
        roles.contains(&("a company of 3,000 employees", Role::Context)),
        "{roles:?}"
    );
    // Not counted: the story still reads at L6 on its own team of 14.
    assert_eq!(analysis.reads_at, Some(Reading::L6));
    open_editor(&mut app, "payments-oncall-turnaround", Section::Situation);
    type_text(&mut app, " ");
    app.settle();
    let buffer = render(&mut app, 200, 60);
    let screen = screen(&buffer);
    assert!(screen.contains("3 days incidental"), "{screen}");
    assert!(screen.contains("context"), "{screen}");
}

fn open_editor(app: &mut App, id: &str, section: Section) {
    select(app, id);
    press(app, KeyCode::Enter); // list -> sections
    while app.stories_view.section != section {
        press(app, KeyCode::Down);
    }
    press(app, KeyCode::Enter); // edit
    assert!(app.edit.is_some(), "editor open");
}

#[test]
fn quitting_with_an_unsaved_edit_asks_first() {
    let dir = bank_copy();
    let mut app = open(dir.path(), COLOUR);
    open_editor(&mut app, "payments-oncall-turnaround", Section::Task);
    type_text(&mut app, "More words. ");
    press_with(&mut app, KeyCode::Char('q'), KeyModifiers::CONTROL);
    assert!(!app.should_quit);
    assert_eq!(app.modal, Some(Modal::ConfirmQuit));
    let text = screen(&render(&mut app, 120, 40));
    assert!(text.contains("Unsaved changes"), "{text}");
    assert!(text.contains("save and quit"), "{text}");
    press(&mut app, KeyCode::Esc);
    assert!(
        app.edit.as_ref().unwrap().is_dirty(),
        "Esc goes back to the edit"
    );
    press_with(&mut app, KeyCode::Char('q'), KeyModifiers::CONTROL);
    press(&mut app, KeyCode::Char('d'));
    assert!(app.should_quit);
}

#[test]
fn save_changes_only_the_edited_literal() {
    let dir = bank_copy();
    let path = story_path(dir.path(), "payments-oncall-turnaround");
    let before = std::fs::read_to_string(&path).unwrap();
    let story = Story::parse(&path, before.clone()).unwrap();
    let literal = story.section_literal(Section::Result).unwrap().clone();
    let mut app = open(dir.path(), COLOUR);
    open_editor(&mut app, "payments-oncall-turnaround", Section::Result);
    type_text(&mut app, "Quote \"this\" \\ ");
    press(&mut app, KeyCode::Enter); // a new line inside the section
    press_with(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    let after = std::fs::read_to_string(&path).unwrap();
    assert_ne!(after, before);
    assert_eq!(
        &after[..literal.span.start],
        &before[..literal.span.start],
        "bytes before the literal"
    );
    let tail = &before[literal.span.end..];
    assert!(after.ends_with(tail), "bytes after the literal");
    let saved = Story::parse(&path, after).unwrap();
    assert_eq!(
        saved.section(Section::Result),
        format!("Quote \"this\" \\ \n{}", story.section(Section::Result))
    );
    assert!(!app.edit.as_ref().unwrap().is_dirty());
    assert!(screen(&render(&mut app, 120, 40)).contains("saved the result"));
    // No temporary file is left behind.
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn a_file_changed_on_disk_offers_the_conflict_choice() {
    let dir = bank_copy();
    let path = story_path(dir.path(), "payments-oncall-turnaround");
    let mut app = open(dir.path(), COLOUR);
    open_editor(&mut app, "payments-oncall-turnaround", Section::Action);
    type_text(&mut app, "Mine. ");
    let theirs = format!(
        "{}// changed elsewhere\n",
        std::fs::read_to_string(&path).unwrap()
    );
    std::fs::write(&path, &theirs).unwrap();
    press_with(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert_eq!(app.modal, Some(Modal::Conflict));
    let text = screen(&render(&mut app, 120, 40));
    assert!(text.contains("changed on disk"), "{text}");
    assert!(text.contains("keep both"), "{text}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        theirs,
        "nothing written yet"
    );

    // Keep both: theirs stays, mine goes to a new file.
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    let mine =
        std::fs::read_to_string(story_path(dir.path(), "payments-oncall-turnaround-2")).unwrap();
    let mine = Story::parse(Path::new("x.ron"), mine).unwrap();
    assert!(mine.section(Section::Action).starts_with("Mine. "));
    assert!(app.edit.is_none());
}

#[test]
fn conflict_reload_keeps_the_edit_and_overwrite_writes_it() {
    let dir = bank_copy();
    let path = story_path(dir.path(), "payments-oncall-turnaround");
    let mut app = open(dir.path(), COLOUR);
    open_editor(&mut app, "payments-oncall-turnaround", Section::Task);
    type_text(&mut app, "Mine. ");
    let theirs = format!(
        "// changed elsewhere\n{}",
        std::fs::read_to_string(&path).unwrap()
    );
    std::fs::write(&path, &theirs).unwrap();
    press_with(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    press(&mut app, KeyCode::Char('r'));
    assert!(
        app.edit.as_ref().unwrap().text().starts_with("Mine. "),
        "the words stay"
    );
    press_with(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert_eq!(app.modal, None);
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        saved.starts_with("// changed elsewhere\n"),
        "their change kept"
    );
    assert!(Story::parse(&path, saved)
        .unwrap()
        .section(Section::Task)
        .starts_with("Mine. "));

    // Overwrite: mine replaces theirs.
    type_text(&mut app, "Again. ");
    std::fs::write(&path, "// scribbled\n").unwrap();
    press_with(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert_eq!(app.modal, Some(Modal::Conflict));
    press(&mut app, KeyCode::Char('o'));
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(Story::parse(&path, saved)
        .unwrap()
        .section(Section::Task)
        .starts_with("Mine. Again. "));
}

#[test]
fn unsaved_text_is_recovered_at_the_next_start() {
    let dir = bank_copy();
    let mut app = open(dir.path(), COLOUR);
    open_editor(&mut app, "checkout-api-design-conflict", Section::Situation);
    type_text(&mut app, "Unsaved words. ");
    // What the panic hook writes: the mirrored edit.
    let draft = app
        .recovery
        .lock()
        .unwrap()
        .clone()
        .expect("the edit is mirrored");
    assert!(draft.text.starts_with("Unsaved words. "));
    let file = recovery::write_recovery(dir.path(), &draft).unwrap();
    drop(app);

    let mut app = open(dir.path(), COLOUR);
    assert!(matches!(app.modal, Some(Modal::Recovery { .. })));
    let text = screen(&render(&mut app, 120, 40));
    assert!(text.contains("Recovered text"), "{text}");
    assert!(
        text.contains("situation of checkout-api-design-conflict"),
        "{text}"
    );
    press(&mut app, KeyCode::Enter);
    let edit = app
        .edit
        .as_ref()
        .expect("the recovered text is open in the editor");
    assert!(edit.text().starts_with("Unsaved words. "));
    assert!(edit.is_dirty());
    assert!(!file.exists(), "offered once it is back in the editor");
}

#[test]
fn a_new_story_gets_a_safe_file_name_and_shows_the_hints() {
    let dir = bank_copy();
    let mut app = open(dir.path(), COLOUR);
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "../etc/passwd");
    let text = screen(&render(&mut app, 120, 40));
    assert!(
        text.contains("etc-passwd.ron"),
        "the dialog names the file:\n{text}"
    );
    press(&mut app, KeyCode::Enter);
    let created = dir.path().join("etc-passwd.ron");
    assert!(created.exists());
    assert!(!dir.path().join("../etc/passwd.ron").exists());
    assert_eq!(app.selected_story().unwrap().path, created);
    assert!(app.edit.is_some(), "the editor opens on the Situation");
    app.settle();
    let text = screen(&render(&mut app, 160, 50));
    let hint: String = app.prompts.hints.situation.chars().take(30).collect();
    assert!(text.contains(&hint), "{hint:?} in\n{text}");
    // The same title again does not overwrite.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "../etc/passwd");
    press(&mut app, KeyCode::Enter);
    assert!(dir.path().join("etc-passwd-2.ron").exists());
}

/// A change of state between renders.
type Step = Box<dyn Fn(&mut App)>;

#[test]
fn every_view_renders_at_every_size_without_panicking() {
    let dir = bank_copy();
    let mut app = open(dir.path(), COLOUR);
    let sizes = [(10, 5), (40, 12), (80, 24), (200, 60), (39, 11), (1, 1)];
    let mut states: Vec<Step> = vec![
        Box::new(|_| {}),
        Box::new(|app| press(app, KeyCode::Char('2'))),
        Box::new(|app| press(app, KeyCode::Char('3'))),
        Box::new(|app| {
            press(app, KeyCode::Char('1'));
            press(app, KeyCode::Enter);
        }),
        Box::new(|app| press(app, KeyCode::Tab)),
        Box::new(|app| press(app, KeyCode::Char('?'))),
    ];
    states.push(Box::new(|app| {
        press(app, KeyCode::Esc);
        press(app, KeyCode::Char('/'));
        type_text(app, "team");
        app.settle();
    }));
    for state in &states {
        state(&mut app);
        for (width, height) in sizes {
            let text = screen(&render(&mut app, width, height));
            if width >= 40 && height >= 12 {
                assert!(text.contains("Stories"), "{width}x{height}:\n{text}");
            }
        }
    }
    // And with the editor open.
    press(&mut app, KeyCode::Esc);
    open_editor(&mut app, "payments-oncall-turnaround", Section::Action);
    for (width, height) in sizes {
        render(&mut app, width, height);
    }
    let text = screen(&render(&mut app, 40, 12));
    assert!(text.contains("Editing"), "{text}");
}

#[test]
fn control_characters_in_a_story_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("evil.ron"),
        "(title: \"Evil \\u{1b}[2J title\", level: L6, situation: \"a \\u{1b}]0;pwned\\u{7} b \\u{202e}rtl\", task: \"t\", action: \"a\", result: \"r\")",
    )
    .unwrap();
    let mut app = open(dir.path(), COLOUR);
    let mut buffers = vec![render(&mut app, 120, 40)];
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter); // the editor on the Situation
    assert!(app.edit.is_some());
    buffers.push(render(&mut app, 120, 40));
    for buffer in buffers {
        for cell in buffer.content() {
            assert!(
                !cell
                    .symbol()
                    .chars()
                    .any(|c| c.is_control() || c == '\u{202e}'),
                "{:?}",
                cell.symbol()
            );
        }
    }
}

#[test]
fn mouse_click_selects_a_story_and_switches_views() {
    use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let dir = bank_copy();
    let mut app = open(dir.path(), COLOUR);
    let buffer = render(&mut app, 160, 50);
    let third = &app.stories[2];
    let title: String = third.title.chars().take(15).collect();
    let (x, y) = find(&buffer, &title).expect("third story on screen");
    let click = |column, row| {
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    let action = keys::action_for(&app, &click(x, y)).unwrap();
    app.apply(action);
    assert_eq!(app.stories_view.selected, 2);
    let (x, y) = find(&buffer, "2 Questions").unwrap();
    let action = keys::action_for(&app, &click(x, y)).unwrap();
    app.apply(action);
    assert_eq!(app.view, View::Questions);
}

#[test]
fn a_file_changed_outside_is_picked_up_and_rechecked() {
    let dir = bank_copy();
    let path = story_path(dir.path(), "payments-oncall-turnaround");
    let mut app = open(dir.path(), COLOUR);
    let text = std::fs::read_to_string(&path).unwrap().replace(
        "Turned around the payments ledger team and its on-call",
        "Renamed outside the workbench",
    );
    std::fs::write(&path, text).unwrap();
    app.reload_path(&path); // what the watcher reports
    app.settle();
    select(&mut app, "payments-oncall-turnaround");
    let text = screen(&render(&mut app, 160, 50));
    assert!(text.contains("Renamed outside the workbench"), "{text}");
}

/// The watcher thread the workbench runs (`watch::spawn`, polled by `tui::run`'s loop): a
/// story rewritten by another program is reported, and, handed to the app as the loop hands
/// it, shown. The wait is for the thread's report, not a fixed time.
#[test]
fn the_watcher_thread_reports_a_story_changed_outside() {
    let dir = bank_copy();
    let path = story_path(dir.path(), "payments-oncall-turnaround");
    let mut app = open(dir.path(), COLOUR);
    let reports = starbank::tui::watch::spawn(dir.path().to_path_buf());
    let text = std::fs::read_to_string(&path).unwrap().replace(
        "Turned around the payments ledger team and its on-call",
        "Seen by the watcher thread",
    );
    std::fs::write(&path, text).unwrap();
    let changed = wait_for_report(&reports, &path);
    for changed in changed {
        app.reload_path(&changed);
    }
    app.settle();
    select(&mut app, "payments-oncall-turnaround");
    let text = screen(&render(&mut app, 160, 50));
    assert!(text.contains("Seen by the watcher thread"), "{text}");
    // A new file and a removed one are reported too.
    let added = dir.path().join("added-outside.ron");
    std::fs::copy(&path, &added).unwrap();
    let changed = wait_for_report(&reports, &added);
    assert!(changed.contains(&added), "{changed:?}");
    std::fs::remove_file(&added).unwrap();
    let changed = wait_for_report(&reports, &added);
    assert!(changed.contains(&added), "{changed:?}");
}

/// Every path the watcher reports until it reports `path` (a minute at most, so a broken
/// watcher fails rather than hangs).
fn wait_for_report(reports: &std::sync::mpsc::Receiver<Vec<PathBuf>>, path: &Path) -> Vec<PathBuf> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let mut seen = Vec::new();
    while !seen.iter().any(|p: &PathBuf| p == path) {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        match reports.recv_timeout(left) {
            Ok(paths) => seen.extend(paths),
            Err(err) => panic!("the watcher never reported {}: {err}", path.display()),
        }
    }
    seen
}

/// `starbank.ron` changed while the workbench is open is read as the bank's config, applied
/// to the analysis, and a mistake in it is shown at its line, never as a story that does not
/// load.
#[test]
fn a_config_changed_outside_is_read_as_the_config() {
    let dir = bank_copy();
    let config = dir.path().join("starbank.ron");
    let mut app = open(dir.path(), COLOUR);
    let codes = |app: &App| -> Vec<String> {
        let story = app
            .stories
            .iter()
            .find(|s| s.id == "company-wide-data-platform")
            .unwrap();
        app.analysis_of(story)
            .unwrap()
            .findings
            .iter()
            .map(|f| f.code.clone())
            .collect()
    };
    assert!(codes(&app).contains(&"SC010".to_string()));
    std::fs::write(&config, "(\n    disable: [\"SC\"],\n)\n").unwrap();
    app.reload_path(&config);
    app.settle();
    assert!(
        app.load_errors.is_empty(),
        "{:?}",
        app.load_errors
            .iter()
            .map(|e| e.message.clone())
            .collect::<Vec<_>>()
    );
    assert_eq!(app.config.disable, ["SC"]);
    assert!(
        !codes(&app).iter().any(|code| code.starts_with("SC")),
        "the scope rules are off: {:?}",
        codes(&app)
    );
    for (text, message, line) in [
        (
            "(\n    disable: [\"ZZ999\"],\n)\n",
            "`ZZ999` names no lint rule",
            2,
        ),
        (
            "(\n\n    rubric: { team_size: (alternative: \"doc-999\") },\n)\n",
            "`doc-999` is not an alternative of the `team_size` rubric",
            3,
        ),
        ("(\n    level: L8,\n)\n", "", 2),
    ] {
        std::fs::write(&config, text).unwrap();
        app.reload_path(&config);
        app.settle();
        assert_eq!(app.load_errors.len(), 1, "{text}");
        let error = &app.load_errors[0];
        assert_eq!(error.path, config);
        assert!(error.message.contains(message), "{}", error.message);
        assert_eq!(error.start().line, line, "{}", error.message);
        let screen = screen(&render(&mut app, 160, 50));
        assert!(screen.contains("1 not loaded"), "{screen}");
    }
    std::fs::remove_file(&config).unwrap();
    app.reload_path(&config);
    app.settle();
    assert!(app.load_errors.is_empty());
    assert!(codes(&app).contains(&"SC010".to_string()));
    // A bank opened with a mistake in its config shows it from the start.
    std::fs::write(&config, "(\n    enable: [\"XX1\"],\n)\n").unwrap();
    let app = open(dir.path(), COLOUR);
    assert_eq!(app.load_errors.len(), 1);
    assert!(app.load_errors[0]
        .message
        .contains("`XX1` names no lint rule"));
}

/// The live re-check: typing in the editor re-lints the draft, before any save.
#[test]
fn typing_rechecks_the_draft_before_it_is_saved() {
    let dir = bank_copy();
    let path = story_path(dir.path(), "payments-oncall-turnaround");
    let before = std::fs::read(&path).unwrap();
    let mut app = open(dir.path(), COLOUR);
    open_editor(&mut app, "payments-oncall-turnaround", Section::Action);
    app.settle();
    let codes = |app: &App| -> Vec<String> {
        let edit = app.edit.as_ref().unwrap();
        let analysis = edit.analysis.as_ref().expect("the draft is checked");
        analysis.findings.iter().map(|f| f.code.clone()).collect()
    };
    assert!(
        !codes(&app).contains(&"SC002".to_string()),
        "{:?}",
        codes(&app)
    );
    type_text(&mut app, "I then ran an org of 400 engineers. ");
    app.settle();
    assert!(
        codes(&app).contains(&"SC002".to_string()),
        "{:?}",
        codes(&app)
    );
    let text = screen(&render(&mut app, 160, 50));
    assert!(text.contains("SC002"), "{text}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing is saved");
}

/// The whole screen of each view as plain text, with the temporary bank's path written as
/// `<bank>`: what a refactor of the workbench must leave exactly as it was.
fn whole_screen(app: &mut App, dir: &Path, width: u16, height: u16) -> String {
    let text = screen(&render(app, width, height));
    let bank = dir.display().to_string();
    text.lines()
        .map(|line| line.replace(&bank, "<bank>").trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_view_as_a_whole_screen() {
    let dir = bank_copy();
    let mut app = open(dir.path(), Theme { colour: false });
    select(&mut app, "payments-oncall-turnaround");
    insta::assert_snapshot!(
        "screen_stories",
        whole_screen(&mut app, dir.path(), 120, 36)
    );
    press(&mut app, KeyCode::Enter); // list -> sections
    press(&mut app, KeyCode::Down);
    insta::assert_snapshot!(
        "screen_stories_sections",
        whole_screen(&mut app, dir.path(), 120, 36)
    );
    press(&mut app, KeyCode::Tab); // sections -> findings
    insta::assert_snapshot!(
        "screen_stories_findings",
        whole_screen(&mut app, dir.path(), 120, 36)
    );
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "pager");
    insta::assert_snapshot!(
        "screen_stories_search",
        whole_screen(&mut app, dir.path(), 120, 36)
    );
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('2'));
    app.settle();
    insta::assert_snapshot!(
        "screen_questions",
        whole_screen(&mut app, dir.path(), 120, 36)
    );
    press(&mut app, KeyCode::Char('3'));
    insta::assert_snapshot!(
        "screen_coverage",
        whole_screen(&mut app, dir.path(), 120, 36)
    );
    press(&mut app, KeyCode::Char('4'));
    insta::assert_snapshot!("screen_loop", whole_screen(&mut app, dir.path(), 120, 36));
    press(&mut app, KeyCode::Char('?'));
    insta::assert_snapshot!("screen_help", whole_screen(&mut app, dir.path(), 120, 40));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('1'));
    open_editor(&mut app, "payments-oncall-turnaround", Section::Action);
    insta::assert_snapshot!("screen_editor", whole_screen(&mut app, dir.path(), 120, 36));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Cut the cloud bill");
    insta::assert_snapshot!(
        "screen_new_story",
        whole_screen(&mut app, dir.path(), 120, 36)
    );
}

#[test]
fn the_readme_key_table_is_the_workbench_key_table() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let table = starbank::tui::bindings::markdown_table();
    assert!(
        readme.contains(&table),
        "README.md's key table differs from src/tui/bindings.rs; it should read:\n{table}"
    );
}

#[test]
fn the_footer_shows_the_keys_of_the_pane_in_focus() {
    let dir = bank_copy();
    let mut app = open(dir.path(), Theme { colour: false });
    let footer = |app: &App| keys::footer_keys(app);
    assert!(footer(&app).contains(&("Enter", "open")));
    press(&mut app, KeyCode::Enter);
    assert!(footer(&app).contains(&("Enter", "edit")));
    press(&mut app, KeyCode::Tab);
    assert!(footer(&app).contains(&("Enter", "jump to phrase")));
    press(&mut app, KeyCode::Char('/'));
    assert_eq!(
        footer(&app),
        [
            ("type", "search"),
            ("↑↓", "move"),
            ("Enter", "done"),
            ("Esc", "clear")
        ]
    );
}

/// A clock the test moves by hand.
fn manual_clock(app: &mut App) -> std::sync::Arc<std::sync::Mutex<std::time::Instant>> {
    let now = std::sync::Arc::new(std::sync::Mutex::new(std::time::Instant::now()));
    let read = now.clone();
    app.clock = std::sync::Arc::new(move || *read.lock().unwrap());
    now
}

#[test]
fn the_loop_view_shows_the_plan_and_a_practice_round_is_timed_rated_and_kept() {
    let dir = bank_copy();
    let mut app = open(dir.path(), Theme { colour: false });
    let now = manual_clock(&mut app);
    press(&mut app, KeyCode::Char('4'));
    assert_eq!(app.view, View::Loop);
    let text = screen(&render(&mut app, 150, 40));
    let plan = app.bank.plan.clone().expect("the bundled bank has a plan");
    let (round, slot) = plan.slots().next().unwrap();
    assert!(text.contains(&round.name), "{text}");
    let told = slot.tell.as_ref().unwrap().story_id.clone();
    assert!(text.contains(&format!("tell {told}")), "{text}");
    assert!(text.contains("not practised"), "{text}");

    // A round: never practised, so the plan's first question; the clock counts down.
    press(&mut app, KeyCode::Char('p'));
    let asked = app.loop_view.practice.clone().expect("a question is asked");
    assert_eq!(asked.question_id, slot.question.id);
    *now.lock().unwrap() += std::time::Duration::from_secs(40);
    let text = screen(&render(&mut app, 150, 40));
    assert!(text.contains("2:50 left"), "3:30 target less 40 s:\n{text}");
    // Keys 1-4 rate only once the story is revealed (before, they do nothing).
    press(&mut app, KeyCode::Char('3'));
    assert!(app.loop_view.practice.as_ref().unwrap().told_in.is_none());
    assert_eq!(app.view, View::Loop);
    *now.lock().unwrap() += std::time::Duration::from_secs(80);
    press(&mut app, KeyCode::Enter);
    let text = screen(&render(&mut app, 150, 40));
    assert!(text.contains("Told in 2:00 within the target"), "{text}");
    assert!(text.contains(&format!("Tell {told}")), "{text}");
    press(&mut app, KeyCode::Char('3'));

    // Rated: kept on disk, the next question is another one, and the plan shows the record.
    let (history, note) = starbank::practice::History::load(dir.path());
    assert_eq!(note, None);
    assert_eq!(history.attempts.len(), 1);
    assert_eq!(history.attempts[0].rating, 3);
    assert_eq!(history.attempts[0].seconds, 120);
    assert_eq!(history.attempts[0].story.as_deref(), Some(told.as_str()));
    let next = app.loop_view.practice.clone().expect("the next question");
    assert_ne!(next.question_id, asked.question_id);
    press(&mut app, KeyCode::Esc);
    assert!(app.loop_view.practice.is_none());
    let text = screen(&render(&mut app, 150, 40));
    assert!(text.contains("practised today, rated 3"), "{text}");
}

#[test]
fn a_corrupt_practice_history_is_kept_aside_and_the_user_told() {
    let dir = bank_copy();
    std::fs::create_dir_all(dir.path().join(".starbank")).unwrap();
    std::fs::write(dir.path().join(".starbank/practice.ron"), "(attempts: [(").unwrap();
    let app = open(dir.path(), Theme { colour: false });
    let status = app.status.clone().expect("the user is told");
    assert!(status.text.contains("practice.ron.bad"), "{}", status.text);
    assert!(dir.path().join(".starbank/practice.ron.bad").exists());
    assert!(app.history.attempts.is_empty());
}
