//! The iteration protocol: `PyIter` walks built-in containers without
//! allocating and falls back to `__iter__`/`__next__` for everything else;
//! the built-in iterator objects (`range`, `enumerate`, `zip`, `map`...).

use std::cell::RefCell;
use std::rc::Rc;

use crate::call::{call, call_method};
use crate::dict::Dict;
use crate::exc::{PyResult, type_error};
use crate::func::Kwargs;
use crate::list::List;
use crate::native::{Native, downcast};
use crate::ops;
use crate::str::PyStr;
use crate::tuple::Tuple;
use crate::types::types;
use crate::value::Value;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DictPart {
    Keys,
    Values,
    Items,
}

/// A live iteration over some iterable.
pub enum PyIter {
    List {
        list: Rc<List>,
        pos: usize,
    },
    Tuple {
        tuple: Rc<Tuple>,
        pos: usize,
    },
    Str {
        s: PyStr,
        byte: usize,
    },
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    Dict {
        dict: Rc<Dict>,
        pos: usize,
        version: u64,
        part: DictPart,
    },
    /// A set's live table, by slot; `len` is its size when iteration began
    /// (usize::MAX once it changed: the error is sticky, as in CPython).
    Set {
        set: Rc<crate::set::Set>,
        pos: usize,
        len: usize,
    },
    /// Values copied out up front (reversed views, containers' snapshots).
    Snapshot(std::vec::IntoIter<Value>),
    /// `__getitem__` with 0, 1, 2... until `IndexError`.
    Sequence {
        obj: Value,
        index: i64,
    },
    /// A Python-level iterator object.
    Object(Value),
    /// A generator, resumed directly (the commonest iterator in pipelines).
    Generator(Rc<Box<dyn crate::native::Native>>),
}

impl PyIter {
    /// An iterator with nothing left: what a loop variable holding an
    /// iterator starts and ends as.
    pub fn empty() -> PyIter {
        PyIter::Range { next: 0, stop: 0, step: 1 }
    }

    /// The next item; iteration can fail, so this is not `Iterator::next`.
    /// Lists and ranges are inlined into generated loops.
    #[allow(clippy::should_implement_trait)]
    #[inline]
    pub fn next(&mut self) -> PyResult<Option<Value>> {
        match self {
            PyIter::List { list, pos } => {
                let item = list.get(*pos);
                *pos += 1;
                Ok(item)
            }
            PyIter::Range { next, stop, step } => {
                if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                    let v = *next;
                    *next = next.saturating_add(*step);
                    Ok(Some(Value::Int(v)))
                } else {
                    Ok(None)
                }
            }
            _ => self.next_general(),
        }
    }

    #[inline(never)]
    fn next_general(&mut self) -> PyResult<Option<Value>> {
        match self {
            // Handled inline by `next`.
            PyIter::List { .. } | PyIter::Range { .. } => self.next(),
            PyIter::Tuple { tuple, pos } => {
                let item = tuple.items().get(*pos).cloned();
                *pos += 1;
                Ok(item)
            }
            PyIter::Str { s, byte } => {
                let Some(c) = s.as_str()[*byte..].chars().next() else {
                    return Ok(None);
                };
                *byte += c.len_utf8();
                Ok(Some(Value::str(c)))
            }
            PyIter::Dict { dict, pos, version, part } => {
                if dict.version() != *version {
                    *pos = usize::MAX;
                    return Err(crate::exc::runtime_error("dictionary changed size during iteration"));
                }
                if *pos == usize::MAX {
                    return Ok(None);
                }
                let Some((next, k, v)) = dict.entry_from(*pos) else {
                    *pos = usize::MAX;
                    return Ok(None);
                };
                *pos = next;
                Ok(Some(match part {
                    DictPart::Keys => k,
                    DictPart::Values => v,
                    DictPart::Items => Value::tuple_of([k, v]),
                }))
            }
            PyIter::Snapshot(it) => Ok(it.next()),
            PyIter::Set { set, pos, len } => {
                if *pos == usize::MAX {
                    return Ok(None);
                }
                if set.len() != *len {
                    *len = usize::MAX;
                    return Err(crate::exc::runtime_error("Set changed size during iteration"));
                }
                match set.entry_from(*pos) {
                    Some((next, v)) => {
                        *pos = next;
                        Ok(Some(v))
                    }
                    None => {
                        *pos = usize::MAX;
                        Ok(None)
                    }
                }
            }
            PyIter::Sequence { obj, index } => match ops::getitem(obj, &Value::Int(*index)) {
                Ok(v) => {
                    *index += 1;
                    Ok(Some(v))
                }
                Err(e) if e.is_instance(&types().index_error) || e.is_instance(&types().stop_iteration) => Ok(None),
                Err(e) => Err(e),
            },
            PyIter::Object(obj) => next_of(obj),
            PyIter::Generator(n) => match crate::generator::as_generator(&***n) {
                Some(g) => g.next_item(),
                None => Ok(None),
            },
        }
    }

    /// Collects the remaining items.
    pub fn collect_vec(mut self) -> PyResult<Vec<Value>> {
        let mut out = Vec::new();
        while let Some(v) = self.next()? {
            out.push(v);
        }
        Ok(out)
    }

    fn type_name(&self) -> &'static str {
        match self {
            PyIter::List { .. } => "list_iterator",
            PyIter::Tuple { .. } => "tuple_iterator",
            PyIter::Str { .. } => "str_ascii_iterator",
            PyIter::Range { .. } => "range_iterator",
            PyIter::Dict { part: DictPart::Keys, .. } => "dict_keyiterator",
            PyIter::Dict { part: DictPart::Values, .. } => "dict_valueiterator",
            PyIter::Dict { part: DictPart::Items, .. } => "dict_itemiterator",
            PyIter::Snapshot(_) | PyIter::Set { .. } => "set_iterator",
            PyIter::Sequence { .. } => "iterator",
            PyIter::Object(_) | PyIter::Generator(_) => "iterator",
        }
    }
}

