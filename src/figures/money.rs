//! Money: a currency sign or code before the number ("$3M", "US$ 2 million", "€40K") or a
//! currency word after it ("3 million dollars"), with a rate ("a year", "/yr", "ARR") kept in
//! the phrase. Face value, never converted.

use super::quantity::Quantity;
use super::scanner::Scanner;
use super::vocabulary::Class;
use super::{FigureKind, Role};

impl Scanner<'_> {
    /// Dollars when the quantity has a currency: the token after the phrase.
    pub(crate) fn money(
        &mut self,
        quantity: &Quantity,
        span_start: usize,
        approx: bool,
    ) -> Option<usize> {
        let mut end = quantity.end;
        let mut currency = quantity.currency;
        if let Some(after) = self.phrase_at(end, Class::CurrencyWord) {
            currency = true;
            end = after;
        }
        if !currency {
            return None;
        }
        if let Some(after) = self.phrase_at(end, Class::MoneyRate) {
            end = after;
        }
        self.push(
            FigureKind::Dollars,
            quantity.value(),
            approx,
            span_start..end,
            Role::Scope,
        );
        Some(end)
    }
}
