//! `complex`: Python's complex numbers, a pair of floats.
//!
//! Arithmetic with ints and floats promotes them (`1 + 2j`), `repr` follows
//! CPython (`1j`, `(1+2j)`, `(-0-1j)`, parts without a trailing `.0`), and
//! `==` compares with any number. `ops` consults [`binary`] and
//! [`compare`] when a complex operand is involved.

use crate::exc::{PyResult, type_error, zero_division_error};
use crate::func::Kwargs;
use crate::native::{Native, downcast};
use crate::ops::{BinOp, CmpOp, type_name};
use crate::value::Value;

pub struct Complex {
    pub re: f64,
    pub im: f64,
}

/// How calling `complex` builds a value.
pub static COMPLEX_NEW: crate::types::BuiltinInfo = crate::types::BuiltinInfo { new: |_, a, k| construct(a, k) };

pub fn new(re: f64, im: f64) -> Value {
    Value::native(Complex { re, im })
}

/// The complex value of a number operand (`None` for non-numbers).
fn as_complex(v: &Value) -> PyResult<Option<(f64, f64)>> {
    if let Some(c) = downcast::<Complex>(v) {
        return Ok(Some((c.re, c.im)));
    }
    Ok(crate::ops::to_f64(v)?.map(|x| (x, 0.0)))
}

pub fn is_complex(v: &Value) -> bool {
    downcast::<Complex>(v).is_some()
}

/// A float part as `repr(complex)` prints it: the shortest repr, without
/// CPython's `.0` for integral values.
fn part(x: f64) -> String {
    let r = crate::float_repr::float_repr(x);
    r.strip_suffix(".0").map(str::to_string).unwrap_or(r)
}

pub fn repr(re: f64, im: f64) -> String {
    if re == 0.0 && re.is_sign_positive() {
        return format!("{}j", part(im));
    }
    let sign = if im < 0.0 || (im == 0.0 && im.is_sign_negative()) || (im.is_nan() && im.is_sign_negative()) {
        "-"
    } else {
        "+"
    };
    let im_text = part(im.abs());
    format!("({}{}{}j)", part(re), sign, im_text)
}

/// `a OP b` when either operand is complex; `None` for other operands.
pub fn binary(a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    if !is_complex(a) && !is_complex(b) {
        return Ok(None);
    }
    let (Some((ar, ai)), Some((br, bi))) = (as_complex(a)?, as_complex(b)?) else {
        return Ok(None);
    };
    let (re, im) = match op {
        BinOp::Add => (ar + br, ai + bi),
        BinOp::Sub => (ar - br, ai - bi),
        BinOp::Mul => (ar * br - ai * bi, ar * bi + ai * br),
        BinOp::TrueDiv => divide((ar, ai), (br, bi))?,
        BinOp::Pow => power((ar, ai), (br, bi))?,
        BinOp::FloorDiv | BinOp::Mod => {
            return Err(type_error(format!(
                "unsupported operand type(s) for {}: '{}' and '{}'",
                op.symbol(),
                type_name(a),
                type_name(b)
            )));
        }
        _ => return Ok(None),
    };
    Ok(Some(new(re, im)))
}

