//! The `operator` module: Python's operators as functions (each also under
//! its dunder alias, `operator.__add__ is operator.add`), and the callables
//! `itemgetter`, `attrgetter` and `methodcaller`, with the argument checks
//! and reprs of CPython's `_operator`.

use crate::attr::getattr;
use crate::call::call;
use crate::dict::Dict;
use crate::exc::{PyResult, type_error, value_error};
use crate::func::{BuiltinFunction, Kwargs};
use crate::native::Native;
use crate::ops::{self, BinOp, CmpOp, type_name};
use crate::str::PyStr;
use crate::value::Value;

/// The arguments of an `_operator` function taking exactly `N`.
fn exactly<const N: usize>(name: &str, args: Vec<Value>, kwargs: &Kwargs) -> PyResult<[Value; N]> {
    if !kwargs.is_empty() {
        return Err(type_error(format!("_operator.{name}() takes no keyword arguments")));
    }
    if args.len() != N {
        return Err(type_error(if N == 1 {
            format!("_operator.{name}() takes exactly one argument ({} given)", args.len())
        } else {
            format!("{name} expected {N} arguments, got {}", args.len())
        }));
    }
    Ok(crate::func::args::<N>(args))
}

/// Defines `fn $f(args, kwargs)` for each operator: `$name` is its Python
/// name (for the messages), the bracket lists its parameters.
macro_rules! operators {
    ($($f:ident $name:literal [$($p:ident),+] => $body:expr;)*) => {
        $(
            fn $f(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
                let [$($p),+] = exactly($name, args, &kwargs)?;
                $body
            }
        )*
    };
}

operators! {
    add "add" [a, b] => ops::binary(&a, &b, BinOp::Add);
    sub "sub" [a, b] => ops::binary(&a, &b, BinOp::Sub);
    mul "mul" [a, b] => ops::binary(&a, &b, BinOp::Mul);
    matmul "matmul" [a, b] => ops::binary(&a, &b, BinOp::MatMul);
    truediv "truediv" [a, b] => ops::binary(&a, &b, BinOp::TrueDiv);
    floordiv "floordiv" [a, b] => ops::binary(&a, &b, BinOp::FloorDiv);
    mod_ "mod" [a, b] => ops::binary(&a, &b, BinOp::Mod);
    pow "pow" [a, b] => ops::binary(&a, &b, BinOp::Pow);
    lshift "lshift" [a, b] => ops::binary(&a, &b, BinOp::LShift);
    rshift "rshift" [a, b] => ops::binary(&a, &b, BinOp::RShift);
    and_ "and_" [a, b] => ops::binary(&a, &b, BinOp::And);
    or_ "or_" [a, b] => ops::binary(&a, &b, BinOp::Or);
    xor "xor" [a, b] => ops::binary(&a, &b, BinOp::Xor);
    iadd "iadd" [a, b] => ops::inplace(&a, &b, BinOp::Add);
    isub "isub" [a, b] => ops::inplace(&a, &b, BinOp::Sub);
    imul "imul" [a, b] => ops::inplace(&a, &b, BinOp::Mul);
    imatmul "imatmul" [a, b] => ops::inplace(&a, &b, BinOp::MatMul);
    itruediv "itruediv" [a, b] => ops::inplace(&a, &b, BinOp::TrueDiv);
    ifloordiv "ifloordiv" [a, b] => ops::inplace(&a, &b, BinOp::FloorDiv);
    imod "imod" [a, b] => ops::inplace(&a, &b, BinOp::Mod);
    ipow "ipow" [a, b] => ops::inplace(&a, &b, BinOp::Pow);
    ilshift "ilshift" [a, b] => ops::inplace(&a, &b, BinOp::LShift);
    irshift "irshift" [a, b] => ops::inplace(&a, &b, BinOp::RShift);
    iand "iand" [a, b] => ops::inplace(&a, &b, BinOp::And);
    ior "ior" [a, b] => ops::inplace(&a, &b, BinOp::Or);
    ixor "ixor" [a, b] => ops::inplace(&a, &b, BinOp::Xor);
    concat "concat" [a, b] => concat_with(&a, &b, false);
    iconcat "iconcat" [a, b] => concat_with(&a, &b, true);
    eq "eq" [a, b] => ops::compare(&a, &b, CmpOp::Eq);
    ne "ne" [a, b] => ops::compare(&a, &b, CmpOp::Ne);
    lt "lt" [a, b] => ops::compare(&a, &b, CmpOp::Lt);
    le "le" [a, b] => ops::compare(&a, &b, CmpOp::Le);
    gt "gt" [a, b] => ops::compare(&a, &b, CmpOp::Gt);
    ge "ge" [a, b] => ops::compare(&a, &b, CmpOp::Ge);
    is_ "is_" [a, b] => Ok(Value::Bool(a.is(&b)));
    is_not "is_not" [a, b] => Ok(Value::Bool(!a.is(&b)));
    contains "contains" [a, b] => Ok(Value::Bool(ops::contains(&a, &b)?));
    count_of "countOf" [a, b] => count_of_impl(&a, &b);
    index_of "indexOf" [a, b] => index_of_impl(&a, &b);
    getitem "getitem" [a, b] => ops::getitem(&a, &b);
    delitem "delitem" [a, b] => ops::delitem(&a, &b).map(|_| Value::None);
    setitem "setitem" [a, b, c] => ops::setitem(&a, &b, c).map(|_| Value::None);
    neg "neg" [a] => ops::neg(&a);
    pos "pos" [a] => ops::pos(&a);
    abs "abs" [a] => ops::abs(&a);
    invert "invert" [a] => ops::invert(&a);
    inv "inv" [a] => ops::invert(&a);
    not_ "not_" [a] => ops::not(&a);
    truth "truth" [a] => Ok(Value::Bool(ops::truthy(&a)?));
    index "index" [a] => index_impl(&a);
}

