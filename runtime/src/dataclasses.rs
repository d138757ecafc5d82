//! The `dataclasses` module: `@dataclass` reads the class's annotations and
//! adds `__init__`, `__repr__`, `__eq__`, ordering, `__hash__`, frozen
//! `__setattr__`/`__delattr__` and `__match_args__`, as CPython 3.12 does;
//! plus `field`, `fields`, `asdict`, `astuple`, `replace`, `is_dataclass`,
//! `InitVar`, `KW_ONLY` and `FrozenInstanceError`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::call::call;
use crate::class::{Class, Layout};
use crate::dict::Dict;
use crate::exc::{PyErr, PyResult, type_error, value_error};
use crate::func::{Function, Kwargs, Signature};
use crate::gil::Lazy;
use crate::native::{Native, downcast};
use crate::ops::{self, CmpOp};
use crate::types::types;
use crate::value::Value;

/// `dataclasses.MISSING`.
pub struct Missing;

impl Native for Missing {
    fn type_name(&self) -> &'static str {
        "_MISSING_TYPE"
    }

    fn repr(&self, this: &Value) -> PyResult<String> {
        Ok(format!("<dataclasses._MISSING_TYPE object at {:#x}>", this.identity()))
    }
}

/// `dataclasses.KW_ONLY`.
pub struct KwOnly;

impl Native for KwOnly {
    fn type_name(&self) -> &'static str {
        "_KW_ONLY_TYPE"
    }
}

struct Sentinels {
    missing: Value,
    kw_only: Value,
    frozen_error: Rc<Class>,
}

static SENTINELS: Lazy<Sentinels> = Lazy::new(|| Sentinels {
    missing: Value::native(Missing),
    kw_only: Value::native(KwOnly),
    frozen_error: crate::types::new_class_in(
        "dataclasses",
        "FrozenInstanceError",
        &[types().attribute_error.clone()],
        Layout::Exception,
    ),
});

fn missing() -> Value {
    SENTINELS.get().missing.clone()
}

fn is_missing(v: &Value) -> bool {
    v.is(&SENTINELS.get().missing)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Field,
    ClassVar,
    InitVar,
}

/// `dataclasses.Field`.
pub struct Field {
    name: RefCell<Value>,
    ty: RefCell<Value>,
    default: RefCell<Value>,
    default_factory: Value,
    init: bool,
    repr: bool,
    hash: Value,
    compare: bool,
    kw_only: RefCell<Value>,
    kind: std::cell::Cell<Option<Kind>>,
}

impl Field {
    fn name(&self) -> String {
        crate::fmt::str_(&self.name.borrow()).unwrap_or_default()
    }

    fn has_default(&self) -> bool {
        !is_missing(&self.default.borrow()) || !is_missing(&self.default_factory)
    }

    fn kw_only(&self) -> bool {
        matches!(*self.kw_only.borrow(), Value::Bool(true))
    }
}

impl Native for Field {
    fn type_name(&self) -> &'static str {
        "Field"
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        let kind = match self.kind.get() {
            None => "None",
            Some(Kind::Field) => "_FIELD",
            Some(Kind::ClassVar) => "_FIELD_CLASSVAR",
            Some(Kind::InitVar) => "_FIELD_INITVAR",
        };
        let r = |v: &Value| crate::fmt::repr(v);
        Ok(format!(
            "Field(name={},type={},default={},default_factory={},init={},repr={},hash={},compare={},metadata=mappingproxy({{}}),kw_only={},_field_type={})",
            r(&self.name.borrow())?,
            r(&self.ty.borrow())?,
            r(&self.default.borrow())?,
            r(&self.default_factory)?,
            if self.init { "True" } else { "False" },
            if self.repr { "True" } else { "False" },
            r(&self.hash)?,
            if self.compare { "True" } else { "False" },
            r(&self.kw_only.borrow())?,
            kind
        ))
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        Some(Ok(match name {
            "name" => self.name.borrow().clone(),
            "type" => self.ty.borrow().clone(),
            "default" => self.default.borrow().clone(),
            "default_factory" => self.default_factory.clone(),
            "init" => Value::Bool(self.init),
            "repr" => Value::Bool(self.repr),
            "hash" => self.hash.clone(),
            "compare" => Value::Bool(self.compare),
            "kw_only" => self.kw_only.borrow().clone(),
            "metadata" => Value::Dict(Rc::new(Dict::new())),
            _ => return None,
        }))
    }
}

