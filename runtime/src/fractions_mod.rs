//! The `fractions` module: `Fraction`, step by step as Lib/fractions.py of
//! CPython 3.12 computes it (the constructor's string grammar, the
//! gcd-saving arithmetic, `__format__`, `limit_denominator`, the hash).
//!
//! `Fraction` is a class made with `type.__new__` whose methods are Rust
//! functions, so instances are ordinary objects (`__slots__` holding
//! `_numerator` and `_denominator`, ints) and every protocol (operators,
//! `hash`, `round`, `math.floor`, `format`) reaches them through the dunder
//! methods, as it does in CPython. Mixed arithmetic follows
//! `_operator_fallbacks`: int and Fraction operands stay exact, a float
//! makes a float, a complex a complex, anything else is `NotImplemented`.
//! `statistics.rs` uses [`Q`] for its exact sums. `Decimal` does not exist
//! here, so `from_decimal` only accepts ints.

use std::rc::Rc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::class::Class;
use crate::classes::{ClassMethod, Property};
use crate::dict::Dict;
use crate::exc::{PyErr, PyResult, type_error, value_error, zero_division_error};
use crate::func::{Function, Signature};
use crate::gil::Lazy;
use crate::ops::{self, BinOp, CmpOp, type_name, type_of};
use crate::str::PyStr;
use crate::types::types;
use crate::value::Value;

/// A rational in lowest terms with a positive denominator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Q {
    pub n: BigInt,
    pub d: BigInt,
}

impl Q {
    pub fn int(n: BigInt) -> Q {
        Q { n, d: BigInt::one() }
    }

    /// `Fraction(n, d)`: reduced, the sign on the numerator.
    pub fn new(n: BigInt, d: BigInt) -> PyResult<Q> {
        if d.is_zero() {
            return Err(zero_division_error(format!("Fraction({n}, 0)")));
        }
        let mut g = n.gcd(&d);
        if d.is_negative() {
            g = -g;
        }
        Ok(Q { n: n / &g, d: d / &g })
    }

    pub fn add(&self, b: &Q) -> Q {
        add_sub(self, b, false)
    }

    pub fn sub(&self, b: &Q) -> Q {
        add_sub(self, b, true)
    }

    pub fn mul(&self, b: &Q) -> Q {
        let (mut na, mut da, mut nb, mut db) = (self.n.clone(), self.d.clone(), b.n.clone(), b.d.clone());
        let g1 = na.gcd(&db);
        if g1 > BigInt::one() {
            na /= &g1;
            db /= &g1;
        }
        let g2 = nb.gcd(&da);
        if g2 > BigInt::one() {
            nb /= &g2;
            da /= &g2;
        }
        Q { n: na * nb, d: db * da }
    }

    pub fn div(&self, b: &Q) -> PyResult<Q> {
        if b.n.is_zero() {
            return Err(zero_division_error(format!("Fraction({}, 0)", b.d)));
        }
        let (mut na, mut da, mut nb, mut db) = (self.n.clone(), self.d.clone(), b.n.clone(), b.d.clone());
        let g1 = na.gcd(&nb);
        if g1 > BigInt::one() {
            na /= &g1;
            nb /= &g1;
        }
        let g2 = db.gcd(&da);
        if g2 > BigInt::one() {
            da /= &g2;
            db /= &g2;
        }
        let (n, d) = (na * db, nb * da);
        Ok(if d.is_negative() { Q { n: -n, d: -d } } else { Q { n, d } })
    }

    /// `float(self)`: the correctly rounded quotient, as `int / int`.
    pub fn to_f64(&self) -> PyResult<f64> {
        match ops::binary(&Value::from_bigint(self.n.clone()), &Value::from_bigint(self.d.clone()), BinOp::TrueDiv)? {
            Value::Float(f) => Ok(f),
            _ => Ok(f64::NAN),
        }
    }

    pub fn from_f64(f: f64) -> PyResult<Q> {
        let (n, d) = crate::exc::pure(crate::num_ops::float_as_integer_ratio(f))?;
        Ok(Q { n: n.into_bigint(), d: d.into_bigint() })
    }
}

fn add_sub(a: &Q, b: &Q, sub: bool) -> Q {
    let combine = |x: BigInt, y: BigInt| if sub { x - y } else { x + y };
    let g = a.d.gcd(&b.d);
    if g.is_one() {
        return Q { n: combine(&a.n * &b.d, &a.d * &b.n), d: &a.d * &b.d };
    }
    let s = &a.d / &g;
    let t = combine(&a.n * (&b.d / &g), &b.n * &s);
    let g2 = t.gcd(&g);
    if g2.is_one() {
        return Q { n: t, d: s * &b.d };
    }
    Q { n: t / &g2, d: s * (&b.d / &g2) }
}

// ------------------------------------------------------------ the class

static CLASS: Lazy<Rc<Class>> = Lazy::new(build_class);

/// `fractions.Fraction`.
pub fn fraction_class() -> Rc<Class> {
    CLASS.get().clone()
}

/// The value of a Fraction instance (of the class or a subclass).
pub fn as_q(v: &Value) -> Option<Q> {
    let Value::Object(o) = v else { return None };
    if !o.class.is_subclass(CLASS.get()) {
        return None;
    }
    let n = crate::builtins::to_bigint(&o.get_attr("_numerator")?)?;
    let d = crate::builtins::to_bigint(&o.get_attr("_denominator")?)?;
    Some(Q { n, d })
}

/// `Fraction._from_coprime_ints(n, d)` on `cls`.
fn make_in(cls: &Rc<Class>, q: Q) -> Value {
    let obj = crate::classes::new_instance(cls, &[]);
    if let Value::Object(o) = &obj {
        o.set_attr(&PyStr::new("_numerator"), Value::from_bigint(q.n));
        o.set_attr(&PyStr::new("_denominator"), Value::from_bigint(q.d));
    }
    obj
}

