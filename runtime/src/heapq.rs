//! The `heapq` module: the C accelerator's `heappush`, `heappop`,
//! `heapify`, `heapreplace`, `heappushpop` (and the `_max` variants
//! `Lib/heapq.py` uses), with its sift loops ported step by step so the
//! list is in CPython's order after every operation, and `Lib/heapq.py`'s
//! `nlargest`, `nsmallest` and `merge` on top of them.
//!
//! Comparisons are Python's `<` and may run Python code, which may change
//! the list: no borrow of it is held across one, and a change of size is
//! the C code's `RuntimeError` rather than an out-of-range index.

use std::rc::Rc;

use crate::builtins;
use crate::call::call;
use crate::dict::Dict;
use crate::exc::{PyResult, index_error, runtime_error, type_error};
use crate::func::{BuiltinFunction, Function, Kwargs, Signature};
use crate::iter::{GenExpr, PyIter, iter};
use crate::list::List;
use crate::ops::{self, CmpOp, type_name};
use crate::str::PyStr;
use crate::types::types;
use crate::value::Value;

/// Which end of the heap holds the smallest item: `heapify` or `_heapify_max`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Order {
    Min,
    Max,
}

impl Order {
    /// Whether `a` belongs above `b`: `a < b` for a min-heap, `b < a` for
    /// a max-heap (the C code's argument order, which a user `__lt__` sees).
    fn above(self, a: &Value, b: &Value) -> PyResult<bool> {
        match self {
            Order::Min => ops::compare_bool(a, b, CmpOp::Lt),
            Order::Max => ops::compare_bool(b, a, CmpOp::Lt),
        }
    }
}

fn changed_size() -> crate::exc::PyErr {
    runtime_error("list changed size during iteration")
}

/// `siftdown(heap, startpos, pos)`: moves `heap[pos]` up towards the root.
fn siftdown(heap: &List, start: usize, mut pos: usize, order: Order) -> PyResult<()> {
    let size = heap.len();
    if pos >= size {
        return Err(index_error("index out of range"));
    }
    while pos > start {
        let parentpos = (pos - 1) >> 1;
        let (item, parent) = {
            let v = heap.borrow();
            (v[pos].clone(), v[parentpos].clone())
        };
        let above = order.above(&item, &parent)?;
        if size != heap.len() {
            return Err(changed_size());
        }
        if !above {
            break;
        }
        heap.borrow_mut().swap(parentpos, pos);
        pos = parentpos;
    }
    Ok(())
}

/// `siftup(heap, pos)`: moves the smaller child up until a leaf is
/// reached, then sifts the item that was at `pos` down into place.
fn siftup(heap: &List, mut pos: usize, order: Order) -> PyResult<()> {
    let endpos = heap.len();
    let start = pos;
    if pos >= endpos {
        return Err(index_error("index out of range"));
    }
    let limit = endpos >> 1;
    while pos < limit {
        let mut child = 2 * pos + 1;
        if child + 1 < endpos {
            let (a, b) = {
                let v = heap.borrow();
                (v[child].clone(), v[child + 1].clone())
            };
            let above = order.above(&a, &b)?;
            child += usize::from(!above);
            if endpos != heap.len() {
                return Err(changed_size());
            }
        }
        heap.borrow_mut().swap(child, pos);
        pos = child;
    }
    siftdown(heap, start, pos, order)
}

fn push(heap: &List, item: Value, order: Order) -> PyResult<()> {
    heap.push(item);
    siftdown(heap, 0, heap.len() - 1, order)
}

fn pop(heap: &List, order: Order) -> PyResult<Value> {
    let Some(last) = heap.borrow_mut().pop() else {
        return Err(index_error("index out of range"));
    };
    if heap.is_empty() {
        return Ok(last);
    }
    let top = std::mem::replace(&mut heap.borrow_mut()[0], last);
    siftup(heap, 0, order)?;
    Ok(top)
}

fn replace(heap: &List, item: Value, order: Order) -> PyResult<Value> {
    if heap.is_empty() {
        return Err(index_error("index out of range"));
    }
    let top = std::mem::replace(&mut heap.borrow_mut()[0], item);
    siftup(heap, 0, order)?;
    Ok(top)
}

