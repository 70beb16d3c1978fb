//! `starbank sheet` output: the one-page loop sheet as Markdown, or as a self-contained HTML
//! page (inline CSS, no script, nothing fetched) laid out to print on one A4 or Letter page.

use std::fmt::Write as _;

use crate::index::strength::rounded_down;
use crate::plan::sheet::{Sheet, StoryCard};
use crate::snippet::sanitize;

/// The paper the HTML sheet is laid out for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Paper {
    A4,
    Letter,
}

impl Paper {
    fn css_size(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "letter",
        }
    }

    /// The printable area inside [`MARGIN_MM`], in millimetres (width, height).
    fn area_mm(self) -> (f32, f32) {
        let (width, height) = match self {
            Paper::A4 => (210.0, 297.0),
            Paper::Letter => (215.9, 279.4),
        };
        (width - 2.0 * MARGIN_MM, height - 2.0 * MARGIN_MM)
    }
}

/// The page margin of the printed sheet.
const MARGIN_MM: f32 = 9.0;
/// The body text size the layout is designed at; a long sheet is set smaller to fit.
const BASE_PT: f32 = 7.6;
/// Below this the sheet is not readable on paper: it runs onto a second page instead.
const MIN_PT: f32 = 5.8;
/// Line height as a multiple of the text size (the stylesheet's `line-height`).
const LINE_HEIGHT: f32 = 1.25;
/// An average character of the sans-serif body text is about this many ems wide.
const CHAR_EM: f32 = 0.5;
const PT_MM: f32 = 0.3528;

/// The text size at which the sheet fits one page of `paper`: its height estimated from the
/// characters of each paragraph at the card width. Text height grows with the square of the
/// size (taller lines, and fewer characters on each), hence the square root; 0.85 leaves
/// room for the estimate's error (it ran 7% short on the bundled sheet printed in Chromium).
fn fitting_size(sheet: &Sheet, paper: Paper) -> f32 {
    let (width, height) = paper.area_mm();
    let line_mm = BASE_PT * PT_MM * LINE_HEIGHT;
    let char_mm = BASE_PT * PT_MM * CHAR_EM;
    let card_chars = ((width - CARD_GAP_MM) / 2.0 - CARD_PADDING_MM) / char_mm;
    let page_chars = width / char_mm;
    let lines =
        |text: &str, per_line: f32| (text.chars().count() as f32 / per_line).ceil().max(1.0);
    let card = |entry: &crate::plan::sheet::SheetEntry| -> f32 {
        let mut count = lines(&entry.question, card_chars);
        if let Some(tell) = &entry.tell {
            count += lines(&format!("{} {} 0.00", tell.headline, tell.id), card_chars);
            count += lines(&figures_text(tell), card_chars);
            count += tell.short.as_deref().map_or(0.0, |s| lines(s, card_chars));
        } else {
            count += 1.0;
        }
        count += entry.backup.as_ref().map_or(1.0, |b| {
            lines(&format!("Backup: {} {} 0.00", b.headline, b.id), card_chars)
        });
        if !entry.also_covers.is_empty() {
            count += lines(
                &format!("Also covers: {}", entry.also_covers.join(", ")),
                card_chars,
            );
        }
        count * line_mm + CARD_PADDING_MM + 1.0
    };
    let mut total = 2.0 * line_mm + lines(&sheet.other_rounds.join(", "), page_chars) * line_mm;
    for round in &sheet.rounds {
        total += ROUND_CHROME_MM + 1.2 * line_mm;
        for pair in round.entries.chunks(2) {
            total += pair.iter().map(card).fold(0.0, f32::max) + CARD_GAP_MM;
        }
    }
    if !sheet.warnings.is_empty() {
        total += ROUND_CHROME_MM + line_mm;
        for warning in &sheet.warnings {
            total += lines(warning, page_chars) * line_mm;
        }
    }
    let scale = (0.85 * height / total).sqrt().min(1.0);
    (BASE_PT * scale).max(MIN_PT)
}

/// Fixed sizes of the layout, in millimetres, as the stylesheet sets them.
const CARD_GAP_MM: f32 = 2.5;
const CARD_PADDING_MM: f32 = 3.6;
const ROUND_CHROME_MM: f32 = 3.2;

