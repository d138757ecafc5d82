//! Python 3.12 `int` and `float` arithmetic, computed the way CPython computes it.
//!
//! A pure module: it knows nothing of `Value` or of raising. Every fallible
//! operation returns `Err((exception type name, message))` with CPython's exact
//! message, and the caller raises it. Ints are [`Int`]: `Small(i64)` on the fast
//! path, `Big(BigInt)` otherwise; every constructor here normalizes, so a value
//! that fits in `i64` comes back `Small`.
//!
//! The tables in `runtime/tests/data/num/` were produced by CPython 3.12 itself
//! (`scripts/gen-num-tables.py`); the tests at the bottom replay every row.
//!
//! Deliberate differences from CPython, all on inputs no real program uses:
//! a result that would need more than [`MAX_RESULT_BITS`] bits raises
//! `MemoryError` at once (CPython would try, and fail or finish minutes later);
//! `round(n, -k)` with an absurd `k` returns 0 instead of hanging; the built-in
//! string repr used in error messages ([`simple_repr`]) does not know which code
//! points are unassigned (callers with a full `repr` use the `*_with_repr` forms).

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::{Add, BitAnd, BitOr, BitXor, Mul, Neg, Not, Sub};

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Pow, ToPrimitive, Zero};

/// An exception to raise: (Python exception type name, message).
pub type NumError = (&'static str, String);
/// The result of a fallible numeric operation.
pub type NumResult<T> = Result<T, NumError>;

/// Results larger than this many bits raise `MemoryError` instead of being built
/// (512 MiB of digits): allocation failure would abort the process, not raise.
pub const MAX_RESULT_BITS: u64 = 1 << 32;

/// CPython 3.12's default `sys.get_int_max_str_digits()`.
pub const MAX_STR_DIGITS: usize = 4300;

const VALUE_ERROR: &str = "ValueError";
const OVERFLOW_ERROR: &str = "OverflowError";
const ZERO_DIVISION_ERROR: &str = "ZeroDivisionError";

/// Rust integer `as f64` casts are exact below this magnitude.
const EXACT_F64_LIMIT: u64 = 1 << 53;
/// 2**63 as an f64: the first magnitude an `i64` cannot hold.
const TWO_POW_63: f64 = 9_223_372_036_854_775_808.0;

fn fail<T>(kind: &'static str, msg: &str) -> NumResult<T> {
    Err((kind, msg.to_owned()))
}

fn memory_error<T>() -> NumResult<T> {
    Err(("MemoryError", String::new()))
}

fn too_big_for_float<T>() -> NumResult<T> {
    fail(OVERFLOW_ERROR, "int too large to convert to float")
}

/// Refuses to build a result of `bits` bits when it is over the memory budget.
fn check_result_bits(bits: u64) -> NumResult<()> {
    if bits > MAX_RESULT_BITS { memory_error() } else { Ok(()) }
}

// ---------------------------------------------------------------------------
// The Int type
// ---------------------------------------------------------------------------

/// A Python int. Keep values in `i64` range as `Small` (use [`Int::from_bigint`]);
/// the operations still accept an unnormalized `Big`, only more slowly.
#[derive(Clone, Debug)]
pub enum Int {
    Small(i64),
    Big(BigInt),
}

/// A result that is an int or a float, e.g. `int ** int`, whose type depends on
/// the sign of the exponent.
#[derive(Clone, Debug, PartialEq)]
pub enum IntOrFloat {
    Int(Int),
    Float(f64),
}

impl Int {
    /// Wraps a `BigInt`, demoting it to `Small` when it fits in `i64`.
    pub fn from_bigint(b: BigInt) -> Int {
        match b.to_i64() {
            Some(v) => Int::Small(v),
            None => Int::Big(b),
        }
    }

    fn from_i128(v: i128) -> Int {
        match i64::try_from(v) {
            Ok(s) => Int::Small(s),
            Err(_) => Int::Big(BigInt::from(v)),
        }
    }

    fn from_u64(v: u64) -> Int {
        Int::from_i128(i128::from(v))
    }

    fn from_biguint(b: BigUint) -> Int {
        Int::from_bigint(BigInt::from(b))
    }

    /// The value as a `BigInt` (a copy).
    pub fn to_bigint(&self) -> BigInt {
        self.big().into_owned()
    }

    /// The value as a `BigInt`, without copying a `Big` one.
    pub fn into_bigint(self) -> BigInt {
        match self {
            Int::Small(v) => BigInt::from(v),
            Int::Big(b) => b,
        }
    }

    /// Borrows a `Big` value, widens a `Small` one.
    fn big(&self) -> Cow<'_, BigInt> {
        match self {
            Int::Small(v) => Cow::Owned(BigInt::from(*v)),
            Int::Big(b) => Cow::Borrowed(b),
        }
    }

    /// The absolute value as a `BigUint`.
    fn magnitude(&self) -> BigUint {
        match self {
            Int::Small(v) => BigUint::from(v.unsigned_abs()),
            Int::Big(b) => b.magnitude().clone(),
        }
    }

    /// The value as an `i64`, if it fits.
    pub fn to_i64(&self) -> Option<i64> {
        match self {
            Int::Small(v) => Some(*v),
            Int::Big(b) => b.to_i64(),
        }
    }

    /// The value as a `u64`, if it is non-negative and fits.
    pub fn to_u64(&self) -> Option<u64> {
        match self {
            Int::Small(v) => u64::try_from(*v).ok(),
            Int::Big(b) => b.to_u64(),
        }
    }

    pub fn is_zero(&self) -> bool {
        match self {
            Int::Small(v) => *v == 0,
            Int::Big(b) => b.is_zero(),
        }
    }

    pub fn is_negative(&self) -> bool {
        match self {
            Int::Small(v) => *v < 0,
            Int::Big(b) => b.sign() == Sign::Minus,
        }
    }

    pub fn is_odd(&self) -> bool {
        match self {
            Int::Small(v) => v & 1 == 1,
            Int::Big(b) => b.is_odd(),
        }
    }

    /// The value as an f64 when that is exact and cheap (|v| <= 2**53).
    fn exact_f64(&self) -> Option<f64> {
        match self {
            Int::Small(v) if v.unsigned_abs() <= EXACT_F64_LIMIT => Some(*v as f64),
            _ => None,
        }
    }

    /// `int.bit_length()`: bits of the magnitude, 0 for 0.
    pub fn bit_length(&self) -> u64 {
        match self {
            Int::Small(v) => u64::from(64 - v.unsigned_abs().leading_zeros()),
            Int::Big(b) => b.bits(),
        }
    }

    /// `abs(n)`.
    pub fn abs(&self) -> Int {
        if self.is_negative() { -self } else { self.clone() }
    }

    /// `a // b`, flooring.
    pub fn floordiv(&self, other: &Int) -> NumResult<Int> {
        match (self, other) {
            (Int::Small(a), Int::Small(b)) => i64_floordiv(*a, *b),
            _ => {
                check_divisor(other, DIVMOD_BY_ZERO)?;
                Ok(Int::from_bigint(self.big().div_floor(&other.big())))
            }
        }
    }

    /// `a % b`, with the sign of `b`.
    pub fn modulo(&self, other: &Int) -> NumResult<Int> {
        match (self, other) {
            (Int::Small(a), Int::Small(b)) => i64_mod(*a, *b).map(Int::Small),
            _ => {
                check_divisor(other, MOD_BY_ZERO)?;
                Ok(Int::from_bigint(self.big().mod_floor(&other.big())))
            }
        }
    }

    /// `divmod(a, b)`.
    pub fn divmod(&self, other: &Int) -> NumResult<(Int, Int)> {
        if let (Int::Small(a), Int::Small(b)) = (self, other) {
            return Ok((i64_floordiv(*a, *b)?, Int::Small(i64_mod(*a, *b)?)));
        }
        check_divisor(other, DIVMOD_BY_ZERO)?;
        let (q, r) = self.big().div_mod_floor(&other.big());
        Ok((Int::from_bigint(q), Int::from_bigint(r)))
    }

    /// `a / b`: the correctly rounded quotient, however large the operands.
    pub fn truediv(&self, other: &Int) -> NumResult<f64> {
        if let (Some(a), Some(b)) = (self.exact_f64(), other.exact_f64()) {
            // Both operands are exact, so IEEE division rounds the true quotient once.
            return float_div(a, b).or_else(|_| fail(ZERO_DIVISION_ERROR, "division by zero"));
        }
        int_true_div(&self.big(), &other.big())
    }

    /// `a ** b`: an int for `b >= 0`, else CPython's float power of the
    /// converted operands.
    pub fn pow(&self, exponent: &Int) -> NumResult<IntOrFloat> {
        if exponent.is_negative() {
            let base = int_to_f64(self)?;
            let exp = int_to_f64(exponent)?;
            return float_pow(base, exp).map(IntOrFloat::Float);
        }
        self.pow_nonnegative(exponent).map(IntOrFloat::Int)
    }

    fn pow_nonnegative(&self, exponent: &Int) -> NumResult<Int> {
        // Powers of 0, 1 and -1 never grow: answer them for any exponent.
        match self.to_i64() {
            Some(0) => return Ok(Int::Small(i64::from(exponent.is_zero()))),
            Some(1) => return Ok(Int::Small(1)),
            Some(-1) => return Ok(Int::Small(if exponent.is_odd() { -1 } else { 1 })),
            _ => {}
        }
        let Some(exp) = exponent.to_u64().filter(|e| *e <= MAX_RESULT_BITS) else {
            return memory_error();
        };
        // |base| >= 2, so the result has more than (bits - 1) * exp bits.
        check_result_bits((self.bit_length() - 1).saturating_mul(exp))?;
        if let (Int::Small(b), Ok(e32)) = (self, u32::try_from(exp))
            && let Some(v) = b.checked_pow(e32)
        {
            return Ok(Int::Small(v));
        }
        Ok(Int::from_bigint(Pow::pow(&*self.big(), exp)))
    }

    /// `pow(a, b, m)`, including a negative `b` (a modular inverse).
    pub fn pow_mod(&self, exponent: &Int, modulus: &Int) -> NumResult<Int> {
        if modulus.is_zero() {
            return fail(VALUE_ERROR, "pow() 3rd argument cannot be 0");
        }
        let m = modulus.magnitude();
        if m.is_one() {
            return Ok(Int::Small(0));
        }
        let mut base = self.big().mod_floor(&BigInt::from(m.clone())).into_parts().1;
        if exponent.is_negative() {
            base = mod_inverse(&base, &m)
                .ok_or((VALUE_ERROR, "base is not invertible for the given modulus".to_owned()))?;
        }
        let r = modpow(&base, &exponent.magnitude(), &m);
        // A negative modulus m gives a result in (m, 0].
        let r = BigInt::from(r);
        if modulus.is_negative() && !r.is_zero() {
            Ok(Int::from_bigint(r - BigInt::from(m)))
        } else {
            Ok(Int::from_bigint(r))
        }
    }

    /// `a << n`.
    pub fn lshift(&self, count: &Int) -> NumResult<Int> {
        if count.is_negative() {
            return fail(VALUE_ERROR, "negative shift count");
        }
        if self.is_zero() {
            return Ok(Int::Small(0));
        }
        let n = checked_lshift_count(self, count)?;
        if let Int::Small(a) = self
            && n < 64
        {
            // |a| < 2**63 and n < 64, so the shift cannot overflow i128.
            return Ok(Int::from_i128(i128::from(*a) << n));
        }
        Ok(Int::from_bigint(&*self.big() << n))
    }

    /// `a >> n`, flooring (so negative values end at -1).
    pub fn rshift(&self, count: &Int) -> NumResult<Int> {
        if count.is_negative() {
            return fail(VALUE_ERROR, "negative shift count");
        }
        let all_shifted_out = Int::Small(if self.is_negative() { -1 } else { 0 });
        match count.to_u64() {
            Some(n) if n < self.bit_length() => match self {
                Int::Small(a) => Ok(Int::Small(a >> n)),
                Int::Big(b) => Ok(Int::from_bigint(b >> n)),
            },
            _ => Ok(all_shifted_out),
        }
    }

    /// Exact comparison with a float; `None` when `f` is NaN.
    pub fn cmp_f64(&self, f: f64) -> Option<Ordering> {
        if f.is_nan() {
            return None;
        }
        if f.is_infinite() {
            return Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater });
        }
        if let Some(x) = self.exact_f64() {
            return x.partial_cmp(&f);
        }
        // Compare with floor(f), an exact integer: n > floor(f) means n >= floor(f) + 1 > f.
        let floor = f.floor();
        let floor_int = f64_to_int(floor).ok()?;
        Some(match self.cmp(&floor_int) {
            Ordering::Equal if floor != f => Ordering::Less,
            ord => ord,
        })
    }

    /// `round(n, ndigits)`: rounds to a multiple of `10**-ndigits`, ties to even.
    pub fn round_ndigits(&self, ndigits: &Int) -> Int {
        if !ndigits.is_negative() {
            return self.clone();
        }
        // 10**k > 2**(3k) > 2*|n| once 3k > bits + 1: everything rounds to 0.
        let k = match ndigits.to_i64().and_then(i64::checked_neg).and_then(|k| u64::try_from(k).ok()) {
            Some(k) if k <= self.bit_length() / 3 + 1 => k,
            _ => return Int::Small(0),
        };
        let pow10 = Pow::pow(BigInt::from(10u32), k);
        let (q, r) = self.big().div_mod_floor(&pow10);
        let twice_r: BigInt = r << 1u32;
        let round_up = match twice_r.cmp(&pow10) {
            Ordering::Greater => true,
            Ordering::Equal => q.is_odd(),
            Ordering::Less => false,
        };
        let q = if round_up { q + 1u32 } else { q };
        Int::from_bigint(q * pow10)
    }
}

