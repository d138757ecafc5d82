//! Generators. A generator function's body is an `async` block, polled by
//! hand with a no-op waker: `yield v` is `co.yield_(v).await`, which parks
//! `v` in a slot shared with the driver and suspends; the driver puts the
//! resumption (a value sent in, or an exception thrown in) into the slot
//! and polls again. This gives stackless generators on stable Rust where
//! `try`/`finally` and `with` work across `yield` exactly as in the body's
//! own lowering, and where throwing into a generator is an ordinary raise
//! at the `yield`.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use crate::exc::{PyErr, PyResult, type_error};
use crate::func::Kwargs;
use crate::iter::PyIter;
use crate::native::{Native, downcast};
use crate::types::types;
use crate::value::Value;

/// How the driver resumes a suspended generator.
pub enum Resume {
    Send(Value),
    Throw(PyErr),
}

#[derive(Default)]
enum Slot {
    #[default]
    Empty,
    /// Set by the body at a `yield`.
    Yielded(Value),
    /// Set by the driver before polling.
    Resumed(Resume),
}

/// The generator body's handle on its driver.
#[derive(Clone, Default)]
pub struct Co {
    slot: Rc<std::cell::Cell<Slot>>,
}

impl Co {
    /// `yield value`: suspends and returns what the driver sends in.
    #[inline]
    pub fn yield_(&self, value: Value) -> YieldFuture<'_> {
        YieldFuture { co: self, value: Some(value) }
    }

    /// The resumption that started a body created with
    /// `Generator::coroutine_raw`.
    pub fn take_resume(&self) -> Resume {
        match self.slot.take() {
            Slot::Resumed(r) => r,
            _ => Resume::Send(Value::None),
        }
    }

    /// Like `yield_`, but hands back a thrown exception as a `Resume`
    /// instead of raising it (for `yield from`).
    pub fn yield_raw(&self, value: Value) -> YieldRawFuture<'_> {
        YieldRawFuture { co: self, value: Some(value) }
    }
}

/// Borrows the body's `Co` (an async block may hold a borrow of its own
/// local across `.await`), so a yield costs no reference count.
pub struct YieldFuture<'a> {
    co: &'a Co,
    value: Option<Value>,
}

impl Future for YieldFuture<'_> {
    type Output = PyResult<Value>;

    #[inline]
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<PyResult<Value>> {
        if let Some(v) = self.value.take() {
            self.co.slot.set(Slot::Yielded(v));
            return Poll::Pending;
        }
        match self.co.slot.take() {
            Slot::Resumed(Resume::Send(v)) => Poll::Ready(Ok(v)),
            Slot::Resumed(Resume::Throw(e)) => Poll::Ready(Err(e)),
            _ => Poll::Ready(Ok(Value::None)),
        }
    }
}

pub struct YieldRawFuture<'a> {
    co: &'a Co,
    value: Option<Value>,
}

impl Future for YieldRawFuture<'_> {
    type Output = Resume;

    #[inline]
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Resume> {
        if let Some(v) = self.value.take() {
            self.co.slot.set(Slot::Yielded(v));
            return Poll::Pending;
        }
        match self.co.slot.take() {
            Slot::Resumed(r) => Poll::Ready(r),
            _ => Poll::Ready(Resume::Send(Value::None)),
        }
    }
}

/// A generator body: an `async` block, or a resumable step function.
///
/// The step function is what the transpiler emits for a generator whose
/// every `yield` is a statement outside `try`, `with` and `match`: the body
/// flattened into a `match` on a resumption state, each call running to the
/// next `yield` (see `lower/resumable.rs`). Nothing in such a body can catch
/// an exception thrown in at a `yield`, and a `yield` statement discards
/// what is sent, so the driver handles both without calling it; a call then
/// costs one indirect call instead of a poll through `Co`'s slot.
enum Body {
    Future(Pin<Box<dyn Future<Output = PyResult<Value>>>>),
    Steps(Box<StepFn>),
}

/// One step of a flattened generator body: `Some` value yielded, or `None`
/// when the body is done, with its return value stored through the
/// argument. (A `PyResult<Option<Value>>` is two words and comes back in
/// registers; a `PyResult<Step>` goes through memory, and copying it cost
/// a store-forwarding stall on every resume.)
pub type StepFn = dyn FnMut(&mut Value) -> PyResult<Option<Value>>;

enum State {
    /// Not started, or suspended at a `yield`.
    Ready(Body),
    Running,
    Done,
}

