//! Calling: functions, bound methods, classes (instantiation) and objects
//! with `__call__`; `call_method` avoids creating a bound method for the
//! common `obj.method(args)` shape.

use crate::exc::{PyResult, type_error};
use crate::func::Kwargs;
use crate::ops::{type_name, type_of};
use crate::value::Value;

/// `f(*args, **kwargs)`.
pub fn call(f: &Value, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    match f {
        Value::Function(func) => func.call(args, kwargs),
        Value::Native(n) => match n.call(f, args, kwargs) {
            Some(r) => r,
            None => Err(not_callable(f)),
        },
        Value::Class(c) => crate::classes::call_class(c, args, kwargs),
        Value::Object(o) if o.class.lookup("__call__").is_some() => call_method(f, "__call__", args, kwargs),
        _ => Err(not_callable(f)),
    }
}

fn not_callable(f: &Value) -> crate::exc::PyErr {
    type_error(format!("'{}' object is not callable", type_name(f)))
}

/// Looks a special method up on the value's type (never the instance), as
/// the interpreter does for implicit dunder calls.
pub fn lookup_special(v: &Value, name: &str) -> Option<Value> {
    type_of(v).lookup(name)
}

/// `obj.name(*args, **kwargs)`.
pub fn call_method(obj: &Value, name: &str, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    match obj {
        Value::Object(inst) => {
            // A plain function found on the type and not shadowed by the
            // instance dict is called directly with the instance prepended.
            if let Some(attr @ Value::Function(_)) = inst.class.lookup(name)
                && inst.dict.get_str(name).is_none()
                && !has_getattribute(&inst.class)
            {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(obj.clone());
                full.extend(args);
                return call(&attr, full, kwargs);
            }
            let bound = crate::attr::getattr(obj, name)?;
            call(&bound, args, kwargs)
        }
        // Implicit dunder calls on a class use its metaclass's method
        // (`repr(Color)`, `len(Color)`), never the class's own.
        Value::Class(cls) if name.starts_with("__") && name.ends_with("__") && cls.metaclass.is_some() => {
            match cls.metaclass.as_ref().and_then(|m| m.lookup(name)) {
                Some(f) => {
                    let mut full = Vec::with_capacity(args.len() + 1);
                    full.push(obj.clone());
                    full.extend(args);
                    call(&f, full, kwargs)
                }
                None => {
                    let bound = crate::attr::getattr(obj, name)?;
                    call(&bound, args, kwargs)
                }
            }
        }
        Value::Class(_) | Value::Function(_) => {
            let bound = crate::attr::getattr(obj, name)?;
            call(&bound, args, kwargs)
        }
        Value::Native(n) => match n.call_method(obj, name, args.clone(), kwargs.clone()) {
            Some(r) => r,
            None => {
                let bound = crate::attr::getattr(obj, name)?;
                call(&bound, args, kwargs)
            }
        },
        _ => crate::methods::call_builtin_method(obj, name, args, kwargs),
    }
}

fn has_getattribute(cls: &std::rc::Rc<crate::class::Class>) -> bool {
    cls.hooks() & crate::class::HOOK_GETATTRIBUTE != 0
}

/// Adds `**mapping` to a call's keyword arguments.
pub fn extend_kwargs(kwargs: &mut Kwargs, mapping: &Value) -> PyResult<()> {
    let keys = match mapping {
        Value::Dict(d) => d.keys(),
        other => {
            if !crate::attr::hasattr(other, "keys")? {
                return Err(type_error(format!("argument after ** must be a mapping, not {}", type_name(other))));
            }
            crate::iter::to_vec(&call_method(other, "keys", vec![], vec![])?)?
        }
    };
    for k in keys {
        let Value::Str(name) = &k else {
            return Err(type_error("keywords must be strings"));
        };
        if kwargs.iter().any(|(n, _)| n == name) {
            return Err(type_error(format!("got multiple values for keyword argument '{name}'")));
        }
        let v = crate::ops::getitem(mapping, &k)?;
        kwargs.push((name.clone(), v));
    }
    Ok(())
}
