//! The workbench's speed on generated banks of 1,000 and 10,000 stories, rendered to
//! ratatui's `TestBackend` at 120x40:
//! - `first_frame`: load the bank, build the app, draw the first frame (analysis still runs
//!   on the worker; the list shows titles at once);
//! - `analysed_frame`: the same, then wait for the whole-bank lint, index and map;
//! - `keystroke_frame`: one key typed in the section editor, handled and redrawn (what the
//!   user waits for: analysis is not on this path);
//! - `keystroke_analysed`: one key, then the draft re-linted and re-ranked against every
//!   question on the worker, then redrawn with the fresh findings;
//! - `search_keystroke`: one key typed in `/` search, results back, redrawn.
//!
//! Run: `cargo bench --bench tui` (add `-- first_frame` etc. to filter).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::Terminal;

use starbank::bank::Bank;
use starbank::prompts::Prompts;
use starbank::tui::theme::Theme;
use starbank::tui::{keys, ui, App};

const SIZES: [usize; 2] = [1_000, 10_000];
const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;

fn bank_dir(size: usize) -> PathBuf {
    starbank::generate::cached_bank(Path::new(env!("CARGO_TARGET_TMPDIR")), size)
        .expect("write generated bank")
}

fn open(dir: &Path) -> App {
    let bank = Bank::load(dir).expect("bank loads");
    let mut app = App::new(bank, Prompts::builtin(), Theme { colour: true });
    app.area = Rect::new(0, 0, WIDTH, HEIGHT);
    app
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal.draw(|frame| ui::draw(frame, app)).expect("draws");
}

fn press(app: &mut App, code: KeyCode) {
    let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    if let Some(action) = keys::action_for(app, &event) {
        app.apply(action);
    }
}

fn first_frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("first_frame");
    group.sample_size(10);
    for size in SIZES {
        let dir = bank_dir(size);
        group.bench_with_input(BenchmarkId::from_parameter(size), &dir, |b, dir| {
            b.iter_custom(|iterations| {
                let mut total = Duration::ZERO;
                for _ in 0..iterations {
                    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
                    let start = Instant::now();
                    let app = open(dir);
                    draw(&mut terminal, &app);
                    total += start.elapsed();
                    // Let the worker finish before the next sample so runs do not overlap.
                    let mut app = app;
                    app.settle();
                }
                total
            });
        });
    }
    group.finish();
}

fn analysed_frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("analysed_frame");
    group.sample_size(10);
    for size in SIZES {
        let dir = bank_dir(size);
        group.bench_with_input(BenchmarkId::from_parameter(size), &dir, |b, dir| {
            b.iter(|| {
                let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
                let mut app = open(dir);
                app.settle();
                draw(&mut terminal, &app);
            });
        });
    }
    group.finish();
}

/// An app with the editor open on the first story's Action, analysis settled.
fn editing(dir: &Path) -> App {
    let mut app = open(dir);
    app.settle();
    press(&mut app, KeyCode::Enter);
    for _ in 0..2 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    assert!(app.edit.is_some());
    app.settle();
    app
}

fn keystroke(c: &mut Criterion) {
    let mut group = c.benchmark_group("keystroke_frame");
    for size in SIZES {
        let mut app = editing(&bank_dir(size));
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
        group.bench_function(BenchmarkId::from_parameter(size), |b| {
            b.iter(|| {
                press(&mut app, KeyCode::Char('x'));
                draw(&mut terminal, &app);
            });
        });
        app.settle();
    }
    group.finish();

    let mut group = c.benchmark_group("keystroke_analysed");
    group.sample_size(10);
    for size in SIZES {
        let mut app = editing(&bank_dir(size));
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
        group.bench_function(BenchmarkId::from_parameter(size), |b| {
            b.iter(|| {
                press(&mut app, KeyCode::Char('x'));
                app.settle();
                draw(&mut terminal, &app);
            });
        });
    }
    group.finish();
}

fn search_keystroke(c: &mut Criterion) {
    let mut group = c.benchmark_group("search_keystroke");
    group.sample_size(20);
    for size in SIZES {
        let mut app = open(&bank_dir(size));
        app.settle();
        press(&mut app, KeyCode::Char('/'));
        for c in "on-call rotation".chars() {
            press(&mut app, KeyCode::Char(c));
        }
        app.settle();
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
        group.bench_function(BenchmarkId::from_parameter(size), |b| {
            b.iter_custom(|iterations| {
                let mut total = Duration::ZERO;
                for _ in 0..iterations {
                    let start = Instant::now();
                    press(&mut app, KeyCode::Char('s'));
                    app.settle();
                    draw(&mut terminal, &app);
                    total += start.elapsed();
                    press(&mut app, KeyCode::Backspace);
                    app.settle();
                }
                total
            });
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    first_frame,
    analysed_frame,
    keystroke,
    search_keystroke
);
criterion_main!(benches);