/// `InitVar[T]`.
pub struct InitVar {
    ty: Value,
}

impl Native for InitVar {
    fn type_name(&self) -> &'static str {
        "InitVar"
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(format!("dataclasses.InitVar[{}]", type_text(&self.ty)?))
    }
}

fn type_text(v: &Value) -> PyResult<String> {
    match v {
        Value::Class(c) if c.module.as_str() == "builtins" => Ok(c.qualname().to_string()),
        Value::Class(c) => Ok(format!("{}.{}", c.module, c.qualname())),
        other => crate::fmt::repr(other),
    }
}

/// The `InitVar` class object: `InitVar[int]` builds an `InitVar`.
pub struct InitVarType;

impl Native for InitVarType {
    fn type_name(&self) -> &'static str {
        "type"
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok("<class 'dataclasses.InitVar'>".into())
    }

    fn getitem(&self, _this: &Value, key: &Value) -> Option<PyResult<Value>> {
        Some(Ok(Value::native(InitVar { ty: key.clone() })))
    }
}

fn kwarg(kwargs: &mut Kwargs, name: &str) -> Option<Value> {
    let i = kwargs.iter().position(|(k, _)| k.as_str() == name)?;
    Some(kwargs.remove(i).1)
}

/// `field(*, default, default_factory, init, repr, hash, compare, metadata, kw_only)`.
pub fn field(args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    if !args.is_empty() {
        return Err(type_error(format!("field() takes 0 positional arguments but {} were given", args.len())));
    }
    let truth = |v: Option<Value>, d: bool| -> PyResult<bool> { v.map_or(Ok(d), |v| ops::truthy(&v)) };
    let default = kwarg(&mut kwargs, "default").unwrap_or_else(missing);
    let default_factory = kwarg(&mut kwargs, "default_factory").unwrap_or_else(missing);
    if !is_missing(&default) && !is_missing(&default_factory) {
        return Err(value_error("cannot specify both default and default_factory"));
    }
    let f = Field {
        name: RefCell::new(Value::None),
        ty: RefCell::new(Value::None),
        default: RefCell::new(default),
        default_factory,
        init: truth(kwarg(&mut kwargs, "init"), true)?,
        repr: truth(kwarg(&mut kwargs, "repr"), true)?,
        hash: kwarg(&mut kwargs, "hash").unwrap_or_default(),
        compare: truth(kwarg(&mut kwargs, "compare"), true)?,
        kw_only: RefCell::new(kwarg(&mut kwargs, "kw_only").unwrap_or_else(missing)),
        kind: std::cell::Cell::new(None),
    };
    let _ = kwarg(&mut kwargs, "metadata");
    if let Some((k, _)) = kwargs.first() {
        return Err(type_error(format!("field() got an unexpected keyword argument '{k}'")));
    }
    Ok(Value::native(f))
}

/// Options of `@dataclass(...)`.
#[derive(Clone)]
struct Options {
    init: bool,
    repr: bool,
    eq: bool,
    order: bool,
    unsafe_hash: bool,
    frozen: bool,
    match_args: bool,
    kw_only: bool,
    slots: bool,
    weakref_slot: bool,
}

impl Options {
    fn parse(mut kwargs: Kwargs) -> PyResult<Options> {
        let mut get = |name: &str, d: bool| -> PyResult<bool> {
            match kwarg(&mut kwargs, name) {
                Some(v) => ops::truthy(&v),
                None => Ok(d),
            }
        };
        let o = Options {
            init: get("init", true)?,
            repr: get("repr", true)?,
            eq: get("eq", true)?,
            order: get("order", false)?,
            unsafe_hash: get("unsafe_hash", false)?,
            frozen: get("frozen", false)?,
            match_args: get("match_args", true)?,
            kw_only: get("kw_only", false)?,
            slots: get("slots", false)?,
            weakref_slot: get("weakref_slot", false)?,
        };
        if let Some((k, _)) = kwargs.first() {
            return Err(type_error(format!("dataclass() got an unexpected keyword argument '{k}'")));
        }
        if o.order && !o.eq {
            return Err(value_error("eq must be true if order is true"));
        }
        Ok(o)
    }
}

