//! `tuple`: an immutable sequence of values.

use crate::value::Value;

pub struct Tuple {
    items: Box<[Value]>,
}

impl Tuple {
    pub fn new(items: Vec<Value>) -> Tuple {
        Tuple { items: items.into_boxed_slice() }
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
