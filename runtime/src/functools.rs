//! The `functools` module: `reduce`, `partial`, `wraps`/`update_wrapper`,
//! `lru_cache`/`cache`, `total_ordering`, `cmp_to_key` and `singledispatch`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::call::call;
use crate::dict::Dict;
use crate::exc::{PyResult, type_error};
use crate::func::{BuiltinFunction, Function, Kwargs};
use crate::native::Native;
use crate::ops;
use crate::str::PyStr;
use crate::value::Value;

fn reduce(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let f = args.first().cloned().unwrap_or_default();
    let mut it = crate::iter::iter(args.get(1).unwrap_or(&Value::None))?;
    let mut acc = match args.get(2) {
        Some(init) => init.clone(),
        None => it.next()?.ok_or_else(|| type_error("reduce() of empty iterable with no initial value"))?,
    };
    while let Some(v) = it.next()? {
        acc = call(&f, vec![acc, v], vec![])?;
    }
    Ok(acc)
}

/// `partial(func, *args, **kwargs)`.
struct Partial {
    func: Value,
    args: Vec<Value>,
    kwargs: Kwargs,
}

impl Native for Partial {
    fn type_name(&self) -> &'static str {
        "functools.partial"
    }

    fn call(&self, _this: &Value, args: Vec<Value>, kwargs: Kwargs) -> Option<PyResult<Value>> {
        let mut all = self.args.clone();
        all.extend(args);
        let mut kw = self.kwargs.clone();
        for (k, v) in kwargs {
            match kw.iter_mut().find(|(n, _)| *n == k) {
                Some(slot) => slot.1 = v,
                None => kw.push((k, v)),
            }
        }
        Some(call(&self.func, all, kw))
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        let mut parts = vec![crate::fmt::repr(&self.func)?];
        for a in &self.args {
            parts.push(crate::fmt::repr(a)?);
        }
        for (k, v) in &self.kwargs {
            parts.push(format!("{k}={}", crate::fmt::repr(v)?));
        }
        Ok(format!("functools.partial({})", parts.join(", ")))
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        Some(Ok(match name {
            "func" => self.func.clone(),
            "args" => Value::tuple(self.args.clone()),
            "keywords" => {
                let d = Dict::new();
                for (k, v) in &self.kwargs {
                    d.set_str(k, v.clone());
                }
                Value::Dict(Rc::new(d))
            }
            _ => return None,
        }))
    }
}

fn partial(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let mut it = args.into_iter();
    let func = it.next().ok_or_else(|| type_error("type 'partial' takes at least one argument"))?;
    if !crate::builtins::is_callable(&func) {
        return Err(type_error("the first argument must be callable"));
    }
    Ok(Value::native(Partial { func, args: it.collect(), kwargs }))
}

const WRAPPER_ASSIGNMENTS: &[&str] =
    &["__module__", "__name__", "__qualname__", "__doc__", "__annotations__", "__type_params__"];

/// `update_wrapper(wrapper, wrapped)`.
pub fn update_wrapper(wrapper: &Value, wrapped: &Value) -> PyResult<()> {
    for name in WRAPPER_ASSIGNMENTS {
        if let Ok(v) = crate::attr::getattr(wrapped, name) {
            let _ = crate::attr::setattr(wrapper, name, v);
        }
    }
    if let (Value::Function(dst), Value::Function(src)) = (wrapper, wrapped)
        && let Some(d) = src.attrs.borrow().as_ref()
    {
        for (k, v) in d.items() {
            dst.attrs().set(k, v)?;
        }
    }
    crate::attr::setattr(wrapper, "__wrapped__", wrapped.clone())
}

struct Wraps {
    wrapped: Value,
}

impl Native for Wraps {
    fn type_name(&self) -> &'static str {
        "functools.partial"
    }

    fn call(&self, _this: &Value, args: Vec<Value>, _kw: Kwargs) -> Option<PyResult<Value>> {
        let wrapper = args.into_iter().next().unwrap_or_default();
        Some(update_wrapper(&wrapper, &self.wrapped).map(|_| wrapper))
    }
}

fn wraps(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Ok(Value::native(Wraps { wrapped: args.into_iter().next().unwrap_or_default() }))
}

