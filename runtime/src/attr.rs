//! Attribute access as the data model defines it: data descriptors on the
//! type, then the instance `__dict__`, then non-data descriptors and class
//! attributes, then `__getattr__`.

use std::rc::Rc;

use crate::call::call;
use crate::class::Class;
use crate::exc::{PyErr, PyResult, attribute_error, type_error};
use crate::func::{BoundBuiltin, BoundMethod, UnboundBuiltin};
use crate::native::downcast;
use crate::ops::{type_name, type_of};
use crate::str::PyStr;
use crate::value::Value;

/// `obj.name`.
pub fn getattr(obj: &Value, name: &str) -> PyResult<Value> {
    match obj {
        Value::Object(inst) => {
            if inst.class.hooks() & crate::class::HOOK_GETATTRIBUTE != 0 {
                return call_user_getattribute(obj, name);
            }
            match generic_getattr(obj, &inst.class, Some(inst), name)? {
                Some(v) => Ok(v),
                None => getattr_fallback(obj, &inst.class, name),
            }
        }
        Value::Class(cls) => class_getattr(cls, obj, name),
        Value::Function(f) => function_getattr(obj, f, name),
        Value::Native(n) => {
            if let Some(r) = n.getattr(obj, name) {
                return r;
            }
            if name == "__class__" {
                return Ok(Value::Class(n.class()));
            }
            if n.has_method(name) || crate::methods::native_has_dunder(obj, name) {
                return Ok(Value::native(BoundBuiltin { receiver: obj.clone(), name: PyStr::new(name) }));
            }
            Err(no_attribute(obj, name))
        }
        _ => builtin_getattr(obj, name),
    }
}

fn call_user_getattribute(obj: &Value, name: &str) -> PyResult<Value> {
    // The hook is looked up on the type and called directly: going through
    // `obj.__getattribute__` would ask the hook for itself, forever.
    let hook = crate::call::lookup_special(obj, "__getattribute__").unwrap_or_default();
    let r = call(&hook, vec![obj.clone(), Value::str(name)], vec![]);
    match r {
        Err(e) if e.is_instance(&crate::types::types().attribute_error) => {
            let Value::Object(inst) = obj else {
                return Err(e);
            };
            if inst.class.lookup("__getattr__").is_some() {
                return crate::call::call_method(obj, "__getattr__", vec![Value::str(name)], vec![]);
            }
            Err(e)
        }
        other => other,
    }
}

/// `object.__getattribute__(obj, name)`; `None` when nothing was found.
pub fn generic_getattr(
    obj: &Value,
    cls: &Rc<Class>,
    inst: Option<&crate::class::Instance>,
    name: &str,
) -> PyResult<Option<Value>> {
    if name == "__class__" {
        return Ok(Some(Value::Class(cls.clone())));
    }
    if name == "__dict__"
        && let Some(inst) = inst
        && cls.slots.is_none()
    {
        return Ok(Some(Value::Dict(inst.dict().clone())));
    }
    let attr = cls.lookup(name);
    if let Some(a) = &attr
        && is_data_descriptor(a)
    {
        return descriptor_get(a, obj, cls).map(Some);
    }
    if let Some(inst) = inst
        && let Some(v) = inst.get_attr(name)
    {
        return Ok(Some(v));
    }
    match attr {
        Some(a) => descriptor_get(&a, obj, cls).map(Some),
        None => {
            if let Some(v) = exception_attr(obj, name) {
                return Ok(Some(v));
            }
            // A built-in base's methods and attributes (`tag.upper`,
            // `money.real`), acting on the instance's value.
            if let Some(base) = inst.and_then(|i| i.base()) {
                return match getattr(base, name) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if e.is_instance(&crate::types::types().attribute_error) => Ok(None),
                    Err(e) => Err(e),
                };
            }
            Ok(None)
        }
    }
}

fn getattr_fallback(obj: &Value, cls: &Rc<Class>, name: &str) -> PyResult<Value> {
    // Methods of built-in bases (`add_note` on exceptions, `split` on groups).
    for c in cls.mro_with_self() {
        if c.builtin.is_some()
            && let Some(m) = crate::classes::builtin_slot(&c, obj, name)
        {
            return Ok(m);
        }
    }
    if cls.lookup("__getattr__").is_some() {
        return crate::call::call_method(obj, "__getattr__", vec![Value::str(name)], vec![]);
    }
    Err(no_attribute(obj, name))
}

