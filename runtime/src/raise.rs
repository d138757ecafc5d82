//! The `raise` statement and `except` matching: turning a raised value
//! into a `PyErr`, `raise ... from ...`, and testing a handler's classes.

use crate::call::call;
use crate::exc::{PyErr, PyResult, type_error};
use crate::types::types;
use crate::value::Value;

/// `raise value`: a class is instantiated with no arguments; anything but
/// an exception instance is a `TypeError`.
pub fn raise(value: Value) -> PyResult<PyErr> {
    match &value {
        Value::Class(c) if c.is_subclass(&types().base_exception) => {
            let inst = call(&value, vec![], vec![])?;
            Ok(PyErr::from_instance(inst))
        }
        Value::Object(o) if o.exc().is_some() => Ok(PyErr::from_instance(value)),
        _ => Err(type_error("exceptions must derive from BaseException")),
    }
}

/// `raise value from cause`.
pub fn raise_from(value: Value, cause: Value) -> PyResult<PyErr> {
    let err = raise(value)?;
    let cause = match &cause {
        Value::None => None,
        Value::Class(_) => Some(raise(cause)?.into_value()),
        Value::Object(o) if o.exc().is_some() => Some(cause.clone()),
        _ => {
            return Err(type_error("exception causes must derive from BaseException"));
        }
    };
    if let Some(mut d) = err.data() {
        d.cause = cause;
        d.suppress_context = true;
    }
    Ok(err)
}

/// Whether `err` is caught by `except spec:` (a class or tuple of classes).
pub fn matches(err: &PyErr, spec: &Value) -> PyResult<bool> {
    match spec {
        Value::Class(c) => {
            if !c.is_subclass(&types().base_exception) {
                return Err(catch_error());
            }
            Ok(err.is_instance(c))
        }
        Value::Tuple(t) => {
            for s in t.items() {
                if matches(err, s)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(catch_error()),
    }
}

fn catch_error() -> PyErr {
    type_error("catching classes that do not inherit from BaseException is not allowed")
}

/// The error of a failed `assert`.
pub fn assertion_error(msg: Option<Value>) -> PyErr {
    PyErr::with_args(&types().assertion_error, msg.into_iter().collect())
}

/// Reading a name no scope defines.
pub fn name_error(name: &str) -> PyResult<Value> {
    Err(crate::exc::name_error_for(name, None))
}

/// Reading a name no scope defines, in a function with local variables
/// `varnames` (and `self`, when it has one): the printed error's "Did you
/// mean" hint looks among them first, as CPython's does.
pub fn name_error_in(name: &str, varnames: &'static [&'static str], self_obj: Option<&Value>) -> PyResult<Value> {
    name_error_in_module(name, "", varnames, self_obj)
}

/// [`name_error_in`] in code of the program's module `module`, whose
/// globals the hint looks among.
pub fn name_error_in_module(
    name: &str,
    module: &'static str,
    varnames: &'static [&'static str],
    self_obj: Option<&Value>,
) -> PyResult<Value> {
    let frame = crate::suggest::Frame { varnames, self_obj: self_obj.cloned(), module };
    Err(crate::exc::name_error_for(name, Some(std::rc::Rc::new(frame))))
}
