//! The `itertools` module: lazy iterators built on `iter::GenExpr`, each
//! producing items in the order CPython's C implementation does.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use crate::call::call;
use crate::exc::{PyResult, type_error, value_error};
use crate::func::{BuiltinFunction, Kwargs};
use crate::iter::{GenExpr, PyIter, iter, to_vec};
use crate::ops;
use crate::value::Value;

fn kw(kwargs: &mut Kwargs, name: &str) -> Option<Value> {
    let i = kwargs.iter().position(|(k, _)| k.as_str() == name)?;
    Some(kwargs.remove(i).1)
}

fn count(args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    let mut cur = args.first().cloned().or_else(|| kw(&mut kwargs, "start")).unwrap_or(Value::Int(0));
    let step = args.get(1).cloned().or_else(|| kw(&mut kwargs, "step")).unwrap_or(Value::Int(1));
    Ok(GenExpr::named("count", move || {
        let v = cur.clone();
        cur = ops::add(&cur, &step)?;
        Ok(Some(v))
    }))
}

fn cycle(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let mut it = iter(args.first().unwrap_or(&Value::None))?;
    let mut saved: Vec<Value> = Vec::new();
    let mut pos = 0usize;
    let mut exhausted = false;
    Ok(GenExpr::named("cycle", move || {
        if !exhausted {
            if let Some(v) = it.next()? {
                saved.push(v.clone());
                return Ok(Some(v));
            }
            exhausted = true;
        }
        if saved.is_empty() {
            return Ok(None);
        }
        let v = saved[pos % saved.len()].clone();
        pos += 1;
        Ok(Some(v))
    }))
}

fn repeat(args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    let obj = args.first().cloned().or_else(|| kw(&mut kwargs, "object")).unwrap_or_default();
    let times = args.get(1).cloned().or_else(|| kw(&mut kwargs, "times"));
    let mut left = match times {
        Some(t) => Some(ops::index_of(&t, "repeat")?.max(0)),
        None => None,
    };
    Ok(GenExpr::named("repeat", move || match &mut left {
        None => Ok(Some(obj.clone())),
        Some(0) => Ok(None),
        Some(n) => {
            *n -= 1;
            Ok(Some(obj.clone()))
        }
    }))
}

fn accumulate(args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    let mut it = iter(args.first().unwrap_or(&Value::None))?;
    let func = args.get(1).cloned().or_else(|| kw(&mut kwargs, "func")).unwrap_or_default();
    let mut total = kw(&mut kwargs, "initial").filter(|v| !v.is_none());
    let mut first = true;
    Ok(GenExpr::named("accumulate", move || {
        if first {
            first = false;
            if let Some(t) = &total {
                return Ok(Some(t.clone()));
            }
        }
        let Some(v) = it.next()? else { return Ok(None) };
        let next = match &total {
            None => v,
            Some(t) if func.is_none() => ops::add(t, &v)?,
            Some(t) => call(&func, vec![t.clone(), v], vec![])?,
        };
        total = Some(next.clone());
        Ok(Some(next))
    }))
}

fn chain_iters(its: Vec<Value>) -> Value {
    let mut pending: VecDeque<Value> = its.into();
    let mut cur: Option<PyIter> = None;
    GenExpr::named("chain", move || {
        loop {
            if let Some(it) = &mut cur {
                if let Some(v) = it.next()? {
                    return Ok(Some(v));
                }
                cur = None;
            }
            let Some(next) = pending.pop_front() else { return Ok(None) };
            cur = Some(iter(&next)?);
        }
    })
}

fn chain(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Ok(chain_iters(args))
}

fn chain_from_iterable(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let mut outer = iter(args.first().unwrap_or(&Value::None))?;
    let mut cur: Option<PyIter> = None;
    Ok(GenExpr::named("chain", move || {
        loop {
            if let Some(it) = &mut cur {
                if let Some(v) = it.next()? {
                    return Ok(Some(v));
                }
                cur = None;
            }
            let Some(next) = outer.next()? else { return Ok(None) };
            cur = Some(iter(&next)?);
        }
    }))
}

fn compress(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let mut data = iter(args.first().unwrap_or(&Value::None))?;
    let mut sel = iter(args.get(1).unwrap_or(&Value::None))?;
    Ok(GenExpr::named("compress", move || {
        loop {
            let (Some(d), Some(s)) = (data.next()?, sel.next()?) else { return Ok(None) };
            if ops::truthy(&s)? {
                return Ok(Some(d));
            }
        }
    }))
}