/// Calls `next()` on an iterator object; `Ok(None)` when it is exhausted.
pub fn next_of(obj: &Value) -> PyResult<Option<Value>> {
    match obj {
        Value::Native(n) => match n.next() {
            Some(r) => r,
            None => Err(type_error(format!("'{}' object is not an iterator", n.type_name()))),
        },
        Value::Object(o) if o.class.lookup("__next__").is_some() => {
            match call_method(obj, "__next__", vec![], vec![]) {
                Ok(v) => Ok(Some(v)),
                Err(e) if e.is_instance(&types().stop_iteration) => Ok(None),
                Err(e) => Err(e),
            }
        }
        other => Err(type_error(format!("'{}' object is not an iterator", ops::type_name(other)))),
    }
}

/// `iter(obj)` as a Rust iteration.
pub fn iter(obj: &Value) -> PyResult<PyIter> {
    Ok(match obj {
        Value::List(l) => PyIter::List { list: l.clone(), pos: 0 },
        Value::Tuple(t) => PyIter::Tuple { tuple: t.clone(), pos: 0 },
        Value::Str(s) => PyIter::Str { s: s.clone(), byte: 0 },
        Value::Dict(d) => PyIter::Dict { dict: d.clone(), pos: 0, version: d.version(), part: DictPart::Keys },
        Value::Set(s) | Value::FrozenSet(s) => PyIter::Set { set: s.clone(), pos: 0, len: s.len() },
        Value::Native(n) => match n.iter(obj) {
            Some(r) => r?,
            None if n.is_iterator() => match crate::generator::as_generator(&***n) {
                Some(_) => PyIter::Generator(n.clone()),
                None => PyIter::Object(obj.clone()),
            },
            None => return Err(not_iterable(obj)),
        },
        Value::Object(o) => {
            if o.class.lookup("__iter__").is_some() {
                let it = call_method(obj, "__iter__", vec![], vec![])?;
                check_iterator(&it)?;
                PyIter::Object(it)
            } else if let Some(base) = o.base() {
                return iter(base);
            } else if o.class.lookup("__getitem__").is_some() {
                PyIter::Sequence { obj: obj.clone(), index: 0 }
            } else {
                return Err(not_iterable(obj));
            }
        }
        Value::Class(c) if c.metaclass.as_ref().is_some_and(|m| m.lookup("__iter__").is_some()) => {
            let it = call_method(obj, "__iter__", vec![], vec![])?;
            PyIter::Object(it)
        }
        _ => return Err(not_iterable(obj)),
    })
}

fn check_iterator(it: &Value) -> PyResult<()> {
    let ok = match it {
        Value::Native(n) => n.is_iterator(),
        Value::Object(o) => o.class.lookup("__next__").is_some(),
        _ => false,
    };
    if ok { Ok(()) } else { Err(type_error(format!("iter() returned non-iterator of type '{}'", ops::type_name(it)))) }
}