/// A new `Fraction` with the value `q` (already in lowest terms).
pub fn make(q: Q) -> Value {
    make_in(CLASS.get(), q)
}

/// An int, bool or Fraction as a rational (`numbers.Rational`).
pub fn rational_of(v: &Value) -> Option<Q> {
    match v {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => Some(Q::int(crate::builtins::to_bigint(v)?)),
        _ => as_q(v),
    }
}

/// The value of a method's Fraction operand; anything else fails as
/// CPython's methods do, on reading `_numerator`.
fn this(v: &Value) -> PyResult<Q> {
    this_reading(v, "_numerator")
}

/// [`this`] for a method whose first read is `attr`.
fn this_reading(v: &Value, attr: &str) -> PyResult<Q> {
    as_q(v).ok_or_else(|| {
        crate::exc::attribute_error_for(v, attr, format!("'{}' object has no attribute '{attr}'", type_name(v)))
    })
}

fn int(b: BigInt) -> Value {
    Value::from_bigint(b)
}

static NEW_SIG: Signature = Signature {
    params: &["cls", "numerator", "denominator"],
    posonly: 0,
    positional: 3,
    varargs: false,
    kwonly: 0,
    varkw: false,
};

static LIMIT_SIG: Signature = Signature {
    params: &["self", "max_denominator"],
    posonly: 0,
    positional: 2,
    varargs: false,
    kwonly: 0,
    varkw: false,
};

static ROUND_SIG: Signature =
    Signature { params: &["self", "ndigits"], posonly: 0, positional: 2, varargs: false, kwonly: 0, varkw: false };

fn method(
    ns: &Dict,
    name: &'static str,
    params: &'static [&'static str],
    body: impl Fn(Vec<Value>) -> PyResult<Value> + 'static,
) {
    ns.set_str(name, Function::native("Fraction", name, params, body));
}

fn with_defaults(
    ns: &Dict,
    name: &str,
    sig: &'static Signature,
    defaults: Vec<Value>,
    body: fn(Vec<Value>) -> PyResult<Value>,
) {
    let f = Function::new(name, &format!("Fraction.{name}"), sig, defaults, vec![], Rc::new(body), None);
    if let Value::Function(func) = &f {
        func.module.replace(PyStr::new("fractions"));
    }
    ns.set_str(name, f);
}

fn property(ns: &Dict, name: &'static str, body: fn(&Value) -> PyResult<Value>) {
    let fget = Function::native("Fraction", name, &["self"], move |a| body(&a[0]));
    ns.set_str(name, Property::getter(name, fget));
}

/// The binary operators `_operator_fallbacks` generates.
#[derive(Clone, Copy)]
enum Arith {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    DivMod,
}

impl Arith {
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Arith::Add => ("__add__", "__radd__"),
            Arith::Sub => ("__sub__", "__rsub__"),
            Arith::Mul => ("__mul__", "__rmul__"),
            Arith::Div => ("__truediv__", "__rtruediv__"),
            Arith::FloorDiv => ("__floordiv__", "__rfloordiv__"),
            Arith::Mod => ("__mod__", "__rmod__"),
            Arith::DivMod => ("__divmod__", "__rdivmod__"),
        }
    }

    /// The rational operator (`_add`, `_div`, ...).
    fn exact(self, a: &Q, b: &Q) -> PyResult<Value> {
        Ok(match self {
            Arith::Add => make(a.add(b)),
            Arith::Sub => make(a.sub(b)),
            Arith::Mul => make(a.mul(b)),
            Arith::Div => make(a.div(b)?),
            Arith::FloorDiv => {
                let den = &a.d * &b.n;
                if den.is_zero() {
                    return Err(zero_division_error("integer division or modulo by zero"));
                }
                int((&a.n * &b.d).div_floor(&den))
            }
            Arith::DivMod => {
                let den = &a.d * &b.n;
                if den.is_zero() {
                    return Err(zero_division_error("integer division or modulo by zero"));
                }
                let (div, n_mod) = (&a.n * &b.d).div_mod_floor(&den);
                Value::tuple_of([int(div), make(Q::new(n_mod, &a.d * &b.d)?)])
            }
            Arith::Mod => {
                let m = &b.n * &a.d;
                if m.is_zero() {
                    return Err(zero_division_error("integer modulo by zero"));
                }
                make(Q::new((&a.n * &b.d).mod_floor(&m), &a.d * &b.d)?)
            }
        })
    }

    /// The `operator` function applied to two built-in numbers.
    fn fallback(self, x: &Value, y: &Value) -> PyResult<Value> {
        let op = match self {
            Arith::Add => BinOp::Add,
            Arith::Sub => BinOp::Sub,
            Arith::Mul => BinOp::Mul,
            Arith::Div => BinOp::TrueDiv,
            Arith::FloorDiv => BinOp::FloorDiv,
            Arith::Mod => BinOp::Mod,
            Arith::DivMod => return crate::builtins::divmod(vec![x.clone(), y.clone()], vec![]),
        };
        ops::binary(x, y, op)
    }
}

fn to_complex(q: &Q) -> PyResult<Value> {
    Ok(crate::complex::new(q.to_f64()?, 0.0))
}

/// `__op__(a, b)`.
fn forward(a: &Value, b: &Value, op: Arith) -> PyResult<Value> {
    if let Some(bq) = rational_of(b) {
        return op.exact(&this(a)?, &bq);
    }
    match b {
        Value::Float(_) => op.fallback(&Value::Float(this(a)?.to_f64()?), b),
        _ if crate::complex::is_complex(b) => op.fallback(&to_complex(&this(a)?)?, b),
        _ => Ok(Value::NotImplemented),
    }
}