/// The error of reading an attribute `obj` does not have. Like CPython's
/// attribute lookup, it records `name` and `obj` on the exception, which a
/// printed traceback uses for its "Did you mean" hint.
pub fn no_attribute(obj: &Value, name: &str) -> PyErr {
    crate::exc::attribute_error_for(obj, name, format!("'{}' object has no attribute '{}'", type_name(obj), name))
}

/// The error of storing or deleting an attribute `obj` cannot hold: the
/// same message, without the hint (CPython records nothing for these).
fn no_attribute_to_store(obj: &Value, name: &str) -> PyErr {
    attribute_error(format!("'{}' object has no attribute '{}'", type_name(obj), name))
}

/// Whether `attr` (found on a type) is a data descriptor: it defines
/// `__set__` or `__delete__` on its own type.
pub fn is_data_descriptor(attr: &Value) -> bool {
    match attr {
        Value::Object(o) => o.class.lookup("__set__").is_some() || o.class.lookup("__delete__").is_some(),
        Value::Native(_) => downcast::<crate::classes::Property>(attr).is_some(),
        _ => false,
    }
}

/// Binds an attribute found on a type to the instance it was looked up on.
pub fn descriptor_get(attr: &Value, obj: &Value, cls: &Rc<Class>) -> PyResult<Value> {
    match attr {
        Value::Function(_) => Ok(Value::native(BoundMethod { func: attr.clone(), receiver: obj.clone() })),
        Value::Object(o) if o.class.lookup("__get__").is_some() => {
            crate::call::call_method(attr, "__get__", vec![obj.clone(), Value::Class(cls.clone())], vec![])
        }
        Value::Native(_) => {
            if let Some(d) = crate::classes::native_descriptor_get(attr, Some(obj), cls) {
                return d;
            }
            Ok(attr.clone())
        }
        _ => Ok(attr.clone()),
    }
}

/// Attributes every exception instance has.
fn exception_attr(obj: &Value, name: &str) -> Option<Value> {
    let Value::Object(o) = obj else { return None };
    let data = o.exc()?.borrow();
    match name {
        "args" => Some(Value::tuple(data.args.clone())),
        "__cause__" => Some(data.cause.clone().unwrap_or_default()),
        "__context__" => Some(data.context.clone().unwrap_or_default()),
        "__suppress_context__" => Some(Value::Bool(data.suppress_context)),
        "__traceback__" => Some(Value::None),
        "__notes__" => data.notes.clone(),
        "message" if o.class.is_subclass(&crate::types::types().by_name["BaseExceptionGroup"]) => {
            Some(data.args.first().cloned().unwrap_or_default())
        }
        "exceptions" if o.class.is_subclass(&crate::types::types().by_name["BaseExceptionGroup"]) => {
            Some(Value::tuple(data.args.get(1).map(|e| crate::iter::to_vec(e).unwrap_or_default()).unwrap_or_default()))
        }
        "value" if o.class.is_subclass(&crate::types::types().stop_iteration) => {
            Some(data.args.first().cloned().unwrap_or_default())
        }
        "code" if o.class.is_subclass(&crate::types::types().system_exit) => Some(match data.args.len() {
            0 => Value::None,
            1 => data.args[0].clone(),
            _ => Value::tuple(data.args.clone()),
        }),
        _ => None,
    }
}

