//! The `contextlib` module: `contextmanager` (a generator driven by
//! `__enter__`/`__exit__`, with the exception thrown in at its `yield`),
//! `asynccontextmanager` (the same over an async generator), `suppress`,
//! `nullcontext`, `closing`, `aclosing`, `redirect_stdout`, `ExitStack`
//! and `AsyncExitStack`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::call::call;
use crate::exc::{PyErr, PyResult, runtime_error, type_error};
use crate::func::{BuiltinFunction, Kwargs};
use crate::generator::{Co, Generator};
use crate::native::{Native, downcast};
use crate::types::types;
use crate::value::Value;

/// The three `__exit__` arguments as an optional exception.
pub(crate) fn exit_exception(args: &[Value]) -> Option<PyErr> {
    match args.get(1) {
        Some(v @ Value::Object(o)) if o.exc().is_some() => Some(PyErr::from_instance(v.clone())),
        _ => match args.first() {
            Some(Value::Class(c)) => Some(PyErr::with_args(c, vec![])),
            _ => None,
        },
    }
}

/// `@contextmanager`: calling the result builds a `GeneratorContextManager`.
struct ContextManagerFactory {
    func: Value,
    is_async: bool,
}

impl Native for ContextManagerFactory {
    fn type_name(&self) -> &'static str {
        "function"
    }

    fn call(&self, _this: &Value, args: Vec<Value>, kwargs: Kwargs) -> Option<PyResult<Value>> {
        Some(call(&self.func, args, kwargs).map(|g| {
            if self.is_async {
                Value::native(AsyncGeneratorContextManager { generator: g })
            } else {
                Value::native(GeneratorContextManager { generator: g })
            }
        }))
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
    Ok(Value::native(ContextManagerFactory { func, is_async: false }))
}

fn asynccontextmanager(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let func = args.into_iter().next().unwrap_or_default();
    Ok(Value::native(ContextManagerFactory { func, is_async: true }))
}

fn stop_async(e: &PyErr) -> bool {
    e.is_instance(&types().by_name["StopAsyncIteration"])
}

/// What `@asynccontextmanager` functions return, following
/// `_AsyncGeneratorContextManager` in CPython's contextlib.
struct AsyncGeneratorContextManager {
    generator: Value,
}

async fn acm_exit(co: Co, agen: Value, err: Option<PyErr>) -> PyResult<Value> {
    match err {
        None => {
            let step = crate::call::call_method(&agen, "__anext__", vec![], vec![])?;
            match crate::aio::await_(&co, step).await {
                Err(e) if stop_async(&e) => Ok(Value::Bool(false)),
                Err(e) => Err(e),
                Ok(_) => {
                    let close = crate::call::call_method(&agen, "aclose", vec![], vec![])?;
                    crate::aio::await_(&co, close).await?;
                    Err(runtime_error("generator didn't stop"))
                }
            }
        }
        Some(exc) => {
            let original = exc.value().clone();
            let step = crate::call::call_method(&agen, "athrow", vec![original.clone()], vec![])?;
            match crate::aio::await_(&co, step).await {
                Err(e) if stop_async(&e) => Ok(Value::Bool(!e.value().is(&original))),
                Err(e) if e.value().is(&original) => Ok(Value::Bool(false)),
                Err(e)
                    if e.is_instance(&types().by_name["RuntimeError"])
                        && (exc.is_instance(&types().stop_iteration) || stop_async(&exc))
                        && e.data().is_some_and(|d| d.cause.as_ref().is_some_and(|c| c.is(&original))) =>
                {
                    Ok(Value::Bool(false))
                }
                Err(e) => Err(e),
                Ok(_) => {
                    let close = crate::call::call_method(&agen, "aclose", vec![], vec![])?;
                    crate::aio::await_(&co, close).await?;
                    Err(runtime_error("generator didn't stop after athrow()"))
                }
            }
        }
    }
}

impl Native for AsyncGeneratorContextManager {
    fn type_name(&self) -> &'static str {
        "_AsyncGeneratorContextManager"
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "__aenter__" | "__aexit__")
    }

    fn call_method(&self, _this: &Value, name: &str, args: Vec<Value>, _kw: Kwargs) -> Option<PyResult<Value>> {
        let agen = self.generator.clone();
        Some(match name {
            "__aenter__" => {
                Ok(Generator::coroutine("__aenter__", "_AsyncGeneratorContextManager.__aenter__", |co| async move {
                    let step = crate::call::call_method(&agen, "__anext__", vec![], vec![])?;
                    match crate::aio::await_(&co, step).await {
                        Err(e) if stop_async(&e) => Err(runtime_error("generator didn't yield")),
                        other => other,
                    }
                }))
            }
            "__aexit__" => {
                let err = exit_exception(&args);
                Ok(Generator::coroutine("__aexit__", "_AsyncGeneratorContextManager.__aexit__", move |co| {
                    acm_exit(co, agen, err)
                }))
            }
            _ => return None,
        })
    }
}

