//! The `typing` module at run time: `TypeVar`, `ParamSpec`, `TypeVarTuple`
//! (created by PEP 695 type parameters or called directly), the
//! `TypeAliasType` of a `type X = ...` statement, `Generic` and `Protocol`
//! as base classes, `NamedTuple` and `TypedDict` (both forms), and the
//! annotation-only forms (`List`, `Optional`...). `classes.rs` turns
//! `Generic[T]`, `NamedTuple` and `TypedDict` bases into classes
//! (`__mro_entries__`, `resolve_bases`), `builtins.rs` asks
//! `protocol_instance_check` in `isinstance`; namedtuple classes themselves
//! are `collections.rs`'s.

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
    forward_ref: Rc<Class>,
    /// The `NamedTuple` function, whose `__mro_entries__` is `named_tuple_base`.
    named_tuple: Value,
    /// `_NamedTuple`, of metaclass `NamedTupleMeta`.
    named_tuple_base: Rc<Class>,
    /// The `TypedDict` function, whose `__mro_entries__` is `typed_dict_base`.
    typed_dict: Value,
    typed_dict_meta: Rc<Class>,
    /// `_TypedDict`, of metaclass `_TypedDictMeta`.
    typed_dict_base: Rc<Class>,
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
    let (named_tuple, named_tuple_base) = named_tuple_classes();
    let (typed_dict, typed_dict_meta, typed_dict_base) = typed_dict_classes();
    TypingClasses {
        type_var: class("TypeVar", &TYPE_VAR_INFO),
        param_spec: class("ParamSpec", &PARAM_SPEC_INFO),
        param_spec_args: class("ParamSpecArgs", &NO_NEW_INFO),
        param_spec_kwargs: class("ParamSpecKwargs", &NO_NEW_INFO),
        type_var_tuple: class("TypeVarTuple", &TYPE_VAR_TUPLE_INFO),
        type_alias_type: class("TypeAliasType", &NO_NEW_INFO),
        generic,
        protocol,
        forward_ref: class("ForwardRef", &NO_NEW_INFO),
        named_tuple,
        named_tuple_base,
        typed_dict,
        typed_dict_meta,
        typed_dict_base,
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
/// `Base[int]` and `list[int]` stand for their origin class, `NamedTuple`
/// and `TypedDict` for the base classes whose metaclasses build them.
/// Returns the class bases; when any base was replaced, `__orig_bases__`
/// (and for generic aliases the class's `__parameters__`) go into `ns`.
pub fn resolve_bases(bases: Vec<Value>, ns: &Dict) -> Vec<Value> {
    // `NamedTuple` and `TypedDict` stand for their metaclass's base class.
    let (bases, orig) = match named_bases(&bases) {
        Some(replaced) => {
            ns.set_str("__orig_bases__", Value::tuple(bases.clone()));
            (replaced, Some(bases))
        }
        None => (bases, None),
    };
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
    ns.set_str("__orig_bases__", Value::tuple(orig.unwrap_or(bases)));
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

/// `NewType(name, tp)`: calling it gives its argument back.
pub struct NewType {
    name: PyStr,
    supertype: Value,
}

fn new_type(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let [name, supertype] = crate::func::args::<2>(args);
    let Value::Str(name) = name else {
        return Err(crate::exc::type_error("NewType() argument 'name' must be str"));
    };
    Ok(Value::native(NewType { name, supertype }))
}

impl Native for NewType {
    fn type_name(&self) -> &'static str {
        "NewType"
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(format!("__main__.{}", self.name.as_str()))
    }

    fn call(&self, _this: &Value, args: Vec<Value>, _kw: Kwargs) -> Option<PyResult<Value>> {
        Some(match <[Value; 1]>::try_from(args) {
            Ok([x]) => Ok(x),
            Err(a) => Err(crate::exc::type_error(format!(
                "NewType.__call__() takes 2 positional arguments but {} were given",
                a.len() + 1
            ))),
        })
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        Some(Ok(match name {
            "__name__" | "__qualname__" => Value::Str(self.name.clone()),
            "__supertype__" => self.supertype.clone(),
            "__module__" => Value::str("__main__"),
            _ => return None,
        }))
    }
}

fn assert_never(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let x = args.into_iter().next().unwrap_or_default();
    let mut shown = crate::fmt::repr(&x)?;
    if shown.chars().count() > 100 {
        shown = shown.chars().take(100).collect::<String>() + "...";
    }
    Err(crate::exc::PyErr::with_args(
        &crate::types::types().assertion_error,
        vec![Value::str(format!("Expected code to be unreachable, but got: {shown}"))],
    ))
}

/// `reveal_type(x)`: names x's type on stderr and gives x back.
fn reveal_type(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let x = args.into_iter().next().unwrap_or_default();
    crate::io::write_stderr(&format!("Runtime type is '{}'\n", crate::ops::type_of(&x).qualname()));
    Ok(x)
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
        "Required",
        "NotRequired",
        "Deque",
        "DefaultDict",
        "Counter",
        "OrderedDict",
        "ChainMap",
        "AsyncGenerator",
        "AsyncIterable",
        "Reversible",
        "Container",
        "Collection",
        "MutableSequence",
        "MutableSet",
        "AbstractSet",
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
    d.set_str("NamedTuple", c.named_tuple.clone());
    d.set_str("TypedDict", c.typed_dict.clone());
    d.set_str("ForwardRef", Value::Class(c.forward_ref.clone()));
    let func = |name: &'static str, f: fn(Vec<Value>, Kwargs) -> PyResult<Value>| {
        d.set_str(name, Value::native(BuiltinFunction { name, f }));
    };
    func("overload", overload);
    func("runtime_checkable", runtime_checkable);
    func("final", identity);
    func("no_type_check", identity);
    func("override", identity);
    func("get_type_hints", crate::func::get_type_hints);
    func("NewType", new_type);
    func("assert_never", assert_never);
    func("reveal_type", reveal_type);
    func("dataclass_transform", |_, _| Ok(Value::native(BuiltinFunction { name: "decorator", f: identity })));
    let types = crate::types::types();
    let any_str = crate::call::call(
        &Value::Class(c.type_var.clone()),
        vec![Value::str("AnyStr"), Value::Class(types.by_name["bytes"].clone()), Value::Class(types.str_.clone())],
        vec![],
    );
    if let Ok(v) = any_str {
        d.set_str("AnyStr", v);
    }
    d.set_str("TYPE_CHECKING", Value::Bool(false));
    d
}

