//! Instances of user classes deriving from a built-in type (`class
//! Money(int)`, `class Registry(dict)`, an IntEnum's members).
//!
//! Such an instance is a `Value::Object` like any other, so it has a
//! class, attributes and user methods; it also carries the built-in value
//! it *is*, its base value (`Instance::base`). Whatever the class does not
//! define itself falls through to that value, as CPython's inherited slots
//! do: `Money(3) + 1` is `int.__add__(3, 1)`, an int; `len(registry)`,
//! `registry[k]` and `registry.items()` act on the dict inside. Each
//! operation checks for a user definition first and asks `inherited` only
//! on its slow path, so plain objects and built-in values pay nothing.

use std::rc::Rc;

use crate::class::{Class, Instance, Layout};
use crate::exc::type_error;
use crate::prelude::*;
use crate::str::PyStr;
use crate::types::types;

/// The built-in types a class may derive from. Their values are immutable
/// (int, float, str, tuple, frozenset: the value is made by `__new__`) or
/// shared through an `Rc` (list, dict, set and the collections deque,
/// Counter, defaultdict, OrderedDict: `__init__` fills the value the
/// instance already holds).
fn subclassable(cls: &Rc<Class>) -> bool {
    let t = types();
    [&t.int, &t.float, &t.str_, &t.tuple, &t.frozenset, &t.list, &t.dict, &t.set].iter().any(|b| Rc::ptr_eq(b, cls))
        || crate::collections::is_subclassable(cls)
}

/// Whether `cls`'s value is filled by `__init__` rather than made by `__new__`.
fn mutable(base: &Rc<Class>) -> bool {
    let t = types();
    Rc::ptr_eq(base, &t.list)
        || Rc::ptr_eq(base, &t.dict)
        || Rc::ptr_eq(base, &t.set)
        || crate::collections::is_subclassable(base)
}

/// The built-in type among `bases` (and their bases) that instances of a
/// new class would be, or CPython's error for a base that cannot be one.
pub fn base_of_new_class(bases: &[Rc<Class>]) -> PyResult<Option<Rc<Class>>> {
    let mut found: Option<Rc<Class>> = None;
    for b in bases {
        let Some(base) = builtin_base(b)? else { continue };
        match &found {
            Some(f) if f.is_subclass(&base) => {}
            Some(f) if base.is_subclass(f) => found = Some(base),
            Some(_) => return Err(type_error("multiple bases have instance lay-out conflict")),
            None => found = Some(base),
        }
    }
    Ok(found)
}

/// The built-in type `cls` is or derives from, skipping `object`.
fn builtin_base(cls: &Rc<Class>) -> PyResult<Option<Rc<Class>>> {
    for c in cls.mro_with_self() {
        if c.layout != Layout::Builtin || c.builtin.is_none() || Rc::ptr_eq(&c, &types().object) {
            continue;
        }
        if Rc::ptr_eq(&c, &types().type_) {
            return Ok(None);
        }
        if Rc::ptr_eq(&c, &types().bool_) || c.name().as_str() == "range" || c.name().as_str() == "slice" {
            return Err(type_error(format!("type '{}' is not an acceptable base type", c.name())));
        }
        if !subclassable(&c) {
            return Err(crate::exc::not_implemented_error(format!(
                "py2rs: subclassing the built-in type '{}' is not supported yet",
                c.name()
            )));
        }
        return Ok(Some(c));
    }
    Ok(None)
}

/// The built-in type whose values instances of `cls` carry, if any.
pub fn value_type(cls: &Rc<Class>) -> Option<Rc<Class>> {
    cls.mro_with_self().into_iter().find(|c| c.layout == Layout::Builtin && subclassable(c))
}

