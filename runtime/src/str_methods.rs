//! Python `str` semantics over Rust `&str`: the methods of CPython 3.12's
//! `str`, `repr()` and `ascii()` of a string, and code-point indexing.
//!
//! Everything here is pure: functions take `&str` and return owned values.
//! Indices are Python code-point indices (`i64`, negative ones count from the
//! end) and are clamped exactly as CPython clamps them. Errors are
//! `(exception type name, CPython's message)`, e.g.
//! `("ValueError", "empty separator")`.
//!
//! Character properties (`isalpha`, `isprintable`, ...) and case mappings come
//! from tables that `scripts/gen-str-tables.py` generates from CPython 3.12
//! (Unicode 15.0) into `unicode_tables.rs`. Rust's own `char` methods follow
//! the toolchain's Unicode version (17 for rustc 1.95) and some of them mean
//! something else (`char::is_alphabetic` includes marks, `is_whitespace`
//! excludes `\x1c`..`\x1f`), so they are not used for anything but ASCII.
//!
//! Strings are UTF-8, so a code-point index costs a scan; ASCII strings take
//! byte-indexed fast paths where that pays.

use std::fmt::Write as _;

/// A Python exception: the type name and the message `str(exc)` shows.
pub type PyErr = (&'static str, String);
/// The result of an operation that can raise.
pub type PyResult<T> = Result<T, PyErr>;

/// The generated tables (see the module doc). Kept in a file of their own
/// because they are large and machine-written.
mod tables {
    include!("unicode_tables.rs");
}

use tables::{
    ALPHA, CASE_IGNORABLE, CASED, DECIMAL, DIGIT, LOWER, NUMERIC, PRINTABLE, TITLE, UPPER, XID_CONTINUE, XID_START,
};

fn value_error(msg: &str) -> PyErr {
    ("ValueError", msg.to_owned())
}

fn empty_separator() -> PyErr {
    value_error("empty separator")
}

/// CPython raises `MemoryError()` (empty message) when a result cannot be
/// allocated; `try_reserve` lets us do the same instead of aborting.
fn memory_error() -> PyErr {
    ("MemoryError", String::new())
}

/// Strs past this many bytes are a MemoryError, as `str * n` has it: the
/// allocator (mimalloc maps memory without reserving it) would grant
/// far more than the machine has, where CPython's malloc refuses.
pub(crate) const MAX_STR_BYTES: usize = 1 << 34;

pub(crate) fn string_with_capacity(bytes: usize) -> PyResult<String> {
    if bytes > MAX_STR_BYTES {
        return Err(memory_error());
    }
    let mut out = String::new();
    out.try_reserve_exact(bytes).map_err(|_| memory_error())?;
    Ok(out)
}

/// Lengths and indices in `i64`, Python's `Py_ssize_t`.
fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// An index already known to be in `0..=len`.
fn to_usize(i: i64) -> usize {
    usize::try_from(i).unwrap_or(0)
}

// ------------------------------------------------------------ character level

/// The property flags of one code point (bits from `tables`).
fn props(c: char) -> u16 {
    let cp = c as u32;
    if let Some(&flags) = tables::ASCII_PROPS.get(cp as usize) {
        return flags;
    }
    props_range(cp).map_or(0, |(_, flags)| flags)
}

/// The `PROPS` entry covering `cp`: `(first code point of the range, flags)`.
fn props_range(cp: u32) -> Option<(u32, u16)> {
    let i = tables::PROPS.partition_point(|&(first, _)| first <= cp);
    // PROPS starts at 0, so `i >= 1`; the checks keep this panic-free regardless.
    tables::PROPS.get(i.checked_sub(1)?).copied()
}

fn has(c: char, flag: u16) -> bool {
    props(c) & flag != 0
}

/// `str.isspace` for one character: the characters `str.split()` and
/// `str.strip()` treat as whitespace (Unicode 15.0; the tests check every
/// code point against CPython).
pub fn char_is_space(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | '\x1c'..='\x20'
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// The line boundaries of `str.splitlines`.
pub fn char_is_linebreak(c: char) -> bool {
    matches!(c, '\n'..='\r' | '\x1c'..='\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// `str.isprintable` for one character; decides what `repr` escapes.
pub fn char_is_printable(c: char) -> bool {
    has(c, PRINTABLE)
}

/// `str.isalpha` for one character (categories Lu, Ll, Lt, Lm, Lo).
pub fn char_is_alpha(c: char) -> bool {
    has(c, ALPHA)
}

/// `str.isdecimal` for one character (category Nd).
pub fn char_is_decimal(c: char) -> bool {
    has(c, DECIMAL)
}

/// `str.isdigit` for one character.
pub fn char_is_digit(c: char) -> bool {
    has(c, DIGIT)
}

/// `str.isnumeric` for one character.
pub fn char_is_numeric(c: char) -> bool {
    has(c, NUMERIC)
}

/// `str.isalnum` for one character: alpha, decimal, digit or numeric.
pub fn char_is_alnum(c: char) -> bool {
    has(c, ALPHA | DECIMAL | DIGIT | NUMERIC)
}

/// The value of a decimal digit (`unicodedata.decimal`), as `int()` and
/// `float()` read non-ASCII digits; `None` for anything else.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii() {
        return c.to_digit(10);
    }
    let cp = c as u32;
    let (first, flags) = props_range(cp)?;
    // The generator checks that every DECIMAL range is whole runs of 0..=9.
    (flags & DECIMAL != 0).then(|| (cp - first) % 10)
}

/// A case mapping: single-code-point results as runs, longer ones listed.
struct CaseTable {
    runs: &'static [(u32, u32, u32, i32)],
    multi: &'static [(u32, &'static str)],
}

static UPPER_MAP: CaseTable = CaseTable { runs: &tables::UPPER_RUNS, multi: &tables::UPPER_MULTI };
static LOWER_MAP: CaseTable = CaseTable { runs: &tables::LOWER_RUNS, multi: &tables::LOWER_MULTI };
static TITLE_MAP: CaseTable = CaseTable { runs: &tables::TITLE_RUNS, multi: &tables::TITLE_MULTI };
static FOLD_MAP: CaseTable = CaseTable { runs: &tables::FOLD_RUNS, multi: &tables::FOLD_MULTI };

