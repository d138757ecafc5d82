//! The `bisect` module: `bisect_left`/`bisect_right` (`bisect`) and
//! `insort_left`/`insort_right` (`insort`), as the C accelerator `_bisect`
//! runs them: `lo`, `hi` and the keyword-only `key`, which applies to the
//! items of `a` (and, for `insort`, to `x` once before the search).

use crate::call::{call, call_method};
use crate::dict::Dict;
use crate::exc::{PyResult, type_error, value_error};
use crate::func::{BuiltinFunction, Kwargs};
use crate::ops::{self, CmpOp, type_name};
use crate::value::Value;

/// `(a, x, lo=0, hi=None, *, key=None)`, checked as Argument Clinic does.
struct BisectArgs {
    a: Value,
    x: Value,
    lo: i64,
    /// -1 means `len(a)`, as in the C code (so an explicit `hi=-1` does too).
    hi: i64,
    key: Value,
}

fn parse(name: &str, args: Vec<Value>, kwargs: Kwargs) -> PyResult<BisectArgs> {
    if args.len() > 4 {
        return Err(type_error(format!("{name}() takes at most 4 positional arguments ({} given)", args.len())));
    }
    let names = ["a", "x", "lo", "hi", "key"];
    let mut slots = crate::func::keyword_slots(name, args, kwargs, &names)?;
    for (i, n) in names.iter().take(2).enumerate() {
        if slots[i].is_none() {
            return Err(type_error(format!("{name}() missing required argument '{n}' (pos {})", i + 1)));
        }
    }
    let lo = match slots[2].take() {
        None => 0,
        Some(v) => ops::index_of(&v, "lo")?,
    };
    let hi = match slots[3].take() {
        None | Some(Value::None) => -1,
        Some(v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_))) => ops::index_of(&v, "hi")?,
        Some(v) => {
            if matches!(v, Value::Object(_)) && crate::call::lookup_special(&v, "__index__").is_some() {
                ops::index_of(&v, "hi")?
            } else {
                return Err(type_error(format!("argument should be integer or None, not '{}'", type_name(&v))));
            }
        }
    };
    let key = slots[4].take().unwrap_or_default();
    let a = slots[0].take().unwrap_or_default();
    let x = slots[1].take().unwrap_or_default();
    Ok(BisectArgs { a, x, lo, hi, key })
}

/// The search itself: the first index whose item (through `key`) is
/// `>= x` (`right == false`) or `> x` (`right == true`) in `a[lo:hi]`.
fn search(a: &Value, x: &Value, lo: i64, hi: i64, key: &Value, right: bool) -> PyResult<i64> {
    if lo < 0 {
        return Err(value_error("lo must be non-negative"));
    }
    let (mut lo, mut hi) = (lo, if hi == -1 { ops::len(a)? as i64 } else { hi });
    while lo < hi {
        let mid = ((lo as u64 + hi as u64) / 2) as i64;
        let mut item = ops::getitem(a, &Value::Int(mid))?;
        if !key.is_none() {
            item = call(key, vec![item], vec![])?;
        }
        let go_left =
            if right { ops::compare_bool(x, &item, CmpOp::Lt)? } else { !ops::compare_bool(&item, x, CmpOp::Lt)? };
        if go_left {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

fn bisect_with(name: &str, args: Vec<Value>, kwargs: Kwargs, right: bool) -> PyResult<Value> {
    let p = parse(name, args, kwargs)?;
    Ok(Value::Int(search(&p.a, &p.x, p.lo, p.hi, &p.key, right)?))
}

fn insort_with(name: &str, args: Vec<Value>, kwargs: Kwargs, right: bool) -> PyResult<Value> {
    let p = parse(name, args, kwargs)?;
    let index = if p.key.is_none() {
        search(&p.a, &p.x, p.lo, p.hi, &p.key, right)?
    } else {
        let kx = call(&p.key, vec![p.x.clone()], vec![])?;
        search(&p.a, &kx, p.lo, p.hi, &p.key, right)?
    };
    match &p.a {
        Value::List(l) => {
            let mut v = l.borrow_mut();
            let at = (index.max(0) as usize).min(v.len());
            v.insert(at, p.x);
        }
        other => {
            call_method(other, "insert", vec![Value::Int(index), p.x], vec![])?;
        }
    }
    Ok(Value::None)
}

fn bisect_left(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    bisect_with("bisect_left", args, kwargs, false)
}

fn bisect_right(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    bisect_with("bisect_right", args, kwargs, true)
}

fn insort_left(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    insort_with("insort_left", args, kwargs, false)
}

fn insort_right(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    insort_with("insort_right", args, kwargs, true)
}

pub fn module_attrs() -> Dict {
    let d = Dict::new();
    let fns: &[(&'static str, &'static str, crate::func::BuiltinFn)] = &[
        ("bisect_left", "bisect_left", bisect_left),
        ("bisect_right", "bisect_right", bisect_right),
        // `bisect` and `insort` are the same objects as the `_right` ones.
        ("bisect", "bisect_right", bisect_right),
        ("insort_left", "insort_left", insort_left),
        ("insort_right", "insort_right", insort_right),
        ("insort", "insort_right", insort_right),
    ];
    for (attr, name, f) in fns {
        d.set_str(attr, Value::native(BuiltinFunction { name, f: *f }));
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(items: &[i64]) -> Value {
        Value::list(items.iter().map(|i| Value::Int(*i)).collect())
    }

    #[test]
    fn left_and_right_around_runs_of_equal_items() {
        let a = list(&[1, 2, 2, 2, 3]);
        let at = |x, right| search(&a, &Value::Int(x), 0, -1, &Value::None, right).ok().unwrap();
        assert_eq!([at(2, false), at(2, true), at(0, false), at(4, true)], [1, 4, 0, 5]);
        // An explicit hi below lo searches nothing; hi == -1 means len(a).
        assert_eq!(search(&a, &Value::Int(9), 3, 1, &Value::None, true).ok().unwrap(), 3);
        assert!(search(&a, &Value::Int(9), -1, -1, &Value::None, true).is_err());
    }
}
