//! Python's operators on dynamic values: truth, hashing, comparison,
//! arithmetic (with `__add__`/`__radd__` dispatch), containment, `len` and
//! subscription. Built-in types take fast paths; everything else goes
//! through the dunder methods in the data model's order.

use std::cmp::Ordering;
use std::rc::Rc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::call::{call_method, lookup_special};
use crate::class::Class;
use crate::exc::{PyResult, index_error, key_error, type_error, zero_division_error};
use crate::native::downcast;
use crate::slice::Slice;
use crate::types::types;
use crate::value::Value;

/// The class of any value (`type(v)`).
pub fn type_of(v: &Value) -> Rc<Class> {
    let t = types();
    match v {
        Value::None => t.none.clone(),
        Value::NotImplemented => t.not_implemented.clone(),
        Value::Ellipsis => t.ellipsis.clone(),
        Value::Bool(_) => t.bool_.clone(),
        Value::Int(_) | Value::BigInt(_) => t.int.clone(),
        Value::Float(_) => t.float.clone(),
        Value::Str(_) => t.str_.clone(),
        Value::List(_) => t.list.clone(),
        Value::Tuple(_) => t.tuple.clone(),
        Value::Dict(_) => t.dict.clone(),
        Value::Set(_) => t.set.clone(),
        Value::FrozenSet(_) => t.frozenset.clone(),
        Value::Class(c) => c.metaclass.clone().unwrap_or_else(|| t.type_.clone()),
        Value::Object(o) => o.class.clone(),
        Value::Function(_) => t.function.clone(),
        Value::Native(n) => n.class(),
    }
}

/// The type's `__name__`, for error messages.
pub fn type_name(v: &Value) -> String {
    match v {
        Value::None => "NoneType".into(),
        Value::Bool(_) => "bool".into(),
        Value::Int(_) | Value::BigInt(_) => "int".into(),
        Value::Float(_) => "float".into(),
        Value::Str(_) => "str".into(),
        Value::List(_) => "list".into(),
        Value::Tuple(_) => "tuple".into(),
        Value::Dict(_) => "dict".into(),
        Value::Native(n) => n.type_name().into(),
        other => type_of(other).name().to_string(),
    }
}

pub fn truthy(v: &Value) -> PyResult<bool> {
    Ok(match v {
        Value::None => false,
        Value::Bool(b) => *b,
        Value::Int(i) => *i != 0,
        Value::BigInt(_) => true,
        Value::Float(f) => *f != 0.0,
        Value::Str(s) => s.len_bytes() != 0,
        Value::List(l) => !l.is_empty(),
        Value::Tuple(t) => !t.is_empty(),
        Value::Dict(d) => !d.is_empty(),
        Value::Set(s) | Value::FrozenSet(s) => !s.is_empty(),
        Value::Object(_) => return object_truthy(v),
        Value::Native(n) => match (n.truthy(), n.len()) {
            (Some(b), _) => b,
            (None, Some(len)) => len? != 0,
            (None, None) => true,
        },
        _ => true,
    })
}

fn object_truthy(v: &Value) -> PyResult<bool> {
    if let Some(r) = lookup_special(v, "__bool__") {
        return match call_method_found(v, r, "__bool__")? {
            Value::Bool(b) => Ok(b),
            other => Err(type_error(format!("__bool__ should return bool, returned {}", type_name(&other)))),
        };
    }
    if lookup_special(v, "__len__").is_some() {
        return Ok(len(v)? != 0);
    }
    match crate::subclass::inherited(v, "__bool__") {
        Some(base) => truthy(base),
        None => Ok(true),
    }
}

fn call_method_found(v: &Value, _f: Value, name: &str) -> PyResult<Value> {
    call_method(v, name, vec![], vec![])
}

pub fn not(v: &Value) -> PyResult<Value> {
    Ok(Value::Bool(!truthy(v)?))
}

// ---------------------------------------------------------------- hashing

pub fn hash(v: &Value) -> PyResult<i64> {
    use crate::hash as h;
    Ok(match v {
        Value::None => h::HASH_NONE,
        Value::Bool(b) => *b as i64,
        Value::Int(i) => h::hash_i64(*i),
        Value::BigInt(b) => h::hash_bigint(b),
        Value::Float(f) => h::hash_f64(*f, v.identity()),
        Value::Str(s) => s.hash(),
        Value::Tuple(t) => {
            let mut hashes = Vec::with_capacity(t.len());
            for item in t.items() {
                hashes.push(hash(item)?);
            }
            h::hash_tuple(hashes)
        }
        Value::FrozenSet(s) => {
            let mut hashes = Vec::with_capacity(s.len());
            for item in s.items() {
                hashes.push(hash(&item)?);
            }
            h::hash_frozenset(hashes)
        }
        Value::List(_) | Value::Dict(_) | Value::Set(_) => {
            return Err(type_error(format!("unhashable type: '{}'", type_name(v))));
        }
        // A subclass of a built-in type hashes as its value unless a class
        // before that type in the MRO defines `__hash__` or `__eq__`.
        Value::Object(o)
            if let Some(base) = o.base()
                && crate::subclass::base_first(&o.class, "__hash__")
                && crate::subclass::base_first(&o.class, "__eq__") =>
        {
            hash(base)?
        }
        Value::Object(o) => {
            let cls = o.class.clone();
            match cls.lookup_with_owner("__hash__") {
                Some((_, Value::None)) => {
                    return Err(type_error(format!("unhashable type: '{}'", cls.name())));
                }
                Some((owner, _)) if owner.builtin.is_none() => {
                    let r = call_method(v, "__hash__", vec![], vec![])?;
                    return match r {
                        Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
                        Value::BigInt(b) => Ok(h::hash_bigint(&b)),
                        Value::Bool(b) => Ok(b as i64),
                        _ => Err(type_error("__hash__ method should return an integer")),
                    };
                }
                _ => {
                    if cls.has_user_attr("__eq__") {
                        return Err(type_error(format!("unhashable type: '{}'", cls.name())));
                    }
                    identity_hash(v)
                }
            }
        }
        Value::Native(n) if n.unhashable() => {
            // A mappingproxy hashes as its mapping does.
            let of = crate::mappingproxy::mapping_of(v).unwrap_or(v);
            return Err(type_error(format!("unhashable type: '{}'", type_name(of))));
        }
        Value::Native(n) => n.hash().unwrap_or_else(|| identity_hash(v)),
        _ => identity_hash(v),
    })
}

fn identity_hash(v: &Value) -> i64 {
    // CPython rotates the address by 4 bits so aligned pointers spread out.
    (v.identity() as u64).rotate_right(4) as i64
}

// ------------------------------------------------------------- comparison

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl CmpOp {
    fn dunder(self) -> &'static str {
        match self {
            CmpOp::Eq => "__eq__",
            CmpOp::Ne => "__ne__",
            CmpOp::Lt => "__lt__",
            CmpOp::Le => "__le__",
            CmpOp::Gt => "__gt__",
            CmpOp::Ge => "__ge__",
        }
    }

    fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }

    pub(crate) fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }

    #[inline]
    fn holds(self, ord: Ordering) -> bool {
        match self {
            CmpOp::Eq => ord == Ordering::Equal,
            CmpOp::Ne => ord != Ordering::Equal,
            CmpOp::Lt => ord == Ordering::Less,
            CmpOp::Le => ord != Ordering::Greater,
            CmpOp::Gt => ord == Ordering::Greater,
            CmpOp::Ge => ord != Ordering::Less,
        }
    }
}