/// Whether `v` is a sequence in `PySequence_Check`'s sense, for `concat`.
fn is_sequence(v: &Value) -> bool {
    match v {
        Value::Str(_) | Value::List(_) | Value::Tuple(_) => true,
        Value::Object(_) => crate::call::lookup_special(v, "__getitem__").is_some(),
        Value::Native(_) => matches!(type_name(v).as_str(), "bytes" | "bytearray"),
        _ => false,
    }
}

fn concat_with(a: &Value, b: &Value, inplace: bool) -> PyResult<Value> {
    if !is_sequence(a) {
        return Err(type_error(format!("'{}' object can't be concatenated", type_name(a))));
    }
    if inplace { ops::inplace(a, b, BinOp::Add) } else { ops::binary(a, b, BinOp::Add) }
}

fn count_of_impl(a: &Value, b: &Value) -> PyResult<Value> {
    let mut it = crate::iter::iter(a)?;
    let mut n = 0;
    while let Some(x) = it.next()? {
        if x.is(b) || ops::eq(&x, b)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn index_of_impl(a: &Value, b: &Value) -> PyResult<Value> {
    let mut it = crate::iter::iter(a)?;
    let mut i = 0;
    while let Some(x) = it.next()? {
        if x.is(b) || ops::eq(&x, b)? {
            return Ok(Value::Int(i));
        }
        i += 1;
    }
    Err(value_error("sequence.index(x): x not in sequence"))
}

/// `operator.index(a)`: `a.__index__()`, big ints included.
fn index_impl(a: &Value) -> PyResult<Value> {
    match a {
        Value::Int(_) | Value::BigInt(_) => Ok(a.clone()),
        Value::Object(_) if crate::call::lookup_special(a, "__index__").is_some() => {
            let r = crate::call::call_method(a, "__index__", vec![], vec![])?;
            match r {
                Value::Int(_) | Value::BigInt(_) => Ok(r),
                Value::Bool(b) => Ok(Value::Int(b as i64)),
                other => Err(type_error(format!("__index__ returned non-int (type {})", type_name(&other)))),
            }
        }
        _ => Ok(Value::Int(ops::index_of(a, "index")?)),
    }
}

/// The single argument of a call to an `itemgetter`/`attrgetter`/`methodcaller`.
fn single_arg(kind: &str, args: Vec<Value>, kwargs: &Kwargs) -> PyResult<Value> {
    if !kwargs.is_empty() {
        return Err(type_error(format!("{kind}() takes no keyword arguments")));
    }
    if args.len() != 1 {
        return Err(type_error(format!("{kind} expected 1 argument, got {}", args.len())));
    }
    Ok(args.into_iter().next().unwrap_or_default())
}

fn reprs(items: &[Value]) -> PyResult<Vec<String>> {
    items.iter().map(crate::fmt::repr).collect()
}

/// `itemgetter(*items)`: `obj[item]`, or a tuple of them for several items.
struct ItemGetter {
    items: Vec<Value>,
}

impl Native for ItemGetter {
    fn type_name(&self) -> &'static str {
        "operator.itemgetter"
    }

    fn call(&self, _this: &Value, args: Vec<Value>, kwargs: Kwargs) -> Option<PyResult<Value>> {
        Some((|| {
            let obj = single_arg("itemgetter", args, &kwargs)?;
            if let [item] = self.items.as_slice() {
                return ops::getitem(&obj, item);
            }
            let got = self.items.iter().map(|k| ops::getitem(&obj, k)).collect::<PyResult<Vec<_>>>()?;
            Ok(Value::tuple(got))
        })())
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(format!("operator.itemgetter({})", reprs(&self.items)?.join(", ")))
    }
}

fn itemgetter(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    if !kwargs.is_empty() {
        return Err(type_error("itemgetter() takes no keyword arguments"));
    }
    if args.is_empty() {
        return Err(type_error("itemgetter expected 1 argument, got 0"));
    }
    Ok(Value::native(ItemGetter { items: args }))
}

/// `attrgetter(*attrs)`: each name may be dotted (`'a.b'` is `obj.a.b`).
struct AttrGetter {
    names: Vec<PyStr>,
}

fn get_dotted(obj: &Value, name: &str) -> PyResult<Value> {
    let mut v = obj.clone();
    for part in name.split('.') {
        v = getattr(&v, part)?;
    }
    Ok(v)
}

impl Native for AttrGetter {
    fn type_name(&self) -> &'static str {
        "operator.attrgetter"
    }

    fn call(&self, _this: &Value, args: Vec<Value>, kwargs: Kwargs) -> Option<PyResult<Value>> {
        Some((|| {
            let obj = single_arg("attrgetter", args, &kwargs)?;
            if let [name] = self.names.as_slice() {
                return get_dotted(&obj, name.as_str());
            }
            let got = self.names.iter().map(|n| get_dotted(&obj, n.as_str())).collect::<PyResult<Vec<_>>>()?;
            Ok(Value::tuple(got))
        })())
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        let names: Vec<Value> = self.names.iter().cloned().map(Value::Str).collect();
        Ok(format!("operator.attrgetter({})", reprs(&names)?.join(", ")))
    }
}

