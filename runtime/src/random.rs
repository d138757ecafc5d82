//! The `random` module: CPython's Mersenne Twister (MT19937 as
//! `Modules/_randommodule.c` seeds and steps it) under the methods of
//! `random.Random` (ported from `Lib/random.py`), so a seeded program draws
//! exactly CPython's numbers: `seed(42); random()` is 0.6394267984578837.
//!
//! Every method draws its randomness the way CPython's does (`_randbelow`
//! by `getrandbits` rejection, `choices` by `floor(random() * n)` or a
//! bisection over cumulative weights, `sample`'s two strategies chosen by
//! the same `setsize`), since one extra or missing draw shifts every later
//! number. The module-level functions are methods bound to one hidden
//! instance, `random._inst`, as in CPython. `Random` instances are native
//! objects, so `class R(random.Random)` is not supported.
//!
//! A str or bytes seed is turned into an int with SHA-512 (`sha512` below,
//! checked against `hashlib`), as CPython's version-2 seeding does.

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive};

use crate::class::Class;
use crate::dict::Dict;
use crate::exc::{PyResult, index_error, overflow_error, type_error, value_error};
use crate::func::{BoundBuiltin, BoundMethod, Function, Kwargs, Signature};
use crate::gil::Lazy;
use crate::native::{Native, downcast};
use crate::ops::{self, BinOp, CmpOp, type_name};
use crate::str::PyStr;
use crate::types::{BuiltinInfo, types};
use crate::value::Value;

// ------------------------------------------------------------- MT19937

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The generator's state: 624 words and the position of the next one.
#[derive(Clone)]
pub struct Mt19937 {
    state: [u32; N],
    index: usize,
}

impl Mt19937 {
    /// A generator seeded with `key` as `init_by_array` does (CPython's
    /// `seed(n)` passes the 32-bit words of `abs(n)`, least significant
    /// first, and `[0]` for 0).
    pub fn from_key(key: &[u32]) -> Mt19937 {
        let mut mt = Mt19937 { state: [0; N], index: N };
        mt.init_by_array(key);
        mt
    }

    fn init_genrand(&mut self, s: u32) {
        let mt = &mut self.state;
        mt[0] = s;
        for i in 1..N {
            mt[i] = 1_812_433_253u32.wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        let key: &[u32] = if key.is_empty() { &[0] } else { key };
        self.init_genrand(19_650_218);
        let mt = &mut self.state;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
    }

    /// `genrand_uint32`: the next 32 random bits.
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            let mt = &mut self.state;
            let mag = |y: u32| if y & 1 == 1 { MATRIX_A } else { 0 };
            for kk in 0..N - M {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag(y);
            }
            for kk in N - M..N - 1 {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag(y);
            }
            let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag(y);
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random()`: 53 random bits as a float in [0, 1).
    pub fn random(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (f64::from(a) * 67_108_864.0 + f64::from(b)) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)` for `k <= 64`.
    fn bits_u64(&mut self, k: u32) -> u64 {
        match k {
            0 => 0,
            1..=32 => u64::from(self.next_u32() >> (32 - k)),
            _ => {
                let lo = u64::from(self.next_u32());
                let hi = u64::from(self.next_u32() >> (64 - k));
                (hi << 32) | lo
            }
        }
    }

    /// `getrandbits(k)` as 32-bit words, least significant first: CPython
    /// fills the words in that order and drops the low bits of the last.
    fn bits_words(&mut self, k: u64) -> Vec<u32> {
        let mut words = Vec::with_capacity(k.div_ceil(32) as usize);
        let mut left = k;
        while left > 0 {
            let r = self.next_u32();
            words.push(if left < 32 { r >> (32 - left) } else { r });
            left = left.saturating_sub(32);
        }
        words
    }

    /// `_randbelow(n)` for `0 < n`: `getrandbits(n.bit_length())` until it
    /// is below `n`.
    pub fn below_u64(&mut self, n: u64) -> u64 {
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.bits_u64(k);
            if r < n {
                return r;
            }
        }
    }

    fn below_big(&mut self, n: &BigUint) -> BigUint {
        if let Some(small) = n.to_u64() {
            return BigUint::from(self.below_u64(small));
        }
        let k = n.bits();
        loop {
            let r = BigUint::new(self.bits_words(k));
            if &r < n {
                return r;
            }
        }
    }
}

// ------------------------------------------------------------- SHA-512

/// SHA-512's round constants: the first 64 bits of the fractional parts of
/// the cube roots of the first 80 primes (FIPS 180-4, 4.2.3).
#[rustfmt::skip]
const SHA512_K: [u64; 80] = [
    0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc,
    0x3956c25bf348b538, 0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118,
    0xd807aa98a3030242, 0x12835b0145706fbe, 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235, 0xc19bf174cf692694,
    0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
    0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5,
    0x983e5152ee66dfab, 0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4,
    0xc6e00bf33da88fc2, 0xd5a79147930aa725, 0x06ca6351e003826f, 0x142929670a0e6e70,
    0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df,
    0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
    0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30,
    0xd192e819d6ef5218, 0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8, 0x1e376c085141ab53, 0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8,
    0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3,
    0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
    0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b,
    0xca273eceea26619c, 0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178,
    0x06f067aa72176fba, 0x0a637dc5a2c898a6, 0x113f9804bef90dae, 0x1b710b35131c471b,
    0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc, 0x431d67c49c100d4c,
    0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
];

