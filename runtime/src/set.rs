//! `set` and `frozenset`. Iteration order follows CPython's hash table
//! (see `set_table`), so sets of ints print as CPython prints them.

use std::cell::RefCell;
use std::rc::Rc;

use crate::exc::{PyResult, key_error, type_error};
use crate::func::Kwargs;
use crate::ops::{BinOp, CmpOp, type_name};
use crate::set_table::SetTable;
use crate::value::Value;

pub struct Set {
    table: RefCell<SetTable>,
}

impl Set {
    pub fn new() -> Set {
        Set { table: RefCell::new(SetTable::new()) }
    }

    pub fn len(&self) -> usize {
        self.table.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Elements in CPython's iteration order.
    pub fn items(&self) -> Vec<Value> {
        self.table.borrow().keys()
    }

    /// The element at slot `pos` of the table or after, and the slot to
    /// go on from.
    pub fn entry_from(&self, pos: usize) -> Option<(usize, Value)> {
        self.table.borrow().entry_from(pos)
    }

    fn entries(&self) -> Vec<(i64, Value)> {
        self.table.borrow().entries()
    }

    pub fn contains(&self, v: &Value) -> PyResult<bool> {
        let h = crate::ops::hash(v)?;
        self.table.borrow().contains(h, v)
    }

    pub fn add(&self, v: Value) -> PyResult<()> {
        let h = crate::ops::hash(&v)?;
        self.table.borrow_mut().insert(h, v).map(drop)
    }

    pub fn discard(&self, v: &Value) -> PyResult<bool> {
        let h = crate::ops::hash(v)?;
        self.table.borrow_mut().discard(h, v)
    }

    pub fn clear(&self) {
        let old = std::mem::take(&mut *self.table.borrow_mut());
        drop(old);
    }

    fn pop(&self) -> Option<Value> {
        self.table.borrow_mut().pop()
    }

    /// `set_update_internal`: adds everything of `other`.
    fn update(&self, other: &Value) -> PyResult<()> {
        match other {
            Value::Set(o) | Value::FrozenSet(o) => {
                if std::ptr::eq(self, &**o) {
                    return Ok(());
                }
                let t = o.table.borrow().clone();
                self.table.borrow_mut().merge(&t)
            }
            Value::Dict(d) => {
                for k in d.keys() {
                    self.add(k)?;
                }
                Ok(())
            }
            _ => {
                let mut it = crate::iter::iter(other)?;
                while let Some(v) = it.next()? {
                    self.add(v)?;
                }
                Ok(())
            }
        }
    }

    fn copy(&self) -> Set {
        let s = Set::new();
        let t = self.table.borrow().clone();
        let _ = s.table.borrow_mut().merge(&t);
        s
    }
}

impl Default for Set {
    fn default() -> Self {
        Set::new()
    }
}

fn wrap(s: Set, frozen: bool) -> Value {
    if frozen { Value::FrozenSet(Rc::new(s)) } else { Value::Set(Rc::new(s)) }
}

/// `{a, b, c}` and set comprehensions.
pub fn from_values(items: Vec<Value>) -> PyResult<Value> {
    let s = Set::new();
    for v in items {
        s.add(v)?;
    }
    Ok(wrap(s, false))
}

/// `set(iterable)` / `frozenset(iterable)`.
pub fn from_iterable(v: &Value, frozen: bool) -> PyResult<Value> {
    let s = Set::new();
    s.update(v)?;
    Ok(wrap(s, frozen))
}

fn as_set(v: &Value) -> Option<&Rc<Set>> {
    match v {
        Value::Set(s) | Value::FrozenSet(s) => Some(s),
        _ => None,
    }
}

fn is_frozen(v: &Value) -> bool {
    matches!(v, Value::FrozenSet(_))
}

/// `a | b`: a copy of `a` updated with `b`.
fn union(a: &Set, b: &Value) -> PyResult<Set> {
    let r = a.copy();
    r.update(b)?;
    Ok(r)
}

/// `set_intersection`: iterates the smaller operand.
fn intersection(a: &Rc<Set>, b: &Value) -> PyResult<Set> {
    let r = Set::new();
    if let Some(bs) = as_set(b) {
        if Rc::ptr_eq(a, bs) {
            return Ok(a.copy());
        }
        let (big, small) = if bs.len() > a.len() { (bs, a) } else { (a, bs) };
        for (h, k) in small.entries() {
            if big.table.borrow().contains(h, &k)? {
                r.table.borrow_mut().insert(h, k)?;
            }
        }
        return Ok(r);
    }
    let mut it = crate::iter::iter(b)?;
    while let Some(k) = it.next()? {
        let h = crate::ops::hash(&k)?;
        if a.table.borrow().contains(h, &k)? {
            r.table.borrow_mut().insert(h, k)?;
        }
    }
    Ok(r)
}

/// `set_difference_update_internal`.
fn difference_update(a: &Set, b: &Value) -> PyResult<()> {
    if let Some(bs) = as_set(b) {
        if std::ptr::eq(a, &**bs) {
            a.clear();
            return Ok(());
        }
        for (h, k) in bs.entries() {
            a.table.borrow_mut().discard(h, &k)?;
        }
        return Ok(());
    }
    let mut it = crate::iter::iter(b)?;
    while let Some(k) = it.next()? {
        a.discard(&k)?;
    }
    Ok(())
}

/// `set_difference`.
fn difference(a: &Set, b: &Value) -> PyResult<Set> {
    let other_size = match b {
        Value::Set(s) | Value::FrozenSet(s) => s.len(),
        Value::Dict(d) => d.len(),
        _ => {
            let r = a.copy();
            difference_update(&r, b)?;
            return Ok(r);
        }
    };
    if (a.len() >> 2) > other_size {
        let r = a.copy();
        difference_update(&r, b)?;
        return Ok(r);
    }
    let r = Set::new();
    for (h, k) in a.entries() {
        let inside = match b {
            Value::Dict(d) => d.contains(&k)?,
            other => as_set(other).map(|s| s.table.borrow().contains(h, &k)).transpose()?.unwrap_or(false),
        };
        if !inside {
            r.table.borrow_mut().insert(h, k)?;
        }
    }
    Ok(r)
}

/// `set_symmetric_difference_update`.
fn symmetric_update(a: &Set, b: &Value) -> PyResult<()> {
    let other = match as_set(b) {
        Some(s) => s.clone(),
        None => match from_iterable(b, false)? {
            Value::Set(s) => s,
            _ => return Ok(()),
        },
    };
    if std::ptr::eq(a, &*other) {
        a.clear();
        return Ok(());
    }
    for (h, k) in other.entries() {
        if !a.table.borrow_mut().discard(h, &k)? {
            a.table.borrow_mut().insert(h, k)?;
        }
    }
    Ok(())
}

/// `set_symmetric_difference`: a copy of `b` updated with `a`.
fn symmetric(a: &Rc<Set>, b: &Value) -> PyResult<Set> {
    let r = Set::new();
    r.update(b)?;
    symmetric_update(&r, &Value::Set(a.clone()))?;
    Ok(r)
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` on two sets.
pub fn binary(a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    let (Some(x), Some(_)) = (as_set(a), as_set(b)) else { return Ok(None) };
    let r = match op {
        BinOp::Or => union(x, b)?,
        BinOp::And => intersection(x, b)?,
        BinOp::Sub => difference(x, b)?,
        BinOp::Xor => symmetric(x, b)?,
        _ => return Ok(None),
    };
    Ok(Some(wrap(r, is_frozen(a))))
}

/// `a |= b` and friends: mutate `a` in place.
pub fn inplace(a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    let (Some(x), Some(_)) = (as_set(a), as_set(b)) else { return Ok(None) };
    match op {
        BinOp::Or => x.update(b)?,
        BinOp::And => {
            let r = intersection(x, b)?;
            let t = r.table.into_inner();
            *x.table.borrow_mut() = t;
        }
        BinOp::Sub => difference_update(x, b)?,
        BinOp::Xor => symmetric_update(x, b)?,
        _ => return Ok(None),
    }
    Ok(Some(a.clone()))
}

/// Set comparisons (subset/superset/equality).
pub fn compare(x: &Set, y: &Set, op: CmpOp) -> PyResult<bool> {
    let subset = |a: &Set, b: &Set| -> PyResult<bool> {
        for v in a.items() {
            if !b.contains(&v)? {
                return Ok(false);
            }
        }
        Ok(true)
    };
    Ok(match op {
        CmpOp::Eq => x.len() == y.len() && subset(x, y)?,
        CmpOp::Ne => !(x.len() == y.len() && subset(x, y)?),
        CmpOp::Le => subset(x, y)?,
        CmpOp::Lt => x.len() < y.len() && subset(x, y)?,
        CmpOp::Ge => subset(y, x)?,
        CmpOp::Gt => x.len() > y.len() && subset(y, x)?,
    })
}

fn other_set(v: &Value) -> PyResult<Rc<Set>> {
    match v {
        Value::Set(s) | Value::FrozenSet(s) => Ok(s.clone()),
        other => match from_iterable(other, false)? {
            Value::Set(s) => Ok(s),
            _ => Err(type_error("internal: set expected")),
        },
    }
}

/// Methods of `set` and `frozenset`.
pub fn method(recv: &Value, name: &str, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Option<Value>> {
    let Some(s) = as_set(recv) else {
        return Ok(None);
    };
    if !kwargs.is_empty() {
        return Err(type_error(format!("{name}() takes no keyword arguments")));
    }
    let arg0 =
        || args.first().cloned().ok_or_else(|| type_error(format!("{name}() takes exactly one argument (0 given)")));
    Ok(Some(match name {
        "add" => {
            s.add(arg0()?)?;
            Value::None
        }
        "discard" => {
            s.discard(&arg0()?)?;
            Value::None
        }
        "remove" => {
            let v = arg0()?;
            if !s.discard(&v)? {
                return Err(key_error(v));
            }
            Value::None
        }
        "pop" => match s.pop() {
            Some(v) => v,
            None => return Err(key_error(Value::str("pop from an empty set"))),
        },
        "clear" => {
            s.clear();
            Value::None
        }
        "copy" => wrap(s.copy(), is_frozen(recv)),
        "union" => {
            let r = s.copy();
            for a in &args {
                r.update(a)?;
            }
            wrap(r, is_frozen(recv))
        }
        "intersection" => {
            let mut r = Rc::new(s.copy());
            for a in &args {
                r = Rc::new(intersection(&r, a)?);
            }
            wrap(Rc::try_unwrap(r).unwrap_or_else(|rc| rc.copy()), is_frozen(recv))
        }
        "difference" => {
            let r = match args.first() {
                Some(first) => difference(s, first)?,
                None => s.copy(),
            };
            for a in args.iter().skip(1) {
                difference_update(&r, a)?;
            }
            wrap(r, is_frozen(recv))
        }
        "symmetric_difference" => wrap(symmetric(s, &arg0()?)?, is_frozen(recv)),
        "update" => {
            for a in &args {
                s.update(a)?;
            }
            Value::None
        }
        "intersection_update" => {
            for a in &args {
                let r = intersection(s, a)?;
                *s.table.borrow_mut() = r.table.into_inner();
            }
            Value::None
        }
        "difference_update" => {
            for a in &args {
                difference_update(s, a)?;
            }
            Value::None
        }
        "symmetric_difference_update" => {
            symmetric_update(s, &arg0()?)?;
            Value::None
        }
        "issubset" => Value::Bool(compare(s, &*other_set(&arg0()?)?, CmpOp::Le)?),
        "issuperset" => Value::Bool(compare(s, &*other_set(&arg0()?)?, CmpOp::Ge)?),
        "isdisjoint" => Value::Bool(intersection(s, &Value::Set(other_set(&arg0()?)?))?.is_empty()),
        "__len__" => Value::Int(s.len() as i64),
        "__contains__" => Value::Bool(s.contains(&arg0()?)?),
        _ => {
            let _ = type_name(recv);
            return Ok(None);
        }
    }))
}

/// A set display whose elements are all constants (`{1, 2, 3}`): CPython
/// builds a frozenset constant and merges it into an empty set, which
/// can lay the table out differently from adding one by one.
pub fn from_constants(items: Vec<Value>) -> PyResult<Value> {
    let s = Set::new();
    let t = folded(items)?.table.borrow().clone();
    s.table.borrow_mut().merge(&t)?;
    Ok(wrap(s, false))
}

/// The frozenset constant CPython makes of a set display of constants that
/// a `for` loop or a comprehension iterates over.
pub fn folded_frozenset(items: Vec<Value>) -> PyResult<Value> {
    Ok(wrap(folded(items)?, true))
}

/// A frozenset constant as CPython's compiler leaves it: made from the
/// items in source order, then made again from its own order as the
/// compiler merges equal constants (`merge_consts_recursive`), which can
/// place the items differently.
fn folded(items: Vec<Value>) -> PyResult<Set> {
    let first = Set::new();
    for v in items {
        first.add(v)?;
    }
    let again = Set::new();
    for v in first.table.borrow().keys() {
        again.add(v)?;
    }
    Ok(again)
}