// ---------------------------------------------------- NamedTuple, TypedDict
//
// As in Lib/typing.py: `NamedTuple` and `TypedDict` are functions (the
// functional forms) whose `__mro_entries__` (`resolve_bases`) stand in a
// class of metaclass `NamedTupleMeta` / `_TypedDictMeta`, so that a class
// statement naming them is built by that metaclass's `__new__`: a
// `collections.namedtuple` class from the body's annotations, or a class
// whose instances are plain dicts.

/// `typing.ForwardRef`, what a string annotation of a NamedTuple or
/// TypedDict field becomes.
pub struct ForwardRef {
    arg: PyStr,
    module: Option<PyStr>,
}

impl Native for ForwardRef {
    fn type_name(&self) -> &'static str {
        "ForwardRef"
    }

    fn class(&self) -> Rc<Class> {
        classes().forward_ref.clone()
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        let arg = crate::fmt::repr(&Value::Str(self.arg.clone()))?;
        Ok(match &self.module {
            Some(m) => format!("ForwardRef({arg}, module={})", crate::fmt::repr(&Value::Str(m.clone()))?),
            None => format!("ForwardRef({arg})"),
        })
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        Some(Ok(match name {
            "__forward_arg__" => Value::Str(self.arg.clone()),
            "__forward_module__" => self.module.clone().map(Value::Str).unwrap_or_default(),
            _ => return None,
        }))
    }

    fn eq(&self, other: &Value) -> Option<bool> {
        let o = downcast::<ForwardRef>(other)?;
        Some(
            o.arg.as_str() == self.arg.as_str()
                && o.module.as_ref().map(PyStr::as_str) == self.module.as_ref().map(PyStr::as_str),
        )
    }
}

/// `typing._type_check` as far as it changes a field's type: a str is a
/// forward reference, `None` is `NoneType`.
fn type_check(t: Value, module: Option<&str>) -> Value {
    match t {
        Value::Str(arg) => Value::native(ForwardRef { arg, module: module.map(PyStr::new) }),
        Value::None => Value::Class(types().by_name["NoneType"].clone()),
        other => other,
    }
}

