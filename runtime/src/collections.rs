//! The `collections` module: `deque`, `Counter`, `defaultdict`,
//! `OrderedDict` and `namedtuple`. The dict-like ones wrap a `Dict` and
//! report `dict` as their base class, so `isinstance(x, dict)` holds.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use crate::call::call;
use crate::class::Class;
use crate::dict::Dict;
use crate::exc::{PyResult, index_error, key_error, type_error};
use crate::func::{BuiltinFunction, Kwargs};
use crate::gil::Lazy;
use crate::iter::{PyIter, to_vec};
use crate::native::{Native, downcast};
use crate::ops;
use crate::types::{BuiltinInfo, types};
use crate::value::Value;

// ------------------------------------------------------------------- deque

pub struct Deque {
    items: RefCell<VecDeque<Value>>,
    maxlen: Option<usize>,
}

impl Deque {
    fn push_back(&self, v: Value) {
        let mut d = self.items.borrow_mut();
        if self.maxlen == Some(0) {
            return;
        }
        if self.maxlen.is_some_and(|m| d.len() >= m) {
            d.pop_front();
        }
        d.push_back(v);
    }

    fn push_front(&self, v: Value) {
        let mut d = self.items.borrow_mut();
        if self.maxlen == Some(0) {
            return;
        }
        if self.maxlen.is_some_and(|m| d.len() >= m) {
            d.pop_back();
        }
        d.push_front(v);
    }
}

fn deque_new(args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    let mut it = args.into_iter();
    let src = it.next();
    let mut maxlen = it.next();
    if let Some(i) = kwargs.iter().position(|(k, _)| k.as_str() == "maxlen") {
        maxlen = Some(kwargs.remove(i).1);
    }
    let maxlen = match maxlen {
        None | Some(Value::None) => None,
        Some(v) => {
            let n = ops::index_of(&v, "maxlen")?;
            if n < 0 {
                return Err(crate::exc::value_error("maxlen must be non-negative"));
            }
            Some(n as usize)
        }
    };
    let d = Deque { items: RefCell::new(VecDeque::new()), maxlen };
    if let Some(s) = src {
        for v in to_vec(&s)? {
            d.push_back(v);
        }
    }
    Ok(Value::native(d))
}

