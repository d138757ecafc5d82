//! Python's built-in functions and the constructors of the built-in types.
//! Every builtin has the uniform signature `fn(Vec<Value>, Kwargs)`, so the
//! transpiler can call it directly or hand it out as a first-class value.

use std::rc::Rc;

use num_bigint::BigInt;

use crate::call::{call, call_method};
use crate::class::Class;
use crate::dict::Dict;
use crate::exc::{PyResult, pure, type_error, value_error};
use crate::func::{BuiltinFunction, Kwargs};
use crate::gil::GilCell;
use crate::iter::{Adapter, AdapterObj, PyIter, Range, iter, to_vec};
use crate::native::downcast;
use crate::ops::{self, type_name, type_of};
use crate::types::{BuiltinInfo, types};
use crate::value::Value;

pub use crate::file::open;

static MAIN_FILE: GilCell<Option<String>> = GilCell::new(None);

pub fn set_main_file(file: &str) {
    MAIN_FILE.replace(Some(file.to_string()));
}

pub fn main_file() -> String {
    MAIN_FILE.get().unwrap_or_default()
}

/// Arguments of a builtin: positional, then keywords by name.
struct Args {
    name: &'static str,
    pos: Vec<Value>,
    kw: Kwargs,
}

impl Args {
    fn new(name: &'static str, pos: Vec<Value>, kw: Kwargs) -> Args {
        Args { name, pos, kw }
    }

