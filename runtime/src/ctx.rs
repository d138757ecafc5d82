//! The `with` statement's protocol: `__enter__` on the way in, `__exit__`
//! on the way out with the exception (if any), which it may suppress.

use crate::call::{call, lookup_special};
use crate::exc::{PyErr, PyResult, type_error};
use crate::ops::type_name;
use crate::value::Value;

/// Enters `mgr`: returns what `__enter__` returned and the bound `__exit__`.
pub fn enter(mgr: &Value) -> PyResult<(Value, Value)> {
    let native_cm = matches!(mgr, Value::Native(n) if n.has_method("__enter__") && n.has_method("__exit__"));
    let typed_cm = lookup_special(mgr, "__enter__").is_some() && lookup_special(mgr, "__exit__").is_some();
    if !(native_cm || typed_cm) {
        return Err(type_error(format!("'{}' object does not support the context manager protocol", type_name(mgr))));
    };
    let exit = crate::attr::getattr(mgr, "__exit__")?;
    let value = crate::call::call_method(mgr, "__enter__", vec![], vec![])?;
    Ok((value, exit))
}

/// Calls `__exit__` after the body: `Ok(true)` means the exception was
/// suppressed.
pub fn exit(exit: &Value, err: Option<&PyErr>) -> PyResult<bool> {
    let args = match err {
        None => vec![Value::None, Value::None, Value::None],
        Some(e) => vec![Value::Class(e.class()), e.value().clone(), Value::None],
    };
    let r = call(exit, args, vec![])?;
    if err.is_some() { crate::ops::truthy(&r) } else { Ok(false) }
}