fn pushpop(heap: &List, item: Value) -> PyResult<Value> {
    let Some(top) = heap.get(0) else { return Ok(item) };
    if !ops::compare_bool(&top, &item, CmpOp::Lt)? {
        return Ok(item);
    }
    replace(heap, item, Order::Min)
}

/// The C code's two heapify loops: bottom-up for heaps that fit in a
/// cache, and its cache-friendly order past 2,500 items (the same final
/// order, but a different sequence of comparisons, which `__lt__` can see).
fn heapify_list(heap: &List, order: Order) -> PyResult<()> {
    let n = heap.len();
    if n <= 2500 {
        for i in (0..n / 2).rev() {
            siftup(heap, i, order)?;
        }
        return Ok(());
    }
    let m = n >> 1;
    let leftmost = keep_top_bit(m + 1) - 1;
    let mhalf = m >> 1;
    for range in [(mhalf..leftmost), (leftmost..m)] {
        for i in range.rev() {
            let mut j = i;
            loop {
                siftup(heap, j, order)?;
                if j & 1 == 0 {
                    break;
                }
                j >>= 1;
            }
        }
    }
    Ok(())
}

/// `n` with every bit but the highest cleared.
fn keep_top_bit(n: usize) -> usize {
    if n == 0 { 0 } else { 1 << (usize::BITS - 1 - n.leading_zeros()) }
}

// ---------------------------------------------------- the C entry points

/// Checks the arguments of a C function taking the heap and `want - 1`
/// more, with the accelerator's messages.
fn heap_args(name: &str, args: Vec<Value>, kwargs: &Kwargs, want: usize) -> PyResult<(Rc<List>, Vec<Value>)> {
    if !kwargs.is_empty() {
        return Err(type_error(format!("_heapq.{name}() takes no keyword arguments")));
    }
    if args.len() != want {
        return Err(type_error(if want == 1 {
            format!("_heapq.{name}() takes exactly one argument ({} given)", args.len())
        } else {
            format!("{name} expected {want} arguments, got {}", args.len())
        }));
    }
    let mut it = args.into_iter();
    match it.next() {
        Some(Value::List(l)) => Ok((l, it.collect())),
        Some(other) => {
            let which = if want == 1 { "argument" } else { "argument 1" };
            Err(type_error(format!("{name}() {which} must be list, not {}", type_name(&other))))
        }
        None => unreachable!("the count was checked"),
    }
}

fn one(rest: Vec<Value>) -> Value {
    rest.into_iter().next().unwrap_or_default()
}

fn heappush(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let (heap, rest) = heap_args("heappush", args, &kwargs, 2)?;
    push(&heap, one(rest), Order::Min)?;
    Ok(Value::None)
}

fn heappop(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let (heap, _) = heap_args("heappop", args, &kwargs, 1)?;
    pop(&heap, Order::Min)
}

fn heapify(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let (heap, _) = heap_args("heapify", args, &kwargs, 1)?;
    heapify_list(&heap, Order::Min)?;
    Ok(Value::None)
}

fn heapreplace(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let (heap, rest) = heap_args("heapreplace", args, &kwargs, 2)?;
    replace(&heap, one(rest), Order::Min)
}

fn heappushpop(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let (heap, rest) = heap_args("heappushpop", args, &kwargs, 2)?;
    pushpop(&heap, one(rest))
}

fn heapify_max(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let (heap, _) = heap_args("_heapify_max", args, &kwargs, 1)?;
    heapify_list(&heap, Order::Max)?;
    Ok(Value::None)
}

fn heappop_max(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let (heap, _) = heap_args("_heappop_max", args, &kwargs, 1)?;
    pop(&heap, Order::Max)
}

fn heapreplace_max(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let (heap, rest) = heap_args("_heapreplace_max", args, &kwargs, 2)?;
    replace(&heap, one(rest), Order::Max)
}

// ------------------------------------------- the functions of heapq.py

