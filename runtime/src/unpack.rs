//! Sequence unpacking for assignment targets: `a, b = x` and
//! `first, *rest = x`, with CPython's error messages.

use crate::exc::{PyResult, type_error, value_error};
use crate::ops::type_name;
use crate::value::Value;

/// All of `v`'s items (for a starred target, which takes the rest).
fn items(v: Value) -> PyResult<Vec<Value>> {
    items_up_to(&v, usize::MAX)
}

/// `v`'s items, reading an iterator no further than `limit` items; tuples
/// and lists are copied whole.
fn items_up_to(v: &Value, limit: usize) -> PyResult<Vec<Value>> {
    Ok(match v {
        Value::Tuple(t) => t.items().to_vec(),
        Value::List(l) => l.snapshot(),
        other => {
            let mut it = crate::iter::iter(other)
                .map_err(|_| type_error(format!("cannot unpack non-iterable {} object", type_name(other))))?;
            let mut items = Vec::new();
            while items.len() < limit {
                match it.next()? {
                    Some(x) => items.push(x),
                    None => break,
                }
            }
            items
        }
    })
}

/// Exactly `N` items, as an array: no vector for the usual `a, b = x`.
///
/// An iterator is read one item past `N` at most, as CPython does, so
/// unpacking an endless one raises instead of running forever.
pub fn exact<const N: usize>(v: Value) -> PyResult<[Value; N]> {
    let v = match v {
        // A tuple nothing else holds (one just yielded or returned) gives
        // its items up without copying them.
        Value::Tuple(t) if t.items().len() == N => {
            return Ok(match std::rc::Rc::try_unwrap(t) {
                Ok(t) => {
                    let mut items = t.into_items().into_iter();
                    std::array::from_fn(|_| items.next().unwrap_or_default())
                }
                Err(t) => std::array::from_fn(|i| t.items()[i].clone()),
            });
        }
        other => other,
    };
    <[Value; N]>::try_from(items_up_to(&v, N + 1)?).map_err(|got| {
        if got.len() < N {
            value_error(format!("not enough values to unpack (expected {N}, got {})", got.len()))
        } else {
            value_error(format!("too many values to unpack (expected {N})"))
        }
    })
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
