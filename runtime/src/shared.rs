//! `Shared<T>`: a reference-counted box like `Rc<T>` but without the weak
//! count. Nothing holds a str weakly, and the 8 bytes saved put a str
//! object (count plus `StrData`) at 48 bytes instead of 56, which mimalloc
//! serves from its 48-byte class instead of the 64-byte one: a program
//! holding a million short strs uses 16 MB less.
//!
//! Like `Rc`, it is neither `Send` nor `Sync` (the raw pointer sees to
//! that); the interpreter lock rule of `gil.rs` is what lets worker threads
//! touch Python values at all.

use std::cell::Cell;
use std::marker::PhantomData;
use std::ops::Deref;
use std::ptr::NonNull;

pub struct Shared<T> {
    ptr: NonNull<SharedBox<T>>,
    /// Owns a `SharedBox<T>` for the drop checker.
    _owns: PhantomData<SharedBox<T>>,
}

struct SharedBox<T> {
    count: Cell<usize>,
    value: T,
}

impl<T> Shared<T> {
    pub fn new(value: T) -> Shared<T> {
        let boxed = Box::new(SharedBox { count: Cell::new(1), value });
        Shared { ptr: NonNull::from(Box::leak(boxed)), _owns: PhantomData }
    }

    #[inline]
    fn inner(&self) -> &SharedBox<T> {
        // SAFETY: the box lives while any `Shared` to it does, and this one
        // does; only `get_mut` hands out `&mut`, and only to a sole owner.
        unsafe { self.ptr.as_ref() }
    }

    /// The value, mutably, when this is the only reference to it.
    #[inline]
    pub fn get_mut(this: &mut Shared<T>) -> Option<&mut T> {
        if this.inner().count.get() != 1 {
            return None;
        }
        // SAFETY: the count is 1, so no other `Shared` (and so no other
        // reference into the box) exists, and `this` is borrowed mutably.
        Some(unsafe { &mut this.ptr.as_mut().value })
    }

    #[inline]
    pub fn ptr_eq(a: &Shared<T>, b: &Shared<T>) -> bool {
        a.ptr == b.ptr
    }

    /// The address of the value, for `id()`.
    #[inline]
    pub fn as_ptr(this: &Shared<T>) -> *const T {
        &this.inner().value
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;

    #[inline]
    fn deref(&self) -> &T {
        &self.inner().value
    }
}

impl<T> Clone for Shared<T> {
    #[inline]
    fn clone(&self) -> Shared<T> {
        let count = &self.inner().count;
        // A count can only overflow by leaking clones; stop rather than
        // wrap and free a live value (what `Rc` does too).
        let Some(n) = count.get().checked_add(1) else { std::process::abort() };
        count.set(n);
        Shared { ptr: self.ptr, _owns: PhantomData }
    }
}

impl<T> Drop for Shared<T> {
    #[inline]
    fn drop(&mut self) {
        let count = &self.inner().count;
        let n = count.get() - 1;
        count.set(n);
        if n == 0 {
            // SAFETY: this was the last reference; the box came from
            // `Box::leak` in `new` and is freed exactly once, here.
            drop(unsafe { Box::from_raw(self.ptr.as_ptr()) });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;

    #[test]
    fn counts_clones_and_frees_once() {
        // An `Rc` inside tells when the shared value is dropped.
        let probe = Rc::new(());
        let a = Shared::new(probe.clone());
        let mut b = a.clone();
        assert!(Shared::ptr_eq(&a, &b));
        assert!(Shared::get_mut(&mut b).is_none());
        drop(a);
        assert_eq!(Rc::strong_count(&probe), 2);
        assert!(Shared::get_mut(&mut b).is_some());
        drop(b);
        assert_eq!(Rc::strong_count(&probe), 1);
    }

    #[test]
    fn is_one_word_smaller_than_rc() {
        assert_eq!(std::mem::size_of::<SharedBox<[u64; 5]>>(), 48);
        assert_eq!(std::mem::size_of::<Shared<String>>(), 8);
    }
}
