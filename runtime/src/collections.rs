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
use crate::iter::{DictPart, PyIter, to_vec};
use crate::native::{Native, downcast};
use crate::ops::{self, BinOp, CmpOp};
use crate::types::{BuiltinInfo, types};
use crate::value::Value;

// ------------------------------------------------------------------- deque

pub struct Deque {
    items: RefCell<VecDeque<Value>>,
    /// A cell so a subclass's `__init__` can set it (see `refill`).
    maxlen: std::cell::Cell<Option<usize>>,
}

impl Deque {
    fn push_back(&self, v: Value) {
        let mut d = self.items.borrow_mut();
        if self.maxlen.get() == Some(0) {
            return;
        }
        if self.maxlen.get().is_some_and(|m| d.len() >= m) {
            d.pop_front();
        }
        d.push_back(v);
    }

    fn push_front(&self, v: Value) {
        let mut d = self.items.borrow_mut();
        if self.maxlen.get() == Some(0) {
            return;
        }
        if self.maxlen.get().is_some_and(|m| d.len() >= m) {
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
    let d = Deque { items: RefCell::new(VecDeque::new()), maxlen: std::cell::Cell::new(maxlen) };
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
            "maxlen" => Some(Ok(self.maxlen.get().map_or(Value::None, |m| Value::Int(m as i64)))),
            _ => None,
        }
    }

    fn repr(&self, this: &Value) -> PyResult<String> {
        let items: Vec<Value> = self.items.borrow().iter().cloned().collect();
        let inner = crate::fmt::repr(&Value::list(items))?;
        let _ = this;
        Ok(match self.maxlen.get() {
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
                | "insert"
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
                if args.is_empty() || args.len() > 3 {
                    return Err(type_error(if args.is_empty() {
                        "index() takes at least 1 argument (0 given)".to_string()
                    } else {
                        format!("index() takes at most 3 arguments ({} given)", args.len())
                    }));
                }
                let items: Vec<Value> = self.items.borrow().iter().cloned().collect();
                let len = items.len() as i64;
                // Negative bounds count from the end, then clamp, as list.index does.
                let bound = |i: usize, default: i64| -> PyResult<i64> {
                    let n = match args.get(i) {
                        Some(v) => ops::index_of(v, "index")?,
                        None => default,
                    };
                    Ok(if n < 0 { (n + len).max(0) } else { n.min(len) })
                };
                let (start, stop) = (bound(1, 0)?, bound(2, len)?);
                for i in start..stop.max(start) {
                    if ops::eq(&items[i as usize], &arg)? {
                        return Ok(Value::Int(i));
                    }
                }
                Err(crate::exc::value_error(format!("{} is not in deque", crate::fmt::repr(&arg)?)))
            })(),
            "insert" => (|| {
                let [i, x] = <[Value; 2]>::try_from(args.clone())
                    .map_err(|a| type_error(format!("insert expected 2 arguments, got {}", a.len())))?;
                let mut d = self.items.borrow_mut();
                if self.maxlen.get().is_some_and(|m| d.len() >= m) {
                    return Err(index_error("deque already at its maximum size"));
                }
                let len = d.len() as i64;
                let i = ops::index_of(&i, "insert")?;
                let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
                d.insert(at as usize, x);
                Ok(Value::None)
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
            "copy" => Ok(Value::native(Deque {
                items: RefCell::new(self.items.borrow().clone()),
                maxlen: self.maxlen.clone(),
            })),
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
    /// A cell so a subclass's `__init__` can set it (see `refill`).
    factory: RefCell<Value>,
}

struct Classes {
    counter: Rc<Class>,
    defaultdict: Rc<Class>,
    ordered: Rc<Class>,
    deque: Rc<Class>,
    chainmap: Rc<Class>,
}

/// How calling each class builds its instance.
static COUNTER_NEW: BuiltinInfo = BuiltinInfo { new: |_, a, k| counter(a, k) };
static DEFAULTDICT_NEW: BuiltinInfo = BuiltinInfo { new: |_, a, k| defaultdict(a, k) };
static ORDERED_NEW: BuiltinInfo = BuiltinInfo { new: |_, a, k| ordered_dict(a, k) };
static DEQUE_NEW: BuiltinInfo = BuiltinInfo { new: |_, a, k| deque_new(a, k) };
static CHAINMAP_NEW: BuiltinInfo = BuiltinInfo { new: |_, a, k| chainmap_new(a, k) };

// The classes `collections` exports, which `type()` of an instance returns.
static CLASSES: Lazy<Classes> = Lazy::new(|| {
    let dict = types().dict.clone();
    let mk = |name: &str, info| crate::types::new_class_with(name, "collections", std::slice::from_ref(&dict), info);
    let object = types().object.clone();
    let counter = mk("Counter", &COUNTER_NEW);
    counter_class_methods(&counter);
    let chainmap =
        crate::types::new_class_with("ChainMap", "collections", std::slice::from_ref(&object), &CHAINMAP_NEW);
    chainmap.dict.set_str("fromkeys", Value::native(BuiltinFunction { name: "fromkeys", f: chainmap_fromkeys }));
    let ordered = mk("OrderedDict", &ORDERED_NEW);
    ordered.dict.set_str(
        "fromkeys",
        Value::native(BuiltinFunction {
            name: "fromkeys",
            f: |a, k| ordered_dict(vec![crate::builtins::dict_fromkeys(a, k)?], vec![]),
        }),
    );
    Classes {
        counter,
        defaultdict: mk("defaultdict", &DEFAULTDICT_NEW),
        ordered,
        deque: crate::types::new_class_with("deque", "collections", &[object], &DEQUE_NEW),
        chainmap,
    }
});

impl DictLike {
    fn me(&self) -> Value {
        Value::Dict(self.dict.clone())
    }

    /// `self[elem]` of a Counter: a missing element counts 0.
    fn count_of(&self, elem: &Value) -> PyResult<Value> {
        Ok(self.dict.get(elem)?.unwrap_or(Value::Int(0)))
    }

    /// `Counter.update` and `Counter.subtract` as Lib/collections writes
    /// them: a mapping adds (`count + self.get(elem, 0)`) or subtracts its
    /// counts, and an empty Counter updated from a mapping takes its counts
    /// as they are (`dict.update`); any other iterable counts each element.
    fn count_in(&self, src: &Value, subtract: bool) -> PyResult<()> {
        if is_mapping(src) {
            let items = mapping_items(src)?;
            if !subtract && self.dict.is_empty() {
                return items.into_iter().try_for_each(|(k, v)| self.dict.set(k, v));
            }
            for (k, v) in items {
                let cur = self.count_of(&k)?;
                let n = if subtract { ops::binary(&cur, &v, BinOp::Sub)? } else { ops::add(&v, &cur)? };
                self.dict.set(k, n)?;
            }
            return Ok(());
        }
        let mut it = crate::iter::iter(src)?;
        while let Some(k) = it.next()? {
            let cur = self.count_of(&k)?;
            let op = if subtract { BinOp::Sub } else { BinOp::Add };
            self.dict.set(k, ops::binary(&cur, &Value::Int(1), op)?)?;
        }
        Ok(())
    }

    /// `update(iterable=None, /, **kwds)` and `subtract`: the iterable, then
    /// the keywords as a mapping.
    fn update_from(&self, name: &str, args: &[Value], kw: Kwargs) -> PyResult<()> {
        if args.len() > 1 {
            return Err(type_error(format!(
                "Counter.{name}() takes from 1 to 2 positional arguments but {} were given",
                args.len() + 1
            )));
        }
        let subtract = name == "subtract";
        if let Some(src) = args.first().filter(|v| !v.is_none()) {
            self.count_in(src, subtract)?;
        }
        if !kw.is_empty() {
            let d = Dict::new();
            for (k, v) in kw {
                d.set(Value::Str(k), v)?;
            }
            self.count_in(&Value::Dict(Rc::new(d)), subtract)?;
        }
        Ok(())
    }

    /// Counter items by descending count (stable for ties), as
    /// `sorted(self.items(), key=itemgetter(1), reverse=True)`.
    fn most_common(&self) -> PyResult<Vec<Value>> {
        let items: Vec<Value> = self.dict.items().into_iter().map(|(k, v)| Value::tuple_of([k, v])).collect();
        let key = Value::native(BuiltinFunction { name: "count", f: |a, _| ops::getitem(&a[0], &Value::Int(1)) });
        crate::methods::sort_values(items, &key, true).map_err(|(e, _)| e)
    }

    /// `elements()`: each element repeated by its count, lazily, as
    /// `chain.from_iterable(starmap(repeat, self.items()))`.
    fn elements(&self) -> Value {
        let mut items = self.dict.items().into_iter();
        let mut current: Option<(Value, i64)> = None;
        crate::iter::GenExpr::named("chain", move || {
            loop {
                if let Some((k, n)) = &mut current
                    && *n > 0
                {
                    *n -= 1;
                    return Ok(Some(k.clone()));
                }
                let Some((k, v)) = items.next() else { return Ok(None) };
                current = Some((k, ops::index_of(&v, "count")?));
            }
        })
    }
}

/// Whether `v` is a mapping as `isinstance(v, collections.abc.Mapping)`
/// decides for the mappings the runtime has.
pub fn is_mapping(v: &Value) -> bool {
    matches!(v, Value::Dict(_)) || downcast::<DictLike>(v).is_some() || downcast::<ChainMap>(v).is_some()
}

/// `mapping.items()` as pairs: read directly from dicts, asked of anything else.
fn mapping_items(v: &Value) -> PyResult<Vec<(Value, Value)>> {
    match v {
        Value::Dict(d) => return Ok(d.items()),
        _ if downcast::<DictLike>(v).is_some() => {
            return Ok(downcast::<DictLike>(v).map(|d| d.dict.items()).unwrap_or_default());
        }
        _ => {}
    }
    let items = crate::call::call_method(v, "items", vec![], vec![])?;
    let mut out = Vec::new();
    for pair in to_vec(&items)? {
        let [k, val] = crate::unpack::exact::<2>(pair)?;
        out.push((k, val));
    }
    Ok(out)
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
                // `dict(self.most_common())`, or `dict(self)` when the counts
                // do not order (a TypeError from the sort).
                let d = match self.most_common() {
                    Ok(items) => Dict::from_pairs(items.iter().map(|t| {
                        let v = to_vec(t).unwrap_or_default();
                        (v[0].clone(), v[1].clone())
                    }))?,
                    Err(e) if e.is_instance(&types().type_error) => self.dict.copy(),
                    Err(e) => return Err(e),
                };
                format!("Counter({})", crate::fmt::repr(&Value::Dict(Rc::new(d)))?)
            }
            Kind::DefaultDict => {
                format!("defaultdict({}, {})", crate::fmt::repr(&self.factory.borrow())?, crate::fmt::repr(&self.me())?)
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
                Kind::DefaultDict if !self.factory.borrow().is_none() => {
                    let factory = self.factory.borrow().clone();
                    let v = call(&factory, vec![], vec![])?;
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
            (Kind::DefaultDict, "default_factory") => Some(Ok(self.factory.borrow().clone())),
            _ => None,
        }
    }

    fn has_method(&self, name: &str) -> bool {
        crate::methods::has_builtin_method(&Value::Dict(Rc::new(Dict::new())), name)
            || matches!(
                (self.kind, name),
                (Kind::Counter, "most_common" | "elements" | "subtract" | "total" | "__pos__" | "__neg__")
                    | (Kind::OrderedDict, "move_to_end")
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
            (Kind::Counter, "elements") => Ok(self.elements()),
            (Kind::Counter, "update" | "subtract") => self.update_from(name, &args, kw).map(|_| Value::None),
            (Kind::Counter, "__pos__" | "__neg__") => counter_unary(self, name == "__neg__"),
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
                factory: RefCell::new(self.factory.borrow().clone()),
            })),
            _ => crate::methods::call_builtin_method(&self.me(), name, args, kw),
        };
        let _ = this;
        Some(r)
    }
}

