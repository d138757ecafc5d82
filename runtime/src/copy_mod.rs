//! The `copy` module: `copy(x)` and `deepcopy(x, memo=None)`, following
//! Lib/copy.py case by case, so that what is shared and what is new, the
//! hooks called (`__copy__`, `__deepcopy__`, `__getstate__`,
//! `__setstate__`) and the contents of `memo` are CPython's.
//!
//! CPython copies most objects through `__reduce_ex__(4)`; the runtime has
//! no pickle protocol, so the cases that protocol covers are spelled out
//! here: instances of user classes (a new object from `cls.__new__(cls)`
//! whose state is the old one's `__dict__` and slots), exceptions
//! (`cls(*args)` plus the `__dict__`), sets, frozensets, named tuples and
//! the `collections` containers. A built-in object none of them covers
//! raises `NotImplementedError` naming its type rather than being shared
//! by mistake.

use std::rc::Rc;

use crate::call::{call, call_method};
use crate::class::{Class, Layout};
use crate::dict::Dict;
use crate::exc::{PyResult, not_implemented_error, type_error};
use crate::func::{BuiltinFunction, Kwargs};
use crate::native::{Native, downcast};
use crate::ops::type_of;
use crate::value::Value;

/// Built-in types whose objects are immutable, so that both `copy` and
/// `deepcopy` return the object itself (Lib/copy.py's `_copy_immutable`
/// and `_deepcopy_atomic`, or a `__copy__` returning `self`).
const ATOMIC_NATIVES: &[&str] = &[
    "builtin_function_or_method",
    "function",
    "method_descriptor",
    "wrapper_descriptor",
    "property",
    "range",
    "complex",
    "bytes",
    "type",
    "types.GenericAlias",
    "types.UnionType",
    "TypeVar",
    "ParamSpec",
    "TypeVarTuple",
    "TypeAliasType",
    "re.Pattern",
    "re.Match",
];

/// The arguments of a function written in Python whose first parameter
/// `x` is required and the others default to None, with the `TypeError`s
/// CPython's binding raises. (`deepcopy`'s third, `_nil`, is internal.)
fn bind(fname: &str, params: &[&str], args: Vec<Value>, kwargs: Kwargs) -> PyResult<Vec<Option<Value>>> {
    let max = params.len();
    if args.len() > max {
        let takes = if max == 1 {
            "1 positional argument".to_string()
        } else {
            format!("from 1 to {max} positional arguments")
        };
        let were = if args.len() == 1 { "was" } else { "were" };
        return Err(type_error(format!("{fname}() takes {takes} but {} {were} given", args.len())));
    }
    let mut slots: Vec<Option<Value>> = vec![None; max];
    for (i, a) in args.into_iter().enumerate() {
        slots[i] = Some(a);
    }
    for (k, v) in kwargs {
        let Some(i) = params.iter().position(|p| *p == k.as_str()) else {
            return Err(type_error(format!("{fname}() got an unexpected keyword argument '{k}'")));
        };
        if slots[i].is_some() {
            return Err(type_error(format!("{fname}() got multiple values for argument '{k}'")));
        }
        slots[i] = Some(v);
    }
    if slots[0].is_none() {
        return Err(type_error(format!("{fname}() missing 1 required positional argument: 'x'")));
    }
    Ok(slots)
}

fn is_atomic(x: &Value) -> bool {
    match x {
        Value::None
        | Value::NotImplemented
        | Value::Ellipsis
        | Value::Bool(_)
        | Value::Int(_)
        | Value::BigInt(_)
        | Value::Float(_)
        | Value::Str(_)
        | Value::Class(_)
        | Value::Function(_) => true,
        Value::Native(n) => ATOMIC_NATIVES.contains(&n.type_name()),
        _ => false,
    }
}

/// `cls.__copy__` as CPython finds it: on the class, not the instance.
fn class_hook(cls: &Rc<Class>, name: &str) -> PyResult<Option<Value>> {
    if cls.lookup(name).is_none() {
        return Ok(None);
    }
    crate::attr::getattr(&Value::Class(cls.clone()), name).map(Some)
}

// ------------------------------------------------------------------ copy

/// `copy.copy(x)`.
fn copy(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let mut slots = bind("copy", &["x"], args, kwargs)?;
    shallow(&slots[0].take().unwrap_or_default())
}

