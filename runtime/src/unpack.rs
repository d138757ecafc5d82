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

/// Exactly `N` items, as an array: no vector for the usual `a, b = x`.
///
/// An iterator is read one item past `N` at most, as CPython does, so
/// unpacking an endless one raises instead of running forever.
pub fn exact<const N: usize>(v: Value) -> PyResult<[Value; N]> {
    let got = match &v {
        Value::Tuple(t) if t.items().len() == N => return Ok(std::array::from_fn(|i| t.items()[i].clone())),
        Value::Tuple(t) => t.items().len(),
        Value::List(l) => {
            let items = l.snapshot();
            match <[Value; N]>::try_from(items) {
                Ok(a) => return Ok(a),
                Err(items) => items.len(),
            }
        }
        other => {
            let mut it = crate::iter::iter(other)
                .map_err(|_| type_error(format!("cannot unpack non-iterable {} object", type_name(other))))?;
            let mut items = Vec::with_capacity(N);
            while items.len() <= N {
                match it.next()? {
                    Some(x) => items.push(x),
                    None => break,
                }
            }
            match <[Value; N]>::try_from(items) {
                Ok(a) => return Ok(a),
                Err(items) => items.len(),
            }
        }
    };
    if got < N {
        return Err(value_error(format!("not enough values to unpack (expected {N}, got {got})")));
    }
    Err(value_error(format!("too many values to unpack (expected {N})")))
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
