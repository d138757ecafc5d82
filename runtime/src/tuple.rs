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
        Tuple { items: items.into_iter().collect() }
    }

    pub fn items(&self) -> &[Value] {
        &self.items
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}
