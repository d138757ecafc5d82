//! Support for the native tier: functions the transpiler proved to work on
//! plain `i64`/`f64`/`bool` values and lists of them.
//!
//! Native functions are pure (they touch only their own locals, lists
//! they created, and fields of fixed-layout instances, whose writes
//! `crate::fixed` journals and undoes on a bail), so they never raise:
//! whenever Python would do something their types cannot express (an int
//! overflowing `i64`, a division by zero, an index out of range, recursion
//! past the limit) they *bail*, and the dynamic version of the function
//! runs again from the start with the original arguments. Because nothing
//! outside the native call changed, the re-run is indistinguishable from
//! having run dynamically all along,
//! and it raises or promotes exactly as CPython does.

pub use crate::fixed::{Fixed, Obj};
use crate::list::List;
use crate::num_ops;
use crate::value::Value;

/// The native code stepped outside its types; run the dynamic version.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bail;

pub type NResult<T> = Result<T, Bail>;

#[inline(always)]
pub fn add(a: i64, b: i64) -> NResult<i64> {
    a.checked_add(b).ok_or(Bail)
}

#[inline(always)]
pub fn sub(a: i64, b: i64) -> NResult<i64> {
    a.checked_sub(b).ok_or(Bail)
}

#[inline(always)]
pub fn mul(a: i64, b: i64) -> NResult<i64> {
    a.checked_mul(b).ok_or(Bail)
}

#[inline(always)]
pub fn neg(a: i64) -> NResult<i64> {
    a.checked_neg().ok_or(Bail)
}

#[inline(always)]
pub fn abs(a: i64) -> NResult<i64> {
    a.checked_abs().ok_or(Bail)
}

/// `a // b`, rounding toward negative infinity.
#[inline(always)]
pub fn floordiv(a: i64, b: i64) -> NResult<i64> {
    if b == 0 || (a == i64::MIN && b == -1) {
        return Err(Bail);
    }
    let q = a / b;
    Ok(if (a % b != 0) && ((a < 0) != (b < 0)) { q - 1 } else { q })
}

/// `a % b`, with the sign of `b`.
#[inline(always)]
pub fn rem(a: i64, b: i64) -> NResult<i64> {
    if b == 0 {
        return Err(Bail);
    }
    if b == -1 {
        return Ok(0);
    }
    let r = a % b;
    Ok(if r != 0 && ((r < 0) != (b < 0)) { r + b } else { r })
}

/// `a ** b` for ints; a negative exponent gives a float in Python.
#[inline]
pub fn pow(a: i64, b: i64) -> NResult<i64> {
    let exp = u32::try_from(b).map_err(|_| Bail)?;
    a.checked_pow(exp).ok_or(Bail)
}

/// `a << b`.
#[inline]
pub fn shl(a: i64, b: i64) -> NResult<i64> {
    if !(0..64).contains(&b) {
        return if b >= 0 && a == 0 { Ok(0) } else { Err(Bail) };
    }
    let r = a << b;
    if r >> b == a { Ok(r) } else { Err(Bail) }
}

/// `a >> b`.
#[inline]
pub fn shr(a: i64, b: i64) -> NResult<i64> {
    if b < 0 {
        return Err(Bail);
    }
    Ok(a >> b.min(63))
}

/// `a / b` for ints. Both fit an `f64` exactly below 2**53, and IEEE
/// division of exact operands is correctly rounded, as CPython's is.
#[inline]
pub fn truediv(a: i64, b: i64) -> NResult<f64> {
    const EXACT: i64 = 1 << 53;
    if b == 0 || !(-EXACT..=EXACT).contains(&a) || !(-EXACT..=EXACT).contains(&b) {
        return Err(Bail);
    }
    Ok(a as f64 / b as f64)
}

#[inline(always)]
pub fn fdiv(a: f64, b: f64) -> NResult<f64> {
    if b == 0.0 { Err(Bail) } else { Ok(a / b) }
}

#[inline]
pub fn ffloordiv(a: f64, b: f64) -> NResult<f64> {
    num_ops::float_floordiv(a, b).map_err(|_| Bail)
}

#[inline]
pub fn frem(a: f64, b: f64) -> NResult<f64> {
    num_ops::float_mod(a, b).map_err(|_| Bail)
}

#[inline]
pub fn fpow(a: f64, b: f64) -> NResult<f64> {
    num_ops::float_pow(a, b).map_err(|_| Bail)
}

/// `int(f)`: truncation; infinities, NaN and values beyond `i64` bail.
#[inline]
pub fn f64_to_i64(f: f64) -> NResult<i64> {
    let t = f.trunc();
    // 2**63 is exact as an f64; every smaller integral f64 fits.
    if (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&t) { Ok(t as i64) } else { Err(Bail) }
}

/// Python compares an int and a float exactly, not by rounding the int.
#[inline]
pub fn cmp_int_float(i: i64, f: f64) -> Option<std::cmp::Ordering> {
    const EXACT: i64 = 1 << 53;
    if (-EXACT..=EXACT).contains(&i) {
        return (i as f64).partial_cmp(&f);
    }
    if f.is_nan() {
        return None;
    }
    if f >= 9_223_372_036_854_775_808.0 {
        return Some(std::cmp::Ordering::Less);
    }
    if f < -9_223_372_036_854_775_808.0 {
        return Some(std::cmp::Ordering::Greater);
    }
    // |f| > 2**53 here or f is between two ints: compare the integral part,
    // then the fraction.
    let t = f.trunc();
    match i.cmp(&(t as i64)) {
        std::cmp::Ordering::Equal => 0.0f64.partial_cmp(&(f - t)),
        o => Some(o),
    }
}

/// `math.sqrt` and friends: a NaN from a non-NaN argument is a domain
/// error, an infinity from a finite one an overflow; both bail.
#[inline]
pub fn math1(x: f64, f: fn(f64) -> f64) -> NResult<f64> {
    let r = f(x);
    if (r.is_nan() && !x.is_nan()) || (r.is_infinite() && x.is_finite()) { Err(Bail) } else { Ok(r) }
}

