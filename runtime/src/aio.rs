//! asyncio: a single-threaded event loop that copies CPython's scheduling
//! (a ready queue of callbacks where each pass runs only the callbacks
//! queued when it began, a timer heap ordered by deadline then sequence,
//! future callbacks scheduled with `call_soon`, and the Task step/wakeup
//! protocol), so output interleaves exactly as under CPython. Coroutines
//! are `Generator`s of kind `Coroutine`; `await` delegates to them or
//! yields a `Future` to the task driving the coroutine.

use std::cell::{Cell, RefCell};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, VecDeque};
use std::rc::Rc;
use std::time::Instant;

use crate::call::call;
use crate::exc::{PyErr, PyResult, type_error};
use crate::func::{BuiltinFunction, Kwargs};
use crate::generator::{Co, Generator, Kind, Resume, Step};
use crate::gil::{GilCell, Lazy};
use crate::native::{Native, downcast};
use crate::types::types;
use crate::value::Value;

type Callback = Box<dyn FnOnce() -> PyResult<()>>;

/// The running event loop's state.
pub struct EventLoop {
    ready: RefCell<VecDeque<Callback>>,
    timers: RefCell<BinaryHeap<Reverse<(u64, u64)>>>,
    timer_callbacks: RefCell<HashMap<u64, Callback>>,
    seq: Cell<u64>,
    start: Instant,
    current_task: RefCell<Option<Value>>,
    tasks: RefCell<Vec<Value>>,
    task_counter: Cell<u64>,
    /// Results of `run_in_executor` jobs, sent by worker threads.
    completions: (std::sync::mpsc::Sender<Completion>, std::sync::mpsc::Receiver<Completion>),
    pending_jobs: Cell<usize>,
    /// Async generators first iterated under this loop (asyncio's
    /// `_asyncgens` weak set), closed by `shutdown_asyncgens`.
    asyncgens: RefCell<Vec<std::rc::Weak<Box<dyn Native>>>>,
}

/// A finished executor job: the asyncio future and the function's outcome.
type Completion = crate::gil::SendBox<(Value, PyResult<Value>)>;

static LOOP: GilCell<Option<Rc<EventLoop>>> = GilCell::new(None);

/// The running loop, for the other asyncio modules.
pub fn running_loop_pub() -> PyResult<Rc<EventLoop>> {
    running_loop()
}

fn running_loop() -> PyResult<Rc<EventLoop>> {
    LOOP.get().ok_or_else(|| crate::exc::runtime_error("no running event loop"))
}

impl EventLoop {
    fn new() -> EventLoop {
        EventLoop {
            ready: RefCell::new(VecDeque::new()),
            timers: RefCell::new(BinaryHeap::new()),
            timer_callbacks: RefCell::new(HashMap::new()),
            seq: Cell::new(0),
            start: Instant::now(),
            current_task: RefCell::new(None),
            tasks: RefCell::new(Vec::new()),
            task_counter: Cell::new(0),
            completions: std::sync::mpsc::channel(),
            pending_jobs: Cell::new(0),
            asyncgens: RefCell::new(Vec::new()),
        }
    }

    /// asyncio's firstiter hook: remembers an async generator so the loop
    /// can close it at shutdown.
    pub fn register_asyncgen(&self, agen: &Value) {
        if let Value::Native(rc) = agen {
            self.asyncgens.borrow_mut().push(Rc::downgrade(rc));
        }
    }

    /// `loop.shutdown_asyncgens()`: `aclose()`s every live async generator,
    /// each in its own task, and runs the loop until they finish.
    fn shutdown_asyncgens(&self) -> PyResult<()> {
        let gens: Vec<Value> = std::mem::take(&mut *self.asyncgens.borrow_mut())
            .iter()
            .filter_map(|w| w.upgrade())
            .map(Value::Native)
            .collect();
        let mut tasks = Vec::new();
        for g in &gens {
            if let Some(a) = downcast::<crate::asyncgen::AsyncGenerator>(g)
                && a.is_suspended()
            {
                tasks.push(create_task(a.aclose(), None)?);
            }
        }
        if tasks.is_empty() {
            return Ok(());
        }
        let all = gather(tasks, vec![("return_exceptions".into(), Value::Bool(true))])?;
        let lp = running_loop()?;
        run_until_complete(&lp, &all)
    }

    pub fn current_task_value(&self) -> Option<Value> {
        self.current_task.borrow().clone()
    }

    /// `call_soon` with a handle that `cancel_timer` can cancel.
    pub fn call_soon_id(&self, cb: Callback) -> u64 {
        self.call_at_ns(0, cb)
    }