fn attrgetter(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    if !kwargs.is_empty() {
        return Err(type_error("attrgetter() takes no keyword arguments"));
    }
    if args.is_empty() {
        return Err(type_error("attrgetter expected 1 argument, got 0"));
    }
    let names = args
        .into_iter()
        .map(|a| match a {
            Value::Str(s) => Ok(s),
            _ => Err(type_error("attribute name must be a string")),
        })
        .collect::<PyResult<Vec<_>>>()?;
    Ok(Value::native(AttrGetter { names }))
}

/// `methodcaller(name, *args, **kwargs)`: `getattr(obj, name)(*args, **kwargs)`.
struct MethodCaller {
    name: PyStr,
    args: Vec<Value>,
    kwargs: Kwargs,
}

impl Native for MethodCaller {
    fn type_name(&self) -> &'static str {
        "operator.methodcaller"
    }

    fn call(&self, _this: &Value, args: Vec<Value>, kwargs: Kwargs) -> Option<PyResult<Value>> {
        Some((|| {
            let obj = single_arg("methodcaller", args, &kwargs)?;
            let method = getattr(&obj, self.name.as_str())?;
            call(&method, self.args.clone(), self.kwargs.clone())
        })())
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        let mut parts = vec![crate::fmt::repr(&Value::Str(self.name.clone()))?];
        parts.extend(reprs(&self.args)?);
        for (k, v) in &self.kwargs {
            parts.push(format!("{k}={}", crate::fmt::repr(v)?));
        }
        Ok(format!("operator.methodcaller({})", parts.join(", ")))
    }
}