/// SHA-512 (FIPS 180-4) of `data`. Only seeding uses it, on short inputs,
/// so a plain implementation serves and no crate is needed.
pub fn sha512(data: &[u8]) -> [u8; 64] {
    let mut h: [u64; 8] = [
        0x6a09e667f3bcc908,
        0xbb67ae8584caa73b,
        0x3c6ef372fe94f82b,
        0xa54ff53a5f1d36f1,
        0x510e527fade682d1,
        0x9b05688c2b3e6c1f,
        0x1f83d9abfb41bd6b,
        0x5be0cd19137e2179,
    ];
    let mut msg = data.to_vec();
    msg.push(0x80);
    while msg.len() % 128 != 112 {
        msg.push(0);
    }
    msg.extend_from_slice(&((data.len() as u128) * 8).to_be_bytes());
    for block in msg.chunks_exact(128) {
        let mut w = [0u64; 80];
        for (t, word) in block.chunks_exact(8).enumerate() {
            w[t] = word.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
        }
        for t in 16..80 {
            let s0 = w[t - 15].rotate_right(1) ^ w[t - 15].rotate_right(8) ^ (w[t - 15] >> 7);
            let s1 = w[t - 2].rotate_right(19) ^ w[t - 2].rotate_right(61) ^ (w[t - 2] >> 6);
            w[t] = w[t - 16].wrapping_add(s0).wrapping_add(w[t - 7]).wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for t in 0..80 {
            let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh.wrapping_add(s1).wrapping_add(ch).wrapping_add(SHA512_K[t]).wrapping_add(w[t]);
            let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (slot, v) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *slot = slot.wrapping_add(v);
        }
    }
    let mut out = [0u8; 64];
    for (chunk, v) in out.chunks_exact_mut(8).zip(h) {
        chunk.copy_from_slice(&v.to_be_bytes());
    }
    out
}

// ------------------------------------------------------------- seeding

/// The key `seed(n)` passes to `init_by_array` for `n >= 0`.
fn key_of_u64(n: u64) -> Vec<u32> {
    let (lo, hi) = (n as u32, (n >> 32) as u32);
    if hi == 0 { vec![lo] } else { vec![lo, hi] }
}

/// `seed(None)`: 624 words from the OS, as CPython's `random_seed_urandom`;
/// the time and process id if the OS has none.
fn entropy_key() -> Vec<u32> {
    use std::io::Read;
    let mut bytes = vec![0u8; N * 4];
    let from_os = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut bytes)).is_ok();
    if from_os {
        return bytes.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
    }
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    vec![now.as_secs() as u32, (now.as_secs() >> 32) as u32, now.subsec_nanos(), std::process::id()]
}

/// What CPython's C `seed(a)` does with a value the Python layer let
/// through: None draws entropy, an int uses all the bits of `abs(a)`,
/// anything else its `hash()` as an unsigned word.
fn key_of_value(a: &Value) -> PyResult<Vec<u32>> {
    Ok(match a {
        Value::None => entropy_key(),
        Value::Bool(b) => vec![u32::from(*b)],
        Value::Int(i) => key_of_u64(i.unsigned_abs()),
        Value::BigInt(b) => b.magnitude().to_u32_digits(),
        other => key_of_u64(ops::hash(other)? as u64),
    })
}

/// Version-1 seeding of a str or bytes (Python 3.1's string hash).
fn version1_key(codes: &[u32]) -> Vec<u32> {
    let mut x: u64 = codes.first().map_or(0, |&c| u64::from(c) << 7);
    for &c in codes {
        x = 1_000_003u64.wrapping_mul(x) ^ u64::from(c);
    }
    x ^= codes.len() as u64;
    key_of_u64(x)
}

// ------------------------------------------------------------- the object

/// A `random.Random` instance.
pub struct Random {
    mt: RefCell<Mt19937>,
    /// The second normal deviate `gauss()` made, kept for the next call.
    gauss_next: RefCell<Value>,
}

impl Random {
    fn new() -> Random {
        Random { mt: RefCell::new(Mt19937::from_key(&[0])), gauss_next: RefCell::new(Value::None) }
    }

    fn random(&self) -> f64 {
        self.mt.borrow_mut().random()
    }

    fn below_u64(&self, n: u64) -> u64 {
        self.mt.borrow_mut().below_u64(n)
    }

    fn below_usize(&self, n: usize) -> usize {
        self.below_u64(n as u64) as usize
    }

    /// `_randbelow(n)` for an int `n > 0`.
    fn below_big(&self, n: &BigInt) -> BigInt {
        BigInt::from(self.mt.borrow_mut().below_big(n.magnitude()))
    }

    /// `Random.seed(a, version)`: the type checks of `Lib/random.py`, then
    /// the C seeding.
    fn seed(&self, a: &Value, version: &Value) -> PyResult<()> {
        let is_str = matches!(a, Value::Str(_));
        let is_bytes = crate::bytes::is_bytes(a);
        let is_bytearray = crate::bytes::is_bytes_like(a) && !is_bytes;
        let key = if (is_str || is_bytes) && ops::eq(version, &Value::Int(1))? {
            let codes: Vec<u32> = match a {
                Value::Str(s) => s.as_str().chars().map(u32::from).collect(),
                _ => crate::bytes::as_bytes(a).unwrap_or_default().into_iter().map(u32::from).collect(),
            };
            version1_key(&codes)
        } else if (is_str || is_bytes || is_bytearray) && ops::eq(version, &Value::Int(2))? {
            let mut data = match a {
                Value::Str(s) => s.as_str().as_bytes().to_vec(),
                _ => crate::bytes::as_bytes(a).unwrap_or_default(),
            };
            let digest = sha512(&data);
            data.extend_from_slice(&digest);
            BigUint::from_bytes_be(&data).to_u32_digits()
        } else {
            let allowed =
                matches!(a, Value::None | Value::Bool(_) | Value::Int(_) | Value::BigInt(_) | Value::Float(_))
                    || is_str
                    || is_bytes
                    || is_bytearray;
            if !allowed {
                return Err(type_error(
                    "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
                ));
            }
            key_of_value(a)?
        };
        *self.mt.borrow_mut() = Mt19937::from_key(&key);
        // Dropped after the slot is consistent: a drop may run Python code.
        let old = self.gauss_next.replace(Value::None);
        drop(old);
        Ok(())
    }

    /// `getrandbits(k)`.
    fn getrandbits(&self, k: &Value) -> PyResult<Value> {
        let k = c_int(k)?;
        if k < 0 {
            return Err(value_error("number of bits must be non-negative"));
        }
        let mut mt = self.mt.borrow_mut();
        if k <= 64 {
            let r = mt.bits_u64(k as u32);
            return Ok(match i64::try_from(r) {
                Ok(i) => Value::Int(i),
                Err(_) => Value::from_bigint(BigInt::from(r)),
            });
        }
        let words = mt.bits_words(k as u64);
        drop(mt);
        Ok(Value::from_bigint(BigInt::from_biguint(Sign::Plus, BigUint::new(words))))
    }