/// `nsmallest(n, iterable, key=None)` and `nlargest`, as `Lib/heapq.py`
/// writes them: `min`/`max` for `n == 1`, `sorted` when `n` covers a sized
/// input, otherwise a heap of `(elem, order)` or `(key, order, elem)`
/// tuples, so ties keep their input order.
fn extremes(bound: Vec<Value>, largest: bool) -> PyResult<Value> {
    let [n, iterable, key] = crate::func::args::<3>(bound);
    let kw = |name: &str, v: Value| (PyStr::new(name), v);
    if ops::eq(&n, &Value::Int(1))? {
        let it = crate::iter::iter_value(&iterable)?;
        let sentinel = Value::list(vec![]);
        let kwargs = vec![kw("default", sentinel.clone()), kw("key", key)];
        let result = if largest { builtins::max(vec![it], kwargs)? } else { builtins::min(vec![it], kwargs)? };
        return Ok(Value::list(if result.is(&sentinel) { vec![] } else { vec![result] }));
    }
    match ops::len(&iterable) {
        Ok(size) => {
            if ops::compare_bool(&n, &Value::Int(size as i64), CmpOp::Ge)? {
                let sorted =
                    builtins::sorted(vec![iterable], vec![kw("key", key), kw("reverse", Value::Bool(largest))])?;
                let Value::List(l) = &sorted else { return Ok(sorted) };
                let end = slice_end(&n)?;
                let mut items = l.snapshot();
                items.truncate(end);
                return Ok(Value::list(items));
            }
        }
        Err(e) if e.is_instance(&types().type_error) || e.is_instance(&types().attribute_error) => {}
        Err(e) => return Err(e),
    }
    let mut it = iter(&iterable)?;
    let count = range_len(&n)?;
    let step = if largest { -1 } else { 1 };
    let keyed = !key.is_none();
    let mut entries = Vec::new();
    while (entries.len() as u64) < count {
        let Some(elem) = it.next()? else { break };
        let i = Value::Int(step * entries.len() as i64);
        entries.push(if keyed {
            Value::tuple(vec![call(&key, vec![elem.clone()], vec![])?, i, elem])
        } else {
            Value::tuple(vec![elem, i])
        });
    }
    if entries.is_empty() {
        return Ok(Value::list(entries));
    }
    let result = List::new(entries);
    let heap_order = if largest { Order::Min } else { Order::Max };
    heapify_list(&result, heap_order)?;
    let first_of = |t: &Value| match t {
        Value::Tuple(t) => t.items()[0].clone(),
        _ => Value::None,
    };
    let mut top = first_of(&result.get(0).unwrap_or_default());
    let mut order = if largest { ops::neg(&n)? } else { n.clone() };
    while let Some(elem) = it.next()? {
        let k = if keyed { call(&key, vec![elem.clone()], vec![])? } else { elem.clone() };
        let better = if largest { ops::lt(&top, &k)? } else { ops::lt(&k, &top)? };
        if better {
            let entry = if keyed { vec![k, order.clone(), elem] } else { vec![k, order.clone()] };
            replace(&result, Value::tuple(entry), heap_order)?;
            top = first_of(&result.get(0).unwrap_or_default());
            order = ops::binary(&order, &Value::Int(step), ops::BinOp::Add)?;
        }
    }
    let sorted = crate::methods::sort_values(result.snapshot(), &Value::None, largest).map_err(|(e, _)| e)?;
    let elem_at = if keyed { 2 } else { 0 };
    let elems = sorted
        .iter()
        .map(|t| match t {
            Value::Tuple(t) => t.items()[elem_at].clone(),
            _ => Value::None,
        })
        .collect();
    Ok(Value::list(elems))
}

/// How many items `zip(range(n), it)` takes at most.
fn range_len(n: &Value) -> PyResult<u64> {
    match n {
        Value::BigInt(b) => Ok(if b.sign() == num_bigint::Sign::Minus { 0 } else { u64::MAX }),
        _ => Ok(ops::index_of(n, "range")?.max(0) as u64),
    }
}