/// The single-code-point mapping of `cp`, if a run covers it.
fn run_lookup(runs: &[(u32, u32, u32, i32)], cp: u32) -> Option<char> {
    let i = runs.partition_point(|&(first, ..)| first <= cp);
    let &(first, last, stride, delta) = runs.get(i.checked_sub(1)?)?;
    if cp > last || (cp - first).checked_rem(stride) != Some(0) {
        return None;
    }
    cp.checked_add_signed(delta).and_then(char::from_u32)
}

/// Appends the full mapping of `c` (one to three code points).
fn push_mapped(out: &mut String, c: char, table: &CaseTable) {
    let cp = c as u32;
    if let Some(mapped) = run_lookup(table.runs, cp) {
        out.push(mapped);
    } else if let Ok(i) = table.multi.binary_search_by_key(&cp, |&(k, _)| k) {
        out.push_str(table.multi.get(i).map_or("", |&(_, m)| m));
    } else {
        out.push(c);
    }
}

/// Whether the first character of `chars` that is not case-ignorable is
/// cased: the test on both sides of a capital sigma.
fn next_is_cased(mut chars: impl Iterator<Item = char>) -> bool {
    chars.find(|&c| !has(c, CASE_IGNORABLE)).is_some_and(|c| has(c, CASED))
}

/// Lowercase of the capital sigma at byte `i` of `s`: 'ς' at the end of a
/// word (cased letter before it, none after it, skipping case-ignorable
/// characters, as CPython's `handle_capital_sigma`), 'σ' elsewhere.
fn lower_sigma(s: &str, i: usize) -> char {
    let before = s.get(..i).unwrap_or("");
    let after = s.get(i + 'Σ'.len_utf8()..).unwrap_or("");
    if next_is_cased(before.chars().rev()) && !next_is_cased(after.chars()) { 'ς' } else { 'σ' }
}

/// Appends the lowercase of `c`, found at byte `i` of `s` (the context
/// matters for the capital sigma only).
fn push_lower_at(out: &mut String, s: &str, i: usize, c: char) {
    if c == 'Σ' {
        out.push(lower_sigma(s, i));
    } else {
        push_mapped(out, c, &LOWER_MAP);
    }
}

// --------------------------------------------------------------- case mapping

fn map_each(s: &str, table: &CaseTable) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_mapped(&mut out, c, table);
    }
    out
}

/// `str.upper()`: full mappings, so 'ß' becomes "SS" and 'ﬁ' "FI".
pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    map_each(s, &UPPER_MAP)
}

/// `str.lower()`, with the final-sigma rule.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        push_lower_at(&mut out, s, i, c);
    }
    out
}

/// `str.casefold()`: full case folding (no final-sigma rule: 'ς' folds to 'σ').
pub fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    map_each(s, &FOLD_MAP)
}

/// `str.swapcase()`: uppercase characters lowered (final-sigma rule
/// included), lowercase ones uppered, titlecase ones kept.
pub fn swapcase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        let flags = props(c);
        if flags & UPPER != 0 {
            push_lower_at(&mut out, s, i, c);
        } else if flags & LOWER != 0 {
            push_mapped(&mut out, c, &UPPER_MAP);
        } else {
            out.push(c);
        }
    }
    out
}

/// `str.title()`: a character following a cased one is lowered, any other
/// is titlecased (so "they're" becomes "They'Re", as in CPython).
pub fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut previous_is_cased = false;
    for (i, c) in s.char_indices() {
        if previous_is_cased {
            push_lower_at(&mut out, s, i, c);
        } else {
            push_mapped(&mut out, c, &TITLE_MAP);
        }
        previous_is_cased = has(c, CASED);
    }
    out
}

/// `str.capitalize()`: since Python 3.8 the first character is titlecased
/// (not uppercased: 'ǆ' becomes 'ǅ'), the rest lowered.
pub fn capitalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if i == 0 {
            push_mapped(&mut out, c, &TITLE_MAP);
        } else {
            push_lower_at(&mut out, s, i, c);
        }
    }
    out
}

// ----------------------------------------------------------------- predicates

fn all_nonempty(s: &str, pred: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(pred)
}

/// `str.isdigit()`.
pub fn isdigit(s: &str) -> bool {
    all_nonempty(s, char_is_digit)
}

/// `str.isdecimal()`.
pub fn isdecimal(s: &str) -> bool {
    all_nonempty(s, char_is_decimal)
}

/// `str.isnumeric()`.
pub fn isnumeric(s: &str) -> bool {
    all_nonempty(s, char_is_numeric)
}

/// `str.isalpha()`.
pub fn isalpha(s: &str) -> bool {
    all_nonempty(s, char_is_alpha)
}

/// `str.isalnum()`.
pub fn isalnum(s: &str) -> bool {
    all_nonempty(s, char_is_alnum)
}

/// `str.isspace()`.
pub fn isspace(s: &str) -> bool {
    all_nonempty(s, char_is_space)
}

/// `str.isupper()`: no lowercase or titlecase character, at least one uppercase.
pub fn isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        let flags = props(c);
        if flags & (LOWER | TITLE) != 0 {
            return false;
        }
        cased |= flags & UPPER != 0;
    }
    cased
}

/// `str.islower()`: no uppercase or titlecase character, at least one lowercase.
pub fn islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        let flags = props(c);
        if flags & (UPPER | TITLE) != 0 {
            return false;
        }
        cased |= flags & LOWER != 0;
    }
    cased
}

