//! The `enum` module: `Enum`, `IntEnum`, `StrEnum`, `Flag`, `IntFlag`,
//! `auto` and `unique`. A metaclass (`EnumType`) turns the class body's
//! plain attributes into members, in definition order, with aliases for
//! repeated values; members print and compare as in CPython 3.12.

use std::rc::Rc;

use crate::call::call;
use crate::class::{Class, Layout};
use crate::classes::Property;
use crate::dict::Dict;
use crate::exc::{PyResult, key_error, type_error, value_error};
use crate::func::{BuiltinFunction, Function, Kwargs};
use crate::gil::Lazy;
use crate::native::{Native, downcast};
use crate::ops;
use crate::types::types;
use crate::value::Value;

/// `auto()`: replaced by the next value when the class is built.
struct Auto;

impl Native for Auto {
    fn type_name(&self) -> &'static str {
        "auto"
    }
}

struct EnumClasses {
    meta: Rc<Class>,
    enum_: Rc<Class>,
    repr_enum: Rc<Class>,
    int_enum: Rc<Class>,
    str_enum: Rc<Class>,
    flag: Rc<Class>,
    int_flag: Rc<Class>,
}

static CLASSES: Lazy<EnumClasses> = Lazy::new(build);

fn classes() -> &'static EnumClasses {
    CLASSES.get()
}

fn attr(v: &Value, name: &str) -> PyResult<Value> {
    crate::attr::getattr(v, name)
}

/// A class of the `enum` module (built with `type.__new__`).
fn make(meta: &Rc<Class>, name: &str, bases: Vec<Value>, ns: Dict) -> Rc<Class> {
    ns.set_str("__module__", Value::str("enum"));
    match crate::classes::type_new(meta, name, bases, ns, vec![]) {
        Ok(Value::Class(c)) => c,
        _ => types().object.clone(),
    }
}

fn method(
    ns: &Dict,
    qual: &str,
    name: &'static str,
    params: &'static [&'static str],
    body: impl Fn(Vec<Value>) -> PyResult<Value> + 'static,
) {
    ns.set_str(name, Function::native(qual, name, params, body));
}

fn property(ns: &Dict, name: &'static str, field: &'static str) {
    let fget = Function::native("Enum", name, &["self"], move |a| attr(&a[0], field));
    ns.set_str(name, Property::getter(name, fget));
}

fn class_of(v: &Value) -> Rc<Class> {
    ops::type_of(v)
}

fn is_flag(cls: &Rc<Class>) -> bool {
    cls.is_subclass(&classes().flag)
}

fn members(cls: &Value) -> Vec<Value> {
    match cls {
        Value::Class(c) => match c.lookup("_member_names_") {
            Some(names) => crate::iter::to_vec(&names)
                .unwrap_or_default()
                .iter()
                .filter_map(|n| c.lookup(&crate::fmt::str_(n).unwrap_or_default()))
                .collect(),
            None => Vec::new(),
        },
        _ => Vec::new(),
    }
}