    pub fn call_soon(&self, cb: Callback) {
        self.ready.borrow_mut().push_back(cb);
    }

    fn now_ns(&self) -> u64 {
        self.start.elapsed().as_nanos() as u64
    }

    pub fn time(&self) -> f64 {
        self.now_ns() as f64 / 1e9
    }

    /// Schedules `cb` after `delay` seconds; returns a handle id.
    pub fn call_later(&self, delay: f64, cb: Callback) -> u64 {
        let when = self.now_ns() + (delay.max(0.0) * 1e9) as u64;
        self.call_at_ns(when, cb)
    }

    fn call_at_ns(&self, when: u64, cb: Callback) -> u64 {
        let seq = self.seq.get() + 1;
        self.seq.set(seq);
        self.timers.borrow_mut().push(Reverse((when, seq)));
        self.timer_callbacks.borrow_mut().insert(seq, cb);
        seq
    }

    pub fn cancel_timer(&self, id: u64) {
        let cb = self.timer_callbacks.borrow_mut().remove(&id);
        drop(cb);
    }

    /// Waits up to `timeout` ns (`None`: until something happens) without
    /// the interpreter lock, collecting finished executor jobs.
    fn wait_for_events(&self, timeout: Option<u64>) -> PyResult<()> {
        let jobs = self.pending_jobs.get();
        let first = match (timeout, jobs) {
            (Some(0), _) => None,
            (None, 0) => {
                return Err(crate::exc::runtime_error("Event loop stopped before Future completed."));
            }
            (None, _) => crate::gil::without(|| self.completions.1.recv().ok()),
            (Some(ns), 0) => {
                crate::gil::without(|| std::thread::sleep(std::time::Duration::from_nanos(ns)));
                None
            }
            (Some(ns), _) => {
                let d = std::time::Duration::from_nanos(ns);
                crate::gil::without(|| self.completions.1.recv_timeout(d)).ok()
            }
        };
        let mut done: Vec<Completion> = first.into_iter().collect();
        while let Ok(c) = self.completions.1.try_recv() {
            done.push(c);
        }
        for c in done {
            self.pending_jobs.set(self.pending_jobs.get().saturating_sub(1));
            let (fut_value, outcome) = c.0;
            // Like call_soon_threadsafe(_set_state): the future's state is
            // set by a callback on the loop thread.
            self.call_soon(Box::new(move || {
                if fut(&fut_value)?.done() {
                    return Ok(());
                }
                match outcome {
                    Ok(v) => set_result(&fut_value, v),
                    Err(e) => set_exception(&fut_value, e),
                }
            }));
        }
        Ok(())
    }

    /// `loop.run_in_executor(None, func, *args)`: runs `func` on a worker
    /// thread, which takes the interpreter lock while it runs Python code.
    pub fn run_in_executor(&self, func: Value, args: Vec<Value>) -> Value {
        let future = new_future();
        let job = crate::gil::SendBox((func, args, future.clone(), self.completions.0.clone()));
        self.pending_jobs.set(self.pending_jobs.get() + 1);
        let spawned = std::thread::Builder::new().name("asyncio_executor".into()).spawn(move || {
            let job = job;
            crate::gil::acquire();
            let (func, args, future, tx) = job.0;
            let outcome = call(&func, args, vec![]);
            let _ = tx.send(crate::gil::SendBox((future, outcome)));
            drop(func);
            crate::gil::release();
        });
        if spawned.is_err() {
            self.pending_jobs.set(self.pending_jobs.get().saturating_sub(1));
            let _ = set_exception(&future, crate::exc::runtime_error("can't start new thread"));
        }
        future
    }

