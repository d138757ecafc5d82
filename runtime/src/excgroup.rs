//! Exception groups (PEP 654): `BaseExceptionGroup`/`ExceptionGroup`
//! construction, `subgroup`/`split`/`derive`, the `except*` machinery, and
//! the boxed traceback format CPython prints for an uncaught group.

use std::rc::Rc;

use crate::call::call;
use crate::class::Class;
use crate::exc::{PyErr, PyResult, type_error};
use crate::types::types;
use crate::value::Value;

fn group_class() -> &'static Rc<Class> {
    &types().by_name["BaseExceptionGroup"]
}

fn exception_group_class() -> &'static Rc<Class> {
    &types().by_name["ExceptionGroup"]
}

/// Whether `v` is an exception group.
pub fn is_group(v: &Value) -> bool {
    matches!(v, Value::Object(o) if o.class.is_subclass(group_class()))
}

/// `(message, exceptions)` of a group.
pub fn parts(v: &Value) -> (Value, Vec<Value>) {
    let Value::Object(o) = v else { return (Value::None, Vec::new()) };
    let args = o.exc().map(|c| c.borrow().args.clone()).unwrap_or_default();
    let msg = args.first().cloned().unwrap_or_default();
    let excs = args.get(1).map(|e| crate::iter::to_vec(e).unwrap_or_default()).unwrap_or_default();
    (msg, excs)
}