/// The base value of `v` when it has one and no user class before the
/// built-in type in its MRO defines `dunder`: the value the built-in
/// operation then acts on. (`class Color(str, Enum)` hashes as a str:
/// `str` comes before `Enum`, whose `__hash__` it hides.)
#[inline]
pub fn inherited<'a>(v: &'a Value, dunder: &str) -> Option<&'a Value> {
    match v {
        Value::Object(o) => {
            let base = o.base()?;
            (!o.class.has_user_attr(dunder) || base_first(&o.class, dunder)).then_some(base)
        }
        _ => None,
    }
}

/// Whether the built-in type instances of `cls` carry comes before, in
/// its MRO, every user class defining `name`.
pub fn base_first(cls: &Rc<Class>, name: &str) -> bool {
    for c in cls.mro_with_self() {
        if c.builtin.is_some() {
            if subclassable(&c) {
                return true;
            }
            continue;
        }
        if c.dict.get_str(name).is_some() {
            return false;
        }
    }
    true
}

/// The base value of `v`, or `v` itself.
#[inline]
pub fn plain(v: &Value) -> &Value {
    match v {
        Value::Object(o) => o.base().unwrap_or(v),
        _ => v,
    }
}

/// Whether `v` carries a base value.
#[inline]
pub fn has_base(v: &Value) -> bool {
    matches!(v, Value::Object(o) if o.base().is_some())
}

/// `base.__new__(cls, *args)`: a new instance of `cls` (a subclass of the
/// built-in `base`) whose value the built-in makes from the arguments; a
/// list, dict or set starts empty and is filled by `__init__`.
pub fn new(base: &Rc<Class>, cls: &Rc<Class>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    if mutable(base) { construct(base, cls, vec![], vec![]) } else { construct(base, cls, args, kwargs) }
}

/// `base.__init__(self, *args)`: fills a list, dict or set base value from
/// the arguments, as `list(iterable)`, `dict(mapping, **kw)` and
/// `set(iterable)` would; the immutable types' `__init__` does nothing.
pub fn init(base: &Rc<Class>, this: &Value, args: Vec<Value>, kwargs: Kwargs) -> PyResult<()> {
    if !mutable(base) {
        return Ok(());
    }
    let Some(value) = plain_base(this) else {
        return Err(type_error(format!(
            "descriptor '__init__' requires a '{}' object but received a '{}'",
            base.name(),
            crate::ops::type_name(this)
        )));
    };
    let info = base.builtin.expect("a built-in base");
    let made = (info.new)(base, args, kwargs)?;
    match (&value, &made) {
        (Value::List(l), Value::List(m)) => {
            let items = m.borrow().clone();
            *l.borrow_mut() = items;
        }
        (Value::Dict(d), Value::Dict(m)) => {
            d.clear();
            for (k, v) in m.items() {
                d.set(k, v)?;
            }
        }
        (Value::Set(s), Value::Set(m)) => {
            s.clear();
            for item in m.items() {
                s.add(item)?;
            }
        }
        _ => {
            crate::collections::refill(&value, &made)?;
        }
    }
    Ok(())
}

/// A clone of `v`'s base value, if it has one.
pub fn plain_base(v: &Value) -> Option<Value> {
    match v {
        Value::Object(o) => o.base().cloned(),
        _ => None,
    }
}

/// An instance of `cls` carrying `base(*args, **kwargs)`: what
/// `cls(*args, **kwargs)` makes when the class has neither `__new__` nor
/// `__init__` of its own.
pub fn construct(base: &Rc<Class>, cls: &Rc<Class>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let info = base.builtin.expect("a built-in base");
    let value = (info.new)(base, args, kwargs)?;
    Ok(Value::Object(Rc::new(Instance::with_base(cls.clone(), value))))
}

/// `Registry.fromkeys(keys, value)` on a subclass of dict: a new
/// instance of the subclass, filled through its `__setitem__`.
pub struct FromKeys {
    cls: Rc<Class>,
}