fn build() -> EnumClasses {
    let t = types();
    // EnumType: the metaclass.
    let meta_ns = Dict::new();
    method(&meta_ns, "EnumType", "__iter__", &["cls"], |a| {
        let ms = members(&a[0]);
        Ok(Value::native(crate::iter::IterObj::new(crate::iter::PyIter::Snapshot(ms.into_iter()))))
    });
    method(&meta_ns, "EnumType", "__len__", &["cls"], |a| Ok(Value::Int(members(&a[0]).len() as i64)));
    method(&meta_ns, "EnumType", "__getitem__", &["cls", "name"], |a| {
        let map = attr(&a[0], "_member_map_")?;
        match &map {
            Value::Dict(d) => d.get(&a[1])?.ok_or_else(|| key_error(a[1].clone())),
            _ => Err(key_error(a[1].clone())),
        }
    });
    method(&meta_ns, "EnumType", "__contains__", &["cls", "value"], |a| {
        let Value::Class(c) = &a[0] else { return Ok(Value::Bool(false)) };
        if matches!(&a[1], Value::Object(o) if o.class.is_subclass(c)) {
            return Ok(Value::Bool(true));
        }
        for m in members(&a[0]) {
            if ops::eq(&attr(&m, "_value_")?, &a[1])? {
                return Ok(Value::Bool(true));
            }
        }
        Ok(Value::Bool(false))
    });
    // The members by name, aliases included, read-only.
    let fget = Function::native("EnumType", "__members__", &["cls"], |a| match attr(&a[0], "_member_map_")? {
        Value::Dict(d) => Ok(crate::mappingproxy::of_dict(d)),
        other => Ok(other),
    });
    meta_ns.set_str("__members__", Property::getter("__members__", fget));
    static CALL: crate::func::Signature = crate::func::Signature {
        params: &["cls", "value", "names", "module", "qualname", "type", "start", "boundary"],
        posonly: 0,
        positional: 3,
        varargs: false,
        kwonly: 5,
        varkw: false,
    };
    let kwdefaults =
        vec![Some(Value::None), Some(Value::None), Some(Value::None), Some(Value::Int(1)), Some(Value::None)];
    meta_ns.set_str(
        "__call__",
        Function::in_module("enum", "EnumType.__call__", &CALL, vec![Value::None], kwdefaults, |a| {
            if a[2].is_none() { lookup_value(&a[0], &a[1]) } else { functional(&a) }
        }),
    );
    // Members cannot be rebound (`Color.RED = 3`).
    method(&meta_ns, "EnumType", "__setattr__", &["cls", "name", "value"], |a| {
        let Value::Class(c) = &a[0] else { return Err(type_error("not an enum")) };
        let name = crate::fmt::str_(&a[1])?;
        if let Some(Value::Dict(members)) = c.dict.get_str("_member_map_")
            && members.get(&a[1])?.is_some()
        {
            return Err(crate::exc::attribute_error(format!("cannot reassign member {}", crate::fmt::repr(&a[1])?)));
        }
        crate::attr::class_setattr(c, &name, a[2].clone()).map(|_| Value::None)
    });
    method(&meta_ns, "EnumType", "__repr__", &["cls"], |a| {
        let Value::Class(c) = &a[0] else { return Ok(Value::str("<enum>")) };
        let kind = if is_flag(c) { "flag" } else { "enum" };
        Ok(Value::str(format!("<{kind} '{}'>", c.name())))
    });
    method(&meta_ns, "EnumType", "__new__", &["mcs", "name", "bases", "namespace"], |a| {
        create_enum(&a[0], &a[1], &a[2], &a[3])
    });
    let meta = make(&t.type_, "EnumType", vec![Value::Class(t.type_.clone())], meta_ns);

    // Enum itself.
    let ns = Dict::new();
    property(&ns, "name", "_name_");
    property(&ns, "value", "_value_");
    method(&ns, "Enum", "__repr__", &["self"], |a| {
        let cls = class_of(&a[0]);
        let v = attr(&a[0], "_value_")?;
        let value = crate::fmt::repr(&v)?;
        match attr(&a[0], "_name_")? {
            Value::None => Ok(Value::str(format!("<{}: {}>", cls.name(), value))),
            n => Ok(Value::str(format!("<{}.{}: {}>", cls.name(), crate::fmt::str_(&n)?, value))),
        }
    });
    method(&ns, "Enum", "__str__", &["self"], |a| {
        let cls = class_of(&a[0]);
        if cls.is_subclass(&classes().int_enum)
            || cls.is_subclass(&classes().str_enum)
            || cls.is_subclass(&classes().int_flag)
        {
            return Ok(Value::str(crate::fmt::str_(&attr(&a[0], "_value_")?)?));
        }
        match attr(&a[0], "_name_")? {
            Value::None => Ok(Value::str(format!("{}({})", cls.name(), crate::fmt::repr(&attr(&a[0], "_value_")?)?))),
            n => Ok(Value::str(format!("{}.{}", cls.name(), crate::fmt::str_(&n)?))),
        }
    });
    method(&ns, "Enum", "__format__", &["self", "spec"], |a| {
        let cls = class_of(&a[0]);
        let spec = crate::fmt::str_(&a[1])?;
        if cls.is_subclass(&classes().int_enum) || cls.is_subclass(&classes().str_enum) {
            return Ok(Value::str(crate::fmt::format(&attr(&a[0], "_value_")?, &spec)?));
        }
        Ok(Value::str(crate::fmt::format(&Value::str(crate::fmt::str_(&a[0])?), &spec)?))
    });
    // Members are singletons: copying one gives the member itself.
    method(&ns, "Enum", "__copy__", &["self"], |a| Ok(a[0].clone()));
    method(&ns, "Enum", "__deepcopy__", &["self", "memo"], |a| Ok(a[0].clone()));
    method(&ns, "Enum", "__hash__", &["self"], |a| Ok(Value::Int(ops::hash(&attr(&a[0], "_name_")?)?)));
    ns.set_str("_member_names_", Value::list(vec![]));
    let enum_ = make(&meta, "Enum", vec![], ns);

    // IntEnum / StrEnum: members behave like their values.
    let value_like = |ns: &Dict, qual: &'static str| {
        for (name, op) in [
            ("__add__", ops::BinOp::Add),
            ("__sub__", ops::BinOp::Sub),
            ("__mul__", ops::BinOp::Mul),
            ("__truediv__", ops::BinOp::TrueDiv),
            ("__floordiv__", ops::BinOp::FloorDiv),
            ("__mod__", ops::BinOp::Mod),
            ("__pow__", ops::BinOp::Pow),
            ("__and__", ops::BinOp::And),
            ("__or__", ops::BinOp::Or),
            ("__xor__", ops::BinOp::Xor),
            ("__lshift__", ops::BinOp::LShift),
            ("__rshift__", ops::BinOp::RShift),
        ] {
            method(ns, qual, name, &["self", "other"], move |a| ops::binary(&plain(&a[0])?, &plain(&a[1])?, op));
            let rname: &'static str = Box::leak(format!("__r{}", &name[2..]).into_boxed_str());
            method(ns, qual, rname, &["self", "other"], move |a| ops::binary(&plain(&a[1])?, &plain(&a[0])?, op));
        }
        for (name, op) in [
            ("__eq__", ops::CmpOp::Eq),
            ("__ne__", ops::CmpOp::Ne),
            ("__lt__", ops::CmpOp::Lt),
            ("__le__", ops::CmpOp::Le),
            ("__gt__", ops::CmpOp::Gt),
            ("__ge__", ops::CmpOp::Ge),
        ] {
            method(ns, qual, name, &["self", "other"], move |a| ops::compare(&plain(&a[0])?, &plain(&a[1])?, op));
        }
        method(ns, qual, "__hash__", &["self"], |a| Ok(Value::Int(ops::hash(&plain(&a[0])?)?)));
        method(ns, qual, "__index__", &["self"], |a| plain(&a[0]));
        method(ns, qual, "__int__", &["self"], |a| crate::builtins::to_int(&plain(&a[0])?));
        method(ns, qual, "__float__", &["self"], |a| crate::builtins::to_float(&plain(&a[0])?));
        method(ns, qual, "__bool__", &["self"], |a| Ok(Value::Bool(ops::truthy(&plain(&a[0])?)?)));
        method(ns, qual, "__neg__", &["self"], |a| ops::neg(&plain(&a[0])?));
        method(ns, qual, "__len__", &["self"], |a| Ok(Value::Int(ops::len(&plain(&a[0])?)? as i64)));
        method(ns, qual, "__getattr__", &["self", "name"], |a| attr(&plain(&a[0])?, &crate::fmt::str_(&a[1])?));
    };
    let ins = Dict::new();
    value_like(&ins, "IntEnum");
    // Members of these are ints and strs (see `new_member`), as CPython's
    // `IntEnum(int, ReprEnum)` and `StrEnum(str, ReprEnum)` are.
    let int_class = Value::Class(types().int.clone());
    // Only the repr is the enum's; str() and format() are the value's
    // (here through `value_like`).
    let repr_enum = make(&meta, "ReprEnum", vec![Value::Class(enum_.clone())], Dict::new());
    let int_enum = make(&meta, "IntEnum", vec![int_class.clone(), Value::Class(repr_enum.clone())], ins);
    let sns = Dict::new();
    value_like(&sns, "StrEnum");
    let str_enum =
        make(&meta, "StrEnum", vec![Value::Class(types().str_.clone()), Value::Class(repr_enum.clone())], sns);

    // Flag: members combine with | & ^ ~.
    let fns = Dict::new();
    for (name, op) in [("__or__", ops::BinOp::Or), ("__and__", ops::BinOp::And), ("__xor__", ops::BinOp::Xor)] {
        method(&fns, "Flag", name, &["self", "other"], move |a| {
            let cls = class_of(&a[0]);
            if !matches!(&a[1], Value::Object(o) if o.class.is_subclass(&cls)) {
                return Ok(Value::NotImplemented);
            }
            let v = ops::binary(&attr(&a[0], "_value_")?, &attr(&a[1], "_value_")?, op)?;
            lookup_value(&Value::Class(cls), &v)
        });
    }
    method(&fns, "Flag", "__invert__", &["self"], |a| {
        let cls = class_of(&a[0]);
        let all = members(&Value::Class(cls.clone()))
            .iter()
            .try_fold(Value::Int(0), |acc, m| ops::binary(&acc, &attr(m, "_value_")?, ops::BinOp::Or))?;
        let v = ops::binary(&all, &attr(&a[0], "_value_")?, ops::BinOp::Xor)?;
        lookup_value(&Value::Class(cls), &v)
    });
    method(&fns, "Flag", "__contains__", &["self", "other"], |a| {
        let (x, y) = (attr(&a[0], "_value_")?, attr(&a[1], "_value_")?);
        Ok(Value::Bool(ops::eq(&ops::binary(&x, &y, ops::BinOp::And)?, &y)?))
    });
    method(&fns, "Flag", "__bool__", &["self"], |a| Ok(Value::Bool(ops::truthy(&attr(&a[0], "_value_")?)?)));
    method(&fns, "Flag", "__iter__", &["self"], |a| {
        let v = attr(&a[0], "_value_")?;
        let mut out = Vec::new();
        for m in members(&Value::Class(class_of(&a[0]))) {
            let mv = attr(&m, "_value_")?;
            if ops::truthy(&mv)? && ops::eq(&ops::binary(&v, &mv, ops::BinOp::And)?, &mv)? {
                out.push(m);
            }
        }
        Ok(Value::native(crate::iter::IterObj::new(crate::iter::PyIter::Snapshot(out.into_iter()))))
    });
    method(&fns, "Flag", "__len__", &["self"], |a| {
        let it = crate::call::call_method(&a[0], "__iter__", vec![], vec![])?;
        Ok(Value::Int(crate::iter::to_vec(&it)?.len() as i64))
    });
    let flag = make(&meta, "Flag", vec![Value::Class(enum_.clone())], fns);
    let ifns = Dict::new();
    value_like(&ifns, "IntFlag");
    // Its len() counts the flags it holds, as a Flag's does.
    let _ = ifns.remove(&Value::str("__len__"));
    // Combining gives a member of the class (an int operand too), not an
    // int, as CPython's Flag operators do for IntFlag.
    for (name, rname, op) in [
        ("__or__", "__ror__", ops::BinOp::Or),
        ("__and__", "__rand__", ops::BinOp::And),
        ("__xor__", "__rxor__", ops::BinOp::Xor),
    ] {
        method(&ifns, "IntFlag", name, &["self", "other"], move |a| int_flag_op(&a[0], &a[1], op));
        method(&ifns, "IntFlag", rname, &["self", "other"], move |a| int_flag_op(&a[0], &a[1], op));
    }
    method(&ifns, "IntFlag", "__invert__", &["self"], |a| {
        let v = ops::invert(&attr(&a[0], "_value_")?)?;
        lookup_value(&Value::Class(class_of(&a[0])), &v)
    });
    let int_flag =
        make(&meta, "IntFlag", vec![int_class, Value::Class(repr_enum.clone()), Value::Class(flag.clone())], ifns);
    EnumClasses { meta, enum_, repr_enum, int_enum, str_enum, flag, int_flag }
}