impl Options {
    /// The options by name, in `_DataclassParams`'s order.
    fn named(&self) -> [(&'static str, bool); 10] {
        [
            ("init", self.init),
            ("repr", self.repr),
            ("eq", self.eq),
            ("order", self.order),
            ("unsafe_hash", self.unsafe_hash),
            ("frozen", self.frozen),
            ("match_args", self.match_args),
            ("kw_only", self.kw_only),
            ("slots", self.slots),
            ("weakref_slot", self.weakref_slot),
        ]
    }
}

/// A dataclass's `__dataclass_params__`: the options it was made with.
struct Params(Options);

impl Native for Params {
    fn type_name(&self) -> &'static str {
        "_DataclassParams"
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        let parts: Vec<String> =
            self.0.named().iter().map(|(n, v)| format!("{n}={}", if *v { "True" } else { "False" })).collect();
        Ok(format!("_DataclassParams({})", parts.join(",")))
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        self.0.named().iter().find(|(n, _)| *n == name).map(|(_, v)| Ok(Value::Bool(*v)))
    }
}

/// `@dataclass(...)` with arguments: remembers them until applied.
struct Decorator {
    options: Options,
}

impl Native for Decorator {
    fn type_name(&self) -> &'static str {
        "function"
    }

    fn call(&self, _this: &Value, args: Vec<Value>, _kwargs: Kwargs) -> Option<PyResult<Value>> {
        Some(match args.into_iter().next() {
            Some(cls) => process(&cls, &self.options),
            None => Err(type_error("dataclass() missing the class")),
        })
    }
}

/// `dataclass` itself: `@dataclass` or `@dataclass(frozen=True, ...)`.
pub fn dataclass(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let options = Options::parse(kwargs)?;
    match args.into_iter().next() {
        Some(cls) if !cls.is_none() => process(&cls, &options),
        _ => Ok(Value::native(Decorator { options })),
    }
}

/// String annotations that name `ClassVar`, `InitVar` or `KW_ONLY`, as the
/// transpiler resolved them: CPython's `dataclasses` looks the type's name
/// up in the module's namespace, which the runtime cannot see. Each str
/// object is kept alive here, so its identity stays its own.
static STRING_KINDS: crate::gil::GilCell<Vec<(Value, &'static str)>> = crate::gil::GilCell::new(Vec::new());

/// Marks `annotation` (a str) as naming `kind` (`"ClassVar"`, `"InitVar"` or
/// `"KW_ONLY"`) for `dataclass`; returns it.
pub fn special_annotation(annotation: Value, kind: &'static str) -> Value {
    let mut kinds = STRING_KINDS.replace(Vec::new());
    kinds.push((annotation.clone(), kind));
    STRING_KINDS.replace(kinds);
    annotation
}

/// The kind a string annotation was marked with, if any.
fn string_kind(ty: &Value) -> Option<&'static str> {
    if !matches!(ty, Value::Str(_)) {
        return None;
    }
    STRING_KINDS.with(|k| k.iter().find(|(v, _)| v.is(ty)).map(|(_, kind)| *kind))
}

fn is_classvar(ty: &Value) -> bool {
    let text = crate::fmt::repr(ty).unwrap_or_default();
    text == "typing.ClassVar" || text.starts_with("typing.ClassVar[")
}

fn class_fields(cls: &Rc<Class>) -> Vec<Value> {
    match cls.dict.get_str("__dataclass_fields__") {
        Some(Value::Dict(d)) => d.values(),
        _ => Vec::new(),
    }
}

fn field_ref(v: &Value) -> Option<&Field> {
    downcast::<Field>(v)
}