/// `str.istitle()`: uppercase/titlecase characters only at the start of a
/// cased run, lowercase ones only inside one, and at least one cased.
pub fn istitle(s: &str) -> bool {
    let mut cased = false;
    let mut previous_is_cased = false;
    for c in s.chars() {
        let flags = props(c);
        if flags & (UPPER | TITLE) != 0 {
            if previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else if flags & LOWER != 0 {
            if !previous_is_cased {
                return false;
            }
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    cased
}

/// `str.isidentifier()`: XID_Start or '_' first, XID_Continue after (no
/// NFKC normalisation, as in CPython).
pub fn isidentifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c == '_' || has(c, XID_START)) && chars.all(|c| has(c, XID_CONTINUE))
}

/// `str.isprintable()` (true for "").
pub fn isprintable(s: &str) -> bool {
    s.chars().all(char_is_printable)
}

/// `str.isascii()` (true for "").
pub fn isascii(s: &str) -> bool {
    s.is_ascii()
}

// ------------------------------------------------------------ code points

/// `len(s)`: the number of code points.
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// The byte offset of code point `cp` of `s` (`s.len()` past the end).
fn byte_offset(s: &str, cp: usize) -> usize {
    let bytes = s.as_bytes();
    // An all-ASCII prefix is indexed directly.
    if bytes.get(..cp).is_some_and(<[u8]>::is_ascii) {
        return cp;
    }
    s.char_indices().nth(cp).map_or(s.len(), |(b, _)| b)
}

/// `s[i]` for one code point, `None` when out of range (the caller raises
/// `IndexError("string index out of range")`). Costs O(|i|): a caller that
/// indexes a long string in a loop should cache ASCII-ness.
pub fn char_at(s: &str, i: i64) -> Option<char> {
    let bytes = s.as_bytes();
    if i >= 0 {
        let k = usize::try_from(i).ok()?;
        match bytes.get(..=k) {
            Some(prefix) if prefix.is_ascii() => prefix.last().map(|&b| char::from(b)),
            _ => s.chars().nth(k),
        }
    } else {
        // Counted from the end: -1 is the last code point.
        let k = usize::try_from(-(i + 1)).ok()?;
        let suffix = k.checked_add(1).and_then(|n| bytes.len().checked_sub(n)).and_then(|at| bytes.get(at..));
        match suffix {
            Some(suffix) if suffix.is_ascii() => suffix.first().map(|&b| char::from(b)),
            _ => s.chars().rev().nth(k),
        }
    }
}

/// `PySlice_AdjustIndices` after `PySlice_Unpack`: `(start, stop, length)`.
fn slice_indices(start: Option<i64>, stop: Option<i64>, step: i64, len: i64) -> (i64, i64, i64) {
    let backward = step < 0;
    let clamp = |v: i64| {
        if v < 0 {
            let v = v + len;
            if v < 0 { if backward { -1 } else { 0 } } else { v }
        } else if v >= len {
            if backward { len - 1 } else { len }
        } else {
            v
        }
    };
    let start = start.map_or(if backward { len - 1 } else { 0 }, clamp);
    let stop = stop.map_or(if backward { -1 } else { len }, clamp);
    let count = if backward {
        if stop < start { (start - stop - 1) / -step + 1 } else { 0 }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    (start, stop, count)
}

/// `s[start:stop:step]` with Python's slice rules. A zero step is the
/// caller's `ValueError("slice step cannot be zero")`; here it yields "".
pub fn slice(s: &str, start: Option<i64>, stop: Option<i64>, step: i64) -> String {
    if step == 0 {
        return String::new();
    }
    // PySlice_Unpack keeps -step representable.
    let step = step.max(-i64::MAX);
    let ascii = s.is_ascii();
    let len = if ascii { to_i64(s.len()) } else { to_i64(char_len(s)) };
    let (start, stop, count) = slice_indices(start, stop, step, len);
    if count == 0 {
        return String::new();
    }
    if step == 1 {
        let from = byte_offset(s, to_usize(start));
        let to = from + byte_offset(&s[from..], to_usize(stop - start));
        return s[from..to].to_owned();
    }
    let stride = usize::try_from(step.unsigned_abs()).unwrap_or(usize::MAX);
    let take = to_usize(count);
    match (ascii, step > 0) {
        (true, true) => s.bytes().skip(to_usize(start)).step_by(stride).take(take).map(char::from).collect(),
        (true, false) => {
            s.bytes().rev().skip(to_usize(len - 1 - start)).step_by(stride).take(take).map(char::from).collect()
        }
        (false, true) => s.chars().skip(to_usize(start)).step_by(stride).take(take).collect(),
        (false, false) => s.chars().rev().skip(to_usize(len - 1 - start)).step_by(stride).take(take).collect(),
    }
}

/// `s * n`: empty for `n <= 0`.
pub fn str_mul(s: &str, n: i64) -> PyResult<String> {
    if n <= 0 || s.is_empty() {
        return Ok(String::new());
    }
    if to_i64(char_len(s)) > i64::MAX / n {
        return Err(("OverflowError", "repeated string is too long".into()));
    }
    let total = usize::try_from(n).ok().and_then(|n| s.len().checked_mul(n)).ok_or_else(memory_error)?;
    let mut out = string_with_capacity(total)?;
    out.push_str(s);
    // Doubling copies: O(log n) memcpy calls. Both lengths are multiples of
    // `s.len()`, so the copied range ends on a character boundary.
    while out.len() < total {
        let chunk = out.len().min(total - out.len());
        out.extend_from_within(..chunk);
    }
    Ok(out)
}

// ------------------------------------------------------------- repr / ascii

/// `repr(s)`: single quotes unless `s` has a single quote and no double
/// quote; `\\`, the quote, `\t`, `\n`, `\r` escaped; other control
/// characters and non-printable ones as `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
pub fn str_repr(s: &str) -> String {
    repr_with(s, false)
}

/// `ascii(s)`: `repr(s)` with every non-ASCII character escaped too.
pub fn ascii_repr(s: &str) -> String {
    repr_with(s, true)
}

fn repr_with(s: &str, ascii_only: bool) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        push_repr_char(&mut out, c, quote, ascii_only);
    }
    out.push(quote);
    out
}