/// The generator behind a native object, when it is a plain generator.
pub fn as_generator(n: &dyn Native) -> Option<&Generator> {
    let any: &dyn std::any::Any = n;
    any.downcast_ref::<Generator>().filter(|g| g.kind == Kind::Generator)
}

/// What one resumption of a generator produced.
pub enum Step {
    Yielded(Value),
    Returned(Value),
}

/// What a body driven by `Generator` is, in Python terms.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Generator,
    Coroutine,
    /// The inner body of an async generator (driven by `asyncgen.rs`).
    AsyncGenerator,
}

pub struct Generator {
    kind: Kind,
    name: String,
    qualname: String,
    co: Co,
    state: RefCell<State>,
    started: std::cell::Cell<bool>,
    /// The body reads its first resumption itself (`Co::take_resume`), so
    /// an exception thrown before the first step reaches it.
    raw_start: std::cell::Cell<bool>,
    /// Where the program dropped the coroutine's value, for the warning if
    /// it was never awaited.
    discarded_at: std::cell::Cell<Option<&'static crate::warnings::Location>>,
}

impl Generator {
    /// Creates the generator object for a generator function's body.
    #[allow(clippy::new_ret_no_self)]
    pub fn new<F>(name: &str, qualname: &str, body: impl FnOnce(Co) -> F) -> Value
    where
        F: Future<Output = PyResult<Value>> + 'static,
    {
        Generator::with_kind(Kind::Generator, name, qualname, body)
    }

    /// The coroutine object an `async def` returns.
    pub fn coroutine<F>(name: &str, qualname: &str, body: impl FnOnce(Co) -> F) -> Value
    where
        F: Future<Output = PyResult<Value>> + 'static,
    {
        Generator::with_kind(Kind::Coroutine, name, qualname, body)
    }

    /// A coroutine whose body sees its first resumption, even a throw
    /// (`Co::take_resume`), like CPython's asend/athrow awaitables.
    pub fn coroutine_raw<F>(name: &str, qualname: &str, body: impl FnOnce(Co) -> F) -> Value
    where
        F: Future<Output = PyResult<Value>> + 'static,
    {
        let v = Generator::with_kind(Kind::Coroutine, name, qualname, body);
        if let Some(g) = downcast::<Generator>(&v) {
            g.raw_start.set(true);
        }
        v
    }

    /// The async generator object an `async def` containing `yield`
    /// returns.
    pub fn async_generator<F>(name: &str, qualname: &str, body: impl FnOnce(Co) -> F) -> Value
    where
        F: Future<Output = PyResult<Value>> + 'static,
    {
        let inner = Generator::with_kind(Kind::AsyncGenerator, name, qualname, body);
        crate::asyncgen::AsyncGenerator::wrap(inner, name, qualname)
    }

    pub(crate) fn with_kind<F>(kind: Kind, name: &str, qualname: &str, body: impl FnOnce(Co) -> F) -> Value
    where
        F: Future<Output = PyResult<Value>> + 'static,
    {
        let co = Co::default();
        let fut = Body::Future(Box::pin(body(co.clone())));
        Generator::with_body(kind, name, qualname, co, fut)
    }

    /// Creates the generator object for a generator function whose body
    /// was flattened into a step function (see [`Body`]).
    pub fn steps(
        name: &str,
        qualname: &str,
        step: impl FnMut(&mut Value) -> PyResult<Option<Value>> + 'static,
    ) -> Value {
        Generator::with_body(Kind::Generator, name, qualname, Co::default(), Body::Steps(Box::new(step)))
    }

    fn with_body(kind: Kind, name: &str, qualname: &str, co: Co, body: Body) -> Value {
        Value::native(Generator {
            kind,
            name: name.to_string(),
            qualname: qualname.to_string(),
            co,
            state: RefCell::new(State::Ready(body)),
            started: std::cell::Cell::new(false),
            discarded_at: std::cell::Cell::new(None),
            raw_start: std::cell::Cell::new(false),
        })
    }