/// `re.RegexFlag`: an IntFlag of the given members whose members print,
/// as repr and as str, the way CPython's `global_flag_repr` does
/// (`re.IGNORECASE|re.MULTILINE`).
pub fn regex_flag(members: &[(&str, i64)]) -> PyResult<Value> {
    let ns = Dict::new();
    ns.set_str("__module__", Value::str("re"));
    ns.set_str("__qualname__", Value::str("RegexFlag"));
    for (name, v) in members {
        ns.set_str(name, Value::Int(*v));
    }
    method(&ns, "RegexFlag", "__repr__", &["self"], |a| global_flag_repr(&a[0]));
    method(&ns, "RegexFlag", "__str__", &["self"], |a| global_flag_repr(&a[0]));
    let bases = Value::tuple(vec![Value::Class(classes().int_flag.clone())]);
    create_enum(&Value::Class(classes().meta.clone()), &Value::str("RegexFlag"), &bases, &Value::Dict(Rc::new(ns)))
}

fn global_flag_repr(member: &Value) -> PyResult<Value> {
    let text = match attr(member, "_name_")? {
        Value::Str(name) => name
            .as_str()
            .split('|')
            .map(|n| if n.starts_with(|c: char| c.is_ascii_digit()) { n.to_string() } else { format!("re.{n}") })
            .collect::<Vec<_>>()
            .join("|"),
        _ => format!("re.RegexFlag({})", crate::fmt::repr(&attr(member, "_value_")?)?),
    };
    Ok(Value::str(text))
}

