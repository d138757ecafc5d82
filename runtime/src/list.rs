//! `list`: a mutable sequence behind a `RefCell`.
//!
//! Borrows of the vector are never held across a call that may run Python
//! code (a user `__eq__`, a sort key): such code may mutate the list, and a
//! held borrow would turn that into a panic instead of Python's behaviour.

use std::cell::{Ref, RefCell, RefMut};

use crate::value::Value;

pub struct List {
    items: RefCell<Vec<Value>>,
}

impl List {
    pub fn new(items: Vec<Value>) -> List {
        List { items: RefCell::new(items) }
    }

    pub fn borrow(&self) -> Ref<'_, Vec<Value>> {
        self.items.borrow()
    }

    pub fn borrow_mut(&self) -> RefMut<'_, Vec<Value>> {
        self.items.borrow_mut()
    }

    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    #[inline]
    pub fn get(&self, index: usize) -> Option<Value> {
        self.items.borrow().get(index).cloned()
    }

    pub fn push(&self, value: Value) {
        self.items.borrow_mut().push(value);
    }

    /// A copy of the items, for iteration that calls back into Python.
    pub fn snapshot(&self) -> Vec<Value> {
        self.items.borrow().clone()
    }

    /// Replaces the contents; the old items are dropped after the borrow
    /// ends, since dropping may run Python code.
    pub fn replace(&self, items: Vec<Value>) {
        let old = std::mem::replace(&mut *self.items.borrow_mut(), items);
        drop(old);
    }
}
