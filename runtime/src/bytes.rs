//! `bytes` and `bytearray`: one native object type holding a byte buffer,
//! immutable (`bytes`, hashable) or mutable (`bytearray`). Also the codecs
//! behind `str.encode` and `bytes.decode` (UTF-8, ASCII, Latin-1) with
//! CPython's `UnicodeEncodeError`/`UnicodeDecodeError` messages.

use std::cell::RefCell;
use std::rc::Rc;

use crate::class::Class;
use crate::exc::{PyErr, PyResult, index_error, type_error, value_error};
use crate::func::Kwargs;
use crate::iter::PyIter;
use crate::native::{Native, downcast};
use crate::ops::{self, BinOp, CmpOp, type_name};
use crate::slice::Slice;
use crate::types::{BuiltinInfo, types};
use crate::value::Value;

pub struct Bytes {
    data: RefCell<Vec<u8>>,
    mutable: bool,
}

pub static BYTES: BuiltinInfo = BuiltinInfo { new: new_bytes_ctor };
pub static BYTEARRAY: BuiltinInfo = BuiltinInfo { new: new_bytearray_ctor };

/// A new `bytes` object.
pub fn new_bytes(data: Vec<u8>) -> Value {
    Value::native(Bytes { data: RefCell::new(data), mutable: false })
}

/// A new `bytearray` object.
pub fn new_bytearray(data: Vec<u8>) -> Value {
    Value::native(Bytes { data: RefCell::new(data), mutable: true })
}

/// A `b"..."` literal in generated code.
pub fn literal(data: &[u8]) -> Value {
    new_bytes(data.to_vec())
}

fn same_kind(mutable: bool, data: Vec<u8>) -> Value {
    if mutable { new_bytearray(data) } else { new_bytes(data) }
}

/// The contents of a `bytes` or `bytearray` value.
pub fn as_bytes(v: &Value) -> Option<Vec<u8>> {
    downcast::<Bytes>(v).map(|b| b.data.borrow().clone())
}

pub fn is_bytes(v: &Value) -> bool {
    downcast::<Bytes>(v).is_some_and(|b| !b.mutable)
}

pub fn is_bytes_like(v: &Value) -> bool {
    downcast::<Bytes>(v).is_some()
}

fn buffer(v: &Value) -> PyResult<Vec<u8>> {
    as_bytes(v).ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", type_name(v))))
}

/// `repr(b)` of the byte string alone: `b'...'` with CPython's quote choice.
pub fn repr_bytes(data: &[u8]) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::with_capacity(data.len() + 3);
    out.push('b');
    out.push(quote);
    for &c in data {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            c if c as char == quote => {
                out.push('\\');
                out.push(quote);
            }
            c if !(0x20..0x7f).contains(&c) => out.push_str(&format!("\\x{c:02x}")),
            c => out.push(c as char),
        }
    }
    out.push(quote);
    out
}

fn byte_value(v: &Value) -> PyResult<u8> {
    let i = match v {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(_) => return Err(value_error("byte must be in range(0, 256)")),
        other => ops::index_of(other, "byte")?,
    };
    u8::try_from(i).map_err(|_| value_error("byte must be in range(0, 256)"))
}

/// The bytes of `bytes(x)`/`bytearray(x)` for a non-str source.
fn bytes_from(src: &Value, kind: &str) -> PyResult<Vec<u8>> {
    if let Some(b) = as_bytes(src) {
        return Ok(b);
    }
    match src {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            let n = ops::index_of(src, "count")?;
            if n < 0 {
                return Err(value_error("negative count"));
            }
            if n > 1 << 32 {
                return Err(crate::exc::memory_error(""));
            }
            return Ok(vec![0; n as usize]);
        }
        Value::Object(_) if kind == "bytes" && crate::call::lookup_special(src, "__bytes__").is_some() => {
            let r = crate::call::call_method(src, "__bytes__", vec![], vec![])?;
            return as_bytes(&r)
                .ok_or_else(|| type_error(format!("__bytes__ returned non-bytes (type {})", type_name(&r))));
        }
        _ => {}
    }
    let items = match crate::iter::iter(src) {
        Ok(it) => it.collect_vec()?,
        Err(_) => return Err(type_error(format!("cannot convert '{}' object to {kind}", type_name(src)))),
    };
    let mut out = Vec::with_capacity(items.len());
    for it in &items {
        let i = match it {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            Value::BigInt(_) => -1,
            other => ops::index_of(other, "byte")?,
        };
        out.push(u8::try_from(i).map_err(|_| value_error("bytes must be in range(0, 256)"))?);
    }
    Ok(out)
}

fn ctor(kind: &'static str, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Vec<u8>> {
    let mut slots: [Option<Value>; 3] = [None, None, None];
    if args.len() > 3 {
        return Err(type_error(format!("{kind}() takes at most 3 arguments ({} given)", args.len())));
    }
    for (i, a) in args.into_iter().enumerate() {
        slots[i] = Some(a);
    }
    for (k, v) in kwargs {
        let i = match k.as_str() {
            "source" => 0,
            "encoding" => 1,
            "errors" => 2,
            other => return Err(type_error(format!("'{other}' is an invalid keyword argument for {kind}()"))),
        };
        slots[i] = Some(v);
    }
    let [src, encoding, errors] = slots;
    let text_arg = |v: &Option<Value>, what: &str| -> PyResult<Option<String>> {
        match v {
            None => Ok(None),
            Some(Value::Str(s)) => Ok(Some(s.to_string())),
            Some(other) => Err(type_error(format!("{kind}() argument '{what}' must be str, not {}", type_name(other)))),
        }
    };
    let encoding = text_arg(&encoding, "encoding")?;
    let errors = text_arg(&errors, "errors")?;
    match src {
        None => {
            if encoding.is_some() || errors.is_some() {
                return Err(type_error("encoding or errors without sequence argument"));
            }
            Ok(Vec::new())
        }
        Some(Value::Str(s)) => match encoding {
            Some(enc) => encode(&s, &enc, errors.as_deref().unwrap_or("strict")),
            None => Err(type_error("string argument without an encoding")),
        },
        Some(src) => {
            if encoding.is_some() {
                return Err(type_error("encoding without a string argument"));
            }
            if errors.is_some() {
                return Err(type_error("errors without a string argument"));
            }
            bytes_from(&src, kind)
        }
    }
}

