//! The `contextlib` module: `contextmanager` (a generator driven by
//! `__enter__`/`__exit__`, with the exception thrown in at its `yield`),
//! `suppress`, `nullcontext`, `closing` and `ExitStack`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::call::call;
use crate::exc::{PyErr, PyResult, runtime_error, type_error};
use crate::func::{BuiltinFunction, Kwargs};
use crate::generator::Generator;
use crate::native::{Native, downcast};
use crate::types::types;
use crate::value::Value;

/// The three `__exit__` arguments as an optional exception.
fn exit_exception(args: &[Value]) -> Option<PyErr> {
    match args.get(1) {
        Some(v @ Value::Object(o)) if o.exc.is_some() => Some(PyErr::from_instance(v.clone())),
        _ => match args.first() {
            Some(Value::Class(c)) => Some(PyErr::with_args(c, vec![])),
            _ => None,
        },
    }
}

/// `@contextmanager`: calling the result builds a `GeneratorContextManager`.
struct ContextManagerFactory {
    func: Value,
}

impl Native for ContextManagerFactory {
    fn type_name(&self) -> &'static str {
        "function"
    }

    fn call(&self, _this: &Value, args: Vec<Value>, kwargs: Kwargs) -> Option<PyResult<Value>> {
        Some(call(&self.func, args, kwargs).map(|g| Value::native(GeneratorContextManager { generator: g })))
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        match name {
            "__wrapped__" => Some(Ok(self.func.clone())),
            _ => Some(crate::attr::getattr(&self.func, name)),
        }
    }
}

struct GeneratorContextManager {
    generator: Value,
}

impl GeneratorContextManager {
    fn generator(&self) -> PyResult<&Generator> {
        downcast::<Generator>(&self.generator)
            .ok_or_else(|| type_error("contextmanager function must return a generator"))
    }

    fn exit(&self, err: Option<PyErr>) -> PyResult<bool> {
        let g = self.generator()?;
        match err {
            None => match g.send(Value::None) {
                Ok(_) => Err(runtime_error("generator didn't stop")),
                Err(e) if e.is_instance(&types().stop_iteration) => Ok(false),
                Err(e) => Err(e),
            },
            Some(exc) => {
                let original = exc.value().clone();
                match g.throw(exc) {
                    Ok(_) => Err(runtime_error("generator didn't stop after throw()")),
                    // The generator swallowed the exception.
                    Err(e) if e.is_instance(&types().stop_iteration) => Ok(!original.is(e.value())),
                    // Re-raised the same exception: not suppressed, propagate as is.
                    Err(e) if e.value().is(&original) => Ok(false),
                    Err(e) => Err(e),
                }
            }
        }
    }
}

impl Native for GeneratorContextManager {
    fn type_name(&self) -> &'static str {
        "_GeneratorContextManager"
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "__enter__" | "__exit__")
    }

    fn call_method(&self, _this: &Value, name: &str, args: Vec<Value>, _kw: Kwargs) -> Option<PyResult<Value>> {
        Some(match name {
            "__enter__" => match self.generator().and_then(|g| g.send(Value::None)) {
                Ok(v) => Ok(v),
                Err(e) if e.is_instance(&types().stop_iteration) => Err(runtime_error("generator didn't yield")),
                Err(e) => Err(e),
            },
            "__exit__" => self.exit(exit_exception(&args)).map(Value::Bool),
            _ => return None,
        })
    }
}

fn contextmanager(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let func = args.into_iter().next().unwrap_or_default();
    Ok(Value::native(ContextManagerFactory { func }))
}

/// `suppress(*exceptions)`.
struct Suppress {
    classes: Value,
}

impl Native for Suppress {
    fn type_name(&self) -> &'static str {
        "suppress"
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "__enter__" | "__exit__")
    }

    fn call_method(&self, _this: &Value, name: &str, args: Vec<Value>, _kw: Kwargs) -> Option<PyResult<Value>> {
        Some(match name {
            "__enter__" => Ok(Value::None),
            "__exit__" => match exit_exception(&args) {
                Some(e) => crate::raise::matches(&e, &self.classes).map(Value::Bool),
                None => Ok(Value::Bool(false)),
            },
            _ => return None,
        })
    }
}

fn suppress(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Ok(Value::native(Suppress { classes: Value::tuple(args) }))
}

/// `nullcontext(value)` and `closing(thing)`.
struct Simple {
    value: Value,
    close: bool,
}

impl Native for Simple {
    fn type_name(&self) -> &'static str {
        if self.close { "closing" } else { "nullcontext" }
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "__enter__" | "__exit__")
    }

    fn call_method(&self, _this: &Value, name: &str, _args: Vec<Value>, _kw: Kwargs) -> Option<PyResult<Value>> {
        Some(match name {
            "__enter__" => Ok(self.value.clone()),
            "__exit__" => {
                if self.close
                    && let Err(e) = crate::call::call_method(&self.value, "close", vec![], vec![])
                {
                    return Some(Err(e));
                }
                Ok(Value::Bool(false))
            }
            _ => return None,
        })
    }
}

