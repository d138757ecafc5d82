//! Class creation (`class` statements, `type(name, bases, ns)`, metaclasses,
//! `__set_name__`, `__init_subclass__`), instantiation, `super()`, and the
//! built-in descriptors `property`, `classmethod` and `staticmethod`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::call::{call, call_method};
use crate::class::{Class, Instance, Layout, c3_mro};
use crate::dict::Dict;
use crate::exc::{PyResult, attribute_error, type_error};
use crate::func::Kwargs;
use crate::native::{Native, downcast};
use crate::ops::type_name;
use crate::str::PyStr;
use crate::types::types;
use crate::value::Value;

/// The start of a `class` statement, before its body runs: picks the
/// metaclass (the explicit `metaclass=` keyword or the most derived one of
/// the bases) and asks it for the namespace with `__prepare__`. Returns the
/// metaclass, the bases after `__mro_entries__` (`Generic[T]` stands for
/// `Generic`), the namespace the body fills, and the remaining keywords.
pub fn prepare_class(name: &str, bases: Vec<Value>, kwargs: Kwargs) -> PyResult<(Value, Vec<Value>, Dict, Kwargs)> {
    let mut kwargs = kwargs;
    // `__orig_bases__` and friends go into the namespace once it exists.
    let extra = Dict::new();
    let bases = crate::typing::resolve_bases(bases, &extra);
    let explicit = kwargs.iter().position(|(k, _)| k.as_str() == "metaclass").map(|i| kwargs.remove(i).1);
    let meta = match explicit {
        Some(m) => m,
        None => {
            let mut winner: Option<Rc<Class>> = None;
            for b in &bases {
                if let Value::Class(c) = b
                    && let Some(m) = &c.metaclass
                    && winner.as_ref().is_none_or(|w| m.is_subclass(w))
                {
                    winner = Some(m.clone());
                }
            }
            Value::Class(winner.unwrap_or_else(|| types().type_.clone()))
        }
    };
    let user_prepare = match &meta {
        Value::Class(m) => m.has_user_attr("__prepare__"),
        _ => crate::attr::hasattr(&meta, "__prepare__")?,
    };
    let ns = if user_prepare {
        let args = vec![Value::str(name), Value::tuple(bases.clone())];
        match call_method(&meta, "__prepare__", args, kwargs.clone())? {
            // The body fills a dict of its own; the prepared dict's items come along.
            Value::Dict(d) => d.copy(),
            // A mapping such as an OrderedDict: the body fills a dict
            // holding its items (the body's own assignments are not seen
            // by the mapping's methods).
            other if crate::attr::hasattr(&other, "keys")? => {
                let d = Dict::new();
                for k in crate::iter::to_vec(&call_method(&other, "keys", vec![], vec![])?)? {
                    let v = crate::ops::getitem(&other, &k)?;
                    d.set(k, v)?;
                }
                d
            }
            other => {
                return Err(type_error(format!(
                    "{}.__prepare__() must return a mapping, not {}",
                    match &meta {
                        Value::Class(m) => m.name().to_string(),
                        _ => type_name(&meta).to_string(),
                    },
                    type_name(&other)
                )));
            }
        }
    } else {
        Dict::new()
    };
    for (k, v) in extra.items() {
        ns.set(k, v)?;
    }
    Ok((meta, bases, ns, kwargs))
}

/// The end of a `class` statement: the metaclass builds the class from the
/// evaluated body namespace.
pub fn make_class(
    meta: Value,
    name: &str,
    qualname: &str,
    bases: Vec<Value>,
    ns: Dict,
    kwargs: Kwargs,
) -> PyResult<Value> {
    ns.set_str("__qualname__", Value::str(qualname));
    if let Value::Class(m) = &meta
        && Rc::ptr_eq(m, &types().type_)
    {
        return type_new(m, name, bases, ns, kwargs);
    }
    let args = vec![Value::str(name), Value::tuple(bases), Value::Dict(Rc::new(ns))];
    call(&meta, args, kwargs)
}

