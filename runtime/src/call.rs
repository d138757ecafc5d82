//! Calling: functions, bound methods, classes (instantiation) and objects
//! with `__call__`; `call_method` avoids creating a bound method for the
//! common `obj.method(args)` shape.

use crate::exc::{PyResult, type_error};
use crate::func::Kwargs;
use crate::ops::{type_name, type_of};
use crate::value::Value;

/// `f(*args, **kwargs)`.
pub fn call(f: &Value, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    if let Some(err) = unpacking_error(&kwargs, || callee_name(f)) {
        return Err(err);
    }
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

/// `f(a, b)` with positional arguments only, passed in an array: a Python
/// function with a direct Rust entry, or a plain class whose `__init__`
/// has one, is called without an argument vector.
#[inline]
pub fn call_n<const N: usize>(f: &Value, args: [Value; N]) -> PyResult<Value> {
    match f {
        Value::Function(func) => func.call_n(args),
        Value::Class(c) => crate::classes::instantiate_n(c, args),
        _ => call(f, args.into(), Vec::new()),
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
                && !inst.has_attr(name)
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

/// A keyword given twice by `**` unpacking is carried to the callee under
/// this prefix, so the error can name the callee as CPython does
/// (`__main__.f() got multiple values for keyword argument 'c'`).
pub const DUPLICATE_KEYWORD: &str = "\0duplicate:";

/// Carries the type of a `**` operand that is not a mapping to the callee.
pub const NOT_MAPPING: &str = "\0not-mapping:";

/// The error a `**` unpacking left in `kwargs` (see `DUPLICATE_KEYWORD`),
/// worded with the callee's name.
pub fn unpacking_error(kwargs: &Kwargs, callee: impl FnOnce() -> String) -> Option<crate::exc::PyErr> {
    let (k, _) = kwargs.iter().find(|(k, _)| k.as_str().starts_with('\0'))?;
    let name = callee();
    Some(match k.as_str().strip_prefix(DUPLICATE_KEYWORD) {
        Some(dup) => type_error(format!("{name}() got multiple values for keyword argument '{dup}'")),
        None => {
            let ty = k.as_str().strip_prefix(NOT_MAPPING).unwrap_or("?");
            type_error(format!("{name}() argument after ** must be a mapping, not {ty}"))
        }
    })
}

/// How CPython names a callable in argument errors raised while building a
/// call: `module.qualname` for Python functions, methods and classes.
fn callee_name(f: &Value) -> String {
    match f {
        Value::Function(func) => format!("{}.{}", func.module.borrow(), func.qualname.borrow()),
        Value::Class(c) if c.module.as_str() == "builtins" => c.qualname().to_string(),
        Value::Class(c) => {
            let module = match c.dict.get_str("__module__") {
                Some(Value::Str(m)) => m.to_string(),
                _ => c.module.to_string(),
            };
            format!("{module}.{}", c.qualname())
        }
        Value::Native(_) => {
            if let Some(m) = crate::native::downcast::<crate::func::BoundMethod>(f) {
                return callee_name(&m.func);
            }
            match crate::attr::getattr(f, "__name__") {
                Ok(Value::Str(n)) => n.to_string(),
                _ => type_name(f).to_string(),
            }
        }
        other => type_name(other).to_string(),
    }
}

/// Adds `name=value` after a `**` unpacking, which may have brought `name`.
pub fn push_kwarg(kwargs: &mut Kwargs, name: &str, value: Value) {
    if kwargs.iter().any(|(n, _)| n.as_str() == name) {
        kwargs.push((crate::str::PyStr::new(&format!("{DUPLICATE_KEYWORD}{name}")), Value::None));
        return;
    }
    kwargs.push((crate::str::PyStr::new(name), value));
}

/// Adds `**mapping` to a call's keyword arguments.
pub fn extend_kwargs(kwargs: &mut Kwargs, mapping: &Value) -> PyResult<()> {
    let keys = match mapping {
        Value::Dict(d) => d.keys(),
        other => {
            if !crate::attr::hasattr(other, "keys")? {
                // Also reported by `call`, which names the callee.
                let marker = format!("{NOT_MAPPING}{}", type_name(other));
                kwargs.push((crate::str::PyStr::new(&marker), Value::None));
                return Ok(());
            }
            crate::iter::to_vec(&call_method(other, "keys", vec![], vec![])?)?
        }
    };
    for k in keys {
        let Value::Str(name) = &k else {
            return Err(type_error("keywords must be strings"));
        };
        if kwargs.iter().any(|(n, _)| n == name) {
            // Reported by `call` (or the builtin), which knows the callee.
            kwargs.push((crate::str::PyStr::new(&format!("{DUPLICATE_KEYWORD}{name}")), Value::None));
            return Ok(());
        }
        let v = crate::ops::getitem(mapping, &k)?;
        kwargs.push((name.clone(), v));
    }
    Ok(())
}