/// `flag op other` on an IntFlag member: a member of its class, for an
/// operand that is a member or any int.
fn int_flag_op(flag: &Value, other: &Value, op: ops::BinOp) -> PyResult<Value> {
    let cls = class_of(flag);
    let other = match other {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => other.clone(),
        Value::Object(o) if o.class.is_subclass(&classes().int_flag) || o.class.is_subclass(&classes().int_enum) => {
            plain(other)?
        }
        _ => return Ok(Value::NotImplemented),
    };
    let v = ops::binary(&attr(flag, "_value_")?, &other, op)?;
    lookup_value(&Value::Class(cls), &v)
}

/// The member's value, or the value itself for non-members.
fn plain(v: &Value) -> PyResult<Value> {
    match v {
        Value::Object(o) if o.class.is_subclass(&classes().enum_) => attr(v, "_value_"),
        other => Ok(other.clone()),
    }
}

fn new_member(cls: &Rc<Class>, name: Value, value: Value) -> PyResult<Value> {
    // A member of an enum mixing in a built-in type is a value of it.
    let m = match crate::subclass::value_type(cls) {
        Some(_) => Value::Object(Rc::new(crate::class::Instance::with_base(cls.clone(), value.clone()))),
        None => crate::classes::new_instance(cls, &[]),
    };
    crate::attr::generic_setattr(&m, "_name_", name)?;
    crate::attr::generic_setattr(&m, "_value_", value.clone())?;
    // A class-defined __init__ receives the value (unpacked if a tuple).
    if cls.has_user_attr("__init__")
        && !Rc::ptr_eq(
            &cls.lookup_with_owner("__init__").map(|(c, _)| c).unwrap_or_else(|| cls.clone()),
            &classes().enum_,
        )
    {
        let args = match &value {
            Value::Tuple(t) => t.items().to_vec(),
            v => vec![v.clone()],
        };
        crate::call::call_method(&m, "__init__", args, vec![])?;
    }
    Ok(m)
}

