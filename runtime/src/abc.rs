//! The `abc` module: `ABCMeta`, `ABC` and `abstractmethod`.
//!
//! `ABCMeta` is a metaclass whose classes record `__abstractmethods__`, the
//! names still abstract after inheritance; instantiating such a class raises
//! CPython's `TypeError` (`classes::default_call` checks it). Class creation
//! (`classes::type_new`) calls [`record_abstract_methods`] for every class
//! whose metaclass derives from `ABCMeta`, as `ABCMeta.__new__` does after
//! `type.__new__`.

use std::rc::Rc;

use crate::class::Class;
use crate::dict::Dict;
use crate::exc::PyResult;
use crate::func::{BuiltinFunction, Kwargs};
use crate::gil::Lazy;
use crate::types::types;
use crate::value::Value;

struct AbcClasses {
    meta: Rc<Class>,
    abc: Rc<Class>,
}

static ABC: Lazy<AbcClasses> = Lazy::new(|| {
    let ns = Dict::new();
    ns.set_str("__module__", Value::str("abc"));
    let meta =
        crate::classes::type_new(&types().type_, "ABCMeta", vec![Value::Class(types().type_.clone())], ns, vec![]);
    let Ok(Value::Class(meta)) = meta else { unreachable!("ABCMeta is a plain subclass of type") };
    let ns = Dict::new();
    ns.set_str("__module__", Value::str("abc"));
    ns.set_str("__slots__", Value::tuple_of([]));
    let abc = crate::classes::type_new(&meta, "ABC", vec![], ns, vec![]);
    let Ok(Value::Class(abc)) = abc else { unreachable!("ABC is a plain class") };
    AbcClasses { meta, abc }
});

/// Whether classes built by `meta` track abstract methods.
pub fn is_abc_metaclass(meta: &Rc<Class>) -> bool {
    // `ABCMeta` itself is being created when this is first asked.
    ABC.try_get().is_some_and(|abc| meta.is_subclass(&abc.meta))
}

/// `ABCMeta.__new__`'s bookkeeping: the names defined abstract in the class
/// body, plus those inherited from bases that the class leaves abstract.
pub fn record_abstract_methods(cls: &Rc<Class>) -> PyResult<()> {
    let mut names: Vec<Value> = Vec::new();
    for (name, value) in cls.dict.items() {
        if is_abstract(&value)? {
            names.push(name);
        }
    }
    for base in &cls.bases {
        let Some(inherited) = base.lookup("__abstractmethods__") else { continue };
        for name in crate::iter::to_vec(&inherited)? {
            let Value::Str(n) = &name else { continue };
            let value = crate::attr::getattr_default(&Value::Class(cls.clone()), n.as_str(), Value::None)?;
            if is_abstract(&value)? && !names.iter().any(|x| crate::ops::eq(x, &name).unwrap_or(false)) {
                names.push(name);
            }
        }
    }
    let set = crate::set::from_values(names)?;
    let frozen = match set {
        Value::Set(s) => Value::FrozenSet(s),
        other => other,
    };
    cls.dict.set_str("__abstractmethods__", frozen);
    Ok(())
}

/// `getattr(value, "__isabstractmethod__", False)` as a truth value.
fn is_abstract(value: &Value) -> PyResult<bool> {
    let flag = crate::attr::getattr_default(value, "__isabstractmethod__", Value::Bool(false))?;
    crate::ops::truthy(&flag)
}

/// `abc.abstractmethod(f)`: marks `f` and returns it.
fn abstractmethod(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let [f] = crate::func::args::<1>(args);
    crate::attr::setattr(&f, "__isabstractmethod__", Value::Bool(true))?;
    Ok(f)
}

pub fn module_attrs() -> Dict {
    let d = Dict::new();
    let abc = ABC.get();
    d.set_str("ABCMeta", Value::Class(abc.meta.clone()));
    d.set_str("ABC", Value::Class(abc.abc.clone()));
    d.set_str("abstractmethod", Value::native(BuiltinFunction { name: "abstractmethod", f: abstractmethod }));
    d
}
