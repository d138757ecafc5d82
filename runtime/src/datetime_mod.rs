//! The `datetime` module, following `Lib/_pydatetime.py` (CPython's pure
//! Python version) with the messages of the C module CPython actually runs:
//! `timedelta`, `date`, `time`, `datetime`, `tzinfo`, `timezone`.
//!
//! Instances are native objects (`TimeDelta`, `Date`, `Time`, `DateTime`,
//! `TimeZone`) whose classes hold the special methods (`__add__`, `__lt__`,
//! ...), so the operators of `ops.rs` find them as they find a user class's.
//! A user subclass of `date`, `time`, `datetime`, `timedelta` or `timezone`
//! is refused with `NotImplementedError` when instantiated; a user subclass
//! of `tzinfo` works (its `utcoffset`, `tzname`, `dst` and `fromutc` are
//! called as Python methods).
//!
//! Refused with `NotImplementedError`: `datetime.utcnow()` and
//! `utcfromtimestamp()` (3.12 warns on them, and the warning needs the
//! caller's source line), and `copy`/`pickle` of these objects (the `copy`
//! module does not know them).
//!
//! The local time zone is taken to be UTC (naive `timestamp()`,
//! `fromtimestamp()` without `tz`, `astimezone()` without an argument):
//! the machines the tests run on are. `strftime` is glibc's in the C locale;
//! `strptime` builds `Lib/_strptime.py`'s regular expression and matches it
//! with the runtime's `re`.

use std::rc::Rc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::call::{call, call_method};
use crate::class::{Class, Layout};
use crate::classes::StaticMethod;
use crate::dict::Dict;
use crate::exc::{PyErr, PyResult, attribute_error, overflow_error, type_error, value_error, zero_division_error};
use crate::func::{BoundBuiltin, Kwargs};
use crate::gil::Lazy;
use crate::native::{Native, downcast};
use crate::ops::type_name;
use crate::str::PyStr;
use crate::types::types;
use crate::value::Value;

const MAXYEAR: i64 = 9999;
const MAX_ORDINAL: i64 = 3_652_059;
const US_PER_DAY: i128 = 86_400_000_000;
const MAX_DELTA_DAYS: i64 = 999_999_999;

const DAY_NAMES: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

// ------------------------------------------------------------- calendar

fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

fn days_in_month(y: i64, m: i64) -> i64 {
    const DIM: [i64; 13] = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if m == 2 && is_leap(y) { 29 } else { DIM[m as usize] }
}

fn days_before_year(y: i64) -> i64 {
    let y = y - 1;
    y * 365 + y / 4 - y / 100 + y / 400
}

fn days_before_month(y: i64, m: i64) -> i64 {
    (1..m).map(|k| days_in_month(y, k)).sum()
}

fn ymd2ord(y: i64, m: i64, d: i64) -> i64 {
    days_before_year(y) + days_before_month(y, m) + d
}

/// `_ord2ymd`: the proleptic Gregorian date of ordinal `n` (1 is 0001-01-01).
fn ord2ymd(n: i64) -> (i64, i64, i64) {
    let n = n - 1;
    let (n400, n) = (n.div_euclid(146_097), n.rem_euclid(146_097));
    let mut year = n400 * 400 + 1;
    let (n100, n) = (n / 36_524, n % 36_524);
    let (n4, n) = (n / 1461, n % 1461);
    let (n1, n) = (n / 365, n % 365);
    year += n100 * 100 + n4 * 4 + n1;
    if n1 == 4 || n100 == 4 {
        return (year - 1, 12, 31);
    }
    let mut rest = n;
    let mut month = 1;
    while rest >= days_in_month(year, month) {
        rest -= days_in_month(year, month);
        month += 1;
    }
    (year, month, rest + 1)
}

fn iso_week1_monday(year: i64) -> i64 {
    let firstday = ymd2ord(year, 1, 1);
    let firstweekday = (firstday + 6) % 7;
    let mut monday = firstday - firstweekday;
    if firstweekday > 3 {
        monday += 7;
    }
    monday
}

/// `(ISO year, week, weekday)` of a date.
fn iso_calendar(d: &Ymd) -> (i64, i64, i64) {
    let mut year = d.y;
    let today = d.ordinal();
    let mut monday = iso_week1_monday(year);
    let (mut week, mut day) = ((today - monday).div_euclid(7), (today - monday).rem_euclid(7));
    if week < 0 {
        year -= 1;
        monday = iso_week1_monday(year);
        week = (today - monday).div_euclid(7);
        day = (today - monday).rem_euclid(7);
    } else if week >= 52 && today >= iso_week1_monday(year + 1) {
        year += 1;
        week = 0;
    }
    (year, week + 1, day + 1)
}

fn iso_to_gregorian(year: i64, week: i64, day: i64) -> PyResult<Ymd> {
    if !(1..=MAXYEAR).contains(&year) {
        return Err(value_error(format!("Year is out of range: {year}")));
    }
    if !(1..53).contains(&week) {
        let first = ymd2ord(year, 1, 1) % 7;
        if !(week == 53 && (first == 4 || (first == 3 && is_leap(year)))) {
            return Err(value_error(format!("Invalid week: {week}")));
        }
    }
    if !(1..8).contains(&day) {
        return Err(value_error(format!("Invalid day: {day} (range is [1, 7])")));
    }
    let ord = iso_week1_monday(year) + (week - 1) * 7 + (day - 1);
    Ymd::from_ordinal(ord)
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Ymd {
    y: i64,
    m: i64,
    d: i64,
}

impl Ymd {
    fn new(y: i64, m: i64, d: i64) -> PyResult<Ymd> {
        if !(1..=MAXYEAR).contains(&y) {
            return Err(value_error(format!("year {y} is out of range")));
        }
        if !(1..=12).contains(&m) {
            return Err(value_error("month must be in 1..12"));
        }
        if d < 1 || d > days_in_month(y, m) {
            return Err(value_error("day is out of range for month"));
        }
        Ok(Ymd { y, m, d })
    }

    fn ordinal(&self) -> i64 {
        ymd2ord(self.y, self.m, self.d)
    }

    fn from_ordinal(n: i64) -> PyResult<Ymd> {
        if !(1..=MAX_ORDINAL).contains(&n) {
            return Err(overflow_error("date value out of range"));
        }
        let (y, m, d) = ord2ymd(n);
        Ok(Ymd { y, m, d })
    }

    /// Monday is 0.
    fn weekday(&self) -> i64 {
        (self.ordinal() + 6) % 7
    }

    fn yday(&self) -> i64 {
        days_before_month(self.y, self.m) + self.d
    }
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
struct Hms {
    h: i64,
    mi: i64,
    s: i64,
    us: i64,
}

impl Hms {
    fn new(h: i64, mi: i64, s: i64, us: i64) -> PyResult<Hms> {
        if !(0..=23).contains(&h) {
            return Err(value_error("hour must be in 0..23"));
        }
        if !(0..=59).contains(&mi) {
            return Err(value_error("minute must be in 0..59"));
        }
        if !(0..=59).contains(&s) {
            return Err(value_error("second must be in 0..59"));
        }
        if !(0..=999_999).contains(&us) {
            return Err(value_error("microsecond must be in 0..999999"));
        }
        Ok(Hms { h, mi, s, us })
    }

    fn seconds(&self) -> i64 {
        self.h * 3600 + self.mi * 60 + self.s
    }
}

fn check_fold(fold: i64) -> PyResult<i64> {
    if fold == 0 || fold == 1 { Ok(fold) } else { Err(value_error("fold must be either 0 or 1")) }
}

// ------------------------------------------------------------- timedelta arithmetic

/// A normalized duration: `0 <= secs < 86400`, `0 <= us < 10**6`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
struct Delta {
    days: i64,
    secs: i64,
    us: i64,
}

impl Delta {
    fn total_us(&self) -> i128 {
        (self.days as i128 * 86_400 + self.secs as i128) * 1_000_000 + self.us as i128
    }

    fn from_us(us: i128) -> PyResult<Delta> {
        let days = us.div_euclid(US_PER_DAY);
        let rest = us.rem_euclid(US_PER_DAY) as i64;
        if days > i32::MAX as i128 || days < i32::MIN as i128 {
            return Err(overflow_error("Python int too large to convert to C int"));
        }
        let days = days as i64;
        if days.abs() > MAX_DELTA_DAYS {
            return Err(overflow_error(format!("days={days}; must have magnitude <= {MAX_DELTA_DAYS}")));
        }
        Ok(Delta { days, secs: rest / 1_000_000, us: rest % 1_000_000 })
    }

    fn from_big(us: &BigInt) -> PyResult<Delta> {
        match us.to_i128() {
            Some(u) => Delta::from_us(u),
            None => Err(overflow_error("Python int too large to convert to C int")),
        }
    }

    fn is_zero(&self) -> bool {
        self.days == 0 && self.secs == 0 && self.us == 0
    }

    fn neg(&self) -> PyResult<Delta> {
        Delta::from_us(-self.total_us())
    }
}

/// `a // b` rounded half to even, as `_divide_and_round`.
fn divide_and_round(a: &BigInt, b: &BigInt) -> BigInt {
    let (q, r) = a.div_mod_floor(b);
    let r2: BigInt = r * 2;
    let greater = if b.is_positive() { &r2 > b } else { &r2 < b };
    if greater || (&r2 == b && q.is_odd()) { q + 1 } else { q }
}

/// `float.as_integer_ratio()`.
fn integer_ratio(f: f64) -> PyResult<(BigInt, BigInt)> {
    if f.is_infinite() {
        return Err(overflow_error("cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(value_error("cannot convert NaN to integer ratio"));
    }
    if f == 0.0 {
        return Ok((BigInt::zero(), BigInt::from(1)));
    }
    let bits = f.to_bits();
    let sign = if bits >> 63 == 1 { -1 } else { 1 };
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mut mant, mut e) = if exp == 0 { (frac, -1074) } else { (frac | (1u64 << 52), exp - 1075) };
    while mant & 1 == 0 && e < 0 {
        mant >>= 1;
        e += 1;
    }
    let num = BigInt::from(mant) * sign;
    Ok(if e >= 0 { (num << e as usize, BigInt::from(1)) } else { (num, BigInt::from(1) << (-e) as usize) })
}

fn big_of(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(i64::from(*b))),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

fn int_value(i: i128) -> Value {
    match i64::try_from(i) {
        Ok(i) => Value::Int(i),
        Err(_) => Value::from_bigint(BigInt::from(i)),
    }
}

/// `timedelta(...)`: the C module's `accum` of each unit into exact
/// microseconds, with the fractional parts of floats summed apart and
/// rounded half to even at the end.
fn timedelta_new(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    const NAMES: [&str; 7] = ["days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"];
    let a = parse_args("__new__", &NAMES, 0, args, kwargs, false)?;
    // C order: microseconds, milliseconds, seconds, minutes, hours, days, weeks.
    const ORDER: [(usize, i64); 7] = [
        (2, 1),
        (3, 1000),
        (1, 1_000_000),
        (4, 60_000_000),
        (5, 3_600_000_000),
        (0, 86_400_000_000),
        (6, 604_800_000_000),
    ];
    let mut sum = BigInt::zero();
    let mut leftover = 0.0f64;
    for (i, factor) in ORDER {
        let Some(v) = &a[i] else { continue };
        if let Some(n) = big_of(v) {
            sum += n * factor;
        } else if let Value::Float(f) = v {
            let int_part = f.trunc();
            let frac = f - int_part;
            sum += float_to_big(int_part)? * factor;
            if frac != 0.0 {
                let scaled = factor as f64 * frac;
                let whole = scaled.trunc();
                sum += float_to_big(whole)?;
                leftover += scaled - whole;
            }
        } else {
            return Err(type_error(format!("unsupported type for timedelta {} component: {}", NAMES[i], type_name(v))));
        }
    }
    if leftover != 0.0 {
        let mut whole = leftover.round();
        if (whole - leftover).abs() == 0.5 {
            let odd = if sum.is_odd() { 1.0 } else { 0.0 };
            whole = 2.0 * ((leftover + odd) * 0.5).round() - odd;
        }
        sum += float_to_big(whole)?;
    }
    Ok(new_delta(Delta::from_big(&sum)?))
}

fn float_to_big(f: f64) -> PyResult<BigInt> {
    if f.is_infinite() {
        return Err(overflow_error("cannot convert float infinity to integer"));
    }
    if f.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    let (n, d) = integer_ratio(f)?;
    Ok(n / d)
}

// ------------------------------------------------------------- the objects

pub struct TimeDelta(Delta);

pub struct Date(Ymd);

pub struct Time {
    t: Hms,
    tz: Value,
    fold: i64,
}

pub struct DateTime {
    d: Ymd,
    t: Hms,
    tz: Value,
    fold: i64,
}

pub struct TimeZone {
    offset: Delta,
    name: Option<PyStr>,
}

fn new_delta(d: Delta) -> Value {
    Value::native(TimeDelta(d))
}

fn new_date(d: Ymd) -> Value {
    Value::native(Date(d))
}

fn new_time(t: Hms, tz: Value, fold: i64) -> Value {
    Value::native(Time { t, tz, fold })
}

fn new_datetime(d: Ymd, t: Hms, tz: Value, fold: i64) -> Value {
    Value::native(DateTime { d, t, tz, fold })
}

/// `timezone(offset, name)`; the UTC singleton for a nameless zero offset.
fn new_timezone(offset: Delta, name: Option<PyStr>) -> Value {
    if name.is_none() && offset.is_zero() {
        return UTC.get().clone();
    }
    Value::native(TimeZone { offset, name })
}

static UTC: Lazy<Value> = Lazy::new(|| Value::native(TimeZone { offset: Delta::default(), name: None }));

fn delta_of(v: &Value) -> Option<Delta> {
    downcast::<TimeDelta>(v).map(|t| t.0)
}

// ------------------------------------------------------------- time zones

fn is_tzinfo(v: &Value) -> bool {
    downcast::<TimeZone>(v).is_some() || crate::ops::type_of(v).is_subclass(&classes().tzinfo)
}

fn check_tzinfo(v: &Value) -> PyResult<Value> {
    if v.is_none() || is_tzinfo(v) {
        Ok(v.clone())
    } else {
        Err(type_error(format!("tzinfo argument must be None or of a tzinfo subclass, not type '{}'", type_name(v))))
    }
}

/// `tz.utcoffset(arg)` or `tz.dst(arg)`, checked as the C module checks.
fn tz_offset(tz: &Value, arg: &Value, which: &str) -> PyResult<Option<Delta>> {
    if tz.is_none() {
        return Ok(None);
    }
    if let Some(z) = downcast::<TimeZone>(tz) {
        return Ok(if which == "dst" { None } else { Some(z.offset) });
    }
    let r = call_method(tz, which, vec![arg.clone()], vec![])?;
    if r.is_none() {
        return Ok(None);
    }
    match delta_of(&r) {
        Some(d) if d.days == -1 && d.secs == 0 && d.us == 0 || d.days < -1 || d.days >= 1 => Err(value_error(format!(
            "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not {}.",
            crate::fmt::repr(&r)?
        ))),
        Some(d) => Ok(Some(d)),
        None => Err(type_error(format!("tzinfo.{which}() must return None or timedelta, not '{}'", type_name(&r)))),
    }
}

fn tz_name(tz: &Value, arg: &Value) -> PyResult<Value> {
    if tz.is_none() {
        return Ok(Value::None);
    }
    if let Some(z) = downcast::<TimeZone>(tz) {
        return Ok(Value::str(z.tzname()));
    }
    let r = call_method(tz, "tzname", vec![arg.clone()], vec![])?;
    match r {
        Value::None | Value::Str(_) => Ok(r),
        _ => Err(type_error(format!("tzinfo.tzname() must return None or a string, not '{}'", type_name(&r)))),
    }
}

/// `+HH:MM[:SS[.ffffff]]` (with `sep`), as `_format_offset`.
fn format_offset(off: Option<Delta>, sep: &str) -> String {
    let Some(off) = off else { return String::new() };
    let (sign, off) =
        if off.days < 0 { ('-', Delta::from_us(-off.total_us()).unwrap_or_default()) } else { ('+', off) };
    let (hh, rest) = (off.secs / 3600, off.secs % 3600);
    let (mm, ss) = (rest / 60, rest % 60);
    let mut s = format!("{sign}{hh:02}{sep}{mm:02}");
    if ss != 0 || off.us != 0 {
        s.push_str(&format!("{sep}{ss:02}"));
        if off.us != 0 {
            s.push_str(&format!(".{:06}", off.us));
        }
    }
    s
}

impl TimeZone {
    fn tzname(&self) -> String {
        if let Some(n) = &self.name {
            return n.as_str().to_string();
        }
        if self.offset.is_zero() {
            return "UTC".into();
        }
        format!("UTC{}", format_offset(Some(self.offset), ":"))
    }
}

/// Whether `v` is a datetime or None, as `timezone`'s methods demand.
fn check_dt_arg(v: &Value, method: &str) -> PyResult<()> {
    if v.is_none() || downcast::<DateTime>(v).is_some() {
        Ok(())
    } else {
        Err(type_error(format!("{method}(dt) argument must be a datetime instance or None, not {}", type_name(v))))
    }
}

/// `tzinfo.fromutc(dt)` for a user `tzinfo` that does not define one.
fn tzinfo_fromutc(tz: &Value, dt: &Value) -> PyResult<Value> {
    let Some(d) = downcast::<DateTime>(dt) else {
        return Err(type_error("fromutc: argument must be a datetime"));
    };
    if !d.tz.is(tz) {
        return Err(value_error("fromutc: dt.tzinfo is not self"));
    }
    let Some(off) = tz_offset(tz, dt, "utcoffset")? else {
        return Err(value_error("fromutc: non-None utcoffset() result required"));
    };
    let Some(dst) = tz_offset(tz, dt, "dst")? else {
        return Err(value_error("fromutc: non-None dst() result required"));
    };
    let delta = Delta::from_us(off.total_us() - dst.total_us())?;
    let mut dt = dt.clone();
    if !delta.is_zero() {
        dt = datetime_add(&dt, delta.total_us())?;
    }
    let Some(dst) = tz_offset(tz, &dt, "dst")? else {
        return Err(value_error("fromutc: tz.dst() gave inconsistent results; cannot convert"));
    };
    datetime_add(&dt, dst.total_us())
}

// ------------------------------------------------------------- argument parsing

/// Binds arguments to `names` as the C argument parser does; the first
/// `required` are required, and with `kwonly_last` the last name is
/// keyword-only (`fold`).
fn parse_args(
    fname: &str,
    names: &[&str],
    required: usize,
    args: Vec<Value>,
    kwargs: Kwargs,
    kwonly_last: bool,
) -> PyResult<Vec<Option<Value>>> {
    let who = if fname.is_empty() { "function".to_string() } else { format!("{fname}()") };
    let given = args.len() + kwargs.len();
    if given > names.len() {
        let kw = if args.is_empty() { "keyword " } else { "" };
        let plural = if names.len() == 1 { "" } else { "s" };
        return Err(type_error(format!("{who} takes at most {} {kw}argument{plural} ({given} given)", names.len())));
    }
    let max_pos = names.len() - usize::from(kwonly_last);
    if args.len() > max_pos {
        let plural = if max_pos == 1 { "" } else { "s" };
        let how = if required < max_pos { "at most" } else { "exactly" };
        return Err(type_error(format!(
            "{who} takes {how} {max_pos} positional argument{plural} ({} given)",
            args.len()
        )));
    }
    let mut out: Vec<Option<Value>> = vec![None; names.len()];
    let npos = args.len();
    for (i, v) in args.into_iter().enumerate() {
        out[i] = Some(v);
    }
    // As the C parser: a missing required argument is reported before a
    // keyword that repeats a positional one or names no parameter.
    let mut late = None;
    for (k, v) in kwargs {
        match names.iter().position(|n| *n == k.as_str()) {
            Some(i) if i >= npos => out[i] = Some(v),
            Some(i) => {
                late.get_or_insert_with(|| {
                    type_error(format!("argument for {who} given by name ('{k}') and position ({})", i + 1))
                });
            }
            None => {
                let whom = if fname.is_empty() { "this function".to_string() } else { format!("{fname}()") };
                late.get_or_insert_with(|| type_error(format!("'{k}' is an invalid keyword argument for {whom}")));
            }
        }
    }
    if let Some(i) = (0..required).find(|&i| out[i].is_none()) {
        return Err(type_error(format!("{who} missing required argument '{}' (pos {})", names[i], i + 1)));
    }
    match late {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

/// A C `int` argument: an int, bool or `__index__` object.
fn c_int(v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => {
            if *i > i32::MAX as i64 || *i < i32::MIN as i64 {
                Err(overflow_error(if *i > 0 {
                    "signed integer is greater than maximum"
                } else {
                    "signed integer is less than minimum"
                }))
            } else {
                Ok(*i)
            }
        }
        Value::Bool(b) => Ok(i64::from(*b)),
        Value::BigInt(_) => Err(overflow_error("Python int too large to convert to C long")),
        Value::Object(_) if crate::call::lookup_special(v, "__index__").is_some() => {
            c_int(&call_method(v, "__index__", vec![], vec![])?)
        }
        _ => Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v)))),
    }
}