/// `__rop__(b, a)`: `a op b` where `b` is the Fraction.
fn reverse(b: &Value, a: &Value, op: Arith) -> PyResult<Value> {
    let b = this(b)?;
    if let Some(aq) = rational_of(a) {
        return op.exact(&aq, &b);
    }
    match a {
        Value::Float(_) => op.fallback(a, &Value::Float(b.to_f64()?)),
        _ if crate::complex::is_complex(a) => op.fallback(a, &to_complex(&b)?),
        _ => Ok(Value::NotImplemented),
    }
}

fn pow_int(base: &BigInt, e: &BigInt) -> PyResult<BigInt> {
    let r = ops::binary(&int(base.clone()), &int(e.clone()), BinOp::Pow)?;
    crate::builtins::to_bigint(&r).ok_or_else(|| type_error("integer power"))
}

/// `Fraction.__pow__(a, b)`.
fn pow(a: &Q, b: &Value) -> PyResult<Value> {
    let Some(bq) = rational_of(b) else {
        return ops::binary(&Value::Float(a.to_f64()?), b, BinOp::Pow);
    };
    if !bq.d.is_one() {
        return ops::binary(&Value::Float(a.to_f64()?), &Value::Float(bq.to_f64()?), BinOp::Pow);
    }
    let power = bq.n;
    if !power.is_negative() {
        return Ok(make(Q { n: pow_int(&a.n, &power)?, d: pow_int(&a.d, &power)? }));
    }
    let minus = -power;
    if a.n.is_positive() {
        Ok(make(Q { n: pow_int(&a.d, &minus)?, d: pow_int(&a.n, &minus)? }))
    } else if a.n.is_zero() {
        Err(zero_division_error(format!("Fraction({}, 0)", pow_int(&a.d, &minus)?)))
    } else {
        Ok(make(Q { n: pow_int(&-&a.d, &minus)?, d: pow_int(&-&a.n, &minus)? }))
    }
}

/// `Fraction.__rpow__(b, a)`: `a ** b`.
fn rpow(b: &Q, a: &Value) -> PyResult<Value> {
    if b.d.is_one() && !b.n.is_negative() {
        return ops::binary(a, &int(b.n.clone()), BinOp::Pow);
    }
    if let Some(aq) = rational_of(a) {
        return pow(&aq, &make(b.clone()));
    }
    if b.d.is_one() {
        return ops::binary(a, &int(b.n.clone()), BinOp::Pow);
    }
    ops::binary(a, &Value::Float(b.to_f64()?), BinOp::Pow)
}

fn cmp_holds(op: CmpOp, ord: std::cmp::Ordering) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CmpOp::Lt => ord == Less,
        CmpOp::Le => ord != Greater,
        CmpOp::Gt => ord == Greater,
        CmpOp::Ge => ord != Less,
        CmpOp::Eq => ord == Equal,
        CmpOp::Ne => ord != Equal,
    }
}

fn cmp_q(a: &Q, b: &Q) -> std::cmp::Ordering {
    (&a.n * &b.d).cmp(&(&a.d * &b.n))
}

/// `Fraction._richcmp(self, other, op)`.
fn richcmp(a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    let a = this(a)?;
    if let Some(bq) = rational_of(b) {
        return Ok(Value::Bool(cmp_holds(op, cmp_q(&a, &bq))));
    }
    if let Value::Float(f) = b {
        if !f.is_finite() {
            return ops::compare(&Value::Float(0.0), b, op);
        }
        return Ok(Value::Bool(cmp_holds(op, cmp_q(&a, &Q::from_f64(*f)?))));
    }
    Ok(Value::NotImplemented)
}

/// `Fraction.__eq__(a, b)`.
fn eq(a: &Value, b: &Value) -> PyResult<Value> {
    let a = this(a)?;
    if let Some(bq) = rational_of(b) {
        return Ok(Value::Bool(a == bq));
    }
    let mut b = b.clone();
    if crate::complex::is_complex(&b) {
        let imag = crate::attr::getattr(&b, "imag")?;
        if !ops::eq(&imag, &Value::Int(0))? {
            return Ok(Value::NotImplemented);
        }
        b = crate::attr::getattr(&b, "real")?;
    }
    match b {
        Value::Float(f) if !f.is_finite() => Ok(Value::Bool(false)),
        Value::Float(f) => Ok(Value::Bool(a == Q::from_f64(f)?)),
        _ => Ok(Value::NotImplemented),
    }
}

/// CPython's hash of a rational: `|n| * inverse(d)` modulo 2**61 - 1, the
/// sign of `n`, and `-1` made `-2` (`_hash_algorithm`).
pub fn hash_q(q: &Q) -> i64 {
    const M: u64 = (1 << 61) - 1;
    let m = BigInt::from(M);
    let dm = (&q.d % &m).to_u64().unwrap_or(0);
    let h = if dm == 0 {
        314_159
    } else {
        let nm = (q.n.abs() % &m).to_u64().unwrap_or(0);
        let dinv = crate::num_ops::modpow_u64(dm, M - 2, M);
        ((nm as u128 * dinv as u128) % M as u128) as i64
    };
    let r = if q.n.is_negative() { -h } else { h };
    if r == -1 { -2 } else { r }
}

// ------------------------------------------------------ the constructor

fn is_space(c: char) -> bool {
    let mut buf = [0u8; 4];
    crate::str_methods::isspace(c.encode_utf8(&mut buf))
}