fn push_repr_char(out: &mut String, c: char, quote: char, ascii_only: bool) {
    match c {
        '\\' => out.push_str("\\\\"),
        '\t' => out.push_str("\\t"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        _ if c == quote => {
            out.push('\\');
            out.push(c);
        }
        ' '..='~' => out.push(c),
        _ if !c.is_ascii() && !ascii_only && char_is_printable(c) => out.push(c),
        _ => push_hex_escape(out, c),
    }
}

fn push_hex_escape(out: &mut String, c: char) {
    let cp = c as u32;
    // Writing to a String cannot fail.
    let _ = if cp <= 0xff {
        write!(out, "\\x{cp:02x}")
    } else if cp <= 0xffff {
        write!(out, "\\u{cp:04x}")
    } else {
        write!(out, "\\U{cp:08x}")
    };
}

// --------------------------------------------------------- search and count

/// CPython's `ADJUST_INDICES`: `end` clamped to `0..=len`, `start` made
/// non-negative (but not clamped to `len`).
fn adjust_indices(start: Option<i64>, end: Option<i64>, len: i64) -> (i64, i64) {
    let end = match end {
        None => len,
        Some(e) if e > len => len,
        Some(e) if e < 0 => (e + len).max(0),
        Some(e) => e,
    };
    let start = match start {
        None => 0,
        Some(b) if b < 0 => (b + len).max(0),
        Some(b) => b,
    };
    (start, end)
}

/// The part of `s` that `s.find(sub, start, end)` and friends search, with
/// the code-point index it starts at; `None` when `sub` cannot fit in it.
fn search_window<'a>(s: &'a str, sub: &str, start: Option<i64>, end: Option<i64>) -> Option<(&'a str, i64)> {
    let (start, end) = adjust_indices(start, end, to_i64(char_len(s)));
    if end - start < to_i64(char_len(sub)) {
        return None;
    }
    let from = byte_offset(s, to_usize(start));
    let rest = s.get(from..)?;
    let to = from + byte_offset(rest, to_usize(end - start));
    Some((s.get(from..to)?, start))
}

/// `str.find`: the code-point index of the first `sub` in `s[start:end]`, or -1.
pub fn find(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let Some((window, base)) = search_window(s, sub, start, end) else {
        return -1;
    };
    window.find(sub).map_or(-1, |at| base + to_i64(char_len(&window[..at])))
}

/// `str.rfind`: the code-point index of the last `sub` in `s[start:end]`, or -1.
pub fn rfind(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let Some((window, base)) = search_window(s, sub, start, end) else {
        return -1;
    };
    window.rfind(sub).map_or(-1, |at| base + to_i64(char_len(&window[..at])))
}

/// `str.index`: `find`, raising `ValueError` when absent.
pub fn index(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> PyResult<i64> {
    match find(s, sub, start, end) {
        -1 => Err(value_error("substring not found")),
        i => Ok(i),
    }
}

/// `str.rindex`: `rfind`, raising `ValueError` when absent.
pub fn rindex(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> PyResult<i64> {
    match rfind(s, sub, start, end) {
        -1 => Err(value_error("substring not found")),
        i => Ok(i),
    }
}

/// `str.count`: non-overlapping occurrences in `s[start:end]`; "" occurs
/// between every two code points and at both ends.
pub fn count(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let Some((window, _)) = search_window(s, sub, start, end) else {
        return 0;
    };
    if sub.is_empty() {
        return to_i64(char_len(window)) + 1;
    }
    to_i64(window.matches(sub).count())
}

/// `str.startswith` with one prefix (a tuple is `any` over its items).
pub fn startswith(s: &str, prefix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    search_window(s, prefix, start, end).is_some_and(|(window, _)| window.starts_with(prefix))
}

/// `str.endswith` with one suffix (a tuple is `any` over its items).
pub fn endswith(s: &str, suffix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    search_window(s, suffix, start, end).is_some_and(|(window, _)| window.ends_with(suffix))
}

// ------------------------------------------------------------------ split

/// `maxsplit` as a piece limit for `splitn`; `None` for "no limit" (< 0).
fn piece_limit(maxsplit: i64) -> Option<usize> {
    (maxsplit >= 0).then(|| usize::try_from(maxsplit).unwrap_or(usize::MAX).saturating_add(1))
}

fn owned<'a>(pieces: impl Iterator<Item = &'a str>) -> Vec<String> {
    pieces.map(str::to_owned).collect()
}

/// `str.split(sep, maxsplit)`; `maxsplit < 0` means no limit.
pub fn split(s: &str, sep: Option<&str>, maxsplit: i64) -> PyResult<Vec<String>> {
    match sep {
        None => Ok(split_whitespace(s, maxsplit)),
        Some("") => Err(empty_separator()),
        Some(sep) => Ok(match piece_limit(maxsplit) {
            None => owned(s.split(sep)),
            Some(n) => owned(s.splitn(n, sep)),
        }),
    }
}

/// `str.rsplit(sep, maxsplit)`: like `split`, the splits made from the right.
pub fn rsplit(s: &str, sep: Option<&str>, maxsplit: i64) -> PyResult<Vec<String>> {
    let mut pieces = match sep {
        None => return Ok(rsplit_whitespace(s, maxsplit)),
        Some("") => return Err(empty_separator()),
        Some(sep) => match piece_limit(maxsplit) {
            None => owned(s.rsplit(sep)),
            Some(n) => owned(s.rsplitn(n, sep)),
        },
    };
    pieces.reverse();
    Ok(pieces)
}

/// `split()` without a separator: runs of whitespace separate, leading and
/// trailing whitespace yields nothing, and once `maxsplit` splits are made
/// the rest (leading whitespace skipped, trailing kept) is the last item.
fn split_whitespace(s: &str, maxsplit: i64) -> Vec<String> {
    let mut out = Vec::new();
    let mut splits_left = if maxsplit < 0 { i64::MAX } else { maxsplit };
    let mut rest = s.trim_start_matches(char_is_space);
    while !rest.is_empty() {
        if splits_left == 0 {
            out.push(rest.to_owned());
            break;
        }
        let end = rest.find(char_is_space).unwrap_or(rest.len());
        out.push(rest[..end].to_owned());
        rest = rest[end..].trim_start_matches(char_is_space);
        splits_left -= 1;
    }
    out
}

/// `rsplit()` without a separator: `split_whitespace` mirrored.
fn rsplit_whitespace(s: &str, maxsplit: i64) -> Vec<String> {
    let mut out = Vec::new();
    let mut splits_left = if maxsplit < 0 { i64::MAX } else { maxsplit };
    let mut rest = s.trim_end_matches(char_is_space);
    while !rest.is_empty() {
        if splits_left == 0 {
            out.push(rest.to_owned());
            break;
        }
        let start = rest.char_indices().rev().find(|&(_, c)| char_is_space(c)).map_or(0, |(i, c)| i + c.len_utf8());
        out.push(rest[start..].to_owned());
        rest = rest[..start].trim_end_matches(char_is_space);
        splits_left -= 1;
    }
    out.reverse();
    out
}

/// `str.splitlines(keepends)`: splits at every Python line boundary, "\r\n"
/// counting as one.
pub fn splitlines(s: &str, keepends: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s;
    while !rest.is_empty() {
        let Some(at) = rest.find(char_is_linebreak) else {
            out.push(rest.to_owned());
            break;
        };
        let eol = if rest[at..].starts_with("\r\n") { 2 } else { rest[at..].chars().next().map_or(1, char::len_utf8) };
        let line_end = if keepends { at + eol } else { at };
        out.push(rest[..line_end].to_owned());
        rest = &rest[at + eol..];
    }
    out
}

/// `str.partition(sep)`: `(before, sep, after)` at the first `sep`, or `(s, "", "")`.
pub fn partition(s: &str, sep: &str) -> PyResult<(String, String, String)> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match s.split_once(sep) {
        Some((before, after)) => (before.to_owned(), sep.to_owned(), after.to_owned()),
        None => (s.to_owned(), String::new(), String::new()),
    })
}