fn int_or(v: &Option<Value>, default: i64) -> PyResult<i64> {
    match v {
        Some(v) => c_int(v),
        None => Ok(default),
    }
}

fn no_args(fname: &str, args: &[Value], kwargs: &Kwargs) -> PyResult<()> {
    if !kwargs.is_empty() {
        return Err(type_error(format!("{fname}() takes no keyword arguments")));
    }
    if !args.is_empty() {
        return Err(type_error(format!("{fname}() takes no arguments ({} given)", args.len())));
    }
    Ok(())
}

fn one_arg(fname: &str, args: Vec<Value>, kwargs: &Kwargs) -> PyResult<Value> {
    if !kwargs.is_empty() {
        return Err(type_error(format!("{fname}() takes no keyword arguments")));
    }
    if args.len() != 1 {
        return Err(type_error(format!("{fname}() takes exactly one argument ({} given)", args.len())));
    }
    Ok(args.into_iter().next().unwrap_or_default())
}

fn str_arg<'a>(fname: &str, pos: usize, v: &'a Value) -> PyResult<&'a str> {
    match v {
        Value::Str(s) => Ok(s.as_str()),
        _ => Err(type_error(format!("{fname}() argument {pos} must be str, not {}", type_name(v)))),
    }
}

// ------------------------------------------------------------- the classes

/// Which class a class-level function belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Delta,
    Date,
    Time,
    DateTime,
    Zone,
    TzInfo,
}

impl Kind {
    fn class(self) -> Rc<Class> {
        let c = classes();
        match self {
            Kind::Delta => c.timedelta.clone(),
            Kind::Date => c.date.clone(),
            Kind::Time => c.time.clone(),
            Kind::DateTime => c.datetime.clone(),
            Kind::Zone => c.timezone.clone(),
            Kind::TzInfo => c.tzinfo.clone(),
        }
    }

    fn tp_name(self) -> &'static str {
        match self {
            Kind::Delta => "datetime.timedelta",
            Kind::Date => "datetime.date",
            Kind::Time => "datetime.time",
            Kind::DateTime => "datetime.datetime",
            Kind::Zone => "datetime.timezone",
            Kind::TzInfo => "datetime.tzinfo",
        }
    }

    fn of(v: &Value) -> Option<Kind> {
        let Value::Native(n) = v else {
            return if crate::ops::type_of(v).is_subclass(&classes().tzinfo) { Some(Kind::TzInfo) } else { None };
        };
        Some(match n.type_name() {
            "datetime.timedelta" => Kind::Delta,
            "datetime.date" => Kind::Date,
            "datetime.time" => Kind::Time,
            "datetime.datetime" => Kind::DateTime,
            "datetime.timezone" => Kind::Zone,
            _ => return None,
        })
    }
}

/// A function stored in one of the classes: the constructor, an
/// alternative constructor (`date.today`), or an instance method reached
/// through the class (`date.isoformat(d)`, `timedelta.__add__(a, b)`).
struct ClassFn {
    kind: Kind,
    name: &'static str,
    how: How,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum How {
    New,
    ClassMethod,
    Unbound,
}

impl Native for ClassFn {
    fn type_name(&self) -> &'static str {
        match self.how {
            How::Unbound => "method_descriptor",
            _ => "builtin_function_or_method",
        }
    }

    fn repr(&self, this: &Value) -> PyResult<String> {
        Ok(match self.how {
            How::Unbound => format!("<method '{}' of '{}' objects>", self.name, self.kind.tp_name()),
            _ => format!("<built-in method {} of type object at {:#x}>", self.name, this.identity()),
        })
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        match name {
            "__name__" => Some(Ok(Value::str(self.name))),
            "__qualname__" => {
                let cls = self.kind.tp_name().trim_start_matches("datetime.");
                Some(Ok(Value::str(format!("{cls}.{}", self.name))))
            }
            _ => None,
        }
    }

    fn call(&self, _this: &Value, mut args: Vec<Value>, kwargs: Kwargs) -> Option<PyResult<Value>> {
        Some(match self.how {
            How::New => {
                let cls = args.first().cloned().unwrap_or_default();
                args.remove(0);
                construct(self.kind, &cls, args, kwargs)
            }
            How::ClassMethod => class_method(self.kind, self.name, args, kwargs),
            How::Unbound => {
                let Some(recv) = args.first().cloned() else {
                    return Some(Err(type_error(format!(
                        "unbound method {}.{}() needs an argument",
                        self.kind.tp_name().trim_start_matches("datetime."),
                        self.name
                    ))));
                };
                let ok = match self.kind {
                    Kind::TzInfo => is_tzinfo(&recv),
                    k => Kind::of(&recv).is_some_and(|r| r == k || (k == Kind::Date && r == Kind::DateTime)),
                };
                if !ok {
                    return Some(Err(type_error(format!(
                        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                        self.name,
                        self.kind.tp_name(),
                        type_name(&recv)
                    ))));
                }
                args.remove(0);
                if let Value::Object(_) = recv {
                    tzinfo_method(&recv, self.name, args, kwargs)
                } else {
                    call_method(&recv, self.name, args, kwargs)
                }
            }
        })
    }
}

struct Classes {
    timedelta: Rc<Class>,
    date: Rc<Class>,
    time: Rc<Class>,
    datetime: Rc<Class>,
    tzinfo: Rc<Class>,
    timezone: Rc<Class>,
    isocal: Rc<Class>,
    struct_time: Rc<Class>,
}

static CLASSES: Lazy<Classes> = Lazy::new(build_classes);

fn classes() -> &'static Classes {
    CLASSES.get()
}