fn while_like(name: &'static str, args: Vec<Value>, drop: bool) -> PyResult<Value> {
    let pred = args.first().cloned().unwrap_or_default();
    let mut it = iter(args.get(1).unwrap_or(&Value::None))?;
    let mut switched = false;
    Ok(GenExpr::named(name, move || {
        loop {
            let Some(v) = it.next()? else { return Ok(None) };
            if switched {
                return Ok(if drop { Some(v) } else { None });
            }
            let holds = ops::truthy(&call(&pred, vec![v.clone()], vec![])?)?;
            if drop {
                if !holds {
                    switched = true;
                    return Ok(Some(v));
                }
            } else if holds {
                return Ok(Some(v));
            } else {
                switched = true;
                return Ok(None);
            }
        }
    }))
}

fn dropwhile(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    while_like("dropwhile", args, true)
}

fn takewhile(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    while_like("takewhile", args, false)
}

fn filterfalse(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let pred = args.first().cloned().unwrap_or_default();
    let mut it = iter(args.get(1).unwrap_or(&Value::None))?;
    Ok(GenExpr::named("filterfalse", move || {
        loop {
            let Some(v) = it.next()? else { return Ok(None) };
            let t =
                if pred.is_none() { ops::truthy(&v)? } else { ops::truthy(&call(&pred, vec![v.clone()], vec![])?)? };
            if !t {
                return Ok(Some(v));
            }
        }
    }))
}

fn islice(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let mut it = iter(args.first().unwrap_or(&Value::None))?;
    let bound = |v: Option<&Value>, what: &str| -> PyResult<Option<i64>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(x) => {
                let n = ops::index_of(x, what).map_err(|_| {
                    value_error(format!(
                        "{what} argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."
                    ))
                })?;
                if n < 0 {
                    return Err(value_error(format!(
                        "{what} argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."
                    )));
                }
                Ok(Some(n))
            }
        }
    };
    let (start, stop, step) = match args.len() {
        2 => (0, bound(args.get(1), "Stop")?, 1),
        _ => (
            bound(args.get(1), "Indices")?.unwrap_or(0),
            bound(args.get(2), "Stop")?,
            bound(args.get(3), "Step")?.unwrap_or(1),
        ),
    };
    if step == 0 {
        return Err(value_error("Step for islice() must be a positive integer or None."));
    }
    let mut next_index = start;
    let mut index: i64 = 0;
    Ok(GenExpr::named("islice", move || {
        if stop.is_some_and(|s| next_index >= s) {
            // CPython consumes up to `stop` before finishing.
            while stop.is_some_and(|s| index < s) {
                if it.next()?.is_none() {
                    break;
                }
                index += 1;
            }
            return Ok(None);
        }
        while index < next_index {
            if it.next()?.is_none() {
                return Ok(None);
            }
            index += 1;
        }
        let Some(v) = it.next()? else { return Ok(None) };
        index += 1;
        next_index += step;
        Ok(Some(v))
    }))
}

fn pairwise(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let mut it = iter(args.first().unwrap_or(&Value::None))?;
    let mut prev: Option<Value> = None;
    Ok(GenExpr::named("pairwise", move || {
        if prev.is_none() {
            prev = it.next()?;
            if prev.is_none() {
                return Ok(None);
            }
        }
        let Some(v) = it.next()? else { return Ok(None) };
        let a = prev.replace(v.clone()).unwrap_or_default();
        Ok(Some(Value::tuple_of([a, v])))
    }))
}

fn batched(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let mut it = iter(args.first().unwrap_or(&Value::None))?;
    let n = ops::index_of(args.get(1).unwrap_or(&Value::None), "batched")?;
    if n < 1 {
        return Err(value_error("n must be at least one"));
    }
    Ok(GenExpr::named("batched", move || {
        let mut batch = Vec::new();
        while batch.len() < n as usize {
            match it.next()? {
                Some(v) => batch.push(v),
                None => break,
            }
        }
        Ok((!batch.is_empty()).then(|| Value::tuple(batch)))
    }))
}

fn starmap(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let f = args.first().cloned().unwrap_or_default();
    let mut it = iter(args.get(1).unwrap_or(&Value::None))?;
    Ok(GenExpr::named("starmap", move || {
        let Some(v) = it.next()? else { return Ok(None) };
        call(&f, to_vec(&v)?, vec![]).map(Some)
    }))
}