fn dict_like(kind: Kind, factory: Value, init: Option<Value>, kw: Kwargs) -> PyResult<Value> {
    let d = DictLike { kind, dict: Rc::new(Dict::new()), factory: RefCell::new(factory) };
    match kind {
        Kind::Counter => d.update_from("update", init.as_slice(), kw)?,
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
    if args.len() > 1 {
        return Err(type_error(format!(
            "Counter.__init__() takes from 1 to 2 positional arguments but {} were given",
            args.len() + 1
        )));
    }
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

// ------------------------------------------------------ Counter operators
//
// Each follows its method in Lib/collections/__init__.py line by line, so
// the result's order (a Counter prints by count, ties in insertion order)
// and the counts compared or added are CPython's.

fn counter_of(v: &Value) -> Option<&DictLike> {
    downcast::<DictLike>(v).filter(|d| d.kind == Kind::Counter)
}

fn new_counter() -> DictLike {
    DictLike { kind: Kind::Counter, dict: Rc::new(Dict::new()), factory: RefCell::new(Value::None) }
}

fn positive(v: &Value) -> PyResult<bool> {
    ops::compare_bool(v, &Value::Int(0), CmpOp::Gt)
}

/// `+c` keeps the positive counts, `-c` negates the negative ones.
fn counter_unary(c: &DictLike, negate: bool) -> PyResult<Value> {
    let r = new_counter();
    for (k, v) in c.dict.items() {
        if !negate && positive(&v)? {
            r.dict.set(k, v)?;
        } else if negate && ops::compare_bool(&v, &Value::Int(0), CmpOp::Lt)? {
            r.dict.set(k, ops::binary(&Value::Int(0), &v, BinOp::Sub)?)?;
        }
    }
    Ok(Value::native(r))
}

/// `a + b`, `a - b`, `a | b`, `a & b` of two Counters: only positive
/// counts are kept.
fn counter_binary(a: &DictLike, b: &DictLike, op: BinOp) -> PyResult<Value> {
    let r = new_counter();
    for (k, count) in a.dict.items() {
        let other = b.count_of(&k)?;
        let n = match op {
            BinOp::Add => ops::add(&count, &other)?,
            BinOp::Sub => ops::binary(&count, &other, BinOp::Sub)?,
            BinOp::Or if ops::lt(&count, &other)? => other,
            BinOp::And if !ops::lt(&count, &other)? => other,
            _ => count,
        };
        if positive(&n)? {
            r.dict.set(k, n)?;
        }
    }
    if op != BinOp::And {
        for (k, count) in b.dict.items() {
            if a.dict.contains(&k)? {
                continue;
            }
            if op == BinOp::Sub {
                if ops::compare_bool(&count, &Value::Int(0), CmpOp::Lt)? {
                    r.dict.set(k, ops::binary(&Value::Int(0), &count, BinOp::Sub)?)?;
                }
            } else if positive(&count)? {
                r.dict.set(k, count)?;
            }
        }
    }
    Ok(Value::native(r))
}

/// The binary operators of `collections` objects (reached from
/// `ops::binary` when an operand is a native object); `None` is
/// `NotImplemented` from both sides.
pub fn binary(a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    if let (Some(x), Some(y)) = (counter_of(a), counter_of(b)) {
        return match op {
            BinOp::Add | BinOp::Sub | BinOp::Or | BinOp::And => counter_binary(x, y, op).map(Some),
            _ => Ok(None),
        };
    }
    if op != BinOp::Or {
        return Ok(None);
    }
    // `Counter.__or__` declines a plain dict, and `dict.__or__` (a Counter
    // is a dict) merges the two into a plain dict.
    let plain = |v: &Value| matches!(v, Value::Dict(_));
    if (counter_of(a).is_some() && plain(b)) || (plain(a) && counter_of(b).is_some()) {
        let d = Dict::new();
        for (k, v) in mapping_items(a)?.into_iter().chain(mapping_items(b)?) {
            d.set(k, v)?;
        }
        return Ok(Some(Value::Dict(Rc::new(d))));
    }
    chainmap_or(a, b)
}

/// `c += x` and friends on a Counter update it in place, then drop the
/// counts that are not positive; `x` may be any mapping (`x.items()`).
/// `cm |= x` on a ChainMap updates its first map.
pub fn inplace(a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    if let Some(cm) = downcast::<ChainMap>(a) {
        if op != BinOp::Or {
            return Ok(None);
        }
        crate::call::call_method(&cm.first()?, "update", vec![b.clone()], vec![])?;
        return Ok(Some(a.clone()));
    }
    let Some(c) = counter_of(a) else { return Ok(None) };
    match op {
        BinOp::Add | BinOp::Sub => {
            for (k, count) in mapping_items(b)? {
                let cur = c.count_of(&k)?;
                c.dict.set(k, ops::binary(&cur, &count, op)?)?;
            }
        }
        BinOp::Or => {
            for (k, other) in mapping_items(b)? {
                if ops::compare_bool(&other, &c.count_of(&k)?, CmpOp::Gt)? {
                    c.dict.set(k, other)?;
                }
            }
        }
        BinOp::And => {
            for (k, count) in c.dict.items() {
                let other = ops::getitem(b, &k)?;
                if ops::lt(&other, &count)? {
                    c.dict.set(k, other)?;
                }
            }
        }
        _ => return Ok(None),
    }
    for (k, v) in c.dict.items() {
        if !positive(&v)? {
            c.dict.remove(&k)?;
        }
    }
    Ok(Some(a.clone()))
}

/// Rich comparison of two Counters (3.10+): a missing element counts 0,
/// `<=` means every count is at most the other's, `<` adds `!=`. Other
/// operands are `NotImplemented` (`None`).
pub fn compare(a: &Value, b: &Value, op: CmpOp) -> PyResult<Option<bool>> {
    let (Some(x), Some(y)) = (counter_of(a), counter_of(b)) else { return Ok(None) };
    // `all(self[e] OP other[e] for c in (self, other) for e in c)`.
    let all = |op: CmpOp| -> PyResult<bool> {
        for k in x.dict.keys().into_iter().chain(y.dict.keys()) {
            if !ops::compare_bool(&x.count_of(&k)?, &y.count_of(&k)?, op)? {
                return Ok(false);
            }
        }
        Ok(true)
    };
    Ok(Some(match op {
        CmpOp::Eq => all(CmpOp::Eq)?,
        CmpOp::Ne => !all(CmpOp::Eq)?,
        CmpOp::Le | CmpOp::Ge => all(op)?,
        CmpOp::Lt => all(CmpOp::Le)? && !all(CmpOp::Eq)?,
        CmpOp::Gt => all(CmpOp::Ge)? && !all(CmpOp::Eq)?,
    }))
}

/// The functions `Counter.most_common` & co. looked up on the class
/// (`Counter.most_common(c, 2)`, and `+c`, which finds `__pos__` there):
/// each calls the method of its first argument.
fn counter_class_methods(cls: &Rc<Class>) {
    use crate::func::{Function, Signature};
    static SELF_N: Signature =
        Signature { params: &["self", "n"], posonly: 0, positional: 2, varargs: false, kwonly: 0, varkw: false };
    static SELF: Signature =
        Signature { params: &["self"], posonly: 0, positional: 1, varargs: false, kwonly: 0, varkw: false };
    static SELF_ITERABLE_KWDS: Signature = Signature {
        params: &["self", "iterable", "kwds"],
        posonly: 2,
        positional: 2,
        varargs: false,
        kwonly: 0,
        varkw: true,
    };
    let method =
        |name: &str, sig: &'static Signature, defaults: Vec<Value>, body: fn(Vec<Value>) -> PyResult<Value>| {
            let f = Function::in_module("collections", name, sig, defaults, vec![], body);
            if let Value::Function(func) = &f {
                *func.qualname.borrow_mut() = crate::str::PyStr::new(&format!("Counter.{name}"));
            }
            cls.dict.set_str(name, f);
        };
    fn forward(name: &str, a: Vec<Value>) -> PyResult<Value> {
        let mut it = a.into_iter();
        let recv = it.next().unwrap_or_default();
        // A subclass's instance: the Counter it carries.
        crate::call::call_method(crate::subclass::plain(&recv), name, it.collect(), vec![])
    }
    fn forward_kwds(name: &str, a: Vec<Value>) -> PyResult<Value> {
        let [recv, iterable, kwds] = crate::func::args::<3>(a);
        let mut kwargs: Kwargs = Vec::new();
        if let Value::Dict(d) = &kwds {
            for (k, v) in d.items() {
                if let Value::Str(k) = k {
                    kwargs.push((k, v));
                }
            }
        }
        let args = if iterable.is_none() { vec![] } else { vec![iterable] };
        crate::call::call_method(crate::subclass::plain(&recv), name, args, kwargs)
    }
    method("most_common", &SELF_N, vec![Value::None], |a| forward("most_common", a));
    method("elements", &SELF, vec![], |a| forward("elements", a));
    method("total", &SELF, vec![], |a| forward("total", a));
    method("__pos__", &SELF, vec![], |a| forward("__pos__", a));
    method("__neg__", &SELF, vec![], |a| forward("__neg__", a));
    method("update", &SELF_ITERABLE_KWDS, vec![Value::None], |a| forward_kwds("update", a));
    method("subtract", &SELF_ITERABLE_KWDS, vec![Value::None], |a| forward_kwds("subtract", a));
    cls.dict.set_str(
        "fromkeys",
        Value::native(BuiltinFunction {
            name: "fromkeys",
            f: |_, _| {
                // `Counter.fromkeys` exists only to refuse.
                Err(crate::exc::not_implemented_error(
                    "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.",
                ))
            },
        }),
    );
}

// ---------------------------------------------------------------- ChainMap
//
// `ChainMap(*maps)` as Lib/collections writes it: `maps` is a plain list
// attribute (replaceable, and changes to it show), lookups try each map in
// turn (`mapping[key]`, so a defaultdict in the chain fills in a default),
// writes and deletions go to `maps[0]`, and iteration builds a dict from the
// maps in reverse, so keys come in the order of the last map first.

pub struct ChainMap {
    maps: RefCell<Value>,
}

fn chainmap(maps: Vec<Value>) -> Value {
    let maps = if maps.is_empty() { vec![Value::Dict(Rc::new(Dict::new()))] } else { maps };
    Value::native(ChainMap { maps: RefCell::new(Value::list(maps)) })
}

fn chainmap_new(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    if let Some((k, _)) = kw.first() {
        return Err(type_error(format!("ChainMap.__init__() got an unexpected keyword argument '{k}'")));
    }
    Ok(chainmap(args))
}

/// `ChainMap.fromkeys(iterable, *args)`: one dict made by `dict.fromkeys`.
fn chainmap_fromkeys(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    Ok(chainmap(vec![crate::builtins::dict_fromkeys(args, kw)?]))
}

impl ChainMap {
    fn maps(&self) -> PyResult<Vec<Value>> {
        let maps = self.maps.borrow().clone();
        to_vec(&maps)
    }

    /// `self.maps[0]`, with the list's own IndexError when it is empty.
    fn first(&self) -> PyResult<Value> {
        let maps = self.maps.borrow().clone();
        ops::getitem(&maps, &Value::Int(0))
    }

    fn lookup(&self, key: &Value) -> PyResult<Option<Value>> {
        for m in self.maps()? {
            match ops::getitem(&m, key) {
                Ok(v) => return Ok(Some(v)),
                Err(e) if e.is_instance(&types().key_error) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(None)
    }

    fn has(&self, key: &Value) -> PyResult<bool> {
        for m in self.maps()? {
            if ops::contains(&m, key)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// The keys in iteration order: `d |= dict.fromkeys(m)` over the maps
    /// reversed.
    fn keys(&self) -> PyResult<Vec<Value>> {
        let d = Dict::new();
        for m in self.maps()?.iter().rev() {
            let mut it = crate::iter::iter(m)?;
            while let Some(k) = it.next()? {
                d.set(k, Value::None)?;
            }
        }
        Ok(d.keys())
    }

    fn items(&self) -> PyResult<Vec<(Value, Value)>> {
        let mut out = Vec::new();
        for k in self.keys()? {
            let v = self.lookup(&k)?.ok_or_else(|| key_error(k.clone()))?;
            out.push((k, v));
        }
        Ok(out)
    }

    /// A KeyError for a key `maps[0]` lacks, as `__delitem__` and `pop` word it.
    fn not_in_first(key: &Value) -> PyResult<crate::exc::PyErr> {
        Ok(key_error(Value::str(format!("Key not found in the first mapping: {}", crate::fmt::repr(key)?))))
    }

    fn call(&self, this: &Value, name: &str, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
        let want = |n: usize, max: usize| -> PyResult<()> {
            if args.len() < n || args.len() > max {
                return Err(type_error(format!(
                    "ChainMap.{name}() takes {} positional argument{} but {} were given",
                    if n == max { format!("{}", n + 1) } else { format!("from {} to {}", n + 1, max + 1) },
                    if max == 0 { "" } else { "s" },
                    args.len() + 1
                )));
            }
            Ok(())
        };
        let arg = |i: usize| args.get(i).cloned().unwrap_or_default();
        match name {
            "get" => {
                want(1, 2)?;
                let key = arg(0);
                if self.has(&key)? {
                    return Ok(self.lookup(&key)?.unwrap_or_default());
                }
                Ok(arg(1))
            }
            "keys" | "values" | "items" => {
                want(0, 0)?;
                let part = match name {
                    "keys" => DictPart::Keys,
                    "values" => DictPart::Values,
                    _ => DictPart::Items,
                };
                Ok(crate::dict_views::mapping_view(this, part))
            }
            "new_child" => {
                want(0, 1)?;
                let m = match args.first() {
                    None | Some(Value::None) => {
                        let d = Dict::new();
                        for (k, v) in kw {
                            d.set(Value::Str(k), v)?;
                        }
                        Value::Dict(Rc::new(d))
                    }
                    Some(m) => {
                        if !kw.is_empty() {
                            crate::call::call_method(m, "update", vec![], kw)?;
                        }
                        m.clone()
                    }
                };
                let mut maps = vec![m];
                maps.extend(self.maps()?);
                Ok(chainmap(maps))
            }
            "copy" | "__copy__" => {
                want(0, 0)?;
                let maps = self.maps()?;
                let first = crate::call::call_method(&self.first()?, "copy", vec![], vec![])?;
                Ok(chainmap(std::iter::once(first).chain(maps.into_iter().skip(1)).collect()))
            }
            "pop" => {
                if args.is_empty() {
                    return Err(type_error("ChainMap.pop() missing 1 required positional argument: 'key'"));
                }
                let key = arg(0);
                match crate::call::call_method(&self.first()?, "pop", args, vec![]) {
                    Err(e) if e.is_instance(&types().key_error) => Err(ChainMap::not_in_first(&key)?),
                    r => r,
                }
            }
            "popitem" => {
                want(0, 0)?;
                match crate::call::call_method(&self.first()?, "popitem", vec![], vec![]) {
                    Err(e) if e.is_instance(&types().key_error) => {
                        Err(key_error(Value::str("No keys found in the first mapping.")))
                    }
                    r => r,
                }
            }
            "clear" => {
                want(0, 0)?;
                crate::call::call_method(&self.first()?, "clear", vec![], vec![])
            }
            // The MutableMapping mixins.
            "setdefault" => {
                want(1, 2)?;
                let key = arg(0);
                if let Some(v) = self.lookup(&key)? {
                    return Ok(v);
                }
                ops::setitem(&self.first()?, &key, arg(1))?;
                Ok(arg(1))
            }
            "update" => {
                want(0, 1)?;
                let first = self.first()?;
                if let Some(src) = args.first() {
                    if is_mapping(src) {
                        for (k, v) in mapping_items(src)? {
                            ops::setitem(&first, &k, v)?;
                        }
                    } else {
                        let d = Dict::new();
                        crate::methods::dict_update(&d, src)?;
                        for (k, v) in d.items() {
                            ops::setitem(&first, &k, v)?;
                        }
                    }
                }
                for (k, v) in kw {
                    ops::setitem(&first, &Value::Str(k), v)?;
                }
                Ok(Value::None)
            }
            "__getitem__" => {
                want(1, 1)?;
                self.lookup(&arg(0))?.ok_or_else(|| key_error(arg(0)))
            }
            "__contains__" => {
                want(1, 1)?;
                Ok(Value::Bool(self.has(&arg(0))?))
            }
            "__len__" => Ok(Value::Int(self.keys()?.len() as i64)),
            "__setitem__" => {
                want(2, 2)?;
                self.setitem(this, &arg(0), arg(1)).unwrap_or(Ok(())).map(|_| Value::None)
            }
            "__delitem__" => {
                want(1, 1)?;
                self.delitem(this, &arg(0)).unwrap_or(Ok(())).map(|_| Value::None)
            }
            _ => Err(crate::attr::no_attribute(this, name)),
        }
    }
}

const CHAINMAP_METHODS: &[&str] = &[
    "get",
    "keys",
    "values",
    "items",
    "new_child",
    "copy",
    "__copy__",
    "pop",
    "popitem",
    "clear",
    "setdefault",
    "update",
    "__getitem__",
    "__contains__",
    "__len__",
    "__setitem__",
    "__delitem__",
];

impl Native for ChainMap {
    fn type_name(&self) -> &'static str {
        "ChainMap"
    }

    fn class(&self) -> Rc<Class> {
        CLASSES.get().chainmap.clone()
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        let parts: Vec<String> = self.maps()?.iter().map(crate::fmt::repr).collect::<PyResult<_>>()?;
        Ok(format!("ChainMap({})", parts.join(", ")))
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        match name {
            "maps" => Some(Ok(self.maps.borrow().clone())),
            "parents" => Some(self.maps().map(|m| chainmap(m.into_iter().skip(1).collect()))),
            _ => None,
        }
    }

    fn setattr(&self, _this: &Value, name: &str, value: Value) -> Option<PyResult<()>> {
        if name != "maps" {
            return None;
        }
        *self.maps.borrow_mut() = value;
        Some(Ok(()))
    }

    fn iter(&self, _this: &Value) -> Option<PyResult<PyIter>> {
        Some(self.keys().map(|k| PyIter::Snapshot(k.into_iter())))
    }

    fn len(&self) -> Option<PyResult<usize>> {
        Some(self.keys().map(|k| k.len()))
    }

    fn getitem(&self, _this: &Value, key: &Value) -> Option<PyResult<Value>> {
        Some(self.lookup(key).and_then(|v| v.ok_or_else(|| key_error(key.clone()))))
    }

    fn setitem(&self, _this: &Value, key: &Value, value: Value) -> Option<PyResult<()>> {
        Some(self.first().and_then(|m| ops::setitem(&m, key, value)))
    }

    fn delitem(&self, _this: &Value, key: &Value) -> Option<PyResult<()>> {
        Some(self.first().and_then(|m| match ops::delitem(&m, key) {
            Err(e) if e.is_instance(&types().key_error) => Err(ChainMap::not_in_first(key)?),
            r => r,
        }))
    }

    fn contains(&self, item: &Value) -> Option<PyResult<bool>> {
        Some(self.has(item))
    }

    /// `Mapping.__eq__`: `dict(self.items()) == dict(other.items())`.
    fn eq(&self, other: &Value) -> Option<bool> {
        if !is_mapping(other) {
            return Some(false);
        }
        let mine = Dict::from_pairs(self.items().ok()?).ok()?;
        let theirs = Dict::from_pairs(mapping_items(other).ok()?).ok()?;
        ops::eq(&Value::Dict(Rc::new(mine)), &Value::Dict(Rc::new(theirs))).ok()
    }

    fn unhashable(&self) -> bool {
        true
    }

    fn has_method(&self, name: &str) -> bool {
        CHAINMAP_METHODS.contains(&name)
    }

    fn call_method(&self, this: &Value, name: &str, args: Vec<Value>, kw: Kwargs) -> Option<PyResult<Value>> {
        CHAINMAP_METHODS.contains(&name).then(|| self.call(this, name, args, kw))
    }
}

/// `cm | mapping` (a copy whose first map is updated) and `mapping | cm`
/// (one dict: the mapping, then the maps from last to first).
fn chainmap_or(a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if let Some(cm) = downcast::<ChainMap>(a) {
        if !is_mapping(b) {
            return Ok(None);
        }
        let copy = cm.call(a, "copy", vec![], vec![])?;
        let first = downcast::<ChainMap>(&copy).map(|c| c.first()).transpose()?.unwrap_or_default();
        crate::call::call_method(&first, "update", vec![b.clone()], vec![])?;
        return Ok(Some(copy));
    }
    if let Some(cm) = downcast::<ChainMap>(b) {
        if !is_mapping(a) {
            return Ok(None);
        }
        let d = Dict::new();
        crate::methods::dict_update(&d, a)?;
        for m in cm.maps()?.iter().rev() {
            crate::methods::dict_update(&d, m)?;
        }
        return Ok(Some(chainmap(vec![Value::Dict(Rc::new(d))])));
    }
    Ok(None)
}

// -------------------------------------------------------------- namedtuple
//
// A namedtuple class is a class of its own (not built in: its namespace
// holds `__new__`, `_make`, `_replace`, `_asdict`, the field getters and
// the tuple operators, so the data model finds them like a user class's
// methods and subclasses override them), with `tuple` as its base. Its
// instances are `NamedTuple` natives: the class and the items. Methods a
// subclass or a `typing.NamedTuple` body adds are looked up on the class.

pub struct NamedTuple {
    class: Rc<Class>,
    items: Vec<Value>,
    /// The `__dict__` of an instance of a subclass without `__slots__`,
    /// once an attribute is set or the dict is asked for.
    attrs: std::cell::OnceCell<Rc<Dict>>,
}

impl NamedTuple {
    /// The items, as a plain tuple's.
    pub fn items(&self) -> &[Value] {
        &self.items
    }
}

fn named(class: Rc<Class>, items: Vec<Value>) -> Value {
    Value::native(NamedTuple { class, items, attrs: Default::default() })
}

/// Whether `v` is an instance of a namedtuple class.
pub fn is_namedtuple(v: &Value) -> bool {
    downcast::<NamedTuple>(v).is_some()
}

/// The items of a tuple or a namedtuple instance.
pub fn tuple_items(v: &Value) -> Option<Vec<Value>> {
    match v {
        Value::Tuple(t) => Some(t.items().to_vec()),
        _ => downcast::<NamedTuple>(v).map(|n| n.items.clone()),
    }
}

/// `_tuplegetter(index, doc)`: the class attribute that reads field `index`.
struct FieldGetter {
    index: usize,
    doc: String,
}

impl Native for FieldGetter {
    fn type_name(&self) -> &'static str {
        "_collections._tuplegetter"
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(format!("_tuplegetter({}, {})", self.index, crate::fmt::repr(&Value::str(self.doc.as_str()))?))
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        (name == "__doc__").then(|| Ok(Value::str(self.doc.as_str())))
    }
}

fn fields_of(cls: &Rc<Class>) -> Vec<String> {
    cls.lookup("_fields")
        .map(|f| to_vec(&f).unwrap_or_default().iter().map(|v| crate::fmt::str_(v).unwrap_or_default()).collect())
        .unwrap_or_default()
}

/// Type names as `&'static str` (what `Native::type_name` returns), one
/// leaked copy per distinct class name.
static TYPE_NAMES: crate::gil::GilCell<Vec<&'static str>> = crate::gil::GilCell::new(Vec::new());

fn interned_type_name(name: &str) -> &'static str {
    if let Some(n) = TYPE_NAMES.with(|names| names.iter().find(|n| **n == name).copied()) {
        return n;
    }
    let leaked: &'static str = Box::leak(name.to_string().into_boxed_str());
    let mut names = TYPE_NAMES.replace(Vec::new());
    names.push(leaked);
    drop(TYPE_NAMES.replace(names));
    leaked
}

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// The tuple operators of every namedtuple class, shared by all of them.
struct TupleOps {
    ops: Vec<(&'static str, Value)>,
}

static TUPLE_OPS: Lazy<TupleOps> = Lazy::new(|| {
    let cmp = |name: &'static str, op: ops::CmpOp| {
        (
            name,
            crate::func::Function::native("tuple", name, &["self", "other"], move |a| {
                match (tuple_items(&a[0]), tuple_items(&a[1])) {
                    (Some(x), Some(y)) => Ok(Value::Bool(ops::seq_compare(&x, &y, op)?)),
                    _ => Ok(Value::NotImplemented),
                }
            }),
        )
    };
    let add = crate::func::Function::native("tuple", "__add__", &["self", "other"], |a| {
        let Some(x) = tuple_items(&a[0]) else { return Ok(Value::NotImplemented) };
        match tuple_items(&a[1]) {
            Some(y) => Ok(Value::tuple(x.into_iter().chain(y).collect())),
            // Another operand's `__radd__` gets its turn, as CPython tries
            // it before tuple concatenation.
            None if ops::type_of(&a[1]).has_user_attr("__radd__") => Ok(Value::NotImplemented),
            None => Err(type_error(format!("can only concatenate tuple (not \"{}\") to tuple", ops::type_name(&a[1])))),
        }
    });
    let radd = crate::func::Function::native("tuple", "__radd__", &["self", "other"], |a| {
        match (tuple_items(&a[1]), tuple_items(&a[0])) {
            (Some(x), Some(y)) => Ok(Value::tuple(x.into_iter().chain(y).collect())),
            _ => Ok(Value::NotImplemented),
        }
    });
    let mul = |name: &'static str, reflected: &'static str| {
        (
            name,
            crate::func::Function::native("tuple", name, &["self", "other"], move |a| {
                let Some(x) = tuple_items(&a[0]) else { return Ok(Value::NotImplemented) };
                if !matches!(a[1], Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
                    && ops::type_of(&a[1]).has_user_attr(reflected)
                {
                    return Ok(Value::NotImplemented);
                }
                ops::binary(&Value::tuple(x), &a[1], ops::BinOp::Mul)
            }),
        )
    };
    TupleOps {
        ops: vec![
            cmp("__lt__", ops::CmpOp::Lt),
            cmp("__le__", ops::CmpOp::Le),
            cmp("__gt__", ops::CmpOp::Gt),
            cmp("__ge__", ops::CmpOp::Ge),
            ("__add__", add),
            ("__radd__", radd),
            mul("__mul__", "__rmul__"),
            mul("__rmul__", "__mul__"),
        ],
    }
});

/// `f` with `__doc__` set, as namedtuple's methods have one.
fn with_doc(f: Value, doc: String) -> Value {
    if let Value::Function(func) = &f {
        func.attrs().set_str("__doc__", Value::str(doc));
    }
    f
}

fn self_named<'a>(v: &'a Value, what: &str) -> PyResult<&'a NamedTuple> {
    downcast::<NamedTuple>(v).ok_or_else(|| {
        type_error(format!("descriptor '{what}' requires a namedtuple instance, not '{}'", ops::type_name(v)))
    })
}

/// `collections.namedtuple(typename, fields, defaults=..., module=...)` as
/// a class: what both `namedtuple()` and `typing.NamedTuple` build.
/// `fields` are valid by now; `extra_bases` follow `tuple` (`Generic`).
pub fn make_namedtuple_class(
    typename: &str,
    fields: &[String],
    defaults: Vec<Value>,
    module: &str,
    extra_bases: &[Rc<Class>],
) -> PyResult<Rc<Class>> {
    if defaults.len() > fields.len() {
        return Err(type_error("Got more default values than field names"));
    }
    let ns = Dict::new();
    ns.set_str("__doc__", Value::str(format!("{typename}({})", fields.join(", "))));
    ns.set_str("__slots__", Value::tuple_of([]));
    let field_values = || Value::tuple(fields.iter().map(|f| Value::str(f.as_str())).collect());
    ns.set_str("_fields", field_values());
    let field_defaults = Dict::new();
    for (f, v) in fields[fields.len() - defaults.len()..].iter().zip(&defaults) {
        field_defaults.set_str(f, v.clone());
    }
    ns.set_str("_field_defaults", Value::Dict(Rc::new(field_defaults)));
    // `__new__(_cls, x, y)`: a def's signature, so bad calls get the
    // binder's (CPython's) messages.
    let params: Vec<&'static str> =
        std::iter::once("_cls").chain(fields.iter().map(|f| &*Box::leak(f.clone().into_boxed_str()))).collect();
    let params: &'static [&'static str] = Box::leak(params.into_boxed_slice());
    let sig = crate::func::Signature::leaked(params, params.len(), 0);
    let new = crate::func::Function::new(
        "__new__",
        &format!("{typename}.__new__"),
        sig,
        defaults,
        vec![],
        Rc::new(|mut args: Vec<Value>| {
            let cls = args.remove(0);
            let tuple = types().tuple.clone();
            match &cls {
                Value::Class(c) if c.is_subclass(&tuple) => Ok(named(c.clone(), args)),
                Value::Class(c) => {
                    Err(type_error(format!("tuple.__new__({0}): {0} is not a subtype of tuple", c.name())))
                }
                other => {
                    Err(type_error(format!("tuple.__new__(X): X is not a type object ({})", ops::type_name(other))))
                }
            }
        }),
        None,
    );
    let new = with_doc(new, format!("Create new instance of {typename}({})", fields.join(", ")));
    ns.set_str("__new__", Value::native(crate::classes::StaticMethod { func: new }));
    let make = crate::func::Function::native(typename, "_make", &["cls", "iterable"], |a| {
        let Value::Class(cls) = &a[0] else { return Err(type_error("_make() needs a class")) };
        let items = to_vec(&a[1])?;
        let n = fields_of(cls).len();
        if items.len() != n {
            return Err(type_error(format!("Expected {n} arguments, got {}", items.len())));
        }
        Ok(named(cls.clone(), items))
    });
    let make = with_doc(make, format!("Make a new {typename} object from a sequence or iterable"));
    ns.set_str("_make", Value::native(crate::classes::ClassMethod { func: make }));
    static REPLACE_SIG: crate::func::Signature = crate::func::Signature {
        params: &["self", "kwds"],
        posonly: 1,
        positional: 1,
        varargs: false,
        kwonly: 0,
        varkw: true,
    };
    let replace = crate::func::Function::new(
        "_replace",
        &format!("{typename}._replace"),
        &REPLACE_SIG,
        vec![],
        vec![],
        Rc::new(|a: Vec<Value>| {
            let this = self_named(&a[0], "_replace")?;
            let Value::Dict(kwds) = &a[1] else { return Ok(Value::None) };
            let mut items = Vec::with_capacity(this.items.len());
            for (f, v) in fields_of(&this.class).iter().zip(&this.items) {
                items.push(kwds.remove(&Value::str(f.as_str()))?.unwrap_or_else(|| v.clone()));
            }
            if !kwds.is_empty() {
                let left = crate::fmt::repr(&Value::list(kwds.keys()))?;
                return Err(crate::exc::value_error(format!("Got unexpected field names: {left}")));
            }
            call(&crate::attr::getattr(&a[0], "_make")?, vec![Value::list(items)], vec![])
        }),
        None,
    );
    let doc = format!("Return a new {typename} object replacing specified fields with new values");
    ns.set_str("_replace", with_doc(replace, doc));
    let asdict = crate::func::Function::native(typename, "_asdict", &["self"], |a| {
        let this = self_named(&a[0], "_asdict")?;
        let pairs = fields_of(&this.class).into_iter().map(Value::str).zip(this.items.iter().cloned());
        Ok(Value::Dict(Rc::new(Dict::from_pairs(pairs)?)))
    });
    ns.set_str("_asdict", with_doc(asdict, "Return a new dict which maps field names to their values.".into()));
    let getnewargs = crate::func::Function::native(typename, "__getnewargs__", &["self"], |a| {
        Ok(Value::tuple(self_named(&a[0], "__getnewargs__")?.items.clone()))
    });
    let doc = "Return self as a plain tuple.  Used by copy and pickle.".to_string();
    ns.set_str("__getnewargs__", with_doc(getnewargs, doc));
    ns.set_str("__match_args__", field_values());
    for (index, f) in fields.iter().enumerate() {
        ns.set_str(f, Value::native(FieldGetter { index, doc: format!("Alias for field number {index}") }));
    }
    ns.set_str("__module__", Value::str(module));
    for (name, f) in &TUPLE_OPS.get().ops {
        ns.set_str(name, f.clone());
    }
    let mut bases = vec![types().tuple.clone()];
    bases.extend(extra_bases.iter().cloned());
    let mro = crate::class::c3_mro(typename, &bases)?;
    Ok(Rc::new(Class {
        name: RefCell::new(crate::str::PyStr::new(typename)),
        qualname: RefCell::new(crate::str::PyStr::new(typename)),
        module: crate::str::PyStr::new(module),
        bases,
        mro,
        dict: Rc::new(ns),
        metaclass: None,
        layout: crate::class::Layout::Object,
        builtin: None,
        slots: Some(Rc::from(Vec::new())),
        cache: Default::default(),
        id: crate::class::next_class_id(),
        attr_hint: Default::default(),
        keys: Default::default(),
    }))
}

