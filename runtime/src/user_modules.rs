//! The program's own modules (`import helper` of a file beside the
//! script, or of a package's module): a module object whose attributes are
//! the module's globals, and `import`, which runs a module's body the
//! first time and hands out the same object after that.
//!
//! As in CPython, the module is registered before its body runs, so a
//! circular import sees the partly initialised module, and a body that
//! raises unregisters it again (the next import runs it afresh).

use std::cell::Cell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::PyResult;
use crate::modules::{loaded, set_loaded};
use crate::native::Native;
use crate::scope::Global;
use crate::value::Value;

/// One module of the program, as the transpiler writes it: a `static` in
/// the module's Rust file.
pub struct Source {
    /// The dotted name (`pkg.helper`).
    pub name: &'static str,
    /// The file, as `__file__` shows it.
    pub file: &'static str,
    /// A package's `__init__.py`.
    pub package: bool,
    /// The package of a package's module, imported first.
    pub parent: Option<&'static Source>,
    /// Every variable the module's code binds or reads as a global.
    pub globals: &'static [&'static Global],
    /// The module's top-level statements.
    pub body: fn() -> PyResult<()>,
}

/// A module object: reads and writes of its attributes go to the
/// module's globals; attributes its code never names live in `extra`.
pub struct UserModule {
    source: &'static Source,
    extra: Dict,
    /// The body has run to its end.
    initialized: Cell<bool>,
}

impl UserModule {
    fn global(&self, name: &str) -> Option<&'static Global> {
        self.source.globals.iter().copied().find(|g| g.name() == name)
    }

    fn dunder(&self, name: &str) -> Option<Value> {
        let s = self.source;
        Some(match name {
            "__name__" => Value::str(s.name),
            "__file__" => Value::str(s.file),
            "__package__" => {
                let package = if s.package { s.name } else { s.name.rsplit_once('.').map_or("", |(p, _)| p) };
                Value::str(package)
            }
            _ => return None,
        })
    }
}

impl Native for UserModule {
    fn type_name(&self) -> &'static str {
        "module"
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(format!("<module '{}' from '{}'>", self.source.name, self.source.file))
    }

    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        if let Some(v) = self.global(name).and_then(Global::peek).or_else(|| self.extra.get_str(name)) {
            return Some(Ok(v));
        }
        if name == "__dict__" {
            return Some(Ok(Value::Dict(Rc::new(self.namespace()))));
        }
        if let Some(v) = self.dunder(name) {
            return Some(Ok(v));
        }
        let message = format!("module '{}' has no attribute '{name}'", self.source.name);
        Some(Err(crate::exc::attribute_error_for(this, name, message)))
    }

    fn setattr(&self, _this: &Value, name: &str, value: Value) -> Option<PyResult<()>> {
        match self.global(name) {
            Some(g) => g.set(value),
            None => self.extra.set_str(name, value),
        }
        Some(Ok(()))
    }

    fn delattr(&self, this: &Value, name: &str) -> Option<PyResult<()>> {
        let deleted = match self.global(name) {
            Some(g) => g.delete().is_ok(),
            None => self.extra.remove(&Value::str(name)).ok().flatten().is_some(),
        };
        Some(if deleted { Ok(()) } else { Err(crate::attr::no_attribute(this, name)) })
    }
}

impl UserModule {
    /// `module.__dict__`: a copy of the namespace as it is now (CPython's
    /// is the live dict; writing to this one changes nothing).
    fn namespace(&self) -> Dict {
        let d = Dict::new();
        for (k, v) in ["__name__", "__file__", "__package__"].iter().filter_map(|k| Some((*k, self.dunder(k)?))) {
            d.set_str(k, v);
        }
        for g in self.source.globals {
            if let Some(v) = g.peek() {
                d.set_str(g.name(), v);
            }
        }
        for (k, v) in self.extra.items() {
            let _ = d.set(k, v);
        }
        d
    }
}

/// `import name` of one of the program's modules: its package first, then
/// the module itself, which becomes an attribute of the package once its
/// body has run.
pub fn import(source: &'static Source) -> PyResult<Value> {
    if let Some(m) = loaded(source.name) {
        return Ok(m);
    }
    let parent = source.parent.map(import).transpose()?;
    // The package's body may have imported this module already.
    if let Some(m) = loaded(source.name) {
        return Ok(m);
    }
    let module = Value::native(UserModule { source, extra: Dict::new(), initialized: Cell::new(false) });
    set_loaded(source.name, Some(module.clone()));
    if let Err(e) = (source.body)() {
        set_loaded(source.name, None);
        return Err(e);
    }
    if let Some(m) = crate::native::downcast::<UserModule>(&module) {
        m.initialized.set(true);
    }
    if let Some(parent) = parent {
        let last = source.name.rsplit_once('.').map_or(source.name, |(_, l)| l);
        crate::attr::setattr(&parent, last, module.clone())?;
    }
    Ok(module)
}

/// `from package import name` where `name` may be a module of the
/// package: an attribute of the package if it has one, else the module,
/// imported now.
pub fn import_submodule(package: &Value, name: &str, module: &'static Source) -> PyResult<Value> {
    match crate::attr::getattr(package, name) {
        Ok(v) => Ok(v),
        Err(_) => import(module),
    }
}

/// A name `from module import *` binds, if the module has it now (without
/// `__all__`, CPython binds the names in the module's dict).
pub fn star_name(module: &Value, name: &str) -> Option<Value> {
    crate::attr::getattr(module, name).ok()
}

/// `from module import name`: CPython's message names the module's file,
/// and says so when a circular import finds the module half made.
pub fn import_name(module: &Value, source: &'static Source, name: &str) -> PyResult<Value> {
    crate::attr::getattr(module, name).map_err(|_| {
        let partly = crate::native::downcast::<UserModule>(module).is_some_and(|m| !m.initialized.get());
        let message = if partly {
            format!(
                "cannot import name '{name}' from partially initialized module '{}' (most likely due to a circular import) ({})",
                source.name, source.file
            )
        } else {
            format!("cannot import name '{name}' from '{}' ({})", source.name, source.file)
        };
        crate::exc::import_error(message)
    })
}