fn zip_longest(args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    let fill = kw(&mut kwargs, "fillvalue").unwrap_or_default();
    let mut its: Vec<Option<PyIter>> = args.iter().map(|a| iter(a).map(Some)).collect::<PyResult<_>>()?;
    Ok(GenExpr::named("zip_longest", move || {
        if its.is_empty() {
            return Ok(None);
        }
        let mut row = Vec::with_capacity(its.len());
        let mut alive = false;
        for slot in its.iter_mut() {
            let v = match slot {
                Some(it) => match it.next()? {
                    Some(v) => {
                        alive = true;
                        v
                    }
                    None => {
                        *slot = None;
                        fill.clone()
                    }
                },
                None => fill.clone(),
            };
            row.push(v);
        }
        Ok(alive.then(|| Value::tuple(row)))
    }))
}

/// Walks index vectors in lexicographic order (product/permutations/...).
fn from_indices(
    name: &'static str,
    pool: Vec<Value>,
    mut state: Option<Vec<usize>>,
    advance: fn(&mut Vec<usize>, usize) -> bool,
) -> Value {
    let n = pool.len();
    let mut started = false;
    GenExpr::named(name, move || {
        let Some(idx) = state.as_mut() else { return Ok(None) };
        if started && !advance(idx, n) {
            state = None;
            return Ok(None);
        }
        started = true;
        Ok(Some(Value::tuple(idx.iter().map(|&i| pool[i].clone()).collect())))
    })
}

fn product(args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    let repeat = match kw(&mut kwargs, "repeat") {
        Some(r) => ops::index_of(&r, "repeat")?.max(0) as usize,
        None => 1,
    };
    let mut pools: Vec<Vec<Value>> = Vec::new();
    let base: Vec<Vec<Value>> = args.iter().map(to_vec).collect::<PyResult<_>>()?;
    for _ in 0..repeat {
        pools.extend(base.iter().cloned());
    }
    let empty = pools.iter().any(Vec::is_empty);
    let mut idx: Option<Vec<usize>> = if empty { None } else { Some(vec![0; pools.len()]) };
    let mut started = false;
    Ok(GenExpr::named("product", move || {
        let Some(ix) = idx.as_mut() else { return Ok(None) };
        if started {
            let mut k = ix.len();
            loop {
                if k == 0 {
                    idx = None;
                    return Ok(None);
                }
                k -= 1;
                ix[k] += 1;
                if ix[k] < pools[k].len() {
                    break;
                }
                ix[k] = 0;
            }
        }
        started = true;
        let ix = idx.as_deref().unwrap_or(&[]);
        Ok(Some(Value::tuple(ix.iter().enumerate().map(|(p, &i)| pools[p][i].clone()).collect())))
    }))
}

fn r_arg(args: &[Value], n: usize) -> PyResult<usize> {
    match args.get(1) {
        None | Some(Value::None) => Ok(n),
        Some(v) => {
            let r = ops::index_of(v, "r")?;
            if r < 0 {
                return Err(value_error("r must be non-negative"));
            }
            Ok(r as usize)
        }
    }
}

fn combinations(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let pool = to_vec(args.first().unwrap_or(&Value::None))?;
    let r = r_arg(&args, usize::MAX).and_then(|r| {
        if r == usize::MAX { Err(type_error("combinations() missing required argument 'r' (pos 2)")) } else { Ok(r) }
    })?;
    let start = (r <= pool.len()).then(|| (0..r).collect());
    Ok(from_indices("combinations", pool, start, |ix, n| {
        let r = ix.len();
        let Some(i) = (0..r).rev().find(|&i| ix[i] != i + n - r) else { return false };
        ix[i] += 1;
        for j in i + 1..r {
            ix[j] = ix[j - 1] + 1;
        }
        true
    }))
}

fn combinations_with_replacement(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let pool = to_vec(args.first().unwrap_or(&Value::None))?;
    let r = r_arg(&args, 0)?;
    let start = (!pool.is_empty() || r == 0).then(|| vec![0; r]);
    Ok(from_indices("combinations_with_replacement", pool, start, |ix, n| {
        let r = ix.len();
        let Some(i) = (0..r).rev().find(|&i| ix[i] != n - 1) else { return false };
        let v = ix[i] + 1;
        for x in ix.iter_mut().skip(i) {
            *x = v;
        }
        true
    }))
}