fn methodcaller(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let mut it = args.into_iter();
    let name = match it.next() {
        None => return Err(type_error("methodcaller needs at least one argument, the method name")),
        Some(Value::Str(s)) => s,
        Some(_) => return Err(type_error("method name must be a string")),
    };
    Ok(Value::native(MethodCaller { name, args: it.collect(), kwargs }))
}

pub fn module_attrs() -> Dict {
    let d = Dict::new();
    // (name, dunder alias or "", function)
    let fns: &[(&'static str, &str, crate::func::BuiltinFn)] = &[
        ("lt", "__lt__", lt),
        ("le", "__le__", le),
        ("eq", "__eq__", eq),
        ("ne", "__ne__", ne),
        ("ge", "__ge__", ge),
        ("gt", "__gt__", gt),
        ("not_", "__not__", not_),
        ("truth", "", truth),
        ("is_", "", is_),
        ("is_not", "", is_not),
        ("abs", "__abs__", abs),
        ("add", "__add__", add),
        ("and_", "__and__", and_),
        ("floordiv", "__floordiv__", floordiv),
        ("index", "__index__", index),
        ("inv", "__inv__", inv),
        ("invert", "__invert__", invert),
        ("lshift", "__lshift__", lshift),
        ("mod", "__mod__", mod_),
        ("mul", "__mul__", mul),
        ("matmul", "__matmul__", matmul),
        ("neg", "__neg__", neg),
        ("or_", "__or__", or_),
        ("pos", "__pos__", pos),
        ("pow", "__pow__", pow),
        ("rshift", "__rshift__", rshift),
        ("sub", "__sub__", sub),
        ("truediv", "__truediv__", truediv),
        ("xor", "__xor__", xor),
        ("concat", "__concat__", concat),
        ("contains", "__contains__", contains),
        ("countOf", "", count_of),
        ("delitem", "__delitem__", delitem),
        ("getitem", "__getitem__", getitem),
        ("indexOf", "", index_of),
        ("setitem", "__setitem__", setitem),
        ("iadd", "__iadd__", iadd),
        ("iand", "__iand__", iand),
        ("iconcat", "__iconcat__", iconcat),
        ("ifloordiv", "__ifloordiv__", ifloordiv),
        ("ilshift", "__ilshift__", ilshift),
        ("imod", "__imod__", imod),
        ("imul", "__imul__", imul),
        ("imatmul", "__imatmul__", imatmul),
        ("ior", "__ior__", ior),
        ("ipow", "__ipow__", ipow),
        ("irshift", "__irshift__", irshift),
        ("isub", "__isub__", isub),
        ("itruediv", "__itruediv__", itruediv),
        ("ixor", "__ixor__", ixor),
    ];
    for (name, alias, f) in fns {
        let func = Value::native(BuiltinFunction { name, f: *f });
        if !alias.is_empty() {
            d.set_str(alias, func.clone());
        }
        d.set_str(name, func);
    }
    for (name, f) in [
        ("itemgetter", itemgetter as crate::func::BuiltinFn),
        ("attrgetter", attrgetter),
        ("methodcaller", methodcaller),
    ] {
        d.set_str(name, Value::native(BuiltinFunction { name, f }));
    }
    d
}