    /// Runs `work` (plain Rust, no Python values) on a worker thread without
    /// the interpreter lock; `finish` then turns its outcome into the
    /// future's result on that thread under the lock, as `run_in_executor`
    /// does. Blocking I/O (httpx requests) proceeds while the loop runs.
    pub fn run_blocking<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
        finish: fn(T) -> PyResult<Value>,
    ) -> Value {
        let future = new_future();
        let job = crate::gil::SendBox((future.clone(), self.completions.0.clone()));
        self.pending_jobs.set(self.pending_jobs.get() + 1);
        let spawned = std::thread::Builder::new().name("asyncio_blocking".into()).spawn(move || {
            let job = job;
            let outcome = work();
            crate::gil::acquire();
            let (future, tx) = job.0;
            let result = finish(outcome);
            let _ = tx.send(crate::gil::SendBox((future, result)));
            crate::gil::release();
        });
        if spawned.is_err() {
            self.pending_jobs.set(self.pending_jobs.get().saturating_sub(1));
            let _ = set_exception(&future, crate::exc::runtime_error("can't start new thread"));
        }
        future
    }

    /// One iteration of CPython's `_run_once`.
    fn run_once(&self) -> PyResult<()> {
        // Drop cancelled timers at the head of the heap.
        loop {
            let head = self.timers.borrow().peek().copied();
            match head {
                Some(Reverse((_, seq))) if !self.timer_callbacks.borrow().contains_key(&seq) => {
                    self.timers.borrow_mut().pop();
                }
                _ => break,
            }
        }
        let timeout = if !self.ready.borrow().is_empty() {
            Some(0)
        } else {
            self.timers.borrow().peek().map(|Reverse((when, _))| when.saturating_sub(self.now_ns()))
        };
        self.wait_for_events(timeout)?;
        // Move due timers to the ready queue, in deadline order.
        let now = self.now_ns();
        loop {
            let head = self.timers.borrow().peek().copied();
            let Some(Reverse((when, seq))) = head else { break };
            if when > now {
                break;
            }
            self.timers.borrow_mut().pop();
            let cb = self.timer_callbacks.borrow_mut().remove(&seq);
            if let Some(cb) = cb {
                self.ready.borrow_mut().push_back(cb);
            }
        }
        // Run only what is ready now; callbacks queued meanwhile wait.
        let n = self.ready.borrow().len();
        for _ in 0..n {
            let cb = self.ready.borrow_mut().pop_front();
            if let Some(cb) = cb
                && let Err(e) = cb()
            {
                report_callback_error(&e);
            }
        }
        Ok(())
    }
}

fn report_callback_error(e: &PyErr) {
    crate::io::flush_stdout();
    crate::io::write_stderr(&format!("Exception in callback\n{}\n", crate::fmt::exception_line(e)));
}

// ----------------------------------------------------------------- futures

enum FutState {
    Pending,
    Done(Result<Value, PyErr>),
    Cancelled(Option<Value>),
}

type DoneCallback = Box<dyn FnOnce(Value) -> PyResult<()>>;

/// The part of a future that makes it a Task.
struct TaskPart {
    coro: Value,
    name: RefCell<String>,
    must_cancel: Cell<bool>,
    cancel_msg: RefCell<Option<Value>>,
    waiting_on: RefCell<Option<Value>>,
    num_cancels: Cell<u32>,
}

/// `asyncio.Future` and `asyncio.Task`.
pub struct Future {
    state: RefCell<FutState>,
    callbacks: RefCell<Vec<DoneCallback>>,
    task: Option<TaskPart>,
    /// Set with an exception, cleared once `result()` or `exception()`
    /// has been asked: a future dropped with it set logs the exception
    /// (CPython's `__log_traceback`).
    log_traceback: Cell<bool>,
}

impl Drop for Future {
    fn drop(&mut self) {
        if !self.log_traceback.get() {
            return;
        }
        let FutState::Done(Err(e)) = &*self.state.borrow() else { return };
        let what = if self.task.is_some() { "Task" } else { "Future" };
        let repr = self.repr(&Value::None).unwrap_or_default();
        let mut text = format!("{what} exception was never retrieved\nfuture: {repr}\n");
        crate::entry::print_chain(e, &crate::builtins::main_file(), &mut text, 0);
        crate::io::flush_stdout();
        crate::io::write_stderr(&text);
    }
}

impl Future {
    fn pending() -> Future {
        Future {
            state: RefCell::new(FutState::Pending),
            callbacks: RefCell::new(Vec::new()),
            task: None,
            log_traceback: Cell::new(false),
        }
    }

    pub fn done(&self) -> bool {
        !matches!(*self.state.borrow(), FutState::Pending)
    }

    pub fn cancelled(&self) -> bool {
        matches!(*self.state.borrow(), FutState::Cancelled(_))
    }

    /// `future.result()`.
    pub fn result(&self) -> PyResult<Value> {
        self.log_traceback.set(false);
        match &*self.state.borrow() {
            FutState::Pending => Err(invalid_state("Result is not set.")),
            FutState::Done(Ok(v)) => Ok(v.clone()),
            FutState::Done(Err(e)) => Err(e.clone()),
            FutState::Cancelled(msg) => Err(cancelled_error(msg.clone())),
        }
    }

    fn exception(&self) -> PyResult<Value> {
        self.log_traceback.set(false);
        match &*self.state.borrow() {
            FutState::Pending => Err(invalid_state("Exception is not set.")),
            FutState::Done(Ok(_)) => Ok(Value::None),
            FutState::Done(Err(e)) => Ok(e.value().clone()),
            FutState::Cancelled(msg) => Err(cancelled_error(msg.clone())),
        }
    }
}