impl From<i64> for Int {
    fn from(v: i64) -> Int {
        Int::Small(v)
    }
}

impl From<BigInt> for Int {
    fn from(b: BigInt) -> Int {
        Int::from_bigint(b)
    }
}

impl PartialEq for Int {
    fn eq(&self, other: &Int) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Int {}

impl PartialOrd for Int {
    fn partial_cmp(&self, other: &Int) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Int {
    fn cmp(&self, other: &Int) -> Ordering {
        match (self, other) {
            (Int::Small(a), Int::Small(b)) => a.cmp(b),
            _ => self.big().cmp(&other.big()),
        }
    }
}

impl Hash for Int {
    // Hashes the value, so an unnormalized Big hashes like its Small twin.
    fn hash<H: Hasher>(&self, state: &mut H) {
        match self.to_i64() {
            Some(v) => v.hash(state),
            None => self.big().hash(state),
        }
    }
}

/// Every digit, no 4300-digit limit: for diagnostics. Python's `str()` is
/// [`int_to_string`].
impl fmt::Display for Int {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Int::Small(v) => write!(f, "{v}"),
            Int::Big(b) => write!(f, "{b}"),
        }
    }
}

/// Implements a std operator on `&Int` from an i64 fast path and a BigInt fallback.
macro_rules! int_operator {
    ($trait:ident, $method:ident, $fast:expr, $big:expr) => {
        impl $trait for &Int {
            type Output = Int;
            fn $method(self, other: &Int) -> Int {
                match (self, other) {
                    (Int::Small(a), Int::Small(b)) => $fast(*a, *b),
                    _ => Int::from_bigint($big(&*self.big(), &*other.big())),
                }
            }
        }
    };
}

int_operator!(Add, add, i64_add, |a: &BigInt, b: &BigInt| a + b);
int_operator!(Sub, sub, i64_sub, |a: &BigInt, b: &BigInt| a - b);
int_operator!(Mul, mul, i64_mul, |a: &BigInt, b: &BigInt| a * b);
// i64's bitwise operators are already two's complement, as Python's are.
int_operator!(BitAnd, bitand, |a: i64, b: i64| Int::Small(a & b), |a: &BigInt, b: &BigInt| a & b);
int_operator!(BitOr, bitor, |a: i64, b: i64| Int::Small(a | b), |a: &BigInt, b: &BigInt| a | b);
int_operator!(BitXor, bitxor, |a: i64, b: i64| Int::Small(a ^ b), |a: &BigInt, b: &BigInt| a ^ b);

impl Neg for &Int {
    type Output = Int;
    fn neg(self) -> Int {
        match self {
            Int::Small(v) => i64_neg(*v),
            Int::Big(b) => Int::from_bigint(-b),
        }
    }
}

/// `~n == -(n + 1)`.
impl Not for &Int {
    type Output = Int;
    fn not(self) -> Int {
        match self {
            Int::Small(v) => Int::Small(!v),
            Int::Big(b) => Int::from_bigint(-(b + 1u32)),
        }
    }
}

// ---------------------------------------------------------------------------
// i64 fast paths
// ---------------------------------------------------------------------------

const DIVMOD_BY_ZERO: &str = "integer division or modulo by zero";
const MOD_BY_ZERO: &str = "integer modulo by zero";

fn check_divisor(divisor: &Int, msg: &str) -> NumResult<()> {
    if divisor.is_zero() { fail(ZERO_DIVISION_ERROR, msg) } else { Ok(()) }
}

/// `a + b`, promoting on overflow.
pub fn i64_add(a: i64, b: i64) -> Int {
    a.checked_add(b).map_or_else(|| Int::from_i128(i128::from(a) + i128::from(b)), Int::Small)
}

/// `a - b`, promoting on overflow.
pub fn i64_sub(a: i64, b: i64) -> Int {
    a.checked_sub(b).map_or_else(|| Int::from_i128(i128::from(a) - i128::from(b)), Int::Small)
}

/// `a * b`, promoting on overflow.
pub fn i64_mul(a: i64, b: i64) -> Int {
    a.checked_mul(b).map_or_else(|| Int::from_i128(i128::from(a) * i128::from(b)), Int::Small)
}

/// `-a` (`-i64::MIN` promotes).
pub fn i64_neg(a: i64) -> Int {
    a.checked_neg().map_or_else(|| Int::from_i128(-i128::from(a)), Int::Small)
}

/// `a // b`, flooring; `i64::MIN // -1` promotes.
pub fn i64_floordiv(a: i64, b: i64) -> NumResult<Int> {
    if b == 0 {
        return fail(ZERO_DIVISION_ERROR, DIVMOD_BY_ZERO);
    }
    let Some(q) = a.checked_div(b) else {
        return Ok(Int::from_i128(-i128::from(a)));
    };
    // Rust truncates; step down when the signs differ and there is a remainder.
    let inexact = a.wrapping_rem(b) != 0;
    Ok(Int::Small(if inexact && ((a < 0) != (b < 0)) { q - 1 } else { q }))
}

/// `a % b`, with the sign of the divisor (never overflows).
pub fn i64_mod(a: i64, b: i64) -> NumResult<i64> {
    if b == 0 {
        return fail(ZERO_DIVISION_ERROR, MOD_BY_ZERO);
    }
    let r = a.wrapping_rem(b);
    Ok(if r != 0 && ((r < 0) != (b < 0)) { r + b } else { r })
}

// ---------------------------------------------------------------------------
// Int <-> float
// ---------------------------------------------------------------------------

/// `float(n)`, correctly rounded (ties to even).
pub fn int_to_f64(n: &Int) -> NumResult<f64> {
    match n {
        // `as` rounds to nearest, ties to even.
        Int::Small(v) => Ok(*v as f64),
        Int::Big(b) => match round_scaled(b.magnitude(), false, 0) {
            Some(x) => Ok(if b.sign() == Sign::Minus { -x } else { x }),
            None => too_big_for_float(),
        },
    }
}

/// `int(f)`: truncates toward zero.
pub fn f64_to_int(f: f64) -> NumResult<Int> {
    if f.is_nan() {
        return fail(VALUE_ERROR, "cannot convert float NaN to integer");
    }
    if f.is_infinite() {
        return fail(OVERFLOW_ERROR, "cannot convert float infinity to integer");
    }
    let t = f.trunc();
    if t.abs() < TWO_POW_63 {
        return Ok(Int::Small(t as i64));
    }
    let (mantissa, exp) = decode_f64(t);
    // |t| >= 2**63, so its exponent is positive.
    let magnitude = BigInt::from(mantissa) << exp.unsigned_abs();
    Ok(Int::from_bigint(if t < 0.0 { -magnitude } else { magnitude }))
}

/// Splits a finite f64 into |f| = mantissa * 2**exp.
fn decode_f64(f: f64) -> (u64, i64) {
    let bits = f.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    if biased == 0 { (fraction, -1074) } else { (fraction | (1 << 52), biased - 1075) }
}

/// 2**k as an f64, for -1074 <= k <= 1023, built from its bits (so exact).
fn pow2(k: i64) -> f64 {
    if k >= -1022 { f64::from_bits(((k + 1023) as u64) << 52) } else { f64::from_bits(1u64 << (k + 1074)) }
}