pub fn not_iterable(obj: &Value) -> crate::exc::PyErr {
    type_error(format!("'{}' object is not iterable", ops::type_name(obj)))
}

/// `iter(obj)` as a Python value.
pub fn iter_value(obj: &Value) -> PyResult<Value> {
    if let Value::Native(n) = obj
        && n.is_iterator()
    {
        return Ok(obj.clone());
    }
    if let Value::Object(o) = obj
        && o.class.lookup("__iter__").is_some()
    {
        let it = call_method(obj, "__iter__", vec![], vec![])?;
        check_iterator(&it)?;
        return Ok(it);
    }
    Ok(Value::native(IterObj::new(iter(obj)?)))
}

/// Collects any iterable into a vector.
pub fn to_vec(obj: &Value) -> PyResult<Vec<Value>> {
    match obj {
        Value::List(l) => Ok(l.snapshot()),
        Value::Tuple(t) => Ok(t.items().to_vec()),
        _ => iter(obj)?.collect_vec(),
    }
}

/// A `PyIter` exposed to Python code as an iterator object.
pub struct IterObj {
    inner: RefCell<Option<PyIter>>,
    name: &'static str,
}

impl IterObj {
    pub fn new(it: PyIter) -> IterObj {
        IterObj { name: it.type_name(), inner: RefCell::new(Some(it)) }
    }
}

impl Native for IterObj {
    fn is_iterator(&self) -> bool {
        true
    }

    fn type_name(&self) -> &'static str {
        self.name
    }

    fn next(&self) -> Option<PyResult<Option<Value>>> {
        // Take the iterator out while advancing it: advancing may run Python
        // code that touches this very iterator.
        let Some(mut it) = self.inner.borrow_mut().take() else {
            return Some(Ok(None));
        };
        let r = it.next();
        if matches!(r, Ok(Some(_))) {
            *self.inner.borrow_mut() = Some(it);
        }
        Some(r)
    }
}

/// `range(start, stop, step)`.
pub struct Range {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl Range {
    pub fn len(&self) -> usize {
        let (lo, hi, step) = if self.step > 0 {
            (self.start as i128, self.stop as i128, self.step as i128)
        } else {
            (self.stop as i128, self.start as i128, -(self.step as i128))
        };
        if lo >= hi { 0 } else { ((hi - lo - 1) / step + 1) as usize }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn item(&self, i: usize) -> i64 {
        self.start + (i as i64) * self.step
    }
}

impl Native for Range {
    fn type_name(&self) -> &'static str {
        "range"
    }

    fn class(&self) -> Rc<crate::class::Class> {
        crate::native::native_class("range")
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(if self.step == 1 {
            format!("range({}, {})", self.start, self.stop)
        } else {
            format!("range({}, {}, {})", self.start, self.stop, self.step)
        })
    }

    fn iter(&self, _this: &Value) -> Option<PyResult<PyIter>> {
        Some(Ok(PyIter::Range { next: self.start, stop: self.stop, step: self.step }))
    }

    fn len(&self) -> Option<PyResult<usize>> {
        Some(Ok(self.len()))
    }

    fn getitem(&self, _this: &Value, key: &Value) -> Option<PyResult<Value>> {
        Some((|| {
            if let Value::Native(_) = key
                && let Some(sl) = downcast::<crate::slice::Slice>(key)
            {
                let (start, _stop, step, n) = sl.indices(self.len())?;
                let first = self.item(0) + start * self.step;
                let step2 = self.step * step;
                let stop = first + step2 * n as i64;
                return Ok(Value::native(Range { start: first, stop, step: step2 }));
            }
            let i = ops::index_of(key, "range")?;
            let n = self.len() as i64;
            let j = if i < 0 { i + n } else { i };
            if j < 0 || j >= n {
                return Err(crate::exc::index_error("range object index out of range"));
            }
            Ok(Value::Int(self.item(j as usize)))
        })())
    }

    fn contains(&self, item: &Value) -> Option<PyResult<bool>> {
        let Value::Int(x) = *item else {
            return None;
        };
        let inside = if self.step > 0 { x >= self.start && x < self.stop } else { x <= self.start && x > self.stop };
        Some(Ok(inside && (x - self.start) % self.step == 0))
    }