pub fn shallow(x: &Value) -> PyResult<Value> {
    if is_atomic(x) {
        return Ok(x.clone());
    }
    match x {
        Value::Tuple(_) | Value::FrozenSet(_) => Ok(x.clone()),
        Value::List(l) => Ok(Value::list(l.snapshot())),
        Value::Dict(d) => Ok(Value::Dict(Rc::new(d.copy()))),
        Value::Set(s) => crate::set::from_values(s.items()),
        Value::Object(inst) => {
            let cls = inst.class.clone();
            if let Some(hook) = class_hook(&cls, "__copy__")? {
                return call(&hook, vec![x.clone()], vec![]);
            }
            reconstruct(x, &cls, None)
        }
        Value::Native(n) => {
            if downcast::<crate::collections::NamedTuple>(x).is_some() {
                return call(&Value::Class(type_of(x)), crate::iter::to_vec(x)?, vec![]);
            }
            if n.has_method("copy") {
                return call_method(x, "copy", vec![], vec![]);
            }
            if n.type_name() == "method" {
                return Ok(x.clone());
            }
            Err(unsupported("copy", x))
        }
        _ => Err(unsupported("copy", x)),
    }
}

fn unsupported(what: &str, x: &Value) -> crate::exc::PyErr {
    not_implemented_error(format!("copy.{what}() of '{}' objects is not supported", type_of(x).name()))
}

// -------------------------------------------------------------- deepcopy

/// `copy.deepcopy(x, memo=None)`.
fn deepcopy(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let mut slots = bind("deepcopy", &["x", "memo", "_nil"], args, kwargs)?;
    let x = slots[0].take().unwrap_or_default();
    let memo = match slots[1].take() {
        None | Some(Value::None) => Value::Dict(Rc::new(Dict::new())),
        Some(m) => m,
    };
    deep(&x, &memo)
}

/// `memo` is the caller's object (a dict unless a `__deepcopy__` passed
/// something else), read and written with Python's item operations.
pub fn deep(x: &Value, memo: &Value) -> PyResult<Value> {
    let key = Value::Int(x.identity() as i64);
    if let Some(y) = memo_get(memo, &key)? {
        return Ok(y);
    }
    let y = if is_atomic(x) { x.clone() } else { deep_new(x, memo, &key)? };
    // Lib/copy.py: a new object is remembered, and the original is kept
    // alive in the memo so that its id cannot be reused during the copy.
    if !y.is(x) {
        crate::ops::setitem(memo, &key, y.clone())?;
        keep_alive(x, memo)?;
    }
    Ok(y)
}

fn memo_get(memo: &Value, key: &Value) -> PyResult<Option<Value>> {
    match memo {
        Value::Dict(d) => d.get(key),
        other => {
            let got = call_method(other, "get", vec![key.clone()], vec![])?;
            Ok(if got.is_none() { None } else { Some(got) })
        }
    }
}

/// `memo[id(memo)].append(x)`, the list made on first use.
fn keep_alive(x: &Value, memo: &Value) -> PyResult<()> {
    let key = Value::Int(memo.identity() as i64);
    match memo_get(memo, &key)? {
        Some(list) => {
            call_method(&list, "append", vec![x.clone()], vec![])?;
        }
        None => crate::ops::setitem(memo, &key, Value::list(vec![x.clone()]))?,
    }
    Ok(())
}

fn deep_new(x: &Value, memo: &Value, key: &Value) -> PyResult<Value> {
    match x {
        Value::List(l) => {
            let y = Value::list(Vec::new());
            crate::ops::setitem(memo, key, y.clone())?;
            let Value::List(out) = &y else { unreachable!("just made a list") };
            for item in l.snapshot() {
                let c = deep(&item, memo)?;
                out.push(c);
            }
            Ok(y)
        }
        Value::Tuple(t) => {
            let items = t.items().to_vec();
            let mut copied = Vec::with_capacity(items.len());
            for item in &items {
                copied.push(deep(item, memo)?);
            }
            // A tuple that (through a list) contains itself was copied meanwhile.
            if let Some(y) = memo_get(memo, key)? {
                return Ok(y);
            }
            if copied.iter().zip(&items).all(|(c, i)| c.is(i)) {
                return Ok(x.clone());
            }
            Ok(Value::tuple(copied))
        }
        Value::Dict(d) => {
            let y = Rc::new(Dict::new());
            crate::ops::setitem(memo, key, Value::Dict(y.clone()))?;
            for (k, v) in d.items() {
                let k = deep(&k, memo)?;
                let v = deep(&v, memo)?;
                y.set(k, v)?;
            }
            Ok(Value::Dict(y))
        }
        // Through `__reduce_ex__`: the class called with a deep copy of
        // the items as a list.
        Value::Set(s) | Value::FrozenSet(s) => {
            let items = deep(&Value::list(s.items()), memo)?;
            crate::set::from_iterable(&items, matches!(x, Value::FrozenSet(_)))
        }
        Value::Object(inst) => {
            let cls = inst.class.clone();
            if let Some(hook) = deep_hook(x)? {
                return call(&hook, vec![memo.clone()], vec![]);
            }
            reconstruct(x, &cls, Some(memo))
        }
        Value::Native(n) => deep_native(x, n, memo, key),
        _ => Err(unsupported("deepcopy", x)),
    }
}