fn class_getattr(cls: &Rc<Class>, obj: &Value, name: &str) -> PyResult<Value> {
    match name {
        "__name__" => return Ok(Value::Str(cls.name())),
        "__qualname__" => return Ok(Value::Str(cls.qualname())),
        "__module__" => {
            if let Some(m) = cls.dict.get_str("__module__") {
                return Ok(m);
            }
            return Ok(Value::Str(cls.module.clone()));
        }
        "__mro__" => {
            return Ok(Value::tuple(cls.mro_with_self().into_iter().map(Value::Class).collect()));
        }
        "__bases__" => {
            let bases = if cls.bases.is_empty() && cls.builtin.is_none() {
                vec![Value::Class(crate::types::types().object.clone())]
            } else {
                cls.bases.iter().cloned().map(Value::Class).collect()
            };
            return Ok(Value::tuple(bases));
        }
        "__base__" => {
            return Ok(cls.bases.first().cloned().map(Value::Class).unwrap_or_default());
        }
        // A read-only view: changes go through setattr, which keeps the
        // class's caches right.
        "__dict__" => return Ok(crate::mappingproxy::of_dict(cls.dict.clone())),
        "__class__" => return Ok(Value::Class(type_of(obj))),
        "__doc__" if cls.dict.get_str("__doc__").is_none() => return Ok(Value::None),
        _ => {}
    }
    // A data descriptor on the metaclass wins over the class's own attribute.
    let meta = cls.metaclass.clone();
    let meta_attr = meta.as_ref().and_then(|m| m.lookup(name));
    if let (Some(a), Some(m)) = (&meta_attr, &meta)
        && is_data_descriptor(a)
    {
        return descriptor_get(a, obj, m);
    }
    if let Some(a) = cls.lookup(name) {
        return class_attr_get(&a, cls);
    }
    if let (Some(a), Some(m)) = (meta_attr, &meta) {
        return descriptor_get(&a, obj, m);
    }
    // Class methods of built-in types.
    if let Some(f) = crate::subclass::class_method(cls, name) {
        return Ok(f);
    }
    if name == "fromkeys" && Rc::ptr_eq(cls, &crate::types::types().dict) {
        return Ok(Value::native(crate::func::BuiltinFunction { name: "fromkeys", f: crate::builtins::dict_fromkeys }));
    }
    if name == "maketrans" && Rc::ptr_eq(cls, &crate::types::types().str_) {
        return Ok(Value::native(crate::func::BuiltinFunction {
            name: "maketrans",
            f: crate::str_translate::maketrans,
        }));
    }
    if let Some(f) = crate::bytes::class_attr(cls, name) {
        return Ok(f);
    }
    // `type.mro`, bound to the class (`C.mro()` returns the MRO as a list).
    if name == "mro" {
        return Ok(Value::native(BoundBuiltin { receiver: obj.clone(), name: PyStr::new(name) }));
    }
    if let Some(slot) = crate::subclass::slot(cls, name, None) {
        return Ok(slot);
    }
    if let Some(slot) = crate::classes::unbound_slot(cls, name) {
        return Ok(slot);
    }
    if cls.builtin.is_some() && crate::methods::builtin_class_has_method(cls, name) {
        return Ok(Value::native(UnboundBuiltin { class: cls.clone(), name: PyStr::new(name) }));
    }
    if let Some(m) = &meta
        && m.lookup("__getattr__").is_some()
    {
        return crate::call::call_method(obj, "__getattr__", vec![Value::str(name)], vec![]);
    }
    Err(crate::exc::attribute_error_for(obj, name, format!("type object '{}' has no attribute '{}'", cls.name(), name)))
}

/// An attribute looked up on a class itself (`Cls.attr`): functions stay
/// plain functions; classmethods bind to the class; descriptors get `None`.
fn class_attr_get(attr: &Value, cls: &Rc<Class>) -> PyResult<Value> {
    match attr {
        Value::Object(o) if o.class.lookup("__get__").is_some() => {
            crate::call::call_method(attr, "__get__", vec![Value::None, Value::Class(cls.clone())], vec![])
        }
        Value::Native(_) => match crate::classes::native_descriptor_get(attr, None, cls) {
            Some(r) => r,
            None => Ok(attr.clone()),
        },
        _ => Ok(attr.clone()),
    }
}

fn function_getattr(obj: &Value, f: &Rc<crate::func::Function>, name: &str) -> PyResult<Value> {
    match name {
        "__name__" => return Ok(Value::Str(f.name.borrow().clone())),
        "__qualname__" => return Ok(Value::Str(f.qualname.borrow().clone())),
        "__module__" => return Ok(Value::Str(f.module.borrow().clone())),
        "__defaults__" => {
            return Ok(if f.defaults.is_empty() { Value::None } else { Value::tuple(f.defaults.clone()) });
        }
        "__kwdefaults__" => return Ok(f.kwdefaults_dict()),
        "__annotations__" => return Ok(Value::Dict(f.annotations())),
        "__code__" => return Ok(Value::native(crate::func::Code { func: f.clone() })),
        "__dict__" => return Ok(Value::Dict(f.attrs())),
        "__class__" => return Ok(Value::Class(type_of(obj))),
        "__doc__" if !f.doc.borrow().is_none() => return Ok(f.doc.borrow().clone()),
        "__globals__" | "__closure__" | "__builtins__" => {
            return Err(crate::exc::not_implemented_error(format!("py2rs: function.{name} is not supported")));
        }
        _ => {}
    }
    if let Some(v) = f.attrs.borrow().as_ref().and_then(|d| d.get_str(name)) {
        return Ok(v);
    }
    if name == "__doc__" {
        return Ok(Value::None);
    }
    if name == "__type_params__" {
        return Ok(Value::tuple_of([]));
    }
    Err(no_attribute(obj, name))
}