/// `math.log(x)`: zero and negative arguments are domain errors.
#[inline]
pub fn log(x: f64) -> NResult<f64> {
    if x <= 0.0 { Err(Bail) } else { math1(x, f64::ln) }
}

/// An index into a sequence of length `len`, counting from the end when
/// negative; out of range bails (the dynamic code raises `IndexError`).
#[inline(always)]
pub fn index(i: i64, len: usize) -> NResult<usize> {
    let k = from_end(i, len);
    if k < len { Ok(k) } else { Err(Bail) }
}

/// `i` counted from the end of a sequence of `len` when negative; one
/// still negative after that wraps to a position no sequence has.
#[inline(always)]
fn from_end(i: i64, len: usize) -> usize {
    (if i < 0 { i.wrapping_add(len as i64) } else { i }) as usize
}

/// `xs[i]` on a native list, counting from the end when negative.
#[inline(always)]
pub fn get<T: Copy>(xs: &[T], i: i64) -> NResult<T> {
    xs.get(from_end(i, xs.len())).copied().ok_or(Bail)
}

/// The slot `xs[i]` is assigned through, counting from the end when negative.
#[inline(always)]
pub fn slot<T>(xs: &mut [T], i: i64) -> NResult<&mut T> {
    let k = from_end(i, xs.len());
    xs.get_mut(k).ok_or(Bail)
}

/// `[x] * n`: a negative count gives an empty list; a count too large to
/// allocate bails (CPython raises `MemoryError` or `OverflowError`).
#[inline]
pub fn repeat<T: Copy>(items: &[T], n: i64) -> NResult<Vec<T>> {
    let n = usize::try_from(n.max(0)).map_err(|_| Bail)?;
    if items.len().saturating_mul(n) > 1 << 32 {
        return Err(Bail);
    }
    Ok(items.repeat(n))
}

/// The values of `range(start, stop, step)`; a zero step bails.
pub struct Range {
    next: i64,
    stop: i64,
    step: i64,
    done: bool,
}

#[inline]
pub fn range(start: i64, stop: i64, step: i64) -> NResult<Range> {
    if step == 0 {
        return Err(Bail);
    }
    Ok(Range { next: start, stop, step, done: false })
}

impl Iterator for Range {
    type Item = i64;

    #[inline]
    fn next(&mut self) -> Option<i64> {
        let live = if self.step > 0 { self.next < self.stop } else { self.next > self.stop };
        if self.done || !live {
            return None;
        }
        let v = self.next;
        match self.next.checked_add(self.step) {
            Some(n) => self.next = n,
            None => self.done = true,
        }
        Some(v)
    }
}

/// What native code steps through one item at a time: a native
/// generator, or the values of a `range()`. A generator's step may bail
/// (its body is native code); a range's never does.
pub trait Step<T> {
    fn step(&mut self) -> NResult<Option<T>>;
}

impl Step<i64> for std::ops::Range<i64> {
    #[inline]
    fn step(&mut self) -> NResult<Option<i64>> {
        Ok(self.next())
    }
}

impl Step<i64> for Range {
    #[inline]
    fn step(&mut self) -> NResult<Option<i64>> {
        Ok(self.next())
    }
}

/// A native generator: its body is a step function flattened from the
/// Python generator (see the transpiler's `lower::resumable`). Once the
/// body has finished, the generator stays exhausted, as in Python.
pub struct Gen<F> {
    body: F,
    done: bool,
}

/// Wraps a step function as a native generator.
#[inline]
pub fn generator<T, F: FnMut() -> NResult<Option<T>>>(body: F) -> Gen<F> {
    Gen { body, done: false }
}

impl<T, F: FnMut() -> NResult<Option<T>>> Step<T> for Gen<F> {
    #[inline]
    fn step(&mut self) -> NResult<Option<T>> {
        if self.done {
            return Ok(None);
        }
        let item = (self.body)()?;
        self.done = item.is_none();
        Ok(item)
    }
}

/// The native value of a module-level variable a native loop reads:
/// `None` when it is unbound or holds something else (the loop then runs
/// dynamically, which raises or computes as CPython does).
#[inline]
pub fn global_arg<T: FromValue>(g: &crate::scope::Global) -> Option<T> {
    g.peek().as_ref().and_then(T::from_value)
}

/// `sum()` over floats, as CPython 3.12 adds them: Neumaier's compensated
/// summation. An empty sum is the int `0` in Python, which bails here.
#[derive(Default)]
pub struct FloatSum {
    total: f64,
    compensation: f64,
    any: bool,
}

impl FloatSum {
    #[inline]
    pub fn add(&mut self, x: f64) {
        let t = self.total + x;
        if self.total.abs() >= x.abs() {
            self.compensation += (self.total - t) + x;
        } else {
            self.compensation += (x - t) + self.total;
        }
        self.total = t;
        self.any = true;
    }

    #[inline]
    pub fn finish(self) -> NResult<f64> {
        if !self.any {
            return Err(Bail);
        }
        let c = self.compensation;
        Ok(if c != 0.0 && c.is_finite() { self.total + c } else { self.total })
    }
}

/// `min(a, b)`: the first of equal values, as Python keeps it.
#[inline(always)]
pub fn min<T: PartialOrd>(a: T, b: T) -> T {
    if b < a { b } else { a }
}

#[inline(always)]
pub fn max<T: PartialOrd>(a: T, b: T) -> T {
    if b > a { b } else { a }
}

/// `min(list)`/`max(list)`: an empty list bails (Python raises `ValueError`).
pub fn min_of<T: PartialOrd + Copy>(items: &[T], want_max: bool) -> NResult<T> {
    let (first, rest) = items.split_first().ok_or(Bail)?;
    let mut m = *first;
    for &x in rest {
        if if want_max { x > m } else { x < m } {
            m = x;
        }
    }
    Ok(m)
}

/// How many more nested calls native code may make before Python would
/// raise `RecursionError`; native functions count it down and bail at 0.
#[inline]
pub fn depth_budget() -> usize {
    crate::scope::recursion_limit().saturating_sub(crate::scope::depth())
}

