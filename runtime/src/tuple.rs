//! `tuple`: an immutable sequence of values.

use smallvec::SmallVec;

use crate::value::Value;

/// The items of up to two are stored in the tuple itself, so a pair (a
/// dict item, an `enumerate` step, a two-value return) is one allocation.
pub struct Tuple {
    items: SmallVec<[Value; 2]>,
}

impl Tuple {
    pub fn new(items: Vec<Value>) -> Tuple {
        Tuple { items: SmallVec::from_vec(items) }
    }

    /// A tuple of these items, with no vector in between.
    pub fn of<const N: usize>(items: [Value; N]) -> Tuple {
        let mut it = items.into_iter();
        // One or two items: the inline buffer itself, moved in whole (the
        // generic collect checks capacity per item). `N` is a constant, so
        // only one arm remains.
        let items = match (N, it.next(), it.next()) {
            (1, Some(a), None) => SmallVec::from_buf_and_len([a, Value::None], 1),
            (2, Some(a), Some(b)) => SmallVec::from_buf([a, b]),
            (_, a, b) => a.into_iter().chain(b).chain(it).collect(),
        };
        Tuple { items }
    }

    pub fn items(&self) -> &[Value] {
        &self.items
    }

    /// The items, taken out of a tuple no one else holds.
    pub fn into_items(self) -> SmallVec<[Value; 2]> {
        self.items
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}
