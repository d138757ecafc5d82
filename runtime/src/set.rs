//! `set` and `frozenset`. Iteration order follows CPython's hash table
//! (see `set_table`), so sets of ints print as CPython prints them.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyResult, key_error, type_error};
use crate::func::Kwargs;
use crate::ops::{BinOp, CmpOp, type_name};
use crate::value::Value;

pub struct Set {
    table: RefCell<Dict>,
}

impl Set {
    pub fn new() -> Set {
        Set { table: RefCell::new(Dict::new()) }
    }

    pub fn len(&self) -> usize {
        self.table.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn items(&self) -> Vec<Value> {
        self.table.borrow().keys()
    }

    pub fn contains(&self, v: &Value) -> PyResult<bool> {
        let t = self.table.borrow();
        t.contains(v)
    }

    pub fn add(&self, v: Value) -> PyResult<()> {
        let t = self.table.borrow();
        if t.contains(&v)? {
            return Ok(());
        }
        t.set(v, Value::None)
    }

    pub fn discard(&self, v: &Value) -> PyResult<bool> {
        let t = self.table.borrow();
        Ok(t.remove(v)?.is_some())
    }

    pub fn clear(&self) {
        self.table.borrow().clear();
    }

    fn pop(&self) -> Option<Value> {
        let t = self.table.borrow();
        let first = t.keys().into_iter().next()?;
        let _ = t.remove(&first);
        Some(first)
    }
}

impl Default for Set {
    fn default() -> Self {
        Set::new()
    }
}

fn build(items: Vec<Value>, frozen: bool) -> PyResult<Value> {
    let s = Set::new();
    for v in items {
        s.add(v)?;
    }
    Ok(if frozen { Value::FrozenSet(Rc::new(s)) } else { Value::Set(Rc::new(s)) })
}

/// `{a, b, c}` and set comprehensions.
pub fn from_values(items: Vec<Value>) -> PyResult<Value> {
    build(items, false)
}

/// `set(iterable)` / `frozenset(iterable)`.
pub fn from_iterable(v: &Value, frozen: bool) -> PyResult<Value> {
    build(crate::iter::to_vec(v)?, frozen)
}

fn as_set(v: &Value) -> Option<&Rc<Set>> {
    match v {
        Value::Set(s) | Value::FrozenSet(s) => Some(s),
        _ => None,
    }
}

fn same_kind(recv: &Value, items: Vec<Value>) -> PyResult<Value> {
    build(items, matches!(recv, Value::FrozenSet(_)))
}

fn union(a: &Set, b: &[Value]) -> PyResult<Vec<Value>> {
    let out = Set::new();
    for v in a.items() {
        out.add(v)?;
    }
    for v in b {
        out.add(v.clone())?;
    }
    Ok(out.items())
}

fn intersection(a: &Set, b: &Set) -> PyResult<Vec<Value>> {
    let mut out = Vec::new();
    for v in a.items() {
        if b.contains(&v)? {
            out.push(v);
        }
    }
    Ok(out)
}

fn difference(a: &Set, b: &Set) -> PyResult<Vec<Value>> {
    let mut out = Vec::new();
    for v in a.items() {
        if !b.contains(&v)? {
            out.push(v);
        }
    }
    Ok(out)
}

fn symmetric(a: &Set, b: &Set) -> PyResult<Vec<Value>> {
    let mut out = difference(a, b)?;
    out.extend(difference(b, a)?);
    Ok(out)
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` on two sets.
pub fn binary(a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (as_set(a), as_set(b)) else {
        return Ok(None);
    };
    let items = match op {
        BinOp::Or => union(x, &y.items())?,
        BinOp::And => intersection(x, y)?,
        BinOp::Sub => difference(x, y)?,
        BinOp::Xor => symmetric(x, y)?,
        _ => return Ok(None),
    };
    same_kind(a, items).map(Some)
}

/// `a |= b` and friends: mutate `a` in place.
pub fn inplace(a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (as_set(a), as_set(b)) else {
        return Ok(None);
    };
    let items = match op {
        BinOp::Or => union(x, &y.items())?,
        BinOp::And => intersection(x, y)?,
        BinOp::Sub => difference(x, y)?,
        BinOp::Xor => symmetric(x, y)?,
        _ => return Ok(None),
    };
    x.clear();
    for v in items {
        x.add(v)?;
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
        "copy" => same_kind(recv, s.items())?,
        "union" | "intersection" | "difference" | "symmetric_difference" => {
            let mut acc = s.items();
            for a in &args {
                let o = other_set(a)?;
                let cur = Set::new();
                for v in acc {
                    cur.add(v)?;
                }
                acc = match name {
                    "union" => union(&cur, &o.items())?,
                    "intersection" => intersection(&cur, &o)?,
                    "difference" => difference(&cur, &o)?,
                    _ => symmetric(&cur, &o)?,
                };
            }
            same_kind(recv, acc)?
        }
        "update" | "intersection_update" | "difference_update" | "symmetric_difference_update" => {
            for a in &args {
                let o = other_set(a)?;
                let op = match name {
                    "update" => BinOp::Or,
                    "intersection_update" => BinOp::And,
                    "difference_update" => BinOp::Sub,
                    _ => BinOp::Xor,
                };
                inplace(recv, &Value::Set(o), op)?;
            }
            Value::None
        }
        "issubset" => Value::Bool(compare(s, &*other_set(&arg0()?)?, CmpOp::Le)?),
        "issuperset" => Value::Bool(compare(s, &*other_set(&arg0()?)?, CmpOp::Ge)?),
        "isdisjoint" => Value::Bool(intersection(s, &*other_set(&arg0()?)?)?.is_empty()),
        "__len__" => Value::Int(s.len() as i64),
        "__contains__" => Value::Bool(s.contains(&arg0()?)?),
        _ => {
            let _ = type_name(recv);
            return Ok(None);
        }
    }))
}