/// The budget a call needs when its recursion stops below `floor` and
/// every nested call lowers `n` by at least one (see the transpiler's
/// `sema::depth_bound`): at most `n - floor + 1` nested calls, each
/// leaving the next at least 1.
#[inline]
pub fn depth_needed(n: i64, floor: i64) -> usize {
    let nested = (i128::from(n) - i128::from(floor)).max(-1) + 2;
    usize::try_from(nested).unwrap_or(usize::MAX)
}

/// A list parameter of a native function: a native caller's `Vec`, or the
/// items of the dynamic list the call came in with, read in place (no
/// copy: a pure function cannot change the list, and nothing else runs
/// while it does). An item of another type bails when it is read.
pub enum Slice<'a, T> {
    Native(&'a [T]),
    Values(&'a [Value]),
}

impl<T> Clone for Slice<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Slice<'_, T> {}

impl<T: FromValue + Copy> Slice<'_, T> {
    #[inline(always)]
    pub fn len(&self) -> usize {
        match self {
            Slice::Native(s) => s.len(),
            Slice::Values(s) => s.len(),
        }
    }

    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The item at `k` (below `len()`).
    #[inline(always)]
    pub fn at(&self, k: usize) -> NResult<T> {
        match self {
            Slice::Native(s) => s.get(k).copied().ok_or(Bail),
            Slice::Values(s) => s.get(k).and_then(T::from_value).ok_or(Bail),
        }
    }

    /// `xs[i]`, counting from the end when negative.
    #[inline(always)]
    pub fn index(&self, i: i64) -> NResult<T> {
        self.at(index(i, self.len())?)
    }

    /// A native copy of every item.
    pub fn to_vec(&self) -> NResult<Vec<T>> {
        match self {
            Slice::Native(s) => Ok(s.to_vec()),
            Slice::Values(s) => s.iter().map(|v| T::from_value(v).ok_or(Bail)).collect(),
        }
    }
}

/// A str in native code: text borrowed from a Python str (a parameter)
/// or a literal, never built. Like Python's str it counts, indexes and
/// iterates code points; an ASCII text indexes by byte.
///
/// Sixteen bytes (a list of strs is a `Vec` of these): the text's address,
/// and its lengths in bytes and code points as `u32`s. A longer str is not
/// taken into native code (see [`str_arg`]); the strs native code builds
/// are bounded by the arena's cap.
#[derive(Clone, Copy)]
pub struct Text<'a> {
    ptr: std::ptr::NonNull<u8>,
    len: u32,
    chars: u32,
    _text: std::marker::PhantomData<&'a str>,
}

impl<'a> Text<'a> {
    /// The initial value of a str local before its first assignment.
    pub const EMPTY: Text<'static> = Text::lit("", 0);

    /// `text` with `chars` code points; both lengths fit in a `u32`.
    const fn new(text: &'a str, chars: usize) -> Text<'a> {
        debug_assert!(text.len() <= u32::MAX as usize);
        // SAFETY: a str's address is never null.
        let ptr = unsafe { std::ptr::NonNull::new_unchecked(text.as_ptr().cast_mut()) };
        Text { ptr, len: text.len() as u32, chars: chars as u32, _text: std::marker::PhantomData }
    }

    /// A literal, with its length in code points worked out by the
    /// transpiler.
    pub const fn lit(text: &'static str, chars: usize) -> Text<'static> {
        Text::new(text, chars)
    }

    /// A dynamic str's text, when it is shorter than 4 GiB (see
    /// [`str_arg`]).
    fn of(s: &'a crate::str::PyStr) -> Text<'a> {
        Text::new(s.as_str(), s.char_len())
    }

    /// `len(s)`.
    #[inline(always)]
    pub fn len(self) -> usize {
        self.chars as usize
    }

    #[inline(always)]
    pub fn is_empty(self) -> bool {
        self.chars == 0
    }

    #[inline(always)]
    pub fn as_str(self) -> &'a str {
        // SAFETY: `ptr` and `len` were taken from a str that lives for 'a.
        unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(self.ptr.as_ptr(), self.len as usize)) }
    }

    /// Whether every character is ASCII (its lengths agree).
    #[inline(always)]
    fn ascii(self) -> bool {
        self.chars == self.len
    }

    /// `for c in s`.
    #[inline(always)]
    pub fn chars(self) -> std::str::Chars<'a> {
        self.as_str().chars()
    }

    /// `s[i]`, counting from the end when negative.
    #[inline]
    pub fn at(self, i: i64) -> NResult<char> {
        let k = index(i, self.chars as usize)?;
        if self.ascii() {
            return Ok(self.as_str().as_bytes()[k] as char);
        }
        self.as_str().chars().nth(k).ok_or(Bail)
    }

    /// `ord(s)`: only for a str of one character (else Python raises).
    #[inline]
    pub fn ord(self) -> NResult<i64> {
        let mut it = self.as_str().chars();
        match (it.next(), it.next()) {
            (Some(c), None) => Ok(c as i64),
            _ => Err(Bail),
        }
    }

    /// `c in s` for one character `c`.
    #[inline]
    pub fn contains_char(self, c: char) -> bool {
        self.as_str().contains(c)
    }

    /// `t in s`.
    #[inline]
    pub fn contains(self, t: Text<'_>) -> bool {
        self.as_str().contains(t.as_str())
    }

    /// `s.isdigit()` and the like: true when non-empty and `test` holds
    /// for every character.
    #[inline]
    pub fn all(self, test: fn(char) -> bool) -> bool {
        !self.as_str().is_empty() && self.as_str().chars().all(test)
    }
}

impl PartialEq for Text<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text<'_> {}

impl std::hash::Hash for Text<'_> {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.as_str().hash(h);
    }
}

