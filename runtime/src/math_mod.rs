//! The `math` module, following CPython 3.12's `Modules/mathmodule.c`: the
//! same error rules (`math_1`: a NaN from a non-NaN is `ValueError: math
//! domain error`, an infinity from a finite argument is `OverflowError:
//! math range error` where the function can overflow), the same libm
//! functions (glibc's, through std or declared below where std computes its
//! own), and ports of the algorithms CPython implements itself: the Lanczos
//! `gamma` / `lgamma`, `remainder`, the correctly rounded `hypot` / `dist`
//! (`vector_norm`), `sumprod`'s triple-length accumulation, `nextafter`
//! with `steps`, and `fsum` (in `num_ops`). The integer functions (`comb`,
//! `gcd`, `isqrt`...) are in `num_ops` too.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult, overflow_error, pure, type_error, value_error};
use crate::func::{BuiltinFunction, Kwargs};
use crate::ops::{self, type_name};
use crate::value::Value;

// glibc functions std does not call for these (std's `asinh`, `acosh` and
// `atanh` are computed in Rust, and its `cbrt` is not glibc's: they can
// differ from CPython's results in the last bit).
unsafe extern "C" {
    safe fn erf(x: f64) -> f64;
    safe fn erfc(x: f64) -> f64;
    safe fn asinh(x: f64) -> f64;
    safe fn acosh(x: f64) -> f64;
    safe fn atanh(x: f64) -> f64;
    // compiler-builtins links its own `cbrt` into the binary ahead of
    // glibc's; glibc's `cbrtf64` alias is the same function as CPython's.
    #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "cbrtf64")]
    safe fn cbrt(x: f64) -> f64;
}

fn domain_error() -> PyErr {
    value_error("math domain error")
}

fn range_error() -> PyErr {
    overflow_error("math range error")
}

/// `PyFloat_AsDouble`: floats, ints (exactly rounded), `__float__`, and
/// `__index__` objects.
pub fn f64_arg(v: &Value) -> PyResult<f64> {
    match ops::to_f64(v)? {
        Some(f) => Ok(f),
        None => {
            if let Value::Object(_) = v {
                for dunder in ["__float__", "__index__"] {
                    if crate::call::lookup_special(v, dunder).is_some() {
                        let r = crate::call::call_method(v, dunder, vec![], vec![])?;
                        return f64_arg(&r);
                    }
                }
                if let Some(base @ (Value::Int(_) | Value::BigInt(_) | Value::Float(_))) =
                    crate::subclass::plain_base(v)
                {
                    return f64_arg(&base);
                }
            }
            Err(type_error(format!("must be real number, not {}", type_name(v))))
        }
    }
}

fn no_kwargs(name: &str, kw: &Kwargs) -> PyResult<()> {
    if kw.is_empty() { Ok(()) } else { Err(type_error(format!("math.{name}() takes no keyword arguments"))) }
}

/// The argument of a one-argument (`METH_O`) function.
fn one_arg<'a>(name: &str, args: &'a [Value], kw: &Kwargs) -> PyResult<&'a Value> {
    no_kwargs(name, kw)?;
    if args.len() != 1 {
        return Err(type_error(format!("math.{name}() takes exactly one argument ({} given)", args.len())));
    }
    Ok(&args[0])
}

/// The arguments of a function taking exactly two positional arguments.
fn two_args<'a>(name: &str, args: &'a [Value], kw: &Kwargs) -> PyResult<(&'a Value, &'a Value)> {
    no_kwargs(name, kw)?;
    if args.len() != 2 {
        return Err(type_error(format!("{name} expected 2 arguments, got {}", args.len())));
    }
    Ok((&args[0], &args[1]))
}

fn two_f64(name: &str, args: &[Value], kw: &Kwargs) -> PyResult<(f64, f64)> {
    let (a, b) = two_args(name, args, kw)?;
    Ok((f64_arg(a)?, f64_arg(b)?))
}

/// CPython's `math_1`: NaN from non-NaN is a domain error; an infinity from
/// a finite argument is a range error when the function can overflow, else
/// a domain error (a singularity).
fn math_1(x: f64, r: f64, can_overflow: bool) -> PyResult<Value> {
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range_error() } else { domain_error() });
    }
    Ok(Value::Float(r))
}

/// `errno` as CPython's own `m_tgamma` / `m_lgamma` set it.
#[derive(PartialEq, Clone, Copy, Debug)]
pub enum Errno {
    Ok,
    Dom,
    Range,
}

/// CPython's `math_1a` / `is_error`: EDOM is a domain error, ERANGE a range
/// error unless the result is small (an underflow).
fn math_1a((r, errno): (f64, Errno)) -> PyResult<Value> {
    match errno {
        Errno::Dom => Err(domain_error()),
        Errno::Range if r.abs() >= 1.5 => Err(range_error()),
        _ => Ok(Value::Float(r)),
    }
}

