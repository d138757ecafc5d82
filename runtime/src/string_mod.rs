//! The `string` module: its character-class constants and `capwords`.
//! (`Formatter` and `Template` are not provided: using them is the
//! module's `AttributeError`.)

use crate::call::{call, call_method};
use crate::dict::Dict;
use crate::exc::PyResult;
use crate::func::{Function, Signature};
use crate::ops;
use crate::value::Value;

const LOWERCASE: &str = "abcdefghijklmnopqrstuvwxyz";
const UPPERCASE: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const DIGITS: &str = "0123456789";
const PUNCTUATION: &str = r##"!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"##;
const WHITESPACE: &str = " \t\n\r\x0b\x0c";

/// `capwords(s, sep=None)`: `(sep or ' ').join(map(str.capitalize, s.split(sep)))`,
/// evaluated in that order.
fn capwords(bound: Vec<Value>) -> PyResult<Value> {
    let [s, sep] = crate::func::args::<2>(bound);
    let joiner = if ops::truthy(&sep)? { sep.clone() } else { Value::str(" ") };
    let join = crate::attr::getattr(&joiner, "join")?;
    let words = call_method(&s, "split", vec![sep], vec![])?;
    let capitalized = crate::iter::to_vec(&words)?
        .iter()
        .map(|w| call_method(w, "capitalize", vec![], vec![]))
        .collect::<PyResult<Vec<_>>>()?;
    call(&join, vec![Value::list(capitalized)], vec![])
}

static CAPWORDS_SIG: Signature =
    Signature { params: &["s", "sep"], posonly: 0, positional: 2, varargs: false, kwonly: 0, varkw: false };

pub fn module_attrs() -> Dict {
    let d = Dict::new();
    let letters = format!("{LOWERCASE}{UPPERCASE}");
    let printable = format!("{DIGITS}{letters}{PUNCTUATION}{WHITESPACE}");
    for (name, value) in [
        ("ascii_lowercase", LOWERCASE.to_string()),
        ("ascii_uppercase", UPPERCASE.to_string()),
        ("ascii_letters", letters),
        ("digits", DIGITS.to_string()),
        ("hexdigits", format!("{DIGITS}abcdefABCDEF")),
        ("octdigits", "01234567".to_string()),
        ("punctuation", PUNCTUATION.to_string()),
        ("whitespace", WHITESPACE.to_string()),
        ("printable", printable),
    ] {
        d.set_str(name, Value::str(value.as_str()));
    }
    d.set_str(
        "capwords",
        Function::in_module("string", "capwords", &CAPWORDS_SIG, vec![Value::None], vec![], capwords),
    );
    d
}