/// `EnumType.__new__`: builds the class, then its members.
/// `Enum("Name", names, *, module, qualname, type, start)`: a new enum
/// class deriving from the called one, its members named by a str of
/// names (split at commas and spaces), a sequence of names or of
/// `(name, value)` pairs, or a mapping.
fn functional(a: &[Value]) -> PyResult<Value> {
    let [cls, name, names, module, qualname, mixin, start, _boundary] = a else {
        return Err(type_error("EnumType.__call__() arguments"));
    };
    let Value::Class(c) = cls else { return Err(type_error("not an enum")) };
    let flag = is_flag(c);
    let ns = Dict::new();
    let auto_value = |i: usize| -> PyResult<Value> {
        if flag {
            ops::binary(start, &Value::Int(1i64 << i.min(62)), ops::BinOp::Mul)
        } else {
            ops::binary(start, &Value::Int(i as i64), ops::BinOp::Add)
        }
    };
    let pairs: Vec<(Value, Value)> = match names {
        Value::Str(text) => {
            let spaced = text.replace(',', " ");
            let mut out = Vec::new();
            for (i, n) in spaced.split_whitespace().enumerate() {
                out.push((Value::str(n), auto_value(i)?));
            }
            out
        }
        Value::Dict(d) => d.items(),
        other if crate::attr::hasattr(other, "keys")? => {
            let mut out = Vec::new();
            for k in crate::iter::to_vec(&crate::call::call_method(other, "keys", vec![], vec![])?)? {
                let v = ops::getitem(other, &k)?;
                out.push((k, v));
            }
            out
        }
        other => {
            let mut out = Vec::new();
            for (i, item) in crate::iter::to_vec(other)?.into_iter().enumerate() {
                match &item {
                    Value::Str(_) => out.push((item.clone(), auto_value(i)?)),
                    pair => match crate::iter::to_vec(pair)?.as_slice() {
                        [k, v] => out.push((k.clone(), v.clone())),
                        _ => return Err(type_error("enum member definitions must be names or (name, value) pairs")),
                    },
                }
            }
            out
        }
    };
    for (k, v) in pairs {
        ns.set(k, v)?;
    }
    ns.set_str("__module__", if module.is_none() { Value::str("__main__") } else { module.clone() });
    if !qualname.is_none() {
        ns.set_str("__qualname__", qualname.clone());
    }
    let bases = if mixin.is_none() { vec![cls.clone()] } else { vec![mixin.clone(), cls.clone()] };
    let meta = Value::Class(c.metaclass.clone().unwrap_or_else(|| classes().meta.clone()));
    create_enum(&meta, name, &Value::tuple(bases), &Value::Dict(Rc::new(ns)))
}

