//! Methods of the built-in types (`str`, `list`, `dict`, `set`, `tuple`,
//! `int`, `float`), dispatched by name. Attribute lookups such as
//! `[].append` produce a `BoundBuiltin` that lands here when called.

use std::rc::Rc;

use crate::class::Class;
use crate::exc::{PyResult, key_error, pure, type_error, value_error};
use crate::func::Kwargs;
use crate::iter::{DictPart, PyIter};
use crate::native::{Native, downcast};
use crate::ops::{self, type_name};
use crate::slice::Slice;
use crate::str::PyStr;
use crate::str_methods as sm;
use crate::types::types;
use crate::value::Value;

const STR_METHODS: &[&str] = &[
    "capitalize",
    "casefold",
    "center",
    "count",
    "encode",
    "endswith",
    "expandtabs",
    "find",
    "format",
    "format_map",
    "index",
    "isalnum",
    "isalpha",
    "isascii",
    "isdecimal",
    "isdigit",
    "isidentifier",
    "islower",
    "isnumeric",
    "isprintable",
    "isspace",
    "istitle",
    "isupper",
    "join",
    "ljust",
    "lower",
    "lstrip",
    "partition",
    "removeprefix",
    "removesuffix",
    "replace",
    "rfind",
    "rindex",
    "rjust",
    "rpartition",
    "rsplit",
    "rstrip",
    "split",
    "splitlines",
    "startswith",
    "strip",
    "swapcase",
    "title",
    "upper",
    "zfill",
    "__len__",
    "__contains__",
    "__getitem__",
    "__add__",
    "__mul__",
    "__eq__",
    "__lt__",
    "__hash__",
    "__str__",
    "__repr__",
    "__format__",
    "__iter__",
    "maketrans",
    "translate",
];
const LIST_METHODS: &[&str] = &[
    "append",
    "clear",
    "copy",
    "count",
    "extend",
    "index",
    "insert",
    "pop",
    "remove",
    "reverse",
    "sort",
    "__len__",
    "__contains__",
    "__getitem__",
    "__setitem__",
    "__delitem__",
    "__iter__",
    "__eq__",
    "__add__",
    "__repr__",
    "__str__",
];
const TUPLE_METHODS: &[&str] = &[
    "count",
    "index",
    "__len__",
    "__contains__",
    "__getitem__",
    "__iter__",
    "__eq__",
    "__add__",
    "__hash__",
    "__repr__",
];
const DICT_METHODS: &[&str] = &[
    "clear",
    "copy",
    "fromkeys",
    "get",
    "items",
    "keys",
    "pop",
    "popitem",
    "setdefault",
    "update",
    "values",
    "__len__",
    "__contains__",
    "__getitem__",
    "__setitem__",
    "__delitem__",
    "__iter__",
    "__eq__",
    "__or__",
    "__repr__",
];
const SET_METHODS: &[&str] = &[
    "add",
    "clear",
    "copy",
    "difference",
    "difference_update",
    "discard",
    "intersection",
    "intersection_update",
    "isdisjoint",
    "issubset",
    "issuperset",
    "pop",
    "remove",
    "symmetric_difference",
    "symmetric_difference_update",
    "union",
    "update",
    "__len__",
    "__contains__",
    "__iter__",
    "__eq__",
    "__or__",
    "__and__",
    "__sub__",
    "__xor__",
    "__repr__",
];
const FROZENSET_METHODS: &[&str] = &[
    "copy",
    "difference",
    "intersection",
    "isdisjoint",
    "issubset",
    "issuperset",
    "symmetric_difference",
    "union",
    "__len__",
    "__contains__",
    "__iter__",
    "__eq__",
    "__hash__",
    "__repr__",
];
const INT_METHODS: &[&str] = &[
    "bit_length",
    "bit_count",
    "conjugate",
    "to_bytes",
    "as_integer_ratio",
    "is_integer",
    "__add__",
    "__sub__",
    "__mul__",
    "__floordiv__",
    "__truediv__",
    "__mod__",
    "__pow__",
    "__neg__",
    "__abs__",
    "__eq__",
    "__lt__",
    "__le__",
    "__gt__",
    "__ge__",
    "__hash__",
    "__index__",
    "__int__",
    "__float__",
    "__bool__",
    "__repr__",
    "__str__",
    "__format__",
    "__radd__",
    "__rsub__",
    "__rmul__",
];
const FLOAT_METHODS: &[&str] = &[
    "is_integer",
    "as_integer_ratio",
    "hex",
    "conjugate",
    "__add__",
    "__sub__",
    "__mul__",
    "__truediv__",
    "__floordiv__",
    "__mod__",
    "__pow__",
    "__neg__",
    "__abs__",
    "__eq__",
    "__lt__",
    "__le__",
    "__gt__",
    "__ge__",
    "__hash__",
    "__int__",
    "__float__",
    "__bool__",
    "__repr__",
    "__str__",
    "__format__",
    "__round__",
];

fn method_table(v: &Value) -> &'static [&'static str] {
    match v {
        Value::Str(_) => STR_METHODS,
        Value::List(_) => LIST_METHODS,
        Value::Tuple(_) => TUPLE_METHODS,
        Value::Dict(_) => DICT_METHODS,
        Value::Set(_) => SET_METHODS,
        Value::FrozenSet(_) => FROZENSET_METHODS,
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => INT_METHODS,
        Value::Float(_) => FLOAT_METHODS,
        _ => &["__repr__", "__str__", "__eq__", "__hash__"],
    }
}

pub fn has_builtin_method(v: &Value, name: &str) -> bool {
    method_table(v).contains(&name)
}

pub fn builtin_class_has_method(cls: &Rc<Class>, name: &str) -> bool {
    let t = types();
    let table: &[&str] = if Rc::ptr_eq(cls, &t.str_) {
        STR_METHODS
    } else if Rc::ptr_eq(cls, &t.list) {
        LIST_METHODS
    } else if Rc::ptr_eq(cls, &t.tuple) {
        TUPLE_METHODS
    } else if Rc::ptr_eq(cls, &t.dict) {
        DICT_METHODS
    } else if Rc::ptr_eq(cls, &t.set) {
        SET_METHODS
    } else if Rc::ptr_eq(cls, &t.frozenset) {
        FROZENSET_METHODS
    } else if Rc::ptr_eq(cls, &t.int) || Rc::ptr_eq(cls, &t.bool_) {
        INT_METHODS
    } else if Rc::ptr_eq(cls, &t.float) {
        FLOAT_METHODS
    } else {
        &[]
    };
    table.contains(&name)
}

