//! asyncio's synchronisation primitives and timeouts, following CPython
//! 3.12's `asyncio/queues.py`, `locks.py` and `timeouts.py` step by step
//! (which future is woken, and when, decides the output order).

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use crate::aio::{self, Future};
use crate::exc::{PyErr, PyResult, type_error};
use crate::func::{BuiltinFunction, Kwargs};
use crate::generator::Generator;
use crate::native::{Native, downcast};
use crate::value::Value;

fn fut_done(f: &Value) -> bool {
    downcast::<Future>(f).is_none_or(Future::done)
}

fn fut_cancelled(f: &Value) -> bool {
    downcast::<Future>(f).is_some_and(Future::cancelled)
}

/// Wakes the first waiter that is not done yet (`_wakeup_next`).
fn wakeup_next(waiters: &RefCell<VecDeque<Value>>) -> PyResult<()> {
    loop {
        let w = waiters.borrow_mut().pop_front();
        let Some(w) = w else { return Ok(()) };
        if !fut_done(&w) {
            return aio::set_result(&w, Value::None);
        }
    }
}

fn remove(waiters: &RefCell<VecDeque<Value>>, f: &Value) {
    let mut w = waiters.borrow_mut();
    if let Some(i) = w.iter().position(|x| x.is(f)) {
        w.remove(i);
    }
}

// ------------------------------------------------------------------- Queue

struct QueueState {
    items: RefCell<VecDeque<Value>>,
    maxsize: usize,
    getters: RefCell<VecDeque<Value>>,
    putters: RefCell<VecDeque<Value>>,
    unfinished: Cell<usize>,
    finished: Value,
}

/// `asyncio.Queue(maxsize=0)`.
pub struct Queue {
    s: Rc<QueueState>,
}

fn queue_class_error(name: &str) -> PyErr {
    PyErr::new(&aio_exception(name), "")
}

fn aio_exception(name: &str) -> Rc<crate::class::Class> {
    let m = crate::modules::import("asyncio").ok();
    match m.and_then(|m| crate::attr::getattr(&m, name).ok()) {
        Some(Value::Class(c)) => c,
        _ => crate::types::types().exception.clone(),
    }
}

impl QueueState {
    fn full(&self) -> bool {
        self.maxsize > 0 && self.items.borrow().len() >= self.maxsize
    }

    fn put_nowait(&self, item: Value) -> PyResult<()> {
        if self.full() {
            return Err(queue_class_error("QueueFull"));
        }
        self.items.borrow_mut().push_back(item);
        self.unfinished.set(self.unfinished.get() + 1);
        event_clear(&self.finished);
        wakeup_next(&self.getters)
    }

    fn get_nowait(&self) -> PyResult<Value> {
        let item = self.items.borrow_mut().pop_front();
        let Some(item) = item else { return Err(queue_class_error("QueueEmpty")) };
        wakeup_next(&self.putters)?;
        Ok(item)
    }
}

/// Awaits a fresh future parked in `waiters`, cleaning up on failure as
/// CPython's `get`/`put` do.
async fn park(co: &crate::generator::Co, waiters: &RefCell<VecDeque<Value>>) -> PyResult<Value> {
    let f = aio::new_future();
    waiters.borrow_mut().push_back(f.clone());
    match aio::await_(co, f.clone()).await {
        Ok(v) => Ok(v),
        Err(e) => {
            let _ = aio::cancel(&f, None);
            remove(waiters, &f);
            Err(e)
        }
    }
}