fn invalid_state(msg: &str) -> PyErr {
    PyErr::new(&classes().invalid_state, msg)
}

pub(crate) fn cancelled_error(msg: Option<Value>) -> PyErr {
    PyErr::with_args(&classes().cancelled, msg.into_iter().collect())
}

pub(crate) fn fut(v: &Value) -> PyResult<&Future> {
    downcast::<Future>(v).ok_or_else(|| type_error("expected an asyncio Future"))
}

/// Marks a future done and schedules its callbacks (as `call_soon`).
fn finish(this: &Value, state: FutState) -> PyResult<()> {
    let f = fut(this)?;
    if f.done() {
        return Err(invalid_state("invalid state"));
    }
    f.log_traceback.set(matches!(state, FutState::Done(Err(_))));
    *f.state.borrow_mut() = state;
    let cbs = std::mem::take(&mut *f.callbacks.borrow_mut());
    let lp = running_loop()?;
    for cb in cbs {
        let me = this.clone();
        lp.call_soon(Box::new(move || cb(me)));
    }
    Ok(())
}

pub fn set_result(this: &Value, v: Value) -> PyResult<()> {
    finish(this, FutState::Done(Ok(v)))
}

pub fn set_exception(this: &Value, e: PyErr) -> PyResult<()> {
    finish(this, FutState::Done(Err(e)))
}

/// Adds a done callback; if already done, it is scheduled right away.
pub fn add_done_callback(this: &Value, cb: DoneCallback) -> PyResult<()> {
    let f = fut(this)?;
    if f.done() {
        let me = this.clone();
        running_loop()?.call_soon(Box::new(move || cb(me)));
    } else {
        f.callbacks.borrow_mut().push(cb);
    }
    Ok(())
}

/// `future.cancel(msg)`; a task is cancelled at its next step.
pub fn cancel(this: &Value, msg: Option<Value>) -> PyResult<bool> {
    let f = fut(this)?;
    if f.done() {
        return Ok(false);
    }
    if let Some(t) = &f.task {
        t.num_cancels.set(t.num_cancels.get() + 1);
        let waiter = t.waiting_on.borrow().clone();
        if let Some(w) = waiter
            && cancel(&w, msg.clone())?
        {
            return Ok(true);
        }
        t.must_cancel.set(true);
        *t.cancel_msg.borrow_mut() = msg;
        return Ok(true);
    }
    finish(this, FutState::Cancelled(msg))?;
    Ok(true)
}

pub fn new_future() -> Value {
    Value::native(Future::pending())
}

// ------------------------------------------------------------------- tasks

/// `asyncio.create_task(coro)`: the task's first step runs at the next
/// turn of the loop.
pub fn create_task(coro: Value, name: Option<String>) -> PyResult<Value> {
    let lp = running_loop()?;
    match downcast::<Generator>(&coro) {
        Some(g) if g.kind() == Kind::Coroutine => {}
        _ => return Err(type_error(format!("a coroutine was expected, got {}", crate::fmt::repr(&coro)?))),
    }
    let n = lp.task_counter.get() + 1;
    lp.task_counter.set(n);
    let task = Value::native(Future {
        state: RefCell::new(FutState::Pending),
        callbacks: RefCell::new(Vec::new()),
        task: Some(TaskPart {
            coro,
            name: RefCell::new(name.unwrap_or_else(|| format!("Task-{n}"))),
            must_cancel: Cell::new(false),
            cancel_msg: RefCell::new(None),
            waiting_on: RefCell::new(None),
            num_cancels: Cell::new(0),
        }),
        log_traceback: Cell::new(false),
    });
    lp.tasks.borrow_mut().push(task.clone());
    let t = task.clone();
    lp.call_soon(Box::new(move || step(&t, None)));
    Ok(task)
}