macro_rules! math_1_functions {
    ($($name:ident => $f:expr, $can_overflow:expr;)*) => {
        $(
            fn $name(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
                let x = f64_arg(one_arg(stringify!($name).trim_start_matches("m_"), &args, &kw)?)?;
                let f: fn(f64) -> f64 = $f;
                math_1(x, f(x), $can_overflow)
            }
        )*
    };
}

math_1_functions! {
    m_acos => f64::acos, false;
    m_acosh => |x| acosh(x), false;
    m_asin => f64::asin, false;
    m_asinh => |x| asinh(x), false;
    m_atan => f64::atan, false;
    m_atanh => |x| atanh(x), false;
    m_cbrt => |x| cbrt(x), false;
    m_cos => f64::cos, false;
    m_cosh => f64::cosh, true;
    m_exp => f64::exp, true;
    m_exp2 => f64::exp2, true;
    m_expm1 => f64::exp_m1, true;
    m_fabs => f64::abs, false;
    m_log1p => |x| if x == 0.0 { x } else { x.ln_1p() }, false;
    m_sin => f64::sin, false;
    m_sinh => f64::sinh, true;
    m_sqrt => f64::sqrt, false;
    m_tan => f64::tan, false;
    m_tanh => f64::tanh, false;
}

fn m_erf(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let x = f64_arg(one_arg("erf", &args, &kw)?)?;
    Ok(Value::Float(erf(x)))
}

fn m_erfc(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let x = f64_arg(one_arg("erfc", &args, &kw)?)?;
    Ok(Value::Float(erfc(x)))
}

fn m_gamma(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    math_1a(tgamma(f64_arg(one_arg("gamma", &args, &kw)?)?))
}

fn m_lgamma(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    math_1a(lgamma(f64_arg(one_arg("lgamma", &args, &kw)?)?))
}

macro_rules! predicate_functions {
    ($($name:ident => $f:expr;)*) => {
        $(
            fn $name(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
                let x = f64_arg(one_arg(stringify!($name), &args, &kw)?)?;
                let f: fn(f64) -> Value = $f;
                Ok(f(x))
            }
        )*
    };
}

predicate_functions! {
    isnan => |x| Value::Bool(x.is_nan());
    isinf => |x| Value::Bool(x.is_infinite());
    isfinite => |x| Value::Bool(x.is_finite());
    degrees => |x| Value::Float(x * (180.0 / std::f64::consts::PI));
    radians => |x| Value::Float(x * (std::f64::consts::PI / 180.0));
    ulp => |x| Value::Float(ulp_of(x));
    frexp => |x| { let (m, e) = frexp_of(x); Value::tuple_of([Value::Float(m), Value::Int(e)]) };
    modf => |x| { let (f, i) = modf_of(x); Value::tuple_of([Value::Float(f), Value::Float(i)]) };
}

// ------------------------------------------------------------ gamma, lgamma

// The constants keep CPython's digits (more than an f64 holds), so they can
// be checked against mathmodule.c; they round to the same doubles.
const LANCZOS_N: usize = 13;
#[allow(clippy::excessive_precision)]
const LANCZOS_G: f64 = 6.024680040776729583740234375;
#[allow(clippy::excessive_precision)]
const LANCZOS_G_MINUS_HALF: f64 = 5.524680040776729583740234375;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM_COEFFS: [f64; LANCZOS_N] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
/// The denominator `x*(x+1)*...*(x+LANCZOS_N-2)` as a polynomial.
const LANCZOS_DEN_COEFFS: [f64; LANCZOS_N] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];
/// `gamma(n)` for n = 1 ..= 23, exactly.
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];
#[allow(clippy::excessive_precision)]
const LOGPI: f64 = 1.144729885849400174143427351353058711647;

/// `sin(pi * x)`, accurate for x near an integer (finite x only).
fn sinpi(x: f64) -> f64 {
    use std::f64::consts::PI;
    let y = x.abs() % 2.0;
    let r = match (2.0 * y).round() as i32 {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        // -sin(pi*(y-1.0)) would give -0.0 instead of 0.0 at y == 1.0.
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

/// Lanczos' sum L_g(x) for positive x, as a rational function (in 1/x
/// above 5, to avoid overflow).
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..LANCZOS_N).rev() {
            num = num * x + LANCZOS_NUM_COEFFS[i];
            den = den * x + LANCZOS_DEN_COEFFS[i];
        }
    } else {
        for i in 0..LANCZOS_N {
            num = num / x + LANCZOS_NUM_COEFFS[i];
            den = den / x + LANCZOS_DEN_COEFFS[i];
        }
    }
    num / den
}