/// `type.__new__(meta, name, bases, namespace, **kwargs)`.
pub fn type_new(meta: &Rc<Class>, name: &str, bases: Vec<Value>, ns: Dict, kwargs: Kwargs) -> PyResult<Value> {
    let mut base_classes = Vec::with_capacity(bases.len());
    for b in &bases {
        match b {
            Value::Class(c) => base_classes.push(c.clone()),
            other => {
                return Err(type_error(format!("bases must be types, not '{}'", type_name(other))));
            }
        }
    }
    let object = types().object.clone();
    let explicit_bases = base_classes.clone();
    let linear_bases = if base_classes.is_empty() { vec![object.clone()] } else { base_classes.clone() };
    let mro = c3_mro(name, &linear_bases)?;
    let layout = layout_of(&linear_bases)?;
    let metaclass = most_derived_metaclass(meta, &linear_bases)?;
    let qualname = match ns.get_str("__qualname__") {
        Some(Value::Str(q)) => q,
        _ => PyStr::new(name),
    };
    let _ = ns.remove(&Value::str("__qualname__"));
    let module = match ns.get_str("__module__") {
        Some(Value::Str(m)) => m,
        Some(_) => PyStr::new("__main__"),
        None => {
            ns.set_str("__module__", Value::str("__main__"));
            PyStr::new("__main__")
        }
    };
    // Implicit classmethod/staticmethod wrapping, as type.__new__ does.
    for special in ["__init_subclass__", "__class_getitem__"] {
        if let Some(f @ Value::Function(_)) = ns.get_str(special) {
            ns.set_str(special, Value::native(ClassMethod { func: f }));
        }
    }
    if let Some(f @ Value::Function(_)) = ns.get_str("__new__") {
        ns.set_str("__new__", Value::native(StaticMethod { func: f }));
    }
    // A class that defines `__eq__` but not `__hash__` is unhashable.
    if ns.get_str("__eq__").is_some() && ns.get_str("__hash__").is_none() {
        ns.set_str("__hash__", Value::None);
    }
    let slots = instance_slots(&ns, &linear_bases)?;
    let cls = Rc::new(Class {
        name: RefCell::new(PyStr::new(name)),
        qualname: RefCell::new(qualname),
        module,
        bases: explicit_bases,
        mro,
        dict: Rc::new(ns),
        metaclass,
        layout,
        builtin: None,
        slots,
        cache: Default::default(),
        id: crate::class::next_class_id(),
        attr_hint: Default::default(),
        keys: Default::default(),
    });
    let cls_value = Value::Class(cls.clone());
    // __set_name__ for each attribute, in namespace order.
    for (k, v) in cls.dict.items() {
        if let (Some(p), Value::Str(n)) = (downcast::<Property>(&v), &k) {
            *p.name.borrow_mut() = Some(n.clone());
        }
        let user_hook = matches!(&v, Value::Object(o) if o.class.lookup("__set_name__").is_some());
        let native_hook = downcast::<crate::functools::CachedProperty>(&v).is_some();
        if user_hook || native_hook {
            call_method(&v, "__set_name__", vec![cls_value.clone(), k], vec![])?;
        }
    }
    init_subclass(&cls, kwargs)?;
    if cls.metaclass.as_ref().is_some_and(crate::abc::is_abc_metaclass) {
        crate::abc::record_abstract_methods(&cls)?;
    }
    Ok(cls_value)
}

/// The attribute names instances of a new class may hold, when the class
/// and every base define `__slots__` without `'__dict__'`; `None` when
/// instances have a `__dict__`. A slot on the class reads and writes the
/// instance storage like any attribute; only the set of names is checked.
fn instance_slots(ns: &Dict, bases: &[Rc<Class>]) -> PyResult<Option<Rc<[PyStr]>>> {
    let Some(declared) = ns.get_str("__slots__") else {
        return Ok(None);
    };
    let mut names: Vec<PyStr> = match &declared {
        Value::Str(s) => vec![s.clone()],
        other => {
            let mut out = Vec::new();
            for v in crate::iter::to_vec(other)? {
                match v {
                    Value::Str(s) => out.push(s),
                    other => {
                        return Err(type_error(format!(
                            "__slots__ items must be strings, not '{}'",
                            type_name(&other)
                        )));
                    }
                }
            }
            out
        }
    };
    if names.iter().any(|n| n.as_str() == "__dict__") {
        return Ok(None);
    }
    for b in bases {
        match &b.slots {
            Some(inherited) => names.extend(inherited.iter().cloned()),
            None if Rc::ptr_eq(b, &types().object) => {}
            None => return Ok(None),
        }
    }
    Ok(Some(names.into()))
}