fn new_bytes_ctor(_cls: &Rc<Class>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    if let [v] = args.as_slice()
        && is_bytes(v)
        && kwargs.is_empty()
    {
        return Ok(v.clone());
    }
    ctor("bytes", args, kwargs).map(new_bytes)
}

fn new_bytearray_ctor(_cls: &Rc<Class>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    ctor("bytearray", args, kwargs).map(new_bytearray)
}

// ----------------------------------------------------------------- codecs

fn normalize_encoding(enc: &str) -> PyResult<&'static str> {
    let e = enc.to_ascii_lowercase().replace(['-', ' '], "_");
    Ok(match e.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => "utf-8",
        "ascii" | "us_ascii" | "646" => "ascii",
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" | "iso_ir_100" => {
            "latin-1"
        }
        _ => {
            return Err(crate::exc::not_implemented_error(format!("py2rs: the '{enc}' codec is not supported")));
        }
    })
}

fn escape_char(c: char) -> String {
    let cp = c as u32;
    if cp <= 0xff {
        format!("\\x{cp:02x}")
    } else if cp <= 0xffff {
        format!("\\u{cp:04x}")
    } else {
        format!("\\U{cp:08x}")
    }
}

fn unicode_error(cls: &str, encoding: &str, start: usize, end: usize, reason: &str, msg: String) -> PyErr {
    let e = PyErr::new(&types().by_name[cls], msg);
    if let Value::Object(o) = e.value() {
        o.set_attr(&crate::attr::intern("encoding"), Value::str(encoding));
        o.set_attr(&crate::attr::intern("start"), Value::Int(start as i64));
        o.set_attr(&crate::attr::intern("end"), Value::Int(end as i64));
        o.set_attr(&crate::attr::intern("reason"), Value::str(reason));
    }
    e
}

/// `text.encode(encoding, errors)`.
pub fn encode(text: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let enc = normalize_encoding(encoding)?;
    if enc == "utf-8" {
        return Ok(text.as_bytes().to_vec());
    }
    let limit: u32 = if enc == "ascii" { 0x80 } else { 0x100 };
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        while end < chars.len() && chars[end] as u32 >= limit {
            end += 1;
        }
        match errors {
            "strict" => {
                let reason = format!("ordinal not in range({limit})");
                let msg = if end - start == 1 {
                    format!("'{enc}' codec can't encode character '{}' in position {start}: {reason}", escape_char(c))
                } else {
                    format!("'{enc}' codec can't encode characters in position {start}-{}: {reason}", end - 1)
                };
                return Err(unicode_error("UnicodeEncodeError", enc, start, end, &reason, msg));
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', end - start)),
            "backslashreplace" => {
                for &c in &chars[start..end] {
                    out.extend(escape_char(c).bytes());
                }
            }
            "xmlcharrefreplace" => {
                for &c in &chars[start..end] {
                    out.extend(format!("&#{};", c as u32).bytes());
                }
            }
            other => {
                return Err(crate::exc::lookup_error(format!("unknown error handler name '{other}'")));
            }
        }
        i = end;
    }
    Ok(out)
}

fn decode_error(enc: &str, data: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    let msg = if end - start == 1 {
        format!("'{enc}' codec can't decode byte 0x{:02x} in position {start}: {reason}", data[start])
    } else {
        format!("'{enc}' codec can't decode bytes in position {start}-{}: {reason}", end - 1)
    };
    unicode_error("UnicodeDecodeError", enc, start, end, reason, msg)
}

/// `data.decode(encoding, errors)`.
pub fn decode(data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let enc = normalize_encoding(encoding)?;
    if !matches!(errors, "strict" | "ignore" | "replace" | "backslashreplace") {
        return Err(crate::exc::lookup_error(format!("unknown error handler name '{errors}'")));
    }
    let mut out = String::with_capacity(data.len());
    let bad = |out: &mut String, bytes: &[u8]| match errors {
        "replace" => out.push('\u{fffd}'),
        "backslashreplace" => {
            for b in bytes {
                out.push_str(&format!("\\x{b:02x}"));
            }
        }
        _ => {}
    };
    match enc {
        "latin-1" => out.extend(data.iter().map(|&b| b as char)),
        "ascii" => {
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                } else if errors == "strict" {
                    return Err(decode_error(enc, data, i, i + 1, "ordinal not in range(128)"));
                } else {
                    bad(&mut out, &data[i..i + 1]);
                }
            }
        }
        _ => {
            let mut pos = 0;
            while pos < data.len() {
                match std::str::from_utf8(&data[pos..]) {
                    Ok(s) => {
                        out.push_str(s);
                        break;
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        out.push_str(std::str::from_utf8(&data[pos..pos + good]).unwrap_or_default());
                        let start = pos + good;
                        let (end, reason) = match e.error_len() {
                            None => (data.len(), "unexpected end of data"),
                            Some(n) => {
                                let lead = data[start];
                                if (0x80..=0xc1).contains(&lead) || lead >= 0xf5 {
                                    (start + 1, "invalid start byte")
                                } else {
                                    (start + n, "invalid continuation byte")
                                }
                            }
                        };
                        if errors == "strict" {
                            return Err(decode_error(enc, data, start, end, reason));
                        }
                        bad(&mut out, &data[start..end]);
                        pos = end;
                    }
                }
            }
        }
    }
    Ok(out)
}

/// `str.encode(encoding="utf-8", errors="strict")`.
pub fn encode_method(text: &str, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let (encoding, errors) = codec_args("encode", args, kwargs)?;
    encode(text, &encoding, &errors).map(new_bytes)
}