/// The end of `sorted(...)[:n]` for an `n` at least the length.
fn slice_end(n: &Value) -> PyResult<usize> {
    match n {
        Value::BigInt(_) => Ok(usize::MAX),
        _ => match ops::index_of(n, "slice") {
            Ok(i) => Ok(i.max(0) as usize),
            Err(e) if e.is_instance(&types().type_error) => {
                Err(type_error("slice indices must be integers or None or have an __index__ method"))
            }
            Err(e) => Err(e),
        },
    }
}

/// Where `merge` is in its generator body.
enum MergeState {
    Start,
    /// Yield the value of the entry at the top of the heap.
    Pick,
    /// The top entry's value was yielded: advance its iterator.
    Advance,
    /// One input is left: `yield from` it.
    Tail(PyIter),
    Done,
}

/// `merge(*iterables, key=None, reverse=False)`: a generator keeping one
/// list per input, `[value, order, next]` or `[key, order, value, next]`,
/// in a heap. The `next` slot here is None and the iterators live beside
/// the heap, indexed by order: the orders differ, so comparisons of the
/// lists never reach that slot.
fn merge(bound: Vec<Value>) -> PyResult<Value> {
    let [iterables, key, reverse] = crate::func::args::<3>(bound);
    let inputs = match &iterables {
        Value::Tuple(t) => t.items().to_vec(),
        _ => vec![],
    };
    let keyed = !key.is_none();
    let value_at = if keyed { 2 } else { 0 };
    let heap = Rc::new(List::new(vec![]));
    let mut its: Vec<Option<PyIter>> = Vec::new();
    let mut order = Order::Min;
    let mut state = MergeState::Start;
    let entry_index = |e: &Value| -> usize {
        match e {
            Value::List(l) => match l.get(1) {
                Some(Value::Int(i)) => i.unsigned_abs() as usize,
                _ => 0,
            },
            _ => 0,
        }
    };
    let slot = |e: &Value, i: usize| -> Value {
        match e {
            Value::List(l) => l.get(i).unwrap_or_default(),
            _ => Value::None,
        }
    };
    Ok(GenExpr::new(move || {
        loop {
            match std::mem::replace(&mut state, MergeState::Done) {
                MergeState::Start => {
                    let direction = if ops::truthy(&reverse)? {
                        order = Order::Max;
                        -1
                    } else {
                        1
                    };
                    for (i, input) in inputs.iter().enumerate() {
                        let mut it = iter(input)?;
                        let Some(value) = it.next()? else { continue };
                        let ord = Value::Int(i as i64 * direction);
                        let entry = if keyed {
                            vec![call(&key, vec![value.clone()], vec![])?, ord, value, Value::None]
                        } else {
                            vec![value, ord, Value::None]
                        };
                        heap.push(Value::list(entry));
                        its.resize_with(i + 1, || None);
                        its[i] = Some(it);
                    }
                    heapify_list(&heap, order)?;
                    state = MergeState::Pick;
                }
                MergeState::Pick => {
                    let Some(top) = heap.get(0) else { return Ok(None) };
                    let value = slot(&top, value_at);
                    if heap.len() > 1 {
                        state = MergeState::Advance;
                    } else {
                        let it = its.get_mut(entry_index(&top)).and_then(Option::take);
                        state = MergeState::Tail(it.unwrap_or_else(PyIter::empty));
                    }
                    return Ok(Some(value));
                }
                MergeState::Advance => {
                    let top = heap.get(0).unwrap_or_default();
                    let i = entry_index(&top);
                    let next = match its.get_mut(i).and_then(Option::as_mut) {
                        Some(it) => it.next()?,
                        None => None,
                    };
                    match next {
                        None => {
                            its[i] = None;
                            pop(&heap, order)?;
                        }
                        Some(value) => {
                            let Value::List(entry) = &top else { return Ok(None) };
                            if keyed {
                                let k = call(&key, vec![value.clone()], vec![])?;
                                let old = std::mem::replace(&mut entry.borrow_mut()[0], k);
                                drop(old);
                                let old = std::mem::replace(&mut entry.borrow_mut()[2], value);
                                drop(old);
                            } else {
                                let old = std::mem::replace(&mut entry.borrow_mut()[0], value);
                                drop(old);
                            }
                            replace(&heap, top.clone(), order)?;
                        }
                    }
                    state = MergeState::Pick;
                }
                MergeState::Tail(mut it) => {
                    let next = it.next()?;
                    if next.is_some() {
                        state = MergeState::Tail(it);
                    }
                    return Ok(next);
                }
                MergeState::Done => return Ok(None),
            }
        }
    }))
}