fn permutations(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let pool = to_vec(args.first().unwrap_or(&Value::None))?;
    let n = pool.len();
    let r = r_arg(&args, n)?;
    if r > n {
        return Ok(GenExpr::named("permutations", || Ok(None)));
    }
    // CPython's algorithm: indices plus cycles.
    let mut indices: Vec<usize> = (0..n).collect();
    let mut cycles: Vec<usize> = (0..r).map(|i| n - i).collect();
    let mut first = true;
    let mut done = false;
    Ok(GenExpr::named("permutations", move || {
        if done {
            return Ok(None);
        }
        if first {
            first = false;
            return Ok(Some(Value::tuple(indices[..r].iter().map(|&i| pool[i].clone()).collect())));
        }
        let mut i = r;
        loop {
            if i == 0 {
                done = true;
                return Ok(None);
            }
            i -= 1;
            cycles[i] -= 1;
            if cycles[i] == 0 {
                let moved = indices.remove(i);
                indices.push(moved);
                cycles[i] = n - i;
            } else {
                let j = cycles[i];
                indices.swap(i, n - j);
                return Ok(Some(Value::tuple(indices[..r].iter().map(|&k| pool[k].clone()).collect())));
            }
        }
    }))
}

/// `groupby(iterable, key=None)`: groups share the underlying iterator, so
/// advancing the outer iterator abandons the current group.
fn groupby(args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    struct Shared {
        it: PyIter,
        key: Value,
        current: Option<(Value, Value)>,
        group_id: u64,
        done: bool,
    }
    impl Shared {
        fn advance(&mut self) -> PyResult<bool> {
            match self.it.next()? {
                Some(v) => {
                    let k = if self.key.is_none() { v.clone() } else { call(&self.key, vec![v.clone()], vec![])? };
                    self.current = Some((k, v));
                    Ok(true)
                }
                None => {
                    self.done = true;
                    self.current = None;
                    Ok(false)
                }
            }
        }
    }
    let key = args.get(1).cloned().or_else(|| kw(&mut kwargs, "key")).unwrap_or_default();
    let shared = Rc::new(RefCell::new(Shared {
        it: iter(args.first().unwrap_or(&Value::None))?,
        key,
        current: None,
        group_id: 0,
        done: false,
    }));
    let mut last_key: Option<Value> = None;
    Ok(GenExpr::named("groupby", move || {
        let mut s = shared.borrow_mut();
        if s.current.is_none() && !s.done && !s.advance()? {
            return Ok(None);
        }
        // Skip the rest of the previous group.
        if let Some(lk) = &last_key {
            loop {
                let Some((k, _)) = &s.current else { return Ok(None) };
                if !ops::eq(k, lk)? {
                    break;
                }
                if !s.advance()? {
                    return Ok(None);
                }
            }
        }
        let Some((k, _)) = s.current.clone() else { return Ok(None) };
        last_key = Some(k.clone());
        s.group_id += 1;
        let my_id = s.group_id;
        drop(s);
        let sh = shared.clone();
        let gk = k.clone();
        let group = GenExpr::named("_grouper", move || {
            let mut s = sh.borrow_mut();
            if s.group_id != my_id {
                return Ok(None);
            }
            let Some((k, v)) = s.current.clone() else { return Ok(None) };
            if !ops::eq(&k, &gk)? {
                return Ok(None);
            }
            s.advance()?;
            Ok(Some(v))
        });
        Ok(Some(Value::tuple_of([k, group])))
    }))
}

/// What the iterators of one `tee()` share: the source, and the items
/// read from it so far that some iterator has not yet passed.
struct TeeData {
    /// `None` while one of the iterators is reading from it.
    source: Option<PyIter>,
    /// Items from index `base` on.
    buffer: VecDeque<Value>,
    base: usize,
    /// The position of each live iterator, to drop what all have passed.
    positions: Vec<Rc<std::cell::Cell<usize>>>,
}

/// An `itertools._tee` iterator.
pub struct Tee {
    data: Rc<RefCell<TeeData>>,
    pos: Rc<std::cell::Cell<usize>>,
}

impl Tee {
    fn sibling(&self) -> Tee {
        let pos = Rc::new(std::cell::Cell::new(self.pos.get()));
        self.data.borrow_mut().positions.push(pos.clone());
        Tee { data: self.data.clone(), pos }
    }

    fn advance(&self) -> PyResult<Option<Value>> {
        let i = self.pos.get();
        let buffered = {
            let d = self.data.borrow();
            (i < d.base + d.buffer.len()).then(|| d.buffer[i - d.base].clone())
        };
        let v = match buffered {
            Some(v) => v,
            None => {
                let taken = self.data.borrow_mut().source.take();
                let mut source = taken.ok_or_else(|| crate::exc::runtime_error("cannot re-enter the tee iterator"))?;
                // The source runs Python code: no borrow is held meanwhile.
                let next = source.next();
                let mut d = self.data.borrow_mut();
                d.source = Some(source);
                let Some(v) = next? else { return Ok(None) };
                d.buffer.push_back(v.clone());
                v
            }
        };
        self.pos.set(i + 1);
        self.data.borrow_mut().trim();
        Ok(Some(v))
    }
}