fn str_arg(v: &Value, what: &str) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_string()),
        other => Err(type_error(format!("{what} must be str, not {}", crate::ops::type_name(other)))),
    }
}

/// `_make_nmtuple(name, types, module, defaults)`: the namedtuple class
/// with `__annotations__`.
fn make_nmtuple(
    name: &str,
    fields: Vec<(String, Value)>,
    module: &str,
    defaults: Vec<Value>,
    extra_bases: &[Rc<Class>],
) -> PyResult<Rc<Class>> {
    let mut names: Vec<String> = fields.iter().map(|(n, _)| n.clone()).collect();
    crate::collections::check_names(name, &mut names, false)?;
    let annotations = Dict::new();
    for (n, t) in fields {
        annotations.set_str(&n, type_check(t, None));
    }
    let cls = crate::collections::make_namedtuple_class(name, &names, defaults, module, extra_bases)?;
    cls.dict.set_str("__annotations__", Value::Dict(Rc::new(annotations)));
    Ok(cls)
}

static NAMED_TUPLE_SIG: crate::func::Signature = crate::func::Signature {
    params: &["typename", "fields", "kwargs"],
    posonly: 2,
    positional: 2,
    varargs: false,
    kwonly: 0,
    varkw: true,
};

/// `NamedTuple(typename, fields=None, /, **kwargs)`, the functional form.
fn named_tuple_fn(args: Vec<Value>) -> PyResult<Value> {
    let typename = crate::fmt::str_(&args[0])?;
    let Value::Dict(kwargs) = &args[2] else { return Ok(Value::None) };
    let pairs: Vec<(String, Value)> = if args[1].is_none() {
        kwargs.items().iter().map(|(k, v)| Ok((crate::fmt::str_(k)?, v.clone()))).collect::<PyResult<_>>()?
    } else if !kwargs.is_empty() {
        return Err(type_error("Either list of fields or keywords can be provided to NamedTuple, not both"));
    } else {
        let mut out = Vec::new();
        for item in crate::iter::to_vec(&args[1])? {
            let pair = crate::iter::to_vec(&item)?;
            let [n, t] = <[Value; 2]>::try_from(pair).map_err(|p| {
                crate::exc::value_error(format!(
                    "{} unpack{} (expected 2)",
                    if p.len() > 2 { "too many values to" } else { "not enough values to" },
                    if p.len() > 2 { "".to_string() } else { format!(" (expected 2, got {})", p.len()) }
                ))
            })?;
            out.push((crate::fmt::str_(&n)?, t));
        }
        out
    };
    let cls = make_nmtuple(&typename, pairs, "__main__", Vec::new(), &[])?;
    cls.dict.set_str("__orig_bases__", Value::tuple(vec![classes().named_tuple.clone()]));
    Ok(Value::Class(cls))
}

/// What `NamedTupleMeta.__new__` refuses to take from a class body.
const NAMED_TUPLE_PROHIBITED: &[&str] = &[
    "__new__",
    "__init__",
    "__slots__",
    "__getnewargs__",
    "_fields",
    "_field_defaults",
    "_make",
    "_replace",
    "_asdict",
    "_source",
];