    fn count(&self, min: usize, max: usize) -> PyResult<()> {
        let n = self.pos.len();
        if n >= min && n <= max {
            return Ok(());
        }
        let name = self.name;
        Err(type_error(if min == max && min == 1 {
            format!("{name}() takes exactly one argument ({n} given)")
        } else if n < min {
            format!(
                "{name} expected {} argument{}, got {n}",
                if min == max { format!("{min}") } else { format!("at least {min}") },
                if min == 1 { "" } else { "s" }
            )
        } else if max == 0 {
            format!("{name}() takes no arguments ({n} given)")
        } else {
            format!("{name} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
        }))
    }

    fn no_kw(&self) -> PyResult<()> {
        if self.kw.is_empty() { Ok(()) } else { Err(type_error(format!("{}() takes no keyword arguments", self.name))) }
    }

    /// Removes keyword `key` if given.
    fn take_kw(&mut self, key: &str) -> Option<Value> {
        let i = self.kw.iter().position(|(k, _)| k.as_str() == key)?;
        Some(self.kw.remove(i).1)
    }

    fn finish_kw(&self) -> PyResult<()> {
        self.finish_kw_as(self.name)
    }

    /// `finish_kw` naming `shown` (`sorted` reports the `sort` it delegates to).
    fn finish_kw_as(&self, shown: &str) -> PyResult<()> {
        if let Some(err) = crate::call::unpacking_error(&self.kw, || self.name.to_string()) {
            return Err(err);
        }
        match self.kw.first() {
            None => Ok(()),
            // CPython's C builtins word it this way.
            Some((k, _)) => Err(type_error(format!("'{k}' is an invalid keyword argument for {shown}()"))),
        }
    }

    fn get(&self, i: usize) -> Value {
        self.pos.get(i).cloned().unwrap_or_default()
    }
}

macro_rules! builtin_table {
    ($($name:literal => $f:path),* $(,)?) => {
        /// Every built-in function by name.
        pub const FUNCTIONS: &[(&str, crate::func::BuiltinFn)] = &[$(($name, $f)),*];
    };
}

builtin_table! {
    "print" => print,
    "len" => len,
    "repr" => repr,
    "ascii" => ascii,
    "abs" => abs,
    "round" => round_builtin,
    "divmod" => divmod,
    "pow" => pow,
    "min" => min,
    "max" => max,
    "sum" => sum,
    "any" => any,
    "all" => all,
    "sorted" => sorted,
    "reversed" => reversed,
    "enumerate" => enumerate,
    "zip" => zip,
    "map" => map,
    "filter" => filter,
    "iter" => iter_builtin,
    "next" => next,
    "aiter" => aiter,
    "anext" => anext,
    "isinstance" => isinstance,
    "issubclass" => issubclass,
    "getattr" => getattr,
    "setattr" => setattr,
    "hasattr" => hasattr,
    "delattr" => delattr,
    "hash" => hash,
    "id" => id,
    "chr" => chr,
    "ord" => ord,
    "hex" => hex,
    "oct" => oct,
    "bin" => bin,
    "format" => format,
    "callable" => callable,
    "vars" => vars,
    "input" => input,
    "dir" => dir,
    "property" => property,
    "classmethod" => classmethod,
    "staticmethod" => staticmethod,
    "slice" => slice,
    "open" => crate::file::open,
    "exit" => exit,
    "quit" => exit,
}

/// `exit(code=None)` and `quit(code=None)`, the site module's helpers:
/// `SystemExit(code)`.
fn exit(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let mut a = Args::new("exit", args, kwargs);
    let code = a.pos.first().cloned().or_else(|| a.take_kw("code"));
    a.finish_kw()?;
    let args = code.map(|c| vec![c]).unwrap_or_default();
    Err(crate::exc::PyErr::with_args(&types().system_exit, args))
}

/// Looks up a builtin name as a value (`map(str, xs)`, `except KeyError`).
pub fn builtin(name: &str) -> PyResult<Value> {
    if let Some(c) = types().by_name.get(name) {
        return Ok(Value::Class(c.clone()));
    }
    match name {
        "None" => return Ok(Value::None),
        "NotImplemented" => return Ok(Value::NotImplemented),
        "Ellipsis" => return Ok(Value::Ellipsis),
        _ => {}
    }
    if let Some(i) = FUNCTIONS.iter().position(|(n, _)| *n == name) {
        return Ok(function_object(i));
    }
    Err(crate::exc::name_error(format!("name '{name}' is not defined")))
}

/// The objects of the built-in functions, made on first use: `len is len`.
static FUNCTION_OBJECTS: crate::gil::GilCell<Vec<Option<Value>>> = crate::gil::GilCell::new(Vec::new());

fn function_object(i: usize) -> Value {
    if let Some(Some(v)) = FUNCTION_OBJECTS.with(|o| o.get(i).cloned()) {
        return v;
    }
    let (name, f) = FUNCTIONS[i];
    let v = Value::native(BuiltinFunction { name, f });
    let mut objects = FUNCTION_OBJECTS.replace(Vec::new());
    if objects.len() <= i {
        objects.resize(FUNCTIONS.len(), None);
    }
    objects[i] = Some(v.clone());
    FUNCTION_OBJECTS.replace(objects);
    v
}

// ------------------------------------------------------------------ I/O

pub fn print(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let mut a = Args::new("print", args, kwargs);
    let sep = text_kw(a.take_kw("sep"), " ", "sep")?;
    let end = text_kw(a.take_kw("end"), "\n", "end")?;
    let file = a.take_kw("file").unwrap_or_default();
    let flush = match a.take_kw("flush") {
        Some(v) => ops::truthy(&v)?,
        None => false,
    };
    a.finish_kw()?;
    // CPython writes each separator and argument as it goes: when an
    // argument cannot be made a str, what came before it is already out.
    let mut text = String::new();
    for (i, v) in a.pos.iter().enumerate() {
        if i > 0 {
            text.push_str(&sep);
        }
        match v {
            Value::Str(s) => text.push_str(s),
            _ => match crate::fmt::str_(v) {
                Ok(s) => text.push_str(&s),
                Err(e) => {
                    write_to(&file, &text)?;
                    return Err(e);
                }
            },
        }
    }
    text.push_str(&end);
    write_to(&file, &text)?;
    if flush {
        crate::io::flush_stdout();
    }
    Ok(Value::None)
}

fn text_kw(v: Option<Value>, default: &str, what: &str) -> PyResult<String> {
    match v {
        None | Some(Value::None) => Ok(default.to_string()),
        Some(Value::Str(s)) => Ok(s.to_string()),
        Some(other) => Err(type_error(format!("{what} must be None or a string, not {}", type_name(&other)))),
    }
}

/// Writes to `file` (None = stdout), as print does.
pub fn write_to(file: &Value, text: &str) -> PyResult<()> {
    match file {
        Value::None => match crate::io::stdout_override() {
            Some(f) => call_method(&f, "write", vec![Value::str(text)], vec![]).map(drop),
            None => {
                crate::io::write_stdout(text);
                Ok(())
            }
        },
        other => call_method(other, "write", vec![Value::str(text)], vec![]).map(drop),
    }
}

pub fn input(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = Args::new("input", args, kwargs);
    a.no_kw()?;
    a.count(0, 1)?;
    if let Some(p) = a.pos.first() {
        crate::io::write_stdout(&crate::fmt::str_(p)?);
    }
    match crate::io::read_line() {
        Some(line) => Ok(Value::str(line)),
        None => Err(crate::exc::eof_error("EOF when reading a line")),
    }
}

// --------------------------------------------------------------- basics

pub fn len(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = Args::new("len", args, kwargs);
    a.no_kw()?;
    a.count(1, 1)?;
    len_of(&a.pos[0])
}

/// `len(x)`, for a call the transpiler saw has one positional argument.
pub fn len_of(x: &Value) -> PyResult<Value> {
    Ok(Value::Int(ops::len(x)? as i64))
}

pub fn repr(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = Args::new("repr", args, kwargs);
    a.no_kw()?;
    a.count(1, 1)?;
    repr_of(&a.pos[0])
}

/// `repr(x)` with one positional argument.
pub fn repr_of(x: &Value) -> PyResult<Value> {
    Ok(Value::str(crate::fmt::repr(x)?))
}

pub fn ascii(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = Args::new("ascii", args, kwargs);
    a.no_kw()?;
    a.count(1, 1)?;
    Ok(Value::str(crate::fmt::ascii(&a.pos[0])?))
}

pub fn abs(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = Args::new("abs", args, kwargs);
    a.no_kw()?;
    a.count(1, 1)?;
    ops::abs(&a.pos[0])
}

/// `abs(x)` with one positional argument.
pub fn abs_of(x: &Value) -> PyResult<Value> {
    ops::abs(x)
}

pub fn round_builtin(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let mut a = Args::new("round", args, kwargs);
    let nd = a.take_kw("ndigits");
    let x = a
        .pos
        .first()
        .cloned()
        .or_else(|| a.take_kw("number"))
        .ok_or_else(|| type_error("round() missing required argument 'number' (pos 1)"))?;
    a.finish_kw()?;
    round(&x, a.pos.get(1).cloned().or(nd))
}

/// `round(x, ndigits)`.
pub fn round(x: &Value, ndigits: Option<Value>) -> PyResult<Value> {
    let nd = match ndigits {
        None | Some(Value::None) => None,
        Some(v) => Some(ops::index_of(&v, "round")?),
    };
    match x {
        Value::Float(f) => match nd {
            None => {
                let r = pure(crate::float_repr::float_round_to_int(*f))?;
                float_to_int(r)
            }
            Some(n) => Ok(Value::Float(pure(crate::float_repr::float_round(*f, n))?)),
        },
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => match nd {
            None => ops::pos(x),
            Some(n) if n >= 0 => ops::pos(x),
            Some(n) => {
                let b = to_bigint(x).unwrap_or_default();
                Ok(Value::from_bigint(pure(crate::num_ops::round_int(&b, n))?))
            }
        },
        Value::Object(_) if crate::call::lookup_special(x, "__round__").is_some() => {
            let args = nd.map(|n| vec![Value::Int(n)]).unwrap_or_default();
            call_method(x, "__round__", args, vec![])
        }
        _ if let Some(base) = crate::subclass::inherited(x, "__round__") => round(base, nd.map(Value::Int)),
        _ => Err(type_error(format!("type {} doesn't define __round__ method", type_name(x)))),
    }
}

pub fn to_bigint(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

/// `int(f)` for a float: truncation, with CPython's errors for inf/nan.
pub fn float_to_int(f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(crate::exc::overflow_error("cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if t.abs() < 9.0e18 {
        return Ok(Value::Int(t as i64));
    }
    Ok(Value::from_bigint(num_traits::FromPrimitive::from_f64(t).unwrap_or_default()))
}

pub fn float_hex(f: f64) -> String {
    crate::num_ops::float_hex(f)
}

pub fn divmod(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = Args::new("divmod", args, kwargs);
    a.no_kw()?;
    a.count(2, 2)?;
    let (x, y) = (&a.pos[0], &a.pos[1]);
    if (matches!(x, Value::Object(_)) || matches!(y, Value::Object(_)))
        && crate::call::lookup_special(x, "__divmod__").is_some()
    {
        return call_method(x, "__divmod__", vec![y.clone()], vec![]);
    }
    let q = ops::binary(x, y, ops::BinOp::FloorDiv).map_err(|e| divmod_error(e, x, y))?;
    let r = ops::binary(x, y, ops::BinOp::Mod).map_err(|e| divmod_error(e, x, y))?;
    Ok(Value::tuple_of([q, r]))
}

fn divmod_error(e: crate::exc::PyErr, x: &Value, y: &Value) -> crate::exc::PyErr {
    if e.is_instance(&types().type_error) {
        return type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            type_name(x),
            type_name(y)
        ));
    }
    if e.is_instance(&types().zero_division_error) && matches!(x, Value::Float(_)) | matches!(y, Value::Float(_)) {
        return crate::exc::zero_division_error("float divmod()");
    }
    if e.is_instance(&types().zero_division_error) {
        return crate::exc::zero_division_error("integer division or modulo by zero");
    }
    e
}

pub fn pow(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let mut a = Args::new("pow", args, kwargs);
    let m = a.take_kw("mod");
    a.finish_kw()?;
    a.count(2, 3)?;
    let modulus = a.pos.get(2).cloned().or(m).unwrap_or_default();
    if modulus.is_none() {
        return ops::binary(&a.pos[0], &a.pos[1], ops::BinOp::Pow);
    }
    match (to_bigint(&a.pos[0]), to_bigint(&a.pos[1]), to_bigint(&modulus)) {
        (Some(b), Some(e), Some(m)) => Ok(Value::from_bigint(pure(crate::num_ops::pow_mod(&b, &e, &m))?)),
        _ => Err(type_error("pow() 3rd argument not allowed unless all arguments are integers")),
    }
}

/// min()/max() share everything but the comparison direction.
fn extreme(name: &'static str, args: Vec<Value>, kwargs: Kwargs, want_greater: bool) -> PyResult<Value> {
    let mut a = Args::new(name, args, kwargs);
    let key = a.take_kw("key").unwrap_or_default();
    let default = a.take_kw("default");
    a.finish_kw()?;
    let items = match a.pos.len() {
        0 => {
            return Err(type_error(format!("{name} expected at least 1 argument, got 0")));
        }
        1 => to_vec(&a.pos[0])?,
        _ => {
            if default.is_some() {
                return Err(type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            a.pos
        }
    };
    let op = if want_greater { ops::CmpOp::Gt } else { ops::CmpOp::Lt };
    let empty = || default.clone().ok_or_else(|| value_error(format!("{name}() iterable argument is empty")));
    if key.is_none() {
        // The item is its own key: keep one value, compare with the
        // inlined int and float paths.
        let mut best: Option<Value> = None;
        for item in items {
            let replace = match &best {
                None => true,
                Some(b) => ops::compare_bool(&item, b, op)?,
            };
            if replace {
                best = Some(item);
            }
        }
        return best.map_or_else(empty, Ok);
    }
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = call(&key, vec![item.clone()], vec![])?;
        let replace = match &best {
            None => true,
            Some((bk, _)) => ops::compare_bool(&k, bk, op)?,
        };
        if replace {
            best = Some((k, item));
        }
    }
    best.map_or_else(empty, |(_, v)| Ok(v))
}

pub fn min(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    extreme("min", args, kwargs, false)
}

pub fn max(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    extreme("max", args, kwargs, true)
}

pub fn sum(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let mut a = Args::new("sum", args, kwargs);
    let start_kw = a.take_kw("start");
    a.finish_kw()?;
    a.count(1, 2)?;
    let mut total = a.pos.get(1).cloned().or(start_kw).unwrap_or(Value::Int(0));
    if let Value::Str(_) = total {
        return Err(type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let mut it = iter(&a.pos[0])?;
    // CPython 3.12's order of phases: machine ints while they fit, then
    // floats with Neumaier's compensated summation, then generic `+`.
    let mut pending: Option<Value> = None;
    if let Value::Int(mut acc) = total {
        loop {
            match it.next()? {
                None => return Ok(Value::Int(acc)),
                Some(Value::Int(v)) => match acc.checked_add(v) {
                    Some(r) => acc = r,
                    None => {
                        total = ops::add(&Value::Int(acc), &Value::Int(v))?;
                        break;
                    }
                },
                Some(Value::Bool(b)) => acc += b as i64,
                Some(other) => {
                    total = ops::add(&Value::Int(acc), &other)?;
                    break;
                }
            }
        }
    }
    if let Value::Float(mut f) = total {
        let mut c = 0.0f64;
        loop {
            match it.next()? {
                None => {
                    if c != 0.0 && c.is_finite() {
                        f += c;
                    }
                    return Ok(Value::Float(f));
                }
                Some(Value::Float(x)) => {
                    let t = f + x;
                    if f.abs() >= x.abs() {
                        c += (f - t) + x;
                    } else {
                        c += (x - t) + f;
                    }
                    f = t;
                }
                Some(Value::Int(v)) => f += v as f64,
                Some(Value::Bool(b)) => f += b as i64 as f64,
                Some(other) => {
                    if c != 0.0 && c.is_finite() {
                        f += c;
                    }
                    total = Value::Float(f);
                    pending = Some(other);
                    break;
                }
            }
        }
    }
    if let Some(x) = pending {
        total = ops::add(&total, &x)?;
    }
    while let Some(x) = it.next()? {
        total = ops::add(&total, &x)?;
    }
    Ok(total)
}

pub fn any(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = Args::new("any", args, kwargs);
    a.no_kw()?;
    a.count(1, 1)?;
    let mut it = iter(&a.pos[0])?;
    while let Some(x) = it.next()? {
        if ops::truthy(&x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

pub fn all(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = Args::new("all", args, kwargs);
    a.no_kw()?;
    a.count(1, 1)?;
    let mut it = iter(&a.pos[0])?;
    while let Some(x) = it.next()? {
        if !ops::truthy(&x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

pub fn sorted(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let mut a = Args::new("sorted", args, kwargs);
    let key = a.take_kw("key").unwrap_or_default();
    let reverse = match a.take_kw("reverse") {
        Some(v) => ops::truthy(&v)?,
        None => false,
    };
    a.finish_kw_as("sort")?;
    if a.pos.len() != 1 {
        return Err(type_error(format!("sorted expected 1 argument, got {}", a.pos.len())));
    }
    let items = to_vec(&a.pos[0])?;
    match crate::methods::sort_values(items, &key, reverse) {
        Ok(v) => Ok(Value::list(v)),
        Err((e, _)) => Err(e),
    }
}

pub fn reversed(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = Args::new("reversed", args, kwargs);
    a.no_kw()?;
    a.count(1, 1)?;
    crate::iter::reversed(&a.pos[0])
}

pub fn enumerate(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let mut a = Args::new("enumerate", args, kwargs);
    let start = a.take_kw("start");
    let it_kw = a.take_kw("iterable");
    a.finish_kw()?;
    let iterable = a
        .pos
        .first()
        .cloned()
        .or(it_kw)
        .ok_or_else(|| type_error("enumerate() missing required argument 'iterable' (pos 1)"))?;
    let count = a.pos.get(1).cloned().or(start).unwrap_or(Value::Int(0));
    if !matches!(count, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) {
        return Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(&count))));
    }
    Ok(AdapterObj::new(Adapter::Enumerate { it: iter(&iterable)?, count }))
}

pub fn zip(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let mut a = Args::new("zip", args, kwargs);
    let strict = match a.take_kw("strict") {
        Some(v) => ops::truthy(&v)?,
        None => false,
    };
    a.finish_kw()?;
    let mut its = Vec::with_capacity(a.pos.len());
    for (i, x) in a.pos.iter().enumerate() {
        its.push(iter(x).map_err(|_| type_error(format!("zip argument #{} must support iteration", i + 1)))?);
    }
    Ok(AdapterObj::new(Adapter::Zip { its, strict }))
}

pub fn map(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = Args::new("map", args, kwargs);
    a.no_kw()?;
    if a.pos.len() < 2 {
        return Err(type_error("map() must have at least two arguments."));
    }
    let func = a.pos[0].clone();
    let mut its = Vec::new();
    for x in &a.pos[1..] {
        its.push(iter(x)?);
    }
    Ok(AdapterObj::new(Adapter::Map { func, its }))
}

pub fn filter(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = Args::new("filter", args, kwargs);
    a.no_kw()?;
    a.count(2, 2)?;
    Ok(AdapterObj::new(Adapter::Filter { func: a.pos[0].clone(), it: iter(&a.pos[1])? }))
}

pub fn iter_builtin(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = Args::new("iter", args, kwargs);
    a.no_kw()?;
    a.count(1, 2)?;
    if a.pos.len() == 2 {
        return Ok(Value::native(crate::iter::IterObj::new(PyIter::Snapshot(
            callable_iter(&a.pos[0], &a.pos[1])?.into_iter(),
        ))));
    }
    crate::iter::iter_value(&a.pos[0])
}

/// `iter(callable, sentinel)`, collected eagerly only up to the sentinel.
fn callable_iter(f: &Value, sentinel: &Value) -> PyResult<Vec<Value>> {
    let mut out = Vec::new();
    loop {
        let v = call(f, vec![], vec![])?;
        if ops::eq(&v, sentinel)? {
            return Ok(out);
        }
        out.push(v);
    }
}

/// `aiter(obj)`.
pub fn aiter(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = Args::new("aiter", args, kwargs);
    a.no_kw()?;
    a.count(1, 1)?;
    crate::aio::aiter(&a.pos[0])
}

/// `anext(it[, default])`: the awaitable `it.__anext__()`, which with a
/// default gives the default at `StopAsyncIteration`.
pub fn anext(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = Args::new("anext", args, kwargs);
    a.no_kw()?;
    a.count(1, 2)?;
    let it = a.pos[0].clone();
    let has = crate::call::lookup_special(&it, "__anext__").is_some()
        || matches!(&it, Value::Native(x) if x.has_method("__anext__"));
    if !has {
        return Err(type_error(format!("'{}' object is not an async iterator", crate::ops::type_name(&it))));
    }
    let awaitable = crate::call::call_method(&it, "__anext__", vec![], vec![])?;
    let Some(default) = a.pos.get(1).cloned() else { return Ok(awaitable) };
    Ok(crate::generator::Generator::coroutine("anext_awaitable", "anext_awaitable", move |co| async move {
        match crate::aio::await_(&co, awaitable).await {
            Err(e) if e.is_instance(&types().by_name["StopAsyncIteration"]) => Ok(default),
            other => other,
        }
    }))
}

pub fn next(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = Args::new("next", args, kwargs);
    a.no_kw()?;
    a.count(1, 2)?;
    // A generator's return value travels in the StopIteration.
    if let Some(g) = downcast::<crate::generator::Generator>(&a.pos[0]) {
        return match g.send(Value::None) {
            Err(e) if a.pos.len() == 2 && e.is_instance(&types().stop_iteration) => Ok(a.pos[1].clone()),
            other => other,
        };
    }
    match crate::iter::next_of(&a.pos[0])? {
        Some(v) => Ok(v),
        None => match a.pos.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(crate::exc::stop_iteration(None)),
        },
    }
}

// ------------------------------------------------------------ reflection

/// `isinstance(obj, classinfo)`.
pub fn is_instance(obj: &Value, classinfo: &Value) -> PyResult<bool> {
    match classinfo {
        // An instance of exactly the class: true before any
        // `__instancecheck__`, as in CPython.
        Value::Class(c) if matches!(obj, Value::Object(o) if Rc::ptr_eq(&o.class, c)) => Ok(true),
        Value::Class(c) => {
            if let Some(m) = &c.metaclass
                && m.has_user_attr("__instancecheck__")
            {
                return ops::truthy(&call_method(classinfo, "__instancecheck__", vec![obj.clone()], vec![])?);
            }
            if let Some(r) = crate::typing::protocol_instance_check(obj, c) {
                return r;
            }
            Ok(match obj {
                // The instance's class, borrowed: no reference count moves.
                Value::Object(o) => o.class.is_subclass(c),
                _ => type_of(obj).is_subclass(c),
            })
        }
        Value::Tuple(t) => {
            for c in t.items() {
                if is_instance(obj, c)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Native(_) if downcast::<UnionType>(classinfo).is_some() => {
            let u = downcast::<UnionType>(classinfo).map(|u| u.args.clone()).unwrap_or_default();
            is_instance(obj, &Value::tuple(u))
        }
        _ => Err(type_error("isinstance() arg 2 must be a type, a tuple of types, or a union")),
    }
}

pub fn isinstance(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = Args::new("isinstance", args, kwargs);
    a.no_kw()?;
    if a.pos.len() != 2 {
        return Err(type_error(format!("isinstance expected 2 arguments, got {}", a.pos.len())));
    }
    isinstance_of(&a.pos[0], &a.pos[1])
}

/// `isinstance(obj, classinfo)` with two positional arguments.
pub fn isinstance_of(obj: &Value, classinfo: &Value) -> PyResult<Value> {
    Ok(Value::Bool(is_instance(obj, classinfo)?))
}

pub fn is_subclass(cls: &Value, classinfo: &Value) -> PyResult<bool> {
    let Value::Class(c) = cls else {
        return Err(type_error("issubclass() arg 1 must be a class"));
    };
    match classinfo {
        Value::Class(base) => {
            if let Some(m) = &base.metaclass
                && m.has_user_attr("__subclasscheck__")
            {
                return ops::truthy(&call_method(classinfo, "__subclasscheck__", vec![cls.clone()], vec![])?);
            }
            Ok(c.is_subclass(base))
        }
        Value::Tuple(t) => {
            for b in t.items() {
                if is_subclass(cls, b)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Native(_) if downcast::<UnionType>(classinfo).is_some() => {
            let u = downcast::<UnionType>(classinfo).map(|u| u.args.clone()).unwrap_or_default();
            is_subclass(cls, &Value::tuple(u))
        }
        _ => Err(type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union")),
    }
}

pub fn issubclass(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = Args::new("issubclass", args, kwargs);
    a.no_kw()?;
    if a.pos.len() != 2 {
        return Err(type_error(format!("issubclass expected 2 arguments, got {}", a.pos.len())));
    }
    Ok(Value::Bool(is_subclass(&a.pos[0], &a.pos[1])?))
}

pub(crate) fn attr_name(v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        other => Err(type_error(format!("attribute name must be string, not '{}'", type_name(other)))),
    }
}

pub fn getattr(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = Args::new("getattr", args, kwargs);
    a.no_kw()?;
    a.count(2, 3)?;
    let name = attr_name(&a.pos[1])?;
    match a.pos.get(2) {
        Some(d) => crate::attr::getattr_default(&a.pos[0], &name, d.clone()),
        None => crate::attr::getattr(&a.pos[0], &name),
    }
}

pub fn setattr(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = Args::new("setattr", args, kwargs);
    a.no_kw()?;
    a.count(3, 3)?;
    crate::attr::setattr(&a.pos[0], &attr_name(&a.pos[1])?, a.pos[2].clone())?;
    Ok(Value::None)
}

pub fn hasattr(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = Args::new("hasattr", args, kwargs);
    a.no_kw()?;
    a.count(2, 2)?;
    Ok(Value::Bool(crate::attr::hasattr(&a.pos[0], &attr_name(&a.pos[1])?)?))
}

pub fn delattr(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = Args::new("delattr", args, kwargs);
    a.no_kw()?;
    a.count(2, 2)?;
    crate::attr::delattr(&a.pos[0], &attr_name(&a.pos[1])?)?;
    Ok(Value::None)
}

pub fn hash(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = Args::new("hash", args, kwargs);
    a.no_kw()?;
    a.count(1, 1)?;
    hash_of(&a.pos[0])
}

/// `hash(x)` with one positional argument.
pub fn hash_of(x: &Value) -> PyResult<Value> {
    Ok(Value::Int(ops::hash(x)?))
}

pub fn id(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = Args::new("id", args, kwargs);
    a.no_kw()?;
    a.count(1, 1)?;
    Ok(Value::Int(a.pos[0].identity() as i64))
}

pub fn chr(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = Args::new("chr", args, kwargs);
    a.no_kw()?;
    a.count(1, 1)?;
    let i = ops::index_of(&a.pos[0], "chr")?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::str(c)),
        None if (0xD800..0xE000).contains(&i) => Err(value_error("py2rs: lone surrogates are not supported in str")),
        None => Err(value_error("chr() arg not in range(0x110000)")),
    }
}

pub fn ord(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = Args::new("ord", args, kwargs);
    a.no_kw()?;
    a.count(1, 1)?;
    match &a.pos[0] {
        Value::Str(s) if s.char_len() == 1 => Ok(Value::Int(s.char_at(0) as i64)),
        Value::Str(s) => {
            Err(type_error(format!("ord() expected a character, but string of length {} found", s.char_len())))
        }
        other if crate::bytes::is_bytes_like(other) => match crate::bytes::as_bytes(other).unwrap_or_default()[..] {
            [b] => Ok(Value::Int(b as i64)),
            ref data => {
                Err(type_error(format!("ord() expected a character, but string of length {} found", data.len())))
            }
        },
        other => Err(type_error(format!("ord() expected string of length 1, but {} found", type_name(other)))),
    }
}

fn radix(name: &'static str, args: Vec<Value>, kwargs: Kwargs, base: u32) -> PyResult<Value> {
    let a = Args::new(name, args, kwargs);
    a.count(1, 1)?;
    let v = &a.pos[0];
    let b = match v {
        Value::Object(_) => to_bigint(&call_method(v, "__index__", vec![], vec![])?),
        _ => to_bigint(v),
    };
    match b {
        Some(b) => Ok(Value::str(crate::num_ops::to_radix_string(&b, base))),
        None => Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v)))),
    }
}

pub fn hex(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    radix("hex", args, kwargs, 16)
}

pub fn oct(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    radix("oct", args, kwargs, 8)
}

pub fn bin(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    radix("bin", args, kwargs, 2)
}

pub fn format(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = Args::new("format", args, kwargs);
    a.no_kw()?;
    a.count(1, 2)?;
    let spec = match a.pos.get(1) {
        None => String::new(),
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => {
            return Err(type_error(format!("format() argument 2 must be str, not {}", type_name(other))));
        }
    };
    Ok(Value::str(crate::fmt::format(&a.pos[0], &spec)?))
}

pub fn is_callable(v: &Value) -> bool {
    match v {
        Value::Function(_) | Value::Class(_) => true,
        Value::Object(o) => o.class.lookup("__call__").is_some(),
        Value::Native(n) => {
            let any = crate::native::as_any(n);
            any.is::<BuiltinFunction>()
                || any.is::<crate::func::BoundMethod>()
                || any.is::<crate::func::BoundBuiltin>()
                || any.is::<crate::func::UnboundBuiltin>()
                || any.is::<crate::classes::StaticMethod>()
                || any.is::<crate::classes::SlotMethod>()
        }
        _ => false,
    }
}

pub fn callable(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = Args::new("callable", args, kwargs);
    a.no_kw()?;
    a.count(1, 1)?;
    Ok(Value::Bool(is_callable(&a.pos[0])))
}

pub fn vars(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = Args::new("vars", args, kwargs);
    a.no_kw()?;
    a.count(1, 1)?;
    match crate::attr::getattr(&a.pos[0], "__dict__") {
        Ok(d) => Ok(d),
        Err(_) => Err(type_error("vars() argument must have __dict__ attribute")),
    }
}

pub fn dir(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = Args::new("dir", args, kwargs);
    a.no_kw()?;
    a.count(1, 1)?;
    let obj = &a.pos[0];
    // A class's own `__dir__` decides, sorted.
    if let Value::Object(o) = obj
        && o.class.lookup("__dir__").is_some()
    {
        let names = crate::call::call_method(obj, "__dir__", vec![], vec![])?;
        return sorted(vec![names], Vec::new());
    }
    Ok(Value::list(dir_names(obj).into_iter().map(Value::str).collect()))
}

/// The names `dir(obj)` lists, sorted. Built-in types and modules answer
/// from CPython's own tables (the runtime implements fewer attributes than
/// they have); classes and instances from their namespaces, with what
/// every class statement adds, and the table of the built-in class they
/// derive from (`object` at least).
pub fn dir_names(obj: &Value) -> Vec<String> {
    use crate::name_tables::{MODULE_DIRS, TYPE_DIRS};
    let table = |tables: &[(&str, &'static [&'static str])], key: &str| {
        tables.iter().find(|(k, _)| *k == key).map(|(_, names)| names.iter().map(|n| n.to_string()).collect::<Vec<_>>())
    };
    let is_module = matches!(obj, Value::Native(n) if n.type_name() == "module");
    if is_module && let Ok(Value::Str(m)) = crate::attr::getattr(obj, "__name__") {
        let key = if m.as_str() == "posixpath" { "os.path" } else { m.as_str() };
        if let Some(names) = table(MODULE_DIRS, key) {
            return names;
        }
    }
    let cls = match obj {
        Value::Class(c) => c.clone(),
        other => type_of(other),
    };
    let mut names: Vec<String> = Vec::new();
    if let Value::Object(o) = obj {
        names.extend(o.attr_names().iter().filter_map(|k| crate::fmt::str_(k).ok()));
    }
    if let Value::Function(_) = obj
        && let Ok(Value::Dict(d)) = crate::attr::getattr(obj, "__dict__")
    {
        names.extend(d.keys().iter().filter_map(|k| crate::fmt::str_(k).ok()));
    }
    for c in cls.mro_with_self() {
        if c.builtin.is_some() || c.dict.get_str("__module__").is_none() {
            // The first built-in class with a table has the rest.
            if let Some(t) = table(TYPE_DIRS, &c.name()) {
                names.extend(t);
                break;
            }
        }
        names.extend(c.dict.keys().iter().filter_map(|k| crate::fmt::str_(k).ok()));
        if c.builtin.is_none() {
            names.extend(["__module__", "__doc__"].map(String::from));
            // Each slot it declares is a descriptor in its namespace; a
            // class without `__slots__` has `__dict__` and `__weakref__`.
            match c.dict.get_str("__slots__") {
                Some(Value::Str(one)) => names.push(one.to_string()),
                Some(slots) => {
                    let slots = crate::iter::to_vec(&slots).unwrap_or_default();
                    names.extend(slots.iter().filter_map(|s| crate::fmt::str_(s).ok()));
                }
                None => names.extend(["__dict__", "__weakref__"].map(String::from)),
            }
        }
    }
    names.sort();
    names.dedup();
    names
}

fn property(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    crate::classes::new_property(args, kwargs)
}

fn classmethod(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = Args::new("classmethod", args, kwargs);
    a.count(1, 1)?;
    Ok(Value::native(crate::classes::ClassMethod { func: a.get(0) }))
}

fn staticmethod(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = Args::new("staticmethod", args, kwargs);
    a.count(1, 1)?;
    Ok(Value::native(crate::classes::StaticMethod { func: a.get(0) }))
}

fn slice(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = Args::new("slice", args, kwargs);
    a.no_kw()?;
    a.count(1, 3)?;
    Ok(match a.pos.len() {
        1 => crate::slice::Slice::new(Value::None, a.get(0), Value::None),
        _ => crate::slice::Slice::new(a.get(0), a.get(1), a.get(2)),
    })
}

/// `X | Y` on classes and `list[int]`: kept as an opaque typing object.
pub struct UnionType {
    pub args: Vec<Value>,
}

impl crate::native::Native for UnionType {
    fn type_name(&self) -> &'static str {
        "types.UnionType"
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        let none_type = type_of(&Value::None);
        let parts: PyResult<Vec<String>> = self
            .args
            .iter()
            .map(|a| match a {
                Value::Class(c) if Rc::ptr_eq(c, &none_type) => Ok("None".to_string()),
                other => type_repr(other),
            })
            .collect();
        Ok(parts?.join(" | "))
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        match name {
            "__args__" => Some(Ok(Value::tuple(self.args.clone()))),
            _ => None,
        }
    }

    fn eq(&self, other: &Value) -> Option<bool> {
        let o = downcast::<UnionType>(other)?;
        let covers = |x: &[Value], y: &[Value]| x.iter().all(|a| y.iter().any(|b| a.is(b)));
        Some(covers(&self.args, &o.args) && covers(&o.args, &self.args))
    }
}

/// `X | Y` where both sides are types (`int | None`, `list[int] | str`):
/// a `types.UnionType` whose arguments are flattened and deduplicated; a
/// union of one type is that type. `None` when either side is not a type,
/// so the operator raises its usual `TypeError`.
pub fn union_of(a: &Value, b: &Value) -> Option<Value> {
    // A TypeVar's `__or__` builds `typing.Union` (`typing.Optional` with None).
    let is_var = |v: &Value| downcast::<crate::typing::TypeVar>(v).is_some();
    if is_var(a) || is_var(b) {
        let special = |name| Value::native(crate::typing::TypingSpecial { name });
        return Some(match (a, b) {
            (x, Value::None) | (Value::None, x) => generic_alias(&special("Optional"), x),
            _ => generic_alias(&special("Union"), &Value::tuple_of([a.clone(), b.clone()])),
        });
    }
    fn members(v: &Value) -> Option<Vec<Value>> {
        match v {
            Value::Class(_) | Value::None => Some(vec![v.clone()]),
            Value::Native(_) if downcast::<GenericAlias>(v).is_some() => Some(vec![v.clone()]),
            Value::Native(_) => downcast::<UnionType>(v).map(|u| u.args.clone()),
            _ => None,
        }
    }
    let mut args: Vec<Value> = Vec::new();
    for m in members(a)?.into_iter().chain(members(b)?) {
        let m = if m.is_none() { Value::Class(type_of(&Value::None)) } else { m };
        if !args.iter().any(|x| x.is(&m)) {
            args.push(m);
        }
    }
    Some(if args.len() == 1 { args.remove(0) } else { Value::native(UnionType { args }) })
}

/// A generic alias such as `list[int]`.
pub struct GenericAlias {
    pub origin: Value,
    pub args: Vec<Value>,
}

impl crate::native::Native for GenericAlias {
    fn type_name(&self) -> &'static str {
        "types.GenericAlias"
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        let parts: PyResult<Vec<String>> = self.args.iter().map(type_repr).collect();
        Ok(format!("{}[{}]", type_repr(&self.origin)?, parts?.join(", ")))
    }

    fn call(&self, _this: &Value, args: Vec<Value>, kwargs: Kwargs) -> Option<PyResult<Value>> {
        Some(call(&self.origin, args, kwargs))
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        Some(Ok(match name {
            "__origin__" => self.origin.clone(),
            "__args__" => Value::tuple(self.args.clone()),
            _ => return None,
        }))
    }
}

/// How typing objects print a type inside `list[int]`.
fn type_repr(v: &Value) -> PyResult<String> {
    match v {
        Value::Class(c) if c.module.as_str() == "builtins" => Ok(c.qualname().to_string()),
        Value::Class(c) => Ok(format!("{}.{}", c.module, c.qualname())),
        Value::None => Ok("None".into()),
        Value::Ellipsis => Ok("...".into()),
        // `Callable[[int], str]`, `Box[[int, str]]` for a ParamSpec.
        Value::List(l) => {
            let parts: PyResult<Vec<String>> = l.snapshot().iter().map(type_repr).collect();
            Ok(format!("[{}]", parts?.join(", ")))
        }
        other => crate::fmt::repr(other),
    }
}

pub fn generic_alias(origin: &Value, key: &Value) -> Value {
    let args = match key {
        Value::Tuple(t) => t.items().to_vec(),
        other => vec![other.clone()],
    };
    Value::native(GenericAlias { origin: origin.clone(), args })
}

// ------------------------------------------------------- constructors

pub mod ctors {
    //! What calling each built-in class does.
    use super::*;