fn is_digit(c: char) -> bool {
    crate::str_methods::decimal_value(c).is_some()
}

/// `\d+(_\d+)*` at `i`: the end of the run, or `i` when there is none.
fn digit_groups(s: &[char], mut i: usize) -> usize {
    let start = i;
    while i < s.len() && is_digit(s[i]) {
        i += 1;
    }
    if i == start {
        return start;
    }
    while i + 1 < s.len() && s[i] == '_' && is_digit(s[i + 1]) {
        i += 1;
        while i < s.len() && is_digit(s[i]) {
            i += 1;
        }
    }
    i
}

fn skip_space(s: &[char], mut i: usize) -> usize {
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    i
}

/// The groups `_RATIONAL_FORMAT` matches: sign, num, denom, decimal, exp.
struct Literal {
    negative: bool,
    num: String,
    denom: Option<String>,
    decimal: Option<String>,
    exp: Option<String>,
}

fn match_rational(text: &str) -> Option<Literal> {
    let s: Vec<char> = text.chars().collect();
    let mut i = skip_space(&s, 0);
    let mut negative = false;
    if i < s.len() && (s[i] == '-' || s[i] == '+') {
        negative = s[i] == '-';
        i += 1;
    }
    // (?=\d|\.\d)
    let starts = i < s.len() && (is_digit(s[i]) || (s[i] == '.' && i + 1 < s.len() && is_digit(s[i + 1])));
    if !starts {
        return None;
    }
    let num_end = digit_groups(&s, i);
    let num: String = s[i..num_end].iter().collect();
    i = num_end;
    let collect = |a: usize, b: usize| -> String { s[a..b].iter().collect() };
    // A denominator: \s*/\s*(\d+(_\d+)*)
    let j = skip_space(&s, i);
    if j < s.len() && s[j] == '/' {
        let k = skip_space(&s, j + 1);
        let end = digit_groups(&s, k);
        if end > k && skip_space(&s, end) == s.len() {
            return Some(Literal { negative, num, denom: Some(collect(k, end)), decimal: None, exp: None });
        }
        return None;
    }
    let mut decimal = None;
    if i < s.len() && s[i] == '.' {
        // `(?P<decimal>d*|\d+(_\d+)*)`: the pattern's first alternative is
        // a literal `d` (case-insensitive), tried first.
        let mut k = i + 1;
        while k < s.len() && (s[k] == 'd' || s[k] == 'D') {
            k += 1;
        }
        if k > i + 1 && tail_ok(&s, k) {
            decimal = Some(collect(i + 1, k));
            i = k;
        } else {
            let end = digit_groups(&s, i + 1);
            decimal = Some(collect(i + 1, end));
            i = end;
        }
    }
    let mut exp = None;
    if i < s.len() && (s[i] == 'e' || s[i] == 'E') {
        let mut k = i + 1;
        if k < s.len() && (s[k] == '+' || s[k] == '-') {
            k += 1;
        }
        let end = digit_groups(&s, k);
        if end > k {
            exp = Some(collect(i + 1, end));
            i = end;
        }
    }
    if skip_space(&s, i) != s.len() {
        return None;
    }
    Some(Literal { negative, num, denom: None, decimal, exp })
}

/// Whether `(?:E[-+]?\d+(_\d+)*)?\s*\Z` matches at `i`.
fn tail_ok(s: &[char], mut i: usize) -> bool {
    if i < s.len() && (s[i] == 'e' || s[i] == 'E') {
        let mut k = i + 1;
        if k < s.len() && (s[k] == '+' || s[k] == '-') {
            k += 1;
        }
        let end = digit_groups(s, k);
        if end > k {
            i = end;
        }
    }
    skip_space(s, i) == s.len()
}

fn parse_int(s: &str) -> PyResult<BigInt> {
    let v = crate::builtins::to_int(&Value::str(s))?;
    crate::builtins::to_bigint(&v).ok_or_else(|| value_error("int"))
}

fn ten_pow(e: &BigInt) -> PyResult<BigInt> {
    pow_int(&BigInt::from(10), e)
}

/// `Fraction(text)`, before normalisation.
fn parse_literal(text: &Value, s: &str) -> PyResult<(BigInt, BigInt)> {
    let Some(m) = match_rational(s) else {
        return Err(value_error(format!("Invalid literal for Fraction: {}", crate::fmt::repr(text)?)));
    };
    let mut numerator = if m.num.is_empty() { BigInt::zero() } else { parse_int(&m.num)? };
    let mut denominator;
    if let Some(denom) = m.denom.filter(|d| !d.is_empty()) {
        denominator = parse_int(&denom)?;
    } else {
        denominator = BigInt::one();
        if let Some(decimal) = m.decimal.filter(|d| !d.is_empty()) {
            let decimal = decimal.replace('_', "");
            let scale = ten_pow(&BigInt::from(decimal.chars().count()))?;
            numerator = numerator * &scale + parse_int(&decimal)?;
            denominator *= scale;
        }
        if let Some(exp) = m.exp.filter(|e| !e.is_empty()) {
            let exp = parse_int(&exp)?;
            if !exp.is_negative() {
                numerator *= ten_pow(&exp)?;
            } else {
                denominator *= ten_pow(&-exp)?;
            }
        }
    }
    if m.negative {
        numerator = -numerator;
    }
    Ok((numerator, denominator))
}

fn is_exact_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::BigInt(_))
}