    fn getstate(&self) -> Value {
        let mt = self.mt.borrow();
        let mut items: Vec<Value> = mt.state.iter().map(|&w| Value::Int(i64::from(w))).collect();
        items.push(Value::Int(mt.index as i64));
        drop(mt);
        Value::tuple_of([Value::Int(3), Value::tuple(items), self.gauss_next.borrow().clone()])
    }

    fn setstate(&self, state: &Value) -> PyResult<()> {
        let version = ops::getitem(state, &Value::Int(0))?;
        let is2 = ops::eq(&version, &Value::Int(2))?;
        if !is2 && !ops::eq(&version, &Value::Int(3))? {
            return Err(value_error(format!(
                "state with version {} passed to Random.setstate() of version 3",
                crate::fmt::str_(&version)?
            )));
        }
        let parts = crate::iter::to_vec(state)?;
        if parts.len() != 3 {
            return Err(value_error(if parts.len() > 3 {
                "too many values to unpack (expected 3)".to_string()
            } else {
                format!("not enough values to unpack (expected 3, got {})", parts.len())
            }));
        }
        let old = self.gauss_next.replace(parts[2].clone());
        drop(old);
        let mut internal = parts[1].clone();
        if is2 {
            let modulus = Value::Int(1 << 32);
            let words = crate::iter::to_vec(&internal)?;
            let reduced = words.iter().map(|w| ops::binary(w, &modulus, BinOp::Mod)).collect::<PyResult<Vec<_>>>();
            internal = Value::tuple(reduced.map_err(|e| {
                if e.is_instance(&types().value_error) { type_error(crate::fmt::exc_message(&e)) } else { e }
            })?);
        }
        let Value::Tuple(t) = &internal else {
            return Err(type_error("state vector must be a tuple"));
        };
        let items = t.items();
        if items.len() != N + 1 {
            return Err(value_error("state vector is the wrong size"));
        }
        let mut mt = Mt19937 { state: [0; N], index: N };
        for (slot, v) in mt.state.iter_mut().zip(items) {
            *slot = c_unsigned_long(v)? as u32;
        }
        let index = match &items[N] {
            Value::Int(i) => *i,
            Value::Bool(b) => i64::from(*b),
            Value::BigInt(_) => return Err(overflow_error("Python int too large to convert to C long")),
            other => return Err(type_error(format!("an integer is required (got type {})", type_name(other)))),
        };
        if !(0..=N as i64).contains(&index) {
            return Err(value_error("invalid state"));
        }
        mt.index = index as usize;
        *self.mt.borrow_mut() = mt;
        Ok(())
    }

    fn randrange(&self, start: &Value, stop: &Value, step: &Value) -> PyResult<Value> {
        let istart = index(start)?;
        if stop.is_none() {
            // CPython compares `step is _ONE`; only the int 1 is that object.
            if !matches!(step, Value::Int(1)) {
                return Err(type_error("Missing a non-None stop argument"));
            }
            if istart.is_positive() {
                return Ok(Value::from_bigint(self.below_big(&istart)));
            }
            return Err(value_error("empty range for randrange()"));
        }
        let istop = index(stop)?;
        // The common case, `randrange(a, b)` on machine ints, without big ints.
        if let (Some(a), Some(b)) = (istart.to_i64(), istop.to_i64())
            && matches!(step, Value::Int(1))
        {
            if b > a {
                let width = (i128::from(b) - i128::from(a)) as u64;
                return Ok(Value::Int((i128::from(a) + i128::from(self.below_u64(width))) as i64));
            }
            return Err(empty_range(&[start, stop])?);
        }
        let width = &istop - &istart;
        let istep = index(step)?;
        if istep.is_one() {
            if width.is_positive() {
                return Ok(Value::from_bigint(istart + self.below_big(&width)));
            }
            return Err(empty_range(&[start, stop])?);
        }
        let n = if istep.is_positive() {
            (width + &istep - BigInt::one()).div_floor(&istep)
        } else if istep.is_negative() {
            (width + &istep + BigInt::one()).div_floor(&istep)
        } else {
            return Err(value_error("zero step for randrange()"));
        };
        if !n.is_positive() {
            return Err(empty_range(&[start, stop, step])?);
        }
        Ok(Value::from_bigint(istart + istep * self.below_big(&n)))
    }

    fn choice(&self, seq: &Value) -> PyResult<Value> {
        let n = ops::len(seq)?;
        if n == 0 {
            return Err(index_error("Cannot choose from an empty sequence"));
        }
        ops::getitem(seq, &Value::Int(self.below_usize(n) as i64))
    }

    fn shuffle(&self, x: &Value) -> PyResult<()> {
        let n = ops::len(x)?;
        if let Value::List(list) = x {
            // No Python code runs between the draws, so the list is
            // shuffled under one borrow.
            let mut items = list.borrow_mut();
            let mut mt = self.mt.borrow_mut();
            for i in (1..n.min(items.len())).rev() {
                let j = mt.below_u64(i as u64 + 1) as usize;
                items.swap(i, j);
            }
            return Ok(());
        }
        for i in (1..n).rev() {
            let j = self.below_usize(i + 1);
            let (iv, jv) = (Value::Int(i as i64), Value::Int(j as i64));
            let (at_j, at_i) = (ops::getitem(x, &jv)?, ops::getitem(x, &iv)?);
            ops::setitem(x, &iv, at_j)?;
            ops::setitem(x, &jv, at_i)?;
        }
        Ok(())
    }

    /// The positions `sample` picks from a population of `n`, and whether
    /// CPython's pool strategy picked them (it then reads the population
    /// by iterating it, otherwise by indexing).
    fn sample_positions(&self, n: usize, k: usize) -> (Vec<usize>, bool) {
        // The size of a small set minus that of an empty list, then the
        // table size of a big set, as `Lib/random.py` estimates them.
        let mut setsize: u128 = 21;
        if k > 5 {
            let exp = (((k as f64) * 3.0).ln() / 4.0f64.ln()).ceil() as u32;
            setsize += 4u128.saturating_pow(exp);
        }
        let mut mt = self.mt.borrow_mut();
        let mut result = Vec::with_capacity(k);
        if (n as u128) <= setsize {
            let mut pool: Vec<usize> = (0..n).collect();
            for i in 0..k {
                let j = mt.below_u64((n - i) as u64) as usize;
                result.push(pool[j]);
                pool[j] = pool[n - i - 1];
            }
            (result, true)
        } else {
            let mut selected = HashSet::with_capacity(k);
            for _ in 0..k {
                let mut j = mt.below_u64(n as u64) as usize;
                while selected.contains(&j) {
                    j = mt.below_u64(n as u64) as usize;
                }
                selected.insert(j);
                result.push(j);
            }
            (result, false)
        }
    }