/// Validates `BaseExceptionGroup(message, exceptions)` and picks the class:
/// a plain `BaseExceptionGroup` of `Exception`s becomes an `ExceptionGroup`.
pub fn check_new(cls: &Rc<Class>, args: &[Value]) -> PyResult<Rc<Class>> {
    let name = cls.name();
    if args.len() != 2 {
        return Err(type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            args.len()
        )));
    }
    if !matches!(args[0], Value::Str(_)) {
        return Err(type_error(format!("argument 1 must be str, not {}", crate::ops::type_name(&args[0]))));
    }
    let excs = match &args[1] {
        Value::List(_) | Value::Tuple(_) => crate::iter::to_vec(&args[1])?,
        _ => return Err(type_error("second argument (exceptions) must be a sequence")),
    };
    if excs.is_empty() {
        return Err(crate::exc::value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let mut all_exceptions = true;
    for (i, e) in excs.iter().enumerate() {
        match e {
            Value::Object(o) if o.exc().is_some() => {
                if !o.class.is_subclass(&types().exception) {
                    all_exceptions = false;
                }
            }
            _ => {
                return Err(crate::exc::value_error(format!(
                    "Item {i} of second argument (exceptions) is not an exception"
                )));
            }
        }
    }
    if Rc::ptr_eq(cls, group_class()) {
        return Ok(if all_exceptions { exception_group_class().clone() } else { cls.clone() });
    }
    if cls.is_subclass(&types().exception) && !all_exceptions {
        let _ = name;
        return Err(type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
    }
    Ok(cls.clone())
}

/// A condition of `subgroup`/`split`/`except*`: a class, tuple, or callable.
fn matches(cond: &Value, e: &Value) -> PyResult<bool> {
    match cond {
        Value::Class(_) | Value::Tuple(_) => crate::builtins::is_instance(e, cond),
        f => crate::ops::truthy(&call(f, vec![e.clone()], vec![])?),
    }
}

/// Builds a group like `like` (same class and message) around `excs`,
/// copying its notes, cause and context as `derive` does.
fn derive(like: &Value, excs: Vec<Value>) -> PyResult<Value> {
    let (msg, _) = parts(like);
    let cls = match like {
        Value::Object(o) => o.class.clone(),
        _ => group_class().clone(),
    };
    // User subclasses derive a plain (Base)ExceptionGroup, as CPython does.
    let base = if cls.builtin.is_some() { cls } else { group_class().clone() };
    let cls = check_new(&base, &[msg.clone(), Value::list(excs.clone())])?;
    let g = crate::exc::new_exception(&cls, vec![msg, Value::list(excs)]);
    if let (Value::Object(src), Value::Object(dst)) = (like, &g)
        && let (Some(s), Some(d)) = (src.exc(), dst.exc())
    {
        let s = s.borrow();
        let mut d = d.borrow_mut();
        d.notes = s.notes.clone();
        d.cause = s.cause.clone();
        d.context = s.context.clone();
        d.suppress_context = s.suppress_context;
    }
    Ok(g)
}

/// `group.split(cond)`: `(match, rest)`, each a group or `None`.
pub fn split(group: &Value, cond: &Value) -> PyResult<(Option<Value>, Option<Value>)> {
    if matches(cond, group)? {
        return Ok((Some(group.clone()), None));
    }
    let (_, excs) = parts(group);
    let mut hit = Vec::new();
    let mut miss = Vec::new();
    for e in excs {
        if is_group(&e) {
            let (m, r) = split(&e, cond)?;
            hit.extend(m);
            miss.extend(r);
        } else if matches(cond, &e)? {
            hit.push(e);
        } else {
            miss.push(e);
        }
    }
    // A side that keeps everything is the group itself, unchanged.
    let m = if hit.is_empty() {
        None
    } else if miss.is_empty() {
        Some(group.clone())
    } else {
        Some(derive(group, hit)?)
    };
    let r = if miss.is_empty() {
        None
    } else if m.is_none() {
        Some(group.clone())
    } else {
        Some(derive(group, miss)?)
    };
    Ok((m, r))
}

/// Leaf exceptions of a group, for identity checks.
fn leaves(v: &Value, out: &mut Vec<Value>) {
    if is_group(v) {
        for e in parts(v).1 {
            leaves(&e, out);
        }
    } else {
        out.push(v.clone());
    }
}

/// Methods of exception groups.
pub fn method(recv: &Value, name: &str, args: &[Value]) -> Option<PyResult<Value>> {
    if !is_group(recv) {
        return None;
    }
    let arg = args.first().cloned().unwrap_or_default();
    Some(match name {
        "split" => split(recv, &arg).map(|(m, r)| Value::tuple_of([m.unwrap_or_default(), r.unwrap_or_default()])),
        "subgroup" => split(recv, &arg).map(|(m, _)| m.unwrap_or_default()),
        "derive" => crate::iter::to_vec(&arg).and_then(|excs| derive(recv, excs)),
        _ => return None,
    })
}

/// The state of one `try ... except*` as its clauses run.
pub struct Star {
    original: Value,
    rest: Option<Value>,
    raised: Vec<Value>,
    reraised: Vec<Value>,
}

impl Star {
    /// Starts handling `err`; a naked exception is wrapped in a group.
    pub fn new(err: &PyErr) -> Star {
        let v = err.value().clone();
        let original = if is_group(&v) {
            v
        } else {
            crate::exc::new_exception(exception_group_class(), vec![Value::str(""), Value::tuple_of([v])])
        };
        Star { rest: Some(original.clone()), original, raised: Vec::new(), reraised: Vec::new() }
    }

    /// `except* cond`: the part of what is left that matches, if any.
    pub fn take(&mut self, cond: &Value) -> PyResult<Option<Value>> {
        if let Value::Class(c) = cond
            && c.is_subclass(group_class())
        {
            return Err(type_error("catching ExceptionGroup with except* is not allowed. Use except instead."));
        }
        let Some(rest) = self.rest.take() else { return Ok(None) };
        let (m, r) = split(&rest, cond)?;
        self.rest = r;
        Ok(m)
    }

    /// Records how a handler finished.
    pub fn handled(&mut self, matched: &Value, outcome: PyResult<()>) {
        if let Err(e) = outcome {
            if e.value().is(matched) {
                self.reraised.push(e.into_value());
            } else {
                self.raised.push(e.with_context(Some(&PyErr::from_instance(matched.clone()))).into_value());
            }
        }
    }

    /// What propagates after all clauses ran (`None`: fully handled).
    pub fn finish(self) -> PyResult<Option<PyErr>> {
        let mut keep_leaves = Vec::new();
        if let Some(r) = &self.rest {
            leaves(r, &mut keep_leaves);
        }
        for r in &self.reraised {
            leaves(r, &mut keep_leaves);
        }
        let keep = if keep_leaves.is_empty() {
            None
        } else {
            let (m, _) = split(&self.original, &Value::native(LeafSet { leaves: keep_leaves }))?;
            m
        };
        let mut all = self.raised;
        all.extend(keep);
        Ok(match all.len() {
            0 => None,
            1 => all.pop().map(PyErr::from_instance),
            _ => Some(PyErr::from_instance(crate::exc::new_exception(
                exception_group_class(),
                vec![Value::str(""), Value::list(all)],
            ))),
        })
    }
}

/// A predicate matching exactly the given leaf exceptions (by identity).
struct LeafSet {
    leaves: Vec<Value>,
}

impl crate::native::Native for LeafSet {
    fn type_name(&self) -> &'static str {
        "function"
    }

    fn call(&self, _this: &Value, args: Vec<Value>, _kw: crate::func::Kwargs) -> Option<PyResult<Value>> {
        let e = args.into_iter().next().unwrap_or_default();
        Some(Ok(Value::Bool(self.leaves.iter().any(|l| l.is(&e)))))
    }
}

/// CPython's boxed rendering of an uncaught group (after the header lines).
pub fn format_group(v: &Value, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    out.push_str(&format!("{pad}| {}\n", crate::fmt::exception_line(&PyErr::from_instance(v.clone()))));
    let (_, excs) = parts(v);
    let n = excs.len();
    for (i, e) in excs.iter().enumerate().take(15) {
        if i == 0 {
            out.push_str(&format!("{pad}+-+---------------- {} ----------------\n", i + 1));
        } else {
            out.push_str(&format!("{pad}  +---------------- {} ----------------\n", i + 1));
        }
        if is_group(e) {
            format_group(e, indent + 2, out);
        } else {
            out.push_str(&format!("{pad}  | {}\n", crate::fmt::exception_line(&PyErr::from_instance(e.clone()))));
        }
    }
    if n > 15 {
        out.push_str(&format!("{pad}  +---------------- ... ----------------\n"));
        out.push_str(&format!("{pad}  | and {} more exceptions\n", n - 15));
    }
    // One closing line, printed by the innermost last branch (as
    // traceback.py's `need_close` does).
    let last_is_group = n <= 15 && excs.last().is_some_and(is_group);
    if !last_is_group {
        out.push_str(&format!("{pad}  +------------------------------------\n"));
    }
}
