//! The `typing` module at run time: `TypeVar`, `ParamSpec`, `TypeVarTuple`
//! (created by PEP 695 type parameters or called directly), the
//! `TypeAliasType` of a `type X = ...` statement, `Generic` and `Protocol`
//! as base classes, and the annotation-only forms (`List`, `Optional`...).
//! `classes.rs` turns `Generic[T]` bases into `Generic` (`__mro_entries__`),
//! `builtins.rs` asks `protocol_instance_check` in `isinstance`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::builtins::GenericAlias;
use crate::class::{Class, Layout};
use crate::dict::Dict;
use crate::exc::{PyResult, type_error};
use crate::func::{BuiltinFunction, Function, Kwargs};
use crate::gil::Lazy;
use crate::iter::PyIter;
use crate::native::{Native, downcast};
use crate::str::PyStr;
use crate::types::{BuiltinInfo, types};
use crate::value::Value;

/// The classes of the typing module.
struct TypingClasses {
    type_var: Rc<Class>,
    param_spec: Rc<Class>,
    param_spec_args: Rc<Class>,
    param_spec_kwargs: Rc<Class>,
    type_var_tuple: Rc<Class>,
    type_alias_type: Rc<Class>,
    generic: Rc<Class>,
    protocol: Rc<Class>,
}

static CLASSES: Lazy<TypingClasses> = Lazy::new(build);

fn classes() -> &'static TypingClasses {
    CLASSES.get()
}

static TYPE_VAR_INFO: BuiltinInfo = BuiltinInfo { new: new_type_var };
static PARAM_SPEC_INFO: BuiltinInfo = BuiltinInfo { new: new_param_spec };
static TYPE_VAR_TUPLE_INFO: BuiltinInfo = BuiltinInfo { new: new_type_var_tuple };
static NO_NEW_INFO: BuiltinInfo = BuiltinInfo { new: no_new };

fn build() -> TypingClasses {
    let object = types().object.clone();
    let class = |name: &str, info: &'static BuiltinInfo| {
        crate::types::new_class_with(name, "typing", std::slice::from_ref(&object), info)
    };
    let generic = crate::types::new_class_in("typing", "Generic", std::slice::from_ref(&object), Layout::Object);
    generic.dict.set_str(
        "__class_getitem__",
        Function::native("Generic", "__class_getitem__", &["cls", "params"], class_getitem),
    );
    let protocol = crate::types::new_class_in("typing", "Protocol", std::slice::from_ref(&generic), Layout::Object);
    TypingClasses {
        type_var: class("TypeVar", &TYPE_VAR_INFO),
        param_spec: class("ParamSpec", &PARAM_SPEC_INFO),
        param_spec_args: class("ParamSpecArgs", &NO_NEW_INFO),
        param_spec_kwargs: class("ParamSpecKwargs", &NO_NEW_INFO),
        type_var_tuple: class("TypeVarTuple", &TYPE_VAR_TUPLE_INFO),
        type_alias_type: class("TypeAliasType", &NO_NEW_INFO),
        generic,
        protocol,
    }
}

fn no_new(cls: &Rc<Class>, _args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Err(type_error(format!("cannot create '{}' instances", cls.name())))
}

// ---------------------------------------------------------- lazy values

/// A value computed on first use: a TypeVar's bound, an alias's value.
/// The thunk is a zero-argument function built by the generated code.
struct LazyValue(RefCell<Result<Value, Value>>);

impl LazyValue {
    fn thunk(f: Value) -> LazyValue {
        LazyValue(RefCell::new(Err(f)))
    }

    fn ready(v: Value) -> LazyValue {
        LazyValue(RefCell::new(Ok(v)))
    }

    fn get(&self) -> PyResult<Value> {
        let thunk = match &*self.0.borrow() {
            Ok(v) => return Ok(v.clone()),
            Err(f) => f.clone(),
        };
        let v = crate::call::call(&thunk, vec![], vec![])?;
        *self.0.borrow_mut() = Ok(v.clone());
        Ok(v)
    }
}

// ------------------------------------------------------------- TypeVar