/// Numeric view used for comparing and mixing ints and floats.
enum Num<'a> {
    Int(i64),
    Big(&'a BigInt),
    Float(f64),
}

fn as_num(v: &Value) -> Option<Num<'_>> {
    match v {
        Value::Int(i) => Some(Num::Int(*i)),
        Value::Bool(b) => Some(Num::Int(*b as i64)),
        Value::BigInt(b) => Some(Num::Big(b)),
        Value::Float(f) => Some(Num::Float(*f)),
        _ => None,
    }
}

/// Compares an int with a float exactly; `None` when the float is NaN.
fn cmp_int_float(i: &BigInt, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    let fl = f.floor();
    let fi = BigInt::from_f64_exact(fl);
    match i.cmp(&fi) {
        Ordering::Equal if fl < f => Some(Ordering::Less),
        other => Some(other),
    }
}

trait FromF64Exact {
    fn from_f64_exact(f: f64) -> BigInt;
}

impl FromF64Exact for BigInt {
    fn from_f64_exact(f: f64) -> BigInt {
        num_traits::FromPrimitive::from_f64(f).unwrap_or_default()
    }
}

fn cmp_nums(a: &Num, b: &Num) -> Option<Ordering> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => Some(x.cmp(y)),
        (Num::Float(x), Num::Float(y)) => x.partial_cmp(y),
        (Num::Int(x), Num::Float(y)) => {
            if x.unsigned_abs() < (1u64 << 53) {
                (*x as f64).partial_cmp(y)
            } else {
                cmp_int_float(&BigInt::from(*x), *y)
            }
        }
        (Num::Float(_), Num::Int(_)) | (Num::Float(_), Num::Big(_)) => cmp_nums(b, a).map(Ordering::reverse),
        (Num::Big(x), Num::Float(y)) => cmp_int_float(x, *y),
        (Num::Big(x), Num::Big(y)) => Some(x.cmp(y)),
        (Num::Big(x), Num::Int(y)) => Some((**x).cmp(&BigInt::from(*y))),
        (Num::Int(x), Num::Big(y)) => Some(BigInt::from(*x).cmp(y)),
    }
}

/// `a == b` as a Rust bool.
pub fn eq(a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x == y),
        (Value::Str(x), Value::Str(y)) => Ok(x == y),
        _ => truthy(&compare(a, b, CmpOp::Eq)?),
    }
}

/// Rich comparison `a OP b`, returning whatever the dunder returns.
pub fn compare(a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    if let Some(r) = builtin_compare(a, b, op)? {
        return Ok(Value::Bool(r));
    }
    // User-defined comparisons, reflected operand first when it is a subclass.
    let (ta, tb) = (type_of(a), type_of(b));
    let reflected_first = !Rc::ptr_eq(&ta, &tb) && tb.is_subclass(&ta) && tb.has_user_attr(op.swapped().dunder());
    if reflected_first {
        let r = try_dunder(b, op.swapped().dunder(), a)?;
        if !matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
    }
    if ta.has_user_attr(op.dunder()) {
        let r = try_dunder(a, op.dunder(), b)?;
        if !matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
    }
    if !reflected_first && tb.has_user_attr(op.swapped().dunder()) {
        let r = try_dunder(b, op.swapped().dunder(), a)?;
        if !matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
    }
    // Instances of subclasses of built-in types compare as their values.
    if crate::subclass::has_base(a) || crate::subclass::has_base(b) {
        return compare(crate::subclass::plain(a), crate::subclass::plain(b), op);
    }
    match op {
        CmpOp::Eq => Ok(Value::Bool(a.is(b) || native_eq(a, b))),
        CmpOp::Ne => {
            // `object.__ne__` inverts `__eq__` unless that gives
            // NotImplemented: `a`'s, then the reflected `b`'s.
            for (x, tx, y) in [(a, &ta, b), (b, &tb, a)] {
                if tx.has_user_attr("__eq__") {
                    let r = try_dunder(x, "__eq__", y)?;
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(Value::Bool(!truthy(&r)?));
                    }
                }
            }
            Ok(Value::Bool(!(a.is(b) || native_eq(a, b))))
        }
        _ => Err(type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            type_name(a),
            type_name(b)
        ))),
    }
}

/// `a == b` where a built-in object on either side decides (reflected when
/// only `b` is one: `dict(od) == od` asks the OrderedDict).
fn native_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Native(n), _) => n.eq(b).unwrap_or(false),
        (_, Value::Native(n)) => n.eq(a).unwrap_or(false),
        _ => false,
    }
}

fn try_dunder(obj: &Value, name: &str, arg: &Value) -> PyResult<Value> {
    call_method(obj, name, vec![arg.clone()], vec![])
}

/// Comparison of built-in values; `None` when the types are not built-ins
/// that know each other.
fn builtin_compare(a: &Value, b: &Value, op: CmpOp) -> PyResult<Option<bool>> {
    if let Some(r) = crate::complex::compare(a, b, op)? {
        return Ok(Some(r));
    }
    // Counters and dict views compare as their own types define.
    if matches!(a, Value::Native(_)) || matches!(b, Value::Native(_)) {
        if let Some(r) = crate::collections::compare(a, b, op)? {
            return Ok(Some(r));
        }
        if let Some(r) = crate::dict_views::compare(a, b, op)? {
            return Ok(Some(r));
        }
    }
    if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
        return Ok(Some(match cmp_nums(&x, &y) {
            Some(ord) => op.holds(ord),
            None => op == CmpOp::Ne,
        }));
    }
    Ok(match (a, b) {
        (Value::Str(x), Value::Str(y)) => Some(op.holds(x.as_str().cmp(y.as_str()))),
        (Value::List(x), Value::List(y)) => {
            if Rc::ptr_eq(x, y) && matches!(op, CmpOp::Eq | CmpOp::Ne) {
                return Ok(Some(op == CmpOp::Eq));
            }
            Some(seq_compare(&x.snapshot(), &y.snapshot(), op)?)
        }
        (Value::Tuple(x), Value::Tuple(y)) => Some(seq_compare(x.items(), y.items(), op)?),
        (Value::Dict(x), Value::Dict(y)) => match op {
            CmpOp::Eq | CmpOp::Ne => Some(dict_eq(x, y)? == (op == CmpOp::Eq)),
            _ => None,
        },
        (Value::Set(x) | Value::FrozenSet(x), Value::Set(y) | Value::FrozenSet(y)) => {
            Some(crate::set::compare(x, y, op)?)
        }
        (Value::None, Value::None) => match op {
            CmpOp::Eq => Some(true),
            CmpOp::Ne => Some(false),
            _ => None,
        },
        (Value::Class(x), Value::Class(y)) if x.metaclass.is_none() && y.metaclass.is_none() => match op {
            CmpOp::Eq => Some(Rc::ptr_eq(x, y)),
            CmpOp::Ne => Some(!Rc::ptr_eq(x, y)),
            _ => None,
        },
        (Value::Native(_), Value::Native(_)) => {
            crate::bytes::compare(a, b, op).or_else(|| crate::pathlib::compare(a, b, op))
        }
        _ => None,
    })
}