fn process(cls_value: &Value, o: &Options) -> PyResult<Value> {
    let Value::Class(cls) = cls_value else {
        return Err(type_error("dataclass() should be called on a class"));
    };
    cls.dict.set_str("__dataclass_params__", Value::native(Params(o.clone())));
    // Fields of dataclass bases, most basic first.
    let fields = Dict::new();
    for base in cls.mro.iter().rev() {
        if let Some(Value::Dict(d)) = base.dict.get_str("__dataclass_fields__") {
            for (k, f) in d.items() {
                if field_ref(&f).is_some_and(|f| f.kind.get() == Some(Kind::Field)) {
                    fields.set(k, f)?;
                }
            }
        }
    }
    let annotations = match cls.dict.get_str("__annotations__") {
        Some(Value::Dict(d)) => d.items(),
        _ => Vec::new(),
    };
    let mut kw_only = o.kw_only;
    for (name, ty) in annotations {
        if ty.is(&SENTINELS.get().kw_only) || string_kind(&ty) == Some("KW_ONLY") {
            kw_only = true;
            continue;
        }
        let name_s = crate::fmt::str_(&name)?;
        let default = cls.dict.get_str(&name_s);
        let fv = match &default {
            Some(d) if field_ref(d).is_some() => d.clone(),
            Some(d) => field(vec![], vec![("default".into(), d.clone())])?,
            None => field(vec![], vec![])?,
        };
        let Some(f) = field_ref(&fv) else { continue };
        *f.name.borrow_mut() = name.clone();
        *f.ty.borrow_mut() = ty.clone();
        let kind = if is_classvar(&ty) || string_kind(&ty) == Some("ClassVar") {
            Kind::ClassVar
        } else if downcast::<InitVar>(&ty).is_some() || string_kind(&ty) == Some("InitVar") {
            Kind::InitVar
        } else {
            Kind::Field
        };
        f.kind.set(Some(kind));
        if is_missing(&f.kw_only.borrow()) {
            // As in CPython, InitVars take the KW_ONLY default too; ClassVars never do.
            *f.kw_only.borrow_mut() = Value::Bool(kw_only && kind != Kind::ClassVar);
        }
        if kind == Kind::Field {
            let d = f.default.borrow().clone();
            if matches!(d, Value::List(_) | Value::Dict(_) | Value::Set(_)) {
                return Err(value_error(format!(
                    "mutable default {} for field {} is not allowed: use default_factory",
                    crate::fmt::repr(&Value::Class(ops::type_of(&d)))?,
                    name_s
                )));
            }
        }
        // The class attribute becomes the plain default (or goes away).
        if let Some(d) = &default
            && field_ref(d).is_some()
        {
            let plain = f.default.borrow().clone();
            if is_missing(&plain) {
                cls.dict.remove(&name)?;
            } else {
                cls.dict.set(name.clone(), plain)?;
            }
        }
        fields.set(name, fv.clone())?;
    }
    let fields = Rc::new(fields);
    cls.dict.set_str("__dataclass_fields__", Value::Dict(fields.clone()));
    let all: Vec<Value> = fields.values();
    let real: Vec<Value> =
        all.iter().filter(|f| field_ref(f).is_some_and(|f| f.kind.get() == Some(Kind::Field))).cloned().collect();
    let qual = cls.qualname().to_string();
    let defines = |n: &str| cls.dict.get_str(n).is_some();

    if o.init && !defines("__init__") {
        let init = make_init(cls, &all, o.frozen, &qual)?;
        cls.dict.set_str("__init__", init);
    }
    if o.repr && !defines("__repr__") {
        let fs = real.clone();
        cls.dict.set_str("__repr__", method(&qual, "__repr__", &["self"], move |a| repr_of(&a[0], &fs)));
    }
    if o.eq && !defines("__eq__") {
        let fs = real.clone();
        cls.dict.set_str(
            "__eq__",
            method(&qual, "__eq__", &["self", "other"], move |a| compare(&a[0], &a[1], &fs, CmpOp::Eq)),
        );
    }
    if o.order {
        for (name, op) in [("__lt__", CmpOp::Lt), ("__le__", CmpOp::Le), ("__gt__", CmpOp::Gt), ("__ge__", CmpOp::Ge)] {
            if defines(name) {
                return Err(type_error(format!(
                    "Cannot overwrite attribute {name} in class {}. Consider using functools.total_ordering",
                    cls.name()
                )));
            }
            let fs = real.clone();
            cls.dict.set_str(name, method(&qual, name, &["self", "other"], move |a| compare(&a[0], &a[1], &fs, op)));
        }
    }
    if o.frozen {
        let names: Vec<String> = real.iter().filter_map(field_ref).map(Field::name).collect();
        let c = cls.clone();
        let n2 = names.clone();
        let c2 = cls.clone();
        cls.dict.set_str(
            "__setattr__",
            method(&qual, "__setattr__", &["self", "name", "value"], move |a| {
                frozen_guard(&a[0], &a[1], &c, &names, "assign to")?;
                crate::attr::generic_setattr(&a[0], &crate::fmt::str_(&a[1])?, a[2].clone()).map(|_| Value::None)
            }),
        );
        cls.dict.set_str(
            "__delattr__",
            method(&qual, "__delattr__", &["self", "name"], move |a| {
                frozen_guard(&a[0], &a[1], &c2, &n2, "delete")?;
                crate::attr::generic_delattr(&a[0], &crate::fmt::str_(&a[1])?).map(|_| Value::None)
            }),
        );
    }
    let explicit_hash = defines("__hash__") && !matches!(cls.dict.get_str("__hash__"), Some(Value::None));
    if o.unsafe_hash || (o.eq && o.frozen && !explicit_hash) {
        if o.unsafe_hash && explicit_hash {
            return Err(type_error(format!("Cannot overwrite attribute __hash__ in class {}", cls.name())));
        }
        let fs: Vec<Value> = real
            .iter()
            .filter(|f| {
                field_ref(f)
                    .is_some_and(|f| if f.hash.is_none() { f.compare } else { ops::truthy(&f.hash).unwrap_or(false) })
            })
            .cloned()
            .collect();
        cls.dict.set_str(
            "__hash__",
            method(&qual, "__hash__", &["self"], move |a| {
                Ok(Value::Int(ops::hash(&Value::tuple(values_of(&a[0], &fs)?))?))
            }),
        );
    } else if o.eq && !o.frozen && !explicit_hash {
        cls.dict.set_str("__hash__", Value::None);
    }
    if o.match_args && !defines("__match_args__") {
        let names: Vec<Value> = real
            .iter()
            .filter_map(field_ref)
            .filter(|f| f.init && !f.kw_only())
            .map(|f| f.name.borrow().clone())
            .collect();
        cls.dict.set_str("__match_args__", Value::tuple(names));
    }
    if !defines("__doc__") || matches!(cls.dict.get_str("__doc__"), Some(Value::None)) {
        let mut parts = Vec::new();
        for f in all.iter().filter_map(field_ref).filter(|f| f.kind.get() != Some(Kind::ClassVar)) {
            let mut p = format!("{}: {}", f.name(), type_text(&f.ty.borrow())?);
            if !is_missing(&f.default.borrow()) {
                p.push_str(&format!(" = {}", crate::fmt::repr(&f.default.borrow())?));
            } else if !is_missing(&f.default_factory) {
                p.push_str(" = <factory>");
            }
            parts.push(p);
        }
        cls.dict.set_str("__doc__", Value::str(format!("{}({})", cls.name(), parts.join(", "))));
    }
    if o.slots {
        return with_slots(cls, &real);
    }
    Ok(cls_value.clone())
}