    pub static OBJECT: BuiltinInfo = BuiltinInfo { new: new_object };
    pub static TYPE: BuiltinInfo = BuiltinInfo { new: new_type };
    pub static NONE: BuiltinInfo = BuiltinInfo { new: new_none };
    pub static NO_NEW: BuiltinInfo = BuiltinInfo { new: no_new };
    pub static INT: BuiltinInfo = BuiltinInfo { new: new_int };
    pub static BOOL: BuiltinInfo = BuiltinInfo { new: new_bool };
    pub static FLOAT: BuiltinInfo = BuiltinInfo { new: new_float };
    pub static STR: BuiltinInfo = BuiltinInfo { new: new_str };
    pub static LIST: BuiltinInfo = BuiltinInfo { new: new_list };
    pub static TUPLE: BuiltinInfo = BuiltinInfo { new: new_tuple };
    pub static DICT: BuiltinInfo = BuiltinInfo { new: new_dict };
    pub static SET: BuiltinInfo = BuiltinInfo { new: new_set };
    pub static FROZENSET: BuiltinInfo = BuiltinInfo { new: new_frozenset };
    pub static EXCEPTION: BuiltinInfo = BuiltinInfo { new: new_exception };
    pub static RANGE: BuiltinInfo = BuiltinInfo { new: new_range };