/// `aclosing(thing)`: awaits `thing.aclose()` on the way out.
struct AClosing {
    thing: Value,
}

impl Native for AClosing {
    fn type_name(&self) -> &'static str {
        "aclosing"
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "__aenter__" | "__aexit__")
    }

    fn call_method(&self, _this: &Value, name: &str, _args: Vec<Value>, _kw: Kwargs) -> Option<PyResult<Value>> {
        let thing = self.thing.clone();
        Some(match name {
            "__aenter__" => {
                Ok(Generator::coroutine("__aenter__", "aclosing.__aenter__", |_co| async move { Ok(thing) }))
            }
            "__aexit__" => Ok(Generator::coroutine("__aexit__", "aclosing.__aexit__", |co| async move {
                let close = crate::call::call_method(&thing, "aclose", vec![], vec![])?;
                crate::aio::await_(&co, close).await?;
                Ok(Value::None)
            })),
            _ => return None,
        })
    }
}

fn aclosing(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Ok(Value::native(AClosing { thing: args.into_iter().next().unwrap_or_default() }))
}

/// `redirect_stdout(new_target)`: swaps `sys.stdout` (which `print`
/// writes to) for the duration of the block; reentrant like CPython's.
struct RedirectStdout {
    target: Value,
    old: RefCell<Vec<Value>>,
}

impl Native for RedirectStdout {
    fn type_name(&self) -> &'static str {
        "redirect_stdout"
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "__enter__" | "__exit__")
    }

    fn call_method(&self, _this: &Value, name: &str, _args: Vec<Value>, _kw: Kwargs) -> Option<PyResult<Value>> {
        Some((|| {
            let sys = crate::modules::import("sys")?;
            match name {
                "__enter__" => {
                    let old = crate::attr::getattr(&sys, "stdout")?;
                    self.old.borrow_mut().push(old);
                    crate::attr::setattr(&sys, "stdout", self.target.clone())?;
                    Ok(self.target.clone())
                }
                "__exit__" => {
                    let old = self.old.borrow_mut().pop();
                    if let Some(old) = old {
                        crate::attr::setattr(&sys, "stdout", old)?;
                    }
                    Ok(Value::Bool(false))
                }
                _ => Ok(Value::None),
            }
        })())
    }
}

