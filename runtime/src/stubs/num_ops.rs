//! TEMPORARY stub until the real num_ops module lands.
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
type R<T> = Result<T, (&'static str, String)>;
pub enum Int {
    Small(i64),
    Big(BigInt),
}
impl Int {
    pub fn into_value(self) -> crate::value::Value {
        match self {
            Int::Small(i) => crate::value::Value::Int(i),
            Int::Big(b) => crate::value::Value::from_bigint(b),
        }
    }
}
pub fn bigint_to_decimal(b: &BigInt) -> R<String> {
    Ok(b.to_string())
}
pub fn int_true_div(a: &BigInt, b: &BigInt) -> R<f64> {
    if b.is_zero() {
        return Err(("ZeroDivisionError", "division by zero".into()));
    }
    Ok(a.to_f64().unwrap_or(0.0) / b.to_f64().unwrap_or(1.0))
}
pub fn float_floordiv(a: f64, b: f64) -> R<f64> {
    if b == 0.0 {
        return Err(("ZeroDivisionError", "float floor division by zero".into()));
    }
    Ok((a / b).floor())
}
pub fn float_mod(a: f64, b: f64) -> R<f64> {
    if b == 0.0 {
        return Err(("ZeroDivisionError", "float modulo".into()));
    }
    let m = a % b;
    Ok(if m != 0.0 && ((m < 0.0) != (b < 0.0)) { m + b } else { m })
}
pub fn float_pow(a: f64, b: f64) -> R<f64> {
    if a == 0.0 && b < 0.0 {
        return Err(("ZeroDivisionError", "0.0 cannot be raised to a negative power".into()));
    }
    Ok(a.powf(b))
}
pub fn float_as_integer_ratio(f: f64) -> R<(Int, Int)> {
    Ok((Int::Small(f as i64), Int::Small(1)))
}
pub fn round_int(b: &BigInt, _n: i64) -> R<BigInt> {
    Ok(b.clone())
}
pub fn pow_mod(b: &BigInt, e: &BigInt, m: &BigInt) -> R<BigInt> {
    Ok(b.modpow(e, m))
}
pub fn float_hex(f: f64) -> String {
    format!("{f}")
}
pub fn to_radix_string(b: &BigInt, base: u32) -> String {
    let p = match base {
        2 => "0b",
        8 => "0o",
        _ => "0x",
    };
    if b.is_negative() { format!("-{p}{}", (-b).to_str_radix(base)) } else { format!("{p}{}", b.to_str_radix(base)) }
}
pub fn int_parse(s: &str, base: u32) -> R<Int> {
    let t = s.trim().replace('_', "");
    BigInt::parse_bytes(t.as_bytes(), if base == 0 { 10 } else { base })
        .map(|b| match b.to_i64() {
            Some(i) => Int::Small(i),
            None => Int::Big(b),
        })
        .ok_or(("ValueError", "bad".into()))
}
pub fn float_parse(s: &str) -> R<f64> {
    s.trim().parse().map_err(|_| ("ValueError", "bad".into()))
}
pub fn isclose(a: f64, b: f64, rel: f64, abs: f64) -> bool {
    a == b || (a - b).abs() <= (rel * b.abs().max(a.abs())).max(abs)
}
pub fn fsum(xs: &[f64]) -> R<f64> {
    Ok(xs.iter().sum())
}
pub fn gcd_many(xs: &[BigInt]) -> BigInt {
    use num_integer::Integer;
    xs.iter().fold(BigInt::zero(), |a, b| a.gcd(b))
}
pub fn lcm_many(xs: &[BigInt]) -> BigInt {
    use num_integer::Integer;
    xs.iter().fold(BigInt::from(1), |a, b| a.lcm(b))
}
pub fn factorial(n: &BigInt) -> R<BigInt> {
    let mut r = BigInt::from(1);
    let mut i = BigInt::from(2);
    while &i <= n {
        r *= &i;
        i += 1;
    }
    Ok(r)
}
pub fn isqrt(n: BigInt) -> R<BigInt> {
    Ok(n.sqrt())
}
pub fn comb(n: &BigInt, k: &BigInt) -> R<BigInt> {
    Ok(factorial(n)? / (factorial(k)? * factorial(&(n - k))?))
}
pub fn perm(n: &BigInt, k: &BigInt) -> R<BigInt> {
    Ok(factorial(n)? / factorial(&(n - k))?)
}