    fn no_new(cls: &Rc<Class>, _args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
        Err(type_error(format!("cannot create '{}' instances", cls.name())))
    }

    fn new_object(cls: &Rc<Class>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
        if !args.is_empty() || !kw.is_empty() {
            return Err(type_error("object() takes no arguments"));
        }
        Ok(crate::classes::new_instance(cls, &[]))
    }

    fn new_none(_cls: &Rc<Class>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
        if !args.is_empty() {
            return Err(type_error("NoneType takes no arguments"));
        }
        Ok(Value::None)
    }

    fn new_exception(cls: &Rc<Class>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
        Ok(crate::classes::new_instance(cls, &args))
    }

    fn new_type(_cls: &Rc<Class>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
        match args.len() {
            1 if kw.is_empty() => Ok(Value::Class(type_of(&args[0]))),
            3 => {
                let name = attr_name(&args[0])?;
                let bases = to_vec(&args[1])?;
                let ns = match &args[2] {
                    Value::Dict(d) => d.copy(),
                    _ => {
                        return Err(type_error("type.__new__() argument 3 must be dict, not ..."));
                    }
                };
                crate::classes::type_new(&types().type_, &name, bases, ns, kw)
            }
            _ => Err(type_error("type() takes 1 or 3 arguments")),
        }
    }

