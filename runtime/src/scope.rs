//! Where Python names live at run time: module globals (`Global`), closure
//! cells shared between a function and the functions nested in it (`Cell`),
//! and the unbound-local check for locals that may be unassigned.

use std::cell::RefCell;
use std::rc::Rc;

use crate::exc::{PyResult, name_error, name_error_for, unbound_local_error};
use crate::gil::GilCell;
use crate::value::Value;

/// A module-level variable. Generated code declares one `static` per
/// global name; reading an unassigned one raises `NameError`.
pub struct Global {
    name: &'static str,
    /// The program's module it belongs to ("" for the script).
    module: &'static str,
    slot: GilCell<Option<Value>>,
}

impl Global {
    pub const fn new(name: &'static str) -> Global {
        Global::in_module(name, "")
    }

    /// A variable of the program's module `module`.
    pub const fn in_module(name: &'static str, module: &'static str) -> Global {
        Global { name, module, slot: GilCell::new(None) }
    }

    #[inline]
    pub fn get(&self) -> PyResult<Value> {
        match self.slot.get() {
            Some(v) => Ok(v),
            None => Err(self.unbound()),
        }
    }

    #[cold]
    fn unbound(&self) -> crate::exc::PyErr {
        let frame = (!self.module.is_empty())
            .then(|| Rc::new(crate::suggest::Frame { varnames: &[], self_obj: None, module: self.module }));
        name_error_for(self.name, frame)
    }

    #[inline]
    /// The value, if bound (no NameError).
    pub fn peek(&self) -> Option<Value> {
        self.slot.get()
    }

    #[inline]
    pub fn set(&self, value: Value) {
        let old = self.slot.replace(Some(value));
        if old.is_none() {
            self.first_bound();
        }
        drop(old);
    }

    #[cold]
    fn first_bound(&self) {
        bound(self.module, self.name, true);
    }

    pub fn delete(&self) -> PyResult<()> {
        match self.slot.replace(None) {
            Some(old) => {
                bound(self.module, self.name, false);
                drop(old);
                Ok(())
            }
            None => Err(self.unbound()),
        }
    }

    /// The variable's Python name.
    pub fn name(&self) -> &'static str {
        self.name
    }

    pub fn is_bound(&self) -> bool {
        self.slot.with(Option::is_some)
    }
}

/// The module's variables in the order they were bound, as the keys of
/// CPython's module dict run (a deleted one leaves, and comes back last):
/// "Did you mean" hints scan them in this order.
static BOUND_ORDER: GilCell<Vec<(&'static str, &'static str)>> = GilCell::new(Vec::new());

#[cold]
#[inline(never)]
fn bound(module: &'static str, name: &'static str, now: bool) {
    let mut order = BOUND_ORDER.replace(Vec::new());
    if now {
        order.push((module, name));
    } else {
        order.retain(|&entry| entry != (module, name));
    }
    BOUND_ORDER.replace(order);
}

/// The bound variables of the program's module `module` ("" for the
/// script), in the order they were bound.
pub fn bound_globals(module: &str) -> Vec<&'static str> {
    BOUND_ORDER.with(|order| order.iter().filter(|(m, _)| *m == module).map(|(_, n)| *n).collect())
}

/// A variable captured by a nested function: both scopes share the slot.
#[derive(Clone, Default)]
pub struct Cell(Rc<RefCell<Option<Value>>>);

impl Cell {
    pub fn new() -> Cell {
        Cell::default()
    }

    pub fn with_value(v: Value) -> Cell {
        Cell(Rc::new(RefCell::new(Some(v))))
    }

    /// Reads the variable; `name` is for the error when it is unbound.
    pub fn get(&self, name: &str) -> PyResult<Value> {
        match &*self.0.borrow() {
            Some(v) => Ok(v.clone()),
            None => Err(name_error(format!(
                "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
            ))),
        }
    }

    /// Reads the variable from the scope that owns it.
    pub fn get_local(&self, name: &str) -> PyResult<Value> {
        match &*self.0.borrow() {
            Some(v) => Ok(v.clone()),
            None => Err(unbound(name)),
        }
    }

    pub fn set(&self, value: Value) {
        let old = self.0.borrow_mut().replace(value);
        drop(old);
    }

    pub fn delete(&self, name: &str) -> PyResult<()> {
        let old = self.0.borrow_mut().take();
        match old {
            Some(_) => Ok(()),
            None => Err(unbound(name)),
        }
    }
}

fn unbound(name: &str) -> crate::exc::PyErr {
    unbound_local_error(format!("cannot access local variable '{name}' where it is not associated with a value"))
}

/// Reading a local that may be unassigned at this point.
pub trait MaybeBound {
    fn bound(&self, name: &str) -> PyResult<Value>;
}

impl MaybeBound for Option<Value> {
    fn bound(&self, name: &str) -> PyResult<Value> {
        match self {
            Some(v) => Ok(v.clone()),
            None => Err(unbound(name)),
        }
    }
}

/// Python call depth, checked against `sys.getrecursionlimit()` so runaway
/// recursion raises `RecursionError` instead of overflowing the stack. It
/// starts at 1, for the module's own frame, as CPython counts it.
static DEPTH: GilCell<(usize, usize)> = GilCell::new((1, 1000));

/// Held for the duration of one Python-level function call.
pub struct CallGuard(());

impl Drop for CallGuard {
    fn drop(&mut self) {
        let (d, limit) = DEPTH.get();
        DEPTH.replace((d.saturating_sub(1), limit));
    }
}

/// Enters a Python function: `let _frame = rt::scope::enter()?;`.
#[inline]
pub fn enter() -> PyResult<CallGuard> {
    let (d, limit) = DEPTH.get();
    if d >= limit {
        return Err(crate::exc::recursion_error("maximum recursion depth exceeded"));
    }
    DEPTH.replace((d + 1, limit));
    Ok(CallGuard(()))
}

/// The current Python call depth.
pub fn depth() -> usize {
    DEPTH.get().0
}

pub fn recursion_limit() -> usize {
    DEPTH.get().1
}

pub fn set_recursion_limit(limit: usize) {
    let (d, _) = DEPTH.get();
    DEPTH.replace((d, limit));
}