fn update_wrapper_fn(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let w = args.first().cloned().unwrap_or_default();
    update_wrapper(&w, args.get(1).unwrap_or(&Value::None))?;
    Ok(w)
}

/// `lru_cache(maxsize)` / `cache`: memoises by the call's arguments.
struct LruCache {
    func: Value,
    maxsize: Option<usize>,
    cache: Dict,
    hits: Cell<u64>,
    misses: Cell<u64>,
    attrs: RefCell<Option<Rc<Dict>>>,
}

impl LruCache {
    fn key(args: &[Value], kwargs: &Kwargs) -> Value {
        if kwargs.is_empty() && args.len() == 1 && matches!(args[0], Value::Int(_) | Value::Str(_)) {
            return args[0].clone();
        }
        let mut parts = args.to_vec();
        if !kwargs.is_empty() {
            parts.push(Value::Ellipsis);
            for (k, v) in kwargs {
                parts.push(Value::Str(k.clone()));
                parts.push(v.clone());
            }
        }
        Value::tuple(parts)
    }
}

impl Native for LruCache {
    fn type_name(&self) -> &'static str {
        "functools._lru_cache_wrapper"
    }

    fn call(&self, _this: &Value, args: Vec<Value>, kwargs: Kwargs) -> Option<PyResult<Value>> {
        Some((|| {
            let key = LruCache::key(&args, &kwargs);
            if let Some(v) = self.cache.get(&key)? {
                self.hits.set(self.hits.get() + 1);
                // Move to the most recently used end.
                self.cache.remove(&key)?;
                self.cache.set(key, v.clone())?;
                return Ok(v);
            }
            self.misses.set(self.misses.get() + 1);
            let v = call(&self.func, args, kwargs)?;
            if self.maxsize != Some(0) {
                self.cache.set(key, v.clone())?;
                if let Some(max) = self.maxsize {
                    while self.cache.len() > max {
                        let first = self.cache.keys().into_iter().next();
                        if let Some(k) = first {
                            self.cache.remove(&k)?;
                        }
                    }
                }
            }
            Ok(v)
        })())
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        if name == "__wrapped__" {
            return Some(Ok(self.func.clone()));
        }
        if let Some(v) = self.attrs.borrow().as_ref().and_then(|d| d.get_str(name)) {
            return Some(Ok(v));
        }
        Some(crate::attr::getattr(&self.func, name))
    }

    fn setattr(&self, _this: &Value, name: &str, value: Value) -> Option<PyResult<()>> {
        self.attrs.borrow_mut().get_or_insert_with(|| Rc::new(Dict::new())).set_str(name, value);
        Some(Ok(()))
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "cache_info" | "cache_clear")
    }

    fn call_method(&self, _this: &Value, name: &str, _args: Vec<Value>, _kw: Kwargs) -> Option<PyResult<Value>> {
        Some(match name {
            "cache_info" => Ok(Value::native(CacheInfo {
                hits: self.hits.get(),
                misses: self.misses.get(),
                maxsize: self.maxsize,
                size: self.cache.len(),
            })),
            "cache_clear" => {
                self.cache.clear();
                self.hits.set(0);
                self.misses.set(0);
                Ok(Value::None)
            }
            _ => return None,
        })
    }
}

struct CacheInfo {
    hits: u64,
    misses: u64,
    maxsize: Option<usize>,
    size: usize,
}

impl Native for CacheInfo {
    fn type_name(&self) -> &'static str {
        "CacheInfo"
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        let max = self.maxsize.map_or("None".to_string(), |m| m.to_string());
        Ok(format!("CacheInfo(hits={}, misses={}, maxsize={max}, currsize={})", self.hits, self.misses, self.size))
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        Some(Ok(match name {
            "hits" => Value::Int(self.hits as i64),
            "misses" => Value::Int(self.misses as i64),
            "maxsize" => self.maxsize.map_or(Value::None, |m| Value::Int(m as i64)),
            "currsize" => Value::Int(self.size as i64),
            _ => return None,
        }))
    }
}