/// CPython's `m_tgamma`.
pub fn tgamma(x: f64) -> (f64, Errno) {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return (x, Errno::Ok);
        }
        return (f64::NAN, Errno::Dom);
    }
    if x == 0.0 {
        return (f64::INFINITY.copysign(x), Errno::Dom);
    }
    if x == x.floor() {
        if x < 0.0 {
            return (f64::NAN, Errno::Dom);
        }
        if x <= GAMMA_INTEGRAL.len() as f64 {
            return (GAMMA_INTEGRAL[x as usize - 1], Errno::Ok);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return (r, if r.is_infinite() { Errno::Range } else { Errno::Ok });
    }
    if absx > 200.0 {
        if x < 0.0 {
            return (0.0 / sinpi(x), Errno::Ok);
        }
        return (f64::INFINITY, Errno::Range);
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // The error in computing y, to correct the result by.
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -std::f64::consts::PI / sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    (r, if r.is_infinite() { Errno::Range } else { Errno::Ok })
}

/// CPython's `m_lgamma`.
pub fn lgamma(x: f64) -> (f64, Errno) {
    if !x.is_finite() {
        return (if x.is_nan() { x } else { f64::INFINITY }, Errno::Ok);
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return (f64::INFINITY, Errno::Dom);
        }
        return (0.0, Errno::Ok);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return (-absx.ln(), Errno::Ok);
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        // The reflection formula.
        r = LOGPI - sinpi(absx).abs().ln() - absx.ln() - r;
    }
    (r, if r.is_infinite() { Errno::Range } else { Errno::Ok })
}

// ------------------------------------------------------------ float pieces

/// C's `frexp` with CPython's special cases (0, inf and nan give exponent 0).
pub fn frexp_of(x: f64) -> (f64, i64) {
    if x.is_nan() || x.is_infinite() || x == 0.0 {
        return (x, 0);
    }
    let (x, bias) = if x.abs() < f64::MIN_POSITIVE { (x * 2f64.powi(54), -54) } else { (x, 0) };
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1022;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp + bias)
}

/// C's `scalbn` (musl's exact algorithm: no double rounding in subnormals).
pub fn ldexp_of(x: f64, n: i64) -> f64 {
    let mut y = x;
    let mut n = n.clamp(-100_000, 100_000) as i32;
    let p1023 = f64::from_bits(0x7fe << 52);
    // 2**-1022 * 2**53
    let pm969 = f64::from_bits(0x036 << 52);
    if n > 1023 {
        y *= p1023;
        n -= 1023;
        if n > 1023 {
            y *= p1023;
            n -= 1023;
            n = n.min(1023);
        }
    } else if n < -1022 {
        y *= pm969;
        n += 1022 - 53;
        if n < -1022 {
            y *= pm969;
            n += 1022 - 53;
            n = n.max(-1022);
        }
    }
    y * f64::from_bits(((0x3ff + n) as u64) << 52)
}

/// C's `modf`: both parts carry the sign of x.
pub fn modf_of(x: f64) -> (f64, f64) {
    if x.is_infinite() {
        return (0.0f64.copysign(x), x);
    }
    if x.is_nan() {
        return (x, x);
    }
    let i = x.trunc();
    ((x - i).copysign(x), i)
}

/// C's `nextafter`.
pub fn nextafter_of(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let away = (y > x) == (x > 0.0);
    f64::from_bits(if away { bits + 1 } else { bits - 1 })
}

/// `math.nextafter(x, y, steps=n)` for n > 0, by integer steps on the bits.
pub fn nextafter_steps(x: f64, y: f64, steps: u64) -> f64 {
    if steps == 0 || x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    let (ux, uy) = (x.to_bits(), y.to_bits());
    if ux == uy {
        return x;
    }
    const SIGN: u64 = 1 << 63;
    let (ax, ay) = (ux & !SIGN, uy & !SIGN);
    if (ux ^ uy) & SIGN != 0 {
        if ax + ay <= steps {
            y
        } else if ax < steps {
            f64::from_bits((uy & SIGN) | (steps - ax))
        } else {
            f64::from_bits(ux - steps)
        }
    } else if ax > ay {
        if ax - ay >= steps { f64::from_bits(ux - steps) } else { y }
    } else if ay - ax >= steps {
        f64::from_bits(ux + steps)
    } else {
        y
    }
}

/// `math.ulp(x)`.
pub fn ulp_of(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let x = x.abs();
    if x.is_infinite() {
        return x;
    }
    let x2 = nextafter_of(x, f64::INFINITY);
    if x2.is_infinite() {
        return x - nextafter_of(x, f64::NEG_INFINITY);
    }
    x2 - x
}