/// Rounds `(q + t) * 2**e` to the nearest f64, ties to even, where `t` is an
/// unknown fraction in [0, 1) that is nonzero exactly when `sticky` is set;
/// `None` when the result overflows. A sticky caller must supply at least two
/// bits of `q` below the rounding point.
fn round_scaled(q: &BigUint, sticky: bool, e: i64) -> Option<f64> {
    if q.is_zero() {
        return Some(0.0);
    }
    let top = q.bits() as i64 - 1 + e;
    if top > 1023 {
        return None;
    }
    // The last bit kept: 53 significant bits, but never below the subnormal quantum.
    let lsb = (top - 52).max(-1074);
    let drop = lsb - e;
    let m = if drop <= 0 {
        (q << drop.unsigned_abs()).to_u64()?
    } else {
        let drop = drop.unsigned_abs();
        let kept = (q >> drop).to_u64()?;
        let half = q.bit(drop - 1);
        let below_half = sticky || q.trailing_zeros().is_some_and(|tz| tz < drop - 1);
        kept + u64::from(half && (below_half || kept & 1 == 1))
    };
    // m <= 2**53 and m * 2**lsb is representable unless it overflows to inf.
    let x = m as f64 * pow2(lsb);
    x.is_finite().then_some(x)
}

/// `a / b` of two `BigInt`s, correctly rounded whatever their sizes.
pub fn int_true_div(a: &BigInt, b: &BigInt) -> NumResult<f64> {
    if b.is_zero() {
        return fail(ZERO_DIVISION_ERROR, "division by zero");
    }
    // Operands of at most 53 bits are exact as f64: one IEEE division rounds once.
    let exact = |x: &BigInt| x.to_i64().filter(|_| x.bits() <= 53).map(|v| v as f64);
    if let (Some(x), Some(y)) = (exact(a), exact(b)) {
        return Ok(x / y);
    }
    let negative = (a.sign() == Sign::Minus) != (b.sign() == Sign::Minus);
    let signed = |x: f64| if negative { -x } else { x };
    if a.is_zero() {
        return Ok(signed(0.0));
    }
    let (ua, ub) = (a.magnitude(), b.magnitude());
    // 2**(diff - 1) < a/b < 2**(diff + 1).
    let diff = ua.bits() as i64 - ub.bits() as i64;
    if diff > 1024 {
        return fail(OVERFLOW_ERROR, "integer division result too large for a float");
    }
    if diff < -1075 {
        // Below half the smallest subnormal.
        return Ok(signed(0.0));
    }
    // Scale so the integer quotient keeps at least 55 bits (fewer only where
    // the result is subnormal): 53 for the mantissa, two for rounding.
    let shift = diff.max(-1021) - 55;
    let (num, mut inexact) = if shift < 0 {
        (ua << shift.unsigned_abs(), false)
    } else {
        let shift = shift.unsigned_abs();
        (ua >> shift, ua.trailing_zeros().is_some_and(|tz| tz < shift))
    };
    let (q, r) = num.div_rem(ub);
    inexact |= !r.is_zero();
    match round_scaled(&q, inexact, shift) {
        Some(x) => Ok(signed(x)),
        None => fail(OVERFLOW_ERROR, "integer division result too large for a float"),
    }
}

// ---------------------------------------------------------------------------
// pow with modulus, shifts
// ---------------------------------------------------------------------------

/// `base**exp % m` for `base < m`, with a machine-word path for small moduli.
fn modpow(base: &BigUint, exp: &BigUint, m: &BigUint) -> BigUint {
    if let (Some(b), Some(e), Some(m64)) = (base.to_u64(), exp.to_u64(), m.to_u64()) {
        return BigUint::from(modpow_u64(b, e, m64));
    }
    base.modpow(exp, m)
}

/// `base**exp % m` on machine words.
pub(crate) fn modpow_u64(base: u64, mut exp: u64, m: u64) -> u64 {
    let m = u128::from(m);
    let mut base = u128::from(base) % m;
    let mut acc = 1 % m;
    while exp > 0 {
        if exp & 1 == 1 {
            acc = acc * base % m;
        }
        base = base * base % m;
        exp >>= 1;
    }
    // acc < m <= u64::MAX.
    acc as u64
}

/// The inverse of `a` modulo `m` (> 1), if gcd(a, m) == 1.
fn mod_inverse(a: &BigUint, m: &BigUint) -> Option<BigUint> {
    let (a, m) = (BigInt::from(a.clone()), BigInt::from(m.clone()));
    let g = a.extended_gcd(&m);
    g.gcd.is_one().then(|| g.x.mod_floor(&m).into_parts().1)
}

/// The shift count of `a << count` as a u64, or CPython's error for a result
/// it could not allocate: it sizes the result in 30-bit digits first, and a
/// size over `MAX_LONG_DIGITS` is an OverflowError rather than a MemoryError.
fn checked_lshift_count(a: &Int, count: &Int) -> NumResult<u64> {
    const DIGIT_BITS: u64 = 30;
    // (PY_SSIZE_T_MAX - offsetof(PyLongObject, ob_digit)) / sizeof(digit)
    const MAX_LONG_DIGITS: u64 = (i64::MAX as u64 - 24) / 4;
    // Word shifts past PY_SSIZE_T_MAX / sizeof(digit) are clipped to it.
    const CLIP: u64 = i64::MAX as u64 / 4;
    let (words, rem) = match count.to_i64() {
        Some(n) => (n.unsigned_abs() / DIGIT_BITS, n.unsigned_abs() % DIGIT_BITS),
        None => {
            let (w, r) = count.big().div_rem(&BigInt::from(DIGIT_BITS));
            match w.to_u64().filter(|w| *w < CLIP) {
                Some(w) => (w, r.to_u64().unwrap_or(0)),
                None => (CLIP, 0),
            }
        }
    };
    let old_digits = a.bit_length().div_ceil(DIGIT_BITS);
    let new_digits = old_digits.saturating_add(words).saturating_add(u64::from(rem != 0));
    if new_digits > MAX_LONG_DIGITS {
        return fail(OVERFLOW_ERROR, "too many digits in integer");
    }
    let n = words.saturating_mul(DIGIT_BITS).saturating_add(rem);
    check_result_bits(a.bit_length().saturating_add(n))?;
    Ok(n)
}

// ---------------------------------------------------------------------------
// Int -> str
// ---------------------------------------------------------------------------

/// `str(n)`, refusing more than 4300 digits as CPython 3.12 does by default.
pub fn int_to_string(n: &Int) -> NumResult<String> {
    match n {
        Int::Small(v) => Ok(v.to_string()),
        Int::Big(b) => bigint_to_decimal(b),
    }
}

/// `str(b)` of a `BigInt`, with the 4300-digit limit of [`int_to_string`].
pub fn bigint_to_decimal(b: &BigInt) -> NumResult<String> {
    // A magnitude >= 2**14285 has at least floor(14285 * log10(2)) + 1 = 4301
    // digits: refuse it without converting.
    const FIRST_BITS_OVER_LIMIT: u64 = 14286;
    let too_long = || {
        fail(
            VALUE_ERROR,
            "Exceeds the limit (4300 digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit",
        )
    };
    if b.bits() >= FIRST_BITS_OVER_LIMIT {
        return too_long();
    }
    let s = b.to_string();
    let digits = s.len() - usize::from(b.sign() == Sign::Minus);
    if digits > MAX_STR_DIGITS { too_long() } else { Ok(s) }
}

/// The digits of `n` in `radix` (clamped to 2..=36), lowercase, with a leading
/// `-` for negatives and no prefix: `format(n, 'x')`.
pub fn int_to_radix(n: &Int, radix: u32) -> String {
    let radix = radix.clamp(2, 36);
    let Int::Small(v) = n else {
        return n.big().to_str_radix(radix);
    };
    let sign = if *v < 0 { "-" } else { "" };
    let m = v.unsigned_abs();
    match radix {
        2 => format!("{sign}{m:b}"),
        8 => format!("{sign}{m:o}"),
        10 => format!("{sign}{m}"),
        16 => format!("{sign}{m:x}"),
        _ => n.big().to_str_radix(radix),
    }
}

fn prefixed(n: &Int, radix: u32, prefix: &str) -> String {
    let digits = int_to_radix(&n.abs(), radix);
    let sign = if n.is_negative() { "-" } else { "" };
    format!("{sign}{prefix}{digits}")
}

/// `hex(n)`: `hex(-255) == '-0xff'`.
pub fn int_hex(n: &Int) -> String {
    prefixed(n, 16, "0x")
}

/// `oct(n)`.
pub fn int_oct(n: &Int) -> String {
    prefixed(n, 8, "0o")
}

/// `bin(n)`.
pub fn int_bin(n: &Int) -> String {
    prefixed(n, 2, "0b")
}

// ---------------------------------------------------------------------------
// str -> int / float
// ---------------------------------------------------------------------------

/// First code point of each run of ten Unicode decimal digits (0..9), Unicode
/// 15.0 as in CPython 3.12; checked against CPython by the tests.
const DECIMAL_ZEROS: [u32; 67] = [
    0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0, 0xf20,
    0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0,
    0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0,
    0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x11f50, 0x16a60,
    0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e4f0, 0x1e950, 0x1fbf0,
];

/// The decimal value of a non-ASCII Unicode digit (`unicodedata.decimal`).
fn unicode_decimal(c: char) -> Option<u8> {
    let code = c as u32;
    let run = DECIMAL_ZEROS.partition_point(|z| *z <= code).checked_sub(1)?;
    let offset = code - DECIMAL_ZEROS[run];
    u8::try_from(offset).ok().filter(|d| *d < 10)
}

/// `str.isspace()` for code points >= 127.
fn is_unicode_space(c: char) -> bool {
    matches!(c as u32, 0x85 | 0xa0 | 0x1680 | 0x2000..=0x200a | 0x2028 | 0x2029 | 0x202f | 0x205f | 0x3000)
}

/// C's isspace, which CPython's number parsers use on the ASCII text.
fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// CPython's first step for int() and float(): non-ASCII whitespace becomes
/// ' ', non-ASCII decimal digits become ASCII ones, and any other non-ASCII
/// character becomes '?' and ends the text (it can only fail to parse).
fn ascii_number_text(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        match u8::try_from(c) {
            Ok(b) if b < 127 => out.push(b),
            _ if is_unicode_space(c) => out.push(b' '),
            _ => match unicode_decimal(c) {
                Some(d) => out.push(b'0' + d),
                None => {
                    out.push(b'?');
                    break;
                }
            },
        }
    }
    out
}