    fn sample(&self, population: &Value, k: &Value, counts: &Value) -> PyResult<Value> {
        if !is_sequence(population) {
            return Err(type_error("Population must be a sequence.  For dicts or sets, use sorted(d)."));
        }
        let n = ops::len(population)?;
        if !counts.is_none() {
            let cum_counts = accumulate(counts)?;
            if cum_counts.len() != n {
                return Err(value_error("The number of counts does not match the population"));
            }
            let Some((total, cum_counts)) = cum_counts.split_last() else {
                return Err(index_error("pop from empty list"));
            };
            if !matches!(total, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) {
                return Err(type_error("Counts must be integers"));
            }
            if ops::compare_bool(total, &Value::Int(0), CmpOp::Le)? {
                return Err(value_error("Total of counts must be greater than zero"));
            }
            let total = match total {
                Value::Int(t) => *t as usize,
                Value::Bool(b) => usize::from(*b),
                _ => return Err(overflow_error("Python int too large to convert to C ssize_t")),
            };
            let k = sample_size(k, total)?;
            let (selections, _) = self.sample_positions(total, k);
            let mut out = Vec::with_capacity(k);
            for s in selections {
                let at = bisect_right(cum_counts, &Value::Int(s as i64), 0, cum_counts.len())?;
                out.push(ops::getitem(population, &Value::Int(at as i64))?);
            }
            return Ok(Value::list(out));
        }
        let k = sample_size(k, n)?;
        let (positions, pooled) = self.sample_positions(n, k);
        let items = if pooled {
            let pool = crate::iter::to_vec(population)?;
            positions.into_iter().map(|p| pool.get(p).cloned().unwrap_or_default()).collect()
        } else {
            positions.into_iter().map(|p| ops::getitem(population, &Value::Int(p as i64))).collect::<PyResult<_>>()?
        };
        Ok(Value::list(items))
    }

    fn choices(&self, population: &Value, weights: &Value, cum_weights: &Value, k: &Value) -> PyResult<Value> {
        let n = ops::len(population)?;
        let cum_weights = if cum_weights.is_none() {
            if weights.is_none() {
                let k = repeat_count(k)?;
                let nf = n as f64;
                let mut out = Vec::with_capacity(k);
                for _ in 0..k {
                    let i = (self.random() * nf).floor() as i64;
                    out.push(ops::getitem(population, &Value::Int(i))?);
                }
                return Ok(Value::list(out));
            }
            match accumulate(weights) {
                Ok(c) => c,
                Err(e)
                    if e.is_instance(&types().type_error)
                        && matches!(weights, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) =>
                {
                    return Err(type_error(format!(
                        "The number of choices must be a keyword argument: k={}",
                        crate::fmt::repr(weights)?
                    )));
                }
                Err(e) => return Err(e),
            }
        } else if !weights.is_none() {
            return Err(type_error("Cannot specify both weights and cumulative weights"));
        } else {
            crate::iter::to_vec(cum_weights)?
        };
        if cum_weights.len() != n {
            return Err(value_error("The number of weights does not match the population"));
        }
        let last = cum_weights.last().ok_or_else(|| index_error("list index out of range"))?;
        let total_value = ops::add(last, &Value::Float(0.0))?;
        if ops::compare_bool(&total_value, &Value::Float(0.0), CmpOp::Le)? {
            return Err(value_error("Total of weights must be greater than zero"));
        }
        let total = float_of(&total_value)?;
        if !total.is_finite() {
            return Err(value_error("Total of weights must be finite"));
        }
        let k = repeat_count(k)?;
        let hi = n - 1;
        let mut out = Vec::with_capacity(k);
        for _ in 0..k {
            let x = Value::Float(self.random() * total);
            let at = bisect_right(&cum_weights, &x, 0, hi)?;
            out.push(ops::getitem(population, &Value::Int(at as i64))?);
        }
        Ok(Value::list(out))
    }

    fn gauss(&self, mu: &Value, sigma: &Value) -> PyResult<Value> {
        let mut z = std::mem::take(&mut *self.gauss_next.borrow_mut());
        if z.is_none() {
            let x2pi = self.random() * std::f64::consts::TAU;
            let g2rad = (-2.0 * (1.0 - self.random()).ln()).sqrt();
            z = Value::Float(x2pi.cos() * g2rad);
            *self.gauss_next.borrow_mut() = Value::Float(x2pi.sin() * g2rad);
        }
        ops::add(mu, &ops::binary(&z, sigma, BinOp::Mul)?)
    }

    fn normalvariate(&self, mu: &Value, sigma: &Value) -> PyResult<Value> {
        let z = loop {
            let u1 = self.random();
            let u2 = 1.0 - self.random();
            let z = NV_MAGICCONST * (u1 - 0.5) / u2;
            if z * z / 4.0 <= -u2.ln() {
                break z;
            }
        };
        ops::add(mu, &ops::binary(&Value::Float(z), sigma, BinOp::Mul)?)
    }

    fn triangular(&self, low: &Value, high: &Value, mode: &Value) -> PyResult<Value> {
        let u = self.random();
        let c = if mode.is_none() {
            Value::Float(0.5)
        } else {
            let span = ops::binary(high, low, BinOp::Sub)?;
            match ops::binary(&ops::binary(mode, low, BinOp::Sub)?, &span, BinOp::TrueDiv) {
                Ok(c) => c,
                Err(e) if e.is_instance(&types().zero_division_error) => return Ok(low.clone()),
                Err(e) => return Err(e),
            }
        };
        let (mut u, mut c, mut low, mut high) = (Value::Float(u), c, low.clone(), high.clone());
        if ops::compare_bool(&u, &c, CmpOp::Gt)? {
            u = ops::binary(&Value::Float(1.0), &u, BinOp::Sub)?;
            c = ops::binary(&Value::Float(1.0), &c, BinOp::Sub)?;
            std::mem::swap(&mut low, &mut high);
        }
        let root = math_sqrt(&ops::binary(&u, &c, BinOp::Mul)?)?;
        ops::add(&low, &ops::binary(&ops::binary(&high, &low, BinOp::Sub)?, &Value::Float(root), BinOp::Mul)?)
    }