impl TeeData {
    /// Drops the items every iterator has passed.
    fn trim(&mut self) {
        let low = self.positions.iter().map(|p| p.get()).min().unwrap_or(usize::MAX);
        while self.base < low && !self.buffer.is_empty() {
            self.buffer.pop_front();
            self.base += 1;
        }
    }
}

impl Drop for Tee {
    fn drop(&mut self) {
        if let Ok(mut d) = self.data.try_borrow_mut() {
            d.positions.retain(|p| !Rc::ptr_eq(p, &self.pos));
            d.trim();
        }
    }
}

impl crate::native::Native for Tee {
    fn type_name(&self) -> &'static str {
        "itertools._tee"
    }

    fn is_iterator(&self) -> bool {
        true
    }

    fn next(&self) -> Option<PyResult<Option<Value>>> {
        Some(self.advance())
    }

    fn has_method(&self, name: &str) -> bool {
        name == "__copy__"
    }

    fn call_method(&self, _this: &Value, name: &str, _args: Vec<Value>, _kw: Kwargs) -> Option<PyResult<Value>> {
        (name == "__copy__").then(|| Ok(Value::native(self.sibling())))
    }
}

/// `tee(iterable, n=2)`: `n` iterators over one source; a tee given a tee
/// shares its buffer, as `__copy__` does.
fn tee(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    if let Some((k, _)) = kwargs.first() {
        return Err(type_error(format!("tee() takes no keyword arguments (got '{k}')")));
    }
    match args.len() {
        0 => return Err(type_error("tee expected at least 1 argument, got 0")),
        n if n > 2 => return Err(type_error(format!("tee expected at most 2 arguments, got {n}"))),
        _ => {}
    }
    let n = match args.get(1) {
        Some(v) => ops::index_of(v, "tee")?,
        None => 2,
    };
    if n < 0 {
        return Err(value_error("n must be >= 0"));
    }
    let source = iter(&args[0])?;
    if n == 0 {
        return Ok(Value::tuple(vec![]));
    }
    // A tee is itself the first result and the rest are its copies, as
    // CPython's `tee` uses an iterator's `__copy__`.
    let first = match crate::native::downcast::<Tee>(&args[0]) {
        Some(_) => args[0].clone(),
        None => {
            let pos = Rc::new(std::cell::Cell::new(0));
            let data = TeeData { source: Some(source), buffer: VecDeque::new(), base: 0, positions: vec![pos.clone()] };
            Value::native(Tee { data: Rc::new(RefCell::new(data)), pos })
        }
    };
    let mut out = Vec::with_capacity(n as usize);
    out.push(first.clone());
    if let Some(t) = crate::native::downcast::<Tee>(&first) {
        for _ in 1..n {
            out.push(Value::native(t.sibling()));
        }
    }
    Ok(Value::tuple(out))
}

pub fn module_attrs() -> crate::dict::Dict {
    let d = crate::dict::Dict::new();
    let fns: &[(&'static str, crate::func::BuiltinFn)] = &[
        ("count", count),
        ("cycle", cycle),
        ("repeat", repeat),
        ("accumulate", accumulate),
        ("chain", chain),
        ("compress", compress),
        ("dropwhile", dropwhile),
        ("takewhile", takewhile),
        ("filterfalse", filterfalse),
        ("islice", islice),
        ("pairwise", pairwise),
        ("batched", batched),
        ("starmap", starmap),
        ("zip_longest", zip_longest),
        ("product", product),
        ("permutations", permutations),
        ("combinations", combinations),
        ("combinations_with_replacement", combinations_with_replacement),
        ("groupby", groupby),
        ("tee", tee),
    ];
    for (name, f) in fns {
        d.set_str(name, Value::native(BuiltinFunction { name, f: *f }));
    }
    // chain.from_iterable, reachable as an attribute of `chain`.
    d.set_str("_chain_from_iterable", Value::native(BuiltinFunction { name: "from_iterable", f: chain_from_iterable }));
    d
}

/// `itertools.chain.from_iterable`.
pub fn chain_from_iterable_fn() -> Value {
    Value::native(BuiltinFunction { name: "from_iterable", f: chain_from_iterable })
}