/// Code points >= 0x7f that are assigned but not printable in Unicode 15.0
/// (categories Cc, Cf, Cs, Co, Zl, Zp, Zs), from CPython 3.12.
const NON_PRINTABLE: [(u32, u32); 27] = [
    (0x7f, 0xa0),
    (0xad, 0xad),
    (0x600, 0x605),
    (0x61c, 0x61c),
    (0x6dd, 0x6dd),
    (0x70f, 0x70f),
    (0x890, 0x891),
    (0x8e2, 0x8e2),
    (0x1680, 0x1680),
    (0x180e, 0x180e),
    (0x2000, 0x200f),
    (0x2028, 0x202f),
    (0x205f, 0x2064),
    (0x2066, 0x206f),
    (0x3000, 0x3000),
    (0xd800, 0xf8ff),
    (0xfeff, 0xfeff),
    (0xfff9, 0xfffb),
    (0x110bd, 0x110bd),
    (0x110cd, 0x110cd),
    (0x13430, 0x1343f),
    (0x1bca0, 0x1bca3),
    (0x1d173, 0x1d17a),
    (0xe0001, 0xe0001),
    (0xe0020, 0xe007f),
    (0xf0000, 0xffffd),
    (0x100000, 0x10fffd),
];

/// `str.isprintable()` except that unassigned code points count as printable.
fn is_printable_approx(c: char) -> bool {
    let code = c as u32;
    if code < 0x7f {
        return code >= 0x20;
    }
    let i = NON_PRINTABLE.partition_point(|(lo, _)| *lo <= code);
    !(i > 0 && code <= NON_PRINTABLE[i - 1].1)
}

/// Python's `repr()` of a str, exact for assigned code points (see
/// [`is_printable_approx`]); used in int()/float() error messages.
pub fn simple_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            _ if c == quote => {
                out.push('\\');
                out.push(c);
            }
            _ if is_printable_approx(c) => out.push(c),
            _ => {
                let code = c as u32;
                let escaped = match code {
                    0..=0xff => format!("\\x{code:02x}"),
                    0x100..=0xffff => format!("\\u{code:04x}"),
                    _ => format!("\\U{code:08x}"),
                };
                out.push_str(&escaped);
            }
        }
    }
    out.push(quote);
    out
}

/// Why an int literal was refused.
enum IntSyntaxError {
    Invalid,
    TooManyDigits(usize),
}

/// `int(s, base)`; the error message quotes `s` with [`simple_repr`]. The
/// caller maps a base outside u32 (e.g. negative) to 1 to get the base error.
pub fn int_parse(s: &str, base: u32) -> NumResult<Int> {
    int_parse_with_repr(s, base, &simple_repr)
}

/// `int(s, base)`, quoting `s` in the error message with the caller's `repr`.
pub fn int_parse_with_repr(s: &str, base: u32, repr: &dyn Fn(&str) -> String) -> NumResult<Int> {
    if base == 1 || base > 36 {
        return fail(VALUE_ERROR, "int() base must be >= 2 and <= 36, or 0");
    }
    match parse_int_ascii(&ascii_number_text(s), base) {
        Ok(n) => Ok(n),
        Err(IntSyntaxError::TooManyDigits(count)) => Err((
            VALUE_ERROR,
            format!(
                "Exceeds the limit (4300 digits) for integer string conversion: value has {count} \
                 digits; use sys.set_int_max_str_digits() to increase the limit"
            ),
        )),
        Err(IntSyntaxError::Invalid) => {
            // CPython formats the repr with %.200R: cut after 200 characters.
            let shown: String = repr(s).chars().take(200).collect();
            Err((VALUE_ERROR, format!("invalid literal for int() with base {base}: {shown}")))
        }
    }
}

fn skip_c_space(t: &[u8], mut i: usize) -> usize {
    while t.get(i).copied().is_some_and(is_c_space) {
        i += 1;
    }
    i
}

/// The value of an ASCII digit or letter (letters are 10..35), else 99.
fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => u32::from(b - b'0'),
        b'a'..=b'z' => u32::from(b - b'a') + 10,
        b'A'..=b'Z' => u32::from(b - b'A') + 10,
        _ => 99,
    }
}

/// The radix letter after a leading 0 that `base` accepts, if any.
fn prefix_letter(base: u32) -> Option<u8> {
    match base {
        16 => Some(b'x'),
        8 => Some(b'o'),
        2 => Some(b'b'),
        _ => None,
    }
}

/// Base 0 reads the base from the prefix. Returns the base and whether the
/// literal must be zero (a leading 0 without prefix, an old-style octal).
fn deduce_base(t: &[u8], i: usize, base: u32) -> (u32, bool) {
    if base != 0 {
        return (base, false);
    }
    if t.get(i) != Some(&b'0') {
        return (10, false);
    }
    match t.get(i + 1).map(u8::to_ascii_lowercase) {
        Some(b'x') => (16, false),
        Some(b'o') => (8, false),
        Some(b'b') => (2, false),
        _ => (10, true),
    }
}

fn parse_int_ascii(t: &[u8], base: u32) -> Result<Int, IntSyntaxError> {
    let mut i = skip_c_space(t, 0);
    let negative = t.get(i) == Some(&b'-');
    if matches!(t.get(i), Some(b'-' | b'+')) {
        i += 1;
    }
    let (base, must_be_zero) = deduce_base(t, i, base);
    let has_prefix = t.get(i) == Some(&b'0')
        && prefix_letter(base).is_some_and(|p| t.get(i + 1).map(u8::to_ascii_lowercase) == Some(p));
    if has_prefix {
        i += 2;
        // One underscore may follow the prefix.
        if t.get(i) == Some(&b'_') {
            i += 1;
        }
    }
    let (digits, end) = scan_digits(t, i, base)?;
    if skip_c_space(t, end) != t.len() {
        return Err(IntSyntaxError::Invalid);
    }
    if !base.is_power_of_two() && digits.len() > MAX_STR_DIGITS {
        return Err(IntSyntaxError::TooManyDigits(digits.len()));
    }
    let magnitude = digits_to_biguint(&digits, base);
    if must_be_zero && !magnitude.is_zero() {
        return Err(IntSyntaxError::Invalid);
    }
    let value = BigInt::from(magnitude);
    Ok(Int::from_bigint(if negative { -value } else { value }))
}

/// Reads digits of `base` separated by single underscores from `t[i..]`;
/// returns their values and the index after them.
fn scan_digits(t: &[u8], mut i: usize, base: u32) -> Result<(Vec<u8>, usize), IntSyntaxError> {
    let mut digits = Vec::new();
    let mut after_underscore = false;
    while let Some(&b) = t.get(i) {
        if b == b'_' {
            // No leading or doubled underscore.
            if after_underscore || digits.is_empty() {
                return Err(IntSyntaxError::Invalid);
            }
            after_underscore = true;
        } else if digit_value(b) < base {
            digits.push(digit_value(b) as u8);
            after_underscore = false;
        } else {
            break;
        }
        i += 1;
    }
    if after_underscore || digits.is_empty() {
        return Err(IntSyntaxError::Invalid);
    }
    Ok((digits, i))
}

fn digits_to_biguint(digits: &[u8], base: u32) -> BigUint {
    let small = digits.iter().try_fold(0u64, |acc, d| acc.checked_mul(u64::from(base))?.checked_add(u64::from(*d)));
    match small {
        Some(v) => BigUint::from(v),
        // Digits are all < base, so this cannot fail.
        None => BigUint::from_radix_be(digits, base).unwrap_or_default(),
    }
}

/// `float(s)`; the error message quotes `s` with [`simple_repr`].
pub fn float_parse(s: &str) -> NumResult<f64> {
    float_parse_with_repr(s, &simple_repr)
}

/// `float(s)`, quoting `s` in the error message with the caller's `repr`.
pub fn float_parse_with_repr(s: &str, repr: &dyn Fn(&str) -> String) -> NumResult<f64> {
    parse_float_ascii(&ascii_number_text(s))
        .ok_or_else(|| (VALUE_ERROR, format!("could not convert string to float: {}", repr(s))))
}

fn parse_float_ascii(t: &[u8]) -> Option<f64> {
    let cleaned: Cow<'_, [u8]> =
        if t.contains(&b'_') { Cow::Owned(remove_float_underscores(t)?) } else { Cow::Borrowed(t) };
    let start = skip_c_space(&cleaned, 0);
    let end = cleaned.len() - cleaned[start..].iter().rev().take_while(|b| is_c_space(**b)).count();
    let body = &cleaned[start..end];
    let (negative, body) = match body.first() {
        Some(b'-') => (true, &body[1..]),
        Some(b'+') => (false, &body[1..]),
        _ => (false, body),
    };
    let value = parse_inf_nan(body).or_else(|| parse_decimal(body))?;
    Some(if negative { -value } else { value })
}

/// Underscores in float() text must sit between two digits.
fn remove_float_underscores(t: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(t.len());
    let mut prev = 0u8;
    for &b in t {
        if b == b'_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == b'_' && !b.is_ascii_digit() {
                return None;
            }
            out.push(b);
        }
        prev = b;
    }
    (prev != b'_').then_some(out)
}

fn parse_inf_nan(body: &[u8]) -> Option<f64> {
    let lower = body.to_ascii_lowercase();
    match lower.as_slice() {
        b"inf" | b"infinity" => Some(f64::INFINITY),
        b"nan" => Some(f64::NAN),
        _ => None,
    }
}

