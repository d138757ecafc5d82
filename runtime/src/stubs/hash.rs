//! TEMPORARY stub until the real hash module lands.
use num_bigint::BigInt;
pub const HASH_NONE: i64 = 4238894112;
const MODULUS: i64 = (1 << 61) - 1;
pub fn hash_i64(i: i64) -> i64 {
    let r = (i as i128).rem_euclid(MODULUS as i128) as i64;
    let r = if i < 0 { -(((-(i as i128)) % MODULUS as i128) as i64) } else { r };
    if r == -1 { -2 } else { r }
}
pub fn hash_bigint(b: &BigInt) -> i64 {
    use num_traits::ToPrimitive;
    let m = BigInt::from(MODULUS);
    let sign = b.sign();
    let r = (b.magnitude() % m.magnitude()).to_i64().unwrap_or(0);
    let r = if sign == num_bigint::Sign::Minus { -r } else { r };
    if r == -1 { -2 } else { r }
}
pub fn hash_f64(f: f64, _id: usize) -> i64 {
    if f.fract() == 0.0 && f.abs() < 9e18 { hash_i64(f as i64) } else { (f.to_bits() >> 3) as i64 }
}
pub fn hash_str(s: &str) -> i64 {
    let mut h: u64 = 1469598103934665603;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(1099511628211);
    }
    let h = h as i64;
    if h == -1 { -2 } else { h }
}
pub fn hash_tuple(items: Vec<i64>) -> i64 {
    let mut h: u64 = 0x27D4EB2F165667C5;
    for x in items {
        h = h
            .wrapping_add((x as u64).wrapping_mul(0xC2B2AE3D27D4EB4F))
            .rotate_left(31)
            .wrapping_mul(0x9E3779B185EBCA87);
    }
    h as i64
}
pub fn hash_frozenset(items: Vec<i64>) -> i64 {
    items.iter().fold(0i64, |a, x| a ^ x.wrapping_mul(3644798167))
}