/// Calls the parent's `__init_subclass__` with the class keywords.
fn init_subclass(cls: &Rc<Class>, kwargs: Kwargs) -> PyResult<()> {
    for parent in &cls.mro {
        if parent.builtin.is_some() {
            break;
        }
        if let Some(hook) = parent.dict.get_str("__init_subclass__") {
            let f = match downcast::<ClassMethod>(&hook) {
                Some(cm) => cm.func.clone(),
                None => hook,
            };
            return call(&f, vec![Value::Class(cls.clone())], kwargs).map(drop);
        }
    }
    if !kwargs.is_empty() {
        return Err(type_error(format!("{}.__init_subclass__() takes no keyword arguments", cls.name())));
    }
    Ok(())
}

fn layout_of(bases: &[Rc<Class>]) -> PyResult<Layout> {
    let exception = bases.iter().any(|b| b.layout == Layout::Exception);
    // Refuses bases that cannot be combined or derived from. (Subclasses of
    // `type` are metaclasses, whose instances are classes.)
    let value = crate::subclass::base_of_new_class(bases)?;
    if exception && value.is_some() {
        return Err(type_error("multiple bases have instance lay-out conflict"));
    }
    Ok(if exception { Layout::Exception } else { Layout::Object })
}

/// The metaclass of a new class: the most derived of the requested one and
/// those of the bases, or CPython's conflict error.
fn most_derived_metaclass(meta: &Rc<Class>, bases: &[Rc<Class>]) -> PyResult<Option<Rc<Class>>> {
    let type_ = types().type_.clone();
    let mut winner = meta.clone();
    for b in bases {
        let bm = b.metaclass.clone().unwrap_or_else(|| type_.clone());
        if winner.is_subclass(&bm) {
            continue;
        }
        if bm.is_subclass(&winner) {
            winner = bm;
            continue;
        }
        return Err(type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(if Rc::ptr_eq(&winner, &type_) { None } else { Some(winner) })
}

/// `Cls(*args, **kwargs)`.
pub fn call_class(cls: &Rc<Class>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    if let Some(meta) = &cls.metaclass
        && meta.has_user_attr("__call__")
    {
        let mut full = vec![Value::Class(cls.clone())];
        full.extend(args);
        let f = meta.lookup("__call__").unwrap_or_default();
        return call(&f, full, kwargs);
    }
    if let (Some(info), Layout::Builtin | Layout::Object) = (cls.builtin, cls.layout)
        && (Rc::ptr_eq(cls, &types().type_) || cls.layout == Layout::Builtin || Rc::ptr_eq(cls, &types().object))
    {
        return (info.new)(cls, args, kwargs);
    }
    default_call(cls, args, kwargs)
}

/// `cls(a, b)` with positional arguments in an array. A plain class (the
/// `type` metaclass, no `__new__`, not abstract, a Python `__init__`) is
/// instantiated here: with no argument vector when the `__init__` has a
/// direct Rust entry taking exactly these, else with one. Anything else
/// takes [`call_class`].
pub fn instantiate_n<const N: usize>(cls: &Rc<Class>, args: [Value; N]) -> PyResult<Value> {
    use crate::class::{HOOK_ABSTRACT, HOOK_INIT, HOOK_NEW, HOOK_TYPE, HOOK_VALUE};
    let plain = cls.metaclass.is_none()
        && cls.builtin.is_none()
        && cls.layout == Layout::Object
        && cls.hooks() & (HOOK_NEW | HOOK_ABSTRACT | HOOK_INIT | HOOK_TYPE | HOOK_VALUE) == HOOK_INIT;
    if plain && let Some(Value::Function(init)) = cls.init_method() {
        let obj = new_instance(cls, &[]);
        let r = match init.direct {
            Some(d) if d.arity() == N + 1 => d.call_with(obj.clone(), args)?,
            // A generated `__init__` (a dataclass's): one argument vector,
            // with the instance first.
            _ => {
                let mut full = Vec::with_capacity(N + 1);
                full.push(obj.clone());
                full.extend(args);
                init.call(full, Vec::new())?
            }
        };
        if !r.is_none() {
            return Err(type_error(format!("__init__() should return None, not '{}'", type_name(&r))));
        }
        return Ok(obj);
    }
    call_class(cls, args.into(), Vec::new())
}

/// `type.__call__(cls, *args, **kwargs)`: `__new__` then `__init__`.
pub fn default_call(cls: &Rc<Class>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    if let (Some(info), Layout::Builtin) = (cls.builtin, cls.layout) {
        return (info.new)(cls, args, kwargs);
    }
    let hooks = cls.hooks();
    let has_new = hooks & crate::class::HOOK_NEW != 0;
    let has_init = hooks & crate::class::HOOK_INIT != 0;
    if hooks & crate::class::HOOK_ABSTRACT != 0 {
        check_abstract(cls)?;
    }
    // A metaclass without its own `__new__` builds classes with `type.__new__`.
    let obj = if !has_new && cls.is_subclass(&types().type_) {
        if args.len() != 3 {
            return Err(type_error("type.__new__() takes exactly 3 arguments"));
        }
        let cls_name = crate::builtins::attr_name(&args[0])?;
        let bases = crate::iter::to_vec(&args[1])?;
        let ns = match &args[2] {
            Value::Dict(d) => d.copy(),
            _ => return Err(type_error("type.__new__() argument 3 must be dict")),
        };
        type_new(cls, &cls_name, bases, ns, kwargs.clone())?
    } else if has_new {
        let new = cls.lookup("__new__").unwrap_or_default();
        let f = match downcast::<StaticMethod>(&new) {
            Some(sm) => sm.func.clone(),
            None => new,
        };
        let mut full = vec![Value::Class(cls.clone())];
        full.extend(args.iter().cloned());
        call(&f, full, kwargs.clone())?
    } else if hooks & crate::class::HOOK_VALUE != 0
        && let Some(base) = crate::subclass::value_type(cls)
    {
        if !has_init {
            return crate::subclass::construct(&base, cls, args, kwargs);
        }
        crate::subclass::new(&base, cls, args.clone(), kwargs.clone())?
    } else {
        if !has_init && cls.layout == Layout::Object && (!args.is_empty() || !kwargs.is_empty()) {
            return Err(type_error(format!("{}() takes no arguments", cls.name())));
        }
        if cls.layout == Layout::Exception && cls.is_subclass(&types().by_name["BaseExceptionGroup"]) {
            let actual = crate::excgroup::check_new(cls, &args)?;
            new_instance(&actual, &args)
        } else if cls.layout == Layout::Exception && cls.is_subclass(&types().os_error) {
            os_error_new(cls, &args)
        } else {
            new_instance(cls, &args)
        }
    };
    let ty = crate::ops::type_of(&obj);
    if has_init && ty.is_subclass(cls) {
        // Special methods are looked up on the type; a plain function is
        // called with the instance prepended, without a bound method.
        let r = match ty.init_method() {
            Some(Value::Function(f)) if kwargs.is_empty() => f.call_with_receiver(obj.clone(), args, kwargs)?,
            Some(f @ Value::Function(_)) => {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(obj.clone());
                full.extend(args);
                call(&f, full, kwargs)?
            }
            _ => call_method(&obj, "__init__", args, kwargs)?,
        };
        if !r.is_none() {
            return Err(type_error(format!("__init__() should return None, not '{}'", type_name(&r))));
        }
    }
    Ok(obj)
}

fn check_abstract(cls: &Rc<Class>) -> PyResult<()> {
    let Some(abstract_) = cls.lookup("__abstractmethods__") else {
        return Ok(());
    };
    let mut names: Vec<String> =
        crate::iter::to_vec(&abstract_)?.iter().map(|v| crate::fmt::str_(v).unwrap_or_default()).collect();
    if names.is_empty() {
        return Ok(());
    }
    names.sort();
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    Err(type_error(format!(
        "Can't instantiate abstract class {} without an implementation for abstract method{} {}",
        cls.name(),
        if names.len() == 1 { "" } else { "s" },
        quoted.join(", ")
    )))
}

/// `object.__new__(cls)`, with the exception layout's args filled.
pub fn new_instance(cls: &Rc<Class>, args: &[Value]) -> Value {
    let inst = Instance::new(cls.clone());
    if let Some(d) = inst.exc() {
        d.borrow_mut().args = args.to_vec();
    }
    Value::Object(Rc::new(inst))
}

/// `OSError(errno, strerror[, filename[, winerror[, filename2]]])`: the
/// subclass the errno names when the class is `OSError` itself, and the
/// attributes; `args` keeps only the errno and message when a filename is
/// given, as CPython's does.
pub fn os_error_new(cls: &Rc<Class>, args: &[Value]) -> Value {
    let t = types();
    let with_fields = (2..=5).contains(&args.len());
    let cls = match args.first() {
        Some(Value::Int(errno)) if with_fields && Rc::ptr_eq(cls, &t.os_error) => {
            t.by_name.get(crate::file::errno_class(*errno)).unwrap_or(cls)
        }
        _ => cls,
    };
    let kept = if with_fields && args.len() > 2 { &args[..2] } else { args };
    let e = new_instance(cls, kept);
    if let Value::Object(o) = &e {
        let arg = |i: usize| if with_fields { args.get(i).cloned().unwrap_or_default() } else { Value::None };
        for (i, name) in [(0, "errno"), (1, "strerror"), (2, "filename"), (4, "filename2")] {
            o.set_attr(&crate::attr::intern(name), arg(i));
        }
    }
    e
}

// ------------------------------------------------------------------ super

/// The object `super()` returns inside a method of `this_class`.
pub struct Super {
    pub this_class: Rc<Class>,
    pub obj: Value,
}

/// `super()` in a method: `class_cell` holds the defining class.
pub fn super_(this_class: &Value, obj: &Value) -> PyResult<Value> {
    let Value::Class(c) = this_class else {
        return Err(crate::exc::runtime_error("super(): __class__ cell not found"));
    };
    Ok(Value::native(Super { this_class: c.clone(), obj: obj.clone() }))
}

impl Super {
    /// The class whose MRO is searched: the object's type, or the object
    /// itself when `super()` is used in a classmethod.
    fn start_type(&self) -> Rc<Class> {
        match &self.obj {
            Value::Class(c) if c.is_subclass(&self.this_class) => c.clone(),
            other => crate::ops::type_of(other),
        }
    }
}

impl Native for Super {
    fn type_name(&self) -> &'static str {
        "super"
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        let start = self.start_type();
        let mro = start.mro_with_self();
        let pos = mro.iter().position(|c| Rc::ptr_eq(c, &self.this_class)).map_or(mro.len(), |p| p + 1);
        for c in &mro[pos..] {
            if c.builtin.is_some() {
                if let Some(v) = crate::subclass::super_attr(c, &self.obj, name) {
                    return Some(Ok(v));
                }
                if let Some(v) = builtin_slot(c, &self.obj, name) {
                    return Some(Ok(v));
                }
                continue;
            }
            if let Some(attr) = c.dict.get_str(name) {
                return Some(match (&self.obj, &attr) {
                    (Value::Class(cls), _)
                        if downcast::<ClassMethod>(&attr).is_some() || matches!(attr, Value::Function(_)) =>
                    {
                        match downcast::<ClassMethod>(&attr) {
                            Some(cm) => crate::attr::bind(&cm.func, &Value::Class(cls.clone())),
                            None => Ok(attr),
                        }
                    }
                    _ => crate::attr::descriptor_get(&attr, &self.obj, &start),
                });
            }
        }
        Some(Err(attribute_error(format!("'super' object has no attribute '{name}'"))))
    }
}

/// A method of a built-in class reached through `super()` or looked up on
/// the class (`object.__setattr__`), bound to `receiver`.
pub struct SlotMethod {
    pub owner: Rc<Class>,
    pub name: &'static str,
    pub receiver: Option<Value>,
}

const OBJECT_SLOTS: &[&str] = &[
    "__init__",
    "__new__",
    "__setattr__",
    "__getattribute__",
    "__delattr__",
    "__repr__",
    "__str__",
    "__eq__",
    "__ne__",
    "__hash__",
    "__init_subclass__",
    "__format__",
    "__dir__",
];
const EXCEPTION_SLOTS: &[&str] =
    &["__init__", "__str__", "__repr__", "add_note", "with_traceback", "split", "subgroup", "derive"];
const TYPE_SLOTS: &[&str] = &["__new__", "__call__", "__init__", "__prepare__"];

fn slot_name(owner: &Rc<Class>, name: &str) -> Option<&'static str> {
    let t = types();
    let table: &[&'static str] = if Rc::ptr_eq(owner, &t.object) {
        OBJECT_SLOTS
    } else if Rc::ptr_eq(owner, &t.type_) {
        TYPE_SLOTS
    } else if owner.layout == Layout::Exception {
        EXCEPTION_SLOTS
    } else {
        &[]
    };
    table.iter().find(|s| **s == name).copied()
}