fn codec_args(name: &str, args: Vec<Value>, kwargs: Kwargs) -> PyResult<(String, String)> {
    if args.len() > 2 {
        return Err(type_error(format!("{name}() takes at most 2 arguments ({} given)", args.len())));
    }
    let mut slots: [Option<Value>; 2] = [None, None];
    for (i, a) in args.into_iter().enumerate() {
        slots[i] = Some(a);
    }
    for (k, v) in kwargs {
        let i = match k.as_str() {
            "encoding" => 0,
            "errors" => 1,
            other => return Err(type_error(format!("{name}() got an unexpected keyword argument '{other}'"))),
        };
        if slots[i].is_some() {
            return Err(type_error(format!("argument for {name}() given by name ('{k}') and position ({})", i + 1)));
        }
        slots[i] = Some(v);
    }
    let get = |v: &Option<Value>, what: &str, default: &str| -> PyResult<String> {
        match v {
            None => Ok(default.to_string()),
            Some(Value::Str(s)) => Ok(s.to_string()),
            Some(other) => Err(type_error(format!("{name}() argument '{what}' must be str, not {}", type_name(other)))),
        }
    };
    Ok((get(&slots[0], "encoding", "utf-8")?, get(&slots[1], "errors", "strict")?))
}

// -------------------------------------------------------------- operators

/// `a OP b` when either operand is bytes-like; `Ok(None)` when not ours.
pub fn binary(a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    let (da, db) = (downcast::<Bytes>(a), downcast::<Bytes>(b));
    if da.is_none() && db.is_none() {
        return Ok(None);
    }
    match op {
        BinOp::Add => {
            let Some(x) = da else { return Ok(None) };
            match as_bytes(b) {
                Some(y) => {
                    let mut v = x.data.borrow().clone();
                    v.extend(y);
                    Ok(Some(same_kind(x.mutable, v)))
                }
                None if matches!(b, Value::Object(_)) => Ok(None),
                None => Err(type_error(format!("can't concat {} to {}", type_name(b), type_name(a)))),
            }
        }
        BinOp::Mul => {
            let (x, n) = match (da, db) {
                (Some(x), _) if matches!(b, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) => (x, b),
                (_, Some(y)) if matches!(a, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) => (y, a),
                _ => return Ok(None),
            };
            let n = match n {
                Value::BigInt(big) if num_traits::Signed::is_negative(&**big) => 0,
                Value::BigInt(_) => {
                    return Err(crate::exc::overflow_error("cannot fit 'int' into an index-sized integer"));
                }
                other => ops::index_of(other, "repeat")?.max(0),
            };
            let data = x.data.borrow().clone();
            if data.len() as u128 * n as u128 > 1 << 34 {
                return Err(crate::exc::memory_error(""));
            }
            Ok(Some(same_kind(x.mutable, data.repeat(n as usize))))
        }
        BinOp::Mod if da.is_some() => Err(crate::exc::not_implemented_error(
            "py2rs: printf-style formatting of bytes (b'...' % x) is not supported",
        )),
        _ => Ok(None),
    }
}

/// `a += b` / `a *= b` on a bytearray (in place); `None` otherwise.
pub fn inplace(a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    let Some(x) = downcast::<Bytes>(a) else { return Ok(None) };
    if !x.mutable {
        return Ok(None);
    }
    match op {
        BinOp::Add => {
            let Some(y) = as_bytes(b) else {
                return Err(type_error(format!("can't concat {} to bytearray", type_name(b))));
            };
            x.data.borrow_mut().extend(y);
            Ok(Some(a.clone()))
        }
        BinOp::Mul if matches!(b, Value::Int(_) | Value::Bool(_)) => {
            let n = ops::index_of(b, "repeat")?.max(0) as usize;
            let data = x.data.borrow().repeat(n);
            *x.data.borrow_mut() = data;
            Ok(Some(a.clone()))
        }
        _ => Ok(None),
    }
}

/// Comparison when both operands are bytes-like; `None` otherwise.
pub fn compare(a: &Value, b: &Value, op: CmpOp) -> Option<bool> {
    let (x, y) = (downcast::<Bytes>(a)?, downcast::<Bytes>(b)?);
    let ord = x.data.borrow().as_slice().cmp(y.data.borrow().as_slice());
    Some(match op {
        CmpOp::Eq => ord.is_eq(),
        CmpOp::Ne => ord.is_ne(),
        CmpOp::Lt => ord.is_lt(),
        CmpOp::Le => ord.is_le(),
        CmpOp::Gt => ord.is_gt(),
        CmpOp::Ge => ord.is_ge(),
    })
}

/// `bytes.fromhex` / `bytearray.fromhex` looked up on the class.
pub fn class_attr(cls: &Rc<Class>, name: &str) -> Option<Value> {
    let t = types();
    if name == "from_bytes" && Rc::ptr_eq(cls, &t.int) {
        return Some(Value::native(crate::func::BuiltinFunction { name: "from_bytes", f: int_from_bytes }));
    }
    if name != "fromhex" {
        return None;
    }
    if Rc::ptr_eq(cls, &t.by_name["bytes"]) {
        Some(Value::native(crate::func::BuiltinFunction { name: "fromhex", f: fromhex_bytes }))
    } else if Rc::ptr_eq(cls, &t.by_name["bytearray"]) {
        Some(Value::native(crate::func::BuiltinFunction { name: "fromhex", f: fromhex_bytearray }))
    } else {
        None
    }
}

fn fromhex_bytes(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    fromhex(&args).map(new_bytes)
}

fn fromhex_bytearray(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    fromhex(&args).map(new_bytearray)
}

fn fromhex(args: &[Value]) -> PyResult<Vec<u8>> {
    let s = match args {
        [Value::Str(s)] => s.to_string(),
        [other] => return Err(type_error(format!("fromhex() argument must be str, not {}", type_name(other)))),
        _ => return Err(type_error(format!("fromhex() takes exactly one argument ({} given)", args.len()))),
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let err = |i: usize| value_error(format!("non-hexadecimal number found in fromhex() arg at position {i}"));
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16).filter(|_| chars[i].is_ascii()).ok_or_else(|| err(i))?;
        let lo = chars.get(i + 1).and_then(|c| c.to_digit(16).filter(|_| c.is_ascii())).ok_or_else(|| err(i + 1))?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(out)
}