/// `@dataclass(slots=True)`: as CPython does, a new class is built from
/// the processed namespace with `__slots__` naming the fields (whose
/// defaults live in `__init__`, not as class attributes).
fn with_slots(cls: &Rc<Class>, fields: &[Value]) -> PyResult<Value> {
    if cls.dict.get_str("__slots__").is_some() {
        return Err(type_error(format!("{} already specifies __slots__", cls.name())));
    }
    let ns = cls.dict.copy();
    let mut names = Vec::new();
    for f in fields.iter().filter_map(field_ref) {
        let name = f.name.borrow().clone();
        ns.remove(&name)?;
        names.push(name);
    }
    for hidden in ["__dict__", "__weakref__"] {
        ns.remove(&Value::str(hidden))?;
    }
    ns.set_str("__slots__", Value::tuple(names));
    ns.set_str("__qualname__", Value::Str(cls.qualname()));
    let meta = cls.metaclass.clone().unwrap_or_else(|| crate::types::types().type_.clone());
    let bases = cls.bases.iter().cloned().map(Value::Class).collect();
    crate::classes::type_new(&meta, cls.name().as_str(), bases, ns, vec![])
}

/// A generated method: a `Function` whose body is a Rust closure.
fn method(
    qual: &str,
    name: &str,
    params: &'static [&'static str],
    body: impl Fn(Vec<Value>) -> PyResult<Value> + 'static,
) -> Value {
    Function::native(qual, name, params, body)
}