/// Resolves `name` on a built-in class for `receiver` (`None` if absent).
pub fn builtin_slot(owner: &Rc<Class>, receiver: &Value, name: &str) -> Option<Value> {
    let name = slot_name(owner, name)?;
    // `__new__` is a static method: the class is passed explicitly.
    let receiver = if name == "__new__" { None } else { Some(receiver.clone()) };
    Some(Value::native(SlotMethod { owner: owner.clone(), name, receiver }))
}

/// `object.__setattr__` and friends looked up on the class itself.
pub fn unbound_slot(owner: &Rc<Class>, name: &str) -> Option<Value> {
    let name = slot_name(owner, name)?;
    Some(Value::native(SlotMethod { owner: owner.clone(), name, receiver: None }))
}

impl Native for SlotMethod {
    fn type_name(&self) -> &'static str {
        if self.receiver.is_some() { "method-wrapper" } else { "wrapper_descriptor" }
    }

    fn call(&self, _this: &Value, mut args: Vec<Value>, kwargs: Kwargs) -> Option<PyResult<Value>> {
        let receiver = match &self.receiver {
            Some(r) => r.clone(),
            None if !args.is_empty() => args.remove(0),
            None => {
                return Some(Err(type_error(format!(
                    "descriptor '{}' of '{}' object needs an argument",
                    self.name,
                    self.owner.name()
                ))));
            }
        };
        Some(call_slot(&self.owner, self.name, &receiver, args, kwargs))
    }
}