/// `str.rpartition(sep)`: at the last `sep`, or `("", "", s)`.
pub fn rpartition(s: &str, sep: &str) -> PyResult<(String, String, String)> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match s.rsplit_once(sep) {
        Some((before, after)) => (before.to_owned(), sep.to_owned(), after.to_owned()),
        None => (String::new(), String::new(), s.to_owned()),
    })
}

// ------------------------------------------------------------ strip / edit

/// The characters `strip` removes: whitespace for `None`, else those in `chars`.
fn strip_set(chars: Option<&str>) -> impl Fn(char) -> bool + '_ {
    move |c| chars.map_or_else(|| char_is_space(c), |set| set.contains(c))
}

/// `str.strip(chars)`.
pub fn strip(s: &str, chars: Option<&str>) -> String {
    s.trim_matches(strip_set(chars)).to_owned()
}

/// `str.lstrip(chars)`.
pub fn lstrip(s: &str, chars: Option<&str>) -> String {
    s.trim_start_matches(strip_set(chars)).to_owned()
}

/// `str.rstrip(chars)`.
pub fn rstrip(s: &str, chars: Option<&str>) -> String {
    s.trim_end_matches(strip_set(chars)).to_owned()
}

/// `str.replace(old, new, count)`; `count < 0` replaces all. An empty `old`
/// matches before every code point and at the end.
pub fn replace(s: &str, old: &str, new: &str, count: i64) -> String {
    match usize::try_from(count) {
        Ok(n) => s.replacen(old, new, n),
        Err(_) => s.replace(old, new),
    }
}

/// `str.removeprefix(prefix)`.
pub fn removeprefix(s: &str, prefix: &str) -> String {
    s.strip_prefix(prefix).unwrap_or(s).to_owned()
}

/// `str.removesuffix(suffix)`.
pub fn removesuffix(s: &str, suffix: &str) -> String {
    s.strip_suffix(suffix).unwrap_or(s).to_owned()
}

/// `str.maketrans(x, y[, z])`: each character of `x` maps to the one of
/// `y` at the same place, each of `z` to nothing (`None`), as
/// `(code point, replacement)` pairs in the order the table gets them.
pub fn maketrans_pairs(x: &str, y: &str, z: &str) -> PyResult<Vec<(u32, Option<u32>)>> {
    if x.chars().count() != y.chars().count() {
        return Err(value_error("the first two maketrans arguments must have equal length"));
    }
    let mut pairs: Vec<(u32, Option<u32>)> =
        x.chars().zip(y.chars()).map(|(a, b)| (a as u32, Some(b as u32))).collect();
    pairs.extend(z.chars().map(|c| (c as u32, None)));
    Ok(pairs)
}

/// `s` with `left` and `right` copies of `fill` around it.
fn pad(s: &str, left: i64, right: i64, fill: char) -> PyResult<String> {
    let fills = usize::try_from(left + right).map_err(|_| memory_error())?;
    let bytes = fills.checked_mul(fill.len_utf8()).and_then(|b| b.checked_add(s.len()));
    let mut out = string_with_capacity(bytes.ok_or_else(memory_error)?)?;
    out.extend(std::iter::repeat_n(fill, to_usize(left)));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, to_usize(right)));
    Ok(out)
}

/// `str.center(width, fill)`. An odd margin puts the extra fill on the left
/// when `width` is odd, on the right otherwise (CPython's formula).
pub fn center(s: &str, width: i64, fill: char) -> PyResult<String> {
    let len = to_i64(char_len(s));
    if width <= len {
        return Ok(s.to_owned());
    }
    let margin = width - len;
    let left = margin / 2 + (margin & width & 1);
    pad(s, left, margin - left, fill)
}

/// `str.ljust(width, fill)`.
pub fn ljust(s: &str, width: i64, fill: char) -> PyResult<String> {
    let len = to_i64(char_len(s));
    if width <= len {
        return Ok(s.to_owned());
    }
    pad(s, 0, width - len, fill)
}

/// `str.rjust(width, fill)`.
pub fn rjust(s: &str, width: i64, fill: char) -> PyResult<String> {
    let len = to_i64(char_len(s));
    if width <= len {
        return Ok(s.to_owned());
    }
    pad(s, width - len, 0, fill)
}

/// `str.zfill(width)`: zeros on the left, after a leading '+' or '-'.
pub fn zfill(s: &str, width: i64) -> PyResult<String> {
    let len = to_i64(char_len(s));
    if width <= len {
        return Ok(s.to_owned());
    }
    let (sign, digits) = match s.strip_prefix(['+', '-']) {
        Some(digits) => (s.chars().next(), digits),
        None => (None, s),
    };
    let mut out = pad(digits, width - len, 0, '0')?;
    if let Some(sign) = sign {
        out.insert(0, sign);
    }
    Ok(out)
}