fn values_of(obj: &Value, fields: &[Value]) -> PyResult<Vec<Value>> {
    let mut out = Vec::with_capacity(fields.len());
    for f in fields.iter().filter_map(field_ref) {
        out.push(crate::attr::getattr(obj, &f.name())?);
    }
    Ok(out)
}

fn repr_of(obj: &Value, fields: &[Value]) -> PyResult<Value> {
    let cls = ops::type_of(obj);
    let mut parts = Vec::new();
    for f in fields.iter().filter_map(field_ref).filter(|f| f.repr) {
        let v = crate::attr::getattr(obj, &f.name())?;
        parts.push(format!("{}={}", f.name(), crate::fmt::repr(&v)?));
    }
    Ok(Value::str(format!("{}({})", cls.qualname(), parts.join(", "))))
}

fn compare(a: &Value, b: &Value, fields: &[Value], op: CmpOp) -> PyResult<Value> {
    if !Rc::ptr_eq(&ops::type_of(a), &ops::type_of(b)) {
        return Ok(Value::NotImplemented);
    }
    let fs: Vec<Value> = fields.iter().filter(|f| field_ref(f).is_some_and(|f| f.compare)).cloned().collect();
    let x = values_of(a, &fs)?;
    let y = values_of(b, &fs)?;
    Ok(Value::Bool(ops::seq_compare(&x, &y, op)?))
}

fn frozen_guard(obj: &Value, name: &Value, cls: &Rc<Class>, names: &[String], what: &str) -> PyResult<()> {
    let n = crate::fmt::str_(name)?;
    if Rc::ptr_eq(&ops::type_of(obj), cls) || names.contains(&n) {
        let verb = if what == "delete" { "cannot delete field" } else { "cannot assign to field" };
        return Err(PyErr::new(&SENTINELS.get().frozen_error, format!("{verb} {}", crate::str_methods::str_repr(&n))));
    }
    Ok(())
}

