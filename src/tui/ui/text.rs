//! Word-wrapping story text into styled lines, with byte ranges kept so a phrase can be both
//! highlighted and scrolled to. All text passes through [`sanitize`] on its way to a cell.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::snippet::sanitize;

/// A wrapped line and the byte range of the source text it shows.
pub struct WrappedLine {
    pub line: Line<'static>,
    pub range: Range<usize>,
}

/// Wraps `text` to `width` columns; `marks` (byte ranges, in order of precedence: later
/// wins) restyle parts of it.
pub fn wrap_styled(
    text: &str,
    width: usize,
    base: Style,
    marks: &[(Range<usize>, Style)],
) -> Vec<WrappedLine> {
    let width = width.max(1);
    let mut out = Vec::new();
    let mut paragraph_start = 0;
    for paragraph in text.split('\n') {
        for range in wrap_ranges(paragraph, width) {
            let range = paragraph_start + range.start..paragraph_start + range.end;
            out.push(WrappedLine {
                line: styled_line(text, range.clone(), base, marks),
                range,
            });
        }
        paragraph_start += paragraph.len() + 1;
    }
    out
}

/// Byte ranges of the lines of one paragraph wrapped greedily at word boundaries; a word
/// wider than the line is cut between characters.
fn wrap_ranges(paragraph: &str, width: usize) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut line_start = 0;
    let mut line_width = 0;
    let mut last_break: Option<usize> = None;
    let mut position = 0;
    for (index, c) in paragraph.char_indices() {
        let w = sanitize(c.encode_utf8(&mut [0; 4])).width();
        if line_width + w > width && index > line_start {
            let cut = match last_break {
                Some(at) if at > line_start => at,
                _ => index,
            };
            lines.push(line_start..cut);
            line_start = cut;
            // Skip the spaces the line broke at.
            while paragraph[line_start..].starts_with(' ') && line_start < index {
                line_start += 1;
            }
            line_width = sanitize(&paragraph[line_start..index]).width();
            last_break = None;
        }
        line_width += w;
        if c == ' ' {
            last_break = Some(index + 1);
        }
        position = index + c.len_utf8();
    }
    let _ = position;
    lines.push(line_start..paragraph.len());
    lines
}

fn styled_line(
    text: &str,
    range: Range<usize>,
    base: Style,
    marks: &[(Range<usize>, Style)],
) -> Line<'static> {
    // Cut points: the line's ends and every mark boundary inside it.
    let mut cuts = vec![range.start, range.end];
    for (mark, _) in marks {
        for at in [mark.start, mark.end] {
            if at > range.start && at < range.end && text.is_char_boundary(at) {
                cuts.push(at);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let spans: Vec<Span<'static>> = cuts
        .windows(2)
        .map(|pair| {
            let piece = pair[0]..pair[1];
            let style = marks
                .iter()
                .filter(|(mark, _)| {
                    mark.start <= piece.start && piece.end <= mark.end && mark.start < mark.end
                })
                .fold(base, |style, (_, mark_style)| style.patch(*mark_style));
            Span::styled(sanitize(&text[piece]), style)
        })
        .collect();
    Line::from(spans)
}

/// A single line of untrusted text, cut to `width` columns with an ellipsis.
pub fn clip(text: &str, width: usize) -> String {
    let clean = sanitize(text).replace('\n', " ");
    if clean.width() <= width {
        return clean;
    }
    let mut out = String::new();
    let mut used = 0;
    for c in clean.chars() {
        let w = c.to_string().width();
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[WrappedLine]) -> Vec<String> {
        lines.iter().map(|l| l.line.to_string()).collect()
    }

    #[test]
    fn wraps_at_words_and_keeps_ranges() {
        let text = "one two three four\nfive";
        let lines = wrap_styled(text, 9, Style::new(), &[]);
        assert_eq!(texts(&lines), ["one two ", "three ", "four", "five"]);
        assert_eq!(&text[lines[1].range.clone()], "three ");
        let long = wrap_styled("abcdefghij", 4, Style::new(), &[]);
        assert_eq!(texts(&long), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn marks_split_spans_and_control_characters_are_neutralised() {
        let text = "led 14 engineers \x1b[31m";
        let bold = Style::new().add_modifier(ratatui::style::Modifier::BOLD);
        let lines = wrap_styled(text, 80, Style::new(), &[(4..16, bold)]);
        let spans = &lines[0].line.spans;
        assert_eq!(spans[1].content, "14 engineers");
        assert_eq!(spans[1].style, bold);
        assert!(!lines[0].line.to_string().contains('\x1b'));
    }
}
