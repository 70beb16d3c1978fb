//! Money: a currency sign or code before the number ("$3M", "US$ 2 million", "€40K") or a
//! currency word after it ("3 million dollars"), with a rate ("a year", "/yr", "ARR") kept in
//! the phrase. Face value, never converted; a dollar sign glued to another country's letters
//! ("R$", "C$", "HK$") is another currency and not read. A company's valuation or assets
//! is context, not the work's impact.

use super::quantity::Stated;
use super::scanner::Scanner;
use super::vocabulary::Class;
use super::{FigureKind, Role};

impl Scanner<'_> {
    /// Dollars when the quantity has a currency: the token after the phrase.
    pub(crate) fn money(&mut self, stated: &Stated) -> Option<usize> {
        let Stated {
            ref quantity,
            start: span_start,
            approx,
            ..
        } = *stated;
        let mut end = quantity.end;
        let mut currency = quantity.currency;
        if let Some(after) = self.phrase_at(end, Class::CurrencyWord) {
            currency = true;
            end = after;
        } else if let Some(after) = self
            .joining_hyphen(end)
            .then(|| self.phrase_at(end + 1, Class::CurrencyWord))
            .flatten()
        {
            // "a 7-million-dollar program"
            currency = true;
            end = after;
        }
        if !currency {
            return None;
        }
        // "a $191M valuation" is what a company is worth, not what the work moved.
        let context = self.phrase_at(end, Class::MoneyContextAfter).is_some()
            || self
                .phrase_before(span_start, Class::MoneyContextBefore)
                .is_some();
        if let Some(after) = self.phrase_at(end, Class::MoneyRate) {
            end = after;
        }
        let context = context || self.phrase_at(end, Class::MoneyContextAfter).is_some();
        let role = if context { Role::Context } else { Role::Scope };
        self.push(
            FigureKind::Dollars,
            quantity.value(),
            approx,
            span_start..end,
            role,
        );
        Some(end)
    }
}