fn create_enum(mcs: &Value, name: &Value, bases: &Value, namespace: &Value) -> PyResult<Value> {
    let Value::Class(meta) = mcs else { return Err(type_error("EnumType.__new__ needs a metaclass")) };
    let Value::Dict(ns) = namespace else { return Err(type_error("namespace must be a dict")) };
    let name_s = crate::fmt::str_(name)?;
    let mut candidates: Vec<(Value, Value)> = Vec::new();
    let class_ns = Dict::new();
    for (k, v) in ns.items() {
        if is_member_candidate(&crate::fmt::str_(&k)?, &v) {
            candidates.push((k, v));
        } else {
            class_ns.set(k, v)?;
        }
    }
    let base_list = crate::iter::to_vec(bases)?;
    let cls_v = crate::classes::type_new(meta, &name_s, base_list, class_ns, vec![])?;
    let Value::Class(cls) = &cls_v else { return Ok(cls_v) };
    let flag = is_flag(cls);
    let str_like = cls.is_subclass(&classes().str_enum);
    let int_like = cls.is_subclass(&classes().int_enum) || cls.is_subclass(&classes().int_flag);
    let member_map = Dict::new();
    let mut names: Vec<Value> = Vec::new();
    let mut values: Vec<(Value, Value)> = Vec::new();
    let mut last: Option<Value> = None;
    let kind = AutoKind { str_like, flag };
    for (k, v) in candidates {
        let value = if downcast::<Auto>(&v).is_some() {
            let previous: Vec<Value> = values.iter().map(|(_, v)| v.clone()).collect();
            kind.next(&crate::fmt::str_(&k)?, &previous, last.as_ref())?
        } else if int_like {
            crate::builtins::to_int(&v)?
        } else if str_like {
            Value::str(crate::fmt::str_(&v)?)
        } else {
            v
        };
        last = Some(value.clone());
        let existing = values.iter().find(|(_, mv)| ops::eq(mv, &value).unwrap_or(false)).map(|(m, _)| m.clone());
        let member = match existing {
            Some(m) => m,
            None => {
                let m = new_member(cls, k.clone(), value.clone())?;
                // A Flag's canonical members, which iteration and len()
                // see, are its single bits; zero and multi-bit values are
                // members by name only, as in CPython 3.12.
                let canonical = !flag || matches!(value, Value::Int(i) if i > 0 && i & (i - 1) == 0);
                values.push((m.clone(), value));
                if canonical {
                    names.push(k.clone());
                }
                m
            }
        };
        cls.dict.set(k.clone(), member.clone())?;
        member_map.set(k, member)?;
    }
    cls.dict.set_str("_member_names_", Value::list(names));
    cls.dict.set_str("_member_map_", Value::Dict(Rc::new(member_map)));
    Ok(cls_v)
}