const DELTA_METHODS: &[&str] = &[
    "total_seconds",
    "__add__",
    "__radd__",
    "__sub__",
    "__rsub__",
    "__mul__",
    "__rmul__",
    "__truediv__",
    "__floordiv__",
    "__mod__",
    "__divmod__",
    "__neg__",
    "__pos__",
    "__abs__",
    "__bool__",
    "__eq__",
    "__ne__",
    "__lt__",
    "__le__",
    "__gt__",
    "__ge__",
    "__hash__",
    "__reduce__",
];
const DATE_METHODS: &[&str] = &[
    "toordinal",
    "weekday",
    "isoweekday",
    "isocalendar",
    "isoformat",
    "ctime",
    "strftime",
    "__format__",
    "replace",
    "timetuple",
    "__add__",
    "__radd__",
    "__sub__",
    "__eq__",
    "__ne__",
    "__lt__",
    "__le__",
    "__gt__",
    "__ge__",
    "__hash__",
    "__reduce__",
];
const TIME_METHODS: &[&str] = &[
    "isoformat",
    "strftime",
    "__format__",
    "replace",
    "utcoffset",
    "tzname",
    "dst",
    "__eq__",
    "__ne__",
    "__lt__",
    "__le__",
    "__gt__",
    "__ge__",
    "__hash__",
    "__reduce__",
];
const DATETIME_METHODS: &[&str] =
    &["date", "time", "timetz", "timestamp", "astimezone", "utctimetuple", "utcoffset", "tzname", "dst"];
const DATETIME_CLASS_METHODS: &[&str] = &[
    "today",
    "now",
    "utcnow",
    "fromtimestamp",
    "utcfromtimestamp",
    "fromordinal",
    "fromisoformat",
    "fromisocalendar",
    "combine",
    "strptime",
];
const DATE_CLASS_METHODS: &[&str] = &["today", "fromtimestamp", "fromordinal", "fromisoformat", "fromisocalendar"];
const ZONE_METHODS: &[&str] = &["utcoffset", "tzname", "dst", "fromutc", "__eq__", "__ne__", "__hash__", "__reduce__"];
const TZINFO_METHODS: &[&str] = &["utcoffset", "tzname", "dst", "fromutc"];

fn build_classes() -> Classes {
    let object = types().object.clone();
    let new_class = |name: &str, base: &Rc<Class>, layout: Layout| {
        crate::types::new_class_in("datetime", name, std::slice::from_ref(base), layout)
    };
    let timedelta = new_class("timedelta", &object, Layout::Builtin);
    let date = new_class("date", &object, Layout::Builtin);
    let datetime = new_class("datetime", &date, Layout::Builtin);
    let time = new_class("time", &object, Layout::Builtin);
    let tzinfo = new_class("tzinfo", &object, Layout::Object);
    let timezone = new_class("timezone", &tzinfo, Layout::Builtin);
    let isocal = crate::structseq::new_class("datetime", "IsoCalendarDate");
    let struct_time = crate::structseq::new_class("time", "struct_time");
    let put = |cls: &Rc<Class>, kind: Kind, name: &'static str, how: How| {
        cls.dict.set_str(name, Value::native(ClassFn { kind, name, how }));
    };
    for (cls, kind) in [
        (&timedelta, Kind::Delta),
        (&date, Kind::Date),
        (&datetime, Kind::DateTime),
        (&time, Kind::Time),
        (&timezone, Kind::Zone),
    ] {
        cls.dict.set_str(
            "__new__",
            Value::native(StaticMethod { func: Value::native(ClassFn { kind, name: "__new__", how: How::New }) }),
        );
    }
    for m in DELTA_METHODS {
        put(&timedelta, Kind::Delta, m, How::Unbound);
    }
    for m in DATE_METHODS {
        put(&date, Kind::Date, m, How::Unbound);
    }
    for m in DATE_CLASS_METHODS {
        put(&date, Kind::Date, m, How::ClassMethod);
    }
    for m in DATE_METHODS.iter().chain(DATETIME_METHODS) {
        put(&datetime, Kind::DateTime, m, How::Unbound);
    }
    for m in DATETIME_CLASS_METHODS {
        put(&datetime, Kind::DateTime, m, How::ClassMethod);
    }
    for m in TIME_METHODS {
        put(&time, Kind::Time, m, How::Unbound);
    }
    put(&time, Kind::Time, "fromisoformat", How::ClassMethod);
    // Plain functions, so that a user subclass's instances bind them.
    for &m in TZINFO_METHODS {
        let f = crate::func::Function::native("tzinfo", m, &["self", "dt"], move |a: Vec<Value>| {
            tzinfo_method(&a[0], m, vec![a[1].clone()], vec![])
        });
        tzinfo.dict.set_str(m, f);
    }
    for m in ZONE_METHODS {
        put(&timezone, Kind::Zone, m, How::Unbound);
    }
    let ymd = |y, m, d| Ymd { y, m, d };
    let hms = |h, mi, s, us| Hms { h, mi, s, us };
    timedelta.dict.set_str("min", new_delta(Delta { days: -MAX_DELTA_DAYS, secs: 0, us: 0 }));
    timedelta.dict.set_str("max", new_delta(Delta { days: MAX_DELTA_DAYS, secs: 86_399, us: 999_999 }));
    timedelta.dict.set_str("resolution", new_delta(Delta { days: 0, secs: 0, us: 1 }));
    date.dict.set_str("min", new_date(ymd(1, 1, 1)));
    date.dict.set_str("max", new_date(ymd(9999, 12, 31)));
    date.dict.set_str("resolution", new_delta(Delta { days: 1, secs: 0, us: 0 }));
    time.dict.set_str("min", new_time(Hms::default(), Value::None, 0));
    time.dict.set_str("max", new_time(hms(23, 59, 59, 999_999), Value::None, 0));
    time.dict.set_str("resolution", new_delta(Delta { days: 0, secs: 0, us: 1 }));
    datetime.dict.set_str("min", new_datetime(ymd(1, 1, 1), Hms::default(), Value::None, 0));
    datetime.dict.set_str("max", new_datetime(ymd(9999, 12, 31), hms(23, 59, 59, 999_999), Value::None, 0));
    datetime.dict.set_str("resolution", new_delta(Delta { days: 0, secs: 0, us: 1 }));
    timezone.dict.set_str("utc", UTC.get().clone());
    timezone.dict.set_str("min", Value::native(TimeZone { offset: Delta { days: -1, secs: 60, us: 0 }, name: None }));
    timezone
        .dict
        .set_str("max", Value::native(TimeZone { offset: Delta { days: 0, secs: 86_340, us: 0 }, name: None }));
    Classes { timedelta, date, time, datetime, tzinfo, timezone, isocal, struct_time }
}

pub fn module_attrs() -> Dict {
    let c = classes();
    let d = Dict::new();
    d.set_str("MINYEAR", Value::Int(1));
    d.set_str("MAXYEAR", Value::Int(MAXYEAR));
    for (name, cls) in [
        ("timedelta", &c.timedelta),
        ("date", &c.date),
        ("time", &c.time),
        ("datetime", &c.datetime),
        ("tzinfo", &c.tzinfo),
        ("timezone", &c.timezone),
    ] {
        d.set_str(name, Value::Class(cls.clone()));
    }
    d.set_str("UTC", UTC.get().clone());
    d
}

// ------------------------------------------------------------- constructors

fn refuse_subclass(kind: Kind, cls: &Value) -> PyResult<()> {
    match cls {
        Value::Class(c) if Rc::ptr_eq(c, &kind.class()) => Ok(()),
        Value::Class(c) => Err(crate::exc::not_implemented_error(format!(
            "py2rs: subclassing {} ('{}') is not supported",
            kind.tp_name(),
            c.name()
        ))),
        _ => Err(type_error(format!("{}.__new__(X): X is not a type object", kind.tp_name()))),
    }
}

fn construct(kind: Kind, cls: &Value, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    refuse_subclass(kind, cls)?;
    match kind {
        Kind::Delta => timedelta_new(args, kwargs),
        Kind::Date => {
            let a = parse_args("", &["year", "month", "day"], 3, args, kwargs, false)?;
            Ok(new_date(Ymd::new(int_or(&a[0], 0)?, int_or(&a[1], 0)?, int_or(&a[2], 0)?)?))
        }
        Kind::Time => {
            let a =
                parse_args("", &["hour", "minute", "second", "microsecond", "tzinfo", "fold"], 0, args, kwargs, true)?;
            let t = Hms::new(int_or(&a[0], 0)?, int_or(&a[1], 0)?, int_or(&a[2], 0)?, int_or(&a[3], 0)?)?;
            let tz = check_tzinfo(&a[4].clone().unwrap_or_default())?;
            Ok(new_time(t, tz, check_fold(int_or(&a[5], 0)?)?))
        }
        Kind::DateTime => {
            let names = ["year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo", "fold"];
            let a = parse_args("", &names, 3, args, kwargs, true)?;
            let d = Ymd::new(int_or(&a[0], 0)?, int_or(&a[1], 0)?, int_or(&a[2], 0)?)?;
            let t = Hms::new(int_or(&a[3], 0)?, int_or(&a[4], 0)?, int_or(&a[5], 0)?, int_or(&a[6], 0)?)?;
            let tz = check_tzinfo(&a[7].clone().unwrap_or_default())?;
            Ok(new_datetime(d, t, tz, check_fold(int_or(&a[8], 0)?)?))
        }
        Kind::Zone => {
            let a = parse_args("timezone", &["offset", "name"], 1, args, kwargs, false)?;
            let off = a[0].clone().unwrap_or_default();
            let Some(offset) = delta_of(&off) else {
                return Err(type_error(format!(
                    "timezone() argument 1 must be datetime.timedelta, not {}",
                    type_name(&off)
                )));
            };
            let name = match &a[1] {
                None => None,
                Some(Value::Str(s)) => Some(s.clone()),
                Some(v) => return Err(type_error(format!("timezone() argument 2 must be str, not {}", type_name(v)))),
            };
            if offset.days < -1 || offset.days >= 1 || (offset.days == -1 && offset.secs == 0 && offset.us == 0) {
                return Err(value_error(format!(
                    "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not {}.",
                    crate::fmt::repr(&off)?
                )));
            }
            Ok(new_timezone(offset, name))
        }
        Kind::TzInfo => Err(type_error("tzinfo cannot be constructed here")),
    }
}

/// Seconds and microseconds since the epoch, now.
fn now_us() -> i128 {
    let d = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    d.as_micros() as i128
}

const EPOCH_ORDINAL: i64 = 719_163;

/// The UTC date and time `us` microseconds after the epoch.
fn utc_from_us(us: i128) -> PyResult<(Ymd, Hms)> {
    let days = us.div_euclid(US_PER_DAY);
    let rest = us.rem_euclid(US_PER_DAY) as i64;
    let ord = days + EPOCH_ORDINAL as i128;
    if ord < 1 || ord > MAX_ORDINAL as i128 {
        // glibc's gmtime works far past year 9999; the year is then refused.
        let year = (days as f64 / 365.2425 + 1970.0).floor() as i64;
        return Err(value_error(format!("year {year} is out of range")));
    }
    let d = Ymd::from_ordinal(ord as i64)?;
    let secs = rest / 1_000_000;
    Ok((d, Hms { h: secs / 3600, mi: secs / 60 % 60, s: secs % 60, us: rest % 1_000_000 }))
}

/// A timestamp argument as microseconds, rounded half to even (`round`
/// false: floored to whole seconds, as `date.fromtimestamp` does).
fn timestamp_us(v: &Value, round: bool) -> PyResult<i128> {
    const LIMIT: f64 = 9.223_372_036_854_776e18;
    match v {
        Value::Float(f) => {
            if f.is_nan() {
                return Err(value_error("Invalid value NaN (not a number)"));
            }
            if !(-LIMIT..LIMIT).contains(f) {
                return Err(overflow_error("timestamp out of range for platform time_t"));
            }
            if !round {
                return Ok(f.floor() as i128 * 1_000_000);
            }
            let int_part = f.trunc();
            let mut frac = ((f - int_part) * 1e6).round_ties_even();
            let mut secs = int_part as i128;
            if frac >= 1e6 {
                frac -= 1e6;
                secs += 1;
            } else if frac < 0.0 {
                frac += 1e6;
                secs -= 1;
            }
            Ok(secs * 1_000_000 + frac as i128)
        }
        _ => match big_of(v).and_then(|b| b.to_i64()) {
            Some(i) => Ok(i as i128 * 1_000_000),
            None if big_of(v).is_some() => Err(overflow_error("timestamp out of range for platform time_t")),
            None => Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v)))),
        },
    }
}