    /// `next(gen)`: the next value, `None` when the generator returns.
    #[inline]
    pub fn next_item(&self) -> PyResult<Option<Value>> {
        if self.started.get()
            && let Some(r) = self.next_step()
        {
            return r;
        }
        match self.resume(Resume::Send(Value::None)) {
            Ok(Step::Yielded(v)) => Ok(Some(v)),
            Ok(Step::Returned(_)) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `next()` on a started generator with a step body: `resume` without
    /// the cases that cannot arise, returning in registers. `None` when the
    /// body is something else (or running), for `resume` to handle.
    #[inline]
    fn next_step(&self) -> Option<PyResult<Option<Value>>> {
        if !matches!(*self.state.borrow(), State::Ready(Body::Steps(_))) {
            return None;
        }
        let _frame = match crate::scope::enter() {
            Ok(f) => f,
            Err(e) => return Some(Err(e)),
        };
        let State::Ready(Body::Steps(step)) = std::mem::replace(&mut *self.state.borrow_mut(), State::Running) else {
            return None;
        };
        Some(self.run_step(step, &mut Value::None))
    }

    /// Runs a step body once and settles the state: ready again when it
    /// yielded, done otherwise (with what a `return` stored in `returned`).
    /// The result stays two words, so it comes back in registers.
    #[inline]
    fn run_step(&self, mut step: Box<StepFn>, returned: &mut Value) -> PyResult<Option<Value>> {
        let r = step(returned);
        *self.state.borrow_mut() = match r {
            Ok(Some(_)) => State::Ready(Body::Steps(step)),
            _ => State::Done,
        };
        r.map_err(|e| self.escaped(e))
    }

    /// Resumes the body once. Inlined so that `next_item`, the hot path,
    /// never materialises the `Step`.
    #[inline]
    pub fn resume(&self, how: Resume) -> PyResult<Step> {
        // A running generator is a frame on the stack, as in CPython: deep
        // `yield from` chains hit the recursion limit too.
        let _frame = crate::scope::enter()?;
        let previous = std::mem::replace(&mut *self.state.borrow_mut(), State::Running);
        let body = match previous {
            State::Ready(b) => b,
            State::Running => return Err(crate::exc::value_error("generator already executing")),
            State::Done => {
                *self.state.borrow_mut() = State::Done;
                return match how {
                    Resume::Send(_) => Ok(Step::Returned(Value::None)),
                    Resume::Throw(e) => Err(e),
                };
            }
        };
        let first = !self.started.replace(true);
        if first && !self.raw_start.get() {
            if let Resume::Send(v) = &how
                && !v.is_none()
            {
                *self.state.borrow_mut() = State::Ready(body);
                self.started.set(false);
                return Err(type_error(format!("can't send non-None value to a just-started {}", self.what())));
            }
            if let Resume::Throw(e) = how {
                // Throwing into an unstarted generator raises at its start.
                *self.state.borrow_mut() = State::Done;
                return Err(e);
            }
        }
        let fut = match body {
            Body::Future(fut) => fut,
            // Nothing in a step body catches what is thrown in.
            Body::Steps(_) if let Resume::Throw(e) = how => {
                *self.state.borrow_mut() = State::Done;
                return Err(self.escaped(e));
            }
            Body::Steps(step) => {
                let mut returned = Value::None;
                return match self.run_step(step, &mut returned)? {
                    Some(v) => Ok(Step::Yielded(v)),
                    None => Ok(Step::Returned(returned)),
                };
            }
        };
        match self.poll(fut, first, how) {
            (Ok(Step::Yielded(v)), Some(body)) => {
                *self.state.borrow_mut() = State::Ready(body);
                Ok(Step::Yielded(v))
            }
            (outcome, _) => {
                *self.state.borrow_mut() = State::Done;
                outcome.map_err(|e| self.escaped(e))
            }
        }
    }

    /// The exception a body raised, as its caller sees it: a
    /// `StopIteration` leaving a generator is a `RuntimeError`.
    fn escaped(&self, e: PyErr) -> PyErr {
        if e.is_instance(&types().stop_iteration) {
            return crate::exc::runtime_error(format!("{} raised StopIteration", self.what())).with_cause(&e);
        }
        if self.kind == Kind::AsyncGenerator && e.is_instance(&types().by_name["StopAsyncIteration"]) {
            return crate::exc::runtime_error("async generator raised StopAsyncIteration").with_cause(&e);
        }
        e
    }

    /// Polls an `async` body once: what it produced, and the body to keep
    /// when it suspended.
    #[inline]
    fn poll(
        &self,
        mut fut: Pin<Box<dyn Future<Output = PyResult<Value>>>>,
        first: bool,
        how: Resume,
    ) -> (PyResult<Step>, Option<Body>) {
        // The slot is empty here, which the body reads as `send(None)`:
        // `next()` writes nothing. A raw-start body reads its first
        // resumption, whatever it is.
        if (first && self.raw_start.get()) || (!first && !matches!(how, Resume::Send(Value::None))) {
            self.co.slot.set(Slot::Resumed(how));
        }
        let mut cx = Context::from_waker(Waker::noop());
        match fut.as_mut().poll(&mut cx) {
            Poll::Pending => {
                let yielded = match self.co.slot.take() {
                    Slot::Yielded(v) => v,
                    _ => Value::None,
                };
                (Ok(Step::Yielded(yielded)), Some(Body::Future(fut)))
            }
            Poll::Ready(r) => (r.map(Step::Returned), None),
        }
    }

    /// `gen.send(v)`: the next yielded value, or `StopIteration(result)`.
    pub fn send(&self, v: Value) -> PyResult<Value> {
        match self.resume(Resume::Send(v))? {
            Step::Yielded(y) => Ok(y),
            Step::Returned(r) => Err(stop_with(r)),
        }
    }

    /// `gen.throw(exc)`.
    pub fn throw(&self, exc: PyErr) -> PyResult<Value> {
        match self.resume(Resume::Throw(exc))? {
            Step::Yielded(y) => Ok(y),
            Step::Returned(r) => Err(stop_with(r)),
        }
    }

    /// `gen.close()`: throws `GeneratorExit` at the suspension point.
    pub fn close(&self) -> PyResult<()> {
        if !self.started.get() || matches!(*self.state.borrow(), State::Done) {
            *self.state.borrow_mut() = State::Done;
            return Ok(());
        }
        let exit = PyErr::with_args(&types().generator_exit, vec![]);
        match self.resume(Resume::Throw(exit)) {
            Ok(Step::Yielded(_)) => Err(crate::exc::runtime_error("generator ignored GeneratorExit")),
            Ok(Step::Returned(_)) => Ok(()),
            Err(e) if e.is_instance(&types().generator_exit) || e.is_instance(&types().stop_iteration) => Ok(()),
            Err(e) => Err(e),
        }
    }

    fn what(&self) -> &'static str {
        match self.kind {
            Kind::Generator => "generator",
            Kind::Coroutine => "coroutine",
            Kind::AsyncGenerator => "async generator",
        }
    }

    pub fn is_started(&self) -> bool {
        self.started.get()
    }

    pub fn qualname(&self) -> &str {
        &self.qualname
    }

    pub fn kind(&self) -> Kind {
        self.kind
    }

    pub fn is_done(&self) -> bool {
        matches!(*self.state.borrow(), State::Done)
    }

    pub fn is_suspended(&self) -> bool {
        self.started.get() && matches!(*self.state.borrow(), State::Ready(_))
    }
}

/// `StopIteration(value)` for a generator that returned `value`.
fn stop_with(v: Value) -> PyErr {
    if v.is_none() { crate::exc::stop_iteration(None) } else { crate::exc::stop_iteration(Some(v)) }
}

/// A call's value that an expression statement drops: a coroutine in it
/// that was never awaited warns at this line (the common forgotten
/// `await`), as CPython's does.
pub fn discard(v: Value, at: &'static crate::warnings::Location) {
    if let Some(g) = downcast::<Generator>(&v) {
        g.discarded_at.set(Some(at));
    }
}

impl Drop for Generator {
    /// A suspended generator that is garbage collected is closed, so its
    /// `finally` blocks run, as CPython's finalizer does; a coroutine that
    /// never ran warns.
    fn drop(&mut self) {
        let unstarted = !self.started.get() && matches!(*self.state.borrow(), State::Ready(_));
        if self.kind == Kind::Coroutine && unstarted && !self.raw_start.get() {
            crate::warnings::never_awaited(&self.qualname, self.discarded_at.get());
        }
        if self.is_suspended()
            && let Err(e) = self.close()
        {
            crate::io::write_stderr(&format!(
                "Exception ignored in: <{} object {} at {:#x}>\n{}\n",
                self.type_name(),
                self.qualname,
                self as *const Generator as usize,
                crate::fmt::exception_line(&e)
            ));
        }
    }
}

/// The exception `gen.throw(typ[, val])` and `agen.athrow(...)` raise at
/// the suspension point: an instance, or a class called with the value.
pub(crate) fn thrown(args: Vec<Value>) -> PyResult<PyErr> {
    let mut it = args.into_iter();
    let exc = it.next().unwrap_or_default();
    match (exc, it.next()) {
        (cls @ Value::Class(_), Some(v)) if !v.is_none() => {
            crate::raise::raise(crate::call::call(&cls, vec![v], vec![])?)
        }
        (e, _) => crate::raise::raise(e),
    }
}

impl Native for Generator {
    fn type_name(&self) -> &'static str {
        match self.kind {
            Kind::Generator => "generator",
            Kind::Coroutine => "coroutine",
            Kind::AsyncGenerator => "async_generator",
        }
    }

