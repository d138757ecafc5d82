//! asyncio's structured helpers, following CPython 3.12's
//! `asyncio/taskgroups.py` and `tasks.py` (`wait`, `as_completed`) step
//! by step: which callback runs when decides the output order.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::aio::{self, fut};
use crate::contextlib::exit_exception;
use crate::exc::{PyErr, PyResult, runtime_error, type_error, value_error};
use crate::func::{BuiltinFunction, Kwargs};
use crate::generator::Generator;
use crate::native::{Native, downcast};
use crate::types::types;
use crate::value::Value;

fn is_cancelled_error(e: &PyErr) -> bool {
    e.is_instance(&aio::classes().cancelled)
}

fn exact_cancelled(e: &PyErr) -> bool {
    Rc::ptr_eq(&e.class(), &aio::classes().cancelled)
}

/// SystemExit and KeyboardInterrupt: errors a TaskGroup re-raises alone.
fn is_base_error(e: &PyErr) -> bool {
    e.is_instance(&types().by_name["SystemExit"]) || e.is_instance(&types().by_name["KeyboardInterrupt"])
}

// --------------------------------------------------------------- TaskGroup

#[derive(Default)]
struct TgState {
    entered: Cell<bool>,
    exiting: Cell<bool>,
    aborting: Cell<bool>,
    parent_task: RefCell<Option<Value>>,
    parent_cancel_requested: Cell<bool>,
    /// Pending tasks, in creation order (CPython keeps a set).
    tasks: RefCell<Vec<Value>>,
    errors: RefCell<Vec<PyErr>>,
    base_error: RefCell<Option<PyErr>>,
    on_completed: RefCell<Option<Value>>,
}

impl TgState {
    fn abort(&self) -> PyResult<()> {
        self.aborting.set(true);
        let tasks = self.tasks.borrow().clone();
        for t in tasks {
            if !fut(&t)?.done() {
                aio::cancel(&t, None)?;
            }
        }
        Ok(())
    }

    fn on_task_done(&self, task: &Value) -> PyResult<()> {
        self.tasks.borrow_mut().retain(|t| !t.is(task));
        let waiter = self.on_completed.borrow().clone();
        if let Some(w) = waiter
            && self.tasks.borrow().is_empty()
            && !fut(&w)?.done()
        {
            aio::set_result(&w, Value::Bool(true))?;
        }
        let f = fut(task)?;
        if f.cancelled() {
            return Ok(());
        }
        let Err(exc) = f.result() else { return Ok(()) };
        self.errors.borrow_mut().push(exc.clone());
        if is_base_error(&exc) && self.base_error.borrow().is_none() {
            *self.base_error.borrow_mut() = Some(exc.clone());
        }
        let parent = self.parent_task.borrow().clone().unwrap_or_default();
        if fut(&parent)?.done() {
            return Ok(());
        }
        if !self.aborting.get() && !self.parent_cancel_requested.get() {
            self.abort()?;
            self.parent_cancel_requested.set(true);
            aio::cancel(&parent, None)?;
        }
        Ok(())
    }
}

/// `asyncio.TaskGroup()`.
struct TaskGroup {
    s: Rc<TgState>,
}

impl TaskGroup {
    fn repr_text(&self) -> String {
        let s = &self.s;
        let mut info = vec![String::new()];
        let n = s.tasks.borrow().len();
        if n > 0 {
            info.push(format!("tasks={n}"));
        }
        let e = s.errors.borrow().len();
        if e > 0 {
            info.push(format!("errors={e}"));
        }
        if s.aborting.get() {
            info.push("cancelling".into());
        } else if s.entered.get() {
            info.push("entered".into());
        }
        format!("<TaskGroup{}>", info.join(" "))
    }