fn dict_eq(x: &crate::dict::Dict, y: &crate::dict::Dict) -> PyResult<bool> {
    if x.len() != y.len() {
        return Ok(false);
    }
    for (k, v) in x.items() {
        match y.get(&k)? {
            Some(w) => {
                if !(v.is(&w) || eq(&v, &w)?) {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

/// Lexicographic comparison of sequences, as lists and tuples compare.
pub fn seq_compare(x: &[Value], y: &[Value], op: CmpOp) -> PyResult<bool> {
    if matches!(op, CmpOp::Eq | CmpOp::Ne) && x.len() != y.len() {
        return Ok(op == CmpOp::Ne);
    }
    for (a, b) in x.iter().zip(y.iter()) {
        if !(a.is(b) || eq(a, b)?) {
            return match op {
                CmpOp::Eq => Ok(false),
                CmpOp::Ne => Ok(true),
                _ => truthy(&compare(a, b, op)?),
            };
        }
    }
    Ok(op.holds(x.len().cmp(&y.len())))
}

/// `a OP b` in a boolean context.
#[inline]
pub fn compare_bool(a: &Value, b: &Value, op: CmpOp) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(op.holds(x.cmp(y))),
        (Value::Float(x), Value::Float(y)) => Ok(match x.partial_cmp(y) {
            Some(o) => op.holds(o),
            None => op == CmpOp::Ne,
        }),
        _ => compare_bool_slow(a, b, op),
    }
}

#[inline(never)]
fn compare_bool_slow(a: &Value, b: &Value, op: CmpOp) -> PyResult<bool> {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Ok(op.holds(x.as_str().cmp(y.as_str()))),
        _ => truthy(&compare(a, b, op)?),
    }
}

pub fn lt(a: &Value, b: &Value) -> PyResult<bool> {
    truthy(&compare(a, b, CmpOp::Lt)?)
}

// ------------------------------------------------------------- arithmetic

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::MatMul => "@",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
        }
    }

    fn name(self) -> &'static str {
        match self {
            BinOp::Add => "add",
            BinOp::Sub => "sub",
            BinOp::Mul => "mul",
            BinOp::MatMul => "matmul",
            BinOp::TrueDiv => "truediv",
            BinOp::FloorDiv => "floordiv",
            BinOp::Mod => "mod",
            BinOp::Pow => "pow",
            BinOp::LShift => "lshift",
            BinOp::RShift => "rshift",
            BinOp::And => "and",
            BinOp::Or => "or",
            BinOp::Xor => "xor",
        }
    }
}

/// `a OP b` for the binary operators. Machine ints and floats take an
/// inlined fast path (the operator is a constant at every call site, so
/// this folds to a few instructions); everything else goes out of line.
#[inline]
pub fn binary(a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => {
            if let Some(r) = int_fast(*x, *y, op) {
                return Ok(Value::Int(r));
            }
        }
        (Value::Float(x), Value::Float(y)) => {
            if let Some(r) = float_fast(*x, *y, op) {
                return Ok(Value::Float(r));
            }
        }
        (Value::Str(x), Value::Str(y)) if op == BinOp::Add => return Ok(Value::Str(crate::str::PyStr::concat(x, y))),
        // int op float converts the int (correctly rounded, as CPython does).
        (Value::Int(x), Value::Float(y)) => {
            if let Some(r) = float_fast(*x as f64, *y, op) {
                return Ok(Value::Float(r));
            }
        }
        (Value::Float(x), Value::Int(y)) => {
            if let Some(r) = float_fast(*x, *y as f64, op) {
                return Ok(Value::Float(r));
            }
        }
        _ => {}
    }
    binary_slow(a, b, op)
}

#[inline]
fn float_fast(x: f64, y: f64, op: BinOp) -> Option<f64> {
    match op {
        BinOp::Add => Some(x + y),
        BinOp::Sub => Some(x - y),
        BinOp::Mul => Some(x * y),
        BinOp::TrueDiv if y != 0.0 => Some(x / y),
        _ => None,
    }
}

#[inline(never)]
fn binary_slow(a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    if let Some(r) = builtin_binary(a, b, op)? {
        return Ok(r);
    }
    user_binary(a, b, op)
}

fn user_binary(a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    let forward = format!("__{}__", op.name());
    let reflected = format!("__r{}__", op.name());
    let (ta, tb) = (type_of(a), type_of(b));
    let same = Rc::ptr_eq(&ta, &tb);
    let b_first = !same && tb.is_subclass(&ta) && tb.has_user_attr(&reflected);
    if b_first {
        let r = call_method(b, &reflected, vec![a.clone()], vec![])?;
        if !matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
    }
    if ta.has_user_attr(&forward) {
        let r = call_method(a, &forward, vec![b.clone()], vec![])?;
        if !matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
    }
    if !same && !b_first && tb.has_user_attr(&reflected) {
        let r = call_method(b, &reflected, vec![a.clone()], vec![])?;
        if !matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
    }
    if crate::subclass::has_base(a) || crate::subclass::has_base(b) {
        return binary(crate::subclass::plain(a), crate::subclass::plain(b), op);
    }
    // `type.__or__`: `int | None` builds a `types.UnionType`.
    if op == BinOp::Or
        && let Some(u) = crate::builtins::union_of(a, b)
    {
        return Ok(u);
    }
    Err(binary_type_error(a, b, op))
}

/// str, list, tuple and bytes: the built-in sequences `*` repeats.
fn is_sequence(v: &Value) -> bool {
    matches!(v, Value::Str(_) | Value::List(_) | Value::Tuple(_)) || crate::bytes::is_bytes(v)
}

fn binary_type_error(a: &Value, b: &Value, op: BinOp) -> crate::exc::PyErr {
    match (op, a) {
        (BinOp::Add, Value::Str(_)) => {
            type_error(format!("can only concatenate str (not \"{}\") to str", type_name(b)))
        }
        (BinOp::Add, Value::List(_)) => {
            type_error(format!("can only concatenate list (not \"{}\") to list", type_name(b)))
        }
        (BinOp::Add, Value::Tuple(_)) => {
            type_error(format!("can only concatenate tuple (not \"{}\") to tuple", type_name(b)))
        }
        // A sequence times anything but an int: the other operand is named.
        (BinOp::Mul, _) if is_sequence(a) || is_sequence(b) => {
            let other = if is_sequence(a) { b } else { a };
            type_error(format!("can't multiply sequence by non-int of type '{}'", type_name(other)))
        }
        (BinOp::Pow, _) => type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{}' and '{}'",
            type_name(a),
            type_name(b)
        )),
        _ => type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            op.symbol(),
            type_name(a),
            type_name(b)
        )),
    }
}