impl Native for Deque {
    fn type_name(&self) -> &'static str {
        "collections.deque"
    }

    fn class(&self) -> Rc<Class> {
        CLASSES.get().deque.clone()
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        match name {
            "maxlen" => Some(Ok(self.maxlen.map_or(Value::None, |m| Value::Int(m as i64)))),
            _ => None,
        }
    }

    fn repr(&self, this: &Value) -> PyResult<String> {
        let items: Vec<Value> = self.items.borrow().iter().cloned().collect();
        let inner = crate::fmt::repr(&Value::list(items))?;
        let _ = this;
        Ok(match self.maxlen {
            Some(m) => format!("deque({inner}, maxlen={m})"),
            None => format!("deque({inner})"),
        })
    }

    fn iter(&self, _this: &Value) -> Option<PyResult<PyIter>> {
        let items: Vec<Value> = self.items.borrow().iter().cloned().collect();
        Some(Ok(PyIter::Snapshot(items.into_iter())))
    }

    fn len(&self) -> Option<PyResult<usize>> {
        Some(Ok(self.items.borrow().len()))
    }

    fn getitem(&self, _this: &Value, key: &Value) -> Option<PyResult<Value>> {
        Some((|| {
            let i = ops::index_of(key, "deque")?;
            let d = self.items.borrow();
            let j = if i < 0 { i + d.len() as i64 } else { i };
            if j < 0 || j >= d.len() as i64 {
                return Err(index_error("deque index out of range"));
            }
            Ok(d[j as usize].clone())
        })())
    }

    fn setitem(&self, _this: &Value, key: &Value, value: Value) -> Option<PyResult<()>> {
        Some((|| {
            let i = ops::index_of(key, "deque")?;
            let mut d = self.items.borrow_mut();
            let j = if i < 0 { i + d.len() as i64 } else { i };
            if j < 0 || j >= d.len() as i64 {
                return Err(index_error("deque index out of range"));
            }
            d[j as usize] = value;
            Ok(())
        })())
    }

    fn contains(&self, item: &Value) -> Option<PyResult<bool>> {
        let items: Vec<Value> = self.items.borrow().iter().cloned().collect();
        Some((|| {
            for x in items {
                if x.is(item) || ops::eq(&x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        })())
    }

    fn eq(&self, other: &Value) -> Option<bool> {
        let o = downcast::<Deque>(other)?;
        let a: Vec<Value> = self.items.borrow().iter().cloned().collect();
        let b: Vec<Value> = o.items.borrow().iter().cloned().collect();
        ops::seq_compare(&a, &b, ops::CmpOp::Eq).ok()
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(
            name,
            "append"
                | "appendleft"
                | "pop"
                | "popleft"
                | "extend"
                | "extendleft"
                | "clear"
                | "rotate"
                | "count"
                | "index"
                | "remove"
                | "reverse"
                | "copy"
        )
    }

    fn call_method(&self, _this: &Value, name: &str, args: Vec<Value>, _kw: Kwargs) -> Option<PyResult<Value>> {
        let arg = args.first().cloned().unwrap_or_default();
        Some(match name {
            "append" => {
                self.push_back(arg);
                Ok(Value::None)
            }
            "appendleft" => {
                self.push_front(arg);
                Ok(Value::None)
            }
            "pop" => self.items.borrow_mut().pop_back().ok_or_else(|| index_error("pop from an empty deque")),
            "popleft" => self.items.borrow_mut().pop_front().ok_or_else(|| index_error("pop from an empty deque")),
            "extend" => to_vec(&arg).map(|vs| {
                for v in vs {
                    self.push_back(v);
                }
                Value::None
            }),
            "extendleft" => to_vec(&arg).map(|vs| {
                for v in vs {
                    self.push_front(v);
                }
                Value::None
            }),
            "clear" => {
                self.items.borrow_mut().clear();
                Ok(Value::None)
            }
            "rotate" => (|| {
                let n = if args.is_empty() { 1 } else { ops::index_of(&arg, "rotate")? };
                let mut d = self.items.borrow_mut();
                let len = d.len() as i64;
                if len > 0 {
                    let k = n.rem_euclid(len) as usize;
                    d.rotate_right(k);
                }
                Ok(Value::None)
            })(),
            "count" => (|| {
                let items: Vec<Value> = self.items.borrow().iter().cloned().collect();
                let mut c = 0;
                for x in items {
                    if ops::eq(&x, &arg)? {
                        c += 1;
                    }
                }
                Ok(Value::Int(c))
            })(),
            "index" => (|| {
                let items: Vec<Value> = self.items.borrow().iter().cloned().collect();
                for (i, x) in items.iter().enumerate() {
                    if ops::eq(x, &arg)? {
                        return Ok(Value::Int(i as i64));
                    }
                }
                Err(crate::exc::value_error(format!("{} is not in deque", crate::fmt::repr(&arg)?)))
            })(),
            "remove" => (|| {
                let items: Vec<Value> = self.items.borrow().iter().cloned().collect();
                for (i, x) in items.iter().enumerate() {
                    if ops::eq(x, &arg)? {
                        self.items.borrow_mut().remove(i);
                        return Ok(Value::None);
                    }
                }
                Err(crate::exc::value_error(format!("{} is not in deque", crate::fmt::repr(&arg)?)))
            })(),
            "reverse" => {
                let mut d = self.items.borrow_mut();
                let v: Vec<Value> = d.drain(..).rev().collect();
                d.extend(v);
                Ok(Value::None)
            }
            "copy" => {
                Ok(Value::native(Deque { items: RefCell::new(self.items.borrow().clone()), maxlen: self.maxlen }))
            }
            _ => return None,
        })
    }
}

// ------------------------------------------------------- dict-like classes

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Counter,
    DefaultDict,
    OrderedDict,
}