    fn create_task(&self, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
        let s = &self.s;
        if !s.entered.get() {
            return Err(runtime_error(format!("TaskGroup {} has not been entered", self.repr_text())));
        }
        if s.exiting.get() && s.tasks.borrow().is_empty() {
            return Err(runtime_error(format!("TaskGroup {} is finished", self.repr_text())));
        }
        if s.aborting.get() {
            return Err(runtime_error(format!("TaskGroup {} is shutting down", self.repr_text())));
        }
        let mut name = None;
        for (k, v) in kw {
            if k.as_str() == "name" && !v.is_none() {
                name = Some(crate::fmt::str_(&v)?);
            }
        }
        let coro = args.into_iter().next().unwrap_or_default();
        let task = aio::create_task(coro, name)?;
        s.tasks.borrow_mut().push(task.clone());
        let st = s.clone();
        aio::add_done_callback(&task, Box::new(move |done| st.on_task_done(&done)))?;
        Ok(task)
    }
}

async fn tg_aexit(co: crate::generator::Co, s: Rc<TgState>, exc: Option<PyErr>) -> PyResult<Value> {
    s.exiting.set(true);
    if let Some(e) = &exc
        && is_base_error(e)
        && s.base_error.borrow().is_none()
    {
        *s.base_error.borrow_mut() = Some(e.clone());
    }
    let is_cancel = exc.as_ref().is_some_and(exact_cancelled);
    let mut propagate = if is_cancel { exc.clone() } else { None };
    if s.parent_cancel_requested.get() {
        let parent = s.parent_task.borrow().clone().unwrap_or_default();
        let left = crate::call::call_method(&parent, "uncancel", vec![], vec![])?;
        if matches!(left, Value::Int(0)) {
            propagate = None;
        }
    }
    if exc.is_some() && !s.aborting.get() {
        s.abort()?;
    }
    while !s.tasks.borrow().is_empty() {
        let waiter = {
            let mut slot = s.on_completed.borrow_mut();
            slot.get_or_insert_with(aio::new_future).clone()
        };
        match aio::await_(&co, waiter).await {
            Ok(_) => {}
            Err(e) if is_cancelled_error(&e) => {
                if !s.aborting.get() {
                    propagate = Some(e);
                    s.abort()?;
                }
            }
            Err(e) => return Err(e),
        }
        *s.on_completed.borrow_mut() = None;
    }
    if let Some(b) = s.base_error.borrow().clone() {
        return Err(b);
    }
    if let Some(p) = propagate
        && s.errors.borrow().is_empty()
    {
        return Err(p);
    }
    if let Some(e) = exc
        && !is_cancel
    {
        s.errors.borrow_mut().push(e);
    }
    let errors = std::mem::take(&mut *s.errors.borrow_mut());
    if !errors.is_empty() {
        let cls = Value::Class(types().by_name["BaseExceptionGroup"].clone());
        let list = Value::list(errors.into_iter().map(|e| e.into_value()).collect());
        let group = crate::call::call(&cls, vec![Value::str("unhandled errors in a TaskGroup"), list], vec![])?;
        let err = crate::raise::raise(group)?;
        // `raise me from None`.
        if let Some(mut d) = err.data() {
            d.suppress_context = true;
        }
        return Err(err);
    }
    Ok(Value::None)
}

impl Native for TaskGroup {
    fn type_name(&self) -> &'static str {
        "TaskGroup"
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(self.repr_text())
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "__aenter__" | "__aexit__" | "create_task")
    }

    fn call_method(&self, this: &Value, name: &str, args: Vec<Value>, kw: Kwargs) -> Option<PyResult<Value>> {
        let s = self.s.clone();
        Some(match name {
            "create_task" => self.create_task(args, kw),
            "__aenter__" => {
                let me = this.clone();
                let already = if s.entered.get() {
                    Some(runtime_error(format!("TaskGroup {} has already been entered", self.repr_text())))
                } else {
                    None
                };
                Ok(Generator::coroutine("__aenter__", "TaskGroup.__aenter__", move |_co| async move {
                    if let Some(e) = already {
                        return Err(e);
                    }
                    let lp = aio::running_loop_pub()?;
                    let parent = lp.current_task_value();
                    if parent.is_none() {
                        return Err(runtime_error("TaskGroup cannot determine the parent task"));
                    }
                    *s.parent_task.borrow_mut() = parent;
                    s.entered.set(true);
                    Ok(me)
                }))
            }
            "__aexit__" => {
                let exc = exit_exception(&args);
                Ok(Generator::coroutine("__aexit__", "TaskGroup.__aexit__", move |co| tg_aexit(co, s, exc)))
            }
            _ => return None,
        })
    }
}