/// Data attributes of built-in values (`x.real`, `f.imag`...).
pub fn builtin_attr(v: &Value, name: &str) -> PyResult<Option<Value>> {
    Ok(match (v, name) {
        (Value::Int(_) | Value::BigInt(_), "real" | "numerator") => Some(v.clone()),
        (Value::Bool(b), "real" | "numerator") => Some(Value::Int(*b as i64)),
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "imag") => Some(Value::Int(0)),
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "denominator") => Some(Value::Int(1)),
        (Value::Float(_), "real") => Some(v.clone()),
        (Value::Float(_), "imag") => Some(Value::Float(0.0)),
        _ => None,
    })
}

fn nargs(name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    if args.len() < min || args.len() > max {
        let msg = if min == max {
            match min {
                0 => format!("{name}() takes no arguments ({} given)", args.len()),
                1 => format!("{name}() takes exactly one argument ({} given)", args.len()),
                n => format!("{name} expected {n} arguments, got {}", args.len()),
            }
        } else if args.len() < min {
            format!("{name} expected at least {min} argument{}, got {}", if min == 1 { "" } else { "s" }, args.len())
        } else {
            format!("{name} expected at most {max} argument{}, got {}", if max == 1 { "" } else { "s" }, args.len())
        };
        return Err(type_error(msg));
    }
    Ok(())
}

/// `no_kwargs` for a method, named `type.method` as CPython names it.
fn method_no_kwargs(type_name: &str, name: &str, kwargs: &Kwargs) -> PyResult<()> {
    if !kwargs.is_empty() {
        return Err(type_error(format!("{type_name}.{name}() takes no keyword arguments")));
    }
    Ok(())
}

fn want_str<'a>(v: &'a Value, what: &str) -> PyResult<&'a PyStr> {
    match crate::subclass::plain(v) {
        Value::Str(s) => Ok(s),
        other => Err(type_error(format!("{what}, not {}", type_name(other)))),
    }
}

fn opt_index(v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::BigInt(b)) => Ok(Some(if num_traits::Signed::is_negative(&**b) { i64::MIN } else { i64::MAX })),
        Some(x) => ops::index_of(x, "slice").map(Some),
    }
}

fn int_arg(v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(_) => Err(crate::exc::overflow_error("Python int too large to convert to C ssize_t")),
        other => Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(other)))),
    }
}

fn str_list(items: Vec<String>) -> Value {
    Value::list(items.into_iter().map(Value::str).collect())
}

fn fill_char(v: Option<&Value>, method: &str) -> PyResult<char> {
    match v {
        None => Ok(' '),
        Some(Value::Str(s)) if s.char_len() == 1 => Ok(s.char_at(0)),
        Some(Value::Str(_)) => Err(type_error("The fill character must be exactly one character long")),
        Some(other) => Err(type_error(format!("{method}() argument 2 must be str, not {}", type_name(other)))),
    }
}

/// `receiver.name(*args, **kwargs)` for built-in receivers.
pub fn call_builtin_method(recv: &Value, name: &str, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    // Kept for the generic protocol below, which a type's own method table
    // may not cover.
    let protocol = is_protocol_dunder(name).then(|| args.clone());
    let r = match recv {
        Value::Str(s) => str_method(s, name, args, kwargs)?,
        Value::List(l) => list_method(recv, l, name, args, kwargs)?,
        Value::Tuple(t) => tuple_method(t.items(), name, args)?,
        Value::Dict(d) => dict_method(recv, d, name, args, kwargs)?,
        Value::Set(_) | Value::FrozenSet(_) => crate::set::method(recv, name, args, kwargs)?,
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) if name == "to_bytes" => {
            return crate::bytes::int_to_bytes(recv, args, kwargs);
        }
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => int_method(recv, name, args)?,
        Value::Float(f) => float_method(*f, name, args)?,
        Value::Native(_) if native_has_dunder(recv, name) => return native_dunder(recv, name, args),
        // `dict.__setitem__(self, k, v)` in a dict subclass: the built-in
        // method acts on the value the instance carries.
        Value::Object(o) if let Some(base) = o.base() => return call_builtin_method(base, name, args, kwargs),
        Value::Class(c) if name == "mro" => {
            nargs(name, &args, 0, 0)?;
            return Ok(Value::list(c.mro_with_self().into_iter().map(Value::Class).collect()));
        }
        // `OrderedDict.__setitem__(self, k, v)` on a collection another
        // class derives from: the operation itself.
        Value::Native(n) if protocol.is_some() && !n.has_method(name) => None,
        Value::Object(_) | Value::Class(_) | Value::Function(_) | Value::Native(_) => {
            return crate::call::call_method(recv, name, args, kwargs);
        }
        _ => None,
    };
    match r {
        Some(v) => Ok(v),
        None => match protocol {
            Some(args) => builtin_dunder(recv, name, args),
            None => dunder_fallback(recv, name),
        },
    }
}

/// The special methods every built-in value answers through the matching
/// operation (`x.__len__()` is `len(x)`), when its type has no method of
/// that name itself.
const PROTOCOL_DUNDERS: &[&str] = &[
    "__getitem__",
    "__setitem__",
    "__delitem__",
    "__contains__",
    "__len__",
    "__iter__",
    "__repr__",
    "__str__",
    "__hash__",
    "__bool__",
    "__format__",
    "__eq__",
    "__ne__",
    "__lt__",
    "__le__",
    "__gt__",
    "__ge__",
    "__add__",
    "__radd__",
    "__sub__",
    "__rsub__",
    "__mul__",
    "__rmul__",
    "__truediv__",
    "__floordiv__",
    "__mod__",
    "__pow__",
    "__or__",
    "__and__",
    "__xor__",
    "__neg__",
    "__int__",
    "__float__",
    "__index__",
];

pub fn is_protocol_dunder(name: &str) -> bool {
    // Every builtin method call asks: `append` and `join` leave at once.
    name.starts_with("__") && PROTOCOL_DUNDERS.contains(&name)
}

