//! Structural pattern matching (PEP 634) at run time: the checks the
//! lowered `match` statement asks of a subject.

use std::rc::Rc;

use crate::class::Class;
use crate::exc::{PyResult, type_error};
use crate::types::types;
use crate::value::Value;

/// Items of `subject` if it is a sequence in the sense of `case [...]`
/// (not str/bytes) with exactly `len` items, or at least `len` when the
/// pattern has a star.
pub fn sequence(subject: &Value, len: usize, star: bool) -> PyResult<Option<Vec<Value>>> {
    let items = match subject {
        Value::List(l) => l.snapshot(),
        Value::Tuple(t) => t.items().to_vec(),
        Value::Native(_) if crate::native::downcast::<crate::iter::Range>(subject).is_some() => {
            crate::iter::to_vec(subject)?
        }
        // A namedtuple is a tuple.
        Value::Native(_) => match crate::native::downcast::<crate::collections::NamedTuple>(subject) {
            Some(n) => n.items().to_vec(),
            None => return Ok(None),
        },
        _ => return Ok(None),
    };
    let ok = if star { items.len() >= len } else { items.len() == len };
    Ok(ok.then_some(items))
}

/// The items matched by `*rest`: `items[before..len - after]` as a list.
pub fn star(items: &[Value], before: usize, after: usize) -> Value {
    Value::list(items[before..items.len() - after].to_vec())
}

/// Whether `subject` is a mapping for `case {...}`.
pub fn is_mapping(subject: &Value) -> bool {
    matches!(subject, Value::Dict(_))
}

/// `subject.get(key)` for a mapping pattern key (`None` = absent).
pub fn mapping_get(subject: &Value, key: &Value) -> PyResult<Option<Value>> {
    match subject {
        Value::Dict(d) => d.get(key),
        _ => Ok(None),
    }
}

/// `**rest`: a new dict without the matched keys.
pub fn mapping_rest(subject: &Value, keys: &[Value]) -> PyResult<Value> {
    let Value::Dict(d) = subject else { return Ok(Value::Dict(Rc::new(crate::dict::Dict::new()))) };
    let out = d.copy();
    for k in keys {
        out.remove(k)?;
    }
    Ok(Value::Dict(Rc::new(out)))
}

fn class_of(cls: &Value) -> PyResult<Rc<Class>> {
    match cls {
        Value::Class(c) => Ok(c.clone()),
        _ => Err(not_a_class()),
    }
}

fn not_a_class() -> crate::exc::PyErr {
    type_error("called match pattern must be a class")
}

/// `case Cls(...)`: whether `subject` is an instance of `cls`.
pub fn instance_of(subject: &Value, cls: &Value) -> PyResult<bool> {
    if !matches!(cls, Value::Class(_)) {
        return Err(not_a_class());
    }
    crate::builtins::is_instance(subject, cls)
}

/// Built-in classes whose single positional sub-pattern matches the
/// subject itself (`case int(n)`).
fn self_matching(c: &Rc<Class>) -> bool {
    let t = types();
    [&t.bool_, &t.dict, &t.float, &t.frozenset, &t.int, &t.list, &t.set, &t.str_, &t.tuple]
        .iter()
        .any(|b| Rc::ptr_eq(b, c))
        || ["bytes", "bytearray"].iter().any(|n| Rc::ptr_eq(&t.by_name[n], c))
}

/// The values the sub-patterns of `case Cls(p1, p2, k=p3)` are matched
/// against, positional ones first (`None` when an attribute is missing: no
/// match). As in CPython, all are loaded before any sub-pattern is tried,
/// and an attribute named twice (through `__match_args__` or by keyword)
/// is a TypeError when its turn comes.
pub fn class_attrs<const N: usize>(
    subject: &Value,
    cls: &Value,
    positional: &[&crate::attr::Site],
    keywords: &[(&str, &crate::attr::Site)],
) -> PyResult<Option<[Value; N]>> {
    let c = class_of(cls)?;
    let mut out = Vec::with_capacity(positional.len() + keywords.len());
    let names: Vec<Value>;
    let mut seen: Vec<&str> = Vec::new();
    if !positional.is_empty() {
        let plural = |n: usize| if n == 1 { "sub-pattern" } else { "sub-patterns" };
        let count = positional.len();
        names = match c.lookup("__match_args__") {
            Some(Value::Tuple(t)) => t.items().to_vec(),
            Some(other) => {
                return Err(type_error(format!(
                    "{}.__match_args__ must be a tuple (got {})",
                    c.name(),
                    crate::ops::type_name(&other)
                )));
            }
            None if self_matching(&c) => {
                if count > 1 {
                    return Err(type_error(format!(
                        "{}() accepts 1 positional {} ({count} given)",
                        c.name(),
                        plural(1)
                    )));
                }
                out.push(subject.clone());
                Vec::new()
            }
            None => Vec::new(),
        };
        if out.is_empty() && count > names.len() {
            return Err(type_error(format!(
                "{}() accepts {} positional {} ({count} given)",
                c.name(),
                names.len(),
                plural(names.len())
            )));
        }
        for (n, site) in names.iter().take(count).zip(positional) {
            let Value::Str(name) = n else {
                return Err(type_error(format!(
                    "__match_args__ elements must be strings (got {})",
                    crate::ops::type_name(n)
                )));
            };
            let Some(v) = unseen_attribute(subject, &c, name, site, &mut seen)? else { return Ok(None) };
            out.push(v);
        }
    }
    for (name, site) in keywords {
        let Some(v) = unseen_attribute(subject, &c, name, site, &mut seen)? else { return Ok(None) };
        out.push(v);
    }
    // The transpiler passes N = positional.len() + keywords.len().
    Ok(out.try_into().ok())
}

/// Attribute `name` of `subject` for a class pattern of `c`, unless an
/// earlier sub-pattern of the same pattern named it.
fn unseen_attribute<'n>(
    subject: &Value,
    c: &Class,
    name: &'n str,
    site: &crate::attr::Site,
    seen: &mut Vec<&'n str>,
) -> PyResult<Option<Value>> {
    if seen.contains(&name) {
        let shown = crate::fmt::repr(&Value::str(name))?;
        return Err(type_error(format!("{}() got multiple sub-patterns for attribute {shown}", c.name())));
    }
    let v = attribute(subject, name, site)?;
    seen.push(name);
    Ok(v)
}

/// A keyword sub-pattern's attribute (`None` when missing: no match),
/// loaded through the pattern's own attribute cache.
pub fn attribute(subject: &Value, name: &str, site: &crate::attr::Site) -> PyResult<Option<Value>> {
    match crate::attr::getattr_at(subject, name, site) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.is_instance(&types().attribute_error) => Ok(None),
        Err(e) => Err(e),
    }
}