/// CPython's `_Py_c_quot`: scale by the larger divisor part.
fn divide((ar, ai): (f64, f64), (br, bi): (f64, f64)) -> PyResult<(f64, f64)> {
    let (abs_br, abs_bi) = (br.abs(), bi.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return Err(zero_division_error("complex division by zero"));
        }
        let ratio = bi / br;
        let denom = br + bi * ratio;
        Ok(((ar + ai * ratio) / denom, (ai - ar * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = br / bi;
        let denom = br * ratio + bi;
        Ok(((ar * ratio + ai) / denom, (ai * ratio - ar) / denom))
    } else {
        Ok((f64::NAN, f64::NAN))
    }
}

/// `base ** exp` for floats where Python's answer is complex (a negative
/// base, a finite exponent that is no integer), as CPython's `float_pow`
/// hands it to complex power.
pub fn negative_base_power(base: f64, exp: f64) -> PyResult<Value> {
    power((base, 0.0), (exp, 0.0)).map(|(re, im)| new(re, im))
}

/// CPython's `_Py_c_pow`, with its exact path for small integer exponents.
fn power(a: (f64, f64), b: (f64, f64)) -> PyResult<(f64, f64)> {
    if b.1 == 0.0 && b.0 == b.0.trunc() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        let mut result = (1.0, 0.0);
        let mut base = a;
        let mut e = n.unsigned_abs();
        while e > 0 {
            if e & 1 == 1 {
                result = (result.0 * base.0 - result.1 * base.1, result.0 * base.1 + result.1 * base.0);
            }
            base = (base.0 * base.0 - base.1 * base.1, 2.0 * base.0 * base.1);
            e >>= 1;
        }
        return if n < 0 { divide((1.0, 0.0), result) } else { Ok(result) };
    }
    if b == (0.0, 0.0) {
        return Ok((1.0, 0.0));
    }
    if a == (0.0, 0.0) {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(zero_division_error("0.0 to a negative or complex power"));
        }
        return Ok((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    Ok((len * phase.cos(), len * phase.sin()))
}

/// `a == b` / `a != b` when either side is complex; ordering raises.
pub fn compare(a: &Value, b: &Value, op: CmpOp) -> PyResult<Option<bool>> {
    if !is_complex(a) && !is_complex(b) {
        return Ok(None);
    }
    let (Some(x), Some(y)) = (as_complex(a)?, as_complex(b)?) else {
        return Ok(None);
    };
    match op {
        CmpOp::Eq => Ok(Some(x == y)),
        CmpOp::Ne => Ok(Some(x != y)),
        _ => Err(type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            type_name(a),
            type_name(b)
        ))),
    }
}

impl Native for Complex {
    fn type_name(&self) -> &'static str {
        "complex"
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(repr(self.re, self.im))
    }

    fn truthy(&self) -> Option<bool> {
        Some(self.re != 0.0 || self.im != 0.0)
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        match name {
            "real" => Some(Ok(Value::Float(self.re))),
            "imag" => Some(Ok(Value::Float(self.im))),
            _ => None,
        }
    }

    fn has_method(&self, name: &str) -> bool {
        name == "conjugate"
    }

    fn call_method(&self, _this: &Value, name: &str, _args: Vec<Value>, _kwargs: Kwargs) -> Option<PyResult<Value>> {
        (name == "conjugate").then(|| Ok(new(self.re, -self.im)))
    }

    fn eq(&self, other: &Value) -> Option<bool> {
        match as_complex(other) {
            Ok(Some(o)) => Some((self.re, self.im) == o),
            _ => None,
        }
    }

    fn hash(&self) -> Option<i64> {
        // CPython: hash(re) + 1000003 * hash(im), with -1 mapped to -2.
        let h = |x: f64| crate::ops::hash(&Value::Float(x)).unwrap_or(0);
        let v = h(self.re).wrapping_add(1_000_003i64.wrapping_mul(h(self.im)));
        Some(if v == -1 { -2 } else { v })
    }
}

/// `-z`, `+z` and `abs(z)` for a complex `v`.
pub fn unary(v: &Value, op: &str) -> Option<PyResult<Value>> {
    let c = downcast::<Complex>(v)?;
    Some(match op {
        "-" => Ok(new(-c.re, -c.im)),
        "+" => Ok(new(c.re, c.im)),
        "abs" => {
            let r = c.re.hypot(c.im);
            if r.is_infinite() && c.re.is_finite() && c.im.is_finite() {
                Err(crate::exc::overflow_error("absolute value too large"))
            } else {
                Ok(Value::Float(r))
            }
        }
        _ => return None,
    })
}