fn builtin_dunder(recv: &Value, name: &str, args: Vec<Value>) -> PyResult<Value> {
    let want = |n: usize| -> PyResult<()> {
        if args.len() == n {
            Ok(())
        } else {
            Err(type_error(format!("expected {n} argument{}, got {}", if n == 1 { "" } else { "s" }, args.len())))
        }
    };
    let a = |i: usize| args.get(i).cloned().unwrap_or_default();
    match name {
        "__getitem__" => want(1).and_then(|_| ops::getitem(recv, &a(0))),
        "__setitem__" => want(2).and_then(|_| ops::setitem(recv, &a(0), a(1))).map(|_| Value::None),
        "__delitem__" => want(1).and_then(|_| ops::delitem(recv, &a(0))).map(|_| Value::None),
        "__contains__" => want(1).and_then(|_| ops::contains(recv, &a(0))).map(Value::Bool),
        "__len__" => want(0).and_then(|_| ops::len(recv)).map(|n| Value::Int(n as i64)),
        "__iter__" => want(0).and_then(|_| crate::iter::iter_value(recv)),
        "__repr__" => want(0).and_then(|_| crate::fmt::repr(recv)).map(Value::str),
        "__str__" => want(0).and_then(|_| crate::fmt::str_(recv)).map(Value::str),
        "__hash__" => want(0).and_then(|_| ops::hash(recv)).map(Value::Int),
        "__bool__" => want(0).and_then(|_| ops::truthy(recv)).map(Value::Bool),
        "__format__" => want(1).and_then(|_| {
            let spec = crate::fmt::str_(&a(0))?;
            crate::fmt::format(recv, &spec).map(Value::str)
        }),
        "__neg__" => want(0).and_then(|_| ops::neg(recv)),
        "__int__" | "__index__" => want(0).and_then(|_| crate::builtins::to_int(recv)),
        "__float__" => want(0).and_then(|_| crate::builtins::to_float(recv)),
        _ => want(1).and_then(|_| binary_dunder(recv, name, args.first())),
    }
}

/// Whether a built-in object other than the core containers (an iterator, a
/// range, a generator...) answers the protocol dunder `name` as a method:
/// `it.__next__()` and `it.__iter__()` are what `next()` and `iter()` call.
pub fn native_has_dunder(v: &Value, name: &str) -> bool {
    let Value::Native(n) = v else { return false };
    match name {
        "__next__" => n.is_iterator(),
        "__iter__" => n.is_iterator() || n.iter(v).is_some(),
        "__repr__" | "__str__" => true,
        _ => false,
    }
}

fn native_dunder(recv: &Value, name: &str, args: Vec<Value>) -> PyResult<Value> {
    nargs(name, &args, 0, 0)?;
    match name {
        "__next__" => crate::builtins::next(vec![recv.clone()], vec![]),
        "__iter__" => crate::builtins::iter_builtin(vec![recv.clone()], vec![]),
        "__repr__" => Ok(Value::str(crate::fmt::repr(recv)?)),
        _ => Ok(Value::str(crate::fmt::str_(recv)?)),
    }
}

fn dunder_fallback(recv: &Value, name: &str) -> PyResult<Value> {
    Err(crate::attr::no_attribute(recv, name))
}

// -------------------------------------------------------------------- str

