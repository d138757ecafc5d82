//! The `%` operator's conversion specs. (Fallback implementation; the
//! table-tested module replaces it.)

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

type R<T> = Result<T, (&'static str, String)>;

#[derive(Clone, Debug, Default)]
pub struct PrintfSpec {
    pub left: bool,
    pub plus: bool,
    pub space: bool,
    pub alternate: bool,
    pub zero: bool,
    pub width: usize,
    pub precision: Option<usize>,
    /// `*` in place of the width or the precision: the value comes from
    /// the next argument.
    pub width_star: bool,
    pub precision_star: bool,
    pub conversion: char,
}

/// Parses the spec after a `%` (and its mapping key) starting at `pos`.
/// Flags, width and precision are ASCII, so they are read as bytes; only
/// the conversion character may be any character.
pub fn parse_printf_spec(fmt: &str, pos: usize) -> R<(PrintfSpec, usize)> {
    let bytes = fmt.as_bytes();
    let mut k = pos;
    let mut s = PrintfSpec::default();
    while let Some(&b) = bytes.get(k) {
        match b {
            b'-' => s.left = true,
            b'+' => s.plus = true,
            b' ' => s.space = true,
            b'#' => s.alternate = true,
            b'0' => s.zero = true,
            _ => break,
        }
        k += 1;
    }
    let number = |k: &mut usize| {
        let mut n = 0usize;
        while let Some(d) = bytes.get(*k).filter(|b| b.is_ascii_digit()) {
            n = n.saturating_mul(10).saturating_add((d - b'0') as usize);
            *k += 1;
        }
        n
    };
    if bytes.get(k) == Some(&b'*') {
        s.width_star = true;
        k += 1;
    } else {
        s.width = number(&mut k);
    }
    if bytes.get(k) == Some(&b'.') {
        k += 1;
        if bytes.get(k) == Some(&b'*') {
            s.precision_star = true;
            k += 1;
            s.precision = Some(0);
        } else {
            s.precision = Some(number(&mut k));
        }
    }
    while matches!(bytes.get(k), Some(b'h' | b'l' | b'L')) {
        k += 1;
    }
    let Some(c) = fmt.get(k..).and_then(|rest| rest.chars().next()) else {
        return Err(("ValueError", "incomplete format".into()));
    };
    s.conversion = c;
    Ok((s, k + c.len_utf8()))
}

/// `sign`, `prefix` and `body` padded to the width, appended to `out`.
fn pad_into(out: &mut String, s: &PrintfSpec, sign: &str, prefix: &str, body: &str, numeric: bool) {
    let len = sign.len() + prefix.len() + body.chars().count();
    let n = s.width.saturating_sub(len);
    let fill = |out: &mut String, c: char| out.extend(std::iter::repeat_n(c, n));
    if n > 0 && !s.left && !(s.zero && numeric) {
        fill(out, ' ');
    }
    out.push_str(sign);
    out.push_str(prefix);
    if n > 0 && !s.left && s.zero && numeric {
        fill(out, '0');
    }
    out.push_str(body);
    if n > 0 && s.left {
        fill(out, ' ');
    }
}

fn pad(s: &PrintfSpec, sign: &str, prefix: &str, body: &str, numeric: bool) -> String {
    let mut out = String::new();
    pad_into(&mut out, s, sign, prefix, body, numeric);
    out
}

/// `%s` and the like: `text`, cut to the precision and padded.
pub fn pad_text_into(out: &mut String, s: &PrintfSpec, text: &str) {
    let t = match s.precision.and_then(|p| text.char_indices().nth(p)) {
        Some((end, _)) => &text[..end],
        None => text,
    };
    pad_into(out, s, "", "", t, false);
}

fn sign(s: &PrintfSpec, neg: bool) -> &'static str {
    if neg {
        "-"
    } else if s.plus {
        "+"
    } else if s.space {
        " "
    } else {
        ""
    }
}

pub fn format_int_i64(s: &PrintfSpec, v: i64) -> R<String> {
    format_int_big(s, &BigInt::from(v))
}

/// `%d` and the like of a machine int, appended to `out`; the digits are
/// written on the stack unless a precision asks for leading zeros.
pub fn format_int_i64_into(out: &mut String, s: &PrintfSpec, v: i64) -> R<()> {
    if !matches!(s.conversion, 'd' | 'i' | 'u') || s.precision.is_some() {
        out.push_str(&format_int_i64(s, v)?);
        return Ok(());
    }
    let mut buf = [0u8; 20];
    pad_into(out, s, sign(s, v < 0), "", crate::format_spec::decimal(v.unsigned_abs(), &mut buf), true);
    Ok(())
}

pub fn format_int_big(s: &PrintfSpec, v: &BigInt) -> R<String> {
    let (radix, prefix) = match s.conversion {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = v.abs().to_str_radix(radix);
    if s.conversion == 'X' {
        digits = digits.to_uppercase();
    }
    if let Some(p) = s.precision.filter(|p| digits.len() < *p) {
        digits = format!("{}{}", "0".repeat(p - digits.len()), digits);
    }
    let prefix = if s.alternate { prefix } else { "" };
    let _ = v.to_i64();
    Ok(pad(s, sign(s, v.is_negative()), prefix, &digits, true))
}

/// `%f` and the like, appended to `out`.
pub fn format_float_into(out: &mut String, s: &PrintfSpec, v: f64) -> R<()> {
    let neg = v.is_sign_negative() && !v.is_nan();
    let x = v.abs();
    let upper = s.conversion.is_ascii_uppercase();
    if x.is_nan() || x.is_infinite() {
        let t = if x.is_nan() { "nan" } else { "inf" };
        let t = if upper { t.to_uppercase() } else { t.to_string() };
        pad_into(out, s, sign(s, neg), "", &t, false);
        return Ok(());
    }
    let p = s.precision.unwrap_or(6);
    let body = match s.conversion {
        'f' | 'F' => crate::format_spec::f_digits(x, p, s.alternate),
        'e' | 'E' => {
            let (mant, exp) = crate::format_spec::e_digits(x, p, s.alternate, upper);
            mant + &exp
        }
        _ => {
            let (body, exp) = crate::format_spec::g_digits(x, p, s.alternate, upper, false);
            body + &exp
        }
    };
    pad_into(out, s, sign(s, neg), "", &body, true);
    Ok(())
}