impl Native for Queue {
    fn type_name(&self) -> &'static str {
        "Queue"
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "put" | "get" | "put_nowait" | "get_nowait" | "qsize" | "empty" | "full" | "task_done" | "join")
    }

    fn call_method(&self, _this: &Value, name: &str, args: Vec<Value>, _kw: Kwargs) -> Option<PyResult<Value>> {
        let s = self.s.clone();
        let arg = args.into_iter().next().unwrap_or_default();
        Some(match name {
            "put_nowait" => s.put_nowait(arg).map(|_| Value::None),
            "get_nowait" => s.get_nowait(),
            "qsize" => Ok(Value::Int(s.items.borrow().len() as i64)),
            "empty" => Ok(Value::Bool(s.items.borrow().is_empty())),
            "full" => Ok(Value::Bool(s.full())),
            "task_done" => {
                if s.unfinished.get() == 0 {
                    return Some(Err(crate::exc::value_error("task_done() called too many times")));
                }
                s.unfinished.set(s.unfinished.get() - 1);
                if s.unfinished.get() == 0 {
                    return Some(event_set(&s.finished).map(|_| Value::None));
                }
                Ok(Value::None)
            }
            "put" => Ok(Generator::coroutine("put", "Queue.put", move |co| async move {
                while s.full() {
                    if let Err(e) = park(&co, &s.putters).await {
                        if !s.full() {
                            wakeup_next(&s.putters)?;
                        }
                        return Err(e);
                    }
                }
                s.put_nowait(arg).map(|_| Value::None)
            })),
            "get" => Ok(Generator::coroutine("get", "Queue.get", move |co| async move {
                while s.items.borrow().is_empty() {
                    if let Err(e) = park(&co, &s.getters).await {
                        if !s.items.borrow().is_empty() {
                            wakeup_next(&s.getters)?;
                        }
                        return Err(e);
                    }
                }
                s.get_nowait()
            })),
            "join" => Ok(Generator::coroutine("join", "Queue.join", move |co| async move {
                if s.unfinished.get() > 0 {
                    let w = event_wait(&s.finished);
                    aio::await_(&co, w).await?;
                }
                Ok(Value::None)
            })),
            _ => return None,
        })
    }
}

pub(crate) fn queue_new(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let mut maxsize = args.first().cloned().unwrap_or(Value::Int(0));
    for (k, v) in kw {
        if k.as_str() == "maxsize" {
            maxsize = v;
        }
    }
    let n = crate::ops::index_of(&maxsize, "maxsize")?.max(0) as usize;
    Ok(Value::native(Queue {
        s: Rc::new(QueueState {
            items: RefCell::new(VecDeque::new()),
            maxsize: n,
            getters: RefCell::new(VecDeque::new()),
            putters: RefCell::new(VecDeque::new()),
            unfinished: Cell::new(0),
            finished: event_new(vec![], vec![])?,
        }),
    }))
}

// ------------------------------------------------------------------- Event

/// `asyncio.Event()`.
pub struct Event {
    value: Cell<bool>,
    waiters: RefCell<VecDeque<Value>>,
}

fn event_new(_a: Vec<Value>, _k: Kwargs) -> PyResult<Value> {
    Ok(Value::native(Event { value: Cell::new(false), waiters: RefCell::new(VecDeque::new()) }))
}

fn event_set(ev: &Value) -> PyResult<()> {
    let Some(e) = downcast::<Event>(ev) else { return Ok(()) };
    if !e.value.get() {
        e.value.set(true);
        let ws: Vec<Value> = e.waiters.borrow().iter().cloned().collect();
        for w in ws {
            if !fut_done(&w) {
                aio::set_result(&w, Value::Bool(true))?;
            }
        }
    }
    Ok(())
}

fn event_clear(ev: &Value) {
    if let Some(e) = downcast::<Event>(ev) {
        e.value.set(false);
    }
}

fn event_wait(ev: &Value) -> Value {
    let ev = ev.clone();
    Generator::coroutine("wait", "Event.wait", move |co| async move {
        let Some(e) = downcast::<Event>(&ev) else { return Ok(Value::Bool(true)) };
        if e.value.get() {
            return Ok(Value::Bool(true));
        }
        let f = aio::new_future();
        e.waiters.borrow_mut().push_back(f.clone());
        let r = aio::await_(&co, f.clone()).await;
        remove(&e.waiters, &f);
        r.map(|_| Value::Bool(true))
    })
}

impl Native for Event {
    fn type_name(&self) -> &'static str {
        "Event"
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "set" | "clear" | "is_set" | "wait")
    }

    fn call_method(&self, this: &Value, name: &str, _args: Vec<Value>, _kw: Kwargs) -> Option<PyResult<Value>> {
        Some(match name {
            "set" => event_set(this).map(|_| Value::None),
            "clear" => {
                event_clear(this);
                Ok(Value::None)
            }
            "is_set" => Ok(Value::Bool(self.value.get())),
            "wait" => Ok(event_wait(this)),
            _ => return None,
        })
    }
}

// ----------------------------------------------------------- Lock, Semaphore

/// `asyncio.Lock()` and `asyncio.Semaphore(n)` (a lock is not a semaphore
/// in CPython, but shares the waiter discipline used here).
pub struct Semaphore {
    lock: bool,
    value: Cell<i64>,
    waiters: RefCell<VecDeque<Value>>,
}

impl Semaphore {
    fn locked(&self) -> bool {
        if self.lock {
            return self.value.get() == 0;
        }
        self.value.get() == 0 || self.waiters.borrow().iter().any(|w| !fut_cancelled(w))
    }