pub struct DictLike {
    kind: Kind,
    dict: Rc<Dict>,
    factory: Value,
}

struct Classes {
    counter: Rc<Class>,
    defaultdict: Rc<Class>,
    ordered: Rc<Class>,
    deque: Rc<Class>,
}

/// How calling each class builds its instance.
static COUNTER_NEW: BuiltinInfo = BuiltinInfo { new: |_, a, k| counter(a, k) };
static DEFAULTDICT_NEW: BuiltinInfo = BuiltinInfo { new: |_, a, k| defaultdict(a, k) };
static ORDERED_NEW: BuiltinInfo = BuiltinInfo { new: |_, a, k| ordered_dict(a, k) };
static DEQUE_NEW: BuiltinInfo = BuiltinInfo { new: |_, a, k| deque_new(a, k) };

// The classes `collections` exports, which `type()` of an instance returns.
static CLASSES: Lazy<Classes> = Lazy::new(|| {
    let dict = types().dict.clone();
    let mk = |name: &str, info| crate::types::new_class_with(name, "collections", std::slice::from_ref(&dict), info);
    let object = types().object.clone();
    Classes {
        counter: mk("Counter", &COUNTER_NEW),
        defaultdict: mk("defaultdict", &DEFAULTDICT_NEW),
        ordered: mk("OrderedDict", &ORDERED_NEW),
        deque: crate::types::new_class_with("deque", "collections", &[object], &DEQUE_NEW),
    }
});

impl DictLike {
    fn me(&self) -> Value {
        Value::Dict(self.dict.clone())
    }

    fn count_in(&self, src: &Value, sign: i64) -> PyResult<()> {
        let add = |k: Value, n: Value| -> PyResult<()> {
            let cur = self.dict.get(&k)?.unwrap_or(Value::Int(0));
            let n = if sign < 0 { ops::neg(&n)? } else { n };
            self.dict.set(k, ops::add(&cur, &n)?)
        };
        match src {
            Value::Dict(d) => d.items().into_iter().try_for_each(|(k, v)| add(k, v)),
            Value::Native(_) if downcast::<DictLike>(src).is_some() => {
                let other = downcast::<DictLike>(src).map(|o| o.dict.items()).unwrap_or_default();
                other.into_iter().try_for_each(|(k, v)| add(k, v))
            }
            other => to_vec(other)?.into_iter().try_for_each(|k| add(k, Value::Int(1))),
        }
    }

    /// Counter items by descending count (stable for ties).
    fn most_common(&self) -> PyResult<Vec<Value>> {
        let items: Vec<Value> = self.dict.items().into_iter().map(|(k, v)| Value::tuple_of([k, v])).collect();
        let key = Value::native(BuiltinFunction { name: "count", f: |a, _| ops::getitem(&a[0], &Value::Int(1)) });
        crate::methods::sort_values(items, &key, true).map_err(|(e, _)| e)
    }
}