fn class_method(kind: Kind, name: &str, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let is_dt = kind == Kind::DateTime;
    match name {
        "today" => {
            no_args("today", &args, &kwargs)?;
            let (d, t) = utc_from_us(now_us())?;
            Ok(if is_dt { new_datetime(d, t, Value::None, 0) } else { new_date(d) })
        }
        "now" => {
            let a = parse_args("now", &["tz"], 0, args, kwargs, false)?;
            let tz = check_tzinfo(&a[0].clone().unwrap_or_default())?;
            from_timestamp_us(now_us(), tz)
        }
        "utcnow" => Err(deprecated_utc("utcnow", "datetime.datetime.now(datetime.UTC)")),
        "utcfromtimestamp" => {
            Err(deprecated_utc("utcfromtimestamp", "datetime.datetime.fromtimestamp(timestamp, datetime.UTC)"))
        }
        "fromtimestamp" if is_dt => {
            let a = parse_args("fromtimestamp", &["timestamp", "tz"], 1, args, kwargs, false)?;
            let tz = check_tzinfo(&a[1].clone().unwrap_or_default())?;
            from_timestamp_us(timestamp_us(a[0].as_ref().unwrap_or(&Value::None), true)?, tz)
        }
        "fromtimestamp" => {
            let t = one_arg("fromtimestamp", args, &kwargs)?;
            Ok(new_date(utc_from_us(timestamp_us(&t, false)?)?.0))
        }
        "fromordinal" => {
            let n = c_int(&one_arg("fromordinal", args, &kwargs)?)?;
            if n < 1 {
                return Err(value_error("ordinal must be >= 1"));
            }
            if n > MAX_ORDINAL {
                return Err(value_error(format!("year {} is out of range", ord2ymd(n).0)));
            }
            let d = Ymd::from_ordinal(n)?;
            Ok(if is_dt { new_datetime(d, Hms::default(), Value::None, 0) } else { new_date(d) })
        }
        "fromisocalendar" => {
            let a = parse_args("fromisocalendar", &["year", "week", "day"], 3, args, kwargs, false)?;
            let d = iso_to_gregorian(int_or(&a[0], 0)?, int_or(&a[1], 0)?, int_or(&a[2], 0)?)?;
            Ok(if is_dt { new_datetime(d, Hms::default(), Value::None, 0) } else { new_date(d) })
        }
        "fromisoformat" => {
            let s = one_arg("fromisoformat", args, &kwargs)?;
            let Value::Str(text) = &s else {
                return Err(type_error("fromisoformat: argument must be str"));
            };
            match kind {
                Kind::Date => date_fromisoformat(text.as_str()),
                Kind::Time => time_fromisoformat(text.as_str()),
                _ => datetime_fromisoformat(text.as_str()),
            }
        }
        "combine" => {
            let a = parse_args("combine", &["date", "time", "tzinfo"], 2, args, kwargs, false)?;
            let (dv, tv) = (a[0].clone().unwrap_or_default(), a[1].clone().unwrap_or_default());
            let d = match (downcast::<Date>(&dv), downcast::<DateTime>(&dv)) {
                (Some(d), _) => d.0,
                (_, Some(dt)) => dt.d,
                _ => {
                    return Err(type_error(format!(
                        "combine() argument 1 must be datetime.date, not {}",
                        type_name(&dv)
                    )));
                }
            };
            let Some(t) = downcast::<Time>(&tv) else {
                return Err(type_error(format!("combine() argument 2 must be datetime.time, not {}", type_name(&tv))));
            };
            let tz = match &a[2] {
                Some(z) => check_tzinfo(z)?,
                None => t.tz.clone(),
            };
            Ok(new_datetime(d, t.t, tz, t.fold))
        }
        "strptime" => {
            if !kwargs.is_empty() {
                return Err(type_error("strptime() takes no keyword arguments"));
            }
            if args.len() != 2 {
                return Err(type_error(format!("strptime() takes exactly 2 arguments ({} given)", args.len())));
            }
            let s = str_arg("strptime", 1, &args[0])?;
            let f = str_arg("strptime", 2, &args[1])?;
            strptime(s, f)
        }
        _ => Err(attribute_error(format!("type object '{}' has no attribute '{name}'", kind.tp_name()))),
    }
}

/// `utcnow()` and `utcfromtimestamp()` warn in 3.12; the warning needs a
/// source location the runtime does not have here, so they are refused.
fn deprecated_utc(name: &str, instead: &str) -> PyErr {
    crate::exc::not_implemented_error(format!(
        "py2rs: datetime.datetime.{name}() is deprecated and not supported; use {instead}"
    ))
}

fn from_timestamp_us(us: i128, tz: Value) -> PyResult<Value> {
    let (d, t) = utc_from_us(us)?;
    let utc = new_datetime(d, t, tz.clone(), 0);
    if tz.is_none() {
        return Ok(utc);
    }
    if downcast::<TimeZone>(&tz).is_some() {
        let off = tz_offset(&tz, &Value::None, "utcoffset")?.unwrap_or_default();
        return datetime_add(&utc, off.total_us());
    }
    call_method(&tz, "fromutc", vec![utc], vec![])
}

// ------------------------------------------------------------- fromisoformat
//
// A port of the C module's parser (`Modules/_datetimemodule.c`), whose
// quirks CPython users see: it reads the UTF-8 bytes with a terminating
// NUL, may read past the end of a component into the next, and reports
// every format error as `Invalid isoformat string`; range errors come from
// the constructors, after the whole string is parsed.

/// The byte at `i`, NUL past the end (the C string's terminator).
fn at(s: &[u8], i: usize) -> u8 {
    s.get(i).copied().unwrap_or(0)
}

fn parse_digits(s: &[u8], p: usize, n: usize) -> Option<(usize, i64)> {
    let mut v = 0;
    for k in 0..n {
        let c = at(s, p + k);
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + (c - b'0') as i64;
    }
    Some((p + n, v))
}

/// `parse_isoformat_date` on `s[..len]`: `Err` on a format error (an
/// impossible ISO week or weekday included).
fn parse_iso_date(s: &[u8], len: usize) -> Result<(i64, i64, i64), ()> {
    let (mut p, year) = parse_digits(s, 0, 4).ok_or(())?;
    let uses_sep = at(s, p) == b'-';
    if uses_sep {
        p += 1;
    }
    if at(s, p) == b'W' {
        let (mut p, week) = parse_digits(s, p + 1, 2).ok_or(())?;
        let mut day = 1;
        if p < len {
            if uses_sep {
                if at(s, p) != b'-' {
                    return Err(());
                }
                p += 1;
            }
            day = parse_digits(s, p, 1).ok_or(())?.1;
        }
        let d = iso_to_gregorian(year, week, day).map_err(|_| ())?;
        return Ok((d.y, d.m, d.d));
    }
    let (mut p, month) = parse_digits(s, p, 2).ok_or(())?;
    if uses_sep {
        if at(s, p) != b'-' {
            return Err(());
        }
        p += 1;
    }
    let (_, day) = parse_digits(s, p, 2).ok_or(())?;
    Ok((year, month, day))
}

fn invalid_iso(s: &str) -> PyErr {
    value_error(format!("Invalid isoformat string: {}", crate::fmt::repr(&Value::str(s)).unwrap_or_default()))
}

fn date_fromisoformat(s: &str) -> PyResult<Value> {
    let b = s.as_bytes();
    if !matches!(b.len(), 7 | 8 | 10) {
        return Err(invalid_iso(s));
    }
    let (y, m, d) = parse_iso_date(b, b.len()).map_err(|_| invalid_iso(s))?;
    Ok(new_date(Ymd::new(y, m, d)?))
}

/// `parse_hh_mm_ss_ff` on `s[start..end]`: `[h, m, s, us]` and whether
/// anything follows, or `Err` on a format error.
fn parse_hh_mm_ss_ff(s: &[u8], start: usize, end: usize) -> Result<([i64; 4], bool), ()> {
    let mut vals = [0i64; 4];
    let mut p = start;
    let mut has_sep = true;
    for (i, slot) in vals.iter_mut().take(3).enumerate() {
        let (q, v) = parse_digits(s, p, 2).ok_or(())?;
        *slot = v;
        p = q;
        let c = at(s, p);
        p += 1;
        if i == 0 {
            has_sep = c == b':';
        }
        if p >= end {
            return Ok((vals, c != 0));
        } else if has_sep && c == b':' {
            continue;
        } else if c == b'.' || c == b',' {
            break;
        } else if !has_sep {
            p -= 1;
        } else {
            return Err(());
        }
    }
    let to_parse = end.saturating_sub(p).min(6);
    let (q, us) = parse_digits(s, p, to_parse).ok_or(())?;
    p = q;
    vals[3] = if to_parse == 0 { 0 } else { us * 10i64.pow(6 - to_parse as u32) };
    while at(s, p).is_ascii_digit() {
        p += 1;
    }
    Ok((vals, at(s, p) != 0))
}

/// `parse_isoformat_time`, or `Err` on a format error.
/// A parsed clock `[h, m, s, us]` and the zone's offset in seconds and
/// microseconds (`None`: naive).
type IsoTime = ([i64; 4], Option<(i64, i64)>);

fn parse_iso_time(s: &[u8]) -> Result<IsoTime, ()> {
    let end = s.len();
    let mut tz_pos = 0;
    loop {
        if matches!(at(s, tz_pos), b'Z' | b'+' | b'-') {
            break;
        }
        tz_pos += 1;
        if tz_pos >= end {
            break;
        }
    }
    let (clock, more) = parse_hh_mm_ss_ff(s, 0, tz_pos)?;
    if tz_pos >= end {
        return if more { Err(()) } else { Ok((clock, None)) };
    }
    if at(s, tz_pos) == b'Z' {
        return if at(s, tz_pos + 1) != 0 { Err(()) } else { Ok((clock, Some((0, 0)))) };
    }
    let sign = if at(s, tz_pos) == b'-' { -1 } else { 1 };
    let (z, more) = parse_hh_mm_ss_ff(s, tz_pos + 1, end).map_err(|_| ())?;
    if more {
        return Err(());
    }
    Ok((clock, Some((sign * (z[0] * 3600 + z[1] * 60 + z[2]), sign * z[3]))))
}

/// `tzinfo_from_isoformat_results`: a zero offset in seconds is UTC.
fn iso_zone(tz: Option<(i64, i64)>) -> PyResult<Value> {
    match tz {
        None => Ok(Value::None),
        Some((0, _)) => Ok(UTC.get().clone()),
        Some((secs, us)) => {
            let off = Delta::from_us(secs as i128 * 1_000_000 + us as i128)?;
            construct(Kind::Zone, &Value::Class(classes().timezone.clone()), vec![new_delta(off)], vec![])
        }
    }
}

fn time_fromisoformat(s: &str) -> PyResult<Value> {
    let b = s.as_bytes();
    let b = b.strip_prefix(b"T").unwrap_or(b);
    let (c, tz) = parse_iso_time(b).map_err(|_| invalid_iso(s))?;
    let tz = iso_zone(tz)?;
    Ok(new_time(Hms::new(c[0], c[1], c[2], c[3])?, tz, 0))
}

/// `_find_isoformat_datetime_separator`.
fn iso_separator(s: &[u8]) -> Option<usize> {
    let n = s.len();
    if n == 7 {
        return Some(7);
    }
    if at(s, 4) == b'-' {
        if at(s, 5) == b'W' {
            if n < 8 {
                return None;
            }
            if n > 8 && at(s, 8) == b'-' {
                if n == 9 {
                    return None;
                }
                if n > 10 && at(s, 10).is_ascii_digit() {
                    return Some(8);
                }
                return Some(10);
            }
            return Some(8);
        }
        return Some(10);
    }
    if at(s, 4) == b'W' {
        let mut idx = 7;
        while idx < n && s[idx].is_ascii_digit() {
            idx += 1;
        }
        if idx < 9 {
            return Some(idx);
        }
        return Some(if idx % 2 == 0 { 7 } else { 8 });
    }
    Some(8)
}

fn datetime_fromisoformat(s: &str) -> PyResult<Value> {
    let b = s.as_bytes();
    let sep = iso_separator(b).ok_or_else(|| invalid_iso(s))?;
    let (y, m, d) = parse_iso_date(b, sep).map_err(|_| invalid_iso(s))?;
    let (c, tz) =
        if b.len() > sep { parse_iso_time(&b[sep + 1..]).map_err(|_| invalid_iso(s))? } else { ([0; 4], None) };
    let tz = iso_zone(tz)?;
    Ok(new_datetime(Ymd::new(y, m, d)?, Hms::new(c[0], c[1], c[2], c[3])?, tz, 0))
}

// ------------------------------------------------------------- strftime

/// The fields `strftime` formats.
struct Tm {
    d: Ymd,
    t: Hms,
    /// `%z`'s offset (None: empty), `%Z`'s name.
    off: Option<Delta>,
    zone: String,
}

fn pad(out: &mut String, n: i64, width: usize, flag: Option<char>) {
    match flag {
        Some('-') => out.push_str(&n.to_string()),
        Some('_') => out.push_str(&format!("{n:>width$}")),
        _ => out.push_str(&format!("{n:0width$}")),
    }
}

fn strftime(tm: &Tm, fmt: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c != '%' || i + 1 >= chars.len() {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        let mut flag = None;
        if matches!(chars[i], '-' | '_' | '0' | '^') && i + 1 < chars.len() {
            flag = Some(chars[i]);
            i += 1;
        }
        let mut width = None;
        let wstart = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i > wstart {
            width = chars[wstart..i].iter().collect::<String>().parse::<usize>().ok();
        }
        if i >= chars.len() {
            out.extend(&chars[start..]);
            break;
        }
        let d = chars[i];
        i += 1;
        let piece = directive(tm, d, flag);
        match piece {
            Some(mut p) => {
                if flag == Some('^') {
                    p = p.to_uppercase();
                }
                if let Some(w) = width
                    && p.chars().count() < w
                {
                    let numeric = p.chars().all(|c| c.is_ascii_digit() || c == '-' || c == '+');
                    let fill = if numeric && flag != Some('_') { '0' } else { ' ' };
                    let padding: String = std::iter::repeat_n(fill, w - p.chars().count()).collect();
                    p = padding + &p;
                }
                out.push_str(&p);
            }
            None => out.extend(&chars[start..i]),
        }
    }
    out
}