fn byteorder_args(
    name: &str,
    args: Vec<Value>,
    kwargs: Kwargs,
    names: &[&str],
) -> PyResult<(Vec<Option<Value>>, bool, bool)> {
    let mut slots: Vec<Option<Value>> = vec![None; names.len()];
    let mut signed = false;
    if args.len() > names.len() {
        return Err(type_error(format!(
            "{name}() takes at most {} positional arguments ({} given)",
            names.len(),
            args.len()
        )));
    }
    for (i, a) in args.into_iter().enumerate() {
        slots[i] = Some(a);
    }
    for (k, v) in kwargs {
        if k.as_str() == "signed" {
            signed = ops::truthy(&v)?;
            continue;
        }
        match names.iter().position(|n| *n == k.as_str()) {
            Some(i) if slots[i].is_none() => slots[i] = Some(v),
            Some(i) => {
                return Err(type_error(format!(
                    "argument for {name}() given by name ('{k}') and position ({})",
                    i + 1
                )));
            }
            None => return Err(type_error(format!("'{k}' is an invalid keyword argument for {name}()"))),
        }
    }
    let little = match slots.last().cloned().flatten() {
        None => false,
        Some(Value::Str(s)) if s.as_str() == "big" => false,
        Some(Value::Str(s)) if s.as_str() == "little" => true,
        Some(Value::Str(_)) => return Err(value_error("byteorder must be either 'little' or 'big'")),
        Some(o) => {
            return Err(type_error(format!("{name}() argument 'byteorder' must be str, not {}", type_name(&o))));
        }
    };
    Ok((slots, little, signed))
}