/// CPython's `m_remainder`: IEEE 754 remainder, exact.
pub fn remainder_of(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let (absx, absy) = (x.abs(), y.abs());
        let m = absx % absy;
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            // Half-way: pick the even multiple.
            m - 2.0 * ((0.5 * (absx - m)) % absy)
        };
        return 1.0f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

// ------------------------------------------------------------ hypot, dist, sumprod

#[derive(Clone, Copy)]
struct DoubleLength {
    hi: f64,
    lo: f64,
}

fn dl_fast_sum(a: f64, b: f64) -> DoubleLength {
    let x = a + b;
    let z = x - a;
    DoubleLength { hi: x, lo: b - z }
}

fn dl_sum(a: f64, b: f64) -> DoubleLength {
    let x = a + b;
    let z = x - a;
    DoubleLength { hi: x, lo: (a - (x - z)) + (b - z) }
}

fn dl_mul(x: f64, y: f64) -> DoubleLength {
    let z = x * y;
    DoubleLength { hi: z, lo: x.mul_add(y, -z) }
}

#[derive(Clone, Copy, Default)]
struct TripleLength {
    hi: f64,
    lo: f64,
    tiny: f64,
}

fn tl_fma(x: f64, y: f64, total: TripleLength) -> TripleLength {
    let pr = dl_mul(x, y);
    let sm = dl_sum(total.hi, pr.hi);
    let r1 = dl_sum(total.lo, pr.lo);
    let r2 = dl_sum(r1.hi, sm.lo);
    TripleLength { hi: sm.hi, lo: r2.hi, tiny: total.tiny + r1.lo + r2.lo }
}

fn tl_to_d(total: TripleLength) -> f64 {
    let last = dl_sum(total.lo, total.hi);
    total.tiny + last.lo + last.hi
}