fn builtin_getattr(obj: &Value, name: &str) -> PyResult<Value> {
    if name == "__class__" {
        return Ok(Value::Class(type_of(obj)));
    }
    if let Some(v) = crate::methods::builtin_attr(obj, name)? {
        return Ok(v);
    }
    if crate::methods::has_builtin_method(obj, name) {
        return Ok(Value::native(BoundBuiltin { receiver: obj.clone(), name: PyStr::new(name) }));
    }
    Err(no_attribute(obj, name))
}

/// `type.__setattr__(cls, name, value)`.
pub fn class_setattr(cls: &Rc<Class>, name: &str, value: Value) -> PyResult<()> {
    match name {
        "__name__" => {
            *cls.name.borrow_mut() = as_str_value(&value, "__name__")?;
            Ok(())
        }
        "__qualname__" => {
            *cls.qualname.borrow_mut() = as_str_value(&value, "__qualname__")?;
            Ok(())
        }
        _ if cls.builtin.is_some() => {
            Err(type_error(format!("cannot set '{name}' attribute of immutable type '{}'", cls.name())))
        }
        _ => cls.dict.set(Value::str(name), value),
    }
}

/// `obj.name = value`.
pub fn setattr(obj: &Value, name: &str, value: Value) -> PyResult<()> {
    match obj {
        Value::Object(inst) => {
            if inst.class.hooks() & crate::class::HOOK_SETATTR != 0 {
                return crate::call::call_method(obj, "__setattr__", vec![Value::str(name), value], vec![]).map(drop);
            }
            generic_setattr(obj, name, value)
        }
        Value::Class(cls) => {
            if let Some(m) = &cls.metaclass
                && let Some(a) = m.lookup(name)
                && is_data_descriptor(&a)
            {
                return descriptor_set(&a, obj, value);
            }
            // A metaclass's own `__setattr__` (EnumType's refuses to
            // reassign a member).
            if let Some(m) = &cls.metaclass
                && m.has_user_attr("__setattr__")
            {
                return crate::call::call_method(obj, "__setattr__", vec![Value::str(name), value], vec![]).map(drop);
            }
            class_setattr(cls, name, value)
        }
        Value::Function(f) => {
            match name {
                "__name__" => *f.name.borrow_mut() = as_str_value(&value, "__name__")?,
                "__qualname__" => *f.qualname.borrow_mut() = as_str_value(&value, "__qualname__")?,
                "__module__" => match &value {
                    Value::Str(s) => *f.module.borrow_mut() = s.clone(),
                    _ => {
                        return Err(crate::exc::not_implemented_error(
                            "py2rs: a function's __module__ that is not a str",
                        ));
                    }
                },
                "__doc__" => *f.doc.borrow_mut() = value,
                "__annotations__" => match value {
                    Value::Dict(d) => *f.annotations.borrow_mut() = Some(d),
                    _ => return Err(type_error("__annotations__ must be set to a dict object")),
                },
                "__defaults__" | "__kwdefaults__" | "__code__" | "__dict__" | "__globals__" | "__closure__" => {
                    return Err(crate::exc::not_implemented_error(format!(
                        "py2rs: assigning a function's {name} is not supported"
                    )));
                }
                _ => f.attrs().set(Value::str(name), value)?,
            }
            Ok(())
        }
        Value::Native(n) => match n.setattr(obj, name, value) {
            Some(r) => r,
            None => Err(attribute_error(format!("'{}' object has no attribute '{}'", n.type_name(), name))),
        },
        _ => Err(if crate::methods::has_builtin_method(obj, name) {
            attribute_error(format!("'{}' object attribute '{}' is read-only", type_name(obj), name))
        } else {
            attribute_error(format!("'{}' object has no attribute '{}'", type_name(obj), name))
        }),
    }
}

fn as_str_value(v: &Value, what: &str) -> PyResult<PyStr> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        _ => Err(type_error(format!("can only assign string to {what}, not '{}'", type_name(v)))),
    }
}