fn task_group_new(_args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Ok(Value::native(TaskGroup { s: Rc::new(TgState::default()) }))
}

// -------------------------------------------------------------------- wait

fn is_future(v: &Value) -> bool {
    downcast::<aio::Future>(v).is_some()
}

fn is_coroutine(v: &Value) -> bool {
    downcast::<Generator>(v).is_some_and(|g| g.kind() == crate::generator::Kind::Coroutine)
}

/// The distinct items of an iterable, in iteration order.
fn distinct(fs: &Value) -> PyResult<Vec<Value>> {
    let mut out: Vec<Value> = Vec::new();
    let mut it = crate::iter::iter(fs)?;
    while let Some(v) = it.next()? {
        if !out.iter().any(|o| o.is(&v)) {
            out.push(v);
        }
    }
    Ok(out)
}

fn set_of(items: Vec<Value>) -> PyResult<Value> {
    crate::set::from_values(items)
}

/// `asyncio.wait(aws, *, timeout=None, return_when=ALL_COMPLETED)`.
fn wait(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let fs = args.first().cloned().unwrap_or_default();
    let mut timeout = args.get(1).cloned().unwrap_or_default();
    let mut return_when = args.get(2).cloned().unwrap_or_else(|| Value::str("ALL_COMPLETED"));
    for (k, v) in kw {
        match k.as_str() {
            "timeout" => timeout = v,
            "return_when" => return_when = v,
            other => return Err(type_error(format!("wait() got an unexpected keyword argument '{other}'"))),
        }
    }
    Ok(Generator::coroutine("wait", "wait", move |co| async move {
        if is_future(&fs) || is_coroutine(&fs) {
            return Err(type_error(format!("expect a list of futures, not {}", crate::ops::type_name(&fs))));
        }
        let items = distinct(&fs)?;
        if items.is_empty() {
            return Err(value_error("Set of Tasks/Futures is empty."));
        }
        let when = match &return_when {
            Value::Str(s) if matches!(&**s, "FIRST_COMPLETED" | "FIRST_EXCEPTION" | "ALL_COMPLETED") => s.to_string(),
            other => return Err(value_error(format!("Invalid return_when value: {}", crate::fmt::str_(other)?))),
        };
        if items.iter().any(is_coroutine) {
            return Err(type_error("Passing coroutines is forbidden, use tasks explicitly."));
        }
        for f in &items {
            fut(f)?;
        }
        let lp = aio::running_loop_pub()?;
        let waiter = aio::new_future();
        let timeout_handle = if timeout.is_none() {
            None
        } else {
            let d = crate::ops::to_f64(&timeout)?.ok_or_else(|| type_error("timeout must be a number"))?;
            let w = waiter.clone();
            Some(lp.call_later(
                d,
                Box::new(move || {
                    if !fut(&w)?.done() {
                        aio::set_result(&w, Value::None)?;
                    }
                    Ok(())
                }),
            ))
        };
        let counter = Rc::new(Cell::new(items.len()));
        // Set when the wait is over: like remove_done_callback, later
        // completions are ignored.
        let over = Rc::new(Cell::new(false));
        let handle = Rc::new(Cell::new(timeout_handle));
        for f in &items {
            let (counter, over, waiter, when, lp, handle) =
                (counter.clone(), over.clone(), waiter.clone(), when.clone(), lp.clone(), handle.clone());
            aio::add_done_callback(
                f,
                Box::new(move |done| {
                    if over.get() {
                        return Ok(());
                    }
                    counter.set(counter.get().saturating_sub(1));
                    let df = fut(&done)?;
                    // As CPython's `_on_completion`, which asks for the
                    // exception (retrieving it) only for FIRST_EXCEPTION.
                    let failed = || !df.cancelled() && df.result().is_err();
                    if counter.get() == 0 || when == "FIRST_COMPLETED" || (when == "FIRST_EXCEPTION" && failed()) {
                        if let Some(h) = handle.get() {
                            lp.cancel_timer(h);
                        }
                        if !fut(&waiter)?.done() {
                            aio::set_result(&waiter, Value::None)?;
                        }
                    }
                    Ok(())
                }),
            )?;
        }
        let r = aio::await_(&co, waiter).await;
        if let Some(h) = handle.get() {
            lp.cancel_timer(h);
        }
        over.set(true);
        r?;
        let (mut done, mut pending) = (Vec::new(), Vec::new());
        for f in items {
            if fut(&f)?.done() {
                done.push(f);
            } else {
                pending.push(f);
            }
        }
        Ok(Value::tuple_of([set_of(done)?, set_of(pending)?]))
    }))
}

