//! Colours, and what replaces them under `NO_COLOR`: every distinction a colour makes is also
//! made by a modifier (bold, underline, reverse) or by text, so nothing is lost without colour.

use crate::index::strength::Band;
use ratatui::style::{Color, Modifier, Style};

use crate::config::Severity;
use crate::prompts::Reading;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub colour: bool,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to anything non-empty (no-color.org).
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme { colour: !no_color }
    }

    fn fg(self, colour: Color) -> Style {
        if self.colour {
            Style::new().fg(colour)
        } else {
            Style::new()
        }
    }

    /// A figure's highlight: the colour of the level it reads at.
    pub fn reading(self, reading: Reading) -> Style {
        if !self.colour {
            return match reading {
                Reading::BelowL6 => Style::new().add_modifier(Modifier::UNDERLINED),
                Reading::L6 => Style::new().add_modifier(Modifier::BOLD),
                Reading::L7 => Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            };
        }
        let colour = reading_colour(reading);
        Style::new().fg(Color::Black).bg(colour)
    }

    /// Text that names a reading (`L7` in the list), coloured but not filled.
    pub fn reading_text(self, reading: Option<Reading>) -> Style {
        match reading {
            Some(reading) if self.colour => Style::new().fg(reading_colour(reading)),
            Some(_) => Style::new(),
            None => self.dim(),
        }
    }

    pub fn severity(self, severity: Severity) -> Style {
        match severity {
            Severity::Error => self.fg(Color::Red).add_modifier(Modifier::BOLD),
            Severity::Warning => self.fg(Color::Yellow),
            Severity::Info => self.fg(Color::Cyan),
        }
    }

    pub fn dim(self) -> Style {
        if self.colour {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn title(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn key(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn selected(self) -> Style {
        if self.colour {
            Style::new()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn focused_border(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn border(self) -> Style {
        self.dim()
    }

    /// The phrase a finding points at, after a jump.
    pub fn mark(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::UNDERLINED)
    }

    pub fn error(self) -> Style {
        self.fg(Color::Red)
    }

    pub fn ok(self) -> Style {
        self.fg(Color::Green)
    }

    pub fn search_hit(self) -> Style {
        if self.colour {
            Style::new().fg(Color::Black).bg(Color::Magenta)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// Coverage shading: a match strength in 0..=1 (the bands of `starbank coverage`).
    pub fn strength(self, score: f32) -> Style {
        if !self.colour {
            return Style::new();
        }
        let colour = match Band::of(score) {
            Band::Good | Band::Strong => Color::Green,
            Band::Adequate => Color::Yellow,
            Band::Weak => Color::DarkGray,
            Band::None => Color::Reset,
        };
        Style::new().fg(colour)
    }
}

fn reading_colour(reading: Reading) -> Color {
    match reading {
        Reading::BelowL6 => Color::Red,
        Reading::L6 => Color::Yellow,
        Reading::L7 => Color::Green,
    }
}

/// A coverage cell's glyph, as `starbank coverage` draws it: the adequate threshold is the
/// line between light (`·`, `░`) and dark (`▒`, `▓`, `█`), so the glyph alone carries it.
pub fn shade(score: f32) -> char {
    Band::of(score).glyph()
}
