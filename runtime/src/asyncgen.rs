//! Async generators. The body of an `async def` containing `yield` is a
//! `Generator` of kind `AsyncGenerator`, suspended by two kinds of yield:
//! an `await` hands a future (or a bare `None`) up to the task, as in a
//! coroutine; a Python `yield v` hands up `Wrapped(v)`, like CPython's
//! `_PyAsyncGenWrappedValue`. `__anext__`/`asend`/`athrow`/`aclose` return
//! awaitables (coroutines here) that resume the body, pass the awaits
//! through to the task and finish with the next wrapped value.

use std::cell::Cell;

use crate::exc::{PyErr, PyResult, runtime_error};
use crate::func::Kwargs;
use crate::generator::{Co, Generator, Resume, Step};
use crate::native::{Native, downcast};
use crate::types::types;
use crate::value::Value;

/// A value produced by `yield` inside an async generator body.
struct Wrapped(Value);

impl Native for Wrapped {
    fn type_name(&self) -> &'static str {
        "async_generator_wrapped_value"
    }
}

/// `yield v` inside an async generator body: suspends until the next
/// `asend`/`athrow` and returns the value sent in.
pub async fn agen_yield(co: &Co, v: Value) -> PyResult<Value> {
    co.yield_(Value::native(Wrapped(v))).await
}

fn stop_async_iteration() -> PyErr {
    PyErr::with_args(&types().by_name["StopAsyncIteration"], vec![])
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Send,
    Throw,
    Close,
}

/// The awaitable `asend(v)`, `athrow(e)` or `aclose()` returns.
fn step_awaitable(inner: Value, first: Resume, mode: Mode, flag: std::rc::Rc<Cell<bool>>) -> Value {
    let name = match mode {
        Mode::Send => "async_generator_asend",
        Mode::Throw | Mode::Close => "async_generator_athrow",
    };
    Generator::coroutine_raw(name, name, move |co| async move {
        // CPython's awaitable in its INIT state: a throw goes straight into
        // the generator; the first send performs the requested action.
        let mut first = Some(first);
        let mut how = match co.take_resume() {
            Resume::Throw(e) => Some(Resume::Throw(e)),
            Resume::Send(_) => None,
        };
        let Some(g) = downcast::<Generator>(&inner) else { return Ok(Value::None) };
        if flag.get() {
            return Err(runtime_error(match mode {
                Mode::Send => "anext(): asynchronous generator is already running",
                Mode::Throw => "athrow(): asynchronous generator is already running",
                Mode::Close => "aclose(): asynchronous generator is already running",
            }));
        }
        if how.is_none() && mode == Mode::Close && (!g.is_started() || g.is_done()) {
            let _ = g.close();
            return Ok(Value::None);
        }
        flag.set(true);
        let out = loop {
            let step = match how.take() {
                Some(h) => h,
                None => first.take().unwrap_or(Resume::Send(Value::None)),
            };
            match g.resume(step) {
                Ok(Step::Yielded(y)) => {
                    if let Some(w) = downcast::<Wrapped>(&y) {
                        if mode == Mode::Close {
                            break Err(runtime_error("async generator ignored GeneratorExit"));
                        }
                        break Ok(w.0.clone());
                    }
                    // An `await` in the body: the task handles it.
                    let r = co.yield_raw(y).await;
                    // Closing the awaitable itself leaves the generator
                    // alone, as CPython's `athrow.close()` does.
                    if let Resume::Throw(e) = &r
                        && e.is_instance(&types().generator_exit)
                    {
                        break Err(e.clone());
                    }
                    how = match r {
                        // Still in the INIT state after an early throw.
                        Resume::Send(_) if first.is_some() => None,
                        other => Some(other),
                    };
                }
                Ok(Step::Returned(_)) => {
                    break if mode == Mode::Close { Ok(Value::None) } else { Err(stop_async_iteration()) };
                }
                Err(e)
                    if mode == Mode::Close
                        && (e.is_instance(&types().generator_exit)
                            || e.is_instance(&types().by_name["StopAsyncIteration"])) =>
                {
                    break Ok(Value::None);
                }
                Err(e) => break Err(e),
            }
        };
        flag.set(false);
        out
    })
}