impl NamedTuple {
    fn plain_repr(&self) -> PyResult<String> {
        let fields = fields_of(&self.class);
        let mut parts = Vec::new();
        for (f, v) in fields.iter().zip(&self.items) {
            parts.push(format!("{f}={}", crate::fmt::repr(v)?));
        }
        Ok(format!("{}({})", self.class.name(), parts.join(", ")))
    }

    /// `__repr__`/`__str__` a user class in the MRO defines.
    fn user_string(this: &Value, name: &str) -> PyResult<String> {
        match crate::call::call_method(this, name, vec![], vec![])? {
            Value::Str(s) => Ok(s.as_str().to_string()),
            other => Err(type_error(format!("{name} returned non-string (type {})", ops::type_name(&other)))),
        }
    }

    /// Whether every class from this one down to `tuple` declares
    /// `__slots__`, so instances have no `__dict__`.
    fn slotted(&self) -> bool {
        self.class
            .mro_with_self()
            .iter()
            .take_while(|c| c.builtin.is_none())
            .all(|c| c.dict.get_str("__slots__").is_some())
    }
}

impl Native for NamedTuple {
    fn type_name(&self) -> &'static str {
        interned_type_name(self.class.name().as_str())
    }

    fn delattr(&self, this: &Value, name: &str) -> Option<PyResult<()>> {
        let attr = self.class.lookup(name);
        if attr.as_ref().is_some_and(|a| downcast::<FieldGetter>(a).is_some()) {
            return Some(Err(crate::exc::attribute_error("can't delete attribute")));
        }
        if let Some(d) = self.attrs.get()
            && let Ok(Some(_)) = d.remove(&Value::str(name))
        {
            return Some(Ok(()));
        }
        Some(Err(crate::exc::attribute_error(format!("'{}' object has no attribute '{name}'", ops::type_name(this)))))
    }

    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }

    fn repr(&self, this: &Value) -> PyResult<String> {
        if self.class.has_user_attr("__repr__") {
            return Self::user_string(this, "__repr__");
        }
        self.plain_repr()
    }

    fn str(&self, this: &Value) -> PyResult<String> {
        if self.class.has_user_attr("__str__") {
            return Self::user_string(this, "__str__");
        }
        self.repr(this)
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
        let o = tuple_items(other)?;
        ops::seq_compare(&self.items, &o, ops::CmpOp::Eq).ok()
    }

    fn hash(&self) -> Option<i64> {
        if let Some(f @ Value::Function(_)) = self.class.lookup("__hash__") {
            let this = named(self.class.clone(), self.items.clone());
            return call(&f, vec![this], vec![]).ok().and_then(|h| match h {
                Value::Int(i) => Some(i),
                _ => None,
            });
        }
        ops::hash(&Value::tuple(self.items.clone())).ok()
    }

    /// A subclass that sets `__eq__` without `__hash__` is unhashable, and
    /// so is a namedtuple holding an unhashable item (CPython names the
    /// item's type; this reports the namedtuple's).
    fn unhashable(&self) -> bool {
        matches!(self.class.lookup("__hash__"), Some(Value::None))
            || self.items.iter().any(|v| !matches!(v, Value::Int(_) | Value::Str(_)) && ops::hash(v).is_err())
    }

    /// Class attributes first, as the field getters are descriptors on the
    /// class; anything else found there binds to the instance.
    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        let attr = self.class.lookup(name);
        if let Some(g) = attr.as_ref().and_then(downcast::<FieldGetter>) {
            return Some(self.items.get(g.index).cloned().ok_or_else(|| index_error("tuple index out of range")));
        }
        if !self.slotted() {
            if name == "__dict__" {
                return Some(Ok(Value::Dict(self.attrs.get_or_init(Default::default).clone())));
            }
            let is_data = attr.as_ref().is_some_and(crate::attr::is_data_descriptor);
            if !is_data && let Some(v) = self.attrs.get().and_then(|d| d.get_str(name)) {
                return Some(Ok(v));
            }
        }
        Some(crate::attr::descriptor_get(&attr?, this, &self.class))
    }

    fn setattr(&self, this: &Value, name: &str, value: Value) -> Option<PyResult<()>> {
        let attr = self.class.lookup(name);
        if attr.as_ref().is_some_and(|a| downcast::<FieldGetter>(a).is_some()) {
            return Some(Err(crate::exc::attribute_error("can't set attribute")));
        }
        if let Some(a) = attr.as_ref().filter(|a| crate::attr::is_data_descriptor(a)) {
            return Some(match a {
                Value::Object(_) => crate::call::call_method(a, "__set__", vec![this.clone(), value], vec![]).map(drop),
                _ => crate::classes::native_descriptor_set(a, this, Some(value)),
            });
        }
        if self.slotted() {
            return Some(Err(crate::exc::attribute_error(format!(
                "'{}' object has no attribute '{name}'",
                ops::type_name(this)
            ))));
        }
        self.attrs.get_or_init(Default::default).set_str(name, value);
        Some(Ok(()))
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "count" | "index")
    }

    fn call_method(&self, this: &Value, name: &str, args: Vec<Value>, kw: Kwargs) -> Option<PyResult<Value>> {
        // What the class defines binds and is called as any method.
        if self.class.lookup(name).is_some() {
            return None;
        }
        Some(match name {
            "__repr__" => self.repr(this).map(Value::str),
            "__str__" => self.str(this).map(Value::str),
            "__len__" => Ok(Value::Int(self.items.len() as i64)),
            "__getitem__" if args.len() == 1 => ops::getitem(&Value::tuple(self.items.clone()), &args[0]),
            "__contains__" if args.len() == 1 => {
                ops::contains(&Value::tuple(self.items.clone()), &args[0]).map(Value::Bool)
            }
            "__hash__" => ops::hash(this).map(Value::Int),
            "count" | "index" => crate::methods::call_builtin_method(&Value::tuple(self.items.clone()), name, args, kw),
            _ => return None,
        })
    }
}

