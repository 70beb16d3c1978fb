//! Code frames (`--> file:line:col`, the line, the phrase underlined), and the one place
//! untrusted story text is made safe for a terminal.

use std::fmt::Write;

/// Replaces control characters (escape sequences included) with visible stand-ins, so story
/// text never drives the terminal. Tabs become spaces so underlines stay aligned.
pub fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\t' => out.push_str("    "),
            c if c.is_control() => {
                let code = c as u32;
                match char::from_u32(0x2400 + code).filter(|_| code < 0x20) {
                    Some(picture) => out.push(picture),
                    None => out.push('\u{fffd}'),
                }
            }
            c if is_bidi_control(c) => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Bidirectional overrides, embeddings, isolates and marks: they reorder what a reader sees
/// (the "Trojan Source" characters), so story text never reaches a terminal with them.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}'
    )
}

/// A character that must not reach a terminal as it is: a control character (C0, DEL, C1:
/// ESC, CSI, OSC...) or a bidirectional control.
pub fn is_unsafe_for_terminal(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// ANSI styles shared by every coloured output (CLI commands and lint reports).
pub mod ansi {
    pub const RED: &str = "\x1b[1;31m";
    pub const YELLOW: &str = "\x1b[1;33m";
    pub const CYAN: &str = "\x1b[1;36m";
    pub const GREEN: &str = "\x1b[1;32m";
    pub const BOLD: &str = "\x1b[1m";
    pub const DIM: &str = "\x1b[2m";
    pub const RESET: &str = "\x1b[0m";
}

/// Wraps `text` in `style` when `colour` is on.
pub fn paint(colour: bool, style: &str, text: &str) -> String {
    if colour {
        format!("{style}{text}{}", ansi::RESET)
    } else {
        text.to_string()
    }
}

/// Terminal styles for a frame; all empty for plain output.
#[derive(Debug, Clone, Copy, Default)]
pub struct Styles {
    pub gutter: &'static str,
    pub underline: &'static str,
    pub reset: &'static str,
}

impl Styles {
    pub const PLAIN: Styles = Styles {
        gutter: "",
        underline: "",
        reset: "",
    };

    pub fn coloured(underline: &'static str) -> Styles {
        Styles {
            gutter: "\x1b[1;34m",
            underline,
            reset: "\x1b[0m",
        }
    }
}

/// One frame: a location line, the source line, and a caret underline from `column` to
/// `end_column` (exclusive, 1-based; clamped to the line), with an optional label after it.
pub struct Frame<'a> {
    pub path: &'a str,
    pub line: usize,
    pub column: usize,
    pub end_column: usize,
    pub line_text: &'a str,
    pub label: &'a str,
}

impl Frame<'_> {
    pub fn render(&self, styles: Styles) -> String {
        let number = self.line.to_string();
        let pad = " ".repeat(number.len());
        let Styles {
            gutter,
            underline,
            reset,
        } = styles;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{pad}{gutter}-->{reset} {}:{}:{}",
            sanitize(self.path),
            self.line,
            self.column
        );
        if self.line_text.is_empty() && self.line == 0 {
            return out;
        }
        // Sections are often one long line: show a window around the phrase.
        let (window, column, end_column) = window(self.line_text, self.column, self.end_column);
        let shown = sanitize(&window);
        let _ = writeln!(out, "{pad} {gutter}|{reset}");
        let _ = writeln!(out, "{gutter}{number} |{reset} {shown}");
        // Width of the text before the phrase, as displayed (tabs were widened by sanitize).
        let before: String = window.chars().take(column.saturating_sub(1)).collect();
        let indent = sanitize(&before).chars().count();
        let line_chars = window.chars().count();
        let end = end_column.min(line_chars + 1).max(column + 1);
        let phrase: String = window
            .chars()
            .skip(column.saturating_sub(1))
            .take(end - column)
            .collect();
        let width = sanitize(&phrase).chars().count().max(1);
        let label = if self.label.is_empty() {
            String::new()
        } else {
            format!(" {}", self.label)
        };
        let _ = writeln!(
            out,
            "{pad} {gutter}|{reset} {}{underline}{}{label}{reset}",
            " ".repeat(indent),
            "^".repeat(width)
        );
        out
    }
}

/// Lines longer than this are shown as a window around the phrase.
pub const MAX_LINE_WIDTH: usize = 100;
/// Characters of context kept before the phrase in a window.
const CONTEXT_BEFORE: usize = 30;

/// `line` cut to [`MAX_LINE_WIDTH`] characters around columns `column..end_column`, with `…`
/// where text was cut, and the columns moved to match.
fn window(line: &str, column: usize, end_column: usize) -> (String, usize, usize) {
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= MAX_LINE_WIDTH {
        return (line.to_string(), column, end_column);
    }
    let start = column.saturating_sub(1).saturating_sub(CONTEXT_BEFORE);
    // Keep a phrase that ends near the line's end from leaving the window half empty.
    let start = start.min(chars.len().saturating_sub(MAX_LINE_WIDTH));
    let end = (start + MAX_LINE_WIDTH).min(chars.len());
    let mut text = String::new();
    let mut shift = start;
    if start > 0 {
        text.push('…');
        shift -= 1;
    }
    text.extend(&chars[start..end]);
    if end < chars.len() {
        text.push('…');
    }
    (
        text,
        column - shift,
        end_column.saturating_sub(shift).max(column - shift),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_neutralises_escapes() {
        assert_eq!(sanitize("a\x1b[31mb"), "a\u{241b}[31mb");
        assert_eq!(sanitize("x\ty"), "x    y");
        assert_eq!(sanitize("ok é"), "ok é");
        assert_eq!(sanitize("\u{202e}abc"), "\u{fffd}abc");
    }

    #[test]
    fn frame_underlines_the_phrase() {
        let frame = Frame {
            path: "s.ron",
            line: 12,
            column: 5,
            end_column: 11,
            line_text: "    resutl: \"x\",",
            label: "did you mean `result`?",
        };
        let text = frame.render(Styles::PLAIN);
        assert_eq!(
            text,
            "  --> s.ron:12:5\n   |\n12 |     resutl: \"x\",\n   |     ^^^^^^ did you mean `result`?\n"
        );
    }

    #[test]
    fn long_lines_show_a_window_around_the_phrase() {
        let line = format!(
            "{}a team of 14 engineers{}",
            "x".repeat(200),
            "y".repeat(200)
        );
        let frame = Frame {
            path: "s.ron",
            line: 3,
            column: 201,
            end_column: 223,
            line_text: &line,
            label: "",
        };
        let text = frame.render(Styles::PLAIN);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[2].starts_with("3 | …"), "{}", lines[2]);
        assert!(lines[2].ends_with('…'));
        let caret = lines[3].find('^').unwrap();
        let underlined: String = lines[2].chars().skip(caret).take(22).collect();
        assert_eq!(underlined, "a team of 14 engineers");
        assert_eq!(lines[3].matches('^').count(), 22);
    }
}