/// An async generator object.
pub struct AsyncGenerator {
    inner: Value,
    name: String,
    qualname: String,
    running: std::rc::Rc<Cell<bool>>,
    hooked: Cell<bool>,
}

impl AsyncGenerator {
    pub fn is_suspended(&self) -> bool {
        self.body().is_some_and(|g| g.is_suspended())
    }

    /// The first `asend`/`athrow`/`aclose` registers the generator with
    /// the running loop (asyncio's firstiter hook).
    fn first_iter(&self, this: &Value) {
        if !self.hooked.get()
            && let Ok(lp) = crate::aio::running_loop_pub()
        {
            self.hooked.set(true);
            lp.register_asyncgen(this);
        }
    }

    pub fn wrap(inner: Value, name: &str, qualname: &str) -> Value {
        Value::native(AsyncGenerator {
            inner,
            name: name.to_string(),
            qualname: qualname.to_string(),
            running: Default::default(),
            hooked: Cell::new(false),
        })
    }

    fn body(&self) -> Option<&Generator> {
        downcast::<Generator>(&self.inner)
    }

    pub fn asend(&self, v: Value) -> Value {
        step_awaitable(self.inner.clone(), Resume::Send(v), Mode::Send, self.running.clone())
    }

    pub fn athrow(&self, e: PyErr) -> Value {
        step_awaitable(self.inner.clone(), Resume::Throw(e), Mode::Throw, self.running.clone())
    }

    pub fn aclose(&self) -> Value {
        let exit = PyErr::with_args(&types().generator_exit, vec![]);
        step_awaitable(self.inner.clone(), Resume::Throw(exit), Mode::Close, self.running.clone())
    }
}

impl Drop for AsyncGenerator {
    /// A suspended async generator that is garbage collected while a loop
    /// runs is closed by a task, as asyncio's finalizer hook does
    /// (`call_soon_threadsafe(create_task, agen.aclose())`).
    fn drop(&mut self) {
        if !self.is_suspended() || !self.hooked.get() {
            return;
        }
        if let Ok(lp) = crate::aio::running_loop_pub() {
            let closer = self.aclose();
            lp.call_soon(Box::new(move || crate::aio::create_task(closer, None).map(drop)));
        }
        // Otherwise the inner generator closes itself when dropped.
    }
}

impl Native for AsyncGenerator {
    fn type_name(&self) -> &'static str {
        "async_generator"
    }

    fn repr(&self, this: &Value) -> PyResult<String> {
        Ok(format!("<async_generator object {} at {:#x}>", self.qualname, this.identity()))
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        match name {
            "__name__" => Some(Ok(Value::str(self.name.as_str()))),
            "__qualname__" => Some(Ok(Value::str(self.qualname.as_str()))),
            "ag_running" => Some(Ok(Value::Bool(self.running.get()))),
            _ => None,
        }
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "__aiter__" | "__anext__" | "asend" | "athrow" | "aclose")
    }

    fn call_method(&self, this: &Value, name: &str, args: Vec<Value>, _kw: Kwargs) -> Option<PyResult<Value>> {
        if matches!(name, "__anext__" | "asend" | "athrow" | "aclose") {
            self.first_iter(this);
        }
        Some(match name {
            "__aiter__" => Ok(this.clone()),
            "__anext__" => Ok(self.asend(Value::None)),
            "asend" => Ok(self.asend(args.into_iter().next().unwrap_or_default())),
            "athrow" => crate::generator::thrown(args).map(|err| self.athrow(err)),
            "aclose" => Ok(self.aclose()),
            _ => return None,
        })
    }
}