/// `NamedTupleMeta.__new__(cls, typename, bases, ns)`: a class statement
/// with `NamedTuple` among its bases.
fn named_tuple_meta_new(args: Vec<Value>) -> PyResult<Value> {
    let typename = str_arg(&args[1], "typename")?;
    let c_ = classes();
    let mut generic = Vec::new();
    for b in crate::iter::to_vec(&args[2])? {
        match &b {
            Value::Class(c) if Rc::ptr_eq(c, &c_.named_tuple_base) => {}
            Value::Class(c) if Rc::ptr_eq(c, &c_.generic) => generic.push(c.clone()),
            _ => return Err(type_error("can only inherit from a NamedTuple type and Generic")),
        }
    }
    let Value::Dict(ns) = &args[3] else { return Err(type_error("NamedTupleMeta.__new__() needs a namespace")) };
    let annotations = match ns.get_str("__annotations__") {
        Some(Value::Dict(d)) => d.items(),
        _ => Vec::new(),
    };
    let mut default_names: Vec<String> = Vec::new();
    let mut fields = Vec::new();
    for (k, t) in annotations {
        let name = crate::fmt::str_(&k)?;
        if ns.get(&k)?.is_some() {
            default_names.push(name.clone());
        } else if !default_names.is_empty() {
            return Err(type_error(format!(
                "Non-default namedtuple field {name} cannot follow default field{} {}",
                if default_names.len() > 1 { "s" } else { "" },
                default_names.join(", ")
            )));
        }
        fields.push((name, t));
    }
    let defaults = default_names.iter().filter_map(|n| ns.get_str(n)).collect();
    let field_names: Vec<String> = fields.iter().map(|(n, _)| n.clone()).collect();
    let module = match ns.get_str("__module__") {
        Some(m) => crate::fmt::str_(&m)?,
        None => "__main__".to_string(),
    };
    let cls = make_nmtuple(&typename, fields, &module, defaults, &generic)?;
    for (k, v) in ns.items() {
        let key = crate::fmt::str_(&k)?;
        if NAMED_TUPLE_PROHIBITED.contains(&key.as_str()) {
            return Err(crate::exc::attribute_error(format!("Cannot overwrite NamedTuple attribute {key}")));
        }
        if ["__module__", "__name__", "__annotations__"].contains(&key.as_str()) || field_names.contains(&key) {
            continue;
        }
        if key == "__qualname__" {
            *cls.qualname.borrow_mut() = PyStr::new(&crate::fmt::str_(&v)?);
            continue;
        }
        cls.dict.set(k, v)?;
    }
    Ok(Value::Class(cls))
}

/// `Required[T]`, `NotRequired[T]` (inside `Annotated[...]` too): which
/// one the annotation is, if either.
fn required_qualifier(t: &Value) -> Option<bool> {
    let alias = downcast::<GenericAlias>(t)?;
    let special = downcast::<TypingSpecial>(&alias.origin)?;
    match special.name {
        "Required" => Some(true),
        "NotRequired" => Some(false),
        "Annotated" => required_qualifier(alias.args.first()?),
        _ => None,
    }
}

/// `_TypedDictMeta.__new__(cls, name, bases, ns, total=True)`.
fn typed_dict_meta_new(args: Vec<Value>) -> PyResult<Value> {
    let name = str_arg(&args[1], "name")?;
    let bases = crate::iter::to_vec(&args[2])?;
    let Value::Dict(ns) = &args[3] else { return Err(type_error("_TypedDictMeta.__new__() needs a namespace")) };
    let total = crate::ops::truthy(&args[4])?;
    typed_dict_class(&name, bases, ns.copy(), total)
}