pub struct TypeVar {
    name: PyStr,
    bound: Option<LazyValue>,
    constraints: Option<LazyValue>,
    covariant: bool,
    contravariant: bool,
    infer_variance: bool,
}

impl Native for TypeVar {
    fn type_name(&self) -> &'static str {
        "TypeVar"
    }

    fn class(&self) -> Rc<Class> {
        classes().type_var.clone()
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        let prefix = if self.infer_variance {
            ""
        } else if self.covariant {
            "+"
        } else if self.contravariant {
            "-"
        } else {
            "~"
        };
        Ok(format!("{prefix}{}", self.name.as_str()))
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        Some(match name {
            "__name__" => Ok(Value::Str(self.name.clone())),
            "__bound__" => match &self.bound {
                Some(b) => b.get(),
                None => Ok(Value::None),
            },
            "__constraints__" => match &self.constraints {
                Some(c) => c.get().and_then(|v| Ok(Value::tuple(crate::iter::to_vec(&v)?))),
                None => Ok(Value::tuple_of([])),
            },
            "__covariant__" => Ok(Value::Bool(self.covariant)),
            "__contravariant__" => Ok(Value::Bool(self.contravariant)),
            "__infer_variance__" => Ok(Value::Bool(self.infer_variance)),
            "__module__" => Ok(Value::str("typing")),
            _ => return None,
        })
    }
}

/// A PEP 695 type parameter `T`, `T: bound` or `T: (A, B)`: the bound and
/// constraints are zero-argument functions evaluated on first access.
pub fn type_param(name: &str, bound: Option<Value>, constraints: Option<Value>) -> Value {
    Value::native(TypeVar {
        name: PyStr::new(name),
        bound: bound.map(LazyValue::thunk),
        constraints: constraints.map(LazyValue::thunk),
        covariant: false,
        contravariant: false,
        infer_variance: true,
    })
}

fn flag(kw: &Kwargs, name: &str) -> PyResult<bool> {
    match kw.iter().find(|(k, _)| k.as_str() == name) {
        Some((_, v)) => crate::ops::truthy(v),
        None => Ok(false),
    }
}

fn name_arg(what: &str, args: &[Value]) -> PyResult<PyStr> {
    match args.first() {
        Some(Value::Str(s)) => Ok(s.clone()),
        Some(_) => Err(type_error(format!("{what}() argument 'name' must be str"))),
        None => Err(type_error(format!("{what}() missing required argument 'name' (pos 1)"))),
    }
}

/// `TypeVar(name, *constraints, bound=None, covariant=False, contravariant=False, infer_variance=False)`.
fn new_type_var(_cls: &Rc<Class>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let name = name_arg("TypeVar", &args)?;
    for (k, _) in &kw {
        if !["bound", "covariant", "contravariant", "infer_variance"].contains(&k.as_str()) {
            return Err(type_error(format!("TypeVar() got an unexpected keyword argument '{}'", k.as_str())));
        }
    }
    let (covariant, contravariant) = (flag(&kw, "covariant")?, flag(&kw, "contravariant")?);
    if covariant && contravariant {
        return Err(crate::exc::value_error("Bivariant types are not supported."));
    }
    let bound = kw.iter().find(|(k, _)| k.as_str() == "bound").map(|(_, v)| v.clone()).filter(|v| !v.is_none());
    let constraints = &args[1..];
    if constraints.len() == 1 {
        return Err(type_error("A single constraint is not allowed"));
    }
    if !constraints.is_empty() && bound.is_some() {
        return Err(type_error("Constraints cannot be combined with bound=..."));
    }
    Ok(Value::native(TypeVar {
        name,
        bound: bound.map(LazyValue::ready),
        constraints: (!constraints.is_empty()).then(|| LazyValue::ready(Value::tuple(constraints.to_vec()))),
        covariant,
        contravariant,
        infer_variance: flag(&kw, "infer_variance")?,
    }))
}

// ----------------------------------------------------------- ParamSpec

pub struct ParamSpec {
    name: PyStr,
    /// Created by a PEP 695 `**P`: printed without the `~`.
    infer_variance: bool,
}

