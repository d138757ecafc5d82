//! `mappingproxy` (`types.MappingProxyType`): a read-only live view of a
//! mapping. A class's `__dict__`, an enum's `__members__` and a
//! singledispatch function's `registry` are shown through one, so code
//! can read them but not change them behind the class's back.
//!
//! Reads go to the mapping itself (`ops` and its methods), so the view
//! follows every change made to it. Like CPython's, the proxy's `str` and
//! `hash` are the mapping's, `==` compares the mapping, and `|` builds a
//! new dict.

use std::rc::Rc;

use crate::class::Class;
use crate::dict::Dict;
use crate::exc::{PyResult, type_error};
use crate::func::Kwargs;
use crate::gil::Lazy;
use crate::native::{Native, downcast};
use crate::types::BuiltinInfo;
use crate::value::Value;

pub struct MappingProxy {
    pub mapping: Value,
}

/// A read-only view of `dict`.
pub fn of_dict(dict: Rc<Dict>) -> Value {
    Value::native(MappingProxy { mapping: Value::Dict(dict) })
}

/// The mapping behind a proxy, when `v` is one.
pub fn mapping_of(v: &Value) -> Option<&Value> {
    downcast::<MappingProxy>(v).map(|p| &p.mapping)
}

static NEW: BuiltinInfo = BuiltinInfo { new: new_mappingproxy };

static CLASS: Lazy<Rc<Class>> = Lazy::new(|| {
    let object = crate::types::types().object.clone();
    crate::types::new_builtin_class("mappingproxy", &[object], crate::class::Layout::Builtin, Some(&NEW))
});

/// The `mappingproxy` type.
pub fn class() -> Rc<Class> {
    CLASS.get().clone()
}

/// `mappingproxy(mapping)`.
fn new_mappingproxy(_cls: &Rc<Class>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let slots = crate::func::keyword_slots("mappingproxy", args, kwargs, &["mapping"])?;
    if slots.len() != 1 {
        return Err(type_error(format!("mappingproxy() takes at most 1 argument ({} given)", slots.len())));
    }
    let Some(mapping) = slots.into_iter().next().flatten() else {
        return Err(type_error("mappingproxy() missing required argument 'mapping' (pos 1)"));
    };
    let is_mapping = match &mapping {
        Value::List(_) | Value::Tuple(_) => false,
        Value::Dict(_) => true,
        Value::Object(o) => o.class.lookup("__getitem__").is_some() && o.class.lookup("keys").is_some(),
        Value::Native(_) => mapping_of(&mapping).is_some() || crate::collections::is_mapping(&mapping),
        _ => false,
    };
    if !is_mapping {
        return Err(type_error(format!(
            "mappingproxy() argument must be a mapping, not {}",
            crate::ops::type_name(&mapping)
        )));
    }
    Ok(Value::native(MappingProxy { mapping }))
}

/// `proxy | other` and `other | proxy`: the mapping's own `|`, which makes
/// a new dict. `None` when neither operand is a proxy.
pub fn binary(a: &Value, b: &Value, op: crate::ops::BinOp) -> PyResult<Option<Value>> {
    if op != crate::ops::BinOp::Or || (mapping_of(a).is_none() && mapping_of(b).is_none()) {
        return Ok(None);
    }
    let a = mapping_of(a).unwrap_or(a);
    let b = mapping_of(b).unwrap_or(b);
    crate::ops::binary(a, b, op).map(Some)
}

const METHODS: &[&str] = &["keys", "values", "items", "get", "copy", "__reversed__"];

impl Native for MappingProxy {
    fn type_name(&self) -> &'static str {
        "mappingproxy"
    }

    fn class(&self) -> Rc<Class> {
        class()
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(format!("mappingproxy({})", crate::fmt::repr(&self.mapping)?))
    }

    fn str(&self, _this: &Value) -> PyResult<String> {
        crate::fmt::str_(&self.mapping)
    }

    fn iter(&self, _this: &Value) -> Option<PyResult<crate::iter::PyIter>> {
        Some(crate::iter::iter(&self.mapping))
    }

    fn len(&self) -> Option<PyResult<usize>> {
        Some(crate::ops::len(&self.mapping))
    }

    fn getitem(&self, _this: &Value, key: &Value) -> Option<PyResult<Value>> {
        Some(crate::ops::getitem(&self.mapping, key))
    }

    fn setitem(&self, _this: &Value, _key: &Value, _value: Value) -> Option<PyResult<()>> {
        Some(Err(type_error("'mappingproxy' object does not support item assignment")))
    }

    fn delitem(&self, _this: &Value, _key: &Value) -> Option<PyResult<()>> {
        Some(Err(type_error("'mappingproxy' object does not support item deletion")))
    }

    fn contains(&self, item: &Value) -> Option<PyResult<bool>> {
        Some(crate::ops::contains(&self.mapping, item))
    }

    fn eq(&self, other: &Value) -> Option<bool> {
        let other = mapping_of(other).unwrap_or(other);
        Some(crate::ops::eq(&self.mapping, other).unwrap_or(false))
    }

    fn hash(&self) -> Option<i64> {
        None
    }

    fn unhashable(&self) -> bool {
        // `hash(proxy)` is the mapping's hash; a dict has none.
        matches!(self.mapping, Value::Dict(_))
    }

    fn has_method(&self, name: &str) -> bool {
        METHODS.contains(&name)
    }

    fn call_method(&self, _this: &Value, name: &str, args: Vec<Value>, kw: Kwargs) -> Option<PyResult<Value>> {
        if !self.has_method(name) {
            return None;
        }
        Some(match name {
            "__reversed__" => crate::iter::reversed(&self.mapping),
            _ => crate::call::call_method(&self.mapping, name, args, kw),
        })
    }
}