fn typed_dict_class(name: &str, bases: Vec<Value>, ns: Dict, total: bool) -> PyResult<Value> {
    let c_ = classes();
    let mut base_classes = Vec::new();
    for b in &bases {
        match b {
            Value::Class(c)
                if c.metaclass.as_ref().is_some_and(|m| Rc::ptr_eq(m, &c_.typed_dict_meta))
                    || Rc::ptr_eq(c, &c_.generic) =>
            {
                base_classes.push(c.clone())
            }
            _ => return Err(type_error("cannot inherit from both a TypedDict type and a non-TypedDict base class")),
        }
    }
    let mut class_bases = Vec::new();
    if base_classes.iter().any(|b| b.is_subclass(&c_.generic)) {
        class_bases.push(c_.generic.clone());
    }
    class_bases.push(types().dict.clone());
    let qualname = match ns.remove(&Value::str("__qualname__"))? {
        Some(q) => PyStr::new(&crate::fmt::str_(&q)?),
        None => PyStr::new(name),
    };
    if ns.get_str("__module__").is_none() {
        ns.set_str("__module__", Value::str("__main__"));
    }
    let module = crate::fmt::str_(&ns.get_str("__module__").unwrap_or_default())?;
    if ns.get_str("__orig_bases__").is_none() {
        ns.set_str("__orig_bases__", Value::tuple(bases.clone()));
    }
    let own = match ns.get_str("__annotations__") {
        Some(Value::Dict(d)) => d.items(),
        _ => Vec::new(),
    };
    let annotations = Dict::new();
    let mut required: Vec<Value> = Vec::new();
    let mut optional: Vec<Value> = Vec::new();
    let remove = |set: &mut Vec<Value>, keys: &[Value]| {
        set.retain(|x| !keys.iter().any(|k| crate::ops::eq(x, k).unwrap_or(false)));
    };
    let add = |set: &mut Vec<Value>, keys: &[Value]| {
        for k in keys {
            if !set.iter().any(|x| crate::ops::eq(x, k).unwrap_or(false)) {
                set.push(k.clone());
            }
        }
    };
    let keys_of = |c: &Rc<Class>, name: &str| -> PyResult<Vec<Value>> {
        match c.dict.get_str(name) {
            Some(v) => crate::iter::to_vec(&v),
            None => Ok(Vec::new()),
        }
    };
    for b in &base_classes {
        if let Some(Value::Dict(d)) = b.dict.get_str("__annotations__") {
            for (k, v) in d.items() {
                annotations.set(k, v)?;
            }
        }
        let base_required = keys_of(b, "__required_keys__")?;
        add(&mut required, &base_required);
        remove(&mut optional, &base_required);
        let base_optional = keys_of(b, "__optional_keys__")?;
        remove(&mut required, &base_optional);
        add(&mut optional, &base_optional);
    }
    for (k, t) in own {
        let t = type_check(t, Some(&module));
        let is_required = required_qualifier(&t).unwrap_or(total);
        annotations.set(k.clone(), t)?;
        let key = [k];
        if is_required {
            add(&mut required, &key);
            remove(&mut optional, &key);
        } else {
            add(&mut optional, &key);
            remove(&mut required, &key);
        }
    }
    ns.set_str("__annotations__", Value::Dict(Rc::new(annotations)));
    ns.set_str("__required_keys__", crate::set::from_iterable(&Value::list(required), true)?);
    ns.set_str("__optional_keys__", crate::set::from_iterable(&Value::list(optional), true)?);
    if ns.get_str("__total__").is_none() {
        ns.set_str("__total__", Value::Bool(total));
    }
    let mro = crate::class::c3_mro(name, &class_bases)?;
    Ok(Value::Class(Rc::new(Class {
        name: RefCell::new(PyStr::new(name)),
        qualname: RefCell::new(qualname),
        module: PyStr::new(&module),
        bases: class_bases,
        mro,
        dict: Rc::new(ns),
        metaclass: Some(c_.typed_dict_meta.clone()),
        layout: Layout::Object,
        builtin: None,
        slots: None,
        cache: Default::default(),
        id: crate::class::next_class_id(),
        attr_hint: Default::default(),
        keys: Default::default(),
    })))
}

static TYPED_DICT_SIG: crate::func::Signature = crate::func::Signature {
    params: &["typename", "fields", "total", "kwargs"],
    posonly: 2,
    positional: 2,
    varargs: false,
    kwonly: 1,
    varkw: true,
};

/// `TypedDict(typename, fields=None, /, *, total=True, **kwargs)`.
fn typed_dict_fn(args: Vec<Value>) -> PyResult<Value> {
    let typename = crate::fmt::str_(&args[0])?;
    let Value::Dict(kwargs) = &args[3] else { return Ok(Value::None) };
    if !kwargs.is_empty() {
        if !args[1].is_none() {
            return Err(type_error("TypedDict takes either a dict or keyword arguments, but not both"));
        }
        // CPython warns (DeprecationWarning) and goes on.
        return Err(crate::exc::not_implemented_error(
            "py2rs: the keyword-argument form of TypedDict (deprecated) is not supported",
        ));
    }
    let fields = if args[1].is_none() { Value::Dict(Rc::new(Dict::new())) } else { args[1].clone() };
    let annotations = crate::call::call(&Value::Class(types().dict.clone()), vec![fields], vec![])?;
    let ns = Dict::new();
    ns.set_str("__annotations__", annotations);
    ns.set_str("__module__", Value::str("__main__"));
    let td = typed_dict_class(&typename, Vec::new(), ns, crate::ops::truthy(&args[2])?)?;
    if let Value::Class(c) = &td {
        c.dict.set_str("__orig_bases__", Value::tuple(vec![classes().typed_dict.clone()]));
    }
    Ok(td)
}

/// A metaclass of the typing module whose `__new__` is `new`.
fn metaclass(name: &str, new: Value) -> Rc<Class> {
    let meta = crate::types::new_class_in("typing", name, std::slice::from_ref(&types().type_), Layout::Object);
    meta.dict.set_str("__new__", Value::native(crate::classes::StaticMethod { func: new }));
    meta
}