/// `complex(real=0, imag=0)` and `complex("1+2j")`.
pub fn construct(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let (mut real_kw, mut imag_kw) = (None, None);
    for (k, v) in kwargs {
        match k.as_str() {
            "real" => real_kw = Some(v),
            "imag" => imag_kw = Some(v),
            other => return Err(type_error(format!("complex() got an unexpected keyword argument '{other}'"))),
        }
    }
    if args.len() > 2 {
        return Err(type_error(format!("complex() takes at most 2 arguments ({} given)", args.len())));
    }
    let real = args.first().cloned().or(real_kw).unwrap_or(Value::Int(0));
    let imag = args.get(1).cloned().or(imag_kw);
    if let Value::Str(s) = &real {
        if imag.is_some() {
            return Err(type_error("complex() can't take second arg if first is a string"));
        }
        return parse(s.as_str());
    }
    let arg = |v: &Value, which: &str| -> PyResult<(f64, f64)> {
        if let Some(c) = as_complex(v)? {
            return Ok(c);
        }
        // Objects: `__complex__`, else `__float__` or `__index__`.
        if let Value::Object(_) = v {
            if crate::call::lookup_special(v, "__complex__").is_some() {
                let c = crate::call::call_method(v, "__complex__", vec![], vec![])?;
                return as_complex(&c)?
                    .ok_or_else(|| type_error(format!("__complex__ returned non-complex (type {})", type_name(&c))));
            }
            if ["__float__", "__index__"].iter().any(|d| crate::call::lookup_special(v, d).is_some()) {
                return Ok((crate::math_mod::f64_arg(v)?, 0.0));
            }
        }
        Err(type_error(format!("complex() {which} must be a number, not '{}'", type_name(v))))
    };
    let (rr, ri) = arg(&real, "first argument")?;
    let (ir, ii) = match &imag {
        Some(v) => arg(v, "second argument")?,
        None => (0.0, 0.0),
    };
    Ok(new(rr - ii, ri + ir))
}

fn parse(text: &str) -> PyResult<Value> {
    let bad = || crate::exc::value_error("complex() arg is a malformed string");
    let s = text.trim();
    let s = s.strip_prefix('(').and_then(|t| t.strip_suffix(')')).unwrap_or(s).trim();
    let float = |t: &str| -> PyResult<f64> {
        match t {
            "" | "+" => Ok(1.0),
            "-" => Ok(-1.0),
            _ => t.parse::<f64>().map_err(|_| bad()),
        }
    };
    let Some(body) = s.strip_suffix(['j', 'J']) else {
        return Ok(new(float(s).and_then(|x| if s.is_empty() { Err(bad()) } else { Ok(x) })?, 0.0));
    };
    // The split between the parts is the last sign not after an exponent.
    let bytes = body.as_bytes();
    let split =
        (1..bytes.len()).rev().find(|&i| matches!(bytes[i], b'+' | b'-') && !matches!(bytes[i - 1], b'e' | b'E'));
    match split {
        Some(i) => Ok(new(float(&body[..i])?, float(&body[i..])?)),
        None => Ok(new(0.0, float(body)?)),
    }
}

#[cfg(test)]
mod tests {
    use super::repr;

    #[test]
    fn reprs_match_cpython() {
        // From CPython 3.12: repr(complex(re, im)).
        let cases = [
            ((0.0, 1.0), "1j"),
            ((1.0, 2.0), "(1+2j)"),
            ((-0.0, -1.0), "(-0-1j)"),
            ((0.0, -0.0), "-0j"),
            ((1.5, -0.0), "(1.5-0j)"),
            ((0.0, 2.5), "2.5j"),
            ((1e16, 1e-5), "(1e+16+1e-05j)"),
            ((f64::INFINITY, f64::NAN), "(inf+nanj)"),
            ((0.1, 0.2), "(0.1+0.2j)"),
        ];
        for ((re, im), want) in cases {
            assert_eq!(repr(re, im), want, "repr(complex({re}, {im}))");
        }
    }
}