/// `Fraction.__new__(cls, numerator=0, denominator=None)`.
fn fraction_new(a: Vec<Value>) -> PyResult<Value> {
    let cls = match &a[0] {
        Value::Class(c) if c.is_subclass(CLASS.get()) => c.clone(),
        _ => return Err(type_error("super(type, obj): obj must be an instance or subtype of type")),
    };
    let (numerator, denominator) = (&a[1], &a[2]);
    let (n, d) = if denominator.is_none() {
        if let Some(q) = rational_of(numerator) {
            return Ok(make_in(&cls, q));
        }
        match numerator {
            Value::Float(f) => return Ok(make_in(&cls, Q::from_f64(*f)?)),
            Value::Str(s) => parse_literal(numerator, s)?,
            _ => return Err(type_error("argument should be a string or a Rational instance")),
        }
    } else if is_exact_int(numerator) && is_exact_int(denominator) {
        (
            crate::builtins::to_bigint(numerator).unwrap_or_default(),
            crate::builtins::to_bigint(denominator).unwrap_or_default(),
        )
    } else if let (Some(x), Some(y)) = (rational_of(numerator), rational_of(denominator)) {
        (x.n * y.d, y.n * x.d)
    } else {
        return Err(type_error("both arguments should be Rational instances"));
    };
    Ok(make_in(&cls, Q::new(n, d)?))
}

/// `Fraction.from_float(cls, f)`.
fn from_float(a: Vec<Value>) -> PyResult<Value> {
    let (cls, f) = (&a[0], &a[1]);
    match f {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => crate::call::call(cls, vec![f.clone()], vec![]),
        Value::Float(x) => {
            let q = Q::from_f64(*x)?;
            match cls {
                Value::Class(c) => Ok(make_in(c, q)),
                _ => Ok(make(q)),
            }
        }
        _ => Err(type_error(format!(
            "{}.from_float() only takes floats, not {} ({})",
            class_name(cls),
            crate::fmt::repr(f)?,
            type_name(f)
        ))),
    }
}

/// `Fraction.from_decimal(cls, dec)`: there are no Decimals, so only an int
/// is accepted (CPython converts it through `Decimal(int(dec))`).
fn from_decimal(a: Vec<Value>) -> PyResult<Value> {
    let (cls, dec) = (&a[0], &a[1]);
    match dec {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            let q = rational_of(dec).unwrap_or(Q::int(BigInt::zero()));
            match cls {
                Value::Class(c) => Ok(make_in(c, q)),
                _ => Ok(make(q)),
            }
        }
        _ => Err(type_error(format!(
            "{}.from_decimal() only takes Decimals, not {} ({})",
            class_name(cls),
            crate::fmt::repr(dec)?,
            type_name(dec)
        ))),
    }
}

fn class_name(cls: &Value) -> String {
    match cls {
        Value::Class(c) => c.name().to_string(),
        other => type_name(other),
    }
}

/// `Fraction.limit_denominator(self, max_denominator=1000000)`.
fn limit_denominator(a: Vec<Value>) -> PyResult<Value> {
    let Some(max) = crate::builtins::to_bigint(&a[1]) else {
        return Err(type_error(format!(
            "limit_denominator() needs an int max_denominator, not '{}'",
            type_name(&a[1])
        )));
    };
    if max < BigInt::one() {
        return Err(value_error("max_denominator should be at least 1"));
    }
    let q = this_reading(&a[0], "_denominator")?;
    if q.d <= max {
        return Ok(make(q));
    }
    let (mut p0, mut q0, mut p1, mut q1) = (BigInt::zero(), BigInt::one(), BigInt::one(), BigInt::zero());
    let (mut n, mut d) = (q.n.clone(), q.d.clone());
    loop {
        let a = n.div_floor(&d);
        let q2 = &q0 + &a * &q1;
        if q2 > max {
            break;
        }
        let np1 = &p0 + &a * &p1;
        p0 = std::mem::replace(&mut p1, np1);
        q0 = std::mem::replace(&mut q1, q2);
        let nd = &n - &a * &d;
        n = std::mem::replace(&mut d, nd);
    }
    let k = (&max - &q0).div_floor(&q1);
    if BigInt::from(2) * &d * (&q0 + &k * &q1) <= q.d {
        Ok(make(Q { n: p1, d: q1 }))
    } else {
        Ok(make(Q { n: &p0 + &k * &p1, d: &q0 + &k * &q1 }))
    }
}

/// `Fraction.__round__(self, ndigits=None)`.
fn round(a: Vec<Value>) -> PyResult<Value> {
    let q = this(&a[0])?;
    let ndigits = &a[1];
    if ndigits.is_none() {
        let (floor, remainder) = q.n.div_mod_floor(&q.d);
        let twice: BigInt = remainder * 2;
        return Ok(int(match twice.cmp(&q.d) {
            std::cmp::Ordering::Less => floor,
            std::cmp::Ordering::Greater => floor + 1,
            std::cmp::Ordering::Equal if floor.is_even() => floor,
            std::cmp::Ordering::Equal => floor + 1,
        }));
    }
    let shift = ops::binary(&Value::Int(10), &ops::abs(ndigits)?, BinOp::Pow)?;
    let new = |n: Value, d: Value| fraction_new(vec![Value::Class(CLASS.get().clone()), n, d]);
    if ops::compare_bool(ndigits, &Value::Int(0), CmpOp::Gt)? {
        let scaled = ops::binary(&a[0], &shift, BinOp::Mul)?;
        new(crate::builtins::round(&scaled, None)?, shift)
    } else {
        let scaled = ops::binary(&a[0], &shift, BinOp::TrueDiv)?;
        let r = ops::binary(&crate::builtins::round(&scaled, None)?, &shift, BinOp::Mul)?;
        new(r, Value::None)
    }
}

fn repr(v: &Value) -> PyResult<Value> {
    let q = this(v)?;
    Ok(Value::str(format!("{}({}, {})", type_of(v).name(), q.n, q.d)))
}