/// One step of a task: resume its coroutine until it awaits something.
fn step(task: &Value, exc: Option<PyErr>) -> PyResult<()> {
    let f = fut(task)?;
    let Some(t) = &f.task else { return Ok(()) };
    if f.done() {
        return Ok(());
    }
    let mut exc = exc;
    if t.must_cancel.get() {
        t.must_cancel.set(false);
        if exc.as_ref().is_none_or(|e| !e.is_instance(&classes().cancelled)) {
            exc = Some(cancelled_error(t.cancel_msg.borrow().clone()));
        }
    }
    *t.waiting_on.borrow_mut() = None;
    let lp = running_loop()?;
    let previous = lp.current_task.replace(Some(task.clone()));
    let Some(coro) = downcast::<Generator>(&t.coro) else { return Ok(()) };
    let r = match exc {
        Some(e) => coro.resume(Resume::Throw(e)),
        None => coro.resume(Resume::Send(Value::None)),
    };
    *lp.current_task.borrow_mut() = previous;
    match r {
        Ok(Step::Returned(v)) => {
            if t.must_cancel.get() {
                // A cancel() that arrived during the last step wins.
                return finish(task, FutState::Cancelled(t.cancel_msg.borrow().clone()));
            }
            set_result(task, v)
        }
        Err(e) if e.is_instance(&classes().cancelled) => {
            let msg = e.data().and_then(|d| d.args.first().cloned());
            finish(task, FutState::Cancelled(msg))
        }
        Err(e) => set_exception(task, e),
        Ok(Step::Yielded(y)) => {
            if let Some(awaited) = downcast::<Future>(&y) {
                if y.is(task) {
                    let err =
                        crate::exc::runtime_error(format!("Task cannot await on itself: {}", crate::fmt::repr(task)?));
                    let me = task.clone();
                    lp.call_soon(Box::new(move || step(&me, Some(err))));
                    return Ok(());
                }
                let _ = awaited;
                *t.waiting_on.borrow_mut() = Some(y.clone());
                let me = task.clone();
                add_done_callback(&y, Box::new(move |done| wakeup(&me, &done)))?;
                if t.must_cancel.get() {
                    let msg = t.cancel_msg.borrow().clone();
                    if cancel(&y, msg)? {
                        t.must_cancel.set(false);
                    }
                }
                Ok(())
            } else if y.is_none() {
                // A bare yield (`sleep(0)`): run again at the next turn.
                let me = task.clone();
                lp.call_soon(Box::new(move || step(&me, None)));
                Ok(())
            } else {
                let err = crate::exc::runtime_error(format!("Task got bad yield: {}", crate::fmt::repr(&y)?));
                let me = task.clone();
                lp.call_soon(Box::new(move || step(&me, Some(err))));
                Ok(())
            }
        }
    }
}

fn wakeup(task: &Value, done: &Value) -> PyResult<()> {
    match fut(done)?.result() {
        Ok(_) => step(task, None),
        Err(e) => step(task, Some(e)),
    }
}

/// `await value` inside a coroutine body.
pub async fn await_(co: &Co, value: Value) -> PyResult<Value> {
    if let Some(g) = downcast::<Generator>(&value)
        && g.kind() == Kind::Coroutine
    {
        if g.is_done() {
            return Err(crate::exc::runtime_error("cannot reuse already awaited coroutine"));
        }
        return crate::generator::yield_from(co, value.clone()).await;
    }
    if let Some(f) = downcast::<Future>(&value) {
        if !f.done() {
            match co.yield_raw(value.clone()).await {
                Resume::Throw(e) => return Err(e),
                Resume::Send(_) => {}
            }
        }
        let f = fut(&value)?;
        if !f.done() {
            return Err(crate::exc::runtime_error("await wasn't used with future"));
        }
        return f.result();
    }
    if let Value::Object(o) = &value
        && o.class.lookup("__await__").is_some()
    {
        let it = crate::call::call_method(&value, "__await__", vec![], vec![])?;
        return crate::generator::yield_from(co, it).await;
    }
    Err(type_error(format!("object {} can't be used in 'await' expression", crate::ops::type_name(&value))))
}

/// `asyncio.run(main)`.
pub fn run(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    if LOOP.get().is_some() {
        return Err(crate::exc::runtime_error("asyncio.run() cannot be called from a running event loop"));
    }
    let main = args.into_iter().next().unwrap_or_default();
    let lp = Rc::new(EventLoop::new());
    LOOP.replace(Some(lp.clone()));
    let result = (|| {
        let task = create_task(main, None)?;
        let ran = run_until_complete(&lp, &task);
        // The caller cannot reach the main task: an exception that stopped
        // the loop is not one never retrieved.
        fut(&task)?.log_traceback.set(false);
        ran?;
        let r = fut(&task)?.result();
        cancel_remaining(&lp)?;
        lp.shutdown_asyncgens()?;
        r
    })();
    let old = LOOP.replace(None);
    drop(old);
    // The loop's tasks, futures and timers are garbage now.
    crate::release_freed_memory();
    result
}