/// `digits [. digits] [e [sign] digits]` with at least one mantissa digit,
/// checked here, then rounded correctly by Rust's parser.
fn parse_decimal(body: &[u8]) -> Option<f64> {
    let count_digits = |from: usize| body[from..].iter().take_while(|b| b.is_ascii_digit()).count();
    let int_digits = count_digits(0);
    let mut i = int_digits;
    let mut frac_digits = 0;
    if body.get(i) == Some(&b'.') {
        frac_digits = count_digits(i + 1);
        i += 1 + frac_digits;
    }
    if int_digits + frac_digits == 0 {
        return None;
    }
    if matches!(body.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(body.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exp_digits = count_digits(i);
        if exp_digits == 0 {
            return None;
        }
        i += exp_digits;
    }
    if i != body.len() {
        return None;
    }
    std::str::from_utf8(body).ok()?.parse().ok()
}

// ---------------------------------------------------------------------------
// float operators
// ---------------------------------------------------------------------------

/// `a / b`.
pub fn float_div(a: f64, b: f64) -> NumResult<f64> {
    if b == 0.0 { fail(ZERO_DIVISION_ERROR, "float division by zero") } else { Ok(a / b) }
}

/// `a // b`.
pub fn float_floordiv(a: f64, b: f64) -> NumResult<f64> {
    if b == 0.0 {
        return fail(ZERO_DIVISION_ERROR, "float floor division by zero");
    }
    Ok(divmod_nonzero(a, b).0)
}

/// `a % b`: the result has the sign of `b` (`7.5 % -2 == -0.5`).
pub fn float_mod(a: f64, b: f64) -> NumResult<f64> {
    if b == 0.0 {
        return fail(ZERO_DIVISION_ERROR, "float modulo");
    }
    Ok(divmod_nonzero(a, b).1)
}

/// `divmod(a, b)`.
pub fn float_divmod(a: f64, b: f64) -> NumResult<(f64, f64)> {
    if b == 0.0 {
        return fail(ZERO_DIVISION_ERROR, "float divmod()");
    }
    Ok(divmod_nonzero(a, b))
}

/// CPython's float divmod: an exact fmod, moved to the divisor's sign, and a
/// quotient snapped to the nearest integer.
fn divmod_nonzero(a: f64, b: f64) -> (f64, f64) {
    // Rust's `%` is C's fmod, which is exact.
    let mut rem = a % b;
    let mut div = (a - rem) / b;
    if rem != 0.0 {
        if (b < 0.0) != (rem < 0.0) {
            rem += b;
            div -= 1.0;
        }
    } else {
        // A zero remainder takes the divisor's sign.
        rem = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let floor = div.floor();
        // (a - rem) / b can be a hair off an integer; snap it.
        if div - floor > 0.5 { floor + 1.0 } else { floor }
    } else {
        // A zero quotient gets the sign of the true quotient.
        0.0f64.copysign(a / b)
    };
    (floordiv, rem)
}

/// `a ** b` for floats, with CPython's special cases. A negative base with a
/// non-integer exponent gives a complex number in Python: that is reported as
/// `Err(("ValueError", "complex result not supported"))` for the caller to detect.
pub fn float_pow(base: f64, exp: f64) -> NumResult<f64> {
    if exp == 0.0 {
        return Ok(1.0);
    }
    if base.is_nan() {
        return Ok(base);
    }
    if exp.is_nan() {
        return Ok(if base == 1.0 { 1.0 } else { exp });
    }
    if exp.is_infinite() {
        return Ok(pow_infinite_exponent(base.abs(), exp));
    }
    let exp_is_odd = is_odd_integer(exp);
    if base.is_infinite() {
        return Ok(match (exp > 0.0, exp_is_odd) {
            (true, true) => base,
            (true, false) => base.abs(),
            (false, true) => 0.0f64.copysign(base),
            (false, false) => 0.0,
        });
    }
    if base == 0.0 {
        if exp < 0.0 {
            return fail(ZERO_DIVISION_ERROR, "0.0 cannot be raised to a negative power");
        }
        return Ok(if exp_is_odd { base } else { 0.0 });
    }
    if base < 0.0 && exp != exp.floor() {
        return fail(VALUE_ERROR, "complex result not supported");
    }
    // Here exp is a nonzero finite number, an integer if base is negative.
    let negate = base < 0.0 && exp_is_odd;
    let magnitude = base.abs();
    // 1**w is 1 (also (-1)**huge, which some libms get wrong).
    let result = if magnitude == 1.0 { 1.0 } else { magnitude.powf(exp) };
    if result.is_infinite() {
        return fail(OVERFLOW_ERROR, "(34, 'Numerical result out of range')");
    }
    Ok(if negate { -result } else { result })
}

/// |v| ** ±inf: 0, 1 or inf.
fn pow_infinite_exponent(magnitude: f64, exp: f64) -> f64 {
    if magnitude == 1.0 {
        1.0
    } else if (exp > 0.0) == (magnitude > 1.0) {
        f64::INFINITY
    } else {
        0.0
    }
}

fn is_odd_integer(x: f64) -> bool {
    // fmod is exact: 1.0 only for odd integers (never for inf, nan or fractions).
    x.abs() % 2.0 == 1.0
}

/// `float.is_integer()`.
pub fn float_is_integer(f: f64) -> bool {
    f.is_finite() && f == f.floor()
}

/// `float.as_integer_ratio()`: the lowest-terms fraction, denominator > 0.
pub fn float_as_integer_ratio(f: f64) -> NumResult<(Int, Int)> {
    if f.is_nan() {
        return fail(VALUE_ERROR, "cannot convert NaN to integer ratio");
    }
    if f.is_infinite() {
        return fail(OVERFLOW_ERROR, "cannot convert Infinity to integer ratio");
    }
    if f == 0.0 {
        return Ok((Int::Small(0), Int::Small(1)));
    }
    let (mantissa, exp) = decode_f64(f);
    let tz = mantissa.trailing_zeros();
    let (mantissa, exp) = (mantissa >> tz, exp + i64::from(tz));
    let numerator = if f < 0.0 { -BigInt::from(mantissa) } else { BigInt::from(mantissa) };
    Ok(if exp >= 0 {
        (Int::from_bigint(numerator << exp.unsigned_abs()), Int::Small(1))
    } else {
        (Int::from_bigint(numerator), Int::from_bigint(BigInt::one() << exp.unsigned_abs()))
    })
}

// ---------------------------------------------------------------------------
// Mixed int/float arithmetic
// ---------------------------------------------------------------------------

/// The arithmetic operators that int and float share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumOp {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
}

impl IntOrFloat {
    /// The value as a float operand: an int is converted with CPython's
    /// overflow check ("int too large to convert to float").
    pub fn to_f64(&self) -> NumResult<f64> {
        match self {
            IntOrFloat::Int(n) => int_to_f64(n),
            IntOrFloat::Float(f) => Ok(*f),
        }
    }
}

/// `a <op> b` for two ints.
pub fn int_binop(op: NumOp, a: &Int, b: &Int) -> NumResult<IntOrFloat> {
    let int = |r: NumResult<Int>| r.map(IntOrFloat::Int);
    match op {
        NumOp::Add => Ok(IntOrFloat::Int(a + b)),
        NumOp::Sub => Ok(IntOrFloat::Int(a - b)),
        NumOp::Mul => Ok(IntOrFloat::Int(a * b)),
        NumOp::TrueDiv => a.truediv(b).map(IntOrFloat::Float),
        NumOp::FloorDiv => int(a.floordiv(b)),
        NumOp::Mod => int(a.modulo(b)),
        NumOp::Pow => a.pow(b),
    }
}

/// `a <op> b` for two floats.
pub fn float_binop(op: NumOp, a: f64, b: f64) -> NumResult<f64> {
    match op {
        NumOp::Add => Ok(a + b),
        NumOp::Sub => Ok(a - b),
        NumOp::Mul => Ok(a * b),
        NumOp::TrueDiv => float_div(a, b),
        NumOp::FloorDiv => float_floordiv(a, b),
        NumOp::Mod => float_mod(a, b),
        NumOp::Pow => float_pow(a, b),
    }
}

/// `a <op> b` for any mix: int arithmetic for two ints, float arithmetic
/// (after converting the int) otherwise.
pub fn num_binop(op: NumOp, a: &IntOrFloat, b: &IntOrFloat) -> NumResult<IntOrFloat> {
    match (a, b) {
        (IntOrFloat::Int(x), IntOrFloat::Int(y)) => int_binop(op, x, y),
        _ => float_binop(op, a.to_f64()?, b.to_f64()?).map(IntOrFloat::Float),
    }
}

/// `divmod(a, b)` for any mix of int and float.
pub fn num_divmod(a: &IntOrFloat, b: &IntOrFloat) -> NumResult<(IntOrFloat, IntOrFloat)> {
    match (a, b) {
        (IntOrFloat::Int(x), IntOrFloat::Int(y)) => x.divmod(y).map(|(q, r)| (IntOrFloat::Int(q), IntOrFloat::Int(r))),
        _ => float_divmod(a.to_f64()?, b.to_f64()?).map(|(q, r)| (IntOrFloat::Float(q), IntOrFloat::Float(r))),
    }
}

/// Exact comparison of any mix; `None` when a NaN is involved.
pub fn num_cmp(a: &IntOrFloat, b: &IntOrFloat) -> Option<Ordering> {
    match (a, b) {
        (IntOrFloat::Int(x), IntOrFloat::Int(y)) => Some(x.cmp(y)),
        (IntOrFloat::Int(x), IntOrFloat::Float(f)) => x.cmp_f64(*f),
        (IntOrFloat::Float(f), IntOrFloat::Int(y)) => y.cmp_f64(*f).map(Ordering::reverse),
        (IntOrFloat::Float(f), IntOrFloat::Float(g)) => f.partial_cmp(g),
    }
}

// ---------------------------------------------------------------------------
// math module
// ---------------------------------------------------------------------------

/// `math.floor(f)`.
pub fn math_floor(f: f64) -> NumResult<Int> {
    f64_to_int(f.floor())
}

/// `math.ceil(f)`.
pub fn math_ceil(f: f64) -> NumResult<Int> {
    f64_to_int(f.ceil())
}

/// `math.trunc(f)`.
pub fn math_trunc(f: f64) -> NumResult<Int> {
    f64_to_int(f)
}

/// `math.gcd(a, b)` (fold it for more arguments; `gcd()` is 0).
pub fn math_gcd(a: &Int, b: &Int) -> Int {
    match (a, b) {
        (Int::Small(x), Int::Small(y)) => Int::from_u64(x.unsigned_abs().gcd(&y.unsigned_abs())),
        _ => Int::from_biguint(a.magnitude().gcd(&b.magnitude())),
    }
}

/// `math.lcm(a, b)` (fold it for more arguments; `lcm()` is 1).
pub fn math_lcm(a: &Int, b: &Int) -> Int {
    if a.is_zero() || b.is_zero() {
        return Int::Small(0);
    }
    match (a, b) {
        (Int::Small(x), Int::Small(y)) => {
            let (x, y) = (x.unsigned_abs(), y.unsigned_abs());
            Int::from_biguint(BigUint::from(u128::from(x / x.gcd(&y)) * u128::from(y)))
        }
        _ => {
            let (x, y) = (a.magnitude(), b.magnitude());
            Int::from_biguint(&x / x.gcd(&y) * y)
        }
    }
}

/// `math.isqrt(n)`.
pub fn math_isqrt(n: &Int) -> NumResult<Int> {
    if n.is_negative() {
        return fail(VALUE_ERROR, "isqrt() argument must be nonnegative");
    }
    Ok(match n {
        Int::Small(v) => Int::from_u64(isqrt_u64(v.unsigned_abs())),
        Int::Big(b) => Int::from_biguint(b.magnitude().sqrt()),
    })
}

fn isqrt_u64(n: u64) -> u64 {
    // The float root is within one of the answer; fix it up exactly.
    let mut r = (n as f64).sqrt() as u64;
    while u128::from(r) * u128::from(r) > u128::from(n) {
        r -= 1;
    }
    while u128::from(r + 1) * u128::from(r + 1) <= u128::from(n) {
        r += 1;
    }
    r
}