/// Machine-int `x op y` for the commonest operators, when it fits: the
/// fast path of `binary`, `inplace` and `inplace_local`.
#[inline(always)]
fn int_fast(x: i64, y: i64, op: BinOp) -> Option<i64> {
    match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mul => x.checked_mul(y),
        BinOp::And => Some(x & y),
        BinOp::Or => Some(x | y),
        BinOp::Xor => Some(x ^ y),
        // With a positive divisor, Euclidean and floor division agree.
        BinOp::Mod if y > 0 => Some(x.rem_euclid(y)),
        BinOp::FloorDiv if y > 0 => Some(x.div_euclid(y)),
        _ => None,
    }
}

/// `x op= b` on a local variable `x`: a str that no one else holds grows
/// in place (so `s += t` in a loop is linear, as in CPython); every other
/// case is `x = inplace(x, b)`.
#[inline]
pub fn inplace_local(x: &mut Value, b: &Value, op: BinOp) -> PyResult<()> {
    if let (Value::Int(i), Value::Int(j)) = (&*x, b)
        && let Some(r) = int_fast(*i, *j, op)
    {
        *x = Value::Int(r);
        return Ok(());
    }
    inplace_local_general(x, b, op)
}

#[inline(never)]
fn inplace_local_general(x: &mut Value, b: &Value, op: BinOp) -> PyResult<()> {
    if let (Value::Str(s), Value::Str(t), BinOp::Add) = (&mut *x, b, op)
        && s.append_unique(t)
    {
        return Ok(());
    }
    *x = inplace(x, b, op)?;
    Ok(())
}

/// In-place operators (`a += b`): lists extend in place, user classes may
/// define `__iadd__`; otherwise the binary operator.
#[inline]
pub fn inplace(a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    if let (Value::Int(i), Value::Int(j)) = (a, b)
        && let Some(r) = int_fast(*i, *j, op)
    {
        return Ok(Value::Int(r));
    }
    inplace_general(a, b, op)
}

#[inline(never)]
fn inplace_general(a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    match (a, op) {
        (Value::List(l), BinOp::Add) => {
            let items = crate::iter::to_vec(b)?;
            l.borrow_mut().extend(items);
            return Ok(a.clone());
        }
        (Value::List(l), BinOp::Mul) => {
            let n = index_of(b, "can't multiply sequence by non-int")?;
            let items = l.snapshot();
            let mut out = Vec::new();
            for _ in 0..n.max(0) {
                out.extend(items.iter().cloned());
            }
            l.replace(out);
            return Ok(a.clone());
        }
        (Value::Set(_), BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor) => {
            if let Some(r) = crate::set::inplace(a, b, op)? {
                return Ok(r);
            }
        }
        (Value::Dict(d), BinOp::Or) => {
            if let Value::Dict(other) = b {
                for (k, v) in other.items() {
                    d.set(k, v)?;
                }
                return Ok(a.clone());
            }
        }
        (Value::Native(_), BinOp::Add | BinOp::Mul) => {
            if let Some(r) = crate::bytes::inplace(a, b, op)? {
                return Ok(r);
            }
            if let Some(r) = crate::collections::inplace(a, b, op)? {
                return Ok(r);
            }
        }
        // A Counter updates itself, a ChainMap its first map.
        (Value::Native(_), BinOp::Sub | BinOp::And | BinOp::Or) => {
            if op == BinOp::Or && crate::mappingproxy::mapping_of(a).is_some() {
                return Err(type_error("'|=' is not supported by mappingproxy; use '|' instead"));
            }
            if let Some(r) = crate::collections::inplace(a, b, op)? {
                return Ok(r);
            }
        }
        (Value::Object(o), _) => {
            let name = format!("__i{}__", op.name());
            if o.class.lookup(&name).is_some() {
                let r = call_method(a, &name, vec![b.clone()], vec![])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
            // A list, set or dict subclass updates its value in place and
            // stays itself (`list.__iadd__` returns self).
            if let Some(base @ (Value::List(_) | Value::Set(_) | Value::Dict(_))) = o.base()
                && crate::subclass::base_first(&o.class, &format!("__{}__", op.name()))
            {
                let r = inplace_general(base, b, op)?;
                if r.is(base) {
                    return Ok(a.clone());
                }
                return Ok(r);
            }
        }
        _ => {}
    }
    binary(a, b, op).map_err(|e| {
        if e.is_instance(&types().type_error) && !matches!(a, Value::Object(_)) && !matches!(b, Value::Object(_)) {
            let msg = crate::fmt::exc_message(&e);
            if msg.starts_with("unsupported operand") {
                return type_error(msg.replacen(
                    &format!("for {}:", op.symbol()),
                    &format!("for {}=:", op.symbol()),
                    1,
                ));
            }
        }
        e
    })
}

fn int_result(b: BigInt) -> Value {
    Value::from_bigint(b)
}

fn big(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
}

fn small(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    }
}

pub fn to_f64(v: &Value) -> PyResult<Option<f64>> {
    Ok(match v {
        Value::Float(f) => Some(*f),
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(*b as i64 as f64),
        Value::BigInt(b) => Some(bigint_to_f64(b)?),
        _ => None,
    })
}

pub fn bigint_to_f64(b: &BigInt) -> PyResult<f64> {
    match b.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(crate::exc::overflow_error("int too large to convert to float")),
    }
}

fn builtin_binary(a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    // bool's own `&`, `|` and `^` give a bool; everything else on bools is int arithmetic.
    if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
        match op {
            BinOp::And => return Ok(Some(Value::Bool(x & y))),
            BinOp::Or => return Ok(Some(Value::Bool(x | y))),
            BinOp::Xor => return Ok(Some(Value::Bool(x ^ y))),
            _ => {}
        }
    }
    // Machine ints first: the hot path.
    if let (Some(x), Some(y)) = (small(a), small(b))
        && let Some(r) = small_int_op(x, y, op)?
    {
        return Ok(Some(r));
    }
    if is_int(a)
        && is_int(b)
        && let (Some(x), Some(y)) = (big(a), big(b))
    {
        return big_int_op(&x, &y, op).map(Some);
    }
    if (matches!(a, Value::Float(_)) || matches!(b, Value::Float(_)))
        && let (Some(x), Some(y)) = (to_f64(a)?, to_f64(b)?)
        && let Some(r) = float_op(x, y, op)?
    {
        return Ok(Some(r));
    }
    if let Some(r) = crate::complex::binary(a, b, op)? {
        return Ok(Some(r));
    }
    sequence_binary(a, b, op)
}