fn call_slot(owner: &Rc<Class>, name: &str, recv: &Value, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let t = types();
    let arg = |i: usize| args.get(i).cloned().unwrap_or_default();
    let str_arg = |i: usize| -> PyResult<String> {
        match args.get(i) {
            Some(Value::Str(s)) => Ok(s.to_string()),
            Some(other) => Err(type_error(format!("attribute name must be string, not '{}'", type_name(other)))),
            None => Err(type_error(format!("expected {} arguments, got {}", i + 1, args.len()))),
        }
    };
    if Rc::ptr_eq(owner, &t.type_) {
        return match name {
            "__new__" => {
                let Value::Class(meta) = recv else {
                    return Err(type_error("type.__new__(X): X is not a type object"));
                };
                if args.len() != 3 {
                    return Err(type_error("type.__new__() takes exactly 3 arguments"));
                }
                let cls_name = str_arg(0)?;
                let bases = crate::iter::to_vec(&args[1])?;
                let ns = match &args[2] {
                    Value::Dict(d) => d.copy(),
                    _ => return Err(type_error("type.__new__() argument 3 must be dict")),
                };
                type_new(meta, &cls_name, bases, ns, kwargs)
            }
            "__call__" => {
                let Value::Class(c) = recv else {
                    return Err(type_error("descriptor '__call__' requires a type"));
                };
                default_call(c, args, kwargs)
            }
            "__prepare__" => Ok(Value::Dict(Rc::new(Dict::new()))),
            _ => Ok(Value::None),
        };
    }
    if owner.layout == Layout::Exception
        && let Value::Object(o) = recv
        && let Some(cell) = o.exc()
    {
        match name {
            "__init__" => {
                cell.borrow_mut().args = args;
                return Ok(Value::None);
            }
            "__str__" => return Ok(Value::str(crate::fmt::exception_str(recv)?)),
            "__repr__" => return Ok(Value::str(crate::fmt::exception_repr(recv)?)),
            "add_note" => return crate::fmt::add_note(recv, arg(0)),
            "with_traceback" => return Ok(recv.clone()),
            "split" | "subgroup" | "derive" => {
                if let Some(r) = crate::excgroup::method(recv, name, &args) {
                    return r;
                }
            }
            _ => {}
        }
    }
    match name {
        "__init__" => Ok(Value::None),
        "__new__" => match recv {
            Value::Class(c) => Ok(new_instance(c, &args)),
            _ => Err(type_error("object.__new__(X): X is not a type object")),
        },
        "__setattr__" => match recv {
            // `type.__setattr__`, reached from a metaclass's own.
            Value::Class(c) => crate::attr::class_setattr(c, &str_arg(0)?, arg(1)).map(|_| Value::None),
            _ => crate::attr::generic_setattr(recv, &str_arg(0)?, arg(1)).map(|_| Value::None),
        },
        "__delattr__" => crate::attr::generic_delattr(recv, &str_arg(0)?).map(|_| Value::None),
        "__getattribute__" => {
            let n = str_arg(0)?;
            let (cls, inst) = match recv {
                Value::Object(o) => (o.class.clone(), Some(&**o)),
                other => (crate::ops::type_of(other), None),
            };
            match crate::attr::generic_getattr(recv, &cls, inst, &n)? {
                Some(v) => Ok(v),
                None => Err(crate::attr::no_attribute(recv, &n)),
            }
        }
        "__repr__" => Ok(Value::str(crate::fmt::default_repr(recv))),
        "__str__" => Ok(Value::str(crate::fmt::repr(recv)?)),
        "__eq__" => Ok(if recv.is(&arg(0)) { Value::Bool(true) } else { Value::NotImplemented }),
        "__ne__" => Ok(if recv.is(&arg(0)) { Value::Bool(false) } else { Value::NotImplemented }),
        "__hash__" => Ok(Value::Int((recv.identity() as u64).rotate_right(4) as i64)),
        "__init_subclass__" => {
            if !kwargs.is_empty() {
                let n = match recv {
                    Value::Class(c) => c.name().to_string(),
                    _ => "object".into(),
                };
                return Err(type_error(format!("{n}.__init_subclass__() takes no keyword arguments")));
            }
            Ok(Value::None)
        }
        "__format__" => {
            let spec = str_arg(0)?;
            if !spec.is_empty() {
                return Err(type_error(format!("unsupported format string passed to {}.__format__", type_name(recv))));
            }
            Ok(Value::str(crate::fmt::str_(recv)?))
        }
        _ => Err(attribute_error(format!("'{}' object has no attribute '{}'", owner.name(), name))),
    }
}