    fn new_int(_cls: &Rc<Class>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
        let mut a = Args::new("int", args, kw);
        let base_kw = a.take_kw("base");
        a.finish_kw()?;
        a.count(0, 2)?;
        let base = a.pos.get(1).cloned().or(base_kw);
        let Some(x) = a.pos.first() else {
            return Ok(Value::Int(0));
        };
        if let Some(b) = base {
            let b = ops::index_of(&b, "int")?;
            if b != 0 && !(2..=36).contains(&b) && (matches!(x, Value::Str(_)) || crate::bytes::is_bytes_like(x)) {
                return Err(value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            if let Some(data) = crate::bytes::as_bytes(x) {
                return int_from_bytes(x, &data, b as u32);
            }
            let Value::Str(s) = x else {
                return Err(type_error("int() can't convert non-string with explicit base"));
            };
            return parse_int(s, b as u32);
        }
        if let Some(data) = crate::bytes::as_bytes(x) {
            return int_from_bytes(x, &data, 10);
        }
        to_int(x)
    }

    fn new_bool(_cls: &Rc<Class>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
        let a = Args::new("bool", args, kw);
        a.no_kw()?;
        a.count(0, 1)?;
        Ok(Value::Bool(match a.pos.first() {
            Some(v) => ops::truthy(v)?,
            None => false,
        }))
    }

    fn new_float(_cls: &Rc<Class>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
        let a = Args::new("float", args, kw);
        a.no_kw()?;
        a.count(0, 1)?;
        let Some(x) = a.pos.first() else {
            return Ok(Value::Float(0.0));
        };
        to_float(x)
    }

    fn new_str(_cls: &Rc<Class>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
        let mut a = Args::new("str", args, kw);
        let encoding = a.take_kw("encoding");
        let errors = a.take_kw("errors");
        a.finish_kw()?;
        a.count(0, 3)?;
        let encoding = a.pos.get(1).cloned().or(encoding);
        let errors = a.pos.get(2).cloned().or(errors);
        match a.pos.first() {
            None => Ok(Value::str("")),
            Some(v) if encoding.is_some() || errors.is_some() => {
                let Some(data) = crate::bytes::as_bytes(v) else {
                    return Err(type_error(match v {
                        Value::Str(_) => "decoding str is not supported".to_string(),
                        other => format!("decoding to str: need a bytes-like object, {} found", type_name(other)),
                    }));
                };
                let text = |x: Option<Value>, default: &str| -> PyResult<String> {
                    match x {
                        None => Ok(default.to_string()),
                        Some(Value::Str(s)) => Ok(s.to_string()),
                        Some(o) => Err(type_error(format!("str() argument must be str, not {}", type_name(&o)))),
                    }
                };
                let s = crate::bytes::decode(&data, &text(encoding, "utf-8")?, &text(errors, "strict")?)?;
                Ok(Value::str(s))
            }
            Some(v) => crate::fmt::str_value(v),
        }
    }

    fn new_list(_cls: &Rc<Class>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
        let a = Args::new("list", args, kw);
        a.no_kw()?;
        a.count(0, 1)?;
        Ok(Value::list(match a.pos.first() {
            Some(v) => to_vec(v)?,
            None => Vec::new(),
        }))
    }

    fn new_tuple(_cls: &Rc<Class>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
        let a = Args::new("tuple", args, kw);
        a.no_kw()?;
        a.count(0, 1)?;
        match a.pos.first() {
            Some(v @ Value::Tuple(_)) => Ok(v.clone()),
            Some(v) => Ok(Value::tuple(to_vec(v)?)),
            None => Ok(Value::tuple(Vec::new())),
        }
    }

    fn new_dict(_cls: &Rc<Class>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
        let a = Args::new("dict", args, kw);
        a.count(0, 1)?;
        let d = Dict::new();
        if let Some(src) = a.pos.first() {
            crate::methods::dict_update(&d, src)?;
        }
        for (k, v) in a.kw {
            d.set(Value::Str(k), v)?;
        }
        Ok(Value::Dict(Rc::new(d)))
    }

    fn new_set(_cls: &Rc<Class>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
        let a = Args::new("set", args, kw);
        a.no_kw()?;
        a.count(0, 1)?;
        match a.pos.first() {
            Some(v) => crate::set::from_iterable(v, false),
            None => crate::set::from_values(Vec::new()),
        }
    }

    fn new_frozenset(_cls: &Rc<Class>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
        let a = Args::new("frozenset", args, kw);
        a.no_kw()?;
        a.count(0, 1)?;
        match a.pos.first() {
            Some(v @ Value::FrozenSet(_)) => Ok(v.clone()),
            Some(v) => crate::set::from_iterable(v, true),
            None => crate::set::from_iterable(&Value::tuple(Vec::new()), true),
        }
    }

    fn new_range(_cls: &Rc<Class>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
        range(args, kw)
    }

    pub static SLICE: BuiltinInfo = BuiltinInfo { new: new_slice };

    fn new_slice(_cls: &Rc<Class>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
        slice(args, kw)
    }
}

/// `int(x)`.
/// `int(b"12")`: the bytes read as ASCII digits, with the bytes' repr in errors.
fn int_from_bytes(x: &Value, data: &[u8], base: u32) -> PyResult<Value> {
    let bad = || -> PyResult<crate::exc::PyErr> {
        Ok(value_error(format!("invalid literal for int() with base {base}: {}", crate::fmt::repr(x)?)))
    };
    if !data.is_ascii() {
        return Err(bad()?);
    }
    let text: String = data.iter().map(|&b| b as char).collect();
    parse_int(&text, base).or_else(|e| if e.is_instance(&types().value_error) { Err(bad()?) } else { Err(e) })
}

pub fn to_int(x: &Value) -> PyResult<Value> {
    match x {
        Value::Int(_) | Value::BigInt(_) => Ok(x.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => float_to_int(*f),
        Value::Str(s) => parse_int(s, 10),
        Value::Object(_) => {
            for name in ["__int__", "__index__", "__trunc__"] {
                if crate::call::lookup_special(x, name).is_some() {
                    return call_method(x, name, vec![], vec![]);
                }
            }
            match crate::subclass::plain(x) {
                base @ (Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Str(_)) => to_int(base),
                _ => Err(int_arg_error(x)),
            }
        }
        _ => Err(int_arg_error(x)),
    }
}

fn int_arg_error(x: &Value) -> crate::exc::PyErr {
    type_error(format!("int() argument must be a string, a bytes-like object or a real number, not '{}'", type_name(x)))
}

fn parse_int(s: &str, base: u32) -> PyResult<Value> {
    let repr = |t: &str| crate::str_methods::str_repr(t);
    pure(crate::num_ops::int_parse_with_repr(s, base, &repr)).map(crate::num_ops::Int::into_value)
}

/// `float(x)`.
pub fn to_float(x: &Value) -> PyResult<Value> {
    match x {
        Value::Float(_) => Ok(x.clone()),
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => Ok(Value::Float(ops::to_f64(x)?.unwrap_or(0.0))),
        Value::Str(s) => {
            let repr = |t: &str| crate::str_methods::str_repr(t);
            pure(crate::num_ops::float_parse_with_repr(s, &repr)).map(Value::Float)
        }
        Value::Object(_) => {
            for name in ["__float__", "__index__"] {
                if crate::call::lookup_special(x, name).is_some() {
                    let r = call_method(x, name, vec![], vec![])?;
                    return to_float(&r);
                }
            }
            match crate::subclass::plain(x) {
                base @ (Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Str(_)) => to_float(base),
                _ => Err(float_arg_error(x)),
            }
        }
        _ => Err(float_arg_error(x)),
    }
}

fn float_arg_error(x: &Value) -> crate::exc::PyErr {
    type_error(format!("float() argument must be a string or a real number, not '{}'", type_name(x)))
}

/// `range(...)`.
pub fn range(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = Args::new("range", args, kwargs);
    a.no_kw()?;
    let int = |v: &Value| -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            Value::BigInt(_) => {
                Err(crate::exc::overflow_error("py2rs: range() bounds beyond 64 bits are not supported"))
            }
            _ => ops::index_of(v, "range"),
        }
    };
    let (start, stop, step) = match a.pos.len() {
        1 => (0, int(&a.pos[0])?, 1),
        2 => (int(&a.pos[0])?, int(&a.pos[1])?, 1),
        3 => (int(&a.pos[0])?, int(&a.pos[1])?, int(&a.pos[2])?),
        0 => return Err(type_error("range expected at least 1 argument, got 0")),
        n => {
            return Err(type_error(format!("range expected at most 3 arguments, got {n}")));
        }
    };
    if step == 0 {
        return Err(value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::native(Range { start, stop, step }))
}

/// `super()` needs the defining class and the first argument; see classes.
pub fn super_builtin(this_class: &Value, first: &Value) -> PyResult<Value> {
    crate::classes::super_(this_class, first)
}

pub fn new_dict() -> Value {
    Value::Dict(Rc::new(Dict::new()))
}

/// Calls of the built-in classes, for the transpiler's direct calls
/// (`int(x)` without looking `int` up by name).
pub mod classes {
    use super::*;

    macro_rules! class_calls {
        ($($fn_name:ident => $field:ident),* $(,)?) => {
            $(
                pub fn $fn_name(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
                    let cls = &types().$field;
                    crate::classes::call_class(cls, args, kwargs)
                }
            )*
        };
    }

    class_calls! {
        int => int,
        float => float,
        str => str_,
        bool => bool_,
        list => list,
        tuple => tuple,
        dict => dict,
        set => set,
        frozenset => frozenset,
        type_ => type_,
        object => object,
    }
}

/// `dict.fromkeys(iterable, value=None)`.
pub fn dict_fromkeys(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let d = Dict::new();
    let v = args.get(1).cloned().unwrap_or_default();
    for k in to_vec(args.first().unwrap_or(&Value::None))? {
        d.set(k, v.clone())?;
    }
    Ok(Value::Dict(Rc::new(d)))
}