fn make_cache(func: Value, maxsize: Option<usize>) -> Value {
    Value::native(LruCache {
        func,
        maxsize,
        cache: Dict::new(),
        hits: Cell::new(0),
        misses: Cell::new(0),
        attrs: RefCell::new(None),
    })
}

struct LruDecorator {
    maxsize: Option<usize>,
}

impl Native for LruDecorator {
    fn type_name(&self) -> &'static str {
        "function"
    }

    fn call(&self, _this: &Value, args: Vec<Value>, _kw: Kwargs) -> Option<PyResult<Value>> {
        Some(Ok(make_cache(args.into_iter().next().unwrap_or_default(), self.maxsize)))
    }
}

fn lru_cache(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let mut maxsize: Value = Value::Int(128);
    let first = args.into_iter().next();
    if let Some(f) = &first {
        if crate::builtins::is_callable(f) {
            return Ok(make_cache(f.clone(), Some(128)));
        }
        maxsize = f.clone();
    }
    for (k, v) in kwargs {
        if k.as_str() == "maxsize" {
            maxsize = v;
        }
    }
    let max = match maxsize {
        Value::None => None,
        v => Some(ops::index_of(&v, "maxsize")?.max(0) as usize),
    };
    Ok(Value::native(LruDecorator { maxsize: max }))
}

fn cache(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Ok(make_cache(args.into_iter().next().unwrap_or_default(), None))
}

/// `@total_ordering`: derives the missing comparisons from one of
/// `__lt__`/`__le__`/`__gt__`/`__ge__` and `__eq__`.
fn total_ordering(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let cls_v = args.into_iter().next().unwrap_or_default();
    let Value::Class(cls) = &cls_v else { return Err(type_error("total_ordering needs a class")) };
    let defined: Vec<&str> =
        ["__lt__", "__le__", "__gt__", "__ge__"].into_iter().filter(|n| cls.has_user_attr(n)).collect();
    let Some(&root) = ["__lt__", "__le__", "__gt__", "__ge__"].iter().find(|n| defined.contains(n)) else {
        return Err(crate::exc::value_error("must define at least one ordering operation: < > <= >="));
    };
    let qual = cls.qualname().to_string();
    // Each derived operator in terms of `root` and `==`, as functools does.
    let derive = |op: &'static str| -> Value {
        Function::native(&qual, op, &["self", "other"], move |a| {
            let r = crate::call::call_method(&a[0], root, vec![a[1].clone()], vec![])?;
            if matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
            let r = ops::truthy(&r)?;
            let eq = || -> PyResult<bool> { ops::eq(&a[0], &a[1]) };
            Ok(Value::Bool(match (root, op) {
                ("__lt__", "__gt__") => !r && !eq()?,
                ("__lt__", "__le__") => r || eq()?,
                ("__lt__", "__ge__") => !r,
                ("__le__", "__ge__") => !r || eq()?,
                ("__le__", "__lt__") => r && !eq()?,
                ("__le__", "__gt__") => !r,
                ("__gt__", "__lt__") => !r && !eq()?,
                ("__gt__", "__ge__") => r || eq()?,
                ("__gt__", "__le__") => !r,
                ("__ge__", "__le__") => !r || eq()?,
                ("__ge__", "__gt__") => r && !eq()?,
                ("__ge__", "__lt__") => !r,
                _ => r,
            }))
        })
    };
    for op in ["__lt__", "__le__", "__gt__", "__ge__"] {
        if !defined.contains(&op) {
            cls.dict.set_str(op, derive(op));
        }
    }
    Ok(cls_v)
}