impl<'a> Text<'a> {
    /// A piece of this text (`piece` borrowed from it): ASCII text has
    /// ASCII pieces, whose length in code points is their length in bytes.
    #[inline]
    fn piece(self, piece: &'a str) -> Text<'a> {
        let chars = if self.ascii() { piece.len() } else { piece.chars().count() };
        Text::new(piece, chars)
    }

    /// `for w in s.split()`: the runs of text between Python whitespace.
    pub fn split(self) -> impl Iterator<Item = Text<'a>> {
        let ascii = self.ascii().then(|| self.as_str());
        let mut words = ascii.into_iter().flat_map(|s| s.as_bytes().split(|&b| byte_is_space(b))).map(|w| {
            // SAFETY: the pieces of ASCII text cut at ASCII bytes are ASCII.
            unsafe { std::str::from_utf8_unchecked(w) }
        });
        let mut other = self.as_str().split(crate::str_methods::char_is_space);
        // ASCII text (the common case) is split without decoding UTF-8;
        // only one of the two splitters has anything to give.
        std::iter::from_fn(move || if ascii.is_some() { words.next() } else { other.next() })
            .filter(|w| !w.is_empty())
            .map(move |w| self.piece(w))
    }

    /// `s.strip()`, `s.lstrip()`, `s.rstrip()` (Python whitespace): a
    /// piece of `s`, built from nothing.
    pub fn strip(self) -> Text<'a> {
        let s = self.as_str();
        let bytes = s.as_bytes();
        // Most strs strip to themselves: two byte tests say so.
        if self.ascii()
            && !bytes.first().is_some_and(|&b| byte_is_space(b))
            && !bytes.last().is_some_and(|&b| byte_is_space(b))
        {
            return self;
        }
        self.piece(s.trim_matches(crate::str_methods::char_is_space))
    }

    pub fn lstrip(self) -> Text<'a> {
        self.piece(self.as_str().trim_start_matches(crate::str_methods::char_is_space))
    }

    pub fn rstrip(self) -> Text<'a> {
        self.piece(self.as_str().trim_end_matches(crate::str_methods::char_is_space))
    }

    /// `s[lo:hi]`: a piece of `s`, the bounds clamped as Python does.
    pub fn slice(self, lo: Option<i64>, hi: Option<i64>) -> Text<'a> {
        let n = self.chars as i64;
        let bound = |b: Option<i64>, default: i64| match b {
            None => default,
            Some(b) if b < 0 => (b + n).max(0),
            Some(b) => b.min(n),
        };
        let (lo, hi) = (bound(lo, 0), bound(hi, n));
        if lo >= hi {
            return Text::EMPTY;
        }
        let (lo, hi) = (lo as usize, hi as usize);
        let text = if self.ascii() {
            &self.as_str()[lo..hi]
        } else {
            let byte = |k: usize| self.as_str().char_indices().nth(k).map_or(self.as_str().len(), |(b, _)| b);
            &self.as_str()[byte(lo)..byte(hi)]
        };
        Text::new(text, hi - lo)
    }

    /// `sep.join(items)`.
    pub fn join<'b>(self, items: &[Text<'b>], arena: &'b Arena) -> NResult<Text<'b>>
    where
        'a: 'b,
    {
        match items {
            [] => return Ok(Text::EMPTY),
            [one] => return Ok(*one),
            _ => {}
        }
        if self.joined_len(items) > Arena::LIMIT {
            return Err(Bail);
        }
        let (out, chars) = self.joined(items);
        arena.text(out, chars)
    }

    /// `return sep.join(items)`: the str made a dynamic one directly, its
    /// buffer kept (no copy into the arena and out again).
    pub fn join_value(self, items: &[Text<'_>]) -> Value {
        Value::Str(crate::str::PyStr::from_string(self.joined(items).0))
    }

    fn joined_len(self, items: &[Text<'_>]) -> usize {
        items.iter().map(|t| t.as_str().len()).sum::<usize>() + self.as_str().len() * items.len().saturating_sub(1)
    }

    /// The joined text and its length in code points.
    fn joined(self, items: &[Text<'_>]) -> (String, usize) {
        let mut out = String::with_capacity(self.joined_len(items));
        let mut chars = self.chars as usize * items.len().saturating_sub(1);
        for (i, t) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(self.as_str());
            }
            out.push_str(t.as_str());
            chars += t.chars as usize;
        }
        (out, chars)
    }

    /// `s.lower()`: `s` itself when nothing changes (no copy), else the
    /// new text, kept in `arena`.
    pub fn lower<'b>(self, arena: &'b Arena) -> NResult<Text<'b>>
    where
        'a: 'b,
    {
        self.recased(arena, u8::is_ascii_uppercase, crate::str_methods::lower)
    }

    /// `s.upper()`, like [`Text::lower`].
    pub fn upper<'b>(self, arena: &'b Arena) -> NResult<Text<'b>>
    where
        'a: 'b,
    {
        self.recased(arena, u8::is_ascii_lowercase, crate::str_methods::upper)
    }

    /// `convert(s)`, where ASCII text without a byte that `changes` is
    /// known unchanged without converting it.
    fn recased<'b>(self, arena: &'b Arena, changes: fn(&u8) -> bool, convert: fn(&str) -> String) -> NResult<Text<'b>>
    where
        'a: 'b,
    {
        if self.ascii() && !self.as_str().as_bytes().iter().any(changes) {
            return Ok(self);
        }
        arena.changed(self, convert(self.as_str()))
    }
}

/// Where the strs a native function builds live until it returns, so that
/// they are borrowed like the ones it reads. Small strs are copied into
/// chunks (no allocation each); a large one is kept as it is. Bounded: a
/// function that builds more than [`Arena::LIMIT`] bytes bails (the
/// dynamic version frees each str when it is no longer used, and peak
/// memory must not grow past it).
#[derive(Default)]
pub struct Arena {
    /// Each chunk is only ever appended to within its capacity, so its
    /// buffer never moves (the vector moving the `String`s does not move
    /// their buffers) and nothing is removed before the arena is dropped.
    chunks: std::cell::RefCell<Vec<String>>,
    bytes: std::cell::Cell<usize>,
}

impl Arena {
    pub const LIMIT: usize = 1 << 26;
    const FIRST_CHUNK: usize = 4 << 10;
    const LAST_CHUNK: usize = 1 << 20;