fn directive(tm: &Tm, d: char, flag: Option<char>) -> Option<String> {
    let mut s = String::new();
    let wd = tm.d.weekday();
    let sunday_wd = (wd + 1) % 7;
    let yday = tm.d.yday() - 1;
    let h12 = if tm.t.h % 12 == 0 { 12 } else { tm.t.h % 12 };
    match d {
        'a' => s.push_str(&DAY_NAMES[wd as usize][..3]),
        'A' => s.push_str(DAY_NAMES[wd as usize]),
        'b' | 'h' => s.push_str(&MONTH_NAMES[tm.d.m as usize - 1][..3]),
        'B' => s.push_str(MONTH_NAMES[tm.d.m as usize - 1]),
        'c' => s = strftime(tm, "%a %b %e %H:%M:%S %Y"),
        'x' | 'D' => s = strftime(tm, "%m/%d/%y"),
        'X' | 'T' => s = strftime(tm, "%H:%M:%S"),
        // glibc pads neither the year nor the century (year 999: `999`, `9`).
        'F' => s = strftime(tm, "%Y-%m-%d"),
        'R' => s = strftime(tm, "%H:%M"),
        'r' => s = strftime(tm, "%I:%M:%S %p"),
        'd' => pad(&mut s, tm.d.d, 2, flag),
        'e' => pad(&mut s, tm.d.d, 2, Some(flag.unwrap_or('_'))),
        'H' => pad(&mut s, tm.t.h, 2, flag),
        'k' => pad(&mut s, tm.t.h, 2, Some(flag.unwrap_or('_'))),
        'I' => pad(&mut s, h12, 2, flag),
        'l' => pad(&mut s, h12, 2, Some(flag.unwrap_or('_'))),
        'j' => pad(&mut s, yday + 1, 3, flag),
        'm' => pad(&mut s, tm.d.m, 2, flag),
        'M' => pad(&mut s, tm.t.mi, 2, flag),
        'S' => pad(&mut s, tm.t.s, 2, flag),
        'p' => s.push_str(if tm.t.h < 12 { "AM" } else { "PM" }),
        'P' => s.push_str(if tm.t.h < 12 { "am" } else { "pm" }),
        'y' => pad(&mut s, tm.d.y % 100, 2, flag),
        'Y' => s.push_str(&tm.d.y.to_string()),
        'C' => s.push_str(&(tm.d.y / 100).to_string()),
        'G' => s.push_str(&iso_calendar(&tm.d).0.to_string()),
        'g' => pad(&mut s, iso_calendar(&tm.d).0 % 100, 2, flag),
        'V' => pad(&mut s, iso_calendar(&tm.d).1, 2, flag),
        'u' => s.push_str(&(wd + 1).to_string()),
        'w' => s.push_str(&sunday_wd.to_string()),
        'U' => pad(&mut s, (yday + 7 - sunday_wd) / 7, 2, flag),
        'W' => pad(&mut s, (yday + 7 - wd) / 7, 2, flag),
        'n' => s.push('\n'),
        't' => s.push('\t'),
        '%' => s.push('%'),
        's' => {
            let secs = (tm.d.ordinal() - EPOCH_ORDINAL) * 86_400 + tm.t.seconds();
            s.push_str(&secs.to_string());
        }
        'f' => s.push_str(&format!("{:06}", tm.t.us)),
        'z' => s.push_str(&format_offset(tm.off, "")),
        'Z' => s.push_str(&tm.zone),
        _ => return None,
    }
    Some(s)
}

/// `%:z` is CPython's own (3.12), handled before glibc sees the format.
fn strftime_full(tm: &Tm, fmt: &str) -> String {
    if fmt.contains("%:z") {
        let colon = format_offset(tm.off, ":");
        let mut out = String::new();
        let mut rest = fmt;
        while let Some(p) = rest.find('%') {
            out.push_str(&rest[..p]);
            let tail = &rest[p..];
            if let Some(after) = tail.strip_prefix("%:z") {
                out.push_str(&colon.replace('%', "%%"));
                rest = after;
            } else if tail.len() >= 2 {
                let ch_len = tail[1..].chars().next().map_or(1, char::len_utf8);
                out.push_str(&tail[..1 + ch_len]);
                rest = &tail[1 + ch_len..];
            } else {
                out.push_str(tail);
                rest = "";
            }
        }
        out.push_str(rest);
        return strftime(tm, &out);
    }
    strftime(tm, fmt)
}

// ------------------------------------------------------------- strptime

fn strptime_regex(fmt: &str) -> PyResult<String> {
    let names = |v: &[&str], g: &str| {
        let mut v: Vec<String> = v.iter().map(|s| s.to_lowercase()).collect();
        v.sort_by_key(|s| std::cmp::Reverse(s.len()));
        format!("(?P<{g}>{})", v.join("|"))
    };
    let full_days: Vec<&str> = DAY_NAMES.to_vec();
    let abbr_days: Vec<&str> = DAY_NAMES.iter().map(|d| &d[..3]).collect();
    let full_months: Vec<&str> = MONTH_NAMES.to_vec();
    let abbr_months: Vec<&str> = MONTH_NAMES.iter().map(|d| &d[..3]).collect();
    let piece = |d: char| -> Option<String> {
        Some(match d {
            'd' => r"(?P<d>3[0-1]|[1-2]\d|0[1-9]|[1-9]| [1-9])".into(),
            'f' => r"(?P<f>[0-9]{1,6})".into(),
            'H' => r"(?P<H>2[0-3]|[0-1]\d|\d)".into(),
            'I' => r"(?P<I>1[0-2]|0[1-9]|[1-9])".into(),
            'G' => r"(?P<G>\d\d\d\d)".into(),
            'j' => r"(?P<j>36[0-6]|3[0-5]\d|[1-2]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])".into(),
            'm' => r"(?P<m>1[0-2]|0[1-9]|[1-9])".into(),
            'M' => r"(?P<M>[0-5]\d|\d)".into(),
            'S' => r"(?P<S>6[0-1]|[0-5]\d|\d)".into(),
            'U' => r"(?P<U>5[0-3]|[0-4]\d|\d)".into(),
            'W' => r"(?P<W>5[0-3]|[0-4]\d|\d)".into(),
            'w' => r"(?P<w>[0-6])".into(),
            'u' => r"(?P<u>[1-7])".into(),
            'V' => r"(?P<V>5[0-3]|0[1-9]|[1-4]\d|\d)".into(),
            'y' => r"(?P<y>\d\d)".into(),
            'Y' => r"(?P<Y>\d\d\d\d)".into(),
            'z' => r"(?P<z>[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|(?-i:Z))".into(),
            'A' => names(&full_days, "A"),
            'a' => names(&abbr_days, "a"),
            'B' => names(&full_months, "B"),
            'b' => names(&abbr_months, "b"),
            'p' => "(?P<p>am|pm)".into(),
            'Z' => "(?P<Z>utc|gmt)".into(),
            '%' => "%".into(),
            _ => return None,
        })
    };
    // `%c`, `%x` and `%X` of the C locale, as `LocaleTime` finds them.
    let expanded = fmt.replace("%c", "%a %b %d %H:%M:%S %Y").replace("%x", "%m/%d/%y").replace("%X", "%H:%M:%S");
    let mut escaped = String::new();
    let mut in_space = false;
    for ch in expanded.chars() {
        if ch.is_whitespace() {
            if !in_space {
                escaped.push_str(r"\s+");
            }
            in_space = true;
            continue;
        }
        in_space = false;
        if "\\.^$*+?(){}[]|".contains(ch) {
            escaped.push('\\');
        }
        escaped.push(ch);
    }
    let mut out = String::new();
    let mut it = escaped.chars();
    while let Some(ch) = it.next() {
        if ch != '%' {
            out.push(ch);
            continue;
        }
        match it.next() {
            None => return Err(value_error(format!("stray % in format '{fmt}'"))),
            Some(d) => match piece(d) {
                Some(p) => out.push_str(&p),
                None => return Err(value_error(format!("'{d}' is a bad directive in format '{fmt}'"))),
            },
        }
    }
    Ok(out)
}

fn strptime(data: &str, fmt: &str) -> PyResult<Value> {
    let pattern = strptime_regex(fmt)?;
    let re = crate::modules::import("re")?;
    let compile = crate::attr::getattr(&re, "compile")?;
    let ignorecase = crate::attr::getattr(&re, "IGNORECASE")?;
    let rx = call(&compile, vec![Value::str(pattern), ignorecase], vec![])?;
    let m = call_method(&rx, "match", vec![Value::str(data)], vec![])?;
    let repr = |s: &str| crate::fmt::repr(&Value::str(s));
    if m.is_none() {
        return Err(value_error(format!("time data {} does not match format {}", repr(data)?, repr(fmt)?)));
    }
    let end = match call_method(&m, "end", vec![], vec![])? {
        Value::Int(i) => i as usize,
        _ => 0,
    };
    let nchars = data.chars().count();
    if end != nchars {
        let rest: String = data.chars().skip(end).collect();
        return Err(value_error(format!("unconverted data remains: {rest}")));
    }
    let groups = call_method(&m, "groupdict", vec![], vec![])?;
    let Value::Dict(groups) = groups else { return Err(type_error("groupdict")) };
    let get = |k: &str| match groups.get_str(k) {
        Some(Value::Str(s)) => Some(s.as_str().to_string()),
        _ => None,
    };
    let num = |k: &str| get(k).and_then(|s| s.trim().parse::<i64>().ok());
    let mut year: Option<i64> = None;
    let (mut month, mut day, mut hour, mut minute, mut second, mut fraction) = (1, 1, 0, 0, 0, 0);
    let mut iso_year = None;
    let mut iso_week = None;
    let mut week_of_year = None;
    let mut week_starts_mon = false;
    let mut weekday: Option<i64> = None;
    let mut julian: Option<i64> = None;
    let mut gmtoff: Option<(i64, i64)> = None;
    let lower_index = |names: &[&str], s: &str, n: usize| {
        names.iter().position(|x| x[..n.min(x.len())].eq_ignore_ascii_case(s)).unwrap_or(0) as i64
    };
    for (k, _) in groups.items() {
        let Value::Str(k) = k else { continue };
        match k.as_str() {
            "y" => {
                let y = num("y").unwrap_or(0);
                year = Some(if y <= 68 { y + 2000 } else { y + 1900 });
            }
            "Y" => year = num("Y"),
            "G" => iso_year = num("G"),
            "m" => month = num("m").unwrap_or(1),
            "B" => month = lower_index(&MONTH_NAMES, &get("B").unwrap_or_default(), 99) + 1,
            "b" => month = lower_index(&MONTH_NAMES, &get("b").unwrap_or_default(), 3) + 1,
            "d" => day = num("d").unwrap_or(1),
            "H" => hour = num("H").unwrap_or(0),
            "I" => {
                hour = num("I").unwrap_or(0);
                let ampm = get("p").unwrap_or_default().to_lowercase();
                if ampm.is_empty() || ampm == "am" {
                    if hour == 12 {
                        hour = 0;
                    }
                } else if ampm == "pm" && hour != 12 {
                    hour += 12;
                }
            }
            "M" => minute = num("M").unwrap_or(0),
            "S" => second = num("S").unwrap_or(0),
            "f" => {
                let f = get("f").unwrap_or_default();
                fraction = format!("{f:0<6}").parse().unwrap_or(0);
            }
            "A" => weekday = Some(lower_index(&DAY_NAMES, &get("A").unwrap_or_default(), 99)),
            "a" => weekday = Some(lower_index(&DAY_NAMES, &get("a").unwrap_or_default(), 3)),
            "w" => {
                let w = num("w").unwrap_or(0);
                weekday = Some(if w == 0 { 6 } else { w - 1 });
            }
            "u" => weekday = Some(num("u").unwrap_or(1) - 1),
            "j" => julian = num("j"),
            "U" | "W" => {
                week_of_year = num(k.as_str());
                week_starts_mon = k.as_str() == "W";
            }
            "V" => iso_week = num("V"),
            "z" => {
                let z = get("z").unwrap_or_default();
                if z == "Z" {
                    gmtoff = Some((0, 0));
                } else {
                    let mut zz: Vec<char> = z.chars().collect();
                    if zz.get(3) == Some(&':') {
                        zz.remove(3);
                        if zz.len() > 5 {
                            if zz[5] != ':' {
                                return Err(value_error(format!("Inconsistent use of : in {z}")));
                            }
                            zz.remove(5);
                        }
                    }
                    let part = |a: usize, b: usize| -> i64 {
                        zz.get(a..b.min(zz.len()))
                            .map(|c| c.iter().collect::<String>())
                            .and_then(|s| s.parse().ok())
                            .unwrap_or(0)
                    };
                    let secs = part(1, 3) * 3600 + part(3, 5) * 60 + part(5, 7);
                    let rem: String = zz.iter().skip(8).collect();
                    let frac: i64 = format!("{rem:0<6}").parse().unwrap_or(0);
                    gmtoff = Some(if zz[0] == '-' { (-secs, -frac) } else { (secs, frac) });
                }
            }
            _ => {}
        }
    }
    if iso_year.is_some() {
        if julian.is_some() {
            return Err(value_error(
                "Day of the year directive '%j' is not compatible with ISO year directive '%G'. Use '%Y' instead.",
            ));
        } else if iso_week.is_none() || weekday.is_none() {
            return Err(value_error(
                "ISO year directive '%G' must be used with the ISO week directive '%V' and a weekday directive ('%A', '%a', '%w', or '%u').",
            ));
        }
    } else if iso_week.is_some() {
        if year.is_none() || weekday.is_none() {
            return Err(value_error(
                "ISO week directive '%V' must be used with the ISO year directive '%G' and a weekday directive ('%A', '%a', '%w', or '%u').",
            ));
        }
        return Err(value_error(
            "ISO week directive '%V' is incompatible with the year directive '%Y'. Use the ISO year '%G' instead.",
        ));
    }
    let mut leap_fix = false;
    let mut y = match year {
        Some(y) => y,
        None if month == 2 && day == 29 => {
            leap_fix = true;
            1904
        }
        None => 1900,
    };
    if julian.is_none()
        && let Some(wd) = weekday
    {
        if let Some(week) = week_of_year {
            let mut first = Ymd::new(y, 1, 1)?.weekday();
            let mut dow = wd;
            if !week_starts_mon {
                first = (first + 1) % 7;
                dow = (dow + 1) % 7;
            }
            let week0 = (7 - first) % 7;
            julian = Some(if week == 0 { 1 + dow - first } else { 1 + week0 + 7 * (week - 1) + dow });
        } else if let (Some(iy), Some(iw)) = (iso_year, iso_week) {
            let r = iso_to_gregorian(iy, iw, wd + 1)?;
            (y, month, day) = (r.y, r.m, r.d);
        }
        if let Some(j) = julian
            && j <= 0
        {
            y -= 1;
            julian = Some(j + if is_leap(y) { 366 } else { 365 });
        }
    }
    if let Some(j) = julian {
        let r = Ymd::from_ordinal(j - 1 + Ymd::new(y, 1, 1)?.ordinal())?;
        (y, month, day) = (r.y, r.m, r.d);
    } else {
        Ymd::new(y, month, day)?;
    }
    if leap_fix {
        y = 1900;
    }
    let d = Ymd::new(y, month, day)?;
    let t = Hms::new(hour, minute, second, fraction)?;
    let tz = match gmtoff {
        None => Value::None,
        Some((secs, frac)) => {
            let off = Delta::from_us(secs as i128 * 1_000_000 + frac as i128)?;
            let name = get("Z").filter(|s| !s.is_empty()).map(|s| PyStr::new(&s));
            construct(
                Kind::Zone,
                &Value::Class(classes().timezone.clone()),
                std::iter::once(new_delta(off)).chain(name.map(Value::Str)).collect(),
                vec![],
            )?
        }
    };
    Ok(new_datetime(d, t, tz, 0))
}