/// `object.__setattr__(obj, name, value)`.
pub fn generic_setattr(obj: &Value, name: &str, value: Value) -> PyResult<()> {
    let Value::Object(inst) = obj else {
        return setattr(obj, name, value);
    };
    if let Some(a) = inst.class.lookup(name)
        && is_data_descriptor(&a)
    {
        return descriptor_set(&a, obj, value);
    }
    if inst.exc().is_some() && set_exception_attr(inst, name, &value) {
        return Ok(());
    }
    if name == "__class__" {
        // An instance's class is fixed here; storing an attribute named
        // `__class__` instead would be a silent wrong answer.
        return Err(crate::exc::not_implemented_error("py2rs: assigning to __class__ is not supported yet"));
    }
    if let Some(slots) = &inst.class.slots
        && !slots.iter().any(|s| s.as_str() == name)
    {
        return Err(no_attribute_to_store(obj, name));
    }
    // Interned, so instances of a class share their key objects.
    inst.set_attr(&intern(name), value);
    Ok(())
}

fn set_exception_attr(inst: &crate::class::Instance, name: &str, value: &Value) -> bool {
    let Some(cell) = inst.exc() else { return false };
    let mut d = cell.borrow_mut();
    match name {
        "args" => d.args = crate::iter::to_vec(value).unwrap_or_default(),
        "__cause__" => {
            d.cause = (!value.is_none()).then(|| value.clone());
            d.suppress_context = true;
        }
        "__context__" => d.context = (!value.is_none()).then(|| value.clone()),
        "__suppress_context__" => d.suppress_context = matches!(value, Value::Bool(true)),
        "__notes__" => d.notes = Some(value.clone()),
        _ => return false,
    }
    true
}

fn descriptor_set(attr: &Value, obj: &Value, value: Value) -> PyResult<()> {
    match attr {
        Value::Object(o) if o.class.lookup("__set__").is_some() => {
            crate::call::call_method(attr, "__set__", vec![obj.clone(), value], vec![]).map(drop)
        }
        Value::Object(_) => Err(attribute_error("__set__")),
        _ => crate::classes::native_descriptor_set(attr, obj, Some(value)),
    }
}

/// `del obj.name`.
pub fn delattr(obj: &Value, name: &str) -> PyResult<()> {
    match obj {
        Value::Object(inst) => {
            if inst.class.hooks() & crate::class::HOOK_DELATTR != 0 {
                return crate::call::call_method(obj, "__delattr__", vec![Value::str(name)], vec![]).map(drop);
            }
            generic_delattr(obj, name)
        }
        Value::Class(cls) => match cls.dict.remove(&Value::str(name))? {
            Some(_) => Ok(()),
            None => Err(attribute_error(format!("type object '{}' has no attribute '{}'", cls.name(), name))),
        },
        Value::Function(f) if name == "__annotations__" => {
            *f.annotations.borrow_mut() = None;
            Ok(())
        }
        Value::Function(f) => match f.attrs().remove(&Value::str(name))? {
            Some(_) => Ok(()),
            None => Err(no_attribute_to_store(obj, name)),
        },
        Value::Native(n) if let Some(r) = n.delattr(obj, name) => r,
        _ => Err(no_attribute_to_store(obj, name)),
    }
}

/// `object.__delattr__(obj, name)`.
pub fn generic_delattr(obj: &Value, name: &str) -> PyResult<()> {
    let Value::Object(inst) = obj else {
        return delattr(obj, name);
    };
    if let Some(a) = inst.class.lookup(name)
        && is_data_descriptor(&a)
    {
        return match &a {
            Value::Object(o) if o.class.lookup("__delete__").is_some() => {
                crate::call::call_method(&a, "__delete__", vec![obj.clone()], vec![]).map(drop)
            }
            Value::Object(_) => Err(attribute_error("__delete__")),
            _ => crate::classes::native_descriptor_set(&a, obj, None),
        };
    }
    match inst.remove_attr(name)? {
        true => Ok(()),
        false => Err(no_attribute_to_store(obj, name)),
    }
}

/// `hasattr(obj, name)`: only `AttributeError` means "no".
pub fn hasattr(obj: &Value, name: &str) -> PyResult<bool> {
    match getattr(obj, name) {
        Ok(_) => Ok(true),
        Err(e) if e.is_instance(&crate::types::types().attribute_error) => Ok(false),
        Err(e) => Err(e),
    }
}