impl Native for DictLike {
    fn type_name(&self) -> &'static str {
        match self.kind {
            Kind::Counter => "Counter",
            Kind::DefaultDict => "defaultdict",
            Kind::OrderedDict => "OrderedDict",
        }
    }

    fn class(&self) -> Rc<Class> {
        let c = CLASSES.get();
        match self.kind {
            Kind::Counter => c.counter.clone(),
            Kind::DefaultDict => c.defaultdict.clone(),
            Kind::OrderedDict => c.ordered.clone(),
        }
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(match self.kind {
            Kind::Counter if self.dict.is_empty() => "Counter()".into(),
            Kind::Counter => {
                let d = Dict::from_pairs(self.most_common()?.iter().map(|t| {
                    let v = to_vec(t).unwrap_or_default();
                    (v[0].clone(), v[1].clone())
                }))?;
                format!("Counter({})", crate::fmt::repr(&Value::Dict(Rc::new(d)))?)
            }
            Kind::DefaultDict => {
                format!("defaultdict({}, {})", crate::fmt::repr(&self.factory)?, crate::fmt::repr(&self.me())?)
            }
            Kind::OrderedDict if self.dict.is_empty() => "OrderedDict()".into(),
            Kind::OrderedDict => format!("OrderedDict({})", crate::fmt::repr(&self.me())?),
        })
    }

    fn iter(&self, _this: &Value) -> Option<PyResult<PyIter>> {
        Some(crate::iter::iter(&self.me()))
    }

    fn len(&self) -> Option<PyResult<usize>> {
        Some(Ok(self.dict.len()))
    }

    fn getitem(&self, _this: &Value, key: &Value) -> Option<PyResult<Value>> {
        Some((|| {
            if let Some(v) = self.dict.get(key)? {
                return Ok(v);
            }
            match self.kind {
                Kind::Counter => Ok(Value::Int(0)),
                Kind::DefaultDict if !self.factory.is_none() => {
                    let v = call(&self.factory, vec![], vec![])?;
                    self.dict.set(key.clone(), v.clone())?;
                    Ok(v)
                }
                _ => Err(key_error(key.clone())),
            }
        })())
    }

    fn setitem(&self, _this: &Value, key: &Value, value: Value) -> Option<PyResult<()>> {
        Some(self.dict.set(key.clone(), value))
    }

    fn delitem(&self, _this: &Value, key: &Value) -> Option<PyResult<()>> {
        Some(ops::delitem(&self.me(), key))
    }

    fn contains(&self, item: &Value) -> Option<PyResult<bool>> {
        Some(self.dict.contains(item))
    }

    fn eq(&self, other: &Value) -> Option<bool> {
        let o = match other {
            Value::Dict(d) => Value::Dict(d.clone()),
            Value::Native(_) => Value::Dict(downcast::<DictLike>(other)?.dict.clone()),
            _ => return Some(false),
        };
        let equal = ops::eq(&self.me(), &o).ok()?;
        // Two OrderedDicts are equal only with their keys in the same order.
        match downcast::<DictLike>(other) {
            Some(d) if equal && self.kind == Kind::OrderedDict && d.kind == Kind::OrderedDict => {
                let (mine, theirs) = (self.dict.keys(), d.dict.keys());
                mine.iter().zip(&theirs).try_fold(true, |all, (a, b)| Some(all && ops::eq(a, b).ok()?))
            }
            _ => Some(equal),
        }
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        match (self.kind, name) {
            (Kind::DefaultDict, "default_factory") => Some(Ok(self.factory.clone())),
            _ => None,
        }
    }

    fn has_method(&self, name: &str) -> bool {
        crate::methods::has_builtin_method(&Value::Dict(Rc::new(Dict::new())), name)
            || matches!(
                (self.kind, name),
                (Kind::Counter, "most_common" | "elements" | "subtract" | "total") | (Kind::OrderedDict, "move_to_end")
            )
    }

    fn call_method(&self, this: &Value, name: &str, args: Vec<Value>, kw: Kwargs) -> Option<PyResult<Value>> {
        let arg = args.first().cloned();
        let r = match (self.kind, name) {
            (Kind::Counter, "most_common") => (|| {
                let all = self.most_common()?;
                Ok(Value::list(match &arg {
                    None | Some(Value::None) => all,
                    Some(n) => all.into_iter().take(ops::index_of(n, "n")?.max(0) as usize).collect(),
                }))
            })(),
            (Kind::Counter, "elements") => (|| {
                let mut out = Vec::new();
                for (k, v) in self.dict.items() {
                    for _ in 0..ops::index_of(&v, "count")?.max(0) {
                        out.push(k.clone());
                    }
                }
                Ok(Value::native(crate::iter::IterObj::new(PyIter::Snapshot(out.into_iter()))))
            })(),
            (Kind::Counter, "update" | "subtract") => (|| {
                if let Some(src) = &arg {
                    self.count_in(src, if name == "update" { 1 } else { -1 })?;
                }
                for (k, v) in kw {
                    let cur = self.dict.get(&Value::Str(k.clone()))?.unwrap_or(Value::Int(0));
                    let v = if name == "update" { v } else { ops::neg(&v)? };
                    self.dict.set(Value::Str(k), ops::add(&cur, &v)?)?;
                }
                Ok(Value::None)
            })(),
            (Kind::Counter, "total") => (|| {
                let mut t = Value::Int(0);
                for v in self.dict.values() {
                    t = ops::add(&t, &v)?;
                }
                Ok(t)
            })(),
            (Kind::OrderedDict, "move_to_end") => (|| {
                let key = arg.clone().unwrap_or_default();
                let last = match args
                    .get(1)
                    .cloned()
                    .or_else(|| kw.iter().find(|(k, _)| k.as_str() == "last").map(|(_, v)| v.clone()))
                {
                    Some(v) => ops::truthy(&v)?,
                    None => true,
                };
                let v = self.dict.remove(&key)?.ok_or_else(|| key_error(key.clone()))?;
                if last {
                    self.dict.set(key, v)?;
                } else {
                    let rest = self.dict.items();
                    self.dict.clear();
                    self.dict.set(key, v)?;
                    for (k, x) in rest {
                        self.dict.set(k, x)?;
                    }
                }
                Ok(Value::None)
            })(),
            (Kind::OrderedDict, "popitem") => (|| {
                let last =
                    match arg.clone().or_else(|| kw.iter().find(|(k, _)| k.as_str() == "last").map(|(_, v)| v.clone()))
                    {
                        Some(v) => ops::truthy(&v)?,
                        None => true,
                    };
                let item = if last {
                    self.dict.pop_last()
                } else {
                    let first = self.dict.items().into_iter().next();
                    if let Some((k, _)) = &first {
                        self.dict.remove(k)?;
                    }
                    first
                };
                match item {
                    Some((k, v)) => Ok(Value::tuple_of([k, v])),
                    None => Err(key_error(Value::str("dictionary is empty"))),
                }
            })(),
            (_, "copy") => Ok(Value::native(DictLike {
                kind: self.kind,
                dict: Rc::new(self.dict.copy()),
                factory: self.factory.clone(),
            })),
            _ => crate::methods::call_builtin_method(&self.me(), name, args, kw),
        };
        let _ = this;
        Some(r)
    }
}

