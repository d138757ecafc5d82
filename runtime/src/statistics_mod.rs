//! The `statistics` module of CPython 3.12, following Lib/statistics.py
//! step by step so results are bit-identical: `mean`, the variances and
//! `harmonic_mean` sum exactly (`_sum`, `_ss`: per-denominator partial
//! sums of `as_integer_ratio()`, then Fractions) and convert once to the
//! data's type (`_coerce`, `_convert`); `stdev` rounds the exact square
//! root once (`_float_sqrt_of_frac`); `fmean`, `covariance`,
//! `correlation` and `linear_regression` go through `math.fsum` and
//! `math.sumprod`. Mixed arithmetic on data items (the median of two, the
//! quantile interpolation) is Python's own, through `ops`. `NormalDist`
//! is the class of Lib/statistics.py with `_normal_dist_inv_cdf` as its C
//! accelerator computes it. There is no `Decimal` type, so its branches
//! are absent. Exact rationals come from `fractions_mod.rs`.

use std::rc::Rc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::Zero;

use crate::class::{Class, Layout};
use crate::dict::Dict;
use crate::exc::{PyErr, PyResult, type_error, value_error};
use crate::fractions_mod::{self as fractions, Q};
use crate::func::{Function, Signature};
use crate::gil::Lazy;
use crate::ops::{self, BinOp, CmpOp, type_of};
use crate::types::types;
use crate::value::Value;

static ERROR: Lazy<Rc<Class>> = Lazy::new(|| {
    crate::types::new_class_in("statistics", "StatisticsError", &[types().value_error.clone()], Layout::Exception)
});

static LINEAR_REGRESSION: Lazy<Value> = Lazy::new(|| {
    let fields = ["slope".to_string(), "intercept".to_string()];
    match crate::collections::make_namedtuple_class("LinearRegression", &fields, vec![], "statistics", &[]) {
        Ok(c) => Value::Class(c),
        Err(_) => Value::None,
    }
});

fn error(msg: impl Into<String>) -> PyErr {
    PyErr::new(ERROR.get(), msg)
}

fn math(name: &str, args: Vec<Value>) -> PyResult<Value> {
    let f = crate::attr::getattr(&crate::modules::import("math")?, name)?;
    crate::call::call(&f, args, vec![])
}

fn bin(a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    ops::binary(a, b, op)
}

fn int(i: usize) -> Value {
    Value::Int(i as i64)
}

fn is_a(e: &PyErr, cls: &Rc<Class>) -> bool {
    e.is_instance(cls)
}

// ------------------------------------------------------------ exact sums