    fn vonmisesvariate(&self, mu: &Value, kappa: &Value) -> PyResult<Value> {
        if ops::compare_bool(kappa, &Value::Float(1e-6), CmpOp::Le)? {
            return Ok(Value::Float(std::f64::consts::TAU * self.random()));
        }
        let kappa = float_of(kappa)?;
        let s = 0.5 / kappa;
        let r = s + (1.0 + s * s).sqrt();
        let z = loop {
            let u1 = self.random();
            let z = (std::f64::consts::PI * u1).cos();
            let d = z / (r + z);
            let u2 = self.random();
            if u2 < 1.0 - d * d || u2 <= (1.0 - d) * d.exp() {
                break z;
            }
        };
        let q = 1.0 / r;
        let f = (q + z) / (1.0 + q * z);
        let u3 = self.random();
        let angle = Value::Float(math_acos(f)?);
        let theta = if u3 > 0.5 { ops::add(mu, &angle)? } else { ops::binary(mu, &angle, BinOp::Sub)? };
        ops::binary(&theta, &Value::Float(std::f64::consts::TAU), BinOp::Mod)
    }

    fn gammavariate(&self, alpha: &Value, beta: &Value) -> PyResult<Value> {
        if ops::compare_bool(alpha, &Value::Float(0.0), CmpOp::Le)?
            || ops::compare_bool(beta, &Value::Float(0.0), CmpOp::Le)?
        {
            return Err(value_error("gammavariate: alpha and beta must be > 0.0"));
        }
        let alpha = float_of(alpha)?;
        let x = if alpha > 1.0 {
            let ainv = (2.0 * alpha - 1.0).sqrt();
            let bbb = alpha - LOG4;
            let ccc = alpha + ainv;
            loop {
                let u1 = self.random();
                if !(1e-7 < u1 && u1 < 0.9999999) {
                    continue;
                }
                let u2 = 1.0 - self.random();
                let v = (u1 / (1.0 - u1)).ln() / ainv;
                let x = alpha * v.exp();
                let z = u1 * u1 * u2;
                let r = bbb + ccc * v - x;
                if r + SG_MAGICCONST - 4.5 * z >= 0.0 || r >= math_log(z)? {
                    break x;
                }
            }
        } else if alpha == 1.0 {
            -(1.0 - self.random()).ln()
        } else {
            loop {
                let u = self.random();
                let b = (std::f64::consts::E + alpha) / std::f64::consts::E;
                let p = b * u;
                let x = if p <= 1.0 { float_pow(p, 1.0 / alpha)? } else { -math_log((b - p) / alpha)? };
                let u1 = self.random();
                if p > 1.0 {
                    if u1 <= float_pow(x, alpha - 1.0)? {
                        break x;
                    }
                } else if u1 <= (-x).exp() {
                    break x;
                }
            }
        };
        ops::binary(&Value::Float(x), beta, BinOp::Mul)
    }

    fn betavariate(&self, alpha: &Value, beta: &Value) -> PyResult<Value> {
        let y = self.gammavariate(alpha, &Value::Float(1.0))?;
        if ops::truthy(&y)? {
            let other = self.gammavariate(beta, &Value::Float(1.0))?;
            return ops::binary(&y, &ops::add(&y, &other)?, BinOp::TrueDiv);
        }
        Ok(Value::Float(0.0))
    }
}

/// `4 * exp(-0.5) / sqrt(2.0)`, `log(4.0)` and `1.0 + log(4.5)`, as
/// `Lib/random.py` computes them (the values CPython prints).
const NV_MAGICCONST: f64 = 1.7155277699214135;
const LOG4: f64 = 1.3862943611198906;
const SG_MAGICCONST: f64 = 2.504077396776274;

impl Native for Random {
    fn type_name(&self) -> &'static str {
        "Random"
    }

    fn class(&self) -> Rc<Class> {
        RANDOM_CLASS.get().clone()
    }

    fn repr(&self, this: &Value) -> PyResult<String> {
        Ok(format!("<random.Random object at {:#x}>", this.identity()))
    }

    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        match name {
            "gauss_next" => Some(Ok(self.gauss_next.borrow().clone())),
            "VERSION" => Some(Ok(Value::Int(3))),
            _ => method(name).map(|func| Ok(Value::native(BoundMethod { func, receiver: this.clone() }))),
        }
    }

    fn setattr(&self, _this: &Value, name: &str, value: Value) -> Option<PyResult<()>> {
        if name != "gauss_next" {
            return None;
        }
        let old = self.gauss_next.replace(value);
        drop(old);
        Some(Ok(()))
    }

    /// The methods CPython implements in C; `getattr` gives the others.
    fn has_method(&self, name: &str) -> bool {
        matches!(name, "random" | "getrandbits")
    }

    fn call_method(&self, this: &Value, name: &str, args: Vec<Value>, kwargs: Kwargs) -> Option<PyResult<Value>> {
        Some(match name {
            "random" => c_arity("random", &args, &kwargs, 0).map(|_| Value::Float(self.random())),
            "getrandbits" => c_arity("getrandbits", &args, &kwargs, 1).and_then(|_| self.getrandbits(&args[0])),
            _ => match method(name) {
                Some(Value::Function(f)) => f.call_with_receiver(this.clone(), args, kwargs),
                _ => return None,
            },
        })
    }
}

/// The argument checks of a C method taking no arguments or exactly one.
fn c_arity(name: &str, args: &[Value], kwargs: &Kwargs, n: usize) -> PyResult<()> {
    if !kwargs.is_empty() {
        return Err(type_error(format!("Random.{name}() takes no keyword arguments")));
    }
    if args.len() != n {
        return Err(type_error(match n {
            0 => format!("Random.{name}() takes no arguments ({} given)", args.len()),
            _ => format!("Random.{name}() takes exactly one argument ({} given)", args.len()),
        }));
    }
    Ok(())
}

// ------------------------------------------------------------- argument helpers