fn small_int_op(x: i64, y: i64, op: BinOp) -> PyResult<Option<Value>> {
    let r = match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mul => x.checked_mul(y),
        BinOp::FloorDiv => {
            if y == 0 {
                return Err(zero_division_error("integer division or modulo by zero"));
            }
            x.checked_div_euclid(y).map(|_| Integer::div_floor(&x, &y))
        }
        BinOp::Mod => {
            if y == 0 {
                return Err(zero_division_error("integer modulo by zero"));
            }
            x.checked_rem(y).map(|_| Integer::mod_floor(&x, &y))
        }
        BinOp::TrueDiv => {
            if y == 0 {
                return Err(zero_division_error("division by zero"));
            }
            if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                return Ok(Some(Value::Float(x as f64 / y as f64)));
            }
            return int_true_div(&BigInt::from(x), &BigInt::from(y)).map(Some);
        }
        BinOp::And => Some(x & y),
        BinOp::Or => Some(x | y),
        BinOp::Xor => Some(x ^ y),
        BinOp::LShift => {
            if y < 0 {
                return Err(crate::exc::value_error("negative shift count"));
            }
            if y < 63 && (x << y) >> y == x { Some(x << y) } else { None }
        }
        BinOp::RShift => {
            if y < 0 {
                return Err(crate::exc::value_error("negative shift count"));
            }
            Some(if y >= 64 { if x < 0 { -1 } else { 0 } } else { x >> y })
        }
        BinOp::Pow => {
            if y < 0 {
                return float_op(x as f64, y as f64, BinOp::Pow).map(|r| r.or(Some(Value::Float(0.0))));
            }
            u32::try_from(y).ok().and_then(|e| x.checked_pow(e))
        }
        BinOp::MatMul => return Ok(None),
    };
    Ok(Some(match r {
        Some(v) => Value::Int(v),
        None => big_int_op(&BigInt::from(x), &BigInt::from(y), op)?,
    }))
}

fn big_int_op(x: &BigInt, y: &BigInt, op: BinOp) -> PyResult<Value> {
    Ok(match op {
        BinOp::Add => int_result(x + y),
        BinOp::Sub => int_result(x - y),
        BinOp::Mul => int_result(x * y),
        BinOp::FloorDiv => {
            if y.is_zero() {
                return Err(zero_division_error("integer division or modulo by zero"));
            }
            int_result(x.div_floor(y))
        }
        BinOp::Mod => {
            if y.is_zero() {
                return Err(zero_division_error("integer modulo by zero"));
            }
            int_result(x.mod_floor(y))
        }
        BinOp::TrueDiv => return int_true_div(x, y),
        BinOp::And => int_result(x & y),
        BinOp::Or => int_result(x | y),
        BinOp::Xor => int_result(x ^ y),
        BinOp::LShift => {
            let n = y.to_i64().ok_or_else(|| crate::exc::overflow_error("too many digits in integer"))?;
            if n < 0 {
                return Err(crate::exc::value_error("negative shift count"));
            }
            if n > 1 << 32 {
                return Err(crate::exc::memory_error(""));
            }
            int_result(x << n as usize)
        }
        BinOp::RShift => {
            if y.is_negative() {
                return Err(crate::exc::value_error("negative shift count"));
            }
            let n = y.to_u64().unwrap_or(u64::MAX);
            if n > x.bits() { Value::Int(if x.is_negative() { -1 } else { 0 }) } else { int_result(x >> n as usize) }
        }
        BinOp::Pow => {
            if y.is_negative() {
                let (fx, fy) = (bigint_to_f64(x)?, bigint_to_f64(y)?);
                return float_op(fx, fy, BinOp::Pow).map(|r| r.unwrap_or(Value::Float(0.0)));
            }
            let e = y.to_u32().ok_or_else(|| crate::exc::overflow_error("exponent too large"))?;
            if x.bits() as u128 * e as u128 > 1 << 36 {
                return Err(crate::exc::memory_error(""));
            }
            int_result(num_traits::Pow::pow(x, e))
        }
        BinOp::MatMul => {
            return Err(type_error("unsupported operand type(s) for @: 'int' and 'int'"));
        }
    })
}

fn int_true_div(x: &BigInt, y: &BigInt) -> PyResult<Value> {
    crate::exc::pure(crate::num_ops::int_true_div(x, y)).map(Value::Float)
}

fn float_op(x: f64, y: f64, op: BinOp) -> PyResult<Option<Value>> {
    if op == BinOp::Pow && x < 0.0 && x.is_finite() && y.is_finite() && y != y.floor() {
        return crate::complex::negative_base_power(x, y).map(Some);
    }
    Ok(Some(Value::Float(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv => {
            if y == 0.0 {
                return Err(zero_division_error("float division by zero"));
            }
            x / y
        }
        BinOp::FloorDiv => crate::exc::pure(crate::num_ops::float_floordiv(x, y))?,
        BinOp::Mod => crate::exc::pure(crate::num_ops::float_mod(x, y))?,
        BinOp::Pow => crate::exc::pure(crate::num_ops::float_pow(x, y))?,
        _ => return Ok(None),
    })))
}

fn repeat_count(n: &Value) -> Option<i64> {
    match n {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        Value::BigInt(b) => Some(if b.is_negative() { 0 } else { i64::MAX }),
        _ => None,
    }
}

fn sequence_binary(a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    Ok(Some(match (op, a, b) {
        (BinOp::Add, Value::Str(x), Value::Str(y)) => {
            let mut s = String::with_capacity(x.len_bytes() + y.len_bytes());
            s.push_str(x);
            s.push_str(y);
            Value::str(s)
        }
        (BinOp::Add, Value::List(x), Value::List(y)) => {
            let mut v = x.snapshot();
            v.extend(y.snapshot());
            Value::list(v)
        }
        (BinOp::Add, Value::Tuple(x), Value::Tuple(y)) => {
            let mut v = x.items().to_vec();
            v.extend(y.items().iter().cloned());
            Value::tuple(v)
        }
        (BinOp::Mul, Value::Str(_) | Value::List(_) | Value::Tuple(_), n)
        | (BinOp::Mul, n, Value::Str(_) | Value::List(_) | Value::Tuple(_))
            if repeat_count(n).is_some() =>
        {
            let seq = if repeat_count(n).is_some() && !matches!(a, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) {
                a
            } else {
                b
            };
            let count = repeat_count(if seq.is(a) { b } else { a }).unwrap_or(0).max(0);
            return repeat(seq, count).map(Some);
        }
        (BinOp::Mod, Value::Str(fmt), args) => Value::str(crate::fmt::percent_format(fmt, args)?),
        (_, Value::Native(_), _) | (_, _, Value::Native(_)) => {
            if let Some(r) = crate::bytes::binary(a, b, op)? {
                return Ok(Some(r));
            }
            if let Some(r) = crate::collections::binary(a, b, op)? {
                return Ok(Some(r));
            }
            if let Some(r) = crate::dict_views::binary(a, b, op)? {
                return Ok(Some(r));
            }
            if let Some(r) = crate::mappingproxy::binary(a, b, op)? {
                return Ok(Some(r));
            }
            return crate::pathlib::binary(a, b, op);
        }
        (BinOp::Or, Value::Dict(x), Value::Dict(y)) => {
            let d = x.copy();
            for (k, v) in y.items() {
                d.set(k, v)?;
            }
            Value::Dict(Rc::new(d))
        }
        (
            BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor,
            Value::Set(_) | Value::FrozenSet(_),
            Value::Set(_) | Value::FrozenSet(_),
        ) => {
            return crate::set::binary(a, b, op);
        }
        _ => return Ok(None),
    }))
}