/// `_exact_ratio(x)`: `Some((n, d))`, or `None` for a value without one
/// (an infinite or NaN float), which is summed as it is.
fn exact_ratio(x: &Value) -> PyResult<Option<(BigInt, BigInt)>> {
    if let Some(q) = fractions::rational_of(x) {
        return Ok(Some((q.n, q.d)));
    }
    if let Value::Float(f) = x {
        if !f.is_finite() {
            return Ok(None);
        }
        let q = Q::from_f64(*f)?;
        return Ok(Some((q.n, q.d)));
    }
    let attribute_error = &types().attribute_error;
    match crate::call::call_method(x, "as_integer_ratio", vec![], vec![]) {
        Ok(pair) => {
            let items = crate::iter::to_vec(&pair)?;
            if let [n, d] = &items[..]
                && let (Some(n), Some(d)) = (crate::builtins::to_bigint(n), crate::builtins::to_bigint(d))
            {
                return Ok(Some((n, d)));
            }
            Err(type_error("as_integer_ratio() must return a pair of ints"))
        }
        Err(e) if is_a(&e, attribute_error) => {
            let parts =
                crate::attr::getattr(x, "numerator").and_then(|n| Ok((n, crate::attr::getattr(x, "denominator")?)));
            match parts {
                Ok((n, d)) => match (crate::builtins::to_bigint(&n), crate::builtins::to_bigint(&d)) {
                    (Some(n), Some(d)) => Ok(Some((n, d))),
                    _ => Err(type_error("numerator and denominator must be ints")),
                },
                Err(e) if is_a(&e, attribute_error) => {
                    Err(type_error(format!("can't convert type '{}' to numerator/denominator", ops::type_name(x))))
                }
                Err(e) => Err(e),
            }
        }
        Err(e) if is_a(&e, &types().overflow_error) || is_a(&e, &types().value_error) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `_coerce(T, S)`.
fn coerce(t: &Rc<Class>, s: &Rc<Class>) -> PyResult<Rc<Class>> {
    let ty = types();
    let fraction = fractions::fraction_class();
    if Rc::ptr_eq(t, s) {
        return Ok(t.clone());
    }
    if Rc::ptr_eq(s, &ty.int) || Rc::ptr_eq(s, &ty.bool_) {
        return Ok(t.clone());
    }
    if Rc::ptr_eq(t, &ty.int) {
        return Ok(s.clone());
    }
    if s.is_subclass(t) {
        return Ok(s.clone());
    }
    if t.is_subclass(s) {
        return Ok(t.clone());
    }
    if t.is_subclass(&ty.int) {
        return Ok(s.clone());
    }
    if s.is_subclass(&ty.int) {
        return Ok(t.clone());
    }
    if t.is_subclass(&fraction) && s.is_subclass(&ty.float) {
        return Ok(s.clone());
    }
    if t.is_subclass(&ty.float) && s.is_subclass(&fraction) {
        return Ok(t.clone());
    }
    Err(type_error(format!("don't know how to coerce {} and {}", t.name(), s.name())))
}

/// The distinct types of the data, in order of appearance.
#[derive(Default)]
struct Types(Vec<Rc<Class>>);

impl Types {
    fn add(&mut self, v: &Value) {
        let t = type_of(v);
        if !self.0.iter().any(|c| Rc::ptr_eq(c, &t)) {
            self.0.push(t);
        }
    }

    /// `reduce(_coerce, types, int)`.
    fn coerced(&self) -> PyResult<Rc<Class>> {
        let mut t = types().int.clone();
        for s in &self.0 {
            t = coerce(&t, s)?;
        }
        Ok(t)
    }
}

/// Partial sums keyed by denominator, plus the sum of the values without a
/// ratio (`partials[None]`).
#[derive(Default)]
struct Partials {
    exact: Vec<(BigInt, BigInt)>,
    special: Option<Value>,
}

impl Partials {
    fn add(&mut self, n: BigInt, d: &BigInt) {
        match self.exact.iter_mut().find(|(k, _)| k == d) {
            Some((_, total)) => *total += n,
            None => self.exact.push((d.clone(), n)),
        }
    }

    fn add_special(&mut self, x: &Value) -> PyResult<()> {
        let before = self.special.take().unwrap_or(Value::Int(0));
        self.special = Some(bin(&before, x, BinOp::Add)?);
        Ok(())
    }

    /// `sum(Fraction(n, d) for d, n in partials.items())`.
    fn exact_total(&self, square_denominators: bool) -> PyResult<Option<Q>> {
        let mut total: Option<Q> = None;
        for (d, n) in &self.exact {
            let d = if square_denominators { d * d } else { d.clone() };
            let q = Q::new(n.clone(), d)?;
            total = Some(match total {
                None => q,
                Some(t) => t.add(&q),
            });
        }
        Ok(total)
    }
}

/// `_sum(data)`: the coerced type, the exact total (a Fraction, the int 0
/// for no data, or the sum of the non-finite values) and the count. `next`
/// pulls the items one at a time, as the generator expressions that feed
/// `_sum` in Lib/statistics.py produce them.
fn sum(next: &mut dyn FnMut() -> PyResult<Option<Value>>) -> PyResult<(Rc<Class>, Value, usize)> {
    let mut count = 0;
    let mut seen = Types::default();
    let mut partials = Partials::default();
    while let Some(x) = next()? {
        seen.add(&x);
        count += 1;
        match exact_ratio(&x)? {
            Some((n, d)) => partials.add(n, &d),
            None => partials.add_special(&x)?,
        }
    }
    let total = match &partials.special {
        Some(v) => v.clone(),
        None => match partials.exact_total(false)? {
            Some(q) => fractions::make(q),
            None => Value::Int(0),
        },
    };
    Ok((seen.coerced()?, total, count))
}

fn pull(items: Vec<Value>) -> impl FnMut() -> PyResult<Option<Value>> {
    let mut it = items.into_iter();
    move || Ok(it.next())
}

/// `_ss(data, c)`: type, sum of squared deviations, mean used, count.
fn ss(data: &Value, c: &Value) -> PyResult<(Rc<Class>, Value, Value, usize)> {
    let items = crate::iter::to_vec(data)?;
    if !c.is_none() {
        let mut it = items.into_iter();
        let (t, ssd, count) = sum(&mut || match it.next() {
            Some(x) => {
                let d = bin(&x, c, BinOp::Sub)?;
                Ok(Some(bin(&d, &d, BinOp::Mul)?))
            }
            None => Ok(None),
        })?;
        return Ok((t, ssd, c.clone(), count));
    }
    let mut seen = Types::default();
    let (mut sx, mut sxx) = (Partials::default(), Partials::default());
    for x in &items {
        seen.add(x);
        match exact_ratio(x)? {
            Some((n, d)) => {
                sxx.add(&n * &n, &d);
                sx.add(n, &d);
            }
            None => {
                sx.add_special(x)?;
                sxx.add_special(&bin(x, x, BinOp::Mul)?)?;
            }
        }
    }
    let count = items.len();
    let (ssd, c) = if count == 0 {
        let zero = fractions::make(Q::int(BigInt::zero()));
        (zero.clone(), zero)
    } else if let Some(v) = &sx.special {
        (v.clone(), v.clone())
    } else {
        let zero = || Q::int(BigInt::zero());
        let sx = sx.exact_total(false)?.unwrap_or_else(zero);
        let sxx = sxx.exact_total(true)?.unwrap_or_else(zero);
        let n = Q::int(BigInt::from(count));
        let ssd = n.mul(&sxx).sub(&sx.mul(&sx)).div(&n)?;
        (fractions::make(ssd), fractions::make(sx.div(&n)?))
    };
    Ok((seen.coerced()?, ssd, c, count))
}

/// `_convert(value, T)`.
fn convert(value: Value, t: &Rc<Class>) -> PyResult<Value> {
    if Rc::ptr_eq(&type_of(&value), t) {
        return Ok(value);
    }
    let mut t = t.clone();
    if t.is_subclass(&types().int) {
        let d = crate::attr::getattr(&value, "denominator")?;
        if !ops::eq(&d, &Value::Int(1))? {
            t = types().float.clone();
        }
    }
    crate::call::call(&Value::Class(t), vec![value], vec![])
}

/// `_integer_sqrt_of_frac_rto(n, m)`: `isqrt(n // m)`, its last bit set
/// when inexact (round to odd).
fn integer_sqrt_of_frac_rto(n: &BigInt, m: &BigInt) -> PyResult<BigInt> {
    let a = crate::exc::pure(crate::num_ops::isqrt(n.div_floor(m)))?;
    let exact = &a * &a * m == *n;
    Ok(if exact { a } else { a | BigInt::from(1) })
}

/// `_float_sqrt_of_frac(n, m)`: `sqrt(n / m)` correctly rounded.
fn float_sqrt_of_frac(n: &BigInt, m: &BigInt) -> PyResult<Value> {
    const SQRT_BIT_WIDTH: i64 = 2 * 53 + 3;
    let q = Integer::div_floor(&(n.bits() as i64 - m.bits() as i64 - SQRT_BIT_WIDTH), &2);
    let (numerator, denominator) = if q >= 0 {
        let shifted: BigInt = m << (2 * q as usize);
        (integer_sqrt_of_frac_rto(n, &shifted)? << (q as usize), BigInt::from(1))
    } else {
        let shifted: BigInt = n << ((-2 * q) as usize);
        (integer_sqrt_of_frac_rto(&shifted, m)?, BigInt::from(1) << ((-q) as usize))
    };
    bin(&Value::from_bigint(numerator), &Value::from_bigint(denominator), BinOp::TrueDiv)
}

/// `mss.numerator`, `mss.denominator` as ints (an AttributeError for a float).
fn ratio_parts(v: &Value) -> PyResult<(BigInt, BigInt)> {
    let n = crate::attr::getattr(v, "numerator")?;
    let d = crate::attr::getattr(v, "denominator")?;
    match (crate::builtins::to_bigint(&n), crate::builtins::to_bigint(&d)) {
        (Some(n), Some(d)) => Ok((n, d)),
        _ => Err(type_error("numerator and denominator must be ints")),
    }
}

// ------------------------------------------------------------ the functions

fn mean(a: Vec<Value>) -> PyResult<Value> {
    let (t, total, n) = sum(&mut pull(crate::iter::to_vec(&a[0])?))?;
    if n < 1 {
        return Err(error("mean requires at least one data point"));
    }
    convert(bin(&total, &int(n), BinOp::TrueDiv)?, &t)
}

fn fmean(a: Vec<Value>) -> PyResult<Value> {
    let (data, weights) = (&a[0], &a[1]);
    if weights.is_none() {
        let (n, data) = match ops::len(data) {
            Ok(n) => (n, data.clone()),
            Err(e) if is_a(&e, &types().type_error) => {
                let items = crate::iter::to_vec(data)?;
                (items.len(), Value::list(items))
            }
            Err(e) => return Err(e),
        };
        let total = math("fsum", vec![data])?;
        if n == 0 {
            return Err(error("fmean requires at least one data point"));
        }
        return bin(&total, &int(n), BinOp::TrueDiv);
    }
    let weights = match weights {
        Value::List(_) | Value::Tuple(_) => weights.clone(),
        other => Value::list(crate::iter::to_vec(other)?),
    };
    let num = match math("sumprod", vec![data.clone(), weights.clone()]) {
        Ok(v) => v,
        Err(e) if is_a(&e, &types().value_error) => return Err(error("data and weights must be the same length")),
        Err(e) => return Err(e),
    };
    let den = math("fsum", vec![weights])?;
    if !ops::truthy(&den)? {
        return Err(error("sum of weights must be non-zero"));
    }
    bin(&num, &den, BinOp::TrueDiv)
}

fn geometric_mean(a: Vec<Value>) -> PyResult<Value> {
    let fail = || error("geometric mean requires a non-empty dataset containing positive numbers");
    let mut logs = Vec::new();
    for x in crate::iter::to_vec(&a[0])? {
        match math("log", vec![x]) {
            Ok(v) => logs.push(v),
            Err(e) if is_a(&e, &types().value_error) => return Err(fail()),
            Err(e) => return Err(e),
        }
    }
    let n = logs.len();
    let total = math("fsum", vec![Value::list(logs)])?;
    if n == 0 {
        return Err(fail());
    }
    math("exp", vec![bin(&total, &int(n), BinOp::TrueDiv)?])
}

/// `iter(x) is x`: an iterator is read into a list once.
fn materialize(x: &Value) -> PyResult<Value> {
    let it = crate::builtins::iter_builtin(vec![x.clone()], vec![])?;
    if it.is(x) { Ok(Value::list(crate::iter::to_vec(x)?)) } else { Ok(x.clone()) }
}

fn is_real(x: &Value) -> bool {
    matches!(x, Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_)) || fractions::as_q(x).is_some()
}

fn harmonic_mean(a: Vec<Value>) -> PyResult<Value> {
    const ERRMSG: &str = "harmonic mean does not support negative values";
    let data = materialize(&a[0])?;
    let mut weights = a[1].clone();
    let n = ops::len(&data)?;
    if n < 1 {
        return Err(error("harmonic_mean requires at least one data point"));
    }
    if n == 1 && weights.is_none() {
        let x = ops::getitem(&data, &Value::Int(0))?;
        if is_real(&x) {
            if ops::compare_bool(&x, &Value::Int(0), CmpOp::Lt)? {
                return Err(error(ERRMSG));
            }
            return Ok(x);
        }
        return Err(type_error("unsupported type"));
    }
    let fail_neg = |x: &Value| -> PyResult<()> {
        if ops::compare_bool(x, &Value::Int(0), CmpOp::Lt)? {
            return Err(error(ERRMSG));
        }
        Ok(())
    };
    let sum_weights = if weights.is_none() {
        weights = Value::list(vec![Value::Int(1); n]);
        int(n)
    } else {
        weights = materialize(&weights)?;
        if ops::len(&weights)? != n {
            return Err(error("Number of weights does not match data size"));
        }
        let mut it = crate::iter::to_vec(&weights)?.into_iter();
        sum(&mut || match it.next() {
            Some(w) => {
                fail_neg(&w)?;
                Ok(Some(w))
            }
            None => Ok(None),
        })?
        .1
    };
    let ws = crate::iter::to_vec(&weights)?;
    let xs = crate::iter::to_vec(&data)?;
    let mut pairs = ws.into_iter().zip(xs);
    let summed = sum(&mut || match pairs.next() {
        Some((w, x)) => {
            fail_neg(&x)?;
            Ok(Some(if ops::truthy(&w)? { bin(&w, &x, BinOp::TrueDiv)? } else { Value::Int(0) }))
        }
        None => Ok(None),
    });
    let (t, total, _) = match summed {
        Ok(r) => r,
        Err(e) if is_a(&e, &types().zero_division_error) => return Ok(Value::Int(0)),
        Err(e) => return Err(e),
    };
    if ops::compare_bool(&total, &Value::Int(0), CmpOp::Le)? {
        return Err(error("Weighted sum must be positive"));
    }
    convert(bin(&sum_weights, &total, BinOp::TrueDiv)?, &t)
}

fn sorted(data: &Value) -> PyResult<Vec<Value>> {
    let list = crate::builtins::sorted(vec![data.clone()], vec![])?;
    crate::iter::to_vec(&list)
}

fn median(a: Vec<Value>) -> PyResult<Value> {
    let data = sorted(&a[0])?;
    let n = data.len();
    if n == 0 {
        return Err(error("no median for empty data"));
    }
    if n % 2 == 1 {
        return Ok(data[n / 2].clone());
    }
    let i = n / 2;
    bin(&bin(&data[i - 1], &data[i], BinOp::Add)?, &Value::Int(2), BinOp::TrueDiv)
}

fn median_low(a: Vec<Value>) -> PyResult<Value> {
    let data = sorted(&a[0])?;
    let n = data.len();
    if n == 0 {
        return Err(error("no median for empty data"));
    }
    Ok(if n % 2 == 1 { data[n / 2].clone() } else { data[n / 2 - 1].clone() })
}

fn median_high(a: Vec<Value>) -> PyResult<Value> {
    let data = sorted(&a[0])?;
    let n = data.len();
    if n == 0 {
        return Err(error("no median for empty data"));
    }
    Ok(data[n / 2].clone())
}

fn median_grouped(a: Vec<Value>) -> PyResult<Value> {
    let data = sorted(&a[0])?;
    let n = data.len();
    if n == 0 {
        return Err(error("no median for empty data"));
    }
    let x = &data[n / 2];
    // bisect_left(data, x), then bisect_right(data, x, lo=i).
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if ops::compare_bool(&data[mid], x, CmpOp::Lt)? {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    let i = lo;
    let (mut lo, mut hi) = (i, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if ops::compare_bool(x, &data[mid], CmpOp::Lt)? {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    let j = lo;
    let as_float = |v: &Value| match crate::builtins::to_float(v) {
        Ok(Value::Float(f)) => Ok(f),
        Ok(_) => Ok(f64::NAN),
        Err(e) if is_a(&e, &types().value_error) => Err(type_error("Value cannot be converted to a float")),
        Err(e) => Err(e),
    };
    let interval = as_float(&a[1])?;
    let x = as_float(x)?;
    let l = x - interval / 2.0;
    let (cf, f) = (i as f64, (j - i) as f64);
    Ok(Value::Float(l + interval * (n as f64 / 2.0 - cf) / f))
}

/// The items of `data` with their counts, in order of first appearance
/// (`Counter(iter(data))`).
fn counts(data: &Value) -> PyResult<Vec<(Value, usize)>> {
    let index = Dict::new();
    let mut out: Vec<(Value, usize)> = Vec::new();
    for x in crate::iter::to_vec(data)? {
        match index.get(&x)? {
            Some(Value::Int(i)) => out[i as usize].1 += 1,
            _ => {
                index.set(x.clone(), int(out.len()))?;
                out.push((x, 1));
            }
        }
    }
    Ok(out)
}

fn mode(a: Vec<Value>) -> PyResult<Value> {
    let counts = counts(&a[0])?;
    let mut best: Option<&(Value, usize)> = None;
    for pair in &counts {
        if best.is_none_or(|b| pair.1 > b.1) {
            best = Some(pair);
        }
    }
    match best {
        Some((v, _)) => Ok(v.clone()),
        None => Err(error("no mode for empty data")),
    }
}

fn multimode(a: Vec<Value>) -> PyResult<Value> {
    let counts = counts(&a[0])?;
    let max = counts.iter().map(|(_, c)| *c).max().unwrap_or(0);
    Ok(Value::list(counts.into_iter().filter(|(_, c)| *c == max).map(|(v, _)| v).collect()))
}

fn quantiles(a: Vec<Value>) -> PyResult<Value> {
    let (n_v, method) = (&a[1], &a[2]);
    if ops::compare_bool(n_v, &Value::Int(1), CmpOp::Lt)? {
        return Err(error("n must be at least 1"));
    }
    let data = sorted(&a[0])?;
    let ld = data.len() as i64;
    if ld < 2 {
        return Err(error("must have at least two data points"));
    }
    let inclusive = ops::eq(method, &Value::str("inclusive"))?;
    if !inclusive && !ops::eq(method, &Value::str("exclusive"))? {
        return Err(value_error(format!("Unknown method: {}", crate::fmt::repr(method)?)));
    }
    let n = ops::index_of(n_v, "n")?;
    let mut result = Vec::new();
    let interpolate = |lo: &Value, hi: &Value, delta: i64| -> PyResult<Value> {
        let left = bin(lo, &Value::Int(n - delta), BinOp::Mul)?;
        let right = bin(hi, &Value::Int(delta), BinOp::Mul)?;
        bin(&bin(&left, &right, BinOp::Add)?, n_v, BinOp::TrueDiv)
    };
    for i in 1..n {
        if inclusive {
            let m = ld - 1;
            let (j, delta) = (i * m).div_mod_floor(&n);
            result.push(interpolate(&data[j as usize], &data[j as usize + 1], delta)?);
        } else {
            let m = ld + 1;
            let j = Integer::div_floor(&(i * m), &n).clamp(1, ld - 1);
            let delta = i * m - j * n;
            result.push(interpolate(&data[j as usize - 1], &data[j as usize], delta)?);
        }
    }
    Ok(Value::list(result))
}

fn variance(a: Vec<Value>) -> PyResult<Value> {
    let (t, ss, _, n) = ss(&a[0], &a[1])?;
    if n < 2 {
        return Err(error("variance requires at least two data points"));
    }
    convert(bin(&ss, &int(n - 1), BinOp::TrueDiv)?, &t)
}

fn pvariance(a: Vec<Value>) -> PyResult<Value> {
    let (t, ss, _, n) = ss(&a[0], &a[1])?;
    if n < 1 {
        return Err(error("pvariance requires at least one data point"));
    }
    convert(bin(&ss, &int(n), BinOp::TrueDiv)?, &t)
}

fn stdev(a: Vec<Value>) -> PyResult<Value> {
    let (_, ss, _, n) = ss(&a[0], &a[1])?;
    if n < 2 {
        return Err(error("stdev requires at least two data points"));
    }
    let (num, den) = ratio_parts(&bin(&ss, &int(n - 1), BinOp::TrueDiv)?)?;
    float_sqrt_of_frac(&num, &den)
}

fn pstdev(a: Vec<Value>) -> PyResult<Value> {
    let (_, ss, _, n) = ss(&a[0], &a[1])?;
    if n < 1 {
        return Err(error("pstdev requires at least one data point"));
    }
    let (num, den) = ratio_parts(&bin(&ss, &int(n), BinOp::TrueDiv)?)?;
    float_sqrt_of_frac(&num, &den)
}

/// The length checks `covariance`, `correlation` and `linear_regression`
/// share.
fn pair_len(x: &Value, y: &Value, what: &str) -> PyResult<usize> {
    let n = ops::len(x)?;
    if ops::len(y)? != n {
        return Err(error(format!("{what} requires that both inputs have same number of data points")));
    }
    if n < 2 {
        return Err(error(format!("{what} requires at least two data points")));
    }
    Ok(n)
}

/// `fsum(x) / n`.
fn fmean_of(x: &Value, n: usize) -> PyResult<Value> {
    bin(&math("fsum", vec![x.clone()])?, &int(n), BinOp::TrueDiv)
}

/// `[xi - xbar for xi in x]`.
fn centered(x: &Value, xbar: &Value) -> PyResult<Value> {
    let items = crate::iter::to_vec(x)?;
    Ok(Value::list(items.iter().map(|xi| bin(xi, xbar, BinOp::Sub)).collect::<PyResult<_>>()?))
}

fn sumprod(x: &Value, y: &Value) -> PyResult<Value> {
    math("sumprod", vec![x.clone(), y.clone()])
}

fn covariance(a: Vec<Value>) -> PyResult<Value> {
    let (x, y) = (&a[0], &a[1]);
    let n = pair_len(x, y, "covariance")?;
    let (xbar, ybar) = (fmean_of(x, n)?, fmean_of(y, n)?);
    let sxy = sumprod(&centered(x, &xbar)?, &centered(y, &ybar)?)?;
    bin(&sxy, &int(n - 1), BinOp::TrueDiv)
}

/// `_rank(data, start=start)`: ranks from `start`, ties averaged.
fn rank(data: &Value, start: f64) -> PyResult<Value> {
    let items = crate::iter::to_vec(data)?;
    let pairs: Vec<Value> = items.into_iter().enumerate().map(|(i, v)| Value::tuple_of([v, int(i)])).collect();
    let val_pos = crate::iter::to_vec(&crate::builtins::sorted(vec![Value::list(pairs)], vec![])?)?;
    let split = |p: &Value| -> PyResult<(Value, usize)> {
        let t = crate::iter::to_vec(p)?;
        Ok((t[0].clone(), ops::index_of(&t[1], "pos")? as usize))
    };
    let mut result = vec![Value::Int(0); val_pos.len()];
    let mut i = start - 1.0;
    let mut k = 0;
    while k < val_pos.len() {
        let (first, _) = split(&val_pos[k])?;
        let mut end = k + 1;
        while end < val_pos.len() && ops::eq(&split(&val_pos[end])?.0, &first)? {
            end += 1;
        }
        let size = (end - k) as f64;
        let r = i + (size + 1.0) / 2.0;
        for p in &val_pos[k..end] {
            result[split(p)?.1] = Value::Float(r);
        }
        i += size;
        k = end;
    }
    Ok(Value::list(result))
}

fn correlation(a: Vec<Value>) -> PyResult<Value> {
    let (x, y, method) = (&a[0], &a[1], &a[2]);
    let n = pair_len(x, y, "correlation")?;
    let ranked = ops::eq(method, &Value::str("ranked"))?;
    if !ranked && !ops::eq(method, &Value::str("linear"))? {
        return Err(value_error(format!("Unknown method: {}", crate::fmt::repr(method)?)));
    }
    let (x, y) = if ranked {
        let start = (n as f64 - 1.0) / -2.0;
        (rank(x, start)?, rank(y, start)?)
    } else {
        let (xbar, ybar) = (fmean_of(x, n)?, fmean_of(y, n)?);
        (centered(x, &xbar)?, centered(y, &ybar)?)
    };
    let (sxy, sxx, syy) = (sumprod(&x, &y)?, sumprod(&x, &x)?, sumprod(&y, &y)?);
    let r = math("sqrt", vec![bin(&sxx, &syy, BinOp::Mul)?]).and_then(|root| bin(&sxy, &root, BinOp::TrueDiv));
    match r {
        Err(e) if is_a(&e, &types().zero_division_error) => Err(error("at least one of the inputs is constant")),
        other => other,
    }
}

fn linear_regression(a: Vec<Value>) -> PyResult<Value> {
    let (mut x, mut y) = (a[0].clone(), a[1].clone());
    let n = pair_len(&x, &y, "linear regression")?;
    let proportional = ops::truthy(&a[2])?;
    let (mut xbar, mut ybar) = (Value::None, Value::None);
    if !proportional {
        (xbar, ybar) = (fmean_of(&x, n)?, fmean_of(&y, n)?);
        x = centered(&x, &xbar)?;
        y = centered(&y, &ybar)?;
    }
    let sxy = bin(&sumprod(&x, &y)?, &Value::Float(0.0), BinOp::Add)?;
    let sxx = sumprod(&x, &x)?;
    let slope = match bin(&sxy, &sxx, BinOp::TrueDiv) {
        Err(e) if is_a(&e, &types().zero_division_error) => return Err(error("x is constant")),
        other => other?,
    };
    let intercept =
        if proportional { Value::Float(0.0) } else { bin(&ybar, &bin(&slope, &xbar, BinOp::Mul)?, BinOp::Sub)? };
    crate::call::call(LINEAR_REGRESSION.get(), vec![slope, intercept], vec![])
}

// ------------------------------------------------------------ NormalDist

static NORMAL_DIST: Lazy<Rc<Class>> = Lazy::new(build_normal_dist);

fn is_normal_dist(v: &Value) -> bool {
    matches!(v, Value::Object(o) if o.class.is_subclass(NORMAL_DIST.get()))
}

/// `(self._mu, self._sigma)`.
fn mu_sigma(v: &Value) -> PyResult<(f64, f64)> {
    if let Value::Object(o) = v
        && o.class.is_subclass(NORMAL_DIST.get())
        && let (Some(Value::Float(mu)), Some(Value::Float(sigma))) = (o.get_attr("_mu"), o.get_attr("_sigma"))
    {
        return Ok((mu, sigma));
    }
    Err(type_error(format!("descriptor requires a 'NormalDist' object but received a '{}'", ops::type_name(v))))
}

fn to_f64(v: &Value) -> PyResult<f64> {
    match crate::builtins::to_float(v)? {
        Value::Float(f) => Ok(f),
        _ => Ok(f64::NAN),
    }
}

fn math_f(name: &str, args: Vec<Value>) -> PyResult<f64> {
    to_f64(&math(name, args)?)
}

/// `NormalDist(mu, sigma)` of the base class.
fn normal_dist(mu: Value, sigma: Value) -> PyResult<Value> {
    crate::call::call(&Value::Class(NORMAL_DIST.get().clone()), vec![mu, sigma], vec![])
}

fn normal_init(a: Vec<Value>) -> PyResult<Value> {
    if ops::compare_bool(&a[2], &Value::Float(0.0), CmpOp::Lt)? {
        return Err(error("sigma must be non-negative"));
    }
    let (mu, sigma) = (crate::builtins::to_float(&a[1])?, crate::builtins::to_float(&a[2])?);
    crate::attr::setattr(&a[0], "_mu", mu)?;
    crate::attr::setattr(&a[0], "_sigma", sigma)?;
    Ok(Value::None)
}

/// `_mean_stdev(data)` for `NormalDist.from_samples`.
fn mean_stdev(data: &Value) -> PyResult<(Value, Value)> {
    let (_, ss, xbar, n) = ss(data, &Value::None)?;
    if n < 2 {
        return Err(error("stdev requires at least two data points"));
    }
    let mss = bin(&ss, &int(n - 1), BinOp::TrueDiv)?;
    let mean = crate::builtins::to_float(&xbar)?;
    match ratio_parts(&mss) {
        Ok((num, den)) => Ok((mean, float_sqrt_of_frac(&num, &den)?)),
        Err(e) if is_a(&e, &types().attribute_error) => {
            let spread = bin(&mean, &crate::builtins::to_float(&ss)?, BinOp::TrueDiv)?;
            Ok((mean, spread))
        }
        Err(e) => Err(e),
    }
}

/// `_normal_dist_inv_cdf(p, mu, sigma)`: Wichura's AS241 algorithm, with
/// the same operations in the same order as CPython's C version.
#[allow(clippy::excessive_precision)]
fn normal_dist_inv_cdf(p: f64, mu: f64, sigma: f64) -> f64 {
    let q = p - 0.5;
    if q.abs() <= 0.425 {
        let r = 0.180625 - q * q;
        let num = (((((((2.5090809287301226727e+3 * r + 3.3430575583588128105e+4) * r + 6.7265770927008700853e+4)
            * r
            + 4.5921953931549871457e+4)
            * r
            + 1.3731693765509461125e+4)
            * r
            + 1.9715909503065514427e+3)
            * r
            + 1.3314166789178437745e+2)
            * r
            + 3.3871328727963666080e+0)
            * q;
        let den = ((((((5.2264952788528545610e+3 * r + 2.8729085735721942674e+4) * r + 3.9307895800092710610e+4)
            * r
            + 2.1213794301586595867e+4)
            * r
            + 5.3941960214247511077e+3)
            * r
            + 6.8718700749205790830e+2)
            * r
            + 4.2313330701600911252e+1)
            * r
            + 1.0;
        let x = num / den;
        return mu + (x * sigma);
    }
    let r = if q <= 0.0 { p } else { 1.0 - p };
    let mut r = (-r.ln()).sqrt();
    let (num, den);
    if r <= 5.0 {
        r -= 1.6;
        num = ((((((7.74545014278341407640e-4 * r + 2.27238449892691845833e-2) * r + 2.41780725177450611770e-1) * r
            + 1.27045825245236838258e+0)
            * r
            + 3.64784832476320460504e+0)
            * r
            + 5.76949722146069140550e+0)
            * r
            + 4.63033784615654529590e+0)
            * r
            + 1.42343711074968357734e+0;
        den = ((((((1.05075007164441684324e-9 * r + 5.47593808499534494600e-4) * r + 1.51986665636164571966e-2) * r
            + 1.48103976427480074590e-1)
            * r
            + 6.89767334985100004550e-1)
            * r
            + 1.67638483018380384940e+0)
            * r
            + 2.05319162663775882187e+0)
            * r
            + 1.0;
    } else {
        r -= 5.0;
        num = ((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 1.24266094738807843860e-3) * r
            + 2.65321895265761230930e-2)
            * r
            + 2.96560571828504891230e-1)
            * r
            + 1.78482653991729133580e+0)
            * r
            + 5.46378491116411436990e+0)
            * r
            + 6.65790464350110377720e+0;
        den = ((((((2.04426310338993978564e-15 * r + 1.42151175831644588870e-7) * r + 1.84631831751005468180e-5)
            * r
            + 7.86869131145613259100e-4)
            * r
            + 1.48753612908506148525e-2)
            * r
            + 1.36929880922735805310e-1)
            * r
            + 5.99832206555887937690e-1)
            * r
            + 1.0;
    }
    let mut x = num / den;
    if q < 0.0 {
        x = -x;
    }
    mu + (x * sigma)
}

fn inv_cdf(this: &Value, p: &Value) -> PyResult<Value> {
    let (mu, sigma) = mu_sigma(this)?;
    if ops::compare_bool(p, &Value::Float(0.0), CmpOp::Le)? || ops::compare_bool(p, &Value::Float(1.0), CmpOp::Ge)? {
        return Err(error("p must be in the range 0.0 < p < 1.0"));
    }
    Ok(Value::Float(normal_dist_inv_cdf(to_f64(p)?, mu, sigma)))
}

fn cdf_at(mu: f64, sigma: f64, x: &Value) -> PyResult<f64> {
    if sigma == 0.0 {
        return Err(error("cdf() not defined when sigma is zero"));
    }
    let z =
        bin(&bin(x, &Value::Float(mu), BinOp::Sub)?, &Value::Float(sigma * std::f64::consts::SQRT_2), BinOp::TrueDiv)?;
    Ok(0.5 * (1.0 + math_f("erf", vec![z])?))
}

fn overlap(a: &Value, b: &Value) -> PyResult<Value> {
    if !is_normal_dist(b) {
        return Err(type_error("Expected another NormalDist instance"));
    }
    let (mut x, mut y) = (mu_sigma(a)?, mu_sigma(b)?);
    if (y.1, y.0) < (x.1, x.0) {
        std::mem::swap(&mut x, &mut y);
    }
    let (x_var, y_var) = (x.1 * x.1, y.1 * y.1);
    if x_var == 0.0 || y_var == 0.0 {
        return Err(error("overlap() not defined when sigma is zero"));
    }
    let dv = y_var - x_var;
    let dm = (y.0 - x.0).abs();
    if dv == 0.0 {
        let e = math_f("erf", vec![Value::Float(dm / (2.0 * x.1 * std::f64::consts::SQRT_2))])?;
        return Ok(Value::Float(1.0 - e));
    }
    let a_ = x.0 * y_var - y.0 * x_var;
    let log = math_f("log", vec![Value::Float(y_var / x_var)])?;
    let b_ = x.1 * y.1 * math_f("sqrt", vec![Value::Float(dm * dm + dv * log)])?;
    let (x1, x2) = ((a_ + b_) / dv, (a_ - b_) / dv);
    let at = |p: (f64, f64), v: f64| cdf_at(p.0, p.1, &Value::Float(v));
    let d1 = (at(y, x1)? - at(x, x1)?).abs();
    let d2 = (at(y, x2)? - at(x, x2)?).abs();
    Ok(Value::Float(1.0 - (d1 + d2)))
}

fn normal_samples(a: Vec<Value>) -> PyResult<Value> {
    let (mu, sigma) = mu_sigma(&a[0])?;
    let random = crate::modules::import("random")?;
    let gauss = if a[2].is_none() {
        crate::attr::getattr(&random, "gauss")?
    } else {
        let rng = crate::call::call(&crate::attr::getattr(&random, "Random")?, vec![a[2].clone()], vec![])?;
        crate::attr::getattr(&rng, "gauss")?
    };
    let n = ops::index_of(&a[1], "n")?;
    let mut out = Vec::new();
    for _ in 0..n.max(0) {
        out.push(crate::call::call(&gauss, vec![Value::Float(mu), Value::Float(sigma)], vec![])?);
    }
    Ok(Value::list(out))
}

/// `NormalDist.__add__` / `__sub__`: another NormalDist adds variances.
fn shift(a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    let (mu, sigma) = mu_sigma(a)?;
    if is_normal_dist(b) {
        let (mu2, sigma2) = mu_sigma(b)?;
        let hyp = math("hypot", vec![Value::Float(sigma), Value::Float(sigma2)])?;
        return normal_dist(bin(&Value::Float(mu), &Value::Float(mu2), op)?, hyp);
    }
    normal_dist(bin(&Value::Float(mu), b, op)?, Value::Float(sigma))
}

/// `NormalDist.__mul__` / `__truediv__` by a constant.
fn scale(a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    let (mu, sigma) = mu_sigma(a)?;
    let fabs = math("fabs", vec![b.clone()])?;
    normal_dist(bin(&Value::Float(mu), b, op)?, bin(&Value::Float(sigma), &fabs, op)?)
}

static NORMAL_INIT_SIG: Signature = sig(&["self", "mu", "sigma"], 0, 3, 0);
static SAMPLES_SIG: Signature = sig(&["self", "n", "seed"], 0, 2, 1);
static QUANTILES_N_SIG: Signature = sig(&["self", "n"], 0, 2, 0);

fn build_normal_dist() -> Rc<Class> {
    let ns = Dict::new();
    ns.set_str("__module__", Value::str("statistics"));
    ns.set_str("__qualname__", Value::str("NormalDist"));
    ns.set_str("__doc__", Value::str("Normal distribution of a random variable"));
    ns.set_str("__slots__", Value::tuple_of([Value::str("_mu"), Value::str("_sigma")]));
    let with_sig = |name: &str,
                    sig: &'static Signature,
                    defaults: Vec<Value>,
                    kw: Vec<Option<Value>>,
                    body: fn(Vec<Value>) -> PyResult<Value>| {
        let f = Function::new(name, &format!("NormalDist.{name}"), sig, defaults, kw, Rc::new(body), None);
        ns.set_str(name, f);
    };
    with_sig("__init__", &NORMAL_INIT_SIG, vec![Value::Float(0.0), Value::Float(1.0)], vec![], normal_init);
    with_sig("samples", &SAMPLES_SIG, vec![], vec![Some(Value::None)], normal_samples);
    with_sig("quantiles", &QUANTILES_N_SIG, vec![Value::Int(4)], vec![], |a| {
        let n = ops::index_of(&a[1], "n")?;
        let mut out = Vec::new();
        for i in 1..n {
            out.push(inv_cdf(&a[0], &bin(&Value::Int(i), &a[1], BinOp::TrueDiv)?)?);
        }
        Ok(Value::list(out))
    });
    let method = |name: &'static str, params: &'static [&'static str], body: fn(Vec<Value>) -> PyResult<Value>| {
        ns.set_str(name, Function::native("NormalDist", name, params, body));
    };
    let from_samples = Function::native("NormalDist", "from_samples", &["cls", "data"], |a| {
        let (mu, sigma) = mean_stdev(&a[1])?;
        crate::call::call(&a[0], vec![mu, sigma], vec![])
    });
    ns.set_str("from_samples", Value::native(crate::classes::ClassMethod { func: from_samples }));
    method("pdf", &["self", "x"], |a| {
        let (mu, sigma) = mu_sigma(&a[0])?;
        let variance = sigma * sigma;
        if variance == 0.0 {
            return Err(error("pdf() not defined when sigma is zero"));
        }
        let diff = bin(&a[1], &Value::Float(mu), BinOp::Sub)?;
        let e = bin(&bin(&diff, &diff, BinOp::Mul)?, &Value::Float(-2.0 * variance), BinOp::TrueDiv)?;
        let tau = std::f64::consts::TAU;
        Ok(Value::Float(math_f("exp", vec![e])? / math_f("sqrt", vec![Value::Float(tau * variance)])?))
    });
    method("cdf", &["self", "x"], |a| {
        let (mu, sigma) = mu_sigma(&a[0])?;
        Ok(Value::Float(cdf_at(mu, sigma, &a[1])?))
    });
    method("inv_cdf", &["self", "p"], |a| inv_cdf(&a[0], &a[1]));
    method("overlap", &["self", "other"], |a| overlap(&a[0], &a[1]));
    method("zscore", &["self", "x"], |a| {
        let (mu, sigma) = mu_sigma(&a[0])?;
        if sigma == 0.0 {
            return Err(error("zscore() not defined when sigma is zero"));
        }
        bin(&bin(&a[1], &Value::Float(mu), BinOp::Sub)?, &Value::Float(sigma), BinOp::TrueDiv)
    });
    let property = |name: &'static str, body: fn(&Value) -> PyResult<Value>| {
        let fget = Function::native("NormalDist", name, &["self"], move |a| body(&a[0]));
        ns.set_str(name, crate::classes::Property::getter(name, fget));
    };
    for name in ["mean", "median", "mode"] {
        property(name, |v| Ok(Value::Float(mu_sigma(v)?.0)));
    }
    property("stdev", |v| Ok(Value::Float(mu_sigma(v)?.1)));
    property("variance", |v| {
        let s = mu_sigma(v)?.1;
        Ok(Value::Float(s * s))
    });
    method("__add__", &["x1", "x2"], |a| shift(&a[0], &a[1], BinOp::Add));
    method("__radd__", &["x1", "x2"], |a| shift(&a[0], &a[1], BinOp::Add));
    method("__sub__", &["x1", "x2"], |a| shift(&a[0], &a[1], BinOp::Sub));
    method("__rsub__", &["x1", "x2"], |a| ops::neg(&shift(&a[0], &a[1], BinOp::Sub)?));
    method("__mul__", &["x1", "x2"], |a| scale(&a[0], &a[1], BinOp::Mul));
    method("__rmul__", &["x1", "x2"], |a| scale(&a[0], &a[1], BinOp::Mul));
    method("__truediv__", &["x1", "x2"], |a| scale(&a[0], &a[1], BinOp::TrueDiv));
    method("__pos__", &["x1"], |a| {
        let (mu, sigma) = mu_sigma(&a[0])?;
        normal_dist(Value::Float(mu), Value::Float(sigma))
    });
    method("__neg__", &["x1"], |a| {
        let (mu, sigma) = mu_sigma(&a[0])?;
        normal_dist(Value::Float(-mu), Value::Float(sigma))
    });
    method("__eq__", &["x1", "x2"], |a| {
        if !is_normal_dist(&a[1]) {
            return Ok(Value::NotImplemented);
        }
        let (x, y) = (mu_sigma(&a[0])?, mu_sigma(&a[1])?);
        Ok(Value::Bool(x.0 == y.0 && x.1 == y.1))
    });
    method("__ne__", &["x1", "x2"], |a| {
        if !is_normal_dist(&a[1]) {
            return Ok(Value::NotImplemented);
        }
        let (x, y) = (mu_sigma(&a[0])?, mu_sigma(&a[1])?);
        Ok(Value::Bool(!(x.0 == y.0 && x.1 == y.1)))
    });
    method("__hash__", &["self"], |a| {
        let (mu, sigma) = mu_sigma(&a[0])?;
        Ok(Value::Int(ops::hash(&Value::tuple_of([Value::Float(mu), Value::Float(sigma)]))?))
    });
    method("__repr__", &["self"], |a| {
        let (mu, sigma) = mu_sigma(&a[0])?;
        let r = |f: f64| crate::fmt::repr(&Value::Float(f));
        Ok(Value::str(format!("{}(mu={}, sigma={})", type_of(&a[0]).name(), r(mu)?, r(sigma)?)))
    });
    match crate::classes::type_new(&types().type_, "NormalDist", vec![], ns, vec![]) {
        Ok(Value::Class(c)) => c,
        _ => types().object.clone(),
    }
}