fn str_method(s: &PyStr, name: &str, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Option<Value>> {
    let text = s.as_str();
    if !matches!(name, "format" | "split" | "rsplit" | "splitlines" | "encode") {
        method_no_kwargs("str", name, &kwargs)?;
    }
    let a = |i: usize| args.get(i);
    Ok(Some(match name {
        "upper" => Value::str(sm::upper(text)),
        "lower" => Value::str(sm::lower(text)),
        "casefold" => Value::str(sm::casefold(text)),
        "swapcase" => Value::str(sm::swapcase(text)),
        "title" => Value::str(sm::title(text)),
        "capitalize" => Value::str(sm::capitalize(text)),
        "strip" | "lstrip" | "rstrip" => {
            nargs(name, &args, 0, 1)?;
            let chars = match a(0) {
                None | Some(Value::None) => None,
                Some(Value::Str(c)) => Some(c.as_str()),
                Some(other) => {
                    return Err(type_error(format!("{name} arg must be None or str, not {}", type_name(other))));
                }
            };
            Value::str(match name {
                "strip" => sm::strip(text, chars),
                "lstrip" => sm::lstrip(text, chars),
                _ => sm::rstrip(text, chars),
            })
        }
        "split" | "rsplit" => {
            let slots = crate::func::keyword_slots(name, args, kwargs, &["sep", "maxsplit"])?;
            let sep = match &slots[0] {
                None | Some(Value::None) => None,
                Some(v) => Some(want_str(v, "must be str or None")?.to_string()),
            };
            let maxsplit = match &slots[1] {
                None => -1,
                Some(v) => int_arg(v)?,
            };
            let parts = if name == "split" {
                pure(sm::split(text, sep.as_deref(), maxsplit))?
            } else {
                pure(sm::rsplit(text, sep.as_deref(), maxsplit))?
            };
            str_list(parts)
        }
        "splitlines" => {
            let slots = crate::func::keyword_slots(name, args, kwargs, &["keepends"])?;
            let keep = match &slots[0] {
                Some(v) => ops::truthy(v)?,
                None => false,
            };
            str_list(sm::splitlines(text, keep))
        }
        "join" => {
            nargs("join", &args, 1, 1)?;
            // A list or tuple is joined in place: nothing here runs Python
            // code, so the borrow cannot be disturbed.
            let joined = match &args[0] {
                Value::List(l) => join_str_items(text, &l.borrow()),
                Value::Tuple(t) => join_str_items(text, t.items()),
                other => join_str_items(text, &crate::iter::to_vec(other)?),
            };
            Value::str(joined?)
        }
        "replace" => {
            let slots = crate::func::keyword_slots(name, args, kwargs, &["old", "new", "count"])?;
            let old = want_str(
                slots[0].as_ref().ok_or_else(|| type_error("replace expected at least 2 arguments, got 0"))?,
                "replace() argument 1 must be str",
            )?;
            let new = want_str(
                slots
                    .get(1)
                    .and_then(|s| s.as_ref())
                    .ok_or_else(|| type_error("replace expected at least 2 arguments, got 1"))?,
                "replace() argument 2 must be str",
            )?;
            let count = match slots.get(2).and_then(|s| s.as_ref()) {
                Some(v) => int_arg(v)?,
                None => -1,
            };
            Value::str(sm::replace(text, old, new, count))
        }
        "find" | "rfind" | "index" | "rindex" | "count" => {
            nargs(name, &args, 1, 3)?;
            let sub = want_str(&args[0], "must be str")?;
            let (start, end) = (opt_index(a(1))?, opt_index(a(2))?);
            Value::Int(match name {
                "find" => sm::find(text, sub, start, end),
                "rfind" => sm::rfind(text, sub, start, end),
                "index" => pure(sm::index(text, sub, start, end))?,
                "rindex" => pure(sm::rindex(text, sub, start, end))?,
                _ => sm::count(text, sub, start, end),
            })
        }
        "startswith" | "endswith" => {
            nargs(name, &args, 1, 3)?;
            let (start, end) = (opt_index(a(1))?, opt_index(a(2))?);
            let test = |p: &str| {
                if name == "startswith" {
                    sm::startswith(text, p, start, end)
                } else {
                    sm::endswith(text, p, start, end)
                }
            };
            match crate::subclass::plain(&args[0]) {
                Value::Str(p) => Value::Bool(test(p)),
                Value::Tuple(t) => {
                    let mut hit = false;
                    for p in t.items() {
                        if test(want_str(p, &format!("tuple for {name} must only contain str"))?) {
                            hit = true;
                            break;
                        }
                    }
                    Value::Bool(hit)
                }
                other => {
                    return Err(type_error(format!(
                        "{name} first arg must be str or a tuple of str, not {}",
                        type_name(other)
                    )));
                }
            }
        }
        "center" | "ljust" | "rjust" => {
            nargs(name, &args, 1, 2)?;
            let width = int_arg(&args[0])?;
            let fill = fill_char(a(1), name)?;
            Value::str(pure(match name {
                "center" => sm::center(text, width, fill),
                "ljust" => sm::ljust(text, width, fill),
                _ => sm::rjust(text, width, fill),
            })?)
        }
        "zfill" => {
            nargs(name, &args, 1, 1)?;
            Value::str(pure(sm::zfill(text, int_arg(&args[0])?))?)
        }
        "expandtabs" => Value::str(pure(sm::expandtabs(text, a(0).map(int_arg).transpose()?.unwrap_or(8)))?),
        "partition" | "rpartition" => {
            nargs(name, &args, 1, 1)?;
            let sep = want_str(&args[0], "must be str")?;
            let (x, y, z) =
                if name == "partition" { pure(sm::partition(text, sep))? } else { pure(sm::rpartition(text, sep))? };
            Value::tuple_of([Value::str(x), Value::str(y), Value::str(z)])
        }
        "removeprefix" => Value::str(sm::removeprefix(
            text,
            want_str(a(0).unwrap_or(&Value::None), "removeprefix() argument must be str")?,
        )),
        "removesuffix" => Value::str(sm::removesuffix(
            text,
            want_str(a(0).unwrap_or(&Value::None), "removesuffix() argument must be str")?,
        )),
        "isdigit" => Value::Bool(sm::isdigit(text)),
        "isdecimal" => Value::Bool(sm::isdecimal(text)),
        "isnumeric" => Value::Bool(sm::isnumeric(text)),
        "isalpha" => Value::Bool(sm::isalpha(text)),
        "isalnum" => Value::Bool(sm::isalnum(text)),
        "isspace" => Value::Bool(sm::isspace(text)),
        "isupper" => Value::Bool(sm::isupper(text)),
        "islower" => Value::Bool(sm::islower(text)),
        "istitle" => Value::Bool(sm::istitle(text)),
        "isidentifier" => Value::Bool(sm::isidentifier(text)),
        "isprintable" => Value::Bool(sm::isprintable(text)),
        "isascii" => Value::Bool(sm::isascii(text)),
        "format" => Value::str(crate::strformat::str_format(text, &args, &kwargs)?),
        "format_map" => {
            nargs(name, &args, 1, 1)?;
            Value::str(crate::strformat::str_format_map(text, &args[0])?)
        }
        "encode" => crate::bytes::encode_method(text, args, kwargs)?,
        "maketrans" => crate::str_translate::maketrans(args, kwargs)?,
        "translate" => crate::str_translate::translate(text, args)?,
        "__len__" => Value::Int(s.char_len() as i64),
        "__contains__" => Value::Bool(ops::contains(&Value::Str(s.clone()), a(0).unwrap_or(&Value::None))?),
        "__getitem__" => ops::getitem(&Value::Str(s.clone()), a(0).unwrap_or(&Value::None))?,
        "__str__" => Value::Str(s.clone()),
        "__repr__" => Value::str(sm::str_repr(text)),
        "__hash__" => Value::Int(crate::hash::hash_str(text)),
        "__format__" => Value::str(crate::fmt::format(
            &Value::Str(s.clone()),
            want_str(a(0).unwrap_or(&Value::None), "format spec must be str")?,
        )?),
        "__iter__" => crate::iter::iter_value(&Value::Str(s.clone()))?,
        "__add__" | "__mul__" | "__eq__" | "__lt__" => binary_dunder(&Value::Str(s.clone()), name, a(0))?,
        _ => return Ok(None),
    }))
}

/// `x.__add__(y)` and friends called explicitly on built-in values.
fn binary_dunder(recv: &Value, name: &str, arg: Option<&Value>) -> PyResult<Value> {
    let other = arg.cloned().unwrap_or_default();
    use ops::{BinOp, CmpOp};
    let bin = |op| match ops::binary(recv, &other, op) {
        Err(e) if e.is_instance(&types().type_error) => Ok(Value::NotImplemented),
        r => r,
    };
    let cmp = |op| ops::compare(recv, &other, op);
    match name {
        "__add__" => bin(BinOp::Add),
        "__radd__" => ops::binary(&other, recv, BinOp::Add),
        "__sub__" => bin(BinOp::Sub),
        "__rsub__" => ops::binary(&other, recv, BinOp::Sub),
        "__mul__" => bin(BinOp::Mul),
        "__rmul__" => ops::binary(&other, recv, BinOp::Mul),
        "__truediv__" => bin(BinOp::TrueDiv),
        "__floordiv__" => bin(BinOp::FloorDiv),
        "__mod__" => bin(BinOp::Mod),
        "__pow__" => bin(BinOp::Pow),
        "__or__" => bin(BinOp::Or),
        "__and__" => bin(BinOp::And),
        "__sub_set__" => bin(BinOp::Sub),
        "__xor__" => bin(BinOp::Xor),
        "__eq__" => cmp(CmpOp::Eq),
        "__ne__" => cmp(CmpOp::Ne),
        "__lt__" => cmp(CmpOp::Lt),
        "__le__" => cmp(CmpOp::Le),
        "__gt__" => cmp(CmpOp::Gt),
        "__ge__" => cmp(CmpOp::Ge),
        _ => Err(crate::attr::no_attribute(recv, name)),
    }
}

pub fn str_slice(s: &PyStr, sl: &Slice) -> PyResult<Value> {
    let (start, _stop, step, n) = sl.indices(s.char_len())?;
    if s.is_ascii() {
        let bytes = s.as_bytes();
        let mut out = String::with_capacity(n);
        for k in 0..n {
            out.push(bytes[(start + k as i64 * step) as usize] as char);
        }
        return Ok(Value::str(out));
    }
    let chars: Vec<char> = s.chars().collect();
    let out: String = (0..n).map(|k| chars[(start + k as i64 * step) as usize]).collect();
    Ok(Value::str(out))
}

// ------------------------------------------------------------------- list

fn list_method(
    recv: &Value,
    l: &crate::list::List,
    name: &str,
    args: Vec<Value>,
    kwargs: Kwargs,
) -> PyResult<Option<Value>> {
    if name != "sort" {
        method_no_kwargs("list", name, &kwargs)?;
    }
    Ok(Some(match name {
        "append" => {
            nargs("list.append", &args, 1, 1)
                .map_err(|_| type_error(format!("list.append() takes exactly one argument ({} given)", args.len())))?;
            l.push(args.into_iter().next().unwrap_or_default());
            Value::None
        }
        "extend" => {
            nargs("list.extend", &args, 1, 1)?;
            let items = crate::iter::to_vec(&args[0])?;
            l.borrow_mut().extend(items);
            Value::None
        }
        "insert" => {
            nargs("insert", &args, 2, 2)?;
            let i = int_arg(&args[0])?;
            let mut v = l.borrow_mut();
            let n = v.len() as i64;
            let idx = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
            v.insert(idx, args[1].clone());
            Value::None
        }
        "pop" => {
            nargs("pop", &args, 0, 1)?;
            let n = l.len() as i64;
            if n == 0 {
                return Err(crate::exc::index_error("pop from empty list"));
            }
            let i = match args.first() {
                Some(v) => int_arg(v)?,
                None => -1,
            };
            let j = if i < 0 { i + n } else { i };
            if j < 0 || j >= n {
                return Err(crate::exc::index_error("pop index out of range"));
            }
            l.borrow_mut().remove(j as usize)
        }
        "remove" => {
            nargs("list.remove", &args, 1, 1)?;
            let n = l.len();
            for i in 0..n {
                let Some(x) = l.get(i) else { break };
                if x.is(&args[0]) || ops::eq(&x, &args[0])? {
                    let removed = l.borrow_mut().remove(i);
                    drop(removed);
                    return Ok(Some(Value::None));
                }
            }
            return Err(value_error("list.remove(x): x not in list"));
        }
        "index" => {
            nargs("index", &args, 1, 3)?;
            let n = l.len() as i64;
            let norm = |v: Option<i64>, d: i64| v.map_or(d, |i| if i < 0 { (i + n).max(0) } else { i.min(n) });
            let start = norm(opt_index(args.get(1))?, 0);
            let stop = norm(opt_index(args.get(2))?, n);
            let mut i = start;
            while i < stop {
                let Some(x) = l.get(i as usize) else { break };
                if x.is(&args[0]) || ops::eq(&x, &args[0])? {
                    return Ok(Some(Value::Int(i)));
                }
                i += 1;
            }
            return Err(value_error(format!("{} is not in list", crate::fmt::repr(&args[0])?)));
        }
        "count" => {
            nargs("count", &args, 1, 1)?;
            let mut c = 0;
            for x in l.snapshot() {
                if x.is(&args[0]) || ops::eq(&x, &args[0])? {
                    c += 1;
                }
            }
            Value::Int(c)
        }
        "reverse" => {
            l.borrow_mut().reverse();
            Value::None
        }
        "clear" => {
            l.replace(Vec::new());
            Value::None
        }
        "copy" => Value::list(l.snapshot()),
        "sort" => {
            if !args.is_empty() {
                return Err(type_error("sort() takes no positional arguments"));
            }
            let mut key = Value::None;
            let mut reverse = false;
            for (k, v) in kwargs {
                match k.as_str() {
                    "key" => key = v,
                    "reverse" => reverse = ops::truthy(&v)?,
                    other => {
                        return Err(type_error(format!("'{other}' is an invalid keyword argument for sort()")));
                    }
                }
            }
            let items = std::mem::take(&mut *l.borrow_mut());
            let sorted = sort_values(items, &key, reverse);
            let modified = !l.is_empty();
            match sorted {
                Ok(v) => {
                    l.replace(v);
                    if modified {
                        return Err(value_error("list modified during sort"));
                    }
                }
                Err((e, v)) => {
                    l.replace(v);
                    return Err(e);
                }
            }
            Value::None
        }
        "__len__" => Value::Int(l.len() as i64),
        "__getitem__" => ops::getitem(recv, args.first().unwrap_or(&Value::None))?,
        "__setitem__" => {
            nargs("__setitem__", &args, 2, 2)?;
            ops::setitem(recv, &args[0], args[1].clone())?;
            Value::None
        }
        "__delitem__" => {
            ops::delitem(recv, args.first().unwrap_or(&Value::None))?;
            Value::None
        }
        "__contains__" => Value::Bool(ops::contains(recv, args.first().unwrap_or(&Value::None))?),
        "__iter__" => crate::iter::iter_value(recv)?,
        "__repr__" | "__str__" => Value::str(crate::fmt::repr(recv)?),
        "__eq__" | "__add__" => binary_dunder(recv, name, args.first())?,
        _ => return Ok(None),
    }))
}

/// The values as machine ints, if every one is (allocated once, exactly).
fn all_ints(values: &[Value]) -> Option<Vec<i64>> {
    let mut out = Vec::with_capacity(values.len());
    for v in values {
        let Value::Int(x) = v else { return None };
        out.push(*x);
    }
    Some(out)
}

/// Stable sort with an optional key; on error the items come back too.
pub fn sort_values(
    items: Vec<Value>,
    key: &Value,
    reverse: bool,
) -> Result<Vec<Value>, (crate::exc::PyErr, Vec<Value>)> {
    let mut items = items;
    // Keys are computed in the list's order (a key function may have
    // effects); reversing before a stable sort and after it keeps equal
    // elements in their original order, as CPython does.
    let keys = if key.is_none() {
        Keys::Items
    } else {
        match keys_of(&items, key) {
            Ok(k) => k,
            Err(e) => return Err((e, items)),
        }
    };
    if reverse {
        items.reverse();
    }
    let mut order: Vec<usize> = match keys {
        // Machine ints sort as a plain array: equal ints are
        // indistinguishable, so without a key the order among equals does
        // not matter.
        Keys::Items => {
            if let Some(mut ints) = all_ints(&items) {
                crate::radix::sort_ints(&mut ints);
                if reverse {
                    ints.reverse();
                }
                // Written back into the items' own buffer: a second
                // list-sized allocation would raise the peak memory.
                for (slot, x) in items.iter_mut().zip(ints) {
                    *slot = Value::Int(x);
                }
                return Ok(items);
            }
            match sorted_order(&items) {
                Ok(order) => order,
                Err(e) => return Err((e, items)),
            }
        }
        // Int keys sort as (key, position) pairs, stably by key alone.
        Keys::Ints(mut ks) => {
            if reverse {
                ks.reverse();
            }
            // Int items ride along with their keys, so the sorted list is
            // built in one sequential pass instead of by permutation.
            if items.iter().all(|v| matches!(v, Value::Int(_))) {
                // Built in the items' own buffer (a pair is a `Value`'s size):
                // a second list-sized allocation would raise the peak memory.
                let mut pairs: Vec<(i64, i64)> = items
                    .into_iter()
                    .zip(ks)
                    .map(|(v, k)| match v {
                        Value::Int(x) => (k, x),
                        _ => (k, 0), // not reached: every item is an int
                    })
                    .collect();
                crate::radix::sort_pairs(&mut pairs);
                if reverse {
                    pairs.reverse();
                }
                return Ok(pairs.into_iter().map(|(_, x)| Value::Int(x)).collect());
            }
            let mut pairs: Vec<(i64, i64)> = ks.into_iter().zip(0..).collect();
            crate::radix::sort_pairs(&mut pairs);
            pairs.into_iter().map(|(_, i)| i as usize).collect()
        }
        Keys::Values(mut ks) => {
            if reverse {
                ks.reverse();
            }
            match sorted_order(&ks) {
                Ok(order) => order,
                Err(e) => return Err((e, items)),
            }
        }
    };
    apply_order(&mut items, &mut order);
    if reverse {
        items.reverse();
    }
    Ok(items)
}

/// The sort keys of `items`: held as plain ints while every key is one.
enum Keys {
    /// No key function: the items are their own keys.
    Items,
    Ints(Vec<i64>),
    Values(Vec<Value>),
}

fn keys_of(items: &[Value], key: &Value) -> PyResult<Keys> {
    let mut ints: Vec<i64> = Vec::with_capacity(items.len());
    for (n, it) in items.iter().enumerate() {
        match crate::call::call_n(key, [it.clone()])? {
            Value::Int(k) => ints.push(k),
            other => {
                let mut values: Vec<Value> = Vec::with_capacity(items.len());
                values.extend(ints.drain(..).map(Value::Int));
                values.push(other);
                for it in &items[n + 1..] {
                    values.push(crate::call::call_n(key, [it.clone()])?);
                }
                return Ok(Keys::Values(values));
            }
        }
    }
    Ok(Keys::Ints(ints))
}

/// The positions of `keys` in stably sorted order, comparing with `<` as
/// CPython's sort does. (All-int keys never get here: `sort_values` sorts
/// them as machine ints.)
fn sorted_order(ks: &[Value]) -> PyResult<Vec<usize>> {
    let mut order: Vec<usize> = (0..ks.len()).collect();
    if ks.iter().all(|k| matches!(k, Value::Str(_))) {
        order.sort_by(|&a, &b| match (&ks[a], &ks[b]) {
            (Value::Str(x), Value::Str(y)) => x.as_str().cmp(y.as_str()),
            _ => std::cmp::Ordering::Equal,
        });
    } else {
        stable_sort(&mut order, &mut |x, y| ops::lt(&ks[x], &ks[y]))?;
    }
    Ok(order)
}

/// A stable merge sort driven by a fallible `less`, for keys compared
/// with Python's `<`. Rust's own sort may panic when the order is not
/// total (a NaN, an inconsistent `__lt__`); this one cannot. Like
/// CPython's, it asks `less(later, earlier)` and moves a later element
/// ahead only when it is strictly less, so a failing comparison names its
/// operands as CPython's does.
fn stable_sort(v: &mut [usize], less: &mut dyn FnMut(usize, usize) -> PyResult<bool>) -> PyResult<()> {
    const RUN: usize = 32;
    let n = v.len();
    // Binary insertion sort of each run, as CPython's `binarysort`.
    for start in (0..n).step_by(RUN) {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let pivot = v[i];
            let (mut lo, mut hi) = (start, i);
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                if less(pivot, v[mid])? {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            v.copy_within(lo..i, lo + 1);
            v[lo] = pivot;
        }
    }
    // Bottom-up merges of neighbouring runs.
    let mut buf: Vec<usize> = Vec::with_capacity(n);
    let mut width = RUN;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            if mid == end {
                continue;
            }
            buf.clear();
            let (mut a, mut b) = (start, mid);
            while a < mid && b < end {
                if less(v[b], v[a])? {
                    buf.push(v[b]);
                    b += 1;
                } else {
                    buf.push(v[a]);
                    a += 1;
                }
            }
            buf.extend_from_slice(&v[a..mid]);
            buf.extend_from_slice(&v[b..end]);
            v[start..end].copy_from_slice(&buf);
        }
        width *= 2;
    }
    Ok(())
}