/// CPython's `vector_norm`: `sqrt(sum(x*x))` of non-negative values, with
/// lossless scaling, exact squares, compensated summation and a corrected
/// square root.
pub fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = frexp_of(max);
    if max_e < -1023 {
        for v in vec.iter_mut() {
            *v /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = ldexp_of(1.0, -max_e);
    let (mut csum, mut frac1, mut frac2) = (1.0, 0.0, 0.0);
    for &v in vec.iter() {
        let x = v * scale;
        let pr = dl_mul(x, x);
        let sm = dl_fast_sum(csum, pr.hi);
        csum = sm.hi;
        frac1 += pr.lo;
        frac2 += sm.lo;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let pr = dl_mul(-h, h);
    let sm = dl_fast_sum(csum, pr.hi);
    csum = sm.hi;
    frac1 += pr.lo;
    frac2 += sm.lo;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

fn hypot(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("hypot", &kw)?;
    let mut coords = Vec::with_capacity(args.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for a in &args {
        let x = f64_arg(a)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        coords.push(x);
    }
    Ok(Value::Float(vector_norm(&mut coords, max, found_nan)))
}

fn dist(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let (p, q) = two_args("dist", &args, &kw)?;
    let p = crate::iter::to_vec(p)?;
    let q = crate::iter::to_vec(q)?;
    if p.len() != q.len() {
        return Err(value_error("both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::with_capacity(p.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for (a, b) in p.iter().zip(&q) {
        let x = (f64_arg(a)? - f64_arg(b)?).abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        diffs.push(x);
    }
    Ok(Value::Float(vector_norm(&mut diffs, max, found_nan)))
}

/// The float `sumprod` path takes float pairs and float/int pairs.
fn float_pair(p: &Value, q: &Value) -> Option<(f64, f64)> {
    let as_int = |v: &Value| match v {
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(f64::from(u8::from(*b))),
        Value::BigInt(b) => b.to_f64().filter(|f| f.is_finite()),
        _ => None,
    };
    match (p, q) {
        (Value::Float(a), Value::Float(b)) => Some((*a, *b)),
        (Value::Float(a), other) => Some((*a, as_int(other)?)),
        (other, Value::Float(b)) => Some((as_int(other)?, *b)),
        _ => None,
    }
}

fn sumprod(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let (p, q) = two_args("sumprod", &args, &kw)?;
    let mut p_it = crate::iter::iter(p)?;
    let mut q_it = crate::iter::iter(q)?;
    let mut total = Value::Int(0);
    let (mut int_enabled, mut int_total) = (true, None::<i64>);
    let (mut flt_enabled, mut flt_total) = (true, None::<TripleLength>);
    loop {
        let p_i = p_it.next()?;
        let q_i = q_it.next()?;
        if p_i.is_some() != q_i.is_some() {
            return Err(value_error("Inputs are not the same length"));
        }
        let pair = p_i.zip(q_i);
        if int_enabled {
            if let Some((Value::Int(a), Value::Int(b))) = &pair
                && let Some(sum) = a.checked_mul(*b).and_then(|prod| prod.checked_add(int_total.unwrap_or(0)))
            {
                int_total = Some(sum);
                continue;
            }
            int_enabled = false;
            if let Some(t) = int_total.take() {
                total = ops::binary(&total, &Value::Int(t), ops::BinOp::Add)?;
            }
        }
        if flt_enabled {
            if let Some((a, b)) = pair.as_ref().and_then(|(a, b)| float_pair(a, b)) {
                let new_total = tl_fma(a, b, flt_total.unwrap_or_default());
                if new_total.hi.is_finite() {
                    flt_total = Some(new_total);
                    continue;
                }
            }
            flt_enabled = false;
            if let Some(t) = flt_total.take() {
                total = ops::binary(&total, &Value::Float(tl_to_d(t)), ops::BinOp::Add)?;
            }
        }
        let Some((a, b)) = pair else {
            return Ok(total);
        };
        let term = ops::binary(&a, &b, ops::BinOp::Mul)?;
        total = ops::binary(&total, &term, ops::BinOp::Add)?;
    }
}

// ------------------------------------------------------------ two-argument functions

/// CPython's `math_2`: NaN from non-NaN arguments is a domain error, an
/// infinity from finite ones a range error.
fn math_2(x: f64, y: f64, r: f64) -> PyResult<Value> {
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error());
    }
    Ok(Value::Float(r))
}

fn atan2(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let (y, x) = two_f64("atan2", &args, &kw)?;
    math_2(y, x, y.atan2(x))
}

fn copysign(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let (x, y) = two_f64("copysign", &args, &kw)?;
    math_2(x, y, x.copysign(y))
}

fn remainder(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let (x, y) = two_f64("remainder", &args, &kw)?;
    math_2(x, y, remainder_of(x, y))
}

fn fmod(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let (x, y) = two_f64("fmod", &args, &kw)?;
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::Float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    Ok(Value::Float(r))
}

fn math_pow(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let (x, y) = two_f64("pow", &args, &kw)?;
    let r = x.powf(y);
    if x.is_finite() && y.is_finite() && !r.is_finite() {
        if r.is_nan() || x == 0.0 {
            return Err(domain_error());
        }
        return Err(range_error());
    }
    Ok(Value::Float(r))
}

fn ldexp(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let (x, i) = two_args("ldexp", &args, &kw)?;
    let x = f64_arg(x)?;
    let exp = match i {
        Value::Int(n) => *n,
        Value::Bool(b) => i64::from(*b),
        Value::BigInt(b) => {
            if b.is_negative() {
                i64::MIN
            } else {
                i64::MAX
            }
        }
        _ => return Err(type_error("Expected an int as second argument to ldexp.")),
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::Float(x));
    }
    if exp > i64::from(i32::MAX) {
        return Err(range_error());
    }
    if exp < i64::from(i32::MIN) {
        return Ok(Value::Float(0.0f64.copysign(x)));
    }
    let r = ldexp_of(x, exp);
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(Value::Float(r))
}

fn nextafter(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let mut steps = Value::None;
    for (k, v) in kw {
        if k.as_str() != "steps" {
            return Err(type_error(format!("'{k}' is an invalid keyword argument for nextafter()")));
        }
        steps = v;
    }
    if args.len() != 2 {
        return Err(type_error(format!("nextafter() takes exactly 2 positional arguments ({} given)", args.len())));
    }
    let (x, y) = (f64_arg(&args[0])?, f64_arg(&args[1])?);
    if steps.is_none() {
        return Ok(Value::Float(nextafter_of(x, y)));
    }
    let n = index_arg(&steps)?;
    if n.is_negative() {
        return Err(value_error("steps must be a non-negative integer"));
    }
    let n = n.to_u64().unwrap_or(u64::MAX);
    Ok(Value::Float(nextafter_steps(x, y, n)))
}

fn isclose(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    if args.len() > 2 {
        return Err(type_error(format!("isclose() takes exactly 2 positional arguments ({} given)", args.len())));
    }
    let mut ab: [Option<Value>; 2] = [args.first().cloned(), args.get(1).cloned()];
    let (mut rel, mut abs) = (1e-9, 0.0);
    for (k, v) in kw {
        match k.as_str() {
            "a" if ab[0].is_none() => ab[0] = Some(v),
            "b" if ab[1].is_none() => ab[1] = Some(v),
            "rel_tol" => rel = f64_arg(&v)?,
            "abs_tol" => abs = f64_arg(&v)?,
            other => return Err(type_error(format!("'{other}' is an invalid keyword argument for isclose()"))),
        }
    }
    let [Some(a), Some(b)] = ab else {
        let missing = if ab[0].is_none() { "a" } else { "b" };
        let pos = if missing == "a" { 1 } else { 2 };
        return Err(type_error(format!("isclose() missing required argument '{missing}' (pos {pos})")));
    };
    Ok(Value::Bool(pure(crate::num_ops::math_isclose(f64_arg(&a)?, f64_arg(&b)?, rel, abs))?))
}

fn fsum(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let seq = one_arg("fsum", &args, &kw)?;
    let items = crate::iter::to_vec(seq)?;
    let mut xs = Vec::with_capacity(items.len());
    for v in &items {
        xs.push(f64_arg(v)?);
    }
    Ok(Value::Float(pure(crate::num_ops::fsum(&xs))?))
}

fn prod(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let mut acc = Value::Int(1);
    for (k, v) in kw {
        if k.as_str() != "start" {
            return Err(type_error(format!("'{k}' is an invalid keyword argument for prod()")));
        }
        acc = v;
    }
    if args.len() != 1 {
        return Err(type_error(format!("prod() takes exactly 1 positional argument ({} given)", args.len())));
    }
    let mut it = crate::iter::iter(&args[0])?;
    while let Some(v) = it.next()? {
        acc = ops::binary(&acc, &v, ops::BinOp::Mul)?;
    }
    Ok(acc)
}

// ------------------------------------------------------------ logarithms

/// The frexp of a positive int: `(m, e)` with m in [0.5, 1), correctly
/// rounded.
fn bigint_frexp(b: &BigInt) -> (f64, i64) {
    let bits = b.bits();
    let shift = bits.saturating_sub(64);
    let mag = b.magnitude();
    let mut top = (mag >> shift).to_u64().unwrap_or(u64::MAX);
    if shift > 0 && mag.trailing_zeros().is_some_and(|z| z < shift) {
        // A sticky bit: the value is just above `top`, which decides ties.
        top |= 1;
    }
    let m = ldexp_of(top as f64, -((bits - shift) as i64));
    if m >= 1.0 { (0.5, bits as i64 + 1) } else { (m, bits as i64) }
}

/// CPython's `loghelper`: ints of any size, then libm on floats.
fn loghelper(v: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    let int = match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(u8::from(*b))),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    };
    if let Some(n) = int {
        if !n.is_positive() {
            return Err(domain_error());
        }
        return Ok(match n.to_f64().filter(|x| x.is_finite()) {
            Some(x) => f(x),
            None => {
                let (m, e) = bigint_frexp(&n);
                f(m) + f(2.0) * e as f64
            }
        });
    }
    let x = f64_arg(v)?;
    let r = if x.is_nan() {
        x
    } else if x.is_infinite() {
        if x > 0.0 { x } else { f64::NAN }
    } else if x > 0.0 {
        f(x)
    } else if x == 0.0 {
        f64::NEG_INFINITY
    } else {
        f64::NAN
    };
    if (r.is_nan() && !x.is_nan()) || (r.is_infinite() && x.is_finite()) {
        return Err(domain_error());
    }
    Ok(r)
}

fn log(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("log", &kw)?;
    if args.is_empty() || args.len() > 2 {
        let bound = if args.is_empty() { "at least 1 argument" } else { "at most 2 arguments" };
        return Err(type_error(format!("log expected {bound}, got {}", args.len())));
    }
    let num = loghelper(&args[0], f64::ln)?;
    match args.get(1) {
        None => Ok(Value::Float(num)),
        Some(base) => {
            let den = loghelper(base, f64::ln)?;
            Ok(Value::Float(pure(crate::num_ops::float_div(num, den))?))
        }
    }
}

fn log2(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    Ok(Value::Float(loghelper(one_arg("log2", &args, &kw)?, f64::log2)?))
}

fn log10(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    Ok(Value::Float(loghelper(one_arg("log10", &args, &kw)?, f64::log10)?))
}

// ------------------------------------------------------------ integer functions

/// `operator.index(v)` as a big int.
fn index_arg(v: &Value) -> PyResult<BigInt> {
    if let Some(b) = crate::builtins::to_bigint(v) {
        return Ok(b);
    }
    if let Value::Object(_) = v
        && crate::call::lookup_special(v, "__index__").is_some()
    {
        let r = crate::call::call_method(v, "__index__", vec![], vec![])?;
        if let Some(b) = crate::builtins::to_bigint(&r) {
            return Ok(b);
        }
    }
    Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v))))
}