// ------------------------------------------------------------ descriptors

/// `property(fget, fset, fdel, doc)`.
pub struct Property {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
    /// The attribute name, for error messages (set by `__set_name__`).
    pub name: RefCell<Option<PyStr>>,
}

impl Property {
    /// A read-only property named `name` (what the runtime's own classes
    /// expose as computed attributes).
    pub fn getter(name: &str, fget: Value) -> Value {
        Value::native(Property {
            fget,
            fset: Value::None,
            fdel: Value::None,
            doc: Value::None,
            name: RefCell::new(Some(name.into())),
        })
    }
}

pub struct ClassMethod {
    pub func: Value,
}

pub struct StaticMethod {
    pub func: Value,
}

impl Native for Property {
    fn type_name(&self) -> &'static str {
        "property"
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        match name {
            "fget" => Some(Ok(self.fget.clone())),
            "fset" => Some(Ok(self.fset.clone())),
            "fdel" => Some(Ok(self.fdel.clone())),
            "__doc__" => Some(Ok(self.doc.clone())),
            "__isabstractmethod__" => Some(
                [&self.fget, &self.fset, &self.fdel]
                    .into_iter()
                    .find(|f| !f.is_none())
                    .map_or(Ok(Value::Bool(false)), |f| {
                        crate::attr::getattr_default(f, "__isabstractmethod__", Value::Bool(false))
                    }),
            ),
            _ => None,
        }
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "getter" | "setter" | "deleter" | "__set_name__")
    }

    fn call_method(&self, _this: &Value, name: &str, args: Vec<Value>, _kwargs: Kwargs) -> Option<PyResult<Value>> {
        let f = args.into_iter().next().unwrap_or_default();
        let mut p = Property {
            fget: self.fget.clone(),
            fset: self.fset.clone(),
            fdel: self.fdel.clone(),
            doc: self.doc.clone(),
            name: RefCell::new(self.name.borrow().clone()),
        };
        match name {
            "getter" => p.fget = f,
            "setter" => p.fset = f,
            "deleter" => p.fdel = f,
            "__set_name__" => return Some(Ok(Value::None)),
            _ => return None,
        }
        Some(Ok(Value::native(p)))
    }
}