/// A class-body name that becomes a member: not a function, class or
/// other descriptor, and not a `_sunder_` or `__dunder__` name.
fn is_member_candidate(key: &str, v: &Value) -> bool {
    let is_descriptor = matches!(v, Value::Function(_) | Value::Class(_))
        || matches!(v, Value::Native(_) if downcast::<Auto>(v).is_none())
        || matches!(v, Value::Object(o) if o.class.lookup("__get__").is_some());
    let private = key.starts_with('_') && (key.ends_with('_') || key.starts_with("__"));
    !(private || is_descriptor)
}

/// How `auto()` picks a value (the default `_generate_next_value_`s).
struct AutoKind {
    str_like: bool,
    flag: bool,
}

impl AutoKind {
    /// The value of the member `name` after members with `previous`
    /// values, the last of them `last`.
    fn next(&self, name: &str, previous: &[Value], last: Option<&Value>) -> PyResult<Value> {
        if self.str_like {
            return Ok(Value::str(crate::str_methods::lower(name)));
        }
        if self.flag {
            let mut bit = 1i64;
            for v in previous {
                if let Value::Int(i) = v {
                    while bit <= *i {
                        bit <<= 1;
                    }
                }
            }
            return Ok(Value::Int(bit));
        }
        match last {
            Some(l @ (Value::Int(_) | Value::BigInt(_))) => ops::add(l, &Value::Int(1)),
            _ => Ok(Value::Int(1)),
        }
    }
}

/// `NAME = auto()` in a class body. In an enum's body the value is
/// chosen as the assignment runs, as CPython's `_EnumDict` does, so the
/// body can use it (`RW = R | W`); elsewhere `auto()` is stored as is.
pub fn store_auto(bases: &[Value], ns: &Dict, name: &str, value: Value) -> PyResult<()> {
    let c = classes();
    let is = |class: &Rc<Class>| bases.iter().any(|b| matches!(b, Value::Class(b) if b.is_subclass(class)));
    if downcast::<Auto>(&value).is_none() || !is(&c.enum_) {
        ns.set_str(name, value);
        return Ok(());
    }
    let mut previous = Vec::new();
    for (k, v) in ns.items() {
        if is_member_candidate(&crate::fmt::str_(&k)?, &v) {
            previous.push(v);
        }
    }
    let kind = AutoKind { str_like: is(&c.str_enum), flag: is(&c.flag) };
    ns.set_str(name, kind.next(name, &previous, previous.last())?);
    Ok(())
}

/// `Color(value)`: the member with that value (composing flags).
/// `Cls(value)`: the member with that value, else what the class's
/// `_missing_` hook returns (None keeps the ValueError).
fn lookup_value(cls: &Value, value: &Value) -> PyResult<Value> {
    let err = match member_by_value(cls, value) {
        Err(e) if e.is_instance(&types().value_error) => e,
        other => return other,
    };
    let Value::Class(c) = cls else { return Err(err) };
    if !c.has_user_attr("_missing_") {
        return Err(err);
    }
    let found = crate::call::call_method(cls, "_missing_", vec![value.clone()], vec![])?;
    match &found {
        Value::None => Err(err),
        Value::Object(o) if o.class.is_subclass(c) => Ok(found),
        other => Err(type_error(format!(
            "error in {}._missing_: returned {} instead of None or a valid member",
            c.qualname(),
            crate::fmt::repr(other)?
        ))),
    }
}

