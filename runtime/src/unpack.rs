//! Sequence unpacking for assignment targets: `a, b = x` and
//! `first, *rest = x`, with CPython's error messages.

use crate::exc::{PyResult, type_error, value_error};
use crate::ops::type_name;
use crate::value::Value;

fn items(v: Value) -> PyResult<Vec<Value>> {
    match v {
        Value::Tuple(t) => Ok(t.items().to_vec()),
        Value::List(l) => Ok(l.snapshot()),
        other => crate::iter::iter(&other)
            .map_err(|_| type_error(format!("cannot unpack non-iterable {} object", type_name(&other))))?
            .collect_vec(),
    }
}

/// Exactly `n` items.
pub fn exact(v: Value, n: usize) -> PyResult<Vec<Value>> {
    let got = items(v)?;
    if got.len() < n {
        return Err(value_error(format!("not enough values to unpack (expected {n}, got {})", got.len())));
    }
    if got.len() > n {
        return Err(value_error(format!("too many values to unpack (expected {n})")));
    }
    Ok(got)
}

/// `before` items, a list of the middle, then `after` items.
pub fn starred(v: Value, before: usize, after: usize) -> PyResult<Vec<Value>> {
    let mut got = items(v)?;
    if got.len() < before + after {
        return Err(value_error(format!(
            "not enough values to unpack (expected at least {}, got {})",
            before + after,
            got.len()
        )));
    }
    let tail = got.split_off(got.len() - after);
    let middle = got.split_off(before);
    got.push(Value::list(middle));
    got.extend(tail);
    Ok(got)
}