// ------------------------------------------------------------- shared method helpers

fn isoformat_time(t: &Hms, timespec: &str) -> PyResult<String> {
    Ok(match timespec {
        "auto" if t.us != 0 => format!("{:02}:{:02}:{:02}.{:06}", t.h, t.mi, t.s, t.us),
        "auto" | "seconds" => format!("{:02}:{:02}:{:02}", t.h, t.mi, t.s),
        "hours" => format!("{:02}", t.h),
        "minutes" => format!("{:02}:{:02}", t.h, t.mi),
        "milliseconds" => format!("{:02}:{:02}:{:02}.{:03}", t.h, t.mi, t.s, t.us / 1000),
        "microseconds" => format!("{:02}:{:02}:{:02}.{:06}", t.h, t.mi, t.s, t.us),
        _ => return Err(value_error("Unknown timespec value")),
    })
}

fn timespec_arg(v: &Option<Value>, fname: &str, pos: usize) -> PyResult<String> {
    match v {
        None => Ok("auto".into()),
        Some(v) => Ok(str_arg(fname, pos, v)?.to_string()),
    }
}

fn date_iso(d: &Ymd) -> String {
    format!("{:04}-{:02}-{:02}", d.y, d.m, d.d)
}

fn ctime(d: &Ymd, t: &Hms) -> String {
    format!(
        "{} {} {:2} {:02}:{:02}:{:02} {:04}",
        &DAY_NAMES[d.weekday() as usize][..3],
        &MONTH_NAMES[d.m as usize - 1][..3],
        d.d,
        t.h,
        t.mi,
        t.s,
        d.y
    )
}

/// `timetuple()`: a `time.struct_time` of the nine sequence fields.
fn timetuple(d: &Ymd, t: &Hms, dst: i64) -> Value {
    const FIELDS: &[&str] =
        &["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"];
    let items = [d.y, d.m, d.d, t.h, t.mi, t.s, d.weekday(), d.yday(), dst].into_iter().map(Value::Int).collect();
    crate::structseq::new(classes().struct_time.clone(), "time.struct_time", FIELDS, items)
}

fn format_method(this: &Value, args: Vec<Value>, kwargs: &Kwargs) -> PyResult<Value> {
    let spec = one_arg("__format__", args, kwargs)?;
    let Value::Str(s) = &spec else {
        return Err(type_error(format!("__format__() argument 1 must be str, not {}", type_name(&spec))));
    };
    if s.as_str().is_empty() {
        return Ok(Value::str(crate::fmt::str_(this)?));
    }
    call_method(this, "strftime", vec![spec.clone()], vec![])
}

fn strftime_arg(args: Vec<Value>, kwargs: Kwargs) -> PyResult<String> {
    let a = parse_args("strftime", &["format"], 1, args, kwargs, false)?;
    Ok(str_arg("strftime", 1, a[0].as_ref().unwrap_or(&Value::None))?.to_string())
}

fn cmp_result(op: &str, ord: std::cmp::Ordering) -> Value {
    use std::cmp::Ordering::*;
    Value::Bool(match op {
        "__eq__" => ord == Equal,
        "__ne__" => ord != Equal,
        "__lt__" => ord == Less,
        "__le__" => ord != Greater,
        "__gt__" => ord == Greater,
        _ => ord != Less,
    })
}

fn is_cmp(name: &str) -> bool {
    matches!(name, "__eq__" | "__ne__" | "__lt__" | "__le__" | "__gt__" | "__ge__")
}

/// The operand of a binary special method called by hand
/// (`timedelta.__add__(a)` with no `b`: CPython's wrapper message).
fn other_arg(_name: &str, args: &[Value]) -> PyResult<Value> {
    match args {
        [o] => Ok(o.clone()),
        _ => Err(type_error(format!("expected 1 argument, got {}", args.len()))),
    }
}

fn hash_ints(items: &[i64]) -> i64 {
    crate::hash::hash_tuple(items.iter().map(|&i| crate::hash::hash_i64(i)))
}

fn bound(this: &Value, name: &str) -> Value {
    Value::native(BoundBuiltin { receiver: this.clone(), name: PyStr::new(name) })
}

fn class_attr(kind: Kind, name: &str) -> Option<PyResult<Value>> {
    kind.class().dict.get_str(name).filter(|v| downcast::<ClassFn>(v).is_none()).map(Ok)
}

fn readonly(kind: Kind, fields: &[&str], name: &str) -> Option<PyResult<()>> {
    Some(Err(if fields.contains(&name) && kind == Kind::Delta {
        // timedelta's fields are member descriptors, the others getsets.
        attribute_error("readonly attribute")
    } else if fields.contains(&name) {
        attribute_error(format!("attribute '{name}' of '{}' objects is not writable", kind.tp_name()))
    } else {
        attribute_error(format!("'{}' object has no attribute '{name}'", kind.tp_name()))
    }))
}

// ------------------------------------------------------------- timedelta

impl Native for TimeDelta {
    fn type_name(&self) -> &'static str {
        "datetime.timedelta"
    }

    fn class(&self) -> Rc<Class> {
        classes().timedelta.clone()
    }

    fn truthy(&self) -> Option<bool> {
        Some(!self.0.is_zero())
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        let d = self.0;
        let mut parts = Vec::new();
        if d.days != 0 {
            parts.push(format!("days={}", d.days));
        }
        if d.secs != 0 {
            parts.push(format!("seconds={}", d.secs));
        }
        if d.us != 0 {
            parts.push(format!("microseconds={}", d.us));
        }
        if parts.is_empty() {
            parts.push("0".into());
        }
        Ok(format!("datetime.timedelta({})", parts.join(", ")))
    }

    fn str(&self, _this: &Value) -> PyResult<String> {
        let d = self.0;
        let (mm, ss) = (d.secs / 60, d.secs % 60);
        let (hh, mm) = (mm / 60, mm % 60);
        let mut s = format!("{hh}:{mm:02}:{ss:02}");
        if d.days != 0 {
            let plural = if d.days.abs() != 1 { "s" } else { "" };
            s = format!("{} day{plural}, {s}", d.days);
        }
        if d.us != 0 {
            s.push_str(&format!(".{:06}", d.us));
        }
        Ok(s)
    }

    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        match name {
            "days" => Some(Ok(Value::Int(self.0.days))),
            "seconds" => Some(Ok(Value::Int(self.0.secs))),
            "microseconds" => Some(Ok(Value::Int(self.0.us))),
            _ if DELTA_METHODS.contains(&name) => Some(Ok(bound(this, name))),
            _ => class_attr(Kind::Delta, name),
        }
    }

    fn setattr(&self, _this: &Value, name: &str, _value: Value) -> Option<PyResult<()>> {
        readonly(Kind::Delta, &["days", "seconds", "microseconds"], name)
    }

    fn hash(&self) -> Option<i64> {
        Some(hash_ints(&[self.0.days, self.0.secs, self.0.us]))
    }

    fn has_method(&self, name: &str) -> bool {
        DELTA_METHODS.contains(&name)
    }

    fn call_method(&self, this: &Value, name: &str, args: Vec<Value>, kwargs: Kwargs) -> Option<PyResult<Value>> {
        if !DELTA_METHODS.contains(&name) {
            return None;
        }
        Some(delta_method(self.0, this, name, args, kwargs))
    }
}

fn delta_method(d: Delta, this: &Value, name: &str, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let us = d.total_us();
    match name {
        "total_seconds" => {
            no_args("total_seconds", &args, &kwargs)?;
            crate::ops::binary(&int_value(us), &Value::Int(1_000_000), crate::ops::BinOp::TrueDiv)
        }
        "__neg__" => Ok(new_delta(d.neg()?)),
        "__pos__" => Ok(this.clone()),
        "__abs__" => Ok(if d.days < 0 { new_delta(d.neg()?) } else { this.clone() }),
        "__bool__" => Ok(Value::Bool(!d.is_zero())),
        "__hash__" => Ok(Value::Int(hash_ints(&[d.days, d.secs, d.us]))),
        "__reduce__" => Ok(Value::tuple_of([
            Value::Class(classes().timedelta.clone()),
            Value::tuple_of([Value::Int(d.days), Value::Int(d.secs), Value::Int(d.us)]),
        ])),
        _ => {
            let o = other_arg(name, &args)?;
            if is_cmp(name) {
                return Ok(match delta_of(&o) {
                    Some(e) => cmp_result(name, d.cmp(&e)),
                    None => Value::NotImplemented,
                });
            }
            delta_binary(d, name, &o)
        }
    }
}

fn delta_binary(d: Delta, name: &str, o: &Value) -> PyResult<Value> {
    let us = d.total_us();
    let big = BigInt::from(us);
    if let Some(e) = delta_of(o) {
        let ou = e.total_us();
        return match name {
            "__add__" | "__radd__" => Ok(new_delta(Delta::from_us(us + ou)?)),
            "__sub__" => Ok(new_delta(Delta::from_us(us - ou)?)),
            "__rsub__" => Ok(new_delta(Delta::from_us(ou - us)?)),
            "__truediv__" => {
                if ou == 0 {
                    return Err(zero_division_error("division by zero"));
                }
                crate::ops::binary(&int_value(us), &int_value(ou), crate::ops::BinOp::TrueDiv)
            }
            "__floordiv__" => {
                if ou == 0 {
                    return Err(zero_division_error("integer division or modulo by zero"));
                }
                Ok(Value::from_bigint(big.div_floor(&BigInt::from(ou))))
            }
            "__mod__" => {
                if ou == 0 {
                    return Err(zero_division_error("integer modulo by zero"));
                }
                Ok(new_delta(Delta::from_big(&big.mod_floor(&BigInt::from(ou)))?))
            }
            "__divmod__" => {
                if ou == 0 {
                    return Err(zero_division_error("integer division or modulo by zero"));
                }
                let (q, r) = big.div_mod_floor(&BigInt::from(ou));
                Ok(Value::tuple_of([Value::from_bigint(q), new_delta(Delta::from_big(&r)?)]))
            }
            _ => Ok(Value::NotImplemented),
        };
    }
    match (name, o) {
        ("__mul__" | "__rmul__", Value::Float(f)) => {
            let (n, den) = integer_ratio(*f)?;
            Ok(new_delta(Delta::from_big(&divide_and_round(&(big * n), &den))?))
        }
        ("__mul__" | "__rmul__", _) if big_of(o).is_some() => {
            Ok(new_delta(Delta::from_big(&(big * big_of(o).unwrap_or_default()))?))
        }
        ("__truediv__", Value::Float(f)) => {
            let (n, den) = integer_ratio(*f)?;
            if n.is_zero() {
                return Err(zero_division_error("integer division or modulo by zero"));
            }
            Ok(new_delta(Delta::from_big(&divide_and_round(&(big * den), &n))?))
        }
        ("__truediv__" | "__floordiv__", _) if big_of(o).is_some() => {
            let n = big_of(o).unwrap_or_default();
            if n.is_zero() {
                return Err(zero_division_error("integer division or modulo by zero"));
            }
            let q = if name == "__truediv__" { divide_and_round(&big, &n) } else { big.div_floor(&n) };
            Ok(new_delta(Delta::from_big(&q)?))
        }
        _ => Ok(Value::NotImplemented),
    }
}

// ------------------------------------------------------------- date