/// The built-in type's class methods, bound to a subclass `cls`.
pub fn class_method(cls: &Rc<Class>, name: &str) -> Option<Value> {
    if name != "fromkeys" || cls.builtin.is_some() {
        return None;
    }
    let base = value_type(cls)?;
    Rc::ptr_eq(&base, &types().dict).then(|| Value::native(FromKeys { cls: cls.clone() }))
}

impl crate::native::Native for FromKeys {
    fn type_name(&self) -> &'static str {
        "builtin_function_or_method"
    }

    fn call(&self, _this: &Value, args: Vec<Value>, _kwargs: Kwargs) -> Option<PyResult<Value>> {
        let run = || {
            if args.is_empty() || args.len() > 2 {
                return Err(type_error(format!("fromkeys expected at least 1 argument, got {}", args.len())));
            }
            let d = crate::classes::call_class(&self.cls, vec![], vec![])?;
            let value = args.get(1).cloned().unwrap_or_default();
            for k in crate::iter::to_vec(&args[0])? {
                crate::ops::setitem(&d, &k, value.clone())?;
            }
            Ok(d)
        };
        Some(run())
    }
}

/// `int.__new__` or `list.__init__` of a built-in type instances may
/// derive from, looked up on the type or reached through `super()`.
pub struct BaseSlot {
    pub base: Rc<Class>,
    pub name: &'static str,
    /// The instance, for `__init__` reached through `super()`.
    pub receiver: Option<Value>,
}

/// `base.name` when it is one of the two slots above, for `subclassable` bases.
pub fn slot(base: &Rc<Class>, name: &str, receiver: Option<&Value>) -> Option<Value> {
    if !subclassable(base) {
        return None;
    }
    let name = match name {
        "__new__" => "__new__",
        "__init__" => "__init__",
        _ => return None,
    };
    let receiver = if name == "__new__" { None } else { receiver.cloned() };
    Some(Value::native(BaseSlot { base: base.clone(), name, receiver }))
}

/// What `super().name` finds on the built-in `base` for an instance
/// carrying a value of it: its slots, or its method bound to the instance.
pub fn super_attr(base: &Rc<Class>, this: &Value, name: &str) -> Option<Value> {
    if let Some(s) = slot(base, name, Some(this)) {
        return Some(s);
    }
    if !subclassable(base) || !has_base(this) {
        return None;
    }
    let known = crate::methods::builtin_class_has_method(base, name)
        || crate::methods::is_protocol_dunder(name)
        || matches!(plain(this), Value::Native(n) if n.has_method(name));
    known.then(|| Value::native(crate::func::BoundBuiltin { receiver: this.clone(), name: PyStr::new(name) }))
}