    fn wake_up_next(&self) -> PyResult<bool> {
        let ws: Vec<Value> = self.waiters.borrow().iter().cloned().collect();
        for w in ws {
            if !fut_done(&w) {
                if !self.lock {
                    self.value.set(self.value.get() - 1);
                }
                aio::set_result(&w, Value::Bool(true))?;
                return Ok(true);
            }
        }
        Ok(false)
    }

    fn release(&self) -> PyResult<()> {
        if self.lock {
            if self.value.get() != 0 {
                return Err(crate::exc::runtime_error("Lock is not acquired."));
            }
            self.value.set(1);
            self.wake_up_next().map(drop)
        } else {
            self.value.set(self.value.get() + 1);
            self.wake_up_next().map(drop)
        }
    }
}

fn acquire(this: Value) -> Value {
    Generator::coroutine("acquire", "Lock.acquire", move |co| async move {
        let Some(s) = downcast::<Semaphore>(&this) else { return Ok(Value::Bool(true)) };
        let free =
            if s.lock { s.value.get() == 1 && s.waiters.borrow().iter().all(fut_cancelled) } else { !s.locked() };
        if free {
            s.value.set(s.value.get() - 1);
            return Ok(Value::Bool(true));
        }
        let f = aio::new_future();
        s.waiters.borrow_mut().push_back(f.clone());
        let r = aio::await_(&co, f.clone()).await;
        remove(&s.waiters, &f);
        if let Err(e) = r {
            if s.lock && s.value.get() == 1 {
                s.wake_up_next()?;
            }
            if !s.lock && fut_done(&f) && !fut_cancelled(&f) {
                s.value.set(s.value.get() + 1);
            }
            return Err(e);
        }
        if s.lock {
            s.value.set(0);
        } else {
            while s.value.get() > 0 {
                if !s.wake_up_next()? {
                    break;
                }
            }
        }
        Ok(Value::Bool(true))
    })
}

impl Native for Semaphore {
    fn type_name(&self) -> &'static str {
        if self.lock { "Lock" } else { "Semaphore" }
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "acquire" | "release" | "locked" | "__aenter__" | "__aexit__")
    }

    fn call_method(&self, this: &Value, name: &str, _args: Vec<Value>, _kw: Kwargs) -> Option<PyResult<Value>> {
        Some(match name {
            "acquire" | "__aenter__" => {
                let c = acquire(this.clone());
                if name == "acquire" {
                    return Some(Ok(c));
                }
                // `async with lock` returns None from __aenter__.
                let inner = c;
                Ok(Generator::coroutine("__aenter__", "Lock.__aenter__", move |co| async move {
                    aio::await_(&co, inner).await?;
                    Ok(Value::None)
                }))
            }
            "release" => self.release().map(|_| Value::None),
            "__aexit__" => {
                let r = self.release();
                Ok(Generator::coroutine(
                    "__aexit__",
                    "Lock.__aexit__",
                    move |_co| async move { r.map(|_| Value::None) },
                ))
            }
            "locked" => Ok(Value::Bool(self.locked())),
            _ => return None,
        })
    }
}

fn lock_new(_a: Vec<Value>, _k: Kwargs) -> PyResult<Value> {
    Ok(Value::native(Semaphore { lock: true, value: Cell::new(1), waiters: RefCell::new(VecDeque::new()) }))
}

fn semaphore_new(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let mut v = args.first().cloned().unwrap_or(Value::Int(1));
    for (k, x) in kw {
        if k.as_str() == "value" {
            v = x;
        }
    }
    let n = crate::ops::index_of(&v, "value")?;
    if n < 0 {
        return Err(crate::exc::value_error("Semaphore initial value must be >= 0"));
    }
    Ok(Value::native(Semaphore { lock: false, value: Cell::new(n), waiters: RefCell::new(VecDeque::new()) }))
}

// ---------------------------------------------------------------- timeouts

/// `asyncio.timeout(delay)`: cancels the current task at the deadline and
/// turns that cancellation into `TimeoutError` on the way out.
pub struct Timeout {
    delay: Option<f64>,
    task: RefCell<Value>,
    cancelling: Cell<i64>,
    handle: Cell<Option<u64>>,
    expiring: Rc<Cell<bool>>,
}