fn str_(v: &Value) -> PyResult<Value> {
    let q = this(v)?;
    Ok(Value::str(if q.d.is_one() { q.n.to_string() } else { format!("{}/{}", q.n, q.d) }))
}

fn copy(v: &Value) -> PyResult<Value> {
    let q = this(v)?;
    let cls = type_of(v);
    if Rc::ptr_eq(&cls, CLASS.get()) {
        return Ok(v.clone());
    }
    crate::call::call(&Value::Class(cls), vec![int(q.n), int(q.d)], vec![])
}

fn build_class() -> Rc<Class> {
    let ns = Dict::new();
    ns.set_str("__module__", Value::str("fractions"));
    ns.set_str("__qualname__", Value::str("Fraction"));
    ns.set_str("__slots__", Value::tuple_of([Value::str("_numerator"), Value::str("_denominator")]));
    let new = Function::new(
        "__new__",
        "Fraction.__new__",
        &NEW_SIG,
        vec![Value::Int(0), Value::None],
        vec![],
        Rc::new(fraction_new),
        None,
    );
    ns.set_str("__new__", new);
    let classmethod = |name: &'static str, body: fn(Vec<Value>) -> PyResult<Value>| {
        Value::native(ClassMethod { func: Function::native("Fraction", name, &["cls", "x"], body) })
    };
    ns.set_str("from_float", classmethod("from_float", from_float));
    ns.set_str("from_decimal", classmethod("from_decimal", from_decimal));
    method(&ns, "is_integer", &["self"], |a| Ok(Value::Bool(this(&a[0])?.d.is_one())));
    method(&ns, "as_integer_ratio", &["self"], |a| {
        let q = this(&a[0])?;
        Ok(Value::tuple_of([int(q.n), int(q.d)]))
    });
    with_defaults(&ns, "limit_denominator", &LIMIT_SIG, vec![Value::Int(1_000_000)], limit_denominator);
    property(&ns, "numerator", |v| Ok(int(this(v)?.n)));
    property(&ns, "denominator", |v| Ok(int(this(v)?.d)));
    // `numbers.Real` and `numbers.Complex` supply these.
    property(&ns, "real", |v| Ok(make(this(v)?)));
    property(&ns, "imag", |_| Ok(Value::Int(0)));
    method(&ns, "conjugate", &["self"], |a| Ok(make(this(&a[0])?)));
    method(&ns, "__repr__", &["self"], |a| repr(&a[0]));
    method(&ns, "__str__", &["self"], |a| str_(&a[0]));
    method(&ns, "__format__", &["self", "format_spec"], |a| format(&a[0], &a[1]));
    for op in [Arith::Add, Arith::Sub, Arith::Mul, Arith::Div, Arith::FloorDiv, Arith::Mod, Arith::DivMod] {
        let (fwd, rev) = op.names();
        method(&ns, fwd, &["a", "b"], move |a| forward(&a[0], &a[1], op));
        method(&ns, rev, &["b", "a"], move |a| reverse(&a[0], &a[1], op));
    }
    method(&ns, "__pow__", &["a", "b"], |a| pow(&this(&a[0])?, &a[1]));
    method(&ns, "__rpow__", &["b", "a"], |a| rpow(&this(&a[0])?, &a[1]));
    method(&ns, "__pos__", &["a"], |a| Ok(make(this(&a[0])?)));
    method(&ns, "__neg__", &["a"], |a| {
        let q = this(&a[0])?;
        Ok(make(Q { n: -q.n, d: q.d }))
    });
    method(&ns, "__abs__", &["a"], |a| {
        let q = this(&a[0])?;
        Ok(make(Q { n: q.n.abs(), d: q.d }))
    });
    let trunc = |a: Vec<Value>| {
        let q = this(&a[0])?;
        Ok(int(if q.n.is_negative() { -((-&q.n).div_floor(&q.d)) } else { q.n.div_floor(&q.d) }))
    };
    method(&ns, "__int__", &["a"], trunc);
    method(&ns, "__trunc__", &["a"], trunc);
    method(&ns, "__floor__", &["a"], |a| {
        let q = this(&a[0])?;
        Ok(int(q.n.div_floor(&q.d)))
    });
    method(&ns, "__ceil__", &["a"], |a| {
        let q = this(&a[0])?;
        Ok(int(-((-q.n).div_floor(&q.d))))
    });
    method(&ns, "__float__", &["self"], |a| Ok(Value::Float(this(&a[0])?.to_f64()?)));
    method(&ns, "__complex__", &["self"], |a| to_complex(&this(&a[0])?));
    with_defaults(&ns, "__round__", &ROUND_SIG, vec![Value::None], round);
    method(&ns, "__hash__", &["self"], |a| Ok(Value::Int(hash_q(&this(&a[0])?))));
    method(&ns, "__eq__", &["a", "b"], |a| eq(&a[0], &a[1]));
    // CPython inherits `object.__ne__`, which inverts `__eq__`; spelled out so
    // `int != Fraction` reaches it.
    method(&ns, "__ne__", &["a", "b"], |a| {
        Ok(match eq(&a[0], &a[1])? {
            Value::Bool(b) => Value::Bool(!b),
            other => other,
        })
    });
    for (name, op) in [("__lt__", CmpOp::Lt), ("__gt__", CmpOp::Gt), ("__le__", CmpOp::Le), ("__ge__", CmpOp::Ge)] {
        method(&ns, name, &["a", "b"], move |a| richcmp(&a[0], &a[1], op));
    }
    method(&ns, "__bool__", &["a"], |a| Ok(Value::Bool(!this(&a[0])?.n.is_zero())));
    method(&ns, "__reduce__", &["self"], |a| {
        let q = this(&a[0])?;
        Ok(Value::tuple_of([Value::Class(type_of(&a[0])), Value::tuple_of([int(q.n), int(q.d)])]))
    });
    method(&ns, "__copy__", &["self"], |a| copy(&a[0]));
    method(&ns, "__deepcopy__", &["self", "memo"], |a| copy(&a[0]));
    match crate::classes::type_new(&types().type_, "Fraction", vec![], ns, vec![]) {
        Ok(Value::Class(c)) => c,
        _ => types().object.clone(),
    }
}