impl Native for ClassMethod {
    fn type_name(&self) -> &'static str {
        "classmethod"
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        match name {
            "__func__" | "__wrapped__" => Some(Ok(self.func.clone())),
            _ => Some(crate::attr::getattr(&self.func, name)),
        }
    }
}

impl Native for StaticMethod {
    fn type_name(&self) -> &'static str {
        "staticmethod"
    }

    fn call(&self, _this: &Value, args: Vec<Value>, kwargs: Kwargs) -> Option<PyResult<Value>> {
        Some(call(&self.func, args, kwargs))
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        match name {
            "__func__" | "__wrapped__" => Some(Ok(self.func.clone())),
            _ => Some(crate::attr::getattr(&self.func, name)),
        }
    }
}

/// `__get__` of the built-in descriptors; `None` if `attr` is not one.
pub fn native_descriptor_get(attr: &Value, obj: Option<&Value>, cls: &Rc<Class>) -> Option<PyResult<Value>> {
    if let Some(p) = downcast::<Property>(attr) {
        return Some(match obj {
            None => Ok(attr.clone()),
            Some(o) if p.fget.is_none() => {
                Err(attribute_error(format!("property {}of '{}' object has no getter", prop_name(p), type_name(o))))
            }
            Some(o) => call(&p.fget, vec![o.clone()], vec![]),
        });
    }
    if let Some(cm) = downcast::<ClassMethod>(attr) {
        let owner = match obj {
            Some(Value::Class(c)) => c.clone(),
            _ => cls.clone(),
        };
        return Some(crate::attr::bind(&cm.func, &Value::Class(owner)));
    }
    if let Some(sm) = downcast::<StaticMethod>(attr) {
        return Some(Ok(sm.func.clone()));
    }
    if let Some(cp) = downcast::<crate::functools::CachedProperty>(attr) {
        return Some(match obj {
            Some(o @ Value::Object(_)) => cp.get(o),
            _ => Ok(attr.clone()),
        });
    }
    // `push = list.append` in a class body: a method descriptor binds to
    // the instance, as a def would.
    if let (Some(u), Some(o @ Value::Object(_))) = (downcast::<crate::func::UnboundBuiltin>(attr), obj) {
        return Some(Ok(Value::native(crate::func::BoundBuiltin { receiver: o.clone(), name: u.name.clone() })));
    }
    None
}