fn repeat(seq: &Value, count: i64) -> PyResult<Value> {
    let n = count as usize;
    Ok(match seq {
        Value::Str(s) => {
            if (s.len_bytes() as u128) * n as u128 > crate::str_methods::MAX_STR_BYTES as u128 {
                return Err(crate::exc::memory_error(""));
            }
            Value::str(s.repeat(n))
        }
        Value::List(l) => {
            let items = l.snapshot();
            if (items.len() as u128) * n as u128 > (1u128 << 32) {
                return Err(crate::exc::memory_error(""));
            }
            let mut v = Vec::with_capacity(items.len() * n);
            for _ in 0..n {
                v.extend(items.iter().cloned());
            }
            Value::list(v)
        }
        Value::Tuple(t) => {
            let mut v = Vec::with_capacity(t.len() * n);
            for _ in 0..n {
                v.extend(t.items().iter().cloned());
            }
            Value::tuple(v)
        }
        _ => unreachable!("repeat is only called on sequences"),
    })
}

pub fn add(a: &Value, b: &Value) -> PyResult<Value> {
    binary(a, b, BinOp::Add)
}

pub fn neg(v: &Value) -> PyResult<Value> {
    match v {
        Value::Int(i) => Ok(match i.checked_neg() {
            Some(n) => Value::Int(n),
            None => int_result(-BigInt::from(*i)),
        }),
        Value::Bool(b) => Ok(Value::Int(-(*b as i64))),
        Value::BigInt(b) => Ok(int_result(-(**b).clone())),
        Value::Float(f) => Ok(Value::Float(-f)),
        Value::Native(_) if crate::complex::is_complex(v) => crate::complex::unary(v, "-").unwrap_or(Ok(Value::None)),
        _ if let Some(base) = crate::subclass::inherited(v, "__neg__") => neg(base),
        _ => unary_dunder(v, "__neg__", "-"),
    }
}

pub fn pos(v: &Value) -> PyResult<Value> {
    match v {
        Value::Int(_) | Value::BigInt(_) | Value::Float(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Native(_) if crate::complex::is_complex(v) => crate::complex::unary(v, "+").unwrap_or(Ok(Value::None)),
        _ if let Some(base) = crate::subclass::inherited(v, "__pos__") => pos(base),
        _ => unary_dunder(v, "__pos__", "+"),
    }
}

/// `~v` where `v` may be a bool, which CPython 3.12 deprecates.
pub fn invert_at(v: &Value, at: &crate::warnings::Location) -> PyResult<Value> {
    if let Value::Bool(_) = v {
        crate::warnings::deprecation(at, BOOL_INVERT_DEPRECATED);
    }
    invert(v)
}

const BOOL_INVERT_DEPRECATED: &str = "Bitwise inversion '~' on bool is deprecated. This returns the bitwise inversion of the underlying int object and is usually not what you expect from negating a bool. Use the 'not' operator for boolean negation or ~int(x) if you really want the bitwise inversion of the underlying int.";

pub fn invert(v: &Value) -> PyResult<Value> {
    match v {
        Value::Int(i) => Ok(Value::Int(!i)),
        Value::Bool(b) => Ok(Value::Int(!(*b as i64))),
        Value::BigInt(b) => Ok(int_result(-(**b).clone() - 1)),
        _ if let Some(base) = crate::subclass::inherited(v, "__invert__") => invert(base),
        _ => unary_dunder(v, "__invert__", "~"),
    }
}

fn unary_dunder(v: &Value, name: &str, symbol: &str) -> PyResult<Value> {
    if lookup_special(v, name).is_some() {
        return call_method(v, name, vec![], vec![]);
    }
    Err(type_error(format!("bad operand type for unary {symbol}: '{}'", type_name(v))))
}

pub fn abs(v: &Value) -> PyResult<Value> {
    match v {
        Value::Int(i) => Ok(match i.checked_abs() {
            Some(n) => Value::Int(n),
            None => int_result(BigInt::from(*i).abs()),
        }),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::BigInt(b) => Ok(int_result(b.abs())),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        Value::Native(_) if crate::complex::is_complex(v) => crate::complex::unary(v, "abs").unwrap_or(Ok(Value::None)),
        _ if let Some(base) = crate::subclass::inherited(v, "__abs__") => abs(base),
        _ => {
            if lookup_special(v, "__abs__").is_some() {
                return call_method(v, "__abs__", vec![], vec![]);
            }
            Err(type_error(format!("bad operand type for abs(): '{}'", type_name(v))))
        }
    }
}

// ---------------------------------------------- containers and indexing

/// Converts an index operand to i64 (`__index__` semantics).
pub fn index_of(v: &Value, _what: &str) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(_) => Err(index_error("cannot fit 'int' into an index-sized integer")),
        Value::Object(_) if lookup_special(v, "__index__").is_some() => {
            let r = call_method(v, "__index__", vec![], vec![])?;
            index_of(&r, _what)
        }
        Value::Object(o) if let Some(base @ (Value::Int(_) | Value::BigInt(_))) = o.base() => index_of(base, _what),
        _ => Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v)))),
    }
}

pub fn len(v: &Value) -> PyResult<usize> {
    match v {
        Value::Str(s) => Ok(s.char_len()),
        Value::List(l) => Ok(l.len()),
        Value::Tuple(t) => Ok(t.len()),
        Value::Dict(d) => Ok(d.len()),
        Value::Set(s) | Value::FrozenSet(s) => Ok(s.len()),
        Value::Native(n) => match n.len() {
            Some(r) => r,
            None => Err(no_len(v)),
        },
        Value::Object(_) | Value::Class(_) if lookup_special(v, "__len__").is_some() => {
            let r = call_method(v, "__len__", vec![], vec![])?;
            match r {
                Value::Int(i) if i >= 0 => Ok(i as usize),
                Value::Int(_) => Err(crate::exc::value_error("__len__() should return >= 0")),
                Value::Bool(b) => Ok(b as usize),
                other => Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(&other)))),
            }
        }
        _ if let Some(base) = crate::subclass::inherited(v, "__len__") => len(base),
        _ => Err(no_len(v)),
    }
}

fn no_len(v: &Value) -> crate::exc::PyErr {
    type_error(format!("object of type '{}' has no len()", type_name(v)))
}

/// Resolves a possibly negative index against `len`.
fn seq_index(i: i64, len: usize, what: &str) -> PyResult<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(index_error(format!("{what} index out of range")));
    }
    Ok(j as usize)
}