fn title(sheet: &Sheet) -> String {
    format!("{} loop sheet", sheet.level)
}

fn figures_text(card: &StoryCard) -> String {
    let figures: Vec<String> = card
        .figures
        .iter()
        .map(|f| format!("{} ({})", f.value, f.reads_at))
        .collect();
    let reads = match card.reads_at {
        Some(reading) => format!("reads at {reading}"),
        None => "states no scope figure".to_string(),
    };
    if figures.is_empty() {
        reads
    } else {
        format!("{} · {reads}", figures.join(" · "))
    }
}

/// Text safe in Markdown prose.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in sanitize(text).chars() {
        if matches!(
            c,
            '|' | '*' | '_' | '`' | '<' | '>' | '[' | ']' | '\\' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub fn markdown(sheet: &Sheet) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", title(sheet));
    if !sheet.other_rounds.is_empty() {
        let _ = writeln!(
            out,
            "Also in the loop, no story planned: {}.\n",
            md(&sheet.other_rounds.join(", "))
        );
    }
    for round in &sheet.rounds {
        let _ = writeln!(
            out,
            "## {} · {} min · {}{}\n",
            md(&round.name),
            round.minutes,
            md(&round.focus),
            if round.looks_for.is_empty() {
                String::new()
            } else {
                format!(": {}", md(&round.looks_for))
            }
        );
        for entry in &round.entries {
            let _ = writeln!(out, "**{}**\n", md(&entry.question));
            match &entry.tell {
                Some(card) => {
                    let _ = writeln!(
                        out,
                        "- Tell: **{}** (`{}`, {})",
                        md(&card.headline),
                        card.id,
                        rounded_down(card.strength)
                    );
                    let _ = writeln!(out, "- Scope: {}", md(&figures_text(card)));
                    if let Some(short) = &card.short {
                        let _ = writeln!(out, "- Short: {}", md(short));
                    }
                }
                None => {
                    let _ = writeln!(out, "- Tell: no story left for this question");
                }
            }
            match &entry.backup {
                Some(backup) => {
                    let _ = writeln!(
                        out,
                        "- Backup: {} (`{}`, {})",
                        md(&backup.headline),
                        backup.id,
                        rounded_down(backup.strength)
                    );
                }
                None => {
                    let _ = writeln!(out, "- Backup: none");
                }
            }
            if !entry.also_covers.is_empty() {
                let ids: Vec<String> = entry
                    .also_covers
                    .iter()
                    .map(|id| format!("`{id}`"))
                    .collect();
                let _ = writeln!(out, "- Also covers: {}", ids.join(", "));
            }
            out.push('\n');
        }
    }
    if !sheet.warnings.is_empty() {
        let _ = writeln!(out, "## Thin spots\n");
        for warning in &sheet.warnings {
            let _ = writeln!(out, "- {}", md(warning));
        }
    }
    out
}