// ------------------------------------------------------------ as_completed

/// `asyncio.as_completed(aws, *, timeout=None)`: a generator of
/// coroutines, each giving the next result in completion order.
fn as_completed(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let fs = args.first().cloned().unwrap_or_default();
    let mut timeout = args.get(1).cloned().unwrap_or_default();
    for (k, v) in kw {
        match k.as_str() {
            "timeout" => timeout = v,
            other => {
                return Err(type_error(format!("as_completed() got an unexpected keyword argument '{other}'")));
            }
        }
    }
    if is_future(&fs) || is_coroutine(&fs) {
        return Err(type_error(format!("expect an iterable of futures, not {}", crate::ops::type_name(&fs))));
    }
    let lp = aio::running_loop_pub()?;
    let done = crate::aio_sync::queue_new(vec![], vec![])?;
    let mut todo_items = Vec::new();
    for f in distinct(&fs)? {
        todo_items.push(aio::ensure_future(f)?);
    }
    let n = todo_items.len();
    let todo = Rc::new(RefCell::new(todo_items.clone()));
    let handle: Rc<Cell<Option<u64>>> = Rc::new(Cell::new(None));
    for f in &todo_items {
        let (todo, done, handle, lp) = (todo.clone(), done.clone(), handle.clone(), lp.clone());
        aio::add_done_callback(
            f,
            Box::new(move |f| {
                if todo.borrow().is_empty() {
                    return Ok(());
                }
                todo.borrow_mut().retain(|t| !t.is(&f));
                crate::call::call_method(&done, "put_nowait", vec![f], vec![])?;
                if todo.borrow().is_empty()
                    && let Some(h) = handle.get()
                {
                    lp.cancel_timer(h);
                }
                Ok(())
            }),
        )?;
    }
    if n > 0 && !timeout.is_none() {
        let d = crate::ops::to_f64(&timeout)?.ok_or_else(|| type_error("timeout must be a number"))?;
        let (todo, done) = (todo.clone(), done.clone());
        handle.set(Some(lp.call_later(
            d,
            Box::new(move || {
                let k = todo.borrow().len();
                for _ in 0..k {
                    crate::call::call_method(&done, "put_nowait", vec![Value::None], vec![])?;
                }
                todo.borrow_mut().clear();
                Ok(())
            }),
        )));
    }
    Ok(Generator::new("as_completed", "as_completed", move |co| async move {
        for _ in 0..n {
            let q = done.clone();
            let one =
                Generator::coroutine("_wait_for_one", "as_completed.<locals>._wait_for_one", move |co| async move {
                    let get = crate::call::call_method(&q, "get", vec![], vec![])?;
                    let f = aio::await_(&co, get).await?;
                    if f.is_none() {
                        return Err(PyErr::with_args(&types().by_name["TimeoutError"], vec![]));
                    }
                    fut(&f)?.result()
                });
            co.yield_(one).await?;
        }
        Ok(Value::None)
    }))
}

pub fn register(d: &crate::dict::Dict) {
    let f = |name: &'static str, func: fn(Vec<Value>, Kwargs) -> PyResult<Value>| {
        Value::native(BuiltinFunction { name, f: func })
    };
    d.set_str("TaskGroup", f("TaskGroup", task_group_new));
    d.set_str("wait", f("wait", wait));
    d.set_str("as_completed", f("as_completed", as_completed));
    for c in ["FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED"] {
        d.set_str(c, Value::str(c));
    }
}