/// `operator.index(v)` as a big int (`TypeError` for a float or str).
fn index(v: &Value) -> PyResult<BigInt> {
    match v {
        Value::Int(i) => Ok(BigInt::from(*i)),
        Value::Bool(b) => Ok(BigInt::from(i64::from(*b))),
        Value::BigInt(b) => Ok((**b).clone()),
        Value::Object(_) if crate::call::lookup_special(v, "__index__").is_some() => {
            let r = crate::call::call_method(v, "__index__", vec![], vec![])?;
            match r {
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => index(&r),
                other => Err(type_error(format!("__index__ returned non-int (type {})", type_name(&other)))),
            }
        }
        _ => Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v)))),
    }
}

/// An argument CPython converts to a C `int`.
fn c_int(v: &Value) -> PyResult<i64> {
    let i = index(v)?;
    i.to_i32().map(i64::from).ok_or_else(|| overflow_error("Python int too large to convert to C int"))
}

/// A state word, as `PyLong_AsUnsignedLong` reads it.
fn c_unsigned_long(v: &Value) -> PyResult<u64> {
    let i = match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => index(v)?,
        other => return Err(type_error(format!("an integer is required (got type {})", type_name(other)))),
    };
    if i.is_negative() {
        return Err(overflow_error("can't convert negative int to unsigned"));
    }
    i.to_u64().ok_or_else(|| overflow_error("Python int too large to convert to C unsigned long"))
}

/// The count of `itertools.repeat(None, k)`: negative means none.
fn repeat_count(k: &Value) -> PyResult<usize> {
    let k = index(k)?;
    match k.to_i64() {
        Some(k) => Ok(k.max(0) as usize),
        None => Err(overflow_error("Python int too large to convert to C ssize_t")),
    }
}

/// `sample`'s `k`: checked against `0 <= k <= n`, then used as a list
/// length (`[None] * k`).
fn sample_size(k: &Value, n: usize) -> PyResult<usize> {
    let zero = Value::Int(0);
    if !ops::compare_bool(&zero, k, CmpOp::Le)? || !ops::compare_bool(k, &Value::Int(n as i64), CmpOp::Le)? {
        return Err(value_error("Sample larger than population or is negative"));
    }
    match k {
        Value::Int(i) => Ok(*i as usize),
        Value::Bool(b) => Ok(usize::from(*b)),
        other => Err(type_error(format!("can't multiply sequence by non-int of type '{}'", type_name(other)))),
    }
}

fn float_of(v: &Value) -> PyResult<f64> {
    ops::to_f64(v)?.ok_or_else(|| type_error(format!("must be real number, not {}", type_name(v))))
}

fn float_pow(base: f64, exp: f64) -> PyResult<f64> {
    crate::exc::pure(crate::num_ops::float_pow(base, exp))
}

/// `math.log(x)` for a float: `ValueError` at and below zero.
fn math_log(x: f64) -> PyResult<f64> {
    if x <= 0.0 { Err(value_error("math domain error")) } else { Ok(x.ln()) }
}

fn math_acos(x: f64) -> PyResult<f64> {
    if (-1.0..=1.0).contains(&x) { Ok(x.acos()) } else { Err(value_error("math domain error")) }
}

fn math_sqrt(v: &Value) -> PyResult<f64> {
    let x = float_of(v)?;
    if x < 0.0 { Err(value_error("math domain error")) } else { Ok(x.sqrt()) }
}

fn math_exp(v: &Value) -> PyResult<f64> {
    let r = float_of(v)?.exp();
    if r.is_infinite() { Err(overflow_error("math range error")) } else { Ok(r) }
}

/// The `ValueError` of `randrange` for an empty range, naming the
/// arguments as given.
fn empty_range(args: &[&Value]) -> PyResult<crate::exc::PyErr> {
    let shown = args.iter().map(|a| crate::fmt::str_(a)).collect::<PyResult<Vec<_>>>()?;
    Ok(value_error(format!("empty range in randrange({})", shown.join(", "))))
}

/// `list(itertools.accumulate(xs))`.
fn accumulate(xs: &Value) -> PyResult<Vec<Value>> {
    let mut it = crate::iter::iter(xs)?;
    let mut out: Vec<Value> = Vec::new();
    while let Some(v) = it.next()? {
        let next = match out.last() {
            Some(total) => ops::add(total, &v)?,
            None => v,
        };
        out.push(next);
    }
    Ok(out)
}

