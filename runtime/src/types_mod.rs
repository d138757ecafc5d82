//! The `types` module: the types of functions, methods, generators and
//! modules, for `isinstance` checks, plus `SimpleNamespace` and
//! `MappingProxyType` (`mappingproxy.rs`).
//!
//! Each type object is the class the runtime already gives values of that
//! kind (`type(f)` for a def or lambda is `types.FunctionType`), so
//! `isinstance` agrees with CPython. Calling `MethodType(func, obj)` binds;
//! calling `FunctionType` or `ModuleType` raises TypeError (cannot create
//! instances: CPython would build one from a code object or a name), as
//! do the generator, coroutine and builtin types, as in CPython.
//! `new_class` and friends are absent (AttributeError).

use std::rc::Rc;

use crate::class::Class;
use crate::dict::Dict;
use crate::exc::{PyResult, attribute_error, type_error};
use crate::func::{BoundMethod, Kwargs};
use crate::gil::Lazy;
use crate::native::{Native, downcast, native_class};
use crate::types::{BuiltinInfo, types};
use crate::value::Value;

/// `types.SimpleNamespace(**kwargs)`: an object whose attributes are its
/// `__dict__`.
pub struct SimpleNamespace {
    pub attrs: Rc<Dict>,
}

struct Classes {
    namespace: Rc<Class>,
    method: Rc<Class>,
}

static NAMESPACE_NEW: BuiltinInfo = BuiltinInfo { new: new_namespace };
static METHOD_NEW: BuiltinInfo = BuiltinInfo { new: new_method };

static CLASSES: Lazy<Classes> = Lazy::new(|| {
    let object = types().object.clone();
    let obj = std::slice::from_ref(&object);
    Classes {
        namespace: crate::types::new_class_with("SimpleNamespace", "types", obj, &NAMESPACE_NEW),
        method: crate::types::new_builtin_class("method", obj, crate::class::Layout::Builtin, Some(&METHOD_NEW)),
    }
});

/// The class of bound methods (`types.MethodType`).
pub fn method_class() -> Rc<Class> {
    CLASSES.get().method.clone()
}

fn new_namespace(_cls: &Rc<Class>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    if !args.is_empty() {
        return Err(type_error("no positional arguments expected"));
    }
    let attrs = Dict::new();
    for (k, v) in kwargs {
        attrs.set(Value::Str(k), v)?;
    }
    Ok(Value::native(SimpleNamespace { attrs: Rc::new(attrs) }))
}

/// `MethodType(func, obj)`: `func` bound to `obj`.
fn new_method(_cls: &Rc<Class>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    if !kwargs.is_empty() {
        return Err(type_error("method() takes no keyword arguments"));
    }
    let [func, receiver] = <[Value; 2]>::try_from(args)
        .map_err(|a| type_error(format!("method expected 2 arguments, got {}", a.len())))?;
    if !crate::builtins::is_callable(&func) {
        return Err(type_error("first argument must be callable"));
    }
    if receiver.is_none() {
        return Err(type_error("instance must not be None"));
    }
    Ok(Value::native(BoundMethod { func, receiver }))
}

impl Native for SimpleNamespace {
    fn type_name(&self) -> &'static str {
        "types.SimpleNamespace"
    }

    fn delattr(&self, this: &Value, name: &str) -> Option<PyResult<()>> {
        Some(match self.attrs.remove(&Value::str(name)) {
            Ok(Some(_)) => Ok(()),
            Ok(None) => Err(crate::attr::no_attribute(this, name)),
            Err(e) => Err(e),
        })
    }

    fn class(&self) -> Rc<Class> {
        CLASSES.get().namespace.clone()
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        let mut parts = Vec::new();
        for (k, v) in self.attrs.items() {
            parts.push(format!("{}={}", crate::fmt::str_(&k)?, crate::fmt::repr(&v)?));
        }
        Ok(format!("namespace({})", parts.join(", ")))
    }

    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        if name == "__dict__" {
            return Some(Ok(Value::Dict(self.attrs.clone())));
        }
        if let Some(v) = self.attrs.get_str(name) {
            return Some(Ok(v));
        }
        if name == "__class__" {
            return Some(Ok(Value::Class(self.class())));
        }
        Some(Err(crate::attr::no_attribute(this, name)))
    }

    fn setattr(&self, _this: &Value, name: &str, value: Value) -> Option<PyResult<()>> {
        if matches!(name, "__dict__" | "__class__") {
            return Some(Err(attribute_error(format!("py2rs: assigning SimpleNamespace.{name} is not supported"))));
        }
        self.attrs.set_str(name, value);
        Some(Ok(()))
    }

    fn eq(&self, other: &Value) -> Option<bool> {
        let other = downcast::<SimpleNamespace>(other)?;
        Some(crate::ops::eq(&Value::Dict(self.attrs.clone()), &Value::Dict(other.attrs.clone())).unwrap_or(false))
    }

    fn unhashable(&self) -> bool {
        true
    }
}

pub fn module_attrs() -> Dict {
    let t = types();
    let d = Dict::new();
    let function = Value::Class(t.function.clone());
    let builtin = Value::Class(native_class("builtin_function_or_method"));
    d.set_str("SimpleNamespace", Value::Class(CLASSES.get().namespace.clone()));
    d.set_str("MappingProxyType", Value::Class(crate::mappingproxy::class()));
    d.set_str("FunctionType", function.clone());
    d.set_str("LambdaType", function);
    d.set_str("MethodType", Value::Class(method_class()));
    d.set_str("BuiltinFunctionType", builtin.clone());
    d.set_str("BuiltinMethodType", builtin);
    d.set_str("GeneratorType", Value::Class(native_class("generator")));
    d.set_str("CoroutineType", Value::Class(native_class("coroutine")));
    d.set_str("AsyncGeneratorType", Value::Class(native_class("async_generator")));
    d.set_str("ModuleType", Value::Class(native_class("module")));
    d.set_str("CodeType", Value::Class(native_class("code")));
    d.set_str("UnionType", Value::Class(native_class("types.UnionType")));
    d.set_str("NoneType", Value::Class(t.none.clone()));
    d.set_str("EllipsisType", Value::Class(t.ellipsis.clone()));
    d.set_str("NotImplementedType", Value::Class(t.not_implemented.clone()));
    d
}