fn int_args(args: &[Value]) -> PyResult<Vec<BigInt>> {
    args.iter().map(index_arg).collect()
}

fn gcd(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("gcd", &kw)?;
    Ok(Value::from_bigint(crate::num_ops::gcd_many(&int_args(&args)?)))
}

fn lcm(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("lcm", &kw)?;
    let xs = int_args(&args)?;
    if xs.len() == 1 {
        return Ok(Value::from_bigint(xs[0].abs()));
    }
    Ok(Value::from_bigint(crate::num_ops::lcm_many(&xs)))
}

fn factorial(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let n = index_arg(one_arg("factorial", &args, &kw)?)?;
    Ok(Value::from_bigint(pure(crate::num_ops::factorial(&n))?))
}

fn isqrt(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let n = index_arg(one_arg("isqrt", &args, &kw)?)?;
    Ok(Value::from_bigint(pure(crate::num_ops::isqrt(n))?))
}

fn comb(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let (n, k) = two_args("comb", &args, &kw)?;
    let (n, k) = (index_arg(n)?, index_arg(k)?);
    Ok(Value::from_bigint(pure(crate::num_ops::comb(&n, &k))?))
}

fn perm(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("perm", &kw)?;
    match args.len() {
        0 => Err(type_error("perm expected at least 1 argument, got 0")),
        1 => Ok(Value::from_bigint(pure(crate::num_ops::factorial(&index_arg(&args[0])?))?)),
        2 if args[1].is_none() => Ok(Value::from_bigint(pure(crate::num_ops::factorial(&index_arg(&args[0])?))?)),
        2 => {
            let (n, k) = (index_arg(&args[0])?, index_arg(&args[1])?);
            Ok(Value::from_bigint(pure(crate::num_ops::perm(&n, &k))?))
        }
        n => Err(type_error(format!("perm expected at most 2 arguments, got {n}"))),
    }
}