/// `str.expandtabs(tabsize)`: each tab becomes spaces up to the next
/// multiple of `tabsize` columns, counted in code points from the last
/// '\n' or '\r'; with `tabsize <= 0` tabs are removed.
pub fn expandtabs(s: &str, tabsize: i64) -> PyResult<String> {
    // CPython takes `tabsize` as a C int, and says "too large" both ways.
    if i32::try_from(tabsize).is_err() {
        return Err(("OverflowError", "Python int too large to convert to C int".into()));
    }
    if !s.contains('\t') {
        return Ok(s.to_owned());
    }
    let spaces = expanded_spaces(s, tabsize)?;
    let tabs = s.bytes().filter(|&b| b == b'\t').count();
    let bytes = (s.len() - tabs).checked_add(spaces).ok_or_else(memory_error)?;
    let mut out = string_with_capacity(bytes)?;
    let mut column: i64 = 0;
    for c in s.chars() {
        if c == '\t' {
            if tabsize > 0 {
                let width = tabsize - column % tabsize;
                out.extend(std::iter::repeat_n(' ', to_usize(width)));
                column += width;
            }
        } else {
            out.push(c);
            column = if c == '\n' || c == '\r' { 0 } else { column + 1 };
        }
    }
    Ok(out)
}

/// How many spaces `expandtabs` inserts in total; `OverflowError` when the
/// result would be longer than `Py_ssize_t` allows, as CPython checks.
fn expanded_spaces(s: &str, tabsize: i64) -> PyResult<usize> {
    let overflow = || ("OverflowError", "new string is too long".to_owned());
    let (mut total, mut column, mut spaces) = (0i64, 0i64, 0i64);
    for c in s.chars() {
        if c == '\t' {
            if tabsize > 0 {
                let width = tabsize - column % tabsize;
                total = total.checked_add(width).ok_or_else(overflow)?;
                column += width;
                spaces += width;
            }
        } else {
            total = total.checked_add(1).ok_or_else(overflow)?;
            column = if c == '\n' || c == '\r' { 0 } else { column + 1 };
        }
    }
    usize::try_from(spaces).map_err(|_| memory_error())
}

#[cfg(test)]
mod tests {
    //! Rows generated by CPython 3.12 (`scripts/gen-str-tables.py`): each
    //! row is a function, its arguments and CPython's result, and every row
    //! must reproduce byte for byte.

    use super::*;

    #[test]
    fn maketrans_pairs_zip_then_delete() {
        assert_eq!(maketrans_pairs("ab", "xé", "c"), Ok(vec![(97, Some(120)), (98, Some(0xe9)), (99, None)]));
        assert_eq!(
            maketrans_pairs("ab", "x", ""),
            Err(("ValueError", "the first two maketrans arguments must have equal length".to_string()))
        );
    }
    use std::collections::HashMap;

    /// Printable ASCII stays; the rest as `\xNN`, `\uNNNN`, `\UNNNNNNNN`
    /// (the generator's `esc`).
    fn esc(s: &str) -> String {
        let mut out = String::new();
        for c in s.chars() {
            if matches!(c, ' '..='~') && c != '\\' && c != '|' {
                out.push(c);
            } else {
                push_hex_escape(&mut out, c);
            }
        }
        out
    }

    fn unesc(s: &str) -> String {
        let mut out = String::new();
        let mut rest = s;
        while let Some(at) = rest.find('\\') {
            out.push_str(&rest[..at]);
            let digits = match rest.as_bytes()[at + 1] {
                b'x' => 2,
                b'u' => 4,
                b'U' => 8,
                other => panic!("bad escape {other} in {s}"),
            };
            let hex = &rest[at + 2..at + 2 + digits];
            let cp = u32::from_str_radix(hex, 16).unwrap();
            out.push(char::from_u32(cp).unwrap());
            rest = &rest[at + 2 + digits..];
        }
        out.push_str(rest);
        out
    }

    fn arg_str(field: &str) -> String {
        unesc(field.strip_prefix("s:").unwrap_or_else(|| panic!("not a string: {field}")))
    }

    fn arg_opt_str(field: &str) -> Option<String> {
        (field != "N").then(|| arg_str(field))
    }

    fn arg_int(field: &str) -> i64 {
        field.strip_prefix("i:").and_then(|n| n.parse().ok()).unwrap_or_else(|| panic!("not an i64: {field}"))
    }

    fn arg_opt_int(field: &str) -> Option<i64> {
        (field != "N").then(|| arg_int(field))
    }

    fn arg_char(field: &str) -> char {
        let s = arg_str(field);
        assert_eq!(s.chars().count(), 1, "not one char: {field}");
        s.chars().next().unwrap()
    }

    fn enc_str(s: &str) -> String {
        format!("s:{}", esc(s))
    }

    fn enc_list<S: AsRef<str>>(items: &[S]) -> String {
        let mut out = String::from("L:");
        for item in items {
            out.push('|');
            out.push_str(&esc(item.as_ref()));
        }
        out
    }

    fn enc_bool(b: bool) -> String {
        (if b { "T" } else { "F" }).to_owned()
    }

    fn enc_int(n: i64) -> String {
        format!("i:{n}")
    }

    fn enc_res<T>(res: PyResult<T>, enc: impl Fn(T) -> String) -> String {
        match res {
            Ok(v) => enc(v),
            Err((kind, msg)) => format!("E:{kind}:{}", esc(&msg)),
        }
    }

    fn enc_triple((a, b, c): (String, String, String)) -> String {
        enc_list(&[a, b, c])
    }