impl Native for Date {
    fn type_name(&self) -> &'static str {
        "datetime.date"
    }

    fn class(&self) -> Rc<Class> {
        classes().date.clone()
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(format!("datetime.date({}, {}, {})", self.0.y, self.0.m, self.0.d))
    }

    fn str(&self, _this: &Value) -> PyResult<String> {
        Ok(date_iso(&self.0))
    }

    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        match name {
            "year" => Some(Ok(Value::Int(self.0.y))),
            "month" => Some(Ok(Value::Int(self.0.m))),
            "day" => Some(Ok(Value::Int(self.0.d))),
            _ if self.has_method(name) => Some(Ok(bound(this, name))),
            _ => class_attr(Kind::Date, name),
        }
    }

    fn setattr(&self, _this: &Value, name: &str, _value: Value) -> Option<PyResult<()>> {
        readonly(Kind::Date, &["year", "month", "day"], name)
    }

    fn hash(&self) -> Option<i64> {
        Some(hash_ints(&[self.0.y, self.0.m, self.0.d]))
    }

    fn has_method(&self, name: &str) -> bool {
        DATE_METHODS.contains(&name) || DATE_CLASS_METHODS.contains(&name)
    }

    fn call_method(&self, this: &Value, name: &str, args: Vec<Value>, kwargs: Kwargs) -> Option<PyResult<Value>> {
        if DATE_CLASS_METHODS.contains(&name) {
            return Some(class_method(Kind::Date, name, args, kwargs));
        }
        if !DATE_METHODS.contains(&name) {
            return None;
        }
        Some(date_method(&self.0, this, name, args, kwargs))
    }
}

/// The methods `date` and `datetime` share, on the date part.
fn date_common(d: &Ymd, name: &str, args: &[Value], kwargs: &Kwargs) -> Option<PyResult<Value>> {
    let chk = |n: &str| no_args(n, args, kwargs);
    Some(match name {
        "toordinal" => chk("toordinal").map(|_| Value::Int(d.ordinal())),
        "weekday" => chk("weekday").map(|_| Value::Int(d.weekday())),
        "isoweekday" => chk("isoweekday").map(|_| Value::Int(d.weekday() + 1)),
        "isocalendar" => chk("isocalendar").map(|_| {
            let (y, w, wd) = iso_calendar(d);
            crate::structseq::new(
                classes().isocal.clone(),
                "datetime.IsoCalendarDate",
                &["year", "week", "weekday"],
                vec![Value::Int(y), Value::Int(w), Value::Int(wd)],
            )
        }),
        _ => return None,
    })
}

fn date_method(d: &Ymd, this: &Value, name: &str, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    if let Some(r) = date_common(d, name, &args, &kwargs) {
        return r;
    }
    match name {
        "isoformat" => {
            if !args.is_empty() || !kwargs.is_empty() {
                return Err(type_error(format!(
                    "date.isoformat() takes no arguments ({} given)",
                    args.len() + kwargs.len()
                )));
            }
            Ok(Value::str(date_iso(d)))
        }
        "ctime" => no_args("ctime", &args, &kwargs).map(|_| Value::str(ctime(d, &Hms::default()))),
        "timetuple" => no_args("timetuple", &args, &kwargs).map(|_| timetuple(d, &Hms::default(), -1)),
        "strftime" => {
            let f = strftime_arg(args, kwargs)?;
            let tm = Tm { d: *d, t: Hms::default(), off: None, zone: String::new() };
            Ok(Value::str(strftime_full(&tm, &f)))
        }
        "__format__" => format_method(this, args, &kwargs),
        "replace" => {
            let a = parse_args("replace", &["year", "month", "day"], 0, args, kwargs, false)?;
            Ok(new_date(Ymd::new(int_or(&a[0], d.y)?, int_or(&a[1], d.m)?, int_or(&a[2], d.d)?)?))
        }
        "__hash__" => Ok(Value::Int(hash_ints(&[d.y, d.m, d.d]))),
        "__reduce__" => Ok(Value::tuple_of([
            Value::Class(classes().date.clone()),
            Value::tuple_of([Value::Int(d.y), Value::Int(d.m), Value::Int(d.d)]),
        ])),
        _ => {
            let o = other_arg(name, &args)?;
            if is_cmp(name) {
                // A datetime on the other side answers first (it is a
                // subclass), so only plain dates reach here.
                return Ok(match downcast::<Date>(&o) {
                    Some(e) => cmp_result(name, d.cmp(&e.0)),
                    None => Value::NotImplemented,
                });
            }
            match (name, delta_of(&o), downcast::<Date>(&o)) {
                ("__add__" | "__radd__", Some(e), _) => Ok(new_date(Ymd::from_ordinal(d.ordinal() + e.days)?)),
                ("__sub__", Some(e), _) => Ok(new_date(Ymd::from_ordinal(d.ordinal() - e.days)?)),
                ("__sub__", _, Some(e)) => {
                    Ok(new_delta(Delta::from_us((d.ordinal() - e.0.ordinal()) as i128 * US_PER_DAY)?))
                }
                _ => Ok(Value::NotImplemented),
            }
        }
    }
}

// ------------------------------------------------------------- time

impl Native for Time {
    fn type_name(&self) -> &'static str {
        "datetime.time"
    }

    fn class(&self) -> Rc<Class> {
        classes().time.clone()
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        let t = &self.t;
        let mut s = if t.us != 0 {
            format!("datetime.time({}, {}, {}, {}", t.h, t.mi, t.s, t.us)
        } else if t.s != 0 {
            format!("datetime.time({}, {}, {}", t.h, t.mi, t.s)
        } else {
            format!("datetime.time({}, {}", t.h, t.mi)
        };
        if !self.tz.is_none() {
            s.push_str(&format!(", tzinfo={}", crate::fmt::repr(&self.tz)?));
        }
        if self.fold != 0 {
            s.push_str(", fold=1");
        }
        s.push(')');
        Ok(s)
    }

    fn str(&self, _this: &Value) -> PyResult<String> {
        let off = tz_offset(&self.tz, &Value::None, "utcoffset")?;
        Ok(isoformat_time(&self.t, "auto")? + &format_offset(off, ":"))
    }

    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        match name {
            "hour" => Some(Ok(Value::Int(self.t.h))),
            "minute" => Some(Ok(Value::Int(self.t.mi))),
            "second" => Some(Ok(Value::Int(self.t.s))),
            "microsecond" => Some(Ok(Value::Int(self.t.us))),
            "tzinfo" => Some(Ok(self.tz.clone())),
            "fold" => Some(Ok(Value::Int(self.fold))),
            _ if self.has_method(name) => Some(Ok(bound(this, name))),
            _ => class_attr(Kind::Time, name),
        }
    }

    fn setattr(&self, _this: &Value, name: &str, _value: Value) -> Option<PyResult<()>> {
        readonly(Kind::Time, &["hour", "minute", "second", "microsecond", "tzinfo", "fold"], name)
    }

    fn hash(&self) -> Option<i64> {
        match tz_offset(&self.tz, &Value::None, "utcoffset") {
            Ok(Some(off)) => {
                let us = self.t.seconds() as i128 * 1_000_000 + self.t.us as i128 - off.total_us();
                Some(hash_ints(&[(us >> 32) as i64, (us & 0xffff_ffff) as i64]))
            }
            _ => Some(hash_ints(&[self.t.h, self.t.mi, self.t.s, self.t.us])),
        }
    }

    fn has_method(&self, name: &str) -> bool {
        TIME_METHODS.contains(&name) || name == "fromisoformat"
    }

    fn call_method(&self, this: &Value, name: &str, args: Vec<Value>, kwargs: Kwargs) -> Option<PyResult<Value>> {
        if name == "fromisoformat" {
            return Some(class_method(Kind::Time, name, args, kwargs));
        }
        if !TIME_METHODS.contains(&name) {
            return None;
        }
        Some(time_method(self, this, name, args, kwargs))
    }
}

fn time_method(t: &Time, this: &Value, name: &str, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    match name {
        "isoformat" => {
            let a = parse_args("isoformat", &["timespec"], 0, args, kwargs, false)?;
            let spec = timespec_arg(&a[0], "isoformat", 1)?;
            let off = tz_offset(&t.tz, &Value::None, "utcoffset")?;
            Ok(Value::str(isoformat_time(&t.t, &spec)? + &format_offset(off, ":")))
        }
        "strftime" => {
            let f = strftime_arg(args, kwargs)?;
            let off = tz_offset(&t.tz, &Value::None, "utcoffset")?;
            let zone = match tz_name(&t.tz, &Value::None)? {
                Value::Str(s) => s.as_str().to_string(),
                _ => String::new(),
            };
            let tm = Tm { d: Ymd { y: 1900, m: 1, d: 1 }, t: t.t, off, zone };
            Ok(Value::str(strftime_full(&tm, &f)))
        }
        "__format__" => format_method(this, args, &kwargs),
        "replace" => {
            let a = parse_args(
                "replace",
                &["hour", "minute", "second", "microsecond", "tzinfo", "fold"],
                0,
                args,
                kwargs,
                true,
            )?;
            let hms =
                Hms::new(int_or(&a[0], t.t.h)?, int_or(&a[1], t.t.mi)?, int_or(&a[2], t.t.s)?, int_or(&a[3], t.t.us)?)?;
            let tz = match &a[4] {
                Some(z) => check_tzinfo(z)?,
                None => t.tz.clone(),
            };
            Ok(new_time(hms, tz, check_fold(int_or(&a[5], t.fold)?)?))
        }
        "utcoffset" | "dst" => {
            no_args(name, &args, &kwargs)?;
            Ok(tz_offset(&t.tz, &Value::None, name)?.map_or(Value::None, new_delta))
        }
        "tzname" => {
            no_args(name, &args, &kwargs)?;
            tz_name(&t.tz, &Value::None)
        }
        "__hash__" => Ok(Value::Int(t.hash().unwrap_or(0))),
        "__reduce__" => Err(type_error("cannot pickle 'datetime.time' object")),
        _ => {
            let o = other_arg(name, &args)?;
            let Some(u) = downcast::<Time>(&o) else { return Ok(Value::NotImplemented) };
            if t.tz.is(&u.tz) {
                return Ok(cmp_result(name, t.t.cmp(&u.t)));
            }
            let a = tz_offset(&t.tz, &Value::None, "utcoffset")?;
            let b = tz_offset(&u.tz, &Value::None, "utcoffset")?;
            match (a, b) {
                (a, b) if a == b => Ok(cmp_result(name, t.t.cmp(&u.t))),
                (Some(a), Some(b)) => {
                    let x = t.t.seconds() as i128 * 1_000_000 + t.t.us as i128 - a.total_us();
                    let y = u.t.seconds() as i128 * 1_000_000 + u.t.us as i128 - b.total_us();
                    Ok(cmp_result(name, x.cmp(&y)))
                }
                _ => match name {
                    "__eq__" => Ok(Value::Bool(false)),
                    "__ne__" => Ok(Value::Bool(true)),
                    _ => Err(type_error("can't compare offset-naive and offset-aware times")),
                },
            }
        }
    }
}

// ------------------------------------------------------------- datetime

/// `dt + timedelta(microseconds=us)`, keeping the zone, fold 0.
fn datetime_add(dt: &Value, us: i128) -> PyResult<Value> {
    let Some(d) = downcast::<DateTime>(dt) else { return Ok(Value::NotImplemented) };
    let total = d.local_us() + us;
    let days = total.div_euclid(US_PER_DAY);
    let rest = total.rem_euclid(US_PER_DAY) as i64;
    if days < 1 || days > MAX_ORDINAL as i128 {
        return Err(overflow_error("date value out of range"));
    }
    let ymd = Ymd::from_ordinal(days as i64)?;
    let secs = rest / 1_000_000;
    let t = Hms { h: secs / 3600, mi: secs / 60 % 60, s: secs % 60, us: rest % 1_000_000 };
    Ok(new_datetime(ymd, t, d.tz.clone(), 0))
}

impl DateTime {
    /// Microseconds since 0001-01-01 minus one day, ignoring the zone.
    fn local_us(&self) -> i128 {
        self.d.ordinal() as i128 * US_PER_DAY + self.t.seconds() as i128 * 1_000_000 + self.t.us as i128
    }

    fn offset(&self, this: &Value) -> PyResult<Option<Delta>> {
        tz_offset(&self.tz, this, "utcoffset")
    }

    fn isoformat(&self, this: &Value, sep: &str, timespec: &str) -> PyResult<String> {
        Ok(format!(
            "{}{sep}{}{}",
            date_iso(&self.d),
            isoformat_time(&self.t, timespec)?,
            format_offset(self.offset(this)?, ":")
        ))
    }
}

