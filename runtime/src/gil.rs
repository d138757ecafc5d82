//! Process-wide interpreter state and the rule that makes it sound.
//!
//! Python values are `Rc`-based and so not thread-safe. Like CPython, a
//! generated program runs Python code on one thread at a time: the main
//! thread holds the (implicit) interpreter lock, and any worker thread that
//! runs Python code (the asyncio executor) must take it first. Under that
//! rule, interpreter-wide state can live in plain `static`s; the wrappers
//! here assert `Sync` on that basis and keep the `unsafe` in one place.

use std::cell::UnsafeCell;
use std::sync::OnceLock;

/// A value shared by the whole interpreter, created on first use.
pub struct Lazy<T> {
    cell: OnceLock<Unshared<T>>,
    init: fn() -> T,
}

struct Unshared<T>(T);

// SAFETY: only accessed by the thread holding the interpreter lock.
unsafe impl<T> Send for Unshared<T> {}
// SAFETY: as above.
unsafe impl<T> Sync for Unshared<T> {}

impl<T> Lazy<T> {
    pub const fn new(init: fn() -> T) -> Self {
        Lazy { cell: OnceLock::new(), init }
    }

    pub fn get(&self) -> &T {
        &self.cell.get_or_init(|| Unshared((self.init)())).0
    }

    /// The value if it has been created (and is not being created now).
    pub fn try_get(&self) -> Option<&T> {
        self.cell.get().map(|u| &u.0)
    }
}

/// A mutable slot shared by the whole interpreter (a module global, a
/// registry). Reads clone the value out and writes swap it in, so no
/// reference into the slot outlives a call that could run Python code.
pub struct GilCell<T> {
    slot: UnsafeCell<T>,
}

// SAFETY: only accessed by the thread holding the interpreter lock, and no
// borrow of the inner value escapes a method (see the type's docs).
unsafe impl<T> Sync for GilCell<T> {}

impl<T> GilCell<T> {
    pub const fn new(value: T) -> Self {
        GilCell { slot: UnsafeCell::new(value) }
    }

    /// Replaces the value and returns the old one; the caller drops it after
    /// the slot is consistent again (a drop may run Python code).
    pub fn replace(&self, value: T) -> T {
        // SAFETY: single-threaded by the interpreter-lock rule, and the
        // mutable borrow ends before this function returns.
        unsafe { std::mem::replace(&mut *self.slot.get(), value) }
    }

    /// Runs `f` on a shared view; `f` must not call back into Python code.
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        // SAFETY: as above; `f` is documented not to re-enter.
        unsafe { f(&*self.slot.get()) }
    }
}

impl<T: Clone> GilCell<T> {
    pub fn get(&self) -> T {
        self.with(T::clone)
    }
}

/// The interpreter lock itself. The Python thread holds it while running
/// Python code and lets go around blocking waits (`time.sleep`, the event
/// loop waiting for timers or executor results), so that a worker thread
/// of `run_in_executor` can run Python code meanwhile.
static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

thread_local! {
    /// This thread's hold on the lock, when it has one.
    static HELD: std::cell::RefCell<Option<std::sync::MutexGuard<'static, ()>>> =
        const { std::cell::RefCell::new(None) };
}

/// Takes the interpreter lock for the current thread.
pub fn acquire() {
    let guard = LOCK.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    HELD.with(|h| *h.borrow_mut() = Some(guard));
}

/// Gives the lock up for the current thread.
pub fn release() {
    HELD.with(|h| drop(h.borrow_mut().take()));
}

/// Runs `f` (which must not touch Python values) without the lock.
pub fn without<R>(f: impl FnOnce() -> R) -> R {
    let held = HELD.with(|h| h.borrow().is_some());
    if held {
        release();
    }
    let r = f();
    if held {
        acquire();
    }
    r
}

/// A value moved between threads that only touch it under the lock.
pub struct SendBox<T>(pub T);

// SAFETY: the contents are only accessed by the thread holding the
// interpreter lock (see the module docs).
unsafe impl<T> Send for SendBox<T> {}