impl Native for ParamSpec {
    fn type_name(&self) -> &'static str {
        "ParamSpec"
    }

    fn class(&self) -> Rc<Class> {
        classes().param_spec.clone()
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(format!("{}{}", if self.infer_variance { "" } else { "~" }, self.name.as_str()))
    }

    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        Some(match name {
            "__name__" => Ok(Value::Str(self.name.clone())),
            "args" => Ok(Value::native(ParamSpecPart { origin: this.clone(), kwargs: false })),
            "kwargs" => Ok(Value::native(ParamSpecPart { origin: this.clone(), kwargs: true })),
            "__module__" => Ok(Value::str("typing")),
            _ => return None,
        })
    }
}

/// `P.args` or `P.kwargs`.
pub struct ParamSpecPart {
    origin: Value,
    kwargs: bool,
}

impl Native for ParamSpecPart {
    fn type_name(&self) -> &'static str {
        if self.kwargs { "ParamSpecKwargs" } else { "ParamSpecArgs" }
    }

    fn class(&self) -> Rc<Class> {
        if self.kwargs { classes().param_spec_kwargs.clone() } else { classes().param_spec_args.clone() }
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        let name = crate::attr::getattr(&self.origin, "__name__").and_then(|n| crate::fmt::str_(&n))?;
        Ok(format!("{name}.{}", if self.kwargs { "kwargs" } else { "args" }))
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        (name == "__origin__").then(|| Ok(self.origin.clone()))
    }

    fn eq(&self, other: &Value) -> Option<bool> {
        Some(
            downcast::<ParamSpecPart>(other)
                .is_some_and(|o| o.kwargs == self.kwargs && o.origin.identity() == self.origin.identity()),
        )
    }
}

pub fn param_spec(name: &str) -> Value {
    Value::native(ParamSpec { name: PyStr::new(name), infer_variance: true })
}

fn new_param_spec(_cls: &Rc<Class>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Ok(Value::native(ParamSpec { name: name_arg("ParamSpec", &args)?, infer_variance: false }))
}

// -------------------------------------------------------- TypeVarTuple

pub struct TypeVarTuple {
    name: PyStr,
}

impl Native for TypeVarTuple {
    fn type_name(&self) -> &'static str {
        "TypeVarTuple"
    }

    fn class(&self) -> Rc<Class> {
        classes().type_var_tuple.clone()
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(self.name.as_str().to_string())
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        Some(match name {
            "__name__" => Ok(Value::Str(self.name.clone())),
            "__module__" => Ok(Value::str("typing")),
            _ => return None,
        })
    }

    /// `*Ts` is `Unpack[Ts]`.
    fn iter(&self, this: &Value) -> Option<PyResult<PyIter>> {
        let unpacked = Value::native(Unpacked { inner: this.clone() });
        let Value::Tuple(t) = Value::tuple_of([unpacked]) else {
            return None;
        };
        Some(Ok(PyIter::Tuple { tuple: t, pos: 0 }))
    }
}

/// `typing.Unpack[Ts]`, what `*Ts` produces.
pub struct Unpacked {
    inner: Value,
}

impl Native for Unpacked {
    fn type_name(&self) -> &'static str {
        "typing._UnpackGenericAlias"
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(format!("typing.Unpack[{}]", crate::fmt::repr(&self.inner)?))
    }
}

pub fn type_var_tuple(name: &str) -> Value {
    Value::native(TypeVarTuple { name: PyStr::new(name) })
}

fn new_type_var_tuple(_cls: &Rc<Class>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Ok(Value::native(TypeVarTuple { name: name_arg("TypeVarTuple", &args)? }))
}

fn is_type_param(v: &Value) -> bool {
    downcast::<TypeVar>(v).is_some()
        || downcast::<ParamSpec>(v).is_some()
        || downcast::<TypeVarTuple>(v).is_some()
        || downcast::<Unpacked>(v).is_some()
}

/// The type parameter a `__parameters__` entry stands for (`*Ts` is `Ts`).
fn param_of(v: &Value) -> Option<Value> {
    match downcast::<Unpacked>(v) {
        Some(u) => Some(u.inner.clone()),
        None if is_type_param(v) => Some(v.clone()),
        None => None,
    }
}

// ------------------------------------------------------- TypeAliasType