pub fn getitem(obj: &Value, key: &Value) -> PyResult<Value> {
    match obj {
        Value::List(l) => {
            if let Some(sl) = downcast::<Slice>(key) {
                let items = l.borrow();
                return Ok(Value::list(sl.select(&items)?));
            }
            let i = seq_key(key, "list")?;
            let items = l.borrow();
            let j = seq_index(i, items.len(), "list")?;
            Ok(items[j].clone())
        }
        Value::Tuple(t) => {
            if let Some(sl) = downcast::<Slice>(key) {
                return Ok(Value::tuple(sl.select(t.items())?));
            }
            let i = seq_key(key, "tuple")?;
            let j = seq_index(i, t.len(), "tuple")?;
            Ok(t.items()[j].clone())
        }
        Value::Str(s) => {
            if let Some(sl) = downcast::<Slice>(key) {
                return crate::methods::str_slice(s, sl);
            }
            let i = seq_key(key, "string")?;
            let j = seq_index(i, s.char_len(), "string")?;
            Ok(Value::str(s.char_at(j)))
        }
        Value::Dict(d) => match d.get(key)? {
            Some(v) => Ok(v),
            None => Err(key_error(key.clone())),
        },
        Value::Native(n) => match n.getitem(obj, key) {
            Some(r) => r,
            None => Err(not_subscriptable(obj)),
        },
        Value::Object(_) if lookup_special(obj, "__getitem__").is_some() => {
            call_method(obj, "__getitem__", vec![key.clone()], vec![])
        }
        Value::Object(o) if let Some(base) = o.base() => inherited_getitem(obj, base, key),
        Value::Class(c) => {
            if c.metaclass.as_ref().is_some_and(|m| m.lookup("__getitem__").is_some()) {
                return call_method(obj, "__getitem__", vec![key.clone()], vec![]);
            }
            if let Some(m) = c.lookup("__class_getitem__") {
                // A class statement makes a def of it a classmethod; the
                // runtime's own (typing.Generic's) take the class first.
                if crate::native::downcast::<crate::classes::ClassMethod>(&m).is_some() {
                    let bound = crate::attr::getattr(obj, "__class_getitem__")?;
                    return crate::call::call(&bound, vec![key.clone()], vec![]);
                }
                return crate::call::call(&m, vec![obj.clone(), key.clone()], vec![]);
            }
            if c.builtin.is_some() {
                // `list[int]` and friends in annotations evaluated at run time.
                return Ok(crate::builtins::generic_alias(obj, key));
            }
            Err(type_error(format!("type '{}' is not subscriptable", c.name())))
        }
        _ => Err(not_subscriptable(obj)),
    }
}

/// `obj[key]` on a subclass of a built-in type without `__getitem__` of its
/// own: the value's item, and for a dict subclass a missing key goes to
/// `__missing__` if the class defines one.
fn inherited_getitem(obj: &Value, base: &Value, key: &Value) -> PyResult<Value> {
    if lookup_special(obj, "__missing__").is_some() {
        if let Value::Dict(d) = base {
            return match d.get(key)? {
                Some(v) => Ok(v),
                None => call_method(obj, "__missing__", vec![key.clone()], vec![]),
            };
        }
        // A defaultdict or Counter subclass's own `__missing__` replaces
        // the collection's.
        if matches!(base, Value::Native(_)) && !contains(base, key)? {
            return call_method(obj, "__missing__", vec![key.clone()], vec![]);
        }
    }
    getitem(base, key)
}

fn seq_key(key: &Value, what: &str) -> PyResult<i64> {
    match key {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(_) => Err(index_error("cannot fit 'int' into an index-sized integer".to_string())),
        Value::Object(_) if lookup_special(key, "__index__").is_some() => index_of(key, what),
        Value::Object(o) if let Some(base @ (Value::Int(_) | Value::BigInt(_))) = o.base() => seq_key(base, what),
        _ => Err(type_error(format!("{what} indices must be integers or slices, not {}", type_name(key)))),
    }
}

fn not_subscriptable(obj: &Value) -> crate::exc::PyErr {
    type_error(format!("'{}' object is not subscriptable", type_name(obj)))
}

pub fn setitem(obj: &Value, key: &Value, value: Value) -> PyResult<()> {
    match obj {
        Value::List(l) => {
            if let Some(sl) = downcast::<Slice>(key) {
                let items = crate::iter::to_vec(&value)?;
                return sl.assign(l, items);
            }
            let i = seq_key(key, "list")?;
            let old = {
                let mut items = l.borrow_mut();
                let j = seq_index(i, items.len(), "list assignment")?;
                std::mem::replace(&mut items[j], value)
            };
            drop(old);
            Ok(())
        }
        Value::Dict(d) => d.set(key.clone(), value),
        Value::Native(n) => match n.setitem(obj, key, value) {
            Some(r) => r,
            None => Err(type_error(format!("'{}' object does not support item assignment", type_name(obj)))),
        },
        Value::Object(_) if lookup_special(obj, "__setitem__").is_some() => {
            call_method(obj, "__setitem__", vec![key.clone(), value], vec![]).map(drop)
        }
        Value::Object(o) if let Some(base) = o.base() => setitem(base, key, value),
        _ => Err(type_error(format!("'{}' object does not support item assignment", type_name(obj)))),
    }
}

/// `obj[key] op= b`. CPython reads the item, applies the in-place operator
/// and stores the result. When `obj` is a dict whose key hashes and
/// compares without running Python code, or a list indexed by an int, and
/// the item and `b` are ints, the item is updated where it lies: one
/// lookup instead of two, and nothing can tell the difference.
#[inline]
pub fn inplace_item(obj: &Value, key: &Value, b: &Value, op: BinOp) -> PyResult<()> {
    if let Value::Int(j) = b {
        let update = |cur: &Value| match cur {
            Value::Int(i) => int_fast(*i, *j, op).map(Value::Int),
            _ => None,
        };
        let done = match (obj, key) {
            (Value::Dict(d), _) => d.update_in_place(key, update),
            (Value::List(l), Value::Int(i)) => {
                let mut items = l.borrow_mut();
                let len = items.len() as i64;
                let k = if *i < 0 { *i + len } else { *i };
                match items.get_mut(usize::try_from(k).unwrap_or(usize::MAX)) {
                    Some(slot) => update(slot).map(|new| *slot = new).is_some(),
                    None => false,
                }
            }
            _ => false,
        };
        if done {
            return Ok(());
        }
    }
    setitem(obj, key, inplace(&getitem(obj, key)?, b, op)?)
}

pub fn delitem(obj: &Value, key: &Value) -> PyResult<()> {
    match obj {
        Value::List(l) => {
            if let Some(sl) = downcast::<Slice>(key) {
                return sl.delete(l);
            }
            let i = seq_key(key, "list")?;
            let old = {
                let mut items = l.borrow_mut();
                let j = seq_index(i, items.len(), "list assignment")?;
                items.remove(j)
            };
            drop(old);
            Ok(())
        }
        Value::Dict(d) => match d.remove(key)? {
            Some(_) => Ok(()),
            None => Err(key_error(key.clone())),
        },
        Value::Native(n) => match n.delitem(obj, key) {
            Some(r) => r,
            None => Err(type_error(format!("'{}' object doesn't support item deletion", type_name(obj)))),
        },
        Value::Object(_) if lookup_special(obj, "__delitem__").is_some() => {
            call_method(obj, "__delitem__", vec![key.clone()], vec![]).map(drop)
        }
        Value::Object(o) if let Some(base) = o.base() => delitem(base, key),
        _ => Err(type_error(format!("'{}' object doesn't support item deletion", type_name(obj)))),
    }
}