impl crate::native::Native for BaseSlot {
    fn type_name(&self) -> &'static str {
        if self.name == "__new__" { "builtin_function_or_method" } else { "method-wrapper" }
    }

    fn call(&self, _this: &Value, mut args: Vec<Value>, kwargs: Kwargs) -> Option<PyResult<Value>> {
        let first = match &self.receiver {
            Some(r) => Some(r.clone()),
            None if !args.is_empty() => Some(args.remove(0)),
            None => None,
        };
        let base = &self.base;
        Some(match (self.name, first) {
            ("__new__", Some(Value::Class(cls))) if Rc::ptr_eq(&cls, base) => {
                (base.builtin.expect("a built-in base").new)(base, args, kwargs)
            }
            ("__new__", Some(Value::Class(cls))) if cls.is_subclass(base) => new(base, &cls, args, kwargs),
            ("__new__", Some(Value::Class(cls))) => {
                Err(type_error(format!("{0}.__new__({1}): {1} is not a subtype of {0}", base.name(), cls.name())))
            }
            ("__new__", Some(other)) => Err(type_error(format!(
                "{}.__new__(X): X is not a type object ({})",
                base.name(),
                crate::ops::type_name(&other)
            ))),
            ("__new__", None) => Err(type_error(format!("{}.__new__(): not enough arguments", base.name()))),
            (_, Some(this)) => init(base, &this, args, kwargs).map(|_| Value::None),
            (_, None) => {
                Err(type_error(format!("descriptor '__init__' of '{}' object needs an argument", base.name())))
            }
        })
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(match self.name {
            "__new__" => format!("<built-in method __new__ of type object at {:#x}>", Rc::as_ptr(&self.base) as usize),
            _ => format!("<slot wrapper '__init__' of '{}' objects>", self.base.name()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dict::Dict;

    trait OrPanic<T> {
        fn or_panic(self) -> T;
    }

    impl<T> OrPanic<T> for PyResult<T> {
        fn or_panic(self) -> T {
            self.unwrap_or_else(|e| panic!("{}", crate::fmt::exception_line(&e)))
        }
    }

    fn derive(name: &str, bases: &[&Rc<Class>], ns: Dict) -> PyResult<Rc<Class>> {
        let bases = bases.iter().map(|b| Value::Class((*b).clone())).collect();
        match crate::classes::type_new(&types().type_, name, bases, ns, vec![])? {
            Value::Class(c) => Ok(c),
            other => panic!("type_new gave {}", crate::ops::type_name(&other)),
        }
    }

    #[test]
    fn an_int_subclass_instance_acts_as_its_int() {
        let money = derive("Money", &[&types().int], Dict::new()).or_panic();
        let m = crate::classes::call_class(&money, vec![Value::str("12")], vec![]).or_panic();
        assert_eq!(crate::ops::type_name(&m), "Money");
        let sum = crate::ops::binary(&m, &Value::Int(1), crate::ops::BinOp::Add).or_panic();
        assert!(matches!(sum, Value::Int(13)), "int.__add__ gives a plain int");
        assert_eq!(crate::fmt::repr(&m).or_panic(), "12");
        assert_eq!(crate::ops::hash(&m).or_panic(), crate::ops::hash(&Value::Int(12)).or_panic());
        assert!(crate::ops::eq(&m, &Value::Int(12)).or_panic());
        assert_eq!(crate::ops::index_of(&m, "index").or_panic(), 12);
    }

    #[test]
    fn a_user_dunder_before_the_type_wins_and_one_after_it_does_not() {
        let ns = Dict::new();
        ns.set_str("__hash__", crate::func::Function::native("Mixin", "__hash__", &["self"], |_| Ok(Value::Int(7))));
        let mixin = derive("Mixin", &[&types().object], ns).or_panic();
        let first = derive("First", &[&mixin, &types().str_], Dict::new()).or_panic();
        let after = derive("After", &[&types().str_, &mixin], Dict::new()).or_panic();
        assert!(!base_first(&first, "__hash__"));
        assert!(base_first(&after, "__hash__"));
        let a = crate::classes::call_class(&after, vec![Value::str("x")], vec![]).or_panic();
        assert_eq!(crate::ops::hash(&a).or_panic(), crate::ops::hash(&Value::str("x")).or_panic());
        let f = crate::classes::call_class(&first, vec![Value::str("x")], vec![]).or_panic();
        assert_eq!(crate::ops::hash(&f).or_panic(), 7);
    }

    #[test]
    fn bases_that_cannot_be_derived_from_are_refused_as_cpython_does() {
        let err = |bases: &[&Rc<Class>]| match derive("X", bases, Dict::new()) {
            Err(e) => crate::fmt::exc_message(&e),
            Ok(_) => "accepted".into(),
        };
        assert_eq!(err(&[&types().bool_]), "type 'bool' is not an acceptable base type");
        assert_eq!(err(&[&types().int, &types().str_]), "multiple bases have instance lay-out conflict");
        assert_eq!(err(&[&types().exception, &types().int]), "multiple bases have instance lay-out conflict");
        assert_eq!(err(&[&types().list]), "accepted");
    }
}