fn redirect_stdout(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Ok(Value::native(RedirectStdout { target: args.into_iter().next().unwrap_or_default(), old: RefCell::new(vec![]) }))
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

/// One entry on an `AsyncExitStack`.
enum AsyncEntry {
    Sync(ExitEntry),
    /// A bound `__aexit__` (from `enter_async_context` or `push_async_exit`).
    AsyncExit(Value),
    /// `push_async_callback(f, *args, **kwargs)`: awaited, without details.
    AsyncCallback(Value, Vec<Value>, Kwargs),
}

/// `AsyncExitStack()`.
struct AsyncExitStack {
    entries: Rc<RefCell<Vec<AsyncEntry>>>,
}

/// Unwinds an `AsyncExitStack` LIFO, as `_BaseExitStack.__aexit__` does.
async fn async_unwind(co: &Co, entries: &RefCell<Vec<AsyncEntry>>, mut pending: Option<PyErr>) -> PyResult<bool> {
    let had_exception = pending.is_some();
    let mut suppressed = false;
    loop {
        let entry = entries.borrow_mut().pop();
        let Some(entry) = entry else { break };
        let r = match &entry {
            AsyncEntry::Sync(ExitEntry::Exit(exit)) => crate::ctx::exit(exit, pending.as_ref()),
            AsyncEntry::Sync(ExitEntry::Callback(f, a, k)) => call(f, a.clone(), k.clone()).map(|_| false),
            AsyncEntry::AsyncExit(exit) => crate::aio::aexit(co, exit, pending.as_ref()).await,
            AsyncEntry::AsyncCallback(f, a, k) => match call(f, a.clone(), k.clone()) {
                Ok(aw) => crate::aio::await_(co, aw).await.map(|_| false),
                Err(e) => Err(e),
            },
        };
        match r {
            Ok(true) => {
                pending = None;
                suppressed = true;
            }
            Ok(false) => {}
            Err(e) => pending = Some(e.with_context(pending.as_ref())),
        }
    }
    match pending {
        Some(e) => Err(e),
        None => Ok(had_exception && suppressed),
    }
}

impl Native for AsyncExitStack {
    fn type_name(&self) -> &'static str {
        "AsyncExitStack"
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(
            name,
            "__aenter__"
                | "__aexit__"
                | "enter_async_context"
                | "enter_context"
                | "push_async_callback"
                | "push_async_exit"
                | "callback"
                | "push"
                | "pop_all"
                | "aclose"
        )
    }

    fn call_method(&self, this: &Value, name: &str, args: Vec<Value>, kw: Kwargs) -> Option<PyResult<Value>> {
        let entries = self.entries.clone();
        Some(match name {
            "__aenter__" => {
                let me = this.clone();
                Ok(Generator::coroutine("__aenter__", "AsyncExitStack.__aenter__", |_co| async move { Ok(me) }))
            }
            "__aexit__" => {
                let err = exit_exception(&args);
                Ok(Generator::coroutine("__aexit__", "AsyncExitStack.__aexit__", |co| async move {
                    let original = err.as_ref().map(|e| e.value().clone());
                    match async_unwind(&co, &entries, err).await {
                        Ok(s) => Ok(Value::Bool(s)),
                        Err(e) if original.as_ref().is_some_and(|o| o.is(e.value())) => Ok(Value::Bool(false)),
                        Err(e) => Err(e),
                    }
                }))
            }
            "aclose" => Ok(Generator::coroutine("aclose", "AsyncExitStack.aclose", |co| async move {
                async_unwind(&co, &entries, None).await.map(|_| Value::None)
            })),
            "enter_async_context" => {
                let cm = args.into_iter().next().unwrap_or_default();
                Ok(Generator::coroutine("enter_async_context", "AsyncExitStack.enter_async_context", |co| async move {
                    let has = |n: &str| {
                        crate::call::lookup_special(&cm, n).is_some()
                            || matches!(&cm, Value::Native(x) if x.has_method(n))
                    };
                    if !(has("__aenter__") && has("__aexit__")) {
                        return Err(type_error(format!(
                            "'{}' object does not support the asynchronous context manager protocol",
                            crate::ops::type_name(&cm)
                        )));
                    }
                    let (value, exit) = crate::aio::aenter(&co, &cm).await?;
                    entries.borrow_mut().push(AsyncEntry::AsyncExit(exit));
                    Ok(value)
                }))
            }
            "enter_context" => (|| {
                let cm = args.into_iter().next().unwrap_or_default();
                let (value, exit) = crate::ctx::enter(&cm)?;
                entries.borrow_mut().push(AsyncEntry::Sync(ExitEntry::Exit(exit)));
                Ok(value)
            })(),
            "push_async_exit" => {
                let exit = args.into_iter().next().unwrap_or_default();
                let bound = crate::attr::getattr(&exit, "__aexit__").unwrap_or_else(|_| exit.clone());
                entries.borrow_mut().push(AsyncEntry::AsyncExit(bound));
                Ok(exit)
            }
            "push" => {
                let exit = args.into_iter().next().unwrap_or_default();
                let bound = crate::attr::getattr(&exit, "__exit__").unwrap_or_else(|_| exit.clone());
                entries.borrow_mut().push(AsyncEntry::Sync(ExitEntry::Exit(bound)));
                Ok(exit)
            }
            "callback" | "push_async_callback" => {
                let mut it = args.into_iter();
                let f = it.next().unwrap_or_default();
                let entry = if name == "callback" {
                    AsyncEntry::Sync(ExitEntry::Callback(f.clone(), it.collect(), kw))
                } else {
                    AsyncEntry::AsyncCallback(f.clone(), it.collect(), kw)
                };
                entries.borrow_mut().push(entry);
                Ok(f)
            }
            "pop_all" => {
                let moved = std::mem::take(&mut *entries.borrow_mut());
                Ok(Value::native(AsyncExitStack { entries: Rc::new(RefCell::new(moved)) }))
            }
            _ => return None,
        })
    }
}

fn async_exit_stack(_args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Ok(Value::native(AsyncExitStack { entries: Rc::new(RefCell::new(Vec::new())) }))
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
    d.set_str("AsyncExitStack", f("AsyncExitStack", async_exit_stack));
    d.set_str("asynccontextmanager", f("asynccontextmanager", asynccontextmanager));
    d.set_str("aclosing", f("aclosing", aclosing));
    d.set_str("redirect_stdout", f("redirect_stdout", redirect_stdout));
    d
}