/// `getattr(x, "__deepcopy__", None)`: looked up on the object.
fn deep_hook(x: &Value) -> PyResult<Option<Value>> {
    if type_of(x).lookup("__deepcopy__").is_none() && !matches!(x, Value::Object(i) if i.has_attr("__deepcopy__")) {
        return Ok(None);
    }
    crate::attr::getattr(x, "__deepcopy__").map(Some)
}

fn deep_native(x: &Value, n: &Rc<Box<dyn Native>>, memo: &Value, key: &Value) -> PyResult<Value> {
    if downcast::<crate::collections::NamedTuple>(x).is_some() {
        let items = crate::iter::to_vec(x)?;
        let mut copied = Vec::with_capacity(items.len());
        for item in &items {
            copied.push(deep(item, memo)?);
        }
        return call(&Value::Class(type_of(x)), copied, vec![]);
    }
    if n.type_name() == "method" {
        // Lib/copy.py's `_deepcopy_method`: the function bound to a deep
        // copy of the receiver.
        let func = crate::attr::getattr(x, "__func__")?;
        let receiver = deep(&crate::attr::getattr(x, "__self__")?, memo)?;
        return crate::attr::bind(&func, &receiver);
    }
    // The `collections` containers: an empty one of the same kind (same
    // `maxlen`, same `default_factory`), remembered before its items are
    // copied into it, as their `__reduce__` results rebuild them.
    if n.has_method("copy") && n.has_method("clear") {
        let y = call_method(x, "copy", vec![], vec![])?;
        call_method(&y, "clear", vec![], vec![])?;
        crate::ops::setitem(memo, key, y.clone())?;
        if n.has_method("items") {
            let items = crate::iter::to_vec(&call_method(x, "items", vec![], vec![])?)?;
            for pair in items {
                let kv = crate::iter::to_vec(&pair)?;
                let k = deep(&kv[0], memo)?;
                let v = deep(&kv[1], memo)?;
                crate::ops::setitem(&y, &k, v)?;
            }
        } else if n.has_method("append") {
            for item in crate::iter::to_vec(x)? {
                let c = deep(&item, memo)?;
                call_method(&y, "append", vec![c], vec![])?;
            }
        } else {
            return Err(unsupported("deepcopy", x));
        }
        return Ok(y);
    }
    Err(unsupported("deepcopy", x))
}

// ------------------------------------------------------ reconstruction

/// Lib/copy.py's `_reconstruct` for what `object.__reduce_ex__(4)` gives:
/// `cls.__new__(cls)` (for exceptions, `cls(*args)`), then the state
/// (deep-copied when `memo` is given) through `__setstate__` or straight
/// into the new object's `__dict__` and slots.
fn reconstruct(x: &Value, cls: &Rc<Class>, memo: Option<&Value>) -> PyResult<Value> {
    if cls.lookup("__reduce_ex__").is_some() || cls.lookup("__reduce__").is_some() {
        return Err(not_implemented_error(format!(
            "copying '{}' objects through __reduce__/__reduce_ex__ is not supported",
            cls.name()
        )));
    }
    let class = Value::Class(cls.clone());
    let y = if cls.layout == Layout::Exception {
        let args = crate::attr::getattr(x, "args")?;
        let args = match memo {
            Some(m) => deep(&args, m)?,
            None => args,
        };
        call(&class, crate::iter::to_vec(&args)?, vec![])?
    } else if let Value::Object(o) = x
        && let Some(base) = o.base()
    {
        new_with_base(cls, base, memo)?
    } else {
        new_object(cls)?
    };
    if let Some(m) = memo {
        crate::ops::setitem(m, &Value::Int(x.identity() as i64), y.clone())?;
    }
    let Some(state) = get_state(x, cls)? else { return Ok(y) };
    let state = match memo {
        Some(m) => deep(&state, m)?,
        None => state,
    };
    set_state(&y, state)?;
    Ok(y)
}

