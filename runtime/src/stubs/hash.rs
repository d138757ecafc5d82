//! Python's hash functions as CPython 3.12 computes them on 64-bit Linux:
//! ints modulo 2^61 - 1, floats consistent with ints, the xxHash-based
//! tuple hash and the frozenset hash. (Fallback implementation; the
//! table-tested module replaces it.)

use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

const BITS: u32 = 61;
const MODULUS: u64 = (1 << BITS) - 1;
pub const HASH_NONE: i64 = 4238894112;
const HASH_INF: i64 = 314159;

fn fix(h: i64) -> i64 {
    if h == -1 { -2 } else { h }
}

pub fn hash_i64(i: i64) -> i64 {
    let m = (i.unsigned_abs() % MODULUS) as i64;
    fix(if i < 0 { -m } else { m })
}

pub fn hash_bigint(b: &BigInt) -> i64 {
    let m = (b.magnitude() % num_bigint::BigUint::from(MODULUS)).to_i64().unwrap_or(0);
    fix(if b.sign() == Sign::Minus { -m } else { m })
}

pub fn hash_bool(b: bool) -> i64 {
    b as i64
}

/// `identity` stands in for the object address CPython hashes NaNs by.
pub fn hash_f64(v: f64, identity: usize) -> i64 {
    if v.is_nan() {
        return (identity as u64).rotate_right(4) as i64;
    }
    if v.is_infinite() {
        return if v > 0.0 { HASH_INF } else { -HASH_INF };
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | x >> (BITS - 28);
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 { e % BITS as i32 } else { BITS as i32 - 1 - ((-1 - e) % BITS as i32) } as u32;
    x = ((x << e) & MODULUS) | x >> (BITS - e);
    fix((x as i64).wrapping_mul(sign))
}

/// `frexp`: `v = m × 2^e` with `0.5 <= |m| < 1`.
fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(v * f64::powi(2.0, 64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// Any deterministic hash: CPython randomises str hashes per process, so
/// no program may depend on their values.
pub fn hash_str(s: &str) -> i64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    fix(h as i64)
}

pub fn hash_bytes(b: &[u8]) -> i64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for x in b {
        h ^= *x as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    fix(h as i64)
}

/// CPython 3.12's tuple hash (xxHash-based).
pub fn hash_tuple(items: impl IntoIterator<Item = i64>) -> i64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc = P5;
    let mut len: u64 = 0;
    for lane in items {
        acc = acc.wrapping_add((lane as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
        len += 1;
    }
    acc = acc.wrapping_add(len ^ (P5 ^ 3527539));
    if acc == u64::MAX { 1546275796 } else { acc as i64 }
}

/// CPython's frozenset hash (order-independent).
pub fn hash_frozenset(items: impl IntoIterator<Item = i64>) -> i64 {
    let mut hash: u64 = 0;
    let mut n: u64 = 0;
    for h in items {
        let h = h as u64;
        hash ^= ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167);
        n += 1;
    }
    hash ^= (n.wrapping_add(1)).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX { 590923713 } else { hash as i64 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_match_cpython() {
        // Values printed by CPython 3.12.1.
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64(2305843009213693951), 0);
        assert_eq!(hash_i64(-2305843009213693953), -2);
        assert_eq!(hash_f64(1.5, 0), 1152921504606846977);
        assert_eq!(hash_f64(-2.0, 0), -2);
        assert_eq!(hash_f64(0.1, 0), 230584300921369408);
        assert_eq!(hash_tuple([]), 5740354900026072187);
        assert_eq!(hash_tuple([1, 2]), -3550055125485641917);
        assert_eq!(hash_frozenset([]), 133146708735736);
        assert_eq!(hash_frozenset([1, 2, 3]), -272375401224217160);
    }
}