fn dict_like(kind: Kind, factory: Value, init: Option<Value>, kw: Kwargs) -> PyResult<Value> {
    let d = DictLike { kind, dict: Rc::new(Dict::new()), factory };
    match kind {
        Kind::Counter => {
            if let Some(src) = &init {
                d.count_in(src, 1)?;
            }
            for (k, v) in kw {
                d.dict.set(Value::Str(k), v)?;
            }
        }
        _ => {
            if let Some(src) = &init {
                crate::methods::dict_update(&d.dict, src)?;
            }
            for (k, v) in kw {
                d.dict.set(Value::Str(k), v)?;
            }
        }
    }
    Ok(Value::native(d))
}

fn counter(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    dict_like(Kind::Counter, Value::None, args.into_iter().next(), kw)
}

fn defaultdict(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let mut it = args.into_iter();
    let factory = it.next().unwrap_or_default();
    if !factory.is_none() && !crate::builtins::is_callable(&factory) {
        return Err(type_error("first argument must be callable or None"));
    }
    dict_like(Kind::DefaultDict, factory, it.next(), kw)
}

fn ordered_dict(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    dict_like(Kind::OrderedDict, Value::None, args.into_iter().next(), kw)
}

// -------------------------------------------------------------- namedtuple

pub struct NamedTuple {
    class: Rc<Class>,
    items: Vec<Value>,
}