    /// `text`, built by the function, kept here; its length in code
    /// points is counted.
    pub fn built(&self, text: String) -> NResult<Text<'_>> {
        let chars = if text.is_ascii() { text.len() } else { text.chars().count() };
        self.text(text, chars)
    }

    /// `text`, built by the function, kept here.
    pub fn text(&self, text: String, chars: usize) -> NResult<Text<'_>> {
        let text = if text.len() >= Arena::LAST_CHUNK / 4 { self.adopt(text)? } else { self.copy(&[&text])? };
        Ok(Text::new(text, chars))
    }

    /// `built` when it differs from `old`'s text (else `old`), kept here.
    fn changed<'b>(&'b self, old: Text<'b>, built: String) -> NResult<Text<'b>> {
        if built == old.as_str() {
            return Ok(old);
        }
        self.built(built)
    }

    fn count(&self, len: usize) -> NResult<()> {
        let bytes = self.bytes.get() + len;
        if bytes > Arena::LIMIT {
            return Err(Bail);
        }
        self.bytes.set(bytes);
        Ok(())
    }

    /// The concatenation of `parts`, copied into the current chunk (or a
    /// new one when it has no room).
    pub fn copy(&self, parts: &[&str]) -> NResult<&str> {
        let len: usize = parts.iter().map(|p| p.len()).sum();
        self.count(len)?;
        let mut chunks = self.chunks.borrow_mut();
        if chunks.last().is_none_or(|c| c.capacity() - c.len() < len) {
            let next = chunks.last().map_or(Arena::FIRST_CHUNK, |c| (c.capacity() * 2).min(Arena::LAST_CHUNK));
            // Room to grow in place (see `extend`) for a long str.
            chunks.push(String::with_capacity(next.max(2 * len)));
        }
        let Some(chunk) = chunks.last_mut() else { return Err(Bail) };
        let start = chunk.len();
        // Within the capacity just checked: no reallocation.
        for p in parts {
            chunk.push_str(p);
        }
        let kept: *const str = &chunk[start..];
        // SAFETY: the bytes live in a chunk whose buffer never moves or
        // changes below its length until the arena is dropped (see
        // `chunks`), and the borrow of `self` cannot outlive the arena.
        Ok(unsafe { &*kept })
    }

    /// `a + b` where `a` is the last str kept in the current chunk and `b`
    /// fits after it: `b` is appended and the result is `a`'s bytes and
    /// `b`'s together. Nothing else changes (a str is never modified, and
    /// `a` itself still ends where it did), so building a str with `+=`
    /// in a loop costs what Python's in-place append does, not a copy of
    /// the whole each time. `None` when `a` is not there.
    fn extend(&self, a: &str, b: &str) -> Option<NResult<&str>> {
        let mut chunks = self.chunks.borrow_mut();
        let chunk = chunks.last_mut()?;
        let end = chunk.as_ptr() as usize + chunk.len();
        if a.is_empty() || a.as_ptr() as usize + a.len() != end || chunk.capacity() - chunk.len() < b.len() {
            return None;
        }
        if let Err(e) = self.count(b.len()) {
            return Some(Err(e));
        }
        chunk.push_str(b);
        // SAFETY: `a` ends where the chunk's text ended, so (being one
        // valid str, inside one allocation) it lies within the chunk;
        // `b`'s bytes now follow it, within the capacity checked, so no
        // reallocation happened. Both are UTF-8, and so is their
        // concatenation; the bytes stay put until the arena is dropped.
        let joined = unsafe { std::slice::from_raw_parts(a.as_ptr(), a.len() + b.len()) };
        Some(Ok(unsafe { std::str::from_utf8_unchecked(joined) }))
    }

    /// `text` itself, kept whole (a large str is not copied). It goes in
    /// before the current chunk, which keeps its room.
    fn adopt(&self, text: String) -> NResult<&str> {
        self.count(text.len())?;
        let mut chunks = self.chunks.borrow_mut();
        let kept: *const str = text.as_str();
        let at = chunks.len().saturating_sub(1);
        chunks.insert(at, text);
        // SAFETY: as in `copy`; this chunk is full and never appended to
        // (only the last chunk is).
        Ok(unsafe { &*kept })
    }
}

/// `{v:spec}` of an int in an f-string (and `str(v)`), appended to
/// `out`; a spec Python rejects bails (the dynamic code raises).
pub fn fmt_int(out: &mut String, v: i64, spec: &str) -> NResult<()> {
    crate::format_spec::format_i64_into(out, v, spec).map_err(|_| Bail)
}

/// `{v:spec}` of a float.
pub fn fmt_float(out: &mut String, v: f64, spec: &str) -> NResult<()> {
    crate::format_spec::format_f64_into(out, v, spec).map_err(|_| Bail)
}

/// `{v:spec}` of a bool: its name, or as an int under a spec.
pub fn fmt_bool(out: &mut String, v: bool, spec: &str) -> NResult<()> {
    crate::format_spec::format_bool_into(out, v, spec).map_err(|_| Bail)
}

/// `{v:spec}` of a str or one character of one.
pub fn fmt_text<'t>(out: &mut String, v: &impl Piece<'t>, spec: &str) -> NResult<()> {
    crate::format_spec::format_str_into(out, v.text().0, spec).map_err(|_| Bail)
}

/// `fmt % args` with native arguments, by the runtime's printf: the
/// arguments become dynamic values for it (ints and floats are inline
/// ones). An error bails.
pub fn percent<'b>(fmt: Text<'_>, args: &[Value], arena: &'b Arena) -> NResult<Text<'b>> {
    let out = crate::fmt::percent_format_items(fmt.as_str(), args).map_err(|_| Bail)?;
    arena.built(out)
}

/// A str or one character of one as a `%` argument.
pub fn text_value<'t>(v: &impl Piece<'t>) -> Value {
    Value::Str(crate::str::PyStr::new(v.text().0))
}

/// Python whitespace among ASCII characters (what `char_is_space` says of
/// them); only ever asked of ASCII text.
#[inline]
fn byte_is_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | 0x1c..=0x20)
}

/// A str or one character of one, as an operand of `+`; `'t` is how long
/// the str it is, if any, lives.
pub trait Piece<'t> {
    fn text(&self) -> (&str, usize);

    /// The piece as a str living for `'t`, when it is one (a character
    /// encoded in place is not).
    fn whole(&self) -> Option<Text<'t>> {
        None
    }
}