/// `bisect.bisect_right(a, x, lo, hi)`.
fn bisect_right(a: &[Value], x: &Value, mut lo: usize, mut hi: usize) -> PyResult<usize> {
    while lo < hi {
        let mid = (lo + hi) / 2;
        if ops::lt(x, &a[mid])? {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

/// `isinstance(v, collections.abc.Sequence)` for the types the runtime has.
fn is_sequence(v: &Value) -> bool {
    match v {
        Value::List(_) | Value::Tuple(_) | Value::Str(_) => true,
        Value::Native(n) => {
            matches!(n.type_name(), "range" | "bytes" | "bytearray" | "collections.deque" | "memoryview")
        }
        Value::Object(inst) => {
            inst.class.mro_with_self().iter().any(|c| matches!(c.name().as_str(), "Sequence" | "MutableSequence"))
        }
        _ => false,
    }
}

// ------------------------------------------------------------- methods

/// The receiver of a method body, which `bind` put first.
fn this(args: &[Value]) -> PyResult<&Random> {
    args.first().and_then(downcast::<Random>).ok_or_else(|| type_error("descriptor requires a 'random.Random' object"))
}

type Body = fn(&Random, &[Value]) -> PyResult<Value>;

/// One method written in Python in CPython: its parameters (after
/// `self`), how many are positional, and their defaults.
struct MethodSpec {
    name: &'static str,
    params: &'static [&'static str],
    positional: usize,
    defaults: fn() -> Vec<Value>,
    kwdefaults: fn() -> Vec<Option<Value>>,
    body: Body,
}

fn none() -> Vec<Value> {
    vec![]
}

fn no_kw() -> Vec<Option<Value>> {
    vec![]
}

fn unit_normal() -> Vec<Value> {
    vec![Value::Float(0.0), Value::Float(1.0)]
}

const METHOD_SPECS: &[MethodSpec] = &[
    MethodSpec {
        name: "seed",
        params: &["self", "a", "version"],
        positional: 3,
        defaults: || vec![Value::None, Value::Int(2)],
        kwdefaults: no_kw,
        body: |r, a| r.seed(&a[1], &a[2]).map(|_| Value::None),
    },
    MethodSpec {
        name: "getstate",
        params: &["self"],
        positional: 1,
        defaults: none,
        kwdefaults: no_kw,
        body: |r, _| Ok(r.getstate()),
    },
    MethodSpec {
        name: "setstate",
        params: &["self", "state"],
        positional: 2,
        defaults: none,
        kwdefaults: no_kw,
        body: |r, a| r.setstate(&a[1]).map(|_| Value::None),
    },
    MethodSpec {
        name: "randbytes",
        params: &["self", "n"],
        positional: 2,
        defaults: none,
        kwdefaults: no_kw,
        body: |r, a| {
            let n = ops::binary(&a[1], &Value::Int(8), BinOp::Mul)?;
            let bits = c_int(&n)?;
            if bits < 0 {
                return Err(value_error("number of bits must be non-negative"));
            }
            let words = r.mt.borrow_mut().bits_words(bits as u64);
            let bytes: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).take(bits as usize / 8).collect();
            Ok(crate::bytes::new_bytes(bytes))
        },
    },
    MethodSpec {
        name: "randrange",
        params: &["self", "start", "stop", "step"],
        positional: 4,
        defaults: || vec![Value::None, Value::Int(1)],
        kwdefaults: no_kw,
        body: |r, a| r.randrange(&a[1], &a[2], &a[3]),
    },
    MethodSpec {
        name: "randint",
        params: &["self", "a", "b"],
        positional: 3,
        defaults: none,
        kwdefaults: no_kw,
        body: |r, a| r.randrange(&a[1], &ops::add(&a[2], &Value::Int(1))?, &Value::Int(1)),
    },
    MethodSpec {
        name: "choice",
        params: &["self", "seq"],
        positional: 2,
        defaults: none,
        kwdefaults: no_kw,
        body: |r, a| r.choice(&a[1]),
    },
    MethodSpec {
        name: "shuffle",
        params: &["self", "x"],
        positional: 2,
        defaults: none,
        kwdefaults: no_kw,
        body: |r, a| r.shuffle(&a[1]).map(|_| Value::None),
    },
    MethodSpec {
        name: "sample",
        params: &["self", "population", "k", "counts"],
        positional: 3,
        defaults: none,
        kwdefaults: || vec![Some(Value::None)],
        body: |r, a| r.sample(&a[1], &a[2], &a[3]),
    },
    MethodSpec {
        name: "choices",
        params: &["self", "population", "weights", "cum_weights", "k"],
        positional: 3,
        defaults: || vec![Value::None],
        kwdefaults: || vec![Some(Value::None), Some(Value::Int(1))],
        body: |r, a| r.choices(&a[1], &a[2], &a[3], &a[4]),
    },
    MethodSpec {
        name: "uniform",
        params: &["self", "a", "b"],
        positional: 3,
        defaults: none,
        kwdefaults: no_kw,
        body: |r, a| {
            let span = ops::binary(&a[2], &a[1], BinOp::Sub)?;
            ops::add(&a[1], &ops::binary(&span, &Value::Float(r.random()), BinOp::Mul)?)
        },
    },
    MethodSpec {
        name: "triangular",
        params: &["self", "low", "high", "mode"],
        positional: 4,
        defaults: || vec![Value::Float(0.0), Value::Float(1.0), Value::None],
        kwdefaults: no_kw,
        body: |r, a| r.triangular(&a[1], &a[2], &a[3]),
    },
    MethodSpec {
        name: "normalvariate",
        params: &["self", "mu", "sigma"],
        positional: 3,
        defaults: unit_normal,
        kwdefaults: no_kw,
        body: |r, a| r.normalvariate(&a[1], &a[2]),
    },
    MethodSpec {
        name: "gauss",
        params: &["self", "mu", "sigma"],
        positional: 3,
        defaults: unit_normal,
        kwdefaults: no_kw,
        body: |r, a| r.gauss(&a[1], &a[2]),
    },
    MethodSpec {
        name: "lognormvariate",
        params: &["self", "mu", "sigma"],
        positional: 3,
        defaults: none,
        kwdefaults: no_kw,
        body: |r, a| Ok(Value::Float(math_exp(&r.normalvariate(&a[1], &a[2])?)?)),
    },
    MethodSpec {
        name: "expovariate",
        params: &["self", "lambd"],
        positional: 2,
        defaults: || vec![Value::Float(1.0)],
        kwdefaults: no_kw,
        body: |r, a| ops::binary(&Value::Float(-(1.0 - r.random()).ln()), &a[1], BinOp::TrueDiv),
    },
    MethodSpec {
        name: "vonmisesvariate",
        params: &["self", "mu", "kappa"],
        positional: 3,
        defaults: none,
        kwdefaults: no_kw,
        body: |r, a| r.vonmisesvariate(&a[1], &a[2]),
    },
    MethodSpec {
        name: "gammavariate",
        params: &["self", "alpha", "beta"],
        positional: 3,
        defaults: none,
        kwdefaults: no_kw,
        body: |r, a| r.gammavariate(&a[1], &a[2]),
    },
    MethodSpec {
        name: "betavariate",
        params: &["self", "alpha", "beta"],
        positional: 3,
        defaults: none,
        kwdefaults: no_kw,
        body: |r, a| r.betavariate(&a[1], &a[2]),
    },
    MethodSpec {
        name: "paretovariate",
        params: &["self", "alpha"],
        positional: 2,
        defaults: none,
        kwdefaults: no_kw,
        body: |r, a| {
            let u = Value::Float(1.0 - r.random());
            ops::binary(&u, &ops::binary(&Value::Float(-1.0), &a[1], BinOp::TrueDiv)?, BinOp::Pow)
        },
    },
    MethodSpec {
        name: "weibullvariate",
        params: &["self", "alpha", "beta"],
        positional: 3,
        defaults: none,
        kwdefaults: no_kw,
        body: |r, a| {
            let u = 1.0 - r.random();
            let exp = ops::binary(&Value::Float(1.0), &a[2], BinOp::TrueDiv)?;
            let p = ops::binary(&Value::Float(-math_log(u)?), &exp, BinOp::Pow)?;
            ops::binary(&a[1], &p, BinOp::Mul)
        },
    },
];

/// The Python-level methods as functions (`Random.randint`), made once.
static METHODS: Lazy<Vec<(&'static str, Value)>> = Lazy::new(|| {
    METHOD_SPECS
        .iter()
        .map(|spec| {
            let sig = Signature::leaked(spec.params, spec.positional, spec.params.len() - spec.positional);
            let body = spec.body;
            let f = Function::new(
                spec.name,
                &format!("Random.{}", spec.name),
                sig,
                (spec.defaults)(),
                (spec.kwdefaults)(),
                Rc::new(move |args: Vec<Value>| body(this(&args)?, &args)),
                None,
            );
            (spec.name, f)
        })
        .collect()
});