/// `math.factorial(n)`.
pub fn math_factorial(n: &Int) -> NumResult<Int> {
    if n.is_negative() {
        return fail(VALUE_ERROR, "factorial() not defined for negative values");
    }
    let Some(n) = n.to_i64() else {
        return fail(OVERFLOW_ERROR, "factorial() argument should not exceed 9223372036854775807");
    };
    let n = n.unsigned_abs();
    // log2(n!) > n * (log2(n) - log2(e)), about n * (bit_length - 2).
    check_result_bits(n.saturating_mul(u64::from(64 - n.leading_zeros()).saturating_sub(2)))?;
    Ok(Int::from_biguint(rising_product(&BigUint::one(), n)))
}

/// `math.comb(n, k)`.
pub fn math_comb(n: &Int, k: &Int) -> NumResult<Int> {
    check_perm_comb_args(n, k)?;
    if k > n {
        return Ok(Int::Small(0));
    }
    let other = n - k;
    let k = if other < *k { other } else { k.clone() };
    let Some(k) = k.to_u64().filter(|k| i64::try_from(*k).is_ok()) else {
        return fail(OVERFLOW_ERROR, "min(n - k, k) must not exceed 9223372036854775807");
    };
    // The numerator n * (n - 1) * ... has about k * bit_length(n) bits.
    check_result_bits(k.saturating_mul(n.bit_length()))?;
    let start = n.magnitude() - k + 1u32;
    let numerator = rising_product(&start, k);
    Ok(Int::from_biguint(numerator / rising_product(&BigUint::one(), k)))
}

/// `math.perm(n, k)`; `math.perm(n)` (k = None) is `factorial(n)`.
pub fn math_perm(n: &Int, k: Option<&Int>) -> NumResult<Int> {
    let Some(k) = k else {
        return math_factorial(n);
    };
    check_perm_comb_args(n, k)?;
    if k > n {
        return Ok(Int::Small(0));
    }
    let Some(k) = k.to_u64().filter(|k| i64::try_from(*k).is_ok()) else {
        return fail(OVERFLOW_ERROR, "k must not exceed 9223372036854775807");
    };
    check_result_bits(k.saturating_mul(n.bit_length()))?;
    let start = n.magnitude() - k + 1u32;
    Ok(Int::from_biguint(rising_product(&start, k)))
}

fn check_perm_comb_args(n: &Int, k: &Int) -> NumResult<()> {
    if n.is_negative() {
        return fail(VALUE_ERROR, "n must be a non-negative integer");
    }
    if k.is_negative() {
        return fail(VALUE_ERROR, "k must be a non-negative integer");
    }
    Ok(())
}

/// start * (start + 1) * ... * (start + count - 1), split in halves so the
/// big multiplications are between numbers of similar size.
fn rising_product(start: &BigUint, count: u64) -> BigUint {
    const LEAF: u64 = 16;
    if count <= LEAF {
        return (0..count).fold(BigUint::one(), |acc, i| acc * (start + i));
    }
    let half = count / 2;
    rising_product(start, half) * rising_product(&(start + half), count - half)
}

/// `math.fsum(values)`: the correctly rounded sum (Shewchuk's partials, with
/// CPython's handling of infinities, NaN and intermediate overflow).
pub fn math_fsum(values: impl IntoIterator<Item = f64>) -> NumResult<f64> {
    let mut partials: Vec<f64> = Vec::new();
    let mut special_sum = 0.0;
    let mut inf_sum = 0.0;
    for value in values {
        let x = add_to_partials(&mut partials, value);
        if x == 0.0 {
            continue;
        }
        if x.is_finite() {
            partials.push(x);
            continue;
        }
        // A non-finite sum: from an inf or nan summand, or from overflow.
        if value.is_finite() {
            return fail(OVERFLOW_ERROR, "intermediate overflow in fsum");
        }
        if value.is_infinite() {
            inf_sum += value;
        }
        special_sum += value;
        partials.clear();
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return fail(VALUE_ERROR, "-inf + inf in fsum");
        }
        return Ok(special_sum);
    }
    Ok(sum_partials(&partials))
}

/// Adds `x` into the non-overlapping partials, keeping the nonzero low parts;
/// returns the high part still to be appended.
fn add_to_partials(partials: &mut Vec<f64>, mut x: f64) -> f64 {
    let mut kept = 0;
    for i in 0..partials.len() {
        let mut y = partials[i];
        if x.abs() < y.abs() {
            std::mem::swap(&mut x, &mut y);
        }
        let hi = x + y;
        let lo = y - (hi - x);
        if lo != 0.0 {
            partials[kept] = lo;
            kept += 1;
        }
        x = hi;
    }
    partials.truncate(kept);
    x
}

/// Sums the partials from the top until the sum becomes inexact, then fixes
/// up a half-way case using the sign of the next partial.
fn sum_partials(partials: &[f64]) -> f64 {
    let Some((&top, rest)) = partials.split_last() else {
        return 0.0;
    };
    let mut hi = top;
    let mut lo = 0.0;
    let mut n = rest.len();
    while n > 0 {
        let x = hi;
        n -= 1;
        let y = rest[n];
        hi = x + y;
        lo = y - (hi - x);
        if lo != 0.0 {
            break;
        }
    }
    if n > 0 && ((lo < 0.0 && rest[n - 1] < 0.0) || (lo > 0.0 && rest[n - 1] > 0.0)) {
        let y = lo * 2.0;
        let x = hi + y;
        if y == x - hi {
            hi = x;
        }
    }
    hi
}

/// `math.isclose(a, b, rel_tol=..., abs_tol=...)`.
pub fn math_isclose(a: f64, b: f64, rel_tol: f64, abs_tol: f64) -> NumResult<bool> {
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return fail(VALUE_ERROR, "tolerances must be non-negative");
    }
    if a == b {
        return Ok(true);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(false);
    }
    let diff = (b - a).abs();
    Ok(diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol)
}

