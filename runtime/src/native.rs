//! The `Native` trait: built-in objects other than the core containers
//! (iterators, ranges, bound methods, modules, files...). Each hook returns
//! `None` when the object does not support that protocol, and the generic
//! operation then raises CPython's `TypeError`.

use std::any::Any;
use std::collections::HashMap;
use std::rc::Rc;

use crate::class::{Class, Layout};
use crate::exc::PyResult;
use crate::func::Kwargs;
use crate::gil::GilCell;
use crate::iter::PyIter;
use crate::value::Value;

// `len` answers Python's `len()`; an `is_empty` would mean nothing here.
#[allow(clippy::len_without_is_empty)]
pub trait Native: Any {
    /// The Python type name (`range`, `method`, `list_iterator`...).
    fn type_name(&self) -> &'static str;

    fn class(&self) -> Rc<Class> {
        native_class(self.type_name())
    }

    fn repr(&self, this: &Value) -> PyResult<String> {
        Ok(format!("<{} object at {:#x}>", self.type_name(), this.identity()))
    }

    fn str(&self, this: &Value) -> PyResult<String> {
        self.repr(this)
    }

    fn getattr(&self, _this: &Value, _name: &str) -> Option<PyResult<Value>> {
        None
    }

    fn setattr(&self, _this: &Value, _name: &str, _value: Value) -> Option<PyResult<()>> {
        None
    }

    fn call(&self, _this: &Value, _args: Vec<Value>, _kwargs: Kwargs) -> Option<PyResult<Value>> {
        None
    }

    /// `iter(obj)`; iterators return themselves by default via `next`.
    fn iter(&self, _this: &Value) -> Option<PyResult<PyIter>> {
        None
    }

    /// Whether this object is an iterator (has `__next__`); `iter()` of an
    /// iterator is itself.
    fn is_iterator(&self) -> bool {
        false
    }

    /// `next(obj)` for iterators: `Ok(None)` when exhausted.
    fn next(&self) -> Option<PyResult<Option<Value>>> {
        None
    }

    fn len(&self) -> Option<PyResult<usize>> {
        None
    }

    /// `del obj.name`; `None`: the object has no attributes to delete.
    fn delattr(&self, _this: &Value, _name: &str) -> Option<PyResult<()>> {
        None
    }

    /// `bool(obj)` for objects with no length whose truth is their value
    /// (a complex number, a timedelta); `None`: by `len`, else true.
    fn truthy(&self) -> Option<bool> {
        None
    }

    fn getitem(&self, _this: &Value, _key: &Value) -> Option<PyResult<Value>> {
        None
    }

    fn setitem(&self, _this: &Value, _key: &Value, _value: Value) -> Option<PyResult<()>> {
        None
    }

    fn delitem(&self, _this: &Value, _key: &Value) -> Option<PyResult<()>> {
        None
    }

    fn contains(&self, _item: &Value) -> Option<PyResult<bool>> {
        None
    }

    fn eq(&self, _other: &Value) -> Option<bool> {
        None
    }

    fn hash(&self) -> Option<i64> {
        None
    }

    /// Whether `hash(obj)` raises `TypeError: unhashable type` (`bytearray`).
    fn unhashable(&self) -> bool {
        false
    }

    /// Whether `call_method` knows `name` (so `obj.name` is a bound method).
    fn has_method(&self, _name: &str) -> bool {
        false
    }

    /// Calls a method by name; `None` when there is no such method.
    fn call_method(&self, _this: &Value, _name: &str, _args: Vec<Value>, _kwargs: Kwargs) -> Option<PyResult<Value>> {
        None
    }
}

/// Downcasts a native value to its concrete Rust type.
pub fn downcast<T: Native>(v: &Value) -> Option<&T> {
    match v {
        Value::Native(n) => as_any(n).downcast_ref::<T>(),
        _ => None,
    }
}

/// The native object itself as `Any`. Spelled out once: `&**n` would be the
/// `Box`, which is `Any` too, and every type test on it would fail.
pub fn as_any(n: &Rc<Box<dyn Native>>) -> &dyn Any {
    &***n
}

static NATIVE_CLASSES: GilCell<Option<HashMap<&'static str, Rc<Class>>>> = GilCell::new(None);

/// The class object of a native type, created once per type name.
pub fn native_class(name: &'static str) -> Rc<Class> {
    if let Some(c) = NATIVE_CLASSES.with(|m| m.as_ref().and_then(|m| m.get(name).cloned())) {
        return c;
    }
    let c = crate::types::types().by_name.get(name).cloned().unwrap_or_else(|| {
        let object = crate::types::types().object.clone();
        // A dotted type name (`_io.TextIOWrapper`) is the module and the
        // class name, as CPython's `tp_name` is.
        match name.rsplit_once('.') {
            Some((module, short)) => {
                crate::types::new_class_with(short, module, &[object], &crate::builtins::ctors::NO_NEW)
            }
            None => {
                crate::types::new_builtin_class(name, &[object], Layout::Builtin, Some(&crate::builtins::ctors::NO_NEW))
            }
        }
    });
    let mut map = NATIVE_CLASSES.replace(None).unwrap_or_default();
    map.insert(name, c.clone());
    NATIVE_CLASSES.replace(Some(map));
    c
}