/// `cmp_to_key(mycmp)`: a key class whose comparisons call `mycmp`.
fn cmp_to_key(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let cmp = args.into_iter().next().unwrap_or_default();
    let ns = Dict::new();
    for (name, test) in [
        ("__lt__", (|c: i64| c < 0) as fn(i64) -> bool),
        ("__gt__", |c| c > 0),
        ("__le__", |c| c <= 0),
        ("__ge__", |c| c >= 0),
        ("__eq__", |c| c == 0),
    ] {
        let f = cmp.clone();
        ns.set_str(
            name,
            Function::native("K", name, &["self", "other"], move |a| {
                let x = crate::attr::getattr(&a[0], "obj")?;
                let y = crate::attr::getattr(&a[1], "obj")?;
                let r = call(&f, vec![x, y], vec![])?;
                let c = ops::compare(&r, &Value::Int(0), ops::CmpOp::Lt)?;
                let sign = if ops::truthy(&c)? {
                    -1
                } else if ops::eq(&r, &Value::Int(0))? {
                    0
                } else {
                    1
                };
                Ok(Value::Bool(test(sign)))
            }),
        );
    }
    ns.set_str(
        "__init__",
        Function::native("K", "__init__", &["self", "obj"], |a| {
            crate::attr::setattr(&a[0], "obj", a[1].clone()).map(|_| Value::None)
        }),
    );
    ns.set_str("__hash__", Value::None);
    ns.set_str("__module__", Value::str("functools"));
    crate::classes::type_new(&crate::types::types().type_, "K", vec![], ns, vec![])
}

/// `functools.cached_property`: a non-data descriptor that computes the
/// value once and stores it in the instance `__dict__` under the attribute
/// name, where later lookups find it before the descriptor.
pub struct CachedProperty {
    func: Value,
    name: RefCell<Option<PyStr>>,
}

impl CachedProperty {
    pub fn get(&self, obj: &Value) -> PyResult<Value> {
        let Some(name) = self.name.borrow().clone() else {
            return Err(type_error("Cannot use cached_property instance without calling __set_name__ on it."));
        };
        let Value::Object(inst) = obj else {
            return call(&self.func, vec![obj.clone()], vec![]);
        };
        if let Some(v) = inst.get_attr(name.as_str()) {
            return Ok(v);
        }
        if inst.class.slots.is_some() {
            return Err(type_error(format!(
                "No '__dict__' attribute on '{}' instance to cache '{}' property.",
                inst.class.name(),
                name
            )));
        }
        let v = call(&self.func, vec![obj.clone()], vec![])?;
        inst.set_attr(&crate::attr::intern(name.as_str()), v.clone());
        Ok(v)
    }
}

impl Native for CachedProperty {
    fn type_name(&self) -> &'static str {
        "cached_property"
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        match name {
            "func" => Some(Ok(self.func.clone())),
            "attrname" => Some(Ok(self.name.borrow().clone().map(Value::Str).unwrap_or_default())),
            "__doc__" => Some(crate::attr::getattr_default(&self.func, "__doc__", Value::None)),
            _ => None,
        }
    }

    fn has_method(&self, name: &str) -> bool {
        name == "__set_name__"
    }

    fn call_method(&self, _this: &Value, name: &str, args: Vec<Value>, _kwargs: Kwargs) -> Option<PyResult<Value>> {
        if name != "__set_name__" {
            return None;
        }
        let Some(Value::Str(attr)) = args.get(1) else {
            return Some(Err(type_error("__set_name__() needs the owner and an attribute name")));
        };
        let mut slot = self.name.borrow_mut();
        match slot.as_ref() {
            Some(old) if old.as_str() != attr.as_str() => Some(Err(type_error(format!(
                "Cannot assign the same cached_property to two different names ('{old}' and '{attr}')."
            )))),
            _ => {
                *slot = Some(attr.clone());
                Some(Ok(Value::None))
            }
        }
    }
}

fn cached_property(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let [func] = crate::func::args::<1>(args);
    Ok(Value::native(CachedProperty { func, name: RefCell::new(None) }))
}

// ---------------------------------------------------------- singledispatch
//
// `singledispatch(func)` as Lib/functools.py builds it: a `wrapper`
// function (so it binds as a method like any def) calling the
// implementation registered for the first argument's `__class__`, found
// along its MRO. `register(cls)` (a decorator) and `register(cls, func)`,
// with a class or a union of classes, fill the registry, which
// `wrapper.registry` shows read-only and `wrapper.dispatch(cls)` searches.
// Plain `@register` reads the function's first annotation (as
// `get_type_hints` gives it: a string annotation would be evaluated in
// the module, which is not written, so it raises NotImplementedError).

