//! Python exceptions as Rust values: `PyErr` is carried in `PyResult` and
//! propagated with `?`; it wraps an instance of a `BaseException` subclass.

use std::rc::Rc;

use crate::class::{Class, Instance};
use crate::types::types;
use crate::value::Value;

pub type PyResult<T = Value> = Result<T, PyErr>;

/// A raised exception: always a `Value::Object` whose class derives from
/// `BaseException`.
#[derive(Clone)]
pub struct PyErr {
    /// Boxed so that `PyResult<Value>` is 16 bytes (the box's non-null
    /// pointer is the niche) and returns in registers; raising is rare
    /// next to returning.
    exc: Box<Value>,
}

/// The state CPython keeps on every exception object.
#[derive(Default)]
pub struct ExcData {
    pub args: Vec<Value>,
    pub cause: Option<Value>,
    pub context: Option<Value>,
    pub suppress_context: bool,
    pub notes: Option<Value>,
    /// Where a failed name lookup happened, for its "Did you mean" hint.
    pub frame: Option<Rc<crate::suggest::Frame>>,
}

impl PyErr {
    /// An exception of class `cls` with the given `args`.
    pub fn with_args(cls: &Rc<Class>, args: Vec<Value>) -> PyErr {
        PyErr { exc: Box::new(new_exception(cls, args)) }
    }

    /// An exception of class `cls` with one message argument.
    pub fn new(cls: &Rc<Class>, msg: impl Into<String>) -> PyErr {
        PyErr::with_args(cls, vec![Value::str(msg.into())])
    }

    /// Wraps an exception instance (the caller has checked its class).
    pub fn from_instance(exc: Value) -> PyErr {
        PyErr { exc: Box::new(exc) }
    }

    pub fn value(&self) -> &Value {
        &self.exc
    }

    pub fn into_value(self) -> Value {
        *self.exc
    }

    pub fn class(&self) -> Rc<Class> {
        match &*self.exc {
            Value::Object(o) => o.class.clone(),
            _ => types().base_exception.clone(),
        }
    }

    /// Whether this exception is an instance of `cls`.
    pub fn is_instance(&self, cls: &Rc<Class>) -> bool {
        self.class().is_subclass(cls)
    }

    pub fn data(&self) -> Option<std::cell::RefMut<'_, ExcData>> {
        match &*self.exc {
            Value::Object(o) => o.exc().map(|c| c.borrow_mut()),
            _ => None,
        }
    }

    /// `raise self from cause` (sets `__cause__` and `__context__`,
    /// suppressing the context display), as CPython's generator wrapping of
    /// `StopIteration` does.
    pub fn with_cause(self, cause: &PyErr) -> PyErr {
        if let Some(mut d) = self.data() {
            d.cause = Some((*cause.exc).clone());
            d.suppress_context = true;
            d.context = Some((*cause.exc).clone());
        }
        self
    }

    /// Sets `__context__` to the exception being handled, as CPython does
    /// when raising inside an `except` block (never to itself).
    pub fn with_context(self, handled: Option<&PyErr>) -> PyErr {
        if let Some(h) = handled
            && !h.exc.is(&self.exc)
            && let Some(mut d) = self.data()
            && d.context.is_none()
        {
            d.context = Some((*h.exc).clone());
        }
        self
    }
}

/// Creates an exception instance without running any `__init__`.
pub fn new_exception(cls: &Rc<Class>, args: Vec<Value>) -> Value {
    let inst = Instance::new(cls.clone());
    if let Some(d) = inst.exc() {
        d.borrow_mut().args = args;
    }
    Value::Object(Rc::new(inst))
}

/// Records a field CPython's interpreter sets on the errors of failed
/// lookups (`NameError.name`, `AttributeError.obj`).
fn set_field(e: &PyErr, field: &str, value: Value) {
    if let Value::Object(inst) = e.value() {
        inst.set_attr(&crate::str::PyStr::new(field), value);
    }
}

/// The `NameError` of looking up `name` and finding it nowhere, raised in
/// `frame` when the lookup was in a function.
#[cold]
#[inline(never)]
pub fn name_error_for(name: &str, frame: Option<Rc<crate::suggest::Frame>>) -> PyErr {
    let e = name_error(format!("name '{name}' is not defined"));
    set_field(&e, "name", Value::str(name));
    if let Some(mut d) = e.data() {
        d.frame = frame;
    }
    e
}

/// The `AttributeError` of reading `obj.name` and finding nothing.
#[cold]
#[inline(never)]
pub fn attribute_error_for(obj: &Value, name: &str, msg: String) -> PyErr {
    let e = attribute_error(msg);
    set_field(&e, "name", Value::str(name));
    set_field(&e, "obj", obj.clone());
    e
}

macro_rules! error_constructors {
    ($($fn_name:ident => $field:ident),* $(,)?) => {
        $(
            pub fn $fn_name(msg: impl Into<String>) -> PyErr {
                PyErr::new(&types().$field, msg)
            }
        )*
    };
}

error_constructors! {
    type_error => type_error,
    value_error => value_error,
    index_error => index_error,
    attribute_error => attribute_error,
    name_error => name_error,
    zero_division_error => zero_division_error,
    overflow_error => overflow_error,
    runtime_error => runtime_error,
    not_implemented_error => not_implemented_error,
    assertion_error => assertion_error,
    unbound_local_error => unbound_local_error,
    recursion_error => recursion_error,
    os_error => os_error,
    eof_error => eof_error,
    memory_error => memory_error,
    lookup_error => lookup_error,
    import_error => import_error,
}

/// `KeyError(key)`: its str is the key's repr.
pub fn key_error(key: Value) -> PyErr {
    PyErr::with_args(&types().key_error, vec![key])
}

pub fn stop_iteration(value: Option<Value>) -> PyErr {
    PyErr::with_args(&types().stop_iteration, value.into_iter().collect())
}

/// Turns a pure helper's `(exception name, message)` into a `PyErr`.
pub fn from_pure((kind, msg): (&'static str, String)) -> PyErr {
    let t = types();
    let cls = match kind {
        "TypeError" => &t.type_error,
        "ValueError" => &t.value_error,
        "OverflowError" => &t.overflow_error,
        "ZeroDivisionError" => &t.zero_division_error,
        "IndexError" => &t.index_error,
        "KeyError" => &t.key_error,
        "MemoryError" => &t.memory_error,
        _ => &t.runtime_error,
    };
    PyErr::new(cls, msg)
}

/// Converts a pure helper's result.
pub fn pure<T>(r: Result<T, (&'static str, String)>) -> PyResult<T> {
    r.map_err(from_pure)
}