// ------------------------------------------------------------ __format__

/// The groups of `_FLOAT_FORMAT_SPECIFICATION_MATCHER`.
struct Spec {
    fill: Option<char>,
    align: Option<char>,
    sign: Option<char>,
    no_neg_zero: bool,
    alt: bool,
    zeropad: bool,
    width: usize,
    thousands: Option<char>,
    precision: Option<usize>,
    kind: char,
}

fn parse_spec(spec: &str) -> Option<Spec> {
    let s: Vec<char> = spec.chars().collect();
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
    let mut i = 0;
    let (mut fill, mut align) = (None, None);
    if s.len() >= 2 && is_align(s[1]) {
        fill = Some(s[0]);
        align = Some(s[1]);
        i = 2;
    } else if !s.is_empty() && is_align(s[0]) {
        align = Some(s[0]);
        i = 1;
    }
    let mut sign = None;
    if i < s.len() && matches!(s[i], '-' | '+' | ' ') {
        sign = Some(s[i]);
        i += 1;
    }
    let eat = |c: char, i: &mut usize| {
        let hit = *i < s.len() && s[*i] == c;
        if hit {
            *i += 1;
        }
        hit
    };
    let no_neg_zero = eat('z', &mut i);
    let alt = eat('#', &mut i);
    let zeropad = i + 1 < s.len() && s[i] == '0' && s[i + 1].is_ascii_digit();
    if zeropad {
        i += 1;
    }
    let number = |i: &mut usize| -> Option<usize> {
        if *i < s.len() && s[*i] == '0' {
            *i += 1;
            return Some(0);
        }
        let start = *i;
        if *i < s.len() && matches!(s[*i], '1'..='9') {
            while *i < s.len() && s[*i].is_ascii_digit() {
                *i += 1;
            }
            return s[start..*i].iter().collect::<String>().parse().ok().or(Some(usize::MAX));
        }
        None
    };
    let width = number(&mut i).unwrap_or(0);
    let mut thousands = None;
    if i < s.len() && matches!(s[i], ',' | '_') {
        thousands = Some(s[i]);
        i += 1;
    }
    let mut precision = None;
    if i < s.len() && s[i] == '.' {
        i += 1;
        precision = Some(number(&mut i)?);
    }
    if i + 1 != s.len() || !matches!(s[i], 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        return None;
    }
    Some(Spec { fill, align, sign, no_neg_zero, alt, zeropad, width, thousands, precision, kind: s[i] })
}

/// `_round_to_exponent(n, d, exponent, no_neg_zero)`.
fn round_to_exponent(n: &BigInt, d: &BigInt, exponent: i64, no_neg_zero: bool) -> (bool, BigInt) {
    let (mut n, mut d) = (n.clone(), d.clone());
    let ten = BigInt::from(10);
    if exponent >= 0 {
        d *= num_traits::pow(ten, exponent as usize);
    } else {
        n *= num_traits::pow(ten, exponent.unsigned_abs() as usize);
    }
    let half: BigInt = &d >> 1usize;
    let (mut q, r) = (&n + half).div_mod_floor(&d);
    if r.is_zero() && d.is_even() && q.is_odd() {
        q -= 1;
    }
    let sign = if no_neg_zero { q.is_negative() } else { n.is_negative() };
    (sign, q.abs())
}

/// `_round_to_figures(n, d, figures)`.
fn round_to_figures(n: &BigInt, d: &BigInt, figures: i64) -> (bool, BigInt, i64) {
    if n.is_zero() {
        return (false, BigInt::zero(), 1 - figures);
    }
    let (str_n, str_d) = (n.abs().to_string(), d.to_string());
    let m = str_n.len() as i64 - str_d.len() as i64 + i64::from(str_d <= str_n);
    let mut exponent = m - figures;
    let (sign, mut significand) = round_to_exponent(n, d, exponent, false);
    if significand.to_string().len() as i64 == figures + 1 {
        significand /= 10;
        exponent += 1;
    }
    (sign, significand, exponent)
}