impl Native for Timeout {
    fn type_name(&self) -> &'static str {
        "Timeout"
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "__aenter__" | "__aexit__")
    }

    fn call_method(&self, this: &Value, name: &str, args: Vec<Value>, _kw: Kwargs) -> Option<PyResult<Value>> {
        let me = this.clone();
        Some(match name {
            "__aenter__" => (|| {
                let lp = aio::running_loop_pub()?;
                let task = lp
                    .current_task_value()
                    .ok_or_else(|| crate::exc::runtime_error("Timeout should be used inside a task"))?;
                let cancelling = crate::call::call_method(&task, "cancelling", vec![], vec![])?;
                self.cancelling.set(crate::ops::index_of(&cancelling, "cancelling")?);
                *self.task.borrow_mut() = task.clone();
                if let Some(d) = self.delay {
                    let expiring = self.expiring.clone();
                    let t = task.clone();
                    let cb: Box<dyn FnOnce() -> PyResult<()>> = Box::new(move || {
                        aio::cancel(&t, None)?;
                        expiring.set(true);
                        Ok(())
                    });
                    let h = if d <= 0.0 { lp.call_soon_id(cb) } else { lp.call_later(d, cb) };
                    self.handle.set(Some(h));
                }
                Ok(Generator::coroutine("__aenter__", "Timeout.__aenter__", move |_co| async move { Ok(me) }))
            })(),
            "__aexit__" => (|| {
                let lp = aio::running_loop_pub()?;
                if let Some(h) = self.handle.take() {
                    lp.cancel_timer(h);
                }
                let mut result: PyResult<Value> = Ok(Value::None);
                if self.expiring.get() {
                    let task = self.task.borrow().clone();
                    let left = crate::call::call_method(&task, "uncancel", vec![], vec![])?;
                    let left = crate::ops::index_of(&left, "uncancel")?;
                    let is_cancel =
                        matches!(args.first(), Some(Value::Class(c)) if c.name().as_str() == "CancelledError");
                    if left <= self.cancelling.get() && is_cancel {
                        let exc = args.get(1).cloned().unwrap_or_default();
                        let err = crate::raise::raise_from(
                            Value::Class(crate::types::types().by_name["TimeoutError"].clone()),
                            exc,
                        )?;
                        result = Err(err);
                    }
                }
                Ok(Generator::coroutine("__aexit__", "Timeout.__aexit__", move |_co| async move { result }))
            })(),
            _ => return None,
        })
    }
}

fn timeout_new(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let delay = match args.first() {
        None | Some(Value::None) => None,
        Some(v) => Some(crate::ops::to_f64(v)?.ok_or_else(|| type_error("timeout must be a number"))?),
    };
    Ok(Value::native(Timeout {
        delay,
        task: RefCell::new(Value::None),
        cancelling: Cell::new(0),
        handle: Cell::new(None),
        expiring: Rc::new(Cell::new(false)),
    }))
}

/// `asyncio.wait_for(aw, timeout)`.
fn wait_for(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let mut it = args.into_iter();
    let aw = it.next().unwrap_or_default();
    let mut timeout = it.next().unwrap_or_default();
    for (k, v) in kw {
        if k.as_str() == "timeout" {
            timeout = v;
        }
    }
    let cm = timeout_new(vec![timeout], vec![])?;
    Ok(Generator::coroutine("wait_for", "wait_for", move |co| async move {
        let enter = crate::call::call_method(&cm, "__aenter__", vec![], vec![])?;
        aio::await_(&co, enter).await?;
        let r = aio::await_(&co, aw).await;
        let (et, ev) = match &r {
            Err(e) => (Value::Class(e.class()), e.value().clone()),
            Ok(_) => (Value::None, Value::None),
        };
        let exit = crate::call::call_method(&cm, "__aexit__", vec![et, ev, Value::None], vec![])?;
        aio::await_(&co, exit).await?;
        r
    }))
}

/// Registers the primitives in the `asyncio` module.
pub fn register(d: &crate::dict::Dict) {
    let f = |name: &'static str, func: fn(Vec<Value>, Kwargs) -> PyResult<Value>| {
        Value::native(BuiltinFunction { name, f: func })
    };
    d.set_str("Queue", f("Queue", queue_new));
    d.set_str("Event", f("Event", event_new));
    d.set_str("Lock", f("Lock", lock_new));
    d.set_str("Semaphore", f("Semaphore", semaphore_new));
    d.set_str("timeout", f("timeout", timeout_new));
    d.set_str("wait_for", f("wait_for", wait_for));
    let exc = crate::types::types().exception.clone();
    for name in ["QueueEmpty", "QueueFull"] {
        let c = crate::types::new_class_in(
            "asyncio.queues",
            name,
            std::slice::from_ref(&exc),
            crate::class::Layout::Exception,
        );
        d.set_str(name, Value::Class(c));
    }
}