/// Text safe in HTML content and attribute values.
fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in sanitize(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The stylesheet: small print, each round a row of cards, nothing split across a page.
const STYLE: &str = "
*{box-sizing:border-box}
body{margin:0;font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;line-height:1.25;color:#111}
h1{font-size:12pt;margin:0 0 1mm}
.other{margin:0 0 2mm;color:#555}
section.round{border-top:0.4mm solid #333;padding:1.2mm 0 1.6mm;break-inside:avoid}
h2{font-size:9pt;margin:0 0 1mm}
h2 .meta{font-weight:normal;color:#555}
.cards{display:grid;grid-template-columns:repeat(2,1fr);gap:2.5mm}
article{border:0.25mm solid #bbb;border-radius:1mm;padding:1.2mm 1.8mm;break-inside:avoid}
.q{font-style:italic;margin:0 0 0.8mm;color:#333}
.headline{font-weight:bold;margin:0}
.id,.strength{color:#666;font-weight:normal}
.scope{margin:0.5mm 0;color:#222}
.L7{color:#0a6b2d;font-weight:bold}.L6{color:#8a5a00;font-weight:bold}.below-L6{color:#b00020;font-weight:bold}
.short{margin:0.8mm 0;text-align:justify}
.backup,.covers{margin:0.4mm 0;color:#444}
.none{color:#b00020}
footer{border-top:0.4mm solid #333;padding-top:1mm;color:#b00020}
footer ul{margin:0;padding-left:4mm}
@media screen{body{margin:9mm auto}}
";

/// The sheet as one self-contained HTML page for `paper`.
pub fn html_page(sheet: &Sheet, paper: Paper) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>{}</title>\n<style>@page{{size:{};margin:{MARGIN_MM}mm}}\nbody{{font-size:{:.2}pt;max-width:{}mm}}{STYLE}</style>\n</head>\n<body>\n",
        html(&title(sheet)),
        paper.css_size(),
        fitting_size(sheet, paper),
        paper.area_mm().0,
    );
    let _ = writeln!(out, "<h1>{}</h1>", html(&title(sheet)));
    if !sheet.other_rounds.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"other\">Also in the loop, no story planned: {}.</p>",
            html(&sheet.other_rounds.join(", "))
        );
    }
    for round in &sheet.rounds {
        let _ = writeln!(
            out,
            "<section class=\"round\" data-round=\"{}\">",
            html(&round.name)
        );
        let _ = writeln!(
            out,
            "<h2>{} <span class=\"meta\">· {} min · {}{}</span></h2>",
            html(&round.name),
            round.minutes,
            html(&round.focus),
            if round.looks_for.is_empty() {
                String::new()
            } else {
                format!(": {}", html(&round.looks_for))
            }
        );
        let _ = writeln!(out, "<div class=\"cards\">");
        for entry in &round.entries {
            let _ = writeln!(
                out,
                "<article data-question=\"{}\">",
                html(&entry.question_id)
            );
            let _ = writeln!(out, "<p class=\"q\">{}</p>", html(&entry.question));
            match &entry.tell {
                Some(card) => html_card(&mut out, card),
                None => {
                    let _ = writeln!(
                        out,
                        "<p class=\"headline none\">No story left for this question</p>"
                    );
                }
            }
            match &entry.backup {
                Some(backup) => {
                    let _ = writeln!(
                        out,
                        "<p class=\"backup\" data-story=\"{}\">Backup: {} <span class=\"id\">{} · {}</span></p>",
                        html(&backup.id),
                        html(&backup.headline),
                        html(&backup.id),
                        rounded_down(backup.strength)
                    );
                }
                None => {
                    let _ = writeln!(out, "<p class=\"backup none\">Backup: none</p>");
                }
            }
            if !entry.also_covers.is_empty() {
                let _ = writeln!(
                    out,
                    "<p class=\"covers\">Also covers: {}</p>",
                    html(&entry.also_covers.join(", "))
                );
            }
            let _ = writeln!(out, "</article>");
        }
        let _ = writeln!(out, "</div>\n</section>");
    }
    if !sheet.warnings.is_empty() {
        let _ = writeln!(out, "<footer>\n<h2>Thin spots</h2>\n<ul>");
        for warning in &sheet.warnings {
            let _ = writeln!(out, "<li>{}</li>", html(warning));
        }
        let _ = writeln!(out, "</ul>\n</footer>");
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn html_card(out: &mut String, card: &StoryCard) {
    let _ = writeln!(
        out,
        "<p class=\"headline\" data-story=\"{}\">{} <span class=\"id\">{}</span> <span class=\"strength\">{}</span></p>",
        html(&card.id),
        html(&card.headline),
        html(&card.id),
        rounded_down(card.strength)
    );
    let mut scope = String::new();
    for figure in &card.figures {
        let _ = write!(
            scope,
            "{} <span class=\"{}\">{}</span> · ",
            html(&figure.value),
            figure.reads_at,
            figure.reads_at
        );
    }
    match card.reads_at {
        Some(reading) => {
            let _ = write!(scope, "reads at <span class=\"{reading}\">{reading}</span>");
        }
        None => scope.push_str("<span class=\"below-L6\">states no scope figure</span>"),
    }
    let _ = writeln!(out, "<p class=\"scope\">{scope}</p>");
    if let Some(short) = &card.short {
        let _ = writeln!(out, "<p class=\"short\">{}</p>", html(short));
    }
}