fn member_by_value(cls: &Value, value: &Value) -> PyResult<Value> {
    let Value::Class(c) = cls else { return Err(type_error("not an enum")) };
    if matches!(value, Value::Object(o) if o.class.is_subclass(c)) {
        return Ok(value.clone());
    }
    let by_name = match c.lookup("_member_map_") {
        Some(Value::Dict(d)) => d.values(),
        _ => members(cls),
    };
    for m in by_name {
        if ops::eq(&attr(&m, "_value_")?, value)? {
            return Ok(m);
        }
    }
    if is_flag(c)
        && let Value::Int(v) = value
    {
        // IntFlag keeps bits no member has (FlagBoundary.KEEP), and takes
        // a negative value as its complement within the members' bits.
        let keep = c.is_subclass(&classes().int_flag);
        let mut flag_mask = 0i64;
        for m in members(cls) {
            if let Value::Int(mv) = attr(&m, "_value_")? {
                flag_mask |= mv;
            }
        }
        let all_bits = (1i64 << (64 - flag_mask.leading_zeros()).min(62)) - 1;
        let v = match *v {
            v if keep && v < 0 && v >= !all_bits => all_bits + 1 + v,
            v => v,
        };
        // A pseudo-member named after the flags it contains.
        let mut parts = Vec::new();
        let mut covered = 0i64;
        for m in members(cls) {
            if let Value::Int(mv) = attr(&m, "_value_")?
                && mv != 0
                && v & mv == mv
            {
                parts.push(crate::fmt::str_(&attr(&m, "_name_")?)?);
                covered |= mv;
            }
        }
        let unknown = v & !covered;
        if unknown == 0 || (keep && v >= 0) {
            if keep && unknown != 0 && !parts.is_empty() {
                parts.push(unknown.to_string());
            }
            let name = if parts.is_empty() { Value::None } else { Value::str(parts.join("|")) };
            return new_member(c, name, Value::Int(v));
        }
    }
    Err(value_error(format!("{} is not a valid {}", crate::fmt::repr(value)?, c.qualname())))
}

fn auto(_args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Ok(Value::native(Auto))
}

/// `@unique`: no two names for one value.
fn unique(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let cls = args.into_iter().next().unwrap_or_default();
    let map = attr(&cls, "_member_map_")?;
    let mut dups = Vec::new();
    if let Value::Dict(d) = &map {
        for (k, m) in d.items() {
            let canonical = attr(&m, "_name_")?;
            if !ops::eq(&canonical, &k)? {
                dups.push(format!("{} -> {}", crate::fmt::str_(&k)?, crate::fmt::str_(&canonical)?));
            }
        }
    }
    if !dups.is_empty() {
        return Err(value_error(format!("duplicate values found in {}: {}", crate::fmt::repr(&cls)?, dups.join(", "))));
    }
    Ok(cls)
}

pub fn module_attrs() -> Dict {
    let d = Dict::new();
    let c = classes();
    d.set_str("EnumType", Value::Class(c.meta.clone()));
    d.set_str("EnumMeta", Value::Class(c.meta.clone()));
    d.set_str("Enum", Value::Class(c.enum_.clone()));
    d.set_str("ReprEnum", Value::Class(c.repr_enum.clone()));
    d.set_str("IntEnum", Value::Class(c.int_enum.clone()));
    d.set_str("StrEnum", Value::Class(c.str_enum.clone()));
    d.set_str("Flag", Value::Class(c.flag.clone()));
    d.set_str("IntFlag", Value::Class(c.int_flag.clone()));
    d.set_str("auto", Value::native(BuiltinFunction { name: "auto", f: auto }));
    d.set_str("unique", Value::native(BuiltinFunction { name: "unique", f: unique }));
    let _ = Layout::Object;
    let _ = call;
    d
}