impl<'t, 'a: 't> Piece<'t> for Text<'a> {
    fn text(&self) -> (&str, usize) {
        (self.as_str(), self.chars as usize)
    }

    fn whole(&self) -> Option<Text<'t>> {
        Some(*self)
    }
}

/// One character, encoded in place.
pub struct CharText([u8; 4], usize);

impl Piece<'_> for CharText {
    fn text(&self) -> (&str, usize) {
        (std::str::from_utf8(&self.0[..self.1]).unwrap_or_default(), 1)
    }
}

/// A character as a `+` operand.
pub fn char_text(c: char) -> CharText {
    let mut buf = [0u8; 4];
    let n = c.encode_utf8(&mut buf).len();
    CharText(buf, n)
}

/// `a + b` on strs: a new str, kept in `arena`.
pub fn concat<'b>(a: &impl Piece<'b>, b: &impl Piece<'b>, arena: &'b Arena) -> NResult<Text<'b>> {
    let ((x, xn), (y, yn)) = (a.text(), b.text());
    // As in CPython, `s + ""` and `"" + s` are `s`: nothing is copied.
    let other = if y.is_empty() {
        a.whole()
    } else if x.is_empty() {
        b.whole()
    } else {
        None
    };
    if let Some(same) = other {
        return Ok(same);
    }
    let text = match arena.extend(x, y) {
        Some(r) => r?,
        None => arena.copy(&[x, y])?,
    };
    Ok(Text::new(text, xn + yn))
}

/// A dict in native code: keys are ints or strs, values scalars, and
/// iteration order is insertion order, as in Python.
pub struct Map<K, V> {
    entries: Vec<(K, V)>,
    index: hashbrown::HashMap<K, usize>,
}

impl<K: Copy + Eq + std::hash::Hash, V: Copy> Default for Map<K, V> {
    fn default() -> Self {
        Map { entries: Vec::new(), index: hashbrown::HashMap::new() }
    }
}

impl<K: Copy + Eq + std::hash::Hash, V: Copy> Map<K, V> {
    pub fn new() -> Self {
        Self::default()
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// `d.get(k)`.
    #[inline]
    pub fn get(&self, k: K) -> Option<V> {
        self.index.get(&k).map(|&i| self.entries[i].1)
    }

    /// `d[k]`: a missing key bails (Python raises KeyError).
    #[inline]
    pub fn item(&self, k: K) -> NResult<V> {
        self.get(k).ok_or(Bail)
    }

    /// The `i`th entry in insertion order (a loop over the dict).
    #[inline]
    pub fn entry_at(&self, i: usize) -> (K, V) {
        self.entries[i]
    }

    /// `k in d`.
    #[inline]
    pub fn contains_key(&self, k: K) -> bool {
        self.index.contains_key(&k)
    }

    /// `d[k] = v`: a new key goes last, an old one keeps its place.
    #[inline]
    pub fn insert(&mut self, k: K, v: V) {
        match self.index.entry(k) {
            hashbrown::hash_map::Entry::Occupied(e) => self.entries[*e.get()].1 = v,
            hashbrown::hash_map::Entry::Vacant(e) => {
                e.insert(self.entries.len());
                self.entries.push((k, v));
            }
        }
    }

    /// The value of `d[k]` to update in place (`d[k] += v`); a missing
    /// key bails.
    #[inline]
    pub fn slot(&mut self, k: K) -> NResult<&mut V> {
        let i = *self.index.get(&k).ok_or(Bail)?;
        Ok(&mut self.entries[i].1)
    }
}

/// The dict as a Python dict, made once, when the function returns it.
impl<K: Copy + Eq + std::hash::Hash + ToValue, V: Copy + ToValue> ToValue for Map<K, V> {
    fn to_value(self) -> Value {
        let d = crate::dict::Dict::with_capacity(self.entries.len());
        for (k, v) in self.entries {
            // Int and str keys never run Python code, so this cannot fail.
            let _ = d.set(k.to_value(), v.to_value());
        }
        Value::Dict(std::rc::Rc::new(d))
    }
}

/// A native function's returned str: the very object it was called with
/// when it returns that text unchanged (`return s`, `s.strip()` with
/// nothing to strip, `s[:]`), as CPython returns the object itself there;
/// else a new str.
pub fn text_return(t: Text<'_>, origins: &[&Value]) -> Value {
    for v in origins {
        if let Value::Str(s) = v
            && s.as_str().as_ptr() == t.as_str().as_ptr()
            && s.as_str().len() == t.as_str().len()
        {
            return (*v).clone();
        }
    }
    t.to_value()
}

impl ToValue for Text<'_> {
    fn to_value(self) -> Value {
        Value::Str(crate::str::PyStr::new(self.as_str()))
    }
}

/// Compares one character with a str as Python compares two strs (by code
/// point, which is UTF-8 byte order).
#[inline]
pub fn cmp_char_str(c: char, s: &str) -> std::cmp::Ordering {
    let mut buf = [0u8; 4];
    (*c.encode_utf8(&mut buf)).cmp(s)
}

/// The text of a dynamic str, borrowed for a native call.
pub fn str_arg(v: &Value) -> Option<Text<'_>> {
    match v {
        Value::Str(s) if s.as_str().len() <= u32::MAX as usize => Some(Text::of(s)),
        _ => None,
    }
}

/// The items of a dynamic list, borrowed for a native call.
pub fn list_items(v: &Value) -> Option<std::cell::Ref<'_, Vec<Value>>> {
    match v {
        Value::List(l) => Some(List::borrow(l)),
        _ => None,
    }
}

/// A native value as the runtime's dynamic object.
pub trait ToValue {
    fn to_value(self) -> Value;
}

impl ToValue for i64 {
    fn to_value(self) -> Value {
        Value::Int(self)
    }
}

impl ToValue for f64 {
    fn to_value(self) -> Value {
        Value::Float(self)
    }
}

impl ToValue for bool {
    fn to_value(self) -> Value {
        Value::Bool(self)
    }
}