/// `floor`, `ceil`: the dunder of a non-float, else the float's.
fn rounding(name: &'static str, args: Vec<Value>, kw: Kwargs, f: fn(f64) -> f64) -> PyResult<Value> {
    let x = one_arg(name, &args, &kw)?;
    match x {
        Value::Int(_) | Value::BigInt(_) => Ok(x.clone()),
        Value::Bool(b) => Ok(Value::Int(i64::from(*b))),
        Value::Float(f_) => crate::builtins::float_to_int(f(*f_)),
        other => {
            let dunder = format!("__{name}__");
            if crate::call::lookup_special(other, &dunder).is_some() {
                return crate::call::call_method(other, &dunder, vec![], vec![]);
            }
            if let Some(base) = crate::subclass::inherited(other, &dunder) {
                return rounding(name, vec![base.clone()], vec![], f);
            }
            crate::builtins::float_to_int(f(f64_arg(other)?))
        }
    }
}

fn floor(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    rounding("floor", args, kw, f64::floor)
}

fn ceil(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    rounding("ceil", args, kw, f64::ceil)
}

fn trunc(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let x = one_arg("trunc", &args, &kw)?;
    match x {
        Value::Float(f) => crate::builtins::float_to_int(f.trunc()),
        Value::Int(_) | Value::BigInt(_) => Ok(x.clone()),
        Value::Bool(b) => Ok(Value::Int(i64::from(*b))),
        other => {
            if crate::call::lookup_special(other, "__trunc__").is_some() {
                return crate::call::call_method(other, "__trunc__", vec![], vec![]);
            }
            if let Some(base) = crate::subclass::inherited(other, "__trunc__") {
                return trunc(vec![base.clone()], vec![]);
            }
            Err(type_error(format!("type {} doesn't define __trunc__ method", type_name(other))))
        }
    }
}