// ------------------------------------------------------------ the module

const fn sig(params: &'static [&'static str], posonly: usize, positional: usize, kwonly: usize) -> Signature {
    Signature { params, posonly, positional, varargs: false, kwonly, varkw: false }
}

static DATA: Signature = sig(&["data"], 0, 1, 0);
static DATA_WEIGHTS: Signature = sig(&["data", "weights"], 0, 2, 0);
static GROUPED: Signature = sig(&["data", "interval"], 0, 2, 0);
static QUANTILES: Signature = sig(&["data", "n", "method"], 0, 1, 2);
static XBAR: Signature = sig(&["data", "xbar"], 0, 2, 0);
static MU: Signature = sig(&["data", "mu"], 0, 2, 0);
static XY: Signature = sig(&["x", "y"], 2, 2, 0);
static CORRELATION: Signature = sig(&["x", "y", "method"], 2, 2, 1);
static REGRESSION: Signature = sig(&["x", "y", "proportional"], 2, 2, 1);

pub fn module_attrs() -> Dict {
    let d = Dict::new();
    d.set_str("StatisticsError", Value::Class(ERROR.get().clone()));
    d.set_str("LinearRegression", LINEAR_REGRESSION.get().clone());
    d.set_str("NormalDist", Value::Class(NORMAL_DIST.get().clone()));
    type Entry = (&'static str, &'static Signature, Vec<Value>, Vec<Option<Value>>, fn(Vec<Value>) -> PyResult<Value>);
    let entries: Vec<Entry> = vec![
        ("mean", &DATA, vec![], vec![], mean),
        ("fmean", &DATA_WEIGHTS, vec![Value::None], vec![], fmean),
        ("geometric_mean", &DATA, vec![], vec![], geometric_mean),
        ("harmonic_mean", &DATA_WEIGHTS, vec![Value::None], vec![], harmonic_mean),
        ("median", &DATA, vec![], vec![], median),
        ("median_low", &DATA, vec![], vec![], median_low),
        ("median_high", &DATA, vec![], vec![], median_high),
        ("median_grouped", &GROUPED, vec![Value::Float(1.0)], vec![], median_grouped),
        ("mode", &DATA, vec![], vec![], mode),
        ("multimode", &DATA, vec![], vec![], multimode),
        ("quantiles", &QUANTILES, vec![], vec![Some(Value::Int(4)), Some(Value::str("exclusive"))], quantiles),
        ("variance", &XBAR, vec![Value::None], vec![], variance),
        ("pvariance", &MU, vec![Value::None], vec![], pvariance),
        ("stdev", &XBAR, vec![Value::None], vec![], stdev),
        ("pstdev", &MU, vec![Value::None], vec![], pstdev),
        ("covariance", &XY, vec![], vec![], covariance),
        ("correlation", &CORRELATION, vec![], vec![Some(Value::str("linear"))], correlation),
        ("linear_regression", &REGRESSION, vec![], vec![Some(Value::Bool(false))], linear_regression),
    ];
    for (name, sig, defaults, kwdefaults, body) in entries {
        d.set_str(name, Function::in_module("statistics", name, sig, defaults, kwdefaults, body));
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqrt_of_frac_rounds_once() {
        // statistics._float_sqrt_of_frac(2, 1) and (1, 3) under CPython 3.12.
        let f = |n: i64, m: i64| match float_sqrt_of_frac(&BigInt::from(n), &BigInt::from(m)) {
            Ok(Value::Float(x)) => x,
            _ => f64::NAN,
        };
        assert_eq!(f(2, 1), 2f64.sqrt());
        assert_eq!(f(1, 3), 0.5773502691896257);
        assert_eq!(f(0, 1), 0.0);
    }
}