/// What a native method returns when Python's returns None.
impl ToValue for () {
    fn to_value(self) -> Value {
        Value::None
    }
}

/// A value made dynamic inside the native function (a dict it built).
impl ToValue for Value {
    fn to_value(self) -> Value {
        self
    }
}

/// A native local that may hold `None` (`prev = None`, then an int).
impl<T: ToValue> ToValue for Option<T> {
    fn to_value(self) -> Value {
        match self {
            Some(v) => v.to_value(),
            None => Value::None,
        }
    }
}

impl<T: ToValue> ToValue for Vec<T> {
    fn to_value(self) -> Value {
        Value::list(self.into_iter().map(ToValue::to_value).collect())
    }
}

macro_rules! tuple_to_value {
    ($($t:ident $i:tt),+) => {
        impl<$($t: ToValue),+> ToValue for ($($t,)+) {
            fn to_value(self) -> Value {
                Value::tuple_of([$(self.$i.to_value()),+])
            }
        }
    };
}
tuple_to_value!(A 0, B 1);
tuple_to_value!(A 0, B 1, C 2);
tuple_to_value!(A 0, B 1, C 2, D 3);

/// A dynamic value of exactly the native type (a `bool` is not an `int`
/// here: `True + 1` must stay dynamic to print like CPython), else `None`.
pub trait FromValue: Sized {
    fn from_value(v: &Value) -> Option<Self>;
}

impl FromValue for i64 {
    #[inline]
    fn from_value(v: &Value) -> Option<i64> {
        if let Value::Int(i) = v { Some(*i) } else { None }
    }
}

impl FromValue for f64 {
    #[inline]
    fn from_value(v: &Value) -> Option<f64> {
        if let Value::Float(f) = v { Some(*f) } else { None }
    }
}