pub fn module_attrs() -> Dict {
    let d = Dict::new();
    d.set_str("pi", Value::Float(std::f64::consts::PI));
    d.set_str("e", Value::Float(std::f64::consts::E));
    d.set_str("tau", Value::Float(std::f64::consts::TAU));
    d.set_str("inf", Value::Float(f64::INFINITY));
    d.set_str("nan", Value::Float(f64::NAN));
    let fns: &[(&'static str, crate::func::BuiltinFn)] = &[
        ("acos", m_acos),
        ("acosh", m_acosh),
        ("asin", m_asin),
        ("asinh", m_asinh),
        ("atan", m_atan),
        ("atan2", atan2),
        ("atanh", m_atanh),
        ("cbrt", m_cbrt),
        ("ceil", ceil),
        ("comb", comb),
        ("copysign", copysign),
        ("cos", m_cos),
        ("cosh", m_cosh),
        ("degrees", degrees),
        ("dist", dist),
        ("erf", m_erf),
        ("erfc", m_erfc),
        ("exp", m_exp),
        ("exp2", m_exp2),
        ("expm1", m_expm1),
        ("fabs", m_fabs),
        ("factorial", factorial),
        ("floor", floor),
        ("fmod", fmod),
        ("frexp", frexp),
        ("fsum", fsum),
        ("gamma", m_gamma),
        ("gcd", gcd),
        ("hypot", hypot),
        ("isclose", isclose),
        ("isfinite", isfinite),
        ("isinf", isinf),
        ("isnan", isnan),
        ("isqrt", isqrt),
        ("lcm", lcm),
        ("ldexp", ldexp),
        ("lgamma", m_lgamma),
        ("log", log),
        ("log10", log10),
        ("log1p", m_log1p),
        ("log2", log2),
        ("modf", modf),
        ("nextafter", nextafter),
        ("perm", perm),
        ("pow", math_pow),
        ("prod", prod),
        ("radians", radians),
        ("remainder", remainder),
        ("sin", m_sin),
        ("sinh", m_sinh),
        ("sqrt", m_sqrt),
        ("sumprod", sumprod),
        ("tan", m_tan),
        ("tanh", m_tanh),
        ("trunc", trunc),
        ("ulp", ulp),
    ];
    for (name, f) in fns {
        d.set_str(name, Value::native(BuiltinFunction { name, f: *f }));
    }
    d
}

#[cfg(test)]
mod tests {
    //! Replays `runtime/tests/data/math/functions.txt`, CPython 3.12's results on
    //! seeded random inputs (written by `scripts/gen-math-tables.py`).

    use super::*;

    use crate::num_ops::tests::parse_hex_float as hex_float;

    fn floats(s: &str) -> Vec<f64> {
        s.trim_matches(['[', ']']).split(',').map(hex_float).collect()
    }

    /// A result as the table writes it.
    fn show(r: PyResult<Value>) -> String {
        match r {
            Ok(Value::Float(f)) => crate::num_ops::float_hex(f),
            Ok(Value::Int(i)) => i.to_string(),
            Ok(v @ Value::Tuple(_)) => {
                let Ok(items) = crate::iter::to_vec(&v) else { return "?".into() };
                items.into_iter().map(|x| show(Ok(x))).collect::<Vec<_>>().join(",")
            }
            Ok(_) => "?".into(),
            Err(e) => format!("!{}", e.class().name()),
        }
    }

    fn call(f: crate::func::BuiltinFn, args: Vec<Value>) -> String {
        show(f(args, vec![]))
    }

    #[test]
    fn math_matches_cpython_table() {
        let data = include_str!("../tests/data/math/functions.txt");
        let mut checked = 0;
        for line in data.lines() {
            let (lhs, expected) = line.split_once(" -> ").expect("arrow");
            let mut parts = lhs.split(' ');
            let name = parts.next().unwrap();
            let args: Vec<&str> = parts.collect();
            let f = |i: usize| Value::Float(hex_float(args[i]));
            let got = match name {
                "gamma" => call(m_gamma, vec![f(0)]),
                "lgamma" => call(m_lgamma, vec![f(0)]),
                "erf" => call(m_erf, vec![f(0)]),
                "erfc" => call(m_erfc, vec![f(0)]),
                "hypot2" => call(hypot, vec![f(0), f(1)]),
                "remainder" => call(remainder, vec![f(0), f(1)]),
                "nextafter" => call(nextafter, vec![f(0), f(1)]),
                "frexp" => call(frexp, vec![f(0)]),
                "ldexp" => call(ldexp, vec![f(0), Value::Int(args[1].parse().unwrap())]),
                "cbrt" => call(m_cbrt, vec![f(0)]),
                "asinh" => call(m_asinh, vec![f(0)]),
                "ulp" => call(ulp, vec![f(0)]),
                "hypotn" => call(hypot, floats(args[0]).into_iter().map(Value::Float).collect()),
                "sumprod" => {
                    let to_list = |s: &str| Value::list(floats(s).into_iter().map(Value::Float).collect());
                    call(sumprod, vec![to_list(args[0]), to_list(args[1])])
                }
                "steps" => show(nextafter(
                    vec![f(0), f(1)],
                    vec![(crate::str::PyStr::new("steps"), Value::Int(args[2].parse().unwrap()))],
                )),
                other => panic!("unknown function {other}"),
            };
            assert_eq!(got, expected, "{line}");
            checked += 1;
        }
        assert!(checked > 3000);
    }

    #[test]
    fn special_values() {
        assert_eq!(tgamma(0.0), (f64::INFINITY, Errno::Dom));
        assert_eq!(lgamma(-2.0), (f64::INFINITY, Errno::Dom));
        assert_eq!(frexp_of(5e-324), (0.5, -1073));
        assert_eq!(ldexp_of(1.0, -1075), 0.0);
        assert_eq!(modf_of(-3.0).0.to_bits(), (-0.0f64).to_bits());
        assert_eq!(nextafter_steps(-0.0, 1.0, 2), 1e-323);
        assert_eq!(remainder_of(7.0, 2.0), -1.0);
    }
}