/// `isinstance(cls, type)`, or a union of classes: the classes it stands for.
fn dispatch_types(cls: &Value) -> Option<Vec<Value>> {
    match cls {
        Value::Class(_) => Some(vec![cls.clone()]),
        _ => {
            let u = crate::native::downcast::<crate::builtins::UnionType>(cls)?;
            u.args.iter().all(|a| matches!(a, Value::Class(_))).then(|| u.args.clone())
        }
    }
}

/// `dispatch(cls)`: the first class of `cls.__mro__` with an implementation.
fn dispatch(registry: &Dict, cls: &Value) -> PyResult<Value> {
    let Value::Class(c) = cls else {
        return Err(type_error(format!("dispatch() argument must be a class, not {}", ops::type_name(cls))));
    };
    for k in c.mro_with_self() {
        let Some(f) = registry.get(&Value::Class(k.clone()))? else { continue };
        // CPython also finds abstract base classes `cls` is a virtual
        // subclass of (`_compose_mro`); that search is not written here.
        if Rc::ptr_eq(&k, &crate::types::types().object) {
            for other in registry.keys() {
                if !other.is(&Value::Class(k.clone())) && crate::builtins::is_subclass(cls, &other)? {
                    return Err(crate::exc::not_implemented_error(
                        "py2rs: singledispatch through an abstract base class is not supported",
                    ));
                }
            }
        }
        return Ok(f);
    }
    Ok(Value::None)
}

struct Register {
    registry: Rc<Dict>,
    /// `register(cls)` waiting for its function.
    cls: Option<Value>,
}

impl Register {
    fn add(&self, cls: &Value, types: Vec<Value>, func: Value) -> PyResult<Value> {
        let _ = cls;
        for t in types {
            self.registry.set(t, func.clone())?;
        }
        Ok(func)
    }

    /// `register(cls, func=None)`.
    fn register(&self, cls: Value, func: Option<Value>) -> PyResult<Value> {
        if let Some(types) = dispatch_types(&cls) {
            return match func {
                None => Ok(Value::native(Register { registry: self.registry.clone(), cls: Some(cls) })),
                Some(f) => self.add(&cls, types, f),
            };
        }
        if func.is_some() {
            return Err(type_error(format!(
                "Invalid first argument to `register()`. {} is not a class or union type.",
                crate::fmt::repr(&cls)?
            )));
        }
        let ann = match crate::attr::getattr(&cls, "__annotations__") {
            Ok(ann) => ann,
            Err(e) if e.is_instance(&crate::types::types().attribute_error) => Value::None,
            Err(e) => return Err(e),
        };
        let first = match &ann {
            Value::Dict(d) => d.items().into_iter().next(),
            _ => None,
        };
        let Some((argname, hint)) = first else {
            return Err(type_error(format!(
                "Invalid first argument to `register()`: {}. Use either `@register(some_class)` or plain `@register` on an annotated function.",
                crate::fmt::repr(&cls)?
            )));
        };
        // `get_type_hints` reads an annotation of None as NoneType.
        let hint = if hint.is_none() { Value::Class(crate::types::types().none.clone()) } else { hint };
        if matches!(hint, Value::Str(_)) {
            return Err(crate::exc::not_implemented_error(
                "py2rs: singledispatch register() of a string annotation (get_type_hints) is not supported",
            ));
        }
        let origin = crate::attr::getattr(&hint, "__origin__").ok();
        if origin
            .as_ref()
            .and_then(crate::native::downcast::<crate::typing::TypingSpecial>)
            .is_some_and(|t| matches!(t.name, "Optional" | "Union"))
        {
            return Err(crate::exc::not_implemented_error(
                "py2rs: singledispatch register() of a typing.Optional or typing.Union annotation is not supported; use X | Y",
            ));
        }
        match dispatch_types(&hint) {
            Some(types) => self.add(&hint, types, cls),
            None => {
                let what = if crate::native::downcast::<crate::builtins::UnionType>(&hint).is_some() {
                    "not all arguments are classes"
                } else {
                    "is not a class"
                };
                Err(type_error(format!(
                    "Invalid annotation for {}. {} {what}.",
                    crate::fmt::repr(&argname)?,
                    crate::fmt::repr(&hint)?
                )))
            }
        }
    }
}