    fn eq(&self, other: &Value) -> Option<bool> {
        let o = downcast::<Range>(other)?;
        let (a, b) = (self.len(), o.len());
        Some(a == b && (a == 0 || (self.start == o.start && (a == 1 || self.step == o.step))))
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        match name {
            "start" => Some(Ok(Value::Int(self.start))),
            "stop" => Some(Ok(Value::Int(self.stop))),
            "step" => Some(Ok(Value::Int(self.step))),
            _ => None,
        }
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "index" | "count")
    }

    fn call_method(&self, _this: &Value, name: &str, args: Vec<Value>, _kw: Kwargs) -> Option<PyResult<Value>> {
        match name {
            "index" => Some((|| {
                let x = args.first().cloned().unwrap_or_default();
                if matches!(self.contains(&x), Some(Ok(true)))
                    && let Value::Int(x) = x
                {
                    return Ok(Value::Int((x - self.start) / self.step));
                }
                Err(crate::exc::value_error(format!("{} is not in range", crate::fmt::repr(&x)?)))
            })()),
            "count" => {
                let x = args.first().cloned().unwrap_or_default();
                Some(Ok(Value::Int(matches!(self.contains(&x), Some(Ok(true))) as i64)))
            }
            _ => None,
        }
    }
}

/// Lazily combines iterators: `enumerate`, `zip`, `map`, `filter`, `reversed`.
pub enum Adapter {
    Enumerate { it: PyIter, count: Value },
    Zip { its: Vec<PyIter>, strict: bool },
    Map { func: Value, its: Vec<PyIter> },
    Filter { func: Value, it: PyIter },
}

pub struct AdapterObj {
    inner: RefCell<Option<Adapter>>,
    name: &'static str,
}

impl AdapterObj {
    pub fn new(a: Adapter) -> Value {
        let name = match &a {
            Adapter::Enumerate { .. } => "enumerate",
            Adapter::Zip { .. } => "zip",
            Adapter::Map { .. } => "map",
            Adapter::Filter { .. } => "filter",
        };
        Value::native(AdapterObj { inner: RefCell::new(Some(a)), name })
    }
}

impl Adapter {
    fn next(&mut self) -> PyResult<Option<Value>> {
        match self {
            Adapter::Enumerate { it, count } => {
                let Some(v) = it.next()? else { return Ok(None) };
                let i = count.clone();
                *count = ops::add(count, &Value::Int(1))?;
                Ok(Some(Value::tuple_of([i, v])))
            }
            Adapter::Zip { its, strict } => {
                let mut items = Vec::with_capacity(its.len());
                for (k, it) in its.iter_mut().enumerate() {
                    match it.next()? {
                        Some(v) => items.push(v),
                        None => {
                            if *strict && let Some(e) = zip_strict_error(k, its) {
                                return Err(e);
                            }
                            return Ok(None);
                        }
                    }
                }
                if its.is_empty() {
                    return Ok(None);
                }
                Ok(Some(Value::tuple(items)))
            }
            Adapter::Map { func, its } => {
                let mut args = Vec::with_capacity(its.len());
                for it in its.iter_mut() {
                    match it.next()? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                call(func, args, vec![]).map(Some)
            }
            Adapter::Filter { func, it } => loop {
                let Some(v) = it.next()? else { return Ok(None) };
                let keep =
                    if func.is_none() { ops::truthy(&v)? } else { ops::truthy(&call(func, vec![v.clone()], vec![])?)? };
                if keep {
                    return Ok(Some(v));
                }
            },
        }
    }
}

/// `zip(strict=True)`'s error when argument `k` ran out first, or `None`
/// when every argument ran out together (the first did, and so do the rest).
fn zip_strict_error(k: usize, its: &mut [PyIter]) -> Option<crate::exc::PyErr> {
    if k > 0 {
        let s = if k == 1 { " " } else { "s 1-" };
        return Some(crate::exc::value_error(format!("zip() argument {} is shorter than argument{s}{}", k + 1, k)));
    }
    for (j, it) in its.iter_mut().enumerate().skip(1) {
        match it.next() {
            Ok(Some(_)) => {
                let s = if j == 1 { " " } else { "s 1-" };
                return Some(crate::exc::value_error(format!(
                    "zip() argument {} is longer than argument{s}{}",
                    j + 1,
                    j
                )));
            }
            Err(e) => return Some(e),
            Ok(None) => {}
        }
    }
    None
}

impl Native for AdapterObj {
    fn is_iterator(&self) -> bool {
        true
    }