/// `n.to_bytes(length=1, byteorder='big', *, signed=False)`.
pub fn int_to_bytes(recv: &Value, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    use num_bigint::{BigInt, Sign};
    let (slots, little, signed) = byteorder_args("to_bytes", args, kwargs, &["length", "byteorder"])?;
    let length = match &slots[0] {
        None => 1,
        Some(v) => ops::index_of(v, "length")?,
    };
    if length < 0 {
        return Err(value_error("length argument must be non-negative"));
    }
    let n: BigInt = match recv {
        Value::Int(i) => BigInt::from(*i),
        Value::Bool(b) => BigInt::from(*b as i64),
        Value::BigInt(b) => (**b).clone(),
        _ => BigInt::from(0),
    };
    if n.sign() == Sign::Minus && !signed {
        return Err(crate::exc::overflow_error("can't convert negative int to unsigned"));
    }
    let length = length as usize;
    let mut out = if signed { n.to_signed_bytes_le() } else { n.to_bytes_le().1 };
    if n == BigInt::from(0) {
        out.clear();
    }
    if out.len() > length {
        return Err(crate::exc::overflow_error("int too big to convert"));
    }
    let fill = if n.sign() == Sign::Minus { 0xff } else { 0 };
    out.resize(length, fill);
    if !little {
        out.reverse();
    }
    Ok(new_bytes(out))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`.
fn int_from_bytes(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    use num_bigint::BigInt;
    let (slots, little, signed) = byteorder_args("from_bytes", args, kwargs, &["bytes", "byteorder"])?;
    let Some(src) = &slots[0] else {
        return Err(type_error("from_bytes() missing required argument 'bytes' (pos 1)"));
    };
    let mut data = match as_bytes(src) {
        Some(b) => b,
        None if matches!(src, Value::Str(_)) => {
            return Err(type_error("cannot convert 'str' object to bytes"));
        }
        None => bytes_from(src, "bytes")?,
    };
    if !little {
        data.reverse();
    }
    let n =
        if signed { BigInt::from_signed_bytes_le(&data) } else { BigInt::from_bytes_le(num_bigint::Sign::Plus, &data) };
    Ok(Value::from_bigint(n))
}

// ---------------------------------------------------------------- methods

const METHODS: &[&str] = &[
    "hex",
    "decode",
    "startswith",
    "endswith",
    "find",
    "rfind",
    "index",
    "rindex",
    "count",
    "split",
    "rsplit",
    "join",
    "strip",
    "lstrip",
    "rstrip",
    "replace",
    "upper",
    "lower",
    "isdigit",
    "isalpha",
    "isalnum",
    "isspace",
    "isupper",
    "islower",
    "isascii",
    "removeprefix",
    "removesuffix",
    "__len__",
    "__getitem__",
    "__contains__",
];

const MUTATORS: &[&str] = &["append", "extend", "pop", "insert", "remove", "reverse", "clear", "copy", "__setitem__"];

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// CPython's `ADJUST_INDICES`.
fn adjust(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let len = len as i64;
    let fix = |v: i64| if v < 0 { (v + len).max(0) } else { v };
    let end = end.map_or(len, fix).min(len);
    let start = start.map_or(0, fix);
    (start as usize, end.max(0) as usize)
}

fn opt_i64(v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::BigInt(b)) => {
            Ok(Some(if num_traits::Signed::is_negative(&**b) { i64::MIN / 2 } else { i64::MAX / 2 }))
        }
        Some(x) => ops::index_of(x, "slice").map(Some),
    }
}

fn find_sub(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return (from <= hay.len()).then_some(from);
    }
    if from >= hay.len() {
        return None;
    }
    hay[from..].windows(needle.len()).position(|w| w == needle).map(|p| p + from)
}

fn sub_arg(v: Option<&Value>, name: &str) -> PyResult<Vec<u8>> {
    match v {
        Some(v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_))) => Ok(vec![byte_value(v)?]),
        Some(v) => match as_bytes(v) {
            Some(b) => Ok(b),
            None => Err(type_error(format!("argument should be integer or bytes-like object, not '{}'", type_name(v)))),
        },
        None => Err(type_error(format!("{name}() takes at least 1 argument (0 given)"))),
    }
}

fn split_ws(data: &[u8], maxsplit: i64, rev: bool) -> Vec<Vec<u8>> {
    let mut parts = Vec::new();
    if !rev {
        let mut i = 0;
        let n = data.len();
        while i < n {
            while i < n && is_ws(data[i]) {
                i += 1;
            }
            if i == n {
                break;
            }
            if maxsplit >= 0 && parts.len() as i64 == maxsplit {
                parts.push(data[i..].to_vec());
                break;
            }
            let start = i;
            while i < n && !is_ws(data[i]) {
                i += 1;
            }
            parts.push(data[start..i].to_vec());
        }
    } else {
        let mut i = data.len();
        while i > 0 {
            while i > 0 && is_ws(data[i - 1]) {
                i -= 1;
            }
            if i == 0 {
                break;
            }
            if maxsplit >= 0 && parts.len() as i64 == maxsplit {
                parts.push(data[..i].to_vec());
                break;
            }
            let end = i;
            while i > 0 && !is_ws(data[i - 1]) {
                i -= 1;
            }
            parts.push(data[i..end].to_vec());
        }
        parts.reverse();
    }
    parts
}

fn split_sep(data: &[u8], sep: &[u8], maxsplit: i64, rev: bool) -> Vec<Vec<u8>> {
    let mut positions = Vec::new();
    let mut i = 0;
    while let Some(p) = find_sub(data, sep, i) {
        positions.push(p);
        i = p + sep.len();
    }
    if rev {
        // Non-overlapping matches found from the right.
        positions.clear();
        let mut end = data.len();
        while end >= sep.len() && (maxsplit < 0 || (positions.len() as i64) < maxsplit) {
            match data[..end].windows(sep.len()).rposition(|w| w == sep) {
                Some(p) => {
                    positions.push(p);
                    end = p;
                }
                None => break,
            }
        }
        positions.reverse();
    } else if maxsplit >= 0 {
        positions.truncate(maxsplit as usize);
    }
    let mut parts = Vec::new();
    let mut start = 0;
    for p in positions {
        parts.push(data[start..p].to_vec());
        start = p + sep.len();
    }
    parts.push(data[start..].to_vec());
    parts
}

fn strip_set(v: Option<&Value>) -> PyResult<Option<Vec<u8>>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => buffer(v).map(Some),
    }
}

fn kw_slots(name: &str, args: Vec<Value>, kwargs: Kwargs, names: &[&str]) -> PyResult<Vec<Option<Value>>> {
    if args.len() > names.len() {
        return Err(type_error(format!("{name}() takes at most {} arguments ({} given)", names.len(), args.len())));
    }
    crate::func::keyword_slots(name, args, kwargs, names)
}

fn no_kw(name: &str, kwargs: &Kwargs) -> PyResult<()> {
    if kwargs.is_empty() { Ok(()) } else { Err(type_error(format!("{name}() takes no keyword arguments"))) }
}

fn nargs(name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    if args.len() < min || args.len() > max {
        return Err(type_error(if min == max && min == 0 {
            format!("{name}() takes no arguments ({} given)", args.len())
        } else if min == max && min == 1 {
            format!("{name}() takes exactly one argument ({} given)", args.len())
        } else if args.len() < min {
            format!("{name}() takes at least {min} argument{} ({} given)", if min == 1 { "" } else { "s" }, args.len())
        } else {
            format!("{name}() takes at most {max} argument{} ({} given)", if max == 1 { "" } else { "s" }, args.len())
        }));
    }
    Ok(())
}

impl Bytes {
    fn kind(&self) -> &'static str {
        if self.mutable { "bytearray" } else { "bytes" }
    }

    fn make(&self, data: Vec<u8>) -> Value {
        same_kind(self.mutable, data)
    }

    fn list(&self, parts: Vec<Vec<u8>>) -> Value {
        Value::list(parts.into_iter().map(|p| self.make(p)).collect())
    }

    fn method(&self, this: &Value, name: &str, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
        let data = self.data.borrow().clone();
        let a = |i: usize| args.get(i);
        Ok(match name {
            "hex" => {
                let slots = kw_slots(name, args, kwargs, &["sep", "bytes_per_sep"])?;
                let digits: Vec<String> = data.iter().map(|b| format!("{b:02x}")).collect();
                let sep = match &slots[0] {
                    None | Some(Value::None) => return Ok(Value::str(digits.concat())),
                    Some(Value::Str(s)) if s.char_len() == 1 && s.is_ascii() => s.to_string(),
                    Some(Value::Str(_)) => return Err(value_error("sep must be length 1.")),
                    Some(v) => match as_bytes(v) {
                        Some(b) if b.len() == 1 && b[0] < 0x80 => (b[0] as char).to_string(),
                        Some(_) => return Err(value_error("sep must be length 1.")),
                        None => return Err(type_error("sep must be str or bytes.")),
                    },
                };
                let per = match &slots[1] {
                    None => 1,
                    Some(v) => ops::index_of(v, "bytes_per_sep")?,
                };
                if per == 0 || digits.is_empty() {
                    return Ok(Value::str(digits.concat()));
                }
                let k = per.unsigned_abs() as usize;
                let n = digits.len();
                let mut out = String::new();
                for (i, d) in digits.iter().enumerate() {
                    // Groups are counted from the right when bytes_per_sep > 0.
                    let boundary = if per > 0 { (n - i).is_multiple_of(k) } else { i.is_multiple_of(k) };
                    if i > 0 && boundary {
                        out.push_str(&sep);
                    }
                    out.push_str(d);
                }
                Value::str(out)
            }
            "decode" => {
                let (enc, errors) = codec_args("decode", args, kwargs)?;
                Value::str(decode(&data, &enc, &errors)?)
            }
            "startswith" | "endswith" => {
                no_kw(name, &kwargs)?;
                nargs(name, &args, 1, 3)?;
                let (s, e) = adjust(opt_i64(a(1))?, opt_i64(a(2))?, data.len());
                let window: &[u8] = if s <= e && s <= data.len() { &data[s..e] } else { &[] };
                let out_of_range = s > data.len() || s > e;
                let cands: Vec<Vec<u8>> = match &args[0] {
                    Value::Tuple(t) => {
                        let mut v = Vec::new();
                        for x in t.items() {
                            v.push(as_bytes(x).ok_or_else(|| {
                                type_error(format!("a bytes-like object is required, not '{}'", type_name(x)))
                            })?);
                        }
                        v
                    }
                    other => vec![as_bytes(other).ok_or_else(|| {
                        type_error(format!(
                            "{name} first arg must be bytes or a tuple of bytes, not {}",
                            type_name(other)
                        ))
                    })?],
                };
                let hit = !out_of_range
                    && cands
                        .iter()
                        .any(|c| if name == "startswith" { window.starts_with(c) } else { window.ends_with(c) });
                Value::Bool(hit)
            }
            "find" | "rfind" | "index" | "rindex" | "count" => {
                no_kw(name, &kwargs)?;
                nargs(name, &args, 1, 3)?;
                let sub = sub_arg(a(0), name)?;
                let (s, e) = adjust(opt_i64(a(1))?, opt_i64(a(2))?, data.len());
                if name == "count" {
                    if s > e || s > data.len() {
                        return Ok(Value::Int(0));
                    }
                    if sub.is_empty() {
                        return Ok(Value::Int((e - s + 1) as i64));
                    }
                    let w = &data[s..e];
                    let mut c = 0;
                    let mut i = 0;
                    while let Some(p) = find_sub(w, &sub, i) {
                        c += 1;
                        i = p + sub.len();
                    }
                    return Ok(Value::Int(c));
                }
                let found = if s > e || s > data.len() || e - s < sub.len() {
                    None
                } else if name.starts_with('r') {
                    if sub.is_empty() {
                        Some(e)
                    } else {
                        data[s..e].windows(sub.len()).rposition(|w| w == sub.as_slice()).map(|p| p + s)
                    }
                } else {
                    find_sub(&data[..e], &sub, s)
                };
                match found {
                    Some(p) => Value::Int(p as i64),
                    None if name.ends_with("index") => return Err(value_error("subsection not found")),
                    None => Value::Int(-1),
                }
            }
            "split" | "rsplit" => {
                let slots = kw_slots(name, args, kwargs, &["sep", "maxsplit"])?;
                let maxsplit = match &slots[1] {
                    None => -1,
                    Some(v) => ops::index_of(v, "maxsplit")?,
                };
                let rev = name == "rsplit";
                match &slots[0] {
                    None | Some(Value::None) => self.list(split_ws(&data, maxsplit, rev)),
                    Some(v) => {
                        let sep = buffer(v)?;
                        if sep.is_empty() {
                            return Err(value_error("empty separator"));
                        }
                        self.list(split_sep(&data, &sep, maxsplit, rev))
                    }
                }
            }
            "join" => {
                no_kw(name, &kwargs)?;
                nargs(name, &args, 1, 1)?;
                let items = crate::iter::to_vec(&args[0])?;
                let mut out = Vec::new();
                for (i, it) in items.iter().enumerate() {
                    let Some(b) = as_bytes(it) else {
                        return Err(type_error(format!(
                            "sequence item {i}: expected a bytes-like object, {} found",
                            type_name(it)
                        )));
                    };
                    if i > 0 {
                        out.extend_from_slice(&data);
                    }
                    out.extend(b);
                }
                self.make(out)
            }
            "strip" | "lstrip" | "rstrip" => {
                no_kw(name, &kwargs)?;
                nargs(name, &args, 0, 1)?;
                let set = strip_set(a(0))?;
                let keep = |b: &u8| match &set {
                    None => !is_ws(*b),
                    Some(s) => !s.contains(b),
                };
                let mut start = 0;
                let mut end = data.len();
                if name != "rstrip" {
                    start = data.iter().position(keep).unwrap_or(data.len());
                }
                if name != "lstrip" {
                    end = data.iter().rposition(keep).map_or(start, |p| p + 1).max(start);
                }
                self.make(data[start..end].to_vec())
            }
            "replace" => {
                let slots = kw_slots(name, args, kwargs, &["old", "new", "count"])?;
                let (Some(old), Some(new)) = (&slots[0], &slots[1]) else {
                    return Err(type_error("replace expected at least 2 arguments"));
                };
                let (old, new) = (buffer(old)?, buffer(new)?);
                let mut count = match &slots[2] {
                    None => -1,
                    Some(v) => ops::index_of(v, "count")?,
                };
                let mut out = Vec::new();
                if old.is_empty() {
                    for (i, b) in data.iter().enumerate() {
                        if count != 0 {
                            out.extend_from_slice(&new);
                            count -= 1;
                        }
                        out.push(*b);
                        let _ = i;
                    }
                    if count != 0 {
                        out.extend_from_slice(&new);
                    }
                } else {
                    let mut i = 0;
                    while count != 0
                        && let Some(p) = find_sub(&data, &old, i)
                    {
                        out.extend_from_slice(&data[i..p]);
                        out.extend_from_slice(&new);
                        i = p + old.len();
                        count -= 1;
                    }
                    out.extend_from_slice(&data[i..]);
                }
                self.make(out)
            }
            "removeprefix" | "removesuffix" => {
                nargs(name, &args, 1, 1)?;
                let p = buffer(&args[0])?;
                let out = if name == "removeprefix" {
                    data.strip_prefix(p.as_slice()).unwrap_or(&data).to_vec()
                } else {
                    data.strip_suffix(p.as_slice()).unwrap_or(&data).to_vec()
                };
                self.make(out)
            }
            "upper" => self.make(data.to_ascii_uppercase()),
            "lower" => self.make(data.to_ascii_lowercase()),
            "isdigit" => Value::Bool(!data.is_empty() && data.iter().all(u8::is_ascii_digit)),
            "isalpha" => Value::Bool(!data.is_empty() && data.iter().all(u8::is_ascii_alphabetic)),
            "isalnum" => Value::Bool(!data.is_empty() && data.iter().all(u8::is_ascii_alphanumeric)),
            "isspace" => Value::Bool(!data.is_empty() && data.iter().all(|b| is_ws(*b))),
            "isascii" => Value::Bool(data.is_ascii()),
            "isupper" => {
                Value::Bool(data.iter().any(u8::is_ascii_uppercase) && !data.iter().any(u8::is_ascii_lowercase))
            }
            "islower" => {
                Value::Bool(data.iter().any(u8::is_ascii_lowercase) && !data.iter().any(u8::is_ascii_uppercase))
            }
            "__len__" => Value::Int(data.len() as i64),
            "__getitem__" => {
                nargs(name, &args, 1, 1)?;
                ops::getitem(this, &args[0])?
            }
            "__contains__" => {
                nargs(name, &args, 1, 1)?;
                Value::Bool(ops::contains(this, &args[0])?)
            }
            _ => return self.mutate(this, name, args, kwargs),
        })
    }

    fn mutate(&self, this: &Value, name: &str, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
        no_kw(name, &kwargs)?;
        Ok(match name {
            "append" => {
                nargs(name, &args, 1, 1)?;
                let b = byte_value(&args[0])?;
                self.data.borrow_mut().push(b);
                Value::None
            }
            "extend" => {
                nargs(name, &args, 1, 1)?;
                if matches!(args[0], Value::Str(_)) {
                    return Err(type_error("expected iterable of integers; got: 'str'"));
                }
                let more = match as_bytes(&args[0]) {
                    Some(b) => b,
                    None => {
                        if crate::iter::iter(&args[0]).is_err() {
                            return Err(type_error(format!("can't extend bytearray with {}", type_name(&args[0]))));
                        }
                        bytes_from(&args[0], "bytearray")?
                    }
                };
                self.data.borrow_mut().extend(more);
                Value::None
            }
            "pop" => {
                nargs(name, &args, 0, 1)?;
                let len = self.data.borrow().len();
                if len == 0 {
                    return Err(index_error("pop from empty bytearray"));
                }
                let i = match args.first() {
                    Some(v) => ops::index_of(v, "index")?,
                    None => -1,
                };
                let j = if i < 0 { i + len as i64 } else { i };
                if j < 0 || j >= len as i64 {
                    return Err(index_error("pop index out of range"));
                }
                Value::Int(self.data.borrow_mut().remove(j as usize) as i64)
            }
            "insert" => {
                nargs(name, &args, 2, 2)?;
                let i = ops::index_of(&args[0], "index")?;
                let b = byte_value(&args[1])?;
                let mut d = self.data.borrow_mut();
                let len = d.len() as i64;
                let j = if i < 0 { (i + len).max(0) } else { i.min(len) };
                d.insert(j as usize, b);
                Value::None
            }
            "remove" => {
                nargs(name, &args, 1, 1)?;
                let b = byte_value(&args[0])?;
                let mut d = self.data.borrow_mut();
                match d.iter().position(|x| *x == b) {
                    Some(p) => {
                        d.remove(p);
                    }
                    None => return Err(value_error("value not found in bytearray")),
                }
                Value::None
            }
            "reverse" => {
                nargs(name, &args, 0, 0)?;
                self.data.borrow_mut().reverse();
                Value::None
            }
            "clear" => {
                nargs(name, &args, 0, 0)?;
                self.data.borrow_mut().clear();
                Value::None
            }
            "copy" => {
                nargs(name, &args, 0, 0)?;
                new_bytearray(self.data.borrow().clone())
            }
            "__setitem__" => {
                nargs(name, &args, 2, 2)?;
                ops::setitem(this, &args[0], args[1].clone())?;
                Value::None
            }
            _ => return Err(crate::attr::no_attribute(this, name)),
        })
    }

    fn set(&self, key: &Value, value: Value) -> PyResult<()> {
        if let Some(sl) = downcast::<Slice>(key) {
            let items = match as_bytes(&value) {
                Some(b) => b,
                None if matches!(value, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) => {
                    return Err(type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)"));
                }
                None => bytes_from(&value, "bytearray")?,
            };
            let len = self.data.borrow().len();
            let (start, stop, step, n) = sl.indices(len)?;
            let mut d = self.data.borrow_mut();
            if step == 1 {
                let stop = stop.max(start);
                d.splice(start as usize..stop as usize, items);
                return Ok(());
            }
            if items.len() != n {
                return Err(value_error(format!(
                    "attempt to assign bytes of size {} to extended slice of size {n}",
                    items.len()
                )));
            }
            for (k, b) in items.into_iter().enumerate() {
                d[(start + k as i64 * step) as usize] = b;
            }
            return Ok(());
        }
        let i = index_key(key, "bytearray")?;
        let b = byte_value(&value)?;
        let mut d = self.data.borrow_mut();
        let len = d.len() as i64;
        let j = if i < 0 { i + len } else { i };
        if j < 0 || j >= len {
            return Err(index_error("bytearray index out of range"));
        }
        d[j as usize] = b;
        Ok(())
    }

    fn del(&self, key: &Value) -> PyResult<()> {
        let len = self.data.borrow().len();
        if let Some(sl) = downcast::<Slice>(key) {
            let (start, _, step, n) = sl.indices(len)?;
            let mut doomed: Vec<usize> = (0..n).map(|k| (start + k as i64 * step) as usize).collect();
            doomed.sort_unstable();
            let mut d = self.data.borrow_mut();
            for idx in doomed.into_iter().rev() {
                d.remove(idx);
            }
            return Ok(());
        }
        let i = index_key(key, "bytearray")?;
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            return Err(index_error("bytearray index out of range"));
        }
        self.data.borrow_mut().remove(j as usize);
        Ok(())
    }
}

fn index_key(key: &Value, kind: &str) -> PyResult<i64> {
    match key {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(_) => Err(index_error("cannot fit 'int' into an index-sized integer")),
        Value::Object(_) if crate::call::lookup_special(key, "__index__").is_some() => ops::index_of(key, kind),
        other => Err(type_error(format!("{kind} indices must be integers or slices, not {}", type_name(other)))),
    }
}

impl Native for Bytes {
    fn type_name(&self) -> &'static str {
        self.kind()
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        let r = repr_bytes(&self.data.borrow());
        Ok(if self.mutable { format!("bytearray({r})") } else { r })
    }

    fn iter(&self, this: &Value) -> Option<PyResult<PyIter>> {
        Some(Ok(PyIter::Sequence { obj: this.clone(), index: 0 }))
    }

    fn len(&self) -> Option<PyResult<usize>> {
        Some(Ok(self.data.borrow().len()))
    }

    fn getitem(&self, _this: &Value, key: &Value) -> Option<PyResult<Value>> {
        Some((|| {
            let d = self.data.borrow();
            if let Some(sl) = downcast::<Slice>(key) {
                let (start, _, step, n) = sl.indices(d.len())?;
                let out: Vec<u8> = (0..n).map(|k| d[(start + k as i64 * step) as usize]).collect();
                return Ok(self.make(out));
            }
            let i = index_key(key, self.kind())?;
            let len = d.len() as i64;
            let j = if i < 0 { i + len } else { i };
            if j < 0 || j >= len {
                return Err(index_error(if self.mutable {
                    "bytearray index out of range"
                } else {
                    "index out of range"
                }));
            }
            Ok(Value::Int(d[j as usize] as i64))
        })())
    }

    fn setitem(&self, _this: &Value, key: &Value, value: Value) -> Option<PyResult<()>> {
        if !self.mutable {
            return None;
        }
        Some(self.set(key, value))
    }

    fn delitem(&self, _this: &Value, key: &Value) -> Option<PyResult<()>> {
        if !self.mutable {
            return None;
        }
        Some(self.del(key))
    }

    fn contains(&self, item: &Value) -> Option<PyResult<bool>> {
        Some((|| {
            let needle = match item {
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => vec![byte_value(item)?],
                other => match as_bytes(other) {
                    Some(b) => b,
                    None => {
                        return Err(type_error(format!("a bytes-like object is required, not '{}'", type_name(other))));
                    }
                },
            };
            Ok(find_sub(&self.data.borrow(), &needle, 0).is_some())
        })())
    }

    fn eq(&self, other: &Value) -> Option<bool> {
        as_bytes(other).map(|o| *self.data.borrow() == o)
    }

    fn hash(&self) -> Option<i64> {
        if self.mutable { None } else { Some(crate::hash::hash_bytes(&self.data.borrow())) }
    }

    fn unhashable(&self) -> bool {
        self.mutable
    }

    fn has_method(&self, name: &str) -> bool {
        METHODS.contains(&name) || (self.mutable && MUTATORS.contains(&name))
    }

    fn call_method(&self, this: &Value, name: &str, args: Vec<Value>, kwargs: Kwargs) -> Option<PyResult<Value>> {
        if !self.has_method(name) {
            return None;
        }
        Some(self.method(this, name, args, kwargs))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_escapes_like_cpython() {
        // Expected values from CPython 3.12's repr().
        let cases: &[(&[u8], &str)] = &[
            (b"abc", "b'abc'"),
            (b"", "b''"),
            (b"\x00\xff", "b'\\x00\\xff'"),
            (b"\t\n\r\x0b\x0c", "b'\\t\\n\\r\\x0b\\x0c'"),
            (b"it's", "b\"it's\""),
            (b"say \"hi\"", "b'say \"hi\"'"),
            (b"'\"", "b'\\'\"'"),
            (b"back\\slash", "b'back\\\\slash'"),
            (b"\x7f\x80 ~", "b'\\x7f\\x80 ~'"),
        ];
        for (data, want) in cases {
            assert_eq!(repr_bytes(data), *want);
        }
        let ba = new_bytearray(b"a\x01".to_vec());
        assert_eq!(crate::fmt::repr(&ba).unwrap_or_default(), "bytearray(b'a\\x01')");
    }

    #[test]
    fn codecs_report_cpython_errors() {
        let show = |r: PyResult<String>| match r {
            Ok(s) => s,
            Err(e) => crate::fmt::exception_line(&e),
        };
        assert_eq!(
            show(decode(b"\xff", "utf-8", "strict")),
            "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"
        );
        assert_eq!(
            show(decode(b"a\xe2\x82", "utf-8", "strict")),
            "UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 1-2: unexpected end of data"
        );
        assert_eq!(
            show(decode(b"\xc3x", "utf-8", "strict")),
            "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xc3 in position 0: invalid continuation byte"
        );
        assert_eq!(show(decode(b"a\xffb", "utf-8", "replace")), "a\u{fffd}b");
        assert_eq!(show(decode(b"a\xffb", "ascii", "backslashreplace")), "a\\xffb");
        assert_eq!(show(decode(b"\xe9", "latin-1", "strict")), "\u{e9}");
        let enc = |s: &str, e: &str, h: &str| match encode(s, e, h) {
            Ok(b) => repr_bytes(&b),
            Err(e) => crate::fmt::exception_line(&e),
        };
        assert_eq!(enc("h\u{e9}", "utf-8", "strict"), "b'h\\xc3\\xa9'");
        assert_eq!(enc("h\u{e9}", "latin-1", "strict"), "b'h\\xe9'");
        assert_eq!(
            enc("a\u{e9}\u{20ac}b", "ascii", "strict"),
            "UnicodeEncodeError: 'ascii' codec can't encode characters in position 1-2: ordinal not in range(128)"
        );
        assert_eq!(
            enc("\u{20ac}", "latin-1", "strict"),
            "UnicodeEncodeError: 'latin-1' codec can't encode character '\\u20ac' in position 0: ordinal not in range(256)"
        );
        assert_eq!(enc("a\u{e9}", "ascii", "replace"), "b'a?'");
        assert_eq!(enc("a\u{e9}", "ascii", "xmlcharrefreplace"), "b'a&#233;'");
    }
}
