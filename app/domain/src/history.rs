//! Histories of typed events. A case and a legal-aid application are each an append-only list of
//! events; every state they are in is a fold over that list. The folds read an event with the
//! day it happened on (Asia/Shanghai) through [`Dated`], so that the store's rows (with who and
//! when) and a test's `(day, event)` pairs are read alike.

use chrono::NaiveDate;

/// An event of type `E` with the day it happened on.
pub trait Dated<E> {
    fn on(&self) -> NaiveDate;
    fn event(&self) -> &E;
}

impl<E> Dated<E> for (NaiveDate, E) {
    fn on(&self) -> NaiveDate {
        self.0
    }
    fn event(&self) -> &E {
        &self.1
    }
}

impl<E, T: Dated<E>> Dated<E> for &T {
    fn on(&self) -> NaiveDate {
        (*self).on()
    }
    fn event(&self) -> &E {
        (*self).event()
    }
}
