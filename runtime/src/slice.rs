//! `slice` objects and what they do to sequences: selection, assignment and
//! deletion with CPython's index clamping.

use crate::exc::{PyResult, type_error, value_error};
use crate::list::List;
use crate::native::{Native, downcast};
use crate::value::Value;

pub struct Slice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

impl Slice {
    pub fn new(start: Value, stop: Value, step: Value) -> Value {
        Value::native(Slice { start, stop, step })
    }

    /// `slice.indices(len)` plus the number of selected items.
    pub fn indices(&self, len: usize) -> PyResult<(i64, i64, i64, usize)> {
        let step = match &self.step {
            Value::None => 1,
            v => bound(v)?,
        };
        if step == 0 {
            return Err(value_error("slice step cannot be zero"));
        }
        let len = len as i64;
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let clamp = |v: &Value, default: i64| -> PyResult<i64> {
            if v.is_none() {
                return Ok(default);
            }
            let mut i = bound(v)?;
            if i < 0 {
                i += len;
                if i < lower {
                    i = lower;
                }
            } else if i > upper {
                i = upper;
            }
            Ok(i)
        };
        let start = clamp(&self.start, if step < 0 { upper } else { lower })?;
        let stop = clamp(&self.stop, if step < 0 { lower } else { upper })?;
        let count = if step < 0 {
            if stop < start { (start - stop - 1) / (-step) + 1 } else { 0 }
        } else if start < stop {
            (stop - start - 1) / step + 1
        } else {
            0
        };
        Ok((start, stop, step, count as usize))
    }

    pub fn select(&self, items: &[Value]) -> PyResult<Vec<Value>> {
        let (start, _, step, n) = self.indices(items.len())?;
        Ok((0..n).map(|k| items[(start + k as i64 * step) as usize].clone()).collect())
    }

    /// `seq[slice] = items` on a list.
    pub fn assign(&self, list: &List, items: Vec<Value>) -> PyResult<()> {
        let len = list.len();
        let (start, stop, step, n) = self.indices(len)?;
        if step == 1 {
            let stop = stop.max(start);
            let removed: Vec<Value> = list.borrow_mut().splice(start as usize..stop as usize, items).collect();
            drop(removed);
            return Ok(());
        }
        if items.len() != n {
            return Err(value_error(format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                items.len(),
                n
            )));
        }
        let mut old = Vec::with_capacity(n);
        {
            let mut v = list.borrow_mut();
            for (k, item) in items.into_iter().enumerate() {
                let idx = (start + k as i64 * step) as usize;
                old.push(std::mem::replace(&mut v[idx], item));
            }
        }
        drop(old);
        Ok(())
    }

    /// `del seq[slice]` on a list.
    pub fn delete(&self, list: &List) -> PyResult<()> {
        let (start, _, step, n) = self.indices(list.len())?;
        let mut doomed: Vec<usize> = (0..n).map(|k| (start + k as i64 * step) as usize).collect();
        doomed.sort_unstable();
        let removed: Vec<Value> = {
            let mut v = list.borrow_mut();
            let mut out = Vec::with_capacity(doomed.len());
            for idx in doomed.into_iter().rev() {
                out.push(v.remove(idx));
            }
            out
        };
        drop(removed);
        Ok(())
    }
}

/// A slice bound: an int (clamped to i64) or an object with `__index__`.
fn bound(v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(b) => Ok(if num_traits::Signed::is_negative(&**b) { i64::MIN / 2 } else { i64::MAX / 2 }),
        Value::Object(_) => crate::ops::index_of(v, "slice"),
        _ => Err(type_error("slice indices must be integers or None or have an __index__ method")),
    }
}

impl Native for Slice {
    fn type_name(&self) -> &'static str {
        "slice"
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(format!(
            "slice({}, {}, {})",
            crate::fmt::repr(&self.start)?,
            crate::fmt::repr(&self.stop)?,
            crate::fmt::repr(&self.step)?
        ))
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        match name {
            "start" => Some(Ok(self.start.clone())),
            "stop" => Some(Ok(self.stop.clone())),
            "step" => Some(Ok(self.step.clone())),
            _ => None,
        }
    }

    fn eq(&self, other: &Value) -> Option<bool> {
        let o = downcast::<Slice>(other)?;
        Some(self.start.is(&o.start) && self.stop.is(&o.stop) && self.step.is(&o.step))
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "indices")
    }

    fn call_method(
        &self,
        _this: &Value,
        name: &str,
        args: Vec<Value>,
        _kw: crate::func::Kwargs,
    ) -> Option<PyResult<Value>> {
        if name != "indices" {
            return None;
        }
        Some((|| {
            let n = crate::ops::index_of(args.first().unwrap_or(&Value::None), "slice")?;
            if n < 0 {
                return Err(value_error("length should not be negative"));
            }
            let (a, b, c, _) = self.indices(n as usize)?;
            Ok(Value::tuple_of([Value::Int(a), Value::Int(b), Value::Int(c)]))
        })())
    }
}