/// `getattr(obj, name, default)`.
pub fn getattr_default(obj: &Value, name: &str, default: Value) -> PyResult<Value> {
    match getattr(obj, name) {
        Err(e) if e.is_instance(&crate::types::types().attribute_error) => Ok(default),
        other => other,
    }
}

/// Calls `f` with `obj` bound as the first argument (used for `super()`).
pub fn bind(f: &Value, obj: &Value) -> PyResult<Value> {
    let _ = call;
    Ok(Value::native(BoundMethod { func: f.clone(), receiver: obj.clone() }))
}

/// What a call site last learned about the class of its receiver, so the
/// next access with the same class (and unchanged namespaces) skips the MRO
/// lookup: CPython 3.11's specialised attribute instructions, by hand.
/// Generated code gets one per site through [`crate::site!`].
pub struct Site {
    /// What the site knows for up to two classes: code that sees instances
    /// of a class and a subclass in turn (a method overridden in one of
    /// them) keeps both, where one entry would be replaced every time.
    ways: [Way; 2],
    /// The way a third class replaces.
    victim: std::cell::Cell<usize>,
    /// The attribute name, interned (every site naming it shares one str
    /// object, so instance dicts share their keys) with its hash.
    key: std::cell::OnceCell<(PyStr, i64)>,
}

/// One class's facts at a site.
struct Way {
    /// Class id and namespace stamp the facts below hold for (0: none yet).
    class: std::cell::Cell<(u64, u64)>,
    /// For loads and stores: the index of the name in the class's shared
    /// keys (`usize::MAX`: not known).
    slot: std::cell::Cell<usize>,
    /// For method calls: the plain function the class provides.
    method: std::cell::RefCell<Option<Value>>,
}

impl Way {
    const fn new() -> Way {
        Way {
            class: std::cell::Cell::new((0, 0)),
            slot: std::cell::Cell::new(usize::MAX),
            method: std::cell::RefCell::new(None),
        }
    }
}

thread_local! {
    static INTERNED: std::cell::RefCell<hashbrown::HashMap<Box<str>, PyStr>> = Default::default();
}

/// The one shared str object for attribute name `name` (per thread: a
/// worker thread's names are other objects, so comparisons of interned
/// names fall back to hash and text when the addresses differ).
pub fn intern(name: &str) -> PyStr {
    INTERNED.with(|t| {
        let mut t = t.borrow_mut();
        if let Some(s) = t.get(name) {
            return s.clone();
        }
        let s = PyStr::new(name);
        t.insert(name.into(), s.clone());
        s
    })
}

// SAFETY: like `gil::GilCell`, a site is only touched by the thread that
// holds the interpreter lock (the one running Python code).
unsafe impl Sync for Site {}

impl Site {
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Site {
        Site { ways: [Way::new(), Way::new()], victim: std::cell::Cell::new(0), key: std::cell::OnceCell::new() }
    }

    fn key(&self, name: &str) -> &(PyStr, i64) {
        self.key.get_or_init(|| (intern(name), crate::hash::hash_str(name)))
    }

    /// The direct Rust entry of the plain function this site cached for the
    /// instance's class, when it takes `arity` arguments and the instance
    /// does not shadow it.
    #[inline]
    fn direct_method(&self, inst: &crate::class::Instance, name: &str, arity: usize) -> Option<crate::func::Direct> {
        let way = self.way(&inst.class)?;
        let d = match &*way.method.borrow() {
            Some(Value::Function(f)) => f.direct.filter(|d| d.arity() == arity)?,
            _ => return None,
        };
        (!inst.has_name(&self.key(name).0)).then_some(d)
    }

    /// The facts for `cls`, if the site has them under the current stamp.
    #[inline(always)]
    fn way(&self, cls: &Rc<Class>) -> Option<&Way> {
        let want = (cls.id(), cls.stamp());
        self.ways.iter().find(|w| w.class.get() == want)
    }

    /// A way to learn `cls` in, emptied: the one it had, else one gone
    /// stale, else the older of the two.
    fn claim(&self, cls: &Rc<Class>) -> &Way {
        let stamp = cls.stamp();
        let k = self
            .ways
            .iter()
            .position(|w| w.class.get().0 == cls.id())
            .or_else(|| self.ways.iter().position(|w| w.class.get().1 != stamp))
            .unwrap_or_else(|| {
                let v = self.victim.get();
                self.victim.set(1 - v);
                v
            });
        let way = &self.ways[k];
        way.class.set((cls.id(), stamp));
        way.slot.set(usize::MAX);
        *way.method.borrow_mut() = None;
        way
    }
}