    /// Runs every row of `data` through `eval` (which returns the encoded
    /// result, or `None` for a function it does not know) and reports all
    /// mismatches at once. Returns the number of rows checked.
    fn run_rows(data: &str, eval: impl Fn(&str, &[&str]) -> Option<String>) -> usize {
        let mut failures = Vec::new();
        let mut rows = 0;
        for line in data.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let fields: Vec<&str> = line.split('\t').collect();
            let (name, rest) = fields.split_first().unwrap();
            let (expected, args) = rest.split_last().unwrap();
            let got = eval(name, args).unwrap_or_else(|| panic!("unknown function in row: {line}"));
            rows += 1;
            if got != *expected {
                failures.push(format!("{line}\n    got {got}"));
            }
        }
        let shown = failures.iter().take(25).cloned().collect::<Vec<_>>().join("\n");
        assert!(failures.is_empty(), "{} of {rows} rows failed:\n{shown}", failures.len());
        assert!(rows > 0, "no rows");
        rows
    }

    #[test]
    fn split_rows() {
        let n = run_rows(include_str!("../tests/data/str/split.txt"), |name, a| {
            let s = &arg_str(a[0]);
            Some(match name {
                "split" | "rsplit" => {
                    let sep = arg_opt_str(a[1]);
                    let f = if name == "split" { split } else { rsplit };
                    enc_res(f(s, sep.as_deref(), arg_int(a[2])), |v| enc_list(&v))
                }
                "splitlines" => enc_list(&splitlines(s, a[1] == "T")),
                "partition" => enc_res(partition(s, &arg_str(a[1])), enc_triple),
                "rpartition" => enc_res(rpartition(s, &arg_str(a[1])), enc_triple),
                _ => return None,
            })
        });
        assert!(n > 3000, "{n}");
    }

    #[test]
    fn search_rows() {
        let n = run_rows(include_str!("../tests/data/str/search.txt"), |name, a| {
            let (s, sub) = (&arg_str(a[0]), &arg_str(a[1]));
            let (start, end) = (arg_opt_int(a[2]), arg_opt_int(a[3]));
            Some(match name {
                "find" => enc_int(find(s, sub, start, end)),
                "rfind" => enc_int(rfind(s, sub, start, end)),
                "index" => enc_res(index(s, sub, start, end), enc_int),
                "rindex" => enc_res(rindex(s, sub, start, end), enc_int),
                "count" => enc_int(count(s, sub, start, end)),
                "startswith" => enc_bool(startswith(s, sub, start, end)),
                "endswith" => enc_bool(endswith(s, sub, start, end)),
                _ => return None,
            })
        });
        assert!(n > 5000, "{n}");
    }

    #[test]
    fn edit_rows() {
        let n = run_rows(include_str!("../tests/data/str/edit.txt"), |name, a| {
            let s = &arg_str(a[0]);
            Some(match name {
                "center" => enc_res(center(s, arg_int(a[1]), arg_char(a[2])), |v| enc_str(&v)),
                "ljust" => enc_res(ljust(s, arg_int(a[1]), arg_char(a[2])), |v| enc_str(&v)),
                "rjust" => enc_res(rjust(s, arg_int(a[1]), arg_char(a[2])), |v| enc_str(&v)),
                "strip" => enc_str(&strip(s, arg_opt_str(a[1]).as_deref())),
                "lstrip" => enc_str(&lstrip(s, arg_opt_str(a[1]).as_deref())),
                "rstrip" => enc_str(&rstrip(s, arg_opt_str(a[1]).as_deref())),
                "replace" => enc_str(&replace(s, &arg_str(a[1]), &arg_str(a[2]), arg_int(a[3]))),
                "zfill" => enc_res(zfill(s, arg_int(a[1])), |v| enc_str(&v)),
                "expandtabs" => enc_res(expandtabs(s, arg_int(a[1])), |v| enc_str(&v)),
                "removeprefix" => enc_str(&removeprefix(s, &arg_str(a[1]))),
                "removesuffix" => enc_str(&removesuffix(s, &arg_str(a[1]))),
                "str_mul" => enc_res(str_mul(s, arg_int(a[1])), |v| enc_str(&v)),
                _ => return None,
            })
        });
        assert!(n > 3000, "{n}");
    }

    #[test]
    fn case_rows() {
        let n = run_rows(include_str!("../tests/data/str/case.txt"), |name, a| {
            let s = &arg_str(a[0]);
            let f: fn(&str) -> String = match name {
                "upper" => upper,
                "lower" => lower,
                "casefold" => casefold,
                "swapcase" => swapcase,
                "title" => title,
                "capitalize" => capitalize,
                _ => return None,
            };
            Some(enc_str(&f(s)))
        });
        assert!(n > 4000, "{n}");
    }

    fn predicate(name: &str) -> Option<fn(&str) -> bool> {
        Some(match name {
            "isdigit" => isdigit,
            "isdecimal" => isdecimal,
            "isnumeric" => isnumeric,
            "isalpha" => isalpha,
            "isalnum" => isalnum,
            "isspace" => isspace,
            "isupper" => isupper,
            "islower" => islower,
            "istitle" => istitle,
            "isidentifier" => isidentifier,
            "isprintable" => isprintable,
            "isascii" => isascii,
            _ => return None,
        })
    }

    #[test]
    fn predicate_rows() {
        let n = run_rows(include_str!("../tests/data/str/predicates.txt"), |name, a| {
            predicate(name).map(|f| enc_bool(f(&arg_str(a[0]))))
        });
        assert!(n > 5000, "{n}");
    }

    #[test]
    fn misc_rows() {
        let n = run_rows(include_str!("../tests/data/str/misc.txt"), |name, a| {
            let s = &arg_str(a[0]);
            Some(match name {
                "str_repr" => enc_str(&str_repr(s)),
                "ascii_repr" => enc_str(&ascii_repr(s)),
                "char_len" => enc_int(to_i64(char_len(s))),
                "char_at" => char_at(s, arg_int(a[1])).map_or("N".to_owned(), |c| enc_str(&c.to_string())),
                "slice" => enc_str(&slice(s, arg_opt_int(a[1]), arg_opt_int(a[2]), arg_int(a[3]))),
                _ => return None,
            })
        });
        assert!(n > 3000, "{n}");
    }

    /// Every code point (surrogates excepted) through `f`.
    fn all_chars() -> impl Iterator<Item = char> {
        (0..0x11_0000u32).filter_map(char::from_u32)
    }

    /// Per predicate name, whether it holds for each code point.
    type CodePointSets = HashMap<&'static str, Vec<bool>>;
    /// Decimal digits as `(first, last, value of first)`.
    type DecimalRanges = Vec<(u32, u32, u32)>;

    /// The contents of `unicode_props.txt`.
    fn unicode_props() -> (CodePointSets, DecimalRanges) {
        let mut sets: HashMap<&str, Vec<bool>> = HashMap::new();
        let mut decimals = Vec::new();
        let data = include_str!("../tests/data/str/unicode_props.txt");
        for line in data.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = line.split(' ').collect();
            let hex = |s: &str| u32::from_str_radix(s, 16).unwrap();
            let (first, last) = (hex(f[1]), hex(f[2]));
            if f[0] == "decimal" {
                decimals.push((first, last, f[3].parse().unwrap()));
                continue;
            }
            let set = sets.entry(f[0]).or_insert_with(|| vec![false; 0x11_0000]);
            set[first as usize..=last as usize].fill(true);
        }
        (sets, decimals)
    }

    #[test]
    fn every_code_point_predicates() {
        let (sets, _) = unicode_props();
        // Context probes: the generator asked CPython the same questions.
        type Probe = fn(char) -> bool;
        let probes: [(&str, Probe); 5] = [
            ("cased", |c| title(&format!("{c}a")).ends_with('a')),
            ("sigma_after", |c| lower(&format!("A{c}Σ")).ends_with('ς')),
            ("sigma_next", |c| lower(&format!("{c}Σ")).ends_with('ς')),
            ("sigma_before", |c| lower(&format!("AΣ{c}")).starts_with("aς")),
            ("xid_continue", |c| isidentifier(&format!("a{c}"))),
        ];
        let names = [
            "isalpha",
            "isdecimal",
            "isdigit",
            "isnumeric",
            "isalnum",
            "isspace",
            "isupper",
            "islower",
            "istitle",
            "isprintable",
            "isidentifier",
        ];
        let mut failures = Vec::new();
        let mut check = |name: &str, f: &dyn Fn(char) -> bool| {
            let expected = &sets[name];
            for c in all_chars() {
                if f(c) != expected[c as usize] {
                    failures.push(format!("{name}(U+{:04X}) should be {}", c as u32, expected[c as usize]));
                }
            }
        };
        for name in names {
            let f = predicate(name).unwrap();
            check(name, &|c: char| f(c.encode_utf8(&mut [0; 4])));
        }
        check("isspace", &char_is_space);
        for (name, f) in probes {
            check(name, &f);
        }
        let shown = failures.iter().take(25).cloned().collect::<Vec<_>>().join("\n");
        assert!(failures.is_empty(), "{} failures:\n{shown}", failures.len());
    }

    #[test]
    fn every_code_point_decimal_value() {
        let (_, ranges) = unicode_props();
        let mut expected = vec![None; 0x11_0000];
        for (first, last, value) in ranges {
            for cp in first..=last {
                expected[cp as usize] = Some(value + cp - first);
            }
        }
        for c in all_chars() {
            assert_eq!(decimal_value(c), expected[c as usize], "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn every_code_point_case_mapping() {
        let data = include_str!("../tests/data/str/casemap.txt");
        let mut expected: HashMap<u32, Vec<String>> = HashMap::new();
        for line in data.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            expected.insert(u32::from_str_radix(f[0], 16).unwrap(), f[1..].iter().map(|m| unesc(m)).collect());
        }
        type CaseFn = fn(&str) -> String;
        let maps: [(&str, CaseFn); 6] = [
            ("upper", upper),
            ("lower", lower),
            ("title", title),
            ("casefold", casefold),
            ("swapcase", swapcase),
            ("capitalize", capitalize),
        ];
        let mut failures = Vec::new();
        for c in all_chars() {
            let s = c.to_string();
            for (k, (name, f)) in maps.iter().enumerate() {
                let want = expected.get(&(c as u32)).map_or(s.as_str(), |m| m[k].as_str());
                let got = f(&s);
                if got != want {
                    failures.push(format!("{name}(U+{:04X}) = {} want {}", c as u32, esc(&got), esc(want)));
                }
            }
        }
        let shown = failures.iter().take(25).cloned().collect::<Vec<_>>().join("\n");
        assert!(failures.is_empty(), "{} failures:\n{shown}", failures.len());
    }

    /// A few rules spelled out, as documentation of what the tables cover.
    #[test]
    fn examples() {
        assert_eq!(upper("straße ﬁ"), "STRASSE FI");
        assert_eq!(lower("ΟΔΟΣ ΣΑΣ."), "οδος σας.");
        assert_eq!(lower("İ"), "i\u{307}");
        assert_eq!(casefold("ß"), "ss");
        assert_eq!(title("they're ǆ"), "They'Re ǅ");
        assert_eq!(capitalize("ǆx"), "ǅx");
        assert_eq!(center("ab", 5, '*'), Ok("**ab*".into()));
        assert_eq!(center("abc", 6, '*'), Ok("*abc**".into()));
        assert_eq!(center("a", 4, '*'), Ok("*a**".into()));
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("\u{378}é\u{85}"), "'\\u0378é\\x85'");
        assert_eq!(ascii_repr("é😀"), "'\\xe9\\U0001f600'");
        assert_eq!(find("日本語本", "本", Some(2), None), 3);
        assert_eq!(slice("日本語", None, None, -1), "語本日");
        assert_eq!(split("a,b", Some(""), -1), Err(("ValueError", "empty separator".into())));
        assert_eq!(str_mul("ab", 1 << 62), Err(("OverflowError", "repeated string is too long".into())));
        assert_eq!(decimal_value('٣'), Some(3));
    }

    /// Arguments at the edges of `i64` neither panic nor overflow.
    #[test]
    fn extreme_arguments() {
        for s in ["", "abc", "日本"] {
            for i in [i64::MIN, i64::MIN + 1, -1, 0, 1, i64::MAX] {
                let _ = char_at(s, i);
                let _ = find(s, "", Some(i), Some(i));
                let _ = count(s, "", Some(i), Some(-i.saturating_abs()));
                let _ = startswith(s, "", Some(i), None);
                let _ = split(s, None, i);
                let _ = replace(s, "", "x", i);
                let _ = str_mul(s, i);
                let _ = expandtabs(s, i);
                for step in [i64::MIN, -1, 1, i64::MAX] {
                    let _ = slice(s, Some(i), Some(i), step);
                    let _ = slice(s, None, Some(i), step);
                }
            }
        }
    }
}