impl Native for Register {
    fn type_name(&self) -> &'static str {
        "function"
    }

    fn call(&self, _this: &Value, args: Vec<Value>, kwargs: Kwargs) -> Option<PyResult<Value>> {
        Some((|| {
            let mut it = args.into_iter();
            if let Some(cls) = &self.cls {
                let f = it.next().ok_or_else(|| type_error("register() missing the function"))?;
                return self.register(cls.clone(), Some(f));
            }
            let mut cls = it.next();
            let mut func = it.next();
            for (k, v) in kwargs {
                match k.as_str() {
                    "cls" if cls.is_none() => cls = Some(v),
                    "func" if func.is_none() => func = Some(v),
                    _ => return Err(type_error(format!("register() got an unexpected keyword argument '{k}'"))),
                }
            }
            let cls = cls.ok_or_else(|| type_error("register() missing 1 required positional argument: 'cls'"))?;
            self.register(cls, func.filter(|f| !f.is_none()))
        })())
    }
}

struct Dispatcher {
    registry: Rc<Dict>,
}

impl Native for Dispatcher {
    fn type_name(&self) -> &'static str {
        "function"
    }

    fn call(&self, _this: &Value, args: Vec<Value>, _kw: Kwargs) -> Option<PyResult<Value>> {
        Some(match <[Value; 1]>::try_from(args) {
            Ok([cls]) => dispatch(&self.registry, &cls),
            Err(a) => Err(type_error(format!("dispatch() takes 1 positional argument but {} were given", a.len()))),
        })
    }
}

fn singledispatch(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    use crate::func::Signature;
    static WRAPPER_SIG: Signature =
        Signature { params: &["args", "kw"], posonly: 0, positional: 0, varargs: true, kwonly: 0, varkw: true };
    let [func] = crate::func::args::<1>(args);
    let registry = Rc::new(Dict::new());
    registry.set(Value::Class(crate::types::types().object.clone()), func.clone())?;
    let funcname = match crate::attr::getattr_default(&func, "__name__", Value::None)? {
        Value::Str(s) => s.to_string(),
        _ => "singledispatch function".to_string(),
    };
    let reg = registry.clone();
    let body = move |a: Vec<Value>| -> PyResult<Value> {
        let args = crate::iter::to_vec(&a[0])?;
        let mut kwargs: Kwargs = Vec::new();
        if let Value::Dict(d) = &a[1] {
            for (k, v) in d.items() {
                if let Value::Str(k) = k {
                    kwargs.push((k, v));
                }
            }
        }
        let Some(first) = args.first() else {
            return Err(type_error(format!("{funcname} requires at least 1 positional argument")));
        };
        let cls = crate::attr::getattr(first, "__class__")?;
        let f = dispatch(&reg, &cls)?;
        call(&f, args, kwargs)
    };
    let wrapper =
        Function::new("wrapper", "singledispatch.<locals>.wrapper", &WRAPPER_SIG, vec![], vec![], Rc::new(body), None);
    if let Value::Function(w) = &wrapper {
        let attrs = w.attrs();
        attrs.set_str("register", Value::native(Register { registry: registry.clone(), cls: None }));
        attrs.set_str("dispatch", Value::native(Dispatcher { registry: registry.clone() }));
        attrs.set_str("registry", crate::mappingproxy::of_dict(registry));
    }
    update_wrapper(&wrapper, &func)?;
    Ok(wrapper)
}

pub fn module_attrs() -> Dict {
    let d = Dict::new();
    let fns: &[(&'static str, crate::func::BuiltinFn)] = &[
        ("reduce", reduce),
        ("partial", partial),
        ("wraps", wraps),
        ("update_wrapper", update_wrapper_fn),
        ("lru_cache", lru_cache),
        ("cache", cache),
        ("total_ordering", total_ordering),
        ("cmp_to_key", cmp_to_key),
        ("cached_property", cached_property),
        ("singledispatch", singledispatch),
    ];
    for (name, f) in fns {
        d.set_str(name, Value::native(BuiltinFunction { name, f: *f }));
    }
    d
}