/// What a `type Name[T] = value` statement creates.
pub struct TypeAliasType {
    name: PyStr,
    value: LazyValue,
    type_params: Value,
}

impl Native for TypeAliasType {
    fn type_name(&self) -> &'static str {
        "TypeAliasType"
    }

    fn class(&self) -> Rc<Class> {
        classes().type_alias_type.clone()
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(self.name.as_str().to_string())
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        Some(match name {
            "__name__" => Ok(Value::Str(self.name.clone())),
            "__value__" => self.value.get(),
            "__type_params__" | "__parameters__" => Ok(self.type_params.clone()),
            "__module__" => Ok(Value::str("__main__")),
            _ => return None,
        })
    }

    fn getitem(&self, this: &Value, key: &Value) -> Option<PyResult<Value>> {
        if matches!(&self.type_params, Value::Tuple(t) if t.items().is_empty()) {
            return Some(Err(type_error("Only generic type aliases are subscriptable")));
        }
        Some(Ok(crate::builtins::generic_alias(this, key)))
    }
}

/// `type name[params] = value`; `value` is a zero-argument function.
pub fn type_alias(name: &str, type_params: Value, value: Value) -> Value {
    Value::native(TypeAliasType { name: PyStr::new(name), value: LazyValue::thunk(value), type_params })
}

// ------------------------------------------------- Generic and Protocol

/// `Generic.__class_getitem__(cls, params)`: `Generic[T]` itself, or a
/// user generic class subscripted (`Stack[int]`).
fn class_getitem(args: Vec<Value>) -> PyResult<Value> {
    let cls = args[0].clone();
    let params = match &args[1] {
        Value::Tuple(t) => t.items().to_vec(),
        other => vec![other.clone()],
    };
    let Value::Class(c) = &cls else {
        return Err(type_error("Generic.__class_getitem__ expects a class"));
    };
    let c_ = classes();
    if Rc::ptr_eq(c, &c_.generic) || Rc::ptr_eq(c, &c_.protocol) {
        if params.is_empty() {
            return Err(type_error(format!("Parameter list to {}[...] cannot be empty", c.name())));
        }
        if !params.iter().all(is_type_param) {
            return Err(type_error(format!(
                "Parameters to {}[...] must all be type variables or parameter specification variables.",
                c.name()
            )));
        }
        return Ok(Value::native(GenericAlias { origin: cls, args: params }));
    }
    let expected = match c.lookup("__parameters__") {
        Some(Value::Tuple(t)) => t.items().to_vec(),
        _ => Vec::new(),
    };
    if expected.is_empty() {
        return Err(type_error(format!("{} is not a generic class", crate::fmt::repr(&cls)?)));
    }
    let variadic = expected.iter().any(|p| downcast::<TypeVarTuple>(p).is_some());
    if !variadic && params.len() != expected.len() {
        let which = if params.len() > expected.len() { "many" } else { "few" };
        return Err(type_error(format!(
            "Too {which} arguments for {}; actual {}, expected {}",
            crate::fmt::repr(&cls)?,
            params.len(),
            expected.len()
        )));
    }
    Ok(Value::native(GenericAlias { origin: cls, args: params }))
}

/// `Generic[*params]`, the implicit base of `class C[T]: ...`.
pub fn generic_base(type_params: &Value) -> Value {
    let args = match type_params {
        Value::Tuple(t) => t
            .items()
            .iter()
            .map(|p| {
                if downcast::<TypeVarTuple>(p).is_some() {
                    Value::native(Unpacked { inner: p.clone() })
                } else {
                    p.clone()
                }
            })
            .collect(),
        _ => Vec::new(),
    };
    Value::native(GenericAlias { origin: Value::Class(classes().generic.clone()), args })
}