/// `obj.name` through a call-site cache. When the class has no attribute
/// `name` and no `__getattribute__`, the load is the instance dict entry,
/// found at its cached position without hashing; anything else takes
/// [`getattr`].
///
/// The cache hit is inlined into generated code; the rest is one call.
#[inline(always)]
pub fn getattr_at(obj: &Value, name: &str, site: &Site) -> PyResult<Value> {
    if let Value::Object(inst) = obj
        && let Some(way) = site.way(&inst.class)
        && let Some(v) = inst.value_at(way.slot.get())
    {
        return Ok(v);
    }
    getattr_at_miss(obj, name, site)
}

/// `obj.a.b` through two call-site caches: when both are hits, `b` is read
/// from the object `obj.a` names without taking a reference to it (no
/// count changes); anything else is `getattr_at` twice, as written.
#[inline(always)]
pub fn getattr2_at(obj: &Value, a: &str, site_a: &Site, b: &str, site_b: &Site) -> PyResult<Value> {
    if let Value::Object(inst) = obj
        && let Some(way) = site_a.way(&inst.class)
        && let Some(v) = inst.with_value_at(way.slot.get(), |mid| match mid {
            Value::Object(m) => m.value_at(site_b.way(&m.class)?.slot.get()),
            _ => None,
        })
    {
        return Ok(v);
    }
    getattr_at(&getattr_at(obj, a, site_a)?, b, site_b)
}

#[inline(never)]
fn getattr_at_miss(obj: &Value, name: &str, site: &Site) -> PyResult<Value> {
    if let Value::Object(inst) = obj {
        if site.way(&inst.class).is_some() {
            return getattr(obj, name);
        }
        let plain = inst.class.hooks() & crate::class::HOOK_GETATTRIBUTE == 0
            && inst.class.lookup(name).is_none()
            && !matches!(name, "__class__" | "__dict__");
        if plain
            && let Some(i) = inst.class.key_index(name)
            && let Some(v) = inst.value_at(i)
        {
            site.claim(&inst.class).slot.set(i);
            return Ok(v);
        }
    }
    getattr(obj, name)
}

/// `obj.name = value` through a call-site cache: when the class has no
/// attribute `name` (so no data descriptor) and no `__setattr__`, the
/// store goes to the instance dict, at its cached position when the key
/// sits there; anything else takes [`setattr`].
pub fn setattr_at(obj: &Value, name: &str, value: Value, site: &Site) -> PyResult<()> {
    if let Value::Object(inst) = obj
        && inst.exc().is_none()
    {
        let way = match site.way(&inst.class) {
            Some(way) => way,
            None => {
                let plain = inst.class.hooks() & crate::class::HOOK_SETATTR == 0
                    && inst.class.slots.as_ref().is_none_or(|slots| slots.iter().any(|s| s.as_str() == name))
                    && inst.class.lookup(name).is_none()
                    && !matches!(name, "__class__" | "__dict__");
                if !plain {
                    return setattr(obj, name, value);
                }
                let way = site.claim(&inst.class);
                // The index is this class's: another class's would be wrong.
                way.slot.set(inst.class.key_index(name).unwrap_or(usize::MAX));
                way
            }
        };
        let value = match inst.replace_at(way.slot.get(), value) {
            Ok(()) => return Ok(()),
            Err(v) => v,
        };
        // A new instance setting its attributes in the usual order.
        let value = match inst.push_at(way.slot.get(), value) {
            Ok(()) => return Ok(()),
            Err(v) => v,
        };
        if let Some(i) = inst.set_attr(&site.key(name).0, value) {
            way.slot.set(i);
        }
        return Ok(());
    }
    setattr(obj, name, value)
}