/// Rearranges `items` in place so that position `k` holds what was at
/// `order[k]`, following each cycle of the permutation (no second list of
/// a million values). `order` is used up.
fn apply_order(items: &mut [Value], order: &mut [usize]) {
    const DONE: usize = usize::MAX;
    for start in 0..items.len() {
        if order[start] == DONE {
            continue;
        }
        let first = std::mem::take(&mut items[start]);
        let mut k = start;
        loop {
            let from = std::mem::replace(&mut order[k], DONE);
            if from == start {
                items[k] = first;
                break;
            }
            items[k] = std::mem::take(&mut items[from]);
            k = from;
        }
    }
}

// ------------------------------------------------------------------ tuple

fn tuple_method(items: &[Value], name: &str, args: Vec<Value>) -> PyResult<Option<Value>> {
    Ok(Some(match name {
        "count" => {
            nargs("count", &args, 1, 1)?;
            let mut c = 0;
            for x in items {
                if x.is(&args[0]) || ops::eq(x, &args[0])? {
                    c += 1;
                }
            }
            Value::Int(c)
        }
        "index" => {
            nargs("index", &args, 1, 3)?;
            for (i, x) in items.iter().enumerate() {
                if x.is(&args[0]) || ops::eq(x, &args[0])? {
                    return Ok(Some(Value::Int(i as i64)));
                }
            }
            return Err(value_error("tuple.index(x): x not in tuple"));
        }
        "__len__" => Value::Int(items.len() as i64),
        _ => return Ok(None),
    }))
}