fn fields_of(cls: &Rc<Class>) -> Vec<String> {
    cls.dict
        .get_str("_fields")
        .map(|f| to_vec(&f).unwrap_or_default().iter().map(|v| crate::fmt::str_(v).unwrap_or_default()).collect())
        .unwrap_or_default()
}

fn make_named(cls: &Rc<Class>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let fields = fields_of(cls);
    let mut slots: Vec<Option<Value>> = vec![None; fields.len()];
    if args.len() > fields.len() {
        return Err(type_error(format!(
            "{}.__new__() takes {} positional arguments but {} were given",
            cls.name(),
            fields.len() + 1,
            args.len() + 1
        )));
    }
    for (i, a) in args.into_iter().enumerate() {
        slots[i] = Some(a);
    }
    for (k, v) in kw {
        match fields.iter().position(|f| f == k.as_str()) {
            Some(i) if slots[i].is_none() => slots[i] = Some(v),
            Some(_) => {
                return Err(type_error(format!("{}.__new__() got multiple values for argument '{k}'", cls.name())));
            }
            None => {
                return Err(type_error(format!("{}.__new__() got an unexpected keyword argument '{k}'", cls.name())));
            }
        }
    }
    let defaults = cls.dict.get_str("_field_defaults").and_then(|d| match d {
        Value::Dict(d) => Some(d),
        _ => None,
    });
    let mut items = Vec::with_capacity(fields.len());
    let mut missing = Vec::new();
    for (i, s) in slots.into_iter().enumerate() {
        match s {
            Some(v) => items.push(v),
            None => match defaults.as_ref().and_then(|d| d.get_str(&fields[i])) {
                Some(v) => items.push(v),
                None => missing.push(format!("'{}'", fields[i])),
            },
        }
    }
    if !missing.is_empty() {
        let n = missing.len();
        let list =
            if n == 1 { missing[0].clone() } else { format!("{} and {}", missing[..n - 1].join(", "), missing[n - 1]) };
        return Err(type_error(format!(
            "{}.__new__() missing {n} required positional argument{}: {list}",
            cls.name(),
            if n == 1 { "" } else { "s" }
        )));
    }
    Ok(Value::native(NamedTuple { class: cls.clone(), items }))
}

static NAMEDTUPLE_INFO: BuiltinInfo = BuiltinInfo { new: make_named };

