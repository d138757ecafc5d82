//! Struct sequences: the named tuples CPython's C modules return
//! (`sys.version_info`, `sys.float_info`). Each is a tuple (indexing,
//! unpacking, `len`, `==` and ordering against tuples) whose fields are
//! also attributes, with CPython's repr
//! `sys.version_info(major=3, minor=12, micro=1, releaselevel='final', serial=0)`.
//! Their classes subclass `tuple`, so `isinstance(sys.version_info, tuple)`.

use std::rc::Rc;

use crate::class::{Class, Layout};
use crate::exc::PyResult;
use crate::func::{Function, Kwargs};
use crate::iter::PyIter;
use crate::native::{Native, downcast};
use crate::ops::{self, CmpOp};
use crate::types::types;
use crate::value::Value;

pub struct StructSeq {
    class: Rc<Class>,
    /// The `tp_name`, as errors name the type: `sys.version_info`.
    type_name: &'static str,
    fields: &'static [&'static str],
    items: Vec<Value>,
}

/// The class of a struct sequence: a `tuple` subclass named `name` in
/// `module`, with the rich comparisons in its namespace so that `<`, `>=`
/// ... against tuples reach the instance.
pub fn new_class(module: &str, name: &str) -> Rc<Class> {
    let cls = crate::types::new_class_in(module, name, &[types().tuple.clone()], Layout::Builtin);
    for (dunder, op) in [("__lt__", CmpOp::Lt), ("__le__", CmpOp::Le), ("__gt__", CmpOp::Gt), ("__ge__", CmpOp::Ge)] {
        let f = Function::native(name, dunder, &["self", "other"], move |a| compare(&a[0], &a[1], op));
        cls.dict.set_str(dunder, f);
    }
    cls
}

/// A struct sequence of `class` with these fields and values.
pub fn new(class: Rc<Class>, type_name: &'static str, fields: &'static [&'static str], items: Vec<Value>) -> Value {
    Value::native(StructSeq { class, type_name, fields, items })
}

/// The items as a plain tuple, for a struct sequence or a tuple.
fn as_tuple(v: &Value) -> Option<Value> {
    match v {
        Value::Tuple(_) => Some(v.clone()),
        _ => downcast::<StructSeq>(v).map(|s| Value::tuple(s.items.clone())),
    }
}

fn compare(this: &Value, other: &Value, op: CmpOp) -> PyResult<Value> {
    match (as_tuple(this), as_tuple(other)) {
        (Some(a), Some(b)) => ops::compare(&a, &b, op),
        _ => Ok(Value::NotImplemented),
    }
}

impl Native for StructSeq {
    fn type_name(&self) -> &'static str {
        self.type_name
    }

    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        let mut parts = Vec::with_capacity(self.items.len());
        for (f, v) in self.fields.iter().zip(&self.items) {
            parts.push(format!("{f}={}", crate::fmt::repr(v)?));
        }
        Ok(format!("{}({})", self.type_name, parts.join(", ")))
    }

    fn iter(&self, _this: &Value) -> Option<PyResult<PyIter>> {
        Some(Ok(PyIter::Snapshot(self.items.clone().into_iter())))
    }

    fn len(&self) -> Option<PyResult<usize>> {
        Some(Ok(self.items.len()))
    }

    fn getitem(&self, _this: &Value, key: &Value) -> Option<PyResult<Value>> {
        Some(ops::getitem(&Value::tuple(self.items.clone()), key))
    }

    fn contains(&self, item: &Value) -> Option<PyResult<bool>> {
        Some(ops::contains(&Value::tuple(self.items.clone()), item))
    }

    fn eq(&self, other: &Value) -> Option<bool> {
        let other = as_tuple(other)?;
        ops::eq(&Value::tuple(self.items.clone()), &other).ok()
    }

    fn hash(&self) -> Option<i64> {
        ops::hash(&Value::tuple(self.items.clone())).ok()
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        if let Some(i) = self.fields.iter().position(|f| *f == name) {
            return Some(Ok(self.items[i].clone()));
        }
        match name {
            "n_fields" | "n_sequence_fields" => Some(Ok(Value::Int(self.fields.len() as i64))),
            "n_unnamed_fields" => Some(Ok(Value::Int(0))),
            _ => None,
        }
    }

    fn setattr(&self, _this: &Value, name: &str, _value: Value) -> Option<PyResult<()>> {
        Some(Err(if self.fields.contains(&name) {
            crate::exc::attribute_error("readonly attribute")
        } else {
            crate::exc::attribute_error(format!("'{}' object has no attribute '{name}'", self.type_name))
        }))
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "count" | "index" | "__lt__" | "__le__" | "__gt__" | "__ge__")
    }

    fn call_method(&self, this: &Value, name: &str, args: Vec<Value>, kw: Kwargs) -> Option<PyResult<Value>> {
        let op = match name {
            "__lt__" => CmpOp::Lt,
            "__le__" => CmpOp::Le,
            "__gt__" => CmpOp::Gt,
            "__ge__" => CmpOp::Ge,
            "count" | "index" => {
                return Some(crate::methods::call_builtin_method(&Value::tuple(self.items.clone()), name, args, kw));
            }
            _ => return None,
        };
        Some(match args.first() {
            Some(other) if args.len() == 1 => compare(this, other, op),
            _ => Err(crate::exc::type_error(format!("expected 1 argument, got {}", args.len()))),
        })
    }
}