// ------------------------------------------------------------------- dict

fn dict_method(
    recv: &Value,
    d: &Rc<crate::dict::Dict>,
    name: &str,
    args: Vec<Value>,
    kwargs: Kwargs,
) -> PyResult<Option<Value>> {
    if name != "update" {
        method_no_kwargs("dict", name, &kwargs)?;
    }
    Ok(Some(match name {
        "get" => {
            nargs("get", &args, 1, 2)?;
            d.get(&args[0])?.unwrap_or_else(|| args.get(1).cloned().unwrap_or_default())
        }
        "keys" => DictView::new(d, DictPart::Keys),
        "values" => DictView::new(d, DictPart::Values),
        "items" => DictView::new(d, DictPart::Items),
        "pop" => {
            nargs("pop", &args, 1, 2)?;
            match d.remove(&args[0])? {
                Some(v) => v,
                None => match args.get(1) {
                    Some(default) => default.clone(),
                    None => return Err(key_error(args[0].clone())),
                },
            }
        }
        "popitem" => match d.pop_last() {
            Some((k, v)) => Value::tuple_of([k, v]),
            None => return Err(key_error_msg("popitem(): dictionary is empty")),
        },
        "setdefault" => {
            nargs("setdefault", &args, 1, 2)?;
            match d.get(&args[0])? {
                Some(v) => v,
                None => {
                    let v = args.get(1).cloned().unwrap_or_default();
                    d.set(args[0].clone(), v.clone())?;
                    v
                }
            }
        }
        "update" => {
            nargs("update", &args, 0, 1)?;
            if let Some(src) = args.first() {
                dict_update(d, src)?;
            }
            for (k, v) in kwargs {
                d.set(Value::Str(k), v)?;
            }
            Value::None
        }
        "clear" => {
            d.clear();
            Value::None
        }
        "copy" => Value::Dict(Rc::new(d.copy())),
        "__len__" => Value::Int(d.len() as i64),
        "__getitem__" => ops::getitem(recv, args.first().unwrap_or(&Value::None))?,
        "__setitem__" => {
            nargs("__setitem__", &args, 2, 2)?;
            d.set(args[0].clone(), args[1].clone())?;
            Value::None
        }
        "__delitem__" => {
            ops::delitem(recv, args.first().unwrap_or(&Value::None))?;
            Value::None
        }
        "__contains__" => Value::Bool(d.contains(args.first().unwrap_or(&Value::None))?),
        "__iter__" => crate::iter::iter_value(recv)?,
        "__repr__" => Value::str(crate::fmt::repr(recv)?),
        "__eq__" | "__or__" => binary_dunder(recv, name, args.first())?,
        _ => return Ok(None),
    }))
}