/// `float.hex()`: `'0x1.8000000000000p+0'`, `'-0x0.0p+0'`, `'inf'`, `'nan'`.
pub fn float_hex(f: f64) -> String {
    if f.is_nan() {
        return "nan".to_owned();
    }
    if f.is_infinite() {
        return (if f > 0.0 { "inf" } else { "-inf" }).to_owned();
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = f.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    // Subnormals are written 0x0.<fraction>p-1022.
    let (lead, exp) = if biased == 0 { (0, -1022) } else { (1, biased - 1023) };
    format!("{sign}0x{lead}.{fraction:013x}p{exp:+}")
}

// ---------------------------------------------------------------------------
// BigInt adapters with the signatures the runtime's call sites use
// ---------------------------------------------------------------------------

fn big_result(r: NumResult<Int>) -> NumResult<BigInt> {
    r.map(Int::into_bigint)
}

/// `round(b, ndigits)` (see [`Int::round_ndigits`]).
pub fn round_int(b: &BigInt, ndigits: i64) -> NumResult<BigInt> {
    Ok(Int::from_bigint(b.clone()).round_ndigits(&Int::Small(ndigits)).into_bigint())
}

/// `pow(b, e, m)` (see [`Int::pow_mod`]).
pub fn pow_mod(b: &BigInt, e: &BigInt, m: &BigInt) -> NumResult<BigInt> {
    let [b, e, m] = [b, e, m].map(|x| Int::from_bigint(x.clone()));
    big_result(b.pow_mod(&e, &m))
}

/// `hex(b)`, `oct(b)` or `bin(b)` for base 16, 8 or 2 (other bases get no prefix).
pub fn to_radix_string(b: &BigInt, base: u32) -> String {
    let n = Int::from_bigint(b.clone());
    match base {
        16 => int_hex(&n),
        8 => int_oct(&n),
        2 => int_bin(&n),
        _ => int_to_radix(&n, base),
    }
}

/// `math.fsum` of a slice (see [`math_fsum`]).
pub fn fsum(xs: &[f64]) -> NumResult<f64> {
    math_fsum(xs.iter().copied())
}

/// `math.gcd(*xs)`.
pub fn gcd_many(xs: &[BigInt]) -> BigInt {
    xs.iter().fold(Int::Small(0), |acc, x| math_gcd(&acc, &Int::from_bigint(x.clone()))).into_bigint()
}

/// `math.lcm(*xs)`.
pub fn lcm_many(xs: &[BigInt]) -> BigInt {
    xs.iter().fold(Int::Small(1), |acc, x| math_lcm(&acc, &Int::from_bigint(x.clone()))).into_bigint()
}

/// `math.factorial(n)`.
pub fn factorial(n: &BigInt) -> NumResult<BigInt> {
    big_result(math_factorial(&Int::from_bigint(n.clone())))
}

/// `math.isqrt(n)`.
pub fn isqrt(n: BigInt) -> NumResult<BigInt> {
    big_result(math_isqrt(&Int::from_bigint(n)))
}

/// `math.comb(n, k)`.
pub fn comb(n: &BigInt, k: &BigInt) -> NumResult<BigInt> {
    big_result(math_comb(&Int::from_bigint(n.clone()), &Int::from_bigint(k.clone())))
}

/// `math.perm(n, k)`.
pub fn perm(n: &BigInt, k: &BigInt) -> NumResult<BigInt> {
    big_result(math_perm(&Int::from_bigint(n.clone()), Some(&Int::from_bigint(k.clone()))))
}

#[cfg(test)]
pub(crate) mod tests {
    //! Replays the tables CPython 3.12 produced (see scripts/gen-num-tables.py
    //! for the format) and checks a few properties no table can show.

    use super::*;
    use std::str::FromStr;

    /// A decoded table field.
    #[derive(Debug, Clone)]
    enum Field {
        I(Int),
        F(f64),
        S(String),
        L(Vec<f64>),
        None,
        B(bool),
        O(Option<Ordering>),
        E(String, String),
    }

    impl PartialEq for Field {
        fn eq(&self, other: &Field) -> bool {
            use Field::*;
            match (self, other) {
                (I(a), I(b)) => a == b,
                // Bit-exact (so -0.0 != 0.0), with every NaN equal.
                (F(a), F(b)) => a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
                (S(a), S(b)) => a == b,
                (B(a), B(b)) => a == b,
                (O(a), O(b)) => a == b,
                (E(t1, m1), E(t2, m2)) => t1 == t2 && m1 == m2,
                (None, None) => true,
                _ => false,
            }
        }
    }

    /// Decodes Python's unicode_escape.
    fn unescape(s: &str) -> String {
        let mut out = String::new();
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            let hex_len = match chars.next() {
                Some('\\') => {
                    out.push('\\');
                    continue;
                }
                Some('n') => {
                    out.push('\n');
                    continue;
                }
                Some('t') => {
                    out.push('\t');
                    continue;
                }
                Some('r') => {
                    out.push('\r');
                    continue;
                }
                Some('x') => 2,
                Some('u') => 4,
                Some('U') => 8,
                other => panic!("unknown escape {other:?} in {s:?}"),
            };
            let digits: String = chars.by_ref().take(hex_len).collect();
            let decoded = char::from_u32(u32::from_str_radix(&digits, 16).expect("hex escape")).expect("code point");
            out.push(decoded);
        }
        out
    }

    /// Parses `float.hex()` output (and 'inf', 'nan').
    pub(crate) fn parse_hex_float(s: &str) -> f64 {
        let (negative, body) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let value = match body {
            "inf" => f64::INFINITY,
            "nan" => f64::NAN,
            _ => {
                let body = body.strip_prefix("0x").expect("0x prefix");
                let (mantissa, exp) = body.split_once('p').expect("exponent");
                let exp: i64 = exp.parse().expect("exponent digits");
                let (lead, frac) = mantissa.split_once('.').expect("point");
                let frac_bits = u64::from_str_radix(frac, 16).expect("fraction") << (52 - 4 * frac.len());
                if lead == "1" {
                    f64::from_bits((((exp + 1023) as u64) << 52) | frac_bits)
                } else {
                    // 0x0.<frac>p-1022 (subnormal) or 0x0.0p+0.
                    f64::from_bits(frac_bits)
                }
            }
        };
        if negative { -value } else { value }
    }

    fn int(s: &str) -> Int {
        Int::from_bigint(BigInt::from_str(s).expect("int field"))
    }

    fn decode(field: &str) -> Field {
        if field == "N" {
            return Field::None;
        }
        let (tag, body) = field.split_once(':').expect("tagged field");
        match tag {
            "i" => Field::I(int(body)),
            "f" => Field::F(parse_hex_float(body)),
            "s" => Field::S(unescape(body)),
            "L" if body.is_empty() => Field::L(Vec::new()),
            "L" => Field::L(body.split(',').map(parse_hex_float).collect()),
            "b" => Field::B(body == "T"),
            "o" => Field::O(match body {
                "<" => Some(Ordering::Less),
                "=" => Some(Ordering::Equal),
                ">" => Some(Ordering::Greater),
                _ => Option::None,
            }),
            "E" => {
                let (kind, msg) = body.split_once(':').expect("exception type");
                Field::E(kind.to_owned(), unescape(msg))
            }
            _ => panic!("unknown field {field:?}"),
        }
    }

    /// Conversion of a computed result into fields to compare with a row.
    trait Fields {
        fn fields(self) -> Vec<Field>;
    }

    impl Fields for Int {
        fn fields(self) -> Vec<Field> {
            vec![Field::I(self)]
        }
    }

    impl Fields for f64 {
        fn fields(self) -> Vec<Field> {
            vec![Field::F(self)]
        }
    }

    impl Fields for bool {
        fn fields(self) -> Vec<Field> {
            vec![Field::B(self)]
        }
    }

    impl Fields for String {
        fn fields(self) -> Vec<Field> {
            vec![Field::S(self)]
        }
    }

    impl Fields for Option<Ordering> {
        fn fields(self) -> Vec<Field> {
            vec![Field::O(self)]
        }
    }

    impl Fields for IntOrFloat {
        fn fields(self) -> Vec<Field> {
            match self {
                IntOrFloat::Int(n) => n.fields(),
                IntOrFloat::Float(f) => f.fields(),
            }
        }
    }

    impl<A: Fields, B: Fields> Fields for (A, B) {
        fn fields(self) -> Vec<Field> {
            let mut out = self.0.fields();
            out.extend(self.1.fields());
            out
        }
    }

    impl<T: Fields> Fields for NumResult<T> {
        fn fields(self) -> Vec<Field> {
            match self {
                Ok(v) => v.fields(),
                Err((kind, msg)) => vec![Field::E(kind.to_owned(), msg)],
            }
        }
    }

    struct Row {
        line: usize,
        op: String,
        args: Vec<Field>,
        expected: Vec<Field>,
    }

    fn rows(text: &str) -> Vec<Row> {
        let mut out = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let fields: Vec<&str> = line.split('\t').collect();
            let eq = fields.iter().position(|f| *f == "=").expect("'=' field");
            out.push(Row {
                line: i + 1,
                op: fields[0].to_owned(),
                args: fields[1..eq].iter().map(|f| decode(f)).collect(),
                expected: fields[eq + 1..].iter().map(|f| decode(f)).collect(),
            });
        }
        out
    }

    /// Computes a row's results from its op and arguments; None when the
    /// evaluator does not handle the op.
    type Eval = dyn Fn(&str, &[Field]) -> Option<Vec<Field>>;

    /// Evaluates every row with `eval` and fails listing the first
    /// mismatches. Returns the number of rows checked.
    fn check_table(name: &str, text: &str, eval: &Eval) -> usize {
        let mut failures = Vec::new();
        let mut checked = 0;
        for row in rows(text) {
            let Some(got) = eval(&row.op, &row.args) else {
                continue;
            };
            checked += 1;
            if got != row.expected {
                let short = |v: &dyn fmt::Debug| format!("{v:?}").chars().take(300).collect::<String>();
                failures.push(format!(
                    "{name}:{} {} {} => got {}, want {}",
                    row.line,
                    row.op,
                    short(&row.args),
                    short(&got),
                    short(&row.expected)
                ));
            }
        }
        assert!(checked > 0, "{name}: no row checked");
        let shown: Vec<&String> = failures.iter().take(25).collect();
        assert!(failures.is_empty(), "{name}: {} of {checked} rows failed:\n{shown:#?}", failures.len());
        checked
    }

    fn as_int(f: &Field) -> &Int {
        match f {
            Field::I(n) => n,
            other => panic!("expected an int, got {other:?}"),
        }
    }

    fn as_f64(f: &Field) -> f64 {
        match f {
            Field::F(x) => *x,
            other => panic!("expected a float, got {other:?}"),
        }
    }

    fn as_str(f: &Field) -> &str {
        match f {
            Field::S(s) => s,
            other => panic!("expected a str, got {other:?}"),
        }
    }

    fn as_num(f: &Field) -> IntOrFloat {
        match f {
            Field::I(n) => IntOrFloat::Int(n.clone()),
            Field::F(x) => IntOrFloat::Float(*x),
            other => panic!("expected a number, got {other:?}"),
        }
    }

    fn num_op(name: &str) -> Option<NumOp> {
        Some(match name {
            "add" => NumOp::Add,
            "sub" => NumOp::Sub,
            "mul" => NumOp::Mul,
            "truediv" => NumOp::TrueDiv,
            "floordiv" => NumOp::FloorDiv,
            "mod" => NumOp::Mod,
            "pow" => NumOp::Pow,
            _ => return None,
        })
    }

    /// The Int methods and operators, on int operands.
    fn eval_int(op: &str, args: &[Field]) -> Option<Vec<Field>> {
        let a = as_int(&args[0]);
        let b = || as_int(&args[1]);
        Some(match op {
            "add" => (a + b()).fields(),
            "sub" => (a - b()).fields(),
            "mul" => (a * b()).fields(),
            "floordiv" => a.floordiv(b()).fields(),
            "mod" => a.modulo(b()).fields(),
            "divmod" => a.divmod(b()).fields(),
            "truediv" => a.truediv(b()).fields(),
            "pow" => a.pow(b()).fields(),
            "powmod" => a.pow_mod(b(), as_int(&args[2])).fields(),
            "lshift" => a.lshift(b()).fields(),
            "rshift" => a.rshift(b()).fields(),
            "and" => (a & b()).fields(),
            "or" => (a | b()).fields(),
            "xor" => (a ^ b()).fields(),
            "cmp" => Some(a.cmp(b())).fields(),
            "neg" => (-a).fields(),
            "abs" => a.abs().fields(),
            "invert" => (!a).fields(),
            "bit_length" => Int::from_u64(a.bit_length()).fields(),
            _ => return None,
        })
    }

    /// The generic entry points (num_binop, num_divmod, num_cmp) on any mix.
    fn eval_generic(op: &str, args: &[Field]) -> Option<Vec<Field>> {
        if args.len() != 2 {
            return None;
        }
        let (a, b) = (as_num(&args[0]), as_num(&args[1]));
        Some(match op {
            "divmod" => num_divmod(&a, &b).fields(),
            "cmp" => num_cmp(&a, &b).fields(),
            _ => num_binop(num_op(op)?, &a, &b).fields(),
        })
    }

    /// The float-only functions, called directly.
    fn eval_float(op: &str, args: &[Field]) -> Option<Vec<Field>> {
        let a = as_f64(&args[0]);
        let b = || as_f64(&args[1]);
        Some(match op {
            "truediv" => float_div(a, b()).fields(),
            "floordiv" => float_floordiv(a, b()).fields(),
            "mod" => float_mod(a, b()).fields(),
            "divmod" => float_divmod(a, b()).fields(),
            "pow" => float_pow(a, b()).fields(),
            "is_integer" => float_is_integer(a).fields(),
            "as_integer_ratio" => float_as_integer_ratio(a).fields(),
            "floor" => math_floor(a).fields(),
            "ceil" => math_ceil(a).fields(),
            "trunc" => math_trunc(a).fields(),
            _ => return eval_generic(op, args),
        })
    }

    fn eval_conv(op: &str, args: &[Field]) -> Option<Vec<Field>> {
        Some(match op {
            "to_float" => int_to_f64(as_int(&args[0])).fields(),
            "from_float" => f64_to_int(as_f64(&args[0])).fields(),
            "str" => int_to_string(as_int(&args[0])).fields(),
            "hex" => int_hex(as_int(&args[0])).fields(),
            "oct" => int_oct(as_int(&args[0])).fields(),
            "bin" => int_bin(as_int(&args[0])).fields(),
            "round" => as_int(&args[0]).round_ndigits(as_int(&args[1])).fields(),
            "gcd" => math_gcd(as_int(&args[0]), as_int(&args[1])).fields(),
            "lcm" => math_lcm(as_int(&args[0]), as_int(&args[1])).fields(),
            "parse_int" => {
                let base = as_int(&args[1]).to_u64().and_then(|b| u32::try_from(b).ok()).expect("base");
                int_parse(as_str(&args[0]), base).fields()
            }
            "parse_float" => float_parse(as_str(&args[0])).fields(),
            _ => return None,
        })
    }

    fn eval_math(op: &str, args: &[Field]) -> Option<Vec<Field>> {
        Some(match op {
            "isqrt" => math_isqrt(as_int(&args[0])).fields(),
            "factorial" => math_factorial(as_int(&args[0])).fields(),
            "comb" => math_comb(as_int(&args[0]), as_int(&args[1])).fields(),
            "perm" => {
                let k = match &args[1] {
                    Field::None => None,
                    k => Some(as_int(k)),
                };
                math_perm(as_int(&args[0]), k).fields()
            }
            "fsum" => match &args[0] {
                Field::L(xs) => math_fsum(xs.iter().copied()).fields(),
                other => panic!("fsum takes a list, got {other:?}"),
            },
            "isclose" => {
                let [a, b, rel, abs] = [0, 1, 2, 3].map(|i| as_f64(&args[i]));
                math_isclose(a, b, rel, abs).fields()
            }
            _ => return None,
        })
    }

    macro_rules! table {
        ($file:literal) => {
            ($file, include_str!(concat!("../tests/data/num/", $file)))
        };
    }

    #[test]
    fn int_arithmetic_matches_cpython() {
        for (name, text) in
            [table!("int_arith.txt"), table!("int_truediv.txt"), table!("int_pow.txt"), table!("int_shift.txt")]
        {
            check_table(name, text, &eval_int);
        }
    }

    #[test]
    fn generic_int_ops_match_cpython() {
        for (name, text) in [table!("int_arith.txt"), table!("int_truediv.txt"), table!("int_pow.txt")] {
            check_table(name, text, &eval_generic);
        }
    }

    #[test]
    fn int_float_comparisons_match_cpython() {
        let (name, text) = table!("int_float_cmp.txt");
        check_table(name, text, &eval_generic);
    }

    #[test]
    fn int_conversions_match_cpython() {
        let (name, text) = table!("int_conv.txt");
        check_table(name, text, &eval_conv);
    }

    #[test]
    fn int_parsing_matches_cpython() {
        let (name, text) = table!("int_parse.txt");
        check_table(name, text, &eval_conv);
    }

    #[test]
    fn float_parsing_matches_cpython() {
        let (name, text) = table!("float_parse.txt");
        check_table(name, text, &eval_conv);
    }

    #[test]
    fn float_ops_match_cpython() {
        let (name, text) = table!("float_ops.txt");
        check_table(name, text, &eval_float);
        check_table(name, text, &eval_generic);
    }

    #[test]
    fn mixed_ops_match_cpython() {
        let (name, text) = table!("mixed.txt");
        check_table(name, text, &eval_generic);
    }

    #[test]
    fn math_functions_match_cpython() {
        let (name, text) = table!("math.txt");
        check_table(name, text, &eval_math);
    }

    /// The digit, space and printability tables agree with CPython's Unicode
    /// 15.0 on every code point.
    #[test]
    fn unicode_tables_match_cpython() {
        let (_, text) = table!("unicode.txt");
        let mut decimal = std::collections::HashMap::new();
        let mut spaces = std::collections::HashSet::new();
        let mut unassigned = Vec::new();
        let mut unprintable = Vec::new();
        for line in text.lines() {
            let f: Vec<&str> = line.split('\t').collect();
            let cp = |i: usize| u32::from_str_radix(f[i], 16).expect("code point");
            match f[0] {
                "decimal" => {
                    decimal.insert(cp(1), f[2].parse::<u8>().expect("digit"));
                }
                "space" => {
                    spaces.insert(cp(1));
                }
                "unassigned" => unassigned.push((cp(1), cp(2))),
                "unprintable" => unprintable.push((cp(1), cp(2))),
                other => panic!("unknown row {other}"),
            }
        }
        let within = |ranges: &[(u32, u32)], c: u32| ranges.iter().any(|(lo, hi)| (*lo..=*hi).contains(&c));
        for c in (0x7f..=0x10ffff).filter_map(char::from_u32) {
            let code = c as u32;
            assert_eq!(unicode_decimal(c), decimal.get(&code).copied(), "decimal U+{code:04X}");
            assert_eq!(is_unicode_space(c), spaces.contains(&code), "space U+{code:04X}");
            if !within(&unassigned, code) {
                assert_eq!(is_printable_approx(c), !within(&unprintable, code), "printable U+{code:04X}");
            }
        }
    }

    /// float_hex writes every float of the tables exactly as CPython did.
    #[test]
    fn float_hex_matches_cpython() {
        let mut checked = 0;
        for (_, text) in [table!("float_ops.txt"), table!("mixed.txt"), table!("int_conv.txt"), table!("math.txt")] {
            let fields = text.lines().flat_map(|line| line.split('\t'));
            let floats = fields.flat_map(|f| match f.split_once(':') {
                Some(("f", body)) => vec![body],
                Some(("L", body)) if !body.is_empty() => body.split(',').collect(),
                _ => vec![],
            });
            for body in floats {
                assert_eq!(float_hex(parse_hex_float(body)), body);
                checked += 1;
            }
        }
        assert!(checked > 10_000);
    }

    #[test]
    fn bigint_adapters_agree() {
        let big = |s: &str| BigInt::from_str(s).expect("int");
        assert_eq!(to_radix_string(&big("-255"), 16), "-0xff");
        assert_eq!(round_int(&big("1250"), -2), Ok(big("1200")));
        assert_eq!(gcd_many(&[big("-4"), big("6")]), big("2"));
        assert_eq!(lcm_many(&[]), big("1"));
        assert_eq!(perm(&big("5"), &big("2")), Ok(big("20")));
        assert_eq!(comb(&big("5"), &big("2")), Ok(big("10")));
        assert_eq!(factorial(&big("-1")).unwrap_err().1, "factorial() not defined for negative values");
        assert_eq!(isqrt(big("17")), Ok(big("4")));
        assert_eq!(pow_mod(&big("3"), &big("-1"), &big("7")), Ok(big("5")));
        assert_eq!(int_true_div(&big("1"), &big("0")).unwrap_err().1, "division by zero");
        assert!(bigint_to_decimal(&Pow::pow(big("10"), 4300u32)).is_err());
        assert_eq!(fsum(&[0.1; 10]), Ok(1.0));
    }

    #[test]
    fn ints_normalize() {
        assert!(matches!(Int::from_bigint(BigInt::from(5)), Int::Small(5)));
        assert!(matches!(i64_add(i64::MAX, 1), Int::Big(_)));
        assert!(matches!(&i64_add(i64::MAX, 1) - &Int::Small(1), Int::Small(i64::MAX)));
        assert!(matches!(i64_floordiv(i64::MIN, -1), Ok(Int::Big(_))));
        assert_eq!(i64_mod(i64::MIN, -1), Ok(0));
        // An unnormalized Big still compares and hashes as its value.
        let unnormalized = Int::Big(BigInt::from(7));
        assert_eq!(unnormalized, Int::Small(7));
        let hash = |n: &Int| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            n.hash(&mut h);
            h.finish()
        };
        assert_eq!(hash(&unnormalized), hash(&Int::Small(7)));
        assert!(matches!(&unnormalized + &Int::Small(1), Int::Small(8)));
    }

    /// Results too large to build raise instead of aborting or hanging.
    #[test]
    fn huge_results_raise() {
        let two = Int::Small(2);
        let huge = int("1000000000000000000000000000000");
        assert_eq!(two.pow(&huge).unwrap_err().0, "MemoryError");
        assert_eq!(two.pow(&Int::Small(1 << 40)).unwrap_err().0, "MemoryError");
        assert_eq!(two.lshift(&Int::Small(1 << 40)).unwrap_err().0, "MemoryError");
        assert_eq!(two.lshift(&huge).unwrap_err().0, "OverflowError");
        assert_eq!(math_factorial(&Int::Small(1 << 40)).unwrap_err().0, "MemoryError");
        assert_eq!(math_comb(&Int::Small(1 << 40), &Int::Small(1 << 39)).unwrap_err().0, "MemoryError");
        assert_eq!(math_perm(&huge, Some(&Int::Small(1 << 40))).unwrap_err().0, "MemoryError");
        assert_eq!(Int::Small(5).round_ndigits(&-&huge), Int::Small(0));
        assert_eq!(Int::Small(-5).rshift(&huge), Ok(Int::Small(-1)));
        assert_eq!(Int::Small(-1).pow(&huge).ok(), Some(IntOrFloat::Int(Int::Small(1))));
    }

    /// Every operation on extreme operands returns (a value or an error)
    /// without panicking; run under `cargo test` (debug) to catch overflow.
    #[test]
    fn extreme_operands_never_panic() {
        let mut operands: Vec<Int> = [0, 1, -1, 2, -2, 63, 64, i64::MAX, i64::MIN].map(Int::Small).to_vec();
        for bits in [64u32, 200, 5000] {
            let p: BigInt = BigInt::one() << bits;
            operands.extend([Int::from_bigint(p.clone()), Int::from_bigint(-p.clone()), Int::from_bigint(p - 1u32)]);
        }
        for a in &operands {
            let _ = (int_to_f64(a), int_to_string(a), int_hex(a), math_isqrt(a), math_factorial(a), math_perm(a, None));
            for b in &operands {
                let _ = (a + b, a - b, a * b, a & b, a | b, a ^ b, a.floordiv(b), a.modulo(b), a.divmod(b));
                let _ = (a.truediv(b), a.pow(b), a.lshift(b), a.rshift(b), a.round_ndigits(b), a.cmp(b));
                let _ = (math_gcd(a, b), math_lcm(a, b), math_comb(a, b), math_perm(a, Some(b)));
                for m in operands.iter().take(12) {
                    let _ = a.pow_mod(b, m);
                }
            }
            for f in [0.0, -0.0, 0.5, 1e300, -1e-320, f64::INFINITY, f64::NAN, f64::MAX] {
                let _ = (a.cmp_f64(f), num_binop(NumOp::Pow, &IntOrFloat::Int(a.clone()), &IntOrFloat::Float(f)));
            }
        }
    }

    #[test]
    fn radix_clamps_and_reprs_quote() {
        assert_eq!(int_to_radix(&Int::Small(35), 36), "z");
        assert_eq!(int_to_radix(&Int::Small(-5), 0), "-101");
        assert_eq!(simple_repr("it's"), "\"it's\"");
        assert_eq!(simple_repr("'\""), "'\\'\"'");
        let custom = int_parse_with_repr("x", 10, &|s: &str| format!("<{s}>")).unwrap_err();
        assert_eq!(custom.1, "invalid literal for int() with base 10: <x>");
    }
}