/// `Fraction.__format__(self, format_spec)`.
fn format(v: &Value, spec_v: &Value) -> PyResult<Value> {
    let q = this(v)?;
    let Value::Str(spec_s) = spec_v else {
        return Err(type_error(format!("__format__() argument must be str, not {}", type_name(spec_v))));
    };
    let spec_text: &str = spec_s;
    if spec_text.is_empty() {
        return str_(v);
    }
    let invalid = |extra: &str| {
        Ok::<_, PyErr>(value_error(format!(
            "Invalid format specifier {} for object of type {}{extra}",
            crate::fmt::repr(spec_v)?,
            crate::fmt::repr(&Value::str(type_of(v).name().to_string()))?
        )))
    };
    let Some(spec) = parse_spec(spec_text) else {
        return Err(invalid("")?);
    };
    if spec.align.is_some() && spec.zeropad {
        return Err(invalid("; can't use explicit alignment when zero-padding")?);
    }
    let fill = spec.fill.unwrap_or(' ');
    let align = spec.align.unwrap_or('>');
    let pos_sign = match spec.sign {
        None | Some('-') => String::new(),
        Some(c) => c.to_string(),
    };
    let precision = spec.precision.unwrap_or(6) as i64;
    let kind = spec.kind;
    let trim_zeros = matches!(kind, 'g' | 'G') && !spec.alt;
    let trim_point = !spec.alt;
    let exponent_indicator = if matches!(kind, 'E' | 'F' | 'G') { 'E' } else { 'e' };
    let (negative, significand, exponent, scientific, point_pos);
    if matches!(kind, 'f' | 'F' | '%') {
        let mut e = -precision;
        if kind == '%' {
            e -= 2;
        }
        let (neg, sig) = round_to_exponent(&q.n, &q.d, e, spec.no_neg_zero);
        (negative, significand, exponent, scientific, point_pos) = (neg, sig, e, false, precision);
    } else {
        let figures = if matches!(kind, 'g' | 'G') { precision.max(1) } else { precision + 1 };
        let (neg, sig, e) = round_to_figures(&q.n, &q.d, figures);
        let sci = matches!(kind, 'e' | 'E') || e > 0 || e + figures <= -4;
        let pp = if sci { figures - 1 } else { -e };
        (negative, significand, exponent, scientific, point_pos) = (neg, sig, e, sci, pp);
    }
    let suffix = if kind == '%' {
        "%".to_string()
    } else if scientific {
        let e = exponent + point_pos;
        format!("{exponent_indicator}{}{:02}", if e < 0 { '-' } else { '+' }, e.unsigned_abs())
    } else {
        String::new()
    };
    let mut digits = significand.to_string();
    let min_len = (point_pos + 1).max(0) as usize;
    if digits.len() < min_len {
        digits = "0".repeat(min_len - digits.len()) + &digits;
    }
    let sign = if negative { "-".to_string() } else { pos_sign };
    let split = digits.len() - point_pos.max(0) as usize;
    let mut leading = digits[..split].to_string();
    let mut frac_part = digits[split..].to_string();
    if trim_zeros {
        frac_part = frac_part.trim_end_matches('0').to_string();
    }
    let separator = if trim_point && frac_part.is_empty() { "" } else { "." };
    let trailing = format!("{separator}{frac_part}{suffix}");
    let width = spec.width as i64;
    if spec.zeropad {
        let min_leading = width - sign.chars().count() as i64 - trailing.chars().count() as i64;
        let target = if spec.thousands.is_some() { (3 * min_leading).div_euclid(4) + 1 } else { min_leading };
        if target > leading.len() as i64 {
            leading = "0".repeat(target as usize - leading.len()) + &leading;
        }
    }
    if let Some(sep) = spec.thousands {
        let first_pos = 1 + (leading.len() - 1) % 3;
        let mut grouped = leading[..first_pos].to_string();
        let mut pos = first_pos;
        while pos < leading.len() {
            grouped.push(sep);
            grouped.push_str(&leading[pos..(pos + 3).min(leading.len())]);
            pos += 3;
        }
        leading = grouped;
    }
    let body = format!("{leading}{trailing}");
    let pad_len = width - sign.chars().count() as i64 - body.chars().count() as i64;
    let padding: String =
        if pad_len > 0 { std::iter::repeat_n(fill, pad_len as usize).collect() } else { String::new() };
    Ok(Value::str(match align {
        '>' => format!("{padding}{sign}{body}"),
        '<' => format!("{sign}{body}{padding}"),
        '^' => {
            let half = padding.chars().count() / 2;
            let left: String = padding.chars().take(half).collect();
            let right: String = padding.chars().skip(half).collect();
            format!("{left}{sign}{body}{right}")
        }
        _ => format!("{sign}{padding}{body}"),
    }))
}

pub fn module_attrs() -> Dict {
    let d = Dict::new();
    d.set_str("Fraction", Value::Class(fraction_class()));
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(n: i64, d: i64) -> Q {
        match Q::new(BigInt::from(n), BigInt::from(d)) {
            Ok(q) => q,
            Err(_) => panic!("zero denominator"),
        }
    }

    #[test]
    fn hash_matches_cpython() {
        // hash(Fraction(1, 2)) == hash(0.5); the others from CPython 3.12.
        assert_eq!(hash_q(&q(1, 2)), 1_152_921_504_606_846_976);
        assert_eq!(hash_q(&q(-1, 2)), -1_152_921_504_606_846_976);
        assert_eq!(hash_q(&q(1, 3)), 1_537_228_672_809_129_301);
        assert_eq!(hash_q(&q(-1, 1)), -2);
        assert_eq!(hash_q(&q(7, 1)), 7);
    }

    #[test]
    fn literals_follow_the_pattern() {
        assert!(match_rational(" -1.5e2 ").is_some());
        assert!(match_rational("3/4").is_some());
        assert!(match_rational(" 3 / 4 ").is_some());
        assert!(match_rational(".5").is_some());
        assert!(match_rational("1_000.000_1").is_some());
        assert!(match_rational("1__0").is_none());
        assert!(match_rational("1.5/2").is_none());
        assert!(match_rational("").is_none());
        assert!(match_rational(".").is_none());
        assert!(match_rational("3/").is_none());
        assert!(match_rational("1e").is_none());
    }

    #[test]
    fn rounding_to_exponent_ties_to_even() {
        assert_eq!(round_to_exponent(&BigInt::from(5), &BigInt::from(2), 0, false), (false, BigInt::from(2)));
        assert_eq!(round_to_exponent(&BigInt::from(-5), &BigInt::from(2), 0, false), (true, BigInt::from(2)));
        assert_eq!(round_to_exponent(&BigInt::from(7), &BigInt::from(2), 0, false), (false, BigInt::from(4)));
    }
}