fn make_init(cls: &Rc<Class>, all: &[Value], frozen: bool, qual: &str) -> PyResult<Value> {
    let init_fields: Vec<Value> = all
        .iter()
        .filter(|f| field_ref(f).is_some_and(|f| f.init && f.kind.get() != Some(Kind::ClassVar)))
        .cloned()
        .collect();
    let (positional, keyword): (Vec<Value>, Vec<Value>) =
        init_fields.iter().cloned().partition(|f| field_ref(f).is_some_and(|f| !f.kw_only()));
    // A field without a default may not follow one with a default.
    let mut seen_default = false;
    for f in positional.iter().filter_map(field_ref) {
        if f.has_default() {
            seen_default = true;
        } else if seen_default {
            return Err(type_error(format!(
                "non-default argument {} follows default argument",
                crate::str_methods::str_repr(&f.name())
            )));
        }
    }
    let factory_marker = missing();
    let default_of = |f: &Field| -> Value {
        if !is_missing(&f.default_factory) { factory_marker.clone() } else { f.default.borrow().clone() }
    };
    let mut params: Vec<&'static str> = vec!["self"];
    for f in positional.iter().chain(keyword.iter()).filter_map(field_ref) {
        params.push(Box::leak(f.name().into_boxed_str()));
    }
    let defaults: Vec<Value> =
        positional.iter().filter_map(field_ref).filter(|f| f.has_default()).map(default_of).collect();
    let kwdefaults: Vec<Option<Value>> =
        keyword.iter().filter_map(field_ref).map(|f| f.has_default().then(|| default_of(f))).collect();
    let sig = Signature::leaked(Box::leak(params.into_boxed_slice()), 1 + positional.len(), keyword.len());
    let order: Vec<Value> = positional.iter().chain(keyword.iter()).cloned().collect();
    let others: Vec<Value> = all
        .iter()
        .filter(|f| field_ref(f).is_some_and(|f| !f.init && f.kind.get() == Some(Kind::Field)))
        .cloned()
        .collect();
    let cls = cls.clone();
    // Each field is stored through a cache of its own, by its name worked
    // out once here, not per instance.
    let names: Vec<String> = order.iter().filter_map(field_ref).map(Field::name).collect();
    let sites: Vec<crate::attr::Site> = names.iter().map(|_| crate::attr::Site::new()).collect();
    let body = move |args: Vec<Value>| -> PyResult<Value> {
        let this = args[0].clone();
        let mut initvars = Vec::new();
        let set = |name: &str, v: Value| -> PyResult<()> {
            if frozen { crate::attr::generic_setattr(&this, name, v) } else { crate::attr::setattr(&this, name, v) }
        };
        let fields = order.iter().filter_map(field_ref).zip(&names).zip(&sites);
        for (((f, name), site), v) in fields.zip(args.into_iter().skip(1)) {
            let v = if is_missing(&v) { call(&f.default_factory, vec![], vec![])? } else { v };
            if f.kind.get() == Some(Kind::InitVar) {
                initvars.push(v);
            } else if frozen {
                set(name, v)?;
            } else {
                crate::attr::setattr_at(&this, name, v, site)?;
            }
        }
        for f in others.iter().filter_map(field_ref) {
            if !is_missing(&f.default_factory) {
                set(&f.name(), call(&f.default_factory, vec![], vec![])?)?;
            } else if !is_missing(&f.default.borrow()) {
                set(&f.name(), f.default.borrow().clone())?;
            }
        }
        if cls.hooks() & crate::class::HOOK_POST_INIT != 0 {
            crate::call::call_method(&this, "__post_init__", initvars, vec![])?;
        }
        Ok(Value::None)
    };
    Ok(Function::new("__init__", &format!("{qual}.__init__"), sig, defaults, kwdefaults, Rc::new(body), None))
}

fn dataclass_of(v: &Value) -> Option<Rc<Class>> {
    let cls = match v {
        Value::Class(c) => c.clone(),
        other => ops::type_of(other),
    };
    cls.lookup("__dataclass_fields__").map(|_| cls)
}

/// `fields(obj_or_class)`.
pub fn fields(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let v = args.first().cloned().unwrap_or_default();
    let Some(cls) = dataclass_of(&v) else {
        return Err(type_error("must be called with a dataclass type or instance"));
    };
    let all = match cls.lookup("__dataclass_fields__") {
        Some(Value::Dict(d)) => d.values(),
        _ => class_fields(&cls),
    };
    Ok(Value::tuple(
        all.into_iter().filter(|f| field_ref(f).is_some_and(|f| f.kind.get() == Some(Kind::Field))).collect(),
    ))
}

fn field_list(obj: &Value) -> PyResult<Vec<Value>> {
    match fields(vec![obj.clone()], vec![])? {
        Value::Tuple(t) => Ok(t.items().to_vec()),
        _ => Ok(Vec::new()),
    }
}