fn key_error_msg(msg: &str) -> crate::exc::PyErr {
    key_error(Value::str(msg))
}

/// `dict.update(src)`: a mapping (has `keys`) or an iterable of pairs.
pub fn dict_update(d: &crate::dict::Dict, src: &Value) -> PyResult<()> {
    match src {
        Value::Dict(other) => {
            for (k, v) in other.items() {
                d.set(k, v)?;
            }
        }
        // A dict subclass not iterating its own way is copied as stored,
        // its `__getitem__` unasked (CPython's `dict_merge` fast path).
        Value::Object(o)
            if let Some(base @ Value::Dict(_)) = o.base()
                && crate::subclass::base_first(&o.class, "__iter__") =>
        {
            dict_update(d, base)?;
        }
        Value::Object(_) | Value::Native(_) if crate::attr::hasattr(src, "keys")? => {
            let keys = crate::call::call_method(src, "keys", vec![], vec![])?;
            for k in crate::iter::to_vec(&keys)? {
                let v = ops::getitem(src, &k)?;
                d.set(k, v)?;
            }
        }
        _ => {
            let mut it = crate::iter::iter(src)?;
            let mut i = 0;
            while let Some(pair) = it.next()? {
                let items = crate::iter::to_vec(&pair).map_err(|_| {
                    type_error(format!("cannot convert dictionary update sequence element #{i} to a sequence"))
                })?;
                if items.len() != 2 {
                    return Err(value_error(format!(
                        "dictionary update sequence element #{i} has length {}; 2 is required",
                        items.len()
                    )));
                }
                let mut items = items.into_iter();
                let (k, v) = (items.next().unwrap_or_default(), items.next().unwrap_or_default());
                d.set(k, v)?;
                i += 1;
            }
        }
    }
    Ok(())
}

/// `dict.keys()`, `dict.values()`, `dict.items()`: live views.
pub struct DictView {
    pub dict: Rc<crate::dict::Dict>,
    pub part: DictPart,
}

impl DictView {
    fn new(d: &Rc<crate::dict::Dict>, part: DictPart) -> Value {
        Value::native(DictView { dict: d.clone(), part })
    }

    pub fn items(&self) -> Vec<Value> {
        match self.part {
            DictPart::Keys => self.dict.keys(),
            DictPart::Values => self.dict.values(),
            DictPart::Items => self.dict.items().into_iter().map(|(k, v)| Value::tuple_of([k, v])).collect(),
        }
    }
}

impl Native for DictView {
    fn type_name(&self) -> &'static str {
        match self.part {
            DictPart::Keys => "dict_keys",
            DictPart::Values => "dict_values",
            DictPart::Items => "dict_items",
        }
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(format!("{}({})", self.type_name(), crate::fmt::repr(&Value::list(self.items()))?))
    }

    fn iter(&self, _this: &Value) -> Option<PyResult<PyIter>> {
        Some(Ok(PyIter::Dict { dict: self.dict.clone(), pos: 0, version: self.dict.version(), part: self.part }))
    }

    fn len(&self) -> Option<PyResult<usize>> {
        Some(Ok(self.dict.len()))
    }

    fn contains(&self, item: &Value) -> Option<PyResult<bool>> {
        Some(match self.part {
            DictPart::Keys => self.dict.contains(item),
            DictPart::Values => {
                let vals = self.dict.values();
                (|| {
                    for v in vals {
                        if v.is(item) || ops::eq(&v, item)? {
                            return Ok(true);
                        }
                    }
                    Ok(false)
                })()
            }
            DictPart::Items => (|| {
                let Value::Tuple(t) = item else {
                    return Ok(false);
                };
                if t.len() != 2 {
                    return Ok(false);
                }
                match self.dict.get(&t.items()[0])? {
                    Some(v) => Ok(v.is(&t.items()[1]) || ops::eq(&v, &t.items()[1])?),
                    None => Ok(false),
                }
            })(),
        })
    }

    fn eq(&self, other: &Value) -> Option<bool> {
        let o = downcast::<DictView>(other)?;
        if self.part == DictPart::Values || o.part != self.part {
            return Some(false);
        }
        let a = crate::set::from_values(self.items()).ok()?;
        let b = crate::set::from_values(o.items()).ok()?;
        ops::eq(&a, &b).ok()
    }

    fn has_method(&self, name: &str) -> bool {
        crate::dict_views::has_method(self.part, name)
    }

    fn call_method(&self, this: &Value, name: &str, args: Vec<Value>, kw: Kwargs) -> Option<PyResult<Value>> {
        crate::dict_views::call_method(self.part, this, name, args, &kw)
    }
}

