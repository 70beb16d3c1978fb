//! Placeholder: replaced by the real extractor.
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    TeamSize,
    HorizonMonths,
    Dollars,
    Teams,
    BusinessUnits,
    Managers,
    Stakeholder,
}

impl FigureKind {
    pub const ALL: [FigureKind; 7] = [
        FigureKind::TeamSize,
        FigureKind::HorizonMonths,
        FigureKind::Dollars,
        FigureKind::Teams,
        FigureKind::BusinessUnits,
        FigureKind::Managers,
        FigureKind::Stakeholder,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FigureKind::TeamSize => "team_size",
            FigureKind::HorizonMonths => "horizon_months",
            FigureKind::Dollars => "dollars",
            FigureKind::Teams => "teams",
            FigureKind::BusinessUnits => "business_units",
            FigureKind::Managers => "managers",
            FigureKind::Stakeholder => "stakeholder",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub kind: FigureKind,
    pub value: f64,
    pub high: Option<f64>,
    pub approx: bool,
    pub span: std::ops::Range<usize>,
}

impl Figure {
    pub fn text<'a>(&self, input: &'a str) -> &'a str {
        &input[self.span.clone()]
    }
}

pub fn extract(_text: &str) -> Vec<Figure> {
    Vec::new()
}