    fn is_iterator(&self) -> bool {
        self.kind == Kind::Generator
    }

    fn next(&self) -> Option<PyResult<Option<Value>>> {
        if self.kind != Kind::Generator {
            return None;
        }
        Some(self.next_item())
    }

    fn repr(&self, this: &Value) -> PyResult<String> {
        Ok(format!("<{} object {} at {:#x}>", self.type_name(), self.qualname, this.identity()))
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        match name {
            "__name__" => Some(Ok(Value::str(self.name.as_str()))),
            "__qualname__" => Some(Ok(Value::str(self.qualname.as_str()))),
            "gi_running" => Some(Ok(Value::Bool(matches!(*self.state.borrow(), State::Running)))),
            _ => None,
        }
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "send" | "throw" | "close" | "__next__" | "__iter__")
    }

    fn call_method(&self, this: &Value, name: &str, args: Vec<Value>, _kw: Kwargs) -> Option<PyResult<Value>> {
        Some(match name {
            "send" => self.send(args.into_iter().next().unwrap_or_default()),
            "throw" => thrown(args).and_then(|err| self.throw(err)),
            "close" => self.close().map(|_| Value::None),
            "__next__" => match self.next() {
                Some(Ok(Some(v))) => Ok(v),
                Some(Ok(None)) => Err(crate::exc::stop_iteration(None)),
                Some(Err(e)) => Err(e),
                None => Ok(Value::None),
            },
            "__iter__" => Ok(this.clone()),
            _ => return None,
        })
    }
}