impl FromValue for bool {
    #[inline]
    fn from_value(v: &Value) -> Option<bool> {
        if let Value::Bool(b) = v { Some(*b) } else { None }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_division_floors_like_python() {
        assert_eq!(floordiv(-7, 2), Ok(-4));
        assert_eq!(floordiv(7, -2), Ok(-4));
        assert_eq!(rem(-7, 2), Ok(1));
        assert_eq!(rem(7, -2), Ok(-1));
        assert_eq!(rem(i64::MIN, -1), Ok(0));
        assert_eq!(floordiv(i64::MIN, -1), Err(Bail));
        assert_eq!(floordiv(1, 0), Err(Bail));
    }

    #[test]
    fn overflow_bails() {
        assert_eq!(add(i64::MAX, 1), Err(Bail));
        assert_eq!(mul(1 << 32, 1 << 31), Err(Bail));
        assert_eq!(pow(2, 62), Ok(1 << 62));
        assert_eq!(pow(2, 63), Err(Bail));
        assert_eq!(pow(2, -1), Err(Bail));
        assert_eq!(shl(1, 62), Ok(1 << 62));
        assert_eq!(shl(1, 63), Err(Bail));
        assert_eq!(shl(-1, 63), Ok(i64::MIN));
        assert_eq!(shr(-5, 100), Ok(-1));
    }

    #[test]
    fn int_float_comparison_is_exact() {
        use std::cmp::Ordering::*;
        let big = (1i64 << 53) + 1;
        // (2**53 + 1) as f64 rounds to 2**53, but Python says it is greater.
        assert_eq!(cmp_int_float(big, (1u64 << 53) as f64), Some(Greater));
        assert_eq!(cmp_int_float(i64::MAX, 9_223_372_036_854_775_808.0), Some(Less));
        assert_eq!(cmp_int_float(3, 3.5), Some(Less));
        assert_eq!(cmp_int_float(3, f64::NAN), None);
    }

    #[test]
    fn float_sum_compensates_and_bails_when_empty() {
        let mut s = FloatSum::default();
        for x in [0.1; 10] {
            s.add(x);
        }
        assert_eq!(s.finish(), Ok(1.0));
        assert_eq!(FloatSum::default().finish(), Err(Bail));
    }

    #[test]
    fn split_and_strip_use_python_whitespace_on_either_path() {
        let text = |s: &'static str| Text::new(s, s.chars().count());
        let words = |s: &'static str| text(s).split().map(|t| (t.as_str(), t.chars)).collect::<Vec<_>>();
        // ASCII: \x1c-\x1f and \x0b are whitespace to Python, \x7f is not.
        assert_eq!(words(" a\x1cb\x0bc\x7fd \t\n"), vec![("a", 1), ("b", 1), ("c\x7fd", 3)]);
        assert_eq!(words("é\u{a0}x\u{2003}ÿ z"), vec![("é", 1), ("x", 1), ("ÿ", 1), ("z", 1)]);
        assert_eq!(words(" \x1f "), vec![]);
        assert_eq!(text("\x1dab\x0c").strip().as_str(), "ab");
        assert_eq!(text("ab").strip().as_str(), "ab");
        assert_eq!(text("\u{85}é\u{a0}").strip().as_str(), "é");
        assert_eq!(text("\x1c").strip().as_str(), "");
    }

    #[test]
    fn adding_an_empty_str_copies_nothing() {
        let arena = Arena::default();
        let word = Text::new("word", 4);
        for joined in [concat(&word, &Text::EMPTY, &arena), concat(&Text::EMPTY, &word, &arena)] {
            assert!(std::ptr::eq(joined.unwrap().as_str(), word.as_str()));
        }
        assert_eq!(concat(&word, &char_text('s'), &arena).unwrap().as_str(), "words");
        assert_eq!(concat(&Text::EMPTY, &char_text('é'), &arena).unwrap().chars, 1);
    }

    #[test]
    fn ranges_match_python() {
        assert_eq!(range(0, 5, 2).unwrap().collect::<Vec<_>>(), vec![0, 2, 4]);
        assert_eq!(range(5, 0, -2).unwrap().collect::<Vec<_>>(), vec![5, 3, 1]);
        assert_eq!(range(i64::MAX - 1, i64::MAX, 5).unwrap().collect::<Vec<_>>(), vec![i64::MAX - 1]);
        assert!(range(0, 1, 0).is_err());
        assert_eq!(index(-1, 3), Ok(2));
        assert_eq!(index(3, 3), Err(Bail));
    }

    #[test]
    fn text_counts_and_indexes_code_points() {
        let s = crate::str::PyStr::from("añb");
        let t = Text::of(&s);
        assert_eq!(t.len(), 3);
        assert_eq!(t.at(1), Ok('ñ'));
        assert_eq!(t.at(-1), Ok('b'));
        assert_eq!(t.at(3), Err(Bail));
        assert_eq!(Text::lit("x", 1).ord(), Ok(120));
        assert_eq!(t.ord(), Err(Bail));
        assert!(Text::lit("", 0).ord().is_err());
        assert!(t.contains_char('ñ') && t.contains(Text::lit("ñb", 2)));
        assert!(!Text::lit("", 0).all(char::is_numeric));
        assert_eq!(cmp_char_str('b', "ab"), std::cmp::Ordering::Greater);
        assert_eq!(cmp_char_str('a', "ab"), std::cmp::Ordering::Less);
    }

    #[test]
    fn a_text_is_two_words() {
        assert_eq!(std::mem::size_of::<Text>(), 16);
    }

    #[test]
    fn maps_keep_insertion_order_and_bail_on_missing_keys() {
        let mut m: Map<i64, i64> = Map::new();
        m.insert(3, 30);
        m.insert(1, 10);
        m.insert(3, 31);
        assert_eq!((m.len(), m.get(3), m.get(2)), (2, Some(31), None));
        assert_eq!(m.item(2), Err(Bail));
        *m.slot(1).unwrap() += 5;
        assert!(m.slot(9).is_err() && m.contains_key(1) && !m.contains_key(9));
        let Value::Dict(d) = m.to_value() else { panic!("not a dict") };
        let keys: Vec<i64> = d.keys().iter().filter_map(i64::from_value).collect();
        assert_eq!(keys, vec![3, 1]);
        assert!(matches!(d.get(&Value::Int(1)), Ok(Some(Value::Int(15)))));
    }

    #[test]
    fn text_pieces_split_strip_and_change_case_like_python() {
        let s = crate::str::PyStr::from(" Ab\u{2003}cd\u{a0}ÉX \t");
        let words: Vec<(String, usize)> = Text::of(&s).split().map(|w| (w.as_str().to_string(), w.len())).collect();
        assert_eq!(words, [("Ab".to_string(), 2), ("cd".to_string(), 2), ("ÉX".to_string(), 2)]);
        assert_eq!(Text::of(&s).strip().len(), 8);
        assert_eq!(Text::lit(" a ", 3).lstrip().as_str(), "a ");
        assert_eq!(Text::lit(" a ", 3).rstrip().as_str(), " a");
        let arena = Arena::default();
        let same = Text::lit("abc", 3);
        // Unchanged text is the same text, not a copy.
        assert!(std::ptr::eq(same.lower(&arena).unwrap().as_str(), same.as_str()));
        assert_eq!(
            Text::lit("Straße", 6).upper(&arena).map(|t| (t.as_str().to_string(), t.len())),
            Ok(("STRASSE".to_string(), 7))
        );
        assert_eq!(Text::lit("İ", 1).lower(&arena).map(|t| t.len()), Ok(2));
    }

    #[test]
    fn arena_texts_stay_put_as_chunks_fill() {
        let arena = Arena::default();
        let built: Vec<Text> = (0..20_000)
            .map(|i| concat(&Text::lit("k", 1), &char_text(char::from(b'a' + (i % 26) as u8)), &arena).unwrap())
            .collect();
        let big = arena.text("é".repeat(300_000), 300_000).unwrap();
        let after = concat(&big, &Text::lit("!", 1), &arena).unwrap();
        assert!(built.iter().enumerate().all(|(i, t)| t.as_str().as_bytes() == [b'k', b'a' + (i % 26) as u8]));
        assert_eq!((big.len(), after.len(), after.as_str().len()), (300_000, 300_001, 600_001));
    }

    #[test]
    fn appending_to_the_last_str_extends_it_in_place() {
        let arena = Arena::default();
        let mut s = Text::lit("", 0);
        let mut snapshots = Vec::new();
        for i in 0..100_000 {
            s = concat(&s, &Text::lit("ab", 2), &arena).unwrap();
            if i % 10_000 == 0 {
                snapshots.push(s);
            }
        }
        assert_eq!((s.len(), s.as_str().len()), (200_000, 200_000));
        // Earlier values are prefixes, unchanged by the appends after them.
        assert!(snapshots.iter().enumerate().all(|(k, t)| t.as_str() == "ab".repeat(k * 10_000 + 1)));
        // Growing in place copies geometrically, not quadratically.
        assert!(arena.bytes.get() < 4 * 200_000, "{}", arena.bytes.get());
        // Something kept after it: the next append copies instead.
        let other = concat(&Text::lit("x", 1), &Text::lit("y", 1), &arena).unwrap();
        let s2 = concat(&s, &char_text('é'), &arena).unwrap();
        assert_eq!((other.as_str(), s2.len(), &s2.as_str()[..4]), ("xy", 200_001, "abab"));
    }

    #[test]
    fn the_arena_bails_past_its_limit() {
        let arena = Arena::default();
        let word = "X".repeat(1 << 20);
        let text = Text::new(&word, word.len());
        let kept: Vec<NResult<Text>> = (0..70).map(|_| text.lower(&arena)).collect();
        assert!(kept[..60].iter().all(Result::is_ok));
        assert_eq!(kept[69].map(|t| t.len()), Err(Bail));
    }

    #[test]
    fn list_get_and_slot_count_from_the_end() {
        let mut xs = vec![1, 2, 3];
        assert_eq!(get(&xs, -1), Ok(3));
        assert_eq!(get(&xs, -4), Err(Bail));
        assert_eq!(get(&xs, 3), Err(Bail));
        *slot(&mut xs, -3).unwrap() = 7;
        assert_eq!(xs, vec![7, 2, 3]);
        assert!(slot(&mut xs, i64::MIN).is_err());
    }
}