/// Cancels tasks still pending when `asyncio.run` finishes, and lets them
/// unwind, as CPython's `_cancel_all_tasks` does.
fn cancel_remaining(lp: &Rc<EventLoop>) -> PyResult<()> {
    let pending: Vec<Value> = lp.tasks.borrow().iter().filter(|t| fut(t).is_ok_and(|f| !f.done())).cloned().collect();
    if pending.is_empty() {
        return Ok(());
    }
    for t in &pending {
        cancel(t, None)?;
    }
    let all = gather(pending, vec![("return_exceptions".into(), Value::Bool(true))])?;
    run_until_complete(lp, &all)
}

/// `loop.run_until_complete(future)`: runs passes until the one in which
/// the future's done callback stops the loop (that whole pass runs, as in
/// CPython, so callbacks queued before it still run).
fn run_until_complete(lp: &Rc<EventLoop>, future: &Value) -> PyResult<()> {
    let stopped = Rc::new(Cell::new(false));
    let flag = stopped.clone();
    add_done_callback(
        future,
        Box::new(move |_| {
            flag.set(true);
            Ok(())
        }),
    )?;
    while !stopped.get() {
        lp.run_once()?;
    }
    Ok(())
}

// --------------------------------------------------- module-level helpers

/// `asyncio.sleep(delay, result=None)`.
fn sleep(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let mut it = args.into_iter();
    let delay = it.next().unwrap_or(Value::Int(0));
    let mut result = it.next().unwrap_or_default();
    for (k, v) in kwargs {
        if k.as_str() == "result" {
            result = v;
        }
    }
    let d = crate::ops::to_f64(&delay)?.ok_or_else(|| type_error("sleep() delay must be a number"))?;
    Ok(Generator::coroutine("sleep", "sleep", move |co| async move {
        if d <= 0.0 {
            // A bare yield: the task steps again at the next loop turn.
            let _ = co.yield_raw(Value::None).await;
            return Ok(result);
        }
        let lp = running_loop()?;
        let f = new_future();
        let target = f.clone();
        let r = result.clone();
        let handle = lp.call_later(
            d,
            Box::new(move || {
                if !fut(&target)?.done() {
                    set_result(&target, r)?;
                }
                Ok(())
            }),
        );
        let out = await_(&co, f).await;
        lp.cancel_timer(handle);
        out
    }))
}

pub(crate) fn ensure_future(v: Value) -> PyResult<Value> {
    if downcast::<Future>(&v).is_some() {
        return Ok(v);
    }
    create_task(v, None)
}

/// `asyncio.gather(*aws, return_exceptions=False)`.
fn gather(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let mut return_exceptions = false;
    for (k, v) in kwargs {
        if k.as_str() == "return_exceptions" {
            return_exceptions = crate::ops::truthy(&v)?;
        }
    }
    let outer = new_future();
    let mut children: Vec<Value> = Vec::new();
    // The same awaitable twice is awaited once: map argument identity to
    // its future.
    let mut seen: HashMap<usize, Value> = HashMap::new();
    let mut total: Vec<Value> = Vec::new();
    for a in args {
        let id = a.identity();
        let f = match seen.get(&id) {
            Some(f) => f.clone(),
            None => {
                let f = ensure_future(a)?;
                seen.insert(id, f.clone());
                total.push(f.clone());
                f
            }
        };
        children.push(f);
    }
    if children.is_empty() {
        set_result(&outer, Value::list(vec![]))?;
        return Ok(outer);
    }
    let state = Rc::new((Cell::new(0usize), children.clone()));
    let nfuts = total.len();
    for child in total {
        let outer = outer.clone();
        let state = state.clone();
        add_done_callback(
            &child,
            Box::new(move |done| {
                let (finished, children) = &*state;
                finished.set(finished.get() + 1);
                let of = fut(&outer)?;
                if of.done() {
                    return Ok(());
                }
                let df = fut(&done)?;
                if !return_exceptions {
                    if df.cancelled() {
                        return set_exception(&outer, cancelled_error(None));
                    }
                    if let Err(e) = df.result() {
                        return set_exception(&outer, e);
                    }
                }
                if finished.get() == nfuts {
                    let mut results = Vec::with_capacity(children.len());
                    for c in children {
                        let cf = fut(c)?;
                        results.push(match cf.result() {
                            Ok(v) => v,
                            Err(e) => e.into_value(),
                        });
                    }
                    set_result(&outer, Value::list(results))?;
                }
                Ok(())
            }),
        )?;
    }
    Ok(outer)
}

fn create_task_builtin(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let mut name = None;
    for (k, v) in kwargs {
        if k.as_str() == "name" {
            name = Some(crate::fmt::str_(&v)?);
        }
    }
    create_task(args.into_iter().next().unwrap_or_default(), name)
}