/// `yield from iterable` inside a generator body: delegates `send`,
/// `throw` and `close` to a sub-generator and returns its return value.
pub async fn yield_from(co: &Co, iterable: Value) -> PyResult<Value> {
    // Coroutines are not iterable but are delegated to the same way.
    let it = if downcast::<Generator>(&iterable).is_some() { iterable } else { crate::iter::iter_value(&iterable)? };
    if let Some(sub) = downcast::<Generator>(&it) {
        let mut how = Resume::Send(Value::None);
        loop {
            match sub.resume(how)? {
                Step::Returned(v) => return Ok(v),
                Step::Yielded(v) => {
                    how = match co.yield_raw(v).await {
                        Resume::Throw(e) if e.is_instance(&types().generator_exit) => {
                            sub.close()?;
                            return Err(e);
                        }
                        other => other,
                    };
                }
            }
        }
    }
    let mut iter = PyIter::Object(it);
    while let Some(v) = iter.next()? {
        match co.yield_raw(v).await {
            Resume::Send(_) => {}
            Resume::Throw(e) => return Err(e),
        }
    }
    Ok(Value::None)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A step body yielding 0, 1, 2 and returning "done".
    fn counting() -> Value {
        let mut i = 0;
        Generator::steps("count", "count", move |returned: &mut Value| {
            if i < 3 {
                i += 1;
                return Ok(Some(Value::Int(i - 1)));
            }
            *returned = Value::str("done");
            Ok(None)
        })
    }

    fn as_gen(v: &Value) -> &Generator {
        downcast::<Generator>(v).expect("a generator")
    }

    #[test]
    fn step_bodies_yield_then_return() {
        let v = counting();
        let g = as_gen(&v);
        assert!(!g.is_started());
        assert!(matches!(g.next_item(), Ok(Some(Value::Int(0)))));
        // A sent value is dropped: a yield statement has no use for it.
        assert!(matches!(g.send(Value::Int(9)), Ok(Value::Int(1))));
        assert!(matches!(g.resume(Resume::Send(Value::None)), Ok(Step::Yielded(Value::Int(2)))));
        match g.resume(Resume::Send(Value::None)) {
            Ok(Step::Returned(r)) => assert_eq!(crate::fmt::repr(&r).ok().as_deref(), Some("'done'")),
            _ => panic!("expected the return value"),
        }
        assert!(g.is_done());
        assert!(matches!(g.next_item(), Ok(None)));
    }

    #[test]
    fn step_bodies_refuse_a_first_send_and_end_on_throw() {
        let v = counting();
        let g = as_gen(&v);
        assert!(g.send(Value::Int(1)).is_err());
        // The refused send left it unstarted: it starts from the top.
        assert!(!g.is_started());
        assert!(matches!(g.next_item(), Ok(Some(Value::Int(0)))));
        let thrown = crate::exc::value_error("in");
        assert!(g.throw(thrown).is_err_and(|e| e.is_instance(&types().value_error)));
        assert!(g.is_done());
        assert!(g.close().is_ok());
    }
}