fn nullcontext(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Ok(Value::native(Simple { value: args.into_iter().next().unwrap_or_default(), close: false }))
}

fn closing(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Ok(Value::native(Simple { value: args.into_iter().next().unwrap_or_default(), close: true }))
}

/// One entry on an `ExitStack`: what to call on the way out.
enum ExitEntry {
    /// A bound `__exit__` (from `enter_context` or `push`).
    Exit(Value),
    /// `callback(f, *args, **kwargs)`: called without exception details.
    Callback(Value, Vec<Value>, Kwargs),
}

/// `ExitStack()`.
struct ExitStack {
    entries: Rc<RefCell<Vec<ExitEntry>>>,
}

impl ExitStack {
    /// Unwinds LIFO; each exit sees the exception still pending, and a new
    /// exception raised by an exit replaces it (chained to the old one).
    fn unwind(&self, mut pending: Option<PyErr>) -> PyResult<bool> {
        let had_exception = pending.is_some();
        let mut suppressed = false;
        loop {
            let entry = self.entries.borrow_mut().pop();
            let Some(entry) = entry else { break };
            let r = match &entry {
                ExitEntry::Exit(exit) => crate::ctx::exit(exit, pending.as_ref()),
                ExitEntry::Callback(f, a, k) => call(f, a.clone(), k.clone()).map(|_| false),
            };
            match r {
                Ok(true) => {
                    pending = None;
                    suppressed = true;
                }
                Ok(false) => {}
                Err(e) => {
                    let e = e.with_context(pending.as_ref());
                    pending = Some(e);
                }
            }
        }
        match pending {
            Some(e) if !had_exception || !suppressed => Err(e),
            Some(e) => Err(e),
            None => Ok(had_exception && suppressed),
        }
    }
}

impl Native for ExitStack {
    fn type_name(&self) -> &'static str {
        "ExitStack"
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "__enter__" | "__exit__" | "enter_context" | "callback" | "push" | "pop_all" | "close")
    }

    fn call_method(&self, this: &Value, name: &str, args: Vec<Value>, kw: Kwargs) -> Option<PyResult<Value>> {
        Some(match name {
            "__enter__" => Ok(this.clone()),
            "__exit__" => {
                let err = exit_exception(&args);
                // The original exception propagates from the with statement
                // itself; a replacement raised while unwinding does here.
                let original = err.as_ref().map(|e| e.value().clone());
                match self.unwind(err) {
                    Ok(s) => Ok(Value::Bool(s)),
                    Err(e) if original.as_ref().is_some_and(|o| o.is(e.value())) => Ok(Value::Bool(false)),
                    Err(e) => Err(e),
                }
            }
            "enter_context" => (|| {
                let cm = args.into_iter().next().unwrap_or_default();
                let (value, exit) = crate::ctx::enter(&cm)?;
                self.entries.borrow_mut().push(ExitEntry::Exit(exit));
                Ok(value)
            })(),
            "push" => {
                let exit = args.into_iter().next().unwrap_or_default();
                let bound = crate::attr::getattr(&exit, "__exit__").unwrap_or_else(|_| exit.clone());
                self.entries.borrow_mut().push(ExitEntry::Exit(bound));
                Ok(exit)
            }
            "callback" => {
                let mut it = args.into_iter();
                let f = it.next().unwrap_or_default();
                self.entries.borrow_mut().push(ExitEntry::Callback(f.clone(), it.collect(), kw));
                Ok(f)
            }
            "pop_all" => {
                let moved = std::mem::take(&mut *self.entries.borrow_mut());
                Ok(Value::native(ExitStack { entries: Rc::new(RefCell::new(moved)) }))
            }
            "close" => self.unwind(None).map(|_| Value::None),
            _ => return None,
        })
    }
}

fn exit_stack(_args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Ok(Value::native(ExitStack { entries: Rc::new(RefCell::new(Vec::new())) }))
}

pub fn module_attrs() -> crate::dict::Dict {
    let d = crate::dict::Dict::new();
    let f = |name: &'static str, func: fn(Vec<Value>, Kwargs) -> PyResult<Value>| {
        Value::native(BuiltinFunction { name, f: func })
    };
    d.set_str("contextmanager", f("contextmanager", contextmanager));
    d.set_str("suppress", f("suppress", suppress));
    d.set_str("nullcontext", f("nullcontext", nullcontext));
    d.set_str("closing", f("closing", closing));
    d.set_str("ExitStack", f("ExitStack", exit_stack));
    d
}