// -------------------------------------------------------------- int/float

fn int_method(recv: &Value, name: &str, args: Vec<Value>) -> PyResult<Option<Value>> {
    Ok(Some(match name {
        "bit_length" => Value::Int(match recv {
            Value::Int(i) => 64 - i.unsigned_abs().leading_zeros() as i64,
            Value::Bool(b) => *b as i64,
            Value::BigInt(b) => b.bits() as i64,
            _ => 0,
        }),
        "bit_count" => Value::Int(match recv {
            Value::Int(i) => i.unsigned_abs().count_ones() as i64,
            Value::Bool(b) => *b as i64,
            Value::BigInt(b) => b.magnitude().count_ones() as i64,
            _ => 0,
        }),
        "conjugate" | "__int__" | "__index__" => match recv {
            Value::Bool(b) => Value::Int(*b as i64),
            _ => recv.clone(),
        },
        "is_integer" => Value::Bool(true),
        "as_integer_ratio" => Value::tuple_of([ops::pos(recv)?, Value::Int(1)]),
        "__float__" => Value::Float(ops::to_f64(recv)?.unwrap_or(0.0)),
        "__bool__" => Value::Bool(ops::truthy(recv)?),
        "__neg__" => ops::neg(recv)?,
        "__abs__" => ops::abs(recv)?,
        "__hash__" => Value::Int(ops::hash(recv)?),
        "__repr__" | "__str__" => Value::str(crate::fmt::repr(recv)?),
        "__format__" => Value::str(crate::fmt::format(
            recv,
            want_str(args.first().unwrap_or(&Value::None), "format spec must be str")?,
        )?),
        n if n.starts_with("__") => binary_dunder(recv, n, args.first())?,
        _ => return Ok(None),
    }))
}

fn float_method(f: f64, name: &str, args: Vec<Value>) -> PyResult<Option<Value>> {
    let recv = Value::Float(f);
    Ok(Some(match name {
        "is_integer" => Value::Bool(f.is_finite() && f.fract() == 0.0),
        "as_integer_ratio" => {
            let (n, d) = pure(crate::num_ops::float_as_integer_ratio(f))?;
            Value::tuple_of([n.into_value(), d.into_value()])
        }
        "conjugate" | "__float__" => recv,
        "hex" => Value::str(crate::builtins::float_hex(f)),
        "__int__" => crate::builtins::float_to_int(f)?,
        "__bool__" => Value::Bool(f != 0.0),
        "__neg__" => Value::Float(-f),
        "__abs__" => Value::Float(f.abs()),
        "__hash__" => Value::Int(ops::hash(&recv)?),
        "__repr__" | "__str__" => Value::str(crate::float_repr::float_repr(f)),
        "__format__" => Value::str(crate::fmt::format(
            &recv,
            want_str(args.first().unwrap_or(&Value::None), "format spec must be str")?,
        )?),
        "__round__" => crate::builtins::round(&recv, args.first().cloned())?,
        n if n.starts_with("__") => binary_dunder(&recv, n, args.first())?,
        _ => return Ok(None),
    }))
}

/// The class of a built-in value, for `BoundBuiltin` reprs and lookups.
pub fn class_of_builtin(v: &Value) -> Rc<Class> {
    ops::type_of(v)
}

/// `sep.join(items)` for items that must all be str.
fn join_str_items(sep: &str, items: &[Value]) -> PyResult<String> {
    let too_long = || crate::exc::overflow_error("join() result is too long for a Python string");
    let mut len = sep.len().checked_mul(items.len().saturating_sub(1)).ok_or_else(too_long)?;
    for (i, item) in items.iter().enumerate() {
        match crate::subclass::plain(item) {
            Value::Str(p) => len = len.checked_add(p.len_bytes()).ok_or_else(too_long)?,
            other => {
                return Err(type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    type_name(other)
                )));
            }
        }
    }
    if len > isize::MAX as usize {
        return Err(too_long());
    }
    let mut out = crate::exc::pure(crate::str_methods::string_with_capacity(len))?;
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        if let Value::Str(p) = crate::subclass::plain(item) {
            out.push_str(p);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod sort_tests {
    use super::*;

    #[test]
    fn stable_sort_is_stable_and_total_order_free() {
        // Keys with ties: equal keys keep their positions' order.
        let keys = [3, 1, 3, 2, 1, 0, 2, 3, 1, 0];
        let mut v: Vec<usize> = (0..100).collect();
        assert!(stable_sort(&mut v, &mut |x, y| Ok(keys[x % 10] < keys[y % 10])).is_ok());
        for w in v.windows(2) {
            let (a, b) = (keys[w[0] % 10], keys[w[1] % 10]);
            assert!(a < b || (a == b && w[0] < w[1]), "{w:?}");
        }
        // An order that is not one (every comparison true) still ends with
        // a permutation, never a panic.
        let mut v: Vec<usize> = (0..100).collect();
        assert!(stable_sort(&mut v, &mut |_, _| Ok(true)).is_ok());
        let mut seen = v.clone();
        seen.sort_unstable();
        assert_eq!(seen, (0..100).collect::<Vec<_>>());
    }

    #[test]
    fn stable_sort_stops_at_the_first_error() {
        let mut v: Vec<usize> = (0..50).rev().collect();
        let mut calls = 0;
        let r = stable_sort(&mut v, &mut |_, _| {
            calls += 1;
            if calls == 40 { Err(crate::exc::value_error("boom")) } else { Ok(false) }
        });
        assert!(r.is_err());
        assert_eq!(calls, 40);
    }
}