fn current_task(_args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Ok(running_loop()?.current_task.borrow().clone().unwrap_or_default())
}

impl Native for Future {
    fn type_name(&self) -> &'static str {
        if self.task.is_some() { "Task" } else { "Future" }
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        // As CPython's `_future_repr_info`: the state, a task's name and
        // coroutine, then the outcome.
        let (state, outcome) = match &*self.state.borrow() {
            FutState::Pending => ("pending", String::new()),
            FutState::Cancelled(_) => ("cancelled", String::new()),
            FutState::Done(Ok(v)) => ("finished", format!(" result={}", crate::fmt::repr(v)?)),
            FutState::Done(Err(e)) => ("finished", format!(" exception={}", crate::fmt::repr(e.value())?)),
        };
        Ok(match &self.task {
            Some(t) => {
                format!("<Task {state} name='{}' coro={}{outcome}>", t.name.borrow(), crate::fmt::repr(&t.coro)?)
            }
            None => format!("<Future {state}{outcome}>"),
        })
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(
            name,
            "result"
                | "exception"
                | "done"
                | "cancelled"
                | "cancel"
                | "set_result"
                | "set_exception"
                | "add_done_callback"
                | "get_name"
                | "set_name"
                | "get_coro"
                | "cancelling"
                | "uncancel"
        )
    }

    fn call_method(&self, this: &Value, name: &str, args: Vec<Value>, _kw: Kwargs) -> Option<PyResult<Value>> {
        let arg = args.first().cloned();
        Some(match name {
            "result" => self.result(),
            "exception" => self.exception(),
            "done" => Ok(Value::Bool(self.done())),
            "cancelled" => Ok(Value::Bool(self.cancelled())),
            "cancel" => cancel(this, arg).map(Value::Bool),
            "set_result" => set_result(this, arg.unwrap_or_default()).map(|_| Value::None),
            "set_exception" => (|| {
                let e = crate::raise::raise(arg.unwrap_or_default())?;
                set_exception(this, e).map(|_| Value::None)
            })(),
            "add_done_callback" => {
                let f = arg.unwrap_or_default();
                add_done_callback(this, Box::new(move |done| call(&f, vec![done], vec![]).map(drop)))
                    .map(|_| Value::None)
            }
            "get_name" => Ok(self.task.as_ref().map(|t| Value::str(t.name.borrow().as_str())).unwrap_or_default()),
            "set_name" => {
                if let Some(t) = &self.task {
                    *t.name.borrow_mut() = crate::fmt::str_(&arg.unwrap_or_default()).unwrap_or_default();
                }
                Ok(Value::None)
            }
            "get_coro" => Ok(self.task.as_ref().map(|t| t.coro.clone()).unwrap_or_default()),
            "cancelling" => Ok(Value::Int(self.task.as_ref().map_or(0, |t| t.num_cancels.get() as i64))),
            "uncancel" => Ok(Value::Int(self.task.as_ref().map_or(0, |t| {
                let n = t.num_cancels.get().saturating_sub(1);
                t.num_cancels.set(n);
                n as i64
            }))),
            _ => return None,
        })
    }
}

// ----------------------------------------------------------------- classes

pub(crate) struct Classes {
    pub(crate) cancelled: Rc<crate::class::Class>,
    invalid_state: Rc<crate::class::Class>,
}

static CLASSES: Lazy<Classes> = Lazy::new(|| Classes {
    cancelled: crate::types::new_class_in(
        "asyncio.exceptions",
        "CancelledError",
        &[types().base_exception.clone()],
        crate::class::Layout::Exception,
    ),
    invalid_state: crate::types::new_class_in(
        "asyncio.exceptions",
        "InvalidStateError",
        &[types().exception.clone()],
        crate::class::Layout::Exception,
    ),
});

pub(crate) fn classes() -> &'static Classes {
    CLASSES.get()
}

fn get_running_loop(_args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    running_loop()?;
    Ok(Value::native(LoopHandle))
}

/// What `asyncio.get_running_loop()` returns.
struct LoopHandle;