fn prop_name(p: &Property) -> String {
    match p.name.borrow().as_ref() {
        Some(n) => format!("'{n}' "),
        None => String::new(),
    }
}

/// `__set__`/`__delete__` of `property` (value `None` means delete).
pub fn native_descriptor_set(attr: &Value, obj: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(p) = downcast::<Property>(attr) else {
        return Err(attribute_error("attribute is read-only"));
    };
    match value {
        Some(v) => {
            if p.fset.is_none() {
                return Err(attribute_error(format!(
                    "property {}of '{}' object has no setter",
                    prop_name(p),
                    type_name(obj)
                )));
            }
            call(&p.fset, vec![obj.clone(), v], vec![]).map(drop)
        }
        None => {
            if p.fdel.is_none() {
                return Err(attribute_error(format!(
                    "property {}of '{}' object has no deleter",
                    prop_name(p),
                    type_name(obj)
                )));
            }
            call(&p.fdel, vec![obj.clone()], vec![]).map(drop)
        }
    }
}

/// `property(...)` called as a constructor.
pub fn new_property(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let mut slots = [Value::None, Value::None, Value::None, Value::None];
    for (i, a) in args.into_iter().enumerate().take(4) {
        slots[i] = a;
    }
    for (k, v) in kwargs {
        match k.as_str() {
            "fget" => slots[0] = v,
            "fset" => slots[1] = v,
            "fdel" => slots[2] = v,
            "doc" => slots[3] = v,
            other => {
                return Err(type_error(format!("property() got an unexpected keyword argument '{other}'")));
            }
        }
    }
    let [fget, fset, fdel, doc] = slots;
    Ok(Value::native(Property { fget, fset, fdel, doc, name: RefCell::new(None) }))
}

/// Reads a name in a class body: the namespace first, then `fallback`
/// (globals and builtins).
pub fn ns_load(ns: &Dict, name: &str, fallback: impl FnOnce() -> PyResult<Value>) -> PyResult<Value> {
    match ns.get_str(name) {
        Some(v) => Ok(v),
        None => fallback(),
    }
}

/// `del name` in a class body.
pub fn ns_delete(ns: &Dict, name: &str) -> PyResult<()> {
    match ns.remove(&Value::str(name))? {
        Some(_) => Ok(()),
        None => Err(crate::exc::name_error(format!("name '{name}' is not defined"))),
    }
}

/// `name: annotation` in a class body: records it in `__annotations__`.
pub fn annotate(ns: &Dict, name: &str, annotation: Value) -> PyResult<()> {
    let anns = match ns.get_str("__annotations__") {
        Some(Value::Dict(d)) => d,
        _ => {
            let d = Rc::new(Dict::new());
            ns.set_str("__annotations__", Value::Dict(d.clone()));
            d
        }
    };
    anns.set(Value::str(name), annotation)
}
