//! The workbench: a terminal UI to draft, search and check stories.
//!
//! [`app`] holds the state and applies [`app::Action`]s; [`keys`] maps terminal events to
//! actions; [`ui`] draws from the state; [`analysis`] runs the linter and the search index on
//! a worker thread; [`save`], [`recovery`], [`watch`] and [`template`] deal with files.

pub mod action;
pub mod analysis;
pub mod app;
pub mod bindings;
pub mod edit;
pub mod editor;
pub mod geometry;
pub mod keys;
pub mod mouse;
pub mod recovery;
pub mod save;
pub mod template;
pub mod terminal;
pub mod theme;
pub mod ui;
pub mod view;
pub mod watch;

use std::path::Path;
use std::sync::mpsc::TryRecvError;
use std::time::{Duration, Instant};

use ratatui::crossterm::event;

use crate::bank::Bank;
use crate::prompts::Prompts;

pub use app::App;

/// How long the loop sleeps waiting for input when nothing is due: short enough to pick up
/// analysis results promptly.
const IDLE_POLL: Duration = Duration::from_millis(50);

/// What the workbench shows first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    Browse,
    /// The Loop view, practising as soon as the plan is known (`starbank practice`).
    Practice,
}

/// Opens the workbench on `bank_root` and runs it until the user quits.
pub fn run(bank_root: &Path, prompts: Prompts, start: Start) -> Result<(), String> {
    if !bank_root.is_dir() {
        return Err(format!(
            "bank folder `{}` does not exist; pass --bank DIR, or run from the folder that holds `stories/`",
            bank_root.display()
        ));
    }
    // Snapshot before loading, so a change made while loading is still seen.
    let watcher = watch::spawn(bank_root.to_path_buf());
    let bank = Bank::load(bank_root).map_err(|err| err.to_string())?;
    let mut app = App::new(bank, prompts, theme::Theme::from_env());
    if start == Start::Practice {
        app.practise_when_planned();
    }
    recovery::install_panic_hook(app.recovery.clone(), app.bank_root.clone());
    let mut terminal =
        terminal::init().map_err(|err| format!("cannot open the terminal: {err}"))?;
    let result = event_loop(&mut terminal, &mut app, &watcher);
    terminal::restore();
    result.map_err(|err| format!("terminal error: {err}"))
}

fn event_loop(
    terminal: &mut terminal::Term,
    app: &mut App,
    watcher: &std::sync::mpsc::Receiver<Vec<std::path::PathBuf>>,
) -> std::io::Result<()> {
    let size = terminal.size()?;
    app.area = ratatui::layout::Rect::new(0, 0, size.width, size.height);
    let mut dirty = true;
    while !app.should_quit {
        if dirty {
            terminal.draw(|frame| ui::draw(frame, app))?;
            dirty = false;
        }
        let timeout = app
            .next_due()
            .map_or(IDLE_POLL, |due| {
                due.saturating_duration_since(Instant::now())
            })
            .min(IDLE_POLL);
        if event::poll(timeout)? {
            // Handle every queued event before drawing again, so fast typing and pastes never
            // wait on a redraw per key.
            loop {
                let event = event::read()?;
                injected_panic(&event);
                if let Some(action) = keys::action_for(app, &event) {
                    app.apply(action);
                }
                dirty = true;
                if !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        app.tick(Instant::now());
        if app.receive() || app.practising() {
            // A running practice clock changes the screen every second.
            dirty = true;
        }
        match watcher.try_recv() {
            Ok(paths) => {
                for path in paths {
                    app.reload_path(&path);
                }
                dirty = true;
            }
            Err(TryRecvError::Empty | TryRecvError::Disconnected) => {}
        }
        if let Some(path) = app.external_edit.take() {
            match terminal::run_external_editor(terminal, &path) {
                Ok(_) => app.after_external_edit(&path),
                Err(err) => app.apply_status_error(format!(
                    "cannot run `{}`: {err}",
                    terminal::external_editor_command()
                )),
            }
            dirty = true;
        }
    }
    Ok(())
}

/// The variable that arms [`injected_panic`].
pub const TEST_PANIC_VAR: &str = "STARBANK_TEST_PANIC";

/// Debug builds only: with `STARBANK_TEST_PANIC=1`, F12 panics inside the real event loop, so
/// the end-to-end test (`tests/tmux_e2e.sh`) sees what a defect leaves behind: the terminal
/// restored, the open edit in a recovery file, offered back at the next start. A release
/// build has no such key.
fn injected_panic(event: &event::Event) {
    if cfg!(debug_assertions)
        && matches!(event, event::Event::Key(key) if key.code == event::KeyCode::F(12))
        && std::env::var(TEST_PANIC_VAR).is_ok_and(|value| value == "1")
    {
        panic!("injected panic ({TEST_PANIC_VAR}=1, F12)");
    }
}