/// `namedtuple`'s checks of the type and field names (renaming bad field
/// names to `_0`, `_1`... when `rename`), with CPython's errors.
pub fn check_names(typename: &str, fields: &mut [String], rename: bool) -> PyResult<()> {
    if rename {
        let mut seen: Vec<String> = Vec::new();
        for (index, name) in fields.iter_mut().enumerate() {
            let bad = !crate::str_methods::isidentifier(name)
                || KEYWORDS.contains(&name.as_str())
                || name.starts_with('_')
                || seen.contains(name);
            seen.push(name.clone());
            if bad {
                *name = format!("_{index}");
            }
        }
    }
    for name in std::iter::once(typename).chain(fields.iter().map(String::as_str)) {
        let shown = crate::fmt::repr(&Value::str(name))?;
        if !crate::str_methods::isidentifier(name) {
            return Err(crate::exc::value_error(format!(
                "Type names and field names must be valid identifiers: {shown}"
            )));
        }
        if KEYWORDS.contains(&name) {
            return Err(crate::exc::value_error(format!("Type names and field names cannot be a keyword: {shown}")));
        }
    }
    let mut seen: Vec<&String> = Vec::new();
    for name in fields.iter() {
        let shown = crate::fmt::repr(&Value::str(name.as_str()))?;
        if name.starts_with('_') && !rename {
            return Err(crate::exc::value_error(format!("Field names cannot start with an underscore: {shown}")));
        }
        if seen.contains(&name) {
            return Err(crate::exc::value_error(format!("Encountered duplicate field name: {shown}")));
        }
        seen.push(name);
    }
    Ok(())
}