/// Deep copy for asdict/astuple: dataclasses become dicts/tuples.
fn convert(v: &Value, as_dict: bool) -> PyResult<Value> {
    if matches!(v, Value::Object(_)) && dataclass_of(v).is_some() {
        let fs = field_list(v)?;
        if as_dict {
            let d = Dict::new();
            for f in fs.iter().filter_map(field_ref) {
                d.set(Value::str(f.name()), convert(&crate::attr::getattr(v, &f.name())?, true)?)?;
            }
            return Ok(Value::Dict(Rc::new(d)));
        }
        let mut items = Vec::new();
        for f in fs.iter().filter_map(field_ref) {
            items.push(convert(&crate::attr::getattr(v, &f.name())?, false)?);
        }
        return Ok(Value::tuple(items));
    }
    Ok(match v {
        Value::List(l) => Value::list(l.snapshot().iter().map(|x| convert(x, as_dict)).collect::<PyResult<_>>()?),
        Value::Tuple(t) => Value::tuple(t.items().iter().map(|x| convert(x, as_dict)).collect::<PyResult<_>>()?),
        Value::Dict(d) => {
            let out = Dict::new();
            for (k, x) in d.items() {
                out.set(convert(&k, as_dict)?, convert(&x, as_dict)?)?;
            }
            Value::Dict(Rc::new(out))
        }
        other => other.clone(),
    })
}

fn require_instance(name: &str, v: &Value) -> PyResult<()> {
    if matches!(v, Value::Object(_)) && dataclass_of(v).is_some() {
        Ok(())
    } else {
        Err(type_error(format!("{name}() should be called on dataclass instances")))
    }
}

pub fn asdict(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let v = args.first().cloned().unwrap_or_default();
    require_instance("asdict", &v)?;
    convert(&v, true)
}

pub fn astuple(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let v = args.first().cloned().unwrap_or_default();
    require_instance("astuple", &v)?;
    convert(&v, false)
}

/// `replace(obj, **changes)`.
pub fn replace(args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    let obj = args.first().cloned().unwrap_or_default();
    require_instance("replace", &obj)?;
    let cls = ops::type_of(&obj);
    let all = match cls.lookup("__dataclass_fields__") {
        Some(Value::Dict(d)) => d.values(),
        _ => Vec::new(),
    };
    let mut call_kw: Kwargs = Vec::new();
    for f in all.iter().filter_map(field_ref) {
        let name = f.name();
        if f.kind.get() == Some(Kind::ClassVar) {
            continue;
        }
        if !f.init {
            if kwargs.iter().any(|(k, _)| k.as_str() == name) {
                return Err(value_error(format!(
                    "field {name} is declared with init=False, it cannot be specified with replace()"
                )));
            }
            continue;
        }
        if let Some(v) = kwarg(&mut kwargs, &name) {
            call_kw.push((name.as_str().into(), v));
        } else if f.kind.get() == Some(Kind::InitVar) {
            if !f.has_default() {
                return Err(value_error(format!(
                    "InitVar {} must be specified with replace()",
                    crate::str_methods::str_repr(&name)
                )));
            }
        } else {
            call_kw.push((name.as_str().into(), crate::attr::getattr(&obj, &name)?));
        }
    }
    call_kw.extend(kwargs);
    call(&Value::Class(cls), vec![], call_kw)
}

pub fn is_dataclass(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Ok(Value::Bool(dataclass_of(args.first().unwrap_or(&Value::None)).is_some()))
}

/// The attributes of the `dataclasses` module.
pub fn module_attrs() -> Dict {
    let d = Dict::new();
    let f = |name: &'static str, func: fn(Vec<Value>, Kwargs) -> PyResult<Value>| {
        Value::native(crate::func::BuiltinFunction { name, f: func })
    };
    d.set_str("dataclass", f("dataclass", dataclass));
    d.set_str("field", f("field", field));
    d.set_str("fields", f("fields", fields));
    d.set_str("asdict", f("asdict", asdict));
    d.set_str("astuple", f("astuple", astuple));
    d.set_str("replace", f("replace", replace));
    d.set_str("is_dataclass", f("is_dataclass", is_dataclass));
    d.set_str("MISSING", missing());
    d.set_str("KW_ONLY", SENTINELS.get().kw_only.clone());
    d.set_str("InitVar", Value::native(InitVarType));
    d.set_str("FrozenInstanceError", Value::Class(SENTINELS.get().frozen_error.clone()));
    d.set_str("Field", Value::Class(crate::native::native_class("Field")));
    d
}