/// `item in container`.
pub fn contains(container: &Value, item: &Value) -> PyResult<bool> {
    match container {
        Value::Str(s) => match crate::subclass::plain(item) {
            Value::Str(sub) => Ok(s.contains(sub.as_str())),
            _ => Err(type_error(format!("'in <string>' requires string as left operand, not {}", type_name(item)))),
        },
        Value::List(l) => {
            let n = l.len();
            for i in 0..n {
                let Some(x) = l.get(i) else { break };
                if x.is(item) || eq(&x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Tuple(t) => {
            for x in t.items() {
                if x.is(item) || eq(x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Dict(d) => d.contains(item),
        Value::Set(s) | Value::FrozenSet(s) => s.contains(item),
        Value::Native(n) => match n.contains(item) {
            Some(r) => r,
            None => contains_by_iter(container, item),
        },
        Value::Object(_) if lookup_special(container, "__contains__").is_some() => {
            truthy(&call_method(container, "__contains__", vec![item.clone()], vec![])?)
        }
        Value::Object(o) if let Some(base) = o.base() => contains(base, item),
        _ => contains_by_iter(container, item),
    }
}

fn contains_by_iter(container: &Value, item: &Value) -> PyResult<bool> {
    let mut it = crate::iter::iter(container)
        .map_err(|_| type_error(format!("argument of type '{}' is not iterable", type_name(container))))?;
    while let Some(x) = it.next()? {
        if x.is(item) || eq(&x, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(i: i64) -> Value {
        Value::Int(i)
    }

    fn show(v: PyResult<Value>) -> String {
        match v {
            Ok(v) => crate::fmt::repr(&v).unwrap_or_default(),
            Err(e) => crate::fmt::exception_line(&e),
        }
    }

    #[test]
    fn floor_division_and_modulo_follow_the_divisor_sign() {
        // (a, b, a // b, a % b) as CPython 3.12 computes them.
        let cases =
            [(7, 2, 3, 1), (-7, 2, -4, 1), (7, -2, -4, -1), (-7, -2, 3, -1), (0, 5, 0, 0), (i64::MIN, 1, i64::MIN, 0)];
        for (a, b, q, r) in cases {
            assert_eq!(show(binary(&int(a), &int(b), BinOp::FloorDiv)), q.to_string(), "{a} // {b}");
            assert_eq!(show(binary(&int(a), &int(b), BinOp::Mod)), r.to_string(), "{a} % {b}");
        }
        assert_eq!(
            show(binary(&int(1), &int(0), BinOp::FloorDiv)),
            "ZeroDivisionError: integer division or modulo by zero"
        );
        assert_eq!(show(binary(&int(1), &int(0), BinOp::Mod)), "ZeroDivisionError: integer modulo by zero");
        assert_eq!(show(binary(&int(1), &int(0), BinOp::TrueDiv)), "ZeroDivisionError: division by zero");
    }

    #[test]
    fn machine_ints_promote_to_big_ints_on_overflow() {
        assert_eq!(show(binary(&int(i64::MAX), &int(1), BinOp::Add)), "9223372036854775808");
        assert_eq!(show(binary(&int(i64::MIN), &int(-1), BinOp::FloorDiv)), "9223372036854775808");
        assert_eq!(show(binary(&int(i64::MIN), &int(1), BinOp::Sub)), "-9223372036854775809");
        assert_eq!(show(binary(&int(2), &int(100), BinOp::Pow)), "1267650600228229401496703205376");
        assert_eq!(show(binary(&int(1), &int(70), BinOp::LShift)), "1180591620717411303424");
        assert_eq!(show(binary(&int(-5), &int(100), BinOp::RShift)), "-1");
        assert_eq!(show(neg(&int(i64::MIN))), "9223372036854775808");
        // Results that fit again come back as machine ints.
        let big = binary(&int(i64::MAX), &int(1), BinOp::Add).unwrap_or_default();
        let back = binary(&big, &int(1), BinOp::Sub).unwrap_or_default();
        assert!(matches!(back, Value::Int(i64::MAX)));
    }

    #[test]
    fn mixed_operands_and_errors() {
        assert_eq!(show(binary(&int(1), &Value::Float(0.5), BinOp::Add)), "1.5");
        assert_eq!(show(binary(&int(2), &int(-1), BinOp::Pow)), "0.5");
        assert_eq!(
            show(binary(&int(1), &Value::str("a"), BinOp::Add)),
            "TypeError: unsupported operand type(s) for +: 'int' and 'str'"
        );
        assert_eq!(
            show(binary(&Value::str("a"), &int(1), BinOp::Add)),
            "TypeError: can only concatenate str (not \"int\") to str"
        );
        assert_eq!(show(binary(&Value::str("ab"), &int(3), BinOp::Mul)), "'ababab'");
    }

    #[test]
    fn int_and_float_compare_exactly() {
        let big = Value::from_bigint(num_bigint::BigInt::from(1u64 << 53) + 1);
        let f = Value::Float(9007199254740992.0);
        assert!(compare_bool(&big, &f, CmpOp::Gt).unwrap_or(false));
        assert!(!compare_bool(&big, &f, CmpOp::Eq).unwrap_or(true));
        assert!(compare_bool(&int(1), &Value::Float(1.0), CmpOp::Eq).unwrap_or(false));
        assert!(!compare_bool(&Value::Float(f64::NAN), &Value::Float(f64::NAN), CmpOp::Eq).unwrap_or(true));
    }

    #[test]
    fn containers_print_like_cpython() {
        let l = Value::list(vec![int(1), Value::str("a'b"), Value::None, Value::Bool(true)]);
        assert_eq!(show(Ok(l.clone())), "[1, \"a'b\", None, True]");
        if let Value::List(inner) = &l {
            inner.push(l.clone());
        }
        assert_eq!(show(Ok(l)), "[1, \"a'b\", None, True, [...]]");
        assert_eq!(show(Ok(Value::tuple_of([int(1)]))), "(1,)");
        assert_eq!(show(Ok(Value::tuple_of([]))), "()");
        let d = crate::dict::Dict::new();
        d.set(Value::str("b"), int(1)).unwrap_or(());
        d.set(Value::str("a"), int(2)).unwrap_or(());
        d.set(Value::str("b"), int(3)).unwrap_or(());
        assert_eq!(show(Ok(Value::Dict(Rc::new(d)))), "{'b': 3, 'a': 2}");
    }

    #[test]
    fn dict_keeps_insertion_order_across_delete_and_reinsert() {
        let d = crate::dict::Dict::new();
        for k in ["x", "y", "z"] {
            d.set(Value::str(k), Value::None).unwrap_or(());
        }
        d.remove(&Value::str("x")).unwrap_or(None);
        d.set(Value::str("x"), Value::None).unwrap_or(());
        let keys: Vec<String> = d.keys().iter().map(|k| crate::fmt::str_(k).unwrap_or_default()).collect();
        assert_eq!(keys, ["y", "z", "x"]);
        // 1 and 1.0 and True are the same key.
        d.set(int(1), Value::str("int")).unwrap_or(());
        d.set(Value::Float(1.0), Value::str("float")).unwrap_or(());
        assert_eq!(d.len(), 4);
        assert_eq!(show(d.get(&Value::Bool(true)).map(|v| v.unwrap_or_default())), "'float'");
    }
}