/// `__mro_entries__` of the bases of a class statement: `Generic[T]`,
/// `Base[int]` and `list[int]` stand for their origin class. Returns the
/// class bases and, when any base was replaced, `__orig_bases__` and the
/// class's `__parameters__`, which the caller stores in the namespace.
pub fn resolve_bases(bases: Vec<Value>, ns: &Dict) -> Vec<Value> {
    if !bases.iter().any(|b| downcast::<GenericAlias>(b).is_some()) {
        if let Some(c) = bases.iter().find_map(|b| match b {
            Value::Class(c) if Rc::ptr_eq(c, &classes().protocol) => Some(c.clone()),
            _ => None,
        }) {
            let _ = c;
            ns.set_str("_is_protocol", Value::Bool(true));
        }
        return bases;
    }
    let generic = Value::Class(classes().generic.clone());
    let protocol = Value::Class(classes().protocol.clone());
    let has_protocol = bases.iter().any(|b| b.identity() == protocol.identity());
    let mut out = Vec::new();
    let mut params: Vec<Value> = Vec::new();
    let mut generic_params: Option<Vec<Value>> = None;
    for (i, b) in bases.iter().enumerate() {
        let Some(alias) = downcast::<GenericAlias>(b) else {
            out.push(b.clone());
            continue;
        };
        for a in &alias.args {
            if let Some(p) = param_of(a)
                && !params.iter().any(|q| q.identity() == p.identity())
            {
                params.push(p);
            }
        }
        let origin = alias.origin.clone();
        if origin.identity() == generic.identity() {
            generic_params = Some(alias.args.iter().filter_map(param_of).collect());
            let later_alias = bases[i + 1..].iter().any(|x| downcast::<GenericAlias>(x).is_some());
            if has_protocol || later_alias {
                continue;
            }
        }
        if origin.identity() == protocol.identity() {
            generic_params = Some(alias.args.iter().filter_map(param_of).collect());
            ns.set_str("_is_protocol", Value::Bool(true));
        }
        if !out.iter().any(|o: &Value| o.identity() == origin.identity()) {
            out.push(origin);
        }
    }
    if has_protocol {
        ns.set_str("_is_protocol", Value::Bool(true));
    }
    ns.set_str("__orig_bases__", Value::tuple(bases));
    ns.set_str("__parameters__", Value::tuple(generic_params.unwrap_or(params)));
    out
}

/// `isinstance(obj, P)` for a `Protocol` class `P`: `None` when `cls` is
/// not a protocol (the nominal check applies).
pub fn protocol_instance_check(obj: &Value, cls: &Rc<Class>) -> Option<PyResult<bool>> {
    // Every protocol derives from `Protocol`: most classes are told apart
    // by their MRO, without hashing a name (`isinstance` asks every time).
    let protocol = &CLASSES.try_get()?.protocol;
    if !cls.mro.iter().any(|c| Rc::ptr_eq(c, protocol)) {
        return None;
    }
    if !matches!(cls.dict.get_str("_is_protocol"), Some(Value::Bool(true))) {
        return None;
    }
    if !matches!(cls.dict.get_str("_is_runtime_protocol"), Some(Value::Bool(true))) {
        return Some(Err(type_error("Instance and class checks can only be used with @runtime_checkable protocols")));
    }
    if crate::ops::type_of(obj).is_subclass(cls) {
        return Some(Ok(true));
    }
    for name in protocol_members(cls) {
        if crate::attr::getattr(obj, &name).is_err() {
            return Some(Ok(false));
        }
    }
    Some(Ok(true))
}

/// The attributes a protocol requires, as `typing._get_protocol_attrs`.
fn protocol_members(cls: &Rc<Class>) -> Vec<String> {
    const SKIP: &[&str] = &[
        "__abstractmethods__",
        "__annotations__",
        "__dict__",
        "__doc__",
        "__init__",
        "__module__",
        "__new__",
        "__slots__",
        "__subclasshook__",
        "__weakref__",
        "__class_getitem__",
        "__match_args__",
        "__parameters__",
        "__orig_bases__",
        "__orig_class__",
        "_is_protocol",
        "_is_runtime_protocol",
        "__type_params__",
        "__qualname__",
    ];
    let c_ = classes();
    let mut out: Vec<String> = Vec::new();
    for k in cls.mro_with_self() {
        if Rc::ptr_eq(&k, &c_.protocol) || Rc::ptr_eq(&k, &c_.generic) || Rc::ptr_eq(&k, &types().object) {
            continue;
        }
        let mut names: Vec<Value> = k.dict.items().into_iter().map(|(n, _)| n).collect();
        if let Some(Value::Dict(anns)) = k.dict.get_str("__annotations__") {
            names.extend(anns.items().into_iter().map(|(n, _)| n));
        }
        for n in names {
            let Value::Str(s) = n else { continue };
            let s = s.as_str().to_string();
            if !SKIP.contains(&s.as_str()) && !s.starts_with("_abc_") && !out.contains(&s) {
                out.push(s);
            }
        }
    }
    out
}