fn method(name: &str) -> Option<Value> {
    METHODS.get().iter().find(|(n, _)| *n == name).map(|(_, f)| f.clone())
}

// ------------------------------------------------------------- the class and module

/// `Random(x=None)`: a new generator seeded with `x`.
fn random_new(_cls: &Rc<Class>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    if args.len() > 1 {
        return Err(type_error(format!(
            "Random.__init__() takes from 1 to 2 positional arguments but {} were given",
            args.len() + 1
        )));
    }
    let mut x = args.into_iter().next();
    for (k, v) in kwargs {
        if k.as_str() != "x" {
            return Err(type_error(format!("Random.__init__() got an unexpected keyword argument '{k}'")));
        }
        if x.is_some() {
            return Err(type_error("Random.__init__() got multiple values for argument 'x'"));
        }
        x = Some(v);
    }
    let r = Random::new();
    r.seed(&x.unwrap_or_default(), &Value::Int(2))?;
    Ok(Value::native(r))
}

static RANDOM_NEW: BuiltinInfo = BuiltinInfo { new: random_new };

static RANDOM_CLASS: Lazy<Rc<Class>> = Lazy::new(|| {
    let cls = crate::types::new_class_with("Random", "random", &[types().object.clone()], &RANDOM_NEW);
    for (name, f) in METHODS.get() {
        cls.dict.set_str(name, f.clone());
    }
    cls
});

pub fn module_attrs() -> Dict {
    let d = Dict::new();
    d.set_str("Random", Value::Class(RANDOM_CLASS.get().clone()));
    let inst = Random::new();
    *inst.mt.borrow_mut() = Mt19937::from_key(&entropy_key());
    let inst = Value::native(inst);
    for name in ["random", "getrandbits"] {
        d.set_str(name, Value::native(BoundBuiltin { receiver: inst.clone(), name: PyStr::new(name) }));
    }
    for (name, f) in METHODS.get() {
        d.set_str(name, Value::native(BoundMethod { func: f.clone(), receiver: inst.clone() }));
    }
    d.set_str("_inst", inst);
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Random(seed)`'s core, as `seed(n)` keys it.
    fn seeded(n: &BigInt) -> Mt19937 {
        let key = n.magnitude().to_u32_digits();
        Mt19937::from_key(&key)
    }

    fn words(mt: &mut Mt19937, n: usize) -> Vec<u32> {
        (0..n).map(|_| mt.next_u32()).collect()
    }

    // Values from CPython 3.12: `random.seed(s); [random.getrandbits(32) ...]`.
    #[test]
    fn seeded_words_match_cpython() {
        let mut mt = seeded(&BigInt::from(42));
        assert_eq!(words(&mut mt, 5), [2746317213, 478163327, 107420369, 3184935163, 1181241943]);
        let mut mt = seeded(&BigInt::from(0));
        assert_eq!(words(&mut mt, 3), [3626764237, 1654615998, 3255389356]);
        let mut mt = seeded(&BigInt::from(-5));
        assert_eq!(words(&mut mt, 3), [2675342405, 1097127993, 3185950873]);
        let mut mt = seeded(&((BigInt::one() << 70) + 12345));
        assert_eq!(words(&mut mt, 3), [4124372728, 1880144277, 4058479540]);
    }

    // `random.seed(42); random.random(), random.getrandbits(100),
    // random.getrandbits(33), random.randrange(10**30)`.
    #[test]
    fn floats_and_wide_bits_match_cpython() {
        let mut mt = seeded(&BigInt::from(42));
        assert_eq!(mt.random(), 0.6394267984578837);
        let b100 = BigUint::new(mt.bits_words(100));
        assert_eq!(b100.to_string(), "259474555368124611114247330513");
        assert_eq!(mt.bits_u64(33), 958682846);
        let n: BigUint = "1000000000000000000000000000000".parse().unwrap_or_default();
        assert_eq!(mt.below_big(&n).to_string(), "925123444424254823561077285033");
    }

    // `random.seed(42); [random.random() for _ in range(700)]` crosses a
    // regeneration of the state; the next word is 2781569954.
    #[test]
    fn state_regeneration_matches_cpython() {
        let mut mt = seeded(&BigInt::from(42));
        for _ in 0..700 {
            mt.random();
        }
        assert_eq!(mt.next_u32(), 2781569954);
    }

    #[test]
    fn str_seeds_match_cpython() {
        // `random.seed('hello')` (version 2) and `random.seed('hello', version=1)`.
        let mut data = b"hello".to_vec();
        data.extend_from_slice(&sha512(b"hello"));
        let mut mt = Mt19937::from_key(&BigUint::from_bytes_be(&data).to_u32_digits());
        assert_eq!(mt.next_u32(), 1519453933);
        let codes: Vec<u32> = "hello".chars().map(u32::from).collect();
        let mut mt = Mt19937::from_key(&version1_key(&codes));
        assert_eq!(mt.next_u32(), 3513451299);
        // `random.seed(1.5)` seeds with hash(1.5).
        let mut mt = Mt19937::from_key(&key_of_u64(1152921504606846977));
        assert_eq!(mt.next_u32(), 2369807148);
    }

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    // `hashlib.sha512(...).hexdigest()`.
    #[test]
    fn sha512_matches_hashlib() {
        assert_eq!(
            hex(&sha512(b"")),
            "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"
        );
        assert_eq!(
            hex(&sha512(b"abc")),
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
        );
        assert_eq!(
            hex(&sha512(&[b'a'; 200])),
            "4b11459c33f52a22ee8236782714c150a3b2c60994e9acee17fe68947a3e6789f31e7668394592da7bef827cddca88c4e6f86e4df7ed1ae6cba71f3e98faee9f"
        );
    }
}