/// `obj.name(*args)` through a call-site cache: a plain function found on
/// the receiver's class (not shadowed by the instance dict) is remembered
/// and called with the receiver prepended.
pub fn call_method_at(
    obj: &Value,
    name: &str,
    args: Vec<Value>,
    kwargs: crate::func::Kwargs,
    site: &Site,
) -> PyResult<Value> {
    if kwargs.is_empty()
        && let Some(m) = ContainerMethod::of(obj, name, args.len())
    {
        return m.call(args);
    }
    // The commonest built-in method calls skip the method tables.
    match (obj, name, args.len()) {
        // ASCII text needs no Unicode tables and keeps its counts.
        (Value::Str(s), "strip" | "lower" | "split", 0) if kwargs.is_empty() && s.is_ascii() => {
            let text = s.as_str();
            return Ok(match name {
                "strip" => {
                    let t = text.trim_matches(crate::str_methods::char_is_space);
                    if t.len() == text.len() { obj.clone() } else { Value::Str(PyStr::from_ascii(t)) }
                }
                "lower" if !text.bytes().any(|b| b.is_ascii_uppercase()) => obj.clone(),
                "lower" => Value::Str(PyStr::from_ascii(&text.to_ascii_lowercase())),
                _ => Value::list(
                    text.split(crate::str_methods::char_is_space)
                        .filter(|w| !w.is_empty())
                        .map(|w| Value::Str(PyStr::from_ascii(w)))
                        .collect(),
                ),
            });
        }
        _ => {}
    }
    if let Value::Object(inst) = obj {
        let cached = site.way(&inst.class).and_then(|w| w.method.borrow().clone());
        let method = match cached {
            Some(m) => Some(m),
            None if inst.class.hooks() & crate::class::HOOK_GETATTRIBUTE == 0 => match inst.class.lookup(name) {
                Some(f @ Value::Function(_)) => {
                    *site.claim(&inst.class).method.borrow_mut() = Some(f.clone());
                    Some(f)
                }
                _ => None,
            },
            None => None,
        };
        if let Some(f) = method
            && !inst.has_name(&site.key(name).0)
        {
            if let Value::Function(func) = &f
                && kwargs.is_empty()
            {
                return func.call_with_receiver(obj.clone(), args, kwargs);
            }
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(obj.clone());
            full.extend(args);
            return call(&f, full, kwargs);
        }
    }
    crate::call::call_method(obj, name, args, kwargs)
}

/// `obj.name(a, b)` with positional arguments only, passed in an array: a
/// method the site has cached, with a direct Rust entry taking exactly
/// these, is called without an argument vector, and so is `list.append`.
/// Everything else takes [`call_method_at`].
#[inline]
pub fn call_method_n<const N: usize>(obj: &Value, name: &str, args: [Value; N], site: &Site) -> PyResult<Value> {
    match obj {
        Value::Object(inst) => {
            if let Some(d) = site.direct_method(inst, name, N + 1) {
                return d.call_with(obj.clone(), args);
            }
        }
        _ => {
            if let Some(m) = ContainerMethod::of(obj, name, N) {
                return m.call(args);
            }
        }
    }
    call_method_at(obj, name, args.into(), Vec::new(), site)
}

/// `list.append(x)` and `dict.get(key[, default])`, the commonest built-in
/// method calls, done without the method tables. Whether a call is one is
/// decided before its arguments are taken, so both the vector and the
/// array entry points share it.
enum ContainerMethod<'a> {
    Append(&'a crate::list::List),
    Get(&'a crate::dict::Dict),
}

impl<'a> ContainerMethod<'a> {
    #[inline]
    fn of(obj: &'a Value, name: &str, argc: usize) -> Option<ContainerMethod<'a>> {
        match (obj, name, argc) {
            (Value::List(l), "append", 1) => Some(ContainerMethod::Append(l)),
            (Value::Dict(d), "get", 1 | 2) => Some(ContainerMethod::Get(d)),
            _ => None,
        }
    }

    #[inline]
    fn call(self, args: impl IntoIterator<Item = Value>) -> PyResult<Value> {
        let mut args = args.into_iter();
        match self {
            ContainerMethod::Append(l) => {
                l.push(args.next().unwrap_or_default());
                Ok(Value::None)
            }
            ContainerMethod::Get(d) => {
                let key = args.next().unwrap_or_default();
                Ok(d.get(&key)?.unwrap_or_else(|| args.next().unwrap_or_default()))
            }
        }
    }
}

/// A call-site cache of its own for the attribute access it is passed to
/// (see [`Site`]): `rt::attr::getattr_at(&obj, "name", rt::site!())`.
#[macro_export]
macro_rules! site {
    () => {{
        static SITE: $crate::attr::Site = $crate::attr::Site::new();
        &SITE
    }};
}