static NAMEDTUPLE_SIG: crate::func::Signature = crate::func::Signature {
    params: &["typename", "field_names", "rename", "defaults", "module"],
    posonly: 0,
    positional: 2,
    varargs: false,
    kwonly: 3,
    varkw: false,
};

/// `namedtuple(typename, field_names, *, rename=False, defaults=None, module=None)`.
fn namedtuple(args: Vec<Value>) -> PyResult<Value> {
    let typename = crate::fmt::str_(&args[0])?;
    let mut fields: Vec<String> = match &args[1] {
        Value::Str(s) => s.replace(',', " ").split_whitespace().map(String::from).collect(),
        other => to_vec(other)?.iter().map(crate::fmt::str_).collect::<PyResult<_>>()?,
    };
    let rename = ops::truthy(&args[2])?;
    check_names(&typename, &mut fields, rename)?;
    let defaults = if args[3].is_none() { Vec::new() } else { to_vec(&args[3])? };
    let module = if args[4].is_none() { "__main__".to_string() } else { crate::fmt::str_(&args[4])? };
    Ok(Value::Class(make_namedtuple_class(&typename, &fields, defaults, &module, &[])?))
}

pub fn module_attrs() -> Dict {
    let d = Dict::new();
    let c = CLASSES.get();
    d.set_str("deque", Value::Class(c.deque.clone()));
    d.set_str("Counter", Value::Class(c.counter.clone()));
    d.set_str("defaultdict", Value::Class(c.defaultdict.clone()));
    d.set_str("OrderedDict", Value::Class(c.ordered.clone()));
    d.set_str("ChainMap", Value::Class(c.chainmap.clone()));
    d.set_str(
        "namedtuple",
        crate::func::Function::in_module(
            "collections",
            "namedtuple",
            &NAMEDTUPLE_SIG,
            vec![],
            vec![Some(Value::Bool(false)), Some(Value::None), Some(Value::None)],
            namedtuple,
        ),
    );
    d
}

/// The collections a user class may derive from (see `crate::subclass`).
pub fn is_subclassable(cls: &Rc<Class>) -> bool {
    let c = CLASSES.get();
    [&c.counter, &c.defaultdict, &c.ordered, &c.deque].iter().any(|b| Rc::ptr_eq(b, cls))
}

/// Makes `target` (a deque, Counter, defaultdict or OrderedDict carried by
/// an instance of a subclass) hold what `made` holds, as `__init__` of its
/// type would have: `super().__init__(int)` in a defaultdict subclass.
pub fn refill(target: &Value, made: &Value) -> PyResult<bool> {
    if let (Some(t), Some(m)) = (downcast::<DictLike>(target), downcast::<DictLike>(made)) {
        t.dict.clear();
        for (k, v) in m.dict.items() {
            t.dict.set(k, v)?;
        }
        *t.factory.borrow_mut() = m.factory.borrow().clone();
        return Ok(true);
    }
    if let (Some(t), Some(m)) = (downcast::<Deque>(target), downcast::<Deque>(made)) {
        *t.items.borrow_mut() = m.items.borrow().clone();
        t.maxlen.set(m.maxlen.get());
        return Ok(true);
    }
    Ok(false)
}