impl Native for DateTime {
    fn type_name(&self) -> &'static str {
        "datetime.datetime"
    }

    fn class(&self) -> Rc<Class> {
        classes().datetime.clone()
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        let (d, t) = (&self.d, &self.t);
        let mut s = format!("datetime.datetime({}, {}, {}, {}, {}", d.y, d.m, d.d, t.h, t.mi);
        if t.s != 0 || t.us != 0 {
            s.push_str(&format!(", {}", t.s));
        }
        if t.us != 0 {
            s.push_str(&format!(", {}", t.us));
        }
        if self.fold != 0 {
            s.push_str(", fold=1");
        }
        if !self.tz.is_none() {
            s.push_str(&format!(", tzinfo={}", crate::fmt::repr(&self.tz)?));
        }
        s.push(')');
        Ok(s)
    }

    fn str(&self, this: &Value) -> PyResult<String> {
        self.isoformat(this, " ", "auto")
    }

    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        match name {
            "year" => Some(Ok(Value::Int(self.d.y))),
            "month" => Some(Ok(Value::Int(self.d.m))),
            "day" => Some(Ok(Value::Int(self.d.d))),
            "hour" => Some(Ok(Value::Int(self.t.h))),
            "minute" => Some(Ok(Value::Int(self.t.mi))),
            "second" => Some(Ok(Value::Int(self.t.s))),
            "microsecond" => Some(Ok(Value::Int(self.t.us))),
            "tzinfo" => Some(Ok(self.tz.clone())),
            "fold" => Some(Ok(Value::Int(self.fold))),
            _ if self.has_method(name) => Some(Ok(bound(this, name))),
            _ => class_attr(Kind::DateTime, name),
        }
    }

    fn setattr(&self, _this: &Value, name: &str, _value: Value) -> Option<PyResult<()>> {
        let fields = ["year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo", "fold"];
        readonly(Kind::DateTime, &fields, name)
    }

    fn hash(&self) -> Option<i64> {
        // Equal datetimes hash alike: aware ones by their UTC value.
        let this = Value::None;
        let us = match self.offset(&this) {
            Ok(Some(off)) => self.local_us() - off.total_us(),
            _ => self.local_us(),
        };
        Some(hash_ints(&[(us >> 32) as i64, (us & 0xffff_ffff) as i64]))
    }

    fn has_method(&self, name: &str) -> bool {
        DATE_METHODS.contains(&name) || DATETIME_METHODS.contains(&name) || DATETIME_CLASS_METHODS.contains(&name)
    }

    fn call_method(&self, this: &Value, name: &str, args: Vec<Value>, kwargs: Kwargs) -> Option<PyResult<Value>> {
        if DATETIME_CLASS_METHODS.contains(&name) {
            return Some(class_method(Kind::DateTime, name, args, kwargs));
        }
        if !self.has_method(name) {
            return None;
        }
        Some(datetime_method(self, this, name, args, kwargs))
    }
}

fn datetime_method(dt: &DateTime, this: &Value, name: &str, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    if let Some(r) = date_common(&dt.d, name, &args, &kwargs) {
        return r;
    }
    match name {
        "date" => no_args("date", &args, &kwargs).map(|_| new_date(dt.d)),
        "time" => no_args("time", &args, &kwargs).map(|_| new_time(dt.t, Value::None, dt.fold)),
        "timetz" => no_args("timetz", &args, &kwargs).map(|_| new_time(dt.t, dt.tz.clone(), dt.fold)),
        "ctime" => no_args("ctime", &args, &kwargs).map(|_| Value::str(ctime(&dt.d, &dt.t))),
        "timetuple" => {
            no_args("timetuple", &args, &kwargs)?;
            let dst = match tz_offset(&dt.tz, this, "dst")? {
                None => -1,
                Some(d) => i64::from(!d.is_zero()),
            };
            Ok(timetuple(&dt.d, &dt.t, dst))
        }
        "utctimetuple" => {
            no_args("utctimetuple", &args, &kwargs)?;
            let v = match dt.offset(this)? {
                Some(off) => datetime_add(this, -off.total_us())?,
                None => this.clone(),
            };
            let u = downcast::<DateTime>(&v).map(|u| (u.d, u.t)).unwrap_or((dt.d, dt.t));
            Ok(timetuple(&u.0, &u.1, 0))
        }
        "isoformat" => {
            let a = parse_args("isoformat", &["sep", "timespec"], 0, args, kwargs, false)?;
            let sep = match &a[0] {
                None => "T".to_string(),
                Some(Value::Str(s)) if s.as_str().chars().count() == 1 => s.as_str().to_string(),
                Some(v) => {
                    return Err(type_error(format!(
                        "isoformat() argument 1 must be a unicode character, not {}",
                        type_name(v)
                    )));
                }
            };
            let spec = timespec_arg(&a[1], "isoformat", 2)?;
            Ok(Value::str(dt.isoformat(this, &sep, &spec)?))
        }
        "strftime" => {
            let f = strftime_arg(args, kwargs)?;
            let zone = match tz_name(&dt.tz, this)? {
                Value::Str(s) => s.as_str().to_string(),
                _ => String::new(),
            };
            let tm = Tm { d: dt.d, t: dt.t, off: dt.offset(this)?, zone };
            Ok(Value::str(strftime_full(&tm, &f)))
        }
        "__format__" => format_method(this, args, &kwargs),
        "replace" => {
            let names = ["year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo", "fold"];
            let a = parse_args("replace", &names, 0, args, kwargs, true)?;
            let d = Ymd::new(int_or(&a[0], dt.d.y)?, int_or(&a[1], dt.d.m)?, int_or(&a[2], dt.d.d)?)?;
            let t = &dt.t;
            let hms = Hms::new(int_or(&a[3], t.h)?, int_or(&a[4], t.mi)?, int_or(&a[5], t.s)?, int_or(&a[6], t.us)?)?;
            let tz = match &a[7] {
                Some(z) => check_tzinfo(z)?,
                None => dt.tz.clone(),
            };
            Ok(new_datetime(d, hms, tz, check_fold(int_or(&a[8], dt.fold)?)?))
        }
        "utcoffset" | "dst" => {
            no_args(name, &args, &kwargs)?;
            Ok(tz_offset(&dt.tz, this, name)?.map_or(Value::None, new_delta))
        }
        "tzname" => {
            no_args(name, &args, &kwargs)?;
            tz_name(&dt.tz, this)
        }
        "timestamp" => {
            no_args("timestamp", &args, &kwargs)?;
            // A naive datetime is local time, taken to be UTC.
            let off = dt.offset(this)?.unwrap_or_default();
            let us = dt.local_us() - off.total_us() - EPOCH_ORDINAL as i128 * US_PER_DAY;
            crate::ops::binary(&int_value(us), &Value::Int(1_000_000), crate::ops::BinOp::TrueDiv)
        }
        "astimezone" => {
            let a = parse_args("astimezone", &["tz"], 0, args, kwargs, false)?;
            let tz = match &a[0] {
                None | Some(Value::None) => {
                    Value::native(TimeZone { offset: Delta::default(), name: Some(PyStr::new("UTC")) })
                }
                Some(z) => {
                    if !is_tzinfo(z) {
                        return Err(type_error(format!(
                            "tzinfo argument must be None or of a tzinfo subclass, not type '{}'",
                            type_name(z)
                        )));
                    }
                    z.clone()
                }
            };
            if tz.is(&dt.tz) {
                return Ok(this.clone());
            }
            // A naive datetime is local time (UTC here).
            let off = dt.offset(this)?.unwrap_or_default();
            let utc = datetime_add(this, -off.total_us())?;
            let utc = match downcast::<DateTime>(&utc) {
                Some(u) => new_datetime(u.d, u.t, tz.clone(), 0),
                None => utc,
            };
            if let Some(z) = downcast::<TimeZone>(&tz) {
                return datetime_add(&utc, z.offset.total_us());
            }
            call_method(&tz, "fromutc", vec![utc], vec![])
        }
        "__hash__" => Ok(Value::Int(dt.hash().unwrap_or(0))),
        "__reduce__" => Err(type_error("cannot pickle 'datetime.datetime' object")),
        _ => {
            let o = other_arg(name, &args)?;
            if is_cmp(name) {
                return datetime_compare(dt, this, name, &o);
            }
            datetime_binary(dt, this, name, &o)
        }
    }
}

fn datetime_compare(dt: &DateTime, this: &Value, name: &str, o: &Value) -> PyResult<Value> {
    let Some(u) = downcast::<DateTime>(o) else {
        if downcast::<Date>(o).is_some() {
            return match name {
                "__eq__" => Ok(Value::Bool(false)),
                "__ne__" => Ok(Value::Bool(true)),
                _ => Err(type_error("can't compare datetime.datetime to datetime.date")),
            };
        }
        return Ok(Value::NotImplemented);
    };
    let raw = |x: &DateTime| (x.d, x.t);
    if dt.tz.is(&u.tz) {
        return Ok(cmp_result(name, raw(dt).cmp(&raw(u))));
    }
    let a = dt.offset(this)?;
    let b = u.offset(o)?;
    match (a, b) {
        (a, b) if a == b => Ok(cmp_result(name, raw(dt).cmp(&raw(u)))),
        (Some(a), Some(b)) => {
            let x = dt.local_us() - a.total_us();
            let y = u.local_us() - b.total_us();
            Ok(cmp_result(name, x.cmp(&y)))
        }
        _ => match name {
            "__eq__" => Ok(Value::Bool(false)),
            "__ne__" => Ok(Value::Bool(true)),
            _ => Err(type_error("can't compare offset-naive and offset-aware datetimes")),
        },
    }
}

fn datetime_binary(dt: &DateTime, this: &Value, name: &str, o: &Value) -> PyResult<Value> {
    if let Some(e) = delta_of(o) {
        return match name {
            "__add__" | "__radd__" => datetime_add(this, e.total_us()),
            "__sub__" => datetime_add(this, -e.total_us()),
            _ => Ok(Value::NotImplemented),
        };
    }
    if name != "__sub__" {
        return Ok(Value::NotImplemented);
    }
    let Some(u) = downcast::<DateTime>(o) else { return Ok(Value::NotImplemented) };
    let (a, b) = if dt.tz.is(&u.tz) { (None, None) } else { (dt.offset(this)?, u.offset(o)?) };
    if a.is_some() != b.is_some() {
        return Err(type_error("can't subtract offset-naive and offset-aware datetimes"));
    }
    let x = dt.local_us() - a.map_or(0, |d| d.total_us());
    let y = u.local_us() - b.map_or(0, |d| d.total_us());
    Ok(new_delta(Delta::from_us(x - y)?))
}

// ------------------------------------------------------------- timezone and tzinfo

impl Native for TimeZone {
    fn type_name(&self) -> &'static str {
        "datetime.timezone"
    }

    fn class(&self) -> Rc<Class> {
        classes().timezone.clone()
    }

    fn repr(&self, this: &Value) -> PyResult<String> {
        if this.is(UTC.get()) {
            return Ok("datetime.timezone.utc".into());
        }
        let off = crate::fmt::repr(&new_delta(self.offset))?;
        Ok(match &self.name {
            Some(n) => format!("datetime.timezone({off}, {})", crate::fmt::repr(&Value::Str(n.clone()))?),
            None => format!("datetime.timezone({off})"),
        })
    }

    fn str(&self, _this: &Value) -> PyResult<String> {
        Ok(self.tzname())
    }

    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        if ZONE_METHODS.contains(&name) {
            return Some(Ok(bound(this, name)));
        }
        class_attr(Kind::Zone, name)
    }

    fn hash(&self) -> Option<i64> {
        Some(hash_ints(&[self.offset.days, self.offset.secs, self.offset.us]))
    }

    fn has_method(&self, name: &str) -> bool {
        ZONE_METHODS.contains(&name)
    }

    fn call_method(&self, this: &Value, name: &str, args: Vec<Value>, kwargs: Kwargs) -> Option<PyResult<Value>> {
        if !ZONE_METHODS.contains(&name) {
            return None;
        }
        Some((|| match name {
            "utcoffset" | "dst" | "tzname" => {
                let dt = one_arg(name, args, &kwargs)?;
                check_dt_arg(&dt, name)?;
                Ok(match name {
                    "utcoffset" => new_delta(self.offset),
                    "dst" => Value::None,
                    _ => Value::str(self.tzname()),
                })
            }
            "fromutc" => {
                let dt = one_arg(name, args, &kwargs)?;
                let Some(d) = downcast::<DateTime>(&dt) else {
                    return Err(type_error("fromutc: argument must be a datetime"));
                };
                if !d.tz.is(this) {
                    return Err(value_error("fromutc: dt.tzinfo is not self"));
                }
                datetime_add(&dt, self.offset.total_us())
            }
            "__hash__" => Ok(Value::Int(self.hash().unwrap_or(0))),
            "__reduce__" => Err(type_error("cannot pickle 'datetime.timezone' object")),
            _ => {
                let o = other_arg(name, &args)?;
                Ok(match downcast::<TimeZone>(&o) {
                    Some(z) => {
                        let eq = z.offset == self.offset;
                        Value::Bool(if name == "__eq__" { eq } else { !eq })
                    }
                    None => Value::NotImplemented,
                })
            }
        })())
    }
}

/// The methods of `tzinfo` itself, reached by a user subclass that does not
/// override them.
fn tzinfo_method(this: &Value, name: &str, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let dt = one_arg(name, args, &kwargs)?;
    match name {
        "fromutc" => tzinfo_fromutc(this, &dt),
        _ => Err(crate::exc::not_implemented_error(format!("a tzinfo subclass must implement {name}()"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_round_trip() {
        for n in [1, 2, 365, 366, 719_163, 738_000, MAX_ORDINAL] {
            let (y, m, d) = ord2ymd(n);
            assert_eq!(ymd2ord(y, m, d), n);
        }
        assert_eq!(ord2ymd(1), (1, 1, 1));
        assert_eq!(ord2ymd(MAX_ORDINAL), (9999, 12, 31));
    }

    #[test]
    fn delta_normalizes_negative_values() {
        let d = Delta::from_us(-1).ok().unwrap_or_default();
        assert_eq!((d.days, d.secs, d.us), (-1, 86_399, 999_999));
    }

    #[test]
    fn divide_and_round_is_half_even() {
        let r = |a: i64, b: i64| divide_and_round(&BigInt::from(a), &BigInt::from(b));
        assert_eq!(r(5, 2), BigInt::from(2));
        assert_eq!(r(7, 2), BigInt::from(4));
        assert_eq!(r(-5, 2), BigInt::from(-2));
    }
}