impl Native for NamedTuple {
    fn type_name(&self) -> &'static str {
        "namedtuple"
    }

    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        let fields = fields_of(&self.class);
        let mut parts = Vec::new();
        for (f, v) in fields.iter().zip(&self.items) {
            parts.push(format!("{f}={}", crate::fmt::repr(v)?));
        }
        Ok(format!("{}({})", self.class.name(), parts.join(", ")))
    }

    fn iter(&self, _this: &Value) -> Option<PyResult<PyIter>> {
        Some(Ok(PyIter::Snapshot(self.items.clone().into_iter())))
    }

    fn len(&self) -> Option<PyResult<usize>> {
        Some(Ok(self.items.len()))
    }

    fn getitem(&self, _this: &Value, key: &Value) -> Option<PyResult<Value>> {
        Some(ops::getitem(&Value::tuple(self.items.clone()), key))
    }

    fn contains(&self, item: &Value) -> Option<PyResult<bool>> {
        Some(ops::contains(&Value::tuple(self.items.clone()), item))
    }

    fn eq(&self, other: &Value) -> Option<bool> {
        let o = match other {
            Value::Tuple(t) => t.items().to_vec(),
            Value::Native(_) => downcast::<NamedTuple>(other)?.items.clone(),
            _ => return Some(false),
        };
        ops::seq_compare(&self.items, &o, ops::CmpOp::Eq).ok()
    }

    fn hash(&self) -> Option<i64> {
        ops::hash(&Value::tuple(self.items.clone())).ok()
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        let fields = fields_of(&self.class);
        if let Some(i) = fields.iter().position(|f| f == name) {
            return Some(Ok(self.items[i].clone()));
        }
        if name == "_fields" {
            return Some(Ok(Value::tuple(fields.into_iter().map(Value::str).collect())));
        }
        None
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "_asdict" | "_replace" | "count" | "index")
    }

    fn call_method(&self, _this: &Value, name: &str, args: Vec<Value>, kw: Kwargs) -> Option<PyResult<Value>> {
        let fields = fields_of(&self.class);
        Some(match name {
            "_asdict" => {
                Dict::from_pairs(fields.iter().map(|f| Value::str(f.as_str())).zip(self.items.iter().cloned()))
                    .map(|d| Value::Dict(Rc::new(d)))
            }
            "_replace" => (|| {
                let mut items = self.items.clone();
                for (k, v) in kw {
                    match fields.iter().position(|f| f == k.as_str()) {
                        Some(i) => items[i] = v,
                        None => return Err(crate::exc::value_error(format!("Got unexpected field names: ['{k}']"))),
                    }
                }
                Ok(Value::native(NamedTuple { class: self.class.clone(), items }))
            })(),
            _ => crate::methods::call_builtin_method(&Value::tuple(self.items.clone()), name, args, kw),
        })
    }
}

/// `namedtuple(typename, field_names, *, defaults=None)`.
fn namedtuple(args: Vec<Value>, mut kw: Kwargs) -> PyResult<Value> {
    let name = crate::fmt::str_(args.first().unwrap_or(&Value::None))?;
    let spec = args.get(1).cloned().unwrap_or_default();
    let fields: Vec<String> = match &spec {
        Value::Str(s) => s.replace(',', " ").split_whitespace().map(String::from).collect(),
        other => to_vec(other)?.iter().map(|v| crate::fmt::str_(v).unwrap_or_default()).collect(),
    };
    let defaults = kw.iter().position(|(k, _)| k.as_str() == "defaults").map(|i| kw.remove(i).1);
    let tuple = types().tuple.clone();
    let cls = crate::types::new_class_with(&name, "__main__", std::slice::from_ref(&tuple), &NAMEDTUPLE_INFO);
    cls.dict.set_str("_fields", Value::tuple(fields.iter().map(|f| Value::str(f.as_str())).collect()));
    let dd = Dict::new();
    if let Some(d) = defaults.filter(|d| !d.is_none()) {
        let ds = to_vec(&d)?;
        for (f, v) in fields.iter().rev().zip(ds.iter().rev()) {
            dd.set_str(f, v.clone());
        }
    }
    cls.dict.set_str("_field_defaults", Value::Dict(Rc::new(dd)));
    let c2 = cls.clone();
    cls.dict.set_str(
        "_make",
        Value::native(crate::classes::StaticMethod {
            func: crate::func::Function::native(&name, "_make", &["iterable"], move |a| {
                make_named(&c2, to_vec(&a[0])?, vec![])
            }),
        }),
    );
    Ok(Value::Class(cls))
}

pub fn module_attrs() -> Dict {
    let d = Dict::new();
    let c = CLASSES.get();
    d.set_str("deque", Value::Class(c.deque.clone()));
    d.set_str("Counter", Value::Class(c.counter.clone()));
    d.set_str("defaultdict", Value::Class(c.defaultdict.clone()));
    d.set_str("OrderedDict", Value::Class(c.ordered.clone()));
    let fns: &[(&'static str, crate::func::BuiltinFn)] = &[("namedtuple", namedtuple)];
    for (name, f) in fns {
        d.set_str(name, Value::native(BuiltinFunction { name, f: *f }));
    }
    d
}