// ------------------------------------------------------ module functions

fn overload(_args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Ok(Value::native(BuiltinFunction { name: "_overload_dummy", f: overload_dummy }))
}

fn overload_dummy(_args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Err(crate::exc::not_implemented_error(
        "You should not call an overloaded function. A series of @overload-decorated functions outside a stub module should always be followed by an implementation that is not @overload-ed.",
    ))
}

/// `@runtime_checkable`: marks a protocol class for `isinstance`.
fn runtime_checkable(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let cls = args.into_iter().next().unwrap_or_default();
    match &cls {
        Value::Class(c) if matches!(c.dict.get_str("_is_protocol"), Some(Value::Bool(true))) => {
            c.dict.set_str("_is_runtime_protocol", Value::Bool(true));
            Ok(cls)
        }
        other => Err(type_error(format!(
            "@runtime_checkable can be only applied to protocol classes, got {}",
            crate::fmt::repr(other)?
        ))),
    }
}

/// Identity decorators: `final`, `no_type_check`, `override`.
fn identity(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Ok(args.into_iter().next().unwrap_or_default())
}

/// A typing construct used only in annotations (`List`, `Optional`...).
pub struct TypingSpecial {
    pub name: &'static str,
}

impl Native for TypingSpecial {
    fn type_name(&self) -> &'static str {
        "typing._SpecialForm"
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(format!("typing.{}", self.name))
    }

    fn getitem(&self, this: &Value, key: &Value) -> Option<PyResult<Value>> {
        Some(Ok(crate::builtins::generic_alias(this, key)))
    }

    fn call(&self, _this: &Value, args: Vec<Value>, _kw: Kwargs) -> Option<PyResult<Value>> {
        match self.name {
            "cast" => Some(Ok(args.get(1).cloned().unwrap_or_default())),
            _ => None,
        }
    }
}

pub fn module_attrs() -> Dict {
    let d = Dict::new();
    for name in [
        "Any",
        "List",
        "Dict",
        "Set",
        "FrozenSet",
        "Tuple",
        "Optional",
        "Union",
        "Callable",
        "Iterable",
        "Iterator",
        "Sequence",
        "Mapping",
        "MutableMapping",
        "Type",
        "NoReturn",
        "Final",
        "ClassVar",
        "Literal",
        "Generator",
        "Awaitable",
        "Coroutine",
        "AsyncIterator",
        "Hashable",
        "Sized",
        "cast",
        "TypeAlias",
        "Annotated",
        "Self",
        "Never",
        "Concatenate",
        "Unpack",
        "TypeGuard",
        "LiteralString",
    ] {
        d.set_str(name, Value::native(TypingSpecial { name }));
    }
    let c = classes();
    d.set_str("TypeVar", Value::Class(c.type_var.clone()));
    d.set_str("ParamSpec", Value::Class(c.param_spec.clone()));
    d.set_str("ParamSpecArgs", Value::Class(c.param_spec_args.clone()));
    d.set_str("ParamSpecKwargs", Value::Class(c.param_spec_kwargs.clone()));
    d.set_str("TypeVarTuple", Value::Class(c.type_var_tuple.clone()));
    d.set_str("TypeAliasType", Value::Class(c.type_alias_type.clone()));
    d.set_str("Generic", Value::Class(c.generic.clone()));
    d.set_str("Protocol", Value::Class(c.protocol.clone()));
    let func = |name: &'static str, f: fn(Vec<Value>, Kwargs) -> PyResult<Value>| {
        d.set_str(name, Value::native(BuiltinFunction { name, f }));
    };
    func("overload", overload);
    func("runtime_checkable", runtime_checkable);
    func("final", identity);
    func("no_type_check", identity);
    func("override", identity);
    d.set_str("TYPE_CHECKING", Value::Bool(false));
    d
}