    fn type_name(&self) -> &'static str {
        self.name
    }

    fn next(&self) -> Option<PyResult<Option<Value>>> {
        let Some(mut a) = self.inner.borrow_mut().take() else {
            return Some(Ok(None));
        };
        let r = a.next();
        if matches!(r, Ok(Some(_))) {
            *self.inner.borrow_mut() = Some(a);
        }
        Some(r)
    }
}

/// `reversed(seq)`.
pub fn reversed(obj: &Value) -> PyResult<Value> {
    let items = match obj {
        Value::List(l) => l.snapshot(),
        Value::Tuple(t) => t.items().to_vec(),
        Value::Str(_) => to_vec(obj)?,
        Value::Dict(d) => d.keys(),
        Value::Native(n) if downcast::<Range>(obj).is_some() => {
            let r = downcast::<Range>(obj).map(|r| (r.start, r.step, r.len())).unwrap_or((0, 1, 0));
            let _ = n;
            let (start, step, len) = r;
            let last = start + step * (len as i64 - 1);
            return Ok(Value::native(IterObj::new(PyIter::Range { next: last, stop: start - step, step: -step })));
        }
        Value::Native(n) if n.len().is_some() && n.iter(obj).is_some() => {
            let mut items = iter(obj)?.collect_vec()?;
            items.reverse();
            return Ok(Value::native(IterObj::new(PyIter::Snapshot(items.into_iter()))));
        }
        Value::Object(o) if o.class.lookup("__reversed__").is_some() => {
            return call_method(obj, "__reversed__", vec![], vec![]);
        }
        Value::Object(o)
            if let Some(base @ (Value::List(_) | Value::Tuple(_) | Value::Dict(_) | Value::Str(_))) = o.base() =>
        {
            return reversed(base);
        }
        Value::Object(o) if o.class.lookup("__len__").is_some() && o.class.lookup("__getitem__").is_some() => {
            let n = ops::len(obj)?;
            let mut v = Vec::with_capacity(n);
            for i in (0..n).rev() {
                v.push(ops::getitem(obj, &Value::Int(i as i64))?);
            }
            return Ok(Value::native(IterObj::new(PyIter::Snapshot(v.into_iter()))));
        }
        _ => {
            return Err(type_error(format!("'{}' object is not reversible", ops::type_name(obj))));
        }
    };
    let mut items = items;
    items.reverse();
    Ok(Value::native(IterObj::new(PyIter::Snapshot(items.into_iter()))))
}

/// An iterator driven by a closure that produces the next item: generator
/// expressions and the lazy iterators of `itertools`.
/// One step of a closure-driven iterator: `Ok(None)` when exhausted.
type Step = Box<dyn FnMut() -> PyResult<Option<Value>>>;

pub struct GenExpr {
    step: RefCell<Option<Step>>,
    name: &'static str,
}

impl GenExpr {
    #[allow(clippy::new_ret_no_self)]
    pub fn new(step: impl FnMut() -> PyResult<Option<Value>> + 'static) -> Value {
        GenExpr::named("generator", step)
    }

    /// An iterator of Python type `name` (`itertools.count`...).
    pub fn named(name: &'static str, step: impl FnMut() -> PyResult<Option<Value>> + 'static) -> Value {
        Value::native(GenExpr { step: RefCell::new(Some(Box::new(step))), name })
    }
}

impl Native for GenExpr {
    fn is_iterator(&self) -> bool {
        true
    }

    fn type_name(&self) -> &'static str {
        self.name
    }

    fn next(&self) -> Option<PyResult<Option<Value>>> {
        let Ok(mut slot) = self.step.try_borrow_mut() else {
            return Some(Err(crate::exc::value_error("generator already executing")));
        };
        let Some(step) = slot.as_mut() else {
            return Some(Ok(None));
        };
        let r = step();
        if !matches!(r, Ok(Some(_))) {
            // Finished or raised: the generator is exhausted from now on.
            *slot = None;
        }
        Some(r)
    }

    fn repr(&self, this: &Value) -> PyResult<String> {
        if self.name == "generator" {
            return Ok(format!("<generator object <genexpr> at {:#x}>", this.identity()));
        }
        Ok(format!("<itertools.{} object at {:#x}>", self.name, this.identity()))
    }
}