impl Native for LoopHandle {
    fn type_name(&self) -> &'static str {
        "_UnixSelectorEventLoop"
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "time" | "create_future" | "create_task" | "call_soon" | "call_later" | "run_in_executor")
    }

    fn call_method(&self, _this: &Value, name: &str, args: Vec<Value>, kw: Kwargs) -> Option<PyResult<Value>> {
        Some((|| {
            let lp = running_loop()?;
            match name {
                "time" => Ok(Value::Float(lp.time())),
                "create_future" => Ok(new_future()),
                "create_task" => create_task_builtin(args, kw),
                "run_in_executor" => {
                    let mut it = args.into_iter();
                    let _executor = it.next();
                    let f = it.next().unwrap_or_default();
                    Ok(lp.run_in_executor(f, it.collect()))
                }
                "call_soon" | "call_later" => {
                    let mut it = args.into_iter();
                    let delay = if name == "call_later" {
                        crate::ops::to_f64(&it.next().unwrap_or_default())?.unwrap_or(0.0)
                    } else {
                        0.0
                    };
                    let f = it.next().unwrap_or_default();
                    let rest: Vec<Value> = it.collect();
                    let cb: Callback = Box::new(move || call(&f, rest, vec![]).map(drop));
                    if name == "call_soon" {
                        lp.call_soon(cb);
                    } else {
                        lp.call_later(delay, cb);
                    }
                    Ok(Value::None)
                }
                _ => Ok(Value::None),
            }
        })())
    }
}

/// The attributes of the `asyncio` module.
pub fn module_attrs() -> crate::dict::Dict {
    let d = crate::dict::Dict::new();
    let f = |name: &'static str, func: fn(Vec<Value>, Kwargs) -> PyResult<Value>| {
        Value::native(BuiltinFunction { name, f: func })
    };
    d.set_str("run", f("run", run));
    d.set_str("sleep", f("sleep", sleep));
    d.set_str("gather", f("gather", gather));
    d.set_str("create_task", f("create_task", create_task_builtin));
    d.set_str("ensure_future", f("ensure_future", |a, _| ensure_future(a.into_iter().next().unwrap_or_default())));
    d.set_str("current_task", f("current_task", current_task));
    d.set_str("get_running_loop", f("get_running_loop", get_running_loop));
    d.set_str("get_event_loop", f("get_event_loop", get_running_loop));
    d.set_str("CancelledError", Value::Class(classes().cancelled.clone()));
    d.set_str("InvalidStateError", Value::Class(classes().invalid_state.clone()));
    d.set_str("TimeoutError", Value::Class(types().by_name["TimeoutError"].clone()));
    crate::aio_sync::register(&d);
    crate::aio_group::register(&d);
    d
}

/// `async with mgr`: awaits `__aenter__`; returns its result and the bound
/// `__aexit__`.
pub async fn aenter(co: &Co, mgr: &Value) -> PyResult<(Value, Value)> {
    let has =
        |n: &str| crate::call::lookup_special(mgr, n).is_some() || matches!(mgr, Value::Native(x) if x.has_method(n));
    if !(has("__aenter__") && has("__aexit__")) {
        return Err(type_error(format!(
            "'{}' object does not support the asynchronous context manager protocol",
            crate::ops::type_name(mgr)
        )));
    }
    let exit = crate::attr::getattr(mgr, "__aexit__")?;
    let awaitable = crate::call::call_method(mgr, "__aenter__", vec![], vec![])?;
    let value = await_(co, awaitable).await?;
    Ok((value, exit))
}

/// Awaits `__aexit__`; `Ok(true)` means the exception was suppressed.
pub async fn aexit(co: &Co, exit: &Value, err: Option<&PyErr>) -> PyResult<bool> {
    let args = match err {
        None => vec![Value::None, Value::None, Value::None],
        Some(e) => vec![Value::Class(e.class()), e.value().clone(), Value::None],
    };
    let awaitable = call(exit, args, vec![])?;
    let r = await_(co, awaitable).await?;
    if err.is_some() { crate::ops::truthy(&r) } else { Ok(false) }
}

/// `async for`: the asynchronous iterator of `obj`.
pub fn aiter(obj: &Value) -> PyResult<Value> {
    if crate::call::lookup_special(obj, "__aiter__").is_none()
        && !matches!(obj, Value::Native(x) if x.has_method("__aiter__"))
    {
        return Err(type_error(format!(
            "'async for' requires an object with __aiter__ method, got {}",
            crate::ops::type_name(obj)
        )));
    }
    crate::call::call_method(obj, "__aiter__", vec![], vec![])
}

/// The next item of an asynchronous iterator; `None` at `StopAsyncIteration`.
pub async fn anext(co: &Co, it: &Value) -> PyResult<Option<Value>> {
    let awaitable = crate::call::call_method(it, "__anext__", vec![], vec![])?;
    match await_(co, awaitable).await {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.is_instance(&types().by_name["StopAsyncIteration"]) => Ok(None),
        Err(e) => Err(e),
    }
}