/// `x.__getstate__()`: a user-defined one, else `object.__getstate__`'s
/// result, the `__dict__` (None when empty) or, for a class with slots,
/// `(dict or None, {slot: value})`.
/// `cls.__new__(cls)`: a user-defined `__new__`, else a bare instance
/// (`object.__new__`), `__init__` not run.
fn new_object(cls: &Rc<Class>) -> PyResult<Value> {
    if cls.hooks() & crate::class::HOOK_NEW == 0 {
        if cls.layout != Layout::Object {
            return Err(not_implemented_error(format!("copying '{}' objects is not supported", cls.name())));
        }
        return Ok(crate::classes::new_instance(cls, &[]));
    }
    let new = crate::attr::getattr(&Value::Class(cls.clone()), "__new__")?;
    call(&new, vec![Value::Class(cls.clone())], vec![])
}

/// A copy of an instance of a subclass of a built-in type, as copyreg's
/// `__newobj__` and `_reconstruct` make it: `cls.__new__(cls, value)` for
/// an immutable value; `cls.__new__(cls)` then the items (deep-copied for
/// `deepcopy`) for a list, dict or set.
fn new_with_base(cls: &Rc<Class>, base: &Value, memo: Option<&Value>) -> PyResult<Value> {
    let mutable = matches!(base, Value::List(_) | Value::Dict(_) | Value::Set(_));
    let args = if mutable { vec![] } else { vec![base.clone()] };
    let y = if cls.hooks() & crate::class::HOOK_NEW != 0 {
        let new = crate::attr::getattr(&Value::Class(cls.clone()), "__new__")?;
        call(&new, std::iter::once(Value::Class(cls.clone())).chain(args).collect(), vec![])?
    } else {
        let Some(value_type) = crate::subclass::value_type(cls) else { return new_object(cls) };
        crate::subclass::new(&value_type, cls, args, vec![])?
    };
    if !mutable {
        return Ok(y);
    }
    let item = |v: Value| match memo {
        Some(m) => deep(&v, m),
        None => Ok(v),
    };
    let target = crate::subclass::plain(&y);
    match (base, target) {
        (Value::List(from), Value::List(to)) => {
            for v in from.snapshot() {
                to.push(item(v)?);
            }
        }
        (Value::Dict(from), Value::Dict(to)) => {
            for (k, v) in from.items() {
                to.set(item(k)?, item(v)?)?;
            }
        }
        (Value::Set(from), Value::Set(to)) => {
            for v in from.items() {
                to.add(item(v)?)?;
            }
        }
        _ => {}
    }
    Ok(y)
}

fn get_state(x: &Value, cls: &Rc<Class>) -> PyResult<Option<Value>> {
    if cls.lookup("__getstate__").is_some() {
        let s = call_method(x, "__getstate__", vec![], vec![])?;
        return Ok(Some(s));
    }
    let Value::Object(inst) = x else { return Ok(None) };
    if cls.slots.is_some() {
        let slots = Dict::new();
        for name in inst.attr_names() {
            let v = crate::attr::getattr(x, &crate::fmt::str_(&name)?)?;
            slots.set(name, v)?;
        }
        if slots.is_empty() {
            return Ok(None);
        }
        return Ok(Some(Value::tuple_of([Value::None, Value::Dict(Rc::new(slots))])));
    }
    let d = inst.dict();
    Ok(if d.is_empty() { None } else { Some(Value::Dict(d.clone())) })
}

fn set_state(y: &Value, state: Value) -> PyResult<()> {
    if type_of(y).lookup("__setstate__").is_some() {
        call_method(y, "__setstate__", vec![state], vec![])?;
        return Ok(());
    }
    let (dict_state, slot_state) = match &state {
        Value::Tuple(t) if t.len() == 2 => (t.items()[0].clone(), t.items()[1].clone()),
        _ => (state, Value::None),
    };
    if !dict_state.is_none() {
        let Value::Object(inst) = y else { return Err(type_error("state is not a dictionary")) };
        let target = inst.dict().clone();
        call_method(&Value::Dict(target), "update", vec![dict_state], vec![])?;
    }
    if !slot_state.is_none() {
        let items = crate::iter::to_vec(&call_method(&slot_state, "items", vec![], vec![])?)?;
        for pair in items {
            let kv = crate::iter::to_vec(&pair)?;
            crate::attr::setattr(y, &crate::fmt::str_(&kv[0])?, kv[1].clone())?;
        }
    }
    Ok(())
}

pub fn module_attrs() -> Dict {
    let d = Dict::new();
    let fns: &[(&'static str, crate::func::BuiltinFn)] = &[("copy", copy), ("deepcopy", deepcopy)];
    for (name, f) in fns {
        d.set_str(name, Value::native(BuiltinFunction { name, f: *f }));
    }
    d
}