/// `_NamedTuple = type.__new__(NamedTupleMeta, 'NamedTuple', (), {})`.
fn base_of(meta: &Rc<Class>, name: &str) -> Rc<Class> {
    let ns = Dict::new();
    ns.set_str("__module__", Value::str("typing"));
    match crate::classes::type_new(meta, name, Vec::new(), ns, Vec::new()) {
        Ok(Value::Class(c)) => c,
        _ => crate::types::new_class_in("typing", name, &[types().object.clone()], Layout::Object),
    }
}

fn named_tuple_classes() -> (Value, Rc<Class>) {
    let new = Function::native("NamedTupleMeta", "__new__", &["cls", "typename", "bases", "ns"], named_tuple_meta_new);
    let meta = metaclass("NamedTupleMeta", new);
    let f = Function::in_module("typing", "NamedTuple", &NAMED_TUPLE_SIG, vec![Value::None], vec![], named_tuple_fn);
    (f, base_of(&meta, "NamedTuple"))
}

fn typed_dict_classes() -> (Value, Rc<Class>, Rc<Class>) {
    static NEW_SIG: crate::func::Signature = crate::func::Signature {
        params: &["cls", "name", "bases", "ns", "total"],
        posonly: 0,
        positional: 5,
        varargs: false,
        kwonly: 0,
        varkw: false,
    };
    let new = Function::new(
        "__new__",
        "_TypedDictMeta.__new__",
        &NEW_SIG,
        vec![Value::Bool(true)],
        vec![],
        Rc::new(typed_dict_meta_new),
        None,
    );
    let meta = metaclass("_TypedDictMeta", new);
    // `__call__ = dict`: instances are plain dicts.
    static CALL_SIG: crate::func::Signature = crate::func::Signature {
        params: &["cls", "args", "kwargs"],
        posonly: 1,
        positional: 1,
        varargs: true,
        kwonly: 0,
        varkw: true,
    };
    let call = Function::new(
        "__call__",
        "_TypedDictMeta.__call__",
        &CALL_SIG,
        vec![],
        vec![],
        Rc::new(|a: Vec<Value>| {
            let args = crate::iter::to_vec(&a[1])?;
            let kwargs = match &a[2] {
                Value::Dict(d) => d
                    .items()
                    .into_iter()
                    .map(|(k, v)| Ok((PyStr::new(&crate::fmt::str_(&k)?), v)))
                    .collect::<PyResult<_>>()?,
                _ => Vec::new(),
            };
            crate::call::call(&Value::Class(types().dict.clone()), args, kwargs)
        }),
        None,
    );
    meta.dict.set_str("__call__", call);
    let check = |name: &'static str| {
        Function::native("_TypedDictMeta", name, &["cls", "other"], |_| {
            Err(type_error("TypedDict does not support instance and class checks"))
        })
    };
    meta.dict.set_str("__subclasscheck__", check("__subclasscheck__"));
    meta.dict.set_str("__instancecheck__", check("__instancecheck__"));
    let f = Function::in_module(
        "typing",
        "TypedDict",
        &TYPED_DICT_SIG,
        vec![Value::None],
        vec![Some(Value::Bool(true))],
        typed_dict_fn,
    );
    let base = base_of(&meta, "TypedDict");
    (f, meta, base)
}

/// `__mro_entries__` of the `NamedTuple` and `TypedDict` functions. Returns
/// the bases with them replaced, or `None` when neither is there.
fn named_bases(bases: &[Value]) -> Option<Vec<Value>> {
    let c_ = CLASSES.try_get()?;
    let is = |b: &Value, f: &Value| matches!((b, f), (Value::Function(x), Value::Function(y)) if Rc::ptr_eq(x, y));
    if !bases.iter().any(|b| is(b, &c_.named_tuple) || is(b, &c_.typed_dict)) {
        return None;
    }
    Some(
        bases
            .iter()
            .map(|b| {
                if is(b, &c_.named_tuple) {
                    Value::Class(c_.named_tuple_base.clone())
                } else if is(b, &c_.typed_dict) {
                    Value::Class(c_.typed_dict_base.clone())
                } else {
                    b.clone()
                }
            })
            .collect(),
    )
}