static EXTREMES_SIG: Signature =
    Signature { params: &["n", "iterable", "key"], posonly: 0, positional: 3, varargs: false, kwonly: 0, varkw: false };

static MERGE_SIG: Signature = Signature {
    params: &["iterables", "key", "reverse"],
    posonly: 0,
    positional: 0,
    varargs: true,
    kwonly: 2,
    varkw: false,
};

pub fn module_attrs() -> Dict {
    let d = Dict::new();
    let fns: &[(&'static str, crate::func::BuiltinFn)] = &[
        ("heappush", heappush),
        ("heappop", heappop),
        ("heapify", heapify),
        ("heapreplace", heapreplace),
        ("heappushpop", heappushpop),
        ("_heapify_max", heapify_max),
        ("_heappop_max", heappop_max),
        ("_heapreplace_max", heapreplace_max),
    ];
    for (name, f) in fns {
        d.set_str(name, Value::native(BuiltinFunction { name, f: *f }));
    }
    d.set_str(
        "nsmallest",
        Function::in_module("heapq", "nsmallest", &EXTREMES_SIG, vec![Value::None], vec![], |a| extremes(a, false)),
    );
    d.set_str(
        "nlargest",
        Function::in_module("heapq", "nlargest", &EXTREMES_SIG, vec![Value::None], vec![], |a| extremes(a, true)),
    );
    d.set_str(
        "merge",
        Function::in_module(
            "heapq",
            "merge",
            &MERGE_SIG,
            vec![],
            vec![Some(Value::None), Some(Value::Bool(false))],
            merge,
        ),
    );
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(l: &List) -> Vec<i64> {
        l.snapshot().iter().map(|v| if let Value::Int(i) = v { *i } else { -1 }).collect()
    }

    #[test]
    fn pushes_leave_cpythons_order() {
        // heapq.heappush over 5, 3, 8, 1, 9, 2, 7 under CPython 3.12.
        let h = List::new(vec![]);
        for x in [5, 3, 8, 1, 9, 2, 7] {
            push(&h, Value::Int(x), Order::Min).ok().unwrap();
        }
        assert_eq!(ints(&h), [1, 3, 2, 5, 9, 8, 7]);
        assert!(matches!(pop(&h, Order::Min).ok().unwrap(), Value::Int(1)));
        assert_eq!(ints(&h), [2, 3, 7, 5, 9, 8]);
    }

    #[test]
    fn heapify_matches_cpython_in_both_loops() {
        // heapq.heapify(list(range(10, 0, -1))) and _heapify_max(list(range(10))).
        let h = List::new((1..=10).rev().map(Value::Int).collect());
        heapify_list(&h, Order::Min).ok().unwrap();
        assert_eq!(ints(&h), [1, 2, 4, 3, 6, 5, 8, 10, 7, 9]);
        let h = List::new((0..10).map(Value::Int).collect());
        heapify_list(&h, Order::Max).ok().unwrap();
        assert_eq!(ints(&h), [9, 8, 6, 7, 4, 5, 2, 0, 3, 1]);
        // The cache-friendly loop (past 2,500 items) ends in the same order.
        let items: Vec<Value> = (0..5000).map(|i| Value::Int((i * 7919) % 5003)).collect();
        let (a, b) = (List::new(items.clone()), List::new(items));
        heapify_list(&a, Order::Min).ok().unwrap();
        for i in (0..b.len() / 2).rev() {
            siftup(&b, i, Order::Min).ok().unwrap();
        }
        assert_eq!(ints(&a), ints(&b));
    }

    #[test]
    fn keep_top_bit_is_the_highest_power_of_two() {
        assert_eq!([0, 1, 2, 3, 4, 5, 1250, 1251].map(keep_top_bit), [0, 1, 2, 2, 4, 4, 1024, 1024]);
    }
}
